"""Pack sections cut into chunks: the unit of layout, caching and parallel work.

Every question starts on a fresh page (a recto in duplex), so a run of
questions can be laid out on its own and the runs joined afterwards without
changing a line. Chunks are small enough to share out evenly between cores
and to re-lay only the one holding an edited answer, and large enough that
the fixed cost of a ReportLab document (about 10 ms, mostly embedding the
font subsets) stays small.

Boundaries depend on the questions' ids, not their positions ("content-
defined chunking"), so adding or removing an answer changes the chunks next
to it and leaves the others, and their cache entries, as they were.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..assemble.slots import RenderedFacts
from ..model import Question, TopicGroup

AVERAGE_CHUNK = 8
"""Questions per chunk on average: a boundary follows one question in eight."""
LARGEST_CHUNK = 12
"""A chunk is cut here whatever the ids say, to keep the work evenly shared.

Both bound what a one-answer rebuild lays out again. On the 400-answer
bench pack (``bench/bench_pack.py``), a watching process's rebuilds took up
to 18% of a cold two-core build with chunks of 12 on average and at most
24, and 10-14% with 8 and 12, for 2 MB more peak memory and 0.1 s more on
the cold build (more documents, each embedding its fonts).
"""


@dataclass(frozen=True)
class Chunk:
    """A run of consecutive questions of one pack section."""

    section: str
    questions: tuple[Question, ...]


def _ends_chunk(question: Question) -> bool:
    digest = hashlib.sha256(question.id.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % AVERAGE_CHUNK == 0


def split_groups(groups: tuple[TopicGroup, ...]) -> list[Chunk]:
    """The pack's sections as chunks, in pack order; a chunk never spans two sections."""
    chunks: list[Chunk] = []
    for group in groups:
        run: list[Question] = []
        for question in group.questions:
            run.append(question)
            if _ends_chunk(question) or len(run) == LARGEST_CHUNK:
                chunks.append(Chunk(group.topic, tuple(run)))
                run = []
        if run:
            chunks.append(Chunk(group.topic, tuple(run)))
    return chunks


@dataclass(frozen=True)
class SectionPages:
    """A section joined from its chunks.

    Attributes:
        facts: Anchors, outline and blank pages of the whole section (1-based).
        pieces: Per run of pages, in order: the chunk's index in the pack's
            chunk list, or None for a blank verso inserted before a chunk
            that must start on a recto.
    """

    facts: RenderedFacts
    pieces: tuple[int | None, ...]


def join_chunks(indices: list[int], parts: list[RenderedFacts], *, duplex: bool
                ) -> SectionPages:
    """Join a section's rendered chunks (``parts[i]`` for i in ``indices``).

    In duplex a chunk that ends on a recto is followed by a blank page, as a
    single layout would have put one there before the next question.
    """
    anchors: dict[str, int] = {}
    tops: dict[str, float] = {}
    outline: list[tuple[int, str, str]] = []
    blanks: set[int] = set()
    pieces: list[int | None] = []
    pages = 0
    for index in indices:
        if duplex and pages % 2 == 1:
            pieces.append(None)
            pages += 1
            blanks.add(pages)
        part = parts[index]
        anchors.update({key: page + pages for key, page in part.anchors.items()})
        tops.update(part.anchor_tops)
        outline.extend(part.outline)
        blanks.update(page + pages for page in part.blank_pages)
        pieces.append(index)
        pages += part.pages
    return SectionPages(RenderedFacts(anchors, tops, tuple(outline), frozenset(blanks), pages),
                        tuple(pieces))
