"""The pulse in the engine (DESIGN §11): `pulse {question, group, yes, partly, no}`; a mixin of `LiveMeeting`.

A pulse is opened at the end of the feedback break or at the end of the meeting, so its counts are recorded
while the meeting runs and after it has ended, until the minutes are approved (the pulse is part of what the
minutes report; once approved they no longer change). It is never undone: a count entered again replaces it.
"""

from __future__ import annotations

from typing import Any

from meetingkit.models.live_state import LiveState
from meetingkit.models.meeting import DomainError
from meetingkit.models.pulse import PulseCount, PulseFigure, counts_from_events, pulse_figures


class PulseRules(LiveState):
    """`pulse` and the meeting's pulse figures."""

    def _do_pulse(self, body: dict[str, Any], t: float) -> dict[str, Any]:
        if self.status == "ready":
            raise DomainError("The meeting has not started yet: the pulse is taken at its end", "do")
        if self.approval is not None:
            raise DomainError("These minutes have been approved: the pulse can no longer be recorded", "do")
        count = PulseCount.from_payload(body)
        return count.payload()

    def pulse_counts(self) -> list[PulseCount]:
        """Every `pulse` event's counts, in order (the log keeps each; the latest of each stands)."""
        return counts_from_events(self.events)

    def pulse_figures(self) -> list[PulseFigure]:
        """The meeting's pulse with the threshold applied: [] when none was taken."""
        return pulse_figures(self.pulse_counts())
