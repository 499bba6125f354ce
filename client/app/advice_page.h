// Advice requests ("rådfrågning"): for the group, the inbox of questions
// from smaller municipalities and their answers; for an external requester,
// only their own questions and the group's answers, and a form to ask.
#pragma once

#include <QWidget>
#include <memory>

#include "samrad/deid/scanner.h"

class QComboBox;
class QLabel;
class QSplitter;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace samrad::app {

class DeidCheck;
class WorkspaceController;

class AdvicePage : public QWidget {
  Q_OBJECT
 public:
  AdvicePage(WorkspaceController& workspace, std::shared_ptr<const deid::Lexicon> lexicon,
             QWidget* parent = nullptr);

  void sendAnswer();
  void putOnAgenda();
  void ask();

 private:
  void refresh();
  void showDetail();

  WorkspaceController& workspace_;
  QLabel* title_ = nullptr;
  QLabel* problem_ = nullptr;
  QTableWidget* table_ = nullptr;
  QTextBrowser* detail_ = nullptr;
  QWidget* answerBox_ = nullptr;
  QPlainTextEdit* answer_ = nullptr;
  QPushButton* send_ = nullptr;
  QPushButton* agenda_ = nullptr;
  QWidget* askBox_ = nullptr;
  QSplitter* split_ = nullptr;
  bool laidOutForRequester_ = false;
  DeidCheck* question_ = nullptr;
  QLineEdit* organisation_ = nullptr;
  QComboBox* orgType_ = nullptr;
  QPushButton* askButton_ = nullptr;
  QLabel* message_ = nullptr;
  QString selected_;
};

}  // namespace samrad::app
