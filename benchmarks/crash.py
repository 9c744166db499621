"""SIGKILL trials: a child applying commands to a database, then the app itself (offscreen) driven through a
meeting; how many committed events and saved notes were lost (must be 0). `python crash.py [engine] [gui]`."""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from _table import print_table

from tests.crash_trials import kill_during, run_trial
from tests.gui_crash_trials import MUST_SURVIVE_S
from tests.gui_crash_trials import run_trials as run_gui_trials


def main(trials: int = 100, gui_trials: int = 100, file_trials: int = 12) -> int:
    ok = engine_section(trials)
    ok = file_section(file_trials) and ok
    return 0 if gui_section(gui_trials) and ok else 1


def file_section(trials: int) -> bool:
    """SIGKILL during the end-of-meeting backup and during a migration (with its backup before it): no
    cut-short file may carry a backup's name, and the database opens whole afterwards (issue 10, finding 6)."""
    from meetingkit.store.repository import Store
    from tests.backup_worker import make_old

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        backup_db = Path(tmp) / "backup" / "meetingkit.db"
        backup_db.parent.mkdir()
        cut_backups = kill_during("backups", backup_db, trials, seed=21)
        kept = len(list((backup_db.parent / "backups").glob("meetingkit-*.db")))
        migrate_db = Path(tmp) / "migrate" / "meetingkit.db"
        migrate_db.parent.mkdir()
        make_old(migrate_db.with_name("old.db"))
        cut_copies = kill_during("migrations", migrate_db, trials, seed=22)
        try:
            with Store(migrate_db) as store:
                whole = store.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        except Exception as exc:  # reported as a failed row, with its words
            print(f"problem: the migrated database does not open: {exc}")
            whole = False
    return print_table(
        f"Kills during backups and migrations: {trials} + {trials} kills in {time.perf_counter() - started:.1f} s",
        [
            ("kills during a backup", str(trials), f"{trials}", f"{kept} whole backups made", kept > 0),
            ("cut-short files under a backup's name", str(len(cut_backups)), "0", "-", not cut_backups),
            ("kills during a migration (and its backup)", str(trials), f"{trials}", "-", True),
            ("cut-short before-migration copies", str(len(cut_copies)), "0", "-", not cut_copies),
            ("database opens whole after the kills", "yes" if whole else "no", "yes", "-", whole),
        ],
    )


def engine_section(trials: int) -> bool:
    rng = random.Random(7)
    results = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(trials):
            results.append(run_trial(Path(tmp) / f"crash-{i}.db", seed=1000 + i, rng=rng))
    reported = sum(r.reported for r in results)
    lost = sum(r.lost for r in results)
    mismatched = sum(not r.state_matches for r in results)
    behind = sum(r.stored < r.reported for r in results)
    failed = sum(r.failed for r in results)
    problems = [r.problem for r in results if r.problem]
    for p in problems[:3]:
        print(f"problem: {p}")
    return print_table(
        f"Crash safety: {trials} trials in {time.perf_counter() - started:.1f} s",
        [
            ("trials", str(len(results)), f"{trials}", "-", len(results) == trials),
            (
                "failed trials (no meeting, nothing committed, lost, differs)",
                str(failed),
                "0",
                "-",
                failed == 0,
            ),
            ("events reported committed", str(reported), f">= {trials}", "-", reported >= max(trials, 1)),
            ("trials that stored fewer events than reported", str(behind), "0", "-", behind == 0),
            ("committed events lost", str(lost), "0", "-", lost == 0),
            ("rebuilt state differs", str(mismatched), "0", "-", mismatched == 0),
            ("child errors (stderr above)", str(len(problems)), "0", "-", not problems),
        ],
    )


def gui_section(trials: int) -> bool:
    """The app killed at random moments while a chair and a secretary use it, then restarted and resumed."""
    if trials <= 0:
        return True
    rng = random.Random(11)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        results = run_gui_trials(Path(tmp), range(2000, 2000 + trials), rng)
    reported = sum(r.reported for r in results)
    lost = sum(r.lost for r in results)
    behind = sum(r.stored < r.reported for r in results)
    due = sum(r.notes_due for r in results)
    notes_lost = sum(r.notes_lost for r in results)
    running = sum(r.running for r in results)
    not_resumed = sum(r.running and not r.resumed for r in results)
    differs = sum(not r.state_matches for r in results)
    child_differs = sum(not r.child_state_matches for r in results)
    problems = [p for r in results for p in r.problems]
    for p in problems[:5]:
        print(f"problem: {p}")
    return print_table(
        f"Crash safety of the app: {trials} GUI trials in {time.perf_counter() - started:.1f} s",
        [
            ("trials", str(len(results)), f"{trials}", "-", len(results) == trials),
            ("trials with a running meeting to resume", str(running), "> 0", "-", running > 0),
            ("events reported committed", str(reported), "> 0", "-", reported > 0),
            ("trials that stored fewer events than reported", str(behind), "0", "-", behind == 0),
            ("committed events lost", str(lost), "0", "-", lost == 0),
            (f"notes reported saved > {MUST_SURVIVE_S:g} s before the kill", str(due), "> 0", "-", due > 0),
            ("notes lost (or shorter than saved)", str(notes_lost), "0", "-", notes_lost == 0),
            ("running meetings not resumed", str(not_resumed), "0", "-", not_resumed == 0),
            ("resumed state differs from a rebuild", str(differs), "0", "-", differs == 0),
            ("child's last state differs from a replay", str(child_differs), "0", "-", child_differs == 0),
            ("problems (app messages, child errors)", str(len(problems)), "0", "-", not problems),
        ],
    )


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:4]]
    sys.exit(main(*args))
