// Repeat referrals (DESIGN §2): the server matches person tags — points
// made from a personnummer with a key it never has (crypto/person_tag.h) — so
// it can say "this person was referred before" without knowing who. It tells
// the referring agency yes or no, and the coordinator which cases; it takes a
// tag only for a case the caller's agency referred, one per case, and only so
// many a day, so nobody tests guesses through it; when a holder of the key
// leaves, the coordinator has it re-key every tag.
#include <algorithm>
#include <map>
#include <set>

#include "samrad/crypto/person_tag.h"
#include "samrad/server/domain/platform.h"
#include "samrad/v1/log.pb.h"

namespace samrad::server::domain {
namespace {

constexpr std::int64_t kRepeatWindow = 365LL * 24 * 3600;
constexpr std::int64_t kRateWindow = 24LL * 3600;

Error err(ErrorCode code, const char* reason, const std::string& message) {
  return Error(code, reason, message);
}

Error staleGeneration(std::uint32_t current) {
  return err(ErrorCode::FailedPrecondition, "referral.generation",
             "the tag was made under another generation of the group's key for repeat checks "
             "(the server's is " +
                 std::to_string(current) + "); fetch the key again");
}

}  // namespace

Result<Platform::ReferralAnswer> Platform::registerReferral(const Caller& caller,
                                                            const GroupId& group,
                                                            const crypto::CaseId& caseId,
                                                            const Hash& personTag,
                                                            std::uint32_t generation) {
  std::lock_guard lock(mu_);
  SAMRAD_TRY(authorize(Operation::RegisterReferral, &caller, &group));
  SAMRAD_ASSIGN_OR_RETURN(const crypto::MembershipChain* chain, chainOf(group));
  if (chain == nullptr) return err(ErrorCode::NotFound, "group.not_found", "no such group");
  if (!crypto::validPersonTag(personTag.view())) {
    return err(ErrorCode::InvalidArgument, "referral.bad_tag",
               "person_tag must be a canonical ristretto255 point");
  }
  // A tag only for a case the caller's agency referred: nobody else learns
  // whether a person was referred, or plants a false repeat.
  SAMRAD_TRY(checkReferrer(caller, group, caseId, chain->state()));
  const std::int64_t now = clock_.now();
  ReferralAnswer answer;
  SAMRAD_TRY(store_.transaction([&]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(std::uint32_t current, store_.personTagGeneration(group));
    if (generation != current) return staleGeneration(current);
    // Kept no longer than the window they serve.
    SAMRAD_TRY(store_.deleteReferralTagsBefore(group, now - kRepeatWindow));
    auto repeatBefore = [&](std::uint64_t seq) -> Result<bool> {
      SAMRAD_ASSIGN_OR_RETURN(auto found,
                              store_.referralsWithTag(group, personTag, now - kRepeatWindow, 1000));
      return std::any_of(found.begin(), found.end(), [&](const Store::ReferralTag& f) {
        return f.seq < seq && f.caseId != caseId;
      });
    };
    SAMRAD_ASSIGN_OR_RETURN(auto mine, store_.referralTagOf(group, caseId));
    if (mine) {
      // Registered before (a retry, another device of the agency): the case
      // keeps its first time. A case is about one person: another tag for it
      // would test a second personnummer through the same case.
      if (!(mine->tag == personTag)) {
        return err(ErrorCode::AlreadyExists, "referral.tag_differs",
                   "this case is already registered for another personnummer; a case is about "
                   "one person");
      }
      answer.registeredAt = mine->at;
      SAMRAD_ASSIGN_OR_RETURN(answer.repeat, repeatBefore(mine->seq));
      return okStatus();
    }
    SAMRAD_ASSIGN_OR_RETURN(std::size_t byDevice,
                            store_.countReferrals(group, &caller.device, now - kRateWindow));
    SAMRAD_ASSIGN_OR_RETURN(std::size_t byGroup,
                            store_.countReferrals(group, nullptr, now - kRateWindow));
    if (byDevice >= limits_.referralsPerDevicePerDay ||
        byGroup >= limits_.referralsPerGroupPerDay) {
      return err(ErrorCode::ResourceExhausted, "referral.rate_limited",
                 "too many repeat checks in the last 24 hours (at most " +
                     std::to_string(limits_.referralsPerDevicePerDay) + " per device and " +
                     std::to_string(limits_.referralsPerGroupPerDay) +
                     " per group); try again tomorrow");
    }
    SAMRAD_TRY(store_.putReferralTag(group, caseId, personTag, now, caller.device));
    const ObjectId object = *ObjectId::fromBytes(caseId.view());
    SAMRAD_TRY(appendLog({v1::LOG_ENTRY_REFERRAL_REGISTERED,
                          &caller.agency,
                          &caller.user,
                          &caller.device,
                          &group,
                          &object,
                          0,
                          {}}));
    answer.registeredAt = now;
    SAMRAD_ASSIGN_OR_RETURN(answer.repeat, repeatBefore(UINT64_MAX));
    return okStatus();
  }));
  return answer;
}

Result<std::pair<std::vector<Platform::RepeatReferral>, std::uint32_t>>
Platform::listRepeatReferrals(const Caller& caller, const GroupId& group) {
  std::lock_guard lock(mu_);
  SAMRAD_TRY(authorize(Operation::ListRepeatReferrals, &caller, &group));
  const std::int64_t now = clock_.now();
  SAMRAD_ASSIGN_OR_RETURN(auto tags, store_.referralTags(group, now - kRepeatWindow));
  SAMRAD_ASSIGN_OR_RETURN(std::uint32_t generation, store_.personTagGeneration(group));
  // Only cases the caller's device reads: a coordinator recused from a case
  // does not learn through a repeat whom that case is about.
  std::map<crypto::CaseId, bool> reads;
  for (const auto& t : tags) {
    SAMRAD_ASSIGN_OR_RETURN(auto head,
                            store_.objectHead(group, *ObjectId::fromBytes(t.caseId.view())));
    reads[t.caseId] = head && !head->deleted &&
                      (head->wholeGroup || std::find(head->allowed.begin(), head->allowed.end(),
                                                     caller.device) != head->allowed.end());
  }
  // Oldest first: each case after the first under a tag is a repeat of
  // those before it.
  std::map<Hash, std::vector<const Store::ReferralTag*>> byTag;
  std::vector<RepeatReferral> out;
  for (const auto& t : tags) {
    if (!reads[t.caseId]) continue;
    auto& before = byTag[t.tag];
    if (!before.empty()) {
      RepeatReferral r{t.caseId, t.at, {}};
      for (auto it = before.rbegin(); it != before.rend() && r.earlier.size() < 100; ++it) {
        r.earlier.emplace_back((*it)->caseId, (*it)->at);
      }
      out.push_back(std::move(r));
    }
    before.push_back(&t);
  }
  std::reverse(out.begin(), out.end());
  if (out.size() > 1000) out.resize(1000);
  return std::make_pair(std::move(out), generation);
}

Result<std::pair<std::uint32_t, std::size_t>> Platform::rotatePersonTags(const Caller& caller,
                                                                         const GroupId& group,
                                                                         std::uint32_t toGeneration,
                                                                         crypto::ByteView delta) {
  std::lock_guard lock(mu_);
  SAMRAD_TRY(authorize(Operation::RotatePersonTags, &caller, &group));
  if (delta.size() != crypto::kPersonTagSize) {
    return err(ErrorCode::InvalidArgument, "person_tag.bad_delta", "delta must be 32 bytes");
  }
  const std::int64_t now = clock_.now();
  std::uint32_t generation = 0;
  std::size_t rekeyed = 0;
  SAMRAD_TRY(store_.transaction([&]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(generation, store_.personTagGeneration(group));
    if (toGeneration == generation) return okStatus();  // done before
    if (toGeneration != generation + 1) return staleGeneration(generation);
    SAMRAD_TRY(store_.deleteReferralTagsBefore(group, now - kRepeatWindow));
    SAMRAD_ASSIGN_OR_RETURN(auto tags, store_.referralTags(group, now - kRepeatWindow));
    for (const auto& t : tags) {
      SAMRAD_ASSIGN_OR_RETURN(auto next, crypto::rekeyPersonTag(t.tag.view(), delta));
      SAMRAD_ASSIGN_OR_RETURN(auto h, Hash::fromBytes(next));
      SAMRAD_TRY(store_.replaceReferralTag(group, t.caseId, h));
      ++rekeyed;
    }
    SAMRAD_TRY(store_.setPersonTagGeneration(group, toGeneration, now));
    SAMRAD_TRY(appendLog({v1::LOG_ENTRY_PERSON_TAGS_ROTATED,
                          &caller.agency,
                          &caller.user,
                          &caller.device,
                          &group,
                          nullptr,
                          toGeneration,
                          {}}));
    generation = toGeneration;
    return okStatus();
  }));
  return std::make_pair(generation, rekeyed);
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
  const crypto::ChainMember* callerMember = chain->state().memberOf(caller.device);
  if (callerMember != nullptr && callerMember->role == crypto::GroupRole::Recovery) {
    // The agency's recovery key gives a case it reads to its own agency's
    // replacement devices, and to nobody else.
    SAMRAD_TRY(checkRecoveryRecipients(caller, false, devices, chain->state()));
    SAMRAD_TRY(checkSamePerson(group, caseId, devices, chain->state()));
  } else if (!chain->state().isCoordinatorDevice(caller.device) &&
             (!owner || *owner != caller.agency)) {
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
