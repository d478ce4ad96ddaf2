// The arena's verdict row: while the models answer it says the vote opens once both are done;
// then four choices (A is better, B is better, tie, both bad; keys 1-4) and "Skip"; after the
// vote the revealed result and "New round". Focus lands on the first enabled choice.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Agora

FocusScope {
    id: panel

    property ArenaSession session: null
    signal newRoundRequested()

    readonly property int phase: session ? session.phase : ArenaSession.Idle
    readonly property var choices: [
        { outcome: "a", label: qsTr("A is better"), key: "1" },
        { outcome: "b", label: qsTr("B is better"), key: "2" },
        { outcome: "tie", label: qsTr("It's a tie"), key: "3" },
        { outcome: "both-bad", label: qsTr("Both are bad"), key: "4" }
    ]

    objectName: "arenaVotePanel"
    implicitHeight: column.implicitHeight
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("Your vote")

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 6

        Label {
            objectName: "voteHint"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            font.weight: panel.phase === ArenaSession.Revealed ? Font.DemiBold : Font.Normal
            font.pixelSize: panel.phase === ArenaSession.Revealed ? 16 : 14
            text: {
                switch (panel.phase) {
                case ArenaSession.Answering: return qsTr("You can vote once both answers are complete (or stopped).")
                case ArenaSession.Voting: return qsTr("Which answer is better? Press 1–4 or choose below.")
                case ArenaSession.Revealed: return panel.session.verdict
                case ArenaSession.Failed: return qsTr("This round cannot be judged. Ask again or choose other models.")
                }
                return panel.session && panel.session.round > 0 ? qsTr("Ask the next question above.")
                                                                : qsTr("Ask a question above to start the first round.")
            }
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }

        RowLayout {
            visible: panel.phase === ArenaSession.Answering || panel.phase === ArenaSession.Voting
            Layout.fillWidth: true
            spacing: 6
            Repeater {
                model: panel.choices
                delegate: Button {
                    required property var modelData
                    required property int index
                    objectName: "vote_" + modelData.outcome
                    text: qsTr("%1 (%2)").arg(modelData.label).arg(modelData.key)
                    enabled: panel.session && panel.session.canVote
                    focus: index === 0
                    focusPolicy: Qt.StrongFocus
                    highlighted: index < 2
                    Layout.fillWidth: true
                    Accessible.name: modelData.label
                    Accessible.description: qsTr("Key %1").arg(modelData.key)
                    onClicked: panel.session.vote(modelData.outcome)
                }
            }
            Button {
                objectName: "skipRoundButton"
                text: qsTr("Skip")
                flat: true
                enabled: panel.phase === ArenaSession.Voting
                focusPolicy: Qt.StrongFocus
                Accessible.name: qsTr("Skip this round without voting")
                onClicked: panel.session.skip()
            }
        }

        Button {
            objectName: "newRoundButton"
            visible: panel.phase === ArenaSession.Revealed
            text: qsTr("New round")
            highlighted: true
            focus: visible
            focusPolicy: Qt.StrongFocus
            Accessible.name: qsTr("Start a new round with a new question")
            onClicked: panel.newRoundRequested()
        }
    }
}
