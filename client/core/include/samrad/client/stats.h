// Group statistics (issue #9), computed on a coordinator's or lawyer's
// device from the decrypted cases, meetings, actions, advice requests and
// follow-ups it holds; only these aggregates ever leave the device. Counts
// from 1 to 4 are suppressed ("<5") in anything exported, so a statistic
// never points to a person.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "samrad/client/advice.h"
#include "samrad/client/cases.h"
#include "samrad/client/followup.h"
#include "samrad/client/meetings.h"

namespace samrad::client {

struct StatsInput {
  std::vector<CaseRecord> cases;
  std::vector<Meeting> meetings;
  std::vector<Action> actions;
  std::vector<AdviceRequest> advice;
  std::vector<FollowUp> followUps;
};

struct MonthCount {
  std::string month;  // "2026-03"
  int total = 0;
  int consented = 0;
  int deidentified = 0;
  int acute = 0;
  int planned = 0;
  int consultative = 0;
};

struct AgencyActions {
  crypto::AgencyId agency;
  int doneOnTime = 0;  // done by the due date
  int doneLate = 0;
  int overdue = 0;  // open past the due date
  int notDone = 0;
  int open = 0;  // open, not yet due
};

struct GroupStatistics {
  std::int64_t from = 0;  // [from, to), unix seconds
  std::int64_t to = 0;
  int cases = 0;
  std::vector<MonthCount> perMonth;  // every month of the period, in order
  std::map<crypto::AgencyId, int> byReferringAgency;
  int reachedMeeting = 0;              // cases that reached a meeting's agenda
  double medianDaysToMeeting = 0;      // referral to the first meeting that took it up
  std::vector<AgencyActions> actions;  // actions due in the period, by agency
  int repeatReferrals = 0;             // cases about someone referred in the 12 months before
  int followedUp = 0;                  // cases with an answer on the violence after support
  std::map<ViolenceAfter, int> outcomes;
  std::map<GoalsMet, int> goals;
  int adviceRequests = 0;
  std::map<RequesterOrganisation, int> adviceByOrganisation;
};

// The statistics of cases referred, actions due and advice asked in [from, to).
GroupStatistics computeStatistics(const StatsInput& in, std::int64_t from, std::int64_t to,
                                  std::int64_t now);

// A count as exported: "0", "<5" for 1 to 4, else the number.
std::string exportedCount(int n);

// The statistics as JSON or CSV, with small counts suppressed and agencies
// named by `names` (unknown ones by the start of their id).
std::string statisticsJson(const GroupStatistics& s,
                           const std::map<crypto::AgencyId, std::string>& names);
std::string statisticsCsv(const GroupStatistics& s,
                          const std::map<crypto::AgencyId, std::string>& names);

const char* violenceAfterKey(ViolenceAfter v);
const char* goalsKey(GoalsMet g);
const char* organisationKey(RequesterOrganisation o);

}  // namespace samrad::client
