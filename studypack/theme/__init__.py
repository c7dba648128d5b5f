"""Theme stage: ``layouts/<name>/`` → a ``Theme`` (layout values, fonts, templates).

Plain Python: the renderer turns a ``Theme`` into ReportLab styles.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2
from reportlab.lib.pagesizes import A4, A5, LEGAL, LETTER
from reportlab.lib.units import mm

from ..content.yamlpos import dotted
from ..errors import ContentError, Diagnostic, FontError, StudypackWarning
from .colours import contrast_on_white, mix_with_white, to_grey
from .fonts import FontFamily, resolve_family
from .geometry import measure_outer
from .layout import load_layout, where_set
from .spec import LayoutSpec

MM = mm
"""PDF points per millimetre (ReportLab's unit constant)."""

PAGE_SIZES_PT = {"A4": A4, "A5": A5, "Letter": LETTER, "Legal": LEGAL}
"""Page sizes (width, height) in points, from ReportLab's table (ISO 216 and US sizes)."""


@dataclass(frozen=True)
class Theme:
    """Everything about a booklet's look, resolved and ready to render.

    Attributes:
        name: Layout name.
        spec: The layered layout values.
        page_size: (width, height) in PDF points.
        text, heading, mono, arabic, urdu: Font families by role (``urdu``: Nastaliq).
        fallback: Families tried, in order, for characters a role's font lacks.
        templates: Jinja2 environment for the layout's text pieces.
        folders: The layout's folders, base first (what a cache must hash).
    """

    name: str
    spec: LayoutSpec
    page_size: tuple[float, float]
    text: FontFamily
    heading: FontFamily
    mono: FontFamily
    arabic: FontFamily
    urdu: FontFamily
    fallback: tuple[FontFamily, ...]
    templates: jinja2.Environment
    folders: tuple[Path, ...] = ()

    def margin(self, side: str) -> float:
        """Margin ``side`` (top, bottom, inner, outer) in points.

        The outer margin widens to keep the layout's measure (``geometry.measure_outer``).
        """
        if side == "outer":
            return measure_outer(self.spec, self.page_size[0])
        return float(getattr(self.spec.page.margins_mm, side)) * MM


MIN_ACCENT_CONTRAST = 3.0
"""WCAG 2.1 minimum contrast for large text (headings) against white (SC 1.4.3)."""
TINT_SHARE = 0.92
"""How far a brand accent is thinned with white to make the matching tint."""


def margin_to_margin(theme: Theme) -> Theme:
    """``theme`` without its measure: text pages keep short lines and a wide margin for
    notes, but a worksheet's room to write and a wide table use the page between the
    layout's own margins.
    """
    spec = theme.spec
    return replace(theme, spec=spec.model_copy(update={
        "type": spec.type.model_copy(update={"measure": 0})}))


def with_accent(theme: Theme, accent: str | None) -> Theme:
    """``theme`` with a centre's brand colour as its accent, and a tint to match.

    A grayscale layout keeps to greys (the accent becomes the grey of the same
    lightness); a layout without backgrounds keeps its white tint. A light
    accent that headings could not be read in draws a warning.
    """
    if not accent:
        return theme
    if theme.spec.grayscale:
        accent = to_grey(accent)
    if contrast_on_white(accent) < MIN_ACCENT_CONTRAST:
        warnings.warn(f"brand accent {accent} is too light for headings on white (contrast "
                      f"{contrast_on_white(accent):.1f}:1, under {MIN_ACCENT_CONTRAST:.0f}:1); "
                      "choose a darker colour", StudypackWarning, stacklevel=2)
    update = {"accent": accent}
    if theme.spec.backgrounds:
        update["tint"] = mix_with_white(accent, TINT_SHARE)
    colours = theme.spec.colours.model_copy(update=update)
    return replace(theme, spec=theme.spec.model_copy(update={"colours": colours}))


def load_theme(name: str, workspace: Path | None) -> Theme:
    """Load layout ``name`` and resolve its fonts.

    Args:
        name: Layout name ("classic" by default in the CLI).
        workspace: Workspace folder holding ``layouts/`` and ``fonts/``, or None.

    Raises:
        WorkspaceError: Unknown layout.
        ContentError: Problems in the layout files, including every font that
            cannot be used (placed at the line that names it).
    """
    from .templates import KNOWN_TEMPLATES, make_environment, unknown_templates

    spec, chain, sources = load_layout(name, workspace)
    fonts_dir = workspace / "fonts" if workspace else None
    resolved: dict[str, FontFamily] = {}
    problems = []
    roles: list[tuple[str, str, tuple[str | int, ...]]] = [
        (role, getattr(spec.fonts, role), ("fonts", role))
        for role in ("text", "heading", "mono", "arabic", "urdu")]
    roles += [(f"fallback{i}", family, ("fonts", "fallback", i))
              for i, family in enumerate(spec.fonts.fallback)]
    for role, family, path in roles:
        try:
            resolved[role] = resolve_family(family, fonts_dir)
        except FontError as exc:
            shown, line, col = where_set(path, sources)
            problems.append(Diagnostic(shown, line, col, dotted(path), str(exc)))
    if problems:
        raise ContentError(problems)
    for stray in unknown_templates(chain):
        warnings.warn(f"{stray} is not a template studypack uses (it reads "
                      f"{', '.join(KNOWN_TEMPLATES)}); rename or remove it",
                      StudypackWarning, stacklevel=2)
    return Theme(
        name=name, spec=spec, page_size=PAGE_SIZES_PT[spec.page.size],
        text=resolved["text"], heading=resolved["heading"], mono=resolved["mono"],
        arabic=resolved["arabic"], urdu=resolved["urdu"],
        fallback=tuple(resolved[f"fallback{i}"] for i in range(len(spec.fonts.fallback))),
        templates=make_environment(chain), folders=tuple(chain),
    )
