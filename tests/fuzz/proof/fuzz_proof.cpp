// Network input: inclusion and consistency proofs as a client receives them.
// Layout: u64 a || u64 b || 32-byte hash x || 32-byte hash y || n × 32-byte
// proof hashes. Checked as an inclusion proof (index a, size b, leaf x, root y)
// and as a consistency proof (sizes a → b, roots x, y).
#include <vector>

#include "../common/fuzz_target.h"
#include "samrad/crypto/merkle.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace samrad::crypto;
  if (size < 16 + 64) return 0;
  auto u64 = [&](std::size_t off) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < 8; ++i) v = (v << 8) | data[off + i];
    return v;
  };
  const std::uint64_t a = u64(0);
  const std::uint64_t b = u64(8);
  Hash x;
  Hash y;
  std::copy(data + 16, data + 48, x.bytes.begin());
  std::copy(data + 48, data + 80, y.bytes.begin());
  std::vector<Hash> proof;
  for (std::size_t off = 80; off + 32 <= size && proof.size() < 128; off += 32) {
    Hash h;
    std::copy(data + off, data + off + 32, h.bytes.begin());
    proof.push_back(h);
  }
  (void)verifyInclusion(a, b, x, proof, y);
  (void)verifyConsistency(a, b, proof, x, y);
  return 0;
}
