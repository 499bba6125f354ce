// The lawyer's view: the group's consent register with filters and every
// event, the transparency log's verification state with the latest
// checkpoint, and the register as a PDF.
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTableWidget;

namespace samrad::app {

class WorkspaceController;

class RegisterPage : public QWidget {
  Q_OBJECT
 public:
  explicit RegisterPage(WorkspaceController& workspace, QWidget* parent = nullptr);
  void exportPdf();

 private:
  void refresh();

  WorkspaceController& workspace_;
  QComboBox* filter_ = nullptr;
  QTableWidget* table_ = nullptr;
  QLabel* logState_ = nullptr;
  QPlainTextEdit* checkpoint_ = nullptr;
  QLabel* message_ = nullptr;
};

}  // namespace samrad::app
