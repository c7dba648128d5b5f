"""Register a theme's fonts with ReportLab and find fonts for stray characters.

Every font is an embedded TrueType subset; no Type1 standard font is used.
Registration names are derived from file names, so registering twice (two
builds in one process) is harmless; a font file replaced between two such
builds is read again (``_forget_changed_fonts``).
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import cast

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ..errors import FontError
from ..theme import Theme
from ..theme.fonts import FontFamily
from .glyph_forms import forget_font_files
from .kept import keep, kept_file, read_kept
from .rl_private import (
    font_from_parsed,
    forget_registered_fonts,
    keep_paragraph_widths,
    keep_subsets,
    keep_widths,
    parsed_face,
    quick_split,
)
from .rtl import is_urdu


@dataclass(frozen=True)
class RegisteredFamily:
    """ReportLab font names of one family's faces and the regular face's cmap."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    coverage: frozenset[int]
    file: Path
    """The regular face's TrueType file (HarfBuzz shapes with it)."""
    bold_file: Path
    """The bold face's TrueType file."""


def _remember_subsets(font: TTFont) -> None:
    # The parts of a pack are seeded with one alphabet, so they embed the same
    # subsets; building each subset once per process saves ~4 ms per part.
    made: dict[tuple[int, ...], bytes] = {}

    def once(make: Callable[[Sequence[int]], bytes]) -> Callable[[Sequence[int]], bytes]:
        def make_once(subset: Sequence[int]) -> bytes:
            key = tuple(subset)
            if key not in made:
                made[key] = make(subset)
            return made[key]
        return make_once

    keep_subsets(font, once)


WORD_WIDTHS_KEPT = 50_000
"""Widths a face remembers: the words of a large booklet at its few sizes (about 2 MB)."""


def _remember_widths(font: TTFont) -> None:
    # Line breaking measures every word of every paragraph, 650,000 times in a
    # booklet of 400 answers, and most are words measured before at that size.
    # Widths depend on the face, the text and the size only, so a face read
    # again (a changed file) starts with none. Lines are measured too: only
    # short texts are kept.
    kept: dict[tuple[str, float], float] = {}

    def remembered(measure: Callable[..., float]) -> Callable[..., float]:
        def width(text: str, size: float, encoding: str = "utf8") -> float:
            if encoding != "utf8" or len(text) > 40:
                return measure(text, size, encoding)
            key = (text, size)
            found = kept.get(key)
            if found is None:
                if len(kept) >= WORD_WIDTHS_KEPT:
                    kept.clear()
                found = kept[key] = measure(text, size, encoding)
            return found
        return width

    keep_widths(font, remembered)


_PARAGRAPH_WIDTHS: dict[tuple[str, str, float], float] = {}
"""(word, ReportLab font name, size) → width, for the line breaker; emptied with the fonts."""


def _remember_paragraph_widths(measure: Callable[..., float]) -> Callable[..., float]:
    # The breaker's own width function finds the font by name, then asks the
    # face (whose memo is above): keyed by the name, one look-up does both.
    # Widths are the face's own, so the pages are the same.
    kept = _PARAGRAPH_WIDTHS

    def width(text: str, font_name: str, size: float, encoding: str = "utf8") -> float:
        if encoding != "utf8" or len(text) > 40:
            return measure(text, font_name, size, encoding)
        key = (text, font_name, size)
        found = kept.get(key)
        if found is None:
            if len(kept) >= WORD_WIDTHS_KEPT:
                kept.clear()
            found = kept[key] = measure(text, font_name, size, encoding)
        return found
    return width


keep_paragraph_widths(_remember_paragraph_widths)


def _font_name(path: Path) -> str:
    return "SP-" + path.stem.replace("[", "").replace("]", "").replace(",", "")


def _file_state(path: Path) -> tuple[Path, int, int]:
    stat = path.stat()
    return path, stat.st_mtime_ns, stat.st_size


def _register_file(path: Path) -> tuple[str, frozenset[int]]:
    try:
        state = _file_state(path)
    except OSError as exc:
        raise FontError(f"{path} cannot be read: {exc.strerror}") from None
    return _register_state(_font_name(path), *state)


def _forget_changed_fonts(paths: list[Path]) -> None:
    """Forget every registered font if one of ``paths`` changed since it was read.

    A process that builds again (pack --watch) must read a font file that
    was replaced, as a fresh build would, or it embeds the old font and
    caches parts under the new font's key. ReportLab keeps one font per name
    and per PostScript name, and registering again does not replace it; its
    own reset hook forgets them all. Called before a theme registers any of
    its fonts, so that no name it has registered is forgotten while in use.
    """
    for path in paths:
        try:
            state = _file_state(path)
        except OSError:
            continue  # reported when it is registered
        if _LOADED.get(_font_name(path), state) != state:
            forget_fonts()
            return


def forget_fonts() -> None:
    """Forget every font ReportLab and this module have registered; the next use reads them."""
    forget_registered_fonts()
    _PARAGRAPH_WIDTHS.clear()
    _LOADED.clear()
    _register_state.cache_clear()
    forget_font_files()


_LOADED: dict[str, tuple[Path, int, int]] = {}
"""ReportLab font name → the file, modification time (ns) and size it was read from."""


def _read_font(name: str, path: Path) -> TTFont:
    # Parsing a face's tables is a fixed cost of every process (about 5 ms a
    # face, a dozen faces a layout); what they say is kept once per machine.
    kept = kept_file(path, f"reportlab{reportlab.Version}")
    parsed = read_kept(kept)
    if isinstance(parsed, dict) and parsed.keys() == {"plain", "names"}:
        try:
            return cast(TTFont, font_from_parsed(name, str(path), parsed))
        except (AttributeError, TypeError, ValueError, KeyError):
            pass  # kept by another shape of reader: parsed again below
    font = TTFont(name, str(path))
    keep(kept, parsed_face(font))
    return font


@lru_cache(maxsize=64)
def _register_state(name: str, path: Path, mtime_ns: int, size: int
                    ) -> tuple[str, frozenset[int]]:
    if name not in pdfmetrics.getRegisteredFontNames():
        try:
            font = _read_font(name, path)
        except TTFError as exc:
            raise FontError(f"{path.name} cannot be embedded: {exc}") from None
        except (struct.error, ValueError, IndexError, KeyError, OSError) as exc:
            # ReportLab reads a cut-off file (a copy still in progress) past its end.
            raise FontError(f"{path} cannot be read as a font; it looks cut off or damaged "
                            f"({type(exc).__name__}: {exc}). Copy it again.") from None
        _remember_subsets(font)
        _remember_widths(font)
        quick_split(font)
        pdfmetrics.registerFont(font)
        _LOADED[name] = (path, mtime_ns, size)
    return name, _coverage(name)


def register_family(family: FontFamily) -> RegisteredFamily:
    """Register the four faces and map ``<b>``/``<i>`` in paragraphs to them."""
    names = {}
    coverage: frozenset[int] = frozenset()
    for face in ("regular", "bold", "italic", "bold_italic"):
        names[face], cov = _register_file(getattr(family, face))
        if face == "regular":
            coverage = cov
    pdfmetrics.registerFontFamily(names["regular"], normal=names["regular"], bold=names["bold"],
                                  italic=names["italic"], boldItalic=names["bold_italic"])
    return RegisteredFamily(names["regular"], names["bold"], names["italic"],
                            names["bold_italic"], coverage, family.regular,
                            family.bold)


class FontSet:
    """The registered fonts of a theme by role, plus the fallback chain.

    The Arabic and fallback families are read from disk when first wanted
    (about 90 ms for the default layout's eight files, in every process):
    most packs print nothing the text, heading and code fonts lack.
    """

    def __init__(self, theme: Theme) -> None:
        self._theme = theme
        self.text = register_family(theme.text)
        self.heading = register_family(theme.heading)
        self.mono = register_family(theme.mono)

    @cached_property
    def arabic(self) -> RegisteredFamily:
        """The family Arabic-script runs are set in."""
        family = register_family(self._theme.arabic)
        _ARABIC_FACES.update(_faces(family))
        return family

    @cached_property
    def urdu(self) -> RegisteredFamily:
        """The Nastaliq family Urdu is set in."""
        family = register_family(self._theme.urdu)
        _URDU_FACES.update(_faces(family))
        return family

    @cached_property
    def fallback(self) -> tuple[RegisteredFamily, ...]:
        """The layout's fallback families, in the order they are tried."""
        return tuple(register_family(f) for f in self._theme.fallback)

    @property
    def urdu_digits(self) -> str:
        """The layout's digits for Urdu text: "as-typed", "urdu" or "western"."""
        return str(self._theme.spec.type.urdu_digits)

    def core(self) -> tuple[RegisteredFamily, ...]:
        """The families every document registers: text, heading and code."""
        return (self.text, self.heading, self.mono)

    def everything(self) -> tuple[RegisteredFamily, ...]:
        """Every family of the theme, in a fixed order (registering any not yet read)."""
        return (*self.core(), self.arabic, self.urdu, *self.fallback)

    def fallback_for(self, char: str, *, bold: bool = False, italic: bool = False
                     ) -> str | None:
        """ReportLab name of the first fallback face that has ``char``, else None.

        The face matches the text around it (bold, italic or both).
        """
        code = ord(char)
        # The layout's fallbacks first, then the other roles' fonts: a heading
        # in Lato can borrow ✓ from the text font.
        for family in (*self.fallback, self.text, self.heading):
            if code in family.coverage:
                if bold and italic:
                    return family.bold_italic
                return family.bold if bold else family.italic if italic else family.regular
        return None


def register_theme_fonts(theme: Theme) -> FontSet:
    """Register the theme's text, heading and code fonts; the others on first use.

    Raises:
        FontError: A file cannot be embedded by ReportLab.
    """
    families = (theme.text, theme.heading, theme.mono, theme.arabic, theme.urdu,
                *theme.fallback)
    _forget_changed_fonts([getattr(f, face) for f in families
                           for face in ("regular", "bold", "italic", "bold_italic")])
    return FontSet(theme)


def subset_seed(fonts: FontSet, alphabet: str) -> dict[str, str]:
    """Per font face, the characters of ``alphabet`` it has, in a fixed order.

    The Arabic and fallback faces are seeded only when ``alphabet`` holds a
    character the text, heading and code fonts all lack: a function of the
    alphabet alone, so every part of a pack (sharing its alphabet) is seeded
    alike whatever its process has read before. (The text and heading fonts
    must both have a character for it to count as covered.)

    Args:
        fonts: The registered fonts of a theme.
        alphabet: Every character a pack may print (any order, repeats allowed).

    Returns:
        ReportLab font name → sorted characters that face covers.
    """
    chars = sorted(set(alphabet))
    core = fonts.core()
    # A character the heading font lacks is borrowed from a fallback even
    # when the text font has it (see ``fallback_for``).
    covered = fonts.text.coverage & fonts.heading.coverage
    needs_more = any(ord(c) not in covered for c in chars if not c.isspace())
    seed = {}
    for family in fonts.everything() if needs_more else core:
        for name in (family.regular, family.bold, family.italic, family.bold_italic):
            if name not in seed:
                face_cov = _coverage(name)
                seed[name] = "".join(c for c in chars if ord(c) in face_cov)
    return seed


_URDU_FACES: set[str] = set()
_ARABIC_FACES: set[str] = set()
"""ReportLab names of the faces a layout sets Urdu, and Arabic, in (names follow the files)."""


def _faces(family: RegisteredFamily) -> tuple[str, ...]:
    return (family.regular, family.bold, family.italic, family.bold_italic)


def script_language(name: str, text: str) -> str:
    """The language Arabic-script ``text`` set in face ``name`` is shaped as: "ur" in a face of
    the Urdu family (the markup chose it: ``inline.Markup``), else "ar"; in a face of both,
    by its letters.
    """
    if name in _URDU_FACES and (name not in _ARABIC_FACES or is_urdu(text)):
        return "ur"
    if name in _ARABIC_FACES:
        return "ar"
    return "ur" if is_urdu(text) else "ar"


def registered_face(name: str) -> tuple[Path, frozenset[int]]:
    """The TrueType file a registered face was read from, and the code points it has."""
    font = cast("TTFont", pdfmetrics.getFont(name))
    return Path(font.face.filename), _coverage(name)


def _coverage(name: str) -> frozenset[int]:
    """The code points a registered TrueType face has glyphs for."""
    font = cast("TTFont", pdfmetrics.getFont(name))
    return frozenset(font.face.charToGlyph)


def printable_characters(theme: Theme) -> frozenset[int]:
    """Code points the text font or any fallback font can draw (for ``studypack check``)."""
    fonts = register_theme_fonts(theme)
    covered = set(fonts.text.coverage)
    for family in (fonts.heading, fonts.arabic, *fonts.fallback):
        covered |= family.coverage
    return frozenset(covered)
