"""The bank's search index: content files → an SQLite FTS5 table under ``out/.cache/``.

The YAML files stay the only source of truth. The index holds what the
workbench lists, filters and searches, and is brought up to date from the
files' sizes and modification times before each use: a changed file is
read again, a removed one dropped. A missing, corrupt or older index is
rebuilt from the files.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import time
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..content import answer_file_states, load_file
from ..content.cache import ContentCache
from ..errors import Diagnostic, StudypackWarning, rel
from ..model import PastQuestion, Question

SCHEMA = 5
"""Bumped when the tables change: an index of another version is rebuilt."""

# Vowel marks and Qur'anic annotation signs: a reader searches for a word
# without them, and typed text rarely has them.
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_WORD = re.compile(r"\w+", re.UNICODE)
_MARK_START, _MARK_END = "\x02", "\x03"
SEARCH_SECONDS = 2.0
"""Longest a search may run before it is stopped (a 10,000-answer bank needs 0.02 s)."""
INDEXED_CHARS = 60_000
"""Text of one answer kept for search and passages: a 900-word answer has about 6,000
characters; a file of megabytes would make every passage of it slow to find."""


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"[*`]+")


def searchable(text: str) -> str:
    """``text`` as indexed and as searched for: Arabic-script vowel marks removed."""
    return _ARABIC_MARKS.sub("", text)


def plain(text: str) -> str:
    """Markdown text as a snippet shows it: links as their words, no emphasis marks."""
    return _EMPHASIS.sub("", _LINK.sub(r"\1", text))


@dataclass(frozen=True)
class Row:
    """One answer (or question without one) as the bank lists it."""

    id: str
    path: str
    exam: str
    paper: str
    year: int | None
    number: int | None
    marks: int | None
    part: str | None
    topics: tuple[str, ...]
    question: str
    answered: bool
    snippet: str = ""


@dataclass(frozen=True)
class Filters:
    """What the bank is narrowed to; empty values keep everything."""

    exam: str = ""
    paper: str = ""
    topic: str = ""
    year_from: int | None = None
    year_to: int | None = None
    marks: int | None = None
    text: str = ""


@dataclass(frozen=True)
class Page:
    """One page of results, with how many match in all, and a note when the search
    could not be run (too long; a damaged index).
    """

    rows: tuple[Row, ...]
    total: int
    note: str = ""


@dataclass(frozen=True)
class FileProblem:
    """A content file that is not in the bank, or is with warnings: what check says."""

    path: str
    lines: tuple[str, ...]
    fatal: bool


_TABLES = """
CREATE TABLE files (path TEXT PRIMARY KEY, mtime INTEGER, size INTEGER,
                    problems TEXT NOT NULL, fatal INTEGER NOT NULL);
CREATE TABLE answers (n INTEGER PRIMARY KEY, id TEXT UNIQUE, key TEXT UNIQUE, path TEXT NOT NULL,
                      exam TEXT, paper TEXT, year INTEGER, number INTEGER, marks INTEGER,
                      part TEXT, topics TEXT, question TEXT, answered INTEGER);
CREATE INDEX answers_path ON answers(path);
CREATE TABLE topics (n INTEGER, topic TEXT);
CREATE INDEX topics_n ON topics(n);
CREATE INDEX topics_topic ON topics(topic);
CREATE VIRTUAL TABLE answers_fts USING fts5(
    question, summary, points, body,
    tokenize = 'unicode61 remove_diacritics 2');
"""

# Question text weighs most, then the summary and point headings, then the body.
_RANK = "bm25(answers_fts, 8.0, 4.0, 3.0, 1.0)"


class BankIndex:
    """The index of one content folder, kept in one SQLite file.

    Safe to share between a server's threads: each call holds one lock
    (SQLite work here takes milliseconds; a build does not run under it).
    """

    def __init__(self, content: Path, db_path: Path, cache_dir: Path | None = None) -> None:
        self.content = content
        self.db_path = db_path
        self.cache_dir = cache_dir
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._choices: dict[str, list[str]] | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._db is not None:
            return self._db
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = self._open()
        except sqlite3.DatabaseError:
            # Corrupt or not an SQLite file: it is only derived data.
            self.db_path.unlink(missing_ok=True)
            db = self._open()
        self._db = db
        return db

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.db_path, check_same_thread=False, isolation_level=None)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version != SCHEMA:
                for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type IN "
                                          "('table') AND name NOT LIKE 'sqlite_%' AND name "
                                          "NOT LIKE 'answers_fts_%'").fetchall():
                    db.execute(f'DROP TABLE IF EXISTS "{name}"')
                db.executescript(_TABLES)
                db.execute(f"PRAGMA user_version = {SCHEMA}")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("SELECT count(*) FROM answers_fts").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def refresh(self) -> int:
        """Read again the files changed since the last call; returns how many were read."""
        with self._lock:
            try:
                return self._refresh(self._connect())
            except sqlite3.DatabaseError:
                self._reset()
                return self._refresh(self._connect())

    def _reset(self) -> None:
        if self._db is not None:
            self._db.close()
        self._db = None
        self.db_path.unlink(missing_ok=True)

    def _refresh(self, db: sqlite3.Connection) -> int:
        known = {path: (mtime, size) for path, mtime, size
                 in db.execute("SELECT path, mtime, size FROM files")}
        present = answer_file_states(self.content) if self.content.is_dir() else {}
        gone = known.keys() - present.keys()
        changed = sorted(key for key, state in present.items() if known.get(key) != state)
        if not gone and not changed:
            return 0
        self._choices = None
        cache = ContentCache.open(self.cache_dir) if self.cache_dir else None
        db.execute("BEGIN")
        try:
            for key in sorted(gone | set(changed)):
                self._forget(db, key)
            for key in changed:
                self._add(db, key, self.content / key, present[key], cache)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        if cache:
            cache.save()
        if len(changed) > 100:
            # A rebuild leaves a log as big as the index; fold it in.
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return len(changed)

    @staticmethod
    def _forget(db: sqlite3.Connection, key: str) -> None:
        for (n,) in db.execute("SELECT n FROM answers WHERE path = ?", (key,)).fetchall():
            db.execute("DELETE FROM answers_fts WHERE rowid = ?", (n,))
            db.execute("DELETE FROM topics WHERE n = ?", (n,))
        db.execute("DELETE FROM answers WHERE path = ?", (key,))
        db.execute("DELETE FROM files WHERE path = ?", (key,))

    def record(self, answer_id: str) -> Question | PastQuestion | None:
        """The record of one id, read afresh from its file (None if it no longer reads)."""
        row = self.row(answer_id)
        if row is None:
            return None
        with self._lock:
            record, _, _ = _quiet_load(self.content / row.path)
        return record

    def _add(self, db: sqlite3.Connection, key: str, path: Path, state: tuple[int, int],
             cache: ContentCache | None) -> None:
        record, problems, caught = _quiet_load(path, cache)
        lines = [str(p) for p in problems] + caught
        fatal = bool(problems)
        if record is None and not problems:
            lines.insert(0, f"{rel(path)}: a draft: it leaves fields to write, and is left "
                         "out of builds until they are written ('studypack check' names them)")
            fatal = True
        taken = record is not None and db.execute(
            "SELECT path FROM answers WHERE key = ?", (record.id.casefold(),)).fetchone()
        if record is not None and taken:
            lines.append(f"{rel(path)}: id '{record.id}' is used by {taken[0]} too; give "
                         "each answer its own id")
            fatal = True
        db.execute("INSERT INTO files VALUES (?, ?, ?, ?, ?)",
                   (key, state[0], state[1], "\n".join(lines), int(fatal)))
        if record is None or taken:
            return
        answered = isinstance(record, Question)
        n = db.execute("INSERT INTO answers VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (record.id, record.id.casefold(), key, record.exam, record.paper or "",
                        record.year, record.number, record.marks, record.part,
                        "\n".join(record.topics), record.question, int(answered))).lastrowid
        db.executemany("INSERT INTO topics VALUES (?, ?)",
                       [(n, t.casefold()) for t in record.topics])
        db.execute("INSERT INTO answers_fts (rowid, question, summary, points, body) "
                   "VALUES (?, ?, ?, ?, ?)",
                   (n, *(searchable(plain(t))[:INDEXED_CHARS] for t in _texts(record))))

    def search(self, filters: Filters, *, offset: int = 0, limit: int = 50) -> Page:
        """The answers matching ``filters``: ranked by the text searched for, if any,
        else newest year first; with highlighted snippets when text was searched.
        """
        where, args = _where(filters)
        match = _match_expression(filters.text)
        with self._lock:
            db = self._connect()
            # No search may hold the index for long: past the limit it is stopped
            # and the page says so (sqlite3 calls this every 10,000 steps).
            deadline = time.monotonic() + SEARCH_SECONDS
            db.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
            try:
                return self._search(db, filters, match=match, where=where, args=args,
                                    offset=offset, limit=limit)
            except sqlite3.DatabaseError as exc:
                if "interrupted" in str(exc):
                    return Page((), 0, note="That search took too long and was stopped: "
                                "use fewer or longer words, or a filter.")
                # Damaged under us: it is only derived data, made again at the next page.
                self._reset()
                return Page((), 0, note="The search index was damaged; it is being made "
                            "again from the answer files. Search again in a moment.")
            finally:
                if self._db is not None:
                    self._db.set_progress_handler(None, 0)

    @staticmethod
    def _search(db: sqlite3.Connection, filters: Filters, *, match: str, where: str,
                args: list[object], offset: int, limit: int) -> Page:
        if filters.text and not match:
            return Page((), 0)
        if match:
            base = (f"FROM answers_fts JOIN answers a ON a.n = answers_fts.rowid "
                    f"WHERE answers_fts MATCH ? {' AND ' + where if where else ''}")
            args = [match, *args]
            total = db.execute(f"SELECT count(*) {base}" if where else
                               "SELECT count(*) FROM answers_fts WHERE answers_fts MATCH ?",
                               args).fetchone()[0]
            cur = db.execute(
                f"SELECT {_COLUMNS}, snippet(answers_fts, -1, '{_MARK_START}', "
                f"'{_MARK_END}', '…', 14) {base} ORDER BY {_RANK}, a.id "
                "LIMIT ? OFFSET ?", [*args, limit, offset])
        else:
            base = f"FROM answers a {'WHERE ' + where if where else ''}"
            total = db.execute(f"SELECT count(*) {base}", args).fetchone()[0]
            cur = db.execute(f"SELECT {_COLUMNS}, '' {base} ORDER BY a.year DESC, "
                             "a.paper, a.number, a.id LIMIT ? OFFSET ?",
                             [*args, limit, offset])
        return Page(tuple(_row(r) for r in cur.fetchall()), total)

    def ids(self, filters: Filters) -> list[str]:
        """Every id matching ``filters``, in the order ``search`` lists them."""
        page = self.search(filters, limit=1_000_000)
        return [r.id for r in page.rows]

    def rows(self, ids: Iterable[str]) -> dict[str, Row]:
        """The rows of ``ids`` that are in the bank (case-insensitive), by their id."""
        wanted = [i.casefold() for i in ids]
        found: dict[str, Row] = {}
        with self._lock:
            db = self._connect()
            for chunk in range(0, len(wanted), 500):
                part = wanted[chunk:chunk + 500]
                marks = ",".join("?" * len(part))
                for r in db.execute(f"SELECT {_COLUMNS}, '' FROM answers a "
                                    f"WHERE a.key IN ({marks})", part):
                    row = _row(r)
                    found[row.id] = row
        return found

    def row(self, answer_id: str) -> Row | None:
        """The row of one id (case-insensitive), or None."""
        found = self.rows([answer_id])
        return next(iter(found.values()), None)

    def path_of(self, answer_id: str) -> Path | None:
        """The content file of one id, as the index found it (never a path from a request)."""
        row = self.row(answer_id)
        return self.content / row.path if row else None

    def choices(self) -> dict[str, list[str]]:
        """The exams, papers, topics and marks the bank holds, for the filter lists."""
        with self._lock:
            if self._choices is None:
                self._choices = self._list_choices(self._connect())
            return self._choices

    @staticmethod
    def _list_choices(db: sqlite3.Connection) -> dict[str, list[str]]:
        topics: dict[str, str] = {}
        for (text,) in db.execute("SELECT topics FROM answers"):
            for t in text.split("\n"):
                topics.setdefault(t.casefold(), t)
        return {
            "exam": [e for (e,) in db.execute("SELECT DISTINCT exam FROM answers ORDER BY 1")],
            "paper": [p for (p,) in db.execute(
                "SELECT DISTINCT paper FROM answers ORDER BY 1")],
            "topic": sorted(topics.values(), key=str.casefold),
            "marks": [str(m) for (m,) in db.execute(
                "SELECT DISTINCT marks FROM answers WHERE marks IS NOT NULL ORDER BY 1")],
            "year": [str(y) for (y,) in db.execute(
                "SELECT DISTINCT year FROM answers ORDER BY 1")],
        }

    def problems(self) -> list[FileProblem]:
        """Every file with something ``check`` would say, fatal ones first."""
        with self._lock:
            db = self._connect()
            return [FileProblem(self._shown(path), tuple(text.split("\n")), bool(fatal))
                    for path, text, fatal in db.execute(
                        "SELECT path, problems, fatal FROM files WHERE problems != '' "
                        "ORDER BY fatal DESC, path")]

    def problems_of(self, answer_id: str) -> tuple[str, ...]:
        """What ``check`` says of one answer's file (warnings; an answer listed has no errors)."""
        row = self.row(answer_id)
        if row is None:
            return ()
        with self._lock:
            found = self._connect().execute("SELECT problems FROM files WHERE path = ?",
                                            (row.path,)).fetchone()
        return tuple(line for line in (found[0] if found else "").split("\n") if line)

    def _shown(self, key: str) -> str:
        return rel(self.content / key)

    def close(self) -> None:
        """Close the database (a later call opens it again)."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


def _quiet_load(path: Path, cache: ContentCache | None = None
                ) -> tuple[Question | PastQuestion | None, list[Diagnostic], list[str]]:
    # Python's warning filters are global: callers hold the index's lock, the
    # one place of the server that reads content files.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", StudypackWarning)
        record, _, problems = load_file(path, cache)
    said = list(dict.fromkeys(str(w.message) for w in caught
                              if issubclass(w.category, StudypackWarning)))
    return record, problems, said


_COLUMNS = ("a.id, a.path, a.exam, a.paper, a.year, a.number, a.marks, a.part, a.topics, "
            "a.question, a.answered")


def _number(value: object) -> int | None:
    return int(str(value)) if value is not None else None


def _row(r: tuple[object, ...]) -> Row:
    return Row(id=str(r[0]), path=str(r[1]), exam=str(r[2]), paper=str(r[3]),
               year=_number(r[4]), number=_number(r[5]), marks=_number(r[6]),
               part=str(r[7]) if r[7] is not None else None,
               topics=tuple(str(r[8]).split("\n")), question=str(r[9]),
               answered=bool(r[10]), snippet=str(r[11] or ""))


def _where(filters: Filters) -> tuple[str, list[object]]:
    clauses: list[str] = []
    args: list[object] = []
    if filters.exam:
        clauses.append("a.exam = ? COLLATE NOCASE")
        args.append(filters.exam)
    if filters.paper:
        clauses.append("a.paper = ? COLLATE NOCASE")
        args.append(filters.paper)
    if filters.topic:
        clauses.append("a.n IN (SELECT t.n FROM topics t WHERE t.topic = ?)")
        args.append(filters.topic.casefold())
    if filters.year_from is not None:
        clauses.append("a.year >= ?")
        args.append(filters.year_from)
    if filters.year_to is not None:
        clauses.append("a.year <= ?")
        args.append(filters.year_to)
    if filters.marks is not None:
        clauses.append("a.marks = ?")
        args.append(filters.marks)
    return " AND ".join(clauses), args


MAX_WORDS = 8
"""Words a search uses; more add nothing a reader needs and cost the index dearly."""


def _match_expression(text: str) -> str:
    # Each word the user typed must occur (as a word, or a word's start for words of
    # three letters or more): FTS5's own query syntax (quotes, NEAR, column filters)
    # is not a centre's to learn. Repeats are dropped and the words capped: "a a a …"
    # would make the index try every prefix combination.
    words = list(dict.fromkeys(w.casefold() for w in _WORD.findall(searchable(text))))
    return " ".join(f'"{w}"*' if len(w) >= 3 else f'"{w}"' for w in words[:MAX_WORDS])


def _texts(record: Question | PastQuestion) -> tuple[str, str, str, str]:
    if not isinstance(record, Question):
        return record.question, "", "", ""
    points = "\n".join(f"{p.heading}. {p.gist}" for p in record.points)
    body = "\n".join([record.introduction,
                      *(f"{p.body}\n" + "\n".join(p.subpoints) for p in record.points),
                      *(f"{s.heading}\n{s.body}" for s in record.sections),
                      record.conclusion])
    return record.question, record.summary, points, body


def highlighted(snippet: str) -> tuple[tuple[str, bool], ...]:
    """A snippet as (text, is_match) runs: the page escapes the text and marks the matches."""
    runs: list[tuple[str, bool]] = []
    for i, part in enumerate(re.split(f"[{_MARK_START}{_MARK_END}]", snippet)):
        if part:
            runs.append((part, i % 2 == 1))
    return tuple(runs)
