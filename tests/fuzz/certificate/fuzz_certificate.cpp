// Network input: user and device certificates, verified against pinned roots.
#include "../common/fixtures.h"
#include "../common/fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace samrad;
  auto env = crypto::Envelope::parse({data, size});
  if (!env.ok()) return 0;
  static const crypto::TrustStore roots = fuzz::roots();
  const crypto::RevocationList none;
  (void)crypto::verifyUserCertificate(*env, roots, fuzz::kTime, none);
  (void)crypto::verifyDeviceCertificate(*env, fuzz::user(), fuzz::kTime, none);
  return 0;
}
