// The Prometheus endpoint: plain HTTP on its own address (loopback in the
// packaged configuration), GET /metrics answers the text format, anything
// else 404. One thread of its own; a scrape never waits on a request thread.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "samrad/common/result.h"

namespace httplib {
class Server;
}

namespace samrad::server::app {

class MetricsEndpoint {
 public:
  // Listens on `listen` (host:port; port 0 picks one). Reason:
  // server.metrics_listen_failed.
  static Result<std::unique_ptr<MetricsEndpoint>> start(const std::string& listen,
                                                        std::function<std::string()> render);
  ~MetricsEndpoint();
  MetricsEndpoint(const MetricsEndpoint&) = delete;
  MetricsEndpoint& operator=(const MetricsEndpoint&) = delete;

  [[nodiscard]] int port() const { return port_; }
  void stop();

 private:
  MetricsEndpoint() = default;
  std::unique_ptr<httplib::Server> http_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace samrad::server::app
