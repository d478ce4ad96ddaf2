// The main window: a navigation rail (Chat, Compare, Arena, Suites, Models, Devices, Settings)
// and one page per section. The application (or a test) hands in the engine bridge, the
// conversation store and the models folder; pages receive what they need as properties and never
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
    property bool darkTheme: false
    property string dataFolder: ""      // shown so people know where their history lives
    property string modelsFolder: ""    // where imported and downloaded models live
    // No model configured yet: the first-run page (views/FirstRunPage.qml) covers the window.
    property bool firstRun: false
    // Which section is shown: "chat", "compare", "arena", "suites", "models", "devices", "settings".
    property string section: "chat"

    readonly property var sections: [
        { key: "chat", label: qsTr("Chat"), icon: "\u{1F4AC}" },
        { key: "compare", label: qsTr("Compare"), icon: "\u2194" },
        { key: "arena", label: qsTr("Arena"), icon: "\u2696" },
        { key: "suites", label: qsTr("Suites"), icon: "\u2630" },
        { key: "models", label: qsTr("Models"), icon: "\u25A6" },
        { key: "devices", label: qsTr("Devices"), icon: "\u2699" },
        { key: "settings", label: qsTr("Settings"), icon: "\u2630" }
    ]

    function showSection(key) { window.section = key }

    width: 1200
    height: 780
    minimumWidth: 640
    minimumHeight: 460
    visible: true
    title: qsTr("Agora")

    Material.theme: darkTheme ? Material.Dark : Material.Light
    Material.accent: darkTheme ? "#5eead4" : "#0f766e"
    Material.primary: darkTheme ? "#134e4a" : "#0f766e"

    DeviceListModel {
        id: deviceModel
        bridge: window.bridge
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
                objectName: "headerModelLine"
                visible: !window.firstRun
                opacity: 0.9
                elide: Text.ElideRight
                Layout.maximumWidth: 320
                text: window.bridge.modelState === EngineBridge.Ready ? window.bridge.modelName
                      : window.bridge.modelState === EngineBridge.Loading
                        ? qsTr("Loading… %1%").arg(Math.round(window.bridge.loadProgress * 100))
                        : qsTr("No model loaded")
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
                        objectName: "nav_" + modelData.key
                        Layout.fillWidth: true
                        highlighted: window.section === modelData.key
                        focusPolicy: Qt.StrongFocus
                        text: modelData.label
                        display: AbstractButton.TextUnderIcon
                        font.pixelSize: 12
                        Accessible.role: Accessible.PageTab
                        Accessible.name: modelData.label
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
                                Layout.alignment: Qt.AlignHCenter
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
            currentIndex: ["chat", "compare", "arena", "suites", "models", "devices", "settings"].indexOf(window.section)

            ChatPage {
                bridge: window.bridge
                store: window.store
                darkTheme: window.darkTheme
            }
            ComparePage {
                bridge: window.bridge
                store: window.store
                modelsFolder: window.modelsFolder
                darkTheme: window.darkTheme
            }
            ArenaPage {
                bridge: window.bridge
                store: window.store
                modelsFolder: window.modelsFolder
                darkTheme: window.darkTheme
            }
            SuitesPage {
                bridge: window.bridge
                store: window.store
                modelsFolder: window.modelsFolder
                darkTheme: window.darkTheme
            }
            ModelsPage {
                bridge: window.bridge
                modelsFolder: window.modelsFolder
                darkTheme: window.darkTheme
                onChatRequested: window.showSection("chat")
            }
            WelcomePage {
                devices: deviceModel
                darkTheme: window.darkTheme
                dataFolder: window.dataFolder
            }
            SettingsPage {
                bridge: window.bridge
                devices: deviceModel
                dataFolder: window.dataFolder
                modelsFolder: window.modelsFolder
                darkTheme: window.darkTheme
            }
        }
    }

    Loader {
        anchors.fill: parent
        active: window.firstRun
        sourceComponent: FirstRunPage {
            devices: deviceModel
            darkTheme: window.darkTheme
            catalog: CatalogListModel {}
            download: ModelDownload {}  // its network access is created by the first Download press
        }
    }
}
