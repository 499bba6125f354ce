#include "samrad/server/app/metrics_endpoint.h"

#include <httplib.h>
#include <sys/socket.h>

namespace samrad::server::app {

Result<std::unique_ptr<MetricsEndpoint>> MetricsEndpoint::start(
    const std::string& listen, std::function<std::string()> render) {
  const auto colon = listen.rfind(':');
  std::string host = listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);  // [::1]:9464
  }
  int port = -1;
  try {
    port = std::stoi(listen.substr(colon + 1));
  } catch (const std::exception&) {
    port = -1;
  }
  if (colon == std::string::npos || host.empty() || port < 0 || port > 65535) {
    return Error(ErrorCode::InvalidArgument, "server.metrics_listen_failed",
                 "the metrics address must be host:port, not " + listen);
  }
  std::unique_ptr<MetricsEndpoint> e(new MetricsEndpoint());
  e->http_ = std::make_unique<httplib::Server>();
  // cpp-httplib sets SO_REUSEPORT by default: a second process on the same
  // port would silently share (and split) the scrapes. One port, one server;
  // SO_REUSEADDR only, for a quick restart.
  e->http_->set_socket_options([](int sock) {
    const int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  e->http_->set_keep_alive_max_count(10);
  e->http_->set_read_timeout(5, 0);
  e->http_->set_write_timeout(5, 0);
  e->http_->new_task_queue = [] { return new httplib::ThreadPool(1); };
  e->http_->Get("/metrics",
                [render = std::move(render)](const httplib::Request&, httplib::Response& res) {
                  res.set_content(render(), "text/plain; version=0.0.4; charset=utf-8");
                });
  e->port_ = port == 0 ? e->http_->bind_to_any_port(host) : port;
  if (e->port_ <= 0 || (port != 0 && !e->http_->bind_to_port(host, port))) {
    return Error(ErrorCode::Unavailable, "server.metrics_listen_failed",
                 "cannot listen for metrics on " + listen + " (address in use or not local?)");
  }
  e->thread_ = std::thread([raw = e->http_.get()] { raw->listen_after_bind(); });
  return e;
}

void MetricsEndpoint::stop() {
  if (http_) {
    http_->stop();
  }
  if (thread_.joinable()) {
    thread_.join();
  }
}

MetricsEndpoint::~MetricsEndpoint() {
  stop();
}

}  // namespace samrad::server::app
