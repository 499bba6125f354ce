#include "samrad/deid/risk.h"

#include <cmath>
#include <sstream>

namespace samrad::deid {
namespace {

// Swedish adults span roughly ages 18–90: about 73 one-year age groups.
constexpr double kAdultYears = 73.0;

std::string count(double v) {
  std::ostringstream s;
  s.precision(v < 10 ? 2 : 0);
  s << std::fixed << v;
  return s.str();
}

}  // namespace

const char* levelName(RiskLevel level) {
  switch (level) {
    case RiskLevel::Low:
      return "low";
    case RiskLevel::Elevated:
      return "elevated";
    case RiskLevel::High:
      return "high";
  }
  return "low";
}

RiskAssessment assessRisk(const QuasiIdentifiers& q) {
  RiskAssessment r;
  // Without a named area, the whole country is the crowd to hide in.
  double crowd = q.population > 0 ? static_cast<double>(q.population) : 10'500'000.0;
  if (q.population > 0) {
    r.reasons.push_back("kommunen/orten " + (q.municipality.empty() ? "" : q.municipality + " ") +
                        "har " + std::to_string(q.population) + " invånare");
    if (q.population < 20000 && !q.county.empty()) {
      r.suggestions.push_back({"municipality", q.municipality, q.county});
    }
  }
  crowd *= 0.8;  // adults
  if (q.sex != Sex::Unknown) {
    crowd *= 0.5;
    r.reasons.push_back("kön anges");
  }
  if (q.exactBirthDate) {
    crowd /= kAdultYears * 365.25;
    r.reasons.push_back("exakt födelsedatum anges");
    r.suggestions.push_back({"birth date", "exakt datum", "födelseår eller åldersintervall"});
  } else if (q.exactAge) {
    crowd /= kAdultYears;
    r.reasons.push_back("exakt ålder anges (" + std::to_string(*q.exactAge) + " år)");
    const int lo = (*q.exactAge / 10) * 10;
    r.suggestions.push_back(
        {"age", std::to_string(*q.exactAge), std::to_string(lo) + "–" + std::to_string(lo + 9)});
  } else if (q.ageBand) {
    const double width = std::max(1, q.ageBand->second - q.ageBand->first + 1);
    crowd *= std::min(1.0, width / kAdultYears);
    r.reasons.push_back("åldersintervall " + std::to_string(q.ageBand->first) + "–" +
                        std::to_string(q.ageBand->second));
  }
  if (q.children) {
    // Roughly: no children 55 %, one 18 %, two 18 %, three or more 9 % of adults.
    static constexpr double kShare[] = {0.55, 0.18, 0.18, 0.09};
    crowd *= kShare[std::min(3, std::max(0, *q.children))];
    r.reasons.push_back("antal barn anges (" + std::to_string(*q.children) + ")");
  }
  if (!q.childAges.empty()) {
    // Each exact child age: one of about 18 values.
    crowd /= std::pow(18.0, static_cast<double>(q.childAges.size()));
    r.reasons.push_back("barnens exakta åldrar anges");
    r.suggestions.push_back({"child ages", "exakta åldrar", "förskolebarn / skolbarn / tonåring"});
  }
  if (!q.occupation.empty()) {
    // A named occupation: among a few hundred occupational groups.
    crowd /= 100.0;
    r.reasons.push_back("yrke anges (" + q.occupation + ")");
    r.suggestions.push_back({"occupation", q.occupation, "yrkesområde (t.ex. vård, handel)"});
  }
  if (q.protectedIdentity) {
    // About 1 in 1,000 people has a protected identity in Sweden.
    crowd /= 1000.0;
    r.reasons.push_back("skyddad identitet anges — en mycket ovanlig uppgift");
    r.suggestions.push_back({"protected identity", "skyddad identitet", "utelämna"});
  }
  r.expectedMatches = crowd;
  if (crowd < 5) {
    r.level = RiskLevel::High;
  } else if (crowd < 50) {
    r.level = RiskLevel::Elevated;
  } else {
    r.level = RiskLevel::Low;
  }
  r.reasons.insert(r.reasons.begin(),
                   "uppskattningsvis " + count(crowd) + " personer passar in på alla uppgifter");
  return r;
}

}  // namespace samrad::deid
