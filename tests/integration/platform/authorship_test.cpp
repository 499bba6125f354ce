// Who may be the author of content, as a reader checks it (#25): a lawyer's,
// an observer's or a recovery key's device reads the group and writes no
// content. The server refuses such a write; a reader does not take the
// server's word for it either. Here the operator slips a version signed by
// the lawyer's device into the store: before, the officer's device kept it
// as the note's new text; now it is refused on its own, the version before
// stays, and the officer is told who signed it.
#include <gtest/gtest.h>

#include "replica_fixture.h"
#include "samrad/server/storage/key_file.h"

namespace samrad::platform_testing {
namespace {

using namespace std::chrono_literals;

std::string text(const crypto::Bytes& b) {
  return {b.begin(), b.end()};
}

class Authorship : public Replica {
 protected:
  void SetUp() override {
    Replica::SetUp();
    threeAgencies();
    coord_ = identity(social_, crypto::UserRole::Member);
    officer_ = identity(police_, crypto::UserRole::Member);
    lawyer_ = identity(social_, crypto::UserRole::Member);
    coordClient_ = enrol(social_, coord_);
    officerClient_ = enrol(police_, officer_);
    lawyerClient_ = enrol(social_, lawyer_);
    crypto::MembershipChain chain(pinned_, {});
    crypto::OpCreate create{{coord_.memberSpec(crypto::GroupRole::Coordinator),
                             officer_.memberSpec(crypto::GroupRole::Member),
                             lawyer_.memberSpec(crypto::GroupRole::Lawyer)}};
    auto genesis = chain.makeLink(group_, create, nowSeconds(), coord_.signing, coord_.device);
    ASSERT_TRUE(genesis.ok() && chain.append(*genesis).ok());
    ASSERT_TRUE(coordClient_->createGroup(genesis->serialize()).ok());
    auto bundle = crypto::makeEpochKeyBundle(chain, epochKey_, nullptr, coord_.signing,
                                             coord_.device, {}, nowSeconds());
    ASSERT_TRUE(bundle.ok() && coordClient_->putEpochKeys(group_, bundle->serialize()).ok());
    ASSERT_NO_FATAL_FAILURE(openReplica("coord", coord_, *coordClient_));
    ASSERT_NO_FATAL_FAILURE(openReplica("officer", officer_, *officerClient_));
  }

  void writeNote(const crypto::ObjectId& id, const std::string& text) {
    ASSERT_TRUE(replicas_["coord"]->write(id, "note", crypto::asBytes(text)).ok());
    auto pushed = replicas_["coord"]->push(*coordClient_);
    ASSERT_TRUE(pushed.ok() && pushed->sent == 1U);
  }

  // The operator stops the server, puts `body` in place of the stored
  // version, and starts it again on the same port.
  void replaceStoredVersion(const crypto::ObjectId& id, std::uint64_t version,
                            const crypto::Bytes& body) {
    const int port = server_->port();
    server_->shutdown(std::chrono::seconds(1));
    server_.reset();
    {
      auto key = server::storage::loadOrCreateKeyFile(config_.dataDir / "server.key");
      ASSERT_TRUE(key.ok());
      auto db = db::Database::open(config_.dataDir / "samrad.db", key->view());
      ASSERT_TRUE(db.ok()) << db.error().describe();
      auto put = (*db)->prepare(
          "UPDATE object_versions SET body = ?1 WHERE group_id = ?2 AND object_id = ?3 AND "
          "version = ?4");
      ASSERT_TRUE(put.ok());
      put->bindBlob(1, body)
          .bindBlob(2, group_.view())
          .bindBlob(3, id.view())
          .bind(4, static_cast<std::int64_t>(version));
      ASSERT_TRUE(put->run().ok());
      ASSERT_EQ((*db)->changes(), 1);
    }
    config_.listen = "127.0.0.1:" + std::to_string(port);
    auto app = server::app::ServerApp::start(config_);
    ASSERT_TRUE(app.ok()) << app.error().describe();
    server_ = std::move(app).value();
    officerClient_ = connect();
    ASSERT_TRUE(officerClient_->login(officer_.device, officer_.signing).ok());
  }

  client::DeviceIdentity coord_, officer_, lawyer_;
  std::unique_ptr<client::PlatformClient> coordClient_, officerClient_, lawyerClient_;
  crypto::SecretBytes epochKey_ = crypto::SecretBytes::random(32);
};

TEST_F(Authorship, AVersionSignedByTheLawyersDeviceIsRefusedByEveryReader) {
  const crypto::ObjectId note = crypto::ObjectId::random();
  ASSERT_NO_FATAL_FAILURE(writeNote(note, "MARKER-coordinator v1"));
  auto& officer = *replicas_["officer"];
  ASSERT_TRUE(officer.pull(*officerClient_, 300ms).ok());
  ASSERT_EQ(text(officer.object(note)->plaintext), "MARKER-coordinator v1");
  ASSERT_NO_FATAL_FAILURE(writeNote(note, "MARKER-coordinator v2"));

  // The server itself refuses the lawyer's write.
  const auto& state = replicas_["coord"]->chain().state();
  const crypto::ContentContext ctx{"note",      group_,         note,      2,
                                   state.epoch, lawyer_.device, state.head};
  auto forged = crypto::encryptObject(ctx, crypto::asBytes("MARKER-the lawyer's words"),
                                      {epochKey_, std::nullopt}, lawyer_.signing);
  ASSERT_TRUE(forged.ok());
  auto direct = lawyerClient_->putObject(group_, note, 2, forged->serialize());
  ASSERT_FALSE(direct.ok());
  EXPECT_EQ(direct.error().reason(), "group.read_only");

  // The operator puts it in place of the coordinator's second version.
  ASSERT_NO_FATAL_FAILURE(replaceStoredVersion(note, 2, forged->serialize()));
  auto pulled = officer.pull(*officerClient_, 300ms);
  ASSERT_TRUE(pulled.ok()) << pulled.error().describe();
  EXPECT_EQ(text(officer.object(note)->plaintext), "MARKER-coordinator v1");
  ASSERT_EQ(officer.refusedRecords().size(), 1U);
  EXPECT_EQ(officer.refusedRecords()[0].why.reason(), "record.read_only_author");
  EXPECT_EQ(officer.refusedRecords()[0].author, lawyer_.device);

  // A device that never held the note (a new laptop) keeps nothing of it.
  auto store = localStore("officer-new-laptop");
  auto fresh = client::GroupReplica::open(store->database(), copyOf(officer_), pinned_, group_);
  ASSERT_TRUE(fresh.ok());
  ASSERT_TRUE((*fresh)->refreshChain(*officerClient_).ok());
  ASSERT_TRUE((*fresh)->pull(*officerClient_, 300ms).ok());
  EXPECT_FALSE((*fresh)->object(note).has_value());
  ASSERT_EQ((*fresh)->refusedRecords().size(), 1U);
  EXPECT_EQ((*fresh)->refusedRecords()[0].why.reason(), "record.read_only_author");
}

}  // namespace
}  // namespace samrad::platform_testing
