// Advice requests (DESIGN §1, "rådfrågning"). An external requester the
// coordinator allowed seals a de-identified question to the group's intake
// key; the server stores the ciphertext, tells the group, and later stores
// the answer sealed to the requester's devices. It checks shapes, sizes and
// who may see what; it never reads a question or an answer.
#include <set>

#include "samrad/crypto/envelope.h"
#include "samrad/server/domain/platform.h"
#include "samrad/v1/advice.pb.h"
#include "samrad/v1/log.pb.h"

namespace samrad::server::domain {
namespace {

// crypto_box_seal adds 48 bytes to what it seals; a question is one envelope.
constexpr std::size_t kSealOverhead = 48;
constexpr std::size_t kMaxAnswerBoxes = 64;
constexpr std::size_t kMaxRequestsPerRequester = 10000;

Error err(ErrorCode code, const char* reason, const std::string& message) {
  return Error(code, reason, message);
}

}  // namespace

Status Platform::setIntakeKey(const Caller& caller, const GroupId& group,
                              const crypto::Bytes& envelope) {
  std::lock_guard lock(mu_);
  SAMRAD_TRY(authorize(Operation::SetIntakeKey, &caller, &group));
  if (envelope.empty() || envelope.size() > limits_.maxEnvelopeBytes) {
    return err(ErrorCode::InvalidArgument, "advice.bad_intake",
               "intake must be a signed envelope of at most " +
                   std::to_string(limits_.maxEnvelopeBytes) + " bytes");
  }
  auto env = crypto::Envelope::parse(envelope);
  if (!env) {
    return err(ErrorCode::InvalidArgument, "advice.bad_intake", "intake is not an envelope");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto dev, store_.device(caller.device));
  if (!dev) {
    return err(ErrorCode::PermissionDenied, "auth.revoked", "unknown device");
  }
  if (auto ok = crypto::verifyEnvelope(crypto::EnvelopeKind::AdviceIntake, *env, dev->signingKey);
      !ok) {
    return err(ErrorCode::InvalidArgument, "advice.bad_intake",
               "the intake key must be signed by the calling device (" + ok.error().reason() + ")");
  }
  v1::IntakeKey body;
  if (!body.ParseFromArray(env->body.data(), static_cast<int>(env->body.size())) ||
      body.group_id() != group.str() || body.device_id() != caller.device.str() ||
      body.box_public_key().size() != 32) {
    return err(ErrorCode::InvalidArgument, "advice.bad_intake",
               "the intake key must name this group, the signing device and a 32-byte key");
  }
  const IntakeRecord record{envelope, caller.device, clock_.now()};
  return store_.transaction([&]() -> Status {
    SAMRAD_TRY(store_.putIntakeKey(group, record));
    return appendLog({v1::LOG_ENTRY_INTAKE_KEY_SET, &caller.agency, &caller.user, &caller.device,
                      &group, nullptr, 0, envelope});
  });
}

Result<Platform::Intake> Platform::getIntakeKey(const Caller& caller, const GroupId& group) {
  std::lock_guard lock(mu_);
  SAMRAD_TRY(authorize(Operation::GetIntakeKey, &caller, &group));
  SAMRAD_ASSIGN_OR_RETURN(auto intake, store_.intakeKey(group));
  if (!intake) {
    return err(ErrorCode::NotFound, "advice.no_intake",
               "the group has not opened for advice requests yet");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto dev, store_.device(intake->device));
  if (!dev) {
    return err(ErrorCode::DataLoss, "store.corrupt", "the intake's device is unknown");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto user, store_.user(dev->user));
  if (!user) {
    return err(ErrorCode::DataLoss, "store.corrupt", "the intake's user is unknown");
  }
  return Intake{*intake, dev->certificate, user->certificate};
}

Status Platform::setRequester(const Caller& caller, const GroupId& group, const UserId& user,
                              bool allowed) {
  std::lock_guard lock(mu_);
  SAMRAD_TRY(authorize(Operation::SetRequester, &caller, &group));
  SAMRAD_ASSIGN_OR_RETURN(auto u, store_.user(user));
  if (!u) {
    return err(ErrorCode::NotFound, "user.not_found", "no such user");
  }
  if (allowed && (u->role != static_cast<int>(crypto::UserRole::External) || u->revokedAt)) {
    return err(ErrorCode::FailedPrecondition, "advice.not_external",
               "only an enrolled external requester can be allowed to ask the group");
  }
  return store_.transaction([&]() -> Status {
    SAMRAD_TRY(store_.setRequester(group, user, allowed, clock_.now()));
    return appendLog({allowed ? v1::LOG_ENTRY_REQUESTER_ALLOWED : v1::LOG_ENTRY_REQUESTER_REMOVED,
                      &u->agency,
                      &user,
                      &caller.device,
                      &group,
                      nullptr,
                      0,
                      {}});
  });
}

Result<AdviceRecord> Platform::submitAdvice(const Caller& caller, const GroupId& group,
                                            const ObjectId& id,
                                            const crypto::Bytes& sealedQuestion) {
  std::unique_lock lock(mu_);
  SAMRAD_TRY(authorize(Operation::SubmitAdvice, &caller, &group));
  const std::size_t maxQuestion = 2 * (limits_.maxEnvelopeBytes + kSealOverhead) + 16;
  if (sealedQuestion.size() > maxQuestion) {
    return err(ErrorCode::InvalidArgument, "advice.too_large",
               "sealed_question exceeds " + std::to_string(maxQuestion) + " bytes");
  }
  v1::SealedQuestion sealed;
  if (!sealed.ParseFromArray(sealedQuestion.data(), static_cast<int>(sealedQuestion.size())) ||
      sealed.to_group().size() <= kSealOverhead || sealed.to_requester().size() <= kSealOverhead) {
    return err(ErrorCode::InvalidArgument, "advice.empty",
               "sealed_question must hold the question sealed to the group and to the requester");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto intake, store_.intakeKey(group));
  if (!intake) {
    return err(ErrorCode::FailedPrecondition, "advice.no_intake",
               "the group has not opened for advice requests yet");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto existing, store_.advice(group, id));
  if (existing) {
    return err(ErrorCode::AlreadyExists, "advice.exists",
               "an advice request with this id exists; choose a new id");
  }
  SAMRAD_ASSIGN_OR_RETURN(std::size_t count, store_.adviceCount(group, caller.user));
  if (count >= kMaxRequestsPerRequester) {
    return err(ErrorCode::ResourceExhausted, "advice.too_many",
               "this requester has sent the most requests a group keeps");
  }
  AdviceRecord a;
  a.group = group;
  a.id = id;
  a.requesterUser = caller.user;
  a.requesterDevice = caller.device;
  a.question = sealedQuestion;
  a.submittedAt = a.statusAt = clock_.now();
  return recordAdvice(lock, std::move(a), caller, v1::LOG_ENTRY_ADVICE_SUBMITTED);
}

Result<std::vector<AdviceRecord>> Platform::listAdvice(const Caller& caller, const GroupId& group,
                                                       const ObjectId* after, std::size_t limit) {
  std::lock_guard lock(mu_);
  SAMRAD_TRY(authorize(Operation::ListAdvice, &caller, &group));
  SAMRAD_ASSIGN_OR_RETURN(const crypto::MembershipChain* chain, chainOf(group));
  const bool member = chain != nullptr && chain->state().device(caller.device) != nullptr;
  return store_.adviceList(group, member ? nullptr : &caller.user, after,
                           std::min(limit, limits_.maxPage));
}

Result<AdviceRecord> Platform::setAdviceStatus(const Caller& caller, const GroupId& group,
                                               const ObjectId& id, AdviceStatus status) {
  std::unique_lock lock(mu_);
  SAMRAD_TRY(authorize(Operation::SetAdviceStatus, &caller, &group));
  if (status != AdviceStatus::Submitted && status != AdviceStatus::OnAgenda) {
    return err(ErrorCode::InvalidArgument, "advice.bad_status",
               "status may be set to submitted or on agenda; an answer sets answered");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto a, store_.advice(group, id));
  if (!a) {
    return err(ErrorCode::NotFound, "advice.not_found", "no such advice request");
  }
  if (a->status == AdviceStatus::Answered) {
    return err(ErrorCode::FailedPrecondition, "advice.answered",
               "the request has already been answered");
  }
  if (a->status == status) {
    return *a;
  }
  a->status = status;
  a->statusAt = clock_.now();
  return recordAdvice(lock, std::move(*a), caller, 0);
}

Result<AdviceRecord> Platform::answerAdvice(const Caller& caller, const GroupId& group,
                                            const ObjectId& id, const crypto::Bytes& sealedAnswer) {
  std::unique_lock lock(mu_);
  SAMRAD_TRY(authorize(Operation::AnswerAdvice, &caller, &group));
  if (sealedAnswer.empty() || sealedAnswer.size() > limits_.maxEnvelopeBytes * 2) {
    return err(ErrorCode::InvalidArgument, "advice.bad_answer",
               "answer must be 1-" + std::to_string(limits_.maxEnvelopeBytes * 2) + " bytes");
  }
  v1::SealedAnswer answer;
  if (!answer.ParseFromArray(sealedAnswer.data(), static_cast<int>(sealedAnswer.size())) ||
      answer.boxes_size() == 0 || answer.ciphertext().empty()) {
    return err(ErrorCode::InvalidArgument, "advice.bad_answer",
               "answer must be a SealedAnswer with key boxes and a ciphertext");
  }
  if (static_cast<std::size_t>(answer.boxes_size()) > kMaxAnswerBoxes) {
    return err(ErrorCode::InvalidArgument, "advice.bad_answer",
               "an answer is sealed to at most " + std::to_string(kMaxAnswerBoxes) + " devices");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto a, store_.advice(group, id));
  if (!a) {
    return err(ErrorCode::NotFound, "advice.not_found", "no such advice request");
  }
  if (a->status == AdviceStatus::Answered) {
    return err(ErrorCode::FailedPrecondition, "advice.answered",
               "the request has already been answered; the first answer stands");
  }
  // Every box must be for a device of the person who asked: an answer is
  // theirs, and the group keeps its own copy in its encrypted objects.
  SAMRAD_ASSIGN_OR_RETURN(auto devices, store_.devicesOf(a->requesterUser));
  std::set<std::string> theirs;
  for (const auto& d : devices) {
    if (!d.revokedAt) {
      theirs.insert(d.id.str());
    }
  }
  for (const auto& box : answer.boxes()) {
    if (theirs.count(box.device_id()) == 0 || box.sealed_key().size() != 32 + kSealOverhead) {
      return err(ErrorCode::InvalidArgument, "advice.bad_answer",
                 "every key box must seal a 32-byte key to a device of the requester");
    }
  }
  a->status = AdviceStatus::Answered;
  a->statusAt = a->answeredAt = clock_.now();
  a->answer = sealedAnswer;
  a->answeredBy = caller.device;
  return recordAdvice(lock, std::move(*a), caller, v1::LOG_ENTRY_ADVICE_ANSWERED);
}

Result<AdviceRecord> Platform::recordAdvice(std::unique_lock<std::recursive_mutex>& lock,
                                            AdviceRecord a, const Caller& caller, int logKind) {
  SAMRAD_ASSIGN_OR_RETURN(auto g, store_.group(a.group));
  if (!g) {
    return err(ErrorCode::NotFound, "group.not_found", "no such group");
  }
  std::vector<EventRecord> published;
  SAMRAD_TRY(store_.transaction([&]() -> Status {
    SAMRAD_TRY(store_.putAdvice(a));
    if (logKind != 0) {
      SAMRAD_TRY(appendLog(
          {logKind, &caller.agency, &caller.user, &caller.device, &a.group, &a.id, 0, {}}));
    }
    return appendEvent(*g, EventKind::AdviceChanged, a.id, static_cast<std::uint64_t>(a.status),
                       "advice", published);
  }));
  lock.unlock();
  SAMRAD_TRY(publishWhenDurable(published));
  return a;
}

}  // namespace samrad::server::domain
