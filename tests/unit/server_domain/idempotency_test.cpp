// An idempotent write's answer is stored in the transaction of the write
// itself (AnswerRecord), not in a second one after it: a server that stops
// between the two can no longer leave a stored object without its answer,
// which would turn the client's retry into a conflict with its own write.
// A new object version keeps what rebuilds its answer in its own row: the
// writing device, its key, and the event the write produced.
#include "domain_fixture.h"

namespace samrad::server::domain {
namespace {

class Idempotency : public DomainTest {
 protected:
  static AnswerRecord answerFor(const crypto::Bytes& key) {
    return {key, "PutObject", [](std::uint64_t version, std::uint64_t eventSeq) {
              const std::string text =
                  "v=" + std::to_string(version) + " seq=" + std::to_string(eventSeq);
              return crypto::Bytes(text.begin(), text.end());
            }};
  }
};

TEST_F(Idempotency, AWriteStoresItsAnswerInItsOwnTransaction) {
  const ObjectId id = ObjectId::random();
  const crypto::Bytes key = crypto::randomBytes(16);
  const AnswerRecord answer = answerFor(key);
  auto put = platform_->putObject(caller("member"), group_, id, 0,
                                  objectBy("member", id, 1, "anteckning"), {}, &answer);
  ASSERT_TRUE(put.ok()) << put.error().describe();
  // Nothing but putObject ran: the version holds its write.
  auto stored = store_->versionWrite(group_, id, 1);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  crypto::Bytes expected(actors_.at("member").device.view().begin(),
                         actors_.at("member").device.view().end());
  crypto::appendBytes(expected, key);
  EXPECT_EQ((*stored)->writeKey, expected);
  EXPECT_EQ((*stored)->eventSeq, put->eventSeq);
  // The answer belongs to the device that wrote: the same key from another
  // device is that device's own stale write.
  auto other = platform_->putObject(caller("coordinator"), group_, id, 0,
                                    objectBy("coordinator", id, 1, "anteckning"), {}, &answer);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().reason(), "object.conflict");
}

TEST_F(Idempotency, ARetryGetsItsFirstAnswerAfterOthersWroteLaterVersions) {
  const ObjectId id = ObjectId::random();
  const crypto::Bytes key = crypto::randomBytes(32);
  const AnswerRecord answer = answerFor(key);
  const crypto::Bytes body = objectBy("member", id, 1, "utkast");
  auto first = platform_->putObject(caller("member"), group_, id, 0, body, {}, &answer);
  ASSERT_TRUE(first.ok()) << first.error().describe();
  auto next = platform_->putObject(caller("coordinator"), group_, id, 1,
                                   objectBy("coordinator", id, 2, "granskat"), {});
  ASSERT_TRUE(next.ok()) << next.error().describe();
  const std::uint64_t eventsBefore = store_->group(group_).value()->eventSeq;
  auto retry = platform_->putObject(caller("member"), group_, id, 0, body, {}, &answer);
  ASSERT_TRUE(retry.ok()) << retry.error().describe();
  ASSERT_TRUE(retry->replayed.has_value());
  EXPECT_EQ(std::string(retry->replayed->begin(), retry->replayed->end()),
            "v=1 seq=" + std::to_string(first->eventSeq));
  EXPECT_EQ(store_->group(group_).value()->eventSeq, eventsBefore) << "applied twice";
  EXPECT_EQ(store_->objectHead(group_, id).value()->version, 2U);
}

// Before schema 11 a write's answer was a row of the idempotency table; a
// retry that reaches a server upgraded meanwhile still gets it.
TEST_F(Idempotency, AnAnswerStoredBeforeVersionsKeptTheirWritesStillAnswers) {
  const ObjectId id = ObjectId::random();
  const crypto::Bytes body = objectBy("member", id, 1, "före uppgraderingen");
  auto first = platform_->putObject(caller("member"), group_, id, 0, body, {});
  ASSERT_TRUE(first.ok()) << first.error().describe();
  const crypto::Bytes key = crypto::randomBytes(16);
  const std::string old = "v=1 seq=" + std::to_string(first->eventSeq);
  ASSERT_TRUE(store_
                  ->transaction([&] {
                    return store_->saveIdempotentResponse(
                        actors_.at("member").device, key, "PutObject",
                        crypto::Bytes(old.begin(), old.end()), clock_.now());
                  })
                  .ok());
  const AnswerRecord answer = answerFor(key);
  auto retry = platform_->putObject(caller("member"), group_, id, 0, body, {}, &answer);
  ASSERT_TRUE(retry.ok()) << retry.error().describe();
  ASSERT_TRUE(retry->replayed.has_value());
  EXPECT_EQ(std::string(retry->replayed->begin(), retry->replayed->end()), old);
}

TEST_F(Idempotency, ARetriedWriteGetsItsFirstAnswerAndStoresNothing) {
  const ObjectId id = ObjectId::random();
  const crypto::Bytes key = crypto::randomBytes(16);
  const AnswerRecord answer = answerFor(key);
  const crypto::Bytes body = objectBy("member", id, 1, "anteckning");
  auto first = platform_->putObject(caller("member"), group_, id, 0, body, {}, &answer);
  ASSERT_TRUE(first.ok()) << first.error().describe();
  EXPECT_FALSE(first->replayed.has_value());
  const std::uint64_t eventsBefore = store_->group(group_).value()->eventSeq;
  // The acknowledgement was lost; the client sends the same request again.
  auto retry = platform_->putObject(caller("member"), group_, id, 0, body, {}, &answer);
  ASSERT_TRUE(retry.ok()) << "a retry is not a conflict: " << retry.error().describe();
  ASSERT_TRUE(retry->replayed.has_value());
  EXPECT_EQ(std::string(retry->replayed->begin(), retry->replayed->end()),
            "v=1 seq=" + std::to_string(first->eventSeq));
  EXPECT_EQ(store_->group(group_).value()->eventSeq, eventsBefore) << "applied twice";
  // Without the key, the same request is a stale write.
  auto again = platform_->putObject(caller("member"), group_, id, 0, body, {});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().reason(), "object.conflict");
  // A key of the wrong size is refused before anything is looked up.
  EXPECT_FALSE(Platform::checkIdempotencyKey(crypto::randomBytes(8)).ok());
  EXPECT_TRUE(Platform::checkIdempotencyKey({}).ok());
}

TEST_F(Idempotency, ARefusedWriteStoresNoAnswer) {
  const ObjectId id = ObjectId::random();
  ASSERT_TRUE(
      platform_->putObject(caller("member"), group_, id, 0, objectBy("member", id, 1, "först"), {})
          .ok());
  const crypto::Bytes key = crypto::randomBytes(16);
  const AnswerRecord answer = answerFor(key);
  auto stale = platform_->putObject(caller("member"), group_, id, 0,
                                    objectBy("member", id, 1, "sen"), {}, &answer);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().reason(), "object.conflict");
  auto stored = store_->versionWrite(group_, id, 1);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_TRUE((*stored)->writeKey.empty()) << "a refusal is not an answer to replay";
  auto again = platform_->putObject(caller("member"), group_, id, 0,
                                    objectBy("member", id, 1, "sen"), {}, &answer);
  ASSERT_FALSE(again.ok()) << "a refusal is not an answer to replay";
  EXPECT_EQ(again.error().reason(), "object.conflict");
}

}  // namespace
}  // namespace samrad::server::domain
