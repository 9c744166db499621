"""The HTML edition of the minutes (DESIGN §5): one self-contained, accessible page — its language, headings
in order, tables with header cells that say their scope, the chart as inline SVG with a text alternative and
the same figures as a table. The edition for screen-reader users and for publishing on a website."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from meetingkit.reports.minutes_blocks import (
    Block,
    Chart,
    ChartBar,
    Facts,
    Heading,
    Keep,
    MinutesDoc,
    Para,
    TableBlock,
)
from meetingkit.reports.participation_chart import bar_label, bar_value
from meetingkit.reports.report_text import paired_bidi, without_font_runs


def _escape(text: str) -> str:
    """Text not made into block markup (the page title, a chart's names) escaped as `markup` escapes it."""
    return html.escape(paired_bidi(text))


# The blocks' markup is escaped user text plus <b>, <br/> and <font ...>: each becomes its HTML kin.
_TAGS = re.compile(r"<br/>|<font[^>]*>|</font>|<b>|</b>")
_HEADING_TAG = {0: "h1", 1: "h2", 2: "h3", 3: "h3"}

STYLE = """
body{font-family:"DejaVu Sans",Verdana,sans-serif;color:#1d2733;max-width:52rem;margin:2rem auto;padding:0 1rem;
line-height:1.45;font-size:1rem}
h1{color:#1f3a5f;font-size:1.8rem;margin-bottom:.2rem}h2{color:#1f3a5f;font-size:1.35rem;margin-top:2rem;
border-bottom:1px solid #cfd6df}h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
.subtitle{color:#4d5663;font-size:1.15rem;margin-top:0}.aside,.meta,.empty,.caption{color:#4d5663}
.meta,.caption{font-size:.9rem}.entry{margin-left:1rem}
.draft{border:2px solid #1f3a5f;color:#1f3a5f;font-weight:bold;padding:.4rem .8rem;display:inline-block}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:.92rem}
th,td{text-align:left;vertical-align:top;padding:.3rem .4rem;border-bottom:1px solid #cfd6df}
thead th{background:#e9eef4;border-bottom:2px solid #1f3a5f;color:#1f3a5f}
td.num,th.num{text-align:right}dl.facts{display:grid;grid-template-columns:14rem 1fr;gap:.2rem .8rem}
dl.facts dt{font-weight:bold}dl.facts dd{margin:0}figure{margin:1rem 0}svg text{font-family:inherit}
"""


def render_html(doc: MinutesDoc) -> bytes:
    """The minutes as one HTML page (UTF-8): nothing loaded from elsewhere."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_escape(doc.title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
    ]
    if doc.status_mark:
        parts.append(f'<p class="draft">{_escape(doc.status_mark)}</p>')
    parts += _blocks(doc.blocks, [0])
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts).encode("utf-8")


def inline(markup: str) -> str:
    """Block markup as HTML: the escaped text stays escaped; <br/>, <b> and <font> become HTML."""

    def tag(m: re.Match[str]) -> str:
        t = m.group(0)
        if t == "<br/>":
            return "<br>"
        if t.startswith("<font"):
            return '<span class="aside">'
        if t == "</font>":
            return "</span>"
        return t.replace("b>", "strong>")

    return _TAGS.sub(tag, without_font_runs(markup))


def _blocks(blocks: Iterable[Block], charts: list[int]) -> list[str]:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Heading):
            tag = _HEADING_TAG.get(b.level, "h3")
            out.append(f"<{tag}>{inline(b.text)}</{tag}>")
        elif isinstance(b, Para):
            out.append(f'<p class="{b.style}">{inline(b.text)}</p>')
        elif isinstance(b, Facts):
            rows = "".join(f"<dt>{inline(k)}</dt><dd>{inline(v)}</dd>" for k, v in b.rows)
            out.append(f'<dl class="facts">{rows}</dl>')
        elif isinstance(b, TableBlock):
            out.append(_table(b))
        elif isinstance(b, Chart):
            charts[0] += 1
            out += _chart(b, charts[0])
        elif isinstance(b, Keep):
            out += _blocks(b.blocks, charts)
    return out


def _table(b: TableBlock) -> str:
    def cls(i: int) -> str:
        return ' class="num"' if i in b.right else ""

    head = "".join(f'<th scope="col"{cls(i)}>{inline(h)}</th>' for i, h in enumerate(b.head))
    rows = []
    for row in b.rows:
        cells = "".join(f"<td{cls(i)}>{inline(c)}</td>" for i, c in enumerate(row))
        rows.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


# ---- the chart: inline SVG with a text alternative, then its figures as a table --------------------------------

PITCH = 26
BAR = 16
LABEL_W = 230
PLOT_W = 330
VALUE_W = 260
PUBLIC = "#AA3377"
OTHER = "#4477AA"


def _chart(c: Chart, n: int) -> list[str]:
    width = LABEL_W + PLOT_W + VALUE_W
    height = max(1, len(c.bars)) * PITCH + 8
    top = max((b.seconds for b in c.bars), default=0.0) or 1.0
    pattern = f"break-{n}"
    svg = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title-{n} chart-desc-{n}"'
        f' viewBox="0 0 {width} {height}" width="100%">',
        f'<title id="chart-title-{n}">Speaking time</title>',
        f'<desc id="chart-desc-{n}">{_escape(c.alt)}</desc>',
        f'<defs><pattern id="{pattern}" patternUnits="userSpaceOnUse" width="6" height="6"'
        ' patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="currentColor" stroke-width="3"/></pattern></defs>',
    ]
    for i, b in enumerate(c.bars):
        svg.append(_bar_svg(b, i, top, pattern))
    svg.append("</svg>")
    return [
        "<figure>",
        "".join(svg),
        f'<figcaption class="caption">{inline(c.caption)}</figcaption>',
        "</figure>",
        _figures_table(c.bars),
    ]


def _bar_svg(b: ChartBar, i: int, top: float, pattern: str) -> str:
    y = i * PITCH + 4
    colour = PUBLIC if b.public_voice else OTHER
    main_w = PLOT_W * b.main_s / top
    brk_w = PLOT_W * b.break_s / top
    weight = ' font-weight="bold"' if b.public_voice else ""
    parts = [
        f'<text x="{LABEL_W - 6}" y="{y + BAR - 4}" text-anchor="end" font-size="13" fill="#1d2733"{weight}>'
        f"{_escape(bar_label(b))}</text>"
    ]
    if main_w > 0:
        parts.append(f'<rect x="{LABEL_W}" y="{y}" width="{main_w:.1f}" height="{BAR}" fill="{colour}"/>')
    if brk_w > 0:
        parts.append(
            f'<g color="{colour}"><rect x="{LABEL_W + main_w:.1f}" y="{y}" width="{brk_w:.1f}" height="{BAR}"'
            f' fill="url(#{pattern})" stroke="{colour}"/></g>'
        )
    parts.append(
        f'<text x="{LABEL_W + main_w + brk_w + 6:.1f}" y="{y + BAR - 4}" font-size="12" fill="#4d5663">'
        f"{_escape(bar_value(b))}</text>"
    )
    return "".join(parts)


def _figures_table(bars: list[ChartBar]) -> str:
    from meetingkit.models.review_text import airtime

    rows = "".join(
        f'<tr><th scope="row">{_escape(bar_label(b))}</th><td class="num">{airtime(b.main_s)}</td>'
        f'<td class="num">{airtime(b.break_s)}</td></tr>'
        for b in bars
    )
    return (
        '<table><caption class="caption">The chart\'s figures</caption><thead><tr>'
        '<th scope="col">Who</th><th scope="col" class="num">Main discussion</th>'
        '<th scope="col" class="num">Feedback break</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )
