#include "samrad/crypto/envelope.h"

#include <algorithm>

#include "samrad/v1/crypto.pb.h"

namespace samrad::crypto {
namespace {

Bytes signedMessage(EnvelopeKind kind, ByteView body) {
  const std::string_view ctx = contextString(kind);
  Bytes msg;
  msg.reserve(ctx.size() + 1 + body.size());
  appendBytes(msg, asBytes(ctx));
  msg.push_back(0);
  appendBytes(msg, body);
  return msg;
}

}  // namespace

std::string_view contextString(EnvelopeKind kind) {
  switch (kind) {
    case EnvelopeKind::UserCertificate:
      return "samrad/v1/user-cert";
    case EnvelopeKind::DeviceCertificate:
      return "samrad/v1/device-cert";
    case EnvelopeKind::GroupOperation:
      return "samrad/v1/group-op";
    case EnvelopeKind::EpochKeys:
      return "samrad/v1/epoch-keys";
    case EnvelopeKind::Content:
      return "samrad/v1/content";
    case EnvelopeKind::AuditEvent:
      return "samrad/v1/audit-event";
    case EnvelopeKind::AdviceIntake:
      return "samrad/v1/advice-intake";
    case EnvelopeKind::AdviceQuestion:
      return "samrad/v1/advice-question";
    case EnvelopeKind::AdviceAnswer:
      return "samrad/v1/advice-answer";
  }
  return "samrad/v1/invalid";
}

Bytes Envelope::serialize() const {
  samrad::v1::SignedEnvelope pb;
  pb.set_body(body.data(), body.size());
  pb.set_signer_key_id(signerKeyId.bytes.data(), signerKeyId.bytes.size());
  pb.set_signature(signature.data(), signature.size());
  std::string out;
  pb.SerializeToString(&out);
  return {out.begin(), out.end()};
}

Result<Envelope> Envelope::parse(ByteView wire) {
  if (wire.size() > kMaxEnvelopeBytes) {
    return Error(ErrorCode::InvalidArgument, "envelope.too_large",
                 "envelope exceeds " + std::to_string(kMaxEnvelopeBytes) + " bytes");
  }
  samrad::v1::SignedEnvelope pb;
  if (!pb.ParseFromArray(wire.data(), static_cast<int>(wire.size()))) {
    return Error(ErrorCode::InvalidArgument, "envelope.malformed", "envelope does not parse");
  }
  if (pb.body().size() > kMaxEnvelopeBody) {
    return Error(ErrorCode::InvalidArgument, "envelope.too_large", "envelope body too large");
  }
  if (pb.signer_key_id().size() != kKeyIdSize) {
    return Error(ErrorCode::InvalidArgument, "envelope.bad_key_id", "signer key id is 16 bytes");
  }
  if (pb.signature().size() != kSignatureSize) {
    return Error(ErrorCode::InvalidArgument, "envelope.bad_signature_size",
                 "signature is 64 bytes");
  }
  Envelope e;
  e.body.assign(pb.body().begin(), pb.body().end());
  std::copy(pb.signer_key_id().begin(), pb.signer_key_id().end(), e.signerKeyId.bytes.begin());
  std::copy(pb.signature().begin(), pb.signature().end(), e.signature.begin());
  return e;
}

Hash Envelope::digest() const {
  return sha256(serialize());
}

Envelope signEnvelope(EnvelopeKind kind, ByteView body, const SigningKeyPair& signer) {
  Envelope e;
  e.body.assign(body.begin(), body.end());
  e.signerKeyId = signer.keyId();
  e.signature = signer.sign(signedMessage(kind, body));
  return e;
}

Status verifyEnvelope(EnvelopeKind kind, const Envelope& envelope,
                      const SigningPublicKey& expected) {
  if (envelope.signerKeyId != expected.keyId()) {
    return Error(ErrorCode::PermissionDenied, "envelope.wrong_signer",
                 "signed by a different key than expected");
  }
  if (!expected.verify(signedMessage(kind, envelope.body), envelope.signature)) {
    return Error(ErrorCode::PermissionDenied, "envelope.bad_signature",
                 "signature does not verify");
  }
  return okStatus();
}

}  // namespace samrad::crypto
