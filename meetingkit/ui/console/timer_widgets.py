"""The chair's timer panels: the big speaker timer, the item timer and the meeting clock with its forecast.

They paint the faces of timer_faces.py in the state's colours; the words and times come from there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from meetingkit.ui.common.accessibility import ValueLabel
from meetingkit.ui.common.palette import OVER_TEXT, pixel_font, state_icon, state_style
from meetingkit.ui.console.fit_labels import FitLabel, WrapLabel
from meetingkit.ui.console.timer_faces import IDLE_TIME, ForecastFace, ItemFace, SpeakerFace

SPEAKER_TIME_PX = 124
IDLE_TIME_PX = 56  # a dash at the size of a running time is a blank white bar; smaller, it reads as "none"


class StateBadge(QWidget):
    """Icon and words for a state; the colour comes from the panel it sits on."""

    def __init__(self, icon_px: int, text_px: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icon_px = icon_px
        self.icon = QLabel()
        self.icon.setFixedSize(icon_px, icon_px)
        self.words = FitLabel(text_px, bold=True, min_px=min(18, text_px))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(max(6, icon_px // 4))
        lay.addWidget(self.icon)
        lay.addWidget(self.words, 1)
        self._shown: tuple[str, str] | None = None

    def show_state(self, state: str, words: str) -> None:
        if self._shown == (state, words):
            return
        self._shown = (state, words)
        style = state_style(state)
        self.icon.setPixmap(state_icon(style.icon, self._icon_px, style.foreground))
        self.words.setText(words)
        self.setAccessibleName(f"State: {words}")


class ColourPanel(QFrame):
    """A frame painted in a state's colours; its children's text takes the state's foreground."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._state: str | None = None

    def paint_state(self, state: str) -> None:
        if state == self._state:
            return
        self._state = state
        style = state_style(state)
        self.setStyleSheet(
            f"#{self.objectName()} {{ background: {style.background}; border-radius: 10px; }}"
            f"#{self.objectName()} QLabel {{ color: {style.foreground}; background: transparent; }}"
        )

    @property
    def state(self) -> str | None:
        return self._state


class SpeakerTimerPanel(ColourPanel):
    """The big speaker timer: state (icon + words), the speaker's name, and the time the room sees."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("speakerTimerPanel", parent)
        self.badge = StateBadge(40, 32)
        self.name = FitLabel(42, bold=True, min_px=20)
        self.name.setAccessibleName("Speaker")
        self.name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.time = FitLabel(SPEAKER_TIME_PX, bold=True, min_px=40)
        self.time.setAccessibleName("Speaker time")
        self.time.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = FitLabel(21, bold=False, min_px=15)
        self.detail.setAccessibleName("Turn details")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 10, 20, 10)
        lay.setSpacing(2)
        top = QHBoxLayout()
        top.addWidget(self.badge, 1)
        top.addWidget(self.name, 1)
        lay.addLayout(top)
        lay.addWidget(self.time, 1)
        lay.addWidget(self.detail)
        self._time_px = SPEAKER_TIME_PX

    def show_face(self, face: SpeakerFace) -> None:
        self.paint_state(face.state)
        self.badge.show_state(face.state, face.words)
        self.name.setText(face.name)
        self.name.setVisible(bool(face.name))  # no name: the state's words get the whole width
        px = IDLE_TIME_PX if face.time_text == IDLE_TIME else SPEAKER_TIME_PX
        if px != self._time_px:
            self._time_px = px
            self.time.set_max_px(px)
        self.time.setText(face.time_text)
        # The time itself is the label's value (its name stays "Speaker time"); the description adds who and
        # how, so that a screen reader reads "2:12, Speaking. Eileen Foster".
        self.time.setAccessibleDescription(f"{face.words}. {face.name}".strip(". "))
        self.detail.setText(face.chair_line)  # the room's words, or the chair's hint (never on the display)


class ItemTimerPanel(ColourPanel):
    """The current item against its plan (or the feedback break against its length)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("itemTimerPanel", parent)
        self.title = WrapLabel(25, lines=2, bold=True)  # agenda titles run long: two lines beat an ellipsis
        self.title.setAccessibleName("Current item")
        self.position = FitLabel(19, bold=False, min_px=15)
        self.position.setAccessibleName("Item position")
        self.badge = StateBadge(26, 21)
        self.time = ValueLabel()
        self.time.setFont(pixel_font(40, bold=True))
        self.time.setAccessibleName("Item time")
        self.time.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 6, 16, 6)
        lay.setSpacing(2)
        lay.addWidget(self.title)
        row = QHBoxLayout()
        info = QVBoxLayout()
        info.addWidget(self.position)
        info.addWidget(self.badge)
        row.addLayout(info, 1)
        row.addWidget(self.time)
        lay.addLayout(row)

    def show_face(self, face: ItemFace) -> None:
        self.paint_state(face.state)
        if self.title.text() != face.title:
            self.title.setText(face.title)
        if self.position.text() != face.position:
            self.position.setText(face.position)
        self.badge.show_state(face.state, face.words)
        if self.time.text() != face.time_text:
            self.time.setText(face.time_text)


class ForecastPanel(QFrame):
    """The meeting clock, the forecast (with the items at risk) and what comes next."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("forecastPanel")
        self.clock = FitLabel(21, bold=False, min_px=15)
        self.clock.setAccessibleName("Meeting clock")
        self.forecast = FitLabel(26, bold=True, min_px=17)
        self.forecast.setAccessibleName("Meeting forecast")
        self.at_risk = WrapLabel(17, lines=1, grow=True)  # every title at risk, wrapped, never elided
        self.at_risk.setAccessibleName("Items at risk")
        self.next_up = FitLabel(22, bold=False, min_px=16)
        self.next_up.setAccessibleName("What comes next")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        lay.setSpacing(2)
        lay.addWidget(self.forecast)
        lay.addWidget(self.at_risk)
        lay.addWidget(self.clock)
        lay.addWidget(self.next_up)
        lay.addStretch(1)
        self._over: bool | None = None

    def show_face(self, face: ForecastFace) -> None:
        for label, text in (
            (self.clock, face.clock),
            (self.at_risk, face.at_risk),
            (self.next_up, face.next_up),
        ):
            if label.text() != text:
                label.setText(text)
        icon = "⚠ " if face.over else "✓ " if face.forecast.startswith(("on time", "ahead")) else ""
        text = icon + face.forecast
        if self.forecast.text() != text:
            self.forecast.setText(text)
        self.at_risk.setVisible(bool(face.at_risk))
        if face.over != self._over:
            self._over = face.over
            # Dark red text on the window background: over 7:1 on white and light greys.
            self.forecast.setStyleSheet(f"color: {OVER_TEXT};" if face.over else "")
