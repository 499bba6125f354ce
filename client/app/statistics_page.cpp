#include "statistics_page.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPieSeries>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedBarSeries>
#include <QTimeZone>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>

#include "format.h"
#include "pdf_export.h"
#include "ui_util.h"
#include "workspace_controller.h"

namespace samrad::app {
namespace {

// On screen the true count; in an export, 1 to 4 drawn as nothing.
qreal shown(int n, bool suppressed) {
  return suppressed && n >= 1 && n <= 4 ? 0 : n;
}

QString monthLabel(const std::string& month) {
  const QDate d = QDate::fromString(QString::fromStdString(month) + "-01", "yyyy-MM-dd");
  return QLocale().monthName(d.month(), QLocale::ShortFormat);
}

QChart* newChart(const QString& title) {
  auto* c = new QChart();
  c->setTitle(title);
  c->setAnimationOptions(QChart::NoAnimation);
  c->legend()->setAlignment(Qt::AlignBottom);
  c->setTheme(QChart::ChartThemeLight);
  return c;
}

void axes(QChart* chart, QAbstractSeries* series, const QStringList& categories, int top,
          bool horizontal) {
  auto* cat = new QBarCategoryAxis();
  cat->append(categories);
  auto* val = new QValueAxis();
  val->setRange(0, std::max(4, top));
  val->setLabelFormat("%d");
  val->setTickType(QValueAxis::TicksDynamic);
  val->setTickInterval(std::max(1, (std::max(4, top) + 4) / 5));
  chart->addAxis(cat, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
  chart->addAxis(val, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
  series->attachAxis(cat);
  series->attachAxis(val);
}

QChart* monthsChart(const client::GroupStatistics& s, bool suppressed) {
  auto* consented =
      new QBarSet(QCoreApplication::translate("samrad::app::StatisticsPage", "With consent"));
  auto* deidentified =
      new QBarSet(QCoreApplication::translate("samrad::app::StatisticsPage", "De-identified"));
  QStringList months;
  int top = 0;
  for (const auto& m : s.perMonth) {
    *consented << shown(m.consented, suppressed);
    *deidentified << shown(m.deidentified, suppressed);
    months << monthLabel(m.month);
    top = std::max(top, m.total);
  }
  auto* series = new QStackedBarSeries();
  series->append(consented);
  series->append(deidentified);
  auto* chart =
      newChart(QCoreApplication::translate("samrad::app::StatisticsPage", "Cases per month"));
  chart->addSeries(series);
  axes(chart, series, months, top, false);
  // Twelve month names fit under the bars in a slightly smaller font.
  for (auto* axis : chart->axes(Qt::Horizontal)) {
    QFont f = axis->labelsFont();
    f.setPointSizeF(f.pointSizeF() * 0.8);
    axis->setLabelsFont(f);
  }
  return chart;
}

QChart* agenciesChart(const client::GroupStatistics& s, const Snapshot& snap, bool suppressed) {
  auto* set =
      new QBarSet(QCoreApplication::translate("samrad::app::StatisticsPage", "Cases referred"));
  QStringList names;
  int top = 0;
  for (const auto& [agency, n] : s.byReferringAgency) {
    *set << shown(n, suppressed);
    names << snap.agencyName(agency);
    top = std::max(top, n);
  }
  auto* series = new QHorizontalBarSeries();
  series->append(set);
  series->setLabelsVisible(!suppressed);
  auto* chart =
      newChart(QCoreApplication::translate("samrad::app::StatisticsPage", "Referring agency"));
  chart->addSeries(series);
  chart->legend()->hide();
  axes(chart, series, names, top, true);
  return chart;
}

QChart* actionsChart(const client::GroupStatistics& s, const Snapshot& snap, bool suppressed) {
  auto* onTime =
      new QBarSet(QCoreApplication::translate("samrad::app::StatisticsPage", "Done on time"));
  auto* late = new QBarSet(QCoreApplication::translate("samrad::app::StatisticsPage", "Done late"));
  auto* overdue =
      new QBarSet(QCoreApplication::translate("samrad::app::StatisticsPage", "Overdue"));
  auto* notDone =
      new QBarSet(QCoreApplication::translate("samrad::app::StatisticsPage", "Not done"));
  auto* open =
      new QBarSet(QCoreApplication::translate("samrad::app::StatisticsPage", "Not yet due"));
  QStringList names;
  int top = 0;
  for (const auto& a : s.actions) {
    *onTime << shown(a.doneOnTime, suppressed);
    *late << shown(a.doneLate, suppressed);
    *overdue << shown(a.overdue, suppressed);
    *notDone << shown(a.notDone, suppressed);
    *open << shown(a.open, suppressed);
    names << snap.agencyName(a.agency);
    top = std::max(top, a.doneOnTime + a.doneLate + a.overdue + a.notDone + a.open);
  }
  auto* series = new QHorizontalStackedBarSeries();
  for (auto* set : {onTime, late, overdue, notDone, open}) {
    series->append(set);
  }
  auto* chart =
      newChart(QCoreApplication::translate("samrad::app::StatisticsPage", "Actions by agency"));
  chart->addSeries(series);
  axes(chart, series, names, top, true);
  return chart;
}

QChart* outcomesChart(const client::GroupStatistics& s, bool suppressed) {
  auto* series = new QPieSeries();
  const std::pair<client::ViolenceAfter, const char*> labels[] = {
      {client::ViolenceAfter::Stopped, QT_TRANSLATE_NOOP("samrad::app::StatisticsPage", "Stopped")},
      {client::ViolenceAfter::Reduced, QT_TRANSLATE_NOOP("samrad::app::StatisticsPage", "Reduced")},
      {client::ViolenceAfter::Unchanged,
       QT_TRANSLATE_NOOP("samrad::app::StatisticsPage", "Unchanged")},
      {client::ViolenceAfter::Increased,
       QT_TRANSLATE_NOOP("samrad::app::StatisticsPage", "Increased")},
      {client::ViolenceAfter::NotKnown,
       QT_TRANSLATE_NOOP("samrad::app::StatisticsPage", "Not known")}};
  for (const auto& [key, label] : labels) {
    const auto it = s.outcomes.find(key);
    const int n = it == s.outcomes.end() ? 0 : it->second;
    if (shown(n, suppressed) > 0) {
      auto* slice =
          series->append(QStringLiteral("%1 (%2)")
                             .arg(QCoreApplication::translate("samrad::app::StatisticsPage", label))
                             .arg(n),
                         n);
      slice->setLabelVisible(true);
      // Stopped green through increased red; not known grey.
      static const QColor colours[] = {QColor(0x2e, 0x7d, 0x32), QColor(0x9c, 0xcc, 0x65),
                                       QColor(0xff, 0xb3, 0x00), QColor(0xc6, 0x28, 0x28),
                                       QColor(0x9e, 0x9e, 0x9e)};
      slice->setBrush(colours[static_cast<int>(key) - 1]);
    }
  }
  auto* chart = newChart(QCoreApplication::translate(
      "samrad::app::StatisticsPage", "Violence after support, as the person reported it"));
  chart->addSeries(series);
  chart->legend()->hide();
  if (series->count() == 0) {
    chart->setTitle(
        chart->title() + QStringLiteral("\n") +
        QCoreApplication::translate("samrad::app::StatisticsPage", "No follow-up answers yet."));
  }
  return chart;
}

QChartView* chartView(QWidget* parent, const char* name) {
  auto* v = new QChartView(new QChart(), parent);
  v->setObjectName(name);
  v->setRenderHint(QPainter::Antialiasing);
  v->setMinimumHeight(240);
  return v;
}

}  // namespace

StatisticsPage::StatisticsPage(WorkspaceController& workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace) {
  setObjectName("statisticsPage");
  auto* layout = new QVBoxLayout(this);
  auto* top = new QHBoxLayout();
  top->addWidget(heading(tr("Statistics"), this, 1.6));
  top->addStretch(1);
  auto* yearLabel = new QLabel(tr("&Year:"), this);
  top->addWidget(yearLabel);
  year_ = new QSpinBox(this);
  year_->setObjectName("statisticsYear");
  year_->setRange(2020, 2100);
  year_->setValue(QDate::currentDate().year());
  yearLabel->setBuddy(year_);
  top->addWidget(year_);
  auto* csv = new QPushButton(tr("CSV…"), this);
  csv->setObjectName("statisticsCsvButton");
  auto* png = new QPushButton(tr("Charts as PNG…"), this);
  png->setObjectName("statisticsPngButton");
  auto* report = new QPushButton(tr("Yearly report (PDF)…"), this);
  report->setObjectName("statisticsReportButton");
  for (auto* b : {csv, png, report}) {
    top->addWidget(b);
  }
  layout->addLayout(top);
  figures_ = new QLabel(this);
  figures_->setObjectName("statisticsFigures");
  figures_->setWordWrap(true);
  figures_->setTextFormat(Qt::RichText);
  layout->addWidget(figures_);
  auto* grid = new QGridLayout();
  months_ = chartView(this, "monthsChart");
  agencies_ = chartView(this, "agenciesChart");
  actions_ = chartView(this, "actionsChart");
  outcomes_ = chartView(this, "outcomesChart");
  grid->addWidget(months_, 0, 0);
  grid->addWidget(agencies_, 0, 1);
  grid->addWidget(actions_, 1, 0);
  grid->addWidget(outcomes_, 1, 1);
  layout->addLayout(grid, 1);
  message_ = new QLabel(this);
  message_->setObjectName("statisticsMessage");
  message_->setWordWrap(true);
  layout->addWidget(message_);

  connect(year_, &QSpinBox::valueChanged, this, &StatisticsPage::compute);
  connect(csv, &QPushButton::clicked, this, &StatisticsPage::exportCsv);
  connect(png, &QPushButton::clicked, this, &StatisticsPage::exportPng);
  connect(report, &QPushButton::clicked, this, &StatisticsPage::exportReport);
}

void StatisticsPage::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  compute();
}

void StatisticsPage::clear() {
  stats_.reset();
  figures_->clear();
  message_->clear();
  for (QChartView* v : {months_, agencies_, actions_, outcomes_}) {
    if (v->chart() != nullptr) v->chart()->removeAllSeries();
  }
}

void StatisticsPage::compute() {
  if (!workspace_.unlocked() || workspace_.snapshot().external) {
    return;
  }
  const int year = year_->value();
  const std::int64_t from =
      QDateTime(QDate(year, 1, 1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
  const std::int64_t to =
      QDateTime(QDate(year + 1, 1, 1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
  auto result = std::make_shared<client::GroupStatistics>();
  workspace_.run(
      tr("Computing the statistics"),
      [result, from, to](client::Workspace& ws) -> Status {
        SAMRAD_ASSIGN_OR_RETURN(auto input, ws.statisticsInput());
        *result = client::computeStatistics(input, from, to, QDateTime::currentSecsSinceEpoch());
        return okStatus();
      },
      [this, result](const Status& st) {
        if (!st) {
          message_->setText(describeWorkspaceError(st.error()));
          return;
        }
        stats_ = result;
        show(*result);
      });
}

void StatisticsPage::show(const client::GroupStatistics& s) {
  const Snapshot& snap = workspace_.snapshot();
  // A chart view lets go of its previous chart without deleting it.
  auto replace = [](QChartView* view, QChart* chart) {
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
  };
  replace(months_, monthsChart(s, false));
  replace(agencies_, agenciesChart(s, snap, false));
  replace(actions_, actionsChart(s, snap, false));
  replace(outcomes_, outcomesChart(s, false));
  QStringList advice;
  for (const auto& [org, n] : s.adviceByOrganisation) {
    advice << QStringLiteral("%1 %2").arg(organisationLabel(org)).arg(n);
  }
  figures_->setText(
      tr("Cases referred: <b>%1</b> · repeat referrals within 12 months: <b>%2</b> · "
         "reached a meeting: <b>%3</b>, median <b>%4</b> days from referral · followed up: "
         "<b>%5</b> · advice requests: <b>%6</b>%7")
          .arg(s.cases)
          .arg(s.repeatReferrals)
          .arg(s.reachedMeeting)
          .arg(s.reachedMeeting > 0 ? QLocale().toString(s.medianDaysToMeeting, 'f', 1)
                                    : QStringLiteral("–"))
          .arg(s.followedUp)
          .arg(s.adviceRequests)
          .arg(advice.isEmpty() ? QString() : QStringLiteral(" (") + advice.join(", ") + ")"));
  message_->setText(
      tr("Computed on this computer from what it has decrypted; exports show counts "
         "from 1 to 4 as <5."));
}

QImage StatisticsPage::renderCharts(bool suppressed) {
  const Snapshot& snap = workspace_.snapshot();
  QChart* charts[] = {monthsChart(*stats_, suppressed), agenciesChart(*stats_, snap, suppressed),
                      actionsChart(*stats_, snap, suppressed), outcomesChart(*stats_, suppressed)};
  const QSize cell(800, 520);
  QImage image(cell.width() * 2, cell.height() * 2 + 60, QImage::Format_ARGB32);
  image.fill(Qt::white);
  QPainter p(&image);
  p.setRenderHint(QPainter::Antialiasing);
  for (int i = 0; i < 4; ++i) {
    QChartView view(charts[i]);  // owns the chart from here (no default chart made)
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.setRenderHint(QPainter::Antialiasing);
    view.resize(cell);
    view.show();  // off screen: lays the chart out at this size
    view.QWidget::render(&p, QPoint((i % 2) * cell.width(), (i / 2) * cell.height()));
  }
  p.setPen(Qt::black);
  p.drawText(QRect(20, cell.height() * 2, image.width() - 40, 60),
             Qt::AlignVCenter | Qt::TextWordWrap,
             tr("Samråd, %1. Counts from 1 to 4 are not shown, so no figure points to a person.")
                 .arg(year_->value()));
  p.end();
  return image;
}

void StatisticsPage::exportCsv() {
  if (!stats_) {
    return;
  }
  const QString path = askSaveFile(this, tr("Save the statistics"),
                                   tr("statistics-%1.csv").arg(year_->value()), tr("CSV (*.csv)"));
  if (path.isEmpty()) {
    return;
  }
  std::map<crypto::AgencyId, std::string> names;
  for (const auto& a : workspace_.snapshot().agencies) {
    names[a.id] = a.name;
  }
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly)) {
    message_->setText(describeWorkspaceError(Error(ErrorCode::Internal, "export.failed", "")));
    return;
  }
  f.write(QByteArray::fromStdString(client::statisticsCsv(*stats_, names)));
  message_->setText(tr("Saved to %1 (counts from 1 to 4 as <5).").arg(path));
}

void StatisticsPage::exportPng() {
  if (!stats_) {
    return;
  }
  const QString path = askSaveFile(this, tr("Save the charts"),
                                   tr("statistics-%1.png").arg(year_->value()), tr("PNG (*.png)"));
  if (path.isEmpty()) {
    return;
  }
  const bool ok = renderCharts(true).save(path, "PNG");
  message_->setText(ok ? tr("Saved to %1 (counts from 1 to 4 not shown).").arg(path)
                       : describeWorkspaceError(Error(ErrorCode::Internal, "export.failed", "")));
}

void StatisticsPage::exportReport() {
  if (!stats_) {
    return;
  }
  const QString path =
      askSaveFile(this, tr("Save the yearly report"),
                  tr("yearly-report-%1.pdf").arg(year_->value()), tr("PDF (*.pdf)"));
  if (path.isEmpty()) {
    return;
  }
  const auto& s = *stats_;
  const Snapshot& snap = workspace_.snapshot();
  auto count = [](int n) { return QString::fromStdString(client::exportedCount(n)); };
  QString h;
  h += QStringLiteral("<h1>%1</h1>")
           .arg(tr("Yearly report %1 to the steering group").arg(year_->value()));
  h += QStringLiteral("<p>%1</p>")
           .arg(tr("The consultation group's work in figures, computed by the coordinator's "
                   "client from the group's encrypted records. Counts from 1 to 4 are shown as "
                   "&lt;5 so that no figure points to a person."));
  h += QStringLiteral("<h2>%1</h2><ul>").arg(tr("Key figures"));
  h += QStringLiteral("<li>%1: %2</li>").arg(tr("Cases referred"), count(s.cases));
  h += QStringLiteral("<li>%1: %2</li>")
           .arg(tr("Repeat referrals within 12 months"), count(s.repeatReferrals));
  h += QStringLiteral("<li>%1: %2</li>")
           .arg(tr("Cases that reached a meeting"), count(s.reachedMeeting));
  if (s.reachedMeeting >= 5) {
    h += QStringLiteral("<li>%1: %2</li>")
             .arg(tr("Median days from referral to the first meeting"),
                  QLocale().toString(s.medianDaysToMeeting, 'f', 1));
  }
  h += QStringLiteral("<li>%1: %2</li>")
           .arg(tr("Cases followed up after support"), count(s.followedUp));
  h += QStringLiteral("<li>%1: %2</li></ul>").arg(tr("Advice requests"), count(s.adviceRequests));
  h += QStringLiteral(
           "<h2>%1</h2><table border='1' cellpadding='4' cellspacing='0'><tr><th>%2</th>"
           "<th>%3</th><th>%4</th><th>%5</th></tr>")
           .arg(tr("Cases per month"), tr("Month"), tr("With consent"), tr("De-identified"),
                tr("Acute"));
  for (const auto& m : s.perMonth) {
    h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
             .arg(QString::fromStdString(m.month), count(m.consented), count(m.deidentified),
                  count(m.acute));
  }
  h += QStringLiteral("</table><h2>%1</h2><ul>").arg(tr("Referring agencies"));
  for (const auto& [a, n] : s.byReferringAgency) {
    h += QStringLiteral("<li>%1: %2</li>").arg(snap.agencyName(a).toHtmlEscaped(), count(n));
  }
  h += QStringLiteral(
           "</ul><h2>%1</h2><table border='1' cellpadding='4' cellspacing='0'><tr>"
           "<th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th></tr>")
           .arg(tr("Actions"), tr("Agency"), tr("Done on time"), tr("Done late"), tr("Overdue"),
                tr("Not done"));
  for (const auto& a : s.actions) {
    h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
             .arg(snap.agencyName(a.agency).toHtmlEscaped(), count(a.doneOnTime), count(a.doneLate),
                  count(a.overdue), count(a.notDone));
  }
  h += QStringLiteral("</table>");
  const QString png = QDir::temp().filePath(QStringLiteral("samrad-report-charts.png"));
  if (renderCharts(true).scaledToWidth(1000, Qt::SmoothTransformation).save(png, "PNG")) {
    h += QStringLiteral("<h2>%1</h2><p><img src='%2' width='640'></p>").arg(tr("Charts"), png);
  }
  const Status st =
      writePdf(path, tr("Yearly report %1").arg(year_->value()), exportMark(snap, nullptr), h);
  QFile::remove(png);
  message_->setText(st ? tr("The yearly report was saved to %1.").arg(path)
                       : describeWorkspaceError(st.error()));
}

}  // namespace samrad::app
