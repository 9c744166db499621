"""The status line at the foot of the console: what the last command did ("Done: …") or why it was not
done ("Not done: …")."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from meetingkit.models.session import Event, LiveMeeting
from meetingkit.ui.console.notice_bars import NoticeBar


def describe_event(live: LiveMeeting, event: Event) -> str | None:
    """The status line's words for an accepted chair command (None: not the chair's, leave the line alone)."""
    p = event.payload

    def name(key: str | None) -> str:
        return live.meeting.person(key).name if key else ""

    t = event.type
    if t == "start_meeting":
        return f"Meeting started: {item_title(live)}"
    if t == "speak":
        return f"{name(p.get('who'))} has the floor"
    if t == "interject":
        return f"{name(p.get('who'))} interjects; {name(live.held.speech.who) if live.held else 'the speaker'} waits"
    if t == "stop_speaking":
        return f"{live.speaker_timer().name} continues" if live.turn else "Nobody has the floor"
    if t == "queue":
        return f"{name(p.get('who'))} is #{live.queue.index(p['who']) + 1} in the queue"
    if t == "unqueue":
        return f"{name(p.get('who'))} is out of the queue"
    if t == "extend":
        return f"{live.speaker_timer().name}: {int(p.get('seconds', 0)) // 60 or 1} min more"
    if t in ("next_item", "start_item", "end_break", "start_break"):
        return f"Now: {item_title(live)}"
    simple = {
        "pause": "Meeting paused: every clock has stopped (P resumes)",
        "resume": "Meeting resumed",
        "postpone_break": "Feedback break postponed to after the next item",
        "rebalance": "New timings accepted",
        "end_meeting": "Meeting ended",
    }
    if t in simple:
        return simple[t]
    if t == "skip_break":
        return f"Feedback break skipped: {p.get('reason', '')}"
    if t in ("arrive", "leave"):
        return f"{name(p.get('who'))} {'arrived' if t == 'arrive' else 'left'}"
    return None


def item_title(live: LiveMeeting) -> str:
    if live.brk.status == "running":
        return "Feedback break"
    return live.meeting.item(live.current).title if live.current else "no item under way"


class StatusLine(NoticeBar):
    """One line, always shown: green for what was done, red for what was refused."""

    def __init__(self, parent: QWidget | None = None) -> None:
        # 16 px: a refusal with its reason fits one line of a 1366 px laptop's column.
        super().__init__("ok", "Status", parent=parent, px=16)
        self.text.setText("Ready")

    def done(self, words: str) -> None:
        self.show_text(f"Done: {words}", "ok")

    def not_done(self, words: str) -> None:
        self.show_text(f"Not done: {words}", "refused")

    def show_event(self, live: LiveMeeting, event: Event) -> None:
        """Say what an accepted command did; events that are not the chair's leave the line as it was."""
        words = describe_event(live, event)
        if words:
            self.done(words)
