// The arena: a blind taste test between the person's own models. Two of the chosen models answer
// the same question as "Model A" and "Model B"; the person votes (buttons or keys 1-4) once both
// answers are in, the names are revealed with the winner, and the vote goes into a private
// leaderboard (the second tab). With fewer than two usable models it explains what the arena is
// and where models come from.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Agora

Pane {
    id: page

    property EngineBridge bridge
    property QtObject store: null
    property string modelsFolder: ""
    property bool darkTheme: false
    // Tests hand in their own (e.g. with a fixed seed); the window uses the page's own.
    property ArenaSession session: ArenaSession { bridge: page.bridge; store: page.store }
    property LeaderboardModel leaderboard: LeaderboardModel { bridge: page.bridge; store: page.store }
    property ModelLibrary library: ModelLibrary { bridge: page.bridge; folder: page.modelsFolder }

    // Usable models in the folder (path, name), and the ones the person took out of the arena.
    property var usableModels: []
    property var excludedPaths: []

    signal modelsRequested() // "Add models": the window may show the Models section

    objectName: "arenaPage"
    padding: 12
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Arena")

    function refreshUsableModels() {
        const list = []
        for (let i = 0; i < library.count; ++i) {
            const row = library.get(i)
            if (row.status === "ok")
                list.push({ path: row.path, name: row.displayName })
        }
        usableModels = list
        applySelection()
    }
    function applySelection() {
        session.models = usableModels.map(m => m.path).filter(p => excludedPaths.indexOf(p) < 0)
    }
    function setIncluded(path, included) {
        const rest = excludedPaths.filter(p => p !== path)
        excludedPaths = included ? rest : rest.concat([path])
        applySelection()
    }
    function startRound() {
        if (session.start(promptField.text))
            votePanel.forceActiveFocus()
    }
    function newRound() {
        promptField.clear()
        promptField.forceActiveFocus()
    }
    function resultOf(side) {
        const o = session.outcome
        if (o === "tie") return "tie"
        if (o === "both-bad") return "bad"
        return o === side ? "won" : "lost"
    }

    Connections {
        target: page.library
        function onCountChanged() { page.refreshUsableModels() }
        function onDataChanged() { page.refreshUsableModels() }
        function onModelReset() { page.refreshUsableModels() }
    }
    Component.onCompleted: refreshUsableModels()

    // Votes by key: 1 = A is better, 2 = B is better, 3 = tie, 4 = both bad (typing in the
    // question field is not affected: text fields take printable keys first).
    Repeater {
        model: ["a", "b", "tie", "both-bad"]
        delegate: Item {
            required property string modelData
            required property int index
            Shortcut {
                sequence: String(index + 1)
                enabled: page.visible && page.session.canVote && tabs.currentIndex === 0
                onActivated: page.session.vote(modelData)
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        TabBar {
            id: tabs
            objectName: "arenaTabs"
            Layout.fillWidth: true
            TabButton {
                objectName: "playTab"
                text: qsTr("Rounds")
                Accessible.name: text
            }
            TabButton {
                objectName: "leaderboardTab"
                text: qsTr("Leaderboard (%1)").arg(page.leaderboard.totalVotes)
                Accessible.name: qsTr("Leaderboard, %n vote(s)", "", page.leaderboard.totalVotes)
            }
        }

        StackLayout {
            currentIndex: tabs.currentIndex
            Layout.fillWidth: true
            Layout.fillHeight: true

            Item {
                // Fewer than two models: what the arena is, and where models come from.
                ColumnLayout {
                    objectName: "arenaEmptyState"
                    visible: page.usableModels.length < 2
                    anchors.centerIn: parent
                    width: Math.min(parent.width - 48, 560)
                    spacing: 12
                    Label {
                        text: qsTr("A blind taste test for your models")
                        font.pixelSize: 20
                        font.weight: Font.DemiBold
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }
                    Label {
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                        text: qsTr("Ask a question and two of your models answer it side by side, without "
                                   + "their names. You pick the better answer, and only then do you see who "
                                   + "was who. Round by round, a private leaderboard shows which models you "
                                   + "prefer, judged on your own questions and nothing else. Everything stays "
                                   + "on this computer.")
                    }
                    Label {
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                        font.weight: Font.DemiBold
                        text: page.usableModels.length === 1
                              ? qsTr("You have one model. Add at least one more to start.")
                              : qsTr("Add at least two models to start.")
                    }
                    Button {
                        objectName: "addModelsButton"
                        text: qsTr("Add models")
                        highlighted: true
                        focusPolicy: Qt.StrongFocus
                        Accessible.name: qsTr("Add models on the Models page")
                        onClicked: page.modelsRequested()
                    }
                }

                ColumnLayout {
                    objectName: "arenaPlay"
                    visible: page.usableModels.length >= 2
                    anchors.fill: parent
                    spacing: 8

                    Label {
                        text: qsTr("Models taking part (%1 of %2). Each round two of them are drawn at random.")
                              .arg(page.session.models.length).arg(page.usableModels.length)
                        wrapMode: Text.Wrap
                        opacity: 0.8
                        Layout.fillWidth: true
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: 4
                        Repeater {
                            model: page.usableModels
                            delegate: CheckBox {
                                required property var modelData
                                objectName: "arenaModel_" + modelData.name
                                text: modelData.name
                                checked: page.excludedPaths.indexOf(modelData.path) < 0
                                focusPolicy: Qt.StrongFocus
                                Accessible.name: qsTr("Include %1 in the arena").arg(modelData.name)
                                onToggled: page.setIncluded(modelData.path, checked)
                            }
                        }
                    }

                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 8
                        TextArea {
                            id: promptField
                            objectName: "arenaPrompt"
                            Layout.fillWidth: true
                            Layout.maximumHeight: 140
                            wrapMode: TextEdit.Wrap
                            placeholderText: qsTr("Ask both models something… (Enter starts the round, Shift+Enter adds a line)")
                            enabled: page.session.phase !== ArenaSession.Answering
                            Accessible.role: Accessible.EditableText
                            Accessible.name: qsTr("Question for both models")
                            Keys.onPressed: event => {
                                if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                                        && !(event.modifiers & Qt.ShiftModifier)) {
                                    event.accepted = true
                                    page.startRound()
                                }
                            }
                        }
                        Button {
                            objectName: "startRoundButton"
                            visible: page.session.phase !== ArenaSession.Answering
                            text: qsTr("Start round")
                            highlighted: true
                            enabled: page.session.canStart && promptField.text.trim() !== ""
                            focusPolicy: Qt.StrongFocus
                            Accessible.name: qsTr("Send the question to two hidden models")
                            onClicked: page.startRound()
                        }
                        Button {
                            objectName: "stopRoundButton"
                            visible: page.session.phase === ArenaSession.Answering
                            text: qsTr("Stop")
                            focusPolicy: Qt.StrongFocus
                            Accessible.name: qsTr("Stop both answers")
                            onClicked: page.session.stop()
                        }
                    }
                    ArenaSuggestions {
                        visible: page.session.round === 0 && promptField.text === ""
                        Layout.fillWidth: true
                        onChosen: question => { promptField.text = question; promptField.forceActiveFocus() }
                    }
                    Shortcut {
                        sequence: "Esc"
                        enabled: page.visible && page.session.phase === ArenaSession.Answering
                        onActivated: page.session.stop()
                    }

                    Label {
                        objectName: "arenaError"
                        visible: text !== ""
                        text: page.session.error
                        color: Material.color(Material.Red)
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        objectName: "arenaNotice"
                        visible: text !== ""
                        text: page.session.notice
                        wrapMode: Text.Wrap
                        opacity: 0.8
                        Layout.fillWidth: true
                    }

                    RowLayout {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        spacing: 10
                        ArenaAnswerPane {
                            objectName: "sideA"
                            label: page.session.nameA
                            answer: page.session.answerA
                            revealed: page.session.revealed
                            result: page.session.revealed ? page.resultOf("a") : ""
                            darkTheme: page.darkTheme
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            Layout.preferredWidth: 1
                        }
                        ArenaAnswerPane {
                            objectName: "sideB"
                            label: page.session.nameB
                            answer: page.session.answerB
                            revealed: page.session.revealed
                            result: page.session.revealed ? page.resultOf("b") : ""
                            darkTheme: page.darkTheme
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            Layout.preferredWidth: 1
                        }
                    }

                    ArenaVotePanel {
                        id: votePanel
                        session: page.session
                        Layout.fillWidth: true
                        onNewRoundRequested: page.newRound()
                    }
                }
            }

            ArenaLeaderboardPanel {
                leaderboard: page.leaderboard
                darkTheme: page.darkTheme
            }
        }
    }
}
