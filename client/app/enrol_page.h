// First start on a new computer: the person creates their encrypted profile
// (a passphrase, with a hint of its strength), pins their agency's root key
// after comparing its safety number with the administrator, hands over their
// identity request, enrols the device with the certificate and one-time code
// they get back, hands the coordinator their member card, and joins the
// group. Each step says what to do next.
#pragma once

#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace samrad::app {

class WorkspaceController;

// A hint of a passphrase's strength for a person: too short, fair, good, strong.
QString passphraseHint(const QString& passphrase, int* level = nullptr);

class EnrolPage : public QWidget {
  Q_OBJECT
 public:
  explicit EnrolPage(WorkspaceController& workspace, QWidget* parent = nullptr);

  void createProfile();
  void chooseCertificate();
  void enrol();
  void join();

 private:
  void updateRootSafety();
  void updateHint();
  void updateAgencyKeys();
  void showStep(int step);

  WorkspaceController& workspace_;
  QGroupBox* createBox_ = nullptr;
  QLineEdit* agencyId_ = nullptr;
  QLineEdit* agencyRoot_ = nullptr;
  QLineEdit* agencyName_ = nullptr;
  QLabel* rootSafety_ = nullptr;
  QComboBox* role_ = nullptr;
  QLineEdit* pass1_ = nullptr;
  QLineEdit* pass2_ = nullptr;
  QLabel* hint_ = nullptr;
  QPushButton* create_ = nullptr;
  QGroupBox* enrolBox_ = nullptr;
  QPlainTextEdit* request_ = nullptr;
  QLabel* mySafety_ = nullptr;
  QLabel* certificate_ = nullptr;
  QString certificatePath_;
  QLineEdit* code_ = nullptr;
  QPushButton* enrolButton_ = nullptr;
  QGroupBox* joinBox_ = nullptr;
  QPlainTextEdit* card_ = nullptr;
  QPlainTextEdit* agencyKeys_ = nullptr;
  QLabel* agencySafety_ = nullptr;
  QLineEdit* group_ = nullptr;
  QPushButton* joinButton_ = nullptr;
  QLabel* message_ = nullptr;
};

}  // namespace samrad::app
