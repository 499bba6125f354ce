// samrad-bench-logs: what one quiet group pays for the transparency logs when
// the server also hosts many busy groups (issue #26). An in-process server
// over TLS on loopback; the same quiet group Q of D devices, built the same
// way, is measured on two servers in one run:
//
//   baseline — a server that holds Q alone;
//   loaded   — a server where G − 1 more groups of D devices have each lived
//              `days` working days before Q is measured: every device logs in
//              each morning, writes W notes and reads R of its group's
//              objects a day.
//
// For Q, each time: a fresh device's sync (chain, objects, both logs checked
// and witnessed) with the log entries and bytes it fetched; an existing
// device's catch-up after a member joins; the lawyer's bundle over Q's whole
// history (export time, peak memory, size, verification). Then one working
// day in Q — logins, syncs, witnessing, log views, R reads and W writes per
// device — counted by kind of log entry per device.
//
//   samrad-bench-logs [--groups G] [--devices D] [--days N] [--reads R] [--writes W]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "samrad/client/audit.h"
#include "samrad/client/connection.h"
#include "samrad/client/key_store.h"
#include "samrad/client/log_monitor.h"
#include "samrad/client/replica.h"
#include "samrad/common/log.h"
#include "samrad/crypto/content.h"
#include "samrad/crypto/epoch_keys.h"
#include "samrad/crypto/log_id.h"
#include "samrad/crypto/secure.h"
#include "samrad/server/app/server_app.h"
#include "samrad/server/storage/key_file.h"
#include "samrad/testing/support.h"
#include "samrad/v1/log.pb.h"

namespace {

using namespace samrad;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;
constexpr std::int64_t kYear = 365LL * 24 * 3600;
constexpr std::size_t kRounds = 3;

std::int64_t nowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

double msSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

[[noreturn]] void fail(const char* what, const Error& e) {
  std::fprintf(stderr, "%s: %s\n", what, e.describe().c_str());
  std::exit(1);
}
template <typename T>
T need(Result<T> r, const char* what) {
  if (!r) fail(what, r.error());
  return std::move(r).value();
}
void need(const Status& s, const char* what) {
  if (!s) fail(what, s.error());
}

// Resident memory, current and peak, in KiB (/proc/self/status); writing 5
// to /proc/self/clear_refs resets the peak.
long procKib(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field, 0) == 0) return std::atol(line.c_str() + std::strlen(field));
  }
  return 0;
}
void resetPeak() {
  std::ofstream("/proc/self/clear_refs") << "5";
}

client::DeviceIdentity copyOf(const client::DeviceIdentity& d) {
  return client::DeviceIdentity{
      d.user,
      need(crypto::SigningKeyPair::fromSeed(d.identity.seed().view()), "copy"),
      d.device,
      need(crypto::SigningKeyPair::fromSeed(d.signing.seed().view()), "copy"),
      need(crypto::BoxKeyPair::fromSecret(d.box.secret().view()), "copy"),
      d.userCertificate,
      d.deviceCertificate};
}

struct Server {
  testing::TempDir dir;
  testing::DevPki pki = testing::makeDevPki(dir.path() / "pki");
  std::unique_ptr<server::app::ServerApp> app;
  std::string operatorToken;

  Server() {
    server::app::ServerConfig config;
    config.listen = "127.0.0.1:0";
    config.dataDir = dir.path() / "var";
    config.tlsCert = pki.serverCert;
    config.tlsKey = pki.serverKey;
    config.logLevel = log::Level::Error;
    config.workers = 4;
    // Every simulated device logs in from loopback.
    config.limits.loginCallsBurst = 1000000;
    config.limits.loginCallsPerSecond = 100000;
    app = need(server::app::ServerApp::start(config), "server");
    operatorToken = crypto::toHex(
        need(server::storage::loadOrCreateKeyFile(config.dataDir / "operator.key"), "operator")
            .view());
  }
  [[nodiscard]] std::unique_ptr<client::PlatformClient> connect() const {
    auto ch =
        need(client::openChannel({"127.0.0.1:" + std::to_string(app->port()), pki.caCert, ""}),
             "channel");
    return std::make_unique<client::PlatformClient>(ch, std::chrono::seconds(60));
  }
};

struct Agency {
  client::Agency keys;
  std::unique_ptr<client::PlatformClient> admin;

  Agency(const Server& s, std::int64_t now) {
    auto id = client::DeviceIdentity::issue(keys, crypto::UserRole::Administrator, now, kYear);
    admin = s.connect();
    const std::string code =
        need(s.connect()->bootstrapAgency(s.operatorToken, keys.id, 2, keys.root.publicKey(),
                                          id.userCertificate.serialize()),
             "bootstrap");
    need(admin->enrollDevice(code, id.deviceCertificate.serialize()), "admin enrol");
    need(admin->login(id.device, id.signing), "admin login");
  }
  // A new person with one device, enrolled (and, with `client`, logged in).
  client::DeviceIdentity enrol(const Server& s, std::int64_t now,
                               std::unique_ptr<client::PlatformClient>* client = nullptr) {
    auto d = client::DeviceIdentity::issue(keys, crypto::UserRole::Member, now, kYear);
    need(admin->registerUser(d.userCertificate.serialize()), "register");
    auto c = s.connect();
    need(c->enrollDevice(need(admin->issueEnrollmentCode(d.user), "code"),
                         d.deviceCertificate.serialize()),
         "enrol");
    if (client != nullptr) {
      need(c->login(d.device, d.signing), "login");
      *client = std::move(c);
    }
    return d;
  }
};

// A group made over the wire: its chain and first epoch key, kept to encrypt.
struct Group {
  crypto::GroupId id = crypto::GroupId::random();
  crypto::MembershipChain chain{crypto::TrustStore{}, {}};
  crypto::SecretBytes epochKey = crypto::SecretBytes::random(32);
};

Group createGroup(client::PlatformClient& c, const crypto::TrustStore& roots,
                  const client::DeviceIdentity& coordinator,
                  const std::vector<std::pair<const client::DeviceIdentity*, crypto::GroupRole>>& m,
                  std::int64_t now) {
  Group g;
  g.chain = crypto::MembershipChain(roots, {});
  crypto::OpCreate op{{coordinator.memberSpec(crypto::GroupRole::Coordinator)}};
  for (const auto& [who, role] : m) op.members.push_back(who->memberSpec(role));
  auto genesis =
      need(g.chain.makeLink(g.id, op, now, coordinator.signing, coordinator.device), "genesis");
  need(g.chain.append(genesis), "genesis");
  need(c.createGroup(genesis.serialize()), "create group");
  need(c.putEpochKeys(
           g.id, need(crypto::makeEpochKeyBundle(g.chain, g.epochKey, nullptr, coordinator.signing,
                                                 coordinator.device, {}, now),
                      "bundle")
                     .serialize()),
       "epoch keys");
  return g;
}

crypto::Bytes note(const Group& g, const client::DeviceIdentity& author, const crypto::ObjectId& id,
                   int n) {
  const crypto::ContentContext ctx{
      "note", g.id, id, 1, g.chain.state().epoch, author.device, g.chain.state().head};
  const std::string text = "anteckning " + std::to_string(n) + std::string(400, 'x');
  return need(crypto::encryptObject(ctx, crypto::asBytes(text), {g.epochKey, std::nullopt},
                                    author.signing),
              "encrypt")
      .serialize();
}

struct LogCount {
  std::uint64_t entries = 0;
  std::uint64_t bytes = 0;
  std::map<int, std::uint64_t> byKind;
};
LogCount countLog(client::PlatformClient& c, const crypto::LogId& log, std::uint64_t from = 0) {
  LogCount out;
  const auto size = need(c.checkpoint(log), "checkpoint").second;
  for (std::uint64_t at = from; at < size; at += 1000) {
    auto page = need(
        c.logEntries(log, at, static_cast<std::uint32_t>(std::min<std::uint64_t>(1000, size - at))),
        "entries");
    for (const auto& raw : page) {
      v1::LogEntry e;
      e.ParseFromArray(raw.data(), static_cast<int>(raw.size()));
      ++out.byKind[e.kind()];
      out.bytes += raw.size();
      ++out.entries;
    }
  }
  return out;
}

struct Figures {
  double syncMs = 0;
  std::uint64_t syncEntries = 0;
  std::uint64_t syncBytes = 0;
  double catchUpMs = 0;
  double exportMs = 0;
  long exportPeakKib = 0;
  std::uint64_t bundleBytes = 0;
  std::size_t bundleFiles = 0;
  double verifyMs = 0;
  std::uint64_t groupEntries = 0;      // Q's log
  std::uint64_t directoryEntries = 0;  // the directory log
  std::uint64_t otherEntries = 0;      // the other groups' logs
  double loadSeconds = 0;
  // One working day in Q: its log's new entries by kind, and the devices.
  std::map<int, std::uint64_t> dayByKind;
  std::uint64_t dayEntries = 0;
  std::uint64_t dayDirectory = 0;
  int dayDevices = 0;
};

const char* kindName(int kind) {
  switch (kind) {
    case v1::LOG_ENTRY_OBJECT_READ:
      return "object read";
    case v1::LOG_ENTRY_OBJECT_WRITTEN:
      return "object written";
    case v1::LOG_ENTRY_CHAIN_LINK:
      return "membership link";
    case v1::LOG_ENTRY_AGENCY_ROOT:
      return "agency root";
    case v1::LOG_ENTRY_LOGIN:
      return "login";
    default:
      return "other";
  }
}

}  // namespace

Figures scenario(int others, int devices, int days, int reads, int writes);
void report(const Figures& base, const Figures& loaded, int groups, int devices, int days,
            int reads, int writes);

int main(int argc, char** argv) {
  int groups = 300;
  int devices = 10;
  int days = 22;
  int reads = 5;
  int writes = 2;
  for (int i = 1; i + 1 < argc; i += 2) {
    const int v = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--groups") == 0) groups = v;
    if (std::strcmp(argv[i], "--devices") == 0) devices = v;
    if (std::strcmp(argv[i], "--days") == 0) days = v;
    if (std::strcmp(argv[i], "--reads") == 0) reads = v;
    if (std::strcmp(argv[i], "--writes") == 0) writes = v;
  }
  devices = std::max(devices, 3 + static_cast<int>(kRounds) + 1);
  crypto::initSodium();
  log::init(log::Format::Text, log::Level::Error);
  std::printf("baseline: the quiet group alone on a server (%d devices)...\n", devices);
  const Figures base = scenario(0, devices, days, reads, writes);
  std::printf(
      "loaded: %d more groups of %d devices, %d working days each, then the quiet "
      "group...\n",
      groups - 1, devices, days);
  const Figures loaded = scenario(groups - 1, devices, days, reads, writes);
  report(base, loaded, groups, devices, days, reads, writes);
  return 0;
}

Figures scenario(int others, int devices, int days, int reads, int writes) {
  Server server;
  const std::int64_t now = nowSeconds();
  std::vector<std::unique_ptr<Agency>> agencies;
  crypto::TrustStore roots;
  for (int a = 0; a < 3; ++a) {
    agencies.push_back(std::make_unique<Agency>(server, now));
    roots.pin(agencies.back()->keys.id, agencies.back()->keys.root.publicKey());
  }
  const auto passphrase = crypto::asBytes(std::string_view("bänkprov"));
  auto storeFor = [&](const std::string& who) {
    return need(client::KeyStore::create(server.dir.path() / who, passphrase, client::kKdfFloor),
                "store");
  };

  // ---- Q: coordinator, an existing device, the lawyer, three fresh
  // devices (one per measured round), and plain members up to D.
  std::unique_ptr<client::PlatformClient> coordC, existingC, lawyerC;
  auto coord = agencies[0]->enrol(server, now, &coordC);
  auto existing = agencies[1]->enrol(server, now, &existingC);
  auto lawyer = agencies[0]->enrol(server, now, &lawyerC);
  std::vector<client::DeviceIdentity> fresh;
  std::vector<std::unique_ptr<client::PlatformClient>> freshC(kRounds);
  for (std::size_t i = 0; i < kRounds; ++i)
    fresh.push_back(agencies[2]->enrol(server, now, &freshC[i]));
  std::vector<client::DeviceIdentity> plain;
  for (int i = 3 + static_cast<int>(kRounds); i < devices; ++i) {
    plain.push_back(agencies[static_cast<std::size_t>(i % 3)]->enrol(server, now));
  }
  std::vector<std::pair<const client::DeviceIdentity*, crypto::GroupRole>> members{
      {&existing, crypto::GroupRole::Member}, {&lawyer, crypto::GroupRole::Lawyer}};
  for (const auto& f : fresh) members.emplace_back(&f, crypto::GroupRole::Member);
  for (const auto& p : plain) members.emplace_back(&p, crypto::GroupRole::Member);
  const Group q = createGroup(*coordC, roots, coord, members, now);
  auto coordStore = storeFor("coord");
  auto coordR = need(client::GroupReplica::open(coordStore->database(), copyOf(coord), roots, q.id),
                     "coord replica");
  need(coordR->refreshChain(*coordC), "coord chain");
  for (int i = 0; i < 20; ++i) {
    need(coordR->write(crypto::ObjectId::random(), "note",
                       crypto::asBytes("ärende " + std::to_string(i))),
         "write");
  }
  (void)need(coordR->push(*coordC), "push");
  auto existingStore = storeFor("existing");
  auto existingR =
      need(client::GroupReplica::open(existingStore->database(), copyOf(existing), roots, q.id),
           "replica");
  need(existingR->refreshChain(*existingC), "existing chain");
  need(existingR->pull(*existingC, std::chrono::milliseconds(50)), "existing pull");
  auto lawyerStore = storeFor("lawyer");
  auto lawyerR = need(
      client::GroupReplica::open(lawyerStore->database(), copyOf(lawyer), roots, q.id), "replica");

  auto measure = [&](const client::DeviceIdentity& newcomer, client::PlatformClient& newcomerC,
                     const std::string& label) {
    Figures f;
    need(coordR->pull(*coordC, std::chrono::milliseconds(50)), "coord pull");
    // Unmeasured: the coordinator's device takes in what the last round
    // changed, so the fresh device's sync is the only work timed.
    need(coordR->refreshChain(*coordC), "coord chain");
    const std::uint64_t target = coordR->lastEventSeq();
    auto store = storeFor("fresh-" + label);
    const auto t0 = Clock::now();
    auto r = need(client::GroupReplica::open(store->database(), copyOf(newcomer), roots, q.id),
                  "fresh replica");
    need(r->refreshChain(newcomerC), "fresh chain");
    while (r->lastEventSeq() < target)
      need(r->pull(newcomerC, std::chrono::milliseconds(20)), "pull");
    need(r->refreshRevocations(newcomerC), "fresh revocations");
    need(r->verifyLog(newcomerC), "fresh verify");
    f.syncMs = msSince(t0);
    const auto groupLog = countLog(newcomerC, crypto::LogId::ofGroup(q.id));
    const auto directory = countLog(newcomerC, crypto::LogId::directory());
    f.syncEntries = r->log().size() + r->directoryLog().size();
    f.syncBytes = groupLog.bytes;  // the directory is checked and witnessed, not read
    f.groupEntries = groupLog.entries;
    f.directoryEntries = directory.entries;

    // A member joins; the existing device catches up.
    std::unique_ptr<client::PlatformClient> joinerC;
    auto joiner = agencies[1]->enrol(server, now, &joinerC);
    need(coordR->changeMembership(*coordC,
                                  crypto::OpAddMember{joiner.memberSpec(crypto::GroupRole::Member)},
                                  nowSeconds()),
         "add member");
    const auto c0 = Clock::now();
    need(existingR->refreshChain(*existingC), "catch-up chain");
    need(existingR->pull(*existingC, std::chrono::milliseconds(20)), "catch-up pull");
    need(existingR->refreshRevocations(*existingC), "catch-up revocations");
    need(existingR->verifyLog(*existingC), "catch-up verify");
    f.catchUpMs = msSince(c0);

    // The lawyer's bundle over Q's whole history.
    need(lawyerR->refreshChain(*lawyerC), "lawyer chain");
    need(lawyerR->verifyLog(*lawyerC), "lawyer verify");
    const fs::path bundle = server.dir.path() / ("bundle-" + label);
    resetPeak();
    const long rssBefore = procKib("VmRSS:");
    const auto e0 = Clock::now();
    (void)need(client::exportAuditBundle(*lawyerC, lawyerR->log(), lawyer, "",
                                         {q.id, 0, nowSeconds() + 3600, std::nullopt, nowSeconds()},
                                         bundle),
               "export");
    f.exportMs = msSince(e0);
    f.exportPeakKib = procKib("VmHWM:") - rssBefore;
    for (const auto& e : fs::recursive_directory_iterator(bundle)) {
      if (e.is_regular_file()) {
        f.bundleBytes += e.file_size();
        ++f.bundleFiles;
      }
    }
    const auto v0 = Clock::now();
    auto verified = client::verifyAuditBundle(bundle, {});
    f.verifyMs = msSince(v0);
    if (!verified.ok()) {
      std::fprintf(stderr, "the bundle does not verify: %s: %s\n",
                   verified.failures.front().file.c_str(),
                   verified.failures.front().reason.c_str());
      std::exit(1);
    }
    return f;
  };

  // ---- the other groups live their days first.
  const auto l0 = Clock::now();
  std::atomic<std::uint64_t> otherEntries{0};
  auto live = [&](int first, int step) {
    for (int gi = first; gi < others; gi += step) {
      std::vector<client::DeviceIdentity> people;
      std::vector<std::unique_ptr<client::PlatformClient>> clients(
          static_cast<std::size_t>(devices));
      for (int d = 0; d < devices; ++d) {
        people.push_back(agencies[static_cast<std::size_t>((gi + d) % 3)]->enrol(
            server, now, &clients[static_cast<std::size_t>(d)]));
      }
      std::vector<std::pair<const client::DeviceIdentity*, crypto::GroupRole>> ms;
      for (int d = 1; d < devices; ++d)
        ms.emplace_back(&people[static_cast<std::size_t>(d)], crypto::GroupRole::Member);
      const Group g = createGroup(*clients[0], roots, people[0], ms, now);
      std::vector<crypto::ObjectId> objects;
      int n = 0;
      for (int day = 0; day < days; ++day) {
        for (int d = 0; d < devices; ++d) {
          auto& c = *clients[static_cast<std::size_t>(d)];
          const auto& me = people[static_cast<std::size_t>(d)];
          need(c.login(me.device, me.signing), "morning login");
          for (int w = 0; w < writes; ++w) {
            const auto id = crypto::ObjectId::random();
            (void)need(c.putObject(g.id, id, 0, note(g, me, id, n++)), "write");
            objects.push_back(id);
            ++otherEntries;
          }
          for (int r = 0; r < reads && !objects.empty(); ++r) {
            (void)need(
                c.getObject(g.id, objects[static_cast<std::size_t>(n * 7919 + r) % objects.size()]),
                "read");
            ++otherEntries;
          }
        }
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < 3; ++t) pool.emplace_back(live, t, 3);
  for (auto& t : pool) t.join();
  const double loadSeconds = msSince(l0) / 1000.0;
  // Let the server's background work (WAL checkpoints of the load) settle:
  // the quiet group is measured on a quiet server.
  if (others > 0) std::this_thread::sleep_for(std::chrono::seconds(10));
  if (others > 0) {
    std::printf("  %llu entries in the other groups' logs in %.0f s\n",
                static_cast<unsigned long long>(otherEntries.load()), loadSeconds);
  }
  // Each figure is the median of kRounds rounds (a fresh device, a member
  // joining, an export and its verification each).
  std::vector<Figures> rounds;
  for (std::size_t i = 0; i < kRounds; ++i) {
    rounds.push_back(
        measure(fresh[i], *freshC[i], (others == 0 ? "baseline-" : "loaded-") + std::to_string(i)));
  }
  auto mid = [&](auto field) {
    std::vector<double> v;
    for (const auto& r : rounds) v.push_back(static_cast<double>(r.*field));
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  Figures f = rounds.back();
  f.syncMs = mid(&Figures::syncMs);
  f.catchUpMs = mid(&Figures::catchUpMs);
  f.exportMs = mid(&Figures::exportMs);
  f.verifyMs = mid(&Figures::verifyMs);
  f.exportPeakKib = static_cast<long>(mid(&Figures::exportPeakKib));
  f.otherEntries = otherEntries.load();
  f.loadSeconds = loadSeconds;

  // ---- one working day in Q, by kind of log entry per device.
  const auto before = countLog(*coordC, crypto::LogId::ofGroup(q.id));
  const auto dirBefore = countLog(*coordC, crypto::LogId::directory());
  std::vector<crypto::ObjectId> qObjects;
  for (const auto& o : coordR->objects("note")) qObjects.push_back(o.id);
  struct Member {
    const client::DeviceIdentity* id;
    client::GroupReplica* replica;
    std::unique_ptr<client::PlatformClient>* client;
  };
  std::vector<Member> day{{&coord, coordR.get(), &coordC},
                          {&existing, existingR.get(), &existingC},
                          {&lawyer, lawyerR.get(), &lawyerC}};
  for (auto* r : {coordR.get(), existingR.get(), lawyerR.get()}) {
    r->setLogViewInterval(std::chrono::seconds(0));
  }
  int dayDevices = 0;
  for (auto& m : day) {
    // Renewed logins through the day (every quarter of an hour, 8 hours).
    for (int i = 0; i < 32; ++i) need((*m.client)->login(m.id->device, m.id->signing), "login");
    for (int sync = 0; sync < 8; ++sync) {  // an hourly sync: witnessing and log views
      need(m.replica->refreshChain(**m.client), "sync chain");
      need(m.replica->pull(**m.client, std::chrono::milliseconds(10)), "sync pull");
      need(m.replica->verifyLog(**m.client), "sync verify");
      (void)m.replica->push(**m.client);
    }
    for (int r = 0; r < reads; ++r) {
      (void)need(
          (*m.client)->getObject(q.id, qObjects[static_cast<std::size_t>(r) % qObjects.size()]),
          "read");
    }
    if (m.id != &lawyer) {
      for (int w = 0; w < writes; ++w) {
        need(m.replica->write(crypto::ObjectId::random(), "note", crypto::asBytes("dagens")),
             "write");
      }
      (void)need(m.replica->push(**m.client), "push");
    }
    ++dayDevices;
  }
  const auto after = countLog(*coordC, crypto::LogId::ofGroup(q.id), before.entries);
  const auto dirAfter = countLog(*coordC, crypto::LogId::directory(), dirBefore.entries);
  f.dayByKind = after.byKind;
  f.dayEntries = after.entries;
  f.dayDirectory = dirAfter.entries;
  f.dayDevices = dayDevices;
  server.app->shutdown(std::chrono::milliseconds(500));
  return f;
}

void report(const Figures& base, const Figures& loaded, int groups, int devices, int days,
            int reads, int writes) {
  auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
  std::printf("\nthe quiet group (%d devices) with %d other groups of %d devices, %d days\n",
              devices, groups - 1, devices, days);
  std::printf("%-44s %12s %12s %8s\n", "", "baseline", "loaded", "ratio");
  auto row = [&](const char* what, double b, double l, const char* unit) {
    std::printf("%-44s %10.1f%-2s %10.1f%-2s %7.2fx\n", what, b, unit, l, unit, ratio(l, b));
  };
  row("fresh-device sync", base.syncMs, loaded.syncMs, "ms");
  row("  entries of the group's log", static_cast<double>(base.groupEntries),
      static_cast<double>(loaded.groupEntries), "");
  row("  directory log size (checked, not read)", static_cast<double>(base.directoryEntries),
      static_cast<double>(loaded.directoryEntries), "");
  row("  log entry bytes it fetched", static_cast<double>(base.syncBytes) / 1024.0,
      static_cast<double>(loaded.syncBytes) / 1024.0, "K");
  row("catch-up after a member joins", base.catchUpMs, loaded.catchUpMs, "ms");
  row("bundle: export", base.exportMs, loaded.exportMs, "ms");
  row("bundle: peak memory of the export", static_cast<double>(base.exportPeakKib),
      static_cast<double>(loaded.exportPeakKib), "K");
  row("bundle: size", static_cast<double>(base.bundleBytes) / 1024.0,
      static_cast<double>(loaded.bundleBytes) / 1024.0, "K");
  row("bundle: files", static_cast<double>(base.bundleFiles),
      static_cast<double>(loaded.bundleFiles), "");
  row("bundle: verify", base.verifyMs, loaded.verifyMs, "ms");
  std::printf("(the other groups' logs hold %llu entries; the load took %.0f s)\n",
              static_cast<unsigned long long>(loaded.otherEntries), loaded.loadSeconds);
  std::printf(
      "\none working day in the quiet group, per device (%d devices: 32 logins, 8 syncs "
      "with witnessing and log views, %d reads, %d writes each; the lawyer reads only)\n",
      loaded.dayDevices, reads, writes);
  for (const auto& [kind, n] : loaded.dayByKind) {
    std::printf("  %-20s %6.1f\n", kindName(kind), static_cast<double>(n) / loaded.dayDevices);
  }
  std::printf("  %-20s %6.1f\n", "all", static_cast<double>(loaded.dayEntries) / loaded.dayDevices);
  std::printf("  directory entries that day: %llu\n",
              static_cast<unsigned long long>(loaded.dayDirectory));
}
