// The server database key: 32 random bytes in a file readable by the server's
// user only (0600). Created on first start; refused if anyone else could read
// it, because a readable key file turns a backup thief into a reader.
#pragma once

#include <filesystem>

#include "samrad/common/result.h"
#include "samrad/crypto/secure.h"

namespace samrad::server::storage {

Result<crypto::SecretBytes> loadOrCreateKeyFile(const std::filesystem::path& path);
// An existing key file only (same checks).
Result<crypto::SecretBytes> loadKeyFile(const std::filesystem::path& path);
// A new file (never over an existing one), 0600, synced. Reasons:
// keyfile.exists, keyfile.io.
Status writeNewKeyFile(const std::filesystem::path& path, crypto::ByteView bytes);

}  // namespace samrad::server::storage
