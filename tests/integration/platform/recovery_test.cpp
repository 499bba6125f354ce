// #25, the agency recovery key end to end: the police's administrator makes
// the key, the coordinator adds it as a visible member, the group works
// through several epochs; an officer's laptop is lost and revoked, the
// officer enrols a new one, and with the recovery key the administrator
// gives the new device the group's whole history — while the old laptop gets
// nothing, and the recovery key can give nothing to anyone else.
#include "samrad/client/recovery.h"

#include <gtest/gtest.h>

#include "replica_fixture.h"
#include "samrad/client/cases.h"
#include "samrad/client/witness_policy.h"
#include "samrad/crypto/note.h"
#include "samrad/server/storage/key_file.h"

namespace samrad::platform_testing {
namespace {

using namespace std::chrono_literals;

class Recovery : public Replica {
 protected:
  client::DeviceIdentity enrolledRecoveryKey(const crypto::SecretBytes& seed) {
    client::Agency police;
    police.id = police_.id;
    police.root = std::move(crypto::SigningKeyPair::fromSeed(police_.root.seed().view())).value();
    auto key = client::issueRecoveryIdentity(police, seed, nowSeconds(), 365LL * 24 * 3600);
    EXPECT_TRUE(key.ok());
    EXPECT_TRUE(police_.admin.device.client->registerUser(key->userCertificate.serialize()).ok());
    auto code = police_.admin.device.client->issueEnrollmentCode(key->user);
    EXPECT_TRUE(code.ok());
    auto c = connect();
    EXPECT_TRUE(c->enrollDevice(*code, key->deviceCertificate.serialize()).ok());
    return std::move(key).value();
  }

  crypto::ObjectId note(const std::string& who, const std::string& text) {
    const auto id = crypto::ObjectId::random();
    EXPECT_TRUE(replicas_[who]->write(id, "note", crypto::asBytes(text)).ok());
    auto pushed = replicas_[who]->push(*clients_[who]);
    EXPECT_TRUE(pushed.ok() && pushed->sent == 1);
    return id;
  }

  std::map<std::string, std::unique_ptr<client::PlatformClient>> clients_;
};

TEST_F(Recovery, ALostLaptopsReplacementGetsTheWholeHistoryAndTheOldOneNothing) {
  threeAgencies();
  auto coord = identity(social_, crypto::UserRole::Member);
  auto officer = identity(police_, crypto::UserRole::Member);
  clients_["coord"] = enrol(social_, coord);
  clients_["officer"] = enrol(police_, officer);
  const auto epochKey = crypto::SecretBytes::random(32);
  startGroup(coord, *clients_["coord"], {&officer}, &epochKey);
  ASSERT_NO_FATAL_FAILURE(openReplica("coord", coord, *clients_["coord"]));
  ASSERT_NO_FATAL_FAILURE(openReplica("officer", officer, *clients_["officer"]));
  auto& coordReplica = *replicas_["coord"];

  // The police's recovery key, made from its words and added by the
  // coordinator as a member everyone sees.
  const auto seed = client::newRecoverySeed();
  const auto words = client::recoveryWords(seed);
  const auto recovery = enrolledRecoveryKey(seed);
  ASSERT_TRUE(coordReplica
                  .changeMembership(
                      *clients_["coord"],
                      crypto::OpRecoveryEscrow{recovery.memberSpec(crypto::GroupRole::Recovery)},
                      nowSeconds())
                  .ok());
  EXPECT_EQ(coordReplica.chain().state().members.at(recovery.user).role,
            crypto::GroupRole::Recovery);

  // Three epochs of the group's life, each with something written in it,
  // and a case the police referred.
  ASSERT_TRUE(replicas_["officer"]->refreshChain(*clients_["officer"]).ok());
  const auto first = note("officer", "MINNE-EPOK-1");
  client::CaseBook officerCases(*replicas_["officer"], police_.id, officer.user);
  auto referred = officerCases.refer({"NRS-2026-300",
                                      client::CaseKind::Deidentified,
                                      client::Urgency::Planned,
                                      false,
                                      "ARENDE-HISTORIK",
                                      {},
                                      nowSeconds(),
                                      {},
                                      {}});
  ASSERT_TRUE(referred.ok()) << referred.error().describe();
  ASSERT_TRUE(replicas_["officer"]->push(*clients_["officer"]).ok());
  ASSERT_TRUE(
      coordReplica.changeMembership(*clients_["coord"], crypto::OpNewEpoch{}, nowSeconds()).ok());
  ASSERT_TRUE(replicas_["officer"]->refreshChain(*clients_["officer"]).ok());
  const auto second = note("officer", "MINNE-EPOK-2");
  ASSERT_TRUE(
      coordReplica.changeMembership(*clients_["coord"], crypto::OpNewEpoch{}, nowSeconds()).ok());
  const auto third = note("coord", "MINNE-EPOK-3");

  // The laptop is lost: the administrator revokes it; the coordinator's
  // computer takes it out of the group with a new epoch.
  ASSERT_TRUE(police_.admin.device.client->revokeDevice(officer.device).ok());
  ASSERT_TRUE(coordReplica.refreshRevocations(*clients_["coord"]).ok());
  auto out = coordReplica.excludeUnusable(*clients_["coord"], nowSeconds());
  ASSERT_TRUE(out.ok()) << out.error().describe();
  ASSERT_EQ(out->size(), 1U);
  const auto fourth = note("coord", "MINNE-EPOK-5");

  // The officer enrols a new laptop (same person, new device) and the
  // coordinator adds it.
  client::DeviceIdentity laptop = copyOf(officer);
  laptop.device = crypto::DeviceId::random();
  laptop.signing = crypto::SigningKeyPair::generate();
  laptop.box = crypto::BoxKeyPair::generate();
  laptop.deviceCertificate = crypto::issueDeviceCertificate(
      laptop.identity, {laptop.device, laptop.user, laptop.signing.publicKey(),
                        laptop.box.publicKey(), nowSeconds() - 60, nowSeconds() + 3600});
  auto code = police_.admin.device.client->issueEnrollmentCode(officer.user);
  ASSERT_TRUE(code.ok());
  clients_["laptop"] = connect();
  ASSERT_TRUE(clients_["laptop"]->enrollDevice(*code, laptop.deviceCertificate.serialize()).ok());
  ASSERT_TRUE(clients_["laptop"]->login(laptop.device, laptop.signing).ok());
  ASSERT_TRUE(
      coordReplica
          .changeMembership(*clients_["coord"],
                            crypto::OpAddMember{laptop.memberSpec(crypto::GroupRole::Member)},
                            nowSeconds())
          .ok());

  // Without the recovery key the new laptop reads only the present.
  ASSERT_NO_FATAL_FAILURE(openReplica("laptop", laptop, *clients_["laptop"]));
  auto present = replicas_["laptop"]->pull(*clients_["laptop"], 200ms);
  ASSERT_TRUE(present.ok()) << present.error().describe();
  EXPECT_FALSE(replicas_["laptop"]->object(first).has_value());

  // The administrator types the words in; the recovery key logs in and
  // gives the new laptop the history.
  auto fromWords = client::recoveryKeys(*client::seedFromWords(words));
  ASSERT_TRUE(fromWords.ok());
  EXPECT_EQ(fromWords->device, recovery.device);
  clients_["recovery"] = connect();
  ASSERT_TRUE(clients_["recovery"]->login(fromWords->device, fromWords->signing).ok());
  ASSERT_NO_FATAL_FAILURE(openReplica("recovery", *fromWords, *clients_["recovery"]));
  client::CaseBook recoveryCases(*replicas_["recovery"], police_.id, recovery.user);
  // Never to another agency's member.
  EXPECT_EQ(replicas_["recovery"]
                ->grantHistory(*clients_["recovery"], coord.device, nowSeconds())
                .error()
                .reason(),
            "recovery.not_own_agency");
  auto restored = client::restoreHistory(*replicas_["recovery"], recoveryCases,
                                         *clients_["recovery"], laptop.device, nowSeconds());
  ASSERT_TRUE(restored.ok()) << restored.error().describe();
  EXPECT_EQ(restored->epochs, coordReplica.chain().state().epoch);
  EXPECT_EQ(restored->cases, 1U);
  EXPECT_EQ(restored->casesWithout, 0U);

  // At its next sync the new laptop reads everything, from the first epoch on.
  auto all = replicas_["laptop"]->pull(*clients_["laptop"], 200ms);
  ASSERT_TRUE(all.ok()) << all.error().describe();
  const std::pair<crypto::ObjectId, std::string> expected[] = {{first, "MINNE-EPOK-1"},
                                                               {second, "MINNE-EPOK-2"},
                                                               {third, "MINNE-EPOK-3"},
                                                               {fourth, "MINNE-EPOK-5"}};
  for (const auto& [id, text] : expected) {
    auto o = replicas_["laptop"]->object(id);
    ASSERT_TRUE(o.has_value()) << text;
    EXPECT_EQ(std::string(o->plaintext.begin(), o->plaintext.end()), text);
  }
  client::CaseBook laptopCases(*replicas_["laptop"], police_.id, officer.user);
  auto c = laptopCases.find(referred->id);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->brief, "ARENDE-HISTORIK");

  // The lost laptop gets nothing: it cannot log in, and no key of the
  // epochs since it was revoked was ever sealed to it.
  auto thief = connect();
  EXPECT_FALSE(thief->login(officer.device, officer.signing).ok());

  // The recovery key writes nothing of the group's content and shares with
  // nobody outside its agency, even asking the server directly.
  EXPECT_EQ(clients_["recovery"]
                ->shareCase(group_, referred->id, {coord.device}, crypto::randomBytes(16))
                .error()
                .reason(),
            "recovery.not_own_agency");
  ASSERT_TRUE(
      replicas_["recovery"]->write(crypto::ObjectId::random(), "note", crypto::asBytes("x")).ok());
  auto pushed = replicas_["recovery"]->push(*clients_["recovery"]);
  ASSERT_TRUE(pushed.ok());
  EXPECT_EQ(pushed->refused, 1U);
  ASSERT_FALSE(replicas_["recovery"]->conflicts().empty());
  EXPECT_NE(replicas_["recovery"]->conflicts().back().refusedReason.find("group.read_only"),
            std::string::npos)
      << replicas_["recovery"]->conflicts().back().refusedReason;

  server_->shutdown(1s);
  EXPECT_GT(expectStoreHoldsNone({"MINNE-EPOK", "ARENDE-HISTORIK", words.substr(0, 17)}), 20U);
}

// The recovery key is paper kept in a safe: it watches nothing, so it is no
// witness of the log. Before, its device cosigned whatever checkpoint it was
// shown when the administrator used it, and counted as the police's witness.
TEST_F(Recovery, TheRecoveryKeyIsNoWitnessOfTheLog) {
  threeAgencies();
  auto coord = identity(social_, crypto::UserRole::Member);
  auto officer = identity(police_, crypto::UserRole::Member);
  clients_["coord"] = enrol(social_, coord);
  clients_["officer"] = enrol(police_, officer);
  const auto epochKey = crypto::SecretBytes::random(32);
  startGroup(coord, *clients_["coord"], {&officer}, &epochKey);
  // Only the coordinator's computer (social services) watches the log here.
  ASSERT_NO_FATAL_FAILURE(openReplica("coord", coord, *clients_["coord"]));
  auto& coordReplica = *replicas_["coord"];
  const auto recovery = enrolledRecoveryKey(client::newRecoverySeed());
  ASSERT_TRUE(coordReplica
                  .changeMembership(
                      *clients_["coord"],
                      crypto::OpRecoveryEscrow{recovery.memberSpec(crypto::GroupRole::Recovery)},
                      nowSeconds())
                  .ok());
  ASSERT_TRUE(client::setWitnessPolicy(coordReplica, coord.device, 2, nowSeconds()).ok());
  ASSERT_TRUE(coordReplica.push(*clients_["coord"]).ok());

  // The administrator uses the recovery key; its device reads the log.
  clients_["recovery"] = connect();
  ASSERT_TRUE(clients_["recovery"]->login(recovery.device, recovery.signing).ok());
  ASSERT_NO_FATAL_FAILURE(openReplica("recovery", recovery, *clients_["recovery"]));
  ASSERT_TRUE(replicas_["recovery"]->verifyLog(*clients_["recovery"]).ok());
  ASSERT_TRUE(coordReplica.verifyLog(*clients_["coord"]).ok());
  ASSERT_TRUE(replicas_["recovery"]->verifyLog(*clients_["recovery"]).ok());

  // One agency has witnessed, not two: the group is still warned.
  auto policy = client::witnessPolicy(coordReplica);
  ASSERT_TRUE(policy.has_value());
  auto check = client::checkWitnesses(coordReplica, *clients_["coord"], *policy, nowSeconds());
  ASSERT_TRUE(check.ok()) << check.error().describe();
  EXPECT_FALSE(check->ok);
  EXPECT_LT(check->agencies, 2U);
  // And the server takes no cosignature from it.
  auto cosigned =
      clients_["recovery"]->addCosignature(crypto::LogId::ofGroup(group_), 1, crypto::Bytes(76, 0));
  ASSERT_FALSE(cosigned.ok());
  EXPECT_EQ(cosigned.error().reason(), "cosignature.not_witness");

  // A server that stores one anyway (the operator signs with words they
  // photographed) does not meet the policy either: members' clients do not
  // count the key.
  auto witnessed = clients_["coord"]->witnessedCheckpoint(crypto::LogId::ofGroup(group_), 1);
  ASSERT_TRUE(witnessed.ok()) << witnessed.error().describe();
  auto note = crypto::Note::parse(witnessed->first);
  ASSERT_TRUE(note.ok());
  auto key = crypto::SigningKeyPair::fromSeed(recovery.signing.seed().view());
  ASSERT_TRUE(key.ok());
  const crypto::NoteSigner paper("samrad.witness/" + recovery.device.hex(),
                                 crypto::NoteKeyType::Cosignature, std::move(key).value());
  const auto at = static_cast<std::uint64_t>(nowSeconds());
  const crypto::Bytes payload = paper.cosign(note->text, at);
  const int port = server_->port();
  server_->shutdown(std::chrono::seconds(1));
  server_.reset();
  {
    auto dbKey = server::storage::loadOrCreateKeyFile(config_.dataDir / "server.key");
    ASSERT_TRUE(dbKey.ok());
    auto db = db::Database::open(config_.dataDir / "samrad.db", dbKey->view());
    ASSERT_TRUE(db.ok()) << db.error().describe();
    auto put = (*db)->prepare(
        "INSERT INTO tlog_cosignatures (log_id, size, device_id, agency_id, payload, at) VALUES "
        "(?1, ?2, ?3, ?4, ?5, ?6)");
    ASSERT_TRUE(put.ok());
    put->bindBlob(1, group_.view())
        .bind(2, static_cast<std::int64_t>(witnessed->second))
        .bindBlob(3, recovery.device.view())
        .bindBlob(4, police_.id.view())
        .bindBlob(5, payload)
        .bind(6, static_cast<std::int64_t>(at));
    ASSERT_TRUE(put->run().ok());
  }
  config_.listen = "127.0.0.1:" + std::to_string(port);
  auto app = server::app::ServerApp::start(config_);
  ASSERT_TRUE(app.ok()) << app.error().describe();
  server_ = std::move(app).value();
  clients_["coord"] = connect();
  ASSERT_TRUE(clients_["coord"]->login(coord.device, coord.signing).ok());
  ASSERT_TRUE(clients_["coord"]->witnessedCheckpoint(crypto::LogId::ofGroup(group_), 2).ok())
      << "the server counts it";
  check = client::checkWitnesses(coordReplica, *clients_["coord"], *policy, nowSeconds());
  ASSERT_TRUE(check.ok()) << check.error().describe();
  EXPECT_FALSE(check->ok);
  EXPECT_EQ(check->agencies, 1U);
}

// A replacement gets back what the person had, not the group's history from
// before the person came: an officer who joined in the third epoch is given
// the second (as every member who joins is) and the third, never the first.
TEST_F(Recovery, AGrantReachesBackOnlyAsFarAsThePersonDid) {
  threeAgencies();
  auto coord = identity(social_, crypto::UserRole::Member);
  clients_["coord"] = enrol(social_, coord);
  const auto epochKey = crypto::SecretBytes::random(32);
  startGroup(coord, *clients_["coord"], {}, &epochKey);
  ASSERT_NO_FATAL_FAILURE(openReplica("coord", coord, *clients_["coord"]));
  auto& coordReplica = *replicas_["coord"];
  const auto recovery = enrolledRecoveryKey(client::newRecoverySeed());
  ASSERT_TRUE(coordReplica
                  .changeMembership(
                      *clients_["coord"],
                      crypto::OpRecoveryEscrow{recovery.memberSpec(crypto::GroupRole::Recovery)},
                      nowSeconds())
                  .ok());
  const auto first = note("coord", "FORE-EPOK-1");
  ASSERT_TRUE(
      coordReplica.changeMembership(*clients_["coord"], crypto::OpNewEpoch{}, nowSeconds()).ok());
  const auto second = note("coord", "FORE-EPOK-2");
  ASSERT_TRUE(
      coordReplica.changeMembership(*clients_["coord"], crypto::OpNewEpoch{}, nowSeconds()).ok());
  ASSERT_EQ(coordReplica.chain().state().epoch, 3U);

  // The officer joins now.
  auto officer = identity(police_, crypto::UserRole::Member);
  clients_["officer"] = enrol(police_, officer);
  ASSERT_TRUE(
      coordReplica
          .changeMembership(*clients_["coord"],
                            crypto::OpAddMember{officer.memberSpec(crypto::GroupRole::Member)},
                            nowSeconds())
          .ok());
  const auto third = note("coord", "EPOK-3");

  clients_["recovery"] = connect();
  ASSERT_TRUE(clients_["recovery"]->login(recovery.device, recovery.signing).ok());
  ASSERT_NO_FATAL_FAILURE(openReplica("recovery", recovery, *clients_["recovery"]));
  auto granted =
      replicas_["recovery"]->grantHistory(*clients_["recovery"], officer.device, nowSeconds());
  ASSERT_TRUE(granted.ok()) << granted.error().describe();
  EXPECT_EQ(*granted, 2U) << "epochs 2 and 3, not 1";

  ASSERT_NO_FATAL_FAILURE(openReplica("officer", officer, *clients_["officer"]));
  auto pulled = replicas_["officer"]->pull(*clients_["officer"], 200ms);
  ASSERT_TRUE(pulled.ok()) << pulled.error().describe();
  EXPECT_FALSE(replicas_["officer"]->object(first).has_value());
  EXPECT_TRUE(replicas_["officer"]->object(second).has_value());
  EXPECT_TRUE(replicas_["officer"]->object(third).has_value());

  // The officer's laptop is replaced by one enrolled as a new person (the
  // CLI's way), added in a later epoch: named as standing in for the
  // officer, it gets the officer's epochs back as well as its own.
  ASSERT_TRUE(
      coordReplica.changeMembership(*clients_["coord"], crypto::OpNewEpoch{}, nowSeconds()).ok());
  auto successor = identity(police_, crypto::UserRole::Member);
  clients_["successor"] = enrol(police_, successor);
  ASSERT_TRUE(
      coordReplica
          .changeMembership(*clients_["coord"],
                            crypto::OpAddMember{successor.memberSpec(crypto::GroupRole::Member)},
                            nowSeconds())
          .ok());
  ASSERT_TRUE(replicas_["recovery"]->refreshChain(*clients_["recovery"]).ok());
  EXPECT_EQ(replicas_["recovery"]
                ->grantHistory(*clients_["recovery"], successor.device, nowSeconds(), coord.user)
                .error()
                .reason(),
            "recovery.not_own_agency");
  EXPECT_EQ(replicas_["recovery"]
                ->grantHistory(*clients_["recovery"], successor.device, nowSeconds(),
                               crypto::UserId::random())
                .error()
                .reason(),
            "recovery.not_a_member_before");
  auto alone =
      replicas_["recovery"]->grantHistory(*clients_["recovery"], successor.device, nowSeconds());
  ASSERT_TRUE(alone.ok()) << alone.error().describe();
  EXPECT_EQ(*alone, 2U) << "epochs 3 and 4";
  auto standingIn = replicas_["recovery"]->grantHistory(*clients_["recovery"], successor.device,
                                                        nowSeconds(), officer.user);
  ASSERT_TRUE(standingIn.ok()) << standingIn.error().describe();
  EXPECT_EQ(*standingIn, 3U) << "epochs 2, 3 and 4";
  ASSERT_NO_FATAL_FAILURE(openReplica("successor", successor, *clients_["successor"]));
  ASSERT_TRUE(replicas_["successor"]->pull(*clients_["successor"], 200ms).ok());
  EXPECT_FALSE(replicas_["successor"]->object(first).has_value());
  EXPECT_TRUE(replicas_["successor"]->object(second).has_value());
}

}  // namespace
}  // namespace samrad::platform_testing
