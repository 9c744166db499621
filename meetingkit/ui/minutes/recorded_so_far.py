"""The line under the secretary's forms: what has been recorded for the item under way, and after the meeting
every decision and action it recorded."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from meetingkit.models.meeting import BREAK, Action
from meetingkit.models.review_text import plural
from meetingkit.models.session import LiveMeeting
from meetingkit.ui.common.accessibility import ValueLabel
from meetingkit.ui.common.actions_model import day_text


class RecordedSoFar(ValueLabel):
    """Plain, selectable text, so that a decision's words can be copied from it."""

    def __init__(self, name: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self.setAccessibleName("Recorded for this item")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def show_for(self, live: LiveMeeting, place: str | None) -> None:
        """What is recorded for `place` (the item, break or meeting the notes are for); after the end, all."""
        if live.status == "ended":
            self.setText(self._meeting_record(live))
            return
        lines = [
            f"• Declaration of interest by {self._name(d.who)}: {d.text}"
            for d in live.declarations
            if d.item == place
        ]
        lines += [f"• Decision: {d.text}" for d in live.decisions if d.item == place]
        for a in live.actions.values():
            if a.item == place:
                lines.append(f"• Action {a.key} ({self._action_meta(a)}): {a.text}")
        head = f"Recorded for {self._place_title(live, place)}:"
        self.setText("\n".join([head, *lines]) if lines else f"{head} no decisions or actions yet.")

    def _meeting_record(self, live: LiveMeeting) -> str:
        """After the meeting: every decision and action it recorded, each with the item it came under."""
        lines = [
            f"• Declaration of interest ({self._where(live, d.item)}) by {self._name(d.who)}: {d.text}"
            for d in live.declarations
        ]
        lines += [f"• Decision ({self._where(live, d.item)}): {d.text}" for d in live.decisions]
        lines += [
            f"• Action {a.key} ({self._where(live, a.item)}; {self._action_meta(a)}): {a.text}"
            for a in live.actions.values()
        ]
        if not lines:
            return "Recorded in the meeting: no decisions or actions."
        counts = f"{plural(len(live.decisions), 'decision')}, {plural(len(live.actions), 'action')}"
        if live.declarations:
            counts += f", {plural(len(live.declarations), 'declaration')} of interest"
        return "\n".join([f"Recorded in the meeting ({counts}):", *lines])

    @staticmethod
    def _place_title(live: LiveMeeting, place: str | None) -> str:
        if place == BREAK:
            return "the feedback break"
        if place is None:
            return "the meeting"
        return f"'{live.meeting.item(place).title}'"

    @staticmethod
    def _where(live: LiveMeeting, place: str | None) -> str:
        if place == BREAK:
            return "feedback break"
        return live.meeting.item(place).title if place else "the meeting as a whole"

    def _action_meta(self, a: Action) -> str:
        owner = self._name(a.owner) if a.owner else "no owner"
        due = f", due {day_text(a.due)}" if a.due else ""
        source = ", from patient feedback" if a.source == "patient_feedback" else ""
        return f"{owner}{due}{source}"
