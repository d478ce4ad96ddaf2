// A fenced code block from a reply: monospace, selectable, with its language and a Copy button
// that copies exactly the code (no fences, no surrounding prose). While the reply streams the
// block grows in place; it reads "writing…" until its closing fence arrives.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

Rectangle {
    id: block

    property string code
    property string language
    property bool closed: true
    property bool justCopied: false

    objectName: "codeBlock"
    implicitHeight: column.implicitHeight
    radius: 6
    color: Qt.rgba(Material.foreground.r, Material.foreground.g, Material.foreground.b, 0.07)
    border.width: 1
    border.color: Qt.rgba(Material.foreground.r, Material.foreground.g, Material.foreground.b, 0.15)
    Accessible.role: Accessible.Grouping
    Accessible.name: block.language !== "" ? qsTr("Code block, %1").arg(block.language) : qsTr("Code block")

    // Copies through the text field itself: QML has no clipboard object of its own.
    function copyCode() {
        codeText.selectAll()
        codeText.copy()
        codeText.deselect()
        block.justCopied = true
        copiedTimer.restart()
    }

    Timer { id: copiedTimer; interval: 1500; onTriggered: block.justCopied = false }

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: 10
            Layout.rightMargin: 4
            Label {
                objectName: "codeLanguage"
                Layout.fillWidth: true
                text: (block.language !== "" ? block.language : qsTr("code"))
                      + (block.closed ? "" : " · " + qsTr("writing…"))
                font.pixelSize: 12
                opacity: 0.7
            }
            Button {
                objectName: "copyCodeButton"
                flat: true
                text: block.justCopied ? qsTr("Copied") : qsTr("Copy code")
                font.pixelSize: 12
                onClicked: block.copyCode()
                Accessible.name: block.language !== "" ? qsTr("Copy %1 code").arg(block.language) : qsTr("Copy code")
            }
        }

        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: codeText.implicitHeight + (contentWidth > width ? 14 : 0)
            ScrollBar.vertical.policy: ScrollBar.AlwaysOff
            clip: true

            TextEdit {
                id: codeText
                objectName: "codeText"
                padding: 10
                text: block.code
                readOnly: true
                selectByMouse: true
                persistentSelection: false
                textFormat: TextEdit.PlainText
                wrapMode: TextEdit.NoWrap
                font.family: "monospace"
                color: Material.foreground
                selectionColor: Material.accent
                activeFocusOnTab: true
                Accessible.role: Accessible.StaticText
                Accessible.name: block.code
                Keys.onPressed: (event) => {
                    if (event.matches(StandardKey.Copy) && codeText.selectedText === "") {
                        block.copyCode()
                        event.accepted = true
                    }
                }
                Rectangle { // focus ring
                    anchors.fill: parent
                    visible: codeText.activeFocus
                    color: "transparent"
                    border.width: 2
                    border.color: Material.accent
                    radius: 4
                }
            }
        }
    }
}
