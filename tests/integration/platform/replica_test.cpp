// Two devices keep replicas of a group against the real server: a write
// reaches the other device decrypted and verified; an edit made while the
// server is unreachable waits in the outbox; two edits of the same item from
// the same version surface as a conflict that keeps the losing edit whole;
// the person's merge is sent on top; and everything survives a restart of the
// device's encrypted local store.
#include "samrad/client/replica.h"

#include <gtest/gtest.h>

#include "platform_fixture.h"
#include "replica_fixture.h"
#include "samrad/client/cases.h"

namespace samrad::platform_testing {
namespace {

std::string text(const Bytes& b) {
  return {b.begin(), b.end()};
}

TEST_F(Replica, AServerThatDropsAcceptedMembershipLinksIsRefusedLoudly) {
  threeAgencies();
  auto coord = identity(social_, crypto::UserRole::Member);
  auto officer = identity(police_, crypto::UserRole::Member);
  auto coordClient = enrol(social_, coord);
  auto officerClient = enrol(police_, officer);
  crypto::MembershipChain chain = startGroup(coord, *coordClient, {&officer}, nullptr);

  // The device once accepted a second, valid link (a member added) that the
  // server no longer shows: a rollback, as a compromised server might try.
  auto extra = identity(police_, crypto::UserRole::Member);
  auto added =
      chain.makeLink(group_, crypto::OpAddMember{extra.memberSpec(crypto::GroupRole::Member)},
                     nowSeconds(), coord.signing, coord.device);
  ASSERT_TRUE(added.ok() && chain.append(*added).ok());
  auto store = localStore("officer");
  for (std::size_t i = 0; i < chain.links().size(); ++i) {
    auto put = store->database().prepare(
        "INSERT INTO replica_links (group_id, seq, link) VALUES (?1, ?2, ?3)");
    ASSERT_TRUE(put.ok());
    put->bindBlob(1, group_.view())
        .bind(2, static_cast<std::int64_t>(i))
        .bindBlob(3, chain.links()[i].serialize());
    ASSERT_TRUE(put->run().ok());
  }
  auto replica = client::GroupReplica::open(store->database(), std::move(officer), pinned_, group_);
  ASSERT_TRUE(replica.ok()) << replica.error().describe();
  EXPECT_EQ((*replica)->chain().state().seq, chain.state().seq);
  auto refreshed = (*replica)->refreshChain(*officerClient);
  ASSERT_FALSE(refreshed.ok());
  EXPECT_EQ(refreshed.error().reason(), "verify.chain_rewritten");
  // It stays stopped: nothing is read or written until a person looks.
  EXPECT_EQ((*replica)->pull(*officerClient, 100ms).error().reason(), "verify.chain_rewritten");
  EXPECT_EQ((*replica)
                ->write(crypto::ObjectId::random(), "case-brief", crypto::asBytes("x"))
                .error()
                .reason(),
            "verify.chain_rewritten");

  // A link in the local store that no root signed is refused when opening.
  auto other = localStore("tampered");
  auto forged =
      crypto::MembershipChain(pinned_, {})
          .makeLink(group_, crypto::OpCreate{{extra.memberSpec(crypto::GroupRole::Coordinator)}},
                    nowSeconds(), extra.signing, extra.device);
  ASSERT_TRUE(forged.ok());
  auto put = other->database().prepare(
      "INSERT INTO replica_links (group_id, seq, link) VALUES (?1, 0, ?2)");
  ASSERT_TRUE(put.ok());
  put->bindBlob(1, group_.view()).bindBlob(2, chain.links()[0].serialize());
  ASSERT_TRUE(put->run().ok());
  auto put2 = other->database().prepare(
      "INSERT INTO replica_links (group_id, seq, link) VALUES (?1, 1, ?2)");
  ASSERT_TRUE(put2.ok());
  put2->bindBlob(1, group_.view()).bindBlob(2, forged->serialize());
  ASSERT_TRUE(put2->run().ok());
  auto refused = client::GroupReplica::open(
      other->database(), identity(police_, crypto::UserRole::Member), pinned_, group_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code(), ErrorCode::DataLoss);
}

TEST_F(Replica, ARecusedMemberGetsNeitherTheCaseKeyNorTheCiphertext) {
  threeAgencies();
  auto coord = identity(social_, crypto::UserRole::Member);
  auto officer = identity(police_, crypto::UserRole::Member);
  auto nurse = identity(health_, crypto::UserRole::Member);
  auto neighbour = identity(police_, crypto::UserRole::Member);  // named at referral: jäv
  auto coordClient = enrol(social_, coord);
  auto officerClient = enrol(police_, officer);
  auto nurseClient = enrol(health_, nurse);
  auto neighbourClient = enrol(police_, neighbour);
  const auto neighbourKeys = copyOf(neighbour);
  const auto epochKey = crypto::SecretBytes::random(32);
  crypto::MembershipChain chain =
      startGroup(coord, *coordClient, {&officer, &nurse, &neighbour}, &epochKey);

  const client::CaseScope scope{crypto::CaseId::random(),
                                {officer.device, nurse.device, coord.device}};
  auto officerStore = localStore("officer");
  auto nurseStore = localStore("nurse");
  auto neighbourStore = localStore("neighbour");
  auto off =
      client::GroupReplica::open(officerStore->database(), std::move(officer), pinned_, group_);
  auto nur = client::GroupReplica::open(nurseStore->database(), std::move(nurse), pinned_, group_);
  auto nei =
      client::GroupReplica::open(neighbourStore->database(), std::move(neighbour), pinned_, group_);
  ASSERT_TRUE(off.ok() && nur.ok() && nei.ok());

  // A member cannot leave themself out of a case they write.
  EXPECT_EQ((*off)
                ->write(crypto::ObjectId::random(), "case-brief", crypto::asBytes("x"),
                        client::CaseScope{scope.caseId, {nurse_.device.id}})
                .error()
                .reason(),
            "case.self_excluded");

  const crypto::ObjectId brief = crypto::ObjectId::random();
  ASSERT_TRUE(
      (*off)->write(brief, "case-brief", crypto::asBytes("Ärende NRS-2026-017"), scope).ok());
  auto pushed = (*off)->push(*officerClient);
  ASSERT_TRUE(pushed.ok()) << pushed.error().describe();
  EXPECT_EQ(pushed->sent, 1U);

  // Allowed: the nurse's device opens the case key and reads the brief.
  ASSERT_TRUE((*nur)->pull(*nurseClient, 300ms).ok());
  auto read = (*nur)->object(brief);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(text(read->plaintext), "Ärende NRS-2026-017");

  // Recused: the replica sees the event but keeps nothing, and stays healthy.
  ASSERT_TRUE((*nei)->pull(*neighbourClient, 300ms).ok());
  EXPECT_FALSE((*nei)->object(brief).has_value());
  EXPECT_GE((*nei)->lastEventSeq(), (*nur)->lastEventSeq());
  // The server refuses the ciphertext itself to that device...
  auto direct = neighbourClient->getObject(group_, brief);
  ASSERT_FALSE(direct.ok());
  EXPECT_EQ(direct.error().code(), ErrorCode::PermissionDenied);
  // ...and even with the ciphertext, the recused device has no key box: the
  // officer's copy of the brief names only the allowed devices' boxes.
  auto wire = officerClient->getObject(group_, brief);
  ASSERT_TRUE(wire.ok());
  auto obj = crypto::EncryptedObject::parse(*wire);
  ASSERT_TRUE(obj.ok());
  EXPECT_TRUE(obj->wrappedWithCaseKey);
  auto opened = crypto::decryptObject(*obj, {group_, brief, std::nullopt, "case-brief"}, chain,
                                      {epochKey, std::nullopt});
  EXPECT_FALSE(opened.ok());  // the epoch key every member holds does not open it
  // Nor may it replace the brief with its own version readable by itself.
  const crypto::ContentContext ctx{
      "case-brief",      group_, brief, 2, chain.state().epoch, neighbourKeys.device,
      chain.state().head};
  auto forged = crypto::encryptObject(ctx, crypto::asBytes("ersatt"), {epochKey, std::nullopt},
                                      neighbourKeys.signing);
  ASSERT_TRUE(forged.ok());
  auto overwrite = neighbourClient->putObject(group_, brief, 1, forged->serialize(),
                                              {neighbourKeys.device}, {}, scope.caseId);
  ASSERT_FALSE(overwrite.ok());
  EXPECT_EQ(overwrite.error().reason(), "object.no_access");
}

TEST_F(Replica, AReferredCaseReachesEveryoneButTheRecusedAndMovesThroughItsStatuses) {
  threeAgencies();
  auto coord = identity(social_, crypto::UserRole::Member);
  auto officer = identity(police_, crypto::UserRole::Member);
  auto nurse = identity(health_, crypto::UserRole::Member);
  auto neighbour = identity(police_, crypto::UserRole::Member);
  auto coordClient = enrol(social_, coord);
  auto officerClient = enrol(police_, officer);
  auto nurseClient = enrol(health_, nurse);
  auto neighbourClient = enrol(police_, neighbour);
  const auto epochKey = crypto::SecretBytes::random(32);
  crypto::MembershipChain chain =
      startGroup(coord, *coordClient, {&officer, &nurse, &neighbour}, &epochKey);

  const crypto::UserId officerUser = officer.user;
  const crypto::UserId neighbourUser = neighbour.user;
  const crypto::UserId coordUser = coord.user;
  auto stores = std::vector<std::unique_ptr<client::KeyStore>>{};
  for (const char* who : {"coord", "officer", "nurse", "neighbour"})
    stores.push_back(localStore(who));
  auto coordRep =
      client::GroupReplica::open(stores[0]->database(), std::move(coord), pinned_, group_);
  auto offRep =
      client::GroupReplica::open(stores[1]->database(), std::move(officer), pinned_, group_);
  auto nurRep =
      client::GroupReplica::open(stores[2]->database(), std::move(nurse), pinned_, group_);
  auto neiRep =
      client::GroupReplica::open(stores[3]->database(), std::move(neighbour), pinned_, group_);
  ASSERT_TRUE(coordRep.ok() && offRep.ok() && nurRep.ok() && neiRep.ok());
  for (auto* r : {&*coordRep, &*offRep, &*nurRep, &*neiRep}) {
    ASSERT_TRUE((**r).refreshChain(*coordClient).ok());
  }
  client::CaseBook officerCases(**offRep, police_.id, officerUser);
  client::CaseBook coordCases(**coordRep, social_.id, coordUser);

  // Refusals that name the problem.
  client::Referral bad{"NRS-2026-001",
                       client::CaseKind::Deidentified,
                       client::Urgency::Acute,
                       true,
                       "x",
                       {officerUser},
                       nowSeconds(),
                       {},
                       {}};
  EXPECT_EQ(officerCases.refer(bad).error().reason(), "case.recused_self");
  bad.recused = {crypto::UserId::random()};
  EXPECT_EQ(officerCases.refer(bad).error().reason(), "case.unknown_member");
  bad.number.clear();
  bad.recused.clear();
  EXPECT_EQ(officerCases.refer(bad).error().reason(), "case.number_required");

  // The officer refers an acute case with children; the neighbour is recused.
  client::Referral referral{"NRS-2026-017",
                            client::CaseKind::Deidentified,
                            client::Urgency::Acute,
                            true,
                            "Kvinna i 30-årsåldern, två barn, hot från tidigare partner.",
                            {neighbourUser},
                            nowSeconds(),
                            {},
                            {}};
  auto referred = officerCases.refer(referral);
  ASSERT_TRUE(referred.ok()) << referred.error().describe();
  EXPECT_EQ(officerCases.refer(referral).error().reason(), "case.number_taken");
  ASSERT_TRUE((*offRep)->push(*officerClient).ok());

  ASSERT_TRUE((*nurRep)->pull(*nurseClient, 300ms).ok());
  ASSERT_TRUE((*coordRep)->pull(*coordClient, 300ms).ok());
  ASSERT_TRUE((*neiRep)->pull(*neighbourClient, 300ms).ok());
  client::CaseBook nurseCases(**nurRep, health_.id, crypto::UserId::random());
  client::CaseBook neighbourCases(**neiRep, police_.id, neighbourUser);
  ASSERT_EQ(nurseCases.cases().size(), 1U);
  EXPECT_EQ(nurseCases.cases()[0].number, "NRS-2026-017");
  EXPECT_EQ(nurseCases.cases()[0].brief, referral.brief);
  EXPECT_TRUE(neighbourCases.cases().empty());

  // The coordinator puts it on the agenda; everyone allowed sees the new status.
  EXPECT_EQ(
      coordCases.setStatus(referred->id, client::CaseStatus::Active, nowSeconds()).error().reason(),
      "case.bad_transition");
  ASSERT_TRUE(coordCases.setStatus(referred->id, client::CaseStatus::OnAgenda, nowSeconds()).ok());
  auto pushed = (*coordRep)->push(*coordClient);
  ASSERT_TRUE(pushed.ok() && pushed->sent == 1U) << (pushed.ok() ? "" : pushed.error().describe());
  ASSERT_TRUE((*offRep)->pull(*officerClient, 300ms).ok());
  EXPECT_EQ(officerCases.find(referred->id)->status, client::CaseStatus::OnAgenda);
  ASSERT_TRUE((*neiRep)->pull(*neighbourClient, 300ms).ok());
  EXPECT_FALSE(neighbourCases.find(referred->id).has_value());

  // Only the referring agency corrects the brief; the others read the correction.
  EXPECT_EQ(coordCases.editBrief(referred->id, "Annan text").error().reason(),
            "case.not_referring_agency");
  EXPECT_EQ(officerCases.editBrief(referred->id, "").error().reason(), "case.brief_required");
  ASSERT_TRUE(officerCases.editBrief(referred->id, "Rättad beskrivning.").ok());
  ASSERT_TRUE((*offRep)->push(*officerClient).ok());
  ASSERT_TRUE((*nurRep)->pull(*nurseClient, 300ms).ok());
  EXPECT_EQ(nurseCases.find(referred->id)->brief, "Rättad beskrivning.");
  EXPECT_EQ(nurseCases.find(referred->id)->status, client::CaseStatus::OnAgenda);
}

TEST_F(Replica, ADeviceThatDiedBeforeHearingTheAnswerDoesNotApplyItsEditTwice) {
  threeAgencies();
  auto coord = identity(social_, crypto::UserRole::Member);
  auto officer = identity(police_, crypto::UserRole::Member);
  auto coordClient = enrol(social_, coord);
  auto officerClient = enrol(police_, officer);
  const auto epochKey = crypto::SecretBytes::random(32);
  startGroup(coord, *coordClient, {&officer}, &epochKey);
  auto store = localStore("officer");
  auto replica = client::GroupReplica::open(store->database(), std::move(officer), pinned_, group_);
  ASSERT_TRUE(replica.ok());
  const crypto::ObjectId item = crypto::ObjectId::random();
  ASSERT_TRUE((*replica)->write(item, "minutes", crypto::asBytes("Punkt 1: beslut")).ok());

  // The device sent this edit and the server applied it, but the device died
  // before the answer arrived: same idempotency key, outbox row still there.
  auto row = store->database().prepare("SELECT idem_key FROM replica_outbox");
  ASSERT_TRUE(row.ok() && row->step().ok());
  const Bytes idem = row->columnBlob(0);
  ASSERT_EQ(idem.size(), 16U);
  EXPECT_FALSE(officerClient->getObject(group_, item).ok());  // nothing there yet
  auto first = (*replica)->push(*officerClient);
  ASSERT_TRUE(first.ok() && first->sent == 1U);
  const auto stored = officerClient->getObject(group_, item);
  ASSERT_TRUE(stored.ok());
  ASSERT_TRUE((*replica)->write(item, "minutes", crypto::asBytes("Punkt 1: beslut")).ok());
  // Put the outbox back as it stood when the device died (base 0, the same
  // key): restarted, the device pushes it again; the server recognises the
  // key and answers as the first time, and nothing is applied twice.
  auto reset =
      store->database().prepare("UPDATE replica_outbox SET base_version = 0, idem_key = ?1");
  ASSERT_TRUE(reset.ok());
  reset->bindBlob(1, idem);
  ASSERT_TRUE(reset->run().ok());
  auto again = (*replica)->push(*officerClient);
  ASSERT_TRUE(again.ok()) << again.error().describe();
  EXPECT_EQ(again->sent, 1U);
  EXPECT_EQ(again->conflicts, 0U);
  EXPECT_EQ((*replica)->object(item)->version, 1U);
  auto after = officerClient->getObject(group_, item);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(*after, *stored);  // the first write stands; no second version
  EXPECT_FALSE(officerClient->getObject(group_, item, 2).ok());
}

TEST_F(Replica, OfflineEditsWaitConflictsKeepBothAndNothingIsLostAcrossRestarts) {
  threeAgencies();
  auto coord = identity(social_, crypto::UserRole::Member);
  auto officer = identity(police_, crypto::UserRole::Member);
  auto nurse = identity(health_, crypto::UserRole::Member);
  auto coordClient = enrol(social_, coord);
  auto officerClient = enrol(police_, officer);
  auto nurseClient = enrol(health_, nurse);

  const auto epochKey = crypto::SecretBytes::random(32);
  crypto::MembershipChain chain = startGroup(coord, *coordClient, {&officer, &nurse}, &epochKey);

  auto officerStore = localStore("officer");
  auto nurseStore = localStore("nurse");
  auto officerReplica =
      client::GroupReplica::open(officerStore->database(), std::move(officer), pinned_, group_);
  auto nurseReplica =
      client::GroupReplica::open(nurseStore->database(), std::move(nurse), pinned_, group_);
  ASSERT_TRUE(officerReplica.ok() && nurseReplica.ok());
  auto& off = **officerReplica;
  auto& nur = **nurseReplica;

  // A brief written by the officer reaches the nurse, decrypted and verified.
  const crypto::ObjectId brief = crypto::ObjectId::random();
  ASSERT_TRUE(off.write(brief, "case-brief", crypto::asBytes("Ärende 12: planerat stöd")).ok());
  auto sent = off.push(*officerClient);
  ASSERT_TRUE(sent.ok()) << sent.error().describe();
  EXPECT_EQ(sent->sent, 1U);
  ASSERT_TRUE(nur.pull(*nurseClient, 300ms).ok());
  auto seen = nur.object(brief);
  ASSERT_TRUE(seen.has_value());
  EXPECT_EQ(seen->version, 1U);
  EXPECT_EQ(text(seen->plaintext), "Ärende 12: planerat stöd");
  EXPECT_EQ(nur.chain().state().seq, chain.state().seq);

  // The officer edits while the server cannot be reached: the edit waits.
  auto nowhere = client::openChannel({"127.0.0.1:1", pki_.caCert, ""});
  ASSERT_TRUE(nowhere.ok());
  client::PlatformClient unreachable(*nowhere, 500ms);
  ASSERT_TRUE(off.write(brief, "case-brief", crypto::asBytes("Polisens tillägg")).ok());
  auto offline = off.push(unreachable);
  ASSERT_TRUE(offline.ok()) << offline.error().describe();
  EXPECT_EQ(offline->sent, 0U);
  EXPECT_EQ(offline->waiting, 1U);
  EXPECT_TRUE(off.object(brief)->pending);

  // Meanwhile the nurse saves her own edit of version 1.
  ASSERT_TRUE(nur.write(brief, "case-brief", crypto::asBytes("Vårdens tillägg")).ok());
  auto nurseSent = nur.push(*nurseClient);
  ASSERT_TRUE(nurseSent.ok() && nurseSent->sent == 1U);

  // Back online, the officer's edit meets version 2: a conflict, not an overwrite.
  auto back = off.push(*officerClient);
  ASSERT_TRUE(back.ok()) << back.error().describe();
  EXPECT_EQ(back->sent, 0U);
  EXPECT_EQ(back->conflicts, 1U);
  const auto conflicts = off.conflicts();
  ASSERT_EQ(conflicts.size(), 1U);
  EXPECT_EQ(conflicts[0].baseVersion, 1U);
  EXPECT_EQ(conflicts[0].serverVersion, 2U);
  EXPECT_EQ(text(conflicts[0].localPlaintext), "Polisens tillägg");
  EXPECT_EQ(text(off.object(brief)->plaintext), "Vårdens tillägg");
  EXPECT_FALSE(off.object(brief)->pending);

  // The officer merges both; the merge goes on top and reaches the nurse.
  ASSERT_TRUE(
      off.reapplyConflict(brief, crypto::asBytes("Vårdens tillägg\nPolisens tillägg")).ok());
  EXPECT_TRUE(off.conflicts().empty());
  auto merged = off.push(*officerClient);
  ASSERT_TRUE(merged.ok() && merged->sent == 1U);
  ASSERT_TRUE(nur.pull(*nurseClient, 300ms).ok());
  EXPECT_EQ(nur.object(brief)->version, 3U);
  EXPECT_EQ(text(nur.object(brief)->plaintext), "Vårdens tillägg\nPolisens tillägg");
  EXPECT_EQ(nur.objects("case-brief").size(), 1U);

  // The officer's device restarts: the local store opens with the passphrase
  // and the replica, chain re-validated, still holds everything.
  const std::uint64_t lastSeq = off.lastEventSeq();
  officerReplica->reset();
  officerStore.reset();
  auto reopenedStore = client::KeyStore::open(dir_.path() / "officer",
                                              crypto::asBytes(std::string("lösenord officer")));
  ASSERT_TRUE(reopenedStore.ok()) << reopenedStore.error().describe();
  auto again = client::GroupReplica::open(
      (*reopenedStore)->database(), identity(police_, crypto::UserRole::Member), pinned_, group_);
  ASSERT_TRUE(again.ok()) << again.error().describe();
  EXPECT_EQ((*again)->object(brief)->version, 3U);
  EXPECT_EQ((*again)->lastEventSeq(), lastSeq);
  EXPECT_EQ((*again)->chain().state().head, chain.state().head);
}

}  // namespace
}  // namespace samrad::platform_testing
