// Prompt suites: many prompts across several models, a table of answers.
import QtQuick
import QtQuick.Controls
import Agora

Pane {
    id: page
    property EngineBridge bridge
    property QtObject store: null
    property string modelsFolder: ""
    property bool darkTheme: false
    objectName: "suitesPage"
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Suites")
    Label { anchors.centerIn: parent; text: qsTr("Suites") }
}
