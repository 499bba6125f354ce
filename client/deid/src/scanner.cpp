#include "samrad/deid/scanner.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>

#include "name_lists.h"
#include "text.h"

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

using WordSet = std::vector<std::u32string>;
WordSet words(std::initializer_list<const char*> list) {
  WordSet out;
  for (const char* w : list) out.push_back(u32(w));
  return out;
}
bool contains(const WordSet& set, std::u32string_view w) {
  return std::find(set.begin(), set.end(), w) != set.end();
}
bool endsWith(std::u32string_view s, std::u32string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Context words, lower case.
const WordSet& idContext() {
  static const WordSet w =
      words({"personnummer", "personnumret", "pnr", "personnr", "p-nr", "samordningsnummer",
             "samordningsnumret", "snr", "född", "födelsenummer", "id", "identity", "ssn"});
  return w;
}
const WordSet& nameCues() {
  static const WordSet w =
      words({"heter",    "hette",         "kallas",      "sambo",        "sambon",
             "exsambo",  "exsambon",      "make",        "maken",        "exmaken",
             "maka",     "makan",         "exmakan",     "pojkvän",      "pojkvännen",
             "flickvän", "flickvännen",   "dotter",      "dottern",      "son",
             "sonen",    "mamma",         "mamman",      "pappa",        "pappan",
             "modern",   "fadern",        "syster",      "systern",      "bror",
             "brodern",  "fru",           "herr",        "dr",           "farmor",
             "mormor",   "farfar",        "morfar",      "partner",      "partnern",
             "named",    "called",        "mr",          "mrs",          "ms",
             "husband",  "wife",          "daughter",    "boyfriend",    "girlfriend",
             "barnet",   "barnen",        "styvpappan",  "styvmamman",   "kvinnan",
             "mannen",   "kontaktperson", "handläggare", "handläggaren", "systerdotter",
             "brorson"});
  return w;
}
// Capitalised words that are never names here: months, days, agencies.
const WordSet& notNames() {
  static const WordSet w = words({"januari",
                                  "februari",
                                  "mars",
                                  "april",
                                  "maj",
                                  "juni",
                                  "juli",
                                  "augusti",
                                  "september",
                                  "oktober",
                                  "november",
                                  "december",
                                  "måndag",
                                  "tisdag",
                                  "onsdag",
                                  "torsdag",
                                  "fredag",
                                  "lördag",
                                  "söndag",
                                  "polisen",
                                  "polis",
                                  "region",
                                  "regionen",
                                  "kommunen",
                                  "kommun",
                                  "socialtjänsten",
                                  "socialtjänst",
                                  "kvinnojouren",
                                  "vårdcentralen",
                                  "bup",
                                  "migrationsverket",
                                  "försäkringskassan",
                                  "skatteverket",
                                  "arbetsförmedlingen",
                                  "hälso",
                                  "sjukvården",
                                  "akuten",
                                  "länsstyrelsen",
                                  "ärende",
                                  "ärendet",
                                  "samråd",
                                  "samrådet",
                                  "operation",
                                  "norrsken",
                                  "sverige",
                                  "svenska",
                                  "the",
                                  "and",
                                  "she",
                                  "he",
                                  "her",
                                  "his",
                                  "they"});
  return w;
}
const WordSet& streetSuffixes() {
  static const WordSet w =
      words({"gatan",  "vägen", "gränd",      "gränden", "stigen", "allén", "allé",    "torget",
             "backen", "backe", "leden",      "platsen", "plan",   "kajen", "stråket", "slingan",
             "gata",   "väg",   "esplanaden", "street",  "road",   "avenue"});
  return w;
}
const WordSet& surnameEndings() {
  static const WordSet w =
      words({"sson", "son",   "berg", "ström", "qvist", "kvist", "gren", "lund", "dahl",  "blad",
             "holm", "stedt", "mark", "fors",  "bäck",  "borg",  "ling", "man",  "ander", "ius"});
  return w;
}
const WordSet& plateStoplist() {
  static const WordSet w =
      words({"sol", "hsl", "osl", "sfs", "pbl", "brb", "lss", "skr", "kbt", "ekb", "bup",
             "dnr", "tfn", "sms", "pdf", "eur", "sek", "usd", "msb", "sos", "nrk", "ebm"});
  return w;
}
const WordSet& monthNames() {
  static const WordSet w =
      words({"januari",   "februari", "mars",     "april",    "maj",  "juni", "juli",   "augusti",
             "september", "oktober",  "november", "december", "jan",  "feb",  "mar",    "apr",
             "jun",       "jul",      "aug",      "sep",      "sept", "okt",  "nov",    "dec",
             "january",   "february", "march",    "may",      "june", "july", "august", "october"});
  return w;
}
const WordSet& incidentCues() {
  static const WordSet w = words(
      {"född",       "födelsedatum", "föddes",        "födelsedag",  "f",          "inträffade",
       "hände",      "händelsen",    "misshandlades", "misshandeln", "misshandel", "slog",
       "slogs",      "slagen",       "hotade",        "hotades",     "våldtogs",   "våldtäkt",
       "våldtäkten", "polisanmälan", "polisanmälde",  "anmälde",     "överfall",   "överföll",
       "överfölls",  "natten",       "kvällen",       "incident",    "incidenten", "born",
       "birth",      "assaulted",    "attacked",      "skadades",    "ströp",      "stryptag",
       "knivhögg",   "sparkade",     "misshandlade",  "lämnade",     "flydde",     "skyddat"});
  return w;
}
// Verbs that follow a person as the subject: "Lena har …", "Rosa berättade …".
const WordSet& subjectVerbs() {
  static const WordSet w =
      words({"har",    "hade",   "är",     "var",    "berättar", "berättade", "säger", "sade",
             "sa",     "ringde", "kom",    "bor",    "bodde",    "vill",      "ville", "kan",
             "kunde",  "ska",    "skulle", "blev",   "fick",     "går",       "gick",  "uppger",
             "uppgav", "hotade", "slog",   "flydde", "söker",    "sökte"});
  return w;
}
const WordSet& workCues() {
  static const WordSet w = words({"arbetar", "jobbar", "anställd", "works", "employed"});
  return w;
}
const WordSet& placeCues() {
  static const WordSet w = words({"bor", "bosatt", "byn", "uppvuxen", "boende", "lives"});
  return w;
}

struct Candidate {
  Finding f;
  int priority = 0;  // higher wins an overlap
};

class Run {
 public:
  Run(const Lexicon& lex, std::u32string_view t) : lex_(lex), t_(t), tok_(text::tokenize(t)) {}

  std::vector<Finding> scan() {
    emails();
    identityNumbers();
    phones();
    postcodes();
    plates();
    dates();
    addresses();
    cues();
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
      add(FindingType::Email, s, e, 0.99, "e-postadress", 90);
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
    if (!separated && !context) return;  // a bare number that merely passes Luhn
    const double score = separated ? 0.99 : 0.9;
    if (kind == 2) {
      add(FindingType::Samordningsnummer, start, end, score,
          "samordningsnummer: giltigt datum (dag + 60) och kontrollsiffra", 80);
    } else {
      add(FindingType::Personnummer, start, end, score,
          "personnummer: giltigt datum och kontrollsiffra", 80);
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
      add(FindingType::Phone, i, e, 0.95,
          mobile ? "mobilnummer (svenskt format)" : "telefonnummer (svenskt format)", 70);
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
      // "450 00 kr" is money.
      if (i + 2 < tok_.size() && !tok_[i + 2].number &&
          (tok_[i + 2].lower == U"kr" || tok_[i + 2].lower == U"kronor" ||
           tok_[i + 2].lower == U"sek")) {
        continue;
      }
      add(FindingType::Postcode, a.start, b.end, 0.9, "postnummer (NNN NN)", 60);
      // A town after the postcode: one or two capitalised words.
      std::size_t k = i + 2;
      if (k < tok_.size() && !tok_[k].number &&
          (tok_[k].letterCase == Case::Capitalized || tok_[k].letterCase == Case::AllCaps) &&
          tok_[k].start <= b.end + 2) {
        std::size_t end = tok_[k].end;
        if (k + 1 < tok_.size() && !tok_[k + 1].number &&
            tok_[k + 1].letterCase == Case::Capitalized && tok_[k + 1].start == end + 1 &&
            at(end) == U' ') {
          end = tok_[k + 1].end;
        }
        add(FindingType::Address, tok_[k].start, end, 0.85, "ort efter postnummer", 55);
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
      add(FindingType::Plate, w.start, end, 0.9, "registreringsnummer (ABC 123 / ABC 12A)", 65);
    }
  }

  // ---- dates of birth and of incidents ------------------------------------
  void date(std::size_t firstTok, std::size_t start, std::size_t end, int year) {
    const bool incident = cueBefore(firstTok, incidentCues(), 8);
    if (incident) {
      add(FindingType::Date, start, end, 0.85, "exakt datum för födelse eller händelse", 50);
    } else if (year > 0 && year < 2012) {
      add(FindingType::Date, start, end, 0.6, "exakt datum långt bakåt (troligen födelsedatum)",
          50);
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
        add(FindingType::Address, w.start, end, 0.9, "c/o-adress", 58);
        i = k - 1;
        continue;
      }
      // Box 123
      if (w.lower == U"box" && w.letterCase == Case::Capitalized && i + 1 < tok_.size() &&
          tok_[i + 1].number && tok_[i + 1].start == w.end + 1) {
        add(FindingType::Address, w.start, tok_[i + 1].end, 0.85, "boxadress", 58);
        ++i;
        continue;
      }
      // Storgatan 12B, lgh 1102
      if (w.letterCase != Case::Capitalized && w.letterCase != Case::AllCaps) continue;
      bool street = false;
      for (const auto& suffix : streetSuffixes()) {
        if (endsWith(w.lower, suffix) && w.lower.size() > suffix.size() + 1) street = true;
      }
      if (!street) continue;
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
        }
      }
      add(FindingType::Address, w.start, end, score, "gatuadress", 58);
      i = k - 1;
    }
  }

  // ---- free-text identifying cues -----------------------------------------
  void cues() {
    for (std::size_t i = 0; i < tok_.size(); ++i) {
      const Token& w = tok_[i];
      if (w.number) continue;
      // Schools: "Vasaskolan", "Björkängsgymnasiet"
      if (w.letterCase == Case::Capitalized &&
          (endsWith(w.lower, U"skolan") || endsWith(w.lower, U"gymnasiet") ||
           endsWith(w.lower, U"förskola") || endsWith(w.lower, U"förskolan")) &&
          w.lower.size() > 8) {
        add(FindingType::Cue, w.start, w.end, 0.8, "namngiven skola", 40);
        continue;
      }
      // "Solrosens förskola", "Kvarnbackens skola"
      if (i > 0 && (w.lower == U"förskola" || w.lower == U"förskolan" || w.lower == U"skola" ||
                    w.lower == U"skolan" || w.lower == U"gymnasium")) {
        const Token& p = tok_[i - 1];
        if (!p.number && p.letterCase == Case::Capitalized && p.end + 1 == w.start &&
            !contains(notNames(), p.lower)) {
          add(FindingType::Cue, p.start, w.end, 0.8, "namngiven skola", 40);
        }
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
                 (end == 0 || tok_[k].start <= end + 1)) {
            if (end == 0) start = tok_[k].start;
            end = tok_[k].end;
            ++k;
          }
          if (end != 0) add(FindingType::Cue, start, end, 0.8, "namngiven arbetsplats", 40);
        }
        continue;
      }
      // A named place where the person lives: "bor i Lenhovda", "i byn Ål"
      if (contains(placeCues(), w.lower)) {
        std::size_t k = i + 1;
        // "bor nu i", "bor fortfarande i"
        while (k < tok_.size() && (tok_[k].lower == U"nu" || tok_[k].lower == U"numera" ||
                                   tok_[k].lower == U"fortfarande" || tok_[k].lower == U"kvar")) {
          ++k;
        }
        if (k < tok_.size() &&
            (tok_[k].lower == U"i" || tok_[k].lower == U"på" || tok_[k].lower == U"in")) {
          ++k;
        }
        if (k < tok_.size() && tok_[k].lower == U"byn") ++k;
        if (k < tok_.size() && !tok_[k].number && tok_[k].letterCase == Case::Capitalized &&
            !contains(notNames(), tok_[k].lower)) {
          add(FindingType::Cue, tok_[k].start, tok_[k].end, 0.75, "namngiven ort där personen bor",
              40);
        }
      }
    }
  }

  // ---- names --------------------------------------------------------------
  [[nodiscard]] bool listedName(const std::u32string& lower, bool& genitive) const {
    genitive = false;
    if (lex_.isGivenName(lower) || lex_.isSurname(lower)) return true;
    if (lower.size() > 2 && lower.back() == U's') {
      const std::u32string stem = lower.substr(0, lower.size() - 1);
      if (lex_.isGivenName(stem) || lex_.isSurname(stem)) {
        genitive = true;
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

  void names() {
    std::vector<double> score(tok_.size(), 0);
    std::vector<std::string> why(tok_.size());
    for (std::size_t i = 0; i < tok_.size(); ++i) {
      const Token& w = tok_[i];
      if (w.number || w.letterCase == Case::Lower || w.letterCase == Case::Mixed) continue;
      if (contains(notNames(), w.lower)) continue;
      bool genitive = false;
      const bool listed = listedName(w.lower, genitive);
      const bool word = lex_.isWord(w.lower) && !genitive;
      const bool cue = i > 0 && !tok_[i - 1].number && contains(nameCues(), tok_[i - 1].lower);
      const bool caps = w.letterCase == Case::AllCaps;
      if (listed) {
        if (cue) {
          score[i] = 0.9;
          why[i] = "namn efter sammanhangsord";
        } else if (!word && !(caps && w.lower.size() <= 3)) {
          score[i] = w.sentenceStart ? 0.8 : 0.9;
          why[i] = genitive ? "namn i genitiv" : "känt namn";
        } else if (!w.sentenceStart && !caps) {
          score[i] = 0.7;
          why[i] = "ord som också är ett namn, skrivet med stor bokstav mitt i meningen";
        } else if (i + 1 < tok_.size() && !tok_[i + 1].number &&
                   contains(subjectVerbs(), tok_[i + 1].lower)) {
          score[i] = 0.7;
          why[i] = "ord som också är ett namn, följt av ett verb som om det vore en person";
        }
      } else if (cue && !word) {
        score[i] = 0.75;
        why[i] = "okänt ord med stor bokstav efter sammanhangsord";
      }
    }
    // Neighbours: a surname after a given name, a given name before a
    // surname; an ambiguous word next to a sure name is a name too.
    for (std::size_t i = 0; i < tok_.size(); ++i) {
      const Token& w = tok_[i];
      if (score[i] > 0 || w.number || w.letterCase == Case::Lower || w.letterCase == Case::Mixed ||
          contains(notNames(), w.lower)) {
        continue;
      }
      const bool prevName = i > 0 && score[i - 1] >= 0.7 && tok_[i - 1].end + 1 == w.start;
      const bool nextName =
          i + 1 < tok_.size() && score[i + 1] >= 0.7 && w.end + 1 == tok_[i + 1].start;
      bool genitive = false;
      const bool listed = listedName(w.lower, genitive);
      if ((prevName || nextName) && (listed || surnameShaped(w))) {
        score[i] = 0.8;
        why[i] = "del av ett namn";
      } else if (prevName && !lex_.isWord(w.lower) && w.letterCase == Case::Capitalized) {
        score[i] = 0.7;
        why[i] = "efternamn efter förnamn";
      }
    }
    // One finding per run of adjacent name words ("Anna-Karin Svensson").
    for (std::size_t i = 0; i < tok_.size(); ++i) {
      if (score[i] == 0) continue;
      std::size_t j = i;
      double best = score[i];
      while (j + 1 < tok_.size() && score[j + 1] > 0 && tok_[j].end + 1 == tok_[j + 1].start &&
             t_[tok_[j].end] == U' ') {
        ++j;
        best = std::max(best, score[j]);
      }
      add(FindingType::Name, tok_[i].start, tok_[j].end, best, why[i], 30);
      i = j;
    }
  }

  // Keeps the strongest of overlapping candidates.
  std::vector<Finding> resolve() {
    std::stable_sort(found_.begin(), found_.end(), [](const Candidate& a, const Candidate& b) {
      if (a.priority != b.priority) return a.priority > b.priority;
      return (a.f.end - a.f.start) > (b.f.end - b.f.start);
    });
    std::vector<Finding> out;
    for (auto& c : found_) {
      const bool overlaps = std::any_of(out.begin(), out.end(), [&](const Finding& f) {
        return c.f.start < f.end && f.start < c.f.end;
      });
      if (!overlaps) out.push_back(std::move(c.f));
    }
    std::sort(out.begin(), out.end(),
              [](const Finding& a, const Finding& b) { return a.start < b.start; });
    return out;
  }

  const Lexicon& lex_;
  std::u32string_view t_;
  std::vector<Token> tok_;
  std::vector<Candidate> found_;
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
  }
  return "UNKNOWN";
}

std::optional<FindingType> parseType(std::string_view name) {
  for (auto t : {FindingType::Personnummer, FindingType::Samordningsnummer, FindingType::Name,
                 FindingType::Address, FindingType::Postcode, FindingType::Phone,
                 FindingType::Email, FindingType::Plate, FindingType::Date, FindingType::Cue}) {
    if (typeName(t) == name) return t;
  }
  return std::nullopt;
}

Lexicon Lexicon::fromLists(const std::vector<std::string>& givenNames,
                           const std::vector<std::string>& surnames,
                           const std::vector<std::string>& wordList) {
  Lexicon l;
  for (const auto& n : givenNames) l.given_.insert(text::lower(decodeUtf8(n)));
  for (const auto& n : surnames) l.surnames_.insert(text::lower(decodeUtf8(n)));
  for (const auto& w : wordList) l.words_.insert(text::lower(decodeUtf8(w)));
  return l;
}

Lexicon Lexicon::standard(const std::filesystem::path& wordList) {
  Lexicon l = fromLists(lines(data::kGivenNames), lines(data::kSurnames), {});
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

bool Lexicon::isGivenName(std::u32string_view lower) const {
  return given_.count(std::u32string(lower)) != 0;
}
bool Lexicon::isSurname(std::u32string_view lower) const {
  return surnames_.count(std::u32string(lower)) != 0;
}
bool Lexicon::isWord(std::u32string_view lower) const {
  return words_.count(std::u32string(lower)) != 0;
}

Scanner::Scanner(std::shared_ptr<const Lexicon> lexicon) : lexicon_(std::move(lexicon)) {}

std::vector<Finding> Scanner::scan(std::string_view utf8) const {
  const std::u32string t = decodeUtf8(utf8);
  Run run(*lexicon_, t);
  return run.scan();
}

}  // namespace samrad::deid
