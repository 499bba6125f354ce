// Fixture for tests of the client core over the real server: people with
// their own device identities and encrypted local stores, a group created by
// a coordinator, and replicas of it.
#pragma once

#include <map>

#include "platform_fixture.h"
#include "samrad/client/identity.h"
#include "samrad/client/key_store.h"
#include "samrad/client/replica.h"

namespace samrad::platform_testing {

class Replica : public Platform {
 protected:
  client::DeviceIdentity identity(Agency& a, crypto::UserRole role) {
    client::DeviceIdentity d;
    d.userCertificate = crypto::issueUserCertificate(
        a.root,
        {d.user, a.id, role, d.identity.publicKey(), nowSeconds() - 60, nowSeconds() + 3600, 1});
    d.deviceCertificate = crypto::issueDeviceCertificate(
        d.identity, {d.device, d.user, d.signing.publicKey(), d.box.publicKey(), nowSeconds() - 60,
                     nowSeconds() + 3600});
    return d;
  }

  std::unique_ptr<client::PlatformClient> enrol(Agency& a, const client::DeviceIdentity& d) {
    EXPECT_TRUE(a.admin.device.client->registerUser(d.userCertificate.serialize()).ok());
    auto code = a.admin.device.client->issueEnrollmentCode(d.user);
    EXPECT_TRUE(code.ok());
    auto c = connect();
    EXPECT_TRUE(c->enrollDevice(*code, d.deviceCertificate.serialize()).ok());
    EXPECT_TRUE(c->login(d.device, d.signing).ok());
    return c;
  }

  // Social services, police and healthcare, enrolled by the operator and
  // pinned by every device in these tests.
  void threeAgencies() {
    bootstrap(social_, 2);
    bootstrap(police_, 1);
    bootstrap(health_, 3);
    for (const Agency* a : {&social_, &police_, &health_}) pinned_.pin(a->id, a->root.publicKey());
  }

  // The coordinator creates the group with the others as members and, given
  // a key, hands every device the first epoch key.
  crypto::MembershipChain startGroup(const client::DeviceIdentity& coordinator,
                                     client::PlatformClient& coordClient,
                                     const std::vector<const client::DeviceIdentity*>& members,
                                     const crypto::SecretBytes* epochKey) {
    crypto::MembershipChain chain(pinned_, {});
    crypto::OpCreate create{{coordinator.memberSpec(crypto::GroupRole::Coordinator)}};
    for (const auto* m : members) {
      create.members.push_back(m->memberSpec(crypto::GroupRole::Member));
    }
    auto genesis =
        chain.makeLink(group_, create, nowSeconds(), coordinator.signing, coordinator.device);
    EXPECT_TRUE(genesis.ok() && chain.append(*genesis).ok());
    EXPECT_TRUE(coordClient.createGroup(genesis->serialize()).ok());
    if (epochKey != nullptr) {
      auto bundle = crypto::makeEpochKeyBundle(chain, *epochKey, nullptr, coordinator.signing,
                                               coordinator.device, {}, nowSeconds());
      EXPECT_TRUE(bundle.ok() && coordClient.putEpochKeys(group_, bundle->serialize()).ok());
    }
    return chain;
  }

  // Three agencies; a coordinator at social services and an officer at the
  // police, both enrolled and logged in, in a new group with its first epoch key.
  struct TwoMembers {
    client::DeviceIdentity coord;
    client::DeviceIdentity officer;
    std::unique_ptr<client::PlatformClient> coordClient;
    std::unique_ptr<client::PlatformClient> officerClient;
  };
  TwoMembers coordinatorAndOfficer() {
    threeAgencies();
    TwoMembers t{identity(social_, crypto::UserRole::Member),
                 identity(police_, crypto::UserRole::Member), nullptr, nullptr};
    t.coordClient = enrol(social_, t.coord);
    t.officerClient = enrol(police_, t.officer);
    const auto epochKey = crypto::SecretBytes::random(32);
    startGroup(t.coord, *t.coordClient, {&t.officer}, &epochKey);
    return t;
  }

  // The same person's device once more (keys are move-only): for a replica
  // while the test keeps the identity to log in again.
  static client::DeviceIdentity copyOf(const client::DeviceIdentity& d) {
    auto identity = crypto::SigningKeyPair::fromSeed(d.identity.seed().view());
    auto signing = crypto::SigningKeyPair::fromSeed(d.signing.seed().view());
    auto box = crypto::BoxKeyPair::fromSecret(d.box.secret().view());
    EXPECT_TRUE(identity.ok() && signing.ok() && box.ok());
    return client::DeviceIdentity{d.user,
                                  std::move(identity).value(),
                                  d.device,
                                  std::move(signing).value(),
                                  std::move(box).value(),
                                  d.userCertificate,
                                  d.deviceCertificate};
  }

  // `who`'s own encrypted store and a replica of the group on it, its chain
  // validated from genesis against the roots this test pinned.
  void openReplica(const std::string& who, const client::DeviceIdentity& id,
                   client::PlatformClient& server) {
    stores_[who] = localStore(who);
    auto r = client::GroupReplica::open(stores_[who]->database(), copyOf(id), pinned_, group_);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    ASSERT_TRUE((*r)->refreshChain(server).ok()) << who;
    replicas_[who] = std::move(r).value();
  }

  std::map<std::string, std::unique_ptr<client::KeyStore>> stores_;
  std::map<std::string, std::unique_ptr<client::GroupReplica>> replicas_;

  std::unique_ptr<client::KeyStore> localStore(const std::string& who) {
    auto ks = client::KeyStore::create(dir_.path() / who, crypto::asBytes("lösenord " + who),
                                       client::kKdfFloor);
    EXPECT_TRUE(ks.ok()) << ks.error().describe();
    return std::move(ks).value();
  }
};

}  // namespace samrad::platform_testing
