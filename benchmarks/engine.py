"""Engine and store speed: command -> durable event, rebuilding a long meeting, stats for a big series."""

from __future__ import annotations

import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from _table import print_table

from meetingkit.clock import FakeClock
from meetingkit.models.meeting import AgendaItem, Attendee, Meeting
from meetingkit.models.session import LiveMeeting
from meetingkit.store.projections import write_all
from meetingkit.store.repository import Store

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


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


def raw_commit_ms(path: Path, n: int) -> list[float]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("CREATE TABLE events (meeting_id INTEGER, seq INTEGER, at TEXT, type TEXT, payload TEXT)")
    out = []
    for i in range(n):
        t0 = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute(
            "INSERT INTO events VALUES (1, ?, '2026-01-05T09:00:00.000+00:00', 'speak', '{\"who\": \"p1\"}')",
            [i],
        )
        conn.execute("COMMIT")
        out.append((time.perf_counter() - t0) * 1000)
    conn.close()
    return out


def command_ms(path: Path, n: int) -> list[float]:
    store = Store(path)
    mid = store.create_meeting(big_meeting())
    clock = FakeClock(START)
    session = store.open_live(mid, clock)
    session.apply("start_meeting")
    rng = random.Random(1)
    out = []
    for i in range(n):
        clock.advance(rng.uniform(5, 60))
        cmd, payload = ("next_item", {}) if i % 200 == 199 else ("speak", {"who": f"p{rng.randrange(20)}"})
        t0 = time.perf_counter()
        session.apply(cmd, payload)
        out.append((time.perf_counter() - t0) * 1000)
    store.close()
    return out


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


def main() -> int:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        n = 400
        raw = raw_commit_ms(tmpdir / "raw.db", n)
        ours = command_ms(tmpdir / "store.db", n)
        ratio = statistics.median(ours) / statistics.median(raw)
        rows.append(
            (
                "command -> durable event, median",
                f"{statistics.median(ours):.2f} ms",
                "<= 2x raw",
                f"raw sqlite3 insert+commit {statistics.median(raw):.2f} ms (x{ratio:.2f})",
                ratio <= 2.0,
            )
        )
        rows.append(
            (
                "command -> durable event, p99",
                f"{p(ours, 0.99):.2f} ms",
                "<= 10 ms",
                f"raw p99 {p(raw, 0.99):.2f} ms",
                p(ours, 0.99) <= 10.0,
            )
        )

        # Rebuilding a 2,000-event meeting from the store.
        store = Store(tmpdir / "rebuild.db")
        live = long_meeting(2000)
        with store.db.atomic():
            mid = store._insert_meeting(live.meeting)
            write_all(store.db, mid, live)
        times = []
        for _ in range(7):
            t0 = time.perf_counter()
            store.rebuild(mid, FakeClock(START + timedelta(hours=20)))
            times.append((time.perf_counter() - t0) * 1000)
        rows.append(
            (
                "rebuild a 2,000-event meeting",
                f"{statistics.median(times):.1f} ms",
                "< 100 ms",
                f"{len(live.events)} events",
                statistics.median(times) < 100,
            )
        )
        store.close()

        # Stats for a series of 100 meetings with 200,000 turns.
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
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            for mid in ids:
                store.summary(mid)
            times.append((time.perf_counter() - t0) * 1000)
        rows.append(
            (
                "stats for a series of 100 meetings",
                f"{statistics.median(times):.0f} ms",
                "< 300 ms",
                f"{total_turns:,} turns ({turns} a meeting)",
                statistics.median(times) < 300 and total_turns >= 200_000,
            )
        )
        store.close()
    ok = print_table("Engine and store", rows)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
