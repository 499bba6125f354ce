#include "samrad/deid/scanner.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_set>

#include "name_lists.h"
#include "text.h"
#include "word_sets.h"

namespace samrad::deid {
namespace {

using text::Case;
using text::Token;
using text::u32;

std::vector<std::string> lines(const char* data) {
  std::vector<std::string> out;
  std::istringstream in(data);
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    out.push_back(line);
  }
  return out;
}

using namespace wordsets;  // NOLINT(google-build-using-namespace): the vocabularies

bool endsWith(std::u32string_view s, std::u32string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

struct Candidate {
  Finding f;
  int priority = 0;  // higher wins an overlap
};

class Run {
 public:
  Run(const Lexicon& lex, std::u32string_view t) : lex_(lex), t_(t), tok_(text::tokenize(t)) {
    for (const Token& k : tok_) {
      if (!k.number && k.letterCase == Case::Lower) lowerWords_.insert(k.lower);
    }
  }

  std::vector<Finding> scan() {
    emails();
    identityNumbers();
    phones();
    postcodes();
    plates();
    dates();
    addresses();
    institutions();
    places();
    names();
    return resolve();
  }

 private:
  void add(FindingType type, std::size_t start, std::size_t end, double score, std::string reason,
           int priority) {
    Finding f;
    f.type = type;
    f.start = start;
    f.end = end;
    f.text = encodeUtf8(t_.substr(start, end - start));
    f.score = score;
    f.reason = std::move(reason);
    found_.push_back({std::move(f), priority});
  }

  [[nodiscard]] char32_t at(std::size_t i) const { return i < t_.size() ? t_[i] : U'\0'; }
  [[nodiscard]] std::size_t digitsOf(const Token& k) const { return k.end - k.start; }
  [[nodiscard]] std::u32string_view view(const Token& k) const {
    return t_.substr(k.start, k.end - k.start);
  }
  // A context word among the `window` words before token i.
  [[nodiscard]] bool cueBefore(std::size_t i, const WordSet& cues, std::size_t window) const {
    for (std::size_t k = i, n = 0; k > 0 && n < window; --k, ++n) {
      const Token& p = tok_[k - 1];
      if (!p.number && contains(cues, p.lower)) return true;
    }
    return false;
  }

  // ---- e-mail --------------------------------------------------------------
  void emails() {
    auto local = [](char32_t c) {
      return (c < 0x80 && (std::isalnum(static_cast<int>(c)) != 0)) || c == U'.' || c == U'_' ||
             c == U'%' || c == U'+' || c == U'-';
    };
    auto domain = [](char32_t c) {
      return (c < 0x80 && (std::isalnum(static_cast<int>(c)) != 0)) || c == U'.' || c == U'-' ||
             (c >= 0xC0 && c <= 0xFF);
    };
    for (std::size_t i = 0; i < t_.size(); ++i) {
      if (t_[i] != U'@') continue;
      std::size_t s = i;
      while (s > 0 && local(t_[s - 1])) --s;
      std::size_t e = i + 1;
      while (e < t_.size() && domain(t_[e])) ++e;
      while (e > i + 1 && (t_[e - 1] == U'.' || t_[e - 1] == U'-')) --e;
      const auto dom = t_.substr(i + 1, e - i - 1);
      if (s == i || dom.find(U'.') == std::u32string_view::npos || dom.front() == U'.') continue;
      add(FindingType::Email, s, e, 0.99, "email", 90);
    }
  }

  // ---- personnummer and samordningsnummer ---------------------------------
  static bool luhn(const std::u32string& ten) {
    int sum = 0;
    for (std::size_t i = 0; i < 10; ++i) {
      int d = static_cast<int>(ten[i] - U'0');
      if (i % 2 == 0) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    return sum % 10 == 0;
  }
  // 0 = not a date, 1 = a birth date, 2 = a coordination number's day + 60.
  static int dayKind(const std::u32string& ten) {
    const int month = static_cast<int>((ten[2] - U'0') * 10 + (ten[3] - U'0'));
    int day = static_cast<int>((ten[4] - U'0') * 10 + (ten[5] - U'0'));
    static constexpr std::array<int, 13> kDays = {0,  31, 29, 31, 30, 31, 30,
                                                  31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    int kind = 1;
    if (day > 60) {
      day -= 60;
      kind = 2;
    }
    if (day < 1 || day > kDays[static_cast<std::size_t>(month)]) return 0;
    return kind;
  }

  void identityNumber(std::size_t start, std::size_t end, const std::u32string& digits,
                      bool separated, bool context) {
    if (digits.size() == 12) {
      const auto century = digits.substr(0, 2);
      if (century != U"18" && century != U"19" && century != U"20") return;
    }
    const std::u32string ten = digits.substr(digits.size() - 10);
    const int kind = dayKind(ten);
    if (kind == 0 || !luhn(ten)) return;
    // A bare ten-digit number that merely passes Luhn needs a keyword; twelve
    // digits with a century, a valid date and check digit are one already.
    if (!separated && !context && digits.size() != 12) return;
    const double score = separated ? 0.99 : 0.9;
    if (kind == 2) {
      add(FindingType::Samordningsnummer, start, end, score, "id.samordningsnummer", 80);
    } else {
      add(FindingType::Personnummer, start, end, score, "id.personnummer", 80);
    }
  }

  void identityNumbers() {
    for (std::size_t i = 0; i < tok_.size(); ++i) {
      const Token& a = tok_[i];
      if (!a.number) continue;
      const std::size_t n = digitsOf(a);
      const bool context = cueBefore(i, idContext(), 4);
      if ((n == 6 || n == 8) && i + 1 < tok_.size() && tok_[i + 1].number &&
          digitsOf(tok_[i + 1]) == 4 && tok_[i + 1].start == a.end + 1) {
        const char32_t sep = t_[a.end];
        if (sep == U'-' || sep == U'+' || sep == U' ') {
          std::u32string digits(view(a));
          digits += view(tok_[i + 1]);
          identityNumber(a.start, tok_[i + 1].end, digits, sep != U' ', context || sep != U' ');
          ++i;
          continue;
        }
      }
      if ((n == 10 || n == 12) && at(a.end) != U'-') {
        identityNumber(a.start, a.end, std::u32string(view(a)), false, context);
      }
    }
  }

  // ---- phone numbers ------------------------------------------------------
  void phones() {
    for (std::size_t i = 0; i < t_.size(); ++i) {
      if (i > 0 && (text::isDigit(t_[i - 1]) || text::isLetter(t_[i - 1]) || t_[i - 1] == U'+' ||
                    t_[i - 1] == U'-' || t_[i - 1] == U'/')) {
        continue;
      }
      std::size_t p = i;
      std::u32string national;
      if (t_[i] == U'+' && at(i + 1) == U'4' && at(i + 2) == U'6') {
        p = i + 3;
      } else if (t_[i] == U'0' && at(i + 1) == U'0' && at(i + 2) == U'4' && at(i + 3) == U'6') {
        p = i + 4;
      } else if (t_[i] == U'0' && text::isDigit(at(i + 1)) && at(i + 1) != U'0') {
        p = i;
      } else {
        continue;
      }
      if (p != i) {  // international: the trunk 0 comes back, "(0)" allowed
        national = U"0";
        if (at(p) == U' ' || at(p) == U'-') ++p;
        if (at(p) == U'(' && at(p + 1) == U'0' && at(p + 2) == U')') p += 3;
        if (at(p) == U' ') ++p;
        if (!text::isDigit(at(p)) || at(p) == U'0') continue;
      }
      std::size_t e = p;
      std::vector<std::size_t> groups;
      std::size_t group = 0;
      while (e < t_.size() && national.size() < 10) {
        const char32_t c = t_[e];
        if (text::isDigit(c)) {
          national.push_back(c);
          ++group;
          ++e;
          continue;
        }
        if ((c == U' ' || c == U'-' || c == U'(' || c == U')') && text::isDigit(at(e + 1)) &&
            group > 0) {
          groups.push_back(group);
          group = 0;
          ++e;
          continue;
        }
        if (c == U')' && group > 0 && at(e + 1) == U' ' && text::isDigit(at(e + 2))) {
          groups.push_back(group);
          group = 0;
          e += 2;
          continue;
        }
        break;
      }
      groups.push_back(group);
      if (text::isDigit(at(e))) continue;  // runs on: not a phone number
      const bool mobile = national.size() >= 2 && national[1] == U'7';
      if (mobile ? national.size() != 10 : (national.size() < 8 || national.size() > 10)) continue;
      // dd-mm-yyyy and similar are dates, not Stockholm numbers.
      if (groups.size() == 3 && groups[0] == 2 && groups[1] == 2 && groups[2] == 4) continue;
      if (groups.size() == 1 && p == i && !mobile && !cueBefore(tokenAt(i), phoneCues(), 3)) {
        continue;  // an undivided landline-like number needs a reason
      }
      add(FindingType::Phone, i, e, 0.95, mobile ? "phone.mobile" : "phone.landline", 70);
      i = e;
    }
  }
  static const WordSet& phoneCues() {
    static const WordSet w = words({"tel", "telefon", "telefonnummer", "mobil", "mobilnummer",
                                    "nås", "ring", "ringer", "phone", "nr", "nummer"});
    return w;
  }
  [[nodiscard]] std::size_t tokenAt(std::size_t pos) const {
    for (std::size_t k = 0; k < tok_.size(); ++k) {
      if (tok_[k].end > pos) return k;
    }
    return tok_.size();
  }

  // ---- postcodes (and the town after them) --------------------------------
  void postcodes() {
    for (std::size_t i = 0; i + 1 < tok_.size(); ++i) {
      const Token& a = tok_[i];
      const Token& b = tok_[i + 1];
      if (!a.number || !b.number || digitsOf(a) != 3 || digitsOf(b) != 2) continue;
      if (b.start != a.end + 1 || t_[a.end] != U' ' || t_[a.start] == U'0') continue;
      if (a.start >= 2 && t_[a.start - 1] == U' ' && text::isDigit(t_[a.start - 2])) continue;
      if (a.start >= 1 && (t_[a.start - 1] == U'-' || text::isDigit(t_[a.start - 1]))) continue;
      // "450 00 kr" is money.
      if (i + 2 < tok_.size() && !tok_[i + 2].number &&
          (tok_[i + 2].lower == U"kr" || tok_[i + 2].lower == U"kronor" ||
           tok_[i + 2].lower == U"sek")) {
        continue;
      }
      add(FindingType::Postcode, a.start, b.end, 0.9, "postcode", 60);
      // A town after the postcode: one or two capitalised words.
      std::size_t k = i + 2;
      if (k < tok_.size() && !tok_[k].number &&
          (tok_[k].letterCase == Case::Capitalized || tok_[k].letterCase == Case::AllCaps) &&
          tok_[k].start <= b.end + 2 && !tok_[k].sentenceStart && !ordinaryCapital(tok_[k])) {
        std::size_t end = tok_[k].end;
        if (k + 1 < tok_.size() && !tok_[k + 1].number &&
            tok_[k + 1].letterCase == Case::Capitalized && tok_[k + 1].start == end + 1 &&
            at(end) == U' ') {
          end = tok_[k + 1].end;
        }
        add(FindingType::Address, tok_[k].start, end, 0.85, "address.after_postcode", 55);
      }
      ++i;
    }
  }

  // ---- registration plates ------------------------------------------------
  static bool plateLetter(char32_t c) {
    return c >= U'A' && c <= U'Z' && c != U'I' && c != U'Q' && c != U'V';
  }
  void plates() {
    for (std::size_t i = 0; i + 1 < tok_.size(); ++i) {
      const Token& w = tok_[i];
      if (w.number || w.end - w.start != 3 || w.letterCase != Case::AllCaps) continue;
      if (!plateLetter(t_[w.start]) || !plateLetter(t_[w.start + 1]) ||
          !plateLetter(t_[w.start + 2]) || contains(plateStoplist(), w.lower)) {
        continue;
      }
      const Token& n = tok_[i + 1];
      if (!n.number || (n.start != w.end && !(n.start == w.end + 1 && t_[w.end] == U' '))) continue;
      std::size_t end = 0;
      if (digitsOf(n) == 3) {
        end = n.end;
      } else if (digitsOf(n) == 2 && plateLetter(at(n.end)) && !text::isLetter(at(n.end + 1))) {
        end = n.end + 1;
      } else {
        continue;
      }
      if (text::isLetter(at(end)) || text::isDigit(at(end))) continue;
      add(FindingType::Plate, w.start, end, 0.9, "plate", 65);
    }
  }

  // ---- dates of birth and of incidents ------------------------------------
  void date(std::size_t firstTok, std::size_t start, std::size_t end, int year) {
    const bool incident = cueBefore(firstTok, incidentCues(), 8);
    if (incident) {
      add(FindingType::Date, start, end, 0.85, "date.incident", 50);
    } else if (year > 0 && year < 2012) {
      add(FindingType::Date, start, end, 0.6, "date.long_ago", 50);
    }
  }
  void dates() {
    for (std::size_t i = 0; i < tok_.size(); ++i) {
      const Token& a = tok_[i];
      if (!a.number) continue;
      // yyyy-mm-dd
      if (digitsOf(a) == 4 && i + 2 < tok_.size() && tok_[i + 1].number && tok_[i + 2].number &&
          digitsOf(tok_[i + 1]) == 2 && digitsOf(tok_[i + 2]) == 2 && at(a.end) == U'-' &&
          tok_[i + 1].start == a.end + 1 && at(tok_[i + 1].end) == U'-' &&
          tok_[i + 2].start == tok_[i + 1].end + 1) {
        date(i, a.start, tok_[i + 2].end, std::stoi(encodeUtf8(view(a))));
        i += 2;
        continue;
      }
      // d/m [yyyy] and d.m.yyyy
      if (digitsOf(a) <= 2 && i + 1 < tok_.size() && tok_[i + 1].number &&
          digitsOf(tok_[i + 1]) <= 2 && (at(a.end) == U'/' || at(a.end) == U'.') &&
          tok_[i + 1].start == a.end + 1) {
        std::size_t end = tok_[i + 1].end;
        int year = 0;
        if (i + 2 < tok_.size() && tok_[i + 2].number && digitsOf(tok_[i + 2]) == 4 &&
            tok_[i + 2].start == end + 1 && (at(end) == U' ' || at(end) == U'.')) {
          year = std::stoi(encodeUtf8(view(tok_[i + 2])));
          end = tok_[i + 2].end;
        }
        date(i, a.start, end, year);
        i += year > 0 ? 2 : 1;
        continue;
      }
      // 12 mars [1985], 12:e mars
      if (digitsOf(a) <= 2) {
        std::size_t k = i + 1;
        if (k < tok_.size() && !tok_[k].number &&
            (tok_[k].lower == U"e" || tok_[k].lower == U"a") && at(a.end) == U':') {
          ++k;
        }
        if (k < tok_.size() && !tok_[k].number && contains(monthNames(), tok_[k].lower)) {
          std::size_t end = tok_[k].end;
          int year = 0;
          if (k + 1 < tok_.size() && tok_[k + 1].number && digitsOf(tok_[k + 1]) == 4 &&
              tok_[k + 1].start == end + 1) {
            year = std::stoi(encodeUtf8(view(tok_[k + 1])));
            end = tok_[k + 1].end;
          }
          date(i, a.start, end, year);
          i = year > 0 ? k + 1 : k;
        }
      }
    }
  }

  // ---- addresses ----------------------------------------------------------
  void addresses() {
    for (std::size_t i = 0; i < tok_.size(); ++i) {
      const Token& w = tok_[i];
      if (w.number) continue;
      // c/o Name
      if (w.lower == U"c" && at(w.end) == U'/' && i + 1 < tok_.size() &&
          tok_[i + 1].lower == U"o") {
        std::size_t end = tok_[i + 1].end;
        std::size_t k = i + 2;
        while (k < tok_.size() && !tok_[k].number && tok_[k].letterCase != Case::Lower &&
               tok_[k].start <= end + 1) {
          end = tok_[k].end;
          ++k;
        }
        add(FindingType::Address, w.start, end, 0.9, "address.co", 58);
        i = k - 1;
        continue;
      }
      // Box 123
      if (w.lower == U"box" && w.letterCase == Case::Capitalized && i + 1 < tok_.size() &&
          tok_[i + 1].number && tok_[i + 1].start == w.end + 1) {
        add(FindingType::Address, w.start, tok_[i + 1].end, 0.85, "address.box", 58);
        ++i;
        continue;
      }
      // "lgh 1102" on its own
      if (w.lower == U"lgh" && i + 1 < tok_.size() && tok_[i + 1].number &&
          tok_[i + 1].start <= w.end + 2) {
        add(FindingType::Address, w.start, tok_[i + 1].end, 0.85, "address.apartment", 57);
        ++i;
        continue;
      }
      // "Drottning Kristinas väg 5": a street word in lower case after
      // capitalised words, then a number.
      std::size_t first = i;
      bool street = false;
      bool streetWord = contains(streetWords(), w.lower);
      for (const auto& suffix : streetSuffixes()) {
        if (w.letterCase == Case::Lower && endsWith(w.lower, suffix)) streetWord = true;
      }
      if (w.letterCase != Case::AllCaps && streetWord && i > 0 && i + 1 < tok_.size() &&
          tok_[i + 1].number && tok_[i + 1].start == w.end + 1) {
        std::size_t b = i;
        while (b > 0 && i - b < 3 && !tok_[b - 1].number &&
               tok_[b - 1].letterCase == Case::Capitalized &&
               tok_[b - 1].end + 1 == tok_[b].start) {
          --b;
        }
        if (b < i) {
          street = true;
          first = b;
        }
      }
      // Storgatan 12B, Norra Strandgatan 4, lgh 1102
      if (!street) {
        if (w.letterCase != Case::Capitalized && w.letterCase != Case::AllCaps) continue;
        for (const auto& suffix : streetSuffixes()) {
          if (endsWith(w.lower, suffix) && w.lower.size() > suffix.size() + 1) street = true;
        }
        if (!street) continue;
        while (first > 0 && !tok_[first - 1].number &&
               tok_[first - 1].letterCase == Case::Capitalized &&
               contains(streetPrefixes(), tok_[first - 1].lower) &&
               tok_[first - 1].end + 1 == tok_[first].start) {
          --first;
        }
        // "Karl Johansgatan", "Norrby Tvärgata": a capitalised word before
        // the street that is part of its name (when a number follows).
        if (first == i && i > 0 && i + 1 < tok_.size() && tok_[i + 1].number &&
            capital(tok_[i - 1]) && adjacent(i - 1, i) && !ordinaryCapital(tok_[i - 1]) &&
            !tok_[i - 1].sentenceStart) {
          --first;
        }
      }
      std::size_t end = w.end;
      double score = 0.7;
      std::size_t k = i + 1;
      if (k < tok_.size() && tok_[k].number && tok_[k].start == end + 1) {
        end = tok_[k].end;
        score = 0.95;
        if (text::isLetter(at(end)) && !text::isLetter(at(end + 1))) {
          ++end;  // 12B
        } else if (at(end) == U' ' && text::isUpper(at(end + 1)) && !text::isLetter(at(end + 2))) {
          end += 2;  // 12 B
        }
        ++k;
        // ", lgh 1102"
        std::size_t p = end;
        if (at(p) == U',') ++p;
        if (at(p) == U' ') ++p;
        if (k < tok_.size() && tok_[k].start == p && tok_[k].lower == U"lgh" &&
            k + 1 < tok_.size() && tok_[k + 1].number) {
          end = tok_[k + 1].end;
          ++k;
        } else if (k + 1 < tok_.size() && tok_[k].start == p && tok_[k].number &&
                   digitsOf(tok_[k]) <= 2 && tok_[k + 1].lower == U"tr" &&
                   tok_[k + 1].start == tok_[k].end + 1) {
          end = tok_[k + 1].end;  // ", 3 tr"
          k += 2;
        }
      }
      add(FindingType::Address, tok_[first].start, end, score, "address.street", 58);
      i = k - 1;
    }
  }

  // ---- places: schools, shops and workplaces, then towns and villages -----
  [[nodiscard]] bool capital(const Token& k) const {
    return !k.number && (k.letterCase == Case::Capitalized || k.letterCase == Case::AllCaps);
  }
  [[nodiscard]] bool adjacent(std::size_t a, std::size_t b) const {
    return b < tok_.size() && tok_[a].end + 1 == tok_[b].start && t_[tok_[a].end] == U' ';
  }
  [[nodiscard]] bool ordinaryCapital(const Token& k) const {
    return contains(notNames(), k.lower) || contains(regionsAndCountries(), k.lower) ||
           (k.letterCase == Case::AllCaps && contains(acronyms(), k.lower)) ||
           contains(authorities(), k.lower) || organisationCompound(k.lower);
  }
  [[nodiscard]] static bool organisationCompound(std::u32string_view lower) {
    for (const auto& head : organisationHeads()) {
      if (endsWith(lower, head)) return true;
      if (lower.size() > head.size() && lower.back() == U's' &&
          endsWith(lower.substr(0, lower.size() - 1), head)) {
        return true;
      }
    }
    return false;
  }
  // "Migrationsverket i Malmö", "Region Jämtland", "Östersunds tingsrätt".
  [[nodiscard]] bool authoritySeat(std::size_t first, std::size_t last) const {
    if (first >= 2 && tok_[first - 1].lower == U"i" &&
        contains(authorities(), tok_[first - 2].lower)) {
      return true;
    }
    if (first >= 1 &&
        (tok_[first - 1].lower == U"region" || tok_[first - 1].lower == U"polisregion")) {
      return true;
    }
    return last + 1 < tok_.size() && !tok_[last + 1].number &&
           contains(authoritySuffixes(), tok_[last + 1].lower);
  }
  [[nodiscard]] bool placeContext(std::size_t i) const {
    if (i == 0) return false;
    const auto& p = tok_[i - 1].lower;
    if (contains(placePrepositions(), p) || contains(placeNouns(), p)) return true;
    if (p == U"till" || p == U"mot" || p == U"via" || p == U"om") {
      return i >= 2 && (contains(moveVerbs(), tok_[i - 2].lower) ||
                        contains(placeNouns(), tok_[i - 2].lower) || tok_[i - 2].lower == U"norr" ||
                        tok_[i - 2].lower == U"söder" || tok_[i - 2].lower == U"öster" ||
                        tok_[i - 2].lower == U"väster" || tok_[i - 2].lower == U"hem");
    }
    return false;
  }

  void institutions() {
    for (std::size_t i = 0; i < tok_.size(); ++i) {
      const Token& w = tok_[i];
      if (w.number) continue;
      // A company: "Anderstorps Plast AB", "Omsorgsteamet Väst AB"
      if ((w.lower == U"ab" || w.lower == U"hb" || w.lower == U"kb") &&
          w.letterCase == Case::AllCaps && i > 0 && capital(tok_[i - 1]) && adjacent(i - 1, i)) {
        std::size_t b = i - 1;
        while (b > 0 && capital(tok_[b - 1]) && adjacent(b - 1, b) && i - b < 4 &&
               !contains(notNames(), tok_[b - 1].lower)) {
          --b;
        }
        add(FindingType::Cue, tok_[b].start, w.end, 0.8, "place.workplace", 45);
        continue;
      }
      // Schools by their compound: "Vasaskolan", "Björkängsgymnasiet"
      if (w.letterCase == Case::Capitalized &&
          (endsWith(w.lower, U"skolan") || endsWith(w.lower, U"gymnasiet") ||
           endsWith(w.lower, U"förskola") || endsWith(w.lower, U"förskolan")) &&
          w.lower.size() > 8 && !ordinaryCapital(w)) {
        add(FindingType::Cue, w.start, w.end, 0.8, "place.school", 45);
        continue;
      }
      // Hospitals and hotels by their compound: "Södersjukhuset"
      if (w.letterCase == Case::Capitalized && !contains(notNames(), w.lower) &&
          w.lower.size() > 10 &&
          (endsWith(w.lower, U"sjukhuset") || endsWith(w.lower, U"lasarettet") ||
           endsWith(w.lower, U"hotellet") || endsWith(w.lower, U"vårdcentralen") ||
           endsWith(w.lower, U"hälsocentralen"))) {
        std::size_t b = i;
        if (b > 0 && capital(tok_[b - 1]) && adjacent(b - 1, b) && !ordinaryCapital(tok_[b - 1])) {
          --b;  // "Karolinska Universitetssjukhuset"
        }
        add(FindingType::Cue, tok_[b].start, w.end, 0.8, "place.institution", 45);
        continue;
      }
      // "ICA Nära Bispgården", "Coop Hammarstrand", "Folktandvården Sveg"
      if (contains(chains(), w.lower) && capital(w) && i + 1 < tok_.size()) {
        std::size_t k = i + 1;
        while (k < tok_.size() && capital(tok_[k]) && contains(chainWords(), tok_[k].lower) &&
               adjacent(k - 1, k)) {
          ++k;
        }
        std::size_t last = k;
        while (last < tok_.size() && capital(tok_[last]) && adjacent(last - 1, last) &&
               !contains(notNames(), tok_[last].lower) && last - k < 3) {
          ++last;
        }
        if (last > k) {
          add(FindingType::Cue, w.start, tok_[last - 1].end, 0.85, "place.institution", 45);
          i = last - 1;
        }
        continue;
      }
      // "Solrosens förskola", "Frösö vårdcentral", "Hede IK"
      if (i > 0 && contains(institutionNouns(), w.lower) && capital(tok_[i - 1]) &&
          adjacent(i - 1, i) && !ordinaryCapital(tok_[i - 1])) {
        std::size_t b = i - 1;
        while (b > 0 && capital(tok_[b - 1]) && adjacent(b - 1, b) && !tok_[b - 1].sentenceStart &&
               !ordinaryCapital(tok_[b - 1]) && i - b < 3) {
          --b;
        }
        if (b > 0 && capital(tok_[b - 1]) && adjacent(b - 1, b) &&
            contains(streetPrefixes(), tok_[b - 1].lower)) {
          --b;
        }
        const bool school = contains(schoolNouns(), w.lower);
        add(FindingType::Cue, tok_[b].start, w.end, 0.8,
            school ? "place.school" : "place.institution", 45);
        continue;
      }
      // Workplace: "arbetar på ICA Maxi", "anställd vid Volvo"
      if (contains(workCues(), w.lower) && i + 2 < tok_.size()) {
        std::size_t k = i + 1;
        if (tok_[k].lower == U"som") {  // "arbetar som undersköterska på X"
          k += 2;
        }
        if (k < tok_.size() && (tok_[k].lower == U"på" || tok_[k].lower == U"vid" ||
                                tok_[k].lower == U"hos" || tok_[k].lower == U"at")) {
          ++k;
          std::size_t start = 0;
          std::size_t end = 0;
          while (k < tok_.size() && !tok_[k].number && tok_[k].letterCase != Case::Lower &&
                 !ordinaryCapital(tok_[k]) && (end == 0 || tok_[k].start <= end + 1)) {
            if (end == 0) start = tok_[k].start;
            end = tok_[k].end;
            ++k;
          }
          if (end != 0) add(FindingType::Cue, start, end, 0.8, "place.workplace", 45);
        }
      }
    }
  }

  [[nodiscard]] static bool placeShaped(const std::u32string& lower) {
    static const WordSet endings =
        words({"sjön",  "träsk",  "träsket", "järvi",  "älven", "fjället", "vattnet", "selet",
               "måla",  "boda",   "hult",    "köping", "byn",   "vallen",  "tjärn",   "tjärnen",
               "myren", "berget", "ön",      "holmen", "udden", "viken",   "näset",   "forsen",
               "jaur",  "jávri",  "vaara",   "joki",   "koski", "lompolo"});
    for (const auto& e : endings) {
      if (lower.size() > e.size() + 2 && endsWith(lower, e)) return true;
    }
    return false;
  }

  // The longest listed place starting at token i: how many tokens, or 0.
  [[nodiscard]] std::size_t listedPlaceAt(std::size_t i, bool& genitive) const {
    genitive = false;
    std::u32string joined;
    std::size_t best = 0;
    for (std::size_t n = 0; n < lex_.longestPlaceWords() && i + n < tok_.size(); ++n) {
      const Token& k = tok_[i + n];
      if (!capital(k) && !(n > 0 && k.letterCase == Case::Lower && k.lower.size() <= 3)) break;
      if (n > 0 && !adjacent(i + n - 1, i + n)) break;
      if (n > 0) joined += U' ';
      joined += k.lower;
      if (!capital(k)) continue;  // "Gnosjö" no, but "Skellefteå" and "Lilla Edet"
      if (lex_.isPlace(joined)) {
        best = n + 1;
        genitive = false;
      } else if (joined.size() > 3 && joined.back() == U's' &&
                 lex_.isPlace(std::u32string_view(joined).substr(0, joined.size() - 1))) {
        best = n + 1;
        genitive = true;
      }
    }
    return best;
  }

  void places() {
    for (std::size_t i = 0; i < tok_.size(); ++i) {
      const Token& w = tok_[i];
      if (!capital(w) || ordinaryCapital(w)) continue;
      bool genitive = false;
      const std::size_t n = listedPlaceAt(i, genitive);
      bool context = placeContext(i);
      if (n > 0) {
        const std::size_t after = i + n;
        if (after < tok_.size() && adjacent(after - 1, after) &&
            (tok_[after].lower == U"kommun" || tok_[after].lower == U"stad")) {
          context = true;
        }
        const std::size_t last = i + n - 1;
        if (authoritySeat(i, last)) {
          i = last;
          continue;
        }
        std::u32string joined;
        for (std::size_t k = i; k <= last; ++k) joined += (k == i ? U"" : U" ") + tok_[k].lower;
        if (genitive) joined.pop_back();
        const bool name = n == 1 && (lex_.isGivenName(joined) || lex_.isSurname(joined) ||
                                     lex_.isNickname(joined));
        const bool afterName =
            i > 0 && adjacent(i - 1, i) && capital(tok_[i - 1]) &&
            (lex_.isGivenName(tok_[i - 1].lower) || lex_.isNickname(tok_[i - 1].lower));
        const bool ambiguous =
            lex_.isAmbiguousPlace(joined) || (n == 1 && lex_.isWord(w.lower)) || name;
        if (afterName && !context) continue;  // "Anna Lund" is a person
        if (ambiguous && !context && (w.sentenceStart || w.letterCase == Case::AllCaps || name)) {
          continue;
        }
        std::size_t first = i;
        std::size_t end = last;
        // "Hagfors kommun", "Västerås stad": the municipality as a whole.
        if (end + 1 < tok_.size() && adjacent(end, end + 1) &&
            (tok_[end + 1].lower == U"kommun" || tok_[end + 1].lower == U"kommuns" ||
             tok_[end + 1].lower == U"stad" || tok_[end + 1].lower == U"stads" ||
             tok_[end + 1].lower == U"församling" || tok_[end + 1].lower == U"centrum")) {
          ++end;
        }
        // "Folktandvården Ronna", "Komvux Landskrona": a service named by its place.
        if (first > 0 && capital(tok_[first - 1]) && adjacent(first - 1, first) &&
            !contains(authorities(), tok_[first - 1].lower) &&
            (organisationCompound(tok_[first - 1].lower) ||
             contains(chains(), tok_[first - 1].lower) ||
             contains(notNames(), tok_[first - 1].lower))) {
          --first;
        }
        add(FindingType::Place, tok_[first].start, tok_[end].end,
            ambiguous && !context ? 0.6 : 0.85, "place.listed", 42);
        i = end;
        continue;
      }
      // Lakes, fells and villages by their shape: "Hammerdalssjön", "Miekojärvi".
      if (w.letterCase == Case::Capitalized && !lex_.isWord(w.lower) && !knownName(w.lower) &&
          !innerCapitals(w) && placeShaped(w.lower)) {
        add(FindingType::Place, w.start, w.end, 0.6, "place.shaped", 41);
        continue;
      }
      // An unknown name after "i", "från", "bor i", "byn": a village the lists lack.
      if (!context || w.letterCase != Case::Capitalized || lex_.isWord(w.lower) ||
          lex_.isGivenName(w.lower) || lex_.isSurname(w.lower)) {
        continue;
      }
      std::size_t last = i;
      while (last + 1 < tok_.size() && tok_[last + 1].letterCase == Case::Capitalized &&
             adjacent(last, last + 1) && !ordinaryCapital(tok_[last + 1]) && last - i < 2) {
        ++last;
      }
      if (authoritySeat(i, last)) continue;
      const bool lives = i >= 2 && contains(placeCues(), tok_[i - 2].lower);
      add(FindingType::Place, w.start, tok_[last].end, 0.7,
          lives ? "place.lives" : "place.after_preposition", 41);
      i = last;
    }
  }

  // ---- names --------------------------------------------------------------
  [[nodiscard]] bool knownName(std::u32string_view lower) const {
    return lex_.isGivenName(lower) || lex_.isSurname(lower) || lex_.isNickname(lower);
  }
  // Listed as it stands, in the genitive, or as hyphenated parts that are all
  // names ("Per-Anders", "Al-Hassan", "Karlsson-Öberg").
  [[nodiscard]] bool listedName(const std::u32string& lower, bool& genitive,
                                const char*& why) const {
    genitive = false;
    why = "name.listed";
    auto plain = [&](std::u32string_view l) {
      if (knownName(l)) return true;
      const auto dash = l.find(U'-');
      if (dash == std::u32string_view::npos) return false;
      const auto head = l.substr(0, dash);
      const auto tail = l.substr(dash + 1);
      const bool prefix = head == U"al" || head == U"el" || head == U"abu" || head == U"abd" ||
                          head == U"bin" || head == U"ibn" || head == U"ul";
      return (prefix || knownName(head)) && (knownName(tail) || tail.size() >= 3) &&
             (knownName(head) || knownName(tail) || prefix);
    };
    if (plain(lower)) {
      if (lex_.isNickname(lower) && !lex_.isGivenName(lower)) why = "name.nickname";
      if (lower.find(U'-') != std::u32string::npos && !knownName(lower)) why = "name.hyphenated";
      return true;
    }
    if (lower.size() > 2 && lower.back() == U's') {
      const std::u32string stem = lower.substr(0, lower.size() - 1);
      if (plain(stem)) {
        genitive = true;
        why = "name.genitive";
        return true;
      }
    }
    return false;
  }
  [[nodiscard]] bool surnameShaped(const Token& w) const {
    if (w.lower.size() < 5 || lex_.isWord(w.lower)) return false;
    for (const auto& e : surnameEndings()) {
      if (endsWith(w.lower, e) && w.lower.size() > e.size() + 1) return true;
    }
    return false;
  }
  // Written elsewhere in the text in lower case: an ordinary word.
  [[nodiscard]] bool usedInLowerCase(const std::u32string& lower) const {
    return lowerWords_.count(lower) != 0;
  }
  [[nodiscard]] bool inflectedWord(std::u32string_view lower) const {
    if (lex_.isWord(lower)) return true;
    // Inflected forms the word list lacks: "-s" genitive, "-en", "-na", "-t".
    for (std::u32string_view suffix :
         {U"s", U"en", U"et", U"na", U"er", U"ar", U"or", U"t", U"r", U"de", U"des"}) {
      if (lower.size() > suffix.size() + 2 && endsWith(lower, suffix) &&
          lex_.isWord(lower.substr(0, lower.size() - suffix.size()))) {
        return true;
      }
    }
    return false;
  }
  [[nodiscard]] bool ordinaryWord(const std::u32string& lower) const {
    if (inflectedWord(lower)) return true;
    // A prefix the word list lacks: "Avidentifierat", "Återbesök".
    for (std::u32string_view prefix : {U"av", U"o", U"miss", U"åter", U"be", U"för", U"sam", U"upp",
                                       U"ut", U"över", U"under", U"efter", U"mot"}) {
      if (lower.size() >= prefix.size() + 5 && lower.substr(0, prefix.size()) == prefix &&
          inflectedWord(std::u32string_view(lower).substr(prefix.size()))) {
        return true;
      }
    }
    return false;
  }

  // "SARA-bedömningen", "LVM-utredning": a hyphenated word whose last part
  // is an ordinary word and no name.
  [[nodiscard]] bool hyphenatedWord(const std::u32string& lower) const {
    const auto dash = lower.rfind(U'-');
    if (dash == std::u32string::npos) return false;
    const std::u32string tail = lower.substr(dash + 1);
    return !knownName(tail) && (ordinaryWord(tail) || tail.size() <= 2);
  }
  // "Hemtjänstpersonalen", "Barnavårdsutredning": a compound whose last
  // part is a long ordinary word. (Surnames of nature words — "Söderström",
  // "Lindberg" — end in short ones.)
  [[nodiscard]] bool compoundWord(const std::u32string& lower) const {
    if (lower.size() > 40) return false;  // no word; and the splits below are quadratic
    for (std::size_t cut = 3; cut + 7 <= lower.size(); ++cut) {
      if (ordinaryWord(lower.substr(cut))) return true;
    }
    // "Kontaktförbud", "Barnsamtal": two ordinary words, unless it ends like
    // a surname ("Söderström").
    for (const auto& e : surnameEndings()) {
      if (endsWith(lower, e)) return false;
    }
    for (std::size_t cut = 3; cut + 5 <= lower.size(); ++cut) {
      const std::u32string head = lower.substr(0, cut);
      const bool headWord = lex_.isWord(head) || (head.back() == U's' && cut > 3 &&
                                                  lex_.isWord(head.substr(0, cut - 1)));
      if (headWord && ordinaryWord(lower.substr(cut))) return true;
    }
    return false;
  }
  // "BoU", "AirTag": capitals inside a word without a hyphen.
  [[nodiscard]] bool innerCapitals(const Token& w) const {
    for (std::size_t k = w.start + 1; k < w.end; ++k) {
      if (t_[k] == U'-') return false;
      if (text::isUpper(t_[k]) && w.letterCase != Case::AllCaps) return true;
    }
    return false;
  }
  [[nodiscard]] bool inAuthoritySeat(std::size_t i) const {
    return authoritySeat(i, i) || (i >= 1 && tok_[i - 1].lower == U"i" && i >= 2 &&
                                   contains(authorities(), tok_[i - 2].lower));
  }

  void names() {
    std::vector<double> score(tok_.size(), 0);
    std::vector<const char*> why(tok_.size(), "");
    for (std::size_t i = 0; i < tok_.size(); ++i) {
      const Token& w = tok_[i];
      // "Ольга Иванова", "عمر": in a Swedish brief, a word in another script
      // is a name (or something as personal).
      if (!w.number && w.otherScript) {
        score[i] = 0.75;
        why[i] = "name.other_script";
        continue;
      }
      if (w.number || w.letterCase == Case::Lower || w.letterCase == Case::Mixed) continue;
      if (ordinaryCapital(w) || inAuthoritySeat(i) || hyphenatedWord(w.lower) || innerCapitals(w)) {
        continue;
      }
      // A pseudonym this scanner proposed: "Person A".
      if (w.lower == U"person" && i + 1 < tok_.size() && tok_[i + 1].end - tok_[i + 1].start == 1 &&
          adjacent(i, i + 1)) {
        ++i;
        continue;
      }
      bool genitive = false;
      const char* listedWhy = "";
      const bool listed = listedName(w.lower, genitive, listedWhy);
      const bool word = lex_.isWord(w.lower) && !genitive;
      // "sambon Ali", "kallas hon Erzsi": a cue right before, or before a pronoun.
      const bool cue =
          !w.sentenceStart &&
          ((i > 0 && !tok_[i - 1].number && contains(nameCues(), tok_[i - 1].lower)) ||
           (i > 1 && !tok_[i - 2].number && contains(nameCues(), tok_[i - 2].lower) &&
            (tok_[i - 1].lower == U"hon" || tok_[i - 1].lower == U"han" ||
             tok_[i - 1].lower == U"hen" || tok_[i - 1].lower == U"sig" ||
             tok_[i - 1].lower == U"henne" || tok_[i - 1].lower == U"honom")) ||
           (i > 1 && (tok_[i - 2].lower == U"heter" || tok_[i - 2].lower == U"kallas") &&
            !tok_[i - 1].number));
      const bool caps = w.letterCase == Case::AllCaps;
      const bool capsRun =
          caps &&
          ((i > 0 && tok_[i - 1].letterCase == Case::AllCaps && adjacent(i - 1, i)) ||
           (i + 1 < tok_.size() && tok_[i + 1].letterCase == Case::AllCaps && adjacent(i, i + 1)));
      // "Lisa arbetar …", "Ebba, 14 år, …"
      const bool aged = i + 2 < tok_.size() && at(w.end) == U',' && tok_[i + 1].number &&
                        tok_[i + 1].start <= w.end + 2 && tok_[i + 2].lower == U"år";
      const bool subject = aged || (i + 1 < tok_.size() && !tok_[i + 1].number &&
                                    contains(subjectVerbs(), tok_[i + 1].lower));
      if (listed) {
        if (cue) {
          score[i] = 0.9;
          why[i] = "name.after_cue";
        } else if (!word && !(caps && w.lower.size() <= 3)) {
          score[i] = w.sentenceStart ? 0.8 : 0.9;
          why[i] = listedWhy;
        } else if (!w.sentenceStart && !caps) {
          score[i] = 0.7;
          why[i] = "name.capitalised_word";
        } else if (subject) {
          score[i] = 0.7;
          why[i] = "name.word_as_subject";
        }
      } else if (cue && (!word || (!w.sentenceStart && !caps))) {
        score[i] = 0.75;
        why[i] = "name.unknown_after_cue";
      } else if (w.letterCase == Case::Capitalized && !ordinaryWord(w.lower) &&
                 !usedInLowerCase(w.lower) && w.lower.size() >= 2 && !innerCapitals(w) &&
                 !compoundWord(w.lower) && (!w.sentenceStart || subject)) {
        score[i] = 0.6;
        why[i] = "name.unknown_capitalised";
      } else if (capsRun && !ordinaryWord(w.lower) && w.lower.size() >= 3) {
        score[i] = 0.6;
        why[i] = "name.unknown_capitalised";
      }
    }
    // Neighbours: a surname after a given name, a given name before a
    // surname; an ambiguous word next to a sure name is a name too.
    for (std::size_t i = 0; i < tok_.size(); ++i) {
      const Token& w = tok_[i];
      if (score[i] > 0 || w.number || w.letterCase == Case::Lower || w.letterCase == Case::Mixed ||
          ordinaryCapital(w)) {
        continue;
      }
      if (inAuthoritySeat(i) || hyphenatedWord(w.lower) || contains(nameCues(), w.lower)) {
        continue;
      }
      const bool prevName = i > 0 && score[i - 1] >= 0.6 && adjacent(i - 1, i);
      const bool nextName = i + 1 < tok_.size() && score[i + 1] >= 0.7 && adjacent(i, i + 1);
      const bool afterGiven =
          i > 0 && adjacent(i - 1, i) && !tok_[i - 1].number &&
          tok_[i - 1].letterCase != Case::Lower &&
          (lex_.isGivenName(tok_[i - 1].lower) || lex_.isNickname(tok_[i - 1].lower));
      bool genitive = false;
      const char* listedWhy = "";
      const bool listed = listedName(w.lower, genitive, listedWhy);
      if ((prevName || nextName) && (listed || surnameShaped(w))) {
        score[i] = 0.8;
        why[i] = "name.part";
      } else if (afterGiven && w.letterCase == Case::Capitalized && !innerCapitals(w)) {
        // "Kerstin Bäck", "Bertil Ask": a capitalised word right after a
        // given name is a surname even when it is also a word.
        score[i] = 0.75;
        why[i] = "name.surname_after_given";
        if (score[i - 1] == 0) {
          score[i - 1] = 0.75;
          why[i - 1] = "name.part";
        }
      } else if (prevName && !lex_.isWord(w.lower) && w.letterCase != Case::Mixed) {
        score[i] = 0.7;
        why[i] = "name.surname_after_given";
      } else if (i + 1 < tok_.size() && score[i + 1] >= 0.6 && adjacent(i, i + 1) &&
                 w.sentenceStart && !ordinaryWord(w.lower)) {
        // "Ngozi Okonkwo slog …": an unknown word starting the sentence
        // right before a name.
        score[i] = 0.7;
        why[i] = "name.part";
      }
    }
    // One finding per run of adjacent name words ("Anna-Karin Svensson").
    for (std::size_t i = 0; i < tok_.size(); ++i) {
      if (score[i] == 0) continue;
      std::size_t j = i;
      double best = score[i];
      while (j + 1 < tok_.size() && score[j + 1] > 0 && adjacent(j, j + 1)) {
        ++j;
        best = std::max(best, score[j]);
      }
      add(FindingType::Name, tok_[i].start, tok_[j].end, best, why[i], 30);
      i = j;
    }
  }

  // Keeps the strongest of overlapping candidates (kept spans in an ordered
  // map, so a long text stays n log n).
  std::vector<Finding> resolve() {
    std::stable_sort(found_.begin(), found_.end(), [](const Candidate& a, const Candidate& b) {
      if (a.priority != b.priority) return a.priority > b.priority;
      return (a.f.end - a.f.start) > (b.f.end - b.f.start);
    });
    std::map<std::size_t, std::size_t> kept;  // start -> end, disjoint
    std::vector<Finding> out;
    for (auto& c : found_) {
      if (c.f.end <= c.f.start) continue;
      auto next = kept.lower_bound(c.f.start);
      if (next != kept.end() && next->first < c.f.end) continue;
      if (next != kept.begin() && std::prev(next)->second > c.f.start) continue;
      kept.emplace(c.f.start, c.f.end);
      out.push_back(std::move(c.f));
    }
    std::sort(out.begin(), out.end(),
              [](const Finding& a, const Finding& b) { return a.start < b.start; });
    return out;
  }

  const Lexicon& lex_;
  std::u32string_view t_;
  std::vector<Token> tok_;
  std::vector<Candidate> found_;
  std::unordered_set<std::u32string> lowerWords_;
};

std::u32string latin1Lower(const std::string& line) {
  std::u32string out;
  out.reserve(line.size());
  for (char ch : line) out.push_back(static_cast<unsigned char>(ch));
  return out;
}

}  // namespace

std::string_view typeName(FindingType type) {
  switch (type) {
    case FindingType::Personnummer:
      return "PERSONNUMMER";
    case FindingType::Samordningsnummer:
      return "SAMORDNINGSNUMMER";
    case FindingType::Name:
      return "NAME";
    case FindingType::Address:
      return "ADDRESS";
    case FindingType::Postcode:
      return "POSTCODE";
    case FindingType::Phone:
      return "PHONE";
    case FindingType::Email:
      return "EMAIL";
    case FindingType::Plate:
      return "PLATE";
    case FindingType::Date:
      return "DATE";
    case FindingType::Cue:
      return "CUE";
    case FindingType::Place:
      return "PLACE";
  }
  return "UNKNOWN";
}

std::optional<FindingType> parseType(std::string_view name) {
  for (auto t :
       {FindingType::Personnummer, FindingType::Samordningsnummer, FindingType::Name,
        FindingType::Address, FindingType::Postcode, FindingType::Phone, FindingType::Email,
        FindingType::Plate, FindingType::Date, FindingType::Cue, FindingType::Place}) {
    if (typeName(t) == name) return t;
  }
  return std::nullopt;
}

Lexicon Lexicon::fromLists(const std::vector<std::string>& givenNames,
                           const std::vector<std::string>& surnames,
                           const std::vector<std::string>& wordList,
                           const std::vector<std::string>& places,
                           const std::vector<std::string>& nicknames) {
  Lexicon l;
  for (const auto& n : givenNames) l.given_.insert(text::lower(decodeUtf8(n)));
  for (const auto& n : surnames) l.surnames_.insert(text::lower(decodeUtf8(n)));
  for (const auto& n : nicknames) l.nicknames_.insert(text::lower(decodeUtf8(n)));
  for (const auto& w : wordList) l.words_.insert(text::lower(decodeUtf8(w)));
  for (const auto& p : places) l.addPlace(p);
  return l;
}

void Lexicon::addPlace(std::string_view name) {
  // "Föllinge|Krokom": the name before the bar; words joined by one space.
  name = name.substr(0, name.find('|'));
  std::u32string joined;
  std::size_t wordsIn = 0;
  for (const auto& k : text::tokenize(decodeUtf8(name))) {
    if (!joined.empty()) joined += U' ';
    joined +=
        k.number ? std::u32string(decodeUtf8(name)).substr(k.start, k.end - k.start) : k.lower;
    ++wordsIn;
  }
  if (joined.empty()) return;
  places_.insert(joined);
  placeWords_ = std::max(placeWords_, wordsIn);
}

Lexicon Lexicon::standard(const std::filesystem::path& wordList) {
  Lexicon l = fromLists(lines(data::k_given_names), lines(data::k_surnames), {}, {},
                        lines(data::k_nicknames));
  for (const auto& p : lines(data::k_municipalities)) l.addPlace(p);
  for (const auto& p : lines(data::k_localities)) l.addPlace(p);
  for (const auto& p : lines(data::k_place_exceptions)) {
    l.placeExceptions_.insert(text::lower(decodeUtf8(p.substr(0, p.find('|')))));
  }
  std::ifstream in(wordList, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // Only ordinary words: capitalised entries are themselves proper nouns.
    const auto first = line.empty() ? 0 : static_cast<unsigned char>(line[0]);
    if (!((first >= 'a' && first <= 'z') || first >= 0xDF)) {
      continue;
    }
    l.words_.insert(latin1Lower(line));
  }
  return l;
}

std::shared_ptr<const Lexicon> Lexicon::shared() {
  static const std::shared_ptr<const Lexicon> lexicon =
      std::make_shared<const Lexicon>(Lexicon::standard());
  return lexicon;
}

bool Lexicon::isGivenName(std::u32string_view lower) const {
  return given_.count(std::u32string(lower)) != 0;
}
bool Lexicon::isSurname(std::u32string_view lower) const {
  return surnames_.count(std::u32string(lower)) != 0;
}
bool Lexicon::isNickname(std::u32string_view lower) const {
  return nicknames_.count(std::u32string(lower)) != 0;
}
bool Lexicon::isWord(std::u32string_view lower) const {
  return words_.count(std::u32string(lower)) != 0;
}
bool Lexicon::isPlace(std::u32string_view lower) const {
  return places_.count(std::u32string(lower)) != 0;
}
bool Lexicon::isAmbiguousPlace(std::u32string_view lower) const {
  const std::u32string key(lower);
  return placeExceptions_.count(key) != 0 || given_.count(key) != 0 || surnames_.count(key) != 0 ||
         nicknames_.count(key) != 0;
}

Scanner::Scanner(std::shared_ptr<const Lexicon> lexicon) : lexicon_(std::move(lexicon)) {}

std::vector<Finding> Scanner::scan(std::string_view utf8) const {
  const std::u32string t = decodeUtf8(utf8);
  Run run(*lexicon_, t);
  return run.scan();
}

}  // namespace samrad::deid
