"""Checks on image files named in pack files and settings (logos)."""

from __future__ import annotations

from pathlib import Path

IMAGE_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}
"""File signatures of the image kinds the cover can place (PNG spec 5.2; JPEG SOI marker)."""


def logo_problem(path: Path) -> str | None:
    """What is wrong with a logo file, or None when it is a readable PNG or JPEG."""
    try:
        head = path.read_bytes()[:8]
    except FileNotFoundError:
        return f"{path} does not exist; fix the path (relative to the workspace)"
    except OSError as exc:
        return f"{path} cannot be read ({exc.strerror})"
    if not any(head.startswith(sig) for sig in IMAGE_SIGNATURES):
        return f"{path} is not a PNG or JPEG image; export the logo as PNG"
    return None
