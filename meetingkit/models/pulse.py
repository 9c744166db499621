"""Were you heard? (DESIGN §11): the pulse's counts, the threshold of 3, and the plain words every display uses.

No Qt, no SQL, no engine: the review, the minutes, the representatives' summary, the series view and
`stats --json` all read the pulse through this module, so that a figure and its words agree everywhere.

A pulse is recorded as `pulse {question, group, yes, partly, no}` events, one per question and group, when
the chair closes it (or the secretary enters a show of hands). A later event for the same question and group
replaces the earlier one: a pulse taken at the end of the meeting supersedes one taken at the end of the
feedback break, and a show of hands entered again corrects a miscount. The event log keeps every one.

Typical use::

    figs = pulse_figures(counts)            # [] when no pulse was taken; else all four, in a fixed order
    for f in figs:
        print(group_label(f.group), question_text(f.question), f.sentence())
        # "Patient and public representatives", "Did you feel listened to?", "3 of 4 felt listened to"
    beside_airtime(figs)                    # "3 of 4 felt listened to" | "too few answers to show" | None
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from meetingkit.models import bounds
from meetingkit.models.meeting import DomainError

QUESTIONS = ("chance", "listened")
GROUPS = ("patient_public", "others")
ANSWERS = ("yes", "partly", "no")
MIN_ANSWERS = 3  # a group's counts are shown only when at least this many of it answered
COUNT_RANGE = (0, 1000)  # each of yes / partly / no (DESIGN §6 bounds)

QUESTION_TEXT = {
    "chance": "Did you get the chance to say what you wanted?",
    "listened": "Did you feel listened to?",
}
GROUP_TEXT = {
    "patient_public": "Patient and public representatives",
    "others": "Everyone else",
}
# What "yes" means for each question, said of the people who answered it.
_YES_WORDS = {
    "chance": "got the chance to say what they wanted",
    "listened": "felt listened to",
}
TOO_FEW = "too few answers to show"
NO_ANSWERS = "no answers"
NO_PULSE = "No pulse was taken at this meeting"  # where a meeting's pulse would be shown
NOT_TAKEN = "no pulse"  # a meeting's cell in a table of several meetings (the series view)


def question_text(question: str) -> str:
    """The question as the room is asked it."""
    return QUESTION_TEXT[question]


def group_label(group: str) -> str:
    """'Patient and public representatives' or 'Everyone else'."""
    return GROUP_TEXT[group]


@dataclass(frozen=True)
class PulseCount:
    """The counts of one question for one group, as one `pulse` event holds them."""

    question: str
    group: str
    yes: int
    partly: int
    no: int

    @property
    def answers(self) -> int:
        return self.yes + self.partly + self.no

    def payload(self) -> dict[str, Any]:
        """The `pulse` event's payload (and a record event's fields)."""
        return {
            "question": self.question,
            "group": self.group,
            "yes": self.yes,
            "partly": self.partly,
            "no": self.no,
        }

    @classmethod
    def from_payload(cls, body: Mapping[str, Any]) -> PulseCount:
        """The counts of a `pulse` command; a bad value raises DomainError naming its field."""
        question = body.get("question")
        if question not in QUESTIONS:
            raise DomainError(f"The question must be one of {', '.join(QUESTIONS)}", "question")
        group = body.get("group")
        if group not in GROUPS:
            raise DomainError(f"The group must be one of {', '.join(GROUPS)}", "group")
        counts = []
        for name in ANSWERS:
            value = body.get(name)
            fault = bounds.number_fault(value, COUNT_RANGE, whole=True)
            if fault:
                raise DomainError(f"The count of '{name}' answers {fault}", name)
            counts.append(int(value))  # type: ignore[arg-type]  # checked just above
        return cls(str(question), str(group), *counts)


@dataclass(frozen=True)
class PulseFigure:
    """One question for one group as displays show it: the counts are None below `MIN_ANSWERS` answers."""

    question: str
    group: str
    answers: int
    yes: int | None
    partly: int | None
    no: int | None

    @property
    def shown(self) -> bool:
        return self.yes is not None

    def to_json(self) -> dict[str, Any]:
        """One entry of `stats --json`'s `pulse` list (DESIGN §11)."""
        return {
            "question": self.question,
            "group": self.group,
            "answers": self.answers,
            "yes": self.yes,
            "partly": self.partly,
            "no": self.no,
        }

    def sentence(self) -> str:
        """'3 of 4 felt listened to', '3 of 5 felt listened to, 1 partly and 1 not', 'too few answers to show'."""
        if self.answers == 0:
            return NO_ANSWERS
        if not self.shown:
            return TOO_FEW
        assert self.yes is not None and self.partly is not None and self.no is not None
        words = f"{self.yes} of {self.answers} {_YES_WORDS[self.question]}"
        rest = [f"{self.partly} partly"] if self.partly else []
        if self.no:
            rest.append(f"{self.no} not")
        return words + (", " + " and ".join(rest) if rest else "")

    def count_words(self) -> str:
        """The figure alone, for a table's cell: '3 of 4' (the yes answers of all answers), else the words for
        no figure ('too few answers to show', 'no answers')."""
        if self.answers == 0:
            return NO_ANSWERS
        return f"{self.yes} of {self.answers}" if self.shown else TOO_FEW

    def yes_share(self) -> float | None:
        """The yes answers as a share of all answers (for sorting and drawing), None when not shown."""
        return self.yes / self.answers if self.shown and self.yes is not None else None

    def line(self) -> str:
        """The sentence with its group: 'Patient and public representatives: 3 of 4 felt listened to'."""
        return f"{group_label(self.group)}: {self.sentence()}"


def figure(count: PulseCount) -> PulseFigure:
    """The figure of one count, with the threshold applied."""
    if count.answers < MIN_ANSWERS:
        return PulseFigure(count.question, count.group, count.answers, None, None, None)
    return PulseFigure(count.question, count.group, count.answers, count.yes, count.partly, count.no)


def pulse_figures(counts: Iterable[PulseCount]) -> list[PulseFigure]:
    """The meeting's pulse: [] when none was taken, else every question for every group (questions in
    `QUESTIONS` order, then groups in `GROUPS` order); the latest count of each replaces earlier ones, and a
    question or group with no count reads as 0 answers."""
    latest: dict[tuple[str, str], PulseCount] = {}
    for c in counts:
        latest[(c.question, c.group)] = c
    if not latest:
        return []
    return [figure(latest.get((q, g), PulseCount(q, g, 0, 0, 0))) for q in QUESTIONS for g in GROUPS]


def counts_from_events(events: Iterable[Any]) -> list[PulseCount]:
    """The `pulse` counts among events (anything with `.type` and `.payload`), in order."""
    return counts_from_payloads(ev.payload for ev in events if ev.type == "pulse")


def counts_from_payloads(payloads: Iterable[Any]) -> list[PulseCount]:
    """The counts of `pulse` payloads, in order; a payload that no longer reads (changed outside MeetingKit,
    which `verify` and every output report) is left out rather than shown wrong."""
    out = []
    for body in payloads:
        if isinstance(body, Mapping):
            try:
                out.append(PulseCount.from_payload(body))
            except DomainError:
                continue
    return out


def find(figures: Iterable[PulseFigure], question: str, group: str) -> PulseFigure | None:
    return next((f for f in figures if f.question == question and f.group == group), None)


def beside_airtime(
    figures: Iterable[PulseFigure], group: str = "patient_public", question: str = "listened"
) -> str | None:
    """The words shown beside a group's airtime ("representatives spoke for 9% of the main discussion; 3 of 4
    felt listened to"): the sentence of that group's answer to `question`, or None when no pulse was taken."""
    found = find(figures, question, group)
    return found.sentence() if found is not None else None


def with_airtime(airtime: str, figures: Iterable[PulseFigure]) -> str:
    """The representatives' airtime sentence with their answer to "Did you feel listened to?" beside it:
    'Representatives spoke for 9% of the main discussion; 3 of 4 felt listened to.' Unchanged when no pulse
    was taken; below the threshold it says so ('...; whether they felt listened to: too few answers to show.')."""
    found = find(figures, "listened", "patient_public")
    if found is None:
        return airtime
    base = airtime.rstrip().rstrip(".")
    if found.answers == 0:
        return f"{base}; no representative answered whether they felt listened to."
    if not found.shown:
        return f"{base}; whether they felt listened to: {TOO_FEW}."
    return f"{base}; {found.sentence()}."


def plain_words(figures: Sequence[PulseFigure]) -> tuple[list[str], list[str]]:
    """The pulse as the representatives' summary says it: paragraphs, then one point per question, its groups on
    lines of their own ("Did you feel listened to?\nPatient and public representatives: 3 of 4 felt listened
    to, 1 not.\nEveryone else: too few answers to show.")."""
    if not figures:
        return [
            f"{NO_PULSE}: nobody was asked whether they got the chance to say what they wanted, or felt "
            "listened to."
        ], []
    lines = [
        "Everyone present was asked two questions, answering Yes, Partly or No. "
        "Nobody's answer is kept with their name."
    ]
    if any(f.answers and not f.shown for f in figures):
        lines.append(
            f"Where fewer than {MIN_ANSWERS} people of a group answered, their answers are not shown, "
            "so that nobody's answer can be told."
        )
    points = []
    for q in QUESTIONS:
        said = [f"{f.line()}." for g in GROUPS if (f := find(figures, q, g)) is not None]
        points.append("\n".join([question_text(q), *said]))  # a line each: large type reads better so
    return lines, points
