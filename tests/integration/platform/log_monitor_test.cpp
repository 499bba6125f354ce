// The transparency log as devices hold the server to it: a server restored
// from an old backup shows a log shorter than one its devices already saw,
// and a membership link the server serves but never logged is refused — each
// loudly, stopping the group's use on the device.
#include <gtest/gtest.h>

#include <filesystem>

#include "replica_fixture.h"
#include "samrad/server/storage/key_file.h"

namespace samrad::platform_testing {
namespace {

namespace fs = std::filesystem;

class TransparencyLog : public Replica {
 protected:
  void SetUp() override {
    Replica::SetUp();
    threeAgencies();
    coord_ = identity(social_, crypto::UserRole::Member);
    officer_ = identity(police_, crypto::UserRole::Member);
    coordClient_ = enrol(social_, coord_);
    officerClient_ = enrol(police_, officer_);
    chain_ = startGroup(coord_, *coordClient_, {&officer_}, &epochKey_);
    ASSERT_NO_FATAL_FAILURE(openReplica("officer", officer_, *officerClient_));
  }

  // Stops the server, lets `edit` change its data folder, starts it again
  // on the same port, and logs the officer in anew.
  void restart(const std::function<void()>& edit) {
    const int port = server_->port();
    server_->shutdown(std::chrono::seconds(1));
    server_.reset();
    edit();
    config_.listen = "127.0.0.1:" + std::to_string(port);
    auto app = server::app::ServerApp::start(config_);
    ASSERT_TRUE(app.ok()) << app.error().describe();
    server_ = std::move(app).value();
    officerClient_ = connect();
    ASSERT_TRUE(officerClient_->login(officer_.device, officer_.signing).ok());
  }

  client::DeviceIdentity coord_, officer_;
  std::unique_ptr<client::PlatformClient> coordClient_, officerClient_;
  crypto::MembershipChain chain_{crypto::TrustStore{}, {}};
  crypto::SecretBytes epochKey_ = crypto::SecretBytes::random(32);
};

TEST_F(TransparencyLog, AServerRestoredFromAnOldBackupIsCaughtByTheLogItsDevicesSaw) {
  auto& replica = *replicas_.at("officer");
  const std::uint64_t first = replica.log().size();
  EXPECT_GT(first, 0U) << "the chain's refresh checked a checkpoint";
  // A backup is taken while the server is stopped.
  restart([&] { fs::copy(config_.dataDir, dir_.path() / "backup", fs::copy_options::recursive); });
  // The group goes on: the coordinator signs in twice (each login is
  // logged), the log grows.
  for (int i = 0; i < 2; ++i) ASSERT_TRUE(connect()->login(coord_.device, coord_.signing).ok());
  ASSERT_TRUE(replica.pull(*officerClient_, 100ms).ok());
  ASSERT_TRUE(replica.verifyLog(*officerClient_).ok());
  const std::uint64_t later = replica.log().size();
  EXPECT_GT(later, first);
  // The operator restores the old backup: the log is shorter than one the
  // device already accepted.
  restart([&] {
    fs::remove_all(config_.dataDir);
    fs::copy(dir_.path() / "backup", config_.dataDir, fs::copy_options::recursive);
  });
  auto rolled = replica.verifyLog(*officerClient_);
  ASSERT_FALSE(rolled.ok());
  EXPECT_EQ(rolled.error().reason(), "verify.log_rolled_back");
  EXPECT_EQ(replica.pull(*officerClient_, 100ms).error().reason(), "verify.log_rolled_back");
}

TEST_F(TransparencyLog, AMembershipLinkTheServerNeverLoggedIsRefused) {
  // The coordinator signs a real change; the operator slips it into the
  // store behind the log's back, so some devices could be shown it unlogged.
  auto extra = identity(police_, crypto::UserRole::Member);
  auto added =
      chain_.makeLink(group_, crypto::OpAddMember{extra.memberSpec(crypto::GroupRole::Member)},
                      nowSeconds(), coord_.signing, coord_.device);
  ASSERT_TRUE(added.ok());
  restart([&] {
    auto key = server::storage::loadOrCreateKeyFile(config_.dataDir / "server.key");
    ASSERT_TRUE(key.ok());
    auto db = db::Database::open(config_.dataDir / "samrad.db", key->view());
    ASSERT_TRUE(db.ok()) << db.error().describe();
    auto put = (*db)->prepare("INSERT INTO chain_links (group_id, seq, link) VALUES (?1, ?2, ?3)");
    ASSERT_TRUE(put.ok());
    put->bindBlob(1, group_.view())
        .bind(2, static_cast<std::int64_t>(chain_.state().seq + 1))
        .bindBlob(3, added->serialize());
    ASSERT_TRUE(put->run().ok());
  });
  auto& replica = *replicas_.at("officer");
  auto refused = replica.refreshChain(*officerClient_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason(), "verify.not_in_log");
  EXPECT_EQ(replica.chain().state().members.count(extra.user), 0U) << "the link was not accepted";
  EXPECT_EQ(replica.pull(*officerClient_, 100ms).error().reason(), "verify.not_in_log");
}

}  // namespace
}  // namespace samrad::platform_testing
