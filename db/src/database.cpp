#include "samrad/db/database.h"

#include <sodium.h>

#include <array>
#include <string>
#include <utility>

#include "samrad/db/sqlite.h"

namespace samrad::db {
namespace {

// Errors never carry SQL text or data: only SQLite's generic error name.
Error sqlError(sqlite3* db, int rc, std::string_view what) {
  const char* msg =
      (db != nullptr) ? sqlite3_errstr(sqlite3_extended_errcode(db)) : sqlite3_errstr(rc);
  const int primary = rc & 0xff;
  ErrorCode code = ErrorCode::Internal;
  std::string reason = "db.error";
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    code = ErrorCode::Unavailable;
    reason = "db.busy";
  } else if (primary == SQLITE_CONSTRAINT) {
    code = ErrorCode::AlreadyExists;
    reason = "db.constraint";
  } else if (primary == SQLITE_FULL) {
    // The disk (or the file-size limit) is full: nothing of the statement or
    // its transaction was kept. Retrying later, once there is room, is safe.
    return Error(ErrorCode::ResourceExhausted, "db.full",
                 "the disk holding the database is full; nothing of this change was stored (" +
                     std::string(what) + ": " + msg + ")");
  } else if (primary == SQLITE_READONLY) {
    return Error(ErrorCode::Unavailable, "db.read_only",
                 "the database cannot be written (read-only file or folder); nothing of this "
                 "change was stored (" +
                     std::string(what) + ": " + msg + ")");
  } else if (primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN) {
    return Error(ErrorCode::Unavailable, "db.io_error",
                 "the disk refused to read or write the database; no change of this request "
                 "was stored (" +
                     std::string(what) + ": " + msg + ")");
  } else if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
    code = ErrorCode::DataLoss;
    reason = "db.corrupt";
  }
  return Error(code, reason, std::string(what) + ": " + msg);
}

}  // namespace

Result<std::unique_ptr<Database>> Database::open(const std::filesystem::path& path,
                                                 std::span<const std::uint8_t> rawKey,
                                                 const OpenOptions& options) {
  if (rawKey.size() != kRawKeySize) {
    return Error(ErrorCode::InvalidArgument, "db.bad_key_size", "raw key must be 32 bytes");
  }
  // The header we compiled against (samrad/db/sqlite.h) must describe the
  // library the loader found: a different SQLite underneath would disagree on
  // constants and structures without any other sign.
  if (sqlite3_libversion_number() != kSqliteVersionNumber) {
    return Error(ErrorCode::Internal, "db.library_mismatch",
                 "the SQLCipher library loaded is not the version Samråd was built against");
  }
  sqlite3* raw = nullptr;
  const int flags =
      options.readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Error e = sqlError(raw, rc, "open");
    sqlite3_close(raw);
    return Error(ErrorCode::Unavailable, "db.open_failed", e.message());
  }
  std::unique_ptr<Database> db(new Database(raw));

  // SQLCipher's raw-key form is the string x'<64 hex digits>'. It is built in
  // guarded memory and wiped after use.
  constexpr std::size_t kKeyLiteral = 3 + kRawKeySize * 2;
  if (sodium_init() < 0) {  // idempotent; sodium_malloc needs it
    return Error(ErrorCode::Internal, "db.no_sodium", "libsodium could not be initialised");
  }
  auto* literal = static_cast<char*>(sodium_malloc(kKeyLiteral + 1));
  if (literal == nullptr) {
    return Error(ErrorCode::ResourceExhausted, "db.no_memory", "cannot allocate key buffer");
  }
  literal[0] = 'x';
  literal[1] = '\'';
  sodium_bin2hex(literal + 2, kRawKeySize * 2 + 1, rawKey.data(), rawKey.size());
  literal[kKeyLiteral - 1] = '\'';
  literal[kKeyLiteral] = '\0';
  rc = sqlite3_key(raw, literal, static_cast<int>(kKeyLiteral));
  sodium_free(literal);
  if (rc != SQLITE_OK) {
    return sqlError(raw, rc, "key");
  }
  // Must precede the first page read (SQLCipher 3 default is 1024).
  SAMRAD_TRY(db->exec("PRAGMA cipher_page_size = 4096"));

  // The first real read tells a wrong key (or a non-database) apart.
  rc = sqlite3_exec(raw, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    if ((rc & 0xff) == SQLITE_NOTADB) {
      return Error(ErrorCode::PermissionDenied, "db.wrong_key",
                   "the database key does not open this file");
    }
    return sqlError(raw, rc, "first read");
  }
  SAMRAD_TRY(db->exec("PRAGMA cache_size = -" + std::to_string(options.cacheBytes / 1024)));
  SAMRAD_TRY(db->exec("PRAGMA foreign_keys = ON"));
  if (!options.readOnly) {
    SAMRAD_TRY(db->exec("PRAGMA journal_mode = WAL"));
    // Every acknowledged write must survive power loss (DESIGN §4).
    SAMRAD_TRY(db->exec("PRAGMA synchronous = FULL"));
  }
  sqlite3_busy_timeout(raw, 5000);
  return db;
}

std::string Database::filePath() const {
  const char* name = sqlite3_db_filename(db_, "main");
  return name == nullptr ? std::string() : std::string(name);
}

Database::~Database() {
  // Cached statements are owned here; any Statement still alive must not
  // outlive its Database (they are scoped inside its users' functions).
  for (auto& [sql, entry] : cache_) sqlite3_finalize(entry.stmt);
  sqlite3_close_v2(db_);
}

Status Database::exec(std::string_view sql) {
  const std::string text(sql);
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    return sqlError(db_, rc, "exec");
  }
  return okStatus();
}

Status Database::backupTo(Database& dest) {
  sqlite3_backup* b = sqlite3_backup_init(dest.db_, "main", db_, "main");
  if (b == nullptr) return sqlError(dest.db_, sqlite3_errcode(dest.db_), "backup");
  // All pages in one step: the source is read under one read transaction,
  // so the copy is one consistent state however busy the writers are.
  int rc = SQLITE_OK;
  for (int tries = 0; tries < 100; ++tries) {
    rc = sqlite3_backup_step(b, -1);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    sqlite3_sleep(50);
  }
  const int finish = sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) return sqlError(dest.db_, rc, "backup");
  if (finish != SQLITE_OK) return sqlError(dest.db_, finish, "backup");
  return okStatus();
}

Result<Statement> Database::prepare(std::string_view sql) {
  auto cached = cache_.find(std::string(sql));
  if (cached != cache_.end() && !cached->second.inUse) {
    cached->second.inUse = true;
    return Statement(db_, cached->second.stmt, &cached->second.inUse);
  }
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    return sqlError(db_, rc, "prepare");
  }
  if (cached == cache_.end() && cache_.size() < 256) {
    auto& entry = cache_[std::string(sql)];
    entry.stmt = stmt;
    entry.inUse = true;
    return Statement(db_, stmt, &entry.inUse);
  }
  return Statement(db_, stmt);
}

Status Database::transaction(const std::function<Status()>& body) {
  SAMRAD_TRY(exec("BEGIN IMMEDIATE"));
  Status s = body();
  if (!s.ok()) {
    (void)exec("ROLLBACK");
    return s;
  }
  Status c = exec("COMMIT");
  if (!c.ok()) {
    (void)exec("ROLLBACK");
  }
  return c;
}

std::int64_t Database::lastInsertRowId() const {
  return sqlite3_last_insert_rowid(db_);
}

std::int64_t Database::totalChanges() const {
  return sqlite3_total_changes(db_);
}

int Database::changes() const {
  return sqlite3_changes(db_);
}

Result<int> Database::userVersion() {
  SAMRAD_ASSIGN_OR_RETURN(Statement st, prepare("PRAGMA user_version"));
  SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) {
    return Error(ErrorCode::Internal, "db.no_user_version", "user_version returned no row");
  }
  return static_cast<int>(st.columnInt(0));
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_),
      stmt_(std::exchange(other.stmt_, nullptr)),
      lentFrom_(std::exchange(other.lentFrom_, nullptr)),
      bindError_(other.bindError_) {}

namespace {
// A cached statement goes back to the cache reset and unbound; others die.
void release(sqlite3_stmt* stmt, bool* lentFrom) {
  if (stmt == nullptr) return;
  if (lentFrom != nullptr) {
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    *lentFrom = false;
  } else {
    sqlite3_finalize(stmt);
  }
}
}  // namespace

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    release(stmt_, lentFrom_);
    db_ = other.db_;
    stmt_ = std::exchange(other.stmt_, nullptr);
    lentFrom_ = std::exchange(other.lentFrom_, nullptr);
    bindError_ = other.bindError_;
  }
  return *this;
}

Statement::~Statement() {
  release(stmt_, lentFrom_);
}

Statement& Statement::bind(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) bindError_ = rc;
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  const int rc =
      sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK) bindError_ = rc;
  return *this;
}

Statement& Statement::bindBlob(int index, std::span<const std::uint8_t> blob) {
  // A zero-length blob must still be a blob, not NULL.
  static const std::uint8_t kEmpty = 0;
  const void* data = blob.empty() ? &kEmpty : blob.data();
  const int rc = sqlite3_bind_blob64(stmt_, index, data, blob.size(), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) bindError_ = rc;
  return *this;
}

Statement& Statement::bindNull(int index) {
  const int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) bindError_ = rc;
  return *this;
}

Result<bool> Statement::step() {
  if (bindError_ != 0) {
    return sqlError(db_, bindError_, "bind");
  }
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return sqlError(db_, rc, "step");
}

Status Statement::run() {
  SAMRAD_ASSIGN_OR_RETURN(bool row, step());
  (void)row;
  return okStatus();
}

Status Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bindError_ = 0;
  return okStatus();
}

std::int64_t Statement::columnInt(int index) const {
  return sqlite3_column_int64(stmt_, index);
}

std::string Statement::columnText(int index) const {
  const auto* p = sqlite3_column_text(stmt_, index);
  const int n = sqlite3_column_bytes(stmt_, index);
  if (p == nullptr) return {};
  return {reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)};
}

std::vector<std::uint8_t> Statement::columnBlob(int index) const {
  const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, index));
  const int n = sqlite3_column_bytes(stmt_, index);
  if (p == nullptr || n <= 0) return {};
  return {p, p + n};
}

int Statement::columnCount() const {
  return sqlite3_column_count(stmt_);
}

bool Statement::columnIsNull(int index) const {
  return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

Status migrate(Database& db, std::span<const Migration> migrations) {
  SAMRAD_ASSIGN_OR_RETURN(int current, db.userVersion());
  const int latest = migrations.empty() ? 0 : migrations.back().version;
  if (current > latest) {
    return Error(ErrorCode::FailedPrecondition, "db.schema_too_new",
                 "database schema version " + std::to_string(current) +
                     " is newer than this program supports (" + std::to_string(latest) + ")");
  }
  for (const auto& m : migrations) {
    if (m.version <= current) continue;
    if (m.version != current + 1) {
      return Error(ErrorCode::Internal, "db.migration_gap",
                   "migrations must be numbered consecutively");
    }
    SAMRAD_TRY(db.transaction([&]() -> Status {
      SAMRAD_TRY(db.exec(m.sql));
      return db.exec("PRAGMA user_version = " + std::to_string(m.version));
    }));
    current = m.version;
  }
  return okStatus();
}

}  // namespace samrad::db
