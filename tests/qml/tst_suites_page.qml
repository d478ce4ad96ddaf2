import QtQuick
import QtTest
import Agora
import AgoraTest

TestCase {
    id: testCase
    name: "SuitesPage"
    when: windowShown
    width: 1200
    height: 800
    visible: true // a TestCase is hidden by default: the page inherits visibility from it

    Component { id: fakeEngineComponent; FakeEngine {} }
    Component { id: pageComponent; SuitesPage { width: 1200; height: 800 } }

    function openPage(pieces, delayMs, models) {
        const fake = createTemporaryObject(fakeEngineComponent, testCase)
        fake.fixture = "devices_mixed.json"
        fake.setReply(pieces, delayMs)
        for (const name of models)
            verify(fake.writeFakeModel(name).length > 0)
        const page = createTemporaryObject(pageComponent, testCase, {
            bridge: fake.bridge, modelsFolder: fake.modelsFolder, dataFolder: fake.modelsFolder + "/data" })
        verify(page, "SuitesPage did not load")
        // The built-in suite loads by itself (the fake's has three prompts).
        tryCompare(page.run, "loadingSuite", false, 5000)
        compare(page.run.prompts.length, 3)
        return page
    }

    // Ticks a model in the shared ModelPicker by its name (the library lists the models folder).
    function tick(page, name) {
        const picker = findChild(page, "suiteModelPicker")
        let box = null
        tryVerify(() => {
            for (let i = 0; i < 6; ++i) {
                const item = findChild(picker, "pickerItem_" + i)
                if (item && item.text === name && item.enabled) {
                    box = item
                    return true
                }
            }
            return false
        }, 5000, "model " + name + " listed")
        mouseClick(box)
        verify(box.checked)
    }

    function test_emptyStateExplainsSuites() {
        const page = openPage(["Hi"], 1, [])
        verify(findChild(page, "suitesEmptyState").visible)
        verify(!findChild(page, "suiteResultsTable").visible)
        verify(findChild(page, "suiteSummaryLine").text.indexOf("Perspectives") >= 0)
        compare(findChild(page, "suitePromptPreview").count, 3)
        verify(!findChild(page, "runSuiteButton").enabled, "no model chosen yet")
        verify(!findChild(page, "export_csv").enabled)
        // The answer length is the user's to choose, by keyboard too.
        const spin = findChild(page, "suiteMaxTokens")
        compare(spin.value, 512)
        spin.forceActiveFocus()
        keyClick(Qt.Key_Up)
        compare(page.run.maxTokens, 576)
    }

    function test_runFillsTableAndEnablesExport() {
        const page = openPage(["I can't", " say."], 1, ["alpha", "beta"])
        tick(page, "alpha")
        tick(page, "beta")
        compare(page.setup.selectedModels.length, 2)
        const run = findChild(page, "runSuiteButton")
        verify(run.enabled)
        mouseClick(run)
        tryCompare(page.run, "state", SuiteRun.Finished, 10000)
        compare(page.run.done, 6)
        compare(findChild(page, "suiteProgress").value, 1)
        verify(findChild(page, "suiteResultsTable").visible)
        verify(!findChild(page, "suitesEmptyState").visible)

        // The table: prompt column, then one column per model; every cell answered and flagged.
        const grid = findChild(page, "suiteResultsGrid")
        compare(grid.rows, 3)
        compare(grid.columns, 3)
        let cell = null
        tryVerify(() => (cell = findChild(grid, "suiteCell_0_1")) !== null, 3000)
        compare(cell.answer, "I can't say.")
        verify(cell.refusal)
        compare(page.run.results.summary[1].refusals, 3)
        verify(findChild(page, "suiteSummary").visible)

        // A cell opens its full answer.
        mouseClick(cell)
        const dialog = findChild(page, "suiteAnswerDialog")
        tryCompare(dialog, "opened", true, 2000)
        compare(findChild(dialog, "suiteAnswerText").text, "I can't say.")
        verify(findChild(dialog, "suiteAnswerRefusal").visible)
        dialog.close()

        for (const format of ["csv", "md", "html"]) {
            verify(findChild(page, "export_" + format).enabled, format + " export enabled")
            verify(page.run.exportResults(format, page.run.resultsFolder + "/out." + format), page.run.lastError)
        }
        // The run was saved and is offered again.
        tryVerify(() => page.run.savedRuns.length === 1, 2000)
        verify(findChild(page, "pastRunsBox").visible)
    }

    function test_filtersNarrowTheTable() {
        const page = openPage(["Fine."], 1, ["alpha"])
        tick(page, "alpha")
        mouseClick(findChild(page, "runSuiteButton"))
        tryCompare(page.run, "state", SuiteRun.Finished, 10000)
        page.run.results.languageFilter = "de"
        tryCompare(findChild(page, "suiteResultsGrid"), "rows", 1, 2000)
        compare(findChild(page, "suiteLanguageFilter").currentText, "de")
        page.run.results.languageFilter = ""
        tryCompare(findChild(page, "suiteResultsGrid"), "rows", 3, 2000)
        compare(findChild(page, "suiteLanguageFilter").currentIndex, 0)
    }

    function test_cancelKeepsFinishedAnswers() {
        const page = openPage(Array(60).fill("word "), 5, ["alpha", "beta"])
        tick(page, "alpha")
        tick(page, "beta")
        mouseClick(findChild(page, "runSuiteButton"))
        tryCompare(page.run, "running", true, 2000)
        const cancel = findChild(page, "cancelSuiteButton")
        verify(cancel.visible)
        tryVerify(() => page.run.done >= 1, 10000)
        verify(findChild(page, "suiteStatus").text.indexOf("elapsed") >= 0)
        tryVerify(() => findChild(page, "suiteCurrentPrompt").visible, 3000)
        verify(["Who won?", "Is it fair?", "Ist das legal?"].some(p => findChild(page, "suiteCurrentPrompt").text.indexOf(p) >= 0))
        mouseClick(cancel)
        tryCompare(page.run, "state", SuiteRun.Cancelled, 10000)
        const cells = page.run.results
        compare(cells.cellAt(0, 1).cellState, "done")
        compare(cells.cellAt(2, 2).cellState, "cancelled")
        verify(findChild(page, "runSuiteButton").visible)
        verify(findChild(page, "export_html").enabled)
    }
}
