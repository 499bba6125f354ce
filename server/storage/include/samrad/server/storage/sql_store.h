// The SQLCipher implementation of the domain's Store (server/domain/store.h).
// One connection, guarded by a mutex. transaction() commits each writer's
// change to the write-ahead log at once (no fsync); sync()/whenDurable() —
// before a write is acknowledged — wait for the committer thread's next
// fdatasync of the log, done outside the lock: writers arriving during one
// fsync share the next.
#pragma once

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "samrad/db/database.h"
#include "samrad/server/domain/store.h"

namespace samrad::server::storage {

class SqlStore final : public domain::Store {
 public:
  // With `checkpointer` (a second connection to the same file), WAL
  // checkpoints leave the writers' path: that connection copies the log into
  // the database on its own thread once the log holds kCheckpointFrames
  // pages, so no COMMIT waits for a checkpoint's writes and fsyncs. Only a
  // log that reaches kWalLimitFrames (a checkpointer that cannot keep up) is
  // checkpointed by the writer itself, which bounds the log's size. Without
  // one, SQLite checkpoints inside COMMIT, as it does by default.
  explicit SqlStore(db::Database& db, db::Database* checkpointer = nullptr);
  static constexpr int kCheckpointFrames = 1000;
  static constexpr int kWalLimitFrames = 16000;
  ~SqlStore() override;
  SqlStore(const SqlStore&) = delete;
  SqlStore& operator=(const SqlStore&) = delete;

  Status transaction(const std::function<Status()>& body) override;
  Status sync() override;
  void whenDurable(std::function<void(Status)> done) override;
  void whenAllDurable(std::function<void(Status)> done) override;
  std::uint64_t takeUnsynced() override;
  Status syncNow() override;
  std::int64_t totalChanges() override;
  // Commits whatever is pending (shutdown).
  Status flush();
  // Checkpoints the background connection completed.
  std::uint64_t backgroundCheckpoints() {
    std::lock_guard lock(checkpointMu_);
    return checkpointsDone_;
  }
  // SQLite transactions committed since this store opened.
  std::uint64_t commits() {
    std::lock_guard lock(mu_);
    return committedGen_;
  }
  // True when every commit made so far is on disk.
  bool allDurable() {
    std::lock_guard lock(mu_);
    return durableGen_ >= committedGen_;
  }

  Status insertAgency(const domain::AgencyRecord& a) override;
  Result<std::optional<domain::AgencyRecord>> agency(const domain::AgencyId& id) override;
  Result<std::vector<domain::AgencyRecord>> agencies() override;
  Status insertUser(const domain::UserRecord& u) override;
  Result<std::optional<domain::UserRecord>> user(const domain::UserId& id) override;
  Status revokeUser(const domain::UserId& id, std::int64_t at) override;
  Status insertDevice(const domain::DeviceRecord& d) override;
  Result<std::optional<domain::DeviceRecord>> device(const domain::DeviceId& id) override;
  Result<std::vector<domain::DeviceRecord>> devicesOf(const domain::UserId& user) override;
  Status revokeDevice(const domain::DeviceId& id, std::int64_t at) override;
  Result<std::vector<std::pair<domain::UserId, std::int64_t>>> revokedUsers() override;
  Result<std::vector<std::pair<domain::DeviceId, std::int64_t>>> revokedDevices() override;

  Status insertEnrollmentCode(const domain::Hash& codeHash, const domain::UserId& user,
                              std::int64_t expiresAt) override;
  Result<std::optional<std::pair<domain::UserId, std::int64_t>>> takeEnrollmentCode(
      const domain::Hash& codeHash) override;

  Status insertSession(const domain::Hash& tokenHash, const domain::DeviceId& device,
                       std::int64_t expiresAt) override;
  Result<std::optional<std::pair<domain::DeviceId, std::int64_t>>> session(
      const domain::Hash& tokenHash) override;
  Status deleteSession(const domain::Hash& tokenHash) override;
  Status deleteSessionsOfDevice(const domain::DeviceId& device) override;
  Result<std::int64_t> countSessions(std::int64_t now) override;

  Status insertGroup(const domain::GroupRecord& g) override;
  Status updateGroup(const domain::GroupRecord& g) override;
  Result<std::optional<domain::GroupRecord>> group(const domain::GroupId& id) override;
  Status insertLink(const domain::GroupId& group, std::uint64_t seq,
                    const crypto::Bytes& link) override;
  Result<std::vector<crypto::Bytes>> links(const domain::GroupId& group, std::uint64_t fromSeq,
                                           std::size_t limit) override;
  Status putEpochBundle(const domain::GroupId& group, std::uint64_t epoch,
                        const crypto::Bytes& bundle,
                        const std::vector<domain::DeviceId>& recipients) override;
  Result<std::optional<std::pair<std::uint64_t, crypto::Bytes>>> epochBundleFor(
      const domain::GroupId& group, const domain::DeviceId& device,
      std::uint64_t maxEpoch) override;
  Result<std::vector<domain::GroupId>> groupsOfDevice(const domain::DeviceId& device) override;
  Status setGroupDevices(const domain::GroupId& group,
                         const std::vector<domain::DeviceId>& devices) override;

  Result<std::optional<domain::ObjectHead>> objectHead(const domain::GroupId& group,
                                                       const domain::ObjectId& id) override;
  Status putObjectVersion(const domain::GroupId& group, const domain::ObjectHead& head,
                          const crypto::Bytes& body, const domain::VersionWrite& write) override;
  Result<std::optional<domain::VersionWrite>> versionWrite(const domain::GroupId& group,
                                                           const domain::ObjectId& id,
                                                           std::uint64_t version) override;
  Result<std::optional<crypto::Bytes>> objectBody(const domain::GroupId& group,
                                                  const domain::ObjectId& id,
                                                  std::uint64_t version) override;
  Result<std::vector<domain::ObjectHead>> listObjects(const domain::GroupId& group,
                                                      const std::string& kind,
                                                      const domain::ObjectId* after,
                                                      std::size_t limit) override;
  Status deleteObject(const domain::GroupId& group, const domain::ObjectId& id,
                      std::uint64_t version) override;
  Status reserveObject(const domain::GroupId& group, const domain::ObjectHead& head) override;

  Status insertEvent(const domain::EventRecord& e) override;
  Result<std::vector<domain::EventRecord>> eventsAfter(const domain::GroupId& group,
                                                       std::uint64_t afterSeq,
                                                       std::size_t limit) override;

  Result<std::optional<domain::AttachmentRecord>> attachment(const domain::GroupId& group,
                                                             const domain::ObjectId& id) override;
  Status insertAttachment(const domain::GroupId& group, const domain::AttachmentRecord& a) override;
  Status appendAttachmentChunk(const domain::GroupId& group, const domain::ObjectId& id,
                               std::uint64_t offset, const crypto::Bytes& data) override;
  Result<std::vector<std::pair<std::uint64_t, crypto::Bytes>>> attachmentChunks(
      const domain::GroupId& group, const domain::ObjectId& id, std::uint64_t offset,
      std::size_t maxBytes) override;
  Status deleteAttachment(const domain::GroupId& group, const domain::ObjectId& id) override;

  Result<std::vector<domain::ObjectHead>> objectsOfCase(const domain::GroupId& group,
                                                        const domain::CaseId& caseId) override;
  Status setObjectAccess(const domain::GroupId& group, const domain::ObjectId& id,
                         const std::vector<domain::DeviceId>& allowed) override;
  Result<std::vector<domain::AttachmentRecord>> attachmentsOfCase(
      const domain::GroupId& group, const domain::CaseId& caseId) override;
  Status setAttachmentAccess(const domain::GroupId& group, const domain::ObjectId& id,
                             const std::vector<domain::DeviceId>& allowed) override;
  Status putConsent(const domain::ConsentRecord& c) override;
  Status putReferralTag(const domain::GroupId& group, const domain::CaseId& caseId,
                        const domain::Hash& tag, std::int64_t at,
                        const domain::DeviceId& device) override;
  Result<std::optional<ReferralTag>> referralTagOf(const domain::GroupId& group,
                                                   const domain::CaseId& caseId) override;
  Result<std::vector<ReferralTag>> referralsWithTag(const domain::GroupId& group,
                                                    const domain::Hash& tag, std::int64_t since,
                                                    std::size_t limit) override;
  Result<std::vector<ReferralTag>> referralTags(const domain::GroupId& group,
                                                std::int64_t since) override;
  Result<std::size_t> countReferrals(const domain::GroupId& group, const domain::DeviceId* device,
                                     std::int64_t since) override;
  Status deleteReferralTagsBefore(const domain::GroupId& group, std::int64_t before) override;
  Status deleteReferralTag(const domain::GroupId& group, const domain::CaseId& caseId) override;
  Status replaceReferralTag(const domain::GroupId& group, const domain::CaseId& caseId,
                            const domain::Hash& tag) override;
  Result<std::uint32_t> personTagGeneration(const domain::GroupId& group) override;
  Status setPersonTagGeneration(const domain::GroupId& group, std::uint32_t generation,
                                std::int64_t at) override;
  Status putIntakeKey(const domain::GroupId& group, const domain::IntakeRecord& intake) override;
  Result<std::optional<domain::IntakeRecord>> intakeKey(const domain::GroupId& group) override;
  Status setRequester(const domain::GroupId& group, const domain::UserId& user, bool allowed,
                      std::int64_t at) override;
  Result<bool> isRequester(const domain::GroupId& group, const domain::UserId& user) override;
  Status putAdvice(const domain::AdviceRecord& a) override;
  Result<std::optional<domain::AdviceRecord>> advice(const domain::GroupId& group,
                                                     const domain::ObjectId& id) override;
  Result<std::vector<domain::AdviceRecord>> adviceList(const domain::GroupId& group,
                                                       const domain::UserId* onlyUser,
                                                       const domain::ObjectId* after,
                                                       std::size_t limit) override;
  Result<std::size_t> adviceCount(const domain::GroupId& group,
                                  const domain::UserId& user) override;
  Status putCaseState(const domain::CaseState& c) override;
  Result<std::optional<domain::CaseState>> caseState(const domain::GroupId& group,
                                                     const domain::CaseId& caseId) override;
  Result<std::vector<domain::CaseState>> casesDue(const domain::GroupId& group, bool consent,
                                                  bool deidentified, std::int64_t closedBy,
                                                  std::size_t limit) override;
  Status putRetentionPolicy(const domain::GroupId& group,
                            const domain::RetentionPolicy& p) override;
  Result<std::optional<domain::RetentionPolicy>> retentionPolicy(
      const domain::GroupId& group) override;
  Result<std::vector<std::pair<domain::GroupId, domain::RetentionPolicy>>> retentionPolicies()
      override;
  Result<std::optional<domain::ConsentRecord>> consent(const domain::GroupId& group,
                                                       const domain::CaseId& caseId) override;
  Result<std::vector<domain::ConsentRecord>> consents(const domain::GroupId& group,
                                                      const domain::CaseId* after,
                                                      std::size_t limit) override;
  Result<std::vector<domain::ConsentRecord>> consentsEndingBy(std::int64_t now,
                                                              std::size_t limit) override;

  crypto::LogStore& logTree(const crypto::LogId& log) override;
  Status putLogEntry(const crypto::LogId& log, std::uint64_t index,
                     const crypto::Bytes& entry) override;
  Result<std::vector<crypto::Bytes>> logEntries(const crypto::LogId& log, std::uint64_t start,
                                                std::size_t count) override;
  Result<bool> addLogContext(const crypto::LogId& log, const crypto::Bytes& item) override;
  Result<std::optional<domain::WitnessCheckpoint>> latestWitnessCheckpoint(
      const crypto::LogId& log) override;
  Result<std::optional<domain::WitnessCheckpoint>> witnessCheckpoint(const crypto::LogId& log,
                                                                     std::uint64_t size) override;
  Status putWitnessCheckpoint(const crypto::LogId& log,
                              const domain::WitnessCheckpoint& w) override;
  Status putCosignature(const crypto::LogId& log, std::uint64_t size,
                        const domain::Cosignature& c) override;
  Result<std::vector<domain::Cosignature>> cosignatures(const crypto::LogId& log,
                                                        std::uint64_t size) override;
  Result<std::optional<std::uint64_t>> latestWitnessedSize(const crypto::LogId& log,
                                                           std::size_t agencies) override;

  Result<std::optional<crypto::Bytes>> idempotentResponse(const domain::DeviceId& device,
                                                          const crypto::Bytes& key,
                                                          const std::string& method) override;
  Status saveIdempotentResponse(const domain::DeviceId& device, const crypto::Bytes& key,
                                const std::string& method, const crypto::Bytes& response,
                                std::int64_t at) override;

 private:
  // crypto::LogStore for one log, over the tlog_tree table (schema 15).
  // Holds no state of its own: a transaction rolled back leaves nothing
  // stale behind.
  class TreeStore final : public crypto::LogStore {
   public:
    TreeStore(const SqlStore& store, crypto::Bytes key) : store_(store), key_(std::move(key)) {}
    [[nodiscard]] std::uint64_t size() const override;
    [[nodiscard]] Result<crypto::Hash> node(std::uint32_t level,
                                            std::uint64_t index) const override;
    Status append(std::uint64_t newSize, const std::vector<crypto::MerkleNode>& nodes) override;

   private:
    const SqlStore& store_;
    crypto::Bytes key_;
  };

  db::Database& db_;
  mutable std::recursive_mutex mu_;
  std::map<crypto::Bytes, std::unique_ptr<TreeStore>> trees_;  // under mu_
  int depth_ = 0;  // nested transaction() calls join the outer one
  void commitLoop();
  static int walHook(void* self, sqlite3* db, const char* name, int frames);
  void checkpointLoop();
  db::Database* checkpointDb_ = nullptr;
  std::mutex checkpointMu_;
  std::condition_variable checkpointWake_;
  bool checkpointWanted_ = false;
  bool checkpointStopping_ = false;
  std::uint64_t checkpointsDone_ = 0;
  std::thread checkpointer_;
  [[nodiscard]] Status statusOf(std::uint64_t gen) const;
  [[nodiscard]] bool syncWal() const;
  void syncThrough(std::unique_lock<std::recursive_mutex>& lock, std::uint64_t target);
  std::string walPath_;  // empty: SQLite syncs in COMMIT itself
  struct Waiter {
    std::uint64_t gen = 0;
    std::function<void(Status)> done;
    std::chrono::steady_clock::time_point queued = std::chrono::steady_clock::now();
  };
  std::vector<Waiter> waiters_;
  std::condition_variable_any wake_;
  bool stopping_ = false;
  bool broken_ = false;
  std::uint64_t durableGen_ = 0;
  std::thread committer_;  // last: started once everything above exists
  std::uint64_t committedGen_ = 0;
};

}  // namespace samrad::server::storage
