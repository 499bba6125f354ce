<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en_GB">
<context>
    <name>samrad</name>
    <message>
        <location filename="../connection_controller.cpp" line="40"/>
        <source>The server is running but not accepting work right now (it may be starting or stopping).</source>
        <translation>Servern är igång men tar inte emot arbete just nu (den håller kanske på att starta eller stänga).</translation>
    </message>
    <message>
        <location filename="../connection_controller.cpp" line="69"/>
        <source>The Samråd server cannot be reached. Check that it is running and that the address is right. If it is, this computer may not trust the server&apos;s certificate.</source>
        <translation>Det går inte att nå Samråd-servern. Kontrollera att den är igång och att adressen stämmer. Om den gör det kanske den här datorn inte litar på serverns certifikat.</translation>
    </message>
    <message>
        <location filename="../connection_controller.cpp" line="75"/>
        <source>The Samråd server did not answer in time. Try again.</source>
        <translation>Samråd-servern svarade inte i tid. Försök igen.</translation>
    </message>
    <message>
        <location filename="../connection_controller.cpp" line="79"/>
        <source>The certificate file that identifies the server cannot be used.</source>
        <translation>Certifikatfilen som identifierar servern går inte att använda.</translation>
    </message>
    <message>
        <location filename="../connection_controller.cpp" line="83"/>
        <source>The server identified itself in an unexpected way.</source>
        <translation>Servern identifierade sig på ett oväntat sätt.</translation>
    </message>
    <message>
        <location filename="../connection_controller.cpp" line="86"/>
        <source>Something went wrong (%1).</source>
        <translation>Något gick fel (%1).</translation>
    </message>
</context>
<context>
    <name>samrad::app::DeidCheck</name>
    <message>
        <location filename="../deid_check.cpp" line="39"/>
        <source>Personal identity number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="41"/>
        <source>Coordination number</source>
        <translation>Samordningsnummer</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="43"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="45"/>
        <source>Address or place</source>
        <translation>Adress eller ort</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="47"/>
        <source>Postcode</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="49"/>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="51"/>
        <source>E-mail address</source>
        <translation>E-postadress</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="53"/>
        <source>Registration number</source>
        <translation>Registreringsnummer</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="55"/>
        <source>Date of birth or incident</source>
        <translation>Födelse- eller händelsedatum</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="57"/>
        <source>Identifying detail</source>
        <translation>Identifierande uppgift</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="68"/>
        <source>Check a de-identified brief before it is sent: everything that could point to the person is marked. Choose, item by item, what to replace — you decide.</source>
        <translation>Granska en avidentifierad ärendebeskrivning innan den skickas: allt som kan peka ut personen markeras. Välj för varje uppgift vad som ska ersättas – du bestämmer.</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="81"/>
        <source>Brief</source>
        <translation>Ärendebeskrivning</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="84"/>
        <source>Brief to check</source>
        <translation>Ärendebeskrivning att granska</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="85"/>
        <source>Write or paste the de-identified brief here.</source>
        <translation>Skriv eller klistra in den avidentifierade ärendebeskrivningen här.</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="91"/>
        <source>Check the text</source>
        <translation>Granska texten</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="93"/>
        <source>Replace the chosen items</source>
        <translation>Ersätt de valda uppgifterna</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="101"/>
        <source>Not checked yet.</source>
        <translation>Inte granskad ännu.</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="108"/>
        <source>Findings</source>
        <translation>Fynd</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="110"/>
        <source>Replace</source>
        <translation>Ersätt</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="110"/>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="110"/>
        <source>Found</source>
        <translation>Hittat</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="110"/>
        <source>Replace with</source>
        <translation>Ersätt med</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="110"/>
        <source>Why</source>
        <translation>Varför</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="122"/>
        <source>Risk of re-identification</source>
        <translation>Risk för återidentifiering</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="132"/>
        <location filename="../deid_check.cpp" line="135"/>
        <location filename="../deid_check.cpp" line="139"/>
        <location filename="../deid_check.cpp" line="145"/>
        <source>not given</source>
        <translation>inte angivet</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="135"/>
        <source>woman</source>
        <translation>kvinna</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="135"/>
        <source>man</source>
        <translation>man</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="140"/>
        <source>The exact date of birth is given</source>
        <translation>Exakt födelsedatum anges</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="149"/>
        <source>e.g. 3, 7</source>
        <translation>t.ex. 3, 7</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="152"/>
        <source>Protected identity is mentioned</source>
        <translation>Skyddad identitet nämns</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="154"/>
        <source>Municipality or place:</source>
        <translation>Kommun eller ort:</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="155"/>
        <source>County:</source>
        <translation>Län:</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="156"/>
        <source>Inhabitants:</source>
        <translation>Invånare:</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="157"/>
        <source>Sex:</source>
        <translation>Kön:</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="158"/>
        <source>Exact age:</source>
        <translation>Exakt ålder:</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="160"/>
        <source>Number of children:</source>
        <translation>Antal barn:</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="161"/>
        <source>Children&apos;s exact ages:</source>
        <translation>Barnens exakta åldrar:</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="162"/>
        <source>Occupation:</source>
        <translation>Yrke:</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="170"/>
        <source>Risk:</source>
        <translation>Risk:</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="265"/>
        <source>Nothing that identifies a person was found in the text.</source>
        <translation>Inget som identifierar en person hittades i texten.</translation>
    </message>
    <message numerus="yes">
        <location filename="../deid_check.cpp" line="267"/>
        <source>Kept as you chose: %n. Nothing else was found.</source>
        <translation>
            <numerusform>Behålls som du valde: %n. Inget annat hittades.</numerusform>
            <numerusform>Behålls som du valde: %n. Inget annat hittades.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../deid_check.cpp" line="270"/>
        <source>Items that could identify the person: %n. Untick what should stay, then replace the rest.</source>
        <translation>
            <numerusform>Uppgifter som kan identifiera personen: %n. Avmarkera det som ska stå kvar och ersätt resten.</numerusform>
            <numerusform>Uppgifter som kan identifiera personen: %n. Avmarkera det som ska stå kvar och ersätt resten.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="318"/>
        <source>Low</source>
        <translation>Låg</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="322"/>
        <source>Elevated</source>
        <translation>Förhöjd</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="326"/>
        <source>High</source>
        <translation>Hög</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="333"/>
        <source>About %1 people fit every detail given.</source>
        <translation>Ungefär %1 personer passar in på alla angivna uppgifter.</translation>
    </message>
    <message>
        <location filename="../deid_check.cpp" line="337"/>
        <source>Make coarser: %1 → %2</source>
        <translation>Gör grövre: %1 → %2</translation>
    </message>
</context>
<context>
    <name>samrad::app::MainWindow</name>
    <message>
        <location filename="../main_window.cpp" line="18"/>
        <location filename="../main_window.cpp" line="26"/>
        <source>Samråd</source>
        <translation>Samråd</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="34"/>
        <source>Secure collaboration for the consultation group: consent, case briefs and minutes, encrypted so that only the group can read them.</source>
        <translation>Säker samverkan för samrådsgruppen: samtycken, ärendebeskrivningar och minnesanteckningar, krypterade så att bara gruppen kan läsa dem.</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="45"/>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="48"/>
        <source>Connection:</source>
        <translation>Anslutning:</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="52"/>
        <source>Server identity:</source>
        <translation>Serverns identitet:</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="60"/>
        <source>Try again</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="64"/>
        <source>Tools</source>
        <translation>Verktyg</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="69"/>
        <source>Check a de-identified brief…</source>
        <translation>Granska en avidentifierad ärendebeskrivning…</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="72"/>
        <source>Find names, personal identity numbers, addresses and other details that could identify the person, before the text is shared.</source>
        <translation>Hitta namn, personnummer, adresser och andra uppgifter som kan identifiera personen innan texten delas.</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="92"/>
        <source>De-identification check</source>
        <translation>Avidentifieringskontroll</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="112"/>
        <source>%1 (version %2)</source>
        <translation>%1 (version %2)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="117"/>
        <source>Connecting…</source>
        <translation>Ansluter…</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="121"/>
        <source>Connected, encrypted (TLS)</source>
        <translation>Ansluten, krypterad (TLS)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="125"/>
        <source>Server not ready</source>
        <translation>Servern är inte redo</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="129"/>
        <source>Not connected</source>
        <translation>Inte ansluten</translation>
    </message>
</context>
</TS>
