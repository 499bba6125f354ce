// The server store: SQLCipher with our settings (raw key, 4 KiB cipher pages,
// generous cache, WAL, synchronous=FULL) against plain SQLite with the same
// journal settings, in one run (DESIGN §4 figures: ≈ 240 k lookups/s,
// 66–100 k batched inserts/s, ≈ 0.17 ms per fsync'd single-row commit); and
// the transparency log's durable appends with group fsync from 16 threads.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "samrad/crypto/merkle.h"
#include "samrad/crypto/secure.h"
#include "samrad/db/database.h"
#include "samrad/db/sqlite.h"
#include "samrad/server/storage/server_store.h"
#include "samrad/server/storage/sql_store.h"
#include "samrad/testing/support.h"

namespace {

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS objects (id INTEGER PRIMARY KEY, grp INTEGER NOT NULL, "
    "body BLOB NOT NULL)";

// Plain SQLite through the same library (no key = no encryption).
struct Plain {
  sqlite3* db = nullptr;
  explicit Plain(const std::filesystem::path& path) {
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-65536",
                 nullptr, nullptr, nullptr);
    sqlite3_exec(db, kSchema, nullptr, nullptr, nullptr);
  }
  ~Plain() { sqlite3_close(db); }
};

std::unique_ptr<samrad::db::Database> openEncrypted(const std::filesystem::path& path) {
  static const auto key = samrad::crypto::SecretBytes::random(samrad::db::kRawKeySize);
  auto db = samrad::db::Database::open(path, key.view());
  if (!db) return nullptr;
  (void)(*db)->exec(kSchema);
  return std::move(db).value();
}

const std::vector<std::uint8_t> kBody(512, 0x5a);

void insertBatch(sqlite3* db, std::int64_t& next, int rows) {
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO objects (id, grp, body) VALUES (?1, ?2, ?3)", -1, &st,
                     nullptr);
  for (int i = 0; i < rows; ++i) {
    sqlite3_bind_int64(st, 1, next++);
    sqlite3_bind_int64(st, 2, next % 16);
    sqlite3_bind_blob(st, 3, kBody.data(), static_cast<int>(kBody.size()), SQLITE_STATIC);
    sqlite3_step(st);
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
}

void lookups(sqlite3* db, std::int64_t maxId, benchmark::State& state) {
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT body FROM objects WHERE id = ?1", -1, &st, nullptr);
  std::int64_t k = 1;
  for (auto _ : state) {
    sqlite3_bind_int64(st, 1, k);
    sqlite3_step(st);
    benchmark::DoNotOptimize(sqlite3_column_blob(st, 0));
    sqlite3_reset(st);
    k = (k * 7919) % maxId + 1;
  }
  sqlite3_finalize(st);
  state.SetItemsProcessed(state.iterations());
}

void BM_Insert_Baseline(benchmark::State& state) {
  samrad::testing::TempDir dir;
  Plain p(dir.path() / "plain.db");
  std::int64_t next = 1;
  for (auto _ : state) insertBatch(p.db, next, static_cast<int>(state.range(0)));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_Insert_Encrypted(benchmark::State& state) {
  samrad::testing::TempDir dir;
  auto db = openEncrypted(dir.path() / "enc.db");
  std::int64_t next = 1;
  for (auto _ : state) insertBatch(db->handle(), next, static_cast<int>(state.range(0)));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_Lookup_Baseline(benchmark::State& state) {
  samrad::testing::TempDir dir;
  Plain p(dir.path() / "plain.db");
  std::int64_t next = 1;
  insertBatch(p.db, next, 20000);
  lookups(p.db, 20000, state);
}

void BM_Lookup_Encrypted(benchmark::State& state) {
  samrad::testing::TempDir dir;
  auto db = openEncrypted(dir.path() / "enc.db");
  std::int64_t next = 1;
  insertBatch(db->handle(), next, 20000);
  lookups(db->handle(), 20000, state);
}

// ---- durable transparency-log appends from many threads ----------------------
// Ours: what the platform does for every audited event — a Merkle log append
// and the entry, in one transaction through SqlStore, then wait until durable
// (group fsync by the committer). Baseline: plain SQLite, one INSERT per
// append committed with synchronous=FULL (one fsync each), serialized the
// same way. 16 threads stand for 16 concurrent requests.
struct LogRun {
  samrad::testing::TempDir dir;
  std::unique_ptr<samrad::server::storage::ServerStore> server;
  std::unique_ptr<samrad::server::storage::SqlStore> store;
  std::unique_ptr<samrad::crypto::MerkleLog> log;
  std::unique_ptr<Plain> plain;
  std::mutex mu;  // the platform's lock around log appends
  std::int64_t next = 1;
};
LogRun* gLog = nullptr;

void setUpLog(const benchmark::State&) {
  gLog = new LogRun();
  auto server = samrad::server::storage::ServerStore::open(gLog->dir.path() / "var");
  if (!server) std::abort();
  gLog->server = std::move(server).value();
  gLog->store = std::make_unique<samrad::server::storage::SqlStore>(gLog->server->database());
  gLog->log = std::make_unique<samrad::crypto::MerkleLog>(
      gLog->store->logTree(samrad::crypto::LogId::directory()));
  gLog->plain = std::make_unique<Plain>(gLog->dir.path() / "plain.db");
}

void tearDownLog(const benchmark::State&) {
  delete gLog;
  gLog = nullptr;
}

const std::vector<std::uint8_t> kEntry(120, 0x42);  // an audit entry's size

void BM_LogAppend_Ours(benchmark::State& state) {
  for (auto _ : state) {
    {
      std::lock_guard lock(gLog->mu);
      auto s = gLog->store->transaction([&]() -> samrad::Status {
        SAMRAD_ASSIGN_OR_RETURN(std::uint64_t index, gLog->log->append(kEntry));
        return gLog->store->putLogEntry(samrad::crypto::LogId::directory(), index, kEntry);
      });
      if (!s.ok()) state.SkipWithError("append failed");
    }
    if (!gLog->store->sync().ok()) state.SkipWithError("sync failed");
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_LogAppend_Baseline(benchmark::State& state) {
  for (auto _ : state) {
    std::lock_guard lock(gLog->mu);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(gLog->plain->db, "INSERT INTO objects (id, grp, body) VALUES (?1, 0, ?2)",
                       -1, &st, nullptr);
    sqlite3_bind_int64(st, 1, gLog->next++);
    sqlite3_bind_blob(st, 2, kEntry.data(), static_cast<int>(kEntry.size()), SQLITE_STATIC);
    sqlite3_step(st);
    sqlite3_finalize(st);
  }
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

BENCHMARK(BM_LogAppend_Baseline)
    ->Name("Log/DurableAppend/baseline")
    ->Threads(16)
    ->Setup(setUpLog)
    ->Teardown(tearDownLog)
    ->UseRealTime();
BENCHMARK(BM_LogAppend_Ours)
    ->Name("Log/DurableAppend/samrad")
    ->Threads(16)
    ->Setup(setUpLog)
    ->Teardown(tearDownLog)
    ->UseRealTime();
BENCHMARK(BM_Insert_Baseline)->Name("Store/Insert/baseline")->Arg(1)->Arg(1000)->UseRealTime();
BENCHMARK(BM_Insert_Encrypted)->Name("Store/Insert/sqlcipher")->Arg(1)->Arg(1000)->UseRealTime();
BENCHMARK(BM_Lookup_Baseline)->Name("Store/Lookup/baseline")->UseRealTime();
BENCHMARK(BM_Lookup_Encrypted)->Name("Store/Lookup/sqlcipher")->UseRealTime();
