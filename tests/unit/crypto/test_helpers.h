// Shared fixtures for crypto tests: agencies, users and devices with real keys.
#pragma once

#include <string>
#include <vector>

#include "samrad/crypto/certificates.h"
#include "samrad/crypto/membership.h"
#include "samrad/crypto/primitives.h"

namespace samrad::crypto::testing {

inline constexpr std::int64_t kT0 = 1790000000;  // 2026-09-21
inline constexpr std::int64_t kYear = 365LL * 24 * 3600;

inline Bytes hex(std::string_view h) {
  Bytes out;
  if (!fromHex(h, out)) std::abort();
  return out;
}

struct Agency {
  AgencyId id = AgencyId::random();
  SigningKeyPair root = SigningKeyPair::generate();
};

struct Device {
  DeviceId id = DeviceId::random();
  SigningKeyPair signing = SigningKeyPair::generate();
  BoxKeyPair box = BoxKeyPair::generate();
  Envelope certificate;
};

struct Person {
  UserId id = UserId::random();
  SigningKeyPair identity = SigningKeyPair::generate();
  Envelope certificate;
  std::vector<Device> devices;

  Person(const Agency& agency, UserRole role, int deviceCount = 1) {
    UserCertificate c;
    c.user = id;
    c.agency = agency.id;
    c.role = role;
    c.identityKey = identity.publicKey();
    c.validFrom = kT0 - kYear;
    c.validUntil = kT0 + kYear;
    c.serial = 1;
    certificate = issueUserCertificate(agency.root, c);
    for (int i = 0; i < deviceCount; ++i) addDevice();
  }

  Device& addDevice() {
    Device d;
    DeviceCertificate dc;
    dc.device = d.id;
    dc.user = id;
    dc.signingKey = d.signing.publicKey();
    dc.boxKey = d.box.publicKey();
    dc.validFrom = kT0 - kYear;
    dc.validUntil = kT0 + kYear;
    d.certificate = issueDeviceCertificate(identity, dc);
    devices.push_back(std::move(d));
    return devices.back();
  }

  [[nodiscard]] MemberSpec spec(GroupRole role) const {
    MemberSpec s;
    s.userCertificate = certificate;
    s.role = role;
    for (const auto& d : devices) s.deviceCertificates.push_back(d.certificate);
    return s;
  }
  [[nodiscard]] const Device& device(std::size_t i = 0) const { return devices.at(i); }
};

}  // namespace samrad::crypto::testing
