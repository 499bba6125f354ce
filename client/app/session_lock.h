// Locks Samråd when the computer's session does: logind's Lock signal for a
// session, its LockedHint turning true (GNOME's own lock) and PrepareForSleep
// before a suspend (system bus), and the desktop's screen saver starting
// (org.freedesktop, GNOME, Cinnamon and MATE ScreenSaver, session bus). Any
// session's Lock counts: locking once too often is safe, staying open on a
// locked desktop is not.
#pragma once

#include <QObject>
#include <QStringList>
#include <QVariantMap>

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
  void onPropertiesChanged(const QString& interface, const QVariantMap& changed,
                           const QStringList& invalidated);
};

}  // namespace samrad::app
