"""Brand settings: ``brand.yaml`` or a pack's ``brand:`` → a checked ``Brand``.

A workspace's ``brand.yaml`` gives the defaults; a pack file's ``brand:``
replaces the fields it names. Every problem (a colour typo, a missing or
unreadable logo) is reported with file:line before anything is rendered.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from ..errors import ContentError, Diagnostic, rel
from ..model import Brand
from .colours import Colour
from .images import logo_problem
from .validate import load_settings_file
from .yamlpos import Located

BRAND_FILE = "brand.yaml"


class BrandIn(BaseModel):
    """Brand fields as written; all optional."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    centre: str | None = None
    contact: str | None = None
    logo: str | None = None
    accent: Colour | None = None
    watermark: str | None = None
    back_cover: str | None = None


FIELD_NAMES = {"": tuple(BrandIn.model_fields), "brand": tuple(BrandIn.model_fields)}


def apply_brand(base: Brand, given: BrandIn, *, workspace: Path, shown: str,
                located: Located, prefix: tuple[str, ...] = ()) -> tuple[Brand, list[Diagnostic]]:
    """Lay ``given`` over ``base``; check its logo.

    Args:
        base: Brand so far (e.g. from brand.yaml).
        given: Fields from a file; only those set replace ``base``'s.
        workspace: Folder a relative logo path starts from.
        shown: The file ``given`` was read from, as messages name it.
        located: Positions of that file's keys.
        prefix: Keys above ``given`` in that file (``("brand",)`` in a pack file).

    Returns:
        The combined brand and any problems.
    """
    # A field written in the file replaces the base value; written empty
    # ("watermark: null" or "") it removes it, so a pack can drop a mark.
    changes = {k: (v if v != "" else None) for k, v in given.model_dump().items()
               if k in given.model_fields_set}
    problems = []
    logo = changes.get("logo")
    if logo:
        path = workspace / str(logo)
        changes["logo"] = str(path)
        if problem := logo_problem(path):
            problems.append(Diagnostic(shown, *located.where((*prefix, "logo")),
                                       ".".join((*prefix, "logo")), problem))
    return replace(base, **changes), problems


def load_brand(workspace: Path) -> Brand:
    """The workspace's brand from ``brand.yaml``, or an empty brand without one.

    Raises:
        ContentError: Problems in brand.yaml, with line and field.
    """
    path = workspace / BRAND_FILE
    if not path.is_file():
        return Brand()
    try:
        record, located = load_settings_file(path, BrandIn, FIELD_NAMES)
    except ContentError as exc:
        raise ContentError([*exc.diagnostics, *_raw_logo_problem(path)]) from None
    brand, problems = apply_brand(Brand(), record, workspace=workspace, shown=rel(path),
                                  located=located)
    if problems:
        raise ContentError(problems)
    return brand


def _raw_logo_problem(path: Path) -> list[Diagnostic]:
    # When other fields are wrong, still say whether the logo can be used, so
    # every problem in brand.yaml is listed in one round.
    import yaml

    from .yamlpos import load_located

    try:
        located = load_located(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []  # already reported by the loader
    logo = located.data.get("logo") if isinstance(located.data, dict) else None
    if not isinstance(logo, str) or not logo:
        return []
    problem = logo_problem(path.parent / logo)
    return [Diagnostic(rel(path), *located.where(("logo",)), "logo", problem)] if problem else []
