// A TCP relay on loopback between clients and a server, to put the network
// between them at fault:
//   partition() — nothing passes either way; connections stay open and new
//                 ones wait in the backlog, as when a link silently drops
//                 packets (TCP retransmits, nobody is told);
//   heal()      — what was held flows again;
//   cut()       — every open connection is closed at once, as a firewall or
//                 a NAT that forgot its state would.
//   silence()   — every open connection goes silent for good, nobody told,
//                 while new connections pass: a NAT or a laptop's new network
//                 that dropped the old path without a reset. The proxy still
//                 notices when the server closes such a connection (its own
//                 keepalive gave up on it), and counts it.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace samrad::testing {

class TcpProxy {
 public:
  // Listens on 127.0.0.1 (a free port) and relays to 127.0.0.1:targetPort.
  static std::unique_ptr<TcpProxy> start(int targetPort);
  ~TcpProxy();
  TcpProxy(const TcpProxy&) = delete;
  TcpProxy& operator=(const TcpProxy&) = delete;

  [[nodiscard]] int port() const { return port_; }
  void partition();
  void heal();
  void cut();
  void silence();
  // Connections accepted since the start (a client that reconnects adds one).
  [[nodiscard]] std::size_t accepted() const { return accepted_.load(); }
  // Silenced connections the server has closed since.
  [[nodiscard]] std::size_t closedByServerAfterSilence() const {
    return closedAfterSilence_.load();
  }

 private:
  TcpProxy(int listener, int port, int targetPort, int wakeRead, int wakeWrite);
  void run();
  void wake() const;

  struct Pipe;  // one client connection and its upstream connection
  int listener_;
  int port_;
  int targetPort_;
  int wakeRead_;
  int wakeWrite_;
  std::atomic<bool> partitioned_{false};
  std::atomic<bool> cutRequested_{false};
  std::atomic<bool> silenceRequested_{false};
  std::atomic<bool> stopping_{false};
  std::atomic<std::size_t> accepted_{0};
  std::atomic<std::size_t> closedAfterSilence_{0};
  std::thread thread_;
};

}  // namespace samrad::testing
