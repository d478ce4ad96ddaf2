import QtQuick
import QtTest
import Agora
import AgoraTest

TestCase {
    id: testCase
    name: "ModelsPage"
    when: windowShown
    width: 900
    height: 700
    visible: true

    Component { id: fakeEngineComponent; FakeEngine {} }
    Component { id: pageComponent; ModelsPage { width: 900; height: 700 } }
    Component { id: switcherComponent; ModelSwitcher {} }
    Component {
        id: chatSpyComponent
        SignalSpy { signalName: "chatRequested" }
    }

    function openPage(prepare) {
        const fake = createTemporaryObject(fakeEngineComponent, testCase)
        fake.fixture = "devices_mixed.json"
        if (prepare)
            prepare(fake)
        const page = createTemporaryObject(pageComponent, testCase, { bridge: fake.bridge, modelsFolder: fake.modelsFolder })
        verify(page, "ModelsPage did not load")
        return { fake: fake, page: page }
    }

    function cardFor(page, fileName) {
        const list = findChild(page, "modelCards")
        for (let row = 0; row < list.count; ++row) {
            const item = list.itemAtIndex(row)
            if (item && item.fileName === fileName)
                return item
        }
        return null
    }

    function test_emptyFolderInvitesAnImport() {
        const opened = openPage(null)
        compare(opened.page.library.count, 0)
        verify(findChild(opened.page, "emptyState").visible)
        verify(findChild(opened.page, "importButton").visible)
        verify(findChild(opened.page, "folderLine").text.indexOf(opened.fake.modelsFolder) >= 0)
    }

    function test_cardsShowTheModelAndLoadButtonLoads() {
        const opened = openPage(fake => fake.writeFakeModel("tiny-stories"))
        const page = opened.page
        tryCompare(page.library, "count", 1, 2000)
        verify(!findChild(page, "emptyState").visible)
        tryVerify(() => cardFor(page, "tiny-stories.gguf") !== null, 2000)
        const card = cardFor(page, "tiny-stories.gguf")
        tryCompare(card, "status", "ok", 3000)
        compare(findChild(card, "modelName").text, "tiny-stories")
        verify(findChild(card, "modelOrigin").text.indexOf("Fake Labs") >= 0)
        verify(findChild(card, "modelOrigin").text.indexOf("mit") >= 0)
        tryVerify(() => findChild(card, "fitBadge").text.indexOf("Radeon RX 7600") >= 0, 3000)
        compare(card.fits, "fits")
        verify(card.Accessible.name.length > 0)

        const chatSpy = createTemporaryObject(chatSpyComponent, testCase, { target: page })
        const load = findChild(card, "loadButton")
        verify(load.visible && load.enabled)
        mouseClick(load)
        tryCompare(opened.fake.bridge, "modelState", EngineBridge.Ready, 5000)
        compare(opened.fake.bridge.modelPath, card.path)
        tryCompare(card, "loaded", true, 2000)
        verify(findChild(card, "loadedBadge").visible)
        const chat = findChild(card, "chatButton")
        // The button appears with the loaded state; click it once the card's layout settled.
        tryVerify(() => chat.visible && chat.enabled && chat.width > 0, 2000)
        waitForRendering(page)
        mouseClick(chat)
        tryCompare(chatSpy, "count", 1, 2000)
        verify(!findChild(card, "removeButton").enabled, "a loaded model cannot be deleted")

        mouseClick(findChild(card, "unloadButton"))
        tryCompare(opened.fake.bridge, "modelState", EngineBridge.NoModel, 5000)
        tryCompare(card, "loaded", false, 2000)
        verify(findChild(card, "loadButton").visible)
    }

    function test_aDamagedFileShowsItsError() {
        const opened = openPage(fake => fake.writeModelsFile("broken.gguf", "this is not a model"))
        const page = opened.page
        tryVerify(() => cardFor(page, "broken.gguf") !== null, 2000)
        const card = cardFor(page, "broken.gguf")
        tryCompare(card, "status", "corrupt", 3000)
        const problem = findChild(card, "modelProblem")
        verify(problem.visible)
        verify(problem.text.indexOf("not a GGUF model") >= 0, problem.text)
        verify(!findChild(card, "loadButton").enabled)
        verify(!findChild(card, "fitBadge").visible)
        verify(findChild(card, "removeButton").enabled)
    }

    function test_deleteAsksFirst() {
        const opened = openPage(fake => fake.writeFakeModel("doomed"))
        const page = opened.page
        tryVerify(() => cardFor(page, "doomed.gguf") !== null, 2000)
        const card = cardFor(page, "doomed.gguf")
        mouseClick(findChild(card, "removeButton"))
        const dialog = findChild(page, "removeDialog")
        tryCompare(dialog, "opened", true, 2000)
        compare(page.library.count, 1, "nothing is deleted before the answer")
        dialog.accept()
        tryCompare(page.library, "count", 0, 2000)
        verify(findChild(page, "emptyState").visible)
    }

    function test_aFileDroppedIntoTheFolderAppears() {
        const opened = openPage(null)
        compare(opened.page.library.count, 0)
        opened.fake.writeFakeModel("arrived")
        tryCompare(opened.page.library, "count", 1, 3000)
        tryVerify(() => cardFor(opened.page, "arrived.gguf") !== null, 2000)
    }

    function test_importAsksCopyOrLinkAndReportsRefusals() {
        const opened = openPage(null)
        const page = opened.page
        // The file dialog and a drop hand their URLs to the same question.
        page.askHowToImport(["file:///tmp/holiday.jpg"])
        tryVerify(() => findChild(page, "messageBanner").visible, 2000)
        verify(findChild(page, "messageText").text.indexOf(".gguf") >= 0)
        page.message = ""

        const fake = opened.fake.writeModelsFile("outside/holiday.gguf", "JPEG, not a model")
        page.askHowToImport(["file://" + fake])
        const choice = findChild(page, "importChoiceDialog")
        tryCompare(choice, "opened", true, 2000)
        verify(findChild(choice, "copyChoice").checked)
        choice.accept()
        tryVerify(() => findChild(page, "messageBanner").visible, 3000)
        verify(findChild(page, "messageText").text.indexOf("not a GGUF model") >= 0, findChild(page, "messageText").text)
        compare(page.library.count, 0, "a refused file leaves nothing behind")

        const model = opened.fake.writeModelsFile("outside/kept-elsewhere.gguf", "GGUF fake weights")
        page.askHowToImport(["file://" + model])
        tryCompare(choice, "opened", true, 2000)
        findChild(choice, "linkChoice").checked = true
        choice.accept()
        tryCompare(page.library, "count", 1, 3000)
        tryVerify(() => cardFor(page, "kept-elsewhere.gguf") !== null, 2000)
        const card = cardFor(page, "kept-elsewhere.gguf")
        verify(card.isLink)
        verify(findChild(card, "linkNote").visible)
        compare(findChild(card, "removeButton").text, "Remove link")
    }

    function test_switcherLoadsThePickedModel() {
        const fake = createTemporaryObject(fakeEngineComponent, testCase)
        fake.fixture = "devices_mixed.json"
        fake.writeFakeModel("alpha")
        fake.writeFakeModel("beta")
        const switcher = createTemporaryObject(switcherComponent, testCase, { bridge: fake.bridge, modelsFolder: fake.modelsFolder })
        tryCompare(switcher.library, "count", 2, 2000)
        const combo = findChild(switcher, "modelSwitcherCombo")
        verify(combo.visible)
        compare(combo.currentIndex, -1)
        compare(combo.displayText, "Choose a model")
        combo.forceActiveFocus()
        keyClick(Qt.Key_Down) // as a keyboard user picks: the first model loads
        tryCompare(fake.bridge, "modelState", EngineBridge.Ready, 5000)
        compare(fake.bridge.modelName, "alpha")
        tryCompare(combo, "currentIndex", 0, 2000)
        verify(findChild(switcher, "modelSwitcherUnload").visible)
        tryCompare(combo, "enabled", true, 2000)
        combo.forceActiveFocus() // disabled while loading, it gave up the focus
        keyClick(Qt.Key_Down) // switch: alpha goes, beta comes
        tryCompare(fake.bridge, "modelName", "beta", 5000)
        tryCompare(fake.bridge, "modelState", EngineBridge.Ready, 5000)
        tryCompare(combo, "currentIndex", 1, 2000)
        compare(combo.displayText, "beta")
        mouseClick(findChild(switcher, "modelSwitcherUnload"))
        tryCompare(fake.bridge, "modelState", EngineBridge.NoModel, 5000)
        tryCompare(combo, "currentIndex", -1, 2000)
    }
}
