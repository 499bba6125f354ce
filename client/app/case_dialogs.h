// The dialogs of the case view: the referral (with the de-identification
// check for a de-identified brief), the consent registration following the
// lawyers' form template, and the withdrawal with its confirmation. Each
// collects what the person decides and hands it to the workspace; errors
// come back as sentences shown in the dialog, which stays open.
#pragma once

#include <QDialog>
#include <memory>

#include "samrad/client/cases.h"
#include "samrad/client/consent.h"
#include "samrad/client/followup.h"
#include "samrad/deid/scanner.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QVBoxLayout;

namespace samrad::app {

class DeidCheck;
class WorkspaceController;

class ReferralDialog : public QDialog {
  Q_OBJECT
 public:
  ReferralDialog(WorkspaceController& workspace, std::shared_ptr<const deid::Lexicon> lexicon,
                 QWidget* parent = nullptr);

  // The referral as the person filled it in.
  [[nodiscard]] client::Referral referral() const;
  void submit();

 private:
  void updateKind();
  void updateReady();

  WorkspaceController& workspace_;
  QLineEdit* number_ = nullptr;
  QComboBox* kind_ = nullptr;
  QComboBox* urgency_ = nullptr;
  QCheckBox* children_ = nullptr;
  QWidget* shareBox_ = nullptr;
  std::vector<std::pair<QCheckBox*, crypto::AgencyId>> shareWith_;
  std::vector<std::pair<QCheckBox*, crypto::UserId>> recuse_;
  QStackedWidget* briefStack_ = nullptr;
  DeidCheck* deid_ = nullptr;
  QPlainTextEdit* consentedBrief_ = nullptr;
  QLabel* error_ = nullptr;
  QDialogButtonBox* buttons_ = nullptr;
};

class ConsentDialog : public QDialog {
  Q_OBJECT
 public:
  ConsentDialog(WorkspaceController& workspace, const client::CaseRecord& c,
                QWidget* parent = nullptr);
  void submit();

 private:
  void chooseFormText();
  void chooseScan();
  void updateMethod();

  WorkspaceController& workspace_;
  crypto::CaseId caseId_;
  QLineEdit* osl_ = nullptr;
  QLineEdit* gdpr_ = nullptr;
  std::vector<std::pair<QCheckBox*, crypto::AgencyId>> recipients_;
  std::vector<QCheckBox*> categories_;
  QLineEdit* otherCategory_ = nullptr;
  QLineEdit* purpose_ = nullptr;
  QDateEdit* from_ = nullptr;
  QDateEdit* until_ = nullptr;
  QComboBox* method_ = nullptr;
  QLineEdit* witness_ = nullptr;
  QLineEdit* template_ = nullptr;
  QLineEdit* version_ = nullptr;
  QLabel* formText_ = nullptr;
  QString formTextPath_;
  QLabel* scan_ = nullptr;
  QString scanPath_;
  QLabel* error_ = nullptr;
  QDialogButtonBox* buttons_ = nullptr;
};

// The referring agency corrects a brief; a de-identified one goes through
// the de-identification check again before it is sent.
class BriefDialog : public QDialog {
  Q_OBJECT
 public:
  BriefDialog(WorkspaceController& workspace, std::shared_ptr<const deid::Lexicon> lexicon,
              const client::CaseRecord& c, QWidget* parent = nullptr);
  void submit();

 private:
  WorkspaceController& workspace_;
  crypto::CaseId caseId_;
  bool deidentified_ = true;
  DeidCheck* deid_ = nullptr;
  QPlainTextEdit* plain_ = nullptr;
  QLabel* error_ = nullptr;
  QPushButton* save_ = nullptr;
  bool bookLoaded_ = false;  // the case's pseudonyms came back from the worker
  bool keepBook_ = false;    // and may be saved again (none kept, or opened)
};

// The case's follow-up ("uppföljning"): background, before, during and
// after support and the closure, as the lawyers' and SU-kvinnofrid's
// variables ask; any member who reads the case may fill in what they know.
class FollowUpDialog : public QDialog {
  Q_OBJECT
 public:
  FollowUpDialog(WorkspaceController& workspace, const client::CaseRecord& c,
                 const std::optional<client::FollowUp>& current, QWidget* parent = nullptr);
  [[nodiscard]] client::FollowUp followUp() const;
  void submit();

 private:
  WorkspaceController& workspace_;
  client::FollowUp base_;
  QComboBox* living_ = nullptr;
  QSpinBox* children_ = nullptr;
  QCheckBox* protected_ = nullptr;
  std::vector<std::pair<QCheckBox*, std::uint32_t>> kinds_;
  QComboBox* frequency_ = nullptr;
  QLineEdit* riskMethod_ = nullptr;
  QComboBox* risk_ = nullptr;
  QLineEdit* measure_ = nullptr;
  QComboBox* after_ = nullptr;
  QComboBox* goals_ = nullptr;
  QPlainTextEdit* ownWords_ = nullptr;
  QComboBox* closure_ = nullptr;
  QLabel* error_ = nullptr;
};

class WithdrawDialog : public QDialog {
  Q_OBJECT
 public:
  WithdrawDialog(WorkspaceController& workspace, const client::CaseRecord& c,
                 QWidget* parent = nullptr);
  void submit();

 private:
  WorkspaceController& workspace_;
  crypto::CaseId caseId_;
  QComboBox* method_ = nullptr;
  QLineEdit* note_ = nullptr;
  QLabel* error_ = nullptr;
  QDialogButtonBox* buttons_ = nullptr;
};

}  // namespace samrad::app
