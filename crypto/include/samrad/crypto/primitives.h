// Typed wrappers over the libsodium primitives Samråd uses: ids, hashes,
// Ed25519 signing keys, X25519 box keys. Public keys, secret keys, ids and
// hashes are distinct types so one cannot be passed where another belongs.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "samrad/common/result.h"
#include "samrad/crypto/secure.h"

namespace samrad::crypto {

inline constexpr std::size_t kIdSize = 16;
inline constexpr std::size_t kHashSize = 32;
inline constexpr std::size_t kPublicKeySize = 32;
inline constexpr std::size_t kSignatureSize = 64;
inline constexpr std::size_t kSymmetricKeySize = 32;
inline constexpr std::size_t kKeyIdSize = 16;

// A 16-byte random identifier, tagged with what it identifies.
template <typename Tag>
struct Id {
  std::array<std::uint8_t, kIdSize> bytes{};

  static Id random() {
    Id id;
    const Bytes r = randomBytes(kIdSize);
    std::copy(r.begin(), r.end(), id.bytes.begin());
    return id;
  }
  static Result<Id> fromBytes(ByteView b) {
    if (b.size() != kIdSize) {
      return Error(ErrorCode::InvalidArgument, "id.size", "an id is 16 bytes");
    }
    Id id;
    std::copy(b.begin(), b.end(), id.bytes.begin());
    return id;
  }
  [[nodiscard]] ByteView view() const { return bytes; }
  [[nodiscard]] std::string hex() const { return toHex(bytes); }
  [[nodiscard]] std::string str() const {
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
  }
  auto operator<=>(const Id&) const = default;
};

struct AgencyTag {};
struct UserTag {};
struct DeviceTag {};
struct GroupTag {};
struct ObjectTag {};
struct CaseTag {};
using AgencyId = Id<AgencyTag>;
using UserId = Id<UserTag>;
using DeviceId = Id<DeviceTag>;
using GroupId = Id<GroupTag>;
using ObjectId = Id<ObjectTag>;
using CaseId = Id<CaseTag>;

struct Hash {
  std::array<std::uint8_t, kHashSize> bytes{};
  [[nodiscard]] ByteView view() const { return bytes; }
  [[nodiscard]] std::string hex() const { return toHex(bytes); }
  [[nodiscard]] std::string str() const {
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
  }
  static Result<Hash> fromBytes(ByteView b);
  auto operator<=>(const Hash&) const = default;
};

Hash sha256(ByteView data);
Hash sha256(std::initializer_list<ByteView> parts);

ByteView asBytes(std::string_view s);

// First 16 bytes of SHA-256("samrad/v1/key-id" || 0x00 || public key): names a
// signing key inside envelopes without repeating it.
struct KeyId {
  std::array<std::uint8_t, kKeyIdSize> bytes{};
  [[nodiscard]] ByteView view() const { return bytes; }
  auto operator<=>(const KeyId&) const = default;
};

struct SigningPublicKey {
  std::array<std::uint8_t, kPublicKeySize> bytes{};
  static Result<SigningPublicKey> fromBytes(ByteView b);
  [[nodiscard]] ByteView view() const { return bytes; }
  [[nodiscard]] KeyId keyId() const;
  // Ed25519 verification of a detached signature.
  [[nodiscard]] bool verify(ByteView message, ByteView signature) const;
  auto operator<=>(const SigningPublicKey&) const = default;
};

struct BoxPublicKey {
  std::array<std::uint8_t, kPublicKeySize> bytes{};
  static Result<BoxPublicKey> fromBytes(ByteView b);
  [[nodiscard]] ByteView view() const { return bytes; }
  auto operator<=>(const BoxPublicKey&) const = default;
};

// An Ed25519 key pair; the 64-byte secret key lives in guarded memory.
class SigningKeyPair {
 public:
  static SigningKeyPair generate();
  // Deterministic from a 32-byte seed (RFC 8032 secret key): golden vectors,
  // recovery from an offline backup.
  static Result<SigningKeyPair> fromSeed(ByteView seed);

  [[nodiscard]] const SigningPublicKey& publicKey() const { return public_; }
  [[nodiscard]] KeyId keyId() const { return public_.keyId(); }
  [[nodiscard]] std::array<std::uint8_t, kSignatureSize> sign(ByteView message) const;
  // The 32-byte seed, for sealing into a key store.
  [[nodiscard]] SecretBytes seed() const;

 private:
  SigningPublicKey public_;
  SecretBytes secret_{64};
};

// An X25519 key pair for crypto_box_seal.
class BoxKeyPair {
 public:
  static BoxKeyPair generate();
  static Result<BoxKeyPair> fromSecret(ByteView secret32);

  [[nodiscard]] const BoxPublicKey& publicKey() const { return public_; }
  [[nodiscard]] const SecretBytes& secret() const { return secret_; }

 private:
  BoxPublicKey public_;
  SecretBytes secret_{32};
};

// crypto_box_seal: anonymous public-key encryption to `recipient`.
Bytes sealTo(const BoxPublicKey& recipient, ByteView plaintext);
Result<SecretBytes> openSealed(const BoxKeyPair& recipient, ByteView sealed);

// X25519 scalar multiplication (RFC 7748), exposed for known-answer tests.
Result<SecretBytes> x25519(ByteView scalar, ByteView point);

// XChaCha20-Poly1305 (IETF) with a random nonce: returns nonce || ciphertext.
Bytes aeadSeal(const SecretBytes& key, ByteView plaintext, ByteView ad);
Bytes aeadSeal(ByteView key, ByteView plaintext, ByteView ad);
Result<SecretBytes> aeadOpen(const SecretBytes& key, ByteView nonceAndCiphertext, ByteView ad);
Result<SecretBytes> aeadOpen(ByteView key, ByteView nonceAndCiphertext, ByteView ad);
// Opens into `out` (exactly the plaintext size); for fixed-size secrets.
Status aeadOpenInto(ByteView key, ByteView nonceAndCiphertext, ByteView ad,
                    std::span<std::uint8_t> out);
// With a caller-chosen nonce (known-answer tests only).
Bytes aeadSealWithNonce(ByteView key, ByteView nonce, ByteView plaintext, ByteView ad);

void appendU64(Bytes& out, std::uint64_t v);
void appendBytes(Bytes& out, ByteView b);

}  // namespace samrad::crypto
