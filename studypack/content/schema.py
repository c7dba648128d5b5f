"""The content schema: what a valid answer file holds.

Input: data loaded from one YAML file. Output: a validated ``AnswerFile``
(pydantic, frozen). Field names follow the exam's words: paper, part, question
number, marks, outline, key points.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    field_validator,
)

from .spelling import clean_if_text


def _visible(text: str) -> str:
    # Direction marks, joiners and soft hyphens (Unicode's format characters) print
    # nothing: a field of only those is as empty as a blank one, and harder to see.
    if not any(not char.isspace() and unicodedata.category(char) not in {"Cf", "Cc"}
               for char in text):
        raise ValueError("has only invisible characters (direction marks or joiners); "
                         "write the text")
    return _no_override(text)


def _no_override(text: str) -> str:
    # Two substring searches in C: a loop over every character of every
    # field cost 60 ms on a 400-answer build.
    overrides = [f"U+{ord(c):04X}" for c in sorted(_OVERRIDES) if c in text]
    if overrides:
        raise ValueError(f"has a direction override ({', '.join(overrides)}): the letters "
                         "after it print backwards and cannot be searched for; remove it "
                         "(to set a phrase right to left, put it between U+2067 and U+2069)")
    return text


_OVERRIDES = frozenset("\u202d\u202e")
"""Left-to-right and right-to-left override: they reverse the letters they cover."""


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1),
                 AfterValidator(_visible)]
# Strict: YAML reads "yes" as true, which pydantic would quietly take as 1.
Whole = Annotated[int, Strict()]
Slug = Annotated[str, BeforeValidator(clean_if_text),
                 StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
# Names are matched by eye and typed back: one spelling (see content/spelling.py).
Name = Annotated[Text, BeforeValidator(clean_if_text)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True,
                              defer_build=True)

    @field_validator("part", mode="before", check_fields=False)
    @classmethod
    def _part_as_text(cls, value: object) -> object:
        # "part: 2" and "part: II" are both natural to type.
        return str(value) if isinstance(value, int) else value


class PointIn(_Strict):
    """One key point as written: a heading, an optional gist, its body and sub-points."""

    heading: Text
    gist: Text | None = None
    body: Annotated[str, AfterValidator(_no_override)] = ""  # may be empty: a draft's
    subpoints: tuple[Text, ...] = ()


class SectionIn(_Strict):
    """An extra section of the answer ("Way forward"): a heading and its body."""

    heading: Text
    body: Text


class AnswerFile(_Strict):
    """One answer file as written by an author (see docs/content-format.md).

    ``paper``, ``year``, ``number`` and ``question`` must be written, but may
    be left empty (``year: null``) and ``points`` may be an empty list: that
    is a *draft*, as an import writes when its source did not say. A draft is
    valid; the loader warns of each gap and leaves the answer out of builds.
    """

    id: Slug
    kind: Literal["answer", "question"] = "answer"
    exam: Name
    paper: Name | None
    part: Name | None = None
    year: Whole | None = Field(ge=1947, le=2100)
    number: Whole | None = Field(ge=1, le=99)
    marks: Whole | None = Field(default=None, ge=1, le=200)
    topics: tuple[Name, ...] = Field(min_length=1)
    tags: tuple[Name, ...] = ()
    question: Text | None
    summary: Text | None = None
    outline: tuple[Text, ...] | None = None
    introduction: Text
    points: tuple[PointIn, ...]
    sections: tuple[SectionIn, ...] = ()
    conclusion: Text
    references: tuple[Text, ...] = ()
    source: Text | None = None
    derived: tuple[Text, ...] = ()
    language: Literal["en", "ur"] | None = None



class QuestionFile(_Strict):
    """A past-paper question without an answer (``kind: question``), as imported from a
    topic-wise list of questions; worksheets use them, booklets leave them out.

    ``number`` is the question's number on its paper, when known (a list's
    own numbering is not it).
    """

    id: Slug
    kind: Literal["question"]
    exam: Name
    paper: Name | None
    part: Name | None = None
    year: Whole | None = Field(ge=1947, le=2100)
    number: Whole | None = Field(default=None, ge=1, le=99)
    marks: Whole | None = Field(default=None, ge=1, le=200)
    topics: tuple[Name, ...] = Field(min_length=1)
    tags: tuple[Name, ...] = ()
    question: Text
    source: Text | None = None
    derived: tuple[Text, ...] = ()


FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "": tuple(AnswerFile.model_fields),
    "points": tuple(PointIn.model_fields),
    "sections": tuple(SectionIn.model_fields),
}
