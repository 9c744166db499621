"""What every section of the minutes shares: the meeting, its figures, how people are named, and the building blocks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import tzinfo

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, LongTable, Paragraph, Table

from meetingkit.models.meeting import BREAK, Action, ActionUpdate, Feedback
from meetingkit.models.redaction import PeopleNames
from meetingkit.models.session import LiveMeeting, from_epoch
from meetingkit.models.summary import MeetingSummary
from meetingkit.reports.report_text import clock_time, markup, short_date
from meetingkit.reports.styles import MinutesStyles, facts_style, grid_style

STATUS_LABELS = {"open": "Open", "in_progress": "In progress", "done": "Done", "dropped": "Dropped"}
BREAK_TITLE = "Patient and public feedback break"


class CellParagraph(Paragraph):
    """A table cell's Paragraph that lays its lines out once per width.

    A Table wraps every cell when it measures its rows and again when it draws them (and again after each
    split); breaking the same lines over and over was most of the time a long set of minutes took.
    """

    _wrapped_for: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped_for == availWidth and "blPara" in self.__dict__:
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_for = availWidth
        return size


@dataclass
class MinutesContext:
    live: LiveMeeting
    summary: MeetingSummary
    names: PeopleNames
    styles: MinutesStyles
    width: float
    prior_actions: list[Action] = field(default_factory=list)
    prior_feedback: list[Feedback] = field(default_factory=list)
    since: float | None = None
    meeting_id: int | None = None
    sections: int = 0
    section_numbers: dict[str, int] = field(default_factory=dict)

    # ---- text -------------------------------------------------------------------------------------------

    @property
    def tz(self) -> tzinfo | None:
        return self.live.meeting.scheduled_start.tzinfo

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
        found: dict[tuple[str, str, str, float], ActionUpdate] = {}
        prior = next((a for a in self.prior_actions if a.key == key), None)
        own = self.live.actions.get(key)
        for u in [*(prior.updates if prior else []), *(own.updates if own else []), *self.live.updates]:
            if u.action == key:
                found.setdefault(update_key(u), u)
        return sorted(found.values(), key=lambda u: u.at)

    def due(self, action: Action) -> str:
        return short_date(action.due) if action.due else "—"

    # ---- blocks -----------------------------------------------------------------------------------------

    def section(self, title: str, key: str | None = None) -> Paragraph:
        self.sections += 1
        if key:
            self.section_numbers[key] = self.sections
        return Paragraph(f"{self.sections}. {markup(title)}", self.styles.section)

    def sub(self, title: str) -> Paragraph:
        return Paragraph(title, self.styles.subsection)

    def none(self, text: str = "None.") -> Paragraph:
        return Paragraph(text, self.styles.empty)

    def para(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(text, getattr(self.styles, style))

    def table(
        self,
        head: Sequence[str],
        rows: Iterable[Sequence[str]],
        widths: Sequence[float],
        right: Iterable[int] = (),
    ) -> Table:
        """A table of markup cells that wraps long text, repeats its header and splits even inside a row."""
        st = self.styles
        right_cols = set(right)
        data: list[list[Paragraph]] = [
            [
                CellParagraph(h, st.cell_head_right if i in right_cols else st.cell_head)
                for i, h in enumerate(head)
            ]
        ]
        for row in rows:
            data.append(
                [CellParagraph(c, st.cell_right if i in right_cols else st.cell) for i, c in enumerate(row)]
            )
        total = sum(widths)
        # LongTable stops measuring rows once a page is full, so a table of hundreds of rows stays linear.
        table = LongTable(
            data,
            colWidths=[self.width * w / total for w in widths],
            repeatRows=1,
            splitInRow=1,
            hAlign="LEFT",
        )
        table.setStyle(grid_style(len(data)))
        return table

    def facts(self, rows: Sequence[tuple[str, str]], label_width: float = 26 * mm) -> Table:
        """Label / value lines without rules (the heading, the timing summary)."""
        st = self.styles
        data = [[Paragraph(f"<b>{label}</b>", st.body), Paragraph(value, st.body)] for label, value in rows]
        table = Table(data, colWidths=[label_width, self.width - label_width], hAlign="LEFT", splitInRow=1)
        table.setStyle(facts_style())
        return table

    def entry(self, text: str) -> Flowable:
        return Paragraph(text, self.styles.entry)


def update_key(u: ActionUpdate) -> tuple[str, str, str, float]:
    # The same update can come from the store (prior_actions) and from the engine (live.updates).
    return (u.action, u.status, u.note, round(u.at, 3))
