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
  // Judged by the membership when it was written — a coordinator who has
  // since stepped down or lost the laptop wrote it rightly — and a key not
  // from a coordinator is simply not used (the group goes on).
  const crypto::GroupState* then = chain_.stateAtHead(obj->context.chainHead);
  if (then == nullptr || !then->isCoordinatorDevice(obj->context.author)) {
    return Error(ErrorCode::PermissionDenied, "referral.no_key",
                 "the key for repeat checks was not given out by the group's coordinator");
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

// The server re-keys the stored tags to the key's generation (asking again
// for a generation it has is a no-op): until it has, tags of the new
// generation are refused, so this is tried at every sync until it holds.
Status GroupReplica::confirmGeneration(PlatformClient& server, const crypto::PersonTagKey& key) {
  if (key.generation <= 1 || tagGenerationConfirmed_ == key.generation) return okStatus();
  SAMRAD_ASSIGN_OR_RETURN(auto delta, crypto::personTagDelta(key));
  SAMRAD_ASSIGN_OR_RETURN(
      auto generation,
      server.rotatePersonTags(group_, key.generation, delta.view(), crypto::randomBytes(16)));
  tagGenerationConfirmed_ = generation;
  return okStatus();
}

Status GroupReplica::ensurePersonTagKey(PlatformClient& server, std::int64_t now) {
  SAMRAD_TRY(stopped());
  const crypto::GroupState& state = chain_.state();
  if (!state.isCoordinatorDevice(me_.device)) return okStatus();
  const auto checkedNow = std::chrono::steady_clock::now();
  if (tagKeyChecked_ && tagKeyChecked_->head == state.head && tagKeyChecked_->revoked == revoked_ &&
      checkedNow - tagKeyChecked_->at < std::chrono::hours(1) &&
      (!tagKey_ || tagKey_->generation <= 1 || tagGenerationConfirmed_ == tagKey_->generation)) {
    return okStatus();
  }
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
    // A renewal the server has not applied yet goes first: the key never
    // runs more than one generation ahead of the server's tags.
    SAMRAD_TRY(confirmGeneration(server, current));
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
  if (tagKey_) SAMRAD_TRY(confirmGeneration(server, *tagKey_));
  tagKeyChecked_ = TagKeyChecked{state.head, revoked_, checkedNow};
  return okStatus();
}

}  // namespace samrad::client
