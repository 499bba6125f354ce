// The agency recovery key's words and keys: what an administrator writes
// down is all there is, so it must survive being typed back in any form, catch
// a mistyped word, and always give the same keys.
#include "samrad/client/recovery.h"

#include <gtest/gtest.h>

namespace samrad::client {
namespace {

TEST(RecoveryWords, SurviveBeingTypedBackAndCatchAMistypedWord) {
  const auto seed = newRecoverySeed();
  const std::string words = recoveryWords(seed);
  EXPECT_EQ(std::count(words.begin(), words.end(), ' '), 16);
  auto back = seedFromWords(words);
  ASSERT_TRUE(back.ok()) << back.error().describe();
  EXPECT_TRUE(back->equals(seed.view()));
  // Upper case, dashes and line breaks as someone copies from paper.
  std::string typed;
  for (const char c : words) {
    typed += c == ' ' ? '-' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  typed[typed.find('-', typed.size() / 2)] = '\n';
  back = seedFromWords("  " + typed + "  ");
  ASSERT_TRUE(back.ok()) << back.error().describe();
  EXPECT_TRUE(back->equals(seed.view()));
  // One consonant changed for another: still 17 proquints, but they do not add up.
  std::string wrong = words;
  wrong[0] = wrong[0] == 'b' ? 'd' : 'b';
  EXPECT_EQ(seedFromWords(wrong).error().reason(), "recovery.words_check");
  // A word left out, a word that is no proquint, an extra word.
  EXPECT_EQ(seedFromWords(words.substr(6)).error().reason(), "recovery.words");
  EXPECT_EQ(seedFromWords("xxxxx " + words.substr(6)).error().reason(), "recovery.words");
  EXPECT_EQ(seedFromWords(words + " babab").error().reason(), "recovery.words");
  EXPECT_EQ(seedFromWords(words + " babab ").error().reason(), "recovery.words");
  EXPECT_EQ(seedFromWords(words + " junk more").error().reason(), "recovery.words");
  EXPECT_EQ(seedFromWords(words.substr(0, 6) + "x" + words.substr(6)).error().reason(),
            "recovery.words");
  EXPECT_EQ(seedFromWords("").error().reason(), "recovery.words");
}

TEST(RecoveryKeys, TheSameSeedAlwaysGivesTheSameKeys) {
  const auto seed = newRecoverySeed();
  auto a = recoveryKeys(seed);
  auto b = recoveryKeys(*seedFromWords(recoveryWords(seed)));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->user, b->user);
  EXPECT_EQ(a->device, b->device);
  EXPECT_EQ(a->identity.publicKey(), b->identity.publicKey());
  EXPECT_EQ(a->signing.publicKey(), b->signing.publicKey());
  EXPECT_EQ(a->box.publicKey(), b->box.publicKey());
  auto other = recoveryKeys(newRecoverySeed());
  ASSERT_TRUE(other.ok());
  EXPECT_NE(other->user, a->user);
  EXPECT_NE(other->signing.publicKey(), a->signing.publicKey());
  EXPECT_EQ(recoveryKeys(crypto::SecretBytes::random(16)).error().reason(), "recovery.seed");
}

TEST(RecoveryKeys, AreCertifiedAsTheAgencysRecoveryKey) {
  const Agency agency;
  const auto seed = newRecoverySeed();
  const std::int64_t now = 1'800'000'000;
  auto d = issueRecoveryIdentity(agency, seed, now, 5LL * 365 * 24 * 3600);
  ASSERT_TRUE(d.ok());
  crypto::TrustStore roots;
  roots.pin(agency.id, agency.root.publicKey());
  auto user = crypto::verifyUserCertificate(d->userCertificate, roots, now, {});
  ASSERT_TRUE(user.ok()) << user.error().describe();
  EXPECT_EQ(user->role, crypto::UserRole::Recovery);
  EXPECT_EQ(user->user, d->user);
  auto device = crypto::verifyDeviceCertificate(d->deviceCertificate, *user, now, {});
  ASSERT_TRUE(device.ok()) << device.error().describe();
  EXPECT_EQ(device->boxKey, d->box.publicKey());
}

TEST(RecoveryKeyLabel, IsTheAgencysInSwedish) {
  EXPECT_EQ(recoveryKeyLabelSv("Polisen"), "Polisens återställningsnyckel");
  EXPECT_EQ(recoveryKeyLabelSv("Socialtjänsten Nordstad"),
            "Socialtjänsten Nordstads återställningsnyckel");
  EXPECT_EQ(recoveryKeyLabelSv("Kriminalvårdens"), "Kriminalvårdens återställningsnyckel");
  EXPECT_EQ(recoveryKeyLabelSv(""), "Återställningsnyckel");
  EXPECT_EQ(recoveryKeyLabelSv("Region Jämtland Härjedalen"),
            "Region Jämtland Härjedalens återställningsnyckel");
}

}  // namespace
}  // namespace samrad::client
