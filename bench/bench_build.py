"""Benchmark: the full booklet build against a bare single ReportLab pass.

Generates deterministic synthetic answers (seeded) of realistic shape, then
times, in the same run and in fresh processes:

  full  the complete booklet: cover, contents, "Page X of Y", outline, labels;
  bare  the same answers laid out once with the same fonts and blocks, and
        nothing else (no cover, contents, folios, outline or page labels).

Prints pages, median wall seconds, pages/second, the full/bare ratio, peak
memory (max RSS of the child process) and bytes/page. No assertions: this is
where speed is watched.

Run: python bench/bench_build.py [--sizes 25 100 400] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

WORDS = ["policy", "state", "economy", "reform", "treaty", "federal", "provinces",
         "security", "trade", "water", "climate", "debt", "growth", "institutions", "rivalry",
         "alliance", "governance", "constitution", "parliament", "courts", "markets",
         "exports", "energy", "corridor", "border", "diplomacy", "development", "education",
         "power", "balance", "region", "strategy"]


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng, rng.randint(12, 24)) for _ in range(sentences))


def write_answer(folder: Path, rng: random.Random, index: int) -> None:
    points = []
    for _p in range(rng.randint(4, 7)):
        body = "\n\n".join(paragraph(rng, rng.randint(3, 5)) for _ in range(2))
        subs = "".join(f"\n      - \"**Item {s}** – {sentence(rng, 8)}\""
                       for s in range(rng.randint(0, 3)))
        points.append(f"  - heading: {sentence(rng, 4)[:-1]}\n    body: |\n"
                      + textwrap.indent(body, "      ") + "\n"
                      + (f"    subpoints:{subs}\n" if subs else ""))
    topic = rng.choice(["Economy", "Foreign Policy", "Governance", "Climate", "History"])
    # 5 papers × 11 years × 9 questions: every answer is a different question.
    text = (f"id: bench-{index:04d}\nexam: CSS\npaper: Paper {index % 5 + 1}\n"
            f"year: {2015 + index // 5 % 11}\nnumber: {index // 55 % 9 + 1}\nmarks: 20\n"
            f"topics: [{topic}]\nquestion: \"{sentence(rng, 20)}\"\n"
            f"summary: \"{paragraph(rng, 2)}\"\nintroduction: |\n"
            + textwrap.indent(paragraph(rng, 4), "  ") + "\npoints:\n" + "".join(points)
            + "conclusion: |\n" + textwrap.indent(paragraph(rng, 3), "  ") + "\n")
    (folder / f"a{index:04d}.yaml").write_text(text, encoding="utf-8")


def make_content(folder: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        write_answer(folder, rng, index)


CHILD = """
import json, resource, sys, time
from pathlib import Path
from studypack.content import load_content
from studypack.plan.booklet import plan_booklet
from studypack.render import RenderOptions, render_document
from studypack.theme import load_theme
content, mode = Path(sys.argv[1]), sys.argv[2]
plan = plan_booklet(load_content(content), title="Benchmark")
theme = load_theme("classic", None)
options = (RenderOptions() if mode == "full" else
           RenderOptions(cover=False, contents=False,
                         section_anchors=False, back_cover=False))
started = time.perf_counter()
rendered = render_document(plan, theme, options)
print(json.dumps({"seconds": time.perf_counter() - started, "pages": rendered.pages,
                  "bytes": len(rendered.pdf),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(content: Path, mode: str) -> dict[str, float]:
    run = subprocess.run([sys.executable, "-c", CHILD, str(content), mode], check=True,
                         capture_output=True, text=True)
    return json.loads(run.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25, 100, 400])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    print(f"{'N':>5} {'mode':>5} {'pages':>6} {'median s':>9} {'pages/s':>8} {'ratio':>6} "
          f"{'peak MB':>8} {'bytes/page':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            content = Path(tmp) / f"n{size}"
            make_content(content, size)
            rows = {}
            for mode in ("bare", "full"):
                runs = [measure(content, mode) for _ in range(args.repeats)]
                rows[mode] = {"pages": runs[0]["pages"],
                              "seconds": statistics.median(r["seconds"] for r in runs),
                              "peak_mb": max(r["peak_mb"] for r in runs),
                              "bytes": runs[0]["bytes"]}
            for mode in ("bare", "full"):
                r = rows[mode]
                ratio = r["seconds"] / rows["bare"]["seconds"]
                print(f"{size:>5} {mode:>5} {r['pages']:>6} {r['seconds']:>9.2f} "
                      f"{r['pages'] / r['seconds']:>8.1f} {ratio:>6.2f} {r['peak_mb']:>8.0f} "
                      f"{r['bytes'] / r['pages']:>10.0f}")


if __name__ == "__main__":
    main()
