"""Where a batch's jobs run: in this process, on local worker processes, or on a Dask
cluster. All three give the same files; they differ only in how many run at once.

Local processes are Python's ``ProcessPoolExecutor`` (spawned, as the other
pools here: ReportLab keeps state per process). A cluster is Dask's
``distributed``: a scheduler's address, or ``local:N`` for a ``LocalCluster`` of N
single-threaded worker processes started here (ReportLab is not thread-safe).
Scheduling, retries after a lost worker and transport are Dask's own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Protocol

from ..errors import WorkspaceError
from .tasks import Outcome


class Runner(Protocol):
    """Runs one function over many jobs; yields (index, outcome) as each finishes."""

    name: str

    def run(self, func: Callable[[Any], Outcome], jobs: Sequence[Any]
            ) -> Iterator[tuple[int, Outcome]]:
        """Run ``func`` on each job; (its index, its outcome) in the order they finish."""
        ...

    def close(self) -> None:
        """Stop the workers (jobs not started are dropped)."""
        ...


class InlineRunner:
    """Every job in this process, one after another (one process asked for)."""

    name = "this process"

    def run(self, func: Callable[[Any], Outcome], jobs: Sequence[Any]
            ) -> Iterator[tuple[int, Outcome]]:
        """See ``Runner.run``."""
        for index, job in enumerate(jobs):
            yield index, func(job)

    def close(self) -> None:
        """See ``Runner.close``."""
        pass


class LocalRunner:
    """Jobs spread over ``processes`` worker processes on this machine."""

    def __init__(self, processes: int) -> None:
        self.name = f"{processes} local processes"
        self.pool = ProcessPoolExecutor(max_workers=processes, mp_context=get_context("spawn"))

    def run(self, func: Callable[[Any], Outcome], jobs: Sequence[Any]
            ) -> Iterator[tuple[int, Outcome]]:
        """See ``Runner.run``."""
        futures = {self.pool.submit(func, job): index for index, job in enumerate(jobs)}
        for future in as_completed(futures):
            yield futures[future], future.result()

    def close(self) -> None:
        """See ``Runner.close``."""
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskRunner:
    """Jobs on a Dask cluster: ``local:N`` starts one here, anything else is its address."""

    def __init__(self, address: str, workspace: Path, layout: str) -> None:
        from distributed import Client, LocalCluster

        self.cluster: Any = None
        if address.startswith("local:"):
            workers = _worker_count(address)
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1,
                                        processes=True, dashboard_address=None,
                                        silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
            self.name = f"a local Dask cluster of {workers} workers"
        else:
            try:
                self.client = Client(address, timeout="15s")
            except (OSError, TimeoutError, ValueError) as exc:
                raise WorkspaceError(f"--cluster {address}: no Dask scheduler answers there "
                                     f"({exc}); start one with 'dask scheduler' and workers "
                                     "with 'dask worker ADDRESS --nthreads 1'") from None
            self.name = f"the Dask cluster at {address}"
        try:
            check_workers(self.client, workspace, layout)
        except BaseException:
            self.close()
            raise

    def run(self, func: Callable[[Any], Outcome], jobs: Sequence[Any]
            ) -> Iterator[tuple[int, Outcome]]:
        """See ``Runner.run``."""
        from distributed import as_completed as completed

        futures = self.client.map(func, list(jobs), pure=False)
        index = {future.key: i for i, future in enumerate(futures)}
        for future in completed(futures):
            if future.status == "error":
                yield index[future.key], Outcome(problem=f"the cluster lost the job "
                                                 f"({future.exception()})")
            else:
                yield index[future.key], future.result()

    def close(self) -> None:
        """See ``Runner.close``."""
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _worker_count(address: str) -> int:
    count = address.removeprefix("local:")
    if not count.isdigit() or not 1 <= int(count) <= 64:
        raise WorkspaceError(f"--cluster {address}: write local:N with N workers from 1 to "
                             "64, e.g. local:2, or a scheduler's address such as "
                             "tcp://10.0.0.5:8786")
    return int(count)


def worker_facts(workspace: str, layout: str) -> tuple[str, str]:
    """On a worker: (studypack's code fingerprint, what it cannot do, or "")."""
    from ..digests import tool_fingerprint
    from ..render.fonts import register_theme_fonts
    from ..theme import load_theme

    if not Path(workspace).is_dir():
        return tool_fingerprint(), (f"cannot see the workspace {workspace}; a worker needs it "
                                    "at the same path (a shared folder)")
    try:
        register_theme_fonts(load_theme(layout, Path(workspace)))
    except Exception as exc:  # reported for this worker, with the others'
        return tool_fingerprint(), f"cannot load layout {layout} and its fonts ({exc})"
    return tool_fingerprint(), ""


def check_workers(client: Any, workspace: Path, layout: str) -> None:
    """Refuse a cluster whose workers run other code or lack the workspace or fonts.

    Raises:
        WorkspaceError: Every worker that differs, and how.
    """
    from ..digests import tool_fingerprint

    here = tool_fingerprint()
    facts = client.run(worker_facts, str(workspace), layout)
    if not facts:
        raise WorkspaceError("the Dask cluster has no workers; start some with "
                             "'dask worker ADDRESS --nthreads 1'")
    problems = [f"{worker} runs {threads} threads; ReportLab is not thread-safe: start it "
                "with 'dask worker ADDRESS --nthreads 1'"
                for worker, threads in sorted(client.nthreads().items()) if threads > 1]
    for worker, (fingerprint, problem) in sorted(facts.items()):
        if fingerprint != here:
            problems.append(f"{worker} runs another version of studypack (its code differs "
                            "from this machine's); install the same version there")
        if problem:
            problems.append(f"{worker} {problem}")
    if problems:
        raise WorkspaceError("the cluster cannot make these copies:\n  " +
                             "\n  ".join(problems))


def make_runner(cluster: str | None, processes: int, workspace: Path, layout: str) -> Runner:
    """The runner asked for: a cluster, else local processes, else this process."""
    if cluster:
        return DaskRunner(cluster, workspace, layout)
    return LocalRunner(processes) if processes > 1 else InlineRunner()
