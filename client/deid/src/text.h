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
// Latin Extended-A pairs capitals and small letters by parity, but the
// parity flips twice: Ĺ…ň (U+0139–U+0148) and Ź…ž (U+0179–U+017E) have the
// capital on the odd code point ("Łukasz", "Željko"); Ÿ (U+0178) pairs with ÿ.
// Latin Extended-A pairs capitals and small letters by parity, but the
// parity flips twice: Ĺ…ň (U+0139–U+0148) and Ź…ž (U+0179–U+017E) have the
// capital on the odd code point ("Łukasz", "Željko"); Ÿ (U+0178) pairs with ÿ.
// Greek, Cyrillic and Vietnamese (Latin Extended Additional) capitals too.
inline bool isUpper(char32_t c) {
  if ((c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) return true;
  if (c >= 0x100 && c <= 0x17F) {
    if (c == 0x178) return true;
    if (c == 0x138 || c == 0x149 || c == 0x17F) return false;  // ĸ, ŉ, ſ: no capital
    const bool oddCapital = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    return oddCapital ? c % 2 == 1 : c % 2 == 0;
  }
  if (c == 0x386 || (c >= 0x388 && c <= 0x38F) || (c >= 0x391 && c <= 0x3AB)) return true;
  if (c >= 0x400 && c <= 0x42F) return true;
  if (((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF)) && c % 2 == 0) return true;
  if (((c >= 0x1E00 && c <= 0x1E95) || (c >= 0x1EA0 && c <= 0x1EFF)) && c % 2 == 0) return true;
  return false;
}
// Combining accents (text pasted from a Mac writes "å" as a + ring).
inline bool isMark(char32_t c) {
  return c >= 0x300 && c <= 0x36F;
}
// Invisible characters that may sit inside a word: soft hyphen, zero-width
// space and joiners, word joiner, byte-order mark.
inline bool isInvisible(char32_t c) {
  return c == 0xAD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
}
inline bool isLatin(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x1E00 && c <= 0x1EFF);
}
// Letters of any script a name can be written in: Latin, Greek, Cyrillic,
// Armenian, Hebrew, Arabic, Syriac, Thaana, Indic, Thai, Georgian, Ethiopic,
// Vietnamese, CJK, Hangul. Their own punctuation and digits count as letters
// here, which only makes a word longer.
inline bool isLetter(char32_t c) {
  return isLatin(c) || (c >= 0x370 && c <= 0x3FF && c != 0x37E && c != 0x387) ||
         (c >= 0x400 && c <= 0x52F) || (c >= 0x531 && c <= 0x58A) || (c >= 0x5D0 && c <= 0x5F2) ||
         (c >= 0x620 && c <= 0x6D3) || (c >= 0x6FA && c <= 0x7B1) || (c >= 0x900 && c <= 0xDFF) ||
         (c >= 0xE01 && c <= 0xE4E) || (c >= 0x10A0 && c <= 0x10FF) ||
         (c >= 0x1200 && c <= 0x137C) || (c >= 0x3040 && c <= 0x30FF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3);
}
inline char32_t toLower(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c == 0x178) return 0xFF;
  if (c == 0x130) return U'i';  // İ
  if (c >= 0x100 && c <= 0x17F && isUpper(c)) return c + 1;
  if (c >= 0x391 && c <= 0x3AB) return c + 0x20;
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  if (((c >= 0x460 && c <= 0x4BF) || (c >= 0x1E00 && c <= 0x1EFF)) && isUpper(c)) return c + 1;
  return c;
}
// Lower case, invisible characters dropped and the accents Swedish uses
// composed ("a" + ring → "å"), for looking a word up.
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
  std::u32string lower;      // words only
  bool otherScript = false;  // letters of a script other than Latin (a name, as a rule)
};

// Words (letters, with inner hyphens: "Anna-Karin") and digit runs; all
// else separates.
std::vector<Token> tokenize(std::u32string_view t);

}  // namespace samrad::deid::text
