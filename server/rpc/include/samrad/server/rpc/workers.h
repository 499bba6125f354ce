// A fixed pool of threads for request work that may block: the platform's
// lock and SQLite. gRPC's callback API runs handlers on a handful of its own
// polling threads; blocking those would stall every connection. Handlers post
// their work here; the answer leaves once the store reports the change
// durable (SqlStore::whenAllDurable), from the store's committer thread.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace samrad::server::rpc {

class Workers {
 public:
  explicit Workers(std::size_t threads);
  // Runs every job already posted, then joins the threads.
  ~Workers();
  Workers(const Workers&) = delete;
  Workers& operator=(const Workers&) = delete;

  void post(std::function<void()> job);
  [[nodiscard]] std::size_t size() const { return threads_.size(); }

 private:
  void run();

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace samrad::server::rpc
