#include "samrad/deid/pseudonyms.h"

#include <sstream>

#include "text.h"

namespace samrad::deid {
namespace {

constexpr char kSep = '\x1f';

// The category a finding's pseudonym is drawn from. Only what a reader
// needs to follow — people, places, schools and workplaces, addresses — gets
// a pseudonym; numbers, e-mail and plates keep their labels ("[TELEFON]"):
// "nås på Telefon 1" helps nobody.
std::string categoryOf(const Finding& f) {
  switch (f.type) {
    case FindingType::Name:
      return "NAME";
    case FindingType::Place:
      return "PLACE";
    case FindingType::Cue:
      return f.reason == "place.school"      ? "SCHOOL"
             : f.reason == "place.workplace" ? "WORKPLACE"
                                             : "INSTITUTION";
    case FindingType::Address:
      return f.reason == "address.after_postcode" ? "PLACE" : "ADDRESS";
    case FindingType::Personnummer:
    case FindingType::Samordningsnummer:
    case FindingType::Phone:
    case FindingType::Email:
    case FindingType::Plate:
    case FindingType::Postcode:
    case FindingType::Date:
      return "";
  }
  return "";
}

// "A", "B", … "Z", "AA", "AB", …
std::string letters(unsigned n) {
  std::string out;
  ++n;
  while (n > 0) {
    --n;
    out.insert(out.begin(), static_cast<char>('A' + n % 26));
    n /= 26;
  }
  return out;
}

std::string label(const std::string& category, unsigned index) {
  if (category == "NAME") return "Person " + letters(index);
  static const std::map<std::string, std::string> kLabels = {{"PLACE", "Ort"},
                                                             {"ADDRESS", "Adress"},
                                                             {"SCHOOL", "Skola"},
                                                             {"WORKPLACE", "Arbetsplats"},
                                                             {"INSTITUTION", "Plats"}};
  return kLabels.at(category) + " " + std::to_string(index + 1);
}

// The words of a finding's text, lower case, a trailing genitive -s removed
// when `stripGenitive`.
std::vector<std::u32string> wordsOf(std::string_view utf8) {
  std::vector<std::u32string> out;
  for (const auto& k : text::tokenize(decodeUtf8(utf8))) {
    if (!k.number) out.push_back(k.lower);
  }
  return out;
}

std::string key(const std::string& category, std::u32string_view normalised) {
  return category + kSep + encodeUtf8(normalised);
}

// Digits and letters only, lower case: "070-123 45 67" and "0701234567" match.
std::u32string compact(std::string_view utf8) {
  std::u32string out;
  for (char32_t c : decodeUtf8(utf8)) {
    if (text::isDigit(c) || text::isLetter(c) || c == U'@' || c == U'.') {
      out.push_back(text::toLower(c));
    }
  }
  return out;
}

}  // namespace

std::string PseudonymBook::assign(const std::string& category) {
  unsigned& n = counters_[category];
  return label(category, n++);
}

std::string PseudonymBook::pseudonymFor(const Finding& finding) {
  const std::string category = categoryOf(finding);
  if (category.empty()) return {};
  if (category != "NAME") {
    const std::string k = key(category, compact(finding.text));
    auto it = entries_.find(k);
    if (it != entries_.end()) return it->second;
    const std::string p = assign(category);
    entries_.emplace(k, p);
    return p;
  }
  // Names. A whole name seen before is that person. A single word ("Hodan",
  // "Warsame") is the person it was part of — when only one person had it:
  // "Ali Hassan" and "Amina Hassan" are two people, and "Hassan" alone then
  // gets a pseudonym of its own rather than a guess. A new full name is a new
  // person, unless it starts with a given name met alone before ("Hodan", then
  // "Hodan Warsame"). A genitive keeps its -s: "Person A:s".
  const auto parts = wordsOf(finding.text);
  if (parts.empty()) return {};
  std::u32string whole;
  for (const auto& w : parts) whole += (whole.empty() ? U"" : U" ") + w;
  auto lookup = [&](const char* kind, const std::u32string& w) -> const std::string* {
    auto it = entries_.find(key(kind, w));
    return it == entries_.end() || it->second.empty() ? nullptr : &it->second;
  };
  auto lookupWord = [&](const std::u32string& w) -> const std::string* {
    if (const auto* p = lookup("NAME", w)) return p;
    return lookup("PART", w);
  };
  bool genitive = false;
  const std::string* found = nullptr;
  if (parts.size() == 1) {
    found = lookupWord(whole);
    if (found == nullptr && whole.size() > 2 && whole.back() == U's') {
      found = lookupWord(whole.substr(0, whole.size() - 1));
      genitive = found != nullptr;
    }
  } else {
    found = lookup("NAME", whole);
    if (found == nullptr && whole.size() > 2 && whole.back() == U's') {
      found = lookup("NAME", whole.substr(0, whole.size() - 1));
      genitive = found != nullptr;
    }
    if (found == nullptr) found = lookup("NAME", parts.front());
  }
  const std::string p = found != nullptr ? *found : assign(category);
  if (!genitive) {
    entries_.emplace(key("NAME", whole), p);
    if (parts.size() > 1) {
      for (const auto& w : parts) {
        auto [it, added] = entries_.emplace(key("PART", w), p);
        if (!added && it->second != p) it->second.clear();  // two people: ambiguous
      }
    }
  }
  return genitive ? p + ":s" : p;
}

std::vector<Proposal> PseudonymBook::propose(const std::vector<Finding>& findings) {
  std::vector<Proposal> out = deid::propose(findings);
  for (auto& p : out) {
    std::string pseudonym = pseudonymFor(p.finding);
    if (pseudonym.empty()) continue;  // numbers, dates, postcodes: labels as before
    p.replacement = std::move(pseudonym);
    p.explanation = "samma pseudonym för samma uppgift i hela ärendet";
  }
  return out;
}

std::string PseudonymBook::serialize() const {
  std::ostringstream out;
  out << "samrad-pseudonyms 1\n";
  for (const auto& [category, n] : counters_) out << "#" << category << kSep << n << '\n';
  for (const auto& [k, p] : entries_) out << k << kSep << p << '\n';
  return out.str();
}

Result<PseudonymBook> PseudonymBook::parse(std::string_view text) {
  PseudonymBook book;
  std::istringstream in{std::string(text)};
  std::string line;
  if (!std::getline(in, line) || line != "samrad-pseudonyms 1") {
    return Error(ErrorCode::DataLoss, "deid.pseudonyms_corrupt",
                 "the case's pseudonym book is not in a known format");
  }
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto first = line.find(kSep);
    if (first == std::string::npos) {
      return Error(ErrorCode::DataLoss, "deid.pseudonyms_corrupt",
                   "the case's pseudonym book has a damaged line");
    }
    if (line[0] == '#') {
      const std::string count = line.substr(first + 1);
      if (first < 2 || count.empty() || count.size() > 6 ||
          count.find_first_not_of("0123456789") != std::string::npos) {
        return Error(ErrorCode::DataLoss, "deid.pseudonyms_corrupt",
                     "the case's pseudonym book has a damaged counter");
      }
      book.counters_[line.substr(1, first - 1)] = static_cast<unsigned>(std::stoul(count));
      continue;
    }
    const auto second = line.find(kSep, first + 1);
    if (second == std::string::npos) {
      return Error(ErrorCode::DataLoss, "deid.pseudonyms_corrupt",
                   "the case's pseudonym book has a damaged line");
    }
    book.entries_.emplace(line.substr(0, second), line.substr(second + 1));
  }
  return book;
}

}  // namespace samrad::deid
