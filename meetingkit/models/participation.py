"""Airtime figures (DESIGN §3): the one place every output (app, PDF, `stats`) gets them from."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from meetingkit.models.meeting import BREAK, DEFAULT_SECTORS


class Turn(Protocol):
    who: str
    item: str | None
    role: str
    sector: str
    patient_rep: bool
    seconds: float
    interjection: bool
    interrupts: str | None


@dataclass
class TurnGroup:
    """Turns that share everything the figures depend on, summed (the store reads them this way, fast)."""

    who: str
    item: str | None
    role: str
    sector: str
    patient_rep: bool
    seconds: float
    interjection: bool
    interrupts: str | None
    count: int = 1
    longest_s: float = 0.0


class Person(Protocol):
    key: str
    name: str
    role: str
    sector: str

    @property
    def is_public_voice(self) -> bool: ...


@dataclass
class PersonFigures:
    """One person's speaking time, turns and interjections, in the whole meeting and the main discussion."""

    key: str
    name: str
    role: str
    sector: str
    patient_rep: bool
    seconds: float = 0.0
    main_seconds: float = 0.0
    share: float = 0.0
    turns: int = 0
    main_turns: int = 0
    longest_s: float = 0.0
    interjections_made: int = 0
    interjections_received: int = 0


@dataclass
class Airtime:
    """The speaking time and share of one role or sector."""

    seconds: float = 0.0
    share: float = 0.0
    interjections_made: int = 0
    interjections_received: int = 0


@dataclass
class Participation:
    """Who spoke and for how long: by person, role and sector, and the patient and public voice's share."""

    people: list[PersonFigures]
    roles: dict[str, Airtime]
    sectors: dict[str, Airtime]
    total_s: float
    main_s: float
    public_main_s: float
    public_total_s: float
    gini: float
    not_heard: list[str]  # names
    items_without_public_voice: list[str]  # agenda keys
    coverage_expected: list[str] = field(default_factory=list)
    coverage_present: list[str] = field(default_factory=list)
    coverage_missing: list[str] = field(default_factory=list)

    @property
    def patient_voice_share(self) -> float:
        return self.public_main_s / self.main_s if self.main_s > 0 else 0.0

    @property
    def patient_voice_share_with_break(self) -> float:
        return self.public_total_s / self.total_s if self.total_s > 0 else 0.0

    def person(self, key: str) -> PersonFigures:
        for p in self.people:
            if p.key == key:
                return p
        raise KeyError(key)


def gini(values: Sequence[float]) -> float:
    """Gini coefficient: 0 when everyone had the same time, towards 1 when one person had it all."""
    n = len(values)
    total = sum(values)
    if n == 0 or total <= 0:
        return 0.0
    ordered = sorted(values)
    weighted = sum((i + 1) * x for i, x in enumerate(ordered))
    return max(0.0, (2.0 * weighted) / (n * total) - (n + 1) / n)


def compute(
    turns: Iterable[Turn],
    present: Sequence[Person],
    agenda_keys: Sequence[str],
    expected_sectors: Sequence[str] | None = None,
) -> Participation:
    """Figures for one meeting from its turns and the people present (in the order they are listed)."""
    figures: dict[str, PersonFigures] = {
        p.key: PersonFigures(p.key, p.name, p.role, p.sector, p.is_public_voice) for p in present
    }
    roles: dict[str, Airtime] = {}
    sectors: dict[str, Airtime] = {}
    for p in present:
        roles.setdefault(p.role, Airtime())
        sectors.setdefault(p.sector, Airtime())
    items_with_turns: set[str] = set()
    items_with_public: set[str] = set()
    total = main = public_main = public_total = 0.0
    received: list[str] = []
    for t in turns:
        secs = max(0.0, t.seconds)
        count = getattr(t, "count", 1)
        longest = getattr(t, "longest_s", secs) if count != 1 else secs
        fig = figures.get(t.who)
        if fig is None:  # spoke though not listed as present (kept, so that no time goes missing)
            fig = figures[t.who] = PersonFigures(t.who, t.who, t.role, t.sector, t.patient_rep)
        fig.seconds += secs
        fig.turns += count
        fig.longest_s = max(fig.longest_s, longest)
        role = roles.setdefault(t.role, Airtime())
        sector = sectors.setdefault(t.sector, Airtime())
        role.seconds += secs
        sector.seconds += secs
        total += secs
        if t.patient_rep:
            public_total += secs
        if t.item != BREAK:
            fig.main_seconds += secs
            fig.main_turns += count
            main += secs
            if t.patient_rep:
                public_main += secs
            if t.item is not None:
                items_with_turns.add(t.item)
                if t.patient_rep:
                    items_with_public.add(t.item)
        if t.interjection:
            fig.interjections_made += count
            role.interjections_made += count
            if t.interrupts:
                received.append((t.interrupts, count))
    for key, count in received:
        fig = figures.get(key)
        if fig is not None:
            fig.interjections_received += count
            roles.setdefault(fig.role, Airtime()).interjections_received += count
    # Sums to the millisecond (the precision of event times), so that the order of adding never shows.
    total, main, public_main, public_total = (round(x, 3) for x in (total, main, public_main, public_total))
    for fig in figures.values():
        fig.seconds, fig.main_seconds, fig.longest_s = (
            round(fig.seconds, 3),
            round(fig.main_seconds, 3),
            round(fig.longest_s, 3),
        )
    for group in (*roles.values(), *sectors.values()):
        group.seconds = round(group.seconds, 3)
    for group in (*figures.values(), *roles.values(), *sectors.values()):
        group.share = group.seconds / total if total > 0 else 0.0
    present_figs = [figures[p.key] for p in present]
    expected = list(expected_sectors) if expected_sectors else list(DEFAULT_SECTORS)
    present_sectors = sorted({p.sector for p in present if p.sector})
    return Participation(
        people=list(figures.values()),
        roles=roles,
        sectors=sectors,
        total_s=total,
        main_s=main,
        public_main_s=public_main,
        public_total_s=public_total,
        gini=gini([f.main_seconds for f in present_figs]),
        not_heard=[f.name for f in present_figs if f.main_turns == 0],
        items_without_public_voice=[
            k for k in agenda_keys if k in items_with_turns and k not in items_with_public
        ],
        coverage_expected=expected,
        coverage_present=present_sectors,
        coverage_missing=[s for s in expected if s not in present_sectors],
    )
