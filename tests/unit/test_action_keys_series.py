"""Actions across a series whatever order its meetings are held or imported in (DESIGN §3 Actions): a meeting
never takes, nor is given, a key a later meeting of the series holds; it reviews the series' actions as they
stood before it; and the register keeps the latest status reported."""

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


def demo_at(weeks: int, update: str | None = None, actions: bool = True) -> record.Record:
    """The demo record `weeks` weeks on in its own series; without its actions, and reporting `update` on
    its first action (st1) in the actions review, when asked."""
    data = json.loads(demo_record_path().read_text(encoding="utf-8"))
    start = datetime.fromisoformat(data["meeting"]["scheduled_start"]) + timedelta(weeks=weeks)
    data["meeting"]["scheduled_start"] = start.isoformat()
    if not actions:
        data["events"] = [ev for ev in data["events"] if ev["do"] != "action"]
    if update:
        i = next(i for i, ev in enumerate(data["events"]) if ev["do"] == "note")
        report = {"t": data["events"][i]["t"], "do": "action_update", "action": "st1", "status": update}
        data["events"].insert(i + 1, {**report, "note": f"reported {weeks} weeks on"})
    return record.parse(data)


def test_an_earlier_meeting_imported_after_a_later_one_neither_sees_nor_undoes_its_updates(
    store: Store,
) -> None:
    """+8 weeks reports st1 done, then +4 weeks (imported after it) reports it in progress: the register says
    done, and the +4 meeting reviews st1 as it stood before it (open), not as the later meeting left it."""
    store.import_record(demo_at(0))
    later = store.import_record(demo_at(8, "done", actions=False))
    earlier = store.import_record(demo_at(4, "in_progress", actions=False))
    row = next(r for r in store.actions() if r.key == "st1")
    assert row.status == "done"
    assert [(u.status, u.meeting_id) for u in row.updates] == [("in_progress", earlier), ("done", later)]
    before_earlier = {a.key: a for a in store.prior_actions(earlier)}["st1"]
    assert (before_earlier.status, before_earlier.updates) == ("open", [])
    before_later = {a.key: a for a in store.prior_actions(later)}["st1"]
    assert [u.status for u in before_later.updates] == ["in_progress"]
    clock = FakeClock(LATER)
    assert store.rebuild(earlier, clock).prior_actions["st1"].status == "in_progress"


def test_correcting_a_draft_action_keeps_what_a_later_meeting_reported(store: Store) -> None:
    first = hold(store, EARLIER, ["Book the room"])
    clock = FakeClock(LATER)
    second = store.create_meeting(board(LATER))
    session = store.open_live(second, clock)
    session.apply("start_meeting")
    session.apply("action_update", {"action": "B-1", "status": "done", "note": "Booked"})
    session.apply("skip_break", {"reason": "Short meeting"})
    session.apply("end_meeting")
    # The first meeting's minutes are still draft: the secretary corrects the action's words.
    store.open_live(first, clock).apply("correct", {"target": "action:B-1", "text": "Book the large room"})
    (row,) = store.actions(series="Board")
    assert (row.text, row.status) == ("Book the large room", "done")
