// A device's replica of one group: the validated membership chain, the epoch
// keys it may hold, and every object it can read, decrypted and verified, in
// the device's local SQLCipher store (the key store's database). Work done
// offline waits in an outbox and is sent later; a write that meets someone
// else's newer version becomes a conflict shown to the person — never an
// overwrite. Verification failures are loud and stop the replica.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "samrad/client/identity.h"
#include "samrad/client/log_monitor.h"
#include "samrad/client/platform_client.h"
#include "samrad/common/result.h"
#include "samrad/crypto/content.h"
#include "samrad/crypto/membership.h"
#include "samrad/crypto/person_tag.h"
#include "samrad/crypto/secure.h"
#include "samrad/db/database.h"

namespace samrad::client {

struct ReplicaObject {
  crypto::ObjectId id;
  std::string kind;
  std::uint64_t version = 0;  // 0: written here, never acknowledged by the server
  crypto::DeviceId author;
  crypto::Bytes plaintext;
  bool pending = false;  // a local change waits in the outbox
};

// Who may read an object narrower than the whole group: a case's devices
// (consent scope minus recusals). Its content is wrapped with a case key
// sealed only to those devices, and the server refuses everyone else.
struct CaseScope {
  crypto::CaseId caseId;
  std::vector<crypto::DeviceId> devices;  // must include the writing device
};

struct Conflict {
  crypto::ObjectId id;
  std::string kind;
  std::uint64_t baseVersion = 0;    // what the local edit started from
  std::uint64_t serverVersion = 0;  // what someone else saved first
  crypto::Bytes localPlaintext;     // the edit that was not sent, kept whole
  // Empty: someone else saved first. Otherwise the server refused the edit
  // (e.g. "consent.out_of_scope" after a withdrawal) and this says why.
  std::string refusedReason;
  std::optional<CaseScope> scope;  // who the edit was for: a merge goes to the same devices
};

struct PushReport {
  std::size_t sent = 0;
  std::size_t conflicts = 0;
  std::size_t refused = 0;  // the server said no; kept in conflicts() with the reason
  std::size_t waiting = 0;  // still in the outbox: the server could not be reached
};

class GroupReplica {
 public:
  // `cache` is the device's local database (KeyStore::database()); the
  // replica's tables live there. `roots` are the agency roots this device
  // pinned (by safety number) — the only trust it extends.
  // `logKey`: the transparency log's verifier key as handed over with the
  // agency keys (empty: the first the server shows is kept).
  static Result<std::unique_ptr<GroupReplica>> open(db::Database& cache, DeviceIdentity me,
                                                    crypto::TrustStore roots,
                                                    const crypto::GroupId& group,
                                                    const std::string& logKey = {});

  // Fetches the chain and validates it from genesis against the pinned roots.
  // A chain that does not extend the one this device already accepted
  // (rollback, fork, a rewritten link) is refused with reason
  // "verify.chain_rewritten", and the replica stays stopped until reopened.
  Status refreshChain(PlatformClient& server);
  // Receives events after the last one seen (waiting up to `wait` for new
  // ones) and brings the local copies up to date, verifying and decrypting
  // each object.
  Status pull(PlatformClient& server, std::chrono::milliseconds wait);
  // A local edit: kept at once, sent by push().
  Status write(const crypto::ObjectId& id, const std::string& kind, crypto::ByteView plaintext,
               const std::optional<CaseScope>& scope = std::nullopt);
  // Sends the outbox in order. Unreachable server: the rest stays queued.
  // A stale base: the edit moves to conflicts().
  Result<PushReport> push(PlatformClient& server);

  [[nodiscard]] std::optional<ReplicaObject> object(const crypto::ObjectId& id);
  // A 32-byte secret of the whole group the server never sees: read from the
  // group, or created and published by this device if nobody has yet. Needs
  // the server the first time.
  Result<crypto::SecretBytes> groupSecret(PlatformClient& server, std::string_view name);
  // The named group secret bound to an epoch's key: what a member removed
  // after that epoch began cannot derive. Reasons: groupSecret()'s, epoch.*.
  // The group's key for repeat checks, which only the coordinator's and
  // members' devices hold (never a lawyer's, an observer's or a recovery
  // key), sealed to each by the coordinator's computer (person_tag_keys.cpp).
  // Kept in memory; `fresh` asks the server again. Reasons: referral.no_key,
  // verify.*, the server's.
  Result<crypto::PersonTagKey> personTagKey(PlatformClient& server, bool fresh = false);
  // On the coordinator's device (a no-op elsewhere): gives the key to every
  // coordinator and member device that lacks it, and — when a device that
  // held it may no longer (it left, was revoked, its role changed) — draws a
  // new one and has the server re-key every stored tag, so tags before and
  // after still match and the one who left cannot make a tag that does.
  Status ensurePersonTagKey(PlatformClient& server, std::int64_t now);
  // On an agency recovery key's device (recovery_grant.cpp): gives `target`
  // — a usable device of a member of the same agency, usually a replacement
  // for a lost laptop — the keys of the epochs its person had (and, when
  // the replacement was enrolled as a new person, those of `inPlaceOf`, the
  // person it replaces, of the same agency), of those this key can open,
  // sealed to it in one object. Returns how many epochs. Reasons:
  // recovery.not_recovery_key, recovery.not_own_agency, recovery.unusable_device,
  // recovery.not_a_member_before, the server's.
  Result<std::size_t> grantHistory(PlatformClient& server, const crypto::DeviceId& target,
                                   std::int64_t now,
                                   const std::optional<crypto::UserId>& inPlaceOf = std::nullopt);
  Result<crypto::SecretBytes> epochSecret(PlatformClient& server, std::string_view name,
                                          std::uint64_t epoch);
  // An earlier version of an object, as the server keeps it (approved
  // minutes before an amendment), decrypted and verified like any other;
  // not kept locally. Reasons: the server's, case.no_key, verify.*.
  Result<ReplicaObject> fetchVersion(PlatformClient& server, const crypto::ObjectId& id,
                                     std::uint64_t version);
  [[nodiscard]] std::vector<ReplicaObject> objects(const std::string& kind);
  [[nodiscard]] std::vector<Conflict> conflicts();
  // The person chose: drop their conflicting edit, or re-apply it on top of
  // the server's version (a new write based on the current version).
  Status discardConflict(const crypto::ObjectId& id);
  // The merge goes to the devices the edit was for (its case scope).
  Status reapplyConflict(const crypto::ObjectId& id, crypto::ByteView mergedPlaintext);

  // Coordinator: appends a membership change signed by this device and hands
  // every device the epoch key for the new head — the current key after an
  // addition or role change, a fresh one (the previous travelling under it)
  // after a removal or revocation, so the removed get nothing new. Devices
  // that may no longer be given keys leave first (excludeUnusable). Reasons:
  // group.not_coordinator, chain.*, epoch.unusable_recipient, and the server's.
  Status changeMembership(PlatformClient& server, const crypto::Operation& op, std::int64_t now);

  // Reads the revocations the server's log holds (after checking its
  // checkpoint) and validates the chain again with them. A failure stops
  // the replica.
  Status refreshRevocations(PlatformClient& server);
  [[nodiscard]] const crypto::RevocationList& revocations() const { return revoked_; }
  // Devices still in the group that no key may be sealed to at `now`:
  // revoked (the device or its user), or with a certificate not valid.
  [[nodiscard]] std::vector<crypto::ChainDevice> unusableDevices(std::int64_t now) const;
  // Coordinator: takes every such device out of the group at once, each
  // change starting a new epoch without it — the device alone when its
  // person keeps another, else the person (and always a revoked person).
  // Returns what was done; nothing on a member's device (it waits for a
  // coordinator, and says so: unusableDevices()). Reasons: changeMembership's.
  struct Exclusion {
    crypto::UserId user;
    crypto::AgencyId agency;
    std::vector<crypto::DeviceId> devices;
    bool wholeMember = false;
    crypto::DeviceStanding why = crypto::DeviceStanding::Revoked;
  };
  Result<std::vector<Exclusion>> excludeUnusable(PlatformClient& server, std::int64_t now);
  // Coordinator: gives the current epoch keys if it has none (a membership
  // link the server stored without its bundle, after a crash or a lost
  // connection), so the group never stays without a key. Reasons: epoch.*,
  // the server's.
  Status ensureEpochKeys(PlatformClient& server, std::int64_t now);

  // Gives a case's existing content to devices that joined after it was
  // opened: seals the case key (which this device must hold) to each of them
  // and has the server widen the case's access lists within its consent
  // scope. Reasons: case.no_key, case.unknown_device, and the server's.
  Status shareCase(PlatformClient& server, const CaseScope& scope);

  // The group's transparency log as this device verified it (its links,
  // consent, case states, reads, deletions, advice, retention).
  [[nodiscard]] const LogMonitor& log() const { return *log_; }
  // The directory log (agency roots, certificates, revocations).
  [[nodiscard]] const LogMonitor& directoryLog() const { return *dir_; }
  // Checks the server's current checkpoints of the group's log and of the
  // directory log against every earlier one, and witnesses both (the
  // chain's refresh does the group's whenever the membership changes). A
  // failure stops the replica.
  Status verifyLog(PlatformClient& server);
  // Split-view detection: every device keeps its view of the log (the last
  // checkpoint it accepted) in the group as an encrypted object of kind
  // "log-view", renewed at most every `interval`, and checks every other
  // device's view against its own (LogMonitor::checkPeer). verifyLog() does
  // both; a failure stops the replica.
  void setLogViewInterval(std::chrono::seconds interval) { viewInterval_ = interval; }
  static crypto::ObjectId logViewId(const crypto::DeviceId& device);

  [[nodiscard]] const crypto::MembershipChain& chain() const { return chain_; }
  // Versions of a case's records (or objects whose kind changed) this device
  // refused since it opened the group, with the reason (record_rules.h): the
  // version it held before stays in use, and the person is told.
  struct RefusedRecord {
    crypto::ObjectId object;
    std::uint64_t version = 0;
    crypto::DeviceId author;
    Error why;
  };
  [[nodiscard]] const std::vector<RefusedRecord>& refusedRecords() const { return refusedRecords_; }
  [[nodiscard]] std::uint64_t lastEventSeq() const { return lastSeq_; }
  [[nodiscard]] const crypto::GroupId& group() const { return group_; }
  [[nodiscard]] const crypto::DeviceId& device() const { return me_.device; }

 private:
  GroupReplica(db::Database& cache, DeviceIdentity me, crypto::TrustStore roots,
               const crypto::GroupId& group)
      : db_(cache),
        me_(std::move(me)),
        chain_(roots, {}),
        roots_(std::move(roots)),
        group_(group) {}

  Status load();
  // changeMembership() without excluding unusable devices first.
  Status applyMembership(PlatformClient& server, const crypto::Operation& op, std::int64_t now);
  Result<crypto::SecretBytes> epochKey(PlatformClient& server, std::uint64_t epoch);
  // Fetches, checks and keeps an epoch's bundle (and the previous epoch's key under it).
  Result<crypto::SecretBytes> openEpochBundle(PlatformClient& server, std::uint64_t epoch);
  // The case key: from the local store, or opened from the case's key boxes.
  Result<crypto::SecretBytes> caseKey(PlatformClient& server, const crypto::CaseId& caseId);
  // What wraps a case object's key: the case key bound to the epoch's key.
  Result<crypto::SecretBytes> caseWrapKey(PlatformClient& server, const crypto::CaseId& caseId,
                                          std::uint64_t epoch);
  // A new case's key, sealed to its devices and published, before content.
  Result<crypto::SecretBytes> ensureCaseKey(PlatformClient& server, const CaseScope& scope);
  // A case's consent ended: a device outside the referring agency forgets
  // the case key and everything of the case it still holds.
  Status onConsentChanged(PlatformClient& server, const crypto::CaseId& caseId);
  Status dropObject(const crypto::ObjectId& id);
  [[nodiscard]] std::optional<crypto::AgencyId> agencyOf(const crypto::DeviceId& d) const;
  Status fetchObject(PlatformClient& server, const crypto::ObjectId& id);
  // Keeps a verified version with where it stands in the chain: the epoch
  // and the sequence number of the chain head it names.
  // `digest`: of the version as the server served it (unset for an own write).
  Status storeObject(const ReplicaObject& o, std::uint64_t epoch, std::uint64_t headSeq,
                     const std::optional<crypto::Hash>& digest = std::nullopt);
  // A new version may replace the kept one (crypto::checkSuccessor). Reasons:
  // verify.content.older_epoch, verify.content.removed_author (both stop the
  // replica).
  Status checkReplaces(const crypto::ObjectId& id, const crypto::EncryptedObject& next);
  // A case's own records (case record, consent record) only from those who
  // may write them (record_rules.h); the refusal stops the replica.
  // Whether to keep the version: false after recording why not in
  // refusedRecords() (a verification failure of a fetched version still
  // stops the replica).
  Result<bool> checkRecord(PlatformClient& server, const crypto::ObjectId& id,
                           const crypto::EncryptedObject& next, const crypto::GroupState& named,
                           crypto::ByteView plaintext);
  // fetchVersion(), also giving the chain's state at the head the version names.
  Result<ReplicaObject> fetchVersionNamed(PlatformClient& server, const crypto::ObjectId& id,
                                          std::uint64_t version, const crypto::GroupState** named);
  Status setLastSeq(std::uint64_t seq);
  [[nodiscard]] Status stopped() const;

  db::Database& db_;
  DeviceIdentity me_;
  crypto::MembershipChain chain_;
  crypto::TrustStore roots_;
  crypto::RevocationList revoked_;  // as the log says: exact times
  crypto::GroupId group_;
  std::uint64_t lastSeq_ = 0;
  std::optional<Error> failed_;  // a verification failure: loud, and sticky
  std::vector<RefusedRecord> refusedRecords_;
  std::unique_ptr<LogMonitor> log_;  // the group's
  std::unique_ptr<LogMonitor> dir_;  // the directory's
  std::chrono::seconds viewInterval_{300};
  std::optional<std::chrono::steady_clock::time_point> viewPublished_;
  std::map<crypto::ObjectId, std::uint64_t> viewsChecked_;  // object → version checked
  std::optional<crypto::PersonTagKey> tagKey_;
  std::uint32_t tagGenerationConfirmed_ = 0;  // the server re-keyed to it (coordinator)
  // What the key's holders were last checked against (coordinator): the
  // same chain head and revocations within the hour need no fetch (each
  // fetch is a logged read).
  struct TagKeyChecked {
    crypto::Hash head;
    crypto::RevocationList revoked;
    std::chrono::steady_clock::time_point at;
  };
  std::optional<TagKeyChecked> tagKeyChecked_;
  // The key object's boxes (decrypted, verified) and its version; nullopt
  // when the group has none yet. Reasons: verify.*, the server's.
  struct TagKeyObject {
    crypto::Bytes boxes;
    std::uint64_t version = 0;
  };
  Result<std::optional<TagKeyObject>> fetchTagKeyObject(PlatformClient& server);
  Status confirmGeneration(PlatformClient& server, const crypto::PersonTagKey& key);
  // The epoch keys the agency's recovery key granted this device, kept with
  // the others; false if there is no grant. Reasons: verify.*, the server's.
  Result<bool> openHistoryGrant(PlatformClient& server);
  bool historyTried_ = false;
  bool restarting_ = false;
  Status exchangeLogViews(PlatformClient& server);
};

}  // namespace samrad::client
