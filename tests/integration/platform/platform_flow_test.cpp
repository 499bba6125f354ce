// The platform end to end: a real server on port 0 with TLS and its SQLCipher
// store, and real clients doing real cryptography — three agencies enrolled,
// devices logged in, a consultation group with a membership chain and epoch
// keys, objects written and read, a conflicting write, a subscriber that
// resumes without a gap, a removed member refused, and the server's database
// scanned for plaintext.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "samrad/client/connection.h"
#include "samrad/client/platform_client.h"
#include "samrad/common/log.h"
#include "samrad/crypto/content.h"
#include "samrad/crypto/epoch_keys.h"
#include "samrad/db/database.h"
#include "samrad/server/app/server_app.h"
#include "samrad/server/storage/key_file.h"
#include "samrad/testing/support.h"

namespace samrad {
namespace {

using namespace std::chrono_literals;
using crypto::Bytes;

std::int64_t nowSeconds() {
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

TEST_F(Platform, AConsultationGroupWorksEndToEndAndTheServerStaysBlind) {
  bootstrap(social_, 2);
  bootstrap(police_, 1);
  bootstrap(health_, 3);
  enrolMember(social_, samordnare_);
  enrolMember(police_, officer_);
  enrolMember(health_, nurse_);
  for (const Agency* a : {&social_, &police_, &health_}) pinned_.pin(a->id, a->root.publicKey());

  // The coordinator creates the group; the server validates the genesis link.
  crypto::MembershipChain local(pinned_, {});
  auto genesis = local.makeLink(group_,
                                crypto::OpCreate{{spec(samordnare_, crypto::GroupRole::Coordinator),
                                                  spec(officer_, crypto::GroupRole::Member),
                                                  spec(nurse_, crypto::GroupRole::Member)}},
                                nowSeconds(), samordnare_.device.signing, samordnare_.device.id);
  ASSERT_TRUE(genesis.ok()) << genesis.error().describe();
  auto head = samordnare_.device.client->createGroup(genesis->serialize());
  ASSERT_TRUE(head.ok()) << head.error().describe();

  // Epoch keys for everyone, opened by each member after validating the chain.
  crypto::MembershipChain chain = fetchChain(*nurse_.device.client);
  const auto e1 = crypto::SecretBytes::random(32);
  auto bundle = crypto::makeEpochKeyBundle(chain, e1, nullptr, samordnare_.device.signing,
                                           samordnare_.device.id);
  ASSERT_TRUE(bundle.ok());
  ASSERT_TRUE(samordnare_.device.client->putEpochKeys(group_, bundle->serialize()).ok());
  const auto officerKey = epochKeyOf(officer_, fetchChain(*officer_.device.client));
  const auto nurseKey = epochKeyOf(nurse_, chain);
  EXPECT_TRUE(officerKey.equals(e1.view()));

  // A brief with a marker the server must never see.
  const std::string marker = "MARKER-Annika-Svensson-811218-9876";
  const crypto::ObjectId brief = crypto::ObjectId::random();
  auto v1 = officer_.device.client->putObject(
      group_, brief, 0, encrypt(officer_, chain, officerKey, brief, 1, "Ärende: " + marker));
  ASSERT_TRUE(v1.ok()) << v1.error().describe();
  EXPECT_EQ(v1->version, 1U);

  auto fetched = nurse_.device.client->getObject(group_, brief);
  ASSERT_TRUE(fetched.ok()) << fetched.error().describe();
  auto obj = crypto::EncryptedObject::parse(*fetched);
  auto plain = crypto::decryptObject(*obj, {group_, brief, 1, "case-brief"}, chain,
                                     {nurseKey, std::nullopt});
  ASSERT_TRUE(plain.ok()) << plain.error().describe();
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(plain->data()), plain->size()),
            "Ärende: " + marker);

  // Two writers edit version 1 at once: one wins, the other is told, nothing is lost.
  auto a = officer_.device.client->putObject(group_, brief, 1,
                                             encrypt(officer_, chain, officerKey, brief, 2, "A"));
  auto b = nurse_.device.client->putObject(group_, brief, 1,
                                           encrypt(nurse_, chain, nurseKey, brief, 2, "B"));
  ASSERT_TRUE(a.ok()) << a.error().describe();
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().code(), ErrorCode::Aborted);
  EXPECT_EQ(b.error().reason(), "object.conflict");

  // A retried write with the same idempotency key is applied once.
  const crypto::ObjectId minutes = crypto::ObjectId::random();
  const Bytes key = crypto::randomBytes(16);
  const Bytes body = encrypt(officer_, chain, officerKey, minutes, 1, "minnesanteckning");
  auto first = officer_.device.client->putObject(group_, minutes, 0, body, {}, key);
  auto retry = officer_.device.client->putObject(group_, minutes, 0, body, {}, key);
  ASSERT_TRUE(first.ok() && retry.ok()) << (retry.ok() ? "" : retry.error().describe());
  EXPECT_EQ(first->eventSeq, retry->eventSeq);

  // A subscriber reads two events, disconnects, misses writes, and resumes.
  std::vector<std::uint64_t> seen;
  auto last = nurse_.device.client->subscribe(
      group_, 0,
      [&](const client::ObjectEvent& e) {
        seen.push_back(e.seq);
        return seen.size() < 2;
      },
      5s);
  ASSERT_TRUE(last.ok()) << last.error().describe();
  EXPECT_EQ(*last, 2U);
  for (int i = 0; i < 3; ++i) {
    const crypto::ObjectId o = crypto::ObjectId::random();
    ASSERT_TRUE(officer_.device.client
                    ->putObject(group_, o, 0, encrypt(officer_, chain, officerKey, o, 1, "x"))
                    .ok());
  }
  std::atomic<bool> liveSeen{false};
  std::thread writer([&] {
    std::this_thread::sleep_for(300ms);
    const crypto::ObjectId o = crypto::ObjectId::random();
    (void)officer_.device.client->putObject(group_, o, 0,
                                            encrypt(officer_, chain, officerKey, o, 1, "live"));
  });
  const std::uint64_t total = 9;  // genesis, keys, 2 briefs, minutes, 3 objects, 1 live
  auto resumed = nurse_.device.client->subscribe(
      group_, *last,
      [&](const client::ObjectEvent& e) {
        seen.push_back(e.seq);
        if (e.seq == total) liveSeen = true;
        return e.seq < total;
      },
      10s);
  writer.join();
  ASSERT_TRUE(resumed.ok()) << resumed.error().describe();
  EXPECT_TRUE(liveSeen.load());
  std::vector<std::uint64_t> expected(total);
  for (std::uint64_t i = 0; i < total; ++i) expected[i] = i + 1;
  EXPECT_EQ(seen, expected);

  // The nurse is removed: a new epoch, and the server refuses her at once.
  auto removal = chain.makeLink(group_, crypto::OpRemoveMember{nurse_.id}, nowSeconds(),
                                samordnare_.device.signing, samordnare_.device.id);
  ASSERT_TRUE(removal.ok());
  ASSERT_TRUE(samordnare_.device.client->appendLink(group_, removal->serialize()).ok());
  auto refused = nurse_.device.client->getObject(group_, brief);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code(), ErrorCode::PermissionDenied);
  EXPECT_EQ(refused.error().reason(), "group.not_member");
  EXPECT_EQ(nurse_.device.client->getEpochKeys(group_).error().reason(), "group.not_member");

  // Content under the old epoch is refused after the removal.
  crypto::MembershipChain after = fetchChain(*officer_.device.client);
  const crypto::ObjectId late = crypto::ObjectId::random();
  auto stale = officer_.device.client->putObject(
      group_, late, 0, encrypt(officer_, chain, officerKey, late, 1, "old key"));
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().reason(), "object.stale_epoch");
  EXPECT_EQ(after.state().epoch, 2U);

  // The server's database, opened with its own key, holds no plaintext.
  server_->shutdown(1s);
  auto dbKey = server::storage::loadOrCreateKeyFile(config_.dataDir / "server.key");
  ASSERT_TRUE(dbKey.ok());
  auto db = db::Database::open(config_.dataDir / "samrad.db", dbKey->view());
  ASSERT_TRUE(db.ok());
  auto tables = (*db)->prepare("SELECT name FROM sqlite_master WHERE type = 'table'");
  std::vector<std::string> names;
  while (*tables->step()) names.push_back(tables->columnText(0));
  std::size_t cells = 0;
  for (const auto& t : names) {
    auto rows = (*db)->prepare("SELECT * FROM " + t);
    ASSERT_TRUE(rows.ok());
    const int columns = rows->columnCount();
    while (*rows->step()) {
      for (int c = 0; c < columns; ++c) {
        const Bytes cell = rows->columnBlob(c);
        const std::string s(cell.begin(), cell.end());
        ++cells;
        EXPECT_EQ(s.find("MARKER-Annika"), std::string::npos) << "table " << t;
        EXPECT_EQ(s.find("minnesanteckning"), std::string::npos) << "table " << t;
      }
    }
  }
  EXPECT_GT(cells, 50U);
}

}  // namespace
}  // namespace samrad
