// The de-identification check as a person uses it, on the offscreen platform:
// findings marked with reasons, replacements accepted or kept one by one, the
// risk estimate, and "ready" only when every finding is decided and the risk
// is not high. Set SAMRAD_SCREENSHOT_DIR to save what it looks like (sv, en).
#include "deid_check.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QTranslator>

using samrad::app::DeidCheck;

namespace {

const char* kBrief =
    "Kvinnan, Anna Svensson (850612-1238), bor på Storgatan 12B i Östersund. Hennes sambo "
    "hotade henne den 3 mars 2023 enligt polisanmälan. Hon nås på 070-123 45 67. Dottern går "
    "i förskoleklass och familjen har kontakt med socialtjänsten sedan i höstas.";

std::shared_ptr<const samrad::deid::Lexicon> lexicon() {
  static auto lex =
      std::make_shared<const samrad::deid::Lexicon>(samrad::deid::Lexicon::standard());
  return lex;
}

void screenshot(QWidget& w, const QString& name) {
  const QString dir = qEnvironmentVariable("SAMRAD_SCREENSHOT_DIR");
  if (dir.isEmpty()) return;
  QDir().mkpath(dir);
  w.grab().save(dir + "/" + name + ".png");
}

}  // namespace

class DeidCheckTest : public QObject {
  Q_OBJECT

 private slots:
  void findsReplacesAndBecomesReadyOnlyWhenEverythingIsDecided() {
    DeidCheck check(lexicon());
    check.resize(1100, 640);
    check.show();
    QSignalSpy ready(&check, &DeidCheck::readinessChanged);
    check.setText(QString::fromUtf8(kBrief));
    QTest::mouseClick(check.findChild<QPushButton*>("deidCheckButton"), Qt::LeftButton);
    auto* table = check.findChild<QTableWidget*>("deidFindings");
    QCOMPARE(table->rowCount(), 6);  // name, personnummer, address, place, date, phone
    QCOMPARE(table->item(0, 2)->text(), QString("Anna Svensson"));
    QCOMPARE(table->item(1, 1)->text(),
             DeidCheck::typeLabel(samrad::deid::FindingType::Personnummer));
    QVERIFY(!check.readyToSubmit());
    QVERIFY(check.findChild<QLabel*>("deidSummary")->text().contains("6"));

    // The person keeps the date (it matters for the risk assessment) and
    // replaces the rest.
    table->item(4, 0)->setCheckState(Qt::Unchecked);
    QTest::mouseClick(check.findChild<QPushButton*>("deidApplyButton"), Qt::LeftButton);
    const QString after = check.text();
    QVERIFY(after.contains("[NAMN]"));
    QVERIFY(after.contains("[PERSONNUMMER]"));
    QVERIFY(after.contains("[TELEFON]"));
    QVERIFY(after.contains("[ORT]"));
    QVERIFY(after.contains("3 mars 2023"));
    QVERIFY(!after.contains("Svensson"));
    QCOMPARE(table->rowCount(), 1);  // the kept date, shown unticked
    QCOMPARE(table->item(0, 0)->checkState(), Qt::Unchecked);
    QVERIFY(check.readyToSubmit());
    QVERIFY(ready.count() >= 1);

    // Any edit needs a new check before it can be sent.
    check.findChild<QPlainTextEdit*>("deidText")->appendPlainText("Ring Lena på 08-123 456 78.");
    QVERIFY(!check.readyToSubmit());
    QTest::mouseClick(check.findChild<QPushButton*>("deidCheckButton"), Qt::LeftButton);
    QVERIFY(!check.readyToSubmit());
    QCOMPARE(table->rowCount(), 3);
  }

  void aHighRiskBlocksEvenAClearText() {
    DeidCheck check(lexicon());
    check.show();
    check.setText("Kvinnan har fått stöd av socialtjänsten under hösten.");
    QTest::mouseClick(check.findChild<QPushButton*>("deidCheckButton"), Qt::LeftButton);
    QVERIFY(check.readyToSubmit());
    check.findChild<QLineEdit*>("deidMunicipality")->setText("Uppvidinge");
    check.findChild<QLineEdit*>("deidCounty")->setText("Kronobergs län");
    check.findChild<QSpinBox*>("deidPopulation")->setValue(9600);
    check.findChild<QComboBox*>("deidSex")->setCurrentIndex(1);
    check.findChild<QCheckBox*>("deidBirthDate")->setChecked(true);
    QCOMPARE(check.riskLevel(), samrad::deid::RiskLevel::High);
    QVERIFY(!check.readyToSubmit());
    QVERIFY(check.findChild<QLabel*>("deidRiskDetail")->text().contains("Kronobergs län"));
    check.findChild<QCheckBox*>("deidBirthDate")->setChecked(false);
    check.findChild<QSpinBox*>("deidPopulation")->setValue(600000);
    QVERIFY(check.readyToSubmit());
  }

  void reasonsInTheClientsLanguageAndPseudonymsThatStayWithTheCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    DeidCheck check(lexicon());
    check.show();
    check.setText(QString::fromUtf8("Grannen Milica ringde från Föllinge."));
    QTest::mouseClick(check.findChild<QPushButton*>("deidCheckButton"), Qt::LeftButton);
    auto* table = check.findChild<QTableWidget*>("deidFindings");
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 4)->text(),
             QString("name after a word for a person (e.g. partner, neighbour, interpreter)"));
    QLocale::setDefault(QLocale(QLocale::Swedish, QLocale::Sweden));
    QTest::mouseClick(check.findChild<QPushButton*>("deidCheckButton"), Qt::LeftButton);
    QCOMPARE(table->item(0, 4)->text(),
             QString::fromUtf8("namn efter ett ord om en person (t.ex. sambon, grannen, tolken)"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));

    // The case's book from an earlier brief: Milica is already Person A.
    auto book = std::make_shared<samrad::deid::PseudonymBook>();
    samrad::deid::Finding earlier;
    earlier.type = samrad::deid::FindingType::Name;
    earlier.text = "Sara";
    book->pseudonymFor(earlier);
    earlier.text = "Milica";
    book->pseudonymFor(earlier);
    check.setPseudonymBook(book);
    check.findChild<QCheckBox*>("deidPseudonyms")->setChecked(true);
    QCOMPARE(table->item(0, 3)->text(), QString("Person B"));
    QCOMPARE(table->item(1, 3)->text(), QString("Ort 1"));
    QTest::mouseClick(check.findChild<QPushButton*>("deidApplyButton"), Qt::LeftButton);
    QCOMPARE(check.text(), QString::fromUtf8("Grannen Person B ringde från Ort 1."));
    QVERIFY(check.readyToSubmit());
    QVERIFY(check.review().kept.empty());
    QCOMPARE(book->size(), std::size_t{3});  // Sara, Milica, Föllinge
  }

  void looksRightInSwedishAndEnglish() {
    for (const QString lang : {"sv", "en"}) {
      QTranslator sv;
      if (lang == "sv") {
        QVERIFY(sv.load(":/i18n/samrad_sv.qm"));
        QApplication::installTranslator(&sv);
      }
      QLocale::setDefault(lang == "sv" ? QLocale(QLocale::Swedish, QLocale::Sweden)
                                       : QLocale(QLocale::English, QLocale::UnitedKingdom));
      DeidCheck check(lexicon());
      check.resize(1100, 640);
      check.show();
      check.setText(QString::fromUtf8(kBrief));
      check.findChild<QLineEdit*>("deidMunicipality")->setText("Uppvidinge");
      check.findChild<QLineEdit*>("deidCounty")->setText("Kronobergs län");
      check.findChild<QSpinBox*>("deidPopulation")->setValue(9600);
      check.findChild<QComboBox*>("deidSex")->setCurrentIndex(1);
      check.findChild<QSpinBox*>("deidAge")->setValue(34);
      QTest::mouseClick(check.findChild<QPushButton*>("deidCheckButton"), Qt::LeftButton);
      if (lang == "sv") {
        QCOMPARE(check.findChild<QPushButton*>("deidCheckButton")->text(),
                 QString::fromUtf8("Granska texten"));
      }
      QTest::qWait(50);
      screenshot(check, "deid_check_" + lang);
      if (lang == "sv") QApplication::removeTranslator(&sv);
    }
  }
};

QTEST_MAIN(DeidCheckTest)
#include "deid_check_test.moc"
