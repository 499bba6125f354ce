// A fixture database per schema version, made by the code of that version and
// checked in: every later version must open it, migrate it and keep its data.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "samrad/crypto/secure.h"
#include "samrad/db/database.h"
#include "samrad/server/storage/server_store.h"
#include "samrad/testing/support.h"

namespace samrad::server::storage {
namespace {

namespace fs = std::filesystem;

const fs::path kFixtures = SAMRAD_STORAGE_FIXTURES;
constexpr const char* kV1ServerId = "5a4d52414456315f5345525645524944";  // "ZMRADV1_SERVERID"

// Writes the v1 fixture: schema 1 exactly as version 1 created it.
void makeV1Fixture(const fs::path& dir) {
  fs::create_directories(dir);
  const crypto::Bytes key(32, 0x11);
  {
    auto db = db::Database::open(dir / "samrad.db", key);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db::migrate(**db, serverMigrations().first(1)).ok());
    crypto::Bytes id;
    ASSERT_TRUE(crypto::fromHex(kV1ServerId, id));
    auto st = (*db)->prepare("INSERT INTO server_meta (name, value) VALUES ('server_id', ?1)");
    st->bindBlob(1, id);
    ASSERT_TRUE(st->run().ok());
  }
  std::ofstream(dir / "server.key", std::ios::binary)
      .write(reinterpret_cast<const char*>(key.data()), static_cast<std::streamsize>(key.size()));
}

fs::path copyFixture(const fs::path& from, const testing::TempDir& to) {
  const fs::path dir = to.path() / "var";
  fs::create_directories(dir);
  for (const auto& e : fs::directory_iterator(from))
    fs::copy_file(e.path(), dir / e.path().filename());
  ::chmod((dir / "server.key").c_str(), 0600);
  return dir;
}

TEST(Migrations, EverySchemaVersionHasAFixture) {
  if (std::getenv("SAMRAD_UPDATE_FIXTURES") != nullptr) makeV1Fixture(kFixtures / "v1");
  for (const auto& m : serverMigrations()) {
    if (m.version == serverMigrations().back().version) continue;  // the current one is made fresh
    EXPECT_TRUE(fs::exists(kFixtures / ("v" + std::to_string(m.version)) / "samrad.db"))
        << "no fixture for schema version " << m.version;
  }
}

TEST(Migrations, AVersionOneStoreMigratesAndKeepsItsIdentity) {
  testing::TempDir dir;
  const fs::path var = copyFixture(kFixtures / "v1", dir);
  auto store = ServerStore::open(var);
  ASSERT_TRUE(store.ok()) << store.error().describe();
  EXPECT_EQ((*store)->schemaVersion(), serverMigrations().back().version);
  EXPECT_EQ((*store)->serverIdHex(), kV1ServerId);
  // The version 2 tables exist and work.
  EXPECT_TRUE((*store)
                  ->database()
                  .exec("INSERT INTO agencies (agency_id, kind, root_key) "
                        "VALUES (x'00', 1, x'00')")
                  .ok());
  auto integrity = (*store)->database().prepare("PRAGMA integrity_check");
  ASSERT_TRUE(*integrity->step());
  EXPECT_EQ(integrity->columnText(0), "ok");
}

}  // namespace
}  // namespace samrad::server::storage
