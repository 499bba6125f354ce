#include "samrad/client/key_store.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include "samrad/crypto/primitives.h"

namespace samrad::client {
namespace {

// Wrap file: magic(8) || ops(8, BE) || mem(8, BE) || salt(16) || nonce(24) ||
// XChaCha20-Poly1305(db key) with the preceding bytes as associated data.
constexpr std::array<std::uint8_t, 8> kMagic = {'S', 'A', 'M', 'K', 'S', '0', '0', '1'};
constexpr std::size_t kHeaderSize = 8 + 8 + 8 + crypto_pwhash_SALTBYTES;
constexpr std::size_t kWrapSize = kHeaderSize + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES +
                                  db::kRawKeySize + crypto_aead_xchacha20poly1305_ietf_ABYTES;

// The device's local database: its secrets, and (version 2) the group
// replicas of replica.cpp — plaintext lives only here, under the device key.
constexpr std::array<db::Migration, 11> kMigrations{{
    {1,
     "CREATE TABLE secrets (name TEXT PRIMARY KEY NOT NULL, value BLOB NOT NULL) WITHOUT ROWID;"},
    {2, R"sql(
CREATE TABLE replica_groups (
  group_id BLOB PRIMARY KEY NOT NULL,
  last_seq INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE replica_links (
  group_id BLOB NOT NULL,
  seq      INTEGER NOT NULL,
  link     BLOB NOT NULL,
  PRIMARY KEY (group_id, seq)
) WITHOUT ROWID;
CREATE TABLE replica_epoch_keys (
  group_id BLOB NOT NULL,
  epoch    INTEGER NOT NULL,
  key      BLOB NOT NULL,
  PRIMARY KEY (group_id, epoch)
) WITHOUT ROWID;
CREATE TABLE replica_objects (
  group_id  BLOB NOT NULL,
  object_id BLOB NOT NULL,
  kind      TEXT NOT NULL,
  version   INTEGER NOT NULL,
  author    BLOB NOT NULL,
  plaintext BLOB NOT NULL,
  PRIMARY KEY (group_id, object_id)
) WITHOUT ROWID;
CREATE TABLE replica_outbox (
  rowid        INTEGER PRIMARY KEY AUTOINCREMENT,
  group_id     BLOB NOT NULL,
  object_id    BLOB NOT NULL,
  kind         TEXT NOT NULL,
  base_version INTEGER NOT NULL,
  plaintext    BLOB NOT NULL,
  idem_key     BLOB NOT NULL,
  case_id      BLOB,
  devices      BLOB
);
CREATE TABLE replica_case_keys (
  group_id  BLOB NOT NULL,
  case_id   BLOB NOT NULL,
  key       BLOB NOT NULL,
  published INTEGER NOT NULL,
  PRIMARY KEY (group_id, case_id)
) WITHOUT ROWID;
CREATE TABLE replica_conflicts (
  group_id       BLOB NOT NULL,
  object_id      BLOB NOT NULL,
  kind           TEXT NOT NULL,
  base_version   INTEGER NOT NULL,
  server_version INTEGER NOT NULL,
  plaintext      BLOB NOT NULL,
  PRIMARY KEY (group_id, object_id)
) WITHOUT ROWID;
)sql"},
    {3, R"sql(
ALTER TABLE replica_conflicts ADD COLUMN reason TEXT NOT NULL DEFAULT '';
)sql"},
    {4, R"sql(
ALTER TABLE replica_conflicts ADD COLUMN case_id BLOB;
ALTER TABLE replica_conflicts ADD COLUMN devices BLOB;
)sql"},
    {5, R"sql(
CREATE TABLE log_monitor (
  name  TEXT PRIMARY KEY NOT NULL,
  value BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE log_payloads (
  payload_hash BLOB PRIMARY KEY NOT NULL,
  idx          INTEGER NOT NULL,
  leaf         BLOB NOT NULL
) WITHOUT ROWID;
)sql"},
    {6, R"sql(
CREATE TABLE log_revocations (
  kind INTEGER NOT NULL,
  id   BLOB NOT NULL,
  at   INTEGER NOT NULL,
  PRIMARY KEY (kind, id)
) WITHOUT ROWID;
-- Read the log again from its start: revocations were not kept before.
DELETE FROM log_monitor WHERE name = 'cursor';
)sql"},
    {7, R"sql(
-- Where each kept version stands in the chain: the epoch and chain head it
-- names, and how far this device's chain reached when it kept it. A version
-- that replaces it may name nothing older (GroupReplica::fetchObject).
ALTER TABLE replica_objects ADD COLUMN epoch INTEGER NOT NULL DEFAULT 0;
ALTER TABLE replica_objects ADD COLUMN head_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE replica_objects ADD COLUMN kept_at_seq INTEGER NOT NULL DEFAULT 0;
)sql"},
    {8, R"sql(
-- SHA-256 of the version as the server served it: the same version number
-- again must be the same version (NULL: an own write, kept before its copy).
ALTER TABLE replica_objects ADD COLUMN digest BLOB;
)sql"},
    {9, R"sql(
-- The newest intake key this device has accepted for each group it asks:
-- an older one (a replay by the server of a key a removed member can open)
-- is refused (AdviceDesk::intake).
CREATE TABLE advice_intake_seen (
  group_id   BLOB PRIMARY KEY NOT NULL,
  epoch      INTEGER NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
)sql"},
    {10, R"sql(
-- Each case's pseudonym book (de-identification), sealed under a key derived
-- from the case key; kept only on the referring agency's devices.
CREATE TABLE deid_pseudonyms (
  group_id BLOB NOT NULL,
  case_id  BLOB NOT NULL,
  sealed   BLOB NOT NULL,
  PRIMARY KEY (group_id, case_id)
) WITHOUT ROWID;
)sql"},
    {11, R"sql(
-- One log per group and a directory log (docs/transparency.md): what this
-- device keeps of each log is keyed by it (crypto::LogId::storageKey). What
-- it kept of the single log before becomes the legacy log's, against which
-- each new log's first entry (that log's last checkpoint) is checked.
CREATE TABLE log_monitors (
  log_id BLOB NOT NULL,
  name   TEXT NOT NULL,
  value  BLOB NOT NULL,
  PRIMARY KEY (log_id, name)
) WITHOUT ROWID;
INSERT INTO log_monitors (log_id, name, value) SELECT x'00', name, value FROM log_monitor;
DROP TABLE log_monitor;
DROP TABLE log_payloads;
CREATE TABLE log_payloads (
  log_id       BLOB NOT NULL,
  payload_hash BLOB NOT NULL,
  idx          INTEGER NOT NULL,
  leaf         BLOB NOT NULL,
  PRIMARY KEY (log_id, payload_hash)
) WITHOUT ROWID;
)sql"},
}};

Error ioError(const char* what, const std::filesystem::path& p) {
  return Error(ErrorCode::Unavailable, "keystore.io",
               std::string(what) + " " + p.string() + ": " + std::strerror(errno));
}

std::uint64_t readU64(const std::uint8_t* p) {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | p[i];
  return v;
}

Status checkFloor(const KdfParams& p) {
  if (p.opsLimit < kKdfFloor.opsLimit || p.memLimitBytes < kKdfFloor.memLimitBytes) {
    return Error(ErrorCode::FailedPrecondition, "keystore.weak_params",
                 "Argon2id parameters are below the floor (2 passes, 64 MiB)");
  }
  if (p.opsLimit > crypto_pwhash_OPSLIMIT_MAX || p.memLimitBytes > (4ULL << 30)) {
    return Error(ErrorCode::InvalidArgument, "keystore.corrupt",
                 "Argon2id parameters are out of range");
  }
  return okStatus();
}

Result<crypto::SecretBytes> deriveKek(crypto::ByteView passphrase, crypto::ByteView salt,
                                      const KdfParams& p) {
  crypto::SecretBytes kek(crypto::kSymmetricKeySize);
  if (crypto_pwhash(kek.data(), kek.size(), reinterpret_cast<const char*>(passphrase.data()),
                    passphrase.size(), salt.data(), p.opsLimit,
                    static_cast<size_t>(p.memLimitBytes), crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Error(ErrorCode::ResourceExhausted, "keystore.kdf_failed",
                 "not enough memory to derive the key from the passphrase");
  }
  return kek;
}

// Writes the file beside its final name, syncs it, renames over, syncs the folder.
Status writeAtomically(const std::filesystem::path& path, crypto::ByteView bytes) {
  const std::filesystem::path tmp = path.string() + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return ioError("cannot write", tmp);
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) {
      ::close(fd);
      return ioError("cannot write", tmp);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    return ioError("cannot sync", tmp);
  }
  ::close(fd);
  if (::rename(tmp.c_str(), path.c_str()) != 0) return ioError("cannot replace", path);
  const int dfd = ::open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return okStatus();
}

Result<crypto::Bytes> wrapKey(const crypto::SecretBytes& dbKey, crypto::ByteView passphrase,
                              const KdfParams& p) {
  crypto::Bytes out(kMagic.begin(), kMagic.end());
  crypto::appendU64(out, p.opsLimit);
  crypto::appendU64(out, p.memLimitBytes);
  const crypto::Bytes salt = crypto::randomBytes(crypto_pwhash_SALTBYTES);
  crypto::appendBytes(out, salt);
  SAMRAD_ASSIGN_OR_RETURN(crypto::SecretBytes kek, deriveKek(passphrase, salt, p));
  const crypto::Bytes header = out;
  crypto::appendBytes(out, crypto::aeadSeal(kek, dbKey.view(), header));
  return out;
}

}  // namespace

std::filesystem::path KeyStore::databasePath(const std::filesystem::path& dir) {
  return dir / "keystore.db";
}
std::filesystem::path KeyStore::wrapPath(const std::filesystem::path& dir) {
  return dir / "keystore.key";
}

Result<std::unique_ptr<KeyStore>> KeyStore::create(const std::filesystem::path& dir,
                                                   crypto::ByteView passphrase,
                                                   const KdfParams& params) {
  SAMRAD_TRY(checkFloor(params));
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return Error(ErrorCode::Unavailable, "keystore.io", "cannot create " + dir.string());
  }
  if (std::filesystem::exists(wrapPath(dir)) || std::filesystem::exists(databasePath(dir))) {
    return Error(ErrorCode::AlreadyExists, "keystore.exists",
                 "a key store already exists in " + dir.string());
  }
  crypto::SecretBytes dbKey = crypto::SecretBytes::random(db::kRawKeySize);
  SAMRAD_ASSIGN_OR_RETURN(crypto::Bytes wrap, wrapKey(dbKey, passphrase, params));
  SAMRAD_TRY(writeAtomically(wrapPath(dir), wrap));
  SAMRAD_ASSIGN_OR_RETURN(std::unique_ptr<db::Database> database,
                          db::Database::open(databasePath(dir), dbKey.view()));
  SAMRAD_TRY(db::migrate(*database, kMigrations));
  return std::unique_ptr<KeyStore>(
      new KeyStore(dir, std::move(database), std::move(dbKey), params));
}

Result<std::unique_ptr<KeyStore>> KeyStore::open(const std::filesystem::path& dir,
                                                 crypto::ByteView passphrase) {
  std::ifstream in(wrapPath(dir), std::ios::binary);
  if (!in) {
    return Error(ErrorCode::NotFound, "keystore.missing", "no key store in " + dir.string());
  }
  const crypto::Bytes wrap((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (wrap.size() != kWrapSize || !std::equal(kMagic.begin(), kMagic.end(), wrap.begin())) {
    return Error(ErrorCode::DataLoss, "keystore.corrupt", "the key file is damaged");
  }
  const KdfParams p{readU64(wrap.data() + 8), readU64(wrap.data() + 16)};
  SAMRAD_TRY(checkFloor(p));
  const crypto::ByteView header(wrap.data(), kHeaderSize);
  const crypto::ByteView salt(wrap.data() + 24, crypto_pwhash_SALTBYTES);
  SAMRAD_ASSIGN_OR_RETURN(crypto::SecretBytes kek, deriveKek(passphrase, salt, p));
  auto dbKey = crypto::aeadOpen(
      kek, crypto::ByteView(wrap.data() + kHeaderSize, wrap.size() - kHeaderSize), header);
  if (!dbKey) {
    return Error(ErrorCode::PermissionDenied, "keystore.wrong_passphrase",
                 "the passphrase is not right");
  }
  SAMRAD_ASSIGN_OR_RETURN(std::unique_ptr<db::Database> database,
                          db::Database::open(databasePath(dir), dbKey->view()));
  SAMRAD_TRY(db::migrate(*database, kMigrations));
  return std::unique_ptr<KeyStore>(
      new KeyStore(dir, std::move(database), std::move(dbKey).value(), p));
}

Status KeyStore::changePassphrase(crypto::ByteView newPassphrase, const KdfParams& params) {
  SAMRAD_TRY(checkFloor(params));
  SAMRAD_ASSIGN_OR_RETURN(crypto::Bytes wrap, wrapKey(dbKey_, newPassphrase, params));
  SAMRAD_TRY(writeAtomically(wrapPath(dir_), wrap));
  params_ = params;
  return okStatus();
}

Status KeyStore::putSecret(std::string_view name, const crypto::SecretBytes& value) {
  SAMRAD_ASSIGN_OR_RETURN(
      db::Statement st,
      db_->prepare("INSERT OR REPLACE INTO secrets (name, value) VALUES (?1, ?2)"));
  st.bind(1, name).bindBlob(2, value.view());
  return st.run();
}

Result<crypto::SecretBytes> KeyStore::getSecret(std::string_view name) {
  SAMRAD_ASSIGN_OR_RETURN(db::Statement st,
                          db_->prepare("SELECT value FROM secrets WHERE name = ?1"));
  st.bind(1, name);
  SAMRAD_ASSIGN_OR_RETURN(bool found, st.step());
  if (!found) {
    return Error(ErrorCode::NotFound, "keystore.no_secret", "no such key in the store");
  }
  crypto::Bytes tmp = st.columnBlob(0);
  crypto::SecretBytes out = crypto::SecretBytes::copyOf(tmp);
  crypto::wipe(tmp);
  return out;
}

Status KeyStore::eraseSecret(std::string_view name) {
  SAMRAD_ASSIGN_OR_RETURN(db::Statement st, db_->prepare("DELETE FROM secrets WHERE name = ?1"));
  st.bind(1, name);
  return st.run();
}

}  // namespace samrad::client
