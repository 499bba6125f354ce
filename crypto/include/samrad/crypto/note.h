// Signed notes (C2SP signed-note), checkpoints (C2SP tlog-checkpoint) and
// cosignatures (C2SP tlog-cosignature v1), with Ed25519 keys:
//   key id   = SHA-256(name || 0x0A || 0x01 || public key)[:4]   (signatures)
//            = SHA-256(name || 0x0A || 0x04 || public key)[:4]   (cosignatures)
//   vkey     = name + "+" + hex(key id) + "+" + base64(type || public key)
//   sig line = "— " name " " base64(key id || signature) "\n"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "samrad/common/result.h"
#include "samrad/crypto/primitives.h"

namespace samrad::crypto {

inline constexpr std::size_t kMaxNoteBytes = 64 * 1024;
inline constexpr std::size_t kMaxNoteSignatures = 100;

enum class NoteKeyType : std::uint8_t { Ed25519 = 0x01, Cosignature = 0x04 };

std::string base64Encode(ByteView bytes);
Result<Bytes> base64Decode(std::string_view text);

// A public key that verifies note signatures.
struct NoteVerifier {
  std::string name;
  NoteKeyType type = NoteKeyType::Ed25519;
  std::uint32_t keyId = 0;
  SigningPublicKey key;

  static NoteVerifier make(std::string name, NoteKeyType type, const SigningPublicKey& key);
  // Parses "name+hex8+base64(type||key)"; reason note.bad_vkey.
  static Result<NoteVerifier> parse(std::string_view vkey);
  [[nodiscard]] std::string vkey() const;
};

// A key that signs notes.
class NoteSigner {
 public:
  NoteSigner(std::string name, NoteKeyType type, SigningKeyPair key);
  // Parses "PRIVATE+KEY+name+hex8+base64(type||seed)" (Go's x/mod/sumdb/note).
  static Result<NoteSigner> parse(std::string_view skey);
  [[nodiscard]] const NoteVerifier& verifier() const { return verifier_; }
  // The signature line's payload: key id || Ed25519 signature over `text`.
  [[nodiscard]] Bytes signText(std::string_view text) const;
  // Cosignature payload: key id || timestamp (u64 BE) || signature.
  [[nodiscard]] Bytes cosign(std::string_view checkpointText, std::uint64_t timestamp) const;

 private:
  NoteVerifier verifier_;
  SigningKeyPair key_;
};

struct NoteSignature {
  std::string name;
  std::uint32_t keyId = 0;
  Bytes payload;  // after the key id
};

struct Note {
  std::string text;  // ends with "\n"
  std::vector<NoteSignature> signatures;

  // Reasons: note.too_large, note.malformed.
  static Result<Note> parse(std::string_view wire);
  [[nodiscard]] std::string serialize() const;
  void addSignature(const std::string& name, ByteView keyIdAndPayload);
};

struct VerifiedSignature {
  std::string name;
  NoteKeyType type;
  std::optional<std::uint64_t> cosignedAt;  // cosignatures only
};

// Checks every signature made by a known key (unknown ones are ignored, as the
// spec asks); reasons: note.bad_signature (a known key's signature fails),
// note.unverified (no known key signed).
Result<std::vector<VerifiedSignature>> verifyNote(const Note& note,
                                                  std::span<const NoteVerifier> known);

// A checkpoint: origin, tree size, root hash, optional extension lines.
struct Checkpoint {
  std::string origin;
  std::uint64_t size = 0;
  Hash root;
  std::vector<std::string> extensions;

  [[nodiscard]] std::string text() const;
  // Reason: checkpoint.malformed.
  static Result<Checkpoint> parse(std::string_view text);
};

}  // namespace samrad::crypto
