// A person's keys and certificates as the client holds them: an identity key
// certified by the agency root, and one device with its own signing and box
// keys certified by the identity key (DESIGN §3, trust chain).
#pragma once

#include <cstdint>

#include "samrad/crypto/certificates.h"
#include "samrad/crypto/membership.h"

namespace samrad::client {

struct Agency {
  crypto::AgencyId id = crypto::AgencyId::random();
  crypto::SigningKeyPair root = crypto::SigningKeyPair::generate();
};

struct DeviceIdentity {
  crypto::UserId user = crypto::UserId::random();
  crypto::SigningKeyPair identity = crypto::SigningKeyPair::generate();
  crypto::DeviceId device = crypto::DeviceId::random();
  crypto::SigningKeyPair signing = crypto::SigningKeyPair::generate();
  crypto::BoxKeyPair box = crypto::BoxKeyPair::generate();
  crypto::Envelope userCertificate;
  crypto::Envelope deviceCertificate;

  // Fresh keys, certified by `agency` for [now - crypto::kClockSkewSeconds, now + validFor).
  static DeviceIdentity issue(const Agency& agency, crypto::UserRole role, std::int64_t now,
                              std::int64_t validFor);
  [[nodiscard]] crypto::MemberSpec memberSpec(crypto::GroupRole role) const {
    return {userCertificate, role, {deviceCertificate}};
  }
};

}  // namespace samrad::client
