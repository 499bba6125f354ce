// The lawyer's view: the group's consent register with filters and every
// event, the transparency log's verification state with the latest
// checkpoint, the register as a PDF, and the audit bundle: exported for a
// period (or one case) and verified on this device against the log key and
// agency roots it holds.
#pragma once

#include <QWidget>

class QComboBox;
class QDateEdit;
class QSpinBox;
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
  void exportAuditBundle();
  void verifyAuditBundle();

 private:
  void refresh();

  WorkspaceController& workspace_;
  QComboBox* filter_ = nullptr;
  QTableWidget* table_ = nullptr;
  QLabel* logState_ = nullptr;
  QPlainTextEdit* checkpoint_ = nullptr;
  QLabel* message_ = nullptr;
  QDateEdit* auditFrom_ = nullptr;
  QDateEdit* auditTo_ = nullptr;
  QComboBox* auditCase_ = nullptr;
  QSpinBox* auditWitnesses_ = nullptr;
  QPlainTextEdit* auditReport_ = nullptr;
};

}  // namespace samrad::app
