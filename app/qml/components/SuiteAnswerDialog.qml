// One cell of a suite run in full: the prompt (and its system prompt), the model's whole answer
// (selectable, copyable), its numbers, and why it counts as a refusal or why it failed.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

Dialog {
    id: dialog

    property var cell: ({})   // SuiteResultsModel.cellAt(row, column)

    function show(cellData) {
        dialog.cell = cellData
        dialog.open()
        answerText.forceActiveFocus()
    }

    objectName: "suiteAnswerDialog"
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(760, (parent ? parent.width : 800) - 48)
    height: Math.min(620, (parent ? parent.height : 600) - 48)
    title: cell.isPrompt ? qsTr("Prompt") : qsTr("%1's answer").arg(cell.modelName || "")
    standardButtons: Dialog.Close
    // An opaque background of its own: the style's elevated one is drawn through a shader layer,
    // which renderers without shader effects (software Qt Quick) leave empty, and the table behind
    // would show through the answer.
    background: Rectangle {
        color: dialog.Material.dialogColor
        radius: 4
        border.width: 1
        border.color: Qt.darker(dialog.Material.dialogColor, 1.25)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        Accessible.role: Accessible.Dialog
        Accessible.name: dialog.title

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            font.weight: Font.DemiBold
            textFormat: Text.PlainText
            text: dialog.cell.promptText || ""
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("Prompt: %1").arg(text)
        }
        Label {
            visible: (dialog.cell.systemPrompt || "").length > 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            opacity: 0.75
            textFormat: Text.PlainText
            text: qsTr("System prompt: %1").arg(dialog.cell.systemPrompt || "")
        }
        Label {
            visible: !dialog.cell.isPrompt
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            font.pixelSize: 12
            opacity: 0.8
            text: qsTr("%1 characters · %2 tokens · %3 s · %4 tokens/s · stop: %5")
                  .arg(dialog.cell.characters || 0).arg(dialog.cell.tokens || 0)
                  .arg((dialog.cell.seconds || 0).toFixed(1)).arg((dialog.cell.tokensPerSecond || 0).toFixed(1))
                  .arg(dialog.cell.stopReason || "–")
        }
        Label {
            objectName: "suiteAnswerRefusal"
            visible: dialog.cell.cellState === "done" && dialog.cell.refusal === true
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Material.color(Material.Orange, Material.Shade800)
            text: qsTr("Flagged as a refusal: its opening contains \"%1\". The flag is a heuristic; read the answer.")
                  .arg(dialog.cell.refusalPhrase || "")
        }
        Label {
            visible: (dialog.cell.error || "").length > 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Material.color(Material.Red)
            text: dialog.cell.error || ""
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !dialog.cell.isPrompt
            TextArea {
                id: answerText
                objectName: "suiteAnswerText"
                readOnly: true
                selectByMouse: true
                wrapMode: TextEdit.Wrap
                textFormat: TextEdit.PlainText
                text: dialog.cell.answer || ""
                Accessible.role: Accessible.EditableText
                Accessible.name: qsTr("Answer")
            }
        }
        Button {
            visible: !dialog.cell.isPrompt
            text: qsTr("Copy answer")
            Material.elevation: 0
            focusPolicy: Qt.StrongFocus
            Accessible.role: Accessible.Button
            Accessible.name: text
            onClicked: {
                answerText.selectAll()
                answerText.copy()
                answerText.deselect()
            }
        }
    }
}
