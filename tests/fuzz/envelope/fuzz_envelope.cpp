// Network input: every signed object arrives as a SignedEnvelope.
#include "../common/fixtures.h"
#include "../common/fuzz_target.h"
#include "samrad/crypto/envelope.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace samrad;
  auto env = crypto::Envelope::parse({data, size});
  if (!env.ok()) return 0;
  for (auto kind : {crypto::EnvelopeKind::UserCertificate, crypto::EnvelopeKind::GroupOperation,
                    crypto::EnvelopeKind::Content}) {
    (void)crypto::verifyEnvelope(kind, *env, fuzz::key(0x01).publicKey());
  }
  (void)env->serialize();
  return 0;
}
