// #26: bundles exported from the single log of earlier versions (every
// group's entries in one log, its checkpoint's origin the log key's own name)
// still verify after the move to one log per group. The fixture was exported
// by the code of b077f13 (the last with one log): a month's case bundle from
// the month test, 199 files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "samrad/client/audit.h"
#include "samrad/testing/support.h"

namespace samrad::client {
namespace {

namespace fs = std::filesystem;

const fs::path kBundle = fs::path(SAMRAD_CLIENT_FIXTURES) / "single-log-bundle";

TEST(AuditBundles, ABundleFromTheSingleLogStillVerifies) {
  auto verified = verifyAuditBundle(kBundle, {});
  ASSERT_TRUE(verified.ok()) << verified.failures.front().file << ": "
                             << verified.failures.front().reason;
  EXPECT_GT(verified.entries, 100U);
  EXPECT_NE(verified.report.find("consent registered"), std::string::npos) << verified.report;
  EXPECT_NE(verified.report.find("consent WITHDRAWN"), std::string::npos);
}

TEST(AuditBundles, ABundleFromTheSingleLogThatWasChangedIsCaught) {
  const testing::TempDir dir;
  const fs::path copy = dir.path() / "bundle";
  fs::copy(kBundle, copy, fs::copy_options::recursive);
  // One byte of the register a lawyer reads, and the report no longer
  // matches what the entries say (and the manifest no longer the file).
  const fs::path report = copy / "register.txt";
  std::string text = testing::readFile(report);
  ASSERT_FALSE(text.empty());
  text[text.size() / 2] = text[text.size() / 2] == 'x' ? 'y' : 'x';
  std::ofstream(report, std::ios::binary | std::ios::trunc) << text;
  auto verified = verifyAuditBundle(copy, {});
  ASSERT_FALSE(verified.ok());
  EXPECT_EQ(verified.failures.front().file, "register.txt");
}

}  // namespace
}  // namespace samrad::client
