// Epoch keys (DESIGN §3): a random 32-byte key per epoch, sealed to every
// member device as group || epoch || device || key, the bundle signed by the
// coordinator device that made it. A recipient checks the bundle against the
// chain: signer a coordinator, no device missing, none extra, its own box bound
// to this group, epoch and device. The previous epoch's key travels under the
// new one so members keep history; removed members get nothing new.
#pragma once

#include <optional>
#include <span>

#include "samrad/common/result.h"
#include "samrad/crypto/membership.h"

namespace samrad::crypto {

struct OpenedEpochKeys {
  std::uint64_t epoch = 0;
  SecretBytes key;
  std::optional<SecretBytes> previousKey;
};

// Seals `key` to every device of the group at the chain's current head. It
// refuses (epoch.unusable_recipient) while any of them is revoked in
// `revoked` or outside its validity at `at`: such a device leaves the group
// first (GroupReplica::excludeUnusable), so the key never reaches it.
Result<Envelope> makeEpochKeyBundle(const MembershipChain& chain, const SecretBytes& key,
                                    const SecretBytes* previousKey, const SigningKeyPair& author,
                                    const DeviceId& authorDevice, const RevocationList& revoked,
                                    std::int64_t at);

// Every recipient may be given a key at `at`. Reason: epoch.unusable_recipient.
Status requireUsableRecipients(const MembershipChain& chain, std::span<const DeviceId> recipients,
                               const RevocationList& revoked, std::int64_t at);

// What a bundle claims, after every check that needs no secret key: the
// server runs this before storing a bundle; clients run it before opening.
struct EpochBundleInfo {
  std::uint64_t epoch = 0;
  Hash chainHead;
  std::vector<DeviceId> recipients;
};
Result<EpochBundleInfo> inspectEpochKeyBundle(const Envelope& bundle, const MembershipChain& chain);

// Reasons: epoch.unknown_signer, epoch.not_coordinator, envelope.bad_signature,
// epoch.malformed, epoch.wrong_group, epoch.unknown_head, epoch.wrong_epoch,
// epoch.missing_device, epoch.ghost_device, epoch.duplicate_device,
// epoch.not_for_me, seal.open_failed, epoch.box_misbound, epoch.previous_key.
Result<OpenedEpochKeys> openEpochKeyBundle(const Envelope& bundle, const MembershipChain& chain,
                                           const DeviceId& me, const BoxKeyPair& myBoxKey);

// A group's history for one device (the agency recovery key re-granting it
// to a member's replacement device): the keys of epochs the device has no box
// for, sealed to it as group || device || { epoch(8) || key(32) }*.
std::vector<std::uint8_t> sealEpochHistory(
    const GroupId& group, const ChainDevice& to,
    const std::vector<std::pair<std::uint64_t, const SecretBytes*>>& keys);
// Reasons: seal.open_failed, epoch.history_misbound.
Result<std::vector<std::pair<std::uint64_t, SecretBytes>>> openEpochHistory(
    const GroupId& group, const DeviceId& me, const BoxKeyPair& myBoxKey, ByteView sealed);

}  // namespace samrad::crypto
