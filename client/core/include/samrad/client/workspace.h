// A person's working session on one device: the unlocked key store and
// profile, the logged-in connection to the server and, once a group is
// chosen, the group's replica with the books over it (cases, meetings,
// consent, advice). The command line and the desktop client both work
// through it, so the steps from passphrase to a synced group are written
// once. Not thread-safe: one thread uses a workspace at a time (the desktop
// client keeps it on its worker thread).
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "samrad/client/advice.h"
#include "samrad/client/cases.h"
#include "samrad/client/connection.h"
#include "samrad/client/consent.h"
#include "samrad/client/followup.h"
#include "samrad/client/key_store.h"
#include "samrad/client/meetings.h"
#include "samrad/client/platform_client.h"
#include "samrad/client/profile.h"
#include "samrad/client/replica.h"
#include "samrad/client/stats.h"
#include "samrad/client/witness_policy.h"
#include "samrad/common/result.h"

namespace samrad::client {

class Workspace {
 public:
  // A new, empty key store for a profile in `dir`. Reasons:
  // workspace.weak_passphrase (fewer than 10 characters), keystore.*.
  static Result<std::unique_ptr<Workspace>> create(const std::filesystem::path& dir,
                                                   crypto::ByteView passphrase,
                                                   const KdfParams& params = {});
  // Unlocks the key store and reads the profile. Reasons: keystore.missing,
  // keystore.wrong_passphrase, profile.missing, profile.corrupt.
  static Result<std::unique_ptr<Workspace>> unlock(const std::filesystem::path& dir,
                                                   crypto::ByteView passphrase);

  // First start: this device's fresh identity belongs to a person of
  // `agency` in `role`, who trusts the agency's root key (compared by its
  // safety number with the administrator) under the name they know it by.
  Status initProfile(const crypto::AgencyId& agency, crypto::UserRole role,
                     const crypto::SigningPublicKey& agencyRoot, const std::string& agencyName);
  // Enrols this device: checks the user certificate against the pinned
  // agency root and that it is this person's, issues the device
  // certificate, presents the one-time code and logs in. Reasons:
  // profile.foreign_certificate, cert.*, enrollment.*, the server's.
  Status enrol(const ServerEndpoint& endpoint, const crypto::Envelope& userCertificate,
               const std::string& code, std::int64_t now);

  // Opens the TLS channel and, with `login`, logs this device in. Reasons:
  // profile.not_enrolled, the server's, transport.*.
  Status connect(const ServerEndpoint& endpoint, bool login = true);
  // Opens the profile's group: the replica from the local store, the chain
  // refreshed and verified, events pulled. Needs connect() first. Reasons:
  // profile.no_group, verify.*, the server's.
  Status openGroup(std::chrono::milliseconds wait = std::chrono::milliseconds(300));
  // The server cannot be reached: opens the group from this computer's
  // encrypted copy (as verified when it was last synced), with the channel
  // set to log in as soon as the server answers; writes wait in the outbox
  // until a sync sends them. Reasons: profile.not_enrolled, profile.no_group,
  // workspace.no_copy (never synced here), verify.* (the copy's chain).
  Status openFromCopy(const ServerEndpoint& endpoint);
  // Sends the outbox and then receives what changed, waiting up to `wait`.
  // A conflict or a refusal is an error (sync.conflict), an unreachable server
  // sync.waiting; in both cases the change is kept.
  Status sync(std::chrono::milliseconds wait);
  // Sends the outbox only (after a local write). Same reasons as sync().
  Status send();

  // Revocation (DESIGN §3): every sync reads the revocations in the server's
  // log; on a coordinator's device, a revoked or expired device is then
  // taken out of the group at once, with a new epoch. What was done waits
  // here for the person to be told (all of this session). On other devices,
  // awaitingExclusion() names the devices still in the group that a
  // coordinator has yet to take out: members are warned until it happens.
  [[nodiscard]] const std::vector<GroupReplica::Exclusion>& exclusions() const {
    return exclusions_;
  }
  [[nodiscard]] std::vector<crypto::ChainDevice> awaitingExclusion() const;
  // The coordinator's view of repeat referrals (which case repeats which),
  // asked of the server; the last answer while it cannot be reached; empty
  // on any other device (the referring agency sees a yes on its case record).
  std::vector<RepeatFlag> repeatFlags();
  // Why the last attempt to take such devices out did not succeed (tried
  // again at every sync), if it did not.
  [[nodiscard]] const std::optional<Error>& exclusionProblem() const { return exclusionProblem_; }
  // The group's witness policy as this device last checked it (at every
  // sync): unset when the group has none.
  [[nodiscard]] const std::optional<WitnessCheck>& witnesses() const { return witnesses_; }

  Status saveProfile();

  [[nodiscard]] bool connected() const { return server_ != nullptr; }
  [[nodiscard]] bool groupOpen() const { return replica_ != nullptr; }
  // The current member state of the group; null before openGroup().
  [[nodiscard]] const crypto::GroupState* group() const;
  [[nodiscard]] bool isCoordinator() const;
  [[nodiscard]] std::optional<crypto::GroupRole> groupRole() const;
  // The name this device keeps for an agency ("Polisen Nordstad"), else the
  // first eight hex digits of its id.
  [[nodiscard]] std::string agencyName(const crypto::AgencyId& agency) const;

  Profile& profile() { return profile_; }
  KeyStore& store() { return *store_; }
  PlatformClient& server() { return *server_; }
  GroupReplica& replica() { return *replica_; }
  CaseBook& cases() { return *cases_; }
  MeetingBook& meetings() { return *meetings_; }
  ConsentBook& consent() { return *consent_; }
  AdviceInbox& advice() { return *advice_; }
  FollowUpBook& followUps() { return *followUps_; }
  // Everything the group's statistics are computed from, as this device has
  // decrypted it (the advice requests asked of the server). Reasons: the
  // advice listing's.
  Result<StatsInput> statisticsInput();

 private:
  Workspace(std::filesystem::path dir, std::unique_ptr<KeyStore> store)
      : dir_(std::move(dir)), store_(std::move(store)) {}

  std::filesystem::path dir_;
  std::unique_ptr<KeyStore> store_;
  Profile profile_;
  DeviceIdentity device_;  // the replica's and the inbox's copy of the device
  std::unique_ptr<PlatformClient> server_;
  std::unique_ptr<GroupReplica> replica_;
  std::unique_ptr<CaseBook> cases_;
  std::unique_ptr<MeetingBook> meetings_;
  std::unique_ptr<ConsentBook> consent_;
  std::unique_ptr<AdviceInbox> advice_;
  std::unique_ptr<FollowUpBook> followUps_;
  std::vector<GroupReplica::Exclusion> exclusions_;
  std::optional<Error> exclusionProblem_;
  std::vector<RepeatFlag> repeatFlags_;
  std::optional<WitnessCheck> witnesses_;
  Status enforceRevocations();
  // The replica from the local store and the books over it.
  Status openBooks();
  // Checks the group's witness policy (witnesses()); a verification failure stops the group.
  Status checkWitnessPolicy();
};

}  // namespace samrad::client
