"""Past-paper trends: the bank's questions → which topics were asked in which years.

Counts come from every past-paper question the bank knows: answers, and
questions kept without one (their paper and year written). A question with
two topics counts in both rows, and once in its year's total; a question in
the bank twice (an answer, and the same question imported from a list) was
asked once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..model import PastQuestion, Question, TrendTable


def trend_table(records: Iterable[Question | PastQuestion], *, papers: Iterable[str] = (),
                exams: Iterable[str] = ()) -> TrendTable | None:
    """Topics × years for the records of ``papers`` and ``exams`` (case-insensitive;
    empty keeps all); None when no record with a paper and year is left.
    """
    want_papers = {p.casefold() for p in papers}
    want_exams = {e.casefold() for e in exams}
    kept = [r for r in records if r.year is not None and r.paper is not None
            and (not want_papers or r.paper.casefold() in want_papers)
            and (not want_exams or r.exam.casefold() in want_exams)]
    if not kept:
        return None
    # One entry per question asked, with the topics of all its copies.
    # A copy is known by its number or by its words (a list may give no number).
    # Not by the part: a list seldom says it, and a paper's numbers run on across parts.
    entries: list[tuple[int, dict[str, None]]] = []
    known: dict[tuple[object, ...], int] = {}
    for r in sorted(kept, key=lambda r: r.id):
        year = r.year or 0
        paper = (r.exam.casefold(), (r.paper or "").casefold(), year)
        keys: list[tuple[object, ...]] = [
            (*paper, "words", " ".join(r.question.casefold().split()))]
        if r.number:
            keys.append((*paper, "number", r.number))
        index = next((known[k] for k in keys if k in known), None)
        if index is None:
            index = len(entries)
            entries.append((year, {}))
        for k in keys:
            known.setdefault(k, index)
        entries[index][1].update(dict.fromkeys(r.topics))
    by_topic: Counter[tuple[str, int]] = Counter()
    per_year: Counter[int] = Counter()
    for year, topics_of in entries:
        per_year[year] += 1
        for topic in topics_of:
            by_topic[topic, year] += 1
    years = tuple(range(min(per_year), max(per_year) + 1))
    topics = {topic for topic, _ in by_topic}
    rows = [(topic, tuple(by_topic[topic, year] for year in years)) for topic in topics]
    rows.sort(key=lambda row: (-sum(row[1]), row[0].casefold()))
    scope = [*(sorted({r.exam for r in kept}) if want_exams else []),
             *(sorted({r.paper or "" for r in kept}) if want_papers else [])]
    return TrendTable(" · ".join(scope), years, tuple(rows), tuple(per_year[y] for y in years))
