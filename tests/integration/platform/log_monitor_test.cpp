// The transparency log as devices hold the server to it: a server restored
// from an old backup shows a log shorter than one its devices already saw,
// and a membership link the server serves but never logged is refused — each
// loudly, stopping the group's use on the device.
#include "samrad/client/log_monitor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "replica_fixture.h"
#include "samrad/client/audit.h"
#include "samrad/client/profile.h"
#include "samrad/client/witness_policy.h"
#include "samrad/crypto/content.h"
#include "samrad/crypto/note.h"
#include "samrad/server/storage/key_file.h"

namespace samrad::platform_testing {
namespace {

namespace fs = std::filesystem;

class TransparencyLog : public Replica {
 protected:
  void SetUp() override {
    Replica::SetUp();
    threeAgencies();
    coord_ = identity(social_, crypto::UserRole::Member);
    officer_ = identity(police_, crypto::UserRole::Member);
    coordClient_ = enrol(social_, coord_);
    officerClient_ = enrol(police_, officer_);
    chain_ = startGroup(coord_, *coordClient_, {&officer_}, &epochKey_);
    ASSERT_NO_FATAL_FAILURE(openReplica("officer", officer_, *officerClient_));
  }

  // Stops the server, lets `edit` change its data folder, starts it again
  // on the same port, and logs the officer in anew.
  void restart(const std::function<void()>& edit) {
    const int port = server_->port();
    server_->shutdown(std::chrono::seconds(1));
    server_.reset();
    edit();
    config_.listen = "127.0.0.1:" + std::to_string(port);
    auto app = server::app::ServerApp::start(config_);
    ASSERT_TRUE(app.ok()) << app.error().describe();
    server_ = std::move(app).value();
    officerClient_ = connect();
    ASSERT_TRUE(officerClient_->login(officer_.device, officer_.signing).ok());
  }

  client::DeviceIdentity coord_, officer_;
  std::unique_ptr<client::PlatformClient> coordClient_, officerClient_;
  [[nodiscard]] crypto::LogId groupLog() const { return crypto::LogId::ofGroup(group_); }
  // A change the group's log records: one more version of a note.
  void writeSomething(const std::string& who, client::PlatformClient& c) {
    auto& replica = *replicas_.at(who);
    ASSERT_TRUE(
        replica.write(crypto::ObjectId::random(), "note", crypto::asBytes("anteckning")).ok());
    ASSERT_TRUE(replica.push(c).ok());
  }

  crypto::MembershipChain chain_{crypto::TrustStore{}, {}};
  crypto::SecretBytes epochKey_ = crypto::SecretBytes::random(32);
};

TEST_F(TransparencyLog, AServerRestoredFromAnOldBackupIsCaughtByTheLogItsDevicesSaw) {
  auto& replica = *replicas_.at("officer");
  const std::uint64_t first = replica.log().size();
  EXPECT_GT(first, 0U) << "the chain's refresh checked a checkpoint";
  // A backup is taken while the server is stopped.
  restart([&] { fs::copy(config_.dataDir, dir_.path() / "backup", fs::copy_options::recursive); });
  // The group goes on: the officer writes twice, the group's log grows.
  for (int i = 0; i < 2; ++i) ASSERT_NO_FATAL_FAILURE(writeSomething("officer", *officerClient_));
  ASSERT_TRUE(replica.pull(*officerClient_, 100ms).ok());
  ASSERT_TRUE(replica.verifyLog(*officerClient_).ok());
  const std::uint64_t later = replica.log().size();
  EXPECT_GT(later, first);
  // The operator restores the old backup: the log is shorter than one the
  // device already accepted.
  restart([&] {
    fs::remove_all(config_.dataDir);
    fs::copy(dir_.path() / "backup", config_.dataDir, fs::copy_options::recursive);
  });
  auto rolled = replica.verifyLog(*officerClient_);
  ASSERT_FALSE(rolled.ok());
  EXPECT_EQ(rolled.error().reason(), "verify.log_rolled_back");
  EXPECT_EQ(replica.pull(*officerClient_, 100ms).error().reason(), "verify.log_rolled_back");
}

TEST_F(TransparencyLog, AMembershipLinkTheServerNeverLoggedIsRefused) {
  // The coordinator signs a real change; the operator slips it into the
  // store behind the log's back, so some devices could be shown it unlogged.
  auto extra = identity(police_, crypto::UserRole::Member);
  auto added =
      chain_.makeLink(group_, crypto::OpAddMember{extra.memberSpec(crypto::GroupRole::Member)},
                      nowSeconds(), coord_.signing, coord_.device);
  ASSERT_TRUE(added.ok());
  restart([&] {
    auto key = server::storage::loadOrCreateKeyFile(config_.dataDir / "server.key");
    ASSERT_TRUE(key.ok());
    auto db = db::Database::open(config_.dataDir / "samrad.db", key->view());
    ASSERT_TRUE(db.ok()) << db.error().describe();
    auto put = (*db)->prepare("INSERT INTO chain_links (group_id, seq, link) VALUES (?1, ?2, ?3)");
    ASSERT_TRUE(put.ok());
    put->bindBlob(1, group_.view())
        .bind(2, static_cast<std::int64_t>(chain_.state().seq + 1))
        .bindBlob(3, added->serialize());
    ASSERT_TRUE(put->run().ok());
  });
  auto& replica = *replicas_.at("officer");
  auto refused = replica.refreshChain(*officerClient_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason(), "verify.not_in_log");
  EXPECT_EQ(replica.chain().state().members.count(extra.user), 0U) << "the link was not accepted";
  EXPECT_EQ(replica.pull(*officerClient_, 100ms).error().reason(), "verify.not_in_log");
}

// Witnesses: every device that verified the log cosigns the checkpoint the
// server puts up for witnessing; a lawyer can require k agencies.
TEST_F(TransparencyLog, DevicesOfTwoAgenciesWitnessOneCheckpoint) {
  ASSERT_NO_FATAL_FAILURE(openReplica("coord", coord_, *coordClient_));
  ASSERT_TRUE(replicas_.at("officer")->verifyLog(*officerClient_).ok());
  ASSERT_TRUE(replicas_.at("coord")->verifyLog(*coordClient_).ok());

  auto witnessed = coordClient_->witnessedCheckpoint(groupLog(), 2);
  ASSERT_TRUE(witnessed.ok()) << witnessed.error().describe();
  auto note = crypto::Note::parse(witnessed->first);
  ASSERT_TRUE(note.ok());
  auto vkey = coordClient_->logVerifierKey();
  ASSERT_TRUE(vkey.ok());
  const std::vector<crypto::NoteVerifier> known = {
      *crypto::NoteVerifier::parse(*vkey),
      crypto::NoteVerifier::make("samrad.witness/" + coord_.device.hex(),
                                 crypto::NoteKeyType::Cosignature, coord_.signing.publicKey()),
      crypto::NoteVerifier::make("samrad.witness/" + officer_.device.hex(),
                                 crypto::NoteKeyType::Cosignature, officer_.signing.publicKey())};
  auto signatures = crypto::verifyNote(*note, known);
  ASSERT_TRUE(signatures.ok()) << signatures.error().describe();
  EXPECT_EQ(signatures->size(), 3U) << "the log and two agencies' devices";
  EXPECT_EQ(coordClient_->witnessedCheckpoint(groupLog(), 3).error().reason(), "log.not_witnessed");

  // What the server refuses: another device's key, a stale time, a size
  // nobody was asked to witness, a truncated cosignature.
  const std::uint64_t size = witnessed->second;
  const auto cp = crypto::Checkpoint::parse(note->text);
  ASSERT_TRUE(cp.ok());
  const auto now = static_cast<std::uint64_t>(nowSeconds());
  const crypto::NoteSigner impostor("samrad.witness/" + officer_.device.hex(),
                                    crypto::NoteKeyType::Cosignature,
                                    crypto::SigningKeyPair::generate());
  EXPECT_EQ(officerClient_->addCosignature(groupLog(), size, impostor.cosign(note->text, now))
                .error()
                .reason(),
            "cosignature.bad_signature");
  auto officerKey = crypto::SigningKeyPair::fromSeed(officer_.signing.seed().view());
  const crypto::NoteSigner officer("samrad.witness/" + officer_.device.hex(),
                                   crypto::NoteKeyType::Cosignature, std::move(*officerKey));
  EXPECT_EQ(officerClient_->addCosignature(groupLog(), size, officer.cosign(note->text, now - 7200))
                .error()
                .reason(),
            "cosignature.bad_time");
  EXPECT_EQ(officerClient_->addCosignature(groupLog(), size + 1000, officer.cosign(note->text, now))
                .error()
                .reason(),
            "log.not_witnessed");
  EXPECT_EQ(officerClient_->addCosignature(groupLog(), size, crypto::Bytes(10, 1)).error().reason(),
            "cosignature.malformed");

  // The audit bundle on the witnessed checkpoint: a lawyer requires both.
  const auto bundle = dir_.path() / "audit";
  auto exported = client::exportAuditBundle(
      *coordClient_, replicas_.at("coord")->log(), coord_, "",
      {group_, 0, nowSeconds() + 3600, std::nullopt, nowSeconds(), 2}, bundle);
  ASSERT_TRUE(exported.ok()) << exported.error().describe();
  EXPECT_EQ(exported->logSize, size);
  // Counted only against the agencies the lawyer trusts: the bundle's own
  // list (or the log's roots) could name agencies the operator created.
  auto untrusted = client::verifyAuditBundle(bundle, {{}, {}, 2});
  ASSERT_FALSE(untrusted.ok()) << "a quorum was met without saying whom the lawyer trusts";
  EXPECT_NE(untrusted.failures.front().reason.find("--trust"), std::string::npos)
      << untrusted.failures.front().reason;
  const client::AgencyKey social{social_.id, social_.root.publicKey(), "Socialtjänsten"};
  const client::AgencyKey police{police_.id, police_.root.publicKey(), "Polisen"};
  auto verified = client::verifyAuditBundle(bundle, {{}, {social, police}, 2});
  EXPECT_TRUE(verified.ok()) << (verified.ok() ? "" : verified.failures.front().reason);
  EXPECT_EQ(verified.report.find("no agency has cosigned"), std::string::npos) << verified.report;
  auto three = client::verifyAuditBundle(bundle, {{}, {social, police}, 3});
  ASSERT_FALSE(three.ok());
  EXPECT_EQ(three.failures.front().reason, "cosigned by 2 trusted agencies, 3 required");
  auto one = client::verifyAuditBundle(bundle, {{}, {social}, 2});
  ASSERT_FALSE(one.ok());
  EXPECT_EQ(one.failures.front().reason,
            "cosigned by 1 trusted agencies, 2 required; 1 by agencies you do not trust");

  // Cosignatures dated after the export (beyond the clocks' allowance) do
  // not count: this export says it was made two hours before them.
  const auto early = dir_.path() / "audit-early";
  auto earlyExport = client::exportAuditBundle(
      *coordClient_, replicas_.at("coord")->log(), coord_, "",
      {group_, 0, nowSeconds() + 3600, std::nullopt, nowSeconds() - 7200, 2}, early);
  ASSERT_TRUE(earlyExport.ok()) << earlyExport.error().describe();
  auto stale = client::verifyAuditBundle(early, {{}, {social, police}, 2});
  ASSERT_FALSE(stale.ok());
  const std::string outside =
      "cosigned by 0 trusted agencies, 2 required; 2 dated outside the checkpoint's window";
  EXPECT_TRUE(std::any_of(stale.failures.begin(), stale.failures.end(),
                          [&](const client::AuditFailure& f) { return f.reason == outside; }))
      << stale.failures.front().file << ": " << stale.failures.front().reason;
}

// A server that puts up for witnessing a checkpoint of a log other than the
// one it shows the device (a split view) is caught: the device checks the
// checkpoint is consistent with what it accepted before it cosigns, and
// stops using the group when it is not.
TEST_F(TransparencyLog, ACheckpointToWitnessFromAnotherLogStopsTheDevice) {
  auto& replica = *replicas_.at("officer");
  ASSERT_TRUE(replica.verifyLog(*officerClient_).ok());
  const std::uint64_t seen = replica.log().size();
  ASSERT_GT(seen, 2U);
  restart([&] {
    auto key = server::storage::loadOrCreateKeyFile(config_.dataDir / "server.key");
    ASSERT_TRUE(key.ok());
    auto db = db::Database::open(config_.dataDir / "samrad.db", key->view());
    ASSERT_TRUE(db.ok()) << db.error().describe();
    ASSERT_TRUE((*db)->exec("DELETE FROM tlog_witness").ok());
    auto put = (*db)->prepare(
        "INSERT INTO tlog_witness (log_id, size, root, chosen_at) VALUES (?1, ?2, ?3, ?4)");
    ASSERT_TRUE(put.ok());
    const auto otherRoot = crypto::sha256(crypto::asBytes("another history"));
    put->bindBlob(1, group_.view())
        .bind(2, static_cast<std::int64_t>(seen - 1))
        .bindBlob(3, otherRoot.view())
        .bind(4, nowSeconds());
    ASSERT_TRUE(put->run().ok());
  });
  auto refused = replica.verifyLog(*officerClient_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason(), "verify.log_inconsistent");
  EXPECT_EQ(replica.pull(*officerClient_, 100ms).error().reason(), "verify.log_inconsistent")
      << "the device stops using the group";
}

// A server that shows two members different logs (a split view) while
// relaying the group's objects as it must: the members' devices exchange
// their views of the log through the group, encrypted and signed, and the
// one shown the other history cannot be given a consistency proof between
// them — it stops, loudly.
TEST_F(TransparencyLog, MembersShownDifferentLogsFindOutThroughTheGroup) {
  ASSERT_NO_FATAL_FAILURE(openReplica("coord", coord_, *coordClient_));
  auto& officer = *replicas_.at("officer");
  auto& coord = *replicas_.at("coord");
  officer.setLogViewInterval(std::chrono::seconds(0));
  coord.setLogViewInterval(std::chrono::seconds(0));
  // Honest: both publish their views and check each other's.
  for (int round = 0; round < 2; ++round) {
    ASSERT_TRUE(officer.verifyLog(*officerClient_).ok());
    ASSERT_TRUE(coord.verifyLog(*coordClient_).ok());
    ASSERT_TRUE(officer.push(*officerClient_).ok());
    ASSERT_TRUE(coord.push(*coordClient_).ok());
    ASSERT_TRUE(officer.pull(*officerClient_, 100ms).ok());
    ASSERT_TRUE(coord.pull(*coordClient_, 100ms).ok());
  }
  ASSERT_TRUE(coord.object(client::GroupReplica::logViewId(officer_.device)).has_value());
  ASSERT_TRUE(coord.verifyLog(*coordClient_).ok()) << "the views agree";

  // The server forks its store: the officer goes on with one history...
  const fs::path fork = dir_.path() / "fork";
  restart([&] { fs::copy(config_.dataDir, fork, fs::copy_options::recursive); });
  for (int i = 0; i < 2; ++i) ASSERT_NO_FATAL_FAILURE(writeSomething("officer", *officerClient_));
  ASSERT_TRUE(officer.verifyLog(*officerClient_).ok());
  ASSERT_TRUE(officer.push(*officerClient_).ok());
  const auto viewId = client::GroupReplica::logViewId(officer_.device);
  auto view = officerClient_->getObject(group_, viewId);
  ASSERT_TRUE(view.ok()) << view.error().describe();
  auto sealed = crypto::EncryptedObject::parse(*view);
  ASSERT_TRUE(sealed.ok());

  // ...and the coordinator is shown the other, which grows differently.
  restart([&] {
    fs::remove_all(config_.dataDir);
    fs::copy(fork, config_.dataDir, fs::copy_options::recursive);
  });
  coordClient_ = connect();
  ASSERT_TRUE(coordClient_->login(coord_.device, coord_.signing).ok());
  for (int i = 0; i < 4; ++i) ASSERT_NO_FATAL_FAILURE(writeSomething("coord", *coordClient_));
  ASSERT_TRUE(coord.verifyLog(*coordClient_).ok()) << "the fork extends what the coordinator saw";
  // The server relays the officer's encrypted view as it must: it cannot
  // read or change it.
  ASSERT_TRUE(
      officerClient_->putObject(group_, viewId, sealed->context.version - 1, *view, {}).ok());
  ASSERT_TRUE(coord.pull(*coordClient_, 100ms).ok());
  auto caught = coord.verifyLog(*coordClient_);
  ASSERT_FALSE(caught.ok());
  EXPECT_EQ(caught.error().reason(), "verify.split_view");
  EXPECT_EQ(coord.pull(*coordClient_, 100ms).error().reason(), "verify.split_view")
      << "the coordinator's device stops using the group";
}

}  // namespace
}  // namespace samrad::platform_testing

namespace samrad::platform_testing {
namespace {

// #25, a low item: a newcomer no longer trusts the first log key the server
// shows. The coordinator's "Save agency keys" file carries the log's key; the
// newcomer's device pins it and refuses a log signed by any other — a server
// that shows a newcomer a log of its own is caught at the first sync.
TEST_F(TransparencyLog, ANewcomerGivenTheLogKeyRefusesAServerThatSignsWithAnother) {
  const std::string real = replicas_.at("officer")->log().verifierKey();
  ASSERT_FALSE(real.empty());
  client::Profile coordinator;
  coordinator.pin(social_.id, social_.root.publicKey());
  coordinator.pin(police_.id, police_.root.publicKey());
  const std::string file = client::agencyKeysFile(coordinator, real);
  auto parsed = client::parseLogKey(file);
  ASSERT_TRUE(parsed.ok()) << parsed.error().describe();
  ASSERT_TRUE(parsed->has_value());
  EXPECT_EQ(**parsed, real);
  EXPECT_EQ(client::parseAgencyKeys(file)->size(), 2U);
  EXPECT_FALSE(client::parseLogKey(client::agencyKeysFile(coordinator))->has_value());
  EXPECT_EQ(client::parseLogKey("log_key=not-a-key\n").error().reason(), "profile.bad_log_key");

  // A key handed over that differs from the one the device holds is not
  // taken silently.
  const std::string other =
      crypto::NoteVerifier::make("samrad.log/another", crypto::NoteKeyType::Ed25519,
                                 crypto::SigningKeyPair::generate().publicKey())
          .vkey();
  client::Profile newcomer;
  ASSERT_TRUE(client::pinLogKey(newcomer, real).ok());
  EXPECT_TRUE(client::pinLogKey(newcomer, real).ok());
  EXPECT_EQ(client::pinLogKey(newcomer, other).error().reason(), "profile.log_key_mismatch");

  // A device that pinned another key refuses this server's log at once; one
  // that pinned the real key syncs.
  auto wrongStore = localStore("pinned-other");
  auto wrong =
      client::GroupReplica::open(wrongStore->database(), copyOf(officer_), pinned_, group_, other);
  ASSERT_TRUE(wrong.ok());
  auto refused = (*wrong)->refreshChain(*officerClient_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason(), "verify.log_key_changed");
  auto rightStore = localStore("pinned-real");
  auto right =
      client::GroupReplica::open(rightStore->database(), copyOf(officer_), pinned_, group_, real);
  ASSERT_TRUE(right.ok());
  EXPECT_TRUE((*right)->refreshChain(*officerClient_).ok());
}

}  // namespace
}  // namespace samrad::platform_testing

namespace samrad::platform_testing {
namespace {

// #25, a low item: the group's coordinator sets how many of its agencies
// must witness the log; every member's client checks the cosignatures itself
// (against the group's own devices, not the server's count) and warns until
// they are there, and when they stop coming.
TEST_F(TransparencyLog, AMemberIsWarnedUntilTheGroupsAgenciesWitnessTheLog) {
  auto& officer = *replicas_.at("officer");
  const std::int64_t now = nowSeconds();
  // Only the officer's device has synced (and witnessed) so far: a group
  // that asks for two agencies is warned.
  ASSERT_TRUE(officer.verifyLog(*officerClient_).ok());
  auto early = client::checkWitnesses(officer, *officerClient_, {2, now, coord_.device}, now);
  ASSERT_TRUE(early.ok()) << early.error().describe();
  EXPECT_FALSE(early->ok);
  EXPECT_EQ(early->agencies, 0U);

  // The coordinator's device syncs (and witnesses), and sets the policy.
  ASSERT_NO_FATAL_FAILURE(openReplica("coord", coord_, *coordClient_));
  auto& coord = *replicas_.at("coord");
  EXPECT_EQ(client::setWitnessPolicy(officer, officer_.device, 2, now).error().reason(),
            "witness.not_coordinator");
  EXPECT_EQ(client::setWitnessPolicy(coord, coord_.device, 3, now).error().reason(),
            "witness.bad_policy");  // the group has two agencies
  ASSERT_TRUE(client::setWitnessPolicy(coord, coord_.device, 2, now).ok());
  ASSERT_TRUE(coord.push(*coordClient_).ok());
  ASSERT_TRUE(officer.pull(*officerClient_, 300ms).ok());
  auto policy = client::witnessPolicy(officer);
  ASSERT_TRUE(policy.has_value());
  EXPECT_EQ(policy->agencies, 2U);
  EXPECT_EQ(policy->setBy, coord_.device);

  // Both agencies' devices have witnessed: no warning.
  ASSERT_TRUE(coord.verifyLog(*coordClient_).ok());
  ASSERT_TRUE(officer.verifyLog(*officerClient_).ok());
  auto check = client::checkWitnesses(officer, *officerClient_, *policy, nowSeconds());
  ASSERT_TRUE(check.ok()) << check.error().describe();
  EXPECT_TRUE(check->ok);
  EXPECT_EQ(check->agencies, 2U);
  // Three days without a new cosignature: a warning again.
  check = client::checkWitnesses(officer, *officerClient_, *policy, nowSeconds() + 3 * 24 * 3600);
  ASSERT_TRUE(check.ok());
  EXPECT_FALSE(check->ok);

  // A policy object written by a member who is not the coordinator does not count.
  const crypto::Hash h =
      crypto::sha256({crypto::asBytes("samrad/v1/witness-policy"), group_.view()});
  const auto policyId = *crypto::ObjectId::fromBytes(crypto::ByteView(h.bytes.data(), 16));
  ASSERT_TRUE(officer.write(policyId, "witness-policy", crypto::asBytes("agencies=0\n")).ok());
  EXPECT_FALSE(client::witnessPolicy(officer).has_value());
}

}  // namespace
}  // namespace samrad::platform_testing
