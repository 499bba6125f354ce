// Shared fixture for platform integration tests: a real server on port 0 with
// TLS and its SQLCipher store, and helpers that enrol agencies, members and
// devices through real clients with real keys.
#pragma once

#include <gtest/gtest.h>

#include "samrad/client/connection.h"
#include "samrad/client/platform_client.h"
#include "samrad/common/log.h"
#include "samrad/crypto/content.h"
#include "samrad/crypto/epoch_keys.h"
#include "samrad/server/app/server_app.h"
#include "samrad/server/storage/key_file.h"
#include "samrad/testing/store_scan.h"
#include "samrad/testing/support.h"

namespace samrad::platform_testing {

using namespace std::chrono_literals;
using crypto::Bytes;

inline std::int64_t nowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

struct Device {
  crypto::DeviceId id = crypto::DeviceId::random();
  crypto::SigningKeyPair signing = crypto::SigningKeyPair::generate();
  crypto::BoxKeyPair box = crypto::BoxKeyPair::generate();
  crypto::Envelope certificate;
  std::unique_ptr<client::PlatformClient> client;
};

struct Person {
  crypto::UserId id = crypto::UserId::random();
  crypto::SigningKeyPair identity = crypto::SigningKeyPair::generate();
  crypto::Envelope certificate;
  Device device;
};

struct Agency {
  crypto::AgencyId id = crypto::AgencyId::random();
  crypto::SigningKeyPair root = crypto::SigningKeyPair::generate();
  int kind = 0;
  Person admin;
};

class Platform : public ::testing::Test {
 protected:
  void SetUp() override {
    log::init(log::Format::Text, log::Level::Warn);
    pki_ = testing::makeDevPki(dir_.path() / "pki");
    config_.listen = "127.0.0.1:0";
    config_.dataDir = dir_.path() / "var";
    config_.tlsCert = pki_.serverCert;
    config_.tlsKey = pki_.serverKey;
    auto app = server::app::ServerApp::start(config_);
    ASSERT_TRUE(app.ok()) << app.error().describe();
    server_ = std::move(app).value();
    auto op = server::storage::loadOrCreateKeyFile(config_.dataDir / "operator.key");
    ASSERT_TRUE(op.ok());
    operatorToken_ = crypto::toHex(op->view());
  }

  // Starts the server again on the same data with `config_` as changed since
  // SetUp (shorter sessions, say), before a test's first request.
  void restartServer() {
    server_->shutdown(std::chrono::seconds(1));
    server_.reset();
    auto app = server::app::ServerApp::start(config_);
    ASSERT_TRUE(app.ok()) << app.error().describe();
    server_ = std::move(app).value();
  }

  std::unique_ptr<client::PlatformClient> connect() {
    auto ch =
        client::openChannel({"127.0.0.1:" + std::to_string(server_->port()), pki_.caCert, ""});
    EXPECT_TRUE(ch.ok());
    return std::make_unique<client::PlatformClient>(*ch);
  }

  static crypto::Envelope userCert(const Agency& a, const Person& p, crypto::UserRole role) {
    return crypto::issueUserCertificate(a.root, {p.id, a.id, role, p.identity.publicKey(),
                                                 nowSeconds() - 60, nowSeconds() + 3600, 1});
  }
  static crypto::Envelope deviceCert(const Person& p) {
    return crypto::issueDeviceCertificate(
        p.identity, {p.device.id, p.id, p.device.signing.publicKey(), p.device.box.publicKey(),
                     nowSeconds() - 60, nowSeconds() + 3600});
  }

  // Operator bootstraps the agency; its administrator's device enrols and logs in.
  void bootstrap(Agency& a, int kind) {
    a.kind = kind;
    a.admin.certificate = userCert(a, a.admin, crypto::UserRole::Administrator);
    a.admin.device.certificate = deviceCert(a.admin);
    auto op = connect();
    auto code = op->bootstrapAgency(operatorToken_, a.id, kind, a.root.publicKey(),
                                    a.admin.certificate.serialize());
    ASSERT_TRUE(code.ok()) << code.error().describe();
    a.admin.device.client = connect();
    ASSERT_TRUE(
        a.admin.device.client->enrollDevice(*code, a.admin.device.certificate.serialize()).ok());
    ASSERT_TRUE(a.admin.device.client->login(a.admin.device.id, a.admin.device.signing).ok());
  }

  // The agency administrator registers a member, who enrols a device and logs in.
  void enrolMember(Agency& a, Person& p) {
    p.certificate = userCert(a, p, crypto::UserRole::Member);
    p.device.certificate = deviceCert(p);
    ASSERT_TRUE(a.admin.device.client->registerUser(p.certificate.serialize()).ok());
    auto code = a.admin.device.client->issueEnrollmentCode(p.id);
    ASSERT_TRUE(code.ok()) << code.error().describe();
    p.device.client = connect();
    auto uc = p.device.client->enrollDevice(*code, p.device.certificate.serialize());
    ASSERT_TRUE(uc.ok()) << uc.error().describe();
    ASSERT_TRUE(p.device.client->login(p.device.id, p.device.signing).ok());
  }

  static crypto::MemberSpec spec(const Person& p, crypto::GroupRole role) {
    return {p.certificate, role, {p.device.certificate}};
  }

  // A client's own view of the chain: fetched, then validated from genesis
  // against the roots it pinned itself.
  crypto::MembershipChain fetchChain(client::PlatformClient& c) {
    auto links = c.getChain(group_);
    EXPECT_TRUE(links.ok()) << links.error().describe();
    std::vector<crypto::Envelope> envs;
    for (const auto& l : *links) envs.push_back(*crypto::Envelope::parse(l));
    auto chain = crypto::MembershipChain::validate(pinned_, {}, envs);
    EXPECT_TRUE(chain.ok()) << chain.error().describe();
    return std::move(chain).value();
  }

  crypto::SecretBytes epochKeyOf(Person& p, const crypto::MembershipChain& chain) {
    auto keys = p.device.client->getEpochKeys(group_);
    EXPECT_TRUE(keys.ok()) << keys.error().describe();
    auto env = crypto::Envelope::parse(keys->second);
    auto opened = crypto::openEpochKeyBundle(*env, chain, p.device.id, p.device.box);
    EXPECT_TRUE(opened.ok()) << opened.error().describe();
    return std::move(opened->key);
  }

  Bytes encrypt(Person& author, const crypto::MembershipChain& chain,
                const crypto::SecretBytes& key, const crypto::ObjectId& object,
                std::uint64_t version, std::string_view text) {
    const crypto::ContentContext ctx{
        "case-brief",      group_, object, version, chain.state().epoch, author.device.id,
        chain.state().head};
    auto o = crypto::encryptObject(ctx, crypto::asBytes(text), {key, std::nullopt},
                                   author.device.signing);
    EXPECT_TRUE(o.ok());
    return o->serialize();
  }

  // Opens the (stopped) server's database with its own key and checks that
  // no cell of any table contains any of `secrets`. Returns the cells read.
  std::size_t expectStoreHoldsNone(const std::vector<std::string>& secrets) {
    auto scan = testing::scanStoreFor(config_.dataDir, secrets);
    EXPECT_TRUE(scan.ok()) << scan.error().describe();
    if (!scan.ok()) return 0;
    for (const auto& f : scan->findings) ADD_FAILURE() << "plaintext in the store: " << f;
    return scan->cells;
  }

  testing::TempDir dir_;
  testing::DevPki pki_;
  server::app::ServerConfig config_;
  std::unique_ptr<server::app::ServerApp> server_;
  std::string operatorToken_;
  Agency social_, police_, health_;
  Person samordnare_, officer_, nurse_;
  crypto::TrustStore pinned_;
  crypto::GroupId group_ = crypto::GroupId::random();
};

}  // namespace samrad::platform_testing
