"""Font roles → TrueType files on disk.

A family name is looked up first as files in the workspace's ``fonts/``
folder (``<Family>-Regular.ttf``, ``-Bold``, ``-Italic``, ``-BoldItalic``,
spaces removed from the family name), then among installed ``fontpkg-*``
packages. Only static TrueType (glyf) fonts work with ReportLab; variable
and CFF-flavoured fonts are refused here with a message saying what to use.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import FontError

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


def _check_static_ttf(path: Path, family: str) -> None:
    with path.open("rb") as fh:
        tag = fh.read(4)
    if tag == b"OTTO":
        raise FontError(f"{path.name} ({family}) has CFF outlines, which ReportLab cannot "
                        "embed; use the family's TTF files (glyf outlines) instead")
    if tag not in (b"\x00\x01\x00\x00", b"true"):
        raise FontError(f"{path} ({family}) is not a TrueType font file")
    if "[" in path.stem:
        raise FontError(f"{path.name} ({family}) is a variable font; ReportLab needs static "
                        "TTFs: use a family that ships them (e.g. fontpkg-lato, "
                        "fontpkg-ibm-plex-serif) or drop static TTFs into fonts/")


def _from_folder(name: str, folder: Path) -> FontFamily | None:
    stem = name.replace(" ", "")
    regular = folder / f"{stem}-Regular.ttf"
    if not regular.is_file():
        return None
    faces = {}
    for face, suffix in (("bold", "Bold"), ("italic", "Italic"), ("bold_italic", "BoldItalic")):
        candidate = folder / f"{stem}-{suffix}.ttf"
        faces[face] = candidate if candidate.is_file() else regular
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
    family = family or _from_fontpkg(name)
    for path in {family.regular, family.bold, family.italic, family.bold_italic}:
        _check_static_ttf(path, name)
    return family
