// The arena leaderboard as a table: rank, model, rating with its 95% interval, votes, won / lost /
// tied / both bad, win rate. A shared rank is marked "=" (the models' intervals overlap: the
// votes so far cannot tell them apart). Keyboard: Tab into the list, arrows walk the rows; each
// row reads as one sentence to a screen reader.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

FocusScope {
    id: table

    property var leaderboard: null      // a LeaderboardModel
    property bool darkTheme: false
    readonly property int count: rows.count

    objectName: "leaderboardTable"
    implicitHeight: header.implicitHeight + rows.contentHeight + 2
    Accessible.role: Accessible.Table
    Accessible.name: qsTr("Leaderboard table")

    // Column widths shared by the header and every row.
    readonly property var columns: [
        { key: "rank", title: qsTr("Rank"), width: 56 },
        { key: "model", title: qsTr("Model"), width: -1 },
        { key: "rating", title: qsTr("Rating (95% interval)"), width: 190 },
        { key: "votes", title: qsTr("Votes"), width: 64 },
        { key: "record", title: qsTr("Won / lost / tied / both bad"), width: 200 },
        { key: "winRate", title: qsTr("Win rate"), width: 80 }
    ]

    function cellText(key, row) {
        switch (key) {
        case "rank": return (row.sharedRank ? "=" : "") + row.rank
        case "model": return row.modelName
        case "rating": return qsTr("%1 (%2–%3)").arg(Math.round(row.rating)).arg(Math.round(row.ciLow))
                                                .arg(Math.round(row.ciHigh))
        case "votes": return String(row.votes)
        case "record": return "%1 / %2 / %3 / %4".arg(row.wins).arg(row.losses).arg(row.ties).arg(row.bothBad)
        case "winRate": return qsTr("%1%").arg(Math.round(row.winRate * 100))
        }
        return ""
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            id: header
            Layout.fillWidth: true
            spacing: 8
            Repeater {
                model: table.columns
                delegate: Label {
                    required property var modelData
                    text: modelData.title
                    font.weight: Font.DemiBold
                    font.pixelSize: 13
                    opacity: 0.8
                    elide: Text.ElideRight
                    Layout.fillWidth: modelData.width < 0
                    Layout.preferredWidth: modelData.width < 0 ? 120 : modelData.width
                    Layout.bottomMargin: 6
                    Accessible.role: Accessible.ColumnHeader
                    Accessible.name: text
                }
            }
        }
        Rectangle {
            Layout.fillWidth: true
            height: 1
            color: table.darkTheme ? "#33403f" : "#dde3e2"
        }

        ListView {
            id: rows
            objectName: "leaderboardRows"
            Layout.fillWidth: true
            Layout.fillHeight: true
            implicitHeight: contentHeight
            clip: true
            interactive: contentHeight > height
            model: table.leaderboard
            focus: true
            activeFocusOnTab: true
            keyNavigationEnabled: true
            currentIndex: -1
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Models ranked by rating")
            onActiveFocusChanged: if (activeFocus && currentIndex < 0 && count > 0) currentIndex = 0

            delegate: Rectangle {
                id: rowItem
                required property int index
                required property int rank
                required property bool sharedRank
                required property string modelName
                required property real rating
                required property real ciLow
                required property real ciHigh
                required property int votes
                required property int wins
                required property int losses
                required property int ties
                required property int bothBad
                required property real winRate
                required property string summary

                objectName: "leaderboardRow_" + index
                width: ListView.view.width
                height: 36
                readonly property bool current: ListView.isCurrentItem && rows.activeFocus
                color: current ? Qt.rgba(table.Material.accent.r, table.Material.accent.g, table.Material.accent.b, 0.18)
                               : (index % 2 ? (table.darkTheme ? "#1b2224" : "#f5f8f7") : "transparent")
                border.width: current ? 2 : 0
                border.color: table.Material.accent
                Accessible.role: Accessible.Row
                Accessible.name: summary

                RowLayout {
                    anchors.fill: parent
                    anchors.topMargin: 2
                    anchors.bottomMargin: 2
                    spacing: 8
                    Repeater {
                        model: table.columns
                        delegate: Label {
                            required property var modelData
                            objectName: "cell_" + modelData.key
                            text: table.cellText(modelData.key, rowItem)
                            elide: Text.ElideRight
                            font.weight: modelData.key === "model" ? Font.DemiBold : Font.Normal
                            Layout.fillWidth: modelData.width < 0
                            Layout.preferredWidth: modelData.width < 0 ? 120 : modelData.width
                            Accessible.ignored: true
                        }
                    }
                }
                MouseArea {
                    anchors.fill: parent
                    onClicked: { rows.currentIndex = rowItem.index; rows.forceActiveFocus() }
                }
            }
        }
    }
}
