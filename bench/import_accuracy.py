"""Field accuracy of ``studypack import`` on the corpus in ``bench/import_corpus/``.

Each page there has its expected fields written by hand before the importer
ran on it (see the corpus README). This script imports every page as the
command does, compares field by field, and prints the accuracy per field kind,
the pages with a wrong field (and which), and how many answer pages gave no
file (the target is none). Each set is scored apart: ``dev/`` was used while
building; ``held-out-1/`` was kept unread until its one unseen scoring, then used
for development too; ``held-out-2/`` was kept unread until the end.

Run: python bench/import_accuracy.py [--set dev|held-out-1|held-out-2|all] [--show]
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import yaml

from studypack.content.derive import IMPORT_PLACEHOLDER, plain_text
from studypack.content.importing import NoAnswerOnPage, UnreadableFile, import_file

CORPUS = Path(__file__).parent / "import_corpus"
PLACEHOLDER = IMPORT_PLACEHOLDER.split("{", 1)[0]
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def norm(text: object) -> str:
    """Text as compared: case, quotes, dashes, spaces and closing punctuation ignored."""
    plain = plain_text(str(text or "")).translate(_QUOTES)
    plain = unicodedata.normalize("NFKC", plain).casefold()
    return re.sub(r"\s+", " ", plain).strip(" .:?;,!")


def _roman(part: object) -> str | None:
    if part is None:
        return None
    text = str(part).strip().upper().removeprefix("PART").strip(" -")
    return {"1": "I", "2": "II", "3": "III"}.get(text, text)


def _starts(found: object, expected: object) -> bool:
    """An introduction or conclusion: None expects the import's placeholder."""
    text = str(found or "")
    if expected is None:
        return not text or PLACEHOLDER in text
    return PLACEHOLDER not in text and norm(text).startswith(norm(expected))


def score_answer(data: dict, incomplete: bool, want: dict) -> dict[str, bool]:
    """Field kind → right or wrong, for one imported answer against its expectation."""
    headings = [norm(p.get("heading")) for p in data.get("points") or []]
    return {
        "question": norm(data.get("question")) == norm(want.get("question")),
        "exam": str(data.get("exam") or "").upper() == str(want.get("exam") or "CSS").upper(),
        "paper": (data.get("paper") or None) == want.get("paper"),
        "part": _roman(data.get("part")) == _roman(want.get("part")),
        "year": data.get("year") == want.get("year"),
        "number": data.get("number") == want.get("number"),
        "marks": data.get("marks") == want.get("marks"),
        "outline": len(data.get("outline") or []) == int(want.get("outline") or 0),
        "points": headings == [norm(h) for h in want.get("points") or []],
        "introduction": _starts(data.get("introduction"), want.get("introduction")),
        "conclusion": _starts(data.get("conclusion"), want.get("conclusion")),
        "incomplete": incomplete == bool(want.get("incomplete")),
    }


def score_question(data: dict, want: dict) -> dict[str, bool]:
    """Field kind → right or wrong, for one question imported without an answer."""
    return {
        "question": norm(data.get("question")) == norm(want.get("question")),
        "exam": str(data.get("exam") or "").upper() == str(want.get("exam") or "CSS").upper(),
        "year": data.get("year") == want.get("year"),
        "paper": (data.get("paper") or None) == want.get("paper"),
        "topic": norm((data.get("topics") or [None])[0]) == norm(want.get("topic"))
        if want.get("topic") else True,
    }


def score_page(page: Path, want: dict) -> tuple[dict[str, list[bool]], list[str], bool]:
    """Import one page and score it.

    Returns:
        ``(results, wrong, no_file)``: field kind → list of right/wrong, the
        wrong fields named for the report, and whether an answer page gave no file.
    """
    results: dict[str, list[bool]] = {}
    wrong: list[str] = []

    def mark(name: str, right: bool) -> None:
        results.setdefault(name, []).append(right)
        if not right:
            wrong.append(name)

    kind = want.get("kind", "answer")
    try:
        imported = import_file(page)
    except NoAnswerOnPage:
        imported = ()
        found_kind = "no-answer"
    except UnreadableFile:
        imported = ()
        found_kind = "unreadable"
    else:
        asked = [a for a in imported if a.data.get("kind") == "question"]
        found_kind = "question-list" if asked and len(asked) == len(imported) else "answer"
    mark("page kind", found_kind == kind)
    if kind == "no-answer":
        return results, wrong, False
    expected = want.get("answers" if kind == "answer" else "questions") or []
    if kind == "answer":
        answers = [a for a in imported if a.data.get("kind") != "question"]
        mark("answers found", len(answers) == len(expected))
        for n, item in enumerate(expected):
            if n < len(answers):
                fields = score_answer(answers[n].data, answers[n].incomplete, item)
            else:
                fields = dict.fromkeys(score_answer({}, False, item), False)
            for name, right in fields.items():
                mark(name if len(expected) == 1 else f"{name}", right)
                if not right and len(expected) > 1:
                    wrong[-1] = f"{name} (answer {n + 1})"
        text = "\n".join(a.yaml_text for a in imported).casefold()
        mark("junk dropped", not any(str(p).casefold() in text for p in want.get("absent") or []))
        return results, wrong, not imported
    questions = [a for a in imported if a.data.get("kind") == "question"]
    mark("questions found", len(questions) == len(expected))
    by_text = {norm(q.data.get("question")): q.data for q in questions}
    for item in expected:
        data = by_text.get(norm(item.get("question")), {})
        for name, right in score_question(data, item).items():
            mark(f"list {name}", right)
    return results, wrong, False


def pages(folder: Path) -> list[tuple[Path, dict]]:
    found = []
    for expected in sorted(folder.glob("*.expected.yaml")):
        stem = expected.name.removesuffix(".expected.yaml")
        sources = [p for p in folder.glob(stem + ".*") if p != expected]
        if sources:
            found.append((sources[0], yaml.safe_load(expected.read_text(encoding="utf-8"))))
    return found


def report(name: str, folder: Path, show: bool) -> tuple[int, int, int]:
    totals: Counter[str] = Counter()
    rights: Counter[str] = Counter()
    no_file = 0
    lines = []
    for page, want in pages(folder):
        results, wrong, empty = score_page(page, want)
        no_file += empty
        for kind, marks in results.items():
            totals[kind] += len(marks)
            rights[kind] += sum(marks)
        got, of = sum(sum(m) for m in results.values()), sum(len(m) for m in results.values())
        if wrong or show:
            lines.append(f"  {page.name:44} {got:3}/{of:<3} wrong: {', '.join(wrong) or '-'}")
    right, total = sum(rights.values()), sum(totals.values())
    print(f"\n{name}: {len(pages(folder))} pages, fields right {right}/{total} "
          f"({100 * right / max(total, 1):.1f}%), answer pages with no file: {no_file}")
    for kind in totals:
        print(f"  {kind:22} {rights[kind]:4}/{totals[kind]:<4} "
              f"({100 * rights[kind] / totals[kind]:.0f}%)")
    print("\n".join(lines))
    return right, total, no_file


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sets = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
    parser.add_argument("--set", choices=(*sets, "all"), default="dev")
    parser.add_argument("--show", action="store_true", help="list every page, not only wrong ones")
    args = parser.parse_args()
    names = sets if args.set == "all" else [args.set]
    for name in names:
        report(name, CORPUS / name, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
