// A compact chat-model control for a page header: a combo box of the models folder's models
// (picking one loads it, replacing the current chat model), an eject button and the load
// progress. Give it the window's bridge and models folder; or hand it an existing ModelLibrary
// (library: ...) to share one list with the rest of the page.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Agora

RowLayout {
    id: switcher

    property EngineBridge bridge
    property string modelsFolder: ""
    property ModelLibrary library: ownLibrary
    // Emitted when there is nothing to pick, so the page can lead to the Models section.
    signal manageRequested()

    readonly property bool busy: bridge !== null && (bridge.modelState === EngineBridge.Loading
                                                     || bridge.modelState === EngineBridge.Unloading)
    readonly property bool ready: bridge !== null && bridge.modelState === EngineBridge.Ready
    // The row of the loaded (or loading) chat model in the library, -1 if none or not in the folder.
    readonly property int chatModelRow: library && library.count > 0 && library.chatModelPath !== ""
                                        ? library.indexOfPath(library.chatModelPath) : -1

    objectName: "modelSwitcher"
    spacing: 6

    ModelLibrary {
        id: ownLibrary
        bridge: switcher.library === ownLibrary ? switcher.bridge : null
        folder: switcher.library === ownLibrary ? switcher.modelsFolder : ""
    }

    ComboBox {
        id: picker
        objectName: "modelSwitcherCombo"
        Layout.preferredWidth: 260
        Layout.maximumWidth: 320
        visible: switcher.library && switcher.library.count > 0
        model: switcher.library
        textRole: "displayName"
        valueRole: "path"
        currentIndex: switcher.chatModelRow
        displayText: currentIndex < 0 ? qsTr("Choose a model") : currentText
        enabled: !switcher.busy
        focusPolicy: Qt.StrongFocus
        Accessible.role: Accessible.ComboBox
        Accessible.name: qsTr("Chat model")
        Accessible.description: displayText
        onActivated: index => {
            const path = switcher.library.get(index).path
            if (!switcher.library.load(path))
                errorTip.show(switcher.library.lastError)
            // A pick sets currentIndex by hand; the loaded model decides it again from here on.
            currentIndex = Qt.binding(() => switcher.chatModelRow)
        }
        delegate: ItemDelegate {
            required property int index
            required property string displayName
            required property string status
            required property string fits
            width: picker.width
            enabled: status === "ok" || status === "pending"
            highlighted: picker.highlightedIndex === index
            text: displayName + (fits === "no" ? "  " + qsTr("(too big)") : fits === "tight" ? "  " + qsTr("(tight)")
                                 : status === "unsupported" ? "  " + qsTr("(cannot run)")
                                 : status === "corrupt" ? "  " + qsTr("(damaged)") : "")
            Accessible.role: Accessible.ListItem
            Accessible.name: text
        }
        ToolTip {
            id: errorTip
            timeout: 6000
        }
    }

    Button {
        objectName: "modelSwitcherManage"
        visible: !switcher.library || switcher.library.count === 0
        flat: true
        text: qsTr("Add a model…")
        focusPolicy: Qt.StrongFocus
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Open the models section to add a model")
        onClicked: switcher.manageRequested()
    }

    ProgressBar {
        objectName: "modelSwitcherProgress"
        visible: switcher.bridge !== null && switcher.bridge.modelState === EngineBridge.Loading
        Layout.preferredWidth: 80
        from: 0
        to: 1
        value: switcher.bridge ? switcher.bridge.loadProgress : 0
        Accessible.role: Accessible.ProgressBar
        Accessible.name: qsTr("Loading the model")
    }

    ToolButton {
        objectName: "modelSwitcherUnload"
        visible: switcher.ready
        text: "\u23CF"
        focusPolicy: Qt.StrongFocus
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Unload the model")
        ToolTip.visible: hovered || visualFocus
        ToolTip.text: Accessible.name
        onClicked: switcher.library.unload()
    }
}
