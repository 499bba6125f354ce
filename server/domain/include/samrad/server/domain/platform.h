// The server's domain layer: enrolment, login, groups, encrypted objects and
// change events, over the Store interface. Authorization lives here, in one
// place (authorize()), so a test can walk every operation × every role without
// gRPC. The services in server/rpc only translate protobuf to these calls.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "samrad/crypto/log_id.h"
#include "samrad/crypto/membership.h"
#include "samrad/crypto/merkle.h"
#include "samrad/crypto/note.h"
#include "samrad/server/domain/login_guard.h"
#include "samrad/server/domain/store.h"

namespace samrad::v1 {
class LogEntry;
}  // namespace samrad::v1

namespace samrad::server::domain {

// Who is calling, resolved from a session token: session → device → user.
struct Caller {
  DeviceId device;
  UserId user;
  AgencyId agency;
  crypto::UserRole role = crypto::UserRole::Member;
};

// Every operation the platform offers; authorize() decides each.
enum class Operation {
  BootstrapAgency,
  RegisterUser,
  IssueEnrollmentCode,
  EnrollDevice,
  RevokeDevice,
  RevokeUser,
  GetAgency,
  GetCertificates,
  GetChallenge,
  Login,
  Logout,
  CreateGroup,
  AppendLink,
  GetChain,
  PutEpochKeys,
  GetEpochKeys,
  ListMyGroups,
  PutObject,
  GetObject,
  ListObjects,
  DeleteObject,
  Subscribe,
  GetLogVerifierKey,
  GetCheckpoint,
  GetInclusionProof,
  GetConsistencyProof,
  GetLogEntries,
  UploadAttachment,
  GetAttachmentStatus,
  DownloadAttachment,
  DeleteAttachment,
  RegisterConsent,
  WithdrawConsent,
  GetConsent,
  ListConsents,
  RegisterReferral,
  ListRepeatReferrals,
  RotatePersonTags,
  SetIntakeKey,
  GetIntakeKey,
  SetRequester,
  SubmitAdvice,
  ListAdvice,
  SetAdviceStatus,
  AnswerAdvice,
  SetCaseState,
  SetRetentionPolicy,
  GetRetentionPolicy,
  ShareCase,
  AddCosignature,
  GetWitnessedCheckpoint,
};

// Every Operation, for tests that must cover them all.
inline constexpr Operation kAllOperations[] = {
    Operation::BootstrapAgency,
    Operation::RegisterUser,
    Operation::IssueEnrollmentCode,
    Operation::EnrollDevice,
    Operation::RevokeDevice,
    Operation::RevokeUser,
    Operation::GetAgency,
    Operation::GetCertificates,
    Operation::GetChallenge,
    Operation::Login,
    Operation::Logout,
    Operation::CreateGroup,
    Operation::AppendLink,
    Operation::GetChain,
    Operation::PutEpochKeys,
    Operation::GetEpochKeys,
    Operation::ListMyGroups,
    Operation::PutObject,
    Operation::GetObject,
    Operation::ListObjects,
    Operation::DeleteObject,
    Operation::Subscribe,
    Operation::GetLogVerifierKey,
    Operation::GetCheckpoint,
    Operation::GetInclusionProof,
    Operation::GetConsistencyProof,
    Operation::GetLogEntries,
    Operation::UploadAttachment,
    Operation::GetAttachmentStatus,
    Operation::DownloadAttachment,
    Operation::DeleteAttachment,
    Operation::RegisterConsent,
    Operation::WithdrawConsent,
    Operation::GetConsent,
    Operation::ListConsents,
    Operation::RegisterReferral,
    Operation::ListRepeatReferrals,
    Operation::RotatePersonTags,
    Operation::SetIntakeKey,
    Operation::GetIntakeKey,
    Operation::SetRequester,
    Operation::SubmitAdvice,
    Operation::ListAdvice,
    Operation::SetAdviceStatus,
    Operation::AnswerAdvice,
    Operation::SetCaseState,
    Operation::SetRetentionPolicy,
    Operation::GetRetentionPolicy,
    Operation::ShareCase,
    Operation::AddCosignature,
    Operation::GetWitnessedCheckpoint,
};

// What an operation needs from its caller.
enum class Requirement {
  None,               // the request carries its own credential (code, signature)
  Operator,           // the operator token
  Session,            // any logged-in device
  AgencyAdmin,        // an administrator of the agency concerned
  AdminOrOwnDevice,   // an administrator of the device's agency, or its own user
  GroupMember,        // a current member device of the group (any group role)
  GroupWriter,        // a current coordinator or member device (lawyers and observers read)
  GroupCoordinator,   // a current coordinator device of the group
  Requester,          // an external requester the group's coordinator allowed
  MemberOrRequester,  // either of the two (each sees only what is theirs)
  // A transparency log: a group's to its current member devices (any group
  // role), the directory's to any session (Platform::guardLog).
  LogReader,
};
Requirement requirementOf(Operation op);

struct Limits {
  std::size_t maxEnvelopeBytes = 64 * 1024 + 256;
  std::size_t maxObjectBytes = 4 * 1024 * 1024 + 4096;
  std::size_t maxAccessDevices = 1000;
  // Person tags a device, and a whole group, may register in 24 hours: far
  // above a consultation group's referrals, far below testing guesses.
  std::size_t referralsPerDevicePerDay = 20;
  std::size_t referralsPerGroupPerDay = 100;
  std::size_t maxPage = 500;
  std::uint64_t maxAttachmentBytes = 256ULL << 20;
  std::size_t maxAttachmentChunk = 64 * 1024 + 21;
  // Challenges, failed signatures and call budgets of login (LoginGuard).
  LoginGuardSettings login;
  std::int64_t sessionLifetime = 15 * 60;
  std::int64_t enrollmentCodeLifetime = 72 * 3600;
  // Events queued for one subscriber that is not reading; past this its
  // stream ends with RESOURCE_EXHAUSTED and it resubscribes from its last
  // sequence, so one slow client never holds memory or stalls the others.
  std::size_t maxSubscriberBacklog = 10000;
  // Witnessing: the checkpoint devices are asked to cosign stays the same
  // this long (so cosignatures from several agencies gather on one size);
  // a cosignature's time may differ from the server's by at most the skew.
  std::int64_t witnessInterval = 60;
  std::int64_t maxCosignatureSkew = 600;
};

// Fan-out of change events to live subscribers, and how far each group's
// events have been announced. An event is published only once the commit
// that stored it is durable, and a durable commit makes every earlier one
// durable too (the write-ahead log is written in order), so every event of a
// group up to the highest one published is on disk.
class EventHub {
 public:
  using Listener = std::function<void(const EventRecord&)>;
  std::uint64_t subscribe(const GroupId& group, Listener listener);
  void unsubscribe(std::uint64_t token);
  // Live subscriptions (for the metrics endpoint).
  std::size_t subscriberCount();
  // Call it once the event's commit is durable.
  void publish(const EventRecord& event);
  // Before this process stores its first event of `group`: `stored` is the
  // last sequence an earlier run stored, already on disk.
  void willAppend(const GroupId& group, std::uint64_t stored);
  // The sequence up to which the group's stored events are durable and
  // announced; nullopt while this process has stored none of its events
  // (then every stored one is an earlier run's).
  std::optional<std::uint64_t> announcedThrough(const GroupId& group);

 private:
  std::mutex mu_;
  std::uint64_t next_ = 1;
  std::map<std::uint64_t, std::pair<GroupId, Listener>> listeners_;
  std::map<GroupId, std::uint64_t> announced_;
};

struct AccessSpec {
  bool wholeGroup = true;
  std::vector<DeviceId> devices;
  // The case the object or attachment belongs to: consent is enforced on it.
  std::optional<crypto::CaseId> caseId;
};

// A consent to register: the referring agency is the caller's.
struct ConsentSpec {
  crypto::CaseId caseId;
  std::vector<AgencyId> recipients;
  std::int64_t validFrom = 0;
  std::int64_t validUntil = 0;
  ObjectId recordObject;
  std::optional<ObjectId> formAttachment;
};

// What ending a consent did.
struct ConsentEnded {
  ConsentRecord consent;
  std::size_t narrowed = 0;  // objects and attachments only the referring agency may now read
  std::size_t deleted = 0;   // nobody left to read them: deleted
  std::uint64_t eventSeq = 0;
};

// An idempotent request's answer, stored in the same transaction as the
// change it answers: a retry after a lost acknowledgement then finds it even
// if the server stopped between the change and the answer.
struct AnswerRecord {
  crypto::Bytes key;  // the client's idempotency key (checked by replay()); empty: none
  std::string method;
  // The serialized answer, from the change's new version and event sequence.
  std::function<crypto::Bytes(std::uint64_t version, std::uint64_t eventSeq)> build;
};

class Platform {
 public:
  // `logKey` signs the transparency log's checkpoints as `logOrigin`.
  Platform(Store& store, const Clock& clock, crypto::Bytes serverId, Hash operatorTokenHash,
           crypto::SigningKeyPair logKey, std::string logOrigin, Limits limits = {});
  // Answers every read still waiting for its audit entry, then stops.
  ~Platform();
  Platform(const Platform&) = delete;
  Platform& operator=(const Platform&) = delete;

  [[nodiscard]] const crypto::Bytes& serverId() const { return serverId_; }
  // SHA-256 of the TLS certificate devices see: a login signature names it,
  // so one made through a relay with another certificate is refused. Set
  // once, before serving.
  void setTlsCertificate(const crypto::Hash& digest) { tlsCertificate_ = digest; }
  [[nodiscard]] const crypto::Hash& tlsCertificate() const { return tlsCertificate_; }
  EventHub& events() { return hub_; }
  [[nodiscard]] const Limits& limits() const { return limits_; }

  // Makes this thread's changes durable; the services call it before they
  // answer, after the platform's own lock is released (group commit).
  Status awaitDurable() { return store_.sync(); }
  // Once every change committed so far, by anyone, is durable: an answer
  // that waits for it holds nothing a crash could take back (a link, a
  // head, a log entry that another request committed a moment ago).
  void whenAllDurable(std::function<void(Status)> done) { store_.whenAllDurable(std::move(done)); }

  // Authentication: resolves a bearer token (reasons auth.no_session,
  // auth.expired, auth.revoked).
  Result<Caller> authenticate(const std::string& bearerToken);
  Status checkOperator(const std::string& operatorToken) const;

  // Enrolment.
  Result<std::pair<std::string, std::int64_t>> bootstrapAgency(const AgencyId& id, int kind,
                                                               const crypto::Bytes& rootKey,
                                                               const crypto::Bytes& adminCert);
  Status registerUser(const Caller& caller, const crypto::Bytes& userCert);
  Result<std::pair<std::string, std::int64_t>> issueEnrollmentCode(const Caller& caller,
                                                                   const UserId& user);
  Result<crypto::Bytes> enrollDevice(const std::string& code, const crypto::Bytes& deviceCert);
  Result<std::int64_t> revokeDevice(const Caller& caller, const DeviceId& device);
  Result<std::int64_t> revokeUser(const Caller& caller, const UserId& user);
  Result<AgencyRecord> getAgency(const AgencyId& id);
  Result<std::pair<UserRecord, std::vector<DeviceRecord>>> getCertificates(const UserId& user);

  // Login. `peer` is the caller's network address (peerAddress()): call
  // budgets and failed signatures are counted per address, so a stranger
  // elsewhere cannot lock a device out.
  Result<std::pair<crypto::Bytes, std::int64_t>> challenge(const DeviceId& device,
                                                           std::string_view peer);
  Result<std::pair<std::string, std::int64_t>> login(const DeviceId& device,
                                                     const crypto::Bytes& challenge,
                                                     const crypto::Bytes& signature,
                                                     std::string_view peer);
  Status logout(const std::string& bearerToken);

  // Groups.
  Result<GroupRecord> createGroup(const Caller& caller, const crypto::Bytes& genesis);
  Result<GroupRecord> appendLink(const Caller& caller, const GroupId& group,
                                 const crypto::Bytes& link);
  Result<std::pair<std::vector<crypto::Bytes>, bool>> getChain(const Caller& caller,
                                                               const GroupId& group,
                                                               std::uint64_t fromSeq);
  Status putEpochKeys(const Caller& caller, const GroupId& group, const crypto::Bytes& bundle);
  Result<std::pair<std::uint64_t, crypto::Bytes>> getEpochKeys(const Caller& caller,
                                                               const GroupId& group,
                                                               std::uint64_t epoch);
  Result<std::vector<GroupRecord>> myGroups(const Caller& caller);

  // Objects.
  // Stores a new version: `done` gets its version and event sequence once it
  // is durable, on the commit lane's thread, or the refusal (possibly at
  // once, on this thread). The signature is checked here. A request whose
  // idempotency key (in `answer`) was seen before stores nothing and gets
  // the first answer, as recorded, in `replayed`.
  struct PutResult {
    std::uint64_t version = 0;
    std::uint64_t eventSeq = 0;
    std::optional<crypto::Bytes> replayed;
  };
  void putObject(const Caller& caller, const GroupId& group, const ObjectId& object,
                 std::uint64_t expectedVersion, crypto::Bytes body, AccessSpec access,
                 std::optional<AnswerRecord> answer, std::function<void(Result<PutResult>)> done);
  // The same, waiting for it.
  Result<PutResult> putObject(const Caller& caller, const GroupId& group, const ObjectId& object,
                              std::uint64_t expectedVersion, const crypto::Bytes& body,
                              const AccessSpec& access, const AnswerRecord* answer = nullptr);
  // A read is on the record before the content leaves: `done` gets the
  // object once the read's audit entry is durable, on the commit lane's
  // thread, or the refusal, at once on this thread. The lookups run here.
  using ObjectRead = std::pair<crypto::Bytes, ObjectHead>;
  void getObject(const Caller& caller, const GroupId& group, const ObjectId& object,
                 std::uint64_t version, std::function<void(Result<ObjectRead>)> done);
  // The same, waiting for it.
  Result<ObjectRead> getObject(const Caller& caller, const GroupId& group, const ObjectId& object,
                               std::uint64_t version);
  Result<std::vector<ObjectHead>> listObjects(const Caller& caller, const GroupId& group,
                                              const std::string& kind, const ObjectId* after,
                                              std::size_t limit);
  Result<std::uint64_t> deleteObject(const Caller& caller, const GroupId& group,
                                     const ObjectId& object, std::uint64_t expectedVersion);

  // Attachments. beginUpload returns the bytes already stored (the resume point).
  Result<std::uint64_t> beginUpload(const Caller& caller, const GroupId& group, const ObjectId& id,
                                    std::uint64_t totalSize, std::uint64_t offset,
                                    const AccessSpec& access);
  Result<std::uint64_t> uploadChunk(const Caller& caller, const GroupId& group, const ObjectId& id,
                                    std::uint64_t offset, const crypto::Bytes& data);
  Result<std::pair<std::uint64_t, std::uint64_t>> attachmentStatus(const Caller& caller,
                                                                   const GroupId& group,
                                                                   const ObjectId& id);
  // Starting a download is an audited read; chunks follow with readAttachment().
  Result<std::uint64_t> openAttachment(const Caller& caller, const GroupId& group,
                                       const ObjectId& id);
  Result<std::vector<std::pair<std::uint64_t, crypto::Bytes>>> readAttachment(const Caller& caller,
                                                                              const GroupId& group,
                                                                              const ObjectId& id,
                                                                              std::uint64_t offset,
                                                                              std::size_t maxBytes);
  Status deleteAttachment(const Caller& caller, const GroupId& group, const ObjectId& id);

  // Consent (DESIGN §2). Registering makes the server hold the case's objects
  // to the consent's scope; withdrawal, and expiry at valid_until, take
  // access from every device outside the referring agency at once, delete
  // what nobody may read any longer (other agencies' key boxes), and log it.
  Result<std::pair<ConsentRecord, std::uint64_t>> registerConsent(const Caller& caller,
                                                                  const GroupId& group,
                                                                  const ConsentSpec& spec);
  Result<ConsentEnded> withdrawConsent(const Caller& caller, const GroupId& group,
                                       const crypto::CaseId& caseId);
  Result<ConsentRecord> getConsent(const Caller& caller, const GroupId& group,
                                   const crypto::CaseId& caseId);
  Result<std::vector<ConsentRecord>> listConsents(const Caller& caller, const GroupId& group,
                                                  const crypto::CaseId* after, std::size_t limit);
  // Records the person tag of a case the caller's agency referred, made
  // under the group's current key `generation`, and says whether an earlier
  // case of the group within 365 days has the same tag — yes or no, nothing
  // more. One tag per case; rate-limited per device and group; logged.
  // Reasons: case.not_found, case.not_referring_agency, referral.bad_tag,
  // referral.generation, referral.tag_differs, referral.rate_limited.
  struct ReferralAnswer {
    bool repeat = false;
    std::int64_t registeredAt = 0;
  };
  Result<ReferralAnswer> registerReferral(const Caller& caller, const GroupId& group,
                                          const crypto::CaseId& caseId, const Hash& personTag,
                                          std::uint32_t generation);
  // The coordinator's view: each case of the last 365 days with earlier
  // cases under the same tag (newest first, ≤ 1000), and the current key
  // generation.
  struct RepeatReferral {
    crypto::CaseId caseId;
    std::int64_t registeredAt = 0;
    std::vector<std::pair<crypto::CaseId, std::int64_t>> earlier;  // newest first, ≤ 100
  };
  Result<std::pair<std::vector<RepeatReferral>, std::uint32_t>> listRepeatReferrals(
      const Caller& caller, const GroupId& group);
  // The coordinator renews the key: every stored tag times `delta`, and
  // `toGeneration` current. Asking for the current generation again is a
  // no-op. Returns the generation and how many tags were re-keyed. Reasons:
  // referral.generation, person_tag.bad_delta.
  Result<std::pair<std::uint32_t, std::size_t>> rotatePersonTags(const Caller& caller,
                                                                 const GroupId& group,
                                                                 std::uint32_t toGeneration,
                                                                 crypto::ByteView delta);

  // Widens the access lists of a case's objects and attachments the caller
  // may read to `devices` too (within the consent's scope), logs each and
  // announces each object again. Returns how many and the last event.
  // Reasons: case.bad_devices, object.bad_access, case.no_access, consent.*,
  // case.purged.
  Result<std::pair<std::size_t, std::uint64_t>> shareCase(const Caller& caller,
                                                          const GroupId& group,
                                                          const crypto::CaseId& caseId,
                                                          const std::vector<DeviceId>& devices);

  // Ends every active consent whose validity has run out; the server calls
  // it on a schedule. Returns how many ended.
  Result<std::size_t> expireConsents();

  // Advice requests (DESIGN §1, rådfrågning). The intake key is an envelope
  // signed by the calling coordinator's device; questions and answers are
  // sealed, the server checks only their shape and who may see them.
  Status setIntakeKey(const Caller& caller, const GroupId& group, const crypto::Bytes& envelope);
  struct Intake {
    IntakeRecord record;
    crypto::Bytes deviceCertificate;
    crypto::Bytes userCertificate;
  };
  Result<Intake> getIntakeKey(const Caller& caller, const GroupId& group);
  Status setRequester(const Caller& caller, const GroupId& group, const UserId& user, bool allowed);
  Result<AdviceRecord> submitAdvice(const Caller& caller, const GroupId& group, const ObjectId& id,
                                    const crypto::Bytes& sealedQuestion);
  // Members: every request; a requester: their own.
  Result<std::vector<AdviceRecord>> listAdvice(const Caller& caller, const GroupId& group,
                                               const ObjectId* after, std::size_t limit);
  Result<AdviceRecord> setAdviceStatus(const Caller& caller, const GroupId& group,
                                       const ObjectId& id, AdviceStatus status);
  // Once: a second answer is refused (advice.answered), never overwritten.
  Result<AdviceRecord> answerAdvice(const Caller& caller, const GroupId& group, const ObjectId& id,
                                    const crypto::Bytes& sealedAnswer);

  // Retention (DESIGN §4). A case's kind and closure, the group's policy, and
  // the scheduled deletion of what the policy says is due — each deletion logged.
  Result<CaseState> setCaseState(const Caller& caller, const GroupId& group,
                                 const crypto::CaseId& caseId, bool deidentified, bool closed);
  Result<RetentionPolicy> setRetentionPolicy(const Caller& caller, const GroupId& group,
                                             RetentionPolicy policy);
  Result<RetentionPolicy> getRetentionPolicy(const Caller& caller, const GroupId& group);
  // Deletes what every group's policy says is due; returns how many objects
  // and attachments went.
  Result<std::size_t> applyRetention();

  // Sync: checks membership, then returns the backlog after `afterSeq`.
  Result<std::vector<EventRecord>> eventsAfter(const Caller& caller, const GroupId& group,
                                               std::uint64_t afterSeq, std::size_t limit);
  // True while the device is still a member (live streams re-check on each event).
  bool isMemberDevice(const GroupId& group, const DeviceId& device);

  // The transparency logs (crypto::LogId, docs/transparency.md). Each call
  // guards itself: a group's log serves the group's member devices only
  // (group.not_member), its lawyer's included; the directory log any
  // session; the frozen legacy log its checkpoint and proofs, never its
  // entries (log.legacy_entries).
  [[nodiscard]] std::string logVerifierKey() const { return logSigner_.verifier().vkey(); }
  // Whether the logs opened: on the first start over a store with the
  // single log of earlier versions, its entries were carried into the
  // directory and group logs (openLogs()). A server that cannot must not
  // serve: its new logs would not bind the old one.
  [[nodiscard]] const Status& logsOpened() const { return logsOpened_; }
  Result<std::pair<std::string, std::uint64_t>> checkpoint(const Caller& caller,
                                                           const crypto::LogId& log);
  // The checkpoint devices are asked to witness, with every cosignature
  // gathered so far (a new one is chosen once the last is witnessInterval
  // old and the log grew); empty note while the log is empty.
  Result<std::pair<std::string, std::uint64_t>> witnessCheckpoint(const Caller& caller,
                                                                  const crypto::LogId& log);
  // A device's cosignature (C2SP tlog-cosignature, key name
  // samrad.witness/<device hex>, its signing key) of the witness checkpoint
  // of `size`. Returns how many agencies have cosigned it. Reasons:
  // log.not_witnessed, cosignature.malformed, cosignature.bad_time,
  // cosignature.bad_signature, cosignature.not_witness, log.legacy_frozen.
  Result<std::size_t> addCosignature(const Caller& caller, const crypto::LogId& log,
                                     std::uint64_t size, crypto::ByteView payload);
  // The latest witness checkpoint cosigned by devices of at least
  // `agencies` agencies, with its cosignatures. Reason: log.not_witnessed.
  Result<std::pair<std::string, std::uint64_t>> witnessedCheckpoint(const Caller& caller,
                                                                    const crypto::LogId& log,
                                                                    std::size_t agencies);

  // What the metrics endpoint reports of the directory log, its witnesses
  // and logins: numbers only, no group, device or person.
  struct OperationalStatus {
    std::uint64_t logSize = 0;
    std::uint64_t witnessSize = 0;     // 0: no checkpoint chosen for witnessing yet
    std::int64_t witnessChosenAt = 0;  // server time it was chosen
    std::size_t cosigningAgencies = 0;
    std::size_t cosignatures = 0;
    std::int64_t sessions = 0;  // logins not yet expired
    std::int64_t now = 0;
  };
  Result<OperationalStatus> operationalStatus();
  Result<std::vector<Hash>> inclusionProof(const Caller& caller, const crypto::LogId& log,
                                           std::uint64_t index, std::uint64_t treeSize);
  Result<std::vector<Hash>> consistencyProof(const Caller& caller, const crypto::LogId& log,
                                             std::uint64_t first, std::uint64_t second);
  Result<std::vector<crypto::Bytes>> logEntries(const Caller& caller, const crypto::LogId& log,
                                                std::uint64_t start, std::size_t count);

  // Authorization, in one place: may `caller` do `op` on `group` (if any)?
  Status authorize(Operation op, const Caller* caller, const GroupId* group);

  // Idempotency: the recorded response for (device, key, method), if any.
  Result<std::optional<crypto::Bytes>> replay(const Caller& caller, const crypto::Bytes& key,
                                              const std::string& method);
  // An idempotency key is absent, or 16-64 bytes (request.bad_idempotency_key).
  static Status checkIdempotencyKey(const crypto::Bytes& key);
  Status remember(const Caller& caller, const crypto::Bytes& key, const std::string& method,
                  const crypto::Bytes& response);

 private:
  // Group commit for the busiest writes (a read's audit entry, a new object
  // version, an idempotent answer). `section` runs later on the commit lane,
  // a thread of its own, under mu_ inside one SQLite transaction with every
  // section queued meanwhile, so a batch pays for one COMMIT (SQLCipher
  // encrypts each changed page once per commit, not once per request) and
  // one fsync. While the lane commits and syncs, the next batch gathers. The
  // lane makes the batch durable itself (no hand-over to the store's
  // committer), then calls each `then` with its own section's result, or
  // with the failure that kept the batch from the disk. The caller's thread
  // is free meanwhile, so `section` must own what it uses.
  //
  // A section that fails before writing fails alone; one that fails after
  // writing (a full disk, say) rolls the whole batch back, and every section
  // in it gets that failure: none was acknowledged yet, and none is stored.
  // So a section must change nothing but the store: no caches, no events
  // published (keep them and publish in `then`). Call it without holding mu_.
  void combinedThen(std::function<Status()> section, std::function<void(Status)> then);
  // The same, waiting on this thread until the change is durable (never
  // call it from a section or a `then`: the lane would wait for itself).
  Status combined(const std::function<Status()>& section);
  struct CombinedCall;
  void runCombined(const std::vector<CombinedCall*>& batch);
  void laneLoop();
  struct PendingPut;
  Result<std::shared_ptr<PendingPut>> checkPut(const Caller& caller, const GroupId& group,
                                               const ObjectId& object,
                                               std::uint64_t expectedVersion,
                                               const crypto::Bytes& body, const AccessSpec& access);
  Status storePut(PendingPut& put);

  Result<crypto::TrustStore> trustStore();
  Result<crypto::RevocationList> revocations();
  // What the server adds to a chain's own rules for a link it is given now:
  // its time is not ahead of the server's clock by more than
  // crypto::kLinkClockSkew (chain.clock_ahead), and every device of the group
  // after it may be given keys now (chain.unusable_device: revoked, or its
  // certificate not valid).
  Status checkLinkNow(const crypto::GroupState& after, const crypto::RevocationList& revoked);
  // The validated chain of a group, cached; nullptr if the group does not exist.
  Result<const crypto::MembershipChain*> chainOf(const GroupId& group);
  // The same without holding mu_ (unless the chain is not cached yet): the
  // current chain, which stays valid after it is replaced; nullptr if the
  // group does not exist.
  Result<std::shared_ptr<const crypto::MembershipChain>> chainSnapshot(const GroupId& group);
  void cacheChain(const GroupId& group, std::unique_ptr<crypto::MembershipChain> chain);
  Status appendEvent(GroupRecord& g, EventKind kind, const std::optional<ObjectId>& object,
                     std::uint64_t version, const std::string& objectKind,
                     std::vector<EventRecord>& published);
  // Waits until this thread's commits are durable, then publishes `events`
  // (those commits' events); a failed sync publishes nothing and is
  // returned. For changes made outside the commit lane (whose `then` runs
  // after its own sync). Call it without holding mu_.
  Status publishWhenDurable(const std::vector<EventRecord>& events);
  Status syncGroupDevices(const GroupId& group, const crypto::MembershipChain& chain);
  // May these devices read an object of `caseId`? Checks the access list
  // against the case's consent, if it has one (reason consent.out_of_scope).
  Status checkConsentScope(const GroupId& group, const crypto::CaseId& caseId,
                           const crypto::MembershipChain& chain, const AccessSpec& access);
  // The agency a device belongs to: from the group's state, else (a device
  // that has left) from the directory.
  Result<std::optional<AgencyId>> agencyOfDevice(const DeviceId& device,
                                                 const crypto::GroupState& state);
  // The agency that referred a case: its consent's, else the creator's of its
  // case record; none while the server holds neither.
  Result<std::optional<AgencyId>> referringAgencyOf(const GroupId& group,
                                                    const crypto::CaseId& caseId,
                                                    const crypto::GroupState& state);
  // A case record or consent record (by kind) is written by the referring
  // agency, a case record also by the coordinator; a case record lives under
  // its case's id. Reasons object.not_referring_agency, object.case_record_id.
  // No object changes its kind. A case record from the coordinator leaves
  // the access list as it was (object.access_changed); both records need
  // their case and live under the id it gives them.
  Status checkCaseKeysWrite(const Caller& caller, const GroupId& group, const ObjectId& object,
                            const std::optional<crypto::CaseId>& caseId, const AccessSpec& access,
                            const crypto::GroupState& state);
  Status checkRecoveryWrite(const Caller& caller, const GroupId& group, const ObjectId& object,
                            const std::optional<crypto::CaseId>& caseId, std::string_view kind,
                            const std::optional<ObjectHead>& head, const AccessSpec& access,
                            const crypto::GroupState& state);
  Status checkSamePerson(const GroupId& group, const crypto::CaseId& caseId,
                         const std::vector<DeviceId>& devices, const crypto::GroupState& state);
  Status checkRecoveryRecipients(const Caller& caller, bool wholeGroup,
                                 const std::vector<DeviceId>& devices,
                                 const crypto::GroupState& state);
  Status checkPersonTagKeyWriter(const Caller& caller, const GroupId& group, const ObjectId& object,
                                 const std::optional<crypto::CaseId>& caseId,
                                 const AccessSpec& access, const crypto::GroupState& state);
  Status checkRecordWriter(const Caller& caller, const GroupId& group, const ObjectId& object,
                           const std::optional<crypto::CaseId>& caseId, std::string_view kind,
                           const std::optional<ObjectHead>& head, const AccessSpec& access,
                           const crypto::GroupState& state);
  // Holds the consent record's id of a newly created case record (a
  // tombstone of kind "consent").
  Status reserveConsentRecord(const GroupId& group, const ObjectHead& caseRecord);
  // Closing or reopening a case: the coordinator, or a device of the
  // referring agency that may read the case record (not a recused member).
  // Reasons case.not_found, case.not_allowed.
  Status checkCaseAuthority(const Caller& caller, const GroupId& group,
                            const crypto::CaseId& caseId, const crypto::GroupState& state);
  // Whether the caller is a device of the referring agency that reads the
  // case record. Reason case.not_found (no case record).
  Result<bool> readsAsReferrer(const Caller& caller, const GroupId& group,
                               const crypto::CaseId& caseId, const crypto::GroupState& state);
  // Registering whom a case is about: a device of the referring agency that
  // reads the case record. Reasons case.not_found, case.not_referring_agency.
  Status checkReferrer(const Caller& caller, const GroupId& group, const crypto::CaseId& caseId,
                       const crypto::GroupState& state);
  // Is a case's consent over for a reader outside its referring agency
  // (withdrawn, or past valid_until before the sweep ran)? Reason consent.ended.
  Status checkConsentRead(const Caller& caller, const GroupId& group,
                          const std::optional<crypto::CaseId>& caseId);
  // Inside a transaction, under mu_: narrows or deletes the case's objects and
  // attachments, records the consent's end, and queues the events.
  Result<ConsentEnded> endConsent(ConsentRecord consent, ConsentStatus status, const DeviceId* by,
                                  GroupRecord& g, std::vector<EventRecord>& published);
  // Appends one entry; call inside the transaction of the change it records.
  struct LogFields {
    int kind = 0;
    const AgencyId* agency = nullptr;
    const UserId* user = nullptr;
    const DeviceId* device = nullptr;
    const GroupId* group = nullptr;
    const ObjectId* object = nullptr;
    std::uint64_t version = 0;
    crypto::ByteView payload;
    std::int64_t at = 0;  // 0: now
  };
  Status appendLog(const LogFields& fields);
  // Which log an entry goes to (none, the directory, the directory and the
  // groups of a revoked device, a group's), and there.
  Status route(const v1::LogEntry& entry, crypto::ByteView raw);
  // Before a membership link in a group's log: the root of each agency the
  // link brings in, the first time.
  Status appendGroupContext(const GroupId& group, crypto::ByteView link, std::int64_t at);
  // Appends to one log; a new log opens with the legacy log's checkpoint.
  Status appendTo(const crypto::LogId& log, crypto::ByteView entry);
  Status guardLog(Operation op, const Caller& caller, const crypto::LogId& log);
  // On the first start over a store that had one log: carries it over.
  Status openLogs();
  // The signed note of the witness checkpoint `w` with its cosignatures.
  Result<std::string> witnessNote(const crypto::LogId& log, const WitnessCheckpoint& w);
  // Stores an advice request's new state, logs it (logKind 0: no entry) and
  // tells the group; releases `lock` before publishing.
  Result<AdviceRecord> recordAdvice(std::unique_lock<std::recursive_mutex>& lock, AdviceRecord a,
                                    const Caller& caller, int logKind);
  // Under mu_: deletes a closed case's content, or its consent record, and logs each deletion.
  Result<std::size_t> purgeCase(CaseState state, bool consent, GroupRecord& g,
                                std::vector<EventRecord>& published);

  Store& store_;
  const Clock& clock_;
  crypto::Bytes serverId_;
  crypto::Hash tlsCertificate_{};
  Hash operatorTokenHash_;
  Limits limits_;
  LoginGuard loginGuard_;
  EventHub hub_;
  crypto::NoteSigner logSigner_;
  std::string logOrigin_;
  std::uint64_t legacySize_ = 0;  // 0: the store never had a single log
  std::string legacyNote_;        // its last checkpoint, signed
  Status logsOpened_ = okStatus();
  std::recursive_mutex mu_;  // one writer at a time over the store and caches
  // The caches below change under mu_ and cacheMu_ together, so a request
  // thread can read them under cacheMu_ alone: authenticating and
  // authorizing do not wait while the commit lane holds mu_ for a batch. A
  // chain is replaced, never changed, so a snapshot stays valid.
  std::mutex cacheMu_;
  std::map<GroupId, std::shared_ptr<const crypto::MembershipChain>> chains_;
  // Resolved sessions, so a request costs no database lookups to authenticate.
  // Dropped on logout and on any revocation; entries expire with the session.
  struct CachedSession {
    Caller caller;
    std::int64_t expiresAt = 0;
  };
  std::map<Hash, CachedSession> sessions_;
  // combinedThen(): the sections waiting for the lane.
  struct LaneCall {
    std::function<Status()> section;
    std::function<void(Status)> then;
    std::chrono::steady_clock::time_point queued;  // for the durable-wait metric
  };
  std::mutex laneMu_;
  std::condition_variable laneCv_;
  std::vector<LaneCall> laneQueue_;
  bool laneStopping_ = false;
  std::thread lane_;  // last: started once everything above exists
};

}  // namespace samrad::server::domain
