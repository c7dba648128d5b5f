"""Page geometry of a layered layout → the problems that would break a render.

Input: a validated ``LayoutSpec`` and where each value was set. Output: every
geometry problem at once, each placed at the field to change. Field ranges
(``layout.py``) catch one absurd number; this catches numbers that are each
sensible but together leave no room: margins wider than the page, type too
big for the text width, two columns of a few letters each.
"""

from __future__ import annotations

from reportlab.lib.units import mm

from ..content.yamlpos import Located, dotted
from ..errors import Diagnostic
from .spec import LayoutSpec

MM = mm
"""PDF points per millimetre (ReportLab's unit constant)."""

MIN_TEXT_PT = 144.0
"""Narrowest text area, either way, in points (2 in, 51 mm): below it the
running head, the question band and a contents row no longer fit side by side."""

MEASURE_EMS = 20
"""Text width in body-size ems that a line needs: about 40 characters, the short
end of a readable measure (Bringhurst gives 45-75 for a single column)."""

DEPTH_LINES = 12
"""Text height in body lines a page needs: the question band, a heading kept
with three lines, and room to spare (a band taller than the page cannot split)."""

MIN_COLUMN_EMS = 12
"""Width of each of two columns in body-size ems (about 25 characters a line)."""

GUTTER_EMS = 1.4
"""Gap between two columns in body-size ems (what ``render`` sets between them)."""


CHARACTER_EMS = 0.49
"""Average width of a character of running English text (spaces included), in ems of
the body size: measured on IBM Plex Serif (67 characters in 360 pt at 11 pt); other
book faces are within about a tenth of it."""


def measure_outer(spec: LayoutSpec, page_width: float) -> float:
    """The outer margin in points: the layout's, or wider to keep ``type.measure``.

    A book sets about 66 characters a line; a page wider than that at the
    body size gives the rest to the outer margin (room for notes) rather
    than to longer lines. Two columns are narrow already and keep the margins.
    """
    m, t = spec.page.margins_mm, spec.type
    outer = m.outer * MM
    if t.measure and spec.columns == 1:
        line = t.measure * CHARACTER_EMS * t.body_pt
        outer = max(outer, page_width - m.inner * MM - line)
    return outer


def _pt_mm(points: float) -> str:
    return f"{points:.0f} pt ({points / MM:.0f} mm)"


def geometry_problems(spec: LayoutSpec, page_pt: tuple[float, float],
                      sources: list[tuple[str, Located]]) -> list[Diagnostic]:
    """Every way the page, margins, columns and type leave too little room.

    Args:
        spec: The layered layout (fields already in range).
        page_pt: Page (width, height) in points.
        sources: Each layout file's positions, base first (to place a problem
            in the file that set the value last).

    Returns:
        Problems placed at the field to change, or an empty list.
    """
    def at(candidates: list[tuple[str, ...]], message: str) -> Diagnostic:
        # The most specific file that sets any of the values to change: the
        # user's own layout rather than the built-in one it extends.
        for shown, located in reversed(sources):
            for path in candidates:
                if path in located.positions:
                    return Diagnostic(shown, *located.where(path), dotted(path), message)
        shown, located = sources[-1]
        return Diagnostic(shown, *located.where(candidates[0]), dotted(candidates[0]), message)

    m, body = spec.page.margins_mm, spec.type.body_pt
    size = spec.page.size
    across = page_pt[0] - (m.inner + m.outer) * MM
    down = page_pt[1] - (m.top + m.bottom) * MM
    problems = []

    need = max(MIN_TEXT_PT, MEASURE_EMS * body)
    if across < need:
        sides = ["inner", "outer"] if m.inner >= m.outer else ["outer", "inner"]
        why = (f"at least {_pt_mm(MIN_TEXT_PT)}, 2 in, is needed" if need == MIN_TEXT_PT else
               f"{body:g} pt text needs at least {_pt_mm(need)} for a readable line")
        problems.append(at([*(("page", "margins_mm", side) for side in sides),
                            ("type", "body_pt"), ("page", "size")],
                           f"the margins leave {_pt_mm(max(across, 0))} of text width on "
                           f"{size}; {why}: make the inner and outer margins smaller"
                           + ("" if need == MIN_TEXT_PT else " or type.body_pt smaller")))
    need = max(MIN_TEXT_PT, DEPTH_LINES * body * spec.type.leading)
    if down < need:
        sides = ["top", "bottom"] if m.top >= m.bottom else ["bottom", "top"]
        why = (f"at least {_pt_mm(MIN_TEXT_PT)}, 2 in, is needed" if need == MIN_TEXT_PT else
               f"{DEPTH_LINES} lines of {body:g} pt text need {_pt_mm(need)}")
        problems.append(at([*(("page", "margins_mm", side) for side in sides),
                            ("type", "body_pt"), ("type", "leading"), ("page", "size")],
                           f"the margins leave {_pt_mm(max(down, 0))} of text height on "
                           f"{size}; {why}: make the top and bottom margins smaller"
                           + ("" if need == MIN_TEXT_PT else
                              " or type.body_pt or type.leading smaller")))
    if spec.columns == 2:
        need = max(90 * MM, (2 * MIN_COLUMN_EMS + GUTTER_EMS) * body)
        if across < need:
            problems.append(at([("columns",)],
                               f"two columns need at least {_pt_mm(need)} of text width at "
                               f"{body:g} pt; the margins leave {_pt_mm(max(across, 0))} on "
                               f"{size}: use columns: 1, or smaller margins or type"))
    return problems
