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

#include <optional>
#include <string>
#include <vector>

#include "samrad/client/identity.h"
#include "samrad/client/platform_client.h"
#include "samrad/client/replica.h"
#include "samrad/common/result.h"
#include "samrad/crypto/certificates.h"

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

class AdviceDesk {
 public:
  // `roots`: the agency roots the requester pinned (the group's coordinator's
  // agency at least).
  AdviceDesk(PlatformClient& server, const DeviceIdentity& me, crypto::TrustStore roots)
      : server_(server), me_(me), roots_(std::move(roots)) {}

  // The group's intake key, verified: signed by a device whose certificates
  // chain to a pinned agency root. Reasons: advice.no_intake,
  // advice.intake_unverified, advice.not_requester.
  Result<crypto::BoxPublicKey> intake(const crypto::GroupId& group, std::int64_t now);
  // Sends a de-identified question. Reasons: advice.question_required,
  // advice.question_too_long, and intake()'s.
  Result<crypto::ObjectId> ask(const crypto::GroupId& group, const std::string& question,
                               const std::string& organisation, RequesterOrganisation type,
                               std::int64_t now);
  // This requester's own requests with their answers, verified.
  Result<std::vector<AdviceRequest>> mine(const crypto::GroupId& group);

 private:
  PlatformClient& server_;
  const DeviceIdentity& me_;
  crypto::TrustStore roots_;
};

}  // namespace samrad::client
