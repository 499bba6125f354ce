#include "samrad/client/audit.h"

#include <algorithm>
#include <charconv>
#include <ctime>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "samrad/client/log_monitor.h"
#include "samrad/crypto/certificates.h"
#include "samrad/crypto/envelope.h"
#include "samrad/crypto/identity_checks.h"
#include "samrad/crypto/merkle.h"
#include "samrad/crypto/note.h"
#include "samrad/crypto/secure.h"
#include "samrad/crypto/tlog_proof.h"
#include "samrad/v1/consent.pb.h"
#include "samrad/v1/crypto.pb.h"
#include "samrad/v1/log.pb.h"

namespace samrad::client {
namespace {

namespace fs = std::filesystem;
using crypto::AgencyId;
using crypto::CaseId;
using crypto::DeviceId;
using crypto::UserId;

constexpr std::string_view kBundleHeader = "samrad-audit-bundle/v1";
constexpr std::string_view kDeviceKeyPrefix = "samrad.device/";
constexpr std::string_view kWitnessKeyPrefix = "samrad.witness/";
constexpr std::uint32_t kPage = 1000;
// A bundle is read whole; anything bigger than this is not one we wrote.
constexpr std::uintmax_t kMaxFileBytes = 16 * 1024 * 1024;

const char* const kEntriesDir = "entries";
const char* const kContextDir = "context";
const char* const kBoundaryDir = "boundary";

Error auditError(const char* reason, const std::string& message) {
  return Error(ErrorCode::InvalidArgument, reason, message);
}

std::string utc(std::int64_t t) {
  const auto tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
  return buf;
}

std::string shortHex(crypto::ByteView id) {
  return crypto::toHex(id).substr(0, 8);
}

std::string proofName(const char* dir, std::uint64_t index) {
  std::string digits = std::to_string(index);
  if (digits.size() < 10) digits.insert(0, 10 - digits.size(), '0');
  return std::string(dir) + "/" + digits + ".tlog-proof";
}

bool parseU64(std::string_view s, std::uint64_t& out) {
  if (s.empty() || (s.size() > 1 && s[0] == '0')) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool parseI64(std::string_view s, std::int64_t& out) {
  std::uint64_t v = 0;
  if (!parseU64(s, v) || v > static_cast<std::uint64_t>(INT64_MAX)) return false;
  out = static_cast<std::int64_t>(v);
  return true;
}

template <typename Id>
bool parseId(std::string_view hex, Id& out) {
  crypto::Bytes b;
  if (!crypto::fromHex(hex, b)) return false;
  auto id = Id::fromBytes(b);
  if (!id) return false;
  out = *id;
  return true;
}

template <typename Id>
std::optional<Id> idOf(const std::string& bytes) {
  auto id = Id::fromBytes(crypto::asBytes(bytes));
  if (!id) return std::nullopt;
  return *id;
}

Result<std::string> readFile(const fs::path& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return Error(ErrorCode::NotFound, "io.missing", "missing");
  if (size > kMaxFileBytes) return Error(ErrorCode::InvalidArgument, "io.too_large", "too large");
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) return Error(ErrorCode::Internal, "io.read", "cannot be read");
  return text;
}

Status writeFile(const fs::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) {
    return Error(ErrorCode::Internal, "io.write", "cannot write " + path.string());
  }
  return okStatus();
}

// export.note's text: what was exported, by whom, and the manifest's hash.
struct Header {
  crypto::GroupId group;
  std::int64_t from = 0;
  std::int64_t to = 0;
  std::optional<CaseId> caseId;
  std::uint64_t first = 0;
  std::uint64_t end = 0;
  std::uint64_t logSize = 0;
  DeviceId exporter;
  std::int64_t exportedAt = 0;
  std::string manifest;  // SHA-256 of the manifest file, hex

  [[nodiscard]] std::string text() const {
    std::string t(kBundleHeader);
    t += "\ngroup " + group.hex() + "\nfrom " + std::to_string(from) + "\nto " +
         std::to_string(to) + "\ncase " + (caseId ? caseId->hex() : std::string("all")) +
         "\nentries " + std::to_string(first) + " " + std::to_string(end) + "\nlog-size " +
         std::to_string(logSize) + "\nexported-by " + exporter.hex() + "\nexported-at " +
         std::to_string(exportedAt) + "\nmanifest " + manifest + "\n";
    return t;
  }

  static std::optional<Header> parse(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
      const auto nl = text.find('\n');
      if (nl == std::string_view::npos) return std::nullopt;
      lines.push_back(text.substr(0, nl));
      text.remove_prefix(nl + 1);
    }
    if (lines.size() != 10 || lines[0] != kBundleHeader) return std::nullopt;
    auto value = [&](std::size_t i, std::string_view key) -> std::optional<std::string_view> {
      if (!lines[i].starts_with(key) || lines[i].size() <= key.size() ||
          lines[i][key.size()] != ' ') {
        return std::nullopt;
      }
      return lines[i].substr(key.size() + 1);
    };
    Header h;
    auto g = value(1, "group");
    auto f = value(2, "from");
    auto t = value(3, "to");
    auto c = value(4, "case");
    auto e = value(5, "entries");
    auto s = value(6, "log-size");
    auto by = value(7, "exported-by");
    auto at = value(8, "exported-at");
    auto m = value(9, "manifest");
    if (!g || !f || !t || !c || !e || !s || !by || !at || !m) return std::nullopt;
    const auto space = e->find(' ');
    if (!parseId(*g, h.group) || !parseI64(*f, h.from) || !parseI64(*t, h.to) ||
        space == std::string_view::npos || !parseU64(e->substr(0, space), h.first) ||
        !parseU64(e->substr(space + 1), h.end) || !parseU64(*s, h.logSize) ||
        !parseId(*by, h.exporter) || !parseI64(*at, h.exportedAt) || m->size() != 64) {
      return std::nullopt;
    }
    if (*c != "all") {
      CaseId id;
      if (!parseId(*c, id)) return std::nullopt;
      h.caseId = id;
    }
    crypto::Bytes digest;
    if (!crypto::fromHex(*m, digest)) return std::nullopt;
    h.manifest = std::string(*m);
    return h;
  }
};

// Who is who, from the certificates in the log: agency roots, users and
// their roles, devices.
struct Directory {
  std::map<AgencyId, crypto::SigningPublicKey> roots;
  std::map<UserId, crypto::UserCertificate> users;
  std::map<DeviceId, crypto::DeviceCertificate> devices;
  std::map<AgencyId, std::string> names;

  [[nodiscard]] std::string agencyName(const AgencyId& a) const {
    const auto it = names.find(a);
    return it != names.end() ? it->second : "agency " + shortHex(a.view());
  }
  [[nodiscard]] std::optional<AgencyId> agencyOfUser(const UserId& u) const {
    const auto it = users.find(u);
    if (it == users.end()) return std::nullopt;
    return it->second.agency;
  }
  [[nodiscard]] std::string device(const std::string& deviceBytes) const {
    const auto d = idOf<DeviceId>(deviceBytes);
    if (!d) return "an unknown device";
    const auto it = devices.find(*d);
    if (it == devices.end()) return "device " + shortHex(d->view());
    return person(it->second.user) + ", device " + shortHex(d->view());
  }
  [[nodiscard]] std::string person(const UserId& user) const {
    const auto it = users.find(user);
    if (it == users.end()) return "user " + shortHex(user.view());
    const char* role = "member";
    switch (it->second.role) {
      case crypto::UserRole::Member:
        role = "member";
        break;
      case crypto::UserRole::Administrator:
        role = "administrator";
        break;
      case crypto::UserRole::Lawyer:
        role = "lawyer";
        break;
      case crypto::UserRole::External:
        role = "external requester";
        break;
      case crypto::UserRole::Recovery:
        role = "recovery key";
        break;
    }
    return agencyName(it->second.agency) + " (" + role + " " + shortHex(user.view()) + ")";
  }
};

// Learns the members' certificates a membership link carries, each checked
// against its agency's root (users) or its user's key (devices).
std::string learnMembers(const v1::ChainLink& link, std::int64_t at, Directory& d) {
  crypto::TrustStore roots;
  for (const auto& [a, k] : d.roots) roots.pin(a, k);
  auto learnDevice = [&](const std::string& raw) -> std::string {
    auto env = crypto::Envelope::parse(crypto::asBytes(raw));
    if (!env) return "a device certificate in the membership link is malformed";
    v1::DeviceCertificate body;
    if (!body.ParseFromArray(env->body.data(), static_cast<int>(env->body.size()))) {
      return "a device certificate in the membership link is malformed";
    }
    const auto user = idOf<UserId>(body.user_id());
    const auto owner = user ? d.users.find(*user) : d.users.end();
    if (owner == d.users.end()) return "a device in the membership link has no user certificate";
    auto cert = crypto::verifyDeviceCertificate(*env, owner->second, at, {});
    if (!cert) {
      return "a device certificate in the membership link does not verify against its user's "
             "key (" +
             cert.error().reason() + ")";
    }
    d.devices[cert->device] = *cert;
    return {};
  };
  auto learnMember = [&](const v1::Member& m) -> std::string {
    auto env = crypto::Envelope::parse(crypto::asBytes(m.user_certificate()));
    if (!env) return "a user certificate in the membership link is malformed";
    auto cert = crypto::verifyUserCertificate(*env, roots, at, {});
    if (!cert) {
      return "a user certificate in the membership link does not verify against its agency's "
             "root (" +
             cert.error().reason() + ")";
    }
    d.users[cert->user] = *cert;
    for (const auto& dc : m.device_certificates()) {
      if (std::string why = learnDevice(dc); !why.empty()) return why;
    }
    return {};
  };
  switch (link.op_case()) {
    case v1::ChainLink::kCreate:
      for (const auto& m : link.create().members()) {
        if (std::string why = learnMember(m); !why.empty()) return why;
      }
      return {};
    case v1::ChainLink::kAddMember:
      return learnMember(link.add_member().member());
    case v1::ChainLink::kRecoveryEscrow:
      return learnMember(link.recovery_escrow().recovery());
    case v1::ChainLink::kAddDevice:
      return learnDevice(link.add_device().device_certificate());
    default:
      return {};
  }
}

// Checks a certificate or membership entry's own signatures and learns its
// keys. An empty string: fine (or not a kind that is signed).
std::string admit(const v1::LogEntry& e, Directory& d) {
  switch (e.kind()) {
    case v1::LOG_ENTRY_AGENCY_ROOT: {
      const auto agency = idOf<AgencyId>(e.agency_id());
      auto key = crypto::SigningPublicKey::fromBytes(crypto::asBytes(e.payload()));
      if (!agency || !key) return "the agency root entry is malformed";
      // One root per agency: a second, different one would let a history
      // certified under one root be judged against another.
      if (const auto known = d.roots.find(*agency); known != d.roots.end()) {
        return known->second == *key ? "" : "the log names a second, different root for an agency";
      }
      d.roots[*agency] = *key;
      return {};
    }
    case v1::LOG_ENTRY_USER_CERTIFICATE: {
      auto env = crypto::Envelope::parse(crypto::asBytes(e.payload()));
      if (!env) return "the user certificate is not a signed envelope";
      crypto::TrustStore roots;
      for (const auto& [a, k] : d.roots) roots.pin(a, k);
      auto cert = crypto::verifyUserCertificate(*env, roots, e.at(), {});
      if (!cert) {
        return "the user certificate does not verify against its agency's root (" +
               cert.error().reason() + ")";
      }
      d.users[cert->user] = *cert;
      return {};
    }
    case v1::LOG_ENTRY_DEVICE_CERTIFICATE: {
      auto env = crypto::Envelope::parse(crypto::asBytes(e.payload()));
      const auto user = idOf<UserId>(e.user_id());
      if (!env || !user) return "the device certificate entry is malformed";
      const auto owner = d.users.find(*user);
      if (owner == d.users.end()) return "the device's user has no certificate before it";
      auto cert = crypto::verifyDeviceCertificate(*env, owner->second, e.at(), {});
      if (!cert) {
        return "the device certificate does not verify against its user's key (" +
               cert.error().reason() + ")";
      }
      d.devices[cert->device] = *cert;
      return {};
    }
    case v1::LOG_ENTRY_CHAIN_LINK: {
      auto env = crypto::Envelope::parse(crypto::asBytes(e.payload()));
      v1::ChainLink link;
      if (!env || !link.ParseFromArray(env->body.data(), static_cast<int>(env->body.size()))) {
        return "the membership link is malformed";
      }
      // A group's log has no certificate entries of its own: the links
      // carry their members' certificates (checked against the agencies'
      // roots, which the group's log holds before them).
      // The author is a device known before the link — but for the group's
      // first link, whose author is among the members it creates.
      const auto author = idOf<DeviceId>(link.author_device_id());
      if (link.op_case() != v1::ChainLink::kCreate && (!author || !d.devices.contains(*author))) {
        return "the membership link's author has no device certificate before it";
      }
      if (std::string why = learnMembers(link, e.at(), d); !why.empty()) return why;
      const auto it = author ? d.devices.find(*author) : d.devices.end();
      if (it == d.devices.end()) {
        return "the membership link's author has no device certificate in the bundle";
      }
      if (!crypto::verifyEnvelope(crypto::EnvelopeKind::GroupOperation, *env,
                                  it->second.signingKey)) {
        return "the membership link's signature does not verify against its author's key";
      }
      return {};
    }
    default:
      return {};
  }
}

// What goes into the bundle beside the period's entries: who is who, and the
// group's own history (membership, consent, case states, policies).
bool isContext(const v1::LogEntry& e, const std::string& group) {
  switch (e.kind()) {
    case v1::LOG_ENTRY_AGENCY_ROOT:
    case v1::LOG_ENTRY_USER_CERTIFICATE:
    case v1::LOG_ENTRY_DEVICE_CERTIFICATE:
    case v1::LOG_ENTRY_DEVICE_REVOKED:
    case v1::LOG_ENTRY_USER_REVOKED:
      return true;
    case v1::LOG_ENTRY_LOGIN:
    case v1::LOG_ENTRY_OBJECT_READ:
    case v1::LOG_ENTRY_OBJECT_WRITTEN:
      return false;
    default:
      return e.group_id() == group;
  }
}

const char* linkOp(const v1::ChainLink& l) {
  switch (l.op_case()) {
    case v1::ChainLink::kCreate:
      return "created the group";
    case v1::ChainLink::kAddMember:
      return "added a member";
    case v1::ChainLink::kRemoveMember:
      return "removed a member";
    case v1::ChainLink::kChangeRole:
      return "changed a member's role";
    case v1::ChainLink::kAddDevice:
      return "added a device";
    case v1::ChainLink::kRevokeDevice:
      return "revoked a device";
    case v1::ChainLink::kNewEpoch:
      return "started a new key epoch";
    case v1::ChainLink::kRecoveryEscrow:
      return "deposited an agency's recovery key";
    case v1::ChainLink::kExclude:
      return "took revoked or expired devices out";
    case v1::ChainLink::OP_NOT_SET:
      break;
  }
  return "made an unknown change";
}

const char* kindLabel(int kind) {
  switch (kind) {
    case v1::LOG_ENTRY_OBJECT_READ:
      return "reads of the group's other content (meetings, minutes, advice)";
    case v1::LOG_ENTRY_OBJECT_WRITTEN:
      return "writes of the group's other content (meetings, minutes, advice)";
    case v1::LOG_ENTRY_OBJECT_DELETED:
      return "objects deleted";
    case v1::LOG_ENTRY_ACCESS_NARROWED:
      return "devices' access ended (consent ended)";
    case v1::LOG_ENTRY_ACCESS_WIDENED:
      return "cases shared with members who joined later";
    case v1::LOG_ENTRY_INTAKE_KEY_SET:
      return "advice intake keys published";
    case v1::LOG_ENTRY_REQUESTER_ALLOWED:
      return "external requesters allowed";
    case v1::LOG_ENTRY_REQUESTER_REMOVED:
      return "external requesters removed";
    case v1::LOG_ENTRY_ADVICE_SUBMITTED:
      return "advice requests received";
    case v1::LOG_ENTRY_ADVICE_ANSWERED:
      return "advice requests answered";
    case v1::LOG_ENTRY_RETENTION_POLICY:
      return "retention policies set";
    case v1::LOG_ENTRY_RETENTION_DELETED:
      return "deleted by the retention policy";
    case v1::LOG_ENTRY_PERSON_TAGS_ROTATED:
      return "keys for repeat checks renewed (a holder left)";
    case v1::LOG_ENTRY_LEGACY_CHECKPOINT:
      return "the log began from the earlier single log";
    default:
      return "other events";
  }
}

// The report a lawyer reads, computed from the entries alone (and the
// agencies' names): the same function writes register.txt at export and
// recomputes it at verification.
std::string buildReport(const Header& h, const crypto::Checkpoint& cp,
                        const std::map<std::uint64_t, v1::LogEntry>& entries, const Directory& d,
                        const std::map<AgencyId, std::vector<std::uint64_t>>& witnesses) {
  const std::string group = h.group.str();
  std::ostringstream r;
  r << "Samråd audit report\n"
    << "===================\n\n"
    << "Group:      " << h.group.hex() << "\n"
    << "Period:     " << utc(h.from) << " - " << utc(h.to) << " UTC\n"
    << "Log:        " << cp.origin << ", checkpoint of " << cp.size << " entries, root "
    << crypto::base64Encode(cp.root.view()) << "\n"
    << "Entries:    " << h.first << " to " << (h.end == 0 ? 0 : h.end - 1) << " ("
    << (h.end - h.first) << " entries, none missing)\n"
    << "Witnessed:  ";
  if (witnesses.empty()) r << "no agency has cosigned this checkpoint";
  bool firstWitness = true;
  for (const auto& [agency, times] : witnesses) {
    r << (firstWitness ? "" : ", ") << d.agencyName(agency) << " ("
      << utc(static_cast<std::int64_t>(*std::min_element(times.begin(), times.end()))) << ")";
    firstWitness = false;
  }
  r << "\n"
    << "Case:       " << (h.caseId ? h.caseId->hex() : std::string("every case")) << "\n"
    << "Exported:   " << utc(h.exportedAt) << " UTC by " << d.device(h.exporter.str()) << "\n\n";

  r << "Agencies (compare each safety number with the agency's own)\n";
  for (const auto& [agency, root] : d.roots) {
    r << "  " << d.agencyName(agency) << "  " << agency.hex() << "\n    safety number "
      << crypto::formatSafetyNumber(crypto::safetyFingerprintDigits(agency.view(), root)) << "\n";
  }
  r << "\n";

  // Membership changes of the group, in the period.
  r << "Membership changes in the period\n";
  std::size_t links = 0;
  for (const auto& [index, e] : entries) {
    if (index < h.first || e.kind() != v1::LOG_ENTRY_CHAIN_LINK || e.group_id() != group) continue;
    auto env = crypto::Envelope::parse(crypto::asBytes(e.payload()));
    v1::ChainLink link;
    if (!env || !link.ParseFromArray(env->body.data(), static_cast<int>(env->body.size()))) {
      continue;
    }
    r << "  " << utc(e.at()) << "  link " << link.seq() << ": " << d.device(e.device_id()) << " "
      << linkOp(link) << " (epoch " << link.epoch() << ")\n";
    ++links;
  }
  if (links == 0) r << "  none\n";
  r << "\n";

  // Cases: consent events from the whole history, reads from the period.
  struct CaseLog {
    std::vector<std::string> events;
    std::vector<std::string> reads;
    std::vector<std::string> writes;
  };
  std::map<std::string, CaseLog> cases;  // case id bytes → its lines
  auto wanted = [&](const std::string& caseBytes) {
    return !h.caseId || caseBytes == h.caseId->str();
  };
  std::map<int, std::size_t> other;  // kind → count, the group's other events in the period
  std::size_t foreign = 0;
  for (const auto& [index, e] : entries) {
    const bool inPeriod = index >= h.first;
    if (e.group_id() != group) {
      if (inPeriod) ++foreign;
      continue;
    }
    switch (e.kind()) {
      case v1::LOG_ENTRY_CONSENT_REGISTERED:
      case v1::LOG_ENTRY_CONSENT_WITHDRAWN:
      case v1::LOG_ENTRY_CONSENT_EXPIRED: {
        v1::ConsentState s;
        if (!s.ParseFromString(e.payload()) || !wanted(s.case_id())) break;
        std::ostringstream line;
        if (e.kind() == v1::LOG_ENTRY_CONSENT_REGISTERED) {
          line << utc(e.at()) << "  consent registered by " << d.device(e.device_id()) << "; valid "
               << utc(s.valid_from()) << " - " << utc(s.valid_until()) << "; referring agency "
               << d.agencyName(idOf<AgencyId>(s.referring_agency()).value_or(AgencyId{}))
               << "; may also be read by ";
          if (s.recipient_agencies().empty()) line << "no other agency";
          for (int i = 0; i < s.recipient_agencies_size(); ++i) {
            if (i > 0) line << ", ";
            line << d.agencyName(idOf<AgencyId>(s.recipient_agencies(i)).value_or(AgencyId{}));
          }
        } else if (e.kind() == v1::LOG_ENTRY_CONSENT_WITHDRAWN) {
          line << utc(e.at()) << "  consent WITHDRAWN (återkallat); the withdrawal registered by "
               << d.device(e.device_id());
        } else {
          line << utc(e.at()) << "  consent expired (valid until " << utc(s.valid_until()) << ")";
        }
        cases[s.case_id()].events.push_back(line.str());
        break;
      }
      case v1::LOG_ENTRY_CASE_STATE:
        if (!wanted(e.object_id())) break;
        cases[e.object_id()].events.push_back(utc(e.at()) + "  case " +
                                              (e.version() == 1 ? "closed" : "reopened") + " by " +
                                              d.device(e.device_id()));
        break;
      case v1::LOG_ENTRY_REFERRAL_REGISTERED:
        if (!wanted(e.object_id())) break;
        cases[e.object_id()].events.push_back(
            utc(e.at()) + "  person registered for repeat checks by " + d.device(e.device_id()));
        break;
      case v1::LOG_ENTRY_OBJECT_READ:
      case v1::LOG_ENTRY_OBJECT_WRITTEN: {
        if (!inPeriod) break;
        const bool read = e.kind() == v1::LOG_ENTRY_OBJECT_READ;
        if (e.payload().size() == crypto::kIdSize && wanted(e.payload())) {
          (read ? cases[e.payload()].reads : cases[e.payload()].writes)
              .push_back(utc(e.at()) + (read ? "  read by " : "  written by ") +
                         d.device(e.device_id()) + ": " +
                         (e.version() == 0 ? "attachment " : "object ") +
                         shortHex(crypto::asBytes(e.object_id())) +
                         (e.version() == 0 ? std::string() : " v" + std::to_string(e.version())));
        } else if (e.payload().empty()) {
          ++other[e.kind()];
        }
        break;
      }
      case v1::LOG_ENTRY_CHAIN_LINK:
        break;
      default:
        if (inPeriod) ++other[e.kind()];
        break;
    }
  }
  r << "Cases\n";
  if (cases.empty()) r << "  no consent event, read or write of a case in the period\n";
  for (const auto& [id, log] : cases) {
    r << "  Case " << crypto::toHex(crypto::asBytes(id)) << "\n";
    for (const auto& line : log.events) r << "    " << line << "\n";
    r << "    " << log.reads.size() << (log.reads.size() == 1 ? " read" : " reads")
      << " in the period\n";
    for (const auto& line : log.reads) r << "      " << line << "\n";
    if (!log.writes.empty()) {
      r << "    " << log.writes.size() << (log.writes.size() == 1 ? " write" : " writes")
        << " in the period\n";
      for (const auto& line : log.writes) r << "      " << line << "\n";
    }
  }
  r << "\n";
  r << "Other events of the group in the period\n";
  if (other.empty()) r << "  none\n";
  for (const auto& [kind, count] : other) {
    r << "  " << kindLabel(kind) << ": " << count << "\n";
  }
  r << "\nEntries of other groups and of the platform in the period (checked, not listed): "
    << foreign << "\n";
  return r.str();
}

// Reads and checks a bundle; export uses the same path to write the report.
class BundleReader {
 public:
  BundleReader(fs::path dir, AuditVerification& out) : dir_(std::move(dir)), out_(out) {}

  void fail(const std::string& file, const std::string& reason) {
    out_.failures.push_back({file, reason});
  }

  std::optional<std::string> read(const std::string& name) {
    auto text = readFile(dir_ / name);
    if (!text) {
      fail(name, text.error().reason() == "io.missing" ? "missing" : text.error().message());
      return std::nullopt;
    }
    return std::move(*text);
  }

  // log.vkey and checkpoint. False: nothing else can be checked.
  bool checkCheckpoint(const AuditVerifyOptions& o) {
    auto vkeyText = read("log.vkey");
    if (!vkeyText) return false;
    std::string vkey = *vkeyText;
    if (!vkey.empty() && vkey.back() == '\n') vkey.pop_back();
    auto verifier = crypto::NoteVerifier::parse(vkey);
    if (!verifier) {
      fail("log.vkey", "not a note verifier key (" + verifier.error().message() + ")");
      return false;
    }
    if (!o.logKey.empty() && o.logKey != vkey) {
      fail("log.vkey", "is not the log key you trust (" + o.logKey + ")");
      return false;
    }
    auto cpText = read("checkpoint");
    if (!cpText) return false;
    checkpointText_ = *cpText;
    auto note = crypto::Note::parse(checkpointText_);
    if (!note) {
      fail("checkpoint", "not a signed note (" + note.error().message() + ")");
      return false;
    }
    std::vector<crypto::NoteVerifier> known{*verifier};
    auto signatures = crypto::verifyNote(*note, known);
    if (!signatures) {
      fail("checkpoint", "its signature does not verify against the log's key (" +
                             signatures.error().reason() + ")");
      return false;
    }
    bool logSigned = false;
    for (const auto& s : *signatures) {
      if (s.type == crypto::NoteKeyType::Ed25519 && s.name == verifier->name) logSigned = true;
    }
    if (!logSigned) {
      fail("checkpoint", "the log did not sign it");
      return false;
    }
    logVerifier_ = *verifier;
    checkpointNote_ = *note;
    auto cp = crypto::Checkpoint::parse(note->text);
    if (!cp) {
      fail("checkpoint", "not a checkpoint (" + cp.error().message() + ")");
      return false;
    }
    // A group's log (origin <key name>/group/<group>), or the single log
    // of bundles from before there was one per group (the key's name).
    const std::string groupPrefix = verifier->name + "/group/";
    if (cp->origin != verifier->name && !cp->origin.starts_with(groupPrefix)) {
      fail("checkpoint", "its origin is neither a group's log nor the log key's own");
      return false;
    }
    groupOfLog_ = cp->origin == verifier->name ? "" : cp->origin.substr(groupPrefix.size());
    checkpoint_ = *cp;
    return true;
  }

  // export.note's text (its signature is checked once the devices are known).
  bool readHeader() {
    auto text = read("export.note");
    if (!text) return false;
    exportNoteText_ = *text;
    auto note = crypto::Note::parse(exportNoteText_);
    if (!note) {
      fail("export.note", "not a signed note (" + note.error().message() + ")");
      return false;
    }
    auto h = Header::parse(note->text);
    if (!h) {
      fail("export.note", "not a Samråd audit bundle header");
      return false;
    }
    if (h->first > h->end || h->end > checkpoint_.size || h->logSize != checkpoint_.size ||
        h->from >= h->to) {
      fail("export.note", "its range does not fit the checkpoint");
      return false;
    }
    if (!groupOfLog_.empty() && groupOfLog_ != h->group.hex()) {
      fail("export.note", "it names another group than the log the checkpoint is of");
      return false;
    }
    exportNote_ = *note;
    header_ = *h;
    return true;
  }

  // Every proof file: its inclusion proof, its entry. Returns the files seen.
  void checkProofs() {
    for (const char* dir : {kContextDir, kEntriesDir, kBoundaryDir}) {
      std::error_code ec;
      if (!fs::is_directory(dir_ / dir, ec)) continue;
      for (const auto& f : fs::directory_iterator(dir_ / dir, ec)) {
        const std::string name = std::string(dir) + "/" + f.path().filename().string();
        std::uint64_t index = 0;
        const std::string stem = f.path().stem().string();
        if (f.path().extension() != ".tlog-proof" || stem.size() != 10 ||
            !std::all_of(stem.begin(), stem.end(), [](char c) { return c >= '0' && c <= '9'; })) {
          continue;  // the manifest check names it
        }
        index = std::stoull(stem);
        checkProof(dir, name, index);
      }
    }
  }

  void checkProof(const char* dir, const std::string& name, std::uint64_t index) {
    auto text = read(name);
    if (!text) return;
    ++out_.proofs;
    auto proof = crypto::TlogProof::parse(*text);
    if (!proof) {
      fail(name, "not a C2SP tlog-proof (" + proof.error().message() + ")");
      return;
    }
    if (proof->index != index) {
      fail(name, "proves entry " + std::to_string(proof->index) + ", not the one it is named for");
      return;
    }
    if (proof->checkpoint != checkpointText_) {
      fail(name, "was made against another checkpoint than the bundle's");
      return;
    }
    if (!proof->extra) {
      fail(name, "carries no entry");
      return;
    }
    const crypto::Hash leaf = crypto::merkleLeafHash(*proof->extra);
    if (!crypto::verifyInclusion(index, checkpoint_.size, leaf, proof->hashes, checkpoint_.root)) {
      fail(name, "its inclusion proof does not lead to the checkpoint's root");
      return;
    }
    v1::LogEntry e;
    if (!e.ParseFromArray(proof->extra->data(), static_cast<int>(proof->extra->size()))) {
      fail(name, "its entry is not a log entry");
      return;
    }
    const std::string d(dir);
    if (d == kBoundaryDir) {
      boundary_[index] = std::move(e);
    } else {
      if (d == kEntriesDir) {
        inRange_.insert(index);
      } else {
        inContext_.insert(index);
      }
      files_[index] = name;
      entries_[index] = std::move(e);
    }
  }

  void checkCompleteness() {
    const Header& h = header_;
    for (std::uint64_t i = h.first; i < h.end; ++i) {
      if (!inRange_.contains(i)) {
        fail(proofName(kEntriesDir, i), "missing: a gap in the log's entries " +
                                            std::to_string(h.first) + " to " +
                                            std::to_string(h.end - 1));
      }
    }
    for (const auto i : inRange_) {
      if (i < h.first || i >= h.end) fail(files_[i], "outside the exported range");
    }
    for (const auto i : inContext_) {
      if (i >= h.first && i < h.end) fail(files_[i], "a context entry inside the range");
    }
    // The range covers the whole period: the entry before it is older, the
    // one after it is not older than the period's end.
    if (h.first > 0) {
      const auto it = boundary_.find(h.first - 1);
      if (it == boundary_.end()) {
        fail(proofName(kBoundaryDir, h.first - 1), "missing: the entry before the range");
      } else if (it->second.at() >= h.from) {
        fail(proofName(kBoundaryDir, h.first - 1),
             "the entry before the range is inside the period: the range starts too late");
      }
    }
    if (h.end < checkpoint_.size) {
      const auto it = boundary_.find(h.end);
      if (it == boundary_.end()) {
        fail(proofName(kBoundaryDir, h.end), "missing: the entry after the range");
      } else if (it->second.at() < h.to) {
        fail(proofName(kBoundaryDir, h.end),
             "the entry after the range is inside the period: the range ends too early");
      }
    }
    for (const auto& [i, e] : boundary_) {
      if (i + 1 != h.first && i != h.end) fail(proofName(kBoundaryDir, i), "not a boundary");
    }
    out_.entries = entries_.size();
  }

  void checkSignatures(const AuditVerifyOptions& o) {
    auto agencies = read("agencies");
    if (agencies && !agencies->empty()) {  // empty: the exporter named no agency
      auto keys = parseAgencyKeys(*agencies);
      if (!keys) {
        fail("agencies", "not a list of agency keys (" + keys.error().message() + ")");
      } else {
        for (const auto& k : *keys) directory_.names[k.agency] = k.name;
        bundleAgencies_ = std::move(*keys);
      }
    }
    for (const auto& [index, e] : entries_) {
      // A group's log holds no certificate entries: its links carry them.
      if (!groupOfLog_.empty() && (e.kind() == v1::LOG_ENTRY_USER_CERTIFICATE ||
                                   e.kind() == v1::LOG_ENTRY_DEVICE_CERTIFICATE)) {
        fail(files_[index], "a certificate entry in a group's log");
        continue;
      }
      const std::string why = admit(e, directory_);
      if (!why.empty()) fail(files_[index], why);
    }
    // The roots in the log are those the bundle (or the lawyer) names.
    const auto& trusted = o.trustedAgencies.empty() ? bundleAgencies_ : o.trustedAgencies;
    const std::string source = o.trustedAgencies.empty() ? "agencies" : "the trusted agency keys";
    for (const auto& k : trusted) {
      const auto it = directory_.roots.find(k.agency);
      if (it != directory_.roots.end() && it->second != k.root) {
        fail("agencies", "the log's root key for " + k.name + " is not the one in " + source);
      }
    }
    // The exporter's signature over export.note.
    const auto device = directory_.devices.find(header_.exporter);
    if (device == directory_.devices.end()) {
      fail("export.note", "the exporting device has no certificate in the bundle");
      return;
    }
    const auto v =
        crypto::NoteVerifier::make(std::string(kDeviceKeyPrefix) + header_.exporter.hex(),
                                   crypto::NoteKeyType::Ed25519, device->second.signingKey);
    if (!crypto::verifyNote(exportNote_, std::span(&v, 1))) {
      fail("export.note", "the exporting device's signature does not verify");
    }
  }

  // Which agencies' devices cosigned the checkpoint (C2SP tlog-cosignature
  // by key samrad.witness/<device>, the device's certified signing key).
  void checkCosignatures(const AuditVerifyOptions& o) {
    std::vector<crypto::NoteVerifier> known{logVerifier_};
    for (const auto& [device, cert] : directory_.devices) {
      known.push_back(crypto::NoteVerifier::make(std::string(kWitnessKeyPrefix) + device.hex(),
                                                 crypto::NoteKeyType::Cosignature,
                                                 cert.signingKey));
    }
    auto signatures = crypto::verifyNote(checkpointNote_, known);
    if (!signatures) {
      fail("checkpoint", "a cosignature does not verify (" + signatures.error().reason() + ")");
      return;
    }
    // A quorum counts only agencies the lawyer trusts: the operator can
    // create agencies, so the bundle's own list proves nothing about who
    // witnessed. And a cosignature counts only if it was made in the
    // checkpoint's window: not before the newest entry the bundle shows of
    // its tree, not after the export (with the certificates' clock allowance).
    if (o.requiredCosignatures > 0 && o.trustedAgencies.empty()) {
      fail("checkpoint",
           "a cosignature quorum needs the agency keys you trust (--trust): agencies named by "
           "the bundle could have been created by the server's operator");
      return;
    }
    std::set<AgencyId> trusted;
    for (const auto& k : o.trustedAgencies) trusted.insert(k.agency);
    std::int64_t earliest = 0;
    for (const auto* entries : {&entries_, &boundary_}) {
      for (const auto& [i, e] : *entries) earliest = std::max(earliest, e.at());
    }
    const std::int64_t latest = header_.exportedAt + crypto::kClockSkewSeconds;
    std::set<AgencyId> agencies;
    std::size_t untrusted = 0;
    std::size_t outside = 0;
    for (const auto& sig : *signatures) {
      if (sig.type != crypto::NoteKeyType::Cosignature) continue;
      DeviceId device;
      if (!parseId(std::string_view(sig.name).substr(kWitnessKeyPrefix.size()), device)) continue;
      const auto cert = directory_.devices.find(device);
      if (cert == directory_.devices.end()) continue;
      // An agency's recovery key is no witness: it is kept offline and
      // checks nothing.
      const auto user = directory_.users.find(cert->second.user);
      if (user != directory_.users.end() && user->second.role == crypto::UserRole::Recovery) {
        continue;
      }
      const auto agency = directory_.agencyOfUser(cert->second.user);
      if (!agency) continue;
      witnesses_[*agency].push_back(sig.cosignedAt.value_or(0));
      const auto at = static_cast<std::int64_t>(sig.cosignedAt.value_or(0));
      if (at < earliest || at > latest) {
        ++outside;
      } else if (trusted.count(*agency) == 0) {
        ++untrusted;
      } else {
        agencies.insert(*agency);
      }
    }
    if (agencies.size() < o.requiredCosignatures) {
      std::string why = "cosigned by " + std::to_string(agencies.size()) + " trusted agencies, " +
                        std::to_string(o.requiredCosignatures) + " required";
      if (untrusted > 0) why += "; " + std::to_string(untrusted) + " by agencies you do not trust";
      if (outside > 0) {
        why += "; " + std::to_string(outside) + " dated outside the checkpoint's window";
      }
      fail("checkpoint", why);
    }
  }

  // manifest: every file's SHA-256, and nothing else in the folder.
  void checkManifest() {
    auto text = read("manifest");
    if (!text) return;
    if (crypto::sha256(crypto::asBytes(*text)).hex() != header_.manifest) {
      fail("manifest", "does not match the exporter's signed note (changed after export)");
    }
    std::map<std::string, std::string> listed;
    std::string_view rest = *text;
    while (!rest.empty()) {
      const auto nl = rest.find('\n');
      const std::string_view line = rest.substr(0, nl);
      rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
      if (line.size() < 67 || line.substr(64, 2) != "  ") {
        fail("manifest", "a line is not '<sha256>  <file>'");
        continue;
      }
      listed[std::string(line.substr(66))] = std::string(line.substr(0, 64));
    }
    std::set<std::string> present;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir_, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file()) continue;
      present.insert(fs::relative(it->path(), dir_).generic_string());
    }
    for (const auto& name : present) {
      if (name == "manifest" || name == "export.note") continue;
      const auto it = listed.find(name);
      if (it == listed.end()) {
        fail(name, "not in the manifest (added after export)");
        continue;
      }
      auto bytes = readFile(dir_ / name);
      if (!bytes || crypto::sha256(crypto::asBytes(*bytes)).hex() != it->second) {
        fail(name, "its SHA-256 differs from the manifest (changed after export)");
      }
    }
    for (const auto& [name, hash] : listed) {
      if (!present.contains(name)) fail(name, "listed in the manifest but missing");
    }
  }

  std::string report() {
    return buildReport(header_, checkpoint_, entries_, directory_, witnesses_);
  }

  void checkReport(const std::string& computed) {
    auto text = read("register.txt");
    if (text && *text != computed) {
      fail("register.txt", "differs from the report computed from the log's entries");
    }
  }

  Header header_;

 private:
  fs::path dir_;
  AuditVerification& out_;
  std::string checkpointText_;
  std::string groupOfLog_;  // hex; empty: a bundle of the single log from before
  crypto::Checkpoint checkpoint_;
  std::string exportNoteText_;
  crypto::Note exportNote_;
  std::map<std::uint64_t, v1::LogEntry> entries_;  // context and range
  std::map<std::uint64_t, std::string> files_;
  std::map<std::uint64_t, v1::LogEntry> boundary_;
  std::set<std::uint64_t> inRange_;
  std::set<std::uint64_t> inContext_;
  Directory directory_;
  std::vector<AgencyKey> bundleAgencies_;
  crypto::NoteVerifier logVerifier_;
  crypto::Note checkpointNote_;
  std::map<AgencyId, std::vector<std::uint64_t>> witnesses_;  // agency → cosignature times
};

}  // namespace

Result<AuditExportSummary> exportAuditBundle(PlatformClient& server, const LogMonitor& monitor,
                                             const DeviceIdentity& device,
                                             const std::string& agencyKeys,
                                             const AuditExportRequest& request,
                                             const fs::path& dir) {
  if (request.from >= request.to) {
    return auditError("audit.bad_period", "the period must end after it starts");
  }
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    return Error(ErrorCode::AlreadyExists, "audit.exists",
                 dir.string() + " exists already: choose a new folder for the bundle");
  }
  std::uint64_t size = monitor.size();
  if (size == 0) {
    return Error(ErrorCode::FailedPrecondition, "audit.empty_log",
                 "this device has not verified the log yet: sync first");
  }

  // Every entry up to the verified checkpoint; they must lead to its root.
  std::vector<crypto::Bytes> raw;
  raw.reserve(size);
  crypto::MemoryLogStore store;
  crypto::MerkleLog tree(store);
  while (raw.size() < size) {
    const auto count =
        static_cast<std::uint32_t>(std::min<std::uint64_t>(kPage, size - raw.size()));
    SAMRAD_ASSIGN_OR_RETURN(auto page, server.logEntries(monitor.log(), raw.size(), count));
    if (page.empty()) {
      return auditError("audit.log_mismatch", "the server did not give the log's entries");
    }
    for (auto& e : page) {
      if (raw.size() == size) break;
      SAMRAD_TRY(tree.append(e));
      raw.push_back(std::move(e));
    }
  }
  SAMRAD_ASSIGN_OR_RETURN(crypto::Hash root, tree.root(size));
  if (root != monitor.root()) {
    return auditError("audit.log_mismatch",
                      "the server's log entries do not lead to the checkpoint this device "
                      "verified: the log may have been tampered with");
  }
  std::string note = monitor.checkpointNote();
  if (request.witnessedBy > 0) {
    // The latest checkpoint that many agencies cosigned: it must be signed
    // by the log and be a prefix of the log this device verified.
    SAMRAD_ASSIGN_OR_RETURN(
        auto witnessed,
        server.witnessedCheckpoint(monitor.log(), static_cast<std::uint32_t>(request.witnessedBy)));
    SAMRAD_ASSIGN_OR_RETURN(auto verifier, crypto::NoteVerifier::parse(monitor.verifierKey()));
    auto parsed = crypto::Note::parse(witnessed.first);
    std::optional<crypto::Checkpoint> cp;
    if (parsed && crypto::verifyNote(*parsed, std::span(&verifier, 1))) {
      if (auto c = crypto::Checkpoint::parse(parsed->text)) cp = *c;
    }
    if (!cp || cp->size > size || cp->size == 0 || *tree.root(cp->size) != cp->root) {
      return auditError(
          "audit.log_mismatch",
          "the witnessed checkpoint does not agree with the log this device verified");
    }
    size = cp->size;
    raw.resize(size);
    note = witnessed.first;
  }

  std::vector<v1::LogEntry> entries(size);
  for (std::uint64_t i = 0; i < size; ++i) {
    if (!entries[i].ParseFromArray(raw[i].data(), static_cast<int>(raw[i].size()))) {
      return auditError("audit.log_mismatch", "log entry " + std::to_string(i) + " is malformed");
    }
  }
  AuditExportSummary summary;
  summary.logSize = size;
  std::uint64_t first = 0;
  while (first < size && entries[first].at() < request.from) ++first;
  std::uint64_t end = first;
  while (end < size && entries[end].at() < request.to) ++end;
  summary.first = first;
  summary.end = end;

  fs::create_directories(dir / kEntriesDir, ec);
  fs::create_directories(dir / kContextDir, ec);
  fs::create_directories(dir / kBoundaryDir, ec);
  if (ec) {
    return Error(ErrorCode::Internal, "io.write", "cannot create " + dir.string());
  }
  std::vector<std::string> files;
  auto put = [&](const std::string& name, std::string_view text) -> Status {
    SAMRAD_TRY(writeFile(dir / name, text));
    files.push_back(name);
    return okStatus();
  };
  auto putProof = [&](const char* sub, std::uint64_t i) -> Status {
    crypto::TlogProof p;
    p.extra = raw[i];
    p.index = i;
    SAMRAD_ASSIGN_OR_RETURN(p.hashes, tree.inclusionProof(i, size));
    p.checkpoint = note;
    return put(proofName(sub, i), p.serialize());
  };
  SAMRAD_TRY(put("log.vkey", monitor.verifierKey() + "\n"));
  SAMRAD_TRY(put("checkpoint", note));
  SAMRAD_TRY(put("agencies", agencyKeys));
  const std::string group = request.group.str();
  for (std::uint64_t i = 0; i < size; ++i) {
    // Before the range: who is who and the group's history; after it: the
    // certificates of devices that may have cosigned the checkpoint (in the
    // membership links and agency roots of a group's log).
    const int kind = entries[i].kind();
    if ((i < first && isContext(entries[i], group)) ||
        (i >= end && (kind == v1::LOG_ENTRY_DEVICE_CERTIFICATE ||
                      kind == v1::LOG_ENTRY_CHAIN_LINK || kind == v1::LOG_ENTRY_AGENCY_ROOT))) {
      SAMRAD_TRY(putProof(kContextDir, i));
      ++summary.contextEntries;
    }
  }
  for (std::uint64_t i = first; i < end; ++i) SAMRAD_TRY(putProof(kEntriesDir, i));
  if (first > 0) SAMRAD_TRY(putProof(kBoundaryDir, first - 1));
  if (end < size) SAMRAD_TRY(putProof(kBoundaryDir, end));

  Header h;
  h.group = request.group;
  h.from = request.from;
  h.to = request.to;
  h.caseId = request.caseId;
  h.first = first;
  h.end = end;
  h.logSize = size;
  h.exporter = device.device;
  h.exportedAt = request.now;

  // The report, computed the way verification will compute it.
  AuditVerification scratch;
  BundleReader reader(dir, scratch);
  if (!reader.checkCheckpoint({})) {
    return auditError("audit.log_mismatch",
                      "the checkpoint does not verify: " + scratch.failures.front().reason);
  }
  reader.header_ = h;
  reader.checkProofs();
  reader.checkSignatures({});
  reader.checkCosignatures({});
  // (export.note is not written yet: the only failure allowed here.)
  scratch.failures.erase(std::remove_if(scratch.failures.begin(), scratch.failures.end(),
                                        [](const AuditFailure& f) {
                                          return f.file == "export.note" || f.file == "agencies";
                                        }),
                         scratch.failures.end());
  if (!scratch.failures.empty()) {
    return auditError("audit.log_mismatch",
                      scratch.failures.front().file + ": " + scratch.failures.front().reason);
  }
  SAMRAD_TRY(put("register.txt", reader.report()));

  std::sort(files.begin(), files.end());
  std::string manifest;
  for (const auto& f : files) {
    SAMRAD_ASSIGN_OR_RETURN(auto bytes, readFile(dir / f));
    manifest += crypto::sha256(crypto::asBytes(bytes)).hex() + "  " + f + "\n";
  }
  SAMRAD_TRY(writeFile(dir / "manifest", manifest));
  h.manifest = crypto::sha256(crypto::asBytes(manifest)).hex();
  SAMRAD_ASSIGN_OR_RETURN(auto key, crypto::SigningKeyPair::fromSeed(device.signing.seed().view()));
  const crypto::NoteSigner signer(std::string(kDeviceKeyPrefix) + h.exporter.hex(),
                                  crypto::NoteKeyType::Ed25519, std::move(key));
  crypto::Note exportNote{h.text(), {}};
  exportNote.addSignature(signer.verifier().name, signer.signText(exportNote.text));
  SAMRAD_TRY(writeFile(dir / "export.note", exportNote.serialize()));
  summary.files = files.size() + 2;
  return summary;
}

AuditVerification verifyAuditBundle(const fs::path& dir, const AuditVerifyOptions& options) {
  AuditVerification out;
  BundleReader reader(dir, out);
  if (!reader.checkCheckpoint(options) || !reader.readHeader()) {
    return out;
  }
  reader.checkProofs();
  reader.checkCompleteness();
  reader.checkSignatures(options);
  reader.checkCosignatures(options);
  reader.checkManifest();
  out.report = reader.report();
  reader.checkReport(out.report);
  return out;
}

}  // namespace samrad::client
