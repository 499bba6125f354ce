// Cases ("ärenden") as a member's device handles them, over the group
// replica: a referral creates the encrypted case record, shared only with the
// devices of members who are not recused; status moves forward step by step;
// the agenda puts acute cases first, then cases with children, then
// follow-ups that are due, then the rest (DESIGN §2).
#pragma once

#include <string>
#include <vector>

#include "samrad/client/deid_gate.h"
#include "samrad/client/replica.h"
#include "samrad/common/result.h"

namespace samrad::client {

enum class CaseKind { Consented, Deidentified };
enum class Urgency { Acute, Planned, Consultative };
enum class CaseStatus { Referred, OnAgenda, Active, Closed };

struct CaseRecord {
  crypto::CaseId id;
  std::string number;  // pseudonymous, e.g. "NRS-2026-017"
  crypto::AgencyId referringAgency;
  crypto::UserId referringUser;
  CaseKind kind = CaseKind::Deidentified;
  Urgency urgency = Urgency::Planned;
  bool childrenInvolved = false;
  CaseStatus status = CaseStatus::Referred;
  std::string brief;
  std::vector<crypto::UserId> recused;
  std::int64_t referredAt = 0;
  std::int64_t closedAt = 0;
  // Consented cases: the agencies the consent names; shared only with them.
  std::vector<crypto::AgencyId> sharedWith;
  bool consentEnded = false;  // withdrawn or expired
  // The server said an earlier case of the group within 12 months is about
  // the same person (which, only the coordinator is told).
  bool repeatReferral = false;

  [[nodiscard]] crypto::Bytes serialize() const;
  // Reason: case.malformed.
  static Result<CaseRecord> parse(crypto::ByteView bytes);
};

// May a case go from `from` to `to`? Forward one step, or closed from any
// open state; never back from closed. Reason: case.bad_transition.
Status checkTransition(CaseStatus from, CaseStatus to);

// The meeting's order: acute, then children involved, then follow-ups due
// (ids in `followUpsDue`), then the rest; within each, oldest referral first.
// Closed cases and cases whose consent ended are not on it.
std::vector<CaseRecord> agendaOrder(std::vector<CaseRecord> cases,
                                    const std::vector<crypto::CaseId>& followUpsDue);

struct Referral {
  std::string number;
  CaseKind kind = CaseKind::Deidentified;
  Urgency urgency = Urgency::Planned;
  bool childrenInvolved = false;
  std::string brief;
  std::vector<crypto::UserId> recused;
  std::int64_t now = 0;
  // A consented case: the agencies its consent names (required).
  std::vector<crypto::AgencyId> sharedWith;
  // A de-identified case: what the person decided about the brief's
  // findings; the brief passes checkDeidentified() or is not referred.
  DeidReview review;
};

// What the referring agency learns of a repeat check: yes or no.
struct RepeatCheck {
  bool repeat = false;
  std::int64_t registeredAt = 0;
};

// A repeat referral as the coordinator alone sees it (ids only, never the
// person): the case and the group's earlier cases about the same person.
struct RepeatFlag {
  crypto::CaseId caseId;
  std::vector<crypto::CaseId> earlier;
  std::int64_t flaggedAt = 0;
};

class CaseBook {
 public:
  CaseBook(GroupReplica& replica, crypto::AgencyId myAgency, crypto::UserId me)
      : replica_(replica), agency_(myAgency), me_(me) {}

  // Writes the case locally (sent by the replica's push). The case is shared
  // with every device in the group except the recused members' — and never
  // without the referrer's own. Reasons: case.recused_self,
  // case.unknown_member, case.number_required, case.number_taken.
  Result<CaseRecord> refer(const Referral& referral);
  // Moves a case on (on the agenda, active, closed): the group's coordinator
  // or a member of the referring agency. Reasons: case.not_found,
  // case.not_allowed, case.bad_transition.
  Status setStatus(const crypto::CaseId& id, CaseStatus status, std::int64_t now);
  // Whether this member may move the case on or close it.
  [[nodiscard]] bool mayMoveOn(const CaseRecord& c);
  // The referring agency corrects the brief; a de-identified one passes
  // checkDeidentified() with `review` first. Reasons: case.not_found,
  // case.not_referring_agency, case.closed, case.brief_required, deid.*.
  Status editBrief(const crypto::CaseId& id, const std::string& brief,
                   const DeidReview& review = {});
  // Closes the case here and on the server, which starts the group's
  // retention clock for it. Reasons: setStatus()'s, case.not_closed, the server's.
  Status close(PlatformClient& server, const crypto::CaseId& id, std::int64_t now);
  // Gives the case's existing content to the devices its scope names now but
  // did not when it was written (members who joined later, new devices).
  // Reasons: case.not_found, GroupReplica::shareCase()'s.
  Status share(PlatformClient& server, const crypto::CaseId& id);
  // After the consent ended: the case stays with the referring agency only.
  Status markConsentEnded(const crypto::CaseId& id);
  // Who may read the case: its agencies' members (all of the group's for a
  // de-identified case) minus the recused, the referring agency alone once
  // the consent ended.
  Result<CaseScope> scopeOf(const crypto::CaseId& id);
  // Registers who the case is about by a person tag of their personnummer
  // or samordningsnummer under the group's key for repeat checks (the number
  // itself is neither sent nor kept). Whether an earlier case of the group
  // within 12 months is about the same person comes back as yes or no and
  // is marked on the case record; the coordinator sees which. Needs the
  // server. Reasons: pnr.format, pnr.date, pnr.checksum, case.not_found,
  // case.not_referring_agency (here and on the server), referral.no_key,
  // referral.tag_differs, referral.rate_limited, referral.generation.
  Result<RepeatCheck> registerPerson(PlatformClient& server, const crypto::CaseId& id,
                                     std::string_view personnummer, int referenceYear);
  // The coordinator's: the group's repeat referrals, oldest first. Reasons:
  // the server's (group.not_coordinator elsewhere).
  Result<std::vector<RepeatFlag>> repeatFlags(PlatformClient& server);

  [[nodiscard]] std::vector<CaseRecord> cases();
  [[nodiscard]] std::optional<CaseRecord> find(const crypto::CaseId& id);

  // The object a case record lives in (derived from the case id).
  static crypto::ObjectId objectOf(const crypto::CaseId& id);

 private:
  [[nodiscard]] Result<CaseScope> scopeFor(const CaseRecord& c) const;

  GroupReplica& replica_;
  crypto::AgencyId agency_;
  crypto::UserId me_;
};

}  // namespace samrad::client
