"""Airtime figures (DESIGN §3 'Participation'): shares, the patient and public voice, who was not heard,
items without that voice, balance (Gini) and interjections."""

from __future__ import annotations

import pytest

from meetingkit.clock import FakeClock
from meetingkit.models.meeting import BREAK, DEFAULT_SECTORS, Attendee, Speech
from meetingkit.models.participation import TurnGroup, compute, gini
from meetingkit.models.session import LiveMeeting

PRESENT = [
    Attendee("ch", "Ann Chair", sector="acute care", role="chair"),
    Attendee("pr", "Pat Rep", sector="patients and public", role="patient_rep"),
    Attendee("cr", "Cam Carer", sector="voluntary sector", role="member", patient_rep=True),
    Attendee("m1", "Mo Member", sector="primary care", role="member"),
    Attendee("m2", "Meg Member", sector="primary care", role="member"),
]
BY_KEY = {p.key: p for p in PRESENT}
AGENDA = ["i1", "i2", "i3", "i4"]


def turn(who: str, item: str | None, seconds: float, interrupts: str | None = None) -> Speech:
    p = BY_KEY[who]
    return Speech(
        idx=0,
        who=who,
        item=item,
        role=p.role,
        sector=p.sector,
        patient_rep=p.is_public_voice,
        start=0.0,
        end=seconds,
        seconds=seconds,
        interjection=interrupts is not None,
        interrupts=interrupts,
    )


TURNS = [
    turn("ch", "i1", 100),
    turn("m1", "i2", 200),
    turn("pr", "i2", 20, interrupts="m1"),
    turn("m1", "i2", 80),
    turn("pr", BREAK, 300),
    turn("cr", BREAK, 100),
    turn("ch", "i3", 100),
    turn("m1", "i3", 100),
]  # i4 has no turns; m2 never speaks


@pytest.fixture
def figures():
    return compute(TURNS, PRESENT, AGENDA)


def test_per_person_seconds_shares_turns_and_longest(figures) -> None:
    rows = {f.key: (f.seconds, f.share, f.turns, f.longest_s) for f in figures.people}
    assert rows == {
        "ch": (200.0, 0.2, 2, 100.0),
        "pr": (320.0, 0.32, 2, 300.0),
        "cr": (100.0, 0.1, 1, 100.0),
        "m1": (380.0, 0.38, 3, 200.0),
        "m2": (0.0, 0.0, 0, 0.0),  # present and silent: listed with zeros
    }
    assert figures.total_s == 1000.0 and figures.main_s == 600.0


def test_roles_and_sectors_share_all_speaking_time(figures) -> None:
    assert {k: (v.seconds, v.share) for k, v in figures.roles.items()} == {
        "chair": (200.0, 0.2),
        "patient_rep": (320.0, 0.32),
        "member": (480.0, 0.48),
    }
    assert {k: v.seconds for k, v in figures.sectors.items()} == {
        "acute care": 200.0,
        "patients and public": 320.0,
        "voluntary sector": 100.0,
        "primary care": 380.0,
    }


def test_patient_voice_with_and_without_the_break(figures) -> None:
    assert figures.patient_voice_share == pytest.approx(20 / 600)  # main discussion only
    assert figures.patient_voice_share_with_break == pytest.approx(420 / 1000)  # the flag counts as well


def test_not_heard_counts_only_the_main_discussion(figures) -> None:
    # Cam spoke only in the break, Meg not at all.
    assert figures.not_heard == ["Cam Carer", "Meg Member"]


def test_items_without_patient_voice(figures) -> None:
    assert figures.items_without_public_voice == ["i1", "i3"]  # i2 had Pat; i4 had no turns at all


def test_gini_is_over_everybody_present_in_the_main_discussion(figures) -> None:
    assert figures.gini == pytest.approx(gini([200, 20, 0, 380, 0]))


def test_interjections_made_and_received(figures) -> None:
    made = {f.key: (f.interjections_made, f.interjections_received) for f in figures.people}
    assert made["pr"] == (1, 0) and made["m1"] == (0, 1)
    assert figures.roles["patient_rep"].interjections_made == 1
    assert figures.roles["member"].interjections_received == 1


def test_coverage_of_sectors() -> None:
    fig = compute([], PRESENT, AGENDA, ["acute care", "mental health", "primary care"])
    assert (fig.coverage_present, fig.coverage_missing) == (
        ["acute care", "patients and public", "primary care", "voluntary sector"],
        ["mental health"],
    )
    assert compute([], PRESENT, AGENDA).coverage_expected == list(DEFAULT_SECTORS)


def test_nobody_spoke() -> None:
    fig = compute([], PRESENT, AGENDA)
    assert (fig.total_s, fig.gini, fig.patient_voice_share, fig.patient_voice_share_with_break) == (
        0,
        0,
        0,
        0,
    )
    assert all(f.share == 0.0 for f in fig.people)
    assert fig.not_heard == [p.name for p in PRESENT]
    assert fig.items_without_public_voice == []


def test_grouped_turns_give_the_same_figures_as_single_ones() -> None:
    groups: dict[tuple, TurnGroup] = {}
    for t in TURNS:
        key = (t.who, t.item, t.role, t.sector, t.patient_rep, t.interjection, t.interrupts)
        g = groups.get(key)
        if g is None:
            groups[key] = TurnGroup(*key[:5], t.seconds, t.interjection, t.interrupts, 1, t.seconds)
        else:
            g.seconds += t.seconds
            g.count += 1
            g.longest_s = max(g.longest_s, t.seconds)
    assert compute(groups.values(), PRESENT, AGENDA) == compute(TURNS, PRESENT, AGENDA)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([], 0.0),
        ([0, 0, 0], 0.0),  # everybody silent
        ([5, 5, 5], 0.0),
        ([0, 0, 10], 2 / 3),
        ([0, 10], 0.5),
        ([1, 2, 3, 4], 0.25),
    ],
)
def test_gini(values: list[float], expected: float) -> None:
    assert gini(values) == pytest.approx(expected)


def test_more_silent_people_mean_less_balance() -> None:
    assert gini([10, 10, 0, 0]) > gini([10, 10, 0]) > gini([10, 10])


# ---- through the live engine --------------------------------------------------------------------------


def test_a_live_meeting_gives_the_same_figures(started: LiveMeeting, clock: FakeClock) -> None:
    started.apply("speak", {"who": "m1"})
    clock.advance(50)
    started.apply("interject", {"who": "pr"})
    clock.advance(10)
    started.apply("stop_speaking")
    clock.advance(40)
    started.apply("start_break")
    started.apply("speak", {"who": "cr"})
    clock.advance(30)
    part = started.participation()
    people = {f.key: (f.seconds, f.turns) for f in part.people}
    assert people == {
        "ch": (0.0, 0),
        "se": (0.0, 0),
        "pr": (10.0, 1),
        "cr": (30.0, 1),  # still speaking: measured up to now
        "m1": (90.0, 1),
        "m2": (0.0, 0),
    }
    assert part.patient_voice_share == pytest.approx(10 / 100)
    assert part.patient_voice_share_with_break == pytest.approx(40 / 130)
    assert part.not_heard == ["Ann Chair", "Sam Secretary", "Cam Carer", "Meg Member"]
    assert part.items_without_public_voice == []
    assert started.person_seconds() == {"m1": 90.0, "pr": 10.0, "cr": 30.0}


def test_someone_who_arrived_counts_as_present_and_silent(started: LiveMeeting) -> None:
    started.apply("arrive", {"who": "ap"})
    part = started.participation()
    assert "Al Away" in part.not_heard
    assert part.gini == 0.0  # everybody silent, the late arrival included
    assert part.person("ap").seconds == 0.0
