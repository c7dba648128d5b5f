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
     "a rule (---, *** or ___) prints as the characters typed; leave a blank line between "
     "paragraphs instead"),
    (re.compile(r"~~[^~\s][^~]*~~"),
     "strikethrough (~~…~~) prints with its ~ marks; leave the words out, or say in words "
     "that they are struck"),
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
SUSPECT = re.compile(r"^[ \t]*(?:#{1,6}[ \t]|```|~~~|[-*_][ \t]*[-*_][ \t]*[-*_]|=+[ \t]*$|\||>)"
                     r"|!\[|</?[A-Za-z]|~~", re.MULTILINE)
"""A file with none of these has nothing to warn of (most files): no second YAML parse."""


IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
IMAGE_SAYS = ("an image prints only as a figure: alone on its line in an introduction, a "
              "point's body, a section or the conclusion; elsewhere write it in words")


def line_problems(value: str, *, figures: bool = False) -> Iterator[tuple[int, str, str]]:
    """Each line of one field's text that would print as typed, or not as meant: its
    0-based index, its text stripped, and what to say of it (in line order; a line may
    have several).

    Args:
        value: The field's text.
        figures: The field is running text (an introduction, a body, a conclusion),
            where figures, quotations and tables print; elsewhere they print as typed.
    """
    lines = value.split("\n")
    tables = (_table_lines(value) if figures and any(line.lstrip().startswith("|")
                                                     for line in lines) else {})
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
        said += _quote_problems(lines, index, figures=figures)
        row = stripped.startswith("|") and stripped.endswith("|") and index not in tables
        if row and not said and not in_rows:  # a run of such rows is one table: said once
            said.append(ROW_WITHOUT_TABLE if figures else TABLE_ELSEWHERE)
        if index in tables and _cells(stripped) > tables[index]:
            said.append(f"this row has {_cells(stripped)} cells and the header "
                        f"{tables[index]}; the last {_cells(stripped) - tables[index]} are not "
                        "printed: add columns to the header, or join the cells")
        in_rows = row
        for says in said:
            yield index, stripped, says


QUOTE_ELSEWHERE = ("a quotation (a line starting with '>') prints only in an introduction, a "
                   "point's or section's body, or the conclusion; here it prints as typed")
TABLE_ELSEWHERE = ("a table prints only in an introduction, a point's or section's body, or "
                   "the conclusion; here its rows print as typed")
MORE_THAN = ("a line starting with '>' is a quotation, so '> 20%' prints as '20%'; to say "
             "'more than', write 'more than 20%' (a '>' inside a line stays as typed)")
QUOTE_AFTER_TEXT = ("a line starting with '>' right under text starts a quotation there; "
                    "leave a blank line before a quotation, or write 'more than' for '>'")


def _quote_problems(lines: list[str], index: int, *, figures: bool) -> list[str]:
    """What to say of a line that starts with '>': a quotation where none prints, or a
    '>' that likely means "more than".
    """
    stripped = lines[index].strip()
    if not stripped.startswith(">"):
        return []
    if not figures:
        return [QUOTE_ELSEWHERE]
    after = stripped.lstrip(">").strip()
    if re.match(r"[\d%$€£₨.,]", after):
        return [MORE_THAN]
    previous = lines[index - 1].strip() if index else ""
    if previous and not previous.startswith(">"):
        return [QUOTE_AFTER_TEXT]
    return []


def _cells(row: str) -> int:
    """How many cells a pipe-table row has (a backslash before a pipe keeps it in its cell)."""
    return len(re.split(r"(?<!\\)\|", row.strip().strip("|")))


def _table_lines(value: str) -> dict[int, int]:
    """The 0-based lines of ``value`` that markdown-it reads as part of a pipe table, each
    with its table's number of header cells.
    """
    lines: dict[int, int] = {}
    value_lines = value.split("\n")
    for token in parser().parse(value):
        if token.type == "table_open" and token.map:
            header = _cells(value_lines[token.map[0]].strip())
            lines.update(dict.fromkeys(range(*token.map), header))
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
