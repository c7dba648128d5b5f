"""The parts of one answer as read: ``AnswerDraft`` and its ``PointDraft``s, and the
builder that ``parse_answer`` fills in while it reads.

Input: the parts read, one by one. Output: a frozen ``AnswerDraft``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PointDraft:
    """A headed point: heading, body parts (paragraphs or ``- `` lines), sub-points."""

    heading: str
    body: tuple[str, ...] = ()
    subpoints: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnswerDraft:
    """The parts of one answer as read.

    Attributes:
        outline: Outline lines (nested lines folded into their parent's line).
        introduction, conclusion: Parts: paragraphs, or ``- `` lines of a list.
        points: Headed points in order.
        sections: ``(heading, parts)`` of "Way forward", "Analysis" … sections.
        incomplete: The text stops mid-sentence (a page cut off).
        derived: What was guessed, as ``"field: how"`` lines.
        notes: Other things the user should know (text left out, and why).
    """

    outline: tuple[str, ...] = ()
    introduction: tuple[str, ...] = ()
    points: tuple[PointDraft, ...] = ()
    sections: tuple[tuple[str, tuple[str, ...]], ...] = ()
    conclusion: tuple[str, ...] = ()
    incomplete: bool = False
    derived: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass
class OpenPoint:
    """A point while its answer is read: its body and lettered parts still growing."""

    heading: str
    body: list[str] = field(default_factory=list)
    subpoints: list[str] = field(default_factory=list)
    inline_body: bool = False


@dataclass
class DraftBuilder:
    """The parts as they are filled in (private to one ``parse_answer`` call)."""

    outline: list[str] = field(default_factory=list)
    intro: list[str] = field(default_factory=list)
    points: list[OpenPoint] = field(default_factory=list)
    sections: list[tuple[str, list[str]]] = field(default_factory=list)
    conclusion: list[str] = field(default_factory=list)
    derived: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: int = 0
    outline_marker: str = ""
    outline_glyph: str = ""
    outline_open: bool = False
    group: str = ""
    numbered: bool = False
    """A numbered point has been read (lettered lines after one may be its parts)."""
    lead: list[str] | None = None
    """The sentences between a group's title and its first point, while they are read."""

    def freeze(self, incomplete: bool) -> AnswerDraft:
        """The parts read, frozen; ``incomplete`` when the source stops mid-answer."""
        for point in self.points:
            if not point.body and point.subpoints:
                # "Ways to reduce it" over a bulleted list: the list is the point's body.
                point.body, point.subpoints = ["- " + s for s in point.subpoints], []
        return AnswerDraft(
            outline=tuple(self.outline), introduction=tuple(self.intro),
            points=tuple(PointDraft(p.heading, tuple(p.body), tuple(p.subpoints))
                         for p in self.points),
            sections=tuple((h, tuple(b)) for h, b in self.sections),
            conclusion=tuple(self.conclusion), incomplete=incomplete,
            derived=tuple(dict.fromkeys(self.derived)), notes=tuple(dict.fromkeys(self.notes)))
