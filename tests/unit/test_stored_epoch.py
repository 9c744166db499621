"""A stored time so far off that the C library answers EOVERFLOW (an OSError) is damage like any other: the read
reports it in words (found by test_damaged_rows' fuzz: started_at = 6.77680361916768e16)."""

from __future__ import annotations

import pytest

from meetingkit.store.damage import DAMAGE, stored_epoch


def test_a_time_no_calendar_has_is_reported_as_damage_not_an_os_error() -> None:
    with pytest.raises(DAMAGE):
        stored_epoch(6.77680361916768e16)


def test_an_ordinary_time_reads_back() -> None:
    assert stored_epoch(1_790_000_000.25) == 1_790_000_000.25
