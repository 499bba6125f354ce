// The Prometheus endpoint (#30) of a real server with real clients: after a
// little of a group's work — notes written and read, the log witnessed by
// devices of two agencies, a refused call — a scrape is valid text format
// (promtool check metrics, the Prometheus project's own linter, from
// Debian's prometheus package), names every metric the operator's guide and
// the alert rules rely on, and each has a value that fits what happened.
// It also shows nothing of content or identity: no group, device or object
// id appears in it.
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/codegen/client_unary_call.h>
#include <httplib.h>

#include <cstdlib>
#include <fstream>
#include <regex>

#include "replica_fixture.h"
#include "samrad/client/log_monitor.h"

namespace samrad::platform_testing {
namespace {

class Metrics : public Replica {
 protected:
  void SetUp() override {
    config_.metricsListen = "127.0.0.1:0";
    Replica::SetUp();
  }

  std::string scrape() {
    httplib::Client http("127.0.0.1", server_->metricsPort());
    auto res = http.Get("/metrics");
    EXPECT_TRUE(res) << "no answer from the metrics endpoint";
    if (!res) return {};
    EXPECT_EQ(res->status, 200);
    EXPECT_NE(res->get_header_value("Content-Type").find("text/plain; version=0.0.4"),
              std::string::npos);
    return res->body;
  }

  // The value of the sample `series` (name with its labels, as written), or
  // NaN when the scrape has no such line.
  static double value(const std::string& text, const std::string& series) {
    std::size_t at = 0;
    while ((at = text.find(series + ' ', at)) != std::string::npos) {
      if (at == 0 || text[at - 1] == '\n') {
        return std::strtod(text.c_str() + at + series.size() + 1, nullptr);
      }
      at += series.size();
    }
    return std::nan("");
  }
};

TEST_F(Metrics, AScrapeIsValidNamesEveryMetricAndFitsWhatHappened) {
  auto t = coordinatorAndOfficer();
  ASSERT_NO_FATAL_FAILURE(openReplica("coord", t.coord, *t.coordClient));
  ASSERT_NO_FATAL_FAILURE(openReplica("officer", t.officer, *t.officerClient));
  constexpr int kNotes = 12;
  std::vector<crypto::ObjectId> notes;
  for (int i = 0; i < kNotes; ++i) {
    notes.push_back(crypto::ObjectId::random());
    ASSERT_TRUE(
        replicas_["coord"]->write(notes.back(), "note", crypto::asBytes("MARKER-note")).ok());
  }
  auto pushed = replicas_["coord"]->push(*t.coordClient);
  ASSERT_TRUE(pushed.ok()) << pushed.error().describe();
  ASSERT_EQ(pushed->sent, static_cast<std::size_t>(kNotes));
  ASSERT_TRUE(replicas_["officer"]->pull(*t.officerClient, 300ms).ok());
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(t.officerClient->getObject(group_, notes[static_cast<std::size_t>(i)]).ok());
  }
  // A refused call: an object that does not exist.
  auto missing = t.officerClient->getObject(group_, crypto::ObjectId::random());
  ASSERT_FALSE(missing.ok());
  // Paths the server does not have, chosen by a caller without a login: 600
  // of them, more than the label sets a family may have.
  auto channel =
      client::openChannel({"127.0.0.1:" + std::to_string(server_->port()), pki_.caCert, ""});
  ASSERT_TRUE(channel.ok());
  grpc::Slice empty("");
  const grpc::ByteBuffer request(&empty, 1);
  for (int i = 0; i < 600; ++i) {
    grpc::ClientContext ctx;
    grpc::ByteBuffer response;
    const std::string path = i % 2 == 0
                                 ? "/samrad.v1.ObjectService/CALLERCHOSEN" + std::to_string(i)
                                 : "/samrad.CALLERCHOSEN/" + std::to_string(i);
    const grpc::Status s = grpc::internal::BlockingUnaryCall<grpc::ByteBuffer, grpc::ByteBuffer>(
        channel->get(),
        grpc::internal::RpcMethod(path.c_str(), grpc::internal::RpcMethod::NORMAL_RPC), &ctx,
        request, &response);
    ASSERT_EQ(s.error_code(), grpc::StatusCode::UNIMPLEMENTED);
  }

  // Devices of two agencies witness the log.
  for (const auto& [who, id, c] : {std::tuple{"coord", &t.coord, t.coordClient.get()},
                                   std::tuple{"officer", &t.officer, t.officerClient.get()}}) {
    auto monitor = client::LogMonitor::open(stores_[who]->database(), crypto::LogId::directory());
    ASSERT_TRUE(monitor.ok()) << monitor.error().describe();
    auto witnessed = (*monitor)->refresh(*c, id);
    ASSERT_TRUE(witnessed.ok()) << who << ": " << witnessed.error().describe();
  }

  const std::string text = scrape();
  ASSERT_FALSE(text.empty());

  // Valid exposition format, as Prometheus reads it.
  const auto file = dir_.path() / "scrape.prom";
  std::ofstream(file) << text;
  const std::string check =
      std::string(SAMRAD_PROMTOOL) + " check metrics < " + file.string() + " 2>&1";
  FILE* p = ::popen(check.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string promtoolSaid;
  char buf[512];
  while (std::fgets(buf, sizeof buf, p) != nullptr) promtoolSaid += buf;
  const int rc = ::pclose(p);
  EXPECT_EQ(rc, 0) << "promtool check metrics:\n" << promtoolSaid << "\n--- scrape ---\n" << text;

  // Every metric named in the guide and the alert rules, with sensible values.
  const std::string put = R"(method="/samrad.v1.ObjectService/PutObject",code="OK")";
  EXPECT_GE(value(text, "samrad_rpc_duration_seconds_count{" + put + "}"), kNotes) << text;
  EXPECT_GT(value(text, "samrad_rpc_duration_seconds_sum{" + put + "}"), 0.0);
  EXPECT_EQ(value(text, "samrad_rpc_duration_seconds_bucket{" + put + ",le=\"+Inf\"}"),
            value(text, "samrad_rpc_duration_seconds_count{" + put + "}"));
  EXPECT_GE(
      value(
          text,
          R"(samrad_rpc_duration_seconds_count{method="/samrad.v1.ObjectService/GetObject",code="NOT_FOUND"})"),
      1.0);
  EXPECT_GE(value(text, "samrad_commit_lane_batch_size_count"), 1.0);
  EXPECT_GE(value(text, "samrad_store_fsync_seconds_count"), 1.0);
  EXPECT_GE(value(text, R"(samrad_durable_wait_seconds_count{path="commit_lane"})"), 1.0);
  EXPECT_FALSE(std::isnan(value(text, R"(samrad_durable_wait_seconds_count{path="committer"})")));
  // The directory log: the agencies' roots and their users' and devices'
  // certificates (the notes' reads and writes are in the group's log).
  EXPECT_GE(value(text, "samrad_log_entries"), 6.0);
  EXPECT_GT(value(text, "samrad_witness_checkpoint_size"), 0.0);
  EXPECT_GE(value(text, "samrad_witness_checkpoint_age_seconds"), 0.0);
  EXPECT_LT(value(text, "samrad_witness_checkpoint_age_seconds"), 120.0);
  EXPECT_EQ(value(text, "samrad_witness_checkpoint_cosignatures"), 2.0);
  EXPECT_EQ(value(text, "samrad_witness_checkpoint_cosigning_agencies"), 2.0);
  EXPECT_EQ(value(text, "samrad_subscribers"), 0.0);
  EXPECT_EQ(value(text, "samrad_subscribers_dropped_total"), 0.0);
  // Three administrators, the coordinator and the officer are logged in.
  EXPECT_GE(value(text, "samrad_sessions"), 5.0);
  // The store's pages are in the database file or still in its write-ahead log.
  EXPECT_GE(value(text, R"(samrad_store_bytes{file="database"})"), 4096.0);
  EXPECT_GT(value(text, R"(samrad_store_bytes{file="database"})") +
                value(text, R"(samrad_store_bytes{file="wal"})"),
            64.0 * 1024);
  EXPECT_GT(value(text, "samrad_data_filesystem_avail_bytes"), 0.0);
  EXPECT_GE(value(text, "samrad_data_filesystem_size_bytes"),
            value(text, "samrad_data_filesystem_avail_bytes"));
  EXPECT_EQ(value(text, "samrad_retention_deletions_total"), 0.0);
  EXPECT_EQ(value(text, "samrad_backup_last_success_timestamp_seconds"), 0.0);
  EXPECT_GT(value(text, "process_resident_memory_bytes"), 1e6);
  EXPECT_GT(value(text, "process_start_time_seconds"), 1.7e9);
  EXPECT_EQ(value(text, R"(samrad_build_info{version="0.1.0"})"), 1.0);

  // The unknown paths count as "other", once, and none reaches a label.
  EXPECT_EQ(
      value(text, R"(samrad_rpc_duration_seconds_count{method="other",code="UNIMPLEMENTED"})"),
      600.0);

  // Numbers only: no id of a group, device, user or object, no content, no
  // string a caller chose.
  for (const std::string& secret :
       {group_.hex(), t.coord.device.hex(), t.officer.device.hex(), t.coord.user.hex(),
        notes.front().hex(), std::string("MARKER"), std::string("CALLERCHOSEN")}) {
    EXPECT_EQ(text.find(secret), std::string::npos) << secret;
  }
}

TEST_F(Metrics, TheEndpointAnswersOnlyMetricsAndStopsWithTheServer) {
  const int port = server_->metricsPort();
  ASSERT_GT(port, 0);
  httplib::Client http("127.0.0.1", port);
  auto other = http.Get("/");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 404);
  auto post = http.Post("/metrics", "x", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_NE(post->status, 200);
  server_->shutdown(std::chrono::seconds(1));
  httplib::Client after("127.0.0.1", port);
  after.set_connection_timeout(1, 0);
  EXPECT_FALSE(after.Get("/metrics"));
}

TEST(MetricsConfig, ABadAddressStopsTheStartWithAPreciseReason) {
  testing::TempDir dir;
  auto pki = testing::makeDevPki(dir.path() / "pki");
  server::app::ServerConfig config;
  config.listen = "127.0.0.1:0";
  config.dataDir = dir.path() / "var";
  config.tlsCert = pki.serverCert;
  config.tlsKey = pki.serverKey;
  config.metricsListen = "no-port";
  auto bad = server::app::ServerApp::start(config);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().reason(), "config.invalid");
  // Taken by another (which, like cpp-httplib's default, allows port sharing):
  // the start fails; it does not share the port or serve without its metrics.
  httplib::Server squatter;
  const int taken = squatter.bind_to_any_port("127.0.0.1");
  ASSERT_GT(taken, 0);
  config.metricsListen = "127.0.0.1:" + std::to_string(taken);
  auto busy = server::app::ServerApp::start(config);
  ASSERT_FALSE(busy.ok());
  EXPECT_EQ(busy.error().reason(), "server.metrics_listen_failed");
}

}  // namespace
}  // namespace samrad::platform_testing
