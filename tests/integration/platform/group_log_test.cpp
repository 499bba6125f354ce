// #26: one log per group and a directory log. A group's entries are its
// members' to read (its lawyer's device included) and nobody else's; another
// group's activity neither shows in nor grows this group's log; the directory
// says who is who and nothing of any group; and a store from before, with its
// single log, starts with that history carried into the new logs, each bound
// to the old log's last checkpoint, which devices check against what they saw.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>

#include "replica_fixture.h"
#include "samrad/client/audit.h"
#include "samrad/client/log_monitor.h"
#include "samrad/client/profile.h"
#include "samrad/crypto/epoch_keys.h"
#include "samrad/crypto/log_id.h"
#include "samrad/crypto/merkle.h"
#include "samrad/crypto/note.h"
#include "samrad/server/storage/key_file.h"
#include "samrad/server/storage/sql_store.h"
#include "samrad/v1/log.pb.h"

namespace samrad::platform_testing {
namespace {

using crypto::LogId;

class GroupLogs : public Replica {
 protected:
  void SetUp() override {
    Replica::SetUp();
    threeAgencies();
    bootstrap(municipality_, 5);
    pinned_.pin(municipality_.id, municipality_.root.publicKey());
    coord_ = identity(social_, crypto::UserRole::Member);
    officer_ = identity(police_, crypto::UserRole::Member);
    lawyer_ = identity(social_, crypto::UserRole::Member);
    other_ = identity(health_, crypto::UserRole::Member);
    outsider_ = identity(health_, crypto::UserRole::Member);
    asker_ = identity(municipality_, crypto::UserRole::External);
    coordClient_ = enrol(social_, coord_);
    officerClient_ = enrol(police_, officer_);
    lawyerClient_ = enrol(social_, lawyer_);
    otherClient_ = enrol(health_, other_);
    outsiderClient_ = enrol(health_, outsider_);
    askerClient_ = enrol(municipality_, asker_);
    groupA_ = group_;
    create(groupA_, coord_, *coordClient_,
           {{&officer_, crypto::GroupRole::Member}, {&lawyer_, crypto::GroupRole::Lawyer}});
    // The municipality's asker may send group A advice requests.
    ASSERT_TRUE(coordClient_->setRequester(groupA_, asker_.user, true).ok());
    // Group B: one health member on their own.
    create(groupB_, other_, *otherClient_, {});
    ASSERT_NO_FATAL_FAILURE(openReplica("officer", officer_, *officerClient_));
    group_ = groupB_;
    ASSERT_NO_FATAL_FAILURE(openReplica("other", other_, *otherClient_));
    group_ = groupA_;
  }

  void create(const crypto::GroupId& id, const client::DeviceIdentity& coordinator,
              client::PlatformClient& c,
              const std::vector<std::pair<const client::DeviceIdentity*, crypto::GroupRole>>& m) {
    crypto::MembershipChain chain(pinned_, {});
    crypto::OpCreate op{{coordinator.memberSpec(crypto::GroupRole::Coordinator)}};
    for (const auto& [who, role] : m) op.members.push_back(who->memberSpec(role));
    auto genesis = chain.makeLink(id, op, nowSeconds(), coordinator.signing, coordinator.device);
    ASSERT_TRUE(genesis.ok() && chain.append(*genesis).ok());
    ASSERT_TRUE(c.createGroup(genesis->serialize()).ok());
    const auto key = crypto::SecretBytes::random(32);
    auto bundle = crypto::makeEpochKeyBundle(chain, key, nullptr, coordinator.signing,
                                             coordinator.device, {}, nowSeconds());
    ASSERT_TRUE(bundle.ok() && c.putEpochKeys(id, bundle->serialize()).ok());
  }

  static void write(client::GroupReplica& r, client::PlatformClient& c, int n) {
    for (int i = 0; i < n; ++i) {
      ASSERT_TRUE(r.write(crypto::ObjectId::random(), "note", crypto::asBytes("anteckning")).ok());
    }
    ASSERT_TRUE(r.push(c).ok());
  }

  // Every entry of a log as `c` reads it.
  static std::vector<v1::LogEntry> entriesOf(client::PlatformClient& c, const LogId& log) {
    std::vector<v1::LogEntry> out;
    auto cp = c.checkpoint(log);
    EXPECT_TRUE(cp.ok()) << cp.error().describe();
    if (!cp.ok()) return out;
    for (std::uint64_t start = 0; start < cp->second; start += 1000) {
      auto page = c.logEntries(
          log, start,
          static_cast<std::uint32_t>(std::min<std::uint64_t>(1000, cp->second - start)));
      EXPECT_TRUE(page.ok()) << page.error().describe();
      if (!page.ok()) return out;
      for (const auto& raw : *page) {
        v1::LogEntry e;
        EXPECT_TRUE(e.ParseFromArray(raw.data(), static_cast<int>(raw.size())));
        out.push_back(std::move(e));
      }
    }
    return out;
  }

  // Stops the server, lets `edit` change its store (opened with the
  // server's own key, as its operator can), and starts it again on the same
  // port (clients connect anew).
  void restartAfter(
      const std::function<void(db::Database&, server::storage::SqlStore&)>& edit = {}) {
    const int port = server_->port();
    server_->shutdown(std::chrono::seconds(1));
    server_.reset();
    if (edit) {
      auto key = server::storage::loadOrCreateKeyFile(config_.dataDir / "server.key");
      ASSERT_TRUE(key.ok());
      auto db = db::Database::open(config_.dataDir / "samrad.db", key->view());
      ASSERT_TRUE(db.ok()) << db.error().describe();
      server::storage::SqlStore sql(**db);
      edit(**db, sql);
    }
    config_.listen = "127.0.0.1:" + std::to_string(port);
    auto app = server::app::ServerApp::start(config_);
    ASSERT_TRUE(app.ok()) << app.error().describe();
    server_ = std::move(app).value();
  }

  Agency municipality_;
  crypto::GroupId groupA_, groupB_ = crypto::GroupId::random();
  client::DeviceIdentity coord_, officer_, lawyer_, other_, outsider_, asker_;
  std::unique_ptr<client::PlatformClient> coordClient_, officerClient_, lawyerClient_, otherClient_,
      outsiderClient_, askerClient_;
};

TEST_F(GroupLogs, OnlyTheGroupsMemberDevicesReadItsLog) {
  ASSERT_NO_FATAL_FAILURE(write(*replicas_.at("officer"), *officerClient_, 3));
  const LogId a = LogId::ofGroup(groupA_);
  // Another group's coordinator, an enrolled user of another agency in no
  // group, and the municipality's external requester: each refused, with
  // the reason, for entries, checkpoints and proofs alike.
  for (auto* c : {otherClient_.get(), outsiderClient_.get(), askerClient_.get()}) {
    auto entries = c->logEntries(a, 0, 100);
    ASSERT_FALSE(entries.ok());
    EXPECT_EQ(entries.error().reason(), "group.not_member");
    EXPECT_EQ(entries.error().code(), ErrorCode::PermissionDenied);
    EXPECT_EQ(c->checkpoint(a).error().reason(), "group.not_member");
    EXPECT_EQ(c->inclusionProof(a, 0, 1).error().reason(), "group.not_member");
    EXPECT_EQ(c->consistencyProof(a, 1, 2).error().reason(), "group.not_member");
    EXPECT_EQ(c->witnessedCheckpoint(a, 1).error().reason(), "group.not_member");
  }
  // The group's lawyer reads every entry: the writes are there.
  const auto entries = entriesOf(*lawyerClient_, a);
  std::size_t written = 0;
  for (const auto& e : entries) {
    if (e.kind() != v1::LOG_ENTRY_AGENCY_ROOT && e.kind() != v1::LOG_ENTRY_DEVICE_REVOKED &&
        e.kind() != v1::LOG_ENTRY_USER_REVOKED) {
      EXPECT_EQ(e.group_id(), groupA_.str()) << "kind " << e.kind();
    }
    if (e.kind() == v1::LOG_ENTRY_OBJECT_WRITTEN) ++written;
    EXPECT_NE(e.kind(), v1::LOG_ENTRY_LOGIN);
  }
  EXPECT_EQ(written, 3U);
  // The directory is everyone's, and says nothing of any group.
  const auto directory = entriesOf(*outsiderClient_, LogId::directory());
  ASSERT_FALSE(directory.empty());
  for (const auto& e : directory) {
    EXPECT_TRUE(e.group_id().empty()) << "kind " << e.kind();
    EXPECT_TRUE(e.kind() == v1::LOG_ENTRY_AGENCY_ROOT ||
                e.kind() == v1::LOG_ENTRY_USER_CERTIFICATE ||
                e.kind() == v1::LOG_ENTRY_DEVICE_CERTIFICATE)
        << "kind " << e.kind();
  }
}

TEST_F(GroupLogs, AnotherGroupsActivityNeitherGrowsNorShowsInThisGroupsLog) {
  auto& officer = *replicas_.at("officer");
  ASSERT_TRUE(officer.verifyLog(*officerClient_).ok());
  const std::uint64_t quiet = officer.log().size();
  const std::uint64_t directory = officer.directoryLog().size();
  // Group B is busy: writes, reads, its devices' own log views, logins.
  auto& other = *replicas_.at("other");
  other.setLogViewInterval(std::chrono::seconds(0));
  for (int round = 0; round < 5; ++round) {
    ASSERT_NO_FATAL_FAILURE(write(other, *otherClient_, 4));
    ASSERT_TRUE(other.pull(*otherClient_, 50ms).ok());
    ASSERT_TRUE(other.verifyLog(*otherClient_).ok());
    ASSERT_TRUE(connect()->login(other_.device, other_.signing).ok());
  }
  EXPECT_GT(other.log().size(), 20U);
  // Group A's device fetches and checks exactly what it did before.
  ASSERT_TRUE(officer.verifyLog(*officerClient_).ok());
  ASSERT_TRUE(officer.refreshRevocations(*officerClient_).ok());
  EXPECT_EQ(officer.log().size(), quiet) << "group B's activity grew group A's log";
  EXPECT_EQ(officer.directoryLog().size(), directory) << "a login or a read reached the directory";
  for (const auto& e : entriesOf(*officerClient_, LogId::ofGroup(groupA_))) {
    EXPECT_NE(e.group_id(), groupB_.str());
  }
}

// The devices' views of the log are bookkeeping: neither their writes nor
// the other devices' reads of them are logged — and so the server stores
// nothing else that way (a view of another device's id, or under another
// id, or about a case).
TEST_F(GroupLogs, LogViewsGoUnloggedAndCarryNothingElse) {
  ASSERT_NO_FATAL_FAILURE(openReplica("coord", coord_, *coordClient_));
  auto& officer = *replicas_.at("officer");
  auto& coord = *replicas_.at("coord");
  officer.setLogViewInterval(std::chrono::seconds(0));
  coord.setLogViewInterval(std::chrono::seconds(0));
  const auto before = entriesOf(*coordClient_, LogId::ofGroup(groupA_)).size();
  for (int round = 0; round < 3; ++round) {
    ASSERT_TRUE(officer.verifyLog(*officerClient_).ok());
    ASSERT_TRUE(officer.push(*officerClient_).ok());
    ASSERT_TRUE(coord.pull(*coordClient_, 50ms).ok());
    ASSERT_TRUE(coord.verifyLog(*coordClient_).ok());
    ASSERT_TRUE(coord.push(*coordClient_).ok());
    ASSERT_TRUE(officer.pull(*officerClient_, 50ms).ok());
  }
  ASSERT_TRUE(coord.object(client::GroupReplica::logViewId(officer_.device)).has_value());
  EXPECT_EQ(entriesOf(*coordClient_, LogId::ofGroup(groupA_)).size(), before)
      << "the views' writes or reads were logged";
  // Under another id, or another device's: refused.
  ASSERT_TRUE(officer.write(crypto::ObjectId::random(), "log-view", crypto::asBytes("x")).ok());
  auto pushed = officer.push(*officerClient_);
  ASSERT_TRUE(pushed.ok());
  EXPECT_EQ(pushed->refused, 1U);
  ASSERT_TRUE(
      officer
          .write(client::GroupReplica::logViewId(lawyer_.device), "log-view", crypto::asBytes("x"))
          .ok());
  pushed = officer.push(*officerClient_);
  ASSERT_TRUE(pushed.ok());
  EXPECT_EQ(pushed->refused, 1U);
  const auto refusals = officer.conflicts();
  ASSERT_EQ(refusals.size(), 2U);
  for (const auto& c : refusals) EXPECT_EQ(c.refusedReason, "object.bad_log_view");
}

// An operator (who holds the log key) writes into a group's log a root of
// its own for a real agency, a group "created" by a device certified under
// it, and the real root again. Judged root by root, last one wins, the
// operator's device passed as the real agency's — its signature on the
// export and its cosignatures would have counted for that agency. A second,
// different root for an agency is refused.
TEST_F(GroupLogs, ABundleWhoseLogSwapsAnAgencysRootIsRefused) {
  ASSERT_NO_FATAL_FAILURE(restartAfter([&](db::Database&, server::storage::SqlStore& sql) {
    client::Agency impostor;
    impostor.id = social_.id;  // the real agency's id, a root of the operator's
    auto forged =
        client::DeviceIdentity::issue(impostor, crypto::UserRole::Member, nowSeconds() - 60, 3600);
    crypto::TrustStore fakeRoots;
    fakeRoots.pin(impostor.id, impostor.root.publicKey());
    crypto::MembershipChain fake(fakeRoots, {});
    auto genesis = fake.makeLink(
        groupA_, crypto::OpCreate{{forged.memberSpec(crypto::GroupRole::Coordinator)}},
        nowSeconds(), forged.signing, forged.device);
    ASSERT_TRUE(genesis.ok()) << genesis.error().describe();
    auto entry = [&](v1::LogEntryKind kind, crypto::ByteView payload,
                     const crypto::DeviceId* device) {
      v1::LogEntry e;
      e.set_kind(kind);
      e.set_at(nowSeconds());
      e.set_agency_id(kind == v1::LOG_ENTRY_AGENCY_ROOT ? social_.id.str() : "");
      e.set_group_id(groupA_.str());
      if (device != nullptr) e.set_device_id(device->str());
      e.set_payload(payload.data(), payload.size());
      std::string bytes;
      e.SerializeToString(&bytes);
      return crypto::Bytes(bytes.begin(), bytes.end());
    };
    const auto link = genesis->serialize();
    const std::vector<crypto::Bytes> slipped{
        entry(v1::LOG_ENTRY_AGENCY_ROOT, impostor.root.publicKey().view(), nullptr),
        entry(v1::LOG_ENTRY_CHAIN_LINK, link, &forged.device),
        entry(v1::LOG_ENTRY_AGENCY_ROOT, social_.root.publicKey().view(), nullptr)};
    const LogId a = LogId::ofGroup(groupA_);
    crypto::MerkleLog tree(sql.logTree(a));
    ASSERT_TRUE(sql.transaction([&]() -> Status {
                     for (const auto& raw : slipped) {
                       SAMRAD_ASSIGN_OR_RETURN(std::uint64_t i, tree.append(raw));
                       SAMRAD_TRY(sql.putLogEntry(a, i, raw));
                     }
                     return okStatus();
                   })
                    .ok());
  }));
  lawyerClient_ = connect();
  ASSERT_TRUE(lawyerClient_->login(lawyer_.device, lawyer_.signing).ok());
  ASSERT_NO_FATAL_FAILURE(openReplica("lawyer", lawyer_, *lawyerClient_));
  client::Profile trusted;
  for (const Agency* ag : {&social_, &police_, &health_}) trusted.pin(ag->id, ag->root.publicKey());
  auto exported = client::exportAuditBundle(
      *lawyerClient_, replicas_.at("lawyer")->log(), lawyer_, client::agencyKeysFile(trusted),
      {groupA_, 0, nowSeconds() + 3600, std::nullopt, nowSeconds()}, dir_.path() / "swapped");
  ASSERT_FALSE(exported.ok()) << "a bundle over a log with two roots for one agency was made";
  EXPECT_NE(exported.error().message().find("a second, different root"), std::string::npos)
      << exported.error().describe();
}

TEST_F(GroupLogs, AStoreWithOneLogStartsWithItsHistoryCarriedOverAndBoundToIt) {
  ASSERT_NO_FATAL_FAILURE(write(*replicas_.at("officer"), *officerClient_, 2));
  ASSERT_NO_FATAL_FAILURE(write(*replicas_.at("other"), *otherClient_, 2));
  auto vkey = officerClient_->logVerifierKey();
  ASSERT_TRUE(vkey.ok());
  // The store as the single log of earlier versions left it (schema 15
  // keeps that log as the legacy log): every entry in one log, logins too,
  // and no group or directory log yet.
  crypto::MemoryLogStore memory;
  crypto::MerkleLog expected(memory);
  ASSERT_NO_FATAL_FAILURE(restartAfter([&](db::Database& db, server::storage::SqlStore& sql) {
    std::vector<crypto::Bytes> single;
    for (const LogId& log :
         {LogId::directory(), LogId::ofGroup(groupA_), LogId::ofGroup(groupB_)}) {
      auto all = sql.logEntries(log, 0, 1000);
      ASSERT_TRUE(all.ok());
      for (const auto& raw : *all) {
        v1::LogEntry e;
        ASSERT_TRUE(e.ParseFromArray(raw.data(), static_cast<int>(raw.size())));
        // A group's own copy of an agency's root is the new logs' context.
        if (e.kind() == v1::LOG_ENTRY_AGENCY_ROOT && !e.group_id().empty()) continue;
        single.push_back(raw);
        if (log.kind == LogId::Kind::Directory && single.size() == 3) {
          v1::LogEntry login;  // as every login was, before
          login.set_kind(v1::LOG_ENTRY_LOGIN);
          login.set_at(nowSeconds());
          login.set_device_id(officer_.device.str());
          std::string bytes;
          login.SerializeToString(&bytes);
          single.emplace_back(bytes.begin(), bytes.end());
        }
      }
    }
    for (const char* table :
         {"tlog_tree", "tlog_entries", "tlog_witness", "tlog_cosignatures", "tlog_context"}) {
      ASSERT_TRUE(db.exec(std::string("DELETE FROM ") + table).ok());
    }
    crypto::MerkleLog legacy(sql.logTree(LogId::legacy()));
    ASSERT_TRUE(sql.transaction([&]() -> Status {
                     for (const auto& raw : single) {
                       SAMRAD_ASSIGN_OR_RETURN(std::uint64_t i, legacy.append(raw));
                       SAMRAD_TRY(sql.putLogEntry(LogId::legacy(), i, raw));
                       SAMRAD_TRY(expected.append(raw));
                     }
                     return okStatus();
                   })
                    .ok());
  }));
  const std::uint64_t legacySize = expected.size();
  // A device that saw the single log up to some point before, upgraded.
  auto seenStore = localStore("officer-upgraded");
  const std::uint64_t seen = legacySize - 2;
  auto keep = [&](client::KeyStore& store, std::uint64_t size, const crypto::Hash& root) {
    auto put = store.database().prepare(
        "INSERT OR REPLACE INTO log_monitors (log_id, name, value) VALUES (x'00', ?1, ?2)");
    ASSERT_TRUE(put.ok());
    crypto::Bytes sizeBytes;
    crypto::appendU64(sizeBytes, size);
    for (const auto& [name, value] : std::vector<std::pair<std::string, crypto::Bytes>>{
             {"vkey", crypto::Bytes(vkey->begin(), vkey->end())},
             {"size", sizeBytes},
             {"root", crypto::Bytes(root.bytes.begin(), root.bytes.end())}}) {
      put->bind(1, name).bindBlob(2, value);
      ASSERT_TRUE(put->run().ok());
      ASSERT_TRUE(put->reset().ok());
    }
  };
  ASSERT_NO_FATAL_FAILURE(keep(*seenStore, seen, *expected.root(seen)));
  auto forkedStore = localStore("officer-forked");
  ASSERT_NO_FATAL_FAILURE(
      keep(*forkedStore, legacySize, crypto::sha256(crypto::asBytes("another history"))));
  officerClient_ = connect();
  ASSERT_TRUE(officerClient_->login(officer_.device, officer_.signing).ok());
  outsiderClient_ = connect();
  ASSERT_TRUE(outsiderClient_->login(outsider_.device, outsider_.signing).ok());

  // The legacy log: its checkpoint and proofs, never its entries.
  auto legacyCp = officerClient_->checkpoint(LogId::legacy());
  ASSERT_TRUE(legacyCp.ok()) << legacyCp.error().describe();
  EXPECT_EQ(legacyCp->second, legacySize);
  EXPECT_EQ(officerClient_->logEntries(LogId::legacy(), 0, 10).error().reason(),
            "log.legacy_entries");
  // Every new log opens with that checkpoint; the group's history and the
  // directory's are there, the login is not.
  const auto groupEntries = entriesOf(*officerClient_, LogId::ofGroup(groupA_));
  ASSERT_FALSE(groupEntries.empty());
  EXPECT_EQ(groupEntries.front().kind(), v1::LOG_ENTRY_LEGACY_CHECKPOINT);
  EXPECT_EQ(groupEntries.front().payload(), legacyCp->first);
  std::size_t links = 0, written = 0;
  for (const auto& e : groupEntries) {
    links += e.kind() == v1::LOG_ENTRY_CHAIN_LINK ? 1 : 0;
    written += e.kind() == v1::LOG_ENTRY_OBJECT_WRITTEN ? 1 : 0;
    EXPECT_NE(e.group_id(), groupB_.str());
  }
  EXPECT_EQ(links, 1U);
  EXPECT_EQ(written, 2U);
  const auto directory = entriesOf(*outsiderClient_, LogId::directory());
  ASSERT_FALSE(directory.empty());
  EXPECT_EQ(directory.front().kind(), v1::LOG_ENTRY_LEGACY_CHECKPOINT);
  for (const auto& e : directory) EXPECT_NE(e.kind(), v1::LOG_ENTRY_LOGIN);

  // A fresh device, the upgraded one and one that saw another single log.
  auto freshStore = localStore("officer-fresh");
  for (auto* store : {freshStore.get(), seenStore.get()}) {
    auto r = client::GroupReplica::open(store->database(), copyOf(officer_), pinned_, groupA_);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    auto synced = (*r)->refreshChain(*officerClient_);
    EXPECT_TRUE(synced.ok()) << synced.error().describe();
    EXPECT_TRUE((*r)->refreshRevocations(*officerClient_).ok());
    EXPECT_EQ((*r)->chain().state().members.size(), 3U);
  }
  auto forked =
      client::GroupReplica::open(forkedStore->database(), copyOf(officer_), pinned_, groupA_);
  ASSERT_TRUE(forked.ok());
  auto caught = (*forked)->refreshChain(*officerClient_);
  ASSERT_FALSE(caught.ok());
  EXPECT_EQ(caught.error().reason(), "verify.log_forked");

  // The next start carries nothing over again.
  const std::uint64_t before = groupEntries.size();
  ASSERT_NO_FATAL_FAILURE(restartAfter());
  officerClient_ = connect();
  ASSERT_TRUE(officerClient_->login(officer_.device, officer_.signing).ok());
  EXPECT_EQ(entriesOf(*officerClient_, LogId::ofGroup(groupA_)).size(), before);

  // A server that begins the group's log afresh, without the legacy
  // checkpoint, is refused by a device that saw the single log.
  ASSERT_NO_FATAL_FAILURE(restartAfter([&](db::Database& db, server::storage::SqlStore& sql) {
    const LogId a = LogId::ofGroup(groupA_);
    auto all = sql.logEntries(a, 0, 1000);
    ASSERT_TRUE(all.ok());
    for (const char* table : {"tlog_tree", "tlog_entries"}) {
      auto del = db.prepare(std::string("DELETE FROM ") + table + " WHERE log_id = ?1");
      ASSERT_TRUE(del.ok());
      del->bindBlob(1, groupA_.view());
      ASSERT_TRUE(del->run().ok());
    }
    crypto::MerkleLog rewritten(sql.logTree(a));
    ASSERT_TRUE(sql.transaction([&]() -> Status {
                     for (std::size_t i = 1; i < all->size(); ++i) {
                       SAMRAD_ASSIGN_OR_RETURN(std::uint64_t at, rewritten.append((*all)[i]));
                       SAMRAD_TRY(sql.putLogEntry(a, at, (*all)[i]));
                     }
                     return okStatus();
                   })
                    .ok());
  }));
  officerClient_ = connect();
  ASSERT_TRUE(officerClient_->login(officer_.device, officer_.signing).ok());
  auto strictStore = localStore("officer-strict");
  ASSERT_NO_FATAL_FAILURE(keep(*strictStore, legacySize, *expected.root(legacySize)));
  auto strict =
      client::GroupReplica::open(strictStore->database(), copyOf(officer_), pinned_, groupA_);
  ASSERT_TRUE(strict.ok());
  auto unbound = (*strict)->refreshChain(*officerClient_);
  ASSERT_FALSE(unbound.ok());
  EXPECT_EQ(unbound.error().reason(), "verify.log_forked");
}

}  // namespace
}  // namespace samrad::platform_testing
