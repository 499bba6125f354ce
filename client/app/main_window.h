// The Samråd main window. At this stage it shows the connection to the server
// and the server's identity; workflow views arrive with the client issue.
#pragma once

#include <QMainWindow>

class QDialog;
class QLabel;
class QPushButton;

namespace samrad::app {

class ConnectionController;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(ConnectionController& connection, QWidget* parent = nullptr);

 private:
  void showState();
  void openDeidCheck();

  ConnectionController& connection_;
  QLabel* status_ = nullptr;
  QLabel* detail_ = nullptr;
  QLabel* identity_ = nullptr;
  QPushButton* retry_ = nullptr;
  QDialog* deidDialog_ = nullptr;
};

}  // namespace samrad::app
