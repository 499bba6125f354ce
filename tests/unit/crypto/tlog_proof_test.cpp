// The C2SP tlog-proof text format: a proof made from a real log verifies after
// a round trip, and every malformed variant is refused with a reason.
#include "samrad/crypto/tlog_proof.h"

#include <gtest/gtest.h>

#include "samrad/crypto/merkle.h"
#include "samrad/crypto/note.h"

namespace samrad::crypto {
namespace {

class TlogProofFormat : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 13; ++i) {
      const std::string e = "entry " + std::to_string(i);
      entries_.emplace_back(e.begin(), e.end());
      ASSERT_TRUE(log_.append(entries_.back()).ok());
    }
    root_ = *log_.root(13);
    const Checkpoint cp{"samrad.example/log", 13, root_, {}};
    const NoteSigner signer("samrad.example/log", NoteKeyType::Ed25519, SigningKeyPair::generate());
    Note note{cp.text(), {}};
    note.addSignature(signer.verifier().name, signer.signText(note.text));
    checkpoint_ = note.serialize();
  }

  TlogProof proofOf(std::uint64_t index) {
    TlogProof p;
    p.extra = entries_[index];
    p.index = index;
    p.hashes = *log_.inclusionProof(index, 13);
    p.checkpoint = checkpoint_;
    return p;
  }

  MemoryLogStore store_;
  MerkleLog log_{store_};
  std::vector<Bytes> entries_;
  Hash root_;
  std::string checkpoint_;
};

TEST_F(TlogProofFormat, RoundTripsAndVerifies) {
  for (std::uint64_t i : {0U, 5U, 12U}) {
    const std::string text = proofOf(i).serialize();
    EXPECT_EQ(text.rfind("c2sp.org/tlog-proof@v1\nextra ", 0), 0U) << text;
    auto parsed = TlogProof::parse(text);
    ASSERT_TRUE(parsed.ok()) << parsed.error().describe();
    EXPECT_EQ(parsed->index, i);
    EXPECT_EQ(parsed->extra, entries_[i]);
    EXPECT_EQ(parsed->checkpoint, checkpoint_);
    EXPECT_EQ(parsed->serialize(), text);
    EXPECT_TRUE(verifyInclusion(i, 13, merkleLeafHash(*parsed->extra), parsed->hashes, root_));
  }
}

TEST_F(TlogProofFormat, WithoutExtraAndWithoutHashes) {
  TlogProof p = proofOf(3);
  p.extra.reset();
  p.hashes.clear();
  auto parsed = TlogProof::parse(p.serialize());
  ASSERT_TRUE(parsed.ok()) << parsed.error().describe();
  EXPECT_FALSE(parsed->extra.has_value());
  EXPECT_TRUE(parsed->hashes.empty());
}

TEST_F(TlogProofFormat, RefusesEveryMalformedVariant) {
  const std::string good = proofOf(4).serialize();
  auto replaced = [&](std::string_view from, std::string_view to) {
    std::string t = good;
    const auto at = t.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    t.replace(at, from.size(), to);
    return t;
  };
  const std::vector<std::pair<const char*, std::string>> bad = {
      {"other header", replaced("tlog-proof@v1", "tlog-proof@v2")},
      {"leading zero", replaced("index 4", "index 04")},
      {"signed index", replaced("index 4", "index +4")},
      {"no index", replaced("index 4\n", "")},
      {"extra not base64", replaced("extra ", "extra !")},
      {"hash too short", replaced("\n\n", "\nAAAA\n\n")},
      {"no checkpoint", good.substr(0, good.find("\n\n") + 2)},
      {"no blank line", good.substr(0, good.find("\n\n") + 1)},
      {"empty", ""},
      {"CRLF", replaced("tlog-proof@v1\n", "tlog-proof@v1\r\n")},
  };
  for (const auto& [what, text] : bad) {
    auto parsed = TlogProof::parse(text);
    ASSERT_FALSE(parsed.ok()) << what;
    EXPECT_EQ(parsed.error().reason(), "tlog_proof.malformed") << what;
  }
  EXPECT_EQ(TlogProof::parse(std::string(kMaxTlogProofBytes + 1, 'a')).error().reason(),
            "tlog_proof.too_large");
}

TEST_F(TlogProofFormat, AChangedHashOrEntryNoLongerVerifies) {
  TlogProof p = proofOf(7);
  p.hashes[1].bytes[0] ^= 1;
  EXPECT_FALSE(verifyInclusion(7, 13, merkleLeafHash(*p.extra), p.hashes, root_));
  p = proofOf(7);
  (*p.extra)[0] ^= 1;
  EXPECT_FALSE(verifyInclusion(7, 13, merkleLeafHash(*p.extra), p.hashes, root_));
}

}  // namespace
}  // namespace samrad::crypto
