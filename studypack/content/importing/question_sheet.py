"""A sheet of past questions pasted as plain text: a spreadsheet's tab-separated rows or
CSV file, or a grid of topics by sittings.

Input: the text's lines. Output: a topic line over each run of the sheet's questions and
"1. Question (CSS 2019)" lines, as a typed list would read; other lines as they are.
"""

from __future__ import annotations

import csv

from .question_rows import grid_lines, listed_lines, question_columns


def question_sheet(lines: list[str]) -> list[str]:
    """A spreadsheet of past questions copied as tab-separated rows, or saved as CSV (a
    header row naming the Question and Year columns) → a topic line over each run of its
    questions and "1. Question (CSS 2019)" lines, as a typed list would read
    (``question_rows``); so is a grid of topics by sittings copied as tab-separated rows.
    Other lines are left as they are, except that a CSV file's
    other rows (a title, a note, padded with commas) are read as their cells' words.
    """
    out: list[str] = []
    k = 0
    sheet = any(_csv_columns(line) for line in lines)
    while k < len(lines):
        tabbed = "\t" in lines[k]
        columns = question_columns(_cells(lines[k])) if tabbed else _csv_columns(lines[k])
        k += 1
        if columns is None and tabbed:
            # A grid of topics by sittings ("Topic | CSS 2019 | CSS 2020"), copied.
            end = k
            while end < len(lines) and "\t" in lines[end]:
                end += 1
            grid = grid_lines([_cells(line) for line in lines[k - 1:end]])
            if grid:
                for kind, text in grid:
                    out += ["", text, ""] if kind == "topic" else [text]
                k = end
                continue
        if columns is None:
            out.append(" ".join(c for c in _csv_row(lines[k - 1]) if c)
                       if sheet and "," in lines[k - 1] else lines[k - 1])
            continue
        rows: list[list[str]] = []
        if tabbed:
            while k < len(lines) and "\t" in lines[k]:
                rows.append(_cells(lines[k]))
                k += 1
        else:
            k = _csv_rows(lines, k, rows)
        for kind, text in listed_lines(columns, rows):
            out += ["", text, ""] if kind == "topic" else [text]
    return out


def _cells(line: str) -> list[str]:
    return [" ".join(cell.split()) for cell in line.split("\t")]


def _csv_row(line: str) -> list[str]:
    """One line of a CSV file as its cells (Python's ``csv`` reads the quoting)."""
    return [" ".join(cell.split()) for cell in next(csv.reader([line]), [])]


def _csv_columns(line: str) -> dict[str, int] | None:
    """A CSV header row's question columns (``question_columns``), or None. A header's
    cells are names of a word or two, not a sentence's clauses.
    """
    cells = _csv_row(line) if line.count(",") >= 2 else []
    if len(cells) < 3 or any(len(cell.split()) > 3 for cell in cells):
        return None
    return question_columns(cells)


def _csv_rows(lines: list[str], start: int, rows: list[list[str]]) -> int:
    """The CSV rows from ``start`` to the first empty one (a row of commas alone) into
    ``rows``; returns the index of the line after them. A quoted cell may hold a line
    break: ``csv`` reads on to its closing quote.
    """
    reader = csv.reader(lines[start:])
    for row in reader:
        cells = [" ".join(cell.split()) for cell in row]
        if not any(cells):
            break
        rows.append(cells)
    return start + reader.line_num
