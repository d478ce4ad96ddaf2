// One model's column in a comparison: its name, its earlier turns, this turn's answer streaming in
// as Markdown, and the numbers people compare (time to first token, tokens per second, tokens,
// why it stopped), a refusal badge and the load progress while its model loads.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Agora

Pane {
    id: pane

    property int paneIndex: 0
    property string modelName: ""
    property string text: ""
    property string reasoning: ""
    property bool streaming: false
    property real loadProgress: 0
    property real timeToFirstTokenMs: 0
    property real tokensPerSecond: 0
    property int generatedTokens: 0
    property string stopReason: ""
    property bool refusal: false
    property string error: ""
    property int paneState: CompareSession.PaneState.Idle
    property string prompt: ""
    property var earlierTurns: []
    property bool darkTheme: false

    signal copyRequested(string text)

    function stopReasonText(reason) {
        switch (reason) {
        case "end_of_turn": return qsTr("finished")
        case "max_tokens": return qsTr("reached the length limit")
        case "cancelled": return qsTr("stopped")
        case "context_full": return qsTr("context full")
        case "": return ""
        default: return reason
        }
    }

    function statsText(ttft, rate, tokens, reason) {
        const parts = []
        parts.push(qsTr("first token %1 ms").arg(Math.round(ttft)))
        parts.push(qsTr("%1 tokens/s").arg(Number(rate).toLocaleString(Qt.locale(), "f", 1)))
        parts.push(tokens === 1 ? qsTr("1 token") : qsTr("%1 tokens").arg(tokens))
        if (reason !== "")
            parts.push(stopReasonText(reason))
        return parts.join(" · ")
    }

    readonly property string stateText: {
        switch (paneState) {
        case CompareSession.PaneState.Loading: return qsTr("Loading model… %1%").arg(Math.round(loadProgress * 100))
        case CompareSession.PaneState.Waiting: return qsTr("Waiting for its turn")
        case CompareSession.PaneState.Streaming: return qsTr("Writing…")
        case CompareSession.PaneState.Failed: return qsTr("Failed")
        default: return ""
        }
    }

    objectName: "comparePane_" + paneIndex
    Material.elevation: 2
    padding: 10
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Answer of %1").arg(modelName)

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        RowLayout {
            Layout.fillWidth: true
            spacing: 6
            Label {
                objectName: "paneModelName"
                text: pane.modelName
                font.weight: Font.DemiBold
                font.pixelSize: 15
                elide: Text.ElideRight
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Label {
                objectName: "refusalBadge"
                visible: pane.refusal
                text: qsTr("Refused")
                color: "white"
                font.pixelSize: 11
                leftPadding: 6
                rightPadding: 6
                topPadding: 2
                bottomPadding: 2
                background: Rectangle { color: "#b91c1c"; radius: 4 }
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("This model refused to answer")
            }
            ToolButton {
                objectName: "copyAnswerButton"
                text: qsTr("Copy")
                enabled: pane.text.length > 0
                focusPolicy: Qt.StrongFocus
                font.pixelSize: 12
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Copy the answer of %1").arg(pane.modelName)
                onClicked: pane.copyRequested(pane.text)
            }
        }

        ProgressBar {
            objectName: "paneLoadProgress"
            Layout.fillWidth: true
            visible: pane.paneState === CompareSession.PaneState.Loading
            value: pane.loadProgress
            Accessible.role: Accessible.ProgressBar
            Accessible.name: pane.stateText
        }
        Label {
            objectName: "paneState"
            visible: text !== ""
            text: pane.stateText
            opacity: 0.7
            font.pixelSize: 12
        }

        ScrollView {
            id: scroller
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: availableWidth

            ColumnLayout {
                width: scroller.availableWidth
                spacing: 8

                Repeater {
                    model: pane.earlierTurns
                    delegate: ColumnLayout {
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: modelData.prompt
                            wrapMode: Text.Wrap
                            font.italic: true
                            opacity: 0.7
                        }
                        TextEdit {
                            Layout.fillWidth: true
                            readOnly: true
                            selectByMouse: true
                            textFormat: TextEdit.MarkdownText
                            wrapMode: TextEdit.Wrap
                            text: modelData.error !== "" ? modelData.error : modelData.text
                            color: pane.Material.foreground
                            opacity: 0.85
                            Accessible.role: Accessible.StaticText
                            Accessible.name: text
                        }
                        Label {
                            Layout.fillWidth: true
                            text: pane.statsText(modelData.timeToFirstTokenMs, modelData.tokensPerSecond,
                                                 modelData.generatedTokens, modelData.stopReason)
                            font.pixelSize: 11
                            opacity: 0.6
                            wrapMode: Text.Wrap
                        }
                        Rectangle { Layout.fillWidth: true; height: 1; color: pane.Material.dividerColor }
                    }
                }

                Label {
                    objectName: "panePrompt"
                    Layout.fillWidth: true
                    visible: pane.prompt !== ""
                    text: pane.prompt
                    wrapMode: Text.Wrap
                    font.italic: true
                    opacity: 0.7
                }
                Label {
                    objectName: "paneReasoning"
                    Layout.fillWidth: true
                    visible: pane.reasoning !== ""
                    text: pane.reasoning
                    wrapMode: Text.Wrap
                    opacity: 0.6
                    font.pixelSize: 12
                    Accessible.role: Accessible.StaticText
                    Accessible.name: qsTr("Reasoning: %1").arg(text)
                }
                TextEdit {
                    objectName: "paneText"
                    Layout.fillWidth: true
                    readOnly: true
                    selectByMouse: true
                    activeFocusOnTab: true
                    textFormat: TextEdit.MarkdownText
                    wrapMode: TextEdit.Wrap
                    text: pane.text
                    color: pane.Material.foreground
                    selectionColor: pane.Material.accent
                    Accessible.role: Accessible.StaticText
                    Accessible.name: pane.text
                    Rectangle {
                        anchors.fill: parent
                        anchors.margins: -2
                        color: "transparent"
                        border.width: parent.activeFocus ? 2 : 0
                        border.color: pane.Material.accent
                        radius: 2
                    }
                }
                Label {
                    objectName: "paneError"
                    Layout.fillWidth: true
                    visible: pane.error !== ""
                    text: pane.error
                    wrapMode: Text.Wrap
                    color: "#b91c1c"
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }
            }
        }

        Label {
            objectName: "paneStats"
            Layout.fillWidth: true
            visible: pane.paneState === CompareSession.PaneState.Done
                     || (pane.paneState === CompareSession.PaneState.Failed && pane.generatedTokens > 0)
            text: pane.statsText(pane.timeToFirstTokenMs, pane.tokensPerSecond, pane.generatedTokens, pane.stopReason)
            wrapMode: Text.Wrap
            font.pixelSize: 12
            opacity: 0.75
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
    }
}
