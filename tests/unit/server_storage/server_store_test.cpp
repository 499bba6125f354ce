#include "samrad/server/storage/server_store.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "samrad/server/storage/key_file.h"
#include "samrad/testing/support.h"

namespace samrad::server::storage {
namespace {

TEST(KeyFile, IsCreatedOnceWithOwnerOnlyPermissions) {
  testing::TempDir dir;
  const auto path = dir.path() / "server.key";
  auto first = loadOrCreateKeyFile(path);
  ASSERT_TRUE(first.ok()) << first.error().describe();
  EXPECT_EQ(first->size(), 32U);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600U);

  auto second = loadOrCreateKeyFile(path);
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(first->equals(second->view()));
}

TEST(KeyFile, RefusesAKeyOthersCanRead) {
  testing::TempDir dir;
  const auto path = dir.path() / "server.key";
  ASSERT_TRUE(loadOrCreateKeyFile(path).ok());
  ASSERT_EQ(::chmod(path.c_str(), 0644), 0);
  auto r = loadOrCreateKeyFile(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), "keyfile.permissions");
  EXPECT_NE(r.error().message().find("chmod 600"), std::string::npos);
}

TEST(KeyFile, RefusesATruncatedKey) {
  testing::TempDir dir;
  const auto path = dir.path() / "server.key";
  {
    std::ofstream out(path);
    out << "short";
  }
  ASSERT_EQ(::chmod(path.c_str(), 0600), 0);
  auto r = loadOrCreateKeyFile(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), "keyfile.size");
}

TEST(ServerStore, KeepsItsIdentityAcrossRestarts) {
  testing::TempDir dir;
  std::string id;
  {
    auto store = ServerStore::open(dir.path() / "var");
    ASSERT_TRUE(store.ok()) << store.error().describe();
    id = (*store)->serverIdHex();
    EXPECT_EQ(id.size(), 32U);
    EXPECT_EQ((*store)->schemaVersion(), serverMigrations().back().version);
  }
  auto again = ServerStore::open(dir.path() / "var");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)->serverIdHex(), id);

  struct stat st {};
  ASSERT_EQ(::stat((dir.path() / "var").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700U);
}

// Security review (low): what the server deletes is overwritten, not left in
// the database's free pages for whoever later holds the key and an old copy.
// Debian's SQLCipher is built with it on by default; the store says so itself
// so that another build of the library cannot turn it off unnoticed.
TEST(ServerStore, OverwritesWhatItDeletes) {
  testing::TempDir dir;
  auto store = ServerStore::open(dir.path() / "var");
  ASSERT_TRUE(store.ok()) << store.error().describe();
  auto mode = (*store)->database().prepare("PRAGMA secure_delete");
  ASSERT_TRUE(mode.ok());
  ASSERT_TRUE(*mode->step());
  EXPECT_EQ(mode->columnInt(0), 1);
}

TEST(ServerStore, ALostKeyFileIsAClearErrorNotANewDatabase) {
  testing::TempDir dir;
  ASSERT_TRUE(ServerStore::open(dir.path()).ok());
  std::filesystem::remove(dir.path() / "server.key");
  // A new key is made, but it cannot open the existing database: refused, not wiped.
  auto r = ServerStore::open(dir.path());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), "db.wrong_key");
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "samrad.db"));
}

}  // namespace
}  // namespace samrad::server::storage
