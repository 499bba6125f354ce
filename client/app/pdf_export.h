// PDF documents for each agency's own records: minutes and the consent
// register, marked with the group, the meeting and the version, and the
// receipt a person takes home. Written with Qt's own PDF writer.
#pragma once

#include <QString>

#include "samrad/common/result.h"
#include "workspace_controller.h"

namespace samrad::app {

// Writes `html` as an A4 PDF with `title` as its document title and a footer
// line `mark` on every page. Reason: export.failed.
Status writePdf(const QString& path, const QString& title, const QString& mark,
                const QString& html);

// The approved (or draft) minutes of a meeting, item by item, with the
// decisions, actions and attendance, as HTML for writePdf.
QString minutesHtml(const Snapshot& s, const client::Meeting& m);
// The consent register of the group as this device can read it.
QString consentRegisterHtml(const Snapshot& s, std::int64_t now);
// What marks an export: group, meeting and version.
QString exportMark(const Snapshot& s, const client::Meeting* m);

}  // namespace samrad::app
