// The running server: opens the store, listens with TLS, serves the gRPC
// services (health for now), and shuts down gracefully. Tests start it
// in-process on port 0; main.cpp wraps it with signal handling.
#pragma once

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "samrad/common/result.h"
#include "samrad/server/app/config.h"

namespace grpc {
class Server;
}

namespace samrad::server::storage {
class ServerStore;
class SqlStore;
}  // namespace samrad::server::storage
namespace samrad::server::domain {
class Platform;
class SystemClock;
}  // namespace samrad::server::domain
namespace samrad::server::rpc {
class ServerInfoService;
class EnrollmentServiceImpl;
class AuthServiceImpl;
class GroupServiceImpl;
class ObjectServiceImpl;
class SyncServiceImpl;
class LogServiceImpl;
class ConsentServiceImpl;
class CaseServiceImpl;
class AdviceServiceImpl;
class Workers;
}  // namespace samrad::server::rpc

namespace samrad::server::app {

class MetricsEndpoint;

class ServerApp {
 public:
  static Result<std::unique_ptr<ServerApp>> start(const ServerConfig& config);
  ~ServerApp();
  ServerApp(const ServerApp&) = delete;
  ServerApp& operator=(const ServerApp&) = delete;

  [[nodiscard]] int port() const { return port_; }
  // The metrics endpoint's port; 0 when metrics are off.
  [[nodiscard]] int metricsPort() const;
  // Every metric in Prometheus' text format, as GET /metrics answers.
  [[nodiscard]] std::string renderMetrics() const;

  // Stops accepting calls, marks health NOT_SERVING, lets calls in flight
  // finish within `grace`, then cancels the rest. Idempotent.
  void shutdown(std::chrono::milliseconds grace = std::chrono::seconds(5));
  // Blocks until shutdown() has completed.
  void wait();

 private:
  ServerApp() = default;
  std::unique_ptr<storage::ServerStore> store_;
  std::unique_ptr<storage::SqlStore> sqlStore_;
  std::unique_ptr<domain::SystemClock> clock_;
  std::unique_ptr<domain::Platform> platform_;
  std::unique_ptr<rpc::Workers> workers_;  // after platform_: its jobs use it
  std::unique_ptr<rpc::ServerInfoService> info_;
  std::unique_ptr<rpc::EnrollmentServiceImpl> enrollment_;
  std::unique_ptr<rpc::AuthServiceImpl> auth_;
  std::unique_ptr<rpc::GroupServiceImpl> groups_;
  std::unique_ptr<rpc::ObjectServiceImpl> objects_;
  std::unique_ptr<rpc::SyncServiceImpl> sync_;
  std::unique_ptr<rpc::LogServiceImpl> log_;
  std::unique_ptr<rpc::ConsentServiceImpl> consent_;
  std::unique_ptr<rpc::CaseServiceImpl> cases_;
  std::unique_ptr<rpc::AdviceServiceImpl> advice_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<MetricsEndpoint> metrics_;  // after server_: stopped first
  std::filesystem::path dataDir_;
  std::int64_t startedAt_ = 0;
  [[nodiscard]] std::string platformGauges() const;
  mutable std::mutex scrapeMu_;
  mutable std::string platformGauges_;
  mutable std::chrono::steady_clock::time_point platformGaugesAt_;
  // Scheduled work (consent expiry), every sweepSeconds until shutdown.
  void sweepLoop(std::chrono::seconds every);
  std::thread sweeper_;
  std::mutex sweepMu_;
  std::condition_variable sweepWake_;
  bool sweepStop_ = false;
  int port_ = 0;
  bool stopped_ = false;
};

}  // namespace samrad::server::app
