#include "samrad/client/recovery.h"

#include <sodium.h>

#include <array>
#include <cctype>

namespace samrad::client {
namespace {

// Proquint letters: 16 consonants (4 bits) and 4 vowels (2 bits).
constexpr std::string_view kConsonants = "bdfghjklmnprstvz";
constexpr std::string_view kVowels = "aiou";

std::string proquint(std::uint16_t v) {
  std::string w(5, ' ');
  w[0] = kConsonants[(v >> 12) & 0x0f];
  w[1] = kVowels[(v >> 10) & 0x03];
  w[2] = kConsonants[(v >> 6) & 0x0f];
  w[3] = kVowels[(v >> 4) & 0x03];
  w[4] = kConsonants[v & 0x0f];
  return w;
}

std::optional<std::uint16_t> unproquint(std::string_view w) {
  if (w.size() != 5) return std::nullopt;
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 5; ++i) {
    const bool consonant = i % 2 == 0;
    const std::string_view letters = consonant ? kConsonants : kVowels;
    const auto at = letters.find(w[i]);
    if (at == std::string_view::npos) return std::nullopt;
    v = (v << (consonant ? 4 : 2)) | static_cast<std::uint32_t>(at);
  }
  return static_cast<std::uint16_t>(v);
}

// The check word: the first 16 bits of BLAKE2b over the seed, domain-separated.
std::uint16_t checkOf(const std::uint8_t* seed) {
  static constexpr std::string_view kLabel{"samrad/v1/recovery-words\0", 25};
  std::array<std::uint8_t, 16> h{};
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, h.size());
  crypto_generichash_update(&st, crypto::asBytes(kLabel).data(), kLabel.size());
  crypto_generichash_update(&st, seed, kRecoverySeedSize);
  crypto_generichash_final(&st, h.data(), h.size());
  sodium_memzero(&st, sizeof st);
  return static_cast<std::uint16_t>((h[0] << 8) | h[1]);
}

// 32 (or 16) bytes for `label` from the seed.
crypto::SecretBytes derive(const crypto::SecretBytes& seed, std::string_view label,
                           std::size_t size) {
  crypto::SecretBytes out(size);
  crypto_generichash_state st;
  crypto_generichash_init(&st, seed.data(), seed.size(), size);
  crypto_generichash_update(&st, crypto::asBytes(label).data(), label.size());
  crypto_generichash_final(&st, out.data(), out.size());
  sodium_memzero(&st, sizeof st);
  return out;
}

Error badSeed() {
  return Error(ErrorCode::InvalidArgument, "recovery.seed", "a recovery seed is 32 bytes");
}

}  // namespace

crypto::SecretBytes newRecoverySeed() {
  return crypto::SecretBytes::random(kRecoverySeedSize);
}

std::string recoveryWords(const crypto::SecretBytes& seed) {
  std::string out;
  if (seed.size() != kRecoverySeedSize) return out;
  out.reserve(kRecoveryWords * 6);
  for (std::size_t i = 0; i < kRecoverySeedSize; i += 2) {
    out += proquint(static_cast<std::uint16_t>((seed.data()[i] << 8) | seed.data()[i + 1]));
    out += ' ';
  }
  out += proquint(checkOf(seed.data()));
  return out;
}

Result<crypto::SecretBytes> seedFromWords(std::string_view words) {
  crypto::SecretBytes seed(kRecoverySeedSize);
  std::string word;
  word.reserve(8);  // never past the small-string buffer: nothing left on the heap
  std::size_t n = 0;
  std::optional<std::uint16_t> check;
  auto take = [&]() -> bool {
    if (word.empty()) return true;
    const auto v = unproquint(word);
    crypto::wipeMemory(word.data(), word.size());
    word.clear();
    if (!v || n >= kRecoveryWords) return false;
    if (n < kRecoveryWords - 1) {
      seed.data()[2 * n] = static_cast<std::uint8_t>(*v >> 8);
      seed.data()[2 * n + 1] = static_cast<std::uint8_t>(*v & 0xff);
    } else {
      check = *v;
    }
    ++n;
    return true;
  };
  bool whole = true;
  for (const char c : words) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0 || c == '-' || c == ',') {
      if (!take()) {
        whole = false;
        break;
      }
      continue;
    }
    if (word.size() > 5) {
      whole = false;
      break;
    }
    word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  whole = whole && take();
  if (!whole || n != kRecoveryWords || !check) {
    return Error(ErrorCode::InvalidArgument, "recovery.words",
                 "the recovery key is 17 words of five letters, as printed on its sheet");
  }
  if (*check != checkOf(seed.data())) {
    return Error(ErrorCode::InvalidArgument, "recovery.words_check",
                 "the words do not add up: one of them is mistyped; compare them with the sheet");
  }
  return seed;
}

Result<DeviceIdentity> recoveryKeys(const crypto::SecretBytes& seed) {
  if (seed.size() != kRecoverySeedSize) return badSeed();
  const auto userId = derive(seed, "samrad/v1/recovery/user", 16);
  const auto deviceId = derive(seed, "samrad/v1/recovery/device", 16);
  SAMRAD_ASSIGN_OR_RETURN(
      auto identity,
      crypto::SigningKeyPair::fromSeed(derive(seed, "samrad/v1/recovery/identity", 32).view()));
  SAMRAD_ASSIGN_OR_RETURN(auto signing, crypto::SigningKeyPair::fromSeed(
                                            derive(seed, "samrad/v1/recovery/signing", 32).view()));
  SAMRAD_ASSIGN_OR_RETURN(
      auto box, crypto::BoxKeyPair::fromSecret(derive(seed, "samrad/v1/recovery/box", 32).view()));
  SAMRAD_ASSIGN_OR_RETURN(auto user, crypto::UserId::fromBytes(userId.view()));
  SAMRAD_ASSIGN_OR_RETURN(auto device, crypto::DeviceId::fromBytes(deviceId.view()));
  return DeviceIdentity{user, std::move(identity), device, std::move(signing), std::move(box), {},
                        {}};
}

Result<DeviceIdentity> issueRecoveryIdentity(const Agency& agency, const crypto::SecretBytes& seed,
                                             std::int64_t now, std::int64_t validFor) {
  SAMRAD_ASSIGN_OR_RETURN(auto d, recoveryKeys(seed));
  d.userCertificate = crypto::issueUserCertificate(
      agency.root,
      {d.user, agency.id, crypto::UserRole::Recovery, d.identity.publicKey(),
       now - crypto::kClockSkewSeconds, now + validFor, static_cast<std::uint64_t>(now)});
  d.deviceCertificate = crypto::issueDeviceCertificate(
      d.identity, {d.device, d.user, d.signing.publicKey(), d.box.publicKey(),
                   now - crypto::kClockSkewSeconds, now + validFor});
  return d;
}

std::string recoveryKeyLabelSv(std::string_view agencyName) {
  if (agencyName.empty()) return "Återställningsnyckel";
  std::string name(agencyName);
  const char last = static_cast<char>(std::tolower(static_cast<unsigned char>(name.back())));
  if (last != 's' && last != 'x' && last != 'z') name += 's';
  return name + " återställningsnyckel";
}

}  // namespace samrad::client
