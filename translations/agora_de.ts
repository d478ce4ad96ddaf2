<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
</TS>