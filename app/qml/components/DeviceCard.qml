// One detected device: name, kind, memory, subgroup size, features; the default one marked and
// an unusable one explained. Focusable so keyboard and screen-reader users can walk the list.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

Pane {
    id: card

    required property int index
    required property int deviceIndex
    required property string name
    required property string vendor
    required property string typeText
    required property string driver
    required property string apiVersion
    required property string memoryText
    required property int subgroupSize
    required property string storageBufferRangeText
    required property string sharedMemoryText
    required property var featureTexts
    required property bool usable
    required property string unusableReason
    required property bool isDefault
    property bool darkTheme: false

    objectName: "deviceCard_" + deviceIndex
    padding: 18
    focusPolicy: Qt.StrongFocus
    activeFocusOnTab: true

    Accessible.role: Accessible.Grouping
    Accessible.name: name
    Accessible.description: [typeText, vendor,
                             qsTr("Memory: %1").arg(memoryText),
                             isDefault ? qsTr("Default device") : "",
                             usable ? "" : qsTr("Cannot be used: %1").arg(unusableReason)]
                            .filter(s => s !== "").join(". ")

    background: Rectangle {
        radius: 12
        color: card.darkTheme ? "#1f2528" : "#ffffff"
        border.width: card.activeFocus ? 2 : 1
        border.color: card.activeFocus ? card.Material.accent
                                       : (card.isDefault ? card.Material.accent
                                                         : (card.darkTheme ? "#33403f" : "#dde3e2"))
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Label {
                objectName: "deviceName"
                text: card.name
                font.pixelSize: 17
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Rectangle {
                objectName: "defaultBadge"
                visible: card.isDefault
                radius: height / 2
                color: card.Material.accent
                implicitWidth: defaultLabel.implicitWidth + 16
                implicitHeight: defaultLabel.implicitHeight + 6
                Label {
                    id: defaultLabel
                    anchors.centerIn: parent
                    text: qsTr("Default")
                    color: card.darkTheme ? "#0b1f1d" : "white"
                    font.pixelSize: 12
                    font.weight: Font.DemiBold
                }
            }
        }

        Label {
            text: card.typeText + (card.vendor !== "" ? " · " + card.vendor : "")
            opacity: 0.7
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        GridLayout {
            columns: 2
            columnSpacing: 16
            rowSpacing: 4
            Layout.fillWidth: true
            Layout.topMargin: 4

            component Key: Label { opacity: 0.65; font.pixelSize: 13 }
            component Value: Label { font.pixelSize: 13; elide: Text.ElideRight; Layout.fillWidth: true }

            Key { text: qsTr("Memory") }
            Value { objectName: "memoryValue"; text: card.memoryText }
            Key { text: qsTr("Subgroup size") }
            Value { objectName: "subgroupValue"; text: card.subgroupSize }
            Key { text: qsTr("Largest buffer") }
            Value { text: card.storageBufferRangeText }
            Key { text: qsTr("Shared memory") }
            Value { text: card.sharedMemoryText }
            Key { text: qsTr("Vulkan") }
            Value { text: card.apiVersion }
            Key { text: qsTr("Driver"); Layout.alignment: Qt.AlignTop }
            Value { text: card.driver; wrapMode: Text.Wrap; elide: Text.ElideNone }
        }

        Flow {
            objectName: "featureChips"
            Layout.fillWidth: true
            spacing: 6
            Repeater {
                model: card.featureTexts
                delegate: Rectangle {
                    required property string modelData
                    radius: 6
                    color: card.darkTheme ? "#2b3a38" : "#e7f3f1"
                    implicitWidth: chipLabel.implicitWidth + 14
                    implicitHeight: chipLabel.implicitHeight + 6
                    Label {
                        id: chipLabel
                        anchors.centerIn: parent
                        text: parent.modelData
                        font.pixelSize: 12
                    }
                }
            }
            Label {
                visible: card.featureTexts.length === 0
                text: qsTr("No optional features")
                opacity: 0.6
                font.pixelSize: 12
            }
        }

        Rectangle {
            objectName: "unusableBanner"
            visible: !card.usable
            Layout.fillWidth: true
            radius: 8
            color: card.darkTheme ? "#3b1d1d" : "#fdecec"
            implicitHeight: reasonLabel.implicitHeight + 16
            Label {
                id: reasonLabel
                objectName: "unusableReason"
                anchors.fill: parent
                anchors.margins: 8
                wrapMode: Text.WordWrap
                text: qsTr("Cannot be used: %1").arg(card.unusableReason)
                color: card.darkTheme ? "#fca5a5" : "#9b1c1c"
            }
        }
    }
}
