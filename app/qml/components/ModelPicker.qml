// A checkable list of models (owner: the compare work).
import QtQuick
import QtQuick.Controls

Pane {
    Accessible.role: Accessible.List
}
