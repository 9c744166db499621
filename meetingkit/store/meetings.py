"""Meetings as planned: their settings, people and agenda; creating, editing, listing, loading and deleting them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from meetingkit.models.meeting import AgendaItem, Attendee, BreakSettings, Meeting
from meetingkit.store.damage import stored_time
from meetingkit.store.database import StoreError, request_backup_purge
from meetingkit.store.meeting_zones import local_zone_name, zone_for
from meetingkit.store.people import PeopleStore
from meetingkit.store.writer_locks import WriterLocks

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
    "unheard_first",
    "time_zone",
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
        int(meeting.unheard_first),
        meeting.time_zone,
    ]


@dataclass
class MeetingRow:
    """A meeting as the list shows it: title, series, start, venue and status."""

    id: int
    title: str
    series: str
    scheduled_start: datetime
    venue: str
    status: str  # draft | running | ended
    problem: str = ""  # a stored value that cannot be read (the list still shows the meeting, and says so)
    minutes: str = ""  # an ended meeting's minutes: "draft" | "approved" ("": not looked up)


def _listed(r: Any) -> MeetingRow:
    """One row of the list; a start that cannot be read (changed outside MeetingKit) never hides the others."""
    try:
        return MeetingRow(r[0], r[1], r[2], in_own_zone(stored_time(r[3]), r[6]), r[4], r[5])
    except (TypeError, ValueError):
        problem = "its planned start cannot be read (changed outside MeetingKit)"
        return MeetingRow(r[0], f"{r[1]} — {problem}", r[2], UNREADABLE_START, r[4], r[5], problem)


UNREADABLE_START = datetime(1970, 1, 1, tzinfo=UTC)


def in_own_zone(start: datetime, time_zone: str | None) -> datetime:
    """The planned start on its meeting's own wall clock (IANA zone, kept with the meeting), so that every time
    the windows work out from it follows that room's daylight-saving changes; else the offset it was given in."""
    if time_zone:
        try:
            return start.astimezone(ZoneInfo(time_zone))
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    return start


class MeetingsStore(PeopleStore, WriterLocks):
    """Meetings, with their people (found or added in the directory) and agenda."""

    def create_meeting(self, meeting: Meeting) -> int:
        meeting.validate()
        with self.db.atomic():
            return self._insert_meeting(meeting)

    def _insert_meeting(self, meeting: Meeting) -> int:
        if meeting.time_zone is None:  # planned here: the zone of this computer if its offset agrees
            meeting.time_zone = zone_for(meeting.scheduled_start, local_zone_name())
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

    def update_meeting(self, mid: int, meeting: Meeting, lock_token: str | None = None) -> None:
        """Save a meeting's details, people and agenda; only before it starts (its record must not change).

        `lock_token` is the caller's own writer lock on the meeting: its console may still change the plan
        (Move to today) while it holds the lock, which refuses every other writer."""
        meeting.validate()
        if self.meeting_status(mid) != "draft":
            raise StoreError("This meeting has started: its details, people and agenda can no longer change")
        with self.db.atomic():
            self._refuse_if_running(mid, "changed", lock_token)
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
        with self.db.atomic():  # checked and deleted in one transaction: a console cannot start in between
            self._refuse_if_running(mid, "deleted")
            self.db.execute("DELETE FROM action_updates WHERE meeting_id = ?", [mid])
            self.db.execute("DELETE FROM meetings WHERE id = ?", [mid])
            request_backup_purge(self.db)
        self._checkpoint()

    def _refuse_if_running(self, mid: int, what: str, lock_token: str | None = None) -> None:
        """A meeting whose console is open (here or in another program), or that started and has not ended,
        is never deleted or replaced under it (DESIGN §4); the holder of `lock_token` is not another."""
        holder = self.live_writer(mid, lock_token)
        if holder is not None:
            raise StoreError(
                f"This meeting is {holder.words()}: it cannot be {what} while its console is open"
            )
        if self.meeting_status(mid) == "running":
            raise StoreError(
                f"This meeting has started and not ended: it cannot be {what}. Resume it and end it first"
            )

    def meeting_status(self, mid: int) -> str:
        row = self.db.execute("SELECT status FROM meetings WHERE id = ?", [mid]).fetchone()
        if row is None:
            raise StoreError(f"There is no meeting {mid}")
        return str(row[0])

    def list_meetings(self, series: str | None = None) -> list[MeetingRow]:
        sql = (
            "SELECT m.id, m.title, COALESCE(s.name, ''), m.scheduled_start, m.venue, m.status, m.time_zone"
            " FROM meetings m LEFT JOIN series s ON s.id = m.series_id"
        )
        args: list[Any] = []
        if series is not None:
            sql += " WHERE s.name = ?"
            args.append(series)
        sql += " ORDER BY m.scheduled_start DESC, m.id DESC"
        return [_listed(r) for r in self.db.execute(sql, args)]

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
            " m.break_enabled, m.break_fraction, m.break_minutes, s.expected_sectors, s.patient_voice_target,"
            " m.unheard_first, m.time_zone"
            " FROM meetings m LEFT JOIN series s ON s.id = m.series_id WHERE m.id = ?",
            [mid],
        ).fetchone()
        if row is None:
            raise StoreError(f"There is no meeting {mid}")
        meeting = Meeting(
            title=row[0],
            # On its own wall clock, as the list gives it: the details, the editor, Duplicate as next and Move to
            # today work from this start, and with its fixed offset a date across a clock change was an hour out.
            scheduled_start=in_own_zone(datetime.fromisoformat(row[1]), row[12]),
            series=row[2],
            venue=row[3],
            speaker_limit_s=row[4],
            warn_s=row[5],
            brk=BreakSettings(bool(row[6]), row[7], row[8]),
            expected_sectors=json.loads(row[9]) if row[9] else None,
            patient_voice_target=row[10],
            unheard_first=bool(row[11]),
            time_zone=row[12],
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
