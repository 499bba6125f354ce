// Content encryption, case keys, version guard and attachment streaming.
#include "samrad/crypto/content.h"

#include <gtest/gtest.h>

#include <sstream>

#include "samrad/crypto/attachment.h"
#include "test_helpers.h"

namespace samrad::crypto {
namespace {

using testing::Agency;
using testing::kT0;
using testing::Person;

class Content : public ::testing::Test {
 protected:
  Agency social;
  Agency police;
  Person samordnare{social, UserRole::Member};
  Person officer{police, UserRole::Member};
  Person outsider{police, UserRole::Member};
  GroupId group = GroupId::random();
  MembershipChain chain{TrustStore{}, RevocationList{}};
  SecretBytes epochKey = SecretBytes::random(32);
  const std::string brief =
      "Avidentifierat ärende: kvinna 30-39 år, två barn, hot från f.d. partner.";

  void SetUp() override {
    TrustStore roots;
    roots.pin(social.id, social.root.publicKey());
    roots.pin(police.id, police.root.publicKey());
    chain = MembershipChain(roots, RevocationList{});
    auto g = chain.makeLink(
        group, OpCreate{{samordnare.spec(GroupRole::Coordinator), officer.spec(GroupRole::Member)}},
        kT0, samordnare.device().signing, samordnare.device().id);
    ASSERT_TRUE(g.ok()) << g.error().describe();
    ASSERT_TRUE(chain.append(*g).ok());
  }

  ContentContext context(std::uint64_t version = 1) const {
    return {"case-brief",      group, object, version, chain.state().epoch, officer.device().id,
            chain.state().head};
  }
  ContentExpectation expectation(std::optional<std::uint64_t> version = 1) const {
    return {group, object, version, "case-brief"};
  }
  EncryptedObject encrypted(std::uint64_t version = 1) {
    auto o = encryptObject(context(version), asBytes(brief), {epochKey, std::nullopt},
                           officer.device().signing);
    EXPECT_TRUE(o.ok());
    return std::move(o).value();
  }
  std::string decryptReason(const EncryptedObject& o) {
    auto r = decryptObject(o, expectation(), chain, {epochKey, std::nullopt});
    return r.ok() ? "ok" : r.error().reason();
  }

  ObjectId object = ObjectId::random();
};

TEST_F(Content, RoundTripsThroughTheWireFormat) {
  const EncryptedObject o = encrypted();
  auto parsed = EncryptedObject::parse(o.serialize());
  ASSERT_TRUE(parsed.ok()) << parsed.error().describe();
  auto plain = decryptObject(*parsed, expectation(), chain, {epochKey, std::nullopt});
  ASSERT_TRUE(plain.ok()) << plain.error().describe();
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(plain->data()), plain->size()), brief);
  // The plaintext appears nowhere in what would be sent to the server.
  const Bytes wire = o.serialize();
  EXPECT_EQ(std::string(wire.begin(), wire.end()).find("Avidentifierat"), std::string::npos);
}

TEST_F(Content, RefusesABitFlipInCiphertextNonceTagOrWrappedKey) {
  const EncryptedObject o = encrypted();
  for (std::size_t i : {std::size_t{0}, std::size_t{30}, o.ciphertext.size() - 1}) {
    EncryptedObject bad = o;
    bad.ciphertext[i] ^= 0x04;  // nonce, body, tag
    EXPECT_EQ(decryptReason(bad), "content.bad_signature") << i;
  }
  EncryptedObject badKey = o;
  badKey.wrappedKey[40] ^= 1;
  EXPECT_EQ(decryptReason(badKey), "content.bad_signature");
}

TEST_F(Content, RefusesEveryAssociatedDataFieldChanged) {
  const EncryptedObject o = encrypted();
  {
    EncryptedObject bad = o;
    bad.context.kind = "minutes";
    EXPECT_EQ(decryptReason(bad), "content.wrong_kind");
  }
  {
    EncryptedObject bad = o;
    bad.context.group = GroupId::random();
    EXPECT_EQ(decryptReason(bad), "content.wrong_group");
  }
  {
    EncryptedObject bad = o;
    bad.context.object = ObjectId::random();
    EXPECT_EQ(decryptReason(bad), "content.wrong_object");
  }
  {
    EncryptedObject bad = o;
    bad.context.version = 2;
    EXPECT_EQ(decryptReason(bad), "content.wrong_version");
  }
  {
    EncryptedObject bad = o;
    bad.context.epoch = 9;
    EXPECT_EQ(decryptReason(bad), "content.epoch_mismatch");
  }
  {
    EncryptedObject bad = o;
    bad.context.chainHead.bytes[0] ^= 1;
    EXPECT_EQ(decryptReason(bad), "content.unknown_head");
  }
  {
    EncryptedObject bad = o;
    bad.context.author = samordnare.device().id;  // another member claims authorship
    EXPECT_EQ(decryptReason(bad), "content.bad_signature");
  }
}

TEST_F(Content, RefusesANonMemberAuthorEvenWithTheEpochKey) {
  // The outsider somehow has the epoch key: the signature check still stops it.
  ContentContext c = context();
  c.author = outsider.device().id;
  auto o = encryptObject(c, asBytes(brief), {epochKey, std::nullopt}, outsider.device().signing);
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(decryptReason(*o), "content.author_not_member");
}

TEST_F(Content, RefusesTheWrongWrappingKey) {
  const EncryptedObject o = encrypted();
  const auto other = SecretBytes::random(32);
  auto r = decryptObject(o, expectation(), chain, {other, std::nullopt});
  EXPECT_EQ(r.error().reason(), "content.unwrap_failed");
}

TEST_F(Content, CaseKeysReachOnlyTheAllowedDevices) {
  const CaseId caseId = CaseId::random();
  const auto caseKey = SecretBytes::random(32);
  // Recusal: the coordinator's device is left out.
  std::vector<ChainDevice> allowed;
  for (const auto& d : chain.state().allDevices()) {
    if (d.id == officer.device().id) allowed.push_back(d);
  }
  const auto boxes = sealCaseKey(group, caseId, caseKey, allowed);
  ASSERT_EQ(boxes.size(), 1U);
  auto opened =
      openCaseKey(group, caseId, officer.device().id, officer.device().box, boxes[0].sealed);
  ASSERT_TRUE(opened.ok());
  EXPECT_TRUE(opened->equals(caseKey.view()));
  EXPECT_EQ(
      openCaseKey(group, caseId, samordnare.device().id, samordnare.device().box, boxes[0].sealed)
          .error()
          .reason(),
      "seal.open_failed");
  EXPECT_EQ(openCaseKey(group, CaseId::random(), officer.device().id, officer.device().box,
                        boxes[0].sealed)
                .error()
                .reason(),
            "case_key.misbound");

  auto o = encryptObject(context(), asBytes(brief), {caseKey, caseId}, officer.device().signing);
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(decryptObject(*o, expectation(), chain, {epochKey, std::nullopt}).error().reason(),
            "content.wrong_wrapping");
  EXPECT_TRUE(decryptObject(*o, expectation(), chain, {*opened, caseId}).ok());
}

TEST(VersionGuard, RefusesRollbackAndEquivocationButNotRedelivery) {
  VersionGuard guard;
  const ObjectId id = ObjectId::random();
  const Hash h2 = sha256(asBytes("v2"));
  ASSERT_TRUE(guard.accept(id, 1, sha256(asBytes("v1"))).ok());
  ASSERT_TRUE(guard.accept(id, 2, h2).ok());
  EXPECT_TRUE(guard.accept(id, 2, h2).ok());
  EXPECT_EQ(guard.accept(id, 1, sha256(asBytes("v1"))).error().reason(), "content.rollback");
  EXPECT_EQ(guard.accept(id, 2, sha256(asBytes("other"))).error().reason(), "content.equivocation");
}

// ---- attachments ----------------------------------------------------------

class Attachment : public ::testing::TestWithParam<std::size_t> {
 protected:
  SecretBytes key = SecretBytes::random(32);
  Bytes ad = testing::hex("0a0b0c");

  static std::string payload(std::size_t n) {
    std::string s(n, '\0');
    for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 131 + 7) & 0xff);
    return s;
  }
  std::string encrypt(const std::string& plain) {
    std::istringstream in(plain);
    std::ostringstream out;
    auto r = encryptAttachment(in, out, key, ad);
    EXPECT_TRUE(r.ok());
    return out.str();
  }
  Result<std::string> decrypt(const std::string& wire) {
    std::istringstream in(wire);
    std::ostringstream out;
    auto r = decryptAttachment(in, out, key, ad);
    if (!r) return r.error();
    return out.str();
  }
};

TEST_P(Attachment, RoundTripsAnySize) {
  const std::string plain = payload(GetParam());
  const std::string wire = encrypt(plain);
  const std::size_t chunks =
      std::max<std::size_t>(1, (GetParam() + kAttachmentChunk - 1) / kAttachmentChunk);
  EXPECT_EQ(wire.size(), kAttachmentHeader + GetParam() + chunks * kAttachmentFrameOverhead);
  auto back = decrypt(wire);
  ASSERT_TRUE(back.ok()) << back.error().describe();
  EXPECT_EQ(*back, plain);
}

INSTANTIATE_TEST_SUITE_P(Sizes, Attachment,
                         ::testing::Values(0, 1, kAttachmentChunk - 1, kAttachmentChunk,
                                           kAttachmentChunk + 1, 3 * kAttachmentChunk + 5));

TEST_F(Attachment, RefusesTruncationBeforeFinal) {
  const std::string wire = encrypt(payload(3 * kAttachmentChunk));
  const std::size_t frame = kAttachmentChunk + kAttachmentFrameOverhead;
  // Cut at a chunk boundary: every chunk before is authentic, FINAL is missing.
  auto r = decrypt(wire.substr(0, kAttachmentHeader + 2 * frame));
  EXPECT_EQ(r.error().reason(), "stream.truncated");
  EXPECT_EQ(decrypt(wire.substr(0, kAttachmentHeader)).error().reason(), "stream.truncated");
  EXPECT_EQ(decrypt(wire.substr(0, 10)).error().reason(), "stream.bad_header");
}

TEST_F(Attachment, RefusesReorderedDuplicatedAndAlteredChunks) {
  const std::string wire = encrypt(payload(3 * kAttachmentChunk + 100));
  const std::size_t frame = kAttachmentChunk + kAttachmentFrameOverhead;
  const std::string header = wire.substr(0, kAttachmentHeader);
  const std::string c0 = wire.substr(kAttachmentHeader, frame);
  const std::string c1 = wire.substr(kAttachmentHeader + frame, frame);
  const std::string rest = wire.substr(kAttachmentHeader + 2 * frame);
  EXPECT_EQ(decrypt(header + c1 + c0 + rest).error().reason(), "stream.bad_chunk");
  EXPECT_EQ(decrypt(header + c0 + c0 + c1 + rest).error().reason(), "stream.bad_chunk");
  std::string altered = wire;
  altered[kAttachmentHeader + frame + 9] ^= 1;
  EXPECT_EQ(decrypt(altered).error().reason(), "stream.bad_chunk");
  ad[0] ^= 1;  // the same bytes under another object's associated data
  EXPECT_EQ(decrypt(wire).error().reason(), "stream.bad_chunk");
}

TEST_F(Attachment, RefusesDataAfterFinal) {
  const std::string wire = encrypt(payload(1000));
  EXPECT_EQ(decrypt(wire + "x").error().reason(), "stream.data_after_final");
  // A second, complete stream glued after the first is refused the same way.
  EXPECT_EQ(decrypt(wire + wire).error().reason(), "stream.data_after_final");
}

// #25 item 4: the officer is removed but keeps the first epoch's key and her
// device key. A version she makes afterwards, naming the state before her
// removal, verifies and decrypts (decryptObject checks her membership at the
// head she names, and she was a member there) — so a reader that holds a
// version must also judge the one that would replace it.
TEST_F(Content, AMemberWhoLeftCannotReplaceAVersionWithTheKeysSheKept) {
  const Hash head0 = chain.state().head;
  auto version = [&](std::uint64_t v, const Person& who, const Hash& head, std::uint64_t epoch,
                     const SecretBytes& key) {
    const ContentContext ctx{"case-brief", group, object, v, epoch, who.device().id, head};
    auto o = encryptObject(ctx, asBytes(brief), {key, std::nullopt}, who.device().signing);
    EXPECT_TRUE(o.ok());
    return std::move(o).value();
  };
  const EncryptedObject v1 = version(1, officer, head0, 1, epochKey);
  ASSERT_EQ(decryptReason(v1), "ok");
  const KeptVersion keptBeforeRemoval{1, 1, 0, 0, objectDigest(v1), officer.device().id};

  // The coordinator removes her: epoch 2, with a key she never gets.
  auto removal = chain.makeLink(group, OpRemoveMember{officer.id}, kT0 + 10,
                                samordnare.device().signing, samordnare.device().id);
  ASSERT_TRUE(removal.ok() && chain.append(*removal).ok());
  ASSERT_EQ(chain.leftAt(officer.device().id), std::optional<std::uint64_t>(1));
  const SecretBytes epoch2 = SecretBytes::random(32);
  const EncryptedObject v2 = version(2, samordnare, chain.state().head, 2, epoch2);
  ASSERT_TRUE(checkSuccessor(keptBeforeRemoval, v2, chain).ok());
  const KeptVersion keptV2{2, 2, 1, 1, objectDigest(v2), samordnare.device().id};

  // Her forged third version, naming the state before her removal.
  const EncryptedObject forged = version(3, officer, head0, 1, epochKey);
  ASSERT_TRUE(
      decryptObject(forged, expectation(std::nullopt), chain, {epochKey, std::nullopt}).ok())
      << "decryptObject alone accepts it: the reader's own check is what refuses it";
  auto older = checkSuccessor(keptV2, forged, chain);
  ASSERT_FALSE(older.ok());
  EXPECT_EQ(older.error().reason(), "content.older_epoch");

  // A reader that kept version 1 after her removal (a device that joined
  // since, say): her "version 2" names nothing older than version 1, but she
  // had left before the reader kept it — an honest server would have served
  // it then, or refused it.
  const EncryptedObject late = version(2, officer, head0, 1, epochKey);
  auto removed = checkSuccessor({1, 1, 0, 1, objectDigest(v1), officer.device().id}, late, chain);
  ASSERT_FALSE(removed.ok());
  EXPECT_EQ(removed.error().reason(), "content.removed_author");
  // The same version reaching a reader that kept version 1 before her
  // removal is her own last edit, delivered late: accepted.
  EXPECT_TRUE(checkSuccessor(keptBeforeRemoval, late, chain).ok());
  // Not newer than what is kept: not judged here (the rollback check is).
  EXPECT_TRUE(checkSuccessor(keptV2, v1, chain).ok());

  // The same version number again must be the same version: her forgery
  // served as "version 2" (a re-fetch after an access change, say) is refused.
  const EncryptedObject sameNumber = version(2, officer, head0, 1, epochKey);
  EXPECT_TRUE(checkSuccessor(keptV2, v2, chain).ok());
  auto swapped = checkSuccessor(keptV2, sameNumber, chain);
  ASSERT_FALSE(swapped.ok());
  EXPECT_EQ(swapped.error().reason(), "content.equivocation");
  // A device's own write, kept before it saw the server's copy: the author
  // must be the same.
  const KeptVersion ownWrite{2, 2, 1, 1, std::nullopt, samordnare.device().id};
  EXPECT_TRUE(checkSuccessor(ownWrite, v2, chain).ok());
  EXPECT_EQ(checkSuccessor(ownWrite, sameNumber, chain).error().reason(), "content.equivocation");
}

}  // namespace
}  // namespace samrad::crypto
