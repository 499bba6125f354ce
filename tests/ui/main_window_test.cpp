// The desktop client against a real in-process server, on the offscreen
// platform: what a person sees when the server is there, and when it is not.
#include "main_window.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

#include "connection_controller.h"
#include "qtest_main.h"
#include "samrad/common/log.h"
#include "samrad/server/app/server_app.h"
#include "samrad/testing/support.h"
#include "workspace_controller.h"

using samrad::app::ConnectionController;

class MainWindowTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    samrad::log::init(samrad::log::Format::Text, samrad::log::Level::Warn);
    pki_ = samrad::testing::makeDevPki(dir_.path() / "pki");
  }

  void showsAConnectedServerInSwedish() {
    QTranslator sv;
    QVERIFY(sv.load(":/i18n/samrad_sv.qm"));
    QApplication::installTranslator(&sv);

    samrad::server::app::ServerConfig config;
    config.listen = "127.0.0.1:0";
    config.dataDir = dir_.path() / "var";
    config.tlsCert = pki_.serverCert;
    config.tlsKey = pki_.serverKey;
    auto server = samrad::server::app::ServerApp::start(config);
    QVERIFY2(server.ok(), server.ok() ? "" : server.error().describe().c_str());

    ConnectionController connection(
        {"127.0.0.1:" + std::to_string((*server)->port()), pki_.caCert, ""});
    samrad::app::WorkspaceController workspace(
        {"127.0.0.1:" + std::to_string((*server)->port()), pki_.caCert, ""},
        dir_.path() / "no-profile");
    samrad::app::MainWindow window(connection, workspace);
    window.show();
    connection.check();
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), ConnectionController::State::Serving, 10000);

    auto* status = window.findChild<QLabel*>("connectionStatus");
    QVERIFY(status != nullptr);
    QCOMPARE(status->text(), QString("Ansluten, krypterad (TLS)"));
    if (const QString shots = qEnvironmentVariable("SAMRAD_SCREENSHOT_DIR"); !shots.isEmpty()) {
      QDir().mkpath(shots);
      window.grab().save(shots + "/main_window_sv.png");
    }
    auto* identity = window.findChild<QLabel*>("serverIdentity");
    // The server's id (32 hex digits) on hover, not on the lock screen.
    QCOMPARE(connection.serverId().size(), 32);
    QVERIFY(!identity->text().contains(connection.serverId()));
    QCOMPARE(identity->toolTip(), connection.serverId());
    QVERIFY(identity->text().startsWith("Samråd-server, version"));
    QVERIFY(!window.findChild<QPushButton*>("retryButton")->isVisible());
    // No profile in the folder yet: the person is taken through setting one up.
    QVERIFY(window.settingUp());
    QVERIFY(window.findChild<QWidget*>("enrolPage")->isVisible());
    QApplication::removeTranslator(&sv);
  }

  void explainsAnUnreachableServerAndOffersARetry() {
    // A port nothing listens on: take one from a server, then stop it.
    samrad::server::app::ServerConfig config;
    config.listen = "127.0.0.1:0";
    config.dataDir = dir_.path() / "var-gone";
    config.tlsCert = pki_.serverCert;
    config.tlsKey = pki_.serverKey;
    int port = 0;
    {
      auto server = samrad::server::app::ServerApp::start(config);
      QVERIFY(server.ok());
      port = (*server)->port();
    }
    ConnectionController connection({"127.0.0.1:" + std::to_string(port), pki_.caCert, ""});
    samrad::app::WorkspaceController workspace(
        {"127.0.0.1:" + std::to_string(port), pki_.caCert, ""}, dir_.path() / "no-profile");
    samrad::app::MainWindow window(connection, workspace);
    window.show();
    QSignalSpy spy(&connection, &ConnectionController::stateChanged);
    connection.check();
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), ConnectionController::State::Unreachable, 10000);
    QCOMPARE(window.findChild<QLabel*>("connectionStatus")->text(), QString("Not connected"));
    QVERIFY(window.findChild<QLabel*>("connectionDetail")->text().contains("cannot be reached"));
    auto* retry = window.findChild<QPushButton*>("retryButton");
    QVERIFY(retry->isVisibleTo(window.findChild<QWidget*>("unlockPage")));
    QVERIFY(retry->isEnabled());
    QVERIFY(spy.count() >= 2);  // Checking, then Unreachable
  }

 private:
  samrad::testing::TempDir dir_;
  samrad::testing::DevPki pki_;
};

SAMRAD_QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
