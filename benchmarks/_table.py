"""Printing a benchmark table: figure, measured, target, reference, PASS/FAIL."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


# Every table printed in this process, for run_all.py's summary: (title, rows).
COLLECTED: list[tuple[str, list[tuple[str, str, str, str, bool]]]] = []


def print_table(title: str, rows: list[tuple[str, str, str, str, bool]]) -> bool:
    """rows: (figure, measured, target, reference, passed). Returns True if all passed."""
    COLLECTED.append((title, list(rows)))
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
