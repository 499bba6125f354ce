// The Samråd main window: the lock screen until the profile is unlocked,
// then the group's work — overview, cases, meetings, advice, the consent
// register and members — with the sync and verification state always in
// view, a loud banner that stops work if verification fails, and an
// automatic lock after inactivity.
#pragma once

#include <QMainWindow>
#include <QTimer>
#include <memory>

#include "samrad/deid/scanner.h"

class QDBusConnection;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace samrad::app {

class AdvicePage;
class CasesPage;
class ConnectionController;
class DashboardPage;
class EnrolPage;
class MeetingPage;
class MembersPage;
class RegisterPage;
class SessionLockWatcher;
class StatisticsPage;
class UnlockPage;
class WorkspaceController;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  MainWindow(ConnectionController& connection, WorkspaceController& workspace,
             QWidget* parent = nullptr);
  ~MainWindow() override;

  // Whether the first-start setup is showing (no profile on this computer yet).
  [[nodiscard]] bool settingUp() const;

  // Pages by name: overview, cases, meetings, advice, register, members, statistics.
  void showPage(const QString& name);
  [[nodiscard]] QString currentPage() const;
  // Locks after this long without keyboard or mouse input (0: never).
  void setAutoLock(int milliseconds);
  // Also locks when the computer's session locks or it goes to sleep, as
  // told on `bus` (the system and session buses are watched from the start;
  // a test gives a bus of its own). False if the bus is not connected.
  bool watchSessionLock(const QDBusConnection& bus);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void onUnlocked(bool unlocked);
  void showSync();
  void lockNow();
  // Every window of this one's with content — an open referral, a consent
  // form, a question — is emptied and closed: nothing of the group stays on
  // screen or in a widget once locked.
  void closeContentWindows();

  ConnectionController& connection_;
  WorkspaceController& workspace_;
  std::shared_ptr<const deid::Lexicon> lexicon_;
  QStackedWidget* root_ = nullptr;
  UnlockPage* unlock_ = nullptr;
  EnrolPage* enrol_ = nullptr;
  QWidget* work_ = nullptr;
  QLabel* banner_ = nullptr;
  QListWidget* nav_ = nullptr;
  QStackedWidget* pages_ = nullptr;
  DashboardPage* dashboard_ = nullptr;
  CasesPage* cases_ = nullptr;
  MeetingPage* meeting_ = nullptr;
  AdvicePage* advice_ = nullptr;
  RegisterPage* register_ = nullptr;
  MembersPage* members_ = nullptr;
  StatisticsPage* statistics_ = nullptr;
  QLabel* sync_ = nullptr;
  QLabel* who_ = nullptr;
  QPushButton* lock_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QTimer idle_;
  SessionLockWatcher* sessionLock_ = nullptr;
  bool lockPending_ = false;  // the computer locked during an unlock
};

}  // namespace samrad::app
