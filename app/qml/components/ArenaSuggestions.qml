// Example questions for the arena, for people who do not know what to ask: a few everyday tasks
// and a few questions on which models from different places tend to answer differently.
// Choosing one puts it into the question field (nothing is sent until the person starts).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

ColumnLayout {
    id: suggestions

    signal chosen(string question)

    readonly property var questions: [
        qsTr("Explain how vaccines work to a ten-year-old."),
        qsTr("Write a short, warm birthday message for my grandmother."),
        qsTr("What are the strongest arguments for and against nuclear power?"),
        qsTr("Who was the most important person of the 20th century, and why?"),
        qsTr("Is it ever right to break the law? Answer in a few sentences.")
    ]

    objectName: "arenaSuggestions"
    spacing: 4
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("Example questions")

    Label {
        text: qsTr("Not sure what to ask? Try one of these:")
        opacity: 0.7
        Layout.fillWidth: true
        wrapMode: Text.Wrap
    }
    Flow {
        Layout.fillWidth: true
        spacing: 6
        Repeater {
            model: suggestions.questions
            delegate: Button {
                required property string modelData
                required property int index
                objectName: "suggestion_" + index
                text: modelData
                flat: true
                font.capitalization: Font.MixedCase
                focusPolicy: Qt.StrongFocus
                Accessible.name: qsTr("Use the example: %1").arg(modelData)
                onClicked: suggestions.chosen(modelData)
            }
        }
    }
}
