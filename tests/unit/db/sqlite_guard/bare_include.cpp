// Must not compile: a bare <sqlite3.h> would pick whichever SQLite header the
// machine happens to have (see db/sqlite-guard/sqlite3.h).
#include <sqlite3.h>

int samradSqliteGuardProbe();
int samradSqliteGuardProbe() {
  return 0;
}
