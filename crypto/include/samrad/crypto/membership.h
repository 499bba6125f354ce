// The membership chain (DESIGN §3): signed, hash-linked group operations.
// Every client validates the whole chain from genesis; a link is valid only if
// its author device belonged to a coordinator at the previous link. Gaps,
// forks, replays, unknown roots, a removal without a new epoch and a wrong
// member-set digest are each refused with their own reason.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <variant>
#include <vector>

#include "samrad/common/result.h"
#include "samrad/crypto/certificates.h"
#include "samrad/crypto/envelope.h"
#include "samrad/crypto/primitives.h"

namespace samrad::crypto {

enum class GroupRole { Coordinator = 1, Member = 2, Lawyer = 3, Observer = 4, Recovery = 5 };

struct ChainDevice {
  DeviceId id;
  UserId user;
  SigningPublicKey signingKey;
  BoxPublicKey boxKey;
  // When the device may be used: its certificate and its user's together.
  std::int64_t validFrom = 0;
  std::int64_t validUntil = 0;
};

struct ChainMember {
  UserCertificate certificate;
  GroupRole role = GroupRole::Member;
  std::map<DeviceId, ChainDevice> devices;
};

// What the chain says at one link.
struct GroupState {
  GroupId group;
  std::uint64_t seq = 0;
  Hash head;  // SHA-256 of the last link's serialized envelope
  std::uint64_t epoch = 0;
  Hash epochHead;  // head of the link that started the current epoch
  std::int64_t lastTime = 0;
  std::map<UserId, ChainMember> members;

  [[nodiscard]] Hash memberSetDigest() const;
  [[nodiscard]] const ChainDevice* device(const DeviceId& id) const;
  [[nodiscard]] const ChainMember* memberOf(const DeviceId& id) const;
  [[nodiscard]] std::vector<ChainDevice> allDevices() const;
  [[nodiscard]] bool isCoordinatorDevice(const DeviceId& id) const;
};

// How far ahead of the server's clock a link's created_at may be: the server
// refuses more. Chains are validated with revocations taking effect that
// much (and a second) later than recorded (chainRevocations), so a link a
// device appended just before it was revoked, stamped by a clock a little
// ahead, stays valid on every device. The revoked device itself can append
// nothing more: the server refuses it from the moment of revocation.
inline constexpr std::int64_t kLinkClockSkew = kClockSkewSeconds;
inline RevocationList chainRevocations(const RevocationList& exact) {
  return exact.delayedBy(kLinkClockSkew + 1);
}

// Whether a key may be sealed to a device at a time: not once the device or
// its user has been revoked (whatever the revocation's time: a clock behind
// it must not make the device usable again), nor outside its certificates'
// validity. Checked at
// use (every epoch bundle, every case key), not only when the device joined.
enum class DeviceStanding { Usable, Revoked, Expired };
DeviceStanding standingOf(const ChainDevice& d, const RevocationList& revoked, std::int64_t at);
// The devices of the group that nothing may be sealed to at `at`.
std::vector<ChainDevice> unusableDevices(const GroupState& s, const RevocationList& revoked,
                                         std::int64_t at);

// The certificates that make up a member in an operation.
struct MemberSpec {
  Envelope userCertificate;
  GroupRole role = GroupRole::Member;
  std::vector<Envelope> deviceCertificates;
};

struct OpCreate {
  std::vector<MemberSpec> members;
};
struct OpAddMember {
  MemberSpec member;
};
struct OpRemoveMember {
  UserId user;
};
struct OpChangeRole {
  UserId user;
  GroupRole role;
};
struct OpAddDevice {
  Envelope deviceCertificate;
};
struct OpRevokeDevice {
  UserId user;
  DeviceId device;
};
struct OpNewEpoch {};
struct OpExclude {
  std::vector<UserId> users;            // leave the group
  std::vector<OpRevokeDevice> devices;  // leave; their member stays
};
struct OpRecoveryEscrow {
  MemberSpec recovery;
};
using Operation = std::variant<OpCreate, OpAddMember, OpRemoveMember, OpChangeRole, OpAddDevice,
                               OpRevokeDevice, OpNewEpoch, OpRecoveryEscrow, OpExclude>;

// True for the operations that must start a new epoch in the same link.
bool requiresNewEpoch(const Operation& op);

// A validated chain. Construction only through append(), which checks each
// link against everything before it.
class MembershipChain {
 public:
  MembershipChain(TrustStore roots, RevocationList revoked)
      : roots_(std::move(roots)), revoked_(std::move(revoked)) {}

  static Result<MembershipChain> validate(TrustStore roots, RevocationList revoked,
                                          std::span<const Envelope> links);

  Status append(const Envelope& link);

  [[nodiscard]] bool empty() const { return links_.empty(); }
  [[nodiscard]] const GroupState& state() const { return state_; }
  [[nodiscard]] const std::vector<Envelope>& links() const { return links_; }
  [[nodiscard]] const TrustStore& roots() const { return roots_; }
  [[nodiscard]] const RevocationList& revocations() const { return revoked_; }

  // The state right after the link whose head is `head`, if it is in the chain.
  [[nodiscard]] const GroupState* stateAtHead(const Hash& head) const;
  // Every device that belonged to the group at some link of `epoch`.
  [[nodiscard]] const ChainDevice* deviceInEpoch(std::uint64_t epoch, const DeviceId& id) const;

  // The sequence number of the last link that took the device out of the
  // group (it was in the state before that link and not after), if any.
  [[nodiscard]] std::optional<std::uint64_t> leftAt(const DeviceId& id) const;

  // A device that has belonged to the group at any link, by signing key id.
  [[nodiscard]] const ChainDevice* deviceByKeyId(const KeyId& id) const;

  // Builds and signs the next link (genesis when the chain is empty) after
  // checking that it would be accepted.
  [[nodiscard]] Result<Envelope> makeLink(const GroupId& group, const Operation& op,
                                          std::int64_t createdAt, const SigningKeyPair& author,
                                          const DeviceId& authorDevice) const;

 private:
  TrustStore roots_;
  RevocationList revoked_;
  std::vector<Envelope> links_;
  std::vector<GroupState> history_;  // state after each link
  GroupState state_;
  // Every device public key (signing and box) the chain has ever held, and
  // its device: a key stays its device's after the device leaves, so a
  // newcomer cannot take it over (old bundles and links name the first).
  std::map<std::array<std::uint8_t, kPublicKeySize>, DeviceId> keyOwners_;
};

}  // namespace samrad::crypto
