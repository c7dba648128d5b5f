"""Rosters: a centre's list of students (CSV or Excel) → ``Student`` records.

One row a student: a name and a roll number, and if wanted a batch and the
student's own changes to the pack's selection (extra topics or ids, and
exclusions). Column names are matched loosely ("Roll No.", "roll_number",
"Student name"), since rosters come out of whatever a centre keeps its
register in. Every problem is collected, with the roster's line (a
spreadsheet's row), before anything is built.
"""

from __future__ import annotations

import csv
import datetime
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import ContentError, Diagnostic, rel
from ..model import Question, SelectionChange, Student
from .importing.assemble import slug
from .validate import did_you_mean

COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "student", "student name", "full name"),
    "roll": ("roll", "roll number", "roll no", "roll no.", "roll #", "roll num"),
    "batch": ("batch", "class", "section", "group"),
    "topics": ("topics", "extra topics", "add topics"),
    "ids": ("ids", "extra ids", "add ids", "questions", "extra questions"),
    "exclude": ("exclude", "leave out", "skip"),
}
"""Each column's name and the other names a roster may give it (compared loosely)."""

MAX_ROWS = 100_000
"""Rows a roster may have: more is a wrong file, not a class."""

DATE_MARK = "\ue000date:"
"""Before a spreadsheet cell's text when the cell held a date or time."""

LIST_SPLIT = re.compile(r"\s*[;,|]\s*")
"""Items in a list cell: "Kashmir; Water and Climate" (commas and bars too)."""


def _loose(name: str) -> str:
    return re.sub(r"[\s_\-]+", " ", name.strip().casefold()).strip()


_ALIASES = {_loose(alias): column for column, names in COLUMNS.items() for alias in names}


def load_roster(path: Path) -> tuple[Student, ...]:
    """Read a roster (``.csv``, or ``.xlsx`` through openpyxl), checking every row.

    Raises:
        ContentError: Every problem, each with the roster's line: no name or
            roll column, a row without a name or roll number, a roll number
            given twice, a column this does not know.
    """
    shown = rel(path)
    suffix = path.suffix.casefold()
    if suffix not in (".csv", ".xlsx"):
        raise ContentError([Diagnostic(shown, 0, 0, "", "a roster is a .csv file or an Excel "
                                       ".xlsx workbook (first row: the column names)")])
    try:
        rows = list(_xlsx_rows(path) if suffix == ".xlsx" else _csv_rows(path))
    except (OSError, UnicodeDecodeError, csv.Error, ValueError, KeyError,
            zipfile.BadZipFile) as exc:
        raise ContentError([Diagnostic(shown, 0, 0, "", f"cannot be read ({exc}); save it "
                                       "again as CSV (UTF-8) or as an Excel workbook "
                                       "(.xlsx)")]) from None
    if not rows:
        raise ContentError([Diagnostic(shown, 0, 0, "", "is empty; its first row names the "
                                       "columns: name, roll, and if wanted batch, topics, "
                                       "ids, exclude")])
    header_line, header = rows[0]
    problems: list[Diagnostic] = []
    columns = _columns(header, shown, header_line, problems)
    students: list[Student] = []
    seen: dict[str, tuple[int, str]] = {}
    stems: dict[str, tuple[int, str]] = {}
    filled = [(line, cells) for line, cells in rows[1:] if any(c.strip() for c in cells)]
    if len(filled) > MAX_ROWS:
        raise ContentError([*problems, Diagnostic(shown, filled[MAX_ROWS][0], 0, "",
                                                  f"has more than {MAX_ROWS:,} students; "
                                                  "split it into several rosters")])
    for line, cells in filled:
        student = _student(cells, columns, shown, line, problems)
        if student is None:
            continue
        key = student.roll.casefold()
        stem = file_stem(student.roll)
        earlier = seen.get(key) or stems.get(stem)
        if earlier is not None:
            same = key in seen
            problems.append(Diagnostic(shown, line, 0, "roll", f"roll number "
                                       f"'{student.roll}' is given twice (line {earlier[0]} "
                                       "too); each student needs their own" if same else
                                       f"roll numbers '{student.roll}' and '{earlier[1]}' "
                                       f"(line {earlier[0]}) give the same file name; make "
                                       "them differ in a letter or digit"))
            continue
        seen[key] = stems[stem] = (line, student.roll)
        students.append(student)
    if not students and not problems:
        problems.append(Diagnostic(shown, header_line, 0, "", "has no students under its "
                                   "column names"))
    if problems:
        raise RosterProblems(problems, tuple(students))
    return tuple(students)


class RosterProblems(ContentError):
    """A roster's problems, and the students of its sound rows (checked further, so
    that one run lists every problem).
    """

    def __init__(self, problems: list[Diagnostic], students: tuple[Student, ...]) -> None:
        super().__init__(problems)
        self.students = students


def roster_problems(students: tuple[Student, ...], questions: tuple[Question, ...],
                    roster: Path) -> list[Diagnostic]:
    """Topics and ids in students' changes that no answer in the bank has, with a guess."""
    shown = rel(roster)
    topics = sorted({t for q in questions for t in q.topics})
    ids = sorted(q.id for q in questions)
    known_topics = {t.casefold() for t in topics}
    known_ids = {i.casefold() for i in ids}
    problems = []
    for s in students:
        for column, names in (("topics", s.change.topics), ("ids", s.change.ids)):
            known, choices = (known_topics, topics) if column == "topics" else (known_ids, ids)
            what = "topic" if column == "topics" else "id"
            problems += [Diagnostic(shown, s.line, 0, column, f"no answer has the {what} "
                                    f"'{name}'{did_you_mean(name, choices)}")
                         for name in names if name.casefold() not in known]
        problems += [Diagnostic(shown, s.line, 0, "exclude", f"'{name}' is neither an "
                                f"answer's id nor a topic{did_you_mean(name, [*ids, *topics])}")
                     for name in s.change.exclude
                     if name.casefold() not in known_ids | known_topics]
    return problems


def file_stem(text: str) -> str:
    """A file-name part from a roll number or name: "Ayesha Khan" → "ayesha-khan",
    "EB3/017" → "eb3-017", Urdu digits as 0–9; "" when nothing of it is a letter or digit.
    """
    plain = "".join(str(unicodedata.digit(c)) if c.isdigit() else c
                    for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return slug(plain)[:60].strip("-")


def _columns(header: list[str], shown: str, line: int, problems: list[Diagnostic]
             ) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        if not name.strip():
            continue
        column = _ALIASES.get(_loose(name))
        if column is None:
            guess = did_you_mean(_loose(name), list(_ALIASES))
            problems.append(Diagnostic(shown, line, index + 1, name.strip(), "is not a roster "
                                       "column; the columns are name, roll, batch, topics, "
                                       f"ids and exclude{guess}"))
        elif column in columns:
            problems.append(Diagnostic(shown, line, index + 1, name.strip(), f"is a second "
                                       f"'{column}' column; keep one"))
        else:
            columns[column] = index
    problems += [Diagnostic(shown, line, 0, needed, f"the roster has no '{needed}' column; "
                            "its first row names the columns")
                 for needed in ("name", "roll") if needed not in columns]
    return columns


def _student(cells: list[str], columns: dict[str, int], shown: str, line: int,
             problems: list[Diagnostic]) -> Student | None:
    def cell(column: str) -> str:
        index = columns.get(column)
        value = cells[index] if index is not None and index < len(cells) else ""
        # Control characters (a NUL pasted from elsewhere) print as nothing or worse.
        return " ".join("".join(c for c in value if unicodedata.category(c) != "Cc").split())

    def items(column: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(i for i in LIST_SPLIT.split(cell(column)) if i))

    if "name" not in columns or "roll" not in columns:
        return None
    name, roll = cell("name").replace(DATE_MARK, ""), cell("roll")
    found = len(problems)
    if not name:
        problems.append(Diagnostic(shown, line, columns["name"] + 1, "name", "the student has "
                                   "no name; write it, or delete the row"))
    if not roll:
        who = name or "the student"
        problems.append(Diagnostic(shown, line, columns["roll"] + 1, "roll",
                                   f"{who} has no roll number; each student needs one"))
    elif not file_stem(roll):
        problems.append(Diagnostic(shown, line, columns["roll"] + 1, "roll", f"roll number "
                                   f"'{roll}' has no letter or digit to name a file with"))
    elif roll.startswith(DATE_MARK):
        problems.append(Diagnostic(shown, line, columns["roll"] + 1, "roll", f"the roll "
                                   f"number is a date ({roll[len(DATE_MARK):]}) in the "
                                   "workbook; format the column as text and type it again"))
    if len(name) > 120:
        problems.append(Diagnostic(shown, line, columns["name"] + 1, "name", "is longer than "
                                   "120 characters; is this the right column?"))
    if len(problems) > found:
        return None
    return Student(name, roll, cell("batch").replace(DATE_MARK, ""), SelectionChange(
        items("topics"), items("ids"), items("exclude")), line)


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    # utf-8-sig: Excel's "CSV UTF-8" starts with a byte-order mark.
    with path.open(encoding="utf-8-sig", newline="") as file:
        # Excel set to a European language separates by ";", and a copy from a
        # spreadsheet by tabs: the first line says which.
        first = file.readline()
        file.seek(0)
        separators = {sep: first.count(sep) for sep in (",", ";", "\t")}
        reader = csv.reader(file, delimiter=max(separators, key=lambda s: separators[s]))
        for cells in reader:
            yield reader.line_num, cells


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, ["" if v is None else _cell_text(v) for v in row]
    finally:
        book.close()


def _cell_text(value: object) -> str:
    # A roll number typed as 17 comes back as the number 17 (or 17.0).
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        value = value.date()
    if isinstance(value, (datetime.date, datetime.time)):
        # Excel turned what was typed into a date: marked, to be reported where it matters.
        return DATE_MARK + value.isoformat()
    return str(value)
