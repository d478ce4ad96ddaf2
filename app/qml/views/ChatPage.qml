// The chat: the loaded model, the conversation's messages as they stream in, and the composer
// (Enter sends, Shift+Enter starts a new line, Esc stops the answer).
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Agora

Pane {
    id: page

    property EngineBridge bridge
    property QtObject store: null
    property bool darkTheme: false
    // Tests hand in their own list; the window uses the page's own.
    property MessageListModel messages: MessageListModel {
        bridge: page.bridge
        store: page.store
    }

    objectName: "chatPage"
    padding: 12
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Chat")

    function sendComposer() {
        if (page.messages.send(composer.text))
            composer.clear()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        Label {
            objectName: "modelLine"
            Layout.fillWidth: true
            elide: Text.ElideRight
            // (null checks: the bridge and the model can go away before the page when a window closes)
            text: !page.bridge ? "" : page.bridge.modelState === EngineBridge.Ready
                  ? (page.bridge.continuationMode ? qsTr("%1 (continues your text)").arg(page.bridge.modelName)
                                                  : page.bridge.modelName)
                  : page.bridge.modelState === EngineBridge.Loading
                    ? qsTr("Loading model… %1%").arg(Math.round(page.bridge.loadProgress * 100))
                    : qsTr("No model loaded")
            font.weight: Font.DemiBold
        }

        ListView {
            id: messageList
            objectName: "messageList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 16
            model: page.messages
            activeFocusOnTab: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Messages")
            ScrollBar.vertical: ScrollBar {}
            delegate: MessageBubble {
                width: messageList.width - 16
                onCopyRequested: (row) => page.messages.copyToClipboard(row)
            }
            onCountChanged: Qt.callLater(positionViewAtEnd)
        }

        Label {
            objectName: "chatError"
            visible: text !== ""
            Layout.fillWidth: true
            text: page.messages ? page.messages.lastError : ""
            wrapMode: Text.Wrap
            color: Material.color(Material.Red)
        }

        RowLayout {
            Layout.fillWidth: true
            TextArea {
                id: composer
                objectName: "composer"
                Layout.fillWidth: true
                Layout.maximumHeight: 160
                placeholderText: qsTr("Write a message. Enter sends, Shift+Enter starts a new line.")
                wrapMode: TextArea.Wrap
                focus: true
                Accessible.name: qsTr("Message")
                Keys.onPressed: (event) => {
                    if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                            && !(event.modifiers & Qt.ShiftModifier)) {
                        page.sendComposer()
                        event.accepted = true
                    } else if (event.key === Qt.Key_Escape) {
                        page.messages.stop()
                        event.accepted = true
                    }
                }
            }
            Button {
                objectName: "sendButton"
                text: page.messages && page.messages.streaming ? qsTr("Stop") : qsTr("Send")
                highlighted: true
                onClicked: page.messages.streaming ? page.messages.stop() : page.sendComposer()
                Accessible.name: text
            }
            Button {
                objectName: "regenerateButton"
                text: qsTr("Regenerate")
                enabled: page.messages !== null && !page.messages.streaming && page.messages.count > 0
                onClicked: page.messages.regenerate()
                Accessible.name: text
            }
        }
    }
}
