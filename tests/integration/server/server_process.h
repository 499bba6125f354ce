// The real binaries as their own processes: samrad-server started on port 0
// with the dev PKI, samrad-cli run through a shell with its output captured.
#pragma once

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "samrad/testing/support.h"

namespace samrad {

using namespace std::chrono_literals;

struct CommandResult {
  int exitCode;
  std::string output;
};

inline CommandResult runCommand(const std::string& cmd) {
  CommandResult r{-1, {}};
  FILE* p = ::popen((cmd + " 2>&1").c_str(), "r");
  if (p == nullptr) return r;
  std::array<char, 512> buf{};
  while (std::fgets(buf.data(), buf.size(), p) != nullptr) r.output += buf.data();
  const int status = ::pclose(p);
  r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

class ServerProcess : public ::testing::Test {
 protected:
  void SetUp() override { pki_ = testing::makeDevPki(dir_.path() / "pki"); }

  void TearDown() override {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  // Starts samrad-server (with `extra` arguments) and waits for its port file.
  // Returns 0 when it did not start; if it exited, exitCode_ says how.
  int start(const std::vector<std::string>& extra = {"--log-format", "json"}) {
    const auto portFile = dir_.path() / "port";
    std::filesystem::remove(portFile);
    std::vector<std::string> args = {SAMRAD_SERVER_BIN,
                                     "--listen",
                                     "127.0.0.1:0",
                                     "--data-dir",
                                     (dir_.path() / "var").string(),
                                     "--tls-cert",
                                     pki_.serverCert.string(),
                                     "--tls-key",
                                     pki_.serverKey.string(),
                                     "--port-file",
                                     portFile.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    exitCode_ = -1;
    pid_ = ::fork();
    if (pid_ == 0) {
      if (!output_.empty()) {  // the server's own words, for the test to read
        FILE* out = std::fopen(output_.c_str(), "a");
        if (out != nullptr) {
          ::dup2(::fileno(out), 1);
          ::dup2(::fileno(out), 2);
        }
      }
      ::execv(SAMRAD_SERVER_BIN, argv.data());
      _exit(127);
    }
    for (int i = 0; i < 400; ++i) {
      std::ifstream in(portFile);
      int port = 0;
      if (in >> port && port > 0) return port;
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        exitCode_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return 0;
      }
      std::this_thread::sleep_for(25ms);
    }
    return 0;
  }

  std::string cli(int port) const {
    return std::string(SAMRAD_CLI_BIN) + " --server 127.0.0.1:" + std::to_string(port) + " --ca " +
           pki_.caCert.string() + " --timeout 3";
  }

  testing::TempDir dir_;
  testing::DevPki pki_;
  pid_t pid_ = -1;
  int exitCode_ = -1;             // of a server that exited while starting
  std::filesystem::path output_;  // where the server's stdout/stderr go, if set
};

}  // namespace samrad
