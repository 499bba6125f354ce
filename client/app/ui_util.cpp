#include "ui_util.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPalette>
#include <QPushButton>
#include <QScreen>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace samrad::app {
namespace {

FileQuestion& saveQuestion() {
  static FileQuestion q;
  return q;
}
FileQuestion& openQuestion() {
  static FileQuestion q;
  return q;
}
Confirmation& confirmation() {
  static Confirmation c;
  return c;
}

TextQuestion& textQuestion() {
  static TextQuestion q;
  return q;
}

}  // namespace

QLabel* heading(const QString& text, QWidget* parent, double scale) {
  auto* l = new QLabel(text, parent);
  QFont f = l->font();
  f.setPointSizeF(f.pointSizeF() * scale);
  f.setBold(true);
  l->setFont(f);
  l->setWordWrap(true);
  return l;
}

QTableWidget* readOnlyTable(const QStringList& headers, QWidget* parent, const char* name) {
  auto* t = new QTableWidget(0, static_cast<int>(headers.size()), parent);
  t->setObjectName(name);
  t->setHorizontalHeaderLabels(headers);
  t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  t->horizontalHeader()->setStretchLastSection(true);
  t->verticalHeader()->hide();
  t->setEditTriggers(QAbstractItemView::NoEditTriggers);
  t->setSelectionBehavior(QAbstractItemView::SelectRows);
  t->setSelectionMode(QAbstractItemView::SingleSelection);
  t->setAlternatingRowColors(true);
  return t;
}

QColor toneColor(Tone tone, const QWidget* w) {
  const bool dark = w != nullptr && w->palette().color(QPalette::Window).lightness() < 128;
  switch (tone) {
    case Tone::Good:
      return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x1b, 0x5e, 0x20);
    case Tone::Warning:
      return dark ? QColor(0xff, 0xcc, 0x80) : QColor(0x8a, 0x53, 0x00);
    case Tone::Danger:
      return dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xb7, 0x1c, 0x1c);
    case Tone::Muted:
      return w != nullptr ? w->palette().color(QPalette::PlaceholderText) : QColor(Qt::gray);
  }
  return {};
}

QString toneStyle(Tone tone, const QWidget* w) {
  return QStringLiteral("color: %1; font-weight: bold;").arg(toneColor(tone, w).name());
}

void setSaveFileQuestion(FileQuestion q) {
  saveQuestion() = std::move(q);
}
void setOpenFileQuestion(FileQuestion q) {
  openQuestion() = std::move(q);
}
void setConfirmation(Confirmation c) {
  confirmation() = std::move(c);
}

QString askSaveFile(QWidget* parent, const QString& title, const QString& suggestion,
                    const QString& filter) {
  if (saveQuestion()) {
    return saveQuestion()(parent, title, suggestion, filter);
  }
  return QFileDialog::getSaveFileName(parent, title, suggestion, filter);
}

QString askOpenFile(QWidget* parent, const QString& title, const QString& filter) {
  if (openQuestion()) {
    return openQuestion()(parent, title, {}, filter);
  }
  return QFileDialog::getOpenFileName(parent, title, {}, filter);
}

bool confirm(QWidget* parent, const QString& title, const QString& text) {
  if (confirmation()) {
    return confirmation()(parent, title, text);
  }
  return QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                               QMessageBox::Cancel) == QMessageBox::Yes;
}

void sizeToScreen(QWidget* w, QSize preferred) {
  // The font's height against the 16 px a 9-point font has at 96 dpi.
  const double scale = std::max(1.0, w->fontMetrics().height() / 16.0);
  QSize size(static_cast<int>(preferred.width() * scale),
             static_cast<int>(preferred.height() * scale));
  const QWidget* anchor = w->parentWidget() != nullptr ? w->parentWidget()->window() : w;
  if (const QScreen* screen = anchor->screen(); screen != nullptr) {
    const QRect room = screen->availableGeometry();
    size = size.boundedTo(QSize(room.width() * 95 / 100, room.height() * 92 / 100));
  }
  w->resize(size);
}

bool confirmDanger(QWidget* parent, const QString& title, const QString& text, const QString& act,
                   const QString& keep) {
  if (confirmation()) {
    return confirmation()(parent, title, text);
  }
  QDialog d(parent);
  d.setObjectName("dangerDialog");
  d.setWindowTitle(title);
  auto* layout = new QVBoxLayout(&d);
  auto* row = new QHBoxLayout();
  auto* icon = new QLabel(&d);
  const int size = d.style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, &d);
  icon->setPixmap(d.style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size));
  icon->setAlignment(Qt::AlignTop);
  row->addWidget(icon);
  auto* label = new QLabel(text, &d);
  label->setObjectName("dangerText");
  label->setWordWrap(true);
  label->setMinimumWidth(360);
  row->addWidget(label, 1);
  layout->addLayout(row);
  auto* buttons = new QHBoxLayout();
  auto* doIt = new QPushButton(act, &d);
  doIt->setObjectName("dangerAct");
  doIt->setStyleSheet(toneStyle(Tone::Danger, &d));
  auto* stay = new QPushButton(keep, &d);
  stay->setObjectName("dangerKeep");
  for (QPushButton* b : {doIt, stay}) {
    b->setAutoDefault(false);
    b->setDefault(false);
  }
  // The act on the far left, keeping on the right where OK usually is.
  buttons->addWidget(doIt);
  buttons->addStretch(1);
  buttons->addWidget(stay);
  layout->addLayout(buttons);
  QObject::connect(doIt, &QPushButton::clicked, &d, &QDialog::accept);
  QObject::connect(stay, &QPushButton::clicked, &d, &QDialog::reject);
  stay->setFocus();
  return d.exec() == QDialog::Accepted;
}

void setTextQuestion(TextQuestion q) {
  textQuestion() = std::move(q);
}

QString askText(QWidget* parent, const QString& title, const QString& label,
                const QString& suggestion) {
  if (textQuestion()) {
    return textQuestion()(parent, title, label, suggestion);
  }
  bool ok = false;
  const QString text =
      QInputDialog::getText(parent, title, label, QLineEdit::Normal, suggestion, &ok);
  return ok ? text : QString();
}

}  // namespace samrad::app
