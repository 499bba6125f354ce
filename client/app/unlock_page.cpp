#include "unlock_page.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "connection_controller.h"
#include "format.h"
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
  // Whose profile: the agency and the role, as last opened; the folder only
  // on hover.
  owner_ = new QLabel(column);
  owner_->setObjectName("profileOwner");
  owner_->setWordWrap(true);
  owner_->setToolTip(workspace_.profileDir());
  form->addRow(tr("Profile:"), owner_);
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
  show_ = new QCheckBox(tr("&Show passphrase"), column);
  show_->setObjectName("showPassphrase");
  layout->addWidget(show_);
  capsLock_ = new QLabel(tr("Caps Lock is on."), column);
  capsLock_->setObjectName("capsLockWarning");
  capsLock_->setStyleSheet(toneStyle(Tone::Warning, this));
  capsLock_->hide();
  layout->addWidget(capsLock_);
  passphrase_->installEventFilter(this);
  message_ = new QLabel(column);
  message_->setObjectName("unlockMessage");
  message_->setWordWrap(true);
  layout->addWidget(message_);
  profileNote_ = new QLabel(column);
  profileNote_->setObjectName("profileNote");
  profileNote_->setWordWrap(true);
  layout->addWidget(profileNote_);
  layout->addStretch(2);

  connect(show_, &QCheckBox::toggled, this, [this](bool on) {
    passphrase_->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
    // Shown, it is still a secret: no input method learns or predicts it.
    passphrase_->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText |
                                     Qt::ImhNoAutoUppercase |
                                     (on ? Qt::ImhNone : Qt::ImhHiddenText));
  });
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
  showOwner();
}

void UnlockPage::showOwner() {
  const auto o = workspace_.profileOwner();
  if (o.agency.isEmpty()) {
    owner_->setText(tr("Not opened on this computer yet"));
    return;
  }
  const QString role = o.external ? tr("External requester")
                       : o.role   ? groupRoleLabel(*o.role)
                                  : QString();
  owner_->setText(role.isEmpty() ? o.agency : tr("%1 · %2").arg(o.agency, role));
}

// Caps Lock cannot be asked portably: a letter typed in the opposite case
// to what Shift says gives it away.
bool UnlockPage::eventFilter(QObject* watched, QEvent* event) {
  if (watched == passphrase_ && event->type() == QEvent::KeyPress) {
    const auto* key = static_cast<QKeyEvent*>(event);
    const QString t = key->text();
    if (t.size() == 1 && t[0].isLetter() && t[0].toUpper() != t[0].toLower()) {
      const bool shift = (key->modifiers() & Qt::ShiftModifier) != 0;
      capsLock_->setVisible(t[0].isUpper() != shift);
    }
  }
  return QWidget::eventFilter(watched, event);
}

void UnlockPage::reset(const QString& message) {
  showOwner();
  show_->setChecked(false);
  capsLock_->hide();
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
  // The server's id is a long hex string: on hover, for whoever compares it.
  identity_->setText(connection_.serverId().isEmpty()
                         ? QStringLiteral("—")
                         : tr("Samråd server, version %1").arg(connection_.serverVersion()));
  identity_->setToolTip(connection_.serverId());
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
