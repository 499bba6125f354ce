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
  // The transparency log's verifier key, as the coordinator handed it with
  // the agency keys: the device refuses a log signed by any other key from
  // the first sync on. Empty: the first key the server shows is kept.
  std::string logKey;
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
// With `logKey`, the file also carries the transparency log's verifier key
// ("log_key=<C2SP verifier key>"), which the newcomer's device pins instead
// of trusting the first key the server shows.
std::string agencyKeysFile(const Profile& p, const std::string& logKey = {});
Result<std::vector<AgencyKey>> parseAgencyKeys(std::string_view text);
// The log key in such a file, if it has one. Reason: profile.bad_log_key.
Result<std::optional<std::string>> parseLogKey(std::string_view text);
// Pins `logKey` in the profile: refused if another one is pinned already
// (profile.log_key_mismatch: the keys handed over disagree).
Status pinLogKey(Profile& p, const std::string& logKey);

// A person's own safety number: their user id and identity key, as digits
// to compare with the administrator who certifies them.
std::string personalSafetyNumber(const Profile& p);

// What a member hands the coordinator to be added to a group: their user
// and device certificates (public, signed). Hex lines in a text file.
std::string memberCard(const Profile& p);
// The certificate lines of a card (no heading), for any identity.
std::string memberCardOf(const DeviceIdentity& d);
Result<crypto::MemberSpec> parseMemberCard(std::string_view text, crypto::GroupRole role);

}  // namespace samrad::client
