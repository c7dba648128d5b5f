"""The shape of a layout: pydantic models every merged ``layout.yaml`` must fit.

Input: a merged layout mapping (``layout.py`` reads and layers the files).
Output: a frozen ``LayoutSpec``, each value range-checked. Kept apart from the
reading so that ``geometry.py`` can check a spec without importing the reader.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

from ..content.colours import Colour

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _not_a_switch(value: object) -> object:
    # YAML reads "yes" and "on" as true, which pydantic would take as 1.
    if isinstance(value, bool):
        # pydantic reports a ValueError as the field's problem; a TypeError escapes.
        raise ValueError(f"must be a number, not {str(value).lower()}")  # noqa: TRY004
    return value


Measure = Annotated[float, BeforeValidator(_not_a_switch), Field(allow_inf_nan=False)]
"""A size or ratio: a finite number (NaN, .inf and true are refused), range set per field."""


class StrictModel(BaseModel):
    """Frozen, and an unknown key is a problem (a typo must not pass silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Margins(StrictModel):
    """Page margins in mm; inner is the binding side."""

    top: Measure = Field(ge=5, le=80)
    bottom: Measure = Field(ge=5, le=80)
    inner: Measure = Field(ge=5, le=80)
    outer: Measure = Field(ge=5, le=80)


class PageSpec(StrictModel):
    """Paper size, margins, whether parts start on a recto for two-sided printing, and
    whether each question starts a page (``page``) or follows the last under a rule
    (``rule``: fewer pages).
    """

    size: Literal["A4", "A5", "Letter", "Legal"]
    margins_mm: Margins
    duplex: bool = False
    question_break: Literal["page", "rule"] = "page"


class FontSpec(StrictModel):
    """Font families by role: fontpkg family names or families in ``fonts/``.

    ``arabic`` sets Arabic-script text (Quranic verses, Arabic and Persian
    phrases) in Naskh; ``urdu`` sets Urdu in Nastaliq, the hand Urdu is read in.
    """

    text: Name
    heading: Name
    mono: Name
    arabic: Name
    urdu: Name = "Noto Nastaliq Urdu"
    fallback: tuple[Name, ...] = ()


def _hyphenation_language(value: str) -> str:
    import pyphen  # here: only a layout being read needs the list of dictionaries

    if value == "none" or value in pyphen.LANGUAGES:
        return value
    from difflib import get_close_matches

    close = get_close_matches(value, ["none", *pyphen.LANGUAGES], n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    raise ValueError(f"'{value}' is not a hyphenation language{hint}; write a language "
                     "such as en_GB or en_US, or none to break lines between words only")


class TypeSpec(StrictModel):
    """Type scale: body size in points, leading as a multiple, heading ratio; how lines end.

    Attributes:
        measure: Characters a line of body text holds, about (one column only);
            the outer margin grows to keep it. 0: the margins alone set it.
        align: ``justified`` (both edges straight) or ``ragged`` (left edge only).
        hyphenation: The pyphen dictionary words are broken with, or ``none``.
        urdu_digits: Digits in Urdu text: ``urdu`` (۱۹۷۳), ``western`` (1973), or
            ``as-typed``; the numbers studypack prints for an Urdu answer (its question
            number, marks, key points) are Urdu digits unless this is ``western``.
    """

    body_pt: Measure = Field(ge=6, le=16)
    leading: Measure = Field(ge=1.0, le=2.0)
    scale: Measure = Field(ge=1.05, le=1.6)
    measure: int = Field(default=66, ge=0, le=150)
    align: Literal["justified", "ragged"] = "justified"
    hyphenation: Annotated[Name, AfterValidator(_hyphenation_language)] = "en_GB"
    urdu_digits: Literal["as-typed", "urdu", "western"] = "as-typed"


class ColourSpec(StrictModel):
    """The layout's colours: accent (bands, headings), tint (boxes), rules, text, muted."""

    accent: Colour
    tint: Colour
    rule: Colour
    text: Colour
    muted: Colour


QuestionBlock = Literal["header", "question", "summary", "key_points", "answer"]


class BlockSpec(StrictModel):
    """Which question blocks print, in order, for booklets/packs and for handouts."""

    question: tuple[QuestionBlock, ...] = Field(min_length=1)
    handout: tuple[QuestionBlock, ...] = Field(min_length=1)


class WorksheetSpec(StrictModel):
    """How worksheets draw the room to write: lines, dotted lines, a grid or blank
    space; the distance between lines (mm); and lines per mark.
    """

    space: Literal["lines", "dotted", "grid", "blank"] = "lines"
    line_mm: Measure = Field(default=8.0, ge=4, le=20)
    lines_per_mark: Measure = Field(default=1.5, gt=0, le=10)


class CardSpec(StrictModel):
    """Printed flashcards: cards across and down a sheet, and the margin (mm) around
    them, where the cut marks go.
    """

    columns: int = Field(default=2, ge=1, le=6)
    rows: int = Field(default=4, ge=1, le=8)
    margin_mm: Measure = Field(default=10.0, ge=4, le=40)


class LayoutSpec(StrictModel):
    """A fully layered layout (every field present after merging).

    Attributes:
        columns: Columns for the answer text (1, or 2 for cheap printing).
        backgrounds: Tinted bands and boxes; False keeps to rules (photocopies).
        grayscale: Greys only: a brand accent is turned into its grey.
    """

    extends: Name | None = None
    page: PageSpec
    columns: Literal[1, 2] = 1
    backgrounds: bool = True
    grayscale: bool = False
    fonts: FontSpec
    type: TypeSpec
    colours: ColourSpec
    blocks: BlockSpec
    worksheet: WorksheetSpec = WorksheetSpec()
    cards: CardSpec = CardSpec()


FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "": tuple(LayoutSpec.model_fields),
    "page": tuple(PageSpec.model_fields),
    "margins_mm": tuple(Margins.model_fields),
    "fonts": tuple(FontSpec.model_fields),
    "type": tuple(TypeSpec.model_fields),
    "colours": tuple(ColourSpec.model_fields),
    "blocks": tuple(BlockSpec.model_fields),
    "worksheet": tuple(WorksheetSpec.model_fields),
    "cards": tuple(CardSpec.model_fields),
}
