#include "samrad/crypto/membership.h"

#include <algorithm>
#include <array>
#include <set>

#include "samrad/v1/crypto.pb.h"

namespace samrad::crypto {
namespace {

Error chainError(ErrorCode code, const char* reason, const std::string& message) {
  return Error(code, reason, message);
}

Error malformed(const std::string& what) {
  return chainError(ErrorCode::InvalidArgument, "chain.malformed", what);
}

Result<Envelope> parseEnvelopeBytes(const std::string& bytes) {
  return Envelope::parse(asBytes(bytes));
}

std::string envelopeString(const Envelope& e) {
  const Bytes b = e.serialize();
  return {b.begin(), b.end()};
}

Result<GroupRole> roleFrom(samrad::v1::GroupRole r) {
  if (r < samrad::v1::GROUP_ROLE_COORDINATOR || r > samrad::v1::GROUP_ROLE_RECOVERY) {
    return malformed("unknown group role");
  }
  return static_cast<GroupRole>(r);
}

// A device as the chain keeps it: usable while both its certificate and its
// user's are valid.
ChainDevice deviceFrom(const DeviceCertificate& dev, const UserCertificate& user) {
  return ChainDevice{dev.device,
                     dev.user,
                     dev.signingKey,
                     dev.boxKey,
                     std::max(dev.validFrom, user.validFrom),
                     std::min(dev.validUntil, user.validUntil)};
}

// Verifies a member's certificates at `at` and builds its chain entry.
Result<ChainMember> memberFrom(const samrad::v1::Member& pb, const TrustStore& roots,
                               const RevocationList& revoked, std::int64_t at) {
  SAMRAD_ASSIGN_OR_RETURN(Envelope userEnv, parseEnvelopeBytes(pb.user_certificate()));
  SAMRAD_ASSIGN_OR_RETURN(UserCertificate user, verifyUserCertificate(userEnv, roots, at, revoked));
  SAMRAD_ASSIGN_OR_RETURN(GroupRole role, roleFrom(pb.role()));
  if ((role == GroupRole::Recovery) != (user.role == UserRole::Recovery)) {
    return chainError(ErrorCode::InvalidArgument, "chain.bad_role",
                      "only an agency recovery key may hold the recovery role");
  }
  if (pb.device_certificates().empty()) {
    return malformed("a member needs at least one device");
  }
  ChainMember m;
  m.certificate = user;
  m.role = role;
  for (const auto& dc : pb.device_certificates()) {
    SAMRAD_ASSIGN_OR_RETURN(Envelope devEnv, parseEnvelopeBytes(dc));
    SAMRAD_ASSIGN_OR_RETURN(DeviceCertificate dev,
                            verifyDeviceCertificate(devEnv, user, at, revoked));
    if (!m.devices.emplace(dev.device, deviceFrom(dev, user)).second) {
      return malformed("a device appears twice");
    }
  }
  return m;
}

bool deviceIdTaken(const GroupState& s, const DeviceId& id) {
  return s.device(id) != nullptr;
}

bool hasCoordinator(const GroupState& s) {
  return std::any_of(s.members.begin(), s.members.end(),
                     [](const auto& m) { return m.second.role == GroupRole::Coordinator; });
}

Status addMember(GroupState& s, ChainMember m) {
  if (s.members.count(m.certificate.user) != 0) {
    return chainError(ErrorCode::AlreadyExists, "chain.already_member", "already a member");
  }
  for (const auto& [id, d] : m.devices) {
    if (deviceIdTaken(s, id)) return malformed("device id already in the group");
  }
  const UserId uid = m.certificate.user;
  s.members.emplace(uid, std::move(m));
  return okStatus();
}

// Takes one device out of its member; a member keeps at least one.
Status removeDevice(GroupState& s, const samrad::v1::OpRevokeDevice& op) {
  SAMRAD_ASSIGN_OR_RETURN(UserId uid, UserId::fromBytes(asBytes(op.user_id())));
  SAMRAD_ASSIGN_OR_RETURN(DeviceId did, DeviceId::fromBytes(asBytes(op.device_id())));
  auto it = s.members.find(uid);
  if (it == s.members.end() || it->second.devices.erase(did) == 0) {
    return chainError(ErrorCode::NotFound, "chain.unknown_device", "no such member device");
  }
  if (it->second.devices.empty()) {
    return chainError(ErrorCode::FailedPrecondition, "chain.last_device",
                      "remove the member instead of their last device");
  }
  return okStatus();
}

// Applies one operation to `s` (a copy of the previous state).
Status applyOpUnchecked(GroupState& s, const samrad::v1::ChainLink& link, const TrustStore& roots,
                        const RevocationList& revoked, std::int64_t at) {
  switch (link.op_case()) {
    case samrad::v1::ChainLink::kCreate: {
      if (link.create().members().empty()) return malformed("a group needs members");
      for (const auto& pm : link.create().members()) {
        SAMRAD_ASSIGN_OR_RETURN(ChainMember m, memberFrom(pm, roots, revoked, at));
        SAMRAD_TRY(addMember(s, std::move(m)));
      }
      if (!hasCoordinator(s)) {
        return chainError(ErrorCode::FailedPrecondition, "chain.no_coordinator",
                          "a group needs a coordinator");
      }
      return okStatus();
    }
    case samrad::v1::ChainLink::kAddMember: {
      SAMRAD_ASSIGN_OR_RETURN(ChainMember m,
                              memberFrom(link.add_member().member(), roots, revoked, at));
      if (m.role == GroupRole::Recovery) {
        return chainError(ErrorCode::InvalidArgument, "chain.bad_role",
                          "recovery keys join through an escrow link");
      }
      return addMember(s, std::move(m));
    }
    case samrad::v1::ChainLink::kRecoveryEscrow: {
      SAMRAD_ASSIGN_OR_RETURN(ChainMember m,
                              memberFrom(link.recovery_escrow().recovery(), roots, revoked, at));
      if (m.role != GroupRole::Recovery) {
        return chainError(ErrorCode::InvalidArgument, "chain.bad_role",
                          "an escrow link adds a recovery key");
      }
      return addMember(s, std::move(m));
    }
    case samrad::v1::ChainLink::kRemoveMember: {
      SAMRAD_ASSIGN_OR_RETURN(UserId uid,
                              UserId::fromBytes(asBytes(link.remove_member().user_id())));
      if (s.members.erase(uid) == 0) {
        return chainError(ErrorCode::NotFound, "chain.not_member", "not a member");
      }
      if (!hasCoordinator(s)) {
        return chainError(ErrorCode::FailedPrecondition, "chain.no_coordinator",
                          "the last coordinator cannot be removed");
      }
      return okStatus();
    }
    case samrad::v1::ChainLink::kChangeRole: {
      SAMRAD_ASSIGN_OR_RETURN(UserId uid, UserId::fromBytes(asBytes(link.change_role().user_id())));
      SAMRAD_ASSIGN_OR_RETURN(GroupRole role, roleFrom(link.change_role().role()));
      auto it = s.members.find(uid);
      if (it == s.members.end()) {
        return chainError(ErrorCode::NotFound, "chain.not_member", "not a member");
      }
      if (role == GroupRole::Recovery || it->second.role == GroupRole::Recovery) {
        return chainError(ErrorCode::InvalidArgument, "chain.bad_role",
                          "the recovery role cannot be changed");
      }
      it->second.role = role;
      if (!hasCoordinator(s)) {
        return chainError(ErrorCode::FailedPrecondition, "chain.no_coordinator",
                          "the group would have no coordinator");
      }
      return okStatus();
    }
    case samrad::v1::ChainLink::kAddDevice: {
      SAMRAD_ASSIGN_OR_RETURN(Envelope devEnv,
                              parseEnvelopeBytes(link.add_device().device_certificate()));
      // The device certificate is signed by a member's identity key: find whose.
      for (auto& [uid, m] : s.members) {
        if (devEnv.signerKeyId != m.certificate.identityKey.keyId()) continue;
        SAMRAD_ASSIGN_OR_RETURN(DeviceCertificate dev,
                                verifyDeviceCertificate(devEnv, m.certificate, at, revoked));
        if (deviceIdTaken(s, dev.device)) return malformed("device id already in the group");
        m.devices.emplace(dev.device, deviceFrom(dev, m.certificate));
        return okStatus();
      }
      return chainError(ErrorCode::NotFound, "chain.not_member",
                        "the device's user is not a member");
    }
    case samrad::v1::ChainLink::kRevokeDevice:
      return removeDevice(s, link.revoke_device());
    case samrad::v1::ChainLink::kExclude: {
      const auto& ex = link.exclude();
      if (ex.user_ids().empty() && ex.devices().empty()) {
        return malformed("an exclusion names nobody");
      }
      for (const auto& raw : ex.user_ids()) {
        SAMRAD_ASSIGN_OR_RETURN(UserId uid, UserId::fromBytes(asBytes(raw)));
        if (s.members.erase(uid) == 0) {
          return chainError(ErrorCode::NotFound, "chain.not_member", "not a member");
        }
      }
      for (const auto& d : ex.devices()) SAMRAD_TRY(removeDevice(s, d));
      if (!hasCoordinator(s)) {
        return chainError(ErrorCode::FailedPrecondition, "chain.no_coordinator",
                          "the last coordinator cannot be removed");
      }
      return okStatus();
    }
    case samrad::v1::ChainLink::kNewEpoch:
      return okStatus();
    case samrad::v1::ChainLink::OP_NOT_SET:
      break;
  }
  return malformed("link has no operation");
}

// Every public key in a group's state belongs to one device only. Two devices
// with one signing key make a link's author ambiguous (a member card that
// copied the coordinator's key froze the group: the coordinator's links were
// taken for the copy's), and two with one box key would open each other's
// sealed epoch keys. Ed25519 and X25519 keys are checked together: a device
// never uses one key for both.
Status checkDistinctKeys(const GroupState& s) {
  std::set<std::array<std::uint8_t, kPublicKeySize>> keys;
  std::set<KeyId> signers;
  for (const auto& d : s.allDevices()) {
    if (!keys.insert(d.signingKey.bytes).second || !keys.insert(d.boxKey.bytes).second ||
        !signers.insert(d.signingKey.keyId()).second) {
      return chainError(ErrorCode::PermissionDenied, "chain.duplicate_key",
                        "a device certificate carries a key another device of the group has");
    }
  }
  // A person's identity key certifies their devices: a copy in another
  // member's certificate would make "whose device is this?" ambiguous.
  for (const auto& [uid, m] : s.members) {
    if (!keys.insert(m.certificate.identityKey.bytes).second) {
      return chainError(ErrorCode::PermissionDenied, "chain.duplicate_key",
                        "a user certificate carries a key another member or device of the group "
                        "has");
    }
  }
  return okStatus();
}

// The certificates a link brings in are checked against the roots and their
// validity at the link's time, not against revocations: whether a device may
// still be given keys is decided when a key is sealed (standingOf), and the
// server refuses a link that brings in a revoked device when it arrives. So a
// revocation recorded later never turns an accepted chain invalid; only a
// link signed by a revoked author is refused (MembershipChain::append).
Status applyOp(GroupState& s, const samrad::v1::ChainLink& link, const TrustStore& roots,
               std::int64_t at) {
  SAMRAD_TRY(applyOpUnchecked(s, link, roots, RevocationList{}, at));
  return checkDistinctKeys(s);
}

bool linkRequiresNewEpoch(const samrad::v1::ChainLink& link) {
  return link.op_case() == samrad::v1::ChainLink::kRemoveMember ||
         link.op_case() == samrad::v1::ChainLink::kRevokeDevice ||
         link.op_case() == samrad::v1::ChainLink::kExclude ||
         link.op_case() == samrad::v1::ChainLink::kNewEpoch;
}

void toProto(const MemberSpec& spec, samrad::v1::Member* pb) {
  pb->set_user_certificate(envelopeString(spec.userCertificate));
  pb->set_role(static_cast<samrad::v1::GroupRole>(spec.role));
  for (const auto& d : spec.deviceCertificates) pb->add_device_certificates(envelopeString(d));
}

void toProto(const Operation& op, samrad::v1::ChainLink& link) {
  std::visit(
      [&link](const auto& o) {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, OpCreate>) {
          auto* c = link.mutable_create();
          for (const auto& m : o.members) toProto(m, c->add_members());
        } else if constexpr (std::is_same_v<T, OpAddMember>) {
          toProto(o.member, link.mutable_add_member()->mutable_member());
        } else if constexpr (std::is_same_v<T, OpRemoveMember>) {
          link.mutable_remove_member()->set_user_id(o.user.str());
        } else if constexpr (std::is_same_v<T, OpChangeRole>) {
          link.mutable_change_role()->set_user_id(o.user.str());
          link.mutable_change_role()->set_role(static_cast<samrad::v1::GroupRole>(o.role));
        } else if constexpr (std::is_same_v<T, OpAddDevice>) {
          link.mutable_add_device()->set_device_certificate(envelopeString(o.deviceCertificate));
        } else if constexpr (std::is_same_v<T, OpRevokeDevice>) {
          link.mutable_revoke_device()->set_user_id(o.user.str());
          link.mutable_revoke_device()->set_device_id(o.device.str());
        } else if constexpr (std::is_same_v<T, OpNewEpoch>) {
          link.mutable_new_epoch();
        } else if constexpr (std::is_same_v<T, OpExclude>) {
          auto* ex = link.mutable_exclude();
          for (const auto& u : o.users) ex->add_user_ids(u.str());
          for (const auto& d : o.devices) {
            auto* pd = ex->add_devices();
            pd->set_user_id(d.user.str());
            pd->set_device_id(d.device.str());
          }
        } else {
          toProto(o.recovery, link.mutable_recovery_escrow()->mutable_recovery());
        }
      },
      op);
}

}  // namespace

bool requiresNewEpoch(const Operation& op) {
  return std::holds_alternative<OpRemoveMember>(op) || std::holds_alternative<OpRevokeDevice>(op) ||
         std::holds_alternative<OpNewEpoch>(op) || std::holds_alternative<OpExclude>(op);
}

DeviceStanding standingOf(const ChainDevice& d, const RevocationList& revoked, std::int64_t at) {
  if (revoked.deviceRevoked(d.id) || revoked.userRevoked(d.user)) return DeviceStanding::Revoked;
  if (at < d.validFrom || at >= d.validUntil) return DeviceStanding::Expired;
  return DeviceStanding::Usable;
}

std::vector<ChainDevice> unusableDevices(const GroupState& s, const RevocationList& revoked,
                                         std::int64_t at) {
  std::vector<ChainDevice> out;
  for (const auto& d : s.allDevices()) {
    if (standingOf(d, revoked, at) != DeviceStanding::Usable) out.push_back(d);
  }
  return out;
}

Hash GroupState::memberSetDigest() const {
  static constexpr std::string_view kLabel{"samrad/v1/member-set\0", 21};
  Bytes buf;
  appendBytes(buf, asBytes(kLabel));
  appendBytes(buf, group.view());
  appendU64(buf, members.size());
  for (const auto& [uid, m] : members) {  // std::map: sorted by user id
    appendBytes(buf, uid.view());
    appendBytes(buf, m.certificate.agency.view());
    buf.push_back(static_cast<std::uint8_t>(m.role));
    appendBytes(buf, m.certificate.identityKey.view());
    appendU64(buf, m.devices.size());
    for (const auto& [did, d] : m.devices) {
      appendBytes(buf, did.view());
      appendBytes(buf, d.signingKey.view());
      appendBytes(buf, d.boxKey.view());
    }
  }
  return sha256(buf);
}

const ChainDevice* GroupState::device(const DeviceId& id) const {
  for (const auto& [uid, m] : members) {
    auto it = m.devices.find(id);
    if (it != m.devices.end()) return &it->second;
  }
  return nullptr;
}

const ChainMember* GroupState::memberOf(const DeviceId& id) const {
  for (const auto& [uid, m] : members) {
    if (m.devices.count(id) != 0) return &m;
  }
  return nullptr;
}

std::vector<ChainDevice> GroupState::allDevices() const {
  std::vector<ChainDevice> out;
  for (const auto& [uid, m] : members) {
    for (const auto& [did, d] : m.devices) out.push_back(d);
  }
  return out;
}

bool GroupState::isCoordinatorDevice(const DeviceId& id) const {
  const ChainMember* m = memberOf(id);
  return m != nullptr && m->role == GroupRole::Coordinator;
}

Result<MembershipChain> MembershipChain::validate(TrustStore roots, RevocationList revoked,
                                                  std::span<const Envelope> links) {
  MembershipChain chain(std::move(roots), std::move(revoked));
  for (const auto& link : links) {
    SAMRAD_TRY(chain.append(link));
  }
  return chain;
}

Status MembershipChain::append(const Envelope& envelope) {
  const bool genesis = links_.empty();
  samrad::v1::ChainLink link;
  GroupState next = state_;
  const ChainDevice* author = nullptr;

  if (genesis) {
    // Genesis certifies itself through the agency roots: its members'
    // certificates are checked first, then the signature of one of its
    // coordinator devices.
    if (!link.ParseFromArray(envelope.body.data(), static_cast<int>(envelope.body.size()))) {
      return malformed("link does not parse");
    }
    if (link.seq() != 0 || !link.prev_hash().empty()) {
      return chainError(ErrorCode::InvalidArgument, "chain.bad_genesis",
                        "the first link must have sequence 0 and no previous hash");
    }
    if (link.op_case() != samrad::v1::ChainLink::kCreate) {
      return chainError(ErrorCode::InvalidArgument, "chain.bad_genesis",
                        "the first link must create the group");
    }
    SAMRAD_ASSIGN_OR_RETURN(GroupId gid, GroupId::fromBytes(asBytes(link.group_id())));
    next.group = gid;
    SAMRAD_TRY(applyOp(next, link, roots_, link.created_at()));
    for (const auto& d : next.allDevices()) {
      if (d.signingKey.keyId() == envelope.signerKeyId) author = next.device(d.id);
    }
    if (author == nullptr) {
      return chainError(ErrorCode::PermissionDenied, "chain.unknown_author",
                        "the genesis link is not signed by one of its members' devices");
    }
    SAMRAD_TRY(verifyEnvelope(EnvelopeKind::GroupOperation, envelope, author->signingKey));
    if (!next.isCoordinatorDevice(author->id)) {
      return chainError(ErrorCode::PermissionDenied, "chain.not_coordinator",
                        "the genesis link must be signed by a coordinator");
    }
    if (link.epoch() != 1) {
      return chainError(ErrorCode::InvalidArgument, "chain.bad_epoch", "genesis starts epoch 1");
    }
  } else {
    // Verify before parse: the signer must be a device of the current group
    // (found by its key id, unambiguous since no two devices of a group share
    // a key: checkDistinctKeys), and the link must then name that device.
    for (const auto& d : state_.allDevices()) {
      if (d.signingKey.keyId() == envelope.signerKeyId) author = state_.device(d.id);
    }
    if (author == nullptr) {
      return chainError(ErrorCode::PermissionDenied, "chain.unknown_author",
                        "signed by a device that is not in the group");
    }
    SAMRAD_TRY(verifyEnvelope(EnvelopeKind::GroupOperation, envelope, author->signingKey));
    if (!link.ParseFromArray(envelope.body.data(), static_cast<int>(envelope.body.size()))) {
      return malformed("link does not parse");
    }
    if (link.group_id() != state_.group.str()) {
      return chainError(ErrorCode::InvalidArgument, "chain.wrong_group",
                        "link belongs to another group");
    }
    if (link.seq() <= state_.seq) {
      const Envelope& existing = links_.at(link.seq());
      if (existing.serialize() == envelope.serialize()) {
        return chainError(ErrorCode::AlreadyExists, "chain.replay", "link already in the chain");
      }
      return chainError(ErrorCode::Aborted, "chain.fork",
                        "a different link already holds sequence " + std::to_string(link.seq()));
    }
    if (link.seq() != state_.seq + 1) {
      return chainError(ErrorCode::FailedPrecondition, "chain.gap",
                        "expected sequence " + std::to_string(state_.seq + 1) + ", got " +
                            std::to_string(link.seq()));
    }
    if (!constantTimeEqual(asBytes(link.prev_hash()), state_.head.view())) {
      return chainError(ErrorCode::FailedPrecondition, "chain.wrong_prev_hash",
                        "link does not follow the current head");
    }
    if (!state_.isCoordinatorDevice(author->id)) {
      return chainError(ErrorCode::PermissionDenied, "chain.not_coordinator",
                        "only a coordinator's device may change the group");
    }
    if (link.created_at() < state_.lastTime) {
      return chainError(ErrorCode::InvalidArgument, "chain.time_travel",
                        "link is older than its predecessor");
    }
    if (link.op_case() == samrad::v1::ChainLink::kCreate) {
      return malformed("only the first link may create the group");
    }
    SAMRAD_TRY(applyOp(next, link, roots_, link.created_at()));
    const std::uint64_t wantEpoch = linkRequiresNewEpoch(link) ? state_.epoch + 1 : state_.epoch;
    if (link.epoch() != wantEpoch) {
      if (linkRequiresNewEpoch(link) && link.op_case() != samrad::v1::ChainLink::kNewEpoch) {
        return chainError(ErrorCode::FailedPrecondition, "chain.removal_without_new_epoch",
                          "removing a member or device must start a new epoch");
      }
      return chainError(ErrorCode::InvalidArgument, "chain.bad_epoch",
                        "link carries the wrong epoch");
    }
  }

  if (revoked_.deviceRevokedAt(author->id, link.created_at()) ||
      revoked_.userRevokedAt(author->user, link.created_at())) {
    return chainError(ErrorCode::PermissionDenied, "cert.revoked",
                      "the author device was revoked before this link");
  }
  SAMRAD_ASSIGN_OR_RETURN(DeviceId authorId, DeviceId::fromBytes(asBytes(link.author_device_id())));
  if (authorId != author->id) {
    return chainError(ErrorCode::InvalidArgument, "chain.author_mismatch",
                      "the link names another author device than its signer");
  }
  if (!constantTimeEqual(asBytes(link.member_set_digest()), next.memberSetDigest().view())) {
    return chainError(ErrorCode::InvalidArgument, "chain.digest_mismatch",
                      "the member-set digest does not match the members");
  }
  // Keys of devices that have left stay theirs (checkDistinctKeys sees only
  // the devices of now).
  for (const auto& d : next.allDevices()) {
    for (const auto& key : {d.signingKey.bytes, d.boxKey.bytes}) {
      const auto owner = keyOwners_.find(key);
      if (owner != keyOwners_.end() && owner->second != d.id) {
        return chainError(ErrorCode::PermissionDenied, "chain.duplicate_key",
                          "a device certificate carries a key an earlier device of the group had");
      }
    }
  }
  for (const auto& d : next.allDevices()) {
    keyOwners_.emplace(d.signingKey.bytes, d.id);
    keyOwners_.emplace(d.boxKey.bytes, d.id);
  }

  next.seq = link.seq();
  next.head = envelope.digest();
  next.lastTime = link.created_at();
  if (genesis || link.epoch() != state_.epoch) next.epochHead = next.head;
  next.epoch = link.epoch();
  links_.push_back(envelope);
  history_.push_back(next);
  state_ = std::move(next);
  return okStatus();
}

const GroupState* MembershipChain::stateAtHead(const Hash& head) const {
  for (const auto& s : history_) {
    if (s.head == head) return &s;
  }
  return nullptr;
}

std::optional<std::uint64_t> MembershipChain::leftAt(const DeviceId& id) const {
  std::optional<std::uint64_t> out;
  for (std::size_t i = 1; i < history_.size(); ++i) {
    if (history_[i - 1].device(id) != nullptr && history_[i].device(id) == nullptr) {
      out = history_[i].seq;
    }
  }
  return out;
}

const ChainDevice* MembershipChain::deviceInEpoch(std::uint64_t epoch, const DeviceId& id) const {
  for (const auto& s : history_) {
    if (s.epoch != epoch) continue;
    if (const ChainDevice* d = s.device(id)) return d;
  }
  return nullptr;
}

const ChainDevice* MembershipChain::deviceByKeyId(const KeyId& id) const {
  for (auto it = history_.rbegin(); it != history_.rend(); ++it) {
    for (const auto& [uid, m] : it->members) {
      for (const auto& [did, d] : m.devices) {
        if (d.signingKey.keyId() == id) return &d;
      }
    }
  }
  return nullptr;
}

Result<Envelope> MembershipChain::makeLink(const GroupId& group, const Operation& op,
                                           std::int64_t createdAt, const SigningKeyPair& author,
                                           const DeviceId& authorDevice) const {
  samrad::v1::ChainLink link;
  link.set_group_id(group.str());
  link.set_seq(links_.empty() ? 0 : state_.seq + 1);
  if (!links_.empty()) link.set_prev_hash(state_.head.str());
  link.set_epoch(links_.empty() ? 1 : (requiresNewEpoch(op) ? state_.epoch + 1 : state_.epoch));
  link.set_author_device_id(authorDevice.str());
  // A link is never older than its predecessor: when this computer's clock is
  // behind the one that made the last link, the new link takes that time.
  if (!links_.empty()) createdAt = std::max(createdAt, state_.lastTime);
  link.set_created_at(createdAt);
  toProto(op, link);

  GroupState next = state_;
  next.group = group;
  SAMRAD_TRY(applyOp(next, link, roots_, createdAt));
  link.set_member_set_digest(next.memberSetDigest().str());

  std::string body;
  link.SerializeToString(&body);
  Envelope env = signEnvelope(EnvelopeKind::GroupOperation, asBytes(body), author);
  MembershipChain probe = *this;  // refuse to sign what validation would refuse
  SAMRAD_TRY(probe.append(env));
  return env;
}

}  // namespace samrad::crypto
