#include "samrad/client/witness_policy.h"

#include <set>
#include <sstream>
#include <string>

#include "samrad/client/log_monitor.h"
#include "samrad/crypto/merkle.h"
#include "samrad/crypto/note.h"

namespace samrad::client {
namespace {

constexpr const char* kPolicyKind = "witness-policy";
constexpr std::string_view kWitnessKeyPrefix = "samrad.witness/";

crypto::ObjectId policyObject(const crypto::GroupId& group) {
  const crypto::Hash h =
      crypto::sha256({crypto::asBytes("samrad/v1/witness-policy"), group.view()});
  return *crypto::ObjectId::fromBytes(crypto::ByteView(h.bytes.data(), 16));
}

std::size_t groupAgencies(const crypto::GroupState& s) {
  std::set<crypto::AgencyId> out;
  for (const auto& [user, m] : s.members) out.insert(m.certificate.agency);
  return out.size();
}

}  // namespace

Status setWitnessPolicy(GroupReplica& replica, const crypto::DeviceId& me, std::uint32_t agencies,
                        std::int64_t now) {
  const auto& state = replica.chain().state();
  if (!state.isCoordinatorDevice(me)) {
    return Error(ErrorCode::PermissionDenied, "witness.not_coordinator",
                 "only the group's coordinator sets how many agencies must witness the log");
  }
  if (agencies > groupAgencies(state)) {
    return Error(ErrorCode::InvalidArgument, "witness.bad_policy",
                 "the group has " + std::to_string(groupAgencies(state)) +
                     " agencies; no more can witness the log");
  }
  std::ostringstream text;
  text << "agencies=" << agencies << "\nset_at=" << now << '\n';
  return replica.write(policyObject(replica.group()), kPolicyKind, crypto::asBytes(text.str()));
}

std::optional<WitnessPolicy> witnessPolicy(GroupReplica& replica) {
  auto o = replica.object(policyObject(replica.group()));
  if (!o || o->kind != kPolicyKind) return std::nullopt;
  // Only a coordinator's device makes it count.
  if (!replica.chain().state().isCoordinatorDevice(o->author)) return std::nullopt;
  WitnessPolicy p;
  p.setBy = o->author;
  std::istringstream in{std::string(o->plaintext.begin(), o->plaintext.end())};
  bool sawAgencies = false;
  for (std::string line; std::getline(in, line);) {
    const auto eq = line.find('=');
    if (eq == std::string::npos) return std::nullopt;
    const std::string k = line.substr(0, eq);
    const std::string v = line.substr(eq + 1);
    try {
      if (k == "agencies") {
        const unsigned long n = std::stoul(v);
        if (n > 64) return std::nullopt;
        p.agencies = static_cast<std::uint32_t>(n);
        sawAgencies = true;
      } else if (k == "set_at") {
        p.setAt = std::stoll(v);
      }
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  if (!sawAgencies) return std::nullopt;
  return p;
}

Result<WitnessCheck> checkWitnesses(GroupReplica& replica, PlatformClient& server,
                                    const WitnessPolicy& policy, std::int64_t now) {
  WitnessCheck out;
  out.required = policy.agencies;
  if (policy.agencies == 0) return out;
  out.ok = false;
  const LogMonitor& view = replica.log();
  auto witnessed = server.witnessedCheckpoint(view.log(), policy.agencies);
  if (!witnessed) {
    if (witnessed.error().reason() == "log.not_witnessed") return out;
    return witnessed.error();
  }
  const std::string& vkey = replica.log().verifierKey();
  SAMRAD_ASSIGN_OR_RETURN(auto logVerifier, crypto::NoteVerifier::parse(vkey));
  // The group's own devices, by their witness key names; the server's count
  // of agencies is not taken on trust.
  const auto& state = replica.chain().state();
  std::vector<crypto::NoteVerifier> known{logVerifier};
  for (const auto& [user, m] : state.members) {
    for (const auto& [id, d] : m.devices) {
      known.push_back(crypto::NoteVerifier::make(std::string(kWitnessKeyPrefix) + id.hex(),
                                                 crypto::NoteKeyType::Cosignature, d.signingKey));
    }
  }
  auto note = crypto::Note::parse(witnessed->first);
  if (!note) {
    return Error(ErrorCode::DataLoss, "verify.checkpoint_signature",
                 "the witnessed checkpoint cannot be read");
  }
  auto signatures = crypto::verifyNote(*note, known);
  if (!signatures) {
    return Error(ErrorCode::DataLoss, "verify.cosignature",
                 "a signature on the witnessed checkpoint does not verify (" +
                     signatures.error().reason() + ")");
  }
  bool logSigned = false;
  std::set<crypto::AgencyId> agencies;
  for (const auto& sig : *signatures) {
    if (sig.name == logVerifier.name && sig.type == logVerifier.type) logSigned = true;
    if (sig.type != crypto::NoteKeyType::Cosignature) continue;
    const auto at = static_cast<std::int64_t>(sig.cosignedAt.value_or(0));
    if (at > now + crypto::kClockSkewSeconds) continue;  // not yet made: not counted
    auto hex = std::string_view(sig.name).substr(kWitnessKeyPrefix.size());
    crypto::Bytes raw;
    if (!crypto::fromHex(hex, raw)) continue;
    auto device = crypto::DeviceId::fromBytes(raw);
    if (!device) continue;
    const crypto::ChainMember* m = state.memberOf(*device);
    // An agency's recovery key is no witness (it is kept offline).
    if (m == nullptr || m->role == crypto::GroupRole::Recovery) continue;
    agencies.insert(m->certificate.agency);
    out.newestAt = std::max(out.newestAt, at);
  }
  auto cp = crypto::Checkpoint::parse(note->text);
  if (!logSigned || !cp || cp->origin != view.log().origin(logVerifier.name) ||
      cp->size != witnessed->second) {
    return Error(ErrorCode::DataLoss, "verify.checkpoint_signature",
                 "the witnessed checkpoint is not signed by the log's key for the group's log");
  }
  // What the group's agencies cosigned must be the log this device saw: a
  // server showing members different logs cannot gather their witnesses on
  // both.
  if (cp->size == view.size() && cp->root != view.root()) {
    return Error(ErrorCode::DataLoss, "verify.split_view",
                 "the group's agencies witnessed another log than the one this device was shown");
  }
  const bool older = cp->size < view.size();
  const std::uint64_t first = older ? cp->size : view.size();
  const std::uint64_t second = older ? view.size() : cp->size;
  if (first > 0 && first != second) {
    auto proof = server.consistencyProof(view.log(), first, second);
    if (!proof) return proof.error();
    const crypto::Hash& firstRoot = older ? cp->root : view.root();
    const crypto::Hash& secondRoot = older ? view.root() : cp->root;
    if (!crypto::verifyConsistency(first, second, *proof, firstRoot, secondRoot)) {
      return Error(ErrorCode::DataLoss, "verify.split_view",
                   "the group's agencies witnessed a log that does not agree with the one this "
                   "device was shown");
    }
  }
  out.agencies = static_cast<std::uint32_t>(agencies.size());
  out.size = witnessed->second;
  out.ok = out.agencies >= policy.agencies && out.newestAt >= now - kWitnessFreshSeconds;
  return out;
}

}  // namespace samrad::client
