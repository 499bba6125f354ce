#include "samrad/client/platform_client.h"

#include <grpc/grpc_security_constants.h>
#include <grpcpp/grpcpp.h>

#include "samrad/crypto/login.h"
#include "samrad/v1/advice.grpc.pb.h"
#include "samrad/v1/auth.grpc.pb.h"
#include "samrad/v1/cases.grpc.pb.h"
#include "samrad/v1/consent.grpc.pb.h"
#include "samrad/v1/enrollment.grpc.pb.h"
#include "samrad/v1/groups.grpc.pb.h"
#include "samrad/v1/log.grpc.pb.h"
#include "samrad/v1/objects.grpc.pb.h"
#include "samrad/v1/sync.grpc.pb.h"

namespace samrad::client {
namespace {

using crypto::Bytes;

crypto::ByteView view(const std::string& s) {
  return crypto::asBytes(s);
}
Bytes bytes(const std::string& s) {
  return {s.begin(), s.end()};
}
std::string str(crypto::ByteView b) {
  return {reinterpret_cast<const char*>(b.data()), b.size()};
}

Error fromStatus(const grpc::Status& s) {
  return errorFromStatus(static_cast<int>(s.error_code()), s.error_message());
}

}  // namespace

Error errorFromStatus(int code, const std::string& message) {
  ErrorCode c = ErrorCode::Internal;
  switch (static_cast<grpc::StatusCode>(code)) {
    case grpc::StatusCode::INVALID_ARGUMENT:
      c = ErrorCode::InvalidArgument;
      break;
    case grpc::StatusCode::NOT_FOUND:
      c = ErrorCode::NotFound;
      break;
    case grpc::StatusCode::ALREADY_EXISTS:
      c = ErrorCode::AlreadyExists;
      break;
    case grpc::StatusCode::FAILED_PRECONDITION:
      c = ErrorCode::FailedPrecondition;
      break;
    case grpc::StatusCode::ABORTED:
      c = ErrorCode::Aborted;
      break;
    case grpc::StatusCode::PERMISSION_DENIED:
      c = ErrorCode::PermissionDenied;
      break;
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      c = ErrorCode::ResourceExhausted;
      break;
    case grpc::StatusCode::UNAUTHENTICATED:
      c = ErrorCode::Unauthenticated;
      break;
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      c = ErrorCode::Unavailable;
      break;
    default:
      break;
  }
  // Server messages read "reason: explanation".
  const auto colon = message.find(": ");
  const bool hasReason = colon != std::string::npos && colon < 64 && message.find(' ') > colon &&
                         message.find('.') < colon;
  if (hasReason) return Error(c, message.substr(0, colon), message.substr(colon + 2));
  return Error(c, c == ErrorCode::Unavailable ? "rpc.unavailable" : "rpc.error", message);
}

struct PlatformClient::Stubs {
  std::unique_ptr<v1::EnrollmentService::Stub> enrollment;
  std::unique_ptr<v1::AuthService::Stub> auth;
  std::unique_ptr<v1::GroupService::Stub> groups;
  std::unique_ptr<v1::ObjectService::Stub> objects;
  std::unique_ptr<v1::SyncService::Stub> sync;
  std::unique_ptr<v1::LogService::Stub> log;
  std::unique_ptr<v1::ConsentService::Stub> consent;
  std::unique_ptr<v1::CaseService::Stub> cases;
  std::unique_ptr<v1::AdviceService::Stub> advice;
};

PlatformClient::PlatformClient(std::shared_ptr<grpc::Channel> channel,
                               std::chrono::milliseconds timeout)
    : stubs_(std::make_unique<Stubs>()), timeout_(timeout) {
  stubs_->enrollment = v1::EnrollmentService::NewStub(channel);
  stubs_->auth = v1::AuthService::NewStub(channel);
  stubs_->groups = v1::GroupService::NewStub(channel);
  stubs_->objects = v1::ObjectService::NewStub(channel);
  stubs_->sync = v1::SyncService::NewStub(channel);
  stubs_->log = v1::LogService::NewStub(channel);
  stubs_->consent = v1::ConsentService::NewStub(channel);
  stubs_->cases = v1::CaseService::NewStub(channel);
  stubs_->advice = v1::AdviceService::NewStub(channel);
}

PlatformClient::~PlatformClient() = default;

void PlatformClient::prepare(grpc::ClientContext& ctx) {
  const auto now = std::chrono::system_clock::now();
  std::optional<crypto::DeviceId> device;
  std::optional<Result<crypto::SigningKeyPair>> key;
  {
    std::lock_guard lock(sessionMu_);
    if (!renewing_ && renewKey_ && now >= renewAt_) {
      renewing_ = true;
      device = renewDevice_;
      key.emplace(crypto::SigningKeyPair::fromSeed(renewKey_->seed().view()));
    }
  }
  if (device) {
    // A failed renewal (the server is away) is retried before the next call;
    // this call goes out with the token it has and meets what it meets.
    if (key->ok()) (void)login(*device, key->value());
    std::lock_guard lock(sessionMu_);
    renewing_ = false;
  }
  ctx.set_deadline(now + timeout_);
  std::lock_guard lock(sessionMu_);
  if (!token_.empty()) ctx.AddMetadata("authorization", "Bearer " + token_);
}

Result<std::string> PlatformClient::bootstrapAgency(const std::string& operatorToken,
                                                    const crypto::AgencyId& agency, int kind,
                                                    const crypto::SigningPublicKey& root,
                                                    const Bytes& adminCertificate) {
  grpc::ClientContext ctx;
  prepare(ctx);
  ctx.AddMetadata("x-samrad-operator", operatorToken);
  v1::BootstrapAgencyRequest req;
  req.set_agency_id(agency.str());
  req.set_kind(static_cast<v1::AgencyKind>(kind));
  req.set_root_public_key(str(root.view()));
  req.set_administrator_certificate(str(adminCertificate));
  v1::BootstrapAgencyResponse resp;
  auto s = stubs_->enrollment->BootstrapAgency(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return resp.enrollment_code();
}

Result<Bytes> PlatformClient::enrollDevice(const std::string& code, const Bytes& deviceCert) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::EnrollDeviceRequest req;
  req.set_enrollment_code(code);
  req.set_device_certificate(str(deviceCert));
  v1::EnrollDeviceResponse resp;
  auto s = stubs_->enrollment->EnrollDevice(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return bytes(resp.user_certificate());
}

namespace {

// SHA-256 of the TLS certificate the server showed on this call.
Result<crypto::Hash> peerCertificateDigest(const grpc::ClientContext& ctx) {
  const auto auth = ctx.auth_context();
  const auto pems = auth ? auth->FindPropertyValues(GRPC_X509_PEM_CERT_PROPERTY_NAME)
                         : std::vector<grpc::string_ref>{};
  if (pems.empty()) {
    return Error(ErrorCode::Unavailable, "auth.no_server_certificate",
                 "the connection to the server shows no TLS certificate");
  }
  return crypto::tlsCertificateDigest(std::string_view(pems.front().data(), pems.front().size()));
}

}  // namespace

Status PlatformClient::login(const crypto::DeviceId& device, const crypto::SigningKeyPair& key) {
  v1::Challenge challenge;
  crypto::Hash tlsCertificate;
  {
    grpc::ClientContext ctx;
    prepare(ctx);
    v1::GetChallengeRequest req;
    req.set_device_id(device.str());
    auto s = stubs_->auth->GetChallenge(&ctx, req, &challenge);
    if (!s.ok()) return fromStatus(s);
    // The certificate of the server this device is talking to: the
    // signature names it, so a relay that passes another server's challenge
    // on gets a signature that server refuses.
    SAMRAD_ASSIGN_OR_RETURN(tlsCertificate, peerCertificateDigest(ctx));
  }
  {
    std::lock_guard lock(sessionMu_);
    if (expectedServer_ && *expectedServer_ != challenge.server_id()) {
      return Error(ErrorCode::PermissionDenied, "auth.wrong_server",
                   "this is not the Samråd server this device was enrolled with; check the "
                   "server address, or ask your agency administrator");
    }
    serverIdSeen_ = challenge.server_id();
  }
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::LoginRequest req;
  req.set_device_id(device.str());
  req.set_challenge(challenge.challenge());
  const auto sig = key.sign(crypto::loginMessage(view(challenge.server_id()), tlsCertificate,
                                                 device, view(challenge.challenge())));
  req.set_signature(str(sig));
  v1::Session session;
  auto s = stubs_->auth->Login(&ctx, req, &session);
  if (!s.ok()) return fromStatus(s);
  // The Login call went over a connection showing the certificate that was
  // signed: otherwise whoever answered it (a connection cut and taken over
  // between the two calls) gets no use of this session from this device.
  if (auto seen = peerCertificateDigest(ctx); !seen || !(*seen == tlsCertificate)) {
    return Error(ErrorCode::Unavailable, "auth.connection_changed",
                 "the connection to the server changed during the login; try again");
  }
  auto copy = crypto::SigningKeyPair::fromSeed(key.seed().view());
  if (!copy) return copy.error();
  std::lock_guard lock(sessionMu_);
  token_ = session.token();
  renewDevice_ = device;
  renewKey_.emplace(std::move(copy).value());
  // Renew two minutes before the end (an older server that does not say
  // how long: after 13 minutes, its fixed lifetime less two).
  const std::int64_t lifetime = session.lifetime_seconds() > 0 ? session.lifetime_seconds() : 900;
  renewAt_ = std::chrono::system_clock::now() +
             std::chrono::seconds(std::max<std::int64_t>(lifetime - 120, lifetime / 2));
  return okStatus();
}

void PlatformClient::loginWhenReachable(const crypto::DeviceId& device,
                                        const crypto::SigningKeyPair& deviceKey) {
  auto copy = crypto::SigningKeyPair::fromSeed(deviceKey.seed().view());
  if (!copy) return;
  std::lock_guard lock(sessionMu_);
  renewDevice_ = device;
  renewKey_.emplace(std::move(copy).value());
  renewAt_ = {};  // due now
}

void PlatformClient::expectServer(const crypto::Bytes& serverId) {
  std::lock_guard lock(sessionMu_);
  expectedServer_ = str(serverId);
}

crypto::Bytes PlatformClient::serverIdSeen() const {
  std::lock_guard lock(sessionMu_);
  return {serverIdSeen_.begin(), serverIdSeen_.end()};
}

Status PlatformClient::registerUser(const Bytes& userCertificate) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::RegisterUserRequest req;
  req.set_user_certificate(str(userCertificate));
  v1::RegisterUserResponse resp;
  auto s = stubs_->enrollment->RegisterUser(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return okStatus();
}

Result<std::string> PlatformClient::issueEnrollmentCode(const crypto::UserId& user) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::IssueEnrollmentCodeRequest req;
  req.set_user_id(user.str());
  v1::IssueEnrollmentCodeResponse resp;
  auto s = stubs_->enrollment->IssueEnrollmentCode(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return resp.enrollment_code();
}

Result<std::int64_t> PlatformClient::revokeDevice(const crypto::DeviceId& device) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::RevokeDeviceRequest req;
  req.set_device_id(device.str());
  v1::RevokeDeviceResponse resp;
  auto s = stubs_->enrollment->RevokeDevice(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return resp.revoked_at();
}

Result<std::int64_t> PlatformClient::revokeUser(const crypto::UserId& user) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::RevokeUserRequest req;
  req.set_user_id(user.str());
  v1::RevokeUserResponse resp;
  auto s = stubs_->enrollment->RevokeUser(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return resp.revoked_at();
}

Result<Bytes> PlatformClient::createGroup(const Bytes& genesis, const Bytes& idempotencyKey) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::CreateGroupRequest req;
  req.set_genesis_link(str(genesis));
  req.mutable_idempotency()->set_key(str(idempotencyKey));
  v1::CreateGroupResponse resp;
  auto s = stubs_->groups->CreateGroup(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return bytes(resp.chain_head());
}

Result<std::uint64_t> PlatformClient::appendLink(const crypto::GroupId& group, const Bytes& link,
                                                 const Bytes& idempotencyKey) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::AppendLinkRequest req;
  req.set_group_id(group.str());
  req.set_link(str(link));
  req.mutable_idempotency()->set_key(str(idempotencyKey));
  v1::AppendLinkResponse resp;
  auto s = stubs_->groups->AppendLink(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return resp.seq();
}

Result<std::vector<Bytes>> PlatformClient::getChain(const crypto::GroupId& group,
                                                    std::uint64_t fromSeq) {
  std::vector<Bytes> out;
  for (;;) {
    grpc::ClientContext ctx;
    prepare(ctx);
    v1::GetChainRequest req;
    req.set_group_id(group.str());
    req.set_from_seq(fromSeq + out.size());
    v1::Chain resp;
    auto s = stubs_->groups->GetChain(&ctx, req, &resp);
    if (!s.ok()) return fromStatus(s);
    for (const auto& l : resp.links()) out.push_back(bytes(l));
    if (!resp.more()) break;
  }
  return out;
}

Status PlatformClient::putEpochKeys(const crypto::GroupId& group, const Bytes& bundle) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::PutEpochKeysRequest req;
  req.set_group_id(group.str());
  req.set_bundle(str(bundle));
  v1::PutEpochKeysResponse resp;
  auto s = stubs_->groups->PutEpochKeys(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return okStatus();
}

Result<std::pair<std::uint64_t, Bytes>> PlatformClient::getEpochKeys(const crypto::GroupId& group,
                                                                     std::uint64_t epoch) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::GetEpochKeysRequest req;
  req.set_group_id(group.str());
  req.set_epoch(epoch);
  v1::EpochKeys resp;
  auto s = stubs_->groups->GetEpochKeys(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return std::make_pair(resp.epoch(), bytes(resp.bundle()));
}

Result<PutResult> PlatformClient::putObject(const crypto::GroupId& group,
                                            const crypto::ObjectId& object,
                                            std::uint64_t expectedVersion, const Bytes& encrypted,
                                            const std::vector<crypto::DeviceId>& onlyDevices,
                                            const Bytes& idempotencyKey,
                                            const std::optional<crypto::CaseId>& caseId) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::PutObjectRequest req;
  req.set_group_id(group.str());
  req.set_object_id(object.str());
  req.set_expected_version(expectedVersion);
  req.set_object(str(encrypted));
  if (onlyDevices.empty()) {
    req.mutable_access()->set_whole_group(true);
  } else {
    for (const auto& d : onlyDevices)
      req.mutable_access()->mutable_devices()->add_device_ids(d.str());
  }
  req.mutable_idempotency()->set_key(str(idempotencyKey));
  if (caseId) req.set_case_id(caseId->str());
  v1::PutObjectResponse resp;
  auto s = stubs_->objects->PutObject(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return PutResult{resp.version(), resp.event_seq()};
}

Result<Bytes> PlatformClient::getObject(const crypto::GroupId& group,
                                        const crypto::ObjectId& object, std::uint64_t version) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::GetObjectRequest req;
  req.set_group_id(group.str());
  req.set_object_id(object.str());
  req.set_version(version);
  v1::StoredObject resp;
  auto s = stubs_->objects->GetObject(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return bytes(resp.object());
}

Result<std::uint64_t> PlatformClient::deleteObject(const crypto::GroupId& group,
                                                   const crypto::ObjectId& object,
                                                   std::uint64_t expectedVersion) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::DeleteObjectRequest req;
  req.set_group_id(group.str());
  req.set_object_id(object.str());
  req.set_expected_version(expectedVersion);
  v1::DeleteObjectResponse resp;
  auto s = stubs_->objects->DeleteObject(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return resp.event_seq();
}

Result<PlatformClient::Receipt> PlatformClient::uploadAttachment(
    const crypto::GroupId& group, const crypto::ObjectId& id, const Bytes& cipher,
    std::uint64_t from, std::uint64_t until, const std::vector<crypto::DeviceId>& onlyDevices,
    const std::optional<crypto::CaseId>& caseId) {
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + timeout_ * 6);
  if (!token_.empty()) ctx.AddMetadata("authorization", "Bearer " + token_);
  v1::AttachmentReceipt receipt;
  auto writer = stubs_->objects->UploadAttachment(&ctx, &receipt);
  v1::AttachmentUpload msg;
  auto* h = msg.mutable_header();
  h->set_group_id(group.str());
  h->set_attachment_id(id.str());
  h->set_total_size(cipher.size());
  h->set_offset(from);
  for (const auto& d : onlyDevices) h->mutable_access()->mutable_devices()->add_device_ids(d.str());
  if (caseId) h->set_case_id(caseId->str());
  bool ok = writer->Write(msg);
  const std::uint64_t end =
      until == 0 ? cipher.size() : std::min<std::uint64_t>(until, cipher.size());
  constexpr std::size_t kChunk = 64 * 1024;
  for (std::uint64_t at = from; ok && at < end; at += kChunk) {
    const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(kChunk, end - at));
    v1::AttachmentUpload data;
    data.set_data(cipher.data() + at, n);
    ok = writer->Write(data);
  }
  writer->WritesDone();
  auto s = writer->Finish();
  if (!s.ok()) return fromStatus(s);
  return Receipt{receipt.received(), receipt.complete()};
}

Result<PlatformClient::Receipt> PlatformClient::attachmentStatus(const crypto::GroupId& group,
                                                                 const crypto::ObjectId& id) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::AttachmentStatusRequest req;
  req.set_group_id(group.str());
  req.set_attachment_id(id.str());
  v1::AttachmentReceipt resp;
  auto s = stubs_->objects->GetAttachmentStatus(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return Receipt{resp.received(), resp.complete()};
}

Result<Bytes> PlatformClient::downloadAttachment(const crypto::GroupId& group,
                                                 const crypto::ObjectId& id, std::uint64_t offset) {
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + timeout_ * 6);
  if (!token_.empty()) ctx.AddMetadata("authorization", "Bearer " + token_);
  v1::DownloadAttachmentRequest req;
  req.set_group_id(group.str());
  req.set_attachment_id(id.str());
  req.set_offset(offset);
  auto reader = stubs_->objects->DownloadAttachment(&ctx, req);
  Bytes out;
  v1::AttachmentData d;
  while (reader->Read(&d)) {
    if (d.offset() != offset + out.size()) {
      ctx.TryCancel();
      (void)reader->Finish();
      return Error(ErrorCode::DataLoss, "attachment.gap",
                   "the server skipped part of the attachment");
    }
    out.insert(out.end(), d.data().begin(), d.data().end());
  }
  auto s = reader->Finish();
  if (!s.ok()) return fromStatus(s);
  return out;
}

Result<std::string> PlatformClient::logVerifierKey() {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::VerifierKey resp;
  auto s = stubs_->log->GetVerifierKey(&ctx, {}, &resp);
  if (!s.ok()) return fromStatus(s);
  return resp.vkey();
}

namespace {
void select(const crypto::LogId& log, v1::LogSelector* sel) {
  if (log.kind == crypto::LogId::Kind::Legacy) sel->set_legacy(true);
  if (log.kind == crypto::LogId::Kind::Group) sel->set_group_id(log.group.str());
}
}  // namespace

Result<std::pair<std::string, std::uint64_t>> PlatformClient::checkpoint(const crypto::LogId& log) {
  SAMRAD_ASSIGN_OR_RETURN(auto cp, checkpoints(log));
  return std::make_pair(std::move(cp.note), cp.size);
}

Result<PlatformClient::Checkpoints> PlatformClient::checkpoints(const crypto::LogId& log) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::GetCheckpointRequest req;
  select(log, req.mutable_log());
  v1::SignedCheckpoint resp;
  auto s = stubs_->log->GetCheckpoint(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return Checkpoints{resp.note(), resp.size(), resp.witness_note(), resp.witness_size()};
}

Result<std::size_t> PlatformClient::addCosignature(const crypto::LogId& log, std::uint64_t size,
                                                   crypto::ByteView cosignature) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::AddCosignatureRequest req;
  select(log, req.mutable_log());
  req.set_size(size);
  req.set_cosignature(cosignature.data(), cosignature.size());
  v1::AddCosignatureResponse resp;
  auto s = stubs_->log->AddCosignature(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return static_cast<std::size_t>(resp.agencies());
}

Result<std::pair<std::string, std::uint64_t>> PlatformClient::witnessedCheckpoint(
    const crypto::LogId& log, std::uint32_t agencies) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::GetWitnessedCheckpointRequest req;
  select(log, req.mutable_log());
  req.set_min_agencies(agencies);
  v1::SignedCheckpoint resp;
  auto s = stubs_->log->GetWitnessedCheckpoint(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return std::make_pair(resp.note(), resp.size());
}

namespace {
Result<std::vector<crypto::Hash>> hashesOf(const v1::Proof& p) {
  std::vector<crypto::Hash> out;
  for (const auto& h : p.hashes()) {
    SAMRAD_ASSIGN_OR_RETURN(auto hash, crypto::Hash::fromBytes(view(h)));
    out.push_back(hash);
  }
  return out;
}
}  // namespace

Result<std::vector<crypto::Hash>> PlatformClient::inclusionProof(const crypto::LogId& log,
                                                                 std::uint64_t index,
                                                                 std::uint64_t size) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::GetInclusionProofRequest req;
  select(log, req.mutable_log());
  req.set_index(index);
  req.set_tree_size(size);
  v1::Proof resp;
  auto s = stubs_->log->GetInclusionProof(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return hashesOf(resp);
}

Result<std::vector<crypto::Hash>> PlatformClient::consistencyProof(const crypto::LogId& log,
                                                                   std::uint64_t first,
                                                                   std::uint64_t second) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::GetConsistencyProofRequest req;
  select(log, req.mutable_log());
  req.set_first_size(first);
  req.set_second_size(second);
  v1::Proof resp;
  auto s = stubs_->log->GetConsistencyProof(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return hashesOf(resp);
}

Result<std::vector<Bytes>> PlatformClient::logEntries(const crypto::LogId& log, std::uint64_t start,
                                                      std::uint32_t count) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::GetLogEntriesRequest req;
  select(log, req.mutable_log());
  req.set_start(start);
  req.set_count(count);
  v1::LogEntries resp;
  auto s = stubs_->log->GetLogEntries(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  std::vector<Bytes> out;
  for (const auto& e : resp.entries()) out.push_back(bytes(e));
  return out;
}

Result<std::uint64_t> PlatformClient::subscribe(
    const crypto::GroupId& group, std::uint64_t afterSeq,
    const std::function<bool(const ObjectEvent&)>& onEvent, std::chrono::milliseconds maxWait) {
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + maxWait);
  if (!token_.empty()) ctx.AddMetadata("authorization", "Bearer " + token_);
  v1::SubscribeRequest req;
  req.set_group_id(group.str());
  req.set_after_seq(afterSeq);
  auto reader = stubs_->sync->Subscribe(&ctx, req);
  v1::Event e;
  std::uint64_t last = afterSeq;
  while (reader->Read(&e)) {
    ObjectEvent oe;
    oe.seq = e.seq();
    oe.kind = e.kind();
    if (!e.object_id().empty()) {
      auto id = crypto::ObjectId::fromBytes(view(e.object_id()));
      if (id) oe.object = *id;
    }
    oe.version = e.version();
    last = e.seq();
    if (!onEvent(oe)) {
      ctx.TryCancel();
      break;
    }
  }
  auto s = reader->Finish();
  if (!s.ok() && s.error_code() != grpc::StatusCode::CANCELLED &&
      s.error_code() != grpc::StatusCode::DEADLINE_EXCEEDED) {
    return fromStatus(s);
  }
  return last;
}

// ---- consent ----------------------------------------------------------------

namespace {

template <typename I>
Result<I> wireId(const std::string& raw) {
  auto id = I::fromBytes(crypto::asBytes(raw));
  if (!id) {
    return Error(ErrorCode::DataLoss, "verify.bad_consent", "the server sent a malformed consent");
  }
  return *id;
}

Result<ServerConsent> consentFrom(const v1::ConsentState& st) {
  ServerConsent c;
  SAMRAD_ASSIGN_OR_RETURN(c.group, wireId<crypto::GroupId>(st.group_id()));
  SAMRAD_ASSIGN_OR_RETURN(c.caseId, wireId<crypto::CaseId>(st.case_id()));
  SAMRAD_ASSIGN_OR_RETURN(c.referringAgency, wireId<crypto::AgencyId>(st.referring_agency()));
  for (const auto& a : st.recipient_agencies()) {
    SAMRAD_ASSIGN_OR_RETURN(auto id, wireId<crypto::AgencyId>(a));
    c.recipients.push_back(id);
  }
  c.validFrom = st.valid_from();
  c.validUntil = st.valid_until();
  if (st.status() < 1 || st.status() > 3) {
    return Error(ErrorCode::DataLoss, "verify.bad_consent", "a consent has an unknown status");
  }
  c.status = static_cast<ConsentState>(st.status());
  SAMRAD_ASSIGN_OR_RETURN(c.recordObject, wireId<crypto::ObjectId>(st.record_object_id()));
  c.registeredAt = st.registered_at();
  SAMRAD_ASSIGN_OR_RETURN(c.registeredBy, wireId<crypto::DeviceId>(st.registered_by_device()));
  c.endedAt = st.ended_at();
  if (!st.ended_by_device().empty()) {
    SAMRAD_ASSIGN_OR_RETURN(auto d, wireId<crypto::DeviceId>(st.ended_by_device()));
    c.endedBy = d;
  }
  return c;
}

}  // namespace

Result<ServerConsent> PlatformClient::registerConsent(
    const crypto::GroupId& group, const crypto::CaseId& caseId,
    const std::vector<crypto::AgencyId>& recipients, std::int64_t validFrom,
    std::int64_t validUntil, const crypto::ObjectId& recordObject, const Bytes& idempotencyKey,
    const std::optional<crypto::ObjectId>& formAttachment) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::RegisterConsentRequest req;
  req.set_group_id(group.str());
  req.set_case_id(caseId.str());
  for (const auto& a : recipients) req.add_recipient_agencies(a.str());
  req.set_valid_from(validFrom);
  req.set_valid_until(validUntil);
  req.set_record_object_id(recordObject.str());
  if (formAttachment) req.set_form_attachment_id(formAttachment->str());
  req.mutable_idempotency()->set_key(str(idempotencyKey));
  v1::RegisterConsentResponse resp;
  auto s = stubs_->consent->RegisterConsent(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return consentFrom(resp.consent());
}

Result<WithdrawResult> PlatformClient::withdrawConsent(const crypto::GroupId& group,
                                                       const crypto::CaseId& caseId,
                                                       const Bytes& idempotencyKey) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::WithdrawConsentRequest req;
  req.set_group_id(group.str());
  req.set_case_id(caseId.str());
  req.mutable_idempotency()->set_key(str(idempotencyKey));
  v1::WithdrawConsentResponse resp;
  auto s = stubs_->consent->WithdrawConsent(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  WithdrawResult out;
  SAMRAD_ASSIGN_OR_RETURN(out.consent, consentFrom(resp.consent()));
  out.narrowed = resp.objects_narrowed();
  out.deleted = resp.objects_deleted();
  return out;
}

Result<ServerConsent> PlatformClient::getConsent(const crypto::GroupId& group,
                                                 const crypto::CaseId& caseId) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::GetConsentRequest req;
  req.set_group_id(group.str());
  req.set_case_id(caseId.str());
  v1::ConsentState resp;
  auto s = stubs_->consent->GetConsent(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return consentFrom(resp);
}

Result<std::vector<ServerConsent>> PlatformClient::listConsents(const crypto::GroupId& group) {
  std::vector<ServerConsent> out;
  std::string token;
  do {
    grpc::ClientContext ctx;
    prepare(ctx);
    v1::ListConsentsRequest req;
    req.set_group_id(group.str());
    req.mutable_page()->set_page_size(500);
    req.mutable_page()->set_page_token(token);
    v1::ListConsentsResponse resp;
    auto s = stubs_->consent->ListConsents(&ctx, req, &resp);
    if (!s.ok()) return fromStatus(s);
    for (const auto& c : resp.consents()) {
      SAMRAD_ASSIGN_OR_RETURN(auto one, consentFrom(c));
      out.push_back(std::move(one));
    }
    token = resp.next_page_token();
  } while (!token.empty());
  return out;
}

Result<PlatformClient::Referral> PlatformClient::registerReferral(const crypto::GroupId& group,
                                                                  const crypto::CaseId& caseId,
                                                                  const crypto::Hash& personTag,
                                                                  std::uint32_t generation,
                                                                  const Bytes& idempotencyKey) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::RegisterReferralRequest req;
  req.set_group_id(group.str());
  req.set_case_id(caseId.str());
  req.set_person_tag(str(personTag.view()));
  req.set_generation(generation);
  req.mutable_idempotency()->set_key(str(idempotencyKey));
  v1::RegisterReferralResponse resp;
  auto s = stubs_->cases->RegisterReferral(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return Referral{resp.repeat(), resp.registered_at()};
}

Result<PlatformClient::RepeatReferrals> PlatformClient::listRepeatReferrals(
    const crypto::GroupId& group) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::ListRepeatReferralsRequest req;
  req.set_group_id(group.str());
  v1::ListRepeatReferralsResponse resp;
  auto s = stubs_->cases->ListRepeatReferrals(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  RepeatReferrals out;
  out.generation = resp.generation();
  for (const auto& r : resp.referrals()) {
    RepeatReferral one;
    SAMRAD_ASSIGN_OR_RETURN(one.caseId, wireId<crypto::CaseId>(r.case_id()));
    one.registeredAt = r.registered_at();
    for (const auto& e : r.earlier()) {
      SAMRAD_ASSIGN_OR_RETURN(auto id, wireId<crypto::CaseId>(e.case_id()));
      one.earlier.emplace_back(id, e.registered_at());
    }
    out.referrals.push_back(std::move(one));
  }
  return out;
}

Result<std::uint32_t> PlatformClient::rotatePersonTags(const crypto::GroupId& group,
                                                       std::uint32_t toGeneration,
                                                       crypto::ByteView delta,
                                                       const Bytes& idempotencyKey) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::RotatePersonTagsRequest req;
  req.set_group_id(group.str());
  req.set_to_generation(toGeneration);
  req.set_delta(str(delta));
  req.mutable_idempotency()->set_key(str(idempotencyKey));
  v1::RotatePersonTagsResponse resp;
  auto s = stubs_->cases->RotatePersonTags(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return resp.generation();
}

namespace {

Result<PlatformClient::AdviceEntry> adviceFrom(const v1::AdviceEntry& e) {
  PlatformClient::AdviceEntry a;
  SAMRAD_ASSIGN_OR_RETURN(a.group, wireId<crypto::GroupId>(e.group_id()));
  SAMRAD_ASSIGN_OR_RETURN(a.id, wireId<crypto::ObjectId>(e.request_id()));
  SAMRAD_ASSIGN_OR_RETURN(a.requesterUser, wireId<crypto::UserId>(e.requester_user()));
  SAMRAD_ASSIGN_OR_RETURN(a.requesterDevice, wireId<crypto::DeviceId>(e.requester_device()));
  a.sealedQuestion = bytes(e.sealed_question());
  a.submittedAt = e.submitted_at();
  a.status = e.status();
  a.statusAt = e.status_at();
  a.answer = bytes(e.answer());
  a.answeredAt = e.answered_at();
  if (!e.answered_by_device().empty()) {
    SAMRAD_ASSIGN_OR_RETURN(auto d, wireId<crypto::DeviceId>(e.answered_by_device()));
    a.answeredBy = d;
  }
  return a;
}

PlatformClient::Retention retentionFrom(const v1::RetentionPolicy& p) {
  return {p.deidentified_case_months(), p.consented_case_months(), p.consent_record_years(),
          p.set_at()};
}

}  // namespace

Result<PlatformClient::UserCertificates> PlatformClient::certificates(const crypto::UserId& user) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::GetCertificatesRequest req;
  req.set_user_id(user.str());
  v1::Certificates resp;
  auto s = stubs_->enrollment->GetCertificates(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  UserCertificates out;
  out.user = bytes(resp.user_certificate());
  for (const auto& d : resp.device_certificates()) out.devices.push_back(bytes(d));
  return out;
}

Status PlatformClient::setIntakeKey(const crypto::GroupId& group, const Bytes& envelope,
                                    const Bytes& idempotencyKey) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::SetIntakeKeyRequest req;
  req.set_group_id(group.str());
  req.set_intake(str(envelope));
  req.mutable_idempotency()->set_key(str(idempotencyKey));
  v1::SetIntakeKeyResponse resp;
  auto s = stubs_->advice->SetIntakeKey(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return okStatus();
}

Result<PlatformClient::IntakeBundle> PlatformClient::intakeKey(const crypto::GroupId& group) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::GetIntakeKeyRequest req;
  req.set_group_id(group.str());
  v1::GetIntakeKeyResponse resp;
  auto s = stubs_->advice->GetIntakeKey(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return IntakeBundle{bytes(resp.intake()), bytes(resp.device_certificate()),
                      bytes(resp.user_certificate())};
}

Status PlatformClient::setRequester(const crypto::GroupId& group, const crypto::UserId& user,
                                    bool allowed, const Bytes& idempotencyKey) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::SetRequesterRequest req;
  req.set_group_id(group.str());
  req.set_user_id(user.str());
  req.set_allowed(allowed);
  req.mutable_idempotency()->set_key(str(idempotencyKey));
  v1::SetRequesterResponse resp;
  auto s = stubs_->advice->SetRequester(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return okStatus();
}

Result<PlatformClient::AdviceEntry> PlatformClient::submitAdvice(const crypto::GroupId& group,
                                                                 const crypto::ObjectId& id,
                                                                 const Bytes& sealedQuestion,
                                                                 const Bytes& idempotencyKey) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::SubmitAdviceRequest req;
  req.set_group_id(group.str());
  req.set_request_id(id.str());
  req.set_sealed_question(str(sealedQuestion));
  req.mutable_idempotency()->set_key(str(idempotencyKey));
  v1::SubmitAdviceResponse resp;
  auto s = stubs_->advice->SubmitAdvice(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return adviceFrom(resp.entry());
}

Result<std::vector<PlatformClient::AdviceEntry>> PlatformClient::listAdvice(
    const crypto::GroupId& group) {
  std::vector<AdviceEntry> out;
  std::string token;
  do {
    grpc::ClientContext ctx;
    prepare(ctx);
    v1::ListAdviceRequest req;
    req.set_group_id(group.str());
    req.mutable_page()->set_page_size(500);
    req.mutable_page()->set_page_token(token);
    v1::ListAdviceResponse resp;
    auto s = stubs_->advice->ListAdvice(&ctx, req, &resp);
    if (!s.ok()) return fromStatus(s);
    for (const auto& e : resp.entries()) {
      SAMRAD_ASSIGN_OR_RETURN(auto a, adviceFrom(e));
      out.push_back(std::move(a));
    }
    token = resp.next_page_token();
  } while (!token.empty());
  return out;
}

Result<PlatformClient::AdviceEntry> PlatformClient::setAdviceStatus(const crypto::GroupId& group,
                                                                    const crypto::ObjectId& id,
                                                                    int status,
                                                                    const Bytes& idempotencyKey) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::SetAdviceStatusRequest req;
  req.set_group_id(group.str());
  req.set_request_id(id.str());
  req.set_status(static_cast<v1::AdviceStatus>(status));
  req.mutable_idempotency()->set_key(str(idempotencyKey));
  v1::AdviceEntryResponse resp;
  auto s = stubs_->advice->SetAdviceStatus(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return adviceFrom(resp.entry());
}

Result<PlatformClient::AdviceEntry> PlatformClient::answerAdvice(const crypto::GroupId& group,
                                                                 const crypto::ObjectId& id,
                                                                 const Bytes& sealedAnswer,
                                                                 const Bytes& idempotencyKey) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::AnswerAdviceRequest req;
  req.set_group_id(group.str());
  req.set_request_id(id.str());
  req.set_answer(str(sealedAnswer));
  req.mutable_idempotency()->set_key(str(idempotencyKey));
  v1::AdviceEntryResponse resp;
  auto s = stubs_->advice->AnswerAdvice(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return adviceFrom(resp.entry());
}

Result<std::uint32_t> PlatformClient::shareCase(const crypto::GroupId& group,
                                                const crypto::CaseId& caseId,
                                                const std::vector<crypto::DeviceId>& devices,
                                                const Bytes& idempotencyKey) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::ShareCaseRequest req;
  req.set_group_id(group.str());
  req.set_case_id(caseId.str());
  for (const auto& d : devices) req.add_device_ids(d.str());
  req.mutable_idempotency()->set_key(str(idempotencyKey));
  v1::ShareCaseResponse resp;
  auto s = stubs_->cases->ShareCase(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return resp.widened();
}

Result<std::int64_t> PlatformClient::setCaseState(const crypto::GroupId& group,
                                                  const crypto::CaseId& caseId, bool deidentified,
                                                  bool closed, const Bytes& idempotencyKey) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::SetCaseStateRequest req;
  req.set_group_id(group.str());
  req.set_case_id(caseId.str());
  req.set_deidentified(deidentified);
  req.set_closed(closed);
  req.mutable_idempotency()->set_key(str(idempotencyKey));
  v1::SetCaseStateResponse resp;
  auto s = stubs_->cases->SetCaseState(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return resp.closed_at();
}

Result<PlatformClient::Retention> PlatformClient::setRetentionPolicy(const crypto::GroupId& group,
                                                                     const Retention& policy,
                                                                     const Bytes& idempotencyKey) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::SetRetentionPolicyRequest req;
  req.set_group_id(group.str());
  req.mutable_policy()->set_deidentified_case_months(policy.deidentifiedCaseMonths);
  req.mutable_policy()->set_consented_case_months(policy.consentedCaseMonths);
  req.mutable_policy()->set_consent_record_years(policy.consentRecordYears);
  req.mutable_idempotency()->set_key(str(idempotencyKey));
  v1::RetentionPolicy resp;
  auto s = stubs_->cases->SetRetentionPolicy(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return retentionFrom(resp);
}

Result<PlatformClient::Retention> PlatformClient::retentionPolicy(const crypto::GroupId& group) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::GetRetentionPolicyRequest req;
  req.set_group_id(group.str());
  v1::RetentionPolicy resp;
  auto s = stubs_->cases->GetRetentionPolicy(&ctx, req, &resp);
  if (!s.ok()) return fromStatus(s);
  return retentionFrom(resp);
}

}  // namespace samrad::client
