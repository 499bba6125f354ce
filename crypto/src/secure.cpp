#include "samrad/crypto/secure.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <utility>

namespace samrad::crypto {

void initSodium() {
  if (sodium_init() < 0) {
    std::fputs("fatal: libsodium could not be initialised\n", stderr);
    std::abort();
  }
}

SecretBytes::SecretBytes(std::size_t size) : size_(size) {
  initSodium();
  if (size == 0) {
    return;
  }
  data_ = static_cast<std::uint8_t*>(sodium_malloc(size));
  if (data_ == nullptr) {
    throw std::bad_alloc();
  }
  sodium_memzero(data_, size);
}

SecretBytes::~SecretBytes() {
  if (data_ != nullptr) {
    sodium_free(data_);  // wipes before freeing
  }
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
  if (this != &other) {
    if (data_ != nullptr) {
      sodium_free(data_);
    }
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

SecretBytes SecretBytes::random(std::size_t size) {
  SecretBytes s(size);
  if (size > 0) {
    randombytes_buf(s.data_, size);
  }
  return s;
}

SecretBytes SecretBytes::copyOf(ByteView bytes) {
  SecretBytes s(bytes.size());
  if (!bytes.empty()) {
    std::memcpy(s.data_, bytes.data(), bytes.size());
  }
  return s;
}

bool SecretBytes::equals(ByteView other) const {
  return constantTimeEqual(view(), other);
}

Bytes randomBytes(std::size_t size) {
  initSodium();
  Bytes out(size);
  if (size > 0) {
    randombytes_buf(out.data(), size);
  }
  return out;
}

void wipeMemory(void* data, std::size_t size) {
  if (size > 0) sodium_memzero(data, size);
}

void fillRandom(std::span<std::uint8_t> out) {
  initSodium();
  if (!out.empty()) randombytes_buf(out.data(), out.size());
}

void wipe(Bytes& bytes) {
  if (!bytes.empty()) sodium_memzero(bytes.data(), bytes.size());
  bytes.clear();
}

bool constantTimeEqual(ByteView a, ByteView b) {
  if (a.size() != b.size()) {
    return false;
  }
  if (a.empty()) {
    return true;
  }
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string toHex(ByteView bytes) {
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes.data(), bytes.size());
  out.pop_back();
  return out;
}

bool fromHex(std::string_view hex, Bytes& out) {
  if (hex.size() % 2 != 0) {
    return false;
  }
  if (hex.empty()) {
    out.clear();
    return true;
  }
  out.assign(hex.size() / 2, 0);
  std::size_t written = 0;
  const char* end = nullptr;
  if (sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &written, &end) !=
          0 ||
      written != out.size() || end != hex.data() + hex.size()) {
    out.clear();
    return false;
  }
  return true;
}

}  // namespace samrad::crypto
