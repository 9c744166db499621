"""Actions across a series: the register, status updates, and what became of feedback ("you said, we did")."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from meetingkit.models.meeting import Action, ActionUpdate, DomainError, Feedback
from meetingkit.store.database import StoreError
from meetingkit.store.store_file import StoreFile


@dataclass
class ActionRow:
    """An action as the register lists it, with the meeting and series it came from."""

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


class ActionsStore(StoreFile):
    """The actions of every meeting, and what the minutes need from earlier meetings of a series."""

    def prior_actions(self, mid: int) -> list[Action]:
        """The series' actions agreed before this meeting, as they stood before it (its own updates and those of
        later meetings left out)."""
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
            # Updates reported at a later meeting of the series are not part of how things stood before this
            # one, even when that meeting was imported first.
            for r in self.db.execute(
                "SELECT u.action_id, u.status, u.note, u.at, u.meeting_id FROM action_updates u"
                " LEFT JOIN meetings um ON um.id = u.meeting_id"
                f" WHERE u.action_id IN ({marks})"
                " AND (u.meeting_id IS NULL OR (u.meeting_id != ? AND um.scheduled_start <= ?))"
                " ORDER BY u.at, u.id",
                [*actions, mid, row[1]],
            ):
                a = actions[r[0]]
                a.updates.append(ActionUpdate(a.key, r[1], r[2], r[3], r[4]))
                a.status = r[1]
            self._mark_withdrawn(list(actions.values()))
        return list(actions.values())

    def taken_action_keys(self, mid: int) -> set[str]:
        """Action keys the other meetings of this meeting's series hold and this meeting does not.

        With `prior_actions` they are every key of the series: a new action is never given one of them, so a
        meeting imported (or held) before a later one that already has actions gets keys of its own. A key this
        meeting holds itself is left out: its own stored events named it first."""
        return {
            r[0]
            for r in self.db.execute(
                "SELECT a.key FROM actions a JOIN meetings m ON m.id = ?"
                " WHERE a.series_id = m.series_id AND a.meeting_id != m.id"
                " AND a.key NOT IN (SELECT key FROM actions WHERE meeting_id = m.id)",
                [mid],
            )
        }

    def _mark_withdrawn(self, actions: list[Action]) -> None:
        """An action withdrawn from its meeting's minutes was never agreed: not reviewed, not in the action log.
        It keeps its key (no later action may take it), as dropped and withdrawn."""
        by_meeting = {(a.meeting_id, a.key): a for a in actions}
        marks = ",".join("?" * len({a.meeting_id for a in actions}))
        for mid, payload in self.db.execute(
            f"SELECT meeting_id, payload FROM events WHERE type = 'correct' AND meeting_id IN ({marks})",
            sorted({a.meeting_id for a in actions}),
        ):
            try:
                body = json.loads(payload)
            except ValueError:
                continue  # a damaged row is reported where the meeting is opened
            target = body.get("target") if isinstance(body, dict) else None
            if body.get("withdrawn") is True and isinstance(target, str) and target.startswith("action:"):
                found = by_meeting.get((mid, target.removeprefix("action:")))
                if found is not None:
                    found.withdrawn, found.status = True, "dropped"

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
        """Every piece of feedback from earlier meetings of the series ("you said, we did"), actions or not.

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
            " WHERE m.series_id = ? AND m.id != ? AND m.scheduled_start <= ?"
            " ORDER BY m.scheduled_start, f.idx",
            [row[0], mid, row[1]],
        ):
            who = here.get(r[7]) or r[6] or r[1]
            out.append(Feedback(r[0], who, r[2], r[3], bool(r[4]), r[5]))
        return out
