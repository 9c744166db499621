"""The attention cue's chime is the project's own: scripts/make_chime.py writes it, and the package ships it."""

from __future__ import annotations

import importlib.util
import io
import struct
import wave
from pathlib import Path

from meetingkit.resources import sound_path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "make_chime.py"


def frames(data: bytes) -> tuple[wave._wave_params, list[int]]:
    with wave.open(io.BytesIO(data)) as w:
        params = w.getparams()
        raw = w.readframes(params.nframes)
    return params, list(struct.unpack(f"<{params.nframes}h", raw))


def test_the_shipped_chime_is_what_the_script_writes_short_and_gentle() -> None:
    spec = importlib.util.spec_from_file_location("make_chime", SCRIPT)
    assert spec and spec.loader
    maker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(maker)
    shipped_params, shipped = frames(sound_path("chime.wav").read_bytes())
    made_params, made = frames(maker.wav_bytes())
    assert shipped_params == made_params
    assert max(abs(a - b) for a, b in zip(shipped, made, strict=True)) <= 1  # floating point aside, the same
    assert (shipped_params.nchannels, shipped_params.sampwidth) == (1, 2)
    assert shipped_params.nframes / shipped_params.framerate < 1.0  # a short chime
    assert 0.15 * 32767 < max(abs(s) for s in shipped) < 0.5 * 32767  # heard, never at full scale
    assert abs(shipped[0]) < 200 and abs(shipped[-1]) < 200  # starts and ends without a click
