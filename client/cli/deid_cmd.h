// `samrad-cli deid scan` and `samrad-cli deid risk`: the de-identification
// assistant from the command line, human output by default, --json for scripts.
#pragma once

#include <iosfwd>
#include <string>

#include "samrad/deid/risk.h"

namespace samrad::client {

// Scans FILE (or standard input for "-" or empty). Exit code 0 when nothing
// was found, 4 when findings remain, 1 when the input cannot be read.
int runDeidScan(const std::string& file, bool json, std::istream& in, std::ostream& out,
                std::ostream& err);

// Prints the risk level, the estimate, the reasons and what to coarsen. Exit
// code 0 for low, 4 for elevated or high.
int runDeidRisk(const deid::QuasiIdentifiers& q, bool json, std::ostream& out);

}  // namespace samrad::client
