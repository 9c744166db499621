"""The figures of one meeting as every output shows them: the `stats --json` document of DESIGN §7."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from meetingkit.models.meeting import Meeting
from meetingkit.models.outcome import BreakSummary, Timing
from meetingkit.models.participation import Participation
from meetingkit.models.pulse import PulseFigure
from meetingkit.models.timers import from_epoch, iso_ms

if TYPE_CHECKING:  # a stored summary is read without the engine (the main window's details at start-up)
    from meetingkit.models.session import LiveMeeting


@dataclass
class MeetingSummary:
    """A meeting's figures as every output shows them (`to_json` is the `stats --json` document)."""

    meeting_id: int | None
    meeting: Meeting
    started_at: float | None
    ended_at: float | None
    participation: Participation
    brk: BreakSummary
    timing: Timing
    pulse: list[PulseFigure] = field(default_factory=list)  # DESIGN §11; [] when none was taken

    @classmethod
    def of(cls, live: LiveMeeting, meeting_id: int | None = None, now: float | None = None) -> MeetingSummary:
        return cls(
            meeting_id,
            live.meeting,
            live.started_at,
            live.ended_at,
            live.participation(now),
            live.break_summary(now),
            live.timing(now),
            live.pulse_figures(),
        )

    def to_json(self) -> dict[str, Any]:
        p = self.participation
        titles = {it.key: it.title for it in self.meeting.agenda}
        return {
            "meeting": {
                "id": self.meeting_id,
                "title": self.meeting.title,
                "started_at": iso_ms(from_epoch(self.started_at)) if self.started_at is not None else None,
                "ended_at": iso_ms(from_epoch(self.ended_at)) if self.ended_at is not None else None,
            },
            "people": [
                {
                    "name": f.name,
                    "role": f.role,
                    "sector": f.sector,
                    "patient_rep": f.patient_rep,
                    "seconds": f.seconds,
                    "share": f.share,
                    "turns": f.turns,
                    "longest_s": f.longest_s,
                    "interjections_made": f.interjections_made,
                    "interjections_received": f.interjections_received,
                }
                for f in p.people
            ],
            "roles": {k: {"seconds": v.seconds, "share": v.share} for k, v in p.roles.items()},
            "sectors": {k: {"seconds": v.seconds, "share": v.share} for k, v in p.sectors.items()},
            "patient_voice_share": p.patient_voice_share,
            "patient_voice_share_with_break": p.patient_voice_share_with_break,
            "gini": p.gini,
            "not_heard": list(p.not_heard),
            "items_without_patient_voice": [titles[k] for k in p.items_without_public_voice],
            "coverage": {
                "expected": list(p.coverage_expected),
                "present": list(p.coverage_present),
                "missing": list(p.coverage_missing),
            },
            "break": {
                "status": self.brk.status,
                "after_item": self.brk.after_item,
                "start_offset_s": self.brk.start_offset_s,
                "duration_s": self.brk.duration_s,
                "skip_reason": self.brk.skip_reason,
            },
            "timing": {
                "scheduled_end_offset_s": self.timing.scheduled_end_offset_s,
                "end_offset_s": self.timing.end_offset_s,
                "over_s": self.timing.over_s,
                "items": [
                    {"title": i.title, "planned_s": i.planned_s, "actual_s": i.actual_s, "status": i.status}
                    for i in self.timing.items
                ],
            },
            "pulse": [f.to_json() for f in self.pulse],
        }
