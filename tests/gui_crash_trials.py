"""Kill the app (offscreen) with SIGKILL mid-meeting, restart it as a user would, and check what survived.

The child is `tests.gui_crash_worker`. After the kill the app is started again on the same database, in this
process: `app.start`, then the main window's offer to resume the running meeting, answered "Yes" and (for an
open turn) "Keep timing". Needs a QApplication-capable environment (QT_QPA_PLATFORM=offscreen is set if unset).
"""

from __future__ import annotations

import os
import random
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any
from unittest import mock

from meetingkit.clock import FakeClock
from meetingkit.models.session import LiveMeeting, from_epoch, to_epoch
from tests.crash_worker import START
from tests.gui_crash_worker import NOTE_MS, crc, fingerprint

ROOT = Path(__file__).resolve().parents[1]
MAX_LINES = 120  # the kill comes after 1..MAX_LINES lines of the child's report (about 50 lines a second)
MAX_SPIN_S = 0.3  # ... and then up to this long again, the child carrying on meanwhile
MUST_SURVIVE_S = 1.0  # a note saved this long before the kill must be found after the restart
DOWN_S = 90.0  # how long the app was down: meeting time, as the room went on
TIMEOUT_S = 30.0  # a child that says nothing for this long has hung


@dataclass
class Report:
    """What the child said before it was killed."""

    meeting_id: int | None = None
    committed: set[int] = field(default_factory=set)
    state: tuple[int, str] | None = None  # the last (seq, digest) reported
    notes: list[tuple[int, int, float, int]] = field(default_factory=list)  # (idx, length, monotonic, crc32)
    lines: int = 0

    def read(self, line: str) -> None:
        self.lines += 1
        word, *rest = line.split()
        if word == "meeting":
            self.meeting_id = int(rest[0])
        elif word == "committed":
            self.committed.add(int(rest[0]))
        elif word == "state":
            self.state = (int(rest[0]), rest[1])
        elif word == "note-saved":
            self.notes.append((int(rest[0]), int(rest[1]), float(rest[2]), int(rest[3])))


@dataclass
class GuiTrial:
    reported: int  # events the child said were committed
    stored: int  # events found after the restart
    lost: int  # reported but missing (must be 0)
    notes_due: int  # notes reported saved more than MUST_SURVIVE_S before the kill
    notes_lost: int  # of those, missing or with less than the saved text (must be 0)
    running: bool  # the meeting had started, so the restarted app had something to resume
    resumed: bool  # ... and its console opened on it
    state_matches: bool  # the resumed console's engine equals a fresh rebuild, at the same instant
    child_state_matches: bool  # the child's last reported state equals a rebuild of that many stored events
    problems: list[str] = field(default_factory=list)  # messages the restarted app showed, a child's death


class ChildOutput:
    """Lines from the child's stdout, with a timeout; what it printed before a kill is still in the pipe."""

    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stdout is not None
        self.fd = proc.stdout.fileno()
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.fd, selectors.EVENT_READ)
        self.buffer = b""
        self.eof = False

    def lines(self, until: float) -> Iterator[str]:
        """Complete lines as they come, up to the monotonic time `until` or the end of the output."""
        while not self.eof:
            while b"\n" in self.buffer:
                line, self.buffer = self.buffer.split(b"\n", 1)
                yield line.decode()
            left = until - time.monotonic()
            if left <= 0 or not self.selector.select(left):
                return
            chunk = os.read(self.fd, 65536)
            self.eof = not chunk
            self.buffer += chunk
        # The end of the output: any line still buffered (a kill cannot cut a flushed line in two).
        for line in self.buffer.split(b"\n"):
            if line:
                yield line.decode()
        self.buffer = b""

    def close(self) -> None:
        self.selector.close()


@dataclass(frozen=True)
class Plan:
    """One trial, drawn before it runs: where, which seed, and when the kill comes."""

    db: Path
    seed: int
    kill_after: int  # lines of the child's report
    spin: float  # seconds more, the child carrying on


def run_trials(
    folder: Path,
    seeds: Sequence[int],
    rng: random.Random,
    note_ms: int = NOTE_MS,
    max_lines: int = MAX_LINES,
    parallel: int = 2,
) -> list[GuiTrial]:
    """A child per seed, each on a fresh database, killed at a random moment; after each, the app restarted
    on what it left. Children wait on timers most of the time, so `parallel` of them run at once; the
    restarts happen one by one in this thread (Qt's)."""
    plans = [
        Plan(
            folder / f"trial-{i}" / "meetingkit.db",
            seed,
            rng.randint(1, max_lines),
            rng.uniform(0.0, MAX_SPIN_S),
        )
        for i, seed in enumerate(seeds)
    ]
    trials = []
    with ThreadPoolExecutor(parallel) as pool:
        children = [pool.submit(run_child, plan, note_ms) for plan in plans]
        for plan, child in zip(plans, children, strict=True):
            report, killed_at, problems = child.result()
            trial = restart_and_check(plan.db, report, killed_at)
            trial.problems[:0] = problems
            trials.append(trial)
    return trials


def user_folders(db: Path) -> dict[str, str]:
    """The settings and data folders of the user of `db`: the child and the restarted app share them."""
    return {"XDG_CONFIG_HOME": str(db.parent / "xdg-config"), "XDG_DATA_HOME": str(db.parent / "xdg-data")}


def run_child(plan: Plan, note_ms: int) -> tuple[Report, float, list[str]]:
    """Start the worker on `plan.db`, read its report, SIGKILL it; what it said, and when it was killed."""
    db = plan.db
    db.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "QT_QPA_PLATFORM": "offscreen", **user_folders(db)}
    errors = db.with_name("worker.stderr")
    with errors.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.gui_crash_worker", str(db), str(plan.seed), str(note_ms)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=err,
            env=env,
        )
    out = ChildOutput(proc)
    report = Report()
    problems: list[str] = []
    try:
        for line in out.lines(time.monotonic() + TIMEOUT_S):
            report.read(line)
            if report.lines >= plan.kill_after:
                break
        if report.lines < plan.kill_after and not out.eof:
            problems.append(f"the child said nothing for {TIMEOUT_S:g} s")
        # The child goes on while we wait; the kill lands wherever it happens to be then.
        for line in out.lines(time.monotonic() + plan.spin):
            report.read(line)
        killed_at = time.monotonic()
        alive = proc.poll() is None
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for line in out.lines(time.monotonic() + TIMEOUT_S):  # what it printed before the kill
            report.read(line)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        out.close()
        assert proc.stdout is not None
        proc.stdout.close()
    said = errors.read_text(errors="replace")
    if not alive:
        problems.append(f"the child ended before the kill (exit {proc.returncode}): {said[-2000:]}")
    elif "Traceback" in said:  # an exception in a slot: Qt carries on, the trial must not
        problems.append(f"the child raised: {said[said.index('Traceback') :][:2000]}")
    return report, killed_at, problems


@contextmanager
def user_answers(problems: list[str]) -> Iterator[None]:
    """The restarted app's questions answered as a chair would: resume the meeting, keep timing the speaker.
    Any warning it shows is kept as a problem."""
    from PySide6.QtWidgets import QMessageBox

    def question(_parent: Any, title: str, text: str, *a: Any, **k: Any) -> QMessageBox.StandardButton:
        if title != "Resume the meeting?":
            problems.append(f"unexpected question: {title}: {text}")
        return QMessageBox.StandardButton.Yes

    def exec_box(box: QMessageBox) -> int:
        keep = [b for b in box.buttons() if b.text().startswith("Keep timing")]
        if not keep:
            problems.append(f"unexpected message: {box.windowTitle()}: {box.text()}")
            return 0
        keep[0].click()
        return 0

    def warn(_parent: Any, title: str, text: str, *a: Any, **k: Any) -> QMessageBox.StandardButton:
        problems.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    with (
        mock.patch.object(QMessageBox, "question", question),
        mock.patch.object(QMessageBox, "exec", exec_box),
        mock.patch.object(QMessageBox, "warning", warn),
        mock.patch.object(QMessageBox, "critical", warn),
    ):
        yield


@contextmanager
def quiet_platform() -> Iterator[None]:
    """Without the offscreen platform's notes on what it cannot do (raise(), size hints): one per window."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(mode: Any, context: Any, message: str) -> None:
        if "This plugin does not support" in message:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def restart_and_check(db: Path, report: Report, killed_at: float) -> GuiTrial:
    """Start the app on `db` as a user would after the crash, resume, and compare with what the child said."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEvent

    from meetingkit import app

    problems: list[str] = []
    if report.meeting_id is None:  # a trial that prepared nothing measured nothing
        problems.append("the child made no meeting")
    clock = FakeClock(START)
    with mock.patch.dict(os.environ, user_folders(db)), quiet_platform(), user_answers(problems):
        window = app.start(db, clock)
        if window is None:
            return GuiTrial(
                len(report.committed), 0, len(report.committed), 0, 0, False, False, False, False, problems
            )
        try:
            mid = report.meeting_id
            events = window.store.events(mid) if mid is not None else []
            if events:
                clock.set_utc(events[-1].at + timedelta(seconds=DOWN_S))
            running = mid is not None and window.store.meeting_status(mid) == "running"
            window.offer_resume()  # what run_app does as soon as the window is up
            console = window.consoles.get(mid) if mid is not None else None
            return judge(window.store, mid, report, killed_at, running, console, problems)
        finally:
            # As at quitting: the windows go first (a closing console refreshes the list), then the store.
            for console in list(window.consoles.values()):
                console.close()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            window.close()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            window.store.close()


def judge(
    store: Any,
    mid: int | None,
    report: Report,
    killed_at: float,
    running: bool,
    console: Any,
    problems: list[str],
) -> GuiTrial:
    events = store.events(mid) if mid is not None else []
    stored = {e.seq for e in events}
    lost = len(report.committed - stored)
    live: LiveMeeting | None = console.bridge.live if console is not None else None

    state_matches = True
    if live is not None:
        now = live.now()
        rebuilt = store.rebuild(mid, FakeClock(from_epoch(now)))
        state_matches = fingerprint(live, mid, now) == fingerprint(rebuilt, mid, now)

    child_state_matches = True
    if report.state is not None and mid is not None:
        seq, digest = report.state
        upto = [e for e in events if e.seq <= seq]
        if len(upto) != seq:
            child_state_matches = False
        else:
            at = upto[-1].at
            replay = LiveMeeting.rebuild(
                store.load_meeting(mid), upto, FakeClock(at), store.prior_actions(mid)
            )
            child_state_matches = fingerprint(replay, mid, to_epoch(at)) == digest

    if live is None and events:  # not resumed: what a replay of the stored events holds
        live = store.rebuild(mid, FakeClock(events[-1].at))
    notes = live.notes if live is not None else []
    due = [n for n in report.notes if n[2] < killed_at - MUST_SURVIVE_S]
    notes_lost = sum(
        1 for idx, length, _, check in due if idx >= len(notes) or crc(notes[idx].text[:length]) != check
    )
    return GuiTrial(
        reported=len(report.committed),
        stored=len(events),
        lost=lost,
        notes_due=len(due),
        notes_lost=notes_lost,
        running=running,
        resumed=console is not None,
        state_matches=state_matches,
        child_state_matches=child_state_matches,
        problems=problems,
    )
