// The authorization matrix: every operation × every kind of caller, decided by
// Platform::authorize() alone (no gRPC), against an explicit expectation table.
// Every RPC of every samrad.v1 service must map to an operation with a row
// here: a new RPC without one fails.
#include <google/protobuf/descriptor.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "domain_fixture.h"
#include "samrad/crypto/certificates.h"
#include "samrad/crypto/membership.h"
#include "samrad/server/domain/platform.h"
#include "samrad/server/rpc/platform_services.h"
#include "samrad/server/storage/server_store.h"
#include "samrad/server/storage/sql_store.h"
#include "samrad/testing/support.h"

namespace samrad::server::domain {
namespace {

class Authorization : public DomainTest {};

// Who may do what. Operations whose credential travels in the request
// (enrolment code, login signature, operator token) pass authorize() for
// everyone and are checked by their own credential: they list every caller.
const std::map<Operation, std::set<std::string>>& expectedMatrix() {
  static const std::set<std::string> everyone = {"none",     "admin",    "coordinator",
                                                 "member",   "lawyer",   "observer",
                                                 "outsider", "external", "recovery"};
  static const std::set<std::string> sessions = {"admin",    "coordinator", "member",   "lawyer",
                                                 "observer", "outsider",    "external", "recovery"};
  // An agency's recovery key is a member of the group: it reads like one.
  static const std::set<std::string> readers = {"coordinator", "member", "lawyer", "observer",
                                                "recovery"};
  // It writes only a replacement device's history (key boxes) and shares a
  // case only with its own agency's devices, held to that in the domain.
  static const std::set<std::string> regranters = {"coordinator", "member", "recovery"};
  static const std::set<std::string> writers = {"coordinator", "member"};
  static const std::map<Operation, std::set<std::string>> m = {
      {Operation::BootstrapAgency, everyone},  // operator token, checked separately
      {Operation::RegisterUser, {"admin"}},
      {Operation::IssueEnrollmentCode, {"admin"}},
      {Operation::EnrollDevice, everyone},  // the one-time code is the credential
      {Operation::RevokeDevice, sessions},  // own device or own agency's admin, per target
      {Operation::RevokeUser, {"admin"}},
      {Operation::GetAgency, sessions},
      {Operation::GetCertificates, sessions},
      {Operation::GetChallenge, everyone},
      {Operation::Login, everyone},  // the device signature is the credential
      {Operation::Logout, sessions},
      {Operation::CreateGroup, sessions},
      {Operation::AppendLink, {"coordinator"}},
      {Operation::GetChain, readers},
      {Operation::PutEpochKeys, {"coordinator"}},
      {Operation::GetEpochKeys, readers},
      {Operation::ListMyGroups, sessions},
      {Operation::PutObject, regranters},
      {Operation::GetObject, readers},
      {Operation::ListObjects, readers},
      {Operation::DeleteObject, writers},
      {Operation::Subscribe, readers},
      {Operation::GetLogVerifierKey, sessions},
      // A group's log: its member devices only (the directory log: any
      // session — DirectoryLogIsEveryones below).
      {Operation::GetCheckpoint, readers},
      {Operation::AddCosignature, readers},  // a recovery key is then refused in the domain
      {Operation::GetWitnessedCheckpoint, readers},
      {Operation::GetInclusionProof, readers},
      {Operation::GetConsistencyProof, readers},
      {Operation::GetLogEntries, readers},
      {Operation::UploadAttachment, writers},
      {Operation::GetAttachmentStatus, writers},
      {Operation::DownloadAttachment, readers},
      {Operation::DeleteAttachment, writers},
      {Operation::RegisterConsent, writers},  // and only the referring agency, in the domain
      {Operation::WithdrawConsent, writers},  // the referring agency or the coordinator
      {Operation::GetConsent, readers},       // lawyers audit consents
      {Operation::ListConsents, readers},
      {Operation::RegisterReferral, writers},
      {Operation::ListRepeatReferrals, {"coordinator"}},
      {Operation::RotatePersonTags, {"coordinator"}},
      {Operation::SetIntakeKey, {"coordinator"}},
      {Operation::GetIntakeKey,
       {"coordinator", "member", "lawyer", "observer", "external", "recovery"}},
      {Operation::SetRequester, {"coordinator"}},
      {Operation::SubmitAdvice, {"external"}},  // allowed by the coordinator, and only them
      {Operation::ListAdvice,
       {"coordinator", "member", "lawyer", "observer", "external", "recovery"}},
      {Operation::SetAdviceStatus, writers},
      {Operation::AnswerAdvice, writers},
      {Operation::SetCaseState, writers},
      {Operation::SetRetentionPolicy, {"coordinator"}},
      {Operation::GetRetentionPolicy, readers},
      {Operation::ShareCase, regranters},  // and only a device that reads the case, in the domain
  };
  return m;
}

TEST_F(Authorization, EveryOperationTimesEveryCallerMatchesTheTable) {
  const auto& matrix = expectedMatrix();
  ASSERT_EQ(matrix.size(), std::size(kAllOperations)) << "an operation has no matrix row";
  int checked = 0;
  for (const Operation op : kAllOperations) {
    ASSERT_TRUE(matrix.count(op)) << "operation " << static_cast<int>(op) << " has no row";
    const auto& allowed = matrix.at(op);
    for (const std::string who : {"none", "admin", "coordinator", "member", "lawyer", "observer",
                                  "outsider", "external", "recovery"}) {
      Caller c;
      const Caller* cp = nullptr;
      if (who != "none") {
        c = caller(who);
        cp = &c;
      }
      const Status s = platform_->authorize(op, cp, &group_);
      EXPECT_EQ(s.ok(), allowed.count(who) == 1)
          << "operation " << static_cast<int>(op) << " as " << who << ": "
          << (s.ok() ? "allowed" : s.error().describe());
      if (!s.ok()) {
        EXPECT_TRUE(s.error().code() == ErrorCode::Unauthenticated ||
                    s.error().code() == ErrorCode::PermissionDenied)
            << s.error().describe();
        EXPECT_EQ(s.error().code() == ErrorCode::Unauthenticated, who == "none");
      }
      ++checked;
    }
  }
  EXPECT_EQ(checked, static_cast<int>(std::size(kAllOperations)) * 9);
}

// #26: the directory log (agency roots, certificates, revocations) is every
// device's to monitor; a group's log is its members' alone.
TEST_F(Authorization, TheDirectoryLogIsEveryonesAndAGroupsLogItsMembers) {
  for (const Operation op : {Operation::GetCheckpoint, Operation::GetLogEntries,
                             Operation::GetInclusionProof, Operation::GetConsistencyProof,
                             Operation::GetWitnessedCheckpoint, Operation::AddCosignature}) {
    for (const std::string who : {"admin", "coordinator", "member", "lawyer", "observer",
                                  "outsider", "external", "recovery"}) {
      const Caller c = caller(who);
      EXPECT_TRUE(platform_->authorize(op, &c, nullptr).ok())
          << "operation " << static_cast<int>(op) << " on the directory as " << who;
    }
    EXPECT_EQ(platform_->authorize(op, nullptr, nullptr).error().reason(), "auth.no_session");
  }
  // Through the use case itself: an outsider and an external requester are
  // refused the group's entries, with the reason; a member reads them.
  for (const std::string who : {"outsider", "external"}) {
    auto refused = platform_->logEntries(caller(who), crypto::LogId::ofGroup(group_), 0, 10);
    ASSERT_FALSE(refused.ok()) << who;
    EXPECT_EQ(refused.error().reason(), "group.not_member") << who;
    EXPECT_EQ(refused.error().code(), ErrorCode::PermissionDenied);
    EXPECT_EQ(platform_->checkpoint(caller(who), crypto::LogId::ofGroup(group_)).error().reason(),
              "group.not_member");
  }
  auto read = platform_->logEntries(caller("lawyer"), crypto::LogId::ofGroup(group_), 0, 10);
  ASSERT_TRUE(read.ok()) << read.error().describe();
  EXPECT_FALSE(read->empty());
  // The legacy log serves no entries to anyone.
  EXPECT_EQ(
      platform_->logEntries(caller("coordinator"), crypto::LogId::legacy(), 0, 10).error().reason(),
      "log.legacy_entries");
}

TEST_F(Authorization, TheOperatorTokenIsCheckedInConstantTimeAndOnlyItOpensBootstrap) {
  EXPECT_TRUE(platform_->checkOperator("operator-secret").ok());
  EXPECT_EQ(platform_->checkOperator("operator-secreT").error().reason(), "auth.not_operator");
  EXPECT_EQ(platform_->checkOperator("").error().reason(), "auth.not_operator");
}

TEST_F(Authorization, DeviceRevocationIsLimitedToItsOwnerAndTheirAgencyAdmin) {
  // Register the member's device so there is something to revoke.
  const Actor& m = actors_.at("member");
  ASSERT_TRUE(store_
                  ->insertUser({m.user, m.agency, static_cast<int>(m.role), m.userCert.serialize(),
                                clock_.now() + 1000, std::nullopt})
                  .ok());
  ASSERT_TRUE(store_
                  ->insertDevice({m.device, m.user, m.signing.publicKey(), m.deviceCert.serialize(),
                                  clock_.now() + 1000, std::nullopt})
                  .ok());
  // The social-services admin is of another agency than the police member.
  EXPECT_EQ(platform_->revokeDevice(caller("admin"), m.device).error().reason(), "auth.denied");
  EXPECT_EQ(platform_->revokeDevice(caller("outsider"), m.device).error().reason(), "auth.denied");
  EXPECT_TRUE(platform_->revokeDevice(caller("member"), m.device).ok());
}

// An agency's recovery key passes authorize() for PutObject and ShareCase;
// the domain holds it to re-granting key boxes to its own agency's devices,
// one device at a time, under the ids both sides derive, over nothing
// someone else wrote, and a case only to a person who already reads it.
TEST_F(Authorization, ARecoveryKeyWritesOnlyKeyBoxesForItsOwnAgency) {
  const DeviceId member = actors_.at("member").device;
  auto idOf = [](std::initializer_list<crypto::ByteView> parts) {
    const crypto::Hash h = crypto::sha256(parts);
    return *ObjectId::fromBytes(crypto::ByteView(h.bytes.data(), 16));
  };
  const ObjectId history =
      idOf({crypto::asBytes("samrad/v1/epoch-history"), group_.view(), member.view()});
  auto put = [&](const ObjectId& id, const std::string& kind, const std::vector<std::string>& to,
                 const std::optional<crypto::CaseId>& caseId = std::nullopt,
                 const std::string& who = "recovery") {
    AccessSpec access;
    access.wholeGroup = to.empty();
    access.caseId = caseId;
    for (const auto& r : to) access.devices.push_back(actors_.at(r).device);
    return platform_->putObject(caller(who), group_, id, 0, objectBy(who, id, 1, "boxes", kind),
                                access);
  };
  EXPECT_EQ(put(ObjectId::random(), "note", {"recovery", "member"}).error().reason(),
            "group.read_only");
  EXPECT_EQ(put(history, "epoch-history", {}).error().reason(), "recovery.not_own_agency");
  // The coordinator is of social services; the recovery key is the police's.
  EXPECT_EQ(put(history, "epoch-history", {"recovery", "coordinator"}).error().reason(),
            "recovery.not_own_agency");
  EXPECT_EQ(put(ObjectId::random(), "epoch-history", {"recovery", "member"}).error().reason(),
            "recovery.grant_id");
  // Nobody else writes a device's history, or squats its id with it.
  EXPECT_EQ(put(history, "epoch-history", {"coordinator", "member"}, std::nullopt, "coordinator")
                .error()
                .reason(),
            "object.epoch_history_writer");
  auto own = put(history, "epoch-history", {"recovery", "member"});
  EXPECT_TRUE(own.ok()) << own.error().describe();
  // A case's key goes only to a new device of someone who already reads it:
  // here the member reads the case; the member's device is the one named.
  const crypto::CaseId caseId = crypto::CaseId::random();
  referCase("member", caseId, "ärende", {"member", "recovery"});
  const ObjectId box =
      idOf({crypto::asBytes("samrad/v1/case-key-box"), caseId.view(), member.view()});
  auto shared = put(box, "case-keys", {"recovery", "member"}, caseId);
  EXPECT_TRUE(shared.ok()) << shared.error().describe();
  // A case nobody of the member's shares with them: no key from the recovery key.
  const crypto::CaseId hidden = crypto::CaseId::random();
  referCase("member", hidden, "ärende", {"coordinator"});
  // (the member wrote it, but is not on its list: as if recused after)
  const ObjectId hiddenBox =
      idOf({crypto::asBytes("samrad/v1/case-key-box"), hidden.view(), member.view()});
  auto refused = put(hiddenBox, "case-keys", {"recovery", "member"}, hidden);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason(), "recovery.not_same_person");
  // Nor may it delete or rewrite what it did not write.
  const ObjectId theirs = referCase("member", crypto::CaseId::random());
  EXPECT_FALSE(platform_->deleteObject(caller("recovery"), group_, theirs, 1).ok());
}

// The ids a recovery key's grants go under are kept for them: a member who
// wrote something else there first would make the replacement's restore fail
// (the kind of an object never changes, and nobody writes over another's).
TEST_F(Authorization, NobodyTakesTheIdsARecoveryKeysGrantsGoUnder) {
  const DeviceId member = actors_.at("member").device;
  auto put = [&](const ObjectId& id, const std::string& kind, const std::vector<std::string>& to,
                 const std::optional<crypto::CaseId>& caseId, const std::string& who) {
    AccessSpec access;
    access.wholeGroup = to.empty();
    access.caseId = caseId;
    for (const auto& r : to) access.devices.push_back(actors_.at(r).device);
    return platform_->putObject(caller(who), group_, id, 0, objectBy(who, id, 1, "x", kind),
                                access);
  };
  auto idOf = [](std::initializer_list<crypto::ByteView> parts) {
    const crypto::Hash h = crypto::sha256(parts);
    return *ObjectId::fromBytes(crypto::ByteView(h.bytes.data(), 16));
  };
  const ObjectId history =
      idOf({crypto::asBytes("samrad/v1/epoch-history"), group_.view(), member.view()});
  for (const char* kind : {"note", "minutes"}) {
    auto squat = put(history, kind, {}, std::nullopt, "coordinator");
    ASSERT_FALSE(squat.ok()) << kind;
    EXPECT_EQ(squat.error().reason(), "object.grant_id_reserved") << kind;
  }
  auto asKeys = put(history, "case-keys", {"coordinator", "member"}, std::nullopt, "coordinator");
  ASSERT_FALSE(asKeys.ok());
  EXPECT_EQ(asKeys.error().reason(), "object.case_keys_id");
  const crypto::CaseId caseId = crypto::CaseId::random();
  referCase("member", caseId, "ärende", {"member", "coordinator"});
  const ObjectId box =
      idOf({crypto::asBytes("samrad/v1/case-key-box"), caseId.view(), member.view()});
  auto squat = put(box, "note", {"member", "coordinator"}, caseId, "coordinator");
  ASSERT_FALSE(squat.ok());
  EXPECT_EQ(squat.error().reason(), "object.grant_id_reserved");
  // The grants themselves still go there.
  auto grant = put(history, "epoch-history", {"recovery", "member"}, std::nullopt, "recovery");
  EXPECT_TRUE(grant.ok()) << grant.error().describe();
  auto boxed = put(box, "case-keys", {"recovery", "member"}, caseId, "recovery");
  EXPECT_TRUE(boxed.ok()) << boxed.error().describe();
  // Ordinary ids are not held up.
  auto note = put(ObjectId::random(), "note", {}, std::nullopt, "coordinator");
  EXPECT_TRUE(note.ok()) << note.error().describe();

  // A case's key boxes go only under the ids the case gives them, from
  // someone who reads it: a member left off a case cannot seal a key of
  // their own choosing to a reader's device first.
  const crypto::CaseId hidden = crypto::CaseId::random();
  referCase("member", hidden, "ärende", {"member"});
  const ObjectId hiddenBox =
      idOf({crypto::asBytes("samrad/v1/case-key-box"), hidden.view(), member.view()});
  auto planted = put(hiddenBox, "case-keys", {"coordinator", "member"}, hidden, "coordinator");
  ASSERT_FALSE(planted.ok());
  EXPECT_EQ(planted.error().reason(), "object.case_keys_writer");
  auto elsewhere =
      put(ObjectId::random(), "case-keys", {"coordinator", "member"}, caseId, "coordinator");
  ASSERT_FALSE(elsewhere.ok());
  EXPECT_EQ(elsewhere.error().reason(), "object.case_keys_id");
  auto noCase = put(hiddenBox, "case-keys", {"coordinator", "member"}, std::nullopt, "coordinator");
  ASSERT_FALSE(noCase.ok());
  EXPECT_EQ(noCase.error().reason(), "object.case_keys_id");
  // A reader seals it to another device.
  const DeviceId coordinator = actors_.at("coordinator").device;
  const ObjectId toCoordinator =
      idOf({crypto::asBytes("samrad/v1/case-key-box"), hidden.view(), coordinator.view()});
  auto shared = put(toCoordinator, "case-keys", {"member", "coordinator"}, hidden, "member");
  EXPECT_TRUE(shared.ok()) << shared.error().describe();
}

TEST(RpcTable, EveryRpcOfEveryServiceHasAnOperation) {
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  int methods = 0;
  for (const char* service :
       {"samrad.v1.EnrollmentService", "samrad.v1.AuthService", "samrad.v1.GroupService",
        "samrad.v1.ObjectService", "samrad.v1.SyncService", "samrad.v1.LogService",
        "samrad.v1.ConsentService", "samrad.v1.CaseService", "samrad.v1.AdviceService"}) {
    const auto* s = pool->FindServiceByName(service);
    ASSERT_NE(s, nullptr) << service;
    for (int i = 0; i < s->method_count(); ++i) {
      EXPECT_TRUE(rpc::operationForMethod(s->method(i)->full_name()).has_value())
          << s->method(i)->full_name() << " has no authorization row";
      ++methods;
    }
  }
  EXPECT_EQ(methods, static_cast<int>(std::size(kAllOperations)));
  EXPECT_EQ(rpc::operationForMethod("/samrad.v1.ObjectService/PutObject"), Operation::PutObject);
  EXPECT_FALSE(rpc::operationForMethod("samrad.v1.ObjectService.Nope").has_value());
}

}  // namespace
}  // namespace samrad::server::domain
