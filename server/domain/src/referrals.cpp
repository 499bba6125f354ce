// Repeat referrals (DESIGN §2): the server matches blind indexes of
// personnummer under a group secret it never has, so it can say "this person
// was referred before" without knowing who the person is.
#include <algorithm>
#include <set>

#include "samrad/server/domain/platform.h"
#include "samrad/v1/log.pb.h"

namespace samrad::server::domain {

Result<std::pair<std::vector<std::pair<crypto::CaseId, std::int64_t>>, std::int64_t>>
Platform::registerReferral(const Caller& caller, const GroupId& group, const crypto::CaseId& caseId,
                           const Hash& personTag) {
  constexpr std::int64_t kRepeatWindow = 365LL * 24 * 3600;
  std::lock_guard lock(mu_);
  SAMRAD_TRY(authorize(Operation::RegisterReferral, &caller, &group));
  SAMRAD_ASSIGN_OR_RETURN(const crypto::MembershipChain* chain, chainOf(group));
  if (chain == nullptr) return Error(ErrorCode::NotFound, "group.not_found", "no such group");
  // A tag only for a case the caller's agency referred: nobody else learns
  // whether and when a person was referred, or plants a false repeat.
  SAMRAD_TRY(checkReferrer(caller, group, caseId, chain->state()));
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

Result<std::pair<std::size_t, std::uint64_t>> Platform::shareCase(
    const Caller& caller, const GroupId& group, const crypto::CaseId& caseId,
    const std::vector<DeviceId>& devices) {
  std::unique_lock lock(mu_);
  SAMRAD_TRY(authorize(Operation::ShareCase, &caller, &group));
  if (devices.empty() || devices.size() > limits_.maxAccessDevices) {
    return Error(ErrorCode::InvalidArgument, "case.bad_devices",
                 "name 1-" + std::to_string(limits_.maxAccessDevices) + " devices to share with");
  }
  SAMRAD_ASSIGN_OR_RETURN(const crypto::MembershipChain* chain, chainOf(group));
  for (const auto& d : devices) {
    if (chain->state().device(d) == nullptr) {
      return Error(ErrorCode::InvalidArgument, "object.bad_access",
                   "a device to share with is not in the group");
    }
  }
  AccessSpec spec;
  spec.wholeGroup = false;
  spec.devices = devices;
  spec.caseId = caseId;
  SAMRAD_TRY(checkConsentScope(group, caseId, *chain, spec));
  SAMRAD_ASSIGN_OR_RETURN(auto objects, store_.objectsOfCase(group, caseId));
  SAMRAD_ASSIGN_OR_RETURN(auto attachments, store_.attachmentsOfCase(group, caseId));
  auto readable = [&](bool wholeGroup, const std::vector<DeviceId>& allowed) {
    return wholeGroup || std::find(allowed.begin(), allowed.end(), caller.device) != allowed.end();
  };
  bool reads = false;
  for (const auto& h : objects) {
    reads = reads || readable(h.wholeGroup, h.allowed);
  }
  if (!reads) {
    return Error(ErrorCode::PermissionDenied, "case.no_access",
                 "only a device that reads the case can share it");
  }
  // Who reads a case is the referring agency's to widen (the coordinator's
  // too): another reader cannot bring in a member the referrer recused.
  SAMRAD_ASSIGN_OR_RETURN(auto owner, referringAgencyOf(group, caseId, chain->state()));
  if (!chain->state().isCoordinatorDevice(caller.device) && (!owner || *owner != caller.agency)) {
    return Error(ErrorCode::PermissionDenied, "case.not_referring_agency",
                 "only the agency that referred the case, or the coordinator, shares it with more "
                 "members");
  }
  // The devices added to a list, or nothing if all were there.
  auto widened = [&](const std::vector<DeviceId>& allowed) {
    std::set<DeviceId> all(allowed.begin(), allowed.end());
    crypto::Bytes added;
    for (const auto& d : devices) {
      if (all.insert(d).second) {
        crypto::appendBytes(added, d.view());
      }
    }
    return std::make_pair(std::vector<DeviceId>(all.begin(), all.end()), added);
  };
  SAMRAD_ASSIGN_OR_RETURN(auto g, store_.group(group));
  std::vector<EventRecord> published;
  std::size_t count = 0;
  SAMRAD_TRY(store_.transaction([&]() -> Status {
    for (const auto& h : objects) {
      // Key boxes are sealed per device: a new device gets its own box, not
      // a list it has no box in.
      if (h.wholeGroup || h.kind == "case-keys" || !readable(h.wholeGroup, h.allowed)) continue;
      auto [next, added] = widened(h.allowed);
      if (added.empty()) continue;
      SAMRAD_TRY(store_.setObjectAccess(group, h.id, next));
      SAMRAD_TRY(appendLog({v1::LOG_ENTRY_ACCESS_WIDENED, &caller.agency, &caller.user,
                            &caller.device, &group, &h.id, h.version, added}));
      SAMRAD_TRY(appendEvent(*g, EventKind::ObjectWritten, h.id, h.version, h.kind, published));
      ++count;
    }
    for (const auto& a : attachments) {
      if (a.wholeGroup || !readable(a.wholeGroup, a.allowed)) continue;
      auto [next, added] = widened(a.allowed);
      if (added.empty()) continue;
      SAMRAD_TRY(store_.setAttachmentAccess(group, a.id, next));
      SAMRAD_TRY(appendLog({v1::LOG_ENTRY_ACCESS_WIDENED, &caller.agency, &caller.user,
                            &caller.device, &group, &a.id, 0, added}));
      ++count;
    }
    return okStatus();
  }));
  lock.unlock();
  SAMRAD_TRY(publishWhenDurable(published));
  return std::make_pair(count, g->eventSeq);
}

}  // namespace samrad::server::domain
