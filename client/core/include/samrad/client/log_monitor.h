// The device's view of one of the server's transparency logs (DESIGN §3,
// Transparency; crypto::LogId): its group's log or the directory log. It
// keeps the logs' verifier key (pinned the first time, or given, the same
// for every log), the last checkpoint of this log it accepted, and an index
// of the log's certificate and membership entries it has read. Every new checkpoint must
// be signed by that key and consistent with the last one (the log only ever
// grows); every membership link the device accepts — and with it every key
// it encrypts to — must be in the log, proven by an inclusion proof against
// the checkpoint. Any failure is a verification failure: loud, and it stops
// the group's use on this device.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "samrad/client/identity.h"
#include "samrad/client/platform_client.h"
#include "samrad/common/result.h"
#include "samrad/crypto/certificates.h"
#include "samrad/crypto/log_id.h"
#include "samrad/crypto/primitives.h"
#include "samrad/db/database.h"

namespace samrad::client {

class LogMonitor {
 public:
  // `pinnedVkey`: the log's verifier key from a trusted source (empty: keep
  // the first the server shows and refuse any other later).
  static Result<std::unique_ptr<LogMonitor>> open(db::Database& cache, const crypto::LogId& log,
                                                  const std::string& pinnedVkey = {});

  // Fetches and checks the server's checkpoint. Reasons:
  // verify.log_key_changed, verify.checkpoint_signature, verify.log_rolled_back
  // (smaller than one accepted before), verify.log_forked (same size, other
  // root), verify.log_inconsistent (the consistency proof fails).
  //
  // With `witness`, the device then witnesses the checkpoint the server asks
  // devices to cosign: it must be signed by the log's key and consistent
  // with the checkpoint just accepted (else verify.log_inconsistent — the
  // server showed devices different logs); then the device cosigns it (C2SP
  // tlog-cosignature, key name samrad.witness/<device id hex>), once per
  // checkpoint.
  Status refresh(PlatformClient& server, const DeviceIdentity* witness = nullptr);
  // Each payload (a serialized membership link or certificate) is in the log
  // at or below the current checkpoint, with a valid inclusion proof.
  // Reason: verify.not_in_log.
  Status requireIncluded(PlatformClient& server, const std::vector<crypto::Bytes>& payloads);
  // Another member device's view of the log (its last accepted checkpoint,
  // exchanged through the group, encrypted and signed by that device): it
  // must be signed by the log's key and consistent with this device's view,
  // proven by the server. Reason: verify.split_view (the server shows
  // members different logs), verify.checkpoint_signature.
  Status checkPeer(PlatformClient& server, const std::string& peerNote);
  // Reads the log's entries up to the accepted checkpoint (refresh() first),
  // indexing the certificates, links and revocations among them. A log
  // begun from the legacy log opens with its last checkpoint: it must be
  // signed by the log key and agree with what this device saw of the legacy
  // log (verify.log_inconsistent, verify.log_rolled_back).
  Status catchUp(PlatformClient& server) { return scan(server); }
  // The users and devices the logs say were revoked, with the time each
  // revocation took effect, as far as this device has read them.
  Result<crypto::RevocationList> revocations();

  [[nodiscard]] const crypto::LogId& log() const { return log_; }
  [[nodiscard]] std::uint64_t size() const { return size_; }
  [[nodiscard]] const crypto::Hash& root() const { return root_; }
  [[nodiscard]] const std::string& checkpointNote() const { return note_; }
  [[nodiscard]] const std::string& verifierKey() const { return vkey_; }

 private:
  LogMonitor(db::Database& cache, const crypto::LogId& log)
      : db_(cache), log_(log), key_(log.storageKey()) {}
  Status load(const std::string& pinnedVkey);
  Status put(const char* name, crypto::ByteView value);
  // Takes the logs' key another log's monitor pinned, if this one has none.
  Status adoptPinnedVkey();
  Status scan(PlatformClient& server);
  Status checkLegacyBinding(PlatformClient& server, const std::string& note);
  [[nodiscard]] std::string origin(const std::string& keyName) const {
    return log_.origin(keyName);
  }

  db::Database& db_;
  crypto::LogId log_;
  crypto::Bytes key_;
  std::string vkey_;
  std::uint64_t size_ = 0;
  crypto::Hash root_;
  std::string note_;
  std::uint64_t cursor_ = 0;    // log entries indexed so far
  std::uint64_t cosigned_ = 0;  // the last witness checkpoint this device cosigned
  // Roots of the perfect subtrees over the entries read so far, largest
  // first: the Merkle root of what was read, checked against the checkpoint.
  std::vector<crypto::Hash> frontier_;
  void addLeaf(const crypto::Hash& leaf);
  [[nodiscard]] crypto::Hash frontierRoot() const;
  Status witness(PlatformClient& server, const DeviceIdentity& me, const std::string& note,
                 std::uint64_t size);
};

}  // namespace samrad::client
