#include "dashboard_page.h"

#include <QDateTime>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "format.h"
#include "ui_util.h"
#include "workspace_controller.h"

namespace samrad::app {

namespace {

QTableWidgetItem* cell(const QString& text) {
  return new QTableWidgetItem(text);
}

int urgencyRank(client::Urgency u) {
  return u == client::Urgency::Acute ? 0 : u == client::Urgency::Planned ? 1 : 2;
}

}  // namespace

DashboardPage::DashboardPage(WorkspaceController& workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace) {
  setObjectName("dashboardPage");
  auto* layout = new QVBoxLayout(this);
  greeting_ = heading(tr("Overview"), this, 1.6);
  layout->addWidget(greeting_);
  auto* grid = new QGridLayout();
  grid->setHorizontalSpacing(16);
  grid->setVerticalSpacing(16);

  auto* meetingBox = new QGroupBox(tr("Next meeting"), this);
  auto* mb = new QVBoxLayout(meetingBox);
  meeting_ = new QLabel(meetingBox);
  meeting_->setObjectName("nextMeeting");
  meeting_->setWordWrap(true);
  meeting_->setTextFormat(Qt::RichText);
  mb->addWidget(meeting_);
  auto* openMeeting = new QPushButton(tr("Open the meeting"), meetingBox);
  openMeeting->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
  connect(openMeeting, &QPushButton::clicked, this, [this] {
    if (!nextMeetingId_.isEmpty()) {
      emit this->openMeeting(nextMeetingId_);
    }
  });
  mb->addWidget(openMeeting);
  mb->addStretch(1);
  grid->addWidget(meetingBox, 0, 0);

  auto* adviceBox = new QGroupBox(tr("Advice requests"), this);
  auto* ab = new QVBoxLayout(adviceBox);
  advice_ = new QLabel(adviceBox);
  advice_->setObjectName("adviceWaiting");
  advice_->setWordWrap(true);
  ab->addWidget(advice_);
  auto* openAdvice = new QPushButton(tr("Open the inbox"), adviceBox);
  openAdvice->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
  connect(openAdvice, &QPushButton::clicked, this, &DashboardPage::openAdvice);
  ab->addWidget(openAdvice);
  ab->addStretch(1);
  grid->addWidget(adviceBox, 0, 1);

  auto* casesBox = new QGroupBox(tr("Open cases by urgency"), this);
  auto* cb = new QVBoxLayout(casesBox);
  cases_ =
      readOnlyTable({tr("Case"), tr("Urgency"), tr("Children"), tr("Status"), tr("Referred by")},
                    casesBox, "dashboardCases");
  cb->addWidget(cases_);
  grid->addWidget(casesBox, 1, 0);
  connect(cases_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
    emit openCase(cases_->item(row, 0)->data(Qt::UserRole).toString());
  });

  auto* actionsBox = new QGroupBox(tr("My agency's actions"), this);
  auto* acb = new QVBoxLayout(actionsBox);
  actions_ = readOnlyTable({tr("Due"), tr("Case"), tr("Action"), tr("Status")}, actionsBox,
                           "dashboardActions");
  acb->addWidget(actions_);
  grid->addWidget(actionsBox, 1, 1);
  grid->setRowStretch(1, 1);
  grid->setColumnStretch(0, 1);
  grid->setColumnStretch(1, 1);
  layout->addLayout(grid, 1);

  connect(&workspace_, &WorkspaceController::snapshotChanged, this, &DashboardPage::refresh);
  refresh();
}

void DashboardPage::refresh() {
  const Snapshot& s = workspace_.snapshot();
  greeting_->setText(tr("Overview — %1").arg(s.agencyName(s.myAgency)));
  const std::int64_t now = QDateTime::currentSecsSinceEpoch();

  if (const auto* m = s.nextMeeting(now)) {
    nextMeetingId_ = hexId(m->id.view());
    const auto att = s.attendance.find(m->id);
    const bool confirmed = att != s.attendance.end() &&
                           std::any_of(att->second.begin(), att->second.end(),
                                       [&](const client::Attendance& a) { return a.user == s.me; });
    meeting_->setText(
        tr("<b>%1</b><br>%2<br>%3 items on the agenda<br>%4")
            .arg(dateTimeText(m->startsAt),
                 m->place.empty() ? QString("–") : QString::fromStdString(m->place))
            .arg(m->agenda.size())
            .arg(confirmed ? tr("You have confirmed the confidentiality statement.")
                           : tr("Confirm the confidentiality statement when the meeting starts.")));
  } else {
    nextMeetingId_.clear();
    meeting_->setText(tr("No meeting is planned. The coordinator plans the group's meetings."));
  }

  std::vector<const client::CaseRecord*> open;
  for (const auto& c : s.cases) {
    if (c.status != client::CaseStatus::Closed && !c.consentEnded) {
      open.push_back(&c);
    }
  }
  std::sort(open.begin(), open.end(), [](const auto* a, const auto* b) {
    if (urgencyRank(a->urgency) != urgencyRank(b->urgency)) {
      return urgencyRank(a->urgency) < urgencyRank(b->urgency);
    }
    if (a->childrenInvolved != b->childrenInvolved) {
      return a->childrenInvolved;
    }
    return a->referredAt < b->referredAt;
  });
  cases_->setRowCount(static_cast<int>(open.size()));
  for (int i = 0; i < static_cast<int>(open.size()); ++i) {
    const auto& c = *open[static_cast<std::size_t>(i)];
    auto* number = cell(QString::fromStdString(c.number));
    number->setData(Qt::UserRole, hexId(c.id.view()));
    cases_->setItem(i, 0, number);
    auto* urgency = cell(urgencyLabel(c.urgency));
    if (c.urgency == client::Urgency::Acute) {
      urgency->setForeground(toneColor(Tone::Danger, this));
      QFont f = urgency->font();
      f.setBold(true);
      urgency->setFont(f);
    }
    cases_->setItem(i, 1, urgency);
    cases_->setItem(i, 2, cell(c.childrenInvolved ? tr("Yes") : tr("No")));
    cases_->setItem(i, 3, cell(caseStatusLabel(c.status)));
    cases_->setItem(i, 4, cell(s.agencyName(c.referringAgency)));
  }

  std::vector<const client::Action*> mine;
  for (const auto& a : s.actions) {
    if (a.ownerAgency == s.myAgency && a.status == client::ActionStatus::Open) {
      mine.push_back(&a);
    }
  }
  std::sort(mine.begin(), mine.end(),
            [](const auto* a, const auto* b) { return a->dueAt < b->dueAt; });
  actions_->setRowCount(static_cast<int>(mine.size()));
  for (int i = 0; i < static_cast<int>(mine.size()); ++i) {
    const auto& a = *mine[static_cast<std::size_t>(i)];
    const auto* c = s.findCase(a.caseId);
    const bool overdue = a.overdueAt(now);
    actions_->setItem(i, 0, cell(dateText(a.dueAt)));
    actions_->setItem(i, 1, cell(c ? QString::fromStdString(c->number) : tr("(not readable)")));
    actions_->setItem(i, 2, cell(QString::fromStdString(a.description)));
    actions_->setItem(i, 3, cell(overdue ? tr("Overdue") : actionStatusLabel(a.status)));
    if (overdue) {
      for (int col = 0; col < 4; ++col) {
        actions_->item(i, col)->setForeground(toneColor(Tone::Danger, this));
      }
    }
  }

  int waiting = 0;
  for (const auto& r : s.advice) {
    if (r.state != client::AdviceState::Answered) {
      ++waiting;
    }
  }
  if (!s.adviceProblem.isEmpty()) {
    advice_->setText(s.adviceProblem);
  } else if (waiting == 0) {
    advice_->setText(tr("No advice request is waiting for an answer."));
  } else {
    advice_->setText(tr("%n request(s) waiting for an answer.", "", waiting));
  }
}

}  // namespace samrad::app
