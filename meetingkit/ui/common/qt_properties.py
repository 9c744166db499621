"""Qt properties set by name, as Designer's .ui files set them: `set_properties(label, alignment="AlignTop")`.

What the main window needs to open is set this way, so that PySide never builds its `Qt` namespace on the way
to the first window: 93 Python enums (about 1,500 members), some 20 ms, a tenth of a bare window's start-up.
Qt converts each value from its enum's key names ("AlignTop|AlignLeft" for flags) and refuses an unknown one,
which is raised here rather than ignored.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


def set_properties(obj: QObject, **values: str | int | bool) -> None:
    """Each Qt property of `obj` set to its value; ValueError if Qt refuses one (a wrong name or key)."""
    for name, value in values.items():
        if not obj.setProperty(name, value):
            raise ValueError(f"{type(obj).__name__} has no property {name!r} that takes {value!r}")
