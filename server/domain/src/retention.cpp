// Retention (DESIGN §4): a group's policy says how long a closed case's
// ciphertext is kept — de-identified and consented cases each their own
// number of months, the consent record and its scanned form a number of
// years — and the server deletes what is due on a schedule, logging every
// deletion so a lawyer can see what went and when.
#include <chrono>

#include "samrad/server/domain/platform.h"
#include "samrad/server/metrics/catalogue.h"
#include "samrad/v1/cases.pb.h"
#include "samrad/v1/log.pb.h"

namespace samrad::server::domain {
namespace {

constexpr std::uint32_t kMaxMonths = 1200;
constexpr std::uint32_t kMaxYears = 100;

Error err(ErrorCode code, const char* reason, const std::string& message) {
  return Error(code, reason, message);
}

ObjectId asObject(const crypto::CaseId& id) {
  return *ObjectId::fromBytes(id.view());
}

// `t` moved by calendar months, keeping the time of day; a day past the end
// of the shorter month becomes its last day (31 January + 1 month = 28/29
// February). A case closed at c is due once monthsAfter(c, n) <= now.
std::int64_t monthsAfter(std::int64_t t, int months) {
  using namespace std::chrono;
  const sys_seconds at{seconds(t)};
  const auto day = floor<days>(at);
  const auto timeOfDay = at - day;
  year_month_day ymd{day};
  ymd += std::chrono::months(months);
  if (!ymd.ok()) {
    ymd = ymd.year() / ymd.month() / last;
  }
  return (sys_days(ymd) + timeOfDay).time_since_epoch().count();
}

crypto::Bytes policyBytes(const RetentionPolicy& p) {
  v1::RetentionPolicy out;
  out.set_deidentified_case_months(p.deidentifiedCaseMonths);
  out.set_consented_case_months(p.consentedCaseMonths);
  out.set_consent_record_years(p.consentRecordYears);
  out.set_set_at(p.setAt);
  out.set_set_by_device(p.setBy.str());
  std::string s;
  out.SerializeToString(&s);
  return {s.begin(), s.end()};
}

}  // namespace

Result<CaseState> Platform::setCaseState(const Caller& caller, const GroupId& group,
                                         const crypto::CaseId& caseId, bool deidentified,
                                         bool closed) {
  std::lock_guard lock(mu_);
  SAMRAD_TRY(authorize(Operation::SetCaseState, &caller, &group));
  SAMRAD_ASSIGN_OR_RETURN(const crypto::MembershipChain* chain, chainOf(group));
  if (chain == nullptr) return err(ErrorCode::NotFound, "group.not_found", "no such group");
  SAMRAD_ASSIGN_OR_RETURN(auto current, store_.caseState(group, caseId));
  CaseState st = current.value_or(CaseState{group, caseId, deidentified, 0, false, false});
  if (st.contentPurged || st.consentPurged) {
    return err(ErrorCode::FailedPrecondition, "case.purged",
               "the case's content was deleted under the group's retention policy");
  }
  SAMRAD_TRY(checkCaseAuthority(caller, group, caseId, chain->state()));
  const bool wasClosed = st.closedAt != 0;
  st.deidentified = deidentified;
  if (closed && !wasClosed) {
    st.closedAt = clock_.now();
  }
  if (!closed) {
    st.closedAt = 0;
  }
  if (current && current->deidentified == st.deidentified && wasClosed == closed) {
    return st;
  }
  const ObjectId caseObject = asObject(caseId);
  SAMRAD_TRY(store_.transaction([&]() -> Status {
    SAMRAD_TRY(store_.putCaseState(st));
    return appendLog({v1::LOG_ENTRY_CASE_STATE,
                      &caller.agency,
                      &caller.user,
                      &caller.device,
                      &group,
                      &caseObject,
                      closed ? 1U : 0U,
                      {}});
  }));
  return st;
}

Result<RetentionPolicy> Platform::setRetentionPolicy(const Caller& caller, const GroupId& group,
                                                     RetentionPolicy policy) {
  std::lock_guard lock(mu_);
  SAMRAD_TRY(authorize(Operation::SetRetentionPolicy, &caller, &group));
  if (policy.deidentifiedCaseMonths > kMaxMonths || policy.consentedCaseMonths > kMaxMonths) {
    return err(ErrorCode::InvalidArgument, "retention.bad_policy",
               "case content is kept at most " + std::to_string(kMaxMonths) +
                   " months (0 keeps it for ever)");
  }
  if (policy.consentRecordYears > kMaxYears) {
    return err(ErrorCode::InvalidArgument, "retention.bad_policy",
               "consent records are kept at most " + std::to_string(kMaxYears) +
                   " years (0 keeps them for ever)");
  }
  policy.setAt = clock_.now();
  policy.setBy = caller.device;
  SAMRAD_TRY(store_.transaction([&]() -> Status {
    SAMRAD_TRY(store_.putRetentionPolicy(group, policy));
    return appendLog({v1::LOG_ENTRY_RETENTION_POLICY, &caller.agency, &caller.user, &caller.device,
                      &group, nullptr, 0, policyBytes(policy)});
  }));
  return policy;
}

Result<RetentionPolicy> Platform::getRetentionPolicy(const Caller& caller, const GroupId& group) {
  std::lock_guard lock(mu_);
  SAMRAD_TRY(authorize(Operation::GetRetentionPolicy, &caller, &group));
  SAMRAD_ASSIGN_OR_RETURN(auto p, store_.retentionPolicy(group));
  return p.value_or(RetentionPolicy{});
}

Result<std::size_t> Platform::purgeCase(CaseState state, bool consent, GroupRecord& g,
                                        std::vector<EventRecord>& published) {
  const GroupId& group = state.group;
  SAMRAD_ASSIGN_OR_RETURN(auto record, store_.consent(group, state.caseId));
  // What belongs to the consent record: kept with it, not with the content.
  auto ofRecord = [&](const ObjectId& id) {
    return record && (id == record->recordObject ||
                      (record->formAttachment && id == *record->formAttachment));
  };
  std::size_t deleted = 0;
  SAMRAD_ASSIGN_OR_RETURN(auto objects, store_.objectsOfCase(group, state.caseId));
  for (const auto& h : objects) {
    if (ofRecord(h.id) != consent) {
      continue;
    }
    SAMRAD_TRY(store_.deleteObject(group, h.id, h.version));
    SAMRAD_TRY(appendLog({v1::LOG_ENTRY_RETENTION_DELETED,
                          nullptr,
                          nullptr,
                          nullptr,
                          &group,
                          &h.id,
                          h.version,
                          {}}));
    SAMRAD_TRY(appendEvent(g, EventKind::ObjectDeleted, h.id, h.version, h.kind, published));
    ++deleted;
  }
  SAMRAD_ASSIGN_OR_RETURN(auto attachments, store_.attachmentsOfCase(group, state.caseId));
  for (const auto& a : attachments) {
    if (ofRecord(a.id) != consent) {
      continue;
    }
    SAMRAD_TRY(store_.deleteAttachment(group, a.id));
    SAMRAD_TRY(appendLog(
        {v1::LOG_ENTRY_RETENTION_DELETED, nullptr, nullptr, nullptr, &group, &a.id, 0, {}}));
    ++deleted;
  }
  if (consent) {
    state.consentPurged = true;
  } else {
    state.contentPurged = true;
    // Its person tag goes with its content: a purged case matches nothing.
    SAMRAD_TRY(store_.deleteReferralTag(group, state.caseId));
  }
  SAMRAD_TRY(store_.putCaseState(state));
  return deleted;
}

Result<std::size_t> Platform::applyRetention() {
  std::size_t total = 0;
  SAMRAD_ASSIGN_OR_RETURN(auto policies, [&] {
    std::lock_guard lock(mu_);
    return store_.retentionPolicies();
  }());
  for (const auto& [group, policy] : policies) {
    struct Rule {
      bool consent;
      bool deidentified;
      std::uint32_t months;
    };
    const Rule rules[] = {{false, true, policy.deidentifiedCaseMonths},
                          {false, false, policy.consentedCaseMonths},
                          {true, false, policy.consentRecordYears * 12}};
    for (const Rule& rule : rules) {
      if (rule.months == 0) {
        continue;
      }
      for (;;) {
        std::unique_lock lock(mu_);
        // Month ends make "now − n months" up to three days early; ask for a
        // little more and keep, in closing order, those whose time has come.
        const std::int64_t now = clock_.now();
        const int months = static_cast<int>(rule.months);
        const std::int64_t cutoff = monthsAfter(now, -months) + std::int64_t{4} * 24 * 3600;
        SAMRAD_ASSIGN_OR_RETURN(
            auto candidates, store_.casesDue(group, rule.consent, rule.deidentified, cutoff, 50));
        std::vector<CaseState> due;
        for (const auto& c : candidates) {
          if (monthsAfter(c.closedAt, months) > now) {
            break;
          }
          due.push_back(c);
        }
        if (due.empty()) {
          break;
        }
        SAMRAD_ASSIGN_OR_RETURN(auto g, store_.group(group));
        if (!g) {
          break;
        }
        std::vector<EventRecord> published;
        std::size_t deleted = 0;
        SAMRAD_TRY(store_.transaction([&]() -> Status {
          for (const auto& c : due) {
            SAMRAD_ASSIGN_OR_RETURN(std::size_t n, purgeCase(c, rule.consent, *g, published));
            deleted += n;
          }
          return okStatus();
        }));
        total += deleted;
        metrics::retentionDeletions().inc(deleted);
        lock.unlock();
        SAMRAD_TRY(publishWhenDurable(published));
      }
    }
  }
  return total;
}

}  // namespace samrad::server::domain
