"""Plan stage for worksheets and answer keys: a pack's ``kind`` and ``worksheet:`` → ``SheetPlan``.

A worksheet prints questions, so it may hold past-paper questions kept
without an answer as well as answers; here they become answer records with
an empty answer, which an answer key and a teacher's edition say plainly.
"""

from __future__ import annotations

import math

from ..content.packs import PackFile
from ..content.validate import did_you_mean
from ..content.yamlpos import Located, dotted
from ..errors import Diagnostic
from ..model import PastQuestion, Question, SheetPlan
from ..theme.spec import WorksheetSpec

MIN_LINES = 4
"""The least room a marked question gets: a 1-mark question still needs a few lines."""


MAX_LINES = 200
"""The most room a question gets by the rule, as by a pack's own ``lines:`` (about 7 pages)."""


def unanswered(asked: tuple[PastQuestion, ...]) -> tuple[Question, ...]:
    """Past-paper questions whose paper and year are known, as answers with no answer.

    One whose paper or year is still to write is left out: ``studypack check``
    names it, as it names a draft.
    """
    return tuple(Question(id=q.id, exam=q.exam, paper=q.paper, year=q.year,
                          number=q.number or 0, question=q.question, summary="",
                          topics=q.topics, introduction="", points=(), conclusion="",
                          part=q.part, marks=q.marks, tags=q.tags, source_path=q.source_path)
                 for q in asked if q.paper is not None and q.year is not None)


def answer_lines(q: Question, pack: PackFile, spec: WorksheetSpec) -> int:
    """Lines of room for ``q``: the pack's own count for it, else marks × lines per
    mark (rounded up, at least ``MIN_LINES``), else ``unmarked_lines``.
    """
    sheet = pack.worksheet
    given = {k.casefold(): v for k, v in sheet.lines.items()}
    if q.id.casefold() in given:
        return given[q.id.casefold()]
    if not q.marks:
        return sheet.unmarked_lines
    per_mark = sheet.lines_per_mark or spec.lines_per_mark
    return min(MAX_LINES, max(MIN_LINES, math.ceil(q.marks * per_mark - 1e-9)))


def sheet_problems(pack: PackFile, located: Located, shown: str,
                   known_ids: list[str], chosen_ids: set[str]) -> list[Diagnostic]:
    """A ``worksheet.lines`` entry for a question the bank or the selection lacks."""
    problems = []
    folded = {i.casefold() for i in known_ids}
    for question_id in pack.worksheet.lines:
        path: tuple[str, ...] = ("worksheet", "lines", question_id)
        if question_id.casefold() not in folded:
            problems.append(Diagnostic(shown, *located.where(path), dotted(path),
                                       f"no question has the id '{question_id}'"
                                       f"{did_you_mean(question_id, known_ids)}"))
        elif question_id.casefold() not in chosen_ids:
            problems.append(Diagnostic(shown, *located.where(path), dotted(path),
                                       f"'{question_id}' is not in this pack's selection; "
                                       "remove the line, or select the question"))
    if pack.kind == "answer-key" and pack.worksheet.answers:
        path = ("worksheet", "answers")
        problems.append(Diagnostic(shown, *located.where(path), dotted(path),
                                   "an answer key always prints the key points; 'answers' is "
                                   "for kind: worksheet (the teacher's edition)"))
    return problems


def plan_sheet(pack: PackFile, chosen: tuple[Question, ...], spec: WorksheetSpec, *,
               kind: str | None = None, answers: bool | None = None) -> SheetPlan:
    """The sheet settings of ``pack``, with the layout's for what it leaves out.

    ``kind`` and ``answers`` override the pack's (the command's flags).
    """
    sheet = pack.worksheet
    return SheetPlan(
        kind=kind or pack.kind, answers=sheet.answers if answers is None else answers,
        class_name=sheet.class_name.strip(), date=sheet.date.strip(),
        time_allowed=sheet.time_allowed.strip(), instructions=sheet.instructions.strip(),
        space=sheet.space or spec.space, line_mm=sheet.line_mm or spec.line_mm,
        lines=tuple((q.id, answer_lines(q, pack, spec)) for q in chosen))
