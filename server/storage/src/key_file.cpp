#include "samrad/server/storage/key_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "samrad/db/database.h"

namespace samrad::server::storage {
namespace {

Error ioError(std::string_view what, const std::filesystem::path& path) {
  return Error(ErrorCode::Unavailable, "keyfile.io",
               std::string(what) + " " + path.string() + ": " + std::strerror(errno));
}

Result<crypto::SecretBytes> readKey(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) {
    return ioError("cannot open key file", path);
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const Error e = ioError("cannot stat key file", path);
    ::close(fd);
    return e;
  }
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    ::close(fd);
    return Error(ErrorCode::PermissionDenied, "keyfile.permissions",
                 "key file " + path.string() + " is accessible to other users; run: chmod 600 " +
                     path.string());
  }
  if (st.st_size != static_cast<off_t>(db::kRawKeySize)) {
    ::close(fd);
    return Error(ErrorCode::DataLoss, "keyfile.size",
                 "key file " + path.string() + " must hold exactly 32 bytes");
  }
  crypto::SecretBytes key(db::kRawKeySize);
  std::size_t done = 0;
  while (done < key.size()) {
    const ssize_t n = ::read(fd, key.data() + done, key.size() - done);
    if (n <= 0) {
      const Error e = ioError("cannot read key file", path);
      ::close(fd);
      return e;
    }
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  return key;
}

}  // namespace

Result<crypto::SecretBytes> loadKeyFile(const std::filesystem::path& path) {
  return readKey(path);
}

Status writeNewKeyFile(const std::filesystem::path& path, crypto::ByteView bytes) {
  // O_EXCL: never over another file (two servers starting at once cannot
  // both create, and one lose, a key).
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    if (errno == EEXIST) {
      return Error(ErrorCode::AlreadyExists, "keyfile.exists", path.string() + " exists already");
    }
    return ioError("cannot create key file", path);
  }
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) {
      const Error e = ioError("cannot write key file", path);
      ::close(fd);
      ::unlink(path.c_str());
      return e;
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const Error e = ioError("cannot sync key file", path);
    ::close(fd);
    ::unlink(path.c_str());
    return e;
  }
  ::close(fd);
  return okStatus();
}

Result<crypto::SecretBytes> loadOrCreateKeyFile(const std::filesystem::path& path) {
  crypto::SecretBytes fresh = crypto::SecretBytes::random(db::kRawKeySize);
  if (auto written = writeNewKeyFile(path, fresh.view()); !written) {
    if (written.error().reason() == "keyfile.exists") return readKey(path);
    return written.error();
  }
  return fresh;
}

}  // namespace samrad::server::storage
