"""100 SIGKILL trials of a child applying commands to a database: how many committed events were lost (must be 0)."""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from _table import print_table

from tests.crash_trials import run_trial


def main(trials: int = 100) -> int:
    rng = random.Random(7)
    results = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(trials):
            results.append(run_trial(Path(tmp) / f"crash-{i}.db", seed=1000 + i, rng=rng))
    lost = sum(r.lost for r in results)
    mismatched = sum(not r.state_matches for r in results)
    ahead = sum(r.stored - r.reported for r in results)
    ok = print_table(
        f"Crash safety: {trials} trials in {time.perf_counter() - started:.1f} s",
        [
            ("trials", str(len(results)), f"{trials}", "-", len(results) == trials),
            ("events reported committed", str(sum(r.reported for r in results)), "> 0", "-", True),
            ("events written after the last report", str(ahead), "-", "-", True),
            ("committed events lost", str(lost), "0", "-", lost == 0),
            ("rebuilt state differs", str(mismatched), "0", "-", mismatched == 0),
        ],
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100))
