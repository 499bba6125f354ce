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

// What a member hands the coordinator to be added to a group: their user
// and device certificates (public, signed). Hex lines in a text file.
std::string memberCard(const Profile& p);
Result<crypto::MemberSpec> parseMemberCard(std::string_view text, crypto::GroupRole role);

}  // namespace samrad::client
