"""The chair's timers: the big speaker timer, the item timer and the meeting clock with its forecast.

Each repaint reads the time from the engine (deadline minus the monotonic clock); nothing here counts ticks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from meetingkit.models.meeting import BREAK
from meetingkit.models.session import LiveMeeting, format_clock, from_epoch
from meetingkit.ui.common.palette import OVER_TEXT, pixel_font, state_icon, state_style

IDLE_TIME = "—"  # not "0:00", which the room could read as someone's time run out
SPEAKER_TIME_PX = 124
IDLE_TIME_PX = 56  # a dash at the size of a running time is a blank white bar; smaller, it reads as "none"
ITEM_WORDS = {
    "speaking": "On plan",
    "wrap_up": "Ending soon",
    "over": "Over plan",
    "idle": "No item under way",
}


@dataclass(frozen=True)
class SpeakerFace:
    """What the speaker timer shows, in words: the same for the console and the speaker display."""

    state: str  # a palette state: speaking | wrap_up | over | idle | paused | break | ended
    words: str
    name: str
    time_text: str
    detail: str = ""


def speaker_face(live: LiveMeeting, now: float) -> SpeakerFace:
    if live.status == "ended":
        return SpeakerFace("ended", "Meeting ended", "", "", "No further commands: the summary is above")
    if live.status == "ready":
        return SpeakerFace(
            "idle", "Meeting not started", "", IDLE_TIME, "Start meeting (Enter) starts the clock"
        )
    timer = live.speaker_timer(now)
    detail = _turn_detail(live, now, timer.interjection)
    if timer.state == "idle" and live.brk.status == "running":
        brk = live.break_timer(now)
        time_text = brk.text if brk else ""
        if live.paused:
            return SpeakerFace("paused", "Meeting paused", "Feedback break", time_text)
        return SpeakerFace("break", "Feedback break", "Patient and public voices", time_text)
    if live.paused:
        still = "Every clock is stopped — P resumes"
        return SpeakerFace(
            "paused", "Meeting paused", timer.name, timer.text if timer.name else IDLE_TIME, still
        )
    if timer.state == "idle":
        return SpeakerFace("idle", timer.state_label, "", IDLE_TIME, detail or "Nobody has the floor")
    return SpeakerFace(timer.state, timer.state_label, timer.name, timer.text, detail)


def _turn_detail(live: LiveMeeting, now: float, interjection: bool) -> str:
    parts = []
    if interjection:
        held = live.held_timer(now)
        parts.append(f"Interjection — {held.name} waits ({held.text})" if held else "Interjection")
    if live.brk.status == "running" and live.turn is not None:
        parts.append("In the feedback break")
    return " · ".join(parts)


@dataclass(frozen=True)
class ItemFace:
    state: str
    words: str
    title: str
    position: str
    time_text: str


def item_face(live: LiveMeeting, now: float) -> ItemFace:
    agenda = live.meeting.agenda
    if live.brk.status == "running":
        brk = live.break_timer(now)
        state = "paused" if live.paused else "break"
        text = brk.text if brk else ""
        words = "Meeting paused" if live.paused else "Feedback break"
        return ItemFace(
            state,
            words,
            "Feedback break",
            _break_position(live),
            f"{text} left" if "over" not in text else text,
        )
    if live.current is None:
        if live.status == "ready":
            first = agenda[0].title if agenda else "no items"
            return ItemFace("idle", "Not started", first, f"Item 1 of {len(agenda)}", "")
        if live.status == "ended":
            end = local_time(live, live.ended_at or now)
            return ItemFace("ended", "Meeting ended", live.meeting.title, f"Ended at {end}", "")
        return ItemFace("idle", "All items taken", "No item under way", "End the meeting when ready", "")
    timer = live.item_timer(now)
    index = live.meeting.item_index(live.current) + 1
    text = timer.text if "over" in timer.text else f"{timer.text} left"
    planned = f"{format_clock(live.planned[live.current])} planned"
    position = f"Item {index} of {len(agenda)} · {planned}"
    if live.paused:
        return ItemFace("paused", "Meeting paused", timer.name, position, text)
    return ItemFace(timer.state, ITEM_WORDS[timer.state], timer.name, position, text)


def _break_position(live: LiveMeeting) -> str:
    if live.brk.mid_item:
        return f"During '{live.meeting.item(live.brk.mid_item).title}'"
    return f"{format_clock(live.meeting.brk.minutes * 60)} planned"


def local_time(live: LiveMeeting, epoch: float) -> str:
    """HH:MM in the meeting's own time zone (the one its scheduled start was given in)."""
    tz: tzinfo | None = live.meeting.scheduled_start.tzinfo
    return from_epoch(epoch).astimezone(tz).strftime("%H:%M")


@dataclass(frozen=True)
class ForecastFace:
    clock: str
    forecast: str
    at_risk: str
    over: bool
    next_up: str


def forecast_face(live: LiveMeeting, now: float) -> ForecastFace:
    clock = f"Meeting time {format_clock(live.elapsed(now))} · now {local_time(live, now)}"
    if live.status == "ended":
        end = live.ended_at or now
        return ForecastFace(clock, f"Ended at {local_time(live, end)}", "", False, "")
    fc = live.forecast(now)
    finish = local_time(live, fc.projected_end)
    text = f"{fc.status} — finish {finish}" if live.status == "running" else f"Planned finish {finish}"
    titles = [live.meeting.item(k).title for k in fc.at_risk]
    at_risk = f"At risk: {', '.join(titles)}" if titles else ""
    return ForecastFace(clock, text, at_risk, fc.is_over, _next_up(live, fc.slots))


def _next_up(live: LiveMeeting, slots: list) -> str:
    here = BREAK if live.brk.status == "running" else live.current
    for s in slots:
        if s.key == here:
            continue
        if s.key == BREAK:
            return f"Next: feedback break ({format_clock(s.end - s.start)})"
        return f"Next: {live.meeting.item(s.key).title} ({format_clock(s.end - s.start)})"
    return "Next: end of the meeting"


class FitLabel(QLabel):
    """A one-line label whose font shrinks (from `max_px` to `min_px`) to fit its width, then elides.

    `text()` stays the whole text (for screen readers and tests); only the painting is shortened.
    """

    def __init__(
        self, max_px: int, bold: bool = True, min_px: int = 18, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._max_px = max_px
        self._min_px = min(min_px, max_px)
        self._bold = bold
        self.setFont(pixel_font(max_px, bold))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_max_px(self, px: int) -> None:
        self._max_px = px
        self._min_px = min(self._min_px, px)
        self._fit()
        self.updateGeometry()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if text != self.text():
            super().setText(text)
            self.setToolTip(text)
            self._fit()

    def sizeHint(self) -> QSize:  # noqa: N802
        fm = QFontMetrics(pixel_font(self._max_px, self._bold))
        return QSize(fm.horizontalAdvance(self.text()) + 8, int(self._max_px * 1.2))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self._min_px * 3, int(self._min_px * 1.25))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        self.style().drawItemText(
            painter,
            rect,
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            shown,
            self.foregroundRole(),
        )

    def _fit(self) -> None:
        width = max(1, self.width() - 8)
        px = max(self._min_px, min(self._max_px, int(self.height() / 1.2)))
        while (
            px > self._min_px
            and QFontMetrics(pixel_font(px, self._bold)).horizontalAdvance(self.text()) > width
        ):
            px = max(self._min_px, int(px * 0.92))
        if self.font().pixelSize() != px:
            self.setFont(pixel_font(px, self._bold))


class WrapLabel(QLabel):
    """Wrapped text that reserves `lines` lines and claims no height-for-width.

    A height-for-width label makes its box layout squeeze the widgets beside it below their minimum; a
    fixed number of lines keeps the console's column predictable.
    """

    def __init__(self, px: int, lines: int, bold: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(pixel_font(px, bold))
        self.setWordWrap(True)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * lines + 2)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name; QLabel turns it on with word wrap)
        return False

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().averageCharWidth() * 12, self.minimumHeight())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().horizontalAdvance(self.text()) + 4, self.minimumHeight())


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
        self.time.setAccessibleDescription(f"{face.words}. {face.name}".strip(". "))
        self.detail.setText(face.detail)


class ItemTimerPanel(ColourPanel):
    """The current item against its plan (or the feedback break against its length)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("itemTimerPanel", parent)
        self.title = WrapLabel(25, lines=2, bold=True)  # agenda titles run long: two lines beat an ellipsis
        self.title.setAccessibleName("Current item")
        self.position = FitLabel(19, bold=False, min_px=15)
        self.position.setAccessibleName("Item position")
        self.badge = StateBadge(26, 21)
        self.time = QLabel()
        self.time.setFont(pixel_font(40, bold=True))
        self.time.setAccessibleName("Item time")
        self.time.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 8, 16, 8)
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
        self.at_risk = FitLabel(20, bold=False, min_px=15)
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
