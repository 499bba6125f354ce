// The gRPC services of the platform: thin handlers that check the request's
// shape, resolve the caller, call one domain function and map the result.
// Every failure leaves as a precise gRPC status whose message names the field
// or rule — never SQL, keys or content.
#pragma once

#include <grpcpp/grpcpp.h>

#include "samrad/server/domain/platform.h"
#include "samrad/server/rpc/workers.h"
#include "samrad/v1/advice.grpc.pb.h"
#include "samrad/v1/auth.grpc.pb.h"
#include "samrad/v1/cases.grpc.pb.h"
#include "samrad/v1/consent.grpc.pb.h"
#include "samrad/v1/enrollment.grpc.pb.h"
#include "samrad/v1/groups.grpc.pb.h"
#include "samrad/v1/log.grpc.pb.h"
#include "samrad/v1/objects.grpc.pb.h"
#include "samrad/v1/sync.grpc.pb.h"

namespace samrad::server::rpc {

// The one mapping from domain errors to gRPC statuses.
grpc::Status toGrpc(const Error& error);

// Which domain operation an RPC performs ("/samrad.v1.ObjectService/PutObject"
// or "samrad.v1.ObjectService.PutObject"); nullopt for a method with no row,
// which the authorization matrix test refuses.
std::optional<domain::Operation> operationForMethod(std::string_view fullName);

class EnrollmentServiceImpl final : public samrad::v1::EnrollmentService::CallbackService {
 public:
  EnrollmentServiceImpl(domain::Platform& p, Workers& w) : p_(p), w_(w) {}
  grpc::ServerUnaryReactor* BootstrapAgency(grpc::CallbackServerContext* ctx,
                                            const v1::BootstrapAgencyRequest* req,
                                            v1::BootstrapAgencyResponse* resp) override;
  grpc::ServerUnaryReactor* RegisterUser(grpc::CallbackServerContext* ctx,
                                         const v1::RegisterUserRequest* req,
                                         v1::RegisterUserResponse* resp) override;
  grpc::ServerUnaryReactor* IssueEnrollmentCode(grpc::CallbackServerContext* ctx,
                                                const v1::IssueEnrollmentCodeRequest* req,
                                                v1::IssueEnrollmentCodeResponse* resp) override;
  grpc::ServerUnaryReactor* EnrollDevice(grpc::CallbackServerContext* ctx,
                                         const v1::EnrollDeviceRequest* req,
                                         v1::EnrollDeviceResponse* resp) override;
  grpc::ServerUnaryReactor* RevokeDevice(grpc::CallbackServerContext* ctx,
                                         const v1::RevokeDeviceRequest* req,
                                         v1::RevokeDeviceResponse* resp) override;
  grpc::ServerUnaryReactor* RevokeUser(grpc::CallbackServerContext* ctx,
                                       const v1::RevokeUserRequest* req,
                                       v1::RevokeUserResponse* resp) override;
  grpc::ServerUnaryReactor* GetAgency(grpc::CallbackServerContext* ctx,
                                      const v1::GetAgencyRequest* req, v1::Agency* resp) override;
  grpc::ServerUnaryReactor* GetCertificates(grpc::CallbackServerContext* ctx,
                                            const v1::GetCertificatesRequest* req,
                                            v1::Certificates* resp) override;

 private:
  domain::Platform& p_;
  Workers& w_;
};

class AuthServiceImpl final : public samrad::v1::AuthService::CallbackService {
 public:
  AuthServiceImpl(domain::Platform& p, Workers& w) : p_(p), w_(w) {}
  grpc::ServerUnaryReactor* GetChallenge(grpc::CallbackServerContext* ctx,
                                         const v1::GetChallengeRequest* req,
                                         v1::Challenge* resp) override;
  grpc::ServerUnaryReactor* Login(grpc::CallbackServerContext* ctx, const v1::LoginRequest* req,
                                  v1::Session* resp) override;
  grpc::ServerUnaryReactor* Logout(grpc::CallbackServerContext* ctx, const v1::LogoutRequest* req,
                                   v1::LogoutResponse* resp) override;

 private:
  domain::Platform& p_;
  Workers& w_;
};

class GroupServiceImpl final : public samrad::v1::GroupService::CallbackService {
 public:
  GroupServiceImpl(domain::Platform& p, Workers& w) : p_(p), w_(w) {}
  grpc::ServerUnaryReactor* CreateGroup(grpc::CallbackServerContext* ctx,
                                        const v1::CreateGroupRequest* req,
                                        v1::CreateGroupResponse* resp) override;
  grpc::ServerUnaryReactor* AppendLink(grpc::CallbackServerContext* ctx,
                                       const v1::AppendLinkRequest* req,
                                       v1::AppendLinkResponse* resp) override;
  grpc::ServerUnaryReactor* GetChain(grpc::CallbackServerContext* ctx,
                                     const v1::GetChainRequest* req, v1::Chain* resp) override;
  grpc::ServerUnaryReactor* PutEpochKeys(grpc::CallbackServerContext* ctx,
                                         const v1::PutEpochKeysRequest* req,
                                         v1::PutEpochKeysResponse* resp) override;
  grpc::ServerUnaryReactor* GetEpochKeys(grpc::CallbackServerContext* ctx,
                                         const v1::GetEpochKeysRequest* req,
                                         v1::EpochKeys* resp) override;
  grpc::ServerUnaryReactor* ListMyGroups(grpc::CallbackServerContext* ctx,
                                         const v1::ListMyGroupsRequest* req,
                                         v1::ListMyGroupsResponse* resp) override;

 private:
  domain::Platform& p_;
  Workers& w_;
};

class ObjectServiceImpl final : public samrad::v1::ObjectService::CallbackService {
 public:
  ObjectServiceImpl(domain::Platform& p, Workers& w) : p_(p), w_(w) {}
  grpc::ServerUnaryReactor* PutObject(grpc::CallbackServerContext* ctx,
                                      const v1::PutObjectRequest* req,
                                      v1::PutObjectResponse* resp) override;
  grpc::ServerUnaryReactor* GetObject(grpc::CallbackServerContext* ctx,
                                      const v1::GetObjectRequest* req,
                                      v1::StoredObject* resp) override;
  grpc::ServerUnaryReactor* ListObjects(grpc::CallbackServerContext* ctx,
                                        const v1::ListObjectsRequest* req,
                                        v1::ListObjectsResponse* resp) override;
  grpc::ServerUnaryReactor* DeleteObject(grpc::CallbackServerContext* ctx,
                                         const v1::DeleteObjectRequest* req,
                                         v1::DeleteObjectResponse* resp) override;
  grpc::ServerReadReactor<v1::AttachmentUpload>* UploadAttachment(
      grpc::CallbackServerContext* ctx, v1::AttachmentReceipt* resp) override;
  grpc::ServerUnaryReactor* GetAttachmentStatus(grpc::CallbackServerContext* ctx,
                                                const v1::AttachmentStatusRequest* req,
                                                v1::AttachmentReceipt* resp) override;
  grpc::ServerWriteReactor<v1::AttachmentData>* DownloadAttachment(
      grpc::CallbackServerContext* ctx, const v1::DownloadAttachmentRequest* req) override;
  grpc::ServerUnaryReactor* DeleteAttachment(grpc::CallbackServerContext* ctx,
                                             const v1::DeleteAttachmentRequest* req,
                                             v1::DeleteAttachmentResponse* resp) override;

 private:
  domain::Platform& p_;
  Workers& w_;
};

class SyncServiceImpl final : public samrad::v1::SyncService::CallbackService {
 public:
  SyncServiceImpl(domain::Platform& p, Workers& w) : p_(p), w_(w) {}
  grpc::ServerWriteReactor<v1::Event>* Subscribe(grpc::CallbackServerContext* ctx,
                                                 const v1::SubscribeRequest* req) override;

 private:
  domain::Platform& p_;
  Workers& w_;
};

class ConsentServiceImpl final : public samrad::v1::ConsentService::CallbackService {
 public:
  ConsentServiceImpl(domain::Platform& p, Workers& w) : p_(p), w_(w) {}
  grpc::ServerUnaryReactor* RegisterConsent(grpc::CallbackServerContext* ctx,
                                            const v1::RegisterConsentRequest* req,
                                            v1::RegisterConsentResponse* resp) override;
  grpc::ServerUnaryReactor* WithdrawConsent(grpc::CallbackServerContext* ctx,
                                            const v1::WithdrawConsentRequest* req,
                                            v1::WithdrawConsentResponse* resp) override;
  grpc::ServerUnaryReactor* GetConsent(grpc::CallbackServerContext* ctx,
                                       const v1::GetConsentRequest* req,
                                       v1::ConsentState* resp) override;
  grpc::ServerUnaryReactor* ListConsents(grpc::CallbackServerContext* ctx,
                                         const v1::ListConsentsRequest* req,
                                         v1::ListConsentsResponse* resp) override;

 private:
  domain::Platform& p_;
  Workers& w_;
};

class CaseServiceImpl final : public samrad::v1::CaseService::CallbackService {
 public:
  CaseServiceImpl(domain::Platform& p, Workers& w) : p_(p), w_(w) {}
  grpc::ServerUnaryReactor* RegisterReferral(grpc::CallbackServerContext* ctx,
                                             const v1::RegisterReferralRequest* req,
                                             v1::RegisterReferralResponse* resp) override;
  grpc::ServerUnaryReactor* ListRepeatReferrals(grpc::CallbackServerContext* ctx,
                                                const v1::ListRepeatReferralsRequest* req,
                                                v1::ListRepeatReferralsResponse* resp) override;
  grpc::ServerUnaryReactor* RotatePersonTags(grpc::CallbackServerContext* ctx,
                                             const v1::RotatePersonTagsRequest* req,
                                             v1::RotatePersonTagsResponse* resp) override;
  grpc::ServerUnaryReactor* ShareCase(grpc::CallbackServerContext* ctx,
                                      const v1::ShareCaseRequest* req,
                                      v1::ShareCaseResponse* resp) override;
  grpc::ServerUnaryReactor* SetCaseState(grpc::CallbackServerContext* ctx,
                                         const v1::SetCaseStateRequest* req,
                                         v1::SetCaseStateResponse* resp) override;
  grpc::ServerUnaryReactor* SetRetentionPolicy(grpc::CallbackServerContext* ctx,
                                               const v1::SetRetentionPolicyRequest* req,
                                               v1::RetentionPolicy* resp) override;
  grpc::ServerUnaryReactor* GetRetentionPolicy(grpc::CallbackServerContext* ctx,
                                               const v1::GetRetentionPolicyRequest* req,
                                               v1::RetentionPolicy* resp) override;

 private:
  domain::Platform& p_;
  Workers& w_;
};

class AdviceServiceImpl final : public samrad::v1::AdviceService::CallbackService {
 public:
  AdviceServiceImpl(domain::Platform& p, Workers& w) : p_(p), w_(w) {}
  grpc::ServerUnaryReactor* SetIntakeKey(grpc::CallbackServerContext* ctx,
                                         const v1::SetIntakeKeyRequest* req,
                                         v1::SetIntakeKeyResponse* resp) override;
  grpc::ServerUnaryReactor* GetIntakeKey(grpc::CallbackServerContext* ctx,
                                         const v1::GetIntakeKeyRequest* req,
                                         v1::GetIntakeKeyResponse* resp) override;
  grpc::ServerUnaryReactor* SetRequester(grpc::CallbackServerContext* ctx,
                                         const v1::SetRequesterRequest* req,
                                         v1::SetRequesterResponse* resp) override;
  grpc::ServerUnaryReactor* SubmitAdvice(grpc::CallbackServerContext* ctx,
                                         const v1::SubmitAdviceRequest* req,
                                         v1::SubmitAdviceResponse* resp) override;
  grpc::ServerUnaryReactor* ListAdvice(grpc::CallbackServerContext* ctx,
                                       const v1::ListAdviceRequest* req,
                                       v1::ListAdviceResponse* resp) override;
  grpc::ServerUnaryReactor* SetAdviceStatus(grpc::CallbackServerContext* ctx,
                                            const v1::SetAdviceStatusRequest* req,
                                            v1::AdviceEntryResponse* resp) override;
  grpc::ServerUnaryReactor* AnswerAdvice(grpc::CallbackServerContext* ctx,
                                         const v1::AnswerAdviceRequest* req,
                                         v1::AdviceEntryResponse* resp) override;

 private:
  domain::Platform& p_;
  Workers& w_;
};

class LogServiceImpl final : public samrad::v1::LogService::CallbackService {
 public:
  LogServiceImpl(domain::Platform& p, Workers& w) : p_(p), w_(w) {}
  grpc::ServerUnaryReactor* GetVerifierKey(grpc::CallbackServerContext* ctx,
                                           const v1::GetVerifierKeyRequest* req,
                                           v1::VerifierKey* resp) override;
  grpc::ServerUnaryReactor* GetCheckpoint(grpc::CallbackServerContext* ctx,
                                          const v1::GetCheckpointRequest* req,
                                          v1::SignedCheckpoint* resp) override;
  grpc::ServerUnaryReactor* GetInclusionProof(grpc::CallbackServerContext* ctx,
                                              const v1::GetInclusionProofRequest* req,
                                              v1::Proof* resp) override;
  grpc::ServerUnaryReactor* GetConsistencyProof(grpc::CallbackServerContext* ctx,
                                                const v1::GetConsistencyProofRequest* req,
                                                v1::Proof* resp) override;
  grpc::ServerUnaryReactor* GetLogEntries(grpc::CallbackServerContext* ctx,
                                          const v1::GetLogEntriesRequest* req,
                                          v1::LogEntries* resp) override;
  grpc::ServerUnaryReactor* AddCosignature(grpc::CallbackServerContext* ctx,
                                           const v1::AddCosignatureRequest* req,
                                           v1::AddCosignatureResponse* resp) override;
  grpc::ServerUnaryReactor* GetWitnessedCheckpoint(grpc::CallbackServerContext* ctx,
                                                   const v1::GetWitnessedCheckpointRequest* req,
                                                   v1::SignedCheckpoint* resp) override;

 private:
  domain::Platform& p_;
  Workers& w_;
};

}  // namespace samrad::server::rpc
