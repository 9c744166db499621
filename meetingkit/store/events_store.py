"""A meeting's events and what they become: its live session, the engine rebuilt, an imported record, turns
and figures."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from meetingkit.clock import Clock
from meetingkit.models.meeting import Approval, Speech
from meetingkit.store.damage import stored_epoch, stored_time
from meetingkit.store.database import StoreError
from meetingkit.store.meetings import MeetingsStore
from meetingkit.store.minutes_store import MinutesStore
from meetingkit.store.writer_locks import LockRefused

if TYPE_CHECKING:  # the engine is loaded when a meeting is opened, not to list meetings at start-up
    from meetingkit.models.meeting import Meeting
    from meetingkit.models.outcome import BreakSummary, Timing
    from meetingkit.models.participation import Participation, TurnGroup
    from meetingkit.models.pulse import PulseFigure
    from meetingkit.models.record import Record
    from meetingkit.models.representatives_summary import RepresentativesSummary
    from meetingkit.models.session import Event, LiveMeeting
    from meetingkit.models.summary import MeetingSummary
    from meetingkit.store.live_session import LiveSession


class EventsStore(MeetingsStore, MinutesStore):
    """The event log of each meeting and the projections written from it (turns, the stored summary)."""

    def events(self, mid: int) -> list[Event]:
        """The meeting's events; a row that does not read is a StoreError naming it (never a traceback)."""
        from meetingkit.models.session import Event

        out = []
        for r in self.db.execute(
            "SELECT seq, at, type, payload FROM events WHERE meeting_id = ? ORDER BY seq", [mid]
        ):
            try:
                payload = json.loads(r[3])
                if not isinstance(payload, dict) or not isinstance(r[2], str):
                    raise TypeError("not an event")
                out.append(Event(r[0], stored_time(r[1]), r[2], payload))
            except (TypeError, ValueError):
                found = self.alteration(mid)
                raise StoreError(
                    f"Meeting {mid} cannot be opened: "
                    + (
                        found.message
                        if found
                        else f"event {r[0]} cannot be read (changed outside MeetingKit)"
                    )
                ) from None
        return out

    def open_live(self, mid: int, clock: Clock) -> LiveSession:
        """The live session of a meeting: fresh if not started, else rebuilt from its stored events."""
        from meetingkit.store.live_session import LiveSession

        return LiveSession(self, mid, self.rebuild(mid, clock))

    def import_record(self, record: Record) -> int:
        """Replay a record into a new meeting, all or nothing (one transaction)."""
        from meetingkit.models.record import replay
        from meetingkit.store.projections import write_all

        with self.db.atomic():
            mid = self._insert_meeting(record.meeting)
            live = replay(
                record,
                self.prior_actions(mid),
                previous_minutes=self.previous_minutes(mid),
                taken_keys=self.taken_action_keys(mid),
            )
            write_all(self.db, mid, live)
        return mid

    def rebuild(self, mid: int, clock: Clock) -> LiveMeeting:
        from meetingkit.models.session import LiveMeeting

        return LiveMeeting.rebuild(
            self.load_meeting(mid),
            self.events(mid),
            clock,
            self.prior_actions(mid),
            approval=self.approval_of(mid, own=False),
            previous_minutes=self.previous_minutes(mid),
            taken_keys=self.taken_action_keys(mid),
        )

    def representatives_summary(
        self, mid: int, clock: Clock, live: LiveMeeting | None = None
    ) -> RepresentativesSummary:
        """The summary for representatives (DESIGN §5) of meeting `mid`, with the feedback and actions of its
        series' earlier meetings as the minutes take them; `live`: the meeting as the caller already holds it."""
        from meetingkit.models.representatives_summary import representatives_summary

        live = live if live is not None else self.rebuild(mid, clock)
        context = self.minutes_context(mid)
        return representatives_summary(
            live,
            context["prior_actions"],
            context["prior_feedback"],
            meeting_id=mid,
            altered=context["altered"],
        )

    def approve(self, mid: int, clock: Clock, amendments: str = "") -> Approval:
        """`meetingkit approve`: the meeting's own minutes approved outside a meeting, as an event in its log."""
        # The meeting's writer lock first, then its events: a Minutes window correcting it elsewhere either
        # finished (and its corrections are replayed here) or holds the lock (and this is refused in words).
        try:
            with self.writer_lock_held(mid) as token:
                session = self.open_live(mid, clock)
                session.lock_token = token
                session.apply("minutes_approved", {"own": True, "amendments": amendments})
                session.lock_token = None  # the lock is given back on leaving this block
        except LockRefused as exc:
            raise StoreError(exc.busy_words(f"Meeting {mid}")) from None
        if not session.is_saved:
            raise StoreError(session.write_error or "The approval could not be saved")
        assert session.live.approval is not None
        return session.live.approval

    def summary(self, mid: int) -> MeetingSummary:
        """The meeting's figures from the stored projections (no replay): what `stats` prints."""
        from meetingkit.models.summary import MeetingSummary

        meeting, started, ended, part, brk, timing = self._figures(mid)
        return MeetingSummary(mid, meeting, started, ended, part, brk, timing, self.pulse(mid))

    def outcome(self, mid: int) -> tuple[Participation, Timing]:
        """Who spoke and how the timing went: the parts of `summary` the main window's details show of an ended
        meeting, read the same way, without the pulse or the summary's document (fewer modules at start-up)."""
        _meeting, _started, _ended, part, _brk, timing = self._figures(mid)
        return part, timing

    def _figures(
        self, mid: int
    ) -> tuple[Meeting, float | None, float | None, Participation, BreakSummary, Timing]:
        from meetingkit.models import participation
        from meetingkit.models.outcome import BreakSummary, ItemTiming, Timing

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
            from meetingkit.models.session import LiveMeeting

            live = LiveMeeting(meeting, FakeClock(meeting.scheduled_start))
            brk, timing = live.break_summary(), live.timing(live.scheduled_start)
        return meeting, stored_epoch(row[0]), stored_epoch(row[1]), part, brk, timing

    def pulse(self, mid: int) -> list[PulseFigure]:
        """The meeting's pulse (DESIGN §11) from its stored `pulse` events: [] when none was taken."""
        from meetingkit.models.pulse import counts_from_payloads, pulse_figures

        payloads = []
        for (text,) in self.db.execute(
            "SELECT payload FROM events WHERE meeting_id = ? AND type = 'pulse' ORDER BY seq", [mid]
        ):
            try:
                payloads.append(json.loads(text))
            except (TypeError, ValueError):
                continue  # changed outside MeetingKit: `verify` and the outputs say so
        return pulse_figures(counts_from_payloads(payloads))

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
