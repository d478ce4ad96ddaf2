// One message in the chat: who wrote it, the text rendered as Markdown (selectable, read by
// screen readers), a collapsible reasoning section, the reply's model/speed/time footer, an
// error when the reply failed, and a copy button.
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
    property bool reasoningOpen: false

    signal copyRequested(int row)

    readonly property bool fromUser: messageRole === "user"

    objectName: "message_" + index
    spacing: 4
    Accessible.role: Accessible.ListItem
    Accessible.name: (fromUser ? qsTr("You") : qsTr("Assistant")) + ": " + content

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
        text: checked ? qsTr("Hide reasoning") : qsTr("Show reasoning")
        onToggled: bubble.reasoningOpen = checked
        Accessible.name: text
    }
    Label {
        objectName: "reasoningText"
        visible: bubble.reasoningOpen && bubble.reasoning !== ""
        Layout.fillWidth: true
        text: bubble.reasoning
        wrapMode: Text.Wrap
        font.italic: true
        opacity: 0.7
    }

    Rectangle {
        Layout.fillWidth: true
        implicitHeight: messageText.implicitHeight + 20
        radius: 8
        color: bubble.fromUser ? Qt.rgba(Material.accent.r, Material.accent.g, Material.accent.b, 0.12)
                               : Qt.rgba(Material.foreground.r, Material.foreground.g, Material.foreground.b, 0.05)

        TextEdit {
            id: messageText
            objectName: "messageText"
            anchors.fill: parent
            anchors.margins: 10
            readOnly: true
            selectByMouse: true
            textFormat: TextEdit.MarkdownText
            wrapMode: TextEdit.Wrap
            text: bubble.content + (bubble.streaming ? " ▍" : "")
            color: Material.foreground
            selectionColor: Material.accent
            activeFocusOnTab: true
            Accessible.role: Accessible.StaticText
            Accessible.name: bubble.content
        }
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
        Label {
            objectName: "messageStats"
            visible: text !== ""
            text: bubble.statsText
            opacity: 0.6
            font.pixelSize: 12
        }
        Button {
            objectName: "copyButton"
            flat: true
            text: qsTr("Copy")
            visible: !bubble.streaming && bubble.content !== ""
            onClicked: bubble.copyRequested(bubble.index)
            Accessible.name: qsTr("Copy message")
        }
    }
}
