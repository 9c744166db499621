"""The pulse in the store (DESIGN §11): each count is an event committed like any other, the stored figures
(what `stats` prints) match the engine's, and a meeting rebuilt from its events has the same pulse."""

from __future__ import annotations

from pathlib import Path

from meetingkit.clock import FakeClock
from meetingkit.models.summary import MeetingSummary
from meetingkit.store.repository import Store
from tests.unit.test_store import small_meeting


def test_pulse_counts_are_stored_and_read_back_as_the_engine_has_them(
    store: Store, db_path: Path, clock: FakeClock
) -> None:
    mid = store.create_meeting(small_meeting())
    session = store.open_live(mid, clock)
    session.apply("start_meeting")
    clock.advance(30)
    session.apply("speak", {"who": "pr"})
    clock.advance(30)
    session.apply("skip_break", {"reason": "Short meeting"})
    session.apply("end_meeting")
    assert store.summary(mid).to_json()["pulse"] == []
    clock.advance(60)
    for q, g, y, p, n in [("chance", "patient_public", 3, 0, 1), ("listened", "others", 1, 0, 0)]:
        session.apply("pulse", {"question": q, "group": g, "yes": y, "partly": p, "no": n})
    assert session.is_saved
    stored = store.summary(mid).to_json()["pulse"]
    assert stored == MeetingSummary.of(session.live, mid).to_json()["pulse"]
    assert stored[0] == {
        "question": "chance",
        "group": "patient_public",
        "answers": 4,
        "yes": 3,
        "partly": 0,
        "no": 1,
    }
    assert stored[3]["answers"] == 1 and stored[3]["yes"] is None
    with Store(db_path) as again:
        assert again.rebuild(mid, clock).pulse_figures() == session.live.pulse_figures()
