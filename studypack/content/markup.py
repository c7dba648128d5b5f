"""Markdown an answer may hold that the content format does not print, found with its line.

The format prints emphasis, links, code, lists, block quotations and pipe
tables (``inline.parser``). Anything else a writer carries over from another
tool — a ``#`` heading, a code fence, a rule, an image, HTML tags, a table
without its line of dashes — would reach the page as the characters typed.
``markup_warnings`` names each such line with file:line:col and the field, and
says what to write instead; the loader raises them as warnings, so ``check``
lists them and ``--strict`` refuses them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from .figures import FIGURE_LINE, figure_allowed, find_line, strings_of
from .inline import parser
from .yamlpos import dotted, load_located

UNSUPPORTED: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^#{1,6}\s+\S"),
     "a Markdown heading (#) prints with its # marks; make it a point's heading, or bold "
     "text (**…**)"),
    (re.compile(r"^(?:```|~~~)"),
     "a code block (```) is not part of the answer format; write its text as a paragraph"),
    (re.compile(r"^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$"),
     "a rule (---) prints as the characters typed; leave a blank line between paragraphs "
     "instead"),
    # Tags by name, attributes only as name=value: "if A<B and C>D" is not a tag.
    (re.compile(r"</?(?:a|b|i|u|em|strong|br|p|div|span|img|table|thead|tbody|tr|td|th|ul|"
                r"ol|li|h[1-6]|sup|sub|font|blockquote|code|pre|hr|center|small|big)"
                r"(?:\s+[A-Za-z-]+=(?:\"[^\"]*\"|'[^']*'|[^\s>]+))*\s*/?>", re.IGNORECASE),
     "HTML tags print as typed; use **bold**, *italic*, a list or a pipe table"),
)
"""A line's pattern and what to say of it."""

ROW_WITHOUT_TABLE = ("a table row prints as the characters typed unless a line of dashes "
                     "(|---|---|) follows the header row")
SETEXT = re.compile(r"^(?:=+|-+)[ \t]*$")
SETEXT_SAYS = ("a line of = or - under text makes a Markdown heading, which prints as the "
               "characters typed; make it a point's heading, or bold text (**…**)")
SUSPECT = re.compile(r"^[ \t]*(?:#{1,6}[ \t]|```|~~~|[-*_][ \t]*[-*_][ \t]*[-*_]|=+[ \t]*$|\|)"
                     r"|!\[|</?[A-Za-z]", re.MULTILINE)
"""A file with none of these has nothing to warn of (most files): no second YAML parse."""


IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
IMAGE_SAYS = ("an image prints only as a figure: alone on its line in an introduction, a "
              "point's body, a section or the conclusion; elsewhere write it in words")


def line_problems(value: str, *, figures: bool = False) -> Iterator[tuple[int, str, str]]:
    """Each line of one field's text that would print as typed: its 0-based index, its
    text stripped, and what to say of it (in line order; a line may have several).
    """
    lines = value.split("\n")
    tables = _table_lines(value) if any(line.lstrip().startswith("|") for line in lines) else set()
    in_rows = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            in_rows = False
            continue
        said = [says for pattern, says in UNSUPPORTED if pattern.search(stripped)]
        if IMAGE.search(stripped) and not (figures and FIGURE_LINE.fullmatch(stripped)):
            said.append(IMAGE_SAYS)
        if not said and index and lines[index - 1].strip() and SETEXT.match(stripped):
            said.append(SETEXT_SAYS)
        row = stripped.startswith("|") and stripped.endswith("|") and index not in tables
        if row and not said and not in_rows:  # a run of such rows is one table: said once
            said.append(ROW_WITHOUT_TABLE)
        in_rows = row
        for says in said:
            yield index, stripped, says


def _table_lines(value: str) -> set[int]:
    """The 0-based lines of ``value`` that markdown-it reads as part of a pipe table."""
    lines: set[int] = set()
    for token in parser().parse(value):
        if token.type == "table_open" and token.map:
            lines.update(range(*token.map))
    return lines


def markup_warnings(text: str, shown: str) -> list[str]:
    """Every line of an answer file's text fields that the format would print as typed.

    Args:
        text: The file's YAML text.
        shown: The path as messages show it.

    Returns:
        ``"file:line:col field: what it is; what to write"`` per such line, in file order.
    """
    if not SUSPECT.search(text):
        return []
    try:
        located = load_located(text)
    except yaml.YAMLError:  # the file's own problems are reported by its validation
        return []
    file_lines = text.split("\n")
    found: list[tuple[int, int, str]] = []
    for path, value in strings_of(located.data):
        cursor, _ = located.where(path)
        placed: dict[int, tuple[int, int]] = {}
        for index, stripped, says in line_problems(value, figures=figure_allowed(path)):
            if index not in placed:
                # Searched from the line after the last one placed: two "```"
                # lines of one field are two places.
                placed[index] = find_line(file_lines, stripped, cursor)
                cursor = placed[index][0] + 1
            line, col = placed[index]
            found.append((line, col, f"{shown}:{line}:{col} {dotted(path)}: {says}"))
    return [message for *_, message in sorted(found)]
