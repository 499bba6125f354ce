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

namespace samrad::log {
namespace {

TEST(Log, JournalFieldsNameEveryFieldAndKeepValuesWhole) {
  const auto f = journalFields(Level::Warn, "rpc.refused",
                               {{"rpc", "/samrad.v1.ObjectService/GetObject"},
                                {"reason", "object.not_found"},
                                {"latency-ms", 12},
                                {"ok", false},
                                {"note", std::string_view("two\nlines")}});
  ASSERT_EQ(f.size(), 8U);
  EXPECT_EQ(f[0].rfind("MESSAGE=rpc.refused rpc=/samrad.v1.ObjectService/GetObject", 0), 0U);
  EXPECT_EQ(f[1], "PRIORITY=4");
  EXPECT_EQ(f[2], "SAMRAD_EVENT=rpc.refused");
  EXPECT_EQ(f[3], "SAMRAD_RPC=/samrad.v1.ObjectService/GetObject");
  EXPECT_EQ(f[4], "SAMRAD_REASON=object.not_found");
  EXPECT_EQ(f[5], "SAMRAD_LATENCY_MS=12");  // '-' is no character of a journal field name
  EXPECT_EQ(f[6], "SAMRAD_OK=false");
  EXPECT_EQ(f[7], "SAMRAD_NOTE=two\nlines");  // sd_journal_sendv carries it binary-safe
  EXPECT_EQ(journalFields(Level::Debug, "e", {})[1], "PRIORITY=7");
  EXPECT_EQ(journalFields(Level::Error, "e", {})[1], "PRIORITY=3");
  EXPECT_EQ(*parseFormat("journal"), Format::Journal);
}

}  // namespace
}  // namespace samrad::log
