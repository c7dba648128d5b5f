"""Answer files read before, kept as records, so a rebuild re-reads only what changed.

Reading an answer file means parsing YAML with positions, validating it and
deriving what it left out (summary, gists, outline): about 0.8 ms a file, a
third of a second for a 400-answer pack, on every build. A record depends
only on the file's text, the name it is shown under and studypack's code
and libraries, so it is kept under a key hashing exactly those.

Only files without problems are kept: a file with problems is read again
each time, so its report stays complete. The records live in one file,
``content.json`` in the cache folder, rewritten when a build reads a file
it had not seen (and then holding only that build's files). JSON checked
by pydantic, not pickle: a workspace may come from someone else with its
``out/`` folder, and reading a pickle can run any code in it (the layout
templates are sandboxed for the same reason); at worst a doctored file
here changes what a cached answer says, as editing the answer would.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from ..digests import digest, library_versions, tool_fingerprint
from ..errors import StudypackError
from ..model import Question
from ..output import write_atomically

FILE = "content.json"
READING_LIBRARIES = ("pyyaml", "pydantic", "markdown-it-py")
"""Libraries whose version can change what a file reads as."""

Record = tuple[Question, tuple[int, int]]
"""A file's question and the (line, col) of its ``id`` field."""


@dataclass
class ContentCache:
    """Records of answer files in ``folder`` (see the module's notes).

    Never raises: an unreadable, foreign or damaged file is an empty cache,
    and one that cannot be written is simply not kept.
    """

    folder: Path
    records: dict[str, Record] = field(default_factory=dict)
    used: dict[str, Record] = field(default_factory=dict)
    changed: bool = False

    @classmethod
    def open(cls, folder: Path) -> ContentCache:
        """The cache kept in ``folder``; an empty one when its file is missing or unreadable."""
        records: dict[str, Record] = {}
        path = folder / FILE
        # is_file: a pipe or device put in its place would block the read.
        if path.is_file():
            try:
                stamp = _stamp(path)
                kept = _KEPT.get(path)
                if kept is not None and kept[0] == stamp:
                    records = dict(kept[1])
                else:
                    records = _records().validate_json(path.read_bytes())
                    _KEPT[path] = (stamp, dict(records))
            except (OSError, ValueError, ValidationError, RecursionError):
                records = {}  # whatever is wrong with it, the files are read afresh
        return cls(folder, records)

    def key(self, shown_path: str, text: str) -> str:
        """Key of one file's record: its path and text, studypack's code, the readers' versions."""
        return digest(tool_fingerprint(), *library_versions(READING_LIBRARIES), shown_path, text)

    def get(self, key: str) -> Record | None:
        """The record kept under ``key`` (and keep it on save), or None."""
        found = self.records.get(key)
        if found is not None:
            self.used[key] = found
        return found

    def put(self, key: str, record: Record) -> None:
        """Keep ``record`` under ``key``; written by ``save``."""
        self.used[key] = record
        self.changed = True

    def save(self) -> None:
        """Write this build's records, if any was new; older ones are dropped."""
        if not self.changed and len(self.used) == len(self.records):
            return
        # A folder that cannot be written is no error; the render cache, kept
        # in the same folder, tells the user so.
        with suppress(OSError, StudypackError):
            self.folder.mkdir(parents=True, exist_ok=True)
            path = self.folder / FILE
            write_atomically(path, _records().dump_json(self.used))
            _KEPT[path] = (_stamp(path), dict(self.used))


_KEPT: dict[Path, tuple[tuple[int, int, int], dict[str, Record]]] = {}
"""The records of each file this process wrote or read, by the file's stat
stamp: a watching process (``pack --watch``) then checks the JSON once, not
on every rebuild (about 40 ms for 400 answers)."""


def _stamp(path: Path) -> tuple[int, int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size, stat.st_ino


@lru_cache(maxsize=1)
def _records() -> TypeAdapter[dict[str, Record]]:
    # Built on first use: it takes pydantic about 50 ms.
    return TypeAdapter(dict[str, Record])
