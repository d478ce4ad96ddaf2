<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ArenaAnswerPane</name>
    <message>
        <source>Loading the model… %1%</source>
        <translation>Chargement du modèle… %1 %</translation>
    </message>
    <message>
        <source>Waiting for its turn…</source>
        <translation>En attente de son tour…</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Rédaction…</translation>
    </message>
    <message>
        <source>Could not answer: %1</source>
        <translation>N&apos;a pas pu répondre : %1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Stopped at the length limit</source>
        <translation>Arrêté à la longueur maximale</translation>
    </message>
    <message>
        <source>Done: declined to answer</source>
        <translation>Terminé : a refusé de répondre</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Winner</source>
        <translation>Gagnant</translation>
    </message>
    <message>
        <source>Tie</source>
        <translation>Égalité</translation>
    </message>
    <message>
        <source>Not good</source>
        <translation>Pas bon</translation>
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
        <source>Answer of %1: %2</source>
        <translation>Réponse de %1 : %2</translation>
    </message>
    <message>
        <source>%1 tokens/s · %2 tokens</source>
        <translation>%1 jetons/s · %2 jetons</translation>
    </message>
</context>
<context>
    <name>ArenaLeaderboardPanel</name>
    <message>
        <source>Counting the votes…</source>
        <translation>Décompte des votes…</translation>
    </message>
    <message>
        <source>No votes yet. Play a few rounds in the arena: every vote you give shows up here, and the ranking grows more certain the more you vote.</source>
        <translation>Aucun vote pour l&apos;instant. Jouez quelques manches dans l&apos;arène : chaque vote que vous donnez apparaît ici, et le classement devient plus sûr à mesure que vous votez.</translation>
    </message>
    <message numerus="yes">
        <source>%n vote(s) across %1 model(s)</source>
        <translation>
            <numerusform>%n vote sur %1 modèle(s)</numerusform>
            <numerusform>%n votes sur %1 modèle(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Reset leaderboard…</source>
        <translation>Réinitialiser le classement…</translation>
    </message>
    <message>
        <source>Reset the leaderboard: delete every vote</source>
        <translation>Réinitialiser le classement : supprimer tous les votes</translation>
    </message>
    <message>
        <source>Ratings use the chess-style Elo scale: 1000 is average, and 100 points more means winning about two times in three. The thin line is the 95% interval, where the true rating most likely lies. Models whose lines overlap share a rank (marked =): your votes cannot tell them apart yet.</source>
        <translation>Les scores utilisent l&apos;échelle Elo des échecs : 1000 est la moyenne, et 100 points de plus signifient gagner environ deux fois sur trois. Le trait fin est l&apos;intervalle à 95 %, où se trouve très probablement le vrai score. Les modèles dont les traits se chevauchent partagent un rang (marqué =) : vos votes ne permettent pas encore de les départager.</translation>
    </message>
    <message>
        <source>Reset the leaderboard?</source>
        <translation>Réinitialiser le classement ?</translation>
    </message>
    <message numerus="yes">
        <source>This deletes all %n vote(s) for good. The models stay as they are.</source>
        <translation>
            <numerusform>Cela supprime définitivement %n vote. Les modèles restent tels quels.</numerusform>
            <numerusform>Cela supprime définitivement les %n votes. Les modèles restent tels quels.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArenaPage</name>
    <message>
        <source>Arena</source>
        <translation>Arène</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>Manches</translation>
    </message>
    <message>
        <source>Leaderboard (%1)</source>
        <translation>Classement (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Leaderboard, %n vote(s)</source>
        <translation>
            <numerusform>Classement, %n vote</numerusform>
            <numerusform>Classement, %n votes</numerusform>
        </translation>
    </message>
    <message>
        <source>A blind taste test for your models</source>
        <translation>Une dégustation à l&apos;aveugle pour vos modèles</translation>
    </message>
    <message>
        <source>Ask a question and two of your models answer it side by side, without their names. You pick the better answer, and only then do you see who was who. Round by round, a private leaderboard shows which models you prefer, judged on your own questions and nothing else. Everything stays on this computer.</source>
        <translation>Posez une question : deux de vos modèles y répondent côte à côte, sans leur nom. Vous choisissez la meilleure réponse, et ce n&apos;est qu&apos;ensuite que vous découvrez qui était qui. Manche après manche, un classement privé montre quels modèles vous préférez, jugés uniquement sur vos propres questions. Tout reste sur cet ordinateur.</translation>
    </message>
    <message>
        <source>You have one model. Add at least one more to start.</source>
        <translation>Vous avez un modèle. Ajoutez-en au moins un autre pour commencer.</translation>
    </message>
    <message>
        <source>Add at least two models to start.</source>
        <translation>Ajoutez au moins deux modèles pour commencer.</translation>
    </message>
    <message>
        <source>Add models</source>
        <translation>Ajouter des modèles</translation>
    </message>
    <message>
        <source>Add models on the Models page</source>
        <translation>Ajouter des modèles dans la page Modèles</translation>
    </message>
    <message>
        <source>Models taking part (%1 of %2). Each round two of them are drawn at random.</source>
        <translation>Modèles participants (%1 sur %2). À chaque manche, deux d&apos;entre eux sont tirés au sort.</translation>
    </message>
    <message>
        <source>Include %1 in the arena</source>
        <translation>Inclure %1 dans l&apos;arène</translation>
    </message>
    <message>
        <source>Ask both models something… (Enter starts the round, Shift+Enter adds a line)</source>
        <translation>Posez une question aux deux modèles… (Entrée lance la manche, Maj+Entrée ajoute une ligne)</translation>
    </message>
    <message>
        <source>Question for both models</source>
        <translation>Question pour les deux modèles</translation>
    </message>
    <message>
        <source>Start round</source>
        <translation>Lancer la manche</translation>
    </message>
    <message>
        <source>Send the question to two hidden models</source>
        <translation>Envoyer la question à deux modèles masqués</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop both answers</source>
        <translation>Arrêter les deux réponses</translation>
    </message>
</context>
<context>
    <name>ArenaSuggestions</name>
    <message>
        <source>Explain how vaccines work to a ten-year-old.</source>
        <translation>Expliquez à un enfant de dix ans comment fonctionnent les vaccins.</translation>
    </message>
    <message>
        <source>Write a short, warm birthday message for my grandmother.</source>
        <translation>Écrivez un court message d&apos;anniversaire chaleureux pour ma grand-mère.</translation>
    </message>
    <message>
        <source>What are the strongest arguments for and against nuclear power?</source>
        <translation>Quels sont les arguments les plus solides pour et contre l&apos;énergie nucléaire ?</translation>
    </message>
    <message>
        <source>Who was the most important person of the 20th century, and why?</source>
        <translation>Qui a été la personne la plus importante du XXe siècle, et pourquoi ?</translation>
    </message>
    <message>
        <source>Is it ever right to break the law? Answer in a few sentences.</source>
        <translation>Est-il parfois juste d&apos;enfreindre la loi ? Répondez en quelques phrases.</translation>
    </message>
    <message>
        <source>Example questions</source>
        <translation>Exemples de questions</translation>
    </message>
    <message>
        <source>Not sure what to ask? Try one of these:</source>
        <translation>Vous ne savez pas quoi demander ? Essayez l&apos;une de ces questions :</translation>
    </message>
    <message>
        <source>Use the example: %1</source>
        <translation>Utiliser l&apos;exemple : %1</translation>
    </message>
</context>
<context>
    <name>ArenaVotePanel</name>
    <message>
        <source>A is better</source>
        <translation>A est meilleure</translation>
    </message>
    <message>
        <source>B is better</source>
        <translation>B est meilleure</translation>
    </message>
    <message>
        <source>It&apos;s a tie</source>
        <translation>Égalité</translation>
    </message>
    <message>
        <source>Both are bad</source>
        <translation>Les deux sont mauvaises</translation>
    </message>
    <message>
        <source>Your vote</source>
        <translation>Votre vote</translation>
    </message>
    <message>
        <source>You can vote once both answers are complete (or stopped).</source>
        <translation>Vous pourrez voter une fois les deux réponses terminées (ou arrêtées).</translation>
    </message>
    <message>
        <source>Which answer is better? Press 1–4 or choose below.</source>
        <translation>Quelle réponse est la meilleure ? Appuyez sur 1 à 4 ou choisissez ci-dessous.</translation>
    </message>
    <message>
        <source>This round cannot be judged. Ask again or choose other models.</source>
        <translation>Cette manche ne peut pas être jugée. Reposez la question ou choisissez d&apos;autres modèles.</translation>
    </message>
    <message>
        <source>Ask the next question above.</source>
        <translation>Posez la question suivante ci-dessus.</translation>
    </message>
    <message>
        <source>Ask a question above to start the first round.</source>
        <translation>Posez une question ci-dessus pour lancer la première manche.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation>Touche %1</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <source>Skip this round without voting</source>
        <translation>Passer cette manche sans voter</translation>
    </message>
    <message>
        <source>New round</source>
        <translation>Nouvelle manche</translation>
    </message>
    <message>
        <source>Start a new round with a new question</source>
        <translation>Lancer une nouvelle manche avec une nouvelle question</translation>
    </message>
</context>
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
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Resume the download of %1</source>
        <translation>Reprendre le téléchargement de %1</translation>
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
        <source>Saved to %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
    <message>
        <source>Imported “%1”</source>
        <translation>Conversation « %1 » importée</translation>
    </message>
    <message>
        <source>The conversation history is not available, so this chat cannot be started.</source>
        <translation>L&apos;historique des conversations n&apos;est pas disponible : impossible de démarrer cette discussion.</translation>
    </message>
    <message>
        <source>This chat could not be saved: %1</source>
        <translation>Cette discussion n&apos;a pas pu être enregistrée : %1</translation>
    </message>
    <message>
        <source>Export conversation</source>
        <translation>Exporter la conversation</translation>
    </message>
    <message>
        <source>Agora conversation (*.json)</source>
        <translation>Conversation Agora (*.json)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Import conversation</source>
        <translation>Importer une conversation</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Nouvelle discussion</translation>
    </message>
    <message>
        <source>Untitled conversation</source>
        <translation>Conversation sans titre</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>As Markdown…</source>
        <translation>En Markdown…</translation>
    </message>
    <message>
        <source>As JSON (can be imported)…</source>
        <translation>En JSON (importable)…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Conversation settings</source>
        <translation>Paramètres de la conversation</translation>
    </message>
    <message>
        <source>Ask anything</source>
        <translation>Posez votre question</translation>
    </message>
    <message>
        <source>The model is loading…</source>
        <translation>Chargement du modèle…</translation>
    </message>
    <message>
        <source>Choose a model to start</source>
        <translation>Choisissez un modèle pour commencer</translation>
    </message>
    <message>
        <source>Type your message below and press Enter. Everything stays on this computer.</source>
        <translation>Tapez votre message ci-dessous et appuyez sur Entrée. Tout reste sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Agora answers with a language model stored on this computer. Pick one (or download one) in Models, then come back here.</source>
        <translation>Agora répond avec un modèle de langage stocké sur cet ordinateur. Choisissez-en un (ou téléchargez-en un) dans Modèles, puis revenez ici.</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>Choisir un modèle</translation>
    </message>
    <message>
        <source>Jump to the latest message</source>
        <translation>Aller au dernier message</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>Code block, %1</source>
        <translation>Bloc de code, %1</translation>
    </message>
    <message>
        <source>Code block</source>
        <translation>Bloc de code</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>writing…</source>
        <translation>en cours d&apos;écriture…</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copier le code</translation>
    </message>
    <message>
        <source>Copy %1 code</source>
        <translation>Copier le code %1</translation>
    </message>
</context>
<context>
    <name>CompareExport</name>
    <message>
        <source>%1 tokens/s</source>
        <extracomment>Speed of one answer in a comparison export.</extracomment>
        <translation>%1 jetons/s</translation>
    </message>
    <message>
        <source>1 token</source>
        <translation>1 jeton</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 jetons</translation>
    </message>
    <message>
        <source>first token after %1 ms</source>
        <extracomment>Time until the model wrote its first token.</extracomment>
        <translation>premier jeton après %1 ms</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Comparaison</translation>
    </message>
    <message>
        <source>Models: %1</source>
        <translation>Modèles : %1</translation>
    </message>
    <message>
        <source>System prompt:</source>
        <translation>Prompt système :</translation>
    </message>
    <message>
        <source>Prompt %1</source>
        <translation>Prompt %1</translation>
    </message>
    <message>
        <source>No answer.</source>
        <translation>Aucune réponse.</translation>
    </message>
    <message>
        <source>Refusal</source>
        <translation>Refus</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Raisonnement</translation>
    </message>
    <message>
        <source>(empty answer)</source>
        <translation>(réponse vide)</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Erreur :</translation>
    </message>
</context>
<context>
    <name>ComparePage</name>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <source>Export comparison</source>
        <translation>Exporter la comparaison</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Page web (*.html)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
    <message>
        <source>Models to compare</source>
        <translation>Modèles à comparer</translation>
    </message>
    <message>
        <source>System prompt (optional)</source>
        <translation>Prompt système (facultatif)</translation>
    </message>
    <message>
        <source>System prompt for every model</source>
        <translation>Prompt système pour tous les modèles</translation>
    </message>
    <message>
        <source>Saved comparisons</source>
        <translation>Comparaisons enregistrées</translation>
    </message>
    <message>
        <source>Comparisons you run are kept here.</source>
        <translation>Vos comparaisons sont conservées ici.</translation>
    </message>
    <message>
        <source>History is not available.</source>
        <translation>L&apos;historique n&apos;est pas disponible.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Delete the comparison %1</source>
        <translation>Supprimer la comparaison %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Load models</source>
        <translation>Charger les modèles</translation>
    </message>
    <message>
        <source>Load the chosen models</source>
        <translation>Charger les modèles choisis</translation>
    </message>
    <message>
        <source>New comparison</source>
        <translation>Nouvelle comparaison</translation>
    </message>
    <message>
        <source>Start a new comparison with the same models</source>
        <translation>Commencer une nouvelle comparaison avec les mêmes modèles</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Export the comparison</source>
        <translation>Exporter la comparaison</translation>
    </message>
    <message>
        <source>Markdown…</source>
        <translation>Markdown…</translation>
    </message>
    <message>
        <source>Export as Markdown</source>
        <translation>Exporter en Markdown</translation>
    </message>
    <message>
        <source>Web page (HTML)…</source>
        <translation>Page web (HTML)…</translation>
    </message>
    <message>
        <source>Export as a web page</source>
        <translation>Exporter en page web</translation>
    </message>
    <message>
        <source>Unload models</source>
        <translation>Décharger les modèles</translation>
    </message>
    <message>
        <source>Unload the compared models to free memory</source>
        <translation>Décharger les modèles comparés pour libérer de la mémoire</translation>
    </message>
    <message>
        <source>Hide names</source>
        <translation>Masquer les noms</translation>
    </message>
    <message>
        <source>Hide the model names until you reveal them</source>
        <translation>Masquer les noms des modèles jusqu&apos;à ce que vous les révéliez</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Révéler</translation>
    </message>
    <message>
        <source>Show which model wrote which answer</source>
        <translation>Montrer quel modèle a écrit quelle réponse</translation>
    </message>
    <message>
        <source>Tick two to four models on the left, then ask them all the same question. Their answers appear side by side with their speed.</source>
        <translation>Cochez deux à quatre modèles à gauche, puis posez-leur à tous la même question. Leurs réponses s&apos;affichent côte à côte, avec leur vitesse.</translation>
    </message>
    <message>
        <source>Ask every model the same question…</source>
        <translation>Posez la même question à tous les modèles…</translation>
    </message>
    <message>
        <source>Choose models first</source>
        <translation>Choisissez d&apos;abord des modèles</translation>
    </message>
    <message>
        <source>Question for every model</source>
        <translation>Question pour tous les modèles</translation>
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
        <source>Stop every answer</source>
        <translation>Arrêter toutes les réponses</translation>
    </message>
    <message>
        <source>Send to every model</source>
        <translation>Envoyer à tous les modèles</translation>
    </message>
</context>
<context>
    <name>ComparePane</name>
    <message>
        <source>finished</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>reached the length limit</source>
        <translation>longueur maximale atteinte</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>context full</source>
        <translation>contexte plein</translation>
    </message>
    <message>
        <source>first token %1 ms</source>
        <translation>premier jeton %1 ms</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 jetons/s</translation>
    </message>
    <message>
        <source>1 token</source>
        <translation>1 jeton</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 jetons</translation>
    </message>
    <message>
        <source>Loading model… %1%</source>
        <translation>Chargement du modèle… %1 %</translation>
    </message>
    <message>
        <source>Waiting for its turn</source>
        <translation>En attente de son tour</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Rédaction…</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Answer of %1</source>
        <translation>Réponse de %1</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>This model refused to answer</source>
        <translation>Ce modèle a refusé de répondre</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the answer of %1</source>
        <translation>Copier la réponse de %1</translation>
    </message>
    <message>
        <source>Reasoning: %1</source>
        <translation>Raisonnement : %1</translation>
    </message>
</context>
<context>
    <name>ConversationSettingsPanel</name>
    <message>
        <source>Conversation settings</source>
        <translation>Paramètres de la conversation</translation>
    </message>
    <message>
        <source>Close settings</source>
        <translation>Fermer les paramètres</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Prompt système</translation>
    </message>
    <message>
        <source>How the assistant should behave, e.g. “Answer briefly, in French.”</source>
        <translation>Comment l&apos;assistant doit se comporter, par ex. « Répondez brièvement, en anglais. »</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Style</translation>
    </message>
    <message>
        <source>Sampling preset</source>
        <translation>Préréglage d&apos;échantillonnage</translation>
    </message>
    <message>
        <source>Temperature (0–2)</source>
        <translation>Température (0–2)</translation>
    </message>
    <message>
        <source>Top-p (0–1)</source>
        <translation>Top-p (0–1)</translation>
    </message>
    <message>
        <source>Top-k (0 = off)</source>
        <translation>Top-k (0 = désactivé)</translation>
    </message>
    <message>
        <source>Min-p (0–1)</source>
        <translation>Min-p (0–1)</translation>
    </message>
    <message>
        <source>Repeat penalty (1 = off)</source>
        <translation>Pénalité de répétition (1 = désactivée)</translation>
    </message>
    <message>
        <source>Seed (−1 = new each time)</source>
        <translation>Graine (−1 = nouvelle à chaque fois)</translation>
    </message>
    <message>
        <source>Longest reply (tokens)</source>
        <translation>Réponse la plus longue (jetons)</translation>
    </message>
    <message>
        <source>Longest reply in tokens</source>
        <translation>Réponse la plus longue en jetons</translation>
    </message>
    <message>
        <source>Context length (tokens)</source>
        <translation>Longueur du contexte (jetons)</translation>
    </message>
    <message>
        <source>Model default</source>
        <translation>Valeur du modèle</translation>
    </message>
    <message>
        <source>Context length in tokens</source>
        <translation>Longueur du contexte en jetons</translation>
    </message>
    <message>
        <source>How much of the conversation the model can see at once.</source>
        <translation>La part de la conversation que le modèle peut voir à la fois.</translation>
    </message>
    <message>
        <source>How much of the conversation the model can see at once. The loaded model uses %1 tokens.</source>
        <translation>La part de la conversation que le modèle peut voir à la fois. Le modèle chargé utilise %1 jetons.</translation>
    </message>
    <message>
        <source>Reload the model with %1 tokens</source>
        <translation>Recharger le modèle avec %1 jetons</translation>
    </message>
    <message>
        <source>When the context is full</source>
        <translation>Quand le contexte est plein</translation>
    </message>
    <message>
        <source>Forget the oldest messages</source>
        <translation>Oublier les messages les plus anciens</translation>
    </message>
    <message>
        <source>Stop and say so</source>
        <translation>S&apos;arrêter et le signaler</translation>
    </message>
</context>
<context>
    <name>ConversationSidebar</name>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Nouvelle discussion</translation>
    </message>
    <message>
        <source>Search all conversations</source>
        <translation>Rechercher dans toutes les conversations</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Aucun résultat.</translation>
    </message>
    <message>
        <source>Your conversations will appear here.</source>
        <translation>Vos conversations apparaîtront ici.</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>Nouveau nom</translation>
    </message>
    <message>
        <source>Rename “%1”</source>
        <translation>Renommer « %1 »</translation>
    </message>
    <message>
        <source>Rename (F2)</source>
        <translation>Renommer (F2)</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>Supprimer « %1 »</translation>
    </message>
    <message>
        <source>Delete (Del)</source>
        <translation>Supprimer (Suppr)</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>Supprimé : « %1 »</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Annuler la suppression</translation>
    </message>
    <message>
        <source>Import conversation…</source>
        <translation>Importer une conversation…</translation>
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
    <name>DeviceChooser</name>
    <message>
        <source>Graphics device</source>
        <translation>Périphérique graphique</translation>
    </message>
    <message>
        <source>Automatic (now: %1)</source>
        <translation>Automatique (actuellement : %1)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <extracomment>device name, kind of device, memory, e.g. &quot;Radeon RX 7600 · Dedicated graphics card · 8 GB&quot;</extracomment>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1, cannot be used: %2</source>
        <translation>%1, inutilisable : %2</translation>
    </message>
    <message>
        <source>Cannot be used: %1</source>
        <translation>Inutilisable : %1</translation>
    </message>
    <message>
        <source>%1 was not found this time. Choose Automatic or another device to load models.</source>
        <translation>%1 n&apos;a pas été trouvé cette fois-ci. Choisissez Automatique ou un autre périphérique pour charger des modèles.</translation>
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
    <message>
        <source>Resume the download of %1</source>
        <translation>Reprendre le téléchargement de %1</translation>
    </message>
    <message>
        <source>Paused at %1. Resume continues where it stopped.</source>
        <translation>En pause à %1. « Reprendre » continue là où le téléchargement s&apos;est arrêté.</translation>
    </message>
    <message>
        <source>Not now: show the Models section</source>
        <translation>Pas maintenant : afficher la section Modèles</translation>
    </message>
    <message>
        <source>Copying the model file</source>
        <translation>Copie du fichier de modèle</translation>
    </message>
    <message>
        <source>Stop copying the model file</source>
        <translation>Arrêter la copie du fichier de modèle</translation>
    </message>
</context>
<context>
    <name>LeaderboardChart</name>
    <message>
        <source>Leaderboard chart: ratings with 95% intervals</source>
        <translation>Graphique du classement : scores avec intervalles à 95 %</translation>
    </message>
</context>
<context>
    <name>LeaderboardTable</name>
    <message>
        <source>Leaderboard table</source>
        <translation>Tableau du classement</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Rating (95% interval)</source>
        <translation>Score (intervalle à 95 %)</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>Won / lost / tied / both bad</source>
        <translation>Gagné / perdu / égalité / les deux mauvaises</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>Taux de victoire</translation>
    </message>
    <message>
        <source>%1 (%2–%3)</source>
        <translation>%1 (%2–%3)</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Models ranked by rating</source>
        <translation>Modèles classés par score</translation>
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
    <message>
        <source>Chat</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <source>Arena</source>
        <translation>Arène</translation>
    </message>
    <message>
        <source>Suites</source>
        <translation>Séries</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Matériel</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>GPU: %1</source>
        <extracomment>the graphics device models run on, in the window&apos;s header</extracomment>
        <translation>GPU : %1</translation>
    </message>
    <message>
        <source>Models run on %1</source>
        <translation>Les modèles tournent sur %1</translation>
    </message>
    <message>
        <source>Loading… %1%</source>
        <translation>Chargement… %1 %</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>Aucun modèle chargé</translation>
    </message>
    <message>
        <source>Loaded model: %1</source>
        <translation>Modèle chargé : %1</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (F1)</source>
        <translation>Raccourcis clavier (F1)</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
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
    <message>
        <source>Thinking…</source>
        <translation>Réflexion…</translation>
    </message>
    <message>
        <source>Thought for %1 s</source>
        <translation>Réflexion pendant %1 s</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Raisonnement</translation>
    </message>
    <message>
        <source>Edit your message</source>
        <translation>Modifier votre message</translation>
    </message>
    <message>
        <source>Sending replaces every message after this one.</source>
        <translation>L&apos;envoi remplace tous les messages qui suivent.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Edit and send again</source>
        <translation>Modifier et renvoyer</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Régénérer</translation>
    </message>
    <message>
        <source>Regenerate this reply</source>
        <translation>Régénérer cette réponse</translation>
    </message>
</context>
<context>
    <name>ModelCard</name>
    <message>
        <source>Fits %1</source>
        <translation>Tient sur %1</translation>
    </message>
    <message>
        <source>Tight on %1</source>
        <translation>Tient de justesse sur %1</translation>
    </message>
    <message>
        <source>Too big for %1</source>
        <translation>Trop grand pour %1</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>Par %1</translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation>Chargé</translation>
    </message>
    <message>
        <source>Origin not stated</source>
        <translation>Origine non indiquée</translation>
    </message>
    <message>
        <source>Licence: %1</source>
        <translation>Licence : %1</translation>
    </message>
    <message>
        <source>Licence not stated</source>
        <translation>Licence non indiquée</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architecture</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>Quantification</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 jetons</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Taille du fichier</translation>
    </message>
    <message>
        <source>Memory needed</source>
        <translation>Mémoire nécessaire</translation>
    </message>
    <message>
        <source>Linked: the file stays where it was imported from.</source>
        <translation>Lié : le fichier reste à l&apos;endroit d&apos;où il a été importé.</translation>
    </message>
    <message>
        <source>Reading the model&apos;s details…</source>
        <translation>Lecture des détails du modèle…</translation>
    </message>
    <message>
        <source>Loading %1</source>
        <translation>Chargement de %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Charger</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>Charger %1</translation>
    </message>
    <message>
        <source>Chat with it</source>
        <translation>Discuter</translation>
    </message>
    <message>
        <source>Chat with %1</source>
        <translation>Discuter avec %1</translation>
    </message>
    <message>
        <source>Unload</source>
        <translation>Décharger</translation>
    </message>
    <message>
        <source>Unload %1</source>
        <translation>Décharger %1</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>Retirer le lien</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Remove the link to %1</source>
        <translation>Retirer le lien vers %1</translation>
    </message>
    <message>
        <source>Delete %1 from the disk</source>
        <translation>Supprimer %1 du disque</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Choose %1 models (%2 chosen)</source>
        <extracomment>How many models to tick, e.g. &quot;Choose 2 to 4 models (1 chosen)&quot;.</extracomment>
        <translation>Choisissez %1 modèles (%2 choisis)</translation>
    </message>
    <message>
        <source>Choose %1 to %2 models (%3 chosen)</source>
        <translation>Choisissez %1 à %2 modèles (%3 choisis)</translation>
    </message>
    <message>
        <source>No models yet. Add models on the Models page; they appear here by themselves.</source>
        <translation>Aucun modèle pour l&apos;instant. Ajoutez-en dans la page Modèles ; ils apparaîtront ici automatiquement.</translation>
    </message>
    <message>
        <source>%1 (cannot run: %2)</source>
        <translation>%1 (impossible à exécuter : %2)</translation>
    </message>
</context>
<context>
    <name>ModelSwitcher</name>
    <message>
        <source>Choose a model</source>
        <translation>Choisir un modèle</translation>
    </message>
    <message>
        <source>Chat model</source>
        <translation>Modèle de discussion</translation>
    </message>
    <message>
        <source>(too big)</source>
        <translation>(trop grand)</translation>
    </message>
    <message>
        <source>(tight)</source>
        <translation>(limite)</translation>
    </message>
    <message>
        <source>(cannot run)</source>
        <translation>(non exécutable)</translation>
    </message>
    <message>
        <source>(damaged)</source>
        <translation>(endommagé)</translation>
    </message>
    <message>
        <source>Add a model…</source>
        <translation>Ajouter un modèle…</translation>
    </message>
    <message>
        <source>Open the models section to add a model</source>
        <translation>Ouvrir la section Modèles pour ajouter un modèle</translation>
    </message>
    <message>
        <source>Loading the model</source>
        <translation>Chargement du modèle</translation>
    </message>
    <message>
        <source>Unload the model</source>
        <translation>Décharger le modèle</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Only .gguf model files can be imported.</source>
        <translation>Seuls les fichiers de modèle .gguf peuvent être importés.</translation>
    </message>
    <message>
        <source>Import a model</source>
        <translation>Importer un modèle</translation>
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
        <source>Import “%1”</source>
        <translation>Importer « %1 »</translation>
    </message>
    <message numerus="yes">
        <source>Import %n models</source>
        <translation>
            <numerusform>Importer %n modèle</numerusform>
            <numerusform>Importer %n modèles</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy into the models folder</source>
        <translation>Copier dans le dossier des modèles</translation>
    </message>
    <message>
        <source>Safe to move or delete the original afterwards; uses disk space.</source>
        <translation>L&apos;original peut ensuite être déplacé ou supprimé ; utilise de l&apos;espace disque.</translation>
    </message>
    <message>
        <source>Link to the file where it is</source>
        <translation>Lier le fichier là où il se trouve</translation>
    </message>
    <message>
        <source>No extra disk space; the file must stay where it is.</source>
        <translation>Aucun espace disque supplémentaire ; le fichier doit rester où il est.</translation>
    </message>
    <message>
        <source>Remove the link?</source>
        <translation>Retirer le lien ?</translation>
    </message>
    <message>
        <source>Delete this model?</source>
        <translation>Supprimer ce modèle ?</translation>
    </message>
    <message>
        <source>“%1” will be removed from the list. The file it links to stays where it is.</source>
        <translation>« %1 » sera retiré de la liste. Le fichier lié reste où il est.</translation>
    </message>
    <message>
        <source>“%1” will be deleted from your disk. This cannot be undone.</source>
        <translation>« %1 » sera supprimé de votre disque. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Look for model files in the folder again</source>
        <translation>Rechercher à nouveau les fichiers de modèle dans le dossier</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Open the models folder in the file manager</source>
        <translation>Ouvrir le dossier des modèles dans le gestionnaire de fichiers</translation>
    </message>
    <message>
        <source>Import model…</source>
        <translation>Importer un modèle…</translation>
    </message>
    <message>
        <source>Import a model file</source>
        <translation>Importer un fichier de modèle</translation>
    </message>
    <message>
        <source>Models folder: %1 — files you put here appear by themselves.</source>
        <translation>Dossier des modèles : %1 — les fichiers que vous y placez apparaissent automatiquement.</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importation de %1…</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Progression de l&apos;importation</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>Annuler l&apos;importation</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Fermer le message</translation>
    </message>
    <message>
        <source>No models yet. Import a .gguf file, or drop one onto this page.</source>
        <translation>Aucun modèle pour l&apos;instant. Importez un fichier .gguf ou déposez-en un sur cette page.</translation>
    </message>
    <message>
        <source>Models in the folder</source>
        <translation>Modèles du dossier</translation>
    </message>
    <message>
        <source>Drop .gguf files to import them</source>
        <translation>Déposez des fichiers .gguf pour les importer</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Same as the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Precise: focused, repeatable answers</source>
        <translation>Précis : réponses ciblées et reproductibles</translation>
    </message>
    <message>
        <source>Balanced: the model&apos;s usual behaviour</source>
        <translation>Équilibré : le comportement habituel du modèle</translation>
    </message>
    <message>
        <source>Creative: more varied, more surprising</source>
        <translation>Créatif : plus varié, plus surprenant</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Graphics device</source>
        <translation>Périphérique graphique</translation>
    </message>
    <message>
        <source>Models run on this device. A change applies the next time a model is loaded.</source>
        <translation>Les modèles tournent sur ce périphérique. Un changement s&apos;applique au prochain chargement d&apos;un modèle.</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Theme: %1</source>
        <translation>Thème : %1</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Langue de l&apos;interface</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>Vos données</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>Dossier des données : %1</translation>
    </message>
    <message>
        <source>Your conversations (history.sqlite), the log and the downloaded models live in this folder, on this computer only. Back it up to keep your history; delete it to forget everything.</source>
        <translation>Vos conversations (history.sqlite), le journal et les modèles téléchargés se trouvent dans ce dossier, uniquement sur cet ordinateur. Sauvegardez-le pour garder votre historique ; supprimez-le pour tout oublier.</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>Dossier des modèles</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Choose another models folder</source>
        <translation>Choisir un autre dossier des modèles</translation>
    </message>
    <message>
        <source>Use the default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>Use the default models folder</source>
        <translation>Utiliser le dossier des modèles par défaut</translation>
    </message>
    <message>
        <source>Models already in the old folder stay there; move them yourself if you want them in the new one.</source>
        <translation>Les modèles déjà présents dans l&apos;ancien dossier y restent ; déplacez-les vous-même si vous les voulez dans le nouveau.</translation>
    </message>
    <message>
        <source>New conversations</source>
        <translation>Nouvelles conversations</translation>
    </message>
    <message>
        <source>What a new chat starts with. Each conversation can still change its own.</source>
        <translation>Les réglages de départ d&apos;une nouvelle discussion. Chaque conversation peut toujours modifier les siens.</translation>
    </message>
    <message>
        <source>Style of answers</source>
        <translation>Style des réponses</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>Longueur du contexte</translation>
    </message>
    <message>
        <source>Model&apos;s default</source>
        <translation>Valeur du modèle</translation>
    </message>
    <message>
        <source>Context length in tokens; 0 uses the model&apos;s default</source>
        <translation>Longueur du contexte en jetons ; 0 utilise la valeur du modèle</translation>
    </message>
    <message>
        <source>tokens; longer remembers more but needs more graphics memory</source>
        <translation>jetons ; plus long retient davantage mais demande plus de mémoire graphique</translation>
    </message>
    <message>
        <source>When the conversation is full</source>
        <translation>Quand la conversation est pleine</translation>
    </message>
    <message>
        <source>Stop and say so</source>
        <translation>S&apos;arrêter et le signaler</translation>
    </message>
    <message>
        <source>Forget the oldest messages and go on</source>
        <translation>Oublier les messages les plus anciens et continuer</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Prompt système</translation>
    </message>
    <message>
        <source>Optional: instructions every new chat starts with, e.g. &quot;Answer briefly.&quot;</source>
        <translation>Facultatif : instructions données au début de chaque nouvelle discussion, par ex. « Répondez brièvement. »</translation>
    </message>
    <message>
        <source>Default system prompt</source>
        <translation>Prompt système par défaut</translation>
    </message>
    <message>
        <source>About Agora</source>
        <translation>À propos d&apos;Agora</translation>
    </message>
    <message>
        <source>Agora %1</source>
        <translation>Agora %1</translation>
    </message>
    <message>
        <source>Agora runs language models on this computer. Nothing leaves this computer unless you start a download; there is no account, no telemetry and no update check.</source>
        <translation>Agora exécute des modèles de langage sur cet ordinateur. Rien ne quitte cet ordinateur, sauf si vous lancez un téléchargement ; pas de compte, pas de télémétrie, pas de recherche de mises à jour.</translation>
    </message>
    <message>
        <source>Choose the models folder</source>
        <translation>Choisir le dossier des modèles</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Afficher %1</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Nouvelle discussion</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation>Maj+Entrée</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>Nouvelle ligne dans le message</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>Arrêter la réponse</translation>
    </message>
    <message>
        <source>Show these shortcuts</source>
        <translation>Afficher ces raccourcis</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
</context>
<context>
    <name>SuiteAnswerDialog</name>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>%1&apos;s answer</source>
        <translation>Réponse de %1</translation>
    </message>
    <message>
        <source>Prompt: %1</source>
        <translation>Prompt : %1</translation>
    </message>
    <message>
        <source>System prompt: %1</source>
        <translation>Prompt système : %1</translation>
    </message>
    <message>
        <source>%1 characters · %2 tokens · %3 s · %4 tokens/s · stop: %5</source>
        <translation>%1 caractères · %2 jetons · %3 s · %4 jetons/s · arrêt : %5</translation>
    </message>
    <message>
        <source>Flagged as a refusal: its opening contains &quot;%1&quot;. The flag is a heuristic; read the answer.</source>
        <translation>Signalée comme refus : son début contient « %1 ». Ce signalement est une heuristique ; lisez la réponse.</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Copy answer</source>
        <translation>Copier la réponse</translation>
    </message>
</context>
<context>
    <name>SuiteExport</name>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <source>Refusals</source>
        <translation>Refus</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échecs</translation>
    </message>
    <message>
        <source>Mean length (characters)</source>
        <translation>Longueur moyenne (caractères)</translation>
    </message>
    <message>
        <source>Mean time (s)</source>
        <translation>Temps moyen (s)</translation>
    </message>
</context>
<context>
    <name>SuiteResults</name>
    <message>
        <source>This file is not a saved suite run.</source>
        <translation>Ce fichier n&apos;est pas une exécution de série enregistrée.</translation>
    </message>
    <message>
        <source>This suite run was saved by a newer Agora; update Agora to open it.</source>
        <translation>Cette exécution a été enregistrée par une version plus récente d&apos;Agora ; mettez Agora à jour pour l&apos;ouvrir.</translation>
    </message>
    <message>
        <source>This saved suite run is damaged: its table does not match its prompts and models.</source>
        <translation>Cette exécution enregistrée est endommagée : son tableau ne correspond pas à ses prompts et à ses modèles.</translation>
    </message>
</context>
<context>
    <name>SuiteResultsTable</name>
    <message>
        <source>Suite results</source>
        <translation>Résultats de la série</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>Show prompts of category</source>
        <translation>Afficher les prompts de la catégorie</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Show prompts in language</source>
        <translation>Afficher les prompts dans la langue</translation>
    </message>
    <message numerus="yes">
        <source>%n prompt(s) shown</source>
        <translation>
            <numerusform>%n prompt affiché</numerusform>
            <numerusform>%n prompts affichés</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 answers, %3 refusals, %4 failed, mean length %5 characters, mean time %6 s</source>
        <translation>%1 : %2 réponses, %3 refus, %4 échecs, longueur moyenne %5 caractères, temps moyen %6 s</translation>
    </message>
    <message>
        <source>%1 answers · %2 refusals · %3 failed</source>
        <translation>%1 réponses · %2 refus · %3 échecs</translation>
    </message>
    <message>
        <source>mean %1 characters · %2 s · %3 tokens/s</source>
        <translation>moyenne %1 caractères · %2 s · %3 jetons/s</translation>
    </message>
    <message>
        <source>%1 on &quot;%2&quot;: %3</source>
        <translation>%1 sur « %2 » : %3</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>answering…</source>
        <translation>répond…</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>échec : %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>répondu</translation>
    </message>
    <message>
        <source>⚑ refusal · </source>
        <translation>⚑ refus · </translation>
    </message>
    <message>
        <source>%1 chars · %2 s · %3</source>
        <translation>%1 car. · %2 s · %3</translation>
    </message>
</context>
<context>
    <name>SuiteSetupPanel</name>
    <message>
        <source>Suite</source>
        <translation>Série</translation>
    </message>
    <message>
        <source>Perspectives</source>
        <translation>Perspectives</translation>
    </message>
    <message>
        <source>Use the built-in Perspectives suite</source>
        <translation>Utiliser la série intégrée Perspectives</translation>
    </message>
    <message>
        <source>Import suite…</source>
        <translation>Importer une série…</translation>
    </message>
    <message>
        <source>Import a suite from a JSONL or CSV file</source>
        <translation>Importer une série depuis un fichier JSONL ou CSV</translation>
    </message>
    <message>
        <source>Reading the suite…</source>
        <translation>Lecture de la série…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n prompt(s)</source>
        <translation>
            <numerusform>%1 : %n prompt</numerusform>
            <numerusform>%1 : %n prompts</numerusform>
        </translation>
    </message>
    <message>
        <source>No suite chosen yet.</source>
        <translation>Aucune série choisie pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Prompts in this suite</source>
        <translation>Prompts de cette série</translation>
    </message>
    <message>
        <source>Longest answer (tokens)</source>
        <translation>Réponse la plus longue (jetons)</translation>
    </message>
    <message>
        <source>Longest answer, in tokens; shorter answers make a run faster</source>
        <translation>Réponse la plus longue, en jetons ; des réponses plus courtes accélèrent l&apos;exécution</translation>
    </message>
    <message>
        <source>Models to ask</source>
        <translation>Modèles à interroger</translation>
    </message>
    <message>
        <source>Import a prompt suite</source>
        <translation>Importer une série de prompts</translation>
    </message>
    <message>
        <source>Prompt suites (*.jsonl *.csv)</source>
        <translation>Séries de prompts (*.jsonl *.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>SuitesPage</name>
    <message>
        <source>estimating…</source>
        <translation>estimation…</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Suites</source>
        <translation>Séries</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <source>Run the suite on the chosen models</source>
        <translation>Lancer la série sur les modèles choisis</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel the run and keep the finished answers</source>
        <translation>Annuler l&apos;exécution et garder les réponses terminées</translation>
    </message>
    <message>
        <source>%1 of %2 answers</source>
        <translation>%1 réponses sur %2</translation>
    </message>
    <message>
        <source>%1 of %2 · %3 · elapsed %4 · left %5</source>
        <translation>%1 sur %2 · %3 · écoulé %4 · restant %5</translation>
    </message>
    <message>
        <source>Now: “%1”</source>
        <translation>En cours : « %1 »</translation>
    </message>
    <message>
        <source>Current prompt: %1</source>
        <translation>Prompt en cours : %1</translation>
    </message>
    <message>
        <source>Earlier runs</source>
        <translation>Exécutions précédentes</translation>
    </message>
    <message>
        <source>Open an earlier run</source>
        <translation>Ouvrir une exécution précédente</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Every model carries a culture</source>
        <translation>Chaque modèle porte une culture</translation>
    </message>
    <message>
        <source>Models trained in different places answer questions about history, politics, ethics and law differently, and some decline to answer. A suite asks every chosen model the same prompts, each in a fresh conversation, and puts the answers side by side with their length, time and a refusal mark. Choose a suite and at least one model, then Run. Everything stays on this computer.</source>
        <translation>Des modèles entraînés en des lieux différents répondent différemment aux questions d&apos;histoire, de politique, d&apos;éthique et de droit, et certains refusent de répondre. Une série pose les mêmes prompts à chaque modèle choisi, chacun dans une nouvelle conversation, et place les réponses côte à côte avec leur longueur, leur durée et une marque de refus. Choisissez une série et au moins un modèle, puis Lancer. Tout reste sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>HTML page</source>
        <translation>Page HTML</translation>
    </message>
    <message>
        <source>Export the results as %1</source>
        <translation>Exporter les résultats en %1</translation>
    </message>
    <message>
        <source>Saved with your history</source>
        <translation>Enregistré avec votre historique</translation>
    </message>
    <message>
        <source>Export suite results</source>
        <translation>Exporter les résultats de la série</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Fichiers Markdown (*.md)</translation>
    </message>
    <message>
        <source>Web pages (*.html)</source>
        <translation>Pages web (*.html)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exporté vers %1</translation>
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
    <name>agora::app::AppSettings</name>
    <message>
        <source>Your settings could not be saved in %1. They apply until Agora closes.</source>
        <translation>Vos paramètres n&apos;ont pas pu être enregistrés dans %1. Ils s&apos;appliquent jusqu&apos;à la fermeture d&apos;Agora.</translation>
    </message>
</context>
<context>
    <name>agora::app::ArenaSession</name>
    <message>
        <source>The two models are still answering. Wait for them or stop them first.</source>
        <translation>Les deux modèles sont encore en train de répondre. Attendez-les ou arrêtez-les d&apos;abord.</translation>
    </message>
    <message>
        <source>Vote on this round first, or skip it.</source>
        <translation>Votez d&apos;abord pour cette manche, ou passez-la.</translation>
    </message>
    <message>
        <source>Choose at least two models for the arena.</source>
        <translation>Choisissez au moins deux modèles pour l&apos;arène.</translation>
    </message>
    <message>
        <source>Type a question or a task for the two models first.</source>
        <translation>Tapez d&apos;abord une question ou une tâche pour les deux modèles.</translation>
    </message>
    <message>
        <source>The engine is not available.</source>
        <translation>Le moteur n&apos;est pas disponible.</translation>
    </message>
    <message>
        <source>The previous answers are still stopping. Try again in a moment.</source>
        <translation>Les réponses précédentes sont encore en cours d&apos;arrêt. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>%1 could not answer: %2</source>
        <extracomment>%1 is &quot;Model A&quot; or &quot;Model B&quot; (the names stay hidden), %2 what went wrong.</extracomment>
        <translation>%1 n&apos;a pas pu répondre : %2</translation>
    </message>
    <message>
        <source>The models could not answer.</source>
        <translation>Les modèles n&apos;ont pas pu répondre.</translation>
    </message>
    <message>
        <source>Unknown vote: %1</source>
        <translation>Vote inconnu : %1</translation>
    </message>
    <message>
        <source>Wait until both answers are complete, or stop them, before you vote.</source>
        <translation>Attendez que les deux réponses soient terminées, ou arrêtez-les, avant de voter.</translation>
    </message>
    <message>
        <source>There is no round to vote on. Ask the models something first.</source>
        <translation>Il n&apos;y a aucune manche à départager. Posez d&apos;abord une question aux modèles.</translation>
    </message>
    <message>
        <source>Your vote could not be kept: the history database is not open.</source>
        <translation>Votre vote n&apos;a pas pu être conservé : la base de données de l&apos;historique n&apos;est pas ouverte.</translation>
    </message>
    <message>
        <source>%1 won this round against %2.</source>
        <translation>%1 a remporté cette manche contre %2.</translation>
    </message>
    <message>
        <source>A tie between %1 and %2.</source>
        <translation>Égalité entre %1 et %2.</translation>
    </message>
    <message>
        <source>Neither %1 nor %2 gave a good answer.</source>
        <translation>Ni %1 ni %2 n&apos;a donné de bonne réponse.</translation>
    </message>
    <message>
        <source>Your vote could not be saved: %1</source>
        <translation>Votre vote n&apos;a pas pu être enregistré : %1</translation>
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
    <name>agora::app::CompareSession</name>
    <message>
        <source>Model %1</source>
        <extracomment>A model&apos;s name hidden in a blind comparison: &quot;Model A&quot;, &quot;Model B&quot;, ...</extracomment>
        <translation>Modèle %1</translation>
    </message>
    <message>
        <source>These models do not fit into the graphics memory together, so they answer one after another: each model is loaded, answers and is unloaded before the next one starts.</source>
        <translation>Ces modèles ne tiennent pas ensemble dans la mémoire graphique, ils répondent donc l&apos;un après l&apos;autre : chaque modèle est chargé, répond, puis est déchargé avant que le suivant ne commence.</translation>
    </message>
    <message>
        <source>The engine is not available.</source>
        <translation>Le moteur n&apos;est pas disponible.</translation>
    </message>
    <message>
        <source>Choose between two and four models to compare.</source>
        <translation>Choisissez entre deux et quatre modèles à comparer.</translation>
    </message>
    <message>
        <source>%1 could not be loaded: %2</source>
        <extracomment>%1 is a model&apos;s name, %2 why it could not be loaded.</extracomment>
        <translation>%1 n&apos;a pas pu être chargé : %2</translation>
    </message>
    <message>
        <source>Unknown export format: %1</source>
        <translation>Format d&apos;exportation inconnu : %1</translation>
    </message>
    <message>
        <source>There is nothing to export yet.</source>
        <translation>Il n&apos;y a encore rien à exporter.</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Choisissez le fichier de destination de l&apos;exportation.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <extracomment>%1: the file, %2: the system&apos;s reason.</extracomment>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Comparaison</translation>
    </message>
    <message>
        <source>This comparison could not be saved to the history: %1</source>
        <extracomment>%1: the database&apos;s reason.</extracomment>
        <translation>Cette comparaison n&apos;a pas pu être enregistrée dans l&apos;historique : %1</translation>
    </message>
    <message>
        <source>This comparison could not be opened: %1</source>
        <translation>Cette comparaison n&apos;a pas pu être ouverte : %1</translation>
    </message>
    <message>
        <source>This comparison has no answers to show.</source>
        <translation>Cette comparaison n&apos;a aucune réponse à afficher.</translation>
    </message>
    <message>
        <source>Wait for the answers to finish or stop them first.</source>
        <translation>Attendez la fin des réponses ou arrêtez-les d&apos;abord.</translation>
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
    <name>agora::app::ConversationTransfer</name>
    <message>
        <source>Open a conversation to export it.</source>
        <translation>Ouvrez une conversation pour l&apos;exporter.</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Choisissez le fichier de destination de l&apos;exportation.</translation>
    </message>
    <message>
        <source>The conversation history is not available.</source>
        <translation>L&apos;historique des conversations n&apos;est pas disponible.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <extracomment>%1: a file path</extracomment>
        <translation>%1 n&apos;est pas un fichier.</translation>
    </message>
    <message>
        <source>%1 is too large to be an Agora conversation export.</source>
        <extracomment>%1: a file path</extracomment>
        <translation>%1 est trop volumineux pour être une conversation exportée par Agora.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <extracomment>%1: a file path, %2: the system&apos;s reason</extracomment>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>conversation</source>
        <translation>conversation</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <extracomment>%1: a file path, %2: the system&apos;s reason</extracomment>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>This file cannot be imported: %1</source>
        <extracomment>%1: the reason, in English (from the history database or the file&apos;s check)</extracomment>
        <translation>Ce fichier ne peut pas être importé : %1</translation>
    </message>
    <message>
        <source>The conversation cannot be exported: %1</source>
        <translation>La conversation ne peut pas être exportée : %1</translation>
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
        <translation>Puce graphique intégrée</translation>
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
    <message>
        <source>This model is not loaded.</source>
        <translation>Ce modèle n&apos;est pas chargé.</translation>
    </message>
</context>
<context>
    <name>agora::app::LeaderboardModel</name>
    <message>
        <source>Rank %1: %2, rating %3 (95% interval %4 to %5), %6 votes: %7 won, %8 lost, %9 tied or both bad</source>
        <extracomment>A leaderboard row read aloud: rank, model, rating, its 95% interval, then the vote counts.</extracomment>
        <translation>Rang %1 : %2, score %3 (intervalle à 95 % : de %4 à %5), %6 votes : %7 gagnés, %8 perdus, %9 égalités ou les deux mauvaises</translation>
    </message>
    <message>
        <source>The votes could not be deleted: %1</source>
        <translation>Les votes n&apos;ont pas pu être supprimés : %1</translation>
    </message>
    <message>
        <source>The votes could not be read: %1</source>
        <translation>Les votes n&apos;ont pas pu être lus : %1</translation>
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
        <source>The conversation no longer fits the model&apos;s context: its oldest messages were left out of this reply.</source>
        <translation>La conversation ne tient plus dans le contexte du modèle : ses messages les plus anciens ont été laissés de côté pour cette réponse.</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Reached the reply length limit</source>
        <translation>Longueur maximale de réponse atteinte</translation>
    </message>
    <message>
        <source>Context full: the conversation is too long for this model&apos;s context</source>
        <translation>Contexte plein : la conversation est trop longue pour le contexte de ce modèle</translation>
    </message>
    <message>
        <source>This message is still being saved; try again in a moment.</source>
        <translation>Ce message est encore en cours d&apos;enregistrement ; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The conversation could not be saved or read: %1</source>
        <extracomment>%1: the database&apos;s reason, in English</extracomment>
        <translation>La conversation n&apos;a pas pu être enregistrée ou lue : %1</translation>
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
    <message>
        <source>Agora cannot run its weight types yet: %1</source>
        <translation>Agora ne sait pas encore exécuter les types de poids de ce modèle : %1</translation>
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
<context>
    <name>agora::app::ModelFileCopy</name>
    <message>
        <source>The file “%1” could not be read: %2</source>
        <translation>Le fichier « %1 » n&apos;a pas pu être lu : %2</translation>
    </message>
    <message>
        <source>The models folder cannot be written to: %1</source>
        <translation>Impossible d&apos;écrire dans le dossier des modèles : %1</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>L&apos;importation a été annulée.</translation>
    </message>
    <message>
        <source>Writing the copy failed (is the disk full?): %1</source>
        <translation>L&apos;écriture de la copie a échoué (le disque est-il plein ?) : %1</translation>
    </message>
    <message>
        <source>A model file named “%1” is already in the models folder.</source>
        <translation>Un fichier de modèle nommé « %1 » se trouve déjà dans le dossier des modèles.</translation>
    </message>
    <message>
        <source>The copy could not be given its final name “%1”.</source>
        <translation>La copie n&apos;a pas pu recevoir son nom définitif « %1 ».</translation>
    </message>
</context>
<context>
    <name>agora::app::ModelImport</name>
    <message>
        <source>%1 is not a file that can be opened.</source>
        <translation>%1 n&apos;est pas un fichier qui peut être ouvert.</translation>
    </message>
    <message>
        <source>%1 is not a model Agora can open: %2</source>
        <translation>%1 n&apos;est pas un modèle qu&apos;Agora peut ouvrir : %2</translation>
    </message>
    <message>
        <source>The models folder %1 cannot be created. Choose another one in the settings.</source>
        <translation>Le dossier des modèles %1 ne peut pas être créé. Choisissez-en un autre dans les paramètres.</translation>
    </message>
    <message>
        <source>A different file named %1 is already in the models folder. Rename one of them and try again.</source>
        <translation>Un autre fichier nommé %1 se trouve déjà dans le dossier des modèles. Renommez l&apos;un des deux et réessayez.</translation>
    </message>
    <message>
        <source>Not enough free disk space for %1: it needs %2, but only %3 is free in %4.</source>
        <translation>Pas assez d&apos;espace disque libre pour %1 : il faut %2, mais seulement %3 sont libres dans %4.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>Cannot write in the models folder: %1</source>
        <translation>Impossible d&apos;écrire dans le dossier des modèles : %1</translation>
    </message>
    <message>
        <source>Copying stopped after %1: %2. Is the disk full?</source>
        <translation>La copie s&apos;est arrêtée après %1 : %2. Le disque est-il plein ?</translation>
    </message>
    <message>
        <source>%1 changed or became unreadable while it was copied.</source>
        <translation>%1 a changé ou est devenu illisible pendant la copie.</translation>
    </message>
    <message>
        <source>The copy could not be renamed to %1.</source>
        <translation>La copie n&apos;a pas pu être renommée en %1.</translation>
    </message>
</context>
<context>
    <name>agora::app::ModelImporter</name>
    <message>
        <source>The import was cancelled.</source>
        <translation>L&apos;importation a été annulée.</translation>
    </message>
    <message>
        <source>No models folder is set.</source>
        <translation>Aucun dossier des modèles n&apos;est défini.</translation>
    </message>
    <message>
        <source>The file “%1” does not exist.</source>
        <translation>Le fichier « %1 » n&apos;existe pas.</translation>
    </message>
    <message>
        <source>“%1” is a folder, not a model file.</source>
        <translation>« %1 » est un dossier, pas un fichier de modèle.</translation>
    </message>
    <message>
        <source>The file “%1” cannot be read (no permission).</source>
        <translation>Le fichier « %1 » ne peut pas être lu (accès refusé).</translation>
    </message>
    <message>
        <source>“%1” is already in the models folder.</source>
        <translation>« %1 » est déjà dans le dossier des modèles.</translation>
    </message>
    <message>
        <source>A model file named “%1” is already in the models folder. Rename the file or remove the other model first.</source>
        <translation>Un fichier de modèle nommé « %1 » se trouve déjà dans le dossier des modèles. Renommez le fichier ou retirez d&apos;abord l&apos;autre modèle.</translation>
    </message>
    <message>
        <source>The engine is not ready yet; try again in a moment.</source>
        <translation>Le moteur n&apos;est pas encore prêt ; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>“%1” is not a model Agora can read.</source>
        <translation>« %1 » n&apos;est pas un modèle qu&apos;Agora peut lire.</translation>
    </message>
    <message>
        <source>The models folder “%1” cannot be created.</source>
        <translation>Le dossier des modèles « %1 » ne peut pas être créé.</translation>
    </message>
    <message>
        <source>A link to “%1” could not be made in the models folder.</source>
        <translation>Impossible de créer un lien vers « %1 » dans le dossier des modèles.</translation>
    </message>
    <message>
        <source>Not enough free disk space: the model needs %1, the disk has %2 free. Free some space or link to the file instead of copying it.</source>
        <translation>Pas assez d&apos;espace disque libre : le modèle a besoin de %1, le disque n&apos;a que %2 de libre. Libérez de l&apos;espace ou liez le fichier au lieu de le copier.</translation>
    </message>
</context>
<context>
    <name>agora::app::ModelLibrary</name>
    <message>
        <source>The file this link points to is gone: %1</source>
        <translation>Le fichier vers lequel pointe ce lien a disparu : %1</translation>
    </message>
    <message>
        <source>Agora cannot run this model yet: its weights use %1.</source>
        <translation>Agora ne sait pas encore exécuter ce modèle : ses poids utilisent %1.</translation>
    </message>
    <message>
        <source>This file holds only a vocabulary, no model weights.</source>
        <translation>Ce fichier ne contient qu&apos;un vocabulaire, sans poids de modèle.</translation>
    </message>
    <message>
        <source>The engine is not ready yet; try again in a moment.</source>
        <translation>Le moteur n&apos;est pas encore prêt ; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>“%1” is not in the models folder.</source>
        <translation>« %1 » n&apos;est pas dans le dossier des modèles.</translation>
    </message>
    <message>
        <source>Only files on this computer can be imported.</source>
        <translation>Seuls les fichiers présents sur cet ordinateur peuvent être importés.</translation>
    </message>
    <message>
        <source>Unknown import mode “%1”.</source>
        <translation>Mode d&apos;importation inconnu « %1 ».</translation>
    </message>
    <message>
        <source>“%1” is in use. Unload it before removing it.</source>
        <translation>« %1 » est en cours d&apos;utilisation. Déchargez-le avant de le retirer.</translation>
    </message>
    <message>
        <source>“%1” could not be removed: %2</source>
        <translation>« %1 » n&apos;a pas pu être retiré : %2</translation>
    </message>
</context>
<context>
    <name>agora::app::SamplingPresets</name>
    <message>
        <source>Precise</source>
        <translation>Précis</translation>
    </message>
    <message>
        <source>Creative</source>
        <translation>Créatif</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personnalisé</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>Équilibré</translation>
    </message>
    <message>
        <source>Sticks to the likeliest words: facts, code, translations.</source>
        <translation>S&apos;en tient aux mots les plus probables : faits, code, traductions.</translation>
    </message>
    <message>
        <source>More surprising words and fewer repeats: stories and ideas.</source>
        <translation>Des mots plus surprenants et moins de répétitions : histoires et idées.</translation>
    </message>
    <message>
        <source>Your own values for every setting below.</source>
        <translation>Vos propres valeurs pour chaque réglage ci-dessous.</translation>
    </message>
    <message>
        <source>A middle way for everyday conversation.</source>
        <translation>Un juste milieu pour les conversations de tous les jours.</translation>
    </message>
</context>
<context>
    <name>agora::app::SuiteResultsModel</name>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
</context>
<context>
    <name>agora::app::SuiteRun</name>
    <message>
        <source>The engine is not available.</source>
        <translation>Le moteur n&apos;est pas disponible.</translation>
    </message>
    <message>
        <source>Choose a suite file first.</source>
        <translation>Choisissez d&apos;abord un fichier de série.</translation>
    </message>
    <message>
        <source>%1 holds no prompts.</source>
        <translation>%1 ne contient aucun prompt.</translation>
    </message>
    <message>
        <source>Perspectives</source>
        <translation>Perspectives</translation>
    </message>
    <message>
        <source>A suite is already running; cancel it first.</source>
        <translation>Une série est déjà en cours ; annulez-la d&apos;abord.</translation>
    </message>
    <message>
        <source>Choose a suite first.</source>
        <translation>Choisissez d&apos;abord une série.</translation>
    </message>
    <message>
        <source>Choose at least one model.</source>
        <translation>Choisissez au moins un modèle.</translation>
    </message>
    <message>
        <source>greedy decoding (temperature 0), at most %1 tokens per answer, every prompt in a fresh conversation</source>
        <translation>décodage glouton (température 0), au plus %1 jetons par réponse, chaque prompt dans une nouvelle conversation</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
    <message>
        <source>Asking %1: prompt %2 of %3</source>
        <translation>Interrogation de %1 : prompt %2 sur %3</translation>
    </message>
    <message>
        <source>Loading %1… %2%</source>
        <translation>Chargement de %1… %2 %</translation>
    </message>
    <message>
        <source>The chosen models do not fit in memory together, so they answer one after the other.</source>
        <translation>Les modèles choisis ne tiennent pas ensemble en mémoire, ils répondent donc l&apos;un après l&apos;autre.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Cancelled: %1 of %2 answers kept.</source>
        <translation>Annulé : %1 réponses sur %2 conservées.</translation>
    </message>
    <message>
        <source>Finished: %1 answers.</source>
        <translation>Terminé : %1 réponses.</translation>
    </message>
    <message>
        <source>Could not create the folder for suite results: %1</source>
        <translation>Impossible de créer le dossier des résultats de séries : %1</translation>
    </message>
    <message>
        <source>Could not save the suite results to %1: %2</source>
        <translation>Impossible d&apos;enregistrer les résultats de la série dans %1 : %2</translation>
    </message>
    <message>
        <source>A suite is running; cancel it before opening another run.</source>
        <translation>Une série est en cours ; annulez-la avant d&apos;ouvrir une autre exécution.</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>Impossible d&apos;ouvrir %1 : %2</translation>
    </message>
    <message>
        <source>This file is not a saved suite run.</source>
        <translation>Ce fichier n&apos;est pas une exécution de série enregistrée.</translation>
    </message>
    <message>
        <source>Unknown export format: %1</source>
        <translation>Format d&apos;exportation inconnu : %1</translation>
    </message>
    <message>
        <source>There are no results to export yet.</source>
        <translation>Il n&apos;y a encore aucun résultat à exporter.</translation>
    </message>
</context>
</TS>
