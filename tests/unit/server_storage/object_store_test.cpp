// An object's head in the SQLCipher store: a new object gets one, each later
// version (and a version written over a deletion's tombstone) replaces every
// field of it in place, and there is never more than one head per object.
// The statements a write runs need no statement journal, which SQLCipher 3
// would encrypt page by page (see "Statement journals" in sql_store.cpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "samrad/crypto/content.h"
#include "samrad/db/sqlite.h"
#include "samrad/server/storage/server_store.h"
#include "samrad/server/storage/sql_store.h"
#include "samrad/testing/support.h"

namespace samrad::server::storage {
namespace {

using domain::ObjectHead;

ObjectHead headOf(const crypto::ObjectId& id, std::uint64_t version, std::string kind) {
  ObjectHead h;
  h.id = id;
  h.kind = std::move(kind);
  h.version = version;
  h.size = 100 + version;
  h.author = crypto::DeviceId::random();
  h.storedAt = 1'700'000'000 + static_cast<std::int64_t>(version);
  return h;
}

Status put(SqlStore& store, const crypto::GroupId& group, const ObjectHead& h) {
  const crypto::Bytes body(h.size, static_cast<std::uint8_t>(h.version));
  return store.transaction([&] { return store.putObjectVersion(group, h, body, {}); });
}

void expectSame(const ObjectHead& want, const ObjectHead& got) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.kind, want.kind);
  EXPECT_EQ(got.version, want.version);
  EXPECT_FALSE(got.deleted);
  EXPECT_EQ(got.wholeGroup, want.wholeGroup);
  EXPECT_EQ(got.allowed, want.allowed);
  EXPECT_EQ(got.size, want.size);
  EXPECT_EQ(got.author, want.author);
  EXPECT_EQ(got.storedAt, want.storedAt);
  EXPECT_EQ(got.caseId, want.caseId);
}

// A store in a folder of its own.
class Versions : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = ServerStore::open(dir_.path() / "var");
    ASSERT_TRUE(s.ok()) << s.error().describe();
    server_ = std::move(s).value();
    store_ = std::make_unique<SqlStore>(server_->database());
  }
  testing::TempDir dir_;
  std::unique_ptr<ServerStore> server_;
  std::unique_ptr<SqlStore> store_;
};

TEST_F(Versions, EachVersionReplacesTheWholeHeadAndTheObjectKeepsOneHead) {
  SqlStore& store = *store_;
  const auto group = crypto::GroupId::random();
  const auto id = crypto::ObjectId::random();
  const auto other = crypto::ObjectId::random();

  ObjectHead v1 = headOf(id, 1, "minutes");
  ASSERT_TRUE(put(store, group, v1).ok());
  ASSERT_TRUE(put(store, group, headOf(other, 1, "brief")).ok());
  auto found = store.objectHead(group, id);
  ASSERT_TRUE(found.ok() && found->has_value());
  expectSame(v1, **found);

  // Every field moves with the new version: kind, access, case, author.
  ObjectHead v2 = headOf(id, 2, "minutes-v2");
  v2.wholeGroup = false;
  v2.allowed = {crypto::DeviceId::random(), crypto::DeviceId::random()};
  std::sort(v2.allowed.begin(), v2.allowed.end());
  v2.caseId = crypto::CaseId::random();
  ASSERT_TRUE(put(store, group, v2).ok());
  found = store.objectHead(group, id);
  ASSERT_TRUE(found.ok() && found->has_value());
  auto got = **found;
  std::sort(got.allowed.begin(), got.allowed.end());
  expectSame(v2, got);

  // A deletion leaves a tombstone; the next version writes over it.
  ASSERT_TRUE(store.transaction([&] { return store.deleteObject(group, id, 3); }).ok());
  found = store.objectHead(group, id);
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_TRUE((*found)->deleted);
  ObjectHead v4 = headOf(id, 4, "minutes");
  ASSERT_TRUE(put(store, group, v4).ok());
  found = store.objectHead(group, id);
  ASSERT_TRUE(found.ok() && found->has_value());
  expectSame(v4, **found);

  // One head per object, however many versions it had.
  auto listed = store.listObjects(group, "", nullptr, 100);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 2U);
  const auto mine = std::count_if(listed->begin(), listed->end(),
                                  [&](const ObjectHead& h) { return h.id == id; });
  EXPECT_EQ(mine, 1);
  auto body = store.objectBody(group, id, 4);
  ASSERT_TRUE(body.ok() && body->has_value());
  EXPECT_EQ((*body)->size(), v4.size);

  // A version that is already stored is refused, and the head stays as it was.
  ObjectHead again = headOf(id, 4, "other");
  EXPECT_FALSE(put(store, group, again).ok());
  found = store.objectHead(group, id);
  ASSERT_TRUE(found.ok() && found->has_value());
  expectSame(v4, **found);
}

// Counts the statement journals SQLite opens as files. SQLite keeps them in
// memory unless temp_store is FILE, and then spills to a file only past a
// size, which is set to 0 here: every statement journal opens one.
class JournalCounter {
 public:
  JournalCounter() {
    sqlite3_shutdown();
    sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, 0);
    base_ = sqlite3_vfs_find(nullptr);
    counting_ = *base_;
    counting_.zName = "samrad-journal-counter";
    counting_.xOpen = &JournalCounter::open;
    sqlite3_vfs_register(&counting_, 1);
  }
  ~JournalCounter() {
    sqlite3_vfs_register(base_, 1);
    sqlite3_vfs_unregister(&counting_);
    sqlite3_shutdown();
    sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, 64 * 1024);
    sqlite3_initialize();
  }
  JournalCounter(const JournalCounter&) = delete;
  JournalCounter& operator=(const JournalCounter&) = delete;

  static int opened() { return opened_.load(); }

 private:
  static int open(sqlite3_vfs* /*vfs*/, const char* name, sqlite3_file* file, int flags,
                  int* outFlags) {
    if ((flags & SQLITE_OPEN_SUBJOURNAL) != 0) ++opened_;
    return base_->xOpen(base_, name, file, flags, outFlags);
  }
  static inline sqlite3_vfs* base_ = nullptr;
  static inline std::atomic<int> opened_{0};
  sqlite3_vfs counting_{};
};

// A version keeps the write that stored it (what answers a retry), each its
// own, and a deletion takes them with the ciphertext.
TEST_F(Versions, AVersionKeepsItsWriteUntilTheObjectIsDeleted) {
  SqlStore& store = *store_;
  const auto group = crypto::GroupId::random();
  const auto id = crypto::ObjectId::random();
  const crypto::Bytes key = crypto::randomBytes(40);
  ASSERT_TRUE(
      store
          .transaction([&] {
            return store.putObjectVersion(group, headOf(id, 1, "minutes"), {1, 2, 3}, {key, 41});
          })
          .ok());
  ASSERT_TRUE(store
                  .transaction([&] {
                    return store.putObjectVersion(group, headOf(id, 2, "minutes"), {4, 5, 6}, {});
                  })
                  .ok());
  auto first = store.versionWrite(group, id, 1);
  ASSERT_TRUE(first.ok() && first->has_value());
  EXPECT_EQ((*first)->writeKey, key);
  EXPECT_EQ((*first)->eventSeq, 41U);
  auto second = store.versionWrite(group, id, 2);
  ASSERT_TRUE(second.ok() && second->has_value());
  EXPECT_TRUE((*second)->writeKey.empty()) << "a write without a key keeps none";
  auto none = store.versionWrite(group, id, 3);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());

  ASSERT_TRUE(store.transaction([&] { return store.deleteObject(group, id, 2); }).ok());
  auto gone = store.versionWrite(group, id, 1);
  ASSERT_TRUE(gone.ok());
  EXPECT_FALSE(gone->has_value());
}

TEST(ObjectStore, AWriteRunsNoStatementThatNeedsAStatementJournal) {
  JournalCounter counter;
  testing::TempDir dir;
  auto server = ServerStore::open(dir.path() / "var");
  ASSERT_TRUE(server.ok());
  db::Database& database = (*server)->database();
  ASSERT_TRUE(database.exec("PRAGMA temp_store = FILE").ok());
  SqlStore store(database);
  domain::GroupRecord g;
  g.id = crypto::GroupId::random();
  ASSERT_TRUE(store.transaction([&] { return store.insertGroup(g); }).ok());

  // The counter works: an UPDATE that may abort on a NOT NULL column, after
  // the page it changes is already part of the transaction, opens one.
  const int before = JournalCounter::opened();
  ASSERT_TRUE(store
                  .transaction([&]() -> Status {
                    SAMRAD_TRY(store.updateGroup(g));
                    return database.exec("UPDATE groups SET event_seq = event_seq + 1");
                  })
                  .ok());
  ASSERT_GT(JournalCounter::opened(), before) << "the journal counter saw nothing";

  // What PutObject stores, for new objects and a second version of one, in
  // one transaction as the commit lane runs them: no statement journal.
  const int start = JournalCounter::opened();
  const auto device = crypto::DeviceId::random();
  std::vector<crypto::ObjectId> ids(3);
  for (auto& id : ids) id = crypto::ObjectId::random();
  ASSERT_TRUE(store
                  .transaction([&]() -> Status {
                    for (std::uint64_t version : {1, 2}) {
                      for (const auto& id : ids) {
                        if (version == 2 && id != ids.front()) continue;
                        ObjectHead h = headOf(id, version, "minutes");
                        ++g.eventSeq;
                        SAMRAD_TRY(
                            store.insertEvent({g.id, g.eventSeq, domain::EventKind::ObjectWritten,
                                               id, version, "minutes", h.storedAt}));
                        SAMRAD_TRY(store.updateGroup(g));
                        crypto::Bytes writeKey(device.view().begin(), device.view().end());
                        crypto::appendBytes(writeKey, crypto::randomBytes(16));
                        SAMRAD_TRY(store.putObjectVersion(g.id, h, crypto::Bytes(2300, 7),
                                                          {writeKey, g.eventSeq}));
                      }
                    }
                    return okStatus();
                  })
                  .ok());
  EXPECT_EQ(JournalCounter::opened(), start);
  auto head = store.objectHead(g.id, ids.front());
  ASSERT_TRUE(head.ok() && head->has_value());
  EXPECT_EQ((*head)->version, 2U);
}

}  // namespace
}  // namespace samrad::server::storage

namespace samrad::server::storage {
namespace {

// Migration 13 (#25 item 5): a store from before kept no creator. Reading
// the latest author instead would make a coordinator who moved a case on
// its referrer; the store fills the column once, from the author of the
// oldest version it holds.
TEST(Creators, AStoreFromBeforeLearnsEachObjectsCreatorFromItsFirstVersion) {
  testing::TempDir dir;
  const auto group = crypto::GroupId::random();
  const auto id = crypto::ObjectId::random();
  const auto referrer = crypto::DeviceId::random();
  const auto coordinator = crypto::DeviceId::random();
  const auto key = crypto::SecretBytes::random(32);
  auto body = [&](const crypto::DeviceId& author, std::uint64_t version) {
    const crypto::ContentContext ctx{"case", group, id, version, 1, author, crypto::Hash{}};
    auto o = crypto::encryptObject(ctx, crypto::asBytes("ärende"), {key, std::nullopt},
                                   crypto::SigningKeyPair::generate());
    EXPECT_TRUE(o.ok());
    return o->serialize();
  };
  {
    auto server = ServerStore::open(dir.path() / "var");
    ASSERT_TRUE(server.ok()) << server.error().describe();
    SqlStore store((*server)->database());
    for (const auto& [author, version] :
         {std::pair{referrer, std::uint64_t{1}}, std::pair{coordinator, std::uint64_t{2}}}) {
      ObjectHead h = headOf(id, version, "case");
      h.author = author;
      h.creator = referrer;
      ASSERT_TRUE(store
                      .transaction([&] {
                        return store.putObjectVersion(group, h, body(author, version), {});
                      })
                      .ok());
    }
    // As a store written before schema 13 holds it.
    ASSERT_TRUE((*server)->database().exec("UPDATE object_heads SET creator = NULL").ok());
  }
  auto server = ServerStore::open(dir.path() / "var");
  ASSERT_TRUE(server.ok()) << server.error().describe();
  SqlStore store((*server)->database());
  auto head = store.objectHead(group, id);
  ASSERT_TRUE(head.ok() && head->has_value());
  EXPECT_EQ((*head)->author, coordinator);
  EXPECT_EQ((*head)->creator, referrer);
}

}  // namespace
}  // namespace samrad::server::storage
