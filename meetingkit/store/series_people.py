"""The people of the other meetings of a series: the redacted minutes scrub their names from the text carried
from those meetings (an action agreed at meeting 1 that names its owner, an update note)."""

from __future__ import annotations

from sqlite_utils import Database

from meetingkit.models.meeting import Attendee


def series_people(db: Database, mid: int) -> list[Attendee]:
    """Everyone on the list of another meeting of `mid`'s series (one entry a name), with their organisation."""
    rows = db.execute(
        "SELECT DISTINCT a.name, a.organisation FROM attendees a JOIN meetings m ON m.id = a.meeting_id"
        " WHERE a.meeting_id != ? AND m.series_id IS NOT NULL"
        " AND m.series_id = (SELECT series_id FROM meetings WHERE id = ?) ORDER BY a.name",
        [mid, mid],
    ).fetchall()
    return [Attendee(f"series-{i}", name, organisation or "") for i, (name, organisation) in enumerate(rows)]
