"""Colour values as authors write them ("navy", "#1d4e6e", "#abc") → "#rrggbb".

CSS colour names and hex forms come from webcolors (the CSS3 name table),
not a table of our own.
"""

from __future__ import annotations

import difflib
from typing import Annotated

import webcolors
from pydantic import AfterValidator


def to_hex(value: str) -> str:
    """Normalise a colour to lower-case ``#rrggbb``.

    Raises:
        ValueError: Not a CSS colour name nor a ``#rgb``/``#rrggbb`` hex value;
            the message suggests the closest name.
    """
    text = value.strip()
    try:
        if text.startswith("#"):
            return webcolors.normalize_hex(text)
        return webcolors.name_to_hex(text.lower().replace(" ", ""))
    except ValueError:
        close = difflib.get_close_matches(text.lower(), webcolors.names(), n=1, cutoff=0.7)
        hint = f"did you mean '{close[0]}'? Otherwise write" if close else "write"
        raise ValueError(f"'{value}' is not a colour; {hint} a CSS name such as 'navy' or a "
                         'hex value in quotes such as "#1d4e6e"') from None


Colour = Annotated[str, AfterValidator(to_hex)]
"""A pydantic field type: any CSS colour name or hex form, stored as ``#rrggbb``."""


def _channels(hex_colour: str) -> tuple[float, float, float]:
    value = hex_colour.lstrip("#")
    r, g, b = (int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return r, g, b


def luminance(hex_colour: str) -> float:
    """Relative luminance, 0 (black) to 1 (white), per WCAG 2.1 (sRGB)."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in _channels(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_on_white(hex_colour: str) -> float:
    """WCAG 2.1 contrast ratio of a colour against white paper (1 to 21)."""
    return 1.05 / (luminance(hex_colour) + 0.05)


def mix_with_white(hex_colour: str, share: float) -> str:
    """``hex_colour`` thinned with white: ``share`` 0 keeps it, 1 gives white."""
    r, g, b = (round((c + (1 - c) * share) * 255) for c in _channels(hex_colour))
    return f"#{r:02x}{g:02x}{b:02x}"


def to_grey(hex_colour: str) -> str:
    """The grey of the same luminance (for grayscale layouts)."""
    level = round(luminance(hex_colour) ** (1 / 2.2) * 255)
    return f"#{level:02x}{level:02x}{level:02x}"
