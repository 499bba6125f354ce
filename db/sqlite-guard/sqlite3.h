// Stands first in the include path of every Samråd target so that a bare
// `#include <sqlite3.h>` cannot silently pick up plain SQLite's header (from
// libsqlite3-dev, if it happens to be installed) while the program links
// SQLCipher: a header/library version mismatch no test would notice.
#error "include <samrad/db/sqlite.h> (SQLCipher's sqlite3.h), never <sqlite3.h>"
