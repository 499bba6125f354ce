// The group's key for repeat checks (DESIGN §2, crypto/person_tag.h): only
// the devices that register referrals hold it — the coordinator's and the
// members' — each through a box sealed to it in one object the coordinator's
// computer alone writes. When a device that held the key may no longer, the
// coordinator's computer draws a new one and has the server re-key every
// stored tag with δ, so repeat checks go on across the change while the one
// who left cannot make a tag the server will match.
#include <algorithm>
#include <set>

#include "key_boxes.h"
#include "samrad/client/replica.h"
#include "samrad/common/record_kinds.h"

namespace samrad::client {
namespace {

using crypto::Bytes;

crypto::ObjectId tagKeyObject(const crypto::GroupId& group) {
  const crypto::Hash h = crypto::sha256({crypto::asBytes(kPersonTagKeyLabel), group.view()});
  return *crypto::ObjectId::fromBytes(crypto::ByteView(h.bytes.data(), 16));
}

Error noKey() {
  return Error(ErrorCode::PermissionDenied, "referral.no_key",
               "this device has not been given the key for repeat checks yet; the coordinator's "
               "computer gives it at its next sync");
}

const std::string kKind(kPersonTagKeyKind);

}  // namespace

Result<std::optional<GroupReplica::TagKeyObject>> GroupReplica::fetchTagKeyObject(
    PlatformClient& server) {
  SAMRAD_TRY(stopped());
  const crypto::ObjectId id = tagKeyObject(group_);
  auto wire = server.getObject(group_, id);
  if (!wire) {
    if (wire.error().code() == ErrorCode::NotFound) return std::optional<TagKeyObject>{};
    if (wire.error().code() == ErrorCode::PermissionDenied) return noKey();
    return wire.error();
  }
  auto obj = crypto::EncryptedObject::parse(*wire);
  if (!obj) return *(failed_ = verifyError("the key for repeat checks", obj.error()));
  if (obj->context.kind != kKind) {
    return *(failed_ = verifyError(
                 "the key for repeat checks",
                 Error(ErrorCode::DataLoss, "person_tag.kind", "the object holds something else")));
  }
  // Only the coordinator gives out the key (the server holds writers to
  // that too): a member's device cannot hand the others a key of its own.
  if (!chain_.state().isCoordinatorDevice(obj->context.author)) {
    return *(failed_ = verifyError("the key for repeat checks",
                                   Error(ErrorCode::DataLoss, "person_tag.author",
                                         "it was not written by the group's coordinator")));
  }
  SAMRAD_ASSIGN_OR_RETURN(auto epoch, epochKey(server, obj->context.epoch));
  auto boxes =
      crypto::decryptObject(*obj, {group_, id, std::nullopt, kKind}, chain_, {epoch, std::nullopt});
  if (!boxes) return *(failed_ = verifyError("the key for repeat checks", boxes.error()));
  return std::optional<TagKeyObject>{
      TagKeyObject{Bytes(boxes->view().begin(), boxes->view().end()), obj->context.version}};
}

Result<crypto::PersonTagKey> GroupReplica::personTagKey(PlatformClient& server, bool fresh) {
  SAMRAD_TRY(stopped());
  if (tagKey_ && !fresh) return tagKey_->copy();
  SAMRAD_ASSIGN_OR_RETURN(auto object, fetchTagKeyObject(server));
  if (!object) return noKey();
  auto box = boxFor(object->boxes, me_.device);
  if (!box) return box.error().code() == ErrorCode::DataLoss ? box.error() : noKey();
  auto key = crypto::openPersonTagKey(group_, me_.device, me_.box, *box);
  if (!key) return *(failed_ = verifyError("the key for repeat checks", key.error()));
  tagKey_ = key->copy();
  return std::move(key).value();
}

Status GroupReplica::ensurePersonTagKey(PlatformClient& server, std::int64_t now) {
  SAMRAD_TRY(stopped());
  const crypto::GroupState& state = chain_.state();
  if (!state.isCoordinatorDevice(me_.device)) return okStatus();
  // Who holds it: every usable device of the coordinator and the members.
  std::vector<crypto::ChainDevice> holders;
  std::set<crypto::DeviceId> holderIds;
  for (const auto& [user, m] : state.members) {
    if (m.role != crypto::GroupRole::Coordinator && m.role != crypto::GroupRole::Member) continue;
    for (const auto& [id, d] : m.devices) {
      if (crypto::standingOf(d, revoked_, now) != crypto::DeviceStanding::Usable) continue;
      holders.push_back(d);
      holderIds.insert(d.id);
    }
  }
  SAMRAD_ASSIGN_OR_RETURN(auto object, fetchTagKeyObject(server));
  std::optional<crypto::PersonTagKey> next;
  std::uint64_t expected = 0;
  if (!object) {
    next = crypto::newPersonTagKey();
  } else {
    expected = object->version;
    SAMRAD_ASSIGN_OR_RETURN(auto boxed, boxedDevices(object->boxes));
    SAMRAD_ASSIGN_OR_RETURN(auto current, personTagKey(server, true));
    const std::set<crypto::DeviceId> had(boxed.begin(), boxed.end());
    const bool someoneLeft = std::any_of(
        had.begin(), had.end(), [&](const crypto::DeviceId& d) { return holderIds.count(d) == 0; });
    const bool someoneNew =
        std::any_of(holderIds.begin(), holderIds.end(),
                    [&](const crypto::DeviceId& d) { return had.count(d) == 0; });
    if (someoneLeft) {
      next = crypto::rotatePersonTagKey(current);
    } else if (someoneNew) {
      next = current.copy();
    } else {
      tagKey_ = current.copy();
    }
  }
  if (next) {
    const Bytes boxes = encodeBoxes(crypto::sealPersonTagKey(group_, *next, holders));
    const crypto::ObjectId id = tagKeyObject(group_);
    SAMRAD_ASSIGN_OR_RETURN(auto epoch, epochKey(server, state.epoch));
    const crypto::ContentContext ctx{kKind,       group_,     id,        expected + 1,
                                     state.epoch, me_.device, state.head};
    SAMRAD_ASSIGN_OR_RETURN(auto obj,
                            crypto::encryptObject(ctx, boxes, {epoch, std::nullopt}, me_.signing));
    std::vector<crypto::DeviceId> ids(holderIds.begin(), holderIds.end());
    auto put = server.putObject(group_, id, expected, obj.serialize(), ids);
    if (!put) {
      // Another coordinator device was quicker: its key stands; next sync.
      if (put.error().code() == ErrorCode::Aborted) return okStatus();
      return put.error();
    }
    tagKey_ = next->copy();
  }
  // The server re-keys the stored tags to the key's generation (asking
  // again for a generation it has is a no-op): until it has, tags of the new
  // generation are refused, so this is tried at every sync until it holds.
  if (tagKey_ && tagKey_->generation > 1 && tagGenerationConfirmed_ != tagKey_->generation) {
    SAMRAD_ASSIGN_OR_RETURN(auto delta, crypto::personTagDelta(*tagKey_));
    SAMRAD_ASSIGN_OR_RETURN(auto generation,
                            server.rotatePersonTags(group_, tagKey_->generation, delta.view(),
                                                    crypto::randomBytes(16)));
    tagGenerationConfirmed_ = generation;
  }
  return okStatus();
}

}  // namespace samrad::client
