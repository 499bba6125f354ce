// Locks Samråd when the computer's session does: logind's Lock signal for a
// session and PrepareForSleep before a suspend (system bus), and the desktop's
// screen saver starting (org.freedesktop.ScreenSaver, session bus). Any
// session's Lock counts: locking once too often is safe, staying open on a
// locked desktop is not.
#pragma once

#include <QObject>

class QDBusConnection;

namespace samrad::app {

class SessionLockWatcher : public QObject {
  Q_OBJECT
 public:
  explicit SessionLockWatcher(QObject* parent = nullptr);

  // Listens on `bus` (the system bus for logind, the session bus for the
  // screen saver; a test passes a bus of its own). False when the bus is not
  // connected (no D-Bus on this computer): nothing to listen to there.
  bool watch(const QDBusConnection& bus);

 signals:
  void lockRequested();

 private slots:
  void onSessionLock();
  void onPrepareForSleep(bool starting);
  void onScreenSaverActive(bool active);
};

}  // namespace samrad::app
