"""The past-paper trend table: topics (rows) × years (columns), with counts.

Readable without colour: every cell is a number, a year with none is left
blank, and the busiest topics come first. A tint behind asked cells, where
the layout has backgrounds, only helps the eye.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, TableStyle

from ..model import TrendTable
from .doc import Anchor
from .paragraphs import paragraph
from .question import BlockContext
from .tables import OnceTable

TREND_KEY = "trends"
"""The trend table's destination (outline and contents)."""
TREND_TITLE = "Past-paper trends"
TOPIC_SHARE = 0.3
"""Of the width, the topic column's share."""
YEARS_PER_TABLE = 16
"""Years in one table; a longer span is printed as several tables, one under another."""


def _scaled(style: ParagraphStyle, scale: float) -> ParagraphStyle:
    if scale >= 1:
        return style
    return ParagraphStyle(f"{style.name}_narrow", parent=style, fontSize=style.fontSize * scale,
                          leading=style.leading * scale)


def _year_labels(style: ParagraphStyle, years: tuple[int, ...], width: float) -> list[str]:
    """"2015", or "’15" where four digits do not fit a column."""
    if stringWidth("2015", style.fontName, style.fontSize) + 4 <= width:
        return [str(y) for y in years]
    return [f"’{y % 100:02d}" for y in years]


def trend_flowables(ctx: BlockContext, table: TrendTable) -> list[Flowable]:
    """The table under its heading, in runs of at most ``YEARS_PER_TABLE`` years (a bank
    from 1990 on would make columns too narrow to read), each run's header repeated on
    every page it runs to.
    """
    s = ctx.styles
    scope = f" ({ctx.text.inline(table.scope)})" if table.scope else ""
    lead = (f"Questions asked on each topic, by year{scope}. A question with two topics "
            "counts in both rows; the last row counts each question once.")
    story: list[Flowable] = [Anchor(ctx.ledger, TREND_KEY, TREND_TITLE, 0),
                             paragraph(TREND_TITLE, s["h1"]), paragraph(lead, s["small"])]
    for start in range(0, len(table.years), YEARS_PER_TABLE):
        run = slice(start, start + YEARS_PER_TABLE)
        story += [Spacer(1, s["body"].fontSize),
                  _grid(ctx, table.years[run], [(t, c[run], sum(c)) for t, c in table.rows],
                        table.totals[run], sum(table.totals),
                        columns=min(YEARS_PER_TABLE, len(table.years)) + 1)]
    return story


def _grid(ctx: BlockContext, years: tuple[int, ...],
          rows_in: list[tuple[str, tuple[int, ...], int]], totals: tuple[int, ...],
          total: int, *, columns: int) -> Flowable:
    """One run of years; ``columns`` (years and "All") is the same for every run."""
    s = ctx.styles
    topic_w = ctx.width * TOPIC_SHARE
    cell_w = (ctx.width - topic_w) / columns
    # On a narrow page the type shrinks until two digits fit, and the year is
    # printed as ’15.
    scale = min(1.0, (cell_w - 6) / stringWidth("00", s["table"].fontName, s["table"].fontSize))
    head_style = _scaled(s["table_head"], scale)
    cell_style = _scaled(s["table"], scale)
    labels = _year_labels(head_style, years, cell_w)
    rows: list[list[Any]] = [[paragraph("Topic", head_style),
                              *(paragraph(label, head_style) for label in labels),
                              paragraph("All", head_style)]]
    for topic, counts, all_years in rows_in:
        rows.append([paragraph(ctx.text.inline(topic), cell_style),
                     *(str(n) if n else "" for n in counts), str(all_years)])
    rows.append([paragraph("<b>Questions</b>", cell_style),
                 *(str(n) if n else "" for n in totals), str(total)])
    grid = OnceTable(rows, colWidths=[topic_w] + [cell_w] * (len(years) + 1), repeatRows=1,
                     hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), cell_style.fontName, cell_style.fontSize),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, 0), 1, ctx.pal.accent),
        ("LINEBELOW", (0, 1), (-1, -2), 0.4, ctx.pal.rule),
        ("LINEABOVE", (0, -1), (-1, -1), 1, ctx.pal.accent),
        ("LINEBEFORE", (-1, 0), (-1, -1), 0.8, ctx.pal.rule),
        ("FONT", (-1, 1), (-1, -1), ctx.text.fonts.text.bold, cell_style.fontSize),
        ("FONT", (1, -1), (-1, -1), ctx.text.fonts.text.bold, cell_style.fontSize),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if ctx.backgrounds:
        commands += [("BACKGROUND", (1 + i, 1 + r), (1 + i, 1 + r), ctx.pal.tint)
                     for r, (_, counts, _) in enumerate(rows_in)
                     for i, n in enumerate(counts) if n]
    grid.setStyle(TableStyle(commands))
    return grid
