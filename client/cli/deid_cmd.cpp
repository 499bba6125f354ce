#include "deid_cmd.h"

#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <sstream>

#include "samrad/common/json.h"
#include "samrad/deid/evaluation.h"
#include "samrad/deid/redaction.h"
#include "samrad/deid/scanner.h"

namespace samrad::client {
namespace {

constexpr int kExitFindings = 4;

}  // namespace

namespace {

Result<std::string> readInput(const std::string& file, std::istream& in) {
  std::string text;
  if (file.empty() || file == "-") {
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return text;
  }
  std::ifstream f(file, std::ios::binary);
  if (!f) {
    return Error(ErrorCode::NotFound, "deid.unreadable",
                 "Cannot read " + file + ": no such file, or no permission to read it.");
  }
  text.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  return text;
}

std::shared_ptr<const deid::Lexicon> lexicon(std::ostream& err) {
  auto lex = std::make_shared<const deid::Lexicon>(deid::Lexicon::standard());
  if (!lex->hasWordList()) {
    err << "Note: the Swedish word list (/usr/share/dict/swedish, package wswedish) is missing; "
           "words that are also names may be flagged.\n";
  }
  return lex;
}

}  // namespace

deid::Language cliLanguage(const std::string& flag) {
  if (!flag.empty()) return deid::languageFromLocale(flag);
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v != nullptr && *v != '\0' && std::string_view(v) != "C" &&
        std::string_view(v) != "C.UTF-8" && std::string_view(v) != "POSIX") {
      return deid::languageFromLocale(v);
    }
  }
  return deid::Language::Swedish;
}

int runDeidScan(const DeidScanOptions& options, deid::PseudonymBook* book, std::istream& in,
                std::ostream& out, std::ostream& err) {
  auto input = readInput(options.file, in);
  if (!input) {
    err << input.error().message() << '\n';
    return 1;
  }
  const std::string& text = *input;
  const deid::Scanner scanner(lexicon(err));
  const auto findings = scanner.scan(text);
  deid::PseudonymBook local;
  if (options.pseudonyms && book == nullptr) book = &local;
  const auto proposals = options.pseudonyms ? book->propose(findings) : deid::propose(findings);
  const bool sv = options.language == deid::Language::Swedish;
  if (options.apply) {
    out << deid::applyAccepted(text, proposals, std::vector<bool>(proposals.size(), true));
    return 0;
  }
  if (options.json) {
    out << "[";
    for (std::size_t i = 0; i < findings.size(); ++i) {
      const auto& f = findings[i];
      out << (i == 0 ? "\n  " : ",\n  ") << "{\"type\": " << jsonString(deid::typeName(f.type))
          << ", \"start\": " << f.start << ", \"end\": " << f.end
          << ", \"text\": " << jsonString(f.text) << ", \"score\": " << std::fixed
          << std::setprecision(2) << f.score << ", \"reason\": " << jsonString(f.reason)
          << ", \"explanation\": " << jsonString(deid::reasonText(f.reason, options.language))
          << ", \"replacement\": " << jsonString(proposals[i].replacement) << "}";
    }
    out << (findings.empty() ? "]\n" : "\n]\n");
  } else if (findings.empty()) {
    out << (sv ? "Inga personuppgifter hittades.\n" : "No personal data found.\n");
  } else {
    out << findings.size() << (sv ? " möjliga personuppgifter:\n" : " possible personal data:\n");
    for (std::size_t i = 0; i < findings.size(); ++i) {
      const auto& f = findings[i];
      out << "  " << std::left << std::setw(18) << deid::typeName(f.type)
          << (sv ? " tecken " : " characters ") << f.start << "–" << f.end << "  \"" << f.text
          << "\"  (" << deid::reasonText(f.reason, options.language) << ", "
          << static_cast<int>(f.score * 100) << " %)  → " << proposals[i].replacement << '\n';
    }
  }
  return findings.empty() ? 0 : kExitFindings;
}

int runDeidEvaluate(const std::string& file, bool details, std::ostream& out, std::ostream& err) {
  std::istringstream none;
  auto input = readInput(file, none);
  if (!input) {
    err << input.error().message() << '\n';
    return 1;
  }
  auto briefs = deid::parseCorpus(*input);
  if (!briefs) {
    err << file << ": " << briefs.error().message() << '\n';
    return 1;
  }
  const deid::Scanner scanner(lexicon(err));
  const auto e = deid::evaluate(scanner, *briefs);
  out << deid::formatTable(e);
  if (details) {
    for (const auto& m : e.misses)
      out << "missed " << m.brief << ' ' << m.cls << " \"" << m.text << "\"\n";
    for (const auto& m : e.falseAlarms) {
      out << "false alarm " << m.brief << ' ' << m.cls << " \"" << m.text << "\"\n";
    }
  }
  return 0;
}

void addQuasiOptions(CLI::App* cmd, QuasiOptions& o, const std::string& childrenOption) {
  cmd->add_option("--municipality", o.q.municipality, "municipality or place named in the text");
  cmd->add_option("--county", o.q.county, "its county, proposed as the coarser place");
  cmd->add_option("--population", o.q.population, "inhabitants of that place")
      ->check(CLI::Range(1L, 20'000'000L));
  cmd->add_option("--age", o.age, "exact age given in the text")->check(CLI::Range(0, 120));
  cmd->add_flag("--birth-date", o.q.exactBirthDate, "a full date of birth is given");
  cmd->add_option("--sex", o.sex, "F or M, if the text says")->check(CLI::IsMember({"F", "M"}));
  cmd->add_option(childrenOption, o.children, "number of children mentioned")
      ->check(CLI::Range(0, 20));
  cmd->add_option("--child-ages", o.childAges, "exact ages of the children, e.g. 3,7");
  cmd->add_option("--occupation", o.q.occupation, "occupation as written in the text");
  cmd->add_flag("--protected", o.q.protectedIdentity, "the text mentions a protected identity");
}

Result<deid::QuasiIdentifiers> QuasiOptions::resolve() const {
  deid::QuasiIdentifiers out = q;
  if (age >= 0) out.exactAge = age;
  if (!sex.empty()) out.sex = sex == "F" ? deid::Sex::Female : deid::Sex::Male;
  if (children >= 0) out.children = children;
  std::istringstream ages(childAges);
  std::string part;
  while (std::getline(ages, part, ',')) {
    try {
      out.childAges.push_back(std::stoi(part));
    } catch (const std::exception&) {
      return Error(ErrorCode::InvalidArgument, "deid.child_ages",
                   "--child-ages takes whole numbers separated by commas, e.g. 3,7");
    }
  }
  return out;
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
