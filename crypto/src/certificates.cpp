#include "samrad/crypto/certificates.h"

#include "samrad/v1/crypto.pb.h"

namespace samrad::crypto {
namespace {

Bytes serialize(const google::protobuf::MessageLite& m) {
  std::string s;
  m.SerializeToString(&s);
  return {s.begin(), s.end()};
}

Status checkValidity(std::int64_t from, std::int64_t until, std::int64_t at) {
  if (from >= until) {
    return Error(ErrorCode::InvalidArgument, "cert.malformed", "validity period is empty");
  }
  if (at < from) {
    return Error(ErrorCode::FailedPrecondition, "cert.not_yet_valid",
                 "certificate is not valid yet (it starts " + std::to_string(from - at) +
                     " s from now): the clock of the computer that issued it, or of this one, "
                     "is wrong");
  }
  if (at >= until) {
    return Error(ErrorCode::FailedPrecondition, "cert.expired", "certificate has expired");
  }
  return okStatus();
}

Error malformed(const char* what) {
  return Error(ErrorCode::InvalidArgument, "cert.malformed", what);
}

}  // namespace

void TrustStore::pin(const AgencyId& agency, const SigningPublicKey& root) {
  byKeyId_[root.keyId()] = {agency, root};
}

std::optional<std::pair<AgencyId, SigningPublicKey>> TrustStore::byKeyId(const KeyId& id) const {
  auto it = byKeyId_.find(id);
  if (it == byKeyId_.end()) return std::nullopt;
  return it->second;
}

std::optional<SigningPublicKey> TrustStore::rootOf(const AgencyId& agency) const {
  for (const auto& [id, entry] : byKeyId_) {
    if (entry.first == agency) return entry.second;
  }
  return std::nullopt;
}

void RevocationList::revokeUser(const UserId& user, std::int64_t at) {
  users_[user] = at;
}
void RevocationList::revokeDevice(const DeviceId& device, std::int64_t at) {
  devices_[device] = at;
}
bool RevocationList::userRevokedAt(const UserId& user, std::int64_t time) const {
  auto it = users_.find(user);
  return it != users_.end() && time >= it->second;
}
RevocationList RevocationList::delayedBy(std::int64_t seconds) const {
  RevocationList out = *this;
  for (auto& [id, at] : out.users_) at += seconds;
  for (auto& [id, at] : out.devices_) at += seconds;
  return out;
}
bool RevocationList::deviceRevokedAt(const DeviceId& device, std::int64_t time) const {
  auto it = devices_.find(device);
  return it != devices_.end() && time >= it->second;
}

Envelope issueUserCertificate(const SigningKeyPair& agencyRoot, const UserCertificate& cert) {
  samrad::v1::UserCertificate pb;
  pb.set_user_id(cert.user.str());
  pb.set_agency_id(cert.agency.str());
  pb.set_role(static_cast<samrad::v1::UserRole>(cert.role));
  pb.set_identity_key(cert.identityKey.bytes.data(), cert.identityKey.bytes.size());
  pb.set_valid_from(cert.validFrom);
  pb.set_valid_until(cert.validUntil);
  pb.set_serial(cert.serial);
  return signEnvelope(EnvelopeKind::UserCertificate, serialize(pb), agencyRoot);
}

Envelope issueDeviceCertificate(const SigningKeyPair& identityKey, const DeviceCertificate& cert) {
  samrad::v1::DeviceCertificate pb;
  pb.set_device_id(cert.device.str());
  pb.set_user_id(cert.user.str());
  pb.set_signing_key(cert.signingKey.bytes.data(), cert.signingKey.bytes.size());
  pb.set_box_key(cert.boxKey.bytes.data(), cert.boxKey.bytes.size());
  pb.set_valid_from(cert.validFrom);
  pb.set_valid_until(cert.validUntil);
  return signEnvelope(EnvelopeKind::DeviceCertificate, serialize(pb), identityKey);
}

Result<UserCertificate> verifyUserCertificate(const Envelope& envelope, const TrustStore& roots,
                                              std::int64_t at, const RevocationList& revoked) {
  const auto root = roots.byKeyId(envelope.signerKeyId);
  if (!root) {
    return Error(ErrorCode::PermissionDenied, "cert.unknown_root",
                 "signed by an agency root this group has not pinned");
  }
  SAMRAD_TRY(verifyEnvelope(EnvelopeKind::UserCertificate, envelope, root->second));

  samrad::v1::UserCertificate pb;
  if (!pb.ParseFromArray(envelope.body.data(), static_cast<int>(envelope.body.size()))) {
    return malformed("user certificate does not parse");
  }
  auto user = UserId::fromBytes(asBytes(pb.user_id()));
  auto agency = AgencyId::fromBytes(asBytes(pb.agency_id()));
  auto key = SigningPublicKey::fromBytes(asBytes(pb.identity_key()));
  if (!user || !agency || !key) return malformed("user certificate field has the wrong size");
  if (pb.role() < samrad::v1::USER_ROLE_MEMBER || pb.role() > samrad::v1::USER_ROLE_RECOVERY) {
    return malformed("user certificate has no valid role");
  }
  if (*agency != root->first) {
    return Error(ErrorCode::PermissionDenied, "cert.agency_mismatch",
                 "certificate names another agency than the root that signed it");
  }
  SAMRAD_TRY(checkValidity(pb.valid_from(), pb.valid_until(), at));
  if (revoked.userRevokedAt(*user, at)) {
    return Error(ErrorCode::PermissionDenied, "cert.revoked", "the user has been revoked");
  }
  UserCertificate c;
  c.user = *user;
  c.agency = *agency;
  c.role = static_cast<UserRole>(pb.role());
  c.identityKey = *key;
  c.validFrom = pb.valid_from();
  c.validUntil = pb.valid_until();
  c.serial = pb.serial();
  return c;
}

Result<DeviceCertificate> verifyDeviceCertificate(const Envelope& envelope,
                                                  const UserCertificate& owner, std::int64_t at,
                                                  const RevocationList& revoked) {
  SAMRAD_TRY(verifyEnvelope(EnvelopeKind::DeviceCertificate, envelope, owner.identityKey));
  samrad::v1::DeviceCertificate pb;
  if (!pb.ParseFromArray(envelope.body.data(), static_cast<int>(envelope.body.size()))) {
    return malformed("device certificate does not parse");
  }
  auto device = DeviceId::fromBytes(asBytes(pb.device_id()));
  auto user = UserId::fromBytes(asBytes(pb.user_id()));
  auto signing = SigningPublicKey::fromBytes(asBytes(pb.signing_key()));
  auto box = BoxPublicKey::fromBytes(asBytes(pb.box_key()));
  if (!device || !user || !signing || !box) {
    return malformed("device certificate field has the wrong size");
  }
  if (*user != owner.user) {
    return Error(ErrorCode::PermissionDenied, "cert.user_mismatch",
                 "device certificate names another user than its signer");
  }
  // One key for one purpose: never the identity key, never signing == box.
  if (*signing == owner.identityKey ||
      std::equal(signing->bytes.begin(), signing->bytes.end(), box->bytes.begin())) {
    return Error(ErrorCode::InvalidArgument, "cert.key_reuse",
                 "a device must have its own, distinct signing and box keys");
  }
  SAMRAD_TRY(checkValidity(pb.valid_from(), pb.valid_until(), at));
  if (at >= owner.validUntil || at < owner.validFrom) {
    return Error(ErrorCode::FailedPrecondition, "cert.expired",
                 "the user's certificate is not valid at this time");
  }
  if (revoked.deviceRevokedAt(*device, at) || revoked.userRevokedAt(owner.user, at)) {
    return Error(ErrorCode::PermissionDenied, "cert.revoked", "the device has been revoked");
  }
  DeviceCertificate c;
  c.device = *device;
  c.user = *user;
  c.signingKey = *signing;
  c.boxKey = *box;
  c.validFrom = pb.valid_from();
  c.validUntil = pb.valid_until();
  return c;
}

}  // namespace samrad::crypto
