// The real binaries: samrad-server as its own process, samrad-cli against it,
// SIGTERM for a graceful stop.
#include "server_process.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>

#include "samrad/testing/support.h"

namespace samrad {
namespace {

using namespace std::chrono_literals;

TEST_F(ServerProcess, CliReportsServingAndSigtermStopsTheServerCleanly) {
  const int port = start();
  ASSERT_GT(port, 0) << "server did not write its port file";

  const CommandResult health = runCommand(cli(port) + " health");
  EXPECT_EQ(health.exitCode, 0) << health.output;
  EXPECT_EQ(health.output, "SERVING\n");

  ASSERT_EQ(::kill(pid_, SIGTERM), 0);
  int status = 0;
  pid_t done = 0;
  for (int i = 0; i < 100 && done == 0; ++i) {
    done = ::waitpid(pid_, &status, WNOHANG);
    if (done == 0) std::this_thread::sleep_for(50ms);
  }
  ASSERT_EQ(done, pid_) << "server did not stop within 5 s of SIGTERM";
  pid_ = -1;
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);

  const CommandResult after = runCommand(cli(port) + " health");
  EXPECT_EQ(after.exitCode, 1);
  EXPECT_NE(after.output.find("cannot be reached"), std::string::npos) << after.output;
}

TEST_F(ServerProcess, CliWithoutTrustInTheServerCertificateFailsWithAClearSentence) {
  const int port = start();
  ASSERT_GT(port, 0);
  const CommandResult r =
      runCommand(std::string(SAMRAD_CLI_BIN) + " --server 127.0.0.1:" + std::to_string(port) +
                 " --ca /nonexistent.crt health");
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.output.find("/nonexistent.crt"), std::string::npos) << r.output;
}

TEST_F(ServerProcess, CliHelpListsTheHealthCommand) {
  const CommandResult r = runCommand(std::string(SAMRAD_CLI_BIN) + " --help");
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_NE(r.output.find("health"), std::string::npos);
}

}  // namespace
}  // namespace samrad
