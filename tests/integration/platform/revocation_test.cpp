// Revocation with a cryptographic effect (DESIGN §3): an administrator
// revokes a stolen phone or a person who left; the server gives the revoked
// device no key and no place in a group from that moment; every device reads
// the revocation from the server's log and validates the chain with it; the
// coordinator's device takes the device out with a new epoch at once, and
// members see it waiting until then. What is written afterwards does not open
// with anything the revoked device ever held.
#include <gtest/gtest.h>

#include <algorithm>

#include "replica_fixture.h"
#include "samrad/crypto/content.h"
#include "samrad/crypto/epoch_keys.h"

namespace samrad::platform_testing {
namespace {

class Revocation : public Replica {
 protected:
  // The officer's second device: same person and identity key, its own keys
  // and certificate, enrolled with a code from the police administrator.
  client::DeviceIdentity secondDevice(const client::DeviceIdentity& d) {
    client::DeviceIdentity n = copyOf(d);
    n.device = crypto::DeviceId::random();
    n.signing = crypto::SigningKeyPair::generate();
    n.box = crypto::BoxKeyPair::generate();
    n.deviceCertificate = crypto::issueDeviceCertificate(
        n.identity, {n.device, n.user, n.signing.publicKey(), n.box.publicKey(), nowSeconds() - 60,
                     nowSeconds() + 3600});
    auto code = police_.admin.device.client->issueEnrollmentCode(n.user);
    EXPECT_TRUE(code.ok()) << code.error().describe();
    phoneClient = connect();
    EXPECT_TRUE(phoneClient->enrollDevice(*code, n.deviceCertificate.serialize()).ok());
    EXPECT_TRUE(phoneClient->login(n.device, n.signing).ok());
    return n;
  }

  // A coordinator at social services; an officer with a laptop and a phone;
  // a nurse. The group's first epoch key is `epoch1`.
  void start() {
    threeAgencies();
    coordClient = enrol(social_, coord);
    officerClient = enrol(police_, officer);
    nurseClient = enrol(health_, nurse);
    phone = secondDevice(officer);
    crypto::MemberSpec officerSpec = officer.memberSpec(crypto::GroupRole::Member);
    officerSpec.deviceCertificates.push_back(phone.deviceCertificate);
    crypto::MembershipChain chain(pinned_, {});
    auto genesis =
        chain.makeLink(group_,
                       crypto::OpCreate{{coord.memberSpec(crypto::GroupRole::Coordinator),
                                         officerSpec, nurse.memberSpec(crypto::GroupRole::Member)}},
                       nowSeconds(), coord.signing, coord.device);
    ASSERT_TRUE(genesis.ok() && chain.append(*genesis).ok());
    ASSERT_TRUE(coordClient->createGroup(genesis->serialize()).ok());
    auto bundle = crypto::makeEpochKeyBundle(chain, epoch1, nullptr, coord.signing, coord.device,
                                             {}, nowSeconds());
    ASSERT_TRUE(bundle.ok() && coordClient->putEpochKeys(group_, bundle->serialize()).ok());
    ASSERT_NO_FATAL_FAILURE(openReplica("coord", coord, *coordClient));
    ASSERT_NO_FATAL_FAILURE(openReplica("officer", officer, *officerClient));
    ASSERT_NO_FATAL_FAILURE(openReplica("nurse", nurse, *nurseClient));
  }

  // The chain as a device that knows no revocation would build on it.
  crypto::MembershipChain ignorantChain() {
    auto links = coordClient->getChain(group_);
    EXPECT_TRUE(links.ok());
    std::vector<crypto::Envelope> envs;
    for (const auto& l : *links) envs.push_back(crypto::Envelope::parse(l).value());
    return crypto::MembershipChain::validate(pinned_, {}, envs).value();
  }

  client::DeviceIdentity coord = identity(social_, crypto::UserRole::Member);
  client::DeviceIdentity officer = identity(police_, crypto::UserRole::Member);
  client::DeviceIdentity nurse = identity(health_, crypto::UserRole::Member);
  client::DeviceIdentity phone;
  std::unique_ptr<client::PlatformClient> coordClient, officerClient, nurseClient, phoneClient;
  const crypto::SecretBytes epoch1 = crypto::SecretBytes::random(32);
};

// The server side alone: from the moment of revocation no bundle with a box
// for the revoked device is stored, and no link may bring it (back) in —
// whatever the coordinator's client knows.
TEST_F(Revocation, TheServerGivesARevokedDeviceNoKeyAndNoPlace) {
  ASSERT_NO_FATAL_FAILURE(start());
  ASSERT_TRUE(police_.admin.device.client->revokeDevice(phone.device).ok());

  crypto::MembershipChain chain = ignorantChain();
  const auto fresh = crypto::SecretBytes::random(32);
  auto bundle = crypto::makeEpochKeyBundle(chain, fresh, &epoch1, coord.signing, coord.device, {},
                                           nowSeconds());
  ASSERT_TRUE(bundle.ok()) << bundle.error().describe();
  auto put = coordClient->putEpochKeys(group_, bundle->serialize());
  ASSERT_FALSE(put.ok()) << "a key sealed to the revoked phone was stored";
  EXPECT_EQ(put.error().reason(), "epoch.unusable_recipient");
  EXPECT_EQ(put.error().code(), ErrorCode::FailedPrecondition);

  // Taken out with a new epoch: accepted; brought back in: refused.
  auto out = chain.makeLink(group_, crypto::OpRevokeDevice{officer.user, phone.device},
                            nowSeconds(), coord.signing, coord.device);
  ASSERT_TRUE(out.ok() && chain.append(*out).ok());
  ASSERT_TRUE(coordClient->appendLink(group_, out->serialize()).ok());
  auto back = chain.makeLink(group_, crypto::OpAddDevice{phone.deviceCertificate}, nowSeconds(),
                             coord.signing, coord.device);
  ASSERT_TRUE(back.ok()) << back.error().describe();
  auto refused = coordClient->appendLink(group_, back->serialize());
  ASSERT_FALSE(refused.ok()) << "a revoked device was let back into the group";
  EXPECT_EQ(refused.error().reason(), "chain.unusable_device");
  EXPECT_EQ(refused.error().code(), ErrorCode::PermissionDenied);

  // A link dated an hour ahead of the server's clock is refused too: it
  // would outlive a revocation of its author that comes before that hour.
  auto ahead = chain.makeLink(group_, crypto::OpNewEpoch{}, nowSeconds() + 3600, coord.signing,
                              coord.device);
  ASSERT_TRUE(ahead.ok());
  auto skewed = coordClient->appendLink(group_, ahead->serialize());
  ASSERT_FALSE(skewed.ok());
  EXPECT_EQ(skewed.error().reason(), "chain.clock_ahead");
}

TEST_F(Revocation, TheCoordinatorTakesARevokedDeviceOutAndItOpensNothingWrittenAfter) {
  ASSERT_NO_FATAL_FAILURE(start());
  ASSERT_TRUE(police_.admin.device.client->revokeDevice(phone.device).ok());
  EXPECT_EQ(phoneClient->login(phone.device, phone.signing).error().reason(), "auth.revoked");

  // A member's device reads the revocation and waits for the coordinator:
  // it can do nothing about it, and says so.
  auto& officerReplica = *replicas_["officer"];
  ASSERT_TRUE(officerReplica.refreshRevocations(*officerClient).ok());
  ASSERT_EQ(officerReplica.unusableDevices(nowSeconds()).size(), 1U);
  EXPECT_EQ(officerReplica.unusableDevices(nowSeconds())[0].id, phone.device);
  auto none = officerReplica.excludeUnusable(*officerClient, nowSeconds());
  ASSERT_TRUE(none.ok()) << none.error().describe();
  EXPECT_TRUE(none->empty());

  // The coordinator's device takes the phone out at once: the officer keeps
  // her place with her laptop.
  auto& coordReplica = *replicas_["coord"];
  ASSERT_TRUE(coordReplica.refreshRevocations(*coordClient).ok());
  auto done = coordReplica.excludeUnusable(*coordClient, nowSeconds());
  ASSERT_TRUE(done.ok()) << done.error().describe();
  ASSERT_EQ(done->size(), 1U);
  EXPECT_EQ((*done)[0].user, officer.user);
  EXPECT_EQ((*done)[0].devices, std::vector<crypto::DeviceId>{phone.device});
  EXPECT_FALSE((*done)[0].wholeMember);
  EXPECT_EQ((*done)[0].why, crypto::DeviceStanding::Revoked);
  const crypto::GroupState& state = coordReplica.chain().state();
  EXPECT_EQ(state.epoch, 2U);
  EXPECT_EQ(state.device(phone.device), nullptr);
  EXPECT_NE(state.device(officer.device), nullptr);
  EXPECT_TRUE(coordReplica.unusableDevices(nowSeconds()).empty());
  // Done once: a second pass changes nothing.
  EXPECT_TRUE(coordReplica.excludeUnusable(*coordClient, nowSeconds())->empty());

  // The next epoch's bundle has no box for the phone.
  auto raw = coordClient->getEpochKeys(group_, 2);
  ASSERT_TRUE(raw.ok()) << raw.error().describe();
  auto env = crypto::Envelope::parse(raw->second);
  ASSERT_TRUE(env.ok());
  auto info = crypto::inspectEpochKeyBundle(*env, coordReplica.chain());
  ASSERT_TRUE(info.ok()) << info.error().describe();
  EXPECT_EQ(std::count(info->recipients.begin(), info->recipients.end(), phone.device), 0);
  EXPECT_EQ(info->recipients.size(), 3U);  // coordinator, officer's laptop, nurse
  EXPECT_EQ(crypto::openEpochKeyBundle(*env, coordReplica.chain(), phone.device, phone.box)
                .error()
                .reason(),
            "epoch.not_for_me");

  // The officer's laptop follows; nothing is waiting any more.
  ASSERT_TRUE(officerReplica.refreshChain(*officerClient).ok());
  EXPECT_TRUE(officerReplica.unusableDevices(nowSeconds()).empty());

  // The nurse writes after the revocation; the officer's laptop reads it. The
  // thief holds the phone's keys and the first epoch key it received, and
  // the ciphertext (from the server's disk, say): it does not open.
  const crypto::ObjectId note = crypto::ObjectId::random();
  auto& nurseReplica = *replicas_["nurse"];
  ASSERT_TRUE(nurseReplica.refreshChain(*nurseClient).ok());
  ASSERT_TRUE(nurseReplica.write(note, "note", crypto::asBytes("skriven efter spärren")).ok());
  auto pushed = nurseReplica.push(*nurseClient);
  ASSERT_TRUE(pushed.ok() && pushed->sent == 1) << (pushed.ok() ? "" : pushed.error().describe());
  ASSERT_TRUE(officerReplica.pull(*officerClient, 200ms).ok());
  auto read = officerReplica.object(note);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(std::string(read->plaintext.begin(), read->plaintext.end()), "skriven efter spärren");

  auto wire = coordClient->getObject(group_, note);
  ASSERT_TRUE(wire.ok()) << wire.error().describe();
  auto obj = crypto::EncryptedObject::parse(*wire);
  ASSERT_TRUE(obj.ok());
  EXPECT_EQ(obj->context.epoch, 2U);
  auto stolen = crypto::decryptObject(*obj, {group_, note, std::nullopt, "note"},
                                      coordReplica.chain(), {epoch1, std::nullopt});
  EXPECT_FALSE(stolen.ok()) << "the revoked phone's key opened content written after";
  // And the phone cannot ask for anything any more.
  EXPECT_FALSE(phoneClient->getEpochKeys(group_, 2).ok());
}

// A person revoked (they left the agency): every device of theirs, and with
// them their place in the group; the chain validated with the revocation on
// a device that opens the group afresh.
TEST_F(Revocation, ARevokedPersonLeavesTheGroupWithANewEpoch) {
  ASSERT_NO_FATAL_FAILURE(start());
  ASSERT_TRUE(health_.admin.device.client->revokeUser(nurse.user).ok());
  // The coordinator, not having synced since, removes her by hand: the
  // revocation is read first and she leaves once, with one new epoch.
  auto& coordReplica = *replicas_["coord"];
  auto removed =
      coordReplica.changeMembership(*coordClient, crypto::OpRemoveMember{nurse.user}, nowSeconds());
  ASSERT_TRUE(removed.ok()) << removed.error().describe();
  EXPECT_EQ(coordReplica.chain().state().members.count(nurse.user), 0U);
  EXPECT_EQ(coordReplica.chain().state().epoch, 2U);
  // Nothing left to do.
  auto done = coordReplica.excludeUnusable(*coordClient, nowSeconds());
  ASSERT_TRUE(done.ok()) << done.error().describe();
  EXPECT_TRUE(done->empty());

  // A fresh replica on the officer's laptop validates the chain with the
  // revocations it reads from the log.
  stores_.erase("officer");
  replicas_.erase("officer");
  ASSERT_NO_FATAL_FAILURE(openReplica("officer2", officer, *officerClient));
  ASSERT_TRUE(replicas_["officer2"]->refreshRevocations(*officerClient).ok());
  EXPECT_EQ(replicas_["officer2"]->chain().state().head, coordReplica.chain().state().head);
  EXPECT_TRUE(replicas_["officer2"]->unusableDevices(nowSeconds()).empty());
}

// Two at once — the officer's phone and the nurse, who left — go in one link
// with one new epoch: no intermediate key reaches either. And while they are
// still in, the server takes no other change that would seal a key to them.
TEST_F(Revocation, SeveralRevokedAtOnceLeaveInOneLinkWithOneNewEpoch) {
  ASSERT_NO_FATAL_FAILURE(start());
  ASSERT_TRUE(police_.admin.device.client->revokeDevice(phone.device).ok());
  ASSERT_TRUE(health_.admin.device.client->revokeUser(nurse.user).ok());

  // A change made by a client that has not read the revocations: refused.
  crypto::MembershipChain chain = ignorantChain();
  auto role =
      chain.makeLink(group_, crypto::OpChangeRole{officer.user, crypto::GroupRole::Coordinator},
                     nowSeconds(), coord.signing, coord.device);
  ASSERT_TRUE(role.ok());
  auto refused = coordClient->appendLink(group_, role->serialize());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason(), "chain.unusable_device");

  auto& coordReplica = *replicas_["coord"];
  ASSERT_TRUE(coordReplica.refreshRevocations(*coordClient).ok());
  auto done = coordReplica.excludeUnusable(*coordClient, nowSeconds());
  ASSERT_TRUE(done.ok()) << done.error().describe();
  ASSERT_EQ(done->size(), 2U);
  const crypto::GroupState& state = coordReplica.chain().state();
  EXPECT_EQ(state.seq, 1U) << "one link for both";
  EXPECT_EQ(state.epoch, 2U);
  EXPECT_EQ(state.members.count(nurse.user), 0U);
  EXPECT_EQ(state.device(phone.device), nullptr);
  auto raw = coordClient->getEpochKeys(group_, 2);
  ASSERT_TRUE(raw.ok()) << raw.error().describe();
  auto info = crypto::inspectEpochKeyBundle(crypto::Envelope::parse(raw->second).value(),
                                            coordReplica.chain());
  ASSERT_TRUE(info.ok()) << info.error().describe();
  EXPECT_EQ(info->recipients.size(), 2U);  // the coordinator and the officer's laptop

  // The change asked for before now goes through.
  EXPECT_TRUE(
      coordReplica
          .changeMembership(*coordClient,
                            crypto::OpChangeRole{officer.user, crypto::GroupRole::Coordinator},
                            nowSeconds())
          .ok());
}

// A membership link the server stored without the keys of its epoch (the
// coordinator's computer died between the two calls): the group is not left
// without a key — the coordinator's device gives the epoch keys at its next
// change or sync.
TEST_F(Revocation, AnEpochLeftWithoutKeysIsMendedByTheCoordinator) {
  ASSERT_NO_FATAL_FAILURE(start());
  crypto::MembershipChain chain = ignorantChain();
  auto rotate =
      chain.makeLink(group_, crypto::OpNewEpoch{}, nowSeconds(), coord.signing, coord.device);
  ASSERT_TRUE(rotate.ok() && coordClient->appendLink(group_, rotate->serialize()).ok());
  EXPECT_EQ(officerClient->getEpochKeys(group_, 2).error().reason(), "epoch.not_found");

  auto& coordReplica = *replicas_["coord"];
  ASSERT_TRUE(coordReplica.refreshChain(*coordClient).ok());
  auto mended = coordReplica.ensureEpochKeys(*coordClient, nowSeconds());
  ASSERT_TRUE(mended.ok()) << mended.error().describe();
  auto& officerReplica = *replicas_["officer"];
  ASSERT_TRUE(officerReplica.refreshChain(*officerClient).ok());
  const crypto::ObjectId note = crypto::ObjectId::random();
  ASSERT_TRUE(officerReplica.write(note, "note", crypto::asBytes("efter lagningen")).ok());
  auto pushed = officerReplica.push(*officerClient);
  ASSERT_TRUE(pushed.ok() && pushed->sent == 1U) << (pushed.ok() ? "" : pushed.error().describe());
  ASSERT_TRUE(replicas_["nurse"]->pull(*nurseClient, 200ms).ok());
  ASSERT_TRUE(replicas_["nurse"]->object(note).has_value());
}

}  // namespace
}  // namespace samrad::platform_testing
