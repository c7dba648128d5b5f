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
from ..content.packs import BatchIn, PackFile, load_pack_file
from ..content.roster import RosterProblems, file_stem, load_roster, roster_problems
from ..content.yamlpos import Located
from ..digests import digest, tool_fingerprint
from ..errors import ContentError, Diagnostic, rel
from ..model import PastQuestion, Question, SelectionChange, Student, StudentLines
from ..theme import Theme
from ..theme.templates import render_line, render_text
from .inputs import pack_inputs
from .pack import plan_pack
from .resolve import BuildPlan, BuildRequest, resolve_build
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
        ContentError: Every problem of the roster, the pack, its ``batch:`` lines
            and the students' selections, each with its file and line (at most
            ``MOST_PROBLEMS``, then how many more).
    """
    assert request.pack is not None
    problems: list[Diagnostic] = []
    try:
        students = load_roster(roster)
    except RosterProblems as exc:
        # Its sound rows are checked on: every problem is listed in one run.
        problems, students = list(exc.diagnostics), exc.students
    except ContentError as exc:
        problems, students = list(exc.diagnostics), ()
    try:
        plan = resolve_build(request)
    except ContentError as exc:
        raise _all_of([*problems, *exc.diagnostics]) from None
    pack_file, located = load_pack_file(request.pack)
    shown = rel(request.pack)
    # Checked once with a made-up student: a mistake in a line is said once, not
    # once per student.
    problems += batch_problems(pack_file, located, shown, plan.theme,
                               plan.pack.booklet.brand.watermark)
    bank = load_bank(request.content, request.cache_dir)
    questions, asked = bank.answers, bank.questions
    if (request.kind or pack_file.kind) in ("worksheet", "answer-key"):
        # Past questions kept without answers go on worksheets too.
        questions = (*questions, *unanswered(asked))
    problems += roster_problems(students, questions, roster)
    # A student whose row has a problem already is not checked further.
    marked = {p.line for p in problems if p.path == rel(roster)}
    sound = tuple(s for s in students if s.line not in marked)
    groups = _groups(request, sound, questions=questions, asked=asked, roster=roster,
                     problems=problems)
    if problems:
        raise _all_of(problems)
    folder = _folder(request, output, pack_file.batch.output, roster)
    base = digest(tool_fingerprint(), *(f"{sha} {name}" for sha, name in pack_inputs(
        request.pack, request.content, request.workspace).listing(request.workspace)))
    copies = []
    for student in students if not problems else ():
        lines = _lines(plan, pack_file.batch, student, shown=shown, located=located,
                       roster=rel(roster))
        change = _normal(student.change)
        name = file_stem(student.name) or "student"
        copies.append(StudentCopy(student, lines, folder / f"{file_stem(student.roll)}-"
                                  f"{name}.pdf", groups[change],
                                  digest(base, repr(change), repr(lines))))
    if problems:
        raise _all_of(problems)
    return BatchPlan(request.pack, folder, tuple(groups), tuple(copies), request,
                     plan.pack.layout)


MOST_PROBLEMS = 50
"""Problems listed; a roster with more has the same mistake on every row."""


def _all_of(problems: list[Diagnostic]) -> ContentError:
    if len(problems) <= MOST_PROBLEMS:
        return ContentError(problems)
    more = len(problems) - MOST_PROBLEMS
    last = problems[MOST_PROBLEMS - 1]
    return ContentError([*problems[:MOST_PROBLEMS], Diagnostic(
        last.path, 0, 0, "", f"… and {more:,} more problem{'s' if more != 1 else ''} like "
        "these; fix those above and check again")])


def _groups(request: BuildRequest, students: tuple[Student, ...], *,
            questions: tuple[Question, ...], asked: tuple[PastQuestion, ...], roster: Path,
            problems: list[Diagnostic]) -> dict[SelectionChange, int]:
    """Each distinct selection change, numbered; a change the pack cannot take (it leaves
    nothing, or empties a section the pack names) is a problem at its first student's line.
    """
    assert request.pack is not None
    groups: dict[SelectionChange, int] = {}
    for student in students:
        change = _normal(student.change)
        if change in groups:
            continue
        if change:
            try:
                plan_pack(request.pack, questions, request.workspace, asked=asked,
                          kind=request.kind, change=change)
            except ContentError as exc:
                problems.append(Diagnostic(rel(roster), student.line, 0, "", f"with "
                                           f"{student.name}'s changes, the pack has a problem: "
                                           f"{exc.diagnostics[0].message}; change their "
                                           "topics, ids or exclude"))
                continue
        groups[change] = len(groups)
    return groups


def batch_problems(pack: PackFile, located: Located, shown: str, theme: Theme,
                   watermark: str | None) -> list[Diagnostic]:
    """The problems of a pack's ``batch:`` lines, filled in for a made-up student; a
    student watermark where the pack's brand has one already.
    """
    sample = Student("Ayesha Khan", "17", "Evening batch 3")
    problems: list[Diagnostic] = []
    for field in LINES:
        try:
            _line(theme, pack.batch, field, sample, shown=shown, located=located)
        except ContentError as exc:
            problems += exc.diagnostics
    if pack.batch.watermark and watermark:
        problems.append(Diagnostic(shown, *located.where(("batch", "watermark")),
                                   "batch.watermark", "the pack's brand has a watermark "
                                   "already, and two would cross; keep one"))
    return problems


LINES = ("cover", "mark", "watermark")
"""The lines a student's copy prints (``batch:`` in a pack file)."""


def _normal(change: SelectionChange) -> SelectionChange:
    """The same changes, however cased and ordered, are one group."""
    def norm(items: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted({i.casefold(): i for i in items}.values(), key=str.casefold))
    return SelectionChange(norm(change.topics), norm(change.ids), norm(change.exclude))


def _lines(plan: BuildPlan, batch: BatchIn, student: Student, *, shown: str,
           located: Located, roster: str) -> StudentLines:
    cover, mark, watermark = (_line(plan.theme, batch, field, student, shown=shown,
                                    located=located) for field in LINES)
    return StudentLines(cover, mark, watermark, source=f"{roster}:{student.line}")


def _line(theme: Theme, batch: BatchIn, field: str, student: Student, *, shown: str,
          located: Located) -> str:
    """One of a copy's lines for ``student``: the pack's, else the layout's template.

    Raises:
        ContentError: The line cannot be filled in (at the pack's line, or the template's).
    """
    source = getattr(batch, field)
    if source is None:  # the layout's: student_cover.j2, student_mark.j2
        return render_text(theme.templates, f"student_{field}.j2", student=student)
    line, col = located.where(("batch", field))
    where = Diagnostic(shown, line, col, f"batch.{field}", "")
    return render_line(theme.templates, source, where, student=student,
                       hint="the variables are student.name, student.roll and student.batch "
                       "(docs/batches.md)") if source else ""


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
