"""The contents page: section headings and one clickable row per entry.

Each row's page number is a form XObject (``toc-<key>``) filled in when the
document is saved, so the contents never needs a second layout pass. In front
matter made for a merger (a pack's), where the numbers are printed is recorded
instead, and the merger prints them over the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether
from typing_extensions import override

from ..content.derive import paper_initials, plain_text
from ..model import Question, TopicGroup
from .arabic import RightToLeftParagraph, rtl_paragraph
from .doc import Anchor, Ledger
from .fit import fit_lines
from .inline import Markup, mostly_arabic
from .paragraphs import paragraph
from .styles import Palette

CONTENTS_KEY = "contents"
"""Destination key of the contents' first page."""
NUMBER_COL = 34.0
"""Width in points of the question-number column ("Q12")."""
YEAR_COL = 34.0
"""Width in points of the year column."""
PAPER_YEAR_COL = 56.0
"""Width in points of the year column when it also names the paper ("PA 2019")."""
PAGE_COL = 30.0
"""Width in points kept free for the right-aligned page number."""
MIN_TITLE_ROOM = 40.0
"""Least room in points worth printing a contents title in (a word or two)."""


def question_key(q: Question) -> str:
    """Destination key of a question's first page."""
    return f"q-{q.id}"


def safe_key(text: str) -> str:
    """``text`` reduced to characters that are safe in PDF names and form names."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text)


@dataclass(frozen=True)
class ContentsEntry:
    """One contents line: a question or an included PDF."""

    key: str
    number: str
    year: str
    title: str


EXAM_LABEL_CHARACTERS = 8
"""The most of an exam's name a contents label shows ("CSS", "PMS", "FPSC ASI")."""


def exam_label(exam: str) -> str:
    """An exam's name as the contents' label column shows it: cut to a few characters."""
    return exam if len(exam) <= EXAM_LABEL_CHARACTERS else exam[:EXAM_LABEL_CHARACTERS - 1] + "…"


def question_entry(q: Question, *, with_paper: bool = False, with_exam: bool = False
                   ) -> ContentsEntry:
    """A contents line for ``q``; ``with_paper`` adds the paper's initials to the year,
    ``with_exam`` the exam ("PMS PA 2019"), for contents that hold more than one.
    """
    label = [exam_label(q.exam)] if with_exam else []
    label += [paper_initials(q.paper)] if with_paper else []
    return ContentsEntry(question_key(q), f"Q{q.number}", " ".join([*label, str(q.year)]),
                         plain_text(q.question))


MOST_TITLE_LINES = 6
"""Lines a question may take in the contents; a longer one is cut there, with "…"."""


class ContentsRow(Flowable):
    """Number, label, the question in full, dot leader, page number; the whole row is a link.

    The question wraps to as many lines as it needs, up to ``MOST_TITLE_LINES``
    (a reader picks a question by its words, and a cut one could be any of
    several); the leader runs from the end of its last line to the page number.
    """

    def __init__(self, entry: ContentsEntry, markup: Markup, styles: dict[str, Any], *,
                 pal: Palette, ledger: Ledger, year_col: float = YEAR_COL) -> None:
        super().__init__()
        self.entry, self.markup, self.styles, self.pal = entry, markup, styles, pal
        self.ledger, self.year_col = ledger, year_col
        self.style = styles["contents_title"]
        self.pad = self.style.fontSize * 0.45
        self.title: Any = None
        self.height = self.style.leading + 2 * self.pad

    @override
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        room = availWidth - NUMBER_COL - self.year_col - PAGE_COL - 6
        # A page too narrow for a useful title (the layout's minimum text
        # width) prints the row without one rather than a letter a line.
        if room >= MIN_TITLE_ROOM and mostly_arabic(self.entry.title):
            self.title = self._right_to_left(room, availHeight)
            self.height = self.title.height + 2 * self.pad
            return (availWidth, self.height)
        self.title = (paragraph(self.markup.text(self.entry.title), self.style)
                      if room >= MIN_TITLE_ROOM and self.entry.title else None)
        lines = 1
        if self.title is not None:
            self.title.wrap(room, availHeight)
            lines = max(1, len(self.title.getActualLineWidths0()))
            if lines > MOST_TITLE_LINES:
                # A précis-length question would fill pages (or more than one,
                # which stops the build): its first lines name it well enough.
                cut = fit_lines(self.entry.title, room, self.style, MOST_TITLE_LINES,
                                self.markup.text)
                self.title = paragraph(self.markup.text(cut), self.style)
                self.title.wrap(room, availHeight)
                lines = max(1, len(self.title.getActualLineWidths0()))
        self.height = lines * self.style.leading + 2 * self.pad
        return (availWidth, self.height)

    def _right_to_left(self, room: float, height: float) -> RightToLeftParagraph:
        """An Urdu or Arabic question, set right to left, cut to its first lines if long."""
        title = rtl_paragraph(self.markup.fonts, plain_text(self.entry.title), self.style,
                              justify=False)
        title.wrap(room, height)
        kept = title.cut_to(MOST_TITLE_LINES)
        if kept is not None:
            title = rtl_paragraph(self.markup.fonts, kept, self.style, justify=False)
            title.wrap(room, height)
        return title

    def draw(self) -> None:
        """Draw on the canvas at the flowable's origin (ReportLab calls this)."""
        canv, style, entry = self.canv, self.style, self.entry
        lead = style.leading
        # The first line's baseline, as a paragraph sets it: its font size below the top.
        first = self.height - self.pad - style.fontSize
        if isinstance(self.title, RightToLeftParagraph):
            first = self.height - self.pad - self.title.baselines[0]
        canv.saveState()
        canv.setFont(self.styles["table_head"].fontName, style.fontSize)
        canv.setFillColor(self.pal.accent)
        canv.drawString(0, first, entry.number)
        canv.setFont(self.styles["band"].fontName, style.fontSize * 0.92)
        canv.setFillColor(self.pal.muted)
        canv.drawString(NUMBER_COL, first, entry.year)
        title_end, last = NUMBER_COL + self.year_col, first
        if isinstance(self.title, RightToLeftParagraph):
            # Set flush right: its last line ends (reading) at the column's left.
            self.title.drawOn(canv, NUMBER_COL + self.year_col,
                              self.height - self.pad - self.title.height)
            last = self.height - self.pad - self.title.baselines[-1]
            title_end = self.width - PAGE_COL
        elif self.title is not None:
            widths = self.title.getActualLineWidths0()
            self.title.drawOn(canv, NUMBER_COL + self.year_col,
                              self.height - self.pad - self.title.height)
            last = first - lead * (len(widths) - 1)
            title_end += widths[-1] if widths else 0
        canv.setStrokeColor(self.pal.rule)
        canv.setLineWidth(0.8)
        canv.setDash(0.8, 3.2)
        leader_end = self.width - PAGE_COL
        if leader_end - title_end > 12:
            canv.line(title_end + 6, last, leader_end, last)
        canv.setDash()
        # The merger prints the number over the page once it knows the pack's
        # pages: the part stays the same whatever page its entries land on.
        x, y = canv.absolutePosition(self.width, last)
        self.ledger.numbers.append((canv.getPageNumber(), x, y, entry.key))
        canv.restoreState()
        x1, y1 = canv.absolutePosition(0, 0)
        x2, y2 = canv.absolutePosition(self.width, self.height)
        self.ledger.links.append((canv.getPageNumber(), (x1, y1, x2, y2), entry.key))


def contents_flowables(groups: tuple[TopicGroup, ...], markup: Markup, *,
                       styles: dict[str, Any], pal: Palette, ledger: Ledger,
                       extra: dict[str, list[tuple[str, ContentsEntry]]] | None = None,
                       appendices: tuple[ContentsEntry, ...] = ()) -> list[Flowable]:
    """Heading, then per group its name and a row per entry, in booklet order.

    Args:
        groups: Sections (or topics) with their questions.
        markup: Converter for the text font.
        styles: Paragraph styles (``make_styles``).
        pal: Colours.
        ledger: Where rows record their link rectangles in a merged pack.
        extra: Section title → [("before" | "after", entry)] for included PDFs.
        appendices: Entries listed under "Appendices" at the end.
    """
    extra = extra or {}
    # Where the contents opens (after the cover, and a blank verso in duplex),
    # for the pack's outline.
    story: list[Flowable] = [Anchor(ledger, CONTENTS_KEY, "Contents", 0),
                             paragraph("Contents", styles["h1"])]

    # With more than one paper, "Q7 2019" is ambiguous: name the paper by its initials.
    papers = {q.paper for g in groups for q in g.questions}
    with_paper = len(papers) > 1
    # CSS and PMS set papers of the same names: with both, "Q3 PA 2019" is ambiguous too.
    exams = {q.exam for g in groups for q in g.questions}
    with_exam = len(exams) > 1
    year_col = PAPER_YEAR_COL if with_paper else YEAR_COL
    if with_exam:
        band = styles["band"]
        year_col += max(stringWidth(f"{exam_label(exam)} ", band.fontName,
                                    band.fontSize * 0.92) for exam in exams)

    if with_paper:
        legend = " · ".join(f"<b>{markup.text(paper_initials(p))}</b> {markup.text(p)}"
                            for p in sorted(papers))
        story.append(paragraph(legend, styles["small"]))

    def rows(entries: list[ContentsEntry]) -> list[Flowable]:
        return [ContentsRow(e, markup, styles, pal=pal, ledger=ledger, year_col=year_col)
                for e in entries]
    for group in groups:
        placed = extra.get(group.topic, [])
        story += unbroken_ends(paragraph(markup.text(group.topic), styles["contents_topic"]),
                               rows([
            *(e for where, e in placed if where == "before"),
            *(question_entry(q, with_paper=with_paper, with_exam=with_exam)
              for q in group.questions),
            *(e for where, e in placed if where == "after")]))
    if appendices:
        story += unbroken_ends(paragraph("Appendices", styles["contents_topic"]),
                               rows(list(appendices)))
    return story


ENDS_KEPT = 2
"""Rows kept together at each end of a group, so that no page of the contents opens or
closes on a lone entry of a group (a widow or an orphan)."""


def unbroken_ends(heading: Flowable, rows: list[Flowable]) -> list[Flowable]:
    """A group's heading and rows: the heading with the first ``ENDS_KEPT`` rows, and the
    last ``ENDS_KEPT`` rows, each kept together (a short group kept whole).

    The heading goes into the keep itself: ReportLab keeps a flowable with the next one
    (``keepWithNext``) only when that one is not a keep of its own.
    """
    if len(rows) < 2 * ENDS_KEPT:
        return [KeepTogether([heading, *rows])]
    return [KeepTogether([heading, *rows[:ENDS_KEPT]]), *rows[ENDS_KEPT:-ENDS_KEPT],
            KeepTogether(rows[-ENDS_KEPT:])]
