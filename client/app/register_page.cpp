#include "register_page.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <filesystem>
#include <memory>

#include "format.h"
#include "pdf_export.h"
#include "samrad/client/audit.h"
#include "samrad/client/profile.h"
#include "ui_util.h"
#include "workspace_controller.h"

namespace samrad::app {

RegisterPage::RegisterPage(WorkspaceController& workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace) {
  setObjectName("registerPage");
  auto* layout = new QVBoxLayout(this);
  auto* top = new QHBoxLayout();
  top->addWidget(heading(tr("Consent register"), this, 1.6));
  top->addStretch(1);
  auto* showLabel = new QLabel(tr("&Show:"), this);
  top->addWidget(showLabel);
  filter_ = new QComboBox(this);
  filter_->setObjectName("registerFilter");
  filter_->addItems({tr("All consents"), tr("Valid"), tr("Withdrawn"), tr("Expired")});
  showLabel->setBuddy(filter_);
  top->addWidget(filter_);
  auto* pdf = new QPushButton(tr("Register as PDF…"), this);
  pdf->setObjectName("exportRegisterButton");
  top->addWidget(pdf);
  layout->addLayout(top);

  table_ = readOnlyTable({tr("Case"), tr("Referring agency"), tr("Recipients"), tr("Categories"),
                          tr("Valid"), tr("Collected"), tr("Registered"), tr("Status")},
                         this, "registerTable");
  table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  // Long lists of agencies and categories wrap instead of pushing the status out of view.
  table_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
  table_->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
  table_->setWordWrap(true);
  table_->setAccessibleName(tr("Consent register"));
  layout->addWidget(table_, 3);

  auto* logBox = new QGroupBox(tr("Transparency log, as this device verified it"), this);
  auto* ll = new QVBoxLayout(logBox);
  logState_ = new QLabel(logBox);
  logState_->setObjectName("logState");
  logState_->setWordWrap(true);
  ll->addWidget(logState_);
  checkpoint_ = new QPlainTextEdit(logBox);
  checkpoint_->setObjectName("checkpointText");
  checkpoint_->setReadOnly(true);
  checkpoint_->setAccessibleName(tr("Latest checkpoint"));
  QFont mono(QStringLiteral("DejaVu Sans Mono"));
  mono.setStyleHint(QFont::Monospace);
  checkpoint_->setFont(mono);
  ll->addWidget(checkpoint_);
  auto* verify = new QPushButton(tr("Check the log now"), logBox);
  verify->setObjectName("verifyLogButton");
  verify->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
  ll->addWidget(verify);
  layout->addWidget(logBox, 2);

  // The audit bundle: what the log records, with proofs, for a lawyer to
  // verify offline trusting only public keys (docs/audit-bundle.md).
  auto* auditBox = new QGroupBox(tr("Audit bundle for a lawyer"), this);
  auto* al = new QVBoxLayout(auditBox);
  auto* row = new QHBoxLayout();
  auto* fromLabel = new QLabel(tr("&From:"), auditBox);
  auditFrom_ = new QDateEdit(QDate::currentDate().addMonths(-1), auditBox);
  auditFrom_->setObjectName("auditFrom");
  auditFrom_->setCalendarPopup(true);
  fromLabel->setBuddy(auditFrom_);
  auto* toLabel = new QLabel(tr("&To:"), auditBox);
  auditTo_ = new QDateEdit(QDate::currentDate(), auditBox);
  auditTo_->setObjectName("auditTo");
  auditTo_->setCalendarPopup(true);
  toLabel->setBuddy(auditTo_);
  auto* caseLabel = new QLabel(tr("C&ase:"), auditBox);
  auditCase_ = new QComboBox(auditBox);
  auditCase_->setObjectName("auditCase");
  caseLabel->setBuddy(auditCase_);
  auto* witnessLabel = new QLabel(tr("Cosigned by at &least:"), auditBox);
  auditWitnesses_ = new QSpinBox(auditBox);
  auditWitnesses_->setObjectName("auditWitnesses");
  auditWitnesses_->setRange(0, 9);
  auditWitnesses_->setSuffix(tr(" agencies"));
  auditWitnesses_->setSpecialValueText(tr("no requirement"));
  auditWitnesses_->setToolTip(tr("0: the checkpoint this device verified last"));
  witnessLabel->setBuddy(auditWitnesses_);
  for (QWidget* wdg :
       std::initializer_list<QWidget*>{fromLabel, auditFrom_, toLabel, auditTo_, caseLabel,
                                       auditCase_, witnessLabel, auditWitnesses_}) {
    row->addWidget(wdg);
  }
  row->addStretch(1);
  auto* exportBundle = new QPushButton(tr("Export audit bundle…"), auditBox);
  exportBundle->setObjectName("exportAuditButton");
  row->addWidget(exportBundle);
  auto* verifyBundle = new QPushButton(tr("Verify a bundle…"), auditBox);
  verifyBundle->setObjectName("verifyAuditButton");
  row->addWidget(verifyBundle);
  al->addLayout(row);
  auditReport_ = new QPlainTextEdit(auditBox);
  auditReport_->setObjectName("auditReport");
  auditReport_->setReadOnly(true);
  auditReport_->setFont(mono);
  auditReport_->setAccessibleName(tr("Audit report"));
  auditReport_->setPlaceholderText(
      tr("The report of a verified bundle appears here: per case, the consent, its scope and "
         "validity, a withdrawal, and every access."));
  al->addWidget(auditReport_);
  layout->addWidget(auditBox, 2);
  message_ = new QLabel(this);
  message_->setObjectName("registerMessage");
  message_->setWordWrap(true);
  layout->addWidget(message_);

  connect(filter_, &QComboBox::currentIndexChanged, this, &RegisterPage::refresh);
  connect(pdf, &QPushButton::clicked, this, &RegisterPage::exportPdf);
  connect(exportBundle, &QPushButton::clicked, this, &RegisterPage::exportAuditBundle);
  connect(verifyBundle, &QPushButton::clicked, this, &RegisterPage::verifyAuditBundle);
  connect(verify, &QPushButton::clicked, this, [this] {
    workspace_.run(
        tr("Checking the transparency log"),
        [](client::Workspace& ws) { return ws.replica().verifyLog(ws.server()); },
        [this](const Status& st) {
          message_->setText(st ? tr("The log is consistent with everything this "
                                    "device saw before.")
                               : describeWorkspaceError(st.error()));
        });
  });
  connect(&workspace_, &WorkspaceController::snapshotChanged, this, &RegisterPage::refresh);
  connect(&workspace_, &WorkspaceController::syncStateChanged, this, &RegisterPage::refresh);
  refresh();
}

void RegisterPage::refresh() {
  const Snapshot& s = workspace_.snapshot();
  const QString chosen = auditCase_->currentData().toString();
  auditCase_->clear();
  auditCase_->addItem(tr("All cases"), QString());
  for (const auto& c : s.cases) {
    const QString number = QString::fromStdString(c.number);
    auditCase_->addItem(number, number);
  }
  if (const int at = auditCase_->findData(chosen); at >= 0) auditCase_->setCurrentIndex(at);
  const std::int64_t now = QDateTime::currentSecsSinceEpoch();
  std::vector<const client::ConsentRecord*> shown;
  for (const auto& r : s.consents) {
    const bool expired = !r.withdrawn() && now >= r.form.validUntil;
    switch (filter_->currentIndex()) {
      case 1:
        if (!r.validAt(now)) {
          continue;
        }
        break;
      case 2:
        if (!r.withdrawn()) {
          continue;
        }
        break;
      case 3:
        if (!expired) {
          continue;
        }
        break;
      default:
        break;
    }
    shown.push_back(&r);
  }
  table_->setRowCount(static_cast<int>(shown.size()));
  for (int i = 0; i < static_cast<int>(shown.size()); ++i) {
    const auto& r = *shown[static_cast<std::size_t>(i)];
    const auto* c = s.findCase(r.form.caseId);
    QStringList recipients;
    for (const auto& a : r.form.recipients) {
      recipients << s.agencyName(a);
    }
    QStringList cats;
    for (const auto& x : r.form.categories) {
      cats << consentCategoryText(x);
    }
    const QString status = r.withdrawn()    ? tr("Withdrawn %1").arg(dateText(r.withdrawnAt))
                           : r.validAt(now) ? tr("Valid")
                           : now >= r.form.validUntil ? tr("Expired")
                                                      : tr("Not yet valid");
    auto set = [&](int col, const QString& text) {
      table_->setItem(i, col, new QTableWidgetItem(text));
    };
    set(0, c ? QString::fromStdString(c->number) : shortId(r.form.caseId.view()));
    set(1, c ? s.agencyName(c->referringAgency) : QStringLiteral("–"));
    set(2, recipients.join(", "));
    set(3, cats.join(", "));
    set(4, QStringLiteral("%1 – %2").arg(dateText(r.form.validFrom), dateText(r.form.validUntil)));
    set(5, r.form.method == client::ConsentMethod::Written
               ? tr("In writing")
               : tr("Orally, witness %1").arg(QString::fromStdString(r.form.witness)));
    set(6, dateText(r.registeredAt));
    set(7, status);
    if (r.withdrawn()) {
      table_->item(i, 7)->setForeground(toneColor(Tone::Danger, this));
    }
  }
  table_->resizeRowsToContents();

  using Sync = WorkspaceController::SyncState;
  if (workspace_.syncState() == Sync::VerificationFailed) {
    logState_->setText(tr("Verification FAILED: %1").arg(workspace_.syncProblem()));
    logState_->setStyleSheet(toneStyle(Tone::Danger, this));
  } else {
    logState_->setText(tr("Verified: %1 entries, root %2…, every checkpoint consistent with the "
                          "ones before and every membership change proven to be in the log.")
                           .arg(s.logSize)
                           .arg(QString::fromStdString(s.logRoot.substr(0, 16))));
    logState_->setStyleSheet(toneStyle(Tone::Good, this));
  }
  checkpoint_->setPlainText(QString::fromStdString(s.checkpoint));
}

void RegisterPage::exportPdf() {
  const Snapshot& s = workspace_.snapshot();
  const QString path =
      askSaveFile(this, tr("Save the consent register"),
                  tr("consent-register-%1.pdf").arg(QDate::currentDate().toString("yyyy-MM-dd")),
                  tr("PDF (*.pdf)"));
  if (path.isEmpty()) {
    return;
  }
  message_->setStyleSheet(QString());
  const Status st = writePdf(path, tr("Consent register"), exportMark(s, nullptr),
                             consentRegisterHtml(s, QDateTime::currentSecsSinceEpoch()));
  message_->setText(st ? tr("The register was saved to %1.").arg(path)
                       : describeWorkspaceError(st.error()));
}

void RegisterPage::exportAuditBundle() {
  if (auditTo_->date() < auditFrom_->date()) {
    message_->setText(tr("The period ends before it starts."));
    return;
  }
  const QString path = askSaveFile(
      this, tr("A new folder for the audit bundle"),
      tr("samrad-audit-%1-%2")
          .arg(auditFrom_->date().toString("yyyy-MM-dd"), auditTo_->date().toString("yyyy-MM-dd")),
      tr("Folder (*)"));
  if (path.isEmpty()) {
    return;
  }
  client::AuditExportRequest request;
  // Whole days in local time, as the agencies count them.
  request.from = QDateTime(auditFrom_->date(), QTime(0, 0)).toSecsSinceEpoch();
  request.to = QDateTime(auditTo_->date().addDays(1), QTime(0, 0)).toSecsSinceEpoch();
  request.now = QDateTime::currentSecsSinceEpoch();
  request.witnessedBy = static_cast<std::size_t>(auditWitnesses_->value());
  const std::string caseNumber = auditCase_->currentData().toString().toStdString();
  const std::filesystem::path dir = path.toStdString();
  auto summary = std::make_shared<client::AuditExportSummary>();
  workspace_.run(
      tr("Exporting the audit bundle"),
      [request, caseNumber, dir, summary](client::Workspace& ws) mutable -> Status {
        request.group = ws.replica().group();
        if (!caseNumber.empty()) {
          for (const auto& c : ws.cases().cases()) {
            if (c.number == caseNumber) request.caseId = c.id;
          }
        }
        SAMRAD_ASSIGN_OR_RETURN(*summary, client::exportAuditBundle(
                                              ws.server(), ws.replica().log(), ws.profile().device,
                                              client::agencyKeysFile(ws.profile()), request, dir));
        return okStatus();
      },
      [this, path, summary](const Status& st) {
        message_->setStyleSheet(QString());
        message_->setText(
            st ? tr("The audit bundle was written to %1: %2 log entries of the period, each with "
                    "its proof. The lawyer checks it with “samrad-cli audit verify”, or here.")
                     .arg(path)
                     .arg(summary->end - summary->first)
               : describeWorkspaceError(st.error()));
      });
}

void RegisterPage::verifyAuditBundle() {
  const QString manifest =
      askOpenFile(this, tr("The bundle's manifest file"), tr("Audit bundle (manifest)"));
  if (manifest.isEmpty()) {
    return;
  }
  const std::filesystem::path dir = std::filesystem::path(manifest.toStdString()).parent_path();
  auto result = std::make_shared<client::AuditVerification>();
  workspace_.run(
      tr("Verifying the audit bundle"),
      [dir, result](client::Workspace& ws) -> Status {
        // Trust what this device holds, not what the bundle says of itself.
        client::AuditVerifyOptions options;
        options.logKey = ws.replica().log().verifierKey();
        SAMRAD_ASSIGN_OR_RETURN(options.trustedAgencies,
                                client::parseAgencyKeys(client::agencyKeysFile(ws.profile())));
        *result = client::verifyAuditBundle(dir, options);
        return okStatus();
      },
      [this, dir, result](const Status& st) {
        if (!st) {
          message_->setText(describeWorkspaceError(st.error()));
          return;
        }
        QString text = QString::fromStdString(result->report);
        if (result->ok()) {
          message_->setText(tr("The bundle verifies: %1 inclusion proofs, %2 entries, no gap; "
                               "checked against the log key and agency keys this device holds.")
                                .arg(result->proofs)
                                .arg(result->entries));
          message_->setStyleSheet(toneStyle(Tone::Good, this));
        } else {
          QStringList lines;
          for (const auto& f : result->failures) {
            lines << tr("%1: %2").arg(QString::fromStdString(f.file),
                                      QString::fromStdString(f.reason));
          }
          message_->setText(tr("The bundle does NOT verify (%1 problems): %2")
                                .arg(result->failures.size())
                                .arg(lines.join(QStringLiteral("; "))));
          message_->setStyleSheet(toneStyle(Tone::Danger, this));
          text = lines.join(QStringLiteral("\n")) + QStringLiteral("\n\n") + text;
        }
        auditReport_->setPlainText(text);
      });
}

}  // namespace samrad::app
