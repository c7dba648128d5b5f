"""The content schema: what a valid answer file holds.

Input: data loaded from one YAML file. Output: a validated ``AnswerFile``
(pydantic, frozen). Field names follow the exam's words: paper, part, question
number, marks, outline, key points.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints, field_validator

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# Strict: YAML reads "yes" as true, which pydantic would quietly take as 1.
Whole = Annotated[int, Strict()]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class PointIn(_Strict):
    heading: Text
    gist: Text | None = None
    body: str = ""
    subpoints: tuple[Text, ...] = ()


class SectionIn(_Strict):
    heading: Text
    body: Text


class AnswerFile(_Strict):
    """One answer file as written by an author (see docs/content-format.md)."""

    id: Slug
    exam: Text
    paper: Text
    part: Text | None = None
    year: Whole = Field(ge=1947, le=2100)
    number: Whole = Field(ge=1, le=99)
    marks: Whole | None = Field(default=None, ge=1, le=200)
    topics: tuple[Text, ...] = Field(min_length=1)
    tags: tuple[Text, ...] = ()
    question: Text
    summary: Text | None = None
    outline: tuple[Text, ...] | None = None
    introduction: Text
    points: tuple[PointIn, ...] = Field(min_length=1)
    sections: tuple[SectionIn, ...] = ()
    conclusion: Text
    references: tuple[Text, ...] = ()
    source: Text | None = None
    derived: tuple[Text, ...] = ()

    @field_validator("part", mode="before")
    @classmethod
    def _part_as_text(cls, value: object) -> object:
        # "part: 2" and "part: II" are both natural to type.
        return str(value) if isinstance(value, int) else value


FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "": tuple(AnswerFile.model_fields),
    "points": tuple(PointIn.model_fields),
    "sections": tuple(SectionIn.model_fields),
}
