"""'You said, we did' as data: the actions of a meeting's series that came from patient and public feedback,
each with the words it came from and what became of it."""

from __future__ import annotations

from meetingkit.models.meeting import Meeting
from meetingkit.models.session import LiveMeeting
from meetingkit.store.repository import Store
from meetingkit.ui.common.actions_model import day_text, meeting_labels, status_text
from meetingkit.ui.common.meeting_zone import epoch_in_meeting_zone
from meetingkit.ui.review.review_models import FeedbackOutcome


def feedback_outcomes(store: Store, meeting_id: int, live: LiveMeeting | None) -> list[FeedbackOutcome]:
    """'You said, we did' for a meeting: the actions of its series (up to and including it) that came from
    patient and public feedback, each with the words it came from and its latest update."""
    meeting = store.load_meeting(meeting_id)
    start = meeting.scheduled_start
    if meeting.series:
        rows = [r for r in store.actions(series=meeting.series) if r.meeting_start <= start]
        labels = meeting_labels(store.list_meetings(meeting.series))
    else:
        rows = [r for r in store.actions() if r.meeting_id == meeting_id]
        labels = {}
    said = _feedback_words(store, meeting_id, meeting, live)
    out = []
    for r in rows:
        if r.source != "patient_feedback":
            continue
        latest = r.updates[-1] if r.updates else None
        out.append(
            FeedbackOutcome(
                key=r.key,
                said=said.get(r.key, ""),
                action=r.text,
                owner=r.owner,
                status=status_text(r.status),
                latest=(latest.note or f"Marked {status_text(latest.status).split(' ', 1)[-1].lower()}")
                if latest
                else "",
                when=day_text(epoch_in_meeting_zone(latest.at, start).date()) if latest else "",
                agreed=labels.get(r.meeting_id, r.meeting_title),
            )
        )
    return out


def _feedback_words(
    store: Store, meeting_id: int, meeting: Meeting, live: LiveMeeting | None
) -> dict[str, str]:
    """Action key -> "Name: what they said", from this meeting's feedback and its series' earlier ones."""
    names = {p.key: p.name for p in meeting.people}
    said = {
        fb.action: f"{names.get(fb.who, fb.who)}: {fb.text}"
        for fb in store.prior_feedback(meeting_id)
        if fb.action
    }
    if live is not None:
        for action in live.actions.values():
            if action.feedback is not None and 0 <= action.feedback < len(live.feedback):
                fb = live.feedback[action.feedback]
                said[action.key] = f"{names.get(fb.who, fb.who)}: {fb.text}"
    return said
