// Group statistics on a generated year of cases whose every answer is known
// in advance, including the suppression of small counts in what is exported.
#include "samrad/client/stats.h"

#include <gtest/gtest.h>

#include <ctime>

namespace samrad::client {
namespace {

constexpr std::int64_t kDay = 24 * 3600;

std::int64_t monthStart(int year, int month) {  // month 0..11, UTC
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month;
  tm.tm_mday = 1;
  return timegm(&tm);
}

struct Year {
  StatsInput in;
  crypto::AgencyId police = crypto::AgencyId::random();
  crypto::AgencyId social = crypto::AgencyId::random();
  crypto::AgencyId health = crypto::AgencyId::random();
  std::int64_t from = monthStart(2026, 0);
  std::int64_t to = monthStart(2027, 0);
  std::int64_t now = monthStart(2027, 0);
};

// 120 cases in 2026, ten a month (i = month + 12k): consented in every third
// month; the first of each month acute, the last consultative; the first five
// referred by the police, the next four by social services, the last by
// healthcare; every twentieth a repeat referral. A meeting on the 21st of
// each month takes up the police's cases; a cancelled one the next case.
// Forty actions of the police (on time, late, overdue, not done in turn) and
// three overdue of healthcare; follow-ups of every second case; ten advice
// requests, three from healthcare. Two cases of December 2025 lie outside.
Year generate() {
  Year y;
  for (int i = 0; i < 120; ++i) {
    const int m = i % 12;
    const int k = i / 12;
    CaseRecord c;
    c.id = crypto::CaseId::random();
    c.number = "NRS-2026-" + std::to_string(100 + i);
    c.kind = m % 3 == 0 ? CaseKind::Consented : CaseKind::Deidentified;
    c.urgency = k == 0 ? Urgency::Acute : k == 9 ? Urgency::Consultative : Urgency::Planned;
    c.referringAgency = k < 5 ? y.police : k < 9 ? y.social : y.health;
    c.referredAt = monthStart(2026, m) + (k + 1) * kDay + 10 * 3600;
    if (i % 20 == 0) c.repeatReferral = true;
    y.in.cases.push_back(c);
    if (i % 2 == 0) {
      FollowUp f;
      f.caseId = c.id;
      f.after = i % 6 == 0   ? ViolenceAfter::Stopped
                : i % 6 == 2 ? ViolenceAfter::Reduced
                             : ViolenceAfter::Unchanged;
      if (i % 6 == 0) f.goals = GoalsMet::Yes;
      y.in.followUps.push_back(f);
    }
    if (i < 40) {
      Action a;
      a.id = crypto::ObjectId::random();
      a.caseId = c.id;
      a.ownerAgency = y.police;
      a.dueAt = monthStart(2026, m) + 25 * kDay;
      switch (i % 4) {
        case 0:
          a.status = ActionStatus::Done;
          a.updatedAt = a.dueAt - kDay;
          break;
        case 1:
          a.status = ActionStatus::Done;
          a.updatedAt = a.dueAt + kDay;
          break;
        case 2:
          a.status = ActionStatus::Open;
          break;
        default:
          a.status = ActionStatus::NotDone;
          break;
      }
      y.in.actions.push_back(a);
    }
  }
  for (int m = 0; m < 12; ++m) {
    Meeting meeting;
    meeting.id = crypto::ObjectId::random();
    meeting.startsAt = monthStart(2026, m) + 20 * kDay;
    for (int k = 0; k < 5; ++k) {
      meeting.agenda.push_back({crypto::ObjectId::random(), y.in.cases[m + 12 * k].id, {}, 10});
    }
    y.in.meetings.push_back(meeting);
    Meeting cancelled = meeting;
    cancelled.id = crypto::ObjectId::random();
    cancelled.status = MeetingStatus::Cancelled;
    cancelled.agenda = {{crypto::ObjectId::random(), y.in.cases[m + 60].id, {}, 10}};
    y.in.meetings.push_back(cancelled);
  }
  for (int i = 0; i < 3; ++i) {
    Action a;
    a.ownerAgency = y.health;
    a.dueAt = monthStart(2026, 5) + i * kDay;
    y.in.actions.push_back(a);
  }
  for (int i = 0; i < 10; ++i) {
    AdviceRequest r;
    r.submittedAt = monthStart(2026, i) + kDay;
    r.organisationType =
        i < 3 ? RequesterOrganisation::Healthcare : RequesterOrganisation::SocialServices;
    y.in.advice.push_back(r);
  }
  for (int i = 0; i < 2; ++i) {
    CaseRecord before;
    before.id = crypto::CaseId::random();
    before.referringAgency = y.health;
    before.referredAt = y.from - (i + 1) * kDay;
    y.in.cases.push_back(before);
  }
  return y;
}

TEST(GroupStatistics, AYearOfCasesGivesTheKnownAnswers) {
  const Year y = generate();
  const auto s = computeStatistics(y.in, y.from, y.to, y.now);
  EXPECT_EQ(s.cases, 120);
  ASSERT_EQ(s.perMonth.size(), 12U);
  for (int m = 0; m < 12; ++m) {
    const auto& mc = s.perMonth[static_cast<std::size_t>(m)];
    EXPECT_EQ(mc.month, "2026-" + std::string(m < 9 ? "0" : "") + std::to_string(m + 1));
    EXPECT_EQ(mc.total, 10);
    EXPECT_EQ(mc.consented, m % 3 == 0 ? 10 : 0) << mc.month;
    EXPECT_EQ(mc.deidentified, m % 3 == 0 ? 0 : 10) << mc.month;
    EXPECT_EQ(mc.acute, 1);
    EXPECT_EQ(mc.planned, 8);
    EXPECT_EQ(mc.consultative, 1);
  }
  EXPECT_EQ(s.byReferringAgency.at(y.police), 60);
  EXPECT_EQ(s.byReferringAgency.at(y.social), 48);
  EXPECT_EQ(s.byReferringAgency.at(y.health), 12);  // the known gap, made visible
  EXPECT_EQ(s.repeatReferrals, 6);
  EXPECT_EQ(s.reachedMeeting, 60);  // the cancelled meetings took up nobody
  EXPECT_NEAR(s.medianDaysToMeeting, 16.0 + 14.0 / 24.0, 1e-9);
  ASSERT_EQ(s.actions.size(), 2U);
  for (const auto& a : s.actions) {
    if (a.agency == y.police) {
      EXPECT_EQ(a.doneOnTime, 10);
      EXPECT_EQ(a.doneLate, 10);
      EXPECT_EQ(a.overdue, 10);
      EXPECT_EQ(a.notDone, 10);
      EXPECT_EQ(a.open, 0);
    } else {
      EXPECT_EQ(a.agency, y.health);
      EXPECT_EQ(a.overdue, 3);
    }
  }
  EXPECT_EQ(s.followedUp, 60);
  EXPECT_EQ(s.outcomes.at(ViolenceAfter::Stopped), 20);
  EXPECT_EQ(s.outcomes.at(ViolenceAfter::Reduced), 20);
  EXPECT_EQ(s.outcomes.at(ViolenceAfter::Unchanged), 20);
  EXPECT_EQ(s.goals.at(GoalsMet::Yes), 20);
  EXPECT_EQ(s.adviceRequests, 10);
  EXPECT_EQ(s.adviceByOrganisation.at(RequesterOrganisation::Healthcare), 3);
  EXPECT_EQ(s.adviceByOrganisation.at(RequesterOrganisation::SocialServices), 7);

  // A period of one month counts only its own.
  const auto march = computeStatistics(y.in, monthStart(2026, 2), monthStart(2026, 3), y.now);
  EXPECT_EQ(march.cases, 10);
  ASSERT_EQ(march.perMonth.size(), 1U);
  EXPECT_EQ(march.perMonth[0].month, "2026-03");
  EXPECT_EQ(march.adviceRequests, 1);
}

TEST(GroupStatistics, SmallCountsNeverLeaveTheDevice) {
  EXPECT_EQ(exportedCount(0), "0");
  EXPECT_EQ(exportedCount(1), "<5");
  EXPECT_EQ(exportedCount(4), "<5");
  EXPECT_EQ(exportedCount(5), "5");
  const Year y = generate();
  const auto s = computeStatistics(y.in, y.from, y.to, y.now);
  const std::map<crypto::AgencyId, std::string> names = {
      {y.police, "Polisen"}, {y.social, "Socialtjänsten"}, {y.health, "Region, vård"}};
  const std::string csv = statisticsCsv(s, names);
  EXPECT_NE(csv.find("per_month,2026-01,acute,<5\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("per_month,2026-01,consented,10\n"), std::string::npos);
  EXPECT_NE(csv.find("actions,\"Region, vård\",overdue,<5\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("advice_by_organisation,healthcare,count,<5\n"), std::string::npos);
  EXPECT_NE(csv.find("referring_agency,Polisen,count,60\n"), std::string::npos);
  EXPECT_EQ(csv.find(",1\n"), std::string::npos);  // no count of 1 to 4 anywhere
  EXPECT_EQ(csv.find(",3\n"), std::string::npos);
  const std::string json = statisticsJson(s, names);
  EXPECT_NE(json.find("\"acute\": \"<5\""), std::string::npos);
  EXPECT_NE(json.find("\"healthcare\": \"<5\""), std::string::npos);
  EXPECT_NE(json.find("\"median_days_to_first_meeting\": 16.6"), std::string::npos) << json;
  EXPECT_NE(json.find("\"Region, vård\""), std::string::npos);

  // With fewer than five cases taken up by a meeting, no median is given.
  const auto march = computeStatistics(y.in, monthStart(2026, 2), monthStart(2026, 3), y.now);
  EXPECT_EQ(march.reachedMeeting, 5);
  StatsInput few = y.in;
  few.meetings.resize(2);  // January's meeting only (and its cancelled twin)
  few.meetings[0].agenda.resize(2);
  const auto sparse = computeStatistics(few, y.from, y.to, y.now);
  EXPECT_EQ(sparse.reachedMeeting, 2);
  EXPECT_NE(statisticsJson(sparse, names).find("\"median_days_to_first_meeting\": null"),
            std::string::npos);
}

TEST(FollowUpRecord, RoundTripsAndReadsUnknownChoicesAsNotGiven) {
  FollowUp f;
  f.caseId = crypto::CaseId::random();
  f.living = LivingSituation::Sheltered;
  f.children = 2;
  f.protectedIdentity = true;
  f.violenceKinds = kPhysical | kEconomic;
  f.frequency = Frequency::Weekly;
  f.riskMethod = "Patriark";
  f.risk = RiskLevel::High;
  f.measures = {{crypto::AgencyId::random(), "skyddat boende", 1'790'000'000}};
  f.after = ViolenceAfter::Reduced;
  f.ownWords = "Jag känner mig tryggare.";
  auto back = FollowUp::parse(f.serialize());
  ASSERT_TRUE(back.ok()) << back.error().describe();
  EXPECT_EQ(back->living, LivingSituation::Sheltered);
  EXPECT_EQ(back->violenceKinds, kPhysical | kEconomic);
  EXPECT_EQ(back->risk, RiskLevel::High);
  ASSERT_EQ(back->measures.size(), 1U);
  EXPECT_EQ(back->measures[0].measure, "skyddat boende");
  EXPECT_EQ(back->ownWords, f.ownWords);
  EXPECT_EQ(back->definitions, FollowUp::kDefinitions);
  // A later definition's choice this client does not know reads as not given.
  FollowUp later = f;
  later.after = static_cast<ViolenceAfter>(9);
  EXPECT_EQ(FollowUp::parse(later.serialize())->after, ViolenceAfter::NotGiven);
  EXPECT_EQ(FollowUp::parse(crypto::asBytes("not a record")).error().reason(),
            "followup.malformed");
}

}  // namespace
}  // namespace samrad::client
