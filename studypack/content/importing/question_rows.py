"""A table of past questions (a saved page's ``<table>``, a spreadsheet's copied rows) →
the lines a typed list of them would give.

Input: the table's header cells and its rows of cells. Output: topic lines and listed
question lines, "1. What is acid rain? (CSS 2018)", which the importer reads as it reads
a list of questions. One reading for every format, so a table means the same in each.
"""

from __future__ import annotations

import re

COLUMNS = ("question", "year", "exam", "topic")


def question_columns(header: list[str]) -> dict[str, int] | None:
    """Where the header names the question, year, exam and topic columns; None unless it
    names both the question and the year.
    """
    named: dict[str, int] = {}
    for index, cell in enumerate(header):
        for name in COLUMNS:
            if name in cell.casefold() and name not in named:
                named[name] = index
    return named if {"question", "year"} <= named.keys() else None


def listed_lines(columns: dict[str, int], rows: list[list[str]]) -> list[tuple[str, str]]:
    """("topic", head) when a row's topic cell starts a new topic (a cell merged over several
    rows is filled on its first row only, so it is carried down), and ("question", line)
    for every row whose question cell holds one (four words or more).

    None of the rows holding a question ("Question | Q.No.7") gives no lines: that is a
    table of one answer's facts, not of questions.
    """
    def cell(row: list[str], name: str) -> str:
        index = columns.get(name)
        return row[index] if index is not None and index < len(row) else ""

    found: list[tuple[str, str]] = []
    topic, listed = "", 0
    for row in rows:
        asked = cell(row, "question")
        if len(asked.split()) < 4:
            continue
        head = cell(row, "topic")
        if head and head != topic:
            topic = head
            found.append(("topic", head))
        # "PMS (Punjab)" → "PMS Punjab": a bracket in the tag would end it early.
        exam = " ".join(re.sub(r"[()\[\]]", " ", cell(row, "exam")).split())
        tag = " ".join(x for x in (exam, cell(row, "year")) if x)
        listed += 1
        found.append(("question", f"{listed}. {asked} ({tag})"))
    return found
