// samrad-bench: load on a real samrad-server process over TLS on loopback,
// next to a bare gRPC server (the standard health service, also TLS) measured
// in the same run. Reports throughput and p50/p99 latency for object reads,
// fsync'd writes at 64 concurrent writers, event fan-out to 200 subscribers,
// transparency-log appends, and the server's resident memory. Each row also
// says how steady the host was meanwhile (host_probe.h).
//
//   samrad-bench [--seconds S] [--clients N] [--subscribers M] [--workers W]
//
// SAMRAD_BENCH_SERVER=/path/to/samrad-server runs another build of the
// server under the same load (an A/B against an older commit, say).
//
// Soak (on demand, not in CI): the same server under a steady mix of writes,
// reads, proof fetches and open subscriptions for a long time, reported once
// a window: throughput, p99 latency and the server's resident memory, which
// must stay flat (< 5 % growth from the end of the warm-up to the end).
//
//   samrad-bench --soak-minutes 30 [--window-seconds 60] [--warmup-minutes 5]
#include <arpa/inet.h>
#include <grpcpp/grpcpp.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <numeric>
#include <sstream>
#include <thread>
#include <vector>

#include "host_probe.h"
#include "samrad/client/connection.h"
#include "samrad/client/platform_client.h"
#include "samrad/crypto/content.h"
#include "samrad/crypto/membership.h"
#include "samrad/server/rpc/server_info_service.h"
#include "samrad/testing/support.h"
#include "samrad/v1/server_info.grpc.pb.h"

namespace {

using namespace samrad;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

std::int64_t nowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

struct Stats {
  std::vector<double> latenciesMs;
  std::vector<Clock::time_point> due;  // open loop: when each call was due
  Clock::time_point from;              // the phase's span
  Clock::time_point to;
  double seconds = 0;
  [[nodiscard]] double perSecond() const {
    return seconds > 0 ? static_cast<double>(latenciesMs.size()) / seconds : 0;
  }
  [[nodiscard]] double pct(double p) const {
    if (latenciesMs.empty()) {
      return 0;
    }
    std::vector<double> v = latenciesMs;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
  }
};

// Runs `op` from `threads` threads for `duration`, timing each call. A
// thread stops early when `op` returns false (its work ran out); the rate
// is over the time until the last thread stopped.
Stats hammer(int threads, std::chrono::milliseconds duration,
             const std::function<bool(int thread, int i)>& op) {
  std::vector<std::vector<double>> per(static_cast<std::size_t>(threads));
  std::vector<Clock::time_point> ended(static_cast<std::size_t>(threads));
  std::atomic<bool> stop{false};
  std::vector<std::thread> pool;
  pool.reserve(static_cast<std::size_t>(threads));
  const auto start = Clock::now();
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (int i = 0; !stop.load(std::memory_order_relaxed); ++i) {
        const auto a = Clock::now();
        if (!op(t, i)) {
          break;
        }
        per[static_cast<std::size_t>(t)].push_back(
            std::chrono::duration<double, std::milli>(Clock::now() - a).count());
      }
      ended[static_cast<std::size_t>(t)] = Clock::now();
    });
  }
  std::this_thread::sleep_for(duration);
  stop = true;
  for (auto& th : pool) {
    th.join();
  }
  Stats s;
  s.from = start;
  s.to = *std::max_element(ended.begin(), ended.end());
  s.seconds = std::chrono::duration<double>(s.to - start).count();
  for (auto& v : per) {
    s.latenciesMs.insert(s.latenciesMs.end(), v.begin(), v.end());
  }
  return s;
}

// Open loop: `threads` threads together offer `perSecond` calls a second,
// each thread on its own fixed schedule (phases spread over one interval).
// A call's latency runs from the moment it was due, not from when it was
// sent: a server that falls behind shows the queue it built, instead of
// slowing the senders down and hiding it (coordinated omission).
Stats paced(int threads, double perSecond, std::chrono::milliseconds duration,
            const std::function<bool(int thread)>& op) {
  std::vector<std::vector<double>> per(static_cast<std::size_t>(threads));
  std::vector<std::vector<Clock::time_point>> dues(static_cast<std::size_t>(threads));
  const auto interval = std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(threads / perSecond));
  std::vector<std::thread> pool;
  const auto start = Clock::now() + 50ms;
  const auto end = start + duration;
  pool.reserve(static_cast<std::size_t>(threads));
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      auto due = start + interval * t / threads;
      while (due < end) {
        std::this_thread::sleep_until(due);
        if (!op(t)) {
          break;
        }
        per[static_cast<std::size_t>(t)].push_back(
            std::chrono::duration<double, std::milli>(Clock::now() - due).count());
        dues[static_cast<std::size_t>(t)].push_back(due);
        due += interval;
      }
    });
  }
  for (auto& th : pool) {
    th.join();
  }
  Stats s;
  s.from = start;
  s.to = Clock::now();
  s.seconds = std::chrono::duration<double>(duration).count();
  for (auto& v : per) {
    s.latenciesMs.insert(s.latenciesMs.end(), v.begin(), v.end());
  }
  for (auto& v : dues) {
    s.due.insert(s.due.end(), v.begin(), v.end());
  }
  return s;
}

long rssKb(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) {
      return std::stol(line.substr(6));
    }
  }
  return -1;
}

struct Member {
  crypto::UserId id = crypto::UserId::random();
  crypto::SigningKeyPair identity = crypto::SigningKeyPair::generate();
  crypto::DeviceId device = crypto::DeviceId::random();
  crypto::SigningKeyPair signing = crypto::SigningKeyPair::generate();
  crypto::BoxKeyPair box = crypto::BoxKeyPair::generate();
  crypto::Envelope userCert;
  crypto::Envelope deviceCert;
  std::unique_ptr<client::PlatformClient> client;
};

struct SoakPlan {
  int minutes;
  int windowSeconds;
  int warmupMinutes;
  int subscribers;
};

// One window's counts and latencies, per kind of call.
struct Window {
  std::mutex mu;
  std::vector<double> writes, reads, proofs;
  std::uint64_t events = 0;
  void add(std::vector<double>& into, double ms) {
    std::lock_guard lock(mu);
    into.push_back(ms);
  }
};

double p99(std::vector<double> v) {
  if (v.empty()) {
    return 0;
  }
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(0.99 * static_cast<double>(v.size())))];
}

// About where the group's event stream is now: reads the stream until a
// 300 ms read brings fewer than 100 events (the soak's own writers add ~15 in
// that time). One fixed wait is not enough after the write phases, which
// leave tens of thousands of events; a base far short of the head would have
// every subscriber replay that backlog, and the fan-out row would time the
// replay instead of the fan-out.
std::uint64_t headOf(client::PlatformClient& c, const crypto::GroupId& group) {
  std::uint64_t base = 0;
  for (;;) {
    auto seen = c.subscribe(
        group, base, [](const client::ObjectEvent&) { return true; }, 300ms);
    if (!seen.ok()) {
      (void)std::fprintf(stderr, "reading the event stream: %s\n", seen.error().describe().c_str());
      return base;
    }
    const bool caughtUp = *seen < base + 100;
    base = *seen;
    if (caughtUp) {
      return base;
    }
  }
}

// The soak: 2 writers at 25 new objects/s each, 4 readers at 100 reads/s each
// (every read is an audit entry in the log), one client fetching inclusion
// and consistency proofs at 20/s, and `subscribers` open event streams — for
// plan.minutes, reported every window.
int soak(const SoakPlan& plan, pid_t pid, const crypto::GroupId& group,
         std::vector<Member>& members,
         const std::function<crypto::Bytes(std::size_t, const crypto::ObjectId&)>& encrypted,
         const std::function<std::unique_ptr<client::PlatformClient>()>& connect) {
  std::printf("\nsoak: %d min, window %d s, warm-up %d min, %d subscribers, server pid %d\n",
              plan.minutes, plan.windowSeconds, plan.warmupMinutes, plan.subscribers, pid);
  std::printf("%6s %9s %9s %9s %9s %11s %11s %11s %9s\n", "minute", "writes/s", "reads/s",
              "proofs/s", "events/s", "write p99", "read p99", "proof p99", "RSS MB");
  const auto total = std::chrono::minutes(plan.minutes);
  const auto start = Clock::now();
  std::atomic<bool> stop{false};
  Window window;
  std::vector<std::thread> pool;
  auto paced = [&](double perSecond, const std::function<bool()>& op, std::vector<double>& into) {
    const auto gap =
        std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / perSecond));
    auto next = Clock::now();
    while (!stop.load()) {
      const auto a = Clock::now();
      const bool ok = op();
      const double ms = std::chrono::duration<double, std::milli>(Clock::now() - a).count();
      if (ok) {
        window.add(into, ms);
      }
      next += gap;
      std::this_thread::sleep_until(next);
    }
  };
  const crypto::ObjectId readMe = crypto::ObjectId::random();
  if (!members[0].client->putObject(group, readMe, 0, encrypted(0, readMe)).ok()) {
    return 1;
  }
  for (std::size_t w = 1; w <= 2; ++w) {
    pool.emplace_back([&, w] {
      paced(
          25,
          [&] {
            const crypto::ObjectId id = crypto::ObjectId::random();
            return members[w]
                .client->putObject(group, id, 0, encrypted(w, id), {}, crypto::randomBytes(16))
                .ok();
          },
          window.writes);
    });
  }
  for (std::size_t r = 3; r < 7; ++r) {
    pool.emplace_back([&, r] {
      paced(
          100, [&] { return members[r].client->getObject(group, readMe).ok(); }, window.reads);
    });
  }
  pool.emplace_back([&] {
    std::uint64_t n = 0;
    paced(
        20,
        [&] {
          const auto log = crypto::LogId::ofGroup(group);
          auto cp = members[7].client->checkpoint(log);
          if (!cp || cp->second < 2) {
            return false;
          }
          const std::uint64_t size = cp->second;
          const std::uint64_t index = (n * 7919) % size;
          const std::uint64_t older = 1 + (n++ * 104729) % (size - 1);
          return members[7].client->inclusionProof(log, index, size).ok() &&
                 members[7].client->consistencyProof(log, older, size).ok();
        },
        window.proofs);
  });
  std::vector<std::unique_ptr<client::PlatformClient>> streams;
  for (int s = 0; s < plan.subscribers; ++s) {
    auto c = connect();
    const Member& m = members[static_cast<std::size_t>(s) % members.size()];
    if (!c->login(m.device, m.signing).ok()) {
      return 1;
    }
    streams.push_back(std::move(c));
  }
  const std::uint64_t base = headOf(*members[0].client, group);
  for (auto& c : streams) {
    pool.emplace_back([&, client = c.get()] {
      while (!stop.load()) {
        (void)client->subscribe(
            group, base,
            [&](const client::ObjectEvent&) {
              std::lock_guard lock(window.mu);
              ++window.events;
              return !stop.load();
            },
            std::chrono::duration_cast<std::chrono::milliseconds>(total) + 60s);
      }
    });
  }
  std::vector<long> rss;
  long warmRss = -1;
  while (Clock::now() - start < total) {
    std::this_thread::sleep_for(std::chrono::seconds(plan.windowSeconds));
    std::vector<double> w, r, p;
    std::uint64_t events = 0;
    {
      std::lock_guard lock(window.mu);
      std::swap(w, window.writes);
      std::swap(r, window.reads);
      std::swap(p, window.proofs);
      std::swap(events, window.events);
    }
    const double secs = plan.windowSeconds;
    const long kb = rssKb(pid);
    rss.push_back(kb);
    const double minute =
        std::chrono::duration<double, std::ratio<60>>(Clock::now() - start).count();
    if (warmRss < 0 && minute >= plan.warmupMinutes) {
      warmRss = kb;
    }
    std::printf("%6.1f %9.1f %9.1f %9.1f %9.0f %8.2f ms %8.2f ms %8.2f ms %9.1f\n", minute,
                static_cast<double>(w.size()) / secs, static_cast<double>(r.size()) / secs,
                static_cast<double>(p.size()) / secs, static_cast<double>(events) / secs, p99(w),
                p99(r), p99(p), static_cast<double>(kb) / 1024.0);
  }
  stop = true;
  {  // one last event wakes every stream so it sees `stop`
    const crypto::ObjectId id = crypto::ObjectId::random();
    (void)members[1].client->putObject(group, id, 0, encrypted(1, id));
  }
  for (auto& t : pool) {
    t.join();
  }
  if (warmRss <= 0 || rss.empty()) {
    std::printf("soak too short to judge memory\n");
    return 1;
  }
  // The end is the median of the last three windows, so one window's
  // allocator noise neither hides nor invents growth.
  std::vector<long> tail(rss.end() - std::min<std::ptrdiff_t>(3, std::ssize(rss)), rss.end());
  std::sort(tail.begin(), tail.end());
  const long endRss = tail[tail.size() / 2];
  const double growth =
      100.0 * static_cast<double>(endRss - warmRss) / static_cast<double>(warmRss);
  std::printf(
      "server resident memory: %.1f MB after warm-up, %.1f MB at the end: %+.1f %%   "
      "target < 5 %% growth\n",
      static_cast<double>(warmRss) / 1024.0, static_cast<double>(endRss) / 1024.0, growth);
  return growth < 5.0 ? 0 : 2;
}

// One result line, with how steady the host was meanwhile (host_probe.h).
void row(const bench::HostProbe& probe, const char* what, const Stats& s,
         const std::string& target) {
  const auto host = probe.summary(s.from, s.to);
  std::printf(
      "%-44s %10.0f/s  p50 %7.2f ms  p99 %7.2f ms   %s  [host slowed %.1f %% of the time, "
      "%zu stalls, longest %.0f ms]\n",
      what, s.perSecond(), s.pct(0.50), s.pct(0.99), target.c_str(), 100 * host.slowShare,
      host.stalls, host.longestMs);
}

// Open loop: of the calls over `ms`, how many were under way during a host
// stall (their span from due time to answer overlaps one).
std::pair<std::size_t, std::size_t> slowDuringStalls(const bench::HostProbe& probe, const Stats& s,
                                                     double ms) {
  const auto stalls = probe.stalls(s.from, s.to);
  std::size_t slow = 0;
  std::size_t during = 0;
  for (std::size_t i = 0; i < s.latenciesMs.size() && i < s.due.size(); ++i) {
    if (s.latenciesMs[i] <= ms) {
      continue;
    }
    ++slow;
    const auto end = s.due[i] + std::chrono::duration_cast<Clock::duration>(
                                    std::chrono::duration<double, std::milli>(s.latenciesMs[i]));
    for (const auto& st : stalls) {
      if (st.end > s.due[i] && st.begin < end) {
        ++during;
        break;
      }
    }
  }
  return {slow, during};
}

}  // namespace

int main(int argc, char** argv) {
  int seconds = 5;
  int clients = 64;
  int subscribers = 200;
  int soakMinutes = 0;
  int windowSeconds = 60;
  int warmupMinutes = 5;
  int workers = 0;  // 0: the server's own default
  CLI::App cli{"samrad-bench: load on a real samrad-server next to a bare gRPC echo"};
  cli.add_option("--seconds", seconds, "seconds per phase")->check(CLI::Range(1, 600));
  cli.add_option("--clients", clients, "member devices; writers in the write phases")
      ->check(CLI::Range(1, 1024));
  cli.add_option("--subscribers", subscribers, "streams in the fan-out phase")
      ->check(CLI::Range(1, 10000));
  cli.add_option("--workers", workers, "the server's request threads (default: its own)")
      ->check(CLI::Range(1, 1024));
  cli.add_option("--soak-minutes", soakMinutes, "run a soak of this length instead")
      ->check(CLI::Range(0, 10080));
  cli.add_option("--window-seconds", windowSeconds, "soak: report once per window")
      ->check(CLI::Range(1, 3600));
  cli.add_option("--warmup-minutes", warmupMinutes, "soak: minutes before memory is compared")
      ->check(CLI::Range(0, 1440));
  std::string metricsOut;
  cli.add_option("--metrics-out", metricsOut,
                 "after the last phase, write the server's metrics scrape (Prometheus text) here");
  CLI11_PARSE(cli, argc, argv);
  const auto duration = std::chrono::milliseconds(seconds * 1000);
  (void)std::setvbuf(stdout, nullptr, _IOLBF, 0);
  crypto::initSodium();
  testing::TempDir dir;
  const auto pki = testing::makeDevPki(dir.path() / "pki");

  // ---- baseline: a bare gRPC echo-like server over TLS -------------------
  // One callback service that answers a constant (no store, no auth): what
  // gRPC + TLS alone cost on this machine. It stays up: the read phase
  // alternates one-second rounds of echo and reads, so a busy neighbour on a
  // shared machine slows both alike and the ratio holds.
  // Calibrated before any load, then running throughout.
  const bench::HostProbe probe;
  server::rpc::ServerInfoService echoService({std::string(32, '0'), "bench", 1, 1});
  grpc::SslServerCredentialsOptions echoTls;
  echoTls.pem_key_cert_pairs.push_back(
      {testing::readFile(pki.serverKey), testing::readFile(pki.serverCert)});
  grpc::ServerBuilder echoBuilder;
  int echoPort = 0;
  echoBuilder.AddListeningPort("127.0.0.1:0", grpc::SslServerCredentials(echoTls), &echoPort);
  echoBuilder.RegisterService(&echoService);
  auto bare = echoBuilder.BuildAndStart();
  grpc::SslCredentialsOptions caOnly;
  caOnly.pem_root_certs = testing::readFile(pki.caCert);
  std::vector<std::unique_ptr<v1::ServerInfoService::Stub>> echoStubs;
  for (int t = 0; t < std::max(16, clients); ++t) {
    grpc::ChannelArguments args;
    args.SetInt("samrad.channel", t);  // distinct connections
    auto c = grpc::CreateCustomChannel("127.0.0.1:" + std::to_string(echoPort),
                                       grpc::SslCredentials(caOnly), args);
    echoStubs.push_back(v1::ServerInfoService::NewStub(c));
  }
  // One echo call on connection t.
  auto echoOnce = [&](int t) {
    grpc::ClientContext ctx;
    v1::ServerInfo r;
    return echoStubs[static_cast<std::size_t>(t)]->GetServerInfo(&ctx, {}, &r).ok();
  };
  auto echoRound = [&](std::chrono::milliseconds d) {
    return hammer(16, d, [&](int t, int) { return echoOnce(t); });
  };
  // Every connection up, its TLS handshake done (the open-loop rows use all
  // of them; a first call would otherwise time the handshake).
  for (auto& stub : echoStubs) {
    grpc::ClientContext ctx;
    v1::ServerInfo r;
    if (const grpc::Status s = stub->GetServerInfo(&ctx, {}, &r); !s.ok()) {
      (void)std::fprintf(stderr, "bare echo server unreachable: %s\n", s.error_message().c_str());
      return 1;
    }
  }
  (void)echoRound(500ms);

  // ---- the real server as its own process -------------------------------
  const auto portFile = dir.path() / "port";
  const char* override = std::getenv("SAMRAD_BENCH_SERVER");
  const std::string serverBin = override != nullptr ? override : SAMRAD_SERVER_BIN;
  // A free port for the metrics endpoint (taken and given back; the server
  // binds it a moment later).
  int metricsPort = 0;
  if (!metricsOut.empty()) {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (s >= 0 && ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
        ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) == 0) {
      metricsPort = ntohs(a.sin_port);
    }
    if (s >= 0) ::close(s);
  }
  const pid_t pid = fork();
  if (pid == 0) {
    const std::string data = (dir.path() / "var").string();
    const std::string cert = pki.serverCert.string();
    const std::string key = pki.serverKey.string();
    const std::string pf = portFile.string();
    const std::string workersArg = std::to_string(workers);
    const std::string metricsArg = "127.0.0.1:" + std::to_string(metricsPort);
    std::vector<const char*> args = {
        serverBin.c_str(), "--listen",    "127.0.0.1:0", "--data-dir", data.c_str(),
        "--tls-cert",      cert.c_str(),  "--tls-key",   key.c_str(),  "--port-file",
        pf.c_str(),        "--log-level", "error"};
    if (workers > 0) {
      args.push_back("--workers");
      args.push_back(workersArg.c_str());
    }
    if (metricsPort > 0) {
      args.push_back("--metrics-listen");
      args.push_back(metricsArg.c_str());
    }
    args.push_back(nullptr);
    execv(serverBin.c_str(), const_cast<char* const*>(args.data()));
    _exit(127);
  }
  int port = 0;
  for (int i = 0; i < 200 && port == 0; ++i) {
    std::ifstream in(portFile);
    in >> port;
    if (port == 0) {
      std::this_thread::sleep_for(50ms);
    }
  }
  auto cleanup = [&] {
    kill(pid, SIGTERM);
    waitpid(pid, nullptr, 0);
  };
  if (port == 0) {
    (void)std::fprintf(stderr, "samrad-server did not start\n");
    cleanup();
    return 1;
  }
  std::this_thread::sleep_for(300ms);
  const long idleRss = rssKb(pid);
  const std::string target = "127.0.0.1:" + std::to_string(port);
  auto connect = [&] {
    auto ch = client::openChannel({target, pki.caCert, ""});
    return std::make_unique<client::PlatformClient>(*ch);
  };

  // One agency, an administrator, `clients` members in one group.
  const crypto::AgencyId agency = crypto::AgencyId::random();
  const auto root = crypto::SigningKeyPair::generate();
  Member admin;
  admin.userCert = crypto::issueUserCertificate(
      root, {admin.id, agency, crypto::UserRole::Administrator, admin.identity.publicKey(),
             nowSeconds() - 60, nowSeconds() + 36000, 1});
  admin.deviceCert = crypto::issueDeviceCertificate(
      admin.identity, {admin.device, admin.id, admin.signing.publicKey(), admin.box.publicKey(),
                       nowSeconds() - 60, nowSeconds() + 36000});
  const std::string operatorToken =
      crypto::toHex(crypto::asBytes(testing::readFile(dir.path() / "var" / "operator.key")));
  admin.client = connect();
  auto code = admin.client->bootstrapAgency(operatorToken, agency, 2, root.publicKey(),
                                            admin.userCert.serialize());
  if (!code || !admin.client->enrollDevice(*code, admin.deviceCert.serialize()).ok() ||
      !admin.client->login(admin.device, admin.signing).ok()) {
    (void)std::fprintf(stderr, "setup failed\n");
    cleanup();
    return 1;
  }
  std::vector<Member> members(static_cast<std::size_t>(clients));
  for (auto& m : members) {
    m.userCert = crypto::issueUserCertificate(
        root, {m.id, agency, crypto::UserRole::Member, m.identity.publicKey(), nowSeconds() - 60,
               nowSeconds() + 36000, 1});
    m.deviceCert = crypto::issueDeviceCertificate(
        m.identity, {m.device, m.id, m.signing.publicKey(), m.box.publicKey(), nowSeconds() - 60,
                     nowSeconds() + 36000});
    auto c = admin.client->registerUser(m.userCert.serialize());
    auto mc = admin.client->issueEnrollmentCode(m.id);
    m.client = connect();
    if (!c.ok() || !mc.ok() || !m.client->enrollDevice(*mc, m.deviceCert.serialize()).ok() ||
        !m.client->login(m.device, m.signing).ok()) {
      (void)std::fprintf(stderr, "member setup failed\n");
      cleanup();
      return 1;
    }
  }
  crypto::TrustStore roots;
  roots.pin(agency, root.publicKey());
  crypto::MembershipChain chain(roots, {});
  crypto::OpCreate create;
  for (std::size_t i = 0; i < members.size(); ++i) {
    create.members.push_back({members[i].userCert,
                              i == 0 ? crypto::GroupRole::Coordinator : crypto::GroupRole::Member,
                              {members[i].deviceCert}});
  }
  const crypto::GroupId group = crypto::GroupId::random();
  auto genesis = chain.makeLink(group, create, nowSeconds(), members[0].signing, members[0].device);
  if (!genesis || !chain.append(*genesis).ok() ||
      !members[0].client->createGroup(genesis->serialize()).ok()) {
    (void)std::fprintf(stderr, "group setup failed\n");
    cleanup();
    return 1;
  }
  const auto epochKey = crypto::SecretBytes::random(32);
  auto encrypted = [&](std::size_t who, const crypto::ObjectId& id) {
    const crypto::ContentContext ctx{
        "minutes", group, id, 1, chain.state().epoch, members[who].device, chain.state().head};
    const std::string text(2048, 'm');
    return crypto::encryptObject(ctx, crypto::asBytes(text), {epochKey, std::nullopt},
                                 members[who].signing)
        ->serialize();
  };
  const crypto::ObjectId readMe = crypto::ObjectId::random();
  if (!members[0].client->putObject(group, readMe, 0, encrypted(0, readMe)).ok()) {
    (void)std::fprintf(stderr, "object setup failed\n");
    cleanup();
    return 1;
  }

  if (soakMinutes > 0) {
    if (members.size() < 8 || soakMinutes < 2) {
      (void)std::fprintf(stderr, "a soak needs --clients >= 8 and --soak-minutes >= 2\n");
      cleanup();
      return 1;
    }
    const int result = soak({soakMinutes, windowSeconds, std::min(warmupMinutes, soakMinutes - 1),
                             std::min(subscribers, 50)},
                            pid, group, members, encrypted, connect);
    cleanup();
    return result;
  }

  std::printf("\n%d members, %d s per phase, server pid %d\n", clients, seconds, pid);
  // Reads (each one also appends an audit entry to the transparency log),
  // in one-second rounds alternating with the bare echo.
  const int readers = std::min(16, clients);
  Stats reads;
  Stats echo;
  auto merge = [](Stats& into, const Stats& round) {
    into.latenciesMs.insert(into.latenciesMs.end(), round.latenciesMs.begin(),
                            round.latenciesMs.end());
    if (into.seconds == 0) {
      into.from = round.from;
    }
    into.seconds += round.seconds;
    into.to = round.to;
  };
  for (int round = 0; round < std::max(1, seconds); ++round) {
    merge(echo, echoRound(1000ms));
    merge(reads, hammer(readers, 1000ms, [&](int t, int) {
            return members[static_cast<std::size_t>(t)].client->getObject(group, readMe).ok();
          }));
  }
  const double echoPerSecond = echo.perSecond();
  row(probe, "bare gRPC echo over TLS (16 clients)", echo,
      "baseline, rounds alternating with reads");
  row(probe, ("object read (" + std::to_string(readers) + " clients)").c_str(), reads,
      "target >= 50 % of bare");
  row(probe, "  = log appends (one audit entry per read)", reads, "target >= 5000/s");

  // Writes: 64 concurrent writers, each a new object, pre-encrypted, with an
  // idempotency key as the client's outbox sends it. First closed loop (each
  // writer sends its next write when the last is acknowledged: the server's
  // capacity, and a p99 that is mostly the queue), then open loop at fixed
  // offered rates (the latency a writer sees at that load).
  const std::vector<double> offered{500, 1000, 1500, 2000};
  const double offeredSum = std::accumulate(offered.begin(), offered.end(), 0.0);
  std::vector<std::vector<std::pair<crypto::ObjectId, crypto::Bytes>>> batches(members.size());
  std::vector<std::size_t> used(members.size(), 0);
  for (std::size_t w = 0; w < members.size(); ++w) {
    // More than the writers can send (a writer that ran out would stop
    // early, and the rate would then say so).
    const double perWriter = (160 + offeredSum * 1.1 / static_cast<double>(clients)) * seconds;
    for (int i = 0; i < static_cast<int>(perWriter); ++i) {
      const crypto::ObjectId id = crypto::ObjectId::random();
      batches[w].emplace_back(id, encrypted(w, id));
    }
  }
  auto write = [&](int t) {
    const auto w = static_cast<std::size_t>(t);
    if (used[w] >= batches[w].size()) {
      return false;
    }
    const auto& [id, body] = batches[w][used[w]++];
    return members[w].client->putObject(group, id, 0, body, {}, crypto::randomBytes(16)).ok();
  };
  // The bare echo from as many closed-loop callers first: the spread of
  // latencies (p99 against p50) that this many callers see on this machine
  // when the server does almost no work per call.
  const Stats echoClosed = hammer(clients, duration, [&](int t, int) { return echoOnce(t); });
  std::this_thread::sleep_for(500ms);
  const Stats writes = hammer(clients, duration, [&](int t, int) { return write(t); });
  row(probe, ("acknowledged write (" + std::to_string(clients) + " writers, closed loop)").c_str(),
      writes, "target p99 < 20 ms");
  row(probe, ("  bare echo, " + std::to_string(clients) + " clients closed loop").c_str(),
      echoClosed, "baseline, measured just before");
  // Each offered rate first against the bare echo server from as many
  // clients: the tail of a server that does almost no work per call, over
  // the same gRPC and TLS on the same machine at the same load.
  for (const double rate : offered) {
    std::this_thread::sleep_for(500ms);  // the last phase's queue drains
    const Stats base = paced(clients, rate, duration, echoOnce);
    char what[96];
    (void)std::snprintf(what, sizeof what, "  bare echo, %d clients offering %.0f/s", clients,
                        rate);
    row(probe, what, base, "baseline");
    std::this_thread::sleep_for(500ms);
    const Stats at = paced(clients, rate, duration, write);
    (void)std::snprintf(what, sizeof what, "  %d writers offering %.0f/s (open loop)", clients,
                        rate);
    const auto [over, during] = slowDuringStalls(probe, at, 20);
    row(probe, what, at,
        std::string(at.pct(0.99) < 20 ? "p99 < 20 ms" : "p99 >= 20 ms") + "; " +
            std::to_string(during) + " of " + std::to_string(over) +
            " writes over 20 ms overlapped a host stall");
  }
  bare->Shutdown();

  // Fan-out: `subscribers` streams across the member devices; one writer.
  std::atomic<std::uint64_t> startSeq{0};
  std::mutex mu;
  std::map<std::uint64_t, Clock::time_point> sentAt;
  std::vector<double> fanout;
  std::atomic<bool> stop{false};
  std::atomic<int> ready{0};
  std::vector<std::thread> subs;
  const std::uint64_t base = headOf(*members[0].client, group);
  // Log in first, one after another: a device holds one outstanding login
  // challenge at a time, so concurrent logins of one device would race.
  std::vector<std::unique_ptr<client::PlatformClient>> streams;
  for (int s = 0; s < subscribers; ++s) {
    auto c = connect();
    const Member& m = members[static_cast<std::size_t>(s) % members.size()];
    if (!c->login(m.device, m.signing).ok()) {
      (void)std::fprintf(stderr, "subscriber login failed\n");
      cleanup();
      return 1;
    }
    streams.push_back(std::move(c));
  }
  subs.reserve(static_cast<std::size_t>(subscribers));
  for (int s = 0; s < subscribers; ++s) {
    subs.emplace_back([&, s] {
      auto& c = streams[static_cast<std::size_t>(s)];
      ++ready;
      (void)c->subscribe(
          group, base,
          [&](const client::ObjectEvent& e) {
            const auto now = Clock::now();
            std::lock_guard lock(mu);
            auto it = sentAt.find(e.seq);
            if (it != sentAt.end()) {
              fanout.push_back(std::chrono::duration<double, std::milli>(now - it->second).count());
            }
            return !stop.load();
          },
          std::chrono::milliseconds(seconds * 1000 + 20000));
    });
  }
  while (ready.load() < subscribers) {
    std::this_thread::sleep_for(50ms);
  }
  std::this_thread::sleep_for(500ms);
  const long busyRss = rssKb(pid);
  std::uint64_t seq = base;
  const auto fanStart = Clock::now();
  int events = 0;
  while (Clock::now() - fanStart < duration) {
    const crypto::ObjectId id = crypto::ObjectId::random();
    const auto body = encrypted(1, id);
    {
      std::lock_guard lock(mu);
      sentAt[++seq] = Clock::now();
    }
    if (!members[1].client->putObject(group, id, 0, body).ok()) {
      break;
    }
    ++events;
    std::this_thread::sleep_for(20ms);
  }
  std::this_thread::sleep_for(1s);
  stop = true;
  // Wake every stream with one last event so they see `stop`.
  {
    const crypto::ObjectId id = crypto::ObjectId::random();
    (void)members[1].client->putObject(group, id, 0, encrypted(1, id));
  }
  for (auto& th : subs) {
    th.join();
  }
  Stats fan;
  fan.latenciesMs = fanout;
  fan.seconds = std::chrono::duration<double>(Clock::now() - fanStart).count();
  const auto fanHost = probe.summary(fanStart, Clock::now());
  std::printf(
      "%-44s %10d events × %d streams, %zu deliveries  p50 %7.2f ms  p99 %7.2f ms   %s  [host "
      "slowed %.1f %% of the time, %zu stalls, longest %.0f ms]\n",
      "event fan-out", events, subscribers, fanout.size(), fan.pct(0.5), fan.pct(0.99),
      "target p99 < 50 ms", 100 * fanHost.slowShare, fanHost.stalls, fanHost.longestMs);

  std::printf("%-44s %10.1f MB idle, %.1f MB with %d subscribed clients   target < 40 / < 150\n",
              "server resident memory", static_cast<double>(idleRss) / 1024.0,
              static_cast<double>(busyRss) / 1024.0, subscribers);
  std::printf("\nratio against the same run's baseline\n");
  std::printf("  object read / bare gRPC: %.2fx\n", reads.perSecond() / echoPerSecond);
  if (!metricsOut.empty()) {
    httplib::Client http("127.0.0.1", metricsPort);
    auto scrape = http.Get("/metrics");
    if (!scrape || scrape->status != 200) {
      (void)std::fprintf(stderr, "the server's metrics endpoint did not answer\n");
      cleanup();
      return 1;
    }
    std::ofstream(metricsOut) << scrape->body;
    std::printf("\nthe server's metrics after the run: %s (%zu bytes)\n", metricsOut.c_str(),
                scrape->body.size());
  }
  cleanup();
  return 0;
}
