"""Colour arithmetic for layouts: ``#rrggbb`` → luminance, contrast, tints, greys.

Formulas from WCAG 2.1 (relative luminance, contrast ratio). Reading the
colours authors write is ``content/colours.py``.
"""

from __future__ import annotations


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
