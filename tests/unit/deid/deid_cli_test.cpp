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

TEST(DeidCli, PseudonymsReplaceTheSamePersonAlikeAndReasonsComeInTheChosenLanguage) {
  std::istringstream in("Sambon Hodan Warsame bor i Föllinge. Hodan har två barn.");
  std::ostringstream out;
  std::ostringstream err;
  DeidScanOptions o;
  o.pseudonyms = true;
  o.apply = true;
  EXPECT_EQ(runDeidScan(o, nullptr, in, out, err), 0);
  EXPECT_EQ(out.str(), "Sambon Person A bor i Ort 1. Person A har två barn.");

  std::istringstream again("Grannen Milica ringde.");
  std::ostringstream listed;
  o.apply = false;
  o.language = deid::Language::English;
  EXPECT_EQ(runDeidScan(o, nullptr, again, listed, err), 4);
  EXPECT_NE(
      listed.str().find("name after a word for a person (e.g. partner, neighbour, interpreter)"),
      std::string::npos)
      << listed.str();
  EXPECT_NE(listed.str().find("→ Person A"), std::string::npos) << listed.str();
  EXPECT_EQ(cliLanguage("en"), deid::Language::English);
  EXPECT_EQ(cliLanguage("sv"), deid::Language::Swedish);
}

TEST(DeidCli, EvaluatePrintsThePerClassTable) {
  testing::TempDir dir;
  const auto file = dir.path() / "briefs.txt";
  std::ofstream(file) << "### b1 acute rural\nSambon [[NAME|Hodan Warsame]] bor i "
                         "[[PLACE|Föllinge]], nås på [[PHONE|070-123 45 67]].\n";
  std::ostringstream out;
  std::ostringstream err;
  EXPECT_EQ(runDeidEvaluate(file.string(), true, out, err), 0) << err.str();
  EXPECT_NE(out.str().find("NAME          1      1      1     1.000   1.000  1.000"),
            std::string::npos)
      << out.str();
  EXPECT_NE(out.str().find("1 briefs"), std::string::npos) << out.str();
  std::ofstream(file) << "### b1\n[[NAME|open\n";
  std::ostringstream bad;
  EXPECT_EQ(runDeidEvaluate(file.string(), false, out, bad), 1);
  EXPECT_NE(bad.str().find("not closed"), std::string::npos) << bad.str();
}

}  // namespace
}  // namespace samrad::client
