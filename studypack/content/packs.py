"""Pack files: ``content/packs/*.yaml`` → a validated ``PackFile`` with positions.

A pack file states what a class gets: a selection of questions, how they are
grouped into sections, which blocks print, which PDFs are added, and where
the result goes. Paths in a pack file are relative to the workspace.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from ..errors import ContentError, Diagnostic, rel
from .brand import BrandIn
from .validate import validate_text
from .yamlpos import Located

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
BlockName = Literal["header", "question", "summary", "key_points", "answer"]
BLOCK_NAMES: tuple[BlockName, ...] = ("header", "question", "summary", "key_points", "answer")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SelectionIn(_Strict):
    """Which questions: every given filter must match; ``exclude`` removes ids."""

    papers: tuple[Text, ...] = ()
    topics: tuple[Text, ...] = ()
    tags: tuple[Text, ...] = ()
    years: tuple[int, int] | None = None
    ids: tuple[Text, ...] = ()
    exclude: tuple[Text, ...] = ()

    @field_validator("years", mode="before")
    @classmethod
    def _year_range(cls, value: object) -> object:
        # "2015-2024", "2015–2024", 2023 and [2015, 2024] are all natural to type.
        if isinstance(value, int):
            return (value, value)
        if isinstance(value, str):
            match = re.fullmatch(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*", value)
            if not match:
                raise ValueError("write a year range as 2015-2024")
            return (int(match.group(1)), int(match.group(2)))
        return value


class IncludeIn(_Strict):
    """An external PDF: before/after a section, or an appendix."""

    file: Text
    title: Text
    where: Literal["before", "after", "appendix"] = "appendix"
    section: Text | None = None


class PackFile(_Strict):
    """One pack file as written (see docs/packs.md)."""

    title: Text
    subtitle: str = ""
    edition: str = ""
    layout: Text | None = None
    brand: BrandIn = BrandIn()
    select: SelectionIn = SelectionIn()
    group_by: Literal["topic", "paper", "year"] = "topic"
    sections: tuple[Text, ...] = ()
    order: Literal["year-desc", "year-asc", "number"] = "year-desc"
    blocks: tuple[BlockName, ...] | None = Field(default=None, min_length=1)
    revision_grid: bool = False
    include: tuple[IncludeIn, ...] = ()
    duplex: bool | None = None
    handouts: bool = False
    output: Text | None = None


FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "": tuple(PackFile.model_fields),
    "select": tuple(SelectionIn.model_fields),
    "brand": tuple(BrandIn.model_fields),
    "include": tuple(IncludeIn.model_fields),
}


def load_pack_file(path: Path) -> tuple[PackFile, Located]:
    """Read and validate one pack file.

    Returns:
        The pack and its positions (for later messages about its values).

    Raises:
        ContentError: Every problem in the file, with line and field.
    """
    shown = rel(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError([Diagnostic(shown, 0, 0, "", f"cannot be read: {exc}")]) from None
    record, located, problems = validate_text(text, shown, PackFile, FIELD_NAMES)
    if record is None or located is None:
        raise ContentError(problems)
    return record, located
