"""An answer as a form: content-file fields ↔ form values, and a file's text with new values.

The form shows the fields a person writes (exam, paper, year, number, marks,
topics, question, summary, introduction, key points, conclusion); every
other field of the file passes through as it is. Writing goes through
ruamel.yaml's round trip, so a file keeps its comments, key order, flow
lists and block style wherever a value did not change.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

LINES = ("exam", "paper", "part")
NUMBERS = ("year", "number", "marks")
LISTS = ("topics", "tags")
TEXTS = ("question", "summary", "introduction", "conclusion")
POINT_PARTS = ("heading", "gist", "body", "subpoints")
OPTIONAL = frozenset({"part", "marks", "tags"})
LABELS = {"exam": "Exam", "paper": "Paper", "part": "Part", "year": "Year",
          "number": "Question number", "marks": "Marks", "topics": "Topics (one a line)",
          "tags": "Tags (one a line)", "question": "Question", "summary": "Summary",
          "introduction": "Introduction", "conclusion": "Conclusion"}
REQUIRED = ("exam", "paper", "year", "number", "topics", "question", "introduction",
            "conclusion")
"""Fields an answer needs to be in the bank: an edit or import leaving one empty would
write a draft, which builds and the bank leave out."""
SPARE_POINTS = 1
"""Empty key-point rows under the filled ones, for adding a point without a script."""


@dataclass(frozen=True)
class Field:
    """One form field as a page shows it."""

    name: str
    label: str
    value: str
    kind: str
    mark: str = ""
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class PointRow:
    """One key point's four fields."""

    number: int
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class AnswerForm:
    """The whole form: fields, key points, and problems that belong to no one field."""

    fields: tuple[Field, ...]
    points: tuple[PointRow, ...]
    general: tuple[str, ...] = ()


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "\n".join(str(v) for v in value)
    return str(value).strip()


def form_values(data: Mapping[str, Any]) -> dict[str, str]:
    """A content file's fields as form values (``points-2-heading`` for point 2's heading)."""
    values = {name: _shown(data.get(name)) for name in (*LINES, *NUMBERS, *LISTS, *TEXTS)}
    points = data.get("points") or []
    for n, point in enumerate(points if isinstance(points, list) else [], 1):
        for part in POINT_PARTS:
            values[f"points-{n}-{part}"] = _shown(point.get(part) if isinstance(point, Mapping)
                                                  else None)
    return values


def _number(raw: str) -> int | str | None:
    raw = raw.strip()
    if not raw:
        return None
    # A value that is not a number stays as typed, for the check to name.
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 6 else raw


def _text(raw: str) -> str:
    return "\n".join(line.rstrip() for line in raw.replace("\r\n", "\n").strip().split("\n"))


def _items(raw: str, *, commas: bool = True) -> list[str]:
    # Topics and tags may be typed "a, b" on one line; a sub-point is a line.
    parts = re.split(r"\n|," if commas else r"\n", raw.replace("\r\n", "\n"))
    return [p.strip() for p in parts if p.strip()]


def empty_required(values: Mapping[str, str]) -> list[tuple[str, str]]:
    """(field, message) for each field an answer needs that the form leaves empty."""
    said = [(name, f"{LABELS[name].split(' (')[0]} must not be empty: write it, or the "
             "answer drops out of the bank and its packs")
            for name in REQUIRED if not values.get(name, "").strip()]
    if not any(values.get(f"points-{n}-heading", "").strip() for n in point_numbers(values)):
        said.append(("points-1-heading", "an answer needs at least one key point"))
    return said


def point_numbers(values: Mapping[str, str]) -> list[int]:
    """The point numbers present in form values, in order."""
    found = {int(m.group(1)) for k in values if (m := re.fullmatch(r"points-(\d{1,3})-\w+", k))}
    return sorted(found)


def data_from_form(values: Mapping[str, str], base: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` (the file's fields) with the form's values laid over it, in the file's order.

    A value whose text is unchanged keeps the file's own (its line breaks and
    trailing newline); an optional field left empty is removed; empty key-point
    rows are dropped.
    """
    data = dict(base)

    def put(name: str, value: object) -> None:
        old = data.get(name)
        if isinstance(old, str) and isinstance(value, str) and old.strip() == value.strip():
            return
        if value in (None, "", []) and name in OPTIONAL:
            data.pop(name, None)
        else:
            data[name] = value

    for name in LINES:
        # A one-line field stays one line, whatever was pasted into it.
        put(name, " ".join(values.get(name, "").split()))
    for name in NUMBERS:
        put(name, _number(values.get(name, "")))
    for name in LISTS:
        put(name, _items(values.get(name, "")))
    for name in TEXTS:
        if name in base or values.get(name, "").strip():
            put(name, _text(values.get(name, "")))
    given = base.get("points")
    old_points: list[Any] = given if isinstance(given, list) else []
    points = []
    for n in point_numbers(values):
        row = {part: values.get(f"points-{n}-{part}", "") for part in POINT_PARTS}
        if not any(v.strip() for v in row.values()):
            continue
        old = old_points[n - 1] if 0 < n <= len(old_points) and isinstance(
            old_points[n - 1], Mapping) else {}
        point = dict(old)
        for part in POINT_PARTS:
            value: object = (_items(row[part], commas=False) if part == "subpoints"
                             else _text(row[part]))
            was = point.get(part)
            if isinstance(was, str) and isinstance(value, str) and was.strip() == value.strip():
                continue
            if value in ("", []) and part != "heading":
                point.pop(part, None)
            else:
                point[part] = value
        points.append(point)
    if points or "points" in base:
        data["points"] = points
    _follow_headings(data, old_points)
    _drop_settled(data, base)
    return data


def _follow_headings(data: dict[str, Any], old_points: list[Any]) -> None:
    # A written outline that names a point by its heading names it by its new one:
    # the form shows no outline, so an outline left behind would print the old words.
    outline = data.get("outline")
    if not isinstance(outline, list):
        return
    renamed = {}
    for old, new in zip(old_points, data["points"], strict=False):
        if isinstance(old, Mapping) and isinstance(new, Mapping):
            before, after = str(old.get("heading", "")), str(new.get("heading", ""))
            if before and after and before.strip() != after.strip():
                renamed[before.strip()] = after.strip()
    if renamed:
        data["outline"] = [renamed.get(str(line).strip(), line) for line in outline]


def _drop_settled(data: dict[str, Any], base: Mapping[str, Any]) -> None:
    # An import's note that a field was worked out ("topics: 'Unsorted' until you
    # name one") no longer holds once the field is written in the form.
    derived = data.get("derived")
    if not isinstance(derived, list):
        return
    kept = [note for note in derived
            if data.get(str(note).split(":", 1)[0].strip()) ==
            base.get(str(note).split(":", 1)[0].strip())]
    if kept:
        data["derived"] = kept
    else:
        data.pop("derived", None)


def form_of(values: Mapping[str, str], problems: list[tuple[str, str]] = (),  # type: ignore[assignment]
            marks: Mapping[str, str] | None = None) -> AnswerForm:
    """The form to show: ``values``, each field's problems beside it, and ``marks``
    (field → "found", "guessed" or "missing", for an import's review).

    Args:
        values: Form values, as ``form_values`` gives them.
        problems: (form field, message) pairs; field "" for the file as a whole.
        marks: What the importer says of each field.
    """
    marks = marks or {}
    said: dict[str, list[str]] = {}
    for name, message in problems:
        said.setdefault(name, []).append(message)

    def field(name: str, label: str, kind: str) -> Field:
        value = values.get(name, "")
        mark = marks.get(name, marks.get(name.split("-", 1)[0], ""))
        if name.startswith("points-") and not name.endswith(("-heading", "-body")):
            mark = ""  # gists and sub-points are written by the author, not read
        if mark != "missing" and not value.strip():
            mark = ""
        return Field(name, label, value, kind, mark, tuple(said.pop(name, ())))

    fields = [field(n, LABELS[n], "line") for n in LINES[:2]]
    fields += [field(n, LABELS[n], "number") for n in NUMBERS]
    fields += [field("part", LABELS["part"], "line")]
    fields += [field(n, LABELS[n], "list") for n in LISTS]
    fields += [field(n, LABELS[n], "text") for n in TEXTS]
    numbers = [n for n in point_numbers(values)
               if any(values.get(f"points-{n}-{part}", "").strip() for part in POINT_PARTS)]
    last = max(numbers, default=0)
    rows = [
        PointRow(n, (
            field(f"points-{n}-heading", "Heading", "line"),
            field(f"points-{n}-gist", "Gist (one line for the key-points table; "
                  "empty: cut from the body)", "line"),
            field(f"points-{n}-body", "Body", "text"),
            field(f"points-{n}-subpoints", "Sub-points (one a line)", "list")))
        for n in [*numbers, *range(last + 1, last + 1 + SPARE_POINTS)]]
    general = [m for name in list(said) for m in said.pop(name)]
    return AnswerForm(tuple(fields), tuple(rows), tuple(general))


def form_field(key: str) -> str:
    """The form field a problem's dotted key belongs to: ``points[2].body`` → ``points-2-body``."""
    m = re.fullmatch(r"points\[(\d+)\](?:\.(\w+))?(?:\[\d+\])?", key)
    if m:
        return f"points-{m.group(1)}-{m.group(2) or 'heading'}"
    name = re.split(r"[.\[]", key, maxsplit=1)[0]
    known = (*LINES, *NUMBERS, *LISTS, *TEXTS)
    return name if name in known else ""
