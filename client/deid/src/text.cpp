#include "text.h"

#include "samrad/deid/scanner.h"

namespace samrad::deid {

std::u32string decodeUtf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    int len = 0;
    char32_t cp = 0;
    if (b < 0x80) {
      len = 1;
      cp = b;
    } else if ((b & 0xE0) == 0xC0) {
      len = 2;
      cp = b & 0x1F;
    } else if ((b & 0xF0) == 0xE0) {
      len = 3;
      cp = b & 0x0F;
    } else if ((b & 0xF8) == 0xF0) {
      len = 4;
      cp = b & 0x07;
    }
    bool ok = len > 0 && i + static_cast<std::size_t>(len) <= s.size();
    for (int k = 1; ok && k < len; ++k) {
      const auto c = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((c & 0xC0) != 0x80) {
        ok = false;
      } else {
        cp = (cp << 6) | (c & 0x3F);
      }
    }
    // Overlong forms, surrogates and values past U+10FFFF are not text.
    if (ok && ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
               (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))) {
      ok = false;
    }
    if (!ok) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    out.push_back(cp);
    i += static_cast<std::size_t>(len);
  }
  return out;
}

std::string encodeUtf8(std::u32string_view t) {
  std::string out;
  out.reserve(t.size());
  for (char32_t c : t) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

namespace text {

std::u32string lower(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (char32_t c : s) {
    if (isInvisible(c)) continue;
    if (isMark(c) && !out.empty()) {
      char32_t& base = out.back();
      // The precomposed forms Swedish and its neighbours use.
      struct Compose {
        char32_t base, mark, composed;
      };
      static constexpr Compose kCompose[] = {
          {U'a', 0x30A, U'å'},  {U'a', 0x308, U'ä'},  {U'o', 0x308, U'ö'},  {U'u', 0x308, U'ü'},
          {U'e', 0x301, U'é'},  {U'e', 0x300, U'è'},  {U'a', 0x301, U'á'},  {U'i', 0x301, U'í'},
          {U'o', 0x301, U'ó'},  {U'u', 0x301, U'ú'},  {U'n', 0x303, U'ñ'},  {U'c', 0x30C, 0x10D},
          {U's', 0x30C, 0x161}, {U'z', 0x30C, 0x17E}, {U'c', 0x301, 0x107}, {U'o', 0x303, U'õ'}};
      bool done = false;
      for (const auto& k : kCompose) {
        if (base == k.base && c == k.mark) {
          base = k.composed;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out.push_back(toLower(c));
  }
  return out;
}

std::u32string u32(std::string_view utf8) {
  return decodeUtf8(utf8);
}

std::vector<Token> tokenize(std::u32string_view t) {
  std::vector<Token> out;
  bool sentenceStart = true;
  std::size_t i = 0;
  while (i < t.size()) {
    const char32_t c = t[i];
    if (isDigit(c)) {
      Token tok;
      tok.start = i;
      while (i < t.size() && isDigit(t[i])) ++i;
      tok.end = i;
      tok.number = true;
      tok.sentenceStart = sentenceStart;
      sentenceStart = false;
      out.push_back(std::move(tok));
      continue;
    }
    if (isLetter(c)) {
      Token tok;
      tok.start = i;
      while (i < t.size() && (isLetter(t[i]) || isMark(t[i]) ||
                              (isInvisible(t[i]) && i + 1 < t.size() && isLetter(t[i + 1])) ||
                              (t[i] == U'-' && i + 1 < t.size() && isLetter(t[i + 1]) &&
                               i > tok.start && isLetter(t[i - 1])))) {
        ++i;
      }
      tok.end = i;
      tok.sentenceStart = sentenceStart;
      sentenceStart = false;
      std::size_t upper = 0;
      std::size_t letters = 0;
      std::size_t latin = 0;
      for (std::size_t k = tok.start; k < tok.end; ++k) {
        if (!isLetter(t[k])) continue;
        ++letters;
        if (isLatin(t[k])) ++latin;
        if (isUpper(t[k])) ++upper;
      }
      tok.otherScript = latin == 0;
      if (upper == 0) {
        tok.letterCase = Case::Lower;
      } else if (upper == letters && letters > 1) {
        tok.letterCase = Case::AllCaps;
      } else if (isUpper(t[tok.start]) && upper == 1) {
        tok.letterCase = Case::Capitalized;
      } else if (isUpper(t[tok.start])) {
        // "Anna-Karin", "McDonald": capitalised parts.
        tok.letterCase = Case::Capitalized;
      } else {
        tok.letterCase = Case::Mixed;
      }
      tok.lower = lower(t.substr(tok.start, tok.end - tok.start));
      out.push_back(std::move(tok));
      continue;
    }
    if (c == U'.' || c == U'!' || c == U'?' || c == U'\n' || c == U':' || c == U';') {
      sentenceStart = true;
    }
    ++i;
  }
  return out;
}

}  // namespace text
}  // namespace samrad::deid
