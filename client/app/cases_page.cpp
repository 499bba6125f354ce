#include "cases_page.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>
#include <fstream>

#include "case_dialogs.h"
#include "format.h"
#include "pdf_export.h"
#include "ui_util.h"
#include "workspace_controller.h"

namespace samrad::app {
namespace {

std::int64_t now() {
  return QDateTime::currentSecsSinceEpoch();
}
QString esc(const std::string& s) {
  return QString::fromStdString(s).toHtmlEscaped();
}

}  // namespace

CasesPage::CasesPage(WorkspaceController& workspace, std::shared_ptr<const deid::Lexicon> lexicon,
                     QWidget* parent)
    : QWidget(parent), workspace_(workspace), lexicon_(std::move(lexicon)) {
  setObjectName("casesPage");
  auto* layout = new QVBoxLayout(this);
  auto* top = new QHBoxLayout();
  top->addWidget(heading(tr("Cases"), this, 1.6));
  top->addStretch(1);
  auto* showLabel = new QLabel(tr("&Show:"), this);
  top->addWidget(showLabel);
  filter_ = new QComboBox(this);
  filter_->setObjectName("caseFilter");
  filter_->addItems({tr("Open cases"), tr("Closed cases"), tr("All cases")});
  showLabel->setBuddy(filter_);
  top->addWidget(filter_);
  auto* refer = new QPushButton(tr("Refer a case…"), this);
  refer->setObjectName("newReferralButton");
  top->addWidget(refer);
  layout->addLayout(top);

  auto* split = new QSplitter(Qt::Horizontal, this);
  table_ = readOnlyTable({tr("Case"), tr("Kind"), tr("Urgency"), tr("Status"), tr("Children"),
                          tr("Consent"), tr("Referred by")},
                         split, "caseTable");
  table_->setAccessibleName(tr("Cases"));
  table_->setWordWrap(false);
  table_->setTextElideMode(Qt::ElideRight);
  split->addWidget(table_);

  auto* right = new QWidget(split);
  auto* rl = new QVBoxLayout(right);
  rl->setContentsMargins(0, 0, 0, 0);
  detail_ = new QTextBrowser(right);
  detail_->setObjectName("caseDetail");
  detail_->setAccessibleName(tr("The chosen case"));
  rl->addWidget(detail_, 1);
  auto* buttons = new QHBoxLayout();
  advance_ = new QPushButton(right);
  advance_->setObjectName("advanceStatusButton");
  close_ = new QPushButton(tr("Close the case"), right);
  close_->setObjectName("closeCaseButton");
  consent_ = new QPushButton(tr("Register consent…"), right);
  consent_->setObjectName("registerConsentOpen");
  withdraw_ = new QPushButton(tr("Withdraw consent…"), right);
  withdraw_->setObjectName("withdrawConsentOpen");
  receipt_ = new QPushButton(tr("Receipt for the person (PDF)…"), right);
  receipt_->setObjectName("receiptButton");
  scan_ = new QPushButton(tr("Save the scanned form…"), right);
  scan_->setObjectName("saveScanButton");
  brief_ = new QPushButton(tr("Edit the brief…"), right);
  brief_->setObjectName("editBriefButton");
  followUp_ = new QPushButton(tr("Follow-up…"), right);
  followUp_->setObjectName("followUpButton");
  // The case's own steps on one row, its consent's on the next.
  for (auto* b : {brief_, advance_, close_, followUp_}) {
    buttons->addWidget(b);
  }
  buttons->addStretch(1);
  rl->addLayout(buttons);
  auto* consentButtons = new QHBoxLayout();
  for (auto* b : {consent_, withdraw_, receipt_, scan_}) {
    consentButtons->addWidget(b);
  }
  consentButtons->addStretch(1);
  rl->addLayout(consentButtons);
  message_ = new QLabel(right);
  message_->setObjectName("caseMessage");
  message_->setWordWrap(true);
  rl->addWidget(message_);
  split->addWidget(right);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 1);
  split->setSizes({800, 500});
  layout->addWidget(split, 1);

  connect(filter_, &QComboBox::currentIndexChanged, this, &CasesPage::refresh);
  connect(refer, &QPushButton::clicked, this, &CasesPage::openReferral);
  connect(table_, &QTableWidget::itemSelectionChanged, this, [this] {
    selected_ = selectedId();
    showDetail();
  });
  connect(advance_, &QPushButton::clicked, this, &CasesPage::advanceStatus);
  connect(close_, &QPushButton::clicked, this, &CasesPage::closeCase);
  connect(consent_, &QPushButton::clicked, this, &CasesPage::openConsent);
  connect(withdraw_, &QPushButton::clicked, this, &CasesPage::openWithdrawal);
  connect(receipt_, &QPushButton::clicked, this, &CasesPage::exportReceipt);
  connect(scan_, &QPushButton::clicked, this, &CasesPage::saveScannedForm);
  connect(brief_, &QPushButton::clicked, this, &CasesPage::openBrief);
  connect(followUp_, &QPushButton::clicked, this, &CasesPage::openFollowUp);
  connect(&workspace_, &WorkspaceController::snapshotChanged, this, &CasesPage::refresh);
  refresh();
}

QString CasesPage::selectedId() const {
  const auto rows = table_->selectionModel()->selectedRows();
  if (rows.isEmpty()) {
    return {};
  }
  return table_->item(rows.first().row(), 0)->data(Qt::UserRole).toString();
}

void CasesPage::selectCase(const QString& caseIdHex) {
  selected_ = caseIdHex;
  for (int pass = 0; pass < 2; ++pass) {
    for (int r = 0; r < table_->rowCount(); ++r) {
      if (table_->item(r, 0)->data(Qt::UserRole).toString() == caseIdHex) {
        table_->selectRow(r);
        return;
      }
    }
    filter_->setCurrentIndex(2);  // not among the open ones: show all
  }
}

void CasesPage::refresh() {
  const Snapshot& s = workspace_.snapshot();
  const QString keep = selected_;
  std::vector<const client::CaseRecord*> shown;
  for (const auto& c : s.cases) {
    const bool closed = c.status == client::CaseStatus::Closed;
    if ((filter_->currentIndex() == 0 && closed) || (filter_->currentIndex() == 1 && !closed)) {
      continue;
    }
    shown.push_back(&c);
  }
  std::sort(shown.begin(), shown.end(),
            [](const auto* a, const auto* b) { return a->referredAt > b->referredAt; });
  const QSignalBlocker block(table_);
  table_->setRowCount(static_cast<int>(shown.size()));
  for (int i = 0; i < static_cast<int>(shown.size()); ++i) {
    const auto& c = *shown[static_cast<std::size_t>(i)];
    auto* number = new QTableWidgetItem(QString::fromStdString(c.number));
    number->setData(Qt::UserRole, hexId(c.id.view()));
    table_->setItem(i, 0, number);
    table_->setItem(i, 1, new QTableWidgetItem(kindLabel(c.kind)));
    auto* urgency = new QTableWidgetItem(urgencyLabel(c.urgency));
    if (c.urgency == client::Urgency::Acute) {
      urgency->setForeground(toneColor(Tone::Danger, this));
    }
    table_->setItem(i, 2, urgency);
    table_->setItem(i, 3, new QTableWidgetItem(caseStatusLabel(c.status)));
    table_->setItem(i, 4, new QTableWidgetItem(c.childrenInvolved ? tr("Yes") : tr("No")));
    QString consent = QStringLiteral("–");
    if (c.kind == client::CaseKind::Consented) {
      const auto* r = s.consentOf(c.id);
      consent = r == nullptr        ? tr("Not registered")
                : r->withdrawn()    ? tr("Withdrawn")
                : r->validAt(now()) ? tr("Valid until %1").arg(dateText(r->form.validUntil))
                                    : tr("Not valid");
    }
    table_->setItem(i, 5, new QTableWidgetItem(consent));
    table_->setItem(i, 6, new QTableWidgetItem(s.agencyName(c.referringAgency)));
  }
  table_->clearSelection();
  int row = -1;
  for (int r = 0; r < table_->rowCount(); ++r) {
    if (table_->item(r, 0)->data(Qt::UserRole).toString() == keep) {
      row = r;
    }
  }
  // Nothing chosen yet: show the newest case rather than an empty pane.
  if (row < 0 && table_->rowCount() > 0) {
    row = 0;
  }
  if (row >= 0) {
    table_->selectRow(row);
  }
  selected_ = row >= 0 ? table_->item(row, 0)->data(Qt::UserRole).toString() : QString();
  showDetail();
}

void CasesPage::showDetail() {
  const Snapshot& s = workspace_.snapshot();
  const auto id = idFromHex<crypto::CaseId>(selected_);
  const client::CaseRecord* c = id ? s.findCase(*id) : nullptr;
  for (auto* b : {brief_, advance_, close_, followUp_, consent_, withdraw_, receipt_, scan_}) {
    b->setVisible(c != nullptr);
  }
  if (c == nullptr) {
    detail_->setHtml(QStringLiteral("<p>%1</p>")
                         .arg(s.cases.empty() ? tr("No case yet. Refer one with “Refer a case…”.")
                                              : tr("Choose a case in the list to see it.")));
    return;
  }
  const bool mine = c->referringAgency == s.myAgency;
  const auto* consent = s.consentOf(c->id);
  QString h;
  h += QStringLiteral("<h2>%1 %2</h2>").arg(tr("Case"), esc(c->number));
  h += QStringLiteral("<p><b>%1</b> %2 &nbsp; <b>%3</b> %4 &nbsp; <b>%5</b> %6<br>")
           .arg(tr("Kind:"), kindLabel(c->kind), tr("Urgency:"), urgencyLabel(c->urgency),
                tr("Status:"), caseStatusLabel(c->status));
  h += QStringLiteral("<b>%1</b> %2, %3 &nbsp; <b>%4</b> %5</p>")
           .arg(tr("Referred by:"), s.agencyName(c->referringAgency).toHtmlEscaped(),
                dateText(c->referredAt), tr("Children involved:"),
                c->childrenInvolved ? tr("Yes") : tr("No"));
  // The coordinator is told which earlier cases; the referring agency only
  // that there is one.
  const auto flag = std::find_if(s.repeatFlags.begin(), s.repeatFlags.end(),
                                 [&](const client::RepeatFlag& f) { return f.caseId == c->id; });
  if (flag != s.repeatFlags.end()) {
    QStringList earlier;
    for (const auto& e : flag->earlier) {
      const client::CaseRecord* other = s.findCase(e);
      earlier << (other != nullptr ? esc(other->number) : tr("a case this device does not read"));
    }
    h += QStringLiteral("<p style='color:%1'><b>%2</b></p>")
             .arg(toneColor(Tone::Warning, this).name(),
                  tr("Repeat referral: the same person was referred in %n earlier case(s) in the "
                     "last 12 months: %1.",
                     "", static_cast<int>(flag->earlier.size()))
                      .arg(earlier.join(QStringLiteral(", "))));
  } else if (c->repeatReferral) {
    h += QStringLiteral("<p style='color:%1'><b>%2</b></p>")
             .arg(toneColor(Tone::Warning, this).name(),
                  tr("Repeat referral: the same person was referred to the group in the last 12 "
                     "months. The coordinator sees which case."));
  }
  h += QStringLiteral("<h3>%1</h3><p>%2</p>")
           .arg(tr("Brief"), esc(c->brief).replace('\n', QStringLiteral("<br>")));
  if (c->kind == client::CaseKind::Consented) {
    h += QStringLiteral("<h3>%1</h3>").arg(tr("Consent (samtycke)"));
    if (consent == nullptr) {
      QStringList names;
      for (const auto& a : c->sharedWith) {
        names << s.agencyName(a).toHtmlEscaped();
      }
      h += QStringLiteral("<p>%1</p>")
               .arg(tr("No consent is registered yet. The case is shared only with: %1.")
                        .arg(names.join(", ")));
    } else {
      QStringList names;
      for (const auto& a : consent->form.recipients) {
        names << s.agencyName(a).toHtmlEscaped();
      }
      QStringList cats;
      for (const auto& x : consent->form.categories) {
        cats << consentCategoryText(x).toHtmlEscaped();
      }
      h += QStringLiteral("<p><b>%1</b> %2<br><b>%3</b> %4<br><b>%5</b> %6<br><b>%7</b> %8 – %9")
               .arg(tr("Recipients:"), names.join(", "), tr("Categories:"), cats.join(", "),
                    tr("Purpose:"), esc(consent->form.purpose), tr("Valid:"),
                    dateText(consent->form.validFrom), dateText(consent->form.validUntil));
      h +=
          QStringLiteral("<br><b>%1</b> %2<br><b>%3</b> %4, %5 %6</p>")
              .arg(tr("Collected:"),
                   consent->form.method == client::ConsentMethod::Written
                       ? tr("in writing")
                       : tr("orally, witness %1").arg(esc(consent->form.witness)),
                   tr("Legal grounds:"), esc(consent->form.oslWaiver), esc(consent->form.gdprBasis),
                   consent->form.scannedForm ? tr("(scanned form attached)") : QString());
      if (consent->withdrawn()) {
        h += QStringLiteral("<p style='color:%1'><b>%2</b></p>")
                 .arg(toneColor(Tone::Danger, this).name(),
                      tr("Withdrawn %1. Only the referring agency reads the case now.")
                          .arg(dateText(consent->withdrawnAt)));
      } else if (consent->validAt(now())) {
        h += QStringLiteral("<p style='color:%1'><b>%2</b></p>")
                 .arg(toneColor(Tone::Good, this).name(),
                      tr("Valid until %1.").arg(dateText(consent->form.validUntil)));
      }
    }
  }
  if (!c->recused.empty()) {
    QStringList who;
    for (const auto& u : c->recused) {
      const auto* m = s.member(u);
      who << (m ? s.agencyName(m->agency) + QStringLiteral(" (") + shortId(u.view()) + ")"
                : shortId(u.view()));
    }
    h += QStringLiteral("<h3>%1</h3><p>%2</p>")
             .arg(tr("Recusals"), tr("Not shared with: %1").arg(who.join(", ").toHtmlEscaped()));
  }
  QString actions;
  for (const auto& a : s.actions) {
    if (a.caseId != c->id) {
      continue;
    }
    const bool overdue = a.overdueAt(now());
    actions +=
        QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td%4>%5</td></tr>")
            .arg(s.agencyName(a.ownerAgency).toHtmlEscaped(), esc(a.description), dateText(a.dueAt),
                 overdue
                     ? QStringLiteral(" style='color:%1'").arg(toneColor(Tone::Danger, this).name())
                     : QString(),
                 overdue ? tr("Overdue") : actionStatusLabel(a.status));
  }
  if (!actions.isEmpty()) {
    h += QStringLiteral(
             "<h3>%1</h3><table cellpadding='3'><tr><th align='left'>%2</th>"
             "<th align='left'>%3</th><th align='left'>%4</th><th align='left'>%5</th>"
             "</tr>%6</table>")
             .arg(tr("Actions"), tr("Agency"), tr("Action"), tr("Due"), tr("Status"), actions);
  }
  if (const auto f = s.followUps.find(c->id); f != s.followUps.end()) {
    const auto& fu = f->second;
    QStringList parts;
    if (fu.risk != client::RiskLevel::NotGiven) {
      parts << tr("risk assessed (%1)").arg(QString::fromStdString(fu.riskMethod).toHtmlEscaped());
    }
    if (!fu.measures.empty()) {
      parts << tr("%n measure(s)", "", static_cast<int>(fu.measures.size()));
    }
    if (fu.after != client::ViolenceAfter::NotGiven) {
      parts << tr("followed up after support");
    }
    h += QStringLiteral("<h3>%1</h3><p>%2</p>")
             .arg(tr("Follow-up"), parts.isEmpty() ? tr("started") : parts.join(", "));
  }
  h += QStringLiteral("<h3>%1</h3><ul>").arg(tr("History"));
  h += QStringLiteral("<li>%1 %2</li>").arg(dateText(c->referredAt), tr("referred"));
  if (consent != nullptr) {
    h += QStringLiteral("<li>%1 %2</li>")
             .arg(dateText(consent->registeredAt), tr("consent registered"));
    if (consent->withdrawn()) {
      h += QStringLiteral("<li>%1 %2</li>")
               .arg(dateText(consent->withdrawnAt), tr("consent withdrawn"));
    }
  }
  if (c->closedAt > 0) {
    h += QStringLiteral("<li>%1 %2</li>").arg(dateText(c->closedAt), tr("closed"));
  }
  h += QStringLiteral("</ul>");
  detail_->setHtml(h);

  const bool open = c->status != client::CaseStatus::Closed;
  // The coordinator and the referring agency move a case on and close it
  // (the same rule as CaseBook and the server).
  const bool movesOn = mine || s.coordinator;
  advance_->setVisible(open && movesOn && c->status != client::CaseStatus::Active);
  advance_->setText(c->status == client::CaseStatus::Referred ? tr("Put on the agenda")
                                                              : tr("Mark as active"));
  close_->setVisible(open && movesOn);
  brief_->setVisible(open && mine);
  consent_->setVisible(mine && c->kind == client::CaseKind::Consented && consent == nullptr);
  withdraw_->setVisible(mine && consent != nullptr && !consent->withdrawn());
  receipt_->setVisible(mine && consent != nullptr);
  scan_->setVisible(consent != nullptr && consent->form.scannedForm.has_value());
}

void CasesPage::openReferral() {
  auto* d = new ReferralDialog(workspace_, lexicon_, this);
  d->setAttribute(Qt::WA_DeleteOnClose);
  d->open();
}

void CasesPage::openBrief() {
  const auto id = idFromHex<crypto::CaseId>(selected_);
  const auto* c = id ? workspace_.snapshot().findCase(*id) : nullptr;
  if (c == nullptr) {
    return;
  }
  auto* d = new BriefDialog(workspace_, lexicon_, *c, this);
  d->setAttribute(Qt::WA_DeleteOnClose);
  d->open();
}

void CasesPage::openFollowUp() {
  const Snapshot& s = workspace_.snapshot();
  const auto id = idFromHex<crypto::CaseId>(selected_);
  const auto* c = id ? s.findCase(*id) : nullptr;
  if (c == nullptr) {
    return;
  }
  std::optional<client::FollowUp> current;
  if (const auto it = s.followUps.find(c->id); it != s.followUps.end()) {
    current = it->second;
  }
  auto* d = new FollowUpDialog(workspace_, *c, current, this);
  d->setAttribute(Qt::WA_DeleteOnClose);
  d->open();
}

void CasesPage::openConsent() {
  const auto id = idFromHex<crypto::CaseId>(selected_);
  const auto* c = id ? workspace_.snapshot().findCase(*id) : nullptr;
  if (c == nullptr) {
    return;
  }
  auto* d = new ConsentDialog(workspace_, *c, this);
  d->setAttribute(Qt::WA_DeleteOnClose);
  d->open();
}

void CasesPage::openWithdrawal() {
  const auto id = idFromHex<crypto::CaseId>(selected_);
  const auto* c = id ? workspace_.snapshot().findCase(*id) : nullptr;
  if (c == nullptr) {
    return;
  }
  auto* d = new WithdrawDialog(workspace_, *c, this);
  d->setAttribute(Qt::WA_DeleteOnClose);
  d->open();
}

void CasesPage::advanceStatus() {
  const auto id = idFromHex<crypto::CaseId>(selected_);
  const auto* c = id ? workspace_.snapshot().findCase(*id) : nullptr;
  if (c == nullptr) {
    return;
  }
  const auto next = c->status == client::CaseStatus::Referred ? client::CaseStatus::OnAgenda
                                                              : client::CaseStatus::Active;
  const crypto::CaseId caseId = c->id;
  message_->clear();
  workspace_.run(
      tr("Changing the case's status"),
      [caseId, next](client::Workspace& ws) -> Status {
        SAMRAD_TRY(ws.cases().setStatus(caseId, next, QDateTime::currentSecsSinceEpoch()));
        return ws.send();
      },
      [this](const Status& st) {
        if (!st) {
          message_->setText(describeWorkspaceError(st.error()));
        }
      });
}

void CasesPage::closeCase() {
  const auto id = idFromHex<crypto::CaseId>(selected_);
  const auto* c = id ? workspace_.snapshot().findCase(*id) : nullptr;
  if (c == nullptr) {
    return;
  }
  // A sync may replace the snapshot while the question is open: nothing
  // that points into it is read after the answer.
  const crypto::CaseId caseId = c->id;
  if (!confirmDanger(this, tr("Close the case"),
                     tr("Close case %1? Its retention period starts now; the content is deleted "
                        "when the group's retention policy says so.")
                         .arg(QString::fromStdString(c->number)),
                     tr("Close the case"), tr("Keep it open"))) {
    return;
  }
  workspace_.run(
      tr("Closing the case"),
      [caseId](client::Workspace& ws) -> Status {
        SAMRAD_TRY(ws.cases().close(ws.server(), caseId, QDateTime::currentSecsSinceEpoch()));
        return ws.send();
      },
      [this](const Status& st) {
        if (!st) {
          message_->setText(describeWorkspaceError(st.error()));
        }
      });
}

void CasesPage::exportReceipt() {
  const auto id = idFromHex<crypto::CaseId>(selected_);
  if (!id || workspace_.snapshot().findCase(*id) == nullptr ||
      workspace_.snapshot().consentOf(*id) == nullptr) {
    return;
  }
  const QString number = QString::fromStdString(workspace_.snapshot().findCase(*id)->number);
  const QString contact = askText(this, tr("Receipt for the person"),
                                  tr("How the person reaches your agency (phone, address):"));
  if (contact.isEmpty()) {
    return;
  }
  const QString path = askSaveFile(this, tr("Save the receipt"),
                                   tr("consent-receipt-%1.pdf").arg(number), tr("PDF (*.pdf)"));
  if (path.isEmpty()) {
    return;
  }
  // Looked up again: a sync may have replaced the snapshot during the dialogs.
  const Snapshot& s = workspace_.snapshot();
  const auto* c = s.findCase(*id);
  const auto* consent = s.consentOf(*id);
  if (c == nullptr || consent == nullptr) {
    message_->setText(tr("The case changed while the dialog was open. Try again."));
    return;
  }
  std::map<crypto::AgencyId, std::string> names;
  for (const auto& a : s.agencies) {
    names[a.id] = a.name;
  }
  const auto language = uiLanguage();
  const std::string text =
      client::consentReceipt(*consent, c->number, names, s.agencyName(s.myAgency).toStdString(),
                             contact.toStdString(), language);
  const QString html =
      QStringLiteral("<pre style='font-family: DejaVu Sans; white-space: pre-wrap'>%1</pre>")
          .arg(QString::fromStdString(text).toHtmlEscaped());
  const Status st = writePdf(path, tr("Consent receipt %1").arg(QString::fromStdString(c->number)),
                             QString::fromStdString(c->number), html);
  message_->setText(st ? tr("The receipt was saved to %1.").arg(path)
                       : describeWorkspaceError(st.error()));
}

void CasesPage::saveScannedForm() {
  const auto id = idFromHex<crypto::CaseId>(selected_);
  const auto* c = id ? workspace_.snapshot().findCase(*id) : nullptr;
  if (c == nullptr) {
    return;
  }
  const crypto::CaseId caseId = c->id;  // before the dialog: a sync may replace the snapshot
  const QString path = askSaveFile(
      this, tr("Save the scanned form"),
      tr("signed-consent-%1.pdf").arg(QString::fromStdString(c->number)), tr("All files (*)"));
  if (path.isEmpty()) {
    return;
  }
  workspace_.run(
      tr("Fetching the scanned form"),
      [caseId, path](client::Workspace& ws) -> Status {
        std::ofstream out(path.toStdString(), std::ios::binary | std::ios::trunc);
        if (!out) {
          return Error(ErrorCode::Internal, "export.failed", "cannot write " + path.toStdString());
        }
        SAMRAD_TRY(ws.consent().scannedForm(caseId, out));
        out.close();
        if (!out) {
          return Error(ErrorCode::Internal, "export.failed", "cannot write " + path.toStdString());
        }
        return okStatus();
      },
      [this, path](const Status& st) {
        message_->setText(st ? tr("The scanned form was decrypted and saved to %1.").arg(path)
                             : describeWorkspaceError(st.error()));
      });
}

}  // namespace samrad::app
