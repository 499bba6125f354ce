#include "samrad/server/storage/server_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <system_error>

#include "samrad/crypto/content.h"
#include "samrad/crypto/secure.h"
#include "samrad/server/storage/key_file.h"

namespace samrad::server::storage {
namespace {

// SQLCipher 3.4.1 is SQLite 3.15.2: no UPSERT, RETURNING, JSON1 or window
// functions; WITHOUT ROWID, partial indexes and CTEs are fine.
constexpr std::array<db::Migration, 15> kMigrations{{
    {1, R"sql(
CREATE TABLE server_meta (
  name  TEXT PRIMARY KEY NOT NULL,
  value BLOB NOT NULL
) WITHOUT ROWID;
)sql"},
    {2, R"sql(
CREATE TABLE agencies (
  agency_id BLOB PRIMARY KEY NOT NULL,
  kind      INTEGER NOT NULL,
  root_key  BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE users (
  user_id     BLOB PRIMARY KEY NOT NULL,
  agency_id   BLOB NOT NULL REFERENCES agencies (agency_id),
  role        INTEGER NOT NULL,
  certificate BLOB NOT NULL,
  valid_until INTEGER NOT NULL,
  revoked_at  INTEGER
) WITHOUT ROWID;
CREATE TABLE devices (
  device_id   BLOB PRIMARY KEY NOT NULL,
  user_id     BLOB NOT NULL REFERENCES users (user_id),
  signing_key BLOB NOT NULL,
  certificate BLOB NOT NULL,
  valid_until INTEGER NOT NULL,
  revoked_at  INTEGER
) WITHOUT ROWID;
CREATE INDEX devices_by_user ON devices (user_id);
CREATE TABLE enrollment_codes (
  code_hash  BLOB PRIMARY KEY NOT NULL,
  user_id    BLOB NOT NULL REFERENCES users (user_id),
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE challenges (
  device_id  BLOB PRIMARY KEY NOT NULL,
  challenge  BLOB NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE login_failures (
  device_id BLOB NOT NULL,
  at        INTEGER NOT NULL
);
CREATE INDEX login_failures_by_device ON login_failures (device_id, at);
CREATE TABLE sessions (
  token_hash BLOB PRIMARY KEY NOT NULL,
  device_id  BLOB NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_by_device ON sessions (device_id);
CREATE TABLE groups (
  group_id  BLOB PRIMARY KEY NOT NULL,
  seq       INTEGER NOT NULL,
  epoch     INTEGER NOT NULL,
  head      BLOB NOT NULL,
  event_seq INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE chain_links (
  group_id BLOB NOT NULL REFERENCES groups (group_id),
  seq      INTEGER NOT NULL,
  link     BLOB NOT NULL,
  PRIMARY KEY (group_id, seq)
) WITHOUT ROWID;
CREATE TABLE group_devices (
  group_id  BLOB NOT NULL,
  device_id BLOB NOT NULL,
  PRIMARY KEY (group_id, device_id)
) WITHOUT ROWID;
CREATE INDEX group_devices_by_device ON group_devices (device_id);
CREATE TABLE epoch_bundles (
  group_id BLOB NOT NULL,
  epoch    INTEGER NOT NULL,
  bundle   BLOB NOT NULL,
  PRIMARY KEY (group_id, epoch)
) WITHOUT ROWID;
CREATE TABLE epoch_recipients (
  group_id  BLOB NOT NULL,
  epoch     INTEGER NOT NULL,
  device_id BLOB NOT NULL,
  PRIMARY KEY (group_id, device_id, epoch)
) WITHOUT ROWID;
CREATE TABLE object_heads (
  group_id    BLOB NOT NULL,
  object_id   BLOB NOT NULL,
  kind        TEXT NOT NULL,
  version     INTEGER NOT NULL,
  deleted     INTEGER NOT NULL DEFAULT 0,
  whole_group INTEGER NOT NULL,
  size        INTEGER NOT NULL,
  author      BLOB NOT NULL,
  stored_at   INTEGER NOT NULL,
  PRIMARY KEY (group_id, object_id)
) WITHOUT ROWID;
CREATE TABLE object_access (
  group_id  BLOB NOT NULL,
  object_id BLOB NOT NULL,
  device_id BLOB NOT NULL,
  PRIMARY KEY (group_id, object_id, device_id)
) WITHOUT ROWID;
CREATE TABLE object_versions (
  group_id  BLOB NOT NULL,
  object_id BLOB NOT NULL,
  version   INTEGER NOT NULL,
  body      BLOB NOT NULL,
  PRIMARY KEY (group_id, object_id, version)
) WITHOUT ROWID;
CREATE TABLE events (
  group_id    BLOB NOT NULL,
  seq         INTEGER NOT NULL,
  kind        INTEGER NOT NULL,
  object_id   BLOB,
  version     INTEGER NOT NULL,
  object_kind TEXT NOT NULL,
  at          INTEGER NOT NULL,
  PRIMARY KEY (group_id, seq)
) WITHOUT ROWID;
CREATE TABLE idempotency (
  device_id BLOB NOT NULL,
  key       BLOB NOT NULL,
  method    TEXT NOT NULL,
  response  BLOB NOT NULL,
  at        INTEGER NOT NULL,
  PRIMARY KEY (device_id, key)
) WITHOUT ROWID;
)sql"},
    {3, R"sql(
CREATE TABLE log_nodes (
  level INTEGER NOT NULL,
  idx   INTEGER NOT NULL,
  hash  BLOB NOT NULL,
  PRIMARY KEY (level, idx)
) WITHOUT ROWID;
CREATE TABLE log_entries (
  idx   INTEGER PRIMARY KEY NOT NULL,
  entry BLOB NOT NULL
);
)sql"},
    {4, R"sql(
CREATE TABLE attachments (
  group_id      BLOB NOT NULL,
  attachment_id BLOB NOT NULL,
  total_size    INTEGER NOT NULL,
  received      INTEGER NOT NULL,
  uploader      BLOB NOT NULL,
  whole_group   INTEGER NOT NULL,
  stored_at     INTEGER NOT NULL,
  PRIMARY KEY (group_id, attachment_id)
) WITHOUT ROWID;
CREATE TABLE attachment_access (
  group_id      BLOB NOT NULL,
  attachment_id BLOB NOT NULL,
  device_id     BLOB NOT NULL,
  PRIMARY KEY (group_id, attachment_id, device_id)
) WITHOUT ROWID;
CREATE TABLE attachment_chunks (
  group_id      BLOB NOT NULL,
  attachment_id BLOB NOT NULL,
  chunk_at      INTEGER NOT NULL,
  data          BLOB NOT NULL,
  PRIMARY KEY (group_id, attachment_id, chunk_at)
) WITHOUT ROWID;
)sql"},
    {5, R"sql(
ALTER TABLE object_heads ADD COLUMN case_id BLOB;
CREATE INDEX object_heads_by_case ON object_heads (group_id, case_id) WHERE case_id IS NOT NULL;
ALTER TABLE attachments ADD COLUMN case_id BLOB;
CREATE INDEX attachments_by_case ON attachments (group_id, case_id) WHERE case_id IS NOT NULL;
CREATE TABLE consents (
  group_id         BLOB NOT NULL,
  case_id          BLOB NOT NULL,
  referring_agency BLOB NOT NULL,
  recipients       BLOB NOT NULL,
  valid_from       INTEGER NOT NULL,
  valid_until      INTEGER NOT NULL,
  status           INTEGER NOT NULL,
  record_object    BLOB NOT NULL,
  registered_at    INTEGER NOT NULL,
  registered_by    BLOB NOT NULL,
  ended_at         INTEGER NOT NULL,
  ended_by         BLOB,
  PRIMARY KEY (group_id, case_id)
) WITHOUT ROWID;
CREATE INDEX consents_active_until ON consents (valid_until) WHERE status = 1;
)sql"},
    {6, R"sql(
CREATE TABLE referral_tags (
  group_id BLOB NOT NULL,
  case_id  BLOB NOT NULL,
  tag      BLOB NOT NULL,
  at       INTEGER NOT NULL,
  seq      INTEGER NOT NULL,
  PRIMARY KEY (group_id, case_id)
) WITHOUT ROWID;
CREATE INDEX referral_tags_by_tag ON referral_tags (group_id, tag, at);
)sql"},
    {7, R"sql(
ALTER TABLE consents ADD COLUMN form_attachment BLOB;
CREATE TABLE advice_intake (
  group_id  BLOB PRIMARY KEY NOT NULL,
  envelope  BLOB NOT NULL,
  device_id BLOB NOT NULL,
  at        INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE advice_requesters (
  group_id BLOB NOT NULL,
  user_id  BLOB NOT NULL,
  at       INTEGER NOT NULL,
  PRIMARY KEY (group_id, user_id)
) WITHOUT ROWID;
CREATE TABLE advice_requests (
  group_id         BLOB NOT NULL,
  request_id       BLOB NOT NULL,
  requester_user   BLOB NOT NULL,
  requester_device BLOB NOT NULL,
  question         BLOB NOT NULL,
  submitted_at     INTEGER NOT NULL,
  status           INTEGER NOT NULL,
  status_at        INTEGER NOT NULL,
  answer           BLOB NOT NULL,
  answered_at      INTEGER NOT NULL,
  answered_by      BLOB,
  PRIMARY KEY (group_id, request_id)
) WITHOUT ROWID;
CREATE INDEX advice_by_requester ON advice_requests (group_id, requester_user, request_id);
CREATE TABLE case_states (
  group_id       BLOB NOT NULL,
  case_id        BLOB NOT NULL,
  deidentified   INTEGER NOT NULL,
  closed_at      INTEGER NOT NULL,
  content_purged INTEGER NOT NULL,
  consent_purged INTEGER NOT NULL,
  PRIMARY KEY (group_id, case_id)
) WITHOUT ROWID;
CREATE INDEX case_states_closed ON case_states (group_id, closed_at) WHERE closed_at > 0;
CREATE TABLE retention_policies (
  group_id                 BLOB PRIMARY KEY NOT NULL,
  deidentified_case_months INTEGER NOT NULL,
  consented_case_months    INTEGER NOT NULL,
  consent_record_years     INTEGER NOT NULL,
  set_at                   INTEGER NOT NULL,
  set_by                   BLOB NOT NULL
) WITHOUT ROWID;
)sql"},
    // Witnessing (C2SP tlog-cosignature): the checkpoints devices are asked
    // to cosign, and their cosignatures.
    {8, R"sql(
CREATE TABLE witness_checkpoints (
  size      INTEGER PRIMARY KEY NOT NULL,
  root      BLOB NOT NULL,
  chosen_at INTEGER NOT NULL
);
CREATE TABLE cosignatures (
  size      INTEGER NOT NULL,
  device_id BLOB NOT NULL,
  agency_id BLOB NOT NULL,
  payload   BLOB NOT NULL,
  at        INTEGER NOT NULL,
  PRIMARY KEY (size, device_id)
) WITHOUT ROWID;
)sql"},
    // The log's tree nodes keyed by the leaf whose append completed them, then
    // level. An append writes the leaf and the parents it completes under one
    // leaf number, the highest so far: every append lands at the end of one
    // B-tree, so a commit rewrites one or two pages of it instead of the tail
    // page of every level it touched (2.3 pages per commit of two appends,
    // against 6.0 keyed by level first). Node (level, idx) covers leaves
    // [idx·2^level, (idx+1)·2^level) and was completed by leaf (idx+1)·2^level − 1.
    {9, R"sql(
CREATE TABLE log_tree (
  leaf  INTEGER NOT NULL,
  level INTEGER NOT NULL,
  hash  BLOB NOT NULL,
  PRIMARY KEY (leaf, level)
) WITHOUT ROWID;
INSERT INTO log_tree (leaf, level, hash)
  SELECT ((idx + 1) << level) - 1, level, hash FROM log_nodes ORDER BY 1, 2;
DROP TABLE log_nodes;
)sql"},
    // Object bodies in a rowid table, found through a unique index. As a
    // WITHOUT ROWID table keyed by random object ids, every body (2-3 KB,
    // past the quarter page such a row may keep in place) went to a random
    // leaf and spilled to an overflow page, so each write rewrote 3.7-3.8
    // pages of it; now a body goes to the end of the table and only the small
    // index entry lands at random (2.3-2.6 pages a write, batches of 8-32).
    // Closed-loop writes went from 2,034-2,124/s to 2,272-2,714/s.
    // The old table is dropped by open(), outside this transaction: a DROP
    // inside one keeps a statement journal as large as the table, in memory
    // (SQLCipher keeps temporary files in memory), 479 MB for a 469 MB table.
    {10, R"sql(
ALTER TABLE object_versions RENAME TO object_versions_v9;
CREATE TABLE object_versions (
  group_id  BLOB NOT NULL,
  object_id BLOB NOT NULL,
  version   INTEGER NOT NULL,
  body      BLOB NOT NULL,
  UNIQUE (group_id, object_id, version)
);
INSERT INTO object_versions (group_id, object_id, version, body)
  SELECT group_id, object_id, version, body FROM object_versions_v9
  ORDER BY group_id, object_id, version;
)sql"},
    // A version keeps what answers a retry of the write that stored it: the
    // writing device and its idempotency key, and the event it produced. That
    // answer was a row of its own in idempotency, keyed by a random key, so
    // every write dirtied one more random page (a lookup and an insert on the
    // commit lane); now the row a write adds anyway carries it, and a retry
    // finds it by the version it expected to create. Closed-loop writes (64
    // writers) went from 5,530-5,863/s to 6,219-7,120/s, p99 from 17.2-19.4
    // to 14.1-16.8 ms. Answers stored in idempotency by earlier versions are
    // still found there. Adding columns rewrites no row.
    {11, R"sql(
ALTER TABLE object_versions ADD COLUMN write_key BLOB;
ALTER TABLE object_versions ADD COLUMN event_seq INTEGER;
)sql"},
    // 12: login challenges and failed logins moved into memory (LoginGuard):
    // a stored challenge cost an fsync per GetChallenge, and a failure kept
    // per device alone let anyone lock any device out. A restart forgets
    // both; a client simply asks for a new challenge.
    {12, R"sql(
DROP INDEX login_failures_by_device;
DROP TABLE login_failures;
DROP TABLE challenges;
)sql"},
    // 13: an object keeps who created it (its first version since it was
    // created or re-created), so deleting it stays the creator's right when
    // others write later versions, and a case's records stay the referring
    // agency's. Rows of older stores read NULL as their latest author.
    {13, R"sql(
ALTER TABLE object_heads ADD COLUMN creator BLOB;
)sql"},
    // Person tags became ristretto255 points under a key only referring
    // devices hold, rotated when one leaves: the BLAKE2b blind indexes before
    // can match nothing made now, so they go (data kept no longer than it
    // serves). Each tag names the device that registered it, for the rate
    // limit; each group counts its key generations.
    {14, R"sql(
DELETE FROM referral_tags;
ALTER TABLE referral_tags ADD COLUMN device BLOB NOT NULL DEFAULT x'';
CREATE INDEX referral_tags_by_time ON referral_tags (group_id, at);
CREATE TABLE person_tag_generations (
  group_id   BLOB PRIMARY KEY NOT NULL,
  generation INTEGER NOT NULL,
  rotated_at INTEGER NOT NULL
) WITHOUT ROWID;
)sql"},
    // 15: one log per group and a directory log (docs/transparency.md). Every
    // log's tree, entries, witness checkpoints and cosignatures are keyed by
    // its id (crypto::LogId::storageKey: empty for the directory, the group's
    // id, x'00' for the legacy log). The single log of earlier versions
    // moves here as the legacy log, unchanged; the server then begins the new
    // logs from it once, at its next start (Platform). The old tables are
    // dropped by open(), outside this transaction (see migration 10).
    {15, R"sql(
CREATE TABLE tlog_tree (
  log_id BLOB NOT NULL,
  leaf   INTEGER NOT NULL,
  level  INTEGER NOT NULL,
  hash   BLOB NOT NULL,
  PRIMARY KEY (log_id, leaf, level)
) WITHOUT ROWID;
CREATE TABLE tlog_entries (
  log_id BLOB NOT NULL,
  idx    INTEGER NOT NULL,
  entry  BLOB NOT NULL,
  PRIMARY KEY (log_id, idx)
) WITHOUT ROWID;
CREATE TABLE tlog_witness (
  log_id    BLOB NOT NULL,
  size      INTEGER NOT NULL,
  root      BLOB NOT NULL,
  chosen_at INTEGER NOT NULL,
  PRIMARY KEY (log_id, size)
) WITHOUT ROWID;
CREATE TABLE tlog_cosignatures (
  log_id    BLOB NOT NULL,
  size      INTEGER NOT NULL,
  device_id BLOB NOT NULL,
  agency_id BLOB NOT NULL,
  payload   BLOB NOT NULL,
  at        INTEGER NOT NULL,
  PRIMARY KEY (log_id, size, device_id)
) WITHOUT ROWID;
CREATE TABLE tlog_context (
  log_id BLOB NOT NULL,
  item   BLOB NOT NULL,
  PRIMARY KEY (log_id, item)
) WITHOUT ROWID;
INSERT INTO tlog_tree (log_id, leaf, level, hash)
  SELECT x'00', leaf, level, hash FROM log_tree ORDER BY leaf, level;
INSERT INTO tlog_entries (log_id, idx, entry)
  SELECT x'00', idx, entry FROM log_entries ORDER BY idx;
INSERT INTO tlog_witness (log_id, size, root, chosen_at)
  SELECT x'00', size, root, chosen_at FROM witness_checkpoints ORDER BY size;
INSERT INTO tlog_cosignatures (log_id, size, device_id, agency_id, payload, at)
  SELECT x'00', size, device_id, agency_id, payload, at FROM cosignatures;
)sql"},
}};

}  // namespace

std::span<const db::Migration> serverMigrations() {
  return kMigrations;
}

namespace {

// Migration 13 added object_heads.creator; rows of older stores get it here,
// once, from the author of the oldest version the store holds (every version
// goes when an object is deleted, so that is the first since it was created
// or re-created). The author is in the clear in the object's associated
// data. Without this, reading NULL as the latest author would make whoever
// last wrote a case record (a coordinator moving it on) its referrer. A
// tombstone keeps its latest author.
Status backfillCreators(db::Database& database) {
  return database.transaction([&]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(
        auto rows,
        database.prepare("SELECT h.group_id, h.object_id, h.author, (SELECT v.body FROM "
                         "object_versions v WHERE v.group_id = h.group_id AND v.object_id = "
                         "h.object_id ORDER BY v.version LIMIT 1) FROM object_heads h WHERE "
                         "h.creator IS NULL"));
    SAMRAD_ASSIGN_OR_RETURN(auto put, database.prepare("UPDATE object_heads SET creator = ?3 "
                                                       "WHERE group_id = ?1 AND object_id = ?2"));
    for (;;) {
      SAMRAD_ASSIGN_OR_RETURN(bool row, rows.step());
      if (!row) break;
      crypto::Bytes creator = rows.columnBlob(2);
      if (!rows.columnIsNull(3)) {
        auto first = crypto::EncryptedObject::parse(rows.columnBlob(3));
        if (first)
          creator.assign(first->context.author.view().begin(), first->context.author.view().end());
      }
      put.bindBlob(1, rows.columnBlob(0)).bindBlob(2, rows.columnBlob(1)).bindBlob(3, creator);
      SAMRAD_TRY(put.run());
      SAMRAD_TRY(put.reset());
    }
    return okStatus();
  });
}

// A server that cannot write would refuse every login and every change; it
// says so at start, naming the folder, instead of failing request by request.
Status checkWritable(const std::filesystem::path& dataDir) {
  const auto probe = dataDir / ".write-check";
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  int err = fd < 0 ? errno : 0;
  if (fd >= 0) {
    if (::write(fd, "ok\n", 3) != 3 || ::fsync(fd) != 0) err = errno;
    ::close(fd);
    ::unlink(probe.c_str());
  }
  if (err == 0) return okStatus();
  if (err == EROFS || err == EACCES || err == EPERM) {
    return Error(ErrorCode::Unavailable, "store.read_only",
                 "the data folder " + dataDir.string() + " cannot be written (" +
                     std::strerror(err) +
                     "); samrad-server keeps its database there and must write it: make the "
                     "folder writable and start again");
  }
  if (err == ENOSPC || err == EDQUOT) {
    return Error(ErrorCode::ResourceExhausted, "store.disk_full",
                 "the disk holding the data folder " + dataDir.string() +
                     " is full; free space and start again");
  }
  return Error(ErrorCode::Unavailable, "store.data_dir",
               "cannot write in the data folder " + dataDir.string() + ": " + std::strerror(err));
}

}  // namespace

Result<std::unique_ptr<ServerStore>> ServerStore::open(const std::filesystem::path& dataDir) {
  std::error_code ec;
  std::filesystem::create_directories(dataDir, ec);
  if (ec) {
    return Error(ErrorCode::Unavailable, "store.data_dir",
                 "cannot create data folder " + dataDir.string() + ": " + ec.message());
  }
  // The data folder holds the key and the database: nobody else needs to list it.
  ::chmod(dataDir.c_str(), 0700);
  SAMRAD_TRY(checkWritable(dataDir));

  SAMRAD_ASSIGN_OR_RETURN(crypto::SecretBytes key, loadOrCreateKeyFile(dataDir / "server.key"));
  SAMRAD_ASSIGN_OR_RETURN(std::unique_ptr<db::Database> database,
                          db::Database::open(dataDir / "samrad.db", key.view()));
  // Deleted rows (withdrawn consent's copies, retention purges, deleted
  // objects) are overwritten in their pages, not left in free space: the
  // pages are encrypted, but whoever later holds server.key and an old disk
  // image must not find content the server was told to delete.
  SAMRAD_TRY(database->exec("PRAGMA secure_delete = ON"));
  SAMRAD_TRY(db::migrate(*database, serverMigrations()));
  // What migration 10 left to drop, in a statement of its own (see there). A
  // start interrupted before it drops it next time; until it is gone it holds
  // old copies of object bodies, so a store that cannot drop it does not open.
  if (Status dropped = database->exec("DROP TABLE IF EXISTS object_versions_v9"); !dropped.ok()) {
    return Error(ErrorCode::Unavailable, "db.migration_cleanup_failed",
                 "the object bodies copied by migration 10 could not be dropped: " +
                     dropped.error().describe());
  }
  // What migration 15 copied into the per-log tables, likewise.
  for (const char* table : {"log_tree", "log_entries", "witness_checkpoints", "cosignatures"}) {
    if (Status dropped = database->exec(std::string("DROP TABLE IF EXISTS ") + table);
        !dropped.ok()) {
      return Error(
          ErrorCode::Unavailable, "db.migration_cleanup_failed",
          std::string("the log table ") + table +
              " copied by migration 15 could not be dropped: " + dropped.error().describe());
    }
  }
  SAMRAD_TRY(backfillCreators(*database));
  SAMRAD_ASSIGN_OR_RETURN(int version, database->userVersion());

  std::string serverId;
  SAMRAD_TRY(database->transaction([&]() -> Status {
    SAMRAD_ASSIGN_OR_RETURN(
        db::Statement get,
        database->prepare("SELECT value FROM server_meta WHERE name = 'server_id'"));
    SAMRAD_ASSIGN_OR_RETURN(bool found, get.step());
    if (found) {
      serverId = crypto::toHex(get.columnBlob(0));
      return okStatus();
    }
    const crypto::Bytes id = crypto::randomBytes(16);
    SAMRAD_ASSIGN_OR_RETURN(
        db::Statement put,
        database->prepare("INSERT INTO server_meta (name, value) VALUES ('server_id', ?1)"));
    put.bindBlob(1, id);
    SAMRAD_TRY(put.run());
    serverId = crypto::toHex(id);
    return okStatus();
  }));
  db::OpenOptions small;
  small.cacheBytes = 256 * 1024;
  SAMRAD_ASSIGN_OR_RETURN(std::unique_ptr<db::Database> checkpointDb,
                          db::Database::open(dataDir / "samrad.db", key.view(), small));
  return std::unique_ptr<ServerStore>(
      new ServerStore(std::move(database), std::move(checkpointDb), serverId, version));
}

}  // namespace samrad::server::storage
