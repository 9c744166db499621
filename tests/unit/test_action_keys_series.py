"""Action keys are unique within a series (DESIGN §3 Actions) whatever order its meetings are held or imported in:
a meeting never takes, nor is given, a key a later meeting of the series already holds."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.models.meeting import AgendaItem, Attendee, Meeting
from meetingkit.models.record_checks import RecordError
from meetingkit.resources import demo_record_path
from meetingkit.store.repository import Store

LATER = datetime(2026, 6, 26, 9, 0, tzinfo=UTC)
EARLIER = datetime(2026, 6, 12, 9, 0, tzinfo=UTC)


def board(start: datetime) -> Meeting:
    return Meeting(
        title="Partnership board",
        series="Board",
        scheduled_start=start,
        people=[Attendee("ch", "Ann Chair", role="chair", sector="commissioning")],
        agenda=[AgendaItem("a", "Plans", 20)],
    )


def hold(store: Store, start: datetime, texts: list[str]) -> int:
    """A meeting of the series held live in the app on its own day, agreeing actions with these texts."""
    clock = FakeClock(start)
    mid = store.create_meeting(board(start))
    session = store.open_live(mid, clock)
    session.apply("start_meeting")
    for text in texts:
        clock.advance(60)
        session.apply("action", {"text": text, "owner": "ch"})
    session.apply("skip_break", {"reason": "Short meeting"})
    session.apply("end_meeting")
    return mid


def keys_of(store: Store, mid: int) -> dict[str, str]:
    return {r.key: r.text for r in store.actions(series="Board") if r.meeting_id == mid}


def test_an_earlier_meeting_held_after_a_later_one_numbers_its_actions_past_the_later_ones(
    store: Store,
) -> None:
    later = hold(store, LATER, ["Book the room", "Ask the federation"])
    earlier = hold(store, EARLIER, ["Write to the trust"])
    assert keys_of(store, later) == {"B-1": "Book the room", "B-2": "Ask the federation"}
    assert keys_of(store, earlier) == {"B-3": "Write to the trust"}
    # Both open again as they were, and the later one reviews the earlier one's action.
    clock = FakeClock(LATER + timedelta(days=1))
    assert set(store.rebuild(later, clock).prior_actions) == {"B-3"}
    assert store.rebuild(earlier, clock).prior_actions == {}


def test_a_record_naming_a_key_a_later_meeting_holds_is_refused_and_nothing_is_written(
    store: Store,
) -> None:
    hold(store, LATER, ["Book the room"])
    data = json.loads(demo_record_path().read_text(encoding="utf-8"))
    data["meeting"].update(series="Board", scheduled_start=EARLIER.isoformat())
    data["events"] = [ev for ev in data["events"] if ev["do"] != "action_update"]
    for ev in data["events"]:
        if ev.get("key") == "st1":
            ev["key"] = "B-1"
    before = len(store.list_meetings())
    with pytest.raises(RecordError, match="There is already an action 'B-1' in this series"):
        store.import_record(record.parse(data))
    assert len(store.list_meetings()) == before
    assert [r.key for r in store.actions(series="Board")] == ["B-1"]
