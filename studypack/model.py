"""Frozen records passed between the pipeline stages.

Text fields hold the author's inline Markdown subset verbatim (``**bold**``,
``*italic*``, ``[text](url)``, ``- `` bullets in bodies); only ``render/``
turns it into typeset text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class KeyPoint:
    """One numbered, headed key point of an answer.

    Attributes:
        heading: Short heading, e.g. "Counterterrorism cooperation".
        gist: One line for the key-points table (given or derived).
        body: Paragraphs, blank-line separated.
        subpoints: Bulleted sub-points under the body.
        gist_derived: True when ``gist`` was cut from the body, not written.
    """

    heading: str
    gist: str
    body: str = ""
    subpoints: tuple[str, ...] = ()
    gist_derived: bool = False


@dataclass(frozen=True)
class Section:
    """An extra headed section of an answer, such as "Way forward"."""

    heading: str
    body: str


@dataclass(frozen=True)
class Question:
    """One past-paper question with its model answer.

    Attributes:
        id: Unique id across the content folder.
        exam: Exam name, e.g. "CSS" or "PMS".
        paper: Paper name, e.g. "Pakistan Affairs".
        year: Year the paper was set.
        number: Question number on the paper.
        question: The question as set.
        summary: Two or three sentences.
        topics: At least one; the first is the primary topic used for grouping.
        outline: Outline lines (given, or derived from the structure).
        introduction, points, sections, conclusion: The full answer.
        source_path: Content file the record came from (for messages).
    """

    id: str
    exam: str
    paper: str
    year: int
    number: int
    question: str
    summary: str
    topics: tuple[str, ...]
    introduction: str
    points: tuple[KeyPoint, ...]
    conclusion: str
    part: str | None = None
    marks: int | None = None
    tags: tuple[str, ...] = ()
    outline: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    references: tuple[str, ...] = ()
    source: str | None = None
    derived: tuple[str, ...] = ()
    source_path: str = ""

    @property
    def primary_topic(self) -> str:
        return self.topics[0]

    @property
    def label(self) -> str:
        """Short label such as "Q8 · 2022"."""
        return f"Q{self.number} · {self.year}"


@dataclass(frozen=True)
class TopicGroup:
    """Questions under one topic heading, in booklet order."""

    topic: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class BookletPlan:
    """Everything the renderer needs to know about what goes in a booklet.

    Attributes:
        title: Cover and metadata title.
        subtitle: Cover subtitle.
        edition: Edition or date line on the cover, e.g. "November 2026".
        centre: Name of the coaching centre, or None.
        groups: Topic groups in order; each question appears once.
    """

    title: str
    subtitle: str
    edition: str
    groups: tuple[TopicGroup, ...]
    centre: str | None = None
    keywords: tuple[str, ...] = field(default=())

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for g in self.groups for q in g.questions)

    @property
    def exams(self) -> tuple[str, ...]:
        return tuple(sorted({q.exam for q in self.questions}))

    @property
    def papers(self) -> tuple[str, ...]:
        return tuple(sorted({q.paper for q in self.questions}))

    @property
    def years(self) -> tuple[int, int]:
        ys = [q.year for q in self.questions]
        return (min(ys), max(ys))
