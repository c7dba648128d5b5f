"""The cover's topics panel: what the booklet holds, topic by topic.

A cover line listing every topic in one run ("Inside: A · B · C…") left half
of the page empty and told a reader little. The panel names each section
with its number of questions and the years they come from, in two columns
when there are many, under a label, and fills the space between the title
block and the centre's name. ``cover.j2`` places it with a ``panel: topics``
line; a layout that leaves that line out has no panel.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from ..model import BookletPlan, TopicGroup
from .inline import Markup
from .paragraphs import paragraph
from .styles import Palette

PANEL_ROWS = 8
"""Rows of a column of the panel; more topics go to a second column."""
PANEL_TOPICS = 2 * PANEL_ROWS
"""Topics the panel names; the rest are counted on its last line."""


def _years(group: TopicGroup) -> str:
    years = sorted({q.year for q in group.questions})
    if not years:
        return ""
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"


def _count(group: TopicGroup) -> str:
    n = len(group.questions)
    return f"{n} question{'' if n == 1 else 's'}"


def topics_panel(plan: BookletPlan, markup: Markup, styles: dict[str, Any], pal: Palette,
                 width: float, *, backgrounds: bool) -> list[Flowable]:
    """The label and the table of topics for a cover ``width`` points wide."""
    groups = [g for g in plan.groups if g.questions]
    if not groups:
        return []
    shown, rest = groups[:PANEL_TOPICS], len(groups) - PANEL_TOPICS
    line, small = styles["cover_panel"], styles["cover_panel_small"]

    def cell(group: TopicGroup) -> list[Flowable]:
        return [paragraph(markup.text(group.topic), line),
                paragraph(markup.text(f"{_count(group)} · {_years(group)}"), small)]
    columns = 1 if len(shown) <= PANEL_ROWS // 2 + 2 else 2
    rows_n = -(-len(shown) // columns)
    # Down the first column, then the second; a short last row is padded.
    rows = [[*(cell(g) for g in shown[r::rows_n]), *[[]] * (columns - len(shown[r::rows_n]))]
            for r in range(rows_n)]
    table = Table(rows, colWidths=[width / columns] * columns, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        # ReportLab's table cells default to Helvetica, a font that is not embedded.
        ("FONT", (0, 0), (-1, -1), line.fontName, line.fontSize),
        ("LINEABOVE", (0, 0), (-1, 0), 1.4, pal.accent),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, pal.rule),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    if backgrounds:
        commands.append(("BACKGROUND", (0, 0), (-1, -1), pal.tint))
        commands += [("LEFTPADDING", (0, 0), (-1, -1), 8)]
    table.setStyle(TableStyle(commands))
    out: list[Flowable] = [Spacer(1, styles["body"].fontSize * 1.2),
                           paragraph("IN THIS BOOKLET", styles["label"]), table]
    if rest > 0:
        out.append(paragraph(markup.text(f"and {rest} more topic{'' if rest == 1 else 's'}, "
                                         "listed in the contents"), small))
    return out
