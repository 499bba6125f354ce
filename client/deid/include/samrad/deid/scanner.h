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
  Cue,    // a named school, preschool, care home, shop or workplace
  Place,  // a municipality, town, village or district
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
  // Why, as a code ("name.after_cue", "place.listed", …); reasonText() in
  // reasons.h says it in the reader's language.
  std::string reason;
};

// The words the scanner knows: names and places from the lists kept in the
// repository (client/deid/data, each with its source and licence), and
// ordinary Swedish words (Debian's wswedish list) so that a word that is also
// a name ("björn", "rosa", "vilja") or a place ("vara", "ed") is not taken
// for one without cause.
class Lexicon {
 public:
  // The built-in lists, plus the word list at `wordList` if it exists
  // (ISO-8859-1, one word per line, as /usr/share/dict/swedish is).
  static Lexicon standard(const std::filesystem::path& wordList = "/usr/share/dict/swedish");
  // standard(), loaded once per process and shared.
  static std::shared_ptr<const Lexicon> shared();
  // Just the given lists (tests). Places may have several words
  // ("Upplands Väsby").
  static Lexicon fromLists(const std::vector<std::string>& givenNames,
                           const std::vector<std::string>& surnames,
                           const std::vector<std::string>& words,
                           const std::vector<std::string>& places = {},
                           const std::vector<std::string>& nicknames = {});

  [[nodiscard]] bool isGivenName(std::u32string_view lower) const;
  [[nodiscard]] bool isSurname(std::u32string_view lower) const;
  [[nodiscard]] bool isNickname(std::u32string_view lower) const;
  [[nodiscard]] bool isWord(std::u32string_view lower) const;
  // `lower` is one place name, its words joined by single spaces.
  [[nodiscard]] bool isPlace(std::u32string_view lower) const;
  // A place name that is also a common word or name: needs context.
  [[nodiscard]] bool isAmbiguousPlace(std::u32string_view lower) const;
  [[nodiscard]] std::size_t longestPlaceWords() const { return placeWords_; }
  [[nodiscard]] bool hasWordList() const { return !words_.empty(); }
  [[nodiscard]] std::size_t nameCount() const { return given_.size() + surnames_.size(); }
  [[nodiscard]] std::size_t placeCount() const { return places_.size(); }

 private:
  void addPlace(std::string_view name);

  std::unordered_set<std::u32string> given_;
  std::unordered_set<std::u32string> surnames_;
  std::unordered_set<std::u32string> nicknames_;
  std::unordered_set<std::u32string> words_;
  std::unordered_set<std::u32string> places_;
  std::unordered_set<std::u32string> placeExceptions_;
  std::size_t placeWords_ = 1;
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
