// Which transparency log (DESIGN §3, Transparency). The server keeps one log
// per group (its links, consent, case states, reads, deletions, advice,
// retention), one directory log (agency roots, certificates, revocations)
// and, on a store that had one, the legacy log: the single log of earlier
// versions, frozen when the store moved to these (every new log begins with
// an entry binding its last checkpoint). One key signs them all; each
// checkpoint's origin names its log, so a checkpoint or a cosignature of one
// log can never pass for another's.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "samrad/crypto/primitives.h"

namespace samrad::crypto {

struct LogId {
  enum class Kind : std::uint8_t { Directory, Group, Legacy };
  Kind kind = Kind::Directory;
  GroupId group;  // Kind::Group only

  static LogId directory() { return {}; }
  static LogId legacy() { return {Kind::Legacy, {}}; }
  static LogId ofGroup(const GroupId& g) { return {Kind::Group, g}; }

  // The key its rows are stored under: empty (directory), the group's 16
  // bytes, or one zero byte (legacy). Distinct by length.
  [[nodiscard]] Bytes storageKey() const;
  static Result<LogId> fromStorageKey(ByteView key);
  // The checkpoint origin under the log key's name `base`: the base itself
  // for the legacy log (as it always was), base + "/directory", or
  // base + "/group/" + the group's hex id.
  [[nodiscard]] std::string origin(std::string_view base) const;
  // For messages: "the directory log", "group 1a2b3c4d's log", "the legacy log".
  [[nodiscard]] std::string describe() const;

  friend bool operator==(const LogId& a, const LogId& b) {
    return a.kind == b.kind && (a.kind != Kind::Group || a.group == b.group);
  }
  friend bool operator<(const LogId& a, const LogId& b) {
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.kind == Kind::Group && a.group < b.group;
  }
};

}  // namespace samrad::crypto
