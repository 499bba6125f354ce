// Retention executed by the server (DESIGN §4), with a clock the test moves:
// a closed case's content goes when the group's policy says, by the calendar,
// its consent record stays as long as the policy keeps records, every
// deletion is in the audit log, and nothing can be written to a purged case.
#include "domain_fixture.h"
#include "samrad/v1/log.pb.h"

namespace samrad::server::domain {
namespace {

constexpr std::int64_t kDay = 24 * 3600;

class Retention : public DomainTest {
 protected:
  // A case's object, written by the member for the whole group.
  ObjectId put(const crypto::CaseId& caseId, std::string_view text) {
    const ObjectId id = ObjectId::random();
    AccessSpec access;
    access.caseId = caseId;
    auto r = platform_->putObject(caller("member"), group_, id, 0, objectBy("member", id, 1, text),
                                  access);
    EXPECT_TRUE(r.ok()) << r.error().describe();
    return id;
  }
  bool stored(const ObjectId& id) {
    auto h = store_->objectHead(group_, id);
    return h.ok() && *h && !(*h)->deleted;
  }
  // Log entries of one kind, from the store's own copy of the log.
  int logged(int kind) {
    int n = 0;
    for (std::uint64_t i = 0;; i += 1000) {
      auto page = store_->logEntries(crypto::LogId::ofGroup(group_), i, 1000);
      if (!page.ok() || page->empty()) break;
      for (const auto& raw : *page) {
        v1::LogEntry e;
        if (e.ParseFromArray(raw.data(), static_cast<int>(raw.size())) && e.kind() == kind) ++n;
      }
      if (page->size() < 1000) break;
    }
    return n;
  }
};

TEST_F(Retention, AClosedDeidentifiedCaseGoesWhenThePolicySaysAndNotBefore) {
  // 31 January closing, 1 month: due on the last day of February.
  clock_.t = 1769860800;  // 2026-01-31 12:00 UTC
  const auto deid = crypto::CaseId::random();
  const auto open = crypto::CaseId::random();
  const ObjectId brief = referCase("member", deid, "avidentifierat underlag");
  const ObjectId other = referCase("member", open, "ett öppet ärende");

  // Only the coordinator sets the policy, within its bounds.
  EXPECT_EQ(
      platform_->setRetentionPolicy(caller("member"), group_, {1, 0, 0, 0, {}}).error().reason(),
      "group.not_coordinator");
  EXPECT_EQ(platform_->setRetentionPolicy(caller("coordinator"), group_, {1201, 0, 0, 0, {}})
                .error()
                .reason(),
            "retention.bad_policy");
  ASSERT_TRUE(platform_->setRetentionPolicy(caller("coordinator"), group_, {1, 0, 0, 0, {}}).ok());
  EXPECT_EQ(platform_->getRetentionPolicy(caller("lawyer"), group_)->deidentifiedCaseMonths, 1U);

  ASSERT_TRUE(platform_->setCaseState(caller("member"), group_, deid, true, true).ok());
  ASSERT_TRUE(platform_->setCaseState(caller("member"), group_, open, true, false).ok());

  clock_.t += 27 * kDay;  // 27 February: not yet
  ASSERT_EQ(*platform_->applyRetention(), 0U);
  EXPECT_TRUE(stored(brief));

  clock_.t += kDay;  // 28 February, 12:00: a calendar month after 31 January
  ASSERT_EQ(*platform_->applyRetention(), 1U);
  EXPECT_FALSE(stored(brief));
  EXPECT_TRUE(stored(other));  // open cases are never touched
  EXPECT_FALSE(store_->objectBody(group_, brief, 1)->has_value()) << "ciphertext must be gone";
  EXPECT_EQ(logged(v1::LOG_ENTRY_RETENTION_DELETED), 1);
  EXPECT_EQ(logged(v1::LOG_ENTRY_RETENTION_POLICY), 1);
  EXPECT_EQ(logged(v1::LOG_ENTRY_CASE_STATE), 2);  // each case reported once

  // Once purged: no new content, no reopening, and the sweep is idempotent.
  AccessSpec access;
  access.caseId = deid;
  const ObjectId late = ObjectId::random();
  EXPECT_EQ(
      platform_
          ->putObject(caller("member"), group_, late, 0, objectBy("member", late, 1, "x"), access)
          .error()
          .reason(),
      "case.purged");
  EXPECT_EQ(platform_->setCaseState(caller("member"), group_, deid, true, false).error().reason(),
            "case.purged");
  EXPECT_EQ(*platform_->applyRetention(), 0U);
}

TEST_F(Retention, TheConsentRecordOutlivesTheCaseContentByItsOwnYears) {
  clock_.t = 1767268800;  // 2026-01-01 12:00 UTC
  const auto caseId = crypto::CaseId::random();
  const ObjectId brief = referCase("member", caseId, "underlag med samtycke");
  const ObjectId record = put(caseId, "samtyckesblankett");
  ConsentRecord c;
  c.group = group_;
  c.caseId = caseId;
  c.referringAgency = actors_.at("member").agency;
  c.validFrom = clock_.t;
  c.validUntil = clock_.t + 90 * kDay;
  c.status = ConsentStatus::Withdrawn;
  c.recordObject = record;
  c.registeredAt = clock_.t;
  c.registeredBy = actors_.at("member").device;
  ASSERT_TRUE(store_->putConsent(c).ok());
  ASSERT_TRUE(platform_->setRetentionPolicy(caller("coordinator"), group_, {0, 6, 2, 0, {}}).ok());
  ASSERT_TRUE(platform_->setCaseState(caller("member"), group_, caseId, false, true).ok());

  clock_.t += 200 * kDay;  // past six months: the content goes, the record stays
  EXPECT_EQ(*platform_->applyRetention(), 1U);
  EXPECT_FALSE(stored(brief));
  EXPECT_TRUE(stored(record));

  clock_.t += 400 * kDay;  // a year and a half after closure: still kept
  EXPECT_EQ(*platform_->applyRetention(), 0U);
  EXPECT_TRUE(stored(record));

  clock_.t += 200 * kDay;  // past two years
  EXPECT_EQ(*platform_->applyRetention(), 1U);
  EXPECT_FALSE(stored(record));
  EXPECT_EQ(logged(v1::LOG_ENTRY_RETENTION_DELETED), 2);
}

class AdviceAccess : public DomainTest {};

TEST_F(AdviceAccess, AnExternalRequesterTheCoordinatorRemovedIsRefused) {
  EXPECT_TRUE(platform_->authorize(Operation::SubmitAdvice, nullptr, &group_).error().code() ==
              ErrorCode::Unauthenticated);
  const Caller external = caller("external");
  EXPECT_TRUE(platform_->authorize(Operation::ListAdvice, &external, &group_).ok());
  ASSERT_TRUE(store_->setRequester(group_, external.user, false, clock_.now()).ok());
  EXPECT_EQ(platform_->authorize(Operation::ListAdvice, &external, &group_).error().reason(),
            "advice.not_requester");
}

}  // namespace
}  // namespace samrad::server::domain
