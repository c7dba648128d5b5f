"""A table of past questions (a saved page's ``<table>``, a spreadsheet's copied rows) →
the lines a typed list of them would give.

Input: the table's header cells and its rows of cells. Output: topic lines and listed
question lines, "1. What is acid rain? (CSS 2018)", which the importer reads as it reads
a list of questions. One reading for every format, so a table means the same in each.
"""

from __future__ import annotations

import re

COLUMNS = ("question", "year", "exam", "topic", "marks")
_NUMBER = re.compile(r"^(?:q(?:uestion)?\.?\s*(?:no\.?|#)|s\.?\s*no\.?|no\.?|#|sr\.?)$")


def question_columns(header: list[str]) -> dict[str, int] | None:
    """Where the header names the question, year, exam and topic columns; None unless it
    names the question and either the year or, as a year-wise page's table under its
    "CSS 2021" head does, the question's number on the paper.
    """
    named: dict[str, int] = {}
    for index, cell in enumerate(header):
        if _NUMBER.match(cell.casefold().strip(" :")) and "number" not in named:
            named["number"] = index
            continue
        for name in COLUMNS:
            if name in cell.casefold() and name not in named:
                named[name] = index
    if "question" not in named or not named.keys() & {"year", "number"}:
        return None
    return named


def listed_lines(columns: dict[str, int], rows: list[list[str]]) -> list[tuple[str, str]]:
    """("topic", head) when a row's topic cell starts a new topic (a cell merged over several
    rows is filled on its first row only, so it is carried down), and ("question", line)
    for every row whose question cell holds one (four words or more).

    None of the rows holding a question ("Question | Q.No.7") gives no lines: that is a
    table of one answer's facts, not of questions; so does a table without a year column
    holding fewer than two. Such a table's year is its head's ("CSS 2021" above it).
    """
    def cell(row: list[str], name: str) -> str:
        index = columns.get(name)
        return row[index] if index is not None and index < len(row) else ""

    found: list[tuple[str, str]] = []
    topic, listed = "", 0
    if "year" not in columns and sum(len(cell(r, "question").split()) >= 4 for r in rows) < 2:
        return []  # one question and its number or marks: one answer's facts
    for row in rows:
        asked, filled = cell(row, "question"), [c for c in row if c.strip()]
        if len(asked.split()) < 4:
            # A row of one cell across the table ("Foreign Policy" over its questions)
            # heads the rows under it, as a topic column's cell would.
            if "topic" not in columns and len(filled) == 1 and len(filled[0].split()) <= 8:
                topic = filled[0].replace("*", "").strip()
                found.append(("topic", topic))
            continue
        head = cell(row, "topic") or topic
        if head and head != topic:
            topic = head
            found.append(("topic", head))
        # "PMS (Punjab)" → "PMS Punjab": a bracket in the tag would end it early.
        exam = " ".join(re.sub(r"[()\[\]]", " ", cell(row, "exam")).split())
        # One "Exam / Year" column ("PMS Punjab 2019") gives both: it is read once.
        year = cell(row, "year") if columns.get("year") != columns.get("exam") else ""
        tag = " ".join(x for x in (exam, year) if x)
        listed += 1
        if "year" in columns:
            found.append(("question", f"{listed}. {asked} ({tag})"))
        else:
            # "Q.3 … (20)": the paper's own numbering; the year is the head's above.
            number, marks = cell(row, "number").strip(" ."), cell(row, "marks").strip()
            found.append(("question", f"Q.{number if number.isdigit() else listed} {asked}"
                          + (f" ({marks})" if marks.isdigit() else "")))
    return found
