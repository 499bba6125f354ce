#include "samrad/client/replica.h"

#include <algorithm>
#include <map>

#include "key_boxes.h"
#include "samrad/client/cases.h"
#include "samrad/client/record_rules.h"
#include "samrad/common/record_kinds.h"
#include "samrad/crypto/content.h"
#include "samrad/crypto/epoch_keys.h"
#include "samrad/crypto/object_ids.h"

namespace samrad::client {
namespace {

using crypto::Bytes;

constexpr int kEventLinkAppended = 1;
constexpr int kEventObjectWritten = 3;
constexpr int kEventObjectDeleted = 4;
constexpr int kEventAccessNarrowed = 5;
constexpr int kEventConsentChanged = 6;

std::int64_t wallClock() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool offline(const Error& e) {
  return e.code() == ErrorCode::Unavailable;  // includes a deadline passing
}

// A fetch of an earlier version that failed for want of access or keys (not
// a verification failure, not the network): nothing to judge by.
bool beyondJudgement(const Error& e) {
  return e.code() != ErrorCode::DataLoss && e.code() != ErrorCode::Unavailable;
}

template <typename I>
Result<I> idFrom(const Bytes& b) {
  auto id = I::fromBytes(b);
  if (!id) return Error(ErrorCode::DataLoss, "replica.corrupt", "a cached id has the wrong size");
  return *id;
}

constexpr const char* kCaseKeysKind = "case-keys";
constexpr const char* kGroupSecretKind = "group-secret";

// The identity this device cosigns the log with: only a member's device the
// chain knows — never an agency's recovery key, which is kept offline and
// watches nothing (its cosignature would let the paper stand in for the
// agency's witness).
const DeviceIdentity* witnessAs(const crypto::GroupState& state, const DeviceIdentity& me) {
  const crypto::ChainMember* m = state.memberOf(me.device);
  return m != nullptr && m->role != crypto::GroupRole::Recovery ? &me : nullptr;
}

Bytes encodeDevices(const std::vector<crypto::DeviceId>& devices) {
  Bytes out;
  for (const auto& d : devices) crypto::appendBytes(out, d.view());
  return out;
}

std::vector<crypto::DeviceId> decodeDevices(const Bytes& raw) {
  std::vector<crypto::DeviceId> out;
  for (std::size_t at = 0; at + 16 <= raw.size(); at += 16) {
    if (auto d = crypto::DeviceId::fromBytes(crypto::ByteView(raw.data() + at, 16))) {
      out.push_back(*d);
    }
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<GroupReplica>> GroupReplica::open(db::Database& cache, DeviceIdentity me,
                                                         crypto::TrustStore roots,
                                                         const crypto::GroupId& group,
                                                         const std::string& logKey) {
  std::unique_ptr<GroupReplica> r(new GroupReplica(cache, std::move(me), std::move(roots), group));
  SAMRAD_ASSIGN_OR_RETURN(r->log_, LogMonitor::open(cache, crypto::LogId::ofGroup(group), logKey));
  SAMRAD_ASSIGN_OR_RETURN(r->dir_, LogMonitor::open(cache, crypto::LogId::directory(), logKey));
  SAMRAD_TRY(r->load());
  return r;
}

Status GroupReplica::load() {
  SAMRAD_ASSIGN_OR_RETURN(auto seq,
                          db_.prepare("SELECT last_seq FROM replica_groups WHERE group_id = ?1"));
  seq.bindBlob(1, group_.view());
  SAMRAD_ASSIGN_OR_RETURN(bool found, seq.step());
  if (found) lastSeq_ = static_cast<std::uint64_t>(seq.columnInt(0));
  // The chain this device accepted before is validated again from genesis:
  // the cache is trusted no more than the server.
  SAMRAD_ASSIGN_OR_RETURN(
      auto links, db_.prepare("SELECT link FROM replica_links WHERE group_id = ?1 ORDER BY seq"));
  links.bindBlob(1, group_.view());
  std::vector<crypto::Envelope> envs;
  for (;;) {
    SAMRAD_ASSIGN_OR_RETURN(bool row, links.step());
    if (!row) break;
    SAMRAD_ASSIGN_OR_RETURN(auto env, crypto::Envelope::parse(links.columnBlob(0)));
    envs.push_back(std::move(env));
  }
  SAMRAD_ASSIGN_OR_RETURN(revoked_, log_->revocations());
  if (envs.empty()) return okStatus();
  auto chain = crypto::MembershipChain::validate(roots_, crypto::chainRevocations(revoked_), envs);
  if (!chain) return verifyError("the locally stored membership chain", chain.error());
  chain_ = std::move(chain).value();
  return okStatus();
}

Status GroupReplica::stopped() const {
  if (failed_) return *failed_;
  return okStatus();
}

Status GroupReplica::refreshChain(PlatformClient& server) {
  SAMRAD_TRY(stopped());
  SAMRAD_ASSIGN_OR_RETURN(auto raw, server.getChain(group_));
  std::vector<crypto::Envelope> envs;
  for (const auto& l : raw) {
    auto env = crypto::Envelope::parse(l);
    if (!env) return *(failed_ = verifyError("a membership link from the server", env.error()));
    envs.push_back(std::move(env).value());
  }
  // What this device accepted before must be a prefix of what it gets now.
  const auto& known = chain_.links();
  if (envs.size() < known.size()) {
    failed_ = Error(ErrorCode::DataLoss, "verify.chain_rewritten",
                    "the server now shows a shorter membership chain than before (rollback); "
                    "this device stops using the group until it is checked");
    return *failed_;
  }
  for (std::size_t i = 0; i < known.size(); ++i) {
    if (envs[i].serialize() != known[i].serialize()) {
      failed_ = Error(ErrorCode::DataLoss, "verify.chain_rewritten",
                      "the server shows a membership chain that differs from the one this device "
                      "accepted (fork); this device stops using the group until it is checked");
      return *failed_;
    }
  }
  if (envs.size() == known.size()) return okStatus();
  auto chain = crypto::MembershipChain::validate(roots_, crypto::chainRevocations(revoked_), envs);
  if (!chain) return *(failed_ = verifyError("the group's membership chain", chain.error()));
  // Every link accepted — and every key it brings — must be in the server's
  // public log, under a checkpoint consistent with every earlier one.
  std::vector<Bytes> added;
  for (std::size_t i = known.size(); i < envs.size(); ++i) added.push_back(envs[i].serialize());
  for (const Status& s : {log_->refresh(server, witnessAs(chain->state(), me_)),
                          log_->requireIncluded(server, added)}) {
    if (s) continue;
    if (s.error().code() == ErrorCode::DataLoss) failed_ = s.error();
    return s.error();
  }
  SAMRAD_TRY(db_.transaction([&]() -> Status {
    for (std::size_t i = known.size(); i < envs.size(); ++i) {
      SAMRAD_ASSIGN_OR_RETURN(
          auto put,
          db_.prepare("INSERT INTO replica_links (group_id, seq, link) VALUES (?1, ?2, ?3)"));
      put.bindBlob(1, group_.view())
          .bind(2, static_cast<std::int64_t>(i))
          .bindBlob(3, envs[i].serialize());
      SAMRAD_TRY(put.run());
    }
    return okStatus();
  }));
  chain_ = std::move(chain).value();
  return okStatus();
}

Result<crypto::SecretBytes> GroupReplica::epochKey(PlatformClient& server, std::uint64_t epoch) {
  SAMRAD_ASSIGN_OR_RETURN(
      auto get,
      db_.prepare("SELECT key FROM replica_epoch_keys WHERE group_id = ?1 AND epoch = ?2"));
  get.bindBlob(1, group_.view()).bind(2, static_cast<std::int64_t>(epoch));
  SAMRAD_ASSIGN_OR_RETURN(bool found, get.step());
  if (found) return crypto::SecretBytes::copyOf(get.columnBlob(0));
  auto opened = openEpochBundle(server, epoch);
  if (!opened && opened.error().code() == ErrorCode::NotFound && epoch < chain_.state().epoch) {
    // A member who joined in the next epoch: this epoch's key travels under
    // that one's, and opening its bundle keeps it.
    auto next = openEpochBundle(server, epoch + 1);
    if (!next && next.error().code() != ErrorCode::NotFound &&
        next.error().code() != ErrorCode::PermissionDenied) {
      return next.error();
    }
    SAMRAD_TRY(get.reset());  // clears the bindings too
    get.bindBlob(1, group_.view()).bind(2, static_cast<std::int64_t>(epoch));
    SAMRAD_ASSIGN_OR_RETURN(bool now, get.step());
    if (now) return crypto::SecretBytes::copyOf(get.columnBlob(0));
  }
  // An epoch before this device joined (a replacement for a lost laptop):
  // the agency's recovery key may have granted it the group's history.
  if (!opened &&
      (opened.error().code() == ErrorCode::NotFound ||
       opened.error().code() == ErrorCode::PermissionDenied) &&
      epoch < chain_.state().epoch && !historyTried_) {
    historyTried_ = true;
    SAMRAD_ASSIGN_OR_RETURN(bool granted, openHistoryGrant(server));
    if (granted) {
      SAMRAD_TRY(get.reset());
      get.bindBlob(1, group_.view()).bind(2, static_cast<std::int64_t>(epoch));
      SAMRAD_ASSIGN_OR_RETURN(bool now, get.step());
      if (now) return crypto::SecretBytes::copyOf(get.columnBlob(0));
    }
  }
  return opened;
}

Result<crypto::SecretBytes> GroupReplica::openEpochBundle(PlatformClient& server,
                                                          std::uint64_t epoch) {
  SAMRAD_ASSIGN_OR_RETURN(auto bundle, server.getEpochKeys(group_, epoch));
  auto env = crypto::Envelope::parse(bundle.second);
  if (!env) return *(failed_ = verifyError("an epoch-key bundle", env.error()));
  auto opened = crypto::openEpochKeyBundle(*env, chain_, me_.device, me_.box);
  if (!opened) return *(failed_ = verifyError("an epoch-key bundle", opened.error()));
  if (opened->epoch != epoch) {
    failed_ = Error(ErrorCode::DataLoss, "verify.wrong_epoch",
                    "the server answered with the keys of another epoch");
    return *failed_;
  }
  SAMRAD_ASSIGN_OR_RETURN(
      auto put, db_.prepare("INSERT OR REPLACE INTO replica_epoch_keys (group_id, epoch, key) "
                            "VALUES (?1, ?2, ?3)"));
  put.bindBlob(1, group_.view())
      .bind(2, static_cast<std::int64_t>(epoch))
      .bindBlob(3, opened->key.view());
  SAMRAD_TRY(put.run());
  if (opened->previousKey && epoch > 1) {
    SAMRAD_ASSIGN_OR_RETURN(
        auto prev, db_.prepare("INSERT OR IGNORE INTO replica_epoch_keys (group_id, epoch, key) "
                               "VALUES (?1, ?2, ?3)"));
    prev.bindBlob(1, group_.view())
        .bind(2, static_cast<std::int64_t>(epoch - 1))
        .bindBlob(3, opened->previousKey->view());
    SAMRAD_TRY(prev.run());
  }
  return std::move(opened->key);
}

Result<crypto::SecretBytes> GroupReplica::caseKey(PlatformClient& server,
                                                  const crypto::CaseId& caseId) {
  SAMRAD_ASSIGN_OR_RETURN(
      auto get,
      db_.prepare("SELECT key FROM replica_case_keys WHERE group_id = ?1 AND case_id = ?2"));
  get.bindBlob(1, group_.view()).bindBlob(2, caseId.view());
  SAMRAD_ASSIGN_OR_RETURN(bool found, get.step());
  if (found) return crypto::SecretBytes::copyOf(get.columnBlob(0));
  const auto agency = agencyOf(me_.device);
  if (!agency) {
    return Error(ErrorCode::PermissionDenied, "case.no_key",
                 "this device is not among those the case is shared with");
  }
  // The agency's boxes from when the case was opened, then a box of this
  // device's own if the case was shared with it later.
  const auto noKey = [] {
    return Error(ErrorCode::PermissionDenied, "case.no_key",
                 "this device is not among those the case is shared with");
  };
  std::optional<Bytes> mine;
  for (const crypto::ObjectId& keysId : {crypto::caseKeysObjectId(caseId, *agency),
                                         crypto::caseKeyBoxObjectId(caseId, me_.device)}) {
    auto wire = server.getObject(group_, keysId);
    if (!wire) {
      if (wire.error().code() == ErrorCode::PermissionDenied ||
          wire.error().code() == ErrorCode::NotFound) {
        continue;
      }
      return wire.error();
    }
    auto obj = crypto::EncryptedObject::parse(*wire);
    if (!obj) return *(failed_ = verifyError("a case's key boxes", obj.error()));
    SAMRAD_ASSIGN_OR_RETURN(auto epoch, epochKey(server, obj->context.epoch));
    auto boxes = crypto::decryptObject(*obj, {group_, keysId, std::nullopt, kCaseKeysKind}, chain_,
                                       {epoch, std::nullopt});
    if (!boxes) return *(failed_ = verifyError("a case's key boxes", boxes.error()));
    // Only from a member's device, or this device's own agency's recovery
    // key: a key sealed by anyone else is not taken, whatever the server kept.
    const crypto::ChainMember* sealer =
        chain_.stateAtHead(obj->context.chainHead)->memberOf(obj->context.author);
    const crypto::ChainMember* self = chain_.state().memberOf(me_.device);
    const bool trusted =
        sealer != nullptr && checkAuthorRole(sealer, kCaseKeysKind) &&
        (sealer->role != crypto::GroupRole::Recovery ||
         (self != nullptr && sealer->certificate.agency == self->certificate.agency));
    if (!trusted) continue;
    auto box = boxFor(boxes->view(), me_.device);
    if (!box && box.error().reason() == "case.no_key") continue;
    if (!box) return box.error();
    mine = std::move(box).value();
    break;
  }
  if (!mine) return noKey();
  auto key = crypto::openCaseKey(group_, caseId, me_.device, me_.box, *mine);
  if (!key) return *(failed_ = verifyError("this device's case key", key.error()));
  SAMRAD_ASSIGN_OR_RETURN(
      auto put, db_.prepare("INSERT OR REPLACE INTO replica_case_keys (group_id, case_id, key, "
                            "published) VALUES (?1, ?2, ?3, 1)"));
  put.bindBlob(1, group_.view()).bindBlob(2, caseId.view()).bindBlob(3, key->view());
  SAMRAD_TRY(put.run());
  return std::move(key).value();
}

Result<crypto::SecretBytes> GroupReplica::ensureCaseKey(PlatformClient& server,
                                                        const CaseScope& scope) {
  SAMRAD_ASSIGN_OR_RETURN(auto get, db_.prepare("SELECT key, published FROM replica_case_keys "
                                                "WHERE group_id = ?1 AND case_id = ?2"));
  get.bindBlob(1, group_.view()).bindBlob(2, scope.caseId.view());
  SAMRAD_ASSIGN_OR_RETURN(bool found, get.step());
  if (found && get.columnInt(1) != 0) return crypto::SecretBytes::copyOf(get.columnBlob(0));
  if (!found) {
    // Someone else may have opened the case already: use their key if so.
    auto existing = caseKey(server, scope.caseId);
    if (existing) return existing;
    if (existing.error().reason() != "case.no_key") return existing.error();
  }
  auto key = found ? crypto::SecretBytes::copyOf(get.columnBlob(0))
                   : crypto::SecretBytes::random(crypto::kSymmetricKeySize);
  // Remember the key before publishing it, so a lost answer cannot leave
  // content sealed to a key this device forgot.
  SAMRAD_ASSIGN_OR_RETURN(
      auto keep, db_.prepare("INSERT OR REPLACE INTO replica_case_keys (group_id, case_id, key, "
                             "published) VALUES (?1, ?2, ?3, 0)"));
  keep.bindBlob(1, group_.view()).bindBlob(2, scope.caseId.view()).bindBlob(3, key.view());
  SAMRAD_TRY(keep.run());
  // The devices by agency, this device's own agency first: if another device
  // published the case's key meanwhile, that one is used and nothing more is
  // sent.
  const auto mine = agencyOf(me_.device);
  std::map<crypto::AgencyId, std::vector<crypto::ChainDevice>> byAgency;
  const std::int64_t now = wallClock();
  for (const auto& d : scope.devices) {
    const crypto::ChainDevice* cd = chain_.state().device(d);
    const auto agency = agencyOf(d);
    if (cd == nullptr || !agency) {
      return Error(ErrorCode::InvalidArgument, "case.unknown_device",
                   "a device the case is to be shared with is not in the group");
    }
    // A revoked or expired device is skipped: no case key reaches it, even
    // while it waits for the coordinator to take it out of the group.
    if (crypto::standingOf(*cd, revoked_, now) != crypto::DeviceStanding::Usable) continue;
    byAgency[*agency].push_back(*cd);
  }
  std::vector<crypto::AgencyId> order;
  if (mine && byAgency.count(*mine) != 0) order.push_back(*mine);
  for (const auto& [agency, devices] : byAgency) {
    if (!mine || agency != *mine) order.push_back(agency);
  }
  const auto& state = chain_.state();
  SAMRAD_ASSIGN_OR_RETURN(auto epoch, epochKey(server, state.epoch));
  for (const auto& agency : order) {
    const auto& devices = byAgency[agency];
    const Bytes boxes = encodeBoxes(crypto::sealCaseKey(group_, scope.caseId, key, devices));
    const crypto::ObjectId keysId = crypto::caseKeysObjectId(scope.caseId, agency);
    const crypto::ContentContext ctx{kCaseKeysKind, group_,     keysId,    1,
                                     state.epoch,   me_.device, state.head};
    SAMRAD_ASSIGN_OR_RETURN(auto obj,
                            crypto::encryptObject(ctx, boxes, {epoch, std::nullopt}, me_.signing));
    std::vector<crypto::DeviceId> ids;
    for (const auto& d : devices) ids.push_back(d.id);
    auto put = server.putObject(group_, keysId, 0, obj.serialize(), ids, {}, scope.caseId);
    if (!put && put.error().code() == ErrorCode::Aborted) {
      if (mine && agency == *mine) {
        // Published by another device meanwhile: use that key.
        SAMRAD_ASSIGN_OR_RETURN(auto forget, db_.prepare("DELETE FROM replica_case_keys WHERE "
                                                         "group_id = ?1 AND case_id = ?2"));
        forget.bindBlob(1, group_.view()).bindBlob(2, scope.caseId.view());
        SAMRAD_TRY(forget.run());
        return caseKey(server, scope.caseId);
      }
      continue;  // this agency's boxes were sent before an answer was lost
    }
    if (!put) return put.error();
  }
  SAMRAD_ASSIGN_OR_RETURN(auto mark, db_.prepare("UPDATE replica_case_keys SET published = 1 "
                                                 "WHERE group_id = ?1 AND case_id = ?2"));
  mark.bindBlob(1, group_.view()).bindBlob(2, scope.caseId.view());
  SAMRAD_TRY(mark.run());
  return key;
}

Status GroupReplica::storeObject(const ReplicaObject& o, std::uint64_t epoch, std::uint64_t headSeq,
                                 const std::optional<crypto::Hash>& digest) {
  SAMRAD_ASSIGN_OR_RETURN(
      auto put,
      db_.prepare("INSERT OR REPLACE INTO replica_objects (group_id, object_id, kind, version, "
                  "author, plaintext, epoch, head_seq, kept_at_seq, digest) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
  if (digest) put.bindBlob(10, digest->view());
  put.bindBlob(1, group_.view())
      .bindBlob(2, o.id.view())
      .bind(3, std::string_view(o.kind))
      .bind(4, static_cast<std::int64_t>(o.version))
      .bindBlob(5, o.author.view())
      .bindBlob(6, o.plaintext)
      .bind(7, static_cast<std::int64_t>(epoch))
      .bind(8, static_cast<std::int64_t>(headSeq))
      .bind(9, static_cast<std::int64_t>(chain_.state().seq));
  return put.run();
}

Result<crypto::SecretBytes> GroupReplica::caseWrapKey(PlatformClient& server,
                                                      const crypto::CaseId& caseId,
                                                      std::uint64_t epoch) {
  // A case object's key is wrapped with the case key bound to the group's
  // key of the epoch it was written in. Someone removed from the group keeps
  // the case key they had, but no epoch key after their removal: nothing
  // written since opens for them, without the case key ever changing.
  SAMRAD_ASSIGN_OR_RETURN(auto caseK, caseKey(server, caseId));
  SAMRAD_ASSIGN_OR_RETURN(auto epochK, epochKey(server, epoch));
  static constexpr std::string_view kLabel{"samrad/v1/case-wrap\0", 20};
  crypto::Bytes epochBytes;
  crypto::appendU64(epochBytes, epoch);
  crypto::Hash h = crypto::sha256({crypto::asBytes(kLabel), group_.view(), caseId.view(),
                                   epochBytes, caseK.view(), epochK.view()});
  auto out = crypto::SecretBytes::copyOf(h.view());
  crypto::wipeMemory(h.bytes.data(), h.bytes.size());
  return out;
}

Status GroupReplica::fetchObject(PlatformClient& server, const crypto::ObjectId& id) {
  auto wire = server.getObject(group_, id);
  if (!wire) {
    // Deleted since, or meant for other devices (a case this device is
    // recused from, or whose consent ended): nothing to keep, and nothing
    // kept from before.
    if (wire.error().code() == ErrorCode::NotFound ||
        wire.error().code() == ErrorCode::PermissionDenied) {
      return dropObject(id);
    }
    return wire.error();
  }
  auto obj = crypto::EncryptedObject::parse(*wire);
  if (!obj) return *(failed_ = verifyError("an object from the server", obj.error()));
  if (obj->context.kind == kCaseKeysKind) return okStatus();  // opened when a case needs it
  crypto::SecretBytes key;
  std::optional<crypto::CaseId> caseId;
  if (obj->wrappedWithCaseKey && obj->caseId) {
    auto k = caseWrapKey(server, *obj->caseId, obj->context.epoch);
    if (!k) {
      // Not shared with this device (recusal, consent scope): nothing to keep.
      if (k.error().reason() == "case.no_key") return dropObject(id);
      // Written before this device could read the group (see below).
      if (k.error().reason() == "epoch.not_found" && obj->context.epoch < chain_.state().epoch) {
        return okStatus();
      }
      return k.error();
    }
    key = std::move(k).value();
    caseId = obj->caseId;
  } else {
    auto k = epochKey(server, obj->context.epoch);
    if (!k) {
      // Written before this device could read the group (it joined later,
      // or replaces a lost laptop): nothing to keep — until the agency's
      // recovery key grants it the history, when pull() starts over.
      if ((k.error().code() == ErrorCode::NotFound ||
           k.error().code() == ErrorCode::PermissionDenied) &&
          obj->context.epoch < chain_.state().epoch) {
        return okStatus();
      }
      return k.error();
    }
    key = std::move(k).value();
  }
  auto plain = crypto::decryptObject(*obj, {group_, id, std::nullopt, obj->context.kind}, chain_,
                                     {key, caseId});
  if (!plain) return *(failed_ = verifyError("an object from the server", plain.error()));
  if (auto cached = object(id);
      cached && !cached->pending && cached->version > obj->context.version) {
    failed_ = Error(ErrorCode::DataLoss, "verify.rollback",
                    "the server returned an older version of an object than this device has seen");
    return *failed_;
  }
  // decryptObject found the head it names in the chain.
  const crypto::GroupState& named = *chain_.stateAtHead(obj->context.chainHead);
  const std::uint64_t headSeq = named.seq;
  SAMRAD_TRY(checkReplaces(id, *obj));
  SAMRAD_ASSIGN_OR_RETURN(
      bool acceptable,
      checkRecord(server, id, *obj, named, crypto::ByteView(plain->data(), plain->size())));
  if (!acceptable) return okStatus();
  return storeObject({id, obj->context.kind, obj->context.version, obj->context.author,
                      Bytes(plain->data(), plain->data() + plain->size()), false},
                     obj->context.epoch, headSeq, crypto::objectDigest(*obj));
}

Status GroupReplica::checkReplaces(const crypto::ObjectId& id,
                                   const crypto::EncryptedObject& next) {
  SAMRAD_ASSIGN_OR_RETURN(
      auto kept, db_.prepare("SELECT version, epoch, head_seq, kept_at_seq, digest, author "
                             "FROM replica_objects WHERE group_id = ?1 AND object_id = ?2"));
  kept.bindBlob(1, group_.view()).bindBlob(2, id.view());
  SAMRAD_ASSIGN_OR_RETURN(bool found, kept.step());
  if (!found) return okStatus();
  crypto::KeptVersion held{static_cast<std::uint64_t>(kept.columnInt(0)),
                           static_cast<std::uint64_t>(kept.columnInt(1)),
                           static_cast<std::uint64_t>(kept.columnInt(2)),
                           static_cast<std::uint64_t>(kept.columnInt(3)),
                           std::nullopt,
                           crypto::DeviceId{}};
  if (!kept.columnIsNull(4)) {
    SAMRAD_ASSIGN_OR_RETURN(held.digest, crypto::Hash::fromBytes(kept.columnBlob(4)));
  }
  SAMRAD_ASSIGN_OR_RETURN(held.author, idFrom<crypto::DeviceId>(kept.columnBlob(5)));
  auto ok = crypto::checkSuccessor(held, next, chain_);
  if (!ok) return *(failed_ = verifyError("a new version of an object", ok.error()));
  return okStatus();
}

Result<bool> GroupReplica::checkRecord(PlatformClient& server, const crypto::ObjectId& id,
                                       const crypto::EncryptedObject& next,
                                       const crypto::GroupState& named,
                                       crypto::ByteView plaintext) {
  const std::string& kind = next.context.kind;
  SAMRAD_ASSIGN_OR_RETURN(auto kept,
                          db_.prepare("SELECT plaintext, version, kind FROM replica_objects "
                                      "WHERE group_id = ?1 AND object_id = ?2"));
  kept.bindBlob(1, group_.view()).bindBlob(2, id.view());
  SAMRAD_ASSIGN_OR_RETURN(bool found, kept.step());
  Bytes keptBytes;
  std::uint64_t keptVersion = 0;
  if (found) {
    keptBytes = kept.columnBlob(0);
    keptVersion = static_cast<std::uint64_t>(kept.columnInt(1));
  }
  // Refused: this version is not kept (the one held stays), and the person
  // is told; the rest of the group goes on.
  const auto refuse = [&](const Error& why) -> Result<bool> {
    const bool known =
        std::any_of(refusedRecords_.begin(), refusedRecords_.end(), [&](const RefusedRecord& r) {
          return r.object == id && r.version == next.context.version;
        });
    if (!known) {
      // The latest hundred are enough to tell the person; no more are kept.
      if (refusedRecords_.size() >= 100) refusedRecords_.erase(refusedRecords_.begin());
      refusedRecords_.push_back({id, next.context.version, next.context.author, why});
    }
    return false;
  };
  if (found && kept.columnText(2) != kind) {
    return refuse(Error(ErrorCode::DataLoss, "record.kind_changed",
                        "a new version of an object changes its kind"));
  }
  if (auto role = checkAuthorRole(named.memberOf(next.context.author), kind); !role) {
    return refuse(role.error());
  }
  if (kind != kCaseRecordKind && kind != kConsentRecordKind) return true;
  std::optional<crypto::AgencyId> caseReferrer;
  if (kind == kConsentRecordKind && next.caseId) {
    if (auto c = object(*crypto::ObjectId::fromBytes(next.caseId->view()));
        c && c->kind == kCaseRecordKind) {
      if (auto record = CaseRecord::parse(c->plaintext)) caseReferrer = record->referringAgency;
    }
  }
  // A coordinator's version is judged against the version it was made on;
  // when this device skipped that version, it is fetched (and, if it is a
  // coordinator's too, the one before), back to one the referring agency
  // wrote or this device kept. Its claim about who referred the case is held
  // to the author of the first version.
  Bytes current(plaintext.begin(), plaintext.end());
  const crypto::ChainMember* author = named.memberOf(next.context.author);
  std::uint64_t version = next.context.version;
  std::optional<crypto::AgencyId> firstAgency;
  bool firstTried = false;
  for (;;) {
    RecordWrite w{kind,         author,       current,     version, std::nullopt,
                  std::nullopt, caseReferrer, next.caseId, id,      firstAgency};
    if (found) w.kept = crypto::ByteView(keptBytes);
    if (!firstAgency && !firstTried && needsFirstAuthor(w)) {
      firstTried = true;
      const crypto::GroupState* firstNamed = nullptr;
      auto first = fetchVersionNamed(server, id, 1, &firstNamed);
      if (!first && !beyondJudgement(first.error())) return first.error();
      if (first) {
        const crypto::ChainMember* creator = firstNamed->memberOf(first->author);
        if (first->kind != kind || creator == nullptr || !checkAuthorRole(creator, kind)) {
          return refuse(Error(ErrorCode::DataLoss, "record.wrong_author",
                              "the first version of a case record is not one"));
        }
        firstAgency = creator->certificate.agency;
        w.firstAuthorAgency = firstAgency;
      }
    }
    Bytes baseBytes;
    const bool walk = needsBase(w);
    bool baseKept = false;
    if (walk && found && keptVersion == version - 1) {
      w.base = crypto::ByteView(keptBytes);
      baseKept = true;
    } else if (walk) {
      const crypto::GroupState* baseNamed = nullptr;
      auto fetched = fetchVersionNamed(server, id, version - 1, &baseNamed);
      // An earlier version this device cannot open (written before it
      // joined, or gone with a deletion) leaves nothing to judge by: the
      // version is taken as the server's word (docs/security-model.md).
      if (!fetched && beyondJudgement(fetched.error())) return true;
      if (!fetched) return fetched.error();
      auto base = std::move(fetched).value();
      if (base.kind != kind) {
        return refuse(Error(ErrorCode::DataLoss, "record.kind_changed",
                            "an earlier version of a case record is of another kind"));
      }
      baseBytes = std::move(base.plaintext);
      w.base = crypto::ByteView(baseBytes);
      author = baseNamed->memberOf(base.author);
    }
    auto ok = checkRecordWrite(w);
    if (!ok) return refuse(ok.error());
    if (!walk || baseKept) return true;
    current = std::move(baseBytes);
    --version;
  }
}

Status GroupReplica::changeMembership(PlatformClient& server, const crypto::Operation& op,
                                      std::int64_t now) {
  SAMRAD_TRY(refreshChain(server));
  SAMRAD_TRY(refreshRevocations(server));
  SAMRAD_ASSIGN_OR_RETURN(auto excluded, excludeUnusable(server, now));
  SAMRAD_TRY(ensureEpochKeys(server, now));
  // Asked to take out someone who has just left that way: done.
  const auto* rm = std::get_if<crypto::OpRemoveMember>(&op);
  const auto* rd = std::get_if<crypto::OpRevokeDevice>(&op);
  for (const auto& e : excluded) {
    if ((rm != nullptr && e.user == rm->user && e.wholeMember) ||
        (rd != nullptr && e.user == rd->user &&
         (e.wholeMember || std::count(e.devices.begin(), e.devices.end(), rd->device) != 0))) {
      return okStatus();
    }
  }
  SAMRAD_TRY(applyMembership(server, op, now));
  // The key for repeat checks follows at once (a member who left must not
  // keep a working key); what fails here is done again at the next sync.
  if (auto tags = ensurePersonTagKey(server, now);
      !tags && tags.error().code() == ErrorCode::DataLoss) {
    return tags.error();
  }
  return okStatus();
}

Status GroupReplica::refreshRevocations(PlatformClient& server) {
  SAMRAD_TRY(stopped());
  // Every revocation that concerns the group is in the group's log (of a
  // device when it joins, and of a member's device when it is revoked), so
  // the directory, which grows with every agency's enrolments, is only
  // checked and witnessed here, never read through.
  const DeviceIdentity* witness = witnessAs(chain_.state(), me_);
  Status read = dir_->refresh(server, witness);
  if (read) read = log_->refresh(server, witness);
  if (read) read = log_->catchUp(server);
  if (!read) {
    if (read.error().code() == ErrorCode::DataLoss) failed_ = read.error();
    return read.error();
  }
  SAMRAD_ASSIGN_OR_RETURN(auto now, log_->revocations());
  if (now == revoked_) return okStatus();
  if (!chain_.empty()) {
    auto chain =
        crypto::MembershipChain::validate(roots_, crypto::chainRevocations(now), chain_.links());
    if (!chain) return *(failed_ = verifyError("the group's membership chain", chain.error()));
    chain_ = std::move(chain).value();
  }
  revoked_ = std::move(now);
  return okStatus();
}

std::vector<crypto::ChainDevice> GroupReplica::unusableDevices(std::int64_t now) const {
  return crypto::unusableDevices(chain_.state(), revoked_, now);
}

Result<std::vector<GroupReplica::Exclusion>> GroupReplica::excludeUnusable(PlatformClient& server,
                                                                           std::int64_t now) {
  SAMRAD_TRY(stopped());
  std::vector<Exclusion> done;
  if (!chain_.state().isCoordinatorDevice(me_.device)) return done;
  // By person: a person keeps their group place while one device is usable.
  std::map<crypto::UserId, Exclusion> byUser;
  for (const auto& d : unusableDevices(now)) {
    if (d.id == me_.device) continue;  // this device is usable: it just logged in
    auto& e = byUser[d.user];
    e.user = d.user;
    e.agency = chain_.state().members.at(d.user).certificate.agency;
    e.devices.push_back(d.id);
    e.why = crypto::standingOf(d, revoked_, now);
  }
  // One link for all of them: one new epoch, whose key reaches none of them.
  crypto::OpExclude op;
  for (auto& [user, e] : byUser) {
    const crypto::ChainMember& m = chain_.state().members.at(user);
    e.wholeMember = revoked_.userRevoked(user) || e.devices.size() == m.devices.size();
    if (e.wholeMember) {
      op.users.push_back(user);
    } else {
      for (const auto& d : e.devices) op.devices.push_back({user, d});
    }
  }
  if (byUser.empty()) return done;
  SAMRAD_TRY(applyMembership(server, op, now));
  for (auto& [user, e] : byUser) done.push_back(std::move(e));
  return done;
}

Status GroupReplica::ensureEpochKeys(PlatformClient& server, std::int64_t now) {
  SAMRAD_TRY(stopped());
  const crypto::GroupState& state = chain_.state();
  if (!state.isCoordinatorDevice(me_.device)) return okStatus();
  auto have = epochKey(server, state.epoch);
  if (have) return okStatus();
  if (have.error().code() != ErrorCode::NotFound) return have.error();
  // The current epoch has no keys (its link was stored, its bundle never
  // was): fresh ones, carrying the epoch before if this device has it.
  std::optional<crypto::SecretBytes> before;
  if (state.epoch > 1) {
    if (auto k = epochKey(server, state.epoch - 1)) before = std::move(k).value();
  }
  const auto fresh = crypto::SecretBytes::random(crypto::kSymmetricKeySize);
  SAMRAD_ASSIGN_OR_RETURN(auto bundle,
                          crypto::makeEpochKeyBundle(chain_, fresh, before ? &*before : nullptr,
                                                     me_.signing, me_.device, revoked_, now));
  return server.putEpochKeys(group_, bundle.serialize());
}

Status GroupReplica::applyMembership(PlatformClient& server, const crypto::Operation& op,
                                     std::int64_t now) {
  if (!chain_.state().isCoordinatorDevice(me_.device)) {
    return Error(ErrorCode::PermissionDenied, "group.not_coordinator",
                 "only the group's coordinator changes its members");
  }
  const std::uint64_t oldEpoch = chain_.state().epoch;
  // The current key: carried under a new epoch's, or re-sealed to the new
  // set of devices. A current epoch left without keys (a link stored without
  // its bundle) is mended by a rotation, which then carries none.
  std::optional<crypto::SecretBytes> current;
  if (auto k = epochKey(server, oldEpoch)) {
    current = std::move(k).value();
  } else if (k.error().code() != ErrorCode::NotFound || !crypto::requiresNewEpoch(op)) {
    return k.error();
  }
  crypto::MembershipChain next = chain_;
  SAMRAD_ASSIGN_OR_RETURN(auto link, next.makeLink(group_, op, now, me_.signing, me_.device));
  SAMRAD_TRY(next.append(link));
  const bool rotated = next.state().epoch != oldEpoch;
  const auto fresh = crypto::SecretBytes::random(crypto::kSymmetricKeySize);
  // Without a new epoch the bundle is re-sealed to the new set of devices and
  // carries the epoch before, so a member who joins now can read history.
  std::optional<crypto::SecretBytes> before;
  if (!rotated && oldEpoch > 1) {
    SAMRAD_ASSIGN_OR_RETURN(auto k, epochKey(server, oldEpoch - 1));
    before = std::move(k);
  }
  SAMRAD_ASSIGN_OR_RETURN(auto bundle,
                          crypto::makeEpochKeyBundle(next, rotated ? fresh : *current,
                                                     rotated  ? (current ? &*current : nullptr)
                                                     : before ? &*before
                                                              : nullptr,
                                                     me_.signing, me_.device, revoked_, now));
  // The bundle is made (and every recipient checked) before the link goes
  // out: a link the server stored without keys for its epoch would leave the
  // group without a key (ensureEpochKeys mends that if it happens anyway).
  if (auto appended = server.appendLink(group_, link.serialize(), crypto::randomBytes(16));
      !appended) {
    return appended.error();
  }
  SAMRAD_TRY(server.putEpochKeys(group_, bundle.serialize()));
  return refreshChain(server);
}

Status GroupReplica::shareCase(PlatformClient& server, const CaseScope& scope) {
  SAMRAD_TRY(stopped());
  SAMRAD_TRY(refreshChain(server));
  SAMRAD_ASSIGN_OR_RETURN(auto key, caseKey(server, scope.caseId));
  const auto& state = chain_.state();
  const std::int64_t now = wallClock();
  std::vector<crypto::DeviceId> usable;
  SAMRAD_ASSIGN_OR_RETURN(auto epoch, epochKey(server, state.epoch));
  for (const auto& d : scope.devices) {
    if (d == me_.device) {
      usable.push_back(d);
      continue;
    }
    const crypto::ChainDevice* cd = state.device(d);
    if (cd == nullptr) {
      return Error(ErrorCode::InvalidArgument, "case.unknown_device",
                   "a device the case is to be shared with is not in the group");
    }
    if (crypto::standingOf(*cd, revoked_, now) != crypto::DeviceStanding::Usable) continue;
    usable.push_back(d);
    // A box of its own for each device; one that has it already is skipped.
    const crypto::ObjectId boxId = crypto::caseKeyBoxObjectId(scope.caseId, d);
    const std::vector<crypto::ChainDevice> one{*cd};
    const Bytes boxes = encodeBoxes(crypto::sealCaseKey(group_, scope.caseId, key, one));
    const crypto::ContentContext ctx{kCaseKeysKind, group_,     boxId,     1,
                                     state.epoch,   me_.device, state.head};
    SAMRAD_ASSIGN_OR_RETURN(auto obj,
                            crypto::encryptObject(ctx, boxes, {epoch, std::nullopt}, me_.signing));
    auto put =
        server.putObject(group_, boxId, 0, obj.serialize(), {d, me_.device}, {}, scope.caseId);
    if (!put && put.error().code() != ErrorCode::Aborted) return put.error();
  }
  SAMRAD_ASSIGN_OR_RETURN(auto shared,
                          server.shareCase(group_, scope.caseId, usable, crypto::randomBytes(16)));
  (void)shared;
  return okStatus();
}

Status GroupReplica::verifyLog(PlatformClient& server) {
  SAMRAD_TRY(stopped());
  const DeviceIdentity* witness = witnessAs(chain_.state(), me_);
  Status s = log_->refresh(server, witness);
  if (s) s = exchangeLogViews(server);
  if (s) s = dir_->refresh(server, witness);
  if (!s && s.error().code() == ErrorCode::DataLoss) failed_ = s.error();
  return s;
}

crypto::ObjectId GroupReplica::logViewId(const crypto::DeviceId& device) {
  return crypto::logViewObjectId(device);
}

Status GroupReplica::exchangeLogViews(PlatformClient& server) {
  // Every other device's view must agree with this one's.
  for (const auto& o : objects(std::string(kLogViewKind))) {
    if (o.author == me_.device || o.id != logViewId(o.author)) continue;
    const auto checked = viewsChecked_.find(o.id);
    if (checked != viewsChecked_.end() && checked->second == o.version) continue;
    SAMRAD_TRY(log_->checkPeer(server, std::string(o.plaintext.begin(), o.plaintext.end())));
    viewsChecked_[o.id] = o.version;
  }
  // This device's own view, for the others: renewed now and then (each
  // read of it is itself logged, so not at every sync).
  // Lawyers and observers read only: their devices check the others' views.
  const crypto::ChainMember* member = chain_.state().memberOf(me_.device);
  if (member == nullptr || (member->role != crypto::GroupRole::Coordinator &&
                            member->role != crypto::GroupRole::Member)) {
    return okStatus();
  }
  const auto now = std::chrono::steady_clock::now();
  const std::string& note = log_->checkpointNote();
  if (note.empty() || (viewPublished_ && now - *viewPublished_ < viewInterval_)) {
    return okStatus();
  }
  const auto mine = object(logViewId(me_.device));
  if (mine && std::string(mine->plaintext.begin(), mine->plaintext.end()) == note) {
    return okStatus();
  }
  viewPublished_ = now;
  return write(logViewId(me_.device), std::string(kLogViewKind), crypto::asBytes(note));
}

Result<crypto::SecretBytes> GroupReplica::groupSecret(PlatformClient& server,
                                                      std::string_view name) {
  SAMRAD_TRY(stopped());
  static constexpr std::string_view kLabel = "samrad/v1/group-secret";
  const crypto::Hash h =
      crypto::sha256({crypto::asBytes(kLabel), group_.view(), crypto::asBytes(name)});
  const crypto::ObjectId id = *crypto::ObjectId::fromBytes(crypto::ByteView(h.bytes.data(), 16));
  auto known = [&]() -> std::optional<crypto::SecretBytes> {
    auto o = object(id);
    if (!o || o->kind != kGroupSecretKind || o->plaintext.size() != crypto::kSymmetricKeySize) {
      return std::nullopt;
    }
    return crypto::SecretBytes::copyOf(o->plaintext);
  };
  if (auto s = known()) return std::move(*s);
  SAMRAD_TRY(fetchObject(server, id));
  if (auto s = known()) return std::move(*s);
  // Nobody has made it yet: this device does, and publishes it to the group.
  auto secret = crypto::SecretBytes::random(crypto::kSymmetricKeySize);
  SAMRAD_TRY(refreshChain(server));
  const auto& state = chain_.state();
  SAMRAD_ASSIGN_OR_RETURN(auto epoch, epochKey(server, state.epoch));
  const crypto::ContentContext ctx{kGroupSecretKind, group_,     id,        1,
                                   state.epoch,      me_.device, state.head};
  const std::uint64_t headSeq = state.seq;
  SAMRAD_ASSIGN_OR_RETURN(
      auto obj, crypto::encryptObject(ctx, secret.view(), {epoch, std::nullopt}, me_.signing));
  auto put = server.putObject(group_, id, 0, obj.serialize());
  if (!put && put.error().code() == ErrorCode::Aborted) {
    SAMRAD_TRY(fetchObject(server, id));  // made by another device meanwhile
    if (auto s = known()) return std::move(*s);
    return Error(ErrorCode::Unavailable, "replica.group_secret",
                 "the group's secret could not be read; try again");
  }
  if (!put) return put.error();
  SAMRAD_TRY(storeObject({id, kGroupSecretKind, put->version, me_.device,
                          Bytes(secret.view().begin(), secret.view().end()), false},
                         ctx.epoch, headSeq));
  return secret;
}

Result<crypto::SecretBytes> GroupReplica::epochSecret(PlatformClient& server, std::string_view name,
                                                      std::uint64_t epoch) {
  SAMRAD_ASSIGN_OR_RETURN(auto secret, groupSecret(server, name));
  SAMRAD_ASSIGN_OR_RETURN(auto epochK, epochKey(server, epoch));
  static constexpr std::string_view kLabel{"samrad/v1/epoch-secret\0", 23};
  crypto::Bytes epochBytes;
  crypto::appendU64(epochBytes, epoch);
  crypto::Hash h = crypto::sha256({crypto::asBytes(kLabel), group_.view(), crypto::asBytes(name),
                                   epochBytes, secret.view(), epochK.view()});
  auto out = crypto::SecretBytes::copyOf(h.view());
  crypto::wipeMemory(h.bytes.data(), h.bytes.size());
  return out;
}

Result<ReplicaObject> GroupReplica::fetchVersion(PlatformClient& server, const crypto::ObjectId& id,
                                                 std::uint64_t version) {
  return fetchVersionNamed(server, id, version, nullptr);
}

Result<ReplicaObject> GroupReplica::fetchVersionNamed(PlatformClient& server,
                                                      const crypto::ObjectId& id,
                                                      std::uint64_t version,
                                                      const crypto::GroupState** named) {
  SAMRAD_TRY(stopped());
  SAMRAD_ASSIGN_OR_RETURN(auto wire, server.getObject(group_, id, version));
  auto obj = crypto::EncryptedObject::parse(wire);
  if (!obj) return *(failed_ = verifyError("an object from the server", obj.error()));
  if (obj->context.kind == kCaseKeysKind) {
    return Error(ErrorCode::InvalidArgument, "replica.not_content", "that object holds keys");
  }
  crypto::SecretBytes key;
  std::optional<crypto::CaseId> caseId;
  if (obj->wrappedWithCaseKey && obj->caseId) {
    SAMRAD_ASSIGN_OR_RETURN(key, caseWrapKey(server, *obj->caseId, obj->context.epoch));
    caseId = obj->caseId;
  } else {
    SAMRAD_ASSIGN_OR_RETURN(key, epochKey(server, obj->context.epoch));
  }
  auto plain =
      crypto::decryptObject(*obj, {group_, id, version, obj->context.kind}, chain_, {key, caseId});
  if (!plain) return *(failed_ = verifyError("an object from the server", plain.error()));
  // decryptObject found the head it names in the chain.
  if (named != nullptr) *named = chain_.stateAtHead(obj->context.chainHead);
  return ReplicaObject{id,
                       obj->context.kind,
                       obj->context.version,
                       obj->context.author,
                       Bytes(plain->data(), plain->data() + plain->size()),
                       false};
}

Status GroupReplica::dropObject(const crypto::ObjectId& id) {
  SAMRAD_ASSIGN_OR_RETURN(
      auto del, db_.prepare("DELETE FROM replica_objects WHERE group_id = ?1 AND object_id = ?2"));
  del.bindBlob(1, group_.view()).bindBlob(2, id.view());
  SAMRAD_TRY(del.run());
  // A case's record is named by the case id (CaseBook::objectOf): when the
  // record goes — deleted by retention, or no longer this device's — the
  // case key and the case's pseudonym book (sealed under it) go with it.
  for (const char* sql : {"DELETE FROM replica_case_keys WHERE group_id = ?1 AND case_id = ?2",
                          "DELETE FROM deid_pseudonyms WHERE group_id = ?1 AND case_id = ?2"}) {
    SAMRAD_ASSIGN_OR_RETURN(auto forget, db_.prepare(sql));
    forget.bindBlob(1, group_.view()).bindBlob(2, id.view());
    SAMRAD_TRY(forget.run());
  }
  return okStatus();
}

std::optional<crypto::AgencyId> GroupReplica::agencyOf(const crypto::DeviceId& d) const {
  const crypto::ChainMember* m = chain_.state().memberOf(d);
  if (m == nullptr) return std::nullopt;
  return m->certificate.agency;
}

Status GroupReplica::onConsentChanged(PlatformClient& server, const crypto::CaseId& caseId) {
  auto consent = server.getConsent(group_, caseId);
  if (!consent) {
    if (consent.error().code() == ErrorCode::NotFound) return okStatus();
    return consent.error();
  }
  if (consent->status == ConsentState::Active) return okStatus();
  if (agencyOf(me_.device) == consent->referringAgency) return okStatus();
  // The case's objects this device held were narrowed away (their events
  // came first); the key that opened them goes too.
  SAMRAD_ASSIGN_OR_RETURN(auto forget, db_.prepare("DELETE FROM replica_case_keys WHERE "
                                                   "group_id = ?1 AND case_id = ?2"));
  forget.bindBlob(1, group_.view()).bindBlob(2, caseId.view());
  return forget.run();
}

Status GroupReplica::setLastSeq(std::uint64_t seq) {
  SAMRAD_ASSIGN_OR_RETURN(
      auto put,
      db_.prepare("INSERT OR REPLACE INTO replica_groups (group_id, last_seq) VALUES (?1, ?2)"));
  put.bindBlob(1, group_.view()).bind(2, static_cast<std::int64_t>(seq));
  SAMRAD_TRY(put.run());
  lastSeq_ = seq;
  return okStatus();
}

Status GroupReplica::pull(PlatformClient& server, std::chrono::milliseconds wait) {
  SAMRAD_TRY(stopped());
  SAMRAD_TRY(refreshChain(server));
  std::vector<ObjectEvent> events;
  bool historyGranted = false;
  historyTried_ = false;  // a grant may have come since the last pull
  SAMRAD_ASSIGN_OR_RETURN(std::uint64_t last, server.subscribe(
                                                  group_, lastSeq_,
                                                  [&](const ObjectEvent& e) {
                                                    events.push_back(e);
                                                    return true;
                                                  },
                                                  wait));
  for (const auto& e : events) {
    if (e.kind == kEventLinkAppended) {
      SAMRAD_TRY(refreshChain(server));
    } else if (e.kind == kEventObjectWritten && e.object) {
      auto cached = object(*e.object);
      if (!cached || cached->version < e.version) {
        SAMRAD_TRY(fetchObject(server, *e.object));
        // A new grant of the group's history to this device (once: the
        // pull that starts over finds it kept).
        historyGranted =
            historyGranted || *e.object == crypto::epochHistoryObjectId(group_, me_.device);
      }
    } else if (e.kind == kEventObjectDeleted && e.object) {
      SAMRAD_TRY(dropObject(*e.object));
    } else if (e.kind == kEventAccessNarrowed && e.object) {
      // Still allowed: fetched again (and unchanged); if not, dropped.
      SAMRAD_TRY(fetchObject(server, *e.object));
    } else if (e.kind == kEventConsentChanged && e.object) {
      SAMRAD_TRY(onConsentChanged(server, *crypto::CaseId::fromBytes(e.object->view())));
    }
    SAMRAD_TRY(setLastSeq(e.seq));
  }
  if (last > lastSeq_) SAMRAD_TRY(setLastSeq(last));
  if (historyGranted && lastSeq_ > 0 && !restarting_) {
    // The group's history was granted to this device: what it passed by
    // for want of keys is fetched now (what it holds already is skipped).
    // Once per pull, whatever the server says.
    restarting_ = true;
    auto again = setLastSeq(0);
    if (again) again = pull(server, wait);
    restarting_ = false;
    return again;
  }
  return okStatus();
}

Status GroupReplica::write(const crypto::ObjectId& id, const std::string& kind,
                           crypto::ByteView plaintext, const std::optional<CaseScope>& scope) {
  SAMRAD_TRY(stopped());
  if (scope &&
      std::find(scope->devices.begin(), scope->devices.end(), me_.device) == scope->devices.end()) {
    return Error(ErrorCode::InvalidArgument, "case.self_excluded",
                 "the writing device must be among those the case is shared with");
  }
  return db_.transaction([&]() -> Status {
    // A second edit before the first was sent replaces it in the outbox.
    SAMRAD_ASSIGN_OR_RETURN(auto update,
                            db_.prepare("UPDATE replica_outbox SET plaintext = ?3, kind = ?4 "
                                        "WHERE group_id = ?1 AND object_id = ?2"));
    update.bindBlob(1, group_.view())
        .bindBlob(2, id.view())
        .bindBlob(3, plaintext)
        .bind(4, std::string_view(kind));
    SAMRAD_TRY(update.run());
    if (db_.changes() > 0) return okStatus();
    const auto cached = object(id);
    SAMRAD_ASSIGN_OR_RETURN(auto put,
                            db_.prepare("INSERT INTO replica_outbox (group_id, object_id, kind, "
                                        "base_version, plaintext, idem_key, case_id, devices) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
    put.bindBlob(1, group_.view())
        .bindBlob(2, id.view())
        .bind(3, std::string_view(kind))
        .bind(4, static_cast<std::int64_t>(cached ? cached->version : 0))
        .bindBlob(5, plaintext)
        .bindBlob(6, crypto::randomBytes(16));
    if (scope) {
      put.bindBlob(7, scope->caseId.view()).bindBlob(8, encodeDevices(scope->devices));
    }
    return put.run();
  });
}

Result<PushReport> GroupReplica::push(PlatformClient& server) {
  SAMRAD_TRY(stopped());
  struct Pending {
    std::int64_t row;
    crypto::ObjectId id;
    std::string kind;
    std::uint64_t base;
    Bytes plaintext;
    Bytes idem;
    std::optional<CaseScope> scope;
  };
  std::vector<Pending> queue;
  {
    SAMRAD_ASSIGN_OR_RETURN(
        auto list, db_.prepare("SELECT rowid, object_id, kind, base_version, plaintext, idem_key, "
                               "case_id, devices FROM replica_outbox WHERE group_id = ?1 "
                               "ORDER BY rowid"));
    list.bindBlob(1, group_.view());
    for (;;) {
      SAMRAD_ASSIGN_OR_RETURN(bool row, list.step());
      if (!row) break;
      SAMRAD_ASSIGN_OR_RETURN(auto id, idFrom<crypto::ObjectId>(list.columnBlob(1)));
      std::optional<CaseScope> scope;
      if (!list.columnIsNull(6)) {
        SAMRAD_ASSIGN_OR_RETURN(auto caseId, idFrom<crypto::CaseId>(list.columnBlob(6)));
        scope = CaseScope{caseId, decodeDevices(list.columnBlob(7))};
      }
      queue.push_back({list.columnInt(0), id, list.columnText(2),
                       static_cast<std::uint64_t>(list.columnInt(3)), list.columnBlob(4),
                       list.columnBlob(5), std::move(scope)});
    }
  }
  PushReport report;
  if (queue.empty()) return report;
  if (auto s = refreshChain(server); !s.ok()) {
    if (!offline(s.error())) return s.error();
    report.waiting = queue.size();
    return report;
  }
  auto removeRow = [&](std::int64_t row) -> Status {
    SAMRAD_ASSIGN_OR_RETURN(auto del, db_.prepare("DELETE FROM replica_outbox WHERE rowid = ?1"));
    del.bind(1, row);
    return del.run();
  };
  for (std::size_t i = 0; i < queue.size(); ++i) {
    const Pending& p = queue[i];
    const auto& state = chain_.state();
    auto key = p.scope ? ensureCaseKey(server, *p.scope) : epochKey(server, state.epoch);
    if (key && p.scope) key = caseWrapKey(server, p.scope->caseId, state.epoch);
    if (!key) {
      if (!offline(key.error())) return key.error();
      report.waiting = queue.size() - i;
      return report;
    }
    const crypto::ContentContext ctx{p.kind,      group_,     p.id,      p.base + 1,
                                     state.epoch, me_.device, state.head};
    const std::uint64_t headSeq = state.seq;
    std::optional<crypto::CaseId> caseId;
    if (p.scope) caseId = p.scope->caseId;
    SAMRAD_ASSIGN_OR_RETURN(auto obj,
                            crypto::encryptObject(ctx, p.plaintext, {*key, caseId}, me_.signing));
    auto put = server.putObject(group_, p.id, p.base, obj.serialize(),
                                p.scope ? p.scope->devices : std::vector<crypto::DeviceId>{},
                                p.idem, caseId);
    if (put.ok()) {
      SAMRAD_TRY(db_.transaction([&]() -> Status {
        SAMRAD_TRY(removeRow(p.row));
        return storeObject({p.id, p.kind, put->version, me_.device, p.plaintext, false}, ctx.epoch,
                           headSeq);
      }));
      ++report.sent;
      continue;
    }
    if (offline(put.error())) {
      report.waiting = queue.size() - i;
      return report;
    }
    const ErrorCode code = put.error().code();
    const bool refused = code == ErrorCode::PermissionDenied ||
                         code == ErrorCode::FailedPrecondition ||
                         code == ErrorCode::InvalidArgument;
    if (code != ErrorCode::Aborted && !refused) return put.error();
    // Someone else saved first, or the server refused the edit (the case's
    // consent ended, the person was removed): keep the edit whole for the
    // person to see and resolve, and bring the local copy up to date. One
    // refused edit never blocks the rest of the outbox.
    if (!refused) SAMRAD_TRY(fetchObject(server, p.id));
    const auto current = object(p.id);
    SAMRAD_TRY(db_.transaction([&]() -> Status {
      SAMRAD_ASSIGN_OR_RETURN(
          auto c,
          db_.prepare("INSERT OR REPLACE INTO replica_conflicts (group_id, object_id, kind, "
                      "base_version, server_version, plaintext, reason, case_id, devices) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
      c.bindBlob(1, group_.view())
          .bindBlob(2, p.id.view())
          .bind(3, std::string_view(p.kind))
          .bind(4, static_cast<std::int64_t>(p.base))
          .bind(5, static_cast<std::int64_t>(current ? current->version : 0))
          .bindBlob(6, p.plaintext)
          .bind(7, refused ? put.error().reason() : std::string_view());
      if (p.scope)
        c.bindBlob(8, p.scope->caseId.view()).bindBlob(9, encodeDevices(p.scope->devices));
      SAMRAD_TRY(c.run());
      return removeRow(p.row);
    }));
    if (refused) {
      ++report.refused;
    } else {
      ++report.conflicts;
    }
  }
  return report;
}

std::optional<ReplicaObject> GroupReplica::object(const crypto::ObjectId& id) {
  auto pending = db_.prepare(
      "SELECT kind, plaintext FROM replica_outbox WHERE group_id = ?1 AND object_id = ?2");
  auto stored = db_.prepare(
      "SELECT kind, version, author, plaintext FROM replica_objects "
      "WHERE group_id = ?1 AND object_id = ?2");
  if (!pending || !stored) return std::nullopt;
  std::optional<ReplicaObject> out;
  stored->bindBlob(1, group_.view()).bindBlob(2, id.view());
  if (auto row = stored->step(); row.ok() && *row) {
    auto author = crypto::DeviceId::fromBytes(stored->columnBlob(2));
    out = ReplicaObject{id,
                        stored->columnText(0),
                        static_cast<std::uint64_t>(stored->columnInt(1)),
                        author ? *author : crypto::DeviceId{},
                        stored->columnBlob(3),
                        false};
  }
  pending->bindBlob(1, group_.view()).bindBlob(2, id.view());
  if (auto row = pending->step(); row.ok() && *row) {
    if (!out) out = ReplicaObject{id, {}, 0, me_.device, {}, false};
    out->kind = pending->columnText(0);
    out->plaintext = pending->columnBlob(1);
    out->author = me_.device;
    out->pending = true;
  }
  return out;
}

std::vector<ReplicaObject> GroupReplica::objects(const std::string& kind) {
  std::vector<ReplicaObject> out;
  std::vector<crypto::ObjectId> ids;
  auto list = db_.prepare(
      "SELECT object_id FROM replica_objects WHERE group_id = ?1 AND kind = ?2 "
      "UNION SELECT object_id FROM replica_outbox WHERE group_id = ?1 AND kind = ?2");
  if (!list) return out;
  list->bindBlob(1, group_.view()).bind(2, std::string_view(kind));
  for (;;) {
    auto row = list->step();
    if (!row.ok() || !*row) break;
    if (auto id = crypto::ObjectId::fromBytes(list->columnBlob(0))) ids.push_back(*id);
  }
  for (const auto& id : ids) {
    if (auto o = object(id)) out.push_back(std::move(*o));
  }
  return out;
}

std::vector<Conflict> GroupReplica::conflicts() {
  std::vector<Conflict> out;
  auto list = db_.prepare(
      "SELECT object_id, kind, base_version, server_version, plaintext, reason, case_id, "
      "devices FROM replica_conflicts WHERE group_id = ?1");
  if (!list) return out;
  list->bindBlob(1, group_.view());
  for (;;) {
    auto row = list->step();
    if (!row.ok() || !*row) break;
    auto id = crypto::ObjectId::fromBytes(list->columnBlob(0));
    if (!id) continue;
    std::optional<CaseScope> scope;
    if (!list->columnIsNull(6)) {
      auto caseId = crypto::CaseId::fromBytes(list->columnBlob(6));
      if (caseId) scope = CaseScope{*caseId, decodeDevices(list->columnBlob(7))};
    }
    out.push_back({*id, list->columnText(1), static_cast<std::uint64_t>(list->columnInt(2)),
                   static_cast<std::uint64_t>(list->columnInt(3)), list->columnBlob(4),
                   list->columnText(5), std::move(scope)});
  }
  return out;
}

Status GroupReplica::discardConflict(const crypto::ObjectId& id) {
  SAMRAD_ASSIGN_OR_RETURN(
      auto del,
      db_.prepare("DELETE FROM replica_conflicts WHERE group_id = ?1 AND object_id = ?2"));
  del.bindBlob(1, group_.view()).bindBlob(2, id.view());
  SAMRAD_TRY(del.run());
  if (db_.changes() == 0) {
    return Error(ErrorCode::NotFound, "replica.no_conflict", "there is no conflict for this item");
  }
  return okStatus();
}

Status GroupReplica::reapplyConflict(const crypto::ObjectId& id, crypto::ByteView merged) {
  const auto all = conflicts();
  const auto it =
      std::find_if(all.begin(), all.end(), [&](const Conflict& c) { return c.id == id; });
  if (it == all.end()) {
    return Error(ErrorCode::NotFound, "replica.no_conflict", "there is no conflict for this item");
  }
  // Based on the server's version now cached, for the same devices.
  SAMRAD_TRY(write(id, it->kind, merged, it->scope));
  return discardConflict(id);
}

}  // namespace samrad::client
