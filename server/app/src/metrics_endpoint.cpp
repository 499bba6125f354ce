#include "samrad/server/app/metrics_endpoint.h"

#include <httplib.h>
#include <sys/socket.h>

#include <chrono>

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
  // GET (and HEAD) only, no request body, one request per connection, short
  // timeouts: nothing a caller sends is kept in memory, and a slow caller
  // holds one of two threads for seconds, not the endpoint for good.
  e->http_->set_payload_max_length(0);
  e->http_->set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.method == "GET" || req.method == "HEAD") {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    res.status = 405;
    res.set_header("Allow", "GET, HEAD");
    return httplib::Server::HandlerResponse::Handled;
  });
  e->http_->set_keep_alive_max_count(1);
  e->http_->set_read_timeout(2, 0);
  e->http_->set_write_timeout(5, 0);
  e->http_->new_task_queue = [] { return new httplib::ThreadPool(2); };
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
  // stop() does nothing to a server whose loop has not begun: wait for it,
  // so a stop right after the start cannot leave the thread running.
  for (int i = 0; i < 2000 && !e->http_->is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (!e->http_->is_running()) {
    e->stop();
    return Error(ErrorCode::Unavailable, "server.metrics_listen_failed",
                 "the metrics endpoint on " + listen + " did not start");
  }
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
