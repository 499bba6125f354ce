#include "samrad/client/record_rules.h"

#include "samrad/client/cases.h"
#include "samrad/client/consent.h"
#include "samrad/common/record_kinds.h"

namespace samrad::client {
namespace {

Error refuse(const char* reason, const std::string& message) {
  return Error(ErrorCode::DataLoss, reason, message);
}

Status checkCaseRecord(const RecordWrite& w) {
  auto next = CaseRecord::parse(w.next);
  if (!next) return refuse("record.malformed", "a case record cannot be read");
  if (!w.caseId || next->id != *w.caseId || CaseBook::objectOf(*w.caseId) != w.object) {
    return refuse("record.wrong_case", "a case record is not stored under its own case");
  }
  if (w.firstAuthorAgency && next->referringAgency != *w.firstAuthorAgency) {
    return refuse("record.changed_referrer",
                  "a case record names another referring agency than the one that created it");
  }
  std::optional<CaseRecord> kept;
  if (w.kept) {
    auto k = CaseRecord::parse(*w.kept);
    if (k) kept = std::move(k).value();
  }
  if (kept && (kept->id != next->id || kept->referringAgency != next->referringAgency)) {
    return refuse("record.changed_referrer",
                  "a new version of a case record names another case or referring agency");
  }
  if (w.author == nullptr) {
    return refuse("record.wrong_author", "a case record was written by someone not in the group");
  }
  if (w.author->certificate.agency == next->referringAgency) return okStatus();
  if (w.author->role != crypto::GroupRole::Coordinator || w.version <= 1) {
    return refuse("record.wrong_author",
                  "a case record was written by an agency that did not refer the case");
  }
  // The coordinator moves a case on; everything else stays as it was in the
  // version before.
  if (!w.base) {
    return refuse("record.coordinator_edit",
                  "the version a coordinator's status change was made on is missing");
  }
  auto base = CaseRecord::parse(*w.base);
  if (!base) return refuse("record.malformed", "a case record cannot be read");
  CaseRecord same = *next;
  same.status = base->status;
  same.closedAt = base->closedAt;
  if (same.serialize() != base->serialize()) {
    return refuse("record.coordinator_edit",
                  "the coordinator changed more of a case record than its status");
  }
  return okStatus();
}

Status checkConsentRecord(const RecordWrite& w) {
  auto next = ConsentRecord::parse(w.next);
  if (!next) return refuse("record.malformed", "a consent record cannot be read");
  if (!w.caseId || next->form.caseId != *w.caseId || ConsentBook::objectOf(*w.caseId) != w.object) {
    return refuse("record.wrong_case", "a consent record is not stored under its own case");
  }
  if (w.author == nullptr || (w.caseReferrer && w.author->certificate.agency != *w.caseReferrer)) {
    return refuse("record.wrong_author",
                  "a consent record was written by an agency that did not refer the case");
  }
  if (w.kept) {
    auto kept = ConsentRecord::parse(*w.kept);
    // A new consent registered after the withdrawal is another matter.
    if (kept && kept->withdrawn() && !next->withdrawn() &&
        next->registeredAt <= kept->withdrawnAt) {
      return refuse("record.withdrawal_undone",
                    "a new version of a consent record undoes its withdrawal");
    }
  }
  return okStatus();
}

}  // namespace

bool needsFirstAuthor(const RecordWrite& w) {
  return w.kind == kCaseRecordKind && w.version > 1 && !w.kept;
}

bool needsBase(const RecordWrite& w) {
  if (w.kind != kCaseRecordKind || w.author == nullptr || w.version <= 1) return false;
  auto next = CaseRecord::parse(w.next);
  return next && w.author->certificate.agency != next->referringAgency &&
         w.author->role == crypto::GroupRole::Coordinator;
}

Status checkAuthorRole(const crypto::ChainMember* author, std::string_view kind) {
  if (author == nullptr) return okStatus();  // judged by who wrote, below
  switch (author->role) {
    case crypto::GroupRole::Coordinator:
    case crypto::GroupRole::Member:
      return okStatus();
    case crypto::GroupRole::Recovery:
      if (kind == kEpochHistoryKind || kind == kCaseKeysKind) return okStatus();
      break;
    case crypto::GroupRole::Lawyer:
    case crypto::GroupRole::Observer:
      break;
  }
  return Error(ErrorCode::DataLoss, "record.read_only_author",
               "a device that only reads the group (a lawyer's, an observer's or a recovery "
               "key's) is named as the author of content");
}

Status checkRecordWrite(const RecordWrite& w) {
  SAMRAD_TRY(checkAuthorRole(w.author, w.kind));
  if (w.kind == kCaseRecordKind) return checkCaseRecord(w);
  if (w.kind == kConsentRecordKind) return checkConsentRecord(w);
  return okStatus();
}

}  // namespace samrad::client
