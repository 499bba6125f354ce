<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en_GB">
<context>
    <name>samrad</name>
    <message>
        <source>The server is running but not accepting work right now (it may be starting or stopping).</source>
        <translation>Servern är igång men tar inte emot arbete just nu (den håller kanske på att starta eller stänga).</translation>
    </message>
    <message>
        <source>The Samråd server cannot be reached. Check that it is running and that the address is right. If it is, this computer may not trust the server&apos;s certificate.</source>
        <translation>Det går inte att nå Samråd-servern. Kontrollera att den är igång och att adressen stämmer. Om den gör det kanske den här datorn inte litar på serverns certifikat.</translation>
    </message>
    <message>
        <source>The Samråd server did not answer in time. Try again.</source>
        <translation>Samråd-servern svarade inte i tid. Försök igen.</translation>
    </message>
    <message>
        <source>The certificate file that identifies the server cannot be used.</source>
        <translation>Certifikatfilen som identifierar servern går inte att använda.</translation>
    </message>
    <message>
        <source>The server identified itself in an unexpected way.</source>
        <translation>Servern identifierade sig på ett oväntat sätt.</translation>
    </message>
    <message>
        <source>Something went wrong (%1).</source>
        <translation>Något gick fel (%1).</translation>
    </message>
    <message>
        <source>With consent</source>
        <translation>Med samtycke</translation>
    </message>
    <message>
        <source>De-identified</source>
        <translation>Avidentifierat</translation>
    </message>
    <message>
        <source>Acute</source>
        <translation>Akut</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planerat</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Konsultation</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Anmält</translation>
    </message>
    <message>
        <source>On the agenda</source>
        <translation>På dagordningen</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktivt</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Avslutat</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Samordnare</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Ledamot</translation>
    </message>
    <message>
        <source>Lawyer</source>
        <translation>Jurist</translation>
    </message>
    <message>
        <source>Observer</source>
        <translation>Observatör</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>Återställning</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Genomfört</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Inställt</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Utförd</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Ej utförd</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Väntar</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Besvarad</translation>
    </message>
    <message>
        <source>Social services</source>
        <translation>Socialtjänst</translation>
    </message>
    <message>
        <source>Healthcare</source>
        <translation>Hälso- och sjukvård</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annan</translation>
    </message>
    <message>
        <source>The passphrase is not right. Check Caps Lock and try again.</source>
        <translation>Lösenfrasen stämmer inte. Kontrollera Caps Lock och försök igen.</translation>
    </message>
    <message>
        <source>There is no Samråd profile on this computer yet. Ask your agency administrator to set up your device.</source>
        <translation>Det finns ingen Samrådsprofil på den här datorn ännu. Be din myndighets administratör att lägga upp din enhet.</translation>
    </message>
    <message>
        <source>The profile on this computer is damaged. Contact your agency administrator; do not delete the folder.</source>
        <translation>Profilen på den här datorn är skadad. Kontakta din myndighets administratör och radera inte mappen.</translation>
    </message>
    <message>
        <source>This profile has no device yet. Ask your agency administrator to set up your device.</source>
        <translation>Profilen har ingen enhet ännu. Be din myndighets administratör att lägga upp din enhet.</translation>
    </message>
    <message>
        <source>This device is not enrolled yet. Enrol it with the certificate and the one-time code from your agency administrator.</source>
        <translation>Enheten är inte registrerad ännu. Registrera den med certifikatet och engångskoden från din myndighets administratör.</translation>
    </message>
    <message>
        <source>You are not a member of a consultation group yet. The coordinator adds you with your member card.</source>
        <translation>Du är inte med i någon samrådsgrupp ännu. Samordnaren lägger till dig med ditt medlemskort.</translation>
    </message>
    <message>
        <source>The Samråd server cannot be reached. Your changes are kept on this computer and sent when the connection is back.</source>
        <translation>Samrådsservern går inte att nå. Dina ändringar sparas på den här datorn och skickas när anslutningen är tillbaka.</translation>
    </message>
    <message>
        <source>Someone else saved a newer version first. Your text is kept; reload to see theirs and add yours again.</source>
        <translation>Någon annan sparade en nyare version först. Din text är kvar; läs in deras och lägg till din igen.</translation>
    </message>
    <message>
        <source>You are no longer a member of this group. Contact the coordinator if that is wrong.</source>
        <translation>Du är inte längre med i gruppen. Kontakta samordnaren om det är fel.</translation>
    </message>
    <message>
        <source>This device has been revoked by your agency and can no longer log in.</source>
        <translation>Din myndighet har spärrat enheten och den kan inte längre logga in.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a minute and try again.</source>
        <translation>För många försök. Vänta en minut och försök igen.</translation>
    </message>
    <message>
        <source>You cannot recuse yourself from a case you refer.</source>
        <translation>Du kan inte anmäla jäv i ett ärende som du själv anmäler.</translation>
    </message>
    <message>
        <source>Give the case a number (for example NRS-2026-050).</source>
        <translation>Ge ärendet ett nummer (till exempel NRS-2026-050).</translation>
    </message>
    <message>
        <source>The group already has a case with that number. Choose another.</source>
        <translation>Gruppen har redan ett ärende med det numret. Välj ett annat.</translation>
    </message>
    <message>
        <source>A case moves one step at a time: referred, on the agenda, active, closed.</source>
        <translation>Ett ärende går ett steg i taget: anmält, på dagordningen, aktivt, avslutat.</translation>
    </message>
    <message>
        <source>The case is no longer readable on this device.</source>
        <translation>Ärendet går inte längre att läsa på den här enheten.</translation>
    </message>
    <message>
        <source>Only the group&apos;s coordinator or the agency that referred the case moves it on or closes it.</source>
        <translation>Bara gruppens samordnare eller den myndighet som anmälde ärendet kan flytta det vidare eller avsluta det.</translation>
    </message>
    <message>
        <source>Only the agency that referred the case changes its case record and consent. Ask them, or the coordinator for a status change.</source>
        <translation>Bara den myndighet som anmälde ärendet ändrar ärendets uppgifter och samtycke. Be dem om det, eller samordnaren om det gäller ärendets status.</translation>
    </message>
    <message>
        <source>A case&apos;s own records are not deleted one by one. Close the case; the group&apos;s retention policy deletes them in time.</source>
        <translation>Ett ärendes egna uppgifter raderas inte en och en. Avsluta ärendet, så gallras de enligt gruppens gallringsregler.</translation>
    </message>
    <message>
        <source>Only a closed case starts its retention period.</source>
        <translation>Gallringstiden börjar först när ärendet är avslutat.</translation>
    </message>
    <message>
        <source>The brief still contains details that could identify the person. Check it and resolve every finding first.</source>
        <translation>Ärendebeskrivningen innehåller fortfarande uppgifter som kan identifiera personen. Granska den och ta ställning till varje fynd först.</translation>
    </message>
    <message>
        <source>Only the referring agency registers and withdraws the consent for this case.</source>
        <translation>Bara den anmälande myndigheten registrerar och återkallar samtycket i det här ärendet.</translation>
    </message>
    <message>
        <source>A de-identified case has no consent to register.</source>
        <translation>Ett avidentifierat ärende har inget samtycke att registrera.</translation>
    </message>
    <message>
        <source>State what the person waived, under which provision of OSL.</source>
        <translation>Ange vilken sekretess personen efterger och enligt vilket lagrum i OSL.</translation>
    </message>
    <message>
        <source>State the legal basis the agencies process the data under (never the consent itself).</source>
        <translation>Ange den rättsliga grund myndigheterna behandlar uppgifterna med stöd av (aldrig själva samtycket).</translation>
    </message>
    <message>
        <source>Choose the agencies and the information categories the consent covers.</source>
        <translation>Välj de myndigheter och uppgiftskategorier som samtycket omfattar.</translation>
    </message>
    <message>
        <source>State the purpose of the consent.</source>
        <translation>Ange samtyckets syfte.</translation>
    </message>
    <message>
        <source>An oral consent needs a witness: name and title.</source>
        <translation>Ett muntligt samtycke kräver ett vittne: namn och titel.</translation>
    </message>
    <message>
        <source>Name the form template and its version.</source>
        <translation>Ange blankettmall och version.</translation>
    </message>
    <message>
        <source>The consent must end after it starts, and within the longest validity allowed.</source>
        <translation>Samtycket måste sluta efter att det börjar och inom den längsta tillåtna giltighetstiden.</translation>
    </message>
    <message>
        <source>That validity period has already ended. Check the dates.</source>
        <translation>Den giltighetstiden har redan gått ut. Kontrollera datumen.</translation>
    </message>
    <message>
        <source>The consent must name the same agencies the case is shared with.</source>
        <translation>Samtycket måste ange samma myndigheter som ärendet delas med.</translation>
    </message>
    <message>
        <source>The consent starts on a later day. Register it on the day it starts: the other agencies may read the case from the moment it is registered.</source>
        <translation>Samtycket börjar gälla en senare dag. Registrera det den dag det börjar gälla: de andra myndigheterna kan läsa ärendet från det att samtycket registreras.</translation>
    </message>
    <message>
        <source>A consent is already registered for this case.</source>
        <translation>Ett samtycke är redan registrerat för ärendet.</translation>
    </message>
    <message>
        <source>The referring agency is not a recipient of its own case&apos;s consent.</source>
        <translation>Den anmälande myndigheten är inte mottagare av samtycket i sitt eget ärende.</translation>
    </message>
    <message>
        <source>No consent is registered for this case.</source>
        <translation>Inget samtycke är registrerat för ärendet.</translation>
    </message>
    <message>
        <source>The consent has already been withdrawn.</source>
        <translation>Samtycket är redan återkallat.</translation>
    </message>
    <message>
        <source>The consent no longer covers this; nothing was shared.</source>
        <translation>Samtycket omfattar inte längre detta; inget delades.</translation>
    </message>
    <message>
        <source>Only the group&apos;s coordinator plans meetings, builds the agenda and approves minutes.</source>
        <translation>Bara gruppens samordnare planerar sammanträden, bygger dagordningen och justerar protokoll.</translation>
    </message>
    <message>
        <source>The meeting is no longer there.</source>
        <translation>Sammanträdet finns inte längre.</translation>
    </message>
    <message>
        <source>Plan 1 to 53 weekly meetings of 15 minutes to 8 hours, with the confidentiality statement.</source>
        <translation>Planera 1–53 veckosammanträden på 15 minuter till 8 timmar, med tystnadsförsäkran.</translation>
    </message>
    <message>
        <source>The statement confirmed is not the one this meeting reads.</source>
        <translation>Den bekräftade försäkran är inte den som läses upp vid sammanträdet.</translation>
    </message>
    <message>
        <source>That item is no longer on the agenda.</source>
        <translation>Punkten finns inte längre på dagordningen.</translation>
    </message>
    <message>
        <source>The new order must keep every agenda item exactly once.</source>
        <translation>Den nya ordningen måste ta med varje punkt exakt en gång.</translation>
    </message>
    <message>
        <source>The minutes were approved before. Give a reason for the amendment.</source>
        <translation>Protokollet är redan justerat. Ange skälet till ändringen.</translation>
    </message>
    <message>
        <source>Nothing changed since the minutes were approved.</source>
        <translation>Inget har ändrats sedan protokollet justerades.</translation>
    </message>
    <message>
        <source>Describe the action.</source>
        <translation>Beskriv åtgärden.</translation>
    </message>
    <message>
        <source>An action&apos;s due date must be in the future.</source>
        <translation>En åtgärds slutdatum måste ligga i framtiden.</translation>
    </message>
    <message>
        <source>An action that was not done needs a reason: circumstances changed, or the agency did not act.</source>
        <translation>En åtgärd som inte utfördes behöver ett skäl: omständigheterna ändrades, eller myndigheten agerade inte.</translation>
    </message>
    <message>
        <source>Write the answer first.</source>
        <translation>Skriv svaret först.</translation>
    </message>
    <message>
        <source>The request has already been answered; an answer is never overwritten.</source>
        <translation>Frågan är redan besvarad; ett svar skrivs aldrig över.</translation>
    </message>
    <message>
        <source>The requester&apos;s agency has not been verified by safety number yet, so the answer cannot be sealed to them.</source>
        <translation>Frågeställarens myndighet är inte kontrollerad med säkerhetsnummer ännu, så svaret kan inte krypteras till dem.</translation>
    </message>
    <message>
        <source>The group has not opened for advice requests yet.</source>
        <translation>Gruppen tar inte emot rådfrågningar ännu.</translation>
    </message>
    <message>
        <source>The group&apos;s key for advice requests is more than a month old, so nothing was sent. The group&apos;s coordinator renews it by opening Samråd; try again after that.</source>
        <translation>Gruppens nyckel för rådfrågningar är mer än en månad gammal, så inget skickades. Gruppens samordnare förnyar den genom att öppna Samråd; försök igen efter det.</translation>
    </message>
    <message>
        <source>The server offered an older key for advice requests than this computer has seen before, so nothing was sent. Tell the group&apos;s coordinator: the server may have been tampered with.</source>
        <translation>Servern erbjöd en äldre nyckel för rådfrågningar än den här datorn har sett tidigare, så inget skickades. Berätta det för gruppens samordnare: servern kan ha manipulerats.</translation>
    </message>
    <message>
        <source>The group&apos;s key for advice requests could not be verified, so nothing was sent. Call the group&apos;s coordinator.</source>
        <translation>Gruppens nyckel för rådfrågningar kunde inte kontrolleras, så inget skickades. Ring gruppens samordnare.</translation>
    </message>
    <message>
        <source>The group has not allowed you to ask it yet. Contact its coordinator.</source>
        <translation>Gruppen har inte gett dig rätt att fråga ännu. Kontakta samordnaren.</translation>
    </message>
    <message>
        <source>Write the question first.</source>
        <translation>Skriv frågan först.</translation>
    </message>
    <message>
        <source>The question is too long. Keep it to the essentials.</source>
        <translation>Frågan är för lång. Håll dig till det väsentliga.</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 10 characters; several words are easier to remember.</source>
        <translation>Välj en lösenfras på minst 10 tecken; flera ord är lättare att minnas.</translation>
    </message>
    <message>
        <source>The profile is locked. Unlock it with your passphrase.</source>
        <translation>Profilen är låst. Lås upp den med din lösenfras.</translation>
    </message>
    <message>
        <source>The PDF could not be written. Choose a folder you may write to.</source>
        <translation>PDF-filen kunde inte skrivas. Välj en mapp du får skriva i.</translation>
    </message>
    <message>
        <source>The scanned form could not be read. Choose the file again.</source>
        <translation>Den skannade blanketten gick inte att läsa. Välj filen igen.</translation>
    </message>
    <message>
        <source>Samråd could not verify what the server sent (%1). Stop using the group on this computer and call the coordinator: the server may have been tampered with.</source>
        <translation>Samråd kunde inte kontrollera det servern skickade (%1). Sluta använda gruppen på den här datorn och ring samordnaren: servern kan ha manipulerats.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>sida %1 av %2</translation>
    </message>
    <message>
        <source>Group %1 (code %2)</source>
        <translation>Grupp %1 (kod %2)</translation>
    </message>
    <message>
        <source>meeting %1</source>
        <translation>sammanträde %1</translation>
    </message>
    <message>
        <source>draft, not approved</source>
        <translation>utkast, ej justerat</translation>
    </message>
    <message>
        <source>minutes version %1</source>
        <translation>protokollversion %1</translation>
    </message>
    <message>
        <source>Minutes of the consultation group</source>
        <translation>Protokoll från samrådsgruppen</translation>
    </message>
    <message>
        <source>Meeting:</source>
        <translation>Sammanträde:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Plats:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Approved:</source>
        <translation>Justerat:</translation>
    </message>
    <message>
        <source>version</source>
        <translation>version</translation>
    </message>
    <message>
        <source>Amended because:</source>
        <translation>Ändrat därför att:</translation>
    </message>
    <message>
        <source>Draft: not yet approved by the coordinator.</source>
        <translation>Utkast: ännu inte justerat av samordnaren.</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Närvaro</translation>
    </message>
    <message>
        <source>former member</source>
        <translation>tidigare ledamot</translation>
    </message>
    <message>
        <source>confirmed the confidentiality statement</source>
        <translation>bekräftade tystnadsförsäkran</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Ärende %1</translation>
    </message>
    <message>
        <source>Case (not readable)</source>
        <translation>Ärende (kan inte läsas)</translation>
    </message>
    <message>
        <source>Advice request</source>
        <translation>Rådfrågning</translation>
    </message>
    <message>
        <source>No minutes for this item.</source>
        <translation>Inga anteckningar för punkten.</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Åtgärder</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Myndighet</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Klart senast</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Consent register</source>
        <translation>Samtyckesregister</translation>
    </message>
    <message>
        <source>Every consent this device can read, as registered by the referring agency, with withdrawals. Printed %1.</source>
        <translation>Alla samtycken som den här enheten kan läsa, så som den anmälande myndigheten registrerade dem, med återkallelser. Utskrivet %1.</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Mottagare</translation>
    </message>
    <message>
        <source>Categories and purpose</source>
        <translation>Kategorier och syfte</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gällande</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Inhämtat</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrerat</translation>
    </message>
    <message>
        <source>Withdrawn %1</source>
        <translation>Återkallat %1</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Utgånget</translation>
    </message>
    <message>
        <source>Not yet valid</source>
        <translation>Ännu inte giltigt</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Skriftligt</translation>
    </message>
    <message>
        <source>Orally, witness: %1</source>
        <translation>Muntligt, vittne: %1</translation>
    </message>
    <message>
        <source>Unknown agency (%1)</source>
        <translation>Okänd myndighet (%1)</translation>
    </message>
    <message>
        <source>This profile is not connected to a group yet. Ask the group&apos;s coordinator for the group&apos;s id.</source>
        <translation>Profilen är inte kopplad till någon grupp ännu. Be gruppens samordnare om gruppens id.</translation>
    </message>
    <message>
        <source>Too short: at least 10 characters.</source>
        <translation>För kort: minst 10 tecken.</translation>
    </message>
    <message>
        <source>Fair. Longer is safer: four unrelated words are strong and easy to remember.</source>
        <translation>Godtagbar. Längre är säkrare: fyra ord utan samband är starkt och lätt att minnas.</translation>
    </message>
    <message>
        <source>Good.</source>
        <translation>Bra.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Stark.</translation>
    </message>
    <message>
        <source>Someone in the group belongs to an agency whose key this computer does not trust yet. Add the group&apos;s agency keys from the coordinator, compare their safety numbers, and try again.</source>
        <translation>Någon i gruppen tillhör en myndighet vars nyckel den här datorn ännu inte litar på. Lägg till gruppens myndighetsnycklar från samordnaren, jämför säkerhetsnumren och försök igen.</translation>
    </message>
    <message>
        <source>That is not a certificate file from your agency administrator. Choose the file you were given.</source>
        <translation>Det är inte en certifikatfil från din myndighets administratör. Välj filen du fick.</translation>
    </message>
    <message>
        <source>That certificate is for someone else. Choose the one your administrator made from your identity request.</source>
        <translation>Certifikatet gäller någon annan. Välj det som administratören gjorde från din identitetsbegäran.</translation>
    </message>
    <message>
        <source>The agency keys are not in the form the coordinator&apos;s client saves them. Paste the lines exactly as given.</source>
        <translation>Myndighetsnycklarna har inte den form som samordnarens program sparar dem i. Klistra in raderna precis som du fick dem.</translation>
    </message>
    <message>
        <source>The log key in the agency keys is damaged. Paste the lines exactly as the coordinator gave them.</source>
        <translation>Loggnyckeln bland myndighetsnycklarna är skadad. Klistra in raderna exakt som samordnaren gav dem.</translation>
    </message>
    <message>
        <source>The log key you were given is not the one this computer already holds. Compare them with the coordinator before you go on: the server may not be the one you think.</source>
        <translation>Loggnyckeln du fick är inte den som den här datorn redan har. Jämför dem med samordnaren innan du fortsätter: servern kanske inte är den du tror.</translation>
    </message>
    <message>
        <source>The one-time code is not right. Check it, or ask your administrator for a new one.</source>
        <translation>Engångskoden stämmer inte. Kontrollera den eller be administratören om en ny.</translation>
    </message>
    <message>
        <source>The one-time code has expired. Ask your administrator for a new one.</source>
        <translation>Engångskoden har gått ut. Be administratören om en ny.</translation>
    </message>
    <message>
        <source>This device is already enrolled.</source>
        <translation>Enheten är redan registrerad.</translation>
    </message>
    <message>
        <source>This computer has not yet been given the key for repeat checks. It comes when the coordinator&apos;s computer has been online; try again later.</source>
        <translation>Den här datorn har ännu inte fått nyckeln för kontroll av upprepade anmälningar. Den kommer när samordnarens dator har varit uppkopplad; försök igen senare.</translation>
    </message>
    <message>
        <source>This case is already registered for another personnummer. A case is about one person; refer a new case for the other person.</source>
        <translation>Ärendet är redan registrerat för ett annat personnummer. Ett ärende gäller en person; anmäl ett nytt ärende för den andra personen.</translation>
    </message>
    <message>
        <source>Too many repeat checks from this computer or group in the last 24 hours. Try again tomorrow, or ask the coordinator.</source>
        <translation>För många kontroller av upprepade anmälningar från den här datorn eller gruppen det senaste dygnet. Försök igen i morgon eller kontakta samordnaren.</translation>
    </message>
    <message>
        <source>The key for repeat checks is being renewed by the coordinator&apos;s computer. Try again in a while.</source>
        <translation>Nyckeln för kontroll av upprepade anmälningar förnyas av samordnarens dator. Försök igen om en stund.</translation>
    </message>
    <message>
        <source>The key for repeat checks goes only to the coordinator&apos;s and members&apos; computers, never to a lawyer, an observer or a recovery key.</source>
        <translation>Nyckeln för kontroll av upprepade anmälningar ges bara till samordnarens och medlemmarnas datorer, aldrig till jurist, observatör eller återställningsnyckel.</translation>
    </message>
    <message>
        <source>Only the agency that referred the case edits its brief or registers whom it is about.</source>
        <translation>Bara den myndighet som anmälde ärendet ändrar ärendebeskrivningen eller registrerar vem ärendet gäller.</translation>
    </message>
    <message>
        <source>A closed case is not edited.</source>
        <translation>Ett avslutat ärende ändras inte.</translation>
    </message>
    <message>
        <source>Write the brief.</source>
        <translation>Skriv ärendebeskrivningen.</translation>
    </message>
    <message>
        <source>The server has shown another member&apos;s computer a different version of the group&apos;s log than this one. Stop using the group on this computer and call the coordinator: the server may have been tampered with.</source>
        <translation>Servern har visat en annan medlems dator en annan version av gruppens logg än den här. Sluta använda gruppen på den här datorn och ring samordnaren: servern kan ha manipulerats.</translation>
    </message>
    <message>
        <source>The Samråd server&apos;s disk is full, so the server saved nothing. Your edits stay on this computer and are sent when the server has room again. Tell your agency administrator.</source>
        <translation>Samrådsserverns disk är full, så servern sparade ingenting. Dina ändringar finns kvar på den här datorn och skickas när servern har plats igen. Kontakta din myndighets administratör.</translation>
    </message>
    <message>
        <source>The Samråd server cannot write to its storage right now, so the server saved nothing. Your edits stay on this computer and are sent when it can. Tell your agency administrator.</source>
        <translation>Samrådsservern kan inte skriva till sin lagring just nu, så servern sparade ingenting. Dina ändringar finns kvar på den här datorn och skickas när det går. Kontakta din myndighets administratör.</translation>
    </message>
    <message>
        <source>The Samråd server&apos;s disk failed, so the server saved nothing. Your edits stay on this computer and are sent when it works again. Tell your agency administrator.</source>
        <translation>Samrådsserverns disk fungerade inte, så servern sparade ingenting. Dina ändringar finns kvar på den här datorn och skickas när den fungerar igen. Kontakta din myndighets administratör.</translation>
    </message>
    <message>
        <source>A device in the group has been revoked or its certificate has expired. It is taken out of the group first; try again in a moment.</source>
        <translation>En enhet i gruppen har spärrats eller har ett certifikat som gått ut. Den tas först bort ur gruppen; försök igen om en stund.</translation>
    </message>
    <message>
        <source>That device has been revoked or its certificate is not valid, so it cannot be added to the group.</source>
        <translation>Enheten är spärrad eller har ett certifikat som inte är giltigt, så den kan inte läggas till i gruppen.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is ahead of the server&apos;s. Ask your IT support to set the clock right, then try again.</source>
        <translation>Den här datorns klocka går före serverns. Be IT-supporten att ställa klockan rätt och försök sedan igen.</translation>
    </message>
    <message>
        <source>Together, the details left in the text point to very few people. Make them coarser (for example age band instead of age, county instead of village) before it is sent.</source>
        <translation>Tillsammans pekar uppgifterna som är kvar i texten ut väldigt få personer. Gör dem grövre (till exempel åldersintervall i stället för ålder, län i stället för by) innan texten skickas.</translation>
    </message>
</context>
<context>
    <name>samrad::app::AdvicePage</name>
    <message>
        <source>Advice requests</source>
        <translation>Rådfrågningar</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>Ställd</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <source>Kind of organisation</source>
        <translation>Typ av organisation</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Kontrollerad</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Put on the agenda</source>
        <translation>Sätt på dagordningen</translation>
    </message>
    <message>
        <source>Send the answer</source>
        <translation>Skicka svaret</translation>
    </message>
    <message>
        <source>Ask the group</source>
        <translation>Fråga gruppen</translation>
    </message>
    <message>
        <source>Describe the situation without anything that could identify the person: the check below finds names, numbers, addresses and details that would point to them.</source>
        <translation>Beskriv situationen utan något som kan identifiera personen: granskningen nedan hittar namn, nummer, adresser och detaljer som skulle peka ut hen.</translation>
    </message>
    <message>
        <source>Your organisation:</source>
        <translation>Din organisation:</translation>
    </message>
    <message>
        <source>Kind of organisation:</source>
        <translation>Typ av organisation:</translation>
    </message>
    <message>
        <source>Send the question</source>
        <translation>Skicka frågan</translation>
    </message>
    <message>
        <source>My advice requests</source>
        <translation>Mina rådfrågningar</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Not yet: compare the safety number</source>
        <translation>Inte ännu: jämför säkerhetsnumret</translation>
    </message>
    <message>
        <source>No advice request yet.</source>
        <translation>Inga rådfrågningar ännu.</translation>
    </message>
    <message>
        <source>Choose a request to read it.</source>
        <translation>Välj en fråga för att läsa den.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Fråga</translation>
    </message>
    <message>
        <source>From %1, asked %2.</source>
        <translation>Från %1, ställd %2.</translation>
    </message>
    <message>
        <source>Answered %1.</source>
        <translation>Besvarad %1.</translation>
    </message>
    <message>
        <source>Answering the advice request</source>
        <translation>Besvarar rådfrågningen</translation>
    </message>
    <message>
        <source>The answer was sealed to the requester and sent.</source>
        <translation>Svaret krypterades till frågeställaren och skickades.</translation>
    </message>
    <message>
        <source>Putting the request on the agenda</source>
        <translation>Sätter frågan på dagordningen</translation>
    </message>
    <message>
        <source>Sending the question</source>
        <translation>Skickar frågan</translation>
    </message>
    <message>
        <source>Your question was sent, encrypted so that only the group reads it.</source>
        <translation>Din fråga skickades, krypterad så att bara gruppen kan läsa den.</translation>
    </message>
</context>
<context>
    <name>samrad::app::BriefDialog</name>
    <message>
        <source>Edit the brief of case %1</source>
        <translation>Ändra ärendebeskrivningen för ärende %1</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>Ärendebeskrivning</translation>
    </message>
    <message>
        <source>Save the brief</source>
        <translation>Spara beskrivningen</translation>
    </message>
    <message>
        <source>Check the brief first: a de-identified case is sent only when no finding is left unresolved and the risk is not high.</source>
        <translation>Granska beskrivningen först: ett avidentifierat ärende skickas bara när inget fynd är olöst och risken inte är hög.</translation>
    </message>
    <message>
        <source>Saving the brief</source>
        <translation>Sparar beskrivningen</translation>
    </message>
</context>
<context>
    <name>samrad::app::CasesPage</name>
    <message>
        <source>Keep it open</source>
        <translation>Behåll det öppet</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Visa:</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Öppna ärenden</translation>
    </message>
    <message>
        <source>Closed cases</source>
        <translation>Avslutade ärenden</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Alla ärenden</translation>
    </message>
    <message>
        <source>Refer a case…</source>
        <translation>Anmäl ett ärende…</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Brådska</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Barn</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtycke</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>Anmält av</translation>
    </message>
    <message>
        <source>The chosen case</source>
        <translation>Det valda ärendet</translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation>Avsluta ärendet</translation>
    </message>
    <message>
        <source>Register consent…</source>
        <translation>Registrera samtycke…</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>Återkalla samtycke…</translation>
    </message>
    <message>
        <source>Receipt for the person (PDF)…</source>
        <translation>Kvitto till personen (PDF)…</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Not registered</source>
        <translation>Ej registrerat</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Återkallat</translation>
    </message>
    <message>
        <source>Valid until %1</source>
        <translation>Gäller till %1</translation>
    </message>
    <message>
        <source>Not valid</source>
        <translation>Gäller inte</translation>
    </message>
    <message>
        <source>No case yet. Refer one with “Refer a case…”.</source>
        <translation>Inga ärenden ännu. Anmäl ett med ”Anmäl ett ärende…”.</translation>
    </message>
    <message>
        <source>Choose a case in the list to see it.</source>
        <translation>Välj ett ärende i listan för att se det.</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Urgency:</source>
        <translation>Brådska:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Referred by:</source>
        <translation>Anmält av:</translation>
    </message>
    <message>
        <source>Children involved:</source>
        <translation>Barn berörda:</translation>
    </message>
    <message numerus="yes">
        <source>Repeat referral: the same person was referred in %n earlier case(s) in the last 12 months: %1.</source>
        <translation>
            <numerusform>Upprepad anmälan: samma person anmäldes i %n tidigare ärende de senaste 12 månaderna: %1.</numerusform>
            <numerusform>Upprepad anmälan: samma person anmäldes i %n tidigare ärenden de senaste 12 månaderna: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>a case this device does not read</source>
        <translation>ett ärende som den här datorn inte läser</translation>
    </message>
    <message>
        <source>Repeat referral: the same person was referred to the group in the last 12 months. The coordinator sees which case.</source>
        <translation>Upprepad anmälan: samma person har anmälts till gruppen de senaste 12 månaderna. Samordnaren ser vilket ärende.</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>Ärendebeskrivning</translation>
    </message>
    <message>
        <source>Consent (samtycke)</source>
        <translation>Samtycke</translation>
    </message>
    <message>
        <source>No consent is registered yet. The case is shared only with: %1.</source>
        <translation>Inget samtycke är registrerat ännu. Ärendet delas bara med: %1.</translation>
    </message>
    <message>
        <source>Recipients:</source>
        <translation>Mottagare:</translation>
    </message>
    <message>
        <source>Categories:</source>
        <translation>Kategorier:</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>Syfte:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Giltigt:</translation>
    </message>
    <message>
        <source>Collected:</source>
        <translation>Inhämtat:</translation>
    </message>
    <message>
        <source>in writing</source>
        <translation>skriftligt</translation>
    </message>
    <message>
        <source>orally, witness %1</source>
        <translation>muntligt, vittne %1</translation>
    </message>
    <message>
        <source>Legal grounds:</source>
        <translation>Rättslig grund:</translation>
    </message>
    <message>
        <source>(scanned form attached)</source>
        <translation>(skannad blankett bifogad)</translation>
    </message>
    <message>
        <source>Withdrawn %1. Only the referring agency reads the case now.</source>
        <translation>Återkallat %1. Bara den anmälande myndigheten läser ärendet nu.</translation>
    </message>
    <message>
        <source>Valid until %1.</source>
        <translation>Gäller till %1.</translation>
    </message>
    <message>
        <source>Recusals</source>
        <translation>Jäv</translation>
    </message>
    <message>
        <source>Not shared with: %1</source>
        <translation>Delas inte med: %1</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Försenad</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Åtgärder</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Myndighet</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Klart senast</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <source>referred</source>
        <translation>anmält</translation>
    </message>
    <message>
        <source>consent registered</source>
        <translation>samtycke registrerat</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>samtycke återkallat</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>avslutat</translation>
    </message>
    <message>
        <source>Put on the agenda</source>
        <translation>Sätt på dagordningen</translation>
    </message>
    <message>
        <source>Mark as active</source>
        <translation>Markera som aktivt</translation>
    </message>
    <message>
        <source>Changing the case&apos;s status</source>
        <translation>Ändrar ärendets status</translation>
    </message>
    <message>
        <source>Close case %1? Its retention period starts now; the content is deleted when the group&apos;s retention policy says so.</source>
        <translation>Avsluta ärende %1? Gallringstiden börjar nu; innehållet raderas när gruppens gallringsregler säger det.</translation>
    </message>
    <message>
        <source>Closing the case</source>
        <translation>Avslutar ärendet</translation>
    </message>
    <message>
        <source>Receipt for the person</source>
        <translation>Kvitto till personen</translation>
    </message>
    <message>
        <source>How the person reaches your agency (phone, address):</source>
        <translation>Hur personen når din myndighet (telefon, adress):</translation>
    </message>
    <message>
        <source>Save the receipt</source>
        <translation>Spara kvittot</translation>
    </message>
    <message>
        <source>consent-receipt-%1.pdf</source>
        <translation>samtyckeskvitto-%1.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Consent receipt %1</source>
        <translation>Samtyckeskvitto %1</translation>
    </message>
    <message>
        <source>The receipt was saved to %1.</source>
        <translation>Kvittot sparades i %1.</translation>
    </message>
    <message>
        <source>Save the scanned form…</source>
        <translation>Spara den skannade blanketten…</translation>
    </message>
    <message>
        <source>Save the scanned form</source>
        <translation>Spara den skannade blanketten</translation>
    </message>
    <message>
        <source>signed-consent-%1.pdf</source>
        <translation>undertecknat-samtycke-%1.pdf</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alla filer (*)</translation>
    </message>
    <message>
        <source>Fetching the scanned form</source>
        <translation>Hämtar den skannade blanketten</translation>
    </message>
    <message>
        <source>The scanned form was decrypted and saved to %1.</source>
        <translation>Den skannade blanketten dekrypterades och sparades i %1.</translation>
    </message>
    <message>
        <source>Edit the brief…</source>
        <translation>Ändra beskrivningen…</translation>
    </message>
    <message>
        <source>Follow-up…</source>
        <translation>Uppföljning…</translation>
    </message>
    <message>
        <source>risk assessed (%1)</source>
        <translation>risk bedömd (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n measure(s)</source>
        <translation>
            <numerusform>%n insats</numerusform>
            <numerusform>%n insatser</numerusform>
        </translation>
    </message>
    <message>
        <source>followed up after support</source>
        <translation>uppföljt efter insats</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <source>started</source>
        <translation>påbörjad</translation>
    </message>
    <message>
        <source>The case changed while the dialog was open. Try again.</source>
        <translation>Ärendet ändrades medan dialogrutan var öppen. Försök igen.</translation>
    </message>
</context>
<context>
    <name>samrad::app::ConsentDialog</name>
    <message>
        <source>Register consent for case %1</source>
        <translation>Registrera samtycke för ärende %1</translation>
    </message>
    <message>
        <source>Fill this in from the signed form, following the lawyers&apos; template. The consent waives confidentiality (OSL) for what it names; the agencies process the data under their own legal basis (GDPR), never the consent itself.</source>
        <translation>Fyll i uppgifterna från den undertecknade blanketten enligt juristernas mall. Samtycket häver sekretessen (OSL) för det som anges; myndigheterna behandlar uppgifterna med stöd av sin egen rättsliga grund (GDPR), aldrig själva samtycket.</translation>
    </message>
    <message>
        <source>Legal grounds</source>
        <translation>Rättslig grund</translation>
    </message>
    <message>
        <source>Confidentiality waived (OSL):</source>
        <translation>Sekretess som efterges (OSL):</translation>
    </message>
    <message>
        <source>Legal basis for processing (GDPR):</source>
        <translation>Rättslig grund för behandling (GDPR):</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Omfattning</translation>
    </message>
    <message>
        <source>Recipients:</source>
        <translation>Mottagare:</translation>
    </message>
    <message>
        <source>violence in a close relationship</source>
        <translation>våld i nära relation</translation>
    </message>
    <message>
        <source>health</source>
        <translation>hälsa</translation>
    </message>
    <message>
        <source>crime</source>
        <translation>brott</translation>
    </message>
    <message>
        <source>housing</source>
        <translation>boende</translation>
    </message>
    <message>
        <source>finances</source>
        <translation>ekonomi</translation>
    </message>
    <message>
        <source>children</source>
        <translation>barn</translation>
    </message>
    <message>
        <source>Information categories:</source>
        <translation>Uppgiftskategorier:</translation>
    </message>
    <message>
        <source>Other category</source>
        <translation>Annan kategori</translation>
    </message>
    <message>
        <source>Other category:</source>
        <translation>Annan kategori:</translation>
    </message>
    <message>
        <source>coordinated protection and support</source>
        <translation>samordnat skydd och stöd</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>Syfte:</translation>
    </message>
    <message>
        <source>Validity and collection</source>
        <translation>Giltighet och inhämtande</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>Gäller från:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Gäller till:</translation>
    </message>
    <message>
        <source>Written, signed form</source>
        <translation>Skriftligt, undertecknad blankett</translation>
    </message>
    <message>
        <source>Orally, with a witness</source>
        <translation>Muntligt, med vittne</translation>
    </message>
    <message>
        <source>Collected:</source>
        <translation>Inhämtat:</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Vittne</translation>
    </message>
    <message>
        <source>Witness (name and title):</source>
        <translation>Vittne (namn och titel):</translation>
    </message>
    <message>
        <source>The form</source>
        <translation>Blanketten</translation>
    </message>
    <message>
        <source>Samråd consent form</source>
        <translation>Samråds samtyckesblankett</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Mall:</translation>
    </message>
    <message>
        <source>Template version:</source>
        <translation>Mallversion:</translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation>inte vald</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <source>The form&apos;s text (its fingerprint is kept):</source>
        <translation>Blankettens text (dess fingeravtryck sparas):</translation>
    </message>
    <message>
        <source>none attached</source>
        <translation>ingen bifogad</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Bifoga…</translation>
    </message>
    <message>
        <source>Scanned, signed form (encrypted):</source>
        <translation>Skannad, undertecknad blankett (krypterad):</translation>
    </message>
    <message>
        <source>Register the consent</source>
        <translation>Registrera samtycket</translation>
    </message>
    <message>
        <source>The consent form&apos;s text</source>
        <translation>Samtyckesblankettens text</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.txt *.odt *.docx);;All files (*)</source>
        <translation>Dokument (*.pdf *.txt *.odt *.docx);;Alla filer (*)</translation>
    </message>
    <message>
        <source>The scanned, signed form</source>
        <translation>Den skannade, undertecknade blanketten</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>Skanningar (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Choose the file with the form&apos;s text, so its fingerprint is kept with the consent.</source>
        <translation>Välj filen med blankettens text, så att dess fingeravtryck sparas med samtycket.</translation>
    </message>
    <message>
        <source>The form&apos;s text could not be read. Choose the file again.</source>
        <translation>Blankettens text gick inte att läsa. Välj filen igen.</translation>
    </message>
    <message>
        <source>Registering the consent</source>
        <translation>Registrerar samtycket</translation>
    </message>
    <message>
        <source>Uploading the scanned form</source>
        <translation>Laddar upp den skannade blanketten</translation>
    </message>
</context>
<context>
    <name>samrad::app::DashboardPage</name>
    <message>
        <source>Overview</source>
        <translation>Översikt</translation>
    </message>
    <message>
        <source>Next meeting</source>
        <translation>Nästa sammanträde</translation>
    </message>
    <message>
        <source>Open the meeting</source>
        <translation>Öppna sammanträdet</translation>
    </message>
    <message>
        <source>Advice requests</source>
        <translation>Rådfrågningar</translation>
    </message>
    <message>
        <source>Open the inbox</source>
        <translation>Öppna inkorgen</translation>
    </message>
    <message>
        <source>Open cases by urgency</source>
        <translation>Öppna ärenden efter brådska</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Brådska</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Barn</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>Anmält av</translation>
    </message>
    <message>
        <source>My agency&apos;s actions</source>
        <translation>Min myndighets åtgärder</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Klart senast</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Overview — %1</source>
        <translation>Översikt — %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;%3 items on the agenda&lt;br&gt;%4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;%3 punkter på dagordningen&lt;br&gt;%4</translation>
    </message>
    <message>
        <source>You have confirmed the confidentiality statement.</source>
        <translation>Du har bekräftat tystnadsförsäkran.</translation>
    </message>
    <message>
        <source>Confirm the confidentiality statement when the meeting starts.</source>
        <translation>Bekräfta tystnadsförsäkran när sammanträdet börjar.</translation>
    </message>
    <message>
        <source>No meeting is planned. The coordinator plans the group&apos;s meetings.</source>
        <translation>Inget sammanträde är planerat. Samordnaren planerar gruppens sammanträden.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>(not readable)</source>
        <translation>(kan inte läsas)</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Försenad</translation>
    </message>
    <message>
        <source>No advice request is waiting for an answer.</source>
        <translation>Ingen rådfrågning väntar på svar.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) waiting for an answer.</source>
        <translation>
            <numerusform>%n fråga väntar på svar.</numerusform>
            <numerusform>%n frågor väntar på svar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>samrad::app::DeidCheck</name>
    <message>
        <source>Personal identity number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>Coordination number</source>
        <translation>Samordningsnummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Address or place</source>
        <translation>Adress eller ort</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>E-postadress</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Registreringsnummer</translation>
    </message>
    <message>
        <source>Date of birth or incident</source>
        <translation>Födelse- eller händelsedatum</translation>
    </message>
    <message>
        <source>Identifying detail</source>
        <translation>Identifierande uppgift</translation>
    </message>
    <message>
        <source>Check the text before it is sent: what could point to a person is marked, and you choose, item by item, what to replace. The check does not find everything — names written in lower case or misspelt, nicknames it does not know — so read the text yourself too.</source>
        <translation>Granska texten innan den skickas: det som kan peka ut en person markeras, och du väljer för varje uppgift vad som ska ersättas. Granskningen hittar inte allt – namn med liten bokstav eller felstavade, okända smeknamn – så läs också igenom texten själv.</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>Ärendebeskrivning</translation>
    </message>
    <message>
        <source>Brief to check</source>
        <translation>Ärendebeskrivning att granska</translation>
    </message>
    <message>
        <source>Write or paste the de-identified brief here.</source>
        <translation>Skriv eller klistra in den avidentifierade ärendebeskrivningen här.</translation>
    </message>
    <message>
        <source>Check the text</source>
        <translation>Granska texten</translation>
    </message>
    <message>
        <source>Replace the chosen items</source>
        <translation>Ersätt de valda uppgifterna</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Inte granskad ännu.</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Fynd</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersätt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Hittat</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Ersätt med</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Varför</translation>
    </message>
    <message>
        <source>Risk of re-identification</source>
        <translation>Risk för återidentifiering</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>inte angivet</translation>
    </message>
    <message>
        <source>woman</source>
        <translation>kvinna</translation>
    </message>
    <message>
        <source>man</source>
        <translation>man</translation>
    </message>
    <message>
        <source>The exact date of birth is given</source>
        <translation>Exakt födelsedatum anges</translation>
    </message>
    <message>
        <source>e.g. 3, 7</source>
        <translation>t.ex. 3, 7</translation>
    </message>
    <message>
        <source>Protected personal data is mentioned</source>
        <translation>Skyddade personuppgifter nämns</translation>
    </message>
    <message>
        <source>Municipality or place:</source>
        <translation>Kommun eller ort:</translation>
    </message>
    <message>
        <source>County:</source>
        <translation>Län:</translation>
    </message>
    <message>
        <source>Inhabitants there:</source>
        <translation>Invånare där:</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>Kön:</translation>
    </message>
    <message>
        <source>Exact age:</source>
        <translation>Exakt ålder:</translation>
    </message>
    <message>
        <source>Number of children:</source>
        <translation>Antal barn:</translation>
    </message>
    <message>
        <source>Children&apos;s exact ages:</source>
        <translation>Barnens exakta åldrar:</translation>
    </message>
    <message>
        <source>Occupation:</source>
        <translation>Yrke:</translation>
    </message>
    <message>
        <source>Risk:</source>
        <translation>Risk:</translation>
    </message>
    <message>
        <source>Nothing that identifies a person was found in the text.</source>
        <translation>Inget som identifierar en person hittades i texten.</translation>
    </message>
    <message numerus="yes">
        <source>Kept as you chose: %n. Nothing else was found.</source>
        <translation>
            <numerusform>Behålls som du valde: %n. Inget annat hittades.</numerusform>
            <numerusform>Behålls som du valde: %n. Inget annat hittades.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Items that could identify the person: %n. Untick what should stay, then replace the rest.</source>
        <translation>
            <numerusform>Uppgifter som kan identifiera personen: %n. Avmarkera det som ska stå kvar och ersätt resten.</numerusform>
            <numerusform>Uppgifter som kan identifiera personen: %n. Avmarkera det som ska stå kvar och ersätt resten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Låg</translation>
    </message>
    <message>
        <source>Elevated</source>
        <translation>Förhöjd</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hög</translation>
    </message>
    <message>
        <source>About %1 people fit every detail given.</source>
        <translation>Ungefär %1 personer passar in på alla angivna uppgifter.</translation>
    </message>
    <message>
        <source>Less exact: write %2 instead of %1</source>
        <translation>Skriv hellre %2 i stället för %1</translation>
    </message>
    <message>
        <source>School, shop or workplace</source>
        <translation>Skola, butik eller arbetsplats</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Replace with pseudonyms (Person A, Ort 1, …) that stay the same in the whole case</source>
        <translation>Ersätt med pseudonymer (Person A, Ort 1 …) som är desamma i hela ärendet</translation>
    </message>
    <message>
        <source>The list of who is who stays on your agency&apos;s computer, locked with the case&apos;s key. It is never sent.</source>
        <translation>Listan över vem som är vem stannar på er myndighets dator, låst med ärendets nyckel. Den skickas aldrig.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <source>Fixed labels (Person A, Ort 1 …)</source>
        <translation>Fasta beteckningar (Person A, Ort 1 …)</translation>
    </message>
    <message>
        <source>The same person or place keeps its label in this case&apos;s texts written on this computer. Which label stands for whom stays on this computer only and is never sent.</source>
        <translation>Samma person eller plats behåller sin beteckning i ärendets texter som skrivs på den här datorn. Vem som är vem sparas bara på den här datorn och skickas aldrig.</translation>
    </message>
    <message>
        <source>The same person or place gets the same label in this case&apos;s texts written on this computer. Which label stands for whom stays on this computer only and is never sent.</source>
        <translation>Samma person eller plats får samma beteckning i ärendets texter som skrivs på den här datorn. Vem som är vem sparas bara på den här datorn och skickas aldrig.</translation>
    </message>
    <message>
        <source>For example protected registration (skyddad folkbokföring) or a confidentiality marking.</source>
        <translation>Till exempel skyddad folkbokföring eller sekretessmarkering.</translation>
    </message>
</context>
<context>
    <name>samrad::app::EnrolPage</name>
    <message>
        <source>Set up Samråd on this computer</source>
        <translation>Kom igång med Samråd på den här datorn</translation>
    </message>
    <message>
        <source>Your agency administrator gives you your agency&apos;s id and root key, then a certificate and a one-time code. Everything you do in Samråd is kept on this computer encrypted under your passphrase.</source>
        <translation>Din myndighets administratör ger dig myndighetens id och rotnyckel, och sedan ett certifikat och en engångskod. Allt du gör i Samråd sparas krypterat på den här datorn under din lösenfras.</translation>
    </message>
    <message>
        <source>1. Your profile</source>
        <translation>1. Din profil</translation>
    </message>
    <message>
        <source>Agency id (32 hex digits):</source>
        <translation>Myndighetens id (32 hexsiffror):</translation>
    </message>
    <message>
        <source>Agency root key (64 hex digits):</source>
        <translation>Myndighetens rotnyckel (64 hexsiffror):</translation>
    </message>
    <message>
        <source>Its safety number:</source>
        <translation>Dess säkerhetsnummer:</translation>
    </message>
    <message>
        <source>Your agency&apos;s name:</source>
        <translation>Din myndighets namn:</translation>
    </message>
    <message>
        <source>Member of a consultation group</source>
        <translation>Ledamot i en samrådsgrupp</translation>
    </message>
    <message>
        <source>Lawyer auditing consent</source>
        <translation>Jurist som granskar samtycken</translation>
    </message>
    <message>
        <source>Asking a group for advice (another municipality)</source>
        <translation>Rådfrågar en grupp (annan kommun)</translation>
    </message>
    <message>
        <source>You are:</source>
        <translation>Du är:</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Ny lösenfras</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Ny lösenfras:</translation>
    </message>
    <message>
        <source>The passphrase again</source>
        <translation>Lösenfrasen igen</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Igen:</translation>
    </message>
    <message>
        <source>Create my profile</source>
        <translation>Skapa min profil</translation>
    </message>
    <message>
        <source>2. Enrol this device</source>
        <translation>2. Registrera enheten</translation>
    </message>
    <message>
        <source>Give this identity request to your agency administrator, and compare your safety number with them:</source>
        <translation>Lämna den här identitetsbegäran till din myndighets administratör och jämför ditt säkerhetsnummer med hen:</translation>
    </message>
    <message>
        <source>Save the request…</source>
        <translation>Spara begäran…</translation>
    </message>
    <message>
        <source>Your safety number:</source>
        <translation>Ditt säkerhetsnummer:</translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation>inte vald</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <source>Your certificate file:</source>
        <translation>Din certifikatfil:</translation>
    </message>
    <message>
        <source>One-time code:</source>
        <translation>Engångskod:</translation>
    </message>
    <message>
        <source>Enrol this device</source>
        <translation>Registrera enheten</translation>
    </message>
    <message>
        <source>3. Join your group</source>
        <translation>3. Gå med i din grupp</translation>
    </message>
    <message>
        <source>Give your member card to the group&apos;s coordinator, who adds you and tells you the group&apos;s id:</source>
        <translation>Lämna ditt medlemskort till gruppens samordnare, som lägger till dig och ger dig gruppens id:</translation>
    </message>
    <message>
        <source>Save the member card…</source>
        <translation>Spara medlemskortet…</translation>
    </message>
    <message>
        <source>The coordinator also gives you the keys of the group&apos;s agencies. Paste them here and compare each safety number with someone from that agency before you join:</source>
        <translation>Samordnaren ger dig också nycklarna till gruppens myndigheter. Klistra in dem här och jämför varje säkerhetsnummer med någon från myndigheten innan du går med:</translation>
    </message>
    <message>
        <source>The group&apos;s agency keys</source>
        <translation>Gruppens myndighetsnycklar</translation>
    </message>
    <message>
        <source>Group id:</source>
        <translation>Gruppens id:</translation>
    </message>
    <message>
        <source>Join the group</source>
        <translation>Gå med i gruppen</translation>
    </message>
    <message>
        <source>appears when the id and the key are complete — compare it with your administrator</source>
        <translation>visas när id och nyckel är fullständiga — jämför det med din administratör</translation>
    </message>
    <message>
        <source>%1: safety number %2</source>
        <translation>%1: säkerhetsnummer %2</translation>
    </message>
    <message>
        <source>Check the agency id and root key: copy them exactly as your administrator gave them.</source>
        <translation>Kontrollera myndighetens id och rotnyckel: kopiera dem precis som administratören gav dem.</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type them again.</source>
        <translation>Lösenfraserna skiljer sig åt. Skriv dem igen.</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 10 characters; several words are easier to remember.</source>
        <translation>Välj en lösenfras på minst 10 tecken; flera ord är lättare att minnas.</translation>
    </message>
    <message>
        <source>Creating your encrypted profile…</source>
        <translation>Skapar din krypterade profil…</translation>
    </message>
    <message>
        <source>Your profile is created. Give the identity request to your agency administrator.</source>
        <translation>Din profil är skapad. Lämna identitetsbegäran till din myndighets administratör.</translation>
    </message>
    <message>
        <source>Your certificate file</source>
        <translation>Din certifikatfil</translation>
    </message>
    <message>
        <source>Certificates (*.cert *.txt);;All files (*)</source>
        <translation>Certifikat (*.cert *.txt);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Choose the certificate file and type the one-time code you were given.</source>
        <translation>Välj certifikatfilen och skriv engångskoden du fick.</translation>
    </message>
    <message>
        <source>Enrolling this device…</source>
        <translation>Registrerar enheten…</translation>
    </message>
    <message>
        <source>This device is enrolled. Give your member card to the group&apos;s coordinator.</source>
        <translation>Enheten är registrerad. Lämna ditt medlemskort till gruppens samordnare.</translation>
    </message>
    <message>
        <source>The group id is 32 hex digits; copy it exactly as the coordinator gave it.</source>
        <translation>Gruppens id är 32 hexsiffror; kopiera det precis som samordnaren gav det.</translation>
    </message>
    <message>
        <source>Opening the group…</source>
        <translation>Öppnar gruppen…</translation>
    </message>
    <message>
        <source>Your profile is created and encrypted under this passphrase.</source>
        <translation>Din profil är skapad och krypterad under lösenfrasen.</translation>
    </message>
</context>
<context>
    <name>samrad::app::FollowUpDialog</name>
    <message>
        <source>Follow-up of case %1</source>
        <translation>Uppföljning av ärende %1</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>inte angivet</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Bakgrund</translation>
    </message>
    <message>
        <source>alone</source>
        <translation>ensam</translation>
    </message>
    <message>
        <source>with the person using violence</source>
        <translation>med den som utövar våld</translation>
    </message>
    <message>
        <source>with another partner or family</source>
        <translation>med annan partner eller familj</translation>
    </message>
    <message>
        <source>in sheltered housing</source>
        <translation>i skyddat boende</translation>
    </message>
    <message>
        <source>other</source>
        <translation>annat</translation>
    </message>
    <message>
        <source>Living situation:</source>
        <translation>Boendesituation:</translation>
    </message>
    <message>
        <source>Children in the household:</source>
        <translation>Barn i hushållet:</translation>
    </message>
    <message>
        <source>Protected personal data</source>
        <translation>Skyddade personuppgifter</translation>
    </message>
    <message>
        <source>Before support</source>
        <translation>Före insats</translation>
    </message>
    <message>
        <source>physical</source>
        <translation>fysiskt</translation>
    </message>
    <message>
        <source>psychological</source>
        <translation>psykiskt</translation>
    </message>
    <message>
        <source>sexual</source>
        <translation>sexuellt</translation>
    </message>
    <message>
        <source>economic</source>
        <translation>ekonomiskt</translation>
    </message>
    <message>
        <source>digital</source>
        <translation>digitalt</translation>
    </message>
    <message>
        <source>honour-related</source>
        <translation>hedersrelaterat</translation>
    </message>
    <message>
        <source>Kinds of violence:</source>
        <translation>Typer av våld:</translation>
    </message>
    <message>
        <source>once</source>
        <translation>en gång</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>varje månad</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>varje vecka</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>dagligen</translation>
    </message>
    <message>
        <source>How often:</source>
        <translation>Hur ofta:</translation>
    </message>
    <message>
        <source>e.g. Patriark, SARA:SV, FREDA</source>
        <translation>t.ex. Patriark, SARA:SV, FREDA</translation>
    </message>
    <message>
        <source>Risk assessment method:</source>
        <translation>Metod för riskbedömning:</translation>
    </message>
    <message>
        <source>low</source>
        <translation>låg</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>måttlig</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hög</translation>
    </message>
    <message>
        <source>Assessed risk:</source>
        <translation>Bedömd risk:</translation>
    </message>
    <message>
        <source>During support</source>
        <translation>Under insats</translation>
    </message>
    <message>
        <source>No measures recorded yet.</source>
        <translation>Inga insatser registrerade ännu.</translation>
    </message>
    <message>
        <source>Measures so far:</source>
        <translation>Insatser hittills:</translation>
    </message>
    <message>
        <source>Add your agency&apos;s measure:</source>
        <translation>Lägg till din myndighets insats:</translation>
    </message>
    <message>
        <source>After support</source>
        <translation>Efter insats</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>upphört</translation>
    </message>
    <message>
        <source>reduced</source>
        <translation>minskat</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>oförändrat</translation>
    </message>
    <message>
        <source>increased</source>
        <translation>ökat</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>okänt</translation>
    </message>
    <message>
        <source>Violence, as the person reports it:</source>
        <translation>Våldet, enligt personen själv:</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>partly</source>
        <translation>delvis</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>Goals met:</source>
        <translation>Målen nådda:</translation>
    </message>
    <message>
        <source>In the person&apos;s own words:</source>
        <translation>Med personens egna ord:</translation>
    </message>
    <message>
        <source>goals met</source>
        <translation>målen nådda</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>flyttat</translation>
    </message>
    <message>
        <source>declined further support</source>
        <translation>tackat nej till fortsatt stöd</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>samtycket återkallat</translation>
    </message>
    <message>
        <source>Why the support ended:</source>
        <translation>Varför stödet avslutades:</translation>
    </message>
    <message>
        <source>Save the follow-up</source>
        <translation>Spara uppföljningen</translation>
    </message>
    <message>
        <source>Saving the follow-up</source>
        <translation>Sparar uppföljningen</translation>
    </message>
</context>
<context>
    <name>samrad::app::MainWindow</name>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <source>Samråd locked itself because the computer was locked or went to sleep.</source>
        <translation>Samråd låstes eftersom datorn låstes eller gick i viloläge.</translation>
    </message>
    <message>
        <source>Samråd</source>
        <translation>Samråd</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Avsnitt</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Översikt</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Sammanträden</translation>
    </message>
    <message>
        <source>Advice requests</source>
        <translation>Rådfrågningar</translation>
    </message>
    <message>
        <source>Consent register</source>
        <translation>Samtyckesregister</translation>
    </message>
    <message>
        <source>Members and keys</source>
        <translation>Ledamöter och nycklar</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lås</translation>
    </message>
    <message>
        <source>Lock Samråd now (Ctrl+L); your passphrase opens it again.</source>
        <translation>Lås Samråd nu (Ctrl+L); din lösenfras öppnar det igen.</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1: klart.</translation>
    </message>
    <message>
        <source>STOP: %1</source>
        <translation>STOPP: %1</translation>
    </message>
    <message>
        <source>Verification failed</source>
        <translation>Kontrollen misslyckades</translation>
    </message>
    <message>
        <source>External requester</source>
        <translation>Extern frågeställare</translation>
    </message>
    <message>
        <source>Not a member</source>
        <translation>Inte ledamot</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Samråd locked itself after a period without use. Unlock it to go on.</source>
        <translation>Samråd låstes efter en stund utan användning. Lås upp för att fortsätta.</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Låst</translation>
    </message>
    <message>
        <source>Syncing… · verified</source>
        <translation>Synkroniserar… · kontrollerat</translation>
    </message>
    <message>
        <source>Up to date · verified</source>
        <translation>Aktuellt · kontrollerat</translation>
    </message>
    <message>
        <source>Offline: changes wait on this computer</source>
        <translation>Frånkopplad: ändringar väntar på den här datorn</translation>
    </message>
    <message>
        <source>VERIFICATION FAILED</source>
        <translation>KONTROLLEN MISSLYCKADES</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
</context>
<context>
    <name>samrad::app::MeetingPage</name>
    <message>
        <source>Keep the meeting</source>
        <translation>Behåll sammanträdet</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Sammanträden</translation>
    </message>
    <message>
        <source>&amp;Meeting:</source>
        <translation>&amp;Sammanträde:</translation>
    </message>
    <message>
        <source>Plan meetings…</source>
        <translation>Planera sammanträden…</translation>
    </message>
    <message>
        <source>Build the agenda</source>
        <translation>Bygg dagordningen</translation>
    </message>
    <message>
        <source>Acute cases first, then cases with children, then follow-ups that are due, then the rest; at most 15 cases.</source>
        <translation>Akuta ärenden först, sedan ärenden där barn berörs, sedan uppföljningar som är aktuella, sedan övriga; högst 15 ärenden.</translation>
    </message>
    <message>
        <source>Cancel the meeting</source>
        <translation>Ställ in sammanträdet</translation>
    </message>
    <message>
        <source>Approve the minutes</source>
        <translation>Justera protokollet</translation>
    </message>
    <message>
        <source>Minutes as PDF…</source>
        <translation>Protokoll som PDF…</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Dagordning</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Flytta upp</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Flytta ned</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Närvaro</translation>
    </message>
    <message>
        <source>Confirm the confidentiality statement…</source>
        <translation>Bekräfta tystnadsförsäkran…</translation>
    </message>
    <message>
        <source>&amp;Minutes for this item:</source>
        <translation>&amp;Anteckningar för punkten:</translation>
    </message>
    <message>
        <source>Minutes for this item</source>
        <translation>Anteckningar för punkten</translation>
    </message>
    <message>
        <source>&amp;Decisions (one per line):</source>
        <translation>&amp;Beslut (ett per rad):</translation>
    </message>
    <message>
        <source>Decisions, one per line</source>
        <translation>Beslut, ett per rad</translation>
    </message>
    <message>
        <source>Save the minutes</source>
        <translation>Spara anteckningarna</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Åtgärder</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Myndighet</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Klart senast</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Add an action…</source>
        <translation>Lägg till åtgärd…</translation>
    </message>
    <message>
        <source>Mark as done</source>
        <translation>Markera som utförd</translation>
    </message>
    <message>
        <source>Not done…</source>
        <translation>Ej utförd…</translation>
    </message>
    <message>
        <source>No meeting is planned yet. Plan the group&apos;s weekly meetings with “Plan meetings…”.</source>
        <translation>Inget sammanträde är planerat ännu. Planera gruppens veckosammanträden med ”Planera sammanträden…”.</translation>
    </message>
    <message>
        <source>No meeting is planned yet. The coordinator plans the group&apos;s meetings.</source>
        <translation>Inget sammanträde är planerat ännu. Samordnaren planerar gruppens sammanträden.</translation>
    </message>
    <message>
        <source>%1, %2 minutes, %3. %4</source>
        <translation>%1, %2 minuter, %3. %4</translation>
    </message>
    <message>
        <source>, children</source>
        <translation>, barn</translation>
    </message>
    <message>
        <source>%1. A case you may not read (recused or outside the consent)</source>
        <translation>%1. Ett ärende du inte får läsa (jäv eller utanför samtycket)</translation>
    </message>
    <message>
        <source>%1. Advice request</source>
        <translation>%1. Rådfrågning</translation>
    </message>
    <message>
        <source>The agenda is empty: build it from the open cases.</source>
        <translation>Dagordningen är tom: bygg den från de öppna ärendena.</translation>
    </message>
    <message>
        <source>The agenda is empty.</source>
        <translation>Dagordningen är tom.</translation>
    </message>
    <message>
        <source>former member</source>
        <translation>tidigare ledamot</translation>
    </message>
    <message>
        <source>Nobody has confirmed yet.</source>
        <translation>Ingen har bekräftat ännu.</translation>
    </message>
    <message>
        <source>Confirmed: %1</source>
        <translation>Bekräftat: %1</translation>
    </message>
    <message>
        <source>You have confirmed the statement</source>
        <translation>Du har bekräftat försäkran</translation>
    </message>
    <message>
        <source>Approved %1 (version %2).</source>
        <translation>Justerat %1 (version %2).</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) changed since: approve again as an amendment.</source>
        <translation>
            <numerusform>%n punkt har ändrats sedan dess: justera igen som en ändring.</numerusform>
            <numerusform>%n punkter har ändrats sedan dess: justera igen som en ändring.</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve an amendment…</source>
        <translation>Justera en ändring…</translation>
    </message>
    <message>
        <source>The minutes are a draft until the coordinator approves them.</source>
        <translation>Protokollet är ett utkast tills samordnaren justerar det.</translation>
    </message>
    <message>
        <source>Choose an item on the agenda</source>
        <translation>Välj en punkt på dagordningen</translation>
    </message>
    <message>
        <source>Case %1 — %2, %3</source>
        <translation>Ärende %1 — %2, %3</translation>
    </message>
    <message>
        <source>A case you may not read</source>
        <translation>Ett ärende du inte får läsa</translation>
    </message>
    <message>
        <source>Advice request</source>
        <translation>Rådfrågning</translation>
    </message>
    <message>
        <source>Saved (version %1).</source>
        <translation>Sparat (version %1).</translation>
    </message>
    <message>
        <source>No minutes for this item yet.</source>
        <translation>Inga anteckningar för punkten ännu.</translation>
    </message>
    <message>
        <source>Someone else saved these minutes while you were writing. Your text is kept here; save to add it on top of theirs.</source>
        <translation>Någon annan sparade anteckningarna medan du skrev. Din text är kvar här; spara för att lägga den ovanpå deras.</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Försenad</translation>
    </message>
    <message>
        <source>Plan the group&apos;s meetings</source>
        <translation>Planera gruppens sammanträden</translation>
    </message>
    <message>
        <source>First meeting:</source>
        <translation>Första sammanträdet:</translation>
    </message>
    <message>
        <source>Weekly, number of meetings:</source>
        <translation>Varje vecka, antal sammanträden:</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minuter</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Längd:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Plats:</translation>
    </message>
    <message>
        <source>What is said at this meeting is covered by confidentiality under the Public Access to Information and Secrecy Act and stays in the room.</source>
        <translation>Det som sägs på sammanträdet omfattas av sekretess enligt offentlighets- och sekretesslagen och stannar i rummet.</translation>
    </message>
    <message>
        <source>Confidentiality statement read at the start:</source>
        <translation>Tystnadsförsäkran som läses upp i början:</translation>
    </message>
    <message>
        <source>Planning meetings</source>
        <translation>Planerar sammanträden</translation>
    </message>
    <message>
        <source>Building the agenda</source>
        <translation>Bygger dagordningen</translation>
    </message>
    <message>
        <source>Reordering the agenda</source>
        <translation>Ändrar ordningen på dagordningen</translation>
    </message>
    <message>
        <source>The meeting&apos;s confidentiality statement has not reached this device yet. Wait a moment and try again.</source>
        <translation>Sammanträdets tystnadsförsäkran har inte nått den här enheten ännu. Vänta en stund och försök igen.</translation>
    </message>
    <message>
        <source>Confidentiality statement</source>
        <translation>Tystnadsförsäkran</translation>
    </message>
    <message>
        <source>Read aloud at the start of the meeting:

%1

Do you confirm it?</source>
        <translation>Läses upp i början av sammanträdet:

%1

Bekräftar du den?</translation>
    </message>
    <message>
        <source>Confirming attendance</source>
        <translation>Bekräftar närvaro</translation>
    </message>
    <message>
        <source>The minutes changed</source>
        <translation>Anteckningarna har ändrats</translation>
    </message>
    <message>
        <source>Someone else saved these minutes while you were writing. Save your text in their place? Their version stays in the minutes&apos; history.</source>
        <translation>Någon annan sparade anteckningarna medan du skrev. Spara din text i stället för deras? Deras version finns kvar i protokollets historik.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <source>Saving the minutes</source>
        <translation>Sparar anteckningarna</translation>
    </message>
    <message>
        <source>Add an action</source>
        <translation>Lägg till åtgärd</translation>
    </message>
    <message>
        <source>Agency responsible:</source>
        <translation>Ansvarig myndighet:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Åtgärd:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Klart senast:</translation>
    </message>
    <message>
        <source>Adding the action</source>
        <translation>Lägger till åtgärden</translation>
    </message>
    <message>
        <source>Choose an action in the table first.</source>
        <translation>Välj en åtgärd i tabellen först.</translation>
    </message>
    <message>
        <source>Action not done</source>
        <translation>Åtgärd ej utförd</translation>
    </message>
    <message>
        <source>Why was it not done? (Start with “changed:” if the circumstances changed; otherwise the agency did not act.)</source>
        <translation>Varför utfördes den inte? (Börja med ”ändrat:” om omständigheterna ändrades; annars agerade myndigheten inte.)</translation>
    </message>
    <message>
        <source>changed:</source>
        <translation>ändrat:</translation>
    </message>
    <message>
        <source>Reviewing the action</source>
        <translation>Följer upp åtgärden</translation>
    </message>
    <message>
        <source>Amend the approved minutes</source>
        <translation>Ändra det justerade protokollet</translation>
    </message>
    <message>
        <source>Why are the approved minutes amended?</source>
        <translation>Varför ändras det justerade protokollet?</translation>
    </message>
    <message>
        <source>Approve the minutes of %1 as they are now? Later changes become amendments; this version is kept.</source>
        <translation>Justera protokollet från %1 som det ser ut nu? Senare ändringar blir tillägg; den här versionen sparas.</translation>
    </message>
    <message>
        <source>Approving the minutes</source>
        <translation>Justerar protokollet</translation>
    </message>
    <message>
        <source>Cancel the meeting of %1? Everyone in the group sees that it is cancelled.</source>
        <translation>Ställa in sammanträdet %1? Alla i gruppen ser att det är inställt.</translation>
    </message>
    <message>
        <source>Cancelling the meeting</source>
        <translation>Ställer in sammanträdet</translation>
    </message>
    <message>
        <source>minutes-%1.pdf</source>
        <translation>protokoll-%1.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Minutes %1</source>
        <translation>Protokoll %1</translation>
    </message>
    <message>
        <source>The minutes were saved to %1.</source>
        <translation>Protokollet sparades i %1.</translation>
    </message>
    <message>
        <source>Approved versions…</source>
        <translation>Justerade versioner…</translation>
    </message>
    <message>
        <source>Fetching the approved versions</source>
        <translation>Hämtar de justerade versionerna</translation>
    </message>
    <message>
        <source>Approved versions of the minutes</source>
        <translation>Protokollets justerade versioner</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Justerat</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>Amended because</source>
        <translation>Ändrat därför att</translation>
    </message>
    <message>
        <source>(first approval)</source>
        <translation>(första justeringen)</translation>
    </message>
    <message>
        <source>Every approved version is kept as the server stored it and checked on this computer; an amendment never replaces one.</source>
        <translation>Varje justerad version sparas så som servern lagrade den och kontrolleras på den här datorn; en ändring ersätter aldrig en tidigare version.</translation>
    </message>
    <message>
        <source>The meeting changed while the dialog was open. Try again.</source>
        <translation>Sammanträdet ändrades medan dialogrutan var öppen. Försök igen.</translation>
    </message>
</context>
<context>
    <name>samrad::app::MembersPage</name>
    <message>
        <source>Keep the member</source>
        <translation>Behåll ledamoten</translation>
    </message>
    <message>
        <source>Recovery key of %1</source>
        <translation>%1 – återställningsnyckel</translation>
    </message>
    <message>
        <source>Members and keys</source>
        <translation>Ledamöter och nycklar</translation>
    </message>
    <message>
        <source>Group code (read it aloud when someone joins):</source>
        <translation>Gruppkod (läs upp den när någon ansluter):</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Ledamöter</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Myndighet</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Användare</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Enheter</translation>
    </message>
    <message>
        <source>Add a member from their card…</source>
        <translation>Lägg till ledamot från medlemskort…</translation>
    </message>
    <message>
        <source>Remove the chosen member…</source>
        <translation>Ta bort vald ledamot…</translation>
    </message>
    <message>
        <source>Agencies and their safety numbers</source>
        <translation>Myndigheter och deras säkerhetsnummer</translation>
    </message>
    <message>
        <source>Compare each agency&apos;s safety number with someone from that agency, in person or by phone, before trusting what it signs.</source>
        <translation>Jämför varje myndighets säkerhetsnummer med någon från myndigheten, på plats eller per telefon, innan du litar på det den signerar.</translation>
    </message>
    <message>
        <source>Safety number</source>
        <translation>Säkerhetsnummer</translation>
    </message>
    <message>
        <source>Safety number as a QR code</source>
        <translation>Säkerhetsnummer som QR-kod</translation>
    </message>
    <message>
        <source> (you)</source>
        <translation> (du)</translation>
    </message>
    <message>
        <source>The member&apos;s card</source>
        <translation>Ledamotens medlemskort</translation>
    </message>
    <message>
        <source>Member cards (*.card *.txt);;All files (*)</source>
        <translation>Medlemskort (*.card *.txt);;Alla filer (*)</translation>
    </message>
    <message>
        <source>The card could not be read. Choose the file again.</source>
        <translation>Kortet gick inte att läsa. Välj filen igen.</translation>
    </message>
    <message>
        <source>Adding the member</source>
        <translation>Lägger till ledamoten</translation>
    </message>
    <message>
        <source>The member was added. Read the new group code aloud.</source>
        <translation>Ledamoten lades till. Läs upp den nya gruppkoden.</translation>
    </message>
    <message>
        <source>Choose a member in the table first.</source>
        <translation>Välj en ledamot i tabellen först.</translation>
    </message>
    <message>
        <source>Remove the member</source>
        <translation>Ta bort ledamoten</translation>
    </message>
    <message>
        <source>Remove %1 from the group? A new key epoch starts: they keep nothing written from now on.</source>
        <translation>Ta bort %1 ur gruppen? En ny nyckelepok börjar: hen får inget av det som skrivs från och med nu.</translation>
    </message>
    <message>
        <source>Removing the member</source>
        <translation>Tar bort ledamoten</translation>
    </message>
    <message>
        <source>The member was removed; a new key epoch began.</source>
        <translation>Ledamoten togs bort; en ny nyckelepok började.</translation>
    </message>
    <message>
        <source>Save the agency keys for a newcomer…</source>
        <translation>Spara myndighetsnycklarna till en ny ledamot…</translation>
    </message>
    <message>
        <source>Save the agency keys</source>
        <translation>Spara myndighetsnycklarna</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
    <message>
        <source>Saving the agency keys</source>
        <translation>Sparar myndighetsnycklarna</translation>
    </message>
    <message>
        <source>Saved to %1. Hand it to the newcomer with the group&apos;s id.</source>
        <translation>Sparat i %1. Lämna filen till den nya ledamoten tillsammans med gruppens id.</translation>
    </message>
    <message>
        <source>A device of a member from %1 has a certificate that is no longer valid, but it is still in the group and holds the current group key. A coordinator&apos;s computer takes it out as soon as it syncs.</source>
        <translation>En enhet som tillhör en medlem från %1 har ett certifikat som inte längre är giltigt, men den finns kvar i gruppen och har den aktuella gruppnyckeln. En samordnares dator tar bort den så snart den synkroniserar.</translation>
    </message>
    <message numerus="yes">
        <source>The group asks that %n agencies witness the server&apos;s log, but no checkpoint of the log has been witnessed by that many of the group&apos;s agencies. Until it has, the log&apos;s record of who read what rests on the server alone. Tell the coordinator.</source>
        <translation>
            <numerusform>Gruppen kräver att %n myndighet bestyrker serverns logg, men ingen kontrollpunkt i loggen har bestyrkts av någon av gruppens myndigheter. Till dess vilar loggens uppgifter om vem som läst vad på servern ensam. Berätta det för samordnaren.</numerusform>
            <numerusform>Gruppen kräver att %n myndigheter bestyrker serverns logg, men ingen kontrollpunkt i loggen har bestyrkts av så många av gruppens myndigheter. Till dess vilar loggens uppgifter om vem som läst vad på servern ensam. Berätta det för samordnaren.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The group asks that %n agencies witness the server&apos;s log, but none has done so in the last two days (last: %1). Until they have, the log&apos;s record of who read what rests on the server alone. Tell the coordinator.</source>
        <translation>
            <numerusform>Gruppen kräver att %n myndighet bestyrker serverns logg, men ingen har gjort det de senaste två dygnen (senast: %1). Till dess vilar loggens uppgifter om vem som läst vad på servern ensam. Berätta det för samordnaren.</numerusform>
            <numerusform>Gruppen kräver att %n myndigheter bestyrker serverns logg, men ingen har gjort det de senaste två dygnen (senast: %1). Till dess vilar loggens uppgifter om vem som läst vad på servern ensam. Berätta det för samordnaren.</numerusform>
        </translation>
    </message>
    <message>
        <source>A change to a case&apos;s record by a member from %1 was refused: only the agency that referred the case changes it, and the coordinator only its status. This computer keeps the version before. Tell the coordinator.</source>
        <translation>En ändring av ett ärendes uppgifter av en medlem från %1 avvisades: bara den myndighet som anmälde ärendet ändrar dem, och samordnaren bara ärendets status. Den här datorn behåller versionen före. Berätta det för samordnaren.</translation>
    </message>
    <message>
        <source>another agency</source>
        <translation>en annan myndighet</translation>
    </message>
    <message>
        <source>A device of a member from %1 has been revoked (lost, stolen or the person has left), but it is still in the group and holds the current group key. A coordinator&apos;s computer takes it out as soon as it syncs; until then, write nothing new about cases.</source>
        <translation>En enhet som tillhör en medlem från %1 har spärrats (borttappad, stulen eller personen har slutat), men den finns kvar i gruppen och har den aktuella gruppnyckeln. En samordnares dator tar bort den så snart den synkroniserar; skriv inget nytt om ärenden till dess.</translation>
    </message>
    <message>
        <source>A member from %1 was taken out of the group (%2). A new group key is in use: nothing written from now on reaches them.</source>
        <translation>En medlem från %1 har tagits bort ur gruppen (%2). En ny gruppnyckel används: inget som skrivs från och med nu når personen.</translation>
    </message>
    <message>
        <source>A device of a member from %1 was taken out of the group (%2). A new group key is in use: nothing written from now on reaches it.</source>
        <translation>En enhet som tillhör en medlem från %1 har tagits bort ur gruppen (%2). En ny gruppnyckel används: inget som skrivs från och med nu når enheten.</translation>
    </message>
    <message>
        <source>certificate expired</source>
        <translation>certifikatet har gått ut</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>spärrad</translation>
    </message>
    <message>
        <source>The revoked or expired devices could not be taken out of the group yet: %1 Samråd tries again at every sync.</source>
        <translation>De spärrade eller utgångna enheterna kunde inte tas bort ur gruppen än: %1 Samråd försöker igen vid varje synkronisering.</translation>
    </message>
</context>
<context>
    <name>samrad::app::ReferralDialog</name>
    <message>
        <source>Refer a case</source>
        <translation>Anmäl ett ärende</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Ärendenummer</translation>
    </message>
    <message>
        <source>Case &amp;number:</source>
        <translation>Ärende&amp;nummer:</translation>
    </message>
    <message>
        <source>De-identified (no consent; the brief must not identify the person)</source>
        <translation>Avidentifierat (utan samtycke; beskrivningen får inte identifiera personen)</translation>
    </message>
    <message>
        <source>With consent (shared only with the agencies the consent names)</source>
        <translation>Med samtycke (delas bara med de myndigheter samtycket anger)</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;Urgency:</source>
        <translation>&amp;Brådska:</translation>
    </message>
    <message>
        <source>Children are involved</source>
        <translation>Barn berörs</translation>
    </message>
    <message>
        <source>Share with (the agencies the consent names)</source>
        <translation>Dela med (de myndigheter samtycket anger)</translation>
    </message>
    <message>
        <source>Recusal: members who must not read this case</source>
        <translation>Jäv: ledamöter som inte får läsa ärendet</translation>
    </message>
    <message>
        <source>Brief (shared only within the consent&apos;s scope):</source>
        <translation>Ärendebeskrivning (delas bara inom samtyckets omfattning):</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>Ärendebeskrivning</translation>
    </message>
    <message>
        <source>Refer the case</source>
        <translation>Anmäl ärendet</translation>
    </message>
    <message>
        <source>Check the brief first: every finding replaced or consciously kept, and the risk of recognition not high.</source>
        <translation>Granska beskrivningen först: varje fynd ersatt eller medvetet kvar, och risken för igenkänning inte hög.</translation>
    </message>
    <message>
        <source>Check the brief first: a de-identified case is sent only when no finding is left unresolved and the risk is not high.</source>
        <translation>Granska beskrivningen först: ett avidentifierat ärende skickas bara när inget fynd är olöst och risken inte är hög.</translation>
    </message>
    <message>
        <source>Choose the agencies the consent names.</source>
        <translation>Välj de myndigheter samtycket anger.</translation>
    </message>
    <message>
        <source>Write the brief.</source>
        <translation>Skriv ärendebeskrivningen.</translation>
    </message>
    <message>
        <source>Referring case %1</source>
        <translation>Anmäler ärende %1</translation>
    </message>
</context>
<context>
    <name>samrad::app::RegisterPage</name>
    <message>
        <source>Consent register</source>
        <translation>Samtyckesregister</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Visa:</translation>
    </message>
    <message>
        <source>All consents</source>
        <translation>Alla samtycken</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gällande</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Återkallat</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Utgånget</translation>
    </message>
    <message>
        <source>Register as PDF…</source>
        <translation>Registret som PDF…</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Referring agency</source>
        <translation>Anmälande myndighet</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Mottagare</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Kategorier</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Inhämtat</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrerat</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Transparency log, as this device verified it</source>
        <translation>Transparensloggen, så som den här enheten kontrollerat den</translation>
    </message>
    <message>
        <source>Latest checkpoint</source>
        <translation>Senaste kontrollpunkt</translation>
    </message>
    <message>
        <source>Check the log now</source>
        <translation>Kontrollera loggen nu</translation>
    </message>
    <message>
        <source>Checking the transparency log</source>
        <translation>Kontrollerar transparensloggen</translation>
    </message>
    <message>
        <source>The log is consistent with everything this device saw before.</source>
        <translation>Loggen stämmer med allt den här enheten sett tidigare.</translation>
    </message>
    <message>
        <source>Withdrawn %1</source>
        <translation>Återkallat %1</translation>
    </message>
    <message>
        <source>Not yet valid</source>
        <translation>Ännu inte giltigt</translation>
    </message>
    <message>
        <source>In writing</source>
        <translation>Skriftligt</translation>
    </message>
    <message>
        <source>Orally, witness %1</source>
        <translation>Muntligt, vittne %1</translation>
    </message>
    <message>
        <source>Verification FAILED: %1</source>
        <translation>Kontrollen MISSLYCKADES: %1</translation>
    </message>
    <message>
        <source>Verified: %1 entries, root %2…, every checkpoint consistent with the ones before and every membership change proven to be in the log.</source>
        <translation>Kontrollerad: %1 poster, rot %2…, varje kontrollpunkt stämmer med de tidigare och varje medlemsändring är bevisat med i loggen.</translation>
    </message>
    <message>
        <source>Save the consent register</source>
        <translation>Spara samtyckesregistret</translation>
    </message>
    <message>
        <source>consent-register-%1.pdf</source>
        <translation>samtyckesregister-%1.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The register was saved to %1.</source>
        <translation>Registret sparades i %1.</translation>
    </message>
    <message>
        <source>Audit bundle for a lawyer</source>
        <translation>Granskningspaket för jurist</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Från:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Till:</translation>
    </message>
    <message>
        <source>C&amp;ase:</source>
        <translation>Ä&amp;rende:</translation>
    </message>
    <message>
        <source>Cosigned by at &amp;least:</source>
        <translation>Medsignerad av &amp;minst:</translation>
    </message>
    <message>
        <source> agencies</source>
        <translation> myndigheter</translation>
    </message>
    <message>
        <source>0: the checkpoint this device verified last</source>
        <translation>0: den kontrollpunkt som den här datorn verifierade senast</translation>
    </message>
    <message>
        <source>Export audit bundle…</source>
        <translation>Exportera granskningspaket…</translation>
    </message>
    <message>
        <source>Verify a bundle…</source>
        <translation>Verifiera ett paket…</translation>
    </message>
    <message>
        <source>Audit report</source>
        <translation>Granskningsrapport</translation>
    </message>
    <message>
        <source>The report of a verified bundle appears here: per case, the consent, its scope and validity, a withdrawal, and every access.</source>
        <translation>Rapporten för ett verifierat paket visas här: per ärende samtycket, dess omfattning och giltighet, en återkallelse och varje åtkomst.</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Alla ärenden</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Perioden slutar innan den börjar.</translation>
    </message>
    <message>
        <source>A new folder for the audit bundle</source>
        <translation>En ny mapp för granskningspaketet</translation>
    </message>
    <message>
        <source>samrad-audit-%1-%2</source>
        <translation>samrad-granskning-%1-%2</translation>
    </message>
    <message>
        <source>Folder (*)</source>
        <translation>Mapp (*)</translation>
    </message>
    <message>
        <source>Exporting the audit bundle</source>
        <translation>Exporterar granskningspaketet</translation>
    </message>
    <message>
        <source>The audit bundle was written to %1: %2 log entries of the period, each with its proof. The lawyer checks it with “samrad-cli audit verify”, or here.</source>
        <translation>Granskningspaketet sparades i %1: %2 loggposter från perioden, var och en med sitt bevis. Juristen kontrollerar det med ”samrad-cli audit verify” eller här.</translation>
    </message>
    <message>
        <source>The bundle&apos;s manifest file</source>
        <translation>Paketets manifestfil</translation>
    </message>
    <message>
        <source>Audit bundle (manifest)</source>
        <translation>Granskningspaket (manifest)</translation>
    </message>
    <message>
        <source>Verifying the audit bundle</source>
        <translation>Verifierar granskningspaketet</translation>
    </message>
    <message>
        <source>The bundle verifies: %1 inclusion proofs, %2 entries, no gap; checked against the log key and agency keys this device holds.</source>
        <translation>Paketet stämmer: %1 inklusionsbevis, %2 poster, inga luckor; kontrollerat mot loggnyckeln och myndighetsnycklarna som den här datorn har.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The bundle does NOT verify (%1 problems): %2</source>
        <translation>Paketet stämmer INTE (%1 problem): %2</translation>
    </message>
    <message>
        <source>no requirement</source>
        <translation>inget krav</translation>
    </message>
</context>
<context>
    <name>samrad::app::StatisticsPage</name>
    <message>
        <source>With consent</source>
        <translation>Med samtycke</translation>
    </message>
    <message>
        <source>De-identified</source>
        <translation>Avidentifierade</translation>
    </message>
    <message>
        <source>Cases per month</source>
        <translation>Ärenden per månad</translation>
    </message>
    <message>
        <source>Cases referred</source>
        <translation>Anmälda ärenden</translation>
    </message>
    <message>
        <source>Referring agency</source>
        <translation>Anmälande myndighet</translation>
    </message>
    <message>
        <source>Done on time</source>
        <translation>Utförda i tid</translation>
    </message>
    <message>
        <source>Done late</source>
        <translation>Utförda sent</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Försenade</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Ej utförda</translation>
    </message>
    <message>
        <source>Not yet due</source>
        <translation>Ännu inte aktuella</translation>
    </message>
    <message>
        <source>Actions by agency</source>
        <translation>Åtgärder per myndighet</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Upphört</translation>
    </message>
    <message>
        <source>Reduced</source>
        <translation>Minskat</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Oförändrat</translation>
    </message>
    <message>
        <source>Increased</source>
        <translation>Ökat</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Okänt</translation>
    </message>
    <message>
        <source>Violence after support, as the person reported it</source>
        <translation>Våldet efter insatsen, enligt personen själv</translation>
    </message>
    <message>
        <source>No follow-up answers yet.</source>
        <translation>Inga uppföljningssvar ännu.</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;År:</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Charts as PNG…</source>
        <translation>Diagram som PNG…</translation>
    </message>
    <message>
        <source>Yearly report (PDF)…</source>
        <translation>Årsrapport (PDF)…</translation>
    </message>
    <message>
        <source>Computing the statistics</source>
        <translation>Beräknar statistiken</translation>
    </message>
    <message>
        <source>Cases referred: &lt;b&gt;%1&lt;/b&gt; · repeat referrals within 12 months: &lt;b&gt;%2&lt;/b&gt; · reached a meeting: &lt;b&gt;%3&lt;/b&gt;, median &lt;b&gt;%4&lt;/b&gt; days from referral · followed up: &lt;b&gt;%5&lt;/b&gt; · advice requests: &lt;b&gt;%6&lt;/b&gt;%7</source>
        <translation>Anmälda ärenden: &lt;b&gt;%1&lt;/b&gt; · upprepade anmälningar inom 12 månader: &lt;b&gt;%2&lt;/b&gt; · togs upp på sammanträde: &lt;b&gt;%3&lt;/b&gt;, median &lt;b&gt;%4&lt;/b&gt; dagar från anmälan · uppföljda: &lt;b&gt;%5&lt;/b&gt; · rådfrågningar: &lt;b&gt;%6&lt;/b&gt;%7</translation>
    </message>
    <message>
        <source>Computed on this computer from what it has decrypted; exports show counts from 1 to 4 as &lt;5.</source>
        <translation>Beräknat på den här datorn ur det den har dekrypterat; exporter visar antal från 1 till 4 som &lt;5.</translation>
    </message>
    <message>
        <source>Samråd, %1. Counts from 1 to 4 are not shown, so no figure points to a person.</source>
        <translation>Samråd, %1. Antal från 1 till 4 visas inte, så att ingen siffra pekar ut en person.</translation>
    </message>
    <message>
        <source>Save the statistics</source>
        <translation>Spara statistiken</translation>
    </message>
    <message>
        <source>statistics-%1.csv</source>
        <translation>statistik-%1.csv</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved to %1 (counts from 1 to 4 as &lt;5).</source>
        <translation>Sparat i %1 (antal från 1 till 4 som &lt;5).</translation>
    </message>
    <message>
        <source>Save the charts</source>
        <translation>Spara diagrammen</translation>
    </message>
    <message>
        <source>statistics-%1.png</source>
        <translation>statistik-%1.png</translation>
    </message>
    <message>
        <source>PNG (*.png)</source>
        <translation>PNG (*.png)</translation>
    </message>
    <message>
        <source>Saved to %1 (counts from 1 to 4 not shown).</source>
        <translation>Sparat i %1 (antal från 1 till 4 visas inte).</translation>
    </message>
    <message>
        <source>Save the yearly report</source>
        <translation>Spara årsrapporten</translation>
    </message>
    <message>
        <source>yearly-report-%1.pdf</source>
        <translation>arsrapport-%1.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Yearly report %1 to the steering group</source>
        <translation>Årsrapport %1 till styrgruppen</translation>
    </message>
    <message>
        <source>The consultation group&apos;s work in figures, computed by the coordinator&apos;s client from the group&apos;s encrypted records. Counts from 1 to 4 are shown as &amp;lt;5 so that no figure points to a person.</source>
        <translation>Samrådsgruppens arbete i siffror, beräknat av samordnarens program ur gruppens krypterade uppgifter. Antal från 1 till 4 visas som &amp;lt;5 så att ingen siffra pekar ut en person.</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Nyckeltal</translation>
    </message>
    <message>
        <source>Repeat referrals within 12 months</source>
        <translation>Upprepade anmälningar inom 12 månader</translation>
    </message>
    <message>
        <source>Cases that reached a meeting</source>
        <translation>Ärenden som togs upp på sammanträde</translation>
    </message>
    <message>
        <source>Median days from referral to the first meeting</source>
        <translation>Median antal dagar från anmälan till första sammanträdet</translation>
    </message>
    <message>
        <source>Cases followed up after support</source>
        <translation>Ärenden uppföljda efter insats</translation>
    </message>
    <message>
        <source>Advice requests</source>
        <translation>Rådfrågningar</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Månad</translation>
    </message>
    <message>
        <source>Acute</source>
        <translation>Akuta</translation>
    </message>
    <message>
        <source>Referring agencies</source>
        <translation>Anmälande myndigheter</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Åtgärder</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Myndighet</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagram</translation>
    </message>
    <message>
        <source>Yearly report %1</source>
        <translation>Årsrapport %1</translation>
    </message>
    <message>
        <source>The yearly report was saved to %1.</source>
        <translation>Årsrapporten sparades i %1.</translation>
    </message>
</context>
<context>
    <name>samrad::app::UnlockPage</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>External requester</source>
        <translation>Extern frågeställare</translation>
    </message>
    <message>
        <source>Samråd server, version %1</source>
        <translation>Samråd-server, version %1</translation>
    </message>
    <message>
        <source>Not opened on this computer yet</source>
        <translation>Inte öppnad på den här datorn än</translation>
    </message>
    <message>
        <source>Caps Lock is on.</source>
        <translation>Caps Lock är på.</translation>
    </message>
    <message>
        <source>&amp;Show passphrase</source>
        <translation>&amp;Visa lösenfrasen</translation>
    </message>
    <message>
        <source>Samråd</source>
        <translation>Samråd</translation>
    </message>
    <message>
        <source>Secure collaboration for the consultation group: consent, case briefs and minutes, encrypted so that only the group can read them.</source>
        <translation>Säkert samarbete för samrådsgruppen: samtycken, ärendebeskrivningar och protokoll, krypterade så att bara gruppen kan läsa dem.</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Anslutning:</translation>
    </message>
    <message>
        <source>Server identity:</source>
        <translation>Serverns identitet:</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profil:</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Lösenfras</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås upp</translation>
    </message>
    <message>
        <source>There is no profile in this folder yet. Your agency administrator sets up your device: &apos;samrad-cli profile init&apos;, then &apos;profile enrol&apos; with the certificate and one-time code you are given. Start Samråd again with --profile pointing to it.</source>
        <translation>Det finns ingen profil i mappen ännu. Din myndighets administratör lägger upp din enhet: &apos;samrad-cli profile init&apos;, sedan &apos;profile enrol&apos; med certifikatet och engångskoden du får. Starta Samråd igen med --profile som pekar på den.</translation>
    </message>
    <message>
        <source>Type your passphrase.</source>
        <translation>Skriv din lösenfras.</translation>
    </message>
    <message>
        <source>Unlocking and fetching the group&apos;s latest changes…</source>
        <translation>Låser upp och hämtar gruppens senaste ändringar…</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1 (version %2)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Ansluter…</translation>
    </message>
    <message>
        <source>Connected, encrypted (TLS)</source>
        <translation>Ansluten, krypterad (TLS)</translation>
    </message>
    <message>
        <source>Server not ready</source>
        <translation>Servern är inte redo</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Inte ansluten</translation>
    </message>
</context>
<context>
    <name>samrad::app::WithdrawDialog</name>
    <message>
        <source>Withdraw consent for case %1</source>
        <translation>Återkalla samtycke för ärende %1</translation>
    </message>
    <message>
        <source>The person has withdrawn their consent (återkallelse). From now on only your agency reads case %1; the other agencies lose access at once and their copies are deleted. This cannot be undone: a new consent would be a new registration.</source>
        <translation>Personen har återkallat sitt samtycke. Från och med nu läser bara din myndighet ärende %1; de andra myndigheterna förlorar åtkomsten direkt och deras kopior raderas. Det går inte att ångra: ett nytt samtycke blir en ny registrering.</translation>
    </message>
    <message>
        <source>In writing</source>
        <translation>Skriftligt</translation>
    </message>
    <message>
        <source>Orally, with a witness</source>
        <translation>Muntligt, med vittne</translation>
    </message>
    <message>
        <source>How it was withdrawn:</source>
        <translation>Hur det återkallades:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Note (when, to whom):</source>
        <translation>Anteckning (när, till vem):</translation>
    </message>
    <message>
        <source>Withdraw the consent</source>
        <translation>Återkalla samtycket</translation>
    </message>
    <message>
        <source>Withdrawing the consent</source>
        <translation>Återkallar samtycket</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Spara alla</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Ja till &amp;alla</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Nej</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>N&amp;ej till alla</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorera</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Kasta</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hjälp</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Verkställ</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Återställ</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Återställ standardvärden</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Avbryt</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Stäng</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>Stäng utan att spara</translation>
    </message>
</context>
</TS>
