// Attachments (scanned consent forms, exports): libsodium secretstream
// (XChaCha20-Poly1305) in 64 KiB chunks (length-prefixed frames), the last one tagged FINAL, bound
// to the object's associated data. Constant memory for any size. A stream that ends before FINAL,
// has chunks reordered, duplicated or altered, or carries bytes after FINAL is refused with its own
// reason.
#pragma once

#include <istream>
#include <ostream>

#include "samrad/common/result.h"
#include "samrad/crypto/secure.h"

namespace samrad::crypto {

inline constexpr std::size_t kAttachmentChunk = 64 * 1024;
inline constexpr std::size_t kAttachmentHeader = 24;
inline constexpr std::size_t kAttachmentOverhead = 17;  // secretstream tag + MAC per chunk
// Each chunk travels as u32 BE length || ciphertext, so the reader knows where
// a chunk ends without trusting anything else.
inline constexpr std::size_t kAttachmentFrameOverhead = 4 + kAttachmentOverhead;

struct AttachmentStats {
  std::uint64_t plaintextBytes = 0;
  std::uint64_t chunks = 0;
};

// Reads `in` to its end and writes header || chunk frames to `out`.
Result<AttachmentStats> encryptAttachment(std::istream& in, std::ostream& out,
                                          const SecretBytes& key, ByteView associatedData);

// Reasons: stream.bad_header, stream.truncated (ended before FINAL),
// stream.bad_chunk (altered, reordered or duplicated), stream.data_after_final,
// stream.io. On any error the caller must discard what was written to `out`.
Result<AttachmentStats> decryptAttachment(std::istream& in, std::ostream& out,
                                          const SecretBytes& key, ByteView associatedData);

}  // namespace samrad::crypto
