// An agency's recovery key (DESIGN §3, "Recovery"): made by the agency's
// administrator, held offline on paper, added to a group as a visible chain
// link, and used to give a member's replacement device the group's history
// after a laptop is lost.
//
// All of it comes from 32 random bytes, the seed. The administrator writes
// the seed down as 17 words — proquints (pronounceable 16-bit quintuplets,
// consonant-vowel-consonant-vowel-consonant): 16 for the seed and one check
// word — and as a QR code of the same words. Nothing else is kept: the ids
// and keys are derived from the seed again when it is needed, and the
// certificates are the ones the server holds. The seed is never written to
// disk by Samråd.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "samrad/client/identity.h"
#include "samrad/common/result.h"
#include "samrad/crypto/secure.h"

namespace samrad::client {

inline constexpr std::size_t kRecoverySeedSize = 32;
inline constexpr std::size_t kRecoveryWords = 17;

// A fresh seed.
crypto::SecretBytes newRecoverySeed();
// "lusab babad …": 17 proquints separated by single spaces.
std::string recoveryWords(const crypto::SecretBytes& seed);
// The seed back from the words as a person types or reads them (any mix of
// spaces, dashes and case). Reasons: recovery.words (not 17 proquints),
// recovery.words_check (a word is mistyped).
Result<crypto::SecretBytes> seedFromWords(std::string_view words);

// The recovery key's ids and keys, derived from the seed; the certificates
// are empty. Reason: recovery.seed.
Result<DeviceIdentity> recoveryKeys(const crypto::SecretBytes& seed);
// The same, certified: a user certificate of role Recovery under the agency
// root and a device certificate under the derived identity key, valid for
// [now - clock skew, now + validFor).
Result<DeviceIdentity> issueRecoveryIdentity(const Agency& agency, const crypto::SecretBytes& seed,
                                             std::int64_t now, std::int64_t validFor);

class GroupReplica;
class CaseBook;
class PlatformClient;

// What a restore gave a replacement device.
struct RestoreReport {
  std::size_t epochs = 0;        // epoch keys granted
  std::size_t cases = 0;         // cases shared with it
  std::size_t casesWithout = 0;  // cases it should read that this key cannot open
};
// With the agency's recovery key's replica of a group (and its case book),
// gives `target` — a new device of a member of the same agency, already in
// the group — the group's history: every epoch key the recovery key holds,
// and every case the member may read that the key can open. Reasons:
// GroupReplica::grantHistory()'s, GroupReplica::shareCase()'s.
// `inPlaceOf`: see GroupReplica::grantHistory (the epochs only: a new
// person's cases come from the referring agency).
Result<RestoreReport> restoreHistory(GroupReplica& replica, CaseBook& cases, PlatformClient& server,
                                     const crypto::DeviceId& target, std::int64_t now,
                                     const std::optional<crypto::UserId>& inPlaceOf = std::nullopt);

// How members see a recovery key in the group: "Polisens återställningsnyckel"
// for the agency named "Polisen" (the Swedish genitive: an -s, none after
// s, x or z).
std::string recoveryKeyLabelSv(std::string_view agencyName);

}  // namespace samrad::client
