// The one gate a de-identified text passes before it is encrypted and sent —
// a de-identified case's brief, an advice question — used by the desktop
// client and the CLI alike, and by the use cases themselves (CaseBook::refer,
// CaseBook::editBrief, AdviceDesk::ask), so no front-end can skip it.
//
// It passes when every finding of the scanner was either replaced or
// consciously kept by the person, and the re-identification risk of what the
// text still says is not high.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "samrad/common/result.h"
#include "samrad/deid/risk.h"
#include "samrad/deid/scanner.h"

namespace samrad::client {

struct KeptFinding {
  deid::FindingType type = deid::FindingType::Name;
  std::string text;  // as found
  bool operator==(const KeptFinding&) const = default;
};

struct DeidReview {
  // Findings the person looked at and chose to keep: a kept name "Anna"
  // lets that name stay, not an address or number with the same text.
  std::vector<KeptFinding> kept;
  // The person checked every finding listed to them and keeps them all
  // (the CLI's --accept-findings).
  bool keptAll = false;
  // What the text still says about the person, for the risk estimate.
  deid::QuasiIdentifiers quasi;
};

// Refuses with "deid.findings_remain" (listing them) or "deid.risk_high".
Status checkDeidentified(std::string_view text, const DeidReview& review);

}  // namespace samrad::client
