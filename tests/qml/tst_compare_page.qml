import QtQuick
import QtTest
import Agora
import AgoraTest

// ComparePage with the fake engine: tick models, Enter sends to every pane, answers stream side
// by side with their stats; the sequential notice when the models do not fit; Esc stops; blind
// names and reveal; the refusal badge; new comparison, then the saved one reopened from history.
TestCase {
    id: testCase
    name: "ComparePage"
    when: windowShown
    width: 1100
    height: 700
    visible: true

    Component { id: fakeEngineComponent; FakeEngine {} }
    Component { id: pageComponent; ComparePage { width: 1100; height: 700 } }

    function openPage(pieces, delayMs, names) {
        const fake = createTemporaryObject(fakeEngineComponent, testCase)
        fake.fixture = "devices_mixed.json"
        fake.setReply(pieces, delayMs)
        for (let i = 0; i < names.length; ++i)
            verify(fake.writeFakeModel(names[i]) !== "")
        const page = createTemporaryObject(pageComponent, testCase,
                                           { bridge: fake.bridge, store: fake.store, modelsFolder: fake.modelsFolder })
        verify(page, "ComparePage did not load")
        tryCompare(findChild(page, "modelLibrary"), "count", names.length, 5000)
        return { fake: fake, page: page, session: findChild(page, "compareSession") }
    }

    function tick(page, index) {
        tryVerify(() => findChild(page, "pickerItem_" + index) !== null, 3000)
        const item = findChild(page, "pickerItem_" + index)
        tryVerify(() => item.enabled, 3000)
        mouseClick(item)
        verify(item.checked, "model " + index + " ticked")
    }

    function typeAndPressEnter(page, text) {
        const composer = findChild(page, "composer")
        composer.forceActiveFocus()
        composer.text = text
        keyClick(Qt.Key_Return)
    }

    function waitForTurn(session, turns) {
        tryCompare(session, "turnCount", turns, 5000)
        tryCompare(session, "state", CompareSession.State.Ready, 5000)
    }

    function test_ticksTwoModelsAndBothAnswerSideBySide() {
        const t = openPage(["**Bold**", " answer"], 20, ["alpha", "beta"])
        verify(findChild(t.page, "emptyHint").visible)
        tick(t.page, 0)
        tick(t.page, 1)
        compare(t.session.count, 2)
        compare(t.session.modelPaths.length, 2)
        verify(!findChild(t.page, "emptyHint").visible)
        typeAndPressEnter(t.page, "Hello both")
        compare(findChild(t.page, "composer").text, "", "Enter sent and cleared the input")
        tryCompare(findChild(t.page, "sendButton"), "text", "Stop", 2000)
        waitForTurn(t.session, 1)
        for (let i = 0; i < 2; ++i) {
            const pane = findChild(t.page, "comparePane_" + i)
            verify(pane, "pane " + i)
            compare(findChild(pane, "paneText").textFormat, TextEdit.MarkdownText)
            compare(t.session.paneText(i), "**Bold** answer")
            verify(findChild(pane, "paneText").text.indexOf("**Bold** answer") === 0)
            verify(findChild(pane, "paneStats").visible)
            verify(findChild(pane, "paneStats").text.indexOf("tokens/s") > 0)
            verify(findChild(pane, "paneStats").text.indexOf("2 tokens") > 0)
            verify(findChild(pane, "paneStats").text.indexOf("finished") > 0)
            verify(!findChild(pane, "refusalBadge").visible)
        }
        compare(findChild(t.page, "comparePane_0").modelName, "alpha")
        compare(findChild(t.page, "comparePane_1").modelName, "beta")
        verify(!findChild(t.page, "noticeBar").visible)
        compare(findChild(t.page, "sendButton").text, "Send")
        tryCompare(findChild(t.page, "historyList"), "count", 1, 5000)
        verify(findChild(t.page, "exportButton").enabled)
        verify(t.session.exportHtml().indexOf("**Bold** answer") > 0)
    }

    function test_atMostFourModels() {
        const t = openPage(["x"], 5, ["m1", "m2", "m3", "m4", "m5"])
        for (let i = 0; i < 4; ++i)
            tick(t.page, i)
        compare(t.session.count, 4)
        const fifth = findChild(t.page, "pickerItem_4")
        verify(!fifth.enabled, "a fifth model cannot be ticked")
        verify(findChild(t.page, "modelPicker").valid)
        mouseClick(findChild(t.page, "pickerItem_0")) // untick one: the fifth becomes available
        compare(t.session.count, 3)
        tryVerify(() => fifth.enabled, 2000)
    }

    function test_sequentialNoticeWhenModelsDoNotFitTogether() {
        const t = openPage(["Hi"], 5, ["big-one", "big-two"])
        t.fake.setMaxLoadedModels(1)
        tick(t.page, 0)
        tick(t.page, 1)
        typeAndPressEnter(t.page, "Hello")
        waitForTurn(t.session, 1)
        verify(t.session.sequential)
        const notice = findChild(t.page, "noticeBar")
        verify(notice.visible)
        verify(t.session.notice.indexOf("one after") > 0)
        compare(findChild(findChild(t.page, "comparePane_0"), "paneText").text.trim(), "Hi")
        compare(findChild(findChild(t.page, "comparePane_1"), "paneText").text.trim(), "Hi")
    }

    function test_escapeStopsEveryPane() {
        const t = openPage(Array(300).fill("la "), 10, ["alpha", "beta"])
        tick(t.page, 0)
        tick(t.page, 1)
        typeAndPressEnter(t.page, "Sing")
        tryVerify(() => t.session.paneText(0).length > 0 && t.session.paneText(1).length > 0, 5000)
        keyClick(Qt.Key_Escape)
        waitForTurn(t.session, 1)
        verify(t.session.paneText(0).length < 900)
        verify(findChild(findChild(t.page, "comparePane_1"), "paneStats").text.indexOf("stopped") > 0)
    }

    function test_blindNamesUntilRevealed() {
        const t = openPage(["Answer"], 5, ["alpha", "beta"])
        tick(t.page, 0)
        tick(t.page, 1)
        mouseClick(findChild(t.page, "blindSwitch"))
        verify(t.session.blind)
        typeAndPressEnter(t.page, "Who are you?")
        waitForTurn(t.session, 1)
        compare(findChild(t.page, "comparePane_0").modelName, "Model A")
        compare(findChild(t.page, "comparePane_1").modelName, "Model B")
        const reveal = findChild(t.page, "revealButton")
        verify(reveal.visible)
        mouseClick(reveal)
        compare(findChild(t.page, "comparePane_0").modelName, "alpha")
        verify(!reveal.visible)
    }

    function test_refusalBadge() {
        const t = openPage(["I can't", " help with that."], 5, ["careful", "direct"])
        tick(t.page, 0)
        tick(t.page, 1)
        typeAndPressEnter(t.page, "Something risky")
        waitForTurn(t.session, 1)
        verify(findChild(findChild(t.page, "comparePane_0"), "refusalBadge").visible)
    }

    function test_newComparisonThenReopenFromHistory() {
        const t = openPage(["First answer"], 5, ["alpha", "beta"])
        tick(t.page, 0)
        tick(t.page, 1)
        typeAndPressEnter(t.page, "Question one")
        waitForTurn(t.session, 1)
        t.fake.setReply(["Second answer"], 5)
        typeAndPressEnter(t.page, "Question two")
        waitForTurn(t.session, 2)
        const pane0 = findChild(t.page, "comparePane_0")
        compare(pane0.earlierTurns.length, 1)
        compare(pane0.earlierTurns[0].text, "First answer")
        const saved = t.session.conversationId
        verify(saved > 0)

        mouseClick(findChild(t.page, "newComparisonButton"))
        compare(t.session.turnCount, 0)
        compare(t.session.conversationId, 0)
        compare(t.session.paneText(0), "")

        const history = findChild(t.page, "historyList")
        tryCompare(history, "count", 1, 5000)
        tryVerify(() => findChild(t.page, "historyItem_0") !== null, 2000)
        mouseClick(findChild(t.page, "historyItem_0"))
        tryCompare(t.session, "conversationId", saved, 5000)
        compare(t.session.turnCount, 2)
        compare(t.session.paneText(1), "Second answer")
        compare(findChild(t.page, "modelPicker").selectedPaths.length, 2)
        compare(findChild(t.page, "comparePane_1").earlierTurns.length, 1)
        verify(findChild(t.page, "historyItem_0").highlighted)

        // Continuing the reopened comparison loads the models again.
        t.fake.setReply(["Third answer"], 5)
        typeAndPressEnter(t.page, "Question three")
        waitForTurn(t.session, 3)
        compare(t.session.paneText(0), "Third answer")
        compare(t.fake.lastSpec().messages.length, 5)
    }
}
