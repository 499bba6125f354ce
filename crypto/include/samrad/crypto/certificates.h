// The trust chain (DESIGN §3): agency root (Ed25519) → user identity
// certificate → device certificate with the device's own Ed25519 signing key
// and X25519 box key. Verification always goes signature first, then parse,
// then validity, revocation and binding checks, each failure a distinct reason.
#pragma once

#include <cstdint>
#include <map>
#include <optional>

#include "samrad/common/result.h"
#include "samrad/crypto/envelope.h"
#include "samrad/crypto/primitives.h"

namespace samrad::crypto {

// How far apart the clocks of the agencies' computers and the server may be.
// Certificates are issued valid from this long before their issuer's "now",
// so a certificate made on a computer whose clock runs minutes ahead is
// already valid where it is checked (the server, the other agencies, a
// membership link made on a computer whose clock runs behind).
inline constexpr std::int64_t kClockSkewSeconds = 600;

enum class UserRole { Member = 1, Administrator = 2, Lawyer = 3, External = 4, Recovery = 5 };

struct UserCertificate {
  UserId user;
  AgencyId agency;
  UserRole role = UserRole::Member;
  SigningPublicKey identityKey;
  std::int64_t validFrom = 0;
  std::int64_t validUntil = 0;
  std::uint64_t serial = 0;
};

struct DeviceCertificate {
  DeviceId device;
  UserId user;
  SigningPublicKey signingKey;
  BoxPublicKey boxKey;
  std::int64_t validFrom = 0;
  std::int64_t validUntil = 0;
};

// Agency roots a group has pinned (after people compared safety numbers).
class TrustStore {
 public:
  void pin(const AgencyId& agency, const SigningPublicKey& root);
  [[nodiscard]] std::optional<std::pair<AgencyId, SigningPublicKey>> byKeyId(const KeyId& id) const;
  [[nodiscard]] std::optional<SigningPublicKey> rootOf(const AgencyId& agency) const;

 private:
  std::map<KeyId, std::pair<AgencyId, SigningPublicKey>> byKeyId_;
};

// Revoked users and devices with the time revocation took effect: anything
// they signed at or after that time is refused.
class RevocationList {
 public:
  void revokeUser(const UserId& user, std::int64_t at);
  void revokeDevice(const DeviceId& device, std::int64_t at);
  [[nodiscard]] bool userRevokedAt(const UserId& user, std::int64_t time) const;
  [[nodiscard]] bool deviceRevokedAt(const DeviceId& device, std::int64_t time) const;
  // Revoked at any time: what decides whether a key may still be sealed to
  // it (a clock behind the revocation must not make it usable again).
  [[nodiscard]] bool deviceRevoked(const DeviceId& device) const {
    return devices_.count(device) != 0;
  }
  [[nodiscard]] bool userRevoked(const UserId& user) const { return users_.count(user) != 0; }
  [[nodiscard]] bool empty() const { return users_.empty() && devices_.empty(); }
  // The same revocations taking effect `seconds` later (see kLinkClockSkew).
  [[nodiscard]] RevocationList delayedBy(std::int64_t seconds) const;
  bool operator==(const RevocationList&) const = default;

 private:
  std::map<UserId, std::int64_t> users_;
  std::map<DeviceId, std::int64_t> devices_;
};

Envelope issueUserCertificate(const SigningKeyPair& agencyRoot, const UserCertificate& cert);
Envelope issueDeviceCertificate(const SigningKeyPair& identityKey, const DeviceCertificate& cert);

// Reasons: cert.unknown_root, envelope.bad_signature, cert.malformed,
// cert.agency_mismatch, cert.not_yet_valid, cert.expired, cert.revoked.
Result<UserCertificate> verifyUserCertificate(const Envelope& envelope, const TrustStore& roots,
                                              std::int64_t at, const RevocationList& revoked);

// Reasons: envelope.wrong_signer, envelope.bad_signature, cert.malformed,
// cert.user_mismatch, cert.key_reuse, cert.not_yet_valid, cert.expired,
// cert.revoked.
Result<DeviceCertificate> verifyDeviceCertificate(const Envelope& envelope,
                                                  const UserCertificate& owner, std::int64_t at,
                                                  const RevocationList& revoked);

}  // namespace samrad::crypto
