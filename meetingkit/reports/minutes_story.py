"""What every section of the minutes shares: the meeting, its figures, how people are named, and the building blocks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import tzinfo

from meetingkit.models.meeting import BREAK, Action, ActionUpdate, Feedback
from meetingkit.models.redaction import PeopleNames
from meetingkit.models.session import LiveMeeting, from_epoch
from meetingkit.models.summary import MeetingSummary
from meetingkit.models.you_said_we_did import updates_of
from meetingkit.reports.minutes_blocks import Facts, Heading, Para, TableBlock
from meetingkit.reports.report_text import clock_time, markup, short_date

STATUS_LABELS = {"open": "Open", "in_progress": "In progress", "done": "Done", "dropped": "Dropped"}
BREAK_TITLE = "Patient and public feedback break"


@dataclass
class MinutesContext:
    live: LiveMeeting
    summary: MeetingSummary
    names: PeopleNames
    prior_actions: list[Action] = field(default_factory=list)
    prior_feedback: list[Feedback] = field(default_factory=list)
    since: float | None = None
    meeting_id: int | None = None
    sections: int = 0
    section_numbers: dict[str, int] = field(default_factory=dict)

    # ---- text -------------------------------------------------------------------------------------------

    @property
    def tz(self) -> tzinfo | None:
        return self.live.meeting.zone

    def say(self, text: str) -> str:
        """User text as safe markup (and without names, in the redacted edition)."""
        return markup(self.names.text(text))

    def who(self, key: str) -> str:
        return markup(self.names.who(key))

    def owner(self, owner: str) -> str:
        return markup(self.names.owner(owner)) if owner else "Not given"

    def clock(self, epoch: float) -> str:
        return clock_time(epoch, self.tz)

    def day(self, epoch: float) -> str:
        return short_date(from_epoch(epoch).astimezone(self.tz))

    def span(self, start: float | None, end: float | None) -> str:
        if start is None:
            return ""
        return f"{self.clock(start)}–{self.clock(end)}" if end is not None else f"from {self.clock(start)}"

    def meeting_hours(self) -> str:
        live = self.live
        scheduled = f"{self.clock(live.scheduled_start)}–{self.clock(live.scheduled_end)}"
        if live.started_at is None:
            return f"Scheduled {scheduled}; not started"
        held = self.span(live.started_at, live.ended_at)
        return f"{held} (scheduled {scheduled})"

    def item_title(self, key: str | None) -> str:
        if key is None:
            return "Between items"
        if key == BREAK:
            return BREAK_TITLE
        m = self.live.meeting
        return f"{m.item_index(key) + 1}. {self.say(m.item(key).title)}"

    def action_status(self, action: Action) -> str:
        """Where the action stands now: its latest update, whether reported earlier or at this meeting."""
        latest = max(self.updates_of(action.key), key=lambda u: u.at, default=None)
        return latest.status if latest is not None else action.status

    def updates_of(self, key: str) -> list[ActionUpdate]:
        return updates_of(key, self.live, self.prior_actions)

    def due(self, action: Action) -> str:
        return short_date(action.due) if action.due else "—"

    # ---- blocks -----------------------------------------------------------------------------------------

    def section(self, title: str, key: str | None = None) -> Heading:
        self.sections += 1
        if key:
            self.section_numbers[key] = self.sections
        return Heading(f"{self.sections}. {markup(title)}", 1)

    def sub(self, title: str) -> Heading:
        return Heading(title, 3)

    def none(self, text: str = "None.") -> Para:
        return Para(text, "empty")

    def para(self, text: str, style: str = "body") -> Heading | Para:
        return Heading(text, 2) if style == "item" else Para(text, style)

    def table(
        self,
        head: Sequence[str],
        rows: Iterable[Sequence[str]],
        widths: Sequence[float],
        right: Iterable[int] = (),
    ) -> TableBlock:
        """A table of markup cells: every edition gives it a header row and lets long text wrap."""
        return TableBlock(list(head), [list(r) for r in rows], list(widths), set(right))

    def facts(self, rows: Sequence[tuple[str, str]], label_width: float = 26.0) -> Facts:
        """Label / value lines without rules (the heading, the timing summary); label_width in mm."""
        return Facts(list(rows), label_width)

    def entry(self, text: str) -> Para:
        return Para(text, "entry")
