// Prompt suites: the same questions to several models, one fresh conversation each, answers side
// by side. Left: the suite and the models (components/SuiteSetupPanel.qml). Right: Run with
// progress and Cancel, the results table (components/SuiteResultsTable.qml; a cell opens the full
// answer), exports (CSV, Markdown, HTML) and earlier runs, which are saved next to the history.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Qt.labs.platform as Platform
import Agora

Pane {
    id: page
    property EngineBridge bridge
    property QtObject store: null
    property string modelsFolder: ""
    property string dataFolder: ""   // where history lives; runs go to <data>/suite-runs
    property bool darkTheme: false
    // Without a data folder, the models folder's parent is the data folder (application.cpp).
    readonly property string resultsFolder: dataFolder.length > 0 ? dataFolder + "/suite-runs"
                                            : modelsFolder.length > 0 ? modelsFolder + "/../suite-runs" : ""
    property string exportMessage: ""  // the last export's file, confirmed
    readonly property alias run: suiteRun
    readonly property alias setup: setupPanel

    function formatDuration(seconds) {
        if (seconds < 0)
            return qsTr("estimating…")
        const s = Math.round(seconds)
        return s >= 60 ? qsTr("%1 min %2 s").arg(Math.floor(s / 60)).arg(s % 60) : qsTr("%1 s").arg(s)
    }
    function startRun() { suiteRun.start(setupPanel.selectedModels) }
    function exportAs(format) {
        exportDialog.format = format
        // Exports are for sharing: they start in the documents folder, not next to the history.
        const documents = Platform.StandardPaths.writableLocation(Platform.StandardPaths.DocumentsLocation)
        exportDialog.currentFolder = documents
        exportDialog.selectedFile = documents + "/" + suiteRun.suggestedExportName(format)
        exportDialog.open()
    }

    objectName: "suitesPage"
    padding: 12
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Suites")

    SuiteRun {
        id: suiteRun
        bridge: page.bridge
        resultsFolder: page.resultsFolder
        // The built-in suite is ready to run as soon as the page has an engine.
        function loadDefault() {
            if (bridge && prompts.length === 0 && !loadingSuite)
                loadSuite("perspectives")
        }
        onBridgeChanged: loadDefault()
        Component.onCompleted: loadDefault()
    }

    RowLayout {
        anchors.fill: parent
        spacing: 16

        SuiteSetupPanel {
            id: setupPanel
            run: suiteRun
            modelsFolder: page.modelsFolder
            Layout.preferredWidth: 320
            Layout.maximumWidth: 360
            Layout.fillHeight: true
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 8

            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                Button {
                    objectName: "runSuiteButton"
                    text: qsTr("Run")
                    highlighted: true
                    Material.elevation: 0 // flat: the elevated style draws through a shader layer some renderers lack
                    visible: !suiteRun.running
                    enabled: suiteRun.prompts.length > 0 && setupPanel.selectedModels.length > 0
                    focusPolicy: Qt.StrongFocus
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("Run the suite on the chosen models")
                    onClicked: page.startRun()
                }
                Button {
                    objectName: "cancelSuiteButton"
                    text: qsTr("Cancel")
                    Material.elevation: 0
                    visible: suiteRun.running
                    enabled: suiteRun.state === SuiteRun.Running
                    focusPolicy: Qt.StrongFocus
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("Cancel the run and keep the finished answers")
                    onClicked: suiteRun.cancel()
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    ProgressBar {
                        objectName: "suiteProgress"
                        Layout.fillWidth: true
                        visible: suiteRun.total > 0
                        value: suiteRun.progress
                        Accessible.role: Accessible.ProgressBar
                        Accessible.name: qsTr("%1 of %2 answers").arg(suiteRun.done).arg(suiteRun.total)
                    }
                    Label {
                        objectName: "suiteStatus"
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        text: suiteRun.running
                              ? qsTr("%1 of %2 · %3 · elapsed %4 · left %5").arg(suiteRun.done).arg(suiteRun.total)
                                .arg(suiteRun.statusText).arg(page.formatDuration(suiteRun.elapsedSeconds))
                                .arg(page.formatDuration(suiteRun.remainingSeconds))
                              : suiteRun.statusText
                        Accessible.role: Accessible.StaticText
                        Accessible.name: text
                    }
                    Label {
                        objectName: "suiteCurrentPrompt"
                        Layout.fillWidth: true
                        visible: suiteRun.running && suiteRun.currentPrompt.length > 0
                        elide: Text.ElideRight
                        opacity: 0.7
                        font.pixelSize: 12
                        textFormat: Text.PlainText
                        text: qsTr("Now: “%1”").arg(suiteRun.currentPrompt.replace(/\s+/g, " "))
                        Accessible.role: Accessible.StaticText
                        Accessible.name: qsTr("Current prompt: %1").arg(suiteRun.currentPrompt)
                    }
                }
                ComboBox {
                    id: pastRuns
                    objectName: "pastRunsBox"
                    visible: suiteRun.savedRuns.length > 0
                    enabled: !suiteRun.running
                    Layout.preferredWidth: 240
                    model: suiteRun.savedRuns
                    textRole: "startedAt"
                    displayText: qsTr("Earlier runs")
                    focusPolicy: Qt.StrongFocus
                    Accessible.role: Accessible.ComboBox
                    Accessible.name: qsTr("Open an earlier run")
                    delegate: ItemDelegate {
                        required property var modelData
                        width: pastRuns.width
                        text: qsTr("%1 · %2 · %3").arg(modelData.startedAt).arg(modelData.suiteName).arg(modelData.models)
                        Accessible.role: Accessible.ListItem
                        Accessible.name: text
                    }
                    onActivated: index => suiteRun.openRun(suiteRun.savedRuns[index].path)
                }
            }

            Label {
                objectName: "suiteNotice"
                visible: suiteRun.notice.length > 0
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: suiteRun.notice
                color: Material.color(Material.Orange, Material.Shade800)
            }
            Label {
                objectName: "suiteError"
                visible: suiteRun.lastError.length > 0
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: suiteRun.lastError
                color: Material.color(Material.Red)
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }

            // Empty state: what suites are for, until there is a table to show.
            ColumnLayout {
                objectName: "suitesEmptyState"
                visible: !suiteRun.results.hasResults
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 12
                Item { Layout.fillHeight: true }
                Label {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    font.pixelSize: 22
                    text: qsTr("Every model carries a culture")
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Label {
                    Layout.fillWidth: true
                    Layout.maximumWidth: 620
                    Layout.alignment: Qt.AlignHCenter
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    opacity: 0.8
                    text: qsTr("Models trained in different places answer questions about history, politics, ethics "
                               + "and law differently, and some decline to answer. A suite asks every chosen model the "
                               + "same prompts, each in a fresh conversation, and puts the answers side by side with "
                               + "their length, time and a refusal mark. Choose a suite and at least one model, then Run. "
                               + "Everything stays on this computer.")
                }
                Item { Layout.fillHeight: true }
            }

            SuiteResultsTable {
                objectName: "suiteResultsTable"
                visible: suiteRun.results.hasResults
                results: suiteRun.results
                darkTheme: page.darkTheme
                Layout.fillWidth: true
                Layout.fillHeight: true
                onCellActivated: (row, column) => answerDialog.show(suiteRun.results.cellAt(row, column))
            }

            RowLayout {
                spacing: 8
                Label { text: qsTr("Export"); Accessible.ignored: true }
                Repeater {
                    model: [{ format: "csv", label: qsTr("CSV") }, { format: "md", label: qsTr("Markdown") },
                            { format: "html", label: qsTr("HTML page") }]
                    delegate: Button {
                        required property var modelData
                        objectName: "export_" + modelData.format
                        text: modelData.label
                        flat: true
                        enabled: suiteRun.results.hasResults && !suiteRun.running
                        focusPolicy: Qt.StrongFocus
                        Accessible.role: Accessible.Button
                        Accessible.name: qsTr("Export the results as %1").arg(modelData.label)
                        onClicked: page.exportAs(modelData.format)
                    }
                }
                Item { Layout.fillWidth: true }
                Label {
                    objectName: "exportMessage"
                    visible: page.exportMessage.length > 0 && !suiteRun.running
                    text: page.exportMessage
                    opacity: 0.8
                    font.pixelSize: 12
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
                Label {
                    visible: suiteRun.savedPath.length > 0 && !suiteRun.running
                    text: qsTr("Saved with your history")
                    opacity: 0.6
                    font.pixelSize: 12
                }
            }
        }
    }

    SuiteAnswerDialog { id: answerDialog }

    FileDialog {
        id: exportDialog
        property string format: "csv"
        title: qsTr("Export suite results")
        fileMode: FileDialog.SaveFile
        defaultSuffix: format
        nameFilters: format === "csv" ? [qsTr("CSV files (*.csv)")]
                     : format === "md" ? [qsTr("Markdown files (*.md)")] : [qsTr("Web pages (*.html)")]
        onAccepted: {
            const file = selectedFile.toString()
            if (suiteRun.exportResults(format, file))
                page.exportMessage = qsTr("Exported to %1").arg(decodeURIComponent(file.substring(file.lastIndexOf("/") + 1)))
        }
    }
}
