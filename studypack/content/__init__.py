"""Content stage: ``content/**/*.yaml`` → validated, frozen ``Question`` records.

Every file is read and every problem in every file is collected before
anything is raised, so a user fixes them all in one round.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ContentError, Diagnostic, StudypackWarning, WorkspaceError, rel
from ..model import KeyPoint, Question, Section
from .derive import IMPORT_PLACEHOLDER, INCOMPLETE, derive_gist, derive_outline, derive_summary
from .schema import FIELD_NAMES, AnswerFile
from .validate import read_source, validate_text

if TYPE_CHECKING:
    from .cache import ContentCache

SKIPPED_FOLDERS = ("packs",)
"""Sub-folders of ``content/`` that hold other kinds of YAML (pack files)."""


def content_files(folder: Path) -> list[Path]:
    """All answer files below ``folder`` in a stable (sorted) order (see ``is_answer_path``)."""
    files = [p for p in folder.rglob("*") if is_answer_path(p, folder) and p.is_file()]
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix())


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
    """Convert a validated file to a ``Question``, deriving what was left out."""
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
    )


def load_file(path: Path, cache: ContentCache | None = None
              ) -> tuple[Question | None, tuple[int, int], list[Diagnostic]]:
    """Load one answer file, from ``cache`` when its text was read before.

    Returns:
        ``(question, id_position, problems)``: the record (None on problems),
        the (line, col) of its ``id`` field, and the file's problems.
    """
    shown = rel(path)
    text, unreadable = read_source(path)
    if text is None:
        return None, (0, 0), unreadable
    key = cache.key(shown, text) if cache else ""
    kept = cache.get(key) if cache else None
    if kept:
        return kept[0], kept[1], []
    record, located, problems = validate_text(text, shown, AnswerFile, FIELD_NAMES)
    if record is None or located is None:
        return None, (0, 0), problems
    question, id_position = to_question(record, shown), located.where(("id",))
    if cache:
        cache.put(key, (question, id_position))
    return question, id_position, []


def validate_answer_text(text: str, shown_path: str) -> list[Diagnostic]:
    """Problems an answer file with ``text`` would have (for importers, before writing)."""
    _, _, problems = validate_text(text, shown_path, AnswerFile, FIELD_NAMES)
    return problems


def load_content(folder: Path, cache_dir: Path | None = None) -> tuple[Question, ...]:
    """Load and validate every answer file below ``folder``.

    Args:
        folder: A content folder, e.g. ``content/``.
        cache_dir: Where records of files read before are kept (see
            ``content.cache``); None reads every file afresh. The result is
            the same either way.

    Returns:
        Questions in file order (sorted paths).

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
    questions: list[Question] = []
    id_positions: dict[str, tuple[int, int]] = {}
    problems: list[Diagnostic] = []
    cache = None
    if cache_dir:
        # Here, not at the top: the cache's keys need studypack.cache, which
        # needs the theme, which needs this package.
        from .cache import ContentCache
        cache = ContentCache.open(cache_dir)
    for path in files:
        question, id_pos, found = load_file(path, cache)
        problems.extend(found)
        if question:
            questions.append(question)
            id_positions.setdefault(question.source_path, id_pos)
    if cache:
        cache.save()
    problems.extend(_duplicate_ids(questions, id_positions))
    if problems:
        raise ContentError(problems)
    _warn_near_duplicates(questions)
    _warn_unfinished_imports(questions)
    return tuple(questions)


def _warn_unfinished_imports(questions: list[Question]) -> None:
    # An imported answer can be built as it is, but a placeholder or a cut-off
    # ending should not reach a student unnoticed; --strict stops the build.
    marker = IMPORT_PLACEHOLDER.split("{", 1)[0]
    for q in questions:
        texts = {"introduction": q.introduction, "conclusion": q.conclusion,
                 **{f"points.{n}.body": p.body for n, p in enumerate(q.points, 1)}}
        for field, text in texts.items():
            if marker in text:
                warnings.warn(f"{q.source_path}: {field} is still the import's placeholder; "
                              "write it before printing", StudypackWarning, stacklevel=3)
        if any(d.split(":", 1)[0].strip() == INCOMPLETE for d in q.derived):
            warnings.warn(f"{q.source_path}: the import marked this answer incomplete (its "
                          "source stopped mid-answer); check its end, then remove the "
                          f"'{INCOMPLETE}' line from derived:", StudypackWarning, stacklevel=3)


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
    seen: dict[tuple[str, str, int, int], str] = {}
    for q in questions:
        key = (q.exam.casefold(), q.paper.casefold(), q.year, q.number)
        if key in seen:
            warnings.warn(f"{q.source_path} and {seen[key]} are both {q.exam} {q.paper} "
                          f"{q.year} Q{q.number}; is one of them a duplicate?",
                          StudypackWarning, stacklevel=3)
        seen.setdefault(key, q.source_path)


def _duplicate_ids(questions: list[Question],
                   id_positions: dict[str, tuple[int, int]]) -> list[Diagnostic]:
    first: dict[str, Question] = {}
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
