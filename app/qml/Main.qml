// The main window: a navigation rail (Chat, Compare, Arena, Suites, Models, Devices, Settings)
// and one page per section. The application (or a test) hands in the engine bridge, the
// conversation store and the settings; pages receive what they need as properties and never
// reach for globals. On first run (no model yet) the first-run page covers everything.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Agora

ApplicationWindow {
    id: window

    required property EngineBridge bridge
    property QtObject store: null       // the ConversationStore (C++), null in tests that need none
    // The AppSettings (C++): theme, language, GPU, models folder, defaults. Null in tests that
    // need none: the window then uses the defaults below.
    property QtObject settings: null
    // --theme for one session ("light", "dark", "system"); empty: the settings decide.
    property string themeOverride: ""
    // The platform's palette says whether the desktop is dark (Qt 6.4 has no colour-scheme hint).
    property bool systemDark: platformPalette.window.hslLightness < 0.5
    readonly property string themeChoice: themeOverride !== "" ? themeOverride
                                          : (settings ? settings.theme : "system")
    property bool darkTheme: themeChoice === "dark" || (themeChoice === "system" && systemDark)
    property string dataFolder: ""      // shown so people know where their history lives
    property string modelsFolder: settings ? settings.modelsFolder : ""
    // No model configured yet: the first-run page (views/FirstRunPage.qml) covers the window.
    property bool firstRun: false
    // Which section is shown: "chat", "compare", "arena", "suites", "models", "devices", "settings".
    property string section: "chat"
    // --send: sent in a new conversation once the model is ready, then cleared.
    property string pendingMessage: ""
    // --compare: 2 to 4 model paths that open in Compare at start; a --send then goes to them.
    property var compareModels: []

    readonly property var sections: [
        { key: "chat", label: qsTr("Chat"), icon: "\u275D" },
        { key: "compare", label: qsTr("Compare"), icon: "\u2194" },
        { key: "arena", label: qsTr("Arena"), icon: "\u2696" },
        { key: "suites", label: qsTr("Suites"), icon: "\u2630" },
        { key: "models", label: qsTr("Models"), icon: "\u25A6" },
        { key: "devices", label: qsTr("Devices"), icon: "\u2699" },
        { key: "settings", label: qsTr("Settings"), icon: "\u2630" }
    ]
    // The F1 dialog (tests open and read it).
    readonly property alias shortcutsHelp: shortcutsDialog
    readonly property var sectionKeys: sections.map(function (s) { return s.key })
    // The GPU models run on: the one chosen in the settings, else the engine's default.
    readonly property string activeDeviceName: {
        const count = deviceModel.count // re-evaluated after every scan
        const chosen = settings ? settings.device : ""
        let fallback = ""
        for (let row = 0; row < count; ++row) {
            const at = deviceModel.index(row, 0)
            const name = deviceModel.data(at, DeviceListModel.NameRole)
            if (chosen !== "" && name === chosen && deviceModel.data(at, DeviceListModel.UsableRole))
                return name
            if (deviceModel.data(at, DeviceListModel.IsDefaultRole))
                fallback = name
        }
        return fallback
    }

    function showSection(key) {
        if (sectionKeys.indexOf(key) >= 0)
            window.section = key
    }

    // Pages that have a `settings` property get ours; the others are left alone, so a page
    // written before the settings existed still loads.
    function wireSettings(page) {
        if (!page || !("settings" in page))
            return
        page.settings = Qt.binding(function () { return window.settings })
        // A draft that took its defaults before the settings arrived takes them again.
        if (typeof page.applyDefaults === "function" && page.messages && page.messages.conversationId === 0)
            page.applyDefaults()
    }

    function newChat() {
        showSection("chat")
        if (typeof chatPage.newChat === "function")
            chatPage.newChat()
    }

    // The first model is there (downloaded, imported or chosen later in Models): first run is
    // over for good, and the model is loaded so the first chat can start at once.
    function finishFirstRun(path) {
        if (settings)
            settings.firstRunDone = true
        window.firstRun = false
        if (path !== "" && (bridge.modelState === EngineBridge.NoModel || bridge.modelState === EngineBridge.Failed)) {
            bridge.loadModel(path, settings ? settings.defaultContextLength : 0, settings ? settings.device : "")
            showSection("chat")
        } else {
            showSection(path !== "" ? "chat" : "models")
        }
    }

    // The section switch, the picks and the send happen once the whole window exists.
    function startComparison() {
        if (!compareModels || compareModels.length < 2)
            return
        const text = pendingMessage
        pendingMessage = ""
        showSection("compare")
        comparePage.compareModels(compareModels, text)
    }
    Component.onCompleted: Qt.callLater(startComparison)

    function sendPendingMessage() {
        if (pendingMessage === "" || bridge.modelState !== EngineBridge.Ready)
            return
        const text = pendingMessage
        pendingMessage = ""
        showSection("chat")
        // The chat page starts a conversation with the new-conversation defaults and sends it.
        if (typeof chatPage.startChat === "function") {
            chatPage.startChat(text)
            return
        }
        newChat()
        launchConversations.pendingText = text
        launchConversations.createConversation(text.length > 48 ? text.substring(0, 47) + "…" : text)
    }

    width: 1200
    height: 780
    minimumWidth: 640
    minimumHeight: 460
    visible: true
    title: qsTr("Agora")

    Material.theme: darkTheme ? Material.Dark : Material.Light
    Material.accent: darkTheme ? "#5eead4" : "#0f766e"
    Material.primary: darkTheme ? "#134e4a" : "#0f766e"

    SystemPalette { id: platformPalette; colorGroup: SystemPalette.Active }

    DeviceListModel {
        id: deviceModel
        bridge: window.bridge
    }

    // --send: a conversation of its own, then the message through the chat page's list.
    ConversationListModel {
        id: launchConversations
        property string pendingText: ""
        store: window.store
        onConversationCreated: (conversationId) => {
            if (pendingText === "")
                return
            const text = pendingText
            pendingText = ""
            if (typeof chatPage.openConversation === "function")
                chatPage.openConversation(conversationId)
            else
                chatPage.messages.conversationId = conversationId
            if (chatPage.conversations)
                chatPage.conversations.refresh() // the sidebar lists it at once
            chatPage.messages.send(text)
        }
    }
    Connections {
        target: window.bridge
        function onModelStateChanged() { window.sendPendingMessage() }
    }

    // Keyboard: Ctrl+1..7 sections, Ctrl+N new chat, F1 this list.
    Repeater {
        model: window.sections.length
        delegate: Item {
            required property int index
            Shortcut {
                sequence: "Ctrl+" + (index + 1)
                enabled: !window.firstRun
                onActivated: window.showSection(window.sectionKeys[index])
            }
        }
    }
    Shortcut {
        sequence: "Ctrl+N"
        enabled: !window.firstRun
        onActivated: window.newChat()
    }
    Shortcut {
        sequence: "F1"
        onActivated: shortcutsDialog.open()
    }

    ShortcutsDialog {
        id: shortcutsDialog
        sections: window.sections
    }

    header: ToolBar {
        Material.foreground: "white"
        Material.background: window.darkTheme ? "#10302d" : "#0f766e"

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 16
            anchors.rightMargin: 8
            spacing: 12

            Image {
                source: "qrc:/agora/icons/agora.svg"
                sourceSize: Qt.size(28, 28)
                Layout.preferredWidth: 28
                Layout.preferredHeight: 28
                Accessible.ignored: true
            }
            Label {
                text: qsTr("Agora")
                font.pixelSize: 20
                font.weight: Font.DemiBold
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Label {
                text: qsTr("Private chat with local language models")
                opacity: 0.8
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                objectName: "headerDeviceLine"
                visible: window.activeDeviceName !== ""
                opacity: 0.9
                elide: Text.ElideRight
                Layout.maximumWidth: 260
                //: the graphics device models run on, in the window's header
                text: qsTr("GPU: %1").arg(window.activeDeviceName)
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Models run on %1").arg(window.activeDeviceName)
            }
            Label {
                objectName: "headerModelLine"
                visible: !window.firstRun
                opacity: 0.9
                elide: Text.ElideRight
                Layout.maximumWidth: 320
                // (null check: the bridge can go before the window at teardown)
                text: !window.bridge ? "" : window.bridge.modelState === EngineBridge.Ready ? window.bridge.modelName
                      : window.bridge.modelState === EngineBridge.Loading
                        ? qsTr("Loading… %1%").arg(Math.round(window.bridge.loadProgress * 100))
                        : qsTr("No model loaded")
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Loaded model: %1").arg(text)
            }
            ToolButton {
                id: refreshButton
                objectName: "refreshDevicesButton"
                text: qsTr("Refresh devices")
                visible: window.section === "devices" || window.firstRun
                enabled: !deviceModel.scanning
                focusPolicy: Qt.StrongFocus
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Look for graphics devices again")
                onClicked: window.bridge.refreshDevices()
                ToolTip.visible: hovered
                ToolTip.text: Accessible.name
            }
            ToolButton {
                objectName: "shortcutsButton"
                text: "?"
                focusPolicy: Qt.StrongFocus
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Keyboard shortcuts (F1)")
                onClicked: shortcutsDialog.open()
                ToolTip.visible: hovered
                ToolTip.text: Accessible.name
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0
        visible: !window.firstRun

        // The navigation rail: one button per section, keyboard reachable (Tab, then arrows).
        Pane {
            objectName: "navigationRail"
            Layout.fillHeight: true
            Layout.preferredWidth: 96
            padding: 4
            Material.elevation: 1
            Accessible.role: Accessible.PageTabList
            Accessible.name: qsTr("Sections")

            ColumnLayout {
                anchors.fill: parent
                spacing: 2
                Repeater {
                    model: window.sections
                    delegate: ItemDelegate {
                        required property var modelData
                        required property int index
                        objectName: "nav_" + modelData.key
                        Layout.fillWidth: true
                        highlighted: window.section === modelData.key
                        focusPolicy: Qt.StrongFocus
                        text: modelData.label
                        display: AbstractButton.TextUnderIcon
                        font.pixelSize: 12
                        // The label gets the rail's whole width; a long one ("Einstellungen")
                        // shrinks a little rather than being cut by the page next to the rail.
                        leftPadding: 2
                        rightPadding: 2
                        Accessible.role: Accessible.PageTab
                        Accessible.name: modelData.label
                        Accessible.description: qsTr("Ctrl+%1").arg(index + 1)
                        Accessible.selected: highlighted
                        onClicked: window.showSection(modelData.key)
                        contentItem: ColumnLayout {
                            spacing: 2
                            Label {
                                text: modelData.icon
                                font.pixelSize: 20
                                Layout.alignment: Qt.AlignHCenter
                                Accessible.ignored: true
                            }
                            Label {
                                text: modelData.label
                                font.pixelSize: 12
                                font.weight: window.section === modelData.key ? Font.DemiBold : Font.Normal
                                Layout.fillWidth: true
                                horizontalAlignment: Text.AlignHCenter
                                fontSizeMode: Text.HorizontalFit
                                minimumPixelSize: 9
                                Accessible.ignored: true
                            }
                        }
                    }
                }
                Item { Layout.fillHeight: true }
            }
        }

        StackLayout {
            objectName: "sectionStack"
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: window.sectionKeys.indexOf(window.section)

            ChatPage {
                id: chatPage
                bridge: window.bridge
                store: window.store
                modelsFolder: window.modelsFolder
                onCompareRequested: (conversationId) => {
                    comparePage.openComparison(conversationId)
                    window.showSection("compare")
                }
                darkTheme: window.darkTheme
                Component.onCompleted: window.wireSettings(this)
            }
            ComparePage {
                id: comparePage
                bridge: window.bridge
                store: window.store
                modelsFolder: window.modelsFolder
                darkTheme: window.darkTheme
                Component.onCompleted: window.wireSettings(this)
            }
            ArenaPage {
                id: arenaPage
                bridge: window.bridge
                store: window.store
                modelsFolder: window.modelsFolder
                darkTheme: window.darkTheme
                Component.onCompleted: window.wireSettings(this)
            }
            SuitesPage {
                bridge: window.bridge
                store: window.store
                modelsFolder: window.modelsFolder
                darkTheme: window.darkTheme
                Component.onCompleted: window.wireSettings(this)
            }
            ModelsPage {
                bridge: window.bridge
                modelsFolder: window.modelsFolder
                darkTheme: window.darkTheme
                onChatRequested: window.showSection("chat")
                Component.onCompleted: window.wireSettings(this)
            }
            WelcomePage {
                devices: deviceModel
                darkTheme: window.darkTheme
                dataFolder: window.dataFolder
            }
            SettingsPage {
                bridge: window.bridge
                settings: window.settings
                devices: deviceModel
                dataFolder: window.dataFolder
                darkTheme: window.darkTheme
            }
        }
    }

    // The chat page asks for the models section when there is no model to chat with (the signal
    // arrives with the chat work; until then this connection simply never fires).
    Connections {
        target: chatPage
        ignoreUnknownSignals: true
        function onModelsRequested() { window.showSection("models") }
    }
    Connections {
        target: arenaPage
        ignoreUnknownSignals: true
        function onModelsRequested() { window.showSection("models") }
    }

    Loader {
        objectName: "firstRunLoader"
        anchors.fill: parent
        active: window.firstRun
        sourceComponent: FirstRunPage {
            devices: deviceModel
            darkTheme: window.darkTheme
            catalog: CatalogListModel {}
            // Its network access is created by the first Download press, never before.
            download: ModelDownload {
                modelsFolder: window.modelsFolder
                bridge: window.bridge
            }
            importer: ModelImport { modelsFolder: window.modelsFolder }
            onModelReady: (path) => window.finishFirstRun(path)
            onSkipped: window.finishFirstRun("")
        }
    }
}
