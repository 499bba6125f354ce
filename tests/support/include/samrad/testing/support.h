// Test helpers: hermetic temporary folders and a development PKI per test run.
#pragma once

#include <filesystem>
#include <string>

namespace samrad::testing {

// A fresh folder under $TMPDIR, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

struct DevPki {
  std::filesystem::path caCert;
  std::filesystem::path serverCert;
  std::filesystem::path serverKey;
};

// Runs deploy/dev-pki.sh into `dir` (aborts the test binary if it fails: no
// test can run without it).
DevPki makeDevPki(const std::filesystem::path& dir);

std::string readFile(const std::filesystem::path& path);

}  // namespace samrad::testing
