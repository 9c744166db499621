"""The summary for patient and public representatives (DESIGN §5 "For representatives") as plain data: sections
of plain sentences, no markup and no Qt, so that any edition can lay it out and a test can read it.

Every figure is the one the review window and the minutes show (`MeetingSummary`, `review_text.percent`,
`review_text.airtime`, `review_text.minutes_text`), and "what became of your feedback" is the minutes' own
"you said, we did" list (`you_said_we_did`). Issue 17's "Were you heard?" answers are a section of their own,
keyed `PULSE_KEY`, after the section on how long representatives spoke, in the words of `models.pulse`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from meetingkit.models.meeting import BREAK, ROLE_LABELS, Action, DomainError, Feedback
from meetingkit.models.pulse import plain_words
from meetingkit.models.review_text import (
    airtime,
    balance_words,
    join_names,
    minutes_text,
    percent,
    plural,
)
from meetingkit.models.session import LiveMeeting
from meetingkit.models.summary import MeetingSummary
from meetingkit.models.timers import from_epoch
from meetingkit.models.you_said_we_did import SaidAndDone, you_said_we_did

TITLE = "Summary for patient and public representatives"
VOICE_KEY = "voice"
PULSE_KEY = "heard"  # issue 17: "Were you heard?", after VOICE_KEY
STILL_RUNNING = "The meeting is still running: these are the figures so far, not the final ones."
STATUS_WORDS = {"open": "open", "in_progress": "in progress", "done": "done", "dropped": "dropped"}
NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


@dataclass
class SummarySection:
    key: str
    heading: str
    lines: list[str] = field(default_factory=list)  # paragraphs, plain text
    points: list[str] = field(default_factory=list)  # a list under the paragraphs, plain text
    more: str = ""  # said after the points when some were left out to keep to two pages


@dataclass
class RepresentativesSummary:
    meeting_title: str
    when: str  # "Tuesday 6 October 2026, 14:00–15:27"
    venue: str
    draft: str  # "" for an ended meeting; else why the figures are not final (shown on every page)
    altered: str  # "" unless the record was changed outside MeetingKit
    sections: list[SummarySection]

    def section(self, key: str) -> SummarySection:
        return next(s for s in self.sections if s.key == key)

    def shortened(self, most: Mapping[str, int]) -> RepresentativesSummary:
        """The same summary with the lists of the sections named in `most` cut to that many points, each
        saying how many more there are and where they all are (the minutes): so that it keeps to two pages."""
        cut = []
        for s in self.sections:
            keep = most.get(s.key)
            if keep is None or len(s.points) <= keep:
                cut.append(s)
                continue
            more = f"…and {len(s.points) - keep} more: the minutes list them all."
            cut.append(SummarySection(s.key, s.heading, list(s.lines), s.points[:keep], more))
        return RepresentativesSummary(
            self.meeting_title, self.when, self.venue, self.draft, self.altered, cut
        )

    def text(self) -> str:
        """Every word of the summary, in order (for tests and a plain-text reader)."""
        out = [TITLE, self.meeting_title, self.when, self.venue, self.draft, self.altered]
        for s in self.sections:
            out += [s.heading, *s.lines, *s.points, s.more]
        return "\n".join(t for t in out if t)


def representatives_summary(
    live: LiveMeeting,
    prior_actions: Sequence[Action] = (),
    prior_feedback: Sequence[Feedback] = (),
    *,
    meeting_id: int | None = None,
    altered: str | None = None,
    now: float | None = None,
) -> RepresentativesSummary:
    """The summary of `live` (ended, or running: then the figures so far); refused before the meeting starts.

    prior_actions, prior_feedback: the series' earlier actions and feedback, as the minutes take them."""
    if live.started_at is None:
        raise DomainError("This meeting has not started yet: there is nothing to summarise.")
    figures = MeetingSummary.of(live, meeting_id, now)
    m = live.meeting
    names = {p.key: p.name for p in m.people}
    sections = [
        _voice(live, figures, names),
        SummarySection(PULSE_KEY, "Were you heard?", *plain_words(figures.pulse)),  # beside the airtime
        _items(live, figures),
        _not_heard(live, figures),
        _balance(live, figures),
        _feedback(you_said_we_did(live, prior_actions, prior_feedback), names, m.zone),
    ]
    return RepresentativesSummary(
        meeting_title=m.title,
        when=_when(live),
        venue=m.venue,
        draft=STILL_RUNNING if live.status != "ended" else "",
        altered=f"⚠ {altered}." if altered else "",
        sections=sections,
    )


# ---- how long representatives spoke ----------------------------------------------------------------------


def reps_present(live: LiveMeeting) -> list[str]:
    """Keys of the representatives present (attendance `present`, or arrived)."""
    return [p.key for p in live.present_people() if p.is_public_voice]


def in_words(share: float) -> str:
    """A share said as minutes: 'about 1 minute in every 7', 'about 3 minutes in every 10', 'none of it'."""
    if share <= 0:
        return "none of it"
    if share >= 0.95:
        return "almost all of it"
    if share >= 0.15:
        return f"about {round(share * 10)} minutes in every 10"
    every = round(1 / share)
    return f"about 1 minute in every {every}" if every <= 100 else "less than 1 minute in every 100"


def _voice(live: LiveMeeting, s: MeetingSummary, names: dict[str, str]) -> SummarySection:
    p = s.participation
    section = SummarySection(VOICE_KEY, "How long representatives spoke")
    reps = reps_present(live)
    if not reps:
        section.lines.append(
            "No patient or public representative was recorded as present at this meeting, so there was no "
            "patient or public voice in the room."
        )
        section.lines.append(_break_line(live, s, with_reps=False))
        return section
    if p.main_s <= 0:
        section.lines.append("Nobody has spoken yet outside the feedback break.")
    elif p.public_main_s <= 0:
        section.lines.append(
            f"Representatives did not speak in the main discussion ({minutes_text(p.main_s)} of discussion, "
            "the feedback break left out)."
        )
    else:
        section.lines.append(
            f"In the main discussion (everything but the feedback break), representatives spoke for "
            f"{airtime(p.public_main_s)} of {minutes_text(p.main_s)}: {percent(p.patient_voice_share)} of the "
            f"time, {in_words(p.patient_voice_share)}."
        )
    target = live.meeting.patient_voice_target
    if target and p.main_s > 0:
        side = "above" if p.patient_voice_share >= target else "below"
        section.lines.append(f"This series aims for at least {percent(target)}: this meeting was {side} it.")
    section.lines.append(_break_line(live, s, with_reps=True))
    if p.total_s > 0 and s.brk.status in ("taken", "running"):
        section.lines.append(
            f"Counting the break, representatives spoke for {percent(p.patient_voice_share_with_break)} of all "
            "speaking time."
        )
    for key in reps:
        f = p.person(key) if any(x.key == key for x in p.people) else None
        main = f.main_seconds if f else 0.0
        in_break = (f.seconds - f.main_seconds) if f else 0.0
        said = (
            "did not speak in the main discussion" if main <= 0 else f"{airtime(main)} in the main discussion"
        )
        if s.brk.status in ("taken", "running"):
            said += f", {airtime(in_break)} in the feedback break" if in_break > 0 else ", not in the break"
        section.points.append(f"{names.get(key, key)}: {said}.")
    return section


def _break_line(live: LiveMeeting, s: MeetingSummary, with_reps: bool) -> str:
    b = s.brk
    p = s.participation
    break_s = round(p.public_total_s - p.public_main_s, 3)
    if b.status in ("taken", "running"):
        start = live.brk.started_at
        end = live.brk.ended_at
        span = _clock(start, live) + (f"–{_clock(end, live)}" if end is not None else " onwards")
        lasted = f"{minutes_text(b.duration_s)}" + (", still under way" if b.status == "running" else "")
        if not with_reps:
            return f"The feedback break ran {span} ({lasted})."
        return (
            f"The feedback break ran {span} ({lasted}); representatives spoke in it for {airtime(break_s)}."
            if break_s > 0
            else f"The feedback break ran {span} ({lasted}); representatives did not speak in it."
        )
    if b.status == "skipped":
        return f"The feedback break was skipped. The reason given: {b.skip_reason or 'none recorded'}."
    if b.status == "pending":
        return "The feedback break has not happened yet."
    if b.status == "disabled":
        return "No feedback break was planned for this meeting."
    return "The feedback break was not held."


# ---- items, people, balance -------------------------------------------------------------------------------


def _items(live: LiveMeeting, s: MeetingSummary) -> SummarySection:
    section = SummarySection("items", "Items with no patient or public voice")
    titles = {it.key: it.title for it in live.meeting.agenda}
    discussed = [it.key for it in live.meeting.agenda if it.key in {t.item for t in live.speeches}]
    silent = [k for k in s.participation.items_without_public_voice if k != BREAK]
    if not discussed:
        section.lines.append("No item has had any discussion yet.")
    elif not reps_present(live):
        section.lines.append(
            f"With no representative present, none of the {plural(len(discussed), 'item')} discussed had a "
            "patient or public voice."
        )
    elif not silent:
        section.lines.append(
            f"A representative spoke in every item discussed ({plural(len(discussed), 'item')})."
        )
    else:
        some = f"{len(silent)} of the" if len(silent) < len(discussed) else "any of the"
        section.lines.append(f"No representative spoke in {some} {plural(len(discussed), 'item')} discussed:")
        section.points = [titles.get(k, k) for k in silent]
    return section


def _not_heard(live: LiveMeeting, s: MeetingSummary) -> SummarySection:
    section = SummarySection("not_heard", "Who was not heard")
    p = s.participation
    n_present = len(live.present_people())
    if not p.not_heard:
        section.lines.append("Everyone present spoke in the main discussion.")
        return section
    section.lines.append(
        f"{_number(len(p.not_heard)).capitalize()} of the {n_present} people present did not speak in the main "
        "discussion:"
    )
    reps = {f.name for f in p.people if f.patient_rep}
    section.points = [f"{n} (patient and public representative)" if n in reps else n for n in p.not_heard]
    return section


def _balance(live: LiveMeeting, s: MeetingSummary) -> SummarySection:
    section = SummarySection("balance", "How evenly people spoke")
    p = s.participation
    heard = sorted((f for f in p.people if f.main_seconds > 0), key=lambda f: -f.main_seconds)
    n_present = len(live.present_people())
    if p.main_s <= 0 or not heard:
        section.lines.append("Nobody has spoken in the main discussion yet.")
        return section
    half, k = 0.0, 0
    for f in heard:
        half += f.main_seconds
        k += 1
        if half >= p.main_s / 2:
            break
    fair = max(1, -(-n_present // 2))  # if everyone had had the same time
    even = (
        f" (if everyone had had the same time, that would have taken {fair} of them)"
        if k < fair
        else ", as many as if everyone had had the same time"
    )
    section.lines.append(
        f"{_number(k).capitalize()} of the {n_present} people present spoke for half of the time in the main "
        f"discussion{even}."
    )
    top = heard[0]
    role = {a.key: a.role for a in live.meeting.people}.get(top.key, top.role)
    section.lines.append(
        f"The person who spoke most was {top.name} ({_role(role)}): {percent(top.main_seconds / p.main_s)} of "
        "the main discussion."
    )
    section.lines.append(balance_words(p.gini, p.main_s))
    return section


# ---- what became of the feedback --------------------------------------------------------------------------


def _feedback(entries: list[SaidAndDone], names: dict[str, str], zone: tzinfo | None) -> SummarySection:
    section = SummarySection("feedback", "What became of your feedback")
    if not entries:
        section.lines.append("No feedback from representatives has been recorded in this series yet.")
        return section
    here = sum(e.here for e in entries)
    earlier = len(entries) - here
    counts = []
    for status in ("done", "in_progress", "open", "dropped"):
        n = sum(e.status == status for e in entries)
        if n:
            counts.append(f"{n} led to an action now {STATUS_WORDS[status]}")
    none_yet = sum(e.action is None for e in entries)
    if none_yet:
        counts.append(f"{none_yet} {'has' if none_yet == 1 else 'have'} no action yet")
    where = (
        "all at this meeting"
        if not earlier
        else "all at earlier meetings"
        if not here
        else f"{here} at this meeting, {earlier} at earlier ones"
    )
    section.lines.append(
        f"Representatives raised {plural(len(entries), 'point')} in this series ({where}): {join_names(counts)}."
    )
    # What was said at this meeting first; then earlier points still waiting (no action yet, or its action not
    # finished), newest first; then those whose action is done or dropped. A summary cut short to fit its two
    # pages keeps what matters most to the people who said it.
    first = sorted(
        entries, key=lambda e: (not e.here, e.status in ("done", "dropped"), -e.at if not e.here else e.at)
    )
    section.points = [_entry_words(e, names, zone) for e in first]
    return section


def _entry_words(e: SaidAndDone, names: dict[str, str], zone: tzinfo | None) -> str:
    where = "At this meeting" if e.here else f"On {_day(e.at, zone)}"
    if e.said is not None:
        who = names.get(e.who or "", e.who or "A representative")
        said = f"{where}, {who} said: “{' '.join(e.said.split())}”"
    else:
        said = f"{where}, representatives raised a point in their feedback (not recorded word for word)"
    a = e.action
    if a is None:
        return f"{_stop(said)} No action yet."
    did = f"Action {a.key}: “{' '.join(a.text.split())}”"
    if a.owner:
        did += f", for {names.get(a.owner, a.owner)}"
    if a.due:
        did += f", due {a.due.day} {a.due:%b %Y}"
    now = f"Now {STATUS_WORDS.get(e.status or '', e.status or '')}"
    if e.updates:
        latest = e.updates[-1]
        now += f" (update of {_day(latest.at, zone)}" + (
            f": {' '.join(latest.note.split())})" if latest.note else ")"
        )
    return f"{_stop(said)} {_stop(did)} {_stop(now)}"


# ---- words ------------------------------------------------------------------------------------------------


def _stop(sentence: str) -> str:
    """A sentence with its full stop, not a second one after a quotation that ends with its own."""
    if sentence.endswith(("”", ")")) and sentence[-2:-1] in (".", "!", "?"):
        return sentence
    return sentence if sentence.endswith((".", "!", "?")) else sentence + "."


def _number(n: int) -> str:
    """'three', '12': numbers up to ten in words, as plain English writes them."""
    return NUMBER_WORDS[n] if 0 < n < len(NUMBER_WORDS) else str(n)


def _role(role: str) -> str:
    return ROLE_LABELS.get(role, role).lower()


def _clock(epoch: float | None, live: LiveMeeting) -> str:
    if epoch is None:
        return ""
    return f"{from_epoch(epoch + 30.0).astimezone(live.meeting.zone):%H:%M}"  # to the nearest minute


def _day(epoch: float, zone: tzinfo | None) -> str:
    d = from_epoch(epoch).astimezone(zone)
    return f"{d.day} {d:%b %Y}"


def _when(live: LiveMeeting) -> str:
    start: datetime = live.meeting.scheduled_start.astimezone(live.meeting.zone)
    day = f"{start:%A} {start.day} {start:%B %Y}"
    if live.started_at is None:
        return day
    end = f"–{_clock(live.ended_at, live)}" if live.ended_at is not None else " (still running)"
    return f"{day}, {_clock(live.started_at, live)}{end}"
