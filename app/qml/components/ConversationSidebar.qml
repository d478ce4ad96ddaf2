// The conversation list beside the chat: New chat, full-text search across every conversation
// (rows then show the matching text), the conversations by last activity, rename in place (F2
// or the ✎ button), delete with an Undo bar (Delete key or the 🗑 button), import of a JSON
// export. Keyboard: Tab reaches the list, arrows move, Enter opens.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Agora

Pane {
    id: sidebar

    required property ConversationListModel conversations
    property var currentConversationId: 0

    signal newChatRequested()
    signal conversationSelected(var conversationId)
    signal removeRequested(var conversationId)
    signal importRequested()

    objectName: "conversationSidebar"
    padding: 8
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Conversations")

    // The store marks matches as [word]; shown in bold, everything else as plain text.
    function snippetMarkup(snippet) {
        const escaped = snippet.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
        return escaped.replace(/\[([^\[\]]+)\]/g, "<b>$1</b>")
    }
    // Today: the time; earlier: the date.
    function activityText(when) {
        if (!when || isNaN(when))
            return ""
        const now = new Date()
        return when.toDateString() === now.toDateString()
               ? when.toLocaleTimeString(Qt.locale(), Locale.ShortFormat)
               : when.toLocaleDateString(Qt.locale(), Locale.ShortFormat)
    }

    function startRename(row) {
        conversationList.currentIndex = row
        const item = conversationList.itemAtIndex(row)
        if (item)
            item.startRename()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        Button {
            objectName: "newChatButton"
            Layout.fillWidth: true
            text: qsTr("New chat")
            highlighted: true
            onClicked: sidebar.newChatRequested()
            Accessible.name: text
        }

        TextField {
            id: searchField
            objectName: "searchField"
            Layout.fillWidth: true
            placeholderText: qsTr("Search all conversations")
            selectByMouse: true
            Accessible.role: Accessible.EditableText
            Accessible.name: qsTr("Search all conversations")
            onTextChanged: searchDelay.restart()
            Keys.onEscapePressed: text = ""
            Keys.onDownPressed: conversationList.forceActiveFocus()
        }
        // Searching as the user types, but not on every keystroke.
        Timer {
            id: searchDelay
            interval: 200
            onTriggered: sidebar.conversations.searchText = searchField.text
        }

        Label {
            objectName: "emptySidebar"
            visible: conversationList.count === 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            opacity: 0.7
            text: sidebar.conversations.searchText.trim() !== "" ? qsTr("Nothing found.")
                                                                  : qsTr("Your conversations will appear here.")
        }

        ListView {
            id: conversationList
            objectName: "conversationList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: sidebar.conversations
            activeFocusOnTab: true
            keyNavigationEnabled: true
            highlightMoveDuration: 0
            currentIndex: sidebar.conversations.rowOf(sidebar.currentConversationId)
            highlight: Rectangle {
                visible: conversationList.activeFocus // where the keyboard is; the open chat is bold
                color: "transparent"
                border.width: 2
                border.color: Material.accent
                radius: 4
            }
            // Keys act on the current row: Enter opens, F2 renames, Delete deletes.
            Keys.onPressed: (event) => {
                const item = conversationList.currentItem
                if (!item)
                    return
                if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
                    sidebar.conversationSelected(item.conversationId)
                    event.accepted = true
                } else if (event.key === Qt.Key_F2) {
                    item.startRename()
                    event.accepted = true
                } else if (event.key === Qt.Key_Delete) {
                    sidebar.removeRequested(item.conversationId)
                    event.accepted = true
                }
            }
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Conversations")
            ScrollBar.vertical: ScrollBar {}

            delegate: ItemDelegate {
                id: row

                required property int index
                required property var conversationId
                required property string title
                required property var updated
                required property string searchSnippet
                property bool renaming: false

                objectName: "conversation_" + index
                width: ListView.view.width
                highlighted: sidebar.currentConversationId === conversationId
                padding: 6
                Accessible.role: Accessible.ListItem
                Accessible.name: title + (searchSnippet !== "" ? ", " + searchSnippet : "")

                function startRename() {
                    row.renaming = true
                    renameField.text = row.title
                    renameField.forceActiveFocus()
                    renameField.selectAll()
                }
                function finishRename(accept) {
                    if (!row.renaming)
                        return
                    row.renaming = false
                    if (accept && renameField.text.trim() !== "" && renameField.text !== row.title)
                        sidebar.conversations.rename(row.conversationId, renameField.text)
                    conversationList.forceActiveFocus()
                }

                onClicked: {
                    conversationList.currentIndex = index
                    sidebar.conversationSelected(conversationId)
                }

                contentItem: RowLayout {
                    spacing: 2
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        Label {
                            objectName: "conversationTitle"
                            visible: !row.renaming
                            Layout.fillWidth: true
                            text: row.title
                            elide: Text.ElideRight
                            font.weight: row.highlighted ? Font.DemiBold : Font.Normal
                        }
                        TextField {
                            id: renameField
                            objectName: "renameField"
                            visible: row.renaming
                            Layout.fillWidth: true
                            selectByMouse: true
                            Accessible.name: qsTr("New name")
                            Keys.onReturnPressed: row.finishRename(true)
                            Keys.onEnterPressed: row.finishRename(true)
                            Keys.onEscapePressed: row.finishRename(false)
                            onActiveFocusChanged: if (!activeFocus) row.finishRename(true)
                        }
                        Label {
                            objectName: "conversationSnippet"
                            visible: row.searchSnippet !== ""
                            Layout.fillWidth: true
                            text: sidebar.snippetMarkup(row.searchSnippet)
                            textFormat: Text.StyledText
                            elide: Text.ElideRight
                            maximumLineCount: 2
                            wrapMode: Text.Wrap
                            font.pixelSize: 12
                            opacity: 0.75
                        }
                        Label {
                            visible: row.searchSnippet === "" && text !== ""
                            text: sidebar.activityText(row.updated)
                            font.pixelSize: 11
                            opacity: 0.6
                        }
                    }
                    ToolButton {
                        objectName: "renameButton"
                        text: "✎"
                        visible: !row.renaming
                        opacity: row.hovered || row.highlighted || hovered || activeFocus ? 1 : 0.35
                        onClicked: row.startRename()
                        Accessible.name: qsTr("Rename “%1”").arg(row.title)
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Rename (F2)")
                    }
                    ToolButton {
                        objectName: "deleteButton"
                        text: "✕"
                        visible: !row.renaming
                        opacity: row.hovered || row.highlighted || hovered || activeFocus ? 1 : 0.35
                        onClicked: sidebar.removeRequested(row.conversationId)
                        Accessible.name: qsTr("Delete “%1”").arg(row.title)
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Delete (Del)")
                    }
                }
            }
        }

        // The undo bar: a deleted conversation stays recoverable for a few seconds.
        Frame {
            objectName: "undoBar"
            visible: sidebar.conversations.canUndoRemove
            Layout.fillWidth: true
            padding: 6
            RowLayout {
                anchors.fill: parent
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Deleted “%1”").arg(sidebar.conversations.pendingRemovalTitle)
                    elide: Text.ElideRight
                }
                Button {
                    objectName: "undoButton"
                    flat: true
                    text: qsTr("Undo")
                    onClicked: sidebar.conversations.undoRemove()
                    Accessible.name: qsTr("Undo delete")
                }
            }
        }

        Label {
            objectName: "sidebarError"
            visible: text !== ""
            Layout.fillWidth: true
            text: sidebar.conversations.lastError
            wrapMode: Text.Wrap
            color: Material.color(Material.Red)
        }

        Button {
            objectName: "importButton"
            Layout.fillWidth: true
            flat: true
            text: qsTr("Import conversation…")
            onClicked: sidebar.importRequested()
            Accessible.name: text
        }
    }
}
