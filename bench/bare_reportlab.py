"""The bare ReportLab reference: corpus JSON → a booklet PDF in one Platypus pass.

What a competent user would write by hand for the benchmark's answers, and the
yardstick (ratio 1.00) of ``bench_engines.py``: A4, 20 mm margins, IBM Plex
Serif 11 pt on 14 pt leading (the TTFs of the installed ``fontpkg-ibm-plex-serif``
package), a contents page, then per answer on a new page: the question as a
title, the summary, a three-column key-points table (#, key point, gist), the
introduction, the headed key points and the conclusion; the page number is
drawn in ``onPage``.

The contents list one line per answer without page numbers: a single pass
cannot know them (ReportLab's ``multiBuild`` would lay everything out twice).
The answers are read from JSON, not YAML: this script does not parse content
files, it only lays out their words.

Run: python bench/bare_reportlab.py corpus.json out.pdf
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import fontpkg
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

FAMILY = "IBM Plex Serif"
MARGIN = 20 * mm


def register_fonts() -> None:
    """Register the family's regular, bold and italic TTFs as "Plex", "Plex-Bold", "Plex-Italic"."""
    for name, weight, style in (("Plex", 400, "normal"), ("Plex-Bold", 700, "normal"),
                                ("Plex-Italic", 400, "italic")):
        pdfmetrics.registerFont(TTFont(name, str(fontpkg.path(FAMILY, weight, style))))
    pdfmetrics.registerFontFamily("Plex", normal="Plex", bold="Plex-Bold", italic="Plex-Italic",
                                  boldItalic="Plex-Bold")


BODY = ParagraphStyle("body", fontName="Plex", fontSize=11, leading=14, spaceAfter=6)
STYLES = {
    "body": BODY,
    "title": ParagraphStyle("title", BODY, fontName="Plex-Italic", fontSize=13, leading=17,
                            spaceAfter=10),
    "h2": ParagraphStyle("h2", BODY, fontName="Plex-Bold", fontSize=13, leading=16,
                         spaceBefore=12, spaceAfter=5, keepWithNext=1),
    "h3": ParagraphStyle("h3", BODY, fontName="Plex-Bold", spaceBefore=10, spaceAfter=3,
                         keepWithNext=1),
    "cell": ParagraphStyle("cell", BODY, fontSize=9.2, leading=12, spaceAfter=0),
    "contents": ParagraphStyle("contents", BODY, spaceAfter=3),
}


def text(raw: str) -> str:
    """Plain text as Paragraph markup: ``&``, ``<`` and ``>`` are escaped."""
    return escape(raw)


def key_points(answer: dict[str, Any], width: float) -> Table:
    """The key-points table: number, heading and gist of each point."""
    cell = STYLES["cell"]
    rows = [[Paragraph("<b>#</b>", cell), Paragraph("<b>Key point</b>", cell),
             Paragraph("<b>In one line</b>", cell)]]
    rows += [[Paragraph(str(n), cell), Paragraph(f"<b>{text(p['heading'])}</b>", cell),
              Paragraph(text(p["gist"]), cell)] for n, p in enumerate(answer["points"], 1)]
    table = Table(rows, colWidths=[width * 0.06, width * 0.32, width * 0.62], repeatRows=1)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
                               ("LINEBELOW", (0, 1), (-1, -1), 0.4, colors.grey)]))
    return table


def paragraphs(raw: str) -> list[Flowable]:
    return [Paragraph(text(p), BODY) for p in raw.split("\n\n")]


def answer_story(answer: dict[str, Any], width: float) -> list[Flowable]:
    """One answer's flowables (the caller starts each on a new page)."""
    story: list[Flowable] = [
        Paragraph(f"<b>{text(answer['exam'])} · {text(answer['paper'])} · {answer['year']} · "
                  f"Q{answer['number']}</b>", BODY),
        Paragraph(text(answer["question"]), STYLES["title"]),
        Paragraph("Summary", STYLES["h3"]), *paragraphs(answer["summary"]),
        Paragraph("Key points", STYLES["h2"]), key_points(answer, width), Spacer(1, 6),
        Paragraph("Answer", STYLES["h2"]),
        Paragraph("Introduction", STYLES["h3"]), *paragraphs(answer["introduction"])]
    for n, point in enumerate(answer["points"], 1):
        story += [Paragraph(f"{n}. {text(point['heading'])}", STYLES["h3"]),
                  *paragraphs(point["body"])]
    return [*story, Paragraph("Conclusion", STYLES["h3"]), *paragraphs(answer["conclusion"])]


def folio(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    """The page number, centred under the text area."""
    canvas.setFont("Plex", 9)
    canvas.drawCentredString(A4[0] / 2, MARGIN / 2, str(doc.page))


def build(answers: list[dict[str, Any]], output: Path) -> int:
    """Lay ``answers`` out into ``output``; returns the page count."""
    register_fonts()
    doc = SimpleDocTemplate(str(output), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN, title="Benchmark booklet",
                            invariant=1)
    story: list[Flowable] = [Paragraph("Contents", STYLES["h2"])]
    story += [Paragraph(f"{n}. {text(a['paper'])} {a['year']} Q{a['number']}: "
                        f"{text(a['question'])}", STYLES["contents"])
              for n, a in enumerate(answers, 1)]
    for answer in answers:
        story += [PageBreak(), *answer_story(answer, doc.width)]
    doc.build(story, onFirstPage=folio, onLaterPages=folio)
    return doc.page


def main(argv: list[str]) -> None:
    corpus, output = Path(argv[0]), Path(argv[1])
    build(json.loads(corpus.read_text(encoding="utf-8")), output)


if __name__ == "__main__":
    main(sys.argv[1:])
