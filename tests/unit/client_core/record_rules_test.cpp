// A reader's rule for a case's own records (#25 item 5): who may write the
// case record and the consent record, checked on the content and its signed
// author, whatever the server accepted.
#include "samrad/client/record_rules.h"

#include <gtest/gtest.h>

#include "samrad/client/cases.h"
#include "samrad/client/consent.h"

namespace samrad::client {
namespace {

RecordWrite write(std::string_view kind, const crypto::ChainMember* author, crypto::ByteView next,
                  std::uint64_t version) {
  RecordWrite w;
  w.kind = kind;
  w.author = author;
  w.next = next;
  w.version = version;
  return w;
}

crypto::ChainMember memberOf(const crypto::AgencyId& agency, crypto::GroupRole role) {
  crypto::ChainMember m;
  m.certificate.user = crypto::UserId::random();
  m.certificate.agency = agency;
  m.role = role;
  return m;
}

class RecordRules : public ::testing::Test {
 protected:
  RecordRules() {
    record_.id = crypto::CaseId::random();
    record_.number = "NRS-2026-040";
    record_.referringAgency = police_;
    record_.referringUser = officer_.certificate.user;
    record_.brief = "Kvinna 40 år, hot från f.d. sambo.";
  }

  Status check(const crypto::ChainMember* author, const CaseRecord& next, std::uint64_t version,
               const std::optional<CaseRecord>& kept = std::nullopt,
               const std::optional<CaseRecord>& base = std::nullopt) {
    const crypto::Bytes n = next.serialize();
    crypto::Bytes k = kept ? kept->serialize() : crypto::Bytes{};
    crypto::Bytes b = base ? base->serialize() : crypto::Bytes{};
    RecordWrite w = write("case", author, n, version);
    w.caseId = record_.id;
    w.object = CaseBook::objectOf(record_.id);
    if (kept) w.kept = crypto::ByteView(k);
    if (base) w.base = crypto::ByteView(b);
    return checkRecordWrite(w);
  }

  crypto::AgencyId police_ = crypto::AgencyId::random();
  crypto::AgencyId social_ = crypto::AgencyId::random();
  crypto::ChainMember officer_ = memberOf(police_, crypto::GroupRole::Member);
  crypto::ChainMember worker_ = memberOf(social_, crypto::GroupRole::Member);
  crypto::ChainMember coordinator_ = memberOf(social_, crypto::GroupRole::Coordinator);
  CaseRecord record_;
};

TEST_F(RecordRules, TheReferringAgencyWritesItsCaseRecord) {
  EXPECT_TRUE(check(&officer_, record_, 1).ok());
  CaseRecord edited = record_;
  edited.brief = "Rättad sammanfattning.";
  EXPECT_TRUE(check(&officer_, edited, 2, record_).ok());
  // Another member of the same agency, too.
  const crypto::ChainMember colleague = memberOf(police_, crypto::GroupRole::Member);
  EXPECT_TRUE(check(&colleague, edited, 2, record_).ok());
}

// A lawyer, an observer and a recovery key read the group; a version signed
// by one of them is refused whatever its kind — even a case record from the
// referring agency's own lawyer — though the server should never have taken it.
TEST_F(RecordRules, DevicesThatOnlyReadWriteNothingAReaderKeeps) {
  const crypto::ChainMember lawyer = memberOf(police_, crypto::GroupRole::Lawyer);
  const crypto::ChainMember observer = memberOf(police_, crypto::GroupRole::Observer);
  const crypto::ChainMember recovery = memberOf(police_, crypto::GroupRole::Recovery);
  for (const auto* who : {&lawyer, &observer, &recovery}) {
    auto refused = check(who, record_, 1);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().reason(), "record.read_only_author");
    const crypto::Bytes text = crypto::Bytes{'x'};
    for (const char* kind : {"note", "minutes", "log-view", "consent"}) {
      auto w = checkRecordWrite(write(kind, who, text, 1));
      ASSERT_FALSE(w.ok()) << kind;
      EXPECT_EQ(w.error().reason(), "record.read_only_author") << kind;
    }
  }
  // What a recovery key is for, and what members write, pass.
  EXPECT_TRUE(checkAuthorRole(&recovery, "epoch-history").ok());
  EXPECT_TRUE(checkAuthorRole(&recovery, "case-keys").ok());
  EXPECT_FALSE(checkAuthorRole(&lawyer, "case-keys").ok());
  EXPECT_TRUE(checkAuthorRole(&officer_, "note").ok());
  EXPECT_TRUE(checkAuthorRole(&coordinator_, "minutes").ok());
}

TEST_F(RecordRules, AnotherAgencyIsRefusedEvenWhenItClaimsTheCase) {
  CaseRecord edited = record_;
  edited.brief = "Ändrad av någon annan.";
  EXPECT_EQ(check(&worker_, edited, 2, record_).error().reason(), "record.wrong_author");
  // Naming itself the referring agency does not help a reader who kept the case.
  edited.referringAgency = social_;
  EXPECT_EQ(check(&worker_, edited, 2, record_).error().reason(), "record.changed_referrer");
  EXPECT_EQ(check(nullptr, record_, 2, record_).error().reason(), "record.wrong_author");
}

TEST_F(RecordRules, TheCoordinatorChangesOnlyTheStatusOfTheVersionBefore) {
  CaseRecord moved = record_;
  moved.status = CaseStatus::OnAgenda;
  EXPECT_TRUE(check(&coordinator_, moved, 2, std::nullopt, record_).ok());
  CaseRecord closed = moved;
  closed.status = CaseStatus::Closed;
  closed.closedAt = 1'800'000'000;
  EXPECT_TRUE(check(&coordinator_, closed, 3, record_, moved).ok());
  CaseRecord rewritten = moved;
  rewritten.brief = "Samordnarens egen text.";
  EXPECT_EQ(check(&coordinator_, rewritten, 2, std::nullopt, record_).error().reason(),
            "record.coordinator_edit");
  // Without the version before, nothing to judge it by: refused.
  EXPECT_EQ(check(&coordinator_, moved, 2).error().reason(), "record.coordinator_edit");
  // Nor does a coordinator of another agency create a case's record.
  EXPECT_EQ(check(&coordinator_, record_, 1).error().reason(), "record.wrong_author");
  const crypto::Bytes movedBytes = moved.serialize();
  RecordWrite w = write("case", &coordinator_, movedBytes, 2);
  EXPECT_TRUE(needsBase(w));
  w.author = &officer_;
  EXPECT_FALSE(needsBase(w));
}

TEST_F(RecordRules, ARecordLivesUnderItsOwnCaseAndKeepsItsFirstReferrer) {
  // Another case's record, or one under another id: refused.
  const crypto::Bytes n = record_.serialize();
  RecordWrite w = write("case", &officer_, n, 1);
  w.caseId = crypto::CaseId::random();
  w.object = CaseBook::objectOf(*w.caseId);
  EXPECT_EQ(checkRecordWrite(w).error().reason(), "record.wrong_case");
  w.caseId = record_.id;
  w.object = crypto::ObjectId::random();
  EXPECT_EQ(checkRecordWrite(w).error().reason(), "record.wrong_case");
  // A coordinator of another agency who names its own agency as referrer, on
  // a device that kept no version: the first version's author says otherwise.
  const crypto::ChainMember coordinatorOfPolice = memberOf(police_, crypto::GroupRole::Coordinator);
  CaseRecord claimed = record_;
  claimed.referringAgency = social_;
  claimed.brief = "Samordnarens egen text.";
  const crypto::Bytes c = claimed.serialize();
  RecordWrite v = write("case", &coordinator_, c, 3);
  v.caseId = record_.id;
  v.object = CaseBook::objectOf(record_.id);
  EXPECT_TRUE(needsFirstAuthor(v));
  v.firstAuthorAgency = police_;
  EXPECT_EQ(checkRecordWrite(v).error().reason(), "record.changed_referrer");
  // The referring agency's own coordinator edits freely.
  const crypto::Bytes own = record_.serialize();
  v.author = &coordinatorOfPolice;
  v.next = own;
  EXPECT_TRUE(checkRecordWrite(v).ok());
}

TEST_F(RecordRules, AConsentRecordIsTheReferringAgencysAndAWithdrawalStays) {
  ConsentRecord c;
  c.form.caseId = record_.id;
  c.form.recipients = {social_};
  c.form.validFrom = 1'790'000'000;
  c.form.validUntil = 1'800'000'000;
  c.registeredBy = officer_.certificate.user;
  c.registeredAt = 1'790'000'000;
  const crypto::Bytes bytes = c.serialize();
  RecordWrite w = write("consent", &worker_, bytes, 2);
  w.caseReferrer = police_;
  w.caseId = record_.id;
  w.object = CaseBook::objectOf(record_.id);
  EXPECT_EQ(checkRecordWrite(w).error().reason(), "record.wrong_case");
  w.object = ConsentBook::objectOf(record_.id);
  EXPECT_EQ(checkRecordWrite(w).error().reason(), "record.wrong_author");
  w.author = &officer_;
  EXPECT_TRUE(checkRecordWrite(w).ok());
  ConsentRecord withdrawn = c;
  withdrawn.withdrawnAt = 1'795'000'000;
  withdrawn.withdrawnBy = officer_.certificate.user;
  const crypto::Bytes keptBytes = withdrawn.serialize();
  w.kept = crypto::ByteView(keptBytes);
  EXPECT_EQ(checkRecordWrite(w).error().reason(), "record.withdrawal_undone");
  // A new consent, registered after the withdrawal, is no undoing.
  ConsentRecord renewed = c;
  renewed.registeredAt = withdrawn.withdrawnAt + 3600;
  const crypto::Bytes renewedBytes = renewed.serialize();
  w.next = renewedBytes;
  EXPECT_TRUE(checkRecordWrite(w).ok());
  // Other kinds are not judged here.
  w.kind = "minutes-item";
  EXPECT_TRUE(checkRecordWrite(w).ok());
}

}  // namespace
}  // namespace samrad::client
