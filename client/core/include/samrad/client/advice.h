// Advice requests ("rådfrågning", DESIGN §1) on the client.
//
// AdviceInbox is the group's side: the coordinator opens the group's intake
// (an X25519 key derived from a group secret the server never has, its public
// half signed by the coordinator's device); members read each question —
// decrypted with the intake key, its requester's signature verified — put it
// on an agenda and answer it, sealed to the requester's devices, with a copy
// for the group.
//
// AdviceDesk is the external requester's side: they verify the intake key
// against the agency roots they pinned, seal a de-identified question to it
// (and a copy to themselves), and read their own requests and answers —
// nothing else of the group.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "samrad/client/deid_gate.h"
#include "samrad/client/identity.h"
#include "samrad/client/platform_client.h"
#include "samrad/client/replica.h"
#include "samrad/common/result.h"
#include "samrad/crypto/certificates.h"
#include "samrad/db/database.h"

namespace samrad::client {

enum class AdviceState { Submitted = 1, OnAgenda = 2, Answered = 3 };
enum class RequesterOrganisation { SocialServices = 1, Healthcare = 2, Other = 3 };

struct AdviceRequest {
  crypto::ObjectId id;
  crypto::UserId requester;
  crypto::DeviceId requesterDevice;
  std::string question;
  std::string organisation;
  RequesterOrganisation organisationType = RequesterOrganisation::Other;
  std::int64_t askedAt = 0;
  std::int64_t submittedAt = 0;
  AdviceState state = AdviceState::Submitted;
  std::optional<std::string> answer;
  std::int64_t answeredAt = 0;
  std::optional<crypto::ObjectId> meeting;  // the meeting that discussed it
  // The requester's agency root is pinned and their certificates verified
  // against it. False: the signature matches the certificates the server
  // gave, but nobody has compared the agency's safety number yet.
  bool requesterVerified = false;
  // The answer's signer chains to a root the reader pinned.
  bool answerVerified = false;
  crypto::Hash questionDigest;  // SHA-256 of the sealed question, which the answer names
};

// Groups of four hex digits of SHA-256 of the intake key: read aloud or
// compared on the phone before the first question is sent.
std::string intakeFingerprint(const crypto::BoxPublicKey& key);

class AdviceInbox {
 public:
  // `roots`: agency roots this device pinned, including external requesters'
  // agencies once their safety numbers were compared.
  AdviceInbox(GroupReplica& replica, PlatformClient& server, const DeviceIdentity& me,
              crypto::TrustStore roots)
      : replica_(replica), server_(server), me_(me), roots_(std::move(roots)) {}

  // Coordinator: publishes the group's intake key for the current epoch
  // (derived from the group's "advice-intake" secret and the epoch's key, so
  // a member removed since cannot derive it); publish again after a removal.
  // Returns it.
  Result<crypto::BoxPublicKey> openIntake(std::int64_t now);
  // The coordinator's computer signs an open intake anew when its epoch is
  // behind the group's or it is kIntakeRefreshSeconds old; true if it did.
  // Nothing for another member, or when the group is not open for advice.
  Result<bool> refreshIntake(std::int64_t now);
  // Coordinator: lets an external requester (a user with that role) ask the
  // group, or stops them. Reasons: the server's (advice.not_external, …).
  Status allowRequester(const crypto::UserId& user, bool allowed = true);
  // Every request of the group, decrypted and verified, oldest first. A
  // request whose question fails to decrypt or verify stops the listing
  // loudly (verify.advice_*), never shows as if it were fine.
  Result<std::vector<AdviceRequest>> requests();
  Status putOnAgenda(const crypto::ObjectId& request);
  // Seals the answer to the requester's devices (their agency must be
  // pinned: advice.requester_unverified) and keeps a copy for the group.
  // Reasons: advice.answer_required, advice.not_found, advice.answered.
  Result<AdviceRequest> answer(const crypto::ObjectId& request, const std::string& text,
                               const std::optional<crypto::ObjectId>& meeting, std::int64_t now);

 private:
  Result<crypto::BoxKeyPair> intakeKeys(std::uint64_t epoch);

  GroupReplica& replica_;
  PlatformClient& server_;
  const DeviceIdentity& me_;
  crypto::TrustStore roots_;
};

// How often the coordinator's computer signs the intake key anew, and how old
// a signed intake key a requester still accepts: a key a server keeps serving
// after the group moved on (to an epoch a removed member cannot open) goes
// stale within a month.
inline constexpr std::int64_t kIntakeRefreshSeconds = 7LL * 24 * 3600;
inline constexpr std::int64_t kIntakeMaxAgeSeconds = 30LL * 24 * 3600;

class AdviceDesk {
 public:
  // `roots`: the agency roots the requester pinned (the group's coordinator's
  // agency at least). `seen`: the requester's local database (KeyStore), where
  // the newest intake key accepted per group is kept; without it, only this
  // object's lifetime is covered.
  AdviceDesk(PlatformClient& server, const DeviceIdentity& me, crypto::TrustStore roots,
             db::Database* seen = nullptr)
      : server_(server), me_(me), roots_(std::move(roots)), seen_(seen) {}

  // The group's intake key, verified: signed by a device whose certificates
  // chain to a pinned agency root, dated no later than now (allowing for
  // clock skew) and no earlier than kIntakeMaxAgeSeconds ago, and no older
  // (by epoch, then date) than one this device accepted before. Reasons:
  // advice.no_intake, advice.intake_unverified, advice.intake_stale,
  // advice.intake_rolled_back, advice.not_requester.
  Result<crypto::BoxPublicKey> intake(const crypto::GroupId& group, std::int64_t now);
  // Sends a de-identified question; it passes checkDeidentified() with
  // `review` first. Reasons: advice.question_required,
  // advice.question_too_long, deid.*, and intake()'s.
  Result<crypto::ObjectId> ask(const crypto::GroupId& group, const std::string& question,
                               const std::string& organisation, RequesterOrganisation type,
                               std::int64_t now, const DeidReview& review = {});
  // This requester's own requests with their answers, verified.
  Result<std::vector<AdviceRequest>> mine(const crypto::GroupId& group);

 private:
  // Refuses an intake key older than the newest accepted, then records it.
  Status acceptIntake(const crypto::GroupId& group, std::uint64_t epoch, std::int64_t createdAt);

  PlatformClient& server_;
  const DeviceIdentity& me_;
  crypto::TrustStore roots_;
  db::Database* seen_;
  std::map<crypto::GroupId, std::pair<std::uint64_t, std::int64_t>> seenHere_;
};

}  // namespace samrad::client
