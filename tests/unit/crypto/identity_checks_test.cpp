#include "samrad/crypto/identity_checks.h"

#include <gtest/gtest.h>

#include "test_helpers.h"

namespace samrad::crypto {
namespace {

TEST(Personnummer, NormalisesEveryWrittenForm) {
  // 811218-9876 is the Swedish Tax Agency's published example number.
  EXPECT_EQ(*normalisePersonnummer("811218-9876", 2026), "198112189876");
  EXPECT_EQ(*normalisePersonnummer("8112189876", 2026), "198112189876");
  EXPECT_EQ(*normalisePersonnummer("19811218-9876", 2026), "198112189876");
  EXPECT_EQ(*normalisePersonnummer("198112189876", 2026), "198112189876");
  EXPECT_EQ(*normalisePersonnummer("811218+9876", 2026), "188112189876");  // 100+ years
}

TEST(Personnummer, RefusesBadChecksumsDatesAndShapes) {
  EXPECT_EQ(normalisePersonnummer("811218-9875", 2026).error().reason(), "pnr.checksum");
  EXPECT_EQ(normalisePersonnummer("811318-9876", 2026).error().reason(), "pnr.date");
  EXPECT_EQ(normalisePersonnummer("81121-89876", 2026).error().reason(), "pnr.format");
  EXPECT_EQ(normalisePersonnummer("81121898", 2026).error().reason(), "pnr.format");
  EXPECT_EQ(normalisePersonnummer("8112a8-9876", 2026).error().reason(), "pnr.format");
}

TEST(Personnummer, AcceptsSamordningsnummer) {
  // Day + 60: 811278 with a valid check digit.
  std::string base = "811278987";
  for (char c = '0'; c <= '9'; ++c) {
    if (luhnValid(base + c)) {
      EXPECT_EQ(*normalisePersonnummer(base.substr(0, 6) + "-" + base.substr(6) + c, 2026),
                "19" + base + c);
      return;
    }
  }
  FAIL() << "no check digit found";
}

TEST(BlindIndex, MatchesEveryFormOfOnePersonAndDiffersAcrossGroups) {
  const auto secret = SecretBytes::random(32);
  const auto other = SecretBytes::random(32);
  const Hash a = *blindIndex(secret, "811218-9876", 2026);
  EXPECT_EQ(*blindIndex(secret, "198112189876", 2026), a);
  EXPECT_EQ(*blindIndex(secret, "19811218-9876", 2026), a);
  EXPECT_NE(*blindIndex(other, "811218-9876", 2026), a);
  EXPECT_EQ(blindIndex(secret, "811218-9875", 2026).error().reason(), "pnr.checksum");
}

TEST(SafetyNumber, IsSixtyDigitsTheSameFromBothSidesAndChangesWithTheKey) {
  const auto a = SigningKeyPair::generate();
  const auto b = SigningKeyPair::generate();
  const UserId ua = UserId::random();
  const UserId ub = UserId::random();
  const std::string ab = safetyNumber(ua.view(), a.publicKey(), ub.view(), b.publicKey());
  EXPECT_EQ(ab.size(), 60U);
  EXPECT_EQ(ab.find_first_not_of("0123456789"), std::string::npos);
  EXPECT_EQ(ab, safetyNumber(ub.view(), b.publicKey(), ua.view(), a.publicKey()));
  const auto swapped = SigningKeyPair::generate();
  EXPECT_NE(ab, safetyNumber(ua.view(), a.publicKey(), ub.view(), swapped.publicKey()));
  EXPECT_EQ(formatSafetyNumber(ab).size(), 60U + 11U);
  EXPECT_EQ(safetyQrPayload(ua.view(), a.publicKey(), ub.view(), b.publicKey()),
            safetyQrPayload(ub.view(), b.publicKey(), ua.view(), a.publicKey()));
}

TEST(GroupCode, DependsOnGroupAndHead) {
  const GroupId g = GroupId::random();
  const Hash h1 = sha256(asBytes("head 1"));
  const Hash h2 = sha256(asBytes("head 2"));
  const std::string c1 = groupCode(g, h1);
  EXPECT_EQ(c1.size(), 14U);
  EXPECT_EQ(c1, groupCode(g, h1));
  EXPECT_NE(c1, groupCode(g, h2));
  EXPECT_NE(c1, groupCode(GroupId::random(), h1));
}

}  // namespace
}  // namespace samrad::crypto
