// Network input: attachment streams (scanned consent forms).
#include <sstream>

#include "../common/fuzz_target.h"
#include "samrad/crypto/attachment.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace samrad::crypto;
  static const SecretBytes key = SecretBytes::copyOf(Bytes(32, 0x05));
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::ostringstream out;
  (void)decryptAttachment(in, out, key, Bytes{0x0a});
  return 0;
}
