// Settings: GPU, theme, language, data folder, defaults for new conversations.
import QtQuick
import QtQuick.Controls
import Agora

Pane {
    id: page
    property EngineBridge bridge
    property DeviceListModel devices
    property string dataFolder: ""
    property string modelsFolder: ""
    property bool darkTheme: false
    objectName: "settingsPage"
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Settings")
    Label { anchors.centerIn: parent; text: qsTr("Settings") }
}
