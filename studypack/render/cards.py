"""Printed flashcards: a sheet of card fronts, then the same sheet of backs.

Printed two-sided, flipped on the long edge, each back lands behind its
front: a back page holds its row's cards in the mirrored order. Cut marks
stand in the margin around the grid, in line with every card edge, and a
faint dotted outline helps scissors. The backs move by the plan's offset, for
a printer that places the second side a little off the first.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepInFrame

from ..content.derive import plain_text
from ..model import BookletPlan, CardsPlan, Question
from ..theme import Theme
from .arabic import rtl_paragraph
from .fonts import register_theme_fonts
from .inline import Markup, mostly_arabic
from .paragraphs import paragraph
from .streams import binary_streams
from .styles import make_styles, palette

CUT_MARK_MM = 5.0
"""Length of a cut mark; it stops 1.5 mm short of the card's corner."""
PADDING_MM = 5.0


def cards_page(canv: Canvas) -> tuple[float, float]:
    """The canvas's page size in points."""
    width, height = canv._pagesize  # type: ignore[attr-defined]
    return float(width), float(height)


@dataclass(frozen=True)
class Card:
    """One card: a small label and text on each side (inline Markdown)."""

    front_label: str
    front: str
    back_label: str
    back: str
    path: str = field(default="", compare=False)
    """The content file it came from, named in warnings."""


def cards_of(questions: tuple[Question, ...], which: str) -> list[Card]:
    """The cards of ``questions``, in order: each question's card, then its key points'."""
    found = []
    for q in questions:
        source = f"{q.exam} {q.paper} {q.year} · Q{q.number}"
        if which in ("questions", "both"):
            back = q.summary or "; ".join(p.heading for p in q.points)
            found.append(Card(source, q.question, f"Summary · {source}", back, q.source_path))
        if which in ("points", "both"):
            for n, point in enumerate(q.points, 1):
                label = f"{source} · key point {n} of {len(q.points)}"
                found.append(Card(label, point.heading, label, point.gist or point.heading,
                                  q.source_path))
    return found


def _side(text: Markup, styles: dict[str, ParagraphStyle], label: str, body: str,
          *, front: bool) -> list[Flowable]:
    small = ParagraphStyle("card_label", parent=styles["small"], alignment=TA_CENTER,
                           spaceAfter=6)
    # Centred lines on a small card: a word broken across two looks like a misprint.
    main = ParagraphStyle("card_front" if front else "card_back",
                          parent=styles["h2"] if front else styles["body"],
                          alignment=TA_CENTER, spaceBefore=0, hyphenationLang="",
                          embeddedHyphenation=0)
    if mostly_arabic(body):  # Urdu or Arabic: shaped, right to left, centred as the rest
        return [paragraph(text.inline(label), small),
                rtl_paragraph(text.fonts, plain_text(body), main, justify=False, centre=True,
                              source=text.source)]
    return [paragraph(text.inline(label), small), paragraph(text.inline(body), main)]


def render_cards(plan: BookletPlan, cards: CardsPlan, theme: Theme) -> tuple[bytes, int]:
    """The cards of ``plan``'s questions, fronts and backs on alternate pages.

    Returns:
        The PDF's bytes and its page count.
    """
    fonts = register_theme_fonts(theme)
    styles = make_styles(theme, fonts)
    pal = palette(theme)
    text = Markup(fonts, fonts.text)
    width, height = theme.page_size
    margin = cards.margin_mm * mm
    card_w = (width - 2 * margin) / cards.columns
    card_h = (height - 2 * margin) / cards.rows
    per_sheet = cards.columns * cards.rows
    found = cards_of(plan.questions, cards.which)
    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=theme.page_size, invariant=1, pageCompression=1,
                  # ReportLab's own first font would be named, unembedded, on every sheet.
                  initialFontName=styles["body"].fontName)  # type: ignore[arg-type]
    canv.setTitle(plan.title)
    canv.setAuthor(plan.centre or "")
    canv.setCreator("studypack")  # the mark of a file studypack may replace
    pages = 0
    for start in range(0, len(found), per_sheet):
        sheet = found[start:start + per_sheet]
        for back in (False, True):
            dx, dy = ((cards.offset_mm[0] * mm, cards.offset_mm[1] * mm) if back
                      else (0.0, 0.0))
            _cut_marks(canv, cards, (card_w, card_h), pal.muted, (dx, dy))
            for index, card in enumerate(sheet):
                row, column = divmod(index, cards.columns)
                if back:
                    column = cards.columns - 1 - column  # long-edge flip mirrors each row
                x = margin + column * card_w + dx
                y = height - margin - (row + 1) * card_h + dy
                canv.saveState()
                canv.setStrokeColor(pal.rule)
                canv.setLineWidth(0.3)
                canv.setDash(1, 2)
                canv.rect(x, y, card_w, card_h)
                canv.restoreState()
                pad = PADDING_MM * mm
                text.source = card.path
                story = (_side(text, styles, card.back_label, card.back, front=False) if back
                         else _side(text, styles, card.front_label, card.front, front=True))
                room_w, room_h = card_w - 2 * pad, card_h - 2 * pad
                # A long question or gist shrinks to fit its card, never spills;
                # a short one sits in the middle of it.
                kept = KeepInFrame(room_w, room_h, story, mode="shrink")
                _, used = kept.wrapOn(canv, room_w, room_h)
                kept.drawOn(canv, x + pad, y + pad + (room_h - used) / 2)
            canv.showPage()
            pages += 1
    with binary_streams():
        canv.save()
    return buffer.getvalue(), pages


def _cut_marks(canv: Canvas, cards: CardsPlan, card: tuple[float, float], colour: Color,
               offset: tuple[float, float]) -> None:
    """Short lines in the margin, in line with every card edge."""
    (width, height), (card_w, card_h), (dx, dy) = cards_page(canv), card, offset
    margin = cards.margin_mm * mm
    gap, length = 1.5 * mm, min(CUT_MARK_MM * mm, margin - 2 * mm)
    canv.saveState()
    canv.setStrokeColor(colour)
    canv.setLineWidth(0.4)
    top, bottom = height - margin + dy, margin + dy
    left, right = margin + dx, width - margin + dx
    for n in range(cards.columns + 1):
        x = left + n * card_w
        canv.line(x, top + gap, x, top + gap + length)
        canv.line(x, bottom - gap, x, bottom - gap - length)
    for n in range(cards.rows + 1):
        y = top - n * card_h
        canv.line(left - gap, y, left - gap - length, y)
        canv.line(right + gap, y, right + gap + length, y)
    canv.restoreState()
