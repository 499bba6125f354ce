// A case's own records — the case record (brief, scope, status) and its
// consent record — belong to the agency that referred the case (DESIGN §2).
// The server cannot read them, but it knows their kinds and who wrote each
// version, so it holds every write to that rule: a device on the case's
// access list may read them, but only the referring agency writes them, and
// the group's coordinator moves a case's status on. Closing a case (which
// starts its retention clock) is for the same people.
#include <algorithm>

#include "samrad/common/record_kinds.h"
#include "samrad/server/domain/platform.h"

namespace samrad::server::domain {
namespace {

Error err(ErrorCode code, const char* reason, const std::string& message) {
  return Error(code, reason, message);
}

ObjectId recordOf(const crypto::CaseId& id) {
  return *ObjectId::fromBytes(id.view());
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
  // referred the case.
  SAMRAD_ASSIGN_OR_RETURN(auto consent, store_.consent(group, caseId));
  if (consent) return std::optional<AgencyId>{consent->referringAgency};
  SAMRAD_ASSIGN_OR_RETURN(auto head, store_.objectHead(group, recordOf(caseId)));
  if (!head || head->deleted || head->kind != kCaseRecordKind) return std::optional<AgencyId>{};
  return agencyOfDevice(head->creator, state);
}

Status Platform::checkRecordWriter(const Caller& caller, const GroupId& group,
                                   const ObjectId& object, const crypto::CaseId& caseId,
                                   std::string_view kind, const crypto::GroupState& state) {
  const bool caseRecord = kind == kCaseRecordKind;
  if (!caseRecord && kind != kConsentRecordKind) return okStatus();
  if (caseRecord && object != recordOf(caseId)) {
    return err(ErrorCode::InvalidArgument, "object.case_record_id",
               "a case record is stored under its case's own id");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto owner, referringAgencyOf(group, caseId, state));
  // Nothing of the case yet: this write refers it.
  if (!owner || *owner == caller.agency) return okStatus();
  if (caseRecord && state.isCoordinatorDevice(caller.device)) return okStatus();
  return err(ErrorCode::PermissionDenied, "object.not_referring_agency",
             "only the agency that referred the case writes its case and consent records (the "
             "group's coordinator may also move the case on)");
}

Status Platform::checkCaseAuthority(const Caller& caller, const GroupId& group,
                                    const crypto::CaseId& caseId, const crypto::GroupState& state) {
  SAMRAD_ASSIGN_OR_RETURN(auto head, store_.objectHead(group, recordOf(caseId)));
  if (!head || head->deleted || head->kind != kCaseRecordKind) {
    return err(ErrorCode::NotFound, "case.not_found",
               "the server holds no record of this case; send the case first");
  }
  if (state.isCoordinatorDevice(caller.device)) return okStatus();
  SAMRAD_ASSIGN_OR_RETURN(auto owner, referringAgencyOf(group, caseId, state));
  const bool reads = head->wholeGroup || std::find(head->allowed.begin(), head->allowed.end(),
                                                   caller.device) != head->allowed.end();
  if (owner && *owner == caller.agency && reads) return okStatus();
  return err(ErrorCode::PermissionDenied, "case.not_allowed",
             "only the group's coordinator or the referring agency (not a recused member) closes "
             "or reopens a case");
}

Status Platform::checkReferrer(const Caller& caller, const GroupId& group,
                               const crypto::CaseId& caseId, const crypto::GroupState& state) {
  SAMRAD_ASSIGN_OR_RETURN(auto head, store_.objectHead(group, recordOf(caseId)));
  if (!head || head->deleted || head->kind != kCaseRecordKind) {
    return err(ErrorCode::NotFound, "case.not_found",
               "the server holds no record of this case; send the case first");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto owner, referringAgencyOf(group, caseId, state));
  const bool reads = head->wholeGroup || std::find(head->allowed.begin(), head->allowed.end(),
                                                   caller.device) != head->allowed.end();
  if (owner && *owner == caller.agency && reads) return okStatus();
  return err(ErrorCode::PermissionDenied, "case.not_referring_agency",
             "only the agency that referred the case (not a recused member) registers whom it "
             "is about");
}

}  // namespace samrad::server::domain
