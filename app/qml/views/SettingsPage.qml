// Settings: the GPU, theme and language (both applied at once), where data and models live,
// the defaults for new conversations, and what Agora is. Every change is saved by AppSettings
// the moment it is made; there is no Apply button to forget.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Agora

ScrollView {
    id: page

    property EngineBridge bridge
    // The AppSettings (C++). Null: the page shows nothing to change.
    property QtObject settings: null
    property DeviceListModel devices
    property string dataFolder: ""
    property bool darkTheme: false

    readonly property var languageChoices: [
        { code: "", label: qsTr("Same as the system") },
        { code: "en", label: "English" },
        { code: "de", label: "Deutsch" },
        { code: "fr", label: "Français" }
    ]
    readonly property var presetChoices: [
        { key: "precise", label: qsTr("Precise: focused, repeatable answers") },
        { key: "balanced", label: qsTr("Balanced: the model's usual behaviour") },
        { key: "creative", label: qsTr("Creative: more varied, more surprising") }
    ]

    objectName: "settingsPage"
    contentWidth: availableWidth
    clip: true
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Settings")

    component SectionTitle: Label {
        font.pixelSize: 18
        font.weight: Font.DemiBold
        topPadding: 16
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    component Note: Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        opacity: 0.75
    }

    ColumnLayout {
        width: Math.min(page.availableWidth - 48, 760)
        x: 24
        spacing: 6
        enabled: page.settings !== null

        SectionTitle { text: qsTr("Graphics device") }
        Note { text: qsTr("Models run on this device. A change applies the next time a model is loaded.") }
        DeviceChooser {
            Layout.fillWidth: true
            devices: page.devices
            selected: page.settings ? page.settings.device : ""
            onChosen: (name) => page.settings.device = name
        }

        SectionTitle { text: qsTr("Appearance") }
        ButtonGroup { id: themeGroup }
        RowLayout {
            objectName: "themeChoices"
            Accessible.role: Accessible.Grouping
            Accessible.name: qsTr("Theme")
            Repeater {
                model: [
                    { key: "light", label: qsTr("Light") },
                    { key: "dark", label: qsTr("Dark") },
                    { key: "system", label: qsTr("Follow the system") }
                ]
                delegate: RadioButton {
                    required property var modelData
                    objectName: "theme_" + modelData.key
                    ButtonGroup.group: themeGroup
                    text: modelData.label
                    checked: page.settings !== null && page.settings.theme === modelData.key
                    Accessible.role: Accessible.RadioButton
                    Accessible.name: qsTr("Theme: %1").arg(text)
                    onClicked: page.settings.theme = modelData.key
                }
            }
        }

        SectionTitle { text: qsTr("Language") }
        ComboBox {
            id: languageBox
            objectName: "languageChoice"
            Layout.preferredWidth: 320
            model: page.languageChoices
            textRole: "label"
            valueRole: "code"
            // Not a binding: switching the language retranslates, which rebuilds the model and
            // resets the index; the saved language puts it back afterwards.
            function showSavedLanguage() {
                currentIndex = page.settings ? Math.max(0, page.languageChoices.findIndex(function (choice) {
                    return choice.code === page.settings.language })) : 0
            }
            Component.onCompleted: showSavedLanguage()
            onModelChanged: Qt.callLater(showSavedLanguage)
            Accessible.role: Accessible.ComboBox
            Accessible.name: qsTr("Interface language")
            onActivated: (index) => {
                page.settings.language = page.languageChoices[index].code
                Qt.callLater(showSavedLanguage)
            }
        }

        SectionTitle { text: qsTr("Your data") }
        Label {
            objectName: "dataFolderField"
            Layout.fillWidth: true
            wrapMode: Text.WrapAnywhere
            text: page.dataFolder
            font.family: "monospace"
            textFormat: Text.PlainText
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("Data folder: %1").arg(page.dataFolder)
        }
        Note {
            objectName: "dataFolderNote"
            text: qsTr("Your conversations (history.sqlite), the log and the downloaded models live in this folder, "
                       + "on this computer only. Back it up to keep your history; delete it to forget everything.")
        }
        Label {
            text: qsTr("Models folder")
            topPadding: 8
            font.weight: Font.DemiBold
        }
        RowLayout {
            Layout.fillWidth: true
            TextField {
                objectName: "modelsFolderField"
                Layout.fillWidth: true
                readOnly: true
                text: page.settings ? page.settings.modelsFolder : ""
                Accessible.role: Accessible.EditableText
                Accessible.name: qsTr("Models folder")
            }
            Button {
                objectName: "changeModelsFolderButton"
                text: qsTr("Change…")
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Choose another models folder")
                onClicked: folderDialog.open()
            }
            Button {
                objectName: "defaultModelsFolderButton"
                flat: true
                visible: page.settings !== null && !page.settings.modelsFolderIsDefault
                text: qsTr("Use the default")
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Use the default models folder")
                onClicked: page.settings.resetModelsFolder()
            }
        }
        Note { text: qsTr("Models already in the old folder stay there; move them yourself if you want them in the new one.") }
        Label {
            objectName: "settingsError"
            visible: text !== ""
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Material.color(Material.Red)
            text: page.settings ? page.settings.errorText : ""
        }

        SectionTitle { text: qsTr("New conversations") }
        Note { text: qsTr("What a new chat starts with. Each conversation can still change its own.") }
        GridLayout {
            columns: 2
            columnSpacing: 16
            Layout.fillWidth: true

            Label { text: qsTr("Style of answers") }
            ComboBox {
                objectName: "presetChoice"
                Layout.fillWidth: true
                model: page.presetChoices
                textRole: "label"
                currentIndex: page.settings ? Math.max(0, page.presetChoices.findIndex(function (choice) {
                    return choice.key === page.settings.defaultPreset })) : 1
                Accessible.role: Accessible.ComboBox
                Accessible.name: qsTr("Style of answers")
                onActivated: (index) => page.settings.defaultPreset = page.presetChoices[index].key
            }

            Label { text: qsTr("Context length") }
            RowLayout {
                SpinBox {
                    id: contextBox
                    objectName: "contextLengthChoice"
                    from: 0
                    to: 131072
                    stepSize: 1024
                    editable: true
                    value: page.settings ? page.settings.defaultContextLength : 0
                    textFromValue: function (value) { return value === 0 ? qsTr("Model's default") : value.toString() }
                    valueFromText: function (text) { const n = parseInt(text); return isNaN(n) ? 0 : n }
                    Accessible.role: Accessible.SpinBox
                    Accessible.name: qsTr("Context length in tokens; 0 uses the model's default")
                    onValueModified: page.settings.defaultContextLength = value
                }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    opacity: 0.75
                    text: qsTr("tokens; longer remembers more but needs more graphics memory")
                }
            }

            Label { text: qsTr("When the conversation is full") }
            ColumnLayout {
                ButtonGroup { id: overflowGroup }
                RadioButton {
                    objectName: "overflow_stop"
                    ButtonGroup.group: overflowGroup
                    text: qsTr("Stop and say so")
                    checked: page.settings !== null && page.settings.defaultOverflowPolicy === "stop"
                    Accessible.role: Accessible.RadioButton
                    Accessible.name: text
                    onClicked: page.settings.defaultOverflowPolicy = "stop"
                }
                RadioButton {
                    objectName: "overflow_drop-oldest"
                    ButtonGroup.group: overflowGroup
                    text: qsTr("Forget the oldest messages and go on")
                    checked: page.settings !== null && page.settings.defaultOverflowPolicy === "drop-oldest"
                    Accessible.role: Accessible.RadioButton
                    Accessible.name: text
                    onClicked: page.settings.defaultOverflowPolicy = "drop-oldest"
                }
            }

            Label { text: qsTr("System prompt"); Layout.alignment: Qt.AlignTop }
            TextArea {
                objectName: "systemPromptField"
                Layout.fillWidth: true
                Layout.minimumHeight: 80
                wrapMode: TextArea.Wrap
                placeholderText: qsTr("Optional: instructions every new chat starts with, e.g. \"Answer briefly.\"")
                text: page.settings ? page.settings.defaultSystemPrompt : ""
                Accessible.role: Accessible.EditableText
                Accessible.name: qsTr("Default system prompt")
                // Tab leaves the field (a tab character in a system prompt is never wanted), so
                // keyboard users are not trapped in it.
                Keys.onTabPressed: (event) => { nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason); event.accepted = true }
                Keys.onBacktabPressed: (event) => { nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason); event.accepted = true }
                // Saved when the field loses focus, not on every key.
                onActiveFocusChanged: if (!activeFocus && page.settings) page.settings.defaultSystemPrompt = text
            }
        }

        SectionTitle { text: qsTr("About Agora") }
        Label {
            objectName: "aboutVersion"
            text: qsTr("Agora %1").arg(Qt.application.version)
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Note {
            objectName: "aboutPrivacy"
            opacity: 1
            text: qsTr("Agora runs language models on this computer. Nothing leaves this computer unless you start a download; "
                       + "there is no account, no telemetry and no update check.")
        }
        Item { Layout.preferredHeight: 24 }
    }

    FolderDialog {
        id: folderDialog
        objectName: "modelsFolderDialog"
        title: qsTr("Choose the models folder")
        currentFolder: page.settings ? "file://" + page.settings.modelsFolder : ""
        onAccepted: page.settings.modelsFolder = selectedFolder.toString()
    }
}
