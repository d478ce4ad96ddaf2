// The chat: conversations on the left (ConversationSidebar), the open conversation in the
// middle, its settings on the right when opened (ConversationSettingsPanel). A new chat is a
// draft until its first message: only then is it stored, named after that question, with the
// defaults from `settings` (AppSettings, or built-in ones when there is none).
// Composer: Enter sends, Shift+Enter starts a new line, Esc stops the answer.
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
    property bool darkTheme: false
    // AppSettings (defaultPreset, defaultSystemPrompt, defaultContextLength, defaultOverflowPolicy);
    // null: built-in defaults.
    property QtObject settings: null
    property string modelsFolder: ""       // the header's model switcher lists this folder
    // Tests may hand in their own models; the window uses the page's own.
    property MessageListModel messages: MessageListModel {
        bridge: page.bridge
        store: page.store
    }
    property ConversationListModel conversations: ConversationListModel {
        store: page.store
    }
    property bool settingsOpen: false
    property string pendingText: ""        // the first message of a draft, while it is being stored
    property var removedConversationId: 0  // the open conversation, deleted but still undoable
    property string notice: ""             // export/import outcome

    readonly property bool modelReady: page.bridge !== null && page.bridge.modelState === EngineBridge.Ready
    readonly property bool modelLoading: page.bridge !== null && page.bridge.modelState === EngineBridge.Loading

    // The window switches to the Models section.
    signal modelsRequested()
    // A saved comparison was picked in the sidebar: the window opens it in the Compare section.
    signal compareRequested(var conversationId)

    objectName: "chatPage"
    padding: 0
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Chat")

    SamplingPresets { id: samplingPresets }
    ConversationTransfer {
        id: transfer
        store: page.store
        onExported: (path) => page.notice = qsTr("Saved to %1").arg(path)
        onImported: (conversationId, title) => {
            page.notice = qsTr("Imported “%1”").arg(title)
            page.openConversation(conversationId)
        }
        onFailed: (message) => page.notice = message
    }

    function defaultSetting(name, fallback) {
        return page.settings && page.settings[name] !== undefined && page.settings[name] !== null
               && page.settings[name] !== "" ? page.settings[name] : fallback
    }
    // The settings of a conversation that has none yet.
    function applyDefaults() {
        page.messages.systemPrompt = page.defaultSetting("defaultSystemPrompt", "")
        page.messages.sampling = samplingPresets.values(page.defaultSetting("defaultPreset", "balanced"))
        page.messages.contextLength = page.defaultSetting("defaultContextLength", 0)
        page.messages.overflowPolicy = page.defaultSetting("defaultOverflowPolicy", "drop-oldest")
    }
    function newChat() {
        page.pendingText = ""
        page.messages.conversationId = 0
        page.applyDefaults()
        composer.forceActiveFocus()
    }
    function openConversation(conversationId) {
        if (page.messages.conversationId === conversationId)
            return
        if (page.conversations.kindOf(conversationId) === "compare") {
            page.compareRequested(conversationId)
            return
        }
        page.pendingText = ""
        page.messages.conversationId = conversationId
        composer.forceActiveFocus()
    }
    function removeConversation(conversationId) {
        page.removedConversationId = conversationId === page.messages.conversationId ? conversationId : 0
        page.conversations.remove(conversationId)
        if (page.removedConversationId !== 0)
            page.newChat()
    }
    // Starts a new conversation (with the defaults for new ones, named after `text`) whose first
    // message is `text`, e.g. a question typed before any model was ready.
    function startChat(text) {
        if (text.trim() === "")
            return
        page.newChat()
        if (!page.store) {
            page.notice = qsTr("The conversation history is not available, so this chat cannot be started.")
            return
        }
        page.pendingText = text
        page.conversations.createConversation("")
    }
    function sendComposer() {
        const text = composer.text
        if (text.trim() === "" || page.pendingText !== "")
            return
        if (page.messages.conversationId === 0) {
            if (!page.store) {
                page.notice = qsTr("The conversation history is not available, so this chat cannot be started.")
                return
            }
            // A draft: store it first; the message goes out when the store answers.
            page.pendingText = text
            page.conversations.createConversation("")
            return
        }
        if (page.messages.send(text))
            composer.clear()
    }

    Component.onCompleted: page.applyDefaults()

    Connections {
        target: page.conversations
        function onConversationCreated(conversationId) {
            if (page.pendingText === "")
                return
            const text = page.pendingText
            page.pendingText = ""
            // Settings chosen on the draft carry over to the stored conversation.
            page.messages.adoptDraft(conversationId)
            if (page.messages.send(text) && composer.text === text)
                composer.clear()
        }
        function onLastErrorChanged() {
            // The draft could not be stored: say so, and let the user try again.
            if (page.pendingText !== "" && page.conversations.lastError !== "") {
                page.pendingText = ""
                page.notice = qsTr("This chat could not be saved: %1").arg(page.conversations.lastError)
            }
        }
        function onRemovalUndone(conversationId) {
            // The open conversation was deleted and is back: show it again.
            if (conversationId === page.removedConversationId && page.messages.conversationId === 0)
                page.openConversation(conversationId)
            page.removedConversationId = 0
        }
    }

    FileDialog {
        id: exportDialog
        property string format: "markdown"
        fileMode: FileDialog.SaveFile
        title: qsTr("Export conversation")
        nameFilters: format === "json" ? [qsTr("Agora conversation (*.json)")] : [qsTr("Markdown (*.md)")]
        onAccepted: transfer.exportTo(page.messages.conversationId, selectedFile, format)
    }
    FileDialog {
        id: importDialog
        fileMode: FileDialog.OpenFile
        title: qsTr("Import conversation")
        nameFilters: [qsTr("Agora conversation (*.json)")]
        onAccepted: transfer.importFrom(selectedFile)
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        ConversationSidebar {
            id: sidebar
            Layout.preferredWidth: 260
            Layout.fillHeight: true
            conversations: page.conversations
            currentConversationId: page.messages ? page.messages.conversationId : 0
            onNewChatRequested: page.newChat()
            onConversationSelected: (conversationId) => page.openConversation(conversationId)
            onRemoveRequested: (conversationId) => page.removeConversation(conversationId)
            onImportRequested: importDialog.open()
        }

        ToolSeparator { orientation: Qt.Vertical; Layout.fillHeight: true; padding: 0 }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: 12
            spacing: 8

            RowLayout {
                Layout.fillWidth: true
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Label {
                        objectName: "chatTitle"
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        text: !page.messages || page.messages.conversationId === 0 ? qsTr("New chat")
                              : page.messages.title !== "" ? page.messages.title : qsTr("Untitled conversation")
                        font.pixelSize: 16
                        font.weight: Font.DemiBold
                    }
                    Label {
                        objectName: "modelLine"
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        opacity: 0.75
                        // (null checks: the bridge and the model can go away before the page when a window closes)
                        text: !page.bridge ? "" : page.modelReady
                              ? (page.bridge.continuationMode ? qsTr("%1 (continues your text)").arg(page.bridge.modelName)
                                                              : page.bridge.modelName)
                              : page.modelLoading
                                ? qsTr("Loading model… %1%").arg(Math.round(page.bridge.loadProgress * 100))
                                : qsTr("No model loaded")
                    }
                }
                ModelSwitcher {
                    objectName: "chatModelSwitcher"
                    Layout.preferredWidth: 300
                    visible: page.modelsFolder !== ""
                    bridge: page.bridge
                    modelsFolder: page.modelsFolder
                    onManageRequested: page.modelsRequested()
                }
                Button {
                    objectName: "exportButton"
                    flat: true
                    text: qsTr("Export")
                    enabled: page.messages !== null && page.messages.conversationId !== 0 && !transfer.busy
                    onClicked: exportMenu.open()
                    Accessible.name: qsTr("Export conversation")
                    Menu {
                        id: exportMenu
                        y: parent.height
                        MenuItem {
                            objectName: "exportMarkdown"
                            text: qsTr("As Markdown…")
                            onTriggered: {
                                exportDialog.format = "markdown"
                                exportDialog.selectedFile = transfer.suggestedFileName(page.messages.title, "markdown")
                                exportDialog.open()
                            }
                        }
                        MenuItem {
                            objectName: "exportJson"
                            text: qsTr("As JSON (can be imported)…")
                            onTriggered: {
                                exportDialog.format = "json"
                                exportDialog.selectedFile = transfer.suggestedFileName(page.messages.title, "json")
                                exportDialog.open()
                            }
                        }
                    }
                }
                Button {
                    objectName: "settingsButton"
                    flat: true
                    checkable: true
                    checked: page.settingsOpen
                    text: qsTr("Settings")
                    onToggled: page.settingsOpen = checked
                    Accessible.name: qsTr("Conversation settings")
                }
            }

            Label {
                objectName: "chatNotice"
                visible: text !== ""
                Layout.fillWidth: true
                text: page.notice
                wrapMode: Text.Wrap
                opacity: 0.85
                MouseArea { anchors.fill: parent; onClicked: page.notice = "" }
            }

            // What to do when there is nothing to chat with yet, in plain words.
            ColumnLayout {
                objectName: "emptyState"
                visible: messageList.count === 0
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 12
                Item { Layout.fillHeight: true }
                Label {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    font.pixelSize: 20
                    text: page.modelReady ? qsTr("Ask anything") : page.modelLoading ? qsTr("The model is loading…")
                                                                                      : qsTr("Choose a model to start")
                }
                Label {
                    objectName: "emptyStateHint"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    opacity: 0.75
                    text: page.modelReady
                          ? qsTr("Type your message below and press Enter. Everything stays on this computer.")
                          : qsTr("Agora answers with a language model stored on this computer. Pick one (or download one) in Models, then come back here.")
                }
                Button {
                    objectName: "chooseModelButton"
                    visible: !page.modelReady && !page.modelLoading
                    Layout.alignment: Qt.AlignHCenter
                    highlighted: true
                    text: qsTr("Choose a model")
                    onClicked: page.modelsRequested()
                    Accessible.name: text
                }
                Item { Layout.fillHeight: true }
            }

            ListView {
                id: messageList
                objectName: "messageList"
                visible: count > 0
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 16
                model: page.messages
                activeFocusOnTab: true
                // Follows a growing reply only while the reader is at the bottom: scrolling up to
                // read stops the following, scrolling back down (or "Latest") resumes it.
                property bool followEnd: true
                property bool autoScrolling: false
                function scrollToEnd() {
                    autoScrolling = true
                    positionViewAtEnd()
                    autoScrolling = false
                    followEnd = true
                }
                onContentYChanged: if (!autoScrolling) followEnd = atYEnd
                onContentHeightChanged: if (followEnd) Qt.callLater(scrollToEnd)
                onCountChanged: Qt.callLater(scrollToEnd)

                RoundButton {
                    objectName: "jumpToLatestButton"
                    anchors.right: parent.right
                    anchors.bottom: parent.bottom
                    anchors.margins: 8
                    visible: !messageList.followEnd && messageList.count > 0
                    text: "↓"
                    onClicked: messageList.scrollToEnd()
                    Accessible.name: qsTr("Jump to the latest message")
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Jump to the latest message")
                }
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Messages")
                ScrollBar.vertical: ScrollBar {}
                delegate: MessageBubble {
                    width: messageList.width - 16
                    isLastReply: index === messageList.count - 1
                    canAct: page.messages !== null && !page.messages.streaming
                    onCopyRequested: (row) => page.messages.copyToClipboard(row)
                    onRegenerateRequested: page.messages.regenerate()
                    onEditSubmitted: (row, text) => page.messages.editAndResend(row, text)
                }
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
                ScrollView {
                    Layout.fillWidth: true
                    Layout.maximumHeight: 160
                    TextArea {
                        id: composer
                        objectName: "composer"
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
                }
                Button {
                    objectName: "sendButton"
                    text: page.messages && page.messages.streaming ? qsTr("Stop") : qsTr("Send")
                    highlighted: true
                    enabled: (page.messages !== null && page.messages.streaming) || composer.text.trim() !== ""
                    onClicked: page.messages.streaming ? page.messages.stop() : page.sendComposer()
                    Accessible.name: text
                }
            }
        }

        ToolSeparator { visible: page.settingsOpen; orientation: Qt.Vertical; Layout.fillHeight: true; padding: 0 }

        ConversationSettingsPanel {
            visible: page.settingsOpen
            Layout.preferredWidth: 300
            Layout.fillHeight: true
            messages: page.messages
            bridge: page.bridge
            presets: samplingPresets
            onCloseRequested: page.settingsOpen = false
        }
    }
}
