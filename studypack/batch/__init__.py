"""Batches: one copy of a pack per student on a roster (``studypack batch``).

The order of a batch's stages, in one place: plan (roster, selections,
lines: every problem before anything is built) → skip the copies an earlier
run left up to date → lay out each group's shared pack once → make each
student's copy from it → write the manifest. Copies are independent jobs, run
in this process, on local processes or on a Dask cluster (``runners``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..digests import digest
from ..errors import WorkspaceError, rel
from ..model import Student
from ..output import link_problem, on_stop
from ..plan.batch import BatchPlan, StudentCopy, group_request, plan_batch
from ..plan.resolve import BuildRequest
from .manifest import (
    as_text,
    check_manifest,
    journal_of,
    note_row,
    read_manifest,
    up_to_date,
    write_manifest,
)
from .runners import Runner, make_runner
from .tasks import CopyJob, CopyMade, Outcome, SharedPdf, build_shared, make_copy


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
        stale: Copies in the folder, made by an earlier run, of students no
            longer on the roster (left where they are, for the centre to decide).
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
    stale: tuple[str, ...] = ()


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
    # Absolute: a worker on another machine knows nothing of this process's folder.
    workspace, content, pack, roster = (p.resolve() for p in (workspace, content, pack, roster))
    cache_dir = cache_dir.resolve() if cache_dir else None
    plan = plan_batch(BuildRequest(workspace, content, pack=pack, cache_dir=cache_dir), roster,
                      output=output.resolve() if output else None)
    shown_pack = _shown(pack, workspace)
    _check_folder(plan.folder)
    check_manifest(plan.manifest, shown_pack)
    tally = _Tally(plan, on_copy, shown_pack)
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
    stale = _stale(plan, previous)
    # Among the workspace's intermediate files, never among the copies: a pack
    # without a student's name is not left where copies are handed out.
    shared_folder = ((cache_dir or workspace / "out" / ".cache") / "batch"
                     / digest(str(plan.folder))[:16])
    runner: Runner | None = None
    groups: dict[int, SharedPdf] = {}
    on_stop(workers_write_in=plan.folder, temporary=shared_folder)
    try:
        if todo:
            _make_folder(plan.folder)
            # Left by a run stopped while it tidied up.
            shutil.rmtree(shared_folder, ignore_errors=True)
            # More processes than cores only queue; more than copies only start.
            cores = max(1, min(processes, os.cpu_count() or 1))
            runner = make_runner(cluster, min(cores, len(todo)), workspace, plan.layout)
            failed = _lay_out(plan, sorted({c.group for c in todo}), shared_folder,
                              runner=runner, processes=cores, groups=groups, tally=tally)
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
        on_stop(workers_write_in=plan.folder, temporary=shared_folder, forget=True)
    return BatchResult(plan.folder, plan.manifest, len(tally.rows) - reused, reused,
                       tuple(sorted(tally.failures, key=lambda f: f[0].line)), len(groups),
                       time.perf_counter() - started, tuple(dict.fromkeys(tally.said)),
                       runner.name if runner else "",
                       (sum(g.reused[0] for g in groups.values()),
                        sum(g.reused[1] for g in groups.values())) if cache_dir else None,
                       stale)


@dataclass
class _Tally:
    """What this run has done so far: the manifest's rows, the failures, the warnings."""

    plan: BatchPlan
    on_copy: Callable[[Student], None] | None
    pack: str
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
            "roll": s.roll, "name": as_text(s.name), "batch": as_text(s.batch),
            "file": copy.target.name, "pages": str(made.pages), "bytes": str(made.size),
            "sha256": made.sha256, "pack": self.pack, "inputs": copy.inputs}
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
    blocking = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()),
                    None)
    if blocking is not None:
        raise WorkspaceError(f"{rel(blocking)} is a file; the copies need a folder: give "
                             "another --output")


def _make_folder(folder: Path) -> None:
    """Make the copies' folder and see that it takes files, before any work is spent."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise WorkspaceError(f"{rel(folder)} cannot hold the copies ({exc.strerror or exc}); "
                             "give another --output") from None


def _stale(plan: BatchPlan, previous: dict[str, dict[str, str]]) -> tuple[str, ...]:
    on_roster = {c.student.roll for c in plan.copies}
    return tuple(sorted(row["file"] for roll, row in previous.items()
                        if roll not in on_roster and (plan.folder / row["file"]).is_file()))


def _shown(pack: Path, workspace: Path) -> str:
    return pack.relative_to(workspace).as_posix() if pack.is_relative_to(workspace) \
        else str(pack)


__all__ = ["BatchResult", "Outcome", "build_batch"]
