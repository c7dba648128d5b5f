"""Checks on image files named in brand settings (logos)."""

from __future__ import annotations

from pathlib import Path

IMAGE_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}
"""File signatures of the raster kinds a cover can place (PNG spec 5.2; JPEG SOI marker)."""


def is_svg(path: Path) -> bool:
    """True when ``path`` names an SVG file (by extension)."""
    return path.suffix.lower() == ".svg"


def logo_problem(path: Path) -> str | None:
    """What is wrong with a logo file, or None when it is a usable PNG, JPEG or SVG."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return f"{path} does not exist; fix the path (relative to the workspace)"
    except OSError as exc:
        return f"{path} cannot be read ({exc.strerror})"
    if is_svg(path):
        from svglib.svglib import svg2rlg
        try:
            drawing = svg2rlg(str(path))
        except Exception as exc:  # noqa: BLE001 - svglib raises many kinds on bad input
            return f"{path} is not a readable SVG ({type(exc).__name__}); re-export it"
        if drawing is None or not drawing.width or not drawing.height:
            return f"{path} is not a readable SVG (no size); re-export it or use PNG"
        return None
    if not any(data.startswith(sig) for sig in IMAGE_SIGNATURES):
        return f"{path} is not a PNG, JPEG or SVG image; export the logo as PNG"
    return None
