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
