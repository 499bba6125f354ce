// Group commit in the SQLCipher store: concurrent writers share commits, a
// writer is told "durable" only once its change is committed (another
// connection can read it), a failed writer leaves nothing and does not take
// others down, and everything acknowledged survives closing the store.
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "samrad/db/database.h"
#include "samrad/server/storage/key_file.h"
#include "samrad/server/storage/server_store.h"
#include "samrad/server/storage/sql_store.h"
#include "samrad/testing/support.h"

namespace samrad::server::storage {
namespace {

domain::AgencyRecord agency() {
  return {domain::AgencyId::random(), 2, crypto::SigningKeyPair::generate().publicKey()};
}

// A second, read-only connection: sees only what has been committed.
bool committedElsewhere(const std::filesystem::path& var, const domain::AgencyId& id) {
  auto key = loadOrCreateKeyFile(var / "server.key");
  db::OpenOptions ro;
  ro.readOnly = true;
  auto other = db::Database::open(var / "samrad.db", key->view(), ro);
  if (!other) return false;
  auto st = (*other)->prepare("SELECT count(*) FROM agencies WHERE agency_id = ?1");
  st->bindBlob(1, id.view());
  return st->step().ok() && st->columnInt(0) == 1;
}

TEST(GroupCommit, ConcurrentWritersAreAllDurableAndSurviveARestart) {
  testing::TempDir dir;
  const auto var = dir.path() / "var";
  std::vector<domain::AgencyRecord> written(64);
  for (auto& a : written) a = agency();
  {
    auto server = ServerStore::open(var);
    ASSERT_TRUE(server.ok());
    SqlStore store((*server)->database());
    std::vector<std::thread> writers;
    std::atomic<int> acknowledged{0};
    for (std::size_t t = 0; t < 8; ++t) {
      writers.emplace_back([&, t] {
        for (std::size_t i = t; i < written.size(); i += 8) {
          ASSERT_TRUE(store.transaction([&] { return store.insertAgency(written[i]); }).ok());
          ASSERT_TRUE(store.sync().ok());
          ++acknowledged;
        }
      });
    }
    for (auto& w : writers) w.join();
    EXPECT_EQ(acknowledged.load(), 64);
  }
  auto again = ServerStore::open(var);
  ASSERT_TRUE(again.ok());
  SqlStore reopened((*again)->database());
  for (const auto& a : written) {
    auto found = reopened.agency(a.id);
    ASSERT_TRUE(found.ok());
    EXPECT_TRUE(found->has_value());
  }
}

TEST(GroupCommit, DurableMeansCommittedWhereAnotherConnectionCanSeeIt) {
  testing::TempDir dir;
  const auto var = dir.path() / "var";
  auto server = ServerStore::open(var);
  ASSERT_TRUE(server.ok());
  SqlStore store((*server)->database());
  const auto a = agency();
  ASSERT_TRUE(store.transaction([&] { return store.insertAgency(a); }).ok());
  std::promise<bool> seen;
  store.whenDurable([&](Status s) { seen.set_value(s.ok() && committedElsewhere(var, a.id)); });
  EXPECT_TRUE(seen.get_future().get());
}

TEST(GroupCommit, WithNothingWrittenTheAnswerIsImmediate) {
  testing::TempDir dir;
  auto server = ServerStore::open(dir.path() / "var");
  ASSERT_TRUE(server.ok());
  SqlStore store((*server)->database());
  bool called = false;
  const auto self = std::this_thread::get_id();
  store.whenDurable([&](Status s) { called = s.ok() && std::this_thread::get_id() == self; });
  EXPECT_TRUE(called);
}

TEST(GroupCommit, AFailedWriterLeavesNothingAndOthersInTheBatchStand) {
  testing::TempDir dir;
  const auto var = dir.path() / "var";
  auto server = ServerStore::open(var);
  ASSERT_TRUE(server.ok());
  SqlStore store((*server)->database());
  const auto kept = agency();
  const auto dropped = agency();
  ASSERT_TRUE(store.transaction([&] { return store.insertAgency(kept); }).ok());
  Status failed = store.transaction([&]() -> Status {
    SAMRAD_TRY(store.insertAgency(dropped));
    return Error(ErrorCode::Aborted, "test.abort", "changed my mind");
  });
  EXPECT_FALSE(failed.ok());
  ASSERT_TRUE(store.sync().ok());
  EXPECT_TRUE(committedElsewhere(var, kept.id));
  EXPECT_FALSE(committedElsewhere(var, dropped.id));
}

}  // namespace
}  // namespace samrad::server::storage
