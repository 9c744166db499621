"""The open pulse's ballot box (room/pulse_box.py): one answer set per ballot, counts at close, nothing kept."""

from __future__ import annotations

import pytest

from meetingkit.models.pulse import PulseCount
from meetingkit.room import pulse_box
from meetingkit.room.pulse_box import PulseBox, PulseRefused

LIMITS = {"patient_public": 5, "others": 5}


def ballot(
    box: PulseBox, n: int, group: str | None, chance: str | None = None, listened: str | None = None
) -> str:
    message = {
        "id": box.id,
        "ballot": f"ballot-{n:012d}",
        "group": group,
        "chance": chance,
        "listened": listened,
    }
    return box.answer(message, LIMITS)


def test_counts_at_close_and_every_ballot_forgotten() -> None:
    box = PulseBox()
    assert box.open()
    ballot(box, 1, "patient_public", "yes", "no")
    ballot(box, 2, "patient_public", "partly")
    ballot(box, 3, "others", None, "yes")
    ballot(box, 4, None, "yes", "yes")  # no group: not counted
    assert box.answered == 3
    assert box.close() == [
        PulseCount("chance", "patient_public", 1, 1, 0),
        PulseCount("chance", "others", 0, 0, 0),
        PulseCount("listened", "patient_public", 0, 0, 1),
        PulseCount("listened", "others", 1, 0, 0),
    ]
    assert not box.is_open and box.answered == 0 and box._ballots == {}
    with pytest.raises(PulseRefused, match="closed"):
        ballot(box, 1, "others", "yes")


def test_a_new_pulse_starts_empty_and_an_old_pulses_ballot_is_refused() -> None:
    box = PulseBox()
    box.open()
    old = box.id
    ballot(box, 1, "others", "yes")
    box.close()
    box.open()
    assert box.id != old and box.answered == 0
    with pytest.raises(PulseRefused, match="new one"):
        box.answer({"id": old, "ballot": "b" * 20, "group": "others", "chance": "yes"}, LIMITS)


def test_made_up_ballots_cannot_fill_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pulse_box, "MAX_BALLOTS", 3)
    box = PulseBox()
    box.open()
    for n in range(3):
        ballot(box, n, None, "yes")
    with pytest.raises(PulseRefused, match="cannot take more"):
        ballot(box, 9, None, "yes")
    ballot(box, 1, "others", "yes")  # a ballot already held may still change its answers
    assert box.answered == 1


def test_a_group_nobody_is_present_of_is_refused_in_its_own_words() -> None:
    """No patient or public representative present: a phone answering as one is told that nobody is marked
    present as one, not that 'as many have answered as there are here' (nobody had); the answer is not held
    as counted, and the same phone may still answer as everyone else."""
    box = PulseBox()
    box.open()
    none_here = {"patient_public": 0, "others": 5}
    message = {"id": box.id, "ballot": "ballot-000000000001", "group": "patient_public", "chance": "yes"}
    with pytest.raises(PulseRefused) as refused:
        box.answer(message, none_here)
    assert str(refused.value) == (
        "Nobody is marked present as “Patient and public representatives” at this meeting: "
        "if that is wrong, ask the chair to check who is marked present"
    )
    assert box.answered == 0
    box.answer({**message, "group": "others"}, none_here)
    assert box.answered == 1
