// One side of an arena round: "Model A" or "Model B" until the vote (then the model's name and
// whether it won), what the model is doing (loading, writing, done, stopped), its answer as
// Markdown (selectable, read by screen readers), a collapsible reasoning section, and after the
// vote its speed (hidden before: speed would give a model away).
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

Pane {
    id: pane

    property string label: ""            // "Model A" before the vote, the model's name after
    property var answer: ({})            // ArenaSession.answerA / answerB
    property bool revealed: false
    property string result: ""           // after the vote: "won", "lost", "tie", "bad"
    property bool darkTheme: false
    property bool reasoningOpen: false

    readonly property string answerState: answer.state || "idle"
    readonly property string statusText: {
        switch (answerState) {
        case "loading": return qsTr("Loading the model… %1%").arg(Math.round((answer.loadProgress || 0) * 100))
        case "waiting": return qsTr("Waiting for its turn…")
        case "streaming": return qsTr("Writing…")
        case "failed": return qsTr("Could not answer: %1").arg(answer.error || "")
        case "done":
            if (answer.stopReason === "cancelled") return qsTr("Stopped")
            if (answer.stopReason === "max_tokens") return qsTr("Stopped at the length limit")
            if (answer.refusal) return qsTr("Done: declined to answer")
            return qsTr("Done")
        }
        return ""
    }
    readonly property string resultText: result === "won" ? qsTr("Winner")
                                        : result === "tie" ? qsTr("Tie")
                                        : result === "bad" ? qsTr("Not good") : ""

    padding: 12
    Accessible.role: Accessible.Grouping
    Accessible.name: label
    Accessible.description: statusText

    background: Rectangle {
        radius: 12
        color: pane.darkTheme ? "#1f2528" : "#ffffff"
        // A thick accent border for the winner and for keyboard focus on the answer.
        border.width: pane.result === "won" || answerText.activeFocus ? 2 : 1
        border.color: pane.result === "won" || answerText.activeFocus ? pane.Material.accent
                                                                       : (pane.darkTheme ? "#33403f" : "#dde3e2")
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Label {
                objectName: "sideName"
                text: pane.label
                font.pixelSize: 17
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Rectangle {
                objectName: "resultBadge"
                visible: pane.revealed && pane.resultText !== ""
                radius: height / 2
                color: pane.result === "won" ? pane.Material.accent : (pane.darkTheme ? "#33403f" : "#e5e7eb")
                implicitWidth: resultLabel.implicitWidth + 16
                implicitHeight: resultLabel.implicitHeight + 6
                Label {
                    id: resultLabel
                    anchors.centerIn: parent
                    text: pane.resultText
                    color: pane.result === "won" ? (pane.darkTheme ? "#0b1f1d" : "white") : pane.Material.foreground
                    font.pixelSize: 12
                    font.weight: Font.DemiBold
                }
                Accessible.role: Accessible.StaticText
                Accessible.name: pane.resultText
            }
        }
        Label {
            objectName: "sideStatus"
            text: pane.statusText
            opacity: 0.7
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            color: pane.answerState === "failed" ? pane.Material.color(Material.Red) : pane.Material.foreground
        }
        ProgressBar {
            visible: pane.answerState === "loading"
            value: pane.answer.loadProgress || 0
            Layout.fillWidth: true
            Accessible.name: pane.statusText
        }

        Button {
            objectName: "reasoningToggle"
            visible: (pane.answer.reasoning || "") !== ""
            flat: true
            checkable: true
            checked: pane.reasoningOpen
            text: checked ? qsTr("Hide reasoning") : qsTr("Show reasoning")
            onToggled: pane.reasoningOpen = checked
            Accessible.name: text
        }
        Label {
            visible: pane.reasoningOpen && (pane.answer.reasoning || "") !== ""
            Layout.fillWidth: true
            text: pane.answer.reasoning || ""
            wrapMode: Text.Wrap
            font.italic: true
            opacity: 0.7
        }

        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: availableWidth
            TextEdit {
                id: answerText
                objectName: "answerText"
                width: parent.width
                readOnly: true
                selectByMouse: true
                textFormat: TextEdit.MarkdownText
                wrapMode: TextEdit.Wrap
                text: (pane.answer.text || "") + (pane.answerState === "streaming" ? " ▍" : "")
                color: pane.Material.foreground
                selectionColor: pane.Material.accent
                activeFocusOnTab: true
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Answer of %1: %2").arg(pane.label).arg(pane.answer.text || "")
            }
        }

        Label {
            objectName: "sideStats"
            visible: pane.revealed && pane.answer.tokensPerSecond !== undefined
            text: qsTr("%1 tokens/s · %2 tokens").arg(Number(pane.answer.tokensPerSecond || 0).toLocaleString(Qt.locale(), "f", 1))
                                               .arg(pane.answer.generatedTokens || 0)
            opacity: 0.7
            font.pixelSize: 12
        }
    }
}
