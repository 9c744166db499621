"""The series overview reads projections only and gives the same figures as `stats --json` for each meeting."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from meetingkit.clock import FakeClock
from meetingkit.models import record
from meetingkit.store.repository import Store
from meetingkit.store.series_queries import series_overview, series_target
from tests.review_records import SERIES, silent_rep, with_interjections


def _import(store: Store, data: dict) -> int:  # type: ignore[type-arg]
    return store.import_record(record.parse(data))


def test_each_meeting_matches_its_stats(store: Store) -> None:
    first = _import(store, silent_rep())
    second = _import(store, with_interjections())
    rows = series_overview(store, SERIES)
    assert [r.meeting_id for r in rows] == [first, second]  # oldest first
    for row in rows:
        doc = store.summary(row.meeting_id).to_json()
        assert row.title == doc["meeting"]["title"]
        assert row.status == "ended"
        assert row.patient_voice_share == pytest.approx(doc["patient_voice_share"], rel=1e-12, abs=1e-12)
        assert row.patient_voice_share_with_break == pytest.approx(
            doc["patient_voice_share_with_break"], rel=1e-12, abs=1e-12
        )
        assert row.over_s == doc["timing"]["over_s"]
        assert row.break_status == doc["break"]["status"]
        assert row.break_skip_reason == doc["break"]["skip_reason"]
    silent, busy = rows
    assert silent.patient_voice_share == 0.0
    assert silent.break_status == "skipped" and silent.break_skip_reason == "Room booked until 11"
    assert silent.over_s == -480.0
    assert busy.break_status == "taken"
    assert (busy.feedback_actions_raised, busy.feedback_actions_done) == (1, 0)
    assert (silent.feedback_actions_raised, silent.feedback_actions_done) == (0, 0)
    assert series_target(store, SERIES) == 0.25


def test_a_feedback_action_done_later_counts_as_done(store: Store) -> None:
    mid = _import(store, with_interjections())
    (action,) = store.actions(series=SERIES)
    store.update_action(
        action.id, "done", "Minibus booked", at=datetime(2026, 8, 1, tzinfo=UTC).timestamp(), meeting_id=None
    )
    (row,) = series_overview(store, SERIES)
    assert row.meeting_id == mid
    assert (row.feedback_actions_raised, row.feedback_actions_done) == (1, 1)


def test_drafts_and_other_series_are_left_out_and_a_running_meeting_is_in(store: Store) -> None:
    _import(store, silent_rep())
    _import(store, with_interjections(start="2026-09-10T10:00:00+01:00"))
    other = record.parse(silent_rep(start="2026-06-20T10:00:00+01:00"))
    other.meeting.series = "Another group"
    store.import_record(other)
    draft = record.parse(silent_rep(start="2026-12-01T10:00:00+00:00")).meeting
    store.create_meeting(draft)
    running = record.parse(silent_rep(start="2026-10-01T10:00:00+00:00")).meeting
    mid = store.create_meeting(running)
    clock = FakeClock(datetime(2026, 10, 1, 10, 0, tzinfo=UTC))
    session = store.open_live(mid, clock)
    session.apply("start_meeting")
    session.apply("speak", {"who": "pr"})
    clock.advance(120)
    session.apply("speak", {"who": "ch"})
    clock.advance(60)
    session.apply("pause")
    rows = series_overview(store, SERIES)
    assert len(rows) == 3
    live_row = rows[-1]
    assert live_row.meeting_id == mid and live_row.status == "running"
    assert live_row.over_s is None
    assert live_row.break_status == "pending"
    # The open turn counts up to the last pause, exactly as `stats` reads it.
    assert live_row.patient_voice_share == pytest.approx(store.summary(mid).to_json()["patient_voice_share"])
    assert live_row.patient_voice_share == pytest.approx(120 / 180)


def test_unknown_series_is_empty(store: Store) -> None:
    _import(store, silent_rep())
    assert series_overview(store, "Nobody's series") == []
    assert series_target(store, "Nobody's series") is None
    assert (
        series_overview(store.db, SERIES)[0].title == "Board without the patient voice"
    )  # a Database works too
