"""Workspace settings: ``studypack.yaml`` → ``Settings`` (defaults for a build).

Layering: built-in defaults here → the workspace's ``studypack.yaml`` →
command-line flags (``None`` means "inherit").
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from ..content.validate import did_you_mean, load_settings_file, read_source, validate_text
from ..content.yamlpos import Located
from ..errors import ContentError, Diagnostic, WorkspaceError, rel

SETTINGS_FILE = "studypack.yaml"


class Settings(BaseModel):
    """Booklet defaults for a workspace.

    Attributes:
        title, subtitle, edition: Cover text ("" subtitle: built from the
            years covered). The centre's name, logo and marks are in brand.yaml.
        layout: Layout name.
        content: Content folder, relative to the workspace.
        output: PDF path, relative to the workspace.
        duplex: Start every question on a recto page (for two-sided printing);
            None inherits the layout's ``page.duplex``.
        cluster: Where ``studypack batch`` runs its copies: a Dask scheduler's
            address or ``local:N``; "" for local processes.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = "CSS Study Pack"
    subtitle: str = ""
    edition: str = ""
    layout: str = "classic"
    content: str = "content"
    output: str = "out/booklet.pdf"
    duplex: bool | None = None
    cluster: str = ""


SETTING_FIELDS = tuple(Settings.model_fields)
FIELD_NAMES = {"": SETTING_FIELDS}


def load_settings(workspace: Path, *, using: tuple[str, ...] | None = None) -> Settings:
    """Read ``studypack.yaml`` in ``workspace``; defaults when there is none.

    Args:
        workspace: The folder that holds ``studypack.yaml``.
        using: The fields the caller uses, or None for all. A problem in a
            field it does not use (an output name, for ``list``) does not stop
            it: that field takes its default. Beyond their form, ``layout``
            and ``output`` are checked here only when used (see
            ``settings_problems``).

    Raises:
        ContentError: The file has problems in what the caller uses (file:line,
            field), or cannot be read as YAML.
    """
    path = workspace / SETTINGS_FILE
    if not path.is_file():
        return Settings()
    text, unreadable = read_source(path)
    if text is None:
        raise ContentError(unreadable)
    settings, located, problems = validate_text(text, rel(path), Settings, FIELD_NAMES,
                                                allow_empty=True)
    if settings is None:
        # A misspelt field name always counts: it was meant for something.
        wanted = set(SETTING_FIELDS if using is None else using) | {""}
        broken = {d.key.split(".")[0] for d in problems}
        if (located is None or not isinstance(located.data, dict)
                or broken & wanted or broken - set(SETTING_FIELDS)):
            raise ContentError(problems)
        settings = Settings.model_validate({k: v for k, v in located.data.items()
                                            if k not in broken})
    if using is None or located is None:
        return settings
    value_problems = [d for d in _value_problems(workspace, settings, located)
                      if d.key in using]
    if value_problems:
        raise ContentError(value_problems)
    return settings


def settings_problems(workspace: Path) -> list[Diagnostic]:
    """Every problem of ``studypack.yaml``: its form, a layout that is neither built in nor
    in the workspace's ``layouts/``, an output not named .pdf (file:line each).
    """
    path = workspace / SETTINGS_FILE
    if not path.is_file():
        return []
    try:
        settings, located = load_settings_file(path, Settings, FIELD_NAMES)
    except ContentError as exc:
        return list(exc.diagnostics)
    return _value_problems(workspace, settings, located)


def _value_problems(workspace: Path, settings: Settings, located: Located
                    ) -> list[Diagnostic]:
    from ..theme.layout import available_layouts, layout_dirs

    shown = rel(workspace / SETTINGS_FILE)
    problems = []
    if not layout_dirs(settings.layout, workspace):
        known = available_layouts(workspace)
        problems.append(Diagnostic(
            shown, *located.where(("layout",)), "layout",
            f"no layout named '{settings.layout}'{did_you_mean(settings.layout, known)} "
            f"(layouts: {', '.join(known)}; a layout of your own goes in "
            f"layouts/<name>/layout.yaml)"))
    output_problem = pdf_name_problem(settings.output)
    if output_problem:
        problems.append(Diagnostic(shown, *located.where(("output",)), "output",
                                   output_problem))
    return problems


def workspace_layout(workspace: Path) -> tuple[str, Diagnostic | None]:
    """The layout ``studypack.yaml`` chooses, and the problem with it if it does not exist.

    For a pack, which reports the problem only when it names no layout of its own.
    """
    try:
        return load_settings(workspace, using=("layout",)).layout, None
    except ContentError as exc:
        return "classic", exc.diagnostics[0]


def pdf_name_problem(name: str) -> str | None:
    """What is wrong with ``name`` as the file name of a PDF to write, or None."""
    path = Path(name)
    if not name.strip() or path.name in ("", ".", ".."):
        return f"'{name}' is not a file name; name the PDF, e.g. out/booklet.pdf"
    if path.suffix.lower() != ".pdf" or not path.stem or path.name.startswith("."):
        return f"{name} is not a .pdf file name; name the PDF, e.g. out/booklet.pdf"
    return None


def content_folder(workspace: Path, *, how: str) -> Path:
    """The content folder ``studypack.yaml`` names (``content/`` by default), which must exist.

    Args:
        workspace: The folder that holds ``studypack.yaml``.
        how: How the command is told another folder, for the message
            (e.g. "name the content folder (--content PATH)").

    Raises:
        ContentError: studypack.yaml names a folder that is not there (file:line).
        WorkspaceError: No studypack.yaml names one and there is no ``content/``.
    """
    settings = load_settings(workspace, using=("content",))
    folder = workspace / settings.content
    if folder.is_dir():
        return folder
    path = workspace / SETTINGS_FILE
    if path.is_file() and "content" in settings.model_fields_set:
        _, located = load_settings_file(path, Settings, FIELD_NAMES)
        folders = sorted(p.name for p in workspace.iterdir()
                         if p.is_dir() and not p.name.startswith("."))
        hint = (did_you_mean(settings.content, folders)
                or "; name the folder that holds the answer files")
        raise ContentError([Diagnostic(rel(path), *located.where(("content",)), "content",
                                       f"there is no folder '{settings.content}' here{hint}")])
    inside = where_to_run(workspace)
    raise WorkspaceError(f"no '{settings.content}' folder here. " + (
        inside or "Run this inside a studypack workspace, create one with 'studypack init "
        f"DIR', or {how}."))


def where_to_run(folder: Path) -> str:
    """"This folder is inside the workspace X; run studypack there (cd Y)." or ""."""
    above = next((p for p in folder.resolve().parents if (p / SETTINGS_FILE).is_file()), None)
    if above is None:
        return ""
    return (f"This folder is inside the workspace {above}; run studypack there "
            f"(cd {os.path.relpath(above, folder.resolve())}).")
