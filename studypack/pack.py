"""Plan stage for packs: a pack file + all questions → a checked ``PackPlan``.

Every problem a pack file can have with the content (unknown topic, paper,
tag or id; a section name that matches nothing; a missing PDF; an empty
selection) is found here, with the pack file's line, before any rendering.
"""

from __future__ import annotations

from pathlib import Path

from .content.brand import apply_brand
from .content.packs import PackFile, load_pack_file
from .content.validate import did_you_mean
from .content.yamlpos import Located, dotted
from .errors import ContentError, Diagnostic, rel
from .model import BookletPlan, Brand, ExternalPdf, PackPlan, Question
from .plan import group_sections
from .select import select_questions


def _check_names(pack: PackFile, located: Located, shown: str,
                 questions: tuple[Question, ...]) -> list[Diagnostic]:
    known = {
        "papers": sorted({q.paper for q in questions}),
        "topics": sorted({t for q in questions for t in q.topics}),
        "tags": sorted({t for q in questions for t in q.tags}),
        "ids": sorted(q.id for q in questions),
        "exclude": sorted(q.id for q in questions),
    }
    problems = []
    for field, choices in known.items():
        folded = {c.casefold() for c in choices}
        for index, value in enumerate(getattr(pack.select, field)):
            if value.casefold() in folded:
                continue
            path = ("select", field, index)
            kind = {"papers": "paper", "topics": "topic", "tags": "tag"}.get(field, "id")
            hint = did_you_mean(value, choices) or f"; known {field}: {', '.join(choices[:8])}"
            problems.append(Diagnostic(shown, *located.where(path), dotted(path),
                                       f"no answer has the {kind} '{value}'{hint}"))
    return problems


def _includes(pack: PackFile, located: Located, shown: str, workspace: Path,
              section_names: list[str]) -> tuple[list[ExternalPdf], list[Diagnostic]]:
    found, problems = [], []
    for index, inc in enumerate(pack.include):
        path = workspace / inc.file
        where = located.where(("include", index, "file"))
        if not path.is_file():
            problems.append(Diagnostic(shown, *where, f"include[{index + 1}].file",
                                       f"{inc.file} does not exist (paths are relative to "
                                       f"{rel(workspace) or '.'}); fix the path or remove "
                                       "the entry"))
        section = inc.section or ""
        if inc.where != "appendix" and section_names:
            names = {n.casefold(): n for n in section_names}
            if not section or section.casefold() not in names:
                pos = located.where(("include", index, "section"))
                problems.append(Diagnostic(
                    shown, *pos, f"include[{index + 1}].section",
                    f"'{section}' is not a section of this pack"
                    f"{did_you_mean(section, section_names)}; sections: "
                    f"{', '.join(section_names)}" if section else
                    f"where: {inc.where} needs a section; name one of: "
                    f"{', '.join(section_names)}"))
            else:
                section = names[section.casefold()]
        found.append(ExternalPdf(str(path), inc.title, inc.where, section))
    return found, problems


def plan_pack(pack_path: Path, questions: tuple[Question, ...], workspace: Path, *,
              duplex: bool | None = None, output: Path | None = None,
              default_layout: str = "classic", base_brand: Brand | None = None) -> PackPlan:
    """Check a pack file against the content and arrange its sections.

    Args:
        pack_path: The pack file.
        questions: Every loaded question.
        workspace: Folder that relative paths in the pack file start from.
        duplex: Overrides the pack's ``duplex`` when not None (the CLI flag).
        output: Overrides the pack's ``output`` when not None.
        default_layout: Layout when the pack names none.
        base_brand: The workspace's brand (brand.yaml), under the pack's ``brand:``.

    Returns:
        A ``PackPlan`` ready to render.

    Raises:
        ContentError: Every problem, each with the pack file's line and field.
    """
    base_brand = base_brand or Brand()
    pack, located = load_pack_file(pack_path)
    shown = rel(pack_path)
    problems = _check_names(pack, located, shown, questions)
    sel = pack.select
    chosen = select_questions(questions, papers=sel.papers, topics=sel.topics, tags=sel.tags,
                              years=sel.years, ids=sel.ids, exclude=sel.exclude)
    if not chosen and not problems:
        problems.append(Diagnostic(shown, *located.where(("select",)), "select",
                                   "matches no answer; widen the years or topics, or check "
                                   "'studypack list' for what there is"))
    groups = group_sections(chosen, group_by=pack.group_by, order=pack.order,
                            stated=pack.sections, wanted_topics=sel.topics)
    names = [g.topic for g in groups]
    for index, name in enumerate(pack.sections):
        if chosen and name.casefold() not in {n.casefold() for n in names}:
            path = ("sections", index)
            problems.append(Diagnostic(shown, *located.where(path), dotted(path),
                                       f"no selected answer falls in section '{name}'"
                                       f"{did_you_mean(name, names)}"))
    includes, include_problems = _includes(pack, located, shown, workspace, names)
    problems += include_problems
    brand, brand_problems = apply_brand(base_brand, pack.brand, workspace=workspace,
                                        shown=shown, located=located, prefix=("brand",))
    problems += brand_problems
    if problems:
        raise ContentError(problems)
    first, last = min(q.year for q in chosen), max(q.year for q in chosen)
    years = str(first) if first == last else f"{first}–{last}"
    booklet = BookletPlan(title=pack.title,
                          subtitle=pack.subtitle or f"Model answers, {years}",
                          edition=pack.edition, groups=groups, brand=brand,
                          keywords=tuple(sorted({t for q in chosen for t in q.topics})))
    target = output or workspace / (pack.output or f"out/packs/{pack_path.stem}.pdf")
    return PackPlan(booklet=booklet, includes=tuple(includes), blocks=pack.blocks,
                    revision_grid=pack.revision_grid,
                    duplex=pack.duplex if duplex is None else duplex,
                    handouts=pack.handouts,
                    layout=pack.layout or default_layout, output=str(target), source_path=shown)
