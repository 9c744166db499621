"""The minutes as blocks that any edition can lay out: headings, paragraphs, tables, the chart (DESIGN §5).

Text in a block is markup of a small fixed kind — user text escaped (`report_text.markup`), plus `<b>`,
`<br/>` and `<font ...>` for a quieter aside — so that the PDF, Word and HTML editions say the same words."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Heading:
    text: str
    level: int  # 1: a numbered section; 2: an agenda item; 3: a part of a section


@dataclass
class Para:
    text: str
    style: str = "body"  # body | entry (a note, decision or action under an item) | meta | empty | caption


@dataclass
class TableBlock:
    head: list[str]
    rows: list[list[str]]
    widths: list[float]  # relative column widths
    right: set[int] = field(default_factory=set)  # columns of figures, set to the right


@dataclass
class Facts:
    """Label / value lines without rules (the heading, the timing summary)."""

    rows: list[tuple[str, str]]
    label_width_mm: float = 26.0


@dataclass
class ChartBar:
    label: str
    main_s: float  # speaking time in the main discussion
    break_s: float  # speaking time in the feedback break
    public_voice: bool = False

    @property
    def seconds(self) -> float:
        return self.main_s + self.break_s


@dataclass
class Chart:
    bars: list[ChartBar]
    caption: str  # markup, shown under the chart
    alt: str  # plain text: what the chart shows, for those who cannot see it


@dataclass
class Keep:
    """Blocks that belong on one page (a heading and its chart; a last note and the line that follows it)."""

    blocks: list[Block]


Block = Heading | Para | TableBlock | Facts | Chart | Keep


@dataclass
class MinutesDoc:
    """Everything an edition needs: the blocks, in order, and the words for its page furniture."""

    title: str  # plain text
    subject: str
    header: str  # the running header's right-hand words
    status_mark: str  # "" when approved; else the DRAFT words every page carries
    redacted: bool
    blocks: list[Block]

    def headings(self, level: int = 1) -> list[str]:
        return [b.text for b in walk(self.blocks) if isinstance(b, Heading) and b.level == level]


def walk(blocks: list[Block]) -> list[Block]:
    """The blocks with every Keep opened, in reading order."""
    out: list[Block] = []
    for b in blocks:
        if isinstance(b, Keep):
            out += walk(b.blocks)
        else:
            out.append(b)
    return out
