// Sentences a person understands for the errors the client core and the
// server report, keyed by their stable reason, with what to do next.
#include <QCoreApplication>
#include <map>

#include "connection_controller.h"
#include "samrad/client/connection.h"
#include "workspace_controller.h"

namespace samrad::app {
namespace {

const char* messageFor(const std::string& reason) {
  // clang-format off
  static const std::map<std::string, const char*> kMessages = {
    {"keystore.wrong_passphrase", QT_TRANSLATE_NOOP("samrad", "The passphrase is not right. Check Caps Lock and try again.")},
    {"keystore.missing", QT_TRANSLATE_NOOP("samrad", "There is no Samråd profile on this computer yet. Ask your agency administrator to set up your device.")},
    {"keystore.corrupt", QT_TRANSLATE_NOOP("samrad", "The profile on this computer is damaged. Contact your agency administrator; do not delete the folder.")},
    {"profile.missing", QT_TRANSLATE_NOOP("samrad", "This profile has no device yet. Ask your agency administrator to set up your device.")},
    {"profile.not_enrolled", QT_TRANSLATE_NOOP("samrad", "This device is not enrolled yet. Enrol it with the certificate and the one-time code from your agency administrator.")},
    {"profile.no_group", QT_TRANSLATE_NOOP("samrad", "You are not a member of a consultation group yet. The coordinator adds you with your member card.")},
    {"rpc.unavailable", QT_TRANSLATE_NOOP("samrad", "The Samråd server cannot be reached. Your changes are kept on this computer and sent when the connection is back.")},
    {"sync.waiting", QT_TRANSLATE_NOOP("samrad", "The Samråd server cannot be reached. Your changes are kept on this computer and sent when the connection is back.")},
    {"db.full", QT_TRANSLATE_NOOP("samrad", "The Samråd server's disk is full, so the server saved nothing. Your edits stay on this computer and are sent when the server has room again. Tell your agency administrator.")},
    {"db.read_only", QT_TRANSLATE_NOOP("samrad", "The Samråd server cannot write to its storage right now, so the server saved nothing. Your edits stay on this computer and are sent when it can. Tell your agency administrator.")},
    {"db.io_error", QT_TRANSLATE_NOOP("samrad", "The Samråd server's disk failed, so the server saved nothing. Your edits stay on this computer and are sent when it works again. Tell your agency administrator.")},
    {"rpc.timeout", QT_TRANSLATE_NOOP("samrad", "The Samråd server did not answer in time. Try again.")},
    {"sync.conflict", QT_TRANSLATE_NOOP("samrad", "Someone else saved a newer version first. Your text is kept; reload to see theirs and add yours again.")},
    {"group.not_member", QT_TRANSLATE_NOOP("samrad", "You are no longer a member of this group. Contact the coordinator if that is wrong.")},
    {"auth.device_revoked", QT_TRANSLATE_NOOP("samrad", "This device has been revoked by your agency and can no longer log in.")},
    {"epoch.unusable_recipient", QT_TRANSLATE_NOOP("samrad", "A device in the group has been revoked or its certificate has expired. It is taken out of the group first; try again in a moment.")},
    {"chain.unusable_device", QT_TRANSLATE_NOOP("samrad", "That device has been revoked or its certificate is not valid, so it cannot be added to the group.")},
    {"chain.clock_ahead", QT_TRANSLATE_NOOP("samrad", "This computer's clock is ahead of the server's. Ask your IT support to set the clock right, then try again.")},
    {"auth.rate_limited", QT_TRANSLATE_NOOP("samrad", "Too many attempts. Wait a minute and try again.")},
    {"case.recused_self", QT_TRANSLATE_NOOP("samrad", "You cannot recuse yourself from a case you refer.")},
    {"case.number_required", QT_TRANSLATE_NOOP("samrad", "Give the case a number (for example NRS-2026-050).")},
    {"case.number_taken", QT_TRANSLATE_NOOP("samrad", "The group already has a case with that number. Choose another.")},
    {"case.bad_transition", QT_TRANSLATE_NOOP("samrad", "A case moves one step at a time: referred, on the agenda, active, closed.")},
    {"case.not_found", QT_TRANSLATE_NOOP("samrad", "The case is no longer readable on this device.")},
    {"referral.no_key", QT_TRANSLATE_NOOP("samrad", "This computer has not yet been given the key for repeat checks. It comes when the coordinator's computer has been online; try again later.")},
    {"referral.tag_differs", QT_TRANSLATE_NOOP("samrad", "This case is already registered for another personnummer. A case is about one person; refer a new case for the other person.")},
    {"referral.rate_limited", QT_TRANSLATE_NOOP("samrad", "Too many repeat checks from this computer or group in the last 24 hours. Try again tomorrow, or ask the coordinator.")},
    {"referral.generation", QT_TRANSLATE_NOOP("samrad", "The key for repeat checks is being renewed by the coordinator's computer. Try again in a while.")},
    {"object.tag_key_holder", QT_TRANSLATE_NOOP("samrad", "The key for repeat checks goes only to the coordinator's and members' computers, never to a lawyer, an observer or a recovery key.")},
    {"case.not_referring_agency", QT_TRANSLATE_NOOP("samrad", "Only the agency that referred the case edits its brief or registers whom it is about.")},
    {"case.not_allowed", QT_TRANSLATE_NOOP("samrad", "Only the group's coordinator or the agency that referred the case moves it on or closes it.")},
    {"object.not_referring_agency", QT_TRANSLATE_NOOP("samrad", "Only the agency that referred the case changes its case record and consent. Ask them, or the coordinator for a status change.")},
    {"object.case_record", QT_TRANSLATE_NOOP("samrad", "A case's own records are not deleted one by one. Close the case; the group's retention policy deletes them in time.")},
    {"case.closed", QT_TRANSLATE_NOOP("samrad", "A closed case is not edited.")},
    {"case.brief_required", QT_TRANSLATE_NOOP("samrad", "Write the brief.")},
    {"case.not_closed", QT_TRANSLATE_NOOP("samrad", "Only a closed case starts its retention period.")},
    {"deid.findings_remain", QT_TRANSLATE_NOOP("samrad", "The brief still contains details that could identify the person. Check it and resolve every finding first.")},
    {"deid.risk_high", QT_TRANSLATE_NOOP("samrad", "Together, the details left in the text point to very few people. Make them coarser (for example age band instead of age, county instead of village) before it is sent.")},
    {"consent.not_referring_agency", QT_TRANSLATE_NOOP("samrad", "Only the referring agency registers and withdraws the consent for this case.")},
    {"consent.not_consented_case", QT_TRANSLATE_NOOP("samrad", "A de-identified case has no consent to register.")},
    {"consent.osl_waiver_required", QT_TRANSLATE_NOOP("samrad", "State what the person waived, under which provision of OSL.")},
    {"consent.gdpr_basis_required", QT_TRANSLATE_NOOP("samrad", "State the legal basis the agencies process the data under (never the consent itself).")},
    {"consent.scope_required", QT_TRANSLATE_NOOP("samrad", "Choose the agencies and the information categories the consent covers.")},
    {"consent.purpose_required", QT_TRANSLATE_NOOP("samrad", "State the purpose of the consent.")},
    {"consent.witness_required", QT_TRANSLATE_NOOP("samrad", "An oral consent needs a witness: name and title.")},
    {"consent.form_required", QT_TRANSLATE_NOOP("samrad", "Name the form template and its version.")},
    {"consent.bad_validity", QT_TRANSLATE_NOOP("samrad", "The consent must end after it starts, and within the longest validity allowed.")},
    {"consent.expired", QT_TRANSLATE_NOOP("samrad", "That validity period has already ended. Check the dates.")},
    {"consent.scope_mismatch", QT_TRANSLATE_NOOP("samrad", "The consent must name the same agencies the case is shared with.")},
    {"consent.not_yet_valid", QT_TRANSLATE_NOOP("samrad", "The consent starts on a later day. Register it on the day it starts: the other agencies may read the case from the moment it is registered.")},
    {"consent.exists", QT_TRANSLATE_NOOP("samrad", "A consent is already registered for this case.")},
    {"consent.bad_agency", QT_TRANSLATE_NOOP("samrad", "The referring agency is not a recipient of its own case's consent.")},
    {"consent.not_found", QT_TRANSLATE_NOOP("samrad", "No consent is registered for this case.")},
    {"consent.already_withdrawn", QT_TRANSLATE_NOOP("samrad", "The consent has already been withdrawn.")},
    {"consent.out_of_scope", QT_TRANSLATE_NOOP("samrad", "The consent no longer covers this; nothing was shared.")},
    {"meeting.not_coordinator", QT_TRANSLATE_NOOP("samrad", "Only the group's coordinator plans meetings, builds the agenda and approves minutes.")},
    {"meeting.not_found", QT_TRANSLATE_NOOP("samrad", "The meeting is no longer there.")},
    {"meeting.bad_schedule", QT_TRANSLATE_NOOP("samrad", "Plan 1 to 53 weekly meetings of 15 minutes to 8 hours, with the confidentiality statement.")},
    {"meeting.statement_mismatch", QT_TRANSLATE_NOOP("samrad", "The statement confirmed is not the one this meeting reads.")},
    {"meeting.no_such_item", QT_TRANSLATE_NOOP("samrad", "That item is no longer on the agenda.")},
    {"meeting.bad_order", QT_TRANSLATE_NOOP("samrad", "The new order must keep every agenda item exactly once.")},
    {"minutes.amendment_reason_required", QT_TRANSLATE_NOOP("samrad", "The minutes were approved before. Give a reason for the amendment.")},
    {"minutes.unchanged", QT_TRANSLATE_NOOP("samrad", "Nothing changed since the minutes were approved.")},
    {"action.description_required", QT_TRANSLATE_NOOP("samrad", "Describe the action.")},
    {"action.bad_due_date", QT_TRANSLATE_NOOP("samrad", "An action's due date must be in the future.")},
    {"action.review_required", QT_TRANSLATE_NOOP("samrad", "An action that was not done needs a reason: circumstances changed, or the agency did not act.")},
    {"advice.answer_required", QT_TRANSLATE_NOOP("samrad", "Write the answer first.")},
    {"advice.answered", QT_TRANSLATE_NOOP("samrad", "The request has already been answered; an answer is never overwritten.")},
    {"advice.requester_unverified", QT_TRANSLATE_NOOP("samrad", "The requester's agency has not been verified by safety number yet, so the answer cannot be sealed to them.")},
    {"advice.no_intake", QT_TRANSLATE_NOOP("samrad", "The group has not opened for advice requests yet.")},
    {"advice.intake_stale", QT_TRANSLATE_NOOP("samrad", "The group's key for advice requests is more than a month old, so nothing was sent. The group's coordinator renews it by opening Samråd; try again after that.")},
    {"advice.intake_rolled_back", QT_TRANSLATE_NOOP("samrad", "The server offered an older key for advice requests than this computer has seen before, so nothing was sent. Tell the group's coordinator: the server may have been tampered with.")},
    {"advice.intake_unverified", QT_TRANSLATE_NOOP("samrad", "The group's key for advice requests could not be verified, so nothing was sent. Call the group's coordinator.")},
    {"advice.not_requester", QT_TRANSLATE_NOOP("samrad", "The group has not allowed you to ask it yet. Contact its coordinator.")},
    {"advice.question_required", QT_TRANSLATE_NOOP("samrad", "Write the question first.")},
    {"advice.question_too_long", QT_TRANSLATE_NOOP("samrad", "The question is too long. Keep it to the essentials.")},
    {"verify.split_view", QT_TRANSLATE_NOOP("samrad", "The server has shown another member's computer a different version of the group's log than this one. Stop using the group on this computer and call the coordinator: the server may have been tampered with.")},
    {"verify.cert.unknown_root", QT_TRANSLATE_NOOP("samrad", "Someone in the group belongs to an agency whose key this computer does not trust yet. Add the group's agency keys from the coordinator, compare their safety numbers, and try again.")},
    {"profile.bad_certificate", QT_TRANSLATE_NOOP("samrad", "That is not a certificate file from your agency administrator. Choose the file you were given.")},
    {"profile.foreign_certificate", QT_TRANSLATE_NOOP("samrad", "That certificate is for someone else. Choose the one your administrator made from your identity request.")},
    {"profile.bad_agency_keys", QT_TRANSLATE_NOOP("samrad", "The agency keys are not in the form the coordinator's client saves them. Paste the lines exactly as given.")},
    {"profile.bad_log_key", QT_TRANSLATE_NOOP("samrad", "The log key in the agency keys is damaged. Paste the lines exactly as the coordinator gave them.")},
    {"profile.log_key_mismatch", QT_TRANSLATE_NOOP("samrad", "The log key you were given is not the one this computer already holds. Compare them with the coordinator before you go on: the server may not be the one you think.")},
    {"enrol.bad_code", QT_TRANSLATE_NOOP("samrad", "The one-time code is not right. Check it, or ask your administrator for a new one.")},
    {"enrol.code_expired", QT_TRANSLATE_NOOP("samrad", "The one-time code has expired. Ask your administrator for a new one.")},
    {"device.enrolled", QT_TRANSLATE_NOOP("samrad", "This device is already enrolled.")},
    {"workspace.weak_passphrase", QT_TRANSLATE_NOOP("samrad", "Choose a passphrase of at least 10 characters; several words are easier to remember.")},
    {"workspace.locked", QT_TRANSLATE_NOOP("samrad", "The profile is locked. Unlock it with your passphrase.")},
    {"export.failed", QT_TRANSLATE_NOOP("samrad", "The PDF could not be written. Choose a folder you may write to.")},
    {"scan.unreadable", QT_TRANSLATE_NOOP("samrad", "The scanned form could not be read. Choose the file again.")},
  };
  // clang-format on
  const auto it = kMessages.find(reason);
  return it == kMessages.end() ? nullptr : it->second;
}

}  // namespace

QString describeWorkspaceError(const Error& error) {
  const std::string& r = error.reason();
  if (const char* m = messageFor(r)) {
    return QCoreApplication::translate("samrad", m);
  }
  if (r.rfind("verify.", 0) == 0) {
    return QCoreApplication::translate(
               "samrad",
               "Samråd could not verify what the server sent (%1). Stop using the group on this "
               "computer and call the coordinator: the server may have been tampered with.")
        .arg(QString::fromStdString(r));
  }
  if (r.rfind("rpc.", 0) == 0 || r.rfind("tls.", 0) == 0) {
    return describeError(error);
  }
  // Reasons without their own sentence: the core's English sentence, with the reason.
  return QCoreApplication::translate("samrad", "%1 (%2)")
      .arg(QString::fromStdString(client::describeForPerson(error)), QString::fromStdString(r));
}

}  // namespace samrad::app
