// Not a test: renders the first-run page and the catalog for the README and the AppStream
// metainfo, through the QML test runner (it has the Agora module and the fake engine built in).
// Run by take.sh, which sets the working directory the images are written to.
import QtQuick
import QtQuick.Controls.Material
import QtTest
import Agora
import AgoraTest

Item {
    id: root
    width: 1000
    height: 860

    Rectangle { anchors.fill: parent; color: "#fafafa" }

    FakeEngine { id: fake; fixture: "devices_mixed.json" }
    DeviceListModel { id: devices; bridge: fake.bridge }

    // Shows a download in progress without any network.
    QtObject {
        id: fakeDownload
        property string state: "downloading"
        property string errorText: ""
        property double progress: 0.37
        property string progressText: "1.7 GB of 4.7 GB"
        property string speedText: "11.8 MB/s"
        property string timeLeftText: "5 min left"
        property bool networkCreated: false
        signal finished(string path)
        function start(entry) {}
        function pause() {}
        function resume() {}
        function cancel() {}
    }

    FirstRunPage {
        id: page
        anchors.fill: parent
        devices: devices
        catalog: CatalogListModel { systemMemoryBytes: 16 * 1024 * 1024 * 1024 }
        download: fakeDownload
    }

    TestCase {
        name: "Screenshots"
        when: windowShown

        function test_shoot() {
            fake.bridge.refreshDevices()
            tryVerify(function () { return page.deviceName.length > 0 })
            wait(200)
            grabImage(root).save("first-run.png")
            findChild(page, "showCatalogButton").clicked()
            page.contentItem.contentY = findChild(page, "catalogList").mapToItem(page.contentItem.contentItem, 0, 0).y - 40
            wait(200)
            grabImage(root).save("catalog.png")
        }
    }
}
