"""A write that finds the file busy (another program writing longer than the busy timeout) is refused in words, as
a StoreError the window shows, never as an uncaught "database is locked" (DESIGN §4: the GUI never waits long)."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

from meetingkit.store.database import StoreError

# The store's writes made outside a live session (the live session retries its own at the next tick).
WRITES = (
    "create_meeting",
    "update_meeting",
    "delete_meeting",
    "set_series_settings",
    "delete_person",
    "update_action",
    "import_record",
    "approve",
)

BUSY_WORDS = "Another program is writing to this file, so nothing was changed: try again in a moment."

T = TypeVar("T")
C = TypeVar("C", bound=type)


def is_busy(exc: sqlite3.OperationalError) -> bool:
    why = str(exc).lower()
    return "locked" in why or "busy" in why


def report_busy(write: Callable[..., T]) -> Callable[..., T]:
    @functools.wraps(write)
    def checked(*args: Any, **kwargs: Any) -> T:
        try:
            return write(*args, **kwargs)
        except sqlite3.OperationalError as exc:
            if is_busy(exc):
                raise StoreError(BUSY_WORDS) from exc
            raise

    return checked


def writes_report_busy(cls: C) -> C:
    """Class decorator: every write in WRITES that `cls` has turns a busy file into a StoreError in words."""
    for name in WRITES:
        if hasattr(cls, name):
            setattr(cls, name, report_busy(getattr(cls, name)))
    return cls
