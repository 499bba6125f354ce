// Redaction proposals: for each finding a replacement — a category label or a
// coarser value — that the person accepts or rejects one by one. Nothing is
// changed without a yes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "samrad/deid/scanner.h"

namespace samrad::deid {

struct Proposal {
  Finding finding;
  std::string replacement;  // UTF-8
  std::string explanation;  // why this replacement, in Swedish
};

std::vector<Proposal> propose(const std::vector<Finding>& findings);

// Applies the accepted proposals (accepted[i] for proposals[i]) to `utf8`.
// Proposals must not overlap (the scanner's never do).
std::string applyAccepted(std::string_view utf8, const std::vector<Proposal>& proposals,
                          const std::vector<bool>& accepted);

}  // namespace samrad::deid
