// The network and the clocks between agencies as they are, not as tests wish:
// computers whose clocks are minutes apart, and a link to the server that
// goes silent, comes back, or is cut.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <thread>

#include "platform_fixture.h"
#include "replica_fixture.h"
#include "samrad/client/identity.h"
#include "samrad/client/replica.h"
#include "samrad/testing/tcp_proxy.h"

namespace samrad::platform_testing {
namespace {

std::string text(const Bytes& b) {
  return {b.begin(), b.end()};
}

client::Agency issuerOf(const Agency& a) {
  auto root = crypto::SigningKeyPair::fromSeed(a.root.seed().view());
  EXPECT_TRUE(root.ok());
  return client::Agency{a.id, std::move(root).value()};
}

// The police administrator's computer runs 4 minutes ahead, healthcare's 4
// behind, the coordinator's 4 ahead until it is corrected mid-week. Every
// certificate is valid where it is checked, every membership link is
// accepted (a link made after the correction is not older than the one
// before it), and the group works. A clock 20 minutes ahead is refused with
// a sentence about the clock.
TEST_F(Replica, ComputersWhoseClocksAreMinutesApartWorkTogether) {
  threeAgencies();
  const std::int64_t now = nowSeconds();
  auto coord =
      client::DeviceIdentity::issue(issuerOf(social_), crypto::UserRole::Member, now + 240, 3600);
  auto officer =
      client::DeviceIdentity::issue(issuerOf(police_), crypto::UserRole::Member, now + 240, 3600);
  auto nurse =
      client::DeviceIdentity::issue(issuerOf(health_), crypto::UserRole::Member, now - 240, 3600);
  auto coordClient = enrol(social_, coord);
  auto officerClient = enrol(police_, officer);
  auto nurseClient = enrol(health_, nurse);
  ASSERT_TRUE(coordClient && officerClient && nurseClient);

  // The group is created on the coordinator's fast clock…
  crypto::MembershipChain chain(pinned_, {});
  auto genesis = chain.makeLink(group_,
                                crypto::OpCreate{{coord.memberSpec(crypto::GroupRole::Coordinator),
                                                  officer.memberSpec(crypto::GroupRole::Member)}},
                                now + 240, coord.signing, coord.device);
  ASSERT_TRUE(genesis.ok()) << genesis.error().describe();
  ASSERT_TRUE(chain.append(*genesis).ok());
  ASSERT_TRUE(coordClient->createGroup(genesis->serialize()).ok());
  const auto epochKey = crypto::SecretBytes::random(32);
  auto bundle = crypto::makeEpochKeyBundle(chain, epochKey, nullptr, coord.signing, coord.device,
                                           {}, chain.state().lastTime);
  ASSERT_TRUE(bundle.ok() && coordClient->putEpochKeys(group_, bundle->serialize()).ok());

  // …and, once that clock is corrected, the nurse is added "earlier".
  ASSERT_NO_FATAL_FAILURE(openReplica("coord", coord, *coordClient));
  const auto added = replicas_["coord"]->changeMembership(
      *coordClient, crypto::OpAddMember{nurse.memberSpec(crypto::GroupRole::Member)}, now);
  ASSERT_TRUE(added.ok()) << added.error().describe();
  EXPECT_EQ(replicas_["coord"]->chain().state().lastTime, now + 240);

  ASSERT_NO_FATAL_FAILURE(openReplica("officer", officer, *officerClient));
  ASSERT_NO_FATAL_FAILURE(openReplica("nurse", nurse, *nurseClient));
  const crypto::ObjectId note = crypto::ObjectId::random();
  ASSERT_TRUE(replicas_["officer"]->write(note, "minutes", crypto::asBytes("Punkt 2: plan")).ok());
  auto sent = replicas_["officer"]->push(*officerClient);
  ASSERT_TRUE(sent.ok() && sent->sent == 1U) << (sent ? "" : sent.error().describe());
  ASSERT_TRUE(replicas_["nurse"]->pull(*nurseClient, 300ms).ok());
  ASSERT_TRUE(replicas_["nurse"]->object(note).has_value());
  EXPECT_EQ(text(replicas_["nurse"]->object(note)->plaintext), "Punkt 2: plan");

  // Beyond what clocks may differ by: refused, and the reason names the clock.
  auto early =
      client::DeviceIdentity::issue(issuerOf(police_), crypto::UserRole::Member, now + 1200, 3600);
  auto refused = police_.admin.device.client->registerUser(early.userCertificate.serialize());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason(), "cert.not_yet_valid") << refused.error().describe();
  EXPECT_NE(refused.error().message().find("clock"), std::string::npos)
      << refused.error().message();
}

// The officer reaches the server through a link that goes silent: what the
// officer writes waits in the outbox (each attempt ends at its deadline, not
// in a hang), the nurse keeps working, and when the link heals both sides
// catch up with every event and nothing is doubled. When the link is cut
// outright, the client connects again by itself.
TEST_F(Replica, APartitionHoldsEditsInTheOutboxAndTheGroupCatchesUpWhenItHeals) {
  threeAgencies();
  auto coord = identity(social_, crypto::UserRole::Member);
  auto officer = identity(police_, crypto::UserRole::Member);
  auto nurse = identity(health_, crypto::UserRole::Member);
  auto coordClient = enrol(social_, coord);
  auto officerDirect = enrol(police_, officer);
  auto nurseClient = enrol(health_, nurse);
  const auto epochKey = crypto::SecretBytes::random(32);
  startGroup(coord, *coordClient, {&officer, &nurse}, &epochKey);

  auto proxy = testing::TcpProxy::start(server_->port());
  ASSERT_TRUE(proxy);
  auto channel =
      client::openChannel({"127.0.0.1:" + std::to_string(proxy->port()), pki_.caCert, ""});
  ASSERT_TRUE(channel.ok());
  client::PlatformClient officerClient(*channel, 1500ms);
  ASSERT_TRUE(officerClient.login(officer.device, officer.signing).ok());
  ASSERT_NO_FATAL_FAILURE(openReplica("officer", officer, officerClient));
  ASSERT_NO_FATAL_FAILURE(openReplica("nurse", nurse, *nurseClient));
  auto& off = *replicas_["officer"];
  auto& nur = *replicas_["nurse"];

  const crypto::ObjectId a = crypto::ObjectId::random();
  ASSERT_TRUE(off.write(a, "minutes", crypto::asBytes("A: före avbrottet")).ok());
  ASSERT_TRUE(off.push(officerClient).ok());

  proxy->partition();
  const crypto::ObjectId b = crypto::ObjectId::random();
  ASSERT_TRUE(off.write(b, "minutes", crypto::asBytes("B: under avbrottet")).ok());
  const auto t0 = std::chrono::steady_clock::now();
  auto waiting = off.push(officerClient);
  const auto waited = std::chrono::steady_clock::now() - t0;
  ASSERT_TRUE(waiting.ok()) << waiting.error().describe();
  EXPECT_EQ(waiting->sent, 0U);
  EXPECT_EQ(waiting->waiting, 1U);
  EXPECT_LT(waited, 10s) << "an attempt during the partition must end at its deadline";
  EXPECT_TRUE(off.object(b)->pending);
  auto silent = off.pull(officerClient, 300ms);
  if (!silent.ok()) {
    EXPECT_EQ(silent.error().code(), ErrorCode::Unavailable);
  }

  // The nurse, on a working link, writes meanwhile.
  const crypto::ObjectId c = crypto::ObjectId::random();
  ASSERT_TRUE(nur.write(c, "minutes", crypto::asBytes("C: vården under avbrottet")).ok());
  auto nurseSent = nur.push(*nurseClient);
  ASSERT_TRUE(nurseSent.ok() && nurseSent->sent == 1U);

  proxy->heal();
  auto healed = off.push(officerClient);
  for (int i = 0; i < 20 && healed.ok() && healed->waiting > 0; ++i) {
    std::this_thread::sleep_for(100ms);
    healed = off.push(officerClient);
  }
  ASSERT_TRUE(healed.ok()) << healed.error().describe();
  EXPECT_EQ(healed->sent, 1U);
  EXPECT_EQ(healed->conflicts, 0U);
  ASSERT_TRUE(off.pull(officerClient, 300ms).ok());
  ASSERT_TRUE(nur.pull(*nurseClient, 300ms).ok());
  for (const auto& id : {a, b, c}) {
    ASSERT_TRUE(off.object(id).has_value());
    ASSERT_TRUE(nur.object(id).has_value());
    EXPECT_EQ(off.object(id)->version, 1U);
    EXPECT_EQ(nur.object(id)->version, 1U);
    EXPECT_FALSE(off.object(id)->pending);
  }
  EXPECT_EQ(text(off.object(c)->plaintext), "C: vården under avbrottet");
  EXPECT_EQ(off.objects("minutes").size(), 3U);
  EXPECT_EQ(off.lastEventSeq(), nur.lastEventSeq()) << "both caught up with every event";

  // Cut: every connection reset. The client connects again on its own.
  const std::size_t before = proxy->accepted();
  proxy->cut();
  const crypto::ObjectId d = crypto::ObjectId::random();
  ASSERT_TRUE(off.write(d, "minutes", crypto::asBytes("D: efter återanslutning")).ok());
  auto again = off.push(officerClient);
  for (int i = 0; i < 30 && again.ok() && again->waiting > 0; ++i) {
    std::this_thread::sleep_for(100ms);
    again = off.push(officerClient);
  }
  ASSERT_TRUE(again.ok()) << again.error().describe();
  EXPECT_EQ(again->waiting, 0U);
  EXPECT_GT(proxy->accepted(), before) << "the client made a new connection";
  ASSERT_TRUE(nur.pull(*nurseClient, 300ms).ok());
  ASSERT_TRUE(nur.object(d).has_value());
  EXPECT_EQ(nur.object(d)->version, 1U);
  ASSERT_TRUE(off.pull(officerClient, 300ms).ok());
  EXPECT_EQ(off.lastEventSeq(), nur.lastEventSeq());
}

// A link that dies without a word (a NAT forgets it, the laptop moves to
// another network): the client's keepalive finds the dead connection and a
// later attempt goes over a new one, within seconds. Without keepalive every
// call would ride the dead connection to its deadline until TCP gave up,
// many minutes later.
TEST_F(Replica, ALinkThatDiesWithoutAWordIsNoticedAndTheClientConnectsAgain) {
  config_.minClientPingMs = 200;
  ASSERT_NO_FATAL_FAILURE(restartServer());

  auto [coord, officer, coordClient, officerDirect] = coordinatorAndOfficer();

  auto proxy = testing::TcpProxy::start(server_->port());
  ASSERT_TRUE(proxy);
  client::ServerEndpoint endpoint{"127.0.0.1:" + std::to_string(proxy->port()), pki_.caCert, ""};
  endpoint.keepalive = 500ms;
  endpoint.keepaliveTimeout = 500ms;
  auto channel = client::openChannel(endpoint);
  ASSERT_TRUE(channel.ok());
  client::PlatformClient officerClient(*channel, 1500ms);
  ASSERT_TRUE(officerClient.login(officer.device, officer.signing).ok());
  ASSERT_NO_FATAL_FAILURE(openReplica("officer", officer, officerClient));
  ASSERT_NO_FATAL_FAILURE(openReplica("coord", coord, *coordClient));
  auto& off = *replicas_["officer"];
  auto& crd = *replicas_["coord"];
  const crypto::ObjectId a = crypto::ObjectId::random();
  ASSERT_TRUE(off.write(a, "minutes", crypto::asBytes("A: före tystnaden")).ok());
  auto first = off.push(officerClient);
  ASSERT_TRUE(first.ok() && first->sent == 1U);

  const std::size_t before = proxy->accepted();
  proxy->silence();
  const crypto::ObjectId b = crypto::ObjectId::random();
  ASSERT_TRUE(off.write(b, "minutes", crypto::asBytes("B: efter tystnaden")).ok());
  const auto t0 = std::chrono::steady_clock::now();
  auto sent = off.push(officerClient);
  while (sent.ok() && sent->waiting > 0 && std::chrono::steady_clock::now() - t0 < 20s) {
    std::this_thread::sleep_for(200ms);
    sent = off.push(officerClient);
  }
  const auto took = std::chrono::steady_clock::now() - t0;
  ASSERT_TRUE(sent.ok()) << sent.error().describe();
  EXPECT_EQ(sent->waiting, 0U) << "the edit is still waiting after 20 s on a dead connection";
  EXPECT_GT(proxy->accepted(), before) << "the client made a new connection";
  EXPECT_LT(took, 20s);
  std::printf("[ measured ] the link went silent; the edit was through after %.1f s\n",
              std::chrono::duration<double>(took).count());
  ASSERT_TRUE(crd.pull(*coordClient, 300ms).ok());
  ASSERT_TRUE(crd.object(b).has_value());
  EXPECT_EQ(crd.object(b)->version, 1U);
  EXPECT_EQ(text(crd.object(b)->plaintext), "B: efter tystnaden");
  ASSERT_TRUE(off.pull(officerClient, 300ms).ok());
  EXPECT_EQ(off.lastEventSeq(), crd.lastEventSeq());
}

// The server's side of the same: a subscriber whose link dies without a word
// (its laptop closed on a train) must not hold its stream, and the server's
// resources, for ever. The server pings a quiet connection and closes it when
// no answer comes. The stream is quiet first for longer than two keepalive
// intervals, as a group's stream is between meetings: gRPC stops pinging
// after two pings without data unless told otherwise, and then a dead
// subscriber would never be noticed.
TEST_F(Replica, TheServerLetsGoOfASubscriberWhoseLinkDied) {
  config_.keepaliveSeconds = 10;  // the shortest validate() allows
  config_.keepaliveTimeoutSeconds = 1;
  ASSERT_NO_FATAL_FAILURE(restartServer());

  auto [coord, officer, coordClient, officerDirect] = coordinatorAndOfficer();

  auto proxy = testing::TcpProxy::start(server_->port());
  ASSERT_TRUE(proxy);
  client::ServerEndpoint endpoint{"127.0.0.1:" + std::to_string(proxy->port()), pki_.caCert, ""};
  endpoint.keepalive = std::chrono::hours(1);  // only the server may find out
  auto channel = client::openChannel(endpoint);
  ASSERT_TRUE(channel.ok());
  client::PlatformClient subscriber(*channel, 1500ms);
  ASSERT_TRUE(subscriber.login(officer.device, officer.signing).ok());
  std::atomic<int> events{0};
  std::thread stream([&] {
    // Ends when the proxy goes away at the end of the test.
    (void)subscriber.subscribe(
        group_, 0,
        [&](const client::ObjectEvent&) {
          ++events;
          return true;
        },
        120s);
  });
  const auto until = std::chrono::steady_clock::now() + 10s;
  while (events.load() == 0 && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(50ms);
  }
  EXPECT_GT(events.load(), 0) << "the group's first events (link, keys) reached the subscriber";

  std::this_thread::sleep_for(25s);  // a quiet stream: more than two keepalive pings
  ASSERT_EQ(proxy->closedByServerAfterSilence(), 0U) << "a live quiet stream stays open";
  proxy->silence();
  const auto t0 = std::chrono::steady_clock::now();
  while (proxy->closedByServerAfterSilence() == 0 && std::chrono::steady_clock::now() - t0 < 30s) {
    std::this_thread::sleep_for(100ms);
  }
  const auto took = std::chrono::steady_clock::now() - t0;
  EXPECT_EQ(proxy->closedByServerAfterSilence(), 1U)
      << "the server still holds a dead subscriber's connection after 30 s";
  EXPECT_LT(took, 15s);  // one keepalive interval and its timeout, with room
  std::printf("[ measured ] the link went silent; the server closed it after %.1f s\n",
              std::chrono::duration<double>(took).count());
  proxy.reset();  // the subscriber's side closes too: its stream ends
  stream.join();
}

// A client left running renews its login session before the server ends it:
// with 3-second sessions, work done after the first session ran out goes
// through, on a new token, without anyone logging in again.
TEST_F(Replica, AClientThatRunsAllDayRenewsItsSessionBeforeItEnds) {
  config_.limits.sessionSeconds = 3;
  ASSERT_NO_FATAL_FAILURE(restartServer());

  auto [coord, officer, coordClient, officerClient] = coordinatorAndOfficer();
  ASSERT_NO_FATAL_FAILURE(openReplica("officer", officer, *officerClient));
  const std::string firstToken = officerClient->sessionToken();

  for (int round = 0; round < 3; ++round) {
    std::this_thread::sleep_for(2s);
    const crypto::ObjectId id = crypto::ObjectId::random();
    ASSERT_TRUE(replicas_["officer"]->write(id, "minutes", crypto::asBytes("punkt")).ok());
    auto sent = replicas_["officer"]->push(*officerClient);
    ASSERT_TRUE(sent.ok()) << sent.error().describe();
    EXPECT_EQ(sent->sent, 1U) << "round " << round;
    ASSERT_TRUE(coordClient->getObject(group_, id).ok()) << "round " << round;
  }
  EXPECT_NE(officerClient->sessionToken(), firstToken);
}

}  // namespace
}  // namespace samrad::platform_testing
