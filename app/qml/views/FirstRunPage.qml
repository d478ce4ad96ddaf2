// First run: what Agora is and that everything stays on this computer, the detected graphics
// device, the one model recommended for it with a single Download button (progress, speed, time
// left, pause, cancel; "Resume" for a download interrupted earlier, even before a restart), or
// "I already have a model file" (imported into the models folder). Nothing touches the network
// until the user presses Download: `download` only creates its network access on start().
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Agora

ScrollView {
    id: page

    required property CatalogListModel catalog
    // A ModelDownload, or a fake with the same properties and functions in tests.
    required property QtObject download
    // The engine's devices: the default one feeds the device line and the recommendation. Tests
    // may leave it null and set the device properties directly.
    property DeviceListModel devices: null
    // A ModelImport (or a fake): brings the user's own file into the models folder. Null: the
    // chosen file is only announced through modelFileChosen.
    property QtObject importer: null
    property string deviceName: ""
    property string deviceMemoryText: ""
    property bool darkTheme: false

    // The user picked a GGUF file of their own, or a download finished and was verified.
    signal modelFileChosen(url fileUrl)
    signal modelReady(string path)
    // "Not now": first run ends without a model; the window opens the Models section.
    signal skipped()

    readonly property var recommended: catalog.recommendedRow >= 0 ? catalog.get(catalog.recommendedRow) : ({})
    readonly property bool busy: ["checking", "downloading", "verifying"].indexOf(download.state) >= 0
    // A download of the recommended model stopped earlier (this session or before a restart).
    readonly property bool resumable: download.revision !== undefined && download.hasPartial !== undefined
                                      && download.revision >= 0 && download.hasPartial(recommended)

    objectName: "firstRunPage"
    contentWidth: availableWidth
    clip: true

    function useDefaultDevice() {
        if (!devices)
            return
        for (let row = 0; row < devices.count; ++row) {
            const at = devices.index(row, 0)
            if (!devices.data(at, DeviceListModel.IsDefaultRole))
                continue
            deviceName = devices.data(at, DeviceListModel.NameRole)
            deviceMemoryText = devices.data(at, DeviceListModel.MemoryTextRole)
            catalog.deviceType = devices.data(at, DeviceListModel.TypeRole)
            catalog.deviceMemoryBytes = devices.data(at, DeviceListModel.MemoryBytesRole)
            catalog.deviceUsable = true
            return
        }
        deviceName = ""
        deviceMemoryText = ""
        catalog.deviceUsable = false
    }
    onDevicesChanged: useDefaultDevice()
    Connections {
        target: page.devices
        function onCountChanged() { page.useDefaultDevice() }
    }

    Connections {
        target: page.download
        function onFinished(path) { page.modelReady(path) }
    }
    Connections {
        target: page.importer
        function onFinished(path) { page.modelReady(path) }
    }
    onModelFileChosen: (fileUrl) => { if (page.importer) page.importer.importFile(fileUrl.toString()) }

    ColumnLayout {
        width: Math.min(page.availableWidth - 64, 760)
        x: (page.availableWidth - width) / 2
        spacing: 12

        Item { Layout.preferredHeight: 24 }

        Label {
            text: qsTr("Welcome to Agora")
            font.pixelSize: 30
            font.weight: Font.DemiBold
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Label {
            objectName: "privacyPromise"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Agora lets you chat with an AI language model that runs entirely on this computer. "
                       + "Your conversations never leave it. Agora only connects to the internet when you press Download.")
        }
        Label {
            objectName: "deviceLine"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: page.deviceName.length > 0
                  ? qsTr("Your graphics: %1 (%2 of memory)").arg(page.deviceName).arg(page.deviceMemoryText)
                  : qsTr("No usable graphics device was found, so models cannot run yet. Installing your graphics driver's Vulkan support may help.")
        }

        Pane {
            objectName: "recommendationCard"
            visible: catalog.recommendedRow >= 0
            Layout.fillWidth: true
            Material.elevation: 2
            Accessible.role: Accessible.Grouping
            Accessible.name: qsTr("Recommended model: %1").arg(page.recommended.displayName || "")

            ColumnLayout {
                anchors.left: parent.left
                anchors.right: parent.right
                spacing: 6

                Label {
                    text: qsTr("Recommended for this computer")
                    opacity: 0.7
                }
                Label {
                    objectName: "recommendedName"
                    text: page.recommended.displayName || ""
                    font.pixelSize: 22
                    font.weight: Font.DemiBold
                }
                Label {
                    objectName: "recommendedDetails"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    //: publisher, region of origin, download size, e.g. "Meta · North America · 2.0 GB download"
                    text: qsTr("%1 · %2 · %3 download").arg(page.recommended.publisher || "")
                              .arg(page.recommended.regionText || "").arg(page.recommended.fileSizeText || "")
                }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: page.recommended.description || ""
                }
                Label {
                    objectName: "recommendedFit"
                    text: page.recommended.fitText || ""
                    color: page.recommended.fit === "fits" ? Material.accent : Material.color(Material.Orange)
                }

                Button {
                    objectName: "downloadButton"
                    visible: ["idle", "cancelled", "failed"].indexOf(page.download.state) >= 0
                    highlighted: true
                    text: page.resumable ? qsTr("Resume") : page.download.state === "failed" ? qsTr("Try again") : qsTr("Download")
                    Accessible.role: Accessible.Button
                    Accessible.name: page.resumable ? qsTr("Resume the download of %1").arg(page.recommended.displayName || "")
                                                    : qsTr("Download %1").arg(page.recommended.displayName || "")
                    onClicked: page.download.start(page.recommended)
                }

                Label {
                    objectName: "partialLine"
                    visible: page.resumable && !page.busy && page.download.state !== "paused"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: visible ? qsTr("Paused at %1. Resume continues where it stopped.")
                                        .arg(page.download.partialText(page.recommended)) : ""
                }

                ColumnLayout {
                    objectName: "progressArea"
                    visible: page.busy || page.download.state === "paused"
                    Layout.fillWidth: true

                    ProgressBar {
                        objectName: "downloadProgress"
                        Layout.fillWidth: true
                        indeterminate: page.download.progress < 0 || page.download.state === "verifying"
                        value: Math.max(0, page.download.progress)
                        Accessible.name: qsTr("Download progress")
                    }
                    Label {
                        objectName: "progressLine"
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        text: {
                            if (page.download.state === "checking")
                                return qsTr("Looking up the file's checksum…")
                            if (page.download.state === "verifying")
                                return qsTr("Checking the downloaded file…")
                            if (page.download.state === "paused")
                                return qsTr("Paused at %1").arg(page.download.progressText)
                            return [page.download.progressText, page.download.speedText, page.download.timeLeftText]
                                   .filter(function (part) { return part.length > 0 }).join(" · ")
                        }
                    }
                    RowLayout {
                        Button {
                            objectName: "pauseButton"
                            enabled: page.download.state === "downloading" || page.download.state === "paused"
                            text: page.download.state === "paused" ? qsTr("Resume") : qsTr("Pause")
                            onClicked: page.download.state === "paused" ? page.download.resume() : page.download.pause()
                        }
                        Button {
                            objectName: "cancelButton"
                            flat: true
                            text: qsTr("Cancel")
                            onClicked: page.download.cancel()
                        }
                    }
                }

                Label {
                    objectName: "downloadError"
                    visible: page.download.state === "failed"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Material.color(Material.Red)
                    text: page.download.errorText
                }
                Label {
                    objectName: "downloadDone"
                    visible: page.download.state === "finished"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: qsTr("%1 is downloaded and verified.").arg(page.recommended.displayName || "")
                }
            }
        }

        Label {
            objectName: "nothingFits"
            visible: catalog.recommendedRow < 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: catalog.errorText.length > 0
                  ? qsTr("The model catalog could not be read: %1").arg(catalog.errorText)
                  : qsTr("None of the models in our catalog fits this computer's memory. You can still open a model file of your own.")
        }

        Button {
            objectName: "showCatalogButton"
            flat: true
            text: catalogView.visible ? qsTr("Hide the other models") : qsTr("See all models")
            onClicked: catalogView.visible = !catalogView.visible
        }
        CatalogPage {
            id: catalogView
            visible: false
            Layout.fillWidth: true
            Layout.preferredHeight: visible ? implicitHeight : 0
            catalog: page.catalog
            download: page.download
        }

        RowLayout {
            Button {
                objectName: "ownFileButton"
                flat: true
                enabled: !page.importer || page.importer.state !== "copying"
                text: qsTr("I already have a model file")
                Accessible.role: Accessible.Button
                Accessible.name: text
                onClicked: fileDialog.open()
            }
            Button {
                objectName: "skipButton"
                flat: true
                text: qsTr("Not now: show the Models section")
                Accessible.role: Accessible.Button
                Accessible.name: text
                onClicked: page.skipped()
            }
        }
        ColumnLayout {
            objectName: "importArea"
            visible: page.importer !== null && (page.importer.state === "copying" || page.importer.state === "failed")
            Layout.fillWidth: true
            RowLayout {
                visible: page.importer !== null && page.importer.state === "copying"
                Layout.fillWidth: true
                ProgressBar {
                    objectName: "importProgress"
                    Layout.fillWidth: true
                    value: page.importer ? page.importer.progress : 0
                    Accessible.name: qsTr("Copying the model file")
                }
                Button {
                    objectName: "importCancelButton"
                    flat: true
                    text: qsTr("Cancel")
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("Stop copying the model file")
                    onClicked: page.importer.cancel()
                }
            }
            Label {
                objectName: "importError"
                visible: page.importer !== null && page.importer.state === "failed"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Material.color(Material.Red)
                text: page.importer ? page.importer.errorText : ""
            }
        }

        Item { Layout.preferredHeight: 24 }
    }

    FileDialog {
        id: fileDialog
        objectName: "modelFileDialog"
        title: qsTr("Open a model file")
        nameFilters: [qsTr("GGUF models (*.gguf)"), qsTr("All files (*)")]
        onAccepted: page.modelFileChosen(selectedFile)
    }
}
