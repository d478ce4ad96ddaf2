// The model manager: the models folder, import, model cards, load and unload.
import QtQuick
import QtQuick.Controls
import Agora

Pane {
    id: page
    property EngineBridge bridge
    property string modelsFolder: ""
    property bool darkTheme: false
    signal chatRequested()
    objectName: "modelsPage"
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Models")
    Label { anchors.centerIn: parent; text: qsTr("Models") }
}
