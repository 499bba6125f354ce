// The transparency logs (DESIGN §3, docs/transparency.md): one per group, one
// directory, and the frozen legacy log of stores from before. Which entry
// goes where, who may read which log, checkpoints, witnessing and proofs.
#include <set>

#include "samrad/common/log.h"
#include "samrad/crypto/envelope.h"
#include "samrad/server/domain/platform.h"
#include "samrad/v1/crypto.pb.h"
#include "samrad/v1/log.pb.h"

namespace samrad::server::domain {
namespace {

using crypto::Envelope;
using crypto::LogId;

Error err(ErrorCode code, const char* reason, const std::string& message) {
  return Error(code, reason, message);
}

crypto::Bytes serialized(const v1::LogEntry& e) {
  std::string bytes;
  e.SerializeToString(&bytes);
  return {bytes.begin(), bytes.end()};
}

// A device's cosigner key name (C2SP tlog-cosignature).
std::string witnessKeyName(const DeviceId& device) {
  return "samrad.witness/" + device.hex();
}

// The members a link brings in, with their certificates (the chain keeps
// the certificates themselves).
std::vector<const v1::Member*> membersAdded(const v1::ChainLink& link) {
  std::vector<const v1::Member*> out;
  switch (link.op_case()) {
    case v1::ChainLink::kCreate:
      for (const auto& m : link.create().members()) out.push_back(&m);
      break;
    case v1::ChainLink::kAddMember:
      out.push_back(&link.add_member().member());
      break;
    case v1::ChainLink::kRecoveryEscrow:
      out.push_back(&link.recovery_escrow().recovery());
      break;
    default:
      break;
  }
  return out;
}

}  // namespace

Status Platform::openLogs() {
  std::lock_guard lock(mu_);
  crypto::MerkleLog legacy(store_.logTree(LogId::legacy()));
  legacySize_ = legacy.size();
  if (legacySize_ == 0) return okStatus();
  SAMRAD_ASSIGN_OR_RETURN(Hash root, legacy.root(legacySize_));
  crypto::Note note{crypto::Checkpoint{logOrigin_, legacySize_, root, {}}.text(), {}};
  note.addSignature(logSigner_.verifier().name, logSigner_.signText(note.text));
  legacyNote_ = note.serialize();
  if (crypto::MerkleLog(store_.logTree(LogId::directory())).size() > 0) return okStatus();
  // The first start on a store with one log: every entry goes, once, into
  // the log it belongs to now, in its order and with its bytes, after the
  // entry that binds the legacy log's last checkpoint. Logins go nowhere.
  std::size_t carried = 0;
  SAMRAD_TRY(store_.transaction([&]() -> Status {
    for (std::uint64_t at = 0; at < legacySize_;) {
      SAMRAD_ASSIGN_OR_RETURN(auto page, store_.logEntries(LogId::legacy(), at, 1000));
      if (page.empty()) {
        return err(ErrorCode::DataLoss, "log.legacy_entries_missing",
                   "the legacy log's entries from " + std::to_string(at) + " are missing");
      }
      for (const auto& raw : page) {
        v1::LogEntry e;
        if (!e.ParseFromArray(raw.data(), static_cast<int>(raw.size()))) {
          return err(ErrorCode::DataLoss, "log.legacy_entry_malformed",
                     "legacy log entry " + std::to_string(at) + " is malformed");
        }
        SAMRAD_TRY(route(e, raw));
        if (e.kind() != v1::LOG_ENTRY_LOGIN) ++carried;
        ++at;
      }
    }
    // The directory log begins here even on a store whose legacy log held
    // nothing for it, so this runs once.
    if (crypto::MerkleLog(store_.logTree(LogId::directory())).size() == 0) {
      SAMRAD_TRY(appendTo(LogId::directory(), {}));
    }
    return okStatus();
  }));
  SAMRAD_TRY(store_.sync());
  log::info("log.split", {{"legacy_entries", static_cast<std::int64_t>(legacySize_)},
                          {"carried", static_cast<std::int64_t>(carried)}});
  return okStatus();
}

Status Platform::appendLog(const LogFields& f) {
  v1::LogEntry e;
  e.set_kind(static_cast<v1::LogEntryKind>(f.kind));
  e.set_at(f.at != 0 ? f.at : clock_.now());
  if (f.agency != nullptr) e.set_agency_id(f.agency->str());
  if (f.user != nullptr) e.set_user_id(f.user->str());
  if (f.device != nullptr) e.set_device_id(f.device->str());
  if (f.group != nullptr) e.set_group_id(f.group->str());
  if (f.object != nullptr) e.set_object_id(f.object->str());
  e.set_version(f.version);
  e.set_payload(f.payload.data(), f.payload.size());
  return route(e, serialized(e));
}

Status Platform::route(const v1::LogEntry& e, crypto::ByteView raw) {
  switch (e.kind()) {
    case v1::LOG_ENTRY_LOGIN:
    case v1::LOG_ENTRY_LEGACY_CHECKPOINT:
      // A session renewal is not an audit event (docs/transparency.md); a
      // binding entry is written by appendTo() alone.
      return okStatus();
    case v1::LOG_ENTRY_AGENCY_ROOT:
    case v1::LOG_ENTRY_USER_CERTIFICATE:
    case v1::LOG_ENTRY_DEVICE_CERTIFICATE:
      return appendTo(LogId::directory(), raw);
    case v1::LOG_ENTRY_DEVICE_REVOKED:
    case v1::LOG_ENTRY_USER_REVOKED: {
      // Every device watches the directory; each group the revoked device
      // (or the user's devices) belongs to has it in its own record too.
      SAMRAD_TRY(appendTo(LogId::directory(), raw));
      std::vector<DeviceId> devices;
      if (e.kind() == v1::LOG_ENTRY_DEVICE_REVOKED) {
        if (auto d = DeviceId::fromBytes(crypto::asBytes(e.device_id()))) devices.push_back(*d);
      } else if (auto u = UserId::fromBytes(crypto::asBytes(e.user_id()))) {
        SAMRAD_ASSIGN_OR_RETURN(auto records, store_.devicesOf(*u));
        for (const auto& r : records) devices.push_back(r.id);
      }
      std::set<GroupId> groups;
      for (const auto& d : devices) {
        SAMRAD_ASSIGN_OR_RETURN(auto of, store_.groupsOfDevice(d));
        groups.insert(of.begin(), of.end());
      }
      for (const auto& g : groups) SAMRAD_TRY(appendTo(LogId::ofGroup(g), raw));
      return okStatus();
    }
    default: {
      auto group = GroupId::fromBytes(crypto::asBytes(e.group_id()));
      if (!group) {
        // Nothing the server writes now; a legacy entry of a kind this
        // version does not know, carried over: kept, in the directory.
        log::warn("log.entry_without_group", {{"kind", static_cast<std::int64_t>(e.kind())}});
        return appendTo(LogId::directory(), raw);
      }
      if (e.kind() == v1::LOG_ENTRY_CHAIN_LINK) {
        SAMRAD_TRY(appendGroupContext(*group, crypto::asBytes(e.payload()), e.at()));
      }
      return appendTo(LogId::ofGroup(*group), raw);
    }
  }
}

Status Platform::appendGroupContext(const GroupId& group, crypto::ByteView link, std::int64_t at) {
  // The chain's links carry their members' certificates; what a reader of
  // the group's log alone also needs is each member agency's root, once,
  // and any revocation of a device the link brings in, made before it (a
  // later one is appended to the group's log when it is made): so a device
  // learns every revocation that concerns its group from the group's log.
  auto env = Envelope::parse(link);
  v1::ChainLink l;
  if (!env || !l.ParseFromArray(env->body.data(), static_cast<int>(env->body.size()))) {
    return err(ErrorCode::Internal, "log.bad_link", "a logged membership link does not parse");
  }
  std::vector<const std::string*> deviceCerts;
  for (const v1::Member* m : membersAdded(l)) {
    for (const auto& dc : m->device_certificates()) deviceCerts.push_back(&dc);
  }
  if (l.op_case() == v1::ChainLink::kAddDevice) {
    deviceCerts.push_back(&l.add_device().device_certificate());
  }
  for (const std::string* raw : deviceCerts) {
    auto certEnv = Envelope::parse(crypto::asBytes(*raw));
    v1::DeviceCertificate cert;
    if (!certEnv ||
        !cert.ParseFromArray(certEnv->body.data(), static_cast<int>(certEnv->body.size()))) {
      continue;
    }
    auto device = DeviceId::fromBytes(crypto::asBytes(cert.device_id()));
    auto user = UserId::fromBytes(crypto::asBytes(cert.user_id()));
    if (!device || !user) continue;
    SAMRAD_ASSIGN_OR_RETURN(auto d, store_.device(*device));
    SAMRAD_ASSIGN_OR_RETURN(auto u, store_.user(*user));
    const bool userRevoked = u && u->revokedAt;
    const bool deviceRevoked = d && d->revokedAt;
    if (!userRevoked && !deviceRevoked) continue;
    crypto::Bytes item{'v'};
    crypto::appendBytes(item, userRevoked ? user->view() : device->view());
    SAMRAD_ASSIGN_OR_RETURN(bool fresh, store_.addLogContext(LogId::ofGroup(group), item));
    if (!fresh) continue;
    v1::LogEntry r;
    r.set_kind(userRevoked ? v1::LOG_ENTRY_USER_REVOKED : v1::LOG_ENTRY_DEVICE_REVOKED);
    r.set_at(userRevoked ? *u->revokedAt : *d->revokedAt);
    r.set_user_id(user->str());
    if (userRevoked) {
      r.set_agency_id(u->agency.str());
    } else {
      r.set_device_id(device->str());
    }
    SAMRAD_TRY(appendTo(LogId::ofGroup(group), serialized(r)));
  }
  for (const v1::Member* m : membersAdded(l)) {
    auto certEnv = Envelope::parse(crypto::asBytes(m->user_certificate()));
    v1::UserCertificate cert;
    if (!certEnv ||
        !cert.ParseFromArray(certEnv->body.data(), static_cast<int>(certEnv->body.size()))) {
      continue;  // the chain refused it already; nothing to add
    }
    auto agency = AgencyId::fromBytes(crypto::asBytes(cert.agency_id()));
    if (!agency) continue;
    SAMRAD_ASSIGN_OR_RETURN(auto record, store_.agency(*agency));
    if (!record) continue;
    crypto::Bytes item{'r'};
    crypto::appendBytes(item, agency->view());
    SAMRAD_ASSIGN_OR_RETURN(bool fresh, store_.addLogContext(LogId::ofGroup(group), item));
    if (!fresh) continue;
    v1::LogEntry root;
    root.set_kind(v1::LOG_ENTRY_AGENCY_ROOT);
    root.set_at(at);
    root.set_agency_id(agency->str());
    root.set_group_id(group.str());
    root.set_payload(reinterpret_cast<const char*>(record->rootKey.bytes.data()),
                     record->rootKey.bytes.size());
    SAMRAD_TRY(appendTo(LogId::ofGroup(group), serialized(root)));
  }
  return okStatus();
}

Status Platform::appendTo(const LogId& log, crypto::ByteView entry) {
  crypto::MerkleLog tree(store_.logTree(log));
  if (tree.size() == 0 && legacySize_ > 0 && log.kind != LogId::Kind::Legacy) {
    // Every log begun after the legacy one opens with its last checkpoint,
    // so whoever checks this log is pointed at the history before it.
    v1::LogEntry bind;
    bind.set_kind(v1::LOG_ENTRY_LEGACY_CHECKPOINT);
    bind.set_at(clock_.now());
    if (log.kind == LogId::Kind::Group) bind.set_group_id(log.group.str());
    bind.set_version(legacySize_);
    bind.set_payload(legacyNote_);
    const crypto::Bytes first = serialized(bind);
    SAMRAD_ASSIGN_OR_RETURN(std::uint64_t index, tree.append(first));
    SAMRAD_TRY(store_.putLogEntry(log, index, first));
  }
  if (entry.empty()) return okStatus();  // openLogs(): the binding entry alone
  const crypto::Bytes bytes(entry.begin(), entry.end());
  SAMRAD_ASSIGN_OR_RETURN(std::uint64_t index, tree.append(bytes));
  return store_.putLogEntry(log, index, bytes);
}

Status Platform::guardLog(Operation op, const Caller& caller, const LogId& log) {
  switch (log.kind) {
    case LogId::Kind::Directory:
      return authorize(op, &caller, nullptr);
    case LogId::Kind::Group:
      return authorize(op, &caller, &log.group);
    case LogId::Kind::Legacy:
      if (op == Operation::GetLogEntries) {
        return err(ErrorCode::PermissionDenied, "log.legacy_entries",
                   "the legacy log's entries are not served: each group's history was carried "
                   "into that group's own log, and who is who into the directory log");
      }
      if (op == Operation::AddCosignature) {
        return err(ErrorCode::FailedPrecondition, "log.legacy_frozen",
                   "the legacy log is frozen: it is not witnessed any more");
      }
      return authorize(op, &caller, nullptr);
  }
  return err(ErrorCode::InvalidArgument, "log.unknown", "no such log");
}

Result<std::pair<std::string, std::uint64_t>> Platform::checkpoint(const Caller& caller,
                                                                   const LogId& log) {
  SAMRAD_TRY(guardLog(Operation::GetCheckpoint, caller, log));
  if (log.kind == LogId::Kind::Legacy) {
    if (legacySize_ == 0)
      return err(ErrorCode::NotFound, "log.no_legacy", "this store has no legacy log");
    return std::make_pair(legacyNote_, legacySize_);
  }
  std::uint64_t size = 0;
  crypto::Note note;
  {
    std::lock_guard lock(mu_);
    crypto::MerkleLog tree(store_.logTree(log));
    size = tree.size();
    SAMRAD_ASSIGN_OR_RETURN(Hash root, tree.root(size));
    const crypto::Checkpoint cp{log.origin(logOrigin_), size, root, {}};
    note.text = cp.text();
    note.addSignature(logSigner_.verifier().name, logSigner_.signText(note.text));
  }
  // Every entry it covers is committed, but maybe not yet on disk: it leaves
  // only once they are, so no crash can take the log below a size the server
  // signed. Usually there is nothing left to sync.
  SAMRAD_TRY(store_.syncNow());
  return std::make_pair(note.serialize(), size);
}

Result<std::string> Platform::witnessNote(const LogId& log, const WitnessCheckpoint& w) {
  const crypto::Checkpoint cp{log.origin(logOrigin_), w.size, w.root, {}};
  crypto::Note note{cp.text(), {}};
  note.addSignature(logSigner_.verifier().name, logSigner_.signText(note.text));
  // A group's cosignatures go to its members, who check them (the witness
  // policy). The directory's are kept for the metrics and not served: every
  // device cosigns it at each sync, so they would tell any session when
  // each device in the country was last in use.
  if (log.kind != LogId::Kind::Group) return note.serialize();
  SAMRAD_ASSIGN_OR_RETURN(auto cosigs, store_.cosignatures(log, w.size));
  for (const auto& c : cosigs) note.addSignature(witnessKeyName(c.device), c.payload);
  return note.serialize();
}

Result<Platform::OperationalStatus> Platform::operationalStatus() {
  std::lock_guard lock(mu_);
  OperationalStatus s;
  s.now = clock_.now();
  const LogId directory = LogId::directory();
  s.logSize = crypto::MerkleLog(store_.logTree(directory)).size();
  SAMRAD_ASSIGN_OR_RETURN(auto current, store_.latestWitnessCheckpoint(directory));
  if (current) {
    s.witnessSize = current->size;
    s.witnessChosenAt = current->chosenAt;
    SAMRAD_ASSIGN_OR_RETURN(auto all, store_.cosignatures(directory, current->size));
    std::set<AgencyId> agencies;
    for (const auto& c : all) agencies.insert(c.agency);
    s.cosignatures = all.size();
    s.cosigningAgencies = agencies.size();
  }
  SAMRAD_ASSIGN_OR_RETURN(s.sessions, store_.countSessions(s.now));
  return s;
}

Result<std::pair<std::string, std::uint64_t>> Platform::witnessCheckpoint(const Caller& caller,
                                                                          const LogId& log) {
  SAMRAD_TRY(guardLog(Operation::GetCheckpoint, caller, log));
  if (log.kind == LogId::Kind::Legacy) return std::make_pair(std::string(), std::uint64_t{0});
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto current, store_.latestWitnessCheckpoint(log));
  crypto::MerkleLog tree(store_.logTree(log));
  const std::uint64_t size = tree.size();
  const std::int64_t now = clock_.now();
  if (size > 0 &&
      (!current || (current->size < size && now - current->chosenAt >= limits_.witnessInterval))) {
    SAMRAD_ASSIGN_OR_RETURN(Hash root, tree.root(size));
    const WitnessCheckpoint next{size, root, now};
    SAMRAD_TRY(store_.transaction([&]() { return store_.putWitnessCheckpoint(log, next); }));
    current = next;
  }
  if (!current) return std::make_pair(std::string(), std::uint64_t{0});
  SAMRAD_ASSIGN_OR_RETURN(auto note, witnessNote(log, *current));
  return std::make_pair(std::move(note), current->size);
}

Result<std::size_t> Platform::addCosignature(const Caller& caller, const LogId& log,
                                             std::uint64_t size, crypto::ByteView payload) {
  SAMRAD_TRY(guardLog(Operation::AddCosignature, caller, log));
  std::lock_guard lock(mu_);
  if (caller.role == crypto::UserRole::Recovery) {
    return err(ErrorCode::PermissionDenied, "cosignature.not_witness",
               "an agency's recovery key does not witness the log: it is kept offline and checks "
               "nothing");
  }
  if (payload.size() != 4 + 8 + crypto::kSignatureSize) {
    return err(ErrorCode::InvalidArgument, "cosignature.malformed",
               "a cosignature is a key id, a timestamp and a signature (76 bytes)");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto w, store_.witnessCheckpoint(log, size));
  if (!w) {
    return err(ErrorCode::NotFound, "log.not_witnessed",
               "no checkpoint of that size is up for witnessing");
  }
  std::uint64_t timestamp = 0;
  for (std::size_t i = 4; i < 12; ++i) timestamp = (timestamp << 8) | payload[i];
  const std::int64_t now = clock_.now();
  if (timestamp > static_cast<std::uint64_t>(now + limits_.maxCosignatureSkew) ||
      static_cast<std::int64_t>(timestamp) < now - limits_.maxCosignatureSkew) {
    return err(ErrorCode::InvalidArgument, "cosignature.bad_time",
               "the cosignature's time is too far from the server's clock");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto device, store_.device(caller.device));
  if (!device) return err(ErrorCode::NotFound, "device.not_found", "no such device");
  const auto verifier = crypto::NoteVerifier::make(
      witnessKeyName(caller.device), crypto::NoteKeyType::Cosignature, device->signingKey);
  const crypto::Checkpoint cp{log.origin(logOrigin_), w->size, w->root, {}};
  crypto::Note note{cp.text(), {}};
  note.addSignature(verifier.name, payload);
  auto checked = crypto::verifyNote(note, std::span(&verifier, 1));
  if (!checked) {
    return err(ErrorCode::InvalidArgument, "cosignature.bad_signature",
               "the cosignature does not verify with this device's key");
  }
  SAMRAD_TRY(store_.transaction([&]() {
    return store_.putCosignature(
        log, size,
        {caller.device, caller.agency, crypto::Bytes(payload.begin(), payload.end()), now});
  }));
  SAMRAD_ASSIGN_OR_RETURN(auto all, store_.cosignatures(log, size));
  std::set<AgencyId> agencies;
  for (const auto& c : all) agencies.insert(c.agency);
  return agencies.size();
}

Result<std::pair<std::string, std::uint64_t>> Platform::witnessedCheckpoint(const Caller& caller,
                                                                            const LogId& log,
                                                                            std::size_t agencies) {
  SAMRAD_TRY(guardLog(Operation::GetWitnessedCheckpoint, caller, log));
  std::lock_guard lock(mu_);
  SAMRAD_ASSIGN_OR_RETURN(auto size,
                          store_.latestWitnessedSize(log, std::max<std::size_t>(1, agencies)));
  if (!size) {
    return err(ErrorCode::NotFound, "log.not_witnessed",
               "no checkpoint has been cosigned by that many agencies yet");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto w, store_.witnessCheckpoint(log, *size));
  if (!w) return err(ErrorCode::Internal, "log.witness_missing", "witness checkpoint missing");
  SAMRAD_ASSIGN_OR_RETURN(auto note, witnessNote(log, *w));
  return std::make_pair(std::move(note), w->size);
}

Result<std::vector<Hash>> Platform::inclusionProof(const Caller& caller, const LogId& log,
                                                   std::uint64_t index, std::uint64_t treeSize) {
  SAMRAD_TRY(guardLog(Operation::GetInclusionProof, caller, log));
  if (log.kind == LogId::Kind::Legacy) {
    // An inclusion path shows leaf hashes, from which entries of a known
    // shape (a login: kind, time, ids) could be guessed; nobody needs one
    // now (bundles from before carry their own).
    return err(ErrorCode::PermissionDenied, "log.legacy_entries",
               "the legacy log serves no inclusion proofs");
  }
  std::lock_guard lock(mu_);
  return crypto::MerkleLog(store_.logTree(log)).inclusionProof(index, treeSize);
}

Result<std::vector<Hash>> Platform::consistencyProof(const Caller& caller, const LogId& log,
                                                     std::uint64_t first, std::uint64_t second) {
  SAMRAD_TRY(guardLog(Operation::GetConsistencyProof, caller, log));
  if (log.kind == LogId::Kind::Legacy && second != legacySize_) {
    return err(ErrorCode::InvalidArgument, "log.legacy_frozen",
               "the legacy log is frozen: proofs lead to its last checkpoint only");
  }
  std::lock_guard lock(mu_);
  return crypto::MerkleLog(store_.logTree(log)).consistencyProof(first, second);
}

Result<std::vector<crypto::Bytes>> Platform::logEntries(const Caller& caller, const LogId& log,
                                                        std::uint64_t start, std::size_t count) {
  SAMRAD_TRY(guardLog(Operation::GetLogEntries, caller, log));
  if (count == 0 || count > 1000) {
    return err(ErrorCode::InvalidArgument, "request.bad_count", "count must be 1-1000");
  }
  std::lock_guard lock(mu_);
  return store_.logEntries(log, start, count);
}

}  // namespace samrad::server::domain
