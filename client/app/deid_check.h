// The de-identification check a de-identified brief or an advice request goes
// through before it is encrypted and sent (issue: de-identification
// assistant). The person pastes or writes the text, sees every finding
// highlighted with its reason, accepts or rejects each proposed replacement,
// and sees how many people the remaining details could point to. The referral
// and advice flows embed this widget and submit only while it says ready.
#pragma once

#include <QWidget>
#include <memory>
#include <vector>

#include "samrad/client/deid_gate.h"
#include "samrad/deid/pseudonyms.h"
#include "samrad/deid/redaction.h"
#include "samrad/deid/risk.h"
#include "samrad/deid/scanner.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace samrad::app {

class DeidCheck : public QWidget {
  Q_OBJECT
 public:
  explicit DeidCheck(std::shared_ptr<const deid::Lexicon> lexicon, QWidget* parent = nullptr);

  void setText(const QString& text);
  [[nodiscard]] QString text() const;
  // True when the text as it stands was checked, every finding was either
  // replaced or consciously kept by the person, and the risk is not high.
  // Any edit after a check makes it false until checked again.
  [[nodiscard]] bool readyToSubmit() const { return ready_; }
  [[nodiscard]] const std::vector<deid::Proposal>& proposals() const { return proposals_; }
  [[nodiscard]] deid::RiskLevel riskLevel() const { return risk_.level; }
  // What the person decided, for the gate the use case runs again
  // (client::checkDeidentified): the findings kept, the details given.
  [[nodiscard]] client::DeidReview review() const;

  // Human names of finding types and risk levels, translated.
  static QString typeLabel(deid::FindingType type);
  // The scanner's reason code in the language the client runs in.
  static QString reasonLabel(const std::string& code);

  // The case's pseudonym book: with "pseudonyms" ticked, replacements come
  // from it ("Person A", "Ort 1") and new ones are added to it. Without a
  // book the check keeps one for this text alone.
  void setPseudonymBook(std::shared_ptr<deid::PseudonymBook> book);
  [[nodiscard]] const std::shared_ptr<deid::PseudonymBook>& pseudonymBook() const { return book_; }
  void setPseudonyms(bool on);
  // Forgets every decision and the pseudonyms of this text: the next text
  // (the advice page's next question) starts afresh.
  void reset();

 public slots:
  void check();
  void applyAccepted();

 signals:
  void readinessChanged(bool ready);

 private:
  void showFindings();
  void assessRisk();
  void setReady(bool ready);
  [[nodiscard]] deid::QuasiIdentifiers quasiIdentifiers() const;

  deid::Scanner scanner_;
  std::shared_ptr<deid::PseudonymBook> book_ = std::make_shared<deid::PseudonymBook>();
  std::vector<deid::Proposal> proposals_;
  deid::RiskAssessment risk_;
  bool ready_ = false;
  bool checking_ = false;
  bool checked_ = false;
  QString checkedText_;
  // Findings the person chose to keep (type and text): decided, not blocking.
  QStringList kept_;
  static QString keptKey(const deid::Finding& f);
  [[nodiscard]] int unresolved() const;

  QPlainTextEdit* editor_ = nullptr;
  QTableWidget* findings_ = nullptr;
  QLabel* summary_ = nullptr;
  QPushButton* checkButton_ = nullptr;
  QPushButton* applyButton_ = nullptr;
  QCheckBox* pseudonyms_ = nullptr;
  QLabel* pseudonymNote_ = nullptr;
  QLineEdit* municipality_ = nullptr;
  QLineEdit* county_ = nullptr;
  QSpinBox* population_ = nullptr;
  QComboBox* sex_ = nullptr;
  QSpinBox* age_ = nullptr;
  QCheckBox* birthDate_ = nullptr;
  QSpinBox* children_ = nullptr;
  QLineEdit* childAges_ = nullptr;
  QLineEdit* occupation_ = nullptr;
  QCheckBox* protectedIdentity_ = nullptr;
  QLabel* riskLevel_ = nullptr;
  QLabel* riskDetail_ = nullptr;
};

}  // namespace samrad::app
