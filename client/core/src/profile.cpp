#include "samrad/client/profile.h"

#include <algorithm>
#include <sstream>

#include "samrad/crypto/identity_checks.h"
#include "samrad/crypto/note.h"

namespace samrad::client {
namespace {

using crypto::Bytes;

Error corrupt(const std::string& what) {
  return Error(ErrorCode::DataLoss, "profile.corrupt", "the device profile is damaged: " + what);
}

Status put(KeyStore& s, std::string_view name, crypto::ByteView value) {
  return s.putSecret(name, crypto::SecretBytes::copyOf(value));
}

Result<std::optional<Bytes>> get(KeyStore& s, std::string_view name) {
  auto v = s.getSecret(name);
  if (!v) {
    if (v.error().reason() == "keystore.no_secret") {
      return std::optional<Bytes>{};
    }
    return v.error();
  }
  return std::optional<Bytes>{Bytes(v->view().begin(), v->view().end())};
}

template <typename I>
Result<I> idFromHex(const std::string& hex, const char* what) {
  Bytes raw;
  if (!crypto::fromHex(hex, raw)) {
    return corrupt(std::string(what) + " is not hex");
  }
  auto id = I::fromBytes(raw);
  if (!id) {
    return corrupt(std::string(what) + " has the wrong size");
  }
  return *id;
}

// key=value lines.
std::vector<std::pair<std::string, std::string>> lines(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  std::istringstream in{std::string(text)};
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    const auto eq = line.find('=');
    if (line.empty() || line[0] == '#' || eq == std::string::npos) {
      continue;
    }
    out.emplace_back(line.substr(0, eq), line.substr(eq + 1));
  }
  return out;
}

}  // namespace

void Profile::pin(const crypto::AgencyId& id, const crypto::SigningPublicKey& root) {
  for (auto& [a, k] : pinned) {
    if (a == id) {
      k = root;
      roots.pin(id, root);
      return;
    }
  }
  pinned.emplace_back(id, root);
  roots.pin(id, root);
}

Status saveProfile(KeyStore& store, const Profile& p) {
  SAMRAD_TRY(put(store, "profile.identity", p.device.identity.seed().view()));
  SAMRAD_TRY(put(store, "profile.signing", p.device.signing.seed().view()));
  SAMRAD_TRY(put(store, "profile.box", p.device.box.secret().view()));
  if (!p.device.userCertificate.body.empty()) {
    SAMRAD_TRY(put(store, "profile.user_cert", p.device.userCertificate.serialize()));
  }
  if (!p.device.deviceCertificate.body.empty()) {
    SAMRAD_TRY(put(store, "profile.device_cert", p.device.deviceCertificate.serialize()));
  }
  if (p.agencyRoot) {
    SAMRAD_TRY(put(store, "profile.agency_root", p.agencyRoot->root.seed().view()));
  }
  std::ostringstream meta;
  meta << "user=" << crypto::toHex(p.device.user.view()) << '\n'
       << "device=" << crypto::toHex(p.device.device.view()) << '\n'
       << "agency=" << crypto::toHex(p.agency.view()) << '\n'
       << "role=" << static_cast<int>(p.role) << '\n'
       << "enrolled=" << (p.enrolled ? 1 : 0) << '\n';
  if (p.group) {
    meta << "group=" << crypto::toHex(p.group->view()) << '\n';
  }
  if (!p.serverId.empty()) {
    meta << "server=" << crypto::toHex(p.serverId) << '\n';
  }
  if (!p.logKey.empty()) {
    meta << "log_key=" << p.logKey << '\n';
  }
  for (const auto& [a, k] : p.pinned) {
    meta << "pin=" << crypto::toHex(a.view()) << ':' << crypto::toHex(k.view()) << '\n';
  }
  for (const auto& [a, name] : p.agencyNames) {
    std::string line = name;
    std::replace_if(
        line.begin(), line.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    meta << "agency_name=" << crypto::toHex(a.view()) << ':' << line << '\n';
  }
  return put(store, "profile.meta", crypto::asBytes(meta.str()));
}

Result<Profile> loadProfile(KeyStore& store) {
  SAMRAD_ASSIGN_OR_RETURN(auto meta, get(store, "profile.meta"));
  if (!meta) {
    return Error(ErrorCode::NotFound, "profile.missing",
                 "this profile has no device yet: run 'samrad-cli profile init' first");
  }
  Profile p;
  for (const auto& [k, v] : lines(std::string(meta->begin(), meta->end()))) {
    if (k == "user") {
      SAMRAD_ASSIGN_OR_RETURN(p.device.user, idFromHex<crypto::UserId>(v, "user"));
    } else if (k == "device") {
      SAMRAD_ASSIGN_OR_RETURN(p.device.device, idFromHex<crypto::DeviceId>(v, "device"));
    } else if (k == "agency") {
      SAMRAD_ASSIGN_OR_RETURN(p.agency, idFromHex<crypto::AgencyId>(v, "agency"));
    } else if (k == "role") {
      const int r = std::atoi(v.c_str());
      if (r < 1 || r > 5) {
        return corrupt("role");
      }
      p.role = static_cast<crypto::UserRole>(r);
    } else if (k == "enrolled") {
      p.enrolled = v == "1";
    } else if (k == "group") {
      SAMRAD_ASSIGN_OR_RETURN(auto g, idFromHex<crypto::GroupId>(v, "group"));
      p.group = g;
    } else if (k == "server") {
      if (!crypto::fromHex(v, p.serverId) || p.serverId.empty() || p.serverId.size() > 64) {
        return corrupt("server id");
      }
    } else if (k == "log_key") {
      if (!crypto::NoteVerifier::parse(v).ok()) {
        return corrupt("log key");
      }
      p.logKey = v;
    } else if (k == "agency_name") {
      const auto colon = v.find(':');
      if (colon == std::string::npos) {
        return corrupt("agency name");
      }
      SAMRAD_ASSIGN_OR_RETURN(auto a,
                              idFromHex<crypto::AgencyId>(v.substr(0, colon), "agency name"));
      p.agencyNames[a] = v.substr(colon + 1);
    } else if (k == "pin") {
      const auto colon = v.find(':');
      if (colon == std::string::npos) {
        return corrupt("pin");
      }
      SAMRAD_ASSIGN_OR_RETURN(auto a, idFromHex<crypto::AgencyId>(v.substr(0, colon), "pin"));
      Bytes raw;
      if (!crypto::fromHex(v.substr(colon + 1), raw)) {
        return corrupt("pin key");
      }
      SAMRAD_ASSIGN_OR_RETURN(auto key, crypto::SigningPublicKey::fromBytes(raw));
      p.pin(a, key);
    }
  }
  SAMRAD_ASSIGN_OR_RETURN(auto identity, get(store, "profile.identity"));
  SAMRAD_ASSIGN_OR_RETURN(auto signing, get(store, "profile.signing"));
  SAMRAD_ASSIGN_OR_RETURN(auto box, get(store, "profile.box"));
  if (!identity || !signing || !box) {
    return corrupt("the device keys are missing");
  }
  SAMRAD_ASSIGN_OR_RETURN(p.device.identity, crypto::SigningKeyPair::fromSeed(*identity));
  SAMRAD_ASSIGN_OR_RETURN(p.device.signing, crypto::SigningKeyPair::fromSeed(*signing));
  SAMRAD_ASSIGN_OR_RETURN(p.device.box, crypto::BoxKeyPair::fromSecret(*box));
  crypto::wipe(*identity);
  crypto::wipe(*signing);
  crypto::wipe(*box);
  SAMRAD_ASSIGN_OR_RETURN(auto userCert, get(store, "profile.user_cert"));
  if (userCert) {
    SAMRAD_ASSIGN_OR_RETURN(p.device.userCertificate, crypto::Envelope::parse(*userCert));
  }
  SAMRAD_ASSIGN_OR_RETURN(auto deviceCert, get(store, "profile.device_cert"));
  if (deviceCert) {
    SAMRAD_ASSIGN_OR_RETURN(p.device.deviceCertificate, crypto::Envelope::parse(*deviceCert));
  }
  SAMRAD_ASSIGN_OR_RETURN(auto root, get(store, "profile.agency_root"));
  if (root) {
    Agency a;
    a.id = p.agency;
    SAMRAD_ASSIGN_OR_RETURN(a.root, crypto::SigningKeyPair::fromSeed(*root));
    crypto::wipe(*root);
    p.agencyRoot = std::move(a);
  }
  return p;
}

std::string identityRequest(const Profile& p) {
  std::ostringstream out;
  out << "# Samråd identity request: give this file to your agency administrator.\n"
      << "user=" << crypto::toHex(p.device.user.view()) << '\n'
      << "agency=" << crypto::toHex(p.agency.view()) << '\n'
      << "identity_key=" << crypto::toHex(p.device.identity.publicKey().view()) << '\n';
  return out.str();
}

Result<IdentityRequest> parseIdentityRequest(std::string_view text) {
  auto bad = [](const std::string& why) {
    return Error(ErrorCode::InvalidArgument, "profile.bad_request",
                 "this is not a Samråd identity request (" + why + ")");
  };
  std::optional<crypto::UserId> user;
  std::optional<crypto::AgencyId> agency;
  std::optional<crypto::SigningPublicKey> key;
  for (const auto& [k, v] : lines(text)) {
    Bytes raw;
    if (!crypto::fromHex(v, raw)) {
      return bad(k + " is not hex");
    }
    if (k == "user") {
      if (auto id = crypto::UserId::fromBytes(raw)) {
        user = *id;
      }
    } else if (k == "agency") {
      if (auto id = crypto::AgencyId::fromBytes(raw)) {
        agency = *id;
      }
    } else if (k == "identity_key") {
      if (auto pk = crypto::SigningPublicKey::fromBytes(raw)) {
        key = *pk;
      }
    }
  }
  if (!user || !agency || !key) {
    return bad("user, agency and identity_key are required");
  }
  return IdentityRequest{*user, *agency, *key};
}

std::string memberCardOf(const DeviceIdentity& d) {
  return "user_certificate=" + crypto::toHex(d.userCertificate.serialize()) +
         "\ndevice_certificate=" + crypto::toHex(d.deviceCertificate.serialize()) + "\n";
}

std::string memberCard(const Profile& p) {
  return "# Samråd member card: give this file to the group's coordinator.\n" +
         memberCardOf(p.device);
}

Result<crypto::MemberSpec> parseMemberCard(std::string_view text, crypto::GroupRole role) {
  crypto::MemberSpec spec;
  spec.role = role;
  bool user = false;
  for (const auto& [k, v] : lines(text)) {
    Bytes raw;
    if (!crypto::fromHex(v, raw)) {
      return Error(ErrorCode::InvalidArgument, "profile.bad_card", k + " is not hex");
    }
    SAMRAD_ASSIGN_OR_RETURN(auto env, crypto::Envelope::parse(raw));
    if (k == "user_certificate") {
      spec.userCertificate = env;
      user = true;
    } else if (k == "device_certificate") {
      spec.deviceCertificates.push_back(env);
    }
  }
  if (!user || spec.deviceCertificates.empty()) {
    return Error(ErrorCode::InvalidArgument, "profile.bad_card",
                 "a member card holds a user certificate and a device certificate");
  }
  return spec;
}

std::string userCertificateFile(const crypto::Envelope& certificate) {
  return "# Samråd user certificate: enrol your device with it and your one-time code.\n"
         "user_certificate=" +
         crypto::toHex(certificate.serialize()) + "\n";
}

Result<crypto::Envelope> parseUserCertificateFile(std::string_view text) {
  for (const auto& [k, v] : lines(text)) {
    if (k != "user_certificate") continue;
    Bytes raw;
    if (!crypto::fromHex(v, raw)) break;
    auto env = crypto::Envelope::parse(raw);
    if (env.ok()) return env;
    break;
  }
  return Error(ErrorCode::InvalidArgument, "profile.bad_certificate",
               "the certificate file is not one an agency administrator's 'user register' wrote");
}

std::string personalSafetyNumber(const Profile& p) {
  return crypto::formatSafetyNumber(
      crypto::safetyFingerprintDigits(p.device.user.view(), p.device.identity.publicKey()));
}

std::string agencyKeysFile(const Profile& p, const std::string& logKey) {
  std::ostringstream out;
  out << "# Samråd agency keys: compare each safety number before trusting it.\n";
  for (const auto& [a, k] : p.pinned) {
    const auto name = p.agencyNames.find(a);
    out << "agency=" << crypto::toHex(a.view()) << " root=" << crypto::toHex(k.view())
        << " name=" << (name == p.agencyNames.end() ? std::string() : name->second) << '\n';
  }
  if (!logKey.empty()) {
    out << "# The server's transparency log signs with this key; no other is accepted.\n"
        << "log_key=" << logKey << '\n';
  }
  return out.str();
}

Result<std::optional<std::string>> parseLogKey(std::string_view text) {
  std::istringstream in{std::string(text)};
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("log_key=", 0) != 0) continue;
    std::string key = line.substr(8);
    if (!crypto::NoteVerifier::parse(key).ok()) {
      return Error(ErrorCode::InvalidArgument, "profile.bad_log_key",
                   "the log key in the agency keys is not a verifier key; paste the lines "
                   "exactly as given");
    }
    return std::optional<std::string>{std::move(key)};
  }
  return std::optional<std::string>{};
}

Status pinLogKey(Profile& p, const std::string& logKey) {
  if (!p.logKey.empty() && p.logKey != logKey) {
    return Error(ErrorCode::FailedPrecondition, "profile.log_key_mismatch",
                 "this device already holds another log key than the one given; compare them "
                 "with the coordinator before going on");
  }
  p.logKey = logKey;
  return okStatus();
}

Result<std::vector<AgencyKey>> parseAgencyKeys(std::string_view text) {
  std::vector<AgencyKey> out;
  std::istringstream in{std::string(text)};
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto a = line.find("agency=");
    if (line.empty() || line[0] == '#' || a == std::string::npos) continue;
    const auto r = line.find("root=");
    const auto nm = line.find("name=");
    auto bad = [n] {
      return Error(ErrorCode::InvalidArgument, "profile.bad_agency_keys",
                   "line " + std::to_string(n) + " of the agency keys is not 'agency=… root=…'");
    };
    if (r == std::string::npos) return bad();
    const std::string agencyHex = line.substr(a + 7, line.find(' ', a) - a - 7);
    const std::string rootHex = line.substr(r + 5, line.find(' ', r) - r - 5);
    auto agency = idFromHex<crypto::AgencyId>(agencyHex, "agency keys");
    Bytes raw;
    if (!agency.ok() || !crypto::fromHex(rootHex, raw)) return bad();
    auto key = crypto::SigningPublicKey::fromBytes(raw);
    if (!key.ok()) return bad();
    out.push_back({*agency, *key, nm == std::string::npos ? std::string() : line.substr(nm + 5)});
  }
  if (out.empty()) {
    return Error(ErrorCode::InvalidArgument, "profile.bad_agency_keys",
                 "no agency key found: paste the lines the coordinator gave you");
  }
  return out;
}

}  // namespace samrad::client
