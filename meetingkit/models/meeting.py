"""The things a meeting is made of: people, agenda, speeches, decisions, actions, feedback (no Qt, no SQL)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from meetingkit.models import bounds

ROLES = ("chair", "secretary", "member", "patient_rep", "guest")
KINDS = ("item", "actions_review", "next_steps", "aob")
ATTENDANCE = ("present", "apologies", "absent")
ACTION_STATUSES = ("open", "in_progress", "done", "dropped")
ACTION_SOURCES = ("meeting", "patient_feedback")
BREAK = "break"  # the item key that turns, notes and actions spoken in the feedback break carry
PROTECTED_KINDS = ("actions_review", "next_steps")
DEFAULT_SECTORS = (
    "acute care",
    "primary care",
    "mental health",
    "community care",
    "social care",
    "commissioning",
    "public health",
    "research",
    "voluntary sector",
    "patients and public",
)
ROLE_LABELS = {
    "chair": "Chair",
    "secretary": "Secretary",
    "member": "Member",
    "patient_rep": "Patient / public representative",
    "guest": "Guest",
}
KIND_LABELS = {
    "item": "Item",
    "actions_review": "Actions review",
    "next_steps": "Next steps",
    "aob": "Any other business",
}


class DomainError(ValueError):
    """A command or a value that does not fit the meeting; the message is written for the chair.

    `field` names the part of the command at fault (for a record, the message names it too).
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def _check_text(value: str, what: str, field: str) -> None:
    fault = bounds.text_fault(value)
    if fault:
        raise DomainError(f"{what} {fault}", field)


def _check_number(
    value: object, what: str, limits: tuple[float, float], field: str, whole: bool = False
) -> None:
    fault = bounds.number_fault(value, limits, whole)
    if fault:
        raise DomainError(f"{what} {fault}", field)


@dataclass
class Attendee:
    """A person as they take part in one meeting: who they are, their role there and whether they came."""

    key: str
    name: str
    organisation: str = ""
    sector: str = ""
    role: str = "member"
    patient_rep: bool = False
    attendance: str = "present"
    person_id: int | None = None  # the directory entry, once stored

    @property
    def is_public_voice(self) -> bool:
        return self.role == "patient_rep" or self.patient_rep

    def validate(self) -> None:
        if not self.key.strip():
            raise DomainError("Every person needs a key")
        _check_text(self.key, "A person's key", "key")
        if not self.name.strip():
            raise DomainError(f"Person '{self.key}' needs a name")
        _check_text(self.name, "A person's name", "name")
        _check_text(self.organisation, f"The organisation of {self.name}", "organisation")
        _check_text(self.sector, f"The sector of {self.name}", "sector")
        if self.role not in ROLES:
            raise DomainError(f"{self.name}: role must be one of {', '.join(ROLES)} (not {self.role!r})")
        if self.attendance not in ATTENDANCE:
            raise DomainError(
                f"{self.name}: attendance must be one of {', '.join(ATTENDANCE)} (not '{self.attendance}')"
            )


@dataclass
class AgendaItem:
    """One item of the agenda: its planned minutes, presenter, kind (item, next steps, actions review) and limits."""

    key: str
    title: str
    minutes: float
    presenter: str | None = None
    kind: str = "item"
    speaker_limit_s: int | None = None
    protected: bool = False

    @property
    def planned_s(self) -> float:
        return self.minutes * 60.0

    @property
    def is_protected(self) -> bool:
        return self.protected or self.kind in PROTECTED_KINDS

    def validate(self) -> None:
        if not self.key.strip():
            raise DomainError("Every agenda item needs a key")
        _check_text(self.key, "An agenda item's key", "key")
        if not self.title.strip():
            raise DomainError(f"Agenda item '{self.key}' needs a title")
        _check_text(self.title, "An agenda item's title", "title")
        _check_number(self.minutes, f"'{self.title}': planned minutes", bounds.ITEM_MINUTES, "minutes")
        if self.kind not in KINDS:
            raise DomainError(f"'{self.title}': kind must be one of {', '.join(KINDS)} (not '{self.kind}')")
        if self.speaker_limit_s is not None:
            _check_number(
                self.speaker_limit_s,
                f"'{self.title}': the speaker limit in seconds",
                bounds.SPEAKER_LIMIT_S,
                "speaker_limit_s",
                whole=True,
            )


@dataclass
class BreakSettings:
    """The feedback break: whether it is held, at what share of the planned time, and for how many minutes."""

    enabled: bool = True
    fraction: float = 0.5
    minutes: float = 10.0

    def validate(self) -> None:
        if not (isinstance(self.fraction, int | float) and 0 < self.fraction < 1):
            raise DomainError("The feedback break's fraction must be between 0 and 1 (for example 0.5)")
        if not (isinstance(self.minutes, int | float) and math.isfinite(self.minutes) and self.minutes >= 1):
            raise DomainError("The feedback break must last at least 1 minute", "minutes")
        _check_number(self.minutes, "The feedback break's minutes", bounds.BREAK_MINUTES, "minutes")


@dataclass
class Meeting:
    """A meeting as prepared: settings, people and agenda. The live state is in `session.LiveMeeting`."""

    title: str
    scheduled_start: datetime
    series: str = ""
    venue: str = ""
    speaker_limit_s: int = 180
    warn_s: int = 30
    brk: BreakSettings = field(default_factory=BreakSettings)
    expected_sectors: list[str] | None = None
    patient_voice_target: float | None = None
    unheard_first: bool = True  # Next speaker: those not yet heard on the item first (DESIGN §3, Queue)
    people: list[Attendee] = field(default_factory=list)
    agenda: list[AgendaItem] = field(default_factory=list)
    time_zone: str | None = None  # IANA, e.g. Europe/London: the room's wall clock across a DST change

    @property
    def zone(self) -> tzinfo | None:
        """Where times of this meeting are shown: its IANA zone, else the offset its start was given in."""
        if self.time_zone:
            try:
                return ZoneInfo(self.time_zone)
            except (ZoneInfoNotFoundError, ValueError, OSError):
                pass
        return self.scheduled_start.tzinfo

    def person(self, key: str) -> Attendee:
        for p in self.people:
            if p.key == key:
                return p
        raise DomainError(f"Nobody with the key '{key}' is on this meeting's list")

    def item(self, key: str) -> AgendaItem:
        for it in self.agenda:
            if it.key == key:
                return it
        raise DomainError(f"There is no agenda item '{key}'")

    def item_index(self, key: str) -> int:
        for i, it in enumerate(self.agenda):
            if it.key == key:
                return i
        raise DomainError(f"There is no agenda item '{key}'")

    @property
    def planned_items_s(self) -> float:
        return sum(it.planned_s for it in self.agenda)

    @property
    def sectors_expected(self) -> list[str]:
        return list(self.expected_sectors) if self.expected_sectors else list(DEFAULT_SECTORS)

    def speaker_limit_for(self, item_key: str | None) -> int:
        if item_key and item_key != BREAK:
            limit = self.item(item_key).speaker_limit_s
            if limit is not None:
                return limit
        return self.speaker_limit_s

    def validate(self) -> None:
        if not self.title.strip():
            raise DomainError("The meeting needs a title")
        _check_text(self.title, "The meeting's title", "title")
        _check_text(self.series, "The series name", "series")
        _check_text(self.venue, "The venue", "venue")
        if self.scheduled_start.tzinfo is None:
            raise DomainError("The scheduled start needs a time zone (for example +01:00)")
        fault = bounds.start_fault(self.scheduled_start)
        if fault:
            raise DomainError(f"The scheduled start {fault}", "scheduled_start")
        _check_number(
            self.speaker_limit_s,
            "The speaker limit in seconds",
            bounds.SPEAKER_LIMIT_S,
            "speaker_limit_s",
            True,
        )
        _check_number(self.warn_s, "The warning time in seconds", bounds.WARN_S, "warn_s", True)
        self.brk.validate()
        if len(self.people) > bounds.MAX_PEOPLE:
            raise DomainError(
                f"A meeting has at most {bounds.MAX_PEOPLE:,} people (not {len(self.people):,})"
            )
        if len(self.agenda) > bounds.MAX_ITEMS:
            raise DomainError(f"An agenda has at most {bounds.MAX_ITEMS} items (not {len(self.agenda):,})")
        for sector in self.expected_sectors or ():
            _check_text(sector, "An expected sector", "expected_sectors")
        if self.patient_voice_target is not None and not (0 <= self.patient_voice_target <= 1):
            raise DomainError("The patient voice target must be a share between 0 and 1")
        keys: set[str] = set()
        for p in self.people:
            p.validate()
            if p.key in keys:
                raise DomainError(f"Two people share the key '{p.key}'")
            keys.add(p.key)
        item_keys: set[str] = set()
        for it in self.agenda:
            it.validate()
            if it.key in item_keys or it.key == BREAK:
                raise DomainError(f"Agenda key '{it.key}' is used twice or reserved")
            item_keys.add(it.key)
            if it.presenter and it.presenter not in keys:
                raise DomainError(f"'{it.title}': presenter '{it.presenter}' is not on the list of people")


@dataclass
class Speech:
    """One turn: [start, end) in epoch seconds; `seconds` leaves out any pause or interjection inside it."""

    idx: int
    who: str
    item: str | None  # agenda key, BREAK, or None between items
    role: str
    sector: str
    patient_rep: bool
    start: float
    end: float | None = None
    seconds: float = 0.0
    interjection: bool = False
    interrupts: str | None = None  # whose turn an interjection paused
    segments: list[list[float]] = field(default_factory=list)
    limit_s: int = 0
    extended_s: int = 0

    @property
    def in_break(self) -> bool:
        return self.item == BREAK


@dataclass
class Decision:
    """A decision recorded in the meeting, under the item then under way."""

    idx: int
    text: str
    item: str | None
    at: float
    withdrawn: bool = False  # withdrawn after the meeting, while the minutes were draft


@dataclass
class Note:
    """A note recorded in the meeting, under the item then under way."""

    idx: int
    text: str
    item: str | None
    at: float
    withdrawn: bool = False


@dataclass
class Feedback:
    """What a person said their view was, in the meeting or its feedback break, and the action it led to."""

    idx: int
    who: str
    text: str
    at: float
    in_break: bool
    action: str | None = None
    withdrawn: bool = False


@dataclass
class Declaration:
    """A declaration of interest made in the meeting (DESIGN §6 `declaration`)."""

    idx: int
    who: str
    text: str
    item: str | None
    at: float
    withdrawn: bool = False


@dataclass
class PreviousMinutes:
    """The latest earlier meeting of the series, whose minutes this meeting may approve (from the store)."""

    scheduled_start: str  # as stored: what names it in a `minutes_approved` event, across databases
    title: str
    approved: bool = False


@dataclass
class Approval:
    """How a meeting's minutes were approved: at a later meeting of the series (its date) or outside one."""

    at: float  # when the approval was recorded
    amendments: str = ""
    meeting_start: str | None = None  # the approving meeting's scheduled start; None: `meetingkit approve`


@dataclass
class ActionUpdate:
    """A change of an action's status, with its note: the record of actions taken."""

    action: str
    status: str
    note: str
    at: float
    meeting_id: int | None = None  # None: reported in this meeting
    item: str | None = None  # the agenda item (or BREAK) under way when it was reported, in this meeting


@dataclass
class Action:
    """An action agreed: what, who owns it, by when, and where it stands."""

    key: str
    text: str
    owner: str = ""  # a person's key, or free text
    due: date | None = None
    status: str = "open"
    source: str = "meeting"
    item: str | None = None
    at: float = 0.0
    feedback: int | None = None  # the Feedback.idx this action came from
    meeting_id: int | None = None  # the meeting that agreed it; None: this one
    updates: list[ActionUpdate] = field(default_factory=list)
    withdrawn: bool = False

    @property
    def is_open(self) -> bool:
        return self.status in ("open", "in_progress")


def parse_due(value: object) -> date | None:
    """A due date from 'YYYY-MM-DD' (or None); anything else is refused in words."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise DomainError(f"Due date '{value}' is not a date like 2026-11-03")


def series_initials(series: str, title: str = "") -> str:
    """The start of the series' action references: 'Executive group' -> 'EG' (the title's, without a series)."""
    for text in (series, title):
        letters = "".join(w[0] for w in re.findall(r"[^\W\d_]+", text))[:4].upper()
        if letters:
            return letters
    return "A"
