"""The room page as one response: its HTML with the style and script inlined, and the headers that fence it in.

Inlining keeps every file behind the key (there is nothing else to fetch), and the Content-Security-Policy
names the exact script and style by their hashes, so nothing injected into the page could run.
"""

from __future__ import annotations

import base64
import hashlib

from meetingkit import resources

NO_ACCESS = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>MeetingKit room view</title></head>
<body><main><h1>This link does not open the meeting</h1>
<p>The room view needs the full link the chair shares, and it works only while the chair is sharing.
Ask the chair for the current link or QR code.</p></main></body></html>
"""
NOT_FOUND = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>
<body><main><h1>Not found</h1></main></body></html>
"""


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


class PageSource:
    """The page, read from the package once and put together with its style and script inline."""

    def __init__(self) -> None:
        css = resources.room_page_text("room.css")
        js = resources.room_page_text("room.js")
        html = resources.room_page_text("room.html")
        self._html = html.replace("/*ROOM_CSS*/", css).replace("/*ROOM_JS*/", js)
        self._csp = (
            "default-src 'none'; "
            f"style-src '{_sha256(css)}'; script-src '{_sha256(js)}'; "
            "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'"
        )

    def html(self) -> str:
        return self._html

    def csp(self) -> str:
        return self._csp


def security_headers(csp: str | None) -> list[tuple[str, str]]:
    """Headers for every response: nothing cached, sniffed, framed, or told where the link came from."""
    return [
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("X-Frame-Options", "DENY"),
        ("Content-Security-Policy", csp or "default-src 'none'; frame-ancestors 'none'"),
    ]
