"""A parsed answer + page context + the user's options → content-file fields.

Input: a ``RawAnswer``'s question line, its ``AnswerDraft``, the page
``Context`` and ``Options``. Output: an ``ImportedAnswer``: the fields in
content-file order, what was guessed (also written to the file's
``derived:`` list, as ``"field: how"``), what is missing, and the YAML text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import PurePath

import yaml

from .. import SKIPPED_FOLDERS
from ..derive import (
    IMPORT_PLACEHOLDER,
    INCOMPLETE,
    cut_at_word,
    derive_gist,
    derive_summary,
    plain_text,
)
from ..gaps import IDENTITY
from .answer_draft import AnswerDraft
from .blocks import EMOJI, mostly_arabic, urdu_prose
from .page_context import Context
from .papers import COMMISSIONS, EXAMS
from .questions import QuestionLine

ESSENTIAL = ("paper", "year", "number", "question", "points")
"""Fields a complete answer needs; without one, the file is written as a draft (the
field left empty, ``year: null``), which check names and builds leave out."""

UNSORTED = "Unsorted"
"""The topic of an answer whose page names neither a topic nor a paper."""

GAP_COMMENT = "  # not in the source: write the {name}"
"""Set after each empty field of a draft, so the file says what to write there."""

PLACEHOLDER = IMPORT_PLACEHOLDER
"""Stands in for a missing introduction or conclusion, so the rest can be reviewed."""

_QUESTION_SIGNS = re.compile(rf"^(?:{EMOJI}|[\uFE0F\u200d\s])+|(?:{EMOJI}|[\uFE0F\u200d\s])+$")
"""Emoji at a question's ends ("❓ Define …", "… Pakistan? 🤔")."""


@dataclass(frozen=True)
class Options:
    """What the user gave on the command line; each one overrides the page."""

    paper: str | None = None
    exam: str | None = None
    year: int | None = None
    number: int | None = None
    marks: int | None = None


@dataclass(frozen=True)
class ImportedAnswer:
    """The result of importing one answer.

    Attributes:
        data: Field name → value, in content-file order.
        derived: What was worked out rather than read (as in the file's ``derived:``).
        missing: Fields not found; with an essential one missing, nothing is written.
        found: ``(field, value as shown)`` for the report.
        notes: What the reader and parser repaired or left out.
        incomplete: The source stops mid-answer.
        dropped_lines: Blocks of site junk dropped from the page.
    """

    data: dict[str, object]
    derived: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    found: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()
    incomplete: bool = False
    dropped_lines: int = 0

    @property
    def complete(self) -> bool:
        """True when every essential field was found (see ``ESSENTIAL``); otherwise the
        file is a draft that builds leave out until its gaps are written.
        """
        return not set(self.missing) & set(ESSENTIAL)

    @property
    def has_gaps(self) -> bool:
        """Anything for the user to write or check: a missing field, a placeholder, a
        cut-off end.
        """
        return bool(self.missing) or self.incomplete

    @property
    def yaml_text(self) -> str:
        """The answer as the content file's YAML text."""
        return dump_answer(self.data)

    @property
    def relative_path(self) -> PurePath:
        """``<paper-slug>/<exam-slug>-<year>-q<number>.yaml``, below the content folder
        (``paper-not-given/`` and no year for what the page did not say).

        The exam is part of the name, as it is of the id: a PMS answer never takes
        the place of the CSS answer with the same paper, year and number.
        """
        exam = slug(str(self.data.get("exam") or "")) or "exam"
        folder = slug(str(self.data.get("paper") or "")) or "paper-not-given"
        if folder in SKIPPED_FOLDERS:
            folder += "-paper"  # content/packs/ holds pack files, not answers
        if self.data.get("kind") == "question":
            folder += "/questions"
        # A year the page did not give is left out of the name, not written as "year".
        year = f"-{self.data['year']}" if self.data.get("year") else ""
        return PurePath(folder, f"{exam}{year}-{_which(self.data)}.yaml")

    @property
    def id(self) -> str:
        """The answer's id, or "" when none could be made."""
        return str(self.data.get("id") or "")


ID_MAX = 80
"""Longest id the schema allows."""


def make_id(exam: str, year: int | None, paper: str | None, which: str) -> str:
    """``css-2021-pakistan-affairs-q5``: what is known, with a long paper's name cut so
    the part that tells questions apart (``q5``, the question's words) is kept whole.
    """
    head = "-".join(slug(str(x)) for x in (exam, year) if x)
    room = ID_MAX - len(head) - len(which) - 2
    paper_part = slug(paper or "")[:max(room, 0)].strip("-")
    return "-".join(p for p in (head, paper_part, which) if p)[:ID_MAX].strip("-")


def _which(data: dict[str, object]) -> str:
    """``q8`` for question 8; for a question without its number, the first words of
    its text, so that several such files stay apart.
    """
    if data.get("number") and data.get("kind") != "question":
        return f"q{data['number']}"
    words = slug(" ".join(str(data.get("question") or "").split()[:10]))[:56].strip("-")
    return words or "question"


def slug(text: str) -> str:
    """Lowercase, dash-separated form of ``text`` for ids and folders."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def join_parts(parts: tuple[str, ...] | list[str]) -> str:
    """Parts → Markdown text: paragraphs apart by a blank line, ``- `` lines kept together."""
    text = ""
    for part in parts:
        if text:
            text += "\n" if part.startswith("- ") and text.rsplit("\n", 1)[-1].startswith(
                "- ") else "\n\n"
        text += part
    return text


@dataclass(frozen=True)
class Identity:
    """Which question an answer is, and how each part of that was known.

    Attributes:
        exam, paper, year, number, marks: The values (None when not found).
        guesses: ``"field: how"`` for each value taken from the page's context
            or assumed, rather than given or read on the question line.
    """

    exam: str
    paper: str | None
    year: int | None
    number: int | None
    marks: int | None
    guesses: tuple[str, ...] = ()


def identify(question: QuestionLine, context: Context, options: Options) -> Identity:
    """Exam, paper, year, number and marks: given as options, else read on the question
    line, else guessed from the page's context (and recorded as guesses).
    """
    guesses: list[str] = []

    def pick(name: str, given: object, read: object, guessed: object, how: str) -> object:
        if given is not None:
            return given
        if read:
            return read
        if guessed:
            guesses.append(f"{name}: {how}")
        return guessed or None

    exam = pick("exam", options.exam, question.exam, context.exam,
                f"from the {context.source_of('exam')}")
    if not exam:
        exam = "CSS"
        guesses.append("exam: assumed CSS")
    elif str(exam).upper() in EXAMS:
        # "--exam pms" names the exam PMS; a "(PCS 2019)" tag names a province's PMS.
        exam = COMMISSIONS.get(str(exam).upper(), str(exam).upper())
    paper = pick("paper", options.paper, question.paper, context.paper,
                 f"from the {context.source_of('paper')}")
    year = pick("year", options.year, question.year, context.year,
                f"from the {context.source_of('year')}")
    # A list's own numbering or the order on a page is not the paper's question
    # number: when the page does not give it, the file leaves it to write.
    number = options.number if options.number is not None else (
        None if question.listed else question.number)
    if number is None and options.number is None and context.number and not question.listed:
        number = context.number
        guesses.append(f"number: from the {context.source_of('number')}")
    marks = pick("marks", options.marks, question.marks, context.marks,
                 f"from the {context.source_of('marks')}")
    return Identity(str(exam), paper and str(paper), year, number,  # type: ignore[arg-type]
                    marks, tuple(guesses))  # type: ignore[arg-type]


def assemble(question: QuestionLine, draft: AnswerDraft, context: Context, options: Options,
             *, source_name: str, notes: tuple[str, ...] = (),
             dropped: int = 0) -> ImportedAnswer:
    """Build the content-file fields of one answer, recording every guess.

    Args:
        question: The question line as read.
        draft: The answer's parts.
        context: The page's exam, paper, year, part, topic and tags.
        options: The user's overrides.
        source_name: The imported file's name, for ``source:``.
        notes: The reader's notes (repairs).
        dropped: Junk blocks dropped from the page.
    """
    who = identify(question, context, options)
    data, derived = _head(who, question, context)
    body, body_derived, missing = _body(draft)
    missing = _unknown(who, question) + missing
    data.update(body)
    data["source"] = _source(source_name)
    data["derived"] = list(dict.fromkeys([*derived, *body_derived]))
    found = (("exam", who.exam), ("paper", who.paper or ""),
             ("number", str(who.number or "")),
             ("question", cut_at_word(str(data["question"]), 60) if question.text else ""),
             ("year", str(who.year or "")), ("marks", str(who.marks or "")),
             ("points", str(len(draft.points)) if draft.points else ""),
             ("outline", f"{len(draft.outline)} lines" if draft.outline else ""),
             ("sections", ", ".join(h for h, _ in draft.sections)),
             ("conclusion", cut_at_word(plain_text(join_parts(draft.conclusion)), 60)))
    return ImportedAnswer(data=data, derived=tuple(data["derived"]),  # type: ignore[arg-type]
                          missing=tuple(missing), found=found, notes=notes + draft.notes,
                          incomplete=draft.incomplete, dropped_lines=dropped)


def _source(name: str) -> str:
    """``source:``: an address as it is; a file's name with how it came in."""
    if re.match(r"^https?://", name, re.IGNORECASE):
        return name
    return f"Imported from {name} by studypack import"


def _unknown(who: Identity, question: QuestionLine, *, number: bool = True) -> list[str]:
    return [name for name, value in (("paper", who.paper), ("number", who.number),
                                     ("year", who.year), ("question", question.text))
            if not value and (number or name != "number")]


def assemble_question(question: QuestionLine, context: Context, options: Options, *,
                      source_name: str, topic: str | None = None) -> ImportedAnswer:
    """A past-paper question listed without an answer → a ``kind: question`` record.

    Args:
        question: The listed question line ("3. Explain … (PMS 2016)").
        context: The page's exam, paper and topic.
        options: The user's overrides.
        source_name: The imported file's name, for ``source:``.
        topic: The topic head the question is listed under, when the page has them.
    """
    if topic:
        context = replace(context, topic=topic,
                          where=(*context.where, ("topic", "topic head above it")))
    who = identify(question, context, options)
    data, derived = _head(who, question, context, kind="question")
    data["source"] = _source(source_name)
    data["derived"] = list(dict.fromkeys(derived))
    found = (("kind", "question without an answer"), ("exam", who.exam),
             ("paper", who.paper or ""),
             ("question", cut_at_word(str(data["question"] or ""), 60)),
             ("year", str(who.year or "")), ("topic", ", ".join(data["topics"]))  # type: ignore
             )
    return ImportedAnswer(data=data, derived=tuple(data["derived"]),  # type: ignore[arg-type]
                          missing=tuple(_unknown(who, question, number=False)), found=found)


def _head(who: Identity, question: QuestionLine, context: Context, kind: str = "answer"
          ) -> tuple[dict[str, object], list[str]]:
    """The fields before the answer: id, exam, paper, part, year, number, marks, topics,
    tags, question.
    """
    derived = list(who.guesses)
    data: dict[str, object] = {"id": ""}
    if kind == "question":
        data["kind"] = "question"
    data.update({"exam": who.exam, "paper": who.paper})
    if context.part or question.part:
        data["part"] = context.part or question.part
    data.update({"year": who.year, "number": who.number})
    if kind == "question" and not who.number:
        del data["number"]
    which = _which({**data, "question": question.text})
    # Only what is known makes the id: a draft's id stays right once its gaps are written.
    data["id"] = make_id(who.exam, who.year, who.paper, which)
    if who.marks:
        data["marks"] = who.marks
    if context.topic:
        data["topics"] = [context.topic]
        derived.append(f"topics: from the {context.source_of('topic')}")
    elif who.paper:
        data["topics"] = [who.paper]
        derived.append("topics: the paper's name")
    else:
        data["topics"] = [UNSORTED]
        derived.append(f"topics: '{UNSORTED}' until you name one (the page names no paper)")
    if context.tags:
        data["tags"] = list(context.tags)
    # A chat sets a sign before the question ("❓ Define …"); it is no part of the question.
    data["question"] = _QUESTION_SIGNS.sub("", plain_text(question.text)) or None
    if question.guessed:
        derived.append(f"question: {question.guessed}")
    return data, derived


def _body(draft: AnswerDraft) -> tuple[dict[str, object], list[str], list[str]]:
    """The answer's fields (summary to conclusion), what was derived, what is missing."""
    introduction, conclusion = join_parts(draft.introduction), join_parts(draft.conclusion)
    points = [_point(p.heading, join_parts(p.body), p.subpoints) for p in draft.points]
    missing = [name for name, value in (("points", points), ("introduction", introduction),
                                        ("conclusion", conclusion)) if not value]
    derived = list(draft.derived)
    if draft.incomplete:
        derived.append(f"{INCOMPLETE}: the source stops mid-answer; check its end")
    derived += [f"{name}: placeholder, not in the source" for name in missing if name != "points"]
    data: dict[str, object] = {}
    summary = derive_summary(_before_verse(introduction), _before_verse(conclusion))
    if summary.strip():
        data["summary"] = summary
    derived.append("summary")
    if draft.outline:
        data["outline"] = list(draft.outline)
    else:
        derived.append("outline")
    data["introduction"] = introduction or PLACEHOLDER.format(name="introduction")
    data["points"] = points
    if points:
        derived.append("gist")
    sections = [{"heading": h, "body": join_parts(b)} for h, b in draft.sections if b]
    if sections:
        data["sections"] = sections
    data["conclusion"] = conclusion or PLACEHOLDER.format(name="conclusion")
    return data, derived, missing


def _before_verse(text: str) -> str:
    """The paragraphs of ``text`` before its first Arabic verse (all of it when none)."""
    kept: list[str] = []
    for paragraph in text.split("\n\n"):
        if mostly_arabic(paragraph) and not urdu_prose(paragraph):
            break
        kept.append(paragraph)
    return "\n\n".join(kept)


def _point(heading: str, body: str, subpoints: tuple[str, ...]) -> dict[str, object]:
    point: dict[str, object] = {"heading": heading}
    lead = _before_verse(body)
    if body.startswith("- "):
        # A point that is a list: its gist is the first item, not the heading again.
        point["gist"] = derive_gist(plain_text(body.split("\n", 1)[0][2:]), heading)
    elif lead != body:
        # The loader would cut the gist across the verse; take it from the text before.
        point["gist"] = derive_gist(lead, heading).rstrip(":")
    point["body"] = body
    if subpoints:
        point["subpoints"] = list(subpoints)
    return point


class _BlockDumper(yaml.SafeDumper):
    pass


def _str_presenter(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value.rstrip() + "\n",
                                       style="|")
    if len(value) > 80:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=">")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_BlockDumper.add_representer(str, _str_presenter)


_NULL_FIELD = re.compile(rf"^({'|'.join(IDENTITY)}): null$", re.MULTILINE)


def dump_answer(data: dict[str, object]) -> str:
    """Content fields → YAML text, with block scalars for long text; an empty field
    says what to write there.
    """
    text = yaml.dump(data, Dumper=_BlockDumper, sort_keys=False, allow_unicode=True,
                     width=100, default_flow_style=False)
    return _NULL_FIELD.sub(lambda m: m.group(0) + GAP_COMMENT.format(name=m.group(1)), text)
