// The consultation workflow through samrad-cli alone, against samrad-server
// as its own process, the way a script or a lawyer would use it: agencies
// bootstrapped, people enrolled from identity requests, a group from member
// cards, cases, consent and its withdrawal, a meeting with minutes, approval
// and actions, an advice request from a small municipality answered, and a
// retention policy — with the errors a person meets (unknown case, expired
// consent, missing permission, no passphrase) as clear sentences and exit
// code 1.
#include <fcntl.h>

#include <map>
#include <random>
#include <regex>
#include <sstream>

#include "samrad/client/recovery.h"
#include "samrad/testing/store_scan.h"
#include "server_process.h"

namespace samrad {
namespace {

constexpr const char* kPass = "lösenord för test 1";

class CliWorkflow : public ServerProcess {
 protected:
  void SetUp() override {
    ServerProcess::SetUp();
    port_ = start();
    ASSERT_GT(port_, 0) << "server did not write its port file";
    write("brief.txt", "Avidentifierat: kvinna i 40-årsåldern, hot från tidigare partner.");
    write("consented.txt", "CLI-SECRET Anna Berg, 19811218-9876, Storgatan 3.");
    write("statement.txt", "Det som sägs här omfattas av sekretess.");
    write("form.txt", "Samtyckesblankett Norrsken version 3");
    write("question.txt", "CLI-QUESTION Hur stöttar vi en äldre man som utsätts av sin son?");
  }

  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_.path() / name) << text;
  }
  std::string path(const std::string& name) const { return (dir_.path() / name).string(); }

  // samrad-cli as `who`, with that person's profile and the passphrase.
  CommandResult as(const std::string& who, const std::string& args) {
    const std::string cmd = std::string("SAMRAD_PASSPHRASE='") + kPass +
                            "' SAMRAD_KDF=interactive " + cli(port_) + " --profile " +
                            path("profiles/" + who) + " " + args;
    return runCommand(cmd);
  }
  // Runs and requires success; returns the output.
  std::string ok(const std::string& who, const std::string& args) {
    auto r = as(who, args);
    EXPECT_EQ(r.exitCode, 0) << who << " " << args << "\n" << r.output;
    return r.output;
  }
  static std::string field(const std::string& output, const std::string& name) {
    std::smatch m;
    if (std::regex_search(output, m, std::regex(name + "=([^\\n]+)"))) return m[1];
    return {};
  }

  // An agency bootstrapped by the operator into an administrator's profile.
  struct AgencyInfo {
    std::string id, root;
  };
  AgencyInfo bootstrap(const std::string& admin, int kind) {
    const auto out = ok(admin, "agency bootstrap --kind " + std::to_string(kind) +
                                   " --operator-key " + path("var/operator.key"));
    return {field(out, "agency"), field(out, "root")};
  }
  // A person: identity request, registration by the admin, enrolment, pins.
  std::string person(const std::string& who, const std::string& admin, const AgencyInfo& agency,
                     const std::string& role, const std::vector<AgencyInfo>& pins) {
    const auto request = ok(who, "profile init --agency " + agency.id + " --role " + role);
    write(who + ".request", request);
    const auto reg = ok(admin, "user register --role " + role + " --request " +
                                   path(who + ".request") + " --out " + path(who + ".cert"));
    for (const auto& p : pins) ok(who, "profile pin --agency " + p.id + " --root " + p.root);
    ok(who, "profile enrol --certificate " + path(who + ".cert") + " --code " + field(reg, "code"));
    return field(request, "user");
  }

  int port_ = 0;
};

TEST_F(CliWorkflow, AGroupsWeekFromTheCommandLine) {
  const std::int64_t in2days = std::chrono::duration_cast<std::chrono::seconds>(
                                   std::chrono::system_clock::now().time_since_epoch())
                                   .count() +
                               2 * 24 * 3600;
  char date[16];
  const std::time_t t = in2days;
  std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&t));
  const std::string day(date);
  // A consent is registered on the day it starts: today.
  char todayText[16];
  const std::time_t todayT = t - 2 * 24 * 3600;
  std::strftime(todayText, sizeof todayText, "%Y-%m-%d", std::gmtime(&todayT));
  const std::string today(todayText);
  const std::time_t inAYear = t + 365 * 24 * 3600;
  char later[16];
  std::strftime(later, sizeof later, "%Y-%m-%d", std::gmtime(&inAYear));
  const auto social = bootstrap("social-admin", 2);
  const auto police = bootstrap("police-admin", 1);
  const auto small = bootstrap("small-admin", 5);
  ASSERT_EQ(social.id.size(), 32U);
  const std::vector<AgencyInfo> group = {social, police, small};
  person("coord", "social-admin", social, "member", group);
  const std::string officer = person("officer", "police-admin", police, "member", group);
  const std::string police2 = person("officer2", "police-admin", police, "member", group);
  const std::string requester = person("asker", "small-admin", small, "external", group);

  // Without the passphrase, nothing opens — and it says what to do.
  auto noPass = runCommand(cli(port_) + " --profile " + path("profiles/coord") + " case list");
  EXPECT_EQ(noPass.exitCode, 1);
  EXPECT_NE(noPass.output.find("SAMRAD_PASSPHRASE"), std::string::npos) << noPass.output;

  // The coordinator creates the group from the officer's card.
  write("officer.card", ok("officer", "profile card"));
  const auto created = ok("coord", "group create --member " + path("officer.card") + ":member");
  const std::string groupId = field(created, "group");
  ASSERT_EQ(groupId.size(), 32U) << created;
  const auto joined = ok("officer", "group use --group " + groupId);
  EXPECT_NE(joined.find("group code"), std::string::npos);
  EXPECT_NE(ok("coord", "group show").find(police.id), std::string::npos);

  // The police's recovery key: made by its administrator, kept on paper (17
  // words and a QR code on standard output, nothing of it on disk), added by
  // the coordinator as a visible member of the group.
  const auto sheet = ok("police-admin", "recovery create --card " + path("police-recovery.card"));
  std::string words;
  {
    std::istringstream lines(sheet);
    const std::regex wordLine(
        "^(  [bdfghjklmnprstvz][aiou][bdfghjklmnprstvz][aiou][bdfghjklmnprstvz])+$");
    for (std::string line; std::getline(lines, line);) {
      if (std::regex_match(line, wordLine)) words += line + " ";
    }
  }
  EXPECT_TRUE(client::seedFromWords(words).ok()) << sheet;
  EXPECT_NE(sheet.find("█"), std::string::npos) << "no QR code on the sheet";
  const auto card = runCommand("cat " + path("police-recovery.card"));
  EXPECT_NE(card.output.find("user_certificate="), std::string::npos);
  EXPECT_EQ(card.output.find(words.substr(0, 11)), std::string::npos) << "the words reached a file";
  EXPECT_NE(ok("coord", "group add --member " + path("police-recovery.card")).find("Added"),
            std::string::npos);
  EXPECT_NE(ok("officer", "group show").find("återställningsnyckel"), std::string::npos);
  // Restoring a device's history reads the words from standard input and
  // checks them; the key logs in and finds the device is not in the group.
  write("wrong-words.txt", words.substr(6) + "\n");
  const std::string restore =
      "recovery restore --group " + groupId + " --device " + std::string(32, 'a') + " < ";
  auto badWords = as("police-admin", restore + path("wrong-words.txt"));
  EXPECT_EQ(badWords.exitCode, 1);
  EXPECT_NE(badWords.output.find("recovery.words"), std::string::npos) << badWords.output;
  // The administrator's computer checks the group's chain against the
  // agency roots it pinned, as every member's does.
  for (const auto& a : {social, small}) {
    ok("police-admin", "profile pin --agency " + a.id + " --root " + a.root);
  }
  write("words.txt", words + "\n");
  auto notThere = as("police-admin", restore + path("words.txt"));
  EXPECT_EQ(notThere.exitCode, 1);
  EXPECT_NE(notThere.output.find("recovery.unknown_device"), std::string::npos) << notThere.output;
  const auto me = ok("officer", "profile show");
  EXPECT_NE(me.find("enrolled: yes"), std::string::npos) << me;
  EXPECT_NE(me.find("group:    " + groupId), std::string::npos) << me;
  EXPECT_NE(ok("officer", "profile request").find("identity_key="), std::string::npos);

  // Cases: a de-identified one both read; a consented one shared with
  // social services only.
  // A de-identified brief that still names her is stopped on the officer's computer.
  auto named =
      as("officer", "case refer --number NRS-2026-200 --brief-file " + path("consented.txt"));
  EXPECT_EQ(named.exitCode, 1);
  EXPECT_NE(named.output.find("deid.findings_remain"), std::string::npos) << named.output;
  EXPECT_NE(named.output.find("PERSONNUMMER"), std::string::npos) << named.output;
  ok("officer",
     "case refer --number NRS-2026-201 --urgency acute --brief-file " + path("brief.txt"));
  // Pseudonyms: the same person keeps hers in the case's next brief; the list
  // stays on the referring agency's device.
  write("named1.txt", "Sambon Hodan Warsame bor i Föllinge med sonen Liban.");
  write("named2.txt", "Hodans bror ringde. Hodan Warsame vill flytta från Föllinge.");
  EXPECT_EQ(
      ok("officer", "deid scan --pseudonyms --apply --case NRS-2026-201 " + path("named1.txt")),
      "Sambon Person A bor i Ort 1 med sonen Person B.");
  EXPECT_EQ(
      ok("officer", "deid scan --pseudonyms --apply --case NRS-2026-201 " + path("named2.txt")),
      "Person A:s bror ringde. Person A vill flytta från Ort 1.");
  auto notReferrer =
      as("coord", "deid scan --pseudonyms --case NRS-2026-201 " + path("named1.txt"));
  EXPECT_EQ(notReferrer.exitCode, 1);
  EXPECT_NE(notReferrer.output.find("referring agency"), std::string::npos) << notReferrer.output;
  ok("officer", "case refer --number NRS-2026-202 --kind consented --share-with " + social.id +
                    " --brief-file " + path("consented.txt"));
  const auto list = ok("coord", "case list");
  EXPECT_NE(list.find("NRS-2026-201  avidentifierat  akut"), std::string::npos) << list;
  EXPECT_NE(ok("coord", "case show NRS-2026-202").find("CLI-SECRET"), std::string::npos);
  auto unknown = as("coord", "case show NRS-2026-404");
  EXPECT_EQ(unknown.exitCode, 1);
  EXPECT_NE(unknown.output.find("No case NRS-2026-404"), std::string::npos) << unknown.output;
  EXPECT_NE(ok("officer", "case person NRS-2026-201 --pnr 811218-9876").find("No earlier"),
            std::string::npos);

  // Consent: an expired validity is refused with the reason; then registered.
  const std::string consentArgs =
      "consent register --case NRS-2026-202 --osl 'OSL 12 kap. 2 §' --gdpr 'GDPR art. 6.1 e' "
      "--recipient " +
      social.id +
      " --category brott --purpose skydd --template Norrsken --template-version 3 "
      "--form-text-file " +
      path("form.txt");
  auto expired = as("officer", consentArgs + " --from 2020-01-01 --until 2020-06-30");
  EXPECT_EQ(expired.exitCode, 1);
  EXPECT_NE(expired.output.find("consent.expired"), std::string::npos) << expired.output;
  write("scan.pdf", "%PDF-1.4 CLI-SECRET underskriven blankett");
  EXPECT_NE(ok("officer", consentArgs + " --from " + today + " --until " + later +
                              " --scanned-form " + path("scan.pdf"))
                .find("Consent registered"),
            std::string::npos);
  EXPECT_NE(ok("coord", "consent list").find("gällande"), std::string::npos);
  ok("coord", "consent form --case NRS-2026-202 --out " + path("scan-copy.pdf"));
  EXPECT_EQ(testing::readFile(dir_.path() / "scan-copy.pdf"),
            "%PDF-1.4 CLI-SECRET underskriven blankett");
  const auto receipt = ok("officer",
                          "consent receipt --case NRS-2026-202 --agency-name Polisen "
                          "--contact '114 14' --lang sv");
  EXPECT_NE(receipt.find("återkalla"), std::string::npos) << receipt;

  // A meeting: scheduled, agenda in order, attendance, minutes, approval.
  auto notCoord = as("officer", "meeting schedule --first " + day +
                                    "T09:00 --place Rum --statement-file " + path("statement.txt"));
  EXPECT_EQ(notCoord.exitCode, 1);
  EXPECT_NE(notCoord.output.find("meeting.not_coordinator"), std::string::npos) << notCoord.output;
  ok("coord", "meeting schedule --first " + day +
                  "T09:00 --count 2 --place Kommunhuset "
                  "--statement-file " +
                  path("statement.txt"));
  const auto agenda = ok("coord", "meeting agenda --build --meeting " + day);
  EXPECT_NE(agenda.find("1. NRS-2026-201"), std::string::npos) << agenda;
  auto badOrder = as("coord", "meeting reorder --meeting " + day + " --order 1,9");
  EXPECT_EQ(badOrder.exitCode, 1);
  EXPECT_NE(badOrder.output.find("item numbers"), std::string::npos) << badOrder.output;
  auto skipped = as("officer", "case status NRS-2026-201 --to active");
  EXPECT_EQ(skipped.exitCode, 1);
  EXPECT_NE(skipped.output.find("one step at a time"), std::string::npos) << skipped.output;
  ok("officer", "case status NRS-2026-201 --to on-agenda");
  ok("officer", "case status NRS-2026-201 --to active");
  EXPECT_NE(ok("coord", "case list").find("NRS-2026-201  avidentifierat  akut  aktivt"),
            std::string::npos);
  ok("officer", "meeting attend --meeting " + day + " --statement-file " + path("statement.txt"));
  ok("officer", "meeting minutes --meeting " + day +
                    " --item 1 --summary 'Skyddsplan upprättas.' --decision 'Polisen gör en "
                    "hotbedömning.'");
  EXPECT_NE(ok("coord", "meeting approve --meeting " + day).find("approved"), std::string::npos);
  // The second meeting of the series is called off; the list says so.
  const std::time_t nextWeek = t + 7 * 24 * 3600;
  char next[16];
  std::strftime(next, sizeof next, "%Y-%m-%d", std::gmtime(&nextWeek));
  EXPECT_NE(ok("coord", std::string("meeting cancel --meeting ") + next).find("cancelled"),
            std::string::npos);
  const auto meetings = ok("officer", "meeting list");
  EXPECT_NE(meetings.find(day + " 09:00  Kommunhuset"), std::string::npos) << meetings;
  EXPECT_NE(meetings.find("inställt"), std::string::npos) << meetings;
  auto noMeeting = as("coord", "meeting agenda --meeting 1999-01-01");
  EXPECT_EQ(noMeeting.exitCode, 1);
  EXPECT_NE(noMeeting.output.find("meeting.not_found"), std::string::npos) << noMeeting.output;
  const auto action = ok("coord", "action add --case NRS-2026-201 --meeting " + day + " --agency " +
                                      police.id + " --description Hotbedömning --due 2099-01-31");
  const std::string actionId = field(action, "action");
  EXPECT_NE(ok("officer", "action list").find("Hotbedömning"), std::string::npos);
  ok("officer", "action review --action " + actionId + " --status done --note Klar");
  EXPECT_EQ(ok("officer", "action list --overdue"), "");

  // The withdrawal: social services no longer reads the consented case.
  ok("officer", "consent withdraw --case NRS-2026-202 --note 'Återkallat skriftligt'");
  auto gone = as("coord", "case show NRS-2026-202");
  EXPECT_EQ(gone.exitCode, 1) << gone.output;
  EXPECT_NE(ok("coord", "consent list").find("återkallat"), std::string::npos);

  // Advice from the small municipality, answered by the coordinator.
  const auto opened = ok("coord", "advice open");
  EXPECT_NE(opened.find("intake fingerprint"), std::string::npos);
  auto refused = as("asker", "advice ask --group " + groupId + " --question-file " +
                                 path("question.txt") + " --organisation 'Bräcke kommun'");
  EXPECT_EQ(refused.exitCode, 1);
  EXPECT_NE(refused.output.find("advice.not_requester"), std::string::npos) << refused.output;
  ok("coord", "advice allow --user " + requester);
  const auto asked = ok("asker", "advice ask --group " + groupId + " --question-file " +
                                     path("question.txt") + " --organisation 'Bräcke kommun'");
  const std::string requestId = field(asked, "request");
  EXPECT_NE(ok("coord", "advice inbox").find("CLI-QUESTION"), std::string::npos);
  ok("coord", "advice answer --request " + requestId + " --text 'Kontakta våldsstödjaren.'");
  EXPECT_NE(ok("asker", "advice mine --group " + groupId).find("Svar: Kontakta våldsstödjaren."),
            std::string::npos);
  auto peek = as("asker", "case list");
  EXPECT_EQ(peek.exitCode, 1) << "the requester has no group to read";

  // Retention: the coordinator's to set; a member is told so.
  auto notAllowed = as("officer", "retention set --deidentified-months 6");
  EXPECT_EQ(notAllowed.exitCode, 1);
  EXPECT_NE(notAllowed.output.find("coordinator"), std::string::npos) << notAllowed.output;
  ok("coord", "retention set --deidentified-months 6 --consented-months 24 --consent-years 10");
  EXPECT_NE(ok("officer", "retention show").find("deidentified_case_months=6"), std::string::npos);
  // Follow-up and the group's statistics: computed on the coordinator's
  // computer, small counts shown as <5.
  ok("officer",
     "case followup NRS-2026-201 --violence physical --violence economic --risk high "
     "--risk-method Patriark --measure " +
         police.id +
         ":hotbedömning --after reduced "
         "--goals partly --own-words 'Tryggare nu'");
  auto badMeasure = as("officer", "case followup NRS-2026-201 --measure nothex:x");
  EXPECT_EQ(badMeasure.exitCode, 1) << badMeasure.output;
  const auto csv = ok("coord", "stats --csv");
  EXPECT_EQ(csv.rfind("section,key,measure,value\n", 0), 0U) << csv;
  EXPECT_NE(csv.find("cases,all,count,<5\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("violence_after_support,reduced,count,<5\n"), std::string::npos) << csv;
  const auto json = ok("coord", "stats --json");
  EXPECT_NE(json.find("\"median_days_to_first_meeting\": null"), std::string::npos) << json;
  EXPECT_EQ(json.find("Tryggare"), std::string::npos);  // only aggregates, never answers
  auto backwards = as("coord", "stats --from 2026-05-01 --to 2026-04-01");
  EXPECT_EQ(backwards.exitCode, 1);
  ok("officer", "case close NRS-2026-201");

  // A second officer joins later and reads what is referred from then on,
  // and an earlier case once it is shared; then leaves, and nothing new
  // reaches them.
  write("officer2.card", ok("officer2", "profile card"));
  EXPECT_NE(ok("coord", "group add --member " + path("officer2.card")).find("Added"),
            std::string::npos);
  ok("officer2", "group use --group " + groupId);
  ok("officer", "case refer --number NRS-2026-203 --brief-file " + path("brief.txt"));
  EXPECT_NE(ok("officer2", "case list").find("NRS-2026-203"), std::string::npos);
  EXPECT_EQ(ok("officer2", "case list").find("NRS-2026-201"), std::string::npos);
  ok("officer", "case share NRS-2026-201");
  EXPECT_NE(ok("officer2", "case show NRS-2026-201").find("40-årsåldern"), std::string::npos);
  auto notCoordinator = as("officer", "group remove --user " + police2);
  EXPECT_EQ(notCoordinator.exitCode, 1);
  EXPECT_NE(ok("coord", "group remove --user " + police2).find("epoch 2"), std::string::npos);
  ok("officer", "case refer --number NRS-2026-204 --brief-file " + path("brief.txt"));
  EXPECT_NE(ok("coord", "case list").find("NRS-2026-204"), std::string::npos);
  auto removed = as("officer2", "case list");
  EXPECT_EQ(removed.exitCode, 1);
  EXPECT_NE(removed.output.find("group.not_member"), std::string::npos) << removed.output;
  (void)officer;

  // The audit bundle: exported by the coordinator, checked offline by anyone.
  const auto exported =
      ok("coord", "audit export --out " + path("audit") + " --from 2020-01-01 --to 2099-12-31");
  EXPECT_NE(exported.find("Bundle written to"), std::string::npos) << exported;
  auto verified = runCommand(std::string(SAMRAD_CLI_BIN) + " audit verify " + path("audit"));
  EXPECT_EQ(verified.exitCode, 0) << verified.output;
  EXPECT_NE(verified.output.find("VERIFIED"), std::string::npos) << verified.output;
  EXPECT_NE(verified.output.find("consent WITHDRAWN"), std::string::npos) << verified.output;
  EXPECT_EQ(
      as("coord", "audit export --out " + path("audit") + " --from 2020-01-01 --to 2099-12-31")
          .exitCode,
      1)
      << "an existing folder is never overwritten";
  { std::ofstream(dir_.path() / "audit" / "register.txt", std::ios::app) << "edited\n"; }
  auto tampered = runCommand(std::string(SAMRAD_CLI_BIN) + " audit verify " + path("audit"));
  EXPECT_EQ(tampered.exitCode, 1) << tampered.output;
  EXPECT_NE(tampered.output.find("FAILED register.txt"), std::string::npos) << tampered.output;

  // Stopped, its store holds none of what was written in plaintext.
  ::kill(pid_, SIGTERM);
  ::waitpid(pid_, nullptr, 0);
  pid_ = -1;
  auto scan = testing::scanStoreFor(dir_.path() / "var",
                                    {"CLI-SECRET", "Anna Berg", "811218", "CLI-QUESTION", "Bräcke",
                                     "våldsstödjaren", "Skyddsplan", "Hotbedömning"});
  ASSERT_TRUE(scan.ok()) << scan.error().describe();
  EXPECT_GT(scan->cells, 100U);
  EXPECT_EQ(scan->findings, std::vector<std::string>{});
}

// A client killed while it sends: samrad-cli processes referring cases are
// killed with SIGKILL at random moments — before the edit is kept, while it
// waits in the device's outbox, while the outbox goes to the server, after the
// server stored it but before the device heard. Every referral a command
// confirmed is in the group; every killed one is there at most once; the
// outbox empties with no conflict (a write applied twice would meet itself as
// a newer version), because each retry carries the first attempt's
// idempotency key.
TEST_F(CliWorkflow, AClientKilledWhileSendingLosesNothingAndAppliesNothingTwice) {
  const auto social = bootstrap("social-admin", 2);
  const auto police = bootstrap("police-admin", 1);
  const std::vector<AgencyInfo> agencies = {social, police};
  person("coord", "social-admin", social, "member", agencies);
  person("officer", "police-admin", police, "member", agencies);
  write("officer.card", ok("officer", "profile card"));
  const auto created = ok("coord", "group create --member " + path("officer.card") + ":member");
  ok("officer", "group use --group " + field(created, "group"));

  const std::string refer = std::string("SAMRAD_PASSPHRASE='") + kPass +
                            "' SAMRAD_KDF=interactive exec " + cli(port_) + " --profile " +
                            path("profiles/officer") + " case refer --brief-file " +
                            path("brief.txt") + " --number ";
  auto spawn = [&](const std::string& number) {
    const pid_t pid = ::fork();
    if (pid == 0) {
      const int devnull = ::open("/dev/null", O_WRONLY);
      ::dup2(devnull, 1);
      ::dup2(devnull, 2);
      ::execl("/bin/sh", "sh", "-c", (refer + number).c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    return pid;
  };
  // How long one referral takes here, start to finish.
  const auto t0 = std::chrono::steady_clock::now();
  ok("officer", "case refer --number NRS-KILL-FIRST --brief-file " + path("brief.txt"));
  const auto took =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);

  const unsigned seed = std::random_device{}();
  std::mt19937 rng(seed);
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::uniform_int_distribution<long> when(took.count() / 2, took.count() * 6 / 5);
  int kills = 30;
  if (const char* env = std::getenv("SAMRAD_CLIENT_KILLS")) kills = std::atoi(env);
  std::vector<std::string> confirmed = {"NRS-KILL-FIRST"};
  std::vector<std::string> killed;
  for (int i = 0; i < kills; ++i) {
    const std::string number = "NRS-KILL-" + std::to_string(i);
    const pid_t pid = spawn(number);
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(when(rng)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
      confirmed.push_back(number);
    } else {
      ASSERT_TRUE(WIFSIGNALED(status))
          << number << " failed on its own (exit " << WEXITSTATUS(status) << ")";
      killed.push_back(number);
    }
  }

  // The next time the device talks to the server, what it kept goes.
  const auto synced = ok("officer", "sync");
  EXPECT_NE(synced.find("waiting=0 conflicts=0"), std::string::npos) << synced;
  const auto again = ok("officer", "sync");
  EXPECT_NE(again.find("sent=0 waiting=0 conflicts=0"), std::string::npos) << again;

  const auto list = ok("coord", "case list");
  auto count = [&](const std::string& number) {
    std::size_t n = 0;
    for (std::size_t at = list.find(number + "  "); at != std::string::npos;
         at = list.find(number + "  ", at + 1)) {
      if (at == 0 || list[at - 1] == '\n') ++n;
    }
    return n;
  };
  for (const auto& number : confirmed) {
    EXPECT_EQ(count(number), 1U) << "a confirmed referral is missing or doubled: " << number;
  }
  std::size_t keptAndSent = 0;
  for (const auto& number : killed) {
    const std::size_t n = count(number);
    EXPECT_LE(n, 1U) << number << " was applied twice";
    keptAndSent += n;
  }
  EXPECT_GT(killed.size(), 0U) << "no command was cut off";
  std::printf(
      "[client kills] one referral takes %lld ms; %zu commands killed at random (%zu of their "
      "referrals were kept and reached the group, once), %zu finished and are there; the "
      "outbox emptied with no conflict (%s)\n",
      static_cast<long long>(took.count()), killed.size(), keptAndSent, confirmed.size(),
      synced.substr(0, synced.find('\n')).c_str());
}

TEST_F(CliWorkflow, EveryWorkflowCommandHasHelp) {
  for (const char* cmd : {"profile show",     "profile request",  "profile card",
                          "group show",       "case list",        "case show",
                          "consent list",     "meeting list",     "meeting attend",
                          "action list",      "advice open",      "advice inbox",
                          "advice mine",      "retention show",   "case share",
                          "case status",      "meeting reorder",  "meeting cancel",
                          "group add",        "group remove",     "group witnesses",
                          "profile init",     "profile enrol",    "profile pin",
                          "profile trust",    "agency bootstrap", "user register",
                          "group create",     "group use",        "case refer",
                          "case close",       "case person",      "consent register",
                          "consent withdraw", "consent receipt",  "consent form",
                          "meeting schedule", "meeting agenda",   "meeting minutes",
                          "meeting approve",  "action add",       "action review",
                          "advice ask",       "advice answer",    "advice allow",
                          "retention set",    "case followup",    "stats",
                          "audit export",     "audit verify",     "sync",
                          "recovery create",  "recovery restore"}) {
    auto r = runCommand(std::string(SAMRAD_CLI_BIN) + " " + cmd + " --help");
    EXPECT_EQ(r.exitCode, 0) << cmd;
    EXPECT_NE(r.output.find("Usage:"), std::string::npos) << cmd;
  }
}

}  // namespace
}  // namespace samrad
