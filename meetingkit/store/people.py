"""The people directory and the series: finding or adding a person or series, and erasing a person everywhere."""

from __future__ import annotations

import json
from typing import Any

from meetingkit.models.meeting import Attendee
from meetingkit.models.redaction import erase_name
from meetingkit.store.database import StoreError, request_backup_purge
from meetingkit.store.store_file import StoreFile

# Free text that may name a person: (table, row key, columns).
_FREE_TEXT = [
    ("notes", "rowid", ("text",)),
    ("decisions", "rowid", ("text",)),
    ("feedback", "rowid", ("text",)),
    ("actions", "id", ("text", "owner")),
    ("action_updates", "id", ("note",)),
    ("meetings", "id", ("title",)),
    ("agenda_items", "rowid", ("title",)),
]


class PeopleStore(StoreFile):
    """The series and the people of the directory."""

    def series_id(self, name: str, create: bool = True) -> int | None:
        name = name.strip()
        if not name:
            return None
        row = self.db.execute("SELECT id FROM series WHERE name = ?", [name]).fetchone()
        if row:
            return int(row[0])
        if not create:
            return None
        return int(self.db.execute("INSERT INTO series (name) VALUES (?)", [name]).lastrowid or 0)

    def series_names(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM series ORDER BY name COLLATE NOCASE")]

    def set_series_settings(
        self, name: str, expected_sectors: list[str] | None, target: float | None
    ) -> None:
        sid = self.series_id(name)
        self.db.execute(
            "UPDATE series SET expected_sectors = ?, patient_voice_target = ? WHERE id = ?",
            [json.dumps(expected_sectors) if expected_sectors else None, target, sid],
        )

    def people(self) -> list[dict[str, Any]]:
        cur = self.db.execute(
            "SELECT id, name, organisation, sector, patient_rep FROM people ORDER BY name COLLATE NOCASE"
        )
        return [
            {"id": r[0], "name": r[1], "organisation": r[2], "sector": r[3], "patient_rep": bool(r[4])}
            for r in cur
        ]

    def _person_id(self, p: Attendee) -> int:
        if p.person_id is not None:
            row = self.db.execute("SELECT id FROM people WHERE id = ?", [p.person_id]).fetchone()
            if row:
                return int(row[0])
        row = self.db.execute(
            "SELECT id FROM people WHERE name = ? AND organisation = ?", [p.name, p.organisation]
        ).fetchone()
        if row:
            return int(row[0])
        cur = self.db.execute(
            "INSERT INTO people (name, organisation, sector, patient_rep) VALUES (?, ?, ?, ?)",
            [p.name, p.organisation, p.sector, int(p.patient_rep)],
        )
        return int(cur.lastrowid or 0)

    def delete_person(self, person_id: int) -> int:
        """Erase a person from the directory: in every meeting they become "former attendee", their name is taken
        out of all free text (notes, decisions, feedback, actions, updates, the event log), and backups holding
        it go at the next rotation. Their turns stay, so the figures of past meetings do not change.
        Returns the number of meetings they were in.
        """
        row = self.db.execute("SELECT name FROM people WHERE id = ?", [person_id]).fetchone()
        if row is None:
            raise StoreError(f"There is no person {person_id} in the directory")
        name = str(row[0])
        with self.db.atomic():
            meetings = self.db.execute(
                "SELECT count(DISTINCT meeting_id) FROM attendees WHERE person_id = ?", [person_id]
            ).fetchone()[0]
            self.db.execute(
                "UPDATE attendees SET name = 'former attendee', organisation = '', person_id = NULL"
                " WHERE person_id = ?",
                [person_id],
            )
            for table, key, columns in _FREE_TEXT:
                for r in self.db.execute(f"SELECT {key}, {', '.join(columns)} FROM {table}").fetchall():
                    cleaned = [erase_name(v, name) if isinstance(v, str) else v for v in r[1:]]
                    if cleaned != list(r[1:]):
                        sets = ", ".join(f"{c} = ?" for c in columns)
                        self.db.execute(f"UPDATE {table} SET {sets} WHERE {key} = ?", [*cleaned, r[0]])
            for r in self.db.execute("SELECT rowid, payload FROM events").fetchall():
                payload = json.loads(r[1])
                cleaned = {
                    k: erase_name(v, name) if isinstance(v, str) and k != "who" else v
                    for k, v in payload.items()
                }
                if cleaned != payload:
                    self.db.execute(
                        "UPDATE events SET payload = ? WHERE rowid = ?",
                        [json.dumps(cleaned, ensure_ascii=False), r[0]],
                    )
            self.db.execute("DELETE FROM people WHERE id = ?", [person_id])
            request_backup_purge(self.db)
        self._checkpoint()
        return int(meetings)
