// Meetings ("sammanträden") as the group's devices hold them (DESIGN §2): a
// weekly schedule; an agenda in the prescribed order (acute cases, then cases
// with children, then follow-ups whose actions are due, then the rest); each
// attendee's own signed confirmation of the confidentiality statement;
// minutes per agenda item, shared like the item's case; actions with an
// owner agency, a due date and a reviewed outcome; and the coordinator's
// signed approval, amended as new versions with the earlier ones kept.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "samrad/client/cases.h"
#include "samrad/client/replica.h"
#include "samrad/common/result.h"

namespace samrad::client {

enum class MeetingStatus { Planned, Held, Cancelled };

struct AgendaEntry {
  crypto::ObjectId item;
  std::optional<crypto::CaseId> caseId;
  std::optional<crypto::ObjectId> adviceId;
  std::uint32_t minutesAllotted = 10;
};

struct Meeting {
  crypto::ObjectId id;
  std::int64_t startsAt = 0;
  std::uint32_t durationMinutes = 120;
  std::string place;
  std::vector<AgendaEntry> agenda;
  MeetingStatus status = MeetingStatus::Planned;
  crypto::Hash statement;  // SHA-256 of the confidentiality statement's text

  [[nodiscard]] crypto::Bytes serialize() const;
  static Result<Meeting> parse(crypto::ByteView bytes);  // meeting.malformed
};

struct Attendance {
  crypto::ObjectId meeting;
  crypto::UserId user;
  crypto::Hash statement;
  std::int64_t confirmedAt = 0;
};

enum class ActionStatus { Open, Done, NotDone };
enum class ActionReview { None, CircumstancesChanged, AgencyDidNotAct };

struct Action {
  crypto::ObjectId id;
  crypto::CaseId caseId;
  crypto::ObjectId meeting;
  crypto::AgencyId ownerAgency;
  std::optional<crypto::UserId> ownerUser;
  std::string description;
  std::int64_t dueAt = 0;
  ActionStatus status = ActionStatus::Open;
  ActionReview review = ActionReview::None;
  std::string reviewNote;
  std::int64_t updatedAt = 0;

  [[nodiscard]] bool overdueAt(std::int64_t t) const {
    return status == ActionStatus::Open && dueAt < t;
  }
  [[nodiscard]] crypto::Bytes serialize() const;
  static Result<Action> parse(crypto::ByteView bytes);  // action.malformed
};

struct Minutes {
  crypto::ObjectId meeting;
  crypto::ObjectId item;
  std::optional<crypto::CaseId> caseId;
  std::string summary;
  std::vector<std::string> decisions;
  std::vector<crypto::ObjectId> actions;
  std::uint64_t version = 0;  // the object version read (0: never sent)

  [[nodiscard]] crypto::Bytes serialize() const;
  static Result<Minutes> parse(crypto::ByteView bytes);  // minutes.malformed
};

struct ApprovedItem {
  crypto::ObjectId item;
  std::uint64_t version = 0;
  crypto::Hash digest;
};

struct Approval {
  crypto::ObjectId meeting;
  std::uint32_t minutesVersion = 0;
  std::vector<ApprovedItem> items;
  std::int64_t approvedAt = 0;
  crypto::UserId approvedBy;
  std::string amendmentReason;
  crypto::DeviceId signedBy;  // the device whose signature the replica verified

  [[nodiscard]] crypto::Bytes serialize() const;
  static Result<Approval> parse(crypto::ByteView bytes);  // minutes.malformed
};

class MeetingBook {
 public:
  static constexpr std::size_t kMaxCasesPerMeeting = 15;

  MeetingBook(GroupReplica& replica, CaseBook& cases, crypto::AgencyId myAgency, crypto::UserId me)
      : replica_(replica), cases_(cases), agency_(myAgency), me_(me) {}

  // Coordinator: `count` weekly meetings from `firstStart`, each reading the
  // same confidentiality statement. Reasons: meeting.not_coordinator,
  // meeting.bad_schedule.
  Result<std::vector<Meeting>> scheduleWeekly(std::int64_t firstStart,
                                              std::uint32_t durationMinutes,
                                              const std::string& place, int count,
                                              const std::string& statementText);
  // Coordinator: fills the agenda in the prescribed order from the open cases
  // this device can see (at most 15), follow-ups being cases with open
  // actions due by the meeting. Reasons: meeting.not_found, meeting.not_coordinator.
  Result<Meeting> buildAgenda(const crypto::ObjectId& meeting);
  // Coordinator: the same items in another order (meeting.bad_order).
  Status reorderAgenda(const crypto::ObjectId& meeting, const std::vector<crypto::ObjectId>& order);
  Status setStatus(const crypto::ObjectId& meeting, MeetingStatus status);

  // An attendee confirms the statement read at the start, with their own
  // device's signature. Reason: meeting.statement_mismatch.
  Status confirmAttendance(const crypto::ObjectId& meeting, const std::string& statementText,
                           std::int64_t now);
  // Confirmations whose signing device belongs to the person named, and
  // whose statement is the meeting's.
  [[nodiscard]] std::vector<Attendance> attendance(const crypto::ObjectId& meeting);
  // The confidentiality statement's text the meeting reads (kept with the
  // group when the meetings were scheduled), if it matches the meeting's hash.
  [[nodiscard]] std::optional<std::string> statementText(const Meeting& meeting);

  // The secretary writes an item's minutes, shared like its case.
  // Reasons: meeting.not_found, meeting.no_such_item.
  Status writeMinutes(const Minutes& minutes);
  [[nodiscard]] std::optional<Minutes> minutes(const crypto::ObjectId& meeting,
                                               const crypto::ObjectId& item);

  // Actions, shared like their case. Reasons: action.description_required,
  // action.bad_due_date, action.not_found, action.review_required.
  Result<Action> addAction(const crypto::CaseId& caseId, const crypto::ObjectId& meeting,
                           const crypto::AgencyId& ownerAgency,
                           const std::optional<crypto::UserId>& ownerUser,
                           const std::string& description, std::int64_t dueAt, std::int64_t now);
  Status reviewAction(const crypto::ObjectId& action, ActionStatus status, ActionReview review,
                      const std::string& note, std::int64_t now);
  [[nodiscard]] std::vector<Action> actions();
  // Open actions past due at `t`, oldest first: listed before the next meeting.
  [[nodiscard]] std::vector<Action> overdue(std::int64_t t);
  // Cases with open actions due by `t`.
  [[nodiscard]] std::vector<crypto::CaseId> followUpsDue(std::int64_t t);

  // Coordinator: approves the minutes as they are now (every item this
  // device can read); approving again is an amendment and needs a reason.
  // Reasons: meeting.not_coordinator, minutes.amendment_reason_required,
  // minutes.unchanged.
  Result<Approval> approve(const crypto::ObjectId& meeting, std::int64_t now,
                           const std::string& amendmentReason = {});
  // The latest approval, if its signer is a coordinator of the group.
  [[nodiscard]] std::optional<Approval> approval(const crypto::ObjectId& meeting);
  // Every approval of the meeting's minutes, first to latest, as the server
  // keeps them, each verified (amendments never replace what was approved).
  Result<std::vector<Approval>> approvalHistory(PlatformClient& server,
                                                const crypto::ObjectId& meeting);
  // Items whose minutes changed after the latest approval.
  [[nodiscard]] std::vector<crypto::ObjectId> changedSinceApproval(const crypto::ObjectId& meeting);

  [[nodiscard]] std::optional<Meeting> find(const crypto::ObjectId& meeting);
  [[nodiscard]] std::vector<Meeting> meetings();  // by start time

 private:
  [[nodiscard]] Status requireCoordinator() const;
  Status writeMeeting(const Meeting& m);

  GroupReplica& replica_;
  CaseBook& cases_;
  crypto::AgencyId agency_;
  crypto::UserId me_;
};

}  // namespace samrad::client
