<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>DeviceCard</name>
    <message>
        <source>Memory: %1</source>
        <translation>Mémoire : %1</translation>
    </message>
    <message>
        <source>Default device</source>
        <translation>Périphérique par défaut</translation>
    </message>
    <message>
        <source>Cannot be used: %1</source>
        <translation>Inutilisable : %1</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Subgroup size</source>
        <translation>Taille de sous-groupe</translation>
    </message>
    <message>
        <source>Largest buffer</source>
        <translation>Plus grand tampon</translation>
    </message>
    <message>
        <source>Shared memory</source>
        <translation>Mémoire partagée</translation>
    </message>
    <message>
        <source>Vulkan</source>
        <translation>Vulkan</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Pilote</translation>
    </message>
    <message>
        <source>No optional features</source>
        <translation>Aucune fonction optionnelle</translation>
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
        <translation>Discussion privée avec des modèles de langage locaux</translation>
    </message>
    <message>
        <source>Refresh devices</source>
        <translation>Actualiser les périphériques</translation>
    </message>
    <message>
        <source>Look for graphics devices again</source>
        <translation>Rechercher à nouveau les périphériques graphiques</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Agora</source>
        <translation>Bienvenue dans Agora</translation>
    </message>
    <message>
        <source>Chat with language models that run entirely on this computer. Nothing you type leaves it.</source>
        <translation>Discutez avec des modèles de langage qui fonctionnent entièrement sur cet ordinateur. Rien de ce que vous tapez n’en sort.</translation>
    </message>
    <message>
        <source>Graphics devices</source>
        <translation>Périphériques graphiques</translation>
    </message>
    <message>
        <source>Looking for graphics devices</source>
        <translation>Recherche des périphériques graphiques</translation>
    </message>
    <message>
        <source>Looking for graphics devices…</source>
        <translation>Recherche des périphériques graphiques…</translation>
    </message>
    <message>
        <source>No graphics device was found.</source>
        <translation>Aucun périphérique graphique n’a été trouvé.</translation>
    </message>
    <message>
        <source>Agora cannot use any graphics device on this computer.</source>
        <translation>Agora ne peut utiliser aucun périphérique graphique sur cet ordinateur.</translation>
    </message>
    <message>
        <source>One device found. Agora runs models on it when it is usable.</source>
        <translation>Un périphérique trouvé. Agora y exécute les modèles s’il est utilisable.</translation>
    </message>
    <message>
        <source>%1 devices found. Agora runs models on the one marked as default.</source>
        <translation>%1 périphériques trouvés. Agora exécute les modèles sur celui marqué par défaut.</translation>
    </message>
</context>
<context>
    <name>agora::app::ConversationListModel</name>
    <message>
        <source>Untitled conversation</source>
        <translation>Conversation sans titre</translation>
    </message>
</context>
<context>
    <name>agora::app::DeviceListModel</name>
    <message>
        <source>Dedicated graphics card</source>
        <translation>Carte graphique dédiée</translation>
    </message>
    <message>
        <source>Integrated graphics</source>
        <translation>Graphique intégré</translation>
    </message>
    <message>
        <source>Virtual graphics device</source>
        <translation>Périphérique graphique virtuel</translation>
    </message>
    <message>
        <source>Software renderer on the processor</source>
        <translation>Rendu logiciel sur le processeur</translation>
    </message>
    <message>
        <source>Other device</source>
        <translation>Autre périphérique</translation>
    </message>
    <message>
        <source>16-bit floats</source>
        <translation>Flottants 16 bits</translation>
    </message>
    <message>
        <source>8-bit integers</source>
        <translation>Entiers 8 bits</translation>
    </message>
    <message>
        <source>16-bit storage</source>
        <translation>Stockage 16 bits</translation>
    </message>
    <message>
        <source>8-bit storage</source>
        <translation>Stockage 8 bits</translation>
    </message>
    <message>
        <source>Integer dot product</source>
        <translation>Produit scalaire entier</translation>
    </message>
    <message>
        <source>Cooperative matrix</source>
        <translation>Matrices coopératives</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation>Horodatages</translation>
    </message>
</context>
</TS>