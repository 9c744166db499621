"""One colour per role for the review's charts, timeline and legends (Paul Tol's colour-blind-safe set).

Colour is never the only cue: every chart and lane also names the role in words.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from meetingkit.models.meeting import ROLE_LABELS, ROLES

ROLE_COLOURS: dict[str, str] = {
    "chair": "#4477AA",
    "secretary": "#228833",
    "member": "#CCBB44",
    "patient_rep": "#AA3377",
    "guest": "#BBBBBB",
}
UNKNOWN_ROLE = "#888888"
SHORT_ROLE_LABELS = {**ROLE_LABELS, "patient_rep": "Patient / public rep"}


def role_colour(role: str) -> QColor:
    return QColor(ROLE_COLOURS.get(role, UNKNOWN_ROLE))


def role_label(role: str, short: bool = False) -> str:
    labels = SHORT_ROLE_LABELS if short else ROLE_LABELS
    return labels.get(role, role.replace("_", " ").capitalize() or "No role")


def roles_in_order(roles: set[str] | list[str]) -> list[str]:
    """The roles given, in the order of ROLES (unknown ones last, by name)."""
    known = [r for r in ROLES if r in roles]
    return known + sorted(r for r in roles if r not in ROLES)
