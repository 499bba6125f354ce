// Pseudonymisation (in the manner of HB Deid): instead of "[NAMN]", a
// surrogate that stays the same within one case — "Person A", "Ort 1",
// "Adress 1", "Skola 1", "Arbetsplats 1" — so a reader can still follow who
// did what and where (numbers, e-mail and plates keep their labels), and the
// same person keeps the same pseudonym in the case's later briefs and minutes.
// The book that maps real text to pseudonyms is itself personal data: the
// client keeps it only on the referring agency's device, sealed with the
// case key (client/core PseudonymStore); it is never sent.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "samrad/common/result.h"
#include "samrad/deid/redaction.h"
#include "samrad/deid/scanner.h"

namespace samrad::deid {

class PseudonymBook {
 public:
  // The pseudonym for a finding; assigns the next free one the first time.
  // Names match by their words: after "Hodan Warsame" → "Person A", "Hodan",
  // "Warsame" and "Hodans" (→ "Person A:s") get the same person. Numbers,
  // e-mail, plates, dates and postcodes get "" (redaction's label is used).
  std::string pseudonymFor(const Finding& finding);

  // Proposals whose replacement is the pseudonym (assigning as needed).
  std::vector<Proposal> propose(const std::vector<Finding>& findings);

  [[nodiscard]] std::size_t size() const { return entries_.size(); }
  [[nodiscard]] bool empty() const { return entries_.empty(); }

  // A line-based text form (kept encrypted by the caller).
  [[nodiscard]] std::string serialize() const;
  static Result<PseudonymBook> parse(std::string_view text);

 private:
  std::string assign(const std::string& category);

  std::map<std::string, std::string> entries_;  // "NAME\x1fhodan" → "Person A"
  std::map<std::string, unsigned> counters_;    // category → how many handed out
};

}  // namespace samrad::deid
