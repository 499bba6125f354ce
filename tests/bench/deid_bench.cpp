// The de-identification scanner measured two ways, on the annotated briefs of
// tests/unit/deid/briefs:
// - quality: per-class precision, recall and F1 on the 200 development briefs
//   and, separately, on the 100 held-out briefs written blind to the scanner
//   (printed before the timings);
// - speed: the scanner on 10,000 words of those briefs (target < 50 ms), next
//   to a baseline that only decodes the text and splits it into words.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "samrad/deid/evaluation.h"
#include "samrad/deid/scanner.h"

namespace {

using namespace samrad::deid;

std::vector<AnnotatedBrief> load(const std::string& name) {
  std::ifstream in(std::string(SAMRAD_DEID_BRIEFS) + "/" + name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  auto parsed = parseCorpus(text.str());
  if (!parsed) {
    std::fprintf(stderr, "%s: %s\n", name.c_str(), parsed.error().describe().c_str());
    return {};
  }
  return *parsed;
}

const std::vector<AnnotatedBrief>& development() {
  static const std::vector<AnnotatedBrief> all = [] {
    auto a = load("dev_a.txt");
    auto b = load("dev_b.txt");
    a.insert(a.end(), b.begin(), b.end());
    return a;
  }();
  return all;
}

const std::vector<AnnotatedBrief>& heldOut() {
  static const std::vector<AnnotatedBrief> all = load("heldout.txt");
  return all;
}

// 10,000 words of real briefs, one after the other.
std::string briefs(std::size_t words) {
  std::string out;
  std::size_t count = 0;
  for (std::size_t round = 0; count < words; ++round) {
    for (const auto* set : {&development(), &heldOut()}) {
      for (const auto& b : *set) {
        out += b.text;
        out += "\n\n";
        count += static_cast<std::size_t>(std::count(b.text.begin(), b.text.end(), ' ')) + 1;
        if (count >= words) return out;
      }
    }
    if (round > 100) break;  // no briefs found
  }
  return out;
}

std::shared_ptr<const Lexicon> lexicon() {
  static auto lex = std::make_shared<const Lexicon>(Lexicon::standard());
  return lex;
}

void Scan(benchmark::State& state) {
  static bool printed = false;
  const Scanner scanner(lexicon());
  if (!printed) {
    printed = true;
    std::printf(
        "De-identification quality (a marked span is found when findings of its class "
        "cover all of it):\n\nDevelopment briefs (the rules were written against "
        "these):\n%s\nHeld-out briefs (written blind, first run after the rules were "
        "frozen):\n%s\n",
        formatTable(evaluate(scanner, development())).c_str(),
        formatTable(evaluate(scanner, heldOut())).c_str());
  }
  const std::string text = briefs(10000);
  for (auto _ : state) benchmark::DoNotOptimize(scanner.scan(text));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(Scan)->Name("deid_10k_words/scanner")->Unit(benchmark::kMillisecond);

void Decode(benchmark::State& state) {
  const std::string text = briefs(10000);
  for (auto _ : state) {
    const auto t = decodeUtf8(text);
    std::size_t words = 0;
    for (std::size_t i = 1; i < t.size(); ++i) words += (t[i] == U' ' && t[i - 1] != U' ') ? 1 : 0;
    benchmark::DoNotOptimize(words);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(Decode)->Name("deid_10k_words/baseline")->Unit(benchmark::kMillisecond);

}  // namespace
