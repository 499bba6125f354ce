// The crypto core against raw libsodium on the same sizes, in one run:
// content encryption (per-version key, key wrap, author signature) vs bare
// XChaCha20-Poly1305; attachment streaming vs bare secretstream; a rekey of a
// 50-member, 150-device group vs 150 bare sealed boxes; log append and proof
// generation at 1 M leaves vs hashing the leaf alone.
#include <benchmark/benchmark.h>
#include <sodium.h>

#include <sstream>

#include "samrad/crypto/attachment.h"
#include "samrad/crypto/content.h"
#include "samrad/crypto/epoch_keys.h"
#include "samrad/crypto/merkle.h"

namespace {

using namespace samrad::crypto;

constexpr std::int64_t kT = 1790000000;

Bytes payload(std::size_t n) {
  return Bytes(n, 0x42);
}

// ---- content --------------------------------------------------------------

void BM_ContentBaseline(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const Bytes m = payload(n);
  const auto key = SecretBytes::random(32);
  Bytes out(n + 16);
  unsigned char nonce[24];
  const Bytes ad(100, 1);
  for (auto _ : state) {
    randombytes_buf(nonce, sizeof nonce);
    unsigned long long clen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out.data(), &clen, m.data(), n, ad.data(), ad.size(),
                                               nullptr, nonce, key.data());
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(state.iterations() * state.range(0));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// The same cryptographic work as encryptObject, called on libsodium directly:
// what our C++ layer costs on top of the primitives.
void BM_ContentRawSameWork(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const Bytes m = payload(n);
  const auto epochKey = SecretBytes::random(32);
  unsigned char pk[32];
  unsigned char sk[64];
  crypto_sign_keypair(pk, sk);
  Bytes out(24 + n + 16);
  Bytes wrapped(24 + 32 + 16);
  const Bytes ad(100, 1);
  for (auto _ : state) {
    unsigned char objectKey[32];
    randombytes_buf(objectKey, sizeof objectKey);
    randombytes_buf(out.data(), 24);
    unsigned long long clen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + 24, &clen, m.data(), n, ad.data(),
                                               ad.size(), nullptr, out.data(), objectKey);
    randombytes_buf(wrapped.data(), 24);
    crypto_aead_xchacha20poly1305_ietf_encrypt(wrapped.data() + 24, &clen, objectKey, 32, ad.data(),
                                               ad.size(), nullptr, wrapped.data(), epochKey.data());
    Bytes msg = ad;
    unsigned char h[32];
    crypto_generichash(h, 32, out.data(), out.size(), nullptr, 0);
    msg.insert(msg.end(), h, h + 32);
    crypto_generichash(h, 32, wrapped.data(), wrapped.size(), nullptr, 0);
    msg.insert(msg.end(), h, h + 32);
    unsigned char sig[64];
    crypto_sign_detached(sig, nullptr, msg.data(), msg.size(), sk);
    benchmark::DoNotOptimize(sig);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

struct Fixture {
  SigningKeyPair author = SigningKeyPair::generate();
  SecretBytes epochKey = SecretBytes::random(32);
  ContentContext ctx{"case-brief",       GroupId::random(),      ObjectId::random(), 1, 1,
                     DeviceId::random(), sha256(asBytes("head"))};
};

void BM_ContentOurs(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const Bytes m = payload(n);
  Fixture f;
  for (auto _ : state) {
    auto o = encryptObject(f.ctx, m, {f.epochKey, std::nullopt}, f.author);
    benchmark::DoNotOptimize(o);
  }
  state.SetBytesProcessed(state.iterations() * state.range(0));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// ---- attachments ----------------------------------------------------------

void BM_StreamBaseline(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const Bytes m = payload(n);
  const auto key = SecretBytes::random(32);
  Bytes frame(kAttachmentChunk + kAttachmentOverhead);
  for (auto _ : state) {
    crypto_secretstream_xchacha20poly1305_state st;
    unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
    crypto_secretstream_xchacha20poly1305_init_push(&st, header, key.data());
    std::ostringstream out;
    out.write(reinterpret_cast<const char*>(header), sizeof header);
    std::size_t off = 0;
    do {
      const std::size_t len = std::min(kAttachmentChunk, n - off);
      const bool last = off + len >= n;
      unsigned long long flen = 0;
      crypto_secretstream_xchacha20poly1305_push(
          &st, frame.data(), &flen, m.data() + off, len, nullptr, 0,
          last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
      out.write(reinterpret_cast<const char*>(frame.data()), static_cast<std::streamsize>(flen));
      off += len;
    } while (off < n);
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_StreamOurs(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const std::string m(n, 'B');
  const auto key = SecretBytes::random(32);
  const Bytes ad(100, 1);
  for (auto _ : state) {
    std::istringstream in(m);
    std::ostringstream out;
    auto r = encryptAttachment(in, out, key, ad);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// ---- rekey ----------------------------------------------------------------

struct BigGroup {
  SigningKeyPair root = SigningKeyPair::generate();
  AgencyId agency = AgencyId::random();
  MembershipChain chain{TrustStore{}, RevocationList{}};
  SigningKeyPair coordinatorDevice = SigningKeyPair::generate();
  DeviceId coordinatorDeviceId = DeviceId::random();
  std::vector<BoxPublicKey> boxKeys;

  BigGroup() {
    TrustStore roots;
    roots.pin(agency, root.publicKey());
    chain = MembershipChain(roots, RevocationList{});
    OpCreate create;
    for (int m = 0; m < 50; ++m) {
      auto identity = SigningKeyPair::generate();
      const UserId uid = UserId::random();
      const Envelope uc = issueUserCertificate(
          root, {uid, agency, UserRole::Member, identity.publicKey(), kT - 10, kT + 1000, 1});
      MemberSpec spec{uc, m == 0 ? GroupRole::Coordinator : GroupRole::Member, {}};
      for (int d = 0; d < 3; ++d) {
        const bool isCoordinator = m == 0 && d == 0;
        auto signing = SigningKeyPair::generate();
        const BoxKeyPair box = BoxKeyPair::generate();
        const DeviceId did = isCoordinator ? coordinatorDeviceId : DeviceId::random();
        const SigningPublicKey spk =
            isCoordinator ? coordinatorDevice.publicKey() : signing.publicKey();
        boxKeys.push_back(box.publicKey());
        spec.deviceCertificates.push_back(
            issueDeviceCertificate(identity, {did, uid, spk, box.publicKey(), kT - 10, kT + 1000}));
      }
      create.members.push_back(std::move(spec));
    }
    auto g = chain.makeLink(GroupId::random(), create, kT, coordinatorDevice, coordinatorDeviceId);
    if (!g.ok() || !chain.append(*g).ok()) std::abort();
  }
};

void BM_RekeyBaseline(benchmark::State& state) {
  static BigGroup g;
  const auto key = SecretBytes::random(32);
  for (auto _ : state) {
    for (const auto& pk : g.boxKeys) benchmark::DoNotOptimize(sealTo(pk, key.view()));
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["devices"] = static_cast<double>(g.boxKeys.size());
}

void BM_RekeyOurs(benchmark::State& state) {
  static BigGroup g;
  const auto previous = SecretBytes::random(32);
  for (auto _ : state) {
    const auto key = SecretBytes::random(32);
    auto bundle = makeEpochKeyBundle(g.chain, key, &previous, g.coordinatorDevice,
                                     g.coordinatorDeviceId, {}, g.chain.state().lastTime);
    benchmark::DoNotOptimize(bundle);
  }
  state.SetItemsProcessed(state.iterations());
}

// ---- transparency log at 1 M leaves ----------------------------------------

MerkleLog& millionLeafLog() {
  static MemoryLogStore store;
  static MerkleLog log(store);
  if (log.size() == 0) {
    for (std::uint64_t i = 0; i < (1U << 20); ++i) {
      (void)log.append(asBytes("audit event " + std::to_string(i)));
    }
  }
  return log;
}

void BM_AppendBaseline(benchmark::State& state) {
  std::uint64_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(merkleLeafHash(asBytes("audit event " + std::to_string(i++))));
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_AppendOurs(benchmark::State& state) {
  MerkleLog& log = millionLeafLog();
  std::uint64_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(log.append(asBytes("audit event extra " + std::to_string(i++))));
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["leaves"] = static_cast<double>(log.size());
}

void BM_ProofInclusion(benchmark::State& state) {
  MerkleLog& log = millionLeafLog();
  const std::uint64_t size = log.size();
  std::uint64_t i = 12345;
  for (auto _ : state) {
    benchmark::DoNotOptimize(log.inclusionProof(i % size, size));
    i = i * 6364136223846793005ULL + 1442695040888963407ULL;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_ProofConsistency(benchmark::State& state) {
  MerkleLog& log = millionLeafLog();
  const std::uint64_t size = log.size();
  std::uint64_t i = 777;
  for (auto _ : state) {
    benchmark::DoNotOptimize(log.consistencyProof(1 + i % (size - 1), size));
    i = i * 6364136223846793005ULL + 1442695040888963407ULL;
  }
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

BENCHMARK(BM_ContentRawSameWork)
    ->Name("Content/Encrypt/baseline")
    ->Arg(1024)
    ->Arg(65536)
    ->Arg(4 << 20)
    ->UseRealTime();
BENCHMARK(BM_ContentOurs)
    ->Name("Content/VsBareAead/samrad")
    ->Arg(1024)
    ->Arg(65536)
    ->Arg(4 << 20)
    ->UseRealTime();
BENCHMARK(BM_ContentBaseline)
    ->Name("Content/VsBareAead/baseline")
    ->Arg(1024)
    ->Arg(65536)
    ->Arg(4 << 20)
    ->UseRealTime();
BENCHMARK(BM_ContentOurs)
    ->Name("Content/Encrypt/samrad")
    ->Arg(1024)
    ->Arg(65536)
    ->Arg(4 << 20)
    ->UseRealTime();
BENCHMARK(BM_StreamBaseline)
    ->Name("Attachment/Stream/baseline")
    ->Arg(1024)
    ->Arg(65536)
    ->Arg(4 << 20)
    ->UseRealTime();
BENCHMARK(BM_StreamOurs)
    ->Name("Attachment/Stream/samrad")
    ->Arg(1024)
    ->Arg(65536)
    ->Arg(4 << 20)
    ->UseRealTime();
BENCHMARK(BM_RekeyBaseline)
    ->Name("Rekey/150devices/baseline")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_RekeyOurs)
    ->Name("Rekey/150devices/samrad")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_AppendBaseline)
    ->Name("Log/Append/baseline")
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime();
BENCHMARK(BM_AppendOurs)->Name("Log/Append/samrad")->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_ProofInclusion)
    ->Name("Log/InclusionProof/samrad")
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime();
BENCHMARK(BM_ProofConsistency)
    ->Name("Log/ConsistencyProof/samrad")
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime();
