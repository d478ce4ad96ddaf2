import QtQuick
import QtTest
import Agora
import AgoraTest

// ComparePage.compareModels(paths, prompt), what the app's --compare/--send use: the models are
// ticked in the picker, and the prompt loads them and is answered in every pane; without a
// prompt nothing is sent; more than four paths keep the first four.
TestCase {
    id: testCase
    name: "CompareLaunch"
    when: windowShown
    width: 1100
    height: 700
    visible: true

    Component { id: fakeEngineComponent; FakeEngine {} }
    Component { id: pageComponent; ComparePage { width: 1100; height: 700 } }

    function openPage(names) {
        const fake = createTemporaryObject(fakeEngineComponent, testCase)
        fake.fixture = "devices_mixed.json"
        fake.setReply(["Side", " by side"], 10)
        const paths = []
        for (let i = 0; i < names.length; ++i) {
            paths.push(fake.writeFakeModel(names[i]))
            verify(paths[i] !== "")
        }
        const page = createTemporaryObject(pageComponent, testCase,
                                           { bridge: fake.bridge, store: fake.store, modelsFolder: fake.modelsFolder })
        verify(page, "ComparePage did not load")
        tryCompare(findChild(page, "modelLibrary"), "count", names.length, 5000)
        return { page: page, paths: paths, session: findChild(page, "compareSession") }
    }

    function test_picksTheModelsAndAsksEveryOne() {
        const t = openPage(["alpha", "beta", "gamma"])
        t.page.compareModels([t.paths[2], t.paths[0]], "Hello both")
        compare(t.session.modelPaths, [t.paths[2], t.paths[0]])
        tryCompare(t.session, "turnCount", 1, 5000)
        tryCompare(t.session, "state", CompareSession.State.Ready, 5000)
        compare(t.session.paneText(0), "Side by side")
        compare(t.session.paneText(1), "Side by side")
        compare(findChild(t.page, "comparePane_0").modelName, "gamma")
        compare(findChild(t.page, "comparePane_1").modelName, "alpha")
        tryVerify(() => findChild(t.page, "pickerItem_0") !== null, 3000)
        verify(findChild(t.page, "pickerItem_0").checked, "alpha ticked")
        verify(!findChild(t.page, "pickerItem_1").checked, "beta not ticked")
        verify(findChild(t.page, "pickerItem_2").checked, "gamma ticked")
    }

    function test_withoutPromptNothingIsSent() {
        const t = openPage(["alpha", "beta", "gamma", "delta", "epsilon"])
        t.page.compareModels(t.paths, "")
        compare(t.session.modelPaths, t.paths.slice(0, 4))
        compare(t.session.count, 4)
        wait(100)
        compare(t.session.turnCount, 0)
        compare(t.session.state, CompareSession.State.Idle)
    }
}
