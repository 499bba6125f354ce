#pragma once

#include <string_view>

namespace samrad {

// Object kinds that both sides know by name. The kind travels in the clear
// (it is bound into the object's associated data), so the server can hold a
// case's own records to the rule that only the agency that referred the case
// writes them, without reading them.
inline constexpr std::string_view kCaseRecordKind = "case";
inline constexpr std::string_view kConsentRecordKind = "consent";

}  // namespace samrad
