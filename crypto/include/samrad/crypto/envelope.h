// The signed envelope: the one format for everything signed (DESIGN §3).
// body bytes (kept verbatim) + signer key id + Ed25519 signature over
// context-string || 0x00 || body. The NUL makes the set of contexts prefix-free,
// so a signature for one kind can never verify as another.
#pragma once

#include <string_view>

#include "samrad/common/result.h"
#include "samrad/crypto/primitives.h"

namespace samrad::crypto {

// Largest body any envelope may carry; bigger input is hostile.
inline constexpr std::size_t kMaxEnvelopeBody = 64 * 1024;
inline constexpr std::size_t kMaxEnvelopeBytes = kMaxEnvelopeBody + 256;

enum class EnvelopeKind {
  UserCertificate,
  DeviceCertificate,
  GroupOperation,
  EpochKeys,
  Content,
  AuditEvent,
  AdviceIntake,    // a group's intake key, signed by a coordinator device
  AdviceQuestion,  // an external requester's question, signed by their device
  AdviceAnswer,    // the group's answer, signed by the answering member's device
};

std::string_view contextString(EnvelopeKind kind);

struct Envelope {
  Bytes body;
  KeyId signerKeyId;
  std::array<std::uint8_t, kSignatureSize> signature{};

  [[nodiscard]] Bytes serialize() const;
  // Parses the wire form only — nothing is trusted until verify().
  static Result<Envelope> parse(ByteView wire);
  // SHA-256 of the serialized envelope: how chain links refer to each other.
  [[nodiscard]] Hash digest() const;
};

Envelope signEnvelope(EnvelopeKind kind, ByteView body, const SigningKeyPair& signer);

// Checks the key id and the signature; on success the body may be parsed.
// Errors: envelope.wrong_signer (key id is not `expected`'s),
// envelope.bad_signature.
Status verifyEnvelope(EnvelopeKind kind, const Envelope& envelope,
                      const SigningPublicKey& expected);

}  // namespace samrad::crypto
