#include "samrad/crypto/content.h"

#include <sodium.h>

#include <algorithm>

#include "samrad/v1/crypto.pb.h"

namespace samrad::crypto {
namespace {

Error contentError(ErrorCode code, const char* reason, const char* message) {
  return Error(code, reason, message);
}

// BLAKE2b-256 (not SHA-256) for the ciphertext digest: libsodium's BLAKE2b is
// several times faster than its portable SHA-256, and the whole ciphertext must
// be hashed so that a member who knows the object key cannot forge another
// author's text (a Poly1305 tag alone is forgeable with the key).
Hash contentDigest(ByteView data) {
  Hash h;
  crypto_generichash(h.bytes.data(), h.bytes.size(), data.data(), data.size(), nullptr, 0);
  return h;
}

bool validKind(std::string_view kind) {
  if (kind.empty() || kind.size() > kMaxKindLength) return false;
  return std::all_of(kind.begin(), kind.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

Bytes signedPart(const EncryptedObject& o) {
  Bytes m = o.context.associatedData();
  appendBytes(m, contentDigest(o.ciphertext).view());
  appendBytes(m, contentDigest(o.wrappedKey).view());
  m.push_back(o.wrappedWithCaseKey ? 1 : 0);
  if (o.caseId) appendBytes(m, o.caseId->view());
  return m;
}

Bytes wrapAd(const ContentContext& c) {
  Bytes ad = c.associatedData();
  static constexpr std::string_view kLabel{"samrad/v1/object-key\0", 21};
  appendBytes(ad, asBytes(kLabel));
  return ad;
}

Bytes caseBinding(const GroupId& group, const CaseId& caseId, const DeviceId& device) {
  static constexpr std::string_view kLabel{"samrad/v1/case-key\0", 19};
  Bytes b;
  appendBytes(b, asBytes(kLabel));
  appendBytes(b, group.view());
  appendBytes(b, caseId.view());
  appendBytes(b, device.view());
  return b;
}

}  // namespace

Bytes ContentContext::associatedData() const {
  static constexpr std::string_view kLabel{"samrad/v1/content-ad\0", 21};
  Bytes ad;
  ad.reserve(kLabel.size() + 1 + kind.size() + 3 * kIdSize + 16 + kHashSize + 16);
  appendBytes(ad, asBytes(kLabel));
  ad.push_back(static_cast<std::uint8_t>(kind.size()));
  appendBytes(ad, asBytes(kind));
  appendBytes(ad, group.view());
  appendBytes(ad, object.view());
  appendU64(ad, version);
  appendU64(ad, epoch);
  appendBytes(ad, author.view());
  appendBytes(ad, chainHead.view());
  return ad;
}

Bytes EncryptedObject::serialize() const {
  samrad::v1::EncryptedObject pb;
  pb.set_kind(context.kind);
  pb.set_group_id(context.group.str());
  pb.set_object_id(context.object.str());
  pb.set_version(context.version);
  pb.set_epoch(context.epoch);
  pb.set_author_device_id(context.author.str());
  pb.set_chain_head(context.chainHead.str());
  pb.set_ciphertext(ciphertext.data(), ciphertext.size());
  pb.set_wrapped_key(wrappedKey.data(), wrappedKey.size());
  pb.set_wrapped_with_case_key(wrappedWithCaseKey);
  if (caseId) pb.set_case_id(caseId->str());
  pb.set_signature(signature.data(), signature.size());
  std::string s;
  pb.SerializeToString(&s);
  return {s.begin(), s.end()};
}

Result<EncryptedObject> EncryptedObject::parse(ByteView wire) {
  if (wire.size() > kMaxContentBytes + 4096) {
    return contentError(ErrorCode::InvalidArgument, "content.too_large", "object too large");
  }
  samrad::v1::EncryptedObject pb;
  if (!pb.ParseFromArray(wire.data(), static_cast<int>(wire.size()))) {
    return contentError(ErrorCode::InvalidArgument, "content.malformed", "object does not parse");
  }
  EncryptedObject o;
  if (!validKind(pb.kind())) {
    return contentError(ErrorCode::InvalidArgument, "content.malformed", "bad kind");
  }
  o.context.kind = pb.kind();
  auto group = GroupId::fromBytes(asBytes(pb.group_id()));
  auto object = ObjectId::fromBytes(asBytes(pb.object_id()));
  auto author = DeviceId::fromBytes(asBytes(pb.author_device_id()));
  auto head = Hash::fromBytes(asBytes(pb.chain_head()));
  if (!group || !object || !author || !head || pb.signature().size() != kSignatureSize) {
    return contentError(ErrorCode::InvalidArgument, "content.malformed",
                        "a field has the wrong size");
  }
  o.context.group = *group;
  o.context.object = *object;
  o.context.version = pb.version();
  o.context.epoch = pb.epoch();
  o.context.author = *author;
  o.context.chainHead = *head;
  o.ciphertext.assign(pb.ciphertext().begin(), pb.ciphertext().end());
  o.wrappedKey.assign(pb.wrapped_key().begin(), pb.wrapped_key().end());
  o.wrappedWithCaseKey = pb.wrapped_with_case_key();
  if (!pb.case_id().empty()) {
    auto c = CaseId::fromBytes(asBytes(pb.case_id()));
    if (!c) return contentError(ErrorCode::InvalidArgument, "content.malformed", "bad case id");
    o.caseId = *c;
  }
  if (o.wrappedWithCaseKey != o.caseId.has_value()) {
    return contentError(ErrorCode::InvalidArgument, "content.malformed",
                        "case key flag and case id disagree");
  }
  std::copy(pb.signature().begin(), pb.signature().end(), o.signature.begin());
  return o;
}

Result<EncryptedObject> encryptObject(const ContentContext& context, ByteView plaintext,
                                      const WrappingKey& wrapping, const SigningKeyPair& author) {
  if (!validKind(context.kind)) {
    return contentError(ErrorCode::InvalidArgument, "content.bad_kind",
                        "kind must be 1-64 characters of a-z, 0-9 and '-'");
  }
  if (plaintext.size() > kMaxContentBytes) {
    return contentError(ErrorCode::InvalidArgument, "content.too_large",
                        "content above 4 MiB travels as an attachment");
  }
  if (wrapping.key.size() != kSymmetricKeySize) {
    return contentError(ErrorCode::InvalidArgument, "content.wrong_wrapping",
                        "a wrapping key is 32 bytes");
  }
  EncryptedObject o;
  o.context = context;
  ScopedSecret<kSymmetricKeySize> objectKey;
  fillRandom({objectKey.data(), kSymmetricKeySize});
  o.ciphertext = aeadSeal(objectKey.view(), plaintext, context.associatedData());
  o.wrappedKey = aeadSeal(wrapping.key, objectKey.view(), wrapAd(context));
  o.wrappedWithCaseKey = wrapping.caseId.has_value();
  o.caseId = wrapping.caseId;
  o.signature = author.sign(signedPart(o));
  return o;
}

Status verifyObjectAuthor(const EncryptedObject& o, const MembershipChain& chain) {
  SAMRAD_ASSIGN_OR_RETURN(SigningPublicKey key, objectAuthorKey(o, chain));
  return verifyObjectSignature(o, key);
}

Result<SigningPublicKey> objectAuthorKey(const EncryptedObject& o, const MembershipChain& chain) {
  const ContentContext& c = o.context;
  const GroupState* at = chain.stateAtHead(c.chainHead);
  if (at == nullptr) {
    return contentError(ErrorCode::FailedPrecondition, "content.unknown_head",
                        "the object refers to a chain head this client has not validated");
  }
  if (at->epoch != c.epoch) {
    return contentError(ErrorCode::InvalidArgument, "content.epoch_mismatch",
                        "the object's epoch does not match its chain head");
  }
  const ChainDevice* author = at->device(c.author);
  if (author == nullptr) {
    return contentError(ErrorCode::PermissionDenied, "content.author_not_member",
                        "the author device was not a member when it wrote this");
  }
  return author->signingKey;
}

Status verifyObjectSignature(const EncryptedObject& o, const SigningPublicKey& key) {
  if (!key.verify(signedPart(o), o.signature)) {
    return contentError(ErrorCode::PermissionDenied, "content.bad_signature",
                        "the author's signature does not verify");
  }
  return okStatus();
}

Result<SecretBytes> decryptObject(const EncryptedObject& o, const ContentExpectation& expected,
                                  const MembershipChain& chain, const WrappingKey& wrapping) {
  const ContentContext& c = o.context;
  if (c.kind != expected.kind) {
    return contentError(ErrorCode::InvalidArgument, "content.wrong_kind",
                        "the object is of another kind than asked for");
  }
  if (c.group != expected.group) {
    return contentError(ErrorCode::InvalidArgument, "content.wrong_group",
                        "the object belongs to another group");
  }
  if (c.object != expected.object) {
    return contentError(ErrorCode::InvalidArgument, "content.wrong_object",
                        "the server returned another object than asked for");
  }
  if (expected.version && c.version != *expected.version) {
    return contentError(ErrorCode::InvalidArgument, "content.wrong_version",
                        "the server returned another version than asked for");
  }
  SAMRAD_TRY(verifyObjectAuthor(o, chain));
  if (wrapping.caseId != o.caseId) {
    return contentError(ErrorCode::InvalidArgument, "content.wrong_wrapping",
                        "the object is wrapped with another key than offered");
  }
  ScopedSecret<kSymmetricKeySize> objectKey;
  if (!aeadOpenInto(wrapping.key.view(), o.wrappedKey, wrapAd(c),
                    {objectKey.data(), kSymmetricKeySize})
           .ok()) {
    return contentError(ErrorCode::PermissionDenied, "content.unwrap_failed",
                        "the object key does not open with this epoch or case key");
  }
  return aeadOpen(objectKey.view(), o.ciphertext, c.associatedData());
}

Hash objectDigest(const EncryptedObject& o) {
  return sha256(o.serialize());
}

Status checkSuccessor(const KeptVersion& kept, const EncryptedObject& next,
                      const MembershipChain& chain) {
  const ContentContext& c = next.context;
  if (c.version == kept.version) {
    const bool same = kept.digest ? *kept.digest == objectDigest(next) : c.author == kept.author;
    if (!same) {
      return contentError(ErrorCode::PermissionDenied, "content.equivocation",
                          "the server served another object under a version this device holds");
    }
    return okStatus();
  }
  if (c.version < kept.version) return okStatus();
  const GroupState* named = chain.stateAtHead(c.chainHead);
  if (named == nullptr) {
    return contentError(ErrorCode::FailedPrecondition, "content.unknown_head",
                        "the object refers to a chain head this client has not validated");
  }
  if (c.epoch < kept.epoch || named->seq < kept.headSeq) {
    return contentError(ErrorCode::PermissionDenied, "content.older_epoch",
                        "a new version names an older epoch or membership state than the "
                        "version it replaces");
  }
  if (chain.state().device(c.author) == nullptr) {
    const auto left = chain.leftAt(c.author);
    if (left && *left <= kept.keptAtSeq) {
      return contentError(ErrorCode::PermissionDenied, "content.removed_author",
                          "a new version comes from a device that had left the group before the "
                          "version it replaces was read");
    }
  }
  return okStatus();
}

Status VersionGuard::accept(const ObjectId& object, std::uint64_t version, const Hash& digest) {
  auto it = seen_.find(object);
  if (it != seen_.end()) {
    if (version < it->second.first) {
      return contentError(ErrorCode::FailedPrecondition, "content.rollback",
                          "an older version was offered after a newer one");
    }
    if (version == it->second.first) {
      if (digest != it->second.second) {
        return contentError(ErrorCode::PermissionDenied, "content.equivocation",
                            "two different objects claim the same version");
      }
      return okStatus();
    }
  }
  seen_[object] = {version, digest};
  return okStatus();
}

std::vector<CaseKeyBox> sealCaseKey(const GroupId& group, const CaseId& caseId,
                                    const SecretBytes& caseKey,
                                    std::span<const ChainDevice> allowed) {
  std::vector<CaseKeyBox> out;
  out.reserve(allowed.size());
  for (const auto& d : allowed) {
    Bytes plain = caseBinding(group, caseId, d.id);
    appendBytes(plain, caseKey.view());
    out.push_back({d.id, sealTo(d.boxKey, plain)});
    wipe(plain);
  }
  return out;
}

Result<SecretBytes> openCaseKey(const GroupId& group, const CaseId& caseId, const DeviceId& me,
                                const BoxKeyPair& myBoxKey, ByteView sealed) {
  SAMRAD_ASSIGN_OR_RETURN(SecretBytes plain, openSealed(myBoxKey, sealed));
  const Bytes binding = caseBinding(group, caseId, me);
  if (plain.size() != binding.size() + kSymmetricKeySize ||
      !constantTimeEqual(ByteView(plain.data(), binding.size()), binding)) {
    return contentError(ErrorCode::PermissionDenied, "case_key.misbound",
                        "the case key is bound to another group, case or device");
  }
  return SecretBytes::copyOf(ByteView(plain.data() + binding.size(), kSymmetricKeySize));
}

}  // namespace samrad::crypto
