#include "samrad/crypto/merkle.h"

#include <bit>

namespace samrad::crypto {
namespace {

Error merkleError(ErrorCode code, const char* reason, const char* message) {
  return Error(code, reason, message);
}

// Largest power of two strictly smaller than n (n >= 2).
std::uint64_t splitPoint(std::uint64_t n) {
  return std::bit_floor(n - 1);
}

}  // namespace

Hash merkleEmptyRoot() {
  return sha256(ByteView{});
}

Hash merkleLeafHash(ByteView data) {
  static constexpr std::uint8_t kLeaf = 0x00;
  return sha256({ByteView(&kLeaf, 1), data});
}

Hash merkleNodeHash(const Hash& left, const Hash& right) {
  static constexpr std::uint8_t kNode = 0x01;
  return sha256({ByteView(&kNode, 1), left.view(), right.view()});
}

Result<Hash> MemoryLogStore::node(std::uint32_t level, std::uint64_t index) const {
  if (level >= levels_.size() || index >= levels_[level].size()) {
    return merkleError(ErrorCode::NotFound, "merkle.no_node", "node not stored");
  }
  return levels_[level][index];
}

Status MemoryLogStore::append(std::uint64_t newSize, const std::vector<MerkleNode>& nodes) {
  if (newSize != size_ + 1) {
    return merkleError(ErrorCode::Aborted, "merkle.concurrent_append", "log size changed");
  }
  for (const auto& n : nodes) {
    if (levels_.size() <= n.level) levels_.resize(n.level + 1);
    if (levels_[n.level].size() != n.index) {
      return merkleError(ErrorCode::Internal, "merkle.store_order", "nodes out of order");
    }
    levels_[n.level].push_back(n.hash);
  }
  size_ = newSize;
  return okStatus();
}

Result<std::uint64_t> MerkleLog::append(ByteView entry) {
  return appendLeafHash(merkleLeafHash(entry));
}

Result<std::uint64_t> MerkleLog::appendLeafHash(const Hash& leaf) {
  const std::uint64_t index = store_.size();
  std::vector<MerkleNode> nodes{{0, index, leaf}};
  // Each time the new node is a right child, its parent is now complete.
  Hash current = leaf;
  std::uint64_t i = index;
  std::uint32_t level = 0;
  while ((i & 1) == 1) {
    SAMRAD_ASSIGN_OR_RETURN(Hash left, store_.node(level, i - 1));
    current = merkleNodeHash(left, current);
    i >>= 1;
    ++level;
    nodes.push_back({level, i, current});
  }
  SAMRAD_TRY(store_.append(index + 1, nodes));
  return index;
}

Result<Hash> MerkleLog::rangeHash(std::uint64_t begin, std::uint64_t end) const {
  const std::uint64_t n = end - begin;
  if (n == 0) return merkleEmptyRoot();
  if (std::has_single_bit(n) && begin % n == 0) {
    return store_.node(static_cast<std::uint32_t>(std::countr_zero(n)), begin / n);
  }
  const std::uint64_t k = splitPoint(n);
  SAMRAD_ASSIGN_OR_RETURN(Hash left, rangeHash(begin, begin + k));
  SAMRAD_ASSIGN_OR_RETURN(Hash right, rangeHash(begin + k, end));
  return merkleNodeHash(left, right);
}

Result<Hash> MerkleLog::root(std::uint64_t treeSize) const {
  if (treeSize > store_.size()) {
    return merkleError(ErrorCode::InvalidArgument, "merkle.size_beyond_log",
                       "the log is not that large");
  }
  return rangeHash(0, treeSize);
}

Status MerkleLog::path(std::uint64_t m, std::uint64_t begin, std::uint64_t end,
                       std::vector<Hash>& out) const {
  const std::uint64_t n = end - begin;
  if (n <= 1) return okStatus();
  const std::uint64_t k = splitPoint(n);
  if (m < k) {
    SAMRAD_TRY(path(m, begin, begin + k, out));
    SAMRAD_ASSIGN_OR_RETURN(Hash h, rangeHash(begin + k, end));
    out.push_back(h);
  } else {
    SAMRAD_TRY(path(m - k, begin + k, end, out));
    SAMRAD_ASSIGN_OR_RETURN(Hash h, rangeHash(begin, begin + k));
    out.push_back(h);
  }
  return okStatus();
}

Result<std::vector<Hash>> MerkleLog::inclusionProof(std::uint64_t index,
                                                    std::uint64_t treeSize) const {
  if (treeSize > store_.size()) {
    return merkleError(ErrorCode::InvalidArgument, "merkle.size_beyond_log",
                       "the log is not that large");
  }
  if (index >= treeSize) {
    return merkleError(ErrorCode::InvalidArgument, "merkle.index_out_of_range",
                       "the entry is not in a tree of that size");
  }
  std::vector<Hash> out;
  SAMRAD_TRY(path(index, 0, treeSize, out));
  return out;
}

Status MerkleLog::subproof(std::uint64_t m, std::uint64_t begin, std::uint64_t end, bool whole,
                           std::vector<Hash>& out) const {
  const std::uint64_t n = end - begin;
  if (m == n) {
    if (!whole) {
      SAMRAD_ASSIGN_OR_RETURN(Hash h, rangeHash(begin, end));
      out.push_back(h);
    }
    return okStatus();
  }
  const std::uint64_t k = splitPoint(n);
  if (m <= k) {
    SAMRAD_TRY(subproof(m, begin, begin + k, whole, out));
    SAMRAD_ASSIGN_OR_RETURN(Hash h, rangeHash(begin + k, end));
    out.push_back(h);
  } else {
    SAMRAD_TRY(subproof(m - k, begin + k, end, false, out));
    SAMRAD_ASSIGN_OR_RETURN(Hash h, rangeHash(begin, begin + k));
    out.push_back(h);
  }
  return okStatus();
}

Result<std::vector<Hash>> MerkleLog::consistencyProof(std::uint64_t size1,
                                                      std::uint64_t size2) const {
  if (size2 > store_.size()) {
    return merkleError(ErrorCode::InvalidArgument, "merkle.size_beyond_log",
                       "the log is not that large");
  }
  if (size1 > size2) {
    return merkleError(ErrorCode::InvalidArgument, "merkle.size_regression",
                       "the first tree is larger than the second");
  }
  std::vector<Hash> out;
  if (size1 == 0 || size1 == size2) return out;
  SAMRAD_TRY(subproof(size1, 0, size2, true, out));
  return out;
}

Result<Hash> rootFromInclusionProof(std::uint64_t index, std::uint64_t treeSize,
                                    const Hash& leafHash, std::span<const Hash> proof) {
  if (index >= treeSize) {
    return merkleError(ErrorCode::InvalidArgument, "merkle.index_out_of_range",
                       "the index is not inside the tree");
  }
  std::uint64_t fn = index;
  std::uint64_t sn = treeSize - 1;
  Hash r = leafHash;
  for (const Hash& p : proof) {
    if (sn == 0) {
      return merkleError(ErrorCode::InvalidArgument, "merkle.wrong_proof_size",
                         "the proof has more hashes than the tree has levels");
    }
    if ((fn & 1) == 1 || fn == sn) {
      r = merkleNodeHash(p, r);
      if ((fn & 1) == 0) {
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = merkleNodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) {
    return merkleError(ErrorCode::InvalidArgument, "merkle.wrong_proof_size",
                       "the proof has fewer hashes than the tree needs");
  }
  return r;
}

Status verifyInclusion(std::uint64_t index, std::uint64_t treeSize, const Hash& leafHash,
                       std::span<const Hash> proof, const Hash& root) {
  SAMRAD_ASSIGN_OR_RETURN(Hash computed, rootFromInclusionProof(index, treeSize, leafHash, proof));
  if (!constantTimeEqual(computed.view(), root.view())) {
    return merkleError(ErrorCode::PermissionDenied, "merkle.root_mismatch",
                       "the inclusion proof does not lead to the root");
  }
  return okStatus();
}

Status verifyConsistency(std::uint64_t size1, std::uint64_t size2, std::span<const Hash> proof,
                         const Hash& root1, const Hash& root2) {
  if (size2 < size1) {
    return merkleError(ErrorCode::InvalidArgument, "merkle.size_regression",
                       "the second tree is smaller than the first");
  }
  if (size1 == size2) {
    if (!proof.empty()) {
      return merkleError(ErrorCode::InvalidArgument, "merkle.wrong_proof_size",
                         "trees of equal size need an empty proof");
    }
    if (root1 != root2) {
      return merkleError(ErrorCode::PermissionDenied, "merkle.root_mismatch",
                         "two different roots for the same tree size");
    }
    return okStatus();
  }
  if (size1 == 0) {
    if (!proof.empty()) {
      return merkleError(ErrorCode::InvalidArgument, "merkle.wrong_proof_size",
                         "an empty tree is consistent with anything, without proof");
    }
    return okStatus();
  }
  if (proof.empty()) {
    return merkleError(ErrorCode::InvalidArgument, "merkle.wrong_proof_size",
                       "the consistency proof is empty");
  }
  std::vector<Hash> path(proof.begin(), proof.end());
  if (std::has_single_bit(size1)) path.insert(path.begin(), root1);
  std::uint64_t fn = size1 - 1;
  std::uint64_t sn = size2 - 1;
  while ((fn & 1) == 1) {
    fn >>= 1;
    sn >>= 1;
  }
  Hash fr = path[0];
  Hash sr = path[0];
  for (std::size_t i = 1; i < path.size(); ++i) {
    const Hash& c = path[i];
    if (sn == 0) {
      return merkleError(ErrorCode::InvalidArgument, "merkle.wrong_proof_size",
                         "the proof has more hashes than needed");
    }
    if ((fn & 1) == 1 || fn == sn) {
      fr = merkleNodeHash(c, fr);
      sr = merkleNodeHash(c, sr);
      if ((fn & 1) == 0) {
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      sr = merkleNodeHash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) {
    return merkleError(ErrorCode::InvalidArgument, "merkle.wrong_proof_size",
                       "the proof has fewer hashes than needed");
  }
  if (!constantTimeEqual(fr.view(), root1.view()) || !constantTimeEqual(sr.view(), root2.view())) {
    return merkleError(ErrorCode::PermissionDenied, "merkle.root_mismatch",
                       "the proof does not connect the two roots");
  }
  return okStatus();
}

}  // namespace samrad::crypto
