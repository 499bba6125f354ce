// Fixed keys for fuzz targets, the same seeds as the golden vectors, so the
// seed corpora (built from those vectors) reach past signature checks.
#pragma once

#include <cstdlib>

#include "samrad/crypto/certificates.h"
#include "samrad/crypto/membership.h"

namespace samrad::fuzz {

inline crypto::Bytes filled(std::uint8_t b, std::size_t n = 32) {
  return crypto::Bytes(n, b);
}

inline const crypto::SigningKeyPair& key(std::uint8_t seed) {
  static std::map<std::uint8_t, crypto::SigningKeyPair> keys;
  auto it = keys.find(seed);
  if (it == keys.end()) {
    auto kp = crypto::SigningKeyPair::fromSeed(filled(seed));
    if (!kp.ok()) std::abort();
    it = keys.emplace(seed, std::move(kp).value()).first;
  }
  return it->second;
}

inline crypto::AgencyId agency() {
  return *crypto::AgencyId::fromBytes(filled(0x10, 16));
}

inline crypto::TrustStore roots() {
  crypto::TrustStore t;
  t.pin(agency(), key(0x01).publicKey());
  return t;
}

inline crypto::UserCertificate user() {
  return {*crypto::UserId::fromBytes(filled(0x11, 16)),
          agency(),
          crypto::UserRole::Member,
          key(0x02).publicKey(),
          1790000000 - 100,
          1790000000 + 100,
          7};
}

inline constexpr std::int64_t kTime = 1790000000;

}  // namespace samrad::fuzz
