// `samrad-cli deid scan|risk|evaluate`: the de-identification assistant from
// the command line, human output by default, --json for scripts.
#pragma once

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <string>

#include "samrad/common/result.h"
#include "samrad/deid/pseudonyms.h"
#include "samrad/deid/reasons.h"
#include "samrad/deid/risk.h"

namespace samrad::client {

struct DeidScanOptions {
  std::string file;  // "" or "-": standard input
  bool json = false;
  // Replacements are pseudonyms ("Person A", "Ort 1") from `book` (or a book
  // for this text alone) instead of labels ("[NAMN]").
  bool pseudonyms = false;
  // Print the text with every proposal applied instead of the list.
  bool apply = false;
  deid::Language language = deid::Language::Swedish;
};

// The reader's language for the CLI: --lang if given, else LC_ALL,
// LC_MESSAGES or LANG ("sv…" is Swedish), else Swedish.
deid::Language cliLanguage(const std::string& flag);

// Scans the text. Exit code 0 when nothing was found, 4 when findings remain,
// 1 when the input cannot be read. `book` may be null.
int runDeidScan(const DeidScanOptions& options, deid::PseudonymBook* book, std::istream& in,
                std::ostream& out, std::ostream& err);
inline int runDeidScan(const std::string& file, bool json, std::istream& in, std::ostream& out,
                       std::ostream& err) {
  DeidScanOptions o;
  o.file = file;
  o.json = json;
  return runDeidScan(o, nullptr, in, out, err);
}

// The quasi-identifier options of `deid risk`, also taken by `case refer`
// and `advice ask` so the one gate sees the same risk there.
struct QuasiOptions {
  deid::QuasiIdentifiers q;
  int age = -1;
  std::string sex;
  std::string childAges;
  int children = -1;
  // The filled-in identifiers; "deid.child_ages" when --child-ages is not a list of numbers.
  [[nodiscard]] Result<deid::QuasiIdentifiers> resolve() const;
};
// `childrenOption` names the count ("--children" in `deid risk`; `case refer`
// has a --children flag of its own).
void addQuasiOptions(CLI::App* cmd, QuasiOptions& o,
                     const std::string& childrenOption = "--children");

// Prints the risk level, the estimate, the reasons and what to coarsen. Exit
// code 0 for low, 4 for elevated or high.
int runDeidRisk(const deid::QuasiIdentifiers& q, bool json, std::ostream& out);

// Measures the scanner on an annotated file (see samrad/deid/evaluation.h):
// the per-class table, and with `details` every miss and false alarm. Exit
// code 0, or 1 when the file cannot be read or parsed.
int runDeidEvaluate(const std::string& file, bool details, std::ostream& out, std::ostream& err);

}  // namespace samrad::client
