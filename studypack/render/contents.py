"""The contents page: topic headings and one clickable row per question.

Each row's page number is a form XObject (``toc-<key>``) filled in when the
document is saved, so the contents never needs a second layout pass.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from ..content.derive import cut_at_word, plain_text
from ..model import BookletPlan, Question
from .inline import Markup
from .styles import Palette

NUMBER_COL = 34.0
"""Width in points of the question-number column ("Q12")."""
YEAR_COL = 34.0
"""Width in points of the year column."""
PAGE_COL = 30.0
"""Width in points kept free for the right-aligned page number."""


def question_key(q: Question) -> str:
    """Named-destination key of a question's first page."""
    return f"q-{q.id}"


class ContentsRow(Flowable):
    """One line: number, year, short title, dot leader, page number; all a link."""

    def __init__(self, question: Question, markup: Markup, styles: dict[str, Any],
                 pal: Palette) -> None:
        super().__init__()
        self.question, self.markup, self.styles, self.pal = question, markup, styles, pal
        self.style = styles["body"]
        self.height = self.style.fontSize * 1.75

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return (availWidth, self.height)

    def _title(self, room: float) -> str:
        style = self.style
        text = plain_text(self.question.question)
        limit = len(text)
        while limit > 10 and stringWidth(cut_at_word(text, limit), style.fontName,
                                         style.fontSize) > room:
            limit -= 4
        return cut_at_word(text, limit)

    def draw(self) -> None:
        canv, style, q = self.canv, self.style, self.question
        base = (self.height - style.fontSize) / 2 + 1.5
        heading_font = self.styles["table_head"].fontName
        canv.saveState()
        canv.setFont(heading_font, style.fontSize)
        canv.setFillColor(self.pal.accent)
        canv.drawString(0, base, f"Q{q.number}")
        canv.setFont(self.styles["band"].fontName, style.fontSize * 0.92)
        canv.setFillColor(self.pal.muted)
        canv.drawString(NUMBER_COL, base, str(q.year))
        room = self.width - NUMBER_COL - YEAR_COL - PAGE_COL - 12
        title = self._title(room)
        para = Paragraph(self.markup.text(title), style)
        para.wrap(room + 6, self.height)
        para.drawOn(canv, NUMBER_COL + YEAR_COL, base - style.leading + style.fontSize + 0.3)
        title_end = NUMBER_COL + YEAR_COL + stringWidth(title, style.fontName, style.fontSize)
        canv.setStrokeColor(self.pal.rule)
        canv.setLineWidth(0.8)
        canv.setDash(0.8, 3.2)
        leader_end = self.width - PAGE_COL
        if leader_end - title_end > 12:
            canv.line(title_end + 6, base, leader_end, base)
        canv.setDash()
        canv.translate(self.width, base)
        canv.doForm(f"toc-{question_key(q)}")
        canv.restoreState()
        canv.linkRect("", question_key(q), (0, 0, self.width, self.height), relative=1,
                      thickness=0)


def contents_flowables(plan: BookletPlan, markup: Markup, styles: dict[str, Any],
                       pal: Palette) -> list[Flowable]:
    """Heading, then per topic its name and a row per question, in booklet order."""
    story: list[Flowable] = [Paragraph("Contents", styles["h1"])]
    for group in plan.groups:
        story.append(Paragraph(markup.text(group.topic), styles["contents_topic"]))
        story.extend(ContentsRow(q, markup, styles, pal) for q in group.questions)
    return story
