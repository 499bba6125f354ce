// A meeting ("sammanträde"): the agenda in the prescribed order (the
// coordinator reorders it), attendance with each person's confirmation of
// the confidentiality statement, the minutes per item written by the
// secretary while the others see them arrive, the actions (agency, person,
// due date, status), the coordinator's approval and amendments, and the
// minutes as a PDF for each agency's records.
#pragma once

#include <QWidget>
#include <functional>
#include <optional>

#include "samrad/client/workspace.h"

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace samrad::app {

class WorkspaceController;

class MeetingPage : public QWidget {
  Q_OBJECT
 public:
  explicit MeetingPage(WorkspaceController& workspace, QWidget* parent = nullptr);

  void selectMeeting(const QString& meetingIdHex);
  void selectItem(int row);
  void planMeetings();
  void buildAgenda();
  void moveItem(int delta);
  void confirmAttendance();
  void saveMinutes();
  void addAction();
  void reviewAction(bool done);
  void approve();
  void cancelMeeting();
  void exportPdf();
  void showVersions();

 private:
  void refresh();
  void showItem();
  void run(const QString& what, std::function<Status(client::Workspace&)> op);
  [[nodiscard]] const client::Meeting* meeting() const;
  [[nodiscard]] std::optional<crypto::ObjectId> itemId() const;

  WorkspaceController& workspace_;
  QComboBox* meetings_ = nullptr;
  QLabel* meetingInfo_ = nullptr;
  QPushButton* plan_ = nullptr;
  QPushButton* build_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QPushButton* approve_ = nullptr;
  QPushButton* export_ = nullptr;
  QPushButton* versions_ = nullptr;
  QListWidget* agenda_ = nullptr;
  QPushButton* up_ = nullptr;
  QPushButton* down_ = nullptr;
  QLabel* attendance_ = nullptr;
  QPushButton* attend_ = nullptr;
  QLabel* itemTitle_ = nullptr;
  QLabel* itemBrief_ = nullptr;
  QPlainTextEdit* summary_ = nullptr;
  QPlainTextEdit* decisions_ = nullptr;
  QPushButton* save_ = nullptr;
  QLabel* minutesState_ = nullptr;
  QTableWidget* actions_ = nullptr;
  QPushButton* addAction_ = nullptr;
  QPushButton* done_ = nullptr;
  QPushButton* notDone_ = nullptr;
  QLabel* approval_ = nullptr;
  QLabel* message_ = nullptr;

  QString meetingId_;
  QString itemIdHex_;
  // What the editors were loaded from, to tell the person's edits from news.
  QString loadedSummary_;
  QString loadedDecisions_;
  std::uint64_t loadedVersion_ = 0;
};

}  // namespace samrad::app
