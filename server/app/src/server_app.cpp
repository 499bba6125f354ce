#include "samrad/server/app/server_app.h"

#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

#include "samrad/common/log.h"
#include "samrad/crypto/login.h"
#include "samrad/crypto/primitives.h"
#include "samrad/server/app/metrics_endpoint.h"
#include "samrad/server/domain/platform.h"
#include "samrad/server/metrics/catalogue.h"
#include "samrad/server/rpc/platform_services.h"
#include "samrad/server/rpc/rpc_metrics.h"
#include "samrad/server/rpc/server_info_service.h"
#include "samrad/server/storage/key_file.h"
#include "samrad/server/storage/server_store.h"
#include "samrad/server/storage/sql_store.h"

namespace samrad::server::app {
namespace {

constexpr const char* kVersion = "0.1.0";

Result<std::string> readTextFile(const std::filesystem::path& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error(ErrorCode::InvalidArgument, "tls.unreadable",
                 std::string("cannot read the TLS ") + what + " " + path.string());
  }
  std::ostringstream s;
  s << in.rdbuf();
  if (s.str().find("-----BEGIN") == std::string::npos) {
    return Error(ErrorCode::InvalidArgument, "tls.not_pem",
                 std::string("the TLS ") + what + " " + path.string() + " is not PEM");
  }
  return s.str();
}

}  // namespace

Result<std::unique_ptr<ServerApp>> ServerApp::start(const ServerConfig& config) {
  SAMRAD_TRY(validate(config));
  SAMRAD_ASSIGN_OR_RETURN(std::string cert, readTextFile(config.tlsCert, "certificate"));
  SAMRAD_ASSIGN_OR_RETURN(std::string key, readTextFile(config.tlsKey, "key"));
  // Logins are bound to the certificate devices see (crypto/login.h).
  SAMRAD_ASSIGN_OR_RETURN(crypto::Hash certDigest, crypto::tlsCertificateDigest(cert));

  std::unique_ptr<ServerApp> app(new ServerApp());
  app->dataDir_ = config.dataDir;
  app->startedAt_ = std::chrono::duration_cast<std::chrono::seconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
  metrics::registerAll();
  SAMRAD_ASSIGN_OR_RETURN(app->store_, storage::ServerStore::open(config.dataDir));
  log::info("store.opened", {{"schema_version", app->store_->schemaVersion()},
                             {"server_id", app->store_->serverIdHex()}});

  grpc::SslServerCredentialsOptions tls;
  tls.pem_key_cert_pairs.push_back({key, cert});
  tls.client_certificate_request = GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE;

  // The operator's token: 32 random bytes in <data>/operator.key (0600),
  // presented hex-encoded by `samrad-cli --operator-key`.
  SAMRAD_ASSIGN_OR_RETURN(crypto::SecretBytes operatorKey,
                          storage::loadOrCreateKeyFile(config.dataDir / "operator.key"));
  const crypto::Hash operatorHash =
      crypto::sha256(crypto::asBytes(crypto::toHex(operatorKey.view())));
  crypto::Bytes serverId;
  if (!crypto::fromHex(app->store_->serverIdHex(), serverId)) {
    return Error(ErrorCode::DataLoss, "store.bad_server_id", "the stored server id is damaged");
  }
  app->sqlStore_ = std::make_unique<storage::SqlStore>(app->store_->database(),
                                                       &app->store_->checkpointConnection());
  app->clock_ = std::make_unique<domain::SystemClock>();
  // The transparency log's signing key: a 32-byte seed in <data>/log.key (0600).
  SAMRAD_ASSIGN_OR_RETURN(crypto::SecretBytes logSeed,
                          storage::loadOrCreateKeyFile(config.dataDir / "log.key"));
  SAMRAD_ASSIGN_OR_RETURN(crypto::SigningKeyPair logKey,
                          crypto::SigningKeyPair::fromSeed(logSeed.view()));
  domain::Limits platformLimits;
  platformLimits.maxSubscriberBacklog =
      static_cast<std::size_t>(config.limits.maxSubscriberBacklog);
  platformLimits.sessionLifetime = config.limits.sessionSeconds;
  platformLimits.login.peerBurst = static_cast<double>(config.limits.loginCallsBurst);
  platformLimits.login.peerPerSecond = static_cast<double>(config.limits.loginCallsPerSecond);
  app->platform_ = std::make_unique<domain::Platform>(
      *app->sqlStore_, *app->clock_, serverId, operatorHash, std::move(logKey),
      "samrad.log/" + app->store_->serverIdHex(), platformLimits);
  // A store from before per-group logs has its one log carried over at the
  // first start; a server that could not do that does not serve.
  if (const Status& opened = app->platform_->logsOpened(); !opened.ok()) return opened.error();
  app->platform_->setTlsCertificate(certDigest);
  app->workers_ = std::make_unique<rpc::Workers>(static_cast<std::size_t>(config.workers));
  app->enrollment_ = std::make_unique<rpc::EnrollmentServiceImpl>(*app->platform_, *app->workers_);
  app->auth_ = std::make_unique<rpc::AuthServiceImpl>(*app->platform_, *app->workers_);
  app->groups_ = std::make_unique<rpc::GroupServiceImpl>(*app->platform_, *app->workers_);
  app->objects_ = std::make_unique<rpc::ObjectServiceImpl>(*app->platform_, *app->workers_);
  app->sync_ = std::make_unique<rpc::SyncServiceImpl>(*app->platform_, *app->workers_);
  app->log_ = std::make_unique<rpc::LogServiceImpl>(*app->platform_, *app->workers_);
  app->consent_ = std::make_unique<rpc::ConsentServiceImpl>(*app->platform_, *app->workers_);
  app->cases_ = std::make_unique<rpc::CaseServiceImpl>(*app->platform_, *app->workers_);
  app->advice_ = std::make_unique<rpc::AdviceServiceImpl>(*app->platform_, *app->workers_);

  app->info_ = std::make_unique<rpc::ServerInfoService>(
      rpc::ServerIdentity{app->store_->serverIdHex(), kVersion,
                          static_cast<std::uint32_t>(app->store_->schemaVersion()),
                          static_cast<std::uint64_t>(config.limits.maxMessageBytes)});

  grpc::EnableDefaultHealthCheckService(true);
  grpc::ServerBuilder builder;
  builder.RegisterService(app->info_.get());
  builder.RegisterService(app->enrollment_.get());
  builder.RegisterService(app->auth_.get());
  builder.RegisterService(app->groups_.get());
  builder.RegisterService(app->objects_.get());
  builder.RegisterService(app->sync_.get());
  builder.RegisterService(app->log_.get());
  builder.RegisterService(app->consent_.get());
  builder.RegisterService(app->cases_.get());
  builder.RegisterService(app->advice_.get());
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> interceptors;
  interceptors.push_back(rpc::makeRpcMetricsFactory());
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  builder.AddListeningPort(config.listen, grpc::SslServerCredentials(tls), &app->port_);
  builder.SetMaxReceiveMessageSize(static_cast<int>(config.limits.maxMessageBytes));
  builder.SetMaxSendMessageSize(static_cast<int>(config.limits.maxMessageBytes));
  // gRPC enables SO_REUSEPORT by default: a second server on the same port
  // would silently share (and split) the traffic. One port, one server.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  builder.AddChannelArgument(GRPC_ARG_MAX_CONCURRENT_STREAMS, config.limits.maxConcurrentStreams);
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS, config.keepaliveSeconds * 1000);
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, config.keepaliveTimeoutSeconds * 1000);
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS,
                             config.minClientPingMs);
  app->server_ = builder.BuildAndStart();
  if (!app->server_ || app->port_ == 0) {
    return Error(ErrorCode::Unavailable, "server.listen_failed",
                 "cannot listen on " + config.listen + " (address in use or not local?)");
  }
  app->server_->GetHealthCheckService()->SetServingStatus(true);

  if (!config.portFile.empty()) {
    std::ofstream pf(config.portFile, std::ios::trunc);
    pf << app->port_ << '\n';
    if (!pf) {
      app->shutdown(std::chrono::milliseconds(0));
      return Error(ErrorCode::Unavailable, "server.port_file",
                   "cannot write the port file " + config.portFile.string());
    }
  }
  log::info("server.listening", {{"address", config.listen}, {"port", app->port_}, {"tls", true}});
  if (!config.metricsListen.empty()) {
    auto endpoint = MetricsEndpoint::start(config.metricsListen,
                                           [raw = app.get()] { return raw->renderMetrics(); });
    if (!endpoint) {
      app->shutdown(std::chrono::milliseconds(0));
      return endpoint.error();
    }
    app->metrics_ = std::move(*endpoint);
    log::info("metrics.listening",
              {{"address", config.metricsListen}, {"port", app->metrics_->port()}});
  }
  app->sweeper_ = std::thread([raw = app.get(), every = std::chrono::seconds(config.sweepSeconds)] {
    raw->sweepLoop(every);
  });
  return app;
}

ServerApp::~ServerApp() {
  shutdown(std::chrono::milliseconds(0));
}

int ServerApp::metricsPort() const {
  return metrics_ ? metrics_->port() : 0;
}

namespace {

// Resident set size of this process, from /proc/self/statm (in pages).
double residentBytes() {
  std::ifstream statm("/proc/self/statm");
  long long sizePages = 0;
  long long residentPages = 0;
  if (!(statm >> sizePages >> residentPages)) return 0;
  return static_cast<double>(residentPages) * static_cast<double>(::sysconf(_SC_PAGESIZE));
}

double fileBytes(const std::filesystem::path& p) {
  std::error_code ec;
  const auto n = std::filesystem::file_size(p, ec);
  return ec ? 0.0 : static_cast<double>(n);
}

}  // namespace

std::string ServerApp::platformGauges() const {
  using metrics::appendGauge;
  std::string out;
  appendGauge(out, "samrad_subscribers", "Live sync subscriptions",
              static_cast<double>(platform_->events().subscriberCount()));
  if (auto s = platform_->operationalStatus()) {
    // The directory log: every device witnesses it, so its witnesses stand
    // for the platform's (each group's log is witnessed by its own devices).
    appendGauge(out, "samrad_log_entries", "Entries in the directory transparency log",
                static_cast<double>(s->logSize));
    appendGauge(out, "samrad_witness_checkpoint_size",
                "Size of the directory log's checkpoint devices are asked to cosign (0: none yet)",
                static_cast<double>(s->witnessSize));
    // With entries but no checkpoint chosen yet, the entries have waited
    // (at least) since this server started.
    const std::int64_t chosenAt =
        s->witnessSize != 0 ? s->witnessChosenAt : (s->logSize > 0 ? startedAt_ : s->now);
    appendGauge(out, "samrad_witness_checkpoint_age_seconds",
                "Seconds since the checkpoint devices are asked to cosign was chosen (with "
                "entries and none chosen: since the server started)",
                static_cast<double>(std::max<std::int64_t>(0, s->now - chosenAt)));
    appendGauge(out, "samrad_witness_checkpoint_cosignatures",
                "Device cosignatures on the checkpoint devices are asked to cosign",
                static_cast<double>(s->cosignatures));
    appendGauge(out, "samrad_witness_checkpoint_cosigning_agencies",
                "Agencies with a device that cosigned that checkpoint",
                static_cast<double>(s->cosigningAgencies));
    appendGauge(out, "samrad_sessions", "Device login sessions that have not expired",
                static_cast<double>(s->sessions));
  }
  return out;
}

std::string ServerApp::renderMetrics() const {
  using metrics::appendGauge;
  std::string out = metrics::global().render();
  appendGauge(out, "samrad_build_info", "The running server's version",
              {{{{"version", kVersion}}, 1.0}});
  appendGauge(out, "process_start_time_seconds", "When the server started (Unix time)",
              static_cast<double>(startedAt_));
  appendGauge(out, "process_resident_memory_bytes", "Resident memory of the server process",
              residentBytes());
  // What needs the platform's lock and the store is read at most every few
  // seconds, however often (or by whom) the endpoint is scraped.
  {
    std::lock_guard lock(scrapeMu_);
    const auto now = std::chrono::steady_clock::now();
    if (platform_ &&
        (platformGauges_.empty() || now - platformGaugesAt_ > std::chrono::seconds(5))) {
      platformGauges_ = platformGauges();
      platformGaugesAt_ = now;
    }
    out += platformGauges_;
  }
  const double db = fileBytes(dataDir_ / "samrad.db");
  const double wal = fileBytes(dataDir_ / "samrad.db-wal");
  appendGauge(out, "samrad_store_bytes", "Size of the encrypted store on disk, by file",
              {{{{"file", "database"}}, db}, {{{"file", "wal"}}, wal}});
  struct statvfs fs {};
  if (::statvfs(dataDir_.c_str(), &fs) == 0) {
    const double unit = static_cast<double>(fs.f_frsize);
    appendGauge(out, "samrad_data_filesystem_size_bytes", "Size of the data folder's filesystem",
                static_cast<double>(fs.f_blocks) * unit);
    appendGauge(out, "samrad_data_filesystem_avail_bytes",
                "Space the server may still use on the data folder's filesystem",
                static_cast<double>(fs.f_bavail) * unit);
  }
  // `samrad-server backup` stamps the data folder when a backup succeeds.
  std::error_code ec;
  const auto stamp = std::filesystem::last_write_time(dataDir_ / "last-backup", ec);
  double backupAt = 0;
  if (!ec) {
    const auto sys = std::chrono::file_clock::to_sys(stamp);
    backupAt = static_cast<double>(
        std::chrono::duration_cast<std::chrono::seconds>(sys.time_since_epoch()).count());
  }
  appendGauge(out, "samrad_backup_last_success_timestamp_seconds",
              "When samrad-server backup last succeeded on this data folder (0: never)", backupAt);
  return out;
}

void ServerApp::sweepLoop(std::chrono::seconds every) {
  for (;;) {
    // First run at once: consents that ran out while the server was down.
    auto ended = platform_->expireConsents();
    if (!ended) {
      log::error("consent.sweep_failed", {{"reason", ended.error().reason()}});
    } else if (*ended > 0) {
      log::info("consent.expired", {{"count", static_cast<long long>(*ended)}});
    }
    auto purged = platform_->applyRetention();
    if (!purged) {
      log::error("retention.sweep_failed", {{"reason", purged.error().reason()}});
    } else if (*purged > 0) {
      log::info("retention.deleted", {{"count", static_cast<long long>(*purged)}});
    }
    std::unique_lock lock(sweepMu_);
    if (sweepWake_.wait_for(lock, every, [this] { return sweepStop_; })) return;
  }
}

void ServerApp::shutdown(std::chrono::milliseconds grace) {
  {
    std::lock_guard lock(sweepMu_);
    sweepStop_ = true;
  }
  sweepWake_.notify_all();
  if (sweeper_.joinable()) sweeper_.join();
  if (stopped_ || !server_) {
    return;
  }
  stopped_ = true;
  log::info("server.stopping", {{"grace_ms", static_cast<long long>(grace.count())}});
  server_->GetHealthCheckService()->SetServingStatus(false);
  server_->Shutdown(std::chrono::system_clock::now() + grace);
  server_->Wait();
  // After gRPC: a scrape in progress must not hold up the calls' grace.
  if (metrics_) metrics_->stop();
  if (sqlStore_) (void)sqlStore_->flush();
  log::info("server.stopped");
}

void ServerApp::wait() {
  if (server_) {
    server_->Wait();
  }
}

}  // namespace samrad::server::app
