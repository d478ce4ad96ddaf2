// The prompt x model table of a suite run: filters (category, language), a summary row per model
// (answers, refusals, mean length, mean time), then one row per prompt with every model's answer,
// its length and time, and a refusal mark. Activating a cell (click, Enter, Space) asks the page
// to show the full answer.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Agora

ColumnLayout {
    id: table

    required property SuiteResultsModel results
    property bool darkTheme: false
    signal cellActivated(int row, int column)

    readonly property color refusalColor: darkTheme ? "#5b3a12" : "#fff4e5"
    readonly property color failedColor: darkTheme ? "#5b1f1f" : "#fdecea"
    readonly property int promptWidth: 260
    readonly property int answerWidth: Math.max(240, (width - promptWidth) / Math.max(1, results.modelNames.length) - 4)

    spacing: 8
    Accessible.role: Accessible.Table
    Accessible.name: qsTr("Suite results")

    RowLayout {
        spacing: 12
        Layout.fillWidth: true
        Label { text: qsTr("Category"); Accessible.ignored: true }
        ComboBox {
            id: categoryBox
            objectName: "suiteCategoryFilter"
            model: [qsTr("All")].concat(table.results.categories)
            currentIndex: Math.max(0, table.results.categories.indexOf(table.results.categoryFilter) + 1)
            focusPolicy: Qt.StrongFocus
            Accessible.role: Accessible.ComboBox
            Accessible.name: qsTr("Show prompts of category")
            onActivated: index => table.results.categoryFilter = index === 0 ? "" : currentText
        }
        Label { text: qsTr("Language"); Accessible.ignored: true }
        ComboBox {
            objectName: "suiteLanguageFilter"
            model: [qsTr("All")].concat(table.results.languages)
            currentIndex: Math.max(0, table.results.languages.indexOf(table.results.languageFilter) + 1)
            focusPolicy: Qt.StrongFocus
            Accessible.role: Accessible.ComboBox
            Accessible.name: qsTr("Show prompts in language")
            onActivated: index => table.results.languageFilter = index === 0 ? "" : currentText
        }
        Item { Layout.fillWidth: true }
        Label {
            text: qsTr("%n prompt(s) shown", "", table.results.promptCount)
            opacity: 0.7
        }
    }

    // Summary: one card per model, over the whole run (not only the filtered rows).
    Flow {
        objectName: "suiteSummary"
        Layout.fillWidth: true
        Layout.preferredWidth: 0
        spacing: 8
        Repeater {
            model: table.results.summary
            delegate: Frame {
                required property var modelData
                padding: 8
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("%1: %2 answers, %3 refusals, %4 failed, mean length %5 characters, mean time %6 s")
                                 .arg(modelData.model).arg(modelData.answers).arg(modelData.refusals)
                                 .arg(modelData.failures).arg(Math.round(modelData.meanCharacters))
                                 .arg(modelData.meanSeconds.toFixed(1))
                ColumnLayout {
                    spacing: 2
                    Label { text: modelData.model; font.weight: Font.DemiBold; Accessible.ignored: true }
                    Label {
                        objectName: "summaryCounts"
                        text: qsTr("%1 answers · %2 refusals · %3 failed").arg(modelData.answers)
                              .arg(modelData.refusals).arg(modelData.failures)
                        Accessible.ignored: true
                    }
                    Label {
                        text: qsTr("mean %1 characters · %2 s · %3 tokens/s").arg(Math.round(modelData.meanCharacters))
                              .arg(modelData.meanSeconds.toFixed(1)).arg(modelData.meanTokensPerSecond.toFixed(1))
                        opacity: 0.7
                        font.pixelSize: 12
                        Accessible.ignored: true
                    }
                }
            }
        }
    }

    HorizontalHeaderView {
        id: header
        syncView: grid
        Layout.fillWidth: true
        Layout.preferredWidth: 0 // the table's content width must not feed back into the layout
        clip: true
        Accessible.ignored: true
    }

    TableView {
        id: grid
        objectName: "suiteResultsGrid"
        Layout.fillWidth: true
        Layout.preferredWidth: 0
        Layout.fillHeight: true
        Layout.minimumHeight: 160
        clip: true
        model: table.results
        columnSpacing: 2
        rowSpacing: 2
        boundsBehavior: Flickable.StopAtBounds
        columnWidthProvider: column => column === 0 ? table.promptWidth : table.answerWidth
        rowHeightProvider: () => 112
        ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }
        ScrollBar.horizontal: ScrollBar { policy: ScrollBar.AsNeeded }

        delegate: ItemDelegate {
            id: cell
            required property int row
            required property int column
            required property bool isPrompt
            required property string promptText
            required property string category
            required property string language
            required property string modelName
            required property string answer
            required property string cellState
            required property bool refusal
            required property int characters
            required property double seconds
            required property string stopReason
            required property string error

            objectName: "suiteCell_" + row + "_" + column
            focusPolicy: Qt.StrongFocus
            activeFocusOnTab: true
            padding: 8
            Accessible.role: isPrompt ? Accessible.RowHeader : Accessible.Cell
            Accessible.name: isPrompt ? promptText
                             : qsTr("%1 on \"%2\": %3").arg(modelName).arg(promptText).arg(stateText())
            Accessible.description: isPrompt ? "" : answer

            function stateText() {
                switch (cellState) {
                case "pending": return qsTr("waiting")
                case "running": return qsTr("answering…")
                case "failed": return qsTr("failed: %1").arg(error)
                case "cancelled": return qsTr("cancelled")
                default: return refusal ? qsTr("refused") : qsTr("answered")
                }
            }

            background: Rectangle {
                color: cell.isPrompt ? (table.darkTheme ? "#1f2933" : "#f0f4f8")
                       : cell.cellState === "failed" ? table.failedColor
                       : (cell.cellState === "done" && cell.refusal) ? table.refusalColor
                       : (table.darkTheme ? "#111827" : "#ffffff")
                border.width: cell.visualFocus ? 2 : 1
                border.color: cell.visualFocus ? Material.accent : (table.darkTheme ? "#374151" : "#d9e2ec")
            }

            contentItem: ColumnLayout {
                spacing: 4
                Label {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    text: cell.isPrompt ? cell.promptText
                          : cell.cellState === "failed" ? cell.error
                          : cell.answer.length > 0 ? cell.answer : cell.stateText()
                    wrapMode: Text.Wrap
                    elide: Text.ElideRight
                    maximumLineCount: cell.isPrompt ? 3 : 4
                    font.italic: !cell.isPrompt && cell.answer.length === 0
                    textFormat: Text.PlainText
                    Accessible.ignored: true
                }
                Label {
                    Layout.fillWidth: true
                    font.pixelSize: 11
                    opacity: 0.75
                    elide: Text.ElideRight
                    textFormat: Text.PlainText
                    text: cell.isPrompt ? [cell.category, cell.language].filter(t => t.length > 0).join(" · ")
                          : cell.cellState === "done" || cell.cellState === "cancelled"
                            ? (cell.refusal ? qsTr("⚑ refusal · ") : "")
                              + qsTr("%1 chars · %2 s · %3").arg(cell.characters).arg(cell.seconds.toFixed(1)).arg(cell.stopReason)
                            : cell.stateText()
                    Accessible.ignored: true
                }
            }
            onClicked: table.cellActivated(row, column)
            Keys.onReturnPressed: table.cellActivated(row, column)
            Keys.onEnterPressed: table.cellActivated(row, column)
        }
    }
}
