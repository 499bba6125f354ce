// Must not compile: another sqlite3.h came first, so SQLCipher's (same include
// guard) is skipped; samrad/db/sqlite.h has to notice.
#include "plain_sqlite3.h"
// The order is the point of this probe.
#include "samrad/db/sqlite.h"

int samradSqliteGuardProbe();
int samradSqliteGuardProbe() {
  return samrad::db::kSqliteVersionNumber;
}
