#include "samrad/server/rpc/platform_services.h"

#include <deque>
#include <map>
#include <memory>
#include <mutex>

#include "samrad/common/log.h"
#include "samrad/crypto/login.h"
#include "samrad/server/domain/consent_wire.h"
#include "samrad/server/metrics/catalogue.h"

namespace samrad::server::rpc {
namespace {

using crypto::Bytes;
using domain::Caller;

Bytes bytesOf(const std::string& s) {
  return {s.begin(), s.end()};
}

template <typename I>
Result<I> idField(const std::string& raw, const char* field) {
  auto id = I::fromBytes(crypto::asBytes(raw));
  if (!id) {
    return Error(ErrorCode::InvalidArgument, "request.bad_id",
                 std::string(field) + " must be 16 bytes");
  }
  return *id;
}

std::string metadata(const grpc::CallbackServerContext* ctx, const char* key) {
  const auto& md = ctx->client_metadata();
  auto it = md.find(key);
  if (it == md.end()) return {};
  return std::string(it->second.data(), it->second.size());
}

std::string bearer(const grpc::CallbackServerContext* ctx) {
  const std::string v = metadata(ctx, "authorization");
  constexpr std::string_view kPrefix = "Bearer ";
  if (v.size() <= kPrefix.size() || v.compare(0, kPrefix.size(), kPrefix) != 0) return {};
  return v.substr(kPrefix.size());
}

// Runs a handler on the worker pool and answers only once its changes, and
// every change committed before it finished, are durable: what it read
// survives a crash as well as what it wrote. (Reads that are audited are
// answered after their audit entry is durable, which covers what they read;
// the other reads wait here, for as long as the next group fsync takes when
// writes are in flight, and not at all when none are.) The handler must
// capture by value: it runs after this returns.
template <typename F>
grpc::ServerUnaryReactor* unaryDurable(domain::Platform& p, Workers& workers,
                                       grpc::CallbackServerContext* ctx, F handler) {
  auto* reactor = ctx->DefaultReactor();
  workers.post([&p, reactor, handler = std::move(handler)]() {
    Status s = handler();
    // The answer leaves once the change is durable, from the thread that made
    // it so; this worker is free for the next request meanwhile.
    p.whenAllDurable([reactor, s = std::move(s)](Status durable) mutable {
      if (s.ok() && !durable.ok()) s = std::move(durable);
      reactor->Finish(s.ok() ? grpc::Status::OK : toGrpc(s.error()));
    });
  });
  return reactor;
}

// Runs `start` on the worker pool. It refuses by returning an error, or
// hands `answer` on to whoever answers later, from any thread (a read: the
// commit lane, once its audit entry is durable). The handler must capture by
// value: it runs after this returns.
template <typename F>
grpc::ServerUnaryReactor* unaryLater(Workers& workers, grpc::CallbackServerContext* ctx, F start) {
  auto* reactor = ctx->DefaultReactor();
  workers.post([reactor, start = std::move(start)]() {
    auto answer = [reactor](const Status& s) {
      reactor->Finish(s.ok() ? grpc::Status::OK : toGrpc(s.error()));
    };
    if (Status s = start(answer); !s.ok()) answer(s);
  });
  return reactor;
}

// Fills `resp` with the first answer to a retried request; false if this
// request is new.
template <typename Resp>
Result<bool> replay(domain::Platform& p, const Caller& caller, const Bytes& key,
                    const std::string& method, Resp* resp) {
  SAMRAD_ASSIGN_OR_RETURN(auto prior, p.replay(caller, key, method));
  if (!prior) return false;
  if (!resp->ParseFromArray(prior->data(), static_cast<int>(prior->size()))) {
    return Error(ErrorCode::Internal, "request.replay_corrupt", "stored response unreadable");
  }
  return true;
}

// Replays the first answer to a retried request; records the answer otherwise.
template <typename Resp>
Status idempotent(domain::Platform& p, const Caller& caller, const v1::Idempotency& idem,
                  const char* method, Resp* resp, const std::function<Status()>& op) {
  const Bytes key = bytesOf(idem.key());
  SAMRAD_ASSIGN_OR_RETURN(bool replayed, replay(p, caller, key, method, resp));
  if (replayed) return okStatus();
  SAMRAD_TRY(op());
  std::string out;
  resp->SerializeToString(&out);
  return p.remember(caller, key, method, bytesOf(out));
}

}  // namespace

std::optional<domain::Operation> operationForMethod(std::string_view fullName) {
  using domain::Operation;
  static const std::map<std::string_view, Operation> kTable = {
      {"samrad.v1.EnrollmentService.BootstrapAgency", Operation::BootstrapAgency},
      {"samrad.v1.EnrollmentService.RegisterUser", Operation::RegisterUser},
      {"samrad.v1.EnrollmentService.IssueEnrollmentCode", Operation::IssueEnrollmentCode},
      {"samrad.v1.EnrollmentService.EnrollDevice", Operation::EnrollDevice},
      {"samrad.v1.EnrollmentService.RevokeDevice", Operation::RevokeDevice},
      {"samrad.v1.EnrollmentService.RevokeUser", Operation::RevokeUser},
      {"samrad.v1.EnrollmentService.GetAgency", Operation::GetAgency},
      {"samrad.v1.EnrollmentService.GetCertificates", Operation::GetCertificates},
      {"samrad.v1.AuthService.GetChallenge", Operation::GetChallenge},
      {"samrad.v1.AuthService.Login", Operation::Login},
      {"samrad.v1.AuthService.Logout", Operation::Logout},
      {"samrad.v1.GroupService.CreateGroup", Operation::CreateGroup},
      {"samrad.v1.GroupService.AppendLink", Operation::AppendLink},
      {"samrad.v1.GroupService.GetChain", Operation::GetChain},
      {"samrad.v1.GroupService.PutEpochKeys", Operation::PutEpochKeys},
      {"samrad.v1.GroupService.GetEpochKeys", Operation::GetEpochKeys},
      {"samrad.v1.GroupService.ListMyGroups", Operation::ListMyGroups},
      {"samrad.v1.ObjectService.PutObject", Operation::PutObject},
      {"samrad.v1.ObjectService.GetObject", Operation::GetObject},
      {"samrad.v1.ObjectService.ListObjects", Operation::ListObjects},
      {"samrad.v1.ObjectService.DeleteObject", Operation::DeleteObject},
      {"samrad.v1.ObjectService.UploadAttachment", Operation::UploadAttachment},
      {"samrad.v1.ObjectService.GetAttachmentStatus", Operation::GetAttachmentStatus},
      {"samrad.v1.ObjectService.DownloadAttachment", Operation::DownloadAttachment},
      {"samrad.v1.ObjectService.DeleteAttachment", Operation::DeleteAttachment},
      {"samrad.v1.SyncService.Subscribe", Operation::Subscribe},
      {"samrad.v1.LogService.GetVerifierKey", Operation::GetLogVerifierKey},
      {"samrad.v1.LogService.GetCheckpoint", Operation::GetCheckpoint},
      {"samrad.v1.LogService.GetInclusionProof", Operation::GetInclusionProof},
      {"samrad.v1.LogService.GetConsistencyProof", Operation::GetConsistencyProof},
      {"samrad.v1.LogService.GetLogEntries", Operation::GetLogEntries},
      {"samrad.v1.LogService.AddCosignature", Operation::AddCosignature},
      {"samrad.v1.LogService.GetWitnessedCheckpoint", Operation::GetWitnessedCheckpoint},
      {"samrad.v1.ConsentService.RegisterConsent", Operation::RegisterConsent},
      {"samrad.v1.ConsentService.WithdrawConsent", Operation::WithdrawConsent},
      {"samrad.v1.ConsentService.GetConsent", Operation::GetConsent},
      {"samrad.v1.ConsentService.ListConsents", Operation::ListConsents},
      {"samrad.v1.CaseService.RegisterReferral", Operation::RegisterReferral},
      {"samrad.v1.CaseService.ListRepeatReferrals", Operation::ListRepeatReferrals},
      {"samrad.v1.CaseService.RotatePersonTags", Operation::RotatePersonTags},
      {"samrad.v1.CaseService.SetCaseState", Operation::SetCaseState},
      {"samrad.v1.CaseService.ShareCase", Operation::ShareCase},
      {"samrad.v1.CaseService.SetRetentionPolicy", Operation::SetRetentionPolicy},
      {"samrad.v1.CaseService.GetRetentionPolicy", Operation::GetRetentionPolicy},
      {"samrad.v1.AdviceService.SetIntakeKey", Operation::SetIntakeKey},
      {"samrad.v1.AdviceService.GetIntakeKey", Operation::GetIntakeKey},
      {"samrad.v1.AdviceService.SetRequester", Operation::SetRequester},
      {"samrad.v1.AdviceService.SubmitAdvice", Operation::SubmitAdvice},
      {"samrad.v1.AdviceService.ListAdvice", Operation::ListAdvice},
      {"samrad.v1.AdviceService.SetAdviceStatus", Operation::SetAdviceStatus},
      {"samrad.v1.AdviceService.AnswerAdvice", Operation::AnswerAdvice},
  };
  std::string key(fullName);
  if (!key.empty() && key[0] == '/') {
    key.erase(0, 1);
    const auto slash = key.find('/');
    if (slash != std::string::npos) key[slash] = '.';
  }
  auto it = kTable.find(key);
  if (it == kTable.end()) return std::nullopt;
  return it->second;
}

grpc::Status toGrpc(const Error& e) {
  grpc::StatusCode code = grpc::StatusCode::INTERNAL;
  switch (e.code()) {
    case ErrorCode::InvalidArgument:
      code = grpc::StatusCode::INVALID_ARGUMENT;
      break;
    case ErrorCode::NotFound:
      code = grpc::StatusCode::NOT_FOUND;
      break;
    case ErrorCode::AlreadyExists:
      code = grpc::StatusCode::ALREADY_EXISTS;
      break;
    case ErrorCode::FailedPrecondition:
      code = grpc::StatusCode::FAILED_PRECONDITION;
      break;
    case ErrorCode::Aborted:
      code = grpc::StatusCode::ABORTED;
      break;
    case ErrorCode::PermissionDenied:
      code = grpc::StatusCode::PERMISSION_DENIED;
      break;
    case ErrorCode::ResourceExhausted:
      code = grpc::StatusCode::RESOURCE_EXHAUSTED;
      break;
    case ErrorCode::Unauthenticated:
      code = grpc::StatusCode::UNAUTHENTICATED;
      break;
    case ErrorCode::Unavailable:
      code = grpc::StatusCode::UNAVAILABLE;
      break;
    case ErrorCode::DataLoss:
    case ErrorCode::Internal:
      // Internal details stay in the server's log, keyed by reason.
      log::error("rpc.internal_error", {{"reason", e.reason()}});
      return {grpc::StatusCode::INTERNAL, e.reason() + ": internal error"};
  }
  return {code, e.describe()};
}

// ---- enrolment --------------------------------------------------------------

grpc::ServerUnaryReactor* EnrollmentServiceImpl::BootstrapAgency(
    grpc::CallbackServerContext* ctx, const v1::BootstrapAgencyRequest* req,
    v1::BootstrapAgencyResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_TRY(p_.checkOperator(metadata(ctx, "x-samrad-operator")));
    SAMRAD_ASSIGN_OR_RETURN(auto id, idField<crypto::AgencyId>(req->agency_id(), "agency_id"));
    SAMRAD_ASSIGN_OR_RETURN(auto code,
                            p_.bootstrapAgency(id, req->kind(), bytesOf(req->root_public_key()),
                                               bytesOf(req->administrator_certificate())));
    resp->set_enrollment_code(code.first);
    resp->set_code_expires_at(code.second);
    return okStatus();
  });
}

grpc::ServerUnaryReactor* EnrollmentServiceImpl::RegisterUser(grpc::CallbackServerContext* ctx,
                                                              const v1::RegisterUserRequest* req,
                                                              v1::RegisterUserResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_TRY(p_.authorize(domain::Operation::RegisterUser, &c, nullptr));
    return idempotent(p_, c, req->idempotency(), "RegisterUser", resp,
                      [&]() { return p_.registerUser(c, bytesOf(req->user_certificate())); });
  });
}

grpc::ServerUnaryReactor* EnrollmentServiceImpl::IssueEnrollmentCode(
    grpc::CallbackServerContext* ctx, const v1::IssueEnrollmentCodeRequest* req,
    v1::IssueEnrollmentCodeResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_TRY(p_.authorize(domain::Operation::IssueEnrollmentCode, &c, nullptr));
    SAMRAD_ASSIGN_OR_RETURN(auto uid, idField<crypto::UserId>(req->user_id(), "user_id"));
    SAMRAD_ASSIGN_OR_RETURN(auto code, p_.issueEnrollmentCode(c, uid));
    resp->set_enrollment_code(code.first);
    resp->set_expires_at(code.second);
    return okStatus();
  });
}

grpc::ServerUnaryReactor* EnrollmentServiceImpl::EnrollDevice(grpc::CallbackServerContext* ctx,
                                                              const v1::EnrollDeviceRequest* req,
                                                              v1::EnrollDeviceResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(
        Bytes cert, p_.enrollDevice(req->enrollment_code(), bytesOf(req->device_certificate())));
    resp->set_user_certificate(cert.data(), cert.size());
    return okStatus();
  });
}

grpc::ServerUnaryReactor* EnrollmentServiceImpl::RevokeDevice(grpc::CallbackServerContext* ctx,
                                                              const v1::RevokeDeviceRequest* req,
                                                              v1::RevokeDeviceResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_TRY(p_.authorize(domain::Operation::RevokeDevice, &c, nullptr));
    SAMRAD_ASSIGN_OR_RETURN(auto did, idField<crypto::DeviceId>(req->device_id(), "device_id"));
    return idempotent(p_, c, req->idempotency(), "RevokeDevice", resp, [&]() -> Status {
      SAMRAD_ASSIGN_OR_RETURN(std::int64_t at, p_.revokeDevice(c, did));
      resp->set_revoked_at(at);
      return okStatus();
    });
  });
}

grpc::ServerUnaryReactor* EnrollmentServiceImpl::RevokeUser(grpc::CallbackServerContext* ctx,
                                                            const v1::RevokeUserRequest* req,
                                                            v1::RevokeUserResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_TRY(p_.authorize(domain::Operation::RevokeUser, &c, nullptr));
    SAMRAD_ASSIGN_OR_RETURN(auto uid, idField<crypto::UserId>(req->user_id(), "user_id"));
    return idempotent(p_, c, req->idempotency(), "RevokeUser", resp, [&]() -> Status {
      SAMRAD_ASSIGN_OR_RETURN(std::int64_t at, p_.revokeUser(c, uid));
      resp->set_revoked_at(at);
      return okStatus();
    });
  });
}

grpc::ServerUnaryReactor* EnrollmentServiceImpl::GetAgency(grpc::CallbackServerContext* ctx,
                                                           const v1::GetAgencyRequest* req,
                                                           v1::Agency* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_TRY(p_.authorize(domain::Operation::GetAgency, &c, nullptr));
    SAMRAD_ASSIGN_OR_RETURN(auto id, idField<crypto::AgencyId>(req->agency_id(), "agency_id"));
    SAMRAD_ASSIGN_OR_RETURN(auto a, p_.getAgency(id));
    resp->set_agency_id(a.id.str());
    resp->set_kind(static_cast<v1::AgencyKind>(a.kind));
    resp->set_root_public_key(a.rootKey.bytes.data(), a.rootKey.bytes.size());
    return okStatus();
  });
}

grpc::ServerUnaryReactor* EnrollmentServiceImpl::GetCertificates(
    grpc::CallbackServerContext* ctx, const v1::GetCertificatesRequest* req,
    v1::Certificates* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_TRY(p_.authorize(domain::Operation::GetCertificates, &c, nullptr));
    SAMRAD_ASSIGN_OR_RETURN(auto uid, idField<crypto::UserId>(req->user_id(), "user_id"));
    SAMRAD_ASSIGN_OR_RETURN(auto certs, p_.getCertificates(uid));
    resp->set_user_certificate(certs.first.certificate.data(), certs.first.certificate.size());
    resp->set_user_revoked_at(certs.first.revokedAt.value_or(0));
    for (const auto& d : certs.second) {
      if (d.revokedAt) {
        resp->add_revoked_device_ids(d.id.str());
      } else {
        resp->add_device_certificates(d.certificate.data(), d.certificate.size());
      }
    }
    return okStatus();
  });
}

// ---- auth -------------------------------------------------------------------

grpc::ServerUnaryReactor* AuthServiceImpl::GetChallenge(grpc::CallbackServerContext* ctx,
                                                        const v1::GetChallengeRequest* req,
                                                        v1::Challenge* resp) {
  return unaryDurable(p_, w_, ctx, [=, this, peer = domain::peerAddress(ctx->peer())]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(auto did, idField<crypto::DeviceId>(req->device_id(), "device_id"));
    SAMRAD_ASSIGN_OR_RETURN(auto c, p_.challenge(did, peer));
    resp->set_challenge(c.first.data(), c.first.size());
    resp->set_server_id(p_.serverId().data(), p_.serverId().size());
    resp->set_expires_at(c.second);
    return okStatus();
  });
}

grpc::ServerUnaryReactor* AuthServiceImpl::Login(grpc::CallbackServerContext* ctx,
                                                 const v1::LoginRequest* req, v1::Session* resp) {
  return unaryDurable(p_, w_, ctx, [=, this, peer = domain::peerAddress(ctx->peer())]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(auto did, idField<crypto::DeviceId>(req->device_id(), "device_id"));
    if (req->challenge().size() != crypto::kLoginChallengeSize ||
        req->signature().size() != crypto::kSignatureSize) {
      return Error(ErrorCode::InvalidArgument, "request.bad_login",
                   "challenge must be 32 bytes and signature 64 bytes");
    }
    SAMRAD_ASSIGN_OR_RETURN(
        auto s, p_.login(did, bytesOf(req->challenge()), bytesOf(req->signature()), peer));
    resp->set_token(s.first);
    resp->set_expires_at(s.second);
    resp->set_lifetime_seconds(p_.limits().sessionLifetime);
    return okStatus();
  });
}

grpc::ServerUnaryReactor* AuthServiceImpl::Logout(grpc::CallbackServerContext* ctx,
                                                  const v1::LogoutRequest* /*req*/,
                                                  v1::LogoutResponse* /*resp*/) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_TRY(p_.authorize(domain::Operation::Logout, &c, nullptr));
    return p_.logout(bearer(ctx));
  });
}

// ---- groups -----------------------------------------------------------------

grpc::ServerUnaryReactor* GroupServiceImpl::CreateGroup(grpc::CallbackServerContext* ctx,
                                                        const v1::CreateGroupRequest* req,
                                                        v1::CreateGroupResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_TRY(p_.authorize(domain::Operation::CreateGroup, &c, nullptr));
    return idempotent(p_, c, req->idempotency(), "CreateGroup", resp, [&]() -> Status {
      SAMRAD_ASSIGN_OR_RETURN(auto g, p_.createGroup(c, bytesOf(req->genesis_link())));
      resp->set_group_id(g.id.str());
      resp->set_chain_head(g.head.str());
      return okStatus();
    });
  });
}

grpc::ServerUnaryReactor* GroupServiceImpl::AppendLink(grpc::CallbackServerContext* ctx,
                                                       const v1::AppendLinkRequest* req,
                                                       v1::AppendLinkResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_TRY(p_.authorize(domain::Operation::AppendLink, &c, &gid));
    return idempotent(p_, c, req->idempotency(), "AppendLink", resp, [&]() -> Status {
      SAMRAD_ASSIGN_OR_RETURN(auto g, p_.appendLink(c, gid, bytesOf(req->link())));
      resp->set_seq(g.seq);
      resp->set_chain_head(g.head.str());
      return okStatus();
    });
  });
}

grpc::ServerUnaryReactor* GroupServiceImpl::GetChain(grpc::CallbackServerContext* ctx,
                                                     const v1::GetChainRequest* req,
                                                     v1::Chain* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_TRY(p_.authorize(domain::Operation::GetChain, &c, &gid));
    SAMRAD_ASSIGN_OR_RETURN(auto page, p_.getChain(c, gid, req->from_seq()));
    for (const auto& l : page.first) resp->add_links(l.data(), l.size());
    resp->set_more(page.second);
    return okStatus();
  });
}

grpc::ServerUnaryReactor* GroupServiceImpl::PutEpochKeys(grpc::CallbackServerContext* ctx,
                                                         const v1::PutEpochKeysRequest* req,
                                                         v1::PutEpochKeysResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_TRY(p_.authorize(domain::Operation::PutEpochKeys, &c, &gid));
    return idempotent(p_, c, req->idempotency(), "PutEpochKeys", resp,
                      [&]() { return p_.putEpochKeys(c, gid, bytesOf(req->bundle())); });
  });
}

grpc::ServerUnaryReactor* GroupServiceImpl::GetEpochKeys(grpc::CallbackServerContext* ctx,
                                                         const v1::GetEpochKeysRequest* req,
                                                         v1::EpochKeys* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_TRY(p_.authorize(domain::Operation::GetEpochKeys, &c, &gid));
    SAMRAD_ASSIGN_OR_RETURN(auto keys, p_.getEpochKeys(c, gid, req->epoch()));
    resp->set_epoch(keys.first);
    resp->set_bundle(keys.second.data(), keys.second.size());
    return okStatus();
  });
}

grpc::ServerUnaryReactor* GroupServiceImpl::ListMyGroups(grpc::CallbackServerContext* ctx,
                                                         const v1::ListMyGroupsRequest* /*req*/,
                                                         v1::ListMyGroupsResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_TRY(p_.authorize(domain::Operation::ListMyGroups, &c, nullptr));
    SAMRAD_ASSIGN_OR_RETURN(auto groups, p_.myGroups(c));
    for (const auto& g : groups) {
      auto* s = resp->add_groups();
      s->set_group_id(g.id.str());
      s->set_seq(g.seq);
      s->set_epoch(g.epoch);
      s->set_chain_head(g.head.str());
    }
    return okStatus();
  });
}

// ---- objects ----------------------------------------------------------------

grpc::ServerUnaryReactor* ObjectServiceImpl::PutObject(grpc::CallbackServerContext* ctx,
                                                       const v1::PutObjectRequest* req,
                                                       v1::PutObjectResponse* resp) {
  return unaryLater(w_, ctx, [=, this](auto answer) -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_ASSIGN_OR_RETURN(auto oid, idField<crypto::ObjectId>(req->object_id(), "object_id"));
    SAMRAD_TRY(p_.authorize(domain::Operation::PutObject, &c, &gid));
    domain::AccessSpec access;
    if (req->access().scope_case() == v1::AccessList::kDevices) {
      access.wholeGroup = false;
      if (static_cast<std::size_t>(req->access().devices().device_ids_size()) >
          p_.limits().maxAccessDevices) {
        return Error(ErrorCode::ResourceExhausted, "request.too_large", "access list too long");
      }
      for (const auto& d : req->access().devices().device_ids()) {
        SAMRAD_ASSIGN_OR_RETURN(auto did, idField<crypto::DeviceId>(d, "access.device_ids"));
        access.devices.push_back(did);
      }
      if (access.devices.empty()) {
        return Error(ErrorCode::InvalidArgument, "request.missing",
                     "a device access list needs at least one device");
      }
    }
    if (!req->case_id().empty()) {
      SAMRAD_ASSIGN_OR_RETURN(auto cid, idField<crypto::CaseId>(req->case_id(), "case_id"));
      access.caseId = cid;
    }
    domain::AnswerRecord record{bytesOf(req->idempotency().key()), "PutObject",
                                [](std::uint64_t version, std::uint64_t eventSeq) {
                                  v1::PutObjectResponse r;
                                  r.set_version(version);
                                  r.set_event_seq(eventSeq);
                                  std::string out;
                                  r.SerializeToString(&out);
                                  return bytesOf(out);
                                }};
    SAMRAD_TRY(domain::Platform::checkIdempotencyKey(record.key));
    // The answer is stored with the object, in one transaction, and sent
    // once that is durable, without holding this thread meanwhile. A retry
    // gets the first answer, found on the commit lane.
    p_.putObject(
        c, gid, oid, req->expected_version(), bytesOf(req->object()), std::move(access),
        std::move(record), [resp, answer](Result<domain::Platform::PutResult> r) {
          if (!r) return answer(r.error());
          if (r->replayed) {
            if (!resp->ParseFromArray(r->replayed->data(), static_cast<int>(r->replayed->size()))) {
              return answer(Error(ErrorCode::Internal, "request.replay_corrupt",
                                  "stored response unreadable"));
            }
            return answer(okStatus());
          }
          resp->set_version(r->version);
          resp->set_event_seq(r->eventSeq);
          answer(okStatus());
        });
    return okStatus();
  });
}

grpc::ServerUnaryReactor* ObjectServiceImpl::GetObject(grpc::CallbackServerContext* ctx,
                                                       const v1::GetObjectRequest* req,
                                                       v1::StoredObject* resp) {
  return unaryLater(w_, ctx, [=, this](auto answer) -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_ASSIGN_OR_RETURN(auto oid, idField<crypto::ObjectId>(req->object_id(), "object_id"));
    SAMRAD_TRY(p_.authorize(domain::Operation::GetObject, &c, &gid));
    // Answered once the read's audit entry is durable, without holding
    // this thread meanwhile.
    p_.getObject(c, gid, oid, req->version(),
                 [req, resp, answer](Result<domain::Platform::ObjectRead> o) {
                   if (!o) return answer(o.error());
                   resp->set_object(o->first.data(), o->first.size());
                   resp->set_version(req->version() == 0 ? o->second.version : req->version());
                   resp->set_stored_at(o->second.storedAt);
                   answer(okStatus());
                 });
    return okStatus();
  });
}

grpc::ServerUnaryReactor* ObjectServiceImpl::ListObjects(grpc::CallbackServerContext* ctx,
                                                         const v1::ListObjectsRequest* req,
                                                         v1::ListObjectsResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_TRY(p_.authorize(domain::Operation::ListObjects, &c, &gid));
    if (req->kind().size() > 64) {
      return Error(ErrorCode::InvalidArgument, "request.bad_kind", "kind is at most 64 bytes");
    }
    std::size_t pageSize = req->page().page_size() == 0 ? 100 : req->page().page_size();
    if (pageSize > p_.limits().maxPage) {
      return Error(ErrorCode::InvalidArgument, "request.bad_page",
                   "page_size is at most " + std::to_string(p_.limits().maxPage));
    }
    std::optional<crypto::ObjectId> after;
    if (!req->page().page_token().empty()) {
      SAMRAD_ASSIGN_OR_RETURN(auto a,
                              idField<crypto::ObjectId>(req->page().page_token(), "page_token"));
      after = a;
    }
    SAMRAD_ASSIGN_OR_RETURN(
        auto heads, p_.listObjects(c, gid, req->kind(), after ? &*after : nullptr, pageSize));
    for (const auto& h : heads) {
      auto* o = resp->add_objects();
      o->set_object_id(h.id.str());
      o->set_kind(h.kind);
      o->set_version(h.version);
      o->set_size(h.size);
      o->set_author_device_id(h.author.str());
      o->set_stored_at(h.storedAt);
    }
    if (heads.size() == pageSize) resp->set_next_page_token(heads.back().id.str());
    return okStatus();
  });
}

grpc::ServerUnaryReactor* ObjectServiceImpl::DeleteObject(grpc::CallbackServerContext* ctx,
                                                          const v1::DeleteObjectRequest* req,
                                                          v1::DeleteObjectResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_ASSIGN_OR_RETURN(auto oid, idField<crypto::ObjectId>(req->object_id(), "object_id"));
    SAMRAD_TRY(p_.authorize(domain::Operation::DeleteObject, &c, &gid));
    return idempotent(p_, c, req->idempotency(), "DeleteObject", resp, [&]() -> Status {
      SAMRAD_ASSIGN_OR_RETURN(auto seq, p_.deleteObject(c, gid, oid, req->expected_version()));
      resp->set_event_seq(seq);
      return okStatus();
    });
  });
}

// ---- attachments ------------------------------------------------------------

namespace {

Result<domain::AccessSpec> accessFrom(const v1::AccessList& list, std::size_t max) {
  domain::AccessSpec access;
  if (list.scope_case() != v1::AccessList::kDevices) return access;
  access.wholeGroup = false;
  if (static_cast<std::size_t>(list.devices().device_ids_size()) > max) {
    return Error(ErrorCode::ResourceExhausted, "request.too_large", "access list too long");
  }
  for (const auto& d : list.devices().device_ids()) {
    SAMRAD_ASSIGN_OR_RETURN(auto did, idField<crypto::DeviceId>(d, "access.device_ids"));
    access.devices.push_back(did);
  }
  if (access.devices.empty()) {
    return Error(ErrorCode::InvalidArgument, "request.missing",
                 "a device access list needs at least one device");
  }
  return access;
}

// Receives header then chunks; each chunk is committed as it arrives, so a
// broken connection loses nothing already acknowledged by GetAttachmentStatus.
class UploadReactor final : public grpc::ServerReadReactor<v1::AttachmentUpload> {
 public:
  UploadReactor(domain::Platform& p, Workers& w, Caller caller, v1::AttachmentReceipt* resp)
      : p_(p), w_(w), caller_(caller), resp_(resp) {
    StartRead(&msg_);
  }
  void OnReadDone(bool ok) override {
    if (!ok) {  // the client has sent everything
      resp_->set_received(received_);
      resp_->set_complete(started_ && received_ == total_);
      Finish(grpc::Status::OK);
      return;
    }
    // Storing a chunk waits for its commit: off gRPC's polling threads.
    w_.post([this] {
      Status s = step();
      if (!s.ok()) {
        Finish(toGrpc(s.error()));
        return;
      }
      StartRead(&msg_);
    });
  }
  void OnDone() override { delete this; }

 private:
  Status step() {
    if (!started_) {
      if (msg_.part_case() != v1::AttachmentUpload::kHeader) {
        return Error(ErrorCode::InvalidArgument, "request.missing",
                     "the first message must be the attachment header");
      }
      const auto& h = msg_.header();
      SAMRAD_ASSIGN_OR_RETURN(group_, idField<crypto::GroupId>(h.group_id(), "group_id"));
      SAMRAD_ASSIGN_OR_RETURN(id_, idField<crypto::ObjectId>(h.attachment_id(), "attachment_id"));
      SAMRAD_ASSIGN_OR_RETURN(auto access, accessFrom(h.access(), p_.limits().maxAccessDevices));
      if (!h.case_id().empty()) {
        SAMRAD_ASSIGN_OR_RETURN(auto cid, idField<crypto::CaseId>(h.case_id(), "case_id"));
        access.caseId = cid;
      }
      SAMRAD_ASSIGN_OR_RETURN(
          received_, p_.beginUpload(caller_, group_, id_, h.total_size(), h.offset(), access));
      total_ = h.total_size();
      started_ = true;
      return okStatus();
    }
    if (msg_.part_case() != v1::AttachmentUpload::kData) {
      return Error(ErrorCode::InvalidArgument, "request.bad_part",
                   "only data may follow the header");
    }
    SAMRAD_ASSIGN_OR_RETURN(received_,
                            p_.uploadChunk(caller_, group_, id_, received_, bytesOf(msg_.data())));
    return p_.awaitDurable();  // what GetAttachmentStatus reports must survive a crash
  }

  domain::Platform& p_;
  Workers& w_;
  Caller caller_;
  v1::AttachmentReceipt* resp_;
  v1::AttachmentUpload msg_;
  bool started_ = false;
  crypto::GroupId group_;
  crypto::ObjectId id_;
  std::uint64_t received_ = 0;
  std::uint64_t total_ = 0;
};

class FailedRead final : public grpc::ServerReadReactor<v1::AttachmentUpload> {
 public:
  explicit FailedRead(const grpc::Status& s) { Finish(s); }
  void OnDone() override { delete this; }
};

// Sends the attachment from an offset in chunks read a few at a time, so a
// large attachment never sits in memory whole.
class DownloadReactor final : public grpc::ServerWriteReactor<v1::AttachmentData> {
 public:
  DownloadReactor(domain::Platform& p, Caller caller, crypto::GroupId group, crypto::ObjectId id,
                  std::uint64_t offset, std::uint64_t total)
      : p_(p), caller_(caller), group_(group), id_(id), offset_(offset), total_(total) {
    next();
  }
  void OnWriteDone(bool ok) override {
    if (!ok) {
      Finish(grpc::Status(grpc::StatusCode::UNAVAILABLE, "the client went away"));
      return;
    }
    next();
  }
  void OnDone() override { delete this; }

 private:
  void next() {
    if (pending_.empty()) {
      if (offset_ >= total_) {
        Finish(grpc::Status::OK);
        return;
      }
      auto chunks = p_.readAttachment(caller_, group_, id_, offset_, 256 * 1024);
      if (!chunks) {
        Finish(toGrpc(chunks.error()));
        return;
      }
      if (chunks->empty()) {
        Finish(grpc::Status(grpc::StatusCode::DATA_LOSS, "attachment.missing_chunk"));
        return;
      }
      for (auto& c : *chunks) pending_.push_back(std::move(c));
    }
    auto [at, data] = std::move(pending_.front());
    pending_.pop_front();
    out_.Clear();
    out_.set_offset(at);
    out_.set_data(data.data(), data.size());
    out_.set_total_size(total_);
    offset_ = at + data.size();
    StartWrite(&out_);
  }

  domain::Platform& p_;
  Caller caller_;
  crypto::GroupId group_;
  crypto::ObjectId id_;
  std::uint64_t offset_;
  std::uint64_t total_;
  std::deque<std::pair<std::uint64_t, Bytes>> pending_;
  v1::AttachmentData out_;
};

class FailedDownload final : public grpc::ServerWriteReactor<v1::AttachmentData> {
 public:
  explicit FailedDownload(const grpc::Status& s) { Finish(s); }
  void OnDone() override { delete this; }
};

}  // namespace

grpc::ServerReadReactor<v1::AttachmentUpload>* ObjectServiceImpl::UploadAttachment(
    grpc::CallbackServerContext* ctx, v1::AttachmentReceipt* resp) {
  auto caller = p_.authenticate(bearer(ctx));
  if (!caller) return new FailedRead(toGrpc(caller.error()));
  return new UploadReactor(p_, w_, *caller, resp);
}

grpc::ServerUnaryReactor* ObjectServiceImpl::GetAttachmentStatus(
    grpc::CallbackServerContext* ctx, const v1::AttachmentStatusRequest* req,
    v1::AttachmentReceipt* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_ASSIGN_OR_RETURN(auto aid,
                            idField<crypto::ObjectId>(req->attachment_id(), "attachment_id"));
    SAMRAD_ASSIGN_OR_RETURN(auto st, p_.attachmentStatus(c, gid, aid));
    resp->set_received(st.first);
    resp->set_complete(st.first == st.second);
    return okStatus();
  });
}

grpc::ServerWriteReactor<v1::AttachmentData>* ObjectServiceImpl::DownloadAttachment(
    grpc::CallbackServerContext* ctx, const v1::DownloadAttachmentRequest* req) {
  auto caller = p_.authenticate(bearer(ctx));
  if (!caller) return new FailedDownload(toGrpc(caller.error()));
  auto gid = idField<crypto::GroupId>(req->group_id(), "group_id");
  if (!gid) return new FailedDownload(toGrpc(gid.error()));
  auto aid = idField<crypto::ObjectId>(req->attachment_id(), "attachment_id");
  if (!aid) return new FailedDownload(toGrpc(aid.error()));
  auto total = p_.openAttachment(*caller, *gid, *aid);
  if (!total) return new FailedDownload(toGrpc(total.error()));
  if (auto d = p_.awaitDurable(); !d.ok()) return new FailedDownload(toGrpc(d.error()));
  if (req->offset() > *total) {
    return new FailedDownload(grpc::Status(grpc::StatusCode::OUT_OF_RANGE,
                                           "attachment.offset: beyond the end of the attachment"));
  }
  return new DownloadReactor(p_, *caller, *gid, *aid, req->offset(), *total);
}

grpc::ServerUnaryReactor* ObjectServiceImpl::DeleteAttachment(
    grpc::CallbackServerContext* ctx, const v1::DeleteAttachmentRequest* req,
    v1::DeleteAttachmentResponse* /*resp*/) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_ASSIGN_OR_RETURN(auto aid,
                            idField<crypto::ObjectId>(req->attachment_id(), "attachment_id"));
    return p_.deleteAttachment(c, gid, aid);
  });
}

// ---- transparency log -------------------------------------------------------

grpc::ServerUnaryReactor* LogServiceImpl::GetVerifierKey(grpc::CallbackServerContext* ctx,
                                                         const v1::GetVerifierKeyRequest* /*req*/,
                                                         v1::VerifierKey* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_TRY(p_.authorize(domain::Operation::GetLogVerifierKey, &c, nullptr));
    resp->set_vkey(p_.logVerifierKey());
    return okStatus();
  });
}

namespace {
// Which log a request names: a group's, the directory (no group), or the
// frozen legacy log.
Result<crypto::LogId> logOf(const v1::LogSelector& sel) {
  if (sel.legacy()) {
    if (!sel.group_id().empty()) {
      return Error(ErrorCode::InvalidArgument, "request.bad_log",
                   "the legacy log is one log: name no group with it");
    }
    return crypto::LogId::legacy();
  }
  if (sel.group_id().empty()) return crypto::LogId::directory();
  SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(sel.group_id(), "log.group_id"));
  return crypto::LogId::ofGroup(gid);
}

void fillProof(const std::vector<crypto::Hash>& hashes, v1::Proof* resp) {
  for (const auto& h : hashes) resp->add_hashes(h.str());
}
}  // namespace

grpc::ServerUnaryReactor* LogServiceImpl::GetCheckpoint(grpc::CallbackServerContext* ctx,
                                                        const v1::GetCheckpointRequest* req,
                                                        v1::SignedCheckpoint* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto log, logOf(req->log()));
    SAMRAD_ASSIGN_OR_RETURN(auto cp, p_.checkpoint(c, log));
    resp->set_note(cp.first);
    resp->set_size(cp.second);
    SAMRAD_ASSIGN_OR_RETURN(auto witness, p_.witnessCheckpoint(c, log));
    resp->set_witness_note(witness.first);
    resp->set_witness_size(witness.second);
    return okStatus();
  });
}

grpc::ServerUnaryReactor* LogServiceImpl::AddCosignature(grpc::CallbackServerContext* ctx,
                                                         const v1::AddCosignatureRequest* req,
                                                         v1::AddCosignatureResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto log, logOf(req->log()));
    SAMRAD_ASSIGN_OR_RETURN(
        auto agencies, p_.addCosignature(c, log, req->size(), crypto::asBytes(req->cosignature())));
    resp->set_agencies(static_cast<std::uint32_t>(agencies));
    return okStatus();
  });
}

grpc::ServerUnaryReactor* LogServiceImpl::GetWitnessedCheckpoint(
    grpc::CallbackServerContext* ctx, const v1::GetWitnessedCheckpointRequest* req,
    v1::SignedCheckpoint* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto log, logOf(req->log()));
    SAMRAD_ASSIGN_OR_RETURN(auto cp, p_.witnessedCheckpoint(c, log, req->min_agencies()));
    resp->set_note(cp.first);
    resp->set_size(cp.second);
    return okStatus();
  });
}

grpc::ServerUnaryReactor* LogServiceImpl::GetInclusionProof(grpc::CallbackServerContext* ctx,
                                                            const v1::GetInclusionProofRequest* req,
                                                            v1::Proof* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto log, logOf(req->log()));
    SAMRAD_ASSIGN_OR_RETURN(auto proof, p_.inclusionProof(c, log, req->index(), req->tree_size()));
    fillProof(proof, resp);
    return okStatus();
  });
}

grpc::ServerUnaryReactor* LogServiceImpl::GetConsistencyProof(
    grpc::CallbackServerContext* ctx, const v1::GetConsistencyProofRequest* req, v1::Proof* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto log, logOf(req->log()));
    SAMRAD_ASSIGN_OR_RETURN(auto proof,
                            p_.consistencyProof(c, log, req->first_size(), req->second_size()));
    fillProof(proof, resp);
    return okStatus();
  });
}

grpc::ServerUnaryReactor* LogServiceImpl::GetLogEntries(grpc::CallbackServerContext* ctx,
                                                        const v1::GetLogEntriesRequest* req,
                                                        v1::LogEntries* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto log, logOf(req->log()));
    SAMRAD_ASSIGN_OR_RETURN(auto entries, p_.logEntries(c, log, req->start(), req->count()));
    for (const auto& e : entries) resp->add_entries(e.data(), e.size());
    return okStatus();
  });
}

// ---- sync -------------------------------------------------------------------

namespace {

v1::Event toProto(const domain::EventRecord& e) {
  v1::Event out;
  out.set_group_id(e.group.str());
  out.set_seq(e.seq);
  out.set_kind(static_cast<v1::EventKind>(e.kind));
  if (e.object) out.set_object_id(e.object->str());
  out.set_version(e.version);
  out.set_object_kind(e.objectKind);
  out.set_at(e.at);
  return out;
}

// Streams a group's events in sequence order with no gap. It first pages
// through the stored backlog, one page at a time as the client drains it (a
// client far behind costs one page of memory), and then switches to live
// events. An event is published only once it is durable, and a page holds
// only events published so far (Platform::eventsAfter), so no client sees
// an event a crash could take back. A live event that arrives while the
// stream is still catching up is skipped: the next page brings it. Events
// published out of order (two commits announced by two threads) wait in
// `pending_` for the one before them. Live events wait in a bounded queue;
// a subscriber that stops reading is ended with RESOURCE_EXHAUSTED and
// resumes from its last sequence.
class EventStream final : public grpc::ServerWriteReactor<v1::Event> {
 public:
  EventStream(domain::Platform& p, Caller caller, crypto::GroupId group, std::uint64_t after)
      : p_(p), caller_(caller), group_(group), state_(std::make_shared<State>()) {
    state_->self = this;
    state_->nextSeq = after + 1;
    std::weak_ptr<State> weak = state_;
    token_ = p_.events().subscribe(group_, [weak](const domain::EventRecord& e) {
      if (auto s = weak.lock()) {
        std::lock_guard lock(s->mu);
        if (s->self != nullptr) s->self->enqueueLocked(e);
      }
    });
    std::lock_guard lock(state_->mu);
    pumpLocked();
  }

  void OnWriteDone(bool ok) override {
    std::lock_guard lock(state_->mu);
    writing_ = false;
    if (!ok) {
      finishLocked(grpc::Status(grpc::StatusCode::UNAVAILABLE, "the client went away"));
      return;
    }
    pumpLocked();
  }

  void OnCancel() override {
    std::lock_guard lock(state_->mu);
    finishLocked(grpc::Status::CANCELLED);
  }

  void OnDone() override {
    p_.events().unsubscribe(token_);
    {
      std::lock_guard lock(state_->mu);
      state_->self = nullptr;
    }
    delete this;
  }

 private:
  static constexpr std::size_t kPage = 500;

  struct State {
    std::mutex mu;
    EventStream* self = nullptr;
    std::uint64_t nextSeq = 1;
  };

  void enqueueLocked(const domain::EventRecord& e) {
    if (finished_ || catchingUp_ || e.seq < state_->nextSeq) return;
    pending_.emplace(e.seq, e);
    if (pending_.size() > p_.limits().maxSubscriberBacklog) {
      metrics::subscribersDropped().inc();
      finishLocked(grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                                "sync.too_slow: resubscribe from your last sequence"));
      return;
    }
    pumpLocked();
  }

  void pumpLocked() {
    if (writing_ || finished_) return;
    if (catchingUp_ && backlog_.empty()) {
      auto page = p_.eventsAfter(caller_, group_, state_->nextSeq - 1, kPage);
      if (!page) {
        finishLocked(toGrpc(page.error()));
        return;
      }
      if (page->size() < kPage) catchingUp_ = false;  // the rest arrives live
      for (auto& e : *page) backlog_.push_back(std::move(e));
    }
    domain::EventRecord next;
    if (!backlog_.empty()) {
      next = std::move(backlog_.front());
      backlog_.pop_front();
    } else {
      auto it = pending_.find(state_->nextSeq);
      if (it == pending_.end()) return;
      next = std::move(it->second);
      pending_.erase(it);
    }
    // A removed member's stream ends at once.
    if (!p_.isMemberDevice(group_, caller_.device)) {
      finishLocked(grpc::Status(grpc::StatusCode::PERMISSION_DENIED,
                                "group.not_member: this device is no longer a member"));
      return;
    }
    out_ = toProto(next);
    state_->nextSeq = next.seq + 1;
    writing_ = true;
    StartWrite(&out_);
  }

  void finishLocked(const grpc::Status& s) {
    if (finished_) return;
    finished_ = true;
    Finish(s);
  }

  domain::Platform& p_;
  Caller caller_;
  crypto::GroupId group_;
  std::shared_ptr<State> state_;
  std::uint64_t token_ = 0;
  bool catchingUp_ = true;
  std::deque<domain::EventRecord> backlog_;
  std::map<std::uint64_t, domain::EventRecord> pending_;
  v1::Event out_;
  bool writing_ = false;
  bool finished_ = false;
};

class FailedStream final : public grpc::ServerWriteReactor<v1::Event> {
 public:
  explicit FailedStream(const grpc::Status& s) { Finish(s); }
  void OnDone() override { delete this; }
};

}  // namespace

grpc::ServerWriteReactor<v1::Event>* SyncServiceImpl::Subscribe(grpc::CallbackServerContext* ctx,
                                                                const v1::SubscribeRequest* req) {
  auto caller = p_.authenticate(bearer(ctx));
  if (!caller) return new FailedStream(toGrpc(caller.error()));
  auto gid = idField<crypto::GroupId>(req->group_id(), "group_id");
  if (!gid) return new FailedStream(toGrpc(gid.error()));
  auto allowed = p_.authorize(domain::Operation::Subscribe, &*caller, &*gid);
  if (!allowed) return new FailedStream(toGrpc(allowed.error()));
  return new EventStream(p_, *caller, *gid, req->after_seq());
}

}  // namespace samrad::server::rpc

// ---- consent ----------------------------------------------------------------

namespace samrad::server::rpc {

grpc::ServerUnaryReactor* ConsentServiceImpl::RegisterConsent(grpc::CallbackServerContext* ctx,
                                                              const v1::RegisterConsentRequest* req,
                                                              v1::RegisterConsentResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_TRY(p_.authorize(domain::Operation::RegisterConsent, &c, &gid));
    domain::ConsentSpec spec;
    SAMRAD_ASSIGN_OR_RETURN(spec.caseId, idField<crypto::CaseId>(req->case_id(), "case_id"));
    SAMRAD_ASSIGN_OR_RETURN(spec.recordObject,
                            idField<crypto::ObjectId>(req->record_object_id(), "record_object_id"));
    if (req->recipient_agencies_size() > 64) {
      return Error(ErrorCode::InvalidArgument, "consent.too_many_agencies",
                   "a consent names at most 64 agencies");
    }
    for (const auto& a : req->recipient_agencies()) {
      SAMRAD_ASSIGN_OR_RETURN(auto aid, idField<crypto::AgencyId>(a, "recipient_agencies"));
      spec.recipients.push_back(aid);
    }
    spec.validFrom = req->valid_from();
    spec.validUntil = req->valid_until();
    if (!req->form_attachment_id().empty()) {
      SAMRAD_ASSIGN_OR_RETURN(
          auto f, idField<crypto::ObjectId>(req->form_attachment_id(), "form_attachment_id"));
      spec.formAttachment = f;
    }
    return idempotent(p_, c, req->idempotency(), "RegisterConsent", resp, [&]() -> Status {
      SAMRAD_ASSIGN_OR_RETURN(auto r, p_.registerConsent(c, gid, spec));
      domain::consentToProto(r.first, *resp->mutable_consent());
      resp->set_event_seq(r.second);
      return okStatus();
    });
  });
}

grpc::ServerUnaryReactor* ConsentServiceImpl::WithdrawConsent(grpc::CallbackServerContext* ctx,
                                                              const v1::WithdrawConsentRequest* req,
                                                              v1::WithdrawConsentResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_ASSIGN_OR_RETURN(auto cid, idField<crypto::CaseId>(req->case_id(), "case_id"));
    SAMRAD_TRY(p_.authorize(domain::Operation::WithdrawConsent, &c, &gid));
    return idempotent(p_, c, req->idempotency(), "WithdrawConsent", resp, [&]() -> Status {
      SAMRAD_ASSIGN_OR_RETURN(auto r, p_.withdrawConsent(c, gid, cid));
      domain::consentToProto(r.consent, *resp->mutable_consent());
      resp->set_objects_narrowed(static_cast<std::uint32_t>(r.narrowed));
      resp->set_objects_deleted(static_cast<std::uint32_t>(r.deleted));
      resp->set_event_seq(r.eventSeq);
      return okStatus();
    });
  });
}

grpc::ServerUnaryReactor* ConsentServiceImpl::GetConsent(grpc::CallbackServerContext* ctx,
                                                         const v1::GetConsentRequest* req,
                                                         v1::ConsentState* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_ASSIGN_OR_RETURN(auto cid, idField<crypto::CaseId>(req->case_id(), "case_id"));
    SAMRAD_ASSIGN_OR_RETURN(auto r, p_.getConsent(c, gid, cid));
    domain::consentToProto(r, *resp);
    return okStatus();
  });
}

grpc::ServerUnaryReactor* ConsentServiceImpl::ListConsents(grpc::CallbackServerContext* ctx,
                                                           const v1::ListConsentsRequest* req,
                                                           v1::ListConsentsResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    std::size_t pageSize = req->page().page_size() == 0 ? 100 : req->page().page_size();
    if (pageSize > p_.limits().maxPage) {
      return Error(ErrorCode::InvalidArgument, "request.bad_page",
                   "page_size is at most " + std::to_string(p_.limits().maxPage));
    }
    std::optional<crypto::CaseId> after;
    if (!req->page().page_token().empty()) {
      SAMRAD_ASSIGN_OR_RETURN(auto a,
                              idField<crypto::CaseId>(req->page().page_token(), "page_token"));
      after = a;
    }
    SAMRAD_ASSIGN_OR_RETURN(auto all, p_.listConsents(c, gid, after ? &*after : nullptr, pageSize));
    for (const auto& r : all) domain::consentToProto(r, *resp->add_consents());
    if (all.size() == pageSize) resp->set_next_page_token(all.back().caseId.str());
    return okStatus();
  });
}

grpc::ServerUnaryReactor* CaseServiceImpl::RegisterReferral(grpc::CallbackServerContext* ctx,
                                                            const v1::RegisterReferralRequest* req,
                                                            v1::RegisterReferralResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_ASSIGN_OR_RETURN(auto cid, idField<crypto::CaseId>(req->case_id(), "case_id"));
    SAMRAD_TRY(p_.authorize(domain::Operation::RegisterReferral, &c, &gid));
    crypto::Hash tag;
    if (req->person_tag().size() != tag.bytes.size()) {
      return Error(ErrorCode::InvalidArgument, "request.bad_tag", "person_tag must be 32 bytes");
    }
    std::copy(req->person_tag().begin(), req->person_tag().end(), tag.bytes.begin());
    if (req->generation() == 0) {
      return Error(ErrorCode::InvalidArgument, "request.missing", "generation is required");
    }
    return idempotent(p_, c, req->idempotency(), "RegisterReferral", resp, [&]() -> Status {
      SAMRAD_ASSIGN_OR_RETURN(auto r, p_.registerReferral(c, gid, cid, tag, req->generation()));
      resp->set_repeat(r.repeat);
      resp->set_registered_at(r.registeredAt);
      return okStatus();
    });
  });
}

grpc::ServerUnaryReactor* CaseServiceImpl::ListRepeatReferrals(
    grpc::CallbackServerContext* ctx, const v1::ListRepeatReferralsRequest* req,
    v1::ListRepeatReferralsResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_TRY(p_.authorize(domain::Operation::ListRepeatReferrals, &c, &gid));
    SAMRAD_ASSIGN_OR_RETURN(auto r, p_.listRepeatReferrals(c, gid));
    for (const auto& rr : r.first) {
      auto* out = resp->add_referrals();
      out->set_case_id(rr.caseId.str());
      out->set_registered_at(rr.registeredAt);
      for (const auto& [id, at] : rr.earlier) {
        auto* e = out->add_earlier();
        e->set_case_id(id.str());
        e->set_registered_at(at);
      }
    }
    resp->set_generation(r.second);
    return okStatus();
  });
}

grpc::ServerUnaryReactor* CaseServiceImpl::RotatePersonTags(grpc::CallbackServerContext* ctx,
                                                            const v1::RotatePersonTagsRequest* req,
                                                            v1::RotatePersonTagsResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_TRY(p_.authorize(domain::Operation::RotatePersonTags, &c, &gid));
    if (req->to_generation() < 2) {
      return Error(ErrorCode::InvalidArgument, "request.missing",
                   "to_generation is required and at least 2");
    }
    return idempotent(p_, c, req->idempotency(), "RotatePersonTags", resp, [&]() -> Status {
      SAMRAD_ASSIGN_OR_RETURN(
          auto r, p_.rotatePersonTags(c, gid, req->to_generation(), crypto::asBytes(req->delta())));
      resp->set_generation(r.first);
      resp->set_rekeyed(static_cast<std::uint32_t>(r.second));
      return okStatus();
    });
  });
}

namespace {

void retentionToProto(const domain::RetentionPolicy& p, v1::RetentionPolicy& out) {
  out.set_deidentified_case_months(p.deidentifiedCaseMonths);
  out.set_consented_case_months(p.consentedCaseMonths);
  out.set_consent_record_years(p.consentRecordYears);
  out.set_set_at(p.setAt);
  if (p.setAt != 0) out.set_set_by_device(p.setBy.str());
}

void adviceToProto(const domain::AdviceRecord& a, v1::AdviceEntry& out) {
  out.set_group_id(a.group.str());
  out.set_request_id(a.id.str());
  out.set_requester_user(a.requesterUser.str());
  out.set_requester_device(a.requesterDevice.str());
  out.set_sealed_question(a.question.data(), a.question.size());
  out.set_submitted_at(a.submittedAt);
  out.set_status(static_cast<v1::AdviceStatus>(a.status));
  out.set_status_at(a.statusAt);
  out.set_answer(a.answer.data(), a.answer.size());
  out.set_answered_at(a.answeredAt);
  if (a.answeredBy) out.set_answered_by_device(a.answeredBy->str());
}

}  // namespace

grpc::ServerUnaryReactor* CaseServiceImpl::SetCaseState(grpc::CallbackServerContext* ctx,
                                                        const v1::SetCaseStateRequest* req,
                                                        v1::SetCaseStateResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_ASSIGN_OR_RETURN(auto cid, idField<crypto::CaseId>(req->case_id(), "case_id"));
    SAMRAD_TRY(p_.authorize(domain::Operation::SetCaseState, &c, &gid));
    return idempotent(p_, c, req->idempotency(), "SetCaseState", resp, [&]() -> Status {
      SAMRAD_ASSIGN_OR_RETURN(auto st,
                              p_.setCaseState(c, gid, cid, req->deidentified(), req->closed()));
      resp->set_closed_at(st.closedAt);
      return okStatus();
    });
  });
}

grpc::ServerUnaryReactor* CaseServiceImpl::ShareCase(grpc::CallbackServerContext* ctx,
                                                     const v1::ShareCaseRequest* req,
                                                     v1::ShareCaseResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_ASSIGN_OR_RETURN(auto cid, idField<crypto::CaseId>(req->case_id(), "case_id"));
    SAMRAD_TRY(p_.authorize(domain::Operation::ShareCase, &c, &gid));
    if (static_cast<std::size_t>(req->device_ids_size()) > p_.limits().maxAccessDevices) {
      return Error(ErrorCode::InvalidArgument, "case.bad_devices", "too many devices");
    }
    std::vector<crypto::DeviceId> devices;
    for (const auto& d : req->device_ids()) {
      SAMRAD_ASSIGN_OR_RETURN(auto id, idField<crypto::DeviceId>(d, "device_ids"));
      devices.push_back(id);
    }
    return idempotent(p_, c, req->idempotency(), "ShareCase", resp, [&]() -> Status {
      SAMRAD_ASSIGN_OR_RETURN(auto r, p_.shareCase(c, gid, cid, devices));
      resp->set_widened(static_cast<std::uint32_t>(r.first));
      resp->set_event_seq(r.second);
      return okStatus();
    });
  });
}

grpc::ServerUnaryReactor* CaseServiceImpl::SetRetentionPolicy(
    grpc::CallbackServerContext* ctx, const v1::SetRetentionPolicyRequest* req,
    v1::RetentionPolicy* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_TRY(p_.authorize(domain::Operation::SetRetentionPolicy, &c, &gid));
    domain::RetentionPolicy policy;
    policy.deidentifiedCaseMonths = req->policy().deidentified_case_months();
    policy.consentedCaseMonths = req->policy().consented_case_months();
    policy.consentRecordYears = req->policy().consent_record_years();
    return idempotent(p_, c, req->idempotency(), "SetRetentionPolicy", resp, [&]() -> Status {
      SAMRAD_ASSIGN_OR_RETURN(auto p, p_.setRetentionPolicy(c, gid, policy));
      retentionToProto(p, *resp);
      return okStatus();
    });
  });
}

grpc::ServerUnaryReactor* CaseServiceImpl::GetRetentionPolicy(
    grpc::CallbackServerContext* ctx, const v1::GetRetentionPolicyRequest* req,
    v1::RetentionPolicy* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_ASSIGN_OR_RETURN(auto p, p_.getRetentionPolicy(c, gid));
    retentionToProto(p, *resp);
    return okStatus();
  });
}

// ---- advice -----------------------------------------------------------------

grpc::ServerUnaryReactor* AdviceServiceImpl::SetIntakeKey(grpc::CallbackServerContext* ctx,
                                                          const v1::SetIntakeKeyRequest* req,
                                                          v1::SetIntakeKeyResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_TRY(p_.authorize(domain::Operation::SetIntakeKey, &c, &gid));
    return idempotent(p_, c, req->idempotency(), "SetIntakeKey", resp,
                      [&]() -> Status { return p_.setIntakeKey(c, gid, bytesOf(req->intake())); });
  });
}

grpc::ServerUnaryReactor* AdviceServiceImpl::GetIntakeKey(grpc::CallbackServerContext* ctx,
                                                          const v1::GetIntakeKeyRequest* req,
                                                          v1::GetIntakeKeyResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_ASSIGN_OR_RETURN(auto intake, p_.getIntakeKey(c, gid));
    resp->set_intake(intake.record.envelope.data(), intake.record.envelope.size());
    resp->set_device_certificate(intake.deviceCertificate.data(), intake.deviceCertificate.size());
    resp->set_user_certificate(intake.userCertificate.data(), intake.userCertificate.size());
    return okStatus();
  });
}

grpc::ServerUnaryReactor* AdviceServiceImpl::SetRequester(grpc::CallbackServerContext* ctx,
                                                          const v1::SetRequesterRequest* req,
                                                          v1::SetRequesterResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_ASSIGN_OR_RETURN(auto uid, idField<crypto::UserId>(req->user_id(), "user_id"));
    SAMRAD_TRY(p_.authorize(domain::Operation::SetRequester, &c, &gid));
    return idempotent(p_, c, req->idempotency(), "SetRequester", resp,
                      [&]() -> Status { return p_.setRequester(c, gid, uid, req->allowed()); });
  });
}

grpc::ServerUnaryReactor* AdviceServiceImpl::SubmitAdvice(grpc::CallbackServerContext* ctx,
                                                          const v1::SubmitAdviceRequest* req,
                                                          v1::SubmitAdviceResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_ASSIGN_OR_RETURN(auto rid, idField<crypto::ObjectId>(req->request_id(), "request_id"));
    SAMRAD_TRY(p_.authorize(domain::Operation::SubmitAdvice, &c, &gid));
    return idempotent(p_, c, req->idempotency(), "SubmitAdvice", resp, [&]() -> Status {
      SAMRAD_ASSIGN_OR_RETURN(auto a,
                              p_.submitAdvice(c, gid, rid, bytesOf(req->sealed_question())));
      adviceToProto(a, *resp->mutable_entry());
      return okStatus();
    });
  });
}

grpc::ServerUnaryReactor* AdviceServiceImpl::ListAdvice(grpc::CallbackServerContext* ctx,
                                                        const v1::ListAdviceRequest* req,
                                                        v1::ListAdviceResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    const std::size_t pageSize = req->page().page_size() == 0 ? 100 : req->page().page_size();
    if (pageSize > p_.limits().maxPage) {
      return Error(ErrorCode::InvalidArgument, "request.bad_page",
                   "page_size is at most " + std::to_string(p_.limits().maxPage));
    }
    std::optional<crypto::ObjectId> after;
    if (!req->page().page_token().empty()) {
      SAMRAD_ASSIGN_OR_RETURN(auto a,
                              idField<crypto::ObjectId>(req->page().page_token(), "page_token"));
      after = a;
    }
    SAMRAD_ASSIGN_OR_RETURN(auto all, p_.listAdvice(c, gid, after ? &*after : nullptr, pageSize));
    for (const auto& a : all) adviceToProto(a, *resp->add_entries());
    if (all.size() == pageSize) resp->set_next_page_token(all.back().id.str());
    return okStatus();
  });
}

grpc::ServerUnaryReactor* AdviceServiceImpl::SetAdviceStatus(grpc::CallbackServerContext* ctx,
                                                             const v1::SetAdviceStatusRequest* req,
                                                             v1::AdviceEntryResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_ASSIGN_OR_RETURN(auto rid, idField<crypto::ObjectId>(req->request_id(), "request_id"));
    SAMRAD_TRY(p_.authorize(domain::Operation::SetAdviceStatus, &c, &gid));
    const int status = req->status();
    if (status < 1 || status > 3) {
      return Error(ErrorCode::InvalidArgument, "advice.bad_status", "status is not valid");
    }
    return idempotent(p_, c, req->idempotency(), "SetAdviceStatus", resp, [&]() -> Status {
      SAMRAD_ASSIGN_OR_RETURN(
          auto a, p_.setAdviceStatus(c, gid, rid, static_cast<domain::AdviceStatus>(status)));
      adviceToProto(a, *resp->mutable_entry());
      return okStatus();
    });
  });
}

grpc::ServerUnaryReactor* AdviceServiceImpl::AnswerAdvice(grpc::CallbackServerContext* ctx,
                                                          const v1::AnswerAdviceRequest* req,
                                                          v1::AdviceEntryResponse* resp) {
  return unaryDurable(p_, w_, ctx, [=, this]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(Caller c, p_.authenticate(bearer(ctx)));
    SAMRAD_ASSIGN_OR_RETURN(auto gid, idField<crypto::GroupId>(req->group_id(), "group_id"));
    SAMRAD_ASSIGN_OR_RETURN(auto rid, idField<crypto::ObjectId>(req->request_id(), "request_id"));
    SAMRAD_TRY(p_.authorize(domain::Operation::AnswerAdvice, &c, &gid));
    return idempotent(p_, c, req->idempotency(), "AnswerAdvice", resp, [&]() -> Status {
      SAMRAD_ASSIGN_OR_RETURN(auto a, p_.answerAdvice(c, gid, rid, bytesOf(req->answer())));
      adviceToProto(a, *resp->mutable_entry());
      return okStatus();
    });
  });
}

}  // namespace samrad::server::rpc
