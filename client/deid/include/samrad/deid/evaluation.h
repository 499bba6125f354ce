// Measuring the scanner on annotated briefs: the format the repository's
// corpora use (tests/unit/deid/briefs) and `samrad-cli deid evaluate`, so an
// agency can measure it on briefs of its own that never leave its computer.
//
// Format: a brief starts with "### <id> [<kind> [<setting>]]"; lines starting
// with "#" otherwise are comments; every span of personal data is marked
// inline as [[CLASS|text]]. Classes: NAME, PLACE, ADDRESS, ID, PHONE, EMAIL,
// PLATE (and the scanner's own type names, which map onto them; DATE spans
// are not measured).
//
// A marked span counts as found when findings of its class cover every letter
// and digit of it (a redaction that leaves "Warsame" readable missed it);
// places and addresses may cover each other. A finding counts as right when
// it overlaps a marked span of its class; "overall" takes any class.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "samrad/common/result.h"
#include "samrad/deid/scanner.h"

namespace samrad::deid {

struct GoldSpan {
  std::string cls;  // NAME, PLACE, …
  std::size_t start = 0;
  std::size_t end = 0;  // code points
  std::string text;
};

struct AnnotatedBrief {
  std::string id;
  std::string kind;
  std::string setting;
  std::string text;  // without the markers
  std::vector<GoldSpan> gold;
};

// Briefs separated by "### " headers; a file without headers is one brief
// per non-empty line (the sentence corpus).
Result<std::vector<AnnotatedBrief>> parseCorpus(std::string_view text);

struct ClassScore {
  std::string cls;
  std::size_t gold = 0;       // marked spans
  std::size_t recalled = 0;   // of them found
  std::size_t predicted = 0;  // findings of the class
  std::size_t correct = 0;    // of them on a marked span
  [[nodiscard]] double precision() const;
  [[nodiscard]] double recall() const;
  [[nodiscard]] double f1() const;
};

struct Miss {
  std::string brief;
  std::string cls;
  std::string text;
};

struct Evaluation {
  std::vector<ClassScore> classes;  // NAME, PLACE, ADDRESS, ID, PHONE, EMAIL, PLATE
  ClassScore overall;
  std::size_t briefs = 0;
  std::size_t words = 0;
  std::vector<Miss> misses;       // marked spans not found
  std::vector<Miss> falseAlarms;  // findings on nothing marked
  [[nodiscard]] const ClassScore& of(std::string_view cls) const;
};

Evaluation evaluate(const Scanner& scanner, const std::vector<AnnotatedBrief>& briefs);

// The per-class table: gold, found, precision, recall, F1.
std::string formatTable(const Evaluation& e);

}  // namespace samrad::deid
