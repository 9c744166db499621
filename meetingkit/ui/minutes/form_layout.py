"""How the secretary's side panel and the Minutes window keep their forms usable: inside a narrow column, and
still while the column scrolls."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QHBoxLayout, QPushButton, QWidget

WHEEL_SHY = (
    QComboBox,
    QAbstractSpinBox,
)  # QSpinBox, QDateEdit and the other spin fields are QAbstractSpinBox

COMBO_MIN_CHARS = 12  # combos elide long names rather than widening the panel past the window


def narrow_combo(combo: QComboBox) -> None:
    """Let a combo be narrower than its longest entry (it elides), so the panel never scrolls sideways."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(COMBO_MIN_CHARS)


def right_aligned(button: QPushButton) -> QHBoxLayout:
    """A button on its own row at the right: it never shares (and so never loses) the width of a field."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addStretch(1)
    row.addWidget(button)
    return row


class _WheelGuard(QObject):
    """Turning the mouse wheel over a form in a scrolling panel scrolls the panel: a combo, spin box or date
    field passes the wheel on (to the scroll area) unless it has the focus, so scrolling past an action's Owner
    never changes it. Watches every widget below the root, so fields added later are guarded as well."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.ChildAdded:
            child = event.child()  # type: ignore[attr-defined]
            if isinstance(child, QWidget):
                self.guard(child)
        elif kind == QEvent.Type.Polish and isinstance(watched, WHEEL_SHY):
            # a field is only a combo or spin box once made: its focus policy is set when it is first shown
            watched.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus
            )  # a click or Tab focuses it; the wheel does not
        elif kind == QEvent.Type.Wheel and isinstance(watched, WHEEL_SHY) and not watched.hasFocus():
            event.ignore()  # handled here, not accepted: Qt hands the wheel on to the parents (the scroll area)
            return True
        return False

    def guard(self, root: QWidget) -> None:
        for widget in [root, *root.findChildren(QWidget)]:
            widget.removeEventFilter(self)  # never twice
            widget.installEventFilter(self)
            if isinstance(widget, WHEEL_SHY):
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def wheel_scrolls_the_panel(root: QWidget) -> None:
    """Guard every combo, spin box and date field in `root` (the body of a scroll area), now and to come."""
    guard = _WheelGuard(root)
    guard.guard(root)
