"""Paper and exam names: the CSS scheme's papers, students' short names for them, and the
exams and commissions a page names.

Input: a text naming a paper or exam ("Pak Affairs", "KPPSC"). Output: the paper's or
exam's name as the content folders spell it ("Pakistan Affairs", "PMS").
"""

from __future__ import annotations

import re

EXAMS = ("CSS", "PMS", "PCS", "FPSC", "PPSC")
COMMISSIONS = {"FPSC": "CSS", "PPSC": "PMS", "PCS": "PMS"}
"""A commission named for its exam: FPSC sets CSS, the Punjab commission PMS. A province's
PCS (Provincial Civil Service) is the same exam as its PMS, and is filed as PMS."""

PAPERS = (
    "English Essay", "English (Precis and Composition)", "General Science and Ability",
    "Current Affairs", "Pakistan Affairs", "Islamic Studies",
    "Comparative Study of Major Religions", "International Relations", "Political Science",
    "Public Administration", "Governance and Public Policies", "International Law",
    "Constitutional Law", "Economics", "Sociology", "Gender Studies", "Criminology",
    "Journalism and Mass Communication", "Psychology", "Philosophy", "Environmental Science",
    "Town Planning and Urban Management", "History of Pakistan and India",
    "Islamic History and Culture", "British History", "European History", "History of USA",
    "Accountancy and Auditing", "Business Administration", "Anthropology", "Geography",
    "Mercantile Law", "Muslim Law and Jurisprudence", "Urdu Literature", "English Literature",
    "Computer Science", "Applied Mathematics", "Pure Mathematics", "Statistics",
)
"""Paper names of the CSS scheme of studies, as the content folders spell them."""

ALIASES = {
    "islamiat": "Islamic Studies", "gsa": "General Science and Ability",
    "everyday science": "General Science and Ability", "pak affairs": "Pakistan Affairs",
    "precis": "English (Precis and Composition)",
    "comparative religions": "Comparative Study of Major Religions",
    "indo-pak history": "History of Pakistan and India",
    "indo pak history": "History of Pakistan and India",
    "pak-india history": "History of Pakistan and India",
    "pakistan studies": "Pakistan Affairs", "pak studies": "Pakistan Affairs",
    "gpp": "Governance and Public Policies", "ir": "International Relations",
    "psych": "Psychology", "pub ad": "Public Administration", "pubad": "Public Administration",
    "governance and public policy": "Governance and Public Policies",
    "pol science": "Political Science", "pol. science": "Political Science",
    "pol sci": "Political Science", "polsci": "Political Science",
    "journalism": "Journalism and Mass Communication",
    "mass communication": "Journalism and Mass Communication",
    "us history": "History of USA", "u.s. history": "History of USA",
    "american history": "History of USA", "history of the usa": "History of USA",
    "english lit": "English Literature", "eng lit": "English Literature",
    "town planning": "Town Planning and Urban Management",
}
"""Short names students use → the paper's name."""

_GENERIC = {"past", "paper", "papers", "solved", "home", "notes", "note", "question", "questions",
            "answer", "answers", "subjective", "objective", "mcqs", "mcq", "compulsory",
            "optional", "blog", "exam", "exams", "the", "and", "of", "with", "all", "latest",
            "online", "preparation", "prep", "study", "material", "materials", "solution",
            "solutions", "model", "guide", "subjects", "subject", "category", "categories",
            # Provinces and commissions qualify an exam ("PMS Punjab", "PPSC"); no paper.
            "punjab", "sindh", "balochistan", "khyber", "pakhtunkhwa", "kpk", "kp", "ajk",
            "go", "back", "site", "main", "index", "archive", "archives", "section",
            "topic", "topics", "wise", "compiled", "compilation", "list", "bank",
            "you", "are", "here",
            "fpsc", "ppsc", "spsc", "kppsc", "bpsc"}
"""Words of breadcrumb parts that name no paper ("Home", "CSS Past Papers", "Solved
Answers", "PMS Punjab Solved Papers"); a part made only of these and exam names is
skipped."""


def tag_exam(named: str | None) -> str | None:
    """The exam a tag names: CSS, or a province's PMS by any of its names ("KPPSC",
    "Sindh PCS", "BPSC CCE"); None when the tag names none.
    """
    if not named:
        return None
    words = named.upper().split()
    return "CSS" if "CSS" in words or "FPSC" in words else "PMS"


_LONGEST_FIRST = tuple((paper.lower(), paper) for paper in sorted(PAPERS, key=len, reverse=True))
_ALIAS_WORDS = tuple((re.compile(rf"\b{re.escape(alias)}\b"), paper)
                     for alias, paper in ALIASES.items())
"""The names and short names, ready to look for (every line of a page is read)."""


def known_paper(text: str) -> str | None:
    """The paper named in ``text`` (a name from ``PAPERS`` or a common short name)."""
    low = " ".join(text.lower().replace("&", "and").split())
    for name, paper in _LONGEST_FIRST:
        if name in low:
            return paper
    for alias, paper in _ALIAS_WORDS:
        if alias.search(low):
            return paper
    return None


def papers_named(text: str) -> int:
    """How many papers ``text`` names, by name or short name ("IR & Current Affairs": 2)."""
    low = " ".join(text.lower().replace("&", "and").split())
    return len({paper for name, paper in _LONGEST_FIRST if name in low} | {
        paper for alias, paper in _ALIAS_WORDS if alias.search(low)})


def one_exam(line: str) -> str | None:
    """The one exam a line names; a site's tagline naming two ("CSS and PMS preparation")
    names neither in particular. A commission counts as its exam ("PMS 2019 (PPSC)").
    """
    exams = {COMMISSIONS.get(e, e) for e in re.findall(rf"\b({'|'.join(EXAMS)})\b", line)}
    exams |= {exam for exam, named in _EXAM_NAMES if named.search(line)}
    return exams.pop() if len(exams) == 1 else None


_EXAM_NAMES = (
    ("PMS", re.compile(r"\b(?:KPPSC|SPSC|BPSC|AJKPSC|provincial management service)\b",
                       re.IGNORECASE)),
    ("CSS", re.compile(r"\bcentral superior services?\b", re.IGNORECASE)),
)
"""An exam named in full words, or by the provincial commission that holds it ("KPPSC ·
Provincial Management Service · 2020")."""


def roman_part(text: str) -> str:
    """A paper's part as the content files write it: ``Part 2``, ``Part-II`` → ``II``."""
    value = text.strip().upper()
    return {"1": "I", "2": "II", "3": "III", "4": "IV"}.get(value, value)


def read_as(paper: str, text: str) -> str:
    """`` ('Islamiat' read as Islamic Studies)`` when ``text`` names ``paper`` by a short name."""
    low = " ".join(text.lower().replace("&", "and").split())
    if paper.lower() in low:
        return ""
    for alias, name in ALIASES.items():
        spaced = re.escape(alias).replace(r"\ ", r"\s+")
        match = re.search(rf"\b{spaced}\b", text, re.IGNORECASE)
        if name == paper and match:
            return f" ('{match.group(0)}' read as {paper})"
    return ""


def generic_crumb(part: str) -> bool:
    """A breadcrumb part naming no paper: "Home", "CSS Past Papers", "Solved Answers"."""
    words = re.findall(r"[a-z]+", part.lower())
    return all(w in _GENERIC or w.upper() in EXAMS for w in words)


_SPELLED_OUT = (
    (re.compile(r"\bfederal public service commission\b", re.IGNORECASE), "FPSC"),
    (re.compile(r"\bpunjab public service commission\b", re.IGNORECASE), "PPSC"),
    (re.compile(r"\bsindh public service commission\b", re.IGNORECASE), "SPSC"),
    (re.compile(r"\b(?:khyber pakhtunkhwa|kpk?) public service commission\b", re.IGNORECASE),
     "KPPSC"),
    (re.compile(r"\bbalochistan public service commission\b", re.IGNORECASE), "BPSC"),
    # Sindh's and Balochistan's PMS is called the Combined Competitive Examination.
    (re.compile(r"\bcombined competitive examination\s*(?:\(\s*CCE\s*\))?", re.IGNORECASE),
     "PMS"),
)
"""Commissions and exams written out in full, as a handout's title block sets them
("SINDH PUBLIC SERVICE COMMISSION / COMBINED COMPETITIVE EXAMINATION (CCE) 2022")."""


def exam_names_shortened(line: str) -> str:
    """``line`` with commissions and exams written out in full given by their short names
    ("Sindh Public Service Commission" → "SPSC"), as the rest of the reader knows them.
    """
    for spelled, short in _SPELLED_OUT:
        line = spelled.sub(short, line)
    return line
