"""DESIGN §3, Queue (issue 13): with "unheard first" on, Next speaker gives the floor to the earliest-queued
person not yet heard in the current item, else to the head; the setting is kept by the record and the store."""

from __future__ import annotations

import json
from dataclasses import replace

from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.models.queue_order import next_in_queue, spoken_here
from meetingkit.models.session import LiveMeeting
from meetingkit.store.repository import Store
from tests.unit.test_store import small_meeting


def queued(live: LiveMeeting, *keys: str) -> None:
    for k in keys:
        live.apply("queue", {"who": k})


def test_next_is_the_earliest_queued_not_yet_heard_on_the_item(
    started: LiveMeeting, clock: FakeClock
) -> None:
    started.apply("speak", {"who": "m1"})
    clock.advance(60)
    started.apply("speak", {"who": "ch"})
    queued(started, "m1", "ch", "pr", "m2")
    assert next_in_queue(started) == "pr"  # Mo and Ann have spoken on this item
    # Everyone queued has spoken: the head of the queue.
    started.apply("unqueue", {"who": "pr"})
    started.apply("unqueue", {"who": "m2"})
    assert next_in_queue(started) == "m1"
    # A new item: nobody has spoken on it yet, so the head again.
    queued(started, "pr")
    started.apply("next_item")
    assert spoken_here(started) == set()
    assert next_in_queue(started) == "m1"


def test_an_interjection_counts_as_heard_and_the_break_is_its_own_place(
    started: LiveMeeting, clock: FakeClock
) -> None:
    started.apply("speak", {"who": "m1"})
    started.apply("interject", {"who": "pr"})
    started.apply("stop_speaking")
    queued(started, "pr", "cr")
    assert next_in_queue(started) == "cr"
    started.apply("start_break")
    assert next_in_queue(started) == "pr"  # nobody has spoken in the break yet


def test_with_the_setting_off_next_is_the_head(make_meeting, clock: FakeClock) -> None:
    live = LiveMeeting(make_meeting(unheard_first=False), clock)
    live.apply("start_meeting")
    live.apply("speak", {"who": "m1"})
    queued(live, "m1", "pr")
    assert next_in_queue(live) == "m1"


def test_the_record_keeps_the_setting_and_an_older_record_has_it_on(started: LiveMeeting) -> None:
    data = json.loads(json.dumps(record.write(started)))
    assert data["meeting"]["unheard_first"] is True
    del data["meeting"]["unheard_first"]  # a record written before the setting existed
    assert record.parse(data).meeting.unheard_first is True
    data["meeting"]["unheard_first"] = False
    assert record.parse(data).meeting.unheard_first is False
    data["meeting"]["unheard_first"] = "no"
    try:
        record.parse(data)
    except record.RecordError as exc:
        assert str(exc) == "meeting: field 'unheard_first' has the wrong type"
    else:
        raise AssertionError("a text where a yes/no belongs was accepted")


def test_the_store_keeps_the_setting(store: Store) -> None:
    on = store.create_meeting(small_meeting())
    off = store.create_meeting(replace(small_meeting(), unheard_first=False))
    assert store.load_meeting(on).unheard_first is True
    assert store.load_meeting(off).unheard_first is False
    store.update_meeting(off, replace(small_meeting(), unheard_first=True))
    assert store.load_meeting(off).unheard_first is True
