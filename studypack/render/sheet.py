"""Worksheets and answer keys: a pack's questions, one after another, several to a page.

A worksheet opens with a header (centre, title, class, date, time allowed,
name and roll-number boxes, and a table of marks), then each question with
its number, marks and year and room to write below it: ruled, dotted or
squared lines, as many as its marks earn. A question is kept with its room
when both fit on a page; a longer one starts a page of its own, and its
lines run on to the next, never leaving the question alone at a page's foot.

The teacher's edition (``answers``) prints each answer's key points and text
in place of the lines; an answer key prints key points only, compactly.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, TableStyle
from reportlab.platypus.flowables import HRFlowable
from typing_extensions import override

from ..model import BookletPlan, Question, SheetPlan
from .arabic import ShapedParagraph
from .contents import question_key
from .doc import Anchor
from .paragraphs import ARABIC_LETTER, paragraph
from .question import (
    BlockContext,
    _line,
    for_question,
    full_answer,
    key_points_table,
    point_number,
)
from .tables import OnceTable

FIRST_LINES = 3
"""Lines of room that go with a question to its page, however the rest splits."""
NAME_BOX_MM = 9
"""Height of the name and roll-number boxes: room for handwriting."""
MARKS_PER_ROW = 12
"""Questions in one row of the marks table; more start another row."""


class AnswerSpace(Flowable):
    """Room to write: ``lines`` ruled, dotted or squared lines ``pitch`` points apart.

    It splits between lines, keeping at least ``FIRST_LINES`` with the part
    before the break, so a page break never falls between a question and the
    start of its room.
    """

    def __init__(self, lines: int, pitch: float, kind: str, colour: Color) -> None:
        super().__init__()
        self.lines, self.pitch, self.kind, self.colour = lines, pitch, kind, colour

    @override
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.lines * self.pitch

    @override
    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        fits = int(availHeight // self.pitch)
        if fits < min(FIRST_LINES, self.lines) or fits >= self.lines:
            return []
        return [AnswerSpace(fits, self.pitch, self.kind, self.colour),
                AnswerSpace(self.lines - fits, self.pitch, self.kind, self.colour)]

    def draw(self) -> None:
        """Draw the lines, from the top down (ReportLab calls this)."""
        canv, width, height = self.canv, self.width, self.lines * self.pitch
        canv.saveState()
        canv.setStrokeColor(self.colour)
        canv.setLineWidth(0.45)
        if self.kind == "dotted":
            canv.setDash(0.6, 2.4)
            canv.setLineCap(1)
        if self.kind in ("lines", "dotted"):
            for n in range(1, self.lines + 1):
                canv.line(0, height - n * self.pitch, width, height - n * self.pitch)
        elif self.kind == "grid":
            canv.setLineWidth(0.3)
            side = self.pitch / 2  # squares of half a line: 4 mm at 8 mm lines
            rows = int(height // side)
            columns = int(width // side)
            for n in range(rows + 1):
                canv.line(0, height - n * side, columns * side, height - n * side)
            for n in range(columns + 1):
                canv.line(n * side, height, n * side, height - rows * side)
        canv.restoreState()


def _source(q: Question) -> str:
    """"CSS 2019 · Pakistan Affairs · Q5": where the question was set."""
    parts = [f"{q.exam} {q.year}", q.paper]
    if q.part:
        parts.append(f"Part {q.part}")
    if q.number:
        parts.append(f"Q{q.number}")
    return " · ".join(parts)


def _marks(q: Question) -> str:
    if not q.marks:
        return ""
    return f"{q.marks} mark{'s' if q.marks != 1 else ''}"


def _style(ctx: BlockContext, commands: list[tuple[Any, ...]]) -> TableStyle:
    return TableStyle([_cell_font(ctx), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("LEFTPADDING", (0, 0), (-1, -1), 0),
                       ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                       ("TOPPADDING", (0, 0), (-1, -1), 0),
                       ("BOTTOMPADDING", (0, 0), (-1, -1), 0), *commands])


def _cell_font(ctx: BlockContext) -> tuple[Any, ...]:
    # A table sets its cells' font before drawing them, text or not: left out,
    # it names Helvetica (unembedded) in the page's resources.
    body = ctx.styles["body"]
    return ("FONT", (0, 0), (-1, -1), body.fontName, body.fontSize)


def _question_head(ctx: BlockContext, n: int, q: Question) -> Flowable:
    """Number | question, with where it was set below | marks."""
    s = ctx.styles
    size = s["body"].fontSize
    number_w, marks_w = size * 2.6, size * 6.5
    text_w = ctx.width - number_w - marks_w
    rtl = for_question(ctx, q).labels.rtl  # an Urdu question reads from the right
    middle = [_line(ctx, q.question, ParagraphStyle("sheet_question", parent=s["body"],
                                                    alignment=TA_LEFT)),
              paragraph(ctx.text.inline(_source(q)),
                        ParagraphStyle("sheet_source", parent=s["small"],
                                       alignment=TA_RIGHT if rtl else TA_LEFT))]
    cells = [paragraph(f"{n}.", ParagraphStyle("sheet_number", parent=s["h3"],
                                               alignment=TA_RIGHT if rtl else TA_LEFT)),
             middle, paragraph(f"<b>{ctx.text.inline(_marks(q))}</b>", s["small"])]
    widths = [number_w, text_w, marks_w]
    if rtl:  # number on the right, marks on the left
        cells.reverse()
        widths.reverse()
    table = OnceTable([cells], colWidths=widths)
    table.setStyle(_style(ctx, [("ALIGN", (0, 0) if rtl else (2, 0), (0, 0) if rtl else (2, 0),
                                 "LEFT" if rtl else "RIGHT"),
                                ("LEFTPADDING" if rtl else "RIGHTPADDING", (1, 0), (1, 0),
                                 size)]))
    if table.wrap(ctx.width, ctx.height)[1] > ctx.height * 0.6:
        # A passage to read (a précis) is longer than a table row can be: it
        # is set as paragraphs, which run on over pages.
        label = " · ".join(t for t in (_marks(q), _source(q)) if t)
        return paragraph(f"<b>{n}.</b> {ctx.text.inline(label)}<br/>"
                         f"{ctx.text.inline(q.question)}", s["body"])
    return table


def _boxes(ctx: BlockContext, cells: list[tuple[str, float]]) -> Flowable:
    """Labelled boxes to fill in by hand, side by side: (label, share of the width)."""
    s = ctx.styles
    bold = ctx.text.fonts.text.bold  # the labels are <b> in the text face
    label_w = [stringWidth(label, bold, s["small"].fontSize) + (8 if i == 0 else 20)
               for i, (label, _) in enumerate(cells)]
    widths: list[float] = []
    row: list[Any] = []
    for (label, share), room in zip(cells, label_w, strict=True):
        widths += [room, ctx.width * share - room]
        # A flowable, not "": a table sets a text cell's font (Helvetica, unembedded)
        # even when the text is empty.
        row += [paragraph(f"<b>{ctx.text.inline(label)}</b>", s["small"]), Spacer(0, 0)]
    table = OnceTable([row], colWidths=widths, rowHeights=[NAME_BOX_MM * mm])
    boxes = [("BOX", (i, 0), (i, 0), 0.8, ctx.pal.rule) for i in range(1, len(row), 2)]
    gaps = [("LEFTPADDING", (i, 0), (i, 0), 12) for i in range(2, len(row), 2)]
    table.setStyle(_style(ctx, [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *boxes, *gaps]))
    return table


def _facts_line(ctx: BlockContext, sheet: SheetPlan, total: str) -> Flowable:
    """Class, date, time allowed and total marks: given, or a line to fill in."""
    s = ctx.styles
    shares = (0.3, 0.24, 0.26, 0.2)
    cells = [("Class", sheet.class_name), ("Date", sheet.date),
             ("Time allowed", sheet.time_allowed), ("Total marks", total)]
    size, bold = s["small"].fontSize, ctx.text.fonts.text.bold
    row = []
    for (label, value), share in zip(cells, shares, strict=True):
        # A line to fill in, as long as the cell has room for after its label.
        room = ctx.width * share - stringWidth(f"{label}: ", bold, size) - 6
        blank = "_" * max(4, min(14, int(room / stringWidth("_", s["small"].fontName, size))))
        row.append(paragraph(f"<b>{ctx.text.inline(label)}:</b> "
                             f"{ctx.text.inline(value or blank)}", s["small"]))
    table = OnceTable([row], colWidths=[ctx.width * w for w in shares])
    table.setStyle(_style(ctx, []))
    return table


def _marks_table(ctx: BlockContext, questions: tuple[Question, ...]) -> list[Flowable]:
    """Question → marks, with a box for the marks obtained, and the total; in rows of
    ``MARKS_PER_ROW`` questions.
    """
    s = ctx.styles
    known = [q.marks for q in questions if q.marks]
    total = str(sum(known)) if len(known) == len(questions) else ""
    numbers = [str(n) for n in range(1, len(questions) + 1)]
    marks = [str(q.marks) if q.marks else "–" for q in questions]
    out: list[Flowable] = []
    label_w = stringWidth("Obtained", ctx.text.fonts.text.bold, s["table"].fontSize) + 10
    least = stringWidth("Total", ctx.text.fonts.text.bold, s["table"].fontSize) + 10
    # Twelve to a row, fewer on a narrow page (A5), so "Total" and "200" fit a cell.
    per_row = max(1, min(MARKS_PER_ROW, int((ctx.width - label_w) // least) - 1))
    for start in range(0, len(numbers), per_row):
        last = start + per_row >= len(numbers)
        head = ["Question", *numbers[start:start + per_row]] + (["Total"] if last else [])
        given = ["Marks", *marks[start:start + per_row]] + ([total or "–"] if last else [])
        got = ["Obtained"] + [""] * (len(head) - 1)
        rows = [[paragraph(f"<b>{c}</b>" if i == 0 or r == 0 else c, s["table"])
                 for i, c in enumerate(row)] for r, row in enumerate((head, given, got))]
        cell_w = (ctx.width - label_w) / (per_row + 1)
        table = OnceTable(rows, colWidths=[label_w] + [cell_w] * (len(head) - 1),
                          rowHeights=[None, None, NAME_BOX_MM * mm * 0.8], hAlign="LEFT")
        table.setStyle(TableStyle([
            _cell_font(ctx), ("GRID", (0, 0), (-1, -1), 0.6, ctx.pal.rule),
            ("BACKGROUND", (0, 0), (-1, 0), ctx.pal.tint if ctx.backgrounds else None),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4)]))
        out += [KeepTogether([table]), Spacer(1, 4)]
    return out


def _header(plan: BookletPlan, sheet: SheetPlan, ctx: BlockContext) -> list[Flowable]:
    s = ctx.styles
    questions = plan.questions
    known = [q.marks for q in questions if q.marks]
    total = str(sum(known)) if known and len(known) == len(questions) else ""
    story: list[Flowable] = []
    if plan.centre:
        story.append(paragraph(ctx.heading.text(plan.centre), s["label"]))
    story += [paragraph(ctx.heading.text(plan.title), s["h1"])]
    parts = [t for t in (plan.subtitle, plan.edition) if t]
    if any(ARABIC_LETTER.search(t) for t in parts):
        # Each part in its own direction (FSI…PDI): an Urdu subtitle and an English
        # edition, joined by a dot, read as two phrases rather than one mixed line.
        parts = [f"\u2068{t}\u2069" for t in parts]
    under = " · ".join(parts)
    if under:
        story.append(paragraph(ctx.text.inline(under), s["small"]))
    story += [Spacer(1, 8), _facts_line(ctx, sheet, total), Spacer(1, 8)]
    if sheet.kind == "worksheet" and not sheet.answers:
        story += [_boxes(ctx, [("Name", 0.66), ("Roll no.", 0.34)]), Spacer(1, 8),
                  *_marks_table(ctx, questions)]
    if sheet.instructions and sheet.kind == "worksheet":
        story.append(paragraph(ctx.text.inline(sheet.instructions), s["question"]))
    story.append(HRFlowable(width="100%", thickness=1.2, color=ctx.pal.accent,
                            spaceBefore=4, spaceAfter=s["body"].fontSize * 1.2))
    return story


def _no_answer(ctx: BlockContext) -> Flowable:
    style = ParagraphStyle("no_answer", parent=ctx.styles["small"],
                           leftIndent=ctx.styles["body"].fontSize * 2.6, spaceAfter=4)
    return paragraph("<i>No model answer in the bank yet.</i>", style)


def _worksheet_question(ctx: BlockContext, sheet: SheetPlan, n: int, q: Question
                        ) -> list[Flowable]:
    head = _question_head(ctx, n, q)
    space = AnswerSpace(sheet.lines_for(q.id), sheet.line_mm * mm, sheet.space,
                        ctx.pal.rule)
    if sheet.answers and q.points:
        own = for_question(ctx, q)
        return [head, Spacer(1, 6), *key_points_table(own, q), *full_answer(own, q)]
    if sheet.answers:
        return [KeepTogether([head, Spacer(1, 4), _no_answer(ctx), space])]
    head_h = head.wrap(ctx.width, ctx.height)[1] + 2
    if head_h + space.lines * space.pitch <= ctx.height:
        # Several to a page: the question and all its room on one page.
        return [KeepTogether([head, Spacer(1, 2), space])]
    # Longer than a page: it starts where it is, if its first lines fit there,
    # and runs on; a new page would only move the break.
    head.keepWithNext = True
    return [CondPageBreak(head_h + FIRST_LINES * space.pitch), head, Spacer(1, 2), space]


def _key_question(ctx: BlockContext, n: int, q: Question) -> list[Flowable]:
    s = ctx.styles
    items: list[Flowable] = [_question_head(ctx, n, q), Spacer(1, 3)]
    if not q.points:
        items.append(_no_answer(ctx))
    # Points sit under the question's text, their numbers in a column of their own; an
    # Urdu answer's from the right.
    own = for_question(ctx, q)
    rtl = own.labels.rtl
    indent = s["body"].fontSize * 2.6
    if q.points:
        # A marker's guide, to the half mark: 20 marks over 7 points is "about 3 each".
        each = f" (about {round(q.marks / len(q.points) * 2) / 2:g} marks each)" if q.marks else ""
        count = len(q.points)
        items.append(paragraph(f"<b>{count} key point{'s' if count != 1 else ''}</b>{each}",
                               ParagraphStyle("key_count", parent=s["small"], spaceAfter=2,
                                              leftIndent=0 if rtl else indent,
                                              rightIndent=indent if rtl else 0,
                                              alignment=TA_RIGHT if rtl else TA_LEFT)))
    number_w = indent + s["table"].fontSize * 1.8
    for k, point in enumerate(q.points, 1):
        gist = f" – {ctx.text.inline(point.gist)}" if point.gist else ""
        cells = [point_number(own, k),
                 paragraph(f"<b>{ctx.text.inline(point.heading)}</b>{gist}", s["table"],
                           rtl=rtl)]
        widths = [number_w, ctx.width - number_w]
        level = _number_drop(cells[1], widths[1], float(s["table"].fontSize)) if not rtl else 0
        if rtl:
            cells.reverse()
            widths.reverse()
        row = OnceTable([cells], colWidths=widths)
        row.setStyle(_style(ctx, [("RIGHTPADDING" if rtl else "LEFTPADDING",
                                   (-1, 0) if rtl else (0, 0), (-1, 0) if rtl else (0, 0),
                                   indent),
                                  ("TOPPADDING", (0, 0), (0, 0), level),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        items.append(row)
    # A short key stays whole; a long one keeps its question with its first points.
    return [CondPageBreak(s["body"].leading * 6), KeepTogether(items)]


def _number_drop(text: Flowable, width: float, size: float) -> float:
    """How far a key point's number moves down to stand on its text's first baseline: a
    line holding Nastaliq is set deeper than the number's own (ReportLab sets a line's
    baseline one font size down).
    """
    if not isinstance(text, ShapedParagraph):
        return 0.0
    text.wrap(width, 10_000)
    return max(0.0, text.baselines[0] - size) if text.baselines else 0.0


def sheet_story(plan: BookletPlan, sheet: SheetPlan, ctx: BlockContext) -> list[Flowable]:
    """The flowables of a worksheet or answer key: header, then each question numbered."""
    story = _header(plan, sheet, ctx)
    rule = ctx.pal.rule
    ruled = (sheet.kind != "answer-key" and not sheet.answers
             and sheet.space in ("lines", "dotted"))
    for n, q in enumerate(plan.questions, 1):
        ctx.text.source = ctx.heading.source = q.source_path
        ctx.text.figures = {f.src: f.path for f in q.figures}
        ctx.text.figure_count = 0
        gap = ctx.styles["body"].fontSize * 0.9
        if n > 1 and ruled:
            # Under a question's last writing line a rule read as a misprinted
            # double line: space alone parts the questions.
            story.append(Spacer(1, 2 * gap))
        elif n > 1:
            story.append(HRFlowable(width="100%", thickness=0.5, color=rule,
                                    spaceBefore=gap, spaceAfter=gap))
        story.append(Anchor(ctx.ledger, question_key(q), f"{n}. {_source(q)}", 1, question=q))
        story += (_key_question(ctx, n, q) if sheet.kind == "answer-key"
                  else _worksheet_question(ctx, sheet, n, q))
    return story
