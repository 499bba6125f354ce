// HostProbe: how steady the machine itself was while a benchmark ran.
//
// On a shared virtual machine the host can slow a vCPU down for tens of
// milliseconds at a time, and the guest cannot see it: the thread's own CPU
// clock keeps running, no steal time is reported. Every request in flight
// then takes many times longer, and an open-loop latency tail reflects the
// host as much as the code under test.
//
// The probe runs a fixed piece of arithmetic (about 30 µs) every 2 ms on its
// own thread (about 1.5 % of one core). A unit that takes over three times
// its calibrated wall time while its thread's CPU clock says it ran all along
// was slowed by the host, not preempted by another thread of this machine.
// Slow units less than 20 ms apart form one stall.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

namespace samrad::bench {

class HostProbe {
 public:
  using Clock = std::chrono::steady_clock;

  struct Stall {
    Clock::time_point begin;
    Clock::time_point end;
  };

  struct Summary {
    double slowShare = 0;  // of the window's time spent in stalls, 0..1
    std::size_t stalls = 0;
    double longestMs = 0;
  };

  // Calibrates (about 0.3 s, on an idle machine ideally) and starts probing.
  HostProbe();
  ~HostProbe();
  HostProbe(const HostProbe&) = delete;
  HostProbe& operator=(const HostProbe&) = delete;

  // Stalls that overlap [from, to).
  [[nodiscard]] std::vector<Stall> stalls(Clock::time_point from, Clock::time_point to) const;
  [[nodiscard]] Summary summary(Clock::time_point from, Clock::time_point to) const;
  [[nodiscard]] double unitMicros() const { return baseMicros_; }

 private:
  void run();
  // One unit of work; returns {wall µs, thread CPU µs}.
  std::pair<double, double> unit(Clock::time_point& begin, Clock::time_point& end) const;

  unsigned long iterations_ = 20000;
  double baseMicros_ = 0;
  mutable std::mutex mu_;
  std::vector<Stall> slow_;  // the host-slowed units, in time order
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace samrad::bench
