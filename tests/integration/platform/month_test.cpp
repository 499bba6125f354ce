// A month of a consultation group through real clients against the real
// server (issue: the consultation workflow). Seven members — three police
// officers, two social workers, a healthcare coordinator and the municipal
// coordinator — plus a lawyer and an external requester from a smaller
// municipality. At every step the test asserts what each person can and
// cannot see: the recused officer and the requester never open the case;
// after the withdrawal only the referring agency can; the officer removed in
// week four reads nothing created after; two offline edits of one minutes
// item surface as a conflict; a repeat referral is flagged; an advice request
// goes in and its answer comes back to the requester alone; and the server's
// store holds none of the plaintext.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include "replica_fixture.h"
#include "samrad/client/advice.h"
#include "samrad/client/audit.h"
#include "samrad/client/cases.h"
#include "samrad/client/consent.h"
#include "samrad/client/meetings.h"

namespace samrad::platform_testing {
namespace {

constexpr std::int64_t kDay = 24 * 3600;
constexpr const char* kStatement =
    "Det som sägs i samrådsgruppen omfattas av sekretess och får bara användas i ärendet.";
constexpr const char* kBriefA = "MONTH-A Kvinna 38 år, misshandlad av make, två barn.";
constexpr const char* kBriefB =
    "MONTH-B Avidentifierat: hot i nära relation, ingen kontakt med barn.";
constexpr const char* kBriefC = "MONTH-C Samma person åter, nya hot via sms.";
constexpr const char* kBriefD = "MONTH-D Nytt ärende efter vecka fyra.";
constexpr const char* kQuestion = "MONTH-Q Hur bör vi stötta en äldre man som utsätts av sin son?";
constexpr const char* kAnswer =
    "MONTH-ANS Kontakta kommunens våldsstödjare och gör en SARA-bedömning.";
constexpr const char* kPnr = "811218-9876";

class Month : public Replica {
 protected:
  void SetUp() override {
    Replica::SetUp();
    threeAgencies();
    bootstrap(legal_, 4);
    bootstrap(municipality_, 5);
    // Every member pinned the group's agencies; the coordinator and the
    // members also pinned the small municipality after comparing its safety
    // number on the phone.
    pinned_.pin(legal_.id, legal_.root.publicKey());
    withExternal_ = pinned_;
    withExternal_.pin(municipality_.id, municipality_.root.publicKey());

    const std::pair<const char*, std::pair<Agency*, crypto::UserRole>> staff[] = {
        {"coord", {&social_, crypto::UserRole::Member}},
        {"police1", {&police_, crypto::UserRole::Member}},
        {"police2", {&police_, crypto::UserRole::Member}},
        {"police3", {&police_, crypto::UserRole::Member}},
        {"social1", {&social_, crypto::UserRole::Member}},
        {"social2", {&social_, crypto::UserRole::Member}},
        {"health", {&health_, crypto::UserRole::Member}},
        {"lawyer", {&legal_, crypto::UserRole::Lawyer}},
        {"external", {&municipality_, crypto::UserRole::External}},
        {"health2", {&health_, crypto::UserRole::Member}},  // joins in week four
    };
    for (const auto& [name, who] : staff) {
      ids_[name] = identity(*who.first, who.second);
      agency_[name] = who.first->id;
      clients_[name] = enrol(*who.first, ids_[name]);
    }
    crypto::MembershipChain chain(pinned_, {});
    crypto::OpCreate create{{ids_["coord"].memberSpec(crypto::GroupRole::Coordinator)}};
    for (const char* m : {"police1", "police2", "police3", "social1", "social2", "health"}) {
      create.members.push_back(ids_[m].memberSpec(crypto::GroupRole::Member));
    }
    create.members.push_back(ids_["lawyer"].memberSpec(crypto::GroupRole::Lawyer));
    auto genesis =
        chain.makeLink(group_, create, nowSeconds(), ids_["coord"].signing, ids_["coord"].device);
    ASSERT_TRUE(genesis.ok() && chain.append(*genesis).ok());
    ASSERT_TRUE(cli("coord").createGroup(genesis->serialize()).ok());
    auto bundle = crypto::makeEpochKeyBundle(chain, epoch1_, nullptr, ids_["coord"].signing,
                                             ids_["coord"].device, {}, nowSeconds());
    ASSERT_TRUE(bundle.ok() && cli("coord").putEpochKeys(group_, bundle->serialize()).ok());
    for (const auto& [name, id] : ids_) {
      if (name == "external" || name == "health2") continue;
      ASSERT_NO_FATAL_FAILURE(openReplica(name, id, cli(name)));
      cases_[name] = std::make_unique<client::CaseBook>(*replicas_[name], agency_[name], id.user);
      books_[name] = std::make_unique<client::MeetingBook>(*replicas_[name], *cases_[name],
                                                           agency_[name], id.user);
    }
  }

  client::PlatformClient& cli(const std::string& who) { return *clients_.at(who); }
  void sync(const std::string& who) {
    auto pushed = replicas_.at(who)->push(cli(who));
    ASSERT_TRUE(pushed.ok()) << who << ": " << pushed.error().describe();
    ASSERT_TRUE(replicas_.at(who)->pull(cli(who), 200ms).ok()) << who;
  }
  // Everyone sends, then everyone receives.
  void syncAll() {
    for (const auto& [name, r] : replicas_) {
      if (name == removed_) continue;
      auto pushed = r->push(cli(name));
      ASSERT_TRUE(pushed.ok()) << name << ": " << pushed.error().describe();
    }
    for (const auto& [name, r] : replicas_) {
      if (name == removed_) continue;
      auto pulled = r->pull(cli(name), 200ms);
      ASSERT_TRUE(pulled.ok()) << name << ": " << pulled.error().describe();
    }
  }
  // Can `who` read the case record, locally after a sync and from the server?
  bool canRead(const std::string& who, const crypto::CaseId& id) {
    const bool local = cases_.at(who)->find(id).has_value();
    const bool remote = cli(who).getObject(group_, client::CaseBook::objectOf(id)).ok();
    EXPECT_EQ(local, remote) << who << ": the device and the server disagree";
    return local && remote;
  }

  Agency legal_, municipality_;
  crypto::TrustStore withExternal_;
  crypto::SecretBytes epoch1_ = crypto::SecretBytes::random(32);
  std::map<std::string, client::DeviceIdentity> ids_;
  std::map<std::string, crypto::AgencyId> agency_;
  std::map<std::string, std::unique_ptr<client::PlatformClient>> clients_;
  std::map<std::string, std::unique_ptr<client::CaseBook>> cases_;
  std::map<std::string, std::unique_ptr<client::MeetingBook>> books_;
  std::string removed_;
};

TEST_F(Month, AGroupWorksThroughAMonthAndEachPersonSeesOnlyWhatIsTheirs) {
  // The server's own log, at its most talkative, goes to a file scanned at the end.
  const auto logFile = dir_.path() / "server.log";
  log::init(log::Format::Json, log::Level::Debug, logFile.string());
  const std::int64_t now = nowSeconds();
  const std::vector<std::string> everyone = {"coord",   "police1", "police2", "police3",
                                             "social1", "social2", "health",  "lawyer"};

  // ---- week 1: planning, referrals, consent, the advice intake ------------------
  auto series = books_["coord"]->scheduleWeekly(now + kDay, 120, "Kommunhuset", 4, kStatement);
  ASSERT_TRUE(series.ok()) << series.error().describe();
  ASSERT_TRUE(cli("coord").setRetentionPolicy(group_, {6, 24, 10, 0}).ok());

  // Social services refers a consented case, shared with the police and
  // healthcare, with the third officer recused (he is the man's neighbour).
  auto a = cases_["social1"]->refer({"NRS-2026-101",
                                     client::CaseKind::Consented,
                                     client::Urgency::Acute,
                                     true,
                                     kBriefA,
                                     {ids_["police3"].user},
                                     now,
                                     {police_.id, health_.id},
                                     {}});
  ASSERT_TRUE(a.ok()) << a.error().describe();
  client::ConsentBook consents(*replicas_["social1"], *cases_["social1"], cli("social1"),
                               social_.id, ids_["social1"].user);
  client::ConsentForm form;
  form.caseId = a->id;
  form.oslWaiver = "OSL 12 kap. 2 §";
  form.gdprBasis = "GDPR art. 6.1 e";
  form.recipients = {police_.id, health_.id};
  form.categories = {"brott", "hälsa"};
  form.purpose = "samordnat skydd";
  form.validFrom = now - 60;
  form.validUntil = now + 90 * kDay;
  form.method = client::ConsentMethod::Written;
  form.formTemplate = "Samtycke Norrsken";
  form.formVersion = "3";
  form.formTextHash = crypto::sha256(crypto::asBytes("blankett v3"));
  ASSERT_TRUE(consents.registerConsent(form, now).ok());

  // The police refer a de-identified case and register who it is about.
  auto b = cases_["police1"]->refer({"NRS-2026-102",
                                     client::CaseKind::Deidentified,
                                     client::Urgency::Planned,
                                     false,
                                     kBriefB,
                                     {},
                                     now,
                                     {},
                                     {}});
  ASSERT_TRUE(b.ok()) << b.error().describe();
  syncAll();
  // The coordinator's computer gives the key for repeat checks to the
  // coordinator's and members' devices (not the lawyer's).
  ASSERT_TRUE(replicas_["coord"]->ensurePersonTagKey(cli("coord"), now).ok());
  auto first = cases_["police1"]->registerPerson(cli("police1"), b->id, kPnr, 2026);
  ASSERT_TRUE(first.ok()) << first.error().describe();
  EXPECT_FALSE(first->repeat);

  // Who sees case A: the referring agency and the agencies the consent names,
  // not the recused officer, not the lawyer, not the external requester.
  for (const std::string& who : everyone) {
    const bool expected = who != "police3" && who != "lawyer";
    EXPECT_EQ(canRead(who, a->id), expected) << who;
    EXPECT_TRUE(canRead(who, b->id)) << who;  // de-identified: the whole group
  }
  EXPECT_EQ(cli("external").getObject(group_, client::CaseBook::objectOf(a->id)).error().reason(),
            "group.not_member");
  // The lawyer audits the consent register without reading the brief.
  auto register_ = cli("lawyer").listConsents(group_);
  ASSERT_TRUE(register_.ok()) << register_.error().describe();
  ASSERT_EQ(register_->size(), 1U);
  EXPECT_EQ((*register_)[0].referringAgency, social_.id);

  // The group opens for advice; the small municipality asks.
  client::AdviceInbox coordInbox(*replicas_["coord"], cli("coord"), ids_["coord"], withExternal_);
  auto intakeKey = coordInbox.openIntake(now);
  ASSERT_TRUE(intakeKey.ok()) << intakeKey.error().describe();
  crypto::TrustStore externalRoots;
  for (const Agency* ag : {&social_, &police_, &health_, &municipality_}) {
    externalRoots.pin(ag->id, ag->root.publicKey());
  }
  client::AdviceDesk desk(cli("external"), ids_["external"], externalRoots);
  EXPECT_EQ(desk.ask(group_, kQuestion, "Socialtjänsten, Bräcke kommun",
                     client::RequesterOrganisation::SocialServices, now)
                .error()
                .reason(),
            "advice.not_requester");
  ASSERT_TRUE(coordInbox.allowRequester(ids_["external"].user).ok());
  EXPECT_EQ(coordInbox.allowRequester(ids_["police2"].user).error().reason(),
            "advice.not_external");
  auto seenKey = desk.intake(group_, now);
  ASSERT_TRUE(seenKey.ok()) << seenKey.error().describe();
  EXPECT_EQ(client::intakeFingerprint(*seenKey), client::intakeFingerprint(*intakeKey));
  EXPECT_EQ(desk.ask(group_, "  ", "Bräcke", client::RequesterOrganisation::SocialServices, now)
                .error()
                .reason(),
            "advice.question_required");
  auto asked = desk.ask(group_, kQuestion, "Socialtjänsten, Bräcke kommun",
                        client::RequesterOrganisation::SocialServices, now);
  ASSERT_TRUE(asked.ok()) << asked.error().describe();
  // The requester sees nothing of the group but their own request.
  EXPECT_EQ(cli("external").getChain(group_).error().reason(), "group.not_member");
  EXPECT_EQ(cli("external").listConsents(group_).error().reason(), "group.not_member");
  auto mine = desk.mine(group_);
  ASSERT_TRUE(mine.ok()) << mine.error().describe();
  ASSERT_EQ(mine->size(), 1U);
  EXPECT_EQ((*mine)[0].question, kQuestion);
  EXPECT_EQ((*mine)[0].organisationType, client::RequesterOrganisation::SocialServices);
  EXPECT_FALSE((*mine)[0].answer.has_value());

  // ---- week 2: the meeting, its minutes, a conflict, the advice answered --------
  syncAll();
  const crypto::ObjectId meeting1 = (*series)[0].id;
  auto agenda = books_["coord"]->buildAgenda(meeting1);
  ASSERT_TRUE(agenda.ok()) << agenda.error().describe();
  ASSERT_GE(agenda->agenda.size(), 2U);
  EXPECT_EQ(*agenda->agenda[0].caseId, a->id);  // acute with children first
  auto inbox = coordInbox.requests();
  ASSERT_TRUE(inbox.ok()) << inbox.error().describe();
  ASSERT_EQ(inbox->size(), 1U);
  EXPECT_EQ((*inbox)[0].question, kQuestion);
  EXPECT_TRUE((*inbox)[0].requesterVerified);
  ASSERT_TRUE(coordInbox.putOnAgenda(*asked).ok());
  syncAll();
  for (const std::string& who : everyone) {
    if (who == "lawyer") continue;
    ASSERT_TRUE(books_[who]->confirmAttendance(meeting1, kStatement, now + kDay).ok()) << who;
    sync(who);
  }
  sync("coord");
  EXPECT_EQ(books_["coord"]->attendance(meeting1).size(), 7U);

  client::Minutes m;
  m.meeting = meeting1;
  m.item = agenda->agenda[0].item;
  m.caseId = a->id;
  m.summary = "MONTH-MIN Skyddsplan upprättas.";
  ASSERT_TRUE(books_["social2"]->writeMinutes(m).ok());
  sync("social2");
  sync("health");
  auto base = books_["health"]->minutes(meeting1, m.item);
  ASSERT_TRUE(base.has_value());
  // Two offline edits of the same item: one lands, the other is a conflict.
  client::Minutes bySocial = *base;
  bySocial.decisions.push_back("Socialtjänsten ordnar skyddat boende.");
  client::Minutes byHealth = *base;
  byHealth.summary += " Vården dokumenterar skador.";
  ASSERT_TRUE(books_["social2"]->writeMinutes(bySocial).ok());
  ASSERT_TRUE(books_["health"]->writeMinutes(byHealth).ok());
  auto s2 = replicas_["social2"]->push(cli("social2"));
  auto h = replicas_["health"]->push(cli("health"));
  ASSERT_TRUE(s2.ok() && h.ok());
  EXPECT_EQ(s2->sent, 1U);
  EXPECT_EQ(h->conflicts, 1U);
  ASSERT_EQ(replicas_["health"]->conflicts().size(), 1U);
  EXPECT_EQ(client::Minutes::parse(replicas_["health"]->conflicts()[0].localPlaintext)->summary,
            byHealth.summary);
  // The recused officer never received the case's minutes either.
  sync("police3");
  EXPECT_FALSE(books_["police3"]->minutes(meeting1, m.item).has_value());

  // Healthcare answers the advice request; the answer reaches the requester.
  client::AdviceInbox healthInbox(*replicas_["health"], cli("health"), ids_["health"],
                                  withExternal_);
  EXPECT_EQ(healthInbox.answer(*asked, "", meeting1, now).error().reason(),
            "advice.answer_required");
  // Certificates in this test are valid for an hour: signatures use the real time.
  auto answered = healthInbox.answer(*asked, kAnswer, meeting1, now);
  ASSERT_TRUE(answered.ok()) << answered.error().describe();
  EXPECT_EQ(healthInbox.answer(*asked, "igen", meeting1, now).error().reason(), "advice.answered");
  mine = desk.mine(group_);
  ASSERT_TRUE(mine.ok()) << mine.error().describe();
  ASSERT_EQ(mine->size(), 1U);
  EXPECT_EQ((*mine)[0].state, client::AdviceState::Answered);
  EXPECT_EQ((*mine)[0].answer.value_or(""), kAnswer);
  EXPECT_TRUE((*mine)[0].answerVerified);
  sync("coord");
  EXPECT_EQ(coordInbox.requests()->at(0).answer.value_or(""), kAnswer);

  // ---- week 3: withdrawal, and a repeat referral ---------------------------------
  // (The log's times are the server's seconds: the audit below starts here.)
  std::this_thread::sleep_for(1100ms);
  const std::int64_t week3 = nowSeconds();
  auto withdrawn = consents.withdraw(a->id, client::ConsentMethod::Written, "Återkallat skriftligt",
                                     now + 14 * kDay);
  ASSERT_TRUE(withdrawn.ok()) << withdrawn.error().describe();
  syncAll();
  for (const std::string& who : everyone) {
    const bool social = agency_[who] == social_.id && who != "lawyer";
    EXPECT_EQ(canRead(who, a->id), social) << who;
  }
  auto agenda2 = books_["coord"]->buildAgenda((*series)[2].id);
  ASSERT_TRUE(agenda2.ok()) << agenda2.error().describe();
  for (const auto& item : agenda2->agenda) EXPECT_NE(item.caseId, std::optional(a->id));

  auto c = cases_["police2"]->refer({"NRS-2026-103",
                                     client::CaseKind::Deidentified,
                                     client::Urgency::Planned,
                                     false,
                                     kBriefC,
                                     {},
                                     now + 15 * kDay,
                                     {},
                                     {}});
  ASSERT_TRUE(c.ok());
  sync("police2");
  auto repeat = cases_["police2"]->registerPerson(cli("police2"), c->id, "198112189876", 2026);
  ASSERT_TRUE(repeat.ok()) << repeat.error().describe();
  EXPECT_TRUE(repeat->repeat);
  syncAll();
  auto flags = cases_["coord"]->repeatFlags(cli("coord"));
  ASSERT_TRUE(flags.ok()) << flags.error().describe();
  ASSERT_EQ(flags->size(), 1U);
  EXPECT_EQ((*flags)[0].caseId, c->id);
  EXPECT_EQ((*flags)[0].earlier, std::vector<crypto::CaseId>{b->id});

  // ---- week 4: a member leaves; the case B closes --------------------------------
  auto removal = replicas_["coord"]->changeMembership(
      cli("coord"), crypto::OpRemoveMember{ids_["police3"].user}, nowSeconds());
  ASSERT_TRUE(removal.ok()) << removal.error().describe();
  EXPECT_EQ(replicas_["coord"]->chain().state().epoch, 2U);
  // The intake moves to the new epoch too: a question sent from now on is
  // sealed to a key the removed officer cannot derive; the group still reads
  // the earlier one.
  auto newIntake = coordInbox.openIntake(nowSeconds());
  ASSERT_TRUE(newIntake.ok()) << newIntake.error().describe();
  EXPECT_NE(client::intakeFingerprint(*newIntake), client::intakeFingerprint(*intakeKey));
  EXPECT_EQ(client::intakeFingerprint(*desk.intake(group_, nowSeconds())),
            client::intakeFingerprint(*newIntake));
  auto second = desk.ask(group_, "MONTH-Q2 Vem kontaktar vi om en person med skyddad identitet?",
                         "Socialtjänsten, Bräcke kommun",
                         client::RequesterOrganisation::SocialServices, nowSeconds());
  ASSERT_TRUE(second.ok()) << second.error().describe();
  auto both = coordInbox.requests();
  ASSERT_TRUE(both.ok()) << both.error().describe();
  ASSERT_EQ(both->size(), 2U);
  EXPECT_EQ((*both)[0].question, kQuestion);
  removed_ = "police3";
  syncAll();
  auto d = cases_["police1"]->refer({"NRS-2026-104",
                                     client::CaseKind::Deidentified,
                                     client::Urgency::Consultative,
                                     false,
                                     kBriefD,
                                     {},
                                     now + 22 * kDay,
                                     {},
                                     {}});
  ASSERT_TRUE(d.ok());
  syncAll();
  EXPECT_TRUE(canRead("police2", d->id));
  // The removed officer: refused by the server, and no key for the new epoch.
  EXPECT_EQ(cli("police3").getObject(group_, client::CaseBook::objectOf(d->id)).error().reason(),
            "group.not_member");
  EXPECT_EQ(cli("police3").getEpochKeys(group_).error().reason(), "group.not_member");
  EXPECT_FALSE(replicas_["police3"]->pull(cli("police3"), 100ms).ok());
  EXPECT_FALSE(cases_["police3"]->find(d->id).has_value());

  // A new healthcare coordinator joins: she reads what is written from now
  // on, and the open de-identified case once it is shared with her — not the
  // case whose consent was withdrawn.
  ASSERT_TRUE(replicas_["coord"]
                  ->changeMembership(
                      cli("coord"),
                      crypto::OpAddMember{ids_["health2"].memberSpec(crypto::GroupRole::Member)},
                      nowSeconds())
                  .ok());
  ASSERT_NO_FATAL_FAILURE(openReplica("health2", ids_["health2"], cli("health2")));
  cases_["health2"] =
      std::make_unique<client::CaseBook>(*replicas_["health2"], health_.id, ids_["health2"].user);
  books_["health2"] = std::make_unique<client::MeetingBook>(
      *replicas_["health2"], *cases_["health2"], health_.id, ids_["health2"].user);
  syncAll();
  EXPECT_FALSE(canRead("health2", b->id)) << "not shared yet";
  // Only the referring agency (or the coordinator) widens who reads a case:
  // the health worker who reads it cannot.
  auto notReferrer = cli("health").shareCase(group_, b->id, {ids_["health2"].device});
  ASSERT_FALSE(notReferrer.ok());
  EXPECT_EQ(notReferrer.error().reason(), "case.not_referring_agency");
  auto shared = cases_["police1"]->share(cli("police1"), b->id);
  ASSERT_TRUE(shared.ok()) << shared.error().describe();
  auto notTheirs = cases_["police2"]->share(cli("police2"), a->id);
  ASSERT_FALSE(notTheirs.ok());
  EXPECT_EQ(notTheirs.error().reason(), "case.not_found");
  syncAll();
  ASSERT_TRUE(canRead("health2", b->id));
  ASSERT_TRUE(cases_["health2"]->find(b->id).has_value());
  EXPECT_EQ(cases_["health2"]->find(b->id)->brief, kBriefB);
  EXPECT_FALSE(canRead("health2", a->id));
  // The removed officer is no member: nothing can be shared with him.
  auto toRemoved = cli("police1").shareCase(group_, b->id, {ids_["police3"].device});
  ASSERT_FALSE(toRemoved.ok());
  EXPECT_EQ(toRemoved.error().reason(), "object.bad_access");

  ASSERT_TRUE(cases_["police1"]->close(cli("police1"), b->id, now + 25 * kDay).ok());
  // The removed officer still holds case B's key from week one. Even with
  // the ciphertext written since (stolen from the server's disk, say), it
  // does not open: case content is wrapped with the case key bound to the
  // epoch's key, and he has no key of the epoch after his removal.
  auto held = stores_["police3"]->database().prepare(
      "SELECT key FROM replica_case_keys WHERE case_id = ?1");
  ASSERT_TRUE(held.ok());
  held->bindBlob(1, b->id.view());
  ASSERT_TRUE(*held->step()) << "the officer had read case B";
  const auto oldCaseKey = crypto::SecretBytes::copyOf(held->columnBlob(0));
  const auto bObject = client::CaseBook::objectOf(b->id);
  auto stolen = cli("police1").getObject(group_, bObject);
  ASSERT_TRUE(stolen.ok());
  auto sealedB = crypto::EncryptedObject::parse(*stolen);
  ASSERT_TRUE(sealedB.ok());
  EXPECT_EQ(sealedB->context.epoch, 2U);
  EXPECT_FALSE(crypto::decryptObject(*sealedB,
                                     {group_, bObject, std::nullopt, sealedB->context.kind},
                                     replicas_["police1"]->chain(), {oldCaseKey, b->id})
                   .ok());
  auto policy = cli("lawyer").retentionPolicy(group_);
  ASSERT_TRUE(policy.ok()) << policy.error().describe();
  EXPECT_EQ(policy->deidentifiedCaseMonths, 6U);
  EXPECT_EQ(policy->consentRecordYears, 10U);

  // ---- the lawyer's audit of the month -------------------------------------------
  sync("lawyer");
  client::Profile lawyerView;  // the names the lawyer's office uses
  const std::pair<const Agency*, const char*> names[] = {{&social_, "Socialtjänsten Norrsken"},
                                                         {&police_, "Polisen Nordstad"},
                                                         {&health_, "Region Norrsken"},
                                                         {&legal_, "Kommunjuristerna"},
                                                         {&municipality_, "Bräcke kommun"}};
  for (const auto& [ag, name] : names) {
    lawyerView.pin(ag->id, ag->root.publicKey());
    lawyerView.agencyNames[ag->id] = name;
  }
  const auto wholeMonth = dir_.path() / "audit-month";
  auto exported = client::exportAuditBundle(
      cli("lawyer"), replicas_["lawyer"]->log(), ids_["lawyer"], client::agencyKeysFile(lawyerView),
      {group_, now - 3600, now + 31 * kDay, std::nullopt, nowSeconds()}, wholeMonth);
  ASSERT_TRUE(exported.ok()) << exported.error().describe();
  EXPECT_EQ(exported->first, 0U);
  EXPECT_EQ(exported->end, exported->logSize);
  auto verified = client::verifyAuditBundle(wholeMonth, {});
  ASSERT_TRUE(verified.ok()) << verified.failures.front().file << ": "
                             << verified.failures.front().reason;
  EXPECT_EQ(verified.entries, exported->logSize);
  const std::string& report = verified.report;
  EXPECT_NE(report.find("Case " + a->id.hex()), std::string::npos) << report;
  EXPECT_NE(report.find("consent registered by Socialtjänsten Norrsken"), std::string::npos);
  EXPECT_NE(report.find("consent WITHDRAWN"), std::string::npos);
  EXPECT_NE(report.find("may also be read by Polisen Nordstad, Region Norrsken"),
            std::string::npos);
  EXPECT_NE(report.find("  read by Polisen Nordstad (member"), std::string::npos);
  EXPECT_NE(report.find("removed a member"), std::string::npos);
  EXPECT_NE(report.find("Kommunjuristerna (lawyer"), std::string::npos) << "the exporter";
  for (const auto& p : {kBriefA, kPnr, kQuestion}) {
    EXPECT_EQ(report.find(p), std::string::npos) << "content in the report: " << p;
  }

  // From week three, for case A only: the consent registered in week one
  // comes with the bundle as context; the range is proven complete.
  const auto caseA = dir_.path() / "audit-case-a";
  auto partial = client::exportAuditBundle(
      cli("lawyer"), replicas_["lawyer"]->log(), ids_["lawyer"], client::agencyKeysFile(lawyerView),
      {group_, week3, now + 31 * kDay, a->id, nowSeconds()}, caseA);
  ASSERT_TRUE(partial.ok()) << partial.error().describe();
  EXPECT_GT(partial->first, 0U);
  EXPECT_GT(partial->contextEntries, 0U);
  verified = client::verifyAuditBundle(caseA, {});
  ASSERT_TRUE(verified.ok()) << verified.failures.front().file << ": "
                             << verified.failures.front().reason;
  EXPECT_NE(verified.report.find("consent registered"), std::string::npos) << verified.report;
  EXPECT_NE(verified.report.find("consent WITHDRAWN"), std::string::npos);
  EXPECT_EQ(verified.report.find("Case " + b->id.hex()), std::string::npos) << "only case A";
  // Neither police nor healthcare read case A after the withdrawal.
  EXPECT_EQ(verified.report.find("  read by Polisen"), std::string::npos) << verified.report;
  EXPECT_EQ(verified.report.find("  read by Region"), std::string::npos) << verified.report;

  // Any byte of any file changed: verification fails, naming that file.
  std::vector<std::filesystem::path> files;
  for (const auto& f : std::filesystem::recursive_directory_iterator(caseA)) {
    if (f.is_regular_file()) files.push_back(f.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GT(files.size(), 10U);
  std::size_t flipped = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto rel = std::filesystem::relative(files[i], caseA).generic_string();
    // Every file that is not a proof, and every fifth proof.
    if (rel.ends_with(".tlog-proof") && i % 5 != 0) continue;
    const std::string original = testing::readFile(files[i]);
    for (const std::size_t at : {std::size_t{0}, original.size() / 2, original.size() - 1}) {
      std::string changed = original;
      changed[at] = static_cast<char>(changed[at] ^ 0x01);
      std::ofstream(files[i], std::ios::binary | std::ios::trunc) << changed;
      const auto bad = client::verifyAuditBundle(caseA, {});
      EXPECT_FALSE(bad.ok()) << rel << " byte " << at;
      EXPECT_TRUE(std::any_of(bad.failures.begin(), bad.failures.end(),
                              [&](const client::AuditFailure& f) { return f.file == rel; }))
          << rel << " byte " << at << ": "
          << (bad.failures.empty() ? "" : bad.failures.front().file);
      ++flipped;
    }
    std::ofstream(files[i], std::ios::binary | std::ios::trunc) << original;
  }
  EXPECT_GT(flipped, 30U);
  ASSERT_TRUE(client::verifyAuditBundle(caseA, {}).ok()) << "restored";

  // An entry removed from the range: a gap, named.
  char gapName[64];
  std::snprintf(gapName, sizeof gapName, "entries/%010llu.tlog-proof",
                static_cast<unsigned long long>(partial->first + 1));
  std::filesystem::remove(caseA / gapName);
  const auto gap = client::verifyAuditBundle(caseA, {});
  ASSERT_FALSE(gap.ok());
  EXPECT_EQ(gap.failures.front().file, gapName);
  EXPECT_NE(gap.failures.front().reason.find("gap"), std::string::npos);
  // A lawyer who holds the log's key and requires witnesses.
  EXPECT_FALSE(client::verifyAuditBundle(wholeMonth, {"other+01234567+AAAA", {}, 0}).ok());
  EXPECT_NE(
      client::verifyAuditBundle(wholeMonth, {{}, {}, 5}).failures.front().reason.find("--trust"),
      std::string::npos);
  EXPECT_EQ(client::verifyAuditBundle(
                wholeMonth, {{}, {{social_.id, social_.root.publicKey(), "Socialtjänsten"}}, 5})
                .failures.front()
                .reason,
            "cosigned by 0 trusted agencies, 5 required");

  // The server's store after the month holds none of the plaintext.
  server_->shutdown(1s);
  const std::vector<std::string> plaintext = {
      "MONTH-",         kPnr, "198112189876", "Bräcke", "skyddat boende", "Samtycke Norrsken",
      "samordnat skydd"};
  EXPECT_GT(expectStoreHoldsNone(plaintext), 100U);
  log::init(log::Format::Text, log::Level::Warn);  // closes the file
  const std::string logged = testing::readFile(logFile);
  EXPECT_NE(logged.find("group.link_appended"), std::string::npos) << "the log file is not in use";
  for (const auto& p : plaintext) EXPECT_EQ(logged.find(p), std::string::npos) << p;
}

}  // namespace
}  // namespace samrad::platform_testing
