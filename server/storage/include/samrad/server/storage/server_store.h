// The server's embedded store: one SQLCipher database in the data folder,
// keyed from `<data>/server.key`, migrated to the current schema on open.
#pragma once

#include <filesystem>
#include <memory>
#include <span>
#include <string>

#include "samrad/common/result.h"
#include "samrad/db/database.h"

namespace samrad::server::storage {

// Schema history; every entry has a fixture test in tests/unit/server_storage.
std::span<const db::Migration> serverMigrations();

class ServerStore {
 public:
  static Result<std::unique_ptr<ServerStore>> open(const std::filesystem::path& dataDir);

  // A random 16-byte identity chosen when the store was created. Logins will
  // bind to it so a signed challenge cannot be replayed to another server.
  [[nodiscard]] const std::string& serverIdHex() const { return serverIdHex_; }
  [[nodiscard]] int schemaVersion() const { return schemaVersion_; }
  db::Database& database() { return *db_; }
  // A second connection to the same database, for SqlStore's background
  // checkpoints (a small page cache: it only copies the log into the file).
  db::Database& checkpointConnection() { return *checkpointDb_; }

 private:
  ServerStore(std::unique_ptr<db::Database> db, std::unique_ptr<db::Database> checkpointDb,
              std::string serverIdHex, int version)
      : db_(std::move(db)),
        checkpointDb_(std::move(checkpointDb)),
        serverIdHex_(std::move(serverIdHex)),
        schemaVersion_(version) {}
  std::unique_ptr<db::Database> db_;
  std::unique_ptr<db::Database> checkpointDb_;
  std::string serverIdHex_;
  int schemaVersion_;
};

}  // namespace samrad::server::storage
