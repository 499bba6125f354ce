#include "samrad/client/cases.h"

#include <algorithm>

#include "samrad/common/record_kinds.h"
#include "samrad/crypto/identity_checks.h"
#include "samrad/v1/workflow.pb.h"

namespace samrad::client {
namespace {

constexpr const char* kCaseKind = "case";
static_assert(std::string_view(kCaseKind) == kCaseRecordKind);

Error malformed(const char* what) {
  return Error(ErrorCode::DataLoss, "case.malformed", std::string("a case record ") + what);
}

template <typename I>
std::string raw(const I& id) {
  return std::string(reinterpret_cast<const char*>(id.view().data()), id.view().size());
}

template <typename I>
Result<I> idOf(const std::string& s, const char* field) {
  auto id = I::fromBytes(crypto::asBytes(s));
  if (!id) return malformed((std::string("has a bad ") + field).c_str());
  return *id;
}

int rank(CaseStatus s) {
  return static_cast<int>(s);
}

}  // namespace

crypto::Bytes CaseRecord::serialize() const {
  v1::CaseRecord m;
  m.set_case_id(raw(id));
  m.set_number(number);
  m.set_referring_agency(raw(referringAgency));
  m.set_referring_user(raw(referringUser));
  m.set_kind(kind == CaseKind::Consented ? v1::CASE_KIND_CONSENTED : v1::CASE_KIND_DEIDENTIFIED);
  m.set_urgency(urgency == Urgency::Acute     ? v1::CASE_URGENCY_ACUTE
                : urgency == Urgency::Planned ? v1::CASE_URGENCY_PLANNED
                                              : v1::CASE_URGENCY_CONSULTATIVE);
  m.set_children_involved(childrenInvolved);
  m.set_status(static_cast<v1::CaseStatus>(rank(status) + 1));
  m.set_brief(brief);
  for (const auto& u : recused) m.add_recused_users(raw(u));
  m.set_referred_at(referredAt);
  m.set_closed_at(closedAt);
  for (const auto& a : sharedWith) m.add_shared_with_agencies(raw(a));
  m.set_repeat_referral(repeatReferral);
  m.set_consent_ended(consentEnded);
  std::string out;
  m.SerializeToString(&out);
  return {out.begin(), out.end()};
}

Result<CaseRecord> CaseRecord::parse(crypto::ByteView bytes) {
  v1::CaseRecord m;
  if (!m.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return malformed("cannot be read");
  }
  CaseRecord c;
  SAMRAD_ASSIGN_OR_RETURN(c.id, idOf<crypto::CaseId>(m.case_id(), "case id"));
  SAMRAD_ASSIGN_OR_RETURN(c.referringAgency,
                          idOf<crypto::AgencyId>(m.referring_agency(), "agency"));
  SAMRAD_ASSIGN_OR_RETURN(c.referringUser, idOf<crypto::UserId>(m.referring_user(), "user"));
  c.number = m.number();
  switch (m.kind()) {
    case v1::CASE_KIND_CONSENTED:
      c.kind = CaseKind::Consented;
      break;
    case v1::CASE_KIND_DEIDENTIFIED:
      c.kind = CaseKind::Deidentified;
      break;
    default:
      return malformed("has no kind");
  }
  switch (m.urgency()) {
    case v1::CASE_URGENCY_ACUTE:
      c.urgency = Urgency::Acute;
      break;
    case v1::CASE_URGENCY_PLANNED:
      c.urgency = Urgency::Planned;
      break;
    case v1::CASE_URGENCY_CONSULTATIVE:
      c.urgency = Urgency::Consultative;
      break;
    default:
      return malformed("has no urgency");
  }
  if (m.status() < v1::CASE_STATUS_REFERRED || m.status() > v1::CASE_STATUS_CLOSED) {
    return malformed("has no status");
  }
  c.status = static_cast<CaseStatus>(static_cast<int>(m.status()) - 1);
  c.childrenInvolved = m.children_involved();
  c.brief = m.brief();
  for (const auto& u : m.recused_users()) {
    SAMRAD_ASSIGN_OR_RETURN(auto id, idOf<crypto::UserId>(u, "recused user"));
    c.recused.push_back(id);
  }
  for (const auto& a : m.shared_with_agencies()) {
    SAMRAD_ASSIGN_OR_RETURN(auto id, idOf<crypto::AgencyId>(a, "agency"));
    c.sharedWith.push_back(id);
  }
  c.consentEnded = m.consent_ended();
  c.repeatReferral = m.repeat_referral() || m.repeat_of_size() > 0;
  c.referredAt = m.referred_at();
  c.closedAt = m.closed_at();
  return c;
}

Status checkTransition(CaseStatus from, CaseStatus to) {
  const bool forwardOne = rank(to) == rank(from) + 1;
  const bool close = to == CaseStatus::Closed && from != CaseStatus::Closed;
  if (forwardOne || close) return okStatus();
  return Error(ErrorCode::FailedPrecondition, "case.bad_transition",
               "a case moves forward one step at a time (referred, on the agenda, active, "
               "closed), and a closed case stays closed");
}

std::vector<CaseRecord> agendaOrder(std::vector<CaseRecord> cases,
                                    const std::vector<crypto::CaseId>& followUpsDue) {
  auto group = [&](const CaseRecord& c) {
    if (c.urgency == Urgency::Acute) return 0;
    if (c.childrenInvolved) return 1;
    if (std::find(followUpsDue.begin(), followUpsDue.end(), c.id) != followUpsDue.end()) return 2;
    return 3;
  };
  cases.erase(std::remove_if(cases.begin(), cases.end(),
                             [](const CaseRecord& c) {
                               return c.status == CaseStatus::Closed || c.consentEnded;
                             }),
              cases.end());
  std::stable_sort(cases.begin(), cases.end(), [&](const CaseRecord& a, const CaseRecord& b) {
    const int ga = group(a);
    const int gb = group(b);
    if (ga != gb) return ga < gb;
    return a.referredAt < b.referredAt;
  });
  return cases;
}

crypto::ObjectId CaseBook::objectOf(const crypto::CaseId& id) {
  // The case id itself names its record object: 16 bytes either way.
  return *crypto::ObjectId::fromBytes(id.view());
}

Result<CaseScope> CaseBook::scopeFor(const CaseRecord& c) const {
  const auto& state = replica_.chain().state();
  for (const auto& u : c.recused) {
    if (u == me_) {
      return Error(ErrorCode::InvalidArgument, "case.recused_self",
                   "the referring member cannot be recused from their own case");
    }
    if (state.members.find(u) == state.members.end()) {
      return Error(ErrorCode::InvalidArgument, "case.unknown_member",
                   "a recused person is not a member of the group");
    }
  }
  auto agencyShares = [&](const crypto::AgencyId& a) {
    if (a == c.referringAgency) return true;
    if (c.consentEnded) return false;
    if (c.kind == CaseKind::Deidentified) return true;
    return std::find(c.sharedWith.begin(), c.sharedWith.end(), a) != c.sharedWith.end();
  };
  CaseScope scope{c.id, {}};
  for (const auto& [user, member] : state.members) {
    if (std::find(c.recused.begin(), c.recused.end(), user) != c.recused.end()) continue;
    if (!agencyShares(member.certificate.agency)) continue;
    for (const auto& [device, d] : member.devices) scope.devices.push_back(device);
  }
  return scope;
}

Result<CaseRecord> CaseBook::refer(const Referral& r) {
  if (r.number.empty()) {
    return Error(ErrorCode::InvalidArgument, "case.number_required",
                 "a case needs its pseudonymous number, e.g. NRS-2026-017");
  }
  for (const auto& existing : cases()) {
    if (existing.number == r.number) {
      return Error(ErrorCode::AlreadyExists, "case.number_taken",
                   "another case already has the number " + r.number);
    }
  }
  CaseRecord c;
  c.id = crypto::CaseId::random();
  c.number = r.number;
  c.referringAgency = agency_;
  c.referringUser = me_;
  c.kind = r.kind;
  c.urgency = r.urgency;
  c.childrenInvolved = r.childrenInvolved;
  c.status = CaseStatus::Referred;
  c.brief = r.brief;
  c.recused = r.recused;
  c.referredAt = r.now;
  if (r.kind == CaseKind::Consented) {
    if (r.sharedWith.empty()) {
      return Error(ErrorCode::InvalidArgument, "case.scope_required",
                   "a case with consent is shared with the agencies the consent names; name them");
    }
    c.sharedWith = r.sharedWith;
  } else if (!r.sharedWith.empty()) {
    return Error(ErrorCode::InvalidArgument, "case.scope_for_deidentified",
                 "a de-identified case is shared with the whole group, not chosen agencies");
  } else {
    SAMRAD_TRY(checkDeidentified(r.brief, r.review));
  }
  SAMRAD_ASSIGN_OR_RETURN(CaseScope scope, scopeFor(c));
  SAMRAD_TRY(replica_.write(objectOf(c.id), kCaseKind, c.serialize(), scope));
  return c;
}

bool CaseBook::mayMoveOn(const CaseRecord& c) {
  if (c.referringAgency == agency_) return true;
  const auto& members = replica_.chain().state().members;
  const auto me = members.find(me_);
  return me != members.end() && me->second.role == crypto::GroupRole::Coordinator;
}

Status CaseBook::setStatus(const crypto::CaseId& id, CaseStatus status, std::int64_t now) {
  auto c = find(id);
  if (!c) return Error(ErrorCode::NotFound, "case.not_found", "no such case on this device");
  if (!mayMoveOn(*c)) {
    return Error(ErrorCode::PermissionDenied, "case.not_allowed",
                 "only the group's coordinator or the referring agency moves a case on or "
                 "closes it");
  }
  SAMRAD_TRY(checkTransition(c->status, status));
  c->status = status;
  if (status == CaseStatus::Closed) c->closedAt = now;
  SAMRAD_ASSIGN_OR_RETURN(CaseScope scope, scopeFor(*c));
  return replica_.write(objectOf(id), kCaseKind, c->serialize(), scope);
}

Status CaseBook::editBrief(const crypto::CaseId& id, const std::string& brief,
                           const DeidReview& review) {
  auto c = find(id);
  if (!c) return Error(ErrorCode::NotFound, "case.not_found", "no such case on this device");
  if (c->referringAgency != agency_) {
    return Error(ErrorCode::PermissionDenied, "case.not_referring_agency",
                 "only the referring agency edits the brief");
  }
  if (c->status == CaseStatus::Closed) {
    return Error(ErrorCode::FailedPrecondition, "case.closed", "a closed case is not edited");
  }
  if (brief.empty()) {
    return Error(ErrorCode::InvalidArgument, "case.brief_required", "the brief cannot be empty");
  }
  if (c->kind == CaseKind::Deidentified) SAMRAD_TRY(checkDeidentified(brief, review));
  c->brief = brief;
  SAMRAD_ASSIGN_OR_RETURN(CaseScope scope, scopeFor(*c));
  return replica_.write(objectOf(id), kCaseKind, c->serialize(), scope);
}

Status CaseBook::close(PlatformClient& server, const crypto::CaseId& id, std::int64_t now) {
  // A close that stopped after the record was sent (no answer to the state
  // report) is finished by closing again: the record stays as it is.
  const auto before = find(id);
  if (!before || before->status != CaseStatus::Closed) {
    SAMRAD_TRY(setStatus(id, CaseStatus::Closed, now));
  } else if (!mayMoveOn(*before)) {
    return Error(ErrorCode::PermissionDenied, "case.not_allowed",
                 "only the group's coordinator or the referring agency closes a case");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto pushed, replica_.push(server));
  if (pushed.conflicts > 0 || pushed.refused > 0 || pushed.waiting > 0) {
    return Error(ErrorCode::Aborted, "case.not_closed",
                 "the case could not be closed on the server; look at the conflicts and try again");
  }
  const auto c = find(id);
  auto reported = server.setCaseState(replica_.group(), id, c->kind == CaseKind::Deidentified, true,
                                      crypto::randomBytes(16));
  if (!reported) return reported.error();
  return okStatus();
}

Status CaseBook::share(PlatformClient& server, const crypto::CaseId& id) {
  if (auto c = find(id); c && !mayMoveOn(*c)) {
    return Error(ErrorCode::PermissionDenied, "case.not_referring_agency",
                 "only the agency that referred the case, or the coordinator, shares it with "
                 "more members");
  }
  SAMRAD_ASSIGN_OR_RETURN(CaseScope scope, scopeOf(id));
  return replica_.shareCase(server, scope);
}

Status CaseBook::markConsentEnded(const crypto::CaseId& id) {
  auto c = find(id);
  if (!c) return Error(ErrorCode::NotFound, "case.not_found", "no such case on this device");
  if (c->consentEnded) return okStatus();
  c->consentEnded = true;
  SAMRAD_ASSIGN_OR_RETURN(CaseScope scope, scopeFor(*c));
  return replica_.write(objectOf(id), kCaseKind, c->serialize(), scope);
}

Result<CaseScope> CaseBook::scopeOf(const crypto::CaseId& id) {
  auto c = find(id);
  if (!c) return Error(ErrorCode::NotFound, "case.not_found", "no such case on this device");
  return scopeFor(*c);
}

Result<RepeatCheck> CaseBook::registerPerson(PlatformClient& server, const crypto::CaseId& id,
                                             std::string_view personnummer, int referenceYear) {
  auto c = find(id);
  if (!c) return Error(ErrorCode::NotFound, "case.not_found", "no such case on this device");
  if (c->referringAgency != agency_) {
    return Error(ErrorCode::PermissionDenied, "case.not_referring_agency",
                 "only the referring agency registers whom a case is about");
  }
  // The server takes a tag only for a case it holds: what waits goes first.
  SAMRAD_ASSIGN_OR_RETURN(auto pushed, replica_.push(server));
  (void)pushed;
  SAMRAD_ASSIGN_OR_RETURN(auto key, replica_.personTagKey(server));
  const crypto::Bytes idempotency = crypto::randomBytes(16);
  auto send = [&](const crypto::PersonTagKey& k) -> Result<PlatformClient::Referral> {
    SAMRAD_ASSIGN_OR_RETURN(auto tag,
                            crypto::personTag(replica_.group(), k, personnummer, referenceYear));
    SAMRAD_ASSIGN_OR_RETURN(auto h, crypto::Hash::fromBytes(tag));
    return server.registerReferral(replica_.group(), id, h, k.generation, idempotency);
  };
  auto found = send(key);
  // The key was renewed meanwhile: fetch it again. Or the coordinator's
  // computer has not yet had the server re-key the tags: the generation
  // before still holds until it has.
  if (!found && found.error().reason() == "referral.generation") {
    SAMRAD_ASSIGN_OR_RETURN(key, replica_.personTagKey(server, true));
    found = send(key);
    if (!found && found.error().reason() == "referral.generation" && !key.previous.empty()) {
      const crypto::PersonTagKey before{key.generation - 1,
                                        crypto::SecretBytes::copyOf(key.salt.view()),
                                        crypto::SecretBytes::copyOf(key.previous.view()),
                                        {}};
      found = send(before);
    }
  }
  if (!found) return found.error();
  RepeatCheck out{found->repeat, found->registeredAt};
  if (!out.repeat || c->repeatReferral) return out;
  c->repeatReferral = true;
  SAMRAD_ASSIGN_OR_RETURN(CaseScope scope, scopeFor(*c));
  SAMRAD_TRY(replica_.write(objectOf(id), kCaseKind, c->serialize(), scope));
  return out;
}

Result<std::vector<RepeatFlag>> CaseBook::repeatFlags(PlatformClient& server) {
  SAMRAD_ASSIGN_OR_RETURN(auto listed, server.listRepeatReferrals(replica_.group()));
  std::vector<RepeatFlag> out;
  for (const auto& r : listed.referrals) {
    RepeatFlag f{r.caseId, {}, r.registeredAt};
    for (const auto& e : r.earlier) f.earlier.push_back(e.first);
    out.push_back(std::move(f));
  }
  std::sort(out.begin(), out.end(),
            [](const RepeatFlag& a, const RepeatFlag& b) { return a.flaggedAt < b.flaggedAt; });
  return out;
}

std::vector<CaseRecord> CaseBook::cases() {
  std::vector<CaseRecord> out;
  for (const auto& o : replica_.objects(kCaseKind)) {
    auto c = CaseRecord::parse(o.plaintext);
    // A record counts only under its own case's id.
    if (c && objectOf(c->id) == o.id) out.push_back(std::move(c).value());
  }
  return out;
}

std::optional<CaseRecord> CaseBook::find(const crypto::CaseId& id) {
  auto o = replica_.object(objectOf(id));
  if (!o || o->kind != kCaseKind) return std::nullopt;
  auto c = CaseRecord::parse(o->plaintext);
  if (!c || c->id != id) return std::nullopt;
  return std::move(c).value();
}

}  // namespace samrad::client
