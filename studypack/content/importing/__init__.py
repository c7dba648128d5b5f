"""Import stage: answers as people keep them (web pages, Word files, notes) → content YAML.

Pipeline, one module per step, frozen records between them::

    file bytes ─readers─▶ Page(blocks) ─answers─▶ SplitPage(context, RawAnswer…)
      ─parse─▶ AnswerDraft ─assemble─▶ ImportedAnswer(data, derived, missing) ─▶ YAML

``readers`` (with ``repair``, ``plaintext`` and ``markup``) knows the file
formats; everything after it sees only blocks. ``import_file`` runs the whole
pipeline for one file; the CLI writes the results.
"""

from __future__ import annotations

from pathlib import Path

from .answers import split_page
from .assemble import ESSENTIAL, ImportedAnswer, Options, assemble, dump_answer, slug
from .blocks import Block, Page
from .parse import parse_answer
from .questions import QuestionLine
from .readers import READERS, UnreadableFile, read_page


def import_page(page: Page, options: Options | None = None, *,
                source_name: str = "plain text") -> tuple[ImportedAnswer, ...]:
    """Every answer on a page that has been read.

    Args:
        page: A reader's output.
        options: The user's overrides (paper, exam, year, number, marks).
        source_name: The file's name, recorded in each answer's ``source:``.

    Returns:
        One ``ImportedAnswer`` per question line, in page order; when the page
        has no question line, one answer with ``question`` and ``number`` missing.
    """
    options = options or Options()
    split = split_page(page)
    raws = [(a.question, a.blocks) for a in split.answers] or [
        (QuestionLine(number=None, text=""), split.unclaimed)]
    results = []
    for position, (question, blocks) in enumerate(raws, 1):
        draft = parse_answer(blocks)
        results.append(assemble(question, draft, split.context, options,
                                source_name=source_name,
                                position=position if len(raws) > 1 else 0,
                                notes=page.notes, dropped=split.dropped))
    return tuple(results)


def import_file(path: Path, options: Options | None = None) -> tuple[ImportedAnswer, ...]:
    """Read and import one file (``.txt``, ``.html``/``.htm``, ``.md``, ``.docx``).

    Raises:
        UnreadableFile: The file is empty, binary, damaged or of an unsupported
            kind (the message is one line, without the file name).
        OSError: The file cannot be read at all.
    """
    page = read_page(path.name, path.read_bytes())
    return import_page(page, options, source_name=path.name)


def import_text(text: str, *, paper: str | None = None, exam: str | None = None,
                marks: int | None = None, year: int | None = None,
                number: int | None = None) -> ImportedAnswer:
    """Import the first answer of a plain text (the importer's first, one-answer form).

    Args:
        text: The copied page.
        paper, exam, marks, year, number: Overrides, as on the command line.

    Returns:
        The first answer on the page; ``missing`` lists what the user must add.
    """
    page = read_page("text.txt", text.encode("utf-8"))
    return import_page(page, Options(paper=paper, exam=exam, year=year, number=number,
                                     marks=marks))[0]


__all__ = ["ESSENTIAL", "READERS", "Block", "ImportedAnswer", "Options", "Page",
           "UnreadableFile", "dump_answer", "import_file", "import_page", "import_text", "read_page",
           "slug"]
