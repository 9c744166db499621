"""Were you heard? (DESIGN §11): the pulse's counts, the threshold of 3, its words, the engine's rule and the
record — a record with pulse events replays to the same figures."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.models.meeting import DomainError
from meetingkit.models.pulse import (
    PulseCount,
    beside_airtime,
    pulse_figures,
)
from meetingkit.models.session import LiveMeeting
from meetingkit.models.summary import MeetingSummary


def count(
    question: str = "listened", group: str = "patient_public", yes: int = 0, partly: int = 0, no: int = 0
):
    return PulseCount(question, group, yes, partly, no)


def end(live: LiveMeeting, clock: FakeClock) -> None:
    live.apply("start_meeting")
    clock.advance(60)
    live.apply("speak", {"who": "pr"})
    clock.advance(60)
    live.apply("skip_break", {"reason": "Short meeting"})
    live.apply("end_meeting")


def give(live: LiveMeeting, *counts: PulseCount) -> None:
    for c in counts:
        live.apply("pulse", c.payload())


# ---- counts, threshold and words -------------------------------------------------------------------------


def test_a_group_of_fewer_than_three_answers_is_shown_as_too_few() -> None:
    figs = pulse_figures([count(yes=1, partly=1), count(group="others", yes=2, no=1)])
    reps = next(f for f in figs if f.group == "patient_public" and f.question == "listened")
    others = next(f for f in figs if f.group == "others" and f.question == "listened")
    assert reps.to_json() == {
        "question": "listened",
        "group": "patient_public",
        "answers": 2,
        "yes": None,
        "partly": None,
        "no": None,
    }
    assert reps.sentence() == "too few answers to show"
    assert others.to_json()["yes"] == 2 and others.to_json()["no"] == 1
    assert others.sentence() == "2 of 3 felt listened to, 1 not"


def test_the_sentences_say_each_question_in_plain_words() -> None:
    listened = pulse_figures([count(yes=3, partly=1)])[2]
    chance = pulse_figures([count("chance", yes=3, partly=1, no=1)])[0]
    assert listened.sentence() == "3 of 4 felt listened to, 1 partly"
    assert listened.line() == "Patient and public representatives: 3 of 4 felt listened to, 1 partly"
    assert chance.sentence() == "3 of 5 got the chance to say what they wanted, 1 partly and 1 not"
    assert pulse_figures([count(yes=4)])[2].sentence() == "4 of 4 felt listened to"


def test_every_question_and_group_is_listed_once_a_pulse_is_taken() -> None:
    assert pulse_figures([]) == []
    figs = pulse_figures([count(yes=4)])
    assert [(f.question, f.group) for f in figs] == [
        ("chance", "patient_public"),
        ("chance", "others"),
        ("listened", "patient_public"),
        ("listened", "others"),
    ]
    assert figs[0].answers == 0 and figs[0].sentence() == "no answers"


def test_a_later_count_replaces_an_earlier_one_for_the_same_question_and_group() -> None:
    figs = pulse_figures([count(yes=3), count(group="others", no=5), count(yes=1, partly=2, no=3)])
    assert figs[2].to_json() == {
        "question": "listened",
        "group": "patient_public",
        "answers": 6,
        "yes": 1,
        "partly": 2,
        "no": 3,
    }
    assert figs[3].no == 5


def test_beside_the_airtime_the_representatives_answer_to_listened() -> None:
    assert beside_airtime([]) is None
    assert beside_airtime(pulse_figures([count(yes=3, no=1)])) == "3 of 4 felt listened to, 1 not"
    assert beside_airtime(pulse_figures([count(yes=2)])) == "too few answers to show"


# ---- the engine ------------------------------------------------------------------------------------------


def test_a_pulse_closed_right_after_the_end_is_recorded(live: LiveMeeting, clock: FakeClock) -> None:
    end(live, clock)
    clock.advance(90)
    give(live, count("chance", yes=3, partly=1), count(yes=4))
    assert [e.type for e in live.events[-2:]] == ["pulse", "pulse"]
    assert live.events[-1].payload == {
        "question": "listened",
        "group": "patient_public",
        "yes": 4,
        "partly": 0,
        "no": 0,
    }
    doc = MeetingSummary.of(live).to_json()
    assert doc["pulse"][0] == {
        "question": "chance",
        "group": "patient_public",
        "answers": 4,
        "yes": 3,
        "partly": 1,
        "no": 0,
    }


def test_a_pulse_at_the_end_of_the_break_is_recorded_while_the_meeting_runs(started: LiveMeeting) -> None:
    started.apply("start_break")
    started.apply("end_break")
    give(started, count(yes=3))
    assert started.status == "running"
    assert started.pulse_figures()[2].yes == 3


@pytest.mark.parametrize(
    ("payload", "field", "match"),
    [
        ({"question": "heard"}, "question", "question must be one of chance, listened"),
        ({"question": None}, "question", "question must be one of"),
        ({"group": "reps"}, "group", "group must be one of patient_public, others"),
        ({"yes": 1001}, "yes", "from 0 to 1000"),
        ({"partly": -1}, "partly", "from 0 to 1000"),
        ({"no": 2.5}, "no", "whole number"),
        ({"no": True}, "no", "whole number"),
        ({"yes": "3"}, "yes", "whole number"),
        ({"yes": None}, "yes", "whole number"),
    ],
)
def test_a_bad_pulse_is_refused_naming_its_field(
    live: LiveMeeting,
    clock: FakeClock,
    refused: Callable[..., DomainError],
    payload: dict[str, Any],
    field: str,
    match: str,
) -> None:
    end(live, clock)
    body = count(yes=3).payload() | payload
    assert refused(live, "pulse", body, match=match).field == field


def test_a_pulse_before_the_start_in_a_record_names_its_event() -> None:
    data = {
        "meetingkit_record": 1,
        "meeting": {"title": "Board", "scheduled_start": "2026-06-12T10:00:00+01:00"},
        "events": [
            {"t": 0, "do": "pulse", "question": "chance", "group": "others", "yes": 3, "partly": 0, "no": 0}
        ],
    }
    with pytest.raises(
        record.RecordError, match=r"^event 0 \(pulse\): field 'do': The meeting has not started"
    ):
        record.replay(record.parse(json.dumps(data)))


def test_no_pulse_before_the_start_or_once_the_minutes_are_approved(
    live: LiveMeeting, clock: FakeClock, refused: Callable[..., DomainError]
) -> None:
    refused(live, "pulse", count(yes=3).payload(), match="has not started yet")
    end(live, clock)
    live.apply("minutes_approved", {"own": True})
    refused(live, "pulse", count(yes=3).payload(), match="approved")


def test_a_pulse_is_never_undone(started: LiveMeeting, clock: FakeClock) -> None:
    started.apply("speak", {"who": "ch"})
    clock.advance(20)
    give(started, count(yes=3))
    started.apply("undo")  # cancels the speak, not the pulse
    assert started.events[-1].payload["cancels"] == 2
    assert started.pulse_figures()[2].yes == 3


# ---- the record ------------------------------------------------------------------------------------------


def test_a_record_with_pulse_events_replays_to_the_same_figures(live: LiveMeeting, clock: FakeClock) -> None:
    end(live, clock)
    clock.advance(30)
    give(
        live,
        count("chance", yes=2, partly=1, no=1),
        count("chance", "others", yes=6),
        count(yes=1, partly=1),
        count("listened", "others", yes=4, partly=1, no=1),
    )
    written = record.write(live)
    assert written["events"][-1] == {
        "t": written["events"][-1]["t"],
        "do": "pulse",
        "question": "listened",
        "group": "others",
        "yes": 4,
        "partly": 1,
        "no": 1,
    }
    again = record.replay(record.parse(json.dumps(written)))
    assert MeetingSummary.of(again).to_json()["pulse"] == MeetingSummary.of(live).to_json()["pulse"]
    assert [f.sentence() for f in again.pulse_figures()] == [
        "2 of 4 got the chance to say what they wanted, 1 partly and 1 not",
        "6 of 6 got the chance to say what they wanted",
        "too few answers to show",
        "4 of 6 felt listened to, 1 partly and 1 not",
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"yes": 1001},
            "event 5 (pulse): field 'yes': The count of 'yes' answers must be a whole number from 0 to 1000 (not 1001)",
        ),
        ({"group": "everyone"}, "event 5 (pulse): field 'group': "),
        ({"question": "happy"}, "event 5 (pulse): field 'question': "),
        ({"partly": None}, "event 5 (pulse): field 'partly' is missing"),
        ({"who": "pr"}, "event 5 (pulse): field 'who' is not one that 'pulse' takes"),
        ({"no": 1.5}, "event 5 (pulse): field 'no': "),
    ],
)
def test_a_bad_pulse_in_a_record_names_its_event_and_field(change: dict[str, Any], message: str) -> None:
    data = {
        "meetingkit_record": 1,
        "meeting": {
            "title": "Board",
            "scheduled_start": "2026-06-12T10:00:00+01:00",
            "break": {"enabled": False},
        },
        "people": [{"key": "pr", "name": "Pat Rep", "role": "patient_rep"}],
        "agenda": [{"key": "i1", "title": "Welcome", "minutes": 10}],
        "events": [
            {"t": 0, "do": "start_meeting"},
            {"t": 5, "do": "speak", "who": "pr"},
            {"t": 60, "do": "end_meeting"},
            {
                "t": 70,
                "do": "pulse",
                "question": "chance",
                "group": "patient_public",
                "yes": 3,
                "partly": 0,
                "no": 0,
            },
            {
                "t": 71,
                "do": "pulse",
                "question": "listened",
                "group": "patient_public",
                "yes": 3,
                "partly": 0,
                "no": 0,
            },
            {
                "t": 72,
                "do": "pulse",
                "question": "listened",
                "group": "others",
                "yes": 3,
                "partly": 0,
                "no": 0,
            },
        ],
    }
    assert record.replay(record.parse(json.dumps(data))).pulse_figures()[2].yes == 3
    bad = {k: v for k, v in data["events"][5].items()} | change
    data["events"][5] = {k: v for k, v in bad.items() if v is not None}
    with pytest.raises(record.RecordError) as info:
        record.replay(record.parse(json.dumps(data)))
    assert str(info.value).startswith(message)
    assert "\n" not in str(info.value)
