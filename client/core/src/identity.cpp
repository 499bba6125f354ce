#include "samrad/client/identity.h"

namespace samrad::client {

DeviceIdentity DeviceIdentity::issue(const Agency& agency, crypto::UserRole role, std::int64_t now,
                                     std::int64_t validFor) {
  DeviceIdentity d;
  d.userCertificate = crypto::issueUserCertificate(
      agency.root, {d.user, agency.id, role, d.identity.publicKey(),
                    now - crypto::kClockSkewSeconds, now + validFor, 1});
  d.deviceCertificate = crypto::issueDeviceCertificate(
      d.identity, {d.device, d.user, d.signing.publicKey(), d.box.publicKey(),
                   now - crypto::kClockSkewSeconds, now + validFor});
  return d;
}

}  // namespace samrad::client
