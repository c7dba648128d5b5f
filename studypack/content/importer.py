"""Plain-text answers (as copied from a prep website) → content YAML.

Input: text in the seed's shape: an optional exam/paper line ("CSS Pakistan
Affairs"), a question line ("Q.8 Discuss … 2022"), introduction paragraphs,
numbered points ("1. Heading: body"), a conclusion, then site junk (comment
forms, captchas, "Back to top", ad-blocker notices) which is dropped.
Output: an ``ImportedAnswer`` whose ``yaml_text`` validates against the schema.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .derive import derive_summary

JUNK_STARTS = (
    "leave a reply", "leave a comment", "your email address will not be published",
    "back to top", "adblock detected", "please disable the ad blocker", "related articles",
    "share this", "click to share", "post comment", "required fields are marked",
    "you may also like", "previous article", "next article",
)
"""Lines from which the rest of a scraped page is site chrome, not the answer."""

CAPTCHA = re.compile(r"^\s*\d+\s*[+−\-×x*]\s*\w+\s*=\s*$", re.IGNORECASE)
QUESTION = re.compile(r"^\s*Q(?:uestion)?\s*(?:No\.?)?\s*[.\-:#]?\s*(\d{1,2})\s*[.:)\-]?\s+(.+)$",
                      re.IGNORECASE)
YEAR_AT_END = re.compile(r"[\s(\[]*((?:19|20)\d{2})[)\]]?\s*\.?$")
POINT = re.compile(r"^\s*(\d{1,2})[.)\-]\s+(.+)$")
EXAM_PREFIX = re.compile(r"^\s*(CSS|PMS|PCS)\s*(.*)$")


@dataclass(frozen=True)
class ImportedAnswer:
    """The result of importing one text answer.

    Attributes:
        data: Field name → value, in content-file order.
        derived: Fields we worked out rather than read.
        missing: Required fields we could not find (the user must add them).
        dropped_lines: How many junk lines were removed.
    """

    data: dict[str, object]
    derived: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    dropped_lines: int = 0
    notes: tuple[str, ...] = field(default=())

    @property
    def yaml_text(self) -> str:
        return dump_answer(self.data)


def _is_junk(line: str) -> bool:
    low = line.strip().lower()
    return low.startswith(JUNK_STARTS) or bool(CAPTCHA.match(line))


def strip_junk(lines: list[str]) -> tuple[list[str], int]:
    """Cut the page at the first junk line; returns kept lines and how many were dropped."""
    for i, line in enumerate(lines):
        if _is_junk(line):
            return lines[:i], len([x for x in lines[i:] if x.strip()])
    return lines, 0


def slug(text: str) -> str:
    """Lowercase, dash-separated form of ``text`` for ids and folders."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _paragraphs(lines: list[str]) -> list[str]:
    paras, current = [], []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            paras.append(" ".join(current))
            current = []
    if current:
        paras.append(" ".join(current))
    return paras


def _split_heading(text: str) -> tuple[str, str]:
    # "Counterterrorism Cooperation: The US has…" → heading, body.
    head, sep, body = text.partition(": ")
    if sep and len(head) <= 80 and not head.endswith("."):
        return head.strip(), body.strip()
    sentence_end = re.search(r"[.!?]\s", text)
    if sentence_end and sentence_end.start() <= 80:
        return text[: sentence_end.start()].strip(), text[sentence_end.end():].strip()
    return text.strip(), ""


def import_text(text: str, *, paper: str | None = None, exam: str | None = None,
                marks: int | None = None, year: int | None = None,
                number: int | None = None) -> ImportedAnswer:
    """Turn one plain-text answer into content fields.

    Args:
        text: The copied page.
        paper: Paper name when the text does not say it (or to override it).
        exam: Exam name when the text does not say it ("CSS" otherwise guessed).
        marks: Marks, when known.
        year, number: Year and question number when the text lacks them.

    Returns:
        An ``ImportedAnswer``; ``missing`` lists what the user must still add.
    """
    lines, dropped = strip_junk(text.replace("\r\n", "\n").split("\n"))
    derived: list[str] = []
    missing: list[str] = []
    found_exam, found_paper = exam, paper
    given_year, given_number = year, number
    question = ""
    body_start = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        q = QUESTION.match(line)
        if q:
            number, question = int(q.group(1)), q.group(2).strip()
            y = YEAR_AT_END.search(question)
            if y:
                year = int(y.group(1))
                question = question[: y.start()].rstrip()
            year = given_year or year
            number = given_number or number
            body_start = i + 1
            break
        prefix = EXAM_PREFIX.match(line)
        if prefix and not question:
            found_exam = found_exam or prefix.group(1).upper()
            found_paper = found_paper or prefix.group(2).strip(" -–|:") or None
    intro_lines: list[str] = []
    points: list[dict[str, object]] = []
    tail_lines: list[str] = []
    for line in lines[body_start:]:
        point = POINT.match(line)
        if point:
            heading, body = _split_heading(point.group(2))
            points.append({"heading": heading, "body": body})
        elif points:
            tail_lines.append(line)
        else:
            intro_lines.append(line)
    # Everything after the last numbered point is the conclusion: on the pages
    # this importer targets, a point is one paragraph on its own numbered line.
    conclusion_paras = _paragraphs(tail_lines)
    introduction = "\n\n".join(_paragraphs(intro_lines))
    conclusion = "\n\n".join(conclusion_paras)
    if not found_exam:
        found_exam = "CSS"
        derived.append("exam")
    for name, value in (("paper", found_paper), ("number", number), ("year", year),
                        ("question", question), ("introduction", introduction),
                        ("points", points), ("conclusion", conclusion)):
        if not value:
            missing.append(name)
    data: dict[str, object] = {
        "id": "-".join(slug(str(x)) or "x" for x in (found_exam, year or "year",
                                                     found_paper or "paper", f"q{number or 0}")),
        "exam": found_exam, "paper": found_paper or "", "year": year, "number": number,
    }
    if marks:
        data["marks"] = marks
    data["topics"] = [found_paper] if found_paper else []
    derived.append("topics")
    data["question"] = question
    summary = derive_summary(introduction, conclusion) if introduction or conclusion else ""
    data["summary"] = summary
    derived.append("summary")
    data["introduction"] = introduction
    data["points"] = points
    data["conclusion"] = conclusion
    data["source"] = "Imported from plain text by studypack import"
    derived.append("outline")
    data["derived"] = sorted(set(derived) | {"gist"} if points else set(derived))
    return ImportedAnswer(data=data, derived=tuple(data["derived"]),  # type: ignore[arg-type]
                          missing=tuple(missing), dropped_lines=dropped)


class _BlockDumper(yaml.SafeDumper):
    pass


def _str_presenter(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if "\n" in value or len(value) > 80:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value.rstrip() + "\n"
                                       if "\n" in value else value, style="|" if "\n" in value
                                       else ">")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_BlockDumper.add_representer(str, _str_presenter)


def dump_answer(data: dict[str, object]) -> str:
    """Content fields → YAML text with block scalars for long text."""
    return yaml.dump(data, Dumper=_BlockDumper, sort_keys=False, allow_unicode=True,
                     width=100, default_flow_style=False)
