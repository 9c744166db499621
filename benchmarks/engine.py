"""Engine and store speed: command -> durable event, rebuilding a long meeting, stats for a big series."""

from __future__ import annotations

import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from _table import print_table

from meetingkit.clock import FakeClock
from meetingkit.models.meeting import BREAK, AgendaItem, Attendee, Meeting
from meetingkit.models.session import LiveMeeting, iso_ms
from meetingkit.store.projections import write_all
from meetingkit.store.repository import Store

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
Row = tuple[str, str, str, str, bool]


def big_meeting(people: int = 20, items: int = 10, start: datetime = START) -> Meeting:
    roles = ["chair", "secretary"] + ["member"] * (people - 4) + ["patient_rep", "patient_rep"]
    return Meeting(
        "Benchmark board",
        start,
        series="Bench",
        people=[
            Attendee(f"p{i}", f"Person {i}", role=roles[i], sector=f"sector {i % 7}") for i in range(people)
        ],
        agenda=[AgendaItem(f"i{i}", f"Item {i}", 18) for i in range(items)],
    )


def p(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def commit_ms(path: Path, n: int) -> tuple[list[float], list[float]]:
    """Milliseconds per command made durable by the store, and per bare sqlite3 insert+commit with the store's
    pragmas (the floor), taken in turn so that both see the same disk at the same moments."""
    raw = sqlite3.connect(path.with_name("raw.db"), isolation_level=None)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")
    raw.execute("PRAGMA foreign_keys=ON")
    raw.execute("CREATE TABLE events (meeting_id INTEGER, seq INTEGER, at TEXT, type TEXT, payload TEXT)")
    store = Store(path)
    mid = store.create_meeting(big_meeting())
    clock = FakeClock(START)
    session = store.open_live(mid, clock)
    session.apply("start_meeting")
    rng = random.Random(1)
    ours, floor = [], []
    for i in range(n):
        t0 = time.perf_counter()
        raw.execute("BEGIN")
        raw.execute(
            "INSERT INTO events VALUES (1, ?, '2026-01-05T09:00:00.000+00:00', 'speak', '{\"who\": \"p1\"}')",
            [i],
        )
        raw.execute("COMMIT")
        floor.append((time.perf_counter() - t0) * 1000)
        clock.advance(rng.uniform(5, 60))
        cmd, payload = ("next_item", {}) if i % 200 == 199 else ("speak", {"who": f"p{rng.randrange(20)}"})
        t0 = time.perf_counter()
        session.apply(cmd, payload)
        ours.append((time.perf_counter() - t0) * 1000)
    store.close()
    raw.close()
    return ours, floor


def _unchained_write(db: Any, mid: int, event: Any, prev: str) -> str:
    """The event row as written before the hash chain (DESIGN §4): the same insert, no hash."""
    db.execute(
        "INSERT INTO events (meeting_id, seq, at, type, payload) VALUES (?, ?, ?, ?, ?)",
        [mid, event.seq, iso_ms(event.at), event.type, json.dumps(event.payload, ensure_ascii=False)],
    )
    return ""


def hash_cost_ms(tmpdir: Path, n: int) -> tuple[list[float], list[float]]:
    """Milliseconds per durable command with the hash chain and without it, taken in turn on two files."""
    from meetingkit.store import live_session

    chained = (live_session.write_event, live_session.chain_head, live_session.seal)
    unchained = (_unchained_write, lambda *a: "", lambda *a: None)
    sessions = []
    for name in ("chained.db", "unchained.db"):
        store = Store(tmpdir / name)
        clock = FakeClock(START)
        session = store.open_live(store.create_meeting(big_meeting()), clock)
        session.apply("start_meeting")
        sessions.append((store, clock, session))
    rng = random.Random(3)
    with_hash: list[float] = []
    without: list[float] = []
    try:
        for i in range(n):
            step = rng.uniform(5, 60)
            cmd, payload = (
                ("next_item", {}) if i % 200 == 199 else ("speak", {"who": f"p{rng.randrange(20)}"})
            )
            for (_store, clock, session), funcs, out in zip(
                sessions, (chained, unchained), (with_hash, without), strict=False
            ):
                live_session.write_event, live_session.chain_head, live_session.seal = funcs
                clock.advance(step)
                t0 = time.perf_counter()
                session.apply(cmd, payload)
                out.append((time.perf_counter() - t0) * 1000)
    finally:
        live_session.write_event, live_session.chain_head, live_session.seal = chained
        for store, _, _ in sessions:
            store.close()
    return with_hash, without


def long_meeting(events: int, start: datetime = START) -> LiveMeeting:
    clock = FakeClock(start)
    live = LiveMeeting(big_meeting(start=start), clock)
    live.apply("start_meeting")
    rng = random.Random(2)
    while len(live.events) < events:
        clock.advance(rng.uniform(3, 40))
        n = len(live.events)
        if n % 200 == 0 and live.current:
            live.apply("next_item")
        elif n % 17 == 0 and live.turn is not None:
            live.apply(
                "interject",
                {"who": f"p{(n % 19) + 1}"} if live.speaker != f"p{(n % 19) + 1}" else {"who": "p0"},
            )
        elif n % 23 == 0:
            live.apply("note", {"text": f"Note {n}"})
        else:
            live.apply("speak", {"who": f"p{rng.randrange(20)}"})
    return live


def interleaved(figure: Callable[[], object], floor: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median milliseconds of each, run in turn (figure, floor, figure, ...) so that both see the same machine."""
    fig, flo = [], []
    for _ in range(runs):
        for fn, out in ((figure, fig), (floor, flo)):
            t0 = time.perf_counter()
            fn()
            out.append((time.perf_counter() - t0) * 1000)
    return statistics.median(fig), statistics.median(flo)


def judged(figure: str, ms: float, floor_ms: float, most: float, floor: str, digits: int = 1) -> Row:
    """A row judged by its ratio to a floor measured in the same run."""
    ratio = ms / floor_ms
    return (
        figure,
        f"{ms:.{digits}f} ms",
        f"<= {most:g}x floor",
        f"floor: {floor} {floor_ms:.{digits}f} ms (x{ratio:.2f})",
        ratio <= most,
    )


def durable_rows(tmpdir: Path) -> list[Row]:
    n = 400
    ours, raw = commit_ms(tmpdir / "store.db", n)
    with_hash, without = hash_cost_ms(tmpdir, n)
    floor = "raw sqlite3 insert+commit, same pragmas,"
    return [
        judged(
            "command -> durable event, median", statistics.median(ours), statistics.median(raw), 2, floor, 2
        ),
        judged("command -> durable event, p99", p(ours, 0.99), p(raw, 0.99), 5, f"{floor} p99", 2),
        judged(
            "command -> durable event with the hash chain, median",
            statistics.median(with_hash),
            statistics.median(without),
            1.10,
            "the same without the hash chain,",
            2,
        ),
    ]


def rebuild_rows(tmpdir: Path) -> list[Row]:
    """Rebuilding a 2,000-event meeting from the store, against the bare replay loop over the same events."""
    store = Store(tmpdir / "rebuild.db")
    live = long_meeting(2000)
    with store.db.atomic():
        mid = store._insert_meeting(live.meeting)
        write_all(store.db, mid, live)
    clock = FakeClock(START + timedelta(hours=20))
    events = store.events(mid)
    meeting = store.load_meeting(mid)
    rebuilt = store.rebuild(mid, clock)
    bare = LiveMeeting.rebuild(meeting, events, clock, key_prefix=f"M{mid}-")
    same = len(rebuilt.events) == len(bare.events) == len(live.events)
    ms, floor_ms = interleaved(
        lambda: store.rebuild(mid, clock),
        lambda: LiveMeeting.rebuild(meeting, events, clock, key_prefix=f"M{mid}-"),
        7,
    )
    store.close()
    return [
        (
            "events replayed (store, bare loop)",
            f"{len(rebuilt.events)}, {len(bare.events)}",
            "2000",
            "",
            same,
        ),
        judged(
            f"rebuild a {len(live.events):,}-event meeting",
            ms,
            floor_ms,
            2,
            "bare replay loop over the same events, already in memory,",
        ),
    ]


def series_floor(store: Store, ids: list[int]) -> list[tuple[object, ...]]:
    """The turn totals every meeting's figures are made of, for the whole series in one SQL GROUP BY."""
    marks = ", ".join("?" * len(ids))
    return list(
        store.db.execute(
            "SELECT meeting_id, person_key, item_key, role, sector, patient_rep, interjection, interrupts,"
            " SUM(seconds), COUNT(*), MAX(seconds) FROM speeches"
            f" WHERE meeting_id IN ({marks}) GROUP BY 1, 2, 3, 4, 5, 6, 7, 8",
            ids,
        )
    )


def series_rows(tmpdir: Path) -> list[Row]:
    """Stats for a series of 100 meetings with 200,000 turns, against the same totals from one GROUP BY."""
    store = Store(tmpdir / "series.db")
    base = long_meeting(2150)
    turns = len(base.speeches)
    with store.db.atomic():
        ids = []
        for k in range(100):
            meeting = big_meeting(start=START + timedelta(weeks=k))
            mid = store._insert_meeting(meeting)
            write_all(store.db, mid, base)
            ids.append(mid)
    total_turns = store.db.execute("SELECT count(*) FROM speeches").fetchone()[0]
    summaries = [store.summary(mid) for mid in ids]
    groups = series_floor(store, ids)
    # The floor must carry the same totals the figures are made of: every meeting's turns and seconds.
    turns_in_floor = sum(int(g[9]) for g in groups)  # type: ignore[call-overload]
    spoken = sum(s.participation.main_s for s in summaries)
    spoken_floor = sum(float(g[8]) for g in groups if g[2] != BREAK)  # type: ignore[arg-type]
    ms, floor_ms = interleaved(
        lambda: [store.summary(mid) for mid in ids], lambda: series_floor(store, ids), 5
    )
    store.close()
    return [
        (
            "turns stored (in the floor's totals)",
            f"{total_turns:,} ({turns_in_floor:,})",
            ">= 200,000",
            f"{turns} a meeting",
            total_turns >= 200_000 and turns_in_floor == total_turns,
        ),
        (
            "main-discussion seconds, stats vs floor",
            f"{spoken:,.0f} s",
            "same",
            f"floor {spoken_floor:,.0f} s",
            abs(spoken - spoken_floor) < 1e-6 * max(spoken, 1),
        ),
        judged(
            "stats for a series of 100 meetings",
            ms,
            floor_ms,
            3,
            "the same turn totals from one SQL GROUP BY",
            0,
        ),
    ]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        rows = durable_rows(tmpdir) + rebuild_rows(tmpdir) + series_rows(tmpdir)
    ok = print_table("Engine and store", rows)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
