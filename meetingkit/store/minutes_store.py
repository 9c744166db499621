"""The life of a meeting's minutes as the store knows it across a series (DESIGN §5): which earlier minutes a
meeting may approve, whether its own were approved and where, and the date of the next meeting."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from meetingkit.models.meeting import Approval, PreviousMinutes
from meetingkit.store.actions_store import ActionsStore
from meetingkit.store.damage import damage_message
from meetingkit.store.database import StoreError


class MinutesStore(ActionsStore):
    def minutes_context(self, mid: int) -> dict[str, Any]:
        """What the minutes need from elsewhere in the series, for `write_minutes(**...)`."""
        return {
            "prior_actions": self.prior_actions(mid),
            "prior_feedback": self.prior_feedback(mid),
            "since": self.previous_meeting_time(mid),
            "next_meeting": self.next_meeting_start(mid),
            "altered": self.altered(mid),
        }

    def _previous_row(self, mid: int) -> tuple[int, str, str] | None:
        row = self.db.execute(
            "SELECT p.id, p.scheduled_start, p.title FROM meetings m JOIN meetings p ON p.series_id = m.series_id"
            " WHERE m.id = ? AND p.id != m.id AND p.scheduled_start < m.scheduled_start AND p.ended_at IS NOT NULL"
            " ORDER BY p.scheduled_start DESC LIMIT 1",
            [mid],
        ).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def previous_minutes(self, mid: int) -> PreviousMinutes | None:
        """The latest earlier meeting of the same series, held to its end, and whether its minutes are approved."""
        row = self._previous_row(mid)
        if row is None:
            return None
        return PreviousMinutes(row[1], row[2], self.approval_of(row[0], exclude=mid) is not None)

    def previous_meeting_id(self, mid: int) -> int | None:
        """The id of the meeting whose minutes `mid` may approve (its writer lock is held while it does)."""
        row = self._previous_row(mid)
        return row[0] if row else None

    def approval_of(self, mid: int, exclude: int | None = None, own: bool = True) -> Approval | None:
        """How meeting `mid`'s minutes were approved: by `meetingkit approve` (its own log), or at a later
        meeting of the series whose `minutes_approved` names its scheduled start (None: still draft).
        `exclude`: a meeting whose approval is being replayed, and so must not count already; `own=False`
        leaves out the meeting's own log (its engine replays that itself)."""
        row = self.db.execute(
            "SELECT series_id, scheduled_start FROM meetings WHERE id = ?", [mid]
        ).fetchone()
        if row is None:
            return None
        series_id, start = row
        for at, payload, meeting_start, holder in self.db.execute(
            "SELECT e.at, e.payload, m.scheduled_start, e.meeting_id FROM events e"
            " JOIN meetings m ON m.id = e.meeting_id"
            " WHERE e.type = 'minutes_approved' AND (e.meeting_id = ? OR (m.series_id = ? AND m.id != ?"
            " AND m.id IS NOT ?)) ORDER BY e.at",
            [mid, series_id, mid, exclude],
        ):
            try:
                body = json.loads(payload)
                if not isinstance(body, dict):
                    raise TypeError(f"{payload[:40]!r} is not an object")
            except (ValueError, TypeError) as exc:  # named as the meeting whose log holds it, not this one
                raise StoreError(damage_message(f"meeting {holder}", exc)) from exc
            mine = bool(body.get("own")) and meeting_start == start
            if mine and not own:
                continue
            if mine or (body.get("approves") == start and series_id is not None):
                when = datetime.fromisoformat(at).timestamp()
                return Approval(when, str(body.get("amendments", "")), None if mine else meeting_start)
        return None

    def approved_meetings(self) -> set[int]:
        """The meetings whose minutes are approved, as `approval_of` finds them, from one reading of the log's
        approvals: the meeting list says "minutes draft" or "minutes approved" without replaying any meeting.
        An approval whose stored words cannot be read counts for none here (the meeting's own view says what
        is damaged); the list still shows every meeting."""
        own: set[int] = set()
        by_later: dict[
            tuple[int, str], set[int]
        ] = {}  # (series, start approved) -> the meetings approving it
        for holder, series_id, payload in self.db.execute(
            "SELECT e.meeting_id, m.series_id, e.payload FROM events e JOIN meetings m ON m.id = e.meeting_id"
            " WHERE e.type = 'minutes_approved'"
        ):
            try:
                body = json.loads(payload)
            except ValueError:
                continue
            if not isinstance(body, dict):
                continue
            if body.get("own"):
                own.add(holder)
            elif series_id is not None and isinstance(body.get("approves"), str):
                by_later.setdefault((series_id, body["approves"]), set()).add(holder)
        approved = set(own)
        for mid, series_id, start in self.db.execute("SELECT id, series_id, scheduled_start FROM meetings"):
            if by_later.get((series_id, start), set()) - {mid}:
                approved.add(mid)
        return approved

    def next_meeting(self, mid: int) -> tuple[int, datetime] | None:
        """The next meeting of the same series and when it is planned (None: none planned yet); its start is
        the minutes' "date of the next meeting"."""
        row = self.db.execute(
            "SELECT n.id, n.scheduled_start FROM meetings m JOIN meetings n ON n.series_id = m.series_id"
            " WHERE m.id = ? AND n.id != m.id AND n.scheduled_start > m.scheduled_start"
            " ORDER BY n.scheduled_start LIMIT 1",
            [mid],
        ).fetchone()
        return (row[0], datetime.fromisoformat(row[1])) if row else None

    def next_meeting_start(self, mid: int) -> datetime | None:
        """When the next meeting of the same series is planned (None: none planned yet)."""
        found = self.next_meeting(mid)
        return found[1] if found else None
