"""Content stage: ``content/**/*.yaml`` → validated, frozen ``Question`` records.

Every file is read and every problem in every file is collected before
anything is raised, so a user fixes them all in one round.
"""

from __future__ import annotations

import os
import re
import stat
import warnings
from collections import Counter
from dataclasses import dataclass, replace
from difflib import get_close_matches
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from ..errors import ContentError, Diagnostic, StudypackWarning, WorkspaceError, rel
from ..folders import files_below, iter_entries
from ..model import KeyPoint, PastQuestion, Question, Section
from .derive import derive_gist, derive_outline, derive_summary, paper_initials
from .figures import figures_of
from .gaps import gaps
from .markup import markup_warnings
from .schema import FIELD_NAMES, AnswerFile, QuestionFile
from .spelling import may_respell, respelled
from .spelling import shown as spelled
from .validate import read_source, validate_text
from .yamlpos import dotted, load_located

if TYPE_CHECKING:
    from .cache import ContentCache

SKIPPED_FOLDERS = ("packs",)
"""Sub-folders of ``content/`` that hold other kinds of YAML (pack files)."""


def content_files(folder: Path) -> list[Path]:
    """All answer files below ``folder`` in a stable (sorted) order (see ``is_answer_path``).

    Raises:
        WorkspaceError: ``folder`` cannot be read, or is far too big to be a
            content folder (``folders.FolderTooBig``).
    """
    # Links to folders are not entered (as before: rglob did not), so a link
    # loop cannot trap the walk; see studypack/folders.py for its bounds.
    found = files_below(folder, enter=_entered, what="a folder of answer files",
                        advice=" (a workspace made by 'studypack init' keeps them in content/)")
    files = [p for p in found if is_answer_path(p, folder) and p.is_file()]
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix())


def answer_file_states(folder: Path) -> dict[str, tuple[int, int]]:
    """The answer files ``content_files`` finds, by their path below ``folder``
    ("pakistan-affairs/2015-q6.yaml"), each with its modification time (ns) and size.

    One ``stat`` a file and no path arithmetic: a caller that keeps records of
    10,000 files checks them all for changes in tens of milliseconds.

    Raises:
        WorkspaceError: As ``content_files``.
    """
    cut = len(str(folder)) + 1
    states: dict[str, tuple[int, int]] = {}
    for entry in iter_entries(folder, enter=_entered, what="a folder of answer files"):
        name = entry.name
        if name.startswith(".") or not name.lower().endswith((".yaml", ".yml")):
            continue
        try:
            st = entry.stat()
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode):
            states[entry.path[cut:].replace(os.sep, "/")] = (st.st_mtime_ns, st.st_size)
    return states


def _entered(name: str) -> bool:
    return not name.startswith(".") and name not in SKIPPED_FOLDERS


def is_answer_path(path: Path, folder: Path) -> bool:
    """Whether ``path``, below ``folder``, is read as an answer file when it exists.

    Skipped: pack folders, hidden files and folders (editor lock files,
    macOS ``._`` copies); links that point nowhere are skipped by
    ``content_files``, which also checks the file is there.
    """
    return (path.suffix.lower() in (".yaml", ".yml") and not path.name.startswith(".")
            and not any(part in SKIPPED_FOLDERS or part.startswith(".")
                        for part in path.relative_to(folder).parts[:-1]))


def to_question(answer: AnswerFile, shown_path: str) -> Question:
    """Convert a validated, complete answer file to a ``Question``, deriving what was
    left out.
    """
    assert answer.paper and answer.year and answer.number and answer.question  # not a draft
    derived = list(answer.derived)
    points = []
    for point in answer.points:
        gist = point.gist or derive_gist(point.body, point.heading)
        points.append(KeyPoint(heading=point.heading, gist=gist, body=point.body,
                               subpoints=point.subpoints, gist_derived=point.gist is None))
    summary = answer.summary
    if summary is None:
        summary = derive_summary(answer.introduction, answer.conclusion)
        derived.append("summary")
    outline = answer.outline
    if outline is None:
        outline = derive_outline([p.heading for p in answer.points],
                                 [s.heading for s in answer.sections])
    return Question(
        id=answer.id, exam=answer.exam, paper=answer.paper, part=answer.part,
        year=answer.year, number=answer.number, marks=answer.marks,
        topics=answer.topics, tags=answer.tags, question=answer.question,
        summary=summary, outline=outline, introduction=answer.introduction,
        points=tuple(points),
        sections=tuple(Section(s.heading, s.body) for s in answer.sections),
        conclusion=answer.conclusion, references=answer.references, source=answer.source,
        derived=tuple(dict.fromkeys(derived)), source_path=shown_path,
        language=answer.language,
    )


Record = Question | PastQuestion
"""What one content file holds: an answer, or a past-paper question without one."""

_ANSWER_ONLY = ("summary", "outline", "introduction", "points", "sections", "conclusion",
                "references")


def _past_question(record: QuestionFile, shown_path: str) -> PastQuestion:
    return PastQuestion(id=record.id, exam=record.exam, paper=record.paper, year=record.year,
                        question=record.question, topics=record.topics, number=record.number,
                        marks=record.marks, part=record.part, tags=record.tags,
                        source_path=shown_path)


def _validate(text: str, shown: str) -> tuple[Record | None, tuple[int, int], list[Diagnostic]]:
    """Validate a file's text as an answer, or as a question when it says ``kind: question``."""
    asks = any(line.split("#", 1)[0].split() == ["kind:", "question"]
               for line in text.splitlines())
    if asks:
        record, located, problems = validate_text(text, shown, QuestionFile, FIELD_NAMES)
        problems = [Diagnostic(p.path, p.line, p.col, p.key,
                               "a question without an answer (kind: question) has no "
                               f"{p.key}; remove 'kind: question' to write its answer")
                    if p.key in _ANSWER_ONLY else p for p in problems]
        if record is None or located is None:
            return None, (0, 0), problems
        return _past_question(record, shown), located.where(("id",)), []
    answer, located, problems = validate_text(text, shown, AnswerFile, FIELD_NAMES)
    if answer is None or located is None:
        return None, (0, 0), problems
    if not (answer.paper and answer.year and answer.number and answer.question
            and answer.points):
        return None, located.where(("id",)), []  # a draft: its gaps are warned of
    return to_question(answer, shown), located.where(("id",)), []


def load_file(path: Path, cache: ContentCache | None = None
              ) -> tuple[Record | None, tuple[int, int], list[Diagnostic]]:
    """Load one content file, from ``cache`` when its text was read before.

    What the file still leaves to write (an import's placeholders, empty
    fields, an ``incomplete`` mark) is warned of with its line; a draft,
    which leaves a field empty, loads as None with no problems.

    Returns:
        ``(record, id_position, problems)``: the answer or question (None on
        problems or for a draft), the (line, col) of its ``id`` field, and the
        file's problems.
    """
    shown = rel(path)
    text, unreadable = read_source(path)
    if text is None:
        return None, (0, 0), unreadable
    remembered = _read_before.get((shown, text))
    if remembered is None:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", StudypackWarning)
            record, id_position, problems = _load_text(path, shown, text, cache)
        for other in (w for w in caught if not issubclass(w.category, StudypackWarning)):
            warnings.warn_explicit(other.message, other.category, other.filename, other.lineno)
        if problems:
            return record, id_position, problems
        remembered = (record, id_position, tuple(
            w.message for w in caught if issubclass(w.category, StudypackWarning)))
        if "![" not in text:
            _remember(shown, text, remembered)
    record, id_position, said = remembered
    for message in said:  # each time the file is read, as a fresh read would say them
        warnings.warn(message, stacklevel=2)
    return record, id_position, []


READ_BEFORE_SIZE = 4096
"""Files whose reading a process keeps (a watching build reads every answer on each save)."""
_Read = tuple[Record | None, tuple[int, int], tuple[Warning | str, ...]]
_read_before: dict[tuple[str, str], _Read] = {}


def _remember(shown: str, text: str, read: _Read) -> None:
    # A record depends on the file's text and shown path alone (a figure's
    # image is the exception, and such files are read each time), so a
    # watching build or the workbench reads only the files that changed:
    # 0.14 s of each rebuild of 400 answers became 0.03 s.
    _read_before[(shown, text)] = read
    while len(_read_before) > READ_BEFORE_SIZE:
        del _read_before[next(iter(_read_before))]


def _load_text(path: Path, shown: str, text: str, cache: ContentCache | None
               ) -> tuple[Record | None, tuple[int, int], list[Diagnostic]]:
    key = cache.key(shown, text) if cache else ""
    kept = cache.get(key) if cache else None
    record: Record | None
    if kept:
        record, id_position = kept
    else:
        record, id_position, problems = _validate(text, shown)
        if problems:
            return None, (0, 0), problems
        if cache and isinstance(record, Question):
            cache.put(key, (record, id_position))
    _warn_gaps(text, shown)
    _warn_respelled(text, shown)
    _warn_markup(text, shown)
    if isinstance(record, Question) and "![" in text:
        # Checked on every load, cached or not: the record's key is the
        # file's text, and an image can change under the same name.
        figures, problems = figures_of(text, shown, path.parent)
        if problems:
            return None, (0, 0), problems
        record = replace(record, figures=figures)
    return record, id_position, []


def _warn_markup(text: str, shown: str) -> None:
    # Markdown the format does not print (a # heading, a code fence, HTML)
    # would reach the page as typed; check names it, --strict refuses it.
    for message in markup_warnings(text, shown):
        warnings.warn(message, StudypackWarning, stacklevel=4)


def _warn_gaps(text: str, shown: str) -> None:
    # An imported answer can be built as it is, but a placeholder or a cut-off
    # ending should not reach a student unnoticed; --strict stops the build.
    for gap in gaps(text, shown):
        warnings.warn(str(gap), StudypackWarning, stacklevel=4)


def _warn_respelled(text: str, shown: str) -> None:
    # The names were cleaned when read (schema.Name); this says so where it
    # changed what a person would type or search for, with the hidden
    # characters written out. Read again only for files that have any.
    if not may_respell(text):
        return
    try:
        located = load_located(text)
    except yaml.YAMLError:
        return
    for path, written, read in respelled(located.data):
        line, col = located.where(path)
        warnings.warn(f"{shown}:{line}:{col} {dotted(path)}: '{spelled(written)}' has "
                      f"characters that print as nothing; it is read as '{read}'. Delete them "
                      "so that the name is spelled one way", StudypackWarning, stacklevel=4)


def validate_answer_text(text: str, shown_path: str) -> list[Diagnostic]:
    """Problems a content file with ``text`` would have (for importers, before writing)."""
    return _validate(text, shown_path)[2]


@dataclass(frozen=True)
class Bank:
    """Everything a content folder holds: answers, questions kept without one, and the
    paths of drafts (answers that leave a field to write, left out of builds).
    """

    answers: tuple[Question, ...]
    questions: tuple[PastQuestion, ...] = ()
    drafts: tuple[str, ...] = ()


def load_content(folder: Path, cache_dir: Path | None = None) -> tuple[Question, ...]:
    """The answers of ``folder`` (see ``load_bank``): what booklets, packs and handouts
    hold. Questions without answers and drafts are left out.

    Raises:
        WorkspaceError: As ``load_bank``, and when no file holds an answer ready to build.
        ContentError: As ``load_bank``.
    """
    bank = load_bank(folder, cache_dir)
    if not bank.answers:
        held = [f"{len(bank.drafts)} draft(s) with fields to write"
                if bank.drafts else "",
                f"{len(bank.questions)} question(s) without answers" if bank.questions else ""]
        raise WorkspaceError(f"{rel(folder)} holds no answer ready to build, only "
                             + " and ".join(h for h in held if h) + "; write the fields "
                             "'studypack check' names, then build again.")
    return bank.answers


_ID_LINE = re.compile(r"""^id:[ \t]*(["']?)([^\s"'#]+)\1[ \t]*(?:#.*)?$""", re.MULTILINE)


def load_answers(folder: Path, ids: list[str], cache_dir: Path | None = None
                 ) -> tuple[Question, ...]:
    """The answers with ``ids`` (case-insensitive), reading only their files when it can.

    A handout of one answer need not read the other 399: each file's text
    is searched for its ``id:`` line first. When every id is found written
    plainly in exactly one file and that file holds a valid answer, only
    those files are read; otherwise the whole folder is (``load_content``),
    so an unknown id, a duplicate or a draft is reported as a build would.

    Raises:
        WorkspaceError, ContentError: As ``load_content``.
    """
    wanted = {i.casefold() for i in ids}
    found: dict[str, list[Path]] = {}
    for path in content_files(folder) if folder.is_dir() else []:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for match in _ID_LINE.finditer(text):
            if match.group(2).casefold() in wanted:
                found.setdefault(match.group(2).casefold(), []).append(path)
    if wanted and all(len(found.get(i, ())) == 1 for i in wanted):
        cache = _content_cache(cache_dir)
        answers = []
        for i in sorted(wanted):
            record, _, problems = load_file(found[i][0], cache)
            if problems or not isinstance(record, Question) or record.id.casefold() != i:
                break
            answers.append(record)
        else:
            if cache:
                cache.save()
            return tuple(answers)
    return load_content(folder, cache_dir)


def _content_cache(cache_dir: Path | None) -> ContentCache | None:
    if not cache_dir:
        return None
    # Here, not at the top: the cache's keys need studypack.digests, which
    # needs the theme, which needs this package.
    from .cache import ContentCache
    return ContentCache.open(cache_dir)


def load_bank(folder: Path, cache_dir: Path | None = None) -> Bank:
    """Load and validate every content file below ``folder``.

    Args:
        folder: A content folder, e.g. ``content/``.
        cache_dir: Where records of files read before are kept (see
            ``content.cache``); None reads every file afresh. The result is
            the same either way.

    Returns:
        Answers and questions in file order (sorted paths).

    Raises:
        WorkspaceError: ``folder`` does not exist or holds no answer files.
        ContentError: With every problem in every file, including ids used
            by more than one file.
    """
    if not folder.is_dir():
        raise WorkspaceError(f"{rel(folder)} is not a folder of answer files; name the folder "
                             "that holds them ('studypack init DIR' makes a workspace whose "
                             "answers are in DIR/content).")
    files = content_files(folder)
    if not files:
        raise WorkspaceError(f"{rel(folder)} holds no .yaml answer files. "
                             "'studypack init DIR' creates two examples to start from.")
    questions: list[Record] = []
    drafts: list[str] = []
    id_positions: dict[str, tuple[int, int]] = {}
    problems: list[Diagnostic] = []
    cache = _content_cache(cache_dir)
    for path in files:
        question, id_pos, found = load_file(path, cache)
        problems.extend(found)
        if question:
            questions.append(question)
            id_positions.setdefault(question.source_path, id_pos)
        elif not found:
            drafts.append(rel(path))
    if cache:
        cache.save()
    problems.extend(_duplicate_ids(questions, id_positions))
    if problems:
        raise ContentError(problems)
    answers = [q for q in questions if isinstance(q, Question)]
    _warn_near_duplicates(answers)
    return Bank(tuple(answers), tuple(q for q in questions if isinstance(q, PastQuestion)),
                tuple(drafts))


def _warn_near_duplicates(questions: list[Question]) -> None:
    # Not errors (the build can go on), but almost always a slip worth a look.
    spelling: dict[str, tuple[str, str]] = {}
    for q in questions:
        for topic in q.topics:
            first = spelling.setdefault(topic.casefold(), (topic, q.source_path))
            if first[0] != topic:
                warnings.warn(f"{q.source_path}: topic '{topic}' is spelled '{first[0]}' in "
                              f"{first[1]}; they are grouped together, but use one spelling",
                              StudypackWarning, stacklevel=3)
    _warn_paper_names(questions)
    seen: dict[tuple[str, str, int, int], str] = {}
    for q in questions:
        key = (q.exam.casefold(), q.paper.casefold(), q.year, q.number)
        if key in seen:
            warnings.warn(f"{q.source_path} and {seen[key]} are both {q.exam} {q.paper} "
                          f"{q.year} Q{q.number}; is one of them a duplicate?",
                          StudypackWarning, stacklevel=3)
        seen.setdefault(key, q.source_path)


def _warn_paper_names(questions: list[Question]) -> None:
    """A paper named once and spelled almost like a paper others use; two papers the
    contents would abbreviate alike.

    "Pakistan Affair" in one file of fifty "Pakistan Affairs" starts a paper of
    its own (its own contents section, its own handout label); it is almost
    always a slip. Papers are told apart in the contents by their initials, so
    "Pakistan Affairs" and "Public Administration" (both PA) would be confused.
    """
    uses = Counter(q.paper for q in questions)
    first = {q.paper: q for q in reversed(questions)}
    slips: set[str] = set()
    for paper, count in sorted(uses.items()):
        others = [p for p in uses if p != paper and uses[p] > count]
        close = get_close_matches(paper, others, n=1, cutoff=0.85)
        if count == 1 and close:
            slips.add(paper)
            q = first[paper]
            line = _field_line(q.source_path, "paper")
            warnings.warn(f"{q.source_path}:{line}:1 paper: '{paper}' is used by no other "
                          f"answer; did you mean '{close[0]}' ({uses[close[0]]} answers)? "
                          "A paper spelled two ways is two papers in booklets and packs",
                          StudypackWarning, stacklevel=3)
    by_initials: dict[str, list[str]] = {}
    for paper in sorted(set(uses) - slips):
        by_initials.setdefault(paper_initials(paper), []).append(paper)
    for initials, papers in sorted(by_initials.items()):
        if len(papers) > 1:
            both = "both" if len(papers) == 2 else "all"
            warnings.warn(f"papers {' and '.join(repr(p) for p in papers)} are {both} "
                          f"'{initials}' "
                          "in the contents, where a booklet of several papers names each by "
                          "its initials; rename one if they are different papers",
                          StudypackWarning, stacklevel=3)


def _field_line(shown: str, field: str) -> int:
    """The line of a top-level ``field:`` in the file at ``shown`` (1 if not found)."""
    try:
        lines = Path(shown).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((n for n, line in enumerate(lines, 1) if line.startswith(f"{field}:")), 1)


def _duplicate_ids(questions: list[Record],
                   id_positions: dict[str, tuple[int, int]]) -> list[Diagnostic]:
    first: dict[str, Record] = {}
    problems = []
    for q in questions:
        if q.id in first:
            line, col = id_positions[q.source_path]
            problems.append(Diagnostic(q.source_path, line, col, "id",
                                       f"'{q.id}' is already used by {first[q.id].source_path}; "
                                       "ids must be unique, rename one"))
        else:
            first[q.id] = q
    return problems
