// Content encryption (DESIGN §3): a fresh key per object version,
// XChaCha20-Poly1305 under associated data that binds kind, group, object,
// version, epoch, author device and chain head. The object key is wrapped with
// the epoch key, or with a case key sealed only to the devices allowed to see
// a case. The author device signs the associated data and the hashes of the
// ciphertext and the wrapped key; a receiver checks the author was a member at
// that epoch and the signature before decrypting anything — the shared key
// alone would let any member forge.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "samrad/common/result.h"
#include "samrad/crypto/membership.h"

namespace samrad::crypto {

inline constexpr std::size_t kMaxKindLength = 64;
inline constexpr std::size_t kMaxContentBytes = 4 * 1024 * 1024;

struct ContentContext {
  std::string kind;  // e.g. "case-brief", "minutes", "consent"
  GroupId group;
  ObjectId object;
  std::uint64_t version = 0;
  std::uint64_t epoch = 0;
  DeviceId author;
  Hash chainHead;

  // The canonical associated data: fixed-size fields, length-prefixed kind.
  [[nodiscard]] Bytes associatedData() const;
};

struct EncryptedObject {
  ContentContext context;
  Bytes ciphertext;  // nonce || XChaCha20-Poly1305 ciphertext
  Bytes wrappedKey;  // nonce || object key under the wrapping key
  bool wrappedWithCaseKey = false;
  std::optional<CaseId> caseId;
  std::array<std::uint8_t, kSignatureSize> signature{};

  [[nodiscard]] Bytes serialize() const;
  static Result<EncryptedObject> parse(ByteView wire);
};

// How the object key is wrapped.
struct WrappingKey {
  const SecretBytes& key;
  std::optional<CaseId> caseId;  // set: a case key; unset: the epoch key
};

Result<EncryptedObject> encryptObject(const ContentContext& context, ByteView plaintext,
                                      const WrappingKey& wrapping, const SigningKeyPair& author);

// What the reader expects: the object it asked for.
struct ContentExpectation {
  GroupId group;
  ObjectId object;
  std::optional<std::uint64_t> version;
  std::string kind;
};

// The checks that need no key: the author device was a member at the
// object's chain head and signed it. The server runs this before storing.
// Reasons: content.unknown_head, content.epoch_mismatch,
// content.author_not_member, content.bad_signature.
Status verifyObjectAuthor(const EncryptedObject& object, const MembershipChain& chain);
// The two halves of verifyObjectAuthor, so a server can look the key up under
// its lock and check the signature (the costly part) outside it.
Result<SigningPublicKey> objectAuthorKey(const EncryptedObject& object,
                                         const MembershipChain& chain);
Status verifyObjectSignature(const EncryptedObject& object, const SigningPublicKey& key);

// Reasons, in the order they are checked: content.wrong_kind,
// content.wrong_group, content.wrong_object, content.wrong_version,
// content.unknown_head, content.epoch_mismatch, content.author_not_member,
// content.bad_signature, content.wrong_wrapping, content.unwrap_failed,
// aead.open_failed.
Result<SecretBytes> decryptObject(const EncryptedObject& object, const ContentExpectation& expected,
                                  const MembershipChain& chain, const WrappingKey& wrapping);

// Refuses older versions (rollback) and a second, different object under a
// version already seen (equivocation); the same version again is harmless.
// What a reader keeps of the version of an object it holds, to judge a
// version that would replace it: the epoch and the sequence number of the
// chain head it names, and how far the reader's chain reached when it kept it.
struct KeptVersion {
  std::uint64_t version = 0;
  std::uint64_t epoch = 0;
  std::uint64_t headSeq = 0;
  std::uint64_t keptAtSeq = 0;
  // SHA-256 of the version as the server served it (objectDigest); unset for
  // a device's own write kept before it saw the server's copy.
  std::optional<Hash> digest;
  DeviceId author;
};

// What identifies one version as served: SHA-256 of its serialized form.
Hash objectDigest(const EncryptedObject& o);

// A newer version `next` (already verified by decryptObject) may replace
// `kept`: it names no older epoch or chain head (a writer encrypts with the
// chain as it stands, which reaches at least as far as the version it read),
// and its author had not left the group before the reader kept `kept` (an
// honest server would have served `next` then, or refused it). The same
// version again must be the same version (its digest, or for an own write
// kept without one, its author): a server cannot swap a kept version for
// another under its number. An older one is not judged here (the rollback
// check is). Reasons: content.older_epoch, content.removed_author,
// content.equivocation.
Status checkSuccessor(const KeptVersion& kept, const EncryptedObject& next,
                      const MembershipChain& chain);

class VersionGuard {
 public:
  Status accept(const ObjectId& object, std::uint64_t version, const Hash& digest);

 private:
  std::map<ObjectId, std::pair<std::uint64_t, Hash>> seen_;
};

// Case keys: sealed only to the devices allowed to see a case (consent scope,
// recusal), bound to group, case and device like epoch boxes.
struct CaseKeyBox {
  DeviceId device;
  Bytes sealed;
};
std::vector<CaseKeyBox> sealCaseKey(const GroupId& group, const CaseId& caseId,
                                    const SecretBytes& caseKey,
                                    std::span<const ChainDevice> allowed);
Result<SecretBytes> openCaseKey(const GroupId& group, const CaseId& caseId, const DeviceId& me,
                                const BoxKeyPair& myBoxKey, ByteView sealed);

}  // namespace samrad::crypto
