// One message in the chat: who wrote it; the text as Markdown, with fenced code blocks in their
// own boxes (CodeBlock) — the split comes from the model's `segments` role; a reasoning section
// collapsed by default ("Thought for N s"); for replies the model / speed / time footer and why
// it stopped when that was not the model's own choice; an error when the reply failed; and the
// actions: copy, edit and send again (questions), regenerate (the last reply).
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

ColumnLayout {
    id: bubble

    required property int index
    required property string messageRole
    required property string content
    required property string reasoning
    required property string statsText
    required property bool streaming
    required property string error
    required property string stopReasonText
    required property var segments
    required property real reasoningSeconds
    required property string contextNotice
    property bool isLastReply: false
    property bool canAct: true          // false while another reply streams
    property bool reasoningOpen: false
    property bool editing: false

    signal copyRequested(int row)
    signal regenerateRequested()
    signal editSubmitted(int row, string text)

    readonly property bool fromUser: messageRole === "user"

    objectName: "message_" + index
    spacing: 4
    Accessible.role: Accessible.ListItem
    Accessible.name: (fromUser ? qsTr("You") : qsTr("Assistant")) + ": " + content
                     + (error !== "" ? " " + error : "")

    function startEditing() {
        bubble.editing = true
        editField.text = bubble.content
        editField.forceActiveFocus()
        editField.cursorPosition = editField.length
    }
    function submitEdit() {
        bubble.editing = false
        bubble.editSubmitted(bubble.index, editField.text)
    }

    Label {
        text: bubble.fromUser ? qsTr("You") : qsTr("Assistant")
        font.weight: Font.DemiBold
        opacity: 0.8
    }

    Button {
        objectName: "reasoningToggle"
        visible: bubble.reasoning !== ""
        flat: true
        checkable: true
        checked: bubble.reasoningOpen
        text: (checked ? "▾ " : "▸ ")
              + (bubble.streaming && bubble.content === "" ? qsTr("Thinking…")
                 : bubble.reasoningSeconds > 0 ? qsTr("Thought for %1 s").arg(Math.max(1, Math.round(bubble.reasoningSeconds)))
                 : qsTr("Reasoning"))
        onToggled: bubble.reasoningOpen = checked
        Accessible.name: checked ? qsTr("Hide reasoning") : qsTr("Show reasoning")
    }
    Label {
        objectName: "reasoningText"
        visible: bubble.reasoningOpen && bubble.reasoning !== ""
        Layout.fillWidth: true
        leftPadding: 12
        text: bubble.reasoning
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
        font.italic: true
        opacity: 0.7
    }

    Rectangle {
        visible: !bubble.editing && (bubble.content !== "" || bubble.streaming)
        Layout.fillWidth: true
        implicitHeight: segmentColumn.implicitHeight + 20
        radius: 8
        color: bubble.fromUser ? Qt.rgba(Material.accent.r, Material.accent.g, Material.accent.b, 0.12)
                               : Qt.rgba(Material.foreground.r, Material.foreground.g, Material.foreground.b, 0.05)

        ColumnLayout {
            id: segmentColumn
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: 10
            spacing: 8

            Repeater {
                // A reply that has not produced text yet still shows the streaming cursor.
                model: bubble.segments.length > 0 ? bubble.segments : [{ kind: "text", text: "", language: "", closed: true }]
                delegate: Loader {
                    required property var modelData
                    required property int index
                    readonly property bool lastSegment: index === (bubble.segments.length > 0 ? bubble.segments.length - 1 : 0)
                    Layout.fillWidth: true
                    sourceComponent: modelData.kind === "code" ? codeComponent : textComponent

                    Component {
                        id: textComponent
                        TextEdit {
                            objectName: "messageText"
                            readOnly: true
                            selectByMouse: true
                            // User messages are shown as typed; replies are Markdown.
                            textFormat: bubble.fromUser ? TextEdit.PlainText : TextEdit.MarkdownText
                            wrapMode: TextEdit.Wrap
                            text: modelData.text + (bubble.streaming && lastSegment ? " ▍" : "")
                            color: Material.foreground
                            selectionColor: Material.accent
                            activeFocusOnTab: true
                            onLinkActivated: (link) => Qt.openUrlExternally(link)
                            Accessible.role: Accessible.StaticText
                            Accessible.name: modelData.text
                            Rectangle {
                                anchors.fill: parent
                                anchors.margins: -4
                                visible: parent.activeFocus
                                color: "transparent"
                                border.width: 2
                                border.color: Material.accent
                                radius: 4
                            }
                        }
                    }
                    Component {
                        id: codeComponent
                        CodeBlock {
                            code: modelData.text
                            language: modelData.language
                            closed: modelData.closed
                        }
                    }
                }
            }
        }
    }

    // Editing a question in place: Enter sends it again (everything after it is replaced),
    // Shift+Enter adds a line, Esc cancels.
    ColumnLayout {
        visible: bubble.editing
        Layout.fillWidth: true
        TextArea {
            id: editField
            objectName: "editField"
            Layout.fillWidth: true
            wrapMode: TextArea.Wrap
            Accessible.name: qsTr("Edit your message")
            Keys.onPressed: (event) => {
                if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter) && !(event.modifiers & Qt.ShiftModifier)) {
                    bubble.submitEdit()
                    event.accepted = true
                } else if (event.key === Qt.Key_Escape) {
                    bubble.editing = false
                    event.accepted = true
                }
            }
        }
        RowLayout {
            Label {
                Layout.fillWidth: true
                text: qsTr("Sending replaces every message after this one.")
                wrapMode: Text.Wrap
                opacity: 0.7
                font.pixelSize: 12
            }
            Button {
                objectName: "cancelEditButton"
                flat: true
                text: qsTr("Cancel")
                onClicked: bubble.editing = false
                Accessible.name: text
            }
            Button {
                objectName: "submitEditButton"
                highlighted: true
                text: qsTr("Send again")
                enabled: editField.text.trim() !== "" && bubble.canAct
                onClicked: bubble.submitEdit()
                Accessible.name: text
            }
        }
    }

    Label {
        objectName: "contextNotice"
        visible: text !== ""
        Layout.fillWidth: true
        text: bubble.contextNotice
        wrapMode: Text.Wrap
        font.pixelSize: 12
        color: Material.color(Material.Orange)
    }

    Label {
        objectName: "messageError"
        visible: bubble.error !== ""
        Layout.fillWidth: true
        text: bubble.error
        wrapMode: Text.Wrap
        color: Material.color(Material.Red)
    }

    RowLayout {
        spacing: 2
        Label {
            objectName: "messageStats"
            visible: text !== ""
            text: bubble.statsText
            opacity: 0.6
            font.pixelSize: 12
        }
        Label {
            objectName: "stopReason"
            visible: text !== "" && !bubble.streaming
            text: bubble.stopReasonText
            color: Material.color(Material.Orange)
            font.pixelSize: 12
        }
        Button {
            objectName: "copyButton"
            flat: true
            text: qsTr("Copy")
            visible: !bubble.streaming && !bubble.editing && bubble.content !== ""
            onClicked: bubble.copyRequested(bubble.index)
            Accessible.name: qsTr("Copy message")
        }
        Button {
            objectName: "editButton"
            flat: true
            text: qsTr("Edit")
            visible: bubble.fromUser && !bubble.editing
            enabled: bubble.canAct
            onClicked: bubble.startEditing()
            Accessible.name: qsTr("Edit and send again")
        }
        Button {
            objectName: "regenerateButton"
            flat: true
            text: qsTr("Regenerate")
            visible: bubble.isLastReply && !bubble.fromUser && !bubble.streaming
            enabled: bubble.canAct
            onClicked: bubble.regenerateRequested()
            Accessible.name: qsTr("Regenerate this reply")
        }
    }
}
