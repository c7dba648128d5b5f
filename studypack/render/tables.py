"""Tables measured once per width, and the room their cells give text.

Platypus wraps a table more than once at the same width: a table kept with
the flowable before it (the question band, under its outline anchor) is
wrapped in the group and again in the frame, and the summary box is measured
to choose its form before the frame wraps it. Each wrap sizes every row.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Table
from typing_extensions import override

from .rl_private import table_fully_sized, table_size

CELL_PADDING = 12.0
"""Left plus right padding of a table cell in points (ReportLab's default, 6 + 6)."""


def cell_room(width: float) -> float:
    """Room for text in a cell ``width`` points wide with the default padding.

    Reckoned as ReportLab reckons it (width, less the left, less the right),
    to the last bit: a paragraph fitted to this room is not broken again when
    the table sets it.
    """
    return width - CELL_PADDING / 2 - CELL_PADDING / 2


class OnceTable(Table):
    """A ``Table`` that keeps its row heights while it is asked for the same width.

    Kept only when the last sizing reached every row: ReportLab stops sizing
    rows once a long table passes the height offered, and then sizes again.
    A split sizes the table for the room left, so it forgets what was kept.
    """

    @override
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        state = self.__dict__
        if state.get("_sized_at") == availWidth and table_fully_sized(self):
            return table_size(self)
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        state["_sized_at"] = availWidth
        return size

    @override
    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        self.__dict__.pop("_sized_at", None)
        parts: list[Any] = super().split(availWidth, availHeight)
        return parts
