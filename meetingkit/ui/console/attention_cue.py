"""The attention cue (DESIGN §3): at the change into wrap-up and into over time, for the speaker's turn and for
the item, one short chime (unless muted) and one gentle pulse of the speaker display — never repeated flashing
(WCAG 2.3.1). It fires once per change, whatever the repaint rate."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QSettings, QUrl, Signal

from meetingkit.models.session import LiveMeeting
from meetingkit.resources import sound_path

CUE_STATES = ("wrap_up", "over")
MUTE_KEY = "console/chime_muted"
SILENT_ENV = "MEETINGKIT_SILENT"  # set by the test suite: no sound unless a test asks for it


@dataclass(frozen=True)
class Cue:
    kind: str  # speaker | item
    state: str  # wrap_up | over
    name: str  # the speaker's name or the item's title


class Chime:
    """Plays the project's own chime through QtMultimedia's QSoundEffect, loaded once when first needed."""

    def __init__(self) -> None:
        self._effect: Any = None
        self.played = 0
        self.unavailable = ""  # why there is no sound here (a Qt build without QtMultimedia), if so

    def play(self) -> None:
        if os.environ.get(SILENT_ENV) or self.unavailable:
            return
        if self._effect is None:
            try:  # only a console that chimes loads the audio stack
                from PySide6.QtMultimedia import QSoundEffect
            except (
                ImportError
            ) as exc:  # the pulse still marks the change; the meeting must not stop for sound
                self.unavailable = f"No sound on this computer ({exc})"
                return
            self._effect = QSoundEffect()
            self._effect.setSource(QUrl.fromLocalFile(str(sound_path("chime.wav"))))
            self._effect.setVolume(0.6)
        self._effect.play()
        self.played += 1


class AttentionCue(QObject):
    """Watches the speaker's and the item's timer states at each repaint and cues each change into wrap-up or
    over time once. A new turn or item, a pause or an undo that changes whose turn it is starts afresh
    without a cue: only a change within the same turn or item is one the speaker must notice."""

    fired = Signal(object)  # a Cue
    muted_changed = Signal(bool)

    def __init__(
        self, settings: QSettings | None = None, chime: Chime | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.chime = chime or Chime()
        self.settings = settings  # the user's settings file: the mute is remembered there
        self._seen: dict[str, tuple[object, str]] = {}
        self.muted = bool(settings.value(MUTE_KEY, False, type=bool)) if settings is not None else False

    def set_muted(self, muted: bool) -> None:
        if muted != self.muted:
            self.muted = muted
            if self.settings is not None:
                self.settings.setValue(MUTE_KEY, muted)
                self.settings.sync()
            self.muted_changed.emit(muted)

    def check(self, live: LiveMeeting, now: float) -> list[Cue]:
        """Compare the states now with the last repaint's; fire a cue for each change into wrap-up or over."""
        cues = []
        speaker = live.speaker_timer(now)
        s = live.turn.speech if live.turn is not None and live.status == "running" else None
        turn = (s.idx, s.who, s.start) if s is not None else None  # an undo may give a turn's number again
        cue = self._change("speaker", turn, speaker.state, live.paused)
        if cue:
            cues.append(Cue("speaker", cue, speaker.name))
        item = live.item_timer(now)
        running_item = live.current if live.brk.status != "running" and live.status == "running" else None
        cue = self._change("item", running_item, item.state, live.paused)
        if cue:
            cues.append(Cue("item", cue, item.name))
        for c in cues:
            self.fired.emit(c)
        if cues and not self.muted:
            self.chime.play()  # one chime for a repaint's changes, even when speaker and item change at once
        return cues

    def _change(self, kind: str, identity: object, state: str, paused: bool) -> str | None:
        before = self._seen.get(kind)
        self._seen[kind] = (identity, state)
        if identity is None or paused or before is None or before[0] != identity:
            return None
        if state in CUE_STATES and before[1] != state and CUE_STATES.index(state) > _rank(before[1]):
            return state
        return None


def _rank(state: str) -> int:
    return CUE_STATES.index(state) if state in CUE_STATES else -1
