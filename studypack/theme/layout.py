"""Layout files: ``layouts/<name>/layout.yaml`` → a validated ``LayoutSpec``.

Values layer explicitly: the built-in ``base`` layout, then each layout named
by ``extends`` down to the chosen one. A layout file states only what it
changes; problems are reported with file:line like content problems.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..content.validate import did_you_mean, problem_message, read_source, validate_text
from ..content.yamlpos import Located, dotted
from ..errors import ContentError, Diagnostic, WorkspaceError, rel
from .geometry import geometry_problems
from .spec import FIELD_NAMES, LayoutSpec, Name, StrictModel

BUILTIN_LAYOUTS = Path(__file__).resolve().parent.parent / "layouts"


def layout_dirs(name: str, workspace: Path | None) -> list[Path]:
    """Folders that define layout ``name``, most specific first (user, built-in)."""
    found = []
    if workspace is not None and (workspace / "layouts" / name / "layout.yaml").is_file():
        found.append(workspace / "layouts" / name)
    if (BUILTIN_LAYOUTS / name / "layout.yaml").is_file():
        found.append(BUILTIN_LAYOUTS / name)
    return found


def available_layouts(workspace: Path | None) -> list[str]:
    """Layouts a user can choose (the internal ``base`` is left out)."""
    names = {p.parent.name for p in BUILTIN_LAYOUTS.glob("*/layout.yaml")} - {"base"}
    if workspace is not None:
        names |= {p.parent.name for p in (workspace / "layouts").glob("*/layout.yaml")}
    return sorted(names)


def _merge(low: dict[str, Any], high: dict[str, Any]) -> dict[str, Any]:
    out = dict(low)
    for key, value in high.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _read_layout(folder: Path) -> tuple[str, Located | None]:
    """A layout file's text and positions; every problem raised as ContentError."""
    path = folder / "layout.yaml"
    text, problems = read_source(path)
    if text is None:
        raise ContentError(problems)
    _, located, found = validate_text(text, rel(path), _PartialLayout, FIELD_NAMES,
                                      allow_empty=True)
    if found:
        raise ContentError(found)
    return text, located


def _extends_of(folder: Path) -> str | None:
    if folder == BUILTIN_LAYOUTS / "base":
        return None
    _, located = _read_layout(folder)
    data = located.data if located is not None else {}
    return str(data.get("extends") or "base")


def layout_chain(name: str, workspace: Path | None) -> list[Path]:
    """The layout folders to layer, base first, chosen layout last.

    A user layout may extend the built-in layout of the same name (a user's
    ``layouts/classic`` with ``extends: classic`` tweaks the built-in one).

    Raises:
        WorkspaceError: The chosen layout name is unknown.
        ContentError: An ``extends`` names an unknown layout or loops (file:line).
    """
    chain: list[Path] = []
    current: str | None = name
    while current is not None:
        folder = next((d for d in layout_dirs(current, workspace) if d not in chain), None)
        if folder is None:
            known = available_layouts(workspace)
            if layout_dirs(current, workspace):
                problem = f"layout '{current}' extends itself in a loop; extend another layout"
            else:
                problem = (f"no layout named '{current}'{did_you_mean(current, known)} "
                           f"(layouts: {', '.join(known)})")
            if not chain:
                raise WorkspaceError(problem)
            # Named by an ``extends`` line: say which file and line.
            path = chain[0] / "layout.yaml"
            _, located = _read_layout(chain[0])
            where = located.where(("extends",)) if located else (0, 0)
            raise ContentError([Diagnostic(rel(path), *where, "extends", problem)])
        chain.insert(0, folder)
        current = _extends_of(folder)
    return chain


def load_layout(name: str, workspace: Path | None
                ) -> tuple[LayoutSpec, list[Path], list[tuple[str, Located]]]:
    """Layer and validate layout ``name``.

    Args:
        name: Layout name, e.g. "classic".
        workspace: The user's workspace folder (holding ``layouts/``), or None.

    Returns:
        The merged ``LayoutSpec``, the folders it came from, base first
        (templates resolve in the reverse order), and each file's positions.

    Raises:
        WorkspaceError: Unknown layout.
        ContentError: Problems in any layout file, with file:line.
    """
    chain = layout_chain(name, workspace)
    merged: dict[str, Any] = {}
    sources: list[tuple[str, Located]] = []
    for folder in chain:
        shown = rel(folder / "layout.yaml")
        _, located = _read_layout(folder)
        if located is not None and isinstance(located.data, dict):
            merged = _merge(merged, located.data)
            sources.append((shown, located))
    merged.pop("extends", None)
    try:
        spec = LayoutSpec.model_validate(merged)
    except ValidationError as exc:
        raise ContentError([_place(err, sources) for err in exc.errors()]) from None
    from . import PAGE_SIZES_PT
    problems = geometry_problems(spec, PAGE_SIZES_PT[spec.page.size], sources)
    if problems:
        raise ContentError(problems)
    return spec, chain, sources


def where_set(path: tuple[str | int, ...], sources: list[tuple[str, Located]]
              ) -> tuple[str, int, int]:
    """File, line and column of the layout file that set ``path`` last."""
    shown, located = next(((s, loc) for s, loc in reversed(sources) if path in loc.positions),
                          sources[-1])
    return (shown, *located.where(path))


def _place(err: Any, sources: list[tuple[str, Located]]) -> Diagnostic:
    # Report a merged-layout problem in the file that set the value last.
    path = tuple(err["loc"])
    shown, located = next(((s, loc) for s, loc in reversed(sources) if path in loc.positions),
                          sources[-1])
    return Diagnostic(shown, *located.where(path), dotted(path), _message(err, path))


def _message(err: Any, path: tuple[str | int, ...]) -> str:
    value = err.get("input")
    if err["type"] == "finite_number" or (isinstance(value, float) and not math.isfinite(value)):
        return f"{err.get('input')!r} is not a size; write a plain number such as 12"
    if err["type"] in ("float_parsing", "float_type"):
        return f"must be a number, not {err.get('input')!r}"
    return problem_message(err, FIELD_NAMES, path)


class _PartialLayout(StrictModel):
    """One layout file: every section optional, unknown sections rejected."""

    extends: Name | None = None
    page: dict[str, Any] | None = None
    columns: Any = None
    backgrounds: Any = None
    grayscale: Any = None
    fonts: dict[str, Any] | None = None
    type: dict[str, Any] | None = None
    colours: dict[str, Any] | None = None
    blocks: dict[str, Any] | None = None
    worksheet: dict[str, Any] | None = None
    cards: dict[str, Any] | None = None
