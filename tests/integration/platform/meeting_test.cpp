// A meeting through real clients and the real server: the coordinator plans a
// weekly series and builds the agenda in the prescribed order; attendees
// confirm the confidentiality statement with their own devices; the
// secretary's minutes reach the others, and two offline edits of the same
// item surface as a conflict that keeps both; actions are tracked, overdue
// ones listed, reviews need their reason; the coordinator approves, amends
// with a reason, and every approved version stays verifiable.
#include <gtest/gtest.h>

#include <map>

#include "replica_fixture.h"
#include "samrad/client/cases.h"
#include "samrad/client/meetings.h"
#include "samrad/crypto/person_tag.h"

namespace samrad::platform_testing {
namespace {

constexpr const char* kStatement =
    "Det som sägs i konsultationsgruppen omfattas av sekretess. Uppgifter får bara användas för "
    "det ärende de lämnades i.";
constexpr std::int64_t kDay = 24 * 3600;

class Meetings : public Replica {
 protected:
  void SetUp() override {
    Replica::SetUp();
    threeAgencies();
    coord_ = identity(social_, crypto::UserRole::Member);
    officer_ = identity(police_, crypto::UserRole::Member);
    worker_ = identity(social_, crypto::UserRole::Member);
    nurseId_ = identity(health_, crypto::UserRole::Member);
    clients_["coord"] = enrol(social_, coord_);
    clients_["officer"] = enrol(police_, officer_);
    clients_["worker"] = enrol(social_, worker_);
    clients_["nurse"] = enrol(health_, nurseId_);
    const auto epochKey = crypto::SecretBytes::random(32);
    startGroup(coord_, *clients_["coord"], {&officer_, &worker_, &nurseId_}, &epochKey);
    const std::pair<const char*, client::DeviceIdentity*> people[] = {
        {"coord", &coord_}, {"officer", &officer_}, {"worker", &worker_}, {"nurse", &nurseId_}};
    for (const auto& [name, id] : people) {
      ASSERT_NO_FATAL_FAILURE(openReplica(name, *id, *clients_[name]));
      cases_[name] = std::make_unique<client::CaseBook>(*replicas_[name], agencyOf(*id), id->user);
      books_[name] = std::make_unique<client::MeetingBook>(*replicas_[name], *cases_[name],
                                                           agencyOf(*id), id->user);
    }
  }

  crypto::AgencyId agencyOf(const client::DeviceIdentity& d) const {
    if (&d == &officer_) return police_.id;
    if (&d == &nurseId_) return health_.id;
    return social_.id;
  }

  void sync(const std::string& who) {
    auto pushed = replicas_.at(who)->push(*clients_.at(who));
    ASSERT_TRUE(pushed.ok()) << who << ": " << pushed.error().describe();
    ASSERT_TRUE(replicas_.at(who)->pull(*clients_.at(who), 200ms).ok()) << who;
  }

  client::CaseRecord refer(const std::string& number, client::Urgency urgency, bool children,
                           std::int64_t at) {
    auto r = cases_["officer"]->refer({number,
                                       client::CaseKind::Deidentified,
                                       urgency,
                                       children,
                                       "Avidentifierat underlag",
                                       {},
                                       at,
                                       {},
                                       {}});
    EXPECT_TRUE(r.ok()) << r.error().describe();
    return *r;
  }

  client::DeviceIdentity coord_, officer_, worker_, nurseId_;
  std::map<std::string, std::unique_ptr<client::PlatformClient>> clients_;
  std::map<std::string, std::unique_ptr<client::CaseBook>> cases_;
  std::map<std::string, std::unique_ptr<client::MeetingBook>> books_;
};

TEST_F(Meetings, AWeekOfPlanningMinutesActionsAndApproval) {
  const std::int64_t now = nowSeconds();
  auto& coordBook = *books_["coord"];

  // Planning is the coordinator's; the schedule is checked.
  EXPECT_EQ(
      books_["officer"]->scheduleWeekly(now + kDay, 120, "Rum 3", 4, kStatement).error().reason(),
      "meeting.not_coordinator");
  EXPECT_EQ(coordBook.scheduleWeekly(now + kDay, 120, "Rum 3", 0, kStatement).error().reason(),
            "meeting.bad_schedule");
  auto series = coordBook.scheduleWeekly(now + kDay, 120, "Polishuset, rum 3", 4, kStatement);
  ASSERT_TRUE(series.ok()) << series.error().describe();
  ASSERT_EQ(series->size(), 4U);
  EXPECT_EQ((*series)[3].startsAt - (*series)[0].startsAt, 3 * 7 * kDay);
  const crypto::ObjectId first = (*series)[0].id;
  const crypto::ObjectId second = (*series)[1].id;

  // Four cases referred by the police, oldest first.
  auto planned = refer("NRS-2026-030", client::Urgency::Planned, false, now - 9 * kDay);
  auto consult = refer("NRS-2026-031", client::Urgency::Consultative, false, now - 8 * kDay);
  auto children = refer("NRS-2026-032", client::Urgency::Planned, true, now - 3 * kDay);
  auto acute = refer("NRS-2026-033", client::Urgency::Acute, false, now - kDay);
  for (const char* who : {"coord", "officer"}) sync(who);
  sync("coord");

  // Acute first, then children, then the rest by age.
  auto agenda = coordBook.buildAgenda(first);
  ASSERT_TRUE(agenda.ok()) << agenda.error().describe();
  std::vector<crypto::CaseId> order;
  for (const auto& e : agenda->agenda) order.push_back(*e.caseId);
  EXPECT_EQ(order, (std::vector<crypto::CaseId>{acute.id, children.id, planned.id, consult.id}));

  // Reordering keeps every item once.
  std::vector<crypto::ObjectId> items;
  for (const auto& e : agenda->agenda) items.push_back(e.item);
  EXPECT_EQ(coordBook.reorderAgenda(first, {items[0], items[1]}).error().reason(),
            "meeting.bad_order");
  std::swap(items[2], items[3]);
  ASSERT_TRUE(coordBook.reorderAgenda(first, items).ok());
  EXPECT_EQ(coordBook.find(first)->agenda[2].caseId, consult.id);
  sync("coord");

  // Everyone present confirms the statement, each with their own device.
  for (const char* who : {"officer", "worker", "nurse"}) sync(who);
  // Each device shows the statement's text the meeting reads.
  EXPECT_EQ(books_["nurse"]->statementText(*books_["nurse"]->find(first)), kStatement);
  EXPECT_EQ(books_["nurse"]
                ->confirmAttendance(first, "Något annat än det som lästes upp", now)
                .error()
                .reason(),
            "meeting.statement_mismatch");
  for (const char* who : {"coord", "officer", "worker", "nurse"}) {
    ASSERT_TRUE(books_[who]->confirmAttendance(first, kStatement, now).ok()) << who;
    sync(who);
  }
  sync("coord");
  EXPECT_EQ(coordBook.attendance(first).size(), 4U);
  EXPECT_TRUE(coordBook.attendance(second).empty());

  // The secretary (a social worker) minutes the acute case; others see it.
  client::Minutes m;
  m.meeting = first;
  m.item = items[0];
  m.summary = "Hot har ökat senaste veckan.";
  m.decisions = {"Skyddsbedömning görs av polisen."};
  auto& workerBook = *books_["worker"];
  ASSERT_TRUE(workerBook.writeMinutes(m).ok());
  client::Minutes stray = m;
  stray.item = crypto::ObjectId::random();
  EXPECT_EQ(workerBook.writeMinutes(stray).error().reason(), "meeting.no_such_item");
  sync("worker");
  sync("nurse");
  auto seen = books_["nurse"]->minutes(first, items[0]);
  ASSERT_TRUE(seen.has_value());
  EXPECT_EQ(seen->summary, m.summary);
  EXPECT_EQ(seen->caseId, acute.id);

  // Two offline edits of the same item: the second to arrive is kept whole.
  client::Minutes byWorker = *seen;
  byWorker.decisions.push_back("Socialtjänsten erbjuder skyddat boende.");
  client::Minutes byNurse = *seen;
  byNurse.summary += " Vårdcentralen har sett skador.";
  ASSERT_TRUE(workerBook.writeMinutes(byWorker).ok());
  ASSERT_TRUE(books_["nurse"]->writeMinutes(byNurse).ok());
  auto w = replicas_["worker"]->push(*clients_["worker"]);
  auto n = replicas_["nurse"]->push(*clients_["nurse"]);
  ASSERT_TRUE(w.ok() && n.ok());
  EXPECT_EQ(w->sent, 1U);
  EXPECT_EQ(n->conflicts, 1U);
  auto conflicts = replicas_["nurse"]->conflicts();
  ASSERT_EQ(conflicts.size(), 1U);
  auto kept = client::Minutes::parse(conflicts[0].localPlaintext);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->summary, byNurse.summary);
  // The nurse merges both and sends it on top.
  client::Minutes merged = byWorker;
  merged.summary = byNurse.summary;
  merged.meeting = first;
  ASSERT_TRUE(replicas_["nurse"]->reapplyConflict(conflicts[0].id, merged.serialize()).ok());
  sync("nurse");
  sync("coord");
  EXPECT_EQ(coordBook.minutes(first, items[0])->decisions.size(), 2U);
  EXPECT_EQ(coordBook.minutes(first, items[0])->summary, byNurse.summary);

  // Actions: checked, tracked, overdue listed, reviews need their reason.
  EXPECT_EQ(books_["officer"]
                ->addAction(acute.id, first, police_.id, officer_.user, "", now + kDay, now)
                .error()
                .reason(),
            "action.description_required");
  EXPECT_EQ(
      books_["officer"]
          ->addAction(acute.id, first, police_.id, officer_.user, "Skyddsbedömning", now - 1, now)
          .error()
          .reason(),
      "action.bad_due_date");
  auto protect = books_["officer"]->addAction(acute.id, first, police_.id, officer_.user,
                                              "Skyddsbedömning", now + 2 * kDay, now);
  auto housing = books_["officer"]->addAction(planned.id, first, social_.id, std::nullopt,
                                              "Erbjuda skyddat boende", now + 3 * kDay, now);
  ASSERT_TRUE(protect.ok() && housing.ok());
  sync("officer");
  sync("coord");
  EXPECT_TRUE(coordBook.overdue(now).empty());
  const std::int64_t beforeSecond = now + 8 * kDay;
  auto late = coordBook.overdue(beforeSecond);
  ASSERT_EQ(late.size(), 2U);
  EXPECT_EQ(late[0].description, "Skyddsbedömning");  // due first, listed first
  // Follow-ups due go right after the children on the next agenda.
  auto next = coordBook.buildAgenda(second);
  ASSERT_TRUE(next.ok());
  ASSERT_EQ(next->agenda.size(), 4U);
  EXPECT_EQ(next->agenda[0].caseId, acute.id);
  EXPECT_EQ(next->agenda[1].caseId, children.id);
  EXPECT_EQ(next->agenda[2].caseId, planned.id);  // its action is due
  EXPECT_EQ(coordBook
                .reviewAction(housing->id, client::ActionStatus::NotDone,
                              client::ActionReview::None, "", beforeSecond)
                .error()
                .reason(),
            "action.review_required");
  ASSERT_TRUE(coordBook
                  .reviewAction(housing->id, client::ActionStatus::NotDone,
                                client::ActionReview::CircumstancesChanged,
                                "Personen flyttade till annan kommun.", beforeSecond)
                  .ok());
  ASSERT_TRUE(coordBook
                  .reviewAction(protect->id, client::ActionStatus::Done, client::ActionReview::None,
                                "", beforeSecond)
                  .ok());
  EXPECT_TRUE(coordBook.overdue(beforeSecond).empty());

  // Approval by the coordinator, amendments with a reason, history kept.
  EXPECT_EQ(books_["worker"]->approve(first, now).error().reason(), "meeting.not_coordinator");
  auto approved = coordBook.approve(first, now + 3600);
  ASSERT_TRUE(approved.ok()) << approved.error().describe();
  EXPECT_EQ(approved->minutesVersion, 1U);
  EXPECT_EQ(approved->items.size(), 1U);
  EXPECT_EQ(coordBook.approve(first, now + 3700, "x").error().reason(), "minutes.unchanged");
  sync("coord");
  sync("worker");
  ASSERT_TRUE(workerBook.approval(first).has_value());
  EXPECT_TRUE(workerBook.changedSinceApproval(first).empty());
  client::Minutes amended = *workerBook.minutes(first, items[0]);
  amended.decisions.push_back("Ny tid för uppföljning: vecka 49.");
  ASSERT_TRUE(workerBook.writeMinutes(amended).ok());
  sync("worker");
  sync("coord");
  EXPECT_EQ(coordBook.changedSinceApproval(first), std::vector<crypto::ObjectId>{items[0]});
  EXPECT_EQ(coordBook.approve(first, now + 7200).error().reason(),
            "minutes.amendment_reason_required");
  auto amendment = coordBook.approve(first, now + 7200, "Uppföljningstid tillagd");
  ASSERT_TRUE(amendment.ok());
  EXPECT_EQ(amendment->minutesVersion, 2U);
  sync("coord");
  sync("officer");
  auto history = books_["officer"]->approvalHistory(*clients_["officer"], first);
  ASSERT_TRUE(history.ok()) << history.error().describe();
  ASSERT_EQ(history->size(), 2U);
  EXPECT_EQ((*history)[0].minutesVersion, 1U);
  EXPECT_TRUE((*history)[0].amendmentReason.empty());
  EXPECT_EQ((*history)[1].amendmentReason, "Uppföljningstid tillagd");
  EXPECT_EQ((*history)[0].signedBy, coord_.device);
  EXPECT_NE((*history)[0].items[0].digest, (*history)[1].items[0].digest);

  // Nothing of the minutes reaches the server in the clear.
  server_->shutdown(1s);
  EXPECT_GT(expectStoreHoldsNone({"Hot har ökat", "Skyddsbedömning", "skyddat boende",
                                  "Uppföljningstid", "konsultationsgruppen"}),
            50U);
}

// A second referral about the same person within a year is flagged to the
// coordinator through person tags: the server matches tags it cannot invert,
// takes them only from the referring agency, and neither the personnummer
// nor its digits are ever stored there (repeat_referral_test.cpp has more).
TEST_F(Meetings, ARepeatReferralIsFlaggedWithoutTheServerLearningWho) {
  const std::int64_t now = nowSeconds();
  auto first = refer("NRS-2026-040", client::Urgency::Planned, false, now - 40 * kDay);
  auto second = refer("NRS-2026-041", client::Urgency::Acute, false, now);
  sync("officer");
  auto& officerCases = *cases_["officer"];
  auto& server = *clients_["officer"];
  ASSERT_TRUE(replicas_["coord"]->ensurePersonTagKey(*clients_["coord"], now).ok());

  EXPECT_EQ(officerCases.registerPerson(server, first.id, "811218-9875", 2026).error().reason(),
            "pnr.checksum");
  EXPECT_EQ(officerCases.registerPerson(server, crypto::CaseId::random(), "811218-9876", 2026)
                .error()
                .reason(),
            "case.not_found");
  auto a = officerCases.registerPerson(server, first.id, "811218-9876", 2026);
  ASSERT_TRUE(a.ok()) << a.error().describe();
  EXPECT_FALSE(a->repeat);
  // Only the referring agency registers whom its case is about: another
  // agency's member learns nothing of who was referred, and plants nothing.
  sync("worker");
  EXPECT_EQ(cases_["worker"]
                ->registerPerson(*clients_["worker"], second.id, "198112189876", 2026)
                .error()
                .reason(),
            "case.not_referring_agency");
  auto key = replicas_["worker"]->personTagKey(*clients_["worker"]);
  ASSERT_TRUE(key.ok()) << key.error().describe();
  auto planted = crypto::personTag(group_, *key, "198112189876", 2026);
  ASSERT_TRUE(planted.ok());
  auto refused = clients_["worker"]->registerReferral(group_, second.id,
                                                      *crypto::Hash::fromBytes(*planted), 1);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason(), "case.not_referring_agency");
  refused = clients_["officer"]->registerReferral(group_, crypto::CaseId::random(),
                                                  *crypto::Hash::fromBytes(*planted), 1);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason(), "case.not_found");
  auto b = officerCases.registerPerson(server, second.id, "198112189876", 2026);
  ASSERT_TRUE(b.ok()) << b.error().describe();
  EXPECT_TRUE(b->repeat);

  sync("officer");
  sync("coord");
  auto flags = cases_["coord"]->repeatFlags(*clients_["coord"]);
  ASSERT_TRUE(flags.ok()) << flags.error().describe();
  ASSERT_EQ(flags->size(), 1U);
  EXPECT_EQ((*flags)[0].caseId, second.id);
  EXPECT_EQ((*flags)[0].earlier, std::vector<crypto::CaseId>{first.id});
  EXPECT_TRUE(cases_["coord"]->find(second.id)->repeatReferral);
  EXPECT_FALSE(cases_["coord"]->find(first.id)->repeatReferral);

  server_->shutdown(1s);
  EXPECT_GT(expectStoreHoldsNone({"8112189876", "811218"}), 50U);
}

}  // namespace
}  // namespace samrad::platform_testing
