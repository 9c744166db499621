"""Text for a terminal (DESIGN §7): what `list`, `stats`, `actions` and the error lines print, with every control
character that came from the data shown harmlessly ("\\x1b", "\\u202e") instead of being obeyed."""

from __future__ import annotations

import functools
import re
from typing import Any

from meetingkit.models.pulse import PulseFigure, group_label, question_text
from meetingkit.models.schedule import ON_TIME_TOLERANCE_S

# C0 and C1 controls, DEL, and the characters that reorder text (bidirectional embeddings, overrides,
# isolates and marks): a title holding them could move, recolour or hide what a terminal shows.
_UNSAFE = "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
_UNSAFE_IN_JSON = "[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"


@functools.cache
def _pattern(chars: str) -> re.Pattern[str]:
    """Compiled when first printed: a class of wide ranges takes re a while, and opening the app prints nothing."""
    return re.compile(chars)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: object) -> str:
    """`text` as a terminal may print it: every control or reordering character written out as an escape."""
    return _pattern(_UNSAFE).sub(_escape, str(text))


def shown_json(text: str) -> str:
    """JSON text for a terminal: json.dumps escapes C0 controls in strings itself (the line breaks left are its
    own layout); DEL, C1 and reordering characters become \\uXXXX, which is still the same JSON."""
    return _pattern(_UNSAFE_IN_JSON).sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def _mmss(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    sign = "-" if seconds < 0 else ""
    s = int(round(abs(seconds)))
    return f"{sign}{s // 60}:{s % 60:02d}"


def _fit(text: object, width: int) -> str:
    return f"{shown(text)[:width]:<{width}}"


def format_stats(doc: dict[str, Any], break_during: bool = False) -> str:
    lines = [f"{shown(doc['meeting']['title'])} (meeting {doc['meeting']['id']})", ""]
    lines.append(f"{'Person':<28} {'Role':<12} {'Time':>7} {'Share':>6} {'Turns':>5} {'Longest':>7}")
    for p in doc["people"]:
        mark = " *" if p["patient_rep"] else ""
        lines.append(
            f"{_fit(shown(p['name']) + mark, 28)} {_fit(p['role'], 12)} {_mmss(p['seconds']):>7} "
            f"{p['share'] * 100:>5.1f}% {p['turns']:>5} {_mmss(p['longest_s']):>7}"
        )
    lines.append("  * patient or public representative")
    lines.append("")
    lines.append(
        f"Patient and public voice: {doc['patient_voice_share'] * 100:.1f}% of the main discussion "
        f"({doc['patient_voice_share_with_break'] * 100:.1f}% including the feedback break)"
    )
    lines.append(f"Balance (Gini, 0 = evenly shared): {doc['gini']:.2f}")
    lines.append(f"Not heard: {shown(', '.join(doc['not_heard'])) or 'everyone present spoke'}")
    lines.append(
        f"Items without patient voice: {shown(', '.join(doc['items_without_patient_voice'])) or 'none'}"
    )
    lines.append(f"Sectors missing: {shown(', '.join(doc['coverage']['missing'])) or 'none'}")
    b = doc["break"]
    brk = {
        "taken": f"taken {'during' if break_during else 'after'} '{shown(b['after_item'])}' for "
        f"{_mmss(b['duration_s'])}",
        "skipped": f"skipped ({shown(b['skip_reason'])})",
        "not_held": "not held",
        "pending": "still to come",
        "running": "under way",
        "disabled": "not planned",
    }[b["status"]]
    lines.append(f"Feedback break: {brk}")
    lines.extend(_pulse_lines(doc.get("pulse") or []))
    t = doc["timing"]
    if t["over_s"] is not None:
        if abs(t["over_s"]) < ON_TIME_TOLERANCE_S:  # the same minute's grace as the forecast and the minutes
            lines.append("Finished on time")
        else:
            word = "over" if t["over_s"] > 0 else "under"
            lines.append(f"Finished {_mmss(abs(t['over_s']))} {word} the scheduled time")
    return "\n".join(lines)


def _pulse_lines(entries: list[dict[str, Any]]) -> list[str]:
    """Were you heard? (DESIGN §11), each question and group in the words every display uses."""
    if not entries:
        return ["Were you heard? No pulse was taken"]
    lines = ["Were you heard?"]
    for e in entries:
        f = PulseFigure(**e)
        lines.append(f"  {question_text(f.question)} {group_label(f.group)}: {f.sentence()}")
    return lines


def format_list(rows: list[Any]) -> str:
    lines = [f"{'ID':>4}  {'Date':<16}  {'Status':<8}  {'Series':<20}  Title"]
    for r in rows:
        lines.append(
            f"{r.id:>4}  {r.scheduled_start:%Y-%m-%d %H:%M}  {_fit(r.status, 8)}  {_fit(r.series, 20)}  "
            f"{shown(r.title)}"
        )
    return "\n".join(lines)


def format_actions(rows: list[Any]) -> str:
    lines = [f"{'Key':<10} {'Status':<12} {'Due':<10} {'Owner':<22} {'Series':<16} Action"]
    for a in rows:
        src = " [patient feedback]" if a.source == "patient_feedback" else ""
        due = a.due.isoformat() if a.due else "-"
        lines.append(
            f"{_fit(a.key, 10)} {a.status.replace('_', ' '):<12} {due:<10} {_fit(a.owner, 22)} "
            f"{_fit(a.series, 16)} {shown(a.text)}{src}"
        )
        for u in a.updates:
            note = f": {shown(u.note)}" if u.note else ""
            lines.append(f"{'':<10} -> {u.status.replace('_', ' ')}{note}")
    return "\n".join(lines)
