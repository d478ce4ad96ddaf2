// The left side of the Suites page: which suite (the built-in "Perspectives" or an imported
// JSONL/CSV file), a preview of its prompts, and which models answer (the .gguf files in the
// models folder, plus any file added from elsewhere).
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Qt.labs.folderlistmodel
import Agora

ColumnLayout {
    id: panel

    required property SuiteRun run
    property string modelsFolder: ""
    property var selectedModels: []   // model file paths, in the order they were ticked
    property var extraModels: []      // files added with "Add model file…"

    function toggleModel(path, on) {
        const next = panel.selectedModels.filter(p => p !== path)
        if (on)
            next.push(path)
        panel.selectedModels = next
    }
    function localPath(url) {
        const text = url.toString()
        return text.startsWith("file://") ? decodeURIComponent(text.substring(7)) : text
    }

    spacing: 8

    Label {
        text: qsTr("Suite")
        font.pixelSize: 18
        font.weight: Font.DemiBold
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    RowLayout {
        spacing: 8
        Layout.fillWidth: true
        Button {
            objectName: "builtInSuiteButton"
            text: qsTr("Perspectives")
            highlighted: panel.run.suiteSource === "perspectives"
            enabled: !panel.run.running && !panel.run.loadingSuite
            focusPolicy: Qt.StrongFocus
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Use the built-in Perspectives suite")
            onClicked: panel.run.loadSuite("perspectives")
        }
        Button {
            objectName: "importSuiteButton"
            text: qsTr("Import suite…")
            enabled: !panel.run.running && !panel.run.loadingSuite
            focusPolicy: Qt.StrongFocus
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Import a suite from a JSONL or CSV file")
            onClicked: suiteDialog.open()
        }
    }
    Label {
        objectName: "suiteSummaryLine"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: panel.run.loadingSuite ? qsTr("Reading the suite…")
              : panel.run.suiteName.length > 0
                ? qsTr("%1: %n prompt(s)", "", panel.run.prompts.length).arg(panel.run.suiteName)
                : qsTr("No suite chosen yet.")
    }
    Label {
        objectName: "suiteErrorLabel"
        visible: panel.run.suiteError.length > 0
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Material.color(Material.Red)
        text: panel.run.suiteError
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
    ListView {
        id: preview
        objectName: "suitePromptPreview"
        Layout.fillWidth: true
        Layout.preferredHeight: 180
        clip: true
        model: panel.run.prompts
        spacing: 4
        activeFocusOnTab: true
        keyNavigationEnabled: true
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Prompts in this suite")
        ScrollBar.vertical: ScrollBar {}
        delegate: ItemDelegate {
            required property var modelData
            required property int index
            width: ListView.view.width
            padding: 4
            highlighted: ListView.isCurrentItem && preview.activeFocus
            Accessible.role: Accessible.ListItem
            Accessible.name: modelData.text
            contentItem: Label {
                text: (modelData.category || modelData.language
                       ? "[" + [modelData.category, modelData.language].filter(t => t).join(", ") + "] " : "")
                      + modelData.text
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
                font.pixelSize: 13
                textFormat: Text.PlainText
            }
        }
    }

    Label {
        text: qsTr("Models")
        font.pixelSize: 18
        font.weight: Font.DemiBold
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    Label {
        visible: folderModels.count === 0 && panel.extraModels.length === 0
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        opacity: 0.75
        text: qsTr("No models yet. Download one in Models, or add a .gguf file here.")
    }
    ScrollView {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: 80
        clip: true
        ColumnLayout {
            width: parent.width
            spacing: 0
            Repeater {
                model: FolderListModel {
                    id: folderModels
                    folder: panel.modelsFolder.length > 0 ? "file://" + panel.modelsFolder : ""
                    nameFilters: ["*.gguf"]
                    showDirs: false
                }
                delegate: ModelCheck {
                    required property string filePath
                    path: filePath
                }
            }
            Repeater {
                model: panel.extraModels
                delegate: ModelCheck {
                    required property var modelData
                    path: modelData
                }
            }
        }
    }
    Button {
        objectName: "addSuiteModelButton"
        text: qsTr("Add model file…")
        enabled: !panel.run.running
        focusPolicy: Qt.StrongFocus
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Add a model file from another folder")
        onClicked: modelDialog.open()
    }

    component ModelCheck: CheckDelegate {
        property string path
        objectName: "suiteModel_" + text
        Layout.fillWidth: true
        text: path.substring(path.lastIndexOf("/") + 1).replace(/\.gguf$/i, "")
        checked: panel.selectedModels.indexOf(path) >= 0
        enabled: !panel.run.running
        focusPolicy: Qt.StrongFocus
        Accessible.role: Accessible.CheckBox
        Accessible.name: qsTr("Ask %1").arg(text)
        onToggled: panel.toggleModel(path, checked)
    }

    FileDialog {
        id: suiteDialog
        title: qsTr("Import a prompt suite")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Prompt suites (*.jsonl *.csv)"), qsTr("All files (*)")]
        onAccepted: panel.run.loadSuite(panel.localPath(selectedFile))
    }
    FileDialog {
        id: modelDialog
        title: qsTr("Add a model file")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("GGUF models (*.gguf)")]
        onAccepted: {
            const path = panel.localPath(selectedFile)
            if (panel.extraModels.indexOf(path) < 0)
                panel.extraModels = panel.extraModels.concat([path])
            panel.toggleModel(path, true)
        }
    }
}
