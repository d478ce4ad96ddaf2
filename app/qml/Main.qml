// The main window: a header bar and, for now, the welcome page with the detected devices.
// The engine bridge comes in as a required property (set by the application or a test).
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Agora

ApplicationWindow {
    id: window

    required property EngineBridge bridge
    property bool darkTheme: false
    property string dataFolder: ""  // shown so people know where their history lives
    // No model configured yet: the first-run page (views/FirstRunPage.qml) replaces the welcome page.
    property bool firstRun: false

    width: 1120
    height: 760
    minimumWidth: 560
    minimumHeight: 420
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
            ToolButton {
                id: refreshButton
                objectName: "refreshDevicesButton"
                text: qsTr("Refresh devices")
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

    WelcomePage {
        anchors.fill: parent
        visible: !window.firstRun
        devices: deviceModel
        darkTheme: window.darkTheme
        dataFolder: window.dataFolder
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
