"""The console's title row: the meeting's title, where the speaker display goes, the shortcuts, and the end."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSizePolicy, QWidget

from meetingkit.ui.common.palette import pixel_font
from meetingkit.ui.console.control_buttons import console_button
from meetingkit.ui.console.fit_labels import FitLabel


class TitleRow(QWidget):
    """The row above the timers. Its buttons call the slots they are given; it keeps no state of the meeting."""

    def __init__(
        self,
        title: str,
        toggle_display: Callable[[], object],
        show_shortcuts: Callable[[], object],
        ask_end: Callable[[], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)  # the console column's spacing, as between its other parts
        self.title = FitLabel(22, bold=True, min_px=15)
        self.title.setText(title)
        self.title.setAccessibleName("Meeting title")
        self.screen_choice = QComboBox()
        self.screen_choice.setAccessibleName("Screen for the speaker display")
        self.screen_choice.setToolTip("The screen the speaker display goes to")
        self.screen_choice.setFont(pixel_font(16))
        self.screen_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.screen_choice.setMinimumContentsLength(12)
        self.fill_screens()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self.fill_screens)
            app.screenRemoved.connect(self.fill_screens)
        self.display_button = console_button("Show speaker display", toggle_display, px=16)
        help_button = console_button("Keyboard shortcuts", show_shortcuts, "Shortcuts (F1)", px=16)
        # Away from the timing controls, so that ending the meeting is never a slip of the hand.
        self.end_button = console_button("End meeting", ask_end, "End meeting…", px=16)
        for b in (self.display_button, help_button, self.end_button):
            b.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        row.addWidget(self.title, 1)
        row.addWidget(self.screen_choice)
        row.addWidget(self.display_button)
        row.addWidget(help_button)
        row.addSpacing(12)
        row.addWidget(self.end_button)

    def fill_screens(self, *_: object) -> None:
        current = self.screen_choice.currentText()
        self.screen_choice.clear()
        for i, screen in enumerate(QGuiApplication.screens()):
            g = screen.geometry()
            self.screen_choice.addItem(
                f"Screen {i + 1}: {screen.name() or 'unnamed'} ({g.width()}×{g.height()})"
            )
        screens = QGuiApplication.screens()
        index = self.screen_choice.findText(current)
        # A second screen is most likely the projector: prefer it.
        self.screen_choice.setCurrentIndex(index if index >= 0 else (1 if len(screens) > 1 else 0))

    def chosen_screen(self) -> QScreen | None:
        screens = QGuiApplication.screens()
        i = self.screen_choice.currentIndex()
        return screens[i] if 0 <= i < len(screens) else (screens[0] if screens else None)

    def show_display_state(self, shown: bool) -> None:
        """The display button offers the opposite of what the speaker display is doing now."""
        name = "Hide speaker display" if shown else "Show speaker display"
        if self.display_button.accessibleName() == name:
            return
        self.display_button.setText(name)
        self.display_button.setAccessibleName(name)
