"""The basket: questions picked in the workbench and how their pack is set → a pack file.

Pure functions on frozen records: the server keeps a basket per session,
and the pack file text made here is what both the workbench's build and
``studypack pack`` read, so the two give the same PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import yaml

from ..content.importing.assemble import slug as words_slug
from ..content.packs import PackFile
from ..errors import WorkspaceError
from ..model import Question
from ..plan.select import select_questions

BLOCKS = ("header", "question", "summary", "key_points", "answer")
GROUPS = ("topic", "paper", "year")
ORDERS = ("year-desc", "year-asc", "number")
KINDS = ("answers", "worksheet", "answer-key", "flashcards")
IMPOSITIONS = ("", "booklet", "2up")


@dataclass(frozen=True)
class PackOptions:
    """How the pack is set: the pack file's fields other than its selection.

    ``kind`` is what prints (model answers, a worksheet, an answer key or
    flashcards); ``answers`` asks for a worksheet's teacher's edition (on any
    other kind it means nothing, and is not written); ``impose`` also lays the
    PDF out on sheets ("booklet", "2up" or ""); ``class_name``, ``date`` and
    ``time_allowed`` head a worksheet or answer key.
    """

    title: str = "Study Pack"
    subtitle: str = ""
    edition: str = ""
    layout: str = ""
    watermark: str = ""
    duplex: bool | None = None
    group_by: str = "topic"
    order: str = "year-desc"
    blocks: tuple[str, ...] = BLOCKS
    revision_grid: bool = False
    kind: str = "answers"
    answers: bool = False
    impose: str = ""
    class_name: str = ""
    date: str = ""
    time_allowed: str = ""


@dataclass(frozen=True)
class Basket:
    """The questions picked (in the order picked) and the pack's options.

    Attributes:
        ids: Picked answer ids.
        options: How the pack is set.
        opened: The pack file this basket was opened from (its name), if any.
        opened_text: That file's text when it was opened: saving over it is
            refused if the file has changed since.
        select: The opened pack's own selection, kept as written while the
            picked questions are still exactly the ones it selects.
        selected: The ids that selection gave when the pack was opened.
        kept: The opened pack's fields the workbench does not set (sections,
            included PDFs, handouts, output…), written back as they were.
        written: The fields the opened pack file wrote: a setting left at its
            default is written only if the file wrote it.
    """

    ids: tuple[str, ...] = ()
    options: PackOptions = PackOptions()
    opened: str | None = None
    opened_text: str | None = None
    select: dict[str, Any] | None = field(default=None, compare=False)
    selected: tuple[str, ...] = ()
    kept: dict[str, Any] = field(default_factory=dict, compare=False)
    written: frozenset[str] = frozenset()

    def add(self, ids: list[str]) -> Basket:
        """This basket with ``ids`` added after those it has (each id once)."""
        have = {i.casefold() for i in self.ids}
        new = [i for i in dict.fromkeys(ids) if i.casefold() not in have]
        return replace(self, ids=self.ids + tuple(new))

    def remove(self, ids: list[str]) -> Basket:
        """This basket without ``ids``."""
        drop = {i.casefold() for i in ids}
        return replace(self, ids=tuple(i for i in self.ids if i.casefold() not in drop))


def slug(text: str) -> str:
    """A file name stem from a title: "Foreign Policy 2025" → "foreign-policy-2025"."""
    return words_slug(text)[:60].strip("-") or "pack"


def pack_data(basket: Basket, *, output: str) -> dict[str, Any]:
    """The pack file's fields, in the order docs/packs.md lists them."""
    o = basket.options
    data: dict[str, Any] = {"title": o.title}
    for name in ("subtitle", "edition", "layout"):
        if getattr(o, name):
            data[name] = getattr(o, name)
    if o.watermark:
        data["brand"] = {"watermark": o.watermark}
    unchanged = (basket.select is not None
                 and {i.casefold() for i in basket.ids} == {i.casefold()
                                                             for i in basket.selected})
    data["select"] = dict(basket.select) if unchanged and basket.select else {
        "ids": list(basket.ids)}
    for name, default in (("group_by", "topic"), ("order", "year-desc")):
        if getattr(o, name) != default or name in basket.written or basket.opened is None:
            data[name] = getattr(o, name)
    if tuple(o.blocks) != BLOCKS:
        data["blocks"] = list(o.blocks)
    if o.revision_grid:
        data["revision_grid"] = True
    if o.duplex is not None:
        data["duplex"] = o.duplex
    if o.kind != "answers" or "kind" in basket.written:
        data["kind"] = o.kind
    sheet = _worksheet(o, basket.kept.get("worksheet") or {})
    if sheet or "worksheet" in basket.kept:
        data["worksheet"] = sheet
    if o.impose:
        data["impose"] = o.impose
    for name, value in basket.kept.items():
        data.setdefault(name, value)
    data.setdefault("output", output)
    if isinstance(basket.kept.get("brand"), dict):
        data["brand"] = {**basket.kept["brand"], **data.get("brand", {})}
        if not o.watermark:
            data["brand"].pop("watermark", None)
    return data


def _worksheet(o: PackOptions, kept: dict[str, Any]) -> dict[str, Any]:
    """The pack's ``worksheet:`` settings: as the file had them, with the form's."""
    sheet = {k: v for k, v in kept.items()
             if k not in ("answers", "class", "date", "time_allowed")}
    # A teacher's edition is a worksheet's: on any other kind the pack refuses it.
    if o.answers and o.kind == "worksheet":
        sheet["answers"] = True
    for name, key in (("class_name", "class"), ("date", "date"),
                      ("time_allowed", "time_allowed")):
        if getattr(o, name):
            sheet[key] = getattr(o, name)
    return sheet


def pack_text(basket: Basket, *, output: str) -> str:
    """The pack file for ``basket``, as YAML text, checked as ``studypack pack`` would."""
    if not basket.ids:
        raise WorkspaceError("The basket is empty: add questions from the bank first.")
    data = pack_data(basket, output=output)
    head = ("# Made in the studypack workbench: its questions by id. Build it with\n"
            "# 'studypack pack' or open it in the workbench to change it.\n")
    text = head + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=88)
    PackFile.model_validate(yaml.safe_load(text))
    return text


def options_from(pack: PackFile) -> PackOptions:
    """The options a pack file sets, as the basket's form shows them."""
    return PackOptions(title=pack.title, subtitle=pack.subtitle, edition=pack.edition,
                       layout=pack.layout or "", watermark=pack.brand.watermark or "",
                       duplex=pack.duplex, group_by=pack.group_by, order=pack.order,
                       blocks=tuple(pack.blocks or BLOCKS), revision_grid=pack.revision_grid,
                       kind=pack.kind, answers=pack.worksheet.answers,
                       impose=pack.impose or "", class_name=pack.worksheet.class_name,
                       date=pack.worksheet.date, time_allowed=pack.worksheet.time_allowed)


def opened_basket(pack: PackFile, raw: dict[str, Any], answers: tuple[Question, ...], *,
                  name: str, text: str) -> Basket:
    """A basket holding what a pack file selects, set as it sets it."""
    s = pack.select
    chosen = select_questions(answers, papers=s.papers, topics=s.topics, tags=s.tags,
                              years=s.years, ids=s.ids, exclude=s.exclude)
    ids = tuple(q.id for q in chosen)
    select = raw.get("select") if isinstance(raw.get("select"), dict) else {}
    kept = {k: v for k, v in raw.items() if k not in _FORM_FIELDS}
    return Basket(ids=ids, options=options_from(pack), opened=name, opened_text=text,
                  select=select, selected=ids, kept=kept, written=frozenset(raw))


_FORM_FIELDS = frozenset({"title", "subtitle", "edition", "layout", "select", "group_by",
                          "order", "blocks", "revision_grid", "duplex", "kind", "impose"})
