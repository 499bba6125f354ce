#include "samrad/common/log.h"

#include <gtest/gtest.h>

namespace samrad::log {
namespace {

TEST(Log, JsonEscapesEverythingThatCouldBreakALine) {
  const std::string line =
      render(Format::Json, "rpc.done", {{"method", "a\"b\\c\nd"}, {"bytes", 42}, {"ok", true}});
  EXPECT_EQ(line, R"("event":"rpc.done","method":"a\"b\\c\nd","bytes":42,"ok":true)");
}

TEST(Log, JsonEscapesControlCharacters) {
  const std::string line = render(Format::Json, "e", {{"k", std::string_view("\x01", 1)}});
  EXPECT_EQ(line, R"("event":"e","k":"\u0001")");
}

TEST(Log, TextQuotesAmbiguousValues) {
  EXPECT_EQ(render(Format::Text, "server.listening", {{"port", 7443}, {"address", "127.0.0.1"}}),
            "server.listening port=7443 address=127.0.0.1");
  EXPECT_EQ(render(Format::Text, "e", {{"k", "two words"}}), R"(e k="two words")");
  EXPECT_EQ(render(Format::Text, "e", {{"k", ""}}), R"(e k="")");
}

TEST(Log, ParsesLevelsAndFormats) {
  EXPECT_EQ(*parseLevel("warn"), Level::Warn);
  EXPECT_EQ(*parseFormat("json"), Format::Json);
  EXPECT_FALSE(parseLevel("loud").ok());
  EXPECT_EQ(parseFormat("xml").error().reason(), "log.bad_format");
}

}  // namespace
}  // namespace samrad::log
