// Small helpers the client's pages share: headings, palette-aware colours
// for states (readable in light and dark palettes), and the one place file
// dialogs are asked for (tests answer them without a dialog).
#pragma once

#include <QColor>
#include <QLabel>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <functional>

class QTableWidget;

namespace samrad::app {

enum class Tone { Good, Warning, Danger, Muted };

// A heading label `scale` times the normal font size, bold.
QLabel* heading(const QString& text, QWidget* parent, double scale = 1.3);
// A table of rows to read and choose one of: headers, no editing, whole rows
// selected, columns sized to their contents and the last one stretched.
QTableWidget* readOnlyTable(const QStringList& headers, QWidget* parent, const char* name);

// The colour for a tone, adjusted to the widget's palette (light or dark).
QColor toneColor(Tone tone, const QWidget* w);
// "color: …; font-weight: bold" for a label in that tone.
QString toneStyle(Tone tone, const QWidget* w);

// Asks where to save (or which file to open); empty when the person cancels.
// Tests replace these to answer without a dialog.
using FileQuestion = std::function<QString(QWidget* parent, const QString& title,
                                           const QString& suggestion, const QString& filter)>;
void setSaveFileQuestion(FileQuestion q);
void setOpenFileQuestion(FileQuestion q);
QString askSaveFile(QWidget* parent, const QString& title, const QString& suggestion,
                    const QString& filter);
QString askOpenFile(QWidget* parent, const QString& title, const QString& filter);

// Gives a window the size it was designed at (`preferred`, in pixels at the
// default 96 dpi and a 9-point font), grown with the text size the person
// chose and never beyond the part of the screen it is shown on that windows
// may use (a 1366x768 laptop, 150 % text).
void sizeToScreen(QWidget* w, QSize preferred);

// Asks a yes/no question; tests replace it to answer without a dialog.
using Confirmation =
    std::function<bool(QWidget* parent, const QString& title, const QString& text)>;
void setConfirmation(Confirmation c);
bool confirm(QWidget* parent, const QString& title, const QString& text);
// Asks before something that cannot be taken back (cancel a meeting, close a
// case, remove a member): the buttons say what they do ("Ställ in
// sammanträdet" / "Behåll"), the one that acts is set apart, and neither is
// a default — Enter does nothing, Escape keeps. Goes through the same test
// hook as confirm().
bool confirmDanger(QWidget* parent, const QString& title, const QString& text, const QString& act,
                   const QString& keep);

// Asks for one line of text; empty when the person cancels. Tests replace it.
using TextQuestion = std::function<QString(QWidget* parent, const QString& title,
                                           const QString& label, const QString& suggestion)>;
void setTextQuestion(TextQuestion q);
QString askText(QWidget* parent, const QString& title, const QString& label,
                const QString& suggestion = {});

}  // namespace samrad::app
