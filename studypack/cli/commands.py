"""Command line: options in, stage calls out, errors shown as messages with exit codes.

Exit codes: 0 done; 1 content, layout or input problems (all listed);
2 usage or workspace problems; 3 an unexpected internal error (no traceback
unless STUDYPACK_DEBUG=1). Heavy modules are imported inside commands so
``--help`` stays fast. User text is never read as Rich markup.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from ..model import PastQuestion, Question
from .support import (
    PackFailures,
    cache_dir,
    count,
    err,
    imposed,
    keep_building,
    one_pack,
    out,
    progress_bar,
    report_failure,
    reported,
    resolved_settings,
    reuse_note,
    say,
    show_inputs,
    show_plan,
    visible,
    watch_one_pack,
)

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn structured exam answers into print-ready study booklets.")
def _content_dir(given: Path | None, how: str = "name the content folder (--content PATH)"
                 ) -> Path:
    """The content folder: the flag, else ``content`` from studypack.yaml."""
    from ..plan.workspace import content_folder

    return given if given is not None else content_folder(Path.cwd(), how=how)


def _brand(workspace: Path, centre: str | None) -> Any:
    """brand.yaml's brand, with the centre's name from --centre when given."""
    from dataclasses import replace

    from ..content.brand import load_brand

    brand = load_brand(workspace)
    return brand if centre is None else replace(brand, centre=centre)


def _check_impose(kind: str | None) -> None:
    """Refuse an --impose value before anything is built."""
    from ..build import IMPOSITIONS
    from ..errors import WorkspaceError

    if kind is not None and kind not in IMPOSITIONS:
        raise WorkspaceError(f"--impose {kind}: choose one of {', '.join(IMPOSITIONS)}")


PACK_KINDS = ("answers", "worksheet", "answer-key", "flashcards")


def _check_kind(kind: str | None, answers: bool | None) -> None:
    """Refuse a --kind value, or --answers on anything but a worksheet, before building."""
    from ..errors import WorkspaceError

    if kind is not None and kind not in PACK_KINDS:
        raise WorkspaceError(f"--kind {kind}: choose one of {', '.join(PACK_KINDS)}")
    if answers and kind in ("answers", "answer-key"):
        raise WorkspaceError(f"--answers prints a worksheet's answers in place of its lines; "
                             f"with --kind {kind} leave it out, or use --kind worksheet")


def _version(value: bool) -> None:
    if value:
        from .. import __version__
        out.print(f"studypack {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version,
                                                is_eager=True, help="Show the version")
                             ] = False) -> None:
    """Turn structured exam answers into print-ready study booklets."""


ContentOpt = Annotated[Path | None, typer.Option(
    "--content", help="Folder of answer files \\[default: 'content' in studypack.yaml]")]
ImposeOpt = Annotated[str | None, typer.Option(
    "--impose", metavar="booklet|2up", help="Also write the PDF laid out on sheets for "
    "printing: a folded booklet, or two pages a side (see 'studypack impose') "
    "\\[default: the pack's 'impose', else none]")]
StrictOpt = Annotated[bool, typer.Option(help="Treat warnings as errors; write nothing")]
CacheOpt = Annotated[bool, typer.Option(
    "--cache/--no-cache", help="Reuse parts laid out by earlier builds (kept in out/.cache); "
    "the PDF is the same either way")]
ExplainOpt = Annotated[bool, typer.Option(
    "--explain", help="Build nothing; show every setting the build would use and where it "
    "comes from (default, layout, studypack.yaml, pack file, brand.yaml or a flag)")]
JobsOpt = Annotated[int | None, typer.Option(
    "--jobs", "-j", min=1, help="Processes for laying out answers \\[default: one per "
    "core for 40+ questions]; never more than the cores or the parts to lay out. "
    "The PDF is the same either way")]
PrintInputsOpt = Annotated[bool, typer.Option(
    "--print-inputs", help="Build nothing; list every file the build reads with its SHA-256, "
    "and the settings it uses (equal listings give byte-identical PDFs)")]


@app.command()
def build(  # typer passes every option by name
    *,
    content: ContentOpt = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="PDF to write \\[default: out/booklet.pdf]")] = None,
    layout: Annotated[str | None, typer.Option(
        help="Layout: classic, compact, handout, print-mono, or a folder in layouts/ "
        "\\[default: classic]")] = None,
    title: Annotated[str | None, typer.Option(help="Cover title")] = None,
    subtitle: Annotated[str | None, typer.Option(help="Cover subtitle")] = None,
    edition: Annotated[str | None, typer.Option(help="Edition line, e.g. 'November 2026'")
                       ] = None,
    centre: Annotated[str | None, typer.Option(
        help="Coaching centre's name for the cover \\[default: from brand.yaml]")] = None,
    duplex: Annotated[bool | None, typer.Option(
        "--duplex/--no-duplex", help="Start each question on a right-hand page, with "
        "blank versos, for two-sided printing")] = None,
    jobs: JobsOpt = None,
    strict: StrictOpt = False,
    cache: CacheOpt = True,
    watch: Annotated[bool, typer.Option(
        "--watch", "-w", help="After building, build again each time an answer, "
        "studypack.yaml, brand.yaml or the layout changes; Ctrl-C stops")] = False,
    print_inputs: PrintInputsOpt = False,
    explain: ExplainOpt = False,
    impose: ImposeOpt = None,
) -> None:
    """Build a booklet: cover, contents, and every answer with summary and key points.

    Defaults come from studypack.yaml in the current folder, then these flags.
    """
    with reported():
        from ..errors import StudypackError, WorkspaceError, rel

        _check_impose(impose)
        workspace = Path.cwd()
        current = [_content_dir(content)]
        if output is not None:
            from ..plan.workspace import pdf_name_problem

            problem = pdf_name_problem(str(output))
            if problem:
                raise WorkspaceError(f"-o/--output: {problem}")

        def once() -> None:
            from ..build import run_build
            from ..plan.resolve import BuildRequest

            # Resolved again each time: --watch follows edits to studypack.yaml.
            current[0] = _content_dir(content)
            request = BuildRequest(
                workspace=workspace, content=current[0], output=output, layout=layout,
                title=title, subtitle=subtitle, edition=edition, centre=centre, duplex=duplex,
                strict=strict, jobs=jobs, cache_dir=cache_dir(workspace, cache))
            if print_inputs:
                from ..plan.inputs import booklet_inputs

                used = resolved_settings(request)
                show_inputs(booklet_inputs(current[0], workspace, str(used["layout"])), workspace,
                            used)
                return
            if explain:
                show_plan(request)
                return
            with progress_bar("Laying out answers") as (start, advance):
                result = run_build(request, on_start=start, on_question=lambda _q: advance())
            say(out, "Wrote", "bold", f"{rel(result.path)}: {result.pages} pages, "
                f"{count(result.questions, 'question')}, {result.seconds:.1f} s"
                f"{reuse_note(result.reused)}")
            if result.cache_problem:
                say(err, "note", "yellow", result.cache_problem)
            if impose:
                imposed(result.path, impose)

        if not watch or print_inputs or explain:
            once()
            return

        def reported_once() -> bool:
            try:
                once()
            except StudypackError as exc:
                report_failure(exc)
                return False
            return True

        from ..plan.inputs import booklet_inputs

        keep_building(reported_once, lambda: booklet_inputs(current[0], workspace, layout),
                      f"{rel(current[0])}/, studypack.yaml, brand.yaml and the layout")


@app.command()
def pack(  # typer passes every argument and option by name
    *,
    pack_file: Annotated[Path | None, typer.Argument(
        metavar="PACK.yaml", help="Pack file, e.g. content/packs/foreign-policy.yaml")] = None,
    all_packs: Annotated[bool, typer.Option("--all", help="Build every pack in --folder")
                         ] = False,
    folder: Annotated[Path, typer.Option(help="Folder of pack files for --all")] = Path(
        "content/packs"),
    content: ContentOpt = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="PDF to write "
                                                "(one pack only)")] = None,
    duplex: Annotated[bool | None, typer.Option(
        "--duplex/--no-duplex", help="Start sections and questions on right-hand pages "
        "\\[default: the pack's setting]")] = None,
    jobs: JobsOpt = None,
    strict: StrictOpt = False,
    cache: CacheOpt = True,
    watch: Annotated[bool, typer.Option(
        "--watch", "-w", help="After building, build again each time an answer, the pack "
        "file, brand.yaml, the layout or an included PDF changes; Ctrl-C stops")] = False,
    print_inputs: PrintInputsOpt = False,
    explain: ExplainOpt = False,
    impose: ImposeOpt = None,
    kind: Annotated[str | None, typer.Option(
        "--kind", metavar="answers|worksheet|answer-key|flashcards", help="Print the pack's "
        "questions as a worksheet (room to write), an answer key (key points, for marking) "
        "or flashcards to cut out, written beside the pack as <name>-worksheet.pdf, "
        "<name>-answer-key.pdf or <name>-flashcards.pdf "
        "\\[default: the pack's 'kind', else answers]")] = None,
    answers: Annotated[bool | None, typer.Option(
        "--answers/--no-answers", help="A worksheet with each answer in place of its lines "
        "(the teacher's edition) \\[default: the pack's worksheet.answers]")] = None,
) -> None:
    """Build a pack: its cover and contents, sections of answers, your own PDFs, merged;
    or its questions as a worksheet or answer key (--kind).
    """
    with reported():
        from ..errors import WorkspaceError, rel

        _check_impose(impose)
        _check_kind(kind, answers)
        if all_packs == (pack_file is not None):
            raise WorkspaceError("name one PACK.yaml, or use --all for every pack in "
                                 f"{rel(folder)}")
        if all_packs and not folder.is_dir():
            from ..plan.workspace import where_to_run

            inside = where_to_run(Path.cwd())
            raise WorkspaceError(f"{rel(folder)} is not a folder. " + (
                inside or "Name the folder of pack files with --folder."))
        files = (sorted(folder.glob("*.yaml")) if all_packs
                 else [p for p in (pack_file,) if p is not None])
        if not files:
            raise WorkspaceError(f"{rel(folder)} holds no pack files (*.yaml)")
        if output is not None and len(files) > 1:
            raise WorkspaceError("--output names one file; with --all each pack's own "
                                 "'output' is used")
        workspace = Path.cwd()
        content_dir = _content_dir(content)
        if explain:
            from ..plan.resolve import BuildRequest

            for path in files:
                show_plan(BuildRequest(workspace=workspace, content=content_dir, pack=path,
                                       output=output, duplex=duplex, strict=strict, jobs=jobs,
                                       cache_dir=cache_dir(workspace, cache), kind=kind,
                                       answers=answers))
            return
        if print_inputs:
            from ..plan.inputs import pack_inputs
            from ..plan.resolve import BuildRequest

            for path in files:
                show_inputs(pack_inputs(path, content_dir, workspace), workspace,
                            resolved_settings(BuildRequest(
                                workspace=workspace, content=content_dir, pack=path,
                                output=output, duplex=duplex, strict=strict, jobs=jobs,
                                cache_dir=cache_dir(workspace, cache), kind=kind,
                                answers=answers)))
            return
        if watch:
            if all_packs:
                raise WorkspaceError("--watch follows one pack; name its PACK.yaml")
            watch_one_pack(pack_file, lambda: _content_dir(content), workspace,
                           duplex=duplex, output=output,
                           strict=strict, processes=jobs, cache_dir=cache_dir(workspace, cache),
                           kind=kind, answers=answers)
            return
        failed = [path for path in files if not one_pack(
            path, content_dir, workspace, duplex=duplex, output=output, strict=strict,
            report=all_packs, processes=jobs, cache_dir=cache_dir(workspace, cache),
            impose=impose, kind=kind, answers=answers)]
        if failed:
            raise PackFailures(f"{len(failed)} of {count(len(files), 'pack')} failed: "
                               + ", ".join(str(p) for p in failed))


@app.command()
def handout(  # typer passes every argument and option by name
    *,
    ids: Annotated[list[str] | None, typer.Argument(
        metavar="ID...", help="Question ids (see 'studypack list')")] = None,
    all_questions: Annotated[bool, typer.Option("--all", help="One handout per question")
                             ] = False,
    content: ContentOpt = None,
    out_dir: Annotated[Path | None, typer.Option(
        help="Folder for the handouts \\[default: out/handouts]")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File for the handout of one question, instead of "
        "<out-dir>/<id>.pdf")] = None,
    layout: Annotated[str, typer.Option(help="Layout name")] = "handout",
    centre: Annotated[str | None, typer.Option(
        help="Centre's name for the running head \\[default: from brand.yaml]")] = None,
    strict: StrictOpt = False,
    cache: CacheOpt = True,
) -> None:
    """Write single-question handouts (question, summary, key points, answer) as <id>.pdf."""
    with reported():
        from ..build import build_handouts
        from ..content import load_content
        from ..errors import WorkspaceError, rel

        content_dir = _content_dir(content)
        if output is not None and out_dir is not None:
            raise WorkspaceError("give --output for one handout's file or --out-dir for a "
                                 "folder of handouts, not both")
        if all_questions and ids:
            raise WorkspaceError("give question ids or --all, not both")
        if all_questions:
            ids = [q.id for q in load_content(content_dir)]
        if not ids:
            raise WorkspaceError("name at least one question id, or use --all "
                                 "('studypack list' shows the ids)")
        with progress_bar("Writing handouts") as (start, advance):
            start(len(ids))
            results = build_handouts(content=content_dir, workspace=Path.cwd(),
                                     out_dir=out_dir or Path("out/handouts"), ids=ids,
                                     layout=layout, strict=strict,
                                     target=output,
                                     brand=_brand(Path.cwd(), centre),
                                     cache_dir=cache_dir(Path.cwd(), cache),
                                     on_question=lambda _q: advance())
        # One handout reads as a pack does, its reuse on its line; several
        # have it once, under them.
        alone = len(results) == 1
        for result in results:
            say(out, "Wrote", "bold", f"{rel(result.path)}: {count(result.pages, 'page')}"
                f"{reuse_note(result.reused) if alone else ''}")
        if results and results[0].reused and not alone:
            say(out, "", "", f"{reuse_note(results[0].reused).lstrip(', ')} from the cache")
        if results and results[0].cache_problem:
            say(err, "note", "yellow", results[0].cache_problem)


@app.command()
def check(
    path: Annotated[Path | None, typer.Argument(
        help="Content folder, one answer file or one pack file "
             "\\[default: 'content' in studypack.yaml]")] = None,
    strict: Annotated[bool, typer.Option(
        help="Fail (exit 1) on warnings too, e.g. characters no font can print")] = False,
) -> None:
    """Validate answers and packs; list every problem, and characters no font can print."""
    with reported():
        import warnings

        from ..errors import StudypackWarning
        from ..plan.checks import check_workspace
        from .support import print_warnings, warning_texts

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", StudypackWarning)
            folder = _content_dir(path, "give the folder: studypack check PATH")
            summary = check_workspace(folder, Path.cwd())
        # Listed before the verdict, which counts them: a plain "ok" under
        # them read as if they did not matter.
        print_warnings(caught)
        found = len(warning_texts(caught))
        if not found:
            say(out, "ok", "green", summary)
            return
        verdict = f"{summary[:-1]}, with {count(found, 'warning')} (above)."
        if strict:
            say(err, "error", "red", "--strict: " + ("the warning above counts as a problem"
                if found == 1 else f"the {found} warnings above count as problems"))
            raise typer.Exit(1)
        say(out, "ok", "yellow", verdict)


@app.command("list")
def list_questions(
    path: Annotated[Path | None, typer.Argument(
        help="Content folder \\[default: 'content' in studypack.yaml]")] = None,
) -> None:
    """Show the questions by paper, year and topic, with their ids."""
    with reported():
        from rich.table import Column, Table
        from rich.text import Text

        from ..content import load_bank
        from ..content.derive import cut_at_word, plain_text
        from ..model import PastQuestion

        folder = _content_dir(path, "give the folder: studypack list PATH")
        bank = load_bank(folder)
        # Questions kept without an answer are listed after the answers of their paper.
        questions: list[Question | PastQuestion] = sorted([*bank.answers, *bank.questions],
                                                          key=lambda q: (
            q.paper or "", isinstance(q, PastQuestion), -(q.year or 0), q.number or 0, q.id))
        if not out.is_terminal:
            # Piped: one tab-separated line per question, nothing cut short.
            for q in questions:
                print("\t".join(visible(field, keep="") for field in (
                    q.id, q.paper or "", str(q.year or ""), _number(q), str(q.marks or ""),
                    ", ".join(q.topics), plain_text(q.question))))
            return
        # One table per paper; ids are printed whole (they are what 'handout'
        # takes), topics wrap, and the question is cut to what the terminal has left.
        width = max(len(q.id) for q in questions)
        room = max(16, out.width - width - 46)
        for paper in dict.fromkeys(q.paper for q in questions):
            rows = [q for q in questions if q.paper == paper]
            asked = sum(isinstance(q, PastQuestion) for q in rows)
            title = f"{paper or 'Paper not given'} · {count(len(rows) - asked, 'answer')}" + (
                f", {count(asked, 'question')} without answers (Q shows –)" if asked else "")
            table = Table(Column("Id", no_wrap=True, min_width=width),
                          Column("Year", no_wrap=True), Column("Q", no_wrap=True),
                          Column("Marks", no_wrap=True), Column("Topics", min_width=12),
                          Column("Question", no_wrap=True, max_width=room),
                          title=title, title_justify="left")
            for q in rows:
                # Text, not markup: a topic such as "[Kashmir]" is printed as written.
                table.add_row(*(Text(visible(cell, keep="")) for cell in (
                    q.id, str(q.year or ""), _number(q), str(q.marks or ""),
                    ", ".join(q.topics), cut_at_word(plain_text(q.question), room))))
            out.print(table)
        if bank.drafts:
            say(out, "drafts", "yellow", f"{count(len(bank.drafts), 'file')} not listed, as "
                "they leave fields to write: " + ", ".join(bank.drafts[:5])
                + (" …" if len(bank.drafts) > 5 else "") + " ('studypack check' names each)")


def _number(q: Question | PastQuestion) -> str:
    """The question number as ``list`` shows it: ``–`` for a question without an answer."""
    from ..model import PastQuestion

    if isinstance(q, PastQuestion):
        return "–"
    return str(q.number)


@app.command("import")
def import_answer(  # typer passes every argument and option by name
    *,
    files: Annotated[list[Path], typer.Argument(
        metavar="FILE|FOLDER", help="Answers to import: .txt, .html/.htm (saved web "
        "pages), .md or .docx files, or folders of them")],
    paper: Annotated[str | None, typer.Option(help="Paper name (overrides the page)")] = None,
    exam: Annotated[str | None, typer.Option(help="Exam name (overrides the page)")] = None,
    year: Annotated[int | None, typer.Option(help="Year (overrides the page)")] = None,
    number: Annotated[int | None, typer.Option(
        help="Question number (one file with one answer only)")] = None,
    marks: Annotated[int | None, typer.Option(help="Marks for the question(s)")] = None,
    content: ContentOpt = None,
    force: Annotated[bool, typer.Option(help="Overwrite existing content files")] = False,
    dry_run: Annotated[bool, typer.Option(help="Show the report and the YAML; write nothing")
                       ] = False,
) -> None:
    """Turn answers from web pages, Word files and notes into content files.

    A file holding several answers ("Q. No. 2: … Q. No. 3: …") gives one content
    file each, under content/<paper>/<exam>-<year>-q<number>.yaml. Site junk is dropped,
    broken characters repaired, and every guess listed in the file's 'derived:'.
    """
    code = 0
    with reported():
        from ..content.importing import Options
        from .importing import run_import

        folder = content if content is not None else Path.cwd() / "content"
        if folder.exists() and not folder.is_dir():
            from ..errors import WorkspaceError, rel

            raise WorkspaceError(f"--content {rel(folder)} is a file, not a folder; name the "
                                 "folder the answers go into")
        code = run_import(files, Options(paper=paper, exam=exam, year=year, number=number,
                                         marks=marks), content=folder, force=force,
                          dry_run=dry_run)
    if code:
        raise typer.Exit(code)


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="Folder to create the workspace in")],
    centre: Annotated[str | None, typer.Option(
        help="Your centre's name for covers and running heads \\[default: from the "
        "folder's name]")] = None,
) -> None:
    """Create a workspace: content/ with two example answers, a layout, fonts/, out/."""
    with reported():
        import shutil

        from ..errors import WorkspaceError, rel

        starter = Path(__file__).resolve().parent.parent / "starter"
        if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
            raise WorkspaceError(f"{rel(directory)} exists and is not an empty folder; "
                                 "choose a new folder")
        try:
            shutil.copytree(starter, directory, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__"))
            (directory / "out").mkdir(exist_ok=True)
            (directory / "fonts").mkdir(exist_ok=True)
            name = centre if centre is not None else _name_from_folder(directory)
            _set_centre(directory / "brand.yaml", name)
        except OSError as exc:
            raise WorkspaceError(f"cannot create {rel(directory)}: {exc.strerror}") from None
        where = "" if centre is not None else " (from the folder's name)"
        say(out, "Created", "bold", f"a workspace in {rel(directory)}, for '{name}'{where}; "
            f"change the name and contact in {rel(directory / 'brand.yaml')}. Next:\n"
            f"  cd {rel(directory)}\n  studypack build")


def _name_from_folder(directory: Path) -> str:
    """"al-noor_academy" → "Al Noor Academy": a centre's name to start from."""
    words = directory.resolve().name.replace("-", " ").replace("_", " ").split()
    return " ".join(w[:1].upper() + w[1:] for w in words) or "My Centre"


def _set_centre(brand: Path, name: str) -> None:
    """Write ``name`` as the centre in a starter brand.yaml, quoted as YAML needs."""
    import json

    text = brand.read_text(encoding="utf-8")
    # A JSON string is a YAML double-quoted scalar: any name survives the round trip.
    line = f"centre: {json.dumps(name, ensure_ascii=False)}"
    brand.write_text(text.replace("centre: null", line, 1), encoding="utf-8")


@app.command()
def trend(
    *,
    paper: Annotated[list[str] | None, typer.Option(
        "--paper", help="Count only this paper's questions (repeat for more)")] = None,
    exam: Annotated[list[str] | None, typer.Option(
        "--exam", help="Count only this exam's questions, e.g. CSS (repeat for more)")] = None,
    content: ContentOpt = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="PDF to write \\[default: out/trend.pdf]")] = None,
) -> None:
    """Show which topics were asked in which years (from the bank's answers and
    questions), and write it as a one-page PDF.
    """
    with reported():
        from rich.table import Table

        from ..build import write_trend
        from ..errors import rel
        from ..render.trend import YEARS_PER_TABLE

        path, table = write_trend(content=_content_dir(content), workspace=Path.cwd(),
                                  output=output, papers=tuple(paper or ()),
                                  exams=tuple(exam or ()))
        # In runs of years, as the PDF prints them: 36 columns fit no terminal.
        for start in range(0, len(table.years), YEARS_PER_TABLE):
            run = slice(start, start + YEARS_PER_TABLE)
            shown = Table(title="Past-paper trends" + (f" · {table.scope}" if table.scope
                                                        else ""), title_justify="left")
            shown.add_column("Topic", min_width=12)
            for year in table.years[run]:
                shown.add_column(f"{year % 100:02d}", justify="right", no_wrap=True)
            shown.add_column("All", justify="right", style="bold", no_wrap=True)
            for topic, counts in table.rows:
                shown.add_row(topic, *(str(n) if n else "·" for n in counts[run]),
                              str(sum(counts)))
            shown.add_section()
            shown.add_row("Questions", *(str(n) if n else "·" for n in table.totals[run]),
                          str(sum(table.totals)), style="bold")
            out.print(shown)
        span = (f"{table.years[0]}–{table.years[-1]}" if len(table.years) > 1
                else str(table.years[0]))
        say(out, "Wrote", "bold", f"{rel(path)}: {count(len(table.rows), 'topic')} in {span}")


@app.command()
def anki(
    *,
    pack_file: Annotated[Path | None, typer.Argument(
        metavar="[PACK.yaml]", help="A pack's questions \\[default: every answer]")] = None,
    content: ContentOpt = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Deck to write \\[default: the pack's PDF name with .apkg, "
        "or out/deck.apkg]")] = None,
) -> None:
    """Write an Anki deck: a card per question and per key point, tagged by exam, paper,
    year and topic.
    """
    with reported():
        from ..build import export_anki
        from ..errors import WorkspaceError, rel

        if pack_file is not None and not pack_file.is_file():
            raise WorkspaceError(f"{pack_file} is not a pack file; name one in content/packs/")
        path, notes, questions = export_anki(content=_content_dir(content),
                                             workspace=Path.cwd(), output=output,
                                             pack=pack_file)
        say(out, "Wrote", "bold", f"{rel(path)}: {count(notes, 'note')} from "
            f"{count(questions, 'question')}; import it in Anki (File › Import), and again "
            "after edits: the notes are updated, not copied")


@app.command()
def batch(  # typer passes every argument and option by name
    *,
    roster: Annotated[Path, typer.Argument(
        metavar="ROSTER", help="Students, one a row: a .csv or .xlsx file with columns name "
        "and roll, and if wanted batch, topics, ids and exclude")],
    pack_file: Annotated[Path, typer.Argument(
        metavar="PACK.yaml", help="The pack each student gets, e.g. "
        "content/packs/foreign-policy.yaml")],
    content: ContentOpt = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Folder for the copies \\[default: the pack's batch.output, "
        "else out/batch/<pack>/]")] = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, help="Local processes \\[default: one per core]")] = None,
    cluster: Annotated[str | None, typer.Option(
        "--cluster", metavar="ADDRESS|local:N", help="Make the copies on a Dask cluster: "
        "a scheduler's address (tcp://host:8786), or local:N to start N workers here "
        "\\[default: 'cluster' in studypack.yaml, else local processes]")] = None,
    cache: CacheOpt = True,
) -> None:
    """Make a copy of a pack for each student on a roster, named on its cover and pages.

    See docs/batches.md.
    """
    with reported():
        from ..batch import build_batch
        from ..errors import WorkspaceError, rel
        from ..plan.workspace import load_settings

        for given, what in ((roster, "roster"), (pack_file, "pack file")):
            if not given.is_file():
                raise WorkspaceError(f"{given} is not a file; name the {what}")
        workspace = Path.cwd()
        cluster = cluster or load_settings(workspace, using=("cluster",)).cluster or None
        with progress_bar("Students") as (start, advance):
            result = build_batch(roster=roster, pack=pack_file, content=_content_dir(content),
                                 workspace=workspace, output=output,
                                 processes=jobs or os.cpu_count() or 1, cluster=cluster,
                                 cache_dir=cache_dir(workspace, cache), on_start=start,
                                 on_copy=lambda _s: advance())
        for text in result.warnings:
            say(err, "warning", "yellow", text)
        if result.stale:
            shown = ", ".join(result.stale[:5]) + (" …" if len(result.stale) > 5 else "")
            copies = "1 copy" if len(result.stale) == 1 else f"{len(result.stale)} copies"
            say(err, "note", "yellow", f"{copies} in "
                f"{rel(result.folder)}/ made for students no longer on the roster: {shown}; "
                "delete them if those students have left")
        for student, problem in result.failed:
            say(err, "failed", "red", f"{student.name} (roll {student.roll}, line "
                f"{student.line}): {problem}")
        total = result.built + result.reused + len(result.failed)
        say(out, "Done", "bold", f"{rel(result.folder)}/: {count(total, 'student')}: "
            f"{result.built} built, {result.reused} up to date, {len(result.failed)} failed "
            f"({result.seconds:.1f} s{' on ' + result.runner if result.runner else ''}); "
            f"the list is "
            f"{rel(result.manifest)}")
        if result.failed:
            raise PackFailures(f"{len(result.failed)} of {total} copies could not be made; fix "
                               "what is said above and run again: the others are kept")


@app.command()
def impose(
    *,
    pdf: Annotated[Path, typer.Argument(metavar="PDF", help="A finished PDF, e.g. "
                                        "out/packs/foreign-policy.pdf")],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="PDF of sheets to write \\[default: <name>-booklet.pdf or "
        "<name>-2up.pdf beside it]")] = None,
    two_up: Annotated[bool, typer.Option(
        "--2up", help="Two pages a side in reading order, instead of a folded booklet")
                      ] = False,
    signature: Annotated[int | None, typer.Option(
        help="Pages in each folded section of a thick booklet (a multiple of 4, e.g. 16)")
                         ] = None,
    creep: Annotated[float, typer.Option(
        help="Millimetres the innermost sheet's pages move towards the spine, so that "
        "a thick booklet's fore-edge lines up (0.1 mm a sheet of 80 g/m² paper)")] = 0.0,
) -> None:
    """Lay a PDF out on sheets for a folded, stapled booklet (A4 pages on A3, A5 on A4), or 2-up."""
    with reported():
        from ..build import impose_file
        from ..errors import rel

        kind = "2up" if two_up else "booklet"
        target = output or pdf.with_name(f"{pdf.stem}-{kind}.pdf")
        pages, sides = impose_file(pdf, target, kind=kind, signature=signature,
                                   creep_mm=creep)
        what = (f"{count(sides // 2, 'sheet')} printed on both sides (flip on the short "
                "edge), folded in the middle" if kind == "booklet"
                else count(sides, "sheet side"))
        say(out, "Wrote", "bold", f"{rel(target)}: {count(pages, 'page')} on {what}")


@app.command()
def serve(
    *,
    host: Annotated[str, typer.Option(
        help="Address to listen on; another than 127.0.0.1 opens the workbench to the "
        "network and needs a staff password")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8765,
    content: ContentOpt = None,
    set_password: Annotated[bool, typer.Option(
        "--set-password", help="Set the staff password (asked twice, stored as a salted "
        "hash in .studypack/) and stop")] = False,
) -> None:
    """Start the workbench: find questions, build packs and download PDFs in a browser."""
    with reported():
        from ..errors import WorkspaceError
        from ..web import serve as run_server
        from ..web.security import set_password as store_password

        workspace = Path.cwd()
        if set_password:
            password = typer.prompt("Staff password", hide_input=True,
                                    confirmation_prompt=True)
            if len(password) < 8:
                raise WorkspaceError("a staff password needs at least 8 characters")
            say(out, "Stored", "bold", f"a hash of the password in "
                f"{store_password(workspace, password).relative_to(workspace)}")
            return
        content_dir = _content_dir(content)
        if not 0 < port < 65536:
            raise WorkspaceError(f"--port {port} is not a port; give one from 1 to 65535")

        def ready(address: str) -> None:
            say(out, "Serving", "bold", f"the workbench of {workspace.name} at {address} "
                "(Ctrl-C stops it)")

        run_server(workspace, content_dir, host=host, port=port, on_ready=ready)


SHOW_CURSOR = "\x1b[?25h"
"""Terminal control sequence that shows the cursor again (ECMA-48 private mode 25)."""


def _stop(signum: int, _frame: object) -> None:
    # Not an exception: ReportLab catches everything raised inside a layout
    # (SystemExit and KeyboardInterrupt too) and re-raises it as a message
    # about the paragraph, and waiting for worker processes the same signal
    # has killed can hang. So: remove what is half-written, kill the
    # workers, say so, and leave at once.
    # Only what was loaded can have work in progress: nothing is imported here.
    # The workers first: one writing a copy (studypack batch) would otherwise
    # leave a new file after its folder was tidied.
    processes = sys.modules.get("multiprocessing")
    if processes is not None:
        for child in processes.active_children():
            child.kill()
    output = sys.modules.get("studypack.output")
    if output is not None:
        output.discard_all()
    name = {signal.SIGINT: "interrupted"}.get(signal.Signals(signum), "stopped")
    for stream in (sys.stdout, sys.stderr):
        if stream.isatty():
            stream.write(SHOW_CURSOR)  # a progress bar hides it, and has no time to show it
            stream.flush()
    watch = sys.modules.get("studypack.cli.watch")
    if watch is not None and watch.IDLE.is_set():
        # Between builds every PDF is whole. Ctrl-C is the usual way to end
        # --watch, so it is a success; another signal keeps its status.
        sys.stderr.write("studypack: stopped watching\n")
        sys.stderr.flush()
        os._exit(0 if signum == signal.SIGINT else 128 + signum)
    web = sys.modules.get("studypack.web")
    if web is not None and web.SERVING.is_set():
        # Ctrl-C is how a workbench is stopped: a success, as for --watch.
        sys.stderr.write("studypack: the workbench has stopped\n")
        sys.stderr.flush()
        os._exit(0 if signum == signal.SIGINT else 128 + signum)
    sys.stderr.write(f"studypack: {name} before the end; no half-written file is left\n")
    sys.stderr.flush()
    os._exit(128 + signum)


def main() -> None:
    """Console-script entry point.

    Ctrl-C, SIGTERM and SIGHUP (``kill``, ``timeout``, a cancelled CI job, a
    closed terminal) stop studypack at once: nothing half-written is left,
    no worker process outlives it, and one line says so. The exit status is
    128 + the signal's number (130 for Ctrl-C, 143 for SIGTERM).
    """
    stop_cleanly_on_signals()
    # pydantic looks for plugins (observability hooks) by scanning every
    # installed package's entry points: 25 ms of each command and worker
    # process, for hooks a command-line tool never has. A user who sets the
    # variable keeps their setting.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        app(prog_name="studypack")
    finally:
        # Every file is written and closed by now. Python's last collection at
        # exit would walk every object the libraries made (90 ms of a 0.9 s
        # handout); frozen, they are left for the process's end to free.
        # atexit handlers (worker pools, temporary folders) still run.
        gc.freeze()


def stop_cleanly_on_signals() -> None:
    """Make Ctrl-C, SIGTERM and SIGHUP stop the process as ``main`` describes."""
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _stop)
    # Stopped that way, the worker pool's queues are not closed, and Python's
    # resource tracker (a process of its own, started with this environment)
    # would print a warning about "leaked semaphores" as it cleans them up.
    os.environ.setdefault("PYTHONWARNINGS",
                          "ignore::UserWarning:multiprocessing.resource_tracker")


if __name__ == "__main__":
    main()
