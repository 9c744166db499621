"""Plain-English sentences for the participation review: what each figure of DESIGN §3 means, in one line."""

from __future__ import annotations

import math
from collections.abc import Sequence

# Gini bands: where words change. Chosen so that a typical well-chaired board (0.2-0.3) reads as "fairly
# evenly" and a meeting where two of ten people held the floor (about 0.6) reads as "a few people".
EVEN_BELOW = 0.2
FAIRLY_EVEN_BELOW = 0.35
UNEVEN_BELOW = 0.5

BREAK_STATUS_WORDS = {
    "taken": "held",
    "running": "under way",
    "pending": "still to come",
    "skipped": "skipped",
    "not_held": "not held",
    "disabled": "not planned",
}


def percent(share: float, decimals: int = 1) -> str:
    """A share 0..1 as a percentage, the one way every view and edition says it: rounded half up to one
    decimal, a whole figure without its '.0' ('2.1%', '20%'); a small non-zero share never reads as 0%."""
    scale = 10**decimals
    pct = share * 100.0
    if 0 < pct < 0.5 / scale:
        return f"less than {1 / scale:g}%"
    rounded = math.floor(pct * scale + 0.5 + 1e-9) / scale
    text = f"{rounded:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}%"


def round_minutes(seconds: float) -> int:
    """Meeting time to the whole minute, half up (never Python's half-to-even): the one rounding of durations."""
    return int(math.floor(max(0.0, seconds) / 60.0 + 0.5))


def minutes_text(seconds: float) -> str:
    """A stretch of meeting time to the minute: '12 min', '1 h 05 min', 'under 1 min' (app and minutes alike)."""
    seconds = max(0.0, seconds)
    minutes = round_minutes(seconds)
    if minutes == 0:
        return "under 1 min" if seconds > 0 else "0 min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def clock_text(seconds: float) -> str:
    """Speaking time as m:ss (h:mm:ss past an hour), rounded to the second."""
    s = int(round(max(0.0, seconds)))
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


def airtime(seconds: float) -> str:
    """Speaking time to the second: '45 s', '15 min 06 s', '1 h 02 min 05 s' (the app and the minutes alike)."""
    s = int(round(max(0.0, seconds)))
    hours, rest = divmod(s, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min {secs:02d} s"
    if minutes:
        return f"{minutes} min {secs:02d} s"
    return f"{secs} s"


def join_names(names: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def patient_voice_line(share: float, main_s: float, reps_present: bool, break_status: str) -> str:
    """The headline: how much of the main discussion (the break left out) was the patient and public voice."""
    if main_s <= 0:
        return "No discussion has been timed yet."
    if not reps_present and share <= 0:
        return "No patient or public representative was in the room, so their voice was not heard."
    where = (
        "the discussion outside the feedback break"
        if break_status in ("taken", "running")
        else "the main discussion"
    )
    if share <= 0:
        return f"Representatives did not speak in {where}."
    return f"Representatives spoke for {percent(share)} of {where}."


def patient_voice_with_break_line(share_with_break: float, total_s: float, break_status: str) -> str:
    """The same share with the feedback break counted in."""
    if total_s <= 0:
        return "No discussion has been timed yet."
    if break_status not in ("taken", "running"):
        return (
            f"There was no feedback break to add: {percent(share_with_break)} of all speaking time "
            "was the patient and public voice."
        )
    return f"Counting the feedback break, representatives spoke for {percent(share_with_break)} of all speaking time."


def balance_words(gini: float, total_s: float) -> str:
    """The Gini figure in words (0 = everyone had the same time, towards 1 = one person had it all)."""
    if total_s <= 0:
        return "Nobody has spoken yet."
    if gini < EVEN_BELOW:
        return "Talk was shared evenly."
    if gini < FAIRLY_EVEN_BELOW:
        return "Talk was shared fairly evenly."
    if gini < UNEVEN_BELOW:
        return "Some people did much more of the talking than others."
    return "A few people did most of the talking."


def balance_line(gini: float, total_s: float) -> str:
    """Balance with its figure, for the summary."""
    words = balance_words(gini, total_s)
    if total_s <= 0:
        return words
    return f"{words} (balance figure {gini:.2f}: 0 is perfectly even, 1 is one person doing all the talking)"


def not_heard_line(names: Sequence[str], present_count: int) -> str:
    if present_count == 0:
        return "Nobody is recorded as present."
    if not names:
        return "Everyone present was heard in the main discussion."
    who = join_names(names)
    verb = "was" if len(names) == 1 else "were"
    return f"{plural(len(names), 'person', 'people')} present {verb} not heard in the main discussion: {who}."


def items_without_voice_line(titles: Sequence[str]) -> str:
    if not titles:
        return "A representative spoke in every item that had discussion."
    return f"No representative spoke in {plural(len(titles), 'item')}: {join_names(titles)}."


def coverage_line(expected: Sequence[str], missing: Sequence[str]) -> str:
    """Whole-system coverage: the expected sectors in the room, and the missing ones named."""
    n_expected = len(expected)
    n_here = n_expected - len(missing)
    if n_expected == 0:
        return "This series expects no particular sectors."
    if not missing:
        return f"All {n_expected} expected sectors were in the room."
    return f"{n_here} of {n_expected} expected sectors were in the room; missing: {join_names(missing)}."


def interjections_line(people: Sequence[tuple[str, int]]) -> str:
    """Who interjected most; `people` pairs each name with the interjections they made."""
    made = [(n, c) for n, c in people if c > 0]
    if not made:
        return "Nobody interjected."
    total = sum(c for _, c in made)
    if total == 1:
        return f"1 interjection in all, by {made[0][0]}."
    top = max(c for _, c in made)
    leaders = [n for n, c in made if c == top]
    return (
        f"{plural(total, 'interjection')} in all; most often {join_names(leaders)} "
        f"({times(top)}{' each' if len(leaders) > 1 else ''})."
    )


def times(n: int) -> str:
    """'once', 'twice', '3 times'."""
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def over_under_words(over_s: float | None) -> str:
    """Minutes over or under the scheduled end ('still running' before the meeting ends)."""
    if over_s is None:
        return "not finished"
    minutes = int(round(abs(over_s) / 60.0))
    if minutes == 0:
        return "on time"
    return f"{minutes} min {'over' if over_s > 0 else 'under'}"


def break_words(status: str, skip_reason: str | None = None) -> str:
    words = BREAK_STATUS_WORDS.get(status, status)
    if status == "skipped" and skip_reason:
        return f"skipped ({skip_reason})"
    return words


def live_voice_line(share: float, main_s: float) -> str:
    """For the chair during the meeting."""
    if main_s <= 0:
        return "Patient and public voice so far: nothing timed yet"
    return f"Patient and public voice so far: {percent(share)} of the discussion"


def should_prompt(share: float, target: float | None, elapsed_s: float, planned_s: float) -> bool:
    """Whether to nudge the chair: a target is set, a third of the planned time has gone, the share is below it."""
    if target is None or target <= 0 or planned_s <= 0:
        return False
    return elapsed_s >= planned_s / 3.0 and share < target


def voice_prompt(share: float, target: float) -> str:
    """The gentle prompt's words (never an alarm: the chair decides)."""
    return (
        f"Patient and public voice is at {percent(share)} so far, below the {percent(target)} this series "
        "aims for. You might invite the representatives to come in on the next item."
    )


def turn_line(
    name: str,
    role: str,
    seconds: float,
    span: str,
    where: str,
    interjection: bool = False,
    interrupted: str | None = None,
) -> str:
    """One turn of the timeline in words: who, for how long, when, during what."""
    kind = "interjected" if interjection else "spoke"
    on = f" while {interrupted} had the floor" if interjection and interrupted else ""
    return f"{name} ({role}) {kind} for {airtime(seconds)}{on}, {span}, {where}."
