// Code-point helpers for the scanner: Latin letters (Swedish å ä ö é ü and
// the rest of Latin-1 and Latin Extended-A), case, and a token list.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace samrad::deid::text {

inline bool isDigit(char32_t c) {
  return c >= U'0' && c <= U'9';
}
inline bool isUpper(char32_t c) {
  return (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
         (c >= 0x100 && c <= 0x17F && c % 2 == 0);
}
inline bool isLetter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}
inline char32_t toLower(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x17F && c % 2 == 0) return c + 1;
  return c;
}
std::u32string lower(std::u32string_view s);
// Plain ASCII/Latin text to code points (for literals in the scanner).
std::u32string u32(std::string_view utf8);

enum class Case { Lower, Capitalized, AllCaps, Mixed };

struct Token {
  std::size_t start = 0;
  std::size_t end = 0;
  bool number = false;  // a run of digits; otherwise a word
  bool sentenceStart = false;
  Case letterCase = Case::Lower;
  std::u32string lower;  // words only
};

// Words (letters, with inner hyphens: "Anna-Karin") and digit runs; all
// else separates.
std::vector<Token> tokenize(std::u32string_view t);

}  // namespace samrad::deid::text
