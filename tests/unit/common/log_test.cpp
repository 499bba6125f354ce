#include "samrad/common/log.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "samrad/testing/support.h"

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

// Security review (low): a log file the server creates is readable by its
// owner only.
TEST(Log, ALogFileIsCreatedOwnerOnly) {
  testing::TempDir dir;
  const auto path = dir.path() / "samrad-server.log";
  const mode_t old = ::umask(022);  // the usual one: would give 0644
  init(Format::Text, Level::Info, path.string());
  ::umask(old);
  info("test.line", {{"n", 1}});
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600U);
  EXPECT_NE(testing::readFile(path).find("test.line"), std::string::npos);
  init(Format::Text, Level::Info);  // back to stderr for the other tests
}

}  // namespace
}  // namespace samrad::log
