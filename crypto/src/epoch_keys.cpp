#include "samrad/crypto/epoch_keys.h"

#include <set>

#include "samrad/v1/crypto.pb.h"

namespace samrad::crypto {
namespace {

Bytes boxBinding(const GroupId& group, std::uint64_t epoch, const DeviceId& device) {
  Bytes b;
  appendBytes(b, group.view());
  appendU64(b, epoch);
  appendBytes(b, device.view());
  return b;
}

Bytes previousKeyAd(const GroupId& group, std::uint64_t epoch) {
  static constexpr std::string_view kLabel{"samrad/v1/previous-epoch-key\0", 29};
  Bytes ad;
  appendBytes(ad, asBytes(kLabel));
  appendBytes(ad, group.view());
  appendU64(ad, epoch);
  return ad;
}

Error epochError(ErrorCode code, const char* reason, const char* message) {
  return Error(code, reason, message);
}

}  // namespace

Status requireUsableRecipients(const MembershipChain& chain, std::span<const DeviceId> recipients,
                               const RevocationList& revoked, std::int64_t at) {
  for (const auto& id : recipients) {
    const ChainDevice* d = chain.state().device(id);
    if (d == nullptr) continue;  // not a member: inspectEpochKeyBundle refuses it
    switch (standingOf(*d, revoked, at)) {
      case DeviceStanding::Usable:
        break;
      case DeviceStanding::Revoked:
        return Error(ErrorCode::FailedPrecondition, "epoch.unusable_recipient",
                     "device " + id.hex().substr(0, 8) +
                         " has been revoked: it must leave the group before a key is sealed "
                         "to it");
      case DeviceStanding::Expired:
        return Error(ErrorCode::FailedPrecondition, "epoch.unusable_recipient",
                     "device " + id.hex().substr(0, 8) +
                         "'s certificate is not valid now: it must leave the group before a key "
                         "is sealed to it");
    }
  }
  return okStatus();
}

Result<Envelope> makeEpochKeyBundle(const MembershipChain& chain, const SecretBytes& key,
                                    const SecretBytes* previousKey, const SigningKeyPair& author,
                                    const DeviceId& authorDevice, const RevocationList& revoked,
                                    std::int64_t at) {
  const GroupState& s = chain.state();
  std::vector<DeviceId> all;
  for (const auto& d : s.allDevices()) all.push_back(d.id);
  SAMRAD_TRY(requireUsableRecipients(chain, all, revoked, at));
  if (key.size() != kSymmetricKeySize) {
    return epochError(ErrorCode::InvalidArgument, "epoch.malformed", "an epoch key is 32 bytes");
  }
  if (!s.isCoordinatorDevice(authorDevice)) {
    return epochError(ErrorCode::PermissionDenied, "epoch.not_coordinator",
                      "only a coordinator's device distributes epoch keys");
  }
  samrad::v1::EpochKeyBundle pb;
  pb.set_group_id(s.group.str());
  pb.set_epoch(s.epoch);
  pb.set_chain_head(s.head.str());
  pb.set_author_device_id(authorDevice.str());
  for (const auto& d : s.allDevices()) {
    Bytes plain = boxBinding(s.group, s.epoch, d.id);
    appendBytes(plain, key.view());
    const Bytes sealed = sealTo(d.boxKey, plain);
    wipe(plain);
    auto* box = pb.add_boxes();
    box->set_device_id(d.id.str());
    box->set_sealed(sealed.data(), sealed.size());
  }
  if (previousKey != nullptr) {
    const Bytes wrapped = aeadSeal(key, previousKey->view(), previousKeyAd(s.group, s.epoch));
    pb.set_previous_key(wrapped.data(), wrapped.size());
  }
  std::string body;
  pb.SerializeToString(&body);
  return signEnvelope(EnvelopeKind::EpochKeys, asBytes(body), author);
}

Result<EpochBundleInfo> inspectEpochKeyBundle(const Envelope& bundle,
                                              const MembershipChain& chain) {
  // Verify before parse: the signer must be a device the chain has known (a
  // coordinator may have left since making an older bundle).
  const ChainDevice* found = chain.deviceByKeyId(bundle.signerKeyId);
  if (found == nullptr) {
    return epochError(ErrorCode::PermissionDenied, "epoch.unknown_signer",
                      "the bundle is signed by a device the chain does not know");
  }
  SAMRAD_TRY(verifyEnvelope(EnvelopeKind::EpochKeys, bundle, found->signingKey));

  samrad::v1::EpochKeyBundle pb;
  if (!pb.ParseFromArray(bundle.body.data(), static_cast<int>(bundle.body.size()))) {
    return epochError(ErrorCode::InvalidArgument, "epoch.malformed", "bundle does not parse");
  }
  if (pb.group_id() != chain.state().group.str()) {
    return epochError(ErrorCode::InvalidArgument, "epoch.wrong_group",
                      "the bundle belongs to another group");
  }
  SAMRAD_ASSIGN_OR_RETURN(Hash head, Hash::fromBytes(asBytes(pb.chain_head())));
  const GroupState* at = chain.stateAtHead(head);
  if (at == nullptr) {
    return epochError(ErrorCode::FailedPrecondition, "epoch.unknown_head",
                      "the bundle refers to a chain head this client has not validated");
  }
  if (pb.epoch() != at->epoch) {
    return epochError(ErrorCode::InvalidArgument, "epoch.wrong_epoch",
                      "the bundle's epoch does not match the chain at its head");
  }
  if (pb.author_device_id() != found->id.str() || !at->isCoordinatorDevice(found->id)) {
    return epochError(ErrorCode::PermissionDenied, "epoch.not_coordinator",
                      "the bundle's signer was not a coordinator's device at its head");
  }
  // Exactly the devices of the group at that head: none missing, none extra.
  std::set<DeviceId> expected;
  for (const auto& d : at->allDevices()) expected.insert(d.id);
  std::set<DeviceId> seen;
  EpochBundleInfo info;
  info.epoch = pb.epoch();
  info.chainHead = head;
  for (const auto& box : pb.boxes()) {
    auto id = DeviceId::fromBytes(asBytes(box.device_id()));
    if (!id) return epochError(ErrorCode::InvalidArgument, "epoch.malformed", "bad device id");
    if (!seen.insert(*id).second) {
      return epochError(ErrorCode::InvalidArgument, "epoch.duplicate_device",
                        "a device has two boxes");
    }
    if (expected.count(*id) == 0) {
      return epochError(ErrorCode::PermissionDenied, "epoch.ghost_device",
                        "the bundle seals the key to a device that is not a member");
    }
    info.recipients.push_back(*id);
  }
  if (seen != expected) {
    return epochError(ErrorCode::FailedPrecondition, "epoch.missing_device",
                      "a member device has no box in the bundle");
  }
  return info;
}

Result<OpenedEpochKeys> openEpochKeyBundle(const Envelope& bundle, const MembershipChain& chain,
                                           const DeviceId& me, const BoxKeyPair& myBoxKey) {
  SAMRAD_ASSIGN_OR_RETURN(EpochBundleInfo info, inspectEpochKeyBundle(bundle, chain));
  samrad::v1::EpochKeyBundle pb;
  pb.ParseFromArray(bundle.body.data(), static_cast<int>(bundle.body.size()));
  const samrad::v1::EpochKeyBox* mine = nullptr;
  for (const auto& box : pb.boxes()) {
    if (box.device_id() == me.str()) mine = &box;
  }
  if (mine == nullptr) {
    return epochError(ErrorCode::NotFound, "epoch.not_for_me",
                      "this device is not a member at the bundle's epoch");
  }
  SAMRAD_ASSIGN_OR_RETURN(SecretBytes plain, openSealed(myBoxKey, asBytes(mine->sealed())));
  const Bytes binding = boxBinding(chain.state().group, pb.epoch(), me);
  if (plain.size() != binding.size() + kSymmetricKeySize ||
      !constantTimeEqual(ByteView(plain.data(), binding.size()), binding)) {
    return epochError(ErrorCode::PermissionDenied, "epoch.box_misbound",
                      "the sealed key is bound to another group, epoch or device");
  }
  OpenedEpochKeys out;
  out.epoch = pb.epoch();
  out.key = SecretBytes::copyOf(ByteView(plain.data() + binding.size(), kSymmetricKeySize));
  if (!pb.previous_key().empty()) {
    auto prev = aeadOpen(out.key, asBytes(pb.previous_key()),
                         previousKeyAd(chain.state().group, pb.epoch()));
    if (!prev || prev->size() != kSymmetricKeySize) {
      return epochError(ErrorCode::PermissionDenied, "epoch.previous_key",
                        "the previous epoch key does not open");
    }
    out.previousKey = std::move(prev).value();
  }
  return out;
}

namespace {

Bytes historyBinding(const GroupId& group, const DeviceId& device) {
  static constexpr std::string_view kLabel{"samrad/v1/epoch-history\0", 24};
  Bytes b;
  appendBytes(b, asBytes(kLabel));
  appendBytes(b, group.view());
  appendBytes(b, device.view());
  return b;
}

}  // namespace

std::vector<std::uint8_t> sealEpochHistory(
    const GroupId& group, const ChainDevice& to,
    const std::vector<std::pair<std::uint64_t, const SecretBytes*>>& keys) {
  Bytes plain = historyBinding(group, to.id);
  plain.reserve(plain.size() + keys.size() * (8 + kSymmetricKeySize));
  for (const auto& [epoch, key] : keys) {
    for (int shift = 56; shift >= 0; shift -= 8) {
      plain.push_back(static_cast<std::uint8_t>(epoch >> shift));
    }
    appendBytes(plain, key->view());
  }
  Bytes sealed = sealTo(to.boxKey, plain);
  wipe(plain);
  return sealed;
}

Result<std::vector<std::pair<std::uint64_t, SecretBytes>>> openEpochHistory(
    const GroupId& group, const DeviceId& me, const BoxKeyPair& myBoxKey, ByteView sealed) {
  SAMRAD_ASSIGN_OR_RETURN(SecretBytes plain, openSealed(myBoxKey, sealed));
  const Bytes binding = historyBinding(group, me);
  constexpr std::size_t kEntry = 8 + kSymmetricKeySize;
  if (plain.size() < binding.size() || (plain.size() - binding.size()) % kEntry != 0 ||
      !constantTimeEqual(ByteView(plain.data(), binding.size()), binding)) {
    return Error(ErrorCode::PermissionDenied, "epoch.history_misbound",
                 "the group's history is bound to another group or device");
  }
  std::vector<std::pair<std::uint64_t, SecretBytes>> out;
  for (std::size_t at = binding.size(); at < plain.size(); at += kEntry) {
    std::uint64_t epoch = 0;
    for (std::size_t i = 0; i < 8; ++i) epoch = (epoch << 8) | plain.data()[at + i];
    out.emplace_back(epoch,
                     SecretBytes::copyOf(ByteView(plain.data() + at + 8, kSymmetricKeySize)));
  }
  return out;
}

}  // namespace samrad::crypto
