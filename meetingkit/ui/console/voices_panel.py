"""The console's "voices" panel: who in the room has not been heard yet, and the patient and public voice so far.

When the series sets a target share and the voice is below it once a third of the planned time has gone, the
chair gets a gentle prompt: words only, never blocking, dismissed with one click (until the next item).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from meetingkit.models.participation import Participation
from meetingkit.models.review_text import live_voice_line, percent, should_prompt, voice_prompt
from meetingkit.ui.common.accessibility import ValueLabel
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.common.role_colours import role_label

BODY_PX = 16
REFRESH_S = 1.0  # figures move with the open turn; once a second of meeting time is plenty for the chair
PROMPT_STYLE = "background: #FFF4D6; color: #2E2000; border: 1px solid #C9A227; border-radius: 4px;"


class VoicesPanel(QWidget):
    """Reads the engine through the bridge at each event, and on repaint ticks once a second of time has passed.

    `prompt_changed(text)` says when the prompt appears (its words) or goes ("") — for a console that wants to
    surface it while another side panel is on show.
    """

    prompt_changed = Signal(str)

    def __init__(self, bridge: LiveBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.setAccessibleName("Voices")
        self._last_refresh: float | None = None
        self._dismissed_in: tuple[str | None] | None = None  # the item during which the chair dismissed it

        # Sized like the console around it: the chair reads this at a glance, mid-meeting.
        body = self.font()
        body.setPixelSize(BODY_PX)
        self.setFont(body)
        title = QLabel("Voices")
        font = title.font()
        font.setBold(True)
        font.setPixelSize(BODY_PX + 4)
        title.setFont(font)
        self.share = ValueLabel()
        self.share.setTextFormat(Qt.TextFormat.PlainText)
        self.share.setWordWrap(True)
        self.share.setAccessibleName("Patient and public voice so far")
        self.target = ValueLabel()
        self.target.setTextFormat(Qt.TextFormat.PlainText)
        self.target.setAccessibleName("Patient and public voice target")
        self.not_heard = ValueLabel()
        self.not_heard.setTextFormat(Qt.TextFormat.PlainText)
        self.not_heard.setWordWrap(True)
        self.not_heard.setAccessibleName("Not yet heard")

        self.prompt = QFrame()
        self.prompt.setObjectName("voicePrompt")
        self.prompt.setStyleSheet(f"#voicePrompt {{ {PROMPT_STYLE} }}")
        self.prompt.setAccessibleName("Patient voice prompt")
        self.prompt_text = ValueLabel()
        self.prompt_text.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt_text.setWordWrap(True)
        self.prompt_text.setStyleSheet("color: #2E2000; background: transparent; border: none;")
        self.prompt_text.setAccessibleName("Patient voice prompt text")
        self.prompt_text.setFont(body)  # a style sheet on the frame stops the panel's font reaching it
        self.dismiss = QPushButton("Dismiss")
        self.dismiss.setAccessibleName("Dismiss patient voice prompt")
        self.dismiss.setFont(body)
        self.dismiss.clicked.connect(self.dismiss_prompt)
        row = QHBoxLayout(self.prompt)
        row.addWidget(self.prompt_text, 1)
        row.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignTop)
        self.prompt.hide()

        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addWidget(self.share)
        lay.addWidget(self.target)
        lay.addWidget(self.prompt)
        lay.addWidget(self.not_heard)
        lay.addStretch(1)

        bridge.changed.connect(self.refresh)
        bridge.tick.connect(self._on_tick)
        self.refresh()

    def _on_tick(self) -> None:
        # The time comes from the engine's clock, not from counting ticks.
        now = self.bridge.live.now()
        if self._last_refresh is None or now - self._last_refresh >= REFRESH_S:
            self.refresh()

    def refresh(self, *_: object) -> None:
        live = self.bridge.live
        now = live.now()
        self._last_refresh = now
        part = live.participation(now)
        target = live.meeting.patient_voice_target
        self.target.setVisible(target is not None)
        if target is not None:
            self.target.setText(f"This series aims for at least {percent(target)}.")
        if live.status == "ready":
            self.share.setText("The meeting has not started yet.")
            self.not_heard.setText(self._not_heard_text(part, started=False))
        else:
            self.share.setText(live_voice_line(part.patient_voice_share, part.main_s))
            self.not_heard.setText(self._not_heard_text(part, started=True))
        self._update_prompt(part, target)

    def _not_heard_text(self, part: Participation, started: bool) -> str:
        live = self.bridge.live
        # `main_turns == 0` is the participation module's own test for "not heard"; only those in the room now.
        silent = [f for f in part.people if f.main_turns == 0 and live.present.get(f.key)]
        if not silent:
            return "Everyone here has been heard." if started else "Nobody has spoken yet."
        names = "\n".join(f"• {f.name} ({role_label(f.role, short=True)})" for f in silent)
        return f"Not yet heard ({len(silent)}):\n{names}"

    def _update_prompt(self, part: Participation, target: float | None) -> None:
        live = self.bridge.live
        planned = live.scheduled_end - live.scheduled_start
        due = live.status == "running" and should_prompt(
            part.patient_voice_share, target, live.elapsed(), planned
        )
        if self._dismissed_in is not None and self._dismissed_in != (live.current,):
            self._dismissed_in = None  # a new item: the prompt may come back
        show = due and target is not None and self._dismissed_in is None
        text = voice_prompt(part.patient_voice_share, target) if show and target is not None else ""
        self._show_prompt(text)

    def _show_prompt(self, text: str) -> None:
        changed = text != (self.prompt_text.text() if self.prompt_visible() else "")
        if text:
            self.prompt_text.setText(text)
        self.prompt.setVisible(bool(text))
        if changed:
            self.prompt_changed.emit(text)

    def dismiss_prompt(self) -> None:
        self._dismissed_in = (self.bridge.live.current,)
        self._show_prompt("")

    def prompt_visible(self) -> bool:
        """Whether the prompt is showing (true even while the panel itself is hidden)."""
        return not self.prompt.isHidden()
