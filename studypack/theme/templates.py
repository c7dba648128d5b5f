"""Jinja2 text pieces of a layout (cover lines, running head, folio).

Templates resolve user layout → its parents → base, so a layout overrides
only the pieces it changes. The environment is sandboxed and undefined
names fail loudly, naming the template and line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError

from ..errors import ContentError, Diagnostic, rel
from .sandbox import BoundedEnvironment, SizedFileLoader, TemplateLimit, run_bounded


def make_environment(layout_dirs: Sequence[Path]) -> jinja2.Environment:
    """A sandboxed environment searching ``templates/`` of each layout, last first.

    A template that replaces one may extend it by the built-in layout's name:
    ``{% extends "base/folio.j2" %}`` (the way Pelican's theme loader lets a
    theme extend "!simple/…").

    Args:
        layout_dirs: Layout folders, base first (as ``load_layout`` returns them).
    """
    from .layout import BUILTIN_LAYOUTS

    search = [str(d / "templates") for d in reversed(layout_dirs) if (d / "templates").is_dir()]
    builtins = {d.name: SizedFileLoader(str(d / "templates"))
                for d in sorted(BUILTIN_LAYOUTS.iterdir()) if (d / "templates").is_dir()}
    loader = jinja2.ChoiceLoader([SizedFileLoader(search), jinja2.PrefixLoader(builtins)])
    # The only place a template environment is made (see sandbox.py for its limits).
    return BoundedEnvironment(loader=loader, undefined=jinja2.StrictUndefined,
                              autoescape=False, keep_trailing_newline=False,
                              finalize=_one_line)


def _one_line(value: Any) -> Any:
    # Text pieces are single lines (cover lines are "role: text"), so a value
    # written over several lines is folded rather than breaking the format.
    return " ".join(value.split()) if isinstance(value, str) else value


def render_text(env: jinja2.Environment, name: str, **context: Any) -> str:
    """Render template ``name`` to plain text.

    Raises:
        ContentError: A syntax error or an undefined name, with the template's
            file and line.
    """
    try:
        return run_bounded(env, lambda: env.get_template(name).generate(**context)).strip()
    except TemplateLimit as exc:
        path, line = (rel(Path(exc.path)), 0) if exc.path else _template_frame(exc, env, name)
        raise ContentError([Diagnostic(path, line, 0, "", f"the template {exc}")]) from None
    except SecurityError as exc:
        path, line = _template_frame(exc, env, name)
        raise ContentError([Diagnostic(path, line, 0, "", f"the template reaches past its "
                                       f"data ({exc}); use only the variables listed in "
                                       "docs/layouts.md")]) from None
    except RecursionError:
        path, line = _template_frame_of_name(env, name)
        raise ContentError([Diagnostic(path, line, 0, "", "the template calls a macro that "
                                       "calls itself without end; give the macro a way to "
                                       "stop")]) from None
    except jinja2.TemplateSyntaxError as exc:
        where = rel(Path(exc.filename)) if exc.filename else name
        raise ContentError([Diagnostic(where, exc.lineno or 0, 0, "", exc.message or
                                       "template syntax error")]) from None
    except jinja2.UndefinedError as exc:
        path, line = _template_frame(exc, env, name)
        message = str(exc.message).replace("studypack.model.", "")
        hint = ("; the variable is empty on some pages: wrap its use in {% if … %}…{% endif %}"
                if "'None' has no attribute" in message else
                "; check the name against the variables listed in docs/layouts.md")
        raise ContentError([Diagnostic(path, line, 0, "", message + hint)]) from None
    except jinja2.TemplateNotFound as exc:
        path, line = _template_frame(exc, env, name)
        raise ContentError([Diagnostic(path, line, 0, "", f"refers to '{exc.name}', which no "
                                       "layout has; built-in templates are named like "
                                       "'base/folio.j2'")]) from None
    except UnicodeDecodeError:
        raise ContentError([Diagnostic(name, 0, 0, "", "is not UTF-8 text; save the template "
                                       "as UTF-8")]) from None
    except Exception as exc:
        path, line = _template_frame(exc, env, name)
        raise ContentError([Diagnostic(path, line, 0, "", f"template failed: "
                                       f"{type(exc).__name__}: {exc}")]) from None


def template_place(env: jinja2.Environment, name: str) -> str:
    """The file template ``name`` is read from, as messages show it (or ``name``)."""
    from .layout import BUILTIN_LAYOUTS

    try:
        filename = env.get_template(name).filename
    except (jinja2.TemplateError, TemplateLimit):
        return name
    if not filename:
        return name
    path = Path(filename)
    if path.is_relative_to(BUILTIN_LAYOUTS):
        return f"built-in layout's {path.relative_to(BUILTIN_LAYOUTS).as_posix()}"
    return rel(path)


def _template_frame_of_name(env: jinja2.Environment, name: str) -> tuple[str, int]:
    # A traceback thousands of frames deep is not walked: the template's file will do.
    return template_place(env, name), 0


def _template_frame(exc: BaseException, env: jinja2.Environment, name: str) -> tuple[str, int]:
    # Jinja2 rewrites tracebacks so template frames carry the template's file and line.
    tb = exc.__traceback__
    found = (template_place(env, name), 0)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (rel(Path(filename)), tb.tb_lineno)
        tb = tb.tb_next
    return found


KNOWN_TEMPLATES = ("cover.j2", "running_head.j2", "handout_head.j2", "sheet_head.j2", "folio.j2",
                   "blank.j2", "student_cover.j2", "student_mark.j2")
"""The text pieces a layout may replace (see docs/layouts.md)."""


def unknown_templates(layout_dirs: Sequence[Path]) -> list[str]:
    """Template files in the layouts that studypack never reads (likely misnamed)."""
    return [rel(path) for folder in layout_dirs
            for path in sorted((folder / "templates").glob("*.j2"))
            if path.name not in KNOWN_TEMPLATES]


def render_line(env: jinja2.Environment, source: str, where: Diagnostic, *, hint: str,
                **context: Any) -> str:
    """A one-line template written in a file's field (a pack's ``batch.cover``), filled in.

    Args:
        env: The layout's environment (its sandbox and limits).
        source: The template's text.
        where: The field's place; its message is replaced by what went wrong.
        hint: Where its variables are listed, said after a name that is not one.
        **context: The template's variables.

    Raises:
        ContentError: The template cannot be read or filled in, at ``where``.
    """
    try:
        template = env.from_string(source)
        return " ".join(run_bounded(env, lambda: template.generate(**context)).split())
    except jinja2.TemplateSyntaxError as exc:
        said = (exc.message or "is not a template").rstrip(".")
        problem = f"{said}; {hint}"
    except jinja2.UndefinedError as exc:
        said = re.sub(r"'[\w.]+\.(\w+) object'", lambda m: m.group(1).lower(),
                      str(exc.message))
        problem = f"{said}; {hint}"
    except (TemplateLimit, SecurityError, RecursionError) as exc:
        problem = f"the line cannot be filled in ({exc})"
    raise ContentError([replace(where, message=problem)]) from None
