#include "samrad/db/database.h"

#include <gtest/gtest.h>

#include <array>

#include "samrad/crypto/secure.h"
#include "samrad/db/sqlite.h"
#include "samrad/testing/support.h"

namespace samrad::db {
namespace {

constexpr std::array<Migration, 2> kTwo{{
    {1, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);"},
    {2, "ALTER TABLE notes ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"},
}};

TEST(Database, EncryptsEverythingOnDisk) {
  testing::TempDir dir;
  const auto key = crypto::SecretBytes::random(kRawKeySize);
  const std::string marker = "Operation-Norrsken-plaintext-marker";
  {
    auto db = Database::open(dir.path() / "x.db", key.view());
    ASSERT_TRUE(db.ok()) << db.error().describe();
    ASSERT_TRUE(migrate(**db, kTwo).ok());
    auto st = (*db)->prepare("INSERT INTO notes (body) VALUES (?1)");
    ASSERT_TRUE(st.ok());
    st->bind(1, marker);
    ASSERT_TRUE(st->run().ok());
  }
  // Neither the marker nor SQLite's plaintext header may appear in any file.
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    const std::string bytes = testing::readFile(entry.path());
    EXPECT_EQ(bytes.find(marker), std::string::npos) << entry.path();
    EXPECT_EQ(bytes.find("SQLite format 3"), std::string::npos) << entry.path();
    EXPECT_EQ(bytes.find("CREATE TABLE"), std::string::npos) << entry.path();
  }
}

TEST(Database, WrongKeyIsAClearErrorAndLeavesTheFileIntact) {
  testing::TempDir dir;
  const auto key = crypto::SecretBytes::random(kRawKeySize);
  const auto other = crypto::SecretBytes::random(kRawKeySize);
  {
    auto db = Database::open(dir.path() / "x.db", key.view());
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(migrate(**db, kTwo).ok());
    ASSERT_TRUE((*db)->exec("INSERT INTO notes (body) VALUES ('kept')").ok());
  }
  const std::string before = testing::readFile(dir.path() / "x.db");
  auto wrong = Database::open(dir.path() / "x.db", other.view());
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code(), ErrorCode::PermissionDenied);
  EXPECT_EQ(wrong.error().reason(), "db.wrong_key");
  EXPECT_EQ(testing::readFile(dir.path() / "x.db"), before);

  auto again = Database::open(dir.path() / "x.db", key.view());
  ASSERT_TRUE(again.ok());
  auto st = (*again)->prepare("SELECT body FROM notes");
  ASSERT_TRUE(st.ok());
  ASSERT_TRUE(*st->step());
  EXPECT_EQ(st->columnText(0), "kept");
}

TEST(Database, RejectsKeysOfTheWrongSize) {
  testing::TempDir dir;
  const auto shortKey = crypto::SecretBytes::random(16);
  auto db = Database::open(dir.path() / "x.db", shortKey.view());
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().reason(), "db.bad_key_size");
}

TEST(Database, UsesWalAndFullSync) {
  testing::TempDir dir;
  const auto key = crypto::SecretBytes::random(kRawKeySize);
  auto db = Database::open(dir.path() / "x.db", key.view());
  ASSERT_TRUE(db.ok());
  auto mode = (*db)->prepare("PRAGMA journal_mode");
  ASSERT_TRUE(*mode->step());
  EXPECT_EQ(mode->columnText(0), "wal");
  auto sync = (*db)->prepare("PRAGMA synchronous");
  ASSERT_TRUE(*sync->step());
  EXPECT_EQ(sync->columnInt(0), 2);  // FULL
}

// The header every file of ours compiles against (samrad/db/sqlite.h) and the
// library the program runs on are one and the same SQLCipher, whatever other
// SQLite happens to be installed (libsqlite3-dev ships SQLite 3.40's header).
TEST(Database, CompiledAndRunsAgainstTheSameSqlcipher) {
  EXPECT_EQ(kSqliteVersionNumber, SAMRAD_SQLCIPHER_SQLITE_VERSION_NUMBER);
  EXPECT_EQ(sqlite3_libversion_number(), SQLITE_VERSION_NUMBER);
  EXPECT_STREQ(sqlite3_sourceid(), SQLITE_SOURCE_ID);
  testing::TempDir dir;
  const auto key = crypto::SecretBytes::random(kRawKeySize);
  auto db = Database::open(dir.path() / "x.db", key.view());
  ASSERT_TRUE(db.ok()) << db.error().describe();
  // Only SQLCipher answers this PRAGMA; plain SQLite returns no row.
  auto version = (*db)->prepare("PRAGMA cipher_version");
  ASSERT_TRUE(version.ok());
  ASSERT_TRUE(*version->step());
  EXPECT_FALSE(version->columnText(0).empty());
}

TEST(Migrations, ApplyInOrderAndOnlyOnce) {
  testing::TempDir dir;
  const auto key = crypto::SecretBytes::random(kRawKeySize);
  auto db = Database::open(dir.path() / "x.db", key.view());
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(migrate(**db, std::span(kTwo).first(1)).ok());
  EXPECT_EQ(*(*db)->userVersion(), 1);
  ASSERT_TRUE(migrate(**db, kTwo).ok());
  EXPECT_EQ(*(*db)->userVersion(), 2);
  ASSERT_TRUE(migrate(**db, kTwo).ok());  // idempotent
  EXPECT_TRUE((*db)->exec("INSERT INTO notes (body, version) VALUES ('a', 3)").ok());
}

TEST(Migrations, RefuseADatabaseNewerThanTheCode) {
  testing::TempDir dir;
  const auto key = crypto::SecretBytes::random(kRawKeySize);
  auto db = Database::open(dir.path() / "x.db", key.view());
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(migrate(**db, kTwo).ok());
  auto r = migrate(**db, std::span(kTwo).first(1));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), "db.schema_too_new");
}

TEST(Migrations, AFailedMigrationLeavesNoTrace) {
  testing::TempDir dir;
  const auto key = crypto::SecretBytes::random(kRawKeySize);
  auto db = Database::open(dir.path() / "x.db", key.view());
  ASSERT_TRUE(db.ok());
  constexpr std::array<Migration, 2> broken{{
      {1, "CREATE TABLE a (x INTEGER);"},
      {2, "CREATE TABLE b (y INTEGER); THIS IS NOT SQL;"},
  }};
  auto r = migrate(**db, broken);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(*(*db)->userVersion(), 1);
  auto st = (*db)->prepare("SELECT count(*) FROM sqlite_master WHERE name = 'b'");
  ASSERT_TRUE(*st->step());
  EXPECT_EQ(st->columnInt(0), 0);
}

TEST(Transaction, RollsBackWhenTheBodyFails) {
  testing::TempDir dir;
  const auto key = crypto::SecretBytes::random(kRawKeySize);
  auto db = Database::open(dir.path() / "x.db", key.view());
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(migrate(**db, kTwo).ok());
  auto r = (*db)->transaction([&]() -> Status {
    SAMRAD_TRY((*db)->exec("INSERT INTO notes (body) VALUES ('half')"));
    return Error(ErrorCode::Aborted, "test.abort");
  });
  ASSERT_FALSE(r.ok());
  auto st = (*db)->prepare("SELECT count(*) FROM notes");
  ASSERT_TRUE(*st->step());
  EXPECT_EQ(st->columnInt(0), 0);
}

}  // namespace
}  // namespace samrad::db
