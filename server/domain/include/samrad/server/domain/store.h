// The repository interface the domain layer works against. The embedded
// server backs it with SQLCipher (server/storage); a county deployment can back
// it with PostgreSQL (DESIGN §7) without touching the domain or the services.
// Every method is one atomic step; transaction() groups several.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "samrad/common/result.h"
#include "samrad/crypto/log_id.h"
#include "samrad/crypto/merkle.h"
#include "samrad/crypto/primitives.h"

namespace samrad::server::domain {

using crypto::AgencyId;
using crypto::Bytes;
using crypto::CaseId;
using crypto::DeviceId;
using crypto::GroupId;
using crypto::Hash;
using crypto::ObjectId;
using crypto::UserId;

struct AgencyRecord {
  AgencyId id;
  int kind = 0;
  crypto::SigningPublicKey rootKey;
};

struct UserRecord {
  UserId id;
  AgencyId agency;
  int role = 0;       // crypto::UserRole
  Bytes certificate;  // serialized envelope
  std::int64_t validUntil = 0;
  std::optional<std::int64_t> revokedAt;
};

struct WitnessCheckpoint {
  std::uint64_t size = 0;
  crypto::Hash root;
  std::int64_t chosenAt = 0;
};

struct Cosignature {
  DeviceId device;
  AgencyId agency;
  Bytes payload;  // key id (4) || timestamp (8, BE) || Ed25519 signature (64)
  std::int64_t at = 0;
};

struct DeviceRecord {
  DeviceId id;
  UserId user;
  crypto::SigningPublicKey signingKey;
  Bytes certificate;
  std::int64_t validUntil = 0;
  std::optional<std::int64_t> revokedAt;
};

struct GroupRecord {
  GroupId id;
  std::uint64_t seq = 0;
  std::uint64_t epoch = 0;
  Hash head;
  std::uint64_t eventSeq = 0;
};

enum class EventKind {
  LinkAppended = 1,
  EpochKeys = 2,
  ObjectWritten = 3,
  ObjectDeleted = 4,
  AccessNarrowed = 5,  // a consent ended: fewer devices may read the object
  ConsentChanged = 6,  // object = the case id, version = the ConsentStatus
  AdviceChanged = 7,   // object = the request id, version = the AdviceStatus
};

struct EventRecord {
  GroupId group;
  std::uint64_t seq = 0;
  EventKind kind = EventKind::LinkAppended;
  std::optional<ObjectId> object;
  std::uint64_t version = 0;
  std::string objectKind;
  std::int64_t at = 0;
};

struct ObjectHead {
  ObjectId id;
  std::string kind;
  std::uint64_t version = 0;
  bool deleted = false;
  bool wholeGroup = true;
  std::vector<DeviceId> allowed;  // when !wholeGroup
  std::uint64_t size = 0;
  DeviceId author;   // of the latest version
  DeviceId creator;  // of the first version since the object was (re)created
  std::int64_t storedAt = 0;
  std::optional<CaseId> caseId;  // the case it belongs to, if any
};

struct AttachmentRecord {
  crypto::Id<crypto::ObjectTag> id;  // attachments share the object id space
  std::uint64_t totalSize = 0;
  std::uint64_t received = 0;
  DeviceId uploader;
  bool wholeGroup = true;
  std::vector<DeviceId> allowed;
  std::int64_t storedAt = 0;
  std::optional<CaseId> caseId;
};

// What the server knows of a case's consent: enough to enforce it, nothing
// of its content (samrad.v1.ConsentState).
enum class ConsentStatus { Active = 1, Withdrawn = 2, Expired = 3 };
struct ConsentRecord {
  GroupId group;
  CaseId caseId;
  AgencyId referringAgency;
  std::vector<AgencyId> recipients;
  std::int64_t validFrom = 0;
  std::int64_t validUntil = 0;
  ConsentStatus status = ConsentStatus::Active;
  ObjectId recordObject;
  std::int64_t registeredAt = 0;
  DeviceId registeredBy;
  std::int64_t endedAt = 0;
  std::optional<DeviceId> endedBy;
  // The scanned form (an encrypted attachment): kept as long as the record.
  std::optional<ObjectId> formAttachment;
};

// Advice requests (samrad.v1.AdviceStatus): the question and the answer are
// sealed; the server keeps who asked, when, and the status.
enum class AdviceStatus { Submitted = 1, OnAgenda = 2, Answered = 3 };
struct AdviceRecord {
  GroupId group;
  ObjectId id;
  UserId requesterUser;
  DeviceId requesterDevice;
  Bytes question;  // sealed to the group's intake key
  std::int64_t submittedAt = 0;
  AdviceStatus status = AdviceStatus::Submitted;
  std::int64_t statusAt = 0;
  Bytes answer;  // samrad.v1.SealedAnswer, once answered
  std::int64_t answeredAt = 0;
  std::optional<DeviceId> answeredBy;
};

// The write that stored an object version, which answers a retry of it: the
// writing device's id followed by the idempotency key it sent (empty if it
// sent none), and the sequence of the event the write produced.
struct VersionWrite {
  Bytes writeKey;
  std::uint64_t eventSeq = 0;
};

// A group's intake key as its coordinator signed it.
struct IntakeRecord {
  Bytes envelope;
  DeviceId device;
  std::int64_t at = 0;
};

// What the server knows of a case for retention: its kind and when it closed.
struct CaseState {
  GroupId group;
  CaseId caseId;
  bool deidentified = false;
  std::int64_t closedAt = 0;  // 0 while open
  bool contentPurged = false;
  bool consentPurged = false;
};

// A group's retention policy; 0 keeps for ever.
struct RetentionPolicy {
  std::uint32_t deidentifiedCaseMonths = 0;  // a closed de-identified case's content
  std::uint32_t consentedCaseMonths = 0;     // a closed consented case's content
  std::uint32_t consentRecordYears = 0;      // the consent record and its scanned form
  std::int64_t setAt = 0;
  DeviceId setBy;
};

class Store {
 public:
  virtual ~Store() = default;

  // Runs `body` atomically: everything it wrote is kept, or nothing. The
  // change may not be durable until sync() returns.
  virtual Status transaction(const std::function<Status()>& body) = 0;
  // Waits until every change this thread made through transaction() is
  // durable (fsync'd). Call it before acknowledging, without holding locks
  // other writers need: that is what lets their commits share one fsync.
  virtual Status sync() = 0;
  // The same without blocking: `done` runs once every change this thread made
  // is durable (at once if there is none), possibly on another thread. A
  // request handler uses it to answer without holding a thread while the
  // disk works.
  virtual void whenDurable(std::function<void(Status)> done) { done(sync()); }
  // The same for every change committed so far, by any thread: `done` runs
  // once they are all durable. An answer that waits for it carries nothing a
  // crash could take back, whoever wrote what it read. (The default suits a
  // store whose commits are durable when they return; one that syncs later
  // overrides it.)
  virtual void whenAllDurable(std::function<void(Status)> done) { done(sync()); }
  // This thread's pending commit, which it no longer waits for itself: a
  // thread that commits for others (Platform's commit lane) learns whether
  // its transaction stored anything that still needs syncNow(). A store
  // whose commits are durable at once returns 0.
  virtual std::uint64_t takeUnsynced() { return 0; }
  // Makes every commit made so far durable on the calling thread, without a
  // hand-over to another thread: for a thread whose only job is to commit
  // and then answer (Platform's commit lane). The failure is sync()'s.
  virtual Status syncNow() { return sync(); }
  // Rows written so far: lets a caller inside a transaction tell whether a
  // failed step changed anything (Platform::combined).
  virtual std::int64_t totalChanges() = 0;

  // Agencies, users, devices.
  virtual Status insertAgency(const AgencyRecord& a) = 0;
  virtual Result<std::optional<AgencyRecord>> agency(const AgencyId& id) = 0;
  virtual Result<std::vector<AgencyRecord>> agencies() = 0;
  virtual Status insertUser(const UserRecord& u) = 0;
  virtual Result<std::optional<UserRecord>> user(const UserId& id) = 0;
  virtual Status revokeUser(const UserId& id, std::int64_t at) = 0;
  virtual Status insertDevice(const DeviceRecord& d) = 0;
  virtual Result<std::optional<DeviceRecord>> device(const DeviceId& id) = 0;
  virtual Result<std::vector<DeviceRecord>> devicesOf(const UserId& user) = 0;
  virtual Status revokeDevice(const DeviceId& id, std::int64_t at) = 0;
  // Every revoked user and device with the time it took effect (few: read
  // when a group's chain is loaded).
  virtual Result<std::vector<std::pair<UserId, std::int64_t>>> revokedUsers() = 0;
  virtual Result<std::vector<std::pair<DeviceId, std::int64_t>>> revokedDevices() = 0;

  // One-time enrolment codes, by SHA-256 of the code.
  virtual Status insertEnrollmentCode(const Hash& codeHash, const UserId& user,
                                      std::int64_t expiresAt) = 0;
  // Returns the user and deletes the code (single use).
  virtual Result<std::optional<std::pair<UserId, std::int64_t>>> takeEnrollmentCode(
      const Hash& codeHash) = 0;

  // Sessions (login challenges and failures live in memory: LoginGuard).
  virtual Status insertSession(const Hash& tokenHash, const DeviceId& device,
                               std::int64_t expiresAt) = 0;
  virtual Result<std::optional<std::pair<DeviceId, std::int64_t>>> session(
      const Hash& tokenHash) = 0;
  virtual Status deleteSession(const Hash& tokenHash) = 0;
  virtual Status deleteSessionsOfDevice(const DeviceId& device) = 0;
  // Sessions that have not expired at `now` (for the metrics endpoint).
  virtual Result<std::int64_t> countSessions(std::int64_t now) = 0;

  // Groups and their chains.
  virtual Status insertGroup(const GroupRecord& g) = 0;
  virtual Status updateGroup(const GroupRecord& g) = 0;
  virtual Result<std::optional<GroupRecord>> group(const GroupId& id) = 0;
  virtual Status insertLink(const GroupId& group, std::uint64_t seq, const Bytes& link) = 0;
  virtual Result<std::vector<Bytes>> links(const GroupId& group, std::uint64_t fromSeq,
                                           std::size_t limit) = 0;
  virtual Status putEpochBundle(const GroupId& group, std::uint64_t epoch, const Bytes& bundle,
                                const std::vector<DeviceId>& recipients) = 0;
  // The newest bundle at or below `maxEpoch` that `device` is a recipient of.
  virtual Result<std::optional<std::pair<std::uint64_t, Bytes>>> epochBundleFor(
      const GroupId& group, const DeviceId& device, std::uint64_t maxEpoch) = 0;
  virtual Result<std::vector<GroupId>> groupsOfDevice(const DeviceId& device) = 0;
  virtual Status setGroupDevices(const GroupId& group, const std::vector<DeviceId>& devices) = 0;

  // Encrypted objects.
  virtual Result<std::optional<ObjectHead>> objectHead(const GroupId& group,
                                                       const ObjectId& id) = 0;
  // `write` is kept with the version (and goes when it is deleted).
  virtual Status putObjectVersion(const GroupId& group, const ObjectHead& head, const Bytes& body,
                                  const VersionWrite& write) = 0;
  // How a stored version was written; nullopt if there is no such version.
  virtual Result<std::optional<VersionWrite>> versionWrite(const GroupId& group, const ObjectId& id,
                                                           std::uint64_t version) = 0;
  virtual Result<std::optional<Bytes>> objectBody(const GroupId& group, const ObjectId& id,
                                                  std::uint64_t version) = 0;
  virtual Result<std::vector<ObjectHead>> listObjects(const GroupId& group, const std::string& kind,
                                                      const ObjectId* after, std::size_t limit) = 0;
  // Removes every stored version's ciphertext and marks the head deleted.
  virtual Status deleteObject(const GroupId& group, const ObjectId& id, std::uint64_t version) = 0;
  // Holds an id for an object to come: a tombstone head (deleted, version 0)
  // of `head.kind` by `head.creator`, unless the id has a head already.
  virtual Status reserveObject(const GroupId& group, const ObjectHead& head) = 0;

  // Objects and attachments tagged with a case (not deleted).
  virtual Result<std::vector<ObjectHead>> objectsOfCase(const GroupId& group,
                                                        const CaseId& caseId) = 0;
  // Replaces an object's access list (all versions) with these devices.
  virtual Status setObjectAccess(const GroupId& group, const ObjectId& id,
                                 const std::vector<DeviceId>& allowed) = 0;
  virtual Result<std::vector<AttachmentRecord>> attachmentsOfCase(const GroupId& group,
                                                                  const CaseId& caseId) = 0;
  virtual Status setAttachmentAccess(const GroupId& group, const ObjectId& id,
                                     const std::vector<DeviceId>& allowed) = 0;

  // Consents: one per case, replaced when a new one is registered.
  virtual Status putConsent(const ConsentRecord& c) = 0;
  virtual Result<std::optional<ConsentRecord>> consent(const GroupId& group,
                                                       const CaseId& caseId) = 0;
  // A group's consents ordered by case id, after `after` if given.
  virtual Result<std::vector<ConsentRecord>> consents(const GroupId& group, const CaseId* after,
                                                      std::size_t limit) = 0;
  // Active consents, in any group, whose validity ended at or before `now`.
  virtual Result<std::vector<ConsentRecord>> consentsEndingBy(std::int64_t now,
                                                              std::size_t limit) = 0;

  // Person tags of repeat checks, one per case, numbered in the order they
  // were registered in the group, all under the group's current key
  // generation (1 until the first rotation).
  struct ReferralTag {
    CaseId caseId;
    Hash tag;
    std::int64_t at = 0;
    std::uint64_t seq = 0;
    DeviceId device;  // the device that registered it
  };
  virtual Status putReferralTag(const GroupId& group, const CaseId& caseId, const Hash& tag,
                                std::int64_t at, const DeviceId& device) = 0;
  virtual Result<std::optional<ReferralTag>> referralTagOf(const GroupId& group,
                                                           const CaseId& caseId) = 0;
  // Cases with `tag` registered at or after `since`, newest first.
  virtual Result<std::vector<ReferralTag>> referralsWithTag(const GroupId& group, const Hash& tag,
                                                            std::int64_t since,
                                                            std::size_t limit) = 0;
  // Every tag of the group registered at or after `since`, oldest first.
  virtual Result<std::vector<ReferralTag>> referralTags(const GroupId& group,
                                                        std::int64_t since) = 0;
  // How many tags the group (or one device of it) registered since `since`.
  virtual Result<std::size_t> countReferrals(const GroupId& group, const DeviceId* device,
                                             std::int64_t since) = 0;
  virtual Status deleteReferralTagsBefore(const GroupId& group, std::int64_t before) = 0;
  virtual Status deleteReferralTag(const GroupId& group, const CaseId& caseId) = 0;
  virtual Status replaceReferralTag(const GroupId& group, const CaseId& caseId,
                                    const Hash& tag) = 0;
  virtual Result<std::uint32_t> personTagGeneration(const GroupId& group) = 0;
  virtual Status setPersonTagGeneration(const GroupId& group, std::uint32_t generation,
                                        std::int64_t at) = 0;

  // Advice: the intake key, the allowed requesters, the requests.
  virtual Status putIntakeKey(const GroupId& group, const IntakeRecord& intake) = 0;
  virtual Result<std::optional<IntakeRecord>> intakeKey(const GroupId& group) = 0;
  virtual Status setRequester(const GroupId& group, const UserId& user, bool allowed,
                              std::int64_t at) = 0;
  virtual Result<bool> isRequester(const GroupId& group, const UserId& user) = 0;
  virtual Status putAdvice(const AdviceRecord& a) = 0;  // insert or replace
  virtual Result<std::optional<AdviceRecord>> advice(const GroupId& group, const ObjectId& id) = 0;
  // By request id after `after`; only `onlyUser`'s when given.
  virtual Result<std::vector<AdviceRecord>> adviceList(const GroupId& group, const UserId* onlyUser,
                                                       const ObjectId* after,
                                                       std::size_t limit) = 0;
  virtual Result<std::size_t> adviceCount(const GroupId& group, const UserId& user) = 0;

  // Retention.
  virtual Status putCaseState(const CaseState& c) = 0;
  virtual Result<std::optional<CaseState>> caseState(const GroupId& group,
                                                     const CaseId& caseId) = 0;
  // A group's cases closed at or before `closedBy` whose content (or, with
  // `consent`, consent record) is not purged yet; of one kind for content.
  virtual Result<std::vector<CaseState>> casesDue(const GroupId& group, bool consent,
                                                  bool deidentified, std::int64_t closedBy,
                                                  std::size_t limit) = 0;
  virtual Status putRetentionPolicy(const GroupId& group, const RetentionPolicy& p) = 0;
  virtual Result<std::optional<RetentionPolicy>> retentionPolicy(const GroupId& group) = 0;
  virtual Result<std::vector<std::pair<GroupId, RetentionPolicy>>> retentionPolicies() = 0;

  // Events: appended with the group's next sequence number.
  virtual Status insertEvent(const EventRecord& e) = 0;
  virtual Result<std::vector<EventRecord>> eventsAfter(const GroupId& group, std::uint64_t afterSeq,
                                                       std::size_t limit) = 0;

  // Attachments: metadata plus ciphertext chunks keyed by offset.
  virtual Result<std::optional<AttachmentRecord>> attachment(const GroupId& group,
                                                             const ObjectId& id) = 0;
  virtual Status insertAttachment(const GroupId& group, const AttachmentRecord& a) = 0;
  virtual Status appendAttachmentChunk(const GroupId& group, const ObjectId& id,
                                       std::uint64_t offset, const Bytes& data) = 0;
  // Chunks covering [offset, offset + maxBytes), in order, as stored.
  virtual Result<std::vector<std::pair<std::uint64_t, Bytes>>> attachmentChunks(
      const GroupId& group, const ObjectId& id, std::uint64_t offset, std::size_t maxBytes) = 0;
  virtual Status deleteAttachment(const GroupId& group, const ObjectId& id) = 0;

  // The transparency logs (crypto::LogId: the directory, each group's, the
  // legacy one): tree nodes (crypto::LogStore) and entry bytes, per log.
  virtual crypto::LogStore& logTree(const crypto::LogId& log) = 0;
  virtual Status putLogEntry(const crypto::LogId& log, std::uint64_t index, const Bytes& entry) = 0;
  virtual Result<std::vector<Bytes>> logEntries(const crypto::LogId& log, std::uint64_t start,
                                                std::size_t count) = 0;

  // Notes that `log` holds a context entry (an agency's root in a group's
  // log); false when it did already.
  virtual Result<bool> addLogContext(const crypto::LogId& log, const Bytes& item) = 0;

  // Witnessing, per log: the checkpoints devices are asked to cosign, and
  // the cosignatures (key id || timestamp || signature, C2SP tlog-cosignature).
  virtual Result<std::optional<WitnessCheckpoint>> latestWitnessCheckpoint(
      const crypto::LogId& log) = 0;
  virtual Result<std::optional<WitnessCheckpoint>> witnessCheckpoint(const crypto::LogId& log,
                                                                     std::uint64_t size) = 0;
  virtual Status putWitnessCheckpoint(const crypto::LogId& log, const WitnessCheckpoint& w) = 0;
  // One per device and size; a newer one from the same device replaces it.
  virtual Status putCosignature(const crypto::LogId& log, std::uint64_t size,
                                const Cosignature& c) = 0;
  virtual Result<std::vector<Cosignature>> cosignatures(const crypto::LogId& log,
                                                        std::uint64_t size) = 0;
  // The largest witnessed size cosigned by devices of at least `agencies`
  // distinct agencies.
  virtual Result<std::optional<std::uint64_t>> latestWitnessedSize(const crypto::LogId& log,
                                                                   std::size_t agencies) = 0;

  // Idempotency: the stored response of an earlier request with this key.
  virtual Result<std::optional<Bytes>> idempotentResponse(const DeviceId& device, const Bytes& key,
                                                          const std::string& method) = 0;
  virtual Status saveIdempotentResponse(const DeviceId& device, const Bytes& key,
                                        const std::string& method, const Bytes& response,
                                        std::int64_t at) = 0;
};

// Injectable time, so tests control expiry and rate limits.
class Clock {
 public:
  virtual ~Clock() = default;
  [[nodiscard]] virtual std::int64_t now() const = 0;
};

class SystemClock final : public Clock {
 public:
  [[nodiscard]] std::int64_t now() const override;
};

}  // namespace samrad::server::domain
