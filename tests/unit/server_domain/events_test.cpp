// Change events and durability (DESIGN §3, sync): a subscriber hears of a
// change only once it is on disk, whichever path made it, and a stream
// catching up from the store is served only what has been announced. A
// client numbers what it has seen by these events; an event a crash could
// take back would let its number go to another event that client then never
// fetches.
#include <mutex>
#include <set>
#include <vector>

#include "domain_fixture.h"
#include "samrad/v1/advice.pb.h"

namespace samrad::server::domain {
namespace {

constexpr std::int64_t kDay = 24 * 3600;

class Events : public DomainTest {
 protected:
  std::vector<std::uint64_t> seqs(const std::vector<EventRecord>& events) {
    std::vector<std::uint64_t> out;
    for (const auto& e : events) out.push_back(e.seq);
    return out;
  }
  std::vector<std::uint64_t> served() {
    auto page = platform_->eventsAfter(caller("lawyer"), group_, 0, 100);
    EXPECT_TRUE(page.ok()) << page.error().describe();
    return page.ok() ? seqs(*page) : std::vector<std::uint64_t>{};
  }
  // An event committed as another writer's would be, and not announced (its
  // writer has not yet synced it): stored straight into the store.
  void storeUnannouncedEvent() {
    auto g = store_->group(group_);
    ASSERT_TRUE(g.ok() && g->has_value());
    GroupRecord next = **g;
    ++next.eventSeq;
    const EventRecord e{
        group_,       next.eventSeq, EventKind::ObjectWritten, ObjectId::random(), 1,
        "case-brief", clock_.now()};
    ASSERT_TRUE(store_
                    ->transaction([&]() -> Status {
                      SAMRAD_TRY(store_->insertEvent(e));
                      return store_->updateGroup(next);
                    })
                    .ok());
  }
};

TEST_F(Events, NoSubscriberHearsOfAChangeBeforeItIsOnDisk) {
  struct Heard {
    std::uint64_t seq;
    EventKind kind;
    bool durable;
  };
  std::mutex mu;
  std::vector<Heard> heard;
  const auto token = platform_->events().subscribe(group_, [&](const EventRecord& e) {
    const bool durable = store_->allDurable();
    std::lock_guard lock(mu);
    heard.push_back({e.seq, e.kind, durable});
  });

  clock_.t = 1769860800;  // 2026-01-31 12:00 UTC
  // A version through the commit lane, and its deletion outside it.
  const ObjectId gone = ObjectId::random();
  ASSERT_TRUE(
      platform_->putObject(caller("member"), group_, gone, 0, objectBy("member", gone, 1, "x"), {})
          .ok());
  ASSERT_TRUE(platform_->deleteObject(caller("member"), group_, gone, 1).ok());

  // A consent registered and withdrawn, another that expires.
  const AgencyId recipient = actors_.at("coordinator").agency;
  ConsentSpec spec{crypto::CaseId::random(), {recipient},        clock_.t,
                   clock_.t + kDay,          ObjectId::random(), std::nullopt};
  referCase("member", spec.caseId, "ärende", {"member", "coordinator"});
  ASSERT_TRUE(platform_->registerConsent(caller("member"), group_, spec).ok());
  ASSERT_TRUE(platform_->withdrawConsent(caller("member"), group_, spec.caseId).ok());
  spec.caseId = crypto::CaseId::random();
  referCase("member", spec.caseId, "ärende", {"member", "coordinator"});
  ASSERT_TRUE(platform_->registerConsent(caller("member"), group_, spec).ok());
  clock_.t += 2 * kDay;
  ASSERT_EQ(*platform_->expireConsents(), 1U);

  // An advice request from the external requester, and its status.
  ASSERT_TRUE(
      store_->putIntakeKey(group_, {crypto::randomBytes(64), actors_.at("coordinator").device, 0})
          .ok());
  v1::SealedQuestion question;
  question.set_to_group(std::string(96, 'g'));
  question.set_to_requester(std::string(96, 'r'));
  const std::string q = question.SerializeAsString();
  const ObjectId advice = ObjectId::random();
  ASSERT_TRUE(
      platform_->submitAdvice(caller("external"), group_, advice, crypto::Bytes(q.begin(), q.end()))
          .ok());
  ASSERT_TRUE(
      platform_->setAdviceStatus(caller("member"), group_, advice, AdviceStatus::OnAgenda).ok());

  // A closed de-identified case that retention removes.
  const auto caseId = crypto::CaseId::random();
  referCase("member", caseId, "avidentifierat");
  ASSERT_TRUE(platform_->setRetentionPolicy(caller("coordinator"), group_, {1, 0, 0, 0, {}}).ok());
  ASSERT_TRUE(platform_->setCaseState(caller("member"), group_, caseId, true, true).ok());
  clock_.t += 40 * kDay;
  ASSERT_EQ(*platform_->applyRetention(), 1U);
  platform_->events().unsubscribe(token);

  std::lock_guard lock(mu);
  std::set<EventKind> kinds;
  std::set<std::uint64_t> numbers;
  for (const auto& h : heard) {
    EXPECT_TRUE(h.durable) << "event " << h.seq << " (kind " << static_cast<int>(h.kind)
                           << ") was published before its commit was on disk";
    kinds.insert(h.kind);
    numbers.insert(h.seq);
  }
  // (The withdrawal narrows the case record to the referring agency.)
  EXPECT_EQ(kinds, (std::set<EventKind>{EventKind::ObjectWritten, EventKind::ObjectDeleted,
                                        EventKind::AccessNarrowed, EventKind::ConsentChanged,
                                        EventKind::AdviceChanged}));
  // Every event after the group's genesis, each once.
  ASSERT_EQ(numbers.size(), heard.size());
  EXPECT_EQ(*numbers.begin(), 2U);
  EXPECT_EQ(*numbers.rbegin(), heard.size() + 1);
}

TEST_F(Events, CatchingUpServesOnlyWhatHasBeenAnnounced) {
  const ObjectId id = ObjectId::random();
  ASSERT_TRUE(
      platform_->putObject(caller("member"), group_, id, 0, objectBy("member", id, 1, "x"), {})
          .ok());
  EXPECT_EQ(served(), (std::vector<std::uint64_t>{1, 2}));

  // A commit whose writer has not announced it yet: not served, even once
  // the disk has it, until an event after it is announced.
  ASSERT_NO_FATAL_FAILURE(storeUnannouncedEvent());
  EXPECT_EQ(served(), (std::vector<std::uint64_t>{1, 2}));
  ASSERT_TRUE(platform_->awaitDurable().ok());
  EXPECT_EQ(served(), (std::vector<std::uint64_t>{1, 2}));
  ASSERT_TRUE(platform_->deleteObject(caller("member"), group_, id, 1).ok());
  EXPECT_EQ(served(), (std::vector<std::uint64_t>{1, 2, 3, 4}));

  // A page stops at the last announced event, wherever it starts.
  ASSERT_NO_FATAL_FAILURE(storeUnannouncedEvent());
  auto after = platform_->eventsAfter(caller("lawyer"), group_, 3, 100);
  ASSERT_TRUE(after.ok()) << after.error().describe();
  EXPECT_EQ(seqs(*after), (std::vector<std::uint64_t>{4}));
}

TEST_F(Events, AfterARestartEveryStoredEventIsServed) {
  ASSERT_NO_FATAL_FAILURE(storeUnannouncedEvent());
  EXPECT_EQ(served(), (std::vector<std::uint64_t>{1}));
  // A new process has announced nothing yet: what it finds stored is an
  // earlier run's (which the store syncs when it opens), and all of it is
  // served.
  platform_.reset();
  store_.reset();
  serverStore_.reset();
  auto s = storage::ServerStore::open(dir_.path());
  ASSERT_TRUE(s.ok()) << s.error().describe();
  serverStore_ = std::move(s).value();
  store_ = std::make_unique<storage::SqlStore>(serverStore_->database());
  platform_ = std::make_unique<Platform>(*store_, clock_, crypto::randomBytes(16),
                                         crypto::sha256(crypto::asBytes("operator-secret")),
                                         crypto::SigningKeyPair::generate(), "test.log");
  EXPECT_EQ(served(), (std::vector<std::uint64_t>{1, 2}));
}

}  // namespace
}  // namespace samrad::server::domain
