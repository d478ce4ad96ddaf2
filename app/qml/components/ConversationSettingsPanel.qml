// The open conversation's own settings, beside the chat: system prompt, sampling preset
// (precise / balanced / creative, or custom values), the longest reply, the context length and
// what happens when the conversation outgrows it. Every change is saved with the conversation
// at once (MessageListModel) and used for the next reply.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Agora

Pane {
    id: panel

    required property MessageListModel messages
    property EngineBridge bridge: null
    property SamplingPresets presets: SamplingPresets {}
    readonly property var sampling: messages ? messages.sampling : ({})
    readonly property string preset: sampling.preset !== undefined ? sampling.preset : "balanced"

    signal closeRequested()

    objectName: "conversationSettings"
    padding: 12
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Conversation settings")

    // Changes one sampling value; the model clamps it into range and saves it.
    function setSamplingValue(key, value) {
        const next = Object.assign({}, panel.messages.sampling.preset !== undefined
                                       ? panel.messages.sampling : panel.presets.values("balanced"))
        next[key] = value
        panel.messages.sampling = next
    }
    function choosePreset(name) {
        // Custom starts from the values in use, so switching to it changes nothing at first.
        if (name === "custom") {
            const next = Object.assign({}, panel.presets.normalized(panel.sampling.preset !== undefined
                                                                         ? panel.sampling : panel.presets.values("balanced")))
            next.preset = "custom"
            panel.messages.sampling = next
        } else {
            const next = panel.presets.values(name)
            next.maxTokens = panel.sampling.maxTokens !== undefined ? panel.sampling.maxTokens : next.maxTokens
            panel.messages.sampling = next
        }
    }

    ScrollView {
        id: scroller
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: scroller.availableWidth
            spacing: 8

            RowLayout {
                Layout.fillWidth: true
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Conversation settings")
                    font.weight: Font.DemiBold
                    font.pixelSize: 16
                }
                ToolButton {
                    objectName: "closeSettingsButton"
                    text: "✕"
                    onClicked: panel.closeRequested()
                    Accessible.name: qsTr("Close settings")
                }
            }

            Label { text: qsTr("System prompt"); font.weight: Font.DemiBold }
            TextArea {
                id: systemPromptField
                objectName: "systemPromptField"
                Layout.fillWidth: true
                Layout.minimumHeight: 80
                wrapMode: TextArea.Wrap
                placeholderText: qsTr("How the assistant should behave, e.g. “Answer briefly, in French.”")
                text: panel.messages ? panel.messages.systemPrompt : ""
                Accessible.name: qsTr("System prompt")
                onEditingFinished: if (panel.messages && text !== panel.messages.systemPrompt) panel.messages.systemPrompt = text
            }

            Label { text: qsTr("Style"); font.weight: Font.DemiBold }
            ComboBox {
                id: presetBox
                objectName: "presetBox"
                Layout.fillWidth: true
                model: panel.presets.names()
                displayText: panel.presets.label(panel.preset)
                currentIndex: Math.max(0, panel.presets.names().indexOf(panel.preset))
                delegate: ItemDelegate {
                    required property string modelData
                    required property int index
                    width: presetBox.width
                    text: panel.presets.label(modelData)
                    highlighted: presetBox.highlightedIndex === index
                }
                Accessible.name: qsTr("Sampling preset")
                onActivated: (index) => panel.choosePreset(panel.presets.names()[index])
            }
            Label {
                Layout.fillWidth: true
                text: panel.presets.description(panel.preset)
                wrapMode: Text.Wrap
                opacity: 0.7
                font.pixelSize: 12
            }

            // Custom values; each applies when its field is left or Enter is pressed.
            GridLayout {
                objectName: "customSampling"
                visible: panel.preset === "custom"
                Layout.fillWidth: true
                columns: 2
                columnSpacing: 8

                Repeater {
                    model: [
                        { key: "temperature", label: qsTr("Temperature (0–2)"), decimals: 2 },
                        { key: "topP", label: qsTr("Top-p (0–1)"), decimals: 2 },
                        { key: "topK", label: qsTr("Top-k (0 = off)"), decimals: 0 },
                        { key: "minP", label: qsTr("Min-p (0–1)"), decimals: 2 },
                        { key: "repeatPenalty", label: qsTr("Repeat penalty (1 = off)"), decimals: 2 },
                        { key: "seed", label: qsTr("Seed (−1 = new each time)"), decimals: 0 }
                    ]
                    delegate: RowLayout {
                        required property var modelData
                        Layout.columnSpan: 2
                        Layout.fillWidth: true
                        Label {
                            Layout.fillWidth: true
                            text: modelData.label
                            wrapMode: Text.Wrap
                        }
                        TextField {
                            objectName: "sampling_" + modelData.key
                            Layout.preferredWidth: 90
                            horizontalAlignment: Text.AlignRight
                            selectByMouse: true
                            inputMethodHints: Qt.ImhFormattedNumbersOnly
                            validator: DoubleValidator { locale: "C"; notation: DoubleValidator.StandardNotation }
                            text: panel.sampling[modelData.key] !== undefined
                                  ? Number(panel.sampling[modelData.key]).toFixed(modelData.decimals) : ""
                            Accessible.name: modelData.label
                            onEditingFinished: {
                                const value = Number(text)
                                if (text !== "" && !isNaN(value))
                                    panel.setSamplingValue(modelData.key, value)
                            }
                        }
                    }
                }
            }

            Label { text: qsTr("Longest reply (tokens)"); font.weight: Font.DemiBold }
            SpinBox {
                objectName: "maxTokensBox"
                Layout.fillWidth: true
                from: 16
                to: 32768
                stepSize: 256
                editable: true
                value: panel.sampling.maxTokens !== undefined ? panel.sampling.maxTokens : 1024
                Accessible.name: qsTr("Longest reply in tokens")
                onValueModified: panel.setSamplingValue("maxTokens", value)
            }

            Label { text: qsTr("Context length (tokens)"); font.weight: Font.DemiBold }
            SpinBox {
                objectName: "contextLengthBox"
                Layout.fillWidth: true
                from: 0
                to: 1048576
                stepSize: 1024
                editable: true
                value: panel.messages ? panel.messages.contextLength : 0
                textFromValue: (value) => value === 0 ? qsTr("Model default") : String(value)
                valueFromText: (text) => text === qsTr("Model default") ? 0 : parseInt(text)
                Accessible.name: qsTr("Context length in tokens")
                onValueModified: panel.messages.contextLength = value
            }
            Label {
                objectName: "contextLengthNote"
                Layout.fillWidth: true
                text: !panel.bridge || panel.bridge.modelState !== EngineBridge.Ready
                      ? qsTr("How much of the conversation the model can see at once.")
                      : qsTr("How much of the conversation the model can see at once. The loaded model uses %1 tokens.")
                            .arg(panel.bridge.contextLength)
                wrapMode: Text.Wrap
                opacity: 0.7
                font.pixelSize: 12
            }
            Button {
                objectName: "reloadWithContextButton"
                visible: panel.bridge !== null && panel.bridge.modelState === EngineBridge.Ready && panel.messages !== null
                         && panel.messages.contextLength > 0 && panel.bridge.contextLength !== panel.messages.contextLength
                text: qsTr("Reload the model with %1 tokens").arg(panel.messages ? panel.messages.contextLength : 0)
                onClicked: panel.bridge.loadModel(panel.bridge.modelPath, panel.messages.contextLength)
                Accessible.name: text
            }

            Label { text: qsTr("When the context is full"); font.weight: Font.DemiBold }
            RadioButton {
                objectName: "overflowDropOldest"
                text: qsTr("Forget the oldest messages")
                checked: panel.messages && panel.messages.overflowPolicy === "drop-oldest"
                onClicked: panel.messages.overflowPolicy = "drop-oldest"
                Accessible.name: text
            }
            RadioButton {
                objectName: "overflowStop"
                text: qsTr("Stop and say so")
                checked: panel.messages && panel.messages.overflowPolicy === "stop"
                onClicked: panel.messages.overflowPolicy = "stop"
                Accessible.name: text
            }
        }
    }
}
