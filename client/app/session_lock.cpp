#include "session_lock.h"

#include <QDBusConnection>

namespace samrad::app {

SessionLockWatcher::SessionLockWatcher(QObject* parent) : QObject(parent) {}

bool SessionLockWatcher::watch(const QDBusConnection& bus) {
  if (!bus.isConnected()) return false;
  QDBusConnection c(bus);
  // Any sender, any object path: logind emits Lock on the session's object,
  // PrepareForSleep on its manager.
  bool ok = c.connect(QString(), QString(), QStringLiteral("org.freedesktop.login1.Session"),
                      QStringLiteral("Lock"), this, SLOT(onSessionLock()));
  ok = c.connect(QString(), QString(), QStringLiteral("org.freedesktop.login1.Manager"),
                 QStringLiteral("PrepareForSleep"), this, SLOT(onPrepareForSleep(bool))) &&
       ok;
  ok = c.connect(QString(), QString(), QStringLiteral("org.freedesktop.ScreenSaver"),
                 QStringLiteral("ActiveChanged"), this, SLOT(onScreenSaverActive(bool))) &&
       ok;
  return ok;
}

void SessionLockWatcher::onSessionLock() {
  emit lockRequested();
}

void SessionLockWatcher::onPrepareForSleep(bool starting) {
  if (starting) emit lockRequested();
}

void SessionLockWatcher::onScreenSaverActive(bool active) {
  if (active) emit lockRequested();
}

}  // namespace samrad::app
