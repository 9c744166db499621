"""Kill a child mid-meeting with SIGKILL and check that every committed event survived, exactly."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from meetingkit.clock import FakeClock
from meetingkit.models.session import LiveMeeting
from meetingkit.models.summary import MeetingSummary
from tests.crash_worker import START, crash_meeting, drive

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Trial:
    reported: int  # the last seq the child said was committed
    stored: int  # events found after reopening
    lost: int  # reported but missing
    state_matches: bool
    problem: str | None = (
        None  # the child made no meeting, ended before the kill, or raised (with its stderr)
    )

    @property
    def failed(self) -> bool:
        """A trial that measured nothing (no meeting, no committed event) fails as surely as one that lost."""
        return self.problem is not None or self.lost > 0 or not self.state_matches or self.reported == 0


def run_trial(db: Path, seed: int, rng: random.Random) -> Trial:
    errors = db.with_name(f"{db.stem}.stderr")
    with errors.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.crash_worker", str(db), str(seed)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    assert proc.stdout is not None
    kill_after = rng.randint(1, 80)
    reported = 0
    mid = None
    for line in proc.stdout:
        if line.startswith("meeting "):
            mid = int(line.split()[1])
        elif line.startswith("committed "):
            reported = int(line.split()[1])
            if reported >= kill_after:
                break
    # The child goes on writing while we decide; the kill lands wherever it happens to be.
    for _ in range(rng.randint(0, 3000)):
        pass
    alive = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    said = errors.read_text(errors="replace").strip()
    problem = None
    if not alive:
        problem = f"the child ended before the kill (exit {proc.returncode}): {said[-2000:] or 'no stderr'}"
    elif "Traceback" in said:
        problem = f"the child raised: {said[said.index('Traceback') :][:2000]}"
    if mid is None:
        problem = f"the child made no meeting; {problem or 'stderr: ' + (said[-2000:] or 'empty')}"
        return Trial(reported, 0, reported, False, problem)
    trial = check(db, mid, seed, reported)
    trial.problem = problem
    return trial


def check(db: Path, mid: int, seed: int, reported: int) -> Trial:
    from meetingkit.store.repository import Store

    with Store(db) as store:
        events = store.events(mid)
        stored = len(events)
        lost = max(0, reported - stored)
        # What the child must have done: the same seed, in memory, up to as many events as were stored.
        clock = FakeClock(START)
        reference = LiveMeeting(crash_meeting(), clock)
        expected = list(drive(reference, clock, seed, stored))
        same_events = [(e.seq, e.at, e.type, e.payload) for e in events] == [
            (e.seq, e.at, e.type, e.payload) for e in expected
        ]
        end = reference.now()
        rebuilt = store.rebuild(mid, FakeClock(clock.now_utc()))
        same_state = (
            MeetingSummary.of(rebuilt, mid, end).to_json() == MeetingSummary.of(reference, mid, end).to_json()
        )
        # The projections (what `stats` reads) agree with the rebuilt engine for the closed turns.
        projected = store.speeches(mid)
        closed_ok = all(
            p.seconds == r.seconds and p.who == r.who
            for p, r in zip(projected, rebuilt.speeches, strict=True)
            if r.end
        )
        return Trial(reported, stored, lost, same_events and same_state and closed_ok)


# ---- kills during a backup or a migration (issue 10, finding 6) ------------------------------------------


def opens_whole(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def kill_during(mode: str, db: Path, trials: int, seed: int) -> list[str]:
    """Start tests.backup_worker ("backups" or "migrations"), kill it with SIGKILL at a random moment inside a
    backup (or a migration and its backup), `trials` times; the names of cut-short files under a backup's name."""
    rng = random.Random(seed)
    for _ in range(trials):
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.backup_worker", mode, str(db)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert proc.stdout is not None
        wanted = rng.randint(0, 2)
        said = {"backups": "backing-up", "migrations": "migrating"}[mode]
        for line in proc.stdout:
            if line.split()[:1] == [said] and int(line.split()[1]) >= wanted:
                break
        time.sleep(rng.uniform(0.0, 0.03))  # a real child, a real moment: where the kill lands is the test
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        err = proc.stderr.read() if proc.stderr else ""
        proc.stdout.close()
        if proc.stderr:
            proc.stderr.close()
        if "Traceback" in err:
            raise AssertionError(f"the worker raised: {err[-2000:]}")
    folder = db.parent / "backups"
    return [p.name for p in folder.glob(f"{db.stem}-*.db") if not opens_whole(p)]
