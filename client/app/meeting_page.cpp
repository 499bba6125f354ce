#include "meeting_page.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "format.h"
#include "pdf_export.h"
#include "ui_util.h"
#include "workspace_controller.h"

namespace samrad::app {
namespace {

std::int64_t now() {
  return QDateTime::currentSecsSinceEpoch();
}

QStringList linesOf(const QString& text) {
  QStringList out;
  for (const auto& l : text.split('\n')) {
    if (!l.trimmed().isEmpty()) {
      out << l.trimmed();
    }
  }
  return out;
}

}  // namespace

MeetingPage::MeetingPage(WorkspaceController& workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace) {
  setObjectName("meetingPage");
  auto* layout = new QVBoxLayout(this);
  auto* top = new QHBoxLayout();
  top->addWidget(heading(tr("Meetings"), this, 1.6));
  top->addStretch(1);
  auto* chooseLabel = new QLabel(tr("&Meeting:"), this);
  top->addWidget(chooseLabel);
  meetings_ = new QComboBox(this);
  meetings_->setObjectName("meetingChooser");
  meetings_->setMinimumContentsLength(36);
  chooseLabel->setBuddy(meetings_);
  top->addWidget(meetings_);
  plan_ = new QPushButton(tr("Plan meetings…"), this);
  plan_->setObjectName("planMeetingsButton");
  top->addWidget(plan_);
  layout->addLayout(top);

  auto* bar = new QHBoxLayout();
  meetingInfo_ = new QLabel(this);
  meetingInfo_->setObjectName("meetingInfo");
  meetingInfo_->setWordWrap(true);
  bar->addWidget(meetingInfo_, 1);
  build_ = new QPushButton(tr("Build the agenda"), this);
  build_->setObjectName("buildAgendaButton");
  build_->setToolTip(
      tr("Acute cases first, then cases with children, then follow-ups that are "
         "due, then the rest; at most 15 cases."));
  cancel_ = new QPushButton(tr("Cancel the meeting"), this);
  cancel_->setObjectName("cancelMeetingButton");
  approve_ = new QPushButton(tr("Approve the minutes"), this);
  approve_->setObjectName("approveButton");
  export_ = new QPushButton(tr("Minutes as PDF…"), this);
  export_->setObjectName("exportMinutesButton");
  for (auto* b : {build_, cancel_, approve_, export_}) {
    bar->addWidget(b);
  }
  layout->addLayout(bar);
  auto* approvalRow = new QHBoxLayout();
  approval_ = new QLabel(this);
  approval_->setObjectName("approvalState");
  approval_->setWordWrap(true);
  approvalRow->addWidget(approval_, 1);
  versions_ = new QPushButton(tr("Approved versions…"), this);
  versions_->setObjectName("approvalVersionsButton");
  approvalRow->addWidget(versions_);
  layout->addLayout(approvalRow);

  auto* split = new QSplitter(Qt::Horizontal, this);
  auto* left = new QWidget(split);
  auto* ll = new QVBoxLayout(left);
  ll->setContentsMargins(0, 0, 0, 0);
  ll->addWidget(heading(tr("Agenda"), left, 1.1));
  agenda_ = new QListWidget(left);
  agenda_->setObjectName("agendaList");
  agenda_->setAccessibleName(tr("Agenda"));
  ll->addWidget(agenda_, 1);
  auto* moves = new QHBoxLayout();
  up_ = new QPushButton(tr("Move up"), left);
  up_->setObjectName("moveUpButton");
  down_ = new QPushButton(tr("Move down"), left);
  down_->setObjectName("moveDownButton");
  moves->addWidget(up_);
  moves->addWidget(down_);
  moves->addStretch(1);
  ll->addLayout(moves);
  auto* attBox = new QGroupBox(tr("Attendance"), left);
  auto* al = new QVBoxLayout(attBox);
  attendance_ = new QLabel(attBox);
  attendance_->setObjectName("attendanceList");
  attendance_->setWordWrap(true);
  al->addWidget(attendance_);
  attend_ = new QPushButton(tr("Confirm the confidentiality statement…"), attBox);
  attend_->setObjectName("attendButton");
  al->addWidget(attend_);
  ll->addWidget(attBox);
  split->addWidget(left);

  auto* right = new QWidget(split);
  auto* rl = new QVBoxLayout(right);
  rl->setContentsMargins(0, 0, 0, 0);
  itemTitle_ = heading(QString(), right, 1.1);
  itemTitle_->setObjectName("itemTitle");
  rl->addWidget(itemTitle_);
  itemBrief_ = new QLabel(right);
  itemBrief_->setObjectName("itemBrief");
  itemBrief_->setWordWrap(true);
  rl->addWidget(itemBrief_);
  auto* sumLabel = new QLabel(tr("&Minutes for this item:"), right);
  rl->addWidget(sumLabel);
  summary_ = new QPlainTextEdit(right);
  summary_->setObjectName("minutesSummary");
  summary_->setAccessibleName(tr("Minutes for this item"));
  summary_->setTabChangesFocus(true);
  sumLabel->setBuddy(summary_);
  rl->addWidget(summary_, 2);
  auto* decLabel = new QLabel(tr("&Decisions (one per line):"), right);
  rl->addWidget(decLabel);
  decisions_ = new QPlainTextEdit(right);
  decisions_->setObjectName("minutesDecisions");
  decisions_->setAccessibleName(tr("Decisions, one per line"));
  decisions_->setTabChangesFocus(true);
  decLabel->setBuddy(decisions_);
  rl->addWidget(decisions_, 1);
  auto* saveRow = new QHBoxLayout();
  save_ = new QPushButton(tr("Save the minutes"), right);
  save_->setObjectName("saveMinutesButton");
  saveRow->addWidget(save_);
  minutesState_ = new QLabel(right);
  minutesState_->setObjectName("minutesState");
  minutesState_->setWordWrap(true);
  saveRow->addWidget(minutesState_, 1);
  rl->addLayout(saveRow);
  rl->addWidget(heading(tr("Actions"), right, 1.1));
  actions_ = new QTableWidget(0, 4, right);
  actions_->setObjectName("actionTable");
  actions_->setHorizontalHeaderLabels({tr("Agency"), tr("Action"), tr("Due"), tr("Status")});
  actions_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  actions_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
  actions_->verticalHeader()->hide();
  actions_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  actions_->setSelectionBehavior(QAbstractItemView::SelectRows);
  actions_->setSelectionMode(QAbstractItemView::SingleSelection);
  rl->addWidget(actions_, 1);
  auto* actionRow = new QHBoxLayout();
  addAction_ = new QPushButton(tr("Add an action…"), right);
  addAction_->setObjectName("addActionButton");
  done_ = new QPushButton(tr("Mark as done"), right);
  done_->setObjectName("actionDoneButton");
  notDone_ = new QPushButton(tr("Not done…"), right);
  notDone_->setObjectName("actionNotDoneButton");
  for (auto* b : {addAction_, done_, notDone_}) {
    actionRow->addWidget(b);
  }
  actionRow->addStretch(1);
  rl->addLayout(actionRow);
  split->addWidget(right);
  split->setStretchFactor(0, 2);
  split->setStretchFactor(1, 5);
  layout->addWidget(split, 1);
  message_ = new QLabel(this);
  message_->setObjectName("meetingMessage");
  message_->setWordWrap(true);
  layout->addWidget(message_);

  connect(meetings_, &QComboBox::currentIndexChanged, this, [this] {
    meetingId_ = meetings_->currentData().toString();
    itemIdHex_.clear();
    refresh();
  });
  connect(agenda_, &QListWidget::currentRowChanged, this, &MeetingPage::selectItem);
  connect(plan_, &QPushButton::clicked, this, &MeetingPage::planMeetings);
  connect(build_, &QPushButton::clicked, this, &MeetingPage::buildAgenda);
  connect(cancel_, &QPushButton::clicked, this, &MeetingPage::cancelMeeting);
  connect(approve_, &QPushButton::clicked, this, &MeetingPage::approve);
  connect(export_, &QPushButton::clicked, this, &MeetingPage::exportPdf);
  connect(versions_, &QPushButton::clicked, this, &MeetingPage::showVersions);
  connect(up_, &QPushButton::clicked, this, [this] { moveItem(-1); });
  connect(down_, &QPushButton::clicked, this, [this] { moveItem(1); });
  connect(attend_, &QPushButton::clicked, this, &MeetingPage::confirmAttendance);
  connect(save_, &QPushButton::clicked, this, &MeetingPage::saveMinutes);
  connect(addAction_, &QPushButton::clicked, this, &MeetingPage::addAction);
  connect(done_, &QPushButton::clicked, this, [this] { reviewAction(true); });
  connect(notDone_, &QPushButton::clicked, this, [this] { reviewAction(false); });
  connect(&workspace_, &WorkspaceController::snapshotChanged, this, &MeetingPage::refresh);
  refresh();
}

const client::Meeting* MeetingPage::meeting() const {
  const auto id = idFromHex<crypto::ObjectId>(meetingId_);
  return id ? workspace_.snapshot().findMeeting(*id) : nullptr;
}

std::optional<crypto::ObjectId> MeetingPage::itemId() const {
  return idFromHex<crypto::ObjectId>(itemIdHex_);
}

void MeetingPage::selectMeeting(const QString& meetingIdHex) {
  const int i = meetings_->findData(meetingIdHex);
  if (i >= 0) {
    meetings_->setCurrentIndex(i);
  }
}

void MeetingPage::selectItem(int row) {
  if (row < 0 || row >= agenda_->count()) {
    return;
  }
  const QString id = agenda_->item(row)->data(Qt::UserRole).toString();
  if (id == itemIdHex_) {
    return;
  }
  itemIdHex_ = id;
  loadedVersion_ = 0;
  loadedSummary_.clear();
  loadedDecisions_.clear();
  summary_->clear();
  decisions_->clear();
  showItem();
}

void MeetingPage::run(const QString& what, std::function<Status(client::Workspace&)> op) {
  message_->clear();
  workspace_.run(
      what,
      [op = std::move(op)](client::Workspace& ws) -> Status {
        SAMRAD_TRY(op(ws));
        return ws.send();
      },
      [this](const Status& st) {
        message_->setStyleSheet(st ? QString() : toneStyle(Tone::Danger, this));
        if (!st) {
          message_->setText(describeWorkspaceError(st.error()));
        }
      });
}

void MeetingPage::refresh() {
  const Snapshot& s = workspace_.snapshot();
  {
    const QSignalBlocker block(meetings_);
    meetings_->clear();
    for (const auto& m : s.meetings) {
      meetings_->addItem(QStringLiteral("%1  %2  (%3)")
                             .arg(dateTimeText(m.startsAt), QString::fromStdString(m.place),
                                  meetingStatusLabel(m.status)),
                         hexId(m.id.view()));
    }
    if (meetingId_.isEmpty() || meetings_->findData(meetingId_) < 0) {
      const auto* next = s.nextMeeting(now());
      meetingId_ = next ? hexId(next->id.view())
                        : (s.meetings.empty() ? QString() : hexId(s.meetings.back().id.view()));
    }
    meetings_->setCurrentIndex(meetings_->findData(meetingId_));
  }
  const bool coordinator = s.coordinator;
  plan_->setVisible(coordinator);
  const auto* m = meeting();
  for (auto* b : {build_, cancel_, approve_, up_, down_}) {
    b->setVisible(coordinator && m);
  }
  export_->setVisible(m != nullptr);
  attend_->setVisible(m != nullptr);
  if (m == nullptr) {
    meetingInfo_->setText(coordinator ? tr("No meeting is planned yet. Plan the group's weekly "
                                           "meetings with “Plan meetings…”.")
                                      : tr("No meeting is planned yet. The coordinator plans "
                                           "the group's meetings."));
    agenda_->clear();
    approval_->clear();
    versions_->hide();
    attendance_->clear();
    itemIdHex_.clear();
    showItem();
    return;
  }
  meetingInfo_->setText(tr("%1, %2 minutes, %3. %4")
                            .arg(dateTimeText(m->startsAt))
                            .arg(m->durationMinutes)
                            .arg(QString::fromStdString(m->place), meetingStatusLabel(m->status)));
  cancel_->setEnabled(m->status == client::MeetingStatus::Planned);

  {
    const QSignalBlocker block(agenda_);
    agenda_->clear();
    int n = 0;
    for (const auto& e : m->agenda) {
      ++n;
      QString label;
      if (e.caseId) {
        const auto* c = s.findCase(*e.caseId);
        label = c ? QStringLiteral("%1. %2 — %3%4")
                        .arg(n)
                        .arg(QString::fromStdString(c->number), urgencyLabel(c->urgency),
                             c->childrenInvolved ? tr(", children") : QString())
                  : tr("%1. A case you may not read (recused or outside the consent)").arg(n);
      } else {
        label = tr("%1. Advice request").arg(n);
      }
      const bool written = s.minutesOf(m->id, e.item) != nullptr;
      auto* item = new QListWidgetItem(label + (written ? QStringLiteral("  ✓") : QString()));
      item->setData(Qt::UserRole, hexId(e.item.view()));
      agenda_->addItem(item);
    }
    if (itemIdHex_.isEmpty() && agenda_->count() > 0) {
      itemIdHex_ = agenda_->item(0)->data(Qt::UserRole).toString();
    }
    for (int r = 0; r < agenda_->count(); ++r) {
      if (agenda_->item(r)->data(Qt::UserRole).toString() == itemIdHex_) {
        agenda_->setCurrentRow(r);
      }
    }
  }
  if (agenda_->count() == 0) {
    agenda_->addItem(coordinator ? tr("The agenda is empty: build it from the open cases.")
                                 : tr("The agenda is empty."));
    agenda_->item(0)->setFlags(Qt::NoItemFlags);
  }

  QStringList present;
  bool confirmed = false;
  if (const auto att = s.attendance.find(m->id); att != s.attendance.end()) {
    for (const auto& a : att->second) {
      const auto* member = s.member(a.user);
      present << QStringLiteral("%1 (%2)").arg(
          member ? s.agencyName(member->agency) : tr("former member"), shortId(a.user.view()));
      if (a.user == s.me) {
        confirmed = true;
      }
    }
  }
  attendance_->setText(present.isEmpty() ? tr("Nobody has confirmed yet.")
                                         : tr("Confirmed: %1").arg(present.join(", ")));
  attend_->setEnabled(!confirmed && m->status != client::MeetingStatus::Cancelled);
  attend_->setText(confirmed ? tr("You have confirmed the statement")
                             : tr("Confirm the confidentiality statement…"));

  if (const auto a = s.approvals.find(m->id); a != s.approvals.end()) {
    const auto changed = s.changedSinceApproval.find(m->id);
    const int n =
        changed == s.changedSinceApproval.end() ? 0 : static_cast<int>(changed->second.size());
    approval_->setText(
        tr("Approved %1 (version %2).")
            .arg(dateTimeText(a->second.approvedAt))
            .arg(a->second.minutesVersion) +
        (n > 0 ? QStringLiteral(" ") +
                     tr("%n item(s) changed since: approve again as an amendment.", "", n)
               : QString()));
    approval_->setStyleSheet(toneStyle(n > 0 ? Tone::Warning : Tone::Good, this));
    approve_->setText(tr("Approve an amendment…"));
    versions_->show();
  } else {
    approval_->setText(tr("The minutes are a draft until the coordinator approves them."));
    approval_->setStyleSheet({});
    approve_->setText(tr("Approve the minutes"));
    versions_->hide();
  }
  showItem();
}

void MeetingPage::showItem() {
  const Snapshot& s = workspace_.snapshot();
  const auto* m = meeting();
  const auto item = itemId();
  const client::AgendaEntry* entry = nullptr;
  if (m && item) {
    for (const auto& e : m->agenda) {
      if (e.item == *item) {
        entry = &e;
      }
    }
  }
  for (QWidget* w : std::initializer_list<QWidget*>{summary_, decisions_, save_, actions_,
                                                    addAction_, done_, notDone_}) {
    w->setEnabled(entry != nullptr);
  }
  if (entry == nullptr) {
    // No text of another item is kept (a lock empties the snapshot: what was
    // typed must not reappear under the next meeting's item).
    summary_->clear();
    decisions_->clear();
    loadedSummary_.clear();
    loadedDecisions_.clear();
    loadedVersion_ = 0;
    itemTitle_->setText(tr("Choose an item on the agenda"));
    itemBrief_->clear();
    minutesState_->clear();
    actions_->setRowCount(0);
    return;
  }
  const client::CaseRecord* c = entry->caseId ? s.findCase(*entry->caseId) : nullptr;
  if (c != nullptr) {
    itemTitle_->setText(
        tr("Case %1 — %2, %3")
            .arg(QString::fromStdString(c->number), kindLabel(c->kind), urgencyLabel(c->urgency)));
    QString brief = QString::fromStdString(c->brief);
    if (brief.size() > 400) {
      brief = brief.left(400) + QStringLiteral("…");
    }
    itemBrief_->setText(brief);
  } else {
    itemTitle_->setText(entry->caseId ? tr("A case you may not read") : tr("Advice request"));
    itemBrief_->clear();
  }

  // Live minutes: news from the secretary replace what is shown unless this
  // person is editing, in which case their text stays and they are told.
  const auto* mins = s.minutesOf(m->id, entry->item);
  const QString remoteSummary = mins ? QString::fromStdString(mins->summary) : QString();
  QStringList decs;
  if (mins) {
    for (const auto& d : mins->decisions) {
      decs << QString::fromStdString(d);
    }
  }
  const QString remoteDecisions = decs.join('\n');
  const std::uint64_t remoteVersion = mins ? mins->version : 0;
  const bool editing =
      summary_->toPlainText() != loadedSummary_ || decisions_->toPlainText() != loadedDecisions_;
  if (!editing) {
    if (summary_->toPlainText() != remoteSummary) {
      summary_->setPlainText(remoteSummary);
    }
    if (decisions_->toPlainText() != remoteDecisions) {
      decisions_->setPlainText(remoteDecisions);
    }
    loadedSummary_ = remoteSummary;
    loadedDecisions_ = remoteDecisions;
    loadedVersion_ = remoteVersion;
    minutesState_->setText(mins ? tr("Saved (version %1).").arg(remoteVersion)
                                : tr("No minutes for this item yet."));
    minutesState_->setStyleSheet({});
  } else if (remoteVersion != loadedVersion_) {
    minutesState_->setText(
        tr("Someone else saved these minutes while you were writing. Your "
           "text is kept here; save to add it on top of theirs."));
    minutesState_->setStyleSheet(toneStyle(Tone::Warning, this));
  }

  actions_->setRowCount(0);
  if (entry->caseId) {
    for (const auto& a : s.actions) {
      if (a.caseId != *entry->caseId) {
        continue;
      }
      const int r = actions_->rowCount();
      actions_->insertRow(r);
      auto* agency = new QTableWidgetItem(s.agencyName(a.ownerAgency));
      agency->setData(Qt::UserRole, hexId(a.id.view()));
      actions_->setItem(r, 0, agency);
      actions_->setItem(r, 1, new QTableWidgetItem(QString::fromStdString(a.description)));
      actions_->setItem(r, 2, new QTableWidgetItem(dateText(a.dueAt)));
      const bool overdue = a.overdueAt(now());
      auto* st = new QTableWidgetItem(overdue ? tr("Overdue") : actionStatusLabel(a.status));
      if (overdue) {
        st->setForeground(toneColor(Tone::Danger, this));
      }
      actions_->setItem(r, 3, st);
    }
  }
  addAction_->setEnabled(entry->caseId.has_value() && c != nullptr);
}

void MeetingPage::planMeetings() {
  QDialog d(this);
  d.setObjectName("planDialog");
  d.setWindowTitle(tr("Plan the group's meetings"));
  auto* form = new QFormLayout(&d);
  auto* first = new QDateTimeEdit(QDateTime(QDate::currentDate().addDays(7), QTime(9, 0)), &d);
  first->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
  first->setCalendarPopup(true);
  form->addRow(tr("First meeting:"), first);
  auto* count = new QSpinBox(&d);
  count->setRange(1, 53);
  count->setValue(4);
  form->addRow(tr("Weekly, number of meetings:"), count);
  auto* duration = new QSpinBox(&d);
  duration->setRange(15, 480);
  duration->setValue(120);
  duration->setSuffix(tr(" minutes"));
  form->addRow(tr("Length:"), duration);
  auto* place = new QLineEdit(&d);
  form->addRow(tr("Place:"), place);
  auto* statement = new QPlainTextEdit(&d);
  statement->setPlainText(
      tr("What is said at this meeting is covered by confidentiality under the Public Access "
         "to Information and Secrecy Act and stays in the room."));
  form->addRow(tr("Confidentiality statement read at the start:"), statement);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &d);
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::accepted, &d, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, &d, &QDialog::reject);
  sizeToScreen(&d, {620, 420});
  if (d.exec() != QDialog::Accepted) {
    return;
  }
  const std::int64_t start = first->dateTime().toSecsSinceEpoch();
  const auto minutes = static_cast<std::uint32_t>(duration->value());
  const std::string where = place->text().trimmed().toStdString();
  const int n = count->value();
  const std::string text = statement->toPlainText().trimmed().toStdString();
  run(tr("Planning meetings"), [=](client::Workspace& ws) -> Status {
    auto r = ws.meetings().scheduleWeekly(start, minutes, where, n, text);
    return r.ok() ? okStatus() : Status(r.error());
  });
}

void MeetingPage::buildAgenda() {
  const auto* m = meeting();
  if (m == nullptr) {
    return;
  }
  const auto id = m->id;
  run(tr("Building the agenda"), [id](client::Workspace& ws) -> Status {
    auto r = ws.meetings().buildAgenda(id);
    return r.ok() ? okStatus() : Status(r.error());
  });
}

void MeetingPage::moveItem(int delta) {
  const auto* m = meeting();
  const int row = agenda_->currentRow();
  if (m == nullptr || row < 0 || row >= static_cast<int>(m->agenda.size())) {
    return;
  }
  const int to = row + delta;
  if (to < 0 || to >= static_cast<int>(m->agenda.size())) {
    return;
  }
  std::vector<crypto::ObjectId> order;
  for (const auto& e : m->agenda) {
    order.push_back(e.item);
  }
  std::swap(order[static_cast<std::size_t>(row)], order[static_cast<std::size_t>(to)]);
  const auto id = m->id;
  run(tr("Reordering the agenda"),
      [id, order](client::Workspace& ws) { return ws.meetings().reorderAgenda(id, order); });
}

void MeetingPage::confirmAttendance() {
  const auto* m = meeting();
  if (m == nullptr) {
    return;
  }
  const auto& s = workspace_.snapshot();
  const auto text = s.statements.find(m->id);
  if (text == s.statements.end()) {
    message_->setText(
        tr("The meeting's confidentiality statement has not reached this device "
           "yet. Wait a moment and try again."));
    return;
  }
  // Copied before the question: a sync may replace the snapshot while it is
  // open, and what is confirmed is exactly the text the person was shown.
  const auto id = m->id;
  const std::string statement = text->second;
  if (!confirm(this, tr("Confidentiality statement"),
               tr("Read aloud at the start of the meeting:\n\n%1\n\nDo you confirm it?")
                   .arg(QString::fromStdString(statement)))) {
    return;
  }
  run(tr("Confirming attendance"), [id, statement](client::Workspace& ws) {
    return ws.meetings().confirmAttendance(id, statement, QDateTime::currentSecsSinceEpoch());
  });
}

void MeetingPage::saveMinutes() {
  const auto* m = meeting();
  const auto item = itemId();
  if (m == nullptr || !item) {
    return;
  }
  client::Minutes mins;
  mins.meeting = m->id;
  mins.item = *item;
  for (const auto& e : m->agenda) {
    if (e.item == *item) {
      mins.caseId = e.caseId;
    }
  }
  mins.summary = summary_->toPlainText().trimmed().toStdString();
  for (const auto& d : linesOf(decisions_->toPlainText())) {
    mins.decisions.push_back(d.toStdString());
  }
  if (const auto* old = workspace_.snapshot().minutesOf(m->id, *item)) {
    mins.actions = old->actions;
  }
  const auto* current = workspace_.snapshot().minutesOf(m->id, *item);
  mins.version = current ? current->version : 0;
  // Never over someone else's newer text without the person deciding so.
  if (mins.version != loadedVersion_ &&
      !confirm(this, tr("The minutes changed"),
               tr("Someone else saved these minutes while you were writing. Save your text in "
                  "their place? Their version stays in the minutes' history."))) {
    return;
  }
  loadedSummary_ = summary_->toPlainText();
  loadedDecisions_ = decisions_->toPlainText();
  loadedVersion_ = mins.version;
  minutesState_->setText(tr("Saving…"));
  run(tr("Saving the minutes"),
      [mins](client::Workspace& ws) { return ws.meetings().writeMinutes(mins); });
}

void MeetingPage::addAction() {
  const auto* m = meeting();
  const auto item = itemId();
  if (m == nullptr || !item) {
    return;
  }
  std::optional<crypto::CaseId> caseId;
  for (const auto& e : m->agenda) {
    if (e.item == *item) {
      caseId = e.caseId;
    }
  }
  if (!caseId) {
    return;
  }
  // The dialog below runs an event loop in which a sync may replace the
  // snapshot `m` points into: keep what is needed now.
  const auto meetingId = m->id;
  m = nullptr;
  const Snapshot& s = workspace_.snapshot();
  QDialog d(this);
  d.setObjectName("actionDialog");
  d.setWindowTitle(tr("Add an action"));
  auto* form = new QFormLayout(&d);
  auto* agency = new QComboBox(&d);
  agency->setObjectName("actionAgency");
  for (const auto& a : s.agencies) {
    const bool inGroup = std::any_of(s.members.begin(), s.members.end(),
                                     [&](const MemberView& mv) { return mv.agency == a.id; });
    if (inGroup) {
      agency->addItem(QString::fromStdString(a.name), hexId(a.id.view()));
    }
  }
  form->addRow(tr("Agency responsible:"), agency);
  auto* description = new QLineEdit(&d);
  description->setObjectName("actionDescription");
  form->addRow(tr("Action:"), description);
  auto* due = new QDateEdit(QDate::currentDate().addDays(14), &d);
  due->setObjectName("actionDue");
  due->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
  due->setCalendarPopup(true);
  form->addRow(tr("Due:"), due);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &d);
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::accepted, &d, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, &d, &QDialog::reject);
  sizeToScreen(&d, {520, 200});
  if (d.exec() != QDialog::Accepted) {
    return;
  }
  const auto owner = idFromHex<crypto::AgencyId>(agency->currentData().toString());
  if (!owner) {
    return;
  }
  const std::string text = description->text().trimmed().toStdString();
  const std::int64_t dueAt = QDateTime(due->date(), QTime(23, 59)).toSecsSinceEpoch();
  const auto c = *caseId;
  run(tr("Adding the action"), [=](client::Workspace& ws) -> Status {
    auto r = ws.meetings().addAction(c, meetingId, *owner, std::nullopt, text, dueAt,
                                     QDateTime::currentSecsSinceEpoch());
    return r.ok() ? okStatus() : Status(r.error());
  });
}

void MeetingPage::reviewAction(bool done) {
  const auto rows = actions_->selectionModel()->selectedRows();
  if (rows.isEmpty()) {
    message_->setText(tr("Choose an action in the table first."));
    return;
  }
  const auto id = idFromHex<crypto::ObjectId>(
      actions_->item(rows.first().row(), 0)->data(Qt::UserRole).toString());
  if (!id) {
    return;
  }
  client::ActionReview review = client::ActionReview::None;
  std::string note;
  if (!done) {
    const QString why = askText(this, tr("Action not done"),
                                tr("Why was it not done? (Start with “changed:” if the "
                                   "circumstances changed; otherwise the agency did not act.)"));
    if (why.isEmpty()) {
      return;
    }
    review = why.startsWith(tr("changed:"), Qt::CaseInsensitive)
                 ? client::ActionReview::CircumstancesChanged
                 : client::ActionReview::AgencyDidNotAct;
    note = why.toStdString();
  }
  const auto status = done ? client::ActionStatus::Done : client::ActionStatus::NotDone;
  const auto action = *id;
  run(tr("Reviewing the action"), [=](client::Workspace& ws) {
    return ws.meetings().reviewAction(action, status, review, note,
                                      QDateTime::currentSecsSinceEpoch());
  });
}

void MeetingPage::approve() {
  const auto* m = meeting();
  if (m == nullptr) {
    return;
  }
  const auto id = m->id;  // before any dialog: a sync may replace the snapshot
  const QString when = dateTimeText(m->startsAt);
  std::string reason;
  if (workspace_.snapshot().approvals.count(id) > 0) {
    const QString why = askText(this, tr("Amend the approved minutes"),
                                tr("Why are the approved minutes amended?"));
    if (why.isEmpty()) {
      return;
    }
    reason = why.toStdString();
  } else if (!confirm(this, tr("Approve the minutes"),
                      tr("Approve the minutes of %1 as they are now? Later changes become "
                         "amendments; this version is kept.")
                          .arg(when))) {
    return;
  }
  run(tr("Approving the minutes"), [id, reason](client::Workspace& ws) -> Status {
    auto r = ws.meetings().approve(id, QDateTime::currentSecsSinceEpoch(), reason);
    return r.ok() ? okStatus() : Status(r.error());
  });
}

void MeetingPage::cancelMeeting() {
  const auto* m = meeting();
  if (m == nullptr) {
    return;
  }
  const auto id = m->id;  // before the question: a sync may replace the snapshot
  if (!confirmDanger(
          this, tr("Cancel the meeting"),
          tr("Cancel the meeting of %1? Everyone in the group sees that it is cancelled.")
              .arg(dateTimeText(m->startsAt)),
          tr("Cancel the meeting"), tr("Keep the meeting"))) {
    return;
  }
  run(tr("Cancelling the meeting"), [id](client::Workspace& ws) {
    return ws.meetings().setStatus(id, client::MeetingStatus::Cancelled);
  });
}

void MeetingPage::exportPdf() {
  const auto* m = meeting();
  if (m == nullptr) {
    return;
  }
  const QString path = askSaveFile(
      this, tr("Save the minutes"),
      tr("minutes-%1.pdf").arg(QDateTime::fromSecsSinceEpoch(m->startsAt).toString("yyyy-MM-dd")),
      tr("PDF (*.pdf)"));
  if (path.isEmpty()) {
    return;
  }
  // Looked up again: a sync may have replaced the snapshot during the dialog.
  const Snapshot& s = workspace_.snapshot();
  m = meeting();
  if (m == nullptr) {
    message_->setText(tr("The meeting changed while the dialog was open. Try again."));
    return;
  }
  const Status st = writePdf(path, tr("Minutes %1").arg(dateTimeText(m->startsAt)),
                             exportMark(s, m), minutesHtml(s, *m));
  message_->setStyleSheet(st ? QString() : toneStyle(Tone::Danger, this));
  message_->setText(st ? tr("The minutes were saved to %1.").arg(path)
                       : describeWorkspaceError(st.error()));
}

void MeetingPage::showVersions() {
  const auto* m = meeting();
  if (m == nullptr) {
    return;
  }
  const auto id = m->id;
  auto history = std::make_shared<std::vector<client::Approval>>();
  workspace_.run(
      tr("Fetching the approved versions"),
      [id, history](client::Workspace& ws) -> Status {
        SAMRAD_ASSIGN_OR_RETURN(*history, ws.meetings().approvalHistory(ws.server(), id));
        return okStatus();
      },
      [this, history](const Status& st) {
        if (!st) {
          message_->setText(describeWorkspaceError(st.error()));
          return;
        }
        const Snapshot& s = workspace_.snapshot();
        QDialog d(this);
        d.setObjectName("versionsDialog");
        d.setWindowTitle(tr("Approved versions of the minutes"));
        auto* l = new QVBoxLayout(&d);
        auto* t = new QTableWidget(static_cast<int>(history->size()), 4, &d);
        t->setObjectName("versionsTable");
        t->setHorizontalHeaderLabels(
            {tr("Version"), tr("Approved"), tr("By"), tr("Amended because")});
        t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        t->horizontalHeader()->setStretchLastSection(true);
        t->verticalHeader()->hide();
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        for (int i = 0; i < static_cast<int>(history->size()); ++i) {
          const auto& a = (*history)[static_cast<std::size_t>(i)];
          const auto* member = s.member(a.approvedBy);
          t->setItem(i, 0, new QTableWidgetItem(QString::number(a.minutesVersion)));
          t->setItem(i, 1, new QTableWidgetItem(dateTimeText(a.approvedAt)));
          t->setItem(i, 2,
                     new QTableWidgetItem(member ? s.agencyName(member->agency)
                                                 : shortId(a.approvedBy.view())));
          t->setItem(i, 3,
                     new QTableWidgetItem(a.amendmentReason.empty()
                                              ? tr("(first approval)")
                                              : QString::fromStdString(a.amendmentReason)));
        }
        l->addWidget(t);
        auto* note = new QLabel(tr("Every approved version is kept as the server stored it and "
                                   "checked on this computer; an amendment never replaces one."),
                                &d);
        note->setWordWrap(true);
        l->addWidget(note);
        auto* close = new QDialogButtonBox(QDialogButtonBox::Close, &d);
        connect(close, &QDialogButtonBox::rejected, &d, &QDialog::reject);
        l->addWidget(close);
        sizeToScreen(&d, {720, 320});
        d.exec();
      });
}

}  // namespace samrad::app
