"""The shared example meeting: replayed through the engine it gives the reference figures, and survives
being written out and read back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.models.session import LiveMeeting
from meetingkit.models.summary import MeetingSummary

ROUNDED = {"share", "patient_voice_share", "patient_voice_share_with_break", "gini"}


def rounded(value: Any, key: str = "") -> Any:
    """Shares (and the Gini coefficient) to 4 places, as the reference file gives them; all else exact."""
    if isinstance(value, dict):
        return {k: rounded(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [rounded(v) for v in value]
    if key in ROUNDED and isinstance(value, float):
        return round(value, 4)
    return value


@pytest.fixture
def example(example_record_path: Path) -> LiveMeeting:
    return record.replay(record.parse(example_record_path.read_bytes()))


@pytest.fixture
def reference(example_stats_path: Path) -> dict[str, Any]:
    return json.loads(example_stats_path.read_text(encoding="utf-8"))


def test_the_example_replays_to_the_reference_figures(
    example: LiveMeeting, reference: dict[str, Any]
) -> None:
    got = MeetingSummary.of(example).to_json()
    meeting = got.pop("meeting")
    reference.setdefault("pulse", [])  # ../shared's copy predates DESIGN §11; the example takes no pulse
    assert set(got) == set(reference)
    for key in reference:  # one key at a time, so a failure names the block that differs
        assert rounded(got[key], key) == reference[key], key
    assert meeting == {
        "id": None,
        "title": "Stroke HIT steering group",
        "started_at": "2026-10-06T13:00:00.000+00:00",
        "ended_at": "2026-10-06T14:26:33.000+00:00",
    }


def test_the_example_figures_hold_together(example: LiveMeeting) -> None:
    doc = MeetingSummary.of(example).to_json()
    total = sum(p["seconds"] for p in doc["people"])
    assert total == sum(r["seconds"] for r in doc["roles"].values())
    assert total == sum(s["seconds"] for s in doc["sectors"].values())
    assert sum(p["share"] for p in doc["people"]) == pytest.approx(1.0)
    assert [p["name"] for p in doc["people"]] == [p.name for p in example.present_people()]
    assert "Tariq Aziz" not in [p["name"] for p in doc["people"]]  # sent apologies


def test_written_out_and_read_back_the_example_gives_the_same_figures(example: LiveMeeting) -> None:
    text = json.dumps(record.write(example), ensure_ascii=False)
    again = record.replay(record.parse(text))
    assert MeetingSummary.of(again).to_json() == MeetingSummary.of(example).to_json()
    assert [(e.at, e.type, e.payload) for e in again.events] == [
        (e.at, e.type, e.payload) for e in example.events
    ]
    assert record.write(again) == record.write(example)


def test_the_written_record_keeps_the_shape_of_the_original(
    example_record_path: Path, example: LiveMeeting
) -> None:
    original = json.loads(example_record_path.read_text(encoding="utf-8"))
    written = record.write(example)
    assert written["people"] == original["people"]
    assert written["agenda"] == original["agenda"]
    assert [(e["t"], e["do"]) for e in written["events"]] == [(e["t"], e["do"]) for e in original["events"]]


def test_rebuilding_from_the_events_gives_the_same_figures(example: LiveMeeting, clock: FakeClock) -> None:
    again = LiveMeeting.rebuild(example.meeting, example.events, clock)
    assert MeetingSummary.of(again).to_json() == MeetingSummary.of(example).to_json()


def test_the_example_break_and_actions(example: LiveMeeting) -> None:
    assert example.slot_key == "i3"
    assert [(f.who, f.in_break) for f in example.feedback] == [("p1", True), ("p2", True)]
    assert {k: (a.owner, a.source, a.item) for k, a in example.actions.items()} == {
        "st1": ("m2", "patient_feedback", "i3"),
        "st2": ("m4", "meeting", "i5"),
    }
