// A domain-layer fixture without gRPC: a real SQLCipher store, a Platform
// with a clock the test sets, and one actor of every kind — a group with a
// coordinator, a member, a lawyer and an observer; an agency administrator,
// an outsider and an external requester the group allowed.
#pragma once

#include <gtest/gtest.h>

#include <map>

#include "samrad/crypto/certificates.h"
#include "samrad/crypto/content.h"
#include "samrad/crypto/membership.h"
#include "samrad/server/domain/platform.h"
#include "samrad/server/storage/server_store.h"
#include "samrad/server/storage/sql_store.h"
#include "samrad/testing/support.h"

namespace samrad::server::domain {

// Time the test sets: expiry and retention without waiting.
class TestClock final : public Clock {
 public:
  [[nodiscard]] std::int64_t now() const override { return t; }
  std::int64_t t = 1790000000;
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

class DomainTest : public ::testing::Test {
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
        {"recovery", {1, crypto::UserRole::Recovery}},  // the police's recovery key
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
                                         spec("observer", crypto::GroupRole::Observer),
                                         spec("recovery", crypto::GroupRole::Recovery)}},
                       clock_.now(), actors_["coordinator"].signing, actors_["coordinator"].device);
    ASSERT_TRUE(genesis.ok()) << genesis.error().describe();
    ASSERT_TRUE(chain.append(*genesis).ok());
    state_ = chain.state();
    auto created = platform_->createGroup(caller("coordinator"), genesis->serialize());
    ASSERT_TRUE(created.ok()) << created.error().describe();
    // The external requester is allowed to ask this group; the outsider is not.
    ASSERT_TRUE(store_->setRequester(group_, actors_["external"].user, true, clock_.now()).ok());
  }

  // An object as `author` would encrypt it: the server checks its shape and
  // signature, never its content.
  crypto::Bytes objectBy(const std::string& author, const crypto::ObjectId& id,
                         std::uint64_t version, std::string_view text,
                         const std::string& kind = "case-brief") {
    const Actor& a = actors_.at(author);
    const crypto::ContentContext ctx{kind,         group_,   id,         version,
                                     state_.epoch, a.device, state_.head};
    auto o =
        crypto::encryptObject(ctx, crypto::asBytes(text), {epochKey_, std::nullopt}, a.signing);
    EXPECT_TRUE(o.ok());
    return o->serialize();
  }

  // A case's own record (kind "case", under the case's id), as the client
  // writes it when `author` refers the case, for the whole group.
  // `readers`: the actors whose devices read it (empty: the whole group).
  ObjectId referCase(const std::string& author, const crypto::CaseId& caseId,
                     std::string_view text = "ärende", std::vector<std::string> readers = {}) {
    const ObjectId id = *ObjectId::fromBytes(caseId.view());
    AccessSpec access;
    access.caseId = caseId;
    access.wholeGroup = readers.empty();
    for (const auto& r : readers) access.devices.push_back(actors_.at(r).device);
    auto r = platform_->putObject(caller(author), group_, id, 0,
                                  objectBy(author, id, 1, text, "case"), access);
    EXPECT_TRUE(r.ok()) << r.error().describe();
    return id;
  }

  Caller caller(const std::string& name) {
    const Actor& a = actors_.at(name);
    return Caller{a.device, a.user, a.agency, a.role};
  }

  testing::TempDir dir_;
  TestClock clock_;
  std::unique_ptr<storage::ServerStore> serverStore_;
  std::unique_ptr<storage::SqlStore> store_;
  std::unique_ptr<Platform> platform_;
  std::map<std::string, Actor> actors_;
  crypto::GroupId group_ = crypto::GroupId::random();
  crypto::GroupState state_;
  crypto::SecretBytes epochKey_ = crypto::SecretBytes::random(32);
};

}  // namespace samrad::server::domain
