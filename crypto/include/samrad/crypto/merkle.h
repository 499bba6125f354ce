// The transparency log's Merkle tree (RFC 6962 / RFC 9162 §2.1): empty =
// SHA-256(""), leaf = SHA-256(0x00 || data), node = SHA-256(0x01 || l || r).
// Storage-agnostic: the log keeps the hash of every complete subtree in a
// LogStore (memory here, the server's database there), so an append writes at
// most log2(n)+1 hashes and a proof reads O(log² n) of them.
#pragma once

#include <cstdint>
#include <vector>

#include "samrad/common/result.h"
#include "samrad/crypto/primitives.h"

namespace samrad::crypto {

Hash merkleEmptyRoot();
Hash merkleLeafHash(ByteView data);
Hash merkleNodeHash(const Hash& left, const Hash& right);

// Node (level, index) covers leaves [index·2^level, (index+1)·2^level).
struct MerkleNode {
  std::uint32_t level = 0;
  std::uint64_t index = 0;
  Hash hash;
};

class LogStore {
 public:
  virtual ~LogStore() = default;
  [[nodiscard]] virtual std::uint64_t size() const = 0;
  [[nodiscard]] virtual Result<Hash> node(std::uint32_t level, std::uint64_t index) const = 0;
  // Stores the nodes completed by appending leaf number `newSize - 1`, all or nothing.
  virtual Status append(std::uint64_t newSize, const std::vector<MerkleNode>& nodes) = 0;
};

class MemoryLogStore final : public LogStore {
 public:
  [[nodiscard]] std::uint64_t size() const override { return size_; }
  [[nodiscard]] Result<Hash> node(std::uint32_t level, std::uint64_t index) const override;
  Status append(std::uint64_t newSize, const std::vector<MerkleNode>& nodes) override;

 private:
  std::uint64_t size_ = 0;
  std::vector<std::vector<Hash>> levels_;
};

class MerkleLog {
 public:
  explicit MerkleLog(LogStore& store) : store_(store) {}

  [[nodiscard]] std::uint64_t size() const { return store_.size(); }
  // Appends an entry and returns its index.
  Result<std::uint64_t> append(ByteView entry);
  Result<std::uint64_t> appendLeafHash(const Hash& leaf);
  Result<Hash> root(std::uint64_t treeSize) const;
  // RFC 9162 §2.1.3.1 PATH(index, D[0:treeSize]).
  Result<std::vector<Hash>> inclusionProof(std::uint64_t index, std::uint64_t treeSize) const;
  // RFC 9162 §2.1.4.1 PROOF(size1, D[0:size2]).
  Result<std::vector<Hash>> consistencyProof(std::uint64_t size1, std::uint64_t size2) const;

 private:
  Result<Hash> rangeHash(std::uint64_t begin, std::uint64_t end) const;
  Status path(std::uint64_t m, std::uint64_t begin, std::uint64_t end,
              std::vector<Hash>& out) const;
  Status subproof(std::uint64_t m, std::uint64_t begin, std::uint64_t end, bool whole,
                  std::vector<Hash>& out) const;
  LogStore& store_;
};

// RFC 9162 §2.1.3.2. Reasons: merkle.index_out_of_range,
// merkle.wrong_proof_size, merkle.root_mismatch.
Status verifyInclusion(std::uint64_t index, std::uint64_t treeSize, const Hash& leafHash,
                       std::span<const Hash> proof, const Hash& root);
Result<Hash> rootFromInclusionProof(std::uint64_t index, std::uint64_t treeSize,
                                    const Hash& leafHash, std::span<const Hash> proof);

// RFC 9162 §2.1.4.2. Reasons: merkle.size_regression, merkle.wrong_proof_size,
// merkle.root_mismatch.
Status verifyConsistency(std::uint64_t size1, std::uint64_t size2, std::span<const Hash> proof,
                         const Hash& root1, const Hash& root2);

}  // namespace samrad::crypto
