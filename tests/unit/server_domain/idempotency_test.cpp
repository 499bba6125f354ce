// An idempotent write's answer is stored in the transaction of the write
// itself (AnswerRecord), not in a second one after it: a server that stops
// between the two can no longer leave a stored object without its answer,
// which would turn the client's retry into a conflict with its own write.
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
  auto none = platform_->replay(caller("member"), key, "PutObject");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());

  auto put = platform_->putObject(caller("member"), group_, id, 0,
                                  objectBy("member", id, 1, "anteckning"), {}, &answer);
  ASSERT_TRUE(put.ok()) << put.error().describe();
  // Nothing but putObject ran: the answer is there, built from its result.
  auto stored = platform_->replay(caller("member"), key, "PutObject");
  ASSERT_TRUE(stored.ok());
  ASSERT_TRUE(stored->has_value());
  const std::string expected = "v=1 seq=" + std::to_string(put->eventSeq);
  EXPECT_EQ(std::string((*stored)->begin(), (*stored)->end()), expected);
  // The answer belongs to the device that wrote: another device's key space
  // does not see it.
  auto other = platform_->replay(caller("coordinator"), key, "PutObject");
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(other->has_value());
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
  auto stored = platform_->replay(caller("member"), key, "PutObject");
  ASSERT_TRUE(stored.ok());
  EXPECT_FALSE(stored->has_value()) << "a refusal is not an answer to replay";
}

}  // namespace
}  // namespace samrad::server::domain
