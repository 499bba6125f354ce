// Crash consistency and storage faults. Crash: samrad-server is killed with SIGKILL at random
// moments while four writers store objects and a reader collects signed checkpoints, then
// restarted, many times over. Afterwards every acknowledged write is there byte for byte, nothing
// unacknowledged is there half-written, the transparency log is consistent with every checkpoint
// handed out before any of the crashes, and SQLite's integrity check passes.
//
// SIGKILL tests what a process crash leaves behind (the WAL as the kernel
// holds it); power loss — the fdatasync before every answer — is beyond what
// a test in a VM can pull the plug on.
//
// StorageFaults: the data folder on a small disk of its own (a tmpfs in a
// private mount namespace) that fills up while the server writes, and that is
// read-only when the server starts: writes are refused with a precise status,
// nothing half-written appears, the server stays up, and it carries on once
// there is room again.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include "samrad/client/connection.h"
#include "samrad/client/platform_client.h"
#include "samrad/crypto/content.h"
#include "samrad/crypto/merkle.h"
#include "samrad/crypto/note.h"
#include "samrad/db/database.h"
#include "samrad/server/storage/key_file.h"
#include "samrad/testing/support.h"
#include "samrad/v1/log.pb.h"
#include "server_process.h"

namespace samrad {
namespace {

using namespace std::chrono_literals;

std::int64_t nowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

class Crash : public ServerProcess {
 protected:
  void TearDown() override { stop(SIGKILL); }

  int start() { return ServerProcess::start({"--log-level", "error"}); }

  void stop(int signal) {
    if (pid_ <= 0) return;
    ::kill(pid_, signal);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

  std::unique_ptr<client::PlatformClient> connect(int port) {
    auto ch = client::openChannel({"127.0.0.1:" + std::to_string(port), pki_.caCert, ""});
    EXPECT_TRUE(ch.ok());
    return std::make_unique<client::PlatformClient>(*ch, 3s);
  }
  // One agency, its administrator, and a member (coordinator of a group)
  // whose device writes; the log's verifier key.
  void setUpGroup(int port) {
    auto op = server::storage::loadOrCreateKeyFile(dir_.path() / "var" / "operator.key");
    ASSERT_TRUE(op.ok());
    const std::string operatorToken = crypto::toHex(op->view());

    const crypto::AgencyId agency = crypto::AgencyId::random();
    const auto root = crypto::SigningKeyPair::generate();
    auto person = [&](crypto::UserRole role, const crypto::UserId& user,
                      const crypto::SigningKeyPair& identity, const crypto::DeviceId& device,
                      const crypto::SigningKeyPair& signing, const crypto::BoxKeyPair& box) {
      return std::make_pair(
          crypto::issueUserCertificate(root, {user, agency, role, identity.publicKey(),
                                              nowSeconds() - 60, nowSeconds() + 36000, 1}),
          crypto::issueDeviceCertificate(
              identity, {device, user, signing.publicKey(), box.publicKey(), nowSeconds() - 60,
                         nowSeconds() + 36000}));
    };
    const crypto::UserId adminUser = crypto::UserId::random();
    const auto adminIdentity = crypto::SigningKeyPair::generate();
    const crypto::DeviceId adminDevice = crypto::DeviceId::random();
    const auto adminSigning = crypto::SigningKeyPair::generate();
    const auto adminBox = crypto::BoxKeyPair::generate();
    const auto [adminCert, adminDeviceCert] =
        person(crypto::UserRole::Administrator, adminUser, adminIdentity, adminDevice, adminSigning,
               adminBox);
    const crypto::UserId memberUser = crypto::UserId::random();
    const auto memberIdentity = crypto::SigningKeyPair::generate();
    memberDevice = crypto::DeviceId::random();
    memberSigning = crypto::SigningKeyPair::generate();
    const auto memberBox = crypto::BoxKeyPair::generate();
    const auto [memberCert, memberDeviceCert] =
        person(crypto::UserRole::Member, memberUser, memberIdentity, memberDevice, memberSigning,
               memberBox);
    auto admin = connect(port);
    auto code =
        admin->bootstrapAgency(operatorToken, agency, 2, root.publicKey(), adminCert.serialize());
    ASSERT_TRUE(code.ok()) << code.error().describe();
    ASSERT_TRUE(admin->enrollDevice(*code, adminDeviceCert.serialize()).ok());
    ASSERT_TRUE(admin->login(adminDevice, adminSigning).ok());
    ASSERT_TRUE(admin->registerUser(memberCert.serialize()).ok());
    auto memberCode = admin->issueEnrollmentCode(memberUser);
    ASSERT_TRUE(memberCode.ok());
    auto member = connect(port);
    ASSERT_TRUE(member->enrollDevice(*memberCode, memberDeviceCert.serialize()).ok());
    ASSERT_TRUE(member->login(memberDevice, memberSigning).ok());
    crypto::TrustStore roots;
    roots.pin(agency, root.publicKey());
    chain = crypto::MembershipChain(roots, {});
    group = crypto::GroupId::random();
    auto genesis = chain.makeLink(
        group, crypto::OpCreate{{{memberCert, crypto::GroupRole::Coordinator, {memberDeviceCert}}}},
        nowSeconds(), memberSigning, memberDevice);
    ASSERT_TRUE(genesis.ok() && chain.append(*genesis).ok());
    ASSERT_TRUE(member->createGroup(genesis->serialize()).ok());
    auto vkey = member->logVerifierKey();
    ASSERT_TRUE(vkey.ok());
    auto verifier = crypto::NoteVerifier::parse(*vkey);
    ASSERT_TRUE(verifier.ok());
    known = {*verifier};
    admin.reset();
    member.reset();
  }

  crypto::Bytes encrypted(const crypto::ObjectId& id, std::uint64_t n) {
    const crypto::ContentContext ctx{
        "minutes", group, id, 1, chain.state().epoch, memberDevice, chain.state().head};
    const std::string text = "protokoll " + std::to_string(n) + std::string(200 + n % 300, 'x');
    return crypto::encryptObject(ctx, crypto::asBytes(text), {epochKey, std::nullopt},
                                 memberSigning)
        ->serialize();
  }

  std::optional<crypto::Checkpoint> readCheckpoint(client::PlatformClient& c) {
    auto cp = c.checkpoint(crypto::LogId::ofGroup(group));
    if (!cp) return std::nullopt;
    auto note = crypto::Note::parse(cp->first);
    EXPECT_TRUE(note.ok());
    EXPECT_TRUE(note.ok() && crypto::verifyNote(*note, known).ok());
    auto parsed = note.ok() ? crypto::Checkpoint::parse(note->text)
                            : Result<crypto::Checkpoint>(note.error());
    EXPECT_TRUE(parsed.ok());
    if (!parsed) return std::nullopt;
    return std::move(parsed).value();
  }

  crypto::DeviceId memberDevice;
  crypto::SigningKeyPair memberSigning = crypto::SigningKeyPair::generate();
  crypto::MembershipChain chain{crypto::TrustStore{}, {}};
  crypto::GroupId group;
  std::vector<crypto::NoteVerifier> known;
  crypto::SecretBytes epochKey = crypto::SecretBytes::random(32);
};

TEST_F(Crash, EveryAcknowledgedWriteSurvivesRepeatedSigkill) {
  int kills = 100;
  if (const char* env = std::getenv("SAMRAD_CRASH_KILLS")) kills = std::atoi(env);
  const unsigned seed = std::random_device{}();
  std::mt19937 rng(seed);
  SCOPED_TRACE("seed " + std::to_string(seed));

  int port = start();
  ASSERT_GT(port, 0);
  ASSERT_NO_FATAL_FAILURE(setUpGroup(port));

  struct Attempt {
    crypto::Bytes body;
    bool acknowledged = false;
  };
  std::map<crypto::ObjectId, Attempt> attempts;
  std::vector<crypto::Checkpoint> handedOut;
  std::mutex mu;
  std::atomic<std::uint64_t> counter{0};
  // Read all along: a read is answered only once its audit entry is stored,
  // so every answered read must be in the log after the crash.
  const crypto::ObjectId readMe = crypto::ObjectId::random();
  {
    auto c = connect(port);
    ASSERT_TRUE(c->login(memberDevice, memberSigning).ok());
    ASSERT_TRUE(c->putObject(group, readMe, 0, encrypted(readMe, counter++)).ok());
  }
  std::atomic<std::size_t> readsAnswered{0};
  for (int round = 0; round < kills; ++round) {
    if (round > 0) {
      port = start();
      ASSERT_GT(port, 0) << "restart " << round;
    }
    auto c = connect(port);
    ASSERT_TRUE(c->login(memberDevice, memberSigning).ok()) << "round " << round;
    std::atomic<bool> stopped{false};
    std::vector<std::thread> threads;
    for (int w = 0; w < 4; ++w) {
      threads.emplace_back([&] {
        while (!stopped.load()) {
          const crypto::ObjectId id = crypto::ObjectId::random();
          const auto body = encrypted(id, counter++);
          {
            std::lock_guard lock(mu);
            attempts[id] = {body, false};
          }
          if (!c->putObject(group, id, 0, body).ok()) break;
          std::lock_guard lock(mu);
          attempts[id].acknowledged = true;
        }
      });
    }
    for (int reader = 0; reader < 2; ++reader) {
      threads.emplace_back([&] {
        while (!stopped.load()) {
          if (!c->getObject(group, readMe).ok()) break;
          ++readsAnswered;
        }
      });
    }
    threads.emplace_back([&] {
      while (!stopped.load()) {
        auto cp = readCheckpoint(*c);
        if (!cp) break;
        std::lock_guard lock(mu);
        handedOut.push_back(*cp);
        std::this_thread::sleep_for(10ms);
      }
    });
    std::this_thread::sleep_for(
        std::chrono::milliseconds(std::uniform_int_distribution<int>(20, 200)(rng)));
    stop(SIGKILL);
    stopped = true;
    for (auto& t : threads) t.join();
  }

  // After the last crash: everything acknowledged is there, whole.
  port = start();
  ASSERT_GT(port, 0);
  auto c = connect(port);
  ASSERT_TRUE(c->login(memberDevice, memberSigning).ok());
  std::size_t acknowledged = 0;
  std::size_t presentUnacknowledged = 0;
  for (const auto& [id, a] : attempts) {
    auto got = c->getObject(group, id);
    if (a.acknowledged) {
      ++acknowledged;
      ASSERT_TRUE(got.ok()) << "an acknowledged write was lost: " << got.error().describe();
      ASSERT_EQ(*got, a.body);
    } else if (got.ok()) {
      ++presentUnacknowledged;
      ASSERT_EQ(*got, a.body) << "a write that was never acknowledged is there, but not whole";
    }
  }
  // The log never went back on a checkpoint it had signed.
  auto latest = readCheckpoint(*c);
  ASSERT_TRUE(latest.has_value());
  // Every answered read is on the record (a read cut off by the kill may be
  // there too, unanswered).
  std::size_t readsLogged = 0;
  for (std::uint64_t start = 0; start < latest->size; start += 500) {
    auto page = c->logEntries(
        crypto::LogId::ofGroup(group), start,
        static_cast<std::uint32_t>(std::min<std::uint64_t>(500, latest->size - start)));
    ASSERT_TRUE(page.ok()) << page.error().describe();
    for (const auto& raw : *page) {
      v1::LogEntry e;
      ASSERT_TRUE(e.ParseFromArray(raw.data(), static_cast<int>(raw.size())));
      if (e.kind() == v1::LOG_ENTRY_OBJECT_READ && e.object_id() == readMe.str()) ++readsLogged;
    }
  }
  EXPECT_GE(readsLogged, readsAnswered.load()) << "an answered read left no audit entry";
  EXPECT_GT(readsAnswered.load(), static_cast<std::size_t>(kills));  // the reads really ran
  for (const auto& old : handedOut) {
    ASSERT_LE(old.size, latest->size) << "the log shrank after a crash";
    if (old.size == latest->size) {
      ASSERT_EQ(old.root, latest->root);
      continue;
    }
    if (old.size == 0) continue;
    auto proof = c->consistencyProof(crypto::LogId::ofGroup(group), old.size, latest->size);
    ASSERT_TRUE(proof.ok()) << proof.error().describe();
    ASSERT_TRUE(
        crypto::verifyConsistency(old.size, latest->size, *proof, old.root, latest->root).ok())
        << "checkpoint " << old.size << " is not a prefix of " << latest->size;
  }
  stop(SIGTERM);

  auto key = server::storage::loadOrCreateKeyFile(dir_.path() / "var" / "server.key");
  ASSERT_TRUE(key.ok());
  auto db = db::Database::open(dir_.path() / "var" / "samrad.db", key->view());
  ASSERT_TRUE(db.ok()) << db.error().describe();
  auto check = (*db)->prepare("PRAGMA integrity_check");
  ASSERT_TRUE(check.ok());
  ASSERT_TRUE(check->step().ok());
  EXPECT_EQ(check->columnText(0), "ok");

  std::printf(
      "[crash] %d SIGKILLs, %zu writes attempted, %zu acknowledged and all present, "
      "%zu unacknowledged present and whole, %zu reads answered and %zu logged, "
      "%zu checkpoints consistent with the log of size %llu\n",
      kills, attempts.size(), acknowledged, presentUnacknowledged, readsAnswered.load(),
      readsLogged, handedOut.size(), static_cast<unsigned long long>(latest->size));
  EXPECT_GT(acknowledged, static_cast<std::size_t>(kills));  // the load really ran
}

// An online backup taken while writers keep writing holds every write
// acknowledged before it began, whole; it restores (never over a store) into
// a server that serves it with the same log key; and the restored log is the
// one of the backup's moment — a device that saw a later checkpoint sees the
// log go backwards (TransparencyLog tests: verify.log_rolled_back).
TEST_F(Crash, AnOnlineBackupUnderLoadRestoresWhole) {
  int port = start();
  ASSERT_GT(port, 0);
  ASSERT_NO_FATAL_FAILURE(setUpGroup(port));
  auto c = connect(port);
  ASSERT_TRUE(c->login(memberDevice, memberSigning).ok());

  std::map<crypto::ObjectId, crypto::Bytes> acknowledged;
  std::mutex mu;
  std::atomic<bool> stopped{false};
  std::atomic<std::uint64_t> counter{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < 3; ++w) {
    writers.emplace_back([&] {
      while (!stopped.load()) {
        const crypto::ObjectId id = crypto::ObjectId::random();
        const auto body = encrypted(id, counter++);
        if (!c->putObject(group, id, 0, body).ok()) continue;
        std::lock_guard lock(mu);
        acknowledged[id] = body;
      }
    });
  }
  // The writers stop however the test ends.
  const auto stopWriters = [&] {
    stopped = true;
    for (auto& t : writers) {
      if (t.joinable()) t.join();
    }
  };
  struct Guard {
    std::function<void()> f;
    ~Guard() { f(); }
  } guard{stopWriters};
  std::this_thread::sleep_for(300ms);
  std::map<crypto::ObjectId, crypto::Bytes> before;
  {
    std::lock_guard lock(mu);
    before = acknowledged;
  }
  const auto beforeCheckpoint = readCheckpoint(*c);
  ASSERT_TRUE(beforeCheckpoint.has_value());
  const auto var = dir_.path() / "var";
  const auto backupDir = dir_.path() / "backup";
  const auto keysDir = dir_.path() / "backup-keys";  // kept apart: another disk, a safe
  const auto backup =
      runCommand(std::string(SAMRAD_SERVER_BIN) + " backup --data-dir " + var.string() + " --to " +
                 backupDir.string() + " --keys-to " + keysDir.string());
  ASSERT_EQ(backup.exitCode, 0) << backup.output;
  EXPECT_NE(backup.output.find("integrity check ok"), std::string::npos) << backup.output;
  for (const char* k : {"server.key", "log.key"}) {
    EXPECT_FALSE(std::filesystem::exists(backupDir / k)) << k << " lies beside the store";
    EXPECT_TRUE(std::filesystem::exists(keysDir / k)) << k;
  }
  // The operator's token is in neither: the server makes a new one.
  EXPECT_FALSE(std::filesystem::exists(backupDir / "operator.key"));
  EXPECT_FALSE(std::filesystem::exists(keysDir / "operator.key"));
  // The server goes on; its log grows past the backup (reads are logged).
  std::this_thread::sleep_for(200ms);
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(c->getObject(group, before.begin()->first).ok());
  ASSERT_TRUE(connect(port)->login(memberDevice, memberSigning).ok());
  const auto lateCheckpoint = readCheckpoint(*c);
  ASSERT_TRUE(lateCheckpoint.has_value());
  stopWriters();
  stop(SIGTERM);

  // A restore never overwrites a store; into an empty folder it does.
  auto refused =
      runCommand(std::string(SAMRAD_SERVER_BIN) + " restore --from " + backupDir.string() +
                 " --keys-from " + keysDir.string() + " --data-dir " + var.string());
  EXPECT_EQ(refused.exitCode, 1) << refused.output;
  EXPECT_NE(refused.output.find("restore.store_exists"), std::string::npos) << refused.output;
  std::filesystem::rename(var, dir_.path() / "var-before-restore");
  // The store alone restores nothing: the keys are needed too.
  auto keyless = runCommand(std::string(SAMRAD_SERVER_BIN) + " restore --from " +
                            backupDir.string() + " --data-dir " + var.string());
  EXPECT_EQ(keyless.exitCode, 1) << keyless.output;
  EXPECT_NE(keyless.output.find("backup.keys_required"), std::string::npos) << keyless.output;
  auto restored =
      runCommand(std::string(SAMRAD_SERVER_BIN) + " restore --from " + backupDir.string() +
                 " --keys-from " + keysDir.string() + " --data-dir " + var.string());
  ASSERT_EQ(restored.exitCode, 0) << restored.output;

  port = start();
  ASSERT_GT(port, 0);
  auto after = connect(port);
  ASSERT_TRUE(after->login(memberDevice, memberSigning).ok());
  const auto restoredCheckpoint = readCheckpoint(*after);
  ASSERT_TRUE(restoredCheckpoint.has_value()) << "the restored server signs with the same log key";
  EXPECT_LT(restoredCheckpoint->size, lateCheckpoint->size) << "the log is the backup's";
  for (const auto& [id, body] : before) {
    auto got = after->getObject(group, id);
    ASSERT_TRUE(got.ok()) << "acknowledged before the backup, missing after the restore";
    ASSERT_EQ(*got, body);
  }
  auto latest = readCheckpoint(*after);
  ASSERT_TRUE(latest.has_value());
  ASSERT_GE(latest->size, beforeCheckpoint->size);
  auto proof =
      after->consistencyProof(crypto::LogId::ofGroup(group), beforeCheckpoint->size, latest->size);
  ASSERT_TRUE(proof.ok()) << proof.error().describe();
  EXPECT_TRUE(crypto::verifyConsistency(beforeCheckpoint->size, latest->size, *proof,
                                        beforeCheckpoint->root, latest->root)
                  .ok());
  std::printf(
      "[backup] %zu writes acknowledged before the backup, all restored whole; log %llu at the "
      "backup's start, %llu restored, %llu later (a device holding that sees the rollback)\n",
      before.size(), static_cast<unsigned long long>(beforeCheckpoint->size),
      static_cast<unsigned long long>(restoredCheckpoint->size),
      static_cast<unsigned long long>(lateCheckpoint->size));
}

// A disk of `megabytes` for the data folder: a tmpfs mounted in a mount
// namespace of this test's own (nothing shows outside it). Needs the right to
// mount (root, or a user namespace); CI has it and sets
// SAMRAD_REQUIRE_FAULT_INJECTION so that a missing right fails, not skips.
class StorageFaults : public Crash {
 protected:
  void SetUp() override {
    Crash::SetUp();
    output_ = dir_.path() / "server.out";
  }
  void TearDown() override {
    Crash::TearDown();
    if (mounted_) ::umount2(var().c_str(), MNT_DETACH);
  }
  std::filesystem::path var() const { return dir_.path() / "var"; }

  bool mountSmallDisk(int megabytes) {
    static const bool ownNamespace =
        ::unshare(CLONE_NEWNS) == 0 &&
        ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0;
    if (!ownNamespace) return false;
    std::filesystem::create_directories(var());
    const std::string options = "size=" + std::to_string(megabytes) + "m,mode=0700";
    mounted_ = ::mount("samrad-test", var().c_str(), "tmpfs", 0, options.c_str()) == 0;
    return mounted_;
  }

  // Fills the disk to the last byte; returns the bytes written.
  std::size_t fill() {
    const int fd = ::open((var() / "filler").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    EXPECT_GE(fd, 0);
    std::vector<char> chunk(64 * 1024, 'f');
    std::size_t total = 0;
    for (std::size_t size = chunk.size(); size > 0; size /= 2) {
      for (;;) {
        const ssize_t n = ::write(fd, chunk.data(), size);
        if (n <= 0) break;
        total += static_cast<std::size_t>(n);
      }
    }
    ::close(fd);
    return total;
  }

  std::string serverOutput() const { return testing::readFile(output_); }

  bool mounted_ = false;
};

#define SAMRAD_NEED_SMALL_DISK(mb)                                                    \
  if (!mountSmallDisk(mb)) {                                                          \
    if (std::getenv("SAMRAD_REQUIRE_FAULT_INJECTION") != nullptr) {                   \
      FAIL() << "cannot mount a tmpfs for the data folder: " << std::strerror(errno); \
    }                                                                                 \
    GTEST_SKIP() << "mounting a tmpfs needs root or a user namespace";                \
  }

TEST_F(StorageFaults, ADiskThatFillsUpRefusesWritesClearlyAndRecoversWhenSpaceReturns) {
  SAMRAD_NEED_SMALL_DISK(24);
  int port = start();
  ASSERT_GT(port, 0) << serverOutput();
  ASSERT_NO_FATAL_FAILURE(setUpGroup(port));
  auto c = connect(port);
  ASSERT_TRUE(c->login(memberDevice, memberSigning).ok());

  std::map<crypto::ObjectId, crypto::Bytes> acknowledged;
  std::uint64_t n = 0;
  for (; n < 20; ++n) {
    const crypto::ObjectId id = crypto::ObjectId::random();
    const auto body = encrypted(id, n);
    ASSERT_TRUE(c->putObject(group, id, 0, body).ok());
    acknowledged[id] = body;
  }
  const auto before = readCheckpoint(*c);
  ASSERT_TRUE(before.has_value());

  // The disk fills up (another program's file, say). The server keeps
  // writing into the room its files already have, then a write finds none.
  const std::size_t filler = fill();
  std::optional<Error> refusal;
  crypto::ObjectId refusedId;
  crypto::Bytes refusedBody;
  std::size_t whileFilling = 0;
  for (int i = 0; i < 20000 && !refusal; ++i, ++n) {
    const crypto::ObjectId id = crypto::ObjectId::random();
    const auto body = encrypted(id, n);
    auto put = c->putObject(group, id, 0, body);
    if (put.ok()) {
      acknowledged[id] = body;
      ++whileFilling;
      continue;
    }
    refusal = put.error();
    refusedId = id;
    refusedBody = body;
  }
  ASSERT_TRUE(refusal.has_value()) << "20000 writes fitted on a full disk";
  EXPECT_EQ(refusal->code(), ErrorCode::ResourceExhausted) << refusal->describe();
  EXPECT_EQ(refusal->reason(), "db.full") << refusal->describe();
  EXPECT_NE(refusal->message().find("disk holding the database is full"), std::string::npos)
      << refusal->message();
  int status = 0;
  ASSERT_EQ(::waitpid(pid_, &status, WNOHANG), 0) << "the server died of a full disk";

  // Nothing of the refused write is there; refusals stay clear and the
  // server answers what needs no room.
  auto again = c->putObject(group, refusedId, 0, refusedBody);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().reason(), "db.full") << again.error().describe();
  auto missing = c->getObject(group, refusedId);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().code(), ErrorCode::Internal) << missing.error().describe();
  // A read is logged before it is answered; with no room to log it, it is
  // refused too rather than answered unrecorded.
  auto read = c->getObject(group, acknowledged.begin()->first);
  if (!read.ok()) {
    EXPECT_EQ(read.error().reason(), "db.full") << read.error().describe();
  }
  ASSERT_TRUE(c->checkpoint(crypto::LogId::ofGroup(group)).ok()) << "a checkpoint needs no room";

  // A restart while the disk is full says so and stops.
  c.reset();
  stop(SIGTERM);
  EXPECT_EQ(start(), 0);
  EXPECT_EQ(exitCode_, 1);
  const std::string said = serverOutput();
  EXPECT_NE(said.find("is full; free space and start again"), std::string::npos) << said;
  EXPECT_NE(said.find(var().string()), std::string::npos) << said;

  // Space returns: the server starts, the refused write goes through once
  // (version 1), writing carries on, and everything acknowledged is whole.
  std::filesystem::remove(var() / "filler");
  port = start();
  ASSERT_GT(port, 0) << serverOutput();
  c = connect(port);
  ASSERT_TRUE(c->login(memberDevice, memberSigning).ok());
  auto retried = c->putObject(group, refusedId, 0, refusedBody);
  ASSERT_TRUE(retried.ok()) << retried.error().describe();
  EXPECT_EQ(retried->version, 1U);
  acknowledged[refusedId] = refusedBody;
  for (int i = 0; i < 50; ++i, ++n) {
    const crypto::ObjectId id = crypto::ObjectId::random();
    const auto body = encrypted(id, n);
    ASSERT_TRUE(c->putObject(group, id, 0, body).ok());
    acknowledged[id] = body;
  }
  for (const auto& [id, body] : acknowledged) {
    auto got = c->getObject(group, id);
    ASSERT_TRUE(got.ok()) << got.error().describe();
    ASSERT_EQ(*got, body);
  }
  const auto after = readCheckpoint(*c);
  ASSERT_TRUE(after.has_value());
  auto proof = c->consistencyProof(crypto::LogId::ofGroup(group), before->size, after->size);
  ASSERT_TRUE(proof.ok()) << proof.error().describe();
  EXPECT_TRUE(
      crypto::verifyConsistency(before->size, after->size, *proof, before->root, after->root).ok())
      << "the log before the disk filled is a prefix of the log after";
  c.reset();
  stop(SIGTERM);

  auto key = server::storage::loadOrCreateKeyFile(var() / "server.key");
  ASSERT_TRUE(key.ok());
  auto db = db::Database::open(var() / "samrad.db", key->view());
  ASSERT_TRUE(db.ok()) << db.error().describe();
  auto check = (*db)->prepare("PRAGMA integrity_check");
  ASSERT_TRUE(check.ok() && check->step().ok());
  EXPECT_EQ(check->columnText(0), "ok");
  std::printf(
      "[disk full] %zu KiB filler left the server no room; %zu writes went into the room its "
      "files had, the next was refused (%s); %zu acknowledged writes all whole after space "
      "returned, log %llu -> %llu consistent\n",
      filler / 1024, whileFilling, refusal->reason().c_str(), acknowledged.size(),
      static_cast<unsigned long long>(before->size), static_cast<unsigned long long>(after->size));
}

TEST_F(StorageFaults, AReadOnlyDataFolderIsNamedAtStartAndNothingIsLost) {
  SAMRAD_NEED_SMALL_DISK(32);
  int port = start();
  ASSERT_GT(port, 0) << serverOutput();
  ASSERT_NO_FATAL_FAILURE(setUpGroup(port));
  auto c = connect(port);
  ASSERT_TRUE(c->login(memberDevice, memberSigning).ok());
  std::map<crypto::ObjectId, crypto::Bytes> acknowledged;
  for (std::uint64_t n = 0; n < 20; ++n) {
    const crypto::ObjectId id = crypto::ObjectId::random();
    const auto body = encrypted(id, n);
    ASSERT_TRUE(c->putObject(group, id, 0, body).ok());
    acknowledged[id] = body;
  }
  c.reset();
  stop(SIGTERM);

  // The volume comes back read-only (as after a file-system error).
  ASSERT_EQ(::mount(nullptr, var().c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr), 0)
      << std::strerror(errno);
  EXPECT_EQ(start(), 0);
  EXPECT_EQ(exitCode_, 1);
  const std::string said = serverOutput();
  EXPECT_NE(said.find("the data folder " + var().string() + " cannot be written"),
            std::string::npos)
      << said;
  EXPECT_NE(said.find("make the folder writable"), std::string::npos) << said;

  ASSERT_EQ(::mount(nullptr, var().c_str(), nullptr, MS_REMOUNT, nullptr), 0)
      << std::strerror(errno);
  port = start();
  ASSERT_GT(port, 0) << serverOutput();
  c = connect(port);
  ASSERT_TRUE(c->login(memberDevice, memberSigning).ok());
  for (const auto& [id, body] : acknowledged) {
    auto got = c->getObject(group, id);
    ASSERT_TRUE(got.ok()) << got.error().describe();
    ASSERT_EQ(*got, body);
  }
}

}  // namespace
}  // namespace samrad
