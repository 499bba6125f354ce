#include "samrad/client/meetings.h"

#include <algorithm>
#include <set>

#include "samrad/v1/workflow.pb.h"

namespace samrad::client {
namespace {

constexpr const char* kMeetingKind = "meeting";
constexpr const char* kAttendanceKind = "attendance";
constexpr const char* kActionKind = "action";
constexpr const char* kMinutesKind = "minutes-item";
constexpr const char* kApprovalKind = "minutes-approval";
constexpr std::size_t kMaxText = 64 * 1024;
constexpr std::int64_t kWeek = 7 * 24 * 3600;

template <typename I>
std::string raw(const I& id) {
  return std::string(reinterpret_cast<const char*>(id.view().data()), id.view().size());
}

std::string rawHash(const crypto::Hash& h) {
  return std::string(reinterpret_cast<const char*>(h.bytes.data()), h.bytes.size());
}

Error malformed(const char* reason, const char* what) {
  return Error(ErrorCode::DataLoss, reason, std::string("a record ") + what);
}

template <typename I>
Result<I> idOf(const std::string& s, const char* reason) {
  auto id = I::fromBytes(crypto::asBytes(s));
  if (!id) return malformed(reason, "has a bad id");
  return *id;
}

template <typename I>
Result<std::optional<I>> optionalId(const std::string& s, const char* reason) {
  if (s.empty()) return std::optional<I>{};
  SAMRAD_ASSIGN_OR_RETURN(auto id, idOf<I>(s, reason));
  return std::optional<I>{id};
}

Result<crypto::Hash> hashOf(const std::string& s, const char* reason) {
  crypto::Hash h;
  if (s.size() != h.bytes.size()) return malformed(reason, "has a bad digest");
  std::copy(s.begin(), s.end(), h.bytes.begin());
  return h;
}

template <typename M>
crypto::Bytes bytesOf(const M& m) {
  std::string out;
  m.SerializeToString(&out);
  return crypto::Bytes(out.begin(), out.end());
}

// An object id derived from a label and ids, so every device finds it.
crypto::ObjectId derived(std::string_view label, crypto::ByteView a, crypto::ByteView b = {}) {
  const crypto::Hash h = crypto::sha256({crypto::asBytes(label), a, b});
  return *crypto::ObjectId::fromBytes(crypto::ByteView(h.bytes.data(), 16));
}

crypto::ObjectId attendanceObject(const crypto::ObjectId& meeting, const crypto::UserId& user) {
  return derived("samrad/v1/attendance", meeting.view(), user.view());
}
crypto::ObjectId minutesObject(const crypto::ObjectId& meeting, const crypto::ObjectId& item) {
  return derived("samrad/v1/minutes-item", meeting.view(), item.view());
}
crypto::ObjectId approvalObject(const crypto::ObjectId& meeting) {
  return derived("samrad/v1/minutes-approval", meeting.view());
}

crypto::Hash statementHash(const std::string& text) {
  return crypto::sha256(crypto::asBytes(text));
}

constexpr const char* kStatementKind = "meeting-statement";
crypto::ObjectId statementObject(const crypto::Hash& statement) {
  return derived("samrad/v1/statement",
                 crypto::ByteView(statement.bytes.data(), statement.bytes.size()));
}

}  // namespace

// ---- records ----------------------------------------------------------------

crypto::Bytes Meeting::serialize() const {
  v1::MeetingRecord m;
  m.set_meeting_id(raw(id));
  m.set_starts_at(startsAt);
  m.set_duration_minutes(durationMinutes);
  m.set_place(place);
  for (const auto& e : agenda) {
    auto* a = m.add_agenda();
    a->set_item_id(raw(e.item));
    if (e.caseId) a->set_case_id(raw(*e.caseId));
    if (e.adviceId) a->set_advice_id(raw(*e.adviceId));
    a->set_minutes_allotted(e.minutesAllotted);
  }
  m.set_status(static_cast<v1::MeetingStatus>(static_cast<int>(status) + 1));
  m.set_statement_sha256(rawHash(statement));
  return bytesOf(m);
}

Result<Meeting> Meeting::parse(crypto::ByteView bytes) {
  constexpr const char* kReason = "meeting.malformed";
  v1::MeetingRecord m;
  if (!m.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return malformed(kReason, "cannot be read");
  }
  Meeting out;
  SAMRAD_ASSIGN_OR_RETURN(out.id, idOf<crypto::ObjectId>(m.meeting_id(), kReason));
  out.startsAt = m.starts_at();
  out.durationMinutes = m.duration_minutes();
  out.place = m.place();
  for (const auto& a : m.agenda()) {
    AgendaEntry e;
    SAMRAD_ASSIGN_OR_RETURN(e.item, idOf<crypto::ObjectId>(a.item_id(), kReason));
    SAMRAD_ASSIGN_OR_RETURN(e.caseId, optionalId<crypto::CaseId>(a.case_id(), kReason));
    SAMRAD_ASSIGN_OR_RETURN(e.adviceId, optionalId<crypto::ObjectId>(a.advice_id(), kReason));
    e.minutesAllotted = a.minutes_allotted();
    out.agenda.push_back(e);
  }
  if (m.status() < v1::MEETING_STATUS_PLANNED || m.status() > v1::MEETING_STATUS_CANCELLED) {
    return malformed(kReason, "has no status");
  }
  out.status = static_cast<MeetingStatus>(static_cast<int>(m.status()) - 1);
  SAMRAD_ASSIGN_OR_RETURN(out.statement, hashOf(m.statement_sha256(), kReason));
  return out;
}

crypto::Bytes Action::serialize() const {
  v1::ActionRecord m;
  m.set_action_id(raw(id));
  m.set_case_id(raw(caseId));
  m.set_meeting_id(raw(meeting));
  m.set_owner_agency(raw(ownerAgency));
  if (ownerUser) m.set_owner_user(raw(*ownerUser));
  m.set_description(description);
  m.set_due_at(dueAt);
  m.set_status(static_cast<v1::ActionStatus>(static_cast<int>(status) + 1));
  m.set_review(static_cast<v1::ActionReview>(static_cast<int>(review)));
  m.set_review_note(reviewNote);
  m.set_updated_at(updatedAt);
  return bytesOf(m);
}

Result<Action> Action::parse(crypto::ByteView bytes) {
  constexpr const char* kReason = "action.malformed";
  v1::ActionRecord m;
  if (!m.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return malformed(kReason, "cannot be read");
  }
  Action a;
  SAMRAD_ASSIGN_OR_RETURN(a.id, idOf<crypto::ObjectId>(m.action_id(), kReason));
  SAMRAD_ASSIGN_OR_RETURN(a.caseId, idOf<crypto::CaseId>(m.case_id(), kReason));
  SAMRAD_ASSIGN_OR_RETURN(a.meeting, idOf<crypto::ObjectId>(m.meeting_id(), kReason));
  SAMRAD_ASSIGN_OR_RETURN(a.ownerAgency, idOf<crypto::AgencyId>(m.owner_agency(), kReason));
  SAMRAD_ASSIGN_OR_RETURN(a.ownerUser, optionalId<crypto::UserId>(m.owner_user(), kReason));
  a.description = m.description();
  a.dueAt = m.due_at();
  if (m.status() < v1::ACTION_STATUS_OPEN || m.status() > v1::ACTION_STATUS_NOT_DONE) {
    return malformed(kReason, "has no status");
  }
  a.status = static_cast<ActionStatus>(static_cast<int>(m.status()) - 1);
  if (m.review() < v1::ACTION_REVIEW_UNSPECIFIED ||
      m.review() > v1::ACTION_REVIEW_AGENCY_DID_NOT_ACT) {
    return malformed(kReason, "has an unknown review");
  }
  a.review = static_cast<ActionReview>(static_cast<int>(m.review()));
  a.reviewNote = m.review_note();
  a.updatedAt = m.updated_at();
  return a;
}

crypto::Bytes Minutes::serialize() const {
  v1::MinutesItem m;
  m.set_meeting_id(raw(meeting));
  m.set_item_id(raw(item));
  if (caseId) m.set_case_id(raw(*caseId));
  m.set_summary(summary);
  for (const auto& d : decisions) m.add_decisions(d);
  for (const auto& a : actions) m.add_action_ids(raw(a));
  return bytesOf(m);
}

Result<Minutes> Minutes::parse(crypto::ByteView bytes) {
  constexpr const char* kReason = "minutes.malformed";
  v1::MinutesItem m;
  if (!m.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return malformed(kReason, "cannot be read");
  }
  Minutes out;
  SAMRAD_ASSIGN_OR_RETURN(out.meeting, idOf<crypto::ObjectId>(m.meeting_id(), kReason));
  SAMRAD_ASSIGN_OR_RETURN(out.item, idOf<crypto::ObjectId>(m.item_id(), kReason));
  SAMRAD_ASSIGN_OR_RETURN(out.caseId, optionalId<crypto::CaseId>(m.case_id(), kReason));
  out.summary = m.summary();
  out.decisions.assign(m.decisions().begin(), m.decisions().end());
  for (const auto& a : m.action_ids()) {
    SAMRAD_ASSIGN_OR_RETURN(auto id, idOf<crypto::ObjectId>(a, kReason));
    out.actions.push_back(id);
  }
  return out;
}

crypto::Bytes Approval::serialize() const {
  v1::MinutesApproval m;
  m.set_meeting_id(raw(meeting));
  m.set_minutes_version(minutesVersion);
  for (const auto& i : items) {
    auto* a = m.add_items();
    a->set_item_id(raw(i.item));
    a->set_object_version(i.version);
    a->set_plaintext_sha256(rawHash(i.digest));
  }
  m.set_approved_at(approvedAt);
  m.set_approved_by_user(raw(approvedBy));
  m.set_amendment_reason(amendmentReason);
  return bytesOf(m);
}

Result<Approval> Approval::parse(crypto::ByteView bytes) {
  constexpr const char* kReason = "minutes.malformed";
  v1::MinutesApproval m;
  if (!m.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return malformed(kReason, "cannot be read");
  }
  Approval a;
  SAMRAD_ASSIGN_OR_RETURN(a.meeting, idOf<crypto::ObjectId>(m.meeting_id(), kReason));
  a.minutesVersion = m.minutes_version();
  for (const auto& i : m.items()) {
    ApprovedItem item;
    SAMRAD_ASSIGN_OR_RETURN(item.item, idOf<crypto::ObjectId>(i.item_id(), kReason));
    item.version = i.object_version();
    SAMRAD_ASSIGN_OR_RETURN(item.digest, hashOf(i.plaintext_sha256(), kReason));
    a.items.push_back(item);
  }
  a.approvedAt = m.approved_at();
  SAMRAD_ASSIGN_OR_RETURN(a.approvedBy, idOf<crypto::UserId>(m.approved_by_user(), kReason));
  a.amendmentReason = m.amendment_reason();
  return a;
}

// ---- the book ---------------------------------------------------------------

Status MeetingBook::requireCoordinator() const {
  const auto& members = replica_.chain().state().members;
  auto it = members.find(me_);
  if (it == members.end() || it->second.role != crypto::GroupRole::Coordinator) {
    return Error(ErrorCode::PermissionDenied, "meeting.not_coordinator",
                 "only the group's coordinator (samordnare) plans meetings and approves minutes");
  }
  return okStatus();
}

Status MeetingBook::writeMeeting(const Meeting& m) {
  return replica_.write(m.id, kMeetingKind, m.serialize());
}

Result<std::vector<Meeting>> MeetingBook::scheduleWeekly(std::int64_t firstStart,
                                                         std::uint32_t durationMinutes,
                                                         const std::string& place, int count,
                                                         const std::string& statementText) {
  SAMRAD_TRY(requireCoordinator());
  if (count < 1 || count > 53 || durationMinutes < 15 || durationMinutes > 8 * 60 ||
      firstStart <= 0) {
    return Error(ErrorCode::InvalidArgument, "meeting.bad_schedule",
                 "plan 1 to 53 weekly meetings of 15 minutes to 8 hours");
  }
  if (statementText.empty() || statementText.size() > kMaxText || place.size() > 500) {
    return Error(ErrorCode::InvalidArgument, "meeting.bad_schedule",
                 "each meeting needs the confidentiality statement read at its start");
  }
  // The statement's text travels with the group, so every attendee's device
  // can show it and confirm exactly what the meeting reads.
  const crypto::Hash statement = statementHash(statementText);
  SAMRAD_TRY(
      replica_.write(statementObject(statement), kStatementKind, crypto::asBytes(statementText)));
  std::vector<Meeting> out;
  for (int i = 0; i < count; ++i) {
    Meeting m;
    m.id = crypto::ObjectId::random();
    m.startsAt = firstStart + i * kWeek;
    m.durationMinutes = durationMinutes;
    m.place = place;
    m.statement = statementHash(statementText);
    SAMRAD_TRY(writeMeeting(m));
    out.push_back(std::move(m));
  }
  return out;
}

std::optional<std::string> MeetingBook::statementText(const Meeting& m) {
  auto o = replica_.object(statementObject(m.statement));
  if (!o) return std::nullopt;
  std::string text(o->plaintext.begin(), o->plaintext.end());
  if (!(statementHash(text) == m.statement)) return std::nullopt;
  return text;
}

Result<Meeting> MeetingBook::buildAgenda(const crypto::ObjectId& meetingId) {
  SAMRAD_TRY(requireCoordinator());
  auto m = find(meetingId);
  if (!m) return Error(ErrorCode::NotFound, "meeting.not_found", "no such meeting");
  auto ordered = agendaOrder(cases_.cases(), followUpsDue(m->startsAt));
  if (ordered.size() > kMaxCasesPerMeeting) ordered.resize(kMaxCasesPerMeeting);
  // Items already on the agenda keep their ids (and so their minutes).
  std::vector<AgendaEntry> agenda;
  for (const auto& c : ordered) {
    auto it = std::find_if(m->agenda.begin(), m->agenda.end(),
                           [&](const AgendaEntry& e) { return e.caseId == c.id; });
    agenda.push_back(it != m->agenda.end() ? *it
                                           : AgendaEntry{crypto::ObjectId::random(), c.id, {}, 10});
  }
  for (const auto& e : m->agenda) {
    if (e.adviceId) agenda.push_back(e);  // advice requests stay, after the cases
  }
  m->agenda = std::move(agenda);
  SAMRAD_TRY(writeMeeting(*m));
  return *m;
}

Status MeetingBook::reorderAgenda(const crypto::ObjectId& meetingId,
                                  const std::vector<crypto::ObjectId>& order) {
  SAMRAD_TRY(requireCoordinator());
  auto m = find(meetingId);
  if (!m) return Error(ErrorCode::NotFound, "meeting.not_found", "no such meeting");
  std::vector<AgendaEntry> reordered;
  for (const auto& id : order) {
    auto it = std::find_if(m->agenda.begin(), m->agenda.end(),
                           [&](const AgendaEntry& e) { return e.item == id; });
    if (it == m->agenda.end()) break;
    reordered.push_back(*it);
  }
  const std::set<crypto::ObjectId> unique(order.begin(), order.end());
  if (reordered.size() != m->agenda.size() || unique.size() != order.size()) {
    return Error(ErrorCode::InvalidArgument, "meeting.bad_order",
                 "a new order must list every agenda item once");
  }
  m->agenda = std::move(reordered);
  return writeMeeting(*m);
}

Status MeetingBook::setStatus(const crypto::ObjectId& meetingId, MeetingStatus status) {
  SAMRAD_TRY(requireCoordinator());
  auto m = find(meetingId);
  if (!m) return Error(ErrorCode::NotFound, "meeting.not_found", "no such meeting");
  m->status = status;
  return writeMeeting(*m);
}

Status MeetingBook::confirmAttendance(const crypto::ObjectId& meetingId,
                                      const std::string& statementText, std::int64_t now) {
  auto m = find(meetingId);
  if (!m) return Error(ErrorCode::NotFound, "meeting.not_found", "no such meeting");
  const crypto::Hash h = statementHash(statementText);
  if (!(h == m->statement)) {
    return Error(ErrorCode::FailedPrecondition, "meeting.statement_mismatch",
                 "the statement confirmed is not the one this meeting reads; read it again");
  }
  v1::AttendanceRecord r;
  r.set_meeting_id(raw(meetingId));
  r.set_user_id(raw(me_));
  r.set_statement_sha256(rawHash(h));
  r.set_confirmed_at(now);
  return replica_.write(attendanceObject(meetingId, me_), kAttendanceKind, bytesOf(r));
}

std::vector<Attendance> MeetingBook::attendance(const crypto::ObjectId& meetingId) {
  std::vector<Attendance> out;
  auto m = find(meetingId);
  if (!m) return out;
  const auto& state = replica_.chain().state();
  for (const auto& o : replica_.objects(kAttendanceKind)) {
    v1::AttendanceRecord r;
    if (!r.ParseFromArray(o.plaintext.data(), static_cast<int>(o.plaintext.size()))) continue;
    auto meeting = crypto::ObjectId::fromBytes(crypto::asBytes(r.meeting_id()));
    auto user = crypto::UserId::fromBytes(crypto::asBytes(r.user_id()));
    auto h = hashOf(r.statement_sha256(), "meeting.malformed");
    if (!meeting || !user || !h || *meeting != meetingId || !(*h == m->statement)) continue;
    // Signed by the person's own device, or it does not count.
    const crypto::ChainMember* signer = state.memberOf(o.author);
    if (signer == nullptr || signer->certificate.user != *user) continue;
    if (o.id != attendanceObject(meetingId, *user)) continue;
    out.push_back({*meeting, *user, *h, r.confirmed_at()});
  }
  return out;
}

Status MeetingBook::writeMinutes(const Minutes& minutesIn) {
  auto m = find(minutesIn.meeting);
  if (!m) return Error(ErrorCode::NotFound, "meeting.not_found", "no such meeting");
  auto it = std::find_if(m->agenda.begin(), m->agenda.end(),
                         [&](const AgendaEntry& e) { return e.item == minutesIn.item; });
  if (it == m->agenda.end()) {
    return Error(ErrorCode::NotFound, "meeting.no_such_item", "the item is not on the agenda");
  }
  std::size_t size = minutesIn.summary.size();
  for (const auto& d : minutesIn.decisions) size += d.size();
  if (size > kMaxText) {
    return Error(ErrorCode::InvalidArgument, "minutes.too_long",
                 "an item's minutes are at most 64 KiB; attach longer documents");
  }
  Minutes out = minutesIn;
  out.caseId = it->caseId;
  const crypto::ObjectId id = minutesObject(out.meeting, out.item);
  if (out.caseId) {
    SAMRAD_ASSIGN_OR_RETURN(CaseScope scope, cases_.scopeOf(*out.caseId));
    return replica_.write(id, kMinutesKind, out.serialize(), scope);
  }
  return replica_.write(id, kMinutesKind, out.serialize());
}

std::optional<Minutes> MeetingBook::minutes(const crypto::ObjectId& meeting,
                                            const crypto::ObjectId& item) {
  auto o = replica_.object(minutesObject(meeting, item));
  if (!o) return std::nullopt;
  auto m = Minutes::parse(o->plaintext);
  if (!m) return std::nullopt;
  m->version = o->version;
  return std::move(m).value();
}

Result<Action> MeetingBook::addAction(const crypto::CaseId& caseId, const crypto::ObjectId& meeting,
                                      const crypto::AgencyId& ownerAgency,
                                      const std::optional<crypto::UserId>& ownerUser,
                                      const std::string& description, std::int64_t dueAt,
                                      std::int64_t now) {
  if (description.empty() || description.size() > 4000) {
    return Error(ErrorCode::InvalidArgument, "action.description_required",
                 "describe the action in 1 to 4000 bytes");
  }
  if (dueAt <= now) {
    return Error(ErrorCode::InvalidArgument, "action.bad_due_date",
                 "an action's due date must be in the future");
  }
  Action a;
  a.id = crypto::ObjectId::random();
  a.caseId = caseId;
  a.meeting = meeting;
  a.ownerAgency = ownerAgency;
  a.ownerUser = ownerUser;
  a.description = description;
  a.dueAt = dueAt;
  a.updatedAt = now;
  SAMRAD_ASSIGN_OR_RETURN(CaseScope scope, cases_.scopeOf(caseId));
  SAMRAD_TRY(replica_.write(a.id, kActionKind, a.serialize(), scope));
  return a;
}

Status MeetingBook::reviewAction(const crypto::ObjectId& id, ActionStatus status,
                                 ActionReview review, const std::string& note, std::int64_t now) {
  auto o = replica_.object(id);
  if (!o || o->kind != kActionKind) {
    return Error(ErrorCode::NotFound, "action.not_found", "no such action on this device");
  }
  SAMRAD_ASSIGN_OR_RETURN(Action a, Action::parse(o->plaintext));
  if (status == ActionStatus::NotDone && review == ActionReview::None) {
    return Error(ErrorCode::InvalidArgument, "action.review_required",
                 "an action that was not done needs the reason: circumstances changed, or the "
                 "agency did not act");
  }
  if (note.size() > 4000) {
    return Error(ErrorCode::InvalidArgument, "action.too_long", "the note is over 4000 bytes");
  }
  a.status = status;
  a.review = review;
  a.reviewNote = note;
  a.updatedAt = now;
  SAMRAD_ASSIGN_OR_RETURN(CaseScope scope, cases_.scopeOf(a.caseId));
  return replica_.write(id, kActionKind, a.serialize(), scope);
}

std::vector<Action> MeetingBook::actions() {
  std::vector<Action> out;
  for (const auto& o : replica_.objects(kActionKind)) {
    auto a = Action::parse(o.plaintext);
    if (a && a->id == o.id) out.push_back(std::move(a).value());
  }
  std::sort(out.begin(), out.end(),
            [](const Action& x, const Action& y) { return x.dueAt < y.dueAt; });
  return out;
}

std::vector<Action> MeetingBook::overdue(std::int64_t t) {
  std::vector<Action> out;
  for (auto& a : actions()) {
    if (a.overdueAt(t)) out.push_back(std::move(a));
  }
  return out;
}

std::vector<crypto::CaseId> MeetingBook::followUpsDue(std::int64_t t) {
  std::vector<crypto::CaseId> out;
  for (const auto& a : actions()) {
    if (a.status == ActionStatus::Open && a.dueAt <= t &&
        std::find(out.begin(), out.end(), a.caseId) == out.end()) {
      out.push_back(a.caseId);
    }
  }
  return out;
}

Result<Approval> MeetingBook::approve(const crypto::ObjectId& meetingId, std::int64_t now,
                                      const std::string& amendmentReason) {
  SAMRAD_TRY(requireCoordinator());
  auto m = find(meetingId);
  if (!m) return Error(ErrorCode::NotFound, "meeting.not_found", "no such meeting");
  const auto previous = approval(meetingId);
  if (previous && amendmentReason.empty()) {
    return Error(ErrorCode::FailedPrecondition, "minutes.amendment_reason_required",
                 "the minutes were approved before; an amendment needs its reason");
  }
  if (previous && changedSinceApproval(meetingId).empty()) {
    return Error(ErrorCode::FailedPrecondition, "minutes.unchanged",
                 "nothing changed since the minutes were approved");
  }
  Approval a;
  a.meeting = meetingId;
  a.minutesVersion = previous ? previous->minutesVersion + 1 : 1;
  a.approvedAt = now;
  a.approvedBy = me_;
  a.amendmentReason = amendmentReason;
  for (const auto& e : m->agenda) {
    auto o = replica_.object(minutesObject(meetingId, e.item));
    if (!o) continue;  // no minutes, or an item this device may not read
    a.items.push_back({e.item, o->version, crypto::sha256(o->plaintext)});
  }
  SAMRAD_TRY(replica_.write(approvalObject(meetingId), kApprovalKind, a.serialize()));
  a.signedBy = replica_.device();
  return a;
}

std::optional<Approval> MeetingBook::approval(const crypto::ObjectId& meetingId) {
  auto o = replica_.object(approvalObject(meetingId));
  if (!o) return std::nullopt;
  auto a = Approval::parse(o->plaintext);
  if (!a || a->meeting != meetingId) return std::nullopt;
  // Only a coordinator's own device makes an approval count.
  const crypto::ChainMember* signer = replica_.chain().state().memberOf(o->author);
  if (signer == nullptr || signer->role != crypto::GroupRole::Coordinator ||
      signer->certificate.user != a->approvedBy) {
    return std::nullopt;
  }
  a->signedBy = o->author;
  return std::move(a).value();
}

Result<std::vector<Approval>> MeetingBook::approvalHistory(PlatformClient& server,
                                                           const crypto::ObjectId& meetingId) {
  std::vector<Approval> out;
  auto latest = replica_.object(approvalObject(meetingId));
  if (!latest) return out;
  for (std::uint64_t v = 1; v <= latest->version; ++v) {
    SAMRAD_ASSIGN_OR_RETURN(auto o, replica_.fetchVersion(server, approvalObject(meetingId), v));
    SAMRAD_ASSIGN_OR_RETURN(auto a, Approval::parse(o.plaintext));
    const crypto::ChainMember* signer = replica_.chain().state().memberOf(o.author);
    if (a.meeting != meetingId || signer == nullptr ||
        signer->role != crypto::GroupRole::Coordinator ||
        signer->certificate.user != a.approvedBy) {
      return Error(ErrorCode::DataLoss, "verify.approval_signer",
                   "an approval of these minutes was not signed by the coordinator it names");
    }
    a.signedBy = o.author;
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<crypto::ObjectId> MeetingBook::changedSinceApproval(const crypto::ObjectId& meetingId) {
  std::vector<crypto::ObjectId> out;
  auto m = find(meetingId);
  auto a = approval(meetingId);
  if (!m) return out;
  for (const auto& e : m->agenda) {
    auto o = replica_.object(minutesObject(meetingId, e.item));
    if (!o) continue;
    const crypto::Hash now = crypto::sha256(o->plaintext);
    bool same = false;
    if (a) {
      for (const auto& i : a->items) {
        if (i.item == e.item && i.digest == now) same = true;
      }
    }
    if (!same) out.push_back(e.item);
  }
  return out;
}

std::optional<Meeting> MeetingBook::find(const crypto::ObjectId& meetingId) {
  auto o = replica_.object(meetingId);
  if (!o || o->kind != kMeetingKind) return std::nullopt;
  auto m = Meeting::parse(o->plaintext);
  if (!m || m->id != meetingId) return std::nullopt;
  return std::move(m).value();
}

std::vector<Meeting> MeetingBook::meetings() {
  std::vector<Meeting> out;
  for (const auto& o : replica_.objects(kMeetingKind)) {
    auto m = Meeting::parse(o.plaintext);
    if (m && m->id == o.id) out.push_back(std::move(m).value());
  }
  std::sort(out.begin(), out.end(),
            [](const Meeting& a, const Meeting& b) { return a.startsAt < b.startsAt; });
  return out;
}

}  // namespace samrad::client
