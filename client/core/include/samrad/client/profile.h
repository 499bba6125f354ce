// A device profile: everything one person's device keeps between runs — its
// keys and certificates, the agency roots it pinned, its current group and,
// for an agency administrator, the agency root — inside the device's
// encrypted key store (KeyStore: SQLCipher under a key wrapped with
// Argon2id of the passphrase). The CLI and the desktop client both use it.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "samrad/client/identity.h"
#include "samrad/client/key_store.h"
#include "samrad/common/result.h"

namespace samrad::client {

struct Profile {
  DeviceIdentity device;
  crypto::AgencyId agency;
  crypto::UserRole role = crypto::UserRole::Member;
  bool enrolled = false;  // the server accepted the device certificate
  crypto::TrustStore roots;
  std::vector<std::pair<crypto::AgencyId, crypto::SigningPublicKey>> pinned;
  // What this person calls each agency ("Polisen Nordstad"). Names never
  // reach the server; they are kept beside the pinned roots.
  std::map<crypto::AgencyId, std::string> agencyNames;
  std::optional<crypto::GroupId> group;
  // The id of the server this device enrolled with: a login to another is
  // refused (auth.wrong_server). Empty before enrolment.
  crypto::Bytes serverId;
  // Held by an agency administrator only: the agency's root signing key.
  std::optional<Agency> agencyRoot;

  void pin(const crypto::AgencyId& id, const crypto::SigningPublicKey& root);
};

// Reasons: profile.missing (nothing saved yet), profile.corrupt.
Result<Profile> loadProfile(KeyStore& store);
Status saveProfile(KeyStore& store, const Profile& profile);

// What a person hands their agency administrator to be registered: their
// user id, agency, and identity public key (no secret). A small text file.
std::string identityRequest(const Profile& p);
struct IdentityRequest {
  crypto::UserId user;
  crypto::AgencyId agency;
  crypto::SigningPublicKey identityKey;
};
Result<IdentityRequest> parseIdentityRequest(std::string_view text);  // profile.bad_request

// The file an agency administrator hands a person with their one-time code:
// their signed user certificate. Reason: profile.bad_certificate.
std::string userCertificateFile(const crypto::Envelope& certificate);
Result<crypto::Envelope> parseUserCertificateFile(std::string_view text);

// The agencies' root keys a coordinator hands a newcomer, one per line
// ("agency=<hex> root=<hex> name=<name>"). The newcomer compares each
// safety number before pinning. Reason: profile.bad_agency_keys.
struct AgencyKey {
  crypto::AgencyId agency;
  crypto::SigningPublicKey root;
  std::string name;
};
std::string agencyKeysFile(const Profile& p);
Result<std::vector<AgencyKey>> parseAgencyKeys(std::string_view text);

// A person's own safety number: their user id and identity key, as digits
// to compare with the administrator who certifies them.
std::string personalSafetyNumber(const Profile& p);

// What a member hands the coordinator to be added to a group: their user
// and device certificates (public, signed). Hex lines in a text file.
std::string memberCard(const Profile& p);
Result<crypto::MemberSpec> parseMemberCard(std::string_view text, crypto::GroupRole role);

}  // namespace samrad::client
