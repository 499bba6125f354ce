#include "advice_page.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>

#include "deid_check.h"
#include "format.h"
#include "ui_util.h"
#include "workspace_controller.h"

namespace samrad::app {
namespace {

QString esc(const std::string& s) {
  return QString::fromStdString(s).toHtmlEscaped().replace('\n', QStringLiteral("<br>"));
}

}  // namespace

AdvicePage::AdvicePage(WorkspaceController& workspace, std::shared_ptr<const deid::Lexicon> lexicon,
                       QWidget* parent)
    : QWidget(parent), workspace_(workspace) {
  setObjectName("advicePage");
  auto* layout = new QVBoxLayout(this);
  title_ = heading(tr("Advice requests"), this, 1.6);
  layout->addWidget(title_);
  problem_ = new QLabel(this);
  problem_->setObjectName("adviceProblem");
  problem_->setWordWrap(true);
  layout->addWidget(problem_);

  auto* split = new QSplitter(Qt::Vertical, this);
  split_ = split;
  // No pane may be squeezed away: the question form must stay usable.
  split->setChildrenCollapsible(false);
  table_ = readOnlyTable(
      {tr("Asked"), tr("From"), tr("Kind of organisation"), tr("State"), tr("Verified")}, split,
      "adviceTable");
  table_->setAccessibleName(tr("Advice requests"));
  split->addWidget(table_);

  auto* lower = new QWidget(split);
  auto* ll = new QHBoxLayout(lower);
  ll->setContentsMargins(0, 0, 0, 0);
  detail_ = new QTextBrowser(lower);
  detail_->setObjectName("adviceDetail");
  ll->addWidget(detail_, 1);
  answerBox_ = new QGroupBox(tr("Answer"), lower);
  auto* al = new QVBoxLayout(answerBox_);
  answer_ = new QPlainTextEdit(answerBox_);
  answer_->setObjectName("adviceAnswer");
  answer_->setAccessibleName(tr("Answer"));
  answer_->setTabChangesFocus(true);
  al->addWidget(answer_, 1);
  auto* row = new QHBoxLayout();
  agenda_ = new QPushButton(tr("Put on the agenda"), answerBox_);
  agenda_->setObjectName("adviceAgendaButton");
  send_ = new QPushButton(tr("Send the answer"), answerBox_);
  send_->setObjectName("sendAnswerButton");
  row->addWidget(agenda_);
  row->addStretch(1);
  row->addWidget(send_);
  al->addLayout(row);
  ll->addWidget(answerBox_, 1);
  split->addWidget(lower);

  askBox_ = new QGroupBox(tr("Ask the group"), split);
  auto* kl = new QVBoxLayout(askBox_);
  auto* intro = new QLabel(tr("Describe the situation without anything that could identify the "
                              "person: the check below finds names, numbers, addresses and "
                              "details that would point to them."),
                           askBox_);
  intro->setWordWrap(true);
  kl->addWidget(intro);
  question_ = new DeidCheck(std::move(lexicon), askBox_);
  question_->setObjectName("adviceQuestion");
  kl->addWidget(question_, 1);
  auto* form = new QFormLayout();
  organisation_ = new QLineEdit(askBox_);
  organisation_->setObjectName("adviceOrganisation");
  form->addRow(tr("Your organisation:"), organisation_);
  orgType_ = new QComboBox(askBox_);
  orgType_->setObjectName("adviceOrgType");
  for (auto o : {client::RequesterOrganisation::SocialServices,
                 client::RequesterOrganisation::Healthcare, client::RequesterOrganisation::Other}) {
    orgType_->addItem(organisationLabel(o), static_cast<int>(o));
  }
  form->addRow(tr("Kind of organisation:"), orgType_);
  kl->addLayout(form);
  askButton_ = new QPushButton(tr("Send the question"), askBox_);
  askButton_->setObjectName("askButton");
  askButton_->setEnabled(false);
  kl->addWidget(askButton_, 0, Qt::AlignRight);
  split->addWidget(askBox_);
  layout->addWidget(split, 1);
  message_ = new QLabel(this);
  message_->setObjectName("adviceMessage");
  message_->setWordWrap(true);
  layout->addWidget(message_);

  connect(table_, &QTableWidget::itemSelectionChanged, this, [this] {
    const auto rows = table_->selectionModel()->selectedRows();
    selected_ = rows.isEmpty() ? QString()
                               : table_->item(rows.first().row(), 0)->data(Qt::UserRole).toString();
    showDetail();
  });
  connect(send_, &QPushButton::clicked, this, &AdvicePage::sendAnswer);
  connect(agenda_, &QPushButton::clicked, this, &AdvicePage::putOnAgenda);
  connect(askButton_, &QPushButton::clicked, this, &AdvicePage::ask);
  connect(question_, &DeidCheck::readinessChanged, askButton_, &QPushButton::setEnabled);
  connect(&workspace_, &WorkspaceController::snapshotChanged, this, &AdvicePage::refresh);
  refresh();
}

void AdvicePage::refresh() {
  const Snapshot& s = workspace_.snapshot();
  title_->setText(s.external ? tr("My advice requests") : tr("Advice requests"));
  askBox_->setVisible(s.external);
  if (s.external && !laidOutForRequester_) {
    // A requester's page is mostly the question form: give it the room.
    laidOutForRequester_ = true;
    const int h = std::max(split_->height(), 600);
    split_->setSizes({h / 5, h / 5, h * 3 / 5});
  }
  answerBox_->setVisible(!s.external);
  problem_->setText(s.adviceProblem);
  problem_->setVisible(!s.adviceProblem.isEmpty());
  const QSignalBlocker block(table_);
  table_->setRowCount(static_cast<int>(s.advice.size()));
  int keep = -1;
  for (int i = 0; i < static_cast<int>(s.advice.size()); ++i) {
    const auto& r = s.advice[static_cast<std::size_t>(i)];
    auto* asked =
        new QTableWidgetItem(dateTimeText(r.submittedAt != 0 ? r.submittedAt : r.askedAt));
    asked->setData(Qt::UserRole, hexId(r.id.view()));
    if (hexId(r.id.view()) == selected_) {
      keep = i;
    }
    table_->setItem(i, 0, asked);
    table_->setItem(i, 1, new QTableWidgetItem(QString::fromStdString(r.organisation)));
    table_->setItem(i, 2, new QTableWidgetItem(organisationLabel(r.organisationType)));
    table_->setItem(i, 3, new QTableWidgetItem(adviceStateLabel(r.state)));
    const bool verified = s.external ? (r.answer ? r.answerVerified : true) : r.requesterVerified;
    auto* v = new QTableWidgetItem(verified ? tr("Yes") : tr("Not yet: compare the safety number"));
    if (!verified) {
      v->setForeground(toneColor(Tone::Warning, this));
    }
    table_->setItem(i, 4, v);
  }
  if (keep < 0 && table_->rowCount() > 0) {
    keep = 0;  // never an empty pane when there is one
  }
  if (keep >= 0) {
    table_->selectRow(keep);
    selected_ = table_->item(keep, 0)->data(Qt::UserRole).toString();
  }
  showDetail();
}

void AdvicePage::showDetail() {
  const Snapshot& s = workspace_.snapshot();
  const client::AdviceRequest* r = nullptr;
  for (const auto& a : s.advice) {
    if (hexId(a.id.view()) == selected_) {
      r = &a;
    }
  }
  send_->setEnabled(r != nullptr && r->state != client::AdviceState::Answered);
  agenda_->setEnabled(r != nullptr && r->state == client::AdviceState::Submitted);
  answer_->setEnabled(r != nullptr && r->state != client::AdviceState::Answered);
  if (r == nullptr) {
    detail_->setHtml(QStringLiteral("<p>%1</p>")
                         .arg(s.advice.empty() ? tr("No advice request yet.")
                                               : tr("Choose a request to read it.")));
    return;
  }
  QString h = QStringLiteral("<h3>%1</h3><p>%2</p>").arg(tr("Question"), esc(r->question));
  h += QStringLiteral("<p><i>%1</i></p>")
           .arg(tr("From %1, asked %2.")
                    .arg(QString::fromStdString(r->organisation).toHtmlEscaped(),
                         dateTimeText(r->askedAt)));
  if (r->answer) {
    h += QStringLiteral("<h3>%1</h3><p>%2</p><p><i>%3</i></p>")
             .arg(tr("Answer"), esc(*r->answer),
                  tr("Answered %1.").arg(dateTimeText(r->answeredAt)));
  }
  detail_->setHtml(h);
}

void AdvicePage::sendAnswer() {
  const auto id = idFromHex<crypto::ObjectId>(selected_);
  const std::string text = answer_->toPlainText().trimmed().toStdString();
  if (!id) {
    return;
  }
  message_->clear();
  const auto* next = workspace_.snapshot().nextMeeting(QDateTime::currentSecsSinceEpoch());
  std::optional<crypto::ObjectId> meeting;
  if (next) {
    meeting = next->id;
  }
  workspace_.run(
      tr("Answering the advice request"),
      [id = *id, text, meeting](client::Workspace& ws) -> Status {
        auto r = ws.advice().answer(id, text, meeting, QDateTime::currentSecsSinceEpoch());
        return r.ok() ? okStatus() : Status(r.error());
      },
      [this](const Status& st) {
        if (st) {
          answer_->clear();
          message_->setText(tr("The answer was sealed to the requester and sent."));
        } else {
          message_->setText(describeWorkspaceError(st.error()));
        }
      });
}

void AdvicePage::putOnAgenda() {
  const auto id = idFromHex<crypto::ObjectId>(selected_);
  if (!id) {
    return;
  }
  workspace_.run(
      tr("Putting the request on the agenda"),
      [id = *id](client::Workspace& ws) { return ws.advice().putOnAgenda(id); },
      [this](const Status& st) {
        if (!st) {
          message_->setText(describeWorkspaceError(st.error()));
        }
      });
}

void AdvicePage::ask() {
  if (!question_->readyToSubmit()) {
    return;
  }
  const std::string text = question_->text().toStdString();
  const std::string org = organisation_->text().trimmed().toStdString();
  const auto type = static_cast<client::RequesterOrganisation>(orgType_->currentData().toInt());
  const client::DeidReview review = question_->review();
  message_->clear();
  workspace_.run(
      tr("Sending the question"),
      [text, org, type, review](client::Workspace& ws) -> Status {
        const auto& p = ws.profile();
        if (!p.group) {
          return Error(ErrorCode::FailedPrecondition, "profile.no_group", "no group chosen");
        }
        client::AdviceDesk desk(ws.server(), p.device, p.roots, &ws.store().database());
        auto r = desk.ask(*p.group, text, org, type, QDateTime::currentSecsSinceEpoch(), review);
        return r.ok() ? okStatus() : Status(r.error());
      },
      [this](const Status& st) {
        if (st) {
          question_->setText(QString());
          question_->reset();
          message_->setText(
              tr("Your question was sent, encrypted so that only the group reads it."));
        } else {
          message_->setText(describeWorkspaceError(st.error()));
        }
      });
}

}  // namespace samrad::app
