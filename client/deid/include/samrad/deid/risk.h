// Re-identification risk of a de-identified brief: from the quasi-identifiers
// it carries (where, how old, sex, children, occupation), an estimate of how
// many people in the municipality could match, a level, the reasons, and what
// to coarsen. The model is deliberately simple and explained in its reasons:
// each attribute divides the population by how many values it can take.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace samrad::deid {

enum class Sex { Unknown, Female, Male };
enum class RiskLevel { Low, Elevated, High };

struct QuasiIdentifiers {
  std::string municipality;  // as written in the brief, e.g. "Uppvidinge"
  std::string county;        // its county, e.g. "Kronobergs län", for coarsening
  long population = 0;       // of the municipality (or smaller area) named
  std::optional<int> exactAge;
  std::optional<std::pair<int, int>> ageBand;  // inclusive years, e.g. 30–39
  bool exactBirthDate = false;                 // a full date of birth is in the brief
  Sex sex = Sex::Unknown;
  std::optional<int> children;     // how many
  std::vector<int> childAges;      // exact ages given
  std::string occupation;          // as written; empty when not given
  bool protectedIdentity = false;  // skyddad identitet / sekretessmarkering
};

struct Coarsening {
  std::string attribute;  // "age", "municipality", …
  std::string from;
  std::string to;
};

struct RiskAssessment {
  double expectedMatches = 0;  // people in the area who fit every attribute
  RiskLevel level = RiskLevel::Low;
  std::vector<std::string> reasons;
  std::vector<Coarsening> suggestions;
};

RiskAssessment assessRisk(const QuasiIdentifiers& q);
const char* levelName(RiskLevel level);  // "low", "elevated", "high"

}  // namespace samrad::deid
