"""Plan stage: selected ``Question`` records → a ``BookletPlan``.

Groups questions by their primary (first) topic, topics alphabetically, and
orders each group with ``select.booklet_order``. Pure; no I/O.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from ..errors import WorkspaceError
from ..model import BookletPlan, Brand, Question, TopicGroup
from .select import booklet_order


def plan_booklet(questions: Iterable[Question], *, title: str, subtitle: str = "",
                 edition: str = "", brand: Brand | None = None) -> BookletPlan:
    """Arrange questions into topic groups for one booklet.

    Args:
        questions: The selected questions (at least one).
        title: Cover title.
        subtitle: Cover subtitle; "" for a default built from the papers.
        edition: Edition line, e.g. "November 2026".
        brand: The centre's name, logo and marks.

    Returns:
        A frozen plan; each question appears once, under its primary topic.

    Raises:
        ValueError: No questions were given.
    """
    by_topic: dict[str, list[Question]] = defaultdict(list)
    spelling: dict[str, str] = {}
    for q in questions:
        # "IR Theory" and "ir theory" are one topic, shown as first spelled.
        topic = spelling.setdefault(q.primary_topic.casefold(), q.primary_topic)
        by_topic[topic].append(q)
    if not by_topic:
        raise ValueError("a booklet needs at least one question")
    groups = tuple(TopicGroup(topic, tuple(sorted(qs, key=booklet_order)))
                   for topic, qs in sorted(by_topic.items(), key=lambda kv: kv[0].casefold()))
    keywords = tuple(sorted({t for g in groups for q in g.questions for t in q.topics}))
    plan = BookletPlan(title=title, subtitle=subtitle, edition=edition, groups=groups,
                       brand=brand or Brand(), keywords=keywords)
    if not subtitle:
        plan = replace(plan, subtitle=_default_subtitle(plan))
    return plan


def _default_subtitle(plan: BookletPlan) -> str:
    first, last = plan.years
    years = str(first) if first == last else f"{first}–{last}"
    return f"Model answers to past-paper questions, {years}"


def _section_of(q: Question, group_by: str, wanted_topics: list[str]) -> str:
    if group_by == "paper":
        return q.paper
    if group_by == "year":
        return str(q.year)
    # The pack's order of topics decides, not the answer's own order.
    own = {t.casefold(): t for t in q.topics}
    for wanted in wanted_topics:
        if wanted in own:
            return own[wanted]
    return q.primary_topic


def group_sections(questions: Iterable[Question], *, group_by: str, order: str,
                   stated: tuple[str, ...] = (), wanted_topics: Iterable[str] = ()
                   ) -> tuple[TopicGroup, ...]:
    """Group questions into pack sections.

    Args:
        questions: Selected questions.
        group_by: "topic", "paper" or "year".
        order: Ordering inside a section: a key of ``select.ORDERS``.
        stated: Section names in the order wanted; the rest follow, sorted
            (years newest first).
        wanted_topics: With topic grouping, a question goes under the first
            topic named here that it has (so a pack "by topic" files it where
            asked); without them, under its own first topic.

    Returns:
        Sections in order, each question in exactly one.
    """
    from .select import ORDERS

    wanted = [t.casefold() for t in wanted_topics]
    by_section: dict[str, list[Question]] = defaultdict(list)
    spelling: dict[str, str] = {}
    for q in questions:
        name = _section_of(q, group_by, wanted)
        by_section[spelling.setdefault(name.casefold(), name)].append(q)
    rank = {name.casefold(): i for i, name in enumerate(stated)}
    reverse_years = group_by == "year"

    def section_key(name: str) -> tuple[int, str]:
        if name.casefold() in rank:
            return (rank[name.casefold()], "")
        return (len(rank), f"{9999 - int(name):04d}" if reverse_years else name.casefold())
    key = ORDERS[order]
    return tuple(TopicGroup(name, tuple(sorted(by_section[name], key=key)))
                 for name in sorted(by_section, key=section_key))


def source_date() -> int | None:
    """The date to write into PDFs: ``SOURCE_DATE_EPOCH``, or None (no date at all).

    The reproducible-builds convention: a build that should carry a date is
    given it, so the same inputs give the same bytes on any day. Without it
    a PDF carries no date rather than the day it was made or a false one.

    Raises:
        WorkspaceError: The variable is set to anything but whole seconds since 1970.
    """
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit() or int(value) > 253402300799:  # 9999-12-31
        raise WorkspaceError(f"SOURCE_DATE_EPOCH is '{value}'; it must be the date as whole "
                             "seconds since 1970-01-01 UTC, e.g. $(date -d 2026-03-01 +%s), "
                             "or unset for PDFs without a date")
    return int(value)
