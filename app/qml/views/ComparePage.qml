// Compare: 2 to 4 models answer the same prompt side by side (owner: the compare work).
import QtQuick
import QtQuick.Controls
import Agora

Pane {
    id: page
    property EngineBridge bridge
    property QtObject store: null
    property string modelsFolder: ""
    property bool darkTheme: false
    objectName: "comparePage"
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Compare")
    Label { anchors.centerIn: parent; text: qsTr("Compare") }
}
