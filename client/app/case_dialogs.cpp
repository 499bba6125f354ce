#include "case_dialogs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <fstream>
#include <sstream>

#include "deid_check.h"
#include "format.h"
#include "samrad/client/pseudonym_store.h"
#include "samrad/crypto/primitives.h"
#include "ui_util.h"
#include "workspace_controller.h"

namespace samrad::app {
namespace {

std::int64_t now() {
  return QDateTime::currentSecsSinceEpoch();
}

QLabel* errorLabel(QWidget* parent) {
  auto* l = new QLabel(parent);
  l->setObjectName("dialogError");
  l->setWordWrap(true);
  l->setStyleSheet(toneStyle(Tone::Danger, parent));
  l->hide();
  return l;
}

void showError(QLabel* l, const QString& text) {
  l->setText(text);
  l->setVisible(!text.isEmpty());
}

// The next free number in the group's series, e.g. "NRS-2026-044".
QString suggestNumber(const Snapshot& s) {
  const QString year = QString::number(QDate::currentDate().year());
  QString prefix = QStringLiteral("ÄR");
  int highest = 0;
  static const QRegularExpression re(QStringLiteral("^(.+)-(\\d{4})-(\\d+)$"));
  for (const auto& c : s.cases) {
    const auto m = re.match(QString::fromStdString(c.number));
    if (!m.hasMatch()) {
      continue;
    }
    prefix = m.captured(1);
    if (m.captured(2) == year) {
      highest = std::max(highest, m.captured(3).toInt());
    }
  }
  return QStringLiteral("%1-%2-%3").arg(prefix, year).arg(highest + 1, 3, 10, QChar('0'));
}

QString memberLabel(const Snapshot& s, const MemberView& m) {
  return QStringLiteral("%1 – %2 (%3)")
      .arg(s.agencyName(m.agency), groupRoleLabel(m.role), shortId(m.user.view()));
}

// Runs a dialog's operation: the dialog waits greyed out, closes when it
// worked, and otherwise shows why and stays open with what was typed.
void submitFrom(QDialog* dialog, QLabel* error, WorkspaceController& workspace, const QString& what,
                WorkspaceController::Op op) {
  showError(error, {});
  dialog->setEnabled(false);
  QPointer<QDialog> self(dialog);
  QPointer<QLabel> label(error);
  workspace.run(what, std::move(op), [self, label](const Status& st) {
    if (!self) {
      return;
    }
    self->setEnabled(true);
    if (st) {
      self->accept();
    } else if (label) {
      showError(label, describeWorkspaceError(st.error()));
    }
  });
}

}  // namespace

// ---- referral ---------------------------------------------------------------------

ReferralDialog::ReferralDialog(WorkspaceController& workspace,
                               std::shared_ptr<const deid::Lexicon> lexicon, QWidget* parent)
    : QDialog(parent), workspace_(workspace) {
  setObjectName("referralDialog");
  setWindowTitle(tr("Refer a case"));
  const Snapshot& s = workspace_.snapshot();
  auto* layout = new QVBoxLayout(this);
  auto* form = new QFormLayout();
  number_ = new QLineEdit(suggestNumber(s), this);
  number_->setObjectName("caseNumber");
  number_->setAccessibleName(tr("Case number"));
  form->addRow(tr("Case &number:"), number_);
  kind_ = new QComboBox(this);
  kind_->setObjectName("caseKind");
  kind_->addItem(tr("De-identified (no consent; the brief must not identify the person)"),
                 static_cast<int>(client::CaseKind::Deidentified));
  kind_->addItem(tr("With consent (shared only with the agencies the consent names)"),
                 static_cast<int>(client::CaseKind::Consented));
  form->addRow(tr("&Kind:"), kind_);
  urgency_ = new QComboBox(this);
  urgency_->setObjectName("caseUrgency");
  for (auto u : {client::Urgency::Planned, client::Urgency::Acute, client::Urgency::Consultative}) {
    urgency_->addItem(urgencyLabel(u), static_cast<int>(u));
  }
  form->addRow(tr("&Urgency:"), urgency_);
  children_ = new QCheckBox(tr("Children are involved"), this);
  children_->setObjectName("caseChildren");
  form->addRow(QString(), children_);
  layout->addLayout(form);

  shareBox_ = new QGroupBox(tr("Share with (the agencies the consent names)"), this);
  auto* shareLayout = new QHBoxLayout(shareBox_);
  for (const auto& a : s.agencies) {
    if (a.id == s.myAgency) {
      continue;
    }
    const bool inGroup = std::any_of(s.members.begin(), s.members.end(),
                                     [&](const MemberView& m) { return m.agency == a.id; });
    if (!inGroup) {
      continue;
    }
    auto* box = new QCheckBox(QString::fromStdString(a.name), shareBox_);
    box->setObjectName("shareWith");
    shareLayout->addWidget(box);
    shareWith_.emplace_back(box, a.id);
  }
  shareLayout->addStretch(1);
  layout->addWidget(shareBox_);

  auto* recuseBox = new QGroupBox(tr("Recusal: members who must not read this case"), this);
  auto* recuseLayout = new QVBoxLayout(recuseBox);
  for (const auto& m : s.members) {
    if (m.user == s.me) {
      continue;
    }
    auto* box = new QCheckBox(memberLabel(s, m), recuseBox);
    box->setObjectName("recuse");
    recuseLayout->addWidget(box);
    recuse_.emplace_back(box, m.user);
  }
  layout->addWidget(recuseBox);

  briefStack_ = new QStackedWidget(this);
  deid_ = new DeidCheck(std::move(lexicon), briefStack_);
  deid_->setObjectName("referralDeidCheck");
  briefStack_->addWidget(deid_);
  auto* consented = new QWidget(briefStack_);
  auto* cl = new QVBoxLayout(consented);
  cl->setContentsMargins(0, 0, 0, 0);
  cl->addWidget(new QLabel(tr("Brief (shared only within the consent's scope):"), consented));
  consentedBrief_ = new QPlainTextEdit(consented);
  consentedBrief_->setObjectName("consentedBrief");
  consentedBrief_->setAccessibleName(tr("Brief"));
  cl->addWidget(consentedBrief_);
  briefStack_->addWidget(consented);
  layout->addWidget(briefStack_, 1);

  error_ = errorLabel(this);
  layout->addWidget(error_);
  buttons_ = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
  auto* refer = buttons_->addButton(tr("Refer the case"), QDialogButtonBox::AcceptRole);
  refer->setObjectName("referButton");
  layout->addWidget(buttons_);
  connect(buttons_, &QDialogButtonBox::accepted, this, &ReferralDialog::submit);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(kind_, &QComboBox::currentIndexChanged, this, &ReferralDialog::updateKind);
  connect(deid_, &DeidCheck::readinessChanged, this, &ReferralDialog::updateReady);
  updateKind();
  sizeToScreen(this, {1100, 820});
}

client::Referral ReferralDialog::referral() const {
  client::Referral r;
  r.number = number_->text().trimmed().toStdString();
  r.kind = static_cast<client::CaseKind>(kind_->currentData().toInt());
  r.urgency = static_cast<client::Urgency>(urgency_->currentData().toInt());
  r.childrenInvolved = children_->isChecked();
  r.brief =
      (r.kind == client::CaseKind::Deidentified ? deid_->text() : consentedBrief_->toPlainText())
          .toStdString();
  for (const auto& [box, user] : recuse_) {
    if (box->isChecked()) {
      r.recused.push_back(user);
    }
  }
  if (r.kind == client::CaseKind::Consented) {
    for (const auto& [box, agency] : shareWith_) {
      if (box->isChecked()) {
        r.sharedWith.push_back(agency);
      }
    }
  }
  if (r.kind == client::CaseKind::Deidentified) r.review = deid_->review();
  r.now = now();
  return r;
}

void ReferralDialog::updateKind() {
  const bool deidentified =
      static_cast<client::CaseKind>(kind_->currentData().toInt()) == client::CaseKind::Deidentified;
  briefStack_->setCurrentIndex(deidentified ? 0 : 1);
  shareBox_->setVisible(!deidentified);
  updateReady();
}

void ReferralDialog::updateReady() {
  const bool deidentified =
      static_cast<client::CaseKind>(kind_->currentData().toInt()) == client::CaseKind::Deidentified;
  auto* refer = buttons_->buttons().isEmpty() ? nullptr : findChild<QPushButton*>("referButton");
  if (refer == nullptr) {
    return;
  }
  refer->setEnabled(!deidentified || deid_->readyToSubmit());
  refer->setToolTip(deidentified && !deid_->readyToSubmit()
                        ? tr("Check the brief first: every finding replaced or consciously kept, "
                             "and the risk of recognition not high.")
                        : QString());
}

void ReferralDialog::submit() {
  const client::Referral r = referral();
  if (r.kind == client::CaseKind::Deidentified && !deid_->readyToSubmit()) {
    showError(error_, tr("Check the brief first: a de-identified case is sent only when no "
                         "finding is left unresolved and the risk is not high."));
    return;
  }
  if (r.kind == client::CaseKind::Consented && r.sharedWith.empty()) {
    showError(error_, tr("Choose the agencies the consent names."));
    return;
  }
  if (r.brief.empty()) {
    showError(error_, tr("Write the brief."));
    return;
  }
  // The pseudonyms given in this brief are kept for the case once it has its
  // key, so its later briefs and minutes use the same ones.
  std::shared_ptr<const deid::PseudonymBook> book;
  if (r.kind == client::CaseKind::Deidentified && !deid_->pseudonymBook()->empty()) {
    book = deid_->pseudonymBook();
  }
  submitFrom(this, error_, workspace_,
             tr("Referring case %1").arg(QString::fromStdString(r.number)),
             [r, book](client::Workspace& ws) -> Status {
               auto c = ws.cases().refer(r);
               if (!c.ok()) {
                 return c.error();
               }
               const Status sent = ws.send();
               if (book) {
                 // Kept also when sending has to wait, as long as the case
                 // has its key on this device; without it the next brief
                 // starts a new list (said in the README).
                 client::PseudonymStore store(ws.store().database());
                 (void)store.save(ws.replica().group(), c->id, *book);
               }
               return sent;
             });
}

// ---- consent ------------------------------------------------------------------------

ConsentDialog::ConsentDialog(WorkspaceController& workspace, const client::CaseRecord& c,
                             QWidget* parent)
    : QDialog(parent), workspace_(workspace), caseId_(c.id) {
  setObjectName("consentDialog");
  setWindowTitle(tr("Register consent for case %1").arg(QString::fromStdString(c.number)));
  const Snapshot& s = workspace_.snapshot();
  auto* layout = new QVBoxLayout(this);
  auto* intro = new QLabel(
      tr("Fill this in from the signed form, following the lawyers' template. The consent "
         "waives confidentiality (OSL) for what it names; the agencies process the data under "
         "their own legal basis (GDPR), never the consent itself."),
      this);
  intro->setWordWrap(true);
  layout->addWidget(intro);

  auto* legal = new QGroupBox(tr("Legal grounds"), this);
  auto* lf = new QFormLayout(legal);
  osl_ = new QLineEdit(QStringLiteral("OSL 12 kap. 2 §, 25 kap. 1 §, 26 kap. 1 §"), legal);
  osl_->setObjectName("consentOsl");
  lf->addRow(tr("Confidentiality waived (OSL):"), osl_);
  gdpr_ = new QLineEdit(QStringLiteral("GDPR art. 6.1 e och 9.2 h"), legal);
  gdpr_->setObjectName("consentGdpr");
  lf->addRow(tr("Legal basis for processing (GDPR):"), gdpr_);
  layout->addWidget(legal);

  auto* scope = new QGroupBox(tr("Scope"), this);
  auto* sf = new QFormLayout(scope);
  auto* rec = new QWidget(scope);
  auto* rl = new QHBoxLayout(rec);
  rl->setContentsMargins(0, 0, 0, 0);
  for (const auto& a : c.sharedWith) {
    auto* box = new QCheckBox(s.agencyName(a), rec);
    box->setObjectName("consentRecipient");
    box->setChecked(true);
    rl->addWidget(box);
    recipients_.emplace_back(box, a);
  }
  rl->addStretch(1);
  sf->addRow(tr("Recipients:"), rec);
  auto* cats = new QWidget(scope);
  auto* cl = new QHBoxLayout(cats);
  cl->setContentsMargins(0, 0, 0, 0);
  // The form template's categories; the record keeps each by its code, so
  // the register reads the same whatever language the member used.
  for (const auto& [code, cat] :
       {std::pair{"violence_close_relationship", QT_TR_NOOP("violence in a close relationship")},
        std::pair{"health", QT_TR_NOOP("health")}, std::pair{"crime", QT_TR_NOOP("crime")},
        std::pair{"housing", QT_TR_NOOP("housing")}, std::pair{"finances", QT_TR_NOOP("finances")},
        std::pair{"children", QT_TR_NOOP("children")}}) {
    auto* box = new QCheckBox(tr(cat), cats);
    box->setObjectName("consentCategory");
    box->setProperty("code", QString::fromLatin1(code));
    cl->addWidget(box);
    categories_.push_back(box);
  }
  categories_.front()->setChecked(true);
  cl->addStretch(1);
  sf->addRow(tr("Information categories:"), cats);
  otherCategory_ = new QLineEdit(scope);
  otherCategory_->setAccessibleName(tr("Other category"));
  sf->addRow(tr("Other category:"), otherCategory_);
  purpose_ = new QLineEdit(scope);
  purpose_->setObjectName("consentPurpose");
  purpose_->setText(tr("coordinated protection and support"));
  sf->addRow(tr("Purpose:"), purpose_);
  layout->addWidget(scope);

  auto* validity = new QGroupBox(tr("Validity and collection"), this);
  auto* vf = new QFormLayout(validity);
  from_ = new QDateEdit(QDate::currentDate(), validity);
  from_->setObjectName("consentFrom");
  from_->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
  from_->setCalendarPopup(true);
  // A consent is registered on the day it starts: it gives access from then.
  from_->setMaximumDate(QDate::currentDate());
  vf->addRow(tr("Valid from:"), from_);
  until_ = new QDateEdit(QDate::currentDate().addYears(1), validity);
  until_->setObjectName("consentUntil");
  until_->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
  until_->setCalendarPopup(true);
  vf->addRow(tr("Valid until:"), until_);
  method_ = new QComboBox(validity);
  method_->setObjectName("consentMethod");
  method_->addItem(tr("Written, signed form"), static_cast<int>(client::ConsentMethod::Written));
  method_->addItem(tr("Orally, with a witness"),
                   static_cast<int>(client::ConsentMethod::OralWithWitness));
  vf->addRow(tr("Collected:"), method_);
  witness_ = new QLineEdit(validity);
  witness_->setObjectName("consentWitness");
  witness_->setAccessibleName(tr("Witness"));
  vf->addRow(tr("Witness (name and title):"), witness_);
  layout->addWidget(validity);

  auto* formBox = new QGroupBox(tr("The form"), this);
  auto* ff = new QFormLayout(formBox);
  template_ = new QLineEdit(tr("Samråd consent form"), formBox);
  template_->setObjectName("consentTemplate");
  ff->addRow(tr("Template:"), template_);
  version_ = new QLineEdit(QStringLiteral("1"), formBox);
  version_->setObjectName("consentTemplateVersion");
  ff->addRow(tr("Template version:"), version_);
  auto* textRow = new QWidget(formBox);
  auto* tl = new QHBoxLayout(textRow);
  tl->setContentsMargins(0, 0, 0, 0);
  formText_ = new QLabel(tr("not chosen"), textRow);
  tl->addWidget(formText_, 1);
  auto* chooseText = new QPushButton(tr("Choose…"), textRow);
  chooseText->setObjectName("chooseFormText");
  tl->addWidget(chooseText);
  ff->addRow(tr("The form's text (its fingerprint is kept):"), textRow);
  auto* scanRow = new QWidget(formBox);
  auto* scl = new QHBoxLayout(scanRow);
  scl->setContentsMargins(0, 0, 0, 0);
  scan_ = new QLabel(tr("none attached"), scanRow);
  scl->addWidget(scan_, 1);
  auto* chooseScan = new QPushButton(tr("Attach…"), scanRow);
  chooseScan->setObjectName("chooseScan");
  scl->addWidget(chooseScan);
  ff->addRow(tr("Scanned, signed form (encrypted):"), scanRow);
  layout->addWidget(formBox);

  error_ = errorLabel(this);
  layout->addWidget(error_);
  buttons_ = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
  auto* reg = buttons_->addButton(tr("Register the consent"), QDialogButtonBox::AcceptRole);
  reg->setObjectName("registerConsentButton");
  layout->addWidget(buttons_);
  connect(buttons_, &QDialogButtonBox::accepted, this, &ConsentDialog::submit);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(chooseText, &QPushButton::clicked, this, &ConsentDialog::chooseFormText);
  connect(chooseScan, &QPushButton::clicked, this, &ConsentDialog::chooseScan);
  connect(method_, &QComboBox::currentIndexChanged, this, &ConsentDialog::updateMethod);
  updateMethod();
  sizeToScreen(this, {860, 760});
}

void ConsentDialog::updateMethod() {
  witness_->setEnabled(static_cast<client::ConsentMethod>(method_->currentData().toInt()) ==
                       client::ConsentMethod::OralWithWitness);
}

void ConsentDialog::chooseFormText() {
  const QString p = askOpenFile(this, tr("The consent form's text"),
                                tr("Documents (*.pdf *.txt *.odt *.docx);;All files (*)"));
  if (p.isEmpty()) {
    return;
  }
  formTextPath_ = p;
  formText_->setText(QFileInfo(p).fileName());
}

void ConsentDialog::chooseScan() {
  const QString p = askOpenFile(this, tr("The scanned, signed form"),
                                tr("Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"));
  if (p.isEmpty()) {
    return;
  }
  scanPath_ = p;
  scan_->setText(QFileInfo(p).fileName());
}

void ConsentDialog::submit() {
  client::ConsentForm f;
  f.caseId = caseId_;
  f.oslWaiver = osl_->text().trimmed().toStdString();
  f.gdprBasis = gdpr_->text().trimmed().toStdString();
  for (const auto& [box, a] : recipients_) {
    if (box->isChecked()) {
      f.recipients.push_back(a);
    }
  }
  for (auto* box : categories_) {
    if (box->isChecked()) {
      f.categories.push_back(box->property("code").toString().toStdString());
    }
  }
  if (!otherCategory_->text().trimmed().isEmpty()) {
    f.categories.push_back(otherCategory_->text().trimmed().toStdString());
  }
  f.purpose = purpose_->text().trimmed().toStdString();
  f.validFrom = QDateTime(from_->date(), QTime(0, 0)).toSecsSinceEpoch();
  f.validUntil = QDateTime(until_->date(), QTime(23, 59, 59)).toSecsSinceEpoch();
  f.method = static_cast<client::ConsentMethod>(method_->currentData().toInt());
  if (f.method == client::ConsentMethod::OralWithWitness) {
    f.witness = witness_->text().trimmed().toStdString();
  }
  f.formTemplate = template_->text().trimmed().toStdString();
  f.formVersion = version_->text().trimmed().toStdString();
  if (formTextPath_.isEmpty()) {
    showError(error_, tr("Choose the file with the form's text, so its fingerprint is kept with "
                         "the consent."));
    return;
  }
  std::ifstream in(formTextPath_.toStdString(), std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) {
    showError(error_, tr("The form's text could not be read. Choose the file again."));
    return;
  }
  f.formTextHash = crypto::sha256(crypto::asBytes(text.str()));
  const std::string scan = scanPath_.toStdString();
  submitFrom(
      this, error_, workspace_, tr("Registering the consent"),
      [f, scan, ctl = &workspace_,
       label = tr("Uploading the scanned form")](client::Workspace& ws) mutable -> Status {
        if (!scan.empty()) {
          std::ifstream file(scan, std::ios::binary);
          if (!file) {
            return Error(ErrorCode::InvalidArgument, "scan.unreadable", "cannot read " + scan);
          }
          SAMRAD_ASSIGN_OR_RETURN(
              f, ws.consent().attachScannedForm(
                     std::move(f), file, [ctl, label](std::uint64_t sent, std::uint64_t total) {
                       ctl->reportProgress(label, sent, total);
                     }));
        }
        auto r = ws.consent().registerConsent(f, QDateTime::currentSecsSinceEpoch());
        if (!r.ok()) {
          return r.error();
        }
        return ws.send();
      });
}

// ---- brief ---------------------------------------------------------------------------

BriefDialog::BriefDialog(WorkspaceController& workspace,
                         std::shared_ptr<const deid::Lexicon> lexicon, const client::CaseRecord& c,
                         QWidget* parent)
    : QDialog(parent),
      workspace_(workspace),
      caseId_(c.id),
      deidentified_(c.kind == client::CaseKind::Deidentified) {
  setObjectName("briefDialog");
  setWindowTitle(tr("Edit the brief of case %1").arg(QString::fromStdString(c.number)));
  auto* layout = new QVBoxLayout(this);
  if (deidentified_) {
    deid_ = new DeidCheck(std::move(lexicon), this);
    deid_->setObjectName("briefDeidCheck");
    deid_->setText(QString::fromStdString(c.brief));
    layout->addWidget(deid_, 1);
    // The case's pseudonyms, if this device keeps them (the referring
    // agency). Saving waits until they are loaded, so a stale list never
    // replaces the kept one; a book that cannot be opened is not overwritten.
    auto book = std::make_shared<deid::PseudonymBook>();
    const crypto::CaseId id = c.id;
    QPointer<BriefDialog> self(this);
    workspace_.peek(
        [book, id](client::Workspace& ws) -> Status {
          client::PseudonymStore store(ws.store().database());
          auto kept = store.load(ws.replica().group(), id);
          if (!kept) return kept.error();
          *book = std::move(kept).value();
          return okStatus();
        },
        [book, self](const Status& st) {
          if (!self) return;
          self->bookLoaded_ = true;
          self->keepBook_ = st.ok() || st.error().reason() == "deid.no_case_key";
          self->deid_->setPseudonymBook(book);
          if (!book->empty()) self->deid_->setPseudonyms(true);
          self->save_->setEnabled(self->deid_->readyToSubmit());
        });
  } else {
    plain_ = new QPlainTextEdit(QString::fromStdString(c.brief), this);
    plain_->setObjectName("briefText");
    plain_->setAccessibleName(tr("Brief"));
    layout->addWidget(plain_, 1);
  }
  error_ = errorLabel(this);
  layout->addWidget(error_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
  save_ = buttons->addButton(tr("Save the brief"), QDialogButtonBox::AcceptRole);
  save_->setObjectName("saveBriefButton");
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &BriefDialog::submit);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  if (deid_ != nullptr) {
    save_->setEnabled(false);
    connect(deid_, &DeidCheck::readinessChanged, this,
            [this](bool ready) { save_->setEnabled(ready && bookLoaded_); });
  }
  sizeToScreen(this, deidentified_ ? QSize(1100, 640) : QSize(720, 420));
}

void BriefDialog::submit() {
  if (deid_ != nullptr && (!deid_->readyToSubmit() || !bookLoaded_)) {
    showError(error_, tr("Check the brief first: a de-identified case is sent only when no "
                         "finding is left unresolved and the risk is not high."));
    return;
  }
  const std::string brief =
      (deid_ != nullptr ? deid_->text() : plain_->toPlainText()).trimmed().toStdString();
  const crypto::CaseId id = caseId_;
  std::shared_ptr<const deid::PseudonymBook> book;
  if (deid_ != nullptr && keepBook_ && !deid_->pseudonymBook()->empty()) {
    book = deid_->pseudonymBook();
  }
  const client::DeidReview review = deid_ != nullptr ? deid_->review() : client::DeidReview{};
  submitFrom(this, error_, workspace_, tr("Saving the brief"),
             [id, brief, book, review](client::Workspace& ws) -> Status {
               SAMRAD_TRY(ws.cases().editBrief(id, brief, review));
               const Status sent = ws.send();
               if (book) {
                 client::PseudonymStore store(ws.store().database());
                 (void)store.save(ws.replica().group(), id, *book);
               }
               return sent;
             });
}

// ---- follow-up -----------------------------------------------------------------------

namespace {
QComboBox* choices(QWidget* parent, const char* name, const QStringList& labels, int current) {
  auto* c = new QComboBox(parent);
  c->setObjectName(name);
  c->addItems(labels);  // index = the enum's value; 0 = not given
  c->setCurrentIndex(current);
  return c;
}
}  // namespace

FollowUpDialog::FollowUpDialog(WorkspaceController& workspace, const client::CaseRecord& c,
                               const std::optional<client::FollowUp>& current, QWidget* parent)
    : QDialog(parent), workspace_(workspace), base_(current.value_or(client::FollowUp{})) {
  setObjectName("followUpDialog");
  setWindowTitle(tr("Follow-up of case %1").arg(QString::fromStdString(c.number)));
  base_.caseId = c.id;
  const QString notGiven = tr("not given");
  auto* layout = new QVBoxLayout(this);
  auto* background = new QGroupBox(tr("Background"), this);
  auto* bf = new QFormLayout(background);
  living_ = choices(background, "followUpLiving",
                    {notGiven, tr("alone"), tr("with the person using violence"),
                     tr("with another partner or family"), tr("in sheltered housing"), tr("other")},
                    static_cast<int>(base_.living));
  bf->addRow(tr("Living situation:"), living_);
  children_ = new QSpinBox(background);
  children_->setRange(0, 20);
  children_->setValue(static_cast<int>(base_.children));
  bf->addRow(tr("Children in the household:"), children_);
  protected_ = new QCheckBox(tr("Protected personal data"), background);
  protected_->setChecked(base_.protectedIdentity);
  bf->addRow(QString(), protected_);
  layout->addWidget(background);

  auto* before = new QGroupBox(tr("Before support"), this);
  auto* ff = new QFormLayout(before);
  auto* kindsRow = new QWidget(before);
  auto* kl = new QHBoxLayout(kindsRow);
  kl->setContentsMargins(0, 0, 0, 0);
  const std::pair<const char*, std::uint32_t> kinds[] = {
      {QT_TR_NOOP("physical"), client::kPhysical},
      {QT_TR_NOOP("psychological"), client::kPsychological},
      {QT_TR_NOOP("sexual"), client::kSexual},
      {QT_TR_NOOP("economic"), client::kEconomic},
      {QT_TR_NOOP("digital"), client::kDigital},
      {QT_TR_NOOP("honour-related"), client::kHonour}};
  for (const auto& [label, bit] : kinds) {
    auto* box = new QCheckBox(tr(label), kindsRow);
    box->setObjectName("followUpKind");
    box->setChecked((base_.violenceKinds & bit) != 0);
    kl->addWidget(box);
    kinds_.emplace_back(box, bit);
  }
  kl->addStretch(1);
  ff->addRow(tr("Kinds of violence:"), kindsRow);
  frequency_ = choices(before, "followUpFrequency",
                       {notGiven, tr("once"), tr("monthly"), tr("weekly"), tr("daily")},
                       static_cast<int>(base_.frequency));
  ff->addRow(tr("How often:"), frequency_);
  riskMethod_ = new QLineEdit(QString::fromStdString(base_.riskMethod), before);
  riskMethod_->setObjectName("followUpRiskMethod");
  riskMethod_->setPlaceholderText(tr("e.g. Patriark, SARA:SV, FREDA"));
  ff->addRow(tr("Risk assessment method:"), riskMethod_);
  risk_ = choices(before, "followUpRisk", {notGiven, tr("low"), tr("moderate"), tr("high")},
                  static_cast<int>(base_.risk));
  ff->addRow(tr("Assessed risk:"), risk_);
  layout->addWidget(before);

  auto* during = new QGroupBox(tr("During support"), this);
  auto* df = new QFormLayout(during);
  QStringList sofar;
  for (const auto& m : base_.measures) {
    sofar << QStringLiteral("%1: %2").arg(workspace_.snapshot().agencyName(m.agency),
                                          QString::fromStdString(m.measure));
  }
  auto* measures =
      new QLabel(sofar.isEmpty() ? tr("No measures recorded yet.") : sofar.join('\n'), during);
  measures->setWordWrap(true);
  df->addRow(tr("Measures so far:"), measures);
  measure_ = new QLineEdit(during);
  measure_->setObjectName("followUpMeasure");
  df->addRow(tr("Add your agency's measure:"), measure_);
  layout->addWidget(during);

  auto* afterBox = new QGroupBox(tr("After support"), this);
  auto* af = new QFormLayout(afterBox);
  after_ = choices(
      afterBox, "followUpAfter",
      {notGiven, tr("stopped"), tr("reduced"), tr("unchanged"), tr("increased"), tr("not known")},
      static_cast<int>(base_.after));
  af->addRow(tr("Violence, as the person reports it:"), after_);
  goals_ = choices(afterBox, "followUpGoals", {notGiven, tr("yes"), tr("partly"), tr("no")},
                   static_cast<int>(base_.goals));
  af->addRow(tr("Goals met:"), goals_);
  ownWords_ = new QPlainTextEdit(QString::fromStdString(base_.ownWords), afterBox);
  ownWords_->setObjectName("followUpOwnWords");
  ownWords_->setMaximumHeight(70);
  ownWords_->setTabChangesFocus(true);
  af->addRow(tr("In the person's own words:"), ownWords_);
  closure_ = choices(afterBox, "followUpClosure",
                     {notGiven, tr("goals met"), tr("moved"), tr("declined further support"),
                      tr("consent withdrawn"), tr("other")},
                     static_cast<int>(base_.closure));
  af->addRow(tr("Why the support ended:"), closure_);
  layout->addWidget(afterBox);

  error_ = errorLabel(this);
  layout->addWidget(error_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
  auto* save = buttons->addButton(tr("Save the follow-up"), QDialogButtonBox::AcceptRole);
  save->setObjectName("saveFollowUpButton");
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &FollowUpDialog::submit);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  sizeToScreen(this, {760, 720});
}

client::FollowUp FollowUpDialog::followUp() const {
  client::FollowUp f = base_;
  const std::int64_t now = QDateTime::currentSecsSinceEpoch();
  f.living = static_cast<client::LivingSituation>(living_->currentIndex());
  f.children = static_cast<std::uint32_t>(children_->value());
  f.protectedIdentity = protected_->isChecked();
  f.violenceKinds = 0;
  for (const auto& [box, bit] : kinds_) {
    if (box->isChecked()) {
      f.violenceKinds |= bit;
    }
  }
  f.frequency = static_cast<client::Frequency>(frequency_->currentIndex());
  f.riskMethod = riskMethod_->text().trimmed().toStdString();
  const auto risk = static_cast<client::RiskLevel>(risk_->currentIndex());
  if (risk != f.risk) {
    f.assessedAt = now;
  }
  f.risk = risk;
  if (!measure_->text().trimmed().isEmpty()) {
    f.measures.push_back(
        {workspace_.snapshot().myAgency, measure_->text().trimmed().toStdString(), now});
  }
  const auto after = static_cast<client::ViolenceAfter>(after_->currentIndex());
  if (after != f.after) {
    f.followedUpAt = now;
  }
  f.after = after;
  f.goals = static_cast<client::GoalsMet>(goals_->currentIndex());
  f.ownWords = ownWords_->toPlainText().trimmed().toStdString();
  const auto closure = static_cast<client::ClosureReason>(closure_->currentIndex());
  if (closure != f.closure) {
    f.closedAt = closure == client::ClosureReason::NotGiven ? 0 : now;
  }
  f.closure = closure;
  return f;
}

void FollowUpDialog::submit() {
  const client::FollowUp f = followUp();
  submitFrom(this, error_, workspace_, tr("Saving the follow-up"),
             [f](client::Workspace& ws) -> Status {
               SAMRAD_TRY(ws.followUps().record(f, QDateTime::currentSecsSinceEpoch()));
               return ws.send();
             });
}

// ---- withdrawal -----------------------------------------------------------------------

WithdrawDialog::WithdrawDialog(WorkspaceController& workspace, const client::CaseRecord& c,
                               QWidget* parent)
    : QDialog(parent), workspace_(workspace), caseId_(c.id) {
  setObjectName("withdrawDialog");
  setWindowTitle(tr("Withdraw consent for case %1").arg(QString::fromStdString(c.number)));
  auto* layout = new QVBoxLayout(this);
  auto* text = new QLabel(
      tr("The person has withdrawn their consent (återkallelse). From now on only your agency "
         "reads case %1; the other agencies lose access at once and their copies are deleted. "
         "This cannot be undone: a new consent would be a new registration.")
          .arg(QString::fromStdString(c.number)),
      this);
  text->setWordWrap(true);
  layout->addWidget(text);
  auto* form = new QFormLayout();
  method_ = new QComboBox(this);
  method_->setObjectName("withdrawMethod");
  method_->addItem(tr("In writing"), static_cast<int>(client::ConsentMethod::Written));
  method_->addItem(tr("Orally, with a witness"),
                   static_cast<int>(client::ConsentMethod::OralWithWitness));
  form->addRow(tr("How it was withdrawn:"), method_);
  note_ = new QLineEdit(this);
  note_->setObjectName("withdrawNote");
  note_->setAccessibleName(tr("Note"));
  form->addRow(tr("Note (when, to whom):"), note_);
  layout->addLayout(form);
  error_ = errorLabel(this);
  layout->addWidget(error_);
  buttons_ = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
  // Not an accept button: a button box makes its first one the default when
  // shown, and typing the note and pressing Enter must not withdraw. No
  // button is a default.
  auto* w = buttons_->addButton(tr("Withdraw the consent"), QDialogButtonBox::DestructiveRole);
  w->setObjectName("confirmWithdrawButton");
  w->setStyleSheet(toneStyle(Tone::Danger, this));
  for (auto* b : buttons_->buttons()) {
    if (auto* pb = qobject_cast<QPushButton*>(b)) {
      pb->setAutoDefault(false);
      pb->setDefault(false);
    }
  }
  layout->addWidget(buttons_);
  connect(w, &QPushButton::clicked, this, &WithdrawDialog::submit);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  sizeToScreen(this, {560, 260});
}

void WithdrawDialog::submit() {
  const auto method = static_cast<client::ConsentMethod>(method_->currentData().toInt());
  const std::string note = note_->text().trimmed().toStdString();
  const crypto::CaseId id = caseId_;
  submitFrom(this, error_, workspace_, tr("Withdrawing the consent"),
             [id, method, note](client::Workspace& ws) -> Status {
               auto r = ws.consent().withdraw(id, method, note, QDateTime::currentSecsSinceEpoch());
               if (!r.ok()) {
                 return r.error();
               }
               return ws.send();
             });
}

}  // namespace samrad::app
