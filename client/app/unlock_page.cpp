#include "unlock_page.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "connection_controller.h"
#include "ui_util.h"
#include "workspace_controller.h"

namespace samrad::app {

UnlockPage::UnlockPage(ConnectionController& connection, WorkspaceController& workspace,
                       QWidget* parent)
    : QWidget(parent), connection_(connection), workspace_(workspace) {
  setObjectName("unlockPage");
  auto* outer = new QHBoxLayout(this);
  outer->addStretch(1);
  auto* column = new QWidget(this);
  column->setMaximumWidth(640);
  outer->addWidget(column, 4);
  outer->addStretch(1);
  auto* layout = new QVBoxLayout(column);
  layout->setSpacing(14);
  layout->addStretch(1);
  layout->addWidget(heading(tr("Samråd"), column, 2.0));
  auto* subtitle = new QLabel(
      tr("Secure collaboration for the consultation group: consent, case briefs and minutes, "
         "encrypted so that only the group can read them."),
      column);
  subtitle->setWordWrap(true);
  layout->addWidget(subtitle);

  auto* form = new QFormLayout();
  auto* server = new QLabel(connection_.target(), column);
  server->setObjectName("serverAddress");
  server->setTextInteractionFlags(Qt::TextSelectableByMouse);
  form->addRow(tr("Server:"), server);
  status_ = new QLabel(column);
  status_->setObjectName("connectionStatus");
  form->addRow(tr("Connection:"), status_);
  identity_ = new QLabel(column);
  identity_->setObjectName("serverIdentity");
  identity_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  identity_->setWordWrap(true);
  form->addRow(tr("Server identity:"), identity_);
  auto* profile = new QLabel(workspace_.profileDir(), column);
  profile->setObjectName("profileFolder");
  profile->setTextInteractionFlags(Qt::TextSelectableByMouse);
  profile->setWordWrap(true);
  form->addRow(tr("Profile:"), profile);
  layout->addLayout(form);
  detail_ = new QLabel(column);
  detail_->setObjectName("connectionDetail");
  detail_->setWordWrap(true);
  layout->addWidget(detail_);
  retry_ = new QPushButton(tr("Try again"), column);
  retry_->setObjectName("retryButton");
  retry_->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
  layout->addWidget(retry_);

  layout->addSpacing(12);
  auto* passLabel = new QLabel(tr("&Passphrase"), column);
  layout->addWidget(passLabel);
  auto* row = new QHBoxLayout();
  passphrase_ = new QLineEdit(column);
  passphrase_->setObjectName("passphrase");
  passphrase_->setEchoMode(QLineEdit::Password);
  passphrase_->setAccessibleName(tr("Passphrase"));
  passLabel->setBuddy(passphrase_);
  row->addWidget(passphrase_, 1);
  unlock_ = new QPushButton(tr("Unlock"), column);
  unlock_->setObjectName("unlockButton");
  unlock_->setDefault(true);
  row->addWidget(unlock_);
  layout->addLayout(row);
  message_ = new QLabel(column);
  message_->setObjectName("unlockMessage");
  message_->setWordWrap(true);
  layout->addWidget(message_);
  profileNote_ = new QLabel(column);
  profileNote_->setObjectName("profileNote");
  profileNote_->setWordWrap(true);
  layout->addWidget(profileNote_);
  layout->addStretch(2);

  connect(retry_, &QPushButton::clicked, &connection_, &ConnectionController::check);
  connect(&connection_, &ConnectionController::stateChanged, this, &UnlockPage::showConnection);
  connect(unlock_, &QPushButton::clicked, this, &UnlockPage::submit);
  connect(passphrase_, &QLineEdit::returnPressed, this, &UnlockPage::submit);
  connect(&workspace_, &WorkspaceController::unlockFailed, this, [this](const QString& m) {
    message_->setText(m);
    message_->setStyleSheet(toneStyle(Tone::Danger, this));
    unlock_->setEnabled(true);
    passphrase_->setEnabled(true);
    passphrase_->selectAll();
    passphrase_->setFocus();
  });
  if (!workspace_.profileExists()) {
    profileNote_->setText(
        tr("There is no profile in this folder yet. Your agency administrator sets up your "
           "device: 'samrad-cli profile init', then 'profile enrol' with the certificate and "
           "one-time code you are given. Start Samråd again with --profile pointing to it."));
  }
  showConnection();
}

void UnlockPage::reset(const QString& message) {
  passphrase_->clear();
  passphrase_->setEnabled(true);
  unlock_->setEnabled(true);
  message_->setText(message);
  message_->setStyleSheet({});
  passphrase_->setFocus();
}

void UnlockPage::submit() {
  if (passphrase_->text().isEmpty()) {
    message_->setText(tr("Type your passphrase."));
    return;
  }
  message_->setText(tr("Unlocking and fetching the group's latest changes…"));
  message_->setStyleSheet({});
  unlock_->setEnabled(false);
  passphrase_->setEnabled(false);
  workspace_.unlock(passphrase_->text());
  passphrase_->clear();
}

void UnlockPage::showConnection() {
  using State = ConnectionController::State;
  const State s = connection_.state();
  retry_->setEnabled(s != State::Checking);
  retry_->setVisible(s == State::Unreachable || s == State::NotServing);
  identity_->setText(
      connection_.serverId().isEmpty()
          ? QStringLiteral("—")
          : tr("%1 (version %2)").arg(connection_.serverId(), connection_.serverVersion()));
  detail_->setText(connection_.problem());
  detail_->setVisible(!connection_.problem().isEmpty());
  switch (s) {
    case State::Idle:
    case State::Checking:
      status_->setText(tr("Connecting…"));
      status_->setStyleSheet({});
      break;
    case State::Serving:
      status_->setText(tr("Connected, encrypted (TLS)"));
      status_->setStyleSheet(toneStyle(Tone::Good, this));
      break;
    case State::NotServing:
      status_->setText(tr("Server not ready"));
      status_->setStyleSheet(toneStyle(Tone::Warning, this));
      break;
    case State::Unreachable:
      status_->setText(tr("Not connected"));
      status_->setStyleSheet(toneStyle(Tone::Danger, this));
      break;
  }
}

}  // namespace samrad::app
