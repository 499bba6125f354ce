#include "deid_check.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBlock>
#include <QVBoxLayout>

#include "samrad/deid/reasons.h"

namespace samrad::app {
namespace {

// The scanner counts code points; Qt's text positions count UTF-16 units.
int utf16Offset(const QString& text, std::size_t codePoints) {
  int at = 0;
  for (std::size_t i = 0; i < codePoints && at < text.size(); ++i) {
    at += text.at(at).isHighSurrogate() && at + 1 < text.size() ? 2 : 1;
  }
  return at;
}

enum Column { ColAccept, ColType, ColText, ColReplacement, ColReason, ColCount };

}  // namespace

QString DeidCheck::typeLabel(deid::FindingType type) {
  switch (type) {
    case deid::FindingType::Personnummer:
      return tr("Personal identity number");
    case deid::FindingType::Samordningsnummer:
      return tr("Coordination number");
    case deid::FindingType::Name:
      return tr("Name");
    case deid::FindingType::Address:
      return tr("Address");
    case deid::FindingType::Postcode:
      return tr("Postcode");
    case deid::FindingType::Phone:
      return tr("Phone number");
    case deid::FindingType::Email:
      return tr("E-mail address");
    case deid::FindingType::Plate:
      return tr("Registration number");
    case deid::FindingType::Date:
      return tr("Date of birth or incident");
    case deid::FindingType::Cue:
      return tr("School, shop or workplace");
    case deid::FindingType::Place:
      return tr("Place");
  }
  return {};
}

QString DeidCheck::reasonLabel(const std::string& code) {
  const auto language =
      QLocale().language() == QLocale::Swedish ? deid::Language::Swedish : deid::Language::English;
  return QString::fromStdString(deid::reasonText(code, language));
}

QString DeidCheck::keptKey(const deid::Finding& f) {
  return QString::fromUtf8(deid::typeName(f.type).data(),
                           static_cast<qsizetype>(deid::typeName(f.type).size())) +
         QChar(0x1f) + QString::fromStdString(f.text);
}

void DeidCheck::reset() {
  kept_.clear();
  proposals_.clear();
  book_ = std::make_shared<deid::PseudonymBook>();
  checked_ = false;
  checkedText_.clear();
  findings_->setRowCount(0);
  editor_->setExtraSelections({});
  summary_->setText(tr("Not checked yet."));
  applyButton_->setEnabled(false);
  setReady(false);
}

client::DeidReview DeidCheck::review() const {
  client::DeidReview r;
  for (const auto& p : proposals_) {
    if (kept_.contains(keptKey(p.finding))) r.kept.push_back({p.finding.type, p.finding.text});
  }
  r.quasi = quasiIdentifiers();
  return r;
}

void DeidCheck::setPseudonymBook(std::shared_ptr<deid::PseudonymBook> book) {
  book_ = book ? std::move(book) : std::make_shared<deid::PseudonymBook>();
  if (checked_) check();
}

void DeidCheck::setPseudonyms(bool on) {
  pseudonyms_->setChecked(on);
}

DeidCheck::DeidCheck(std::shared_ptr<const deid::Lexicon> lexicon, QWidget* parent)
    : QWidget(parent), scanner_(std::move(lexicon)) {
  setObjectName("deidCheck");
  auto* layout = new QVBoxLayout(this);

  auto* intro = new QLabel(
      tr("Check the text before it is sent: what could point to a person is marked, and you "
         "choose, item by item, what to replace. The check does not find everything — names "
         "written in lower case or misspelt, nicknames it does not know — so read the text "
         "yourself too."),
      this);
  intro->setWordWrap(true);
  layout->addWidget(intro);

  auto* splitter = new QSplitter(Qt::Horizontal, this);
  layout->addWidget(splitter, 1);

  // Left: the text and its findings.
  auto* left = new QWidget(splitter);
  auto* leftLayout = new QVBoxLayout(left);
  leftLayout->setContentsMargins(0, 0, 0, 0);
  auto* textLabel = new QLabel(tr("Brief"), left);
  editor_ = new QPlainTextEdit(left);
  editor_->setObjectName("deidText");
  editor_->setAccessibleName(tr("Brief to check"));
  editor_->setPlaceholderText(tr("Write or paste the de-identified brief here."));
  textLabel->setBuddy(editor_);
  leftLayout->addWidget(textLabel);
  leftLayout->addWidget(editor_, 2);

  auto* buttons = new QHBoxLayout();
  checkButton_ = new QPushButton(tr("Check the text"), left);
  checkButton_->setObjectName("deidCheckButton");
  applyButton_ = new QPushButton(tr("Replace the chosen items"), left);
  applyButton_->setObjectName("deidApplyButton");
  applyButton_->setEnabled(false);
  // Before the table it changes: labels or fixed pseudonyms.
  pseudonyms_ = new QCheckBox(tr("Fixed labels (Person A, Ort 1 …)"), left);
  pseudonyms_->setObjectName("deidPseudonyms");
  pseudonyms_->setAccessibleDescription(
      tr("The same person or place gets the same label in this case's texts written on this "
         "computer. Which label stands for whom stays on this computer only and is never sent."));
  pseudonymNote_ = new QLabel(
      tr("The same person or place keeps its label in this case's texts written on this "
         "computer. Which label stands for whom stays on this computer only and is never sent."),
      left);
  pseudonymNote_->setObjectName("deidPseudonymNote");
  pseudonymNote_->setWordWrap(true);
  pseudonymNote_->setForegroundRole(QPalette::PlaceholderText);
  buttons->addWidget(checkButton_);
  buttons->addWidget(pseudonyms_, 1);
  buttons->addWidget(applyButton_);
  leftLayout->addLayout(buttons);
  leftLayout->addWidget(pseudonymNote_);

  summary_ = new QLabel(tr("Not checked yet."), left);
  summary_->setObjectName("deidSummary");
  summary_->setWordWrap(true);
  leftLayout->addWidget(summary_);

  findings_ = new QTableWidget(0, ColCount, left);
  findings_->setObjectName("deidFindings");
  findings_->setAccessibleName(tr("Findings"));
  findings_->setHorizontalHeaderLabels(
      {tr("Replace"), tr("Kind"), tr("Found"), tr("Replace with"), tr("Why")});
  findings_->horizontalHeader()->setSectionResizeMode(ColReason, QHeaderView::Stretch);
  findings_->horizontalHeader()->setSectionResizeMode(ColType, QHeaderView::ResizeToContents);
  findings_->horizontalHeader()->setSectionResizeMode(ColAccept, QHeaderView::ResizeToContents);
  findings_->verticalHeader()->setVisible(false);
  findings_->setSelectionBehavior(QAbstractItemView::SelectRows);
  findings_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  findings_->setTextElideMode(Qt::ElideNone);
  findings_->setWordWrap(true);
  leftLayout->addWidget(findings_, 2);

  // Right: what the remaining details reveal together.
  auto* right = new QGroupBox(tr("Risk of re-identification"), splitter);
  auto* form = new QFormLayout(right);
  municipality_ = new QLineEdit(right);
  municipality_->setObjectName("deidMunicipality");
  county_ = new QLineEdit(right);
  county_->setObjectName("deidCounty");
  population_ = new QSpinBox(right);
  population_->setObjectName("deidPopulation");
  population_->setRange(0, 20'000'000);
  population_->setGroupSeparatorShown(true);
  population_->setSpecialValueText(tr("not given"));
  sex_ = new QComboBox(right);
  sex_->setObjectName("deidSex");
  sex_->addItems({tr("not given"), tr("woman"), tr("man")});
  age_ = new QSpinBox(right);
  age_->setObjectName("deidAge");
  age_->setRange(0, 120);
  age_->setSpecialValueText(tr("not given"));
  birthDate_ = new QCheckBox(tr("The exact date of birth is given"), right);
  birthDate_->setObjectName("deidBirthDate");
  children_ = new QSpinBox(right);
  children_->setObjectName("deidChildren");
  children_->setRange(-1, 20);
  children_->setSpecialValueText(tr("not given"));
  children_->setValue(-1);
  childAges_ = new QLineEdit(right);
  childAges_->setObjectName("deidChildAges");
  childAges_->setPlaceholderText(tr("e.g. 3, 7"));
  occupation_ = new QLineEdit(right);
  occupation_->setObjectName("deidOccupation");
  protectedIdentity_ = new QCheckBox(tr("Protected personal data is mentioned"), right);
  protectedIdentity_->setToolTip(tr(
      "For example protected registration (skyddad folkbokföring) or a confidentiality marking."));
  protectedIdentity_->setObjectName("deidProtected");
  form->addRow(tr("Municipality or place:"), municipality_);
  form->addRow(tr("County:"), county_);
  form->addRow(tr("Inhabitants there:"), population_);
  form->addRow(tr("Sex:"), sex_);
  form->addRow(tr("Exact age:"), age_);
  form->addRow(QString(), birthDate_);
  form->addRow(tr("Number of children:"), children_);
  form->addRow(tr("Children's exact ages:"), childAges_);
  form->addRow(tr("Occupation:"), occupation_);
  form->addRow(QString(), protectedIdentity_);
  riskLevel_ = new QLabel(right);
  riskLevel_->setObjectName("deidRiskLevel");
  riskDetail_ = new QLabel(right);
  riskDetail_->setObjectName("deidRiskDetail");
  riskDetail_->setWordWrap(true);
  riskDetail_->setTextFormat(Qt::PlainText);
  form->addRow(tr("Risk:"), riskLevel_);
  form->addRow(riskDetail_);
  splitter->addWidget(left);
  splitter->addWidget(right);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 2);

  connect(checkButton_, &QPushButton::clicked, this, &DeidCheck::check);
  connect(applyButton_, &QPushButton::clicked, this, &DeidCheck::applyAccepted);
  connect(pseudonyms_, &QCheckBox::toggled, this, [this] {
    if (checked_ && editor_->toPlainText() == checkedText_) check();
  });
  connect(editor_, &QPlainTextEdit::textChanged, this, [this] {
    if (!checking_) setReady(false);
  });
  connect(findings_, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
    if (item->column() != ColAccept) return;
    std::size_t ticked = 0;
    for (int r = 0; r < findings_->rowCount(); ++r) {
      const auto* a = findings_->item(r, ColAccept);
      if (a != nullptr && a->checkState() == Qt::Checked) ++ticked;
    }
    applyButton_->setEnabled(ticked > 0 || unresolved() > 0);
  });
  for (QLineEdit* e : {municipality_, county_, childAges_, occupation_}) {
    connect(e, &QLineEdit::textChanged, this, &DeidCheck::assessRisk);
  }
  for (QSpinBox* s : {population_, age_, children_}) {
    connect(s, &QSpinBox::valueChanged, this, &DeidCheck::assessRisk);
  }
  connect(sex_, &QComboBox::currentIndexChanged, this, &DeidCheck::assessRisk);
  for (QCheckBox* c : {birthDate_, protectedIdentity_}) {
    connect(c, &QCheckBox::toggled, this, &DeidCheck::assessRisk);
  }
  assessRisk();
}

void DeidCheck::setText(const QString& text) {
  editor_->setPlainText(text);
}

QString DeidCheck::text() const {
  return editor_->toPlainText();
}

int DeidCheck::unresolved() const {
  int n = 0;
  for (const auto& p : proposals_) {
    if (!kept_.contains(keptKey(p.finding))) ++n;
  }
  return n;
}

void DeidCheck::check() {
  const QString text = editor_->toPlainText();
  const auto findings = scanner_.scan(text.toStdString());
  proposals_ = pseudonyms_->isChecked() ? book_->propose(findings) : deid::propose(findings);
  checked_ = true;
  checkedText_ = text;
  showFindings();
  assessRisk();
}

void DeidCheck::showFindings() {
  const QString text = editor_->toPlainText();
  findings_->setRowCount(static_cast<int>(proposals_.size()));
  QList<QTextEdit::ExtraSelection> marks;
  for (std::size_t i = 0; i < proposals_.size(); ++i) {
    const auto& p = proposals_[i];
    const int row = static_cast<int>(i);
    auto* accept = new QTableWidgetItem();
    accept->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    // Proposed unless the person already chose to keep it.
    const bool kept = kept_.contains(keptKey(p.finding));
    accept->setCheckState(kept ? Qt::Unchecked : Qt::Checked);
    findings_->setItem(row, ColAccept, accept);
    findings_->setItem(row, ColType, new QTableWidgetItem(typeLabel(p.finding.type)));
    findings_->setItem(row, ColText, new QTableWidgetItem(QString::fromStdString(p.finding.text)));
    findings_->setItem(row, ColReplacement,
                       new QTableWidgetItem(QString::fromStdString(p.replacement)));
    findings_->setItem(row, ColReason, new QTableWidgetItem(reasonLabel(p.finding.reason)));

    QTextEdit::ExtraSelection mark;
    QTextCursor cursor(editor_->document());
    cursor.setPosition(utf16Offset(text, p.finding.start));
    cursor.setPosition(utf16Offset(text, p.finding.end), QTextCursor::KeepAnchor);
    mark.cursor = cursor;
    mark.format.setBackground(QColor(0xff, 0xe0, 0x82));
    mark.format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
    marks.append(mark);
  }
  editor_->setExtraSelections(marks);
  findings_->resizeColumnToContents(ColText);
  findings_->resizeColumnToContents(ColReplacement);
  findings_->resizeRowsToContents();
  const int open = unresolved();
  applyButton_->setEnabled(open > 0);
  if (proposals_.empty()) {
    summary_->setText(tr("Nothing that identifies a person was found in the text."));
  } else if (open == 0) {
    summary_->setText(tr("Kept as you chose: %n. Nothing else was found.", "",
                         static_cast<int>(proposals_.size())));
  } else {
    summary_->setText(
        tr("Items that could identify the person: %n. Untick what should stay, "
           "then replace the rest.",
           "", open));
  }
}

void DeidCheck::applyAccepted() {
  std::vector<bool> accepted(proposals_.size(), false);
  for (std::size_t i = 0; i < proposals_.size(); ++i) {
    const auto* item = findings_->item(static_cast<int>(i), ColAccept);
    accepted[i] = item != nullptr && item->checkState() == Qt::Checked;
    if (!accepted[i]) kept_.append(keptKey(proposals_[i].finding));
  }
  const std::string result =
      deid::applyAccepted(editor_->toPlainText().toStdString(), proposals_, accepted);
  checking_ = true;
  editor_->setPlainText(QString::fromStdString(result));
  checking_ = false;
  check();  // what is left is checked again at once
}

deid::QuasiIdentifiers DeidCheck::quasiIdentifiers() const {
  deid::QuasiIdentifiers q;
  q.municipality = municipality_->text().trimmed().toStdString();
  q.county = county_->text().trimmed().toStdString();
  q.population = population_->value();
  q.sex = sex_->currentIndex() == 1   ? deid::Sex::Female
          : sex_->currentIndex() == 2 ? deid::Sex::Male
                                      : deid::Sex::Unknown;
  if (age_->value() > 0) q.exactAge = age_->value();
  q.exactBirthDate = birthDate_->isChecked();
  if (children_->value() >= 0) q.children = children_->value();
  for (const QString& part : childAges_->text().split(',', Qt::SkipEmptyParts)) {
    bool ok = false;
    const int a = part.trimmed().toInt(&ok);
    if (ok && a >= 0 && a < 30) q.childAges.push_back(a);
  }
  q.occupation = occupation_->text().trimmed().toStdString();
  q.protectedIdentity = protectedIdentity_->isChecked();
  return q;
}

void DeidCheck::assessRisk() {
  risk_ = deid::assessRisk(quasiIdentifiers());
  QString level;
  QString colour;
  switch (risk_.level) {
    case deid::RiskLevel::Low:
      level = tr("Low");
      colour = "#1b5e20";
      break;
    case deid::RiskLevel::Elevated:
      level = tr("Elevated");
      colour = "#8a5300";
      break;
    case deid::RiskLevel::High:
      level = tr("High");
      colour = "#b71c1c";
      break;
  }
  riskLevel_->setText(level);
  riskLevel_->setStyleSheet(QString("color: %1; font-weight: bold;").arg(colour));
  QStringList lines;
  lines << tr("About %1 people fit every detail given.")
               .arg(QLocale().toString(risk_.expectedMatches, 'f',
                                       risk_.expectedMatches < 10 ? 2 : 0));
  for (const auto& s : risk_.suggestions) {
    lines << tr("Less exact: write %2 instead of %1")
                 .arg(QString::fromStdString(s.from), QString::fromStdString(s.to));
  }
  riskDetail_->setText(lines.join('\n'));
  setReady(checked_ && editor_->toPlainText() == checkedText_ && unresolved() == 0 &&
           risk_.level != deid::RiskLevel::High);
}

void DeidCheck::setReady(bool ready) {
  if (ready == ready_) return;
  ready_ = ready;
  emit readinessChanged(ready);
}

}  // namespace samrad::app
