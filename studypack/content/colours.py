"""Colour values as authors write them ("navy", "#1d4e6e", "#abc") → "#rrggbb".

CSS colour names and hex forms come from webcolors (the CSS3 name table),
not a table of our own. Brand files and layouts both use ``Colour``, so it
lives here, below the theme; the colour arithmetic a layout needs
(contrast, tints, greys) is in ``theme/colours.py``.
"""

from __future__ import annotations

import difflib
import re
from typing import Annotated

from pydantic import AfterValidator

_NORMAL = re.compile(r"#[0-9a-f]{6}")


def to_hex(value: str) -> str:
    """Normalise a colour to lower-case ``#rrggbb``.

    Args:
        value: A CSS colour name ("navy", "Dark Blue") or ``#rgb``/``#rrggbb``.

    Returns:
        The colour as ``#rrggbb``, lower case.

    Raises:
        ValueError: Not a CSS colour name nor a ``#rgb``/``#rrggbb`` hex value;
            the message suggests the closest name.
    """
    text = value.strip()
    if _NORMAL.fullmatch(text):
        # Layouts store their colours in this form; webcolors (14 ms to import)
        # is needed only for names and other spellings.
        return text
    import webcolors

    try:
        if text.startswith("#"):
            return str(webcolors.normalize_hex(text))
        return str(webcolors.name_to_hex(text.lower().replace(" ", "")))
    except ValueError:
        close = difflib.get_close_matches(text.lower(), webcolors.names(), n=1, cutoff=0.7)
        hint = f"did you mean '{close[0]}'? Otherwise write" if close else "write"
        raise ValueError(f"'{value}' is not a colour; {hint} a CSS name such as 'navy' or a "
                         'hex value in quotes such as "#1d4e6e"') from None


Colour = Annotated[str, AfterValidator(to_hex)]
"""A pydantic field type: any CSS colour name or hex form, stored as ``#rrggbb``."""
