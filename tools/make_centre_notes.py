"""Make content/extra/centre-notes.pdf: the sample 'own PDF' a centre adds to a pack.

Our own text, drawn with ReportLab in a font unlike the booklet's, with a
landscape timetable page (``/Rotate 90``) so the merger's handling of rotated
pages shows in the sample. Run: python tools/make_centre_notes.py
"""

from __future__ import annotations

from pathlib import Path

import fontpkg
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

OUT = Path(__file__).resolve().parent.parent / "content" / "extra" / "centre-notes.pdf"

NOTES = [
    "Exam-day notes from the centre",
    "",
    "1. Read the whole paper once before you write a word; tick the questions you",
    "   can answer with an outline of at least five headed points.",
    "2. Spend five minutes on each outline. Examiners reward structure they can see.",
    "3. Open with a direct answer to the question, then support it point by point.",
    "4. Quote dates, articles and figures only when you are sure of them.",
    "5. Close with a conclusion that answers the question again, in one paragraph.",
]


def main() -> None:
    pdfmetrics.registerFont(TTFont("Notes", str(fontpkg.path("Fira Sans"))))
    canv = Canvas(str(OUT), pagesize=A4, invariant=1, initialFontName="Notes")
    canv.setTitle("Centre notes")
    canv.setFont("Notes", 13)
    y = A4[1] - 90
    for line in NOTES:
        canv.drawString(70, y, line)
        y -= 22
    canv.showPage()
    # /Rotate 90 turns the page clockwise on screen and paper, so the text is
    # drawn turned the other way: it then reads across the long edge.
    canv.setPageRotation(90)
    canv.translate(A4[0], 0)
    canv.rotate(90)
    canv.setFont("Notes", 13)
    canv.drawString(70, A4[0] - 80, "Weekly timetable")
    for row, day in enumerate(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]):
        canv.drawString(70, A4[0] - 120 - row * 24, f"{day}  Pakistan Affairs · Current Affairs"
                        " · International Relations · essay practice")
    canv.showPage()
    canv.save()


if __name__ == "__main__":
    main()
