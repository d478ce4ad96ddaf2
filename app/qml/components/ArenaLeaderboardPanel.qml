// The arena's leaderboard tab: what the ratings mean in plain words, the chart (ratings with
// their 95% intervals), the table, and "Reset leaderboard…" behind a confirmation. With no votes
// yet it explains how the leaderboard fills in.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

Item {
    id: panel

    property var leaderboard: null       // a LeaderboardModel
    property bool darkTheme: false
    readonly property int totalVotes: leaderboard ? leaderboard.totalVotes : 0

    objectName: "arenaLeaderboard"

    Label {
        objectName: "leaderboardEmpty"
        visible: panel.totalVotes === 0
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 520)
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        text: panel.leaderboard && panel.leaderboard.busy
              ? qsTr("Counting the votes…")
              : qsTr("No votes yet. Play a few rounds in the arena: every vote you give shows up here, "
                     + "and the ranking grows more certain the more you vote.")
        opacity: 0.8
        font.pixelSize: 15
    }

    ScrollView {
        id: scroller
        visible: panel.totalVotes > 0
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroller.availableWidth
            spacing: 12

            RowLayout {
                Layout.fillWidth: true
                Label {
                    objectName: "voteCount"
                    text: qsTr("%n vote(s) across %1 model(s)", "", panel.totalVotes)
                          .arg(panel.leaderboard ? panel.leaderboard.count : 0)
                    font.pixelSize: 16
                    font.weight: Font.DemiBold
                    Layout.fillWidth: true
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Button {
                    objectName: "resetLeaderboardButton"
                    text: qsTr("Reset leaderboard…")
                    flat: true
                    enabled: panel.leaderboard && !panel.leaderboard.busy
                    focusPolicy: Qt.StrongFocus
                    Accessible.name: qsTr("Reset the leaderboard: delete every vote")
                    onClicked: confirmReset.open()
                }
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                opacity: 0.75
                text: qsTr("Ratings use the chess-style Elo scale: 1000 is average, and 100 points more "
                           + "means winning about two times in three. The thin line is the 95% interval, "
                           + "where the true rating most likely lies. Models whose lines overlap share a "
                           + "rank (marked =): your votes cannot tell them apart yet.")
            }
            Label {
                objectName: "leaderboardError"
                visible: text !== ""
                text: panel.leaderboard ? panel.leaderboard.lastError : ""
                color: Material.color(Material.Red)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            LeaderboardChart {
                objectName: "leaderboardChart"
                leaderboard: panel.leaderboard
                darkTheme: panel.darkTheme
                Layout.fillWidth: true
                Layout.preferredHeight: implicitHeight
            }
            LeaderboardTable {
                objectName: "leaderboardTable"
                leaderboard: panel.leaderboard
                darkTheme: panel.darkTheme
                Layout.fillWidth: true
                Layout.preferredHeight: implicitHeight
            }
        }
    }

    Dialog {
        id: confirmReset
        objectName: "confirmResetDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        title: qsTr("Reset the leaderboard?")
        standardButtons: Dialog.Cancel | Dialog.Yes
        Label {
            width: Math.min(420, panel.width - 80)
            wrapMode: Text.Wrap
            text: qsTr("This deletes all %n vote(s) for good. The models stay as they are.", "", panel.totalVotes)
        }
        onAccepted: if (panel.leaderboard) panel.leaderboard.clearVotes()
    }
}
