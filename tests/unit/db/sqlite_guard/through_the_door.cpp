// Must compile: the one way in.
#include "samrad/db/sqlite.h"

int samradSqliteGuardProbe();
int samradSqliteGuardProbe() {
  return sqlite3_libversion_number() == SQLITE_VERSION_NUMBER ? 0 : 1;
}
