#include "samrad/crypto/attachment.h"

#include <sodium.h>

#include <memory>
#include <vector>

namespace samrad::crypto {
namespace {

static_assert(crypto_secretstream_xchacha20poly1305_HEADERBYTES == kAttachmentHeader);
static_assert(crypto_secretstream_xchacha20poly1305_ABYTES == kAttachmentOverhead);

// Reads up to n bytes; returns how many were read (short only at end of stream).
std::size_t readUpTo(std::istream& in, std::uint8_t* buf, std::size_t n) {
  in.read(reinterpret_cast<char*>(buf), static_cast<std::streamsize>(n));
  return static_cast<std::size_t>(in.gcount());
}

Error streamError(ErrorCode code, const char* reason, const char* message) {
  return Error(code, reason, message);
}

}  // namespace

Result<AttachmentStats> encryptAttachment(std::istream& in, std::ostream& out,
                                          const SecretBytes& key, ByteView ad) {
  if (key.size() != crypto_secretstream_xchacha20poly1305_KEYBYTES) {
    return streamError(ErrorCode::InvalidArgument, "stream.key_size", "a stream key is 32 bytes");
  }
  crypto_secretstream_xchacha20poly1305_state st;
  std::uint8_t header[kAttachmentHeader];
  crypto_secretstream_xchacha20poly1305_init_push(&st, header, key.data());
  out.write(reinterpret_cast<const char*>(header), sizeof header);

  // Plaintext is read one chunk ahead so the last chunk can carry FINAL. The
  // buffers are wiped on every exit (guarded sodium_malloc pages would cost an
  // mmap per attachment for no gain: the plaintext is the caller's anyway).
  // Not zero-initialised: only the bytes actually read are used, and only
  // those are wiped (a 1 KiB attachment should not cost 256 KiB of memset).
  auto cur = std::make_unique_for_overwrite<std::uint8_t[]>(kAttachmentChunk);
  auto next = std::make_unique_for_overwrite<std::uint8_t[]>(kAttachmentChunk);
  std::size_t used = 0;
  struct Wipe {
    std::uint8_t* a;
    std::uint8_t* b;
    const std::size_t& n;
    ~Wipe() {
      sodium_memzero(a, n);
      sodium_memzero(b, n);
    }
  } wipeOnExit{cur.get(), next.get(), used};
  auto frame =
      std::make_unique_for_overwrite<std::uint8_t[]>(kAttachmentChunk + kAttachmentOverhead);
  AttachmentStats stats;
  std::size_t curLen = readUpTo(in, cur.get(), kAttachmentChunk);
  used = curLen;
  for (;;) {
    const std::size_t nextLen =
        curLen == kAttachmentChunk ? readUpTo(in, next.get(), kAttachmentChunk) : 0;
    used = std::max(used, nextLen);
    const bool last = nextLen == 0;
    unsigned long long flen = 0;
    crypto_secretstream_xchacha20poly1305_push(
        &st, frame.get(), &flen, cur.get(), curLen, ad.data(), ad.size(),
        last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
    const std::uint8_t len[4] = {
        static_cast<std::uint8_t>(flen >> 24), static_cast<std::uint8_t>(flen >> 16),
        static_cast<std::uint8_t>(flen >> 8), static_cast<std::uint8_t>(flen)};
    out.write(reinterpret_cast<const char*>(len), sizeof len);
    out.write(reinterpret_cast<const char*>(frame.get()), static_cast<std::streamsize>(flen));
    stats.plaintextBytes += curLen;
    ++stats.chunks;
    if (last) break;
    std::swap(cur, next);
    curLen = nextLen;
  }
  sodium_memzero(&st, sizeof st);
  if (!out || in.bad()) {
    return streamError(ErrorCode::Unavailable, "stream.io", "could not read or write the stream");
  }
  return stats;
}

Result<AttachmentStats> decryptAttachment(std::istream& in, std::ostream& out,
                                          const SecretBytes& key, ByteView ad) {
  if (key.size() != crypto_secretstream_xchacha20poly1305_KEYBYTES) {
    return streamError(ErrorCode::InvalidArgument, "stream.key_size", "a stream key is 32 bytes");
  }
  std::uint8_t header[kAttachmentHeader];
  if (readUpTo(in, header, sizeof header) != sizeof header) {
    return streamError(ErrorCode::InvalidArgument, "stream.bad_header", "stream header missing");
  }
  crypto_secretstream_xchacha20poly1305_state st;
  if (crypto_secretstream_xchacha20poly1305_init_pull(&st, header, key.data()) != 0) {
    return streamError(ErrorCode::InvalidArgument, "stream.bad_header", "invalid stream header");
  }
  std::vector<std::uint8_t> frame(kAttachmentChunk + kAttachmentOverhead);
  std::vector<std::uint8_t> plain(kAttachmentChunk);
  struct Wipe {
    std::vector<std::uint8_t>& p;
    ~Wipe() { sodium_memzero(p.data(), p.size()); }
  } wipeOnExit{plain};
  AttachmentStats stats;
  for (;;) {
    std::uint8_t len[4];
    const std::size_t got = readUpTo(in, len, sizeof len);
    if (got != sizeof len) {
      return streamError(ErrorCode::DataLoss, "stream.truncated",
                         "the attachment ended before its final chunk");
    }
    const std::size_t n = (std::size_t{len[0]} << 24) | (std::size_t{len[1]} << 16) |
                          (std::size_t{len[2]} << 8) | std::size_t{len[3]};
    if (n < kAttachmentOverhead || n > frame.size()) {
      return streamError(ErrorCode::DataLoss, "stream.bad_chunk", "a chunk has an invalid length");
    }
    if (readUpTo(in, frame.data(), n) != n) {
      return streamError(ErrorCode::DataLoss, "stream.truncated",
                         "the attachment ended inside a chunk");
    }
    unsigned long long mlen = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(&st, plain.data(), &mlen, &tag, frame.data(), n,
                                                   ad.data(), ad.size()) != 0) {
      return streamError(ErrorCode::DataLoss, "stream.bad_chunk",
                         "a chunk was altered, reordered, duplicated or cut");
    }
    out.write(reinterpret_cast<const char*>(plain.data()), static_cast<std::streamsize>(mlen));
    stats.plaintextBytes += mlen;
    ++stats.chunks;
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) break;
  }
  sodium_memzero(&st, sizeof st);
  std::uint8_t extra = 0;
  if (readUpTo(in, &extra, 1) != 0) {
    return streamError(ErrorCode::DataLoss, "stream.data_after_final",
                       "bytes follow the final chunk");
  }
  if (!out) {
    return streamError(ErrorCode::Unavailable, "stream.io", "could not write the plaintext");
  }
  return stats;
}

}  // namespace samrad::crypto
