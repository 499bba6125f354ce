#include "samrad/server/storage/backup.h"

#include <sodium.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <map>

#include "samrad/crypto/primitives.h"
#include "samrad/db/database.h"
#include "samrad/server/storage/key_file.h"

namespace samrad::server::storage {
namespace {

namespace fs = std::filesystem;

// The files a data folder cannot be continued without, beside the store.
// Not the operator's token (operator.key): it only bootstraps agencies, the
// server makes a new one whenever it is missing, and the key ceremony keeps
// it in safes, not in every night's backup.
constexpr const char* kKeyFiles[] = {"server.key", "log.key"};
// In the backup and in its key folder: which backup the keys belong to.
constexpr const char* kBackupId = "backup.id";
// The keys sealed under a passphrase, in the backup folder.
constexpr const char* kSealed = "keys.sealed";
// keys.sealed: magic(8) || Argon2id ops(8, BE) || mem(8, BE) || salt(16) ||
// nonce(24) || XChaCha20-Poly1305(derived key, payload) with the preceding
// header as associated data; payload: backup id(16), then per key file its
// name's length(1) || name || its 32 bytes.
constexpr std::array<std::uint8_t, 8> kSealedMagic = {'S', 'A', 'M', 'B', 'K', '0', '0', '1'};
constexpr std::uint64_t kSealOps = 3;
constexpr std::uint64_t kSealMem = 64ULL << 20;
constexpr std::size_t kMinPassphrase = 12;

Error ioError(const std::string& message) {
  return Error(ErrorCode::Internal, "io.failed", message);
}

Result<crypto::Bytes> readSmallFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return ioError("cannot read " + path.string());
  crypto::Bytes out((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (out.size() > 4096) return ioError(path.string() + " is not a backup file");
  return out;
}

void putU64(crypto::Bytes& out, std::uint64_t v) {
  for (int i = 7; i >= 0; --i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

std::uint64_t getU64(const std::uint8_t* p) {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | p[i];
  return v;
}

Result<crypto::SecretBytes> deriveSealKey(const std::string& passphrase, crypto::ByteView salt,
                                          std::uint64_t ops, std::uint64_t mem) {
  crypto::SecretBytes key(crypto::kSymmetricKeySize);
  if (crypto_pwhash(key.data(), key.size(), passphrase.data(), passphrase.size(), salt.data(), ops,
                    static_cast<std::size_t>(mem), crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Error(ErrorCode::ResourceExhausted, "backup.kdf_failed",
                 "not enough memory to derive the key from the passphrase");
  }
  return key;
}

// Both places must be new, and neither inside the other: a key folder inside
// the backup would travel with it.
Status checkApart(const fs::path& out, const fs::path& keys) {
  const fs::path a = fs::weakly_canonical(out);
  const fs::path b = fs::weakly_canonical(keys);
  const auto inside = [](const fs::path& inner, const fs::path& outer) {
    auto o = outer.begin();
    auto i = inner.begin();
    for (; o != outer.end() && i != inner.end(); ++o, ++i) {
      if (*o != *i) return false;
    }
    return o == outer.end();
  };
  if (inside(a, b) || inside(b, a)) {
    return Error(ErrorCode::InvalidArgument, "backup.keys_together",
                 "the key folder must lie apart from the backup (another disk, a safe), not "
                 "inside it or around it");
  }
  return okStatus();
}

Status writeKeys(const fs::path& dataDir, const fs::path& out, const BackupKeys& keys,
                 crypto::ByteView backupId) {
  if (!keys.folder.empty()) {
    std::error_code ec;
    fs::create_directories(keys.folder, ec);
    if (ec) return ioError("cannot create " + keys.folder.string());
    fs::permissions(keys.folder, fs::perms::owner_all, ec);
    for (const char* k : kKeyFiles) {
      if (!fs::exists(dataDir / k, ec)) continue;
      SAMRAD_ASSIGN_OR_RETURN(auto key, loadKeyFile(dataDir / k));
      SAMRAD_TRY(writeNewKeyFile(keys.folder / k, key.view()));
    }
    return writeNewKeyFile(keys.folder / kBackupId, backupId);
  }
  crypto::Bytes payload(backupId.begin(), backupId.end());
  for (const char* k : kKeyFiles) {
    std::error_code ec;
    if (!fs::exists(dataDir / k, ec)) continue;
    SAMRAD_ASSIGN_OR_RETURN(auto key, loadKeyFile(dataDir / k));
    const std::string name(k);
    payload.push_back(static_cast<std::uint8_t>(name.size()));
    payload.insert(payload.end(), name.begin(), name.end());
    payload.insert(payload.end(), key.view().begin(), key.view().end());
  }
  crypto::Bytes sealed(kSealedMagic.begin(), kSealedMagic.end());
  putU64(sealed, kSealOps);
  putU64(sealed, kSealMem);
  const crypto::Bytes salt = crypto::randomBytes(crypto_pwhash_SALTBYTES);
  sealed.insert(sealed.end(), salt.begin(), salt.end());
  SAMRAD_ASSIGN_OR_RETURN(auto key, deriveSealKey(keys.passphrase, salt, kSealOps, kSealMem));
  const crypto::Bytes header = sealed;
  const crypto::Bytes box = crypto::aeadSeal(key, payload, header);
  crypto::wipe(payload);
  sealed.insert(sealed.end(), box.begin(), box.end());
  return writeNewKeyFile(out / kSealed, sealed);
}

// The key files of a backup, by name, after checking they belong to it.
Result<std::map<std::string, crypto::SecretBytes>> readKeys(const fs::path& backup,
                                                            const BackupKeys& keys,
                                                            crypto::ByteView backupId) {
  std::map<std::string, crypto::SecretBytes> out;
  const auto mismatch = [] {
    return Error(ErrorCode::InvalidArgument, "backup.keys_mismatch",
                 "these keys belong to another backup");
  };
  if (!keys.folder.empty()) {
    SAMRAD_ASSIGN_OR_RETURN(auto id, readSmallFile(keys.folder / kBackupId));
    if (id.size() != backupId.size() || !std::equal(id.begin(), id.end(), backupId.begin())) {
      return mismatch();
    }
    for (const char* k : kKeyFiles) {
      std::error_code ec;
      if (!fs::exists(keys.folder / k, ec)) continue;
      SAMRAD_ASSIGN_OR_RETURN(auto key, loadKeyFile(keys.folder / k));
      out.emplace(k, std::move(key));
    }
    return out;
  }
  SAMRAD_ASSIGN_OR_RETURN(auto sealed, readSmallFile(backup / kSealed));
  constexpr std::size_t kHeader = 8 + 8 + 8 + crypto_pwhash_SALTBYTES;
  if (sealed.size() < kHeader ||
      !std::equal(kSealedMagic.begin(), kSealedMagic.end(), sealed.begin())) {
    return Error(ErrorCode::InvalidArgument, "backup.not_a_backup",
                 backup.string() + " holds no sealed keys");
  }
  const std::uint64_t ops = getU64(sealed.data() + 8);
  const std::uint64_t mem = getU64(sealed.data() + 16);
  if (ops < 1 || ops > 10 || mem < (8ULL << 20) || mem > (1ULL << 30)) {
    return Error(ErrorCode::DataLoss, "backup.damaged", "the sealed keys' header is damaged");
  }
  const crypto::ByteView header(sealed.data(), kHeader);
  SAMRAD_ASSIGN_OR_RETURN(
      auto key,
      deriveSealKey(keys.passphrase, header.subspan(24, crypto_pwhash_SALTBYTES), ops, mem));
  auto payload = crypto::aeadOpen(key, crypto::ByteView(sealed).subspan(kHeader), header);
  if (!payload) {
    return Error(ErrorCode::PermissionDenied, "backup.wrong_passphrase",
                 "the passphrase does not open the backup's keys");
  }
  const crypto::ByteView p = payload->view();
  if (p.size() < backupId.size() || !std::equal(backupId.begin(), backupId.end(), p.begin())) {
    return mismatch();
  }
  for (std::size_t at = backupId.size(); at < p.size();) {
    const std::size_t len = p[at++];
    if (p.size() - at < len + db::kRawKeySize) {
      return Error(ErrorCode::DataLoss, "backup.damaged", "the sealed keys are damaged");
    }
    const std::string name(p.begin() + static_cast<std::ptrdiff_t>(at),
                           p.begin() + static_cast<std::ptrdiff_t>(at + len));
    at += len;
    out.emplace(name, crypto::SecretBytes::copyOf(p.subspan(at, db::kRawKeySize)));
    at += db::kRawKeySize;
  }
  return out;
}

Status checkKeysGiven(const BackupKeys& keys) {
  if (keys.folder.empty() == keys.passphrase.empty()) {
    return Error(ErrorCode::InvalidArgument, "backup.keys_required",
                 "say where the backup's keys are: a folder of their own (--keys-to / "
                 "--keys-from) or a passphrase file (--keys-passphrase-file), one of the two");
  }
  if (keys.folder.empty() && keys.passphrase.size() < kMinPassphrase) {
    return Error(ErrorCode::InvalidArgument, "backup.weak_passphrase",
                 "the backup passphrase needs at least 12 characters");
  }
  return okStatus();
}

Result<BackupSummary> describe(db::Database& db, const fs::path& file) {
  BackupSummary s;
  SAMRAD_ASSIGN_OR_RETURN(auto integrity, db.prepare("PRAGMA integrity_check"));
  SAMRAD_ASSIGN_OR_RETURN(bool row, integrity.step());
  if (!row || integrity.columnText(0) != "ok") {
    return Error(ErrorCode::DataLoss, "backup.damaged",
                 "the backup's store fails its integrity check");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto version, db.prepare("PRAGMA user_version"));
  SAMRAD_ASSIGN_OR_RETURN(row, version.step());
  s.schemaVersion = row ? static_cast<int>(version.columnInt(0)) : 0;
  SAMRAD_ASSIGN_OR_RETURN(auto size, db.prepare("SELECT count(*) FROM tlog_entries"));
  SAMRAD_ASSIGN_OR_RETURN(row, size.step());
  s.logSize = row ? static_cast<std::uint64_t>(size.columnInt(0)) : 0;
  std::error_code ec;
  s.bytes = fs::file_size(file, ec);
  return s;
}

}  // namespace

Result<BackupSummary> backupDataDir(const fs::path& dataDir, const fs::path& out,
                                    const BackupKeys& keys) {
  SAMRAD_TRY(checkKeysGiven(keys));
  std::error_code ec;
  for (const fs::path& p : {out, keys.folder}) {
    if (!p.empty() && fs::exists(p, ec)) {
      return Error(ErrorCode::AlreadyExists, "backup.exists",
                   p.string() + " exists already: choose a new folder");
    }
  }
  if (!keys.folder.empty()) SAMRAD_TRY(checkApart(out, keys.folder));
  if (!fs::exists(dataDir / "samrad.db", ec)) {
    return Error(ErrorCode::NotFound, "backup.no_store", "no store in " + dataDir.string());
  }
  SAMRAD_ASSIGN_OR_RETURN(auto key, loadKeyFile(dataDir / "server.key"));
  fs::create_directories(out, ec);
  if (ec) return ioError("cannot create " + out.string());
  fs::permissions(out, fs::perms::owner_all, ec);
  SAMRAD_ASSIGN_OR_RETURN(auto source, db::Database::open(dataDir / "samrad.db", key.view()));
  SAMRAD_ASSIGN_OR_RETURN(auto copy, db::Database::open(out / "samrad.db", key.view()));
  SAMRAD_TRY(source->backupTo(*copy));
  fs::permissions(out / "samrad.db", fs::perms::owner_read | fs::perms::owner_write, ec);
  if (ec) return ioError("cannot restrict " + (out / "samrad.db").string());
  const crypto::Bytes backupId = crypto::randomBytes(16);
  SAMRAD_TRY(writeNewKeyFile(out / kBackupId, backupId));
  SAMRAD_TRY(writeKeys(dataDir, out, keys, backupId));
  return describe(*copy, out / "samrad.db");
}

Result<BackupSummary> restoreDataDir(const fs::path& backup, const fs::path& dataDir,
                                     const BackupKeys& keys) {
  std::error_code ec;
  if (!fs::exists(backup / "samrad.db", ec) || !fs::exists(backup / kBackupId, ec)) {
    return Error(ErrorCode::InvalidArgument, "backup.not_a_backup",
                 backup.string() + " holds no samrad.db and backup.id");
  }
  SAMRAD_TRY(checkKeysGiven(keys));
  // Nothing of another store may be in the way: its database, its
  // write-ahead log (it would be replayed into the restored store) or a key
  // (the one that opens a store moved away is never deleted here).
  for (const char* f :
       {"samrad.db", "samrad.db-wal", "samrad.db-shm", "server.key", "log.key", "operator.key"}) {
    if (fs::exists(dataDir / f, ec)) {
      return Error(ErrorCode::AlreadyExists, "restore.store_exists",
                   dataDir.string() + " holds " + f +
                       " of another store: move the whole data folder away first (nothing is "
                       "ever overwritten)");
    }
  }
  SAMRAD_ASSIGN_OR_RETURN(auto backupId, readSmallFile(backup / kBackupId));
  SAMRAD_ASSIGN_OR_RETURN(auto found, readKeys(backup, keys, backupId));
  for (const char* k : kKeyFiles) {
    if (found.count(k) == 0) {
      return Error(ErrorCode::InvalidArgument, "backup.not_a_backup",
                   std::string("the backup's keys hold no ") + k);
    }
  }
  const auto dbKey = found.find("server.key");
  BackupSummary summary;
  {
    auto db = db::Database::open(backup / "samrad.db", dbKey->second.view(), {.readOnly = true});
    if (!db) {
      return Error(ErrorCode::DataLoss, "backup.damaged",
                   "the backup's key does not open its store: " + db.error().message());
    }
    SAMRAD_ASSIGN_OR_RETURN(summary, describe(**db, backup / "samrad.db"));
  }
  fs::create_directories(dataDir, ec);
  if (ec) return ioError("cannot create " + dataDir.string());
  // The keys first, the store last: a restore cut short leaves no store
  // that opens with the wrong key, and its keys are removed again.
  // Only the keys a store needs: an older backup's operator token is not
  // brought back (the server makes a new one).
  for (const char* name : kKeyFiles) {
    if (auto written = writeNewKeyFile(dataDir / name, found.at(name).view()); !written) {
      for (const char* n : kKeyFiles) fs::remove(dataDir / n, ec);
      return written.error();
    }
  }
  const fs::path staging = dataDir / "samrad.db.restoring";
  fs::remove(staging, ec);
  fs::copy_file(backup / "samrad.db", staging, ec);
  if (!ec) fs::permissions(staging, fs::perms::owner_read | fs::perms::owner_write, ec);
  if (!ec) fs::rename(staging, dataDir / "samrad.db", ec);
  if (ec) {
    fs::remove(staging, ec);
    for (const auto& [n, k] : found) fs::remove(dataDir / n, ec);
    return ioError("cannot copy the store into " + dataDir.string());
  }
  return summary;
}

}  // namespace samrad::server::storage
