// The platform end to end: a real server on port 0 with TLS and its SQLCipher
// store, and real clients doing real cryptography — three agencies enrolled,
// devices logged in, a consultation group with a membership chain and epoch
// keys, objects written and read, a conflicting write, a subscriber that
// resumes without a gap, a removed member refused, and the server's database
// scanned for plaintext.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <thread>

#include "platform_fixture.h"
#include "samrad/crypto/merkle.h"
#include "samrad/crypto/note.h"
#include "samrad/db/database.h"
#include "samrad/v1/log.pb.h"

namespace samrad::platform_testing {
namespace {

TEST_F(Platform, AConsultationGroupWorksEndToEndAndTheServerStaysBlind) {
  // Everything the server logs, at the most talkative level, goes to a file
  // that is scanned for the plaintext markers at the end.
  const auto logFile = dir_.path() / "server.log";
  log::init(log::Format::Json, log::Level::Debug, logFile.string());
  bootstrap(social_, 2);
  bootstrap(police_, 1);
  bootstrap(health_, 3);
  enrolMember(social_, samordnare_);
  enrolMember(police_, officer_);
  enrolMember(health_, nurse_);
  for (const Agency* a : {&social_, &police_, &health_}) pinned_.pin(a->id, a->root.publicKey());

  // The coordinator creates the group; the server validates the genesis link.
  crypto::MembershipChain local(pinned_, {});
  auto genesis = local.makeLink(group_,
                                crypto::OpCreate{{spec(samordnare_, crypto::GroupRole::Coordinator),
                                                  spec(officer_, crypto::GroupRole::Member),
                                                  spec(nurse_, crypto::GroupRole::Member)}},
                                nowSeconds(), samordnare_.device.signing, samordnare_.device.id);
  ASSERT_TRUE(genesis.ok()) << genesis.error().describe();
  auto head = samordnare_.device.client->createGroup(genesis->serialize());
  ASSERT_TRUE(head.ok()) << head.error().describe();
  auto firstCheckpoint = samordnare_.device.client->checkpoint(crypto::LogId::ofGroup(group_));
  ASSERT_TRUE(firstCheckpoint.ok()) << firstCheckpoint.error().describe();
  const std::string earlyCheckpoint = firstCheckpoint->first;

  // Epoch keys for everyone, opened by each member after validating the chain.
  crypto::MembershipChain chain = fetchChain(*nurse_.device.client);
  const auto e1 = crypto::SecretBytes::random(32);
  auto bundle = crypto::makeEpochKeyBundle(chain, e1, nullptr, samordnare_.device.signing,
                                           samordnare_.device.id, {}, nowSeconds());
  ASSERT_TRUE(bundle.ok());
  ASSERT_TRUE(samordnare_.device.client->putEpochKeys(group_, bundle->serialize()).ok());
  const auto officerKey = epochKeyOf(officer_, fetchChain(*officer_.device.client));
  const auto nurseKey = epochKeyOf(nurse_, chain);
  EXPECT_TRUE(officerKey.equals(e1.view()));

  // A brief with a marker the server must never see.
  const std::string marker = "MARKER-Annika-Svensson-811218-9876";
  const crypto::ObjectId brief = crypto::ObjectId::random();
  auto v1 = officer_.device.client->putObject(
      group_, brief, 0, encrypt(officer_, chain, officerKey, brief, 1, "Ärende: " + marker));
  ASSERT_TRUE(v1.ok()) << v1.error().describe();
  EXPECT_EQ(v1->version, 1U);

  auto fetched = nurse_.device.client->getObject(group_, brief);
  ASSERT_TRUE(fetched.ok()) << fetched.error().describe();
  auto obj = crypto::EncryptedObject::parse(*fetched);
  auto plain = crypto::decryptObject(*obj, {group_, brief, 1, "case-brief"}, chain,
                                     {nurseKey, std::nullopt});
  ASSERT_TRUE(plain.ok()) << plain.error().describe();
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(plain->data()), plain->size()),
            "Ärende: " + marker);

  // Two writers edit version 1 at once: one wins, the other is told, nothing is lost.
  auto a = officer_.device.client->putObject(group_, brief, 1,
                                             encrypt(officer_, chain, officerKey, brief, 2, "A"));
  auto b = nurse_.device.client->putObject(group_, brief, 1,
                                           encrypt(nurse_, chain, nurseKey, brief, 2, "B"));
  ASSERT_TRUE(a.ok()) << a.error().describe();
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().code(), ErrorCode::Aborted);
  EXPECT_EQ(b.error().reason(), "object.conflict");

  // A retried write with the same idempotency key is applied once.
  const crypto::ObjectId minutes = crypto::ObjectId::random();
  const Bytes key = crypto::randomBytes(16);
  const Bytes body = encrypt(officer_, chain, officerKey, minutes, 1, "minnesanteckning");
  auto first = officer_.device.client->putObject(group_, minutes, 0, body, {}, key);
  auto retry = officer_.device.client->putObject(group_, minutes, 0, body, {}, key);
  ASSERT_TRUE(first.ok() && retry.ok()) << (retry.ok() ? "" : retry.error().describe());
  EXPECT_EQ(first->eventSeq, retry->eventSeq);

  // A subscriber reads two events, disconnects, misses writes, and resumes.
  std::vector<std::uint64_t> seen;
  auto last = nurse_.device.client->subscribe(
      group_, 0,
      [&](const client::ObjectEvent& e) {
        seen.push_back(e.seq);
        return seen.size() < 2;
      },
      5s);
  ASSERT_TRUE(last.ok()) << last.error().describe();
  EXPECT_EQ(*last, 2U);
  for (int i = 0; i < 3; ++i) {
    const crypto::ObjectId o = crypto::ObjectId::random();
    ASSERT_TRUE(officer_.device.client
                    ->putObject(group_, o, 0, encrypt(officer_, chain, officerKey, o, 1, "x"))
                    .ok());
  }
  std::atomic<bool> liveSeen{false};
  std::thread writer([&] {
    std::this_thread::sleep_for(300ms);
    const crypto::ObjectId o = crypto::ObjectId::random();
    (void)officer_.device.client->putObject(group_, o, 0,
                                            encrypt(officer_, chain, officerKey, o, 1, "live"));
  });
  const std::uint64_t total = 9;  // genesis, keys, 2 briefs, minutes, 3 objects, 1 live
  auto resumed = nurse_.device.client->subscribe(
      group_, *last,
      [&](const client::ObjectEvent& e) {
        seen.push_back(e.seq);
        if (e.seq == total) liveSeen = true;
        return e.seq < total;
      },
      10s);
  writer.join();
  ASSERT_TRUE(resumed.ok()) << resumed.error().describe();
  EXPECT_TRUE(liveSeen.load());
  std::vector<std::uint64_t> expected(total);
  for (std::uint64_t i = 0; i < total; ++i) expected[i] = i + 1;
  EXPECT_EQ(seen, expected);

  // The nurse is removed: a new epoch, and the server refuses her at once.
  auto removal = chain.makeLink(group_, crypto::OpRemoveMember{nurse_.id}, nowSeconds(),
                                samordnare_.device.signing, samordnare_.device.id);
  ASSERT_TRUE(removal.ok());
  ASSERT_TRUE(samordnare_.device.client->appendLink(group_, removal->serialize()).ok());
  auto refused = nurse_.device.client->getObject(group_, brief);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code(), ErrorCode::PermissionDenied);
  EXPECT_EQ(refused.error().reason(), "group.not_member");
  EXPECT_EQ(nurse_.device.client->getEpochKeys(group_).error().reason(), "group.not_member");

  // Content under the old epoch is refused after the removal.
  crypto::MembershipChain after = fetchChain(*officer_.device.client);
  const crypto::ObjectId late = crypto::ObjectId::random();
  auto stale = officer_.device.client->putObject(
      group_, late, 0, encrypt(officer_, chain, officerKey, late, 1, "old key"));
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().reason(), "object.stale_epoch");
  EXPECT_EQ(after.state().epoch, 2U);

  // The transparency log: a signed checkpoint that verifies with the log's
  // key, every entry included, and the log consistent with an earlier view.
  auto vkey = officer_.device.client->logVerifierKey();
  ASSERT_TRUE(vkey.ok()) << vkey.error().describe();
  auto verifier = crypto::NoteVerifier::parse(*vkey);
  ASSERT_TRUE(verifier.ok());
  const std::vector<crypto::NoteVerifier> known{*verifier};
  auto verified = [&](const std::string& noteText) {
    auto note = crypto::Note::parse(noteText);
    EXPECT_TRUE(note.ok());
    EXPECT_TRUE(crypto::verifyNote(*note, known).ok());
    return *crypto::Checkpoint::parse(note->text);
  };
  const crypto::Checkpoint early = verified(earlyCheckpoint);
  const auto groupLog = crypto::LogId::ofGroup(group_);
  auto cpNow = officer_.device.client->checkpoint(groupLog);
  ASSERT_TRUE(cpNow.ok()) << cpNow.error().describe();
  const crypto::Checkpoint now = verified(cpNow->first);
  EXPECT_EQ(now.origin, verifier->name + "/group/" + group_.hex());
  ASSERT_GT(now.size, early.size);
  auto consistency = officer_.device.client->consistencyProof(groupLog, early.size, now.size);
  ASSERT_TRUE(consistency.ok());
  EXPECT_TRUE(
      crypto::verifyConsistency(early.size, now.size, *consistency, early.root, now.root).ok());
  // Every entry of a log, proven against its checkpoint, by kind.
  auto kindsOf = [&](const crypto::LogId& log, const crypto::Checkpoint& cp) {
    std::map<int, int> kinds;
    auto entries = officer_.device.client->logEntries(log, 0, 1000);
    EXPECT_TRUE(entries.ok());
    if (!entries.ok()) return kinds;
    EXPECT_EQ(entries->size(), cp.size);
    for (std::uint64_t i = 0; i < entries->size(); ++i) {
      auto proof = officer_.device.client->inclusionProof(log, i, cp.size);
      EXPECT_TRUE(proof.ok());
      EXPECT_TRUE(crypto::verifyInclusion(i, cp.size, crypto::merkleLeafHash((*entries)[i]), *proof,
                                          cp.root)
                      .ok())
          << log.describe() << " entry " << i;
      v1::LogEntry e;
      EXPECT_TRUE(e.ParseFromArray((*entries)[i].data(), static_cast<int>((*entries)[i].size())));
      ++kinds[e.kind()];
      if (log.kind == crypto::LogId::Kind::Directory) {
        EXPECT_TRUE(e.group_id().empty()) << "the directory names no group";
      }
      const std::string raw((*entries)[i].begin(), (*entries)[i].end());
      EXPECT_EQ(raw.find("MARKER-Annika"), std::string::npos);
    }
    return kinds;
  };
  // The group's log: its agencies' roots before the links that bring them
  // in, the links (which carry the members' certificates), the reads.
  std::map<int, int> kinds = kindsOf(groupLog, now);
  EXPECT_EQ(kinds[v1::LOG_ENTRY_AGENCY_ROOT], 3);
  EXPECT_EQ(kinds[v1::LOG_ENTRY_USER_CERTIFICATE], 0);
  EXPECT_EQ(kinds[v1::LOG_ENTRY_CHAIN_LINK], 2);
  EXPECT_EQ(kinds[v1::LOG_ENTRY_LOGIN], 0) << "a login is not an audit event";
  EXPECT_EQ(kinds[v1::LOG_ENTRY_OBJECT_READ], 1);  // the nurse's one successful read
  // The directory: who is who, nothing about any group, no logins.
  auto dirNow = officer_.device.client->checkpoint(crypto::LogId::directory());
  ASSERT_TRUE(dirNow.ok()) << dirNow.error().describe();
  const crypto::Checkpoint dir = verified(dirNow->first);
  EXPECT_EQ(dir.origin, verifier->name + "/directory");
  kinds = kindsOf(crypto::LogId::directory(), dir);
  EXPECT_EQ(kinds[v1::LOG_ENTRY_AGENCY_ROOT], 3);
  EXPECT_EQ(kinds[v1::LOG_ENTRY_USER_CERTIFICATE], 6);
  EXPECT_EQ(kinds[v1::LOG_ENTRY_DEVICE_CERTIFICATE], 6);
  EXPECT_EQ(kinds[v1::LOG_ENTRY_CHAIN_LINK], 0);
  EXPECT_EQ(kinds[v1::LOG_ENTRY_LOGIN], 0);

  // The server's database, opened with its own key, holds no plaintext.
  server_->shutdown(1s);
  EXPECT_GT(expectStoreHoldsNone({"MARKER-Annika", "minnesanteckning"}), 50U);

  log::init(log::Format::Text, log::Level::Warn);  // closes the file
  const std::string logged = testing::readFile(logFile);
  EXPECT_NE(logged.find("group.created"), std::string::npos) << "the log file is not in use";
  EXPECT_EQ(logged.find("MARKER-Annika"), std::string::npos);
  EXPECT_EQ(logged.find("minnesanteckning"), std::string::npos);
  EXPECT_EQ(logged.find(samordnare_.device.client->sessionToken()), std::string::npos);
}

}  // namespace
}  // namespace samrad::platform_testing
