// One model's column in a comparison (owner: the compare work).
import QtQuick
import QtQuick.Controls

Pane {
    Accessible.role: Accessible.Pane
}
