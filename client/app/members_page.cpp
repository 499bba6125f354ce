#include "members_page.h"

#include <qrencode.h>

#include <QDateTime>
#include <QFile>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "format.h"
#include "samrad/client/profile.h"
#include "samrad/client/recovery.h"
#include "ui_util.h"
#include "workspace_controller.h"

namespace samrad::app {

QImage qrImage(const QString& text, int scale) {
  const QByteArray utf8 = text.toUtf8();
  QRcode* code = QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (code == nullptr) {
    return {};
  }
  const int quiet = 4;
  const int size = (code->width + 2 * quiet) * scale;
  QImage img(size, size, QImage::Format_RGB32);
  img.fill(Qt::white);
  QPainter p(&img);
  p.setPen(Qt::NoPen);
  p.setBrush(Qt::black);
  for (int y = 0; y < code->width; ++y) {
    for (int x = 0; x < code->width; ++x) {
      if ((code->data[y * code->width + x] & 1) != 0) {
        p.drawRect((x + quiet) * scale, (y + quiet) * scale, scale, scale);
      }
    }
  }
  p.end();
  QRcode_free(code);
  return img;
}

namespace {}  // namespace

MembersPage::MembersPage(WorkspaceController& workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace) {
  setObjectName("membersPage");
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(heading(tr("Members and keys"), this, 1.6));
  revocations_ = new QLabel(this);
  revocations_->setObjectName("revocationNotice");
  revocations_->setWordWrap(true);
  revocations_->setTextFormat(Qt::PlainText);
  revocations_->setStyleSheet(
      "QLabel { background: #fff4e5; border: 1px solid #b35c00; "
      "padding: 8px; color: #5c2e00; }");
  revocations_->setVisible(false);
  layout->addWidget(revocations_);
  auto* codeRow = new QHBoxLayout();
  codeRow->addWidget(new QLabel(tr("Group code (read it aloud when someone joins):"), this));
  code_ = heading(QString(), this, 1.5);
  code_->setObjectName("groupCode");
  code_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  codeRow->addWidget(code_);
  codeRow->addStretch(1);
  layout->addLayout(codeRow);

  auto* grid = new QGridLayout();
  auto* membersBox = new QGroupBox(tr("Members"), this);
  auto* ml = new QVBoxLayout(membersBox);
  members_ = readOnlyTable({tr("Agency"), tr("Role"), tr("User"), tr("Devices")}, membersBox,
                           "memberTable");
  ml->addWidget(members_);
  auto* tools = new QHBoxLayout();
  add_ = new QPushButton(tr("Add a member from their card…"), membersBox);
  add_->setObjectName("addMemberButton");
  remove_ = new QPushButton(tr("Remove the chosen member…"), membersBox);
  remove_->setObjectName("removeMemberButton");
  tools->addWidget(add_);
  tools->addWidget(remove_);
  tools->addStretch(1);
  ml->addLayout(tools);
  grid->addWidget(membersBox, 0, 0, 1, 2);

  auto* agenciesBox = new QGroupBox(tr("Agencies and their safety numbers"), this);
  auto* al = new QVBoxLayout(agenciesBox);
  auto* explain = new QLabel(tr("Compare each agency's safety number with someone from that "
                                "agency, in person or by phone, before trusting what it signs."),
                             agenciesBox);
  explain->setWordWrap(true);
  al->addWidget(explain);
  agencies_ = readOnlyTable({tr("Agency"), tr("Safety number")}, agenciesBox, "agencyTable");
  al->addWidget(agencies_);
  grid->addWidget(agenciesBox, 1, 0);
  auto* keys = new QPushButton(tr("Save the agency keys for a newcomer…"), agenciesBox);
  keys->setObjectName("saveAgencyKeysButton");
  keys->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
  al->addWidget(keys);
  connect(keys, &QPushButton::clicked, this, &MembersPage::saveAgencyKeys);
  auto* qrBox = new QGroupBox(tr("Safety number as a QR code"), this);
  auto* ql = new QVBoxLayout(qrBox);
  qr_ = new QLabel(qrBox);
  qr_->setObjectName("safetyQr");
  qr_->setAlignment(Qt::AlignCenter);
  qr_->setMinimumSize(220, 220);
  ql->addWidget(qr_, 1);
  qrCaption_ = new QLabel(qrBox);
  qrCaption_->setWordWrap(true);
  qrCaption_->setAlignment(Qt::AlignCenter);
  ql->addWidget(qrCaption_);
  grid->addWidget(qrBox, 1, 1);
  grid->setColumnStretch(0, 3);
  grid->setColumnStretch(1, 1);
  layout->addLayout(grid, 1);
  message_ = new QLabel(this);
  message_->setObjectName("membersMessage");
  message_->setWordWrap(true);
  layout->addWidget(message_);

  connect(agencies_, &QTableWidget::itemSelectionChanged, this, &MembersPage::showQr);
  connect(add_, &QPushButton::clicked, this, &MembersPage::addMember);
  connect(remove_, &QPushButton::clicked, this, &MembersPage::removeMember);
  connect(&workspace_, &WorkspaceController::snapshotChanged, this, &MembersPage::refresh);
  refresh();
}

void MembersPage::refresh() {
  const Snapshot& s = workspace_.snapshot();
  code_->setText(QString::fromStdString(s.groupCode));
  add_->setVisible(s.coordinator);
  remove_->setVisible(s.coordinator);
  QStringList notes;
  for (const auto& e : s.awaitingExclusion) {
    notes << (e.expired ? tr("A device of a member from %1 has a certificate that is no longer "
                             "valid, but it is still in the group and holds the current group "
                             "key. A coordinator's computer takes it out as soon as it syncs.")
                        : tr("A device of a member from %1 has been revoked (lost, stolen or the "
                             "person has left), but it is still in the group and holds the "
                             "current group key. A coordinator's computer takes it out as soon "
                             "as it syncs; until then, write nothing new about cases."))
                 .arg(s.agencyName(e.agency));
  }
  for (const auto& e : s.excluded) {
    notes << (e.wholeMember ? tr("A member from %1 was taken out of the group (%2). A new group "
                                 "key is in use: nothing written from now on reaches them.")
                            : tr("A device of a member from %1 was taken out of the group (%2). "
                                 "A new group key is in use: nothing written from now on "
                                 "reaches it."))
                 .arg(s.agencyName(e.agency),
                      e.expired ? tr("certificate expired") : tr("revoked"));
  }
  if (!s.exclusionProblem.isEmpty()) {
    notes << tr("The revoked or expired devices could not be taken out of the group yet: %1 "
                "Samråd tries again at every sync.")
                 .arg(s.exclusionProblem);
  }
  for (const auto& author : s.refusedRecordAuthors) {
    const auto m = std::find_if(s.members.begin(), s.members.end(), [&](const auto& x) {
      return std::find(x.devices.begin(), x.devices.end(), author) != x.devices.end();
    });
    notes << tr("A change to a case's record by a member from %1 was refused: only the agency "
                "that referred the case changes it, and the coordinator only its status. This "
                "computer keeps the version before. Tell the coordinator.")
                 .arg(m != s.members.end() ? s.agencyName(m->agency) : tr("another agency"));
  }
  if (const auto& w = s.witnessShortfall) {
    notes << (w->agencies < w->required
                  ? tr("The group asks that %n agencies witness the server's log, but no "
                       "checkpoint of the log has been witnessed by that many of the group's "
                       "agencies. Until it has, the log's record of who read what rests on the "
                       "server alone. Tell the coordinator.",
                       nullptr, static_cast<int>(w->required))
                  : tr("The group asks that %n agencies witness the server's log, but none has "
                       "done so in the last two days (last: %1). Until they have, the log's "
                       "record of who read what rests on the server alone. Tell the coordinator.",
                       nullptr, static_cast<int>(w->required))
                        .arg(dateText(w->newestAt)));
  }
  revocations_->setText(notes.join(QStringLiteral("\n\n")));
  revocations_->setVisible(!notes.isEmpty());
  members_->setRowCount(static_cast<int>(s.members.size()));
  for (int i = 0; i < static_cast<int>(s.members.size()); ++i) {
    const auto& m = s.members[static_cast<std::size_t>(i)];
    auto* agency = new QTableWidgetItem(s.agencyName(m.agency));
    agency->setData(Qt::UserRole, hexId(m.user.view()));
    members_->setItem(i, 0, agency);
    // An agency's recovery key is shown as what it is: "Polisens
    // återställningsnyckel", a member of the group nobody can miss.
    const QString role = m.role != crypto::GroupRole::Recovery ? groupRoleLabel(m.role)
                         : QLocale().language() == QLocale::Swedish
                             ? QString::fromStdString(
                                   client::recoveryKeyLabelSv(s.agencyName(m.agency).toStdString()))
                             : tr("Recovery key of %1").arg(s.agencyName(m.agency));
    members_->setItem(i, 1, new QTableWidgetItem(role));
    members_->setItem(
        i, 2,
        new QTableWidgetItem(shortId(m.user.view()) + (m.user == s.me ? tr(" (you)") : QString())));
    members_->setItem(i, 3, new QTableWidgetItem(QString::number(m.devices.size())));
  }
  const int keep = agencies_->currentRow();
  agencies_->setRowCount(static_cast<int>(s.agencies.size()));
  for (int i = 0; i < static_cast<int>(s.agencies.size()); ++i) {
    const auto& a = s.agencies[static_cast<std::size_t>(i)];
    agencies_->setItem(i, 0, new QTableWidgetItem(QString::fromStdString(a.name)));
    agencies_->setItem(i, 1, new QTableWidgetItem(QString::fromStdString(a.safetyNumber)));
  }
  if (agencies_->rowCount() > 0) {
    agencies_->selectRow(keep >= 0 && keep < agencies_->rowCount() ? keep : 0);
  }
  showQr();
}

void MembersPage::showQr() {
  const int row = agencies_->currentRow();
  const Snapshot& s = workspace_.snapshot();
  if (row < 0 || row >= static_cast<int>(s.agencies.size())) {
    qr_->clear();
    qrCaption_->clear();
    return;
  }
  const auto& a = s.agencies[static_cast<std::size_t>(row)];
  qr_->setPixmap(QPixmap::fromImage(qrImage(QString::fromStdString(a.safetyNumber), 5)));
  qrCaption_->setText(QString::fromStdString(a.name));
}

void MembersPage::saveAgencyKeys() {
  const QString path = askSaveFile(this, tr("Save the agency keys"),
                                   QStringLiteral("agency-keys.txt"), tr("Text (*.txt)"));
  if (path.isEmpty()) {
    return;
  }
  workspace_.run(
      tr("Saving the agency keys"),
      [path](client::Workspace& ws) -> Status {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly)) {
          return Error(ErrorCode::Internal, "export.failed", "cannot write " + path.toStdString());
        }
        // The log key goes with the agency keys: the newcomer's device pins
        // it instead of trusting the first key the server shows.
        const std::string logKey = ws.groupOpen() ? ws.replica().log().verifierKey() : "";
        f.write(QByteArray::fromStdString(client::agencyKeysFile(ws.profile(), logKey)));
        return okStatus();
      },
      [this, path](const Status& st) {
        message_->setText(st ? tr("Saved to %1. Hand it to the newcomer with the "
                                  "group's id.")
                                   .arg(path)
                             : describeWorkspaceError(st.error()));
      });
}

void MembersPage::addMember() {
  const QString path =
      askOpenFile(this, tr("The member's card"), tr("Member cards (*.card *.txt);;All files (*)"));
  if (path.isEmpty()) {
    return;
  }
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) {
    message_->setText(tr("The card could not be read. Choose the file again."));
    return;
  }
  const std::string text = f.readAll().toStdString();
  workspace_.run(
      tr("Adding the member"),
      [text](client::Workspace& ws) -> Status {
        SAMRAD_ASSIGN_OR_RETURN(auto spec,
                                client::parseMemberCard(text, crypto::GroupRole::Member));
        return ws.replica().changeMembership(ws.server(), crypto::OpAddMember{std::move(spec)},
                                             QDateTime::currentSecsSinceEpoch());
      },
      [this](const Status& st) {
        message_->setText(st ? tr("The member was added. Read the new group code aloud.")
                             : describeWorkspaceError(st.error()));
      });
}

void MembersPage::removeMember() {
  const auto rows = members_->selectionModel()->selectedRows();
  if (rows.isEmpty()) {
    message_->setText(tr("Choose a member in the table first."));
    return;
  }
  const QString hex = members_->item(rows.first().row(), 0)->data(Qt::UserRole).toString();
  // Who, in words: the agency and the member's short id, as in the table.
  const QString who = members_->item(rows.first().row(), 0)->text() + QStringLiteral(" · ") +
                      members_->item(rows.first().row(), 2)->text();
  const auto user = idFromHex<crypto::UserId>(hex);
  if (!user) {
    return;
  }
  if (!confirmDanger(this, tr("Remove the member"),
                     tr("Remove %1 from the group? A new key epoch starts: they keep nothing "
                        "written from now on.")
                         .arg(who),
                     tr("Remove the member"), tr("Keep the member"))) {
    return;
  }
  workspace_.run(
      tr("Removing the member"),
      [u = *user](client::Workspace& ws) {
        return ws.replica().changeMembership(ws.server(), crypto::OpRemoveMember{u},
                                             QDateTime::currentSecsSinceEpoch());
      },
      [this](const Status& st) {
        message_->setText(st ? tr("The member was removed; a new key epoch began.")
                             : describeWorkspaceError(st.error()));
      });
}

}  // namespace samrad::app
