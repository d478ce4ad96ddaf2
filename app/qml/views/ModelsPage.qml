// The model manager: every model in the models folder as a card (origin, licence, size, fit,
// load/unload, errors), import by file dialog or by dropping .gguf files on the page (copy into
// the folder, or link to the file where it lies), rescan, and delete after a confirmation.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Agora

Pane {
    id: page
    property EngineBridge bridge
    property string modelsFolder: ""
    property bool darkTheme: false
    // The device loads go to and fits are judged against (empty: the default device).
    property string device: ""
    // The page's list of models, for whoever embeds the page and wants the same list.
    readonly property ModelLibrary library: modelLibrary
    signal chatRequested()

    objectName: "modelsPage"
    padding: 0
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Models")

    // Files waiting for the copy-or-link answer (from the file dialog or a drop).
    property var pendingImports: []
    property string message: ""

    function askHowToImport(urls) {
        const models = Array.from(urls).filter(u => String(u).toLowerCase().endsWith(".gguf"))
        if (models.length === 0) {
            page.message = qsTr("Only .gguf model files can be imported.")
            return
        }
        page.pendingImports = models
        importChoice.open()
    }

    ModelLibrary {
        id: modelLibrary
        bridge: page.bridge
        folder: page.modelsFolder
        device: page.device
        onImportFailed: (fileName, message) => page.message = message
        onImportFinished: page.message = ""
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Import a model")
        fileMode: FileDialog.OpenFiles
        nameFilters: [qsTr("GGUF models (*.gguf)"), qsTr("All files (*)")]
        onAccepted: page.askHowToImport(selectedFiles)
    }

    Dialog {
        id: importChoice
        objectName: "importChoiceDialog"
        title: page.pendingImports.length === 1
               ? qsTr("Import “%1”").arg(decodeURIComponent(String(page.pendingImports[0]).split("/").pop()))
               : qsTr("Import %n models", "", page.pendingImports.length)
        modal: true
        anchors.centerIn: parent
        standardButtons: Dialog.Ok | Dialog.Cancel
        ColumnLayout {
            spacing: 4
            RadioButton {
                id: copyChoice
                objectName: "copyChoice"
                checked: true
                text: qsTr("Copy into the models folder")
                Accessible.name: text
            }
            Label {
                text: qsTr("Safe to move or delete the original afterwards; uses disk space.")
                opacity: 0.7
                leftPadding: 36
                font.pixelSize: 12
            }
            RadioButton {
                objectName: "linkChoice"
                text: qsTr("Link to the file where it is")
                Accessible.name: text
            }
            Label {
                text: qsTr("No extra disk space; the file must stay where it is.")
                opacity: 0.7
                leftPadding: 36
                font.pixelSize: 12
            }
        }
        onAccepted: {
            for (const url of page.pendingImports)
                modelLibrary.importFile(url, copyChoice.checked ? "copy" : "link")
            page.pendingImports = []
        }
        onRejected: page.pendingImports = []
    }

    Dialog {
        id: removeDialog
        objectName: "removeDialog"
        property string path: ""
        property string fileName: ""
        property bool isLink: false
        title: isLink ? qsTr("Remove the link?") : qsTr("Delete this model?")
        modal: true
        anchors.centerIn: parent
        standardButtons: Dialog.Yes | Dialog.No
        width: Math.min(page.width * 0.8, 500)
        Label {
            width: removeDialog.availableWidth
            wrapMode: Text.Wrap
            text: removeDialog.isLink
                  ? qsTr("“%1” will be removed from the list. The file it links to stays where it is.").arg(removeDialog.fileName)
                  : qsTr("“%1” will be deleted from your disk. This cannot be undone.").arg(removeDialog.fileName)
        }
        onAccepted: {
            if (!modelLibrary.remove(path))
                page.message = modelLibrary.lastError
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 20
        spacing: 12

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Label {
                text: qsTr("Models")
                font.pixelSize: 22
                font.weight: Font.DemiBold
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Item { Layout.fillWidth: true }
            Button {
                objectName: "rescanButton"
                text: qsTr("Rescan")
                flat: true
                focusPolicy: Qt.StrongFocus
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Look for model files in the folder again")
                onClicked: modelLibrary.rescan()
            }
            Button {
                objectName: "openFolderButton"
                text: qsTr("Open folder")
                flat: true
                enabled: page.modelsFolder !== ""
                focusPolicy: Qt.StrongFocus
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Open the models folder in the file manager")
                onClicked: Qt.openUrlExternally("file://" + page.modelsFolder)
            }
            Button {
                objectName: "importButton"
                text: qsTr("Import model…")
                highlighted: true
                focusPolicy: Qt.StrongFocus
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Import a model file")
                onClicked: fileDialog.open()
            }
        }

        Label {
            objectName: "folderLine"
            Layout.fillWidth: true
            wrapMode: Text.WrapAnywhere
            opacity: 0.75
            text: qsTr("Models folder: %1 — files you put here appear by themselves.").arg(page.modelsFolder)
        }

        Pane {
            objectName: "importProgressPane"
            visible: modelLibrary.importing
            Layout.fillWidth: true
            padding: 10
            Material.elevation: 1
            RowLayout {
                anchors.fill: parent
                spacing: 12
                Label { text: qsTr("Importing %1…").arg(modelLibrary.importFileName); elide: Text.ElideMiddle; Layout.maximumWidth: 320 }
                ProgressBar {
                    objectName: "importProgressBar"
                    Layout.fillWidth: true
                    from: 0
                    to: 1
                    value: modelLibrary.importProgress
                    Accessible.role: Accessible.ProgressBar
                    Accessible.name: qsTr("Import progress")
                }
                Button {
                    objectName: "cancelImportButton"
                    text: qsTr("Cancel")
                    flat: true
                    focusPolicy: Qt.StrongFocus
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("Cancel the import")
                    onClicked: modelLibrary.cancelImport()
                }
            }
        }

        Pane {
            objectName: "messageBanner"
            visible: page.message !== ""
            Layout.fillWidth: true
            padding: 10
            background: Rectangle { radius: 8; color: page.darkTheme ? "#3b1d1d" : "#fde8e8" }
            RowLayout {
                anchors.fill: parent
                Label {
                    objectName: "messageText"
                    text: page.message
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }
                Button {
                    text: qsTr("Dismiss")
                    flat: true
                    focusPolicy: Qt.StrongFocus
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("Dismiss the message")
                    onClicked: page.message = ""
                }
            }
        }

        Label {
            objectName: "emptyState"
            visible: modelLibrary.count === 0
            Layout.fillWidth: true
            Layout.topMargin: 40
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            opacity: 0.75
            text: qsTr("No models yet. Import a .gguf file, or drop one onto this page.")
        }

        ListView {
            id: cards
            objectName: "modelCards"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 12
            model: modelLibrary
            keyNavigationEnabled: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Models in the folder")
            ScrollBar.vertical: ScrollBar {}
            delegate: ModelCard {
                width: cards.width - 12
                library: modelLibrary
                deviceName: modelLibrary.deviceName
                loadProgress: page.bridge ? page.bridge.loadProgress : 0
                darkTheme: page.darkTheme
                onLoadRequested: path => {
                    page.message = ""
                    if (!modelLibrary.load(path))
                        page.message = modelLibrary.lastError
                }
                onUnloadRequested: modelLibrary.unload()
                onChatRequested: page.chatRequested()
                onRemoveRequested: (path, fileName, isLink) => {
                    removeDialog.path = path
                    removeDialog.fileName = fileName
                    removeDialog.isLink = isLink
                    removeDialog.open()
                }
            }
        }
    }

    // Drop .gguf files anywhere on the page to import them.
    DropArea {
        id: dropArea
        objectName: "modelDropArea"
        anchors.fill: parent
        keys: ["text/uri-list"]
        onDropped: drop => {
            if (drop.hasUrls) {
                page.askHowToImport(drop.urls)
                drop.acceptProposedAction()
            }
        }
        Rectangle {
            anchors.fill: parent
            visible: dropArea.containsDrag
            color: "transparent"
            border.width: 3
            border.color: page.Material.accent
            radius: 12
            Label {
                anchors.centerIn: parent
                text: qsTr("Drop .gguf files to import them")
                font.pixelSize: 18
            }
        }
    }
}
