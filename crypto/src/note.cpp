#include "samrad/crypto/note.h"

#include <sodium.h>

#include <charconv>

namespace samrad::crypto {
namespace {

constexpr std::string_view kDash = "\xE2\x80\x94 ";  // U+2014 EM DASH, then a space

Error noteError(const char* reason, const std::string& message) {
  return Error(ErrorCode::InvalidArgument, reason, message);
}

std::uint32_t computeKeyId(std::string_view name, NoteKeyType type, const SigningPublicKey& key) {
  const std::uint8_t t = static_cast<std::uint8_t>(type);
  const std::uint8_t nl = '\n';
  const Hash h = sha256({asBytes(name), ByteView(&nl, 1), ByteView(&t, 1), key.view()});
  return (std::uint32_t{h.bytes[0]} << 24) | (std::uint32_t{h.bytes[1]} << 16) |
         (std::uint32_t{h.bytes[2]} << 8) | std::uint32_t{h.bytes[3]};
}

void appendU32(Bytes& out, std::uint32_t v) {
  for (int i = 3; i >= 0; --i) out.push_back(static_cast<std::uint8_t>(v >> (i * 8)));
}

// Key names: non-empty, no spaces, no '+', valid UTF-8 not checked beyond that.
bool validName(std::string_view name) {
  if (name.empty()) return false;
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || c == '+') return false;
  }
  return true;
}

Result<std::uint32_t> parseHex8(std::string_view s) {
  if (s.size() != 8) return noteError("note.bad_vkey", "key id must be 8 hex digits");
  std::uint32_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, 16);
  if (ec != std::errc() || p != s.data() + s.size()) {
    return noteError("note.bad_vkey", "key id must be 8 hex digits");
  }
  return v;
}

std::string hex8(std::uint32_t v) {
  char buf[9];
  static const char* digits = "0123456789abcdef";
  for (int i = 7; i >= 0; --i) {
    buf[i] = digits[v & 0xf];
    v >>= 4;
  }
  buf[8] = 0;
  return buf;
}

std::string cosignedMessage(std::string_view checkpointText, std::uint64_t timestamp) {
  return "cosignature/v1\ntime " + std::to_string(timestamp) + "\n" + std::string(checkpointText);
}

}  // namespace

std::string base64Encode(ByteView bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.pop_back();  // NUL
  return out;
}

Result<Bytes> base64Decode(std::string_view text) {
  Bytes out(text.size() / 4 * 3 + 3);
  std::size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &len, &end,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size()) {
    return noteError("base64.invalid", "not valid base64");
  }
  out.resize(len);
  return out;
}

NoteVerifier NoteVerifier::make(std::string name, NoteKeyType type, const SigningPublicKey& key) {
  NoteVerifier v;
  v.keyId = computeKeyId(name, type, key);
  v.name = std::move(name);
  v.type = type;
  v.key = key;
  return v;
}

Result<NoteVerifier> NoteVerifier::parse(std::string_view vkey) {
  const auto p1 = vkey.find('+');
  if (p1 == std::string_view::npos) return noteError("note.bad_vkey", "vkey has no '+'");
  const auto p2 = vkey.find('+', p1 + 1);
  if (p2 == std::string_view::npos) return noteError("note.bad_vkey", "vkey has one '+'");
  const std::string_view name = vkey.substr(0, p1);
  if (!validName(name)) return noteError("note.bad_vkey", "invalid key name");
  SAMRAD_ASSIGN_OR_RETURN(std::uint32_t id, parseHex8(vkey.substr(p1 + 1, p2 - p1 - 1)));
  auto material = base64Decode(vkey.substr(p2 + 1));
  if (!material || material->size() != 1 + kPublicKeySize) {
    return noteError("note.bad_vkey", "vkey key material must be a type byte and 32 bytes");
  }
  const std::uint8_t type = (*material)[0];
  if (type != static_cast<std::uint8_t>(NoteKeyType::Ed25519) &&
      type != static_cast<std::uint8_t>(NoteKeyType::Cosignature)) {
    return noteError("note.bad_vkey", "unsupported key type");
  }
  SAMRAD_ASSIGN_OR_RETURN(SigningPublicKey key, SigningPublicKey::fromBytes(ByteView(
                                                    material->data() + 1, kPublicKeySize)));
  NoteVerifier v = make(std::string(name), static_cast<NoteKeyType>(type), key);
  if (v.keyId != id) return noteError("note.bad_vkey", "key id does not match the key");
  return v;
}

std::string NoteVerifier::vkey() const {
  Bytes material{static_cast<std::uint8_t>(type)};
  appendBytes(material, key.view());
  return name + "+" + hex8(keyId) + "+" + base64Encode(material);
}

NoteSigner::NoteSigner(std::string name, NoteKeyType type, SigningKeyPair key)
    : verifier_(NoteVerifier::make(std::move(name), type, key.publicKey())), key_(std::move(key)) {}

Result<NoteSigner> NoteSigner::parse(std::string_view skey) {
  constexpr std::string_view kPrefix = "PRIVATE+KEY+";
  if (skey.substr(0, kPrefix.size()) != kPrefix) {
    return noteError("note.bad_skey", "signer key must start with PRIVATE+KEY+");
  }
  const std::string_view rest = skey.substr(kPrefix.size());
  const auto p1 = rest.find('+');
  const auto p2 = p1 == std::string_view::npos ? p1 : rest.find('+', p1 + 1);
  if (p2 == std::string_view::npos) return noteError("note.bad_skey", "malformed signer key");
  const std::string name(rest.substr(0, p1));
  if (!validName(name)) return noteError("note.bad_skey", "invalid key name");
  SAMRAD_ASSIGN_OR_RETURN(std::uint32_t id, parseHex8(rest.substr(p1 + 1, p2 - p1 - 1)));
  auto material = base64Decode(rest.substr(p2 + 1));
  if (!material || material->size() != 1 + 32 || (*material)[0] != 0x01) {
    return noteError("note.bad_skey", "signer key material must be 0x01 and a 32-byte seed");
  }
  auto kp = SigningKeyPair::fromSeed(ByteView(material->data() + 1, 32));
  wipe(*material);
  if (!kp) return kp.error();
  NoteSigner s(name, NoteKeyType::Ed25519, std::move(kp).value());
  if (s.verifier().keyId != id) return noteError("note.bad_skey", "key id does not match");
  return s;
}

Bytes NoteSigner::signText(std::string_view text) const {
  Bytes out;
  appendU32(out, verifier_.keyId);
  const auto sig = key_.sign(asBytes(text));
  appendBytes(out, sig);
  return out;
}

Bytes NoteSigner::cosign(std::string_view checkpointText, std::uint64_t timestamp) const {
  Bytes out;
  appendU32(out, verifier_.keyId);
  appendU64(out, timestamp);
  const auto sig = key_.sign(asBytes(cosignedMessage(checkpointText, timestamp)));
  appendBytes(out, sig);
  return out;
}

Result<Note> Note::parse(std::string_view wire) {
  if (wire.size() > kMaxNoteBytes) return noteError("note.too_large", "note exceeds 64 KiB");
  // The text ends at the last blank line; signatures follow it.
  const auto split = wire.rfind("\n\n");
  if (split == std::string_view::npos) {
    return noteError("note.malformed", "note has no blank line before its signatures");
  }
  Note note;
  note.text = std::string(wire.substr(0, split + 1));
  std::string_view sigs = wire.substr(split + 2);
  if (sigs.empty() || sigs.back() != '\n') {
    return noteError("note.malformed", "signature block must end with a newline");
  }
  if (note.text.find('\r') != std::string::npos || sigs.find('\r') != std::string_view::npos) {
    return noteError("note.malformed", "carriage returns are not allowed");
  }
  while (!sigs.empty()) {
    const auto nl = sigs.find('\n');
    std::string_view line = sigs.substr(0, nl);
    sigs.remove_prefix(nl + 1);
    if (line.substr(0, kDash.size()) != kDash) {
      return noteError("note.malformed", "signature line must start with an em dash");
    }
    line.remove_prefix(kDash.size());
    const auto sp = line.find(' ');
    if (sp == std::string_view::npos) return noteError("note.malformed", "signature line");
    const std::string_view name = line.substr(0, sp);
    if (!validName(name)) return noteError("note.malformed", "invalid signer name");
    auto raw = base64Decode(line.substr(sp + 1));
    if (!raw || raw->size() < 5) return noteError("note.malformed", "bad signature encoding");
    if (note.signatures.size() >= kMaxNoteSignatures) {
      return noteError("note.malformed", "too many signatures");
    }
    note.addSignature(std::string(name), *raw);
  }
  if (note.signatures.empty()) return noteError("note.malformed", "note has no signatures");
  return note;
}

void Note::addSignature(const std::string& name, ByteView keyIdAndPayload) {
  NoteSignature s;
  s.name = name;
  s.keyId = (std::uint32_t{keyIdAndPayload[0]} << 24) | (std::uint32_t{keyIdAndPayload[1]} << 16) |
            (std::uint32_t{keyIdAndPayload[2]} << 8) | std::uint32_t{keyIdAndPayload[3]};
  s.payload.assign(keyIdAndPayload.begin() + 4, keyIdAndPayload.end());
  signatures.push_back(std::move(s));
}

std::string Note::serialize() const {
  std::string out = text + "\n";
  for (const auto& s : signatures) {
    Bytes raw;
    appendU32(raw, s.keyId);
    appendBytes(raw, s.payload);
    out += std::string(kDash) + s.name + " " + base64Encode(raw) + "\n";
  }
  return out;
}

Result<std::vector<VerifiedSignature>> verifyNote(const Note& note,
                                                  std::span<const NoteVerifier> known) {
  std::vector<VerifiedSignature> ok;
  for (const auto& sig : note.signatures) {
    for (const auto& v : known) {
      if (v.name != sig.name || v.keyId != sig.keyId) continue;
      if (v.type == NoteKeyType::Ed25519) {
        if (!v.key.verify(asBytes(note.text), sig.payload)) {
          return Error(ErrorCode::PermissionDenied, "note.bad_signature",
                       "signature by " + v.name + " does not verify");
        }
        ok.push_back({v.name, v.type, std::nullopt});
      } else {
        if (sig.payload.size() != 8 + kSignatureSize) {
          return Error(ErrorCode::PermissionDenied, "note.bad_signature",
                       "cosignature by " + v.name + " has the wrong size");
        }
        std::uint64_t t = 0;
        for (int i = 0; i < 8; ++i) t = (t << 8) | sig.payload[static_cast<std::size_t>(i)];
        const ByteView s(sig.payload.data() + 8, kSignatureSize);
        if (t > (std::uint64_t{1} << 63) - 1 ||
            !v.key.verify(asBytes(cosignedMessage(note.text, t)), s)) {
          return Error(ErrorCode::PermissionDenied, "note.bad_signature",
                       "cosignature by " + v.name + " does not verify");
        }
        ok.push_back({v.name, v.type, t});
      }
    }
  }
  if (ok.empty()) {
    return Error(ErrorCode::PermissionDenied, "note.unverified", "no signature by a known key");
  }
  return ok;
}

std::string Checkpoint::text() const {
  std::string out = origin + "\n" + std::to_string(size) + "\n" + base64Encode(root.view()) + "\n";
  for (const auto& e : extensions) out += e + "\n";
  return out;
}

Result<Checkpoint> Checkpoint::parse(std::string_view text) {
  auto bad = [](const char* what) {
    return Error(ErrorCode::InvalidArgument, "checkpoint.malformed", what);
  };
  if (text.empty() || text.back() != '\n') return bad("checkpoint must end with a newline");
  std::vector<std::string_view> lines;
  std::string_view rest = text;
  while (!rest.empty()) {
    const auto nl = rest.find('\n');
    lines.push_back(rest.substr(0, nl));
    rest.remove_prefix(nl + 1);
  }
  if (lines.size() < 3) return bad("checkpoint needs origin, size and root lines");
  Checkpoint c;
  c.origin = std::string(lines[0]);
  if (c.origin.empty()) return bad("empty origin");
  const std::string_view sizeText = lines[1];
  if (sizeText.empty() || (sizeText.size() > 1 && sizeText[0] == '0')) {
    return bad("tree size must be a decimal without leading zeros");
  }
  auto [p, ec] = std::from_chars(sizeText.data(), sizeText.data() + sizeText.size(), c.size);
  if (ec != std::errc() || p != sizeText.data() + sizeText.size()) return bad("bad tree size");
  auto root = base64Decode(lines[2]);
  if (!root || root->size() != kHashSize) return bad("root hash must be 32 bytes of base64");
  std::copy(root->begin(), root->end(), c.root.bytes.begin());
  for (std::size_t i = 3; i < lines.size(); ++i) {
    if (lines[i].empty()) return bad("empty extension line");
    c.extensions.emplace_back(lines[i]);
  }
  return c;
}

}  // namespace samrad::crypto
