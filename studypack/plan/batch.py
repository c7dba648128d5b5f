"""Plan a batch: a roster and a pack file → one copy per student, checked, named, keyed.

Everything is checked before anything is built: the roster's rows, the
topics and ids students add or leave out (against the bank), each student's
selection (it must keep at least one answer), the pack itself and its
``batch:`` lines filled in for every student. Students whose changes are
the same share one laid-out pack (a group); each copy is that pack with the
student's lines laid over it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..content import load_bank
from ..content.packs import BatchIn, load_pack_file
from ..content.roster import file_stem, load_roster, roster_problems
from ..content.yamlpos import Located
from ..digests import digest, tool_fingerprint
from ..errors import ContentError, Diagnostic, rel
from ..model import SelectionChange, Student, StudentLines
from ..theme.templates import render_line, render_text
from .inputs import pack_inputs
from .resolve import BuildPlan, BuildRequest, resolve_build
from .select import changed_selection, select_questions
from .sheet import unanswered

MANIFEST = "manifest.csv"
"""The batch folder's record of every copy: student, file, pages, bytes, SHA-256, inputs."""


@dataclass(frozen=True)
class StudentCopy:
    """One student's copy of the pack.

    Attributes:
        student: The roster's row.
        lines: The lines printed on it.
        target: The PDF to write.
        group: Index of the shared pack it is laid over (``BatchPlan.groups``).
        inputs: Digest of everything the copy is made from: the same digest
            and an unchanged file mean it is up to date.
    """

    student: Student
    lines: StudentLines
    target: Path
    group: int
    inputs: str


@dataclass(frozen=True)
class BatchPlan:
    """A batch, decided.

    Attributes:
        pack: The pack file.
        folder: Where the copies and the manifest go.
        groups: The selection change of each shared pack, in first-use order.
        copies: One per student, in roster order.
        request: The pack's build request (a group's is this with its change).
        layout: The pack's layout.
    """

    pack: Path
    folder: Path
    groups: tuple[SelectionChange, ...]
    copies: tuple[StudentCopy, ...]
    request: BuildRequest
    layout: str

    @property
    def manifest(self) -> Path:
        """The manifest file."""
        return self.folder / MANIFEST


def plan_batch(request: BuildRequest, roster: Path, *, output: Path | None = None
               ) -> BatchPlan:
    """Check a roster against a pack and plan one copy per student.

    Args:
        request: The pack's build request (its ``pack``, content, workspace, cache).
        roster: The roster file (.csv or .xlsx).
        output: The folder for the copies; None takes the pack's ``batch.output``,
            else ``out/batch/<pack>/``.

    Raises:
        ContentError: Every problem of the roster, the students' selections and
            the pack's ``batch:`` lines, each with its file and line.
    """
    assert request.pack is not None
    problems: list[Diagnostic] = []
    try:
        students = load_roster(roster)
    except ContentError as exc:
        problems, students = list(exc.diagnostics), ()
    try:
        # The pack's own problems are reported with the roster's.
        plan = resolve_build(request)
    except ContentError as exc:
        raise ContentError([*problems, *exc.diagnostics]) from None
    if problems:
        raise ContentError(problems)
    pack_file, located = load_pack_file(request.pack)
    bank = load_bank(request.content, request.cache_dir)
    questions = bank.answers
    if (request.kind or pack_file.kind) in ("worksheet", "answer-key"):
        # Past questions kept without answers go on worksheets too.
        questions = (*questions, *unanswered(bank.questions))
    problems = roster_problems(students, questions, roster)
    shown = rel(request.pack)
    sel = pack_file.select
    chosen = select_questions(questions, papers=sel.papers, topics=sel.topics, tags=sel.tags,
                              years=sel.years, ids=sel.ids, exclude=sel.exclude)
    groups: dict[SelectionChange, int] = {}
    if not problems:
        for student in students:
            change = _normal(student.change)
            if change not in groups:
                if change and not changed_selection(chosen, questions, change):
                    problems.append(Diagnostic(rel(roster), student.line, 0, "exclude",
                                               f"{student.name}'s changes leave no answer in "
                                               "the pack; exclude less"))
                    continue
                groups[change] = len(groups)
    batch = pack_file.batch
    if batch.watermark and plan.pack.booklet.brand.watermark:
        problems.append(Diagnostic(shown, *located.where(("batch", "watermark")),
                                   "batch.watermark", "the pack's brand has a watermark "
                                   "already, and two would cross; keep one"))
    folder = _folder(request, output, batch.output, roster)
    base = digest(tool_fingerprint(), *(f"{sha} {name}" for sha, name in pack_inputs(
        request.pack, request.content, request.workspace).listing(request.workspace)))
    copies = []
    for student in students if not problems else ():
        lines, line_problems = _lines(plan, batch, student, shown, located)
        problems += line_problems
        change = _normal(student.change)
        if line_problems or change not in groups:
            continue
        name = file_stem(student.name) or "student"
        copies.append(StudentCopy(student, lines, folder / f"{file_stem(student.roll)}-"
                                  f"{name}.pdf", groups[change],
                                  digest(base, repr(change), repr(lines))))
        if len(problems) > 50:
            break
    if problems:
        raise ContentError(problems)
    return BatchPlan(request.pack, folder, tuple(groups), tuple(copies), request,
                     plan.pack.layout)


def _normal(change: SelectionChange) -> SelectionChange:
    """The same changes, however cased and ordered, are one group."""
    def norm(items: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted({i.casefold(): i for i in items}.values(), key=str.casefold))
    return SelectionChange(norm(change.topics), norm(change.ids), norm(change.exclude))


def _lines(plan: BuildPlan, batch: BatchIn, student: Student, shown: str, located: Located
           ) -> tuple[StudentLines, list[Diagnostic]]:
    filled: dict[str, str] = {}
    problems: list[Diagnostic] = []
    for field in ("cover", "mark", "watermark"):
        source = getattr(batch, field)
        line, col = located.where(("batch", field))
        where = Diagnostic(shown, line, col, f"batch.{field}", "")
        try:
            if source is None:  # the layout's line (student_cover.j2, student_mark.j2)
                filled[field] = render_text(plan.theme.templates, f"student_{field}.j2",
                                            student=student)
            else:
                filled[field] = render_line(plan.theme.templates, source, where,
                                            student=student) if source else ""
        except ContentError as exc:
            problems += exc.diagnostics
    if problems:
        return StudentLines("", ""), problems
    return StudentLines(filled["cover"], filled["mark"], filled["watermark"]), []


def _folder(request: BuildRequest, output: Path | None, written: str | None,
            roster: Path) -> Path:
    if output is not None:
        return output
    if written:
        return request.workspace / written
    return request.workspace / "out" / "batch" / (file_stem(request.pack.stem if request.pack
                                                            else roster.stem) or "pack")


def group_request(plan: BatchPlan, group: int, output: Path, *, jobs: int | None
                  ) -> BuildRequest:
    """The build request of one group's shared pack."""
    return replace(plan.request, change=plan.groups[group], output=output, jobs=jobs)
