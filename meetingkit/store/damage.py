"""A value changed outside MeetingKit (bad JSON, a time that is not one, text where a number belongs) is reported
in words, as a StoreError naming the meeting, never as a traceback from deep inside a read (DESIGN §4)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from meetingkit.models.meeting import DomainError
from meetingkit.models.timers import from_epoch
from meetingkit.store.database import StoreError

# What reading a damaged value raises: json.JSONDecodeError and datetime.fromisoformat's errors are ValueErrors;
# a number where a list belongs is a TypeError; a JSON object without its fields a KeyError.
DAMAGE = (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError)

# The store's reads: each gives what it found, or a StoreError; never one of DAMAGE.
READS = (
    "list_meetings",
    "load_meeting",
    "meeting_status",
    "events",
    "open_live",
    "rebuild",
    "summary",
    "outcome",
    "turn_groups",
    "speeches",
    "prior_actions",
    "actions",
    "previous_meeting_time",
    "prior_feedback",
    "minutes_context",
    "people",
    "series_names",
)

T = TypeVar("T")
C = TypeVar("C", bound=type)


def stored_time(text: object) -> datetime:
    """A stored ISO time, which MeetingKit always writes with its UTC offset; anything else is damage."""
    if not isinstance(text, str):
        raise TypeError(f"{text!r} is not a time")
    at = datetime.fromisoformat(text)
    if at.tzinfo is None:
        raise ValueError(f"{text!r} has no UTC offset")
    return at


def stored_epoch(value: object) -> float | None:
    """A stored epoch time in seconds (or none), checked as one the calendar can show."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{value!r} is not a time")
    try:
        from_epoch(value)  # raises ValueError/OverflowError for a time no calendar has
    except OSError as exc:  # ... or, for some far-off times, the C library's EOVERFLOW as an OSError
        raise OverflowError(f"{value!r} is no time a calendar has") from exc
    return float(value)


def damage_message(what: str, exc: BaseException) -> str:
    detail = str(exc) if not isinstance(exc, KeyError) else f"{exc} is missing"
    return (
        f"The database was changed outside MeetingKit: a stored value of {what} cannot be read "
        f"({type(exc).__name__}: {detail[:200]}). Restore a backup, or start again with a new file (--db PATH)."
    )


def report_damage(read: Callable[..., T]) -> Callable[..., T]:
    """Decorator for a read (method or function): a damaged value becomes a StoreError naming the meeting (the
    first whole-number argument) or the file."""

    @functools.wraps(read)
    def checked(*args: Any, **kwargs: Any) -> T:
        try:
            return read(*args, **kwargs)
        except (StoreError, DomainError):  # already in words
            raise
        except DAMAGE as exc:
            # Imported here, not at the top: the record module loads the whole engine, which listing meetings
            # at start-up does not need (and a RecordError means it is loaded already).
            from meetingkit.models.record import RecordError

            if isinstance(exc, RecordError):  # already in words
                raise
            mid = next((a for a in args if isinstance(a, int) and not isinstance(a, bool)), None)
            raise StoreError(damage_message("the file" if mid is None else f"meeting {mid}", exc)) from exc

    return checked


def reads_report_damage(cls: C) -> C:
    """Class decorator: every read in READS that `cls` has turns a damaged value into a StoreError."""
    for name in READS:
        if hasattr(cls, name):
            setattr(cls, name, report_damage(getattr(cls, name)))
    return cls
