"""Text cut to the room it has: one line of a running head, a few lines of a band.

Furniture that cannot grow (a running head, the question band, a cover line)
takes an author's text as long as it is; past its room the text is cut at a
word with an ellipsis, and the author is told which field to shorten.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from ..content.derive import cut_at_word
from ..content.yamlpos import PathKey, load_located
from ..errors import StudypackWarning
from ..theme import Theme
from ..theme.templates import render_text, template_place
from .paragraphs import paragraph


def _longest_that_fits(text: str, fits: Callable[[str], bool]) -> str:
    # Binary search on the cut: a 5,000-character value costs a dozen
    # measurements, not one per character.
    if fits(text):
        return text
    low, high = 0, len(text)
    while high - low > 1:
        middle = (low + high) // 2
        if fits(cut_at_word(text, middle)):
            low = middle
        else:
            high = middle
    return cut_at_word(text, low) if low > 1 else ""


def fit_line(text: str, width: float, font: str, size: float) -> str:
    """``text`` cut at a word (with "…") so that it fits ``width`` points on one line."""
    return _longest_that_fits(text, lambda t: stringWidth(t, font, size) <= width)


def fit_lines(text: str, width: float, style: ParagraphStyle, lines: int,
              markup: Callable[[str], str] = str, *, rtl: bool = False) -> str:
    """``text`` cut at a word (with "…") so that it wraps to at most ``lines`` lines.

    Args:
        text: Plain text (cut before it is turned into markup).
        width: Column width in points.
        style: The paragraph style it is set in.
        lines: Most lines it may take.
        markup: Turns plain text into the paragraph's markup (fonts, escapes).
        rtl: It is set right to left (a line of an Urdu answer's band).
    """
    def fits(candidate: str) -> bool:
        return _lines(markup(candidate), style, width, rtl) <= lines
    return _longest_that_fits(text, fits)


@lru_cache(maxsize=1024)
def _lines(markup: str, style: ParagraphStyle, width: float, rtl: bool) -> int:
    # The same exam, paper or part is fitted to the same band in every
    # question: measured once. (Lines are counted, not their height: a line
    # with Nastaliq in it is taller, and still one line.)
    para = paragraph(markup, style, rtl=rtl)
    para.wrap(width, 1e6)
    return len(para.getActualLineWidths0())


def fitted_paragraph(text: str, width: float, style: ParagraphStyle, lines: int,
                     markup: Callable[[str], str] = str, *, rtl: bool = False
                     ) -> tuple[str, Flowable]:
    """``fit_lines``, with the paragraph of the text it keeps, already broken at ``width``.

    A table cell given the same width to fill takes the breaks as they are:
    a fitted cell is set once, not measured here and set again in the table.

    Returns:
        The text kept (``text`` itself when it fits) and its paragraph.
    """
    whole = paragraph(markup(text), style, rtl=rtl)
    whole.wrap(width, 1e6)
    if len(whole.getActualLineWidths0()) <= lines:
        return text, whole
    kept = fit_lines(text, width, style, lines, markup, rtl=rtl)
    cut = paragraph(markup(kept), style, rtl=rtl)
    cut.wrap(width, 1e6)
    return kept, cut


def warn_shortened(where: str, field: str, text: str, room: str,
                   advice: str = "shorten it") -> None:
    """Warn that ``field``'s ``text`` was cut to ``room`` (e.g. "one line of the running head")."""
    place = f"{where} {field}:" if field else f"{where}:"
    shown = text if len(text) <= 40 else text[:37] + "…"
    warnings.warn(f"{place} '{shown}' ({len(text)} characters) is too long for {room}; it was "
                  f"shortened with '…' to fit: {advice}", StudypackWarning, stacklevel=2)


def field_place(source_path: str, path: PathKey) -> str:
    """``file:line:col`` of field ``path`` in an answer file, or the file alone.

    Only read when a value has to be shortened, so the records that pass
    between stages need not carry every field's position.
    """
    try:
        changed = Path(source_path).stat().st_mtime_ns
    except OSError:
        return source_path
    positions = _positions(source_path, changed)
    # The field itself, else the nearest enclosing one (a derived gist has no line).
    found = next((positions[path[:cut]] for cut in range(len(path), 0, -1)
                  if path[:cut] in positions), None)
    return f"{source_path}:{found[0]}:{found[1]}" if found else source_path


@lru_cache(maxsize=64)
def _positions(source_path: str, _changed: int) -> dict[PathKey, tuple[int, int]]:
    # Keyed by the file's change time too: ``watch`` rebuilds in one process.
    try:
        return load_located(Path(source_path).read_text(encoding="utf-8")).positions
    except Exception:
        return {}


def fitted_template_line(theme: Theme, name: str, font: str, size: float,
                         **context: object) -> str:
    """A one-line template's text (folio, blank-page note), cut to the text width.

    Warns, naming the template, when its text had to be cut.
    """
    text = render_text(theme.templates, name, **context)
    room = theme.page_size[0] - theme.margin("inner") - theme.margin("outer")
    fitted = fit_line(text, room, font, size)
    if fitted != text:
        warn_shortened(template_place(theme.templates, name), "", text,
                       "one line of the text width", "make the template's text shorter")
    return fitted
