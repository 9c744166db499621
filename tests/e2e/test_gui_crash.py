"""Crash safety of the app itself: the GUI is killed mid-meeting, restarted, and resumes with everything saved."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from meetingkit.clock import FakeClock
from meetingkit.store.repository import Store
from tests.crash_worker import START, crash_meeting
from tests.gui_crash_trials import Report, restart_and_check, run_trials
from tests.gui_crash_worker import crc

TRIALS = 5


def test_the_app_killed_mid_meeting_resumes_with_every_event_and_note(qapp: Any, tmp_path: Path) -> None:
    rng = random.Random(20261123)
    results = run_trials(tmp_path, range(TRIALS), rng)
    assert [r.problems for r in results] == [[]] * TRIALS
    assert sum(r.lost for r in results) == 0, results
    assert all(r.stored >= r.reported for r in results)
    assert sum(r.notes_lost for r in results) == 0, results
    assert sum(r.notes_due for r in results) > 0  # some notes were saved well before a kill
    assert all(r.resumed == r.running for r in results), results
    assert all(r.state_matches and r.child_state_matches for r in results), results
    assert sum(r.reported for r in results) > TRIALS  # the app did real work before the kills


def test_the_check_notices_a_lost_event_a_lost_note_and_a_different_state(qapp: Any, tmp_path: Path) -> None:
    """The same check, on a database whose meeting has less than the (made-up) report says."""
    db = tmp_path / "meetingkit.db"
    with Store(db) as store:
        mid = store.create_meeting(crash_meeting())
        session = store.open_live(mid, FakeClock(START))
        session.apply("start_meeting")
        session.apply("note", {"text": "Carers asked"})
        session.apply("speak", {"who": "p1"})
    report = Report(meeting_id=mid, committed={1, 2, 3, 4}, state=(3, "0" * 16))
    report.notes = [
        (0, len("Carers asked"), 100.0, crc("Carers asked")),
        (0, 12, 100.0, crc("Carers asked!")),
    ]
    trial = restart_and_check(db, report, killed_at=102.0)
    assert (trial.reported, trial.stored, trial.lost) == (4, 3, 1)  # event 4 was said to be committed
    assert (trial.notes_due, trial.notes_lost) == (2, 1)  # the second note's text is not what was saved
    assert trial.running and trial.resumed and trial.state_matches
    assert not trial.child_state_matches
    assert trial.problems == []
