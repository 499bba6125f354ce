#include "samrad/client/workspace.h"

#include <chrono>

#include "samrad/crypto/certificates.h"
#include "samrad/crypto/secure.h"

namespace samrad::client {

Result<std::unique_ptr<Workspace>> Workspace::create(const std::filesystem::path& dir,
                                                     crypto::ByteView passphrase,
                                                     const KdfParams& params) {
  if (passphrase.size() < 10) {
    return Error(ErrorCode::InvalidArgument, "workspace.weak_passphrase",
                 "choose a passphrase of at least 10 characters");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto store, KeyStore::create(dir, passphrase, params));
  return std::unique_ptr<Workspace>(new Workspace(dir, std::move(store)));
}

Result<std::unique_ptr<Workspace>> Workspace::unlock(const std::filesystem::path& dir,
                                                     crypto::ByteView passphrase) {
  SAMRAD_ASSIGN_OR_RETURN(auto store, KeyStore::open(dir, passphrase));
  std::unique_ptr<Workspace> w(new Workspace(dir, std::move(store)));
  SAMRAD_ASSIGN_OR_RETURN(w->profile_, loadProfile(*w->store_));
  return w;
}

Status Workspace::initProfile(const crypto::AgencyId& agency, crypto::UserRole role,
                              const crypto::SigningPublicKey& agencyRoot,
                              const std::string& agencyName) {
  profile_.agency = agency;
  profile_.role = role;
  profile_.device.userCertificate = {};
  profile_.device.deviceCertificate = {};
  profile_.enrolled = false;
  profile_.pin(agency, agencyRoot);
  if (!agencyName.empty()) {
    profile_.agencyNames[agency] = agencyName;
  }
  return saveProfile();
}

Status Workspace::enrol(const ServerEndpoint& endpoint, const crypto::Envelope& userCertificate,
                        const std::string& code, std::int64_t now) {
  auto& p = profile_;
  SAMRAD_ASSIGN_OR_RETURN(auto cert,
                          crypto::verifyUserCertificate(userCertificate, p.roots, now, {}));
  if (cert.user != p.device.user || cert.identityKey != p.device.identity.publicKey()) {
    return Error(ErrorCode::InvalidArgument, "profile.foreign_certificate",
                 "this certificate is for someone else");
  }
  p.device.userCertificate = userCertificate;
  p.device.deviceCertificate = crypto::issueDeviceCertificate(
      p.device.identity,
      {p.device.device, p.device.user, p.device.signing.publicKey(), p.device.box.publicKey(),
       now - crypto::kClockSkewSeconds, cert.validUntil});
  SAMRAD_TRY(connect(endpoint, false));
  SAMRAD_TRY(server_->enrollDevice(code, p.device.deviceCertificate.serialize()));
  SAMRAD_TRY(server_->login(p.device.device, p.device.signing));
  p.enrolled = true;
  p.serverId = server_->serverIdSeen();  // from now on, this server only
  return saveProfile();
}

Status Workspace::connect(const ServerEndpoint& endpoint, bool login) {
  SAMRAD_ASSIGN_OR_RETURN(auto channel, openChannel(endpoint));
  auto server = std::make_unique<PlatformClient>(channel);
  if (login) {
    if (!profile_.enrolled) {
      return Error(ErrorCode::FailedPrecondition, "profile.not_enrolled",
                   "this device is not enrolled yet: enrol it with the certificate and the "
                   "one-time code from your agency administrator");
    }
    if (!profile_.serverId.empty()) server->expectServer(profile_.serverId);
    SAMRAD_TRY(server->login(profile_.device.device, profile_.device.signing));
    if (profile_.serverId.empty()) {
      // Enrolled before the id was kept: the server it logs in to now.
      profile_.serverId = server->serverIdSeen();
      SAMRAD_TRY(saveProfile());
    }
  }
  server_ = std::move(server);
  return okStatus();
}

Status Workspace::openGroup(std::chrono::milliseconds wait) {
  if (!profile_.group) {
    return Error(ErrorCode::FailedPrecondition, "profile.no_group",
                 "this profile belongs to no group yet: the coordinator adds you with your "
                 "member card");
  }
  if (!server_) {
    return Error(ErrorCode::FailedPrecondition, "workspace.not_connected",
                 "connect to the server first");
  }
  SAMRAD_TRY(openBooks());
  SAMRAD_TRY(replica_->refreshChain(*server_));
  SAMRAD_TRY(replica_->pull(*server_, wait));
  SAMRAD_TRY(enforceRevocations());
  return checkWitnessPolicy();
}

Status Workspace::openFromCopy(const ServerEndpoint& endpoint) {
  if (!profile_.enrolled) {
    return Error(ErrorCode::FailedPrecondition, "profile.not_enrolled",
                 "this device is not enrolled yet: enrol it with the certificate and the "
                 "one-time code from your agency administrator");
  }
  if (!profile_.group) {
    return Error(ErrorCode::FailedPrecondition, "profile.no_group",
                 "this profile belongs to no group yet: the coordinator adds you with your "
                 "member card");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto channel, openChannel(endpoint));
  auto server = std::make_unique<PlatformClient>(channel);
  if (!profile_.serverId.empty()) server->expectServer(profile_.serverId);
  server->loginWhenReachable(profile_.device.device, profile_.device.signing);
  server_ = std::move(server);
  SAMRAD_TRY(openBooks());
  if (replica_->chain().empty()) {
    replica_.reset();
    return Error(ErrorCode::Unavailable, "workspace.no_copy",
                 "the server cannot be reached and this computer holds no copy of the group yet");
  }
  return okStatus();
}

Status Workspace::openBooks() {
  // The replica and the advice inbox each keep their own copy of the device.
  SAMRAD_ASSIGN_OR_RETURN(auto forReplica, loadProfile(*store_));
  SAMRAD_ASSIGN_OR_RETURN(auto forInbox, loadProfile(*store_));
  device_ = std::move(forInbox.device);
  SAMRAD_ASSIGN_OR_RETURN(
      replica_, GroupReplica::open(store_->database(), std::move(forReplica.device), profile_.roots,
                                   *profile_.group, profile_.logKey));
  const auto& user = profile_.device.user;
  cases_ = std::make_unique<CaseBook>(*replica_, profile_.agency, user);
  meetings_ = std::make_unique<MeetingBook>(*replica_, *cases_, profile_.agency, user);
  consent_ = std::make_unique<ConsentBook>(*replica_, *cases_, *server_, profile_.agency, user);
  advice_ = std::make_unique<AdviceInbox>(*replica_, *server_, device_, profile_.roots);
  followUps_ = std::make_unique<FollowUpBook>(*replica_, *cases_);
  return okStatus();
}

Status Workspace::send() {
  SAMRAD_ASSIGN_OR_RETURN(auto r, replica_->push(*server_));
  if (r.waiting > 0) {
    return Error(ErrorCode::Unavailable, "sync.waiting",
                 "the server could not be reached; the change is kept and sent next time");
  }
  if (r.conflicts > 0 || r.refused > 0) {
    const auto all = replica_->conflicts();
    const std::string why = all.empty() || all.back().refusedReason.empty()
                                ? "someone else saved a newer version first"
                                : all.back().refusedReason;
    return Error(ErrorCode::Aborted, "sync.conflict",
                 "the change was not saved: " + why + "; your text is kept as a conflict");
  }
  return okStatus();
}

Status Workspace::sync(std::chrono::milliseconds wait) {
  SAMRAD_TRY(send());
  SAMRAD_TRY(replica_->refreshChain(*server_));
  SAMRAD_TRY(replica_->pull(*server_, wait));
  SAMRAD_TRY(enforceRevocations());
  return checkWitnessPolicy();
}

Status Workspace::enforceRevocations() {
  SAMRAD_TRY(replica_->refreshRevocations(*server_));
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  // What cannot be done now (another coordinator's device was quicker, the
  // connection dropped) is tried again at the next sync; the sync itself
  // stands. A verification failure stops the group as always.
  const auto keep = [this](const Error& e) -> Status {
    if (e.code() == ErrorCode::DataLoss) return e;
    exclusionProblem_ = e;
    return okStatus();
  };
  auto done = replica_->excludeUnusable(*server_, now);
  if (!done) return keep(done.error());
  if (auto mended = replica_->ensureEpochKeys(*server_, now); !mended) return keep(mended.error());
  exclusionProblem_.reset();
  for (auto& e : *done) exclusions_.push_back(std::move(e));
  // An open advice intake follows the group's epoch (out of a removed
  // member's reach) and is signed anew every week, so requesters can refuse
  // a stale one; the coordinator's computer does it, at the next sync if not now.
  if (auto moved = advice_->refreshIntake(now);
      !moved && moved.error().code() == ErrorCode::DataLoss) {
    return moved.error();
  }
  // The key for repeat checks follows who may hold it: new member devices
  // get it, and it is renewed (the server re-keying the tags) once one that
  // held it may no longer. Last, so nothing above waits on it; what fails
  // is tried again at the next sync.
  if (auto tags = replica_->ensurePersonTagKey(*server_, now);
      !tags && tags.error().code() == ErrorCode::DataLoss) {
    return tags.error();
  }
  return okStatus();
}

Status Workspace::checkWitnessPolicy() {
  const auto policy = witnessPolicy(*replica_);
  if (!policy || policy->agencies == 0) {
    witnesses_.reset();
    return okStatus();
  }
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  auto checked = checkWitnesses(*replica_, *server_, *policy, now);
  if (!checked) {
    // A forged cosignature stops the group; an unreachable server keeps the
    // last result until the next sync.
    if (checked.error().code() == ErrorCode::DataLoss) return checked.error();
    return okStatus();
  }
  witnesses_ = *checked;
  return okStatus();
}

std::vector<crypto::ChainDevice> Workspace::awaitingExclusion() const {
  if (!replica_) return {};
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  return replica_->unusableDevices(now);
}

std::vector<RepeatFlag> Workspace::repeatFlags() {
  if (!replica_ || !server_ || !isCoordinator()) return {};
  if (auto flags = cases_->repeatFlags(*server_)) repeatFlags_ = std::move(flags).value();
  return repeatFlags_;
}

Result<StatsInput> Workspace::statisticsInput() {
  StatsInput in;
  in.cases = cases_->cases();
  in.meetings = meetings_->meetings();
  in.actions = meetings_->actions();
  in.followUps = followUps_->all();
  SAMRAD_ASSIGN_OR_RETURN(in.advice, advice_->requests());
  return in;
}

Status Workspace::saveProfile() {
  return client::saveProfile(*store_, profile_);
}

const crypto::GroupState* Workspace::group() const {
  return replica_ ? &replica_->chain().state() : nullptr;
}

std::optional<crypto::GroupRole> Workspace::groupRole() const {
  const auto* g = group();
  if (g == nullptr) {
    return std::nullopt;
  }
  const auto it = g->members.find(profile_.device.user);
  if (it == g->members.end()) {
    return std::nullopt;
  }
  return it->second.role;
}

bool Workspace::isCoordinator() const {
  return groupRole() == crypto::GroupRole::Coordinator;
}

std::string Workspace::agencyName(const crypto::AgencyId& agency) const {
  if (const auto it = profile_.agencyNames.find(agency); it != profile_.agencyNames.end()) {
    return it->second;
  }
  return crypto::toHex(agency.view()).substr(0, 8);
}

}  // namespace samrad::client
