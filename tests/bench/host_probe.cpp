#include "host_probe.h"

#include <algorithm>
#include <ctime>

namespace samrad::bench {
namespace {

constexpr double kSlowFactor = 3.0;   // a unit this many times its base is slow
constexpr double kOwnCpuShare = 0.8;  // ... and ran on its CPU this much of the time
constexpr auto kJoin = std::chrono::milliseconds(20);  // slow units this close: one stall
constexpr auto kGap = std::chrono::milliseconds(2);

double threadCpuMicros() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

}  // namespace

HostProbe::HostProbe() {
  // Calibrate: aim for about 30 µs a unit, then take the median of 100.
  Clock::time_point a;
  Clock::time_point b;
  const double first = unit(a, b).first;
  if (first > 0) {
    iterations_ = std::max<unsigned long>(
        1000, static_cast<unsigned long>(static_cast<double>(iterations_) * 30.0 / first));
  }
  std::vector<double> walls;
  for (int i = 0; i < 100; ++i) {
    walls.push_back(unit(a, b).first);
    std::this_thread::sleep_for(kGap);
  }
  std::nth_element(walls.begin(), walls.begin() + 50, walls.end());
  baseMicros_ = walls[50];
  thread_ = std::thread([this] { run(); });
}

HostProbe::~HostProbe() {
  stop_ = true;
  thread_.join();
}

std::pair<double, double> HostProbe::unit(Clock::time_point& begin, Clock::time_point& end) const {
  volatile unsigned long x = 1;
  const double cpu0 = threadCpuMicros();
  begin = Clock::now();
  for (unsigned long i = 0; i < iterations_; ++i) {
    x = x * 6364136223846793005UL + 1442695040888963407UL;
  }
  end = Clock::now();
  const double cpu = threadCpuMicros() - cpu0;
  return {std::chrono::duration<double, std::micro>(end - begin).count(), cpu};
}

void HostProbe::run() {
  while (!stop_.load(std::memory_order_relaxed)) {
    Clock::time_point a;
    Clock::time_point b;
    const auto [wall, cpu] = unit(a, b);
    if (wall > kSlowFactor * baseMicros_ && cpu >= kOwnCpuShare * wall) {
      std::lock_guard lock(mu_);
      slow_.push_back({a, b});
    }
    std::this_thread::sleep_for(kGap);
  }
}

std::vector<HostProbe::Stall> HostProbe::stalls(Clock::time_point from,
                                                Clock::time_point to) const {
  std::vector<Stall> all;
  {
    std::lock_guard lock(mu_);
    for (const Stall& u : slow_) {
      if (!all.empty() && u.begin - all.back().end < kJoin) {
        all.back().end = u.end;
      } else {
        all.push_back({u.begin, u.end});
      }
    }
  }
  std::vector<Stall> out;
  for (const Stall& s : all) {
    if (s.end > from && s.begin < to) {
      out.push_back(s);
    }
  }
  return out;
}

HostProbe::Summary HostProbe::summary(Clock::time_point from, Clock::time_point to) const {
  Summary sum;
  const auto window = std::chrono::duration<double>(to - from).count();
  if (window <= 0) {
    return sum;
  }
  double slow = 0;
  for (const Stall& s : stalls(from, to)) {
    const auto b = std::max(s.begin, from);
    const auto e = std::min(s.end, to);
    const double ms = std::chrono::duration<double, std::milli>(s.end - s.begin).count();
    slow += std::chrono::duration<double>(e - b).count();
    sum.longestMs = std::max(sum.longestMs, ms);
    ++sum.stalls;
  }
  sum.slowShare = slow / window;
  return sum;
}

}  // namespace samrad::bench
