"""Selection stage: all ``Question`` records → the ones a booklet uses.

Pure functions on frozen records; no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Question, SelectionChange


def select_questions(questions: Iterable[Question], *, papers: Iterable[str] = (),
                     topics: Iterable[str] = (), tags: Iterable[str] = (),
                     years: tuple[int, int] | None = None, ids: Iterable[str] = (),
                     exclude: Iterable[str] = ()) -> tuple[Question, ...]:
    """Keep the questions that match every given filter.

    Args:
        questions: Candidates, in any order.
        papers: Paper names to keep (case-insensitive); empty keeps all.
        topics: Keep a question having any of these topics (case-insensitive).
        tags: Keep a question having any of these tags (case-insensitive).
        years: Inclusive ``(first, last)`` year range, or None for all years.
        ids: Explicit ids to keep (case-insensitive); empty keeps all.
        exclude: Ids to drop whatever else matches (case-insensitive).

    Returns:
        The matching questions in their input order.
    """
    want_papers = {p.casefold() for p in papers}
    want_topics = {t.casefold() for t in topics}
    want_tags = {t.casefold() for t in tags}
    # Ids are compared ignoring case, like every other filter.
    want_ids = {i.casefold() for i in ids}
    drop = {i.casefold() for i in exclude}
    kept = []
    for q in questions:
        if q.id.casefold() in drop:
            continue
        if want_tags and not want_tags & {t.casefold() for t in q.tags}:
            continue
        if want_papers and q.paper.casefold() not in want_papers:
            continue
        if want_topics and not want_topics & {t.casefold() for t in q.topics}:
            continue
        if years and not years[0] <= q.year <= years[1]:
            continue
        if want_ids and q.id.casefold() not in want_ids:
            continue
        kept.append(q)
    return tuple(kept)


def changed_selection(chosen: tuple[Question, ...], questions: Iterable[Question],
                      change: SelectionChange) -> tuple[Question, ...]:
    """A pack's selection with one student's changes: answers with their extra topics
    and ids added (from the whole bank), then their exclusions (ids or topics) dropped.

    Returns:
        The questions, in the bank's order.
    """
    add_topics = {t.casefold() for t in change.topics}
    add_ids = {i.casefold() for i in change.ids}
    drop = {d.casefold() for d in change.exclude}
    picked = {q.id for q in chosen}
    return tuple(
        q for q in questions
        if (q.id in picked or q.id.casefold() in add_ids
            or add_topics & {t.casefold() for t in q.topics})
        and q.id.casefold() not in drop and not drop & {t.casefold() for t in q.topics})


def booklet_order(q: Question) -> tuple[int, str, int, str]:
    """Sort key inside a topic: newest year first, then paper, question number, id."""
    return (-q.year, q.paper, q.number, q.id)


ORDERS = {
    "year-desc": booklet_order,
    "year-asc": lambda q: (q.year, q.paper, q.number, q.id),
    "number": lambda q: (q.paper, q.number, -q.year, q.id),
}
"""Orderings inside a section, by the name a pack file uses."""
