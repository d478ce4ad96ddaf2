// Compare: 2 to 4 models answer the same prompt side by side. Left: the models to compare (ticked
// in the models folder's list), an optional system prompt and the saved comparisons. Right: the
// panes (one per model, streaming), a notice when the models take turns because they do not fit
// together, and one input box for everyone. Enter sends, Shift+Enter is a new line, Esc stops.
// The window can show a saved comparison with openComparison(conversationId).
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Agora

Pane {
    id: page
    property EngineBridge bridge
    property QtObject store: null
    property string modelsFolder: ""
    property bool darkTheme: false
    // Shows a saved comparison (e.g. picked in the chat sidebar); its models load on the next send.
    function openComparison(conversationId) { session.open(conversationId) }
    // Picks these models (2 to 4 paths) for a new comparison; a non-empty prompt is asked of all
    // of them, which loads them first (the app's --compare and --send).
    function compareModels(paths, prompt) {
        session.reset()
        picker.selectedPaths = paths.slice(0, picker.maximum)
        if (prompt && prompt.trim() !== "")
            session.send(prompt)
    }

    function sendPrompt() {
        if (session.busy && session.state === CompareSession.State.Running)
            return
        if (session.send(composer.text))
            composer.text = ""
    }

    function copyText(text) {
        clipboardHelper.text = text
        clipboardHelper.selectAll()
        clipboardHelper.copy()
        clipboardHelper.text = ""
    }

    objectName: "comparePage"
    padding: 0
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Compare")

    ModelLibrary {
        id: library
        objectName: "modelLibrary"
        bridge: page.bridge
        folder: page.modelsFolder
    }

    CompareSession {
        id: session
        objectName: "compareSession"
        bridge: page.bridge
        store: page.store
        systemPrompt: systemPromptField.text
        onOpened: function(conversationId) {
            if (conversationId !== 0) {
                picker.selectedPaths = session.modelPaths
                systemPromptField.text = session.systemPrompt
            }
        }
    }

    // QML has no clipboard API; a hidden TextEdit copies for us.
    TextEdit { id: clipboardHelper; visible: false; Accessible.ignored: true }

    FileDialog {
        id: exportDialog
        property string format: "markdown"
        objectName: "exportDialog"
        title: qsTr("Export comparison")
        fileMode: FileDialog.SaveFile
        defaultSuffix: format === "html" ? "html" : "md"
        nameFilters: format === "html" ? [qsTr("Web page (*.html)")] : [qsTr("Markdown (*.md)")]
        onAccepted: {
            if (session.saveExport(selectedFile, format))
                exportedLine.text = qsTr("Saved to %1").arg(decodeURIComponent(selectedFile.toString().replace(/^file:\/\//, "")))
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        // --- choices and history -------------------------------------------------------------
        Pane {
            Layout.fillHeight: true
            Layout.preferredWidth: 270
            Material.elevation: 1
            padding: 10

            ColumnLayout {
                anchors.fill: parent
                spacing: 8

                ModelPicker {
                    id: picker
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredHeight: 3
                    library: library
                    minimum: 2
                    maximum: 4
                    title: qsTr("Models to compare")
                    enabled: !session.busy
                    onSelectedPathsChanged: {
                        if (JSON.stringify(selectedPaths) !== JSON.stringify(session.modelPaths))
                            session.modelPaths = selectedPaths
                    }
                }

                TextField {
                    id: systemPromptField
                    objectName: "systemPromptField"
                    Layout.fillWidth: true
                    placeholderText: qsTr("System prompt (optional)")
                    enabled: !session.busy
                    selectByMouse: true
                    Accessible.role: Accessible.EditableText
                    Accessible.name: qsTr("System prompt for every model")
                }

                Label {
                    text: qsTr("Saved comparisons")
                    font.weight: Font.DemiBold
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Label {
                    visible: historyList.count === 0
                    text: page.store ? qsTr("Comparisons you run are kept here.")
                                     : qsTr("History is not available.")
                    opacity: 0.7
                    font.pixelSize: 12
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                ListView {
                    id: historyList
                    objectName: "historyList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredHeight: 2
                    clip: true
                    model: session.history
                    activeFocusOnTab: true
                    keyNavigationEnabled: true
                    ScrollBar.vertical: ScrollBar {}
                    Accessible.role: Accessible.List
                    Accessible.name: qsTr("Saved comparisons")
                    delegate: ItemDelegate {
                        id: historyRow
                        required property var modelData
                        required property int index
                        objectName: "historyItem_" + index
                        width: ListView.view.width
                        highlighted: modelData.conversationId === session.conversationId
                        enabled: !session.busy
                        focusPolicy: Qt.StrongFocus
                        text: modelData.title
                        Accessible.role: Accessible.ListItem
                        Accessible.name: qsTr("%1, %2").arg(modelData.title).arg(modelData.updated)
                        onClicked: session.open(modelData.conversationId)
                        contentItem: RowLayout {
                            spacing: 4
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 0
                                Label {
                                    text: historyRow.modelData.title
                                    elide: Text.ElideRight
                                    Layout.fillWidth: true
                                }
                                Label {
                                    text: historyRow.modelData.updated
                                    opacity: 0.6
                                    font.pixelSize: 11
                                }
                            }
                            ToolButton {
                                objectName: "deleteHistory_" + historyRow.index
                                text: "\u2715"
                                focusPolicy: Qt.StrongFocus
                                Accessible.role: Accessible.Button
                                Accessible.name: qsTr("Delete the comparison %1").arg(historyRow.modelData.title)
                                ToolTip.visible: hovered
                                ToolTip.text: Accessible.name
                                onClicked: session.deleteComparison(historyRow.modelData.conversationId)
                            }
                        }
                    }
                }
            }
        }

        // --- the comparison ------------------------------------------------------------------
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: 10
            spacing: 8

            RowLayout {
                Layout.fillWidth: true
                spacing: 6
                Button {
                    objectName: "loadButton"
                    text: session.state === CompareSession.State.Loading ? qsTr("Loading…") : qsTr("Load models")
                    visible: session.state !== CompareSession.State.Ready && session.state !== CompareSession.State.Running
                    enabled: picker.valid && !session.busy
                    focusPolicy: Qt.StrongFocus
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("Load the chosen models")
                    onClicked: session.load()
                }
                Button {
                    objectName: "newComparisonButton"
                    text: qsTr("New comparison")
                    enabled: session.turnCount > 0
                    focusPolicy: Qt.StrongFocus
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("Start a new comparison with the same models")
                    onClicked: session.reset()
                }
                Button {
                    id: exportButton
                    objectName: "exportButton"
                    text: qsTr("Export")
                    enabled: session.turnCount > 0 && session.state !== CompareSession.State.Running
                    focusPolicy: Qt.StrongFocus
                    Accessible.role: Accessible.ButtonMenu
                    Accessible.name: qsTr("Export the comparison")
                    onClicked: exportMenu.open()
                    Menu {
                        id: exportMenu
                        y: exportButton.height
                        MenuItem {
                            objectName: "exportMarkdown"
                            text: qsTr("Markdown…")
                            Accessible.name: qsTr("Export as Markdown")
                            onTriggered: { exportDialog.format = "markdown"; exportDialog.open() }
                        }
                        MenuItem {
                            objectName: "exportHtml"
                            text: qsTr("Web page (HTML)…")
                            Accessible.name: qsTr("Export as a web page")
                            onTriggered: { exportDialog.format = "html"; exportDialog.open() }
                        }
                    }
                }
                Button {
                    objectName: "unloadButton"
                    text: qsTr("Unload models")
                    visible: session.state === CompareSession.State.Ready && !session.sequential
                    focusPolicy: Qt.StrongFocus
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("Unload the compared models to free memory")
                    onClicked: session.unload()
                }
                Item { Layout.fillWidth: true }
                Switch {
                    objectName: "blindSwitch"
                    text: qsTr("Hide names")
                    checked: session.blind
                    enabled: !session.busy
                    focusPolicy: Qt.StrongFocus
                    Accessible.role: Accessible.CheckBox
                    Accessible.name: qsTr("Hide the model names until you reveal them")
                    onToggled: session.blind = checked
                }
                Button {
                    objectName: "revealButton"
                    visible: session.blind && !session.revealed
                    text: qsTr("Reveal")
                    focusPolicy: Qt.StrongFocus
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("Show which model wrote which answer")
                    onClicked: session.reveal()
                }
            }

            Rectangle {
                objectName: "noticeBar"
                Layout.fillWidth: true
                visible: session.notice !== ""
                implicitHeight: noticeText.implicitHeight + 16
                radius: 6
                color: page.darkTheme ? "#3b3413" : "#fef3c7"
                Label {
                    id: noticeText
                    anchors.fill: parent
                    anchors.margins: 8
                    text: session.notice
                    wrapMode: Text.WordWrap
                    color: page.darkTheme ? "#fde68a" : "#78350f"
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }
            }
            Label {
                id: exportedLine
                objectName: "exportedLine"
                Layout.fillWidth: true
                visible: text !== "" && session.error === ""
                elide: Text.ElideMiddle
                opacity: 0.75
                font.pixelSize: 12
                Accessible.role: Accessible.StaticText
                Accessible.name: text
                Connections {
                    target: session
                    function onTurnCountChanged() { exportedLine.text = "" }
                }
            }
            Label {
                objectName: "errorLine"
                Layout.fillWidth: true
                visible: session.error !== ""
                text: session.error
                color: "#b91c1c"
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }

            Label {
                objectName: "emptyHint"
                visible: session.count < 2
                Layout.fillWidth: true
                Layout.fillHeight: true
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                wrapMode: Text.WordWrap
                opacity: 0.7
                text: qsTr("Tick two to four models on the left, then ask them all the same question. "
                           + "Their answers appear side by side with their speed.")
            }

            RowLayout {
                objectName: "paneRow"
                visible: session.count >= 2
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 8
                Repeater {
                    id: paneRepeater
                    objectName: "paneRepeater"
                    model: session
                    delegate: ComparePane {
                        required property var model
                        required property int index
                        paneIndex: index
                        modelName: model.modelName
                        text: model.text
                        reasoning: model.reasoning
                        streaming: model.streaming
                        loadProgress: model.loadProgress
                        timeToFirstTokenMs: model.timeToFirstTokenMs
                        tokensPerSecond: model.tokensPerSecond
                        generatedTokens: model.generatedTokens
                        stopReason: model.stopReason
                        refusal: model.refusal
                        error: model.error
                        paneState: model.paneState
                        prompt: model.prompt
                        earlierTurns: model.earlierTurns
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Layout.preferredWidth: 1 // equal columns
                        darkTheme: page.darkTheme
                        onCopyRequested: function(text) { page.copyText(text) }
                    }
                }
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: 6
                ScrollView {
                    Layout.fillWidth: true
                    Layout.maximumHeight: 140
                    TextArea {
                        id: composer
                        objectName: "composer"
                        placeholderText: session.count >= 2 ? qsTr("Ask every model the same question…")
                                                             : qsTr("Choose models first")
                        wrapMode: TextArea.Wrap
                        enabled: session.count >= 2
                        selectByMouse: true
                        Accessible.role: Accessible.EditableText
                        Accessible.name: qsTr("Question for every model")
                        Keys.onPressed: function(event) {
                            if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                                    && !(event.modifiers & Qt.ShiftModifier)) {
                                event.accepted = true
                                page.sendPrompt()
                            } else if (event.key === Qt.Key_Escape) {
                                event.accepted = true
                                session.stop()
                            }
                        }
                    }
                }
                Button {
                    objectName: "sendButton"
                    readonly property bool stopping: session.state === CompareSession.State.Running
                                                     || (session.state === CompareSession.State.Loading && session.turnCount > 0)
                    text: stopping ? qsTr("Stop") : qsTr("Send")
                    highlighted: true
                    enabled: stopping || (session.count >= 2 && composer.text.trim().length > 0)
                    focusPolicy: Qt.StrongFocus
                    Accessible.role: Accessible.Button
                    Accessible.name: stopping ? qsTr("Stop every answer") : qsTr("Send to every model")
                    onClicked: stopping ? session.stop() : page.sendPrompt()
                }
            }
        }
    }
}
