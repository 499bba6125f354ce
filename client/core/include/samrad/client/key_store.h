// The device's local key store: a SQLCipher database opened with a random raw
// 256-bit key (never SQLCipher 3's own PBKDF2-SHA1 passphrase mode), that key
// wrapped under Argon2id(passphrase, salt) in a small file beside it. Changing
// the passphrase rewraps the key and leaves the database untouched; a wrong
// passphrase is a clear error that damages nothing. A stolen laptop reveals
// nothing without the passphrase (DESIGN §3, "At rest").
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>

#include "samrad/common/result.h"
#include "samrad/crypto/secure.h"
#include "samrad/db/database.h"

namespace samrad::client {

struct KdfParams {
  std::uint64_t opsLimit = 3;                  // libsodium's MODERATE
  std::uint64_t memLimitBytes = 256ULL << 20;  // 256 MiB
};

// Below this, a wrap file is refused even if it is ours: an attacker who can
// write the file must not be able to weaken the next derivation.
inline constexpr KdfParams kKdfFloor{2, 64ULL << 20};

class KeyStore {
 public:
  // Reasons: keystore.exists, keystore.weak_params, keystore.io.
  static Result<std::unique_ptr<KeyStore>> create(const std::filesystem::path& dir,
                                                  crypto::ByteView passphrase,
                                                  const KdfParams& params = {});
  // Reasons: keystore.missing, keystore.corrupt, keystore.weak_params,
  // keystore.wrong_passphrase, db.*.
  static Result<std::unique_ptr<KeyStore>> open(const std::filesystem::path& dir,
                                                crypto::ByteView passphrase);

  // Rewraps the database key under a new passphrase (new salt), atomically.
  Status changePassphrase(crypto::ByteView newPassphrase, const KdfParams& params = {});

  Status putSecret(std::string_view name, const crypto::SecretBytes& value);
  Result<crypto::SecretBytes> getSecret(std::string_view name);
  Status eraseSecret(std::string_view name);

  db::Database& database() { return *db_; }
  [[nodiscard]] const KdfParams& params() const { return params_; }

  static std::filesystem::path databasePath(const std::filesystem::path& dir);
  static std::filesystem::path wrapPath(const std::filesystem::path& dir);

 private:
  KeyStore(std::filesystem::path dir, std::unique_ptr<db::Database> db, crypto::SecretBytes key,
           KdfParams params)
      : dir_(std::move(dir)), db_(std::move(db)), dbKey_(std::move(key)), params_(params) {}

  std::filesystem::path dir_;
  std::unique_ptr<db::Database> db_;
  crypto::SecretBytes dbKey_;
  KdfParams params_;
};

}  // namespace samrad::client
