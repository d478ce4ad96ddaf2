<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CatalogPage</name>
    <message>
        <source>Model catalog</source>
        <translation>Catalogue de modèles</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>Recommandé</translation>
    </message>
    <message>
        <source>%1 (%2) · %3 · %4 · %5 · %6</source>
        <extracomment>publisher (country) · parameters · quantization · size · licence</extracomment>
        <translation>%1 (%2) · %3 · %4 · %5 · %6</translation>
    </message>
    <message>
        <source>Coming soon: Agora cannot run this model family yet</source>
        <translation>Bientôt : Agora ne sait pas encore exécuter cette famille de modèles</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <source>Download %1</source>
        <translation>Télécharger %1</translation>
    </message>
</context>
<context>
    <name>ChatPage</name>
    <message>
        <source>Chat</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <source>%1 (continues your text)</source>
        <translation>%1 (continue votre texte)</translation>
    </message>
    <message>
        <source>Loading model… %1%</source>
        <translation>Chargement du modèle… %1 %</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>Aucun modèle chargé</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Write a message. Enter sends, Shift+Enter starts a new line.</source>
        <translation>Écrivez un message. Entrée envoie, Maj+Entrée commence une nouvelle ligne.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Régénérer</translation>
    </message>
</context>
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
    <name>FirstRunPage</name>
    <message>
        <source>Welcome to Agora</source>
        <translation>Bienvenue dans Agora</translation>
    </message>
    <message>
        <source>Agora lets you chat with an AI language model that runs entirely on this computer. Your conversations never leave it. Agora only connects to the internet when you press Download.</source>
        <translation>Agora vous permet de discuter avec un modèle de langage d&apos;IA qui tourne entièrement sur cet ordinateur. Vos conversations ne le quittent jamais. Agora ne se connecte à Internet que lorsque vous cliquez sur « Télécharger ».</translation>
    </message>
    <message>
        <source>Your graphics: %1 (%2 of memory)</source>
        <translation>Votre carte graphique : %1 (%2 de mémoire)</translation>
    </message>
    <message>
        <source>No usable graphics device was found, so models cannot run yet. Installing your graphics driver&apos;s Vulkan support may help.</source>
        <translation>Aucun périphérique graphique utilisable n&apos;a été trouvé : les modèles ne peuvent pas encore tourner. Installer la prise en charge Vulkan de votre pilote graphique peut aider.</translation>
    </message>
    <message>
        <source>Recommended model: %1</source>
        <translation>Modèle recommandé : %1</translation>
    </message>
    <message>
        <source>Recommended for this computer</source>
        <translation>Recommandé pour cet ordinateur</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 download</source>
        <extracomment>publisher, region of origin, download size, e.g. &quot;Meta · North America · 2.0 GB download&quot;</extracomment>
        <translation>%1 · %2 · %3 à télécharger</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <source>Download %1</source>
        <translation>Télécharger %1</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progression du téléchargement</translation>
    </message>
    <message>
        <source>Looking up the file&apos;s checksum…</source>
        <translation>Recherche de la somme de contrôle du fichier…</translation>
    </message>
    <message>
        <source>Checking the downloaded file…</source>
        <translation>Vérification du fichier téléchargé…</translation>
    </message>
    <message>
        <source>Paused at %1</source>
        <translation>En pause à %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>%1 is downloaded and verified.</source>
        <translation>%1 est téléchargé et vérifié.</translation>
    </message>
    <message>
        <source>The model catalog could not be read: %1</source>
        <translation>Le catalogue de modèles n&apos;a pas pu être lu : %1</translation>
    </message>
    <message>
        <source>None of the models in our catalog fits this computer&apos;s memory. You can still open a model file of your own.</source>
        <translation>Aucun des modèles de notre catalogue ne tient dans la mémoire de cet ordinateur. Vous pouvez quand même ouvrir votre propre fichier de modèle.</translation>
    </message>
    <message>
        <source>I already have a model file</source>
        <translation>J&apos;ai déjà un fichier de modèle</translation>
    </message>
    <message>
        <source>Open a model file</source>
        <translation>Ouvrir un fichier de modèle</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modèles GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Hide the other models</source>
        <translation>Masquer les autres modèles</translation>
    </message>
    <message>
        <source>See all models</source>
        <translation>Voir tous les modèles</translation>
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
    <name>MessageBubble</name>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <source>Hide reasoning</source>
        <translation>Masquer le raisonnement</translation>
    </message>
    <message>
        <source>Show reasoning</source>
        <translation>Afficher le raisonnement</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>Copier le message</translation>
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
    <message>
        <source>Your data</source>
        <translation>Vos données</translation>
    </message>
    <message>
        <source>Conversations, settings and the log stay on this computer, in %1.</source>
        <translation>Les conversations, les réglages et le journal restent sur cet ordinateur, dans %1.</translation>
    </message>
</context>
<context>
    <name>agora::app::CatalogListModel</name>
    <message>
        <source>Fits this computer</source>
        <translation>Adapté à cet ordinateur</translation>
    </message>
    <message>
        <source>Fits, but tightly</source>
        <translation>Tient, mais de justesse</translation>
    </message>
    <message>
        <source>Too large for this computer</source>
        <translation>Trop grand pour cet ordinateur</translation>
    </message>
    <message>
        <source>Europe</source>
        <translation>Europe</translation>
    </message>
    <message>
        <source>North America</source>
        <translation>Amérique du Nord</translation>
    </message>
    <message>
        <source>China</source>
        <translation>Chine</translation>
    </message>
    <message>
        <source>Asia</source>
        <translation>Asie</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>%1 B</source>
        <extracomment>parameter count of a model in billions, e.g. &quot;1.5 B&quot;</extracomment>
        <translation>%1 Md</translation>
    </message>
    <message>
        <source>Cannot read the model catalog %1: %2</source>
        <translation>Impossible de lire le catalogue de modèles %1 : %2</translation>
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
<context>
    <name>agora::app::EngineBridge</name>
    <message>
        <source>Load a model before sending a message.</source>
        <translation>Chargez un modèle avant d&apos;envoyer un message.</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>Le fichier n&apos;a pas pu être lu.</translation>
    </message>
    <message>
        <source>The file is damaged or is not a GGUF model.</source>
        <translation>Le fichier est endommagé ou n&apos;est pas un modèle GGUF.</translation>
    </message>
    <message>
        <source>Agora cannot run this model yet.</source>
        <translation>Agora ne peut pas encore exécuter ce modèle.</translation>
    </message>
    <message>
        <source>The model does not fit into the graphics card&apos;s memory.</source>
        <translation>Le modèle ne tient pas dans la mémoire de la carte graphique.</translation>
    </message>
    <message>
        <source>The graphics driver stopped working. Load the model again.</source>
        <translation>Le pilote graphique a cessé de fonctionner. Rechargez le modèle.</translation>
    </message>
    <message>
        <source>No graphics card that Agora can use was found.</source>
        <translation>Aucune carte graphique utilisable par Agora n&apos;a été trouvée.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Arrêté.</translation>
    </message>
    <message>
        <source>Something went wrong inside Agora.</source>
        <translation>Une erreur s&apos;est produite dans Agora.</translation>
    </message>
</context>
<context>
    <name>agora::app::MessageListModel</name>
    <message>
        <source>%1 · %2 tokens/s · %3 s</source>
        <extracomment>One assistant message&apos;s footer: model name, generation speed, wall time.</extracomment>
        <translation>%1 · %2 jetons/s · %3 s</translation>
    </message>
    <message>
        <source>Wait for the answer to finish or stop it first.</source>
        <translation>Attendez la fin de la réponse ou arrêtez-la d&apos;abord.</translation>
    </message>
    <message>
        <source>Open or start a conversation first.</source>
        <translation>Ouvrez ou commencez d&apos;abord une conversation.</translation>
    </message>
    <message>
        <source>The engine is not available.</source>
        <translation>Le moteur n&apos;est pas disponible.</translation>
    </message>
    <message>
        <source>Only the last question can be edited.</source>
        <translation>Seule la dernière question peut être modifiée.</translation>
    </message>
</context>
<context>
    <name>agora::app::ModelDownload</name>
    <message>
        <source>%1 of %2</source>
        <extracomment>download progress, e.g. &quot;1.2 GB of 4.7 GB&quot;</extracomment>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <extracomment>download speed, e.g. &quot;12.5 MB/s&quot;</extracomment>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>less than a minute left</source>
        <translation>moins d&apos;une minute restante</translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation>%1 min restantes</translation>
    </message>
    <message>
        <source>%1 h %2 min left</source>
        <translation>%1 h %2 min restantes</translation>
    </message>
</context>
<context>
    <name>agora::app::ModelDownloader</name>
    <message>
        <source>This download has no valid web address.</source>
        <translation>Ce téléchargement n&apos;a pas d&apos;adresse web valide.</translation>
    </message>
    <message>
        <source>No folder was chosen for the model file.</source>
        <translation>Aucun dossier n&apos;a été choisi pour le fichier du modèle.</translation>
    </message>
    <message>
        <source>%1 already exists. Remove it first or choose another folder.</source>
        <translation>%1 existe déjà. Supprimez-le d&apos;abord ou choisissez un autre dossier.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <source>No checksum is known for this file, so its integrity could not be verified.</source>
        <translation>Aucune somme de contrôle n&apos;est connue pour ce fichier : son intégrité ne peut pas être vérifiée.</translation>
    </message>
    <message>
        <source>Could not read the file&apos;s checksum from %1 (%2). Check the internet connection and try again.</source>
        <translation>Impossible de lire la somme de contrôle du fichier sur %1 (%2). Vérifiez la connexion Internet et réessayez.</translation>
    </message>
    <message>
        <source>The file list at %1 has no checksum for %2, so the download was not started.</source>
        <translation>La liste des fichiers sur %1 ne donne pas de somme de contrôle pour %2 : le téléchargement n&apos;a pas commencé.</translation>
    </message>
    <message>
        <source>Not enough free disk space in %1: the model needs %2 more, but only %3 is free.</source>
        <translation>Pas assez d&apos;espace disque libre dans %1 : le modèle a encore besoin de %2, mais seuls %3 sont libres.</translation>
    </message>
    <message>
        <source>Cannot write in the models folder: %1</source>
        <translation>Impossible d&apos;écrire dans le dossier des modèles : %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>The server resumed the download at the wrong place. The partial file was deleted; please start again.</source>
        <translation>Le serveur a repris le téléchargement au mauvais endroit. Le fichier partiel a été supprimé ; veuillez recommencer.</translation>
    </message>
    <message>
        <source>Writing the model file failed after %1: %2. Is the disk full?</source>
        <translation>L&apos;écriture du fichier du modèle a échoué après %1 : %2. Le disque est-il plein ?</translation>
    </message>
    <message>
        <source>The server answered with error %1 (%2). Please try again later.</source>
        <translation>Le serveur a répondu par l&apos;erreur %1 (%2). Veuillez réessayer plus tard.</translation>
    </message>
    <message>
        <source>The connection was lost after %1 of %2. Press Download to continue where it stopped.</source>
        <translation>La connexion a été perdue après %1 sur %2. Cliquez sur « Télécharger » pour reprendre là où il s&apos;est arrêté.</translation>
    </message>
    <message>
        <source>an unknown size</source>
        <translation>une taille inconnue</translation>
    </message>
    <message>
        <source>The downloaded file is damaged: its checksum does not match the published one. It was deleted; please download it again.</source>
        <translation>Le fichier téléchargé est endommagé : sa somme de contrôle ne correspond pas à celle publiée. Il a été supprimé ; veuillez le télécharger à nouveau.</translation>
    </message>
    <message>
        <source>The downloaded file does not open as a model (%1). It was deleted.</source>
        <translation>Le fichier téléchargé ne s&apos;ouvre pas comme un modèle (%1). Il a été supprimé.</translation>
    </message>
    <message>
        <source>The model was downloaded but could not be renamed to %1.</source>
        <translation>Le modèle a été téléchargé mais n&apos;a pas pu être renommé en %1.</translation>
    </message>
</context>
</TS>
