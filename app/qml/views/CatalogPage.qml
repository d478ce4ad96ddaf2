// Every model in the catalog, grouped by region of origin: who made it, its licence, size, and
// whether it fits this computer. Supported models can be downloaded; the others say "coming soon".
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Agora

ListView {
    id: list

    required property CatalogListModel catalog
    // A ModelDownload, or a fake with the same surface in tests.
    required property QtObject download
    readonly property bool downloadBusy: ["checking", "downloading", "verifying", "paused"].indexOf(download.state) >= 0

    objectName: "catalogList"
    model: catalog
    spacing: 8
    clip: true
    implicitHeight: contentHeight
    interactive: false
    Accessible.role: Accessible.List
    Accessible.name: qsTr("Model catalog")

    section.property: "regionText"
    section.delegate: Label {
        required property string section
        text: section
        topPadding: 12
        font.pixelSize: 18
        font.weight: Font.DemiBold
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }

    delegate: Pane {
        id: row

        required property int index
        required property string modelId
        required property string displayName
        required property string publisher
        required property string country
        required property string license
        required property string parametersText
        required property string quantization
        required property string fileSizeText
        required property string description
        required property bool supported
        required property string fit
        required property string fitText
        required property bool recommended

        objectName: "catalogRow_" + modelId
        width: list.width
        Material.elevation: 1
        Accessible.role: Accessible.ListItem
        Accessible.name: displayName
        Accessible.description: description

        RowLayout {
            anchors.left: parent.left
            anchors.right: parent.right
            spacing: 12

            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                RowLayout {
                    Label {
                        text: row.displayName
                        font.weight: Font.DemiBold
                    }
                    Label {
                        objectName: "recommendedBadge"
                        visible: row.recommended
                        text: qsTr("Recommended")
                        color: Material.accent
                    }
                }
                Label {
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                    //: publisher (country) · parameters · quantization · size · licence
                    text: qsTr("%1 (%2) · %3 · %4 · %5 · %6").arg(row.publisher).arg(row.country).arg(row.parametersText)
                              .arg(row.quantization).arg(row.fileSizeText).arg(row.license)
                    opacity: 0.75
                }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: row.description
                }
                Label {
                    objectName: "fitLabel"
                    text: row.supported ? row.fitText : qsTr("Coming soon: Agora cannot run this model family yet")
                    color: !row.supported ? Material.foreground
                           : row.fit === "fits" ? Material.accent
                           : row.fit === "tight" ? Material.color(Material.Orange) : Material.color(Material.Red)
                    opacity: row.supported ? 1 : 0.6
                }
            }
            Button {
                // A download of this model stopped earlier (also before a restart) continues.
                readonly property bool resumable: list.download.hasPartial !== undefined && list.download.revision >= 0
                                                  && list.download.hasPartial(list.catalog.get(row.index))
                objectName: "catalogDownload_" + row.modelId
                text: resumable ? qsTr("Resume") : qsTr("Download")
                enabled: row.supported && row.fit !== "no" && !list.downloadBusy
                Accessible.role: Accessible.Button
                Accessible.name: resumable ? qsTr("Resume the download of %1").arg(row.displayName)
                                           : qsTr("Download %1").arg(row.displayName)
                onClicked: list.download.start(list.catalog.get(row.index))
            }
        }
    }
}
