// The authorization matrix: every operation × every kind of caller, decided by
// Platform::authorize() alone (no gRPC), against an explicit expectation table.
// Every RPC of every samrad.v1 service must map to an operation with a row
// here: a new RPC without one fails.
#include <google/protobuf/descriptor.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "samrad/crypto/certificates.h"
#include "samrad/crypto/membership.h"
#include "samrad/server/domain/platform.h"
#include "samrad/server/rpc/platform_services.h"
#include "samrad/server/storage/server_store.h"
#include "samrad/server/storage/sql_store.h"
#include "samrad/testing/support.h"

namespace samrad::server::domain {
namespace {

class FixedClock final : public Clock {
 public:
  [[nodiscard]] std::int64_t now() const override { return 1790000000; }
};

struct Actor {
  crypto::UserId user = crypto::UserId::random();
  crypto::DeviceId device = crypto::DeviceId::random();
  crypto::SigningKeyPair identity = crypto::SigningKeyPair::generate();
  crypto::SigningKeyPair signing = crypto::SigningKeyPair::generate();
  crypto::Envelope userCert;
  crypto::Envelope deviceCert;
  crypto::UserRole role = crypto::UserRole::Member;
  crypto::AgencyId agency;
};

// Who may do what. Operations whose credential travels in the request
// (enrolment code, login signature, operator token) pass authorize() for
// everyone and are checked by their own credential: they list every caller.
const std::map<Operation, std::set<std::string>>& expectedMatrix() {
  static const std::set<std::string> everyone = {"none",   "admin",    "coordinator", "member",
                                                 "lawyer", "observer", "outsider",    "external"};
  static const std::set<std::string> sessions = {"admin",    "coordinator", "member",  "lawyer",
                                                 "observer", "outsider",    "external"};
  static const std::set<std::string> readers = {"coordinator", "member", "lawyer", "observer"};
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
      {Operation::PutObject, writers},
      {Operation::GetObject, readers},
      {Operation::ListObjects, readers},
      {Operation::DeleteObject, writers},
      {Operation::Subscribe, readers},
      {Operation::GetLogVerifierKey, sessions},
      {Operation::GetCheckpoint, sessions},
      {Operation::GetInclusionProof, sessions},
      {Operation::GetConsistencyProof, sessions},
      {Operation::GetLogEntries, sessions},
      {Operation::UploadAttachment, writers},
      {Operation::GetAttachmentStatus, writers},
      {Operation::DownloadAttachment, readers},
      {Operation::DeleteAttachment, writers},
      {Operation::RegisterConsent, writers},  // and only the referring agency, in the domain
      {Operation::WithdrawConsent, writers},  // the referring agency or the coordinator
      {Operation::GetConsent, readers},       // lawyers audit consents
      {Operation::ListConsents, readers},
      {Operation::RegisterReferral, writers},
  };
  return m;
}

class Authorization : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = storage::ServerStore::open(dir_.path());
    ASSERT_TRUE(s.ok());
    serverStore_ = std::move(s).value();
    store_ = std::make_unique<storage::SqlStore>(serverStore_->database());
    platform_ = std::make_unique<Platform>(*store_, clock_, crypto::randomBytes(16),
                                           crypto::sha256(crypto::asBytes("operator-secret")),
                                           crypto::SigningKeyPair::generate(), "test.log");
    const std::map<std::string, std::pair<int, crypto::UserRole>> who = {
        {"admin", {2, crypto::UserRole::Administrator}},
        {"coordinator", {2, crypto::UserRole::Member}},
        {"member", {1, crypto::UserRole::Member}},
        {"lawyer", {4, crypto::UserRole::Lawyer}},
        {"observer", {3, crypto::UserRole::Member}},
        {"outsider", {1, crypto::UserRole::Member}},
        {"external", {5, crypto::UserRole::External}},
    };
    std::map<int, std::pair<crypto::AgencyId, crypto::SigningKeyPair>> agencies;
    for (int kind = 1; kind <= 5; ++kind) {
      agencies.emplace(
          kind, std::make_pair(crypto::AgencyId::random(), crypto::SigningKeyPair::generate()));
      const auto& a = agencies.at(kind);
      ASSERT_TRUE(store_->insertAgency({a.first, kind, a.second.publicKey()}).ok());
    }
    for (const auto& [name, spec] : who) {
      Actor& actor = actors_[name];
      const auto& agency = agencies.at(spec.first);
      actor.role = spec.second;
      actor.agency = agency.first;
      actor.userCert = crypto::issueUserCertificate(
          agency.second, {actor.user, agency.first, spec.second, actor.identity.publicKey(),
                          clock_.now() - 10, clock_.now() + 1000, 1});
      actor.deviceCert = crypto::issueDeviceCertificate(
          actor.identity,
          {actor.device, actor.user, actor.signing.publicKey(),
           crypto::BoxKeyPair::generate().publicKey(), clock_.now() - 10, clock_.now() + 1000});
    }
    auto spec = [&](const std::string& n, crypto::GroupRole r) {
      return crypto::MemberSpec{actors_[n].userCert, r, {actors_[n].deviceCert}};
    };
    crypto::TrustStore roots;
    for (const auto& [kind, a] : agencies) roots.pin(a.first, a.second.publicKey());
    crypto::MembershipChain chain(roots, {});
    auto genesis =
        chain.makeLink(group_,
                       crypto::OpCreate{{spec("coordinator", crypto::GroupRole::Coordinator),
                                         spec("member", crypto::GroupRole::Member),
                                         spec("lawyer", crypto::GroupRole::Lawyer),
                                         spec("observer", crypto::GroupRole::Observer)}},
                       clock_.now(), actors_["coordinator"].signing, actors_["coordinator"].device);
    ASSERT_TRUE(genesis.ok()) << genesis.error().describe();
    auto created = platform_->createGroup(caller("coordinator"), genesis->serialize());
    ASSERT_TRUE(created.ok()) << created.error().describe();
  }

  Caller caller(const std::string& name) {
    const Actor& a = actors_.at(name);
    return Caller{a.device, a.user, a.agency, a.role};
  }

  testing::TempDir dir_;
  FixedClock clock_;
  std::unique_ptr<storage::ServerStore> serverStore_;
  std::unique_ptr<storage::SqlStore> store_;
  std::unique_ptr<Platform> platform_;
  std::map<std::string, Actor> actors_;
  crypto::GroupId group_ = crypto::GroupId::random();
};

TEST_F(Authorization, EveryOperationTimesEveryCallerMatchesTheTable) {
  const auto& matrix = expectedMatrix();
  ASSERT_EQ(matrix.size(), std::size(kAllOperations)) << "an operation has no matrix row";
  int checked = 0;
  for (const Operation op : kAllOperations) {
    ASSERT_TRUE(matrix.count(op)) << "operation " << static_cast<int>(op) << " has no row";
    const auto& allowed = matrix.at(op);
    for (const std::string who :
         {"none", "admin", "coordinator", "member", "lawyer", "observer", "outsider", "external"}) {
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
  EXPECT_EQ(checked, static_cast<int>(std::size(kAllOperations)) * 8);
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

TEST(RpcTable, EveryRpcOfEveryServiceHasAnOperation) {
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  int methods = 0;
  for (const char* service :
       {"samrad.v1.EnrollmentService", "samrad.v1.AuthService", "samrad.v1.GroupService",
        "samrad.v1.ObjectService", "samrad.v1.SyncService", "samrad.v1.LogService",
        "samrad.v1.ConsentService", "samrad.v1.CaseService"}) {
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
