// Untrusted text: briefs pasted from anywhere, advice requests from outside
// the group. The scanner must take any bytes, and its spans must always lie
// inside the text and never overlap; redaction must keep the text valid.
#include <cstdlib>
#include <string_view>

#include "../common/fuzz_target.h"
#include "samrad/deid/redaction.h"
#include "samrad/deid/scanner.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace samrad::deid;
  static const Scanner scanner(std::make_shared<const Lexicon>(Lexicon::standard()));
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto findings = scanner.scan(text);
  const std::size_t length = decodeUtf8(text).size();
  std::size_t previousEnd = 0;
  for (const auto& f : findings) {
    if (f.start >= f.end || f.end > length || f.start < previousEnd) std::abort();
    previousEnd = f.end;
  }
  const auto proposals = propose(findings);
  const std::string redacted =
      applyAccepted(text, proposals, std::vector<bool>(proposals.size(), true));
  if (encodeUtf8(decodeUtf8(redacted)) != redacted) std::abort();
  return 0;
}
