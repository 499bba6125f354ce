// Login's defences, in the domain without gRPC (security review, item 6:
// "anyone can lock a device out"): failed signatures count per device *and*
// network address, junk challenges count for nothing, every address and the
// server as a whole have a call budget, and a challenge is issued without
// writing to disk. The same over the wire: LoginDefences in validation_test.
#include "samrad/crypto/login.h"

#include <gtest/gtest.h>

#include "domain_fixture.h"
#include "samrad/server/domain/login_guard.h"

namespace samrad::server::domain {
namespace {

constexpr std::string_view kOffice = "ipv4:192.0.2.10";      // where the member works
constexpr std::string_view kStranger = "ipv4:203.0.113.66";  // anyone on the internet

class Login : public DomainTest {
 protected:
  void SetUp() override {
    DomainTest::SetUp();
    const Actor& m = actors_.at("member");
    ASSERT_TRUE(store_
                    ->insertUser({m.user, m.agency, static_cast<int>(m.role),
                                  m.userCert.serialize(), clock_.now() + 1000, std::nullopt})
                    .ok());
    ASSERT_TRUE(store_
                    ->insertDevice({m.device, m.user, m.signing.publicKey(),
                                    m.deviceCert.serialize(), clock_.now() + 1000, std::nullopt})
                    .ok());
  }

  const Actor& member() { return actors_.at("member"); }

  Result<std::pair<std::string, std::int64_t>> loginFrom(std::string_view peer,
                                                         bool validSignature = true) {
    auto c = platform_->challenge(member().device, peer);
    if (!c) return c.error();
    crypto::Bytes sig(crypto::kSignatureSize, 0x5a);
    if (validSignature) {
      const auto s = member().signing.sign(crypto::loginMessage(
          platform_->serverId(), platform_->tlsCertificate(), member().device, c->first));
      sig.assign(s.begin(), s.end());
    }
    return platform_->login(member().device, c->first, sig, peer);
  }
};

TEST_F(Login, FailedSignaturesFromAStrangerDoNotLockTheDeviceOutAtTheOffice) {
  for (int i = 0; i < 5; ++i) {
    auto r = loginFrom(kStranger, false);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().reason(), "auth.bad_signature");
  }
  // The stranger's address is locked out for a while...
  auto again = loginFrom(kStranger, false);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().reason(), "auth.rate_limited");
  // ...the member at the office is not.
  auto r = loginFrom(kOffice);
  EXPECT_TRUE(r.ok()) << r.error().describe();
}

TEST_F(Login, FailedSignaturesAtOneAddressLockItOutUntilTheWindowHasPassed) {
  for (int i = 0; i < 5; ++i) ASSERT_FALSE(loginFrom(kOffice, false).ok());
  auto locked = loginFrom(kOffice);
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().reason(), "auth.rate_limited");
  clock_.t += platform_->limits().login.failureWindow + 1;
  auto r = loginFrom(kOffice);
  EXPECT_TRUE(r.ok()) << r.error().describe();
}

TEST_F(Login, JunkChallengesCountForNothing) {
  for (int i = 0; i < 50; ++i) {
    auto r = platform_->login(member().device, crypto::randomBytes(crypto::kLoginChallengeSize),
                              crypto::Bytes(crypto::kSignatureSize, 1), kOffice);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().reason(), "auth.bad_challenge");
  }
  auto r = loginFrom(kOffice);
  EXPECT_TRUE(r.ok()) << r.error().describe();
}

TEST_F(Login, AChallengeExpiresAndIsSpentOnce) {
  auto c = platform_->challenge(member().device, kOffice);
  ASSERT_TRUE(c.ok());
  const auto sig = member().signing.sign(crypto::loginMessage(
      platform_->serverId(), platform_->tlsCertificate(), member().device, c->first));
  const crypto::Bytes signature(sig.begin(), sig.end());
  clock_.t = c->second;  // the moment it expires
  auto late = platform_->login(member().device, c->first, signature, kOffice);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().reason(), "auth.bad_challenge");

  auto fresh = platform_->challenge(member().device, kOffice);
  ASSERT_TRUE(fresh.ok());
  const auto sig2 = member().signing.sign(crypto::loginMessage(
      platform_->serverId(), platform_->tlsCertificate(), member().device, fresh->first));
  const crypto::Bytes signature2(sig2.begin(), sig2.end());
  EXPECT_TRUE(platform_->login(member().device, fresh->first, signature2, kOffice).ok());
  auto twice = platform_->login(member().device, fresh->first, signature2, kOffice);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().reason(), "auth.bad_challenge");
}

TEST_F(Login, NobodyCanCrowdOutTheDevicesChallengeByAskingForTheirOwn) {
  auto mine = platform_->challenge(member().device, kOffice);
  ASSERT_TRUE(mine.ok());
  // A stranger, elsewhere and behind the office's own address, asks for
  // challenges for the member's device between its GetChallenge and Login.
  for (int i = 0; i < 100; ++i) {
    ASSERT_TRUE(platform_->challenge(member().device, kStranger).ok());
    ASSERT_TRUE(platform_->challenge(member().device, kOffice).ok());
  }
  const auto sig = member().signing.sign(crypto::loginMessage(
      platform_->serverId(), platform_->tlsCertificate(), member().device, mine->first));
  auto r = platform_->login(member().device, mine->first, crypto::Bytes(sig.begin(), sig.end()),
                            kOffice);
  EXPECT_TRUE(r.ok()) << r.error().describe();
}

TEST_F(Login, AChallengeIsForOneDeviceAndCannotBeForged) {
  auto c = platform_->challenge(member().device, kOffice);
  ASSERT_TRUE(c.ok());
  EXPECT_FALSE(platform_
                   ->login(actors_.at("coordinator").device, c->first,
                           crypto::Bytes(crypto::kSignatureSize, 1), kOffice)
                   .ok());
  crypto::Bytes later = c->first;
  later[7] ^= 0x01;  // a different expiry under the same MAC
  const auto sig = member().signing.sign(crypto::loginMessage(
      platform_->serverId(), platform_->tlsCertificate(), member().device, later));
  auto r = platform_->login(member().device, later, crypto::Bytes(sig.begin(), sig.end()), kOffice);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), "auth.bad_challenge");
}

TEST_F(Login, ALockedOutAddressCannotUseAChallengeItAlreadyHeld) {
  auto held = platform_->challenge(member().device, kOffice);
  ASSERT_TRUE(held.ok());
  for (int i = 0; i < 5; ++i) ASSERT_FALSE(loginFrom(kOffice, false).ok());
  const auto sig = member().signing.sign(crypto::loginMessage(
      platform_->serverId(), platform_->tlsCertificate(), member().device, held->first));
  auto r = platform_->login(member().device, held->first, crypto::Bytes(sig.begin(), sig.end()),
                            kOffice);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), "auth.rate_limited");
}

TEST_F(Login, IssuingAChallengeWritesNothingToDisk) {
  const std::int64_t before = serverStore_->database().totalChanges();
  for (int i = 0; i < 100; ++i) ASSERT_TRUE(platform_->challenge(member().device, kOffice).ok());
  EXPECT_EQ(serverStore_->database().totalChanges(), before);
}

TEST_F(Login, AnAddressThatFloodsIsSlowedDownOthersAreNot) {
  const auto burst = static_cast<int>(platform_->limits().login.peerBurst);
  int refused = 0;
  for (int i = 0; i < burst + 10; ++i) {
    auto c = platform_->challenge(member().device, kStranger);
    if (!c.ok()) {
      EXPECT_EQ(c.error().reason(), "auth.rate_limited");
      ++refused;
    }
  }
  EXPECT_EQ(refused, 10);
  auto r = loginFrom(kOffice);
  EXPECT_TRUE(r.ok()) << r.error().describe();
  // A second later the address has its steady rate back.
  clock_.t += 1;
  EXPECT_TRUE(platform_->challenge(member().device, kStranger).ok());
}

TEST(LoginGuard, NoBudgetIsSharedByEveryone) {
  // A flood from a thousand addresses, each spending all it has, leaves the
  // next address its whole budget: a shared budget would be a lockout.
  LoginGuardSettings s;
  s.peerBurst = 5;
  LoginGuard guard(s);
  for (int a = 0; a < 1000; ++a) {
    const std::string peer =
        "ipv4:198.51." + std::to_string(a / 256) + "." + std::to_string(a % 256);
    for (int i = 0; i < 6; ++i) (void)guard.admit(peer, 1000);
  }
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(guard.admit("ipv4:192.0.2.10", 1000).ok()) << i;
}

TEST(LoginGuard, AClockSetBackDoesNotFreezeAnAddressesBudget) {
  LoginGuardSettings s;
  s.peerBurst = 2;
  s.peerPerSecond = 1;
  LoginGuard guard(s);
  ASSERT_TRUE(guard.admit("ipv4:192.0.2.10", 1000).ok());
  ASSERT_TRUE(guard.admit("ipv4:192.0.2.10", 1000).ok());
  EXPECT_FALSE(guard.admit("ipv4:192.0.2.10", 1000).ok());
  EXPECT_FALSE(guard.admit("ipv4:192.0.2.10", 900).ok());  // the clock is set back
  EXPECT_TRUE(guard.admit("ipv4:192.0.2.10", 901).ok());   // and refills from there
}

TEST(LoginGuard, RemembersABoundedNumberOfAddresses) {
  LoginGuardSettings s;
  s.maxTracked = 8;
  LoginGuard guard(s);
  for (int i = 0; i < 8; ++i) {
    ASSERT_TRUE(guard.admit("ipv4:10.0.0." + std::to_string(i), 1000).ok());
  }
  // Full of addresses that are still spending: a new one waits.
  EXPECT_FALSE(guard.admit("ipv4:10.0.1.1", 1000).ok());
  // Once their buckets have refilled they are forgotten and room is made.
  const auto refill = static_cast<std::int64_t>(s.peerBurst / s.peerPerSecond) + 1;
  EXPECT_TRUE(guard.admit("ipv4:10.0.1.1", 1000 + refill).ok());
}

TEST(LoginGuard, AnAddressIsItsHostWithoutThePortAndAnIpv6AddressItsSlash64) {
  EXPECT_EQ(peerAddress("ipv4:192.0.2.7:53211"), "ipv4:192.0.2.7");
  EXPECT_EQ(peerAddress("ipv6:[2001:db8:1:2:3::9]:4711"), "ipv6:2001:db8:1:2::/64");
  EXPECT_EQ(peerAddress("ipv6:%5B2001:db8:1:2:ffff::1%5D:4711"), "ipv6:2001:db8:1:2::/64");
  EXPECT_EQ(peerAddress("ipv6:[::1]:4711"), "ipv6:::/64");
  EXPECT_EQ(peerAddress("ipv6:[::ffff:192.0.2.7]:4711"), "ipv4:192.0.2.7");
  EXPECT_EQ(peerAddress("ipv6:[fe80::1%eth0]:4711"), "ipv6:fe80::/64");
  EXPECT_EQ(peerAddress("ipv6:not-an-address"), "ipv6:not-an-address");
  EXPECT_EQ(peerAddress("unix:/run/samrad.sock"), "unix:/run/samrad.sock");
  EXPECT_EQ(peerAddress(""), "");
}

}  // namespace
}  // namespace samrad::server::domain
