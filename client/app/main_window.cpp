#include "main_window.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDBusConnection>
#include <QDialog>
#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableWidget>
#include <QTextEdit>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <functional>

#include "advice_page.h"
#include "cases_page.h"
#include "connection_controller.h"
#include "dashboard_page.h"
#include "enrol_page.h"
#include "format.h"
#include "meeting_page.h"
#include "members_page.h"
#include "register_page.h"
#include "session_lock.h"
#include "statistics_page.h"
#include "ui_util.h"
#include "unlock_page.h"
#include "workspace_controller.h"

namespace samrad::app {
namespace {
const char* const kPageNames[] = {"overview", "cases",   "meetings",  "advice",
                                  "register", "members", "statistics"};
constexpr int kPages = 7;

// Whether `w` is this window's: opened from it, at any depth.
bool belongsTo(const QWidget* w, const QWidget* window) {
  for (const QWidget* p = w->parentWidget(); p != nullptr; p = p->parentWidget()) {
    if (p == window) return true;
  }
  return false;
}

// Empties whatever a person typed or was shown in `w`.
void clearContent(QWidget* w) {
  for (auto* e : w->findChildren<QLineEdit*>()) e->clear();
  for (auto* e : w->findChildren<QPlainTextEdit*>()) e->clear();
  for (auto* e : w->findChildren<QTextEdit*>()) e->clear();
  for (auto* c : w->findChildren<QComboBox*>()) {
    if (c->isEditable()) c->clearEditText();
  }
  for (auto* t : w->findChildren<QTableWidget*>()) t->setRowCount(0);
  for (auto* l : w->findChildren<QListWidget*>()) l->clear();
  for (auto* l : w->findChildren<QLabel*>()) l->clear();
}
}  // namespace

MainWindow::MainWindow(ConnectionController& connection, WorkspaceController& workspace,
                       QWidget* parent)
    : QMainWindow(parent), connection_(connection), workspace_(workspace) {
  setWindowTitle(tr("Samråd"));
  setObjectName("mainWindow");
  // The Swedish word list is read once; the scanner in the referral and
  // advice flows shares it.
  lexicon_ = std::make_shared<const deid::Lexicon>(deid::Lexicon::standard());

  root_ = new QStackedWidget(this);
  unlock_ = new UnlockPage(connection_, workspace_, root_);
  root_->addWidget(unlock_);
  enrol_ = new EnrolPage(workspace_, root_);
  root_->addWidget(enrol_);

  work_ = new QWidget(root_);
  auto* wl = new QVBoxLayout(work_);
  wl->setContentsMargins(0, 0, 0, 0);
  wl->setSpacing(0);
  banner_ = new QLabel(work_);
  banner_->setObjectName("verificationBanner");
  banner_->setWordWrap(true);
  banner_->setMargin(12);
  banner_->setStyleSheet(QStringLiteral("background: #b71c1c; color: white; font-weight: bold;"));
  banner_->hide();
  wl->addWidget(banner_);
  auto* body = new QHBoxLayout();
  body->setContentsMargins(8, 8, 8, 8);
  nav_ = new QListWidget(work_);
  nav_->setObjectName("navigation");
  nav_->setAccessibleName(tr("Sections"));
  QFont navFont = nav_->font();
  navFont.setPointSizeF(navFont.pointSizeF() * 1.1);
  nav_->setFont(navFont);
  nav_->setSpacing(3);
  for (const QString& label : {tr("Overview"), tr("Cases"), tr("Meetings"), tr("Advice requests"),
                               tr("Consent register"), tr("Members and keys"), tr("Statistics")}) {
    nav_->addItem(label);
  }
  // As wide as its longest entry in the font and language in use.
  int navWidth = 0;
  for (int i = 0; i < nav_->count(); ++i) {
    navWidth = std::max(navWidth, QFontMetrics(navFont).horizontalAdvance(nav_->item(i)->text()));
  }
  nav_->setFixedWidth(navWidth + 4 * QFontMetrics(navFont).averageCharWidth() +
                      nav_->frameWidth() * 2);
  body->addWidget(nav_);
  pages_ = new QStackedWidget(work_);
  dashboard_ = new DashboardPage(workspace_, pages_);
  cases_ = new CasesPage(workspace_, lexicon_, pages_);
  meeting_ = new MeetingPage(workspace_, pages_);
  advice_ = new AdvicePage(workspace_, lexicon_, pages_);
  register_ = new RegisterPage(workspace_, pages_);
  members_ = new MembersPage(workspace_, pages_);
  statistics_ = new StatisticsPage(workspace_, pages_);
  for (QWidget* p : std::initializer_list<QWidget*>{dashboard_, cases_, meeting_, advice_,
                                                    register_, members_, statistics_}) {
    pages_->addWidget(p);
  }
  body->addWidget(pages_, 1);
  wl->addLayout(body, 1);
  root_->addWidget(work_);
  setCentralWidget(root_);

  sync_ = new QLabel(this);
  sync_->setObjectName("syncState");
  who_ = new QLabel(this);
  who_->setObjectName("whoAmI");
  lock_ = new QPushButton(tr("Lock"), this);
  lock_->setObjectName("lockButton");
  progress_ = new QProgressBar(this);
  progress_->setObjectName("transferProgress");
  progress_->setMaximumWidth(260);
  progress_->setTextVisible(true);
  progress_->hide();
  statusBar()->addPermanentWidget(progress_);
  statusBar()->addPermanentWidget(who_);
  statusBar()->addPermanentWidget(sync_);
  statusBar()->addPermanentWidget(lock_);

  connect(nav_, &QListWidget::currentRowChanged, pages_, &QStackedWidget::setCurrentIndex);
  connect(dashboard_, &DashboardPage::openCase, this, [this](const QString& id) {
    showPage("cases");
    cases_->selectCase(id);
  });
  connect(dashboard_, &DashboardPage::openMeeting, this, [this](const QString& id) {
    showPage("meetings");
    meeting_->selectMeeting(id);
  });
  connect(dashboard_, &DashboardPage::openAdvice, this, [this] { showPage("advice"); });
  connect(lock_, &QPushButton::clicked, this, &MainWindow::lockNow);
  connect(&workspace_, &WorkspaceController::unlockedChanged, this, &MainWindow::onUnlocked);
  connect(&workspace_, &WorkspaceController::syncStateChanged, this, &MainWindow::showSync);
  connect(&workspace_, &WorkspaceController::busyChanged, this, &MainWindow::showSync);
  connect(&workspace_, &WorkspaceController::operationFailed, this,
          [this](const QString& what, const QString& message) {
            statusBar()->showMessage(
                what.isEmpty() ? message : what + QStringLiteral(": ") + message, 15000);
          });
  connect(&workspace_, &WorkspaceController::operationSucceeded, this, [this](const QString& what) {
    if (!what.isEmpty()) {
      statusBar()->showMessage(tr("%1: done.").arg(what), 5000);
    }
  });
  connect(&workspace_, &WorkspaceController::progressChanged, this,
          [this](const QString& what, qint64 done, qint64 total) {
            // Bytes can exceed an int: show per mille.
            progress_->setRange(0, 1000);
            progress_->setValue(total > 0 ? static_cast<int>(done * 1000 / total) : 0);
            progress_->setFormat(QStringLiteral("%1 %p%").arg(what));
            progress_->setVisible(done < total);
          });
  connect(&workspace_, &WorkspaceController::busyChanged, this, [this](bool busy) {
    if (!busy) {
      progress_->hide();
    }
  });
  connect(&workspace_, &WorkspaceController::verificationFailed, this, [this](const QString& m) {
    banner_->setText(tr("STOP: %1").arg(m));
    banner_->show();
    pages_->setEnabled(false);
    auto* box =
        new QMessageBox(QMessageBox::Critical, tr("Verification failed"), m, QMessageBox::Ok, this);
    box->setObjectName("verificationAlarm");
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
  });
  connect(&workspace_, &WorkspaceController::snapshotChanged, this, [this] {
    const Snapshot& s = workspace_.snapshot();
    if (!s.open) {
      return;
    }
    QString role = s.external ? tr("External requester")
                   : s.role   ? groupRoleLabel(*s.role)
                              : tr("Not a member");
    who_->setText(tr("%1 · %2").arg(s.agencyName(s.myAgency), role));
  });

  idle_.setSingleShot(true);
  idle_.setInterval(10 * 60 * 1000);
  connect(&idle_, &QTimer::timeout, this, [this] {
    if (workspace_.unlocked()) {
      lockNow();
      unlock_->reset(tr("Samråd locked itself after a period without use. Unlock it to go on."));
    }
  });
  qApp->installEventFilter(this);
  lock_->setToolTip(tr("Lock Samråd now (Ctrl+L); your passphrase opens it again."));
  // The main actions from the keyboard: Ctrl+1…7 the sections, Ctrl+N a new
  // referral, Ctrl+S the minutes, Ctrl+F the page's filter.
  const auto shortcut = [this](QKeySequence keys, std::function<void()> act) {
    auto* s = new QShortcut(keys, this);
    connect(s, &QShortcut::activated, this, [this, act = std::move(act)] {
      if (workspace_.unlocked() && root_->currentWidget() == work_) act();
    });
  };
  for (int i = 0; i < kPages; ++i) {
    shortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)), [this, i] {
      if (!nav_->item(i)->isHidden()) nav_->setCurrentRow(i);
    });
    nav_->item(i)->setToolTip(tr("Ctrl+%1").arg(i + 1));
  }
  shortcut(QKeySequence(Qt::CTRL | Qt::Key_N), [this] {
    if (nav_->item(1)->isHidden()) return;  // an external requester refers nothing
    showPage("cases");
    cases_->openReferral();
  });
  shortcut(QKeySequence(Qt::CTRL | Qt::Key_S), [this] {
    if (currentPage() == QLatin1String("meetings")) meeting_->saveMinutes();
  });
  shortcut(QKeySequence(Qt::CTRL | Qt::Key_F), [this] {
    for (auto* filter : pages_->currentWidget()->findChildren<QWidget*>()) {
      if (filter->objectName().endsWith(QLatin1String("Filter")) && filter->isVisible()) {
        filter->setFocus(Qt::ShortcutFocusReason);
        return;
      }
    }
  });
  sessionLock_ = new SessionLockWatcher(this);
  connect(sessionLock_, &SessionLockWatcher::lockRequested, this, [this] {
    // Locked while the passphrase was being checked: locked again as soon
    // as it opens.
    if (!workspace_.unlocked() && workspace_.unlocking()) lockPending_ = true;
    if (workspace_.unlocked()) {
      lockNow();
      unlock_->reset(tr("Samråd locked itself because the computer was locked or went to sleep."));
    }
  });
  sessionLock_->watch(QDBusConnection::systemBus());
  sessionLock_->watch(QDBusConnection::sessionBus());
  onUnlocked(workspace_.unlocked());
  // A new computer: the person sets up their profile first.
  if (!workspace_.profileExists()) {
    root_->setCurrentWidget(enrol_);
  }
  sizeToScreen(this, {1360, 860});
}

MainWindow::~MainWindow() {
  qApp->removeEventFilter(this);
}

void MainWindow::setAutoLock(int milliseconds) {
  idle_.setInterval(milliseconds);
  if (milliseconds <= 0) {
    idle_.stop();
  }
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
  // Ctrl+L locks from anywhere in this window, an open dialog of it too.
  if (event->type() == QEvent::KeyPress && workspace_.unlocked()) {
    const auto* key = static_cast<QKeyEvent*>(event);
    auto* target = qobject_cast<QWidget*>(watched);
    if (key->key() == Qt::Key_L && key->modifiers() == Qt::ControlModifier && target != nullptr &&
        (target->window() == this || belongsTo(target->window(), this))) {
      lockNow();
      return true;
    }
  }
  switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
      if (workspace_.unlocked() && idle_.interval() > 0) {
        idle_.start();
      }
      break;
    default:
      break;
  }
  return QMainWindow::eventFilter(watched, event);
}

bool MainWindow::watchSessionLock(const QDBusConnection& bus) {
  return sessionLock_->watch(bus);
}

void MainWindow::lockNow() {
  closeContentWindows();
  workspace_.lock();
}

void MainWindow::closeContentWindows() {
  QToolTip::hideText();
  // What was copied or selected from the group's content.
  if (QClipboard* clip = QApplication::clipboard(); clip != nullptr) {
    if (clip->ownsClipboard()) clip->clear(QClipboard::Clipboard);
    if (clip->ownsSelection()) clip->clear(QClipboard::Selection);
  }
  // The pages: every editor and message (the rest is rebuilt from the empty
  // snapshot), the statistics' figures.
  for (auto* e : pages_->findChildren<QLineEdit*>()) e->clear();
  for (auto* e : pages_->findChildren<QPlainTextEdit*>()) e->clear();
  for (auto* e : pages_->findChildren<QTextEdit*>()) e->clear();
  for (auto* l : pages_->findChildren<QLabel*>()) {
    if (l->objectName().endsWith(QLatin1String("Message")) ||
        l->objectName() == QLatin1String("auditReport")) {
      l->clear();
    }
  }
  statistics_->clear();
  statusBar()->clearMessage();
  for (QWidget* w : QApplication::topLevelWidgets()) {
    if (w == this || !belongsTo(w, this)) continue;
    // The alarm that verification failed holds no content: it stays until read.
    if (w->objectName() == QLatin1String("verificationAlarm")) continue;
    clearContent(w);
    if (auto* d = qobject_cast<QDialog*>(w)) {
      d->reject();  // ends its exec() too; the code that opened it sees a cancel
    } else {
      w->close();
    }
  }
}

void MainWindow::onUnlocked(bool unlocked) {
  if (!unlocked) {
    closeContentWindows();
    idle_.stop();
    root_->setCurrentWidget(unlock_);
    unlock_->reset();
    who_->clear();
    lock_->hide();
    showSync();
    return;
  }
  if (lockPending_) {
    lockPending_ = false;
    lockNow();
    unlock_->reset(tr("Samråd locked itself because the computer was locked or went to sleep."));
    return;
  }
  const Snapshot& s = workspace_.snapshot();
  // An external requester sees only their own advice requests.
  for (int i = 0; i < nav_->count(); ++i) {
    nav_->item(i)->setHidden(s.external && i != 3);
  }
  root_->setCurrentWidget(work_);
  lock_->show();
  showPage(s.external ? "advice" : "overview");
  if (idle_.interval() > 0) {
    idle_.start();
  }
  showSync();
}

void MainWindow::showSync() {
  using S = WorkspaceController::SyncState;
  switch (workspace_.syncState()) {
    case S::Locked:
      sync_->setText(tr("Locked"));
      sync_->setStyleSheet({});
      break;
    case S::Syncing:
    case S::UpToDate:
      sync_->setText(workspace_.busy() ? tr("Syncing… · verified") : tr("Up to date · verified"));
      sync_->setStyleSheet(toneStyle(Tone::Good, this));
      break;
    case S::Offline:
      sync_->setText(tr("Offline: changes wait on this computer"));
      sync_->setStyleSheet(toneStyle(Tone::Warning, this));
      sync_->setToolTip(workspace_.syncProblem());
      break;
    case S::VerificationFailed:
      sync_->setText(tr("VERIFICATION FAILED"));
      sync_->setStyleSheet(toneStyle(Tone::Danger, this));
      sync_->setToolTip(workspace_.syncProblem());
      break;
  }
}

void MainWindow::showPage(const QString& name) {
  for (int i = 0; i < kPages; ++i) {
    if (name == QLatin1String(kPageNames[i])) {
      nav_->setCurrentRow(i);
      return;
    }
  }
}

bool MainWindow::settingUp() const {
  return root_->currentWidget() == enrol_;
}

QString MainWindow::currentPage() const {
  const int i = nav_->currentRow();
  return i >= 0 && i < kPages ? QString::fromLatin1(kPageNames[i]) : QString();
}

}  // namespace samrad::app
