#include "samrad/crypto/identity_checks.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace samrad::crypto {
namespace {

using Digest64 = std::array<std::uint8_t, crypto_generichash_BYTES_MAX>;

Digest64 fingerprint(ByteView partyId, const SigningPublicKey& key) {
  static constexpr std::string_view kLabel{"samrad/v1/safety-number\0", 24};
  Digest64 h{};
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, h.size());
  crypto_generichash_update(&st, asBytes(kLabel).data(), kLabel.size());
  const std::uint8_t version[2] = {static_cast<std::uint8_t>(kSafetyNumberVersion >> 8),
                                   static_cast<std::uint8_t>(kSafetyNumberVersion & 0xff)};
  crypto_generichash_update(&st, version, sizeof version);
  crypto_generichash_update(&st, key.bytes.data(), key.bytes.size());
  crypto_generichash_update(&st, partyId.data(), partyId.size());
  crypto_generichash_final(&st, h.data(), h.size());
  // Iterated so that searching for a colliding key costs thousands of hashes each.
  for (int i = 0; i < kSafetyIterations; ++i) {
    crypto_generichash_init(&st, nullptr, 0, h.size());
    crypto_generichash_update(&st, h.data(), h.size());
    crypto_generichash_update(&st, key.bytes.data(), key.bytes.size());
    crypto_generichash_final(&st, h.data(), h.size());
  }
  return h;
}

std::string digitsOf(const Digest64& h) {
  std::string out;
  for (int chunk = 0; chunk < 6; ++chunk) {
    std::uint64_t v = 0;
    for (int i = 0; i < 5; ++i) v = (v << 8) | h[static_cast<std::size_t>(chunk * 5 + i)];
    std::string part = std::to_string(v % 100000);
    out += std::string(5 - part.size(), '0') + part;
  }
  return out;
}

bool allDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int num(std::string_view s) {
  int v = 0;
  for (const char c : s) v = v * 10 + (c - '0');
  return v;
}

bool validDate(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max = kDays[month - 1];
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && leap) max = 29;
  return day <= max;
}

}  // namespace

std::string safetyFingerprintDigits(ByteView partyId, const SigningPublicKey& key) {
  return digitsOf(fingerprint(partyId, key));
}

std::string safetyNumber(ByteView idA, const SigningPublicKey& keyA, ByteView idB,
                         const SigningPublicKey& keyB) {
  std::string a = safetyFingerprintDigits(idA, keyA);
  std::string b = safetyFingerprintDigits(idB, keyB);
  if (b < a) std::swap(a, b);
  return a + b;
}

std::string formatSafetyNumber(const std::string& digits) {
  std::string out;
  for (std::size_t i = 0; i < digits.size(); i += 5) {
    if (!out.empty()) out.push_back(' ');
    out += digits.substr(i, 5);
  }
  return out;
}

Bytes safetyQrPayload(ByteView idA, const SigningPublicKey& keyA, ByteView idB,
                      const SigningPublicKey& keyB) {
  Digest64 a = fingerprint(idA, keyA);
  Digest64 b = fingerprint(idB, keyB);
  if (digitsOf(b) < digitsOf(a)) std::swap(a, b);
  Bytes out{static_cast<std::uint8_t>(kSafetyNumberVersion)};
  out.insert(out.end(), a.begin(), a.begin() + 32);
  out.insert(out.end(), b.begin(), b.begin() + 32);
  return out;
}

std::string groupCode(const GroupId& group, const Hash& chainHead) {
  static constexpr std::string_view kLabel{"samrad/v1/group-code\0", 21};
  std::array<std::uint8_t, 32> h{};
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, h.size());
  crypto_generichash_update(&st, asBytes(kLabel).data(), kLabel.size());
  crypto_generichash_update(&st, group.bytes.data(), group.bytes.size());
  crypto_generichash_update(&st, chainHead.bytes.data(), chainHead.bytes.size());
  crypto_generichash_final(&st, h.data(), h.size());
  std::uint64_t v = 0;
  for (int i = 0; i < 6; ++i) v = (v << 8) | h[static_cast<std::size_t>(i)];
  std::string d = std::to_string(v % 1000000000000ULL);
  d = std::string(12 - d.size(), '0') + d;
  return d.substr(0, 4) + " " + d.substr(4, 4) + " " + d.substr(8, 4);
}

bool luhnValid(std::string_view ten) {
  if (ten.size() != 10 || !allDigits(ten)) return false;
  int sum = 0;
  for (std::size_t i = 0; i < 10; ++i) {
    int d = ten[i] - '0';
    if (i % 2 == 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 == 0;
}

Result<std::string> normalisePersonnummer(std::string_view text, int referenceYear) {
  auto bad = [](const char* reason, const char* msg) {
    return Error(ErrorCode::InvalidArgument, reason, msg);
  };
  std::string s;
  for (const char c : text) {
    if (c != ' ') s.push_back(c);
  }
  char sep = 0;
  std::string digits;
  for (const char c : s) {
    if (c == '-' || c == '+') {
      if (sep != 0) return bad("pnr.format", "more than one separator");
      sep = c;
    } else if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else {
      return bad("pnr.format", "unexpected character");
    }
  }
  if (sep != 0) {
    const auto pos = s.find(sep);
    if (s.size() - pos - 1 != 4) return bad("pnr.format", "four digits must follow the separator");
  }
  int year = 0;
  std::string ten;
  if (digits.size() == 12) {
    if (sep == '+') return bad("pnr.format", "'+' is only used with the 10-digit form");
    year = num(std::string_view(digits).substr(0, 4));
    ten = digits.substr(2);
  } else if (digits.size() == 10) {
    const int yy = num(std::string_view(digits).substr(0, 2));
    year = (referenceYear / 100) * 100 + yy;
    if (year > referenceYear) year -= 100;
    if (sep == '+') year -= 100;  // a hundred years or older
    ten = digits;
  } else {
    return bad("pnr.format", "a personnummer has 10 or 12 digits");
  }
  const int month = num(std::string_view(ten).substr(2, 2));
  int day = num(std::string_view(ten).substr(4, 2));
  if (day > 60) day -= 60;  // samordningsnummer
  if (!validDate(year, month, day)) return bad("pnr.date", "not a valid date of birth");
  if (!luhnValid(ten)) return bad("pnr.checksum", "the check digit does not match");
  std::string y = std::to_string(year);
  y = std::string(4 - std::min<std::size_t>(4, y.size()), '0') + y;
  return y + ten.substr(2);
}

}  // namespace samrad::crypto
