// A consent registered on the server (DESIGN §2) never covers less than what
// is already shared of its case — objects and attachments, and never what is
// shared with the whole group — and gives access from the moment it is
// registered, so it cannot start later (#25, a low item).
#include "domain_fixture.h"

namespace samrad::server::domain {
namespace {

constexpr std::int64_t kDay = 24 * 3600;

class ConsentScope : public DomainTest {
 protected:
  // The referring member's device and the coordinator's (the agency the
  // consent names).
  AccessSpec narrow(const crypto::CaseId& caseId) {
    AccessSpec a;
    a.wholeGroup = false;
    a.devices = {actors_.at("member").device, actors_.at("coordinator").device};
    a.caseId = caseId;
    return a;
  }
  AccessSpec wholeGroup(const crypto::CaseId& caseId) {
    AccessSpec a;
    a.caseId = caseId;
    return a;
  }
  Status write(const AccessSpec& access) {
    const ObjectId id = ObjectId::random();
    auto r = platform_->putObject(caller("member"), group_, id, 0,
                                  objectBy("member", id, 1, "underlag"), access);
    if (!r) return r.error();
    return okStatus();
  }
  ConsentSpec consentFor(const crypto::CaseId& caseId, std::int64_t from) {
    return {
        caseId,      {actors_.at("coordinator").agency}, from, from + 90 * kDay, ObjectId::random(),
        std::nullopt};
  }
};

TEST_F(ConsentScope, WhatIsSharedWithTheWholeGroupIsNeverCoveredByAConsent) {
  clock_.t = 1769860800;  // 2026-01-31 12:00 UTC
  const auto caseId = crypto::CaseId::random();
  referCase("member", caseId, "ärende", {"member", "coordinator"});
  ASSERT_TRUE(write(wholeGroup(caseId)).ok());
  auto r = platform_->registerConsent(caller("member"), group_, consentFor(caseId, clock_.t));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), "consent.out_of_scope");
}

TEST_F(ConsentScope, AnAttachmentSharedWiderThanTheConsentIsSeenToo) {
  clock_.t = 1769860800;
  const auto caseId = crypto::CaseId::random();
  referCase("member", caseId, "ärende", {"member", "coordinator"});
  ASSERT_TRUE(
      platform_
          ->beginUpload(caller("member"), group_, ObjectId::random(), 1024, 0, wholeGroup(caseId))
          .ok());
  auto r = platform_->registerConsent(caller("member"), group_, consentFor(caseId, clock_.t));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), "consent.out_of_scope");

  // Narrow attachments fit.
  const auto other = crypto::CaseId::random();
  referCase("member", other, "ärende", {"member", "coordinator"});
  ASSERT_TRUE(
      platform_->beginUpload(caller("member"), group_, ObjectId::random(), 1024, 0, narrow(other))
          .ok());
  EXPECT_TRUE(
      platform_->registerConsent(caller("member"), group_, consentFor(other, clock_.t)).ok());
}

TEST_F(ConsentScope, OnlyTheAgencyThatReferredTheCaseRegistersItsConsent) {
  clock_.t = 1769860800;
  const auto caseId = crypto::CaseId::random();
  // No case record on the server: nobody registers a consent for it.
  auto r = platform_->registerConsent(caller("member"), group_, consentFor(caseId, clock_.t));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), "case.not_found");
  // Another agency's member who reads the case cannot take it over by
  // registering a consent first.
  referCase("member", caseId, "ärende", {"member", "coordinator"});
  ConsentSpec takeover = consentFor(caseId, clock_.t);
  takeover.recipients = {actors_.at("member").agency};
  r = platform_->registerConsent(caller("coordinator"), group_, takeover);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), "case.not_referring_agency");
  EXPECT_TRUE(
      platform_->registerConsent(caller("member"), group_, consentFor(caseId, clock_.t)).ok());
}

TEST_F(ConsentScope, AConsentThatStartsLaterIsRegisteredWhenItStarts) {
  clock_.t = 1769860800;
  const auto caseId = crypto::CaseId::random();
  referCase("member", caseId, "ärende", {"member", "coordinator"});
  auto r =
      platform_->registerConsent(caller("member"), group_, consentFor(caseId, clock_.t + 2 * kDay));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), "consent.not_yet_valid");
  // A clock a few minutes ahead is no reason to refuse.
  EXPECT_TRUE(
      platform_->registerConsent(caller("member"), group_, consentFor(caseId, clock_.t + 300))
          .ok());
}

}  // namespace
}  // namespace samrad::server::domain
