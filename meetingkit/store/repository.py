"""Reading and writing meetings, people, series and actions: the one owner of the SQL for them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from meetingkit.clock import Clock
from meetingkit.models.meeting import (
    Action,
    ActionUpdate,
    AgendaItem,
    Attendee,
    BreakSettings,
    DomainError,
    Feedback,
    Meeting,
    Speech,
)
from meetingkit.models.redaction import erase_name
from meetingkit.store.damage import reads_report_damage, stored_epoch, stored_time
from meetingkit.store.database import StoreError, backup, open_database, request_backup_purge

if TYPE_CHECKING:  # the engine is loaded when a meeting is opened, not to list meetings at start-up
    from meetingkit.models.participation import TurnGroup
    from meetingkit.models.record import Record
    from meetingkit.models.session import Event, LiveMeeting
    from meetingkit.models.summary import MeetingSummary
    from meetingkit.store.live_session import LiveSession

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


# A meeting's own settings, in one place for both creating and editing it.
_SETTINGS = (
    "title",
    "scheduled_start",
    "venue",
    "speaker_limit_s",
    "warn_s",
    "break_enabled",
    "break_fraction",
    "break_minutes",
)


def _settings(meeting: Meeting) -> list[Any]:
    """The values of `_SETTINGS`, in that order."""
    return [
        meeting.title,
        meeting.scheduled_start.isoformat(),
        meeting.venue,
        meeting.speaker_limit_s,
        meeting.warn_s,
        int(meeting.brk.enabled),
        meeting.brk.fraction,
        meeting.brk.minutes,
    ]


@dataclass
class MeetingRow:
    id: int
    title: str
    series: str
    scheduled_start: datetime
    venue: str
    status: str  # draft | running | ended


@dataclass
class ActionRow:
    id: int
    key: str
    text: str
    owner: str  # display text: a person's name, or the free text
    due: date | None
    status: str
    source: str
    series: str
    meeting_id: int
    meeting_title: str
    meeting_start: datetime
    updates: list[ActionUpdate]

    def overdue(self, today: date) -> bool:
        return self.due is not None and self.due < today and self.status in ("open", "in_progress")


@reads_report_damage
class Store:
    """The database of one MeetingKit user: opened once at start-up and handed to whoever needs it."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()
        self.db: Database = open_database(self.path)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- series and people ------------------------------------------------------------------------------

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

    # ---- meetings ---------------------------------------------------------------------------------------

    def create_meeting(self, meeting: Meeting) -> int:
        meeting.validate()
        with self.db.atomic():
            return self._insert_meeting(meeting)

    def _insert_meeting(self, meeting: Meeting) -> int:
        sid = self.series_id(meeting.series)
        if sid is not None and (meeting.expected_sectors or meeting.patient_voice_target is not None):
            self.db.execute(
                "UPDATE series SET expected_sectors = COALESCE(?, expected_sectors),"
                " patient_voice_target = COALESCE(?, patient_voice_target) WHERE id = ?",
                [
                    json.dumps(meeting.expected_sectors) if meeting.expected_sectors else None,
                    meeting.patient_voice_target,
                    sid,
                ],
            )
        cur = self.db.execute(
            f"INSERT INTO meetings (series_id, {', '.join(_SETTINGS)}, status, created_at)"
            f" VALUES (?, {', '.join('?' * len(_SETTINGS))}, 'draft', ?)",
            [sid, *_settings(meeting), datetime.now(UTC).isoformat(timespec="seconds")],
        )
        mid = int(cur.lastrowid or 0)
        self._write_people_and_agenda(mid, meeting)
        return mid

    def _write_people_and_agenda(self, mid: int, meeting: Meeting) -> None:
        self.db.execute("DELETE FROM attendees WHERE meeting_id = ?", [mid])
        self.db.execute("DELETE FROM agenda_items WHERE meeting_id = ?", [mid])
        for pos, p in enumerate(meeting.people):
            p.person_id = self._person_id(p)
            self.db.execute(
                "INSERT INTO attendees (meeting_id, key, person_id, position, name, organisation, sector, role,"
                " patient_rep, attendance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    mid,
                    p.key,
                    p.person_id,
                    pos,
                    p.name,
                    p.organisation,
                    p.sector,
                    p.role,
                    int(p.patient_rep),
                    p.attendance,
                ],
            )
        for pos, it in enumerate(meeting.agenda):
            self.db.execute(
                "INSERT INTO agenda_items (meeting_id, key, position, title, minutes, presenter, kind,"
                " speaker_limit_s, protected) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    mid,
                    it.key,
                    pos,
                    it.title,
                    it.minutes,
                    it.presenter,
                    it.kind,
                    it.speaker_limit_s,
                    int(it.protected),
                ],
            )

    def update_meeting(self, mid: int, meeting: Meeting) -> None:
        """Save a meeting's details, people and agenda; only before it starts (its record must not change)."""
        meeting.validate()
        if self.meeting_status(mid) != "draft":
            raise StoreError("This meeting has started: its details, people and agenda can no longer change")
        with self.db.atomic():
            sid = self.series_id(meeting.series)
            self.db.execute(
                f"UPDATE meetings SET series_id = ?, {', '.join(f'{c} = ?' for c in _SETTINGS)} WHERE id = ?",
                [sid, *_settings(meeting), mid],
            )
            self._write_people_and_agenda(mid, meeting)

    def delete_meeting(self, mid: int) -> None:
        """Delete a meeting with its events, turns, notes, actions and the updates reported in it.

        Backups made before now still hold it; they are removed at the next backup (the next rotation).
        """
        self.meeting_status(mid)
        with self.db.atomic():
            self.db.execute("DELETE FROM action_updates WHERE meeting_id = ?", [mid])
            self.db.execute("DELETE FROM meetings WHERE id = ?", [mid])
            request_backup_purge(self.db)
        self._checkpoint()

    def _checkpoint(self) -> None:
        """Fold the WAL into the file and empty it, so old copies of erased rows are gone from disk too."""
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

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

    def meeting_status(self, mid: int) -> str:
        row = self.db.execute("SELECT status FROM meetings WHERE id = ?", [mid]).fetchone()
        if row is None:
            raise StoreError(f"There is no meeting {mid}")
        return str(row[0])

    def list_meetings(self, series: str | None = None) -> list[MeetingRow]:
        sql = (
            "SELECT m.id, m.title, COALESCE(s.name, ''), m.scheduled_start, m.venue, m.status"
            " FROM meetings m LEFT JOIN series s ON s.id = m.series_id"
        )
        args: list[Any] = []
        if series is not None:
            sql += " WHERE s.name = ?"
            args.append(series)
        sql += " ORDER BY m.scheduled_start DESC, m.id DESC"
        return [
            MeetingRow(r[0], r[1], r[2], stored_time(r[3]), r[4], r[5]) for r in self.db.execute(sql, args)
        ]

    def find_meeting(self, title: str, series: str, scheduled_start: datetime) -> int | None:
        """The meeting with this title, series and start, if there is one (to avoid adding it twice)."""
        row = self.db.execute(
            "SELECT m.id FROM meetings m LEFT JOIN series s ON s.id = m.series_id"
            " WHERE m.title = ? AND COALESCE(s.name, '') = ? AND m.scheduled_start = ? ORDER BY m.id LIMIT 1",
            [title, series, scheduled_start.isoformat()],
        ).fetchone()
        return int(row[0]) if row else None

    def running_meetings(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT id FROM meetings WHERE status = 'running' ORDER BY id")]

    def load_meeting(self, mid: int) -> Meeting:
        row = self.db.execute(
            "SELECT m.title, m.scheduled_start, COALESCE(s.name, ''), m.venue, m.speaker_limit_s, m.warn_s,"
            " m.break_enabled, m.break_fraction, m.break_minutes, s.expected_sectors, s.patient_voice_target"
            " FROM meetings m LEFT JOIN series s ON s.id = m.series_id WHERE m.id = ?",
            [mid],
        ).fetchone()
        if row is None:
            raise StoreError(f"There is no meeting {mid}")
        meeting = Meeting(
            title=row[0],
            scheduled_start=datetime.fromisoformat(row[1]),
            series=row[2],
            venue=row[3],
            speaker_limit_s=row[4],
            warn_s=row[5],
            brk=BreakSettings(bool(row[6]), row[7], row[8]),
            expected_sectors=json.loads(row[9]) if row[9] else None,
            patient_voice_target=row[10],
        )
        for r in self.db.execute(
            "SELECT key, name, organisation, sector, role, patient_rep, attendance, person_id FROM attendees"
            " WHERE meeting_id = ? ORDER BY position",
            [mid],
        ):
            meeting.people.append(Attendee(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], r[7]))
        for r in self.db.execute(
            "SELECT key, title, minutes, presenter, kind, speaker_limit_s, protected FROM agenda_items"
            " WHERE meeting_id = ? ORDER BY position",
            [mid],
        ):
            meeting.agenda.append(AgendaItem(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6])))
        return meeting

    def previous_meeting_time(self, mid: int) -> float | None:
        """When the previous meeting of the same series ended (epoch seconds; its start if it never ended).

        Updates reported at or before that meeting were in its minutes; later ones belong in this meeting's.
        """
        row = self.db.execute(
            "SELECT p.ended_at, p.started_at, p.scheduled_start FROM meetings m"
            " JOIN meetings p ON p.series_id = m.series_id"
            " WHERE m.id = ? AND p.id != m.id AND p.scheduled_start < m.scheduled_start"
            " ORDER BY p.scheduled_start DESC LIMIT 1",
            [mid],
        ).fetchone()
        if row is None:
            return None
        return (
            row[0]
            if row[0] is not None
            else row[1]
            if row[1] is not None
            else datetime.fromisoformat(row[2]).timestamp()
        )

    def prior_feedback(self, mid: int) -> list[Feedback]:
        """Feedback from earlier meetings of the series that became actions ("you said, we did").

        `who` is the person's key in this meeting when they are on its list, else their name.
        """
        row = self.db.execute(
            "SELECT series_id, scheduled_start FROM meetings WHERE id = ?", [mid]
        ).fetchone()
        if row is None or row[0] is None:
            return []
        here = {
            r[0]: r[1]
            for r in self.db.execute(
                "SELECT person_id, key FROM attendees WHERE meeting_id = ? AND person_id IS NOT NULL", [mid]
            )
        }
        out = []
        for r in self.db.execute(
            "SELECT f.idx, f.person_key, f.text, f.at, f.in_break, f.action_key, t.name, t.person_id"
            " FROM feedback f JOIN meetings m ON m.id = f.meeting_id"
            " LEFT JOIN attendees t ON t.meeting_id = f.meeting_id AND t.key = f.person_key"
            " WHERE m.series_id = ? AND m.id != ? AND m.scheduled_start <= ? AND f.action_key IS NOT NULL"
            " ORDER BY m.scheduled_start, f.idx",
            [row[0], mid, row[1]],
        ):
            who = here.get(r[7]) or r[6] or r[1]
            out.append(Feedback(r[0], who, r[2], r[3], bool(r[4]), r[5]))
        return out

    def minutes_context(self, mid: int) -> dict[str, Any]:
        """What the minutes need from earlier meetings of the series, for `write_minutes(**...)`."""
        return {
            "prior_actions": self.prior_actions(mid),
            "prior_feedback": self.prior_feedback(mid),
            "since": self.previous_meeting_time(mid),
        }

    def events(self, mid: int) -> list[Event]:
        from meetingkit.models.session import Event

        return [
            Event(r[0], datetime.fromisoformat(r[1]), r[2], json.loads(r[3]))
            for r in self.db.execute(
                "SELECT seq, at, type, payload FROM events WHERE meeting_id = ? ORDER BY seq", [mid]
            )
        ]

    # ---- actions ----------------------------------------------------------------------------------------

    def prior_actions(self, mid: int) -> list[Action]:
        """The series' actions agreed before this meeting, as they stood before it (its own updates left out)."""
        row = self.db.execute(
            "SELECT series_id, scheduled_start FROM meetings WHERE id = ?", [mid]
        ).fetchone()
        if row is None or row[0] is None:
            return []
        actions: dict[int, Action] = {}
        for r in self.db.execute(
            "SELECT a.id, a.key, a.text, a.owner, a.due, a.source, a.item_key, a.at, a.feedback_idx, a.meeting_id"
            " FROM actions a JOIN meetings m ON m.id = a.meeting_id"
            " WHERE a.series_id = ? AND a.meeting_id != ? AND m.scheduled_start <= ?"
            " ORDER BY m.scheduled_start, a.at",
            [row[0], mid, row[1]],
        ):
            due = date.fromisoformat(r[4]) if r[4] else None
            actions[r[0]] = Action(r[1], r[2], r[3], due, "open", r[5], r[6], r[7], r[8], r[9])
        if actions:
            marks = ",".join("?" * len(actions))
            for r in self.db.execute(
                f"SELECT action_id, status, note, at, meeting_id FROM action_updates WHERE action_id IN ({marks})"
                " AND (meeting_id IS NULL OR meeting_id != ?) ORDER BY at, id",
                [*actions, mid],
            ):
                a = actions[r[0]]
                a.updates.append(ActionUpdate(a.key, r[1], r[2], r[3], r[4]))
                a.status = r[1]
        return list(actions.values())

    def actions(
        self,
        series: str | None = None,
        status: str | None = None,
        owner: str | None = None,
        overdue_on: date | None = None,
    ) -> list[ActionRow]:
        """The action register, oldest first; filters combine."""
        sql = (
            "SELECT a.id, a.key, a.text, a.owner, a.due, a.status, a.source, COALESCE(s.name, ''), a.meeting_id,"
            " m.title, m.scheduled_start, (SELECT name FROM attendees t WHERE t.meeting_id = a.meeting_id"
            " AND t.key = a.owner) FROM actions a JOIN meetings m ON m.id = a.meeting_id"
            " LEFT JOIN series s ON s.id = a.series_id WHERE 1"
        )
        args: list[Any] = []
        if series:
            sql += " AND s.name = ?"
            args.append(series)
        if status:
            sql += " AND a.status = ?"
            args.append(status)
        sql += " ORDER BY m.scheduled_start, a.at, a.id"
        rows = []
        for r in self.db.execute(sql, args):
            owner_text = r[11] or r[3]
            if owner and owner.lower() not in owner_text.lower():
                continue
            row = ActionRow(
                r[0],
                r[1],
                r[2],
                owner_text,
                date.fromisoformat(r[4]) if r[4] else None,
                r[5],
                r[6],
                r[7],
                r[8],
                r[9],
                datetime.fromisoformat(r[10]),
                [],
            )
            if overdue_on is not None and not row.overdue(overdue_on):
                continue
            rows.append(row)
        by_id = {r.id: r for r in rows}
        if by_id:
            marks = ",".join("?" * len(by_id))
            for u in self.db.execute(
                f"SELECT action_id, status, note, at, meeting_id FROM action_updates WHERE action_id IN ({marks})"
                " ORDER BY at, id",
                list(by_id),
            ):
                by_id[u[0]].updates.append(ActionUpdate(by_id[u[0]].key, u[1], u[2], u[3], u[4]))
        return rows

    def update_action(
        self, action_id: int, status: str, note: str, at: float, meeting_id: int | None
    ) -> None:
        """A status change made in the register (between meetings); stored as an update like any other."""
        from meetingkit.models.meeting import ACTION_STATUSES

        if status not in ACTION_STATUSES:
            raise DomainError(f"An action's status must be one of {', '.join(ACTION_STATUSES)}")
        with self.db.atomic():
            if self.db.execute("SELECT 1 FROM actions WHERE id = ?", [action_id]).fetchone() is None:
                raise StoreError(f"There is no action {action_id}")
            self.db.execute(
                "INSERT INTO action_updates (action_id, meeting_id, status, note, at) VALUES (?, ?, ?, ?, ?)",
                [action_id, meeting_id, status, note.strip(), at],
            )
            self.db.execute("UPDATE actions SET status = ? WHERE id = ?", [status, action_id])

    # ---- live meetings and records -------------------------------------------------------------------------

    def open_live(self, mid: int, clock: Clock) -> LiveSession:
        """The live session of a meeting: fresh if not started, else rebuilt from its stored events."""
        from meetingkit.models.session import LiveMeeting
        from meetingkit.store.live_session import LiveSession

        meeting = self.load_meeting(mid)
        prior = self.prior_actions(mid)
        live = LiveMeeting.rebuild(meeting, self.events(mid), clock, prior, key_prefix=f"M{mid}-")
        return LiveSession(self, mid, live)

    def import_record(self, record: Record) -> int:
        """Replay a record into a new meeting, all or nothing (one transaction)."""
        from meetingkit.models.record import replay
        from meetingkit.store.projections import write_all

        with self.db.atomic():
            mid = self._insert_meeting(record.meeting)
            live = replay(record, self.prior_actions(mid), key_prefix=f"M{mid}-")
            write_all(self.db, mid, live)
        return mid

    def rebuild(self, mid: int, clock: Clock) -> LiveMeeting:
        from meetingkit.models.session import LiveMeeting

        return LiveMeeting.rebuild(
            self.load_meeting(mid), self.events(mid), clock, self.prior_actions(mid), key_prefix=f"M{mid}-"
        )

    def summary(self, mid: int) -> MeetingSummary:
        """The meeting's figures from the stored projections (no replay): what `stats` prints."""
        from meetingkit.models import participation
        from meetingkit.models.session import BreakSummary, ItemTiming, LiveMeeting, Timing
        from meetingkit.models.summary import MeetingSummary

        meeting = self.load_meeting(mid)
        row = self.db.execute(
            "SELECT started_at, ended_at, summary FROM meetings WHERE id = ?", [mid]
        ).fetchone()
        state = json.loads(row[2]) if row[2] else None
        speeches = self.turn_groups(mid)
        present_keys = (
            set(state["present"]) if state else {p.key for p in meeting.people if p.attendance == "present"}
        )
        present = [p for p in meeting.people if p.key in present_keys]
        part = participation.compute(
            speeches, present, [it.key for it in meeting.agenda], meeting.expected_sectors
        )
        if state:
            brk = BreakSummary(**state["break"])
            timing = Timing(
                state["timing"]["scheduled_end_offset_s"],
                state["timing"]["end_offset_s"],
                state["timing"]["over_s"],
                [ItemTiming(**i) for i in state["timing"]["items"]],
            )
        else:
            from meetingkit.clock import FakeClock

            live = LiveMeeting(meeting, FakeClock(meeting.scheduled_start))
            brk, timing = live.break_summary(), live.timing(live.scheduled_start)
        return MeetingSummary(mid, meeting, stored_epoch(row[0]), stored_epoch(row[1]), part, brk, timing)

    def turn_groups(self, mid: int) -> list[TurnGroup]:
        """A meeting's turns summed by everything the figures depend on: exact, and fast for a long series."""
        from meetingkit.models import participation

        return [
            participation.TurnGroup(r[0], r[1], r[2], r[3], bool(r[4]), r[5], bool(r[6]), r[7], r[8], r[9])
            for r in self.db.execute(
                "SELECT person_key, item_key, role, sector, patient_rep, SUM(seconds), interjection, interrupts,"
                " COUNT(*), MAX(seconds) FROM speeches WHERE meeting_id = ?"
                " GROUP BY person_key, item_key, role, sector, patient_rep, interjection, interrupts",
                [mid],
            )
        ]

    def speeches(self, mid: int) -> list[Speech]:
        return [
            Speech(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                bool(r[5]),
                r[6],
                r[7],
                r[8],
                bool(r[9]),
                r[10],
                json.loads(r[11]),
            )
            for r in self.db.execute(
                "SELECT idx, person_key, item_key, role, sector, patient_rep, start_at, end_at, seconds,"
                " interjection, interrupts, segments FROM speeches WHERE meeting_id = ? ORDER BY idx",
                [mid],
            )
        ]

    def backup(self, reason: str = "meeting-ended") -> Path:
        return backup(self.db, self.path, reason)
