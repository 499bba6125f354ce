// The advice intake key as a requester sees it (#25, a low item): the key a
// smaller municipality seals its question to is signed by the coordinator's
// device for the group's current epoch. A server that keeps serving an old
// one — which a member removed since can open — is caught: a key signed more
// than 30 days ago is refused, and so is one older than a key this device
// accepted before. The coordinator's computer signs the key anew every week.
#include <gtest/gtest.h>

#include "replica_fixture.h"
#include "samrad/client/advice.h"

namespace samrad::platform_testing {
namespace {

constexpr std::int64_t kDay = 24 * 3600;

class AdviceIntake : public Replica {
 protected:
  void SetUp() override {
    Replica::SetUp();
    threeAgencies();
    bootstrap(municipality_, 5);
    requesterRoots_ = pinned_;
    requesterRoots_.pin(municipality_.id, municipality_.root.publicKey());
    pinned_.pin(municipality_.id, municipality_.root.publicKey());
    coord_ = identity(social_, crypto::UserRole::Member);
    officer_ = identity(police_, crypto::UserRole::Member);
    asker_ = identity(municipality_, crypto::UserRole::External);
    coordClient_ = enrol(social_, coord_);
    officerClient_ = enrol(police_, officer_);
    askerClient_ = enrol(municipality_, asker_);
    const auto epochKey = crypto::SecretBytes::random(32);
    startGroup(coord_, *coordClient_, {&officer_}, &epochKey);
    ASSERT_NO_FATAL_FAILURE(openReplica("coord", coord_, *coordClient_));
    askerStore_ = localStore("asker");
  }

  client::AdviceInbox inbox() {
    return client::AdviceInbox(*replicas_.at("coord"), *coordClient_, coord_, pinned_);
  }
  client::AdviceDesk desk() {
    return client::AdviceDesk(*askerClient_, asker_, requesterRoots_, &askerStore_->database());
  }

  Agency municipality_;
  crypto::TrustStore requesterRoots_;
  client::DeviceIdentity coord_, officer_, asker_;
  std::unique_ptr<client::PlatformClient> coordClient_, officerClient_, askerClient_;
  std::unique_ptr<client::KeyStore> askerStore_;
};

TEST_F(AdviceIntake, AKeySignedMoreThanAMonthAgoIsRefusedAndTheCoordinatorRenewsIt) {
  const std::int64_t now = nowSeconds();
  auto in = inbox();
  ASSERT_TRUE(in.openIntake(now - 31 * kDay).ok());
  ASSERT_TRUE(in.allowRequester(asker_.user).ok());
  auto d = desk();
  auto stale = d.intake(group_, now);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().reason(), "advice.intake_stale");
  EXPECT_EQ(d.ask(group_, "Hur stöttar vi en äldre man?", "Bräcke kommun",
                  client::RequesterOrganisation::SocialServices, now)
                .error()
                .reason(),
            "advice.intake_stale");

  // The coordinator's computer renews a week-old key, and leaves a fresh one.
  auto renewed = in.refreshIntake(now);
  ASSERT_TRUE(renewed.ok()) << renewed.error().describe();
  EXPECT_TRUE(*renewed);
  EXPECT_FALSE(*in.refreshIntake(now + 60));
  EXPECT_TRUE(d.intake(group_, now).ok());
  // Another member's computer does nothing.
  ASSERT_NO_FATAL_FAILURE(openReplica("officer", officer_, *officerClient_));
  client::AdviceInbox officerInbox(*replicas_.at("officer"), *officerClient_, officer_, pinned_);
  EXPECT_FALSE(*officerInbox.refreshIntake(now + 30 * kDay));
  // Nor is a key dated in the future taken.
  ASSERT_TRUE(in.openIntake(now + kDay).ok());
  EXPECT_EQ(d.intake(group_, now).error().reason(), "advice.intake_unverified");
}

TEST_F(AdviceIntake, AServerThatServesAnOlderKeyAgainIsCaught) {
  const std::int64_t now = nowSeconds();
  auto in = inbox();
  ASSERT_TRUE(in.openIntake(now - 2 * kDay).ok());
  ASSERT_TRUE(in.allowRequester(asker_.user).ok());
  auto older = coordClient_->intakeKey(group_);
  ASSERT_TRUE(older.ok());
  ASSERT_TRUE(desk().intake(group_, now).ok());
  ASSERT_TRUE(in.openIntake(now).ok());
  ASSERT_TRUE(desk().intake(group_, now).ok());

  // The older key, served again (the coordinator's client stands in for a
  // server that replays what it stored): this device has seen a newer one,
  // also after a restart (a new desk on the same local store).
  ASSERT_TRUE(coordClient_->setIntakeKey(group_, older->intake).ok());
  auto replayed = desk().intake(group_, now);
  ASSERT_FALSE(replayed.ok());
  EXPECT_EQ(replayed.error().reason(), "advice.intake_rolled_back");
}

}  // namespace
}  // namespace samrad::platform_testing
