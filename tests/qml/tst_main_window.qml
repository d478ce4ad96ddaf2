import QtQuick
import QtTest
import Agora
import AgoraTest

TestCase {
    id: testCase
    name: "MainWindow"
    when: windowShown

    Component { id: fakeEngineComponent; FakeEngine {} }
    Component { id: mainComponent; Main {} }

    function openWindow(fixture, delayMs) {
        const fake = createTemporaryObject(fakeEngineComponent, testCase, { delayMs: delayMs || 0 })
        fake.fixture = fixture
        const window = createTemporaryObject(mainComponent, testCase, { bridge: fake.bridge, section: "devices" })
        verify(window, "Main.qml did not load")
        fake.bridge.refreshDevices()
        return window
    }

    function card(window, deviceIndex) {
        return findChild(window.contentItem, "deviceCard_" + deviceIndex)
    }

    function test_windowShowsEveryDevice() {
        const window = openWindow("devices_mixed.json")
        tryVerify(() => card(window, 2) !== null, 5000, "device cards never appeared")
        compare(findChild(card(window, 0), "deviceName").text, "llvmpipe (LLVM 15.0.6, 256 bits)")
        compare(findChild(card(window, 1), "deviceName").text, "Radeon RX 7600")
        compare(findChild(card(window, 0), "subgroupValue").text, "8")
        compare(findChild(window.contentItem, "deviceSummary").text,
                "3 devices found. Agora runs models on the one marked as default.")
        verify(!findChild(window.contentItem, "deviceError").visible)
    }

    function test_defaultDeviceMarked() {
        const window = openWindow("devices_mixed.json")
        tryVerify(() => card(window, 1) !== null, 5000)
        verify(findChild(card(window, 1), "defaultBadge").visible)
        verify(!findChild(card(window, 0), "defaultBadge").visible)
        verify(!findChild(card(window, 2), "defaultBadge").visible)
    }

    function test_unusableReasonShown() {
        const window = openWindow("devices_mixed.json")
        tryVerify(() => card(window, 2) !== null, 5000)
        const banner = findChild(card(window, 2), "unusableBanner")
        verify(banner.visible)
        compare(findChild(card(window, 2), "unusableReason").text,
                "Cannot be used: Vulkan 1.0 only; Agora needs Vulkan 1.2")
        verify(!findChild(card(window, 1), "unusableBanner").visible)
        verify(card(window, 2).Accessible.description.indexOf("Vulkan 1.0 only") >= 0)
    }

    function test_engineErrorShown() {
        const window = openWindow("devices_no_vulkan.json")
        const pane = findChild(window.contentItem, "deviceError")
        tryVerify(() => pane.visible, 5000, "the engine's error never showed")
        verify(findChild(window.contentItem, "deviceErrorDetail").text.indexOf("No Vulkan driver") >= 0)
        compare(findChild(window.contentItem, "deviceSummary").text, "No graphics device was found.")
    }

    function test_busyWhileScanning() {
        const window = openWindow("devices_mixed.json", 400)
        const refresh = findChild(window, "refreshDevicesButton")
        verify(!refresh.enabled, "refresh stays disabled while a scan runs")
        compare(findChild(window.contentItem, "deviceSummary").text, "Looking for graphics devices…")
        tryVerify(() => refresh.enabled, 5000)
        tryVerify(() => card(window, 0) !== null, 5000)
    }

    function test_keyboardReachesCards() {
        const window = openWindow("devices_mixed.json")
        tryVerify(() => card(window, 2) !== null, 5000)
        window.requestActivate()
        card(window, 0).forceActiveFocus()
        verify(card(window, 0).activeFocus)
        keyClick(Qt.Key_Tab)
        verify(card(window, 1).activeFocus, "Tab moves from one device card to the next")
        compare(card(window, 1).Accessible.name, "Radeon RX 7600")
    }

    function test_dataFolderShown() {
        const window = openWindow("devices_mixed.json")
        verify(!findChild(window.contentItem, "dataFolderNote").visible, "no folder, no note")
        window.dataFolder = "~/.local/share/Agora"
        const note = findChild(window.contentItem, "dataFolderNote")
        verify(note.visible)
        compare(note.text, "Conversations, settings and the log stay on this computer, in ~/.local/share/Agora.")
    }

    Component { id: settingsComponent; AppSettings {} }

    function openWithSettings(section) {
        const fake = createTemporaryObject(fakeEngineComponent, testCase)
        fake.fixture = "devices_mixed.json"
        const settings = createTemporaryObject(settingsComponent, testCase,
            { fileName: fake.modelsFolder + "/settings/Agora.conf", dataFolder: fake.modelsFolder })
        const window = createTemporaryObject(mainComponent, testCase,
            { bridge: fake.bridge, settings: settings, section: section })
        verify(window, "Main.qml did not load")
        fake.bridge.refreshDevices()
        return { window: window, settings: settings, fake: fake }
    }

    function test_shortcutsSwitchSections() {
        const t = openWithSettings("chat")
        t.window.requestActivate()
        tryVerify(() => t.window.active)
        const expected = ["chat", "compare", "arena", "suites", "models", "devices", "settings"]
        for (let i = expected.length - 1; i >= 0; --i) {
            keyClick(String(i + 1), Qt.ControlModifier)
            compare(t.window.section, expected[i], "Ctrl+" + (i + 1))
            compare(findChild(t.window.contentItem, "sectionStack").currentIndex, i)
            verify(findChild(t.window.contentItem, "nav_" + expected[i]).highlighted)
        }
        t.window.showSection("kitchen") // an unknown key changes nothing
        compare(t.window.section, "chat")
    }

    function test_f1ShowsShortcuts() {
        const t = openWithSettings("chat")
        t.window.requestActivate()
        tryVerify(() => t.window.active)
        const dialog = t.window.shortcutsHelp
        verify(dialog)
        verify(!dialog.visible)
        keyClick(Qt.Key_F1)
        tryVerify(() => dialog.opened)
        const rows = dialog.rows
        compare(rows[6].keys, "Ctrl+7")
        compare(rows[6].action, "Show Settings")
        verify(rows.some((row) => row.keys === "Ctrl+N" && row.action === "New chat"))
        dialog.close()
        tryVerify(() => !dialog.visible)
    }

    function test_headerShowsTheGpu() {
        const t = openWithSettings("chat")
        const line = findChild(t.window.contentItem.parent, "headerDeviceLine")
        verify(line)
        tryCompare(line, "text", "GPU: Radeon RX 7600")
        t.settings.device = "llvmpipe (LLVM 15.0.6, 256 bits)"
        compare(line.text, "GPU: llvmpipe (LLVM 15.0.6, 256 bits)")
        // A chosen device Agora cannot use (or that is gone) does not claim to be in use.
        t.settings.device = "Intel HD Graphics 4000"
        compare(line.text, "GPU: Radeon RX 7600")
    }

    function test_pagesGetTheSettings() {
        const t = openWithSettings("settings")
        const page = findChild(t.window.contentItem, "settingsPage")
        compare(page.settings, t.settings)
        const chat = findChild(t.window.contentItem, "chatPage")
        if ("settings" in chat)
            compare(chat.settings, t.settings)
        compare(t.window.modelsFolder, t.fake.modelsFolder + "/models")
        t.settings.modelsFolder = t.fake.modelsFolder + "/other"
        compare(t.window.modelsFolder, t.fake.modelsFolder + "/other", "pages follow a new models folder")
    }

    function test_modelsPageAsksForChat() {
        const t = openWithSettings("models")
        findChild(t.window.contentItem, "modelsPage").chatRequested()
        compare(t.window.section, "chat")
    }

    function test_ctrlNStartsANewChat() {
        const t = openWithSettings("settings")
        t.window.requestActivate()
        tryVerify(() => t.window.active)
        keyClick(Qt.Key_N, Qt.ControlModifier)
        compare(t.window.section, "chat")
        compare(findChild(t.window.contentItem, "chatPage").messages.conversationId, 0)
    }

    function test_chatAndArenaAskForModels() {
        const t = openWithSettings("chat")
        const chat = findChild(t.window.contentItem, "chatPage")
        if (chat.modelsRequested === undefined)
            skip("ChatPage has no modelsRequested() yet")
        chat.modelsRequested()
        compare(t.window.section, "models")
        t.window.showSection("arena")
        const arena = findChild(t.window.contentItem, "arenaPage")
        if (arena.modelsRequested !== undefined) {
            arena.modelsRequested()
            compare(t.window.section, "models")
        }
    }

    function test_germanInterface() {
        const fake = createTemporaryObject(fakeEngineComponent, testCase)
        verify(fake.useLanguage("de"))
        const window = openWindow("devices_mixed.json")
        tryVerify(() => card(window, 2) !== null, 5000)
        compare(window.title, "Agora")
        compare(findChild(card(window, 2), "unusableReason").text,
                "Nicht verwendbar: Vulkan 1.0 only; Agora needs Vulkan 1.2")
        compare(findChild(window.contentItem, "deviceSummary").text,
                "3 Geräte gefunden. Agora führt Modelle auf dem als Standard markierten aus.")
        verify(fake.useLanguage("en"))
    }
}
