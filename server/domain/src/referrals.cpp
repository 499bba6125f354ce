// Repeat referrals (DESIGN §2): the server matches blind indexes of
// personnummer under a group secret it never has, so it can say "this person
// was referred before" without knowing who the person is.
#include "samrad/server/domain/platform.h"

namespace samrad::server::domain {

Result<std::pair<std::vector<std::pair<crypto::CaseId, std::int64_t>>, std::int64_t>>
Platform::registerReferral(const Caller& caller, const GroupId& group, const crypto::CaseId& caseId,
                           const Hash& personTag) {
  constexpr std::int64_t kRepeatWindow = 365LL * 24 * 3600;
  std::lock_guard lock(mu_);
  SAMRAD_TRY(authorize(Operation::RegisterReferral, &caller, &group));
  const std::int64_t now = clock_.now();
  std::vector<std::pair<crypto::CaseId, std::int64_t>> earlier;
  std::int64_t at = now;
  SAMRAD_TRY(store_.transaction([&]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(auto found,
                            store_.referralsWithTag(group, personTag, now - kRepeatWindow, 1000));
    // Registered before (a retry, or another device of the group): the case
    // keeps its first time, and only cases registered before it are earlier.
    std::uint64_t mine = UINT64_MAX;
    for (const auto& f : found) {
      if (f.caseId == caseId) {
        at = f.at;
        mine = f.seq;
      }
    }
    for (const auto& f : found) {
      if (f.seq < mine && earlier.size() < 100) earlier.emplace_back(f.caseId, f.at);
    }
    if (at != now) return okStatus();
    return store_.putReferralTag(group, caseId, personTag, now);
  }));
  return std::make_pair(std::move(earlier), at);
}

}  // namespace samrad::server::domain
