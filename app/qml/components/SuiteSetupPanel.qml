// The left side of the Suites page: which suite (the built-in "Perspectives" or an imported
// JSONL/CSV file), a preview of its prompts, and which models answer (the models folder, through
// the shared ModelPicker).
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Agora

ColumnLayout {
    id: panel

    required property SuiteRun run
    property string modelsFolder: ""
    // Model file paths, in the order they were ticked.
    property alias selectedModels: picker.selectedPaths

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
            Material.elevation: 0 // flat: the elevated style draws through a shader layer some renderers lack
            enabled: !panel.run.running && !panel.run.loadingSuite
            focusPolicy: Qt.StrongFocus
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Use the built-in Perspectives suite")
            onClicked: panel.run.loadSuite("perspectives")
        }
        Button {
            objectName: "importSuiteButton"
            text: qsTr("Import suite…")
            Material.elevation: 0
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

    RowLayout {
        Layout.fillWidth: true
        spacing: 8
        Label {
            text: qsTr("Longest answer (tokens)")
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            Accessible.ignored: true
        }
        SpinBox {
            objectName: "suiteMaxTokens"
            from: 16
            to: 4096
            stepSize: 64
            editable: true
            value: panel.run.maxTokens
            enabled: !panel.run.running
            focusPolicy: Qt.StrongFocus
            Accessible.role: Accessible.SpinBox
            Accessible.name: qsTr("Longest answer, in tokens; shorter answers make a run faster")
            onValueModified: panel.run.maxTokens = value
        }
    }

    // The models folder through the shared library: unsupported files show why they cannot run.
    ModelLibrary {
        id: library
        bridge: panel.run.bridge
        folder: panel.modelsFolder
    }
    ModelPicker {
        id: picker
        objectName: "suiteModelPicker"
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: 140
        library: library
        minimum: 1
        maximum: 6
        title: qsTr("Models to ask")
        enabled: !panel.run.running
    }

    FileDialog {
        id: suiteDialog
        title: qsTr("Import a prompt suite")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Prompt suites (*.jsonl *.csv)"), qsTr("All files (*)")]
        onAccepted: panel.run.loadSuite(panel.localPath(selectedFile))
    }
}
