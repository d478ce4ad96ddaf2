// One model in the models folder: what it is (name, origin, licence, architecture, size,
// quantization, context), whether it fits the chosen device, and Load / Unload / Chat / Remove.
// A file Agora cannot run, or one that is damaged, says so here instead of failing later.
// The card only asks; ModelsPage carries the requests out through the ModelLibrary.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Agora

Pane {
    id: modelCard

    required property int index
    required property string path
    required property string fileName
    required property string displayName
    required property var card
    required property string status
    required property string statusMessage
    required property string fits
    required property var deviceBytes
    required property var fileBytes
    required property bool loaded
    required property bool loading
    required property string loadError
    required property bool isLink
    property ModelLibrary library: null // formats sizes and counts the way the rest of the app does
    property string deviceName: ""
    property real loadProgress: 0
    property bool darkTheme: false

    signal loadRequested(string path)
    signal unloadRequested()
    signal chatRequested()
    signal removeRequested(string path, string fileName, bool isLink)

    readonly property bool usable: status === "ok" || status === "pending"
    readonly property string origin: modelCard.card.organization || modelCard.card.author || ""
    readonly property string fitText: fits === "fits" ? qsTr("Fits %1").arg(deviceName)
                                    : fits === "tight" ? qsTr("Tight on %1").arg(deviceName)
                                    : fits === "no" ? qsTr("Too big for %1").arg(deviceName) : ""
    readonly property string problem: status === "unsupported" || status === "corrupt" ? statusMessage : loadError

    objectName: "modelCard_" + fileName
    padding: 16
    focusPolicy: Qt.StrongFocus
    activeFocusOnTab: true
    Accessible.role: Accessible.Grouping
    Accessible.name: displayName
    Accessible.description: [origin ? qsTr("By %1").arg(origin) : "", fitText,
                             loaded ? qsTr("Loaded") : "", problem].filter(s => s !== "").join(". ")

    background: Rectangle {
        radius: 12
        color: modelCard.darkTheme ? "#1f2528" : "#ffffff"
        border.width: modelCard.activeFocus ? 2 : 1
        border.color: modelCard.activeFocus || modelCard.loaded ? modelCard.Material.accent
                                                      : (modelCard.darkTheme ? "#33403f" : "#dde3e2")
    }

    component Fact: ColumnLayout {
        property string label
        property string value
        spacing: 0
        visible: value !== ""
        Accessible.role: Accessible.StaticText
        Accessible.name: label + ": " + value
        Label { text: parent.label; opacity: 0.65; font.pixelSize: 11; Accessible.ignored: true }
        Label { text: parent.value; font.pixelSize: 14; Accessible.ignored: true }
    }

    component Badge: Rectangle {
        property alias text: badgeLabel.text
        property color tone: "#0f766e"
        property bool dark: false
        radius: height / 2
        color: Qt.rgba(tone.r, tone.g, tone.b, 0.15)
        border.color: tone
        implicitWidth: badgeLabel.implicitWidth + 16
        implicitHeight: badgeLabel.implicitHeight + 6
        visible: text !== ""
        Accessible.role: Accessible.StaticText
        Accessible.name: text
        Label {
            id: badgeLabel
            anchors.centerIn: parent
            font.pixelSize: 12
            font.weight: Font.DemiBold
            color: parent.dark ? Qt.lighter(parent.tone, 1.6) : Qt.darker(parent.tone, 1.3)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Label {
                objectName: "modelName"
                text: modelCard.displayName
                font.pixelSize: 17
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Badge {
                objectName: "fitBadge"
                dark: modelCard.darkTheme
                text: modelCard.usable ? modelCard.fitText : ""
                tone: modelCard.fits === "fits" ? "#15803d" : modelCard.fits === "tight" ? "#b45309" : "#b91c1c"
            }
            Badge {
                objectName: "loadedBadge"
                dark: modelCard.darkTheme
                text: modelCard.loaded ? qsTr("Loaded") : ""
            }
        }

        Label {
            objectName: "modelOrigin"
            Layout.fillWidth: true
            elide: Text.ElideRight
            opacity: 0.8
            text: [modelCard.origin ? qsTr("By %1").arg(modelCard.origin) : qsTr("Origin not stated"),
                   modelCard.card.license ? qsTr("Licence: %1").arg(modelCard.card.license) : qsTr("Licence not stated")].join(" · ")
            visible: modelCard.status !== "corrupt"
        }

        Flow {
            Layout.fillWidth: true
            spacing: 20
            visible: modelCard.status !== "corrupt"
            Fact { label: qsTr("Architecture"); value: modelCard.card.architecture || "" }
            Fact { label: qsTr("Parameters"); value: (modelCard.library ? modelCard.library.parameterText(modelCard.card.parameterCount || 0) : "") }
            Fact { label: qsTr("Quantization"); value: modelCard.card.quantLabel || "" }
            Fact {
                label: qsTr("Context")
                value: modelCard.card.contextLength ? qsTr("%1 tokens").arg(Number(modelCard.card.contextLength).toLocaleString(Qt.locale(), "f", 0)) : ""
            }
            Fact { label: qsTr("File size"); value: modelCard.library ? modelCard.library.bytesText(modelCard.fileBytes) : "" }
            Fact { label: qsTr("Memory needed"); value: modelCard.library ? modelCard.library.bytesText(modelCard.deviceBytes) : "" }
        }

        Label {
            objectName: "linkNote"
            visible: modelCard.isLink
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            opacity: 0.7
            font.pixelSize: 12
            text: qsTr("Linked: the file stays where it was imported from.")
        }

        Label {
            objectName: "pendingNote"
            visible: modelCard.status === "pending"
            opacity: 0.7
            text: qsTr("Reading the model's details…")
        }

        Label {
            objectName: "modelProblem"
            visible: modelCard.problem !== ""
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: modelCard.darkTheme ? "#fca5a5" : "#b91c1c"
            text: modelCard.problem
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }

        ProgressBar {
            objectName: "loadProgress"
            visible: modelCard.loading
            Layout.fillWidth: true
            from: 0
            to: 1
            value: modelCard.loadProgress
            Accessible.role: Accessible.ProgressBar
            Accessible.name: qsTr("Loading %1").arg(modelCard.displayName)
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Button {
                objectName: "loadButton"
                visible: !modelCard.loaded
                enabled: modelCard.usable && !modelCard.loading
                highlighted: true
                text: modelCard.loading ? qsTr("Loading…") : qsTr("Load")
                focusPolicy: Qt.StrongFocus
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Load %1").arg(modelCard.displayName)
                onClicked: modelCard.loadRequested(modelCard.path)
            }
            Button {
                objectName: "chatButton"
                visible: modelCard.loaded
                highlighted: true
                text: qsTr("Chat with it")
                focusPolicy: Qt.StrongFocus
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Chat with %1").arg(modelCard.displayName)
                onClicked: modelCard.chatRequested()
            }
            Button {
                objectName: "unloadButton"
                visible: modelCard.loaded
                flat: true
                text: qsTr("Unload")
                focusPolicy: Qt.StrongFocus
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Unload %1").arg(modelCard.displayName)
                onClicked: modelCard.unloadRequested()
            }
            Item { Layout.fillWidth: true }
            Button {
                objectName: "removeButton"
                flat: true
                enabled: !modelCard.loaded && !modelCard.loading
                text: modelCard.isLink ? qsTr("Remove link") : qsTr("Delete")
                focusPolicy: Qt.StrongFocus
                Accessible.role: Accessible.Button
                Accessible.name: modelCard.isLink ? qsTr("Remove the link to %1").arg(modelCard.displayName)
                                             : qsTr("Delete %1 from the disk").arg(modelCard.displayName)
                onClicked: modelCard.removeRequested(modelCard.path, modelCard.fileName, modelCard.isLink)
            }
        }
    }
}
