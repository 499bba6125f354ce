// Proof of the server's blindness: opens a (stopped) server's SQLCipher
// store with its own key and looks for plaintext in every cell of every table.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "samrad/common/result.h"

namespace samrad::testing {

struct StoreScan {
  std::size_t cells = 0;              // cells read
  std::vector<std::string> findings;  // "table: secret" for each hit
};

// Reasons: the store's (a missing key or database).
Result<StoreScan> scanStoreFor(const std::filesystem::path& dataDir,
                               const std::vector<std::string>& secrets);

}  // namespace samrad::testing
