// The server started in-process on port 0: health over TLS, no plaintext, no
// untrusted certificate, clean shutdown.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "grpc/health/v1/health.grpc.pb.h"
#include "samrad/client/connection.h"
#include "samrad/common/log.h"
#include "samrad/server/app/server_app.h"
#include "samrad/testing/support.h"

namespace samrad {
namespace {

using namespace std::chrono_literals;

class ServerTls : public ::testing::Test {
 protected:
  void SetUp() override {
    log::init(log::Format::Text, log::Level::Warn);
    pki_ = testing::makeDevPki(dir_.path() / "pki");
    config_.listen = "127.0.0.1:0";
    config_.dataDir = dir_.path() / "var";
    config_.tlsCert = pki_.serverCert;
    config_.tlsKey = pki_.serverKey;
  }

  client::ServerEndpoint endpoint(int port) const {
    return {"127.0.0.1:" + std::to_string(port), pki_.caCert, ""};
  }

  testing::TempDir dir_;
  testing::DevPki pki_;
  server::app::ServerConfig config_;
};

TEST_F(ServerTls, StartsOnPortZeroAndAnswersHealthOverTls) {
  auto app = server::app::ServerApp::start(config_);
  ASSERT_TRUE(app.ok()) << app.error().describe();
  ASSERT_GT((*app)->port(), 0);

  auto channel = client::openChannel(endpoint((*app)->port()));
  ASSERT_TRUE(channel.ok());
  auto health = client::checkHealth(**channel, "", 5s);
  ASSERT_TRUE(health.ok()) << health.error().describe();
  EXPECT_EQ(*health, client::Health::Serving);
}

TEST_F(ServerTls, ServerInfoIsStableAcrossRestarts) {
  std::string id;
  {
    auto app = server::app::ServerApp::start(config_);
    ASSERT_TRUE(app.ok());
    auto channel = client::openChannel(endpoint((*app)->port()));
    auto info = client::fetchServerInfo(**channel, 5s);
    ASSERT_TRUE(info.ok()) << info.error().describe();
    id = info->serverId;
    EXPECT_EQ(info->maxMessageBytes, static_cast<std::uint64_t>(config_.limits.maxMessageBytes));
    EXPECT_GE(info->schemaVersion, 1U);
  }
  auto app = server::app::ServerApp::start(config_);
  ASSERT_TRUE(app.ok());
  auto channel = client::openChannel(endpoint((*app)->port()));
  auto info = client::fetchServerInfo(**channel, 5s);
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->serverId, id);
}

TEST_F(ServerTls, RefusesAPlaintextConnection) {
  auto app = server::app::ServerApp::start(config_);
  ASSERT_TRUE(app.ok());
  auto channel = grpc::CreateChannel("127.0.0.1:" + std::to_string((*app)->port()),
                                     grpc::InsecureChannelCredentials());
  auto stub = grpc::health::v1::Health::NewStub(channel);
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + 3s);
  grpc::health::v1::HealthCheckResponse resp;
  const grpc::Status status = stub->Check(&ctx, {}, &resp);
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_NE(resp.status(), grpc::health::v1::HealthCheckResponse::SERVING);
}

TEST_F(ServerTls, RefusesAServerCertificateFromAnotherCa) {
  auto app = server::app::ServerApp::start(config_);
  ASSERT_TRUE(app.ok());
  const auto stranger = testing::makeDevPki(dir_.path() / "other-pki");
  client::ServerEndpoint ep = endpoint((*app)->port());
  ep.caFile = stranger.caCert;
  auto channel = client::openChannel(ep);
  ASSERT_TRUE(channel.ok());
  auto health = client::checkHealth(**channel, "", 3s);
  ASSERT_FALSE(health.ok());
  EXPECT_EQ(health.error().reason(), "rpc.unavailable");
  EXPECT_NE(client::describeForPerson(health.error()).find("cannot be reached"), std::string::npos);
}

TEST_F(ServerTls, ShutsDownCleanlyAndReleasesItsPort) {
  auto app = server::app::ServerApp::start(config_);
  ASSERT_TRUE(app.ok());
  const int port = (*app)->port();
  auto channel = client::openChannel(endpoint(port));
  ASSERT_TRUE(channel.ok());
  ASSERT_EQ(*client::checkHealth(**channel, "", 5s), client::Health::Serving);

  const auto before = std::chrono::steady_clock::now();
  (*app)->shutdown(2s);
  EXPECT_LT(std::chrono::steady_clock::now() - before, 3s);
  EXPECT_FALSE(client::checkHealth(**channel, "", 1s).ok());

  // The same port can be taken again at once, and the store reopens.
  config_.listen = "127.0.0.1:" + std::to_string(port);
  auto again = server::app::ServerApp::start(config_);
  ASSERT_TRUE(again.ok()) << again.error().describe();
  EXPECT_EQ((*again)->port(), port);
}

TEST_F(ServerTls, MissingCertificateIsAClearStartError) {
  config_.tlsCert = dir_.path() / "nope.crt";
  auto app = server::app::ServerApp::start(config_);
  ASSERT_FALSE(app.ok());
  EXPECT_EQ(app.error().reason(), "tls.unreadable");
  EXPECT_NE(app.error().message().find("nope.crt"), std::string::npos);
}

TEST_F(ServerTls, ABusyPortIsAClearStartError) {
  auto first = server::app::ServerApp::start(config_);
  ASSERT_TRUE(first.ok());
  server::app::ServerConfig second = config_;
  second.listen = "127.0.0.1:" + std::to_string((*first)->port());
  second.dataDir = dir_.path() / "var2";
  auto app = server::app::ServerApp::start(second);
  ASSERT_FALSE(app.ok());
  EXPECT_EQ(app.error().reason(), "server.listen_failed");
}

}  // namespace
}  // namespace samrad
