// The group at a glance: the next meeting, open cases by urgency, my
// agency's actions (overdue first, highlighted) and advice requests waiting.
#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;

namespace samrad::app {

class WorkspaceController;

class DashboardPage : public QWidget {
  Q_OBJECT
 public:
  explicit DashboardPage(WorkspaceController& workspace, QWidget* parent = nullptr);

 signals:
  void openCase(const QString& caseIdHex);
  void openMeeting(const QString& meetingIdHex);
  void openAdvice();

 private:
  void refresh();

  WorkspaceController& workspace_;
  QLabel* greeting_ = nullptr;
  QLabel* meeting_ = nullptr;
  QTableWidget* cases_ = nullptr;
  QTableWidget* actions_ = nullptr;
  QLabel* advice_ = nullptr;
  QString nextMeetingId_;
};

}  // namespace samrad::app
