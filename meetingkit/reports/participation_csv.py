"""The per-person participation table as CSV, for a spreadsheet: figures from `Participation`, unrounded."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from meetingkit.models.meeting import ROLE_LABELS
from meetingkit.models.participation import PersonFigures

HEADER = (
    "Name",
    "Role",
    "Sector",
    "Patient or public voice",
    "Speaking time (s)",
    "Speaking time (m:ss)",
    "Share (%)",
    "Turns",
    "Longest turn (s)",
    "Interjections made",
    "Interjections received",
)


def _cell(text: str) -> str:
    # A spreadsheet runs a cell starting with = + - @ as a formula; a name must never do that.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _mmss(seconds: float) -> str:
    s = int(round(max(0.0, seconds)))
    return f"{s // 60}:{s % 60:02d}"


def people_csv(people: Iterable[PersonFigures]) -> str:
    """One row per person in the order given (the table's current sort)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for f in people:
        writer.writerow(
            [
                _cell(f.name),
                ROLE_LABELS.get(f.role, f.role),
                _cell(f.sector),
                "yes" if f.patient_rep else "no",
                f"{f.seconds:.3f}".rstrip("0").rstrip("."),
                _mmss(f.seconds),
                f"{f.share * 100:.2f}",
                f.turns,
                f"{f.longest_s:.3f}".rstrip("0").rstrip("."),
                f.interjections_made,
                f.interjections_received,
            ]
        )
    return out.getvalue()
