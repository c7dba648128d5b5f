"""How ReportLab encodes the streams it writes.

ReportLab wraps every compressed stream (page content, images) in ASCII85 by
default, a 7-bit-safe text encoding that makes those streams 25% larger and
buys nothing in a binary file. The switch is a process-wide setting
(``reportlab.rl_config.useA85``), so it is turned off only while studypack
writes a PDF and restored afterwards, leaving other ReportLab users alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from reportlab import rl_config


@contextmanager
def binary_streams() -> Iterator[None]:
    """Within the block, ReportLab writes Flate-only streams (no ASCII85 layer)."""
    before = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = before
