<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en_GB">
<context>
    <name>samrad::app::MainWindow</name>
    <message>
        <source>Samråd</source>
        <translation>Samråd</translation>
    </message>
    <message>
        <source>Secure collaboration for the consultation group: consent, case briefs and minutes, encrypted so that only the group can read them.</source>
        <translation>Säker samverkan för samrådsgruppen: samtycken, ärendebeskrivningar och minnesanteckningar, krypterade så att bara gruppen kan läsa dem.</translation>
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
        <source>Try again</source>
        <translation>Försök igen</translation>
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
    <name>samrad</name>
    <message>
        <source>The server is running but not accepting work right now (it may be starting or stopping).</source>
        <translation>Servern är igång men tar inte emot arbete just nu (den håller kanske på att starta eller stänga).</translation>
    </message>
    <message>
        <source>The Samråd server cannot be reached. Check that it is running and that the address is right. If it is, this computer may not trust the server's certificate.</source>
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
</context>
</TS>
