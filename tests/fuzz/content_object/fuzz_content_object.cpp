// Network input: encrypted objects as the server returns them.
#include "../common/fuzz_target.h"
#include "samrad/crypto/content.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace samrad::crypto;
  auto o = EncryptedObject::parse({data, size});
  if (o.ok()) {
    (void)o->context.associatedData();
    (void)o->serialize();
  }
  return 0;
}
