// The questions before what cannot be taken back (#27 item 5), on the
// offscreen platform: verb-labelled buttons, the act set apart, no default —
// Enter does nothing, Escape keeps; Enter in the withdrawal's note field
// does not withdraw; Qt's own buttons speak Swedish.
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QTranslator>

#include "case_dialogs.h"
#include "qtest_main.h"
#include "samrad/testing/support.h"
#include "ui_util.h"
#include "workspace_controller.h"

namespace {

// Runs `act` on the modal dialog as soon as it is shown.
void whenShown(std::function<void(QDialog*)> act) {
  auto* timer = new QTimer();
  timer->setInterval(20);
  QObject::connect(timer, &QTimer::timeout, [timer, act] {
    auto* d = qobject_cast<QDialog*>(QApplication::activeModalWidget());
    if (d == nullptr || d->objectName() != "dangerDialog") return;
    timer->stop();
    timer->deleteLater();
    act(d);
  });
  timer->start();
}

}  // namespace

class DialogsTest : public QObject {
  Q_OBJECT

 private slots:
  void aDangerousActAsksWithVerbsAndNoDefault() {
    bool enterDidNothing = false;
    whenShown([&](QDialog* d) {
      auto* act = d->findChild<QPushButton*>("dangerAct");
      auto* keep = d->findChild<QPushButton*>("dangerKeep");
      QCOMPARE(act->text(), QString("Cancel the meeting"));
      QCOMPARE(keep->text(), QString("Keep the meeting"));
      QVERIFY(!act->isDefault() && !act->autoDefault());
      QVERIFY(!keep->isDefault() && !keep->autoDefault());
      // Set apart: the act on the left, keeping on the right.
      QVERIFY(act->geometry().right() < keep->geometry().left() - 50);
      if (const QString dir = qEnvironmentVariable("SAMRAD_SCREENSHOT_DIR"); !dir.isEmpty()) {
        d->grab().save(dir + "/test_danger_dialog.png");
      }
      QTest::keyClick(d, Qt::Key_Return);
      QTest::keyClick(act, Qt::Key_Return);
      enterDidNothing = d->isVisible();
      QTest::keyClick(d, Qt::Key_Escape);
    });
    QVERIFY(!samrad::app::confirmDanger(nullptr, "Cancel the meeting",
                                        "Cancel the meeting of 12 May?", "Cancel the meeting",
                                        "Keep the meeting"));
    QVERIFY(enterDidNothing);
    whenShown([](QDialog* d) {
      QTest::mouseClick(d->findChild<QPushButton*>("dangerAct"), Qt::LeftButton);
    });
    QVERIFY(samrad::app::confirmDanger(nullptr, "Cancel the meeting", "Cancel?",
                                       "Cancel the meeting", "Keep the meeting"));
  }

  void enterInTheWithdrawalNoteDoesNotWithdraw() {
    samrad::testing::TempDir dir;
    samrad::app::WorkspaceController workspace({"127.0.0.1:1", "", ""}, dir.path() / "profile");
    samrad::client::CaseRecord c;
    c.id = samrad::crypto::CaseId::random();
    c.number = "NRS-2026-060";
    samrad::app::WithdrawDialog d(workspace, c);
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    auto* note = d.findChild<QLineEdit*>("withdrawNote");
    note->setFocus();
    note->insert("Per telefon till handläggaren");  // keyClicks cannot type ä
    QTest::keyClick(note, Qt::Key_Return);
    QTest::qWait(300);
    // Had it been sent, the locked workspace would have answered with an
    // error under the form.
    QVERIFY(d.isVisible());
    QCOMPARE(d.result(), 0);
    QVERIFY2(d.findChild<QLabel*>("dialogError")->text().isEmpty(),
             qPrintable(d.findChild<QLabel*>("dialogError")->text()));
    for (auto* b : d.findChildren<QPushButton*>()) QVERIFY(!b->isDefault() && !b->autoDefault());
  }

  void qtsOwnButtonsSpeakSwedish() {
    QTranslator sv;
    QVERIFY(sv.load(":/i18n/samrad_sv.qm"));
    QApplication::installTranslator(&sv);
    QDialogButtonBox box(QDialogButtonBox::Cancel | QDialogButtonBox::Close | QDialogButtonBox::Ok);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text().remove('&'), QString("Avbryt"));
    QCOMPARE(box.button(QDialogButtonBox::Close)->text().remove('&'), QString("Stäng"));
    QApplication::removeTranslator(&sv);
  }
};

SAMRAD_QTEST_MAIN(DialogsTest)
#include "dialogs_test.moc"
