"""The room's address as a QR code (segno: a maintained encoder, not a home-made one)."""

from __future__ import annotations

import io

import segno


def qr_png(url: str, scale: int = 8) -> bytes:
    """A PNG of `url` as a QR code, black on white with the standard quiet zone, for a phone's camera."""
    code = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="png", scale=scale, border=4, dark="#000000", light="#ffffff")
    return out.getvalue()
