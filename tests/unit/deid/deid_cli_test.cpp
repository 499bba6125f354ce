// `samrad-cli deid scan|risk` as a script sees them: JSON fields, exit codes,
// and a sentence for a file that cannot be read.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "deid_cmd.h"
#include "samrad/testing/support.h"

namespace samrad::client {
namespace {

TEST(DeidCli, ScanPrintsJsonFindingsAndExitsFourWhenSomethingRemains) {
  testing::TempDir dir;
  const auto file = dir.path() / "brief.txt";
  std::ofstream(file) << "Sambon Johan Nyberg, 850612-1238, nås på 070-123 45 67.";
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(runDeidScan(file.string(), true, in, out, err), 4);
  const std::string json = out.str();
  EXPECT_NE(json.find(R"("type": "NAME", "start": 7, "end": 19, "text": "Johan Nyberg")"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find(R"("type": "PERSONNUMMER")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("type": "PHONE")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("score": )"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("reason": )"), std::string::npos) << json;
}

TEST(DeidCli, ScanReadsStandardInputAndExitsZeroWhenClean) {
  std::istringstream in("Stödsamtal erbjuds varannan vecka under hösten.");
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(runDeidScan("-", true, in, out, err), 0);
  EXPECT_EQ(out.str(), "[]\n");
}

TEST(DeidCli, AnUnreadableFileIsAClearSentence) {
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(runDeidScan("/nonexistent/brief.txt", false, in, out, err), 1);
  EXPECT_NE(err.str().find("Cannot read /nonexistent/brief.txt"), std::string::npos);
}

TEST(DeidCli, RiskAsJsonNamesTheLevelAndTheCoarsening) {
  deid::QuasiIdentifiers q;
  q.municipality = "Uppvidinge";
  q.county = "Kronobergs län";
  q.population = 9600;
  q.sex = deid::Sex::Female;
  q.exactBirthDate = true;
  std::ostringstream out;
  EXPECT_EQ(runDeidRisk(q, true, out), 4);
  EXPECT_NE(out.str().find(R"("level": "high")"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find(R"("to": "Kronobergs län")"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace samrad::client
