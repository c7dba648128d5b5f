"""The batch folder's manifest: one row per copy (student, file, pages, bytes, SHA-256),
the pack it is a copy of and the digest of what it was made from, so that a second run
knows what is up to date and a folder is never shared by two packs' copies.

CSV, because a centre opens it in a spreadsheet to see who has which file.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..digests import file_sha256
from ..errors import WorkspaceError, rel
from ..output import link_problem, write_atomically

COLUMNS = ("roll", "name", "batch", "file", "pages", "bytes", "sha256", "pack", "inputs")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""How a cell a spreadsheet would run as a formula starts; such names are written
after an apostrophe, which a spreadsheet shows as text."""


def journal_of(manifest: Path) -> Path:
    """Where copies are noted as they are made, so a run stopped part-way (Ctrl-C stops
    at once) is resumed from where it stopped: beside the manifest, hidden.
    """
    return manifest.with_name(f".{manifest.stem}-journal.csv")


def check_manifest(path: Path, pack: str) -> None:
    """Refuse a folder whose manifest is not ours, or lists another pack's copies.

    Raises:
        WorkspaceError: The manifest or its journal is a link, a folder, a file
            studypack did not write, or the record of another pack's copies.
    """
    for kept in (path, journal_of(path)):
        problem = link_problem(kept)
        if problem:
            raise WorkspaceError(problem)
        if kept.exists() and not kept.is_file():
            raise WorkspaceError(f"{rel(kept)} is not a file; move it away, or give the "
                                 "copies another folder (--output)")
    if not path.exists():
        return
    try:
        with path.open(encoding="utf-8", newline="") as file:
            reader = csv.reader(file)
            header = next(reader, [])
            at = header.index("pack") if "pack" in header else None
            packs = {row[at] for row in reader if at is not None and len(row) > at}
    except (OSError, UnicodeDecodeError, csv.Error):
        header, packs = [], set()
    if tuple(header) != COLUMNS:
        raise WorkspaceError(f"{rel(path)} was not written by studypack batch, so it is not "
                             "replaced: move it away, or give the copies another folder "
                             "(--output)")
    others = sorted(p for p in packs if p and p != pack)
    if others:
        raise WorkspaceError(f"{rel(path.parent)} holds the copies of {others[0]}; each pack's "
                             "copies need a folder of their own: give another --output, or "
                             "set batch.output in the pack file")


def read_manifest(path: Path) -> dict[str, dict[str, str]]:
    """Rows of earlier runs by roll number, the journal's last: {} when there are none.

    A row cut short by a stop is not a row: it is left out.
    """
    rows: dict[str, dict[str, str]] = {}
    for source, header in ((path, None), (journal_of(path), list(COLUMNS))):
        try:
            with source.open(encoding="utf-8", newline="") as file:
                found = list(csv.DictReader(file, fieldnames=header))
        except (OSError, UnicodeDecodeError, csv.Error):
            continue
        rows.update((row["roll"], row) for row in found
                    if all(isinstance(row.get(c), str) and row[c] for c in COLUMNS
                           if c != "batch") and row.get(None) is None)
    return rows


def note_row(path: Path, row: dict[str, str]) -> None:
    """Add a copy just made to the manifest's journal (appended, flushed to disk)."""
    buffer = io.StringIO()
    csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n").writerow(row)
    with journal_of(path).open("a", encoding="utf-8", newline="") as file:
        file.write(buffer.getvalue())
        file.flush()


def write_manifest(path: Path, rows: list[dict[str, str]]) -> None:
    """Write the manifest whole (atomically); the journal, now in it, goes."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    write_atomically(path, buffer.getvalue().encode("utf-8"))
    journal_of(path).unlink(missing_ok=True)


def as_text(value: str) -> str:
    """A roster's name or batch as a manifest cell a spreadsheet shows, never runs."""
    return "'" + value if value.startswith(FORMULA_START) else value


def up_to_date(row: dict[str, str], target: Path, inputs: str) -> bool:
    """Whether an earlier run's copy is there, unchanged, made from the same inputs."""
    if row["inputs"] != inputs or row["file"] != target.name:
        return False
    try:
        if target.is_symlink() or target.stat().st_size != int(row["bytes"]):
            return False
        return file_sha256(target) == row["sha256"]
    except (OSError, ValueError):
        return False
