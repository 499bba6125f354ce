// The desktop client driven through its widgets on the offscreen platform,
// against a real server started by the test, with the demo group set up by
// deploy/demo-group.sh through samrad-cli: the coordinator unlocks, refers a
// case (the de-identification check stopping a brief that names her),
// registers and withdraws a consent, runs a meeting with minutes and actions
// while a police officer's client sees the minutes arrive, approves them and
// exports a PDF, answers an advice request the external requester then reads,
// and the client locks itself after inactivity. Finally the server's store
// is scanned: nothing typed into the client is there in plaintext.
#include <QApplication>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDate>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>

#include "advice_page.h"
#include "case_dialogs.h"
#include "cases_page.h"
#include "connection_controller.h"
#include "deid_check.h"
#include "main_window.h"
#include "meeting_page.h"
#include "qtest_main.h"
#include "samrad/common/log.h"
#include "samrad/server/app/server_app.h"
#include "samrad/testing/store_scan.h"
#include "samrad/testing/support.h"
#include "ui_util.h"
#include "workspace_controller.h"

using samrad::app::MainWindow;
using samrad::app::WorkspaceController;

namespace {

constexpr int kWait = 30000;  // a sanitizer build on two busy cores is slow

struct Client;
std::vector<Client*> gClients;  // the clients open now

// One person's client: connection, workspace and window over their profile.
struct Client {
  Client(const samrad::client::ServerEndpoint& endpoint, const std::filesystem::path& profile)
      : connection(endpoint), workspace(endpoint, profile), window(connection, workspace) {
    workspace.setSyncInterval(300);
    window.resize(1360, 860);
    window.show();
    connection.check();
    gClients.push_back(this);
  }
  ~Client() { std::erase(gClients, this); }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;
  samrad::app::ConnectionController connection;
  WorkspaceController workspace;
  MainWindow window;
};

// A person takes a while to answer a dialog, and the client syncs meanwhile:
// every answer below first lets a new snapshot replace the old one inside an
// event loop, as the dialog's own loop would. A page that kept a pointer into
// the old snapshot across its question then reads freed memory, which the
// sanitizer build reports.
void aSnapshotArrivesWhileTheDialogIsOpen(QWidget* parent) {
  for (Client* c : gClients) {
    if (parent == nullptr || parent->window() != &c->window) continue;
    QSignalSpy replaced(&c->workspace, &WorkspaceController::snapshotChanged);
    c->workspace.run(QString(), [](samrad::client::Workspace&) { return samrad::okStatus(); });
    QVERIFY(replaced.wait(kWait));
    return;
  }
}

// Runs `fill` on the modal dialog named `name` as soon as it is shown (for
// dialogs opened with exec()).
void onModal(const QString& name, std::function<void(QDialog*)> fill) {
  auto* timer = new QTimer();
  timer->setInterval(30);
  QObject::connect(timer, &QTimer::timeout, [timer, name, fill] {
    auto* d = qobject_cast<QDialog*>(QApplication::activeModalWidget());
    if (d == nullptr || d->objectName() != name) return;
    timer->stop();
    timer->deleteLater();
    fill(d);
  });
  timer->start();
}

// Everything a window of `window`'s shows or holds as text: labels, fields,
// editors, table and list cells, choices — its dialogs' too.
QStringList textsOf(const QWidget* window) {
  QStringList out;
  for (QWidget* w : QApplication::allWidgets()) {
    bool ours = false;
    for (const QWidget* p = w; p != nullptr; p = p->parentWidget()) ours = ours || p == window;
    if (!ours) continue;
    if (auto* l = qobject_cast<QLabel*>(w)) out << l->text();
    if (auto* e = qobject_cast<QLineEdit*>(w)) out << e->text();
    if (auto* e = qobject_cast<QPlainTextEdit*>(w)) out << e->toPlainText();
    if (auto* e = qobject_cast<QTextEdit*>(w)) out << e->toPlainText();
    if (auto* t = qobject_cast<QTableWidget*>(w)) {
      for (int r = 0; r < t->rowCount(); ++r) {
        for (int c = 0; c < t->columnCount(); ++c) {
          if (t->item(r, c) != nullptr) out << t->item(r, c)->text();
        }
      }
    }
    if (auto* l = qobject_cast<QListWidget*>(w)) {
      for (int i = 0; i < l->count(); ++i) out << l->item(i)->text();
    }
    if (auto* c = qobject_cast<QComboBox*>(w)) {
      for (int i = 0; i < c->count(); ++i) out << c->itemText(i);
    }
  }
  return out;
}

QStringList containing(const QStringList& texts, const QStringList& secrets) {
  QStringList found;
  for (const QString& t : texts) {
    for (const QString& s : secrets) {
      if (t.contains(s)) found << s + " in \"" + t.left(80) + "\"";
    }
  }
  return found;
}

int rowOf(QTableWidget* t, int column, const QString& text) {
  for (int r = 0; r < t->rowCount(); ++r) {
    if (t->item(r, column) != nullptr && t->item(r, column)->text() == text) return r;
  }
  return -1;
}

}  // namespace

class WorkflowTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    samrad::log::init(samrad::log::Format::Text, samrad::log::Level::Warn);
    pki_ = samrad::testing::makeDevPki(dir_.path() / "pki");
    samrad::server::app::ServerConfig config;
    config.listen = "127.0.0.1:0";
    config.dataDir = dir_.path() / "var";
    config.tlsCert = pki_.serverCert;
    config.tlsKey = pki_.serverKey;
    config_ = config;
    auto server = samrad::server::app::ServerApp::start(config);
    QVERIFY2(server.ok(), server.ok() ? "" : server.error().describe().c_str());
    server_ = std::move(*server);
    endpoint_ = {"127.0.0.1:" + std::to_string(server_->port()), pki_.caCert, ""};

    // The demo group, set up the way people would, through samrad-cli.
    QProcess setup;
    setup.setProcessChannelMode(QProcess::MergedChannels);
    setup.start("bash", {SAMRAD_DEMO_GROUP_SCRIPT, "--cli", SAMRAD_CLI_BIN, "--server",
                         QString::fromStdString(endpoint_.target), "--ca",
                         QString::fromStdString(pki_.caCert.string()), "--operator-key",
                         QString::fromStdString((config.dataDir / "operator.key").string()),
                         "--dir", QString::fromStdString((dir_.path() / "demo").string())});
    QVERIFY(setup.waitForFinished(180000));
    QVERIFY2(setup.exitCode() == 0, setup.readAll().constData());
    passphrase_ =
        QString::fromUtf8(samrad::testing::readFile(dir_.path() / "demo" / "passphrase").c_str());

    // Dialogs that would ask a person are answered here.
    samrad::app::setConfirmation([](QWidget* parent, const QString&, const QString&) {
      aSnapshotArrivesWhileTheDialogIsOpen(parent);
      return true;
    });
    samrad::app::setTextQuestion(
        [](QWidget* parent, const QString&, const QString&, const QString&) {
          aSnapshotArrivesWhileTheDialogIsOpen(parent);
          return QString("090-10 10 10");
        });
    samrad::app::setSaveFileQuestion(
        [this](QWidget* parent, const QString&, const QString& suggestion, const QString&) {
          aSnapshotArrivesWhileTheDialogIsOpen(parent);
          return QString::fromStdString((dir_.path() / suggestion.toStdString()).string());
        });
    std::ofstream(dir_.path() / "form.txt") << "Samtyckesblankett version 2";
    openFile_ = dir_.path() / "form.txt";
    samrad::app::setOpenFileQuestion(
        [this](QWidget*, const QString&, const QString&, const QString&) {
          return QString::fromStdString(openFile_.string());
        });
  }

  void aWeekOfTheGroupThroughTheClient() {
    Client coord(endpoint_, dir_.path() / "demo" / "profiles" / "samordnare");
    auto& w = coord.window;

    // A wrong passphrase is a sentence, and nothing opens.
    unlock(coord, "fel lösenord här");
    QTRY_VERIFY_WITH_TIMEOUT(
        w.findChild<QLabel*>("unlockMessage")->text().contains("passphrase is not right"), kWait);
    QVERIFY(!coord.workspace.unlocked());
    unlock(coord, passphrase_);
    QTRY_VERIFY_WITH_TIMEOUT(coord.workspace.unlocked(), kWait);
    QCOMPARE(w.currentPage(), QString("overview"));
    shot(w, "overview");

    // The overview: the next meeting and the acute case first.
    QVERIFY(w.findChild<QLabel*>("nextMeeting")->text().contains("Kommunhuset"));
    auto* dashCases = w.findChild<QTableWidget*>("dashboardCases");
    QVERIFY(dashCases->rowCount() >= 3);
    QCOMPARE(dashCases->item(0, 0)->text(), QString("NRS-2026-041"));
    QCOMPARE(dashCases->item(0, 1)->text(), QString("Acute"));
    QVERIFY(w.findChild<QLabel*>("adviceWaiting")->text().contains("1 request"));
    QVERIFY(w.findChild<QLabel*>("syncState")->text().contains("verified"));

    // A de-identified referral: a brief that names her is not sent.
    w.showPage("cases");
    shot(w, "cases");
    QTest::mouseClick(w.findChild<QPushButton*>("newReferralButton"), Qt::LeftButton);
    auto* referral = w.findChild<samrad::app::ReferralDialog*>("referralDialog");
    QVERIFY(referral != nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(referral->isVisible(), kWait);
    referral->findChild<QLineEdit*>("caseNumber")->setText("NRS-2026-050");
    auto* text = referral->findChild<QPlainTextEdit*>("deidText");
    auto* refer = referral->findChild<QPushButton*>("referButton");
    text->setPlainText("Anna Berg, 811218-9876, bor på Storgatan 3 i Lillby.");
    QTest::mouseClick(referral->findChild<QPushButton*>("deidCheckButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(referral->findChild<QTableWidget*>("deidFindings")->rowCount() >= 3,
                             kWait);
    QVERIFY(!refer->isEnabled());
    shot(*referral, "referral");
    text->setPlainText("Kvinna i 30-årsåldern som utsätts för hot och kontroll av sin partner.");
    QTest::mouseClick(referral->findChild<QPushButton*>("deidCheckButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(refer->isEnabled(), kWait);
    QTest::mouseClick(refer, Qt::LeftButton);
    auto* cases = w.findChild<QTableWidget*>("caseTable");
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(cases, 0, "NRS-2026-050") >= 0, kWait);

    // The referring agency corrects its brief; the check runs again first.
    cases->selectRow(rowOf(cases, 0, "NRS-2026-050"));
    QTRY_VERIFY_WITH_TIMEOUT(w.findChild<QPushButton*>("editBriefButton")->isVisible(), kWait);
    QTest::mouseClick(w.findChild<QPushButton*>("editBriefButton"), Qt::LeftButton);
    auto* briefDialog = w.findChild<QDialog*>("briefDialog");
    QVERIFY(briefDialog != nullptr);
    auto* save = briefDialog->findChild<QPushButton*>("saveBriefButton");
    QVERIFY(!save->isEnabled());
    briefDialog->findChild<QPlainTextEdit*>("deidText")
        ->setPlainText("Kvinna i 30-årsåldern som utsätts för hot, kontroll och ekonomiskt våld.");
    QTest::mouseClick(briefDialog->findChild<QPushButton*>("deidCheckButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(save->isEnabled(), kWait);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        w.findChild<QTextBrowser*>("caseDetail")->toPlainText().contains("kontroll och ekonomiskt"),
        kWait);

    // The case's follow-up, through its form.
    QTest::mouseClick(w.findChild<QPushButton*>("followUpButton"), Qt::LeftButton);
    auto* followUp = w.findChild<QDialog*>("followUpDialog");
    QVERIFY(followUp != nullptr);
    followUp->findChild<QLineEdit*>("followUpRiskMethod")->setText("Patriark");
    followUp->findChild<QComboBox*>("followUpRisk")->setCurrentIndex(3);   // high
    followUp->findChild<QComboBox*>("followUpAfter")->setCurrentIndex(2);  // reduced
    followUp->findChild<QLineEdit*>("followUpMeasure")->setText("stödsamtal");
    followUp->findChild<QPlainTextEdit*>("followUpOwnWords")->setPlainText("UI-WORDS Lugnare nu.");
    QTest::mouseClick(followUp->findChild<QPushButton*>("saveFollowUpButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(w.findChild<QTextBrowser*>("caseDetail")
                                 ->toPlainText()
                                 .contains("followed up after support"),
                             kWait);

    // A consented case shared with the police: consent registered, then withdrawn.
    QTest::mouseClick(w.findChild<QPushButton*>("newReferralButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(w.findChild<samrad::app::ReferralDialog*>("referralDialog") != nullptr,
                             kWait);
    referral = w.findChild<samrad::app::ReferralDialog*>("referralDialog");
    referral->findChild<QLineEdit*>("caseNumber")->setText("NRS-2026-051");
    auto* kind = referral->findChild<QComboBox*>("caseKind");
    kind->setCurrentIndex(1);
    for (auto* box : referral->findChildren<QCheckBox*>("shareWith")) {
      if (box->text() == "Polisen Nordstad") box->setChecked(true);
    }
    referral->findChild<QPlainTextEdit*>("consentedBrief")
        ->setPlainText("UI-SECRET Maria Holm, hot från tidigare partner.");
    QTest::mouseClick(referral->findChild<QPushButton*>("referButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(cases, 0, "NRS-2026-051") >= 0, kWait);
    cases->selectRow(rowOf(cases, 0, "NRS-2026-051"));
    auto* openConsent = w.findChild<QPushButton*>("registerConsentOpen");
    QTRY_VERIFY_WITH_TIMEOUT(openConsent->isVisible(), kWait);
    QTest::mouseClick(openConsent, Qt::LeftButton);
    auto* consent = w.findChild<samrad::app::ConsentDialog*>("consentDialog");
    QVERIFY(consent != nullptr);
    QTest::mouseClick(consent->findChild<QPushButton*>("chooseFormText"), Qt::LeftButton);
    // A scanned, signed form of several pages: uploaded encrypted, with progress shown.
    std::ofstream(dir_.path() / "scan.pdf")
        << "%PDF-1.4 UI-SECRET underskriven blankett" << std::string(600 * 1024, ' ');
    openFile_ = dir_.path() / "scan.pdf";
    QTest::mouseClick(consent->findChild<QPushButton*>("chooseScan"), Qt::LeftButton);
    openFile_ = dir_.path() / "form.txt";
    QSignalSpy progress(&coord.workspace, &WorkspaceController::progressChanged);
    shot(*consent, "consent");
    QTest::mouseClick(consent->findChild<QPushButton*>("registerConsentButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        cases->item(rowOf(cases, 0, "NRS-2026-051"), 5)->text().startsWith("Valid until"), kWait);
    QVERIFY(progress.count() >= 3);
    QCOMPARE(progress.last().at(1).toLongLong(), progress.last().at(2).toLongLong());
    cases->selectRow(rowOf(cases, 0, "NRS-2026-051"));
    QTRY_VERIFY_WITH_TIMEOUT(
        w.findChild<QTextBrowser*>("caseDetail")->toPlainText().contains("scanned form attached"),
        kWait);
    // The record keeps the form's category by its code, not the label of the
    // language it was registered in: a reader in Swedish reads it in Swedish.
    QVERIFY(w.findChild<QTextBrowser*>("caseDetail")
                ->toPlainText()
                .contains("violence in a close relationship"));
    {
      const QLocale before;
      QLocale::setDefault(QLocale(QLocale::Swedish, QLocale::Sweden));
      cases->clearSelection();
      cases->selectRow(rowOf(cases, 0, "NRS-2026-051"));
      QTRY_VERIFY_WITH_TIMEOUT(
          w.findChild<QTextBrowser*>("caseDetail")->toPlainText().contains("våld i nära relation"),
          kWait);
      QLocale::setDefault(before);
      cases->clearSelection();
      cases->selectRow(rowOf(cases, 0, "NRS-2026-051"));
    }
    QTRY_VERIFY_WITH_TIMEOUT(w.findChild<QPushButton*>("receiptButton")->isVisible(), kWait);
    QTest::mouseClick(w.findChild<QPushButton*>("saveScanButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        std::filesystem::exists(dir_.path() / "signed-consent-NRS-2026-051.pdf") &&
            samrad::testing::readFile(dir_.path() / "signed-consent-NRS-2026-051.pdf") ==
                samrad::testing::readFile(dir_.path() / "scan.pdf"),
        kWait);
    QTest::mouseClick(w.findChild<QPushButton*>("receiptButton"), Qt::LeftButton);
    QVERIFY(samrad::testing::readFile(dir_.path() / "consent-receipt-NRS-2026-051.pdf")
                .rfind("%PDF", 0) == 0);
    // Withdrawal in two clicks: open, confirm.
    QTest::mouseClick(w.findChild<QPushButton*>("withdrawConsentOpen"), Qt::LeftButton);
    auto* withdraw = w.findChild<samrad::app::WithdrawDialog*>("withdrawDialog");
    QVERIFY(withdraw != nullptr);
    QTest::mouseClick(withdraw->findChild<QPushButton*>("confirmWithdrawButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(cases->item(rowOf(cases, 0, "NRS-2026-051"), 5)->text(),
                              QString("Withdrawn"), kWait);

    // The meeting, with the police officer's client open beside it.
    Client officer(endpoint_, dir_.path() / "demo" / "profiles" / "polis");
    unlock(officer, passphrase_);
    QTRY_VERIFY_WITH_TIMEOUT(officer.workspace.unlocked(), kWait);
    officer.window.showPage("meetings");
    w.showPage("meetings");
    auto* agenda = w.findChild<QListWidget*>("agendaList");
    QTRY_VERIFY_WITH_TIMEOUT(agenda->count() >= 3, kWait);
    QTest::mouseClick(w.findChild<QPushButton*>("buildAgendaButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(agenda->count() >= 4, kWait);  // the new case joined the agenda
    QVERIFY(agenda->item(0)->text().contains("NRS-2026-041"));
    QTest::mouseClick(w.findChild<QPushButton*>("attendButton"), Qt::LeftButton);
    agenda->setCurrentRow(0);
    auto* summary = w.findChild<QPlainTextEdit*>("minutesSummary");
    QTRY_VERIFY_WITH_TIMEOUT(summary->toPlainText().contains("riskbedömning"),
                             kWait);  // written by the demo
    summary->setPlainText("UI-MINUTES Skyddat boende ordnat. Uppföljning om två veckor.");
    w.findChild<QPlainTextEdit*>("minutesDecisions")->setPlainText("Polisen följer upp.");
    QTest::mouseClick(w.findChild<QPushButton*>("saveMinutesButton"), Qt::LeftButton);
    // The officer sees them arrive, without doing anything.
    auto* theirs = officer.window.findChild<QPlainTextEdit*>("minutesSummary");
    officer.window.findChild<QListWidget*>("agendaList")->setCurrentRow(0);
    QTRY_VERIFY_WITH_TIMEOUT(theirs->toPlainText().startsWith("UI-MINUTES"), kWait);
    // An action, through the dialog.
    onModal("actionDialog", [](QDialog* d) {
      d->findChild<QLineEdit*>("actionDescription")->setText("UI-ACTION Följ upp skyddsplanen");
      d->accept();
    });
    QTest::mouseClick(w.findChild<QPushButton*>("addActionButton"), Qt::LeftButton);
    auto* actions = w.findChild<QTableWidget*>("actionTable");
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(actions, 1, "UI-ACTION Följ upp skyddsplanen") >= 0, kWait);
    shot(w, "meeting");
    // Approval, and the minutes as a PDF.
    QTest::mouseClick(w.findChild<QPushButton*>("approveButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(w.findChild<QLabel*>("approvalState")->text().startsWith("Approved"),
                             kWait);
    QTest::mouseClick(w.findChild<QPushButton*>("exportMinutesButton"), Qt::LeftButton);
    QDir outDir(QString::fromStdString(dir_.path().string()));
    const auto pdfs = outDir.entryList({"minutes-*.pdf"});
    QCOMPARE(pdfs.size(), 1);
    const auto pdf = samrad::testing::readFile(dir_.path() / pdfs.first().toStdString());
    QVERIFY(pdf.rfind("%PDF", 0) == 0);
    QVERIFY(pdf.size() > 2000);

    // An amendment after approval: a new version; every version is kept.
    summary->setPlainText("UI-MINUTES Rättelse: uppföljning om tre veckor.");
    QTest::mouseClick(w.findChild<QPushButton*>("saveMinutesButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        w.findChild<QLabel*>("approvalState")->text().contains("changed since"), kWait);
    QTest::mouseClick(w.findChild<QPushButton*>("approveButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(w.findChild<QLabel*>("approvalState")->text().contains("(version 2)"),
                             kWait);
    int versions = 0;
    onModal("versionsDialog", [&versions](QDialog* d) {
      versions = d->findChild<QTableWidget*>("versionsTable")->rowCount();
      d->reject();
    });
    QTest::mouseClick(w.findChild<QPushButton*>("approvalVersionsButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(versions, 2, kWait);

    // The advice request from Lillby, answered; the requester reads the answer.
    w.showPage("advice");
    auto* inbox = w.findChild<QTableWidget*>("adviceTable");
    QTRY_COMPARE_WITH_TIMEOUT(inbox->rowCount(), 1, kWait);
    inbox->selectRow(0);
    QVERIFY(w.findChild<QTextBrowser*>("adviceDetail")->toPlainText().contains("ekonomiskt våld"));
    shot(w, "advice");
    w.findChild<QPlainTextEdit*>("adviceAnswer")
        ->setPlainText("UI-ANSWER Kontakta våldsstödjaren.");
    QTest::mouseClick(w.findChild<QPushButton*>("sendAnswerButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(inbox->item(0, 3)->text(), QString("Answered"), kWait);
    Client lillby(endpoint_, dir_.path() / "demo" / "profiles" / "lillby");
    unlock(lillby, passphrase_);
    QTRY_VERIFY_WITH_TIMEOUT(lillby.workspace.unlocked(), kWait);
    QCOMPARE(lillby.window.currentPage(), QString("advice"));
    auto* mine = lillby.window.findChild<QTableWidget*>("adviceTable");
    QTRY_COMPARE_WITH_TIMEOUT(mine->rowCount(), 1, kWait);
    mine->selectRow(0);
    QTRY_VERIFY_WITH_TIMEOUT(
        lillby.window.findChild<QTextBrowser*>("adviceDetail")->toPlainText().contains("UI-ANSWER"),
        kWait);
    // The requester asks again; a question that names the person is held back.
    auto* ask = lillby.window.findChild<QPushButton*>("askButton");
    auto* question = lillby.window.findChild<samrad::app::DeidCheck*>("adviceQuestion");
    auto* checkButton = question->findChild<QPushButton*>("deidCheckButton");
    question->findChild<QPlainTextEdit*>("deidText")
        ->setPlainText("Hur hjälper vi Anna Berg, 811218-9876, som bor på Storgatan 3?");
    QVERIFY2(checkButton->isEnabled() && checkButton->isVisible(),
             qPrintable(whatIsShown(lillby, checkButton)));
    QTest::mouseClick(checkButton, Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(question->findChild<QTableWidget*>("deidFindings")->rowCount() >= 2,
                              qPrintable(whatIsShown(lillby, checkButton) + " | summary: " +
                                         question->findChild<QLabel*>("deidSummary")->text()),
                              kWait);
    QVERIFY(!ask->isEnabled());
    question->findChild<QPlainTextEdit*>("deidText")
        ->setPlainText("UI-ASK Hur når vi en äldre kvinna som inte vill ta emot hemtjänst?");
    QTest::mouseClick(question->findChild<QPushButton*>("deidCheckButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(ask->isEnabled(), kWait);
    lillby.window.findChild<QLineEdit*>("adviceOrganisation")->setText("Lillby kommun");
    QTest::mouseClick(ask, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(mine->rowCount(), 2, kWait);

    // The register and members pages show what the lawyer and coordinator need.
    w.showPage("register");
    QTRY_VERIFY_WITH_TIMEOUT(w.findChild<QTableWidget*>("registerTable")->rowCount() >= 2, kWait);
    QVERIFY(w.findChild<QLabel*>("logState")->text().startsWith("Verified"));
    shot(w, "register");
    // The audit bundle for the last month: exported, verified here against
    // the keys this device holds, and a changed byte named with its file.
    auto* registerMessage = w.findChild<QLabel*>("registerMessage");
    QTest::mouseClick(w.findChild<QPushButton*>("exportAuditButton"), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(registerMessage->text().contains("audit bundle was written"),
                              qPrintable(registerMessage->text()), kWait);
    const QDate today = QDate::currentDate();
    const auto bundle = dir_.path() / QString("samrad-audit-%1-%2")
                                          .arg(today.addMonths(-1).toString("yyyy-MM-dd"),
                                               today.toString("yyyy-MM-dd"))
                                          .toStdString();
    QVERIFY(std::filesystem::exists(bundle / "manifest"));
    const auto openBefore = openFile_;
    openFile_ = bundle / "manifest";
    QTest::mouseClick(w.findChild<QPushButton*>("verifyAuditButton"), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(registerMessage->text().contains("The bundle verifies"),
                              qPrintable(registerMessage->text()), kWait);
    const QString report = w.findChild<QPlainTextEdit*>("auditReport")->toPlainText();
    QVERIFY2(report.contains("onsent"), qPrintable(report));
    {
      std::fstream f(bundle / "register.txt", std::ios::in | std::ios::out | std::ios::binary);
      f.seekg(20);
      const char c = static_cast<char>(f.get());
      f.seekp(20);
      f.put(static_cast<char>(c ^ 0x01));
    }
    QTest::mouseClick(w.findChild<QPushButton*>("verifyAuditButton"), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(registerMessage->text().contains("does NOT verify"),
                              qPrintable(registerMessage->text()), kWait);
    QVERIFY2(registerMessage->text().contains("register.txt"), qPrintable(registerMessage->text()));
    openFile_ = openBefore;
    w.showPage("members");
    QCOMPARE(w.findChild<QTableWidget*>("memberTable")->rowCount(), 4);
    QVERIFY(!w.findChild<QLabel*>("safetyQr")->pixmap().isNull());
    shot(w, "members");

    // Statistics, computed here: real charts on screen, small counts hidden in exports.
    w.showPage("statistics");
    auto* figures = w.findChild<QLabel*>("statisticsFigures");
    QTRY_VERIFY_WITH_TIMEOUT(figures->text().contains("Cases referred"), kWait);
    QVERIFY2(figures->text().contains("Cases referred: <b>5</b>"), qPrintable(figures->text()));
    QVERIFY2(figures->text().contains("followed up: <b>2</b>"), qPrintable(figures->text()));
    QVERIFY2(QRegularExpression("median <b>\\d+\\.\\d</b>").match(figures->text()).hasMatch(),
             qPrintable(figures->text()));
    {
      // In Swedish the median has a decimal comma.
      const QLocale before;
      QLocale::setDefault(QLocale(QLocale::Swedish, QLocale::Sweden));
      w.showPage("overview");
      w.showPage("statistics");
      QTRY_VERIFY2_WITH_TIMEOUT(
          QRegularExpression("<b>\\d+,\\d</b>").match(figures->text()).hasMatch(),
          qPrintable(figures->text()), kWait);
      QLocale::setDefault(before);
      w.showPage("overview");
      w.showPage("statistics");
      QTRY_VERIFY_WITH_TIMEOUT(figures->text().contains("Cases referred"), kWait);
    }
    auto* months = w.findChild<QChartView*>("monthsChart");
    QVERIFY(months->chart() != nullptr && !months->chart()->series().isEmpty());
    shot(w, "statistics");
    QTest::mouseClick(w.findChild<QPushButton*>("statisticsCsvButton"), Qt::LeftButton);
    QTest::mouseClick(w.findChild<QPushButton*>("statisticsPngButton"), Qt::LeftButton);
    QTest::mouseClick(w.findChild<QPushButton*>("statisticsReportButton"), Qt::LeftButton);
    const QString year = QString::number(QDate::currentDate().year());
    const auto csv =
        samrad::testing::readFile(dir_.path() / ("statistics-" + year + ".csv").toStdString());
    QVERIFY2(csv.find("cases,all,count,5\n") != std::string::npos, csv.c_str());
    QVERIFY(csv.find("advice_by_organisation,social_services,count,<5\n") != std::string::npos);
    QImage png(QString::fromStdString(
        (dir_.path() / ("statistics-" + year + ".png").toStdString()).string()));
    QVERIFY(!png.isNull() && png.width() >= 1600);
    QVERIFY(
        samrad::testing::readFile(dir_.path() / ("yearly-report-" + year + ".pdf").toStdString())
            .rfind("%PDF", 0) == 0);

    // What the window does when verification fails (detection itself is
    // proven in the replica and log-monitor tests): a red banner, and no work.
    emit officer.workspace.verificationFailed("verify.log_forked");
    QTRY_VERIFY_WITH_TIMEOUT(officer.window.findChild<QLabel*>("verificationBanner")->isVisible(),
                             kWait);
    QVERIFY(!officer.window.findChild<QWidget*>("meetingPage")->isEnabled());
    QVERIFY(officer.window.findChild<QMessageBox*>("verificationAlarm") != nullptr);

    // Left alone, the client locks itself and forgets the keys.
    coord.window.setAutoLock(300);
    QTest::mouseMove(&coord.window);
    QTRY_VERIFY_WITH_TIMEOUT(!coord.workspace.unlocked(), 5000);
    QVERIFY(w.findChild<QLabel*>("unlockMessage")->text().contains("locked itself"));
  }

  // Locking leaves nothing of the group behind: a referral half typed in its
  // dialog (a name, a personnummer) is emptied and closed, the pages hold
  // no case, and the client locks on Ctrl+L, when the computer's session
  // locks and before it sleeps (logind's signals, on a bus of the test's own).
  void lockingLeavesNothingOfTheGroupOnScreen() {
    Client coord(endpoint_, dir_.path() / "demo" / "profiles" / "samordnare");
    auto& w = coord.window;
    QProcess bus;
    bus.start("dbus-daemon", {"--session", "--nofork", "--print-address"});
    QVERIFY2(bus.waitForStarted(10000), "dbus-daemon (deploy/install-deps.sh installs it)");
    QVERIFY(bus.waitForReadyRead(10000));
    const QString address = QString::fromUtf8(bus.readLine()).trimmed();
    auto conn = QDBusConnection::connectToBus(address, "samrad-test-session-bus");
    QVERIFY2(conn.isConnected(), qPrintable(address));
    QVERIFY(w.watchSessionLock(conn));

    unlock(coord, passphrase_);
    QTRY_VERIFY_WITH_TIMEOUT(coord.workspace.unlocked(), kWait);
    // The sections from the keyboard (#27 item 7).
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTest::keyClick(&w, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(w.currentPage(), QString("meetings"));
    // Minutes typed and not saved: gone with the lock, never to reappear
    // under another item.
    auto* minutes = w.findChild<QPlainTextEdit*>("minutesSummary");
    QTRY_VERIFY_WITH_TIMEOUT(minutes->isEnabled(), kWait);
    minutes->setPlainText("LOCK-MINUTES unsaved words");
    QTest::keyClick(&w, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(w.currentPage(), QString("cases"));
    QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(w.findChild<QWidget*>("caseFilter")->hasFocus());
    auto* cases = w.findChild<QTableWidget*>("caseTable");
    QTRY_VERIFY_WITH_TIMEOUT(cases->rowCount() > 0, kWait);
    cases->selectRow(0);
    const QString number = cases->item(0, 0)->text();
    auto* detail = w.findChild<QTextBrowser*>("caseDetail");
    QTRY_VERIFY_WITH_TIMEOUT(!detail->toPlainText().isEmpty(), kWait);
    const QString brief = detail->toPlainText().section('\n', -1).trimmed().left(40);
    QTest::keyClick(&w, Qt::Key_N, Qt::ControlModifier);  // a new referral
    QPointer<QDialog> referral = w.findChild<samrad::app::ReferralDialog*>("referralDialog");
    QVERIFY(referral != nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(referral->isVisible(), kWait);
    referral->findChild<QLineEdit*>("caseNumber")->setText("LOCK-NUMBER-77");
    auto* text = referral->findChild<QPlainTextEdit*>("deidText");
    text->setPlainText("LOCK-SECRET Amira Haddad, 760412-3351, bor på Norra Strandgatan 4.");
    QTest::mouseClick(referral->findChild<QPushButton*>("deidCheckButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(referral->findChild<QTableWidget*>("deidFindings")->rowCount() > 0,
                             kWait);
    const QStringList secrets{"LOCK-SECRET", "LOCK-NUMBER", "Amira",
                              "760412",      number,        "LOCK-MINUTES"};
    QVERIFY(!containing(textsOf(&w), secrets).isEmpty());  // all there before

    // Ctrl+L, typed in the referral.
    text->setFocus();
    QTest::keyClick(text, Qt::Key_L, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!coord.workspace.unlocked(), kWait);
    QTRY_VERIFY_WITH_TIMEOUT(referral.isNull() || !referral->isVisible(), kWait);
    if (!referral.isNull()) QVERIFY(text->toPlainText().isEmpty());
    QCOMPARE(containing(textsOf(&w), secrets), QStringList{});
    if (!brief.isEmpty()) QCOMPARE(containing(textsOf(&w), {brief}), QStringList{});
    QVERIFY(w.findChild<QWidget*>("unlockPage")->isVisible());

    // The lock screen says whose profile it is, in words: no hex ids, no
    // folder paths.
    auto* unlockPage = w.findChild<QWidget*>("unlockPage");
    QCOMPARE(w.findChild<QLabel*>("profileOwner")->text(),
             QString("Socialtjänsten Nordstad · Coordinator"));
    const QRegularExpression hex("[0-9a-f]{16}");
    for (const QString& t : textsOf(unlockPage)) {
      QVERIFY2(!hex.match(t).hasMatch(), qPrintable(t));
      QVERIFY2(!t.contains(QString::fromStdString(dir_.path().string())), qPrintable(t));
    }
    // The passphrase can be shown, and Caps Lock is noticed.
    auto* field = w.findChild<QLineEdit*>("passphrase");
    QCOMPARE(field->echoMode(), QLineEdit::Password);
    w.findChild<QCheckBox*>("showPassphrase")->setChecked(true);
    QCOMPARE(field->echoMode(), QLineEdit::Normal);
    auto* caps = w.findChild<QLabel*>("capsLockWarning");
    QTest::keyClick(field, Qt::Key_A, Qt::NoModifier);  // a lowercase "a"
    QVERIFY(caps->isHidden());
    QTest::keyClicks(field, "K");  // an uppercase letter without Shift
    QVERIFY(!caps->isHidden());
    QTest::keyClick(field, Qt::Key_B, Qt::NoModifier);
    QVERIFY(caps->isHidden());

    // The computer's session locks: so does Samråd.
    unlock(coord, passphrase_);
    QTRY_VERIFY_WITH_TIMEOUT(coord.workspace.unlocked(), kWait);
    QVERIFY(conn.send(QDBusMessage::createSignal("/org/freedesktop/login1/session/_32",
                                                 "org.freedesktop.login1.Session", "Lock")));
    QTRY_VERIFY_WITH_TIMEOUT(!coord.workspace.unlocked(), kWait);
    QVERIFY(w.findChild<QLabel*>("unlockMessage")->text().contains("computer was locked"));
    QCOMPARE(containing(textsOf(&w), secrets), QStringList{});

    // GNOME's own lock: the session's LockedHint turns true.
    unlock(coord, passphrase_);
    QTRY_VERIFY_WITH_TIMEOUT(coord.workspace.unlocked(), kWait);
    auto hint = QDBusMessage::createSignal("/org/freedesktop/login1/session/_32",
                                           "org.freedesktop.DBus.Properties", "PropertiesChanged");
    hint << QString("org.freedesktop.login1.Session")
         << QVariantMap{{"LockedHint", QVariant::fromValue(true)}} << QStringList{};
    QVERIFY(conn.send(hint));
    QTRY_VERIFY_WITH_TIMEOUT(!coord.workspace.unlocked(), kWait);

    // Waking up does not lock; going to sleep does.
    unlock(coord, passphrase_);
    QTRY_VERIFY_WITH_TIMEOUT(coord.workspace.unlocked(), kWait);
    auto sleep = [](bool starting) {
      auto m = QDBusMessage::createSignal("/org/freedesktop/login1",
                                          "org.freedesktop.login1.Manager", "PrepareForSleep");
      m << starting;
      return m;
    };
    QVERIFY(conn.send(sleep(false)));
    QTest::qWait(500);
    QVERIFY(coord.workspace.unlocked());
    QVERIFY(conn.send(sleep(true)));
    QTRY_VERIFY_WITH_TIMEOUT(!coord.workspace.unlocked(), kWait);

    QDBusConnection::disconnectFromBus("samrad-test-session-bus");
    bus.kill();
    bus.waitForFinished(5000);
  }

  // The server is away (a train, a cable): the coordinator still opens the
  // group from the encrypted copy on the computer, reads it, writes — the
  // change waits in the outbox, and says so — and once the server is back
  // the client logs in by itself and sends it.
  void opensFromItsCopyWhenTheServerIsAway() {
    Client coord(endpoint_, dir_.path() / "demo" / "profiles" / "samordnare");
    auto& w = coord.window;
    const int port = server_->port();
    server_->shutdown(std::chrono::seconds(1));
    server_.reset();
    unlock(coord, passphrase_);
    QTRY_VERIFY2_WITH_TIMEOUT(coord.workspace.unlocked(),
                              qPrintable(w.findChild<QLabel*>("unlockMessage")->text()), kWait);
    QCOMPARE(coord.workspace.syncState(), WorkspaceController::SyncState::Offline);
    QVERIFY(w.findChild<QLabel*>("syncState")->text().contains("Offline"));
    w.showPage("cases");
    QTRY_VERIFY_WITH_TIMEOUT(w.findChild<QTableWidget*>("caseTable")->rowCount() > 0, kWait);

    const auto note = samrad::crypto::ObjectId::random();
    QSignalSpy failed(&coord.workspace, &WorkspaceController::operationFailed);
    coord.workspace.run("Anteckning", [note](samrad::client::Workspace& ws) -> samrad::Status {
      SAMRAD_TRY(ws.replica().write(note, "note", samrad::crypto::asBytes("OFFLINE-NOTE")));
      return ws.send();
    });
    QVERIFY(failed.wait(kWait));
    QVERIFY2(failed.last().at(1).toString().contains("sent when the connection is back"),
             qPrintable(failed.last().at(1).toString()));

    // The server is back on its address.
    auto again = config_;
    again.listen = "127.0.0.1:" + std::to_string(port);
    auto server = samrad::server::app::ServerApp::start(again);
    QVERIFY2(server.ok(), server.ok() ? "" : server.error().describe().c_str());
    server_ = std::move(*server);
    QTRY_COMPARE_WITH_TIMEOUT(coord.workspace.syncState(), WorkspaceController::SyncState::UpToDate,
                              kWait);
    std::atomic<int> pending{-1};
    coord.workspace.run(QString(), [note, &pending](samrad::client::Workspace& ws) {
      const auto o = ws.replica().object(note);
      pending = o && !o->pending ? 0 : 1;
      return samrad::okStatus();
    });
    QTRY_COMPARE_WITH_TIMEOUT(pending.load(), 0, kWait);
  }

  // A newcomer from the police on a new computer: profile, enrolment with
  // the administrator's certificate and code, added by the coordinator from
  // the member card in the coordinator's client, then into the group.
  void aNewcomerSetsUpTheirComputer() {
    const auto demo = dir_.path() / "demo";
    std::string line;
    {
      std::ifstream in(demo / "agencies.txt");
      for (std::string l; std::getline(in, l);) {
        if (l.rfind("pol ", 0) == 0) line = l;
      }
    }
    QVERIFY(!line.empty());
    const QString agencyLine = QString::fromStdString(line);
    auto field = [&](const QString& name) {
      const QString rest = agencyLine.section(name + "=", 1);
      return name == "name" ? rest.trimmed() : rest.section(' ', 0, 0);
    };

    Client newcomer(endpoint_, dir_.path() / "newcomer");
    newcomer.workspace.setKdf(samrad::client::kKdfFloor);
    auto& w = newcomer.window;
    QVERIFY(w.settingUp());
    w.findChild<QLineEdit*>("enrolAgencyId")->setText(field("agency"));
    w.findChild<QLineEdit*>("enrolAgencyRoot")->setText(field("root"));
    w.findChild<QLineEdit*>("enrolAgencyName")->setText(field("name"));
    QCOMPARE(w.findChild<QLabel*>("enrolRootSafety")->text().count(' '), 5);  // six groups
    auto* pass = w.findChild<QLineEdit*>("enrolPassphrase");
    pass->setText("kort");
    QVERIFY(w.findChild<QLabel*>("passphraseHint")->text().startsWith("Too short"));
    pass->setText("fyra ord som ingen gissar");
    QCOMPARE(w.findChild<QLabel*>("passphraseHint")->text(), QString("Strong."));
    w.findChild<QLineEdit*>("enrolPassphraseAgain")->setText("fyra ord som ingen gissar");
    QTest::mouseClick(w.findChild<QPushButton*>("createProfileButton"), Qt::LeftButton);
    auto* request = w.findChild<QPlainTextEdit*>("identityRequest");
    QTRY_VERIFY_WITH_TIMEOUT(request->toPlainText().contains("identity_key="), kWait);
    QVERIFY(!w.findChild<QLabel*>("personalSafety")->text().isEmpty());
    shot(w, "enrol");

    // The administrator registers them and hands back a certificate and a code.
    std::ofstream(dir_.path() / "newcomer.request") << request->toPlainText().toStdString();
    QProcess admin;
    admin.setProcessChannelMode(QProcess::MergedChannels);
    admin.start(
        SAMRAD_CLI_BIN,
        {"--server", QString::fromStdString(endpoint_.target), "--ca",
         QString::fromStdString(pki_.caCert.string()), "--profile",
         QString::fromStdString((demo / "profiles" / "pol-admin").string()), "--passphrase-file",
         QString::fromStdString((demo / "passphrase").string()), "user", "register", "--request",
         QString::fromStdString((dir_.path() / "newcomer.request").string()), "--out",
         QString::fromStdString((dir_.path() / "newcomer.cert").string())});
    QVERIFY(admin.waitForFinished(60000));
    const QString out = QString::fromUtf8(admin.readAll());
    QVERIFY2(admin.exitCode() == 0, qPrintable(out));
    const QString code = out.section("code=", 1).trimmed();
    openFile_ = dir_.path() / "newcomer.cert";
    QTest::mouseClick(w.findChild<QPushButton*>("chooseCertificate"), Qt::LeftButton);
    auto* message = w.findChild<QLabel*>("enrolMessage");
    w.findChild<QLineEdit*>("enrolCode")->setText("000000");
    QTest::mouseClick(w.findChild<QPushButton*>("enrolButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!message->text().startsWith("Enrolling"), kWait);
    QVERIFY2(message->text().contains("one-time code"), qPrintable(message->text()));
    QVERIFY(w.findChild<QPlainTextEdit*>("memberCard")->toPlainText().isEmpty());  // a wrong code
    w.findChild<QLineEdit*>("enrolCode")->setText(code);
    QTest::mouseClick(w.findChild<QPushButton*>("enrolButton"), Qt::LeftButton);
    auto* card = w.findChild<QPlainTextEdit*>("memberCard");
    QTRY_VERIFY_WITH_TIMEOUT(!card->toPlainText().isEmpty(), kWait);

    // The coordinator adds them from the card, in the coordinator's client.
    std::ofstream(dir_.path() / "newcomer.card") << card->toPlainText().toStdString();
    Client coord(endpoint_, demo / "profiles" / "samordnare");
    unlock(coord, passphrase_);
    QTRY_VERIFY_WITH_TIMEOUT(coord.workspace.unlocked(), kWait);
    coord.window.showPage("members");
    auto* members = coord.window.findChild<QTableWidget*>("memberTable");
    const int before = members->rowCount();
    openFile_ = dir_.path() / "newcomer.card";
    QTest::mouseClick(coord.window.findChild<QPushButton*>("addMemberButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(members->rowCount(), before + 1, kWait);

    // The coordinator saves the group's agency keys for them; without them
    // the newcomer's computer would not trust the other agencies' members.
    QTest::mouseClick(coord.window.findChild<QPushButton*>("saveAgencyKeysButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(std::filesystem::exists(dir_.path() / "agency-keys.txt"), kWait);
    w.findChild<QPlainTextEdit*>("joinAgencyKeys")
        ->setPlainText(
            QString::fromStdString(samrad::testing::readFile(dir_.path() / "agency-keys.txt")));
    QVERIFY(
        w.findChild<QLabel*>("joinAgencySafety")->text().contains("Lillby kommun: safety number"));
    // The newcomer joins with the group's id and sees the group.
    w.findChild<QLineEdit*>("joinGroupId")
        ->setText(QString::fromStdString(coord.workspace.snapshot().groupId));
    QTest::mouseClick(w.findChild<QPushButton*>("joinGroupButton"), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(newcomer.workspace.unlocked(), qPrintable(message->text()), kWait);
    QVERIFY(!w.settingUp());
    QCOMPARE(w.currentPage(), QString("overview"));
    QCOMPARE(newcomer.workspace.snapshot().groupCode, coord.workspace.snapshot().groupCode);
  }

  void cleanupTestCase() {
    server_.reset();
    auto scan = samrad::testing::scanStoreFor(
        dir_.path() / "var",
        {"UI-SECRET", "Maria Holm", "UI-MINUTES", "UI-ACTION", "UI-ANSWER", "UI-WORDS", "UI-ASK",
         "30-årsåldern", "riskbedömning", "ekonomiskt våld"});
    QVERIFY2(scan.ok(), scan.ok() ? "" : scan.error().describe().c_str());
    QVERIFY(scan->cells > 100);
    QCOMPARE(scan->findings, std::vector<std::string>{});
  }

 private:
  void unlock(Client& c, const QString& pass) {
    auto* field = c.window.findChild<QLineEdit*>("passphrase");
    QTRY_VERIFY_WITH_TIMEOUT(field->isEnabled(), kWait);
    field->clear();
    field->insert(pass);  // keyClicks cannot type å, ä, ö
    QTest::mouseClick(c.window.findChild<QPushButton*>("unlockButton"), Qt::LeftButton);
  }

  // What a person would see when a step did not happen: for a failure message.
  static QString whatIsShown(Client& c, QWidget* target) {
    const auto* banner = c.window.findChild<QLabel*>("verificationBanner");
    const QWidget* modal = QApplication::activeModalWidget();
    const QRect g = target->geometry();
    return QStringLiteral("page %1; %2 enabled=%3 visible=%4 size %7x%8; banner %5; modal %6")
        .arg(c.window.currentPage(), target->objectName())
        .arg(target->isEnabled())
        .arg(target->isVisible())
        .arg(banner->isVisible() ? banner->text() : QStringLiteral("hidden"),
             modal != nullptr ? modal->objectName() + " " + modal->windowTitle()
                              : QStringLiteral("none"))
        .arg(g.width())
        .arg(g.height());
  }

  void shot(QWidget& w, const char* name) {
    if (const QString dir = qEnvironmentVariable("SAMRAD_SCREENSHOT_DIR"); !dir.isEmpty()) {
      QDir().mkpath(dir);
      QTest::qWait(200);
      w.grab().save(dir + "/test_" + name + ".png");
    }
  }

  samrad::testing::TempDir dir_;
  samrad::testing::DevPki pki_;
  std::unique_ptr<samrad::server::app::ServerApp> server_;
  samrad::server::app::ServerConfig config_;
  samrad::client::ServerEndpoint endpoint_;
  QString passphrase_;
  std::filesystem::path openFile_;  // what the next "choose a file" answers
};

SAMRAD_QTEST_MAIN(WorkflowTest)
#include "workflow_test.moc"
