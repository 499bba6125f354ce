// The server's own measurements, in Prometheus' text exposition format
// (version 0.0.4): counters and histograms the code updates where the work
// happens (an RPC's status and latency, a commit-lane batch, an fdatasync),
// read by the metrics endpoint (metrics_server.h) on each scrape. Updating
// one costs a few atomic operations; label sets are looked up under a mutex
// and capped, so a caller cannot grow the registry without bound.
//
// Only numbers and a fixed vocabulary go in: an RPC's method name and status
// code, a path name. Never content, a group, a device or a person.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace samrad::server::metrics {

using Labels = std::vector<std::pair<std::string, std::string>>;

class Counter {
 public:
  void inc(std::uint64_t by = 1) { value_.fetch_add(by, std::memory_order_relaxed); }
  [[nodiscard]] std::uint64_t value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::uint64_t> value_{0};
};

// Cumulative buckets with upper bounds `bounds` (ascending) and +Inf.
class Histogram {
 public:
  explicit Histogram(std::vector<double> bounds);
  void observe(double value);
  [[nodiscard]] std::uint64_t count() const { return count_.load(std::memory_order_relaxed); }
  [[nodiscard]] double sum() const { return sum_.load(std::memory_order_relaxed); }
  // Cumulative count of observations <= bounds()[i].
  [[nodiscard]] std::uint64_t cumulative(std::size_t i) const;
  [[nodiscard]] const std::vector<double>& bounds() const { return bounds_; }

 private:
  std::vector<double> bounds_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> buckets_;  // per bound, not cumulative
  std::atomic<std::uint64_t> count_{0};
  std::atomic<double> sum_{0.0};
};

// Bucket bounds in seconds for latencies from 50 µs to 10 s.
std::vector<double> latencyBuckets();
// Bounds 1, 2, 4, … up to `max`.
std::vector<double> powersOfTwo(double max);

class Registry {
 public:
  // Label sets per family beyond this many go to one labelled other="1",
  // so an unexpected value (an unknown method name) cannot grow memory.
  static constexpr std::size_t kMaxChildren = 512;

  // The counter `name` (ending in _total) with `labels`; made on first use.
  // The returned reference stays valid for the registry's life.
  Counter& counter(const std::string& name, const std::string& help, const Labels& labels = {});
  Histogram& histogram(const std::string& name, const std::string& help,
                       const std::vector<double>& bounds, const Labels& labels = {});

  // Every family in the text format, families and label sets in a stable order.
  [[nodiscard]] std::string render() const;

 private:
  struct Family {
    std::string help;
    bool isHistogram = false;
    std::vector<double> bounds;
    std::map<Labels, std::unique_ptr<Counter>> counters;
    std::map<Labels, std::unique_ptr<Histogram>> histograms;
  };
  Family& family(const std::string& name, const std::string& help, bool isHistogram,
                 const std::vector<double>& bounds);
  mutable std::mutex mu_;
  std::map<std::string, Family> families_;
};

// The process's registry (the server is one process; tests that start several
// servers in one process share it, which only adds their counts).
Registry& global();

// Text-format helpers for values computed at scrape time.
std::string escapeLabelValue(const std::string& value);
std::string formatValue(double value);
// "# HELP", "# TYPE gauge" and one sample line per label set.
void appendGauge(std::string& out, const std::string& name, const std::string& help,
                 const std::vector<std::pair<Labels, double>>& samples);
void appendGauge(std::string& out, const std::string& name, const std::string& help, double value);

}  // namespace samrad::server::metrics
