// The chat page with a real conversation store (in a temporary folder) and the fake engine:
// a draft becomes a stored, named conversation on its first message; the sidebar's new chat,
// rename, delete with undo and search; code blocks with their Copy button; editing an earlier
// question; the settings panel shaping what the engine is asked; the no-model empty state.
import QtQuick
import QtTest
import Agora
import AgoraTest

TestCase {
    id: testCase
    name: "ChatHistory"
    when: windowShown
    width: 1100
    height: 700
    visible: true

    Component { id: fakeEngineComponent; FakeEngine {} }
    Component { id: pageComponent; ChatPage { width: 1100; height: 700 } }
    Component { id: pasteTarget; TextEdit { width: 100; height: 20 } }
    Component { id: settingsComponent; QtObject {
        property string defaultPreset: "creative"
        property string defaultSystemPrompt: "You are a patient teacher."
        property int defaultContextLength: 0
        property string defaultOverflowPolicy: "stop"
    } }

    property var fake: null

    function openPage(pieces, delayMs, withModel, settings) {
        fake = createTemporaryObject(fakeEngineComponent, testCase)
        fake.fixture = "devices_mixed.json"
        fake.setReply(pieces, delayMs)
        if (withModel !== false) {
            verify(fake.bridge.loadModel(fake.writeFakeModel("tiny-stories")))
            tryCompare(fake.bridge, "modelState", EngineBridge.Ready, 5000)
        }
        const page = createTemporaryObject(pageComponent, testCase,
                                           { bridge: fake.bridge, store: fake.store, settings: settings || null })
        verify(page, "ChatPage did not load")
        page.conversations.undoWindowMs = 1500
        return page
    }

    function send(page, text) {
        const composer = findChild(page, "composer")
        composer.forceActiveFocus()
        composer.text = text
        const before = page.messages.conversationId === 0 ? 0 : page.messages.count
        keyClick(Qt.Key_Return)
        tryVerify(() => page.messages.count >= before + 2, 3000, "the question and its reply are listed")
        tryCompare(page.messages, "streaming", false, 5000)
    }

    function rowTitles(page) {
        const list = findChild(page, "conversationList")
        const titles = []
        for (let i = 0; i < list.count; ++i) {
            const item = list.itemAtIndex(i)
            titles.push(item ? findChild(item, "conversationTitle").text : "?")
        }
        return titles
    }

    function test_firstMessageStoresANamedConversation() {
        const page = openPage(["Hi there"], 1)
        compare(page.messages.conversationId, 0, "a new chat is a draft")
        compare(findChild(page, "conversationList").count, 0)
        send(page, "Plan a picnic by the river for six people")
        verify(page.messages.conversationId !== 0)
        tryCompare(page.messages, "title", "Plan a picnic by the river for six people")
        tryCompare(findChild(page, "conversationList"), "count", 1, 3000)
        tryVerify(() => rowTitles(page)[0] === "Plan a picnic by the river for six people", 3000)
        compare(findChild(page, "chatTitle").text, "Plan a picnic by the river for six people")

        // New chat, a second conversation, then back to the first: its messages load.
        const first = page.messages.conversationId
        mouseClick(findChild(page, "newChatButton"))
        compare(page.messages.count, 0)
        compare(findChild(page, "chatTitle").text, "New chat")
        send(page, "Second topic")
        tryCompare(findChild(page, "conversationList"), "count", 2, 3000)
        tryVerify(() => rowTitles(page)[0] === "Second topic", 3000)
        const list = findChild(page, "conversationList")
        mouseClick(list.itemAtIndex(1))
        compare(page.messages.conversationId, first)
        tryCompare(page.messages, "count", 2, 3000)
        compare(page.messages.textAt(1), "Hi there")
    }

    function test_renameDeleteUndoAndSearch() {
        const page = openPage(["Penguins live in the south"], 1)
        send(page, "Tell me about penguins")
        mouseClick(findChild(page, "newChatButton"))
        send(page, "Tell me about camels")
        const list = findChild(page, "conversationList")
        tryCompare(list, "count", 2, 3000)
        tryVerify(() => rowTitles(page)[0] === "Tell me about camels", 3000)

        // Rename in place: F2 on the row, type, Enter.
        list.forceActiveFocus()
        list.currentIndex = 0
        keyClick(Qt.Key_F2)
        const field = findChild(list.itemAtIndex(0), "renameField")
        verify(field.visible)
        field.text = "Desert animals"
        keyClick(Qt.Key_Return)
        tryVerify(() => rowTitles(page)[0] === "Desert animals", 3000)
        tryCompare(findChild(page, "chatTitle"), "text", "Desert animals", 3000)

        // Delete the open one: it leaves the list, the chat becomes a new draft; Undo brings it back.
        const deletedId = page.messages.conversationId
        mouseClick(findChild(list.itemAtIndex(0), "deleteButton"))
        compare(list.count, 1)
        compare(page.messages.conversationId, 0)
        const undoBar = findChild(page, "undoBar")
        verify(undoBar.visible)
        mouseClick(findChild(page, "undoButton"))
        tryCompare(list, "count", 2, 3000)
        tryCompare(page.messages, "conversationId", deletedId, 3000)
        verify(!undoBar.visible)

        // Delete without undo: gone for good once the bar closes.
        mouseClick(findChild(list.itemAtIndex(rowTitles(page).indexOf("Tell me about penguins")), "deleteButton"))
        tryVerify(() => !undoBar.visible, 4000)
        page.conversations.refresh()
        wait(200)
        compare(rowTitles(page), ["Desert animals"])

        // Search shows matching text from inside the messages.
        const search = findChild(page, "searchField")
        search.text = "camel"
        tryCompare(page.conversations, "searchText", "camel", 2000)
        tryCompare(list, "count", 1, 3000)
        // (the rows are rebuilt when results arrive: look the delegate up each time)
        tryVerify(() => {
            const item = list.itemAtIndex(0)
            const snippet = item ? findChild(item, "conversationSnippet") : null
            return snippet !== null && snippet.text.indexOf("<b>camels</b>") >= 0
        }, 3000)
        search.text = "nothing-matches-this"
        tryCompare(list, "count", 0, 3000)
        verify(findChild(page, "emptySidebar").visible)
    }

    function test_codeBlockHasLanguageAndCopiesTheCode() {
        const page = openPage(["Run this:\n", "```python\n", "print('hello')\n", "```\n", "Then relax."], 5)
        send(page, "Show code")
        const list = findChild(page, "messageList")
        tryVerify(() => list.itemAtIndex(1) !== null, 2000)
        const reply = list.itemAtIndex(1)
        const block = findChild(reply, "codeBlock")
        verify(block, "the fenced code is its own block")
        compare(findChild(block, "codeText").text, "print('hello')")
        compare(findChild(block, "codeLanguage").text, "python")
        compare(findChild(block, "codeText").font.family, "monospace")
        const copy = findChild(block, "copyCodeButton")
        verify(copy.visible)
        mouseClick(copy)
        compare(copy.text, "Copied")
        const target = createTemporaryObject(pasteTarget, testCase)
        target.paste()
        compare(target.text, "print('hello')", "the clipboard holds exactly the code")
    }

    function test_editAnEarlierQuestion() {
        const page = openPage(["First answer"], 1)
        send(page, "Question one")
        fake.setReply(["Second answer"], 1)
        send(page, "Question two")
        compare(page.messages.count, 4)
        const list = findChild(page, "messageList")
        tryVerify(() => list.itemAtIndex(0) !== null, 2000)
        list.positionViewAtBeginning()
        const question = list.itemAtIndex(0)
        tryVerify(() => page.messages.data(page.messages.index(3, 0), 257) !== 0, 3000) // the reply has its id
        fake.setReply(["Fresh answer"], 1)
        mouseClick(findChild(question, "editButton"))
        const edit = findChild(question, "editField")
        verify(edit.visible && edit.activeFocus)
        edit.text = "Question one, clarified"
        keyClick(Qt.Key_Return)
        tryCompare(page.messages, "count", 2, 3000)
        tryCompare(page.messages, "streaming", false, 5000)
        compare(page.messages.textAt(0), "Question one, clarified")
        compare(page.messages.textAt(1), "Fresh answer")
        const asked = fake.lastSpec().messages
        compare(asked[asked.length - 1].content, "Question one, clarified")
        compare(asked.length, 1, "nothing after the edited question was sent")
    }

    function test_settingsPanelShapesTheRequest() {
        const page = openPage(["Sure"], 1, true, createTemporaryObject(settingsComponent, testCase))
        // A new conversation starts from the app's defaults.
        send(page, "Hello")
        let spec = fake.lastSpec()
        verify(spec.hasSampling)
        compare(spec.temperature, 1.0, "creative, the default preset from settings")
        compare(spec.messages[0].content, "You are a patient teacher.")
        compare(spec.dropOldestTurns, false, "stop, the default policy from settings")

        mouseClick(findChild(page, "settingsButton"))
        const panel = findChild(page, "conversationSettings")
        verify(panel.visible)
        const prompt = findChild(panel, "systemPromptField")
        prompt.forceActiveFocus()
        prompt.text = "Reply in one sentence."
        findChild(panel, "presetBox").forceActiveFocus() // leaving the field saves it
        compare(page.messages.systemPrompt, "Reply in one sentence.")

        const presetBox = findChild(panel, "presetBox")
        presetBox.activated(presetBox.model.indexOf("custom"))
        verify(findChild(panel, "customSampling").visible)
        const temperature = findChild(panel, "sampling_temperature")
        temperature.forceActiveFocus()
        temperature.text = "0.35"
        const seed = findChild(panel, "sampling_seed")
        seed.forceActiveFocus() // editingFinished on the temperature
        seed.text = "77"
        findChild(panel, "sampling_topK").forceActiveFocus()
        const dropOldest = findChild(panel, "overflowDropOldest") // below the fold: no mouse
        dropOldest.clicked()
        compare(page.messages.overflowPolicy, "drop-oldest")

        mouseClick(findChild(findChild(page, "messageList").itemAtIndex(1), "regenerateButton"))
        tryCompare(page.messages, "streaming", false, 5000)
        spec = fake.lastSpec()
        compare(spec.temperature, 0.35)
        compare(spec.seed, 77)
        compare(spec.dropOldestTurns, true)
        compare(spec.messages[0].content, "Reply in one sentence.")

        // Stored with the conversation: reopening it shows the same settings.
        const id = page.messages.conversationId
        mouseClick(findChild(page, "newChatButton"))
        compare(page.messages.sampling.preset, "creative")
        page.openConversation(id)
        tryCompare(page.messages, "systemPrompt", "Reply in one sentence.", 3000)
        compare(page.messages.sampling.preset, "custom")
        compare(page.messages.sampling.temperature, 0.35)
        compare(page.messages.overflowPolicy, "drop-oldest")
    }

    function test_startChatFromOutsideTakesTheDefaults() {
        const page = openPage(["Hello back"], 1, true, createTemporaryObject(settingsComponent, testCase))
        page.startChat("Greetings from the welcome screen")
        tryVerify(() => page.messages.count === 2 && !page.messages.streaming, 5000)
        compare(page.messages.title, "Greetings from the welcome screen")
        const spec = fake.lastSpec()
        compare(spec.temperature, 1.0)
        compare(spec.messages[0].content, "You are a patient teacher.")
        tryCompare(findChild(page, "conversationList"), "count", 1, 3000)
    }

    function test_noModelEmptyStateLeadsToModels() {
        const page = openPage(["x"], 1, false)
        const empty = findChild(page, "emptyState")
        verify(empty.visible)
        const choose = findChild(page, "chooseModelButton")
        verify(choose.visible)
        let asked = 0
        page.modelsRequested.connect(() => asked++)
        mouseClick(choose)
        compare(asked, 1)
    }

    function test_stopShowsWhyTheReplyEnded() {
        const page = openPage(Array(300).fill("la "), 10)
        const composer = findChild(page, "composer")
        composer.forceActiveFocus()
        composer.text = "Sing"
        keyClick(Qt.Key_Return)
        tryVerify(() => page.messages.count === 2 && page.messages.textAt(1).length > 0, 5000)
        keyClick(Qt.Key_Escape)
        tryCompare(page.messages, "streaming", false, 5000)
        const reply = findChild(page, "messageList").itemAtIndex(1)
        const reason = findChild(reply, "stopReason")
        verify(reason.visible)
        compare(reason.text, "Stopped")
    }
}
