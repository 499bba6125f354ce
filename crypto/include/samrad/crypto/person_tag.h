// The key for repeat checks and the tags made with it (DESIGN §2, §3).
//
// A person tag lets the server see that two cases of a group are about one
// person without learning who: it is a point of the ristretto255 group,
//
//   P = hash-to-group(Argon2id(personnummer, salt)),   tag = k · P,
//
// where the salt and the scalar k are the group's secret, held only by the
// devices that register referrals (coordinator and member devices, never a
// lawyer's, an observer's or a recovery key). Argon2id makes every guess of
// a personnummer cost a holder ~0.2 s and 64 MiB (kPersonTagOps/Mem); the
// salt keeps anyone from computing P ahead for all numbers.
//
// When a holder leaves, the coordinator draws a new scalar k' and gives the
// server only δ = k'·k⁻¹: the server multiplies every stored tag by δ, so
// tags registered before still match those made after, while the one who
// left, holding k, cannot make a tag the server will match. (The server and
// a holder of an old k together can: the residual risk in
// docs/security-model.md.)
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "samrad/common/result.h"
#include "samrad/crypto/content.h"
#include "samrad/crypto/primitives.h"

namespace samrad::crypto {

inline constexpr std::size_t kPersonTagSize = 32;  // a ristretto255 point
inline constexpr unsigned long long kPersonTagOps = 3;
inline constexpr std::size_t kPersonTagMem = 64U << 20;

struct PersonTagKey {
  std::uint32_t generation = 0;  // 1 for the group's first key, +1 at each rotation
  SecretBytes salt;              // 32 bytes, kept across rotations
  SecretBytes scalar;            // 32 bytes, a ristretto255 scalar
  SecretBytes previous;          // the generation before's scalar; empty in generation 1

  [[nodiscard]] PersonTagKey copy() const;
};

// A group's first key.
PersonTagKey newPersonTagKey();
// The next generation: same salt, a new scalar, this one's as `previous`.
PersonTagKey rotatePersonTagKey(const PersonTagKey& key);
// δ = scalar · previous⁻¹, which takes a tag of the generation before to
// this one. Reason: person_tag.no_previous.
Result<SecretBytes> personTagDelta(const PersonTagKey& key);

// The tag of a personnummer (any form normalisePersonnummer accepts).
// Reasons: pnr.*, person_tag.key.
Result<Bytes> personTag(const GroupId& group, const PersonTagKey& key,
                        std::string_view personnummer, int referenceYear);

// Is `tag` a canonical ristretto255 encoding (not the identity)?
bool validPersonTag(ByteView tag);
// δ · tag, for the server's re-keying. Reasons: person_tag.bad_tag, person_tag.bad_delta.
Result<Bytes> rekeyPersonTag(ByteView tag, ByteView delta);

// The key sealed to each device that may hold it, bound to group, device
// and generation.
std::vector<CaseKeyBox> sealPersonTagKey(const GroupId& group, const PersonTagKey& key,
                                         std::span<const ChainDevice> holders);
// Reasons: seal.*, person_tag.misbound.
Result<PersonTagKey> openPersonTagKey(const GroupId& group, const DeviceId& me,
                                      const BoxKeyPair& myBoxKey, ByteView sealed);

}  // namespace samrad::crypto
