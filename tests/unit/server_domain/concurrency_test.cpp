// The domain under concurrent callers, without gRPC in between (so a
// ThreadSanitizer build sees every lock and wait of ours: deploy/tsan.sh):
// writers of new objects, two editors racing on one object, readers whose
// every read is logged, a subscriber, and a checkpoint reader — sharing the
// store, its group committer, the log and the event hub.
#include <atomic>
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>

#include "domain_fixture.h"
#include "samrad/crypto/merkle.h"
#include "samrad/crypto/note.h"
#include "samrad/v1/log.pb.h"

namespace samrad::server::domain {
namespace {

class Concurrency : public DomainTest {
 protected:
  [[nodiscard]] crypto::LogId groupLog() const { return crypto::LogId::ofGroup(group_); }
};

TEST_F(Concurrency, ConcurrentCallersLeaveOneConsistentLogAndEveryEventOnce) {
  // One object everybody reads, one two editors fight over.
  const ObjectId shared = ObjectId::random();
  ASSERT_TRUE(platform_
                  ->putObject(caller("member"), group_, shared, 0,
                              objectBy("member", shared, 1, "delad"), {})
                  .ok());
  const ObjectId contested = ObjectId::random();
  ASSERT_TRUE(platform_
                  ->putObject(caller("member"), group_, contested, 0,
                              objectBy("member", contested, 1, "v1"), {})
                  .ok());

  std::mutex mu;
  std::map<std::uint64_t, int> seen;  // event seq -> deliveries
  const auto token = platform_->events().subscribe(group_, [&](const EventRecord& e) {
    std::lock_guard lock(mu);
    ++seen[e.seq];
  });

  constexpr int kWriters = 4;
  constexpr int kPerWriter = 40;
  std::atomic<int> written{0};
  std::atomic<int> editsWon{0};
  std::atomic<int> editsLost{0};
  std::atomic<int> reads{0};
  std::atomic<bool> done{false};
  std::vector<std::uint64_t> eventSeqs;
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&] {
      for (int i = 0; i < kPerWriter; ++i) {
        const ObjectId id = ObjectId::random();
        auto r = platform_->putObject(caller("member"), group_, id, 0,
                                      objectBy("member", id, 1, "ny"), {});
        EXPECT_TRUE(r.ok()) << r.error().describe();
        if (!r) return;
        ++written;
        std::lock_guard lock(mu);
        eventSeqs.push_back(r->eventSeq);
      }
    });
  }
  for (int e = 0; e < 2; ++e) {
    threads.emplace_back([&] {
      for (int i = 0; i < 30; ++i) {
        auto head = platform_->getObject(caller("coordinator"), group_, contested, 0);
        ASSERT_TRUE(head.ok()) << head.error().describe();
        const std::uint64_t v = head->second.version;
        auto r = platform_->putObject(caller("member"), group_, contested, v,
                                      objectBy("member", contested, v + 1, "redigerad"), {});
        if (r.ok()) {
          ++editsWon;
          std::lock_guard lock(mu);
          eventSeqs.push_back(r->eventSeq);
        } else {
          EXPECT_EQ(r.error().code(), ErrorCode::Aborted) << r.error().describe();
          ++editsLost;
        }
      }
    });
  }
  for (int r = 0; r < 2; ++r) {
    threads.emplace_back([&, r] {
      while (!done.load()) {
        auto got = platform_->getObject(caller(r == 0 ? "lawyer" : "observer"), group_, shared, 0);
        ASSERT_TRUE(got.ok()) << got.error().describe();
        ++reads;
      }
    });
  }
  std::vector<crypto::Checkpoint> checkpoints;
  threads.emplace_back([&] {
    while (!done.load()) {
      auto cp = platform_->checkpoint(caller("coordinator"), groupLog());
      ASSERT_TRUE(cp.ok());
      auto note = crypto::Note::parse(cp->first);
      ASSERT_TRUE(note.ok());
      auto parsed = crypto::Checkpoint::parse(note->text);
      ASSERT_TRUE(parsed.ok());
      checkpoints.push_back(*parsed);
    }
  });
  for (int t = 0; t < kWriters + 2; ++t) threads[static_cast<std::size_t>(t)].join();
  done = true;
  for (std::size_t t = kWriters + 2; t < threads.size(); ++t) threads[t].join();
  platform_->events().unsubscribe(token);

  EXPECT_EQ(written.load(), kWriters * kPerWriter);
  EXPECT_EQ(editsWon.load() + editsLost.load(), 60);
  auto final = platform_->getObject(caller("coordinator"), group_, contested, 0);
  ASSERT_TRUE(final.ok());
  EXPECT_EQ(final->second.version, 1U + static_cast<std::uint64_t>(editsWon.load()))
      << "every won edit is one version; no lost update";
  {
    std::lock_guard lock(mu);
    for (const std::uint64_t seq : eventSeqs) {
      EXPECT_EQ(seen[seq], 1) << "event " << seq << " reached the subscriber once";
    }
  }
  // Every checkpoint handed out during the run is a prefix of the final log.
  auto last = platform_->checkpoint(caller("coordinator"), groupLog());
  ASSERT_TRUE(last.ok());
  auto lastCp = crypto::Checkpoint::parse(crypto::Note::parse(last->first)->text);
  ASSERT_TRUE(lastCp.ok());
  ASSERT_FALSE(checkpoints.empty());
  for (const auto& cp : checkpoints) {
    ASSERT_LE(cp.size, lastCp->size);
    if (cp.size == 0 || cp.size == lastCp->size) continue;
    auto proof =
        platform_->consistencyProof(caller("coordinator"), groupLog(), cp.size, lastCp->size);
    ASSERT_TRUE(proof.ok());
    ASSERT_TRUE(
        crypto::verifyConsistency(cp.size, lastCp->size, *proof, cp.root, lastCp->root).ok());
  }
  EXPECT_GT(reads.load(), 0);
}

// Reads arriving together share one commit (Platform::combined): every read
// is its own entry in the log, in some order, but there are fewer SQLite
// commits than reads — and a conflicting write in the same batches fails
// alone while the writes beside it are kept.
TEST_F(Concurrency, ReadsArrivingTogetherShareACommitAndEachIsLoggedOnce) {
  const ObjectId shared = ObjectId::random();
  ASSERT_TRUE(platform_
                  ->putObject(caller("member"), group_, shared, 0,
                              objectBy("member", shared, 1, "delad"), {})
                  .ok());
  auto before = platform_->checkpoint(caller("coordinator"), groupLog());
  ASSERT_TRUE(before.ok());
  const std::uint64_t commitsBefore = store_->commits();

  constexpr int kReaders = 8;
  constexpr int kReads = 150;
  std::atomic<int> conflicts{0};
  std::vector<std::thread> threads;
  for (int r = 0; r < kReaders; ++r) {
    threads.emplace_back([&, r] {
      const char* who = r % 2 == 0 ? "lawyer" : "observer";
      for (int i = 0; i < kReads; ++i) {
        auto got = platform_->getObject(caller(who), group_, shared, 0);
        ASSERT_TRUE(got.ok()) << got.error().describe();
        ASSERT_TRUE(platform_->awaitDurable().ok());
      }
    });
  }
  // Stale writes (expected version 0 of an object at version 1) among them:
  // refused each time, without taking anyone's read with them.
  threads.emplace_back([&] {
    for (int i = 0; i < 50; ++i) {
      auto r = platform_->putObject(caller("member"), group_, shared, 0,
                                    objectBy("member", shared, 1, "gammal"), {});
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().reason(), "object.conflict");
      ++conflicts;
    }
  });
  for (auto& t : threads) t.join();

  auto after = platform_->checkpoint(caller("coordinator"), groupLog());
  ASSERT_TRUE(after.ok());
  const std::uint64_t logged = after->second - before->second;
  EXPECT_EQ(logged, static_cast<std::uint64_t>(kReaders * kReads)) << "one entry per read";
  const std::uint64_t commits = store_->commits() - commitsBefore;
  EXPECT_LT(commits, logged) << "reads that arrive together share a commit";
  EXPECT_EQ(conflicts.load(), 50);

  // Each reader's reads are all there, once each.
  std::vector<crypto::Bytes> entries;
  while (entries.size() < logged) {
    auto page =
        platform_->logEntries(caller("coordinator"), groupLog(), before->second + entries.size(),
                              std::min<std::size_t>(1000, logged - entries.size()));
    ASSERT_TRUE(page.ok()) << page.error().describe();
    ASSERT_FALSE(page->empty());
    entries.insert(entries.end(), page->begin(), page->end());
  }
  ASSERT_EQ(entries.size(), logged);
  std::map<std::string, int> byDevice;
  for (const auto& bytes : entries) {
    v1::LogEntry e;
    ASSERT_TRUE(e.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())));
    EXPECT_EQ(e.kind(), v1::LOG_ENTRY_OBJECT_READ);
    EXPECT_EQ(e.object_id(), shared.str());
    ++byDevice[e.device_id()];
  }
  EXPECT_EQ(byDevice[actors_["lawyer"].device.str()], kReaders / 2 * kReads);
  EXPECT_EQ(byDevice[actors_["observer"].device.str()], kReaders / 2 * kReads);
  std::printf("%llu reads logged in %llu commits\n", static_cast<unsigned long long>(logged),
              static_cast<unsigned long long>(commits));
}

}  // namespace
}  // namespace samrad::server::domain
