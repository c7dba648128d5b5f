"""Font roles → TrueType files on disk.

A family name is looked up first as files in the workspace's ``fonts/``
folder (``<Family>-Regular.ttf``, ``-Bold``, ``-Italic``, ``-BoldItalic``,
spaces removed from the family name), then among the fonts studypack
ships (``studypack/fonts/``), then among installed ``fontpkg-*`` packages.
Only static TrueType (glyf) fonts work with ReportLab; variable and
CFF-flavoured fonts are refused here with a message saying what to use.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

from ..errors import FontError, StudypackWarning

SHIPPED = Path(__file__).resolve().parent.parent / "fonts"
"""Families studypack ships itself, with their licences: those no ``fontpkg-*`` package
publishes (Noto Nastaliq Urdu). A workspace's ``fonts/`` still comes first."""

FACES = {"regular": (400, "normal"), "bold": (700, "normal"),
         "italic": (400, "italic"), "bold_italic": (700, "italic")}


@dataclass(frozen=True)
class FontFamily:
    """Four faces of one family, as TTF paths (bold and italic may repeat regular)."""

    name: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path


def table_tags(path: Path) -> set[bytes]:
    """Tags of the tables in a TrueType/OpenType file.

    Read from the table directory: a 12-byte header whose bytes 4–5 give the
    table count, then 16-byte records that start with the tag (OpenType spec,
    "Table Directory"). No font library is needed for these few bytes.
    """
    with path.open("rb") as fh:
        head = fh.read(12)
        count = int.from_bytes(head[4:6], "big") if len(head) == 12 else 0
        records = fh.read(16 * min(count, 256))
    return {records[i:i + 4] for i in range(0, len(records) - 15, 16)}


def _check_static_ttf(path: Path, family: str) -> None:
    with path.open("rb") as fh:
        tag = fh.read(4)
    if tag == b"OTTO":
        raise FontError(f"{path.name} ({family}) has CFF outlines, which ReportLab cannot "
                        "embed; use the family's TTF files (glyf outlines) instead")
    if tag not in (b"\x00\x01\x00\x00", b"true"):
        raise FontError(f"{path} ({family}) is not a TrueType font file")
    if "[" in path.stem or b"fvar" in table_tags(path):
        raise FontError(f"{path.name} ({family}) is a variable font; ReportLab needs static "
                        "TTFs: use a family that ships them (e.g. fontpkg-lato, "
                        "fontpkg-ibm-plex-serif) or drop static TTFs into fonts/")


def _from_folder(name: str, folder: Path, *, shipped: bool = False) -> FontFamily | None:
    stem = name.replace(" ", "")
    regular = folder / f"{stem}-Regular.ttf"
    if not regular.is_file():
        if (folder / f"{stem}-Regular.otf").is_file():
            raise FontError(f"{stem}-Regular.otf ({name}) is an OpenType/CFF font, which "
                            "ReportLab cannot embed; use the family's .ttf files instead")
        return None
    _check_static_ttf(regular, name)
    faces: dict[str, Path] = {}
    missing = []
    for face, suffix in (("bold", "Bold"), ("italic", "Italic"), ("bold_italic", "BoldItalic")):
        candidate = folder / f"{stem}-{suffix}.ttf"
        # Bold italic text in a family with a bold and no italic prints bold.
        faces[face] = candidate if candidate.is_file() else (
            faces["bold"] if face == "bold_italic" else regular)
        if not candidate.is_file():
            missing.append(f"{stem}-{suffix}.ttf")
    if missing and not shipped:  # Nastaliq has no italic: not the user's to fix
        warnings.warn(f"fonts/: {name} has no {', '.join(missing)}; bold and italic text in "
                      "it prints upright and regular", StudypackWarning, stacklevel=3)
    return FontFamily(name, regular, faces["bold"], faces["italic"], faces["bold_italic"])


def _from_fontpkg(name: str) -> FontFamily:
    import fontpkg

    try:
        family = fontpkg.family(name)
    except fontpkg.FontpkgError:
        slug = fontpkg.slugify(name)
        raise FontError(f"font family '{name}' (named in a layout's fonts) is not installed; "
                        f"run 'pip install fontpkg-{slug}' if that package exists, or put "
                        f"its TTFs in fonts/ as {name.replace(' ', '')}-Regular.ttf, -Bold.ttf, "
                        "-Italic.ttf, -BoldItalic.ttf") from None
    if family.is_variable:
        raise FontError(f"'{name}' is installed only as a variable font; ReportLab needs "
                        "static TTFs: choose a family with static files (Lato, IBM Plex "
                        "Serif, PT Serif, Fira Sans …) or drop static TTFs into fonts/")
    paths = {}
    for face, (weight, style) in FACES.items():
        try:
            paths[face] = fontpkg.path(name, weight, style, nearest=True)
        except fontpkg.FontpkgError:
            paths[face] = paths.get("regular") or fontpkg.path(name, 400, "normal", nearest=True)
    return FontFamily(name, paths["regular"], paths["bold"], paths["italic"],
                      paths["bold_italic"])


def resolve_family(name: str, fonts_dir: Path | None) -> FontFamily:
    """Find the four faces of family ``name``.

    Args:
        name: Family name, e.g. "IBM Plex Serif".
        fonts_dir: The workspace's ``fonts/`` folder, or None.

    Returns:
        A ``FontFamily`` of static TTF paths.

    Raises:
        FontError: Not found, variable, CFF-flavoured or not a TrueType file.
    """
    family = _from_folder(name, fonts_dir) if fonts_dir and fonts_dir.is_dir() else None
    family = family or _from_folder(name, SHIPPED, shipped=True) or _from_fontpkg(name)
    for path in {family.regular, family.bold, family.italic, family.bold_italic}:
        _check_static_ttf(path, name)
    return family
