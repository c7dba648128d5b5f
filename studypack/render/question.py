"""The blocks of one question: header band, question, summary, key points, answer.

Each block is a function ``(ctx, question) -> list[Flowable]`` registered in
``QUESTION_BLOCKS``; a layout's block order is a list of these names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..content.derive import cut_at_word, plain_text
from ..model import BookletPlan, Question
from .contents import question_key
from .doc import Anchor, Ledger
from .inline import Markup
from .styles import Palette


@dataclass(frozen=True)
class BlockContext:
    """What every block function needs: styles, colours, markup, frame size (points)."""

    styles: dict[str, Any]
    pal: Palette
    text: Markup
    heading: Markup
    ledger: Ledger
    width: float
    height: float
    answer_outline: bool = True


def _paras(ctx: BlockContext, raw: str, style: str = "body") -> list[Flowable]:
    out: list[Flowable] = []
    for block in ctx.text.blocks(raw):
        if block.kind == "para":
            out.append(Paragraph(block.items[0], ctx.styles[style]))
        else:
            for n, item in enumerate(block.items, block.start):
                bullet = "•" if block.kind == "bullets" else f"{n}."
                out.append(Paragraph(item, ctx.styles["bullet"], bulletText=bullet))
    return out


def _table_style(ctx: BlockContext, commands: list[tuple]) -> TableStyle:
    # ReportLab's table cells default to Helvetica, a non-embedded Type1 font.
    body = ctx.styles["body"]
    return TableStyle([("FONT", (0, 0), (-1, -1), body.fontName, body.fontSize), *commands])


def _ruled_table(ctx: BlockContext, rows: list[list[Any]], fractions: list[float]) -> Table:
    """A table with a ruled header row that repeats, banded rows, rows that may split.

    Args:
        rows: Header row first; cells are flowables.
        fractions: Column widths as fractions of the frame width.
    """
    table = Table(rows, colWidths=[ctx.width * f for f in fractions], repeatRows=1,
                  splitByRow=1, splitInRow=1)
    table.setStyle(_table_style(ctx, [
        ("LINEBELOW", (0, 0), (-1, 0), 1.2, ctx.pal.accent),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, ctx.pal.rule),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, ctx.pal.tint]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def _heading(ctx: BlockContext, markup: str, style: str = "h3") -> list[Flowable]:
    """A heading that never ends a page: it moves over unless ~3 body lines fit below it."""
    st = ctx.styles[style]
    room = st.spaceBefore + st.leading * 2 + ctx.styles["body"].leading * 3
    return [CondPageBreak(room), Paragraph(markup, st)]


def header_band(ctx: BlockContext, q: Question) -> list[Flowable]:
    """Q number, exam · paper · part · year, marks, and topics on a tinted band."""
    facts = [q.exam, q.paper] + ([f"Part {q.part}"] if q.part else []) + [str(q.year)]
    line = " · ".join(ctx.heading.text(f) for f in facts)
    marks = f"{q.marks} marks" if q.marks else ""
    topics = "Topics: " + " · ".join(ctx.heading.text(t) for t in q.topics)
    s = ctx.styles
    number = Paragraph(f"Q{q.number}", s["band_number"])
    middle = [Paragraph(f"<b>{line}</b>", s["band"]), Paragraph(topics, s["band"])]
    right = Paragraph(f"<b>{ctx.heading.text(marks)}</b>", s["band"])
    table = Table([[number, middle, right]], colWidths=[ctx.width * 0.14, ctx.width * 0.68,
                                                        ctx.width * 0.18])
    table.setStyle(_table_style(ctx, [
        ("BACKGROUND", (0, 0), (-1, -1), ctx.pal.tint),
        ("LINEBEFORE", (0, 0), (0, 0), 3, ctx.pal.accent),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (2, 0), (2, 0), "RIGHT"),
        ("TOPPADDING", (0, 0), (-1, -1), 7), ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ("LEFTPADDING", (0, 0), (0, 0), 10),
    ]))
    anchor = Anchor(ctx.ledger, question_key(q), question_outline_title(q), 1, question=q)
    return [anchor, table]


def question_text(ctx: BlockContext, q: Question) -> list[Flowable]:
    """The question as set, in the display italic."""
    return [Paragraph(ctx.text.inline(q.question), ctx.styles["question"])]


def summary_box(ctx: BlockContext, q: Question) -> list[Flowable]:
    """A tinted box with the two-or-three-sentence summary."""
    key = f"{question_key(q)}-summary"
    inner = [Paragraph("SUMMARY", ctx.styles["label"]),
             Paragraph(ctx.text.inline(q.summary), ctx.styles["body"])]
    box = Table([[inner]], colWidths=[ctx.width], splitInRow=1)
    box.setStyle(_table_style(ctx, [
        ("BOX", (0, 0), (-1, -1), 0.6, ctx.pal.rule),
        ("LINEBEFORE", (0, 0), (0, 0), 3, ctx.pal.accent),
        ("LEFTPADDING", (0, 0), (-1, -1), 12), ("RIGHTPADDING", (0, 0), (-1, -1), 12),
        ("TOPPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    if box.wrap(ctx.width, ctx.height)[1] > ctx.height / 2:
        # A summary longer than half a page is not a summary box any more:
        # print it as ordinary paragraphs, which split across pages cleanly.
        return [Anchor(ctx.ledger, key, "Summary", 2), *inner, Spacer(1, 10)]
    return [Anchor(ctx.ledger, key, "Summary", 2), box, Spacer(1, 10)]


def key_points_table(ctx: BlockContext, q: Question) -> list[Flowable]:
    """#, point heading, one-line gist; the header row repeats on a split."""
    s = ctx.styles
    rows: list[list[Any]] = [[Paragraph("#", s["table_head"]),
                              Paragraph("Key point", s["table_head"]),
                              Paragraph("In one line", s["table_head"])]]
    for n, point in enumerate(q.points, 1):
        rows.append([Paragraph(str(n), s["table"]),
                     Paragraph(f"<b>{ctx.text.inline(point.heading)}</b>", s["table"]),
                     Paragraph(ctx.text.inline(point.gist), s["table"])])
    table = _ruled_table(ctx, rows, [0.06, 0.32, 0.62])
    key = f"{question_key(q)}-key-points"
    return [CondPageBreak(s["h2"].leading * 2 + s["table"].leading * 6),
            Anchor(ctx.ledger, key, "Key points", 2),
            Paragraph("Key points", s["h2"]), table, Spacer(1, 6)]


def full_answer(ctx: BlockContext, q: Question) -> list[Flowable]:
    """Outline, introduction, numbered headed points with sub-points, sections, conclusion."""
    s = ctx.styles
    key = f"{question_key(q)}-answer"
    opening: list[Flowable] = [Anchor(ctx.ledger, key, "Answer", 2), Paragraph("Answer", s["h2"])]
    if q.outline and ctx.answer_outline:
        # The heading, "Outline" and its lines move to a new page together or not at all.
        opening += [Paragraph("Outline", s["h3"]),
                    *(Paragraph(ctx.text.inline(line), s["bullet"], bulletText=f"{n}.")
                      for n, line in enumerate(q.outline, 1))]
        story: list[Flowable] = [KeepTogether(opening)]
    else:
        story = [CondPageBreak(s["h2"].leading * 2 + s["body"].leading * 4), *opening]
    story += [*_heading(ctx, "Introduction"), *_paras(ctx, q.introduction)]
    for n, point in enumerate(q.points, 1):
        story += _heading(ctx, f"{n}. {ctx.heading.inline(point.heading)}")
        story += _paras(ctx, point.body)
        story += [Paragraph(ctx.text.inline(sub), s["bullet"], bulletText="–")
                  for sub in point.subpoints]
    for section in q.sections:
        story += _heading(ctx, ctx.heading.inline(section.heading))
        story += _paras(ctx, section.body)
    story += [*_heading(ctx, "Conclusion"), *_paras(ctx, q.conclusion)]
    if q.references:
        # A short block: kept whole, so it neither strands its heading nor
        # takes a page of its own when it fits below the conclusion.
        story.append(KeepTogether([Paragraph("References", s["h3"]),
                                   *(Paragraph(ctx.text.inline(ref), s["small"])
                                     for ref in q.references)]))
    return story


def question_outline_title(q: Question) -> str:
    """Outline (bookmark) title: "Q8 (2022) · Discuss the issues…", about 80 characters."""
    return f"Q{q.number} ({q.year}) · {cut_at_word(plain_text(q.question), 66)}"


def revision_grid(ctx: BlockContext, plan: BookletPlan) -> list[Flowable]:
    """A closing grid: every question with its key-point headings, for last-day revision."""
    s = ctx.styles
    rows: list[list[Any]] = [[Paragraph("Question", s["table_head"]),
                              Paragraph("Key points", s["table_head"])]]
    for q in plan.questions:
        points = "<br/>".join(f"{n}. {ctx.text.inline(p.heading)}"
                              for n, p in enumerate(q.points, 1))
        rows.append([Paragraph(f"<b>Q{q.number} · {q.year}</b><br/>"
                               f"{ctx.text.text(q.paper)}", s["table"]),
                     Paragraph(points, s["table"])])
    table = _ruled_table(ctx, rows, [0.26, 0.74])
    return [Anchor(ctx.ledger, "revision-grid", "Revision grid", 0),
            Paragraph("Revision grid", s["h1"]), table]


QUESTION_BLOCKS: dict[str, Callable[[BlockContext, Question], list[Flowable]]] = {
    "header": header_band,
    "question": question_text,
    "summary": summary_box,
    "key_points": key_points_table,
    "answer": full_answer,
}
"""Block kinds of a question, by the name a layout uses."""

DEFAULT_QUESTION_BLOCKS = ("header", "question", "summary", "key_points", "answer")
