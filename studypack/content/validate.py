"""Turn YAML + schema problems into ``Diagnostic`` records with positions.

Input: one file's text and path. Output: an ``AnswerFile`` or the full list
of problems in that file (never just the first).
"""

from __future__ import annotations

import difflib
import reprlib
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from ..errors import Diagnostic, rel
from .textsize import long_paragraphs, too_long_message
from .yamlpos import ANCHORS_REFUSED, AnchorRefused, Located, PathKey, dotted, load_located
from .yamlslip import syntax_problem

M = TypeVar("M", bound=BaseModel)

FORMAT_HINT = "see docs/content-format.md"
MAX_FILE_BYTES = 32 * 2**20
"""Largest YAML file read (an answer is 5-30 kB): a link to a disk image or a log named
.yaml would otherwise be read whole into memory."""


def read_source(path: Path) -> tuple[str | None, list[Diagnostic]]:
    """Read a user's text file as UTF-8.

    Returns:
        ``(text, [])``, or ``(None, [problem])`` naming the line of a byte that
        is not UTF-8, or why the file cannot be read (also when it is larger
        than ``MAX_FILE_BYTES``).
    """
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [Diagnostic(rel(path), 0, 0, "", f"is {size / 2**20:,.0f} MB; studypack "
                                     f"reads files of up to {MAX_FILE_BYTES // 2**20} MB (an "
                                     "answer is a few kB): is it the right file?")]
        data = path.read_bytes()
    except OSError as exc:
        return None, [Diagnostic(rel(path), 0, 0, "", f"cannot be read ({exc.strerror}); check "
                                 "that it exists and that you may read it")]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Diagnostic(rel(path), line, col, "", "is not UTF-8 text; save the file as "
                                 "UTF-8 (in Notepad: Save As, Encoding: UTF-8)")]


def closest(word: str, choices: tuple[str, ...] | list[str]) -> str | None:
    """The choice most like ``word`` (ignoring case), or None when none is close."""
    by_fold = {c.casefold(): c for c in choices}
    close = difflib.get_close_matches(word.casefold(), list(by_fold), n=1, cutoff=0.6)
    return by_fold[close[0]] if close else None


def did_you_mean(word: str, choices: tuple[str, ...] | list[str]) -> str:
    """``; did you mean 'x'?`` for the closest choice, or ``""``."""
    close = closest(word, choices)
    return f"; did you mean '{close}'?" if close else ""


_SHORT = reprlib.Repr()
_SHORT.maxstring = _SHORT.maxother = 80
_SHORT.maxlevel = 3


def problem_message(err: Any, fields: dict[str, tuple[str, ...]], path: PathKey,
                    hint: str = FORMAT_HINT) -> str:
    """A reader's message for one pydantic error: what is wrong, what to do."""
    kind = err["type"]
    value = err.get("input")
    # Cut short: a value may be a megabyte of text, or lists nested 1,000 deep.
    shown = _SHORT.repr(value)
    if kind == "missing":
        return f"is required; add it ({hint})"
    if kind == "extra_forbidden":
        parent = "" if len(path) < 2 else str(next(p for p in reversed(path[:-1])
                                                  if isinstance(p, str)))
        known = fields.get(parent, fields.get("", ()))
        close = did_you_mean(str(path[-1]), known)
        home = next((section for section, names in fields.items()
                     if section != parent and str(path[-1]) in names), None)
        if not close and home is not None:
            return ("is not a field here; it belongs " + (
                f"under '{home}:' (move it below that line, indented)" if home else
                "at the top level of the file (move it out, not indented)"))
        return f"unknown field{close or '; remove it or check the spelling (' + hint + ')'}"
    if kind == "string_too_short":
        return "must not be empty; write the text"
    if kind == "string_too_long":
        return f"is too long ({len(str(value))} characters); keep it under {err['ctx']['max_length']}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"must be a whole number, not {shown}"
    if kind == "string_type" and value is None:
        return "is empty; write the text after the colon (or delete the line if optional)"
    if kind == "string_type" and isinstance(value, dict):
        return ("must be text, but YAML read it as 'key: value' because it contains ': '; "
                "put the whole text in double quotes")
    if kind == "string_type":
        return f"must be text, not {type(value).__name__}; quote it or write it as one block"
    if kind in ("tuple_type", "list_type"):
        return "must be a list (one '- item' per line)"
    if kind == "too_short":
        return "needs at least one item"
    if kind == "string_pattern_mismatch" and "#" in str(err.get("ctx", {}).get("pattern", "")):
        return (f"{shown} is not a colour; write it as \"#rrggbb\" in quotes, "
                "e.g. \"#1d4e6e\"")
    if kind == "string_pattern_mismatch":
        return (f"{shown} is not a valid id; use lowercase letters, digits and dashes, "
                "e.g. css-2022-pakistan-affairs-q8")
    if kind in ("int_type",) and isinstance(value, bool):
        return f"must be a whole number, not {str(value).lower()}"
    if kind.startswith(("greater_than", "less_than")):
        return f"{shown} is out of range: {err['msg'].lower()}"
    if kind in ("bool_parsing", "bool_type"):
        return f"must be true or false, not {shown}"
    if kind == "literal_error":
        expected = [e.strip(" '") for e in str(err.get("ctx", {}).get("expected", "")).replace(
            " or ", ", ").split(",")]
        guess = did_you_mean(value if isinstance(value, str) else shown,
                             [e for e in expected if e])
        return f"{shown} is not one of {', '.join(expected)}{guess}"
    if kind == "value_error":
        return str(err["msg"]).removeprefix("Value error, ")
    if kind == "model_type":
        return "must be a mapping of 'field: value' lines"
    return f"{err['msg']} (got {shown})"


def validate_text(text: str, shown_path: str, model: type[M],
                  fields: dict[str, tuple[str, ...]], *, allow_empty: bool = False,
                  hint: str = FORMAT_HINT) -> tuple[M | None, Located | None, list[Diagnostic]]:
    """Parse and validate one YAML file against ``model``.

    Args:
        text: File contents.
        shown_path: Path as it should appear in messages.
        model: The pydantic model of the file.
        fields: Known field names per parent key, for did-you-mean hints.
        allow_empty: An empty file means "all defaults" (settings, layouts).
        hint: Where the format is documented, for "is required" messages.

    Returns:
        ``(record, located, problems)``; ``record`` is None when there are problems.
    """
    try:
        located = load_located(text)
    except AnchorRefused as exc:
        mark = exc.problem_mark
        return None, None, [Diagnostic(shown_path, mark.line + 1, mark.column + 1, "",
                                       ANCHORS_REFUSED)]
    except yaml.YAMLError as exc:
        return None, None, [syntax_problem(text, exc, shown_path)]
    problems = [Diagnostic(shown_path, *_dup_position(text, located, dup), dotted(dup),
                           "appears twice; keep one") for dup in located.duplicates]
    problems += [Diagnostic(shown_path, *located.where(path), dotted(path),
                            too_long_message(number, length))
                 for path, number, length in long_paragraphs(located.data)]
    if located.data is None and allow_empty:
        located = Located({}, {}, (), {})
    if not isinstance(located.data, dict):
        problems.append(Diagnostic(shown_path, 1, 1, "",
                                   "the file must hold 'field: value' lines, one per field"))
        return None, located, problems
    try:
        record = model.model_validate(located.data)
    except ValidationError as exc:
        errors = exc.errors()
        failing = {tuple(e["loc"]) for e in errors}
        for err in errors:
            path: PathKey = tuple(err["loc"])
            if err["type"] == "too_short" and any(p[:len(path)] == path and len(p) > len(path)
                                                  for p in failing):
                continue  # the list has items; they are reported themselves
            line, col = located.where(path, key=err["type"] == "extra_forbidden")
            problems.append(Diagnostic(shown_path, line, col, dotted(path),
                                       problem_message(err, fields, path, hint)))
        return None, located, problems
    if problems:
        return None, located, problems
    return record, located, []


def _dup_position(text: str, located: Located, path: PathKey) -> tuple[int, int]:
    # The second occurrence of the key: the first is in key_positions.
    first_line = located.where(path, key=True)[0]
    name = str(path[-1])
    for number, line in enumerate(text.splitlines()[first_line:], first_line + 1):
        stripped = line.lstrip()
        if stripped.startswith(f"{name}:"):
            return (number, len(line) - len(stripped) + 1)
    return located.where(path, key=True)


def load_settings_file(path: Path, model: type[M], fields: dict[str, tuple[str, ...]]
                       ) -> tuple[M, Located]:
    """Read and validate a settings-like YAML file (empty means all defaults).

    Raises:
        ContentError: The file cannot be read, or every problem in it.
    """
    from ..errors import ContentError

    text, problems = read_source(path)
    if text is None:
        raise ContentError(problems)
    record, located, problems = validate_text(text, rel(path), model, fields,
                                              allow_empty=True)
    if record is None or located is None:
        raise ContentError(problems)
    return record, located
