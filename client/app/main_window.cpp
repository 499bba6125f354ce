#include "main_window.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QStatusBar>
#include <QVBoxLayout>

#include "connection_controller.h"
#include "deid_check.h"

namespace samrad::app {

MainWindow::MainWindow(ConnectionController& connection, QWidget* parent)
    : QMainWindow(parent), connection_(connection) {
  setWindowTitle(tr("Samråd"));
  setObjectName("mainWindow");

  auto* central = new QWidget(this);
  auto* layout = new QVBoxLayout(central);
  layout->setContentsMargins(32, 24, 32, 24);
  layout->setSpacing(16);

  auto* title = new QLabel(tr("Samråd"), central);
  QFont titleFont = title->font();
  titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
  titleFont.setBold(true);
  title->setFont(titleFont);
  layout->addWidget(title);

  auto* subtitle = new QLabel(
      tr("Secure collaboration for the consultation group: consent, case briefs and minutes, "
         "encrypted so that only the group can read them."),
      central);
  subtitle->setWordWrap(true);
  layout->addWidget(subtitle);

  auto* form = new QFormLayout();
  form->setLabelAlignment(Qt::AlignLeft);
  auto* server = new QLabel(connection_.target(), central);
  server->setObjectName("serverAddress");
  server->setTextInteractionFlags(Qt::TextSelectableByMouse);
  form->addRow(tr("Server:"), server);
  status_ = new QLabel(central);
  status_->setObjectName("connectionStatus");
  form->addRow(tr("Connection:"), status_);
  identity_ = new QLabel(central);
  identity_->setObjectName("serverIdentity");
  identity_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  form->addRow(tr("Server identity:"), identity_);
  layout->addLayout(form);

  detail_ = new QLabel(central);
  detail_->setObjectName("connectionDetail");
  detail_->setWordWrap(true);
  layout->addWidget(detail_);

  retry_ = new QPushButton(tr("Try again"), central);
  retry_->setObjectName("retryButton");
  retry_->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
  layout->addWidget(retry_);
  auto* tools = new QLabel(tr("Tools"), central);
  QFont toolsFont = tools->font();
  toolsFont.setBold(true);
  tools->setFont(toolsFont);
  layout->addWidget(tools);
  auto* deid = new QPushButton(tr("Check a de-identified brief…"), central);
  deid->setObjectName("openDeidCheck");
  deid->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
  deid->setToolTip(
      tr("Find names, personal identity numbers, addresses and other details "
         "that could identify the person, before the text is shared."));
  layout->addWidget(deid);
  connect(deid, &QPushButton::clicked, this, &MainWindow::openDeidCheck);
  layout->addStretch(1);
  setCentralWidget(central);

  connect(retry_, &QPushButton::clicked, &connection_, &ConnectionController::check);
  connect(&connection_, &ConnectionController::stateChanged, this, &MainWindow::showState);
  showState();
  resize(640, 420);
}

void MainWindow::openDeidCheck() {
  if (deidDialog_ == nullptr) {
    // The Swedish word list is read once, on first use.
    static const auto lexicon =
        std::make_shared<const samrad::deid::Lexicon>(samrad::deid::Lexicon::standard());
    deidDialog_ = new QDialog(this);
    deidDialog_->setObjectName("deidDialog");
    deidDialog_->setWindowTitle(tr("De-identification check"));
    auto* layout = new QVBoxLayout(deidDialog_);
    layout->addWidget(new DeidCheck(lexicon, deidDialog_));
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, deidDialog_);
    connect(close, &QDialogButtonBox::rejected, deidDialog_, &QDialog::reject);
    layout->addWidget(close);
    deidDialog_->resize(1100, 640);
  }
  deidDialog_->show();
  deidDialog_->raise();
}

void MainWindow::showState() {
  using State = ConnectionController::State;
  const State s = connection_.state();
  retry_->setEnabled(s != State::Checking);
  retry_->setVisible(s == State::Unreachable || s == State::NotServing);
  identity_->setText(
      connection_.serverId().isEmpty()
          ? QStringLiteral("—")
          : tr("%1 (version %2)").arg(connection_.serverId(), connection_.serverVersion()));
  detail_->setText(connection_.problem());
  switch (s) {
    case State::Idle:
    case State::Checking:
      status_->setText(tr("Connecting…"));
      status_->setStyleSheet({});
      break;
    case State::Serving:
      status_->setText(tr("Connected, encrypted (TLS)"));
      status_->setStyleSheet("color: #1b5e20; font-weight: bold;");
      break;
    case State::NotServing:
      status_->setText(tr("Server not ready"));
      status_->setStyleSheet("color: #8a5300; font-weight: bold;");
      break;
    case State::Unreachable:
      status_->setText(tr("Not connected"));
      status_->setStyleSheet("color: #b71c1c; font-weight: bold;");
      break;
  }
  statusBar()->showMessage(status_->text());
}

}  // namespace samrad::app
