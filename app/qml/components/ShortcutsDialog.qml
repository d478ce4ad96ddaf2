// The keyboard shortcuts, shown with F1 or the header's "?" button: one row per section
// (Ctrl+1 .. Ctrl+7), new chat, and the chat composer's keys.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Dialog {
    id: dialog

    // The window's sections: [{key, label}], in navigation order.
    property var sections: []

    objectName: "shortcutsDialog"
    title: qsTr("Keyboard shortcuts")
    modal: true
    anchors.centerIn: Overlay.overlay
    standardButtons: Dialog.Close

    readonly property var rows: {
        const list = dialog.sections.map(function (section, index) {
            return { keys: qsTr("Ctrl+%1").arg(index + 1), action: qsTr("Show %1").arg(section.label) }
        })
        return list.concat([
            { keys: qsTr("Ctrl+N"), action: qsTr("New chat") },
            { keys: qsTr("Enter"), action: qsTr("Send the message") },
            { keys: qsTr("Shift+Enter"), action: qsTr("New line in the message") },
            { keys: qsTr("Esc"), action: qsTr("Stop the answer") },
            { keys: "F1", action: qsTr("Show these shortcuts") }
        ])
    }

    GridLayout {
        objectName: "shortcutsGrid"
        // A Popup takes no Accessible: its content says what it is.
        Accessible.role: Accessible.Dialog
        Accessible.name: dialog.title
        columns: 2
        columnSpacing: 24
        rowSpacing: 6
        Repeater {
            model: dialog.rows
            delegate: Label {
                required property var modelData
                required property int index
                Layout.row: index
                Layout.column: 0
                text: modelData.keys
                font.family: "monospace"
                font.weight: Font.DemiBold
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("%1: %2").arg(modelData.keys).arg(modelData.action)
            }
        }
        Repeater {
            model: dialog.rows
            delegate: Label {
                required property var modelData
                required property int index
                Layout.row: index
                Layout.column: 1
                text: modelData.action
                Accessible.ignored: true
            }
        }
    }
}
