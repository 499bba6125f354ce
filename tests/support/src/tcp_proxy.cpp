#include "samrad/testing/tcp_proxy.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <string>

namespace samrad::testing {
namespace {

void nonBlocking(int fd) {
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

sockaddr_in loopback(int port) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

}  // namespace

// Bytes read from one side wait in `toServer`/`toClient` until the other side
// takes them; a side is read only when its queue is empty, so a slow reader
// slows the writer down as TCP would.
struct TcpProxy::Pipe {
  int client = -1;
  int server = -1;
  std::string toServer, toClient;
  bool closed = false;

  void close() {
    if (client >= 0) ::close(client);
    if (server >= 0) ::close(server);
    client = server = -1;
    closed = true;
  }
};

std::unique_ptr<TcpProxy> TcpProxy::start(int targetPort) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return nullptr;
  sockaddr_in a = loopback(0);
  socklen_t len = sizeof a;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(fd, 64) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
    ::close(fd);
    return nullptr;
  }
  nonBlocking(fd);
  std::array<int, 2> wakePipe{};
  if (::pipe2(wakePipe.data(), O_CLOEXEC | O_NONBLOCK) != 0) {
    ::close(fd);
    return nullptr;
  }
  return std::unique_ptr<TcpProxy>(
      new TcpProxy(fd, ntohs(a.sin_port), targetPort, wakePipe[0], wakePipe[1]));
}

TcpProxy::TcpProxy(int listener, int port, int targetPort, int wakeRead, int wakeWrite)
    : listener_(listener),
      port_(port),
      targetPort_(targetPort),
      wakeRead_(wakeRead),
      wakeWrite_(wakeWrite),
      thread_([this] { run(); }) {}

TcpProxy::~TcpProxy() {
  stopping_ = true;
  wake();
  thread_.join();
  ::close(listener_);
  ::close(wakeRead_);
  ::close(wakeWrite_);
}

void TcpProxy::wake() const {
  const char b = 1;
  (void)!::write(wakeWrite_, &b, 1);
}

void TcpProxy::partition() {
  partitioned_ = true;
  wake();
}

void TcpProxy::heal() {
  partitioned_ = false;
  wake();
}

void TcpProxy::cut() {
  cutRequested_ = true;
  wake();
}

void TcpProxy::silence() {
  silenceRequested_ = true;
  wake();
}

void TcpProxy::run() {
  std::vector<Pipe> pipes;
  // Open but never read or written again: their peers hear nothing.
  std::vector<Pipe> silenced;
  std::array<char, 64 * 1024> buf{};
  // Moves what `from` has into `queue`; false when `from` closed or failed.
  auto readInto = [&](int from, std::string& queue) {
    const ssize_t n = ::read(from, buf.data(), buf.size());
    if (n > 0) {
      queue.append(buf.data(), static_cast<std::size_t>(n));
      return true;
    }
    return n < 0 && (errno == EAGAIN || errno == EINTR);
  };
  auto writeFrom = [](int to, std::string& queue) {
    const ssize_t n = ::write(to, queue.data(), queue.size());
    if (n > 0) {
      queue.erase(0, static_cast<std::size_t>(n));
      return true;
    }
    return n < 0 && (errno == EAGAIN || errno == EINTR);
  };
  while (!stopping_) {
    if (cutRequested_.exchange(false)) {
      for (auto& p : pipes) {
        // An abortive close (RST), as a firewall that drops the state sends.
        const linger hard{1, 0};
        ::setsockopt(p.client, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        p.close();
      }
    }
    if (silenceRequested_.exchange(false)) {
      for (auto& p : pipes) {
        silenced.push_back(std::move(p));
      }
      pipes.clear();
    }
    std::erase_if(pipes, [](const Pipe& p) { return p.closed; });
    const bool held = partitioned_;
    std::vector<pollfd> fds;
    fds.push_back({wakeRead_, POLLIN, 0});
    if (!held) fds.push_back({listener_, POLLIN, 0});
    const std::size_t firstPipe = fds.size();
    for (const auto& p : pipes) {
      if (held) break;
      fds.push_back({p.client,
                     static_cast<short>((p.toServer.empty() ? POLLIN : 0) |
                                        (p.toClient.empty() ? 0 : POLLOUT)),
                     0});
      fds.push_back({p.server,
                     static_cast<short>((p.toClient.empty() ? POLLIN : 0) |
                                        (p.toServer.empty() ? 0 : POLLOUT)),
                     0});
    }
    const std::size_t pipeFds = fds.size() - firstPipe;
    // Silenced connections: only whether the server hangs up (unread bytes
    // stay unread, so the peer still hears nothing).
    const std::size_t firstSilenced = fds.size();
    for (const auto& p : silenced) {
      fds.push_back({p.server, POLLRDHUP, 0});  // a negative fd is skipped by poll
    }
    if (::poll(fds.data(), fds.size(), 1000) < 0 && errno != EINTR) return;
    for (std::size_t i = 0; i < silenced.size(); ++i) {
      if (silenced[i].server >= 0 &&
          (fds[firstSilenced + i].revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0) {
        ::close(silenced[i].server);
        silenced[i].server = -1;
        ++closedAfterSilence_;
      }
    }
    if ((fds[0].revents & POLLIN) != 0) {
      std::array<char, 64> drain{};
      while (::read(wakeRead_, drain.data(), drain.size()) > 0) {
      }
    }
    if (held) continue;
    if ((fds[1].revents & POLLIN) != 0) {
      for (;;) {
        const int c = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (c < 0) break;
        const int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const sockaddr_in target = loopback(targetPort_);
        if (s < 0 || ::connect(s, reinterpret_cast<const sockaddr*>(&target), sizeof target) != 0) {
          if (s >= 0) ::close(s);
          ::close(c);
          continue;
        }
        nonBlocking(s);
        const int one = 1;
        ::setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        ::setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        Pipe p;
        p.client = c;
        p.server = s;
        pipes.push_back(std::move(p));
        ++accepted_;
      }
    }
    // The pipe fds follow `pipes` in order (new pipes were appended after them).
    for (std::size_t i = 0; 2 * i + 1 < pipeFds; ++i) {
      Pipe& p = pipes[i];
      const pollfd& cf = fds[firstPipe + 2 * i];
      const pollfd& sf = fds[firstPipe + 2 * i + 1];
      bool ok = true;
      if ((cf.revents & (POLLIN | POLLHUP | POLLERR)) != 0 && p.toServer.empty()) {
        ok = ok && readInto(p.client, p.toServer) && !(cf.revents & POLLERR);
      }
      if ((sf.revents & (POLLIN | POLLHUP | POLLERR)) != 0 && p.toClient.empty()) {
        ok = ok && readInto(p.server, p.toClient) && !(sf.revents & POLLERR);
      }
      if (ok && !p.toServer.empty()) ok = writeFrom(p.server, p.toServer);
      if (ok && !p.toClient.empty()) ok = writeFrom(p.client, p.toClient);
      if (!ok) p.close();
    }
  }
  for (auto& p : pipes) p.close();
  for (auto& p : silenced) {
    p.close();
  }
}

}  // namespace samrad::testing
