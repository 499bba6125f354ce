#pragma once

#include <cstddef>
#include <string_view>

namespace samrad {

// Object kinds that both sides know by name. The kind travels in the clear
// (it is bound into the object's associated data), so the server can hold a
// case's own records to the rule that only the agency that referred the case
// writes them, without reading them.
inline constexpr std::string_view kCaseRecordKind = "case";
inline constexpr std::string_view kConsentRecordKind = "consent";
// A consent record lives under the first 16 bytes of
// SHA-256(kConsentRecordLabel || case id); a case record under the case id.
inline constexpr std::string_view kConsentRecordLabel = "samrad/v1/consent-record";
// Key boxes: a case's key sealed to devices, and a group's history (epoch
// keys) the agency's recovery key seals to a replacement device.
inline constexpr std::string_view kCaseKeysKind = "case-keys";
inline constexpr std::string_view kEpochHistoryKind = "epoch-history";
// The group's key for repeat checks, sealed to each device that may hold it
// (coordinator and member devices), written by the coordinator alone, under
// the first 16 bytes of SHA-256(kPersonTagKeyLabel || group id).
inline constexpr std::string_view kPersonTagKeyKind = "person-tag-key";
inline constexpr std::string_view kPersonTagKeyLabel = "samrad/v1/person-tag-key-object";
// A device's view of its group's log (the checkpoint it last accepted),
// under crypto::logViewObjectId(device), written by that device alone, for
// the whole group, at most kMaxLogViewBytes (a checkpoint note, encrypted
// and signed, is about 700 bytes). Writes and reads of its current version
// are the devices' own bookkeeping and go into no log.
inline constexpr std::string_view kLogViewKind = "log-view";
inline constexpr std::size_t kMaxLogViewBytes = 2 * 1024;

}  // namespace samrad
