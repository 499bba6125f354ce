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
  for (const char* saver : {"org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver",
                            "org.cinnamon.ScreenSaver", "org.mate.ScreenSaver"}) {
    ok = c.connect(QString(), QString(), QString::fromLatin1(saver),
                   QStringLiteral("ActiveChanged"), this, SLOT(onScreenSaverActive(bool))) &&
         ok;
  }
  ok = c.connect(QString(), QString(), QStringLiteral("org.freedesktop.DBus.Properties"),
                 QStringLiteral("PropertiesChanged"), this,
                 SLOT(onPropertiesChanged(QString, QVariantMap, QStringList))) &&
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

void SessionLockWatcher::onPropertiesChanged(const QString& interface, const QVariantMap& changed,
                                             const QStringList& /*invalidated*/) {
  if (interface == QLatin1String("org.freedesktop.login1.Session") &&
      changed.value(QStringLiteral("LockedHint")).toBool()) {
    emit lockRequested();
  }
}

}  // namespace samrad::app
