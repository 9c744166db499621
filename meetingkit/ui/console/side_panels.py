"""The tabs beside the console: the secretary's notes and actions, the voices heard so far, and the running
order."""

from __future__ import annotations

import importlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QWidget

from meetingkit.store.repository import Store
from meetingkit.ui.common.accessibility import ValueLabel
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.common.palette import pixel_font

SIDE_PANELS = (
    ("Notes && actions", "meetingkit.ui.minutes.secretary_panel", "SecretaryPanel", True),
    ("Voices", "meetingkit.ui.console.voices_panel", "VoicesPanel", False),
    ("Running order", "meetingkit.ui.console.running_order_panel", "RunningOrderPanel", False),
)


class SidePanels(QTabWidget):
    """One tab per panel of SIDE_PANELS; `panels` maps each tab's title to its widget."""

    def __init__(self, bridge: LiveBridge, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.store = store
        self.panels: dict[str, QWidget] = {}
        self.setAccessibleName("Notes and voices")
        self.tabBar().setAccessibleName("Side panels")
        for title, module, cls, with_store in SIDE_PANELS:
            widget = self._load_panel(module, cls, with_store)
            self.panels[title] = widget
            self.addTab(widget, title)

    def _load_panel(self, module: str, cls: str, with_store: bool) -> QWidget:
        """Another engineer's panel, imported only now; if it cannot load, say so in its place."""
        try:
            panel_class = getattr(importlib.import_module(module), cls)
            args = (self.bridge, self.store) if with_store else (self.bridge,)
            panel = panel_class(*args)
            if not isinstance(panel, QWidget):
                raise TypeError(f"{cls} is not a widget")
            return panel
        except Exception as exc:  # noqa: BLE001 (whatever breaks there must not take the console down)
            label = ValueLabel(f"This panel could not be loaded:\n{type(exc).__name__}: {exc}")
            label.setWordWrap(True)
            label.setFont(pixel_font(16))
            label.setAccessibleName("Panel not loaded")
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            return label
