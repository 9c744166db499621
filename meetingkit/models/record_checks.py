"""Reading a meeting record within the bounds of DESIGN §6: the JSON text (size, depth, finite numbers, valid
Unicode) and each field (type, length, range), every fault one line naming where it is — never "unexpected
error" further on."""

from __future__ import annotations

import json
import math
import re
from typing import Any

from meetingkit.models import bounds


class RecordError(ValueError):
    """A record that cannot be used; the message is one line naming where the fault is."""

    def __init__(self, message: str) -> None:
        # A value quoted from the record may hold a line break; the message must still be one line.
        super().__init__("\\n".join(message.splitlines()))


def need(obj: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str, default: Any = ...) -> Any:
    if key not in obj or obj[key] is None:
        if default is ...:
            raise RecordError(f"{where}: field '{key}' is missing")
        return default
    value = obj[key]
    if (
        isinstance(value, bool)
        and kind is not bool
        and bool not in (kind if isinstance(kind, tuple) else (kind,))
    ):
        raise RecordError(f"{where}: field '{key}' has the wrong type")
    if not isinstance(value, kind):
        raise RecordError(f"{where}: field '{key}' has the wrong type")
    return value


def text_field(
    obj: dict[str, Any], key: str, where: str, default: Any = ..., limit: int = bounds.NAME_CHARS
) -> Any:
    """A text field within its bounds (length, no control characters, valid Unicode)."""
    value = need(obj, key, str, where, default)
    if isinstance(value, str):
        fault = bounds.text_fault(value, limit)
        if fault:
            raise RecordError(f"{where}: field '{key}' {fault}")
    return value


def number_field(
    obj: dict[str, Any], key: str, where: str, limits: tuple[float, float], default: Any, whole: bool = False
) -> Any:
    """A number within its bounds; a value outside them is a bad record, never an 'unexpected error' later."""
    value = need(obj, key, int if whole else (int, float), where, default)
    if value is not None:
        fault = bounds.number_fault(value, limits, whole)
        if fault:
            raise RecordError(f"{where}: field '{key}' {fault}")
    return value


def count_entries(items: list[Any], what: str, most: int) -> list[Any]:
    if len(items) > most:
        raise RecordError(f"record: field '{what}' has {len(items):,} entries; at most {most:,}")
    return items


LONG_TEXT_FIELDS = ("text", "note", "reason")
_SURROGATE = re.compile("[\ud800-\udfff]")


def payload_bounds(payload: dict[str, Any], where: str) -> int:
    """Each field of an event within its bounds; the number of characters of free text it holds."""
    total = 0
    for k, value in payload.items():
        if isinstance(value, str):
            long_text = k in LONG_TEXT_FIELDS
            fault = bounds.text_fault(value, bounds.TEXT_CHARS if long_text else bounds.NAME_CHARS)
            if fault:
                raise RecordError(f"{where}: field '{k}' {fault}")
            total += len(value) if long_text else 0
    if "seconds" in payload:
        fault = bounds.number_fault(payload["seconds"], bounds.EXTEND_S)
        if fault:
            raise RecordError(f"{where}: field 'seconds' {fault}")
    return total


class _Constant(float):
    """Infinity or NaN as JSON text wrote it: kept only so that the message can name the field holding it."""

    word: str = ""


def _constant(name: str) -> _Constant:
    value = _Constant(name)  # float() reads "Infinity", "-Infinity" and "NaN" as JSON writes them
    value.word = name
    return value


def load_json(data: str | bytes) -> Any:
    if len(data) > bounds.MAX_RECORD_BYTES:
        raise RecordError(
            f"record: the file is {len(data) / 2**20:,.0f} MiB; a meeting record is at most "
            f"{bounds.MAX_RECORD_BYTES // 2**20} MiB"
        )
    try:
        return json.loads(data, parse_constant=_constant)
    except RecursionError:
        raise RecordError(f"record: JSON nested more than {bounds.MAX_DEPTH} deep") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise RecordError(f"not valid JSON ({exc})") from None


def _inside(where: str, field: str) -> str:
    """Where a value stands: 'meeting.break', 'people[2]', 'event 41'."""
    if not field:
        return where
    return field if where == "record" else f"{where}.{field}"


def check_shape(data: Any) -> None:
    """Depth, finite numbers and valid Unicode, over the whole document (without recursion)."""
    stack: list[tuple[Any, int, str, str]] = [(data, 1, "record", "")]
    while stack:
        obj, depth, where, field = stack.pop()
        if depth > bounds.MAX_DEPTH:
            top = re.split(r"[.\[]", _inside(where, field))[0]
            raise RecordError(f"{top}: JSON nested more than {bounds.MAX_DEPTH} deep")
        named = f"{where}: field '{field}'" if field else where
        if isinstance(obj, str):
            if _SURROGATE.search(obj):
                raise RecordError(f"{named} is not valid Unicode (it holds a lone surrogate)")
        elif isinstance(obj, float) and not math.isfinite(obj):
            word = obj.word if isinstance(obj, _Constant) else str(obj)
            raise RecordError(f"{named} is {word}; a record holds only finite numbers")
        elif isinstance(obj, dict):
            here = _inside(where, field)
            for k, v in obj.items():
                if _SURROGATE.search(k) or len(k) > bounds.NAME_CHARS:
                    raise RecordError(f"{here}: a field name is not valid text")
                stack.append((v, depth + 1, here, k))
        elif isinstance(obj, list):
            here = _inside(where, field)
            for i, v in enumerate(obj):
                if isinstance(v, dict | list):
                    stack.append((v, depth + 1, f"event {i}" if here == "events" else f"{here}[{i}]", ""))
                else:
                    stack.append((v, depth + 1, where, field))
