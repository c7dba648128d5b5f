"""Terminal side of ``studypack import``: files in, content files and a report out.

Input: the paths and options the user gave. Output: content files written
(unless ``--dry-run``), one table per imported answer (found, guessed,
missing), and every problem listed together at the end. One bad file never
stops the others. Returns the exit code for ``cli.py`` to use: 0 done,
1 a file could not be read or imported (or holds no answer), 2 a usage
problem (no such file, an extension studypack cannot import, an impossible
option value, a file that exists without ``--force`` or holds another
question, an id used by another file), 4 every file was written but some
leave fields to write (a draft, a placeholder, a cut-off end).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rich.table import Table
from rich.text import Text

from ..content import validate_answer_text
from ..content.earlier import Earlier, earlier_files, edited, id_of, import_key, stamped
from ..content.importing import (
    READERS,
    FetchError,
    ImportedAnswer,
    NoAnswerOnPage,
    Options,
    UnreadableFile,
    import_address,
    import_file,
    is_address,
)
from ..content.importing.web import shown as shown_address
from ..errors import StudypackError, rel
from ..folders import files_below
from ..output import write_atomically
from .support import count, err, out, say, visible


@dataclass(frozen=True)
class Problem:
    """One file's problem: where, what, and whether it is a usage problem (exit 2)."""

    where: str
    message: str
    usage: bool = False


Source = Path | str
"""A file to read, or an address to fetch."""


def address_list(path: Path) -> tuple[list[str], list[int]] | None:
    """A ``.txt`` file that lists addresses, one a line (``#`` lines skipped): its
    addresses and the numbers of the lines that are not one (a typo such as 'htps://'
    would otherwise turn the list into a "page"). None for any other file, including
    one where more than a third of the lines are not addresses.
    """
    if path.suffix.lower() != ".txt" or path.stat().st_size > 1_000_000:
        return None
    try:
        numbered = [(n, x.strip()) for n, x in enumerate(
            path.read_text(encoding="utf-8").splitlines(), 1)]
    except (OSError, UnicodeDecodeError):
        return None
    numbered = [(n, x) for n, x in numbered if x and not x.startswith("#")]
    odd = [n for n, x in numbered if not is_address(x)]
    if not numbered or len(odd) * 3 > len(numbered) or (odd and len(numbered) < 2):
        return None
    return [x for _, x in numbered if is_address(x)], odd


def gather(paths: list[Path]) -> tuple[list[Source], list[Problem], list[Path]]:
    """What to import: named files, the importable files in named folders, addresses
    given as arguments or listed one a line in a ``.txt`` file.

    Returns:
        ``(sources, problems, skipped)``: files and addresses in a stable order,
        problems with named paths, and files in folders that are of no importable kind.
    """
    files: list[Source] = []
    problems: list[Problem] = []
    skipped: list[Path] = []
    for path in paths:
        if is_address(_as_typed(path)):
            files.append(_as_typed(path))
        elif path.is_file() and (listed := address_list(path)) and not listed[1]:
            files.extend(listed[0])
        elif path.is_file() and listed:
            lines = ", ".join(str(n) for n in listed[1][:5])
            problems.append(Problem(rel(path), f"lists addresses, but line(s) {lines} are not "
                                    "http:// or https:// addresses; correct them (or start "
                                    "them with '#') and import again", usage=True))
        elif path.is_dir():
            inside = [p for p in files_below(path, enter=_not_hidden,
                                             what="a folder of pages to import")
                      if p.is_file() and not p.name.startswith(".")]
            files.extend(p for p in inside if p.suffix.lower() in READERS and p.suffix)
            skipped.extend(p for p in inside if p.suffix.lower() not in READERS or not p.suffix)
            if not inside:
                problems.append(Problem(rel(path), "is an empty folder", usage=True))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(str(path), "is not a file or folder; name the files to "
                                    "import", usage=True))
    if skipped and not files and not problems:
        problems.append(Problem(", ".join(rel(p) for p in paths[:3]), "holds no file "
                                "studypack can import (.txt, .html, .md, .docx); a PDF or "
                                ".doc file: copy its text into a .txt file, or save it as "
                                ".docx", usage=True))
    return list(dict.fromkeys(files)), problems, skipped


GAPS_EXIT = 4
"""Exit code when everything was written but some files leave fields to write."""

OPTION_RANGES = {"year": (1947, 2100), "number": (1, 99), "marks": (1, 200)}
"""Allowed values of the whole-number options, as the content schema allows them."""


def _not_hidden(name: str) -> bool:
    return not name.startswith(".")


def _as_typed(path: Path | str) -> str:
    # Path("https://x/y") is "https:/x/y": the second slash is given back.
    return re.sub(r"^(https?):/(?!/)", r"\1://", str(path), flags=re.IGNORECASE)


def option_problems(options: Options) -> list[Problem]:
    """Options whose values no content file could hold (``--marks 0``, ``--year 20``)."""
    problems = []
    for name, (low, high) in OPTION_RANGES.items():
        value = getattr(options, name)
        if value is not None and not low <= value <= high:
            problems.append(Problem(f"--{name}", f"must be from {low} to {high}, not {value}",
                                    usage=True))
    for name in ("paper", "exam"):
        value = getattr(options, name)
        if value is not None and not re.search(r"[^\W_]", value):
            problems.append(Problem(f"--{name}", "must name it in letters", usage=True))
    return problems


def run_import(paths: list[Path], options: Options, *, content: Path, force: bool,
               dry_run: bool) -> int:
    """Import every file; write, report, and return the exit code (0, 1 or 2)."""
    files, problems, skipped = gather(paths)
    bad_options = option_problems(options)
    if bad_options:
        return _finish([], 0, problems + bad_options, skipped, dry_run=dry_run)
    if options.number is not None and len(files) > 1:
        problems.append(Problem("--number", "names one question; give it with one file",
                                usage=True))
        files = []
    earlier = earlier_files(content)
    claimed: dict[Path, str] = {}
    written = gapped = 0
    for path in files:
        shown = visible(shown_address(path) if isinstance(path, str) else rel(path))
        try:
            answers = (import_address(path, options) if isinstance(path, str)
                       else import_file(path, options))
        except (NoAnswerOnPage, FetchError) as exc:
            problems.append(Problem(shown, str(exc)))
            continue
        except UnreadableFile as exc:
            usage = "extension" in str(exc)
            problems.append(Problem(shown, str(exc), usage=usage))
            continue
        except OSError as exc:
            problems.append(Problem(shown, f"cannot be read ({exc.strerror})"))
            continue
        if options.number is not None and len(answers) > 1:
            problems.append(Problem(shown, f"holds {len(answers)} answers, so --number "
                                    "cannot name one; leave it out", usage=True))
            continue
        for n, answer in enumerate(answers, 1):
            what = "question" if answer.data.get("kind") == "question" else "answer"
            label = shown + (f" ({what} {n} of {len(answers)})" if len(answers) > 1 else "")
            target = content / answer.relative_path
            decision = (_unsafe_target(label, target, content)
                        or _check(answer, label, target, claimed, earlier,
                                   force=force, dry_run=dry_run))
            problem, note = decision.problem, decision.note
            _report(label, answer, target, problem, dry_run=dry_run, note=note)
            if dry_run:
                out.print(Text(answer.yaml_text))
            if problem:
                problems.append(problem)
                continue
            claimed[target] = label
            earlier.ids.setdefault(answer.id, target)
            if dry_run:
                continue
            try:
                write_atomically(target, stamped(answer.yaml_text).encode("utf-8"))
                if decision.replaces is not None:
                    decision.replaces.unlink(missing_ok=True)
                written += 1
                gapped += answer.has_gaps
            except (StudypackError, OSError) as exc:
                problems.append(Problem(label, str(exc)))
    return _finish(files, written, problems, skipped, dry_run=dry_run, gapped=gapped)


def _unsafe_target(label: str, target: Path, content: Path) -> Decision | None:
    """A target that is a link, or lies below one, or is not a plain file: never written.

    A link there would send the file elsewhere (outside the content folder, onto a
    file of another kind); a folder cannot hold an answer.
    """
    here = target
    while True:
        if here.is_symlink():
            return Decision(Problem(label, f"{rel(here)} is a symbolic link; import never "
                                    "writes through a link: remove it, or import into "
                                    "another --content folder", usage=True))
        if here in (content, here.parent):
            break
        here = here.parent
    if target.exists() and not target.is_file():
        return Decision(Problem(label, f"{rel(target)} exists and is not a file; move it "
                                "aside and import again", usage=True))
    return None


@dataclass(frozen=True)
class Decision:
    """Whether an answer may be written: the problem that stops it, a note for the
    report, and an earlier import of the same answer that the new file replaces.
    """

    problem: Problem | None = None
    note: str = ""
    replaces: Path | None = None


def _check(answer: ImportedAnswer, label: str, target: Path, claimed: dict[Path, str],
           earlier: Earlier, *, force: bool, dry_run: bool) -> Decision:
    """Whether ``answer`` may be written to ``target``.

    A file holding another id is never replaced, not even with ``--force``, nor
    is a file the user edited after it was imported (its stamp tells), and an id
    already used by another file is refused. An earlier import of the same
    source and question under another name (a draft whose year is now given)
    is replaced with ``--force``. With ``--dry-run`` (which writes nothing)
    what would need ``--force`` is only noted.
    """
    problems = validate_answer_text(answer.yaml_text, rel(target))
    if problems:
        return Decision(Problem(label, "; ".join(str(p) for p in problems)))
    if target in claimed:
        return Decision(Problem(label, f"would write {rel(target)}, as {claimed[target]} "
                                "does; check their question numbers"))
    elsewhere = earlier.ids.get(answer.id)
    if elsewhere is not None and elsewhere.resolve() != target.resolve():
        return Decision(Problem(label, f"its id '{answer.id}' is already used by "
                                f"{rel(elsewhere)}; remove or rename that file, or correct the "
                                "exam, paper, year or number, and import again", usage=True))
    before = earlier.imports.get(import_key(answer.data.get("source"), answer.data.get("exam"),
                                            answer.data.get("question")))
    if before is not None and before.resolve() != target.resolve() and before.exists():
        return _replacing(label, target, before, force, dry_run)
    if not target.exists():
        return Decision()
    held = id_of(target)
    if held != answer.id:
        what = f"a different question ('{held}')" if held else "no answer's id"
        return Decision(Problem(label, f"{rel(target)} already exists and holds {what}; it is "
                                "never replaced, not even with --force: move it and import "
                                "again", usage=True))
    return _replacing(label, target, target, force, dry_run)


def _replacing(label: str, target: Path, before: Path, force: bool, dry_run: bool
               ) -> Decision:
    """Replace ``before`` (the same answer, imported earlier) by ``target``, if allowed."""
    if before == target:
        said, verb = f"{rel(target)} already exists", "overwrite it"
    else:
        said, verb = (f"{rel(before)} already holds this answer",
                      f"replace it (now {rel(target)})")
    if _was_edited(before):
        return Decision(Problem(label, f"{rel(before)} holds this answer and was edited after "
                                "it was imported; it is never replaced, not even with --force: "
                                "move it aside to import again, or go on editing it", usage=True))
    if dry_run and not force:
        return Decision(note=f"{said}; import with --force to {verb}")
    if not force:
        return Decision(Problem(label, f"{said}; use --force to {verb}", usage=True))
    if before == target:
        return Decision(note=f"overwrites {rel(target)}, which held the same question")
    return Decision(note=f"replaces {rel(before)}, the same answer imported before, by "
                    f"{rel(target)}", replaces=before)


def _was_edited(path: Path) -> bool:
    try:
        return edited(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return False


def _report(label: str, answer: ImportedAnswer, target: Path, problem: Problem | None,
            *, dry_run: bool, note: str = "") -> None:
    """One table: what was found, what was guessed, what is missing, where it goes."""
    table = Table(show_header=True)
    table.add_column("", style="bold", no_wrap=True)
    table.add_column(Text(visible(label)), overflow="fold")
    for name, value in answer.found:
        table.add_row(name, Text(visible(value, keep="\n")) if value else Text("—", style="red"))
    guesses = [d for d in answer.derived if ":" in d and not d.startswith("incomplete:")]
    worked_out = [d for d in answer.derived if ":" not in d]
    table.add_row("guessed", Text("\n".join(guesses) or "—"))
    if worked_out:
        table.add_row("derived", Text(", ".join(worked_out)))
    table.add_row("to write", Text(_to_write(answer) or "—",
                                   style="yellow" if answer.missing else ""))
    if answer.incomplete:
        table.add_row("incomplete", Text("the source stops mid-answer; check its end",
                                         style="yellow"))
    if answer.notes:
        table.add_row("notes", Text("\n".join(answer.notes)))
    if answer.dropped_lines:
        table.add_row("dropped", f"{count(answer.dropped_lines, 'block')} of site text")
    if problem:
        table.add_row("not written", Text("see the problem below", style="red"))
    else:
        table.add_row("would write" if dry_run else "writes", Text(rel(target)))
    out.print(table)
    if note:
        say(err, "note", "yellow", f"{label}: {note}")


def _to_write(answer: ImportedAnswer) -> str:
    """The fields left to write, and how the options could fill some of them."""
    if not answer.missing:
        return ""
    given = [f"--{name}" for name in ("paper", "year", "number") if name in answer.missing]
    hint = f" (or import again with {', '.join(given)})" if given else ""
    return ("not in the source: " + ", ".join(answer.missing) + "; the file marks each "
            "place" + hint)


def _finish(files: list[Source], written: int, problems: list[Problem], skipped: list[Path],
            *, dry_run: bool, gapped: int = 0) -> int:
    if skipped:
        say(err, "note", "yellow", f"skipped {count(len(skipped), 'file')} of other kinds: "
            + ", ".join(rel(p) for p in skipped[:5]) + (" …" if len(skipped) > 5 else ""))
    for problem in problems:
        say(err, "error", "red", f"{problem.where}: {problem.message}")
    if not dry_run and (written or files):
        say(out, "Wrote", "bold", f"{count(written, 'content file')} from "
            f"{count(len(files), 'source file')}")
    if gapped:
        say(err, "warning", "yellow", f"{count(gapped, 'file')} "
            f"{'leaves' if gapped == 1 else 'leave'} fields to write "
            "(listed under 'to write'); 'studypack check' names each place, and builds "
            "leave out answers whose question, paper, year, number or points are missing")
    if problems:
        say(err, "", "", f"{count(len(problems), 'problem')} found.")
        return 2 if any(p.usage for p in problems) else 1
    return GAPS_EXIT if gapped else 0
