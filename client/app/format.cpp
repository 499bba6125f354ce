#include "format.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include "samrad/crypto/secure.h"

namespace samrad::app {
QString kindLabel(client::CaseKind k) {
  return k == client::CaseKind::Consented ? QCoreApplication::translate("samrad", "With consent")
                                          : QCoreApplication::translate("samrad", "De-identified");
}

QString urgencyLabel(client::Urgency u) {
  switch (u) {
    case client::Urgency::Acute:
      return QCoreApplication::translate("samrad", "Acute");
    case client::Urgency::Planned:
      return QCoreApplication::translate("samrad", "Planned");
    case client::Urgency::Consultative:
      return QCoreApplication::translate("samrad", "Consultation");
  }
  return {};
}

QString caseStatusLabel(client::CaseStatus s) {
  switch (s) {
    case client::CaseStatus::Referred:
      return QCoreApplication::translate("samrad", "Referred");
    case client::CaseStatus::OnAgenda:
      return QCoreApplication::translate("samrad", "On the agenda");
    case client::CaseStatus::Active:
      return QCoreApplication::translate("samrad", "Active");
    case client::CaseStatus::Closed:
      return QCoreApplication::translate("samrad", "Closed");
  }
  return {};
}

QString groupRoleLabel(crypto::GroupRole r) {
  switch (r) {
    case crypto::GroupRole::Coordinator:
      return QCoreApplication::translate("samrad", "Coordinator");
    case crypto::GroupRole::Member:
      return QCoreApplication::translate("samrad", "Member");
    case crypto::GroupRole::Lawyer:
      return QCoreApplication::translate("samrad", "Lawyer");
    case crypto::GroupRole::Observer:
      return QCoreApplication::translate("samrad", "Observer");
    case crypto::GroupRole::Recovery:
      return QCoreApplication::translate("samrad", "Recovery");
  }
  return {};
}

QString meetingStatusLabel(client::MeetingStatus s) {
  switch (s) {
    case client::MeetingStatus::Planned:
      return QCoreApplication::translate("samrad", "Planned");
    case client::MeetingStatus::Held:
      return QCoreApplication::translate("samrad", "Held");
    case client::MeetingStatus::Cancelled:
      return QCoreApplication::translate("samrad", "Cancelled");
  }
  return {};
}

QString actionStatusLabel(client::ActionStatus s) {
  switch (s) {
    case client::ActionStatus::Open:
      return QCoreApplication::translate("samrad", "Open");
    case client::ActionStatus::Done:
      return QCoreApplication::translate("samrad", "Done");
    case client::ActionStatus::NotDone:
      return QCoreApplication::translate("samrad", "Not done");
  }
  return {};
}

QString adviceStateLabel(client::AdviceState s) {
  switch (s) {
    case client::AdviceState::Submitted:
      return QCoreApplication::translate("samrad", "Waiting");
    case client::AdviceState::OnAgenda:
      return QCoreApplication::translate("samrad", "On the agenda");
    case client::AdviceState::Answered:
      return QCoreApplication::translate("samrad", "Answered");
  }
  return {};
}

QString organisationLabel(client::RequesterOrganisation o) {
  switch (o) {
    case client::RequesterOrganisation::SocialServices:
      return QCoreApplication::translate("samrad", "Social services");
    case client::RequesterOrganisation::Healthcare:
      return QCoreApplication::translate("samrad", "Healthcare");
    case client::RequesterOrganisation::Other:
      return QCoreApplication::translate("samrad", "Other");
  }
  return {};
}

QString dateText(std::int64_t t) {
  if (t <= 0) {
    return QStringLiteral("–");
  }
  return QDateTime::fromSecsSinceEpoch(t).toString(QStringLiteral("yyyy-MM-dd"));
}

QString dateTimeText(std::int64_t t) {
  if (t <= 0) {
    return QStringLiteral("–");
  }
  return QDateTime::fromSecsSinceEpoch(t).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString shortId(crypto::ByteView id) {
  return QString::fromStdString(crypto::toHex(id).substr(0, 8));
}

QString hexId(crypto::ByteView id) {
  return QString::fromStdString(crypto::toHex(id));
}

client::Language uiLanguage() {
  return QLocale().language() == QLocale::Swedish ? client::Language::Swedish
                                                  : client::Language::English;
}

QString consentCategoryText(const std::string& stored) {
  return QString::fromStdString(client::consentCategoryLabel(stored, uiLanguage()));
}

}  // namespace samrad::app
