// The agency recovery key at work (DESIGN §3): after a laptop is lost and
// revoked and its owner has a new device in the group, the administrator
// opens the agency's recovery key (from its words) and gives the new device
// the keys of every epoch the recovery key can open — sealed to that device
// alone, in one object the server stores and logs like any other. The new
// device finds them when a bundle has no box for it; the old device, revoked
// and out of the group, gets nothing.
#include <algorithm>
#include <set>

#include "key_boxes.h"
#include "samrad/client/cases.h"
#include "samrad/client/recovery.h"
#include "samrad/client/replica.h"
#include "samrad/crypto/epoch_keys.h"
#include "samrad/crypto/object_ids.h"

namespace samrad::client {
namespace {

constexpr const char* kHistoryKind = "epoch-history";

// The epochs a person's devices held keys of: every epoch in which the
// person was a member at some link, and the one before each (a member who
// joins is given the epoch before with the current one). A replacement
// device gets these back, not the group's history from before the person
// came.
std::set<std::uint64_t> epochsOf(const crypto::MembershipChain& chain, const crypto::UserId& user) {
  std::set<std::uint64_t> out;
  for (const auto& link : chain.links()) {
    const crypto::GroupState* s = chain.stateAtHead(crypto::sha256(link.serialize()));
    if (s == nullptr || s->members.count(user) == 0) continue;
    out.insert(s->epoch);
    if (s->epoch > 1) out.insert(s->epoch - 1);
  }
  return out;
}

}  // namespace

Result<std::size_t> GroupReplica::grantHistory(PlatformClient& server,
                                               const crypto::DeviceId& target, std::int64_t now,
                                               const std::optional<crypto::UserId>& inPlaceOf) {
  SAMRAD_TRY(stopped());
  SAMRAD_TRY(refreshChain(server));
  SAMRAD_TRY(refreshRevocations(server));
  const crypto::GroupState& state = chain_.state();
  const crypto::ChainMember* me = state.memberOf(me_.device);
  if (me == nullptr || me->role != crypto::GroupRole::Recovery) {
    return Error(ErrorCode::PermissionDenied, "recovery.not_recovery_key",
                 "only an agency's recovery key re-grants a group's history");
  }
  const crypto::ChainDevice* device = state.device(target);
  const crypto::ChainMember* owner = state.memberOf(target);
  if (device == nullptr || owner == nullptr) {
    return Error(ErrorCode::NotFound, "recovery.unknown_device",
                 "that device is not in the group: the coordinator adds it first");
  }
  if (owner->certificate.agency != me->certificate.agency ||
      owner->role == crypto::GroupRole::Recovery) {
    return Error(ErrorCode::PermissionDenied, "recovery.not_own_agency",
                 "an agency's recovery key re-grants history only to its own agency's members");
  }
  if (crypto::standingOf(*device, revoked_, now) != crypto::DeviceStanding::Usable) {
    return Error(ErrorCode::FailedPrecondition, "recovery.unusable_device",
                 "that device is revoked or its certificate is not valid");
  }
  // The epochs the person had (of those this key can open: from the one
  // before it joined the group).
  std::set<std::uint64_t> epochs = epochsOf(chain_, owner->certificate.user);
  if (inPlaceOf && *inPlaceOf != owner->certificate.user) {
    // The person a replacement enrolled as someone new stands in for: a
    // member of this agency at some link, whose epochs it gets back.
    std::optional<crypto::AgencyId> agency;
    for (const auto& link : chain_.links()) {
      const crypto::GroupState* s = chain_.stateAtHead(crypto::sha256(link.serialize()));
      if (s == nullptr) continue;
      if (auto m = s->members.find(*inPlaceOf); m != s->members.end()) {
        agency = m->second.certificate.agency;
      }
    }
    if (!agency) {
      return Error(ErrorCode::NotFound, "recovery.not_a_member_before",
                   "the person the new device stands in for was never a member of the group");
    }
    if (*agency != me->certificate.agency) {
      return Error(ErrorCode::PermissionDenied, "recovery.not_own_agency",
                   "an agency's recovery key re-grants history only to its own agency's members");
    }
    const auto theirs = epochsOf(chain_, *inPlaceOf);
    epochs.insert(theirs.begin(), theirs.end());
  }
  std::vector<std::pair<std::uint64_t, crypto::SecretBytes>> keys;
  for (const std::uint64_t e : epochs) {
    auto k = epochKey(server, e);
    if (k) {
      keys.emplace_back(e, std::move(k).value());
    } else if (k.error().code() == ErrorCode::DataLoss) {
      return k.error();
    }
  }
  std::vector<std::pair<std::uint64_t, const crypto::SecretBytes*>> refs;
  refs.reserve(keys.size());
  for (const auto& [e, k] : keys) refs.emplace_back(e, &k);
  const crypto::Bytes sealed = crypto::sealEpochHistory(group_, *device, refs);
  const crypto::ObjectId id = crypto::epochHistoryObjectId(group_, target);
  std::uint64_t expected = 0;
  if (auto head = server.getObject(group_, id); head) {
    if (auto obj = crypto::EncryptedObject::parse(*head)) expected = obj->context.version;
  }
  SAMRAD_ASSIGN_OR_RETURN(auto epoch, epochKey(server, state.epoch));
  const crypto::ContentContext ctx{kHistoryKind, group_,     id,        expected + 1,
                                   state.epoch,  me_.device, state.head};
  SAMRAD_ASSIGN_OR_RETURN(auto obj,
                          crypto::encryptObject(ctx, sealed, {epoch, std::nullopt}, me_.signing));
  auto put = server.putObject(group_, id, expected, obj.serialize(), {target, me_.device},
                              crypto::randomBytes(16));
  if (!put) return put.error();
  return keys.size();
}

Result<bool> GroupReplica::openHistoryGrant(PlatformClient& server) {
  const crypto::ObjectId id = crypto::epochHistoryObjectId(group_, me_.device);
  auto wire = server.getObject(group_, id);
  if (!wire) {
    if (wire.error().code() == ErrorCode::NotFound ||
        wire.error().code() == ErrorCode::PermissionDenied) {
      return false;
    }
    return wire.error();
  }
  auto obj = crypto::EncryptedObject::parse(*wire);
  if (!obj) return *(failed_ = verifyError("the group's history for this device", obj.error()));
  // Only this agency's recovery key grants history — one that is in the
  // group now and not revoked (a photographed sheet stops working when the
  // key is revoked and taken out).
  const crypto::GroupState& state = chain_.state();
  const crypto::ChainMember* author = state.memberOf(obj->context.author);
  const crypto::ChainDevice* authorDevice = state.device(obj->context.author);
  const crypto::ChainMember* mine = state.memberOf(me_.device);
  const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
  if (obj->context.kind != kHistoryKind || author == nullptr || authorDevice == nullptr ||
      author->role != crypto::GroupRole::Recovery || mine == nullptr ||
      author->certificate.agency != mine->certificate.agency ||
      crypto::standingOf(*authorDevice, revoked_, now) != crypto::DeviceStanding::Usable) {
    return false;
  }
  // Its own epoch key this device has (it is in the group now).
  SAMRAD_ASSIGN_OR_RETURN(auto epoch, epochKey(server, obj->context.epoch));
  auto sealed = crypto::decryptObject(*obj, {group_, id, std::nullopt, kHistoryKind}, chain_,
                                      {epoch, std::nullopt});
  if (!sealed)
    return *(failed_ = verifyError("the group's history for this device", sealed.error()));
  auto keys = crypto::openEpochHistory(group_, me_.device, me_.box, sealed->view());
  if (!keys) return *(failed_ = verifyError("the group's history for this device", keys.error()));
  SAMRAD_ASSIGN_OR_RETURN(
      auto put, db_.prepare("INSERT OR IGNORE INTO replica_epoch_keys (group_id, epoch, key) "
                            "VALUES (?1, ?2, ?3)"));
  for (const auto& [e, k] : *keys) {
    // Only epochs this device was given no key for: where the coordinator
    // sealed it one, that key stands and a grant cannot replace it.
    if (e == 0 || e >= state.epoch) continue;
    auto own = openEpochBundle(server, e);
    if (own) continue;
    if (own.error().code() != ErrorCode::NotFound &&
        own.error().code() != ErrorCode::PermissionDenied) {
      return own.error();
    }
    put.bindBlob(1, group_.view()).bind(2, static_cast<std::int64_t>(e)).bindBlob(3, k.view());
    SAMRAD_TRY(put.run());
    SAMRAD_TRY(put.reset());
  }
  return true;
}

Result<RestoreReport> restoreHistory(GroupReplica& replica, CaseBook& cases, PlatformClient& server,
                                     const crypto::DeviceId& target, std::int64_t now,
                                     const std::optional<crypto::UserId>& inPlaceOf) {
  RestoreReport report;
  SAMRAD_ASSIGN_OR_RETURN(report.epochs, replica.grantHistory(server, target, now, inPlaceOf));
  SAMRAD_TRY(replica.pull(server, std::chrono::milliseconds(200)));
  for (const auto& c : cases.cases()) {
    SAMRAD_ASSIGN_OR_RETURN(CaseScope scope, cases.scopeOf(c.id));
    if (std::find(scope.devices.begin(), scope.devices.end(), target) == scope.devices.end()) {
      continue;  // recused, or not shared with the member's agency
    }
    auto shared = replica.shareCase(server, CaseScope{c.id, {target}});
    if (shared) {
      ++report.cases;
    } else if (shared.error().reason() == "case.no_key" ||
               shared.error().reason() == "recovery.not_same_person") {
      // Opened before the recovery key joined, or the device is a new
      // person's: the referring agency shares it.
      ++report.casesWithout;
    } else {
      return shared.error();
    }
  }
  return report;
}

}  // namespace samrad::client
