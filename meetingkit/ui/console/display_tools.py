"""The chair's word to the room (issue 13): a message on the speaker display — a preset or typed — shown large
until cleared, a calm blackout, and the chime's mute toggle (remembered). A row of buttons under the queue and a
bar that M opens above the timers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from meetingkit.ui.common.accessibility import ValueLabel
from meetingkit.ui.common.palette import pixel_font
from meetingkit.ui.console.attention_cue import AttentionCue
from meetingkit.ui.console.display_covers import MAX_MESSAGE, PRESETS
from meetingkit.ui.console.speaker_display import SpeakerDisplay


def _button(text: str, name: str, px: int = 15) -> QPushButton:
    b = QPushButton(text)
    b.setAccessibleName(name)
    b.setFont(pixel_font(px, bold=False))
    b.setMinimumHeight(32)
    b.setAutoDefault(True)
    return b


class DisplayTools:
    """Owns the row and the bar; every change goes to the speaker display and is said on the console."""

    def __init__(self, display: SpeakerDisplay, cue: AttentionCue) -> None:
        self.display = display
        self.cue = cue
        self.row = QWidget()
        row = QHBoxLayout(self.row)
        row.setContentsMargins(0, 0, 0, 0)
        # Under the queue: the bar's button (M) and the chime's toggle; the blackout is in the bar (and Ctrl+B).
        self.message_button = _button("Display…", "Speaker display: message and blackout…")
        self.message_button.clicked.connect(lambda _=False: self.open_bar())
        self.chime_button = _button("", "")
        self.chime_button.setCheckable(True)
        self.chime_button.toggled.connect(lambda on: self.cue.set_muted(not on))
        for b in (self.message_button, self.chime_button):
            row.addWidget(b)
        self.blackout_button = _button("Blackout", "Blackout the speaker display")
        self.blackout_button.setCheckable(True)
        self.blackout_button.toggled.connect(self.set_blackout)
        self.bar = self._build_bar()
        self.bar.hide()
        self.chime_button.setChecked(not cue.muted)
        self._sync_chime(not cue.muted)
        self.chime_button.toggled.connect(self._sync_chime)

    def _build_bar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("displayMessageBar")
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        bar.setAccessibleName("Speaker display: message and blackout")
        col = QVBoxLayout(bar)
        col.setContentsMargins(8, 6, 8, 6)
        top = QHBoxLayout()
        self.shown = ValueLabel("Nothing on the speaker display but the timers")
        self.shown.setTextFormat(Qt.TextFormat.PlainText)
        self.shown.setFont(pixel_font(15, bold=True))
        self.shown.setAccessibleName("On the speaker display")
        self.shown.setWordWrap(True)
        close = _button("Close", "Close the message bar")
        close.clicked.connect(lambda _=False: self.bar.hide())
        top.addWidget(self.shown, 1)
        top.addWidget(self.blackout_button)
        top.addWidget(close)
        col.addLayout(top)
        presets = QHBoxLayout()
        self.preset_buttons = []
        for text in PRESETS:
            b = _button(text, f"Show '{text}'")
            b.clicked.connect(lambda _=False, t=text: self.show_message(t))
            presets.addWidget(b)
            self.preset_buttons.append(b)
        col.addLayout(presets)
        typed = QHBoxLayout()
        self.field = QLineEdit()
        self.field.setMaxLength(MAX_MESSAGE)
        self.field.setPlaceholderText("Type a message for the room, then Enter")
        self.field.setAccessibleName("Message text")
        self.field.returnPressed.connect(self.show_typed)
        show = _button("Show", "Show the typed message")
        show.clicked.connect(lambda _=False: self.show_typed())
        self.clear_button = _button("Clear message", "Clear the message")
        self.clear_button.clicked.connect(lambda _=False: self.show_message(""))
        typed.addWidget(self.field, 1)
        typed.addWidget(show)
        typed.addWidget(self.clear_button)
        col.addLayout(typed)
        return bar

    # ---- what the chair does ---------------------------------------------------------------------------

    def open_bar(self) -> None:
        self.bar.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_typed(self) -> None:
        text = " ".join(self.field.text().split())  # one line: line breaks and runs of spaces become one
        if text:
            self.show_message(text)
            self.field.clear()

    def show_message(self, text: str) -> None:
        self.display.show_message(text)
        self._say()

    def set_blackout(self, on: bool) -> None:
        if self.blackout_button.isChecked() != on:
            self.blackout_button.setChecked(on)  # comes back here through toggled
            return
        self.display.set_blackout(on)
        self.blackout_button.setAccessibleName(
            "End the blackout of the speaker display" if on else "Blackout the speaker display"
        )
        self.blackout_button.setText("End blackout" if on else "Blackout")
        self._say()

    def toggle_blackout(self) -> None:
        self.set_blackout(not self.display.blackout)

    def _say(self) -> None:
        d = self.display
        if d.blackout:
            words = "The speaker display is blacked out" + (
                f" (message waiting: {d.message})" if d.message else ""
            )
        elif d.message:
            words = f"On the speaker display: {d.message}"
        else:
            words = "Nothing on the speaker display but the timers"
        self.shown.setText(words)
        self.message_button.setText("Display ●" if d.message or d.blackout else "Display…")
        self.clear_button.setEnabled(bool(d.message))

    def _sync_chime(self, on: bool) -> None:
        self.chime_button.setText("Chime" if on else "Muted")
        self.chime_button.setAccessibleName("Chime at wrap-up and over time: on" if on else "Chime muted")
