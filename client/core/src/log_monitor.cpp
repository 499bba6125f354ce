#include "samrad/client/log_monitor.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <optional>

#include "samrad/crypto/merkle.h"
#include "samrad/crypto/note.h"
#include "samrad/v1/log.pb.h"

namespace samrad::client {
namespace {

Error verifyFailure(const char* reason, const std::string& message) {
  return Error(ErrorCode::DataLoss, reason,
               message + "; this device stops using the group until it is checked");
}

std::uint64_t u64(crypto::ByteView b) {
  std::uint64_t v = 0;
  for (const auto c : b) {
    v = (v << 8) | c;
  }
  return v;
}

crypto::Bytes u64Bytes(std::uint64_t v) {
  crypto::Bytes out;
  crypto::appendU64(out, v);
  return out;
}

}  // namespace

Result<std::unique_ptr<LogMonitor>> LogMonitor::open(db::Database& cache, const crypto::LogId& log,
                                                     const std::string& pinnedVkey) {
  std::unique_ptr<LogMonitor> m(new LogMonitor(cache, log));
  SAMRAD_TRY(m->load(pinnedVkey));
  return m;
}

Status LogMonitor::load(const std::string& pinnedVkey) {
  SAMRAD_ASSIGN_OR_RETURN(auto st,
                          db_.prepare("SELECT name, value FROM log_monitors WHERE log_id = ?1"));
  st.bindBlob(1, key_);
  for (;;) {
    SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) {
      break;
    }
    const std::string name = st.columnText(0);
    const crypto::Bytes v = st.columnBlob(1);
    if (name == "vkey") {
      vkey_.assign(v.begin(), v.end());
    }
    if (name == "size") {
      size_ = u64(v);
    }
    if (name == "root" && v.size() == root_.bytes.size()) {
      std::copy(v.begin(), v.end(), root_.bytes.begin());
    }
    if (name == "note") {
      note_.assign(v.begin(), v.end());
    }
    if (name == "cursor") {
      cursor_ = u64(v);
    }
    if (name == "cosigned") {
      cosigned_ = u64(v);
    }
    if (name == "frontier" && v.size() % 32 == 0) {
      frontier_.clear();
      for (std::size_t at = 0; at < v.size(); at += 32) {
        crypto::Hash h;
        std::copy_n(v.begin() + static_cast<std::ptrdiff_t>(at), 32, h.bytes.begin());
        frontier_.push_back(h);
      }
    }
  }
  // The frontier holds one subtree root per bit set in the cursor: anything
  // else (a store from before it was kept) is read again from the start.
  if (frontier_.size() != static_cast<std::size_t>(std::popcount(cursor_))) {
    cursor_ = 0;
    frontier_.clear();
  }
  SAMRAD_TRY(adoptPinnedVkey());
  if (!pinnedVkey.empty()) {
    if (!vkey_.empty() && vkey_ != pinnedVkey) {
      return verifyFailure("verify.log_key_changed",
                           "the log key this device kept is not the one it was given");
    }
    vkey_ = pinnedVkey;
    SAMRAD_TRY(put("vkey", crypto::asBytes(vkey_)));
  }
  return okStatus();
}

Status LogMonitor::adoptPinnedVkey() {
  // One key signs every log: what this device pinned for one (or for the
  // legacy log, before there were several) holds for all.
  if (!vkey_.empty()) return okStatus();
  SAMRAD_ASSIGN_OR_RETURN(
      auto any, db_.prepare("SELECT value FROM log_monitors WHERE name = 'vkey' LIMIT 1"));
  SAMRAD_ASSIGN_OR_RETURN(bool found, any.step());
  if (!found) return okStatus();
  const crypto::Bytes v = any.columnBlob(0);
  vkey_.assign(v.begin(), v.end());
  return put("vkey", crypto::asBytes(vkey_));
}

Status LogMonitor::put(const char* name, crypto::ByteView value) {
  SAMRAD_ASSIGN_OR_RETURN(
      auto st,
      db_.prepare("INSERT OR REPLACE INTO log_monitors (log_id, name, value) VALUES (?1, ?2, ?3)"));
  st.bindBlob(1, key_).bind(2, std::string_view(name)).bindBlob(3, value);
  return st.run();
}

Status LogMonitor::refresh(PlatformClient& server, const DeviceIdentity* witness) {
  SAMRAD_ASSIGN_OR_RETURN(auto shown, server.logVerifierKey());
  SAMRAD_TRY(adoptPinnedVkey());  // another log's monitor may have pinned it since
  if (vkey_.empty()) {
    vkey_ = shown;  // trust on first use, then never another
    SAMRAD_TRY(put("vkey", crypto::asBytes(vkey_)));
  } else if (shown != vkey_) {
    return verifyFailure("verify.log_key_changed",
                         "the server now signs its log with another key than before");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto verifier, crypto::NoteVerifier::parse(vkey_));
  SAMRAD_ASSIGN_OR_RETURN(auto all, server.checkpoints(log_));
  const std::pair<std::string, std::uint64_t> cp{all.note, all.size};
  auto note = crypto::Note::parse(cp.first);
  const std::vector<crypto::NoteVerifier> known{verifier};
  if (!note || !crypto::verifyNote(*note, known)) {
    return verifyFailure("verify.checkpoint_signature",
                         "the log's checkpoint is not signed by the log's key");
  }
  auto checkpoint = crypto::Checkpoint::parse(note->text);
  if (!checkpoint || checkpoint->origin != origin(verifier.name)) {
    return verifyFailure("verify.checkpoint_signature", "the checkpoint the server gave for " +
                                                            log_.describe() +
                                                            " is malformed or names another log");
  }
  if (checkpoint->size < size_) {
    return verifyFailure("verify.log_rolled_back",
                         "the server's log is shorter than one this device saw before "
                         "(restored from an old backup, or history rewritten)");
  }
  if (checkpoint->size == size_ && size_ > 0 && checkpoint->root != root_) {
    return verifyFailure("verify.log_forked",
                         "the server shows another log of the same size than before");
  }
  if (checkpoint->size > size_ && size_ > 0) {
    SAMRAD_ASSIGN_OR_RETURN(auto proof, server.consistencyProof(log_, size_, checkpoint->size));
    if (!crypto::verifyConsistency(size_, checkpoint->size, proof, root_, checkpoint->root)) {
      return verifyFailure("verify.log_inconsistent",
                           "the server's log does not extend the one this device saw before");
    }
  }
  size_ = checkpoint->size;
  root_ = checkpoint->root;
  note_ = cp.first;
  SAMRAD_TRY(db_.transaction([&]() -> Status {
    SAMRAD_TRY(put("size", u64Bytes(size_)));
    SAMRAD_TRY(put("root", root_.view()));
    return put("note", crypto::asBytes(note_));
  }));
  if (witness == nullptr || all.witnessSize == 0 || all.witnessSize == cosigned_) {
    return okStatus();
  }
  return this->witness(server, *witness, all.witnessNote, all.witnessSize);
}

Status LogMonitor::checkPeer(PlatformClient& server, const std::string& peerNote) {
  SAMRAD_ASSIGN_OR_RETURN(auto verifier, crypto::NoteVerifier::parse(vkey_));
  auto note = crypto::Note::parse(peerNote);
  const std::vector<crypto::NoteVerifier> known{verifier};
  if (!note || !crypto::verifyNote(*note, known)) {
    return verifyFailure("verify.checkpoint_signature",
                         "another member's view of the log is not signed by the log's key");
  }
  auto peer = crypto::Checkpoint::parse(note->text);
  if (!peer || peer->origin != origin(verifier.name)) {
    return verifyFailure("verify.checkpoint_signature",
                         "another member's view of the log is malformed");
  }
  const auto split = [] {
    return verifyFailure("verify.split_view",
                         "another member's device was shown a log that does not agree with the "
                         "one this device was shown: the server is showing members different "
                         "logs");
  };
  if (peer->size == size_) {
    return peer->root == root_ ? okStatus() : split();
  }
  const bool peerOlder = peer->size < size_;
  const std::uint64_t first = peerOlder ? peer->size : size_;
  const std::uint64_t second = peerOlder ? size_ : peer->size;
  const crypto::Hash& firstRoot = peerOlder ? peer->root : root_;
  const crypto::Hash& secondRoot = peerOlder ? root_ : peer->root;
  if (first == 0) return okStatus();
  auto proof = server.consistencyProof(log_, first, second);
  if (!proof) {
    if (proof.error().code() == ErrorCode::Unavailable) return proof.error();
    return split();
  }
  if (!crypto::verifyConsistency(first, second, *proof, firstRoot, secondRoot)) return split();
  return okStatus();
}

Status LogMonitor::witness(PlatformClient& server, const DeviceIdentity& me,
                           const std::string& text, std::uint64_t size) {
  SAMRAD_ASSIGN_OR_RETURN(auto verifier, crypto::NoteVerifier::parse(vkey_));
  auto note = crypto::Note::parse(text);
  const std::vector<crypto::NoteVerifier> known{verifier};
  if (!note || !crypto::verifyNote(*note, known)) {
    return verifyFailure("verify.checkpoint_signature",
                         "the checkpoint to witness is not signed by the log's key");
  }
  auto checkpoint = crypto::Checkpoint::parse(note->text);
  if (!checkpoint || checkpoint->origin != origin(verifier.name) || checkpoint->size != size) {
    return verifyFailure("verify.checkpoint_signature", "the checkpoint to witness is malformed");
  }
  if (size > size_) {
    return okStatus();  // newer than what this device saw: witnessed on a later refresh
  }
  if (size == size_ && checkpoint->root != root_) {
    return verifyFailure("verify.log_forked",
                         "the server asks to witness another log of the same size");
  }
  if (size < size_) {
    SAMRAD_ASSIGN_OR_RETURN(auto proof, server.consistencyProof(log_, size, size_));
    if (!crypto::verifyConsistency(size, size_, proof, checkpoint->root, root_)) {
      return verifyFailure("verify.log_inconsistent",
                           "the checkpoint the server asks to witness does not agree with the "
                           "log this device saw");
    }
  }
  // Consistent with everything this device accepted: cosign it.
  SAMRAD_ASSIGN_OR_RETURN(auto key, crypto::SigningKeyPair::fromSeed(me.signing.seed().view()));
  const crypto::NoteSigner cosigner("samrad.witness/" + me.device.hex(),
                                    crypto::NoteKeyType::Cosignature, std::move(key));
  const auto now =
      static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::seconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count());
  auto added = server.addCosignature(log_, size, cosigner.cosign(note->text, now));
  if (!added) return okStatus();  // witnessing is best effort: tried again next time
  cosigned_ = size;
  return put("cosigned", u64Bytes(cosigned_));
}

Status LogMonitor::scan(PlatformClient& server) {
  while (cursor_ < size_) {
    const auto count = static_cast<std::uint32_t>(std::min<std::uint64_t>(1000, size_ - cursor_));
    SAMRAD_ASSIGN_OR_RETURN(auto entries, server.logEntries(log_, cursor_, count));
    if (cursor_ == 0 && !entries.empty()) {
      v1::LogEntry first;
      const bool bound =
          first.ParseFromArray(entries.front().data(), static_cast<int>(entries.front().size())) &&
          first.kind() == v1::LOG_ENTRY_LEGACY_CHECKPOINT;
      SAMRAD_TRY(checkLegacyBinding(server, bound ? first.payload() : std::string()));
    }
    if (entries.empty()) {
      return verifyFailure("verify.not_in_log", "the server did not give the log's entries");
    }
    SAMRAD_TRY(db_.transaction([&]() -> Status {
      for (const auto& raw : entries) {
        v1::LogEntry e;
        if (e.ParseFromArray(raw.data(), static_cast<int>(raw.size())) &&
            (e.kind() == v1::LOG_ENTRY_CHAIN_LINK || e.kind() == v1::LOG_ENTRY_USER_CERTIFICATE ||
             e.kind() == v1::LOG_ENTRY_DEVICE_CERTIFICATE)) {
          SAMRAD_ASSIGN_OR_RETURN(
              auto st, db_.prepare("INSERT OR IGNORE INTO log_payloads (log_id, payload_hash, "
                                   "idx, leaf) VALUES (?1, ?2, ?3, ?4)"));
          st.bindBlob(1, key_)
              .bindBlob(2, crypto::sha256(crypto::asBytes(e.payload())).view())
              .bind(3, static_cast<std::int64_t>(cursor_))
              .bindBlob(4, crypto::merkleLeafHash(raw).view());
          SAMRAD_TRY(st.run());
        } else if (e.kind() == v1::LOG_ENTRY_DEVICE_REVOKED ||
                   e.kind() == v1::LOG_ENTRY_USER_REVOKED) {
          const std::string& id =
              e.kind() == v1::LOG_ENTRY_DEVICE_REVOKED ? e.device_id() : e.user_id();
          SAMRAD_ASSIGN_OR_RETURN(
              auto st, db_.prepare("INSERT OR IGNORE INTO log_revocations (kind, id, at) "
                                   "VALUES (?1, ?2, ?3)"));
          st.bind(1, static_cast<std::int64_t>(e.kind()))
              .bindBlob(2, crypto::asBytes(id))
              .bind(3, e.at());
          SAMRAD_TRY(st.run());
        }
        addLeaf(crypto::merkleLeafHash(raw));
      }
      crypto::Bytes frontier;
      for (const auto& h : frontier_) crypto::appendBytes(frontier, h.view());
      SAMRAD_TRY(put("frontier", frontier));
      return put("cursor", u64Bytes(cursor_));
    }));
  }
  // Every entry read, indexed and counted must be the log the checkpoint
  // signs: a server that left one out (a revocation, say), changed one or
  // made one up is caught here, not only for the entries later proven.
  if (size_ > 0 && cursor_ == size_ && frontierRoot() != root_) {
    return verifyFailure("verify.log_entries",
                         "the log's entries the server gave do not make up the log its signed "
                         "checkpoint describes");
  }
  return okStatus();
}

Status LogMonitor::checkLegacyBinding(PlatformClient& server, const std::string& text) {
  // What this device accepted of the single log before, if it ever did, and
  // the legacy checkpoint it accepted as the start of another log.
  std::uint64_t seen = 0;
  std::uint64_t boundSize = 0;
  crypto::Hash seenRoot;
  crypto::Hash boundRoot;
  SAMRAD_ASSIGN_OR_RETURN(
      auto st, db_.prepare("SELECT name, value FROM log_monitors WHERE log_id = ?1 AND name IN "
                           "('size', 'root', 'bound_size', 'bound_root')"));
  st.bindBlob(1, crypto::LogId::legacy().storageKey());
  for (;;) {
    SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    const crypto::Bytes v = st.columnBlob(1);
    const std::string name = st.columnText(0);
    if (name == "size") seen = u64(v);
    if (name == "bound_size") boundSize = u64(v);
    crypto::Hash* h = name == "root" ? &seenRoot : name == "bound_root" ? &boundRoot : nullptr;
    if (h != nullptr && v.size() == h->bytes.size())
      std::copy(v.begin(), v.end(), h->bytes.begin());
  }
  if (text.empty()) {
    // A log that does not open with the legacy checkpoint, on a server
    // whose single log this device saw: the server hides where it began.
    if (seen == 0 && boundSize == 0) return okStatus();
    return verifyFailure("verify.log_forked", log_.describe() +
                                                  " does not begin from the single log this device "
                                                  "saw before");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto verifier, crypto::NoteVerifier::parse(vkey_));
  auto note = crypto::Note::parse(text);
  const std::vector<crypto::NoteVerifier> known{verifier};
  std::optional<crypto::Checkpoint> legacy;
  if (note && crypto::verifyNote(*note, known)) {
    if (auto cp = crypto::Checkpoint::parse(note->text); cp && cp->origin == verifier.name) {
      legacy = *cp;
    }
  }
  if (!legacy) {
    return verifyFailure("verify.checkpoint_signature",
                         log_.describe() +
                             " opens with a legacy checkpoint the log key did not "
                             "sign");
  }
  // Every log begun from the legacy one names the same last checkpoint.
  if (boundSize != 0) {
    if (legacy->size == boundSize && legacy->root == boundRoot) return okStatus();
    return verifyFailure("verify.log_forked",
                         log_.describe() +
                             " begins from another legacy checkpoint than this "
                             "device's other logs");
  }
  const auto keep = [&]() -> Status {
    const crypto::Bytes legacyKey = crypto::LogId::legacy().storageKey();
    SAMRAD_ASSIGN_OR_RETURN(
        auto put, db_.prepare("INSERT OR REPLACE INTO log_monitors (log_id, name, value) VALUES "
                              "(?1, ?2, ?3)"));
    put.bindBlob(1, legacyKey)
        .bind(2, std::string_view("bound_size"))
        .bindBlob(3, u64Bytes(legacy->size));
    SAMRAD_TRY(put.run());
    SAMRAD_TRY(put.reset());
    put.bindBlob(1, legacyKey)
        .bind(2, std::string_view("bound_root"))
        .bindBlob(3, legacy->root.view());
    return put.run();
  };
  if (seen == 0) return keep();
  if (seen > legacy->size) {
    return verifyFailure("verify.log_rolled_back",
                         log_.describe() +
                             " continues a legacy log shorter than the one this "
                             "device saw");
  }
  if (seen == legacy->size) {
    if (seenRoot == legacy->root) return keep();
    return verifyFailure("verify.log_forked",
                         log_.describe() + " continues another legacy log than this device saw");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto proof,
                          server.consistencyProof(crypto::LogId::legacy(), seen, legacy->size));
  if (!crypto::verifyConsistency(seen, legacy->size, proof, seenRoot, legacy->root)) {
    return verifyFailure("verify.log_inconsistent",
                         log_.describe() +
                             " continues a legacy log that does not extend the one "
                             "this device saw");
  }
  return keep();
}

void LogMonitor::addLeaf(const crypto::Hash& leaf) {
  // A binary counter of perfect subtrees (RFC 9162 2.1.1: the tree over n
  // leaves splits at the largest power of two below n).
  crypto::Hash h = leaf;
  for (std::uint64_t n = cursor_; (n & 1U) != 0; n >>= 1U) {
    h = crypto::merkleNodeHash(frontier_.back(), h);
    frontier_.pop_back();
  }
  frontier_.push_back(h);
  ++cursor_;
}

crypto::Hash LogMonitor::frontierRoot() const {
  if (frontier_.empty()) return crypto::merkleEmptyRoot();
  crypto::Hash acc = frontier_.back();
  for (std::size_t i = frontier_.size() - 1; i-- > 0;) {
    acc = crypto::merkleNodeHash(frontier_[i], acc);
  }
  return acc;
}

Result<crypto::RevocationList> LogMonitor::revocations() {
  crypto::RevocationList out;
  SAMRAD_ASSIGN_OR_RETURN(auto st, db_.prepare("SELECT kind, id, at FROM log_revocations"));
  for (;;) {
    SAMRAD_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) {
      break;
    }
    const crypto::Bytes id = st.columnBlob(1);
    if (st.columnInt(0) == v1::LOG_ENTRY_DEVICE_REVOKED) {
      if (auto d = crypto::DeviceId::fromBytes(id)) {
        out.revokeDevice(*d, st.columnInt(2));
      }
    } else if (auto u = crypto::UserId::fromBytes(id)) {
      out.revokeUser(*u, st.columnInt(2));
    }
  }
  return out;
}

Status LogMonitor::requireIncluded(PlatformClient& server,
                                   const std::vector<crypto::Bytes>& payloads) {
  if (payloads.empty()) {
    return okStatus();
  }
  SAMRAD_TRY(scan(server));
  for (const auto& p : payloads) {
    SAMRAD_ASSIGN_OR_RETURN(
        auto st,
        db_.prepare("SELECT idx, leaf FROM log_payloads WHERE log_id = ?1 AND payload_hash = ?2"));
    st.bindBlob(1, key_).bindBlob(2, crypto::sha256(p).view());
    SAMRAD_ASSIGN_OR_RETURN(bool found, st.step());
    const auto missing = [] {
      return verifyFailure("verify.not_in_log",
                           "the server gave this device a membership change that is not in its "
                           "public log");
    };
    if (!found) {
      return missing();
    }
    const auto index = static_cast<std::uint64_t>(st.columnInt(0));
    const crypto::Bytes leafBytes = st.columnBlob(1);
    crypto::Hash leaf;
    if (leafBytes.size() != leaf.bytes.size()) {
      return missing();
    }
    std::copy(leafBytes.begin(), leafBytes.end(), leaf.bytes.begin());
    SAMRAD_ASSIGN_OR_RETURN(auto proof, server.inclusionProof(log_, index, size_));
    if (!crypto::verifyInclusion(index, size_, leaf, proof, root_)) {
      return missing();
    }
  }
  return okStatus();
}

}  // namespace samrad::client
