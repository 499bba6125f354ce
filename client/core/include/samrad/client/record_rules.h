// What a reader checks of a new version of a case's own records before it
// keeps it (DESIGN §2): the case record and the consent record are the
// referring agency's. The server refuses other writers too, but a reader does
// not take the server's word for it — the same rule the server applies,
// checked against the version's signed author.
#pragma once

#include <optional>
#include <string_view>

#include "samrad/common/result.h"
#include "samrad/crypto/membership.h"

namespace samrad::client {

struct RecordWrite {
  std::string_view kind;
  // The author as the chain stood at the head the version names; nullptr if
  // the author was not a member there.
  const crypto::ChainMember* author = nullptr;
  crypto::ByteView next;                 // the new version's plaintext
  std::uint64_t version = 0;             // the new version's number
  std::optional<crypto::ByteView> kept;  // the version this device holds, if any
  // The version right before `next`, when its author is the coordinator of
  // another agency (who may change nothing but the status of what was there).
  std::optional<crypto::ByteView> base;
  // For a consent record: the referring agency of its case, if this device
  // holds the case record.
  std::optional<crypto::AgencyId> caseReferrer;
  // The case the version is bound to (its signed associated data) and the
  // object it is stored under: a record names that case and lives under the
  // id the case gives it.
  std::optional<crypto::CaseId> caseId;
  crypto::ObjectId object;
  // For a case record a coordinator wrote: the agency of the author of its
  // first version, the one that referred the case.
  std::optional<crypto::AgencyId> firstAuthorAgency;
};

// Whether the author's role writes this kind at all: a lawyer's and an
// observer's devices read only; an agency's recovery key writes only a
// device's granted history and case key boxes. The server refuses the rest;
// a reader refuses it too, whatever the server accepted.
// Reason: record.read_only_author.
Status checkAuthorRole(const crypto::ChainMember* author, std::string_view kind);

// checkAuthorRole first; for any other kind then: ok. A case record must come from a member of the
// agency it names as referring (which never changes from the version kept), or from the group's
// coordinator changing only the status of the version before
// (`base`, which the caller must supply for such a version); a consent
// record from a member of the case's referring agency, and a withdrawal is
// never undone.
// Reasons: record.read_only_author, record.wrong_author, record.changed_referrer,
// record.coordinator_edit, record.withdrawal_undone, record.malformed, record.wrong_case.
Status checkRecordWrite(const RecordWrite& w);
// Whether a case record version is the coordinator's status change, whose
// base must then be checked (the author is not of the referring agency).
bool needsBase(const RecordWrite& w);
// Whether a case record version reaches a device that holds no copy of the
// record: its claim about the referring agency is then checked against the
// first version's author (a device with a copy checks it against the copy).
bool needsFirstAuthor(const RecordWrite& w);

}  // namespace samrad::client
