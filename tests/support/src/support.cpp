#include "samrad/testing/support.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace samrad::testing {

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string templ = std::string(base != nullptr ? base : "/tmp") + "/samrad-test-XXXXXX";
  if (mkdtemp(templ.data()) == nullptr) {
    std::perror("mkdtemp");
    std::abort();
  }
  path_ = templ;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

DevPki makeDevPki(const std::filesystem::path& dir) {
  const std::string cmd =
      std::string("'") + SAMRAD_DEV_PKI_SCRIPT + "' '" + dir.string() + "' >/dev/null";
  if (std::system(cmd.c_str()) != 0) {
    std::fprintf(stderr, "dev-pki.sh failed\n");
    std::abort();
  }
  return {dir / "ca.crt", dir / "server.crt", dir / "server.key"};
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace samrad::testing
