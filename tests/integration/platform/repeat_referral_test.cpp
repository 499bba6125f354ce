// #25 item 2: repeat checks through person tags. Only the coordinator's and
// members' devices hold the key (never a lawyer's); the server takes one tag
// per case, only from the agency that referred it, only so many a day, and
// tells the referrer yes or no and the coordinator which cases; when a
// member leaves, the key is renewed and the server re-keys every tag, so
// matching goes on across the change while the one who left cannot make a
// tag that matches. Before this, every device of the group (the lawyer's
// too) held one whole-group secret that never changed, and the referrer was
// told the earlier cases' ids and dates.
#include <gtest/gtest.h>

#include "replica_fixture.h"
#include "samrad/client/cases.h"
#include "samrad/common/record_kinds.h"
#include "samrad/crypto/person_tag.h"
#include "samrad/v1/log.pb.h"

namespace samrad::platform_testing {
namespace {

class RepeatReferrals : public Replica {
 protected:
  void SetUp() override {
    Replica::SetUp();
    threeAgencies();
    coord_ = identity(social_, crypto::UserRole::Member);
    officer_ = identity(police_, crypto::UserRole::Member);
    worker_ = identity(social_, crypto::UserRole::Member);
    lawyer_ = identity(social_, crypto::UserRole::Member);
    clients_["coord"] = enrol(social_, coord_);
    clients_["officer"] = enrol(police_, officer_);
    clients_["worker"] = enrol(social_, worker_);
    clients_["lawyer"] = enrol(social_, lawyer_);
    crypto::MembershipChain chain(pinned_, {});
    crypto::OpCreate create{{coord_.memberSpec(crypto::GroupRole::Coordinator),
                             officer_.memberSpec(crypto::GroupRole::Member),
                             worker_.memberSpec(crypto::GroupRole::Member),
                             lawyer_.memberSpec(crypto::GroupRole::Lawyer)}};
    auto genesis = chain.makeLink(group_, create, nowSeconds(), coord_.signing, coord_.device);
    ASSERT_TRUE(genesis.ok() && chain.append(*genesis).ok());
    ASSERT_TRUE(clients_["coord"]->createGroup(genesis->serialize()).ok());
    auto bundle = crypto::makeEpochKeyBundle(chain, epochKey_, nullptr, coord_.signing,
                                             coord_.device, {}, nowSeconds());
    ASSERT_TRUE(bundle.ok() && clients_["coord"]->putEpochKeys(group_, bundle->serialize()).ok());
    const std::pair<const char*, client::DeviceIdentity*> people[] = {
        {"coord", &coord_}, {"officer", &officer_}, {"worker", &worker_}, {"lawyer", &lawyer_}};
    for (const auto& [name, id] : people) {
      ASSERT_NO_FATAL_FAILURE(openReplica(name, *id, *clients_[name]));
    }
    officerCases_ =
        std::make_unique<client::CaseBook>(*replicas_["officer"], police_.id, officer_.user);
    coordCases_ = std::make_unique<client::CaseBook>(*replicas_["coord"], social_.id, coord_.user);
  }

  crypto::CaseId refer(const std::string& number) {
    auto r = officerCases_->refer({number,
                                   client::CaseKind::Deidentified,
                                   client::Urgency::Planned,
                                   false,
                                   "Avidentifierat underlag",
                                   {},
                                   nowSeconds(),
                                   {},
                                   {}});
    EXPECT_TRUE(r.ok()) << r.error().describe();
    return r->id;
  }

  crypto::ObjectId keyObject() const {
    const crypto::Hash h = crypto::sha256({crypto::asBytes(kPersonTagKeyLabel), group_.view()});
    return *crypto::ObjectId::fromBytes(crypto::ByteView(h.bytes.data(), 16));
  }

  // What a device writing the key object by hand sends (kind person-tag-key).
  Result<client::PutResult> putKeyObject(const std::string& who, const client::DeviceIdentity& id,
                                         const std::vector<crypto::DeviceId>& to,
                                         std::uint64_t expected,
                                         std::string_view kind = kPersonTagKeyKind) {
    const auto& state = replicas_[who]->chain().state();  // still the first epoch
    const crypto::ContentContext ctx{std::string(kind), group_,    keyObject(), expected + 1,
                                     state.epoch,       id.device, state.head};
    auto obj =
        crypto::encryptObject(ctx, crypto::asBytes("x"), {epochKey_, std::nullopt}, id.signing);
    if (!obj) return obj.error();
    return clients_[who]->putObject(group_, keyObject(), expected, obj->serialize(), to);
  }

  std::size_t loggedRegistrations(const crypto::CaseId& caseId) {
    auto& c = *clients_["coord"];
    std::size_t n = 0;
    const auto log = crypto::LogId::ofGroup(group_);
    auto cp = c.checkpoint(log);
    if (!cp.ok()) return 0;
    auto entries = c.logEntries(log, 0, static_cast<std::uint32_t>(cp->second));
    if (!entries.ok()) return 0;
    for (const auto& raw : *entries) {
      v1::LogEntry e;
      if (!e.ParseFromArray(raw.data(), static_cast<int>(raw.size()))) continue;
      if (e.kind() == v1::LOG_ENTRY_REFERRAL_REGISTERED && e.object_id() == caseId.str()) ++n;
    }
    return n;
  }

  client::DeviceIdentity coord_, officer_, worker_, lawyer_;
  crypto::SecretBytes epochKey_ = crypto::SecretBytes::random(32);
  std::map<std::string, std::unique_ptr<client::PlatformClient>> clients_;
  std::unique_ptr<client::CaseBook> officerCases_, coordCases_;
};

TEST_F(RepeatReferrals, OnlyReferringDevicesHoldTheKeyAndTheReferrerLearnsYesOrNo) {
  auto& server = *clients_["officer"];
  // Before the coordinator's computer has given it out, nobody has a key.
  EXPECT_EQ(replicas_["officer"]->personTagKey(server).error().reason(), "referral.no_key");
  // Nobody takes the key's id first with something else.
  auto squat = putKeyObject("officer", officer_, {officer_.device}, 0, "note");
  ASSERT_FALSE(squat.ok());
  EXPECT_EQ(squat.error().reason(), "object.person_tag_key_id");
  ASSERT_TRUE(replicas_["coord"]->ensurePersonTagKey(*clients_["coord"], nowSeconds()).ok());
  auto officerKey = replicas_["officer"]->personTagKey(server);
  ASSERT_TRUE(officerKey.ok()) << officerKey.error().describe();
  EXPECT_EQ(officerKey->generation, 1U);
  ASSERT_TRUE(replicas_["worker"]->personTagKey(*clients_["worker"]).ok());
  // A lawyer audits; she registers no referrals and holds no key — not even
  // the ciphertext of the boxes.
  EXPECT_EQ(replicas_["lawyer"]->personTagKey(*clients_["lawyer"]).error().reason(),
            "referral.no_key");
  EXPECT_EQ(clients_["lawyer"]->getObject(group_, keyObject()).error().code(),
            ErrorCode::PermissionDenied);
  // Only the coordinator writes the key object, and never to a lawyer.
  auto byMember = putKeyObject("officer", officer_, {officer_.device}, 1);
  ASSERT_FALSE(byMember.ok());
  EXPECT_EQ(byMember.error().reason(), "object.not_coordinator");
  auto toLawyer = putKeyObject("coord", coord_, {coord_.device, lawyer_.device}, 1);
  ASSERT_FALSE(toLawyer.ok());
  EXPECT_EQ(toLawyer.error().reason(), "object.tag_key_holder");

  const auto first = refer("NRS-2026-050");
  const auto second = refer("NRS-2026-051");
  const auto other = refer("NRS-2026-052");
  auto a = officerCases_->registerPerson(server, first, "811218-9876", 2026);
  ASSERT_TRUE(a.ok()) << a.error().describe();
  EXPECT_FALSE(a->repeat);
  // The same person written another way: a yes, and nothing more.
  auto b = officerCases_->registerPerson(server, second, "198112189876", 2026);
  ASSERT_TRUE(b.ok()) << b.error().describe();
  EXPECT_TRUE(b->repeat);
  auto c = officerCases_->registerPerson(server, other, "850709-1232", 2026);
  ASSERT_TRUE(c.ok());
  EXPECT_FALSE(c->repeat);
  // Again for the same case: the same answer and time, not a repeat of itself.
  auto again = officerCases_->registerPerson(server, first, "811218-9876", 2026);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->repeat);
  EXPECT_EQ(again->registeredAt, a->registeredAt);
  // A case is about one person: a second personnummer through it is refused.
  EXPECT_EQ(officerCases_->registerPerson(server, first, "850709-1232", 2026).error().reason(),
            "referral.tag_differs");
  // The server checks what it is sent.
  crypto::Hash junk;
  junk.bytes.fill(0xff);
  EXPECT_EQ(server.registerReferral(group_, other, junk, 1).error().reason(), "referral.bad_tag");
  auto real = crypto::personTag(group_, *officerKey, "850709-1232", 2026);
  ASSERT_TRUE(real.ok());
  EXPECT_EQ(
      server.registerReferral(group_, other, *crypto::Hash::fromBytes(*real), 7).error().reason(),
      "referral.generation");
  EXPECT_EQ(
      server.registerReferral(group_, other, *crypto::Hash::fromBytes(*real), 0).error().code(),
      ErrorCode::InvalidArgument);

  // The coordinator is told which cases; the referrer may not ask.
  auto flags = coordCases_->repeatFlags(*clients_["coord"]);
  ASSERT_TRUE(flags.ok()) << flags.error().describe();
  ASSERT_EQ(flags->size(), 1U);
  EXPECT_EQ((*flags)[0].caseId, second);
  EXPECT_EQ((*flags)[0].earlier, std::vector<crypto::CaseId>{first});
  EXPECT_EQ(officerCases_->repeatFlags(server).error().code(), ErrorCode::PermissionDenied);
  // The case record says "repeat" to those who read it.
  ASSERT_TRUE(replicas_["officer"]->push(server).ok());
  ASSERT_TRUE(replicas_["coord"]->pull(*clients_["coord"], 200ms).ok());
  auto seen = coordCases_->find(second);
  ASSERT_TRUE(seen.has_value());
  EXPECT_TRUE(seen->repeatReferral);
  EXPECT_FALSE(coordCases_->find(other)->repeatReferral);
  // Logged once per case: who registered, never the tag or the answer.
  EXPECT_EQ(loggedRegistrations(first), 1U);
  EXPECT_EQ(loggedRegistrations(second), 1U);

  server_->shutdown(1s);
  EXPECT_GT(expectStoreHoldsNone({"8112189876", "811218", "8507091232", "850709"}), 50U);
}

TEST_F(RepeatReferrals, AMemberWhoLeavesKeepsNoKeyThatStillMatches) {
  auto& server = *clients_["officer"];
  ASSERT_TRUE(replicas_["coord"]->ensurePersonTagKey(*clients_["coord"], nowSeconds()).ok());
  const auto first = refer("NRS-2026-060");
  auto a = officerCases_->registerPerson(server, first, "811218-9876", 2026);
  ASSERT_TRUE(a.ok()) << a.error().describe();
  auto workerKey = replicas_["worker"]->personTagKey(*clients_["worker"]);
  ASSERT_TRUE(workerKey.ok());
  // The worker leaves; the coordinator's computer renews the key and has the
  // server re-key the stored tags.
  auto removed = replicas_["coord"]->changeMembership(
      *clients_["coord"], crypto::OpRemoveMember{worker_.user}, nowSeconds());
  ASSERT_TRUE(removed.ok()) << removed.error().describe();
  auto coordKey = replicas_["coord"]->personTagKey(*clients_["coord"]);
  ASSERT_TRUE(coordKey.ok());
  EXPECT_EQ(coordKey->generation, 2U);
  auto listed = clients_["coord"]->listRepeatReferrals(group_);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->generation, 2U);
  // What the worker's old key makes matches nothing the server now holds.
  auto oldTag = crypto::personTag(group_, *workerKey, "811218-9876", 2026);
  auto newTag = crypto::personTag(group_, *coordKey, "811218-9876", 2026);
  ASSERT_TRUE(oldTag.ok() && newTag.ok());
  EXPECT_NE(*oldTag, *newTag);
  ASSERT_TRUE(replicas_["officer"]->refreshChain(server).ok());
  const auto probe = refer("NRS-2026-061");
  ASSERT_TRUE(replicas_["officer"]->push(server).ok());
  EXPECT_EQ(
      server.registerReferral(group_, probe, *crypto::Hash::fromBytes(*oldTag), 1).error().reason(),
      "referral.generation");
  // Claiming the new generation does not help her: her tag matches nothing.
  auto claimed = server.registerReferral(group_, probe, *crypto::Hash::fromBytes(*oldTag), 2);
  ASSERT_TRUE(claimed.ok()) << claimed.error().describe();
  EXPECT_FALSE(claimed->repeat);
  // She is out of the group, and so out of the key's boxes.
  EXPECT_EQ(replicas_["worker"]->personTagKey(*clients_["worker"], true).error().reason(),
            "referral.no_key");
  // The officer's device had the first key: it fetches the new one and the
  // same person is still recognised across the change.
  const auto later = refer("NRS-2026-062");
  auto b = officerCases_->registerPerson(server, later, "19811218-9876", 2026);
  ASSERT_TRUE(b.ok()) << b.error().describe();
  EXPECT_TRUE(b->repeat);
  auto flags = coordCases_->repeatFlags(*clients_["coord"]);
  ASSERT_TRUE(flags.ok());
  ASSERT_EQ(flags->size(), 1U);
  EXPECT_EQ((*flags)[0].earlier, std::vector<crypto::CaseId>{first});
  EXPECT_EQ((*flags)[0].caseId, later);
  // The key object is renewed, never deleted.
  EXPECT_EQ(clients_["coord"]->deleteObject(group_, keyObject(), 2).error().reason(),
            "object.person_tag_key");
  // Renewing again for the same generation changes nothing on the server.
  auto delta = crypto::personTagDelta(*coordKey);
  ASSERT_TRUE(delta.ok());
  auto same = clients_["coord"]->rotatePersonTags(group_, 2, delta->view());
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(*same, 2U);
  EXPECT_EQ(clients_["coord"]->rotatePersonTags(group_, 4, delta->view()).error().reason(),
            "referral.generation");
  EXPECT_EQ(server.rotatePersonTags(group_, 3, delta->view()).error().code(),
            ErrorCode::PermissionDenied);
  flags = coordCases_->repeatFlags(*clients_["coord"]);
  ASSERT_TRUE(flags.ok());
  EXPECT_EQ(flags->size(), 1U);
}

// Testing guesses through the server costs a case each and stops after 20
// a day per device.
TEST_F(RepeatReferrals, ADeviceCannotTestManyGuesses) {
  auto& server = *clients_["officer"];
  ASSERT_TRUE(replicas_["coord"]->ensurePersonTagKey(*clients_["coord"], nowSeconds()).ok());
  int accepted = 0;
  std::string refusal;
  for (int i = 0; i < 21; ++i) {
    auto r = officerCases_->registerPerson(server, refer("NRS-G" + std::to_string(i)),
                                           "850709-1232", 2026);
    if (r.ok()) {
      ++accepted;
    } else {
      refusal = r.error().reason();
    }
  }
  EXPECT_EQ(accepted, 20);
  EXPECT_EQ(refusal, "referral.rate_limited");
}

}  // namespace
}  // namespace samrad::platform_testing
