// Consent enforcement (DESIGN §2, §3). The server cannot read a consent
// record; it holds only the scope it enforces — the referring agency, the
// recipient agencies, the validity — and the status. Every object and
// attachment tagged with a case is held to that scope while the consent is
// active; when it is withdrawn or expires, only the referring agency's
// devices keep access, anything no one may read any longer (other agencies'
// key boxes) is deleted, and each step goes into the audit log.
#include <algorithm>
#include <set>

#include "samrad/server/domain/consent_wire.h"
#include "samrad/server/domain/platform.h"
#include "samrad/v1/log.pb.h"

namespace samrad::server::domain {
namespace {

constexpr std::size_t kMaxRecipients = 64;
// A consent is given for a stretch of support, not for ever.
constexpr std::int64_t kMaxValidity = 10LL * 366 * 24 * 3600;

Error err(ErrorCode code, const char* reason, const std::string& message) {
  return Error(code, reason, message);
}

crypto::Bytes stateBytes(const ConsentRecord& c) {
  v1::ConsentState st;
  consentToProto(c, st);
  std::string out;
  st.SerializeToString(&out);
  return crypto::Bytes(out.begin(), out.end());
}

ObjectId asObject(const crypto::CaseId& id) {
  return *ObjectId::fromBytes(id.view());
}

// The devices of the referring agency in the group: who keeps access.
std::set<DeviceId> insidersOf(const crypto::GroupState& st, const AgencyId& agency) {
  std::set<DeviceId> out;
  for (const auto& [user, m] : st.members) {
    if (m.certificate.agency != agency) continue;
    for (const auto& [id, d] : m.devices) out.insert(id);
  }
  return out;
}

bool consentOver(const ConsentRecord& c, std::int64_t now) {
  return c.status != ConsentStatus::Active || c.validUntil <= now;
}

}  // namespace

void consentToProto(const ConsentRecord& c, v1::ConsentState& out) {
  out.set_group_id(c.group.str());
  out.set_case_id(c.caseId.str());
  out.set_referring_agency(c.referringAgency.str());
  for (const auto& a : c.recipients) out.add_recipient_agencies(a.str());
  out.set_valid_from(c.validFrom);
  out.set_valid_until(c.validUntil);
  out.set_status(static_cast<v1::ConsentStatus>(c.status));
  out.set_record_object_id(c.recordObject.str());
  out.set_registered_at(c.registeredAt);
  out.set_registered_by_device(c.registeredBy.str());
  out.set_ended_at(c.endedAt);
  if (c.endedBy) out.set_ended_by_device(c.endedBy->str());
  if (c.formAttachment) out.set_form_attachment_id(c.formAttachment->str());
}

Status Platform::checkConsentScope(const GroupId& group, const crypto::CaseId& caseId,
                                   const crypto::MembershipChain& chain, const AccessSpec& access) {
  SAMRAD_ASSIGN_OR_RETURN(auto state, store_.caseState(group, caseId));
  if (state && state->contentPurged) {
    return err(ErrorCode::FailedPrecondition, "case.purged",
               "the case was closed and its content deleted under the group's retention policy");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto consent, store_.consent(group, caseId));
  if (!consent) return okStatus();  // a de-identified case: recusal is the client's list
  if (access.wholeGroup) {
    return err(ErrorCode::FailedPrecondition, "consent.out_of_scope",
               "a case with consent is shared only with the agencies the consent names, not "
               "with the whole group");
  }
  const bool over = consentOver(*consent, clock_.now());
  for (const auto& d : access.devices) {
    const crypto::ChainMember* m = chain.state().memberOf(d);
    if (m == nullptr) continue;  // reported as object.bad_access by the caller
    const AgencyId& agency = m->certificate.agency;
    const bool inScope = agency == consent->referringAgency ||
                         (!over && std::find(consent->recipients.begin(), consent->recipients.end(),
                                             agency) != consent->recipients.end());
    if (!inScope) {
      return err(ErrorCode::FailedPrecondition, "consent.out_of_scope",
                 over ? "the case's consent has ended: only the referring agency may be given "
                        "access"
                      : "the access list names a device of an agency the consent does not "
                        "cover");
    }
  }
  return okStatus();
}

Status Platform::checkConsentRead(const Caller& caller, const GroupId& group,
                                  const std::optional<crypto::CaseId>& caseId) {
  if (!caseId) return okStatus();
  SAMRAD_ASSIGN_OR_RETURN(auto consent, store_.consent(group, *caseId));
  if (!consent || !consentOver(*consent, clock_.now())) return okStatus();
  if (caller.agency == consent->referringAgency) return okStatus();
  return err(ErrorCode::PermissionDenied, "consent.ended",
             consent->status == ConsentStatus::Withdrawn
                 ? "the person withdrew their consent; only the referring agency may read the case"
                 : "the case's consent has expired; only the referring agency may read the case");
}

Result<std::pair<ConsentRecord, std::uint64_t>> Platform::registerConsent(const Caller& caller,
                                                                          const GroupId& group,
                                                                          const ConsentSpec& spec) {
  if (spec.recipients.size() > kMaxRecipients) {
    return err(ErrorCode::InvalidArgument, "consent.too_many_agencies",
               "a consent names at most " + std::to_string(kMaxRecipients) + " agencies");
  }
  if (spec.validUntil <= spec.validFrom) {
    return err(ErrorCode::InvalidArgument, "consent.bad_validity",
               "a consent must end after it begins");
  }
  if (spec.validUntil - spec.validFrom > kMaxValidity) {
    return err(ErrorCode::InvalidArgument, "consent.bad_validity",
               "a consent is valid for at most ten years");
  }
  std::unique_lock lock(mu_);
  SAMRAD_TRY(authorize(Operation::RegisterConsent, &caller, &group));
  const std::int64_t now = clock_.now();
  if (spec.validUntil <= now) {
    return err(ErrorCode::InvalidArgument, "consent.expired",
               "the consent's validity has already ended");
  }
  // A consent gives access from the moment it is registered: one that starts
  // later is registered on the day it starts (a clock a little ahead is
  // allowed for).
  if (spec.validFrom > now + crypto::kClockSkewSeconds) {
    return err(ErrorCode::InvalidArgument, "consent.not_yet_valid",
               "the consent starts later; register it on the day it starts");
  }
  std::set<AgencyId> seen;
  for (const auto& a : spec.recipients) {
    if (a == caller.agency) {
      return err(ErrorCode::InvalidArgument, "consent.bad_agency",
                 "the referring agency is not a recipient of its own case");
    }
    if (!seen.insert(a).second) {
      return err(ErrorCode::InvalidArgument, "consent.bad_agency", "an agency is named twice");
    }
    SAMRAD_ASSIGN_OR_RETURN(auto known, store_.agency(a));
    if (!known) {
      return err(ErrorCode::NotFound, "consent.unknown_agency",
                 "a recipient agency is not enrolled on this server");
    }
  }
  SAMRAD_ASSIGN_OR_RETURN(auto existing, store_.consent(group, spec.caseId));
  if (existing && existing->referringAgency != caller.agency) {
    return err(ErrorCode::PermissionDenied, "consent.not_referring_agency",
               "only the agency that referred the case registers its consent");
  }
  if (existing && !consentOver(*existing, now)) {
    return err(ErrorCode::AlreadyExists, "consent.exists",
               "the case already has a valid consent; withdraw it before registering a new one");
  }
  SAMRAD_ASSIGN_OR_RETURN(const crypto::MembershipChain* chain, chainOf(group));
  // Only the agency that referred the case (its case record's creator, on a
  // device that reads it) registers a consent: nobody takes a case over by
  // registering one first.
  if (!existing) SAMRAD_TRY(checkReferrer(caller, group, spec.caseId, chain->state()));
  ConsentRecord c;
  c.group = group;
  c.caseId = spec.caseId;
  c.referringAgency = caller.agency;
  c.recipients = spec.recipients;
  c.validFrom = spec.validFrom;
  c.validUntil = spec.validUntil;
  c.status = ConsentStatus::Active;
  c.recordObject = spec.recordObject;
  c.formAttachment = spec.formAttachment;
  c.registeredAt = now;
  c.registeredBy = caller.device;
  // What is already stored for the case must fit the new scope: a consent
  // never widens access silently, and never leaves it wider than it says.
  // Objects and attachments alike; one shared with the whole group is
  // shared with every agency.
  SAMRAD_ASSIGN_OR_RETURN(auto objects, store_.objectsOfCase(group, spec.caseId));
  SAMRAD_ASSIGN_OR_RETURN(auto attachments, store_.attachmentsOfCase(group, spec.caseId));
  std::set<AgencyId> allowedAgencies(c.recipients.begin(), c.recipients.end());
  allowedAgencies.insert(c.referringAgency);
  auto fits = [&](bool wholeGroup, const std::vector<DeviceId>& allowed) {
    if (wholeGroup) return false;
    return std::all_of(allowed.begin(), allowed.end(), [&](const DeviceId& d) {
      const crypto::ChainMember* m = chain->state().memberOf(d);
      return m == nullptr || allowedAgencies.count(m->certificate.agency) > 0;
    });
  };
  const bool allFit =
      std::all_of(objects.begin(), objects.end(),
                  [&](const ObjectHead& h) { return fits(h.wholeGroup, h.allowed); }) &&
      std::all_of(attachments.begin(), attachments.end(),
                  [&](const AttachmentRecord& a) { return fits(a.wholeGroup, a.allowed); });
  if (!allFit) {
    return err(ErrorCode::FailedPrecondition, "consent.out_of_scope",
               "the case is already shared with an agency this consent does not name (or with "
               "the whole group)");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto g, store_.group(group));
  std::vector<EventRecord> published;
  SAMRAD_TRY(store_.transaction([&]() -> Status {
    SAMRAD_TRY(store_.putConsent(c));
    const ObjectId caseObject = asObject(c.caseId);
    const crypto::Bytes payload = stateBytes(c);
    SAMRAD_TRY(appendLog({v1::LOG_ENTRY_CONSENT_REGISTERED, &caller.agency, &caller.user,
                          &caller.device, &group, &caseObject, 0, payload}));
    return appendEvent(*g, EventKind::ConsentChanged, caseObject,
                       static_cast<std::uint64_t>(c.status), "consent", published);
  }));
  lock.unlock();
  SAMRAD_TRY(publishWhenDurable(published));
  return std::make_pair(c, g->eventSeq);
}

Result<ConsentEnded> Platform::endConsent(ConsentRecord consent, ConsentStatus status,
                                          const DeviceId* by, GroupRecord& g,
                                          std::vector<EventRecord>& published) {
  SAMRAD_ASSIGN_OR_RETURN(const crypto::MembershipChain* chain, chainOf(consent.group));
  if (chain == nullptr) return err(ErrorCode::NotFound, "group.not_found", "no such group");
  const std::set<DeviceId> insiders = insidersOf(chain->state(), consent.referringAgency);
  const GroupId& group = consent.group;
  ConsentEnded out;
  auto keepOf = [&](bool wholeGroup, const std::vector<DeviceId>& allowed) {
    std::vector<DeviceId> keep;
    if (wholeGroup) {
      keep.assign(insiders.begin(), insiders.end());
    } else {
      for (const auto& d : allowed) {
        if (insiders.count(d) != 0) keep.push_back(d);
      }
    }
    return keep;
  };
  SAMRAD_ASSIGN_OR_RETURN(auto objects, store_.objectsOfCase(group, consent.caseId));
  for (const auto& h : objects) {
    std::vector<DeviceId> keep = keepOf(h.wholeGroup, h.allowed);
    if (!h.wholeGroup && keep.size() == h.allowed.size()) continue;
    if (keep.empty()) {
      SAMRAD_TRY(store_.deleteObject(group, h.id, h.version));
      SAMRAD_TRY(appendLog(
          {v1::LOG_ENTRY_OBJECT_DELETED, nullptr, nullptr, by, &group, &h.id, h.version, {}}));
      SAMRAD_TRY(appendEvent(g, EventKind::ObjectDeleted, h.id, h.version, h.kind, published));
      ++out.deleted;
    } else {
      SAMRAD_TRY(store_.setObjectAccess(group, h.id, keep));
      SAMRAD_TRY(appendLog(
          {v1::LOG_ENTRY_ACCESS_NARROWED, nullptr, nullptr, by, &group, &h.id, h.version, {}}));
      SAMRAD_TRY(appendEvent(g, EventKind::AccessNarrowed, h.id, h.version, h.kind, published));
      ++out.narrowed;
    }
  }
  SAMRAD_ASSIGN_OR_RETURN(auto attachments, store_.attachmentsOfCase(group, consent.caseId));
  for (const auto& a : attachments) {
    std::vector<DeviceId> keep = keepOf(a.wholeGroup, a.allowed);
    if (!a.wholeGroup && keep.size() == a.allowed.size()) continue;
    if (keep.empty()) {
      SAMRAD_TRY(store_.deleteAttachment(group, a.id));
      SAMRAD_TRY(
          appendLog({v1::LOG_ENTRY_OBJECT_DELETED, nullptr, nullptr, by, &group, &a.id, 0, {}}));
      ++out.deleted;
    } else {
      SAMRAD_TRY(store_.setAttachmentAccess(group, a.id, keep));
      SAMRAD_TRY(
          appendLog({v1::LOG_ENTRY_ACCESS_NARROWED, nullptr, nullptr, by, &group, &a.id, 0, {}}));
      ++out.narrowed;
    }
  }
  consent.status = status;
  consent.endedAt = clock_.now();
  if (by != nullptr) consent.endedBy = *by;
  SAMRAD_TRY(store_.putConsent(consent));
  const ObjectId caseObject = asObject(consent.caseId);
  const crypto::Bytes payload = stateBytes(consent);
  SAMRAD_TRY(appendLog({status == ConsentStatus::Withdrawn ? v1::LOG_ENTRY_CONSENT_WITHDRAWN
                                                           : v1::LOG_ENTRY_CONSENT_EXPIRED,
                        &consent.referringAgency, nullptr, by, &group, &caseObject, 0, payload}));
  SAMRAD_TRY(appendEvent(g, EventKind::ConsentChanged, caseObject,
                         static_cast<std::uint64_t>(status), "consent", published));
  out.consent = std::move(consent);
  out.eventSeq = g.eventSeq;
  return out;
}

Result<ConsentEnded> Platform::withdrawConsent(const Caller& caller, const GroupId& group,
                                               const crypto::CaseId& caseId) {
  std::unique_lock lock(mu_);
  SAMRAD_TRY(authorize(Operation::WithdrawConsent, &caller, &group));
  SAMRAD_ASSIGN_OR_RETURN(auto consent, store_.consent(group, caseId));
  if (!consent) {
    return err(ErrorCode::NotFound, "consent.not_found", "the case has no registered consent");
  }
  SAMRAD_ASSIGN_OR_RETURN(const crypto::MembershipChain* chain, chainOf(group));
  if (caller.agency != consent->referringAgency &&
      !chain->state().isCoordinatorDevice(caller.device)) {
    return err(ErrorCode::PermissionDenied, "consent.not_referring_agency",
               "a withdrawal is registered by the referring agency or the group's coordinator");
  }
  if (consent->status != ConsentStatus::Active) {
    return err(ErrorCode::FailedPrecondition, "consent.already_ended",
               consent->status == ConsentStatus::Withdrawn ? "the consent was already withdrawn"
                                                           : "the consent has already expired");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto g, store_.group(group));
  std::vector<EventRecord> published;
  ConsentEnded ended;
  SAMRAD_TRY(store_.transaction([&]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(
        ended, endConsent(*consent, ConsentStatus::Withdrawn, &caller.device, *g, published));
    return okStatus();
  }));
  lock.unlock();
  SAMRAD_TRY(publishWhenDurable(published));
  return ended;
}

Result<std::size_t> Platform::expireConsents() {
  std::size_t count = 0;
  for (;;) {
    std::unique_lock lock(mu_);
    SAMRAD_ASSIGN_OR_RETURN(auto due, store_.consentsEndingBy(clock_.now(), 50));
    if (due.empty()) break;
    std::vector<EventRecord> published;
    Status stored = okStatus();
    for (const auto& c : due) {
      auto g = store_.group(c.group);
      if (!g) {
        stored = g.error();
        break;
      }
      if (!*g) continue;
      std::vector<EventRecord> events;  // kept only if its transaction commits
      stored = store_.transaction([&]() -> Status {
        auto ended = endConsent(c, ConsentStatus::Expired, nullptr, **g, events);
        if (!ended) return ended.error();
        return okStatus();
      });
      if (!stored.ok()) break;
      published.insert(published.end(), events.begin(), events.end());
      ++count;
    }
    lock.unlock();
    // What committed before a failure is announced all the same.
    SAMRAD_TRY(publishWhenDurable(published));
    if (!stored.ok()) return stored.error();
  }
  return count;
}

Result<ConsentRecord> Platform::getConsent(const Caller& caller, const GroupId& group,
                                           const crypto::CaseId& caseId) {
  std::lock_guard lock(mu_);
  SAMRAD_TRY(authorize(Operation::GetConsent, &caller, &group));
  SAMRAD_ASSIGN_OR_RETURN(auto consent, store_.consent(group, caseId));
  if (!consent) {
    return err(ErrorCode::NotFound, "consent.not_found", "the case has no registered consent");
  }
  return *consent;
}

Result<std::vector<ConsentRecord>> Platform::listConsents(const Caller& caller,
                                                          const GroupId& group,
                                                          const crypto::CaseId* after,
                                                          std::size_t limit) {
  std::lock_guard lock(mu_);
  SAMRAD_TRY(authorize(Operation::ListConsents, &caller, &group));
  return store_.consents(group, after, std::min(limit, limits_.maxPage));
}

}  // namespace samrad::server::domain
