// Arena: two hidden models, a blind vote, a local leaderboard.
import QtQuick
import QtQuick.Controls
import Agora

Pane {
    id: page
    property EngineBridge bridge
    property QtObject store: null
    property string modelsFolder: ""
    property bool darkTheme: false
    objectName: "arenaPage"
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Arena")
    Label { anchors.centerIn: parent; text: qsTr("Arena") }
}
