// Known-answer tests for every primitive we wrap, byte for byte.
#include <gtest/gtest.h>

#include "samrad/crypto/primitives.h"
#include "test_helpers.h"

namespace samrad::crypto {
namespace {

using testing::hex;

TEST(Kat, Rfc8032Ed25519Test1EmptyMessage) {
  auto kp = SigningKeyPair::fromSeed(
      hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
  ASSERT_TRUE(kp.ok());
  EXPECT_EQ(toHex(kp->publicKey().view()),
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  const auto sig = kp->sign({});
  EXPECT_EQ(
      toHex(sig),
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e3970"
      "1cf9b46bd25bf5f0595bbe24655141438e7a100b");
  EXPECT_TRUE(kp->publicKey().verify({}, sig));
}

TEST(Kat, Rfc8032Ed25519Test2OneByte) {
  auto kp = SigningKeyPair::fromSeed(
      hex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
  ASSERT_TRUE(kp.ok());
  EXPECT_EQ(toHex(kp->publicKey().view()),
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
  const Bytes msg = hex("72");
  const auto sig = kp->sign(msg);
  EXPECT_EQ(
      toHex(sig),
      "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613"
      "d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
  auto flipped = sig;
  flipped[10] ^= 1;
  EXPECT_FALSE(kp->publicKey().verify(msg, flipped));
}

TEST(Kat, Rfc7748X25519DiffieHellman) {
  const Bytes alicePriv = hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
  const Bytes bobPriv = hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
  auto alice = BoxKeyPair::fromSecret(alicePriv);
  auto bob = BoxKeyPair::fromSecret(bobPriv);
  ASSERT_TRUE(alice.ok() && bob.ok());
  EXPECT_EQ(toHex(alice->publicKey().view()),
            "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
  EXPECT_EQ(toHex(bob->publicKey().view()),
            "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
  auto k1 = x25519(alicePriv, bob->publicKey().view());
  auto k2 = x25519(bobPriv, alice->publicKey().view());
  ASSERT_TRUE(k1.ok() && k2.ok());
  EXPECT_EQ(toHex(k1->view()), "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
  EXPECT_TRUE(k1->equals(k2->view()));
}

TEST(Kat, XChaCha20Poly1305DraftA3) {
  const auto key =
      SecretBytes::copyOf(hex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"));
  const Bytes nonce = hex("404142434445464748494a4b4c4d4e4f5051525354555657");
  const Bytes ad = hex("50515253c0c1c2c3c4c5c6c7");
  const std::string pt =
      "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the "
      "future, sunscreen would be it.";
  const Bytes sealed = aeadSealWithNonce(key.view(), nonce, asBytes(pt), ad);
  const std::string expected =
      "404142434445464748494a4b4c4d4e4f5051525354555657"
      "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb"
      "731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452"
      "2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9"
      "21f9664c97637da9768812f615c68b13b52e"
      "c0875924c1c7987947deafd8780acf49";
  EXPECT_EQ(toHex(sealed), expected);
  auto opened = aeadOpen(key, sealed, ad);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(opened->data()), opened->size()), pt);
}

TEST(Kat, AeadRefusesEveryBitFlip) {
  const auto key = SecretBytes::random(32);
  const Bytes ad = hex("0102");
  const Bytes sealed = aeadSeal(key, asBytes(std::string_view("brief")), ad);
  // nonce (first 24 bytes), ciphertext (next 5), tag (last 16): each refused.
  for (std::size_t i : {std::size_t{0}, std::size_t{23}, std::size_t{24}, std::size_t{28},
                        sealed.size() - 16, sealed.size() - 1}) {
    Bytes bad = sealed;
    bad[i] ^= 0x01;
    auto r = aeadOpen(key, bad, ad);
    ASSERT_FALSE(r.ok()) << "flip at " << i;
    EXPECT_EQ(r.error().reason(), "aead.open_failed");
  }
  Bytes otherAd = ad;
  otherAd[1] ^= 1;
  EXPECT_EQ(aeadOpen(key, sealed, otherAd).error().reason(), "aead.open_failed");
  EXPECT_EQ(aeadOpen(key, ByteView(sealed.data(), 30), ad).error().reason(), "aead.too_short");
}

TEST(Kat, SealedBoxRoundTripAndRefusal) {
  const auto alice = BoxKeyPair::generate();
  const auto mallory = BoxKeyPair::generate();
  const Bytes sealed = sealTo(alice.publicKey(), asBytes(std::string_view("epoch key")));
  auto opened = openSealed(alice, sealed);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(opened->size(), 9U);
  EXPECT_EQ(openSealed(mallory, sealed).error().reason(), "seal.open_failed");
  Bytes tampered = sealed;
  tampered.back() ^= 0x80;
  EXPECT_EQ(openSealed(alice, tampered).error().reason(), "seal.open_failed");
}

TEST(Kat, Sha256OfTheEmptyString) {
  EXPECT_EQ(sha256(ByteView{}).hex(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(SecretBytes, LivesInGuardedMemoryAndComparesInConstantTime) {
  auto a = SecretBytes::random(32);
  auto b = SecretBytes::copyOf(a.view());
  EXPECT_TRUE(a.equals(b.view()));
  b.data()[31] ^= 1;
  EXPECT_FALSE(a.equals(b.view()));
  SecretBytes moved = std::move(a);
  EXPECT_EQ(moved.size(), 32U);
  EXPECT_EQ(a.size(), 0U);  // NOLINT(bugprone-use-after-move): moved-from is empty by contract
}

}  // namespace
}  // namespace samrad::crypto
