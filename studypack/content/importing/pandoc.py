"""Pandoc's Markdown extensions, turned into the CommonMark the Markdown reader parses.

A teacher's Word handout converted with ``pandoc -t markdown`` carries spans with
attributes (``[Outline]{.underline}``), image sizes (``{width="6.5in"}``),
footnotes (``[^1]``) and tables drawn with dashes. CommonMark prints these as
typed, so a heading reads "[Outline]{.underline}" and a table as rows of words.
Input: the Markdown text. Output: the same text with spans unwrapped, attributes
and footnotes dropped (a footnote is a study note, not the answer) and dash
tables rewritten as pipe tables.
"""

from __future__ import annotations

import re

_SPAN = re.compile(r"\[([^\[\]]*)\]\{[^{}\n]*\}")
"""``[text]{.underline}``: a span with attributes; its text stays."""
_ATTRIBUTES = re.compile(r"(?<=[)\]}])\{(?:\s*(?:[#.][\w-]+|[\w-]+=(?:\"[^\"]*\"|\S+)))+\s*\}")
"""``{width="6.5in" height="0.7in"}`` after an image, a link or a heading."""
_NOTE_DEFINITION = re.compile(r"^\[\^[^\]\n]+\]:.*(?:\n(?: {4}|\t).*)*", re.MULTILINE)
_NOTE_MARK = re.compile(r"\[\^[^\]\n]+\](?!:)")
_COLUMNS = re.compile(r"^\s*-{3,}(?:\s+-{3,})+\s*$")
"""The dashed line under a dash table's header: one run of dashes per column."""
_RULE = re.compile(r"^\s*-{10,}\s*$")
"""A multiline table's opening and closing line, the table's whole width."""


def from_pandoc(text: str) -> str:
    """``text`` with pandoc's extensions rewritten in CommonMark (see the module's note)."""
    if not re.search(r"\]\{|\[\^|^\s*-{3,}\s+-{3,}", text, re.MULTILINE):
        return text
    # A Word comment ("[Add an example here?]{.comment-start …}") is a note, not the answer.
    text = re.sub(r"\[[^\[\]]*\]\{\.comment-(?:start|end)[^{}]*\}", "", text)
    text = _NOTE_DEFINITION.sub("", text)
    text = _NOTE_MARK.sub("", text)
    for _ in range(3):  # spans inside spans
        text = _SPAN.sub(r"\1", text)
    text = _ATTRIBUTES.sub("", text)
    return _dash_tables(text)


def _dash_tables(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    k = 0
    while k < len(lines):
        if _COLUMNS.match(lines[k]) and out and out[-1].strip():
            spans = [m.span() for m in re.finditer(r"-{3,}", lines[k])]
            header = out.pop()
            multiline = bool(out) and bool(_RULE.match(out[-1]))
            if multiline:
                out.pop()
            k, rows = _rows(lines, k + 1, multiline=multiline)
            out += ["", *_as_pipes(spans, [header], rows), ""]
            continue
        out.append(lines[k])
        k += 1
    return "\n".join(out)


def _rows(lines: list[str], start: int, *, multiline: bool) -> tuple[int, list[list[str]]]:
    """The table's rows from ``start``, each a list of its lines; and where the text goes on.

    A simple table ends at a blank line, each line a row; a multiline one at its closing
    rule, rows split by blank lines.
    """
    rows: list[list[str]] = []
    current: list[str] = []
    k = start
    while k < len(lines):
        line = lines[k]
        if multiline and _RULE.match(line):
            k += 1
            break
        if not line.strip():
            if not multiline:
                break
            if current:
                rows.append(current)
                current = []
        elif multiline:
            current.append(line)
        else:
            rows.append([line])
        k += 1
    if current:
        rows.append(current)
    return k, rows


def _cells(lines: list[str], spans: list[tuple[int, int]]) -> list[str]:
    """A row's cells: each column's slice of each of its lines, joined (the last column
    runs to the end of the line).
    """
    cells = []
    for index, (left, _) in enumerate(spans):
        stop = None if index == len(spans) - 1 else spans[index + 1][0]
        cells.append(" ".join(" ".join(line[left:stop].split()) for line in lines).strip())
    return cells


def _as_pipes(spans: list[tuple[int, int]], header: list[str], rows: list[list[str]]
              ) -> list[str]:
    def pipe(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return [pipe(_cells(header, spans)), pipe(["---"] * len(spans)),
            *(pipe(_cells(row, spans)) for row in rows)]
