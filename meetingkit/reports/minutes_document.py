"""The one minutes context (DESIGN §5): the meeting and its series turned into the blocks every edition lays
out — PDF, Word and HTML say the same sections in the same order."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from meetingkit.models.meeting import Action, Attendee, Feedback
from meetingkit.models.pulse import with_airtime
from meetingkit.models.redaction import PeopleNames
from meetingkit.models.review_text import percent
from meetingkit.models.session import LiveMeeting
from meetingkit.models.summary import MeetingSummary
from meetingkit.reports.minutes_actions import action_sections
from meetingkit.reports.minutes_blocks import Block, Heading, MinutesDoc, Para
from meetingkit.reports.minutes_figures import participation_section, timing_section
from meetingkit.reports.minutes_meeting import meeting_sections
from meetingkit.reports.minutes_story import MinutesContext
from meetingkit.reports.report_text import long_date, markup, one_line

DRAFT_MARK = "DRAFT — not yet approved"


def build_minutes(
    live: LiveMeeting,
    *,
    meeting_id: int | None = None,
    prior_actions: Sequence[Action] = (),
    since: float | None = None,
    redacted: bool = False,
    participation: bool = True,
    prior_feedback: Sequence[Feedback] = (),
    others: Sequence[Attendee] = (),
    also: Sequence[str] = (),
    altered: str | None = None,
    next_meeting: datetime | None = None,
) -> MinutesDoc:
    """The minutes of `live` as blocks.

    prior_actions: the series' actions agreed at earlier meetings, each with all its updates.
    since: when the previous meeting of the series took place; earlier updates are left out of the record of
    actions taken (None: all of them).
    prior_feedback: feedback given at earlier meetings of the series ("you said, we did").
    redacted: people as initials and role, and the names it knows scrubbed from all text (DESIGN §5): this
    meeting's people, `others` (people of the series' other meetings, whose names the carried text may hold),
    names after a title such as Dr, and `also` (words the secretary marked to be replaced too).
    altered: the words saying the stored record was changed outside MeetingKit (shown first), if it was.
    next_meeting: when the next meeting of the series is planned (None: not yet).
    """
    summary = MeetingSummary.of(live, meeting_id)
    ctx = MinutesContext(
        live=live,
        summary=summary,
        names=PeopleNames(live.meeting.people, redacted, others=others, also=also),
        prior_actions=list(prior_actions),
        prior_feedback=list(prior_feedback),
        since=since,
        meeting_id=meeting_id,
    )
    blocks: list[Block] = [Para(f"⚠ {markup(altered)}.", "body")] if altered else []
    blocks += _heading(ctx)
    blocks += meeting_sections(ctx)
    blocks += action_sections(ctx)
    if participation:
        blocks += participation_section(ctx)
    blocks += timing_section(ctx)
    blocks += [ctx.section("Date of the next meeting"), _next_meeting(ctx, next_meeting)]
    m = live.meeting
    title = one_line(ctx.names.text(m.title))
    series = one_line(ctx.names.text(m.series))
    when = long_date(m.scheduled_start)
    edition = "Redacted edition" if redacted else "Minutes"
    return MinutesDoc(
        title=f"Minutes: {title}",
        subject=f"Minutes of {series or title}, {when}" + (" (redacted edition)" if redacted else ""),
        header=f"{edition} · {when}",
        status_mark="" if live.approval is not None else DRAFT_MARK,
        redacted=redacted,
        blocks=blocks,
    )


def status_text(ctx: MinutesContext) -> str:
    """'Draft — not yet approved', or where and when the minutes were approved, with any amendments."""
    approval = ctx.live.approval
    if approval is None:
        return "<b>Draft</b> — not yet approved"
    if approval.meeting_start:
        text = f"Approved at the meeting of {long_date(datetime.fromisoformat(approval.meeting_start))}"
    else:
        text = f"Approved on {ctx.day(approval.at)} (outside a meeting)"
    if approval.amendments:
        text += f", with these amendments: {ctx.say(approval.amendments)}"
    return f"<b>{text}</b>" if not approval.amendments else text


def _next_meeting(ctx: MinutesContext, when: datetime | None) -> Para:
    if when is None:
        return ctx.none("Not yet arranged.")
    tz = ctx.live.meeting.scheduled_start.tzinfo
    local = when.astimezone(tz)
    return Para(f"{long_date(local)} at {local:%H:%M}", "body")


def _heading(ctx: MinutesContext) -> list[Block]:
    m = ctx.live.meeting
    rows = []
    if m.series.strip():
        rows.append(("Series", ctx.say(m.series)))
    rows.append(("Date", long_date(m.scheduled_start)))
    rows.append(("Time", ctx.meeting_hours()))
    rows.append(("Venue", ctx.say(m.venue) if m.venue.strip() else "Not recorded"))
    rows.append(("Status", status_text(ctx)))
    p = ctx.summary.participation
    if p.main_s > 0:
        # the figure representatives most need, on the first page rather than the last
        rows.append(
            (
                "Patient and public voice",
                with_airtime(
                    f"Representatives spoke for <b>{percent(p.patient_voice_share)}</b> of the main discussion "
                    f"({percent(p.patient_voice_share_with_break)} with the feedback break)",
                    ctx.summary.pulse,
                ),
            )
        )
    if ctx.names.redacted:
        rows.append(("Edition", "Redacted: people are shown by their initials and role."))
    return [
        Heading(ctx.say(m.title), 0),
        Para("Minutes of the meeting", "subtitle"),
        ctx.facts(rows, label_width=40),
    ]
