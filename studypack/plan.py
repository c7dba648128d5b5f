"""Plan stage: selected ``Question`` records → a ``BookletPlan``.

Groups questions by their primary (first) topic, topics alphabetically, and
orders each group with ``select.booklet_order``. Pure; no I/O.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from .model import BookletPlan, Question, TopicGroup
from .select import booklet_order


def plan_booklet(questions: Iterable[Question], *, title: str, subtitle: str = "",
                 edition: str = "", centre: str | None = None) -> BookletPlan:
    """Arrange questions into topic groups for one booklet.

    Args:
        questions: The selected questions (at least one).
        title: Cover title.
        subtitle: Cover subtitle; "" for a default built from the papers.
        edition: Edition line, e.g. "November 2026".
        centre: Coaching centre's name for the cover, or None.

    Returns:
        A frozen plan; each question appears once, under its primary topic.

    Raises:
        ValueError: No questions were given.
    """
    by_topic: dict[str, list[Question]] = defaultdict(list)
    for q in questions:
        by_topic[q.primary_topic].append(q)
    if not by_topic:
        raise ValueError("a booklet needs at least one question")
    groups = tuple(TopicGroup(topic, tuple(sorted(qs, key=booklet_order)))
                   for topic, qs in sorted(by_topic.items(), key=lambda kv: kv[0].casefold()))
    keywords = tuple(sorted({t for g in groups for q in g.questions for t in q.topics}))
    plan = BookletPlan(title=title, subtitle=subtitle, edition=edition, groups=groups,
                       centre=centre, keywords=keywords)
    if not subtitle:
        plan = replace(plan, subtitle=_default_subtitle(plan))
    return plan


def _default_subtitle(plan: BookletPlan) -> str:
    first, last = plan.years
    years = str(first) if first == last else f"{first}–{last}"
    return f"Model answers to past-paper questions, {years}"
