// A login cannot be relayed (#25 item 7). A server the device trusts but is
// not the one it enrolled with — a lookalike address with a certificate of
// its own — passes the real server's challenge on, hoping the device signs
// it and hands over a session. The signature names the TLS certificate the
// device actually sees, so the real server refuses it; and a device that
// kept its server's id at enrolment refuses another outright.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <optional>

#include "platform_fixture.h"
#include "samrad/crypto/login.h"
#include "samrad/v1/auth.grpc.pb.h"

namespace samrad::platform_testing {
namespace {

// The relay: GetChallenge and Login forwarded to the real server, the Login
// request kept (what an attacker would replay).
class Relay final : public v1::AuthService::Service {
 public:
  explicit Relay(std::shared_ptr<grpc::Channel> real) : real_(v1::AuthService::NewStub(real)) {}

  grpc::Status GetChallenge(grpc::ServerContext*, const v1::GetChallengeRequest* req,
                            v1::Challenge* resp) override {
    grpc::ClientContext ctx;
    return real_->GetChallenge(&ctx, *req, resp);
  }
  grpc::Status Login(grpc::ServerContext*, const v1::LoginRequest* req,
                     v1::Session* resp) override {
    captured = *req;
    grpc::ClientContext ctx;
    auto s = real_->Login(&ctx, *req, resp);
    if (s.ok()) stolenToken = resp->token();
    return s;
  }

  std::optional<v1::LoginRequest> captured;
  std::string stolenToken;

 private:
  std::unique_ptr<v1::AuthService::Stub> real_;
};

class LoginRelay : public Platform {
 protected:
  void startRelay() {
    const auto pki = testing::makeDevPki(dir_.path() / "pki-relay");
    relayCa_ = pki.caCert;
    auto real =
        client::openChannel({"127.0.0.1:" + std::to_string(server_->port()), pki_.caCert, ""});
    ASSERT_TRUE(real.ok());
    relay_ = std::make_unique<Relay>(*real);
    grpc::SslServerCredentialsOptions tls;
    tls.pem_key_cert_pairs.push_back(
        {testing::readFile(pki.serverKey), testing::readFile(pki.serverCert)});
    grpc::ServerBuilder b;
    b.AddListeningPort("127.0.0.1:0", grpc::SslServerCredentials(tls), &relayPort_);
    b.RegisterService(relay_.get());
    relayServer_ = b.BuildAndStart();
    ASSERT_TRUE(relayServer_ != nullptr);
  }
  void TearDown() override {
    if (relayServer_) relayServer_->Shutdown();
    Platform::TearDown();
  }
  std::unique_ptr<client::PlatformClient> connectToRelay() {
    auto ch = client::openChannel({"127.0.0.1:" + std::to_string(relayPort_), relayCa_, ""});
    EXPECT_TRUE(ch.ok());
    return std::make_unique<client::PlatformClient>(*ch);
  }

  std::filesystem::path relayCa_;
  std::unique_ptr<Relay> relay_;
  std::unique_ptr<grpc::Server> relayServer_;
  int relayPort_ = 0;
};

TEST_F(LoginRelay, AChallengePassedOnByAnotherServerGivesNoSession) {
  bootstrap(police_, 1);
  enrolMember(police_, officer_);
  ASSERT_NO_FATAL_FAILURE(startRelay());

  auto victim = connectToRelay();
  auto through = victim->login(officer_.device.id, officer_.device.signing);
  EXPECT_FALSE(through.ok()) << "a login relayed through another server succeeded";
  EXPECT_TRUE(relay_->stolenToken.empty()) << "the relay holds a session of the officer's";
  ASSERT_TRUE(relay_->captured.has_value());

  // Replayed by the attacker straight to the real server: refused too.
  auto real = connect();
  auto replay = real->login(officer_.device.id, officer_.device.signing);  // a fresh, honest one
  ASSERT_TRUE(replay.ok()) << "the device itself still logs in to its server";
  auto stub = v1::AuthService::NewStub(
      *client::openChannel({"127.0.0.1:" + std::to_string(server_->port()), pki_.caCert, ""}));
  grpc::ClientContext ctx;
  v1::Session session;
  auto again = stub->Login(&ctx, *relay_->captured, &session);
  EXPECT_FALSE(again.ok());
}

TEST_F(LoginRelay, ADeviceThatKeptItsServersIdRefusesAnotherBeforeSigning) {
  bootstrap(police_, 1);
  enrolMember(police_, officer_);
  // Another server altogether (its own id), reached through the relay's
  // address: the pinned id differs, nothing is signed.
  auto honest = connect();
  ASSERT_TRUE(honest->login(officer_.device.id, officer_.device.signing).ok());
  const crypto::Bytes enrolledWith = honest->serverIdSeen();
  ASSERT_FALSE(enrolledWith.empty());

  auto other = connect();
  crypto::Bytes wrong = enrolledWith;
  wrong[0] ^= 0xff;
  other->expectServer(wrong);
  auto refused = other->login(officer_.device.id, officer_.device.signing);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason(), "auth.wrong_server");
  EXPECT_FALSE(other->loggedIn());

  other->expectServer(enrolledWith);
  EXPECT_TRUE(other->login(officer_.device.id, officer_.device.signing).ok());
}

}  // namespace
}  // namespace samrad::platform_testing
