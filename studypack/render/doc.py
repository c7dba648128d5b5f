"""The document frame: page templates, running heads, folios, deferred numbers.

One layout pass. Numbers that are only known at the end (the folio's page
total, the contents' page numbers) are drawn as PDF form XObjects that pages
reference at once and that are defined when the document is saved: the PDF
format lets a page use a named form defined later, so nothing is laid out
twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate
from reportlab.platypus.flowables import DocIf
from typing_extensions import override

from ..model import BookletPlan, Question
from ..theme import Theme
from ..theme.templates import render_text, template_place
from .fit import field_place, fit_line, fitted_template_line, warn_shortened
from .fonts import FontSet, register_theme_fonts
from .inline import Markup
from .marks import draw_logo, draw_watermark
from .paragraphs import paragraph
from .rl_private import flowables_on_page, seed_subset
from .styles import Palette

COVER, FRONT, BODY, BACK = "cover", "front", "body", "back"
"""PDF points per millimetre."""
LOGO_BOX_MM = (45.0, 22.0)
"""Largest logo on a cover (width, height) in mm; kept in proportion."""
COVER_FOOT_MIN = 60.0
"""Least height in points of the cover's foot (edition, centre, contact: three lines)."""


@dataclass
class Ledger:
    """What a build learns while laying out pages (internal to one render).

    Attributes:
        anchors: Destination key → 1-based page number where it landed.
        anchor_tops: Destination key → y in points of its top on that page.
        outline: (level, title, key) for every anchor, in document order.
        links: (page, (x1, y1, x2, y2), key) of contents rows, when links are
            recorded for a later merge instead of drawn (rects in points).
        numbers: (page, x, y, key) where each contents row's page number ends
            (right-aligned, baseline, points), when the merger prints them.
        blank_pages: Pages left intentionally blank (duplex).
        back_pages: Pages of the back cover.
        page_question: Page number → the question on that page (body pages).
        body_start: Page number of the first body page.
        current: The question being laid out.
        on_question: Called with each question as its layout starts (progress).
    """

    anchors: dict[str, int] = field(default_factory=dict)
    anchor_tops: dict[str, float] = field(default_factory=dict)
    outline: list[tuple[int, str, str]] = field(default_factory=list)
    links: list[tuple[int, tuple[float, float, float, float], str]] = field(
        default_factory=list)
    numbers: list[tuple[int, float, float, str]] = field(default_factory=list)
    blank_pages: set[int] = field(default_factory=set)
    back_pages: set[int] = field(default_factory=set)
    page_question: dict[int, Question] = field(default_factory=dict)
    body_start: int | None = None
    current: Question | None = None
    on_question: Callable[[Question], None] | None = None


class Anchor(Flowable):
    """Zero-size flowable: a named destination, an outline entry, a page record.

    Kept with the next flowable so it lands on the heading's page.
    """

    def __init__(self, ledger: Ledger, key: str, title: str, level: int,
                 question: Question | None = None) -> None:
        super().__init__()
        self.ledger, self.key, self.title, self.level = ledger, key, title, level
        self.question = question
        self.keepWithNext = 1
        self.width = self.height = 0

    @override
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        """Draw on the canvas at the flowable's origin (ReportLab calls this)."""
        canv = self.canv
        page = canv.getPageNumber()
        self.ledger.anchors[self.key] = page
        if self.question is not None:
            self.ledger.current = self.question
            if self.ledger.body_start is None:
                self.ledger.body_start = page
            if self.ledger.on_question:
                self.ledger.on_question(self.question)
        self.ledger.anchor_tops[self.key] = canv.absolutePosition(0, 12)[1]
        self.ledger.outline.append((self.level, self.title, self.key))


class RectoStart(Flowable):
    """Zero-size flowable that moves what follows to the next odd (recto) page.

    On an even page it asks for more room than any frame has, so the page is
    left empty (the doc marks it blank) and layout resumes on the next page.
    With ``verso=True`` it moves to the next even page instead (a back cover).
    """

    def __init__(self, verso: bool = False) -> None:
        super().__init__()
        self.width = self.height = 0
        self.wrong_parity = 1 if verso else 0

    @override
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.canv.getPageNumber() % 2 == self.wrong_parity:
            return (0, availHeight + 1)
        return (0, 0)

    def draw(self) -> None:
        """Draw on the canvas at the flowable's origin (ReportLab calls this)."""
        pass


class VersoPad(DocIf):
    """Adds a page break when the current page is even, so the next page is a verso.

    A back cover goes on a verso (the outside of the last leaf) in duplex.
    """

    def __init__(self) -> None:
        super().__init__("", [PageBreak()])

    @override
    def funcWrap(self, aW: float, aH: float) -> bool:  # type: ignore[override]
        return self.canv.getPageNumber() % 2 == 0


class SeededCanvas(Canvas):
    """A canvas whose font subsets give ``seed``'s characters their codes first.

    ``seed`` maps ReportLab font names to characters, in order. Parts of a
    document laid out apart then embed byte-identical font subsets, which the
    merger stores once. (A part's own dates and identifier do not matter: the
    merger writes the finished document's.)
    """

    def __init__(self, *args: Any, seed: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, chars in (seed or {}).items():
            seed_subset(self, name, chars)


class BookletDoc(BaseDocTemplate):
    """Page templates ``cover``, ``front`` and ``body`` for one booklet.

    Args:
        target: File path or binary file object.
        theme: Resolved theme (page size and margins in points).
        plan: The booklet plan (metadata, running head context).
        markup: Converter for head text (heading font, with fallbacks).
        pal: Colours.
        styles: Paragraph styles from ``make_styles``.
        ledger: Filled during the build.
    """

    def __init__(self, target: Any, *, theme: Theme, plan: BookletPlan, markup: Markup,
                 pal: Palette, styles: dict[str, Any], ledger: Ledger,
                 first_template: str = COVER,
                 duplex: bool = False, head_template: str = "running_head.j2") -> None:
        width, height = theme.page_size
        left, right = theme.margin("inner"), theme.margin("outer")
        top, bottom = theme.margin("top"), theme.margin("bottom")
        super().__init__(target, pagesize=theme.page_size, leftMargin=left,
                         rightMargin=right, topMargin=top, bottomMargin=bottom,
                         title=plan.title, subject=plan.subtitle,
                         keywords=list(plan.keywords), author=plan.centre or "",
                         creator="studypack", producer="studypack (ReportLab)",
                         invariant=1, pageCompression=1, lang="en",
                         # ReportLab's page preamble would otherwise name Helvetica,
                         # a non-embedded Type1 font, on every page.
                         initialFontName=styles["body"].fontName,
                         initialFontSize=styles["body"].fontSize,
                         initialLeading=styles["body"].leading)
        self.theme, self.plan, self.markup = theme, plan, markup
        self.pal, self.styles, self.ledger = pal, styles, ledger
        # Not "duplex": ReportLab reads that attribute as a viewer preference.
        self.two_sided = duplex
        self.head_template = head_template
        # A question's pages share one head: its text (by the question's id()),
        # and its paragraph (by the text as fitted), are made once.
        self._head_texts: dict[int, str] = {}
        self._heads: dict[str, Flowable] = {}
        frame_w = width - left - right
        frame_h = height - top - bottom
        body = Frame(left, bottom, frame_w, frame_h, id="body", leftPadding=0, rightPadding=0,
                     topPadding=0, bottomPadding=0)
        # The cover spans the page between the layout's own margins: the
        # outer margin's room for notes (type.measure) is for text pages.
        self.cover_right = float(theme.spec.page.margins_mm.outer) * mm
        cover_w = width - left - self.cover_right
        cover_top = Frame(left, height * 0.30, cover_w, height * 0.58, id="cover-top",
                          leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        # The foot leaves room on the right for the logo (45 mm and a gap).
        foot_w = cover_w - (LOGO_BOX_MM[0] + 6) * mm if plan.logo else cover_w
        # Under the cover's rule at a quarter of the height; a deep bottom
        # margin would leave it no room, so the foot then starts lower.
        foot_y = min(bottom, height * 0.25 - 14 - COVER_FOOT_MIN)
        foot_h = height * 0.25 - foot_y - 14
        cover_foot = Frame(left, foot_y, foot_w, foot_h, id="cover-foot",
                           leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.cover_frames = ((cover_w, height * 0.58), (foot_w, foot_h))
        # Centred on the page, under the logo (the text area is not: its outer margin is
        # wider, for notes).
        back_w = min(frame_w, width - 2 * min(left, right)) * 0.76
        back = Frame((width - back_w) / 2, height * 0.2, back_w, height * 0.42,
                     id="back", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        templates = [
            PageTemplate(COVER, [cover_top, cover_foot], onPage=self._draw_cover_art),
            PageTemplate(FRONT, [body], onPage=self._draw_watermark,
                         onPageEnd=self._draw_head_and_folio),
            PageTemplate(BODY, [body], onPage=self._draw_watermark,
                         onPageEnd=self._draw_head_and_folio),
            PageTemplate(BACK, [back], onPage=self._draw_back_art),
        ]
        # ReportLab starts with the first template in the list.
        templates.sort(key=lambda t: t.id != first_template)
        self.addPageTemplates(templates)

    def _draw_watermark(self, canv: Canvas, _doc: Any = None) -> None:
        if self.plan.brand.watermark:
            draw_watermark(canv, self.plan.brand.watermark, self.theme.page_size,
                           self.styles["h1"].fontName, colour=self.pal.text,
                           fonts=self._fonts)

    @cached_property
    def _fonts(self) -> FontSet:
        # Once per document: looking the fonts up again took 0.2 ms a page.
        return register_theme_fonts(self.theme)

    def _draw_back_art(self, canv: Canvas, _doc: Any) -> None:
        self.ledger.back_pages.add(canv.getPageNumber())
        width, height = self.theme.page_size
        canv.saveState()
        if self.theme.spec.backgrounds:
            canv.setFillColor(self.pal.tint)
            canv.rect(0, 0, width, height, stroke=0, fill=1)
        self._band(canv, 0, height * 0.05)
        if self.plan.logo:
            box_w, box_h = 60 * mm, 30 * mm
            draw_logo(canv, self.plan.logo, ((width + box_w) / 2, height * 0.78), (box_w, box_h),
                      self.styles["h1"].fontName, grey=self.theme.spec.grayscale)
        canv.restoreState()
        # No watermark on the back cover either: it crossed the centre's lines.

    def _band(self, canv: Canvas, y: float, band_h: float) -> None:
        # A solid accent band, or with backgrounds off (photocopies) a rule.
        width = self.theme.page_size[0]
        if self.theme.spec.backgrounds:
            canv.setFillColor(self.pal.accent)
            canv.rect(0, y, width, band_h, stroke=0, fill=1)
        else:
            canv.setStrokeColor(self.pal.accent)
            canv.setLineWidth(1.4)
            edge = y if y > 0 else band_h
            canv.line(self.theme.margin("inner"), edge, width - self.cover_right, edge)

    def _draw_cover_art(self, canv: Canvas, _doc: Any) -> None:
        width, height = self.theme.page_size
        canv.saveState()
        self._band(canv, height - height * 0.07, height * 0.07)
        plan = self.plan
        has_foot = any((plan.edition, plan.centre, plan.contact, plan.logo))
        if self.theme.spec.backgrounds and has_foot:
            canv.setFillColor(self.pal.tint)
            canv.rect(0, 0, width, height * 0.25, stroke=0, fill=1)
        # No watermark here: drawn across the cover it crossed the title. Every
        # other page of the booklet carries it.
        if has_foot:
            canv.setStrokeColor(self.pal.accent)
            canv.setLineWidth(2.2)
            left = self.theme.margin("inner")
            canv.line(left, height * 0.25, width - self.cover_right, height * 0.25)
        if self.plan.logo:
            # At most 45 × 22 mm, in proportion, beside the centre's name at the
            # foot, where it cannot meet a long title.
            corner = (width - self.cover_right, height * 0.25 - 16)
            draw_logo(canv, self.plan.logo, corner, (LOGO_BOX_MM[0] * mm, LOGO_BOX_MM[1] * mm),
                      self.styles["h1"].fontName, grey=self.theme.spec.grayscale)
        canv.restoreState()

    def _draw_blank_note(self, canv: Canvas) -> None:
        width, height = self.theme.page_size
        small = self.styles["small"]
        note = fitted_template_line(self.theme, "blank.j2", small.fontName, small.fontSize,
                                    booklet=self.plan)
        canv.saveState()
        canv.setFont(small.fontName, small.fontSize)
        canv.setFillColor(self.pal.muted)
        canv.drawCentredString(width / 2, height / 2, note)
        canv.restoreState()

    def _warn_long_head(self, question: Question | None) -> None:
        # The running head is a template's output; name the longest value it
        # is likely to have come from, where the author can shorten it (one
        # warning for a value, however many pages carry it).
        room = "one line of the running head"
        if self.head_template == "sheet_head.j2":
            question = None  # a sheet's head prints its title, not the question's paper
        named = {"centre": self.plan.centre or ""}
        if question is not None:
            named |= {"exam": question.exam, "paper": question.paper}
        else:
            named["title"] = self.plan.title
        longest = max(named, key=lambda name: len(named[name]))
        if longest in ("exam", "paper") and question is not None:
            warn_shortened(field_place(question.source_path, (longest,)), longest,
                           named[longest], room)
        else:
            advice = {"centre": "shorten centre in brand.yaml or the pack file's brand:",
                      "title": "shorten title in studypack.yaml, the pack file or --title"}
            warn_shortened(template_place(self.theme.templates, self.head_template), longest,
                           named[longest], room, advice[longest])

    def _draw_head_and_folio(self, canv: Canvas, _doc: Any) -> None:
        page = canv.getPageNumber()
        if flowables_on_page(self) == 0:
            # Nothing was laid out here: a verso left blank so the next part
            # starts on a recto. It carries the note only, no head or folio.
            self.ledger.blank_pages.add(page)
            self._draw_blank_note(canv)
            return
        question = self.ledger.current if self.pageTemplate.id == BODY else None
        if question is not None:
            self.ledger.page_question[page] = question
        width, height = self.theme.page_size
        left, right = self.theme.margin("inner"), self.theme.margin("outer")
        top = self.theme.margin("top")
        head = self._head_texts.get(id(question))
        if head is None:
            # The template sees the booklet and the question only, so its text is the same.
            head = self._head_texts[id(question)] = render_text(
                self.theme.templates, self.head_template, booklet=self.plan, question=question)
        style = self.styles["small"]
        # One line, always: a long centre name or paper is cut, not wrapped.
        fitted = fit_line(head, width - left - right, style.fontName, style.fontSize)
        if fitted != head:
            self._warn_long_head(question)
        para = self._heads.get(fitted)
        if para is None:
            para = self._heads[fitted] = paragraph(self.markup.text(fitted), style)
            para.wrap(width - left - right, top)
        baseline_y = height - top * 0.62
        para.drawOn(canv, left, baseline_y)
        canv.saveState()
        canv.setStrokeColor(self.pal.rule)
        canv.setLineWidth(0.5)
        canv.line(left, baseline_y - 3, width - right, baseline_y - 3)
        canv.restoreState()
