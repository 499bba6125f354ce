// The first thing a person sees: the server the client talks to (and
// whether it answers), and the passphrase that unlocks their profile.
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace samrad::app {

class ConnectionController;
class WorkspaceController;

class UnlockPage : public QWidget {
  Q_OBJECT
 public:
  UnlockPage(ConnectionController& connection, WorkspaceController& workspace,
             QWidget* parent = nullptr);

  // Clears the passphrase field and any earlier message (after a lock).
  void reset(const QString& message = {});

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void showOwner();
  void showConnection();
  void submit();

  ConnectionController& connection_;
  WorkspaceController& workspace_;
  QLabel* status_ = nullptr;
  QLabel* identity_ = nullptr;
  QLabel* detail_ = nullptr;
  QPushButton* retry_ = nullptr;
  QLineEdit* passphrase_ = nullptr;
  QPushButton* unlock_ = nullptr;
  QLabel* message_ = nullptr;
  QLabel* profileNote_ = nullptr;
  QLabel* owner_ = nullptr;
  QCheckBox* show_ = nullptr;
  QLabel* capsLock_ = nullptr;
};

}  // namespace samrad::app
