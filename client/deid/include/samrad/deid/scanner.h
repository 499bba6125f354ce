// The de-identification assistant's scanner: finds personal data in Swedish
// (and English) text on the client, before anything is encrypted and sent.
// Spans count Unicode code points, so an editor can highlight them as they are.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "samrad/common/result.h"

namespace samrad::deid {

enum class FindingType {
  Personnummer,
  Samordningsnummer,
  Name,
  Address,
  Postcode,
  Phone,
  Email,
  Plate,
  Date,
  Cue,  // a free-text identifying cue: workplace, school, a named place
};

// "PERSONNUMMER", "NAME", … as in the CLI's JSON; parse is the inverse.
std::string_view typeName(FindingType type);
std::optional<FindingType> parseType(std::string_view name);

struct Finding {
  FindingType type = FindingType::Name;
  std::size_t start = 0;  // code points, half-open [start, end)
  std::size_t end = 0;
  std::string text;  // UTF-8
  double score = 0;  // 0..1: how sure the scanner is
  std::string reason;
};

// The words the scanner knows: names from the lists kept in the repository,
// and ordinary Swedish words (Debian's wswedish list) so that a word that is
// also a name ("björn", "rosa", "vilja") is not taken for one without cause.
class Lexicon {
 public:
  // The built-in name lists, plus the word list at `wordList` if it exists
  // (ISO-8859-1, one word per line, as /usr/share/dict/swedish is).
  static Lexicon standard(const std::filesystem::path& wordList = "/usr/share/dict/swedish");
  // Just the given lists (tests).
  static Lexicon fromLists(const std::vector<std::string>& givenNames,
                           const std::vector<std::string>& surnames,
                           const std::vector<std::string>& words);

  [[nodiscard]] bool isGivenName(std::u32string_view lower) const;
  [[nodiscard]] bool isSurname(std::u32string_view lower) const;
  [[nodiscard]] bool isWord(std::u32string_view lower) const;
  [[nodiscard]] bool hasWordList() const { return !words_.empty(); }

 private:
  std::unordered_set<std::u32string> given_;
  std::unordered_set<std::u32string> surnames_;
  std::unordered_set<std::u32string> words_;
};

class Scanner {
 public:
  explicit Scanner(std::shared_ptr<const Lexicon> lexicon);
  // Any bytes are accepted: invalid UTF-8 reads as U+FFFD and counts as one
  // code point per bad byte. Findings are sorted by start and never overlap.
  [[nodiscard]] std::vector<Finding> scan(std::string_view utf8) const;

 private:
  std::shared_ptr<const Lexicon> lexicon_;
};

// UTF-8 <-> code points, shared with the redaction helpers.
std::u32string decodeUtf8(std::string_view utf8);
std::string encodeUtf8(std::u32string_view text);

}  // namespace samrad::deid
