// Destructive actions need the right to the case (security review, low):
// closing a case starts its retention clock, so only the group's coordinator
// or the referring agency may; deleting an object is for its creator (or the
// coordinator), not for whoever wrote its latest version.
#include "domain_fixture.h"

namespace samrad::server::domain {
namespace {

class CaseAccess : public DomainTest {};

TEST_F(CaseAccess, OnlyTheReferringAgencyOrTheCoordinatorClosesACase) {
  // The coordinator (social services) refers; the member is of the police.
  const auto caseId = crypto::CaseId::random();
  refer("coordinator", caseId);
  auto byMember = platform_->setCaseState(caller("member"), group_, caseId, true, true);
  ASSERT_FALSE(byMember.ok()) << "another agency's member closed the case";
  EXPECT_EQ(byMember.error().reason(), "object.not_owner");
  EXPECT_TRUE(platform_->setCaseState(caller("coordinator"), group_, caseId, true, true).ok());
}

TEST_F(CaseAccess, TheReferringAgencyClosesItsOwnCase) {
  const auto caseId = crypto::CaseId::random();
  refer("member", caseId);
  EXPECT_TRUE(platform_->setCaseState(caller("member"), group_, caseId, true, true).ok());
  EXPECT_TRUE(platform_->setCaseState(caller("member"), group_, caseId, true, false).ok());
}

TEST_F(CaseAccess, ACaseTheServerHasNotSeenIsClosedByNoMember) {
  auto r = platform_->setCaseState(caller("member"), group_, crypto::CaseId::random(), true, true);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), "case.not_found");
}

TEST_F(CaseAccess, WritingAVersionDoesNotMakeAnObjectYours) {
  const ObjectId id = ObjectId::random();
  ASSERT_TRUE(platform_
                  ->putObject(caller("coordinator"), group_, id, 0,
                              objectBy("coordinator", id, 1, "dagordning"), {})
                  .ok());
  ASSERT_TRUE(platform_
                  ->putObject(caller("member"), group_, id, 1,
                              objectBy("member", id, 2, "dagordning, ändrad"), {})
                  .ok());
  auto r = platform_->deleteObject(caller("member"), group_, id, 2);
  ASSERT_FALSE(r.ok()) << "the latest editor deleted someone else's object";
  EXPECT_EQ(r.error().reason(), "object.not_owner");
  EXPECT_TRUE(platform_->deleteObject(caller("coordinator"), group_, id, 2).ok());
}

TEST_F(CaseAccess, TheCreatorDeletesTheirOwnObject) {
  const ObjectId id = ObjectId::random();
  ASSERT_TRUE(
      platform_->putObject(caller("member"), group_, id, 0, objectBy("member", id, 1, "x"), {})
          .ok());
  EXPECT_TRUE(platform_->deleteObject(caller("member"), group_, id, 1).ok());
}

}  // namespace
}  // namespace samrad::server::domain
