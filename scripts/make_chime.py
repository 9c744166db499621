"""Writes meetingkit/resources/sounds/chime.wav: the attention cue (DESIGN §3), made here rather than borrowed.

A soft two-note chime (E6 then B5), each note a sine with a few quiet overtones and a bell-like decay, 0.9 s in
all, 16-bit mono at 22,050 Hz, peaking well below full scale so it is noticed without startling anyone.
Run `python scripts/make_chime.py` to write it again; tests/unit/test_chime.py checks the shipped file is
what this writes (to within one step of a sample).
"""

from __future__ import annotations

import io
import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22_050
LENGTH_S = 0.9
PEAK = 0.35  # of full scale
NOTES = ((0.0, 1318.51), (0.18, 987.77))  # (start in seconds, frequency in Hz)
OVERTONES = ((1.0, 1.0), (2.0, 0.25), (3.0, 0.08))  # (multiple, relative strength)


def samples() -> list[int]:
    out = []
    for n in range(int(RATE * LENGTH_S)):
        t = n / RATE
        v = 0.0
        for start, freq in NOTES:
            dt = t - start
            if dt < 0:
                continue
            attack = min(1.0, dt / 0.008)  # 8 ms: no click
            decay = math.exp(-dt * 5.5)
            for mult, strength in OVERTONES:
                v += attack * decay * strength * math.sin(2 * math.pi * freq * mult * dt)
        fade = min(1.0, (LENGTH_S - t) / 0.05)  # the last 50 ms fade to silence
        out.append(round(max(-1.0, min(1.0, v * PEAK / 1.33 * fade)) * 32767))
    return out


def wav_bytes() -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        data = samples()
        w.writeframes(struct.pack(f"<{len(data)}h", *data))
    return buf.getvalue()


TARGET = Path(__file__).resolve().parents[1] / "meetingkit" / "resources" / "sounds" / "chime.wav"

if __name__ == "__main__":
    TARGET.write_bytes(wav_bytes())
    sys.stdout.write(f"wrote {TARGET} ({TARGET.stat().st_size} bytes)\n")
