#include "samrad/server/app/config.h"

#include <gtest/gtest.h>

#include <fstream>

#include "samrad/testing/support.h"

namespace samrad::server::app {
namespace {

std::filesystem::path writeToml(const testing::TempDir& dir, const std::string& text) {
  const auto path = dir.path() / "samrad.toml";
  std::ofstream(path) << text;
  return path;
}

TEST(Config, ReadsEverySection) {
  testing::TempDir dir;
  const auto path = writeToml(dir, R"(
[server]
listen = "127.0.0.1:9000"
data_dir = "/srv/samrad"
[tls]
cert = "/etc/samrad/server.crt"
key = "/etc/samrad/server.key"
[log]
level = "debug"
format = "json"
[limits]
max_message_bytes = 1048576
max_concurrent_streams = 100
)");
  ServerConfig c;
  auto r = loadConfigFile(path, c);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(c.listen, "127.0.0.1:9000");
  EXPECT_EQ(c.dataDir, "/srv/samrad");
  EXPECT_EQ(c.tlsCert, "/etc/samrad/server.crt");
  EXPECT_EQ(c.logLevel, log::Level::Debug);
  EXPECT_EQ(c.logFormat, log::Format::Json);
  EXPECT_EQ(c.limits.maxMessageBytes, 1048576);
  EXPECT_EQ(c.limits.maxConcurrentStreams, 100);
  EXPECT_TRUE(validate(c).ok());
}

TEST(Config, KeepaliveIsReadAndKeptInBounds) {
  testing::TempDir dir;
  ServerConfig c;
  auto r = loadConfigFile(writeToml(dir, R"([server]
keepalive_seconds = 30
keepalive_timeout_seconds = 5
min_client_ping_ms = 2000
)"),
                          c);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(c.keepaliveSeconds, 30);
  EXPECT_EQ(c.keepaliveTimeoutSeconds, 5);
  EXPECT_EQ(c.minClientPingMs, 2000);
  c.tlsCert = "/etc/samrad/server.crt";
  c.tlsKey = "/etc/samrad/server.key";
  EXPECT_TRUE(validate(c).ok());
  // A server pinging every second would keep every laptop's radio awake; one
  // accepting pings every millisecond invites a flood.
  c.keepaliveSeconds = 1;
  auto tooOften = validate(c);
  ASSERT_FALSE(tooOften.ok());
  EXPECT_NE(tooOften.error().message().find("server.keepalive_seconds"), std::string::npos);
  c.keepaliveSeconds = 60;
  c.minClientPingMs = 1;
  auto flood = validate(c);
  ASSERT_FALSE(flood.ok());
  EXPECT_NE(flood.error().message().find("server.min_client_ping_ms"), std::string::npos);
}

// An office behind one firewall shares one address's login budget: the
// operator can widen it, within bounds.
TEST(Config, TheLoginBudgetPerAddressIsReadAndKeptInBounds) {
  testing::TempDir dir;
  ServerConfig c;
  auto r = loadConfigFile(writeToml(dir, R"([limits]
login_calls_burst = 2000
login_calls_per_second = 50
)"),
                          c);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(c.limits.loginCallsBurst, 2000);
  EXPECT_EQ(c.limits.loginCallsPerSecond, 50);
  c.tlsCert = "/etc/samrad/server.crt";
  c.tlsKey = "/etc/samrad/server.key";
  EXPECT_TRUE(validate(c).ok());
  c.limits.loginCallsPerSecond = 0;
  auto none = validate(c);
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().message().find("limits.login_calls_per_second"), std::string::npos);
}

TEST(Config, KeepsDefaultsForKeysNotGiven) {
  testing::TempDir dir;
  ServerConfig c;
  ASSERT_TRUE(loadConfigFile(writeToml(dir, "[log]\nlevel = \"warn\"\n"), c).ok());
  EXPECT_EQ(c.listen, "127.0.0.1:7443");
  EXPECT_EQ(c.logLevel, log::Level::Warn);
}

TEST(Config, UnknownKeysAreErrorsNotSilentDefaults) {
  testing::TempDir dir;
  ServerConfig c;
  auto r = loadConfigFile(writeToml(dir, "[server]\nlisten_adress = \"x:1\"\n"), c);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), "config.invalid");
  EXPECT_NE(r.error().message().find("server.listen_adress"), std::string::npos);
}

TEST(Config, SyntaxErrorsNameTheLine) {
  testing::TempDir dir;
  ServerConfig c;
  auto r = loadConfigFile(writeToml(dir, "[server]\nlisten = \n"), c);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("line 2"), std::string::npos) << r.error().message();
}

TEST(Config, WrongTypesAreErrors) {
  testing::TempDir dir;
  ServerConfig c;
  auto r = loadConfigFile(writeToml(dir, "[limits]\nmax_message_bytes = \"big\"\n"), c);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("wrong type"), std::string::npos);
}

TEST(Config, ValidationExplainsWhatIsMissing) {
  ServerConfig c;
  auto r = validate(c);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("TLS"), std::string::npos);
  c.tlsCert = "a";
  c.tlsKey = "b";
  c.listen = "nocolon";
  EXPECT_FALSE(validate(c).ok());
  c.listen = "127.0.0.1:0";
  c.limits.maxMessageBytes = 10;
  EXPECT_FALSE(validate(c).ok());
}

}  // namespace
}  // namespace samrad::server::app
