"""Crash safety: a child process is SIGKILLed at random moments; nothing it reported committed is lost."""

from __future__ import annotations

import random
from pathlib import Path

from tests.crash_trials import run_trial

TRIALS = 20


def test_sigkill_loses_no_committed_event(tmp_path: Path) -> None:
    rng = random.Random(20261122)
    results = [run_trial(tmp_path / f"crash-{i}.db", seed=i, rng=rng) for i in range(TRIALS)]
    assert len(results) == TRIALS
    assert not [r.problem for r in results if r.problem]  # the child made its meeting and never raised
    assert sum(r.lost for r in results) == 0, results
    assert all(r.state_matches for r in results), results
    assert all(r.stored >= r.reported for r in results)
    assert sum(r.reported for r in results) > TRIALS  # the trials did real work before the kill
