#include "ui_util.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QMessageBox>
#include <QPalette>
#include <QTableWidget>

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
