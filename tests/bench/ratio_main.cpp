// Shared main for Samråd benchmarks: runs the Google Benchmarks of the binary,
// then prints each of ours as a ratio against the baseline measured in the
// same run. A benchmark named "X/baseline" is the baseline of every "X/..."
// sibling; the ratio is our throughput (items/s) over the baseline's.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace {

struct Row {
  std::string name;
  double itemsPerSecond = 0;
  double realNs = 0;
};

class CollectingReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& r : runs) {
      if (r.run_type != Run::RT_Iteration || r.error_occurred) continue;
      Row row;
      row.name = r.benchmark_name();
      auto it = r.counters.find("items_per_second");
      row.itemsPerSecond = it != r.counters.end() ? static_cast<double>(it->second) : 0.0;
      row.realNs = r.GetAdjustedRealTime();
      rows.push_back(row);
    }
    ConsoleReporter::ReportRuns(runs);
  }
  std::vector<Row> rows;
};

// "Store/Insert/baseline/1000" -> group "Store/Insert", variant "baseline", arg "/1000".
bool split(const std::string& fullName, std::string& group, std::string& variant,
           std::string& arg) {
  std::string name = fullName;
  // "/threads:16" names how a run was driven, not what it measured.
  if (const auto t = name.rfind("/threads:"); t != std::string::npos) name.resize(t);
  for (const char* suffix : {"/real_time", "/process_time"}) {
    const std::string s(suffix);
    if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0) {
      name.resize(name.size() - s.size());
    }
  }
  const auto argPos = name.find_first_of("0123456789", name.rfind('/') + 1) == name.rfind('/') + 1
                          ? name.rfind('/')
                          : std::string::npos;
  const std::string base = argPos == std::string::npos ? name : name.substr(0, argPos);
  arg = argPos == std::string::npos ? "" : name.substr(argPos);
  const auto slash = base.rfind('/');
  if (slash == std::string::npos) return false;
  group = base.substr(0, slash);
  variant = base.substr(slash + 1);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  CollectingReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  std::map<std::string, double> baselines;
  for (const auto& r : reporter.rows) {
    std::string g, v, a;
    if (split(r.name, g, v, a) && v == "baseline") baselines[g + a] = r.itemsPerSecond;
  }
  std::printf("\n%-48s %14s %14s %8s\n", "ratio against the same run's baseline", "items/s",
              "baseline/s", "ratio");
  for (const auto& r : reporter.rows) {
    std::string g, v, a;
    if (!split(r.name, g, v, a) || v == "baseline") continue;
    auto it = baselines.find(g + a);
    if (it == baselines.end() || it->second <= 0) continue;
    std::printf("%-48s %14.0f %14.0f %7.2fx\n", r.name.c_str(), r.itemsPerSecond, it->second,
                r.itemsPerSecond / it->second);
  }
  return 0;
}
