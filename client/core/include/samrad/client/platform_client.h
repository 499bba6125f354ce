// A typed client for the server platform's services (enrolment, login, groups,
// objects, sync). It speaks protobuf over TLS and returns errors as values; it
// holds the session token after login and never logs it. Everything it sends
// is already encrypted or signed by the crypto core.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "samrad/common/result.h"
#include "samrad/crypto/log_id.h"
#include "samrad/crypto/primitives.h"

namespace grpc {
class Channel;
class ClientContext;
}  // namespace grpc

namespace samrad::client {

struct ObjectEvent {
  std::uint64_t seq = 0;
  int kind = 0;  // samrad.v1.EventKind
  std::optional<crypto::ObjectId> object;
  std::uint64_t version = 0;
};

// What the server enforces of a case's consent (samrad.v1.ConsentState).
enum class ConsentState { Active = 1, Withdrawn = 2, Expired = 3 };
struct ServerConsent {
  crypto::GroupId group;
  crypto::CaseId caseId;
  crypto::AgencyId referringAgency;
  std::vector<crypto::AgencyId> recipients;
  std::int64_t validFrom = 0;
  std::int64_t validUntil = 0;
  ConsentState status = ConsentState::Active;
  crypto::ObjectId recordObject;
  std::int64_t registeredAt = 0;
  crypto::DeviceId registeredBy;
  std::int64_t endedAt = 0;
  std::optional<crypto::DeviceId> endedBy;
};
struct WithdrawResult {
  ServerConsent consent;
  std::uint32_t narrowed = 0;
  std::uint32_t deleted = 0;
};

struct PutResult {
  std::uint64_t version = 0;
  std::uint64_t eventSeq = 0;
};

class PlatformClient {
 public:
  explicit PlatformClient(std::shared_ptr<grpc::Channel> channel,
                          std::chrono::milliseconds timeout = std::chrono::seconds(10));
  ~PlatformClient();

  // Operator (token from the server's operator.key, hex).
  Result<std::string> bootstrapAgency(const std::string& operatorToken,
                                      const crypto::AgencyId& agency, int kind,
                                      const crypto::SigningPublicKey& root,
                                      const crypto::Bytes& adminCertificate);
  // Unauthenticated: the code is the credential. Returns the user certificate.
  Result<crypto::Bytes> enrollDevice(const std::string& code, const crypto::Bytes& deviceCert);
  // Challenge, sign, session. The signature names the server's id and the
  // TLS certificate this connection shows (crypto::loginMessage). With an
  // expected server id, another is refused (auth.wrong_server) before
  // anything is signed.
  Status login(const crypto::DeviceId& device, const crypto::SigningKeyPair& deviceKey);
  // Logs in before the next call that goes out, and again whenever that
  // fails (a device opened while the server was away: its first call once
  // the server answers logs it in).
  void loginWhenReachable(const crypto::DeviceId& device, const crypto::SigningKeyPair& deviceKey);
  // The server id this device enrolled with (kept in its profile).
  void expectServer(const crypto::Bytes& serverId);
  // The id the server showed at the last login (empty before one).
  [[nodiscard]] crypto::Bytes serverIdSeen() const;
  [[nodiscard]] bool loggedIn() const { return !token_.empty(); }
  // The bearer token, for callers that build their own requests (tests, the
  // CLI's raw mode). A secret: never log it.
  [[nodiscard]] const std::string& sessionToken() const { return token_; }

  Status registerUser(const crypto::Bytes& userCertificate);
  Result<std::string> issueEnrollmentCode(const crypto::UserId& user);
  Result<std::int64_t> revokeDevice(const crypto::DeviceId& device);
  // Administrator: revokes a user of their own agency and every device of theirs.
  Result<std::int64_t> revokeUser(const crypto::UserId& user);

  Result<crypto::Bytes> createGroup(const crypto::Bytes& genesisLink,
                                    const crypto::Bytes& idempotencyKey = {});
  Result<std::uint64_t> appendLink(const crypto::GroupId& group, const crypto::Bytes& link,
                                   const crypto::Bytes& idempotencyKey = {});
  Result<std::vector<crypto::Bytes>> getChain(const crypto::GroupId& group,
                                              std::uint64_t fromSeq = 0);
  Status putEpochKeys(const crypto::GroupId& group, const crypto::Bytes& bundle);
  Result<std::pair<std::uint64_t, crypto::Bytes>> getEpochKeys(const crypto::GroupId& group,
                                                               std::uint64_t epoch = 0);

  Result<PutResult> putObject(const crypto::GroupId& group, const crypto::ObjectId& object,
                              std::uint64_t expectedVersion, const crypto::Bytes& encrypted,
                              const std::vector<crypto::DeviceId>& onlyDevices = {},
                              const crypto::Bytes& idempotencyKey = {},
                              const std::optional<crypto::CaseId>& caseId = std::nullopt);
  Result<crypto::Bytes> getObject(const crypto::GroupId& group, const crypto::ObjectId& object,
                                  std::uint64_t version = 0);
  Result<std::uint64_t> deleteObject(const crypto::GroupId& group, const crypto::ObjectId& object,
                                     std::uint64_t expectedVersion);

  // Attachments: `cipher` is the whole encrypted stream; this sends
  // [from, until) of it (until = 0: to the end) in 64 KiB chunks.
  struct Receipt {
    std::uint64_t received = 0;
    bool complete = false;
  };
  Result<Receipt> uploadAttachment(const crypto::GroupId& group, const crypto::ObjectId& id,
                                   const crypto::Bytes& cipher, std::uint64_t from = 0,
                                   std::uint64_t until = 0,
                                   const std::vector<crypto::DeviceId>& onlyDevices = {},
                                   const std::optional<crypto::CaseId>& caseId = std::nullopt);
  Result<Receipt> attachmentStatus(const crypto::GroupId& group, const crypto::ObjectId& id);
  Result<crypto::Bytes> downloadAttachment(const crypto::GroupId& group, const crypto::ObjectId& id,
                                           std::uint64_t offset = 0);

  // Consent: what the server enforces for a case.
  Result<ServerConsent> registerConsent(const crypto::GroupId& group, const crypto::CaseId& caseId,
                                        const std::vector<crypto::AgencyId>& recipients,
                                        std::int64_t validFrom, std::int64_t validUntil,
                                        const crypto::ObjectId& recordObject,
                                        const crypto::Bytes& idempotencyKey = {},
                                        const std::optional<crypto::ObjectId>& formAttachment = {});
  Result<WithdrawResult> withdrawConsent(const crypto::GroupId& group, const crypto::CaseId& caseId,
                                         const crypto::Bytes& idempotencyKey = {});
  Result<ServerConsent> getConsent(const crypto::GroupId& group, const crypto::CaseId& caseId);
  Result<std::vector<ServerConsent>> listConsents(const crypto::GroupId& group);

  // A case's person tag under key `generation`; answers whether an earlier
  // case of the group within 365 days has the same tag, and the time recorded.
  struct Referral {
    bool repeat = false;
    std::int64_t registeredAt = 0;
  };
  Result<Referral> registerReferral(const crypto::GroupId& group, const crypto::CaseId& caseId,
                                    const crypto::Hash& personTag, std::uint32_t generation,
                                    const crypto::Bytes& idempotencyKey = {});
  // The coordinator's: the group's repeat referrals and its key generation.
  struct RepeatReferral {
    crypto::CaseId caseId;
    std::int64_t registeredAt = 0;
    std::vector<std::pair<crypto::CaseId, std::int64_t>> earlier;  // newest first
  };
  struct RepeatReferrals {
    std::vector<RepeatReferral> referrals;  // newest first
    std::uint32_t generation = 1;
  };
  Result<RepeatReferrals> listRepeatReferrals(const crypto::GroupId& group);
  // The coordinator's: re-key the group's tags to `toGeneration` with `delta`.
  // Returns the generation now current.
  Result<std::uint32_t> rotatePersonTags(const crypto::GroupId& group, std::uint32_t toGeneration,
                                         crypto::ByteView delta,
                                         const crypto::Bytes& idempotencyKey = {});

  // A user's certificates as the server holds them (the caller verifies).
  struct UserCertificates {
    crypto::Bytes user;
    std::vector<crypto::Bytes> devices;  // current, not revoked
  };
  Result<UserCertificates> certificates(const crypto::UserId& user);

  // Advice requests (samrad.v1.AdviceService). Status: samrad.v1.AdviceStatus.
  struct AdviceEntry {
    crypto::GroupId group;
    crypto::ObjectId id;
    crypto::UserId requesterUser;
    crypto::DeviceId requesterDevice;
    crypto::Bytes sealedQuestion;
    std::int64_t submittedAt = 0;
    int status = 0;
    std::int64_t statusAt = 0;
    crypto::Bytes answer;  // serialized samrad.v1.SealedAnswer, once answered
    std::int64_t answeredAt = 0;
    std::optional<crypto::DeviceId> answeredBy;
  };
  struct IntakeBundle {
    crypto::Bytes intake;  // signed envelope (samrad.v1.IntakeKey)
    crypto::Bytes deviceCertificate;
    crypto::Bytes userCertificate;
  };
  Status setIntakeKey(const crypto::GroupId& group, const crypto::Bytes& envelope,
                      const crypto::Bytes& idempotencyKey = {});
  Result<IntakeBundle> intakeKey(const crypto::GroupId& group);
  Status setRequester(const crypto::GroupId& group, const crypto::UserId& user, bool allowed,
                      const crypto::Bytes& idempotencyKey = {});
  Result<AdviceEntry> submitAdvice(const crypto::GroupId& group, const crypto::ObjectId& id,
                                   const crypto::Bytes& sealedQuestion,
                                   const crypto::Bytes& idempotencyKey = {});
  Result<std::vector<AdviceEntry>> listAdvice(const crypto::GroupId& group);
  Result<AdviceEntry> setAdviceStatus(const crypto::GroupId& group, const crypto::ObjectId& id,
                                      int status, const crypto::Bytes& idempotencyKey = {});
  Result<AdviceEntry> answerAdvice(const crypto::GroupId& group, const crypto::ObjectId& id,
                                   const crypto::Bytes& sealedAnswer,
                                   const crypto::Bytes& idempotencyKey = {});

  // Widens a case's access lists to more devices; returns how many objects
  // and attachments now reach them.
  Result<std::uint32_t> shareCase(const crypto::GroupId& group, const crypto::CaseId& caseId,
                                  const std::vector<crypto::DeviceId>& devices,
                                  const crypto::Bytes& idempotencyKey = {});

  // Retention: a case's kind and closure, the group's policy (0 = for ever).
  Result<std::int64_t> setCaseState(const crypto::GroupId& group, const crypto::CaseId& caseId,
                                    bool deidentified, bool closed,
                                    const crypto::Bytes& idempotencyKey = {});
  struct Retention {
    std::uint32_t deidentifiedCaseMonths = 0;
    std::uint32_t consentedCaseMonths = 0;
    std::uint32_t consentRecordYears = 0;
    std::int64_t setAt = 0;
  };
  Result<Retention> setRetentionPolicy(const crypto::GroupId& group, const Retention& policy,
                                       const crypto::Bytes& idempotencyKey = {});
  Result<Retention> retentionPolicy(const crypto::GroupId& group);

  // Transparency logs (crypto::LogId): each group's (its members only), the
  // directory (agency roots, certificates, revocations), the frozen legacy
  // log (checkpoint and proofs only). One key signs them all.
  Result<std::string> logVerifierKey();
  Result<std::pair<std::string, std::uint64_t>> checkpoint(const crypto::LogId& log);
  // The latest checkpoint and the one devices are asked to witness (with
  // its cosignatures so far).
  struct Checkpoints {
    std::string note;
    std::uint64_t size = 0;
    std::string witnessNote;
    std::uint64_t witnessSize = 0;
  };
  Result<Checkpoints> checkpoints(const crypto::LogId& log);
  // Returns how many agencies have cosigned that checkpoint.
  Result<std::size_t> addCosignature(const crypto::LogId& log, std::uint64_t size,
                                     crypto::ByteView cosignature);
  // The latest checkpoint cosigned by devices of at least `agencies` agencies.
  Result<std::pair<std::string, std::uint64_t>> witnessedCheckpoint(const crypto::LogId& log,
                                                                    std::uint32_t agencies);
  Result<std::vector<crypto::Hash>> inclusionProof(const crypto::LogId& log, std::uint64_t index,
                                                   std::uint64_t size);
  Result<std::vector<crypto::Hash>> consistencyProof(const crypto::LogId& log, std::uint64_t first,
                                                     std::uint64_t second);
  Result<std::vector<crypto::Bytes>> logEntries(const crypto::LogId& log, std::uint64_t start,
                                                std::uint32_t count);

  // Streams events after `afterSeq` until `onEvent` returns false, the stream
  // ends, or `maxWait` passes. Returns the last sequence seen.
  Result<std::uint64_t> subscribe(const crypto::GroupId& group, std::uint64_t afterSeq,
                                  const std::function<bool(const ObjectEvent&)>& onEvent,
                                  std::chrono::milliseconds maxWait);

 private:
  // Sets the deadline and the session token, first renewing a session that
  // ends within two minutes (a client that runs all day never meets
  // auth.expired).
  void prepare(grpc::ClientContext& ctx);
  struct Stubs;
  std::unique_ptr<Stubs> stubs_;
  std::chrono::milliseconds timeout_;
  std::string token_;
  // What renews the session: the device and a copy of its signing key, and
  // when (wall clock, which keeps running while the computer sleeps).
  mutable std::mutex sessionMu_;
  std::optional<crypto::DeviceId> renewDevice_;
  std::optional<crypto::SigningKeyPair> renewKey_;
  std::chrono::system_clock::time_point renewAt_ = std::chrono::system_clock::time_point::max();
  bool renewing_ = false;
  std::optional<std::string> expectedServer_;
  std::string serverIdSeen_;
};

// Turns a gRPC failure into an Error whose reason is the server's reason
// ("object.conflict", …) when the message carries one.
Error errorFromStatus(int code, const std::string& message);

}  // namespace samrad::client
