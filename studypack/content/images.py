"""Image files named in brand settings (logos) → checked images, or what is wrong.

Every image studypack places passes through :func:`load_image`, here alone:
the brand check before anything is rendered, and the renderer when it draws.
A logo is treated as a hostile file: it must be a regular file (not a
folder, a device such as ``/dev/zero``, a named pipe or a link loop), at most
``MAX_IMAGE_BYTES`` long, a PNG, JPEG or SVG that decodes whole, at most
``MAX_IMAGE_PIXELS`` pixels, and (SVG) of a finite, sane size with no link to
another file. The renderer draws the bytes checked here, never the path again.
"""

from __future__ import annotations

import base64
import binascii
import math
import os
import re
import stat
import warnings
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from ..errors import rel

IMAGE_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}
"""File signatures of the raster kinds a cover can place (PNG spec 5.2; JPEG SOI marker)."""

MAX_IMAGE_BYTES = 16 * 2**20
"""Largest logo file read (16 MiB); a print-quality logo is well under 1 MiB."""

MAX_IMAGE_PIXELS = 25_000_000
"""Most pixels a raster image may have (e.g. 5000 x 5000), decoded at most ~100 MB.

A logo box is 45 mm wide, ~1,100 pixels at 600 dpi, so this is far beyond
need, and far below Pillow's own bomb limit (~89 million, ``Image.MAX_IMAGE_PIXELS``).
"""

MAX_SIDE_PT = 3000 / 25.4 * 72
"""Largest SVG width or height: 3 metres of paper (in PDF points)."""

MIN_SIDE_PT = 0.5
"""Smallest SVG width or height (0.5 pt, under 0.2 mm); smaller is a typo or a trick."""

MAX_COORDINATE = 1e9
"""Largest size of any number inside an SVG drawing; beyond it PDF readers give up."""

MIN_VIEW_BOX = 1e-6
"""Smallest viewBox width or height; a smaller one magnifies the drawing past any page."""

MAX_SVG_ELEMENTS = 50_000
"""Most elements an SVG may draw once every ``<use>`` is expanded (a logo has hundreds).

Ten nested groups each using the one below ten times are a few hundred
bytes that expand to ten billion shapes: counted here before svglib expands them.
"""

_DATA_IMAGE = re.compile(r"^data:image/(jpe?g|png);base64,?", re.IGNORECASE)
"""An embedded raster image in SVG, in the form svglib decodes."""

_XLINK = "{http://www.w3.org/1999/xlink}href"

REDO = "export it again as PNG, JPEG or SVG"


class ImageProblem(Exception):
    """An image file cannot be used; the message names the file and what to do."""


@dataclass(frozen=True)
class LoadedImage:
    """An image file checked whole, with the bytes that were checked.

    Attributes:
        path: The file as named.
        kind: "PNG", "JPEG" or "SVG".
        data: The file's bytes, as read once.
        width, height: Pixels for PNG and JPEG; PDF points for SVG.
    """

    path: str
    kind: str
    data: bytes
    width: float
    height: float


def is_svg(path: Path) -> bool:
    """True when ``path`` names an SVG file (by extension)."""
    return path.suffix.lower() == ".svg"


def logo_problem(path: Path) -> str | None:
    """What is wrong with a logo file, or None when it is a usable PNG, JPEG or SVG."""
    try:
        load_image(path)
    except ImageProblem as exc:
        return str(exc)
    return None


def load_image(path: Path) -> LoadedImage:
    """Read and check one image file.

    Args:
        path: A PNG, JPEG or SVG (by extension, for SVG; by signature otherwise).

    Returns:
        The checked image.

    Raises:
        ImageProblem: The file is missing, not a regular file, too large, not an
            image, truncated, a decompression bomb, or an SVG of absurd size.
    """
    data = read_regular_file(path, MAX_IMAGE_BYTES)
    if is_svg(path):
        drawing = svg_drawing(path, data)
        return LoadedImage(str(path), "SVG", data, drawing.width, drawing.height)
    kind = next((k for sig, k in IMAGE_SIGNATURES.items() if data.startswith(sig)), None)
    if kind is None:
        raise ImageProblem(f"{_name(path)} is not a PNG, JPEG or SVG image; {REDO}")
    width, height = _raster_size(data, _name(path), kind)
    return LoadedImage(str(path), kind, data, width, height)


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of ``path``, refused unless it is a regular file of at most ``limit`` bytes.

    The file is opened without blocking and checked on the open handle, so a
    named pipe cannot hang the build and a file swapped after a check is not read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise ImageProblem(f"{_name(path)} does not exist; fix the path (relative to the "
                           "workspace)") from None
    except OSError as exc:
        raise ImageProblem(f"{_name(path)} cannot be opened ({_reason(exc)}); fix the link or "
                           "point the setting at the image file itself") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise ImageProblem(f"{_name(path)} is {_kind_of(mode)}, not an image file; point the "
                           "setting at a PNG, JPEG or SVG file")
    with os.fdopen(fd, "rb") as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise ImageProblem(f"{_name(path)} cannot be read ({_reason(exc)})") from None
    if len(data) > limit:
        raise ImageProblem(f"{_name(path)} is larger than {limit // 2**20} MiB; save a smaller "
                           "copy of the image (a logo needs well under 1 MiB)")
    return data


def _name(path: Path) -> str:
    try:
        return rel(path)
    except (RuntimeError, OSError):  # a link loop cannot be resolved; its folder can
        return str(Path(rel(path.parent)) / path.name)


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _kind_of(mode: int) -> str:
    kinds = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"),
             (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
             (stat.S_ISSOCK, "a socket"))
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def _raster_size(data: bytes, shown: str, kind: str) -> tuple[int, int]:
    """Width and height of a PNG or JPEG, after decoding it whole under the pixel cap."""
    from PIL import Image, UnidentifiedImageError

    broken = f"{shown} is not a readable image (truncated {kind}?); {REDO}"
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its limit and twice it; a bomb is a bomb.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(data)) as picture:
                width, height = picture.size
                _check_pixels(shown, width, height)
                picture.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        # Pillow refuses the worst bombs on opening, before the size can be asked.
        count = re.search(r"\((\d+) pixels\)", str(exc))
        raise ImageProblem(_too_many_pixels(shown, f"{int(count[1]):,} pixels; " if count
                                            else "")) from None
    except ImageProblem:
        raise
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError,
            UnidentifiedImageError):
        raise ImageProblem(broken) from None
    if width < 1 or height < 1:
        raise ImageProblem(broken)
    return width, height


def _check_pixels(shown: str, width: int, height: int) -> None:
    if width * height > MAX_IMAGE_PIXELS:
        raise ImageProblem(_too_many_pixels(shown, f"{width} x {height}; "))


def _too_many_pixels(shown: str, size: str) -> str:
    return (f"{shown} has too many pixels to place ({size}at most {MAX_IMAGE_PIXELS:,}, "
            "such as 5000 x 5000); save a smaller copy (1,200 pixels wide is plenty "
            "for a logo)")


def svg_drawing(path: Path, data: bytes) -> Any:
    """The checked ReportLab drawing of an SVG's bytes.

    Raises:
        ImageProblem: Not readable SVG; a link to another file; an embedded
            image that fails the raster checks; a size, viewBox or number that
            is not finite, not positive or absurd.
    """
    from lxml import etree

    parser = etree.XMLParser(remove_comments=True, recover=True, resolve_entities=False,
                             no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.XMLSyntaxError, ValueError):
        root = None
    if root is None or not isinstance(root.tag, str) or etree.QName(root).localname != "svg":
        raise ImageProblem(f"{_name(path)} is not a readable SVG; {REDO}")
    _check_links(path, root)
    if (count := _expanded_count(root)) > MAX_SVG_ELEMENTS:
        what = "refers to itself" if count == _CYCLE else (
            f"expands to more than {MAX_SVG_ELEMENTS:,} shapes through <use>")
        raise ImageProblem(f"{_name(path)} {what}; {REDO} with its shapes drawn out")
    _check_view_box(path, root.get("viewBox"))
    drawing = _svglib_drawing(path, data)
    _check_side(path, "width", drawing.width)
    _check_side(path, "height", drawing.height)
    if (bad := _first_bad_number(drawing)) is not None:
        raise ImageProblem(f"{_name(path)} draws at a position or size that cannot be printed "
                           f"({bad}); {REDO} at a normal size")
    return drawing


def _svglib_drawing(path: Path, data: bytes) -> Any:
    import logging

    from svglib.svglib import svg2rlg

    # From bytes, not the path: svglib then reads no other file.
    quiet = logging.getLogger("svglib.svglib")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # its complaints would reach the user as log noise
    try:
        drawing = svg2rlg(BytesIO(data))
    except Exception as exc:
        raise ImageProblem(f"{_name(path)} is not a readable SVG ({type(exc).__name__}); "
                           f"{REDO}") from None
    finally:
        quiet.setLevel(level)
    if drawing is None:
        raise ImageProblem(f"{_name(path)} is not a readable SVG; {REDO}")
    return drawing


def _check_links(path: Path, root: Any) -> None:
    for node in root.iter("{*}image", "{*}use"):  # the elements svglib follows links of
        link = node.get(_XLINK) or node.get("href")
        if not link or link.startswith("#"):
            continue
        if match := _DATA_IMAGE.match(link):
            try:
                data = base64.b64decode(link[match.end():], validate=False)
            except (binascii.Error, ValueError):
                raise ImageProblem(f"{_name(path)} has an embedded image that cannot be read; "
                                   f"{REDO}") from None
            kind = "JPEG" if match.group(1).lower().startswith("j") else "PNG"
            _raster_size(data, f"{_name(path)} (an image embedded in it)", kind)
            continue
        shown = link if len(link) <= 60 else link[:57] + "..."
        raise ImageProblem(f"{_name(path)} links to another file ({shown}); embed that image "
                           "in the SVG, or export the logo as PNG")


_CYCLE = MAX_SVG_ELEMENTS + 2


def _expanded_count(root: Any) -> int:
    """Elements drawn with each ``<use>`` replaced by what it names, capped past the limit.

    Walked with a stack, not recursion, so a long chain of references cannot
    exhaust Python's; a reference back to an element being counted gives ``_CYCLE``.
    """
    named = {el.get("id"): el for el in root.iter() if isinstance(el.tag, str) and el.get("id")}
    cap = MAX_SVG_ELEMENTS + 1
    done: dict[Any, int] = {}
    open_: set[Any] = set()
    stack: list[Any] = [root]
    while stack:
        el = stack[-1]
        if el in done:
            stack.pop()
            continue
        parts = [c for c in el if isinstance(c.tag, str)]
        link = el.get(_XLINK) or el.get("href") or ""
        if link.startswith("#") and link[1:] in named and el.tag.endswith("use"):
            parts.append(named[link[1:]])
        waiting = [c for c in parts if c not in done]
        if waiting:
            if el in open_ or any(c in open_ for c in waiting):
                return _CYCLE
            open_.add(el)
            stack.extend(waiting)
            continue
        open_.discard(el)
        done[el] = min(cap, 1 + sum(done[c] for c in parts))
        stack.pop()
    return done[root]


def _check_view_box(path: Path, view_box: str | None) -> None:
    if view_box is None:
        return
    try:
        numbers = [float(n) for n in re.split(r"[\s,]+", view_box.strip())]
    except ValueError:
        numbers = []
    if (len(numbers) != 4 or not all(math.isfinite(n) for n in numbers)
            or any(abs(n) > MAX_COORDINATE for n in numbers)
            or min(numbers[2], numbers[3]) < MIN_VIEW_BOX
            or min(numbers[2], numbers[3]) < max(numbers[2], numbers[3]) * 1e-9):
        raise ImageProblem(f'{_name(path)} has an unusable viewBox="{view_box[:60]}" '
                           "(four numbers: x, y, then a width and height above 0); fix it or "
                           "export the logo again")


def _check_side(path: Path, name: str, value: float) -> None:
    if not math.isfinite(value) or not MIN_SIDE_PT <= value <= MAX_SIDE_PT:
        size = f"{value:g} pt" if math.isfinite(value) else "not a number"
        raise ImageProblem(f"{_name(path)} has an unusable {name} ({size}; it must be between "
                           f"{MIN_SIDE_PT:g} pt and 3 metres); set width and height in the "
                           "SVG to the logo's real size, e.g. width=\"120\" height=\"40\"")


def _first_bad_number(drawing: Any) -> str | None:
    """The first number in the drawing tree that is not finite or is absurdly large."""
    from reportlab.graphics.shapes import Shape

    seen: set[int] = set()
    stack: list[Any] = [drawing]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        for name, value in vars(node).items():
            for number in _numbers(value):
                if not math.isfinite(number) or abs(number) > MAX_COORDINATE:
                    return f"{name} {number:g}"
            if isinstance(value, (list, tuple)):
                stack.extend(v for v in value if isinstance(v, Shape))
            elif isinstance(value, Shape):
                stack.append(value)
    return None


def _numbers(value: object) -> list[float]:
    if isinstance(value, bool):
        return []
    if isinstance(value, (int, float)):
        return [float(value)]
    if isinstance(value, (list, tuple)):
        return [float(v) for v in value
                if isinstance(v, (int, float)) and not isinstance(v, bool)]
    return []
