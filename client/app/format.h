// How the client writes Samråd's terms, dates and ids, translated: dates as
// Swedish agencies write them (2026-11-24, 09:00), terms as they use them
// (samtycke, samordnare, ärende, avidentifierad, återkallelse).
#pragma once

#include <QString>
#include <cstdint>

#include "samrad/client/advice.h"
#include "samrad/client/cases.h"
#include "samrad/client/meetings.h"
#include "samrad/crypto/membership.h"

namespace samrad::app {

QString kindLabel(client::CaseKind k);
QString urgencyLabel(client::Urgency u);
QString caseStatusLabel(client::CaseStatus s);
QString groupRoleLabel(crypto::GroupRole r);
QString meetingStatusLabel(client::MeetingStatus s);
QString actionStatusLabel(client::ActionStatus s);
QString adviceStateLabel(client::AdviceState s);
QString organisationLabel(client::RequesterOrganisation o);
// "2026-11-24" and "2026-11-24 09:00" in local time.
QString dateText(std::int64_t unixSeconds);
QString dateTimeText(std::int64_t unixSeconds);
// The first eight hex digits of an id, for showing (never for matching).
QString shortId(crypto::ByteView id);
// Hex of a whole id, for storing in item data.
QString hexId(crypto::ByteView id);

}  // namespace samrad::app
