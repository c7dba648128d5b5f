"""What a content folder already holds, as ``studypack import`` must know it before writing.

Input: the content folder. Output: ``Earlier``: which file holds each id, which
file came from each imported source and question, and whether a file is still
as it was imported. An imported file's first line is a stamp with a digest of
what was written, so a later ``--force`` can tell a user's edit from the
import's own text and never overwrite the edit.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import content_files
from .yamlpos import load_plain

_STAMP = re.compile(r"^# studypack import ([0-9a-f]{12})\b[^\n]*\n")
_ID_LINE = re.compile(r"^id:\s*['\"]?([^'\"\s#]+)", re.MULTILINE)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def stamped(text: str) -> str:
    """``text`` (an imported file's YAML) with the stamp line that lets edits be seen."""
    return (f"# studypack import {_digest(text)}: --force may replace this file while it "
            "is as imported; once you edit it, import never will\n" + text)


def edited(text: str) -> bool:
    """True when a stamped file's text is no longer what the import wrote. A file
    without a stamp (written by hand, or by an import before stamps) is not known to
    be edited: the other rules (same id, a file of answers) still guard it.
    """
    match = _STAMP.match(text)
    if match is None:
        return False
    return _digest(text[match.end():]) != match.group(1)


def id_of(path: Path) -> str | None:
    """The ``id:`` of a content file (None when it has none, or is not a mapping)."""
    try:
        return _id_in(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None


def _id_in(text: str) -> str | None:
    match = _ID_LINE.search(text)
    if match:
        return match.group(1)
    try:  # '"id": …' and other spellings YAML allows
        data = load_plain(text)
    except yaml.YAMLError:
        return None
    return str(data["id"]) if isinstance(data, dict) and data.get("id") else None


def import_key(source: object, exam: object, question: object) -> tuple[str, str, str]:
    """What makes two imports the same answer: where it came from, for which exam, and
    what it asks (a year or paper given later does not make it another answer).
    """
    return (str(source or ""), str(exam or "").upper(),
            " ".join(str(question or "").split()).casefold())


@dataclass
class Earlier:
    """The content folder's files as an import sees them.

    Attributes:
        ids: Every id in use → the file holding it.
        imports: ``import_key`` of each imported file → the file.
    """

    ids: dict[str, Path] = field(default_factory=dict)
    imports: dict[tuple[str, str, str], Path] = field(default_factory=dict)


def earlier_files(content: Path) -> Earlier:
    """Read every content file's id, and the source and question of imported ones."""
    earlier = Earlier()
    if not content.is_dir():
        return earlier
    for path in content_files(content):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        found = _id_in(text)
        if found:
            earlier.ids.setdefault(found, path)
        if "studypack import" not in text:
            continue
        try:
            data = load_plain(text)
        except yaml.YAMLError:
            continue
        if isinstance(data, dict) and data.get("source"):
            earlier.imports.setdefault(
                import_key(data["source"], data.get("exam"), data.get("question")), path)
    return earlier
