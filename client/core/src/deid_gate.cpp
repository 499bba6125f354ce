#include "samrad/client/deid_gate.h"

#include <algorithm>

#include "samrad/deid/scanner.h"

namespace samrad::client {

Status checkDeidentified(std::string_view text, const DeidReview& review) {
  const deid::Scanner scanner(deid::Lexicon::shared());
  std::string open;
  std::size_t count = 0;
  for (const auto& f : scanner.scan(text)) {
    if (review.keptAll || std::find(review.kept.begin(), review.kept.end(),
                                    KeptFinding{f.type, f.text}) != review.kept.end()) {
      continue;
    }
    if (!open.empty()) open += ", ";
    open += std::string(deid::typeName(f.type)) + " \"" + f.text + "\"";
    ++count;
  }
  if (count > 0) {
    return Error(ErrorCode::InvalidArgument, "deid.findings_remain",
                 "the text still holds what can identify a person (" + open +
                     "): replace each finding or say that you keep it");
  }
  if (deid::assessRisk(review.quasi).level == deid::RiskLevel::High) {
    return Error(ErrorCode::InvalidArgument, "deid.risk_high",
                 "together, the details left in the text point to very few people: make them "
                 "coarser before the text is sent");
  }
  return okStatus();
}

}  // namespace samrad::client
