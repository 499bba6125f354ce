#include "samrad/server/storage/server_store.h"

#include <sys/stat.h>

#include <array>
#include <system_error>

#include "samrad/crypto/secure.h"
#include "samrad/server/storage/key_file.h"

namespace samrad::server::storage {
namespace {

constexpr std::array<db::Migration, 1> kMigrations{{
    {1, R"sql(
CREATE TABLE server_meta (
  name  TEXT PRIMARY KEY NOT NULL,
  value BLOB NOT NULL
) WITHOUT ROWID;
)sql"},
}};

}  // namespace

std::span<const db::Migration> serverMigrations() {
  return kMigrations;
}

Result<std::unique_ptr<ServerStore>> ServerStore::open(const std::filesystem::path& dataDir) {
  std::error_code ec;
  std::filesystem::create_directories(dataDir, ec);
  if (ec) {
    return Error(ErrorCode::Unavailable, "store.data_dir",
                 "cannot create data folder " + dataDir.string() + ": " + ec.message());
  }
  // The data folder holds the key and the database: nobody else needs to list it.
  ::chmod(dataDir.c_str(), 0700);

  SAMRAD_ASSIGN_OR_RETURN(crypto::SecretBytes key, loadOrCreateKeyFile(dataDir / "server.key"));
  SAMRAD_ASSIGN_OR_RETURN(std::unique_ptr<db::Database> database,
                          db::Database::open(dataDir / "samrad.db", key.view()));
  SAMRAD_TRY(db::migrate(*database, serverMigrations()));
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
  return std::unique_ptr<ServerStore>(new ServerStore(std::move(database), serverId, version));
}

}  // namespace samrad::server::storage
