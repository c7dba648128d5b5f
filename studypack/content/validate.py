"""Turn YAML + schema problems into ``Diagnostic`` records with positions.

Input: one file's text and path. Output: an ``AnswerFile`` or the full list
of problems in that file (never just the first).
"""

from __future__ import annotations

import difflib
import reprlib
from collections.abc import Callable
from dataclasses import dataclass
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


@dataclass(frozen=True)
class _Error:
    """One pydantic error and what a message about it may draw on."""

    err: Any
    value: Any
    shown: str
    fields: dict[str, tuple[str, ...]]
    path: PathKey
    hint: str


def _unknown_field(e: _Error) -> str:
    parent = "" if len(e.path) < 2 else str(next(p for p in reversed(e.path[:-1])
                                                if isinstance(p, str)))
    known = e.fields.get(parent, e.fields.get("", ()))
    close = did_you_mean(str(e.path[-1]), known)
    home = next((section for section, names in e.fields.items()
                 if section != parent and str(e.path[-1]) in names), None)
    # A field spelled exactly as one of another section is more likely misplaced
    # than misspelled ("years" at the top of a pack is not "cards").
    if home is not None:
        return ("is not a field here; it belongs " + (
            f"under '{home}:' (move it below that line, indented)" if home else
            "at the top level of the file (move it out, not indented)"))
    return f"unknown field{close or '; remove it or check the spelling (' + e.hint + ')'}"


def _not_text(e: _Error) -> str:
    if e.value is None:
        return "is empty; write the text after the colon (or delete the line if optional)"
    if isinstance(e.value, dict):
        return ("must be text, but YAML read it as 'key: value' because it contains ': '; "
                "put the whole text in double quotes")
    return f"must be text, not {type(e.value).__name__}; quote it or write it as one block"


def _pattern(e: _Error) -> str:
    # The only patterns in the schemas are the colour and the id.
    if "#" in str(e.err.get("ctx", {}).get("pattern", "")):
        return f"{e.shown} is not a colour; write it as \"#rrggbb\" in quotes, e.g. \"#1d4e6e\""
    return (f"{e.shown} is not a valid id; use lowercase letters, digits and dashes, "
            "e.g. css-2022-pakistan-affairs-q8")


def _not_one_of(e: _Error) -> str:
    expected = [x.strip(" '") for x in str(e.err.get("ctx", {}).get("expected", "")).replace(
        " or ", ", ").split(",")]
    guess = did_you_mean(e.value if isinstance(e.value, str) else e.shown,
                         [x for x in expected if x])
    return f"{e.shown} is not one of {', '.join(expected)}{guess}"


def _whole_number(e: _Error) -> str:
    return f"must be a whole number, not {e.shown}"


def _true_or_false(e: _Error) -> str:
    return f"must be true or false, not {e.shown}"


def _a_list(_: _Error) -> str:
    return "must be a list (one '- item' per line)"


_MESSAGES: dict[str, Callable[[_Error], str]] = {
    "missing": lambda e: f"is required; add it ({e.hint})",
    "extra_forbidden": _unknown_field,
    "string_too_short": lambda _: "must not be empty; write the text",
    "string_too_long": lambda e: (f"is too long ({len(str(e.value))} characters); "
                                  f"keep it under {e.err['ctx']['max_length']}"),
    "int_parsing": _whole_number,
    "int_type": _whole_number,
    "int_from_float": _whole_number,
    "string_type": _not_text,
    "tuple_type": _a_list,
    "list_type": _a_list,
    "too_short": lambda _: "needs at least one item",
    "string_pattern_mismatch": _pattern,
    "bool_parsing": _true_or_false,
    "bool_type": _true_or_false,
    "literal_error": _not_one_of,
    "value_error": lambda e: str(e.err["msg"]).removeprefix("Value error, "),
    "model_type": lambda _: "must be a mapping of 'field: value' lines",
}
"""Message for each pydantic error type (pydantic's names), as a registry (house rule 7)."""


def problem_message(err: Any, fields: dict[str, tuple[str, ...]], path: PathKey,
                    hint: str = FORMAT_HINT) -> str:
    """A reader's message for one pydantic error: what is wrong, what to do.

    Args:
        err: One entry of ``ValidationError.errors()``.
        fields: Known field names by section ("" for the top level), for "did you mean".
        path: Where the error is, as keys and indexes.
        hint: Where the format is described, for messages that point there.

    Returns:
        The message, e.g. "must be a whole number, not 'eight'".
    """
    kind = err["type"]
    value = err.get("input")
    # Cut short: a value may be a megabyte of text, or lists nested 1,000 deep.
    error = _Error(err, value, _SHORT.repr(value), fields, path, hint)
    if kind in _MESSAGES:
        return _MESSAGES[kind](error)
    if kind.startswith(("greater_than", "less_than")):
        return f"{error.shown} is out of range: {err['msg'].lower()}"
    return f"{err['msg']} (got {error.shown})"


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
        mark = exc.mark
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
        misspelt = _misspelt(errors, fields)
        for err in errors:
            path: PathKey = tuple(err["loc"])
            if err["type"] == "too_short" and any(p[:len(path)] == path and len(p) > len(path)
                                                  for p in failing):
                continue  # the list has items; they are reported themselves
            if err["type"] == "missing" and path in misspelt:
                continue  # "unknown field …; did you mean" at its misspelling says it
            line, col = located.where(path, key=err["type"] == "extra_forbidden")
            problems.append(Diagnostic(shown_path, line, col, dotted(path),
                                       problem_message(err, fields, path, hint)))
        return None, located, problems
    if problems:
        return None, located, problems
    return record, located, []


def _misspelt(errors: list[Any], fields: dict[str, tuple[str, ...]]) -> set[PathKey]:
    """Paths of required fields reported missing because a sibling key misspells them.

    ``headng:`` makes two errors, an unknown field and a missing ``heading``;
    the first, with its did-you-mean, is the one worth reading.
    """
    found: set[PathKey] = set()
    for err in errors:
        path: PathKey = tuple(err["loc"])
        if err["type"] != "extra_forbidden" or not path:
            continue
        parent = "" if len(path) < 2 else str(next((p for p in reversed(path[:-1])
                                                     if isinstance(p, str)), ""))
        meant = closest(str(path[-1]), fields.get(parent, fields.get("", ())))
        if meant:
            found.add((*path[:-1], meant))
    return found


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
