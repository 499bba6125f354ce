#include "enrol_page.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QVBoxLayout>

#include "format.h"
#include "samrad/client/profile.h"
#include "samrad/crypto/identity_checks.h"
#include "samrad/crypto/secure.h"
#include "ui_util.h"
#include "workspace_controller.h"

namespace samrad::app {
namespace {

std::optional<crypto::SigningPublicKey> rootOf(const QString& hex) {
  crypto::Bytes raw;
  if (!crypto::fromHex(hex.trimmed().toStdString(), raw)) {
    return std::nullopt;
  }
  auto key = crypto::SigningPublicKey::fromBytes(raw);
  if (!key.ok()) {
    return std::nullopt;
  }
  return *key;
}

QPushButton* saveButton(const QString& label, QWidget* parent, QPlainTextEdit* source,
                        const QString& suggestion) {
  auto* b = new QPushButton(label, parent);
  QObject::connect(b, &QPushButton::clicked, parent, [parent, source, suggestion, label] {
    const QString path = askSaveFile(parent, label, suggestion, QString());
    if (path.isEmpty()) {
      return;
    }
    QFile f(path);
    if (f.open(QIODevice::WriteOnly)) {
      f.write(source->toPlainText().toUtf8());
    }
  });
  return b;
}

// A button at its natural width, left-aligned in a form row.
QWidget* leftAligned(QWidget* button, QWidget* parent) {
  auto* row = new QWidget(parent);
  auto* l = new QHBoxLayout(row);
  l->setContentsMargins(0, 0, 0, 0);
  button->setParent(row);
  l->addWidget(button);
  l->addStretch(1);
  return row;
}

}  // namespace

QString passphraseHint(const QString& p, int* level) {
  const int words = static_cast<int>(
      p.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts).size());
  int classes = 0;
  for (auto test :
       {QRegularExpression(QStringLiteral("[a-zåäö]")),
        QRegularExpression(QStringLiteral("[A-ZÅÄÖ]")), QRegularExpression(QStringLiteral("[0-9]")),
        QRegularExpression(QStringLiteral("[^A-Za-zÅÄÖåäö0-9\\s]"))}) {
    if (p.contains(test)) {
      ++classes;
    }
  }
  int l = 0;
  if (p.size() < 10) {
    l = 0;
  } else if (words >= 4 || p.size() >= 24) {
    l = 3;
  } else if (p.size() >= 14 && (words >= 3 || classes >= 3)) {
    l = 2;
  } else {
    l = 1;
  }
  if (level != nullptr) {
    *level = l;
  }
  switch (l) {
    case 0:
      return QCoreApplication::translate("samrad", "Too short: at least 10 characters.");
    case 1:
      return QCoreApplication::translate(
          "samrad", "Fair. Longer is safer: four unrelated words are strong and easy to remember.");
    case 2:
      return QCoreApplication::translate("samrad", "Good.");
    default:
      return QCoreApplication::translate("samrad", "Strong.");
  }
}

EnrolPage::EnrolPage(WorkspaceController& workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace) {
  setObjectName("enrolPage");
  auto* outer = new QVBoxLayout(this);
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  outer->addWidget(scroll);
  auto* inner = new QWidget(scroll);
  scroll->setWidget(inner);
  auto* layout = new QVBoxLayout(inner);
  layout->addWidget(heading(tr("Set up Samråd on this computer"), inner, 1.8));
  auto* intro =
      new QLabel(tr("Your agency administrator gives you your agency's id and root key, then a "
                    "certificate and a one-time code. Everything you do in Samråd is kept on this "
                    "computer encrypted under your passphrase."),
                 inner);
  intro->setWordWrap(true);
  layout->addWidget(intro);

  createBox_ = new QGroupBox(tr("1. Your profile"), inner);
  auto* cf = new QFormLayout(createBox_);
  agencyId_ = new QLineEdit(createBox_);
  agencyId_->setObjectName("enrolAgencyId");
  cf->addRow(tr("Agency id (32 hex digits):"), agencyId_);
  agencyRoot_ = new QLineEdit(createBox_);
  agencyRoot_->setObjectName("enrolAgencyRoot");
  cf->addRow(tr("Agency root key (64 hex digits):"), agencyRoot_);
  rootSafety_ = new QLabel(createBox_);
  rootSafety_->setObjectName("enrolRootSafety");
  rootSafety_->setWordWrap(true);
  cf->addRow(tr("Its safety number:"), rootSafety_);
  agencyName_ = new QLineEdit(createBox_);
  agencyName_->setObjectName("enrolAgencyName");
  cf->addRow(tr("Your agency's name:"), agencyName_);
  role_ = new QComboBox(createBox_);
  role_->setObjectName("enrolRole");
  role_->addItem(tr("Member of a consultation group"), static_cast<int>(crypto::UserRole::Member));
  role_->addItem(tr("Lawyer auditing consent"), static_cast<int>(crypto::UserRole::Lawyer));
  role_->addItem(tr("Asking a group for advice (another municipality)"),
                 static_cast<int>(crypto::UserRole::External));
  cf->addRow(tr("You are:"), role_);
  pass1_ = new QLineEdit(createBox_);
  pass1_->setObjectName("enrolPassphrase");
  pass1_->setEchoMode(QLineEdit::Password);
  pass1_->setAccessibleName(tr("New passphrase"));
  cf->addRow(tr("New passphrase:"), pass1_);
  pass2_ = new QLineEdit(createBox_);
  pass2_->setObjectName("enrolPassphraseAgain");
  pass2_->setEchoMode(QLineEdit::Password);
  pass2_->setAccessibleName(tr("The passphrase again"));
  cf->addRow(tr("Again:"), pass2_);
  hint_ = new QLabel(createBox_);
  hint_->setObjectName("passphraseHint");
  cf->addRow(QString(), hint_);
  create_ = new QPushButton(tr("Create my profile"), createBox_);
  create_->setObjectName("createProfileButton");
  cf->addRow(QString(), leftAligned(create_, createBox_));
  layout->addWidget(createBox_);

  enrolBox_ = new QGroupBox(tr("2. Enrol this device"), inner);
  auto* ef = new QFormLayout(enrolBox_);
  auto* give = new QLabel(tr("Give this identity request to your agency administrator, and "
                             "compare your safety number with them:"),
                          enrolBox_);
  give->setWordWrap(true);
  ef->addRow(give);
  request_ = new QPlainTextEdit(enrolBox_);
  request_->setObjectName("identityRequest");
  request_->setReadOnly(true);
  request_->setMaximumHeight(90);
  ef->addRow(request_);
  ef->addRow(QString(), saveButton(tr("Save the request…"), enrolBox_, request_,
                                   QStringLiteral("identity-request.txt")));
  mySafety_ = new QLabel(enrolBox_);
  mySafety_->setObjectName("personalSafety");
  mySafety_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  ef->addRow(tr("Your safety number:"), mySafety_);
  auto* certRow = new QWidget(enrolBox_);
  auto* crl = new QHBoxLayout(certRow);
  crl->setContentsMargins(0, 0, 0, 0);
  certificate_ = new QLabel(tr("not chosen"), certRow);
  crl->addWidget(certificate_, 1);
  auto* chooseCert = new QPushButton(tr("Choose…"), certRow);
  chooseCert->setObjectName("chooseCertificate");
  crl->addWidget(chooseCert);
  ef->addRow(tr("Your certificate file:"), certRow);
  code_ = new QLineEdit(enrolBox_);
  code_->setObjectName("enrolCode");
  ef->addRow(tr("One-time code:"), code_);
  enrolButton_ = new QPushButton(tr("Enrol this device"), enrolBox_);
  enrolButton_->setObjectName("enrolButton");
  ef->addRow(QString(), leftAligned(enrolButton_, enrolBox_));
  layout->addWidget(enrolBox_);

  joinBox_ = new QGroupBox(tr("3. Join your group"), inner);
  auto* jf = new QFormLayout(joinBox_);
  auto* cardText = new QLabel(tr("Give your member card to the group's coordinator, who adds "
                                 "you and tells you the group's id:"),
                              joinBox_);
  cardText->setWordWrap(true);
  jf->addRow(cardText);
  card_ = new QPlainTextEdit(joinBox_);
  card_->setObjectName("memberCard");
  card_->setReadOnly(true);
  card_->setMaximumHeight(90);
  jf->addRow(card_);
  jf->addRow(QString(), leftAligned(saveButton(tr("Save the member card…"), joinBox_, card_,
                                               QStringLiteral("member.card")),
                                    joinBox_));
  auto* keysText = new QLabel(tr("The coordinator also gives you the keys of the group's "
                                 "agencies. Paste them here and compare each safety number with "
                                 "someone from that agency before you join:"),
                              joinBox_);
  keysText->setWordWrap(true);
  jf->addRow(keysText);
  agencyKeys_ = new QPlainTextEdit(joinBox_);
  agencyKeys_->setObjectName("joinAgencyKeys");
  agencyKeys_->setAccessibleName(tr("The group's agency keys"));
  agencyKeys_->setMaximumHeight(110);
  jf->addRow(agencyKeys_);
  agencySafety_ = new QLabel(joinBox_);
  agencySafety_->setObjectName("joinAgencySafety");
  agencySafety_->setWordWrap(true);
  agencySafety_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  jf->addRow(agencySafety_);
  group_ = new QLineEdit(joinBox_);
  group_->setObjectName("joinGroupId");
  jf->addRow(tr("Group id:"), group_);
  joinButton_ = new QPushButton(tr("Join the group"), joinBox_);
  joinButton_->setObjectName("joinGroupButton");
  jf->addRow(QString(), leftAligned(joinButton_, joinBox_));
  layout->addWidget(joinBox_);
  message_ = new QLabel(inner);
  message_->setObjectName("enrolMessage");
  message_->setWordWrap(true);
  layout->addWidget(message_);
  layout->addStretch(1);

  connect(agencyId_, &QLineEdit::textChanged, this, &EnrolPage::updateRootSafety);
  connect(agencyRoot_, &QLineEdit::textChanged, this, &EnrolPage::updateRootSafety);
  connect(pass1_, &QLineEdit::textChanged, this, &EnrolPage::updateHint);
  connect(create_, &QPushButton::clicked, this, &EnrolPage::createProfile);
  connect(chooseCert, &QPushButton::clicked, this, &EnrolPage::chooseCertificate);
  connect(enrolButton_, &QPushButton::clicked, this, &EnrolPage::enrol);
  connect(joinButton_, &QPushButton::clicked, this, &EnrolPage::join);
  connect(agencyKeys_, &QPlainTextEdit::textChanged, this, &EnrolPage::updateAgencyKeys);
  updateRootSafety();
  updateHint();
  showStep(1);
}

void EnrolPage::showStep(int step) {
  createBox_->setEnabled(step == 1);
  enrolBox_->setEnabled(step == 2);
  joinBox_->setEnabled(step == 3);
  enrolBox_->setVisible(step >= 2);
  joinBox_->setVisible(step >= 3);
}

void EnrolPage::updateRootSafety() {
  const auto agency = idFromHex<crypto::AgencyId>(agencyId_->text());
  const auto root = rootOf(agencyRoot_->text());
  rootSafety_->setText(agency && root
                           ? QString::fromStdString(crypto::formatSafetyNumber(
                                 crypto::safetyFingerprintDigits(agency->view(), *root)))
                           : tr("appears when the id and the key are complete — compare it "
                                "with your administrator"));
}

void EnrolPage::updateAgencyKeys() {
  const std::string text = agencyKeys_->toPlainText().toStdString();
  if (text.empty()) {
    agencySafety_->clear();
    return;
  }
  auto keys = client::parseAgencyKeys(text);
  if (!keys.ok()) {
    agencySafety_->setText(describeWorkspaceError(keys.error()));
    return;
  }
  QStringList lines;
  for (const auto& k : *keys) {
    lines << tr("%1: safety number %2")
                 .arg(QString::fromStdString(
                          k.name.empty() ? crypto::toHex(k.agency.view()).substr(0, 8) : k.name),
                      QString::fromStdString(crypto::formatSafetyNumber(
                          crypto::safetyFingerprintDigits(k.agency.view(), k.root))));
  }
  agencySafety_->setText(lines.join('\n'));
}

void EnrolPage::updateHint() {
  int level = 0;
  hint_->setText(passphraseHint(pass1_->text(), &level));
  hint_->setStyleSheet(toneStyle(level == 0   ? Tone::Danger
                                 : level == 1 ? Tone::Warning
                                              : Tone::Good,
                                 this));
}

void EnrolPage::createProfile() {
  const auto agency = idFromHex<crypto::AgencyId>(agencyId_->text());
  const auto root = rootOf(agencyRoot_->text());
  if (!agency || !root) {
    message_->setText(
        tr("Check the agency id and root key: copy them exactly as your "
           "administrator gave them."));
    return;
  }
  if (pass1_->text() != pass2_->text()) {
    message_->setText(tr("The two passphrases differ. Type them again."));
    return;
  }
  int level = 0;
  passphraseHint(pass1_->text(), &level);
  if (level == 0) {
    message_->setText(
        tr("Choose a passphrase of at least 10 characters; several words are "
           "easier to remember."));
    return;
  }
  message_->setText(tr("Creating your encrypted profile…"));
  create_->setEnabled(false);
  workspace_.createProfile(
      pass1_->text(), *agency, static_cast<crypto::UserRole>(role_->currentData().toInt()), *root,
      agencyName_->text().trimmed(), [this](const Status& st) {
        create_->setEnabled(true);
        if (!st) {
          message_->setText(describeWorkspaceError(st.error()));
          return;
        }
        pass1_->clear();
        pass2_->clear();
        hint_->setText(tr("Your profile is created and encrypted under this passphrase."));
        hint_->setStyleSheet(toneStyle(Tone::Good, this));
        request_->setPlainText(workspace_.identityRequest());
        mySafety_->setText(workspace_.personalSafetyNumber());
        message_->setText(
            tr("Your profile is created. Give the identity request to your agency "
               "administrator."));
        showStep(2);
      });
}

void EnrolPage::chooseCertificate() {
  const QString p = askOpenFile(this, tr("Your certificate file"),
                                tr("Certificates (*.cert *.txt);;All files (*)"));
  if (p.isEmpty()) {
    return;
  }
  certificatePath_ = p;
  certificate_->setText(QFileInfo(p).fileName());
}

void EnrolPage::enrol() {
  if (certificatePath_.isEmpty() || code_->text().trimmed().isEmpty()) {
    message_->setText(tr("Choose the certificate file and type the one-time code you were given."));
    return;
  }
  message_->setText(tr("Enrolling this device…"));
  enrolButton_->setEnabled(false);
  workspace_.enrol(certificatePath_, code_->text(), [this](const Status& st) {
    enrolButton_->setEnabled(true);
    if (!st) {
      message_->setText(describeWorkspaceError(st.error()));
      return;
    }
    card_->setPlainText(workspace_.memberCard());
    message_->setText(
        tr("This device is enrolled. Give your member card to the group's "
           "coordinator."));
    showStep(3);
  });
}

void EnrolPage::join() {
  const auto group = idFromHex<crypto::GroupId>(group_->text());
  if (!group) {
    message_->setText(
        tr("The group id is 32 hex digits; copy it exactly as the coordinator "
           "gave it."));
    return;
  }
  std::vector<client::AgencyKey> keys;
  std::string logKey;
  if (const std::string text = agencyKeys_->toPlainText().toStdString(); !text.empty()) {
    auto parsed = client::parseAgencyKeys(text);
    auto log = client::parseLogKey(text);
    if (!parsed.ok() || !log.ok()) {
      message_->setText(describeWorkspaceError(parsed.ok() ? log.error() : parsed.error()));
      return;
    }
    keys = std::move(*parsed);
    logKey = log->value_or(std::string());
  }
  message_->setText(tr("Opening the group…"));
  joinButton_->setEnabled(false);
  workspace_.joinGroup(*group, std::move(keys), std::move(logKey), [this](const Status& st) {
    joinButton_->setEnabled(true);
    message_->setText(st ? QString() : describeWorkspaceError(st.error()));
  });
}

}  // namespace samrad::app
