// How the client writes Samråd's terms, dates and ids, translated: dates as
// Swedish agencies write them (2026-11-24, 09:00), terms as they use them
// (samtycke, samordnare, ärende, avidentifierad, återkallelse).
#pragma once

#include <QString>
#include <cstdint>
#include <optional>

#include "samrad/client/advice.h"
#include "samrad/client/cases.h"
#include "samrad/client/consent.h"
#include "samrad/client/meetings.h"
#include "samrad/crypto/membership.h"
#include "samrad/crypto/secure.h"

namespace samrad::app {

QString kindLabel(client::CaseKind k);
QString urgencyLabel(client::Urgency u);
QString caseStatusLabel(client::CaseStatus s);
QString groupRoleLabel(crypto::GroupRole r);
QString meetingStatusLabel(client::MeetingStatus s);
QString actionStatusLabel(client::ActionStatus s);
QString adviceStateLabel(client::AdviceState s);
QString organisationLabel(client::RequesterOrganisation o);
// The language the desktop client speaks (the locale main.cpp chose).
client::Language uiLanguage();
// A consent's information category as this reader reads it: the template's
// in their language, any other as it was written.
QString consentCategoryText(const std::string& stored);
// "2026-11-24" and "2026-11-24 09:00" in local time.
QString dateText(std::int64_t unixSeconds);
QString dateTimeText(std::int64_t unixSeconds);
// The first eight hex digits of an id, for showing (never for matching).
QString shortId(crypto::ByteView id);
// Hex of a whole id, for storing in item data.
QString hexId(crypto::ByteView id);
// The id an item's data (or a person's paste) names, if it is one.
template <typename Id>
std::optional<Id> idFromHex(const QString& hex) {
  crypto::Bytes raw;
  if (!crypto::fromHex(hex.trimmed().toStdString(), raw)) {
    return std::nullopt;
  }
  auto id = Id::fromBytes(raw);
  if (!id.ok()) {
    return std::nullopt;
  }
  return *id;
}

}  // namespace samrad::app
