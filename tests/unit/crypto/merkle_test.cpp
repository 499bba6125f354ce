// RFC 6962 / RFC 9162 Merkle tree vectors (as in transparency-dev/merkle's
// tests), proofs against tampering, and the C2SP note / checkpoint formats.
#include "samrad/crypto/merkle.h"

#include <gtest/gtest.h>

#include "samrad/crypto/note.h"
#include "test_helpers.h"

namespace samrad::crypto {
namespace {

using testing::hex;

Hash h(std::string_view hexText) {
  return *Hash::fromBytes(hex(hexText));
}

const std::vector<Bytes>& leaves() {
  static const std::vector<Bytes> l = {hex(""),
                                       hex("00"),
                                       hex("10"),
                                       hex("2021"),
                                       hex("3031"),
                                       hex("40414243"),
                                       hex("5051525354555657"),
                                       hex("606162636465666768696a6b6c6d6e6f")};
  return l;
}

const std::vector<Hash>& roots() {
  static const std::vector<Hash> r = {
      h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
      h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
      h("aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77"),
      h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
      h("4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4"),
      h("76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef"),
      h("ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c"),
      h("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")};
  return r;
}

class Merkle : public ::testing::Test {
 protected:
  MemoryLogStore store;
  MerkleLog log{store};
  void SetUp() override {
    for (const auto& l : leaves()) ASSERT_TRUE(log.append(l).ok());
  }
};

TEST(MerkleKat, EmptyTree) {
  EXPECT_EQ(merkleEmptyRoot().hex(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  MemoryLogStore s;
  MerkleLog l(s);
  EXPECT_EQ(l.root(0)->hex(), merkleEmptyRoot().hex());
}

TEST_F(Merkle, RootsForSizesOneToEight) {
  for (std::uint64_t n = 1; n <= 8; ++n) {
    auto r = log.root(n);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->hex(), roots()[n - 1].hex()) << "size " << n;
  }
}

TEST_F(Merkle, InclusionProofOfLeafZeroInSizeEight) {
  auto proof = log.inclusionProof(0, 8);
  ASSERT_TRUE(proof.ok());
  const std::vector<Hash> want = {
      h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
      h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
      h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")};
  EXPECT_EQ(*proof, want);
  EXPECT_TRUE(verifyInclusion(0, 8, merkleLeafHash(leaves()[0]), *proof, roots()[7]).ok());
}

TEST_F(Merkle, MoreKnownInclusionProofs) {
  struct V {
    std::uint64_t index, size;
    std::vector<Hash> proof;
  };
  const std::vector<V> vectors = {
      {5,
       8,
       {h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
        h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
        h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")}},
      {2, 3, {h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")}},
      {1,
       5,
       {h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
        h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
        h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")}},
  };
  for (const auto& v : vectors) {
    auto proof = log.inclusionProof(v.index, v.size);
    ASSERT_TRUE(proof.ok());
    EXPECT_EQ(*proof, v.proof) << v.index << "/" << v.size;
    EXPECT_TRUE(verifyInclusion(v.index, v.size, merkleLeafHash(leaves()[v.index]), v.proof,
                                roots()[v.size - 1])
                    .ok());
  }
}

TEST_F(Merkle, ConsistencyProofSixToEight) {
  auto proof = log.consistencyProof(6, 8);
  ASSERT_TRUE(proof.ok());
  const std::vector<Hash> want = {
      h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
      h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
      h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")};
  EXPECT_EQ(*proof, want);
  EXPECT_TRUE(verifyConsistency(6, 8, *proof, roots()[5], roots()[7]).ok());
}

TEST_F(Merkle, EveryProofForEveryPairVerifies) {
  for (std::uint64_t n = 1; n <= 8; ++n) {
    for (std::uint64_t i = 0; i < n; ++i) {
      auto p = log.inclusionProof(i, n);
      ASSERT_TRUE(p.ok());
      EXPECT_TRUE(verifyInclusion(i, n, merkleLeafHash(leaves()[i]), *p, roots()[n - 1]).ok());
    }
    for (std::uint64_t m = 1; m <= n; ++m) {
      auto p = log.consistencyProof(m, n);
      ASSERT_TRUE(p.ok());
      EXPECT_TRUE(verifyConsistency(m, n, *p, roots()[m - 1], roots()[n - 1]).ok())
          << m << "->" << n;
    }
  }
}

TEST_F(Merkle, RefusesTamperedInclusionProofs) {
  const auto proof = *log.inclusionProof(5, 8);
  const Hash leaf = merkleLeafHash(leaves()[5]);
  const Hash root = roots()[7];
  EXPECT_EQ(verifyInclusion(4, 8, leaf, proof, root).error().reason(), "merkle.root_mismatch");
  EXPECT_EQ(verifyInclusion(8, 8, leaf, proof, root).error().reason(), "merkle.index_out_of_range");
  EXPECT_EQ(verifyInclusion(5, 4, leaf, proof, root).error().reason(), "merkle.index_out_of_range");
  EXPECT_EQ(verifyInclusion(5 ^ 2, 8, leaf, proof, root).error().reason(), "merkle.root_mismatch");
  EXPECT_EQ(
      verifyInclusion(5, 8, merkleLeafHash(asBytes("WrongLeaf")), proof, root).error().reason(),
      "merkle.root_mismatch");
  EXPECT_EQ(verifyInclusion(5, 16, leaf, proof, root).error().reason(), "merkle.wrong_proof_size");
  auto extra = proof;
  extra.push_back(root);
  EXPECT_EQ(verifyInclusion(5, 8, leaf, extra, root).error().reason(), "merkle.wrong_proof_size");
  auto missing = proof;
  missing.pop_back();
  EXPECT_EQ(verifyInclusion(5, 8, leaf, missing, root).error().reason(), "merkle.wrong_proof_size");
  for (std::size_t i = 0; i < proof.size(); ++i) {
    auto flipped = proof;
    flipped[i].bytes[0] ^= 8;
    EXPECT_EQ(verifyInclusion(5, 8, leaf, flipped, root).error().reason(), "merkle.root_mismatch");
  }
}

TEST_F(Merkle, RefusesTamperedConsistencyProofs) {
  const auto proof = *log.consistencyProof(6, 8);
  const Hash r1 = roots()[5];
  const Hash r2 = roots()[7];
  EXPECT_EQ(verifyConsistency(8, 6, proof, r1, r2).error().reason(), "merkle.size_regression");
  EXPECT_FALSE(verifyConsistency(5, 8, proof, r1, r2).ok());
  EXPECT_FALSE(verifyConsistency(6, 16, proof, r1, r2).ok());
  EXPECT_EQ(verifyConsistency(6, 8, proof, r2, r1).error().reason(), "merkle.root_mismatch");
  EXPECT_EQ(verifyConsistency(6, 8, {}, r1, r2).error().reason(), "merkle.wrong_proof_size");
  auto truncated = proof;
  truncated.pop_back();
  EXPECT_EQ(verifyConsistency(6, 8, truncated, r1, r2).error().reason(), "merkle.wrong_proof_size");
  auto extra = proof;
  extra.push_back(r1);
  EXPECT_EQ(verifyConsistency(6, 8, extra, r1, r2).error().reason(), "merkle.wrong_proof_size");
  for (std::size_t i = 0; i < proof.size(); ++i) {
    auto flipped = proof;
    flipped[i].bytes[0] ^= 16;
    EXPECT_EQ(verifyConsistency(6, 8, flipped, r1, r2).error().reason(), "merkle.root_mismatch");
  }
  EXPECT_EQ(verifyConsistency(3, 3, {}, r1, r2).error().reason(), "merkle.root_mismatch");
  EXPECT_TRUE(verifyConsistency(0, 8, {}, r1, r2).ok());
}

TEST(MerkleScale, AppendWritesLogarithmicallyManyNodes) {
  MemoryLogStore s;
  MerkleLog l(s);
  for (int i = 0; i < 1000; ++i) {
    ASSERT_TRUE(l.append(asBytes(std::to_string(i))).ok());
  }
  // Leaf 1023 would complete 10 levels; with 1000 leaves all proofs verify.
  const Hash root = *l.root(1000);
  for (std::uint64_t i : {0ULL, 511ULL, 999ULL}) {
    auto p = l.inclusionProof(i, 1000);
    ASSERT_TRUE(p.ok());
    EXPECT_TRUE(
        verifyInclusion(i, 1000, merkleLeafHash(asBytes(std::to_string(i))), *p, root).ok());
  }
  auto c = l.consistencyProof(377, 1000);
  EXPECT_TRUE(verifyConsistency(377, 1000, *c, *l.root(377), root).ok());
}

// ---- signed notes ---------------------------------------------------------

constexpr std::string_view kGoVkey =
    "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
constexpr std::string_view kGoSkey =
    "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
constexpr std::string_view kGoText =
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n";
constexpr std::string_view kGoSig =
    "\xE2\x80\x94 PeterNeumann "
    "x08go/ZJkuBS9UG/"
    "SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

TEST(Note, TheGoSignedNoteExampleVerifies) {
  auto v = NoteVerifier::parse(kGoVkey);
  ASSERT_TRUE(v.ok()) << v.error().describe();
  EXPECT_EQ(v->vkey(), kGoVkey);
  auto note = Note::parse(std::string(kGoText) + "\n" + std::string(kGoSig));
  ASSERT_TRUE(note.ok()) << note.error().describe();
  std::vector<NoteVerifier> known{*v};
  auto ok = verifyNote(*note, known);
  ASSERT_TRUE(ok.ok()) << ok.error().describe();
  EXPECT_EQ(ok->at(0).name, "PeterNeumann");
}

TEST(Note, TheGoSignerKeyReproducesTheSignatureByteForByte) {
  auto signer = NoteSigner::parse(kGoSkey);
  ASSERT_TRUE(signer.ok()) << signer.error().describe();
  EXPECT_EQ(signer->verifier().vkey(), kGoVkey);
  Note n{std::string(kGoText), {}};
  n.addSignature("PeterNeumann", signer->signText(kGoText));
  EXPECT_EQ(n.serialize(), std::string(kGoText) + "\n" + std::string(kGoSig));
}

TEST(Note, RefusesAlteredTextAndIgnoresUnknownSigners) {
  auto v = *NoteVerifier::parse(kGoVkey);
  std::vector<NoteVerifier> known{v};
  std::string text(kGoText);
  text[3] = 'X';
  auto altered = Note::parse(text + "\n" + std::string(kGoSig));
  ASSERT_TRUE(altered.ok());
  EXPECT_EQ(verifyNote(*altered, known).error().reason(), "note.bad_signature");

  auto other = NoteSigner("samrad.example/log", NoteKeyType::Ed25519, SigningKeyPair::generate());
  std::vector<NoteVerifier> onlyOther{other.verifier()};
  auto note = Note::parse(std::string(kGoText) + "\n" + std::string(kGoSig));
  EXPECT_EQ(verifyNote(*note, onlyOther).error().reason(), "note.unverified");
}

TEST(Note, RefusesMalformedNotesAndKeys) {
  EXPECT_EQ(Note::parse("no signatures\n").error().reason(), "note.malformed");
  EXPECT_EQ(Note::parse("text\n\n- name AAAA\n").error().reason(), "note.malformed");
  EXPECT_EQ(Note::parse(std::string(70000, 'a')).error().reason(), "note.too_large");
  EXPECT_EQ(
      NoteVerifier::parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
          .error()
          .reason(),
      "note.bad_vkey");
  EXPECT_EQ(NoteVerifier::parse("nope").error().reason(), "note.bad_vkey");
}

TEST(Checkpoint, SignedAndCosignedByWitnesses) {
  NoteSigner logKey("samrad.example/log", NoteKeyType::Ed25519, SigningKeyPair::generate());
  NoteSigner witness("polisen.example/witness", NoteKeyType::Cosignature,
                     SigningKeyPair::generate());
  Checkpoint cp{"samrad.example/log", 8, roots()[7], {}};
  const std::string text = cp.text();
  auto parsed = Checkpoint::parse(text);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->size, 8U);
  EXPECT_EQ(parsed->root, roots()[7]);

  Note n{text, {}};
  n.addSignature(logKey.verifier().name, logKey.signText(text));
  n.addSignature(witness.verifier().name, witness.cosign(text, 1790000000));
  auto wire = Note::parse(n.serialize());
  ASSERT_TRUE(wire.ok());
  std::vector<NoteVerifier> known{logKey.verifier(), witness.verifier()};
  auto ok = verifyNote(*wire, known);
  ASSERT_TRUE(ok.ok()) << ok.error().describe();
  ASSERT_EQ(ok->size(), 2U);
  EXPECT_EQ(ok->at(1).cosignedAt, 1790000000U);

  // A cosignature made for another checkpoint does not transfer.
  Checkpoint other{"samrad.example/log", 9, roots()[7], {}};
  Note forged{other.text(), {}};
  forged.addSignature(witness.verifier().name, witness.cosign(text, 1790000000));
  std::vector<NoteVerifier> w{witness.verifier()};
  EXPECT_EQ(verifyNote(forged, w).error().reason(), "note.bad_signature");
}

TEST(Checkpoint, RefusesMalformedBodies) {
  EXPECT_FALSE(Checkpoint::parse("origin\n8\n").ok());
  EXPECT_FALSE(Checkpoint::parse("origin\n08\nAAAA\n").ok());
  EXPECT_FALSE(Checkpoint::parse("origin\n8\nnotbase64!\n").ok());
  EXPECT_FALSE(Checkpoint::parse("origin\n-1\n" + base64Encode(roots()[0].view()) + "\n").ok());
  EXPECT_EQ(Checkpoint::parse("origin\n8\n" + base64Encode(roots()[0].view())).error().reason(),
            "checkpoint.malformed");
}

}  // namespace
}  // namespace samrad::crypto
