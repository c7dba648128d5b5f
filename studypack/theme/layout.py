"""Layout files: ``layouts/<name>/layout.yaml`` → a validated ``LayoutSpec``.

Values layer explicitly: the built-in ``base`` layout, then each layout named
by ``extends`` down to the chosen one. A layout file states only what it
changes; problems are reported with file:line like content problems.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)

from ..content.validate import did_you_mean, problem_message, read_source, validate_text
from ..content.yamlpos import Located, dotted
from ..errors import ContentError, Diagnostic, WorkspaceError, rel
from .colours import Colour
from .geometry import geometry_problems

BUILTIN_LAYOUTS = Path(__file__).resolve().parent.parent / "layouts"
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _not_a_switch(value: object) -> object:
    # YAML reads "yes" and "on" as true, which pydantic would take as 1.
    if isinstance(value, bool):
        # pydantic reports a ValueError as the field's problem; a TypeError escapes.
        raise ValueError(f"must be a number, not {str(value).lower()}")  # noqa: TRY004
    return value


Measure = Annotated[float, BeforeValidator(_not_a_switch), Field(allow_inf_nan=False)]
"""A size or ratio: a finite number (NaN, .inf and true are refused), range set per field."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Margins(_Strict):
    """Page margins in mm; inner is the binding side."""

    top: Measure = Field(ge=5, le=80)
    bottom: Measure = Field(ge=5, le=80)
    inner: Measure = Field(ge=5, le=80)
    outer: Measure = Field(ge=5, le=80)


class PageSpec(_Strict):
    size: Literal["A4", "A5", "Letter", "Legal"]
    margins_mm: Margins
    duplex: bool = False


class FontSpec(_Strict):
    """Font families by role: fontpkg family names or families in ``fonts/``.

    ``arabic`` sets Arabic-script text (Quranic verses, Urdu and Persian
    phrases) inside any paragraph.
    """

    text: Name
    heading: Name
    mono: Name
    arabic: Name
    fallback: tuple[Name, ...] = ()


class TypeSpec(_Strict):
    """Type scale: body size in points, leading as a multiple, heading ratio."""

    body_pt: Measure = Field(ge=6, le=16)
    leading: Measure = Field(ge=1.0, le=2.0)
    scale: Measure = Field(ge=1.05, le=1.6)


class ColourSpec(_Strict):
    accent: Colour
    tint: Colour
    rule: Colour
    text: Colour
    muted: Colour


QuestionBlock = Literal["header", "question", "summary", "key_points", "answer"]


class BlockSpec(_Strict):
    """Which question blocks print, in order, for booklets/packs and for handouts."""

    question: tuple[QuestionBlock, ...] = Field(min_length=1)
    handout: tuple[QuestionBlock, ...] = Field(min_length=1)


class LayoutSpec(_Strict):
    """A fully layered layout (every field present after merging).

    Attributes:
        columns: Columns for the answer text (1, or 2 for cheap printing).
        backgrounds: Tinted bands and boxes; False keeps to rules (photocopies).
        grayscale: Greys only: a brand accent is turned into its grey.
    """

    extends: Name | None = None
    page: PageSpec
    columns: Literal[1, 2] = 1
    backgrounds: bool = True
    grayscale: bool = False
    fonts: FontSpec
    type: TypeSpec
    colours: ColourSpec
    blocks: BlockSpec


FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "": tuple(LayoutSpec.model_fields),
    "page": tuple(PageSpec.model_fields),
    "margins_mm": tuple(Margins.model_fields),
    "fonts": tuple(FontSpec.model_fields),
    "type": tuple(TypeSpec.model_fields),
    "colours": tuple(ColourSpec.model_fields),
    "blocks": tuple(BlockSpec.model_fields),
}


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


class _PartialLayout(_Strict):
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
