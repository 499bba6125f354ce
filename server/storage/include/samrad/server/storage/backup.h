// Online backup and restore of the server's data folder: the SQLCipher store
// copied as one consistent snapshot while the server goes on serving, and
// the key files it cannot be opened or continued without (the database key,
// the transparency log's signing key, the operator token) — never beside it
// in the clear: they go to a folder of their own, to be kept apart (another
// disk, a safe), or sealed under a passphrase (Argon2id, XChaCha20-Poly1305)
// as keys.sealed. Whoever holds the backup folder alone reads nothing; a
// restore needs both.
//
// After a restore the log is the one of the moment of the backup: devices
// that saw a later checkpoint notice (verify.log_rolled_back) and stop — a
// restore is never silent.
#pragma once

#include <filesystem>
#include <string>

#include "samrad/common/result.h"

namespace samrad::server::storage {

struct BackupSummary {
  int schemaVersion = 0;
  std::uint64_t logSize = 0;
  std::uintmax_t bytes = 0;
};

// Where a backup's key files are: exactly one of the two.
struct BackupKeys {
  std::filesystem::path folder;  // a folder of their own, apart from the backup
  std::string passphrase;        // sealed under it, as keys.sealed in the backup
};

// Writes the backup into `out` and the keys as `keys` says; `out` and a key
// folder must not exist (created 0700, files 0600), and neither may lie
// inside the other. Both carry the same backup id, so a restore cannot pair
// a store with another backup's keys. Reasons: backup.exists,
// backup.no_store, backup.keys_required, backup.keys_together,
// backup.weak_passphrase, db.*, io.*.
Result<BackupSummary> backupDataDir(const std::filesystem::path& dataDir,
                                    const std::filesystem::path& out, const BackupKeys& keys);

// Checks the backup (its keys open it, PRAGMA integrity_check is ok) and
// copies it into `dataDir`, which must hold no store. The server must not be
// running on `dataDir`. Reasons: backup.not_a_backup, backup.keys_required,
// backup.keys_mismatch, backup.wrong_passphrase, backup.damaged,
// restore.store_exists, db.*, io.*.
Result<BackupSummary> restoreDataDir(const std::filesystem::path& backup,
                                     const std::filesystem::path& dataDir, const BackupKeys& keys);

}  // namespace samrad::server::storage
