// C2SP tlog-proof v1: an offline-verifiable proof that an entry is in a
// transparency log, as text:
//
//   c2sp.org/tlog-proof@v1
//   extra <base64>          (optional, application data; Samråd: the entry)
//   index <decimal>
//   <base64 hash>           (the RFC 9162 inclusion proof, lowest level first)
//   ...
//   <empty line>
//   <the checkpoint, a C2SP signed note, with its signatures>
//
// Parsing is strict (one canonical form), so a byte changed anywhere either
// fails to parse or changes what the proof says.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "samrad/common/result.h"
#include "samrad/crypto/primitives.h"

namespace samrad::crypto {

inline constexpr std::string_view kTlogProofHeader = "c2sp.org/tlog-proof@v1";
inline constexpr std::size_t kMaxTlogProofBytes = 256 * 1024;
inline constexpr std::size_t kMaxTlogProofHashes = 64;

struct TlogProof {
  std::optional<Bytes> extra;
  std::uint64_t index = 0;
  std::vector<Hash> hashes;
  std::string checkpoint;  // the signed note, verbatim

  [[nodiscard]] std::string serialize() const;
  // Reasons: tlog_proof.too_large, tlog_proof.malformed.
  static Result<TlogProof> parse(std::string_view text);
};

}  // namespace samrad::crypto
