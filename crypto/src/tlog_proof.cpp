#include "samrad/crypto/tlog_proof.h"

#include <charconv>

#include "samrad/crypto/note.h"

namespace samrad::crypto {
namespace {

Error malformed(const std::string& message) {
  return Error(ErrorCode::InvalidArgument, "tlog_proof.malformed", message);
}

// The next line without its "\n"; fails if there is no "\n".
bool nextLine(std::string_view& rest, std::string_view& line) {
  const auto nl = rest.find('\n');
  if (nl == std::string_view::npos) return false;
  line = rest.substr(0, nl);
  rest.remove_prefix(nl + 1);
  return true;
}

// Decimal without sign, leading zeros or overflow.
bool parseDecimal(std::string_view s, std::uint64_t& out) {
  if (s.empty() || (s.size() > 1 && s[0] == '0')) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

std::string TlogProof::serialize() const {
  std::string out(kTlogProofHeader);
  out += '\n';
  if (extra) {
    out += "extra " + base64Encode(*extra) + "\n";
  }
  out += "index " + std::to_string(index) + "\n";
  for (const auto& h : hashes) {
    out += base64Encode(h.view()) + "\n";
  }
  out += '\n';
  out += checkpoint;
  return out;
}

Result<TlogProof> TlogProof::parse(std::string_view text) {
  if (text.size() > kMaxTlogProofBytes) {
    return Error(ErrorCode::InvalidArgument, "tlog_proof.too_large", "a proof is at most 256 KiB");
  }
  std::string_view rest = text;
  std::string_view line;
  if (!nextLine(rest, line) || line != kTlogProofHeader) {
    return malformed("the first line must be " + std::string(kTlogProofHeader));
  }
  TlogProof p;
  if (!nextLine(rest, line)) return malformed("the proof ends after its header");
  if (line.starts_with("extra ")) {
    auto extra = base64Decode(line.substr(6));
    if (!extra || extra->empty()) return malformed("the extra line is not base64");
    p.extra = std::move(*extra);
    if (!nextLine(rest, line)) return malformed("the proof has no index line");
  }
  if (!line.starts_with("index ") || !parseDecimal(line.substr(6), p.index)) {
    return malformed("expected 'index <decimal>'");
  }
  while (true) {
    if (!nextLine(rest, line)) return malformed("the proof has no checkpoint after its hashes");
    if (line.empty()) break;
    auto bytes = base64Decode(line);
    if (!bytes || bytes->size() != kHashSize) {
      return malformed("a proof line is not a base64 SHA-256 hash");
    }
    if (p.hashes.size() == kMaxTlogProofHashes) return malformed("too many proof hashes");
    SAMRAD_ASSIGN_OR_RETURN(Hash h, Hash::fromBytes(*bytes));
    p.hashes.push_back(h);
  }
  if (rest.empty()) return malformed("the checkpoint is missing");
  p.checkpoint = std::string(rest);
  return p;
}

}  // namespace samrad::crypto
