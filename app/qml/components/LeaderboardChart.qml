// The arena leaderboard as a chart: one horizontal bar per model up to its rating, with a whisker
// over its 95% interval, on a shared scale; a dashed line marks 1000, the average. Drawn with
// Rectangles (no chart module in our Qt). Bars are read aloud as one sentence each.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

Item {
    id: chart

    property var leaderboard: null      // a LeaderboardModel
    property bool darkTheme: false
    readonly property int count: bars.count

    // The scale: the widest interval, padded and rounded out to the next 50 points.
    readonly property real scaleMin: Math.floor((Math.min(leaderboard ? leaderboard.lowestRating : 1000, 1000) - 10) / 50) * 50
    readonly property real scaleMax: Math.ceil((Math.max(leaderboard ? leaderboard.highestRating : 1000, 1000) + 10) / 50) * 50
    readonly property real labelWidth: Math.min(220, width * 0.3)
    // Room on the right for the last tick's value and the rating printed after a whisker.
    readonly property real plotWidth: Math.max(1, width - labelWidth - 56)
    readonly property int rowHeight: 30

    function xOf(value) {
        const span = Math.max(1, scaleMax - scaleMin)
        return labelWidth + 8 + plotWidth * (Math.min(Math.max(value, scaleMin), scaleMax) - scaleMin) / span
    }

    objectName: "leaderboardChart"
    implicitHeight: bars.count * rowHeight + axis.height + 12
    Accessible.role: Accessible.Chart
    Accessible.name: qsTr("Leaderboard chart: ratings with 95% intervals")

    readonly property color barColor: darkTheme ? "#2dd4bf" : "#0f766e"
    readonly property color gridColor: darkTheme ? "#33403f" : "#dde3e2"
    readonly property color inkColor: darkTheme ? "#e6eeed" : "#1f2a29"

    // Vertical grid lines and their values (every 50 or 100 points, whichever gives <= 8 lines).
    Repeater {
        id: ticks
        model: {
            const span = chart.scaleMax - chart.scaleMin
            const step = span / 50 <= 8 ? 50 : (span / 100 <= 8 ? 100 : 200)
            const values = []
            for (let v = Math.ceil(chart.scaleMin / step) * step; v <= chart.scaleMax; v += step)
                values.push(v)
            return values
        }
        delegate: Item {
            required property real modelData
            x: chart.xOf(modelData)
            width: 1
            height: chart.height
            Rectangle {
                width: 1
                height: bars.count * chart.rowHeight
                color: modelData === 1000 ? chart.inkColor : chart.gridColor
                opacity: modelData === 1000 ? 0.5 : 1
            }
            Label {
                y: bars.count * chart.rowHeight + 4
                x: -width / 2
                text: Math.round(modelData)
                font.pixelSize: 11
                opacity: 0.7
                Accessible.ignored: true
            }
        }
    }

    Column {
        id: barColumn
        width: chart.width
        Repeater {
            id: bars
            model: chart.leaderboard
            delegate: Item {
                id: bar
                required property int index
                required property string modelName
                required property real rating
                required property real ciLow
                required property real ciHigh
                required property string summary

                objectName: "chartBar_" + index
                width: chart.width
                height: chart.rowHeight
                Accessible.role: Accessible.StaticText
                Accessible.name: summary

                Label {
                    width: chart.labelWidth
                    anchors.verticalCenter: parent.verticalCenter
                    horizontalAlignment: Text.AlignRight
                    text: bar.modelName
                    elide: Text.ElideMiddle
                    Accessible.ignored: true
                }
                Rectangle {
                    objectName: "ratingBar"
                    x: chart.xOf(chart.scaleMin)
                    width: Math.max(2, chart.xOf(bar.rating) - x)
                    height: 14
                    radius: 3
                    anchors.verticalCenter: parent.verticalCenter
                    color: chart.barColor
                    opacity: 0.75
                }
                // The 95% interval: a line with caps.
                Rectangle {
                    objectName: "intervalWhisker"
                    x: chart.xOf(bar.ciLow)
                    width: Math.max(1, chart.xOf(bar.ciHigh) - x)
                    height: 2
                    anchors.verticalCenter: parent.verticalCenter
                    color: chart.inkColor
                }
                Repeater {
                    model: [bar.ciLow, bar.ciHigh]
                    delegate: Rectangle {
                        required property real modelData
                        x: chart.xOf(modelData) - 1
                        width: 2
                        height: 12
                        anchors.verticalCenter: parent.verticalCenter
                        color: chart.inkColor
                    }
                }
                Label {
                    x: Math.min(chart.xOf(bar.ciHigh) + 6, chart.width - width)
                    anchors.verticalCenter: parent.verticalCenter
                    text: Math.round(bar.rating)
                    font.pixelSize: 12
                    font.weight: Font.DemiBold
                    Accessible.ignored: true
                }
            }
        }
    }

    Item {
        id: axis
        y: bars.count * chart.rowHeight
        width: chart.width
        height: 20
    }
}
