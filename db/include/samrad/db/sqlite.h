// The one door through which SQLite's C API enters Samråd: SQLCipher's own
// header, never the plain SQLite one.
//
// Why it matters: Debian 12's SQLCipher 3.4.1 is SQLite 3.15.2, while
// libsqlite3-dev ships SQLite 3.40's sqlite3.h. A file that compiled against
// the newer header while linking SQLCipher would see constants, struct layouts
// and functions the library does not have, and nothing would say so. Both
// headers share the include guard SQLITE3_H, so whichever comes first wins;
// the checks below turn "the wrong one came first" into a compile error.
// Every target of ours also sees db/sqlite-guard/sqlite3.h first in its include
// path, so a bare `#include <sqlite3.h>` stops the build with a pointer here.
#pragma once

// Declares sqlite3_key() and the other codec functions of SQLCipher's header.
#ifndef SQLITE_HAS_CODEC
#define SQLITE_HAS_CODEC 1
#endif

#include <sqlcipher/sqlite3.h>

// Set by db/CMakeLists.txt from the SQLCipher header pkg-config found, when
// the build was configured.
#ifndef SAMRAD_SQLCIPHER_SQLITE_VERSION_NUMBER
#error "SAMRAD_SQLCIPHER_SQLITE_VERSION_NUMBER is not set: link the samrad_db target"
#endif
#if SQLITE_VERSION_NUMBER != SAMRAD_SQLCIPHER_SQLITE_VERSION_NUMBER
#error "another sqlite3.h came before SQLCipher's: include only <samrad/db/sqlite.h>"
#endif

namespace samrad::db {
// The SQLite version this code was compiled against; Database::open checks at
// run time that the library loaded is the same one.
inline constexpr int kSqliteVersionNumber = SQLITE_VERSION_NUMBER;
}  // namespace samrad::db
