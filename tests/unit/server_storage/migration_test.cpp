// A fixture database per schema version, made by the code of that version and
// checked in: every later version must open it, migrate it and keep its data.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

#include "samrad/crypto/merkle.h"
#include "samrad/crypto/secure.h"
#include "samrad/db/database.h"
#include "samrad/server/storage/server_store.h"
#include "samrad/server/storage/sql_store.h"
#include "samrad/testing/support.h"

namespace samrad::server::storage {
namespace {

namespace fs = std::filesystem;

const fs::path kFixtures = SAMRAD_STORAGE_FIXTURES;
constexpr const char* kV1ServerId = "5a4d52414456315f5345525645524944";  // "ZMRADV1_SERVERID"

// Writes the fixture of schema `version` exactly as that version's code made
// it: its migrations, its server id, and (from version 2 on) an agency row.
void makeFixture(int version, const fs::path& dir) {
  fs::create_directories(dir);
  const crypto::Bytes key(32, 0x11);
  {
    auto db = db::Database::open(dir / "samrad.db", key);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(
        db::migrate(**db, serverMigrations().first(static_cast<std::size_t>(version))).ok());
    crypto::Bytes id;
    ASSERT_TRUE(crypto::fromHex(kV1ServerId, id));
    auto st = (*db)->prepare("INSERT INTO server_meta (name, value) VALUES ('server_id', ?1)");
    st->bindBlob(1, id);
    ASSERT_TRUE(st->run().ok());
    if (version >= 2) {
      ASSERT_TRUE((*db)
                      ->exec("INSERT INTO agencies (agency_id, kind, root_key) VALUES "
                             "(x'0102030405060708090a0b0c0d0e0f10', 2, zeroblob(32))")
                      .ok());
    }
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

std::vector<int> olderVersions() {
  std::vector<int> v;
  for (const auto& m : serverMigrations()) {
    if (m.version != serverMigrations().back().version) v.push_back(m.version);
  }
  return v;
}

TEST(Migrations, EverySchemaVersionHasAFixture) {
  for (const int v : olderVersions()) {
    const fs::path dir = kFixtures / ("v" + std::to_string(v));
    if (std::getenv("SAMRAD_UPDATE_FIXTURES") != nullptr && !fs::exists(dir / "samrad.db")) {
      makeFixture(v, dir);
    }
    EXPECT_TRUE(fs::exists(dir / "samrad.db")) << "no fixture for schema version " << v;
  }
}

TEST(Migrations, EveryOlderStoreMigratesAndKeepsItsData) {
  for (const int v : olderVersions()) {
    SCOPED_TRACE("from schema version " + std::to_string(v));
    testing::TempDir dir;
    const fs::path var = copyFixture(kFixtures / ("v" + std::to_string(v)), dir);
    auto store = ServerStore::open(var);
    ASSERT_TRUE(store.ok()) << store.error().describe();
    EXPECT_EQ((*store)->schemaVersion(), serverMigrations().back().version);
    EXPECT_EQ((*store)->serverIdHex(), kV1ServerId);
    auto agencies = (*store)->database().prepare("SELECT count(*) FROM agencies");
    ASSERT_TRUE(agencies.ok());
    ASSERT_TRUE(*agencies->step());
    EXPECT_EQ(agencies->columnInt(0), v >= 2 ? 1 : 0);
    auto integrity = (*store)->database().prepare("PRAGMA integrity_check");
    ASSERT_TRUE(*integrity->step());
    EXPECT_EQ(integrity->columnText(0), "ok");
  }
}

// Version 9 moved the log's tree from log_nodes (level, idx) to log_tree
// (leaf, level). A log written by version 8 must give the same roots and
// proofs afterwards, and take new appends where it stopped.
TEST(Migrations, TheLogTreeKeepsEveryRootAndProofAcrossVersion9) {
  testing::TempDir dir;
  const fs::path var = dir.path() / "var";
  makeFixture(8, var);
  constexpr std::uint64_t kBefore = 1000;
  crypto::MemoryLogStore memory;
  crypto::MerkleLog expected(memory);
  {
    auto db = db::Database::open(var / "samrad.db", crypto::Bytes(32, 0x11));
    ASSERT_TRUE(db.ok());
    auto put = (*db)->prepare("INSERT INTO log_nodes (level, idx, hash) VALUES (?1, ?2, ?3)");
    ASSERT_TRUE(put.ok());
    ASSERT_TRUE((*db)->exec("BEGIN").ok());
    for (std::uint64_t i = 0; i < kBefore; ++i) {
      const std::string entry = "entry " + std::to_string(i);
      ASSERT_TRUE(expected.append(crypto::asBytes(entry)).ok());
      // Every node the memory log now holds that the version 8 table lacks:
      // the leaf and the parents this append completed.
      for (std::uint32_t level = 0; ((i + 1) & ((std::uint64_t{1} << level) - 1)) == 0; ++level) {
        const std::uint64_t idx = ((i + 1) >> level) - 1;
        auto hash = memory.node(level, idx);
        ASSERT_TRUE(hash.ok());
        put->bind(1, std::int64_t{level})
            .bind(2, static_cast<std::int64_t>(idx))
            .bindBlob(3, hash->view());
        ASSERT_TRUE(put->run().ok());
        ASSERT_TRUE(put->reset().ok());
      }
    }
    ASSERT_TRUE((*db)->exec("COMMIT").ok());
  }
  ::chmod((var / "server.key").c_str(), 0600);
  auto store = ServerStore::open(var);
  ASSERT_TRUE(store.ok()) << store.error().describe();
  SqlStore sql((*store)->database());
  // Migration 15 keeps it, unchanged, as the legacy log.
  crypto::MerkleLog migrated(sql.logTree(crypto::LogId::legacy()));
  ASSERT_EQ(migrated.size(), kBefore);
  for (const std::uint64_t size : {std::uint64_t{1}, std::uint64_t{2}, std::uint64_t{3},
                                   std::uint64_t{511}, std::uint64_t{512}, kBefore}) {
    SCOPED_TRACE("size " + std::to_string(size));
    EXPECT_EQ(*migrated.root(size), *expected.root(size));
    EXPECT_EQ(*migrated.inclusionProof(size / 2, size), *expected.inclusionProof(size / 2, size));
    EXPECT_EQ(*migrated.consistencyProof(1, size), *expected.consistencyProof(1, size));
  }
  // Appends continue at the old end, and a wrong node is refused whole.
  for (std::uint64_t i = kBefore; i < kBefore + 50; ++i) {
    const std::string entry = "entry " + std::to_string(i);
    ASSERT_EQ(*migrated.append(crypto::asBytes(entry)), i);
    ASSERT_TRUE(expected.append(crypto::asBytes(entry)).ok());
  }
  EXPECT_EQ(*migrated.root(kBefore + 50), *expected.root(kBefore + 50));
  EXPECT_EQ(*migrated.consistencyProof(kBefore, kBefore + 50),
            *expected.consistencyProof(kBefore, kBefore + 50));
  const auto refused = sql.logTree(crypto::LogId::legacy())
                           .append(kBefore + 51, {{0, kBefore + 50, crypto::merkleEmptyRoot()},
                                                  {1, 0, crypto::merkleEmptyRoot()}});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason(), "merkle.wrong_node");
  EXPECT_EQ(migrated.size(), kBefore + 50);
}

// Version 10 moved object bodies from a WITHOUT ROWID table into a rowid
// table with a unique index. Every version written before must read back the
// same afterwards, a version still cannot be stored twice, and deleting an
// object still removes all of its ciphertext.
TEST(Migrations, ObjectBodiesKeepEveryVersionAcrossVersion10) {
  testing::TempDir dir;
  const fs::path var = dir.path() / "var";
  makeFixture(9, var);
  const crypto::GroupId group = crypto::GroupId::random();
  struct Stored {
    crypto::ObjectId id;
    std::int64_t version;
    crypto::Bytes body;
  };
  std::vector<Stored> stored;
  {
    auto db = db::Database::open(var / "samrad.db", crypto::Bytes(32, 0x11));
    ASSERT_TRUE(db.ok());
    auto put = (*db)->prepare(
        "INSERT INTO object_versions (group_id, object_id, version, body) VALUES (?1, ?2, ?3, ?4)");
    ASSERT_TRUE(put.ok());
    ASSERT_TRUE((*db)->exec("BEGIN").ok());
    for (int i = 0; i < 300; ++i) {
      const crypto::ObjectId id = crypto::ObjectId::random();
      for (std::int64_t v = 1; v <= 2; ++v) {
        stored.push_back({id, v, crypto::randomBytes(100 + 9 * static_cast<std::size_t>(i))});
        put->bindBlob(1, group.view())
            .bindBlob(2, id.view())
            .bind(3, v)
            .bindBlob(4, stored.back().body);
        ASSERT_TRUE(put->run().ok());
        ASSERT_TRUE(put->reset().ok());
      }
    }
    ASSERT_TRUE((*db)->exec("COMMIT").ok());
  }
  ::chmod((var / "server.key").c_str(), 0600);
  auto store = ServerStore::open(var);
  ASSERT_TRUE(store.ok()) << store.error().describe();
  auto layout =
      (*store)->database().prepare("SELECT sql FROM sqlite_master WHERE name = 'object_versions'");
  ASSERT_TRUE(layout.ok());
  ASSERT_TRUE(*layout->step());
  EXPECT_EQ(layout->columnText(0).find("WITHOUT ROWID"), std::string::npos);
  auto old = (*store)->database().prepare(
      "SELECT count(*) FROM sqlite_master WHERE name = 'object_versions_v9'");
  ASSERT_TRUE(old.ok());
  ASSERT_TRUE(*old->step());
  EXPECT_EQ(old->columnInt(0), 0) << "the old copy of every body is gone";
  SqlStore sql((*store)->database());
  for (const Stored& s : stored) {
    auto body = sql.objectBody(group, s.id, static_cast<std::uint64_t>(s.version));
    ASSERT_TRUE(body.ok() && body->has_value());
    ASSERT_EQ(**body, s.body);
  }
  auto twice = (*store)->database().prepare(
      "INSERT INTO object_versions (group_id, object_id, version, body) VALUES (?1, ?2, 1, x'00')");
  ASSERT_TRUE(twice.ok());
  twice->bindBlob(1, group.view()).bindBlob(2, stored.front().id.view());
  EXPECT_FALSE(twice->run().ok()) << "a version is stored once";
  ASSERT_TRUE(sql.deleteObject(group, stored.front().id, 3).ok());
  for (std::int64_t v = 1; v <= 2; ++v) {
    auto gone = sql.objectBody(group, stored.front().id, static_cast<std::uint64_t>(v));
    ASSERT_TRUE(gone.ok());
    EXPECT_FALSE(gone->has_value());
  }
  auto kept = sql.objectBody(group, stored.back().id, 2);
  ASSERT_TRUE(kept.ok() && kept->has_value());
  EXPECT_EQ(**kept, stored.back().body);
}

}  // namespace
}  // namespace samrad::server::storage
