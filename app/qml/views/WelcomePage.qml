// First screen: what Agora is, and which graphics devices it found (the default one marked, the
// unusable ones with their reason), so a user sees at once where their models will run.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Agora

ScrollView {
    id: page

    required property DeviceListModel devices
    property bool darkTheme: false
    property string dataFolder: ""

    objectName: "welcomePage"
    contentWidth: availableWidth
    clip: true

    ColumnLayout {
        id: column

        readonly property int cardWidth: 420
        readonly property int gap: 16

        width: Math.min(page.availableWidth - 64, 1080)
        x: (page.availableWidth - width) / 2
        spacing: 8

        Item { Layout.preferredHeight: 24 }

        Label {
            text: qsTr("Welcome to Agora")
            font.pixelSize: 30
            font.weight: Font.DemiBold
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Chat with language models that run entirely on this computer. Nothing you type leaves it.")
            wrapMode: Text.WordWrap
            font.pixelSize: 15
            opacity: 0.8
        }

        Item { Layout.preferredHeight: 20 }

        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            Label {
                text: qsTr("Graphics devices")
                font.pixelSize: 20
                font.weight: Font.DemiBold
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            BusyIndicator {
                objectName: "scanIndicator"
                running: page.devices.scanning
                visible: running
                Layout.preferredWidth: 28
                Layout.preferredHeight: 28
                Accessible.name: qsTr("Looking for graphics devices")
            }
            Item { Layout.fillWidth: true }
        }
        Label {
            objectName: "deviceSummary"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            opacity: 0.75
            text: {
                if (page.devices.scanning && page.devices.count === 0)
                    return qsTr("Looking for graphics devices…")
                if (page.devices.count === 0)
                    return qsTr("No graphics device was found.")
                if (page.devices.count === 1)
                    return qsTr("One device found. Agora runs models on it when it is usable.")
                return qsTr("%1 devices found. Agora runs models on the one marked as default.")
                           .arg(page.devices.count)
            }
        }

        Pane {
            id: errorPane
            objectName: "deviceError"
            visible: page.devices.errorText !== ""
            Layout.fillWidth: true
            Layout.topMargin: 8
            padding: 16
            background: Rectangle {
                radius: 10
                color: page.darkTheme ? "#3b1d1d" : "#fdecec"
                border.color: page.darkTheme ? "#7f2a2a" : "#f3b4b4"
            }
            Accessible.role: Accessible.AlertMessage
            Accessible.name: errorTitle.text + " " + errorDetail.text

            ColumnLayout {
                anchors.fill: parent
                spacing: 4
                Label {
                    id: errorTitle
                    text: qsTr("Agora cannot use any graphics device on this computer.")
                    font.weight: Font.DemiBold
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Label {
                    id: errorDetail
                    objectName: "deviceErrorDetail"
                    text: page.devices.errorText
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                    opacity: 0.85
                }
            }
        }

        Flow {
            id: cards
            objectName: "deviceCards"
            Layout.fillWidth: true
            Layout.topMargin: 8
            spacing: column.gap

            // Cards share the row evenly: as many columns as fit, never narrower than cardWidth.
            readonly property int columns: Math.max(1, Math.floor((width + spacing) / (column.cardWidth + spacing)))
            readonly property real cellWidth: (width - (columns - 1) * spacing) / columns

            Repeater {
                model: page.devices
                delegate: DeviceCard {
                    width: cards.cellWidth
                    darkTheme: page.darkTheme
                }
            }
        }

        Label {
            text: qsTr("Your data")
            visible: page.dataFolder !== ""
            Layout.topMargin: 28
            font.pixelSize: 20
            font.weight: Font.DemiBold
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Label {
            objectName: "dataFolderNote"
            visible: page.dataFolder !== ""
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            opacity: 0.75
            text: qsTr("Conversations, settings and the log stay on this computer, in %1.")
                  .arg(page.dataFolder)
        }

        Item { Layout.preferredHeight: 32 }
    }
}
