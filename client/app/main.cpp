// samrad: the Samråd desktop client (Qt 6 Widgets). Swedish by default.
#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QTranslator>

#include "connection_controller.h"
#include "main_window.h"
#include "samrad/crypto/secure.h"

int main(int argc, char** argv) {
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
  QCommandLineOption langOpt("lang", "Language: sv (default) or en.", "language",
                             qEnvironmentVariable("SAMRAD_LANG", "sv"));
  parser.addOptions({serverOpt, caOpt, langOpt});
  parser.process(app);

  QTranslator translator;
  const QString lang = parser.value(langOpt);
  if (lang == "sv") {
    if (translator.load(":/i18n/samrad_sv.qm")) {
      QApplication::installTranslator(&translator);
    }
    QLocale::setDefault(QLocale(QLocale::Swedish, QLocale::Sweden));
  } else {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
  }

  samrad::client::ServerEndpoint endpoint;
  endpoint.target = parser.value(serverOpt).toStdString();
  endpoint.caFile = parser.value(caOpt).toStdString();
  samrad::app::ConnectionController connection(endpoint);
  samrad::app::MainWindow window(connection);
  window.show();
  connection.check();
  return QApplication::exec();
}
