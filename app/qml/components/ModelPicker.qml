// A checkable list of models to choose `minimum`..`maximum` of (compare, arena, suites).
// `library` is a ModelLibrary (roles path, displayName, status, statusMessage, fits) or any list
// model with a `path` role (a FolderListModel's `filePath` works too); the choice is
// `selectedPaths`, in the order the user ticked them. Models that cannot run are shown but cannot
// be ticked, with the reason next to them.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Pane {
    id: picker

    property var library: null
    property int minimum: 2
    property int maximum: 4
    property var selectedPaths: []
    property string title: qsTr("Models")
    readonly property bool valid: selectedPaths.length >= minimum && selectedPaths.length <= maximum

    function isSelected(path) { return picker.selectedPaths.indexOf(path) >= 0 }

    function setSelected(path, on) {
        const paths = picker.selectedPaths.filter(p => p !== path)
        if (on && paths.length < picker.maximum)
            paths.push(path)
        picker.selectedPaths = paths
    }

    padding: 0
    objectName: "modelPicker"
    Accessible.role: Accessible.List
    Accessible.name: picker.title

    ColumnLayout {
        anchors.fill: parent
        spacing: 4

        Label {
            text: picker.title
            font.weight: Font.DemiBold
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Label {
            objectName: "pickerHint"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            opacity: 0.75
            font.pixelSize: 12
            //: How many models to tick, e.g. "Choose 2 to 4 models (1 chosen)".
            text: picker.minimum === picker.maximum
                  ? qsTr("Choose %1 models (%2 chosen)").arg(picker.minimum).arg(picker.selectedPaths.length)
                  : qsTr("Choose %1 to %2 models (%3 chosen)").arg(picker.minimum).arg(picker.maximum)
                        .arg(picker.selectedPaths.length)
        }
        Label {
            objectName: "pickerEmpty"
            visible: modelList.count === 0
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("No models yet. Add models on the Models page; they appear here by themselves.")
        }

        ListView {
            id: modelList
            objectName: "pickerList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 80
            clip: true
            model: picker.library
            keyNavigationEnabled: true
            activeFocusOnTab: true
            ScrollBar.vertical: ScrollBar {}
            Accessible.role: Accessible.List
            Accessible.name: picker.title

            delegate: CheckDelegate {
                id: row
                required property int index
                required property var model
                readonly property string path: model.path !== undefined ? model.path : (model.filePath || "")
                readonly property string label: model.displayName !== undefined ? model.displayName
                                                : (model.fileBaseName || path)
                readonly property string status: model.status !== undefined ? model.status : "ok"
                readonly property bool runnable: status === "ok" || status === "pending"
                objectName: "pickerItem_" + index
                width: ListView.view.width
                text: label
                checked: picker.isSelected(path)
                enabled: runnable && (checked || picker.selectedPaths.length < picker.maximum)
                focusPolicy: Qt.StrongFocus
                ToolTip.visible: hovered && !runnable
                ToolTip.text: model.statusMessage || ""
                Accessible.role: Accessible.CheckBox
                Accessible.name: runnable ? label : qsTr("%1 (cannot run: %2)").arg(label).arg(model.statusMessage || "")
                Accessible.checked: checked
                onToggled: picker.setSelected(path, checked)
                // The binding above is broken by a click; keep it following the selection.
                Connections {
                    target: picker
                    function onSelectedPathsChanged() { row.checked = picker.isSelected(row.path) }
                }
            }
        }
    }
}
