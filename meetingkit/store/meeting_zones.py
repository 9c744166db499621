"""Each meeting's own IANA time zone (DESIGN §3): kept with the meeting, so that times shown for it follow the
wall clock of the room across a daylight-saving change. For meetings stored before zones were kept, it is
derived from the stored UTC offset and this computer's zone."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlite_utils import Database


def _zone(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def local_zone_name() -> str | None:
    """This computer's IANA zone, where it can be found (TZ, /etc/localtime, /etc/timezone)."""
    env = os.environ.get("TZ", "").lstrip(":")
    if _zone(env):
        return env
    try:
        target = str(Path("/etc/localtime").resolve())
        if "zoneinfo/" in target:
            name = target.split("zoneinfo/", 1)[1]
            if _zone(name):
                return name
        name = Path("/etc/timezone").read_text().strip()
        if _zone(name):
            return name
    except OSError:
        pass
    return None


def zone_for(start: datetime, local: str | None) -> str | None:
    """The zone a meeting planned for `start` (with its UTC offset) was most likely planned in: this computer's
    zone when its offset agrees at that date, else a fixed zone for whole-hour offsets, else none."""
    offset = start.utcoffset()
    if offset is None:
        return local
    zone = _zone(local)
    if zone is not None and start.astimezone(zone).utcoffset() == offset:
        return local
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    if rest:
        return None
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"  # POSIX signs: Etc/GMT-1 is +01:00


def add_time_zones(db: Database) -> None:
    """Schema step: the time_zone column, filled for every meeting already stored."""
    db.execute("ALTER TABLE meetings ADD COLUMN time_zone TEXT")
    local = local_zone_name()
    for mid, text in db.execute("SELECT id, scheduled_start FROM meetings").fetchall():
        try:
            start = datetime.fromisoformat(text)
        except (TypeError, ValueError):
            continue  # a damaged start is reported when the meeting is read, never here
        db.execute("UPDATE meetings SET time_zone = ? WHERE id = ?", [zone_for(start, local), mid])
