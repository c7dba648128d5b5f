"""Terminal side of the command line: messages, warnings, progress, pack runs.

User text is never read as Rich markup; errors become messages and exit codes
here (see ``cli.py`` for the codes).
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.text import Text

if TYPE_CHECKING:
    from ..plan.inputs import BuildInputs
    from ..plan.resolve import BuildRequest

out = Console(soft_wrap=True, highlight=False)
err = Console(stderr=True, soft_wrap=True, highlight=False)


def say(console: Console, label: str, style: str, message: str) -> None:
    """Print ``label`` in ``style``, then ``message`` as written, control characters shown."""
    console.print(Text.assemble((label, style), " " if label else "", visible(message)))


def visible(text: str, keep: str = "\n\t") -> str:
    """``text`` with control and invisible characters written out as escapes.

    A file's text or name reaches the terminal in messages; an escape sequence
    in it could move the cursor or retitle the window, and a zero-width or
    direction mark would make two different spellings look alike. The
    characters in ``keep`` (line breaks and tabs of the message) stay as they are.
    """
    from ..content.spelling import joins_arabic

    if text.isprintable():
        return text
    # A joiner inside an Urdu word is part of its spelling, not a trick.
    return "".join(c if c.isprintable() or c in keep or joins_arabic(text, i) else
                   (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")
                   for i, c in enumerate(text))


@contextmanager
def reported() -> Iterator[None]:
    """Run a command body; turn studypack errors and warnings into messages."""
    from ..errors import ContentError, StrictError, StudypackError, StudypackWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", StudypackWarning)
        try:
            yield
        except ContentError as exc:
            for d in exc.diagnostics:
                say(err, "error", "red", str(d))
            say(err, "", "", f"{count(len(exc.diagnostics), 'problem')} found.")
            raise typer.Exit(1) from None
        except PackFailures as exc:
            say(err, "", "", str(exc))
            raise typer.Exit(1) from None
        except StrictError as exc:
            print_warnings(caught)
            say(err, "error", "red", str(exc))
            raise typer.Exit(1) from None
        except StudypackError as exc:
            print_warnings(caught)
            say(err, "error", "red", str(exc))
            raise typer.Exit(2) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            # Piped into `head`, which stopped reading: the reader has what it wanted.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(0) from None
        except Exception as exc:
            if os.environ.get("STUDYPACK_DEBUG"):
                raise
            say(err, "internal error", "red", f"{type(exc).__name__}: {exc}\nThis is a bug "
                "in studypack; run again with STUDYPACK_DEBUG=1 for details and report it.")
            raise typer.Exit(3) from None
    print_warnings(caught)


def warning_texts(caught: list[warnings.WarningMessage]) -> list[str]:
    """Studypack's warnings among ``caught``, each text once, in order."""
    from ..errors import StudypackWarning

    return list(dict.fromkeys(str(w.message) for w in caught
                              if issubclass(w.category, StudypackWarning)))


def print_warnings(caught: list[warnings.WarningMessage]) -> None:
    """Print each distinct studypack warning caught, once."""
    for message in warning_texts(caught):
        say(err, "warning", "yellow", message)


@contextmanager
def progress_bar(label: str) -> Iterator[tuple[Callable[[int], None], Callable[[], None]]]:
    """A progress bar (answers done, time left) on a terminal; silent when piped or in CI."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    quiet = not err.is_terminal or bool(os.environ.get("CI"))
    label_column = TextColumn(label.replace("{", "{{").replace("}", "}}"), markup=False)
    progress = Progress(label_column, BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=err, transient=True, disable=quiet)
    task: list[Any] = []
    with progress:
        def start(total: int) -> None:
            task.append(progress.add_task("", total=total))

        def advance() -> None:
            if task:
                progress.advance(task[0])
        yield start, advance


def count(n: int, noun: str) -> str:
    """"1 page", "2 pages": ``n`` and ``noun``, plural unless one."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


class PackFailures(Exception):
    """Some packs of ``pack --all`` failed (each was reported as it happened)."""


def cache_dir(workspace: Path, use: bool) -> Path | None:
    """Where laid-out parts are kept between builds, or None with ``--no-cache``."""
    return workspace / "out" / ".cache" if use else None


def reuse_note(reused: tuple[int, int] | None) -> str:
    """", 40 of 45 parts reused" after a cached build; "" when nothing was looked up."""
    if not reused or not reused[1]:
        return ""
    return f", {reused[0]} of {count(reused[1], 'part')} reused"


def imposed(pdf: Path, kind: str) -> None:
    """Impose a PDF just built, beside it (``<name>-booklet.pdf``), and say so."""
    from ..build import impose_file
    from ..errors import rel

    target = pdf.with_name(f"{pdf.stem}-{kind}.pdf")
    pages, sides = impose_file(pdf, target, kind=kind)
    sheets = count(sides // 2, "sheet") + " printed on both sides" if kind == "booklet" \
        else count(sides, "sheet side")
    say(out, "Wrote", "bold", f"{rel(target)}: {count(pages, 'page')} on {sheets}")


def one_pack(path: Path | None, content_dir: Path, workspace: Path, *, duplex: bool | None,
             output: Path | None, strict: bool, report: bool,
             processes: int | None = None, cache_dir: Path | None = None,
             impose: str | None = None, kind: str | None = None,
             answers: bool | None = None) -> bool:
    """Build one pack and its handouts; with ``report``, print a failure and go on."""
    from ..build import build_handouts, build_pack
    from ..errors import StudypackError, WorkspaceError, rel

    try:
        if path is None or not path.is_file():
            raise WorkspaceError(f"{path} is not a file")
        with progress_bar(f"Laying out {path.stem}") as (start, advance):
            result = build_pack(pack=path, content=content_dir, workspace=workspace,
                                duplex=duplex, output=output, strict=strict,
                                processes=processes, cache_dir=cache_dir, on_start=start,
                                on_question=lambda _q: advance(), kind=kind,
                                answers=answers)
        say(out, "Wrote", "bold", f"{rel(result.path)}: {count(result.pages, 'page')}, "
            f"{count(result.questions, 'question')}, {result.seconds:.1f} s"
            f"{reuse_note(result.reused)}")
        for line in result.removed:
            say(out, "", "", line)
        if result.cache_problem:
            say(err, "note", "yellow", result.cache_problem)
        if impose or result.impose:
            imposed(result.path, impose or str(result.impose))
        if result.handouts:
            folder = result.path.parent / f"{path.stem}-handouts"
            with progress_bar(f"Writing {path.stem} handouts") as (start, advance):
                start(len(result.start_pages))
                handouts = build_handouts(content=content_dir, workspace=workspace,
                                          out_dir=folder, ids=list(result.start_pages),
                                          brand=result.brand, layout="handout",
                                          strict=strict, prune=True, processes=processes,
                                          cache_dir=cache_dir, on_question=lambda _q: advance())
            say(out, "Wrote", "bold", f"{count(len(handouts), 'handout')} to {rel(folder)}"
                f"{reuse_note(handouts[0].reused) if handouts else ''}")
    except StudypackError as exc:
        if not report:
            raise
        report_failure(exc)
        return False
    return True


def report_failure(exc: Exception) -> None:
    """Print a failed build's problems, one per line (a ContentError's each with file:line)."""
    from ..errors import ContentError

    lines = [str(d) for d in exc.diagnostics] if isinstance(exc, ContentError) else [str(exc)]
    for line in lines:
        say(err, "error", "red", line)


def watch_one_pack(path: Path | None, content: Callable[[], Path], workspace: Path, *,
                   duplex: bool | None, output: Path | None, strict: bool,
                   processes: int | None, cache_dir: Path | None,
                   kind: str | None = None, answers: bool | None = None) -> None:
    """Build one pack, then again after each change to what it reads, until stopped.

    Args:
        path: The pack file.
        content: Gives the content folder; asked before each build, as
            studypack.yaml may name another one meanwhile.
        workspace: The folder studypack runs in.
        duplex: --duplex/--no-duplex, or None for the pack's own setting.
        output: -o, or None for the pack's own output.
        strict: Fail each build, writing nothing, on any warning.
        processes: --jobs.
        cache_dir: Laid-out parts kept between builds, or None.
        kind: --kind, or None for the pack's own kind.
        answers: --answers/--no-answers, or None for the pack's setting.

    Raises:
        WorkspaceError: ``path`` is not a file (nothing to watch yet).
    """
    from ..errors import StudypackError, WorkspaceError, rel
    from ..plan.inputs import pack_inputs

    if path is None or not path.is_file():
        raise WorkspaceError(f"{path} is not a file")
    pack = path
    current = [content()]

    def build() -> bool:
        try:
            current[0] = content()
        except StudypackError as exc:
            report_failure(exc)
            return False
        return one_pack(pack, current[0], workspace, duplex=duplex, output=output,
                        strict=strict, report=True, processes=processes, cache_dir=cache_dir,
                        kind=kind, answers=answers)

    keep_building(build, lambda: pack_inputs(pack, current[0], workspace),
                  f"{rel(current[0])}/, {rel(pack)} and the files the pack uses")


def keep_building(build: Callable[[], bool], inputs: Callable[[], BuildInputs],
                  watching: str) -> None:
    """Run ``build`` now and after each change to what ``inputs()`` names, until stopped.

    ``build`` prints its result or its problems and says whether it wrote.
    Each build's warnings are printed as it ends and watching goes on; a
    build that fails leaves the last good PDF where it was.
    """
    from ..errors import StudypackWarning, rel
    from .watch import watch_pack

    def once() -> None:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", StudypackWarning)
            built = build()
        print_warnings(caught)
        if not built:
            say(err, "", "", "Nothing was written; the last PDF stays as it was until the "
                "next change builds.")

    def rebuild(changed: list[Path]) -> None:
        shown = ", ".join(rel(p) for p in changed[:3])
        more = f" and {len(changed) - 3} more" if len(changed) > 3 else ""
        say(out, "Changed", "cyan", shown + more)
        once()

    watch_pack(inputs, rebuild, first=once,
               ready=lambda: say(out, "Watching", "bold", f"{watching}; Ctrl-C stops"))


def show_inputs(inputs: BuildInputs, workspace: Path, settings: dict[str, object]) -> None:
    """What a build would read and the settings it would use, for comparing two machines.

    The PDF's bytes depend on these alone: equal listings give equal PDFs.
    """
    from .. import __version__

    date = os.environ.get("SOURCE_DATE_EPOCH", "").strip() or "unset (the PDF has no date)"
    say(out, "", "", f"studypack {__version__}")
    say(out, "", "", f"SOURCE_DATE_EPOCH: {date}")
    for name, value in settings.items():
        say(out, "", "", f"{name}: {value}")
    for sha, name in inputs.listing(workspace):
        say(out, "", "", f"{sha}  {name}")


def resolved_settings(request: BuildRequest) -> dict[str, object]:
    """Every setting the build would use, by name (for ``--print-inputs``)."""
    from ..output import warnings_checked
    from ..plan.resolve import resolve_build

    with warnings_checked(request.strict):
        plan = resolve_build(request)
    # Not how a build is made: a listing equal on two computers must not
    # differ by these alone.
    skipped = {"jobs", "cache", "strict"}
    return {o.name: o.value for o in plan.origins if o.name not in skipped}


def show_plan(request: BuildRequest) -> None:
    """Every setting the build would use and where it came from; nothing is built."""
    from ..engine.cache import RenderCache
    from ..engine.make import Workers, parts
    from ..engine.parallel import job_keys
    from ..errors import rel
    from ..output import warnings_checked
    from ..plan.resolve import explain, resolve_build

    with warnings_checked(request.strict):
        plan = resolve_build(request)
    rows = explain(plan)
    width = max(len(name) for name, _, _ in rows)
    # Plain lines, never cut: a value or a file:line is read whole, or copied.
    for name, value, source in rows:
        say(out, "", "", f"{name.ljust(width)}  {value}   ({source})")
    named = parts(plan.pack, Workers(request.workspace))
    folder = request.cache_dir
    cache = RenderCache(folder) if folder else None
    kept = ([cache.has(key) for key in job_keys([job for _, job in named], plan.theme)]
            if cache else [False] * len(named))
    say(out, "", "", f"\nParts to lay out: {len(named)}"
        + (f", {sum(kept)} of them kept in {rel(folder)}" if folder else "")
        + f"; the PDF is written to {rel(Path(plan.pack.output))}")
    for (name, _), found in zip(named, kept, strict=True):
        say(out, "", "", f"  {name}{'  (kept)' if found else ''}")
    if plan.pack.handouts:
        # Where one_pack writes them: beside the pack, named after the pack file.
        folder = Path(plan.pack.output).parent / f"{Path(plan.pack.source_path).stem}-handouts"
        say(out, "", "", f"Then a handout of each of its {len(plan.pack.booklet.questions)} "
            f"answers, in {rel(folder)}")
