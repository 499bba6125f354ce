// The membership chain and epoch-key bundles, valid and every way of being wrong.
#include "samrad/crypto/membership.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "samrad/crypto/epoch_keys.h"
#include "samrad/v1/crypto.pb.h"
#include "test_helpers.h"

namespace samrad::crypto {
namespace {

using testing::Agency;
using testing::kT0;
using testing::Person;

class Membership : public ::testing::Test {
 protected:
  Agency social;
  Agency police;
  Agency health;
  Person samordnare{social, UserRole::Member};
  Person officer{police, UserRole::Member, 2};
  Person nurse{health, UserRole::Member};
  GroupId group = GroupId::random();
  TrustStore roots;

  void SetUp() override {
    roots.pin(social.id, social.root.publicKey());
    roots.pin(police.id, police.root.publicKey());
    roots.pin(health.id, health.root.publicKey());
  }

  MembershipChain emptyChain() const { return MembershipChain(roots, RevocationList{}); }

  // A chain: genesis (coordinator + officer), then the nurse added.
  MembershipChain norrsken() {
    MembershipChain chain = emptyChain();
    auto g = chain.makeLink(
        group, OpCreate{{samordnare.spec(GroupRole::Coordinator), officer.spec(GroupRole::Member)}},
        kT0, samordnare.device().signing, samordnare.device().id);
    EXPECT_TRUE(g.ok()) << g.error().describe();
    EXPECT_TRUE(chain.append(*g).ok());
    auto add = chain.makeLink(group, OpAddMember{nurse.spec(GroupRole::Member)}, kT0 + 10,
                              samordnare.device().signing, samordnare.device().id);
    EXPECT_TRUE(add.ok()) << add.error().describe();
    EXPECT_TRUE(chain.append(*add).ok());
    return chain;
  }

  // Re-signs a link after `edit` changed its body: the signature is then
  // valid, so only the chain rules can catch what the edit broke.
  static Envelope edited(const Envelope& link, const SigningKeyPair& signer,
                         const std::function<void(samrad::v1::ChainLink&)>& edit) {
    samrad::v1::ChainLink pb;
    EXPECT_TRUE(pb.ParseFromArray(link.body.data(), static_cast<int>(link.body.size())));
    edit(pb);
    std::string body;
    pb.SerializeToString(&body);
    return signEnvelope(EnvelopeKind::GroupOperation, asBytes(body), signer);
  }

  Result<Envelope> coordinatorLink(const MembershipChain& chain, const Operation& op,
                                   std::int64_t t = kT0 + 100) {
    return chain.makeLink(group, op, t, samordnare.device().signing, samordnare.device().id);
  }
};

TEST_F(Membership, AValidChainValidatesFromGenesisOnAnotherClient) {
  MembershipChain chain = norrsken();
  EXPECT_EQ(chain.state().seq, 1U);
  EXPECT_EQ(chain.state().epoch, 1U);
  EXPECT_EQ(chain.state().members.size(), 3U);
  EXPECT_EQ(chain.state().allDevices().size(), 4U);

  auto other = MembershipChain::validate(roots, RevocationList{}, chain.links());
  ASSERT_TRUE(other.ok()) << other.error().describe();
  EXPECT_EQ(other->state().head, chain.state().head);
  EXPECT_EQ(other->state().memberSetDigest(), chain.state().memberSetDigest());
}

TEST_F(Membership, RefusesAWrongPreviousHash) {
  MembershipChain chain = norrsken();
  auto link = coordinatorLink(chain, OpNewEpoch{});
  ASSERT_TRUE(link.ok());
  const Envelope bad = edited(*link, samordnare.device().signing,
                              [](auto& pb) { pb.mutable_prev_hash()->at(0) ^= 1; });
  EXPECT_EQ(chain.append(bad).error().reason(), "chain.wrong_prev_hash");
}

TEST_F(Membership, RefusesAGap) {
  MembershipChain chain = norrsken();
  auto link = coordinatorLink(chain, OpNewEpoch{});
  const Envelope bad =
      edited(*link, samordnare.device().signing, [](auto& pb) { pb.set_seq(pb.seq() + 1); });
  EXPECT_EQ(chain.append(bad).error().reason(), "chain.gap");
}

TEST_F(Membership, RefusesAForkAndAReplay) {
  MembershipChain chain = norrsken();
  auto a = coordinatorLink(chain, OpChangeRole{officer.id, GroupRole::Observer});
  auto b = coordinatorLink(chain, OpChangeRole{nurse.id, GroupRole::Lawyer});
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_TRUE(chain.append(*a).ok());
  EXPECT_EQ(chain.append(*a).error().reason(), "chain.replay");
  EXPECT_EQ(chain.append(*b).error().reason(), "chain.fork");
}

TEST_F(Membership, RefusesAnAddByANonCoordinator) {
  MembershipChain chain = norrsken();
  Person extra(health, UserRole::Member);
  auto link = chain.makeLink(group, OpAddMember{extra.spec(GroupRole::Member)}, kT0 + 50,
                             officer.device().signing, officer.device().id);
  ASSERT_FALSE(link.ok());
  EXPECT_EQ(link.error().reason(), "chain.not_coordinator");
}

// Security review, item 3: a member card whose device certificate copies
// another device's public key (here the coordinator's) is refused, wherever
// it appears: in a new member, a new device of a member, or genesis.
class ClonedKeys : public Membership {
 protected:
  // A device certificate of `p`'s, carrying the given keys.
  static Envelope deviceCertificate(const Person& p, const SigningPublicKey& signing,
                                    const BoxPublicKey& box) {
    DeviceCertificate dc;
    dc.device = DeviceId::random();
    dc.user = p.id;
    dc.signingKey = signing;
    dc.boxKey = box;
    dc.validFrom = kT0 - testing::kYear;
    dc.validUntil = kT0 + testing::kYear;
    return issueDeviceCertificate(p.identity, dc);
  }
  // A person of `agency` whose one device carries the given keys.
  static Person withDeviceKeys(const Agency& agency, const SigningPublicKey& signing,
                               const BoxPublicKey& box) {
    Person p(agency, UserRole::Member, 0);
    testing::Device d;
    d.certificate = deviceCertificate(p, signing, box);
    p.devices.push_back(std::move(d));
    return p;
  }
  static void expectRefused(const Result<Envelope>& link) {
    ASSERT_FALSE(link.ok()) << "a link with a copied key was accepted";
    EXPECT_EQ(link.error().reason(), "chain.duplicate_key");
  }
};

TEST_F(ClonedKeys, ANewMemberWithTheCoordinatorsSigningKeyIsRefused) {
  MembershipChain chain = norrsken();
  const Person copy = withDeviceKeys(police, samordnare.device().signing.publicKey(),
                                     BoxKeyPair::generate().publicKey());
  expectRefused(coordinatorLink(chain, OpAddMember{copy.spec(GroupRole::Member)}));
  // The coordinator can still change the group.
  auto next = coordinatorLink(chain, OpNewEpoch{});
  ASSERT_TRUE(next.ok()) << next.error().describe();
  EXPECT_TRUE(chain.append(*next).ok());
}

TEST_F(ClonedKeys, ANewMemberWithAnotherDevicesBoxKeyIsRefused) {
  MembershipChain chain = norrsken();
  const Person copy = withDeviceKeys(police, SigningKeyPair::generate().publicKey(),
                                     nurse.device().box.publicKey());
  expectRefused(coordinatorLink(chain, OpAddMember{copy.spec(GroupRole::Member)}));
}

TEST_F(ClonedKeys, AGenesisWithTwoDevicesOfOneKeyIsRefused) {
  MembershipChain chain = emptyChain();
  const Person copy = withDeviceKeys(police, samordnare.device().signing.publicKey(),
                                     BoxKeyPair::generate().publicKey());
  expectRefused(chain.makeLink(
      group, OpCreate{{samordnare.spec(GroupRole::Coordinator), copy.spec(GroupRole::Member)}}, kT0,
      samordnare.device().signing, samordnare.device().id));
}

TEST_F(ClonedKeys, AKeyStaysItsDevicesAfterTheDeviceHasLeft) {
  // The officer leaves; a newcomer's card carries the officer's old signing
  // key. Links and epoch bundles the officer's device signed would then be
  // attributed to the newcomer's device.
  MembershipChain chain = norrsken();
  auto removal = coordinatorLink(chain, OpRemoveMember{officer.id});
  ASSERT_TRUE(removal.ok()) << removal.error().describe();
  ASSERT_TRUE(chain.append(*removal).ok());
  const Person copy = withDeviceKeys(police, officer.device().signing.publicKey(),
                                     BoxKeyPair::generate().publicKey());
  expectRefused(coordinatorLink(chain, OpAddMember{copy.spec(GroupRole::Member)}, kT0 + 200));
  // The officer's own device may come back with its own keys.
  auto back = coordinatorLink(chain, OpAddMember{officer.spec(GroupRole::Member)}, kT0 + 300);
  EXPECT_TRUE(back.ok()) << back.error().describe();
}

TEST_F(ClonedKeys, AMemberWithAnotherMembersIdentityKeyIsRefused) {
  MembershipChain chain = norrsken();
  Person copy(police, UserRole::Member);
  UserCertificate c;
  c.user = copy.id;
  c.agency = police.id;
  c.role = UserRole::Member;
  c.identityKey = nurse.identity.publicKey();  // the nurse's, certified by the police root
  c.validFrom = kT0 - testing::kYear;
  c.validUntil = kT0 + testing::kYear;
  c.serial = 1;
  copy.certificate = issueUserCertificate(police.root, c);
  copy.devices.clear();
  testing::Device d;
  DeviceCertificate dc;
  dc.device = d.id;
  dc.user = copy.id;
  dc.signingKey = d.signing.publicKey();
  dc.boxKey = d.box.publicKey();
  dc.validFrom = kT0 - testing::kYear;
  dc.validUntil = kT0 + testing::kYear;
  d.certificate = issueDeviceCertificate(nurse.identity, dc);
  copy.devices.push_back(std::move(d));
  expectRefused(coordinatorLink(chain, OpAddMember{copy.spec(GroupRole::Member)}));
}

TEST_F(ClonedKeys, ALinkThatSlipsACopiedKeyPastItsAuthorIsRefusedOnAppend) {
  // A coordinator's client that did not check (or a server that edits the
  // link and has it re-signed): every other client refuses it on append.
  MembershipChain chain = norrsken();
  Person honest(police, UserRole::Member);
  auto link = coordinatorLink(chain, OpAddMember{honest.spec(GroupRole::Member)});
  ASSERT_TRUE(link.ok());
  const Bytes cert = deviceCertificate(honest, officer.device().signing.publicKey(),
                                       BoxKeyPair::generate().publicKey())
                         .serialize();
  const std::string copied(cert.begin(), cert.end());
  const Envelope bad = edited(*link, samordnare.device().signing, [&](auto& pb) {
    *pb.mutable_add_member()->mutable_member()->mutable_device_certificates(0) = copied;
  });
  const Status s = chain.append(bad);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().reason(), "chain.duplicate_key");
}

TEST_F(Membership, RefusesALinkFromADeviceOutsideTheGroup) {
  MembershipChain chain = norrsken();
  Person outsider(police, UserRole::Member);
  auto link = coordinatorLink(chain, OpNewEpoch{});
  const Envelope bad = edited(*link, outsider.device().signing, [](auto&) {});
  EXPECT_EQ(chain.append(bad).error().reason(), "chain.unknown_author");
}

TEST_F(Membership, RefusesARemovalWithoutANewEpoch) {
  MembershipChain chain = norrsken();
  auto link = coordinatorLink(chain, OpRemoveMember{officer.id});
  ASSERT_TRUE(link.ok());
  const Envelope bad =
      edited(*link, samordnare.device().signing, [](auto& pb) { pb.set_epoch(pb.epoch() - 1); });
  EXPECT_EQ(chain.append(bad).error().reason(), "chain.removal_without_new_epoch");
  // The honest link starts epoch 2 and the officer is gone.
  ASSERT_TRUE(chain.append(*link).ok());
  EXPECT_EQ(chain.state().epoch, 2U);
  EXPECT_EQ(chain.state().members.count(officer.id), 0U);
}

TEST_F(Membership, RefusesAMemberFromAnUnpinnedAgency) {
  MembershipChain chain = norrsken();
  Agency unknown;
  Person stranger(unknown, UserRole::Member);
  auto link = coordinatorLink(chain, OpAddMember{stranger.spec(GroupRole::Member)});
  ASSERT_FALSE(link.ok());
  EXPECT_EQ(link.error().reason(), "cert.unknown_root");
}

TEST_F(Membership, RefusesAWrongMemberSetDigest) {
  MembershipChain chain = norrsken();
  auto link = coordinatorLink(chain, OpChangeRole{nurse.id, GroupRole::Observer});
  const Envelope bad = edited(*link, samordnare.device().signing,
                              [](auto& pb) { pb.mutable_member_set_digest()->at(3) ^= 1; });
  EXPECT_EQ(chain.append(bad).error().reason(), "chain.digest_mismatch");
}

TEST_F(Membership, ARemovedCoordinatorCannotSignAnyMore) {
  MembershipChain chain = norrsken();
  // Promote the nurse, then the nurse removes the original coordinator.
  ASSERT_TRUE(
      chain.append(*coordinatorLink(chain, OpChangeRole{nurse.id, GroupRole::Coordinator})).ok());
  auto removal = chain.makeLink(group, OpRemoveMember{samordnare.id}, kT0 + 200,
                                nurse.device().signing, nurse.device().id);
  ASSERT_TRUE(removal.ok()) << removal.error().describe();
  ASSERT_TRUE(chain.append(*removal).ok());
  auto late = coordinatorLink(chain, OpNewEpoch{}, kT0 + 300);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().reason(), "chain.unknown_author");
}

TEST_F(Membership, ARevokedDeviceCannotSign) {
  MembershipChain honest = norrsken();
  RevocationList revoked;
  revoked.revokeDevice(samordnare.device().id, kT0 + 50);
  auto chain = MembershipChain::validate(roots, revoked, honest.links());
  ASSERT_TRUE(chain.ok()) << chain.error().describe();  // links before revocation stand
  auto link = coordinatorLink(*chain, OpNewEpoch{}, kT0 + 60);
  ASSERT_FALSE(link.ok());
  EXPECT_EQ(link.error().reason(), "cert.revoked");
}

TEST_F(Membership, RefusesAnExpiredCertificateInANewLink) {
  MembershipChain chain = norrsken();
  Person late(health, UserRole::Member);
  auto link =
      coordinatorLink(chain, OpAddMember{late.spec(GroupRole::Member)}, kT0 + 2 * testing::kYear);
  ASSERT_FALSE(link.ok());
  EXPECT_EQ(link.error().reason(), "cert.expired");
}

TEST_F(Membership, RecoveryKeysJoinOnlyThroughAVisibleEscrowLink) {
  MembershipChain chain = norrsken();
  Person recovery(social, UserRole::Recovery);
  EXPECT_EQ(
      coordinatorLink(chain, OpAddMember{recovery.spec(GroupRole::Recovery)}).error().reason(),
      "chain.bad_role");
  auto escrow = coordinatorLink(chain, OpRecoveryEscrow{recovery.spec(GroupRole::Recovery)});
  ASSERT_TRUE(escrow.ok()) << escrow.error().describe();
  ASSERT_TRUE(chain.append(*escrow).ok());
  EXPECT_EQ(chain.state().members.at(recovery.id).role, GroupRole::Recovery);
}

// ---- epoch keys -----------------------------------------------------------

Bytes binding(const GroupId& g, std::uint64_t epoch, const DeviceId& d, ByteView key) {
  Bytes b;
  appendBytes(b, g.view());
  appendU64(b, epoch);
  appendBytes(b, d.view());
  appendBytes(b, key);
  return b;
}

TEST_F(Membership, EveryMemberDeviceOpensTheEpochKeyAndKeepsHistory) {
  MembershipChain chain = norrsken();
  const auto e1 = SecretBytes::random(32);
  ASSERT_TRUE(chain.append(*coordinatorLink(chain, OpRemoveMember{nurse.id})).ok());
  const auto e2 = SecretBytes::random(32);
  auto bundle = makeEpochKeyBundle(chain, e2, &e1, samordnare.device().signing,
                                   samordnare.device().id, {}, chain.state().lastTime);
  ASSERT_TRUE(bundle.ok()) << bundle.error().describe();
  for (const Person* p : {&samordnare, &officer}) {
    for (const auto& d : p->devices) {
      auto opened = openEpochKeyBundle(*bundle, chain, d.id, d.box);
      ASSERT_TRUE(opened.ok()) << opened.error().describe();
      EXPECT_EQ(opened->epoch, 2U);
      EXPECT_TRUE(opened->key.equals(e2.view()));
      ASSERT_TRUE(opened->previousKey.has_value());
      EXPECT_TRUE(opened->previousKey->equals(e1.view()));
    }
  }
  // The removed nurse gets nothing new.
  EXPECT_EQ(
      openEpochKeyBundle(*bundle, chain, nurse.device().id, nurse.device().box).error().reason(),
      "epoch.not_for_me");
}

// Revocation has a cryptographic effect: no epoch key reaches a revoked
// device, its person's devices when the person is revoked, or a device whose
// certificate is no longer valid; and the device can leave with a new epoch.
TEST_F(Membership, NoEpochKeyIsSealedToARevokedOrExpiredDevice) {
  MembershipChain chain = norrsken();
  const auto key = SecretBytes::random(32);
  const auto& coord = samordnare.device();
  const DeviceId stolen = officer.devices[1].id;
  RevocationList revoked;
  revoked.revokeDevice(stolen, kT0 + 100);
  // Once recorded, whatever its time: a clock behind the revocation does not
  // make the device a recipient again.
  EXPECT_EQ(makeEpochKeyBundle(chain, key, nullptr, coord.signing, coord.id, revoked, kT0 + 99)
                .error()
                .reason(),
            "epoch.unusable_recipient");
  EXPECT_TRUE(makeEpochKeyBundle(chain, key, nullptr, coord.signing, coord.id, {}, kT0 + 99).ok());
  auto refused =
      makeEpochKeyBundle(chain, key, nullptr, coord.signing, coord.id, revoked, kT0 + 100);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason(), "epoch.unusable_recipient");
  ASSERT_EQ(unusableDevices(chain.state(), revoked, kT0 + 100).size(), 1U);
  EXPECT_EQ(unusableDevices(chain.state(), revoked, kT0 + 100)[0].id, stolen);

  // A revoked person: every device of theirs.
  RevocationList person;
  person.revokeUser(nurse.id, kT0 + 100);
  EXPECT_EQ(unusableDevices(chain.state(), person, kT0 + 100).size(), 1U);
  EXPECT_EQ(makeEpochKeyBundle(chain, key, nullptr, coord.signing, coord.id, person, kT0 + 100)
                .error()
                .reason(),
            "epoch.unusable_recipient");

  // Validity is checked when the key is sealed, not only when the device joined.
  EXPECT_EQ(
      makeEpochKeyBundle(chain, key, nullptr, coord.signing, coord.id, {}, kT0 + testing::kYear)
          .error()
          .reason(),
      "epoch.unusable_recipient");
  EXPECT_EQ(unusableDevices(chain.state(), {}, kT0 + testing::kYear).size(), 4U);
  EXPECT_EQ(standingOf(chain.state().allDevices()[0], {}, kT0 + testing::kYear),
            DeviceStanding::Expired);

  // The device leaves with a new epoch: the bundle for it has no box for the
  // stolen device, and that device opens nothing of it.
  MembershipChain after =
      MembershipChain::validate(roots, chainRevocations(revoked), chain.links()).value();
  ASSERT_TRUE(
      after.append(*coordinatorLink(after, OpRevokeDevice{officer.id, stolen}, kT0 + 110)).ok());
  auto bundle =
      makeEpochKeyBundle(after, key, nullptr, coord.signing, coord.id, revoked, kT0 + 110);
  ASSERT_TRUE(bundle.ok()) << bundle.error().describe();
  auto info = inspectEpochKeyBundle(*bundle, after);
  ASSERT_TRUE(info.ok()) << info.error().describe();
  EXPECT_EQ(info->epoch, 2U);
  EXPECT_EQ(std::count(info->recipients.begin(), info->recipients.end(), stolen), 0);
  EXPECT_EQ(openEpochKeyBundle(*bundle, after, stolen, officer.devices[1].box).error().reason(),
            "epoch.not_for_me");
  EXPECT_TRUE(
      openEpochKeyBundle(*bundle, after, officer.devices[0].id, officer.devices[0].box).ok());
}

// A chain is validated with revocations taking effect kLinkClockSkew (and a
// second) late: a link the device appended just before it was revoked,
// stamped by a clock a little ahead, still validates everywhere.
TEST_F(Membership, ALinkStampedJustAheadOfItsAuthorsRevocationStillValidates) {
  MembershipChain chain = norrsken();
  ASSERT_TRUE(chain.append(*coordinatorLink(chain, OpNewEpoch{}, kT0 + 130)).ok());
  RevocationList revoked;
  revoked.revokeDevice(samordnare.device().id, kT0 + 100);  // 30 s before the link's stamp
  EXPECT_FALSE(MembershipChain::validate(roots, revoked, chain.links()).ok());
  EXPECT_TRUE(MembershipChain::validate(roots, chainRevocations(revoked), chain.links()).ok());
  // Past the skew, a link by the revoked device is refused.
  auto later = MembershipChain::validate(roots, chainRevocations(revoked), chain.links()).value();
  auto link = coordinatorLink(later, OpNewEpoch{}, kT0 + 100 + kLinkClockSkew + 1);
  ASSERT_FALSE(link.ok());
  EXPECT_EQ(link.error().reason(), "cert.revoked");
}

// Several devices and people leave in one link with one new epoch; the rules
// of a removal hold for each.
TEST_F(Membership, AnExclusionTakesSeveralOutInOneLinkUnderTheRulesOfEach) {
  MembershipChain chain = norrsken();
  EXPECT_EQ(coordinatorLink(chain, OpExclude{}).error().reason(), "chain.malformed");
  EXPECT_EQ(coordinatorLink(chain, OpExclude{{samordnare.id}, {}}).error().reason(),
            "chain.no_coordinator");
  EXPECT_EQ(
      coordinatorLink(
          chain,
          OpExclude{{}, {{officer.id, officer.devices[0].id}, {officer.id, officer.devices[1].id}}})
          .error()
          .reason(),
      "chain.last_device");
  EXPECT_EQ(coordinatorLink(chain, OpExclude{{UserId::random()}, {}}).error().reason(),
            "chain.not_member");
  auto link = coordinatorLink(chain, OpExclude{{nurse.id}, {{officer.id, officer.devices[1].id}}});
  ASSERT_TRUE(link.ok()) << link.error().describe();
  ASSERT_TRUE(chain.append(*link).ok());
  EXPECT_EQ(chain.state().epoch, 2U);
  EXPECT_EQ(chain.state().members.count(nurse.id), 0U);
  EXPECT_EQ(chain.state().device(officer.devices[1].id), nullptr);
  EXPECT_NE(chain.state().device(officer.devices[0].id), nullptr);
  EXPECT_EQ(chain.leftAt(officer.devices[1].id), std::optional<std::uint64_t>(2));
  // Another device validates the same chain.
  EXPECT_TRUE(MembershipChain::validate(roots, RevocationList{}, chain.links()).ok());
}

class EpochBundleForgery : public Membership {
 protected:
  // Builds and signs a bundle from raw boxes, as a malicious coordinator or
  // server splice would.
  Envelope bundleOf(const MembershipChain& chain, std::uint64_t epoch,
                    const std::vector<std::pair<DeviceId, Bytes>>& boxes,
                    const SigningKeyPair& signer, const DeviceId& signerId) {
    samrad::v1::EpochKeyBundle pb;
    pb.set_group_id(group.str());
    pb.set_epoch(epoch);
    pb.set_chain_head(chain.state().head.str());
    pb.set_author_device_id(signerId.str());
    for (const auto& [id, sealed] : boxes) {
      auto* b = pb.add_boxes();
      b->set_device_id(id.str());
      b->set_sealed(sealed.data(), sealed.size());
    }
    std::string body;
    pb.SerializeToString(&body);
    return signEnvelope(EnvelopeKind::EpochKeys, asBytes(body), signer);
  }

  std::vector<std::pair<DeviceId, Bytes>> honestBoxes(const MembershipChain& chain,
                                                      const SecretBytes& key) {
    std::vector<std::pair<DeviceId, Bytes>> out;
    for (const auto& d : chain.state().allDevices()) {
      out.emplace_back(d.id,
                       sealTo(d.boxKey, binding(group, chain.state().epoch, d.id, key.view())));
    }
    return out;
  }
};

TEST_F(EpochBundleForgery, RefusesAGhostDevice) {
  MembershipChain chain = norrsken();
  const auto key = SecretBytes::random(32);
  auto boxes = honestBoxes(chain, key);
  Person ghost(police, UserRole::Member);
  boxes.emplace_back(ghost.device().id, sealTo(ghost.device().box.publicKey(),
                                               binding(group, 1, ghost.device().id, key.view())));
  const Envelope b = bundleOf(chain, 1, boxes, samordnare.device().signing, samordnare.device().id);
  EXPECT_EQ(
      openEpochKeyBundle(b, chain, officer.device().id, officer.device().box).error().reason(),
      "epoch.ghost_device");
}

TEST_F(EpochBundleForgery, RefusesAMissingDevice) {
  MembershipChain chain = norrsken();
  const auto key = SecretBytes::random(32);
  auto boxes = honestBoxes(chain, key);
  boxes.pop_back();
  const Envelope b = bundleOf(chain, 1, boxes, samordnare.device().signing, samordnare.device().id);
  EXPECT_EQ(openEpochKeyBundle(b, chain, samordnare.device().id, samordnare.device().box)
                .error()
                .reason(),
            "epoch.missing_device");
}

TEST_F(EpochBundleForgery, RefusesABoxRePointedToAnotherEpochGroupOrDevice) {
  MembershipChain chain = norrsken();
  const auto key = SecretBytes::random(32);
  const auto& me = officer.device();
  const auto& sibling = officer.device(1);
  for (const Bytes& wrongBinding :
       {binding(group, 7, me.id, key.view()),              // another epoch
        binding(GroupId::random(), 1, me.id, key.view()),  // another group
        binding(group, 1, sibling.id, key.view())}) {      // another device
    auto boxes = honestBoxes(chain, key);
    for (auto& [id, sealed] : boxes) {
      if (id == me.id) sealed = sealTo(me.box.publicKey(), wrongBinding);
    }
    const Envelope b =
        bundleOf(chain, 1, boxes, samordnare.device().signing, samordnare.device().id);
    EXPECT_EQ(openEpochKeyBundle(b, chain, me.id, me.box).error().reason(), "epoch.box_misbound");
  }
}

TEST_F(EpochBundleForgery, RefusesABundleFromANonCoordinatorOrWithTheWrongEpoch) {
  MembershipChain chain = norrsken();
  const auto key = SecretBytes::random(32);
  const Envelope byMember =
      bundleOf(chain, 1, honestBoxes(chain, key), officer.device().signing, officer.device().id);
  EXPECT_EQ(
      openEpochKeyBundle(byMember, chain, nurse.device().id, nurse.device().box).error().reason(),
      "epoch.not_coordinator");
  const Envelope wrongEpoch = bundleOf(chain, 2, honestBoxes(chain, key),
                                       samordnare.device().signing, samordnare.device().id);
  EXPECT_EQ(
      openEpochKeyBundle(wrongEpoch, chain, nurse.device().id, nurse.device().box).error().reason(),
      "epoch.wrong_epoch");
  Person outsider(police, UserRole::Member);
  const Envelope byOutsider =
      bundleOf(chain, 1, honestBoxes(chain, key), outsider.device().signing, outsider.device().id);
  EXPECT_EQ(
      openEpochKeyBundle(byOutsider, chain, nurse.device().id, nurse.device().box).error().reason(),
      "epoch.unknown_signer");
}

}  // namespace
}  // namespace samrad::crypto
