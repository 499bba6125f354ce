#include "samrad/server/metrics/metrics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace samrad::server::metrics {

Histogram::Histogram(std::vector<double> bounds)
    : bounds_(std::move(bounds)),
      buckets_(std::make_unique<std::atomic<std::uint64_t>[]>(bounds_.size() + 1)) {
  std::sort(bounds_.begin(), bounds_.end());
}

void Histogram::observe(double value) {
  const auto at = static_cast<std::size_t>(std::lower_bound(bounds_.begin(), bounds_.end(), value) -
                                           bounds_.begin());
  buckets_[at].fetch_add(1, std::memory_order_relaxed);
  count_.fetch_add(1, std::memory_order_relaxed);
  double sum = sum_.load(std::memory_order_relaxed);
  while (!sum_.compare_exchange_weak(sum, sum + value, std::memory_order_relaxed)) {
  }
}

std::uint64_t Histogram::cumulative(std::size_t i) const {
  std::uint64_t total = 0;
  for (std::size_t b = 0; b <= i && b <= bounds_.size(); ++b) {
    total += buckets_[b].load(std::memory_order_relaxed);
  }
  return total;
}

std::vector<double> latencyBuckets() {
  return {0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
          0.05,    0.1,    0.25,    0.5,    1.0,   2.5,    5.0,   10.0};
}

std::vector<double> powersOfTwo(double max) {
  std::vector<double> out;
  for (std::uint64_t b = 1; static_cast<double>(b) <= max; b *= 2) {
    out.push_back(static_cast<double>(b));
  }
  return out;
}

Registry::Family& Registry::family(const std::string& name, const std::string& help,
                                   bool isHistogram, const std::vector<double>& bounds) {
  auto [it, made] = families_.try_emplace(name);
  if (made) {
    it->second.help = help;
    it->second.isHistogram = isHistogram;
    it->second.bounds = bounds;
  }
  return it->second;
}

Counter& Registry::counter(const std::string& name, const std::string& help, const Labels& labels) {
  std::lock_guard lock(mu_);
  Family& f = family(name, help, false, {});
  auto hit = f.counters.find(labels);
  if (hit != f.counters.end()) {
    return *hit->second;
  }
  const Labels& key = f.counters.size() < kMaxChildren ? labels : Labels{{"other", "1"}};
  auto& slot = f.counters[key];
  if (!slot) {
    slot = std::make_unique<Counter>();
  }
  return *slot;
}

Histogram& Registry::histogram(const std::string& name, const std::string& help,
                               const std::vector<double>& bounds, const Labels& labels) {
  std::lock_guard lock(mu_);
  Family& f = family(name, help, true, bounds);
  auto hit = f.histograms.find(labels);
  if (hit != f.histograms.end()) {
    return *hit->second;
  }
  const Labels& key = f.histograms.size() < kMaxChildren ? labels : Labels{{"other", "1"}};
  auto& slot = f.histograms[key];
  if (!slot) {
    slot = std::make_unique<Histogram>(f.bounds);
  }
  return *slot;
}

std::string escapeLabelValue(const std::string& value) {
  std::string out;
  out.reserve(value.size());
  for (const char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string formatValue(double value) {
  if (std::isnan(value)) {
    return "NaN";
  }
  if (std::isinf(value)) {
    return value > 0 ? "+Inf" : "-Inf";
  }
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<long long>(value));
  }
  char buf[64];
  (void)std::snprintf(buf, sizeof buf, "%.9g", value);
  return buf;
}

namespace {

void appendLabels(std::string& out, const Labels& labels, const std::string& extraName = {},
                  const std::string& extraValue = {}) {
  if (labels.empty() && extraName.empty()) {
    return;
  }
  out += '{';
  bool first = true;
  for (const auto& [k, v] : labels) {
    if (!first) {
      out += ',';
    }
    first = false;
    out += k + "=\"" + escapeLabelValue(v) + '"';
  }
  if (!extraName.empty()) {
    if (!first) {
      out += ',';
    }
    out += extraName + "=\"" + extraValue + '"';
  }
  out += '}';
}

void appendHeader(std::string& out, const std::string& name, const std::string& help,
                  const char* type) {
  out += "# HELP " + name + ' ' + help + '\n';
  out += "# TYPE " + name + ' ' + type + '\n';
}

}  // namespace

void appendGauge(std::string& out, const std::string& name, const std::string& help,
                 const std::vector<std::pair<Labels, double>>& samples) {
  appendHeader(out, name, help, "gauge");
  for (const auto& [labels, value] : samples) {
    out += name;
    appendLabels(out, labels);
    out += ' ' + formatValue(value) + '\n';
  }
}

void appendGauge(std::string& out, const std::string& name, const std::string& help, double value) {
  appendGauge(out, name, help, {{Labels{}, value}});
}

std::string Registry::render() const {
  std::lock_guard lock(mu_);
  std::string out;
  for (const auto& [name, f] : families_) {
    if (!f.isHistogram) {
      appendHeader(out, name, f.help, "counter");
      for (const auto& [labels, c] : f.counters) {
        out += name;
        appendLabels(out, labels);
        out += ' ' + std::to_string(c->value()) + '\n';
      }
      continue;
    }
    appendHeader(out, name, f.help, "histogram");
    for (const auto& [labels, h] : f.histograms) {
      // Buckets only grow, so each cumulative count, read after the one
      // before it, is at least as large even while observations arrive; and
      // _count is the +Inf bucket's, so the two always agree.
      std::uint64_t running = 0;
      const auto& bounds = h->bounds();
      for (std::size_t i = 0; i < bounds.size(); ++i) {
        running = h->cumulative(i);
        out += name + "_bucket";
        appendLabels(out, labels, "le", formatValue(bounds[i]));
        out += ' ' + std::to_string(running) + '\n';
      }
      running = h->cumulative(bounds.size());
      out += name + "_bucket";
      appendLabels(out, labels, "le", "+Inf");
      out += ' ' + std::to_string(running) + '\n';
      out += name + "_sum";
      appendLabels(out, labels);
      out += ' ' + formatValue(h->sum()) + '\n';
      out += name + "_count";
      appendLabels(out, labels);
      out += ' ' + std::to_string(running) + '\n';
    }
  }
  return out;
}

Registry& global() {
  static Registry registry;
  return registry;
}

}  // namespace samrad::server::metrics
