// The group's statistics on the coordinator's or lawyer's computer (issue
// #9): cases per month by kind, referring agencies (healthcare referrals
// are the known gap), actions on time by agency, outcomes after support,
// and the key figures — computed here from what this device decrypted.
// Exports (CSV, PNG, the yearly PDF report for the steering group) show
// counts from 1 to 4 as "<5"; the screen shows the true figures.
#pragma once

#include <QImage>
#include <QWidget>
#include <memory>

#include "samrad/client/stats.h"

class QChartView;
class QLabel;
class QSpinBox;

namespace samrad::app {

class WorkspaceController;

class StatisticsPage : public QWidget {
  Q_OBJECT
 public:
  explicit StatisticsPage(WorkspaceController& workspace, QWidget* parent = nullptr);

  void compute();
  // Forgets the figures and empties the charts (on lock).
  void clear();
  void exportCsv();
  void exportPng();
  void exportReport();
  [[nodiscard]] const client::GroupStatistics* statistics() const { return stats_.get(); }

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  void show(const client::GroupStatistics& s);
  // The charts drawn with small counts hidden, for export.
  QImage renderCharts(bool suppressed);

  WorkspaceController& workspace_;
  QSpinBox* year_ = nullptr;
  QLabel* figures_ = nullptr;
  QChartView* months_ = nullptr;
  QChartView* agencies_ = nullptr;
  QChartView* actions_ = nullptr;
  QChartView* outcomes_ = nullptr;
  QLabel* message_ = nullptr;
  std::shared_ptr<client::GroupStatistics> stats_;
};

}  // namespace samrad::app
