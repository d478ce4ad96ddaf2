<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ArenaAnswerPane</name>
    <message>
        <source>Loading the model… %1%</source>
        <translation>Modell wird geladen … %1 %</translation>
    </message>
    <message>
        <source>Waiting for its turn…</source>
        <translation>Wartet, bis es an der Reihe ist …</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Schreibt …</translation>
    </message>
    <message>
        <source>Could not answer: %1</source>
        <translation>Konnte nicht antworten: %1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Stopped at the length limit</source>
        <translation>An der Längengrenze angehalten</translation>
    </message>
    <message>
        <source>Done: declined to answer</source>
        <translation>Fertig: Antwort verweigert</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Winner</source>
        <translation>Gewinner</translation>
    </message>
    <message>
        <source>Tie</source>
        <translation>Unentschieden</translation>
    </message>
    <message>
        <source>Not good</source>
        <translation>Nicht gut</translation>
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
        <source>Answer of %1: %2</source>
        <translation>Antwort von %1: %2</translation>
    </message>
    <message>
        <source>%1 tokens/s · %2 tokens</source>
        <translation>%1 Token/s · %2 Token</translation>
    </message>
</context>
<context>
    <name>ArenaLeaderboardPanel</name>
    <message>
        <source>Counting the votes…</source>
        <translation>Stimmen werden ausgezählt …</translation>
    </message>
    <message>
        <source>No votes yet. Play a few rounds in the arena: every vote you give shows up here, and the ranking grows more certain the more you vote.</source>
        <translation>Noch keine Stimmen. Spielen Sie ein paar Runden in der Arena: Jede Stimme, die Sie abgeben, erscheint hier, und die Rangliste wird umso verlässlicher, je öfter Sie abstimmen.</translation>
    </message>
    <message numerus="yes">
        <source>%n vote(s) across %1 model(s)</source>
        <translation>
            <numerusform>%n Stimme für %1 Modell(e)</numerusform>
            <numerusform>%n Stimmen für %1 Modell(e)</numerusform>
        </translation>
    </message>
    <message>
        <source>Reset leaderboard…</source>
        <translation>Rangliste zurücksetzen …</translation>
    </message>
    <message>
        <source>Reset the leaderboard: delete every vote</source>
        <translation>Rangliste zurücksetzen: alle Stimmen löschen</translation>
    </message>
    <message>
        <source>Ratings use the chess-style Elo scale: 1000 is average, and 100 points more means winning about two times in three. The thin line is the 95% interval, where the true rating most likely lies. Models whose lines overlap share a rank (marked =): your votes cannot tell them apart yet.</source>
        <translation>Die Wertungen nutzen die Elo-Skala aus dem Schach: 1000 ist der Durchschnitt, und 100 Punkte mehr bedeuten, etwa zwei von drei Duellen zu gewinnen. Die dünne Linie ist das 95-%-Intervall, in dem die wahre Wertung höchstwahrscheinlich liegt. Modelle, deren Linien sich überschneiden, teilen sich einen Rang (markiert mit =): Ihre Stimmen können sie noch nicht unterscheiden.</translation>
    </message>
    <message>
        <source>Reset the leaderboard?</source>
        <translation>Rangliste zurücksetzen?</translation>
    </message>
    <message numerus="yes">
        <source>This deletes all %n vote(s) for good. The models stay as they are.</source>
        <translation>
            <numerusform>Damit wird %n Stimme endgültig gelöscht. Die Modelle bleiben, wie sie sind.</numerusform>
            <numerusform>Damit werden alle %n Stimmen endgültig gelöscht. Die Modelle bleiben, wie sie sind.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArenaPage</name>
    <message>
        <source>Arena</source>
        <translation>Arena</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>Runden</translation>
    </message>
    <message>
        <source>Leaderboard (%1)</source>
        <translation>Rangliste (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Leaderboard, %n vote(s)</source>
        <translation>
            <numerusform>Rangliste, %n Stimme</numerusform>
            <numerusform>Rangliste, %n Stimmen</numerusform>
        </translation>
    </message>
    <message>
        <source>A blind taste test for your models</source>
        <translation>Ein Blindtest für Ihre Modelle</translation>
    </message>
    <message>
        <source>Ask a question and two of your models answer it side by side, without their names. You pick the better answer, and only then do you see who was who. Round by round, a private leaderboard shows which models you prefer, judged on your own questions and nothing else. Everything stays on this computer.</source>
        <translation>Stellen Sie eine Frage, und zwei Ihrer Modelle beantworten sie nebeneinander, ohne ihre Namen. Sie wählen die bessere Antwort, und erst dann sehen Sie, wer wer war. Runde für Runde zeigt eine private Rangliste, welche Modelle Sie bevorzugen – beurteilt allein anhand Ihrer eigenen Fragen. Alles bleibt auf diesem Computer.</translation>
    </message>
    <message>
        <source>You have one model. Add at least one more to start.</source>
        <translation>Sie haben ein Modell. Fügen Sie mindestens ein weiteres hinzu, um zu beginnen.</translation>
    </message>
    <message>
        <source>Add at least two models to start.</source>
        <translation>Fügen Sie mindestens zwei Modelle hinzu, um zu beginnen.</translation>
    </message>
    <message>
        <source>Add models</source>
        <translation>Modelle hinzufügen</translation>
    </message>
    <message>
        <source>Add models on the Models page</source>
        <translation>Modelle auf der Seite „Modelle“ hinzufügen</translation>
    </message>
    <message>
        <source>Models taking part (%1 of %2). Each round two of them are drawn at random.</source>
        <translation>Teilnehmende Modelle (%1 von %2). In jeder Runde werden zwei davon zufällig gezogen.</translation>
    </message>
    <message>
        <source>Include %1 in the arena</source>
        <translation>%1 in die Arena aufnehmen</translation>
    </message>
    <message>
        <source>Ask both models something… (Enter starts the round, Shift+Enter adds a line)</source>
        <translation>Fragen Sie beide Modelle etwas … (Eingabe startet die Runde, Umschalt+Eingabe fügt eine Zeile hinzu)</translation>
    </message>
    <message>
        <source>Question for both models</source>
        <translation>Frage an beide Modelle</translation>
    </message>
    <message>
        <source>Start round</source>
        <translation>Runde starten</translation>
    </message>
    <message>
        <source>Send the question to two hidden models</source>
        <translation>Die Frage an zwei verborgene Modelle senden</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop both answers</source>
        <translation>Beide Antworten anhalten</translation>
    </message>
</context>
<context>
    <name>ArenaSuggestions</name>
    <message>
        <source>Explain how vaccines work to a ten-year-old.</source>
        <translation>Erklären Sie einem zehnjährigen Kind, wie Impfungen wirken.</translation>
    </message>
    <message>
        <source>Write a short, warm birthday message for my grandmother.</source>
        <translation>Schreiben Sie einen kurzen, herzlichen Geburtstagsgruß für meine Großmutter.</translation>
    </message>
    <message>
        <source>What are the strongest arguments for and against nuclear power?</source>
        <translation>Was sind die stärksten Argumente für und gegen Atomkraft?</translation>
    </message>
    <message>
        <source>Who was the most important person of the 20th century, and why?</source>
        <translation>Wer war der wichtigste Mensch des 20. Jahrhunderts, und warum?</translation>
    </message>
    <message>
        <source>Is it ever right to break the law? Answer in a few sentences.</source>
        <translation>Ist es jemals richtig, das Gesetz zu brechen? Antworten Sie in wenigen Sätzen.</translation>
    </message>
    <message>
        <source>Example questions</source>
        <translation>Beispielfragen</translation>
    </message>
    <message>
        <source>Not sure what to ask? Try one of these:</source>
        <translation>Keine Idee, was Sie fragen sollen? Probieren Sie eine dieser Fragen:</translation>
    </message>
    <message>
        <source>Use the example: %1</source>
        <translation>Beispiel verwenden: %1</translation>
    </message>
</context>
<context>
    <name>ArenaVotePanel</name>
    <message>
        <source>A is better</source>
        <translation>A ist besser</translation>
    </message>
    <message>
        <source>B is better</source>
        <translation>B ist besser</translation>
    </message>
    <message>
        <source>It&apos;s a tie</source>
        <translation>Unentschieden</translation>
    </message>
    <message>
        <source>Both are bad</source>
        <translation>Beide sind schlecht</translation>
    </message>
    <message>
        <source>Your vote</source>
        <translation>Ihre Stimme</translation>
    </message>
    <message>
        <source>You can vote once both answers are complete (or stopped).</source>
        <translation>Sie können abstimmen, sobald beide Antworten fertig (oder angehalten) sind.</translation>
    </message>
    <message>
        <source>Which answer is better? Press 1–4 or choose below.</source>
        <translation>Welche Antwort ist besser? Drücken Sie 1–4 oder wählen Sie unten.</translation>
    </message>
    <message>
        <source>This round cannot be judged. Ask again or choose other models.</source>
        <translation>Diese Runde kann nicht bewertet werden. Fragen Sie erneut oder wählen Sie andere Modelle.</translation>
    </message>
    <message>
        <source>Ask the next question above.</source>
        <translation>Stellen Sie oben die nächste Frage.</translation>
    </message>
    <message>
        <source>Ask a question above to start the first round.</source>
        <translation>Stellen Sie oben eine Frage, um die erste Runde zu beginnen.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation>Taste %1</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Skip this round without voting</source>
        <translation>Diese Runde ohne Abstimmung überspringen</translation>
    </message>
    <message>
        <source>New round</source>
        <translation>Neue Runde</translation>
    </message>
    <message>
        <source>Start a new round with a new question</source>
        <translation>Eine neue Runde mit einer neuen Frage beginnen</translation>
    </message>
</context>
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
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Resume the download of %1</source>
        <translation>Download von %1 fortsetzen</translation>
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
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <source>Imported “%1”</source>
        <translation>„%1“ importiert</translation>
    </message>
    <message>
        <source>The conversation history is not available, so this chat cannot be started.</source>
        <translation>Der Verlauf der Unterhaltungen ist nicht verfügbar, daher kann dieser Chat nicht gestartet werden.</translation>
    </message>
    <message>
        <source>This chat could not be saved: %1</source>
        <translation>Dieser Chat konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Export conversation</source>
        <translation>Unterhaltung exportieren</translation>
    </message>
    <message>
        <source>Agora conversation (*.json)</source>
        <translation>Agora-Unterhaltung (*.json)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Import conversation</source>
        <translation>Unterhaltung importieren</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Untitled conversation</source>
        <translation>Unbenannte Unterhaltung</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>As Markdown…</source>
        <translation>Als Markdown …</translation>
    </message>
    <message>
        <source>As JSON (can be imported)…</source>
        <translation>Als JSON (importierbar) …</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Conversation settings</source>
        <translation>Einstellungen der Unterhaltung</translation>
    </message>
    <message>
        <source>Ask anything</source>
        <translation>Fragen Sie, was Sie möchten</translation>
    </message>
    <message>
        <source>The model is loading…</source>
        <translation>Das Modell wird geladen …</translation>
    </message>
    <message>
        <source>Choose a model to start</source>
        <translation>Wählen Sie ein Modell, um zu beginnen</translation>
    </message>
    <message>
        <source>Type your message below and press Enter. Everything stays on this computer.</source>
        <translation>Geben Sie unten Ihre Nachricht ein und drücken Sie die Eingabetaste. Alles bleibt auf diesem Computer.</translation>
    </message>
    <message>
        <source>Agora answers with a language model stored on this computer. Pick one (or download one) in Models, then come back here.</source>
        <translation>Agora antwortet mit einem Sprachmodell, das auf diesem Computer gespeichert ist. Wählen Sie unter „Modelle“ eines aus (oder laden Sie eines herunter) und kommen Sie dann hierher zurück.</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>Modell wählen</translation>
    </message>
    <message>
        <source>Jump to the latest message</source>
        <translation>Zur neuesten Nachricht springen</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>Code block, %1</source>
        <translation>Codeblock, %1</translation>
    </message>
    <message>
        <source>Code block</source>
        <translation>Codeblock</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>writing…</source>
        <translation>wird geschrieben …</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <source>Copy %1 code</source>
        <translation>%1-Code kopieren</translation>
    </message>
</context>
<context>
    <name>CompareExport</name>
    <message>
        <source>%1 tokens/s</source>
        <extracomment>Speed of one answer in a comparison export.</extracomment>
        <translation>%1 Token/s</translation>
    </message>
    <message>
        <source>1 token</source>
        <translation>1 Token</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Token</translation>
    </message>
    <message>
        <source>first token after %1 ms</source>
        <extracomment>Time until the model wrote its first token.</extracomment>
        <translation>erstes Token nach %1 ms</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Models: %1</source>
        <translation>Modelle: %1</translation>
    </message>
    <message>
        <source>System prompt:</source>
        <translation>Systemprompt:</translation>
    </message>
    <message>
        <source>Prompt %1</source>
        <translation>Prompt %1</translation>
    </message>
    <message>
        <source>No answer.</source>
        <translation>Keine Antwort.</translation>
    </message>
    <message>
        <source>Refusal</source>
        <translation>Verweigerung</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Gedankengang</translation>
    </message>
    <message>
        <source>(empty answer)</source>
        <translation>(leere Antwort)</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Fehler:</translation>
    </message>
</context>
<context>
    <name>ComparePage</name>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Export comparison</source>
        <translation>Vergleich exportieren</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Webseite (*.html)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <source>Models to compare</source>
        <translation>Zu vergleichende Modelle</translation>
    </message>
    <message>
        <source>System prompt (optional)</source>
        <translation>Systemprompt (optional)</translation>
    </message>
    <message>
        <source>System prompt for every model</source>
        <translation>Systemprompt für alle Modelle</translation>
    </message>
    <message>
        <source>Saved comparisons</source>
        <translation>Gespeicherte Vergleiche</translation>
    </message>
    <message>
        <source>Comparisons you run are kept here.</source>
        <translation>Ihre Vergleiche werden hier aufbewahrt.</translation>
    </message>
    <message>
        <source>History is not available.</source>
        <translation>Der Verlauf ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Delete the comparison %1</source>
        <translation>Vergleich %1 löschen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>Load models</source>
        <translation>Modelle laden</translation>
    </message>
    <message>
        <source>Load the chosen models</source>
        <translation>Die gewählten Modelle laden</translation>
    </message>
    <message>
        <source>New comparison</source>
        <translation>Neuer Vergleich</translation>
    </message>
    <message>
        <source>Start a new comparison with the same models</source>
        <translation>Einen neuen Vergleich mit denselben Modellen beginnen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export the comparison</source>
        <translation>Den Vergleich exportieren</translation>
    </message>
    <message>
        <source>Markdown…</source>
        <translation>Markdown …</translation>
    </message>
    <message>
        <source>Export as Markdown</source>
        <translation>Als Markdown exportieren</translation>
    </message>
    <message>
        <source>Web page (HTML)…</source>
        <translation>Webseite (HTML) …</translation>
    </message>
    <message>
        <source>Export as a web page</source>
        <translation>Als Webseite exportieren</translation>
    </message>
    <message>
        <source>Unload models</source>
        <translation>Modelle entladen</translation>
    </message>
    <message>
        <source>Unload the compared models to free memory</source>
        <translation>Die verglichenen Modelle entladen, um Speicher freizugeben</translation>
    </message>
    <message>
        <source>Hide names</source>
        <translation>Namen verbergen</translation>
    </message>
    <message>
        <source>Hide the model names until you reveal them</source>
        <translation>Die Modellnamen verbergen, bis Sie sie aufdecken</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Aufdecken</translation>
    </message>
    <message>
        <source>Show which model wrote which answer</source>
        <translation>Zeigen, welches Modell welche Antwort geschrieben hat</translation>
    </message>
    <message>
        <source>Tick two to four models on the left, then ask them all the same question. Their answers appear side by side with their speed.</source>
        <translation>Haken Sie links zwei bis vier Modelle an und stellen Sie ihnen dann allen dieselbe Frage. Ihre Antworten erscheinen nebeneinander, zusammen mit ihrer Geschwindigkeit.</translation>
    </message>
    <message>
        <source>Ask every model the same question…</source>
        <translation>Allen Modellen dieselbe Frage stellen …</translation>
    </message>
    <message>
        <source>Choose models first</source>
        <translation>Wählen Sie zuerst Modelle</translation>
    </message>
    <message>
        <source>Question for every model</source>
        <translation>Frage an alle Modelle</translation>
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
        <source>Stop every answer</source>
        <translation>Alle Antworten anhalten</translation>
    </message>
    <message>
        <source>Send to every model</source>
        <translation>An alle Modelle senden</translation>
    </message>
</context>
<context>
    <name>ComparePane</name>
    <message>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>reached the length limit</source>
        <translation>Längengrenze erreicht</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>context full</source>
        <translation>Kontext voll</translation>
    </message>
    <message>
        <source>first token %1 ms</source>
        <translation>erstes Token %1 ms</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 Token/s</translation>
    </message>
    <message>
        <source>1 token</source>
        <translation>1 Token</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Token</translation>
    </message>
    <message>
        <source>Loading model… %1%</source>
        <translation>Modell wird geladen … %1 %</translation>
    </message>
    <message>
        <source>Waiting for its turn</source>
        <translation>Wartet, bis es an der Reihe ist</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Schreibt …</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Answer of %1</source>
        <translation>Antwort von %1</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Verweigert</translation>
    </message>
    <message>
        <source>This model refused to answer</source>
        <translation>Dieses Modell hat die Antwort verweigert</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the answer of %1</source>
        <translation>Antwort von %1 kopieren</translation>
    </message>
    <message>
        <source>Reasoning: %1</source>
        <translation>Gedankengang: %1</translation>
    </message>
</context>
<context>
    <name>ConversationSettingsPanel</name>
    <message>
        <source>Conversation settings</source>
        <translation>Einstellungen der Unterhaltung</translation>
    </message>
    <message>
        <source>Close settings</source>
        <translation>Einstellungen schließen</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Systemprompt</translation>
    </message>
    <message>
        <source>How the assistant should behave, e.g. “Answer briefly, in French.”</source>
        <translation>Wie sich der Assistent verhalten soll, z. B. „Antworten Sie kurz, auf Französisch.“</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Stil</translation>
    </message>
    <message>
        <source>Sampling preset</source>
        <translation>Sampling-Voreinstellung</translation>
    </message>
    <message>
        <source>Temperature (0–2)</source>
        <translation>Temperatur (0–2)</translation>
    </message>
    <message>
        <source>Top-p (0–1)</source>
        <translation>Top-p (0–1)</translation>
    </message>
    <message>
        <source>Top-k (0 = off)</source>
        <translation>Top-k (0 = aus)</translation>
    </message>
    <message>
        <source>Min-p (0–1)</source>
        <translation>Min-p (0–1)</translation>
    </message>
    <message>
        <source>Repeat penalty (1 = off)</source>
        <translation>Wiederholungsstrafe (1 = aus)</translation>
    </message>
    <message>
        <source>Seed (−1 = new each time)</source>
        <translation>Seed (−1 = jedes Mal neu)</translation>
    </message>
    <message>
        <source>Longest reply (tokens)</source>
        <translation>Längste Antwort (Token)</translation>
    </message>
    <message>
        <source>Longest reply in tokens</source>
        <translation>Längste Antwort in Token</translation>
    </message>
    <message>
        <source>Context length (tokens)</source>
        <translation>Kontextlänge (Token)</translation>
    </message>
    <message>
        <source>Model default</source>
        <translation>Modellstandard</translation>
    </message>
    <message>
        <source>Context length in tokens</source>
        <translation>Kontextlänge in Token</translation>
    </message>
    <message>
        <source>How much of the conversation the model can see at once.</source>
        <translation>Wie viel der Unterhaltung das Modell auf einmal sehen kann.</translation>
    </message>
    <message>
        <source>How much of the conversation the model can see at once. The loaded model uses %1 tokens.</source>
        <translation>Wie viel der Unterhaltung das Modell auf einmal sehen kann. Das geladene Modell verwendet %1 Token.</translation>
    </message>
    <message>
        <source>Reload the model with %1 tokens</source>
        <translation>Modell mit %1 Token neu laden</translation>
    </message>
    <message>
        <source>When the context is full</source>
        <translation>Wenn der Kontext voll ist</translation>
    </message>
    <message>
        <source>Forget the oldest messages</source>
        <translation>Die ältesten Nachrichten vergessen</translation>
    </message>
    <message>
        <source>Stop and say so</source>
        <translation>Anhalten und Bescheid geben</translation>
    </message>
</context>
<context>
    <name>ConversationSidebar</name>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Search all conversations</source>
        <translation>Alle Unterhaltungen durchsuchen</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Nichts gefunden.</translation>
    </message>
    <message>
        <source>Your conversations will appear here.</source>
        <translation>Ihre Unterhaltungen erscheinen hier.</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>Neuer Name</translation>
    </message>
    <message>
        <source>Rename “%1”</source>
        <translation>„%1“ umbenennen</translation>
    </message>
    <message>
        <source>Rename (F2)</source>
        <translation>Umbenennen (F2)</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>„%1“ löschen</translation>
    </message>
    <message>
        <source>Delete (Del)</source>
        <translation>Löschen (Entf)</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>„%1“ gelöscht</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Löschen rückgängig machen</translation>
    </message>
    <message>
        <source>Import conversation…</source>
        <translation>Unterhaltung importieren …</translation>
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
    <name>DeviceChooser</name>
    <message>
        <source>Graphics device</source>
        <translation>Grafikgerät</translation>
    </message>
    <message>
        <source>Automatic (now: %1)</source>
        <translation>Automatisch (derzeit: %1)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <extracomment>device name, kind of device, memory, e.g. &quot;Radeon RX 7600 · Dedicated graphics card · 8 GB&quot;</extracomment>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1, cannot be used: %2</source>
        <translation>%1, nicht verwendbar: %2</translation>
    </message>
    <message>
        <source>Cannot be used: %1</source>
        <translation>Nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>%1 was not found this time. Choose Automatic or another device to load models.</source>
        <translation>%1 wurde diesmal nicht gefunden. Wählen Sie „Automatisch“ oder ein anderes Gerät, um Modelle zu laden.</translation>
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
    <message>
        <source>Resume the download of %1</source>
        <translation>Download von %1 fortsetzen</translation>
    </message>
    <message>
        <source>Paused at %1. Resume continues where it stopped.</source>
        <translation>Angehalten bei %1. „Fortsetzen“ macht dort weiter, wo der Download stehen geblieben ist.</translation>
    </message>
    <message>
        <source>Not now: show the Models section</source>
        <translation>Nicht jetzt: Bereich „Modelle“ anzeigen</translation>
    </message>
    <message>
        <source>Copying the model file</source>
        <translation>Modelldatei wird kopiert</translation>
    </message>
    <message>
        <source>Stop copying the model file</source>
        <translation>Kopieren der Modelldatei abbrechen</translation>
    </message>
</context>
<context>
    <name>LeaderboardChart</name>
    <message>
        <source>Leaderboard chart: ratings with 95% intervals</source>
        <translation>Ranglistendiagramm: Wertungen mit 95-%-Intervallen</translation>
    </message>
</context>
<context>
    <name>LeaderboardTable</name>
    <message>
        <source>Leaderboard table</source>
        <translation>Ranglistentabelle</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Rating (95% interval)</source>
        <translation>Wertung (95-%-Intervall)</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Stimmen</translation>
    </message>
    <message>
        <source>Won / lost / tied / both bad</source>
        <translation>Gewonnen / verloren / unentschieden / beide schlecht</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>Gewinnquote</translation>
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
        <translation>Modelle nach Wertung geordnet</translation>
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
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Arena</source>
        <translation>Arena</translation>
    </message>
    <message>
        <source>Suites</source>
        <translation>Testreihen</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>GPU: %1</source>
        <extracomment>the graphics device models run on, in the window&apos;s header</extracomment>
        <translation>GPU: %1</translation>
    </message>
    <message>
        <source>Models run on %1</source>
        <translation>Modelle laufen auf %1</translation>
    </message>
    <message>
        <source>Loading… %1%</source>
        <translation>Wird geladen … %1 %</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>Kein Modell geladen</translation>
    </message>
    <message>
        <source>Loaded model: %1</source>
        <translation>Geladenes Modell: %1</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (F1)</source>
        <translation>Tastenkürzel (F1)</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Strg+%1</translation>
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
    <message>
        <source>Thinking…</source>
        <translation>Denkt nach …</translation>
    </message>
    <message>
        <source>Thought for %1 s</source>
        <translation>%1 s nachgedacht</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Gedankengang</translation>
    </message>
    <message>
        <source>Edit your message</source>
        <translation>Ihre Nachricht bearbeiten</translation>
    </message>
    <message>
        <source>Sending replaces every message after this one.</source>
        <translation>Beim Senden werden alle Nachrichten danach ersetzt.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Edit and send again</source>
        <translation>Bearbeiten und erneut senden</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <source>Regenerate this reply</source>
        <translation>Diese Antwort neu erzeugen</translation>
    </message>
</context>
<context>
    <name>ModelCard</name>
    <message>
        <source>Fits %1</source>
        <translation>Passt zu %1</translation>
    </message>
    <message>
        <source>Tight on %1</source>
        <translation>Knapp für %1</translation>
    </message>
    <message>
        <source>Too big for %1</source>
        <translation>Zu groß für %1</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>Von %1</translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation>Geladen</translation>
    </message>
    <message>
        <source>Origin not stated</source>
        <translation>Herkunft nicht angegeben</translation>
    </message>
    <message>
        <source>Licence: %1</source>
        <translation>Lizenz: %1</translation>
    </message>
    <message>
        <source>Licence not stated</source>
        <translation>Lizenz nicht angegeben</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>Quantisierung</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Token</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Dateigröße</translation>
    </message>
    <message>
        <source>Memory needed</source>
        <translation>Benötigter Speicher</translation>
    </message>
    <message>
        <source>Linked: the file stays where it was imported from.</source>
        <translation>Verknüpft: Die Datei bleibt dort, von wo sie importiert wurde.</translation>
    </message>
    <message>
        <source>Reading the model&apos;s details…</source>
        <translation>Modelldetails werden gelesen …</translation>
    </message>
    <message>
        <source>Loading %1</source>
        <translation>%1 wird geladen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>%1 laden</translation>
    </message>
    <message>
        <source>Chat with it</source>
        <translation>Chatten</translation>
    </message>
    <message>
        <source>Chat with %1</source>
        <translation>Mit %1 chatten</translation>
    </message>
    <message>
        <source>Unload</source>
        <translation>Entladen</translation>
    </message>
    <message>
        <source>Unload %1</source>
        <translation>%1 entladen</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>Verknüpfung entfernen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Remove the link to %1</source>
        <translation>Verknüpfung zu %1 entfernen</translation>
    </message>
    <message>
        <source>Delete %1 from the disk</source>
        <translation>%1 von der Festplatte löschen</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Choose %1 models (%2 chosen)</source>
        <extracomment>How many models to tick, e.g. &quot;Choose 2 to 4 models (1 chosen)&quot;.</extracomment>
        <translation>%1 Modelle wählen (%2 gewählt)</translation>
    </message>
    <message>
        <source>Choose %1 to %2 models (%3 chosen)</source>
        <translation>%1 bis %2 Modelle wählen (%3 gewählt)</translation>
    </message>
    <message>
        <source>No models yet. Add models on the Models page; they appear here by themselves.</source>
        <translation>Noch keine Modelle. Fügen Sie auf der Seite „Modelle“ welche hinzu; sie erscheinen dann von selbst hier.</translation>
    </message>
    <message>
        <source>%1 (cannot run: %2)</source>
        <translation>%1 (nicht ausführbar: %2)</translation>
    </message>
</context>
<context>
    <name>ModelSwitcher</name>
    <message>
        <source>Choose a model</source>
        <translation>Modell wählen</translation>
    </message>
    <message>
        <source>Chat model</source>
        <translation>Chat-Modell</translation>
    </message>
    <message>
        <source>(too big)</source>
        <translation>(zu groß)</translation>
    </message>
    <message>
        <source>(tight)</source>
        <translation>(knapp)</translation>
    </message>
    <message>
        <source>(cannot run)</source>
        <translation>(nicht ausführbar)</translation>
    </message>
    <message>
        <source>(damaged)</source>
        <translation>(beschädigt)</translation>
    </message>
    <message>
        <source>Add a model…</source>
        <translation>Modell hinzufügen …</translation>
    </message>
    <message>
        <source>Open the models section to add a model</source>
        <translation>Den Bereich „Modelle“ öffnen, um ein Modell hinzuzufügen</translation>
    </message>
    <message>
        <source>Loading the model</source>
        <translation>Modell wird geladen</translation>
    </message>
    <message>
        <source>Unload the model</source>
        <translation>Modell entladen</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Only .gguf model files can be imported.</source>
        <translation>Nur .gguf-Modelldateien können importiert werden.</translation>
    </message>
    <message>
        <source>Import a model</source>
        <translation>Ein Modell importieren</translation>
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
        <source>Import “%1”</source>
        <translation>„%1“ importieren</translation>
    </message>
    <message numerus="yes">
        <source>Import %n models</source>
        <translation>
            <numerusform>%n Modell importieren</numerusform>
            <numerusform>%n Modelle importieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy into the models folder</source>
        <translation>In den Modellordner kopieren</translation>
    </message>
    <message>
        <source>Safe to move or delete the original afterwards; uses disk space.</source>
        <translation>Das Original kann danach verschoben oder gelöscht werden; belegt Speicherplatz.</translation>
    </message>
    <message>
        <source>Link to the file where it is</source>
        <translation>Mit der Datei an ihrem Ort verknüpfen</translation>
    </message>
    <message>
        <source>No extra disk space; the file must stay where it is.</source>
        <translation>Kein zusätzlicher Speicherplatz; die Datei muss bleiben, wo sie ist.</translation>
    </message>
    <message>
        <source>Remove the link?</source>
        <translation>Verknüpfung entfernen?</translation>
    </message>
    <message>
        <source>Delete this model?</source>
        <translation>Dieses Modell löschen?</translation>
    </message>
    <message>
        <source>“%1” will be removed from the list. The file it links to stays where it is.</source>
        <translation>„%1“ wird aus der Liste entfernt. Die verknüpfte Datei bleibt, wo sie ist.</translation>
    </message>
    <message>
        <source>“%1” will be deleted from your disk. This cannot be undone.</source>
        <translation>„%1“ wird von Ihrer Festplatte gelöscht. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>Neu einlesen</translation>
    </message>
    <message>
        <source>Look for model files in the folder again</source>
        <translation>Erneut nach Modelldateien im Ordner suchen</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Open the models folder in the file manager</source>
        <translation>Den Modellordner im Dateimanager öffnen</translation>
    </message>
    <message>
        <source>Import model…</source>
        <translation>Modell importieren …</translation>
    </message>
    <message>
        <source>Import a model file</source>
        <translation>Eine Modelldatei importieren</translation>
    </message>
    <message>
        <source>Models folder: %1 — files you put here appear by themselves.</source>
        <translation>Modellordner: %1 – Dateien, die Sie hier ablegen, erscheinen von selbst.</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert …</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Import-Fortschritt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <source>No models yet. Import a .gguf file, or drop one onto this page.</source>
        <translation>Noch keine Modelle. Importieren Sie eine .gguf-Datei oder ziehen Sie eine auf diese Seite.</translation>
    </message>
    <message>
        <source>Models in the folder</source>
        <translation>Modelle im Ordner</translation>
    </message>
    <message>
        <source>Drop .gguf files to import them</source>
        <translation>.gguf-Dateien hier ablegen, um sie zu importieren</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Same as the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Precise: focused, repeatable answers</source>
        <translation>Präzise: fokussierte, wiederholbare Antworten</translation>
    </message>
    <message>
        <source>Balanced: the model&apos;s usual behaviour</source>
        <translation>Ausgewogen: das übliche Verhalten des Modells</translation>
    </message>
    <message>
        <source>Creative: more varied, more surprising</source>
        <translation>Kreativ: abwechslungsreicher, überraschender</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Graphics device</source>
        <translation>Grafikgerät</translation>
    </message>
    <message>
        <source>Models run on this device. A change applies the next time a model is loaded.</source>
        <translation>Modelle laufen auf diesem Gerät. Eine Änderung gilt ab dem nächsten Laden eines Modells.</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Dem System folgen</translation>
    </message>
    <message>
        <source>Theme: %1</source>
        <translation>Farbschema: %1</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Sprache der Oberfläche</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>Ihre Daten</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>Datenordner: %1</translation>
    </message>
    <message>
        <source>Your conversations (history.sqlite), the log and the downloaded models live in this folder, on this computer only. Back it up to keep your history; delete it to forget everything.</source>
        <translation>Ihre Unterhaltungen (history.sqlite), das Protokoll und die heruntergeladenen Modelle liegen in diesem Ordner, nur auf diesem Computer. Sichern Sie ihn, um Ihren Verlauf zu behalten; löschen Sie ihn, um alles zu vergessen.</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Ändern …</translation>
    </message>
    <message>
        <source>Choose another models folder</source>
        <translation>Einen anderen Modellordner wählen</translation>
    </message>
    <message>
        <source>Use the default</source>
        <translation>Standard verwenden</translation>
    </message>
    <message>
        <source>Use the default models folder</source>
        <translation>Den Standard-Modellordner verwenden</translation>
    </message>
    <message>
        <source>Models already in the old folder stay there; move them yourself if you want them in the new one.</source>
        <translation>Modelle im alten Ordner bleiben dort; verschieben Sie sie selbst, wenn Sie sie im neuen haben möchten.</translation>
    </message>
    <message>
        <source>New conversations</source>
        <translation>Neue Unterhaltungen</translation>
    </message>
    <message>
        <source>What a new chat starts with. Each conversation can still change its own.</source>
        <translation>Womit ein neuer Chat beginnt. Jede Unterhaltung kann ihre eigenen Einstellungen weiterhin ändern.</translation>
    </message>
    <message>
        <source>Style of answers</source>
        <translation>Stil der Antworten</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>Kontextlänge</translation>
    </message>
    <message>
        <source>Model&apos;s default</source>
        <translation>Standard des Modells</translation>
    </message>
    <message>
        <source>Context length in tokens; 0 uses the model&apos;s default</source>
        <translation>Kontextlänge in Token; 0 verwendet den Standard des Modells</translation>
    </message>
    <message>
        <source>tokens; longer remembers more but needs more graphics memory</source>
        <translation>Token; länger merkt sich mehr, braucht aber mehr Grafikspeicher</translation>
    </message>
    <message>
        <source>When the conversation is full</source>
        <translation>Wenn die Unterhaltung voll ist</translation>
    </message>
    <message>
        <source>Stop and say so</source>
        <translation>Anhalten und Bescheid geben</translation>
    </message>
    <message>
        <source>Forget the oldest messages and go on</source>
        <translation>Die ältesten Nachrichten vergessen und weitermachen</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Systemprompt</translation>
    </message>
    <message>
        <source>Optional: instructions every new chat starts with, e.g. &quot;Answer briefly.&quot;</source>
        <translation>Optional: Anweisungen, mit denen jeder neue Chat beginnt, z. B. „Antworten Sie kurz.“</translation>
    </message>
    <message>
        <source>Default system prompt</source>
        <translation>Standard-Systemprompt</translation>
    </message>
    <message>
        <source>About Agora</source>
        <translation>Über Agora</translation>
    </message>
    <message>
        <source>Agora %1</source>
        <translation>Agora %1</translation>
    </message>
    <message>
        <source>Agora runs language models on this computer. Nothing leaves this computer unless you start a download; there is no account, no telemetry and no update check.</source>
        <translation>Agora führt Sprachmodelle auf diesem Computer aus. Nichts verlässt diesen Computer, außer Sie starten einen Download; es gibt kein Konto, keine Telemetrie und keine Suche nach Updates.</translation>
    </message>
    <message>
        <source>Choose the models folder</source>
        <translation>Modellordner wählen</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 anzeigen</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation>Umschalt+Eingabe</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>Neue Zeile in der Nachricht</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>Antwort anhalten</translation>
    </message>
    <message>
        <source>Show these shortcuts</source>
        <translation>Diese Tastenkürzel anzeigen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Strg+%1</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Strg+N</translation>
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
        <translation>Antwort von %1</translation>
    </message>
    <message>
        <source>Prompt: %1</source>
        <translation>Prompt: %1</translation>
    </message>
    <message>
        <source>System prompt: %1</source>
        <translation>Systemprompt: %1</translation>
    </message>
    <message>
        <source>%1 characters · %2 tokens · %3 s · %4 tokens/s · stop: %5</source>
        <translation>%1 Zeichen · %2 Token · %3 s · %4 Token/s · Ende: %5</translation>
    </message>
    <message>
        <source>Flagged as a refusal: its opening contains &quot;%1&quot;. The flag is a heuristic; read the answer.</source>
        <translation>Als Verweigerung markiert: Ihr Anfang enthält „%1“. Die Markierung ist nur eine Faustregel; lesen Sie die Antwort.</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Copy answer</source>
        <translation>Antwort kopieren</translation>
    </message>
</context>
<context>
    <name>SuiteExport</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Refusals</source>
        <translation>Verweigerungen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Mean length (characters)</source>
        <translation>Mittlere Länge (Zeichen)</translation>
    </message>
    <message>
        <source>Mean time (s)</source>
        <translation>Mittlere Zeit (s)</translation>
    </message>
</context>
<context>
    <name>SuiteResults</name>
    <message>
        <source>This file is not a saved suite run.</source>
        <translation>Diese Datei ist kein gespeicherter Lauf einer Testreihe.</translation>
    </message>
    <message>
        <source>This suite run was saved by a newer Agora; update Agora to open it.</source>
        <translation>Dieser Lauf wurde von einer neueren Agora-Version gespeichert; aktualisieren Sie Agora, um ihn zu öffnen.</translation>
    </message>
    <message>
        <source>This saved suite run is damaged: its table does not match its prompts and models.</source>
        <translation>Dieser gespeicherte Lauf ist beschädigt: Seine Tabelle passt nicht zu seinen Prompts und Modellen.</translation>
    </message>
</context>
<context>
    <name>SuiteResultsTable</name>
    <message>
        <source>Suite results</source>
        <translation>Ergebnisse der Testreihe</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Show prompts of category</source>
        <translation>Prompts dieser Kategorie anzeigen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Show prompts in language</source>
        <translation>Prompts in dieser Sprache anzeigen</translation>
    </message>
    <message numerus="yes">
        <source>%n prompt(s) shown</source>
        <translation>
            <numerusform>%n Prompt angezeigt</numerusform>
            <numerusform>%n Prompts angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 answers, %3 refusals, %4 failed, mean length %5 characters, mean time %6 s</source>
        <translation>%1: %2 Antworten, %3 Verweigerungen, %4 fehlgeschlagen, mittlere Länge %5 Zeichen, mittlere Zeit %6 s</translation>
    </message>
    <message>
        <source>%1 answers · %2 refusals · %3 failed</source>
        <translation>%1 Antworten · %2 Verweigerungen · %3 fehlgeschlagen</translation>
    </message>
    <message>
        <source>mean %1 characters · %2 s · %3 tokens/s</source>
        <translation>Mittel %1 Zeichen · %2 s · %3 Token/s</translation>
    </message>
    <message>
        <source>%1 on &quot;%2&quot;: %3</source>
        <translation>%1 zu „%2“: %3</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>answering…</source>
        <translation>antwortet …</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>verweigert</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>beantwortet</translation>
    </message>
    <message>
        <source>⚑ refusal · </source>
        <translation>⚑ Verweigerung · </translation>
    </message>
    <message>
        <source>%1 chars · %2 s · %3</source>
        <translation>%1 Zeichen · %2 s · %3</translation>
    </message>
</context>
<context>
    <name>SuiteSetupPanel</name>
    <message>
        <source>Suite</source>
        <translation>Testreihe</translation>
    </message>
    <message>
        <source>Perspectives</source>
        <translation>Perspektiven</translation>
    </message>
    <message>
        <source>Use the built-in Perspectives suite</source>
        <translation>Die mitgelieferte Testreihe „Perspektiven“ verwenden</translation>
    </message>
    <message>
        <source>Import suite…</source>
        <translation>Testreihe importieren …</translation>
    </message>
    <message>
        <source>Import a suite from a JSONL or CSV file</source>
        <translation>Eine Testreihe aus einer JSONL- oder CSV-Datei importieren</translation>
    </message>
    <message>
        <source>Reading the suite…</source>
        <translation>Testreihe wird gelesen …</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n prompt(s)</source>
        <translation>
            <numerusform>%1: %n Prompt</numerusform>
            <numerusform>%1: %n Prompts</numerusform>
        </translation>
    </message>
    <message>
        <source>No suite chosen yet.</source>
        <translation>Noch keine Testreihe gewählt.</translation>
    </message>
    <message>
        <source>Prompts in this suite</source>
        <translation>Prompts in dieser Testreihe</translation>
    </message>
    <message>
        <source>Longest answer (tokens)</source>
        <translation>Längste Antwort (Token)</translation>
    </message>
    <message>
        <source>Longest answer, in tokens; shorter answers make a run faster</source>
        <translation>Längste Antwort in Token; kürzere Antworten machen einen Lauf schneller</translation>
    </message>
    <message>
        <source>Models to ask</source>
        <translation>Zu befragende Modelle</translation>
    </message>
    <message>
        <source>Import a prompt suite</source>
        <translation>Eine Testreihe importieren</translation>
    </message>
    <message>
        <source>Prompt suites (*.jsonl *.csv)</source>
        <translation>Testreihen (*.jsonl *.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>SuitesPage</name>
    <message>
        <source>estimating…</source>
        <translation>wird geschätzt …</translation>
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
        <translation>Testreihen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Run the suite on the chosen models</source>
        <translation>Die Testreihe mit den gewählten Modellen starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the run and keep the finished answers</source>
        <translation>Lauf abbrechen und die fertigen Antworten behalten</translation>
    </message>
    <message>
        <source>%1 of %2 answers</source>
        <translation>%1 von %2 Antworten</translation>
    </message>
    <message>
        <source>%1 of %2 · %3 · elapsed %4 · left %5</source>
        <translation>%1 von %2 · %3 · vergangen %4 · verbleibend %5</translation>
    </message>
    <message>
        <source>Now: “%1”</source>
        <translation>Jetzt: „%1“</translation>
    </message>
    <message>
        <source>Current prompt: %1</source>
        <translation>Aktueller Prompt: %1</translation>
    </message>
    <message>
        <source>Earlier runs</source>
        <translation>Frühere Läufe</translation>
    </message>
    <message>
        <source>Open an earlier run</source>
        <translation>Einen früheren Lauf öffnen</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Every model carries a culture</source>
        <translation>Jedes Modell trägt eine Kultur in sich</translation>
    </message>
    <message>
        <source>Models trained in different places answer questions about history, politics, ethics and law differently, and some decline to answer. A suite asks every chosen model the same prompts, each in a fresh conversation, and puts the answers side by side with their length, time and a refusal mark. Choose a suite and at least one model, then Run. Everything stays on this computer.</source>
        <translation>Modelle, die an verschiedenen Orten trainiert wurden, beantworten Fragen zu Geschichte, Politik, Ethik und Recht unterschiedlich, und manche verweigern die Antwort. Eine Testreihe stellt jedem gewählten Modell dieselben Prompts, jeweils in einer neuen Unterhaltung, und zeigt die Antworten nebeneinander mit Länge, Dauer und einer Markierung für Verweigerungen. Wählen Sie eine Testreihe und mindestens ein Modell, dann „Starten“. Alles bleibt auf diesem Computer.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
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
        <translation>HTML-Seite</translation>
    </message>
    <message>
        <source>Export the results as %1</source>
        <translation>Ergebnisse als %1 exportieren</translation>
    </message>
    <message>
        <source>Saved with your history</source>
        <translation>Mit Ihrem Verlauf gespeichert</translation>
    </message>
    <message>
        <source>Export suite results</source>
        <translation>Ergebnisse der Testreihe exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Markdown-Dateien (*.md)</translation>
    </message>
    <message>
        <source>Web pages (*.html)</source>
        <translation>Webseiten (*.html)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
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
    <name>agora::app::AppSettings</name>
    <message>
        <source>Your settings could not be saved in %1. They apply until Agora closes.</source>
        <translation>Ihre Einstellungen konnten nicht in %1 gespeichert werden. Sie gelten, bis Agora beendet wird.</translation>
    </message>
</context>
<context>
    <name>agora::app::ArenaSession</name>
    <message>
        <source>The two models are still answering. Wait for them or stop them first.</source>
        <translation>Die beiden Modelle antworten noch. Warten Sie auf sie oder halten Sie sie zuerst an.</translation>
    </message>
    <message>
        <source>Vote on this round first, or skip it.</source>
        <translation>Stimmen Sie zuerst über diese Runde ab oder überspringen Sie sie.</translation>
    </message>
    <message>
        <source>Choose at least two models for the arena.</source>
        <translation>Wählen Sie mindestens zwei Modelle für die Arena.</translation>
    </message>
    <message>
        <source>Type a question or a task for the two models first.</source>
        <translation>Geben Sie zuerst eine Frage oder Aufgabe für die beiden Modelle ein.</translation>
    </message>
    <message>
        <source>The engine is not available.</source>
        <translation>Die Engine ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>The previous answers are still stopping. Try again in a moment.</source>
        <translation>Die vorherigen Antworten werden noch angehalten. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>%1 could not answer: %2</source>
        <extracomment>%1 is &quot;Model A&quot; or &quot;Model B&quot; (the names stay hidden), %2 what went wrong.</extracomment>
        <translation>%1 konnte nicht antworten: %2</translation>
    </message>
    <message>
        <source>The models could not answer.</source>
        <translation>Die Modelle konnten nicht antworten.</translation>
    </message>
    <message>
        <source>Unknown vote: %1</source>
        <translation>Unbekannte Stimme: %1</translation>
    </message>
    <message>
        <source>Wait until both answers are complete, or stop them, before you vote.</source>
        <translation>Warten Sie, bis beide Antworten fertig sind, oder halten Sie sie an, bevor Sie abstimmen.</translation>
    </message>
    <message>
        <source>There is no round to vote on. Ask the models something first.</source>
        <translation>Es gibt keine Runde zum Abstimmen. Stellen Sie den Modellen zuerst eine Frage.</translation>
    </message>
    <message>
        <source>Your vote could not be kept: the history database is not open.</source>
        <translation>Ihre Stimme konnte nicht gespeichert werden: Die Verlaufsdatenbank ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>%1 won this round against %2.</source>
        <translation>%1 hat diese Runde gegen %2 gewonnen.</translation>
    </message>
    <message>
        <source>A tie between %1 and %2.</source>
        <translation>Unentschieden zwischen %1 und %2.</translation>
    </message>
    <message>
        <source>Neither %1 nor %2 gave a good answer.</source>
        <translation>Weder %1 noch %2 hat gut geantwortet.</translation>
    </message>
    <message>
        <source>Your vote could not be saved: %1</source>
        <translation>Ihre Stimme konnte nicht gespeichert werden: %1</translation>
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
    <name>agora::app::CompareSession</name>
    <message>
        <source>Model %1</source>
        <extracomment>A model&apos;s name hidden in a blind comparison: &quot;Model A&quot;, &quot;Model B&quot;, ...</extracomment>
        <translation>Modell %1</translation>
    </message>
    <message>
        <source>These models do not fit into the graphics memory together, so they answer one after another: each model is loaded, answers and is unloaded before the next one starts.</source>
        <translation>Diese Modelle passen nicht gemeinsam in den Grafikspeicher, daher antworten sie nacheinander: Jedes Modell wird geladen, antwortet und wird entladen, bevor das nächste beginnt.</translation>
    </message>
    <message>
        <source>The engine is not available.</source>
        <translation>Die Engine ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Choose between two and four models to compare.</source>
        <translation>Wählen Sie zwei bis vier Modelle zum Vergleichen.</translation>
    </message>
    <message>
        <source>%1 could not be loaded: %2</source>
        <extracomment>%1 is a model&apos;s name, %2 why it could not be loaded.</extracomment>
        <translation>%1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Unknown export format: %1</source>
        <translation>Unbekanntes Exportformat: %1</translation>
    </message>
    <message>
        <source>There is nothing to export yet.</source>
        <translation>Es gibt noch nichts zu exportieren.</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Wählen Sie eine Datei für den Export.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <extracomment>%1: the file, %2: the system&apos;s reason.</extracomment>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>This comparison could not be saved to the history: %1</source>
        <extracomment>%1: the database&apos;s reason.</extracomment>
        <translation>Dieser Vergleich konnte nicht im Verlauf gespeichert werden: %1</translation>
    </message>
    <message>
        <source>This comparison could not be opened: %1</source>
        <translation>Dieser Vergleich konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>This comparison has no answers to show.</source>
        <translation>Dieser Vergleich enthält keine Antworten.</translation>
    </message>
    <message>
        <source>Wait for the answers to finish or stop them first.</source>
        <translation>Warten Sie, bis die Antworten fertig sind, oder halten Sie sie zuerst an.</translation>
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
    <name>agora::app::ConversationTransfer</name>
    <message>
        <source>Open a conversation to export it.</source>
        <translation>Öffnen Sie eine Unterhaltung, um sie zu exportieren.</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Wählen Sie eine Datei für den Export.</translation>
    </message>
    <message>
        <source>The conversation history is not available.</source>
        <translation>Der Verlauf der Unterhaltungen ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <extracomment>%1: a file path</extracomment>
        <translation>%1 ist keine Datei.</translation>
    </message>
    <message>
        <source>%1 is too large to be an Agora conversation export.</source>
        <extracomment>%1: a file path</extracomment>
        <translation>%1 ist zu groß für eine von Agora exportierte Unterhaltung.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <extracomment>%1: a file path, %2: the system&apos;s reason</extracomment>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <extracomment>%1: a file path, %2: the system&apos;s reason</extracomment>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>This file cannot be imported: %1</source>
        <extracomment>%1: the reason, in English (from the history database or the file&apos;s check)</extracomment>
        <translation>Diese Datei kann nicht importiert werden: %1</translation>
    </message>
    <message>
        <source>The conversation cannot be exported: %1</source>
        <translation>Die Unterhaltung kann nicht exportiert werden: %1</translation>
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
    <message>
        <source>This model is not loaded.</source>
        <translation>Dieses Modell ist nicht geladen.</translation>
    </message>
</context>
<context>
    <name>agora::app::LeaderboardModel</name>
    <message>
        <source>Rank %1: %2, rating %3 (95% interval %4 to %5), %6 votes: %7 won, %8 lost, %9 tied or both bad</source>
        <extracomment>A leaderboard row read aloud: rank, model, rating, its 95% interval, then the vote counts.</extracomment>
        <translation>Rang %1: %2, Wertung %3 (95-%-Intervall %4 bis %5), %6 Stimmen: %7 gewonnen, %8 verloren, %9 unentschieden oder beide schlecht</translation>
    </message>
    <message>
        <source>The votes could not be deleted: %1</source>
        <translation>Die Stimmen konnten nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>The votes could not be read: %1</source>
        <translation>Die Stimmen konnten nicht gelesen werden: %1</translation>
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
        <source>The conversation no longer fits the model&apos;s context: its oldest messages were left out of this reply.</source>
        <translation>Die Unterhaltung passt nicht mehr in den Kontext des Modells: Ihre ältesten Nachrichten wurden für diese Antwort weggelassen.</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Reached the reply length limit</source>
        <translation>Maximale Antwortlänge erreicht</translation>
    </message>
    <message>
        <source>Context full: the conversation is too long for this model&apos;s context</source>
        <translation>Kontext voll: Die Unterhaltung ist zu lang für den Kontext dieses Modells</translation>
    </message>
    <message>
        <source>This message is still being saved; try again in a moment.</source>
        <translation>Diese Nachricht wird noch gespeichert; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The conversation could not be saved or read: %1</source>
        <extracomment>%1: the database&apos;s reason, in English</extracomment>
        <translation>Die Unterhaltung konnte nicht gespeichert oder gelesen werden: %1</translation>
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
    <message>
        <source>Agora cannot run its weight types yet: %1</source>
        <translation>Agora kann die Gewichtstypen dieses Modells noch nicht ausführen: %1</translation>
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
<context>
    <name>agora::app::ModelFileCopy</name>
    <message>
        <source>The file “%1” could not be read: %2</source>
        <translation>Die Datei „%1“ konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The models folder cannot be written to: %1</source>
        <translation>In den Modellordner kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>Der Import wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Writing the copy failed (is the disk full?): %1</source>
        <translation>Das Schreiben der Kopie ist fehlgeschlagen (ist der Datenträger voll?): %1</translation>
    </message>
    <message>
        <source>A model file named “%1” is already in the models folder.</source>
        <translation>Im Modellordner gibt es bereits eine Modelldatei namens „%1“.</translation>
    </message>
    <message>
        <source>The copy could not be given its final name “%1”.</source>
        <translation>Die Kopie konnte nicht ihren endgültigen Namen „%1“ erhalten.</translation>
    </message>
</context>
<context>
    <name>agora::app::ModelImport</name>
    <message>
        <source>%1 is not a file that can be opened.</source>
        <translation>%1 ist keine Datei, die geöffnet werden kann.</translation>
    </message>
    <message>
        <source>%1 is not a model Agora can open: %2</source>
        <translation>%1 ist kein Modell, das Agora öffnen kann: %2</translation>
    </message>
    <message>
        <source>The models folder %1 cannot be created. Choose another one in the settings.</source>
        <translation>Der Modellordner %1 kann nicht angelegt werden. Wählen Sie in den Einstellungen einen anderen.</translation>
    </message>
    <message>
        <source>A different file named %1 is already in the models folder. Rename one of them and try again.</source>
        <translation>Im Modellordner gibt es bereits eine andere Datei namens %1. Benennen Sie eine der beiden um und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Not enough free disk space for %1: it needs %2, but only %3 is free in %4.</source>
        <translation>Nicht genug freier Speicherplatz für %1: Benötigt werden %2, in %4 sind aber nur %3 frei.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot write in the models folder: %1</source>
        <translation>Im Modellordner kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Copying stopped after %1: %2. Is the disk full?</source>
        <translation>Das Kopieren brach nach %1 ab: %2. Ist der Datenträger voll?</translation>
    </message>
    <message>
        <source>%1 changed or became unreadable while it was copied.</source>
        <translation>%1 hat sich beim Kopieren verändert oder ist unlesbar geworden.</translation>
    </message>
    <message>
        <source>The copy could not be renamed to %1.</source>
        <translation>Die Kopie konnte nicht in %1 umbenannt werden.</translation>
    </message>
</context>
<context>
    <name>agora::app::ModelImporter</name>
    <message>
        <source>The import was cancelled.</source>
        <translation>Der Import wurde abgebrochen.</translation>
    </message>
    <message>
        <source>No models folder is set.</source>
        <translation>Es ist kein Modellordner festgelegt.</translation>
    </message>
    <message>
        <source>The file “%1” does not exist.</source>
        <translation>Die Datei „%1“ existiert nicht.</translation>
    </message>
    <message>
        <source>“%1” is a folder, not a model file.</source>
        <translation>„%1“ ist ein Ordner, keine Modelldatei.</translation>
    </message>
    <message>
        <source>The file “%1” cannot be read (no permission).</source>
        <translation>Die Datei „%1“ kann nicht gelesen werden (keine Berechtigung).</translation>
    </message>
    <message>
        <source>“%1” is already in the models folder.</source>
        <translation>„%1“ ist bereits im Modellordner.</translation>
    </message>
    <message>
        <source>A model file named “%1” is already in the models folder. Rename the file or remove the other model first.</source>
        <translation>Im Modellordner gibt es bereits eine Modelldatei namens „%1“. Benennen Sie die Datei um oder entfernen Sie zuerst das andere Modell.</translation>
    </message>
    <message>
        <source>The engine is not ready yet; try again in a moment.</source>
        <translation>Die Engine ist noch nicht bereit; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>“%1” is not a model Agora can read.</source>
        <translation>„%1“ ist kein Modell, das Agora lesen kann.</translation>
    </message>
    <message>
        <source>The models folder “%1” cannot be created.</source>
        <translation>Der Modellordner „%1“ kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>A link to “%1” could not be made in the models folder.</source>
        <translation>Im Modellordner konnte keine Verknüpfung zu „%1“ angelegt werden.</translation>
    </message>
    <message>
        <source>Not enough free disk space: the model needs %1, the disk has %2 free. Free some space or link to the file instead of copying it.</source>
        <translation>Nicht genug freier Speicherplatz: Das Modell braucht %1, auf dem Datenträger sind %2 frei. Geben Sie Speicherplatz frei oder verknüpfen Sie die Datei, statt sie zu kopieren.</translation>
    </message>
</context>
<context>
    <name>agora::app::ModelLibrary</name>
    <message>
        <source>The file this link points to is gone: %1</source>
        <translation>Die Datei, auf die diese Verknüpfung zeigt, ist nicht mehr vorhanden: %1</translation>
    </message>
    <message>
        <source>Agora cannot run this model yet: its weights use %1.</source>
        <translation>Agora kann dieses Modell noch nicht ausführen: Seine Gewichte verwenden %1.</translation>
    </message>
    <message>
        <source>This file holds only a vocabulary, no model weights.</source>
        <translation>Diese Datei enthält nur ein Vokabular, keine Modellgewichte.</translation>
    </message>
    <message>
        <source>The engine is not ready yet; try again in a moment.</source>
        <translation>Die Engine ist noch nicht bereit; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>“%1” is not in the models folder.</source>
        <translation>„%1“ ist nicht im Modellordner.</translation>
    </message>
    <message>
        <source>Only files on this computer can be imported.</source>
        <translation>Nur Dateien auf diesem Computer können importiert werden.</translation>
    </message>
    <message>
        <source>Unknown import mode “%1”.</source>
        <translation>Unbekannte Importart „%1“.</translation>
    </message>
    <message>
        <source>“%1” is in use. Unload it before removing it.</source>
        <translation>„%1“ wird gerade verwendet. Entladen Sie es, bevor Sie es entfernen.</translation>
    </message>
    <message>
        <source>“%1” could not be removed: %2</source>
        <translation>„%1“ konnte nicht entfernt werden: %2</translation>
    </message>
</context>
<context>
    <name>agora::app::SamplingPresets</name>
    <message>
        <source>Precise</source>
        <translation>Präzise</translation>
    </message>
    <message>
        <source>Creative</source>
        <translation>Kreativ</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Eigene</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>Ausgewogen</translation>
    </message>
    <message>
        <source>Sticks to the likeliest words: facts, code, translations.</source>
        <translation>Hält sich an die wahrscheinlichsten Wörter: Fakten, Code, Übersetzungen.</translation>
    </message>
    <message>
        <source>More surprising words and fewer repeats: stories and ideas.</source>
        <translation>Überraschendere Wörter und weniger Wiederholungen: Geschichten und Ideen.</translation>
    </message>
    <message>
        <source>Your own values for every setting below.</source>
        <translation>Ihre eigenen Werte für jede Einstellung unten.</translation>
    </message>
    <message>
        <source>A middle way for everyday conversation.</source>
        <translation>Ein Mittelweg für alltägliche Unterhaltungen.</translation>
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
        <translation>Die Engine ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Choose a suite file first.</source>
        <translation>Wählen Sie zuerst eine Testreihen-Datei.</translation>
    </message>
    <message>
        <source>%1 holds no prompts.</source>
        <translation>%1 enthält keine Prompts.</translation>
    </message>
    <message>
        <source>Perspectives</source>
        <translation>Perspektiven</translation>
    </message>
    <message>
        <source>A suite is already running; cancel it first.</source>
        <translation>Es läuft bereits eine Testreihe; brechen Sie sie zuerst ab.</translation>
    </message>
    <message>
        <source>Choose a suite first.</source>
        <translation>Wählen Sie zuerst eine Testreihe.</translation>
    </message>
    <message>
        <source>Choose at least one model.</source>
        <translation>Wählen Sie mindestens ein Modell.</translation>
    </message>
    <message>
        <source>greedy decoding (temperature 0), at most %1 tokens per answer, every prompt in a fresh conversation</source>
        <translation>Greedy-Decoding (Temperatur 0), höchstens %1 Token pro Antwort, jeder Prompt in einer neuen Unterhaltung</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen …</translation>
    </message>
    <message>
        <source>Asking %1: prompt %2 of %3</source>
        <translation>%1 wird befragt: Prompt %2 von %3</translation>
    </message>
    <message>
        <source>Loading %1… %2%</source>
        <translation>%1 wird geladen … %2 %</translation>
    </message>
    <message>
        <source>The chosen models do not fit in memory together, so they answer one after the other.</source>
        <translation>Die gewählten Modelle passen nicht gemeinsam in den Speicher, daher antworten sie nacheinander.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <source>Cancelled: %1 of %2 answers kept.</source>
        <translation>Abgebrochen: %1 von %2 Antworten behalten.</translation>
    </message>
    <message>
        <source>Finished: %1 answers.</source>
        <translation>Fertig: %1 Antworten.</translation>
    </message>
    <message>
        <source>Could not create the folder for suite results: %1</source>
        <translation>Der Ordner für die Ergebnisse der Testreihen konnte nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Could not save the suite results to %1: %2</source>
        <translation>Die Ergebnisse der Testreihe konnten nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>A suite is running; cancel it before opening another run.</source>
        <translation>Eine Testreihe läuft; brechen Sie sie ab, bevor Sie einen anderen Lauf öffnen.</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>This file is not a saved suite run.</source>
        <translation>Diese Datei ist kein gespeicherter Lauf einer Testreihe.</translation>
    </message>
    <message>
        <source>Unknown export format: %1</source>
        <translation>Unbekanntes Exportformat: %1</translation>
    </message>
    <message>
        <source>There are no results to export yet.</source>
        <translation>Es gibt noch keine Ergebnisse zum Exportieren.</translation>
    </message>
</context>
</TS>
