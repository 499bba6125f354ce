// A backup never holds the store and its keys together (#25 item 9): the key
// files go to a folder of their own or are sealed under a passphrase, and a
// restore needs both halves — and the right pair.
#include "samrad/server/storage/backup.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "samrad/server/storage/key_file.h"
#include "samrad/server/storage/server_store.h"
#include "samrad/testing/support.h"

namespace samrad::server::storage {
namespace {

namespace fs = std::filesystem;

class Backup : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = ServerStore::open(data());
    ASSERT_TRUE(store.ok()) << store.error().describe();
    // The other keys a data folder holds beside the database key.
    ASSERT_TRUE(loadOrCreateKeyFile(data() / "log.key").ok());
    ASSERT_TRUE(loadOrCreateKeyFile(data() / "operator.key").ok());
  }
  fs::path data() const { return dir_.path() / "var"; }
  fs::path path(const char* name) const { return dir_.path() / name; }
  static bool holdsAKey(const fs::path& folder) {
    for (const char* k : {"server.key", "log.key", "operator.key"}) {
      if (fs::exists(folder / k)) return true;
    }
    return false;
  }
  static std::string bytesOf(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

  testing::TempDir dir_;
};

TEST_F(Backup, KeysGoToAFolderOfTheirOwnAndARestoreNeedsBoth) {
  auto done = backupDataDir(data(), path("backup"), {path("keys"), ""});
  ASSERT_TRUE(done.ok()) << done.error().describe();
  EXPECT_FALSE(holdsAKey(path("backup"))) << "the backup holds a key beside the store";
  struct stat db {};
  ASSERT_EQ(::stat((path("backup") / "samrad.db").c_str(), &db), 0);
  EXPECT_EQ(db.st_mode & 0077, 0U) << "the backup's store is readable by others";
  for (const char* k : {"server.key", "log.key"}) {
    ASSERT_TRUE(fs::exists(path("keys") / k)) << k;
    struct stat st {};
    ASSERT_EQ(::stat((path("keys") / k).c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600U) << k;
    EXPECT_EQ(bytesOf(path("keys") / k), bytesOf(data() / k)) << k;
  }

  // Without the keys: refused, saying what is missing.
  auto without = restoreDataDir(path("backup"), path("restored"), {});
  ASSERT_FALSE(without.ok());
  EXPECT_EQ(without.error().reason(), "backup.keys_required");
  // Another backup's keys: refused.
  ASSERT_TRUE(backupDataDir(data(), path("backup2"), {path("keys2"), ""}).ok());
  auto crossed = restoreDataDir(path("backup"), path("restored"), {path("keys2"), ""});
  ASSERT_FALSE(crossed.ok());
  EXPECT_EQ(crossed.error().reason(), "backup.keys_mismatch");
  EXPECT_FALSE(fs::exists(path("restored") / "samrad.db"));

  // Whatever another store left behind (its write-ahead log, a key) is never
  // overwritten or replayed into the restored one.
  for (const char* leftover : {"samrad.db-wal", "server.key"}) {
    fs::create_directories(path("restored"));
    { std::ofstream(path("restored") / leftover) << "x"; }
    auto inTheWay = restoreDataDir(path("backup"), path("restored"), {path("keys"), ""});
    ASSERT_FALSE(inTheWay.ok()) << leftover;
    EXPECT_EQ(inTheWay.error().reason(), "restore.store_exists") << leftover;
    EXPECT_EQ(bytesOf(path("restored") / leftover), "x") << leftover;
    fs::remove(path("restored") / leftover);
  }
  auto restored = restoreDataDir(path("backup"), path("restored"), {path("keys"), ""});
  ASSERT_TRUE(restored.ok()) << restored.error().describe();
  for (const char* k : {"server.key", "log.key"}) {
    EXPECT_EQ(bytesOf(path("restored") / k), bytesOf(data() / k)) << k;
  }
  EXPECT_TRUE(ServerStore::open(path("restored")).ok());
}

TEST_F(Backup, KeysSealedUnderAPassphraseOpenOnlyWithIt) {
  const std::string passphrase = "korrekt häst batteri häftklammer";
  auto done = backupDataDir(data(), path("backup"), {"", passphrase});
  ASSERT_TRUE(done.ok()) << done.error().describe();
  EXPECT_FALSE(holdsAKey(path("backup")));
  // No key's bytes lie in the sealed file.
  const std::string sealed = bytesOf(path("backup") / "keys.sealed");
  for (const char* k : {"server.key", "log.key", "operator.key"}) {
    EXPECT_EQ(sealed.find(bytesOf(data() / k)), std::string::npos) << k;
  }
  auto wrong = restoreDataDir(path("backup"), path("restored"), {"", "fel lösenfras, helt fel"});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().reason(), "backup.wrong_passphrase");
  auto restored = restoreDataDir(path("backup"), path("restored"), {"", passphrase});
  ASSERT_TRUE(restored.ok()) << restored.error().describe();
  EXPECT_EQ(bytesOf(path("restored") / "server.key"), bytesOf(data() / "server.key"));
  EXPECT_TRUE(ServerStore::open(path("restored")).ok());
}

TEST_F(Backup, RefusesKeysTogetherWithTheStoreOrNoneAtAll) {
  auto none = backupDataDir(data(), path("backup"), {});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().reason(), "backup.keys_required");
  auto both = backupDataDir(data(), path("backup"), {path("keys"), "a passphrase long enough"});
  ASSERT_FALSE(both.ok());
  EXPECT_EQ(both.error().reason(), "backup.keys_required");
  auto inside = backupDataDir(data(), path("backup"), {path("backup") / "keys", ""});
  ASSERT_FALSE(inside.ok());
  EXPECT_EQ(inside.error().reason(), "backup.keys_together");
  auto around = backupDataDir(data(), path("backup") / "inner", {path("backup"), ""});
  ASSERT_FALSE(around.ok());
  EXPECT_EQ(around.error().reason(), "backup.keys_together");
  auto weak = backupDataDir(data(), path("backup"), {"", "kort"});
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(weak.error().reason(), "backup.weak_passphrase");
  EXPECT_FALSE(fs::exists(path("backup"))) << "a refused backup leaves nothing";
}

}  // namespace
}  // namespace samrad::server::storage

namespace samrad::server::storage {
namespace {

// The operator's token only bootstraps agencies; the server makes a new one
// whenever it is missing. The key ceremony (docs/operations.md) keeps it in
// two safes and deletes it from the server: so a backup never carries it
// (a restore would bring back a token meant to be retired), and a backup
// made without it restores. Before, the backup copied it and a restore
// refused a backup without it ("the backup's keys hold no operator.key").
class OperatorToken : public ::testing::Test {
 protected:
  fs::path data() const { return dir_.path() / "var"; }
  fs::path path(const char* name) const { return dir_.path() / name; }
  testing::TempDir dir_;
};

TEST_F(OperatorToken, StaysOutOfBackupsAndABackupWithoutItRestores) {
  ASSERT_TRUE(ServerStore::open(data()).ok());
  ASSERT_TRUE(loadOrCreateKeyFile(data() / "log.key").ok());
  ASSERT_TRUE(loadOrCreateKeyFile(data() / "operator.key").ok());
  ASSERT_TRUE(backupDataDir(data(), path("backup"), {path("keys"), ""}).ok());
  EXPECT_TRUE(fs::exists(path("keys") / "server.key"));
  EXPECT_TRUE(fs::exists(path("keys") / "log.key"));
  EXPECT_FALSE(fs::exists(path("keys") / "operator.key"));
  EXPECT_FALSE(fs::exists(path("backup") / "operator.key"));

  // After the ceremony the data folder has no token; its backups restore.
  fs::remove(data() / "operator.key");
  ASSERT_TRUE(
      backupDataDir(data(), path("backup2"), {"", "korrekt häst batteri häftklammer"}).ok());
  auto restored =
      restoreDataDir(path("backup2"), path("restored"), {"", "korrekt häst batteri häftklammer"});
  ASSERT_TRUE(restored.ok()) << restored.error().describe();
  EXPECT_FALSE(fs::exists(path("restored") / "operator.key"));
  EXPECT_TRUE(ServerStore::open(path("restored")).ok());
}

}  // namespace
}  // namespace samrad::server::storage
