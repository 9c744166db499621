"""Printing a benchmark table: figure, measured, target, reference, PASS/FAIL."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


# Every table printed in this process: (title, rows). run_all.py runs each benchmark in a process of its own
# and names a file in this variable, where each table is also written as one JSON line for its summary.
COLLECTED: list[tuple[str, list[tuple[str, str, str, str, bool]]]] = []
TABLES_FILE = "MEETINGKIT_BENCH_TABLES"


def print_table(title: str, rows: list[tuple[str, str, str, str, bool]]) -> bool:
    """rows: (figure, measured, target, reference, passed). Returns True if all passed."""
    COLLECTED.append((title, list(rows)))
    if os.environ.get(TABLES_FILE):
        with open(os.environ[TABLES_FILE], "a", encoding="utf-8") as out:
            out.write(json.dumps({"title": title, "rows": [list(r) for r in rows]}) + "\n")
    print(f"\n{title}")
    head = ("figure", "measured", "target", "reference (same run)", "result")
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(4)]
    line = "  ".join(h.ljust(w) for h, w in zip(head, widths, strict=False)) + "  result"
    print(line)
    print("-" * len(line))
    for fig, measured, target, ref, ok in rows:
        cells = (fig, measured, target, ref)
        print(
            "  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True))
            + ("  PASS" if ok else "  FAIL")
        )
    return all(r[4] for r in rows)
