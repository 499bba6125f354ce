#include "samrad/crypto/primitives.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace samrad::crypto {

Result<Hash> Hash::fromBytes(ByteView b) {
  if (b.size() != kHashSize) {
    return Error(ErrorCode::InvalidArgument, "hash.size", "a hash is 32 bytes");
  }
  Hash h;
  std::copy(b.begin(), b.end(), h.bytes.begin());
  return h;
}

Hash sha256(ByteView data) {
  Hash h;
  crypto_hash_sha256(h.bytes.data(), data.data(), data.size());
  return h;
}

Hash sha256(std::initializer_list<ByteView> parts) {
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  for (const auto& p : parts) {
    crypto_hash_sha256_update(&st, p.data(), p.size());
  }
  Hash h;
  crypto_hash_sha256_final(&st, h.bytes.data());
  return h;
}

ByteView asBytes(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

KeyId SigningPublicKey::keyId() const {
  static constexpr std::string_view kLabel{"samrad/v1/key-id\0", 17};
  const Hash h = sha256({asBytes(kLabel), view()});
  KeyId id;
  std::copy_n(h.bytes.begin(), kKeyIdSize, id.bytes.begin());
  return id;
}

Result<SigningPublicKey> SigningPublicKey::fromBytes(ByteView b) {
  if (b.size() != kPublicKeySize) {
    return Error(ErrorCode::InvalidArgument, "key.size", "a public key is 32 bytes");
  }
  SigningPublicKey k;
  std::copy(b.begin(), b.end(), k.bytes.begin());
  return k;
}

bool SigningPublicKey::verify(ByteView message, ByteView signature) const {
  if (signature.size() != kSignatureSize) return false;
  return crypto_sign_verify_detached(signature.data(), message.data(), message.size(),
                                     bytes.data()) == 0;
}

Result<BoxPublicKey> BoxPublicKey::fromBytes(ByteView b) {
  if (b.size() != kPublicKeySize) {
    return Error(ErrorCode::InvalidArgument, "key.size", "a public key is 32 bytes");
  }
  BoxPublicKey k;
  std::copy(b.begin(), b.end(), k.bytes.begin());
  return k;
}

SigningKeyPair SigningKeyPair::generate() {
  initSodium();
  SigningKeyPair kp;
  crypto_sign_keypair(kp.public_.bytes.data(), kp.secret_.data());
  return kp;
}

Result<SigningKeyPair> SigningKeyPair::fromSeed(ByteView seed) {
  if (seed.size() != crypto_sign_SEEDBYTES) {
    return Error(ErrorCode::InvalidArgument, "key.seed_size", "a signing seed is 32 bytes");
  }
  initSodium();
  SigningKeyPair kp;
  crypto_sign_seed_keypair(kp.public_.bytes.data(), kp.secret_.data(), seed.data());
  return kp;
}

std::array<std::uint8_t, kSignatureSize> SigningKeyPair::sign(ByteView message) const {
  std::array<std::uint8_t, kSignatureSize> sig{};
  crypto_sign_detached(sig.data(), nullptr, message.data(), message.size(), secret_.data());
  return sig;
}

SecretBytes SigningKeyPair::seed() const {
  SecretBytes s(crypto_sign_SEEDBYTES);
  crypto_sign_ed25519_sk_to_seed(s.data(), secret_.data());
  return s;
}

BoxKeyPair BoxKeyPair::generate() {
  initSodium();
  BoxKeyPair kp;
  crypto_box_keypair(kp.public_.bytes.data(), kp.secret_.data());
  return kp;
}

Result<BoxKeyPair> BoxKeyPair::fromSecret(ByteView secret32) {
  if (secret32.size() != crypto_box_SECRETKEYBYTES) {
    return Error(ErrorCode::InvalidArgument, "key.size", "a box secret key is 32 bytes");
  }
  initSodium();
  BoxKeyPair kp;
  std::memcpy(kp.secret_.data(), secret32.data(), secret32.size());
  crypto_scalarmult_base(kp.public_.bytes.data(), kp.secret_.data());
  return kp;
}

Bytes sealTo(const BoxPublicKey& recipient, ByteView plaintext) {
  Bytes out(plaintext.size() + crypto_box_SEALBYTES);
  crypto_box_seal(out.data(), plaintext.data(), plaintext.size(), recipient.bytes.data());
  return out;
}

Result<SecretBytes> openSealed(const BoxKeyPair& recipient, ByteView sealed) {
  if (sealed.size() < crypto_box_SEALBYTES) {
    return Error(ErrorCode::InvalidArgument, "seal.too_short", "sealed box is truncated");
  }
  SecretBytes out(sealed.size() - crypto_box_SEALBYTES);
  if (crypto_box_seal_open(out.data(), sealed.data(), sealed.size(),
                           recipient.publicKey().bytes.data(), recipient.secret().data()) != 0) {
    return Error(ErrorCode::PermissionDenied, "seal.open_failed",
                 "the sealed box is not for this key or was altered");
  }
  return out;
}

Result<SecretBytes> x25519(ByteView scalar, ByteView point) {
  if (scalar.size() != crypto_scalarmult_SCALARBYTES || point.size() != crypto_scalarmult_BYTES) {
    return Error(ErrorCode::InvalidArgument, "x25519.size", "X25519 takes 32-byte inputs");
  }
  SecretBytes out(crypto_scalarmult_BYTES);
  if (crypto_scalarmult(out.data(), scalar.data(), point.data()) != 0) {
    return Error(ErrorCode::InvalidArgument, "x25519.low_order", "point of low order");
  }
  return out;
}

Bytes aeadSealWithNonce(ByteView key, ByteView nonce, ByteView plaintext, ByteView ad) {
  Bytes out(nonce.size() + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
  std::copy(nonce.begin(), nonce.end(), out.begin());
  unsigned long long clen = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + nonce.size(), &clen, plaintext.data(),
                                             plaintext.size(), ad.data(), ad.size(), nullptr,
                                             nonce.data(), key.data());
  out.resize(nonce.size() + clen);
  return out;
}

Bytes aeadSeal(ByteView key, ByteView plaintext, ByteView ad) {
  std::uint8_t nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES];
  randombytes_buf(nonce, sizeof nonce);
  return aeadSealWithNonce(key, ByteView(nonce, sizeof nonce), plaintext, ad);
}

Bytes aeadSeal(const SecretBytes& key, ByteView plaintext, ByteView ad) {
  return aeadSeal(key.view(), plaintext, ad);
}

Status aeadOpenInto(ByteView key, ByteView nonceAndCiphertext, ByteView ad,
                    std::span<std::uint8_t> out) {
  constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  constexpr std::size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
  if (key.size() != kSymmetricKeySize) {
    return Error(ErrorCode::InvalidArgument, "aead.key_size", "a symmetric key is 32 bytes");
  }
  if (nonceAndCiphertext.size() < kNonce + kTag) {
    return Error(ErrorCode::InvalidArgument, "aead.too_short", "ciphertext is truncated");
  }
  if (out.size() != nonceAndCiphertext.size() - kNonce - kTag) {
    return Error(ErrorCode::InvalidArgument, "aead.wrong_size",
                 "the plaintext does not have the expected size");
  }
  unsigned long long mlen = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          out.data(), &mlen, nullptr, nonceAndCiphertext.data() + kNonce,
          nonceAndCiphertext.size() - kNonce, ad.data(), ad.size(), nonceAndCiphertext.data(),
          key.data()) != 0) {
    return Error(ErrorCode::PermissionDenied, "aead.open_failed",
                 "decryption failed: wrong key, or the data or its context was altered");
  }
  return okStatus();
}

Result<SecretBytes> aeadOpen(ByteView key, ByteView nonceAndCiphertext, ByteView ad) {
  constexpr std::size_t kOverhead =
      crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES;
  if (nonceAndCiphertext.size() < kOverhead) {
    return Error(ErrorCode::InvalidArgument, "aead.too_short", "ciphertext is truncated");
  }
  SecretBytes out(nonceAndCiphertext.size() - kOverhead);
  SAMRAD_TRY(aeadOpenInto(key, nonceAndCiphertext, ad, out.span()));
  return out;
}

Result<SecretBytes> aeadOpen(const SecretBytes& key, ByteView nonceAndCiphertext, ByteView ad) {
  return aeadOpen(key.view(), nonceAndCiphertext, ad);
}

void appendU64(Bytes& out, std::uint64_t v) {
  for (int i = 7; i >= 0; --i) {
    out.push_back(static_cast<std::uint8_t>(v >> (i * 8)));
  }
}

void appendBytes(Bytes& out, ByteView b) {
  out.insert(out.end(), b.begin(), b.end());
}

}  // namespace samrad::crypto
