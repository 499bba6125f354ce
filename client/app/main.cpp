// samrad: the Samråd desktop client (Qt 6 Widgets). Swedish by default.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>
#include <cstdio>

#include "connection_controller.h"
#include "main_window.h"
#include "samrad/crypto/secure.h"
#include "samrad/grpc_runtime.h"
#include "workspace_controller.h"

int main(int argc, char** argv) {
  const samrad::GrpcRuntime grpcRuntime;  // first made, last gone
  samrad::crypto::initSodium();
  QApplication app(argc, argv);
  QApplication::setApplicationName("Samråd");
  QApplication::setOrganizationName("Samråd");
  QApplication::setApplicationVersion("0.1.0");

  QCommandLineParser parser;
  parser.setApplicationDescription("Samråd desktop client");
  parser.addHelpOption();
  parser.addVersionOption();
  QCommandLineOption serverOpt("server", "Server address host:port.", "address",
                               qEnvironmentVariable("SAMRAD_SERVER", "127.0.0.1:7443"));
  QCommandLineOption caOpt("ca", "CA certificate that signed the server's.", "file",
                           qEnvironmentVariable("SAMRAD_CA"));
  QCommandLineOption profileOpt(
      "profile", "Your device profile folder (env SAMRAD_PROFILE).", "folder",
      qEnvironmentVariable("SAMRAD_PROFILE",
                           QDir::homePath() + QStringLiteral("/.local/share/samrad/profile")));
  QCommandLineOption langOpt("lang", "Language: sv (default) or en.", "language",
                             qEnvironmentVariable("SAMRAD_LANG", "sv"));
  QCommandLineOption lockOpt("lock-after", "Lock after this many minutes without use (0: never).",
                             "minutes", "10");
  QCommandLineOption pageOpt(
      "page", "Open this page: overview, cases, meetings, advice, register, members.", "page",
      "overview");
  QCommandLineOption unlockFileOpt(
      "unlock-with-file",
      "Demo and screenshots only: read the passphrase from this file and unlock at once.", "file");
  QCommandLineOption shotOpt("screenshot",
                             "Save a PNG of the window once it shows the page, then quit.", "png");
  parser.addOptions(
      {serverOpt, caOpt, profileOpt, langOpt, lockOpt, pageOpt, unlockFileOpt, shotOpt});
  parser.process(app);

  QTranslator translator;
  QTranslator qtBase;  // Qt's own dialogs and buttons (qt6-translations-l10n)
  const QString lang = parser.value(langOpt);
  if (lang == "sv") {
    if (translator.load(":/i18n/samrad_sv.qm")) {
      QApplication::installTranslator(&translator);
    }
    // Debian ships Qt's Swedish as qt_sv (file dialogs, text-field menus);
    // the standard buttons' words are in samrad_sv.
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (qtBase.load("qtbase_sv", qtDir) || qtBase.load("qt_sv", qtDir)) {
      QApplication::installTranslator(&qtBase);
    }
    QLocale::setDefault(QLocale(QLocale::Swedish, QLocale::Sweden));
  } else {
    // English is the source language; the English file holds its plural forms.
    if (translator.load(":/i18n/samrad_en.qm")) {
      QApplication::installTranslator(&translator);
    }
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
  }

  samrad::client::ServerEndpoint endpoint;
  endpoint.target = parser.value(serverOpt).toStdString();
  endpoint.caFile = parser.value(caOpt).toStdString();
  samrad::app::ConnectionController connection(endpoint);
  samrad::app::WorkspaceController workspace(endpoint, parser.value(profileOpt).toStdString());
  samrad::app::MainWindow window(connection, workspace);
  window.setAutoLock(parser.value(lockOpt).toInt() * 60 * 1000);
  window.show();
  connection.check();

  const QString page = parser.value(pageOpt);
  const QString shot = parser.value(shotOpt);
  auto takeShot = [&window, shot] {
    // Let the page lay itself out and paint before the grab.
    QTimer::singleShot(1200, &window, [&window, shot] {
      const bool ok = window.grab().save(shot);
      std::fprintf(ok ? stdout : stderr, "%s %s\n", ok ? "saved" : "could not save",
                   shot.toLocal8Bit().constData());
      QApplication::exit(ok ? 0 : 1);
    });
  };
  if (parser.isSet(unlockFileOpt)) {
    QFile f(parser.value(unlockFileOpt));
    if (!f.open(QIODevice::ReadOnly)) {
      std::fprintf(stderr, "cannot read the passphrase file\n");
      return 2;
    }
    const QString pass = QString::fromUtf8(f.readAll()).trimmed();
    QObject::connect(&workspace, &samrad::app::WorkspaceController::unlockedChanged, &window,
                     [&window, page, shot, takeShot](bool unlocked) {
                       if (!unlocked) return;
                       window.showPage(page);
                       if (!shot.isEmpty()) takeShot();
                     });
    QObject::connect(&workspace, &samrad::app::WorkspaceController::unlockFailed, &window,
                     [shot](const QString& m) {
                       std::fprintf(stderr, "unlock failed: %s\n", m.toLocal8Bit().constData());
                       if (!shot.isEmpty()) QApplication::exit(1);
                     });
    workspace.unlock(pass);
  } else if (!shot.isEmpty()) {
    QObject::connect(&connection, &samrad::app::ConnectionController::stateChanged, &window,
                     [takeShot] { takeShot(); });
  }
  return QApplication::exec();
}
