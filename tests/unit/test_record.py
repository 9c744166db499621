"""The meeting record (DESIGN §6): parsing, one-line errors naming the event and field, replay, write."""

from __future__ import annotations

import copy
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.models.record import RecordError, format_offset, parse_offset
from meetingkit.models.session import LiveMeeting
from meetingkit.models.summary import MeetingSummary

SMALL: dict[str, Any] = {
    "meetingkit_record": 1,
    "meeting": {
        "title": "Practice participation group",
        "scheduled_start": "2026-06-12T10:00:00+01:00",
        "break": {"enabled": False},
    },
    "people": [
        {"key": "ch", "name": "Ann Chair", "role": "chair", "sector": "primary care"},
        {"key": "pr", "name": "Pat Rep", "role": "patient_rep", "sector": "patients and public"},
        {"key": "ab", "name": "Al Away", "attendance": "apologies"},
    ],
    "agenda": [
        {"key": "a", "title": "Welcome", "minutes": 5},
        {"key": "b", "title": "Appointments", "minutes": 20},
    ],
    "events": [
        {"t": 0, "do": "start_meeting"},
        {"t": "0:00:10", "do": "speak", "who": "ch"},
        {"t": "0:01:00", "do": "note", "text": "Welcome"},
        {"t": "0:05:00", "do": "next_item"},
        {"t": "0:05:00", "do": "speak", "who": "pr"},
        {"t": "0:09:30", "do": "action", "text": "Publish opening hours", "owner": "ch", "key": "K1"},
        {"t": "0:10:00", "do": "stop_speaking"},
    ],
}


def small() -> dict[str, Any]:
    return copy.deepcopy(SMALL)


def error_of(data: Any) -> str:
    """The message of the RecordError that parsing, then replaying, `data` gives."""
    with pytest.raises(RecordError) as info:
        record.replay(record.parse(json.dumps(data) if isinstance(data, dict) else data))
    message = str(info.value)
    assert "\n" not in message and "\r" not in message, message
    return message


def with_event(index: int, event: dict[str, Any]) -> dict[str, Any]:
    data = small()
    data["events"][index] = event
    return data


# ---- offsets -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        (0, 0.0),
        (90, 90.0),
        (12.5, 12.5),
        ("05:00", 300.0),
        ("0:05:00", 300.0),
        ("1:01:08", 3668.0),
        ("2:3", 123.0),
        ("-0:02:00", -120.0),  # before the scheduled start: a meeting started early
        (-30, -30.0),
    ],
)
def test_offsets_are_seconds_or_h_mm_ss(text: Any, seconds: float) -> None:
    assert parse_offset(text) == seconds


@pytest.mark.parametrize("text", ["1:60:00", "0:61", "soon", "", True, None, float("inf"), [5]])
def test_bad_offsets_are_refused(text: Any) -> None:
    with pytest.raises(ValueError):
        parse_offset(text)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0:00:00"), (3668, "1:01:08"), (12.25, 12.25), (-120, "-0:02:00"), (-0.5, -0.5)],
)
def test_offsets_are_written_as_h_mm_ss_when_whole(seconds: float, text: Any) -> None:
    assert format_offset(seconds) == text
    assert parse_offset(text) == seconds


# ---- parsing --------------------------------------------------------------------------------------------


def test_a_small_record_parses_with_defaults() -> None:
    data = small()
    del data["meeting"]["break"]
    rec = record.parse(json.dumps(data))
    m = rec.meeting
    assert (m.title, m.speaker_limit_s, m.warn_s) == ("Practice participation group", 180, 30)
    assert (m.brk.enabled, m.brk.fraction, m.brk.minutes) == (True, 0.5, 10)
    assert [(p.key, p.role, p.attendance) for p in m.people] == [
        ("ch", "chair", "present"),
        ("pr", "patient_rep", "present"),
        ("ab", "member", "apologies"),
    ]
    assert [(e.t, e.type) for e in rec.events][:4] == [
        (0.0, "start_meeting"),
        (10.0, "speak"),
        (60.0, "note"),
        (300.0, "next_item"),
    ]


def test_parse_takes_text_bytes_or_a_loaded_object() -> None:
    text = json.dumps(small())
    for data in (text, text.encode(), json.loads(text)):
        assert len(record.parse(data).events) == 7


def test_replay_applies_the_events_at_their_offsets() -> None:
    live = record.replay(record.parse(json.dumps(small())))
    assert live.status == "running"
    assert [(s.who, s.seconds, s.item) for s in live.speeches] == [("ch", 290.0, "a"), ("pr", 300.0, "b")]
    assert live.events[0].at.isoformat() == "2026-06-12T09:00:00+00:00"
    assert live.actions["K1"].owner == "ch"


def test_a_replayed_record_stands_at_its_last_event() -> None:
    # A record of a meeting still running: its clocks read as at the last event, not at the scheduled start.
    data = small()
    data["events"].append({"t": "0:12:00", "do": "speak", "who": "ch"})
    data["events"].append({"t": "0:13:30", "do": "note", "text": "Still going"})
    live = record.replay(record.parse(json.dumps(data)))
    assert live.now() - live.scheduled_start == 810.0
    assert live.speaker_timer().elapsed_s == 90.0
    assert live.item_timer().elapsed_s == 510.0
    assert MeetingSummary.of(live).to_json()["timing"]["items"][1]["actual_s"] == 510.0


# ---- errors name the event and the field ------------------------------------------------------------------


def test_bad_json() -> None:
    assert error_of('{"meetingkit_record": 1,').startswith("not valid JSON")
    assert error_of(b"\xff\xfe\x00").startswith("not valid JSON")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("[]", "record: must be a JSON object"),
        ('{"meeting": {}}', "record: field 'meetingkit_record' must be 1"),
        ('{"meetingkit_record": 2}', "record: field 'meetingkit_record' must be 1"),
        ('{"meetingkit_record": 1}', "record: field 'meeting' is missing"),
    ],
)
def test_not_a_record(data: str, message: str) -> None:
    assert error_of(data).startswith(message)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["meeting"].pop("title"), "meeting: field 'title' is missing"),
        (lambda d: d["meeting"].update(title=5), "meeting: field 'title' has the wrong type"),
        (
            lambda d: d["meeting"].update(scheduled_start="tomorrow"),
            "meeting: field 'scheduled_start' is not",
        ),
        (
            lambda d: d["meeting"].update(scheduled_start="2026-06-12T10:00:00"),
            "meeting: field 'scheduled_start' needs a time zone",
        ),
        (
            lambda d: d["meeting"].update(speaker_limit_s=1.5),
            "meeting: field 'speaker_limit_s' has the wrong type",
        ),
        (
            lambda d: d["meeting"].update(speaker_limit_s=True),
            "meeting: field 'speaker_limit_s' has the wrong type",
        ),
        (
            lambda d: d["meeting"].update(**{"break": {"fraction": 1.2}}),
            "meeting: The feedback break's fraction",
        ),
        (lambda d: d["meeting"].update(**{"break": {"enabled": "yes"}}), "meeting.break: field 'enabled'"),
        (lambda d: d["people"][1].update(role="boss"), "people[1]: field 'role' must be one of"),
        (lambda d: d["people"][0].pop("name"), "people[0]: field 'name' is missing"),
        (lambda d: d["people"].append("x"), "people[3]: must be an object"),
        (lambda d: d["people"][1].update(key="ch"), "meeting: Two people share the key 'ch'"),
        (lambda d: d["agenda"][0].update(minutes="ten"), "agenda[0]: field 'minutes' has the wrong type"),
        (lambda d: d["agenda"][1].update(kind="lunch"), "agenda[1]: field 'kind' must be one of"),
        (lambda d: d["agenda"][1].update(presenter="zz"), "meeting: 'Appointments': presenter 'zz'"),
        (
            lambda d: d["agenda"][1].update(key="break"),
            "meeting: Agenda key 'break' is used twice or reserved",
        ),
        (lambda d: d.update(events={}), "record: field 'events' has the wrong type"),
    ],
)
def test_a_bad_meeting_names_the_part_at_fault(change: Any, message: str) -> None:
    data = small()
    change(data)
    assert error_of(data).startswith(message)


@pytest.mark.parametrize(
    ("index", "event", "message"),
    [
        (1, {"t": 10, "do": "shout", "who": "ch"}, "event 1: field 'do': unknown command 'shout'"),
        (1, {"t": 10}, "event 1: field 'do' is missing"),
        (1, {"t": 10, "do": 5}, "event 1: field 'do' has the wrong type"),
        (1, "speak", "event 1: must be an object"),
        (1, {"do": "speak", "who": "ch"}, "event 1 (speak): field 't' is missing"),
        (1, {"t": "later", "do": "speak", "who": "ch"}, "event 1 (speak): field 't' must be seconds"),
        (1, {"t": -5, "do": "speak", "who": "ch"}, "event 1 (speak): field 't'"),
        (4, {"t": "0:04:59", "do": "speak", "who": "pr"}, "event 4 (speak): field 't' goes back in time"),
        (1, {"t": 10, "do": "speak"}, "event 1 (speak): field 'who' is missing"),
        (1, {"t": 10, "do": "speak", "who": None}, "event 1 (speak): field 'who' is missing"),
        (
            1,
            {"t": 10, "do": "speak", "who": "zz"},
            "event 1 (speak): field 'who': no person has the key 'zz'",
        ),
        (1, {"t": 10, "do": "speak", "who": 5}, "event 1 (speak): field 'who'"),
        (1, {"t": 10, "do": "speak", "who": ["ch"]}, "event 1 (speak): field 'who'"),
        (1, {"t": 10, "do": "speak", "who": "ab"}, "event 1 (speak): field 'who': Al Away is not here"),
        (1, {"t": 10, "do": "speak", "who": "ch", "loud": True}, "event 1 (speak): field 'loud' is not one"),
        (
            2,
            {"t": 60, "do": "note", "text": "x", "item": "z"},
            "event 2 (note): field 'item': no agenda item",
        ),
        (2, {"t": 60, "do": "note", "text": "x", "item": ["a"]}, "event 2 (note): field 'item'"),
        (2, {"t": 60, "do": "note", "text": 5}, "event 2 (note): field 'text': 'text' must be text"),
        (2, {"t": 60, "do": "note", "text": " "}, "event 2 (note): field 'text': The text is empty"),
        (2, {"t": 60, "do": "extend", "seconds": "lots"}, "event 2 (extend): field 'seconds'"),
        (2, {"t": 60, "do": "start_item", "item": "break"}, "event 2 (start_item): field 'item'"),
        (2, {"t": 60, "do": "skip_break", "reason": ""}, "event 2 (skip_break): field 'reason'"),
        (2, {"t": 60, "do": "action", "text": "x", "due": "soon"}, "event 2 (action): field 'due'"),
        (2, {"t": 60, "do": "action", "text": "x", "source": "gossip"}, "event 2 (action): field 'source'"),
        (2, {"t": 60, "do": "action", "text": "x", "feedback": 4}, "event 2 (action): field 'feedback'"),
        (2, {"t": 60, "do": "action", "text": "x", "key": 7}, "event 2 (action): field 'key'"),
        (2, {"t": 60, "do": "action", "text": "x", "owner": 7}, "event 2 (action): field 'owner'"),
        (6, {"t": 600, "do": "action", "text": "x", "key": "K1"}, "event 6 (action): field 'key'"),
        (
            2,
            {"t": 60, "do": "action_update", "action": "K9", "status": "done"},
            "event 2 (action_update): field 'action'",
        ),
        (
            6,
            {"t": 600, "do": "action_update", "action": "K1", "status": "sorted"},
            "event 6 (action_update): field 'status'",
        ),
        (2, {"t": 60, "do": "rebalance", "minutes": {"b": "x"}}, "event 2 (rebalance): field 'minutes'"),
        (2, {"t": 60, "do": "rebalance", "deferred": [["b"]]}, "event 2 (rebalance): field 'deferred'"),
        (0, {"t": 0, "do": "next_item"}, "event 0 (next_item): field 'do': The meeting has not started yet"),
        (
            2,
            {"t": 60, "do": "start_meeting"},
            "event 2 (start_meeting): field 'do': The meeting has already started",
        ),
    ],
)
def test_a_bad_event_names_its_index_and_field(index: int, event: Any, message: str) -> None:
    assert error_of(with_event(index, event)).startswith(message)


def test_a_value_with_a_line_break_still_gives_a_one_line_message() -> None:
    error_of(with_event(1, {"t": 10, "do": "speak", "who": "z\nz"}))
    error_of(with_event(1, {"t": 10, "do": "sh\nout"}))
    error_of(with_event(6, {"t": 600, "do": "action_update", "action": "K\r\n9", "status": "done"}))


# ---- writing ------------------------------------------------------------------------------------------


def test_write_gives_a_record_that_replays_to_the_same_figures(
    started: LiveMeeting, clock: FakeClock
) -> None:
    started.apply("speak", {"who": "pr"})
    clock.advance(61.25)
    started.apply("interject", {"who": "m1"})
    clock.advance(10)
    started.apply("stop_speaking")
    started.apply("note", {"text": "Transport raised"})
    started.apply("next_item")
    started.apply("start_break")
    started.apply("feedback", {"who": "pr", "text": "Good"})
    started.apply("action", {"text": "Ask about transport", "feedback": 0, "due": "2026-07-01"})
    clock.advance(300)
    started.apply("end_break")
    started.apply("rebalance", {"minutes": {"i3": 15}, "deferred": ["i4"]})
    clock.advance(30)
    started.apply("end_meeting")

    data = record.write(started)
    text = json.dumps(data)
    again = record.replay(record.parse(text))
    assert MeetingSummary.of(again).to_json() == MeetingSummary.of(started).to_json()
    assert [e.payload for e in again.events] == [e.payload for e in started.events]
    assert data["events"][2] == {"t": 61.25, "do": "interject", "who": "m1"}


def test_a_meeting_started_early_keeps_its_early_minutes(make_meeting, clock: FakeClock) -> None:
    meeting = make_meeting(scheduled_start=clock.now_utc() + timedelta(minutes=2))
    live = LiveMeeting(meeting, clock)
    live.apply("start_meeting")  # two minutes before the scheduled start
    live.apply("speak", {"who": "ch"})
    clock.advance(200)
    live.apply("skip_break", {"reason": "Ended early"})
    live.apply("end_meeting")

    data = record.write(live)
    assert data["events"][0]["t"] == "-0:02:00"
    again = record.replay(record.parse(json.dumps(data)))
    assert MeetingSummary.of(again).to_json() == MeetingSummary.of(live).to_json()
    assert again.timing().items[0].actual_s == 200.0


def test_write_a_meeting_not_yet_started(live: LiveMeeting) -> None:
    data = record.write(live)
    assert data["events"] == []
    again = record.replay(record.parse(json.dumps(data)))
    assert again.status == "ready"
    assert MeetingSummary.of(again).to_json()["people"] == MeetingSummary.of(live).to_json()["people"]


def test_write_keeps_settings_and_optional_series_fields(make_meeting, clock: FakeClock) -> None:
    meeting = make_meeting(expected_sectors=["acute care", "patients and public"], patient_voice_target=0.25)
    data = record.write(LiveMeeting(meeting, clock))
    assert data["meeting"]["expected_sectors"] == ["acute care", "patients and public"]
    assert data["meeting"]["patient_voice_target"] == 0.25
    again = record.parse(json.dumps(data)).meeting
    assert (again.expected_sectors, again.patient_voice_target) == (meeting.expected_sectors, 0.25)
    assert [(i.key, i.kind, i.speaker_limit_s) for i in again.agenda] == [
        (i.key, i.kind, i.speaker_limit_s) for i in meeting.agenda
    ]


def test_the_example_file_parses(example_record_path: Path) -> None:
    rec = record.parse(example_record_path.read_bytes())
    assert (len(rec.meeting.people), len(rec.meeting.agenda), len(rec.events)) == (9, 6, 80)
