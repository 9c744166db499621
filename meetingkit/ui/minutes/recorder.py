"""What the parts of the secretary's panel share: the live meeting, its people's names, where a record goes
now, and one way to send a command whose refusal is shown in the panel's message line."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QLabel

from meetingkit.models.meeting import BREAK
from meetingkit.models.session import Event, LiveMeeting
from meetingkit.ui.common.announce import tell
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.common.meeting_zone import epoch_in_meeting_zone


class Recorder:
    """Every record the secretary makes goes through `command`; `busy` is set while the panel itself reacts,
    so that its own commands do not re-enter it."""

    def __init__(self, bridge: LiveBridge, message: QLabel) -> None:
        self.bridge = bridge
        self.message = message
        self.busy = False
        self._refusal = ""

    @property
    def live(self) -> LiveMeeting:
        return self.bridge.live

    def place(self) -> str | None:
        """Where notes go now: the break while it runs, else the current item (None: no item under way)."""
        return BREAK if self.live.brk.status == "running" else self.live.current

    def item_payload(self) -> dict[str, Any]:
        place = self.place()
        return {"item": place} if place is not None else {}

    def name(self, key: str) -> str:
        for p in self.live.meeting.people:
            if p.key == key:
                return p.name
        return key

    def today(self) -> date:
        """The meeting's day (in its own time zone): what 'overdue' is measured against here."""
        return epoch_in_meeting_zone(self.live.now(), self.live.meeting.scheduled_start).date()

    def say(self, text: str) -> None:
        tell(self.message, text)  # shown in the panel and said, the keyboard staying where it was

    def remember_refusal(self, message: str) -> None:
        self._refusal = message

    def command(self, type_: str, **payload: Any) -> Event | None:
        """Send a command; a refusal is shown in this recorder's message line (the console shows its own)."""
        self._refusal = ""
        heard: list[str] = []
        catch = heard.append  # the refusal of this very command, whoever else listens to the bridge
        self.bridge.refused.connect(catch)
        try:
            event = self.bridge.command(type_, **payload)
        finally:
            self.bridge.refused.disconnect(catch)
        if event is None:
            tell(self.message, f"Not recorded: {heard[-1] if heard else self._refusal}")
        return event
