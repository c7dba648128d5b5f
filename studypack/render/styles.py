"""A theme's type scale and colours → ReportLab paragraph styles.

Sizes in PDF points. Heading sizes step by the layout's ``type.scale`` ratio
from the body size (a modular scale); leading is ``type.leading`` × size.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from ..theme import Theme
from .fonts import FontSet
from .hyphenation import hyphenator


@dataclass(frozen=True)
class Palette:
    """The layout's colours, as ReportLab colours."""

    accent: Color
    tint: Color
    rule: Color
    text: Color
    muted: Color


def palette(theme: Theme) -> Palette:
    """The theme's colours (``#rrggbb``, already checked) as ReportLab colours."""
    c = theme.spec.colours
    return Palette(HexColor(c.accent), HexColor(c.tint), HexColor(c.rule), HexColor(c.text),
                   HexColor(c.muted))


def make_styles(theme: Theme, fonts: FontSet) -> dict[str, ParagraphStyle]:
    """Named paragraph styles for every block kind.

    Returns:
        Styles keyed by role: body, bullet, small, h1…h3, label, question,
        table, table_head, contents_topic, cover_* and head/folio.
    """
    t = theme.spec.type
    size = t.body_pt
    lead = t.leading
    col = palette(theme)

    def step(n: float) -> float:
        return round(float(size * t.scale ** n), 2)

    hyphenate = hyphenator(t.hyphenation)
    # Everything but running prose is set flush left and unbroken: headings,
    # labels, captions, the cover. Table cells may break words (narrow
    # columns) but stay ragged (rivers).
    base = ParagraphStyle("base", fontName=fonts.text.regular, fontSize=size,
                          leading=size * lead, textColor=col.text, spaceAfter=size * 0.55,
                          bulletFontName=fonts.text.regular, bulletFontSize=size,
                          allowWidows=0, allowOrphans=0, splitLongWords=1,
                          # embeddedHyphenation stays 0: with it, ReportLab 5.1 could
                          # not split a paragraph across pages after breaking a
                          # compound at its hyphen (LayoutError "Splitting error").
                          alignment=TA_LEFT, hyphenationLang="", embeddedHyphenation=0,
                          hyphenationMinWordLength=6,
                          # A positive uriWasteReduce stops ReportLab splitting a long URL
                          # that overflows (seen with ReportLab 4-5); splitLongWords handles it.
                          uriWasteReduce=0)
    body = ParagraphStyle("body", parent=base,
                          alignment=TA_JUSTIFY if t.align == "justified" else TA_LEFT,
                          # ReportLab takes a callable as well as a language name;
                          # types-reportlab knows only the name.
                          hyphenationLang=hyphenate)  # type: ignore[arg-type]

    def heading(name: str, n: int, colour: Color, before: float, after: float, *,
                font: str = fonts.heading.bold) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, fontName=font, fontSize=step(n),
                              leading=step(n) * 1.22, textColor=colour, spaceBefore=before,
                              spaceAfter=after, keepWithNext=1)

    return {
        "body": body,
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=size * 1.5,
                                 bulletIndent=size * 0.4, spaceAfter=size * 0.3),
        "small": ParagraphStyle("small", parent=base, fontSize=step(-1),
                                leading=step(-1) * lead, textColor=col.muted),
        "h1": heading("h1", 3, col.accent, 0, size * 0.6),
        # No keepWithNext on h2: blocks guard their own headings with
        # CondPageBreak/KeepTogether, which never drag a long table along.
        "h2": ParagraphStyle("h2", parent=base, fontName=fonts.heading.bold, fontSize=step(1),
                             leading=step(1) * 1.22, textColor=col.accent,
                             spaceBefore=size * 1.1, spaceAfter=size * 0.45),
        "h3": ParagraphStyle("h3", parent=base, fontName=fonts.heading.bold, fontSize=step(0),
                             leading=step(0) * 1.25, textColor=col.text,
                             spaceBefore=size * 0.9, spaceAfter=size * 0.3),
        "label": heading("label", -1, col.accent, size * 0.2, size * 0.3),
        "question": ParagraphStyle("question", parent=base, fontName=fonts.text.italic,
                                   fontSize=step(1), leading=step(1) * 1.35,
                                   spaceBefore=size * 0.8, spaceAfter=size * 0.9),
        "reference": ParagraphStyle("reference", parent=base, fontSize=step(-1),
                                    leading=step(-1) * 1.3, textColor=col.muted,
                                    spaceAfter=size * 0.2),
        "quote": ParagraphStyle("quote", parent=body, fontSize=step(-0.5),
                                leading=step(-0.5) * lead, spaceAfter=size * 0.35,
                                leftIndent=size * 1.2 if theme.spec.columns == 2 else 0),
        "caption": ParagraphStyle("caption", parent=base, fontName=fonts.text.italic,
                                  fontSize=step(-1), leading=step(-1) * 1.3,
                                  textColor=col.muted, alignment=TA_CENTER,
                                  spaceBefore=size * 0.4, spaceAfter=size * 0.8),
        "quote_source": ParagraphStyle("quote_source", parent=base, fontName=fonts.text.italic,
                                       fontSize=step(-1), leading=step(-1) * 1.3,
                                       textColor=col.muted, alignment=TA_RIGHT,
                                       spaceAfter=size * 0.2),
        "table": ParagraphStyle("table", parent=base, fontSize=step(-1),
                                leading=step(-1) * 1.3, spaceAfter=0,
                                hyphenationLang=hyphenate),  # type: ignore[arg-type]
        "table_head": ParagraphStyle("table_head", parent=base, fontName=fonts.heading.bold,
                                     fontSize=step(-1), leading=step(-1) * 1.3,
                                     textColor=col.accent, spaceAfter=0),
        "band": ParagraphStyle("band", parent=base, fontName=fonts.heading.regular,
                               fontSize=step(-1), leading=step(-1) * 1.3,
                               textColor=col.text, spaceAfter=0),
        "band_number": ParagraphStyle("band_number", parent=base, fontName=fonts.heading.bold,
                                      fontSize=step(3), leading=step(3) * 1.1,
                                      textColor=col.accent, spaceAfter=0),
        "contents_title": ParagraphStyle("contents_title", parent=base, spaceAfter=0,
                                         leading=size * 1.3, hyphenationLang=hyphenate),  # type: ignore[arg-type]
        "section_opener": heading("section_opener", 4, col.accent, 0, size * 1.1),
        "contents_topic": heading("contents_topic", 0, col.accent, size * 1.0, size * 0.35),
        "cover_kicker": ParagraphStyle("cover_kicker", parent=base,
                                       fontName=fonts.heading.bold, fontSize=step(0),
                                       leading=step(0) * 1.3, textColor=col.accent,
                                       spaceAfter=size * 1.2),
        "cover_title": ParagraphStyle("cover_title", parent=base, fontName=fonts.heading.bold,
                                      fontSize=step(6), leading=step(6) * 1.1,
                                      textColor=col.text, spaceAfter=size),
        "cover_subtitle": ParagraphStyle("cover_subtitle", parent=base,
                                         fontName=fonts.text.italic, fontSize=step(2),
                                         leading=step(2) * 1.3, textColor=col.muted,
                                         spaceAfter=size * 2.2),
        "cover_line": ParagraphStyle("cover_line", parent=base, fontName=fonts.heading.regular,
                                     fontSize=step(0), leading=step(0) * 1.45,
                                     textColor=col.text, spaceAfter=size * 0.2),
        "cover_inside": ParagraphStyle("cover_inside", parent=base, fontName=fonts.text.italic,
                                       fontSize=step(0), leading=step(0) * 1.45,
                                       textColor=col.muted, spaceBefore=size * 1.2),
        "cover_panel": ParagraphStyle("cover_panel", parent=base, fontName=fonts.heading.bold,
                                      fontSize=step(0), leading=step(0) * 1.25,
                                      textColor=col.text, spaceAfter=1),
        "cover_panel_small": ParagraphStyle("cover_panel_small", parent=base,
                                            fontName=fonts.heading.regular, fontSize=step(-1),
                                            leading=step(-1) * 1.3, textColor=col.muted,
                                            spaceAfter=0),
        "cover_centre": ParagraphStyle("cover_centre", parent=base,
                                       fontName=fonts.heading.bold, fontSize=step(1),
                                       leading=step(1) * 1.3, textColor=col.accent,
                                       alignment=TA_LEFT),
        "back_centre": ParagraphStyle("back_centre", parent=base, fontName=fonts.heading.bold,
                                      fontSize=step(3), leading=step(3) * 1.25,
                                      textColor=col.accent, alignment=TA_CENTER,
                                      spaceAfter=size * 0.6),
        "back_line": ParagraphStyle("back_line", parent=base, fontName=fonts.heading.regular,
                                    fontSize=step(0), leading=step(0) * 1.4,
                                    alignment=TA_CENTER, textColor=col.text,
                                    spaceAfter=size * 1.6),
        "back_text": ParagraphStyle("back_text", parent=base, alignment=TA_CENTER),
        "centre": ParagraphStyle("centre", parent=base, alignment=TA_CENTER,
                                 textColor=col.muted),
    }
