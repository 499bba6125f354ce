// The cases ("ärenden") this device may read: a list with filters and, for
// the chosen case, its brief, kind, consent and validity, recusals, repeat
// flags, actions and history, with what the person may do next.
#pragma once

#include <QWidget>
#include <memory>

#include "samrad/deid/scanner.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace samrad::app {

class WorkspaceController;

class CasesPage : public QWidget {
  Q_OBJECT
 public:
  CasesPage(WorkspaceController& workspace, std::shared_ptr<const deid::Lexicon> lexicon,
            QWidget* parent = nullptr);

  void selectCase(const QString& caseIdHex);
  void openReferral();
  void openConsent();
  void openWithdrawal();
  void advanceStatus();
  void closeCase();
  void exportReceipt();
  void saveScannedForm();
  void openBrief();
  void openFollowUp();

 private:
  void refresh();
  void showDetail();
  [[nodiscard]] QString selectedId() const;

  WorkspaceController& workspace_;
  std::shared_ptr<const deid::Lexicon> lexicon_;
  QComboBox* filter_ = nullptr;
  QTableWidget* table_ = nullptr;
  QTextBrowser* detail_ = nullptr;
  QPushButton* advance_ = nullptr;
  QPushButton* close_ = nullptr;
  QPushButton* consent_ = nullptr;
  QPushButton* withdraw_ = nullptr;
  QPushButton* receipt_ = nullptr;
  QPushButton* scan_ = nullptr;
  QPushButton* brief_ = nullptr;
  QPushButton* followUp_ = nullptr;
  QLabel* message_ = nullptr;
  QString selected_;
};

}  // namespace samrad::app
