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

from ..errors import ContentError, rel
from .brand import BrandIn
from .schema import Name
from .validate import read_source, validate_text
from .yamlpos import Located

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
BlockName = Literal["header", "question", "summary", "key_points", "answer"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SelectionIn(_Strict):
    """Which questions: every given filter must match; ``exclude`` removes ids."""

    # Names, spelled as answers' names are read: a hidden character pasted in
    # a pack must not make a topic no answer has.
    papers: tuple[Name, ...] = ()
    topics: tuple[Name, ...] = ()
    tags: tuple[Name, ...] = ()
    years: tuple[int, int] | None = None
    ids: tuple[Name, ...] = ()
    exclude: tuple[Name, ...] = ()

    @field_validator("years", mode="before")
    @classmethod
    def _year_range(cls, value: object) -> object:
        # "2015-2024", "2015–2024", 2023 and [2015, 2024] are all natural to type.
        bad = ValueError("write the years as 2015-2024, [2015, 2024] or one year, e.g. 2023")
        if value is None:
            return None
        if isinstance(value, bool):
            raise bad
        if isinstance(value, int):
            value = (value, value)
        elif isinstance(value, str):
            match = re.fullmatch(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*", value)
            if not match:
                raise bad
            value = (int(match.group(1)), int(match.group(2)))
        if not (isinstance(value, (list, tuple)) and len(value) == 2
                and all(isinstance(v, int) and not isinstance(v, bool) for v in value)):
            raise bad
        if not all(1947 <= v <= 2100 for v in value):
            raise ValueError(f"{value[0]}–{value[1]} is outside 1947–2100; check the years")
        return tuple(value)


def _as_text(value: object) -> object:
    # A year written as a section name (2023) is as good as "2023".
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class IncludeIn(_Strict):
    """An external PDF: before/after a section, or an appendix."""

    file: Text
    title: Text
    where: Literal["before", "after", "appendix"] = "appendix"
    section: Text | None = None

    _section_text = field_validator("section", mode="before")(_as_text)


SpaceKind = Literal["lines", "dotted", "grid", "blank"]


class WorksheetIn(_Strict):
    """How a worksheet or answer key prints (``kind: worksheet`` or ``answer-key``).

    Left out, the layout's ``worksheet:`` gives ``space``, ``line_mm`` and
    ``lines_per_mark``.
    """

    class_name: str = Field(default="", alias="class")
    date: str = ""
    time_allowed: str = ""
    instructions: str = ""
    answers: bool = False
    space: SpaceKind | None = None
    line_mm: float | None = Field(default=None, ge=4, le=20, allow_inf_nan=False)
    lines_per_mark: float | None = Field(default=None, gt=0, le=10, allow_inf_nan=False)
    unmarked_lines: int = Field(default=12, ge=1, le=200)
    lines: dict[Name, int] = {}

    @field_validator("date", "time_allowed", "class_name", mode="before")
    @classmethod
    def _typed_as_text(cls, value: object) -> object:
        # "date: 2027-03-12" reads as a date, "time_allowed: 90" as a number.
        import datetime

        scalar = (int, float, datetime.date)
        return str(value) if isinstance(value, scalar) and not isinstance(value, bool) else value

    @field_validator("lines")
    @classmethod
    def _line_counts(cls, value: dict[str, int]) -> dict[str, int]:
        for question_id, count in value.items():
            if not 0 <= count <= 200:
                raise ValueError(f"{question_id}: {count} lines; give 0 to 200 lines")
        return value


class CardsIn(_Strict):
    """Printed flashcards (``kind: flashcards``): which cards, and where the backs land."""

    which: Literal["questions", "points", "both"] = "both"
    offset_x_mm: float = Field(default=0.0, ge=-10, le=10, allow_inf_nan=False)
    offset_y_mm: float = Field(default=0.0, ge=-10, le=10, allow_inf_nan=False)


class BatchIn(_Strict):
    """A pack printed once per student (``studypack batch``): what each copy carries.

    Each is a Jinja2 line with ``student.name``, ``student.roll`` and
    ``student.batch``. Left out, ``cover`` and ``mark`` are the layout's
    ``student_cover.j2`` and ``student_mark.j2``; written empty, they print
    nothing. ``watermark`` (none by default) sets its line faintly across every page.
    """

    cover: str | None = None
    mark: str | None = None
    watermark: str = ""
    output: Text | None = None


class PackFile(_Strict):
    """One pack file as written (see docs/packs.md)."""

    title: Text
    kind: Literal["answers", "worksheet", "answer-key", "flashcards"] = "answers"
    subtitle: str = ""
    edition: str = ""
    layout: Text | None = None
    brand: BrandIn = BrandIn()
    select: SelectionIn = SelectionIn()
    group_by: Literal["topic", "paper", "year"] = "topic"
    sections: tuple[Name, ...] = ()
    order: Literal["year-desc", "year-asc", "number"] = "year-desc"
    blocks: tuple[BlockName, ...] | None = Field(default=None, min_length=1)

    @field_validator("sections", mode="before")
    @classmethod
    def _section_names(cls, value: object) -> object:
        return [_as_text(v) for v in value] if isinstance(value, list) else value

    @field_validator("blocks")
    @classmethod
    def _blocks_once(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        if value and len(set(value)) != len(value):
            raise ValueError("names a block twice; list each block once")
        return value
    revision_grid: bool = False
    trend: bool = False
    include: tuple[IncludeIn, ...] = ()
    duplex: bool | None = None
    handouts: bool = False
    impose: Literal["booklet", "2up"] | None = None
    worksheet: WorksheetIn = WorksheetIn()
    cards: CardsIn = CardsIn()
    batch: BatchIn = BatchIn()
    output: Text | None = None


FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "": tuple(PackFile.model_fields),
    "select": tuple(SelectionIn.model_fields),
    "brand": tuple(BrandIn.model_fields),
    "include": tuple(IncludeIn.model_fields),
    "worksheet": tuple(f.alias or name for name, f in WorksheetIn.model_fields.items()),
    "cards": tuple(CardsIn.model_fields),
    "batch": tuple(BatchIn.model_fields),
}


def load_pack_file(path: Path) -> tuple[PackFile, Located]:
    """Read and validate one pack file.

    Returns:
        The pack and its positions (for later messages about its values).

    Raises:
        ContentError: Every problem in the file, with line and field.
    """
    shown = rel(path)
    text, unreadable = read_source(path)
    if text is None:
        raise ContentError(unreadable)
    record, located, problems = validate_text(text, shown, PackFile, FIELD_NAMES,
                                              hint="see docs/packs.md")
    if record is None or located is None:
        raise ContentError(problems)
    return record, located
