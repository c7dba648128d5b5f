"""Plan stage for packs: a pack file + all questions → a checked ``PackPlan``.

Every problem a pack file can have (unknown topic, paper, tag or id; a
section name that matches nothing; a missing, broken or locked PDF; an output
that would overwrite an input; an empty selection) is found here, all at
once and with the pack file's line, before anything is rendered.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from ..assemble.included import file_problem
from ..content.brand import apply_brand
from ..content.packs import PackFile, load_pack_file
from ..content.validate import did_you_mean
from ..content.yamlpos import Located, dotted
from ..errors import ContentError, Diagnostic, rel
from ..model import (
    BookletPlan,
    Brand,
    ExternalPdf,
    PackPlan,
    PageBox,
    PastQuestion,
    Question,
    SelectionChange,
    TopicGroup,
)
from ..output import link_problem
from ..theme.layout import available_layouts
from .booklet import group_sections
from .select import changed_selection, select_questions
from .sheet import sheet_problems, unanswered
from .trend import trend_table
from .workspace import pdf_name_problem

PdfMeasure = Callable[[Path], tuple[PageBox, ...] | str]
"""Where each page of a PDF file is seen, or what is wrong with it (``included.measure_pdf``)."""


def _known_list(choices: list[str], limit: int = 8) -> str:
    shown = ", ".join(choices[:limit])
    return shown + (f", … ({len(choices)} in all)" if len(choices) > limit else "")


def _check_names(pack: PackFile, located: Located, shown: str,
                 questions: tuple[Question, ...]) -> list[Diagnostic]:
    known = {
        "papers": ("paper", sorted({q.paper for q in questions})),
        "topics": ("topic", sorted({t for q in questions for t in q.topics})),
        "tags": ("tag", sorted({t for q in questions for t in q.tags})),
        "ids": ("id", sorted(q.id for q in questions)),
        "exclude": ("id", sorted(q.id for q in questions)),
    }
    problems = []
    for field, (kind, choices) in known.items():
        folded = {c.casefold() for c in choices}
        for index, value in enumerate(getattr(pack.select, field)):
            if value.casefold() in folded:
                continue
            path = ("select", field, index)
            hint = did_you_mean(value, choices) or f"; known {kind}s: {_known_list(choices)}"
            problems.append(Diagnostic(shown, *located.where(path), dotted(path),
                                       f"no answer has the {kind} '{value}'{hint}"))
    years = pack.select.years
    if years and years[0] > years[1]:
        years_path = ("select", "years")
        problems.append(Diagnostic(shown, *located.where(years_path), dotted(years_path),
                                   f"the range runs backwards; write {years[1]}-{years[0]}"))
    return problems


def _measured(inc_file: str, path: Path, outputs: set[Path],
              measure_pdf: PdfMeasure | None) -> tuple[PageBox, ...] | str:
    """The included file's page boxes (none when not measured), or its problem."""
    problem = file_problem(path, inc_file)
    if problem:
        return problem
    if path.resolve() in outputs:
        return f"{inc_file} is also this pack's output; write the pack somewhere else"
    return measure_pdf(path) if measure_pdf else ()


def _includes(pack: PackFile, located: Located, shown: str, workspace: Path, *,
              section_names: list[str], output: Path, measure_pdf: PdfMeasure | None
              ) -> tuple[list[ExternalPdf], list[Diagnostic]]:
    found, problems = [], []
    names = {n.casefold(): n for n in section_names}
    for index, inc in enumerate(pack.include):
        path = workspace / inc.file
        field = f"include[{index + 1}]"
        measured = _measured(inc.file, path, {output.resolve()}, measure_pdf)
        boxes = measured if isinstance(measured, tuple) else ()
        if isinstance(measured, str):
            problem = measured
            problems.append(Diagnostic(shown, *located.where(("include", index, "file")),
                                       f"{field}.file", problem))
        section = inc.section or ""
        where = located.where(("include", index, "section"))
        if inc.where == "appendix" and section:
            problems.append(Diagnostic(shown, *where, f"{field}.section",
                                       "an appendix belongs to no section; remove 'section', "
                                       "or say where: before or where: after"))
        elif inc.where != "appendix" and section_names:
            if not section:
                problems.append(Diagnostic(shown, *located.where(("include", index)), field,
                                           f"where: {inc.where} needs a section; name one of: "
                                           f"{', '.join(section_names)}"))
            elif section.casefold() not in names:
                problems.append(Diagnostic(shown, *where, f"{field}.section",
                                           f"'{section}' is not a section of this pack"
                                           f"{did_you_mean(section, section_names)} "
                                           f"(sections: {', '.join(section_names)})"))
            else:
                section = names[section.casefold()]
        found.append(ExternalPdf(str(path), inc.title, inc.where, section, index, boxes))
    return found, problems


def _output_problems(target: Path, inputs: list[Path], located: Located, shown: str
                     ) -> list[Diagnostic]:
    where = located.where(("output",))
    link = link_problem(target)
    if link:
        return [Diagnostic(shown, *where, "output", link)]
    if _is_one_of(target, inputs):
        return [Diagnostic(shown, *where, "output", f"{rel(target)} is an input of this build; "
                           "write the pack to another file, e.g. out/packs/<name>.pdf")]
    problem = pdf_name_problem(rel(target))
    return [Diagnostic(shown, *where, "output", problem)] if problem else []


def _is_one_of(path: Path, files: list[Path]) -> bool:
    """Whether ``path`` is (through links, or another spelling) one of the existing ``files``."""
    # Compared by device and inode: resolving 400 answer paths took 20 ms
    # of every pack build, and a path that does not exist is no input.
    try:
        found = path.stat()
    except OSError:
        return False
    for file in files:
        with suppress(OSError):
            if os.path.samestat(found, file.stat()):
                return True
    return False


def _section_problems(pack: PackFile, located: Located, shown: str,
                      names: list[str]) -> list[Diagnostic]:
    problems = []
    folded = {n.casefold() for n in names}
    for index, name in enumerate(pack.sections):
        if name.casefold() not in folded:
            path = ("sections", index)
            problems.append(Diagnostic(
                shown, *located.where(path), dotted(path),
                f"no selected answer is filed under '{name}'"
                f"{did_you_mean(name, names)}; the sections are {', '.join(names)} "
                f"(with group_by: {pack.group_by}, an answer is filed under "
                + ("the first of its topics that select.topics names, else its first topic)"
                   if pack.group_by == "topic" else f"its {pack.group_by})")))
    return problems


def plan_pack(pack_path: Path, questions: tuple[Question, ...], workspace: Path, *,
              duplex: bool | None = None, output: Path | None = None,
              default_layout: tuple[str, Diagnostic | None] = ("classic", None),
              base_brand: Brand | None = None,
              measure_pdf: PdfMeasure | None = None,
              loaded: tuple[PackFile, Located] | None = None,
              asked: tuple[PastQuestion, ...] = (), kind: str | None = None,
              answers: bool | None = None,
              change: SelectionChange | None = None) -> PackPlan:
    """Check a pack file against the content and arrange its sections.

    Args:
        pack_path: The pack file.
        questions: Every loaded question.
        workspace: Folder that relative paths in the pack file start from.
        duplex: Overrides the pack's ``duplex`` when not None (the CLI flag).
        output: Overrides the pack's ``output`` when not None.
        default_layout: Layout when the pack names none, and the problem with
            it (reported only then; see ``workspace.workspace_layout``).
        base_brand: The workspace's brand (brand.yaml), under the pack's ``brand:``.
        measure_pdf: Opens and measures each included PDF, so broken ones are
            reported with the pack's other problems; None leaves them unmeasured.
        loaded: The pack file as already read (``load_pack_file``), if it was.
        asked: Past-paper questions kept without answers: a worksheet or
            answer key may select them too.
        kind: Overrides the pack's ``kind`` when not None (the CLI flag).
        answers: Overrides the pack's ``worksheet.answers`` when not None (the
            CLI flag); with ``kind``, it names the default output file.
        change: One student's changes to the selection (a roster's row).

    Returns:
        A ``PackPlan`` ready to render.

    Raises:
        ContentError: Every problem, each with the pack file's line and field.
    """
    base_brand = base_brand or Brand()
    pack, located = loaded or load_pack_file(pack_path)
    shown = rel(pack_path)
    kind = kind or pack.kind
    if kind in ("worksheet", "answer-key"):
        questions = (*questions, *unanswered(asked))
    problems = _check_names(pack, located, shown, questions)
    sel = pack.select
    chosen = select_questions(questions, papers=sel.papers, topics=sel.topics, tags=sel.tags,
                              years=sel.years, ids=sel.ids, exclude=sel.exclude)
    change = change or SelectionChange()
    if change:
        chosen = changed_selection(chosen, questions, change)
    if not chosen and not problems:
        problems.append(Diagnostic(shown, *located.where(("select",)), "select",
                                   "matches no answer; widen the years or topics, or check "
                                   "'studypack list' for what there is"))
    groups = group_sections(chosen, group_by=pack.group_by, order=pack.order,
                            stated=pack.sections,
                            wanted_topics=(*sel.topics, *change.topics))
    names = [g.topic for g in groups]
    if chosen:
        problems += _section_problems(pack, located, shown, names)
    if answers and kind != "worksheet":
        # Said at the pack's kind: line if it has one; else of the file as a whole.
        where = located.where(("kind",)) if "kind" in pack.model_fields_set else (0, 0)
        what = "prints model answers" if kind == "answers" else f"is kind: {kind}"
        problems.append(Diagnostic(shown, *where, "kind", f"--answers prints a worksheet's "
                                   f"answers, and this pack {what}; add --kind worksheet"))
    if kind != "answers":
        problems += sheet_problems(pack, located, shown, [q.id for q in questions],
                                   {q.id.casefold() for q in chosen})
    target = output or _target(pack, pack_path, workspace, kind=kind, answers=answers)
    problems += _output_problems(target, [pack_path, *(Path(q.source_path) for q in questions)],
                                 located, shown)
    includes, include_problems = _includes(pack, located, shown, workspace,
                                           section_names=names, output=target,
                                           measure_pdf=measure_pdf)
    problems += include_problems
    if pack.layout and pack.layout not in available_layouts(workspace):
        known = available_layouts(workspace)
        problems.append(Diagnostic(shown, *located.where(("layout",)), "layout",
                                   f"no layout named '{pack.layout}'"
                                   f"{did_you_mean(pack.layout, known)} (layouts: "
                                   f"{', '.join(known)})"))
    if not pack.layout and default_layout[1] is not None:
        problems.append(default_layout[1])
    brand, brand_problems = apply_brand(base_brand, pack.brand, workspace=workspace,
                                        shown=shown, located=located, prefix=("brand",))
    problems += brand_problems
    if problems:
        raise ContentError(problems)
    first, last = min(q.year for q in chosen), max(q.year for q in chosen)
    years = str(first) if first == last else f"{first}–{last}"
    sheet = kind != "answers"
    trend = None
    if pack.trend and not sheet:
        # Questions kept without answers were asked too: they count.
        also = select_questions(unanswered(asked), papers=sel.papers, topics=sel.topics,
                                tags=sel.tags, years=sel.years, ids=sel.ids,
                                exclude=sel.exclude)
        trend = trend_table((*chosen, *also))
    if sheet:
        # A sheet is one run of questions, numbered 1, 2… in the pack's order.
        groups = (TopicGroup(pack.title, tuple(q for g in groups for q in g.questions)),)
    booklet = BookletPlan(title=pack.title,
                          subtitle=pack.subtitle or f"{_kind_name(kind, pack, answers)}, {years}",
                          edition=pack.edition, groups=groups, brand=brand,
                          keywords=tuple(sorted({t for q in chosen for t in q.topics})))
    # A sheet is questions only: the pack's own PDFs and revision grid stay
    # with its answers (docs/worksheets.md).
    return PackPlan(booklet=booklet, includes=() if sheet else tuple(includes),
                    blocks=pack.blocks, revision_grid=pack.revision_grid and not sheet,
                    duplex=pack.duplex if duplex is None else duplex,
                    handouts=pack.handouts and not sheet,
                    layout=pack.layout or default_layout[0],
                    output=str(target), source_path=shown, impose=pack.impose,
                    front_matter=not sheet, trend=trend,
                    head_template="sheet_head.j2" if sheet else "running_head.j2")


def _target(pack: PackFile, pack_path: Path, workspace: Path, *, kind: str,
            answers: bool | None) -> Path:
    """The pack's output; another kind of it (or a worksheet's teacher's edition, asked
    for by a flag) is written beside it, named for its kind, not over it.
    """
    with_answers = (kind == "worksheet" and bool(answers)
                    and not (pack.kind == "worksheet" and pack.worksheet.answers))
    if pack.output and kind == pack.kind and not with_answers:
        return workspace / pack.output
    suffix = "" if kind == pack.kind else f"-{kind}"
    stem = Path(pack.output).with_suffix("") if pack.output else Path("out/packs") / pack_path.stem
    return workspace / f"{stem}{suffix}{'-with-answers' if with_answers else ''}.pdf"


SUBTITLES = {"answers": "Model answers", "worksheet": "Worksheet", "answer-key": "Answer key",
             "flashcards": "Flashcards"}
"""A pack's subtitle when it gives none, by kind, before the years it covers."""


def _kind_name(kind: str, pack: PackFile, answers: bool | None) -> str:
    shown = pack.worksheet.answers if answers is None else answers
    return "Worksheet with answers" if kind == "worksheet" and shown else SUBTITLES[kind]

