// The settings page over real AppSettings (a temporary file, never the user's config) and the
// fake engine: every device listed and an unusable one disabled with its reason; theme and
// language switched live in the whole window; the defaults for new conversations saved.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtTest
import Agora
import AgoraTest

Item {
    id: root
    width: 1200
    height: 900

TestCase {
    id: testCase
    name: "Settings"
    when: windowShown

    Component { id: fakeEngineComponent; FakeEngine {} }
    Component { id: mainComponent; Main {} }
    Component {
        id: settingsComponent
        AppSettings {}
    }
    Component {
        id: pageComponent
        SettingsPage { width: 900; height: 900 }
    }
    Component {
        id: devicesComponent
        DeviceListModel {}
    }

    // A fake engine over devices_mixed.json (llvmpipe, the default Radeon, an unusable Intel) and
    // settings in its temporary folder, with the language wired the way application.cpp does it.
    function makeEngine() {
        const fake = createTemporaryObject(fakeEngineComponent, testCase)
        fake.fixture = "devices_mixed.json"
        const settings = createTemporaryObject(settingsComponent, testCase,
            { fileName: fake.modelsFolder + "/settings/Agora.conf", dataFolder: fake.modelsFolder })
        settings.languageChanged.connect(function () { fake.useLanguage(settings.language || "en") })
        return { fake: fake, settings: settings }
    }

    function openPage() {
        const engine = makeEngine()
        const devices = createTemporaryObject(devicesComponent, testCase, { bridge: engine.fake.bridge })
        const page = createTemporaryObject(pageComponent, root,
            { bridge: engine.fake.bridge, settings: engine.settings, devices: devices, dataFolder: "~/.local/share/Agora" })
        verify(page, "SettingsPage did not load")
        engine.fake.bridge.refreshDevices()
        tryVerify(function () { return findChild(page, "deviceChoice_2") !== null }, 5000, "devices never listed")
        return { page: page, settings: engine.settings, fake: engine.fake }
    }

    function child(parent, name) {
        const item = findChild(parent, name)
        verify(item, "no item named " + name)
        return item
    }

    function test_everyDeviceListedUnusableDisabled() {
        const t = openPage()
        const auto = child(t.page, "deviceChoiceAutomatic")
        verify(auto.checked, "automatic is the default")
        compare(auto.text, "Automatic (now: Radeon RX 7600)")
        verify(child(t.page, "deviceChoice_0").text.indexOf("llvmpipe") === 0)
        verify(child(t.page, "deviceChoice_0").enabled)
        verify(child(t.page, "deviceChoice_1").enabled)
        const intel = child(t.page, "deviceChoice_2")
        verify(!intel.enabled, "a device Agora cannot run on cannot be chosen")
        verify(intel.Accessible.name.indexOf("Vulkan 1.0 only") >= 0)
        const reason = child(t.page, "deviceReason_2")
        verify(reason.visible)
        compare(reason.text, "Cannot be used: Vulkan 1.0 only; Agora needs Vulkan 1.2")
        verify(!child(t.page, "deviceReason_1").visible)

        mouseClick(child(t.page, "deviceChoice_0"))
        compare(t.settings.device, "llvmpipe (LLVM 15.0.6, 256 bits)")
        verify(!auto.checked)
        mouseClick(intel)
        compare(t.settings.device, "llvmpipe (LLVM 15.0.6, 256 bits)", "a click on a disabled device changes nothing")
        mouseClick(auto)
        compare(t.settings.device, "")
    }

    function test_missingDeviceExplained() {
        const t = openPage()
        verify(!child(t.page, "deviceMissingNote").visible)
        t.settings.device = "Old eGPU"
        verify(child(t.page, "deviceMissingNote").visible)
        verify(child(t.page, "deviceChoiceAutomatic").checked === false)
    }

    function test_themeAppliesLiveToTheWindow() {
        const engine = makeEngine()
        engine.settings.theme = "light"
        const window = createTemporaryObject(mainComponent, testCase,
            { bridge: engine.fake.bridge, settings: engine.settings, section: "settings" })
        verify(window)
        verify(!window.darkTheme)
        compare(window.Material.theme, Material.Light)
        const page = child(window.contentItem, "settingsPage")
        verify(child(page, "theme_light").checked)
        mouseClick(child(page, "theme_dark"))
        compare(engine.settings.theme, "dark")
        verify(window.darkTheme)
        compare(window.Material.theme, Material.Dark)
        mouseClick(child(page, "theme_system"))
        compare(engine.settings.theme, "system")
        window.systemDark = true
        verify(window.darkTheme, "follow the system: a dark desktop gives a dark window")
        window.systemDark = false
        verify(!window.darkTheme)
        // --theme wins for the session without touching the saved choice.
        window.themeOverride = "dark"
        verify(window.darkTheme)
        compare(engine.settings.theme, "system")
    }

    function test_languageAppliesLive() {
        const engine = makeEngine()
        const window = createTemporaryObject(mainComponent, testCase,
            { bridge: engine.fake.bridge, settings: engine.settings, section: "settings" })
        engine.fake.bridge.refreshDevices()
        const summary = child(window.contentItem, "deviceSummary")
        tryCompare(summary, "text", "3 devices found. Agora runs models on the one marked as default.")
        const box = child(child(window.contentItem, "settingsPage"), "languageChoice")
        compare(box.currentIndex, 0) // same as the system
        box.currentIndex = 2
        box.activated(2)
        compare(engine.settings.language, "de")
        tryCompare(summary, "text", "3 Geräte gefunden. Agora führt Modelle auf dem als Standard markierten aus.")
        tryCompare(box, "currentIndex", 2) // put back after the retranslation rebuilt the list
        box.currentIndex = 1
        box.activated(1)
        compare(engine.settings.language, "en")
        tryCompare(summary, "text", "3 devices found. Agora runs models on the one marked as default.")
        tryCompare(box, "currentIndex", 1)
    }

    function test_foldersAndDefaults() {
        const t = openPage()
        compare(child(t.page, "dataFolderField").text, "~/.local/share/Agora")
        verify(child(t.page, "dataFolderNote").text.indexOf("history.sqlite") >= 0)
        compare(child(t.page, "modelsFolderField").text, t.fake.modelsFolder + "/models")
        verify(!child(t.page, "defaultModelsFolderButton").visible)
        t.settings.modelsFolder = "file://" + t.fake.modelsFolder + "/elsewhere"
        compare(child(t.page, "modelsFolderField").text, t.fake.modelsFolder + "/elsewhere")
        const reset = child(t.page, "defaultModelsFolderButton")
        verify(reset.visible)
        reset.clicked()
        compare(child(t.page, "modelsFolderField").text, t.fake.modelsFolder + "/models")

        const preset = child(t.page, "presetChoice")
        compare(preset.currentIndex, 1)
        preset.currentIndex = 2
        preset.activated(2)
        compare(t.settings.defaultPreset, "creative")

        const context = child(t.page, "contextLengthChoice")
        compare(context.displayText, "Model's default")
        context.forceActiveFocus()
        keyClick(Qt.Key_Up)
        compare(t.settings.defaultContextLength, 1024)

        child(t.page, "overflow_drop-oldest").clicked() // below the fold of the test window
        compare(t.settings.defaultOverflowPolicy, "drop-oldest")
        verify(!child(t.page, "overflow_stop").checked)

        const prompt = child(t.page, "systemPromptField")
        prompt.forceActiveFocus()
        prompt.text = "Answer briefly."
        context.forceActiveFocus() // leaving the field saves it
        compare(t.settings.defaultSystemPrompt, "Answer briefly.")
    }

    function test_aboutSaysNothingLeaves() {
        const t = openPage()
        verify(child(t.page, "aboutVersion").text.indexOf("Agora ") === 0)
        verify(child(t.page, "aboutPrivacy").text.indexOf("Nothing leaves this computer unless you start a download") >= 0)
    }

    function test_keyboardReachesEveryChoice() {
        const t = openPage()
        const auto = child(t.page, "deviceChoiceAutomatic")
        auto.forceActiveFocus()
        const reached = []
        for (let i = 0; i < 30; ++i) {
            keyClick(Qt.Key_Tab)
            const names = ["theme_light", "languageChoice", "changeModelsFolderButton", "presetChoice",
                           "contextLengthChoice", "systemPromptField"]
            for (const name of names) {
                const item = findChild(t.page, name)
                if (item && item.activeFocus && reached.indexOf(name) < 0)
                    reached.push(name)
            }
        }
        verify(reached.indexOf("languageChoice") >= 0, "Tab reaches the language: " + reached)
        verify(reached.indexOf("changeModelsFolderButton") >= 0, "Tab reaches the folder button: " + reached)
        verify(reached.indexOf("presetChoice") >= 0, "Tab reaches the preset: " + reached)
    }
}
}
