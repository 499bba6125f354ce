#include "register_page.h"

#include <QComboBox>
#include <QDateTime>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "format.h"
#include "pdf_export.h"
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
  message_ = new QLabel(this);
  message_->setObjectName("registerMessage");
  message_->setWordWrap(true);
  layout->addWidget(message_);

  connect(filter_, &QComboBox::currentIndexChanged, this, &RegisterPage::refresh);
  connect(pdf, &QPushButton::clicked, this, &RegisterPage::exportPdf);
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
      cats << QString::fromStdString(x);
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
  const Status st = writePdf(path, tr("Consent register"), exportMark(s, nullptr),
                             consentRegisterHtml(s, QDateTime::currentSecsSinceEpoch()));
  message_->setText(st ? tr("The register was saved to %1.").arg(path)
                       : describeWorkspaceError(st.error()));
}

}  // namespace samrad::app
