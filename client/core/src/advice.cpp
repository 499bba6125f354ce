#include "samrad/client/advice.h"

#include <algorithm>
#include <map>

#include "samrad/client/consent.h"
#include "samrad/crypto/envelope.h"
#include "samrad/v1/advice.pb.h"
#include "samrad/v1/crypto.pb.h"

namespace samrad::client {
namespace {

// The kind of organisation a question names; anything unknown is "other".
RequesterOrganisation organisationOf(std::uint32_t wire) {
  return wire >= 1 && wire <= 3 ? static_cast<RequesterOrganisation>(wire)
                                : RequesterOrganisation::Other;
}

using crypto::Bytes;

constexpr const char* kIntakeSecret = "advice-intake";
constexpr const char* kAnswerKind = "advice-answer";
constexpr std::size_t kMaxQuestionChars = 8000;
constexpr std::size_t kMaxAnswerChars = 16000;

Bytes bytesOf(const std::string& s) {
  return {s.begin(), s.end()};
}

Bytes serialized(const google::protobuf::MessageLite& m) {
  std::string s;
  m.SerializeToString(&s);
  return bytesOf(s);
}

Error verifyError(const char* reason, const std::string& message) {
  return Error(ErrorCode::DataLoss, reason, message);
}

Bytes answerAd(const crypto::GroupId& group, const crypto::ObjectId& id) {
  static constexpr std::string_view kLabel{"samrad/v1/advice-answer\0", 24};
  Bytes ad;
  crypto::appendBytes(ad, crypto::asBytes(kLabel));
  crypto::appendBytes(ad, group.view());
  crypto::appendBytes(ad, id.view());
  return ad;
}

// The certificates of `user` as the server gave them, checked: the user
// certificate against the pinned roots (if its agency is pinned), and the
// device's certificate against the user's. Returns the device's certificate
// and whether the chain reached a pinned root.
struct CheckedDevice {
  crypto::DeviceCertificate device;
  bool anchored = false;
};
Result<CheckedDevice> checkDevice(PlatformClient& server, const crypto::TrustStore& roots,
                                  const crypto::UserId& user, const crypto::DeviceId& device,
                                  std::int64_t at) {
  SAMRAD_ASSIGN_OR_RETURN(auto certs, server.certificates(user));
  SAMRAD_ASSIGN_OR_RETURN(auto userEnv, crypto::Envelope::parse(certs.user));
  auto userCert = crypto::verifyUserCertificate(userEnv, roots, at, {});
  bool anchored = userCert.ok();
  if (!userCert) {
    if (userCert.error().reason() != "cert.unknown_root") {
      return userCert.error();
    }
    // Not pinned: read the certificate unanchored, so the signature still
    // binds the message to the device the server named.
    v1::UserCertificate body;
    if (!body.ParseFromArray(userEnv.body.data(), static_cast<int>(userEnv.body.size()))) {
      return verifyError("verify.advice_certificate", "the user's certificate is malformed");
    }
    auto id = crypto::UserId::fromBytes(crypto::asBytes(body.user_id()));
    auto agency = crypto::AgencyId::fromBytes(crypto::asBytes(body.agency_id()));
    auto key = crypto::SigningPublicKey::fromBytes(crypto::asBytes(body.identity_key()));
    if (!id || !agency || !key || *id != user) {
      return verifyError("verify.advice_certificate", "the user's certificate is malformed");
    }
    crypto::UserCertificate c;
    c.user = *id;
    c.agency = *agency;
    c.role = static_cast<crypto::UserRole>(body.role());
    c.identityKey = *key;
    c.validFrom = body.valid_from();
    c.validUntil = body.valid_until();
    userCert = c;
  }
  for (const auto& raw : certs.devices) {
    SAMRAD_ASSIGN_OR_RETURN(auto env, crypto::Envelope::parse(raw));
    auto dev = crypto::verifyDeviceCertificate(env, *userCert, at, {});
    if (dev && dev->device == device) {
      return CheckedDevice{*dev, anchored};
    }
  }
  return verifyError("verify.advice_device",
                     "the device that signed is not a current device of the user");
}

// What the server says of a request, before anything is opened.
AdviceRequest fromEntry(const PlatformClient::AdviceEntry& e) {
  AdviceRequest r;
  r.id = e.id;
  r.requester = e.requesterUser;
  r.requesterDevice = e.requesterDevice;
  r.submittedAt = e.submittedAt;
  r.state = static_cast<AdviceState>(e.status);
  r.answeredAt = e.answeredAt;
  r.questionDigest = crypto::sha256(e.sealedQuestion);
  return r;
}

}  // namespace

std::string intakeFingerprint(const crypto::BoxPublicKey& key) {
  const crypto::Hash h = crypto::sha256(key.view());
  const std::string hex = crypto::toHex(crypto::ByteView(h.bytes.data(), 16));
  std::string out;
  for (std::size_t i = 0; i < hex.size(); i += 4) {
    if (!out.empty()) {
      out.push_back(' ');
    }
    out += hex.substr(i, 4);
  }
  return out;
}

// ---- the group's side ---------------------------------------------------------

Result<crypto::BoxKeyPair> AdviceInbox::intakeKeys(std::uint64_t epoch) {
  // Bound to the epoch: a member removed since cannot derive it.
  SAMRAD_ASSIGN_OR_RETURN(auto secret, replica_.epochSecret(server_, kIntakeSecret, epoch));
  return crypto::BoxKeyPair::fromSecret(secret.view());
}

Result<crypto::BoxPublicKey> AdviceInbox::openIntake(std::int64_t now) {
  if (!replica_.chain().state().isCoordinatorDevice(me_.device)) {
    return Error(ErrorCode::PermissionDenied, "advice.not_coordinator",
                 "only the group's coordinator opens the group for advice requests");
  }
  const std::uint64_t epoch = replica_.chain().state().epoch;
  SAMRAD_ASSIGN_OR_RETURN(auto keys, intakeKeys(epoch));
  v1::IntakeKey body;
  body.set_epoch(epoch);
  body.set_group_id(replica_.group().str());
  body.set_box_public_key(
      std::string(keys.publicKey().view().begin(), keys.publicKey().view().end()));
  body.set_created_at(now);
  body.set_device_id(me_.device.str());
  const auto env =
      crypto::signEnvelope(crypto::EnvelopeKind::AdviceIntake, serialized(body), me_.signing);
  SAMRAD_TRY(server_.setIntakeKey(replica_.group(), env.serialize(), crypto::randomBytes(16)));
  return keys.publicKey();
}

Result<bool> AdviceInbox::refreshIntake(std::int64_t now) {
  if (!replica_.chain().state().isCoordinatorDevice(me_.device)) return false;
  auto bundle = server_.intakeKey(replica_.group());
  if (!bundle) {
    if (bundle.error().reason() == "advice.no_intake") return false;
    return bundle.error();
  }
  v1::IntakeKey body;
  auto env = crypto::Envelope::parse(bundle->intake);
  const bool readable =
      env && body.ParseFromArray(env->body.data(), static_cast<int>(env->body.size()));
  if (readable && body.epoch() >= replica_.chain().state().epoch &&
      body.created_at() > now - kIntakeRefreshSeconds) {
    return false;
  }
  auto opened = openIntake(now);
  if (!opened) return opened.error();
  return true;
}

Status AdviceInbox::allowRequester(const crypto::UserId& user, bool allowed) {
  return server_.setRequester(replica_.group(), user, allowed, crypto::randomBytes(16));
}

Result<std::vector<AdviceRequest>> AdviceInbox::requests() {
  SAMRAD_ASSIGN_OR_RETURN(auto entries, server_.listAdvice(replica_.group()));
  std::vector<AdviceRequest> out;
  if (entries.empty()) {
    return out;
  }
  // Each question was sealed to the intake key of the epoch it arrived in:
  // this device tries the epochs it holds keys for, newest first.
  std::map<std::uint64_t, crypto::BoxKeyPair> keyring;
  auto openQuestion = [&](crypto::ByteView sealed) -> Result<crypto::SecretBytes> {
    for (std::uint64_t epoch = replica_.chain().state().epoch; epoch >= 1; --epoch) {
      if (keyring.count(epoch) == 0) {
        auto keys = intakeKeys(epoch);
        if (!keys) {
          if (keys.error().code() == ErrorCode::NotFound) break;  // no key this far back
          return keys.error();
        }
        keyring.emplace(epoch, std::move(keys).value());
      }
      auto opened = crypto::openSealed(keyring.at(epoch), sealed);
      if (opened) return opened;
    }
    return verifyError("verify.advice_sealed",
                       "an advice request was not sealed to any intake key of this group");
  };
  for (const auto& e : entries) {
    AdviceRequest r = fromEntry(e);
    v1::SealedQuestion sealed;
    if (!sealed.ParseFromArray(e.sealedQuestion.data(),
                               static_cast<int>(e.sealedQuestion.size()))) {
      return verifyError("verify.advice_malformed", "an advice request is malformed");
    }
    SAMRAD_ASSIGN_OR_RETURN(auto opened, openQuestion(crypto::asBytes(sealed.to_group())));
    SAMRAD_ASSIGN_OR_RETURN(auto env, crypto::Envelope::parse(opened.view()));
    SAMRAD_ASSIGN_OR_RETURN(
        auto dev, checkDevice(server_, roots_, e.requesterUser, e.requesterDevice, e.submittedAt));
    if (auto ok = crypto::verifyEnvelope(crypto::EnvelopeKind::AdviceQuestion, env,
                                         dev.device.signingKey);
        !ok) {
      return verifyError("verify.advice_signature",
                         "an advice request's signature does not match its requester");
    }
    v1::AdviceQuestion q;
    if (!q.ParseFromArray(env.body.data(), static_cast<int>(env.body.size())) ||
        q.group_id() != replica_.group().str() || q.request_id() != e.id.str() ||
        q.device_id() != e.requesterDevice.str()) {
      return verifyError("verify.advice_binding",
                         "an advice request names another group, request or device");
    }
    r.question = q.text();
    r.organisation = q.organisation();
    r.organisationType = organisationOf(q.organisation_type());
    r.askedAt = q.asked_at();
    r.requesterVerified = dev.anchored;
    // The group's copy of the answer, written by the member who answered.
    if (auto copy = replica_.object(e.id); copy && copy->kind == kAnswerKind) {
      v1::AdviceAnswerBody a;
      if (a.ParseFromArray(copy->plaintext.data(), static_cast<int>(copy->plaintext.size())) &&
          a.request_id() == e.id.str() && a.device_id() == copy->author.str()) {
        r.answer = a.text();
        if (auto m = crypto::ObjectId::fromBytes(crypto::asBytes(a.meeting_id()))) {
          r.meeting = *m;
        }
      }
    }
    out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.submittedAt < b.submittedAt; });
  return out;
}

Status AdviceInbox::putOnAgenda(const crypto::ObjectId& request) {
  auto r = server_.setAdviceStatus(
      replica_.group(), request, static_cast<int>(AdviceState::OnAgenda), crypto::randomBytes(16));
  if (!r) {
    return r.error();
  }
  return okStatus();
}

Result<AdviceRequest> AdviceInbox::answer(const crypto::ObjectId& request, const std::string& text,
                                          const std::optional<crypto::ObjectId>& meeting,
                                          std::int64_t now) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Error(ErrorCode::InvalidArgument, "advice.answer_required", "write an answer first");
  }
  if (text.size() > kMaxAnswerChars) {
    return Error(ErrorCode::InvalidArgument, "advice.answer_too_long",
                 "an answer is at most " + std::to_string(kMaxAnswerChars) + " characters");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto all, requests());
  auto it = std::find_if(all.begin(), all.end(), [&](const auto& r) { return r.id == request; });
  if (it == all.end()) {
    return Error(ErrorCode::NotFound, "advice.not_found", "no such advice request");
  }
  if (it->state == AdviceState::Answered) {
    return Error(ErrorCode::FailedPrecondition, "advice.answered",
                 "the request has already been answered");
  }
  if (!it->requesterVerified) {
    return Error(ErrorCode::FailedPrecondition, "advice.requester_unverified",
                 "compare the requester's agency safety number and pin its key before "
                 "answering: the answer is sealed to their devices");
  }
  // The signed answer, sealed under a fresh key to each of the requester's
  // current devices, each verified against the pinned root.
  v1::AdviceAnswerBody body;
  body.set_group_id(replica_.group().str());
  body.set_request_id(request.str());
  body.set_question_digest(
      std::string(it->questionDigest.bytes.begin(), it->questionDigest.bytes.end()));
  body.set_device_id(me_.device.str());
  body.set_user_id(me_.user.str());
  body.set_text(text);
  body.set_answered_at(now);
  if (meeting) {
    body.set_meeting_id(meeting->str());
  }
  const Bytes bodyBytes = serialized(body);
  const auto env = crypto::signEnvelope(crypto::EnvelopeKind::AdviceAnswer, bodyBytes, me_.signing);
  const auto key = crypto::SecretBytes::random(crypto::kSymmetricKeySize);
  v1::SealedAnswer sealed;
  sealed.set_ciphertext([&] {
    const Bytes c = crypto::aeadSeal(key, env.serialize(), answerAd(replica_.group(), request));
    return std::string(c.begin(), c.end());
  }());
  // Sealed only to the requester's devices that may still be given keys:
  // not to a revoked one (as the log says), whatever the server lists.
  const crypto::RevocationList& revoked = replica_.revocations();
  if (revoked.userRevoked(it->requester)) {
    return Error(ErrorCode::FailedPrecondition, "advice.requester_revoked",
                 "the requester has been revoked by their agency; the answer is not sent");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto certs, server_.certificates(it->requester));
  SAMRAD_ASSIGN_OR_RETURN(auto userEnv, crypto::Envelope::parse(certs.user));
  SAMRAD_ASSIGN_OR_RETURN(auto userCert,
                          crypto::verifyUserCertificate(userEnv, roots_, now, revoked));
  for (const auto& raw : certs.devices) {
    SAMRAD_ASSIGN_OR_RETURN(auto devEnv, crypto::Envelope::parse(raw));
    auto dev = crypto::verifyDeviceCertificate(devEnv, userCert, now, revoked);
    if (!dev || revoked.deviceRevoked(dev->device)) {
      continue;  // expired, revoked or foreign: not sealed to
    }
    auto* box = sealed.add_boxes();
    box->set_device_id(dev->device.str());
    const Bytes k = crypto::sealTo(dev->boxKey, key.view());
    box->set_sealed_key(std::string(k.begin(), k.end()));
  }
  if (sealed.boxes_size() == 0) {
    return Error(ErrorCode::FailedPrecondition, "advice.requester_no_device",
                 "the requester has no current device to receive the answer");
  }
  // The group's copy first: if the server then refuses, the group still sees
  // what was written and nothing reached the requester half-done.
  SAMRAD_TRY(replica_.write(request, kAnswerKind, bodyBytes));
  SAMRAD_ASSIGN_OR_RETURN(auto pushed, replica_.push(server_));
  if (pushed.conflicts > 0 || pushed.refused > 0) {
    return Error(ErrorCode::Aborted, "advice.answered",
                 "another member answered this request at the same time; read their answer");
  }
  SAMRAD_ASSIGN_OR_RETURN(
      auto entry,
      server_.answerAdvice(replica_.group(), request, serialized(sealed), crypto::randomBytes(16)));
  it->state = AdviceState::Answered;
  it->answer = text;
  it->answeredAt = entry.answeredAt;
  it->meeting = meeting;
  return *it;
}

// ---- the requester's side -----------------------------------------------------

Result<crypto::BoxPublicKey> AdviceDesk::intake(const crypto::GroupId& group, std::int64_t now) {
  SAMRAD_ASSIGN_OR_RETURN(auto bundle, server_.intakeKey(group));
  auto unverified = [](const std::string& why) {
    return Error(ErrorCode::FailedPrecondition, "advice.intake_unverified",
                 "the group's intake key could not be verified (" + why +
                     "); do not send anything and call the group's coordinator");
  };
  auto userEnv = crypto::Envelope::parse(bundle.userCertificate);
  auto devEnv = crypto::Envelope::parse(bundle.deviceCertificate);
  auto intakeEnv = crypto::Envelope::parse(bundle.intake);
  if (!userEnv || !devEnv || !intakeEnv) {
    return unverified("malformed");
  }
  auto user = crypto::verifyUserCertificate(*userEnv, roots_, now, {});
  if (!user) {
    return unverified(user.error().reason());
  }
  auto dev = crypto::verifyDeviceCertificate(*devEnv, *user, now, {});
  if (!dev) {
    return unverified(dev.error().reason());
  }
  if (auto ok =
          crypto::verifyEnvelope(crypto::EnvelopeKind::AdviceIntake, *intakeEnv, dev->signingKey);
      !ok) {
    return unverified(ok.error().reason());
  }
  v1::IntakeKey body;
  if (!body.ParseFromArray(intakeEnv->body.data(), static_cast<int>(intakeEnv->body.size())) ||
      body.group_id() != group.str() || body.device_id() != dev->device.str()) {
    return unverified("it names another group or device");
  }
  auto key = crypto::BoxPublicKey::fromBytes(crypto::asBytes(body.box_public_key()));
  if (!key) {
    return unverified("bad key");
  }
  if (body.created_at() > now + crypto::kClockSkewSeconds) {
    return unverified("it is dated in the future");
  }
  if (body.created_at() < now - kIntakeMaxAgeSeconds) {
    return Error(ErrorCode::FailedPrecondition, "advice.intake_stale",
                 "the group's intake key was signed on " + isoDate(body.created_at()) +
                     ", more than 30 days ago; the group's coordinator renews it by opening "
                     "Samråd. Nothing was sent");
  }
  SAMRAD_TRY(acceptIntake(group, body.epoch(), body.created_at()));
  return *key;
}

Status AdviceDesk::acceptIntake(const crypto::GroupId& group, std::uint64_t epoch,
                                std::int64_t createdAt) {
  std::pair<std::uint64_t, std::int64_t> newest{0, 0};
  if (auto it = seenHere_.find(group); it != seenHere_.end()) newest = it->second;
  if (seen_ != nullptr) {
    SAMRAD_ASSIGN_OR_RETURN(auto q,
                            seen_->prepare("SELECT epoch, created_at FROM advice_intake_seen "
                                           "WHERE group_id = ?1"));
    q.bindBlob(1, group.view());
    SAMRAD_ASSIGN_OR_RETURN(bool row, q.step());
    if (row) {
      newest = std::max(newest, std::make_pair(static_cast<std::uint64_t>(q.columnInt(0)),
                                               static_cast<std::int64_t>(q.columnInt(1))));
    }
  }
  const std::pair<std::uint64_t, std::int64_t> offered{epoch, createdAt};
  if (offered < newest) {
    return Error(ErrorCode::DataLoss, "advice.intake_rolled_back",
                 "the server offered an older intake key of the group than this device has "
                 "seen (epoch " +
                     std::to_string(epoch) + " against " + std::to_string(newest.first) +
                     "); nothing was sent. Tell the group's coordinator");
  }
  seenHere_[group] = offered;
  if (seen_ == nullptr || offered == newest) return okStatus();
  SAMRAD_ASSIGN_OR_RETURN(auto put,
                          seen_->prepare("INSERT OR REPLACE INTO advice_intake_seen (group_id, "
                                         "epoch, created_at) VALUES (?1, ?2, ?3)"));
  put.bindBlob(1, group.view())
      .bind(2, static_cast<std::int64_t>(epoch))
      .bind(3, static_cast<std::int64_t>(createdAt));
  return put.run();
}

Result<crypto::ObjectId> AdviceDesk::ask(const crypto::GroupId& group, const std::string& question,
                                         const std::string& organisation,
                                         RequesterOrganisation type, std::int64_t now,
                                         const DeidReview& review) {
  if (question.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Error(ErrorCode::InvalidArgument, "advice.question_required", "write a question first");
  }
  if (question.size() > kMaxQuestionChars) {
    return Error(ErrorCode::InvalidArgument, "advice.question_too_long",
                 "a question is at most " + std::to_string(kMaxQuestionChars) + " characters");
  }
  SAMRAD_TRY(checkDeidentified(question, review));
  SAMRAD_ASSIGN_OR_RETURN(auto intakeKey, intake(group, now));
  const auto id = crypto::ObjectId::random();
  v1::AdviceQuestion q;
  q.set_group_id(group.str());
  q.set_request_id(id.str());
  q.set_device_id(me_.device.str());
  q.set_text(question);
  q.set_organisation(organisation);
  q.set_organisation_type(static_cast<std::uint32_t>(type));
  q.set_asked_at(now);
  const Bytes signedQuestion =
      crypto::signEnvelope(crypto::EnvelopeKind::AdviceQuestion, serialized(q), me_.signing)
          .serialize();
  v1::SealedQuestion sealed;
  const Bytes toGroup = crypto::sealTo(intakeKey, signedQuestion);
  const Bytes toMe = crypto::sealTo(me_.box.publicKey(), signedQuestion);
  sealed.set_to_group(std::string(toGroup.begin(), toGroup.end()));
  sealed.set_to_requester(std::string(toMe.begin(), toMe.end()));
  auto sent = server_.submitAdvice(group, id, serialized(sealed), crypto::randomBytes(16));
  if (!sent) {
    return sent.error();
  }
  return id;
}

Result<std::vector<AdviceRequest>> AdviceDesk::mine(const crypto::GroupId& group) {
  SAMRAD_ASSIGN_OR_RETURN(auto entries, server_.listAdvice(group));
  std::vector<AdviceRequest> out;
  for (const auto& e : entries) {
    if (e.requesterUser != me_.user) {
      return verifyError("verify.advice_foreign",
                         "the server listed someone else's advice request");
    }
    AdviceRequest r = fromEntry(e);
    r.requesterVerified = true;
    v1::SealedQuestion sealed;
    if (!sealed.ParseFromArray(e.sealedQuestion.data(),
                               static_cast<int>(e.sealedQuestion.size()))) {
      return verifyError("verify.advice_malformed", "an advice request is malformed");
    }
    // Asked from another of my devices: its copy is sealed to that device.
    if (e.requesterDevice == me_.device) {
      auto opened = crypto::openSealed(me_.box, crypto::asBytes(sealed.to_requester()));
      if (!opened) {
        return verifyError("verify.advice_sealed", "a request of mine does not open");
      }
      SAMRAD_ASSIGN_OR_RETURN(auto env, crypto::Envelope::parse(opened->view()));
      if (auto ok = crypto::verifyEnvelope(crypto::EnvelopeKind::AdviceQuestion, env,
                                           me_.signing.publicKey());
          !ok) {
        return verifyError("verify.advice_signature", "a request of mine was altered");
      }
      v1::AdviceQuestion q;
      if (!q.ParseFromArray(env.body.data(), static_cast<int>(env.body.size())) ||
          q.request_id() != e.id.str()) {
        return verifyError("verify.advice_binding", "a request of mine names another request");
      }
      r.question = q.text();
      r.organisation = q.organisation();
      r.organisationType = organisationOf(q.organisation_type());
      r.askedAt = q.asked_at();
    }
    if (e.status == static_cast<int>(AdviceState::Answered)) {
      v1::SealedAnswer sealedAnswer;
      if (!sealedAnswer.ParseFromArray(e.answer.data(), static_cast<int>(e.answer.size()))) {
        return verifyError("verify.advice_malformed", "an answer is malformed");
      }
      for (const auto& box : sealedAnswer.boxes()) {
        if (box.device_id() != me_.device.str()) {
          continue;
        }
        auto key = crypto::openSealed(me_.box, crypto::asBytes(box.sealed_key()));
        if (!key) {
          return verifyError("verify.advice_sealed", "an answer's key does not open");
        }
        auto plain = crypto::aeadOpen(*key, crypto::asBytes(sealedAnswer.ciphertext()),
                                      answerAd(group, e.id));
        if (!plain) {
          return verifyError("verify.advice_sealed", "an answer was altered");
        }
        SAMRAD_ASSIGN_OR_RETURN(auto env, crypto::Envelope::parse(plain->view()));
        v1::AdviceAnswerBody a;
        if (!a.ParseFromArray(env.body.data(), static_cast<int>(env.body.size())) ||
            a.group_id() != group.str() || a.request_id() != e.id.str() || !e.answeredBy ||
            a.device_id() != e.answeredBy->str() ||
            a.question_digest() !=
                std::string(r.questionDigest.bytes.begin(), r.questionDigest.bytes.end())) {
          return verifyError("verify.advice_binding",
                             "an answer names another request or another question");
        }
        // The answering member's certificates must match the signature;
        // they chain to a pinned root when their agency was pinned.
        auto answerer = crypto::UserId::fromBytes(crypto::asBytes(a.user_id()));
        if (!answerer) {
          return verifyError("verify.advice_binding", "an answer names no member");
        }
        SAMRAD_ASSIGN_OR_RETURN(
            auto dev, checkDevice(server_, roots_, *answerer, *e.answeredBy, e.answeredAt));
        if (auto ok = crypto::verifyEnvelope(crypto::EnvelopeKind::AdviceAnswer, env,
                                             dev.device.signingKey);
            !ok) {
          return verifyError("verify.advice_signature", "an answer's signature does not match");
        }
        r.answerVerified = dev.anchored;
        r.answer = a.text();
        if (auto m = crypto::ObjectId::fromBytes(crypto::asBytes(a.meeting_id()))) {
          r.meeting = *m;
        }
      }
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace samrad::client
