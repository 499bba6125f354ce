// samrad-bench-workflow: the consultation workflow's two speed targets
// (issue: the consultation workflow), on an in-process server over TLS on
// loopback, each beside a baseline measured in the same run:
//
//  * opening a group with 500 cases and 52 meetings from the local cache —
//    replica, case list, meeting list and the agenda order — target < 300 ms;
//    baseline: reading as many rows of the same size from plain SQLite;
//  * syncing that group onto a fresh device — chain validated from genesis,
//    every object fetched, verified, decrypted and stored — target < 5 s;
//    baseline: the same number of bare GetObject round trips, nothing checked.
//
//   samrad-bench-workflow [--cases N] [--meetings M]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "samrad/client/cases.h"
#include "samrad/client/connection.h"
#include "samrad/client/key_store.h"
#include "samrad/client/meetings.h"
#include "samrad/client/stats.h"
#include "samrad/common/log.h"
#include "samrad/crypto/epoch_keys.h"
#include "samrad/crypto/secure.h"
#include "samrad/db/sqlite.h"
#include "samrad/server/app/server_app.h"
#include "samrad/server/storage/key_file.h"
#include "samrad/testing/support.h"

namespace {

using namespace samrad;
using Clock = std::chrono::steady_clock;
constexpr std::int64_t kYear = 365LL * 24 * 3600;

std::int64_t nowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

double msSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

[[noreturn]] void fail(const char* what, const Error& e) {
  std::fprintf(stderr, "%s: %s\n", what, e.describe().c_str());
  std::exit(1);
}

template <typename T>
T need(Result<T> r, const char* what) {
  if (!r) {
    fail(what, r.error());
  }
  return std::move(r).value();
}
void need(const Status& s, const char* what) {
  if (!s) {
    fail(what, s.error());
  }
}

// A brief of about the size a real one has (600 bytes).
std::string briefOf(int i) {
  std::string s = "Avidentifierat underlag " + std::to_string(i) + ": ";
  while (s.size() < 600) {
    s += "hot och våld i nära relation, planerade insatser. ";
  }
  return s.substr(0, 600);
}

}  // namespace

int main(int argc, char** argv) {
  int caseCount = 500;
  int meetingCount = 52;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--cases") == 0) {
      caseCount = std::atoi(argv[i + 1]);
    }
    if (std::strcmp(argv[i], "--meetings") == 0) {
      meetingCount = std::atoi(argv[i + 1]);
    }
  }
  crypto::initSodium();
  log::init(log::Format::Text, log::Level::Error);
  testing::TempDir dir;
  const auto pki = testing::makeDevPki(dir.path() / "pki");
  server::app::ServerConfig config;
  config.listen = "127.0.0.1:0";
  config.dataDir = dir.path() / "var";
  config.tlsCert = pki.serverCert;
  config.tlsKey = pki.serverKey;
  config.logLevel = log::Level::Error;
  auto app = need(server::app::ServerApp::start(config), "server");
  const std::string operatorToken = crypto::toHex(
      need(server::storage::loadOrCreateKeyFile(config.dataDir / "operator.key"), "operator key")
          .view());
  auto connect = [&] {
    auto ch =
        need(client::openChannel({"127.0.0.1:" + std::to_string(app->port()), pki.caCert, ""}),
             "channel");
    return std::make_unique<client::PlatformClient>(ch, std::chrono::seconds(30));
  };

  // One agency; its administrator enrols the coordinator and a colleague
  // whose fresh device will sync the group.
  client::Agency social;
  const std::int64_t now = nowSeconds();
  auto admin = client::DeviceIdentity::issue(social, crypto::UserRole::Administrator, now, kYear);
  auto adminClient = connect();
  const std::string code =
      need(connect()->bootstrapAgency(operatorToken, social.id, 2, social.root.publicKey(),
                                      admin.userCertificate.serialize()),
           "bootstrap");
  need(adminClient->enrollDevice(code, admin.deviceCertificate.serialize()), "admin enrol");
  need(adminClient->login(admin.device, admin.signing), "admin login");
  auto enrol = [&](const client::DeviceIdentity& d) {
    need(adminClient->registerUser(d.userCertificate.serialize()), "register");
    auto c = connect();
    need(c->enrollDevice(need(adminClient->issueEnrollmentCode(d.user), "code"),
                         d.deviceCertificate.serialize()),
         "enrol");
    need(c->login(d.device, d.signing), "login");
    return c;
  };
  auto coord = client::DeviceIdentity::issue(social, crypto::UserRole::Member, now, kYear);
  auto reader = client::DeviceIdentity::issue(social, crypto::UserRole::Member, now, kYear);
  auto coordClient = enrol(coord);
  auto readerClient = enrol(reader);
  crypto::TrustStore roots;
  roots.pin(social.id, social.root.publicKey());
  const auto group = crypto::GroupId::random();
  crypto::MembershipChain chain(roots, {});
  auto genesis =
      need(chain.makeLink(group,
                          crypto::OpCreate{{coord.memberSpec(crypto::GroupRole::Coordinator),
                                            reader.memberSpec(crypto::GroupRole::Member)}},
                          now, coord.signing, coord.device),
           "genesis");
  need(chain.append(genesis), "genesis");
  need(coordClient->createGroup(genesis.serialize()), "create group");
  const auto epochKey = crypto::SecretBytes::random(32);
  need(coordClient->putEpochKeys(
           group, need(crypto::makeEpochKeyBundle(chain, epochKey, nullptr, coord.signing,
                                                  coord.device, {}, chain.state().lastTime),
                       "bundle")
                      .serialize()),
       "epoch keys");

  // The coordinator's device fills the group.
  auto copyOf = [](const client::DeviceIdentity& d) {
    return client::DeviceIdentity{
        d.user,
        need(crypto::SigningKeyPair::fromSeed(d.identity.seed().view()), "copy"),
        d.device,
        need(crypto::SigningKeyPair::fromSeed(d.signing.seed().view()), "copy"),
        need(crypto::BoxKeyPair::fromSecret(d.box.secret().view()), "copy"),
        d.userCertificate,
        d.deviceCertificate};
  };
  const auto passphrase = crypto::asBytes(std::string_view("bänkprov"));
  std::printf("filling a group with %d cases and %d meetings...\n", caseCount, meetingCount);
  {
    auto store = need(client::KeyStore::create(dir.path() / "coord", passphrase, client::kKdfFloor),
                      "key store");
    auto replica =
        need(client::GroupReplica::open(store->database(), copyOf(coord), roots, group), "replica");
    need(replica->refreshChain(*coordClient), "chain");
    client::CaseBook cases(*replica, social.id, coord.user);
    client::MeetingBook meetings(*replica, cases, social.id, coord.user);
    client::FollowUpBook followUps(*replica, cases);
    for (int i = 0; i < caseCount; ++i) {
      char number[32];
      std::snprintf(number, sizeof number, "BNK-2026-%04d", i);
      auto referred =
          need(cases.refer({number,
                            client::CaseKind::Deidentified,
                            i % 7 == 0 ? client::Urgency::Acute : client::Urgency::Planned,
                            i % 3 == 0,
                            briefOf(i),
                            {},
                            now - std::int64_t{caseCount - i} * 3600,
                            {},
                            {}}),
               "refer");
      if (i % 2 == 0) {  // every second case followed up
        client::FollowUp f;
        f.caseId = referred.id;
        f.violenceKinds = client::kPhysical | client::kPsychological;
        f.risk = client::RiskLevel::Moderate;
        f.after = i % 4 == 0 ? client::ViolenceAfter::Stopped : client::ViolenceAfter::Reduced;
        need(followUps.record(f, now), "follow-up");
      }
      if (i % 100 == 99) {
        (void)need(replica->push(*coordClient), "push");
      }
    }
    (void)need(meetings.scheduleWeekly(now + std::int64_t{24} * 3600, 120, "Kommunhuset",
                                       meetingCount, "Sekretess gäller."),
               "schedule");
    auto pushed = need(replica->push(*coordClient), "push");
    if (pushed.waiting != 0 || pushed.conflicts != 0) {
      std::fprintf(stderr, "push left work behind\n");
      return 1;
    }
  }

  // ---- opening the group from the local cache -------------------------------
  auto store = need(client::KeyStore::open(dir.path() / "coord", passphrase), "reopen");
  std::vector<double> opens;
  std::size_t seenCases = 0;
  std::size_t seenMeetings = 0;
  for (int run = 0; run < 7; ++run) {
    const auto t0 = Clock::now();
    auto replica =
        need(client::GroupReplica::open(store->database(), copyOf(coord), roots, group), "open");
    client::CaseBook cases(*replica, social.id, coord.user);
    client::MeetingBook meetings(*replica, cases, social.id, coord.user);
    auto all = cases.cases();
    auto series = meetings.meetings();
    auto order = client::agendaOrder(all, {});
    opens.push_back(msSince(t0));
    seenCases = all.size();
    seenMeetings = series.size();
    (void)order;
  }
  // A year of statistics: everything decrypted from the local cache, then computed.
  std::vector<double> statsRuns;
  int statsCases = 0;
  for (int run = 0; run < 7; ++run) {
    const auto t0 = Clock::now();
    auto replica =
        need(client::GroupReplica::open(store->database(), copyOf(coord), roots, group), "open");
    client::CaseBook cases(*replica, social.id, coord.user);
    client::MeetingBook meetings(*replica, cases, social.id, coord.user);
    client::FollowUpBook followUps(*replica, cases);
    client::StatsInput input{
        cases.cases(), meetings.meetings(), meetings.actions(), {}, followUps.all()};
    const auto st =
        client::computeStatistics(input, now - std::int64_t{365} * 24 * 3600, now + 1, now);
    statsRuns.push_back(msSince(t0));
    statsCases = st.cases;
    if (st.followedUp != caseCount / 2) {
      std::fprintf(stderr, "statistics saw %d follow-ups, not %d\n", st.followedUp, caseCount / 2);
      return 1;
    }
  }

  // Baseline: the same number of rows of the same size from plain SQLite.
  const auto plainPath = dir.path() / "plain.db";
  sqlite3* plain = nullptr;
  sqlite3_open(plainPath.c_str(), &plain);
  sqlite3_exec(plain, "PRAGMA journal_mode=WAL; CREATE TABLE t (id BLOB PRIMARY KEY, body BLOB)",
               nullptr, nullptr, nullptr);
  sqlite3_exec(plain, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt* ins = nullptr;
  sqlite3_prepare_v2(plain, "INSERT INTO t VALUES (?1, ?2)", -1, &ins, nullptr);
  for (int i = 0; i < caseCount + meetingCount; ++i) {
    const auto id = crypto::randomBytes(16);
    const std::string body = briefOf(i);
    sqlite3_bind_blob(ins, 1, id.data(), 16, SQLITE_TRANSIENT);
    sqlite3_bind_blob(ins, 2, body.data(), static_cast<int>(body.size()), SQLITE_TRANSIENT);
    sqlite3_step(ins);
    sqlite3_reset(ins);
  }
  sqlite3_finalize(ins);
  sqlite3_exec(plain, "COMMIT", nullptr, nullptr, nullptr);
  std::vector<double> plainReads;
  for (int run = 0; run < 7; ++run) {
    const auto t0 = Clock::now();
    sqlite3_stmt* sel = nullptr;
    sqlite3_prepare_v2(plain, "SELECT id, body FROM t", -1, &sel, nullptr);
    std::size_t bytes = 0;
    while (sqlite3_step(sel) == SQLITE_ROW) {
      bytes += static_cast<std::size_t>(sqlite3_column_bytes(sel, 1));
    }
    sqlite3_finalize(sel);
    plainReads.push_back(msSince(t0));
    if (bytes == 0) {
      return 1;
    }
  }
  sqlite3_close(plain);

  // ---- a fresh device syncs the group ---------------------------------------
  const std::uint64_t target = [&] {
    auto replica =
        need(client::GroupReplica::open(store->database(), copyOf(coord), roots, group), "open");
    need(replica->pull(*coordClient, std::chrono::milliseconds(100)), "pull");
    return replica->lastEventSeq();
  }();
  auto fresh = need(client::KeyStore::create(dir.path() / "reader", passphrase, client::kKdfFloor),
                    "fresh store");
  const auto s0 = Clock::now();
  auto readerReplica = need(
      client::GroupReplica::open(fresh->database(), copyOf(reader), roots, group), "fresh replica");
  need(readerReplica->refreshChain(*readerClient), "fresh chain");
  while (readerReplica->lastEventSeq() < target) {
    need(readerReplica->pull(*readerClient, std::chrono::milliseconds(20)), "fresh pull");
  }
  const double syncMs = msSince(s0);
  client::CaseBook readerCases(*readerReplica, social.id, reader.user);
  const std::size_t synced = readerCases.cases().size();
  // Baseline: bare GetObject round trips for the same objects.
  std::vector<crypto::ObjectId> ids;
  for (const auto& c : readerCases.cases()) {
    ids.push_back(client::CaseBook::objectOf(c.id));
  }
  client::MeetingBook readerMeetings(*readerReplica, readerCases, social.id, reader.user);
  for (const auto& m : readerMeetings.meetings()) {
    ids.push_back(m.id);
  }
  const auto b0 = Clock::now();
  for (const auto& id : ids) {
    (void)need(readerClient->getObject(group, id), "bare get");
  }
  const double bareMs = msSince(b0);

  const double openMs = median(opens);
  const double plainMs = median(plainReads);
  std::printf("\n%-52s %9.1f ms   (%zu cases, %zu meetings)   target < 300 ms %s\n",
              "open the group from the local cache (median of 7)", openMs, seenCases, seenMeetings,
              openMs < 300 ? "✓" : "✗");
  std::printf("%-52s %9.1f ms\n", "  baseline: as many rows from plain SQLite", plainMs);
  const double statsMs = median(statsRuns);
  std::printf("%-52s %9.1f ms   (%d cases)   target < 200 ms %s\n",
              "a year of statistics from the cache (median of 7)", statsMs, statsCases,
              statsMs < 200 ? "✓" : "✗");
  std::printf("%-52s %9.1f ms   (%zu cases, %zu objects)   target < 5 s %s\n",
              "sync the group onto a fresh device", syncMs, synced, ids.size(),
              syncMs < 5000 ? "✓" : "✗");
  std::printf("%-52s %9.1f ms\n", "  baseline: bare GetObject for each object", bareMs);
  std::printf("\nratio against the same run's baseline\n");
  std::printf("  open from cache / plain SQLite read: %.1fx\n", openMs / plainMs);
  std::printf("  fresh-device sync / bare GetObject:  %.2fx\n", syncMs / bareMs);
  std::printf("  statistics / plain SQLite read:      %.1fx\n", statsMs / plainMs);
  app->shutdown(std::chrono::milliseconds(500));
  return (openMs < 300 && syncMs < 5000 && statsMs < 200) ? 0 : 1;
}
