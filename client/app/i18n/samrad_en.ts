<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>samrad</name>
    <message>
        <source>The server is running but not accepting work right now (it may be starting or stopping).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Samråd server cannot be reached. Check that it is running and that the address is right. If it is, this computer may not trust the server&apos;s certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Samråd server did not answer in time. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate file that identifies the server cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server identified itself in an unexpected way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De-identified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lawyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Healthcare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase is not right. Check Caps Lock and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no Samråd profile on this computer yet. Ask your agency administrator to set up your device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile on this computer is damaged. Contact your agency administrator; do not delete the folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile has no device yet. Ask your agency administrator to set up your device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device is not enrolled yet. Enrol it with the certificate and the one-time code from your agency administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not a member of a consultation group yet. The coordinator adds you with your member card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Samråd server cannot be reached. Your changes are kept on this computer and sent when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else saved a newer version first. Your text is kept; reload to see theirs and add yours again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are no longer a member of this group. Contact the coordinator if that is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device has been revoked by your agency and can no longer log in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many attempts. Wait a minute and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot recuse yourself from a case you refer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the case a number (for example NRS-2026-050).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group already has a case with that number. Choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case moves one step at a time: referred, on the agenda, active, closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case is no longer readable on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the group&apos;s coordinator or the agency that referred the case moves it on or closes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the agency that referred the case changes its case record and consent. Ask them, or the coordinator for a status change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case&apos;s own records are not deleted one by one. Close the case; the group&apos;s retention policy deletes them in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a closed case starts its retention period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The brief still contains details that could identify the person. Check it and resolve every finding first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the referring agency registers and withdraws the consent for this case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A de-identified case has no consent to register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State what the person waived, under which provision of OSL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State the legal basis the agencies process the data under (never the consent itself).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the agencies and the information categories the consent covers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State the purpose of the consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An oral consent needs a witness: name and title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the form template and its version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent must end after it starts, and within the longest validity allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That validity period has already ended. Check the dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent must name the same agencies the case is shared with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent starts on a later day. Register it on the day it starts: the other agencies may read the case from the moment it is registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A consent is already registered for this case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The referring agency is not a recipient of its own case&apos;s consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No consent is registered for this case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent has already been withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent no longer covers this; nothing was shared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the group&apos;s coordinator plans meetings, builds the agenda and approves minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The meeting is no longer there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan 1 to 53 weekly meetings of 15 minutes to 8 hours, with the confidentiality statement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The statement confirmed is not the one this meeting reads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That item is no longer on the agenda.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new order must keep every agenda item exactly once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The minutes were approved before. Give a reason for the amendment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed since the minutes were approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An action&apos;s due date must be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An action that was not done needs a reason: circumstances changed, or the agency did not act.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the answer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request has already been answered; an answer is never overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The requester&apos;s agency has not been verified by safety number yet, so the answer cannot be sealed to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group has not opened for advice requests yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group&apos;s key for advice requests is more than a month old, so nothing was sent. The group&apos;s coordinator renews it by opening Samråd; try again after that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server offered an older key for advice requests than this computer has seen before, so nothing was sent. Tell the group&apos;s coordinator: the server may have been tampered with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group&apos;s key for advice requests could not be verified, so nothing was sent. Call the group&apos;s coordinator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group has not allowed you to ask it yet. Contact its coordinator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the question first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question is too long. Keep it to the essentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 10 characters; several words are easier to remember.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile is locked. Unlock it with your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF could not be written. Choose a folder you may write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanned form could not be read. Choose the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samråd could not verify what the server sent (%1). Stop using the group on this computer and call the coordinator: the server may have been tampered with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group %1 (code %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>meeting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draft, not approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes of the consultation group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amended because:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft: not yet approved by the coordinator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>former member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed the confidentiality statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case (not readable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advice request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No minutes for this item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every consent this device can read, as registered by the referring agency, with withdrawals. Printed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories and purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orally, witness: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown agency (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile is not connected to a group yet. Ask the group&apos;s coordinator for the group&apos;s id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too short: at least 10 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair. Longer is safer: four unrelated words are strong and easy to remember.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone in the group belongs to an agency whose key this computer does not trust yet. Add the group&apos;s agency keys from the coordinator, compare their safety numbers, and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a certificate file from your agency administrator. Choose the file you were given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That certificate is for someone else. Choose the one your administrator made from your identity request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agency keys are not in the form the coordinator&apos;s client saves them. Paste the lines exactly as given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log key in the agency keys is damaged. Paste the lines exactly as the coordinator gave them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log key you were given is not the one this computer already holds. Compare them with the coordinator before you go on: the server may not be the one you think.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one-time code is not right. Check it, or ask your administrator for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one-time code has expired. Ask your administrator for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device is already enrolled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has not yet been given the key for repeat checks. It comes when the coordinator&apos;s computer has been online; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case is already registered for another personnummer. A case is about one person; refer a new case for the other person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many repeat checks from this computer or group in the last 24 hours. Try again tomorrow, or ask the coordinator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key for repeat checks is being renewed by the coordinator&apos;s computer. Try again in a while.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key for repeat checks goes only to the coordinator&apos;s and members&apos; computers, never to a lawyer, an observer or a recovery key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the agency that referred the case edits its brief or registers whom it is about.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A closed case is not edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the brief.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has shown another member&apos;s computer a different version of the group&apos;s log than this one. Stop using the group on this computer and call the coordinator: the server may have been tampered with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Samråd server&apos;s disk is full, so the server saved nothing. Your edits stay on this computer and are sent when the server has room again. Tell your agency administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Samråd server cannot write to its storage right now, so the server saved nothing. Your edits stay on this computer and are sent when it can. Tell your agency administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Samråd server&apos;s disk failed, so the server saved nothing. Your edits stay on this computer and are sent when it works again. Tell your agency administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A device in the group has been revoked or its certificate has expired. It is taken out of the group first; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That device has been revoked or its certificate is not valid, so it cannot be added to the group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s clock is ahead of the server&apos;s. Ask your IT support to set the clock right, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Together, the details left in the text point to very few people. Make them coarser (for example age band instead of age, county instead of village) before it is sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>samrad::app::AdvicePage</name>
    <message>
        <source>Advice requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put on the agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the situation without anything that could identify the person: the check below finds names, numbers, addresses and details that would point to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My advice requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet: compare the safety number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No advice request yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a request to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1, asked %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answering the advice request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer was sealed to the requester and sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Putting the request on the agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your question was sent, encrypted so that only the group reads it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>samrad::app::BriefDialog</name>
    <message>
        <source>Edit the brief of case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the brief first: a de-identified case is sent only when no finding is left unresolved and the risk is not high.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the brief</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>samrad::app::CasesPage</name>
    <message>
        <source>Keep it open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refer a case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register consent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt for the person (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case yet. Refer one with “Refer a case…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a case in the list to see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children involved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Repeat referral: the same person was referred in %n earlier case(s) in the last 12 months: %1.</source>
        <translation>
            <numerusform>Repeat referral: the same person was referred in %n earlier case in the last 12 months: %1.</numerusform>
            <numerusform>Repeat referral: the same person was referred in %n earlier cases in the last 12 months: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>a case this device does not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat referral: the same person was referred to the group in the last 12 months. The coordinator sees which case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent (samtycke)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No consent is registered yet. The case is shared only with: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>orally, witness %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal grounds:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(scanned form attached)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn %1. Only the referring agency reads the case now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recusals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not shared with: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>referred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consent registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put on the agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the case&apos;s status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close case %1? Its retention period starts now; the content is deleted when the group&apos;s retention policy says so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt for the person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the person reaches your agency (phone, address):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consent-receipt-%1.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent receipt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt was saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the scanned form…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the scanned form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed-consent-%1.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the scanned form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanned form was decrypted and saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the brief…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>risk assessed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n measure(s)</source>
        <translation>
            <numerusform>%n measure</numerusform>
            <numerusform>%n measures</numerusform>
        </translation>
    </message>
    <message>
        <source>followed up after support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case changed while the dialog was open. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>samrad::app::ConsentDialog</name>
    <message>
        <source>Register consent for case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill this in from the signed form, following the lawyers&apos; template. The consent waives confidentiality (OSL) for what it names; the agencies process the data under their own legal basis (GDPR), never the consent itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal grounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidentiality waived (OSL):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis for processing (GDPR):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>violence in a close relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>housing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information categories:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coordinated protection and support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validity and collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written, signed form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orally, with a witness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Witness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Witness (name and title):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samråd consent form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form&apos;s text (its fingerprint is kept):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned, signed form (encrypted):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register the consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent form&apos;s text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents (*.pdf *.txt *.odt *.docx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanned, signed form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file with the form&apos;s text, so its fingerprint is kept with the consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form&apos;s text could not be read. Choose the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registering the consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading the scanned form</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>samrad::app::DashboardPage</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advice requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases by urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My agency&apos;s actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;%3 items on the agenda&lt;br&gt;%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have confirmed the confidentiality statement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the confidentiality statement when the meeting starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No meeting is planned. The coordinator plans the group&apos;s meetings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not readable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No advice request is waiting for an answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) waiting for an answer.</source>
        <translation>
            <numerusform>%n request waiting for an answer.</numerusform>
            <numerusform>%n requests waiting for an answer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>samrad::app::DeidCheck</name>
    <message>
        <source>Personal identity number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordination number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address or place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth or incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifying detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the text before it is sent: what could point to a person is marked, and you choose, item by item, what to replace. The check does not find everything — names written in lower case or misspelt, nicknames it does not know — so read the text yourself too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brief to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write or paste the de-identified brief here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the chosen items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk of re-identification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>woman</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>man</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exact date of birth is given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 3, 7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protected personal data is mentioned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Municipality or place:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>County:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inhabitants there:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact age:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of children:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children&apos;s exact ages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing that identifies a person was found in the text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Kept as you chose: %n. Nothing else was found.</source>
        <translation>
            <numerusform>Kept as you chose: %n. Nothing else was found.</numerusform>
            <numerusform>Kept as you chose: %n. Nothing else was found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Items that could identify the person: %n. Untick what should stay, then replace the rest.</source>
        <translation>
            <numerusform>Items that could identify the person: %n. Untick what should stay, then replace the rest.</numerusform>
            <numerusform>Items that could identify the person: %n. Untick what should stay, then replace the rest.</numerusform>
        </translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elevated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1 people fit every detail given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Less exact: write %2 instead of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School, shop or workplace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace with pseudonyms (Person A, Ort 1, …) that stay the same in the whole case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of who is who stays on your agency&apos;s computer, locked with the case&apos;s key. It is never sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed labels (Person A, Ort 1 …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same person or place keeps its label in this case&apos;s texts written on this computer. Which label stands for whom stays on this computer only and is never sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same person or place gets the same label in this case&apos;s texts written on this computer. Which label stands for whom stays on this computer only and is never sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example protected registration (skyddad folkbokföring) or a confidentiality marking.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>samrad::app::EnrolPage</name>
    <message>
        <source>Set up Samråd on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your agency administrator gives you your agency&apos;s id and root key, then a certificate and a one-time code. Everything you do in Samråd is kept on this computer encrypted under your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Your profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency id (32 hex digits):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency root key (64 hex digits):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its safety number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your agency&apos;s name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member of a consultation group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lawyer auditing consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking a group for advice (another municipality)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create my profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Enrol this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give this identity request to your agency administrator, and compare your safety number with them:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your safety number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your certificate file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrol this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Join your group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give your member card to the group&apos;s coordinator, who adds you and tells you the group&apos;s id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the member card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The coordinator also gives you the keys of the group&apos;s agencies. Paste them here and compare each safety number with someone from that agency before you join:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group&apos;s agency keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join the group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>appears when the id and the key are complete — compare it with your administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: safety number %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the agency id and root key: copy them exactly as your administrator gave them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ. Type them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 10 characters; several words are easier to remember.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating your encrypted profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profile is created. Give the identity request to your agency administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.cert *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the certificate file and type the one-time code you were given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolling this device…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device is enrolled. Give your member card to the group&apos;s coordinator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group id is 32 hex digits; copy it exactly as the coordinator gave it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the group…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profile is created and encrypted under this passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>samrad::app::FollowUpDialog</name>
    <message>
        <source>Follow-up of case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with the person using violence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with another partner or family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in sheltered housing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Living situation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children in the household:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protected personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>physical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>psychological</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sexual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>economic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>digital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>honour-related</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kinds of violence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Patriark, SARA:SV, FREDA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk assessment method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moderate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessed risk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>During support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No measures recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measures so far:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your agency&apos;s measure:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reduced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>increased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Violence, as the person reports it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals met:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the person&apos;s own words:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>goals met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>declined further support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the support ended:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the follow-up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>samrad::app::MainWindow</name>
    <message>
        <source>Ctrl+%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samråd locked itself because the computer was locked or went to sleep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samråd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advice requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members and keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock Samråd now (Ctrl+L); your passphrase opens it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STOP: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External requester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samråd locked itself after a period without use. Unlock it to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing… · verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to date · verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: changes wait on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VERIFICATION FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>samrad::app::MeetingPage</name>
    <message>
        <source>Keep the meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Meeting:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan meetings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acute cases first, then cases with children, then follow-ups that are due, then the rest; at most 15 cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve the minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the confidentiality statement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Minutes for this item:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes for this item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decisions (one per line):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an action…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No meeting is planned yet. Plan the group&apos;s weekly meetings with “Plan meetings…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No meeting is planned yet. The coordinator plans the group&apos;s meetings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 minutes, %3. %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. A case you may not read (recused or outside the consent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Advice request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agenda is empty: build it from the open cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agenda is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>former member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody has confirmed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have confirmed the statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved %1 (version %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) changed since: approve again as an amendment.</source>
        <translation>
            <numerusform>%n item changed since: approve again as an amendment.</numerusform>
            <numerusform>%n items changed since: approve again as an amendment.</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve an amendment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The minutes are a draft until the coordinator approves them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an item on the agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 — %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case you may not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advice request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved (version %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No minutes for this item yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else saved these minutes while you were writing. Your text is kept here; save to add it on top of theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan the group&apos;s meetings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First meeting:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly, number of meetings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is said at this meeting is covered by confidentiality under the Public Access to Information and Secrecy Act and stays in the room.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidentiality statement read at the start:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning meetings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reordering the agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The meeting&apos;s confidentiality statement has not reached this device yet. Wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidentiality statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read aloud at the start of the meeting:

%1

Do you confirm it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirming attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The minutes changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else saved these minutes while you were writing. Save your text in their place? Their version stays in the minutes&apos; history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency responsible:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an action in the table first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why was it not done? (Start with “changed:” if the circumstances changed; otherwise the agency did not act.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewing the action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amend the approved minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why are the approved minutes amended?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve the minutes of %1 as they are now? Later changes become amendments; this version is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approving the minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the meeting of %1? Everyone in the group sees that it is cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling the meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes-%1.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The minutes were saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved versions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the approved versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved versions of the minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amended because</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(first approval)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every approved version is kept as the server stored it and checked on this computer; an amendment never replaces one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The meeting changed while the dialog was open. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>samrad::app::MembersPage</name>
    <message>
        <source>Keep the member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery key of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members and keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group code (read it aloud when someone joins):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a member from their card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the chosen member…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agencies and their safety numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare each agency&apos;s safety number with someone from that agency, in person or by phone, before trusting what it signs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety number as a QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member&apos;s card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member cards (*.card *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card could not be read. Choose the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member was added. Read the new group code aloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a member in the table first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from the group? A new key epoch starts: they keep nothing written from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member was removed; a new key epoch began.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the agency keys for a newcomer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the agency keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the agency keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1. Hand it to the newcomer with the group&apos;s id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A device of a member from %1 has a certificate that is no longer valid, but it is still in the group and holds the current group key. A coordinator&apos;s computer takes it out as soon as it syncs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The group asks that %n agencies witness the server&apos;s log, but no checkpoint of the log has been witnessed by that many of the group&apos;s agencies. Until it has, the log&apos;s record of who read what rests on the server alone. Tell the coordinator.</source>
        <translation>
            <numerusform>The group asks that %n agency witness the server&apos;s log, but no checkpoint of the log has been witnessed by any of the group&apos;s agencies. Until it has, the log&apos;s record of who read what rests on the server alone. Tell the coordinator.</numerusform>
            <numerusform>The group asks that %n agencies witness the server&apos;s log, but no checkpoint of the log has been witnessed by that many of the group&apos;s agencies. Until it has, the log&apos;s record of who read what rests on the server alone. Tell the coordinator.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The group asks that %n agencies witness the server&apos;s log, but none has done so in the last two days (last: %1). Until they have, the log&apos;s record of who read what rests on the server alone. Tell the coordinator.</source>
        <translation>
            <numerusform>The group asks that %n agency witness the server&apos;s log, but it has not done so in the last two days (last: %1). Until it has, the log&apos;s record of who read what rests on the server alone. Tell the coordinator.</numerusform>
            <numerusform>The group asks that %n agencies witness the server&apos;s log, but none has done so in the last two days (last: %1). Until they have, the log&apos;s record of who read what rests on the server alone. Tell the coordinator.</numerusform>
        </translation>
    </message>
    <message>
        <source>A change to a case&apos;s record by a member from %1 was refused: only the agency that referred the case changes it, and the coordinator only its status. This computer keeps the version before. Tell the coordinator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A device of a member from %1 has been revoked (lost, stolen or the person has left), but it is still in the group and holds the current group key. A coordinator&apos;s computer takes it out as soon as it syncs; until then, write nothing new about cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A member from %1 was taken out of the group (%2). A new group key is in use: nothing written from now on reaches them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A device of a member from %1 was taken out of the group (%2). A new group key is in use: nothing written from now on reaches it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The revoked or expired devices could not be taken out of the group yet: %1 Samråd tries again at every sync.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>samrad::app::ReferralDialog</name>
    <message>
        <source>Refer a case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case &amp;number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De-identified (no consent; the brief must not identify the person)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With consent (shared only with the agencies the consent names)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Urgency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children are involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share with (the agencies the consent names)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recusal: members who must not read this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brief (shared only within the consent&apos;s scope):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refer the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the brief first: every finding replaced or consciously kept, and the risk of recognition not high.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the brief first: a de-identified case is sent only when no finding is left unresolved and the risk is not high.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the agencies the consent names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the brief.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referring case %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>samrad::app::RegisterPage</name>
    <message>
        <source>Consent register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referring agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transparency log, as this device verified it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the log now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the transparency log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log is consistent with everything this device saw before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orally, witness %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification FAILED: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified: %1 entries, root %2…, every checkpoint consistent with the ones before and every membership change proven to be in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the consent register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consent-register-%1.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The register was saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit bundle for a lawyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cosigned by at &amp;least:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> agencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0: the checkpoint this device verified last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export audit bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify a bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report of a verified bundle appears here: per case, the consent, its scope and validity, a withdrawal, and every access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new folder for the audit bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>samrad-audit-%1-%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the audit bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit bundle was written to %1: %2 log entries of the period, each with its proof. The lawyer checks it with “samrad-cli audit verify”, or here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle&apos;s manifest file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit bundle (manifest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying the audit bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle verifies: %1 inclusion proofs, %2 entries, no gap; checked against the log key and agency keys this device holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle does NOT verify (%1 problems): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no requirement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>samrad::app::StatisticsPage</name>
    <message>
        <source>With consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De-identified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases referred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referring agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions by agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reduced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Increased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Violence after support, as the person reported it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No follow-up answers yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yearly report (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases referred: &lt;b&gt;%1&lt;/b&gt; · repeat referrals within 12 months: &lt;b&gt;%2&lt;/b&gt; · reached a meeting: &lt;b&gt;%3&lt;/b&gt;, median &lt;b&gt;%4&lt;/b&gt; days from referral · followed up: &lt;b&gt;%5&lt;/b&gt; · advice requests: &lt;b&gt;%6&lt;/b&gt;%7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed on this computer from what it has decrypted; exports show counts from 1 to 4 as &lt;5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samråd, %1. Counts from 1 to 4 are not shown, so no figure points to a person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>statistics-%1.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1 (counts from 1 to 4 as &lt;5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>statistics-%1.png</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1 (counts from 1 to 4 not shown).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the yearly report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yearly-report-%1.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yearly report %1 to the steering group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consultation group&apos;s work in figures, computed by the coordinator&apos;s client from the group&apos;s encrypted records. Counts from 1 to 4 are shown as &amp;lt;5 so that no figure points to a person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat referrals within 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases that reached a meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median days from referral to the first meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases followed up after support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advice requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referring agencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yearly report %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The yearly report was saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>samrad::app::UnlockPage</name>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External requester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samråd server, version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not opened on this computer yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caps Lock is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samråd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure collaboration for the consultation group: consent, case briefs and minutes, encrypted so that only the group can read them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server identity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no profile in this folder yet. Your agency administrator sets up your device: &apos;samrad-cli profile init&apos;, then &apos;profile enrol&apos; with the certificate and one-time code you are given. Start Samråd again with --profile pointing to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking and fetching the group&apos;s latest changes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected, encrypted (TLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>samrad::app::WithdrawDialog</name>
    <message>
        <source>Withdraw consent for case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person has withdrawn their consent (återkallelse). From now on only your agency reads case %1; the other agencies lose access at once and their copies are deleted. This cannot be undone: a new consent would be a new registration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orally, with a witness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How it was withdrawn:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (when, to whom):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw the consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawing the consent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
