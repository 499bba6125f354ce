// The de-identification scanner on a 10,000-word brief (target < 50 ms), next
// to a baseline that only decodes the text and splits it into words.
#include <benchmark/benchmark.h>

#include <string>

#include "samrad/deid/scanner.h"

namespace {

using namespace samrad::deid;

std::string brief(std::size_t words) {
  static const char* kSentences[] = {
      "Kvinnan, Anna Svensson (850612-1238), bor på Storgatan 12B, 831 34 Östersund. ",
      "Hennes sambo Johan hotade henne den 3 mars 2023 enligt polisanmälan. ",
      "Samrådet beslutade att ärendet ska följas upp vid nästa möte 2025-02-10. ",
      "Hon nås på 070-123 45 67 och har två barn som går på Vasaskolan. ",
      "Stödsamtal erbjuds varannan vecka under hösten och våren framöver. ",
      "Polisen och socialtjänsten gjorde en gemensam riskbedömning enligt Patriark. "};
  std::string out;
  std::size_t count = 0;
  for (std::size_t i = 0; count < words; ++i) {
    const std::string s = kSentences[i % 6];
    out += s;
    for (char c : s) count += c == ' ' ? 1 : 0;
  }
  return out;
}

void Scan(benchmark::State& state) {
  const Scanner scanner(std::make_shared<const Lexicon>(Lexicon::standard()));
  const std::string text = brief(10000);
  for (auto _ : state) benchmark::DoNotOptimize(scanner.scan(text));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(Scan)->Name("deid_10k_words/scanner")->Unit(benchmark::kMillisecond);

void Decode(benchmark::State& state) {
  const std::string text = brief(10000);
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
