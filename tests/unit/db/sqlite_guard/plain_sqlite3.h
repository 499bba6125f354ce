// Stands in for libsqlite3-dev's /usr/include/sqlite3.h (SQLite 3.40.1 on
// Debian 12): the same include guard as SQLCipher's header, a newer version.
#ifndef SQLITE3_H
#define SQLITE3_H
#define SQLITE_VERSION_NUMBER 3040001
#endif
