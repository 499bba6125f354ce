#include "samrad/server/storage/backup.h"

#include <sys/stat.h>

#include "samrad/db/database.h"
#include "samrad/server/storage/key_file.h"

namespace samrad::server::storage {
namespace {

namespace fs = std::filesystem;

// The files a data folder cannot be continued without, beside the store.
constexpr const char* kKeyFiles[] = {"server.key", "log.key", "operator.key"};

Error ioError(const std::string& message) {
  return Error(ErrorCode::Internal, "io.failed", message);
}

Status copyKey(const fs::path& from, const fs::path& to) {
  SAMRAD_ASSIGN_OR_RETURN(auto key, loadKeyFile(from));
  (void)key;  // its checks (owner-only) passed
  std::error_code ec;
  fs::copy_file(from, to, ec);
  if (ec) return ioError("cannot copy " + from.filename().string() + ": " + ec.message());
  fs::permissions(to, fs::perms::owner_read | fs::perms::owner_write, ec);
  if (ec) return ioError("cannot restrict " + to.string());
  return okStatus();
}

Result<BackupSummary> describe(db::Database& db, const fs::path& file) {
  BackupSummary s;
  SAMRAD_ASSIGN_OR_RETURN(auto integrity, db.prepare("PRAGMA integrity_check"));
  SAMRAD_ASSIGN_OR_RETURN(bool row, integrity.step());
  if (!row || integrity.columnText(0) != "ok") {
    return Error(ErrorCode::DataLoss, "backup.damaged",
                 "the backup's store fails its integrity check");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto version, db.prepare("PRAGMA user_version"));
  SAMRAD_ASSIGN_OR_RETURN(row, version.step());
  s.schemaVersion = row ? static_cast<int>(version.columnInt(0)) : 0;
  SAMRAD_ASSIGN_OR_RETURN(auto size, db.prepare("SELECT count(*) FROM log_entries"));
  SAMRAD_ASSIGN_OR_RETURN(row, size.step());
  s.logSize = row ? static_cast<std::uint64_t>(size.columnInt(0)) : 0;
  std::error_code ec;
  s.bytes = fs::file_size(file, ec);
  return s;
}

}  // namespace

Result<BackupSummary> backupDataDir(const fs::path& dataDir, const fs::path& out) {
  std::error_code ec;
  if (fs::exists(out, ec)) {
    return Error(ErrorCode::AlreadyExists, "backup.exists",
                 out.string() + " exists already: choose a new folder for the backup");
  }
  if (!fs::exists(dataDir / "samrad.db", ec)) {
    return Error(ErrorCode::NotFound, "backup.no_store", "no store in " + dataDir.string());
  }
  SAMRAD_ASSIGN_OR_RETURN(auto key, loadKeyFile(dataDir / "server.key"));
  fs::create_directories(out, ec);
  if (ec) return ioError("cannot create " + out.string());
  fs::permissions(out, fs::perms::owner_all, ec);
  SAMRAD_ASSIGN_OR_RETURN(auto source, db::Database::open(dataDir / "samrad.db", key.view()));
  SAMRAD_ASSIGN_OR_RETURN(auto copy, db::Database::open(out / "samrad.db", key.view()));
  SAMRAD_TRY(source->backupTo(*copy));
  for (const char* k : kKeyFiles) {
    if (fs::exists(dataDir / k, ec)) SAMRAD_TRY(copyKey(dataDir / k, out / k));
  }
  return describe(*copy, out / "samrad.db");
}

Result<BackupSummary> restoreDataDir(const fs::path& backup, const fs::path& dataDir) {
  std::error_code ec;
  if (!fs::exists(backup / "samrad.db", ec) || !fs::exists(backup / "server.key", ec)) {
    return Error(ErrorCode::InvalidArgument, "backup.not_a_backup",
                 backup.string() + " holds no samrad.db and server.key");
  }
  if (fs::exists(dataDir / "samrad.db", ec)) {
    return Error(ErrorCode::AlreadyExists, "restore.store_exists",
                 dataDir.string() +
                     " holds a store already: move it away first (it is never "
                     "overwritten)");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto key, loadKeyFile(backup / "server.key"));
  BackupSummary summary;
  {
    auto db = db::Database::open(backup / "samrad.db", key.view(), {.readOnly = true});
    if (!db) {
      return Error(ErrorCode::DataLoss, "backup.damaged",
                   "the backup's key does not open its store: " + db.error().message());
    }
    SAMRAD_ASSIGN_OR_RETURN(summary, describe(**db, backup / "samrad.db"));
  }
  fs::create_directories(dataDir, ec);
  if (ec) return ioError("cannot create " + dataDir.string());
  fs::copy_file(backup / "samrad.db", dataDir / "samrad.db", ec);
  if (ec) return ioError("cannot copy the store: " + ec.message());
  fs::permissions(dataDir / "samrad.db", fs::perms::owner_read | fs::perms::owner_write, ec);
  for (const char* k : kKeyFiles) {
    if (!fs::exists(backup / k, ec)) continue;
    fs::remove(dataDir / k, ec);
    SAMRAD_TRY(copyKey(backup / k, dataDir / k));
  }
  return summary;
}

}  // namespace samrad::server::storage
