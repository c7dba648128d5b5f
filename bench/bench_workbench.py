"""Benchmark: the workbench's bank index and pages over a large bank, in one run.

A temporary workspace gets ``--answers`` generated answers (10,000 by
default, seeded: the same files each run), spread over two exams (CSS, PMS),
four papers, the years 2010–2025, question numbers and eight topics, about
900 words each, as content YAML files written directly (no YAML library on
the way out). Each answer's text leans on its topics' words, so a search for
"kashmir dispute" finds the Kashmir answers while "water" is in most of them.

Then, in this process (server time, no HTTP), with ``studypack.web.index``:

  build      ``BankIndex.refresh()`` over an empty index: every file read,
             validated and indexed (informational);
  list       one page of 50 with filters (a paper and a year range, …), no
             text: the median of 20 calls (target < 100 ms);
  search     one page of 50 ranked, with snippets, for a couple of words
             (target < 50 ms);
  edit       ``refresh()`` after one file's text changed: the median of
             five edits of different files (target < 200 ms);
  check      ``refresh()`` when nothing changed, the check every page view
             makes (informational); ``choices()`` and ``problems()``, which
             the bank page also calls on each view, likewise;

and through Flask's test client, with ``studypack.web.app``:

  start      ``create_app(workspace, content)`` and the first GET "/", with
             the index already on disk (target < 2 s), and cold, with the
             index deleted (informational);
  page       GET "/" (and with filters, and a search) as a whole request:
             refresh, search, choices, problems and the template.

Figures are medians of one run on a shared machine: nothing is asserted.
Each target is marked PASS or FAIL, with the figure as a share of it.

Run: python bench/bench_workbench.py [--answers N]   (N = 10000 by default)
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import corpus

from studypack.web.index import BankIndex, Filters

EXAMS = ("CSS", "PMS")
PAPERS = {  # paper → its folder and the topics its answers are filed under
    "Pakistan Affairs": ("pakistan-affairs", ("Kashmir", "Water", "Constitution", "Economy",
                                              "Foreign Policy")),
    "Current Affairs": ("current-affairs", ("Climate", "Economy", "Water", "Security",
                                            "Foreign Policy")),
    "International Relations": ("international-relations", ("Foreign Policy", "Kashmir",
                                                            "Security", "Governance")),
    "Political Science": ("political-science", ("Constitution", "Governance", "Security",
                                                "Economy")),
}
YEARS = tuple(range(2010, 2026))
TOPIC_WORDS = {  # words an answer on the topic uses far more often than others do
    "Kashmir": ("kashmir", "dispute", "plebiscite", "accession", "srinagar", "resolutions"),
    "Water": ("water", "indus", "barrages", "tarbela", "canals", "shortage"),
    "Constitution": ("constitution", "amendment", "article", "senate", "judiciary", "1973"),
    "Economy": ("inflation", "imf", "exports", "debt", "remittances", "budget"),
    "Foreign Policy": ("china", "afghanistan", "washington", "diplomacy", "alliance", "gulf"),
    "Climate": ("floods", "glaciers", "emissions", "heatwave", "monsoon", "adaptation"),
    "Security": ("terrorism", "militancy", "border", "deterrence", "intelligence", "army"),
    "Governance": ("devolution", "bureaucracy", "accountability", "districts", "police",
                   "reform"),
}
PAGE = 50
LIST_CASES = (
    ("list: paper + years 2018–2022",
     Filters(paper="Pakistan Affairs", year_from=2018, year_to=2022)),
    ("list: exam + topic", Filters(exam="PMS", topic="Kashmir")),
    ("list: no filter", Filters()),
)
SEARCH_CASES = (
    ("search: water", Filters(text="water")),
    ("search: kashmir dispute", Filters(text="kashmir dispute")),
    ("search: water + paper + years",
     Filters(text="water", paper="Pakistan Affairs", year_from=2018, year_to=2022)),
)
PAGE_CASES = (
    ("GET /", "/"),
    ("GET / paper + years", "/?paper=Pakistan+Affairs&from=2018&to=2022"),
    ("GET / search water", "/?q=water"),
)


@dataclass(frozen=True)
class Figure:
    """One line of the table: a median in seconds, and its target if it has one."""

    name: str
    seconds: float
    runs: int
    target: float | None = None
    note: str = ""


# --- the answers -------------------------------------------------------------------------

def _text(rng: random.Random, pool: list[str], words: int) -> str:
    """``words`` words from ``pool`` in sentences of 8–20 words, capitalised and closed."""
    drawn = rng.choices(pool, k=words)
    sentences = []
    start = 0
    while start < words:
        end = min(words, start + rng.randint(8, 20))
        if words - end < 5:  # no stub of a sentence at the end
            end = words
        first, *rest = drawn[start:end]
        sentences.append(" ".join([first.capitalize(), *rest]) + ".")
        start = end
    return " ".join(sentences)


def _block(text: str, indent: str) -> str:
    """Paragraphs (joined by blank lines) as the lines of a YAML ``|`` block."""
    return "\n".join(f"{indent}{line}" if line else "" for line in text.split("\n"))


def answer_place(index: int) -> tuple[str, str, int, int]:
    """The (exam, paper, year, number) of answer ``index``, unique up to 12,672 answers."""
    exam_count, paper_count, year_count = len(EXAMS), len(PAPERS), len(YEARS)
    combos = exam_count * paper_count * year_count
    slot, round_ = index % combos, index // combos
    exam = EXAMS[slot % exam_count]
    paper = list(PAPERS)[slot // exam_count % paper_count]
    year = YEARS[slot // (exam_count * paper_count)]
    return exam, paper, year, round_ % 99 + 1


def answer_text(rng: random.Random, index: int) -> tuple[str, str]:
    """Answer ``index`` as (its path under content/, its YAML text); ~900 words."""
    exam, paper, year, number = answer_place(index)
    folder, paper_topics = PAPERS[paper]
    topics = rng.sample(paper_topics, rng.choice((1, 2, 2)))
    special = [w for t in topics for w in TOPIC_WORDS[t]]
    pool = corpus.FUNCTION_WORDS * 4 + corpus.CONTENT_WORDS + special * 3
    answer_id = f"{exam.lower()}-{year}-{folder}-q{number}-{index:05d}"
    points = []
    for _ in range(5):
        heading = " ".join(rng.choices(corpus.CONTENT_WORDS + special, k=5)).capitalize()
        body = _text(rng, pool, 60) + "\n\n" + _text(rng, pool, 60)
        points.append(f"  - heading: {heading}\n"
                      f"    gist: {_text(rng, pool, 12)}\n"
                      f"    body: |\n{_block(body, '      ')}\n")
    intro = _text(rng, pool, 45) + "\n\n" + _text(rng, pool, 45)
    text = (f"id: {answer_id}\nexam: {exam}\npaper: {paper}\n"
            f"part: {'I' if number % 2 else 'II'}\nyear: {year}\nnumber: {number}\n"
            f"marks: {rng.choice((10, 15, 20, 20))}\ntopics: [{', '.join(topics)}]\n"
            f"question: |\n  {_text(rng, pool, 20)[:-1]}?\n"
            f"summary: |\n  {_text(rng, pool, 40)}\n"
            f"introduction: |\n{_block(intro, '  ')}\n"
            f"points:\n{''.join(points)}"
            f"conclusion: |\n  {_text(rng, pool, 80)}\n")
    return f"{folder}/{answer_id}.yaml", text


def make_workspace(root: Path, count: int, seed: int = 20) -> tuple[Path, list[Path]]:
    """A workspace of ``count`` answers under ``root``; returns it and the answer files."""
    ws = root / "bank"
    content = ws / "content"
    for folder, _ in PAPERS.values():
        (content / folder).mkdir(parents=True, exist_ok=True)
    (ws / "studypack.yaml").write_text(
        "title: Workbench benchmark\nlayout: classic\ncontent: content\n"
        "output: out/booklet.pdf\n", encoding="utf-8")
    rng = random.Random(seed)
    files = []
    for index in range(count):
        name, text = answer_text(rng, index)
        path = content / name
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return ws, files


def edit(path: Path, review: int) -> None:
    """Add a sentence to the answer's conclusion (its last field), as a reviser would."""
    with path.open("a", encoding="utf-8") as out:
        out.write(f"  A sentence added in review {review} about water and kashmir.\n")


# --- timing ------------------------------------------------------------------------------

def median_of(runs: int, call: Callable[[], Any]) -> float:
    """The median seconds of ``runs`` calls of ``call``, after one call not timed."""
    call()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def once(call: Callable[[], Any]) -> tuple[float, Any]:
    """The seconds one call of ``call`` takes, and what it returned."""
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def index_figures(ws: Path, files: list[Path], runs: int) -> list[Figure]:
    """Build, list, search and refresh with ``BankIndex``, where the workbench keeps it."""
    content = ws / "content"
    db_path = ws / "out" / ".cache" / "workbench" / "bank.sqlite"
    idx = BankIndex(content, db_path)
    figures = []
    try:
        seconds, read = once(idx.refresh)
        size_mb = sum(p.stat().st_size for p in db_path.parent.glob("bank.sqlite*")) / 1e6
        figures.append(Figure("index build from scratch", seconds, 1,
                              note=f"{read:,} files read, {len(files) / seconds:,.0f} files/s, "
                                   f"index {size_mb:.0f} MB"))
        for name, filters in (*LIST_CASES, *SEARCH_CASES):
            total = idx.search(filters, limit=PAGE).total
            seconds = median_of(runs, lambda f=filters: idx.search(f, offset=0, limit=PAGE))
            figures.append(Figure(name, seconds, runs, 0.05 if filters.text else 0.1,
                                  note=f"{total:,} match"))
        far = Filters(paper="Pakistan Affairs")
        pages = max(1, -(-idx.search(far, limit=1).total // PAGE))
        seconds = median_of(runs, lambda: idx.search(far, offset=(pages - 1) * PAGE,
                                                     limit=PAGE))
        figures.append(Figure(f"list: paper, last page ({pages})", seconds, runs, 0.1))
        edits = []
        for review in range(5):
            path = files[(7 + 1999 * review) % len(files)]
            edit(path, review)
            seconds, read = once(idx.refresh)
            edits.append(seconds)
            if read != 1:
                print(f"note: refresh after editing {path.name} read {read} files, not 1")
        figures.append(Figure("refresh after one file's edit", statistics.median(edits),
                              len(edits), 0.2))
        figures.append(Figure("refresh, nothing changed", median_of(runs, idx.refresh), runs,
                              note="each page view's check"))
        figures.append(Figure("choices() (each bank page)", median_of(runs, idx.choices), runs))
        figures.append(Figure("problems() (each bank page)", median_of(runs, idx.problems),
                              runs))
    finally:
        idx.close()
    return figures


def app_figures(ws: Path, runs: int) -> list[Figure]:
    """Start the app on the index on disk (and without it); time whole bank pages."""
    content = ws / "content"
    figures = []
    started = time.perf_counter()
    from studypack.web.app import create_app
    figures.append(Figure("import studypack.web.app", time.perf_counter() - started, 1,
                          note="first import in this process, after studypack.web.index"))
    apps = []

    def start() -> Any:
        app = create_app(ws, content)
        apps.append(app)
        response = app.test_client().get("/")
        if response.status_code != 200:
            raise SystemExit(f"GET / answered {response.status_code}")
        return app

    try:
        warm = [once(start)[0] for _ in range(3)]
        figures.append(Figure("app start + first GET /, index on disk",
                              statistics.median(warm), len(warm), 2.0))
        client = apps[-1].test_client()
        for name, url in PAGE_CASES:
            seconds = median_of(max(5, runs // 2), lambda u=url: client.get(u))
            figures.append(Figure(f"{name} (whole request)", seconds, max(5, runs // 2)))
        for app in apps:
            app.extensions["studypack"].index.close()
        for path in (ws / "out" / ".cache" / "workbench").glob("bank.sqlite*"):
            path.unlink()
        seconds, _ = once(start)
        figures.append(Figure("app start + first GET /, no index (cold)", seconds, 1,
                              note="builds the index"))
    finally:
        for app in apps:
            app.extensions["studypack"].builds.shutdown()
            app.extensions["studypack"].index.close()
    return figures


# --- the table ---------------------------------------------------------------------------

def shown(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds >= 1 else f"{seconds * 1000:.1f} ms"


def print_table(figures: list[Figure], answers: int, megabytes: float, made: float) -> None:
    print(f"\nWorkbench bank of {answers:,} answers ({megabytes:.0f} MB of YAML, written in "
          f"{made:.1f} s), {os.cpu_count()} cores; medians of the runs shown")
    print(f"{'measure':<44} {'median':>10} {'runs':>4} {'target':>9} {'share':>6}  "
          f"{'verdict':<7} note")
    for f in figures:
        target = shown(f.target) if f.target else "–"
        share = f"{f.seconds / f.target:.0%}" if f.target else "–"
        verdict = ("PASS" if f.seconds < f.target else "FAIL") if f.target else "----"
        print(f"{f.name:<44} {shown(f.seconds):>10} {f.runs:>4} {target:>9} {share:>6}  "
              f"{verdict:<7} {f.note}".rstrip())
    targets = [f for f in figures if f.target]
    met = sum(f.seconds < f.target for f in targets if f.target)
    print(f"\nTargets met: {met} of {len(targets)}")
    for f in targets:
        if f.target and f.seconds >= f.target:
            print(f"  FAIL  {f.name}: {shown(f.seconds)} (target < {shown(f.target)}, "
                  f"{f.seconds / f.target:.1f}× it)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=10_000,
                        help="answers in the generated bank (default 10000)")
    parser.add_argument("--runs", type=int, default=20, help="timed calls per median")
    args = parser.parse_args(argv)
    if args.answers < 1:
        parser.error("--answers must be at least 1")
    combos = len(EXAMS) * len(PAPERS) * len(YEARS) * 99
    if args.answers > combos:
        print(f"note: over {combos:,} answers, some share an exam, paper, year and number "
              "(studypack check warns of them; the index does not mind)")
    with tempfile.TemporaryDirectory(prefix="studypack-workbench-") as tmp:
        made, (ws, files) = once(lambda: make_workspace(Path(tmp), args.answers))
        megabytes = sum(p.stat().st_size for p in files) / 1e6
        figures = index_figures(ws, files, args.runs)
        figures += app_figures(ws, args.runs)
    print_table(figures, args.answers, megabytes, made)


if __name__ == "__main__":
    main()
