// Online backup and restore of the server's data folder: the SQLCipher store
// copied as one consistent snapshot while the server goes on serving, with
// the key files it cannot be opened or continued without (the database key,
// the transparency log's signing key, the operator token).
//
// After a restore the log is the one of the moment of the backup: devices
// that saw a later checkpoint notice (verify.log_rolled_back) and stop — a
// restore is never silent.
#pragma once

#include <filesystem>

#include "samrad/common/result.h"

namespace samrad::server::storage {

struct BackupSummary {
  int schemaVersion = 0;
  std::uint64_t logSize = 0;
  std::uintmax_t bytes = 0;
};

// Writes the backup into `out`, which must not exist (created 0700, key
// files 0600). Reasons: backup.exists, backup.no_store, db.*, io.*.
Result<BackupSummary> backupDataDir(const std::filesystem::path& dataDir,
                                    const std::filesystem::path& out);

// Checks the backup (its key opens it, PRAGMA integrity_check is ok) and
// copies it into `dataDir`, which must hold no store. The server must not be
// running on `dataDir`. Reasons: backup.not_a_backup, backup.damaged,
// restore.store_exists, db.*, io.*.
Result<BackupSummary> restoreDataDir(const std::filesystem::path& backup,
                                     const std::filesystem::path& dataDir);

}  // namespace samrad::server::storage
