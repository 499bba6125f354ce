#include "pdf_export.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <algorithm>

#include "format.h"

namespace samrad::app {
namespace {

QString esc(const std::string& s) {
  return QString::fromStdString(s).toHtmlEscaped();
}

}  // namespace

Status writePdf(const QString& path, const QString& title, const QString& mark,
                const QString& html) {
  QPdfWriter writer(path);
  writer.setPageSize(QPageSize(QPageSize::A4));
  writer.setPageMargins(QMarginsF(18, 18, 18, 22), QPageLayout::Millimeter);
  writer.setResolution(150);
  writer.setTitle(title);
  writer.setCreator(QStringLiteral("Samråd"));
  QPainter painter;
  if (!painter.begin(&writer)) {
    return Error(ErrorCode::Internal, "export.failed", "cannot write " + path.toStdString());
  }
  QTextDocument doc;
  QFont font(QStringLiteral("DejaVu Sans"));
  font.setPointSizeF(10);
  doc.setDefaultFont(font);
  doc.setHtml(html);
  const QRect page = painter.viewport();
  const double footer = writer.resolution() * 0.35;
  const QSizeF area(page.width(), page.height() - footer);
  doc.setPageSize(area);
  doc.documentLayout()->setPaintDevice(&writer);
  doc.setPageSize(area);
  const int pages = std::max(1, doc.pageCount());
  for (int i = 0; i < pages; ++i) {
    if (i > 0) {
      writer.newPage();
    }
    painter.save();
    painter.translate(0, -area.height() * i);
    const QRectF clip(0, area.height() * i, area.width(), area.height());
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.clip = clip;
    doc.documentLayout()->draw(&painter, ctx);
    painter.restore();
    painter.setFont(font);
    painter.drawText(
        QRectF(0, page.height() - footer * 0.8, page.width(), footer * 0.8),
        Qt::AlignLeft | Qt::AlignVCenter,
        mark + QStringLiteral("   —   ") +
            QCoreApplication::translate("samrad", "page %1 of %2").arg(i + 1).arg(pages));
  }
  if (!painter.end()) {
    return Error(ErrorCode::Internal, "export.failed", "cannot finish " + path.toStdString());
  }
  return okStatus();
}

QString exportMark(const Snapshot& s, const client::Meeting* m) {
  QString mark =
      QCoreApplication::translate("samrad", "Group %1 (code %2)")
          .arg(QString::fromStdString(s.groupId.substr(0, 8)), QString::fromStdString(s.groupCode));
  if (m != nullptr) {
    mark += QStringLiteral(", ") +
            QCoreApplication::translate("samrad", "meeting %1").arg(dateTimeText(m->startsAt));
    const auto a = s.approvals.find(m->id);
    mark += QStringLiteral(", ") +
            (a == s.approvals.end() ? QCoreApplication::translate("samrad", "draft, not approved")
                                    : QCoreApplication::translate("samrad", "minutes version %1")
                                          .arg(a->second.minutesVersion));
  }
  return mark;
}

QString minutesHtml(const Snapshot& s, const client::Meeting& m) {
  QString h;
  h += QStringLiteral("<h1>") +
       QCoreApplication::translate("samrad", "Minutes of the consultation group") +
       QStringLiteral("</h1>");
  h += QStringLiteral("<p><b>%1</b> %2<br><b>%3</b> %4<br><b>%5</b> %6</p>")
           .arg(QCoreApplication::translate("samrad", "Meeting:"), dateTimeText(m.startsAt),
                QCoreApplication::translate("samrad", "Place:"), esc(m.place),
                QCoreApplication::translate("samrad", "Status:"), meetingStatusLabel(m.status));
  const auto approval = s.approvals.find(m.id);
  if (approval != s.approvals.end()) {
    const auto& a = approval->second;
    h += QStringLiteral("<p><b>%1</b> %2, %3 %4</p>")
             .arg(QCoreApplication::translate("samrad", "Approved:"), dateTimeText(a.approvedAt),
                  QCoreApplication::translate("samrad", "version"))
             .arg(a.minutesVersion);
    if (!a.amendmentReason.empty()) {
      h += QStringLiteral("<p><b>%1</b> %2</p>")
               .arg(QCoreApplication::translate("samrad", "Amended because:"),
                    esc(a.amendmentReason));
    }
  } else {
    h += QStringLiteral("<p><i>%1</i></p>")
             .arg(QCoreApplication::translate("samrad",
                                              "Draft: not yet approved by the coordinator."));
  }
  h += QStringLiteral("<h2>") + QCoreApplication::translate("samrad", "Attendance") +
       QStringLiteral("</h2><ul>");
  if (const auto att = s.attendance.find(m.id); att != s.attendance.end()) {
    for (const auto& a : att->second) {
      const auto* member = s.member(a.user);
      h +=
          QStringLiteral("<li>%1 (%2), %3 %4</li>")
              .arg(member ? s.agencyName(member->agency)
                          : QCoreApplication::translate("samrad", "former member"),
                   shortId(a.user.view()),
                   QCoreApplication::translate("samrad", "confirmed the confidentiality statement"),
                   dateTimeText(a.confirmedAt));
    }
  }
  h += QStringLiteral("</ul>");
  int n = 0;
  for (const auto& e : m.agenda) {
    ++n;
    QString label;
    if (e.caseId) {
      const auto* c = s.findCase(*e.caseId);
      label = c ? QCoreApplication::translate("samrad", "Case %1")
                      .arg(QString::fromStdString(c->number))
                : QCoreApplication::translate("samrad", "Case (not readable)");
    } else {
      label = QCoreApplication::translate("samrad", "Advice request");
    }
    h += QStringLiteral("<h2>%1. %2</h2>").arg(n).arg(label);
    const auto* mins = s.minutesOf(m.id, e.item);
    if (mins == nullptr) {
      h += QStringLiteral("<p><i>%1</i></p>")
               .arg(QCoreApplication::translate("samrad", "No minutes for this item."));
      continue;
    }
    h += QStringLiteral("<p>%1</p>").arg(esc(mins->summary).replace('\n', "<br>"));
    if (!mins->decisions.empty()) {
      h += QStringLiteral("<p><b>%1</b></p><ul>")
               .arg(QCoreApplication::translate("samrad", "Decisions"));
      for (const auto& d : mins->decisions) {
        h += QStringLiteral("<li>%1</li>").arg(esc(d));
      }
      h += QStringLiteral("</ul>");
    }
    std::vector<const client::Action*> acts;
    for (const auto& a : s.actions) {
      if (a.meeting == m.id && e.caseId && a.caseId == *e.caseId) {
        acts.push_back(&a);
      }
    }
    if (!acts.empty()) {
      h += QStringLiteral(
               "<p><b>%1</b></p><table border='1' cellpadding='4' cellspacing='0'>"
               "<tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>")
               .arg(QCoreApplication::translate("samrad", "Actions"),
                    QCoreApplication::translate("samrad", "Agency"),
                    QCoreApplication::translate("samrad", "Action"),
                    QCoreApplication::translate("samrad", "Due"),
                    QCoreApplication::translate("samrad", "Status"));
      for (const auto* a : acts) {
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                 .arg(s.agencyName(a->ownerAgency).toHtmlEscaped(), esc(a->description),
                      dateText(a->dueAt), actionStatusLabel(a->status));
      }
      h += QStringLiteral("</table>");
    }
  }
  return h;
}

QString consentRegisterHtml(const Snapshot& s, std::int64_t now) {
  QString h;
  h += QStringLiteral("<h1>") + QCoreApplication::translate("samrad", "Consent register") +
       QStringLiteral("</h1>");
  h += QStringLiteral("<p>") +
       QCoreApplication::translate(
           "samrad",
           "Every consent this device can read, as registered by the referring agency, with "
           "withdrawals. Printed %1.")
           .arg(dateTimeText(now)) +
       QStringLiteral("</p>");
  h += QStringLiteral(
           "<table border='1' cellpadding='4' cellspacing='0' width='100%'><tr><th>%1</th>"
           "<th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th><th>%7</th></tr>")
           .arg(QCoreApplication::translate("samrad", "Case"),
                QCoreApplication::translate("samrad", "Recipients"),
                QCoreApplication::translate("samrad", "Categories and purpose"),
                QCoreApplication::translate("samrad", "Valid"),
                QCoreApplication::translate("samrad", "Collected"),
                QCoreApplication::translate("samrad", "Registered"),
                QCoreApplication::translate("samrad", "Status"));
  for (const auto& r : s.consents) {
    const auto* c = s.findCase(r.form.caseId);
    QStringList recipients;
    for (const auto& a : r.form.recipients) {
      recipients << s.agencyName(a).toHtmlEscaped();
    }
    QStringList cats;
    for (const auto& cat : r.form.categories) {
      cats << consentCategoryText(cat).toHtmlEscaped();
    }
    const QString status =
        r.withdrawn()
            ? QCoreApplication::translate("samrad", "Withdrawn %1").arg(dateText(r.withdrawnAt))
        : r.validAt(now)           ? QCoreApplication::translate("samrad", "Valid")
        : now >= r.form.validUntil ? QCoreApplication::translate("samrad", "Expired")
                                   : QCoreApplication::translate("samrad", "Not yet valid");
    h += QStringLiteral(
             "<tr><td>%1</td><td>%2</td><td>%3<br><i>%4</i></td><td>%5 – %6</td><td>%7</td>"
             "<td>%8</td><td>%9</td></tr>")
             .arg(c ? esc(c->number) : shortId(r.form.caseId.view()), recipients.join(", "),
                  cats.join(", "), esc(r.form.purpose), dateText(r.form.validFrom),
                  dateText(r.form.validUntil),
                  r.form.method == client::ConsentMethod::Written
                      ? QCoreApplication::translate("samrad", "Written")
                      : QCoreApplication::translate("samrad", "Orally, witness: %1")
                            .arg(esc(r.form.witness)),
                  dateText(r.registeredAt), status);
  }
  h += QStringLiteral("</table>");
  return h;
}

}  // namespace samrad::app
