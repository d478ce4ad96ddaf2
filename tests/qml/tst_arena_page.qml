// The arena page with the fake engine: the empty state with fewer than two models, a whole round
// (blind names, vote by key, names revealed with the winner, the leaderboard's table and chart
// filled), a vote refused while the models still answer (Esc stops, then the buttons work),
// taking a model out of the arena, and resetting the leaderboard behind its confirmation.
import QtQuick
import QtQuick.Controls
import QtTest
import Agora
import AgoraTest

TestCase {
    id: testCase
    name: "ArenaPage"
    when: windowShown
    width: 1100
    height: 760
    visible: true

    Component { id: fakeEngineComponent; FakeEngine {} }
    Component { id: pageComponent; ArenaPage { width: 1100; height: 760 } }
    Component { id: spyComponent; SignalSpy {} }

    function openArena(names, seed, pieces, delayMs) {
        const fake = createTemporaryObject(fakeEngineComponent, testCase)
        fake.fixture = "devices_mixed.json"
        fake.setReply(pieces || ["The ", "answer"], delayMs || 5)
        for (const name of names)
            verify(fake.writeFakeModel(name) !== "")
        const page = createTemporaryObject(pageComponent, testCase,
                                           { bridge: fake.bridge, store: fake.store, modelsFolder: fake.modelsFolder })
        verify(page, "ArenaPage did not load")
        page.session.seed = seed
        tryVerify(() => page.usableModels.length === names.length, 5000, "the models folder was read")
        return page
    }

    function ask(page, text) {
        const prompt = findChild(page, "arenaPrompt")
        prompt.forceActiveFocus()
        prompt.text = text
        keyClick(Qt.Key_Return)
    }

    function test_emptyStateExplainsTheArena() {
        const page = openArena(["solo"], 1)
        verify(findChild(page, "arenaEmptyState").visible)
        verify(!findChild(page, "arenaPlay").visible)
        const spy = createTemporaryObject(spyComponent, testCase, { target: page, signalName: "modelsRequested" })
        const add = findChild(page, "addModelsButton")
        verify(add.visible)
        mouseClick(add)
        compare(spy.count, 1)
        compare(page.session.canStart, false)
    }

    function test_aRoundFromQuestionToLeaderboard() {
        const page = openArena(["alpha", "beta"], 3)
        verify(findChild(page, "arenaPlay").visible)
        compare(page.session.models.length, 2)
        ask(page, "Which river is the longest?")
        compare(page.session.round, 1)
        tryCompare(page.session, "phase", ArenaSession.Voting, 5000)

        const sideA = findChild(page, "sideA"), sideB = findChild(page, "sideB")
        compare(findChild(sideA, "sideName").text, "Model A")
        compare(findChild(sideB, "sideName").text, "Model B")
        verify(findChild(sideA, "answerText").text.indexOf("The answer") === 0)
        verify(!findChild(sideA, "sideStats").visible, "speed stays hidden before the vote")
        verify(findChild(page, "vote_a").enabled)

        keyClick(Qt.Key_1) // A is better
        compare(page.session.phase, ArenaSession.Revealed)
        const winner = page.session.nameA, loser = page.session.nameB
        verify(["alpha", "beta"].indexOf(winner) >= 0 && ["alpha", "beta"].indexOf(loser) >= 0 && winner !== loser)
        compare(findChild(sideA, "sideName").text, winner)
        compare(findChild(sideB, "sideName").text, loser)
        verify(findChild(sideA, "resultBadge").visible)
        verify(!findChild(sideB, "resultBadge").visible)
        verify(findChild(sideA, "sideStats").visible)
        compare(findChild(page, "voteHint").text, winner + " won this round against " + loser + ".")
        verify(findChild(page, "newRoundButton").visible)

        // The vote reaches the leaderboard: the winner first in the table and the chart.
        tryCompare(page.leaderboard, "totalVotes", 1, 5000)
        tryCompare(page.leaderboard, "count", 2, 5000)
        mouseClick(findChild(page, "leaderboardTab"))
        const table = findChild(page, "leaderboardTable")
        tryCompare(table, "count", 2, 2000)
        const firstRow = findChild(table, "leaderboardRow_0")
        verify(firstRow)
        compare(firstRow.modelName, winner)
        compare(findChild(firstRow, "cell_record").text, "1 / 0 / 0 / 0")
        compare(findChild(page, "leaderboardChart").count, 2)
        compare(findChild(page, "voteCount").text, "1 vote(s) across 2 model(s)")

        // New round: the question field is cleared and the names are hidden again.
        mouseClick(findChild(page, "playTab"))
        mouseClick(findChild(page, "newRoundButton"))
        compare(findChild(page, "arenaPrompt").text, "")
        ask(page, "And the highest mountain?")
        compare(page.session.round, 2)
        compare(findChild(sideA, "sideName").text, "Model A")
        tryCompare(page.session, "phase", ArenaSession.Voting, 5000)
    }

    function test_noVoteWhileTheModelsAnswer() {
        const page = openArena(["alpha", "beta"], 5, Array(200).fill("word "), 20)
        ask(page, "Tell me a long story.")
        tryVerify(() => page.session.answerA.state === "streaming", 5000)
        verify(!findChild(page, "vote_b").enabled)
        keyClick(Qt.Key_2)
        compare(page.session.phase, ArenaSession.Answering, "a key vote before the answers are in is ignored")
        verify(findChild(page, "stopRoundButton").visible)
        keyClick(Qt.Key_Escape)
        tryCompare(page.session, "phase", ArenaSession.Voting, 5000)
        compare(page.session.answerA.stopReason, "cancelled")
        mouseClick(findChild(page, "vote_b"))
        compare(page.session.phase, ArenaSession.Revealed)
        compare(page.session.outcome, "b")
        verify(findChild(findChild(page, "sideB"), "resultBadge").visible)
    }

    function test_aModelCanBeLeftOut() {
        const page = openArena(["alpha", "beta", "gamma"], 7)
        compare(page.session.models.length, 3)
        const gamma = findChild(page, "arenaModel_gamma")
        verify(gamma && gamma.checked)
        mouseClick(gamma)
        compare(gamma.checked, false)
        compare(page.session.models.length, 2)
        for (let round = 0; round < 3; ++round) {
            ask(page, "Question " + round)
            tryCompare(page.session, "phase", ArenaSession.Voting, 5000)
            verify(page.session.vote("tie"))
            verify(page.session.nameA !== "gamma" && page.session.nameB !== "gamma")
            findChild(page, "arenaPrompt").text = ""
        }
    }

    function test_anExampleQuestionFillsTheField() {
        const page = openArena(["alpha", "beta"], 4)
        const examples = findChild(page, "arenaSuggestions")
        verify(examples.visible)
        const first = findChild(page, "suggestion_0")
        mouseClick(first)
        const prompt = findChild(page, "arenaPrompt")
        compare(prompt.text, first.text)
        verify(prompt.activeFocus)
        compare(page.session.round, 0, "choosing an example sends nothing")
        verify(!examples.visible)
        keyClick(Qt.Key_Return)
        tryCompare(page.session, "phase", ArenaSession.Voting, 5000)
        compare(page.session.prompt, first.text)
    }

    function test_resetLeaderboardAsksFirst() {
        const page = openArena(["alpha", "beta"], 2)
        ask(page, "Hello?")
        tryCompare(page.session, "phase", ArenaSession.Voting, 5000)
        keyClick(Qt.Key_4) // both bad
        compare(page.session.outcome, "both-bad")
        tryCompare(page.leaderboard, "totalVotes", 1, 5000)
        mouseClick(findChild(page, "leaderboardTab"))
        const reset = findChild(page, "resetLeaderboardButton")
        tryVerify(() => reset.visible && reset.enabled, 2000)
        mouseClick(reset)
        const dialog = findChild(page, "confirmResetDialog")
        tryCompare(dialog, "opened", true, 2000)
        dialog.reject()
        tryCompare(dialog, "visible", false, 2000)
        compare(page.leaderboard.totalVotes, 1, "cancel keeps the votes")
        mouseClick(reset)
        tryCompare(dialog, "opened", true, 2000)
        dialog.accept()
        tryCompare(page.leaderboard, "totalVotes", 0, 5000)
        compare(page.leaderboard.count, 0)
        verify(findChild(page, "leaderboardEmpty").visible)
    }
}
