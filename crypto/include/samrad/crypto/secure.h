// Secret material lives in sodium_malloc'd memory: guard pages, mlock'd where
// the OS allows, wiped on free. Never in std::string, never in a log.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace samrad::crypto {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

// Initialises libsodium once. A failure ends the process: there is no safe way
// to continue without a working CSPRNG (STYLE: "A failed sodium_init ends the
// process at start-up").
void initSodium();

// A fixed-size or sized-at-construction secret buffer, move-only.
class SecretBytes {
 public:
  SecretBytes() = default;
  explicit SecretBytes(std::size_t size);
  ~SecretBytes();
  SecretBytes(SecretBytes&& other) noexcept;
  SecretBytes& operator=(SecretBytes&& other) noexcept;
  SecretBytes(const SecretBytes&) = delete;
  SecretBytes& operator=(const SecretBytes&) = delete;

  static SecretBytes random(std::size_t size);
  static SecretBytes copyOf(ByteView bytes);

  [[nodiscard]] std::uint8_t* data() { return data_; }
  [[nodiscard]] const std::uint8_t* data() const { return data_; }
  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] bool empty() const { return size_ == 0; }
  [[nodiscard]] ByteView view() const { return {data_, size_}; }
  [[nodiscard]] std::span<std::uint8_t> span() { return {data_, size_}; }
  // Constant-time comparison.
  [[nodiscard]] bool equals(ByteView other) const;

 private:
  std::uint8_t* data_ = nullptr;
  std::size_t size_ = 0;
};

void wipeMemory(void* data, std::size_t size);
void fillRandom(std::span<std::uint8_t> out);

// A short-lived fixed-size secret on the stack, wiped when it goes out of
// scope. For per-call keys (an object key between generation and wrapping),
// where a guarded sodium_malloc page per object would cost an mmap each time.
template <std::size_t N>
class ScopedSecret {
 public:
  ScopedSecret() = default;
  ~ScopedSecret() { wipeMemory(bytes_, N); }
  ScopedSecret(const ScopedSecret&) = delete;
  ScopedSecret& operator=(const ScopedSecret&) = delete;
  [[nodiscard]] std::uint8_t* data() { return bytes_; }
  [[nodiscard]] ByteView view() const { return {bytes_, N}; }

 private:
  std::uint8_t bytes_[N] = {};
};

Bytes randomBytes(std::size_t size);

// Overwrites a plain buffer that briefly held secret material.
void wipe(Bytes& bytes);

// Constant-time equality for MACs, hashes and keys.
[[nodiscard]] bool constantTimeEqual(ByteView a, ByteView b);

std::string toHex(ByteView bytes);
// Empty optional-like result: returns false on malformed input.
[[nodiscard]] bool fromHex(std::string_view hex, Bytes& out);

}  // namespace samrad::crypto
