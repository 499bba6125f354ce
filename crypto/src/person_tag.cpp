#include "samrad/crypto/person_tag.h"

#include <sodium.h>

#include "samrad/crypto/identity_checks.h"
#include "samrad/crypto/secure.h"

namespace samrad::crypto {

namespace {

constexpr std::size_t kScalar = crypto_core_ristretto255_SCALARBYTES;
constexpr std::size_t kSalt = 32;

Error tagError(ErrorCode code, const char* reason, const char* message) {
  return Error(code, reason, message);
}

Bytes binding(const GroupId& group, const DeviceId& device, std::uint32_t generation) {
  static constexpr std::string_view kLabel{"samrad/v1/person-tag-key\0", 25};
  Bytes b;
  appendBytes(b, asBytes(kLabel));
  appendBytes(b, group.view());
  appendBytes(b, device.view());
  for (int shift = 24; shift >= 0; shift -= 8) {
    b.push_back(static_cast<std::uint8_t>(generation >> shift));
  }
  return b;
}

SecretBytes randomScalar() {
  SecretBytes s(kScalar);
  crypto_core_ristretto255_scalar_random(s.data());
  return s;
}

bool keyShaped(const PersonTagKey& key) {
  return key.generation > 0 && key.salt.size() == kSalt && key.scalar.size() == kScalar &&
         (key.previous.empty() || key.previous.size() == kScalar);
}

}  // namespace

PersonTagKey PersonTagKey::copy() const {
  return {generation, SecretBytes::copyOf(salt.view()), SecretBytes::copyOf(scalar.view()),
          SecretBytes::copyOf(previous.view())};
}

PersonTagKey newPersonTagKey() {
  return {1, SecretBytes::random(kSalt), randomScalar(), {}};
}

PersonTagKey rotatePersonTagKey(const PersonTagKey& key) {
  return {key.generation + 1, SecretBytes::copyOf(key.salt.view()), randomScalar(),
          SecretBytes::copyOf(key.scalar.view())};
}

Result<SecretBytes> personTagDelta(const PersonTagKey& key) {
  if (!keyShaped(key) || key.previous.empty()) {
    return tagError(ErrorCode::InvalidArgument, "person_tag.no_previous",
                    "the first key for repeat checks has nothing to re-key from");
  }
  SecretBytes inverse(kScalar);
  if (crypto_core_ristretto255_scalar_invert(inverse.data(), key.previous.data()) != 0) {
    return tagError(ErrorCode::InvalidArgument, "person_tag.no_previous",
                    "the key before cannot be inverted");
  }
  SecretBytes delta(kScalar);
  crypto_core_ristretto255_scalar_mul(delta.data(), key.scalar.data(), inverse.data());
  return delta;
}

Result<Bytes> personTag(const GroupId& group, const PersonTagKey& key,
                        std::string_view personnummer, int referenceYear) {
  if (!keyShaped(key)) {
    return tagError(ErrorCode::InvalidArgument, "person_tag.key",
                    "the key for repeat checks is malformed");
  }
  SAMRAD_ASSIGN_OR_RETURN(std::string normal, normalisePersonnummer(personnummer, referenceYear));
  // The Argon2id salt: the group's secret salt, bound to the group.
  static constexpr std::string_view kLabel{"samrad/v1/person-tag\0", 21};
  std::array<std::uint8_t, crypto_pwhash_SALTBYTES> salt{};
  crypto_generichash_state st;
  crypto_generichash_init(&st, key.salt.data(), key.salt.size(), salt.size());
  crypto_generichash_update(&st, asBytes(kLabel).data(), kLabel.size());
  crypto_generichash_update(&st, group.view().data(), group.view().size());
  crypto_generichash_final(&st, salt.data(), salt.size());
  SecretBytes stretched(crypto_core_ristretto255_HASHBYTES);
  const int hashed =
      crypto_pwhash(stretched.data(), stretched.size(), normal.data(), normal.size(), salt.data(),
                    kPersonTagOps, kPersonTagMem, crypto_pwhash_ALG_ARGON2ID13);
  sodium_memzero(normal.data(), normal.size());
  if (hashed != 0) {
    return tagError(ErrorCode::ResourceExhausted, "person_tag.memory",
                    "not enough memory to make the tag for a repeat check");
  }
  SecretBytes point(crypto_core_ristretto255_BYTES);
  crypto_core_ristretto255_from_hash(point.data(), stretched.data());
  Bytes tag(kPersonTagSize);
  if (crypto_scalarmult_ristretto255(tag.data(), key.scalar.data(), point.data()) != 0) {
    return tagError(ErrorCode::InvalidArgument, "person_tag.key",
                    "the key for repeat checks is malformed");
  }
  return tag;
}

bool validPersonTag(ByteView tag) {
  if (tag.size() != kPersonTagSize) return false;
  static constexpr std::array<std::uint8_t, kPersonTagSize> kIdentity{};
  if (sodium_memcmp(tag.data(), kIdentity.data(), kPersonTagSize) == 0) return false;
  return crypto_core_ristretto255_is_valid_point(tag.data()) == 1;
}

Result<Bytes> rekeyPersonTag(ByteView tag, ByteView delta) {
  if (!validPersonTag(tag)) {
    return tagError(ErrorCode::InvalidArgument, "person_tag.bad_tag",
                    "a tag is not a valid ristretto255 point");
  }
  if (delta.size() != kScalar) {
    return tagError(ErrorCode::InvalidArgument, "person_tag.bad_delta", "a delta is 32 bytes");
  }
  Bytes out(kPersonTagSize);
  if (crypto_scalarmult_ristretto255(out.data(), delta.data(), tag.data()) != 0) {
    return tagError(ErrorCode::InvalidArgument, "person_tag.bad_delta",
                    "the delta is zero or not reduced");
  }
  return out;
}

std::vector<CaseKeyBox> sealPersonTagKey(const GroupId& group, const PersonTagKey& key,
                                         std::span<const ChainDevice> holders) {
  std::vector<CaseKeyBox> out;
  out.reserve(holders.size());
  for (const auto& d : holders) {
    Bytes plain = binding(group, d.id, key.generation);
    appendBytes(plain, key.salt.view());
    appendBytes(plain, key.scalar.view());
    appendBytes(plain, key.previous.view());
    out.push_back({d.id, sealTo(d.boxKey, plain)});
    wipeMemory(plain.data(), plain.size());
  }
  return out;
}

Result<PersonTagKey> openPersonTagKey(const GroupId& group, const DeviceId& me,
                                      const BoxKeyPair& myBoxKey, ByteView sealed) {
  SAMRAD_ASSIGN_OR_RETURN(SecretBytes plain, openSealed(myBoxKey, sealed));
  const auto misbound = [] {
    return tagError(ErrorCode::PermissionDenied, "person_tag.misbound",
                    "the key for repeat checks is bound to another group or device");
  };
  const std::size_t head = binding(group, me, 0).size();
  if (plain.size() != head + kSalt + kScalar && plain.size() != head + kSalt + 2 * kScalar) {
    return misbound();
  }
  std::uint32_t generation = 0;
  for (std::size_t i = head - 4; i < head; ++i) generation = (generation << 8) | plain.data()[i];
  const Bytes expected = binding(group, me, generation);
  if (generation == 0 || !constantTimeEqual(ByteView(plain.data(), head), expected)) {
    return misbound();
  }
  const std::uint8_t* p = plain.data() + head;
  PersonTagKey key{generation,
                   SecretBytes::copyOf(ByteView(p, kSalt)),
                   SecretBytes::copyOf(ByteView(p + kSalt, kScalar)),
                   {}};
  if (plain.size() == head + kSalt + 2 * kScalar) {
    key.previous = SecretBytes::copyOf(ByteView(p + kSalt + kScalar, kScalar));
  }
  if (!keyShaped(key) || (generation == 1) != key.previous.empty()) return misbound();
  return key;
}

}  // namespace samrad::crypto
