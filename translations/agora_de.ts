<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CatalogPage</name>
    <message>
        <source>Model catalog</source>
        <translation>Modellkatalog</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>Empfohlen</translation>
    </message>
    <message>
        <source>%1 (%2) · %3 · %4 · %5 · %6</source>
        <extracomment>publisher (country) · parameters · quantization · size · licence</extracomment>
        <translation>%1 (%2) · %3 · %4 · %5 · %6</translation>
    </message>
    <message>
        <source>Coming soon: Agora cannot run this model family yet</source>
        <translation>Demnächst: Agora kann diese Modellfamilie noch nicht ausführen</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Download %1</source>
        <translation>%1 herunterladen</translation>
    </message>
</context>
<context>
    <name>ChatPage</name>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>%1 (continues your text)</source>
        <translation>%1 (setzt Ihren Text fort)</translation>
    </message>
    <message>
        <source>Loading model… %1%</source>
        <translation>Modell wird geladen … %1 %</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>Kein Modell geladen</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Write a message. Enter sends, Shift+Enter starts a new line.</source>
        <translation>Nachricht schreiben. Eingabe sendet, Umschalt+Eingabe beginnt eine neue Zeile.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
</context>
<context>
    <name>DeviceCard</name>
    <message>
        <source>Memory: %1</source>
        <translation>Speicher: %1</translation>
    </message>
    <message>
        <source>Default device</source>
        <translation>Standardgerät</translation>
    </message>
    <message>
        <source>Cannot be used: %1</source>
        <translation>Nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Subgroup size</source>
        <translation>Subgruppengröße</translation>
    </message>
    <message>
        <source>Largest buffer</source>
        <translation>Größter Puffer</translation>
    </message>
    <message>
        <source>Shared memory</source>
        <translation>Gemeinsamer Speicher</translation>
    </message>
    <message>
        <source>Vulkan</source>
        <translation>Vulkan</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Treiber</translation>
    </message>
    <message>
        <source>No optional features</source>
        <translation>Keine optionalen Funktionen</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome to Agora</source>
        <translation>Willkommen bei Agora</translation>
    </message>
    <message>
        <source>Agora lets you chat with an AI language model that runs entirely on this computer. Your conversations never leave it. Agora only connects to the internet when you press Download.</source>
        <translation>Mit Agora chatten Sie mit einem KI-Sprachmodell, das vollständig auf diesem Computer läuft. Ihre Unterhaltungen verlassen ihn nie. Agora verbindet sich nur dann mit dem Internet, wenn Sie auf „Herunterladen“ klicken.</translation>
    </message>
    <message>
        <source>Your graphics: %1 (%2 of memory)</source>
        <translation>Ihre Grafik: %1 (%2 Speicher)</translation>
    </message>
    <message>
        <source>No usable graphics device was found, so models cannot run yet. Installing your graphics driver&apos;s Vulkan support may help.</source>
        <translation>Es wurde kein verwendbares Grafikgerät gefunden, daher können noch keine Modelle laufen. Die Vulkan-Unterstützung Ihres Grafiktreibers zu installieren, kann helfen.</translation>
    </message>
    <message>
        <source>Recommended model: %1</source>
        <translation>Empfohlenes Modell: %1</translation>
    </message>
    <message>
        <source>Recommended for this computer</source>
        <translation>Empfohlen für diesen Computer</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 download</source>
        <extracomment>publisher, region of origin, download size, e.g. &quot;Meta · North America · 2.0 GB download&quot;</extracomment>
        <translation>%1 · %2 · %3 Download</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Download %1</source>
        <translation>%1 herunterladen</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Download-Fortschritt</translation>
    </message>
    <message>
        <source>Looking up the file&apos;s checksum…</source>
        <translation>Prüfsumme der Datei wird abgefragt …</translation>
    </message>
    <message>
        <source>Checking the downloaded file…</source>
        <translation>Heruntergeladene Datei wird geprüft …</translation>
    </message>
    <message>
        <source>Paused at %1</source>
        <translation>Angehalten bei %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1 is downloaded and verified.</source>
        <translation>%1 ist heruntergeladen und geprüft.</translation>
    </message>
    <message>
        <source>The model catalog could not be read: %1</source>
        <translation>Der Modellkatalog konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>None of the models in our catalog fits this computer&apos;s memory. You can still open a model file of your own.</source>
        <translation>Keines der Modelle in unserem Katalog passt in den Speicher dieses Computers. Sie können trotzdem eine eigene Modelldatei öffnen.</translation>
    </message>
    <message>
        <source>I already have a model file</source>
        <translation>Ich habe schon eine Modelldatei</translation>
    </message>
    <message>
        <source>Open a model file</source>
        <translation>Modelldatei öffnen</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF-Modelle (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Hide the other models</source>
        <translation>Andere Modelle ausblenden</translation>
    </message>
    <message>
        <source>See all models</source>
        <translation>Alle Modelle ansehen</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Agora</source>
        <translation>Agora</translation>
    </message>
    <message>
        <source>Private chat with local language models</source>
        <translation>Privater Chat mit lokalen Sprachmodellen</translation>
    </message>
    <message>
        <source>Refresh devices</source>
        <translation>Geräte aktualisieren</translation>
    </message>
    <message>
        <source>Look for graphics devices again</source>
        <translation>Erneut nach Grafikgeräten suchen</translation>
    </message>
</context>
<context>
    <name>MessageBubble</name>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Hide reasoning</source>
        <translation>Gedankengang ausblenden</translation>
    </message>
    <message>
        <source>Show reasoning</source>
        <translation>Gedankengang anzeigen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>Nachricht kopieren</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Agora</source>
        <translation>Willkommen bei Agora</translation>
    </message>
    <message>
        <source>Chat with language models that run entirely on this computer. Nothing you type leaves it.</source>
        <translation>Chatten Sie mit Sprachmodellen, die vollständig auf diesem Computer laufen. Nichts, was Sie eingeben, verlässt ihn.</translation>
    </message>
    <message>
        <source>Graphics devices</source>
        <translation>Grafikgeräte</translation>
    </message>
    <message>
        <source>Looking for graphics devices</source>
        <translation>Suche nach Grafikgeräten</translation>
    </message>
    <message>
        <source>Looking for graphics devices…</source>
        <translation>Suche nach Grafikgeräten …</translation>
    </message>
    <message>
        <source>No graphics device was found.</source>
        <translation>Es wurde kein Grafikgerät gefunden.</translation>
    </message>
    <message>
        <source>Agora cannot use any graphics device on this computer.</source>
        <translation>Agora kann auf diesem Computer kein Grafikgerät verwenden.</translation>
    </message>
    <message>
        <source>One device found. Agora runs models on it when it is usable.</source>
        <translation>Ein Gerät gefunden. Agora führt Modelle darauf aus, sofern es verwendbar ist.</translation>
    </message>
    <message>
        <source>%1 devices found. Agora runs models on the one marked as default.</source>
        <translation>%1 Geräte gefunden. Agora führt Modelle auf dem als Standard markierten aus.</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>Ihre Daten</translation>
    </message>
    <message>
        <source>Conversations, settings and the log stay on this computer, in %1.</source>
        <translation>Unterhaltungen, Einstellungen und das Protokoll bleiben auf diesem Computer, in %1.</translation>
    </message>
</context>
<context>
    <name>agora::app::CatalogListModel</name>
    <message>
        <source>Fits this computer</source>
        <translation>Passt zu diesem Computer</translation>
    </message>
    <message>
        <source>Fits, but tightly</source>
        <translation>Passt, aber knapp</translation>
    </message>
    <message>
        <source>Too large for this computer</source>
        <translation>Zu groß für diesen Computer</translation>
    </message>
    <message>
        <source>Europe</source>
        <translation>Europa</translation>
    </message>
    <message>
        <source>North America</source>
        <translation>Nordamerika</translation>
    </message>
    <message>
        <source>China</source>
        <translation>China</translation>
    </message>
    <message>
        <source>Asia</source>
        <translation>Asien</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>%1 B</source>
        <extracomment>parameter count of a model in billions, e.g. &quot;1.5 B&quot;</extracomment>
        <translation>%1 Mrd.</translation>
    </message>
    <message>
        <source>Cannot read the model catalog %1: %2</source>
        <translation>Der Modellkatalog %1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>agora::app::ConversationListModel</name>
    <message>
        <source>Untitled conversation</source>
        <translation>Unbenannte Unterhaltung</translation>
    </message>
</context>
<context>
    <name>agora::app::DeviceListModel</name>
    <message>
        <source>Dedicated graphics card</source>
        <translation>Dedizierte Grafikkarte</translation>
    </message>
    <message>
        <source>Integrated graphics</source>
        <translation>Integrierte Grafik</translation>
    </message>
    <message>
        <source>Virtual graphics device</source>
        <translation>Virtuelles Grafikgerät</translation>
    </message>
    <message>
        <source>Software renderer on the processor</source>
        <translation>Software-Renderer auf dem Prozessor</translation>
    </message>
    <message>
        <source>Other device</source>
        <translation>Anderes Gerät</translation>
    </message>
    <message>
        <source>16-bit floats</source>
        <translation>16-Bit-Gleitkommazahlen</translation>
    </message>
    <message>
        <source>8-bit integers</source>
        <translation>8-Bit-Ganzzahlen</translation>
    </message>
    <message>
        <source>16-bit storage</source>
        <translation>16-Bit-Speicherzugriff</translation>
    </message>
    <message>
        <source>8-bit storage</source>
        <translation>8-Bit-Speicherzugriff</translation>
    </message>
    <message>
        <source>Integer dot product</source>
        <translation>Ganzzahl-Skalarprodukt</translation>
    </message>
    <message>
        <source>Cooperative matrix</source>
        <translation>Kooperative Matrizen</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation>Zeitstempel</translation>
    </message>
</context>
<context>
    <name>agora::app::EngineBridge</name>
    <message>
        <source>Load a model before sending a message.</source>
        <translation>Laden Sie ein Modell, bevor Sie eine Nachricht senden.</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>Die Datei konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The file is damaged or is not a GGUF model.</source>
        <translation>Die Datei ist beschädigt oder kein GGUF-Modell.</translation>
    </message>
    <message>
        <source>Agora cannot run this model yet.</source>
        <translation>Agora kann dieses Modell noch nicht ausführen.</translation>
    </message>
    <message>
        <source>The model does not fit into the graphics card&apos;s memory.</source>
        <translation>Das Modell passt nicht in den Speicher der Grafikkarte.</translation>
    </message>
    <message>
        <source>The graphics driver stopped working. Load the model again.</source>
        <translation>Der Grafiktreiber funktioniert nicht mehr. Laden Sie das Modell erneut.</translation>
    </message>
    <message>
        <source>No graphics card that Agora can use was found.</source>
        <translation>Es wurde keine Grafikkarte gefunden, die Agora nutzen kann.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Angehalten.</translation>
    </message>
    <message>
        <source>Something went wrong inside Agora.</source>
        <translation>In Agora ist ein Fehler aufgetreten.</translation>
    </message>
</context>
<context>
    <name>agora::app::MessageListModel</name>
    <message>
        <source>%1 · %2 tokens/s · %3 s</source>
        <extracomment>One assistant message&apos;s footer: model name, generation speed, wall time.</extracomment>
        <translation>%1 · %2 Token/s · %3 s</translation>
    </message>
    <message>
        <source>Wait for the answer to finish or stop it first.</source>
        <translation>Warten Sie, bis die Antwort fertig ist, oder halten Sie sie an.</translation>
    </message>
    <message>
        <source>Open or start a conversation first.</source>
        <translation>Öffnen oder beginnen Sie zuerst eine Unterhaltung.</translation>
    </message>
    <message>
        <source>The engine is not available.</source>
        <translation>Die Engine ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Only the last question can be edited.</source>
        <translation>Nur die letzte Frage kann bearbeitet werden.</translation>
    </message>
</context>
<context>
    <name>agora::app::ModelDownload</name>
    <message>
        <source>%1 of %2</source>
        <extracomment>download progress, e.g. &quot;1.2 GB of 4.7 GB&quot;</extracomment>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <extracomment>download speed, e.g. &quot;12.5 MB/s&quot;</extracomment>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>less than a minute left</source>
        <translation>noch weniger als eine Minute</translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation>noch %1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min left</source>
        <translation>noch %1 h %2 min</translation>
    </message>
</context>
<context>
    <name>agora::app::ModelDownloader</name>
    <message>
        <source>This download has no valid web address.</source>
        <translation>Für diesen Download ist keine gültige Webadresse angegeben.</translation>
    </message>
    <message>
        <source>No folder was chosen for the model file.</source>
        <translation>Für die Modelldatei wurde kein Ordner gewählt.</translation>
    </message>
    <message>
        <source>%1 already exists. Remove it first or choose another folder.</source>
        <translation>%1 ist bereits vorhanden. Entfernen Sie die Datei zuerst oder wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>No checksum is known for this file, so its integrity could not be verified.</source>
        <translation>Für diese Datei ist keine Prüfsumme bekannt, daher kann ihre Unversehrtheit nicht geprüft werden.</translation>
    </message>
    <message>
        <source>Could not read the file&apos;s checksum from %1 (%2). Check the internet connection and try again.</source>
        <translation>Die Prüfsumme der Datei konnte nicht von %1 gelesen werden (%2). Prüfen Sie die Internetverbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The file list at %1 has no checksum for %2, so the download was not started.</source>
        <translation>Die Dateiliste auf %1 enthält keine Prüfsumme für %2, daher wurde der Download nicht gestartet.</translation>
    </message>
    <message>
        <source>Not enough free disk space in %1: the model needs %2 more, but only %3 is free.</source>
        <translation>Nicht genug freier Speicherplatz in %1: Das Modell braucht noch %2, frei sind nur %3.</translation>
    </message>
    <message>
        <source>Cannot write in the models folder: %1</source>
        <translation>Im Modellordner kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The server resumed the download at the wrong place. The partial file was deleted; please start again.</source>
        <translation>Der Server hat den Download an der falschen Stelle fortgesetzt. Die Teildatei wurde gelöscht; bitte starten Sie erneut.</translation>
    </message>
    <message>
        <source>Writing the model file failed after %1: %2. Is the disk full?</source>
        <translation>Das Schreiben der Modelldatei ist nach %1 fehlgeschlagen: %2. Ist der Datenträger voll?</translation>
    </message>
    <message>
        <source>The server answered with error %1 (%2). Please try again later.</source>
        <translation>Der Server hat mit Fehler %1 geantwortet (%2). Bitte versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The connection was lost after %1 of %2. Press Download to continue where it stopped.</source>
        <translation>Die Verbindung ist nach %1 von %2 abgebrochen. Klicken Sie auf „Herunterladen“, um an dieser Stelle fortzufahren.</translation>
    </message>
    <message>
        <source>an unknown size</source>
        <translation>einer unbekannten Größe</translation>
    </message>
    <message>
        <source>The downloaded file is damaged: its checksum does not match the published one. It was deleted; please download it again.</source>
        <translation>Die heruntergeladene Datei ist beschädigt: Ihre Prüfsumme stimmt nicht mit der veröffentlichten überein. Sie wurde gelöscht; bitte laden Sie sie erneut herunter.</translation>
    </message>
    <message>
        <source>The downloaded file does not open as a model (%1). It was deleted.</source>
        <translation>Die heruntergeladene Datei lässt sich nicht als Modell öffnen (%1). Sie wurde gelöscht.</translation>
    </message>
    <message>
        <source>The model was downloaded but could not be renamed to %1.</source>
        <translation>Das Modell wurde heruntergeladen, konnte aber nicht in %1 umbenannt werden.</translation>
    </message>
</context>
</TS>
