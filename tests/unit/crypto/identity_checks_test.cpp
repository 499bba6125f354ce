#include "samrad/crypto/identity_checks.h"

#include <gtest/gtest.h>

#include "samrad/crypto/person_tag.h"
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

TEST(PersonTag, MatchesEveryFormOfOnePersonAndDiffersAcrossKeysAndGroups) {
  const GroupId group = GroupId::random();
  const PersonTagKey key = newPersonTagKey();
  const Bytes a = *personTag(group, key, "811218-9876", 2026);
  EXPECT_TRUE(validPersonTag(a));
  EXPECT_EQ(*personTag(group, key, "198112189876", 2026), a);
  EXPECT_EQ(*personTag(group, key, "19811218-9876", 2026), a);
  EXPECT_NE(*personTag(group, newPersonTagKey(), "811218-9876", 2026), a);
  EXPECT_NE(*personTag(GroupId::random(), key, "811218-9876", 2026), a);
  EXPECT_NE(*personTag(group, key, "850709-1232", 2026), a);
  EXPECT_EQ(personTag(group, key, "811218-9875", 2026).error().reason(), "pnr.checksum");
}

// The server re-keys what is stored with δ alone; afterwards tags made with
// the new key match, and the old key's tags match nothing.
TEST(PersonTag, RotationKeepsMatchesAndLeavesTheOldKeyBehind) {
  const GroupId group = GroupId::random();
  const PersonTagKey first = newPersonTagKey();
  const Bytes stored = *personTag(group, first, "811218-9876", 2026);
  const PersonTagKey second = rotatePersonTagKey(first);
  EXPECT_EQ(second.generation, 2U);
  EXPECT_TRUE(second.salt.equals(first.salt.view()));
  EXPECT_TRUE(second.previous.equals(first.scalar.view()));
  const auto delta = personTagDelta(second);
  ASSERT_TRUE(delta.ok());
  const Bytes rekeyed = *rekeyPersonTag(stored, delta->view());
  EXPECT_EQ(*personTag(group, second, "811218-9876", 2026), rekeyed);
  EXPECT_NE(*personTag(group, first, "811218-9876", 2026), rekeyed);
  EXPECT_EQ(personTagDelta(first).error().reason(), "person_tag.no_previous");
  EXPECT_EQ(rekeyPersonTag(Bytes(32, 0), delta->view()).error().reason(), "person_tag.bad_tag");
  EXPECT_EQ(rekeyPersonTag(stored, Bytes(32, 0)).error().reason(), "person_tag.bad_delta");
  EXPECT_EQ(rekeyPersonTag(stored, Bytes(31, 1)).error().reason(), "person_tag.bad_delta");
  EXPECT_FALSE(validPersonTag(Bytes(32, 0xff)));
  EXPECT_FALSE(validPersonTag(Bytes(31, 1)));
}

// Only the device a box is sealed to opens it, and only for its group.
TEST(PersonTag, KeyBoxesOpenOnlyForTheirDeviceAndGroup) {
  const GroupId group = GroupId::random();
  const PersonTagKey key = rotatePersonTagKey(newPersonTagKey());
  const auto holderBox = BoxKeyPair::generate();
  const auto otherBox = BoxKeyPair::generate();
  ChainDevice holder;
  holder.id = DeviceId::random();
  holder.boxKey = holderBox.publicKey();
  const auto boxes = sealPersonTagKey(group, key, std::span<const ChainDevice>(&holder, 1));
  ASSERT_EQ(boxes.size(), 1U);
  auto opened = openPersonTagKey(group, holder.id, holderBox, boxes[0].sealed);
  ASSERT_TRUE(opened.ok()) << opened.error().describe();
  EXPECT_EQ(opened->generation, 2U);
  EXPECT_TRUE(opened->scalar.equals(key.scalar.view()));
  EXPECT_TRUE(opened->previous.equals(key.previous.view()));
  EXPECT_FALSE(openPersonTagKey(group, holder.id, otherBox, boxes[0].sealed).ok());
  EXPECT_EQ(
      openPersonTagKey(GroupId::random(), holder.id, holderBox, boxes[0].sealed).error().reason(),
      "person_tag.misbound");
  EXPECT_EQ(
      openPersonTagKey(group, DeviceId::random(), holderBox, boxes[0].sealed).error().reason(),
      "person_tag.misbound");
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
