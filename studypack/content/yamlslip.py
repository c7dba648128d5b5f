"""A YAML syntax error as a person writing answers can act on it: where the slip is.

PyYAML reports where it gave up, which may be lines after the slip: a quote
left open on line 3 runs on to the next quote in the file, and the parser
stops wherever that leaves it. The usual slips are a value whose opening
quote or bracket is not closed on its line. Of such lines above the place
PyYAML names, the first whose closing lets the file parse past that place
is reported as the problem, with that place beside it; a list written over
two lines on purpose does not pass that test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from ..errors import Diagnostic
from .yamlpos import LOADER

UNCLOSED_FIX = {
    '"': 'close the quotes on the same line, or write \\" for a quote inside them',
    "'": "close the quotes on the same line, or write '' for a quote inside them",
    "[": "close it with ']' on the same line",
    "{": "close it with '}' on the same line",
}
"""How to close what a value opened, by its opening character."""
OPENED = {'"': "quoted text", "'": "quoted text", "[": "list '['", "{": "mapping '{'"}
CONTEXTS = {
    "while parsing a flow sequence": "in the list '[' …",
    "while parsing a flow mapping": "in the mapping '{' …",
    "while scanning a quoted scalar": "in the quoted text",
    "while parsing a block mapping": "in the fields",
}
"""PyYAML's names for what it was reading, in the words of a person writing answers."""

_VALUE = re.compile(r"""^(?P<indent>\s*)(?:-\s+)*(?:[\w .()/-]+:\s+)?(?P<open>["'\[{])""")
_BLOCK = re.compile(r"""^(?P<indent>\s*)(?:-\s+)*(?:[\w .()/-]+:\s*)?[|>][-+0-9]*\s*(#.*)?$""")
_CLOSED = {
    '"': re.compile(r'"(?:[^"\\]|\\.)*"\s*(?:#.*)?'),
    "'": re.compile(r"'(?:[^']|'')*'\s*(?:#.*)?"),
}


def left_open(lines: list[str]) -> Iterator[tuple[int, int, str]]:
    """(line, column, opening character) of each value left open on its line, in order.

    Lines of block text (after ``|`` or ``>``) are text, not values, and are
    passed over.
    """
    block_indent: int | None = None
    for number, line in enumerate(lines, 1):
        indent = len(line) - len(line.lstrip())
        if block_indent is not None:
            if not line.strip() or indent > block_indent:
                continue
            block_indent = None
        if _BLOCK.match(line):
            block_indent = indent
            continue
        found = _VALUE.match(line)
        if not found:
            continue
        start, opening = found.start("open"), found.group("open")
        value = line[start:].rstrip()
        if opening in _CLOSED:
            closed = _CLOSED[opening].fullmatch(value) is not None
        else:
            plain = re.sub(r'"(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'', "", value)
            closing = "]" if opening == "[" else "}"
            closed = plain.count(opening) <= plain.count(closing)
        if not closed:
            yield number, start + 1, opening


def _mends(lines: list[str], slip: tuple[int, int, str], stopped: int) -> bool:
    """Whether closing what ``slip`` opened lets the parser read past line ``stopped``.

    A list may run over lines on purpose; closing it where it opened then
    fails at once, and the slip is elsewhere.
    """
    at, _, opening = slip
    closing = {"[": "]", "{": "}"}.get(opening, opening)
    mended = [*lines[:at - 1], lines[at - 1].rstrip() + closing, *lines[at:]]
    try:
        # Composed only, by the same (C) parser that found the slip: a syntax check.
        yaml.compose("\n".join(mended), Loader=LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return mark is not None and mark.line + 1 > stopped
    return True


def syntax_problem(text: str, exc: yaml.YAMLError, shown_path: str) -> Diagnostic:
    """The diagnostic for a file PyYAML could not read (see the module's docstring)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None) or ""
    if "found undefined alias" in problem or context == "while scanning an alias":
        # Markdown's *italic* at the start of a value reads as a YAML alias.
        start = getattr(exc, "context_mark", None) or mark
        return Diagnostic(shown_path, start.line + 1 if start else line,
                          start.column + 1 if start else col, "",
                          "a value cannot start with '*' (YAML reads *name as an alias); put "
                          "the whole text in double quotes")
    fix = ("this line has a second ': '; put the text after the field name in double "
           "quotes" if "mapping values are not allowed" in problem else
           "check indentation and quote text that contains ': ' or starts with a "
           "special character")
    lines = text.splitlines()
    # The first value left open whose closing lets the parser read on: a list
    # written over two lines above the slip is left open too, on purpose.
    slip = next((found for found in left_open(lines[:line] if line else lines)
                 if (found[0], found[1]) != (line, col) and _mends(lines, found, line)), None)
    if slip is not None:
        at, column, opening = slip
        return Diagnostic(shown_path, at, column, "",
                          f"YAML syntax error: the {OPENED[opening]} opened here is not "
                          f"closed (the file reads on to line {line}, column {col}: "
                          f"{problem}); {UNCLOSED_FIX[opening]}")
    context, start = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    if context and start and mark and start.line != mark.line:
        what = CONTEXTS.get(context, context.removeprefix("while "))
        problem += f" ({what} opened at line {start.line + 1}, column {start.column + 1})"
    return Diagnostic(shown_path, line, col, "", f"YAML syntax error: {problem}; {fix}")
