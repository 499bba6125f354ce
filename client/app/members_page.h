// Members and keys: the group code to read aloud, the members with their
// agency, role and devices, the agencies this device pinned with their
// safety numbers (as text and as a QR code to compare in person), and the
// coordinator's tools for adding and removing members.
#pragma once

#include <QImage>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace samrad::app {

class WorkspaceController;

// A QR code of `text` (qrencode), `scale` pixels per module, with a quiet zone.
QImage qrImage(const QString& text, int scale = 6);

class MembersPage : public QWidget {
  Q_OBJECT
 public:
  explicit MembersPage(WorkspaceController& workspace, QWidget* parent = nullptr);
  void addMember();
  void removeMember();
  void saveAgencyKeys();

 private:
  void refresh();
  void showQr();

  WorkspaceController& workspace_;
  QLabel* code_ = nullptr;
  QTableWidget* members_ = nullptr;
  QTableWidget* agencies_ = nullptr;
  QLabel* qr_ = nullptr;
  QLabel* qrCaption_ = nullptr;
  QPushButton* add_ = nullptr;
  QPushButton* remove_ = nullptr;
  QLabel* message_ = nullptr;
  QLabel* revocations_ = nullptr;  // revoked devices: taken out, or waiting for a coordinator
};

}  // namespace samrad::app
