"""Resolve stage: a request (command and flags) + the workspace's files → a ``BuildPlan``.

The one place where defaults and overrides meet. Each setting is decided
once, the later layer winning:

    built-in default → layout → studypack.yaml → pack file → brand.yaml → pack's brand: → flag

and the plan keeps where each value came from (``studypack build --explain``).
Every later stage takes the plan and nothing else from outside. Reading the
answers and the layout happens here too, so their problems are reported
together, before anything is laid out.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from ..assemble.included import measure_pdf, warn_page_sizes
from ..content import load_bank, load_content
from ..content.brand import BRAND_FILE, load_brand
from ..content.packs import PackFile, load_pack_file
from ..content.validate import read_source
from ..content.yamlpos import load_located
from ..engine.parallel import MIN_QUESTIONS_FOR_PROCESSES
from ..errors import ContentError, Diagnostic, rel
from ..model import Brand, CardsPlan, PackPlan, Question, SelectionChange
from ..theme import Theme, load_theme, margin_to_margin, with_accent
from .booklet import plan_booklet, source_date
from .pack import plan_pack
from .sheet import plan_sheet
from .workspace import SETTING_FIELDS, SETTINGS_FILE, Settings, load_settings

DEFAULT = "default"

ORDER = ("pack", "kind", "worksheet", "title", "subtitle", "edition", "content", "select",
         "group_by", "sections", "order", "blocks", "revision_grid", "trend", "include",
         "layout", "duplex", "brand", "output", "handouts", "impose", "date in the PDF",
         "jobs", "cache", "strict")
"""The order ``--explain`` lists settings in: what goes in, how it looks, how it is made."""
BRAND_SHOWN = ("centre", "contact", "logo", "accent", "watermark", "back_cover")
SELECT_SHOWN = ("papers", "topics", "tags", "years", "ids", "exclude")


@dataclass(frozen=True)
class BuildRequest:
    """What was asked, before any file is read. ``None`` means "not given: inherit".

    Attributes:
        workspace: The folder studypack runs in (settings, brand, layouts, fonts).
        content: The answers' folder (already chosen: flag or studypack.yaml).
        pack: The pack file, for a pack; None for a booklet of every answer.
        output, layout, title, subtitle, edition, centre, duplex: Flags.
        strict: Fail, writing nothing, on any warning.
        jobs: Processes for laying out; None chooses by the number of answers.
        cache_dir: Where laid-out parts are kept between builds; None for none.
        brand: A brand given whole (callers of the Python API); None reads
            brand.yaml (and the pack's ``brand:``).
        kind, answers: A pack printed as another kind (worksheet, answer-key),
            and a worksheet with its answers; None keeps the pack's.
        change: One student's changes to the pack's selection (``studypack batch``).
    """

    workspace: Path
    content: Path
    pack: Path | None = None
    output: Path | None = None
    layout: str | None = None
    title: str | None = None
    subtitle: str | None = None
    edition: str | None = None
    centre: str | None = None
    duplex: bool | None = None
    strict: bool = False
    jobs: int | None = None
    cache_dir: Path | None = None
    brand: Brand | None = None
    kind: str | None = None
    answers: bool | None = None
    change: SelectionChange = field(default_factory=SelectionChange)


@dataclass(frozen=True)
class Origin:
    """One setting of a plan: its name, its value as shown, and the layer that set it."""

    name: str
    value: str
    source: str


@dataclass(frozen=True)
class BuildPlan:
    """Everything a build does, decided: what goes in, how it looks, where it goes.

    Attributes:
        pack: Front matter, sections of answers, included PDFs, output (a booklet
            is a pack of every answer, in sections by topic).
        theme: The layout, fonts and templates, with the brand's accent.
        origins: Each setting and where it came from, in a stable order.
    """

    pack: PackPlan
    theme: Theme
    origins: tuple[Origin, ...]


class _Origins:
    """Picks each setting from the highest layer that gives it, and remembers which."""

    def __init__(self) -> None:
        self.found: list[Origin] = []

    def pick(self, name: str, *layers: tuple[object, str]) -> object:
        """The first value that is not None among ``layers`` (highest first)."""
        for value, source in layers:
            if value is not None:
                self.note(name, value, source)
                return value
        raise AssertionError(f"{name}: no layer gave a value")  # a default always does

    def note(self, name: str, value: object, source: str) -> None:
        """Record ``name`` as set to ``value`` by ``source``, in words a reader knows."""
        self.found.append(Origin(name, _shown(value), source))


def _shown(value: object) -> str:
    """A setting's value as ``--explain`` prints it: yes/no, "none", lists joined."""
    if value is None or value in ("", ()):
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    return " ".join(str(value).split()) if "\n" in str(value) else str(value)


def _duplex_flag(value: bool | None) -> str:
    return "--duplex" if value else "--no-duplex"


def _file_lines(path: Path) -> dict[str, str]:
    """Top-level field → "file:line" for each field written in a settings-like file.

    Read for positions only, so a field with a problem elsewhere in the file
    still has its line; the file's problems are reported where it is loaded.
    """
    if not path.is_file():
        return {}
    text, _ = read_source(path)
    try:
        located = load_located(text or "")
    except yaml.YAMLError:
        return {}
    if not isinstance(located.data, dict):
        return {}
    return {str(name): f"{rel(path)}:{located.where((name,))[0]}" for name in located.data}


def _flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def resolve_build(request: BuildRequest) -> BuildPlan:
    """Decide a build: a booklet of every answer, or a pack when ``request.pack`` is set.

    Raises:
        ContentError: Every problem of the answers, the settings, the pack file,
            the brand and the layout, each with file:line.
        WorkspaceError: A bad ``SOURCE_DATE_EPOCH``.
    """
    origins = _Origins()
    date = source_date()
    plan, theme = (_resolve_pack(request, origins) if request.pack is not None
                   else _resolve_booklet(request, origins))
    origins.note("date in the PDF",
                 time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(date)) if date is not None
                 else None, "SOURCE_DATE_EPOCH" if date is not None
                 else "default: no date; SOURCE_DATE_EPOCH gives one")
    origins.note("jobs", request.jobs if request.jobs else
                 f"one per core for {MIN_QUESTIONS_FOR_PROCESSES}+ answers",
                 "--jobs" if request.jobs else DEFAULT)
    origins.note("cache", rel(request.cache_dir) if request.cache_dir else "off",
                 DEFAULT if request.cache_dir else "--no-cache")
    origins.note("strict", request.strict, "--strict" if request.strict else DEFAULT)
    order = {name: i for i, name in enumerate(ORDER)}
    origins.found.sort(key=lambda o: order.get(o.name.split(".")[0].split("[")[0], len(order)))
    plan = replace(plan, booklet=replace(plan.booklet, date=date))
    return BuildPlan(plan, with_accent(theme, plan.booklet.brand.accent),
                     tuple(origins.found))


def _resolve_booklet(request: BuildRequest, origins: _Origins) -> tuple[PackPlan, Theme]:
    flags = {"layout": request.layout, "output": request.output, "title": request.title,
             "subtitle": request.subtitle, "edition": request.edition,
             "duplex": request.duplex}
    # A field a flag overrides is not used, so its problem does not stop the build.
    problems: list[Diagnostic] = []
    settings = Settings()
    try:
        settings = load_settings(request.workspace, using=tuple(
            name for name in SETTING_FIELDS if flags.get(name) is None))
    except ContentError as exc:
        problems += exc.diagnostics
    lines = _file_lines(request.workspace / SETTINGS_FILE)

    def written(name: str) -> tuple[object, str]:
        # What studypack.yaml says, if it says it (a field with a problem it
        # may skip, when a flag overrides it, is not said), and its line.
        said = name in settings.model_fields_set
        return (getattr(settings, name) if said else None,
                lines.get(name, SETTINGS_FILE))

    def setting(name: str) -> object:
        return origins.pick(name, (flags.get(name), _flag(name)), written(name),
                            (getattr(Settings(), name), DEFAULT))

    layout = str(setting("layout"))
    named = settings.content if "content" in settings.model_fields_set else Settings().content
    same = request.content.resolve() == (request.workspace / named).resolve()
    origins.note("content", rel(request.content),
                 lines.get("content", DEFAULT) if same else "--content")
    questions, theme, more = _answers_and_layout(request, layout)
    problems += more
    brand = _brand(request, origins)
    if problems:
        raise ContentError(problems)
    title, subtitle, edition = (str(setting(n)) for n in ("title", "subtitle", "edition"))
    output = setting("output")
    duplex = origins.pick("duplex", (request.duplex, _duplex_flag(request.duplex)),
                          written("duplex"), (theme.spec.page.duplex, f"layout {layout}"))
    booklet = plan_booklet(questions, title=title, subtitle=subtitle, edition=edition,
                           brand=brand)
    target = output if isinstance(output, Path) else request.workspace / str(output)
    return PackPlan(booklet=booklet, includes=(), blocks=None, revision_grid=False,
                    duplex=bool(duplex), handouts=False, layout=layout,
                    output=str(target)), theme


def _note_content(request: BuildRequest, origins: _Origins, lines: dict[str, str]) -> None:
    """Where the answers' folder was named: studypack.yaml, the default, or --content."""
    try:
        named = load_settings(request.workspace, using=("content",)).content
    except ContentError:
        named = Settings().content
    same = request.content.resolve() == (request.workspace / named).resolve()
    source = (lines.get("content", DEFAULT) if same else "--content")
    origins.note("content", rel(request.content), source)


def _answers_and_layout(request: BuildRequest, layout: str
                        ) -> tuple[tuple[Question, ...], Theme, list[Diagnostic]]:
    """Load answers and layout, keeping the problems of both to report together."""
    problems: list[Diagnostic] = []
    questions: tuple[Question, ...] = ()
    try:
        questions = load_content(request.content, request.cache_dir)
    except ContentError as exc:
        problems += exc.diagnostics
    try:
        theme = load_theme(layout, request.workspace)
    except ContentError as exc:
        raise ContentError(problems + list(exc.diagnostics)) from None
    return questions, theme, problems


def _brand(request: BuildRequest, origins: _Origins) -> Brand:
    if request.brand is not None:
        for name in BRAND_SHOWN:
            origins.note(f"brand.{name}", getattr(request.brand, name), "given")
        return request.brand
    brand = load_brand(request.workspace)
    lines = _file_lines(request.workspace / BRAND_FILE)
    if request.centre is not None:
        brand = replace(brand, centre=request.centre)
        lines["centre"] = "--centre"
    for name in BRAND_SHOWN:
        value = getattr(brand, name)
        origins.note(f"brand.{name}", rel(Path(value)) if name == "logo" and value else value,
                     lines.get(name, DEFAULT))
    return brand


def _resolve_pack(request: BuildRequest, origins: _Origins) -> tuple[PackPlan, Theme]:
    assert request.pack is not None
    pack_file, located = load_pack_file(request.pack)
    shown = rel(request.pack)
    written = pack_file.model_fields_set
    brand_written = pack_file.brand.model_fields_set

    def line(*path: str | int) -> str:
        return f"{shown}:{located.where(path)[0]}"

    kind = request.kind or pack_file.kind
    bank = load_bank(request.content, request.cache_dir)
    if kind == "answers" and not bank.answers:
        load_content(request.content, request.cache_dir)  # says why there is nothing to build
    questions, asked = bank.answers, bank.questions
    settings_layout = _workspace_layout(request.workspace)
    base = request.brand if request.brand is not None else load_brand(request.workspace)
    plan = plan_pack(request.pack, questions, request.workspace, duplex=request.duplex,
                     output=request.output, default_layout=settings_layout[:2],
                     base_brand=base, measure_pdf=measure_pdf, loaded=(pack_file, located),
                     asked=asked, kind=kind, answers=request.answers, change=request.change)
    theme = load_theme(plan.layout, request.workspace)
    if kind == "flashcards":
        spec, given = theme.spec.cards, pack_file.cards
        plan = replace(plan, sheet=None, cards=CardsPlan(
            which=given.which, columns=spec.columns, rows=spec.rows,
            margin_mm=spec.margin_mm, offset_mm=(given.offset_x_mm, given.offset_y_mm)))
    elif kind != "answers":
        plan = replace(plan, sheet=plan_sheet(pack_file, plan.booklet.questions,
                                              theme.spec.worksheet, kind=kind,
                                              answers=request.answers))
        theme = margin_to_margin(theme)
    warn_page_sizes(plan.includes, theme.page_size)
    origins.note("pack", shown, "command line")
    origins.note("kind", kind, "--kind" if request.kind else
                 line("kind") if "kind" in written else DEFAULT)
    if plan.sheet is not None:
        _note_sheet(plan, pack_file, theme, origins, line, answers_flag=request.answers)
    _note_content(request, origins,
                  _file_lines(request.workspace / SETTINGS_FILE))
    origins.note("layout", plan.layout, line("layout") if "layout" in written
                 else settings_layout[2])
    for name in ("title", "subtitle", "edition"):
        origins.note(name, getattr(plan.booklet, name),
                     line(name) if name in written else DEFAULT)
    origins.note("output", rel(Path(plan.output)), "--output" if request.output
                 else line("output") if "output" in written else DEFAULT)
    base_lines = _file_lines(request.workspace / BRAND_FILE)
    for name in BRAND_SHOWN:
        value = getattr(plan.booklet.brand, name)
        origins.note(f"brand.{name}", rel(Path(value)) if name == "logo" and value else value,
                     line("brand", name) if name in brand_written
                     else base_lines.get(name, DEFAULT))
    select = pack_file.select
    for name in SELECT_SHOWN:
        value = getattr(select, name)
        origins.note(f"select.{name}", "-".join(map(str, value)) if name == "years" and value
                     else value, line("select", name) if name in select.model_fields_set
                     else "default: any")
    for name in ("group_by", "sections", "order", "blocks", "revision_grid", "trend",
                 "handouts", "impose"):
        value = getattr(pack_file, name)
        origins.note(name, value if value is not None else "the layout's",
                     line(name) if name in written else DEFAULT)
    for index, inc in enumerate(plan.includes):
        origins.note(f"include[{index + 1}]", f"{rel(Path(inc.path))} ({inc.where}"
                     f"{' ' + inc.section if inc.section else ''}, {len(inc.boxes)} pages)",
                     line("include", inc.index))
    duplex = origins.pick("duplex", (request.duplex, _duplex_flag(request.duplex)),
                          (plan.duplex, line("duplex") if "duplex" in written else ""),
                          (theme.spec.page.duplex, f"layout {plan.layout}"))
    return replace(plan, duplex=bool(duplex)), theme


def _note_sheet(plan: PackPlan, pack_file: PackFile, theme: Theme, origins: _Origins,
                line: Callable[..., str], *, answers_flag: bool | None) -> None:
    """Where each of a worksheet's settings came from: flag, pack file or layout."""
    assert plan.sheet is not None
    sheet, written = plan.sheet, pack_file.worksheet.model_fields_set
    for name in ("space", "line_mm", "lines_per_mark"):
        value = getattr(pack_file.worksheet, name) or getattr(theme.spec.worksheet, name)
        origins.note(f"worksheet.{name}", value, line("worksheet", name) if name in written
                     else f"layout {plan.layout} (worksheet.{name})")
    origins.note("worksheet.answers", sheet.answers,
                 ("--answers" if answers_flag else "--no-answers") if answers_flag is not None
                 else line("worksheet", "answers") if "answers" in written else DEFAULT)
    for name, shown in (("class_name", "class"), ("date", "date"),
                        ("time_allowed", "time_allowed")):
        origins.note(f"worksheet.{shown}", getattr(sheet, name) or "a line to fill in",
                     line("worksheet", shown) if name in written else DEFAULT)


def _workspace_layout(workspace: Path) -> tuple[str, Diagnostic | None, str]:
    """The layout studypack.yaml chooses (with its problem, if any) and where that was said."""
    from .workspace import workspace_layout

    name, problem = workspace_layout(workspace)
    lines = _file_lines(workspace / SETTINGS_FILE)
    return name, problem, lines.get("layout", DEFAULT)


def explain(plan: BuildPlan) -> list[tuple[str, str, str]]:
    """(setting, value, where it came from) rows, then the parts the build lays out."""
    rows = [(o.name, o.value, o.source) for o in plan.origins]
    booklet = plan.pack.booklet
    rows.append(("answers", f"{len(booklet.questions)} in {len(booklet.groups)} sections: "
                 + ", ".join(g.topic for g in booklet.groups), "the content folder"))
    return rows
