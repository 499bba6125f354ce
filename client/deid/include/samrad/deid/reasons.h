// The scanner's reason codes in the reader's language: one catalogue for the
// CLI and the desktop client. Unknown codes come back as themselves, so a
// newer scanner never shows an empty reason.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace samrad::deid {

enum class Language { Swedish, English };

// "sv…" → Swedish, anything else → English (from LANG, LC_MESSAGES or a
// locale name such as "sv_SE.UTF-8").
Language languageFromLocale(std::string_view localeName);

std::string reasonText(std::string_view code, Language language);

// Every code the scanner can return (tests check each has both sentences).
const std::vector<std::string_view>& reasonCodes();

}  // namespace samrad::deid
