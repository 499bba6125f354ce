// An object's head in the SQLCipher store: a new object gets one, each later
// version (and a version written over a deletion's tombstone) replaces every
// field of it in place, and there is never more than one head per object.
#include <gtest/gtest.h>

#include <algorithm>

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
  return store.transaction([&] { return store.putObjectVersion(group, h, body); });
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

TEST(ObjectStore, EachVersionReplacesTheWholeHeadAndTheObjectKeepsOneHead) {
  testing::TempDir dir;
  auto server = ServerStore::open(dir.path() / "var");
  ASSERT_TRUE(server.ok());
  SqlStore store((*server)->database());
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

}  // namespace
}  // namespace samrad::server::storage
