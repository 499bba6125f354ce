// JSON string literals, escaped once for everything that writes JSON by hand
// (log lines, `samrad-cli deid --json`, the statistics export).
#pragma once

#include <string>
#include <string_view>

namespace samrad {

// Appends `s` as a quoted JSON string: quotes, backslashes and control
// characters escaped; UTF-8 passes through.
void appendJsonString(std::string& out, std::string_view s);
std::string jsonString(std::string_view s);

}  // namespace samrad
