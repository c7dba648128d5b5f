"""Batches: one copy of a pack per student on a roster (``studypack batch``).

The order of a batch's stages, in one place: plan (roster, selections,
lines: every problem before anything is built) → skip the copies an earlier
run left up to date → lay out each group's shared pack once → make each
student's copy from it → write the manifest. Copies are independent jobs, run
in this process, on local processes or on a Dask cluster (``runners``).
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..digests import digest
from ..errors import WorkspaceError, rel
from ..model import Student
from ..output import link_problem
from ..plan.batch import BatchPlan, StudentCopy, group_request, plan_batch
from ..plan.resolve import BuildRequest
from .manifest import journal_of, note_row, read_manifest, up_to_date, write_manifest
from .runners import Runner, make_runner
from .tasks import CopyJob, CopyMade, Outcome, SharedPdf, build_shared, make_copy

SHARED_FOLDER = ".shared"
"""Inside the batch folder when there is no cache: each group's laid-out pack, removed
when the batch ends."""


@dataclass(frozen=True)
class BatchResult:
    """What a batch did.

    Attributes:
        folder: Where the copies are.
        manifest: The manifest written.
        built: Copies made now.
        reused: Copies an earlier run left up to date.
        failed: Each student whose copy could not be made, and why.
        groups: Shared packs laid out (students with the same selection share one).
        seconds: Wall time.
        warnings: Warnings raised while laying out and copying, each once.
        runner: Where the jobs ran ("" when every copy was up to date).
        parts: (laid-out parts taken from the cache, parts looked up) over the
            shared packs, or None without a cache.
    """

    folder: Path
    manifest: Path
    built: int
    reused: int
    failed: tuple[tuple[Student, str], ...]
    groups: int
    seconds: float
    warnings: tuple[str, ...]
    runner: str
    parts: tuple[int, int] | None = None


def build_batch(*, roster: Path, pack: Path, content: Path, workspace: Path,
                output: Path | None = None, processes: int = 1, cluster: str | None = None,
                cache_dir: Path | None = None,
                on_start: Callable[[int], None] | None = None,
                on_copy: Callable[[Student], None] | None = None) -> BatchResult:
    """Make every student's copy of ``pack``: plan, skip what is up to date, lay out, copy.

    Args:
        roster: The students (.csv or .xlsx).
        pack: The pack file.
        content: The answers' folder.
        workspace: The workspace (layouts, fonts, brand.yaml, studypack.yaml).
        output: The copies' folder (default: the pack's ``batch.output``, else
            ``out/batch/<pack>/``).
        processes: Local processes (laying out, and copies); 1 runs in this process.
        cluster: A Dask scheduler's address, or ``local:N``; copies run there.
        cache_dir: Laid-out parts kept between builds, or None.
        on_start: Told how many copies the batch has.
        on_copy: Told of each copy done (made, reused or failed).

    Raises:
        ContentError: The roster's, the pack's and the lines' problems, before
            anything is built.
        WorkspaceError: The folder cannot hold the copies, or the cluster cannot
            make them.
    """
    started = time.perf_counter()
    plan = plan_batch(BuildRequest(workspace, content, pack=pack, cache_dir=cache_dir), roster,
                      output=output)
    _check_folder(plan.folder)
    tally = _Tally(plan, on_copy)
    if on_start:
        on_start(len(plan.copies))
    previous = read_manifest(plan.manifest)
    todo = []
    for copy in plan.copies:
        row = previous.get(copy.student.roll)
        if row is not None and up_to_date(row, copy.target, copy.inputs):
            tally.kept(copy, row)
        else:
            todo.append(copy)
    reused = len(tally.rows)
    # In the cache when there is one: a run stopped at once leaves them there,
    # where old entries are trimmed, not among the copies.
    shared_folder = (cache_dir / "batch" / digest(str(plan.folder.resolve()))[:16]
                     if cache_dir else plan.folder / SHARED_FOLDER)
    runner: Runner | None = None
    groups: dict[int, SharedPdf] = {}
    try:
        if todo:
            plan.folder.mkdir(parents=True, exist_ok=True)
            # Left by a run stopped while it tidied up.
            shutil.rmtree(shared_folder, ignore_errors=True)
            runner = make_runner(cluster, processes, workspace, plan.layout)
            failed = _lay_out(plan, sorted({c.group for c in todo}), shared_folder,
                              runner=runner, processes=processes, groups=groups, tally=tally)
            for copy in todo:
                if copy.group in failed:
                    tally.failed(copy, failed[copy.group])
            jobs = [c for c in todo if c.group in groups]
            for index, outcome in runner.run(make_copy, [
                    CopyJob(groups[c.group], c.lines, c.target) for c in jobs]):
                tally.took(jobs[index], outcome)
    finally:
        if runner is not None:
            runner.close()
        tally.write_manifest()
        shutil.rmtree(shared_folder, ignore_errors=True)
    return BatchResult(plan.folder, plan.manifest, len(tally.rows) - reused, reused,
                       tuple(sorted(tally.failures, key=lambda f: f[0].line)), len(groups),
                       time.perf_counter() - started, tuple(dict.fromkeys(tally.said)),
                       runner.name if runner else "",
                       (sum(g.reused[0] for g in groups.values()),
                        sum(g.reused[1] for g in groups.values())) if cache_dir else None)


@dataclass
class _Tally:
    """What this run has done so far: the manifest's rows, the failures, the warnings."""

    plan: BatchPlan
    on_copy: Callable[[Student], None] | None
    rows: dict[str, dict[str, str]] = field(default_factory=dict)
    failures: list[tuple[Student, str]] = field(default_factory=list)
    said: list[str] = field(default_factory=list)

    def kept(self, copy: StudentCopy, row: dict[str, str]) -> None:
        """An earlier run's copy, up to date."""
        self.rows[copy.student.roll] = row
        self._done(copy)

    def failed(self, copy: StudentCopy, problem: str) -> None:
        """A copy that could not be made."""
        self.failures.append((copy.student, problem))
        self._done(copy)

    def took(self, copy: StudentCopy, outcome: Outcome) -> None:
        """A copy job's outcome: the copy made (and noted in the journal), or its failure."""
        self.said += outcome.warnings
        if outcome.problem:
            self.failed(copy, outcome.problem)
            return
        made: CopyMade = outcome.value
        s = copy.student
        self.rows[s.roll] = row = {
            "roll": s.roll, "name": s.name, "batch": s.batch, "file": copy.target.name,
            "pages": str(made.pages), "bytes": str(made.size), "sha256": made.sha256,
            "inputs": copy.inputs}
        note_row(self.plan.manifest, row)
        self._done(copy)

    def write_manifest(self) -> None:
        """The manifest of every copy there is, in roster order (the journal folded in)."""
        manifest = self.plan.manifest
        if self.rows or manifest.exists() or journal_of(manifest).exists():
            write_manifest(manifest, [self.rows[c.student.roll] for c in self.plan.copies
                                      if c.student.roll in self.rows])

    def _done(self, copy: StudentCopy) -> None:
        if self.on_copy:
            self.on_copy(copy.student)


def _lay_out(plan: BatchPlan, needed: list[int], folder: Path, *, runner: Runner,
             processes: int, groups: dict[int, SharedPdf], tally: _Tally) -> dict[int, str]:
    """Lay out each needed group's pack into ``groups``; returns the failed ones' problems."""
    requests = [group_request(plan, g, folder / f"group-{g + 1}.pdf", jobs=1) for g in needed]
    if len(requests) == 1:
        # One shared pack: laid out here, its parts spread over the local processes.
        found = iter([(0, build_shared(replace(requests[0], jobs=processes)))])
    else:
        found = runner.run(build_shared, requests)
    problems: dict[int, str] = {}
    for index, outcome in found:
        tally.said += outcome.warnings
        if outcome.problem:
            problems[needed[index]] = outcome.problem
        else:
            groups[needed[index]] = outcome.value
    return problems


def _check_folder(folder: Path) -> None:
    problem = link_problem(folder)
    if problem:
        raise WorkspaceError(problem)
    if folder.exists() and not folder.is_dir():
        raise WorkspaceError(f"{rel(folder)} is a file; the copies need a folder: give "
                             "another --output")


__all__ = ["BatchResult", "Outcome", "build_batch"]
