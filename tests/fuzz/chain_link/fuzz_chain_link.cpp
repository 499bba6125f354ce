// Network input: membership chain links. The first input is tried as a genesis
// link (parsed before its signature can be checked), then as a follow-up link.
#include "../common/fixtures.h"
#include "../common/fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace samrad;
  auto env = crypto::Envelope::parse({data, size});
  if (!env.ok()) return 0;
  crypto::MembershipChain chain(fuzz::roots(), crypto::RevocationList{});
  if (chain.append(*env).ok()) {
    // A valid genesis: feed the same bytes again (replay) and a follow-up.
    (void)chain.append(*env);
    crypto::Envelope next = *env;
    if (!next.body.empty()) next.body[next.body.size() / 2] ^= 0x01;
    (void)chain.append(next);
  }
  return 0;
}
