"""An answer's outline lines: which marker lines after an "Outline" label (or unlabelled,
at the answer's start) are its outline, and where the outline ends.

Input: an answer's pieces and the parts read so far. Output: outline lines added to
the parts, or the span of an unlabelled outline.
"""

from __future__ import annotations

import re

from .answer_draft import DraftBuilder
from .pieces import Piece

SUB_GLYPHS = frozenset({"o", "○", "↳", "◦", "▪", "▫", "◽", "–", "--"})
"""Bullets that mark a second level under another bullet in copied lists."""

OUTLINE_LINE_MAX = 90
"""Longest outline line, in characters; longer marker lines are answer text."""


def listed_next(piece: Piece, after: Piece | None) -> bool:
    """An outline's own "Introduction" or "Conclusion" line: a label standing alone with
    another short outline line after it (the answer's label has its paragraph after it).
    """
    return (not piece.rest and piece.label in ("introduction", "conclusion", "section")
            and after is not None and len(after.plain) <= OUTLINE_LINE_MAX
            and not re.search(r"[.!?]$", after.plain)
            and (not after.headed or after.label == "introduction"))


def label_again(piece: Piece, after: Piece | None, built: DraftBuilder) -> bool:
    """A marked "🔹 Introduction" over prose when the outline already lists its
    Introduction: the answer's own label, so the outline has ended.
    """
    return (piece.label == "introduction" and not piece.rest and after is not None
            and (len(after.plain) > OUTLINE_LINE_MAX or after.ends_sentence)
            and any(line.casefold() == piece.plain.rstrip(":").casefold()
                    for line in built.outline))


def unlabelled_outline(pieces: list[Piece]) -> bool:
    """Three or more short marker lines before any text, then text: an outline with no
    "Outline" over it.
    """
    run = 0
    for piece in pieces:
        if piece.marker and not piece.label and len(piece.plain) <= OUTLINE_LINE_MAX \
                and not re.search(r"[.!?]\s", piece.plain):
            run += 1
            continue
        return run >= 3 and not piece.marker
    return False


def outline_span(pieces: list[Piece], opening: bool) -> set[int]:
    """Indices of the lines an outline most likely holds: the short, unfinished lines
    opening the answer (``opening``) or under an "Outline" label.
    """
    found: set[int] = set()
    starts = [0] if opening else []
    starts += [k + 1 for k, p in enumerate(pieces) if p.label == "outline" and not p.rest]
    for start in starts:
        for k in range(start, len(pieces)):
            piece = pieces[k]
            if (piece.headed and not piece.marker) or len(piece.plain) > OUTLINE_LINE_MAX \
                    or re.search(r"[.!?]$", piece.plain):
                break
            found.add(k)
    return found


def outline_line(piece: Piece, built: DraftBuilder) -> bool:
    """Add ``piece`` to the outline when it is an outline line; False ends the outline."""
    if (piece.headed and not piece.marker) or piece.arabic:
        return False
    if built.outline and piece.marker in ("", "bullet") and _THESIS.match(piece.plain):
        # "Thesis statement: …" under an essay outline's "1. Introduction" runs long: the
        # line it stands under carries it, and the outline goes on below it.
        _fold(built, piece.plain)
        return True
    # A lettered line under a numbered one may run longer ("B. Thesis: …" in an essay's).
    limit = OUTLINE_LINE_MAX * (2 if piece.marker in ("letter", "bullet", "nested")
                                and built.outline_marker in ("number", "roman") else 1)
    if len(piece.plain) > limit or (not piece.marker and piece.plain.endswith(".")):
        return False
    if piece.top_numbered and piece.number in ("1", "I", "i") and len(built.outline) >= 2 \
            and not (piece.number == "i" and (built.outline_glyph.isupper()
                                              or built.outline_marker == "number")):
        return False  # numbering starts again: the answer itself begins (not "i." under "I.")
    text = piece.plain.rstrip(":")
    if not built.outline:
        built.outline_marker, built.outline_glyph = piece.marker, piece.number
    opens = piece.plain.endswith(":")
    sub = piece.depth > 0 or piece.marker == "nested" or (
        piece.marker in ("bullet", "letter") and built.outline_marker in ("number", "roman")
    ) or (  # "- Freedom of religion" under "C. Salient features"
        piece.marker == "bullet" and built.outline_marker == "letter"
        and built.outline_glyph.isupper()
    ) or (  # "i." under "4.", as "a." under "3.": a handout's second level
        piece.marker == "roman" and piece.number.islower() and built.outline_marker == "number"
    ) or (not piece.marker and built.outline_open and not opens and not piece.label) or (
        # Word's second-level bullet ("o" under "•"), or a hand-drawn "↳" under "→".
        piece.marker == built.outline_marker == "bullet" and piece.number in SUB_GLYPHS
        and piece.number.strip("\ufe0f") != built.outline_glyph.strip("\ufe0f")) or (
        # "➤ Managerialism" under "✔ Core tenets", "• Weak finances" under a chat's
        # "▫️ Causes": a second glyph is the lower level.
        piece.marker == built.outline_marker == "bullet" and len(built.outline) > 0
        and piece.number.strip("\ufe0f") != built.outline_glyph.strip("\ufe0f")) or (
        # "i." under "I." (and under its "A." lines): a lower level of the same numerals.
        piece.marker == built.outline_marker == "roman" and piece.number.islower()
        and built.outline_glyph.isupper()) or (
        # "i." or "1." under "C.": an outline lettered with capitals numbers its children.
        piece.marker in ("roman", "number") and built.outline_marker == "letter"
        and built.outline_glyph.isupper() and (piece.marker == "number"
                                               or piece.number.islower()))
    if not sub:
        # "3. Economic impacts:" with nothing after the colon: plain lines below it,
        # copied flat at the same indent, are its children (until the next such parent,
        # or a label such as "Conclusion", when the outline has no numbers at all).
        built.outline_open = opens
    if sub and built.outline:
        _fold(built, text)
    else:
        built.outline.append(text)
    return True


def _fold(built: DraftBuilder, text: str) -> None:
    """Set ``text`` under the outline's last line, in its brackets."""
    last = built.outline[-1]
    built.outline[-1] = last[:-1] + f"; {text})" if last.endswith(")") else f"{last} ({text})"


_THESIS = re.compile(r"^thesis(?:\s+statement)?\s*[:\-–]\s*\S", re.IGNORECASE)
"""An essay outline's thesis line ("Thesis statement: Climate change is …")."""
