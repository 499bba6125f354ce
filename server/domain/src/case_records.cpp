// A case's own records — the case record (brief, scope, status) and its
// consent record — belong to the agency that referred the case (DESIGN §2).
// The server cannot read them, but it knows their kinds and who wrote each
// version, so it holds every write to that rule: a device on the case's
// access list may read them, but only the referring agency writes them, and
// the group's coordinator moves a case's status on. Closing a case (which
// starts its retention clock) is for the same people.
#include <algorithm>
#include <set>

#include "samrad/common/record_kinds.h"
#include "samrad/crypto/object_ids.h"
#include "samrad/server/domain/platform.h"

namespace samrad::server::domain {
namespace {

Error err(ErrorCode code, const char* reason, const std::string& message) {
  return Error(code, reason, message);
}

ObjectId personTagKeyObject(const GroupId& group) {
  const crypto::Hash h = crypto::sha256({crypto::asBytes(kPersonTagKeyLabel), group.view()});
  return *ObjectId::fromBytes(crypto::ByteView(h.bytes.data(), 16));
}

ObjectId recordOf(const crypto::CaseId& id) {
  return *ObjectId::fromBytes(id.view());
}

ObjectId consentRecordOf(const crypto::CaseId& id) {
  const Hash h = crypto::sha256({crypto::asBytes(kConsentRecordLabel), id.view()});
  return *ObjectId::fromBytes(crypto::ByteView(h.bytes.data(), 16));
}

}  // namespace

Result<std::optional<AgencyId>> Platform::agencyOfDevice(const DeviceId& device,
                                                         const crypto::GroupState& state) {
  if (const crypto::ChainMember* m = state.memberOf(device)) {
    return std::optional<AgencyId>{m->certificate.agency};
  }
  // Left the group since: the directory still knows it.
  SAMRAD_ASSIGN_OR_RETURN(auto d, store_.device(device));
  if (!d) return std::optional<AgencyId>{};
  SAMRAD_ASSIGN_OR_RETURN(auto u, store_.user(d->user));
  if (!u) return std::optional<AgencyId>{};
  return std::optional<AgencyId>{u->agency};
}

Result<std::optional<AgencyId>> Platform::referringAgencyOf(const GroupId& group,
                                                            const crypto::CaseId& caseId,
                                                            const crypto::GroupState& state) {
  // A registered consent names it; otherwise whoever created the case record
  // referred the case. Anything else under the case's id, or a creator the
  // directory does not know, names nobody: refused, not open to all.
  SAMRAD_ASSIGN_OR_RETURN(auto consent, store_.consent(group, caseId));
  if (consent) return std::optional<AgencyId>{consent->referringAgency};
  SAMRAD_ASSIGN_OR_RETURN(auto head, store_.objectHead(group, recordOf(caseId)));
  if (!head) return std::optional<AgencyId>{};
  if (head->kind != kCaseRecordKind) {
    return err(ErrorCode::PermissionDenied, "object.case_record_id",
               "the case's id holds something other than its case record");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto agency, agencyOfDevice(head->creator, state));
  if (!agency) {
    return err(ErrorCode::PermissionDenied, "object.not_referring_agency",
               "the agency that referred the case cannot be established");
  }
  return agency;
}

Status Platform::checkRecordWriter(const Caller& caller, const GroupId& group,
                                   const ObjectId& object,
                                   const std::optional<crypto::CaseId>& caseId,
                                   std::string_view kind, const std::optional<ObjectHead>& head,
                                   const AccessSpec& access, const crypto::GroupState& state) {
  // An object keeps its kind for good (also across a deletion): a case's
  // record cannot be turned into something the rules below do not cover.
  if (head && head->kind != kind) {
    return err(ErrorCode::InvalidArgument, "object.kind_changed",
               "an object keeps the kind it was created with");
  }
  SAMRAD_TRY(checkRecoveryWrite(caller, group, object, caseId, kind, head, access, state));
  if (kind != kPersonTagKeyKind && object == personTagKeyObject(group)) {
    return err(ErrorCode::InvalidArgument, "object.person_tag_key_id",
               "the id of the group's key for repeat checks holds nothing else");
  }
  if (kind == kPersonTagKeyKind)
    return checkPersonTagKeyWriter(caller, group, object, caseId, access, state);
  const bool caseRecord = kind == kCaseRecordKind;
  if (!caseRecord && kind != kConsentRecordKind) return okStatus();
  if (!caseId) {
    return err(ErrorCode::InvalidArgument, "object.case_record_id",
               "a case record or consent record belongs to its case");
  }
  const ObjectId expected = caseRecord ? recordOf(*caseId) : consentRecordOf(*caseId);
  if (object != expected) {
    return err(ErrorCode::InvalidArgument, "object.case_record_id",
               "a case record or consent record is stored under the id its case gives it");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto owner, referringAgencyOf(group, *caseId, state));
  // Nothing of the case yet: this write (of its case record) refers it. A
  // consent record comes after its case record.
  if (!owner) {
    if (caseRecord) return okStatus();
    return err(ErrorCode::FailedPrecondition, "case.not_found",
               "the server holds no record of this case; send the case first");
  }
  if (*owner == caller.agency) return okStatus();
  if (caseRecord && state.isCoordinatorDevice(caller.device)) {
    // The coordinator moves the case on, and takes nobody who reads it away
    // (members who joined since may come in, as ShareCase would bring them).
    const std::set<DeviceId> after(access.devices.begin(), access.devices.end());
    const bool keepsReaders =
        head && !head->deleted && head->wholeGroup == access.wholeGroup &&
        std::all_of(head->allowed.begin(), head->allowed.end(), [&](const DeviceId& d) {
          return state.device(d) == nullptr || after.count(d) > 0;
        });
    if (keepsReaders) return okStatus();
    return err(ErrorCode::PermissionDenied, "object.access_changed",
               "the coordinator moves a case on without taking anyone who reads it away");
  }
  return err(ErrorCode::PermissionDenied, "object.not_referring_agency",
             "only the agency that referred the case writes its case and consent records (the "
             "group's coordinator may also move the case on)");
}

// An agency's recovery key writes nothing of the group's content: only a
// replacement device's history — the epoch keys and case keys it re-grants —
// and only to its own agency's members' devices.
Status Platform::checkRecoveryWrite(const Caller& caller, const GroupId& group,
                                    const ObjectId& object,
                                    const std::optional<crypto::CaseId>& caseId,
                                    std::string_view kind, const std::optional<ObjectHead>& head,
                                    const AccessSpec& access, const crypto::GroupState& state) {
  const crypto::ChainMember* me = state.memberOf(caller.device);
  const bool recovery = me != nullptr && me->role == crypto::GroupRole::Recovery;
  if (!recovery) {
    if (kind == kEpochHistoryKind) {
      return err(ErrorCode::PermissionDenied, "object.epoch_history_writer",
                 "only an agency's recovery key grants a device the group's history");
    }
    if (kind == kCaseKeysKind)
      SAMRAD_TRY(checkCaseKeysWrite(caller, group, object, caseId, access, state));
    // The ids a grant goes under are kept for it: nobody blocks a
    // replacement device's restore by writing something else there first.
    // (A case's key box is also a member's to write, as a case key box.)
    if (head) return okStatus();
    for (const auto& member : state.members) {
      for (const auto& [device, unused] : member.second.devices) {
        const bool taken = object == crypto::epochHistoryObjectId(group, device) ||
                           (caseId && kind != kCaseKeysKind &&
                            object == crypto::caseKeyBoxObjectId(*caseId, device));
        if (taken) {
          return err(ErrorCode::InvalidArgument, "object.grant_id_reserved",
                     "this id is kept for a device's history or case key, granted by its agency's "
                     "recovery key");
        }
      }
    }
    return okStatus();
  }
  if (kind != kEpochHistoryKind && kind != kCaseKeysKind) {
    return err(ErrorCode::PermissionDenied, "group.read_only",
               "an agency's recovery key only re-grants history to its own agency's devices");
  }
  SAMRAD_TRY(checkRecoveryRecipients(caller, access.wholeGroup, access.devices, state));
  // One device at a time, under the id both sides derive for it, and never
  // over what someone else wrote.
  std::optional<DeviceId> to;
  for (const auto& d : access.devices) {
    if (d != caller.device) to = d;
  }
  if (access.devices.size() != 2 || !to ||
      std::count(access.devices.begin(), access.devices.end(), caller.device) != 1) {
    return err(ErrorCode::InvalidArgument, "recovery.one_device",
               "a recovery key's grant is for one device, readable by it and the key alone");
  }
  if (head && head->creator != caller.device) {
    return err(ErrorCode::PermissionDenied, "object.not_owner",
               "a recovery key does not write over what someone else wrote");
  }
  const bool history = kind == kEpochHistoryKind;
  if (history == caseId.has_value()) {
    return err(ErrorCode::InvalidArgument, "recovery.grant_id",
               "a case's key box names its case; a group's history names none");
  }
  const ObjectId expected =
      history ? crypto::epochHistoryObjectId(group, *to) : crypto::caseKeyBoxObjectId(*caseId, *to);
  if (object != expected) {
    return err(ErrorCode::InvalidArgument, "recovery.grant_id",
               "a recovery key's grant is stored under the id its device gives it");
  }
  if (!history) SAMRAD_TRY(checkSamePerson(group, *caseId, {*to}, state));
  return okStatus();
}

// A case's key boxes, from a member: under an id the case gives them — one
// agency's boxes, or one device's box readable by it and the writer alone —
// and only from someone who reads the case. Otherwise a member recused from
// a case could seal a key of their own choosing to a reader's device before
// anyone shared the real one, and read what that device then writes.
Status Platform::checkCaseKeysWrite(const Caller& caller, const GroupId& group,
                                    const ObjectId& object,
                                    const std::optional<crypto::CaseId>& caseId,
                                    const AccessSpec& access, const crypto::GroupState& state) {
  const auto wrongId = [] {
    return err(ErrorCode::InvalidArgument, "object.case_keys_id",
               "a case's key boxes are stored under the id the case gives them, for the devices "
               "they are sealed to");
  };
  if (!caseId || access.wholeGroup) return wrongId();
  bool named = false;
  for (const auto& d : access.devices) {
    if (const crypto::ChainMember* m = state.memberOf(d);
        m != nullptr && object == crypto::caseKeysObjectId(*caseId, m->certificate.agency)) {
      named = true;
    }
  }
  if (access.devices.size() == 2 &&
      std::count(access.devices.begin(), access.devices.end(), caller.device) == 1) {
    for (const auto& d : access.devices) {
      if (d != caller.device && object == crypto::caseKeyBoxObjectId(*caseId, d)) named = true;
    }
  }
  if (!named) return wrongId();
  // A case not yet on the server is being referred by this write's author.
  SAMRAD_ASSIGN_OR_RETURN(auto record, store_.objectHead(group, recordOf(*caseId)));
  if (!record) return okStatus();
  const bool reads = !record->deleted && (record->wholeGroup ||
                                          std::find(record->allowed.begin(), record->allowed.end(),
                                                    caller.device) != record->allowed.end());
  if (reads) return okStatus();
  return err(ErrorCode::PermissionDenied, "object.case_keys_writer",
             "only someone who reads a case seals its key to others");
}

// A recovery key restores; it does not widen: a case goes only to a new
// device of a person who already reads it (so never to someone recused, nor
// to anyone the referring agency did not choose).
Status Platform::checkSamePerson(const GroupId& group, const crypto::CaseId& caseId,
                                 const std::vector<DeviceId>& devices,
                                 const crypto::GroupState& state) {
  SAMRAD_ASSIGN_OR_RETURN(auto record, store_.objectHead(group, recordOf(caseId)));
  if (!record || record->deleted) {
    return err(ErrorCode::NotFound, "case.not_found", "the server holds no record of this case");
  }
  if (record->wholeGroup) return okStatus();
  for (const auto& d : devices) {
    const crypto::ChainMember* m = state.memberOf(d);
    const bool readsBefore =
        m != nullptr &&
        std::any_of(record->allowed.begin(), record->allowed.end(), [&](const DeviceId& a) {
          if (a == d) return true;
          auto ad = store_.device(a);
          return ad.ok() && *ad && (*ad)->user == m->certificate.user;
        });
    if (!readsBefore) {
      return err(ErrorCode::PermissionDenied, "recovery.not_same_person",
                 "a recovery key gives a case only to a new device of someone who reads it; the "
                 "referring agency shares it with anyone else");
    }
  }
  return okStatus();
}

Status Platform::checkRecoveryRecipients(const Caller& caller, bool wholeGroup,
                                         const std::vector<DeviceId>& devices,
                                         const crypto::GroupState& state) {
  const crypto::ChainMember* me = state.memberOf(caller.device);
  const bool ownAgency = me != nullptr && !wholeGroup &&
                         std::all_of(devices.begin(), devices.end(), [&](const DeviceId& d) {
                           if (d == caller.device) return true;
                           const crypto::ChainMember* m = state.memberOf(d);
                           return m != nullptr && m->role != crypto::GroupRole::Recovery &&
                                  m->certificate.agency == me->certificate.agency;
                         });
  if (ownAgency) return okStatus();
  return err(ErrorCode::PermissionDenied, "recovery.not_own_agency",
             "an agency's recovery key re-grants history only to its own agency's members");
}

// The key for repeat checks goes only to the devices that register
// referrals: never to a lawyer's, an observer's or a recovery key's.
Status Platform::checkPersonTagKeyWriter(const Caller& caller, const GroupId& group,
                                         const ObjectId& object,
                                         const std::optional<crypto::CaseId>& caseId,
                                         const AccessSpec& access,
                                         const crypto::GroupState& state) {
  if (!state.isCoordinatorDevice(caller.device)) {
    return err(ErrorCode::PermissionDenied, "object.not_coordinator",
               "only the group's coordinator gives out the key for repeat checks");
  }
  if (caseId || object != personTagKeyObject(group)) {
    return err(ErrorCode::InvalidArgument, "object.person_tag_key_id",
               "the key for repeat checks is stored under the id its group gives it");
  }
  if (access.wholeGroup) {
    return err(ErrorCode::PermissionDenied, "object.tag_key_holder",
               "the key for repeat checks is for the coordinator's and members' devices only");
  }
  for (const auto& d : access.devices) {
    const crypto::ChainMember* m = state.memberOf(d);
    if (m == nullptr ||
        (m->role != crypto::GroupRole::Coordinator && m->role != crypto::GroupRole::Member)) {
      return err(ErrorCode::PermissionDenied, "object.tag_key_holder",
                 "the key for repeat checks is for the coordinator's and members' devices only");
    }
  }
  return okStatus();
}

Status Platform::reserveConsentRecord(const GroupId& group, const ObjectHead& caseRecord) {
  ObjectHead reserved;
  reserved.id = consentRecordOf(*caseRecord.caseId);
  reserved.kind = std::string(kConsentRecordKind);
  reserved.creator = caseRecord.creator;
  reserved.storedAt = caseRecord.storedAt;
  reserved.caseId = caseRecord.caseId;
  return store_.reserveObject(group, reserved);
}

Result<bool> Platform::readsAsReferrer(const Caller& caller, const GroupId& group,
                                       const crypto::CaseId& caseId,
                                       const crypto::GroupState& state) {
  SAMRAD_ASSIGN_OR_RETURN(auto head, store_.objectHead(group, recordOf(caseId)));
  if (!head || head->deleted || head->kind != kCaseRecordKind) {
    return err(ErrorCode::NotFound, "case.not_found",
               "the server holds no record of this case; send the case first");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto owner, referringAgencyOf(group, caseId, state));
  const bool reads = head->wholeGroup || std::find(head->allowed.begin(), head->allowed.end(),
                                                   caller.device) != head->allowed.end();
  return owner && *owner == caller.agency && reads;
}

Status Platform::checkCaseAuthority(const Caller& caller, const GroupId& group,
                                    const crypto::CaseId& caseId, const crypto::GroupState& state) {
  SAMRAD_ASSIGN_OR_RETURN(bool referrer, readsAsReferrer(caller, group, caseId, state));
  if (referrer || state.isCoordinatorDevice(caller.device)) return okStatus();
  return err(ErrorCode::PermissionDenied, "case.not_allowed",
             "only the group's coordinator or the referring agency (not a recused member) closes "
             "or reopens a case");
}

Status Platform::checkReferrer(const Caller& caller, const GroupId& group,
                               const crypto::CaseId& caseId, const crypto::GroupState& state) {
  SAMRAD_ASSIGN_OR_RETURN(bool referrer, readsAsReferrer(caller, group, caseId, state));
  if (referrer) return okStatus();
  return err(ErrorCode::PermissionDenied, "case.not_referring_agency",
             "only the agency that referred the case (not a recused member) registers whom it "
             "is about");
}

}  // namespace samrad::server::domain
