// The settings' GPU choice: "Automatic" (the engine's default device) or one named device. Every
// device the engine found is listed; one Agora cannot run on is shown disabled with the reason,
// so nobody wonders where their graphics card went.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Agora

ColumnLayout {
    id: chooser

    property DeviceListModel devices: null
    // The chosen device's name; empty: automatic.
    property string selected: ""
    signal chosen(string name)

    readonly property string defaultName: {
        const count = devices ? devices.count : 0
        for (let row = 0; row < count; ++row) {
            const at = devices.index(row, 0)
            if (devices.data(at, DeviceListModel.IsDefaultRole))
                return devices.data(at, DeviceListModel.NameRole)
        }
        return ""
    }

    objectName: "deviceChooser"
    spacing: 2
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("Graphics device")

    ButtonGroup { id: deviceGroup }

    RadioButton {
        objectName: "deviceChoiceAutomatic"
        ButtonGroup.group: deviceGroup
        checked: chooser.selected === ""
        text: chooser.defaultName !== "" ? qsTr("Automatic (now: %1)").arg(chooser.defaultName)
                                         : qsTr("Automatic")
        Accessible.role: Accessible.RadioButton
        Accessible.name: text
        onClicked: chooser.chosen("")
    }

    Repeater {
        model: chooser.devices
        delegate: ColumnLayout {
            id: row
            required property int index
            required property string name
            required property string typeText
            required property string memoryText
            required property bool usable
            required property string unusableReason
            Layout.fillWidth: true
            spacing: 0

            RadioButton {
                objectName: "deviceChoice_" + row.index
                ButtonGroup.group: deviceGroup
                enabled: row.usable
                checked: chooser.selected !== "" && chooser.selected === row.name
                //: device name, kind of device, memory, e.g. "Radeon RX 7600 · Dedicated graphics card · 8 GB"
                text: qsTr("%1 · %2 · %3").arg(row.name).arg(row.typeText).arg(row.memoryText)
                Accessible.role: Accessible.RadioButton
                Accessible.name: row.usable ? text : qsTr("%1, cannot be used: %2").arg(row.name).arg(row.unusableReason)
                onClicked: chooser.chosen(row.name)
            }
            Label {
                objectName: "deviceReason_" + row.index
                visible: !row.usable
                Layout.fillWidth: true
                Layout.leftMargin: 48
                wrapMode: Text.Wrap
                color: Material.color(Material.Orange)
                text: qsTr("Cannot be used: %1").arg(row.unusableReason)
            }
        }
    }

    Label {
        objectName: "deviceMissingNote"
        // A device chosen earlier that this scan did not find (unplugged eGPU, new driver).
        visible: chooser.selected !== "" && chooser.devices !== null && chooser.devices.count > 0
                 && !chooser.hasDevice(chooser.selected)
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Material.color(Material.Orange)
        text: qsTr("%1 was not found this time. Choose Automatic or another device to load models.")
                  .arg(chooser.selected)
    }

    function hasDevice(name) {
        for (let row = 0; row < devices.count; ++row) {
            if (devices.data(devices.index(row, 0), DeviceListModel.NameRole) === name)
                return true
        }
        return false
    }
}
