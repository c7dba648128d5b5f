"""A table of past questions (a saved page's ``<table>``, a spreadsheet's copied rows) →
the lines a typed list of them would give.

Input: the table's header cells and its rows of cells. Output: topic lines and listed
question lines, "1. What is acid rain? (CSS 2018)", which the importer reads as it reads
a list of questions. One reading for every format, so a table means the same in each.
"""

from __future__ import annotations

import re

from .questions import question_marker, sitting_head, year_head

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
        if _aside(asked):
            continue  # "*(2024 paper — add when it is out)*": a note where a question will go
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


def _aside(cell: str) -> bool:
    """A cell wholly in brackets, emphasis aside: the writer's note, not a question."""
    text = cell.replace("*", "").replace("_", " ").strip()
    return text.startswith(("(", "[")) and text.endswith((")", "]")) and \
        text.count("(") + text.count("[") == 1


GRID_WORDS = 4
"""A grid's cell holding a question has at least this many words; "—" or "Q.3" is empty."""


def grid_lines(rows: list[list[str]]) -> list[tuple[str, str]]:
    """A grid of past questions: the heads along one side name sittings ("CSS 2019",
    "2020"), those along the other name topics, and each cell holds the question set on
    that topic in that sitting (or each of them, a line a question, "Q.3 …" under "Q.5
    …"), or nothing ("—"). Read as a list: each topic a head ("topic", head) over its
    questions, each ("question", line) tagged by its sitting.

    Empty unless two or more heads name sittings and two or more cells hold a question.
    """
    if len(rows) < 2:
        return []
    width = max(len(row) for row in rows)
    table = [[c.replace("*", "") for c in row] + [""] * (width - len(row)) for row in rows]

    def sitting(cell: str) -> tuple[str | None, int] | None:
        return year_head(" ".join(cell.split())) if len(cell.split()) <= 6 else None

    across = [sitting(c) for c in table[0][1:]]
    down = [sitting(row[0]) for row in table[1:]]
    groups: list[tuple[str, list[tuple[tuple[str | None, int], str]]]] = []
    if len(across) >= 2 and all(across):
        # Sittings head the columns; each row is a topic, read across.
        groups = [(row[0], [(s, c) for s, c in zip(across, row[1:], strict=True) if s])
                  for row in table[1:]]
    elif len(down) >= 2 and all(down):
        # Sittings head the rows; each column is a topic, read down.
        groups = [(table[0][k], [(s, row[k]) for s, row in zip(down, table[1:], strict=True)
                                 if s]) for k in range(1, width)]
    heads = [" ".join(head.split()) for head, _ in groups]
    # A head naming only an exam ("CSS", "PMS Punjab") across from the years gives the
    # exam, not a topic.
    exams = [sitting_head(f"{head} 2000") if head and not re.search(r"\d", head) else None
             for head in heads]
    groups = [(head, [((s[0] or (e[0] if e else None), s[1]), c) for s, c in group])
              for (head, group), e in zip(groups, exams, strict=True)]
    heads = ["" if e else head for head, e in zip(heads, exams, strict=True)]
    asked = [[(s, q) for s, cell in group for q in _cell_questions(cell)] for _, group in groups]
    cells = [q for group in asked for _, q in group]
    if len(cells) < 2 or any(len(head.split()) > 8 for head in heads):
        return []
    # The paper's own number before each question ("Q.2") is kept when every cell has one.
    numbered = all(question_marker(q) for q in cells)
    found: list[tuple[str, str]] = []
    for head, questions in zip(heads, asked, strict=True):
        if questions and head:
            found.append(("topic", head))
        for (exam, year), question in questions:
            tag = " ".join(x for x in (exam, str(year)) if x)
            marked = question_marker(question)
            if numbered and marked:
                found.append(("question", f"Q.{marked[0]} {marked[1]} ({tag})"))
            else:
                text = marked[1] if marked else question
                place = sum(kind == "question" for kind, _ in found) + 1
                found.append(("question", f"{place}. {text} ({tag})"))
    return found


def _cell_questions(cell: str) -> list[str]:
    """The questions a grid's cell holds: none ("—", a bracketed note), one, or one a line
    when each of its lines opens with a question's marker ("Q.3 …", "Q.5 …").
    """
    lines = [" ".join(line.split()) for line in cell.split("\n") if line.strip()]
    if len(lines) > 1 and all(question_marker(line) for line in lines):
        return [line for line in lines if len(line.split()) >= GRID_WORDS]
    text = " ".join(lines)
    return [text] if len(text.split()) >= GRID_WORDS and not _aside(text) else []
