// Signed envelopes and the agency → user → device trust chain.
#include "samrad/crypto/certificates.h"

#include <gtest/gtest.h>

#include "samrad/crypto/envelope.h"
#include "test_helpers.h"

namespace samrad::crypto {
namespace {

using testing::Agency;
using testing::kT0;
using testing::kYear;
using testing::Person;

TEST(Envelope, SignsContextAndBodyAndSurvivesTheWire) {
  const auto key = SigningKeyPair::generate();
  const Envelope e = signEnvelope(EnvelopeKind::GroupOperation, asBytes("body"), key);
  auto parsed = Envelope::parse(e.serialize());
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->body, e.body);
  EXPECT_TRUE(verifyEnvelope(EnvelopeKind::GroupOperation, *parsed, key.publicKey()).ok());
}

TEST(Envelope, ASignatureForOneKindNeverVerifiesAsAnother) {
  const auto key = SigningKeyPair::generate();
  const Envelope e = signEnvelope(EnvelopeKind::DeviceCertificate, asBytes("x"), key);
  auto r = verifyEnvelope(EnvelopeKind::UserCertificate, e, key.publicKey());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), "envelope.bad_signature");
}

TEST(Envelope, RefusesAnotherSignerATamperedBodyAndJunk) {
  const auto key = SigningKeyPair::generate();
  const auto other = SigningKeyPair::generate();
  Envelope e = signEnvelope(EnvelopeKind::Content, asBytes("minutes"), key);
  EXPECT_EQ(verifyEnvelope(EnvelopeKind::Content, e, other.publicKey()).error().reason(),
            "envelope.wrong_signer");
  e.body[0] ^= 1;
  EXPECT_EQ(verifyEnvelope(EnvelopeKind::Content, e, key.publicKey()).error().reason(),
            "envelope.bad_signature");
  EXPECT_EQ(Envelope::parse(asBytes("\xff\xff\xff")).error().reason(), "envelope.malformed");
  const Bytes huge(kMaxEnvelopeBytes + 1, 0);
  EXPECT_EQ(Envelope::parse(huge).error().reason(), "envelope.too_large");
}

class TrustChain : public ::testing::Test {
 protected:
  Agency police;
  Agency social;
  TrustStore roots;
  RevocationList none;
  void SetUp() override {
    roots.pin(police.id, police.root.publicKey());
    roots.pin(social.id, social.root.publicKey());
  }
};

TEST_F(TrustChain, VerifiesUserAndDeviceCertificates) {
  Person anna(police, UserRole::Member);
  auto user = verifyUserCertificate(anna.certificate, roots, kT0, none);
  ASSERT_TRUE(user.ok()) << user.error().describe();
  EXPECT_EQ(user->user, anna.id);
  EXPECT_EQ(user->agency, police.id);
  auto dev = verifyDeviceCertificate(anna.device().certificate, *user, kT0, none);
  ASSERT_TRUE(dev.ok()) << dev.error().describe();
  EXPECT_EQ(dev->device, anna.device().id);
  EXPECT_EQ(dev->boxKey, anna.device().box.publicKey());
}

TEST_F(TrustChain, RefusesAnUnknownRoot) {
  Agency stranger;
  Person eve(stranger, UserRole::Member);
  EXPECT_EQ(verifyUserCertificate(eve.certificate, roots, kT0, none).error().reason(),
            "cert.unknown_root");
}

TEST_F(TrustChain, RefusesACertificateNamingAnotherAgency) {
  // Signed by the police root but claiming to be social services.
  UserCertificate c;
  c.user = UserId::random();
  c.agency = social.id;
  c.role = UserRole::Member;
  c.identityKey = SigningKeyPair::generate().publicKey();
  c.validFrom = kT0 - 10;
  c.validUntil = kT0 + 10;
  const Envelope e = issueUserCertificate(police.root, c);
  EXPECT_EQ(verifyUserCertificate(e, roots, kT0, none).error().reason(), "cert.agency_mismatch");
}

TEST_F(TrustChain, RefusesExpiredNotYetValidAndRevoked) {
  Person anna(police, UserRole::Member);
  EXPECT_EQ(verifyUserCertificate(anna.certificate, roots, kT0 + 2 * kYear, none).error().reason(),
            "cert.expired");
  EXPECT_EQ(verifyUserCertificate(anna.certificate, roots, kT0 - 2 * kYear, none).error().reason(),
            "cert.not_yet_valid");
  RevocationList revoked;
  revoked.revokeUser(anna.id, kT0 - 5);
  EXPECT_EQ(verifyUserCertificate(anna.certificate, roots, kT0, revoked).error().reason(),
            "cert.revoked");
  // Before the revocation took effect it was fine.
  EXPECT_TRUE(verifyUserCertificate(anna.certificate, roots, kT0 - 10, revoked).ok());

  auto user = verifyUserCertificate(anna.certificate, roots, kT0, none);
  RevocationList deviceGone;
  deviceGone.revokeDevice(anna.device().id, kT0);
  EXPECT_EQ(
      verifyDeviceCertificate(anna.device().certificate, *user, kT0, deviceGone).error().reason(),
      "cert.revoked");
}

TEST_F(TrustChain, RefusesADeviceCertificateSignedByAnotherUser) {
  Person anna(police, UserRole::Member);
  Person bo(police, UserRole::Member);
  auto annaCert = verifyUserCertificate(anna.certificate, roots, kT0, none);
  EXPECT_EQ(verifyDeviceCertificate(bo.device().certificate, *annaCert, kT0, none).error().reason(),
            "envelope.wrong_signer");
}

TEST_F(TrustChain, RefusesADeviceReusingOneKeyForTwoPurposes) {
  Person anna(police, UserRole::Member, 0);
  auto user = verifyUserCertificate(anna.certificate, roots, kT0, none);
  DeviceCertificate dc;
  dc.device = DeviceId::random();
  dc.user = anna.id;
  dc.signingKey = anna.identity.publicKey();  // the identity key again
  dc.boxKey = BoxKeyPair::generate().publicKey();
  dc.validFrom = kT0 - 1;
  dc.validUntil = kT0 + 1;
  const Envelope e = issueDeviceCertificate(anna.identity, dc);
  EXPECT_EQ(verifyDeviceCertificate(e, *user, kT0, none).error().reason(), "cert.key_reuse");
}

}  // namespace
}  // namespace samrad::crypto
