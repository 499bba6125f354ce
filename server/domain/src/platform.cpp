#include "samrad/server/domain/platform.h"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <set>

#include "samrad/common/log.h"
#include "samrad/common/record_kinds.h"
#include "samrad/crypto/content.h"
#include "samrad/crypto/epoch_keys.h"
#include "samrad/crypto/login.h"
#include "samrad/crypto/object_ids.h"
#include "samrad/server/metrics/catalogue.h"
#include "samrad/v1/log.pb.h"

namespace samrad::server::domain {
namespace {

// A read's log entry names the case the object belongs to (16 bytes), so an
// audit can list every access to a case from the log alone.
crypto::ByteView caseOf(const std::optional<crypto::CaseId>& caseId) {
  return caseId ? caseId->view() : crypto::ByteView{};
}

using crypto::asBytes;
using crypto::Envelope;

Error err(ErrorCode code, const char* reason, const std::string& message) {
  return Error(code, reason, message);
}

Hash hashOf(std::string_view s) {
  return crypto::sha256(asBytes(s));
}

std::string randomToken() {
  unsigned char raw[32];
  randombytes_buf(raw, sizeof raw);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero(raw, sizeof raw);
  return out;
}

// 20 characters from an alphabet without look-alikes (no 0/O, 1/I/L).
std::string randomCode() {
  static constexpr char kAlphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  std::string code;
  for (int i = 0; i < 20; ++i) code.push_back(kAlphabet[randombytes_uniform(sizeof kAlphabet - 1)]);
  return code;
}

std::string normaliseCode(std::string_view code) {
  std::string out;
  for (const char c : code) {
    if (c == '-' || c == ' ') continue;
    out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return out;
}

Result<Envelope> envelopeFrom(const crypto::Bytes& bytes, std::size_t max, const char* field) {
  if (bytes.empty()) {
    return err(ErrorCode::InvalidArgument, "request.missing", std::string(field) + " is required");
  }
  if (bytes.size() > max) {
    return err(ErrorCode::ResourceExhausted, "request.too_large",
               std::string(field) + " exceeds " + std::to_string(max) + " bytes");
  }
  auto env = Envelope::parse(bytes);
  if (!env) {
    return err(ErrorCode::InvalidArgument, "request.malformed",
               std::string(field) + " is not a signed envelope");
  }
  return env;
}

// A chain error surfaces as the status a client can act on: a lost race
// (fork, stale head) is ABORTED so the client refetches and retries.
Error chainStatus(const Error& e) {
  const std::string& r = e.reason();
  if (r == "chain.fork" || r == "chain.wrong_prev_hash" || r == "chain.replay") {
    return Error(ErrorCode::Aborted, r, e.message() + "; fetch the chain and retry");
  }
  return e;
}

}  // namespace

std::int64_t SystemClock::now() const {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Requirement requirementOf(Operation op) {
  switch (op) {
    case Operation::BootstrapAgency:
      return Requirement::Operator;
    case Operation::RegisterUser:
    case Operation::IssueEnrollmentCode:
    case Operation::RevokeUser:
      return Requirement::AgencyAdmin;
    case Operation::RevokeDevice:
      return Requirement::AdminOrOwnDevice;
    case Operation::EnrollDevice:
    case Operation::GetChallenge:
    case Operation::Login:
      return Requirement::None;
    case Operation::GetCheckpoint:
    case Operation::GetInclusionProof:
    case Operation::GetConsistencyProof:
    case Operation::GetLogEntries:
    case Operation::AddCosignature:
    case Operation::GetWitnessedCheckpoint:
      return Requirement::LogReader;
    case Operation::GetLogVerifierKey:
    case Operation::GetAgency:
    case Operation::GetCertificates:
    case Operation::Logout:
    case Operation::CreateGroup:
    case Operation::ListMyGroups:
      return Requirement::Session;
    case Operation::AppendLink:
    case Operation::PutEpochKeys:
    case Operation::SetIntakeKey:
    case Operation::SetRequester:
    case Operation::SetRetentionPolicy:
    case Operation::ListRepeatReferrals:
    case Operation::RotatePersonTags:
      return Requirement::GroupCoordinator;
    case Operation::SubmitAdvice:
      return Requirement::Requester;
    case Operation::GetIntakeKey:
    case Operation::ListAdvice:
      return Requirement::MemberOrRequester;
    case Operation::SetAdviceStatus:
    case Operation::AnswerAdvice:
    case Operation::SetCaseState:
    case Operation::ShareCase:
      return Requirement::GroupWriter;
    case Operation::GetRetentionPolicy:
      return Requirement::GroupMember;
    case Operation::PutObject:
    case Operation::DeleteObject:
    case Operation::RegisterConsent:
    case Operation::WithdrawConsent:
    case Operation::RegisterReferral:
    case Operation::UploadAttachment:
    case Operation::GetAttachmentStatus:
    case Operation::DeleteAttachment:
      return Requirement::GroupWriter;
    case Operation::DownloadAttachment:
      return Requirement::GroupMember;
    case Operation::GetChain:
    case Operation::GetEpochKeys:
    case Operation::GetObject:
    case Operation::ListObjects:
    case Operation::Subscribe:
    case Operation::GetConsent:
    case Operation::ListConsents:
      return Requirement::GroupMember;
  }
  return Requirement::Operator;  // unreachable; the strictest by default
}

std::uint64_t EventHub::subscribe(const GroupId& group, Listener listener) {
  std::lock_guard lock(mu_);
  const std::uint64_t token = next_++;
  listeners_.emplace(token, std::make_pair(group, std::move(listener)));
  return token;
}

void EventHub::unsubscribe(std::uint64_t token) {
  std::lock_guard lock(mu_);
  listeners_.erase(token);
}

std::size_t EventHub::subscriberCount() {
  std::lock_guard lock(mu_);
  return listeners_.size();
}

void EventHub::publish(const EventRecord& event) {
  std::vector<Listener> targets;
  {
    std::lock_guard lock(mu_);
    // Raised before any listener hears: a stream catching up that misses
    // this event live finds it in its next page.
    std::uint64_t& through = announced_[event.group];
    through = std::max(through, event.seq);
    for (const auto& [token, entry] : listeners_) {
      if (entry.first == event.group) targets.push_back(entry.second);
    }
  }
  for (const auto& l : targets) l(event);
}

void EventHub::willAppend(const GroupId& group, std::uint64_t stored) {
  std::lock_guard lock(mu_);
  announced_.emplace(group, stored);  // only the first call counts
}

std::optional<std::uint64_t> EventHub::announcedThrough(const GroupId& group) {
  std::lock_guard lock(mu_);
  auto it = announced_.find(group);
  if (it == announced_.end()) return std::nullopt;
  return it->second;
}

Platform::Platform(Store& store, const Clock& clock, crypto::Bytes serverId, Hash operatorTokenHash,
                   crypto::SigningKeyPair logKey, std::string logOrigin, Limits limits)
    : store_(store),
      clock_(clock),
      serverId_(std::move(serverId)),
      operatorTokenHash_(operatorTokenHash),
      limits_(limits),
      loginGuard_(limits.login),
      logSigner_(logOrigin, crypto::NoteKeyType::Ed25519, std::move(logKey)),
      logOrigin_(std::move(logOrigin)) {
  logsOpened_ = openLogs();
  if (!logsOpened_.ok()) {
    log::error("log.open_failed", {{"reason", logsOpened_.error().reason()}});
  }
  lane_ = std::thread([this] {
    pthread_setname_np(pthread_self(), "samrad-lane");
    laneLoop();
  });
}

Platform::~Platform() {
  {
    std::lock_guard lock(laneMu_);
    laneStopping_ = true;
  }
  laneCv_.notify_all();
  lane_.join();
}

struct Platform::CombinedCall {
  const std::function<Status()>* section = nullptr;
  Status result = okStatus();
  std::uint64_t ticket = 0;  // the batch's commit; 0: nothing was stored
};

Status Platform::combined(const std::function<Status()>& section) {
  if (std::this_thread::get_id() == lane_.get_id()) {  // it would wait for itself
    return err(ErrorCode::Internal, "server.lane_reentered",
               "a change was made from the commit lane's own thread");
  }
  std::promise<Status> done;
  auto future = done.get_future();
  // `section` lives until the lane has answered: this thread waits for it.
  combinedThen([&section]() { return section(); }, [&done](const Status& s) { done.set_value(s); });
  return future.get();
}

void Platform::runCombined(const std::vector<CombinedCall*>& batch) {
  std::lock_guard lock(mu_);
  std::vector<bool> failedAlone(batch.size(), false);
  const Status s = store_.transaction([&]() -> Status {
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const std::int64_t before = store_.totalChanges();
      batch[i]->result = (*batch[i]->section)();
      if (batch[i]->result.ok()) continue;
      // A section that wrote nothing before failing leaves the batch intact.
      if (store_.totalChanges() == before) {
        failedAlone[i] = true;
        continue;
      }
      return batch[i]->result;  // rolls back every section of the batch
    }
    return okStatus();
  });
  const std::uint64_t ticket = store_.takeUnsynced();
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (!s.ok() && !failedAlone[i]) batch[i]->result = s;
    batch[i]->ticket = ticket;
  }
}

void Platform::combinedThen(std::function<Status()> section, std::function<void(Status)> then) {
  {
    std::lock_guard lock(laneMu_);
    if (!laneStopping_) {
      laneQueue_.push_back({std::move(section), std::move(then), std::chrono::steady_clock::now()});
      laneCv_.notify_one();
      return;
    }
  }
  then(err(ErrorCode::Unavailable, "server.stopping", "the server is stopping; try again"));
}

void Platform::laneLoop() {
  std::unique_lock lock(laneMu_);
  for (;;) {
    laneCv_.wait(lock, [this] { return laneStopping_ || !laneQueue_.empty(); });
    if (laneQueue_.empty()) return;  // stopping, and every call answered
    std::vector<LaneCall> batch;
    batch.swap(laneQueue_);
    lock.unlock();
    std::vector<CombinedCall> calls(batch.size());
    std::vector<CombinedCall*> order;
    order.reserve(batch.size());
    for (std::size_t i = 0; i < batch.size(); ++i) {
      calls[i].section = &batch[i].section;
      order.push_back(&calls[i]);
    }
    runCombined(order);
    // Nobody hears of a change before it is on disk. A batch that stored
    // nothing (each section refused on its own) has nothing to wait for.
    const Status durable = calls.front().ticket != 0 ? store_.syncNow() : okStatus();
    static auto& durableWait = metrics::durableWaitSeconds("commit_lane");
    metrics::commitLaneBatchSize().observe(static_cast<double>(batch.size()));
    const auto now = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < batch.size(); ++i) {
      durableWait.observe(std::chrono::duration<double>(now - batch[i].queued).count());
      batch[i].then(calls[i].result.ok() ? durable : calls[i].result);
    }
    lock.lock();
  }
}

Status Platform::checkOperator(const std::string& operatorToken) const {
  if (operatorToken.empty() ||
      !crypto::constantTimeEqual(hashOf(operatorToken).view(), operatorTokenHash_.view())) {
    return err(ErrorCode::PermissionDenied, "auth.not_operator",
               "this call needs the server operator's token");
  }
  return okStatus();
}

Result<Caller> Platform::authenticate(const std::string& bearerToken) {
  if (bearerToken.empty()) {
    return err(ErrorCode::Unauthenticated, "auth.no_session", "log in first");
  }
  const Hash tokenHash = hashOf(bearerToken);
  const std::int64_t now = clock_.now();
  {
    std::lock_guard cache(cacheMu_);
    if (auto hit = sessions_.find(tokenHash);
        hit != sessions_.end() && hit->second.expiresAt > now) {
      return hit->second.caller;
    }
  }
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto s, store_.session(tokenHash));
  if (!s) return err(ErrorCode::Unauthenticated, "auth.no_session", "unknown session");
  if (s->second <= clock_.now()) {
    return err(ErrorCode::Unauthenticated, "auth.expired", "the session has expired");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto dev, store_.device(s->first));
  if (!dev || dev->revokedAt) {
    return err(ErrorCode::PermissionDenied, "auth.revoked", "this device has been revoked");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto user, store_.user(dev->user));
  if (!user || user->revokedAt) {
    return err(ErrorCode::PermissionDenied, "auth.revoked", "this user has been revoked");
  }
  const Caller caller{dev->id, user->id, user->agency, static_cast<crypto::UserRole>(user->role)};
  std::lock_guard cache(cacheMu_);
  if (sessions_.size() > 100000) sessions_.clear();  // bounded: worst case, a reload
  sessions_[tokenHash] = {caller, s->second};        // an expired entry is replaced here
  return caller;
}

Status Platform::authorize(Operation op, const Caller* caller, const GroupId* group) {
  const Requirement req = requirementOf(op);
  if (req == Requirement::None || req == Requirement::Operator) return okStatus();
  if (caller == nullptr) {
    return err(ErrorCode::Unauthenticated, "auth.no_session", "log in first");
  }
  switch (req) {
    case Requirement::Session:
      return okStatus();
    case Requirement::AgencyAdmin:
      if (caller->role != crypto::UserRole::Administrator) {
        return err(ErrorCode::PermissionDenied, "auth.not_admin",
                   "only an agency administrator may do this");
      }
      return okStatus();
    case Requirement::AdminOrOwnDevice:
      return okStatus();  // the target decides; checked in revokeDevice()
    case Requirement::LogReader:
      if (group == nullptr) return okStatus();  // the directory log
      [[fallthrough]];
    case Requirement::GroupMember:
    case Requirement::GroupWriter:
    case Requirement::GroupCoordinator:
    case Requirement::Requester:
    case Requirement::MemberOrRequester: {
      if (group == nullptr) {
        return err(ErrorCode::InvalidArgument, "request.missing", "group_id is required");
      }
      SAMRAD_ASSIGN_OR_RETURN(auto chain, chainSnapshot(*group));
      if (chain == nullptr) return err(ErrorCode::NotFound, "group.not_found", "no such group");
      const crypto::GroupState& st = chain->state();
      const bool member = st.device(caller->device) != nullptr;
      if (req == Requirement::Requester || (req == Requirement::MemberOrRequester && !member)) {
        // An external requester sees the group only through its intake.
        SAMRAD_ASSIGN_OR_RETURN(bool allowed, store_.isRequester(*group, caller->user));
        if (caller->role != crypto::UserRole::External || !allowed) {
          return err(ErrorCode::PermissionDenied, "advice.not_requester",
                     "this user may not send advice requests to the group");
        }
        return okStatus();
      }
      if (!member) {
        return err(ErrorCode::PermissionDenied, "group.not_member",
                   "this device is not a member of the group");
      }
      if (req == Requirement::GroupCoordinator && !st.isCoordinatorDevice(caller->device)) {
        return err(ErrorCode::PermissionDenied, "group.not_coordinator",
                   "only the group's coordinator may do this");
      }
      if (req == Requirement::GroupWriter) {
        const crypto::GroupRole role = st.memberOf(caller->device)->role;
        // An agency's recovery key writes one thing: a member's replacement
        // device's history (key boxes), held to that in the domain.
        const bool regrant = role == crypto::GroupRole::Recovery &&
                             (op == Operation::PutObject || op == Operation::ShareCase);
        if (role != crypto::GroupRole::Coordinator && role != crypto::GroupRole::Member &&
            !regrant) {
          return err(ErrorCode::PermissionDenied, "group.read_only",
                     "lawyers and observers read the group's content but do not write it");
        }
      }
      return okStatus();
    }
    default:
      break;
  }
  return err(ErrorCode::PermissionDenied, "auth.denied", "not allowed");
}

Result<crypto::TrustStore> Platform::trustStore() {
  SAMRAD_ASSIGN_OR_RETURN(auto all, store_.agencies());
  crypto::TrustStore t;
  for (const auto& a : all) t.pin(a.id, a.rootKey);
  return t;
}

Result<crypto::RevocationList> Platform::revocations() {
  // Revocations are few; read them when a chain is (re)loaded or a key is
  // handed out. Exact times: chains get them delayed by the clock skew a
  // link may carry (crypto::chainRevocations).
  crypto::RevocationList list;
  SAMRAD_ASSIGN_OR_RETURN(auto users, store_.revokedUsers());
  for (const auto& [id, at] : users) list.revokeUser(id, at);
  SAMRAD_ASSIGN_OR_RETURN(auto devices, store_.revokedDevices());
  for (const auto& [id, at] : devices) list.revokeDevice(id, at);
  return list;
}

Status Platform::checkLinkNow(const crypto::GroupState& after,
                              const crypto::RevocationList& revoked) {
  const std::int64_t now = clock_.now();
  if (after.lastTime > now + crypto::kLinkClockSkew) {
    return err(ErrorCode::InvalidArgument, "chain.clock_ahead",
               "the change is dated ahead of the server's clock; check this computer's clock");
  }
  // Every device the group has after the link: the link's bundle is sealed
  // to all of them, and none may be revoked or expired — a link that left one
  // in would leave its epoch without keys (epoch.unusable_recipient).
  for (const auto& d : after.allDevices()) {
    switch (crypto::standingOf(d, revoked, now)) {
      case crypto::DeviceStanding::Usable:
        break;
      case crypto::DeviceStanding::Revoked:
        return err(ErrorCode::PermissionDenied, "chain.unusable_device",
                   "a device of the group has been revoked: take it out first");
      case crypto::DeviceStanding::Expired:
        return err(
            ErrorCode::PermissionDenied, "chain.unusable_device",
            "a device of the group has a certificate that is not valid now: take it out first");
    }
  }
  return okStatus();
}

void Platform::cacheChain(const GroupId& group, std::unique_ptr<crypto::MembershipChain> chain) {
  std::lock_guard cache(cacheMu_);
  chains_[group] = std::move(chain);
}

Result<std::shared_ptr<const crypto::MembershipChain>> Platform::chainSnapshot(
    const GroupId& group) {
  {
    std::lock_guard cache(cacheMu_);
    if (auto it = chains_.find(group); it != chains_.end()) return it->second;
  }
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(const crypto::MembershipChain* chain, chainOf(group));
  if (chain == nullptr) return std::shared_ptr<const crypto::MembershipChain>();
  std::lock_guard cache(cacheMu_);
  return chains_.at(group);
}

Result<const crypto::MembershipChain*> Platform::chainOf(const GroupId& group) {
  auto it = chains_.find(group);
  if (it != chains_.end()) return it->second.get();
  SAMRAD_ASSIGN_OR_RETURN(auto g, store_.group(group));
  if (!g) return static_cast<const crypto::MembershipChain*>(nullptr);
  SAMRAD_ASSIGN_OR_RETURN(crypto::TrustStore roots, trustStore());
  SAMRAD_ASSIGN_OR_RETURN(crypto::RevocationList revoked, revocations());
  auto chain = std::make_unique<crypto::MembershipChain>(roots, crypto::chainRevocations(revoked));
  std::uint64_t from = 0;
  for (;;) {
    SAMRAD_ASSIGN_OR_RETURN(auto page, store_.links(group, from, 500));
    for (const auto& bytes : page) {
      SAMRAD_ASSIGN_OR_RETURN(Envelope env, Envelope::parse(bytes));
      // The server validated each link before storing it; a failure here means
      // the store was altered behind the server's back.
      auto ok = chain->append(env);
      if (!ok) {
        return err(ErrorCode::DataLoss, "group.chain_corrupt",
                   "the stored chain no longer validates: " + ok.error().reason());
      }
    }
    if (page.size() < 500) break;
    from += page.size();
  }
  const auto* raw = chain.get();
  cacheChain(group, std::move(chain));
  return raw;
}

Status Platform::appendEvent(GroupRecord& g, EventKind kind, const std::optional<ObjectId>& object,
                             std::uint64_t version, const std::string& objectKind,
                             std::vector<EventRecord>& published) {
  hub_.willAppend(g.id, g.eventSeq);
  EventRecord e{g.id, g.eventSeq + 1, kind, object, version, objectKind, clock_.now()};
  SAMRAD_TRY(store_.insertEvent(e));
  g.eventSeq = e.seq;
  SAMRAD_TRY(store_.updateGroup(g));
  published.push_back(e);
  return okStatus();
}

Status Platform::publishWhenDurable(const std::vector<EventRecord>& events) {
  if (events.empty()) return okStatus();
  SAMRAD_TRY(store_.sync());
  for (const auto& e : events) hub_.publish(e);
  return okStatus();
}

Status Platform::syncGroupDevices(const GroupId& group, const crypto::MembershipChain& chain) {
  std::vector<DeviceId> ids;
  for (const auto& d : chain.state().allDevices()) ids.push_back(d.id);
  return store_.setGroupDevices(group, ids);
}

// ---- enrolment --------------------------------------------------------------

Result<std::pair<std::string, std::int64_t>> Platform::bootstrapAgency(
    const AgencyId& id, int kind, const crypto::Bytes& rootKey, const crypto::Bytes& adminCert) {
  if (kind < 1 || kind > 5) {
    return err(ErrorCode::InvalidArgument, "request.bad_kind", "agency kind is not valid");
  }
  SAMRAD_ASSIGN_OR_RETURN(crypto::SigningPublicKey root,
                          crypto::SigningPublicKey::fromBytes(rootKey));
  SAMRAD_ASSIGN_OR_RETURN(Envelope certEnv, envelopeFrom(adminCert, limits_.maxEnvelopeBytes,
                                                         "administrator_certificate"));
  crypto::TrustStore only;
  only.pin(id, root);
  const std::int64_t now = clock_.now();
  SAMRAD_ASSIGN_OR_RETURN(crypto::UserCertificate cert,
                          crypto::verifyUserCertificate(certEnv, only, now, {}));
  if (cert.role != crypto::UserRole::Administrator) {
    return err(ErrorCode::InvalidArgument, "enrol.not_admin",
               "the first user of an agency must be its administrator");
  }
  std::lock_guard lock(mu_);
  const std::string code = randomCode();
  const std::int64_t expires = now + limits_.enrollmentCodeLifetime;
  SAMRAD_TRY(store_.transaction([&]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(auto existing, store_.agency(id));
    if (existing) return err(ErrorCode::AlreadyExists, "agency.exists", "agency already exists");
    SAMRAD_TRY(store_.insertAgency({id, kind, root}));
    SAMRAD_TRY(store_.insertUser(
        {cert.user, id, static_cast<int>(cert.role), adminCert, cert.validUntil, std::nullopt}));
    SAMRAD_TRY(appendLog(
        {v1::LOG_ENTRY_AGENCY_ROOT, &id, nullptr, nullptr, nullptr, nullptr, 0, root.view()}));
    SAMRAD_TRY(appendLog({v1::LOG_ENTRY_USER_CERTIFICATE, &id, &cert.user, nullptr, nullptr,
                          nullptr, 0, adminCert}));
    return store_.insertEnrollmentCode(hashOf(code), cert.user, expires);
  }));
  {
    std::lock_guard cache(cacheMu_);
    chains_.clear();  // a new root may validate chains differently
  }
  log::info("agency.bootstrapped", {{"agency", id.hex()}, {"kind", kind}});
  return std::make_pair(code, expires);
}

Status Platform::registerUser(const Caller& caller, const crypto::Bytes& userCert) {
  SAMRAD_ASSIGN_OR_RETURN(Envelope env,
                          envelopeFrom(userCert, limits_.maxEnvelopeBytes, "user_certificate"));
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(crypto::TrustStore roots, trustStore());
  SAMRAD_ASSIGN_OR_RETURN(crypto::UserCertificate cert,
                          crypto::verifyUserCertificate(env, roots, clock_.now(), {}));
  if (cert.agency != caller.agency) {
    return err(ErrorCode::PermissionDenied, "auth.other_agency",
               "administrators register users of their own agency only");
  }
  SAMRAD_TRY(store_.transaction([&]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(auto existing, store_.user(cert.user));
    if (existing) return err(ErrorCode::AlreadyExists, "user.exists", "user already registered");
    SAMRAD_TRY(store_.insertUser({cert.user, cert.agency, static_cast<int>(cert.role), userCert,
                                  cert.validUntil, std::nullopt}));
    return appendLog({v1::LOG_ENTRY_USER_CERTIFICATE, &cert.agency, &cert.user, nullptr, nullptr,
                      nullptr, 0, userCert});
  }));
  log::info("user.registered", {{"agency", cert.agency.hex()}, {"user", cert.user.hex()}});
  return okStatus();
}

Result<std::pair<std::string, std::int64_t>> Platform::issueEnrollmentCode(const Caller& caller,
                                                                           const UserId& user) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto u, store_.user(user));
  if (!u) return err(ErrorCode::NotFound, "user.not_found", "no such user");
  if (u->agency != caller.agency) {
    return err(ErrorCode::PermissionDenied, "auth.other_agency",
               "administrators enrol devices of their own agency only");
  }
  if (u->revokedAt) return err(ErrorCode::FailedPrecondition, "user.revoked", "user is revoked");
  const std::string code = randomCode();
  const std::int64_t expires = clock_.now() + limits_.enrollmentCodeLifetime;
  SAMRAD_TRY(store_.transaction(
      [&]() { return store_.insertEnrollmentCode(hashOf(code), user, expires); }));
  return std::make_pair(code, expires);
}

Result<crypto::Bytes> Platform::enrollDevice(const std::string& code,
                                             const crypto::Bytes& deviceCert) {
  if (code.empty() || code.size() > 64) {
    return err(ErrorCode::InvalidArgument, "request.missing", "an enrolment code is required");
  }
  SAMRAD_ASSIGN_OR_RETURN(Envelope devEnv,
                          envelopeFrom(deviceCert, limits_.maxEnvelopeBytes, "device_certificate"));
  std::lock_guard lock(mu_);
  const std::int64_t now = clock_.now();
  crypto::Bytes userCertBytes;
  // The code is consumed only if the device is stored: a rejected certificate
  // does not burn it.
  SAMRAD_TRY(store_.transaction([&]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(auto taken, store_.takeEnrollmentCode(hashOf(normaliseCode(code))));
    if (!taken) {
      return err(ErrorCode::PermissionDenied, "enrol.bad_code",
                 "the enrolment code is not valid (or was already used)");
    }
    if (taken->second <= now) {
      return err(ErrorCode::FailedPrecondition, "enrol.code_expired",
                 "the enrolment code has expired; ask your administrator for a new one");
    }
    SAMRAD_ASSIGN_OR_RETURN(auto user, store_.user(taken->first));
    if (!user || user->revokedAt) {
      return err(ErrorCode::FailedPrecondition, "user.revoked", "the user is revoked");
    }
    SAMRAD_ASSIGN_OR_RETURN(crypto::TrustStore roots, trustStore());
    SAMRAD_ASSIGN_OR_RETURN(Envelope userEnv, Envelope::parse(user->certificate));
    SAMRAD_ASSIGN_OR_RETURN(crypto::UserCertificate uc,
                            crypto::verifyUserCertificate(userEnv, roots, now, {}));
    SAMRAD_ASSIGN_OR_RETURN(crypto::DeviceCertificate dc,
                            crypto::verifyDeviceCertificate(devEnv, uc, now, {}));
    SAMRAD_ASSIGN_OR_RETURN(auto existing, store_.device(dc.device));
    if (existing) return err(ErrorCode::AlreadyExists, "device.exists", "device already enrolled");
    SAMRAD_TRY(store_.insertDevice(
        {dc.device, dc.user, dc.signingKey, deviceCert, dc.validUntil, std::nullopt}));
    SAMRAD_TRY(appendLog({v1::LOG_ENTRY_DEVICE_CERTIFICATE, &uc.agency, &dc.user, &dc.device,
                          nullptr, nullptr, 0, deviceCert}));
    userCertBytes = user->certificate;
    log::info("device.enrolled", {{"user", dc.user.hex()}, {"device", dc.device.hex()}});
    return okStatus();
  }));
  return userCertBytes;
}

Result<std::int64_t> Platform::revokeDevice(const Caller& caller, const DeviceId& device) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto d, store_.device(device));
  if (!d) return err(ErrorCode::NotFound, "device.not_found", "no such device");
  SAMRAD_ASSIGN_OR_RETURN(auto owner, store_.user(d->user));
  const bool own = d->user == caller.user;
  const bool admin =
      caller.role == crypto::UserRole::Administrator && owner && owner->agency == caller.agency;
  if (!own && !admin) {
    return err(ErrorCode::PermissionDenied, "auth.denied",
               "only the device's own user or their agency administrator may revoke it");
  }
  if (d->revokedAt) return *d->revokedAt;
  const std::int64_t now = clock_.now();
  SAMRAD_TRY(store_.transaction([&]() -> Status {
    SAMRAD_TRY(store_.revokeDevice(device, now));
    SAMRAD_TRY(appendLog(
        {v1::LOG_ENTRY_DEVICE_REVOKED, nullptr, &d->user, &device, nullptr, nullptr, 0, {}, now}));
    return store_.deleteSessionsOfDevice(device);
  }));
  {
    std::lock_guard cache(cacheMu_);
    sessions_.clear();
    chains_.clear();  // validated again with the revocation
  }
  log::info("device.revoked", {{"device", device.hex()}});
  return now;
}

Result<std::int64_t> Platform::revokeUser(const Caller& caller, const UserId& user) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto u, store_.user(user));
  if (!u) return err(ErrorCode::NotFound, "user.not_found", "no such user");
  if (u->agency != caller.agency) {
    return err(ErrorCode::PermissionDenied, "auth.other_agency",
               "administrators revoke users of their own agency only");
  }
  if (u->revokedAt) return *u->revokedAt;
  const std::int64_t now = clock_.now();
  SAMRAD_ASSIGN_OR_RETURN(auto devices, store_.devicesOf(user));
  SAMRAD_TRY(store_.transaction([&]() -> Status {
    SAMRAD_TRY(store_.revokeUser(user, now));
    SAMRAD_TRY(appendLog(
        {v1::LOG_ENTRY_USER_REVOKED, &u->agency, &user, nullptr, nullptr, nullptr, 0, {}, now}));
    for (const auto& d : devices) {
      if (!d.revokedAt) SAMRAD_TRY(store_.revokeDevice(d.id, now));
      SAMRAD_TRY(store_.deleteSessionsOfDevice(d.id));
    }
    return okStatus();
  }));
  {
    std::lock_guard cache(cacheMu_);
    sessions_.clear();
    chains_.clear();  // validated again with the revocation
  }
  log::info("user.revoked", {{"user", user.hex()}});
  return now;
}

Result<AgencyRecord> Platform::getAgency(const AgencyId& id) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto a, store_.agency(id));
  if (!a) return err(ErrorCode::NotFound, "agency.not_found", "no such agency");
  return *a;
}

Result<std::pair<UserRecord, std::vector<DeviceRecord>>> Platform::getCertificates(
    const UserId& user) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto u, store_.user(user));
  if (!u) return err(ErrorCode::NotFound, "user.not_found", "no such user");
  SAMRAD_ASSIGN_OR_RETURN(auto devices, store_.devicesOf(user));
  return std::make_pair(*u, devices);
}

// ---- login ------------------------------------------------------------------

Result<std::pair<crypto::Bytes, std::int64_t>> Platform::challenge(const DeviceId& device,
                                                                   std::string_view peer) {
  const std::int64_t now = clock_.now();
  SAMRAD_TRY(loginGuard_.admit(peer, now));
  std::optional<DeviceRecord> d;
  {
    std::lock_guard lock(mu_);
    SAMRAD_ASSIGN_OR_RETURN(d, store_.device(device));
  }
  if (!d) return err(ErrorCode::NotFound, "auth.unknown_device", "this device is not enrolled");
  if (d->revokedAt) {
    return err(ErrorCode::PermissionDenied, "auth.revoked", "this device has been revoked");
  }
  if (loginGuard_.lockedOut(device, peer, now)) {
    return err(ErrorCode::ResourceExhausted, "auth.rate_limited",
               "too many failed logins; wait five minutes");
  }
  // In memory only: issuing a challenge writes nothing to disk.
  return loginGuard_.issue(device, now);
}

Result<std::pair<std::string, std::int64_t>> Platform::login(const DeviceId& device,
                                                             const crypto::Bytes& challengeBytes,
                                                             const crypto::Bytes& signature,
                                                             std::string_view peer) {
  SAMRAD_TRY(loginGuard_.admit(peer, clock_.now()));
  std::lock_guard lock(mu_);
  // Read after the lock: a challenge that expired while this call waited
  // for it is expired.
  const std::int64_t now = clock_.now();
  SAMRAD_ASSIGN_OR_RETURN(auto d, store_.device(device));
  if (!d) return err(ErrorCode::NotFound, "auth.unknown_device", "this device is not enrolled");
  if (loginGuard_.lockedOut(device, peer, now)) {
    return err(ErrorCode::ResourceExhausted, "auth.rate_limited",
               "too many failed logins; wait five minutes");
  }
  // Only a challenge this device holds is spent; a junk one spends nothing
  // and counts for nothing (anyone can send junk for any device).
  if (!loginGuard_.redeem(device, challengeBytes, now)) {
    log::warn("auth.login_failed", {{"device", device.hex()}, {"reason", "auth.bad_challenge"}});
    return err(ErrorCode::Unauthenticated, "auth.bad_challenge",
               "the challenge is unknown, used or expired");
  }
  if (!d->signingKey.verify(
          crypto::loginMessage(serverId_, tlsCertificate_, device, challengeBytes), signature)) {
    // A challenge the server issued, signed wrongly: a real failed login.
    loginGuard_.recordFailedSignature(device, peer, now);
    log::warn("auth.login_failed", {{"device", device.hex()}, {"reason", "auth.bad_signature"}});
    return err(ErrorCode::Unauthenticated, "auth.bad_signature",
               "the login signature does not verify");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto u, store_.user(d->user));
  if (d->revokedAt || !u || u->revokedAt) {
    return err(ErrorCode::PermissionDenied, "auth.revoked", "this device has been revoked");
  }
  if (d->validUntil <= now || u->validUntil <= now) {
    return err(ErrorCode::PermissionDenied, "auth.certificate_expired",
               "the device's certificate has expired; enrol it again");
  }
  const std::string token = randomToken();
  const std::int64_t expires = now + limits_.sessionLifetime;
  // A login (and each renewal of it, every quarter of an hour) goes into
  // no transparency log: it opens nothing by itself, and every read it
  // leads to is logged in its group's log (docs/transparency.md). The
  // operator's journal keeps it.
  SAMRAD_TRY(store_.transaction(
      [&]() -> Status { return store_.insertSession(hashOf(token), device, expires); }));
  log::info("auth.login", {{"device", device.hex()}, {"user", d->user.hex()}});
  return std::make_pair(token, expires);
}

Status Platform::logout(const std::string& bearerToken) {
  std::lock_guard lock(mu_);
  {
    std::lock_guard cache(cacheMu_);
    sessions_.erase(hashOf(bearerToken));
  }
  return store_.transaction([&]() { return store_.deleteSession(hashOf(bearerToken)); });
}

// ---- groups -----------------------------------------------------------------

Result<GroupRecord> Platform::createGroup(const Caller& caller, const crypto::Bytes& genesis) {
  SAMRAD_ASSIGN_OR_RETURN(Envelope env,
                          envelopeFrom(genesis, limits_.maxEnvelopeBytes, "genesis_link"));
  std::unique_lock lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(crypto::TrustStore roots, trustStore());
  SAMRAD_ASSIGN_OR_RETURN(crypto::RevocationList revoked, revocations());
  auto chain = std::make_unique<crypto::MembershipChain>(roots, crypto::chainRevocations(revoked));
  auto ok = chain->append(env);
  if (!ok) return chainStatus(ok.error());
  SAMRAD_TRY(checkLinkNow(chain->state(), revoked));
  const crypto::GroupState& st = chain->state();
  if (st.memberOf(caller.device) == nullptr ||
      chain->deviceByKeyId(env.signerKeyId)->id != caller.device) {
    return err(ErrorCode::PermissionDenied, "group.not_author",
               "a group is created by its first coordinator's own device");
  }
  GroupRecord g{st.group, st.seq, st.epoch, st.head, 0};
  std::vector<EventRecord> published;
  SAMRAD_TRY(store_.transaction([&]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(auto existing, store_.group(st.group));
    if (existing) return err(ErrorCode::AlreadyExists, "group.exists", "group already exists");
    SAMRAD_TRY(store_.insertGroup(g));
    SAMRAD_TRY(store_.insertLink(st.group, 0, genesis));
    SAMRAD_TRY(appendLog({v1::LOG_ENTRY_CHAIN_LINK, nullptr, nullptr, &caller.device, &st.group,
                          nullptr, 0, genesis}));
    SAMRAD_TRY(syncGroupDevices(st.group, *chain));
    return appendEvent(g, EventKind::LinkAppended, std::nullopt, 0, "", published);
  }));
  cacheChain(st.group, std::move(chain));
  log::info("group.created", {{"group", g.id.hex()}});
  lock.unlock();  // listeners take their own locks: never call them holding ours
  SAMRAD_TRY(publishWhenDurable(published));
  return g;
}

Result<GroupRecord> Platform::appendLink(const Caller& caller, const GroupId& group,
                                         const crypto::Bytes& link) {
  SAMRAD_ASSIGN_OR_RETURN(Envelope env, envelopeFrom(link, limits_.maxEnvelopeBytes, "link"));
  std::unique_lock lock(mu_);
  SAMRAD_TRY(authorize(Operation::AppendLink, &caller, &group));
  SAMRAD_ASSIGN_OR_RETURN(const crypto::MembershipChain* current, chainOf(group));
  auto next = std::make_unique<crypto::MembershipChain>(*current);
  auto ok = next->append(env);
  if (!ok) return chainStatus(ok.error());
  SAMRAD_ASSIGN_OR_RETURN(crypto::RevocationList revoked, revocations());
  SAMRAD_TRY(checkLinkNow(next->state(), revoked));
  if (next->deviceByKeyId(env.signerKeyId)->id != caller.device) {
    return err(ErrorCode::PermissionDenied, "group.not_author",
               "a link is appended by the device that signed it");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto g, store_.group(group));
  const crypto::GroupState& st = next->state();
  std::vector<EventRecord> published;
  SAMRAD_TRY(store_.transaction([&]() -> Status {
    g->seq = st.seq;
    g->epoch = st.epoch;
    g->head = st.head;
    SAMRAD_TRY(store_.insertLink(group, st.seq, link));
    SAMRAD_TRY(appendLog({v1::LOG_ENTRY_CHAIN_LINK, nullptr, nullptr, &caller.device, &group,
                          nullptr, st.seq, link}));
    SAMRAD_TRY(store_.updateGroup(*g));
    SAMRAD_TRY(syncGroupDevices(group, *next));
    return appendEvent(*g, EventKind::LinkAppended, std::nullopt, st.seq, "", published);
  }));
  cacheChain(group, std::move(next));
  log::info("group.link_appended", {{"group", group.hex()}, {"seq", g->seq}, {"epoch", g->epoch}});
  lock.unlock();  // listeners take their own locks: never call them holding ours
  SAMRAD_TRY(publishWhenDurable(published));
  return *g;
}

Result<std::pair<std::vector<crypto::Bytes>, bool>> Platform::getChain(const Caller& caller,
                                                                       const GroupId& group,
                                                                       std::uint64_t fromSeq) {
  std::lock_guard lock(mu_);
  SAMRAD_TRY(authorize(Operation::GetChain, &caller, &group));
  const std::size_t page = limits_.maxPage;
  SAMRAD_ASSIGN_OR_RETURN(auto links, store_.links(group, fromSeq, page + 1));
  const bool more = links.size() > page;
  if (more) links.pop_back();
  return std::make_pair(std::move(links), more);
}

Status Platform::putEpochKeys(const Caller& caller, const GroupId& group,
                              const crypto::Bytes& bundle) {
  SAMRAD_ASSIGN_OR_RETURN(Envelope env, envelopeFrom(bundle, limits_.maxEnvelopeBytes, "bundle"));
  std::unique_lock lock(mu_);
  SAMRAD_TRY(authorize(Operation::PutEpochKeys, &caller, &group));
  SAMRAD_ASSIGN_OR_RETURN(const crypto::MembershipChain* chain, chainOf(group));
  SAMRAD_ASSIGN_OR_RETURN(crypto::EpochBundleInfo info, crypto::inspectEpochKeyBundle(env, *chain));
  if (info.epoch != chain->state().epoch) {
    return err(ErrorCode::FailedPrecondition, "epoch.not_current",
               "only keys for the current epoch are accepted");
  }
  // A revoked device, or one whose certificate is no longer valid, gets no
  // key: the coordinator removes it from the group first.
  SAMRAD_ASSIGN_OR_RETURN(crypto::RevocationList revoked, revocations());
  SAMRAD_TRY(crypto::requireUsableRecipients(*chain, info.recipients, revoked, clock_.now()));
  SAMRAD_ASSIGN_OR_RETURN(auto g, store_.group(group));
  std::vector<EventRecord> published;
  SAMRAD_TRY(store_.transaction([&]() -> Status {
    SAMRAD_TRY(store_.putEpochBundle(group, info.epoch, bundle, info.recipients));
    return appendEvent(*g, EventKind::EpochKeys, std::nullopt, info.epoch, "", published);
  }));
  lock.unlock();  // listeners take their own locks: never call them holding ours
  return publishWhenDurable(published);
}

Result<std::pair<std::uint64_t, crypto::Bytes>> Platform::getEpochKeys(const Caller& caller,
                                                                       const GroupId& group,
                                                                       std::uint64_t epoch) {
  std::lock_guard lock(mu_);
  SAMRAD_TRY(authorize(Operation::GetEpochKeys, &caller, &group));
  SAMRAD_ASSIGN_OR_RETURN(
      auto found, store_.epochBundleFor(group, caller.device, epoch == 0 ? UINT64_MAX : epoch));
  if (!found || (epoch != 0 && found->first != epoch)) {
    return err(ErrorCode::NotFound, "epoch.not_found",
               "no epoch keys for this device at that epoch yet");
  }
  return *found;
}

Result<std::vector<GroupRecord>> Platform::myGroups(const Caller& caller) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto ids, store_.groupsOfDevice(caller.device));
  std::vector<GroupRecord> out;
  for (const auto& id : ids) {
    SAMRAD_ASSIGN_OR_RETURN(auto g, store_.group(id));
    if (g) out.push_back(*g);
  }
  return out;
}

// ---- objects ----------------------------------------------------------------

// A new object version on its way: what its checks found, and what storing
// it produced.
struct Platform::PendingPut {
  Caller caller;
  GroupId group;
  ObjectId object;
  std::uint64_t expectedVersion = 0;
  crypto::Bytes body;
  AccessSpec access;
  std::optional<AnswerRecord> answer;
  crypto::EncryptedObject obj;
  std::optional<crypto::CaseId> caseId;
  crypto::SigningPublicKey authorKey;
  std::vector<EventRecord> published;
  std::uint64_t eventSeq = 0;
  std::optional<crypto::Bytes> replayed;  // the first answer to this request
};

// What a new version must pass before it joins a commit: its form, and its
// author's signature.
Result<std::shared_ptr<Platform::PendingPut>> Platform::checkPut(
    const Caller& caller, const GroupId& group, const ObjectId& object,
    std::uint64_t expectedVersion, const crypto::Bytes& body, const AccessSpec& access) {
  if (body.empty()) return err(ErrorCode::InvalidArgument, "request.missing", "object is required");
  if (body.size() > limits_.maxObjectBytes) {
    return err(ErrorCode::ResourceExhausted, "request.too_large",
               "object exceeds " + std::to_string(limits_.maxObjectBytes) +
                   " bytes; send it as an attachment");
  }
  if (!access.wholeGroup && access.devices.size() > limits_.maxAccessDevices) {
    return err(ErrorCode::ResourceExhausted, "request.too_large", "access list too long");
  }
  SAMRAD_ASSIGN_OR_RETURN(crypto::EncryptedObject obj, crypto::EncryptedObject::parse(body));
  if (obj.context.group != group || obj.context.object != object) {
    return err(ErrorCode::InvalidArgument, "object.mismatch",
               "the encrypted object names another group or object than the request");
  }
  if (obj.context.version != expectedVersion + 1) {
    return err(ErrorCode::InvalidArgument, "object.version_mismatch",
               "the object's version must be expected_version + 1");
  }
  if (obj.context.author != caller.device) {
    return err(ErrorCode::PermissionDenied, "object.not_author",
               "an object is stored by the device that signed it");
  }
  std::optional<crypto::CaseId> caseId = access.caseId;
  if (obj.wrappedWithCaseKey && obj.caseId) {
    if (caseId && *caseId != *obj.caseId) {
      return err(ErrorCode::InvalidArgument, "object.case_mismatch",
                 "the request names another case than the encrypted object");
    }
    caseId = obj.caseId;
  }
  // The signature is checked outside the lock (it is the costly part); the
  // author's key is looked up under it, and again before storing, in case the
  // chain moved in between.
  SAMRAD_TRY(authorize(Operation::PutObject, &caller, &group));
  SAMRAD_ASSIGN_OR_RETURN(auto chain, chainSnapshot(group));
  if (chain == nullptr) return err(ErrorCode::NotFound, "group.not_found", "no such group");
  SAMRAD_ASSIGN_OR_RETURN(crypto::SigningPublicKey authorKey, crypto::objectAuthorKey(obj, *chain));
  SAMRAD_TRY(crypto::verifyObjectSignature(obj, authorKey));
  auto put = std::make_shared<PendingPut>();
  put->caller = caller;
  put->group = group;
  put->object = object;
  put->expectedVersion = expectedVersion;
  put->obj = std::move(obj);
  put->caseId = caseId;
  put->authorKey = authorKey;
  return put;
}

// Checked again and stored, under mu_ inside a combined transaction: the
// chain may have moved since checkPut().
Status Platform::storePut(PendingPut& put) {
  const Caller& caller = put.caller;
  const GroupId& group = put.group;
  const ObjectId& object = put.object;
  const crypto::EncryptedObject& obj = put.obj;
  const AccessSpec& access = put.access;
  const std::optional<crypto::CaseId>& caseId = put.caseId;
  const crypto::Bytes& body = put.body;
  const std::uint64_t expectedVersion = put.expectedVersion;
  SAMRAD_TRY(authorize(Operation::PutObject, &caller, &group));
  SAMRAD_ASSIGN_OR_RETURN(auto head, store_.objectHead(group, object));
  const std::uint64_t current = head ? head->version : 0;
  const bool keyed = put.answer && !put.answer->key.empty();
  crypto::Bytes writeKey;
  if (keyed) {
    crypto::appendBytes(writeKey, caller.device.view());
    crypto::appendBytes(writeKey, put.answer->key);
  }
  // A retry after a lost answer gets the first one, and stores nothing. Its
  // first attempt stored the version the retry expects to create, with this
  // device's key (looked up here rather than before queueing: the store is
  // busy with the lane's transaction, and a request thread would wait for
  // it). Any other write finds the head where it expects it, and pays no
  // lookup.
  if (keyed && current != expectedVersion) {
    SAMRAD_ASSIGN_OR_RETURN(auto first, store_.versionWrite(group, object, expectedVersion + 1));
    if (first && first->writeKey == writeKey) {
      put.replayed = put.answer->build(expectedVersion + 1, first->eventSeq);
      return okStatus();
    }
    // An answer stored before versions kept their writes (schema 11).
    SAMRAD_ASSIGN_OR_RETURN(put.replayed, store_.idempotentResponse(caller.device, put.answer->key,
                                                                    put.answer->method));
    if (put.replayed) return okStatus();
  }
  SAMRAD_ASSIGN_OR_RETURN(const crypto::MembershipChain* chain, chainOf(group));
  SAMRAD_ASSIGN_OR_RETURN(crypto::SigningPublicKey stillKey, crypto::objectAuthorKey(obj, *chain));
  if (!(stillKey == put.authorKey)) {
    return err(ErrorCode::Aborted, "object.chain_moved",
               "the group's membership changed while the object was checked; send it again");
  }
  if (obj.context.epoch != chain->state().epoch) {
    return err(ErrorCode::FailedPrecondition, "object.stale_epoch",
               "new content must use the group's current epoch key");
  }
  if (!access.wholeGroup) {
    for (const auto& d : access.devices) {
      if (chain->state().device(d) == nullptr) {
        return err(ErrorCode::InvalidArgument, "object.bad_access",
                   "the access list names a device that is not in the group");
      }
    }
  }
  if (caseId) SAMRAD_TRY(checkConsentScope(group, *caseId, *chain, access));
  SAMRAD_TRY(checkRecordWriter(caller, group, object, caseId, obj.context.kind, head, access,
                               chain->state()));
  // Its reads go unlogged, so a log view is what it says and nothing more:
  // the device's own, for the whole group, small, about no case.
  if (obj.context.kind == kLogViewKind || object == crypto::logViewObjectId(caller.device)) {
    if (obj.context.kind != kLogViewKind || object != crypto::logViewObjectId(caller.device) ||
        !access.wholeGroup || caseId || body.size() > kMaxLogViewBytes) {
      return err(ErrorCode::InvalidArgument, "object.bad_log_view",
                 "a device's view of the log is stored under its own id, for the whole group, "
                 "about no case, and small");
    }
  }
  SAMRAD_ASSIGN_OR_RETURN(auto g, store_.group(group));
  if (!g) return err(ErrorCode::NotFound, "group.not_found", "no such group");
  // Only a device that may read an object writes its next version: a
  // recused member cannot replace a case's content or widen who reads it.
  // (The key for repeat checks is the coordinator's to reissue: a new
  // coordinator device is not yet among its holders; checkRecordWriter holds
  // it to coordinator devices.)
  if (head && !head->deleted && !head->wholeGroup && head->kind != kPersonTagKeyKind &&
      std::find(head->allowed.begin(), head->allowed.end(), caller.device) == head->allowed.end()) {
    return err(ErrorCode::PermissionDenied, "object.no_access",
               "this device is not among those allowed to read the object, so it may not "
               "write it");
  }
  if (current != expectedVersion) {
    return err(ErrorCode::Aborted, "object.conflict",
               "someone saved version " + std::to_string(current) +
                   " first; fetch it, merge, and save again");
  }
  ObjectHead h;
  h.id = object;
  h.kind = obj.context.kind;
  h.version = obj.context.version;
  h.wholeGroup = access.wholeGroup;
  h.allowed = access.devices;
  h.size = body.size();
  h.author = caller.device;
  h.creator = head && !head->deleted ? head->creator : caller.device;
  h.storedAt = clock_.now();
  h.caseId = caseId;
  if (head && head->caseId != caseId) {
    return err(ErrorCode::InvalidArgument, "object.case_mismatch",
               "an object stays with the case it was created for");
  }
  SAMRAD_TRY(appendEvent(*g, EventKind::ObjectWritten, object, h.version, h.kind, put.published));
  // Every write is on the record too: who stored which version of what (ids
  // only), so a lawyer can tell who changed a case's record and when — but
  // for a device's view of the log, which is no audit event.
  if (h.kind != kLogViewKind) {
    SAMRAD_TRY(appendLog({v1::LOG_ENTRY_OBJECT_WRITTEN, &caller.agency, &caller.user,
                          &caller.device, &group, &object, h.version, caseOf(caseId)}));
  }
  put.eventSeq = g->eventSeq;
  SAMRAD_TRY(store_.putObjectVersion(group, h, body, {std::move(writeKey), put.eventSeq}));
  // A new case's consent record id is held for it from the start: nobody
  // who learns the case id puts an object of another kind there first.
  if (!head && caseId && h.kind == kCaseRecordKind) SAMRAD_TRY(reserveConsentRecord(group, h));
  return okStatus();
}

void Platform::putObject(const Caller& caller, const GroupId& group, const ObjectId& object,
                         std::uint64_t expectedVersion, crypto::Bytes body, AccessSpec access,
                         std::optional<AnswerRecord> answer,
                         std::function<void(Result<PutResult>)> done) {
  auto checked = checkPut(caller, group, object, expectedVersion, body, access);
  if (!checked) return done(checked.error());
  std::shared_ptr<PendingPut> put = std::move(*checked);
  put->body = std::move(body);
  put->access = std::move(access);
  put->answer = std::move(answer);
  // Writes arriving together share a commit. Their events go out once the
  // commit is durable, in the order of their sequence numbers, so no
  // subscriber hears of a change a crash could still undo.
  combinedThen([this, put]() { return storePut(*put); },
               [this, put, done = std::move(done)](const Status& s) {
                 if (!s.ok()) return done(s.error());
                 for (const auto& e : put->published) hub_.publish(e);
                 done(PutResult{put->obj.context.version, put->eventSeq, std::move(put->replayed)});
               });
}

Result<Platform::PutResult> Platform::putObject(const Caller& caller, const GroupId& group,
                                                const ObjectId& object,
                                                std::uint64_t expectedVersion,
                                                const crypto::Bytes& body, const AccessSpec& access,
                                                const AnswerRecord* answer) {
  std::promise<Result<PutResult>> stored;
  auto future = stored.get_future();
  putObject(caller, group, object, expectedVersion, body, access,
            answer != nullptr ? std::optional<AnswerRecord>(*answer) : std::nullopt,
            [&stored](Result<PutResult> r) { stored.set_value(std::move(r)); });
  return future.get();
}

void Platform::getObject(const Caller& caller, const GroupId& group, const ObjectId& object,
                         std::uint64_t version, std::function<void(Result<ObjectRead>)> done) {
  auto refuse = [&done](Error e) { done(std::move(e)); };
  if (Status s = authorize(Operation::GetObject, &caller, &group); !s.ok()) {
    return refuse(s.error());
  }
  // The reads need only the store's own lock; the audit entry below takes
  // ours again, on the commit lane, since log appends must be in order.
  auto head = store_.objectHead(group, object);
  if (!head) return refuse(head.error());
  if (!*head || (*head)->deleted) {
    return refuse(err(ErrorCode::NotFound, "object.not_found", "no such object"));
  }
  const ObjectHead& h = **head;
  if (!h.wholeGroup &&
      std::find(h.allowed.begin(), h.allowed.end(), caller.device) == h.allowed.end()) {
    return refuse(err(ErrorCode::PermissionDenied, "object.no_access",
                      "this device is not among those allowed to read the object"));
  }
  if (Status s = checkConsentRead(caller, group, h.caseId); !s.ok()) return refuse(s.error());
  const std::uint64_t v = version == 0 ? h.version : version;
  auto body = store_.objectBody(group, object, v);
  if (!body) return refuse(body.error());
  if (!*body) return refuse(err(ErrorCode::NotFound, "object.no_version", "no such version"));
  // Every read is on the record before the content leaves the server; reads
  // arriving together share one commit and one fsync.
  auto read = std::make_shared<ObjectRead>(std::move(**body), h);
  // A device's view of the log is the devices' own bookkeeping: its current
  // version, in the shape storePut holds it to (the writer's own id, for the
  // whole group, about no case, small), is read unlogged. Any other version,
  // or one of another shape (stored before the rule), is logged as usual.
  if (h.kind == kLogViewKind && v == h.version && h.author == h.creator &&
      object == crypto::logViewObjectId(h.creator) && h.wholeGroup && !h.caseId &&
      h.size <= kMaxLogViewBytes) {
    return done(std::move(*read));
  }
  combinedThen(
      [this, caller, group, object, v, caseId = h.caseId]() {
        return appendLog({v1::LOG_ENTRY_OBJECT_READ, nullptr, &caller.user, &caller.device, &group,
                          &object, v, caseOf(caseId)});
      },
      [read, done = std::move(done)](const Status& s) {
        if (!s.ok()) {
          done(s.error());
        } else {
          done(std::move(*read));
        }
      });
}

Result<Platform::ObjectRead> Platform::getObject(const Caller& caller, const GroupId& group,
                                                 const ObjectId& object, std::uint64_t version) {
  std::promise<Result<ObjectRead>> answer;
  auto future = answer.get_future();
  getObject(caller, group, object, version,
            [&answer](Result<ObjectRead> r) { answer.set_value(std::move(r)); });
  return future.get();
}

Result<std::vector<ObjectHead>> Platform::listObjects(const Caller& caller, const GroupId& group,
                                                      const std::string& kind,
                                                      const ObjectId* after, std::size_t limit) {
  std::lock_guard lock(mu_);
  SAMRAD_TRY(authorize(Operation::ListObjects, &caller, &group));
  SAMRAD_ASSIGN_OR_RETURN(auto all, store_.listObjects(group, kind, after, limit));
  std::vector<ObjectHead> visible;
  for (auto& h : all) {
    if (h.wholeGroup ||
        std::find(h.allowed.begin(), h.allowed.end(), caller.device) != h.allowed.end()) {
      visible.push_back(std::move(h));
    }
  }
  return visible;
}

Result<std::uint64_t> Platform::deleteObject(const Caller& caller, const GroupId& group,
                                             const ObjectId& object,
                                             std::uint64_t expectedVersion) {
  std::unique_lock lock(mu_);
  SAMRAD_TRY(authorize(Operation::DeleteObject, &caller, &group));
  SAMRAD_ASSIGN_OR_RETURN(const crypto::MembershipChain* chain, chainOf(group));
  SAMRAD_ASSIGN_OR_RETURN(auto g, store_.group(group));
  std::vector<EventRecord> published;
  SAMRAD_TRY(store_.transaction([&]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(auto head, store_.objectHead(group, object));
    if (!head || head->deleted)
      return err(ErrorCode::NotFound, "object.not_found", "no such object");
    // The object's creator, not whoever wrote its latest version: writing
    // a version of a shared object makes nobody its owner.
    bool own = false;
    if (const crypto::ChainMember* m = chain->state().memberOf(head->creator)) {
      own = m->certificate.user == caller.user;
    } else {
      SAMRAD_ASSIGN_OR_RETURN(auto creatorDevice, store_.device(head->creator));
      own = creatorDevice && creatorDevice->user == caller.user;
    }
    if (!own && !chain->state().isCoordinatorDevice(caller.device)) {
      return err(ErrorCode::PermissionDenied, "object.not_owner",
                 "only the one who created an object or the group's coordinator may delete it");
    }
    if (head->kind == kPersonTagKeyKind) {
      return err(ErrorCode::FailedPrecondition, "object.person_tag_key",
                 "the key for repeat checks is renewed by the coordinator's computer, never "
                 "deleted");
    }
    if (head->kind == kCaseRecordKind || head->kind == kConsentRecordKind) {
      return err(ErrorCode::FailedPrecondition, "object.case_record",
                 "a case's own records are not deleted one by one: close the case, and the "
                 "group's retention policy deletes them");
    }
    if (head->version != expectedVersion) {
      return err(ErrorCode::Aborted, "object.conflict",
                 "the object changed since you last read it");
    }
    SAMRAD_TRY(store_.deleteObject(group, object, head->version));
    SAMRAD_TRY(appendLog({v1::LOG_ENTRY_OBJECT_DELETED,
                          nullptr,
                          &caller.user,
                          &caller.device,
                          &group,
                          &object,
                          head->version,
                          {}}));
    return appendEvent(*g, EventKind::ObjectDeleted, object, head->version, head->kind, published);
  }));
  lock.unlock();  // listeners take their own locks: never call them holding ours
  SAMRAD_TRY(publishWhenDurable(published));
  return g->eventSeq;
}

Result<std::uint64_t> Platform::beginUpload(const Caller& caller, const GroupId& group,
                                            const ObjectId& id, std::uint64_t totalSize,
                                            std::uint64_t offset, const AccessSpec& access) {
  if (totalSize == 0 || totalSize > limits_.maxAttachmentBytes) {
    return err(
        ErrorCode::ResourceExhausted, "attachment.too_large",
        "an attachment is 1 byte to " + std::to_string(limits_.maxAttachmentBytes) + " bytes");
  }
  std::lock_guard lock(mu_);
  SAMRAD_TRY(authorize(Operation::UploadAttachment, &caller, &group));
  SAMRAD_ASSIGN_OR_RETURN(const crypto::MembershipChain* chain, chainOf(group));
  SAMRAD_ASSIGN_OR_RETURN(auto existing, store_.attachment(group, id));
  if (existing) {
    if (existing->uploader != caller.device) {
      return err(ErrorCode::AlreadyExists, "attachment.exists",
                 "another device is uploading or has uploaded this attachment");
    }
    if (existing->totalSize != totalSize) {
      return err(ErrorCode::InvalidArgument, "attachment.size_changed",
                 "a resumed upload must keep its total size");
    }
    if (existing->received == existing->totalSize) {
      return err(ErrorCode::AlreadyExists, "attachment.complete", "already fully uploaded");
    }
    if (offset != existing->received) {
      return err(ErrorCode::FailedPrecondition, "attachment.offset",
                 "resume from byte " + std::to_string(existing->received));
    }
    return existing->received;
  }
  if (offset != 0) {
    return err(ErrorCode::FailedPrecondition, "attachment.offset", "resume from byte 0");
  }
  if (!access.wholeGroup) {
    for (const auto& d : access.devices) {
      if (chain->state().device(d) == nullptr) {
        return err(ErrorCode::InvalidArgument, "object.bad_access",
                   "the access list names a device that is not in the group");
      }
    }
  }
  if (access.caseId) SAMRAD_TRY(checkConsentScope(group, *access.caseId, *chain, access));
  AttachmentRecord a;
  a.id = id;
  a.totalSize = totalSize;
  a.uploader = caller.device;
  a.wholeGroup = access.wholeGroup;
  a.allowed = access.devices;
  a.storedAt = clock_.now();
  a.caseId = access.caseId;
  SAMRAD_TRY(store_.transaction([&]() { return store_.insertAttachment(group, a); }));
  return std::uint64_t{0};
}

Result<std::uint64_t> Platform::uploadChunk(const Caller& caller, const GroupId& group,
                                            const ObjectId& id, std::uint64_t offset,
                                            const crypto::Bytes& data) {
  if (data.empty() || data.size() > limits_.maxAttachmentChunk) {
    return err(ErrorCode::InvalidArgument, "attachment.bad_chunk",
               "a chunk is 1 to " + std::to_string(limits_.maxAttachmentChunk) + " bytes");
  }
  std::lock_guard lock(mu_);
  SAMRAD_TRY(authorize(Operation::UploadAttachment, &caller, &group));
  SAMRAD_ASSIGN_OR_RETURN(auto a, store_.attachment(group, id));
  if (!a || a->uploader != caller.device) {
    return err(ErrorCode::FailedPrecondition, "attachment.not_started", "send the header first");
  }
  if (offset != a->received) {
    return err(ErrorCode::FailedPrecondition, "attachment.offset",
               "resume from byte " + std::to_string(a->received));
  }
  if (a->received + data.size() > a->totalSize) {
    return err(ErrorCode::InvalidArgument, "attachment.overflow",
               "more bytes than the announced total size");
  }
  SAMRAD_TRY(
      store_.transaction([&]() { return store_.appendAttachmentChunk(group, id, offset, data); }));
  return a->received + data.size();
}

Result<std::pair<std::uint64_t, std::uint64_t>> Platform::attachmentStatus(const Caller& caller,
                                                                           const GroupId& group,
                                                                           const ObjectId& id) {
  std::lock_guard lock(mu_);
  SAMRAD_TRY(authorize(Operation::GetAttachmentStatus, &caller, &group));
  SAMRAD_ASSIGN_OR_RETURN(auto a, store_.attachment(group, id));
  if (!a) return err(ErrorCode::NotFound, "attachment.not_found", "no such attachment");
  return std::make_pair(a->received, a->totalSize);
}

Result<std::uint64_t> Platform::openAttachment(const Caller& caller, const GroupId& group,
                                               const ObjectId& id) {
  std::lock_guard lock(mu_);
  SAMRAD_TRY(authorize(Operation::DownloadAttachment, &caller, &group));
  SAMRAD_ASSIGN_OR_RETURN(auto a, store_.attachment(group, id));
  if (!a || a->received != a->totalSize) {
    return err(ErrorCode::NotFound, "attachment.not_found", "no complete attachment by that id");
  }
  if (!a->wholeGroup &&
      std::find(a->allowed.begin(), a->allowed.end(), caller.device) == a->allowed.end()) {
    return err(ErrorCode::PermissionDenied, "object.no_access",
               "this device is not among those allowed to read the attachment");
  }
  SAMRAD_TRY(checkConsentRead(caller, group, a->caseId));
  SAMRAD_TRY(store_.transaction([&]() {
    return appendLog({v1::LOG_ENTRY_OBJECT_READ, nullptr, &caller.user, &caller.device, &group, &id,
                      0, caseOf(a->caseId)});
  }));
  return a->totalSize;
}

Result<std::vector<std::pair<std::uint64_t, crypto::Bytes>>> Platform::readAttachment(
    const Caller& caller, const GroupId& group, const ObjectId& id, std::uint64_t offset,
    std::size_t maxBytes) {
  std::lock_guard lock(mu_);
  SAMRAD_TRY(authorize(Operation::DownloadAttachment, &caller, &group));
  // Access is checked on every chunk: a consent withdrawn mid-download stops it.
  SAMRAD_ASSIGN_OR_RETURN(auto a, store_.attachment(group, id));
  if (!a) return err(ErrorCode::NotFound, "attachment.not_found", "no such attachment");
  if (!a->wholeGroup &&
      std::find(a->allowed.begin(), a->allowed.end(), caller.device) == a->allowed.end()) {
    return err(ErrorCode::PermissionDenied, "object.no_access",
               "this device is not among those allowed to read the attachment");
  }
  SAMRAD_TRY(checkConsentRead(caller, group, a->caseId));
  return store_.attachmentChunks(group, id, offset, maxBytes);
}

Status Platform::deleteAttachment(const Caller& caller, const GroupId& group, const ObjectId& id) {
  std::lock_guard lock(mu_);
  SAMRAD_TRY(authorize(Operation::DeleteAttachment, &caller, &group));
  SAMRAD_ASSIGN_OR_RETURN(const crypto::MembershipChain* chain, chainOf(group));
  SAMRAD_ASSIGN_OR_RETURN(auto a, store_.attachment(group, id));
  if (!a) return err(ErrorCode::NotFound, "attachment.not_found", "no such attachment");
  const crypto::ChainMember* uploader = chain->state().memberOf(a->uploader);
  const bool own = uploader != nullptr && uploader->certificate.user == caller.user;
  if (!own && !chain->state().isCoordinatorDevice(caller.device)) {
    return err(ErrorCode::PermissionDenied, "object.not_owner",
               "only the uploader or the group's coordinator may delete an attachment");
  }
  return store_.transaction([&]() -> Status {
    SAMRAD_TRY(store_.deleteAttachment(group, id));
    return appendLog(
        {v1::LOG_ENTRY_OBJECT_DELETED, nullptr, &caller.user, &caller.device, &group, &id, 0, {}});
  });
}

Result<std::vector<EventRecord>> Platform::eventsAfter(const Caller& caller, const GroupId& group,
                                                       std::uint64_t afterSeq, std::size_t limit) {
  std::lock_guard lock(mu_);
  SAMRAD_TRY(authorize(Operation::Subscribe, &caller, &group));
  // Only what has been announced: a stored event whose commit is not yet on
  // disk could still be undone by a crash, and its number given to another
  // event that a client which saw the first would then never fetch. The
  // rest reaches a live stream when it is published.
  const std::optional<std::uint64_t> through = hub_.announcedThrough(group);
  SAMRAD_ASSIGN_OR_RETURN(auto events, store_.eventsAfter(group, afterSeq, limit));
  while (through && !events.empty() && events.back().seq > *through) events.pop_back();
  return events;
}

bool Platform::isMemberDevice(const GroupId& group, const DeviceId& device) {
  std::lock_guard lock(mu_);
  auto chain = chainOf(group);
  return chain.ok() && *chain != nullptr && (*chain)->state().device(device) != nullptr;
}

Result<std::optional<crypto::Bytes>> Platform::replay(const Caller& caller,
                                                      const crypto::Bytes& key,
                                                      const std::string& method) {
  if (key.empty()) return std::optional<crypto::Bytes>{};
  SAMRAD_TRY(checkIdempotencyKey(key));
  std::lock_guard lock(mu_);
  return store_.idempotentResponse(caller.device, key, method);
}

Status Platform::checkIdempotencyKey(const crypto::Bytes& key) {
  if (!key.empty() && (key.size() < 16 || key.size() > 64)) {
    return err(ErrorCode::InvalidArgument, "request.bad_idempotency_key",
               "an idempotency key is 16-64 bytes");
  }
  return okStatus();
}

Status Platform::remember(const Caller& caller, const crypto::Bytes& key, const std::string& method,
                          const crypto::Bytes& response) {
  if (key.empty()) return okStatus();
  return combined([&]() {
    return store_.saveIdempotentResponse(caller.device, key, method, response, clock_.now());
  });
}

}  // namespace samrad::server::domain
