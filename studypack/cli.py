"""Command line: options in, stage calls out, errors shown as messages with exit codes.

Exit codes: 0 done; 1 content, layout or input problems (all listed);
2 usage or workspace problems; 3 an unexpected internal error (no traceback
unless STUDYPACK_DEBUG=1). Heavy modules are imported inside commands so
``--help`` stays fast.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn structured exam answers into print-ready study booklets.")
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


@contextmanager
def _reported(strict: bool = False) -> Iterator[list[str]]:
    """Run a command body; turn studypack errors and warnings into messages."""
    from .errors import ContentError, StudypackError, StudypackWarning

    notes: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", StudypackWarning)
        try:
            yield notes
        except ContentError as exc:
            for d in exc.diagnostics:
                err.print(f"[red]error[/red] {d}", highlight=False, markup=True)
            err.print(f"[red]{len(exc.diagnostics)} problem(s); nothing was written.[/red]")
            raise typer.Exit(1) from None
        except StudypackError as exc:
            err.print(f"[red]error[/red] {exc}", highlight=False)
            raise typer.Exit(2) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            if os.environ.get("STUDYPACK_DEBUG"):
                raise
            err.print(f"[red]internal error[/red] {type(exc).__name__}: {exc}\n"
                      "This is a bug in studypack; run again with STUDYPACK_DEBUG=1 "
                      "for details and report it.", highlight=False)
            raise typer.Exit(3) from None
    seen = dict.fromkeys(str(w.message) for w in caught if issubclass(w.category,
                                                                      StudypackWarning))
    for message in seen:
        err.print(f"[yellow]warning[/yellow] {message}", highlight=False)
    if strict and seen:
        err.print("[red]--strict: warnings count as errors.[/red]")
        raise typer.Exit(1)


def _workspace_for(content: Path) -> Path:
    return content.resolve().parent


@app.command()
def build(
    content: Annotated[Path | None, typer.Option(help="Folder of answer files "
                                                    "[default: content/ of the workspace]")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o",
                                                   help="PDF to write [default: out/booklet.pdf]")
                      ] = None,
    layout: Annotated[str | None, typer.Option(help="Layout name [default: classic]")] = None,
    title: Annotated[str | None, typer.Option(help="Cover title")] = None,
    subtitle: Annotated[str | None, typer.Option(help="Cover subtitle")] = None,
    edition: Annotated[str | None, typer.Option(help="Edition line, e.g. 'November 2026'")
                       ] = None,
    centre: Annotated[str | None, typer.Option(help="Coaching centre's name for the cover")
                      ] = None,
    duplex: Annotated[bool | None, typer.Option(
        "--duplex/--no-duplex", help="Start each question on a right-hand page, with "
        "blank versos, for two-sided printing")] = None,
    strict: Annotated[bool, typer.Option(help="Treat warnings as errors")] = False,
) -> None:
    """Build a booklet: cover, contents, and every answer with summary and key points.

    Defaults come from studypack.yaml in the current folder, then these flags.
    """
    with _reported(strict):
        from .build import build_booklet
        from .errors import WorkspaceError, rel
        from .workspace import load_settings

        workspace = Path.cwd()
        settings = load_settings(workspace)
        content_dir = content or workspace / settings.content
        if content is None and not content_dir.is_dir():
            raise WorkspaceError("no content/ folder here. Run this inside a studypack "
                                 "workspace, create one with 'studypack init DIR', or pass "
                                 "--content PATH.")
        target = output or workspace / settings.output
        with _progress("Laying out answers") as (start, advance):
            result = build_booklet(
                content=content_dir, output=target, layout=layout or settings.layout,
                title=title or settings.title, subtitle=subtitle or settings.subtitle,
                edition=edition if edition is not None else settings.edition,
                centre=centre if centre is not None else settings.centre,
                workspace=workspace if content is None else _workspace_for(content_dir),
                duplex=settings.duplex if duplex is None else duplex, on_start=start, on_question=lambda q: advance())
        out.print(f"Wrote [bold]{rel(result.path)}[/bold]: {result.pages} pages, "
                  f"{result.questions} questions, {result.seconds:.1f} s", highlight=False)


@contextmanager
def _progress(label: str) -> Iterator[tuple[Callable[[int], None], Callable[[], None]]]:
    """A progress bar on a terminal; silent when piped or in CI."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    quiet = not err.is_terminal or bool(os.environ.get("CI"))
    progress = Progress("[progress.description]{task.description}", BarColumn(),
                        MofNCompleteColumn(), TimeRemainingColumn(), console=err,
                        transient=True, disable=quiet)
    task: list[Any] = []
    with progress:
        def start(total: int) -> None:
            task.append(progress.add_task(label, total=total))

        def advance() -> None:
            if task:
                progress.advance(task[0])
        yield start, advance


@app.command()
def pack(
    pack_file: Annotated[Path | None, typer.Argument(
        metavar="PACK.yaml", help="Pack file, e.g. content/packs/foreign-policy.yaml")] = None,
    all_packs: Annotated[bool, typer.Option("--all", help="Build every pack in --folder")
                         ] = False,
    folder: Annotated[Path, typer.Option(help="Folder of pack files for --all")] = Path(
        "content/packs"),
    content: Annotated[Path, typer.Option(help="Folder of answer files")] = Path("content"),
    output: Annotated[Path | None, typer.Option("--output", "-o", help="PDF to write "
                                                   "(one pack only)")] = None,
    duplex: Annotated[bool | None, typer.Option(
        "--duplex/--no-duplex", help="Start sections and questions on right-hand pages "
        "[default: the pack's setting]")] = None,
    strict: Annotated[bool, typer.Option(help="Treat warnings as errors")] = False,
) -> None:
    """Build a pack: its cover and contents, sections of answers, your own PDFs, merged."""
    with _reported(strict):
        from .build import build_handouts, build_pack
        from .errors import WorkspaceError, rel

        if all_packs == (pack_file is not None):
            raise WorkspaceError("name one PACK.yaml, or use --all for every pack in "
                                 f"{rel(folder)}")
        files = sorted(folder.glob("*.yaml")) if all_packs else [pack_file]
        if not files:
            raise WorkspaceError(f"{rel(folder)} holds no pack files (*.yaml)")
        if output is not None and len(files) > 1:
            raise WorkspaceError("--output names one file; with --all each pack's own "
                                 "'output' is used")
        workspace = Path.cwd()
        for path in files:
            assert path is not None
            if not path.is_file():
                raise WorkspaceError(f"{path} is not a file")
            with _progress(f"Laying out {path.stem}") as (start, advance):
                result = build_pack(pack=path, content=content, workspace=workspace,
                                    duplex=duplex, output=output, on_start=start,
                                    on_question=lambda q: advance())
            out.print(f"Wrote [bold]{rel(result.path)}[/bold]: {result.pages} pages, "
                      f"{result.questions} questions, {result.seconds:.1f} s", highlight=False)
            if result.handouts:
                handouts = build_handouts(content=content, workspace=workspace,
                                          out_dir=result.path.parent / f"{path.stem}-handouts",
                                          ids=list(result.start_pages), layout=result.layout,
                                          centre=result.centre)
                out.print(f"Wrote {len(handouts)} handouts to "
                          f"[bold]{rel(handouts[0].path.parent)}[/bold]", highlight=False)


@app.command()
def handout(
    ids: Annotated[list[str] | None, typer.Argument(metavar="ID...",
                                                       help="Question ids (see 'studypack list')")
                   ] = None,
    all_questions: Annotated[bool, typer.Option("--all", help="One handout per question")
                             ] = False,
    content: Annotated[Path, typer.Option(help="Folder of answer files")] = Path("content"),
    out_dir: Annotated[Path, typer.Option(help="Folder for the handouts")] = Path(
        "out/handouts"),
    layout: Annotated[str, typer.Option(help="Layout name")] = "handout",
    centre: Annotated[str | None, typer.Option(help="Centre's name for the running head")
                      ] = None,
) -> None:
    """Write single-question handouts (question, summary, key points, answer) as <id>.pdf."""
    with _reported():
        from .build import build_handouts
        from .content import load_content
        from .errors import WorkspaceError, rel
        from .workspace import load_settings

        settings = load_settings(Path.cwd())
        if all_questions:
            ids = [q.id for q in load_content(content)]
        if not ids:
            raise WorkspaceError("name at least one question id, or use --all "
                                 "('studypack list' shows the ids)")
        with _progress("Writing handouts") as (start, advance):
            start(len(ids))
            results = build_handouts(content=content, workspace=Path.cwd(), out_dir=out_dir,
                                     ids=ids, layout=layout,
                                     centre=centre if centre is not None else settings.centre,
                                     on_question=lambda q: advance())
        for result in results:
            out.print(f"Wrote [bold]{rel(result.path)}[/bold]: {result.pages} page(s)",
                      highlight=False)


@app.command()
def check(
    path: Annotated[Path, typer.Argument(help="Content folder or one answer file")] = Path(
        "content"),
) -> None:
    """Validate answer files and list every problem with file:line and field."""
    with _reported():
        from .content import load_content, load_file
        from .errors import ContentError, rel

        if path.is_file():
            _, _, problems = load_file(path)
            if problems:
                raise ContentError(problems)
            count = 1
        else:
            count = len(load_content(path))
        out.print(f"[green]ok[/green] {count} answer file(s) in {rel(path)} are valid.")


@app.command("list")
def list_questions(
    content: Annotated[Path, typer.Option(help="Content folder")] = Path("content"),
) -> None:
    """Show the questions by paper, year and topic."""
    with _reported():
        from rich.table import Table

        from .content import load_content

        questions = sorted(load_content(content), key=lambda q: (q.paper, -q.year, q.number))
        table = Table("Paper", "Year", "Q", "Marks", "Topics", "Question", "Id",
                      title=f"{len(questions)} questions")
        for q in questions:
            from .content.derive import cut_at_word, plain_text
            table.add_row(q.paper, str(q.year), str(q.number), str(q.marks or ""),
                          ", ".join(q.topics), cut_at_word(plain_text(q.question), 60), q.id)
        out.print(table)


@app.command("import")
def import_answer(
    file: Annotated[Path, typer.Argument(help="Plain-text answer, e.g. copied from a web page")],
    paper: Annotated[str | None, typer.Option(help="Paper name if the text lacks it")] = None,
    exam: Annotated[str | None, typer.Option(help="Exam name if the text lacks it")] = None,
    marks: Annotated[int | None, typer.Option(help="Marks for the question")] = None,
    content: Annotated[Path, typer.Option(help="Content folder to write into")] = Path(
        "content"),
    force: Annotated[bool, typer.Option(help="Overwrite an existing file")] = False,
    dry_run: Annotated[bool, typer.Option(help="Print the YAML instead of writing it")] = False,
) -> None:
    """Turn a plain-text answer into a content file (site junk dropped, summary derived)."""
    with _reported():
        from .build import write_atomically
        from .content import load_file
        from .content.importer import import_text, slug
        from .errors import ContentError, WorkspaceError, rel

        if not file.is_file():
            raise WorkspaceError(f"{file} is not a file")
        try:
            text = file.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise WorkspaceError(f"{file} is not UTF-8 text; save it as UTF-8 first") from None
        result = import_text(text, paper=paper, exam=exam, marks=marks)
        if result.missing:
            raise WorkspaceError(f"{rel(file)}: could not find {', '.join(result.missing)}; "
                                 "add them to the text (or use --paper/--exam) and import again")
        if dry_run:
            out.print(result.yaml_text, markup=False, highlight=False)
            return
        data = result.data
        target = content / slug(str(data["paper"])) / f"{data['year']}-q{data['number']}.yaml"
        if target.exists() and not force:
            raise WorkspaceError(f"{rel(target)} already exists; use --force to overwrite it")
        write_atomically(target, result.yaml_text.encode("utf-8"))
        _, _, problems = load_file(target)
        if problems:
            raise ContentError(problems)
        out.print(f"Wrote [bold]{rel(target)}[/bold]: Q{data['number']} ({data['year']}), "
                  f"{len(data['points'])} points; derived: {', '.join(result.derived)}; "  # type: ignore[arg-type]
                  f"dropped {result.dropped_lines} line(s) of site text.", highlight=False)


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="Folder to create the workspace in")],
) -> None:
    """Create a workspace: content/ with two example answers, a layout, fonts/, out/."""
    with _reported():
        import shutil

        from .errors import WorkspaceError, rel

        starter = Path(__file__).resolve().parent / "starter"
        if directory.exists() and any(directory.iterdir()):
            raise WorkspaceError(f"{rel(directory)} is not empty; choose a new folder")
        shutil.copytree(starter, directory, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__"))
        (directory / "out").mkdir(exist_ok=True)
        (directory / "fonts").mkdir(exist_ok=True)
        out.print(f"Created a workspace in [bold]{rel(directory)}[/bold]. Next:\n"
                  f"  cd {rel(directory)}\n  studypack build", highlight=False)


def main() -> None:
    """Console-script entry point."""
    app(prog_name="studypack")


if __name__ == "__main__":
    main()
