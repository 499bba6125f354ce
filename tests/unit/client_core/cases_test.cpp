// Case records: their encrypted-content form, the status rules, and the
// agenda order the consultation group works through.
#include "samrad/client/cases.h"

#include <gtest/gtest.h>

namespace samrad::client {
namespace {

CaseRecord sample() {
  CaseRecord c;
  c.id = crypto::CaseId::random();
  c.number = "NRS-2026-017";
  c.referringAgency = crypto::AgencyId::random();
  c.referringUser = crypto::UserId::random();
  c.kind = CaseKind::Consented;
  c.urgency = Urgency::Acute;
  c.childrenInvolved = true;
  c.status = CaseStatus::OnAgenda;
  c.brief = "Kvinna i 40-årsåldern, två barn, hot från tidigare partner.";
  c.recused = {crypto::UserId::random(), crypto::UserId::random()};
  c.referredAt = 1'790'000'000;
  return c;
}

TEST(CaseRecord, RoundTripsThroughItsEncryptedContentForm) {
  const CaseRecord c = sample();
  auto back = CaseRecord::parse(c.serialize());
  ASSERT_TRUE(back.ok()) << back.error().describe();
  EXPECT_EQ(back->id, c.id);
  EXPECT_EQ(back->number, c.number);
  EXPECT_EQ(back->referringAgency, c.referringAgency);
  EXPECT_EQ(back->kind, CaseKind::Consented);
  EXPECT_EQ(back->urgency, Urgency::Acute);
  EXPECT_TRUE(back->childrenInvolved);
  EXPECT_EQ(back->status, CaseStatus::OnAgenda);
  EXPECT_EQ(back->brief, c.brief);
  EXPECT_EQ(back->recused, c.recused);
  EXPECT_EQ(back->referredAt, c.referredAt);
}

TEST(CaseRecord, DamagedRecordsAreRefusedNotGuessed) {
  EXPECT_EQ(CaseRecord::parse(crypto::asBytes(std::string("\xff\xff\xff", 3))).error().reason(),
            "case.malformed");
  EXPECT_EQ(CaseRecord::parse({}).error().reason(), "case.malformed");  // no id
  auto bytes = sample().serialize();
  bytes.resize(bytes.size() / 2);
  EXPECT_FALSE(CaseRecord::parse(bytes).ok());
}

TEST(CaseStatusRules, ForwardOneStepOrCloseNeverReopen) {
  using S = CaseStatus;
  EXPECT_TRUE(checkTransition(S::Referred, S::OnAgenda).ok());
  EXPECT_TRUE(checkTransition(S::OnAgenda, S::Active).ok());
  EXPECT_TRUE(checkTransition(S::Active, S::Closed).ok());
  EXPECT_TRUE(checkTransition(S::Referred, S::Closed).ok());
  EXPECT_EQ(checkTransition(S::Referred, S::Active).error().reason(), "case.bad_transition");
  EXPECT_FALSE(checkTransition(S::Active, S::Referred).ok());
  EXPECT_FALSE(checkTransition(S::Closed, S::Active).ok());
  EXPECT_FALSE(checkTransition(S::Closed, S::Closed).ok());
}

TEST(Agenda, AcuteThenChildrenThenFollowUpsDueThenTheRestOldestFirst) {
  auto make = [](std::string number, Urgency u, bool children, std::int64_t at) {
    CaseRecord c = sample();
    c.id = crypto::CaseId::random();
    c.number = std::move(number);
    c.urgency = u;
    c.childrenInvolved = children;
    c.status = CaseStatus::Referred;
    c.referredAt = at;
    return c;
  };
  std::vector<CaseRecord> cases = {
      make("planned-late", Urgency::Planned, false, 50),
      make("children", Urgency::Planned, true, 40),
      make("acute-late", Urgency::Acute, false, 30),
      make("followup", Urgency::Consultative, false, 10),
      make("acute-early", Urgency::Acute, true, 20),
      make("planned-early", Urgency::Planned, false, 5),
  };
  CaseRecord closed = make("closed", Urgency::Acute, true, 1);
  closed.status = CaseStatus::Closed;
  cases.push_back(closed);
  const auto order = agendaOrder(cases, {cases[3].id});
  std::vector<std::string> numbers;
  for (const auto& c : order) numbers.push_back(c.number);
  EXPECT_EQ(numbers, (std::vector<std::string>{"acute-early", "acute-late", "children", "followup",
                                               "planned-early", "planned-late"}));
}

}  // namespace
}  // namespace samrad::client
