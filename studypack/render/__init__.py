"""Render stage: a ``BookletPlan`` + ``Theme`` → PDF bytes (the only ReportLab user).

Blocks in order: cover, contents, then each question on a new page. One
layout pass; page totals and contents numbers are filled in at save time
(see ``doc.py``).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph

from ..model import BookletPlan, Question
from ..theme import Theme
from ..theme.templates import render_text
from .contents import contents_flowables, question_key
from .doc import BODY, FRONT, Anchor, BookletDoc, FinishingCanvas, Ledger, to_roman
from .fonts import register_theme_fonts
from .inline import Markup
from .question import DEFAULT_QUESTION_BLOCKS, QUESTION_BLOCKS, BlockContext
from .styles import make_styles, palette


@dataclass(frozen=True)
class RenderedBooklet:
    """A finished booklet.

    Attributes:
        pdf: The PDF file's bytes.
        pages: Total page count.
        front_pages: Pages before the first answer (cover and contents).
        start_pages: Question id → 1-based physical page where it starts.
    """

    pdf: bytes
    pages: int
    front_pages: int
    start_pages: dict[str, int]


def page_label(page: int, front_pages: int) -> str:
    """The printed/PDF label of 1-based physical ``page``: i, ii… then 1, 2…."""
    return to_roman(page) if page <= front_pages else str(page - front_pages)


def _cover(plan: BookletPlan, theme: Theme, markup: Markup, styles: dict) -> list[Flowable]:
    first, last = plan.years
    years = str(first) if first == last else f"{first}–{last}"
    text = render_text(theme.templates, "cover.j2", booklet=plan, years=years)
    top: list[Flowable] = []
    foot: list[Flowable] = []
    for line in text.splitlines():
        role, _, value = line.partition(":")
        value = value.strip()
        if not value:
            continue
        style = {"kicker": "cover_kicker", "title": "cover_title",
                 "subtitle": "cover_subtitle", "centre": "cover_centre"}.get(role.strip(),
                                                                             "cover_line")
        target = foot if role.strip() in ("centre", "edition") else top
        target.append(Paragraph(markup.text(value), styles[style]))
    from reportlab.platypus import FrameBreak
    return [*top, FrameBreak(), *foot]


def render_booklet(plan: BookletPlan, theme: Theme, *,
                   on_question: Callable[[Question], None] | None = None) -> RenderedBooklet:
    """Lay out and write a booklet.

    Args:
        plan: What goes in, in order.
        theme: How it looks.
        on_question: Called as each question's layout starts (for progress bars).

    Returns:
        The PDF bytes and page facts.

    Raises:
        FontError: A theme font cannot be embedded.
        ContentError: A layout template fails (file:line).
    """
    fonts = register_theme_fonts(theme)
    styles = make_styles(theme, fonts)
    pal = palette(theme)
    text, heading = Markup(fonts, fonts.text), Markup(fonts, fonts.heading)
    ledger = Ledger(on_question=on_question)
    buffer = io.BytesIO()
    doc = BookletDoc(buffer, theme=theme, plan=plan, markup=heading, pal=pal, styles=styles,
                     ledger=ledger)
    ctx = BlockContext(styles, pal, text, heading, ledger, doc.width)

    story: list[Flowable] = _cover(plan, theme, heading, styles)
    story += [NextPageTemplate(FRONT), PageBreak()]
    story += contents_flowables(plan, text, styles, pal)
    story.append(NextPageTemplate(BODY))
    for group in plan.groups:
        topic_anchor: Flowable | None = Anchor(ledger, f"t-{group.topic}", group.topic, 0)
        for q in group.questions:
            story.append(PageBreak())
            if topic_anchor is not None:
                story.append(topic_anchor)
                topic_anchor = None
            for name in DEFAULT_QUESTION_BLOCKS:
                story += QUESTION_BLOCKS[name](ctx, q)

    def finish(canv: Canvas) -> None:
        _fill_deferred(canv, plan, theme, styles, ledger)

    doc.build(story, canvasmaker=lambda *a, **k: FinishingCanvas(*a, finish=finish, **k))
    body_start = ledger.body_start or 1
    starts = {q.id: ledger.anchors[question_key(q)] for q in plan.questions}
    return RenderedBooklet(buffer.getvalue(), doc.page, body_start - 1, starts)


def _fill_deferred(canv: Canvas, plan: BookletPlan, theme: Theme, styles: dict,
                   ledger: Ledger) -> None:
    total = canv.getPageNumber() - (0 if canv._code else 1)
    front = (ledger.body_start or total + 1) - 1
    body = total - front
    font = styles["small"].fontName
    size = styles["small"].fontSize
    for page in range(2, total + 1):
        last = to_roman(front) if page <= front else str(body)
        text = render_text(theme.templates, "folio.j2", page_label=page_label(page, front),
                           last_label=last, page=page, pages=total)
        _number_form(canv, f"folio{page}", text, font, size, styles["small"].textColor)
    for q in plan.questions:
        label = page_label(ledger.anchors[question_key(q)], front)
        _number_form(canv, f"toc-{question_key(q)}", label, styles["body"].fontName,
                     styles["body"].fontSize, styles["body"].textColor)
    canv.addPageLabel(0, style="ROMAN_LOWER", start=1)
    if body:
        canv.addPageLabel(front, style="ARABIC", start=1)


def _number_form(canv: Canvas, name: str, text: str, font: str, size: float,
                 colour: object) -> None:
    # Right-aligned at the form's origin; the bounding box reaches left.
    canv.beginForm(name, lowerx=-400, lowery=-size, upperx=2, uppery=size * 1.5)
    canv.setFont(font, size)
    canv.setFillColor(colour)
    canv.drawRightString(0, 0, text)
    canv.endForm()
