// Sync under a slow subscriber: one device stops reading its event stream
// while another keeps up and a writer keeps writing. The writer and the
// reading subscriber are not held back; the stalled stream is ended with
// RESOURCE_EXHAUSTED once its backlog passes the limit, and the device then
// resumes from its last sequence without missing an event.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "platform_fixture.h"

namespace samrad::platform_testing {
namespace {

class SlowSubscriber : public Platform {
 protected:
  void SetUp() override {
    config_.limits.maxSubscriberBacklog = 64;
    Platform::SetUp();
  }
};

TEST_F(SlowSubscriber, IsCutOffWithoutStallingOthersAndResumesWithoutAGap) {
  bootstrap(social_, 2);
  bootstrap(police_, 1);
  enrolMember(social_, samordnare_);
  enrolMember(police_, officer_);
  enrolMember(social_, nurse_);
  for (const Agency* a : {&social_, &police_}) pinned_.pin(a->id, a->root.publicKey());
  crypto::MembershipChain chain(pinned_, {});
  auto genesis = chain.makeLink(group_,
                                crypto::OpCreate{{spec(samordnare_, crypto::GroupRole::Coordinator),
                                                  spec(officer_, crypto::GroupRole::Member),
                                                  spec(nurse_, crypto::GroupRole::Member)}},
                                nowSeconds(), samordnare_.device.signing, samordnare_.device.id);
  ASSERT_TRUE(genesis.ok() && chain.append(*genesis).ok());
  ASSERT_TRUE(samordnare_.device.client->createGroup(genesis->serialize()).ok());
  const auto key = crypto::SecretBytes::random(32);

  // Enough events to fill the stalled stream's HTTP/2 window many times over.
  constexpr std::uint64_t kEvents = 3000;
  const std::uint64_t total = kEvents + 1;  // the genesis link, then the objects
  std::vector<std::pair<crypto::ObjectId, Bytes>> bodies;
  for (std::uint64_t i = 0; i < kEvents; ++i) {
    const crypto::ObjectId o = crypto::ObjectId::random();
    bodies.emplace_back(o, encrypt(officer_, chain, key, o, 1, "x"));
  }

  // The stalled subscriber takes one event, then stops reading until released.
  // Its channel keeps HTTP/2's fixed 64 KiB receive window (no bandwidth
  // probing growing it to megabytes), as a client on a slow link would have.
  grpc::SslCredentialsOptions tls;
  tls.pem_root_certs = testing::readFile(pki_.caCert);
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_HTTP2_BDP_PROBE, 0);
  client::PlatformClient slowClient(grpc::CreateCustomChannel(
      "127.0.0.1:" + std::to_string(server_->port()), grpc::SslCredentials(tls), args));
  ASSERT_TRUE(slowClient.login(nurse_.device.id, nurse_.device.signing).ok());
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::vector<std::uint64_t> stalledSeen;
  std::promise<void> stalledStarted;
  std::thread stalled;
  Result<std::uint64_t> stalledResult = std::uint64_t{0};
  stalled = std::thread([&] {
    stalledResult = slowClient.subscribe(
        group_, 0,
        [&](const client::ObjectEvent& e) {
          stalledSeen.push_back(e.seq);
          if (stalledSeen.size() == 1) {
            stalledStarted.set_value();
            released.wait();
          }
          return e.seq < total;
        },
        120s);
  });

  // The reading subscriber keeps up with everything.
  std::vector<std::uint64_t> fastSeen;
  Result<std::uint64_t> fastResult = std::uint64_t{0};
  std::thread fast([&] {
    fastResult = samordnare_.device.client->subscribe(
        group_, 0,
        [&](const client::ObjectEvent& e) {
          fastSeen.push_back(e.seq);
          return e.seq < total;
        },
        120s);
  });

  ASSERT_EQ(stalledStarted.get_future().wait_for(10s), std::future_status::ready);
  for (const auto& [id, body] : bodies) {
    auto put = officer_.device.client->putObject(group_, id, 0, body);
    ASSERT_TRUE(put.ok()) << put.error().describe();
  }
  fast.join();
  ASSERT_TRUE(fastResult.ok()) << fastResult.error().describe();
  ASSERT_EQ(fastSeen.size(), total);
  for (std::uint64_t i = 0; i < total; ++i) ASSERT_EQ(fastSeen[i], i + 1);

  // Released, the stalled device reads what was in flight, then learns that
  // it fell behind: a precise status, not a silent gap.
  release.set_value();
  stalled.join();
  ASSERT_FALSE(stalledResult.ok());
  EXPECT_EQ(stalledResult.error().code(), ErrorCode::ResourceExhausted);
  EXPECT_EQ(stalledResult.error().reason(), "sync.too_slow");
  ASSERT_FALSE(stalledSeen.empty());
  ASSERT_LT(stalledSeen.size(), total);
  for (std::size_t i = 0; i < stalledSeen.size(); ++i) ASSERT_EQ(stalledSeen[i], i + 1);

  // It resubscribes from the last event it saw and gets every later one.
  std::vector<std::uint64_t> resumedSeen;
  auto resumed = nurse_.device.client->subscribe(
      group_, stalledSeen.back(),
      [&](const client::ObjectEvent& e) {
        resumedSeen.push_back(e.seq);
        return e.seq < total;
      },
      60s);
  ASSERT_TRUE(resumed.ok()) << resumed.error().describe();
  ASSERT_EQ(stalledSeen.size() + resumedSeen.size(), total);
  for (std::size_t i = 0; i < resumedSeen.size(); ++i) {
    ASSERT_EQ(resumedSeen[i], stalledSeen.back() + 1 + i);
  }
}

}  // namespace
}  // namespace samrad::platform_testing
