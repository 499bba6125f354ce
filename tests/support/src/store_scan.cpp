#include "samrad/testing/store_scan.h"

#include "samrad/db/database.h"
#include "samrad/server/storage/key_file.h"

namespace samrad::testing {

Result<StoreScan> scanStoreFor(const std::filesystem::path& dataDir,
                               const std::vector<std::string>& secrets) {
  SAMRAD_ASSIGN_OR_RETURN(auto key, server::storage::loadOrCreateKeyFile(dataDir / "server.key"));
  SAMRAD_ASSIGN_OR_RETURN(auto db, db::Database::open(dataDir / "samrad.db", key.view()));
  SAMRAD_ASSIGN_OR_RETURN(auto tables,
                          db->prepare("SELECT name FROM sqlite_master WHERE type = 'table'"));
  std::vector<std::string> names;
  for (;;) {
    SAMRAD_ASSIGN_OR_RETURN(bool row, tables.step());
    if (!row) {
      break;
    }
    names.push_back(tables.columnText(0));
  }
  StoreScan scan;
  for (const auto& t : names) {
    SAMRAD_ASSIGN_OR_RETURN(auto rows, db->prepare("SELECT * FROM " + t));
    const int columns = rows.columnCount();
    for (;;) {
      SAMRAD_ASSIGN_OR_RETURN(bool row, rows.step());
      if (!row) {
        break;
      }
      for (int c = 0; c < columns; ++c) {
        const auto cell = rows.columnBlob(c);
        const std::string s(cell.begin(), cell.end());
        ++scan.cells;
        for (const auto& secret : secrets) {
          if (s.find(secret) != std::string::npos) {
            scan.findings.push_back(t + ": " + secret);
          }
        }
      }
    }
  }
  return scan;
}

}  // namespace samrad::testing
