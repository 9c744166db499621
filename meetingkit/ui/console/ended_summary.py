"""The words the chair sees once the meeting has ended: its length, how it kept to time, and whose voices
were heard."""

from __future__ import annotations

from meetingkit.models.review_text import minutes_text, percent, round_minutes
from meetingkit.models.session import LiveMeeting, format_clock
from meetingkit.ui.console.timer_faces import local_time

PAUSES_WORTH_SAYING_S = 30  # shorter pauses do not change the length the minutes give
NOT_HEARD_NAMED = 4  # the summary bar names this many of those not heard; the review lists them all


def ended_summary(live: LiveMeeting) -> str:
    timing = live.timing()
    over = timing.over_s or 0.0
    minutes = round_minutes(abs(over))
    when = "on time" if minutes == 0 else f"over by {minutes} min" if over > 0 else f"{minutes} min early"
    part = live.participation()
    voice = f"Patient and public voice: {percent(part.patient_voice_share)} of the main discussion (outside the feedback break)."
    names = part.not_heard[:NOT_HEARD_NAMED]
    more = len(part.not_heard) - len(names)
    unheard = f" Not heard: {', '.join(names)}{f' and {more} more' if more else ''}." if names else ""
    end_at = live.ended_at or live.now()
    # The minutes give the length from start to end; the meeting clock leaves pauses out. Say which is which.
    total = end_at - (live.started_at or end_at)
    length = f"{minutes_text(total)} from start to end"
    if total - live.elapsed() >= PAUSES_WORTH_SAYING_S:
        # The clock's own figure, as the console shows it: rounding both to the minute could make them equal.
        length += f" ({format_clock(live.elapsed())} on the meeting clock, pauses left out)"
    return f"Meeting ended at {local_time(live, end_at)}: {length}, {when}.{_left_out(live)} {voice}{unheard}"


def _left_out(live: LiveMeeting) -> str:
    """What the meeting did not reach (and what the chair deferred): 'on time' alone would hide it."""
    skipped, deferred = left_out(live)
    words = f" Not reached: {', '.join(skipped)}." if skipped else ""
    return words + (f" Deferred: {', '.join(deferred)}." if deferred else "")


def left_out(live: LiveMeeting) -> tuple[list[str], list[str]]:
    """(titles of items never reached, titles of items the chair deferred)."""
    not_reached = [t for t in live.timing().items if t.status == "not_reached"]
    skipped = [t.title for t in not_reached if live.items[t.key].status != "deferred"]
    deferred = [t.title for t in not_reached if live.items[t.key].status == "deferred"]
    return skipped, deferred


def summary_kind(live: LiveMeeting) -> str:
    """The summary bar's colour: green only when every item was reached and the break not skipped."""
    skipped, _ = left_out(live)
    return "notice" if skipped or live.brk.status == "skipped" else "ok"
