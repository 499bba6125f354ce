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

// A read answered with whenAllDurable carries nothing a crash could take
// back: it waits for another thread's commit that is not yet synced, which
// whenDurable (this thread's own changes) would not.
TEST(GroupCommit, AllDurableWaitsForEveryThreadsCommit) {
  testing::TempDir dir;
  auto server = ServerStore::open(dir.path() / "var");
  ASSERT_TRUE(server.ok());
  SqlStore store((*server)->database());
  std::thread([&] {
    ASSERT_TRUE(store.transaction([&] { return store.insertAgency(agency()); }).ok());
  }).join();  // committed, and nobody has asked for it to be synced
  ASSERT_FALSE(store.allDurable());

  std::promise<bool> own;
  store.whenDurable([&](const Status& s) { own.set_value(s.ok() && store.allDurable()); });
  EXPECT_FALSE(own.get_future().get()) << "this thread wrote nothing: no wait";

  std::promise<bool> all;
  store.whenAllDurable([&](const Status& s) { all.set_value(s.ok() && store.allDurable()); });
  EXPECT_TRUE(all.get_future().get());

  // Nothing pending: at once, on the calling thread.
  bool called = false;
  const auto self = std::this_thread::get_id();
  store.whenAllDurable(
      [&](const Status& s) { called = s.ok() && std::this_thread::get_id() == self; });
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

namespace samrad::server::storage {
namespace {

// With a checkpoint connection, the write-ahead log is copied into the
// database on its own thread while writers go on committing: checkpoints
// happen without any writer running one, the log file stays bounded, and
// everything written is in the database once it is closed and reopened.
TEST(BackgroundCheckpoint, CopiesTheLogBesideTheWritersAndLosesNothing) {
  testing::TempDir dir;
  const auto var = dir.path() / "var";
  constexpr int kThreads = 4;
  constexpr int kPerThread = 300;
  const crypto::Bytes entry(6000, 0x5a);  // two pages each
  {
    auto server = ServerStore::open(var);
    ASSERT_TRUE(server.ok());
    SqlStore store((*server)->database(), &(*server)->checkpointConnection());
    std::vector<std::thread> writers;
    for (int t = 0; t < kThreads; ++t) {
      writers.emplace_back([&, t] {
        for (int i = 0; i < kPerThread; ++i) {
          const auto index = static_cast<std::uint64_t>(t * kPerThread + i);
          ASSERT_TRUE(store
                          .transaction([&] {
                            return store.putLogEntry(crypto::LogId::directory(), index, entry);
                          })
                          .ok());
          ASSERT_TRUE(store.sync().ok());
        }
      });
    }
    for (auto& w : writers) w.join();
    for (int i = 0; i < 200 && store.backgroundCheckpoints() == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_GT(store.backgroundCheckpoints(), 0U) << "the checkpoint thread ran";
    // About 2,400 pages went through the log; its file holds at most the
    // bound (4 KiB pages, a 24-byte header each, a 32-byte file header).
    const auto walBytes = std::filesystem::file_size(var / "samrad.db-wal");
    EXPECT_LE(walBytes, static_cast<std::uintmax_t>(SqlStore::kWalLimitFrames) * (4096 + 24) + 32);
    // The database file itself received the pages, not only the log.
    EXPECT_GT(std::filesystem::file_size(var / "samrad.db"),
              static_cast<std::uintmax_t>(kThreads * kPerThread) * 4096);
  }
  auto again = ServerStore::open(var);
  ASSERT_TRUE(again.ok());
  auto check = (*again)->database().prepare("PRAGMA integrity_check");
  ASSERT_TRUE(check.ok());
  ASSERT_TRUE(check->step().ok());
  EXPECT_EQ(check->columnText(0), "ok");
  SqlStore reopened((*again)->database());
  std::size_t found = 0;
  for (std::uint64_t start = 0; start < kThreads * kPerThread; start += 500) {
    auto page = reopened.logEntries(crypto::LogId::directory(), start, 500);
    ASSERT_TRUE(page.ok()) << page.error().describe();
    for (const auto& e : *page) EXPECT_EQ(e, entry);
    found += page->size();
  }
  EXPECT_EQ(found, static_cast<std::size_t>(kThreads * kPerThread));
}

}  // namespace
}  // namespace samrad::server::storage
