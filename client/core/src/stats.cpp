#include "samrad/client/stats.h"

#include <algorithm>
#include <ctime>
#include <sstream>

#include "samrad/common/json.h"
#include "samrad/crypto/secure.h"

namespace samrad::client {
namespace {

constexpr std::int64_t kDay = 24 * 3600;

std::string monthOf(std::int64_t t) {
  const std::time_t tt = t;
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m", &tm);
  return buf;
}

// Every month from the one holding `from` to the one holding `to - 1`.
std::vector<std::string> monthsOf(std::int64_t from, std::int64_t to) {
  std::vector<std::string> out;
  if (to <= from) {
    return out;
  }
  const std::time_t f = from;
  std::tm tm{};
  gmtime_r(&f, &tm);
  int y = tm.tm_year + 1900;
  int m = tm.tm_mon + 1;
  const std::string last = monthOf(to - 1);
  for (;;) {
    out.push_back(std::to_string(y) + (m < 10 ? "-0" : "-") + std::to_string(m));
    if (out.back() >= last || out.size() > 1200) {
      break;
    }
    if (++m == 13) {
      m = 1;
      ++y;
    }
  }
  return out;
}

bool in(std::int64_t t, std::int64_t from, std::int64_t to) {
  return t >= from && t < to;
}

std::string agencyLabel(const crypto::AgencyId& a,
                        const std::map<crypto::AgencyId, std::string>& names) {
  const auto it = names.find(a);
  return it != names.end() ? it->second : crypto::toHex(a.view()).substr(0, 8);
}

std::string csvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) {
    return s;
  }
  std::string out = "\"";
  for (char c : s) {
    out += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  return out + "\"";
}

}  // namespace

const char* violenceAfterKey(ViolenceAfter v) {
  switch (v) {
    case ViolenceAfter::Stopped:
      return "stopped";
    case ViolenceAfter::Reduced:
      return "reduced";
    case ViolenceAfter::Unchanged:
      return "unchanged";
    case ViolenceAfter::Increased:
      return "increased";
    case ViolenceAfter::NotKnown:
      return "not_known";
    case ViolenceAfter::NotGiven:
      break;
  }
  return "not_given";
}

const char* goalsKey(GoalsMet g) {
  switch (g) {
    case GoalsMet::Yes:
      return "yes";
    case GoalsMet::Partly:
      return "partly";
    case GoalsMet::No:
      return "no";
    case GoalsMet::NotGiven:
      break;
  }
  return "not_given";
}

const char* organisationKey(RequesterOrganisation o) {
  switch (o) {
    case RequesterOrganisation::SocialServices:
      return "social_services";
    case RequesterOrganisation::Healthcare:
      return "healthcare";
    case RequesterOrganisation::Other:
      break;
  }
  return "other";
}

std::string exportedCount(int n) {
  if (n >= 1 && n <= 4) {
    return "<5";
  }
  return std::to_string(n);
}

GroupStatistics computeStatistics(const StatsInput& input, std::int64_t from, std::int64_t to,
                                  std::int64_t now) {
  GroupStatistics s;
  s.from = from;
  s.to = to;
  std::map<std::string, MonthCount> months;
  for (const auto& m : monthsOf(from, to)) {
    months[m].month = m;
  }

  // First meeting that took each case up (not a cancelled one).
  std::map<crypto::CaseId, std::int64_t> firstMeeting;
  for (const auto& m : input.meetings) {
    if (m.status == MeetingStatus::Cancelled) {
      continue;
    }
    for (const auto& e : m.agenda) {
      if (!e.caseId) {
        continue;
      }
      auto [it, fresh] = firstMeeting.emplace(*e.caseId, m.startsAt);
      if (!fresh && m.startsAt < it->second) {
        it->second = m.startsAt;
      }
    }
  }
  std::map<crypto::CaseId, const FollowUp*> followUps;
  for (const auto& f : input.followUps) {
    followUps[f.caseId] = &f;
  }

  std::vector<double> days;
  for (const auto& c : input.cases) {
    if (!in(c.referredAt, from, to)) {
      continue;
    }
    ++s.cases;
    auto& mc = months[monthOf(c.referredAt)];
    mc.month = monthOf(c.referredAt);
    ++mc.total;
    (c.kind == CaseKind::Consented ? mc.consented : mc.deidentified)++;
    switch (c.urgency) {
      case Urgency::Acute:
        ++mc.acute;
        break;
      case Urgency::Planned:
        ++mc.planned;
        break;
      case Urgency::Consultative:
        ++mc.consultative;
        break;
    }
    ++s.byReferringAgency[c.referringAgency];
    if (c.repeatReferral) {
      ++s.repeatReferrals;
    }
    if (const auto it = firstMeeting.find(c.id);
        it != firstMeeting.end() && it->second >= c.referredAt) {
      ++s.reachedMeeting;
      days.push_back(static_cast<double>(it->second - c.referredAt) / kDay);
    }
    if (const auto it = followUps.find(c.id); it != followUps.end()) {
      const auto& f = *it->second;
      if (f.after != ViolenceAfter::NotGiven) {
        ++s.followedUp;
        ++s.outcomes[f.after];
      }
      if (f.goals != GoalsMet::NotGiven) {
        ++s.goals[f.goals];
      }
    }
  }
  for (auto& [key, mc] : months) {
    s.perMonth.push_back(mc);
  }
  if (!days.empty()) {
    std::sort(days.begin(), days.end());
    const std::size_t n = days.size();
    s.medianDaysToMeeting = n % 2 == 1 ? days[n / 2] : (days[n / 2 - 1] + days[n / 2]) / 2;
  }

  std::map<crypto::AgencyId, AgencyActions> byAgency;
  for (const auto& a : input.actions) {
    if (!in(a.dueAt, from, to)) {
      continue;
    }
    auto& x = byAgency[a.ownerAgency];
    x.agency = a.ownerAgency;
    switch (a.status) {
      case ActionStatus::Done:
        (a.updatedAt <= a.dueAt ? x.doneOnTime : x.doneLate)++;
        break;
      case ActionStatus::NotDone:
        ++x.notDone;
        break;
      case ActionStatus::Open:
        (a.dueAt < now ? x.overdue : x.open)++;
        break;
    }
  }
  for (auto& [agency, x] : byAgency) {
    s.actions.push_back(x);
  }

  for (const auto& r : input.advice) {
    const std::int64_t t = r.submittedAt != 0 ? r.submittedAt : r.askedAt;
    if (!in(t, from, to)) {
      continue;
    }
    ++s.adviceRequests;
    ++s.adviceByOrganisation[r.organisationType];
  }
  return s;
}

std::string statisticsJson(const GroupStatistics& s,
                           const std::map<crypto::AgencyId, std::string>& names) {
  std::ostringstream o;
  auto count = [](int n) { return jsonString(exportedCount(n)); };
  o << "{\n  \"period\": {\"from\": " << s.from << ", \"to\": " << s.to << "},\n"
    << "  \"suppression\": \"counts from 1 to 4 are shown as <5\",\n"
    << "  \"cases\": " << count(s.cases) << ",\n  \"per_month\": [";
  for (std::size_t i = 0; i < s.perMonth.size(); ++i) {
    const auto& m = s.perMonth[i];
    o << (i ? ",\n" : "\n") << "    {\"month\": " << jsonString(m.month)
      << ", \"total\": " << count(m.total) << ", \"consented\": " << count(m.consented)
      << ", \"deidentified\": " << count(m.deidentified) << ", \"acute\": " << count(m.acute)
      << ", \"planned\": " << count(m.planned) << ", \"consultative\": " << count(m.consultative)
      << "}";
  }
  o << "\n  ],\n  \"referring_agency\": {";
  bool first = true;
  for (const auto& [a, n] : s.byReferringAgency) {
    o << (first ? "" : ", ") << jsonString(agencyLabel(a, names)) << ": " << count(n);
    first = false;
  }
  o << "},\n  \"reached_meeting\": " << count(s.reachedMeeting)
    << ",\n  \"median_days_to_first_meeting\": ";
  if (s.reachedMeeting >= 5) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", s.medianDaysToMeeting);
    o << buf;
  } else {
    o << "null";  // too few to say without pointing to someone
  }
  o << ",\n  \"actions\": [";
  for (std::size_t i = 0; i < s.actions.size(); ++i) {
    const auto& a = s.actions[i];
    o << (i ? ",\n" : "\n") << "    {\"agency\": " << jsonString(agencyLabel(a.agency, names))
      << ", \"done_on_time\": " << count(a.doneOnTime) << ", \"done_late\": " << count(a.doneLate)
      << ", \"overdue\": " << count(a.overdue) << ", \"not_done\": " << count(a.notDone)
      << ", \"open\": " << count(a.open) << "}";
  }
  o << "\n  ],\n  \"repeat_referrals\": " << count(s.repeatReferrals)
    << ",\n  \"followed_up\": " << count(s.followedUp) << ",\n  \"violence_after_support\": {";
  first = true;
  for (const auto& [k, n] : s.outcomes) {
    o << (first ? "" : ", ") << jsonString(violenceAfterKey(k)) << ": " << count(n);
    first = false;
  }
  o << "},\n  \"goals_met\": {";
  first = true;
  for (const auto& [k, n] : s.goals) {
    o << (first ? "" : ", ") << jsonString(goalsKey(k)) << ": " << count(n);
    first = false;
  }
  o << "},\n  \"advice_requests\": " << count(s.adviceRequests)
    << ",\n  \"advice_by_organisation\": {";
  first = true;
  for (const auto& [k, n] : s.adviceByOrganisation) {
    o << (first ? "" : ", ") << jsonString(organisationKey(k)) << ": " << count(n);
    first = false;
  }
  o << "}\n}\n";
  return o.str();
}

std::string statisticsCsv(const GroupStatistics& s,
                          const std::map<crypto::AgencyId, std::string>& names) {
  std::ostringstream o;
  o << "section,key,measure,value\n";
  auto row = [&o](const std::string& section, const std::string& key, const std::string& measure,
                  int n) {
    o << csvField(section) << ',' << csvField(key) << ',' << csvField(measure) << ','
      << exportedCount(n) << '\n';
  };
  row("cases", "all", "count", s.cases);
  for (const auto& m : s.perMonth) {
    row("per_month", m.month, "total", m.total);
    row("per_month", m.month, "consented", m.consented);
    row("per_month", m.month, "deidentified", m.deidentified);
    row("per_month", m.month, "acute", m.acute);
    row("per_month", m.month, "planned", m.planned);
    row("per_month", m.month, "consultative", m.consultative);
  }
  for (const auto& [a, n] : s.byReferringAgency) {
    row("referring_agency", agencyLabel(a, names), "count", n);
  }
  row("meetings", "reached_meeting", "count", s.reachedMeeting);
  for (const auto& a : s.actions) {
    const std::string name = agencyLabel(a.agency, names);
    row("actions", name, "done_on_time", a.doneOnTime);
    row("actions", name, "done_late", a.doneLate);
    row("actions", name, "overdue", a.overdue);
    row("actions", name, "not_done", a.notDone);
    row("actions", name, "open", a.open);
  }
  row("repeat_referrals", "within_12_months", "count", s.repeatReferrals);
  for (const auto& [k, n] : s.outcomes) {
    row("violence_after_support", violenceAfterKey(k), "count", n);
  }
  for (const auto& [k, n] : s.goals) {
    row("goals_met", goalsKey(k), "count", n);
  }
  for (const auto& [k, n] : s.adviceByOrganisation) {
    row("advice_by_organisation", organisationKey(k), "count", n);
  }
  return o.str();
}

}  // namespace samrad::client
