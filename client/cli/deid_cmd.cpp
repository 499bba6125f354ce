#include "deid_cmd.h"

#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <sstream>

#include "samrad/common/json.h"
#include "samrad/deid/redaction.h"
#include "samrad/deid/scanner.h"

namespace samrad::client {
namespace {

constexpr int kExitFindings = 4;

}  // namespace

int runDeidScan(const std::string& file, bool json, std::istream& in, std::ostream& out,
                std::ostream& err) {
  std::string text;
  if (file.empty() || file == "-") {
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } else {
    std::ifstream f(file, std::ios::binary);
    if (!f) {
      err << "Cannot read " << file << ": no such file, or no permission to read it.\n";
      return 1;
    }
    text.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  }
  auto lexicon = std::make_shared<const deid::Lexicon>(deid::Lexicon::standard());
  if (!lexicon->hasWordList()) {
    err << "Note: the Swedish word list (/usr/share/dict/swedish, package wswedish) is missing; "
           "words that are also names may be flagged.\n";
  }
  const deid::Scanner scanner(lexicon);
  const auto findings = scanner.scan(text);
  const auto proposals = deid::propose(findings);
  if (json) {
    out << "[";
    for (std::size_t i = 0; i < findings.size(); ++i) {
      const auto& f = findings[i];
      out << (i == 0 ? "\n  " : ",\n  ") << "{\"type\": " << jsonString(deid::typeName(f.type))
          << ", \"start\": " << f.start << ", \"end\": " << f.end
          << ", \"text\": " << jsonString(f.text) << ", \"score\": " << std::fixed
          << std::setprecision(2) << f.score << ", \"reason\": " << jsonString(f.reason)
          << ", \"replacement\": " << jsonString(proposals[i].replacement) << "}";
    }
    out << (findings.empty() ? "]\n" : "\n]\n");
  } else if (findings.empty()) {
    out << "Inga personuppgifter hittades. / No personal data found.\n";
  } else {
    out << findings.size() << " möjliga personuppgifter / possible personal data:\n";
    for (std::size_t i = 0; i < findings.size(); ++i) {
      const auto& f = findings[i];
      out << "  " << std::left << std::setw(18) << deid::typeName(f.type) << " tecken " << f.start
          << "–" << f.end << "  \"" << f.text << "\"  (" << f.reason << ", "
          << static_cast<int>(f.score * 100) << " %)  → " << proposals[i].replacement << '\n';
    }
  }
  return findings.empty() ? 0 : kExitFindings;
}

int runDeidRisk(const deid::QuasiIdentifiers& q, bool json, std::ostream& out) {
  const auto r = deid::assessRisk(q);
  if (json) {
    out << "{\"level\": " << jsonString(deid::levelName(r.level))
        << ", \"expected_matches\": " << std::setprecision(4) << r.expectedMatches
        << ", \"reasons\": [";
    for (std::size_t i = 0; i < r.reasons.size(); ++i) {
      out << (i == 0 ? "" : ", ") << jsonString(r.reasons[i]);
    }
    out << "], \"suggestions\": [";
    for (std::size_t i = 0; i < r.suggestions.size(); ++i) {
      const auto& s = r.suggestions[i];
      out << (i == 0 ? "" : ", ") << "{\"attribute\": " << jsonString(s.attribute)
          << ", \"from\": " << jsonString(s.from) << ", \"to\": " << jsonString(s.to) << "}";
    }
    out << "]}\n";
  } else {
    static const char* kLevel[] = {"låg / low", "förhöjd / elevated", "hög / high"};
    out << "Risk för återidentifiering: " << kLevel[static_cast<int>(r.level)] << '\n';
    for (const auto& reason : r.reasons) out << "  - " << reason << '\n';
    if (!r.suggestions.empty()) out << "Gör grövre / coarsen:\n";
    for (const auto& s : r.suggestions) out << "  " << s.from << " → " << s.to << '\n';
  }
  return r.level == deid::RiskLevel::Low ? 0 : kExitFindings;
}

}  // namespace samrad::client
