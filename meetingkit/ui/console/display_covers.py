"""What the speaker display can show instead of the timers, and its attention pulse: a message to the speaker or
the room in large type until the chair clears it, a calm blackout with the meeting's title small, and one
gentle pulse of its edge at a cue (never repeated flashing, WCAG 2.3.1)."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from meetingkit.ui.common.accessibility import ValueLabel
from meetingkit.ui.common.palette import pixel_font

PRESETS = ("One minute, please", "Please finish now", "Mic please")
MAX_MESSAGE = 200  # characters: it must read from the back of the room
PULSE_MS = 1200  # one rise and fall, well under three flashes a second


class MessageCover(QWidget):
    """A message in large type, white on a deep blue (about 12:1), wrapped to the screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("displayMessage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#displayMessage { background: #0b2545; } QLabel { color: #ffffff; }")
        self.text = ValueLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # a name or '<b>' in it is shown as typed
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setAccessibleName("Speaker display message")
        box = QVBoxLayout(self)
        box.setContentsMargins(60, 40, 60, 40)
        box.addWidget(self.text)

    def show_text(self, text: str, height: int) -> None:
        self.text.setText(text)
        # Short words as large as the screen allows; a long message steps down so it still fits.
        px = int(max(300, height) * (0.16 if len(text) <= 24 else 0.1 if len(text) <= 80 else 0.065))
        self.text.setFont(pixel_font(px, bold=True))


class BlackoutCover(QWidget):
    """A calm near-black screen; only the meeting's title, small and dim, at the foot."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("displayBlackout")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#displayBlackout { background: #000000; } QLabel { color: #8a8a8a; }")
        self.title = ValueLabel(title)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setAccessibleName("Speaker display blackout title")
        self.title.setFont(pixel_font(22, bold=False))
        box = QVBoxLayout(self)
        box.setContentsMargins(40, 40, 40, 40)
        box.addStretch(1)
        box.addWidget(self.title)


class PulseRing(QWidget):
    """A white ring inside the display's edge that rises and falls once per cue; it ignores the mouse."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self.pulses = 0
        self._level = 0.0
        self._anim = QVariantAnimation(self)
        self._anim.setDuration(PULSE_MS)
        self._anim.setStartValue(0.0)
        self._anim.setKeyValueAt(0.35, 1.0)
        self._anim.setEndValue(0.0)
        self._anim.setEasingCurve(QEasingCurve.Type.InOutSine)
        self._anim.valueChanged.connect(self._set_level)
        self._anim.finished.connect(self.hide)
        self.hide()

    def pulse(self) -> None:
        """One pulse; a cue during a pulse restarts it rather than adding a second flash."""
        self.pulses += 1
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self._anim.stop()
        self._anim.start()

    @property
    def running(self) -> bool:
        return self._anim.state() == QVariantAnimation.State.Running

    def _set_level(self, value: object) -> None:
        self._level = float(value)  # type: ignore[arg-type]
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        if self._level <= 0:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        # A dark band and a white one inside it, so the ring shows on every state's colour (amber, red, green).
        width = max(10, self.height() // 36)
        p.setBrush(Qt.BrushStyle.NoBrush)
        for colour, inset in (
            (QColor(0, 0, 0, int(170 * self._level)), 0),
            (QColor(255, 255, 255, int(230 * self._level)), width),
        ):
            p.setPen(QPen(colour, width))
            edge = width // 2 + inset
            p.drawRoundedRect(self.rect().adjusted(edge, edge, -edge, -edge), 16, 16)
        p.end()
