#include "samrad/deid/evaluation.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <sstream>

#include "text.h"

namespace samrad::deid {
namespace {

constexpr std::array<std::string_view, 7> kClasses = {"NAME",  "PLACE", "ADDRESS", "ID",
                                                      "PHONE", "EMAIL", "PLATE"};

// A marker's class in the measured classes; "" when not measured (DATE).
std::string goldClass(std::string_view marker) {
  for (auto c : kClasses) {
    if (marker == c) return std::string(c);
  }
  if (marker == "PERSONNUMMER" || marker == "SAMORDNINGSNUMMER") return "ID";
  if (marker == "CUE") return "PLACE";
  if (marker == "POSTCODE") return "ADDRESS";
  return "";
}

std::string findingClass(FindingType type) {
  switch (type) {
    case FindingType::Name:
      return "NAME";
    case FindingType::Place:
    case FindingType::Cue:
      return "PLACE";
    case FindingType::Address:
    case FindingType::Postcode:
      return "ADDRESS";
    case FindingType::Personnummer:
    case FindingType::Samordningsnummer:
      return "ID";
    case FindingType::Phone:
      return "PHONE";
    case FindingType::Email:
      return "EMAIL";
    case FindingType::Plate:
      return "PLATE";
    case FindingType::Date:
      return "";
  }
  return "";
}

bool compatible(const std::string& gold, const std::string& found) {
  if (gold == found) return true;
  return (gold == "PLACE" && found == "ADDRESS") || (gold == "ADDRESS" && found == "PLACE");
}

Status parseBrief(std::u32string_view in, AnnotatedBrief& b) {
  std::u32string out;
  std::size_t i = 0;
  while (i < in.size()) {
    if (in.compare(i, 2, U"[[") == 0) {
      const std::size_t bar = in.find(U'|', i);
      const std::size_t close = in.find(U"]]", i);
      if (bar == std::u32string::npos || close == std::u32string::npos || bar > close) {
        return Error(ErrorCode::InvalidArgument, "deid.corpus_marker",
                     "brief " + b.id + ": a [[CLASS|text]] marker is not closed");
      }
      const std::string marker = encodeUtf8(in.substr(i + 2, bar - i - 2));
      if (!parseType(marker) && goldClass(marker).empty()) {
        return Error(ErrorCode::InvalidArgument, "deid.corpus_class",
                     "brief " + b.id + ": unknown class " + marker);
      }
      const std::u32string span(in.substr(bar + 1, close - bar - 1));
      const std::string cls = goldClass(marker);
      if (!cls.empty()) {
        b.gold.push_back({cls, out.size(), out.size() + span.size(), encodeUtf8(span)});
      }
      out += span;
      i = close + 2;
      continue;
    }
    out.push_back(in[i++]);
  }
  b.text = encodeUtf8(out);
  return okStatus();
}

double ratio(std::size_t a, std::size_t b) {
  return b == 0 ? 1.0 : static_cast<double>(a) / static_cast<double>(b);
}

void score(const std::vector<Finding>& findings, const AnnotatedBrief& b, Evaluation& e) {
  const std::u32string text = decodeUtf8(b.text);
  auto classIndex = [&](const std::string& cls) {
    return static_cast<std::size_t>(std::find(kClasses.begin(), kClasses.end(), cls) -
                                    kClasses.begin());
  };
  for (const auto& g : b.gold) {
    ClassScore& c = e.classes[classIndex(g.cls)];
    ++c.gold;
    ++e.overall.gold;
    bool covered = true;
    bool coveredAny = true;
    for (std::size_t p = g.start; p < g.end; ++p) {
      if (!text::isLetter(text[p]) && !text::isDigit(text[p])) continue;
      bool byClass = false;
      bool byAny = false;
      for (const auto& f : findings) {
        if (f.start > p || f.end <= p) continue;
        const std::string fc = findingClass(f.type);
        if (fc.empty()) continue;
        byAny = true;
        byClass = byClass || compatible(g.cls, fc);
      }
      covered = covered && byClass;
      coveredAny = coveredAny && byAny;
    }
    if (covered) ++c.recalled;
    if (coveredAny) ++e.overall.recalled;
    if (!covered) e.misses.push_back({b.id, g.cls, g.text});
  }
  for (const auto& f : findings) {
    const std::string fc = findingClass(f.type);
    if (fc.empty()) continue;
    ClassScore& c = e.classes[classIndex(fc)];
    ++c.predicted;
    ++e.overall.predicted;
    bool right = false;
    bool rightAny = false;
    for (const auto& g : b.gold) {
      if (f.start >= g.end || g.start >= f.end) continue;
      rightAny = true;
      right = right || compatible(g.cls, fc);
    }
    if (right) ++c.correct;
    if (rightAny) ++e.overall.correct;
    if (!rightAny) e.falseAlarms.push_back({b.id, fc, f.text});
  }
}

}  // namespace

double ClassScore::precision() const {
  return ratio(correct, predicted);
}
double ClassScore::recall() const {
  return ratio(recalled, gold);
}
double ClassScore::f1() const {
  const double p = precision();
  const double r = recall();
  return p + r == 0 ? 0 : 2 * p * r / (p + r);
}

const ClassScore& Evaluation::of(std::string_view cls) const {
  for (const auto& c : classes) {
    if (c.cls == cls) return c;
  }
  return overall;
}

Result<std::vector<AnnotatedBrief>> parseCorpus(std::string_view text) {
  std::vector<AnnotatedBrief> out;
  std::istringstream in{std::string(text)};
  std::string line;
  const bool headed = text.find("### ") != std::string_view::npos;
  AnnotatedBrief current;
  std::string body;
  std::size_t lineNo = 0;
  auto flush = [&]() -> Status {
    if (current.id.empty() && body.empty()) return okStatus();
    SAMRAD_TRY(parseBrief(decodeUtf8(body), current));
    out.push_back(std::move(current));
    current = {};
    body.clear();
    return okStatus();
  };
  while (std::getline(in, line)) {
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("### ", 0) == 0) {
      SAMRAD_TRY(flush());
      std::istringstream h(line.substr(4));
      h >> current.id >> current.kind >> current.setting;
      continue;
    }
    if (!line.empty() && line[0] == '#') continue;
    if (!headed) {
      if (line.empty()) continue;
      current.id = "line " + std::to_string(lineNo);
      body = line;
      SAMRAD_TRY(flush());
      continue;
    }
    if (current.id.empty()) {
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      return Error(ErrorCode::InvalidArgument, "deid.corpus_header",
                   "line " + std::to_string(lineNo) + ": text before the first ### header");
    }
    body += line;
    body += '\n';
  }
  SAMRAD_TRY(flush());
  return out;
}

Evaluation evaluate(const Scanner& scanner, const std::vector<AnnotatedBrief>& briefs) {
  Evaluation e;
  for (auto c : kClasses) e.classes.push_back({std::string(c)});
  e.overall.cls = "overall";
  for (const auto& b : briefs) {
    ++e.briefs;
    for (const auto& k : text::tokenize(decodeUtf8(b.text))) e.words += k.number ? 0 : 1;
    score(scanner.scan(b.text), b, e);
  }
  return e;
}

std::string formatTable(const Evaluation& e) {
  std::ostringstream out;
  char line[160];
  std::snprintf(line, sizeof line, "%-8s %6s %6s %6s %9s %7s %6s\n", "class", "marked", "found",
                "flags", "precision", "recall", "F1");
  out << line;
  auto row = [&](const ClassScore& c) {
    std::snprintf(line, sizeof line, "%-8s %6zu %6zu %6zu %9.3f %7.3f %6.3f\n", c.cls.c_str(),
                  c.gold, c.recalled, c.predicted, c.precision(), c.recall(), c.f1());
    out << line;
  };
  for (const auto& c : e.classes) row(c);
  row(e.overall);
  out << e.briefs << " briefs, " << e.words << " words\n";
  return out.str();
}

}  // namespace samrad::deid
