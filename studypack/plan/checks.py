"""``studypack check``: validate answers and packs without building anything.

Input: a content folder, one answer file or one pack file. Output: a summary
line; every problem is raised together as a ``ContentError``, and characters
that no configured font can print are reported as warnings with file:line.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from ..content import load_bank, load_content, load_file
from ..errors import ContentError, Diagnostic, StudypackWarning, rel
from ..model import Question

if TYPE_CHECKING:
    from ..theme import Theme

PACK_KEYS = ("select", "include", "group_by")
"""Top-level keys that only a pack file has."""


def is_pack_file(path: Path) -> bool:
    """True for a pack file: in a ``packs`` folder, or with a pack's own keys."""
    if path.parent.name == "packs":
        return True
    try:
        head = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return any(line.startswith(f"{key}:") for key in PACK_KEYS for line in head.splitlines())


def _check_packs(files: list[Path], questions: tuple[Question, ...], workspace: Path
                 ) -> list[Diagnostic]:
    """Problems of each pack file, as ``pack`` would find them; its warnings too.

    Beyond the plan, a pack's theme is made with its brand colour and its
    included PDFs are opened against its page size, as a build does, so that
    ``check --strict`` fails where ``pack --strict`` would.
    """
    from ..assemble.included import measure_pdf, warn_page_sizes
    from ..content.brand import load_brand
    from ..content.packs import load_pack_file
    from ..theme import load_theme, with_accent
    from .batch import batch_problems
    from .pack import plan_pack
    from .workspace import workspace_layout

    problems: list[Diagnostic] = []
    for pack in files:
        try:
            plan = plan_pack(pack, questions, workspace, base_brand=load_brand(workspace),
                             default_layout=workspace_layout(workspace), measure_pdf=measure_pdf)
            theme = with_accent(load_theme(plan.layout, workspace), plan.booklet.brand.accent)
            warn_page_sizes(plan.includes, theme.page_size)
            _warn_unprintable_in([rel(pack)], theme)  # titles, brand text
            # Its lines for 'studypack batch', as the batch checks them.
            problems += batch_problems(*load_pack_file(pack), rel(pack), theme,
                                       plan.booklet.brand.watermark)
        except ContentError as exc:
            problems.extend(exc.diagnostics)
    return problems


def _warn_unprintable(questions: tuple[Question, ...], workspace: Path) -> int:
    """Warn of every character of the answers, and of brand.yaml, that no font has."""
    from ..content.brand import BRAND_FILE
    from ..theme import load_theme
    from .workspace import load_settings

    theme = load_theme(load_settings(workspace, using=("layout",)).layout, workspace)
    paths = sorted({q.source_path for q in questions})
    brand = workspace / BRAND_FILE
    return _warn_unprintable_in([*paths, *([rel(brand)] if brand.is_file() else [])], theme)


def _warn_unprintable_in(paths: list[str], theme: Theme) -> int:
    from ..content.inline import STEERING
    from ..render.fonts import printable_characters

    covered = printable_characters(theme)
    found = 0
    for path in paths:
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            for col, char in enumerate(line, 1):
                if (ord(char) > 0x7E and ord(char) not in covered and not char.isspace()
                        and char not in STEERING):
                    found += 1
                    warnings.warn(f"{path}:{number}:{col} {char!r} (U+{ord(char):04X}) is in "
                                  "no configured font and prints as a replacement mark; add "
                                  "a font that has it to the layout's fallback list",
                                  StudypackWarning, stacklevel=2)
    return found


def _check_settings(workspace: Path) -> list[Diagnostic]:
    """Problems in studypack.yaml, brand.yaml and the layout a build would use.

    The layout is made with the brand's colour, as a build makes it, so its
    warnings (a colour too light for headings) are raised here too.
    """
    from ..content.brand import load_brand
    from ..theme import load_theme, with_accent
    from .workspace import load_settings, settings_problems

    problems = settings_problems(workspace)
    try:
        brand = load_brand(workspace)
    except ContentError as exc:
        return problems + list(exc.diagnostics)
    if not problems:
        try:
            with_accent(load_theme(load_settings(workspace).layout, workspace), brand.accent)
        except ContentError as exc:
            problems.extend(exc.diagnostics)
    return problems


def check_workspace(target: Path, workspace: Path) -> str:
    """Check ``target`` (folder, answer file or pack file) as a build would.

    A content folder is checked with the workspace's settings, brand and
    layout, as ``studypack build`` would use them.

    Returns:
        A one-line summary of what was checked.

    Raises:
        ContentError: Every problem found, in every file.
        WorkspaceError: The target or the content folder is missing.
    """
    from .workspace import load_settings

    if target.is_file() and is_pack_file(target):
        questions = load_content(workspace / load_settings(workspace, using=("content",)).content)
        problems = _check_packs([target], questions, workspace)
        if problems:
            raise ContentError(problems)
        return f"pack {rel(target)} is valid."
    if target.is_file():
        record, _, problems = load_file(target)
        if problems:
            raise ContentError(problems)
        if record is None:
            return (f"1 answer file ({rel(target)}) is a valid draft; it is left out of "
                    "booklets and packs until the fields warned of are written.")
        if not isinstance(record, Question):
            return f"1 question file ({rel(target)}) is valid (a question without an answer)."
        _warn_unprintable((record,), workspace)
        return f"1 answer file ({rel(target)}) is valid."
    bank = load_bank(target)
    questions = bank.answers
    packs = sorted((target / "packs").glob("*.yaml"))
    # A problem of studypack.yaml (its layout, say) is every pack's that uses it: once.
    problems = list(dict.fromkeys(_check_settings(workspace)
                                  + _check_packs(packs, questions, workspace)))
    if problems:
        raise ContentError(problems)
    _warn_unprintable(questions, workspace)
    files = f"{len(questions)} answer file{'' if len(questions) == 1 else 's'}"
    if bank.drafts:
        files += (f", {len(bank.drafts)} draft{'' if len(bank.drafts) == 1 else 's'} (left out "
                  "of builds until written)")
    if bank.questions:
        files += (f", {len(bank.questions)} question{'' if len(bank.questions) == 1 else 's'}"
                  " without answers")
    pack_files = f"{len(packs)} pack{'' if len(packs) == 1 else 's'}"
    return f"{files} and {pack_files} in {rel(target)} are valid."
