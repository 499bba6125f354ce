#include "samrad/server/storage/sql_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <future>

#include "samrad/common/log.h"
#include "samrad/db/sqlite.h"
#include "samrad/server/metrics/catalogue.h"

namespace samrad::server::storage {
namespace {

using crypto::Bytes;
using domain::AgencyId;
using domain::CaseId;
using domain::DeviceId;
using domain::GroupId;
using domain::ObjectId;
using domain::UserId;

template <typename I>
Result<I> idFrom(const Bytes& b) {
  auto id = I::fromBytes(b);
  if (!id) return Error(ErrorCode::DataLoss, "store.corrupt", "a stored id has the wrong size");
  return *id;
}

Result<domain::UserRecord> userRow(db::Statement& st) {
  domain::UserRecord u;
  SAMRAD_ASSIGN_OR_RETURN(u.id, idFrom<UserId>(st.columnBlob(0)));
  SAMRAD_ASSIGN_OR_RETURN(u.agency, idFrom<domain::AgencyId>(st.columnBlob(1)));
  u.role = static_cast<int>(st.columnInt(2));
  u.certificate = st.columnBlob(3);
  u.validUntil = st.columnInt(4);
  if (!st.columnIsNull(5)) u.revokedAt = st.columnInt(5);
  return u;
}

Result<domain::DeviceRecord> deviceRow(db::Statement& st) {
  domain::DeviceRecord d;
  SAMRAD_ASSIGN_OR_RETURN(d.id, idFrom<DeviceId>(st.columnBlob(0)));
  SAMRAD_ASSIGN_OR_RETURN(d.user, idFrom<UserId>(st.columnBlob(1)));
  SAMRAD_ASSIGN_OR_RETURN(d.signingKey, crypto::SigningPublicKey::fromBytes(st.columnBlob(2)));
  d.certificate = st.columnBlob(3);
  d.validUntil = st.columnInt(4);
  if (!st.columnIsNull(5)) d.revokedAt = st.columnInt(5);
  return d;
}

constexpr const char* kHeadColumns =
    "object_id, kind, version, deleted, whole_group, size, author, stored_at, case_id, "
    "COALESCE(creator, author)";

Result<domain::ObjectHead> headRow(db::Statement& st) {
  domain::ObjectHead h;
  SAMRAD_ASSIGN_OR_RETURN(h.id, idFrom<ObjectId>(st.columnBlob(0)));
  h.kind = st.columnText(1);
  h.version = static_cast<std::uint64_t>(st.columnInt(2));
  h.deleted = st.columnInt(3) != 0;
  h.wholeGroup = st.columnInt(4) != 0;
  h.size = static_cast<std::uint64_t>(st.columnInt(5));
  SAMRAD_ASSIGN_OR_RETURN(h.author, idFrom<DeviceId>(st.columnBlob(6)));
  h.storedAt = st.columnInt(7);
  if (!st.columnIsNull(8)) {
    SAMRAD_ASSIGN_OR_RETURN(auto c, idFrom<CaseId>(st.columnBlob(8)));
    h.caseId = c;
  }
  SAMRAD_ASSIGN_OR_RETURN(h.creator, idFrom<DeviceId>(st.columnBlob(9)));
  return h;
}

std::int64_t i64(std::uint64_t v) {
  return static_cast<std::int64_t>(v);
}

// The leaf whose append completed node (level, index): the last it covers.
std::uint64_t completedBy(std::uint32_t level, std::uint64_t index) {
  return ((index + 1) << level) - 1;
}

// The devices on an object's or attachment's access list.
Result<std::vector<DeviceId>> accessList(db::Database& db, std::string_view table,
                                         std::string_view idColumn, const GroupId& group,
                                         const ObjectId& id) {
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db.prepare("SELECT device_id FROM " + std::string(table) +
                          " WHERE group_id = ?1 AND " + std::string(idColumn) + " = ?2"));
  st.bindBlob(1, group.view()).bindBlob(2, id.view());
  std::vector<DeviceId> out;
  for (;;) {
    SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    SAMRAD_ASSIGN_OR_RETURN(auto d, idFrom<DeviceId>(st.columnBlob(0)));
    out.push_back(d);
  }
  return out;
}

}  // namespace

namespace {
// The newest commit this thread made and has not yet waited for.
thread_local std::uint64_t tlPendingBatch = 0;
thread_local const void* tlPendingStore = nullptr;
}  // namespace

SqlStore::SqlStore(db::Database& db, db::Database* checkpointer) : db_(db) {
  // Durability is this store's job, not SQLite's: with synchronous=NORMAL a
  // COMMIT only appends to the write-ahead log, and sync() then fdatasyncs
  // that log outside the lock before any write is acknowledged. FULL would
  // fsync inside COMMIT, holding the only connection while the disk works.
  // If the pragma cannot be set, FULL stays: slower, never less safe.
  if (const std::string main = db_.filePath(); !main.empty()) {
    walPath_ = main + "-wal";
    if (!db_.exec("PRAGMA synchronous = NORMAL").ok()) walPath_.clear();
  }
  // What an earlier run committed but never synced (it was killed before
  // its fsync) is made durable before anything is served from it: what is
  // stored when the store opens counts as on disk (Platform's event catch-up
  // relies on that). A disk that refuses it refuses writes, as any failed
  // sync does.
  broken_ = !syncWal();
  if (checkpointer != nullptr && !walPath_.empty()) {
    checkpointDb_ = checkpointer;
    // Replaces SQLite's own checkpoint-in-COMMIT hook.
    sqlite3_wal_hook(db_.handle(), &SqlStore::walHook, this);
    checkpointer_ = std::thread([this] { checkpointLoop(); });
  }
  committer_ = std::thread([this] { commitLoop(); });
}

SqlStore::~SqlStore() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  committer_.join();
  if (checkpointer_.joinable()) {
    {
      std::lock_guard lock(checkpointMu_);
      checkpointStopping_ = true;
    }
    checkpointWake_.notify_all();
    checkpointer_.join();
    sqlite3_wal_hook(db_.handle(), nullptr, nullptr);
  }
  (void)flush();
}

// Runs inside each COMMIT on the writer's connection, under the store's lock:
// only a flag and a wake-up, unless the log has grown past its bound.
int SqlStore::walHook(void* self, sqlite3* db, const char* name, int frames) {
  auto* store = static_cast<SqlStore*>(self);
  if (frames >= kWalLimitFrames) {
    (void)sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    return SQLITE_OK;
  }
  if (frames >= kCheckpointFrames) {
    {
      std::lock_guard lock(store->checkpointMu_);
      store->checkpointWanted_ = true;
    }
    store->checkpointWake_.notify_one();
  }
  return SQLITE_OK;
}

// A PASSIVE checkpoint never blocks the writer: it copies the frames no
// reader still needs, after syncing the log, and fsyncs the database file.
// The writer starts the log over at its next commit once all of it is copied.
void SqlStore::checkpointLoop() {
  std::unique_lock lock(checkpointMu_);
  for (;;) {
    checkpointWake_.wait(lock, [this] { return checkpointStopping_ || checkpointWanted_; });
    if (checkpointStopping_) return;
    checkpointWanted_ = false;
    lock.unlock();
    const int rc = sqlite3_wal_checkpoint_v2(checkpointDb_->handle(), "main",
                                             SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    lock.lock();
    if (rc == SQLITE_OK) {
      ++checkpointsDone_;
    } else if (rc != SQLITE_BUSY) {
      // A full or failing disk: the log keeps the pages, and the writer's own
      // checkpoint at kWalLimitFrames (or the next request) tries again.
      log::warn("store.checkpoint_failed", {{"error", sqlite3_errmsg(checkpointDb_->handle())}});
    }
  }
}

// Each writer commits its own transaction. With synchronous=NORMAL a COMMIT
// only appends the changed pages to the write-ahead log, without an fsync, so
// a writer that fails rolls back alone and one that succeeds knows at once.
// Durability is what writers share: whenDurable() waits for the committer's
// next fdatasync of the log, which covers every commit made before it began.
// (An earlier design shared one open transaction with a savepoint per writer;
// SQLCipher encrypted every page a savepoint touched into its sub-journal,
// which cost more than the commits it saved.)
//
// Statement journals. The same sub-journal serves a single statement that
// may change several rows and may also abort on a constraint (an UPDATE or an
// INSERT OR REPLACE on a table with NOT NULL columns): SQLite saves every page
// the statement touches there first, and SQLCipher 3 encrypts each one, even
// when the journal lives in memory. On the write path that cost 2 page
// encryptions per stored object, a third of the commit lane's encryption. So
// the statements that run for every write are single-row updates written
// OR FAIL, or plain INSERTs, neither of which needs a statement journal. Such
// a statement changes one row or, failing, none, and its error still reaches
// the caller, who rolls the transaction back (or, on the commit lane, drops a
// section that changed nothing).
Status SqlStore::transaction(const std::function<Status()>& body) {
  std::lock_guard lock(mu_);
  if (broken_) {
    return Error(ErrorCode::Unavailable, "db.sync_failed",
                 "the disk refused a write earlier; restart the server after checking it");
  }
  if (depth_ > 0) {  // nested: part of the caller's transaction
    ++depth_;
    Status s = body();
    --depth_;
    return s;
  }
  SAMRAD_TRY(db_.exec("BEGIN IMMEDIATE"));
  ++depth_;
  Status s = body();
  --depth_;
  if (!s.ok()) {
    (void)db_.exec("ROLLBACK");
    return s;
  }
  if (Status c = db_.exec("COMMIT"); !c.ok()) {
    (void)db_.exec("ROLLBACK");
    return c;
  }
  tlPendingBatch = ++committedGen_;
  tlPendingStore = this;
  return okStatus();
}

Status SqlStore::sync() {
  std::promise<Status> result;
  auto future = result.get_future();
  whenDurable([&result](Status s) { result.set_value(std::move(s)); });
  return future.get();
}

void SqlStore::whenDurable(std::function<void(Status)> done) {
  if (tlPendingStore != this || tlPendingBatch == 0) {
    done(okStatus());
    return;
  }
  const std::uint64_t gen = tlPendingBatch;
  tlPendingBatch = 0;
  {
    std::lock_guard lock(mu_);
    if (gen > durableGen_ && !broken_) {
      waiters_.push_back({gen, std::move(done), std::chrono::steady_clock::now()});
      wake_.notify_one();
      return;
    }
  }
  done(statusOf(gen));
}

void SqlStore::whenAllDurable(std::function<void(Status)> done) {
  std::unique_lock lock(mu_);
  // This thread's own commits are among them.
  if (tlPendingStore == this) tlPendingBatch = 0;
  const std::uint64_t gen = committedGen_;
  if (gen > durableGen_ && !broken_) {
    waiters_.push_back({gen, std::move(done), std::chrono::steady_clock::now()});
    wake_.notify_one();
    return;
  }
  const Status s = statusOf(gen);
  lock.unlock();
  done(s);
}

Status SqlStore::syncNow() {
  std::unique_lock lock(mu_);
  if (tlPendingStore == this) tlPendingBatch = 0;  // covered by what follows
  const std::uint64_t target = committedGen_;
  syncThrough(lock, target);
  return statusOf(target);
}

// Called holding mu_, which it releases while the disk works.
void SqlStore::syncThrough(std::unique_lock<std::recursive_mutex>& lock, std::uint64_t target) {
  if (target <= durableGen_ || broken_) return;
  lock.unlock();
  const bool ok = syncWal();
  lock.lock();
  if (ok) {
    durableGen_ = std::max(durableGen_, target);
  } else {
    // After a failed fsync the kernel may have dropped the dirty pages:
    // nothing written since can be promised. Refuse writes until restart.
    broken_ = true;
  }
}

std::uint64_t SqlStore::takeUnsynced() {
  if (tlPendingStore != this) return 0;
  const std::uint64_t gen = tlPendingBatch;
  tlPendingBatch = 0;
  return gen;
}

std::int64_t SqlStore::totalChanges() {
  std::lock_guard lock(mu_);
  return db_.totalChanges();
}

Status SqlStore::statusOf(std::uint64_t gen) const {
  if (broken_ && gen > durableGen_) {
    return Error(ErrorCode::Unavailable, "db.sync_failed",
                 "the disk refused a write; restart the server after checking it");
  }
  return okStatus();
}

// Group fsync: while one round's fdatasync runs, new writers commit to the
// log; the next round covers all of them with one fsync, and only then are
// their requests answered.
void SqlStore::commitLoop() {
  std::unique_lock lock(mu_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !waiters_.empty(); });
    if (waiters_.empty()) return;  // stopping, nobody waiting
    const std::uint64_t target = committedGen_;
    syncThrough(lock, target);
    std::vector<std::pair<std::function<void(Status)>, Status>> ready;
    std::vector<Waiter> later;
    static auto& durableWait = metrics::durableWaitSeconds("committer");
    const auto now = std::chrono::steady_clock::now();
    for (auto& w : waiters_) {
      if (w.gen <= target) {
        durableWait.observe(std::chrono::duration<double>(now - w.queued).count());
        ready.emplace_back(std::move(w.done), statusOf(w.gen));
      } else {
        later.push_back(std::move(w));
      }
    }
    waiters_ = std::move(later);
    lock.unlock();
    for (auto& [done, status] : ready) done(std::move(status));
    lock.lock();
  }
}

bool SqlStore::syncWal() const {
  if (walPath_.empty()) return true;  // synchronous=FULL: COMMIT already synced
  const int fd = ::open(walPath_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT;  // no log yet: every commit is in the main file
  const auto started = std::chrono::steady_clock::now();
  const bool ok = ::fdatasync(fd) == 0;
  metrics::fsyncSeconds().observe(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  ::close(fd);
  return ok;
}

Status SqlStore::flush() {
  std::lock_guard lock(mu_);
  if (committedGen_ > durableGen_ && !broken_) {
    if (!syncWal()) {
      broken_ = true;
      return Error(ErrorCode::Unavailable, "db.sync_failed",
                   "the last changes could not be synced");
    }
    durableGen_ = committedGen_;
  }
  return okStatus();
}

Status SqlStore::insertAgency(const domain::AgencyRecord& a) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare("INSERT INTO agencies (agency_id, kind, root_key) "
                                               "VALUES (?1, ?2, ?3)"));
  st.bindBlob(1, a.id.view()).bind(2, std::int64_t{a.kind}).bindBlob(3, a.rootKey.view());
  return st.run();
}

Result<std::optional<domain::AgencyRecord>> SqlStore::agency(const domain::AgencyId& id) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st,
                          db_.prepare("SELECT kind, root_key FROM agencies WHERE agency_id = ?1"));
  st.bindBlob(1, id.view());
  SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::optional<domain::AgencyRecord>{};
  SAMRAD_ASSIGN_OR_RETURN(auto key, crypto::SigningPublicKey::fromBytes(st.columnBlob(1)));
  return std::optional<domain::AgencyRecord>{{id, static_cast<int>(st.columnInt(0)), key}};
}

Result<std::vector<domain::AgencyRecord>> SqlStore::agencies() {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare("SELECT agency_id, kind, root_key FROM agencies"));
  std::vector<domain::AgencyRecord> out;
  for (;;) {
    SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    SAMRAD_ASSIGN_OR_RETURN(auto id, idFrom<domain::AgencyId>(st.columnBlob(0)));
    SAMRAD_ASSIGN_OR_RETURN(auto key, crypto::SigningPublicKey::fromBytes(st.columnBlob(2)));
    out.push_back({id, static_cast<int>(st.columnInt(1)), key});
  }
  return out;
}

Status SqlStore::insertUser(const domain::UserRecord& u) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st,
                          db_.prepare("INSERT INTO users (user_id, agency_id, role, certificate, "
                                      "valid_until) VALUES (?1, ?2, ?3, ?4, ?5)"));
  st.bindBlob(1, u.id.view())
      .bindBlob(2, u.agency.view())
      .bind(3, std::int64_t{u.role})
      .bindBlob(4, u.certificate)
      .bind(5, u.validUntil);
  return st.run();
}

Result<std::optional<domain::UserRecord>> SqlStore::user(const UserId& id) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st,
                          db_.prepare("SELECT user_id, agency_id, role, certificate, valid_until, "
                                      "revoked_at FROM users WHERE user_id = ?1"));
  st.bindBlob(1, id.view());
  SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::optional<domain::UserRecord>{};
  SAMRAD_ASSIGN_OR_RETURN(auto u, userRow(st));
  return std::optional<domain::UserRecord>{std::move(u)};
}

Status SqlStore::revokeUser(const UserId& id, std::int64_t at) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st,
                          db_.prepare("UPDATE users SET revoked_at = ?2 WHERE user_id = ?1"));
  st.bindBlob(1, id.view()).bind(2, at);
  return st.run();
}

Status SqlStore::insertDevice(const domain::DeviceRecord& d) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare("INSERT INTO devices (device_id, user_id, signing_key, certificate, "
                           "valid_until) VALUES (?1, ?2, ?3, ?4, ?5)"));
  st.bindBlob(1, d.id.view())
      .bindBlob(2, d.user.view())
      .bindBlob(3, d.signingKey.view())
      .bindBlob(4, d.certificate)
      .bind(5, d.validUntil);
  return st.run();
}

Result<std::optional<domain::DeviceRecord>> SqlStore::device(const DeviceId& id) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare("SELECT device_id, user_id, signing_key, certificate, valid_until, "
                           "revoked_at FROM devices WHERE device_id = ?1"));
  st.bindBlob(1, id.view());
  SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::optional<domain::DeviceRecord>{};
  SAMRAD_ASSIGN_OR_RETURN(auto d, deviceRow(st));
  return std::optional<domain::DeviceRecord>{std::move(d)};
}

Result<std::vector<domain::DeviceRecord>> SqlStore::devicesOf(const UserId& user) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare("SELECT device_id, user_id, signing_key, certificate, valid_until, "
                           "revoked_at FROM devices WHERE user_id = ?1"));
  st.bindBlob(1, user.view());
  std::vector<domain::DeviceRecord> out;
  for (;;) {
    SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    SAMRAD_ASSIGN_OR_RETURN(auto d, deviceRow(st));
    out.push_back(std::move(d));
  }
  return out;
}

Status SqlStore::revokeDevice(const DeviceId& id, std::int64_t at) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st,
                          db_.prepare("UPDATE devices SET revoked_at = ?2 WHERE device_id = ?1"));
  st.bindBlob(1, id.view()).bind(2, at);
  return st.run();
}

namespace {

template <typename Id>
Result<std::vector<std::pair<Id, std::int64_t>>> revokedIn(db::Database& db, const char* sql) {
  SAMRAD_ASSIGN_OR_RETURN(auto st, db.prepare(sql));
  std::vector<std::pair<Id, std::int64_t>> out;
  for (;;) {
    SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    SAMRAD_ASSIGN_OR_RETURN(Id id, idFrom<Id>(st.columnBlob(0)));
    out.emplace_back(id, st.columnInt(1));
  }
  return out;
}

}  // namespace

Result<std::vector<std::pair<UserId, std::int64_t>>> SqlStore::revokedUsers() {
  std::lock_guard lock(mu_);
  return revokedIn<UserId>(
      db_, "SELECT user_id, revoked_at FROM users WHERE revoked_at IS NOT NULL ORDER BY user_id");
}

Result<std::vector<std::pair<DeviceId, std::int64_t>>> SqlStore::revokedDevices() {
  std::lock_guard lock(mu_);
  return revokedIn<DeviceId>(db_,
                             "SELECT device_id, revoked_at FROM devices WHERE revoked_at IS NOT "
                             "NULL ORDER BY device_id");
}

Status SqlStore::insertEnrollmentCode(const domain::Hash& codeHash, const UserId& user,
                                      std::int64_t expiresAt) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare("INSERT INTO enrollment_codes (code_hash, "
                                               "user_id, expires_at) VALUES (?1, ?2, ?3)"));
  st.bindBlob(1, codeHash.view()).bindBlob(2, user.view()).bind(3, expiresAt);
  return st.run();
}

Result<std::optional<std::pair<UserId, std::int64_t>>> SqlStore::takeEnrollmentCode(
    const domain::Hash& codeHash) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare("SELECT user_id, expires_at FROM enrollment_codes WHERE code_hash = ?1"));
  st.bindBlob(1, codeHash.view());
  SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::optional<std::pair<UserId, std::int64_t>>{};
  SAMRAD_ASSIGN_OR_RETURN(auto uid, idFrom<UserId>(st.columnBlob(0)));
  const std::int64_t expires = st.columnInt(1);
  SAMRAD_ASSIGN_OR_RETURN(auto del,
                          db_.prepare("DELETE FROM enrollment_codes WHERE code_hash = ?1"));
  del.bindBlob(1, codeHash.view());
  SAMRAD_TRY(del.run());
  return std::optional<std::pair<UserId, std::int64_t>>{{uid, expires}};
}

Status SqlStore::insertSession(const domain::Hash& tokenHash, const DeviceId& device,
                               std::int64_t expiresAt) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare("INSERT INTO sessions (token_hash, device_id, "
                                               "expires_at) VALUES (?1, ?2, ?3)"));
  st.bindBlob(1, tokenHash.view()).bindBlob(2, device.view()).bind(3, expiresAt);
  return st.run();
}

Result<std::optional<std::pair<DeviceId, std::int64_t>>> SqlStore::session(
    const domain::Hash& tokenHash) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare("SELECT device_id, expires_at FROM sessions WHERE token_hash = ?1"));
  st.bindBlob(1, tokenHash.view());
  SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::optional<std::pair<DeviceId, std::int64_t>>{};
  SAMRAD_ASSIGN_OR_RETURN(auto id, idFrom<DeviceId>(st.columnBlob(0)));
  return std::optional<std::pair<DeviceId, std::int64_t>>{{id, st.columnInt(1)}};
}

Status SqlStore::deleteSession(const domain::Hash& tokenHash) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare("DELETE FROM sessions WHERE token_hash = ?1"));
  st.bindBlob(1, tokenHash.view());
  return st.run();
}

Status SqlStore::deleteSessionsOfDevice(const DeviceId& device) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare("DELETE FROM sessions WHERE device_id = ?1"));
  st.bindBlob(1, device.view());
  return st.run();
}

Result<std::int64_t> SqlStore::countSessions(std::int64_t now) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st,
                          db_.prepare("SELECT COUNT(*) FROM sessions WHERE expires_at > ?1"));
  st.bind(1, now);
  SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
  return row ? st.columnInt(0) : std::int64_t{0};
}

Status SqlStore::insertGroup(const domain::GroupRecord& g) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare("INSERT INTO groups (group_id, seq, epoch, head, "
                                               "event_seq) VALUES (?1, ?2, ?3, ?4, ?5)"));
  st.bindBlob(1, g.id.view())
      .bind(2, i64(g.seq))
      .bind(3, i64(g.epoch))
      .bindBlob(4, g.head.view())
      .bind(5, i64(g.eventSeq));
  return st.run();
}

Status SqlStore::updateGroup(const domain::GroupRecord& g) {
  std::lock_guard lock(mu_);
  // OR FAIL: no statement journal (see "Statement journals" above).
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare("UPDATE OR FAIL groups SET seq = ?2, epoch = ?3, "
                                               "head = ?4, event_seq = ?5 WHERE group_id = ?1"));
  st.bindBlob(1, g.id.view())
      .bind(2, i64(g.seq))
      .bind(3, i64(g.epoch))
      .bindBlob(4, g.head.view())
      .bind(5, i64(g.eventSeq));
  return st.run();
}

Result<std::optional<domain::GroupRecord>> SqlStore::group(const GroupId& id) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare("SELECT seq, epoch, head, event_seq FROM groups WHERE group_id = ?1"));
  st.bindBlob(1, id.view());
  SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::optional<domain::GroupRecord>{};
  domain::GroupRecord g;
  g.id = id;
  g.seq = static_cast<std::uint64_t>(st.columnInt(0));
  g.epoch = static_cast<std::uint64_t>(st.columnInt(1));
  SAMRAD_ASSIGN_OR_RETURN(g.head, crypto::Hash::fromBytes(st.columnBlob(2)));
  g.eventSeq = static_cast<std::uint64_t>(st.columnInt(3));
  return std::optional<domain::GroupRecord>{g};
}

Status SqlStore::insertLink(const GroupId& group, std::uint64_t seq, const Bytes& link) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare("INSERT INTO chain_links (group_id, seq, link) VALUES (?1, ?2, ?3)"));
  st.bindBlob(1, group.view()).bind(2, i64(seq)).bindBlob(3, link);
  return st.run();
}

Result<std::vector<Bytes>> SqlStore::links(const GroupId& group, std::uint64_t fromSeq,
                                           std::size_t limit) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare("SELECT link FROM chain_links WHERE group_id = ?1 "
                                               "AND seq >= ?2 ORDER BY seq LIMIT ?3"));
  st.bindBlob(1, group.view()).bind(2, i64(fromSeq)).bind(3, static_cast<std::int64_t>(limit));
  std::vector<Bytes> out;
  for (;;) {
    SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    out.push_back(st.columnBlob(0));
  }
  return out;
}

Status SqlStore::putEpochBundle(const GroupId& group, std::uint64_t epoch, const Bytes& bundle,
                                const std::vector<DeviceId>& recipients) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare("INSERT OR REPLACE INTO epoch_bundles (group_id, "
                                               "epoch, bundle) VALUES (?1, ?2, ?3)"));
  st.bindBlob(1, group.view()).bind(2, i64(epoch)).bindBlob(3, bundle);
  SAMRAD_TRY(st.run());
  SAMRAD_ASSIGN_OR_RETURN(auto del, db_.prepare("DELETE FROM epoch_recipients WHERE group_id = ?1 "
                                                "AND epoch = ?2"));
  del.bindBlob(1, group.view()).bind(2, i64(epoch));
  SAMRAD_TRY(del.run());
  SAMRAD_ASSIGN_OR_RETURN(auto ins, db_.prepare("INSERT INTO epoch_recipients (group_id, epoch, "
                                                "device_id) VALUES (?1, ?2, ?3)"));
  for (const auto& d : recipients) {
    ins.bindBlob(1, group.view()).bind(2, i64(epoch)).bindBlob(3, d.view());
    SAMRAD_TRY(ins.run());
    SAMRAD_TRY(ins.reset());
  }
  return okStatus();
}

Result<std::optional<std::pair<std::uint64_t, Bytes>>> SqlStore::epochBundleFor(
    const GroupId& group, const DeviceId& device, std::uint64_t maxEpoch) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare("SELECT b.epoch, b.bundle FROM epoch_recipients r JOIN epoch_bundles b "
                           "ON b.group_id = r.group_id AND b.epoch = r.epoch WHERE r.group_id = ?1 "
                           "AND r.device_id = ?2 AND r.epoch <= ?3 ORDER BY r.epoch DESC LIMIT 1"));
  const std::int64_t cap =
      maxEpoch > static_cast<std::uint64_t>(INT64_MAX) ? INT64_MAX : i64(maxEpoch);
  st.bindBlob(1, group.view()).bindBlob(2, device.view()).bind(3, cap);
  SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::optional<std::pair<std::uint64_t, Bytes>>{};
  return std::optional<std::pair<std::uint64_t, Bytes>>{
      {static_cast<std::uint64_t>(st.columnInt(0)), st.columnBlob(1)}};
}

Result<std::vector<GroupId>> SqlStore::groupsOfDevice(const DeviceId& device) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st,
                          db_.prepare("SELECT group_id FROM group_devices WHERE device_id = ?1"));
  st.bindBlob(1, device.view());
  std::vector<GroupId> out;
  for (;;) {
    SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    SAMRAD_ASSIGN_OR_RETURN(auto id, idFrom<GroupId>(st.columnBlob(0)));
    out.push_back(id);
  }
  return out;
}

Status SqlStore::setGroupDevices(const GroupId& group, const std::vector<DeviceId>& devices) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto del, db_.prepare("DELETE FROM group_devices WHERE group_id = ?1"));
  del.bindBlob(1, group.view());
  SAMRAD_TRY(del.run());
  SAMRAD_ASSIGN_OR_RETURN(
      auto ins, db_.prepare("INSERT INTO group_devices (group_id, device_id) VALUES (?1, ?2)"));
  for (const auto& d : devices) {
    ins.bindBlob(1, group.view()).bindBlob(2, d.view());
    SAMRAD_TRY(ins.run());
    SAMRAD_TRY(ins.reset());
  }
  return okStatus();
}

Result<std::optional<domain::ObjectHead>> SqlStore::objectHead(const GroupId& group,
                                                               const ObjectId& id) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare(std::string("SELECT ") + kHeadColumns +
                                               " FROM object_heads WHERE group_id = ?1 AND "
                                               "object_id = ?2"));
  st.bindBlob(1, group.view()).bindBlob(2, id.view());
  SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::optional<domain::ObjectHead>{};
  SAMRAD_ASSIGN_OR_RETURN(auto h, headRow(st));
  if (!h.wholeGroup) {
    SAMRAD_ASSIGN_OR_RETURN(h.allowed, accessList(db_, "object_access", "object_id", group, id));
  }
  return std::optional<domain::ObjectHead>{std::move(h)};
}

Status SqlStore::putObjectVersion(const GroupId& group, const domain::ObjectHead& h,
                                  const Bytes& body, const domain::VersionWrite& write) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto v, db_.prepare("INSERT INTO object_versions (group_id, object_id, version, body, "
                          "write_key, event_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  v.bindBlob(1, group.view())
      .bindBlob(2, h.id.view())
      .bind(3, i64(h.version))
      .bindBlob(4, body)
      .bind(6, i64(write.eventSeq));
  if (write.writeKey.empty()) {
    v.bindNull(5);
  } else {
    v.bindBlob(5, write.writeKey);
  }
  SAMRAD_TRY(v.run());
  // The head is updated in place, or inserted for a new object: one row
  // either way, with no statement journal (see "Statement journals" above).
  for (const char* sql :
       {"UPDATE OR FAIL object_heads SET kind = ?3, version = ?4, deleted = 0, whole_group = ?5, "
        "size = ?6, author = ?7, stored_at = ?8, case_id = ?9, creator = ?10 WHERE group_id = "
        "?1 AND object_id = ?2",
        "INSERT INTO object_heads (group_id, object_id, kind, version, deleted, whole_group, "
        "size, author, stored_at, case_id, creator) VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6, ?7, ?8, "
        "?9, ?10)"}) {
    SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare(sql));
    st.bindBlob(1, group.view())
        .bindBlob(2, h.id.view())
        .bind(3, h.kind)
        .bind(4, i64(h.version))
        .bind(5, std::int64_t{h.wholeGroup ? 1 : 0})
        .bind(6, i64(h.size))
        .bindBlob(7, h.author.view())
        .bind(8, h.storedAt)
        .bindBlob(10, h.creator.view());
    if (h.caseId) st.bindBlob(9, h.caseId->view());
    SAMRAD_TRY(st.run());
    if (db_.changes() > 0) break;
  }
  SAMRAD_ASSIGN_OR_RETURN(
      auto del, db_.prepare("DELETE FROM object_access WHERE group_id = ?1 AND object_id = ?2"));
  del.bindBlob(1, group.view()).bindBlob(2, h.id.view());
  SAMRAD_TRY(del.run());
  if (!h.wholeGroup) {
    SAMRAD_ASSIGN_OR_RETURN(auto ins, db_.prepare("INSERT OR IGNORE INTO object_access (group_id, "
                                                  "object_id, device_id) VALUES (?1, ?2, ?3)"));
    for (const auto& d : h.allowed) {
      ins.bindBlob(1, group.view()).bindBlob(2, h.id.view()).bindBlob(3, d.view());
      SAMRAD_TRY(ins.run());
      SAMRAD_TRY(ins.reset());
    }
  }
  return okStatus();
}

Result<std::optional<domain::VersionWrite>> SqlStore::versionWrite(const GroupId& group,
                                                                   const ObjectId& id,
                                                                   std::uint64_t version) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare("SELECT write_key, event_seq FROM object_versions "
                                               "WHERE group_id = ?1 AND object_id = ?2 AND "
                                               "version = ?3"));
  st.bindBlob(1, group.view()).bindBlob(2, id.view()).bind(3, i64(version));
  SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::optional<domain::VersionWrite>{};
  domain::VersionWrite w;
  if (!st.columnIsNull(0)) w.writeKey = st.columnBlob(0);
  if (!st.columnIsNull(1)) w.eventSeq = static_cast<std::uint64_t>(st.columnInt(1));
  return std::optional<domain::VersionWrite>{std::move(w)};
}

Result<std::optional<Bytes>> SqlStore::objectBody(const GroupId& group, const ObjectId& id,
                                                  std::uint64_t version) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare("SELECT body FROM object_versions WHERE group_id = "
                                               "?1 AND object_id = ?2 AND version = ?3"));
  st.bindBlob(1, group.view()).bindBlob(2, id.view()).bind(3, i64(version));
  SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::optional<Bytes>{};
  return std::optional<Bytes>{st.columnBlob(0)};
}

Result<std::vector<domain::ObjectHead>> SqlStore::listObjects(const GroupId& group,
                                                              const std::string& kind,
                                                              const ObjectId* after,
                                                              std::size_t limit) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare(std::string("SELECT ") + kHeadColumns +
                           " FROM object_heads WHERE group_id = ?1 AND deleted = 0 AND (?2 = '' "
                           "OR kind = ?2) AND object_id > ?3 ORDER BY object_id LIMIT ?4"));
  static const std::array<std::uint8_t, 1> kNone{0};
  st.bindBlob(1, group.view())
      .bind(2, kind)
      .bindBlob(3, after != nullptr ? after->view() : crypto::ByteView(kNone.data(), 0))
      .bind(4, static_cast<std::int64_t>(limit));
  std::vector<domain::ObjectHead> out;
  std::vector<ObjectId> restricted;
  for (;;) {
    SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    SAMRAD_ASSIGN_OR_RETURN(auto h, headRow(st));
    out.push_back(std::move(h));
  }
  for (auto& h : out) {
    if (h.wholeGroup) continue;
    SAMRAD_ASSIGN_OR_RETURN(auto full, objectHead(group, h.id));
    if (full) h.allowed = full->allowed;
  }
  return out;
}

Status SqlStore::deleteObject(const GroupId& group, const ObjectId& id, std::uint64_t version) {
  std::lock_guard lock(mu_);
  // The ciphertext of every version goes; only the head survives as a
  // tombstone so versions are never reused.
  SAMRAD_ASSIGN_OR_RETURN(
      auto del, db_.prepare("DELETE FROM object_versions WHERE group_id = ?1 AND object_id = ?2"));
  del.bindBlob(1, group.view()).bindBlob(2, id.view());
  SAMRAD_TRY(del.run());
  SAMRAD_ASSIGN_OR_RETURN(auto acc, db_.prepare("DELETE FROM object_access WHERE group_id = ?1 "
                                                "AND object_id = ?2"));
  acc.bindBlob(1, group.view()).bindBlob(2, id.view());
  SAMRAD_TRY(acc.run());
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare("UPDATE object_heads SET deleted = 1, size = 0, "
                                               "version = ?3 WHERE group_id = ?1 AND object_id = "
                                               "?2"));
  st.bindBlob(1, group.view()).bindBlob(2, id.view()).bind(3, i64(version));
  return st.run();
}

Status SqlStore::reserveObject(const GroupId& group, const domain::ObjectHead& h) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare("INSERT OR IGNORE INTO object_heads (group_id, object_id, kind, "
                           "version, deleted, whole_group, size, author, stored_at, case_id, "
                           "creator) VALUES (?1, ?2, ?3, 0, 1, 0, 0, ?4, ?5, ?6, ?4)"));
  st.bindBlob(1, group.view())
      .bindBlob(2, h.id.view())
      .bind(3, h.kind)
      .bindBlob(4, h.creator.view())
      .bind(5, h.storedAt);
  if (h.caseId) st.bindBlob(6, h.caseId->view());
  return st.run();
}

Status SqlStore::insertEvent(const domain::EventRecord& e) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare("INSERT INTO events (group_id, seq, kind, object_id, version, "
                           "object_kind, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  st.bindBlob(1, e.group.view())
      .bind(2, i64(e.seq))
      .bind(3, std::int64_t{static_cast<int>(e.kind)});
  if (e.object) {
    st.bindBlob(4, e.object->view());
  } else {
    st.bindNull(4);
  }
  st.bind(5, i64(e.version)).bind(6, e.objectKind).bind(7, e.at);
  return st.run();
}

Result<std::vector<domain::EventRecord>> SqlStore::eventsAfter(const GroupId& group,
                                                               std::uint64_t afterSeq,
                                                               std::size_t limit) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare("SELECT seq, kind, object_id, version, object_kind, at FROM events "
                           "WHERE group_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3"));
  st.bindBlob(1, group.view()).bind(2, i64(afterSeq)).bind(3, static_cast<std::int64_t>(limit));
  std::vector<domain::EventRecord> out;
  for (;;) {
    SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    domain::EventRecord e;
    e.group = group;
    e.seq = static_cast<std::uint64_t>(st.columnInt(0));
    e.kind = static_cast<domain::EventKind>(st.columnInt(1));
    if (!st.columnIsNull(2)) {
      SAMRAD_ASSIGN_OR_RETURN(auto oid, idFrom<ObjectId>(st.columnBlob(2)));
      e.object = oid;
    }
    e.version = static_cast<std::uint64_t>(st.columnInt(3));
    e.objectKind = st.columnText(4);
    e.at = st.columnInt(5);
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::optional<domain::AttachmentRecord>> SqlStore::attachment(const GroupId& group,
                                                                     const ObjectId& id) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare("SELECT total_size, received, uploader, whole_group, stored_at, "
                           "case_id FROM attachments WHERE group_id = ?1 AND attachment_id = ?2"));
  st.bindBlob(1, group.view()).bindBlob(2, id.view());
  SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::optional<domain::AttachmentRecord>{};
  domain::AttachmentRecord a;
  a.id = id;
  a.totalSize = static_cast<std::uint64_t>(st.columnInt(0));
  a.received = static_cast<std::uint64_t>(st.columnInt(1));
  SAMRAD_ASSIGN_OR_RETURN(a.uploader, idFrom<DeviceId>(st.columnBlob(2)));
  a.wholeGroup = st.columnInt(3) != 0;
  a.storedAt = st.columnInt(4);
  if (!st.columnIsNull(5)) {
    SAMRAD_ASSIGN_OR_RETURN(auto c, idFrom<CaseId>(st.columnBlob(5)));
    a.caseId = c;
  }
  if (!a.wholeGroup) {
    SAMRAD_ASSIGN_OR_RETURN(a.allowed,
                            accessList(db_, "attachment_access", "attachment_id", group, id));
  }
  return std::optional<domain::AttachmentRecord>{std::move(a)};
}

Status SqlStore::insertAttachment(const GroupId& group, const domain::AttachmentRecord& a) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare("INSERT INTO attachments (group_id, attachment_id, total_size, "
                           "received, uploader, whole_group, stored_at, case_id) VALUES (?1, ?2, "
                           "?3, 0, ?4, ?5, ?6, ?7)"));
  st.bindBlob(1, group.view())
      .bindBlob(2, a.id.view())
      .bind(3, i64(a.totalSize))
      .bindBlob(4, a.uploader.view())
      .bind(5, std::int64_t{a.wholeGroup ? 1 : 0})
      .bind(6, a.storedAt);
  if (a.caseId) st.bindBlob(7, a.caseId->view());
  SAMRAD_TRY(st.run());
  if (!a.wholeGroup) {
    SAMRAD_ASSIGN_OR_RETURN(auto ins, db_.prepare("INSERT OR IGNORE INTO attachment_access "
                                                  "(group_id, attachment_id, device_id) VALUES "
                                                  "(?1, ?2, ?3)"));
    for (const auto& d : a.allowed) {
      ins.bindBlob(1, group.view()).bindBlob(2, a.id.view()).bindBlob(3, d.view());
      SAMRAD_TRY(ins.run());
      SAMRAD_TRY(ins.reset());
    }
  }
  return okStatus();
}

Status SqlStore::appendAttachmentChunk(const GroupId& group, const ObjectId& id,
                                       std::uint64_t offset, const Bytes& data) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare("INSERT INTO attachment_chunks (group_id, "
                                               "attachment_id, chunk_at, data) VALUES (?1, ?2, ?3, "
                                               "?4)"));
  st.bindBlob(1, group.view()).bindBlob(2, id.view()).bind(3, i64(offset)).bindBlob(4, data);
  SAMRAD_TRY(st.run());
  SAMRAD_ASSIGN_OR_RETURN(auto up, db_.prepare("UPDATE attachments SET received = ?3 WHERE "
                                               "group_id = ?1 AND attachment_id = ?2"));
  up.bindBlob(1, group.view()).bindBlob(2, id.view()).bind(3, i64(offset + data.size()));
  return up.run();
}

Result<std::vector<std::pair<std::uint64_t, Bytes>>> SqlStore::attachmentChunks(
    const GroupId& group, const ObjectId& id, std::uint64_t offset, std::size_t maxBytes) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare("SELECT chunk_at, data FROM attachment_chunks WHERE group_id = ?1 AND "
                  "attachment_id = ?2 AND chunk_at + length(data) > ?3 ORDER BY chunk_at"));
  st.bindBlob(1, group.view()).bindBlob(2, id.view()).bind(3, i64(offset));
  std::vector<std::pair<std::uint64_t, Bytes>> out;
  std::size_t total = 0;
  while (total < maxBytes) {
    SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    std::uint64_t at = static_cast<std::uint64_t>(st.columnInt(0));
    Bytes data = st.columnBlob(1);
    if (at < offset) {  // the first chunk may start before the requested offset
      data.erase(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(offset - at));
      at = offset;
    }
    total += data.size();
    out.emplace_back(at, std::move(data));
  }
  return out;
}

Status SqlStore::deleteAttachment(const GroupId& group, const ObjectId& id) {
  std::lock_guard lock(mu_);
  for (const char* sql :
       {"DELETE FROM attachment_chunks WHERE group_id = ?1 AND attachment_id = ?2",
        "DELETE FROM attachment_access WHERE group_id = ?1 AND attachment_id = ?2",
        "DELETE FROM attachments WHERE group_id = ?1 AND attachment_id = ?2"}) {
    SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare(sql));
    st.bindBlob(1, group.view()).bindBlob(2, id.view());
    SAMRAD_TRY(st.run());
  }
  return okStatus();
}

// ---- cases and consents ------------------------------------------------------

namespace {

Status replaceAccess(db::Database& db, std::string_view table, std::string_view idColumn,
                     const GroupId& group, const ObjectId& id,
                     const std::vector<DeviceId>& allowed) {
  SAMRAD_ASSIGN_OR_RETURN(
      auto del, db.prepare("DELETE FROM " + std::string(table) + " WHERE group_id = ?1 AND " +
                           std::string(idColumn) + " = ?2"));
  del.bindBlob(1, group.view()).bindBlob(2, id.view());
  SAMRAD_TRY(del.run());
  SAMRAD_ASSIGN_OR_RETURN(
      auto ins, db.prepare("INSERT OR IGNORE INTO " + std::string(table) + " (group_id, " +
                           std::string(idColumn) + ", device_id) VALUES (?1, ?2, ?3)"));
  for (const auto& d : allowed) {
    ins.bindBlob(1, group.view()).bindBlob(2, id.view()).bindBlob(3, d.view());
    SAMRAD_TRY(ins.run());
    SAMRAD_TRY(ins.reset());
  }
  return okStatus();
}

constexpr const char* kConsentColumns =
    "group_id, case_id, referring_agency, recipients, valid_from, valid_until, status, "
    "record_object, registered_at, registered_by, ended_at, ended_by, form_attachment";

Result<domain::ConsentRecord> consentRow(db::Statement& st) {
  domain::ConsentRecord c;
  SAMRAD_ASSIGN_OR_RETURN(c.group, idFrom<GroupId>(st.columnBlob(0)));
  SAMRAD_ASSIGN_OR_RETURN(c.caseId, idFrom<CaseId>(st.columnBlob(1)));
  SAMRAD_ASSIGN_OR_RETURN(c.referringAgency, idFrom<AgencyId>(st.columnBlob(2)));
  const Bytes recipients = st.columnBlob(3);
  for (std::size_t at = 0; at + 16 <= recipients.size(); at += 16) {
    SAMRAD_ASSIGN_OR_RETURN(
        auto a, idFrom<AgencyId>(Bytes(recipients.begin() + static_cast<long>(at),
                                       recipients.begin() + static_cast<long>(at) + 16)));
    c.recipients.push_back(a);
  }
  c.validFrom = st.columnInt(4);
  c.validUntil = st.columnInt(5);
  const auto status = st.columnInt(6);
  if (status < 1 || status > 3) {
    return Error(ErrorCode::DataLoss, "store.corrupt", "a consent has an unknown status");
  }
  c.status = static_cast<domain::ConsentStatus>(status);
  SAMRAD_ASSIGN_OR_RETURN(c.recordObject, idFrom<ObjectId>(st.columnBlob(7)));
  c.registeredAt = st.columnInt(8);
  SAMRAD_ASSIGN_OR_RETURN(c.registeredBy, idFrom<DeviceId>(st.columnBlob(9)));
  c.endedAt = st.columnInt(10);
  if (!st.columnIsNull(11)) {
    SAMRAD_ASSIGN_OR_RETURN(auto d, idFrom<DeviceId>(st.columnBlob(11)));
    c.endedBy = d;
  }
  if (!st.columnIsNull(12)) {
    SAMRAD_ASSIGN_OR_RETURN(auto f, idFrom<ObjectId>(st.columnBlob(12)));
    c.formAttachment = f;
  }
  return c;
}

Result<std::vector<domain::ConsentRecord>> consentRows(db::Statement& st) {
  std::vector<domain::ConsentRecord> out;
  for (;;) {
    SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    SAMRAD_ASSIGN_OR_RETURN(auto c, consentRow(st));
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

Result<std::vector<domain::ObjectHead>> SqlStore::objectsOfCase(const GroupId& group,
                                                                const CaseId& caseId) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare(std::string("SELECT ") + kHeadColumns +
                                               " FROM object_heads WHERE group_id = ?1 AND "
                                               "case_id = ?2 AND deleted = 0 ORDER BY object_id"));
  st.bindBlob(1, group.view()).bindBlob(2, caseId.view());
  std::vector<domain::ObjectHead> out;
  for (;;) {
    SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    SAMRAD_ASSIGN_OR_RETURN(auto h, headRow(st));
    out.push_back(std::move(h));
  }
  for (auto& h : out) {
    if (!h.wholeGroup) {
      SAMRAD_ASSIGN_OR_RETURN(h.allowed,
                              accessList(db_, "object_access", "object_id", group, h.id));
    }
  }
  return out;
}

Status SqlStore::setObjectAccess(const GroupId& group, const ObjectId& id,
                                 const std::vector<DeviceId>& allowed) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare("UPDATE object_heads SET whole_group = 0 WHERE "
                                               "group_id = ?1 AND object_id = ?2"));
  st.bindBlob(1, group.view()).bindBlob(2, id.view());
  SAMRAD_TRY(st.run());
  return replaceAccess(db_, "object_access", "object_id", group, id, allowed);
}

Result<std::vector<domain::AttachmentRecord>> SqlStore::attachmentsOfCase(const GroupId& group,
                                                                          const CaseId& caseId) {
  std::vector<ObjectId> ids;
  {
    std::lock_guard lock(mu_);
    SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare("SELECT attachment_id FROM attachments WHERE "
                                                 "group_id = ?1 AND case_id = ?2 ORDER BY "
                                                 "attachment_id"));
    st.bindBlob(1, group.view()).bindBlob(2, caseId.view());
    for (;;) {
      SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
      if (!row) break;
      SAMRAD_ASSIGN_OR_RETURN(auto id, idFrom<ObjectId>(st.columnBlob(0)));
      ids.push_back(id);
    }
  }
  std::vector<domain::AttachmentRecord> out;
  for (const auto& id : ids) {
    SAMRAD_ASSIGN_OR_RETURN(auto a, attachment(group, id));
    if (a) out.push_back(std::move(*a));
  }
  return out;
}

Status SqlStore::setAttachmentAccess(const GroupId& group, const ObjectId& id,
                                     const std::vector<DeviceId>& allowed) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare("UPDATE attachments SET whole_group = 0 WHERE "
                                               "group_id = ?1 AND attachment_id = ?2"));
  st.bindBlob(1, group.view()).bindBlob(2, id.view());
  SAMRAD_TRY(st.run());
  return replaceAccess(db_, "attachment_access", "attachment_id", group, id, allowed);
}

Status SqlStore::putReferralTag(const GroupId& group, const CaseId& caseId, const domain::Hash& tag,
                                std::int64_t at, const DeviceId& device) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare("INSERT INTO referral_tags (group_id, case_id, tag, at, seq, device) VALUES "
                  "(?1, ?2, ?3, ?4, (SELECT coalesce(max(seq), 0) + 1 FROM referral_tags WHERE "
                  "group_id = ?1), ?5)"));
  st.bindBlob(1, group.view())
      .bindBlob(2, caseId.view())
      .bindBlob(3, tag.view())
      .bind(4, at)
      .bindBlob(5, device.view());
  return st.run();
}

namespace {

constexpr const char* kReferralColumns = "SELECT case_id, tag, at, seq, device FROM referral_tags ";

Result<std::vector<domain::Store::ReferralTag>> referralRows(db::Statement& st) {
  std::vector<domain::Store::ReferralTag> out;
  for (;;) {
    SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    domain::Store::ReferralTag t;
    SAMRAD_ASSIGN_OR_RETURN(t.caseId, idFrom<CaseId>(st.columnBlob(0)));
    SAMRAD_ASSIGN_OR_RETURN(t.tag, domain::Hash::fromBytes(st.columnBlob(1)));
    t.at = st.columnInt(2);
    t.seq = static_cast<std::uint64_t>(st.columnInt(3));
    SAMRAD_ASSIGN_OR_RETURN(t.device, idFrom<DeviceId>(st.columnBlob(4)));
    out.push_back(t);
  }
  return out;
}

}  // namespace

Result<std::optional<domain::Store::ReferralTag>> SqlStore::referralTagOf(const GroupId& group,
                                                                          const CaseId& caseId) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare(std::string(kReferralColumns) + "WHERE group_id = ?1 AND case_id = ?2"));
  st.bindBlob(1, group.view()).bindBlob(2, caseId.view());
  SAMRAD_ASSIGN_OR_RETURN(auto rows, referralRows(st));
  if (rows.empty()) return std::optional<ReferralTag>{};
  return std::optional<ReferralTag>{rows.front()};
}

Result<std::vector<domain::Store::ReferralTag>> SqlStore::referralsWithTag(const GroupId& group,
                                                                           const domain::Hash& tag,
                                                                           std::int64_t since,
                                                                           std::size_t limit) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare(std::string(kReferralColumns) +
                           "WHERE group_id = ?1 AND tag = ?2 AND at >= ?3 ORDER BY seq DESC "
                           "LIMIT ?4"));
  st.bindBlob(1, group.view()).bindBlob(2, tag.view()).bind(3, since).bind(4, i64(limit));
  return referralRows(st);
}

Result<std::vector<domain::Store::ReferralTag>> SqlStore::referralTags(const GroupId& group,
                                                                       std::int64_t since) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare(std::string(kReferralColumns) +
                                               "WHERE group_id = ?1 AND at >= ?2 ORDER BY seq"));
  st.bindBlob(1, group.view()).bind(2, since);
  return referralRows(st);
}

Result<std::size_t> SqlStore::countReferrals(const GroupId& group, const DeviceId* device,
                                             std::int64_t since) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st,
                          db_.prepare("SELECT count(*) FROM referral_tags WHERE group_id = ?1 AND "
                                      "at >= ?2 AND (?3 IS NULL OR device = ?3)"));
  st.bindBlob(1, group.view()).bind(2, since);
  if (device != nullptr) st.bindBlob(3, device->view());
  SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
  return row ? static_cast<std::size_t>(st.columnInt(0)) : std::size_t{0};
}

Status SqlStore::deleteReferralTagsBefore(const GroupId& group, std::int64_t before) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st,
                          db_.prepare("DELETE FROM referral_tags WHERE group_id = ?1 AND at < ?2"));
  st.bindBlob(1, group.view()).bind(2, before);
  return st.run();
}

Status SqlStore::deleteReferralTag(const GroupId& group, const CaseId& caseId) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare("DELETE FROM referral_tags WHERE group_id = ?1 AND case_id = ?2"));
  st.bindBlob(1, group.view()).bindBlob(2, caseId.view());
  return st.run();
}

Status SqlStore::replaceReferralTag(const GroupId& group, const CaseId& caseId,
                                    const domain::Hash& tag) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare("UPDATE referral_tags SET tag = ?3 WHERE group_id = ?1 AND case_id = ?2"));
  st.bindBlob(1, group.view()).bindBlob(2, caseId.view()).bindBlob(3, tag.view());
  return st.run();
}

Result<std::uint32_t> SqlStore::personTagGeneration(const GroupId& group) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare("SELECT generation FROM person_tag_generations WHERE group_id = ?1"));
  st.bindBlob(1, group.view());
  SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
  return row ? static_cast<std::uint32_t>(st.columnInt(0)) : std::uint32_t{1};
}

Status SqlStore::setPersonTagGeneration(const GroupId& group, std::uint32_t generation,
                                        std::int64_t at) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare("INSERT OR REPLACE INTO person_tag_generations "
                                               "(group_id, generation, rotated_at) VALUES (?1, "
                                               "?2, ?3)"));
  st.bindBlob(1, group.view()).bind(2, static_cast<std::int64_t>(generation)).bind(3, at);
  return st.run();
}

Status SqlStore::putConsent(const domain::ConsentRecord& c) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare(std::string("INSERT OR REPLACE INTO consents (") + kConsentColumns +
                           ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                           "?10, ?11, ?12, ?13)"));
  Bytes recipients;
  for (const auto& a : c.recipients) crypto::appendBytes(recipients, a.view());
  st.bindBlob(1, c.group.view())
      .bindBlob(2, c.caseId.view())
      .bindBlob(3, c.referringAgency.view())
      .bindBlob(4, recipients)
      .bind(5, c.validFrom)
      .bind(6, c.validUntil)
      .bind(7, static_cast<std::int64_t>(c.status))
      .bindBlob(8, c.recordObject.view())
      .bind(9, c.registeredAt)
      .bindBlob(10, c.registeredBy.view())
      .bind(11, c.endedAt);
  if (c.endedBy) st.bindBlob(12, c.endedBy->view());
  if (c.formAttachment) st.bindBlob(13, c.formAttachment->view());
  return st.run();
}

Result<std::optional<domain::ConsentRecord>> SqlStore::consent(const GroupId& group,
                                                               const CaseId& caseId) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare(std::string("SELECT ") + kConsentColumns +
                                               " FROM consents WHERE group_id = ?1 AND case_id "
                                               "= ?2"));
  st.bindBlob(1, group.view()).bindBlob(2, caseId.view());
  SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::optional<domain::ConsentRecord>{};
  SAMRAD_ASSIGN_OR_RETURN(auto c, consentRow(st));
  return std::optional<domain::ConsentRecord>{std::move(c)};
}

Result<std::vector<domain::ConsentRecord>> SqlStore::consents(const GroupId& group,
                                                              const CaseId* after,
                                                              std::size_t limit) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare(std::string("SELECT ") + kConsentColumns +
                                               " FROM consents WHERE group_id = ?1 AND case_id "
                                               "> ?2 ORDER BY case_id LIMIT ?3"));
  st.bindBlob(1, group.view())
      .bindBlob(2, after != nullptr ? Bytes(after->view().begin(), after->view().end()) : Bytes{})
      .bind(3, static_cast<std::int64_t>(limit));
  return consentRows(st);
}

Result<std::vector<domain::ConsentRecord>> SqlStore::consentsEndingBy(std::int64_t now,
                                                                      std::size_t limit) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare(std::string("SELECT ") + kConsentColumns +
                                               " FROM consents WHERE status = 1 AND valid_until "
                                               "<= ?1 ORDER BY valid_until LIMIT ?2"));
  st.bind(1, now).bind(2, static_cast<std::int64_t>(limit));
  return consentRows(st);
}

crypto::LogStore& SqlStore::logTree(const crypto::LogId& log) {
  std::lock_guard lock(mu_);
  crypto::Bytes key = log.storageKey();
  auto it = trees_.find(key);
  if (it == trees_.end()) {
    auto tree = std::make_unique<TreeStore>(*this, key);
    it = trees_.emplace(std::move(key), std::move(tree)).first;
  }
  return *it->second;
}

std::uint64_t SqlStore::TreeStore::size() const {
  std::lock_guard lock(store_.mu_);
  // Exactly "SELECT max(col) ... WHERE" so SQLite answers from the primary
  // key in O(log n); wrapping max() in an expression makes it a scan. Every
  // append writes its leaf at level 0 under the highest leaf number.
  auto st = store_.db_.prepare("SELECT max(leaf) FROM tlog_tree WHERE log_id = ?1");
  if (!st) return 0;
  st->bindBlob(1, key_);
  auto row = st->step();
  if (!row.ok() || !*row || st->columnIsNull(0)) return 0;
  return static_cast<std::uint64_t>(st->columnInt(0)) + 1;
}

Result<crypto::Hash> SqlStore::TreeStore::node(std::uint32_t level, std::uint64_t index) const {
  std::lock_guard lock(store_.mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, store_.db_.prepare("SELECT hash FROM tlog_tree WHERE log_id = "
                                                      "?1 AND leaf = ?2 AND level = ?3"));
  st.bindBlob(1, key_).bind(2, i64(completedBy(level, index))).bind(3, std::int64_t{level});
  SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return Error(ErrorCode::NotFound, "merkle.no_node", "log node not stored");
  return crypto::Hash::fromBytes(st.columnBlob(0));
}

Status SqlStore::TreeStore::append(std::uint64_t newSize,
                                   const std::vector<crypto::MerkleNode>& nodes) {
  std::lock_guard lock(store_.mu_);
  if (newSize != size() + 1) {
    return Error(ErrorCode::Aborted, "merkle.concurrent_append", "log size changed");
  }
  for (const auto& n : nodes) {
    if (completedBy(n.level, n.index) != newSize - 1) {
      return Error(ErrorCode::Internal, "merkle.wrong_node",
                   "a log node not completed by the appended leaf");
    }
  }
  SAMRAD_ASSIGN_OR_RETURN(auto st, store_.db_.prepare("INSERT INTO tlog_tree (log_id, leaf, "
                                                      "level, hash) VALUES (?1, ?2, ?3, ?4)"));
  for (const auto& n : nodes) {
    st.bindBlob(1, key_)
        .bind(2, i64(newSize - 1))
        .bind(3, std::int64_t{n.level})
        .bindBlob(4, n.hash.view());
    SAMRAD_TRY(st.run());
    SAMRAD_TRY(st.reset());
  }
  return okStatus();
}

Status SqlStore::putLogEntry(const crypto::LogId& log, std::uint64_t index, const Bytes& entry) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare("INSERT INTO tlog_entries (log_id, idx, entry) VALUES (?1, ?2, ?3)"));
  st.bindBlob(1, log.storageKey()).bind(2, i64(index)).bindBlob(3, entry);
  return st.run();
}

Result<std::vector<Bytes>> SqlStore::logEntries(const crypto::LogId& log, std::uint64_t start,
                                                std::size_t count) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare("SELECT entry FROM tlog_entries WHERE log_id = ?1 "
                                               "AND idx >= ?2 ORDER BY idx LIMIT ?3"));
  st.bindBlob(1, log.storageKey()).bind(2, i64(start)).bind(3, static_cast<std::int64_t>(count));
  std::vector<Bytes> out;
  for (;;) {
    SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    out.push_back(st.columnBlob(0));
  }
  return out;
}

Result<bool> SqlStore::addLogContext(const crypto::LogId& log, const Bytes& item) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare("INSERT OR IGNORE INTO tlog_context (log_id, item) VALUES (?1, ?2)"));
  st.bindBlob(1, log.storageKey()).bindBlob(2, item);
  SAMRAD_TRY(st.run());
  return db_.changes() == 1;
}

namespace {
Result<std::optional<domain::WitnessCheckpoint>> witnessRow(db::Statement& st) {
  SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::optional<domain::WitnessCheckpoint>{};
  domain::WitnessCheckpoint w;
  w.size = static_cast<std::uint64_t>(st.columnInt(0));
  SAMRAD_ASSIGN_OR_RETURN(w.root, crypto::Hash::fromBytes(st.columnBlob(1)));
  w.chosenAt = st.columnInt(2);
  return std::optional(w);
}
}  // namespace

Result<std::optional<domain::WitnessCheckpoint>> SqlStore::latestWitnessCheckpoint(
    const crypto::LogId& log) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st,
                          db_.prepare("SELECT size, root, chosen_at FROM tlog_witness WHERE log_id "
                                      "= ?1 ORDER BY size DESC LIMIT 1"));
  st.bindBlob(1, log.storageKey());
  return witnessRow(st);
}

Result<std::optional<domain::WitnessCheckpoint>> SqlStore::witnessCheckpoint(
    const crypto::LogId& log, std::uint64_t size) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare("SELECT size, root, chosen_at FROM tlog_witness WHERE log_id = ?1 AND "
                           "size = ?2"));
  st.bindBlob(1, log.storageKey()).bind(2, i64(size));
  return witnessRow(st);
}

Status SqlStore::putWitnessCheckpoint(const crypto::LogId& log,
                                      const domain::WitnessCheckpoint& w) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare("INSERT OR IGNORE INTO tlog_witness (log_id, size, "
                                               "root, chosen_at) VALUES (?1, ?2, ?3, ?4)"));
  st.bindBlob(1, log.storageKey())
      .bind(2, i64(w.size))
      .bindBlob(3, w.root.view())
      .bind(4, w.chosenAt);
  return st.run();
}

Status SqlStore::putCosignature(const crypto::LogId& log, std::uint64_t size,
                                const domain::Cosignature& c) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare("INSERT OR REPLACE INTO tlog_cosignatures (log_id, size, device_id, "
                           "agency_id, payload, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  st.bindBlob(1, log.storageKey())
      .bind(2, i64(size))
      .bindBlob(3, c.device.view())
      .bindBlob(4, c.agency.view())
      .bindBlob(5, c.payload)
      .bind(6, c.at);
  return st.run();
}

Result<std::vector<domain::Cosignature>> SqlStore::cosignatures(const crypto::LogId& log,
                                                                std::uint64_t size) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare("SELECT device_id, agency_id, payload, at FROM tlog_cosignatures "
                           "WHERE log_id = ?1 AND size = ?2 ORDER BY device_id"));
  st.bindBlob(1, log.storageKey()).bind(2, i64(size));
  std::vector<domain::Cosignature> out;
  for (;;) {
    SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    domain::Cosignature c;
    SAMRAD_ASSIGN_OR_RETURN(c.device, domain::DeviceId::fromBytes(st.columnBlob(0)));
    SAMRAD_ASSIGN_OR_RETURN(c.agency, domain::AgencyId::fromBytes(st.columnBlob(1)));
    c.payload = st.columnBlob(2);
    c.at = st.columnInt(3);
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::optional<std::uint64_t>> SqlStore::latestWitnessedSize(const crypto::LogId& log,
                                                                   std::size_t agencies) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare("SELECT size FROM tlog_cosignatures WHERE log_id = ?1 GROUP BY size HAVING "
                  "count(DISTINCT agency_id) >= ?2 ORDER BY size DESC LIMIT 1"));
  st.bindBlob(1, log.storageKey()).bind(2, static_cast<std::int64_t>(agencies));
  SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::optional<std::uint64_t>{};
  return std::optional(static_cast<std::uint64_t>(st.columnInt(0)));
}

Result<std::optional<Bytes>> SqlStore::idempotentResponse(const DeviceId& device, const Bytes& key,
                                                          const std::string& method) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare("SELECT method, response FROM idempotency WHERE "
                                               "device_id = ?1 AND key = ?2"));
  st.bindBlob(1, device.view()).bindBlob(2, key);
  SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::optional<Bytes>{};
  if (st.columnText(0) != method) {
    return Error(ErrorCode::InvalidArgument, "request.idempotency_reused",
                 "this idempotency key was already used for another kind of request");
  }
  return std::optional<Bytes>{st.columnBlob(1)};
}

Status SqlStore::saveIdempotentResponse(const DeviceId& device, const Bytes& key,
                                        const std::string& method, const Bytes& response,
                                        std::int64_t at) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare("INSERT OR IGNORE INTO idempotency (device_id, key, method, response, "
                           "at) VALUES (?1, ?2, ?3, ?4, ?5)"));
  st.bindBlob(1, device.view()).bindBlob(2, key).bind(3, method).bindBlob(4, response).bind(5, at);
  return st.run();
}

}  // namespace samrad::server::storage

namespace samrad::server::storage {
namespace {

constexpr const char* kAdviceColumns =
    "group_id, request_id, requester_user, requester_device, question, submitted_at, status, "
    "status_at, answer, answered_at, answered_by";

Result<std::vector<domain::AdviceRecord>> adviceRows(db::Statement& st) {
  std::vector<domain::AdviceRecord> out;
  for (;;) {
    SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    domain::AdviceRecord a;
    SAMRAD_ASSIGN_OR_RETURN(a.group, idFrom<GroupId>(st.columnBlob(0)));
    SAMRAD_ASSIGN_OR_RETURN(a.id, idFrom<ObjectId>(st.columnBlob(1)));
    SAMRAD_ASSIGN_OR_RETURN(a.requesterUser, idFrom<UserId>(st.columnBlob(2)));
    SAMRAD_ASSIGN_OR_RETURN(a.requesterDevice, idFrom<DeviceId>(st.columnBlob(3)));
    a.question = st.columnBlob(4);
    a.submittedAt = st.columnInt(5);
    const auto status = st.columnInt(6);
    if (status < 1 || status > 3) {
      return Error(ErrorCode::DataLoss, "store.corrupt", "an advice request has an unknown status");
    }
    a.status = static_cast<domain::AdviceStatus>(status);
    a.statusAt = st.columnInt(7);
    a.answer = st.columnBlob(8);
    a.answeredAt = st.columnInt(9);
    if (!st.columnIsNull(10)) {
      SAMRAD_ASSIGN_OR_RETURN(auto d, idFrom<DeviceId>(st.columnBlob(10)));
      a.answeredBy = d;
    }
    out.push_back(std::move(a));
  }
  return out;
}

Bytes idBytes(const auto* id) {
  if (id == nullptr) return {};
  return Bytes(id->view().begin(), id->view().end());
}

}  // namespace

Status SqlStore::putIntakeKey(const GroupId& group, const domain::IntakeRecord& intake) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare("INSERT OR REPLACE INTO advice_intake (group_id, "
                                               "envelope, device_id, at) VALUES (?1, ?2, ?3, ?4)"));
  st.bindBlob(1, group.view())
      .bindBlob(2, intake.envelope)
      .bindBlob(3, intake.device.view())
      .bind(4, intake.at);
  return st.run();
}

Result<std::optional<domain::IntakeRecord>> SqlStore::intakeKey(const GroupId& group) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare("SELECT envelope, device_id, at FROM advice_intake WHERE group_id = ?1"));
  st.bindBlob(1, group.view());
  SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return std::optional<domain::IntakeRecord>{};
  domain::IntakeRecord r;
  r.envelope = st.columnBlob(0);
  SAMRAD_ASSIGN_OR_RETURN(r.device, idFrom<DeviceId>(st.columnBlob(1)));
  r.at = st.columnInt(2);
  return std::optional<domain::IntakeRecord>{std::move(r)};
}

Status SqlStore::setRequester(const GroupId& group, const UserId& user, bool allowed,
                              std::int64_t at) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare(allowed ? "INSERT OR REPLACE INTO advice_requesters (group_id, "
                                     "user_id, at) VALUES (?1, ?2, ?3)"
                                   : "DELETE FROM advice_requesters WHERE group_id = ?1 AND "
                                     "user_id = ?2"));
  st.bindBlob(1, group.view()).bindBlob(2, user.view());
  if (allowed) st.bind(3, at);
  return st.run();
}

Result<bool> SqlStore::isRequester(const GroupId& group, const UserId& user) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare("SELECT 1 FROM advice_requesters WHERE group_id "
                                               "= ?1 AND user_id = ?2"));
  st.bindBlob(1, group.view()).bindBlob(2, user.view());
  return st.step();
}

Status SqlStore::putAdvice(const domain::AdviceRecord& a) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare(std::string("INSERT OR REPLACE INTO advice_requests (") + kAdviceColumns +
                  ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"));
  st.bindBlob(1, a.group.view())
      .bindBlob(2, a.id.view())
      .bindBlob(3, a.requesterUser.view())
      .bindBlob(4, a.requesterDevice.view())
      .bindBlob(5, a.question)
      .bind(6, a.submittedAt)
      .bind(7, static_cast<std::int64_t>(a.status))
      .bind(8, a.statusAt)
      .bindBlob(9, a.answer)
      .bind(10, a.answeredAt);
  if (a.answeredBy) st.bindBlob(11, a.answeredBy->view());
  return st.run();
}

Result<std::optional<domain::AdviceRecord>> SqlStore::advice(const GroupId& group,
                                                             const ObjectId& id) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare(std::string("SELECT ") + kAdviceColumns +
                                               " FROM advice_requests WHERE group_id = ?1 AND "
                                               "request_id = ?2"));
  st.bindBlob(1, group.view()).bindBlob(2, id.view());
  SAMRAD_ASSIGN_OR_RETURN(auto rows, adviceRows(st));
  if (rows.empty()) return std::optional<domain::AdviceRecord>{};
  return std::optional<domain::AdviceRecord>{std::move(rows.front())};
}

Result<std::vector<domain::AdviceRecord>> SqlStore::adviceList(const GroupId& group,
                                                               const UserId* onlyUser,
                                                               const ObjectId* after,
                                                               std::size_t limit) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare(std::string("SELECT ") + kAdviceColumns +
                           " FROM advice_requests WHERE group_id = ?1 AND request_id > ?2 AND "
                           "(?3 IS NULL OR requester_user = ?3) ORDER BY request_id LIMIT ?4"));
  st.bindBlob(1, group.view()).bindBlob(2, idBytes(after));
  if (onlyUser != nullptr) st.bindBlob(3, onlyUser->view());
  st.bind(4, static_cast<std::int64_t>(limit));
  return adviceRows(st);
}

Result<std::size_t> SqlStore::adviceCount(const GroupId& group, const UserId& user) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare("SELECT count(*) FROM advice_requests WHERE "
                                               "group_id = ?1 AND requester_user = ?2"));
  st.bindBlob(1, group.view()).bindBlob(2, user.view());
  SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
  return row ? static_cast<std::size_t>(st.columnInt(0)) : 0;
}

Status SqlStore::putCaseState(const domain::CaseState& c) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare("INSERT OR REPLACE INTO case_states (group_id, case_id, deidentified, "
                  "closed_at, content_purged, consent_purged) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  st.bindBlob(1, c.group.view())
      .bindBlob(2, c.caseId.view())
      .bind(3, std::int64_t{c.deidentified ? 1 : 0})
      .bind(4, c.closedAt)
      .bind(5, std::int64_t{c.contentPurged ? 1 : 0})
      .bind(6, std::int64_t{c.consentPurged ? 1 : 0});
  return st.run();
}

namespace {
Result<std::vector<domain::CaseState>> caseStateRows(db::Statement& st) {
  std::vector<domain::CaseState> out;
  for (;;) {
    SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    domain::CaseState c;
    SAMRAD_ASSIGN_OR_RETURN(c.group, idFrom<GroupId>(st.columnBlob(0)));
    SAMRAD_ASSIGN_OR_RETURN(c.caseId, idFrom<CaseId>(st.columnBlob(1)));
    c.deidentified = st.columnInt(2) != 0;
    c.closedAt = st.columnInt(3);
    c.contentPurged = st.columnInt(4) != 0;
    c.consentPurged = st.columnInt(5) != 0;
    out.push_back(c);
  }
  return out;
}
constexpr const char* kCaseStateColumns =
    "group_id, case_id, deidentified, closed_at, content_purged, consent_purged";
}  // namespace

Result<std::optional<domain::CaseState>> SqlStore::caseState(const GroupId& group,
                                                             const CaseId& caseId) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare(std::string("SELECT ") + kCaseStateColumns +
                                               " FROM case_states WHERE group_id = ?1 AND "
                                               "case_id = ?2"));
  st.bindBlob(1, group.view()).bindBlob(2, caseId.view());
  SAMRAD_ASSIGN_OR_RETURN(auto rows, caseStateRows(st));
  if (rows.empty()) return std::optional<domain::CaseState>{};
  return std::optional<domain::CaseState>{rows.front()};
}

Result<std::vector<domain::CaseState>> SqlStore::casesDue(const GroupId& group, bool consent,
                                                          bool deidentified, std::int64_t closedBy,
                                                          std::size_t limit) {
  std::lock_guard lock(mu_);
  const std::string where =
      consent ? " AND consent_purged = 0" : " AND content_purged = 0 AND deidentified = ?4";
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare(std::string("SELECT ") + kCaseStateColumns +
                                               " FROM case_states WHERE group_id = ?1 AND "
                                               "closed_at > 0 AND closed_at <= ?2" +
                                               where + " ORDER BY closed_at LIMIT ?3"));
  st.bindBlob(1, group.view()).bind(2, closedBy).bind(3, static_cast<std::int64_t>(limit));
  if (!consent) st.bind(4, std::int64_t{deidentified ? 1 : 0});
  return caseStateRows(st);
}

Status SqlStore::putRetentionPolicy(const GroupId& group, const domain::RetentionPolicy& p) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare("INSERT OR REPLACE INTO retention_policies (group_id, "
                  "deidentified_case_months, consented_case_months, "
                  "consent_record_years, set_at, set_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  st.bindBlob(1, group.view())
      .bind(2, std::int64_t{p.deidentifiedCaseMonths})
      .bind(3, std::int64_t{p.consentedCaseMonths})
      .bind(4, std::int64_t{p.consentRecordYears})
      .bind(5, p.setAt)
      .bindBlob(6, p.setBy.view());
  return st.run();
}

namespace {
Result<std::vector<std::pair<GroupId, domain::RetentionPolicy>>> policyRows(db::Statement& st) {
  std::vector<std::pair<GroupId, domain::RetentionPolicy>> out;
  for (;;) {
    SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    SAMRAD_ASSIGN_OR_RETURN(auto g, idFrom<GroupId>(st.columnBlob(0)));
    domain::RetentionPolicy p;
    p.deidentifiedCaseMonths = static_cast<std::uint32_t>(st.columnInt(1));
    p.consentedCaseMonths = static_cast<std::uint32_t>(st.columnInt(2));
    p.consentRecordYears = static_cast<std::uint32_t>(st.columnInt(3));
    p.setAt = st.columnInt(4);
    SAMRAD_ASSIGN_OR_RETURN(p.setBy, idFrom<DeviceId>(st.columnBlob(5)));
    out.emplace_back(g, p);
  }
  return out;
}
constexpr const char* kPolicyColumns =
    "group_id, deidentified_case_months, consented_case_months, consent_record_years, set_at, "
    "set_by";
}  // namespace

Result<std::optional<domain::RetentionPolicy>> SqlStore::retentionPolicy(const GroupId& group) {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare(std::string("SELECT ") + kPolicyColumns +
                                               " FROM retention_policies WHERE group_id = ?1"));
  st.bindBlob(1, group.view());
  SAMRAD_ASSIGN_OR_RETURN(auto rows, policyRows(st));
  if (rows.empty()) return std::optional<domain::RetentionPolicy>{};
  return std::optional<domain::RetentionPolicy>{rows.front().second};
}

Result<std::vector<std::pair<GroupId, domain::RetentionPolicy>>> SqlStore::retentionPolicies() {
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare(std::string("SELECT ") + kPolicyColumns +
                                               " FROM retention_policies ORDER BY group_id"));
  return policyRows(st);
}

}  // namespace samrad::server::storage
