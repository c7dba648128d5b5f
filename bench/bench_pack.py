"""Benchmark: a large pack cold on one core and two, then rebuilt from the cache.

Generates deterministic synthetic answers (seeded, of varied shape), writes a
pack over all of them grouped by topic with a revision grid, and times
``build_pack``, each run in a fresh process, in one run of this script:

  cold-1  no cache, one process (--jobs 1);
  cold-2  no cache, as ``studypack pack`` runs by default: one process per core;
  warm    as by default, everything taken from the cache;
  edit    as by default, after one answer's conclusion gained a sentence (a new
          answer each run): only its chunk is laid out, in this process, as
          the default does when fewer than 40 questions are left to lay out;
  watch   the same, but built again by a process that has just built the pack,
          as ``pack --watch`` does after a save (no start-up; the file watcher
          adds about 50 ms before it starts): eight answers spread over the
          pack are edited one after another, each followed by a rebuild;
  bare    the same answers laid out once as one document with nothing else
          (no cover, contents, folios, outline or labels): the floor.

Prints the median seconds, pages/second, peak memory (this process and its
workers), bytes/page, the ratios our speed targets are set on (for 400 answers),
and whether the one- and two-process PDFs, and the cached rebuild and a cold
build of the same edited content (and the watching process's PDF and a cold
build of its content), are byte-identical (they must be).

Run: python bench/bench_pack.py [--answers 400] [--repeats 3]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
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
    for _ in range(rng.randint(4, 7)):
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
    """``count`` answers of varied shape (4–7 points, sub-points) from ``seed``.

    Kept as they were when the pack figures in the README were measured;
    bench_engines.py has its own corpus (corpus.py) for comparing engines.
    """
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        write_answer(folder, rng, index)


BARE_CHILD = """
import json, resource, sys, time
from pathlib import Path
from studypack.content import load_content
from studypack.plan import plan_booklet
from studypack.render import RenderOptions, render_document
from studypack.theme import load_theme
content = Path(sys.argv[1])
plan = plan_booklet(load_content(content), title="Benchmark")
theme = load_theme("classic", None)
options = RenderOptions(cover=False, contents=False, folios=False, native_outline=False,
                        section_anchors=False, back_cover=False)
started = time.perf_counter()
rendered = render_document(plan, theme, options)
print(json.dumps({"seconds": time.perf_counter() - started, "pages": rendered.pages,
                  "bytes": len(rendered.pdf),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
"""The floor: studypack's own renderer laying the answers out once, with no cover,
contents, folios, outline or labels."""

CHILD = """
import json, resource, sys, time, warnings
from pathlib import Path
from studypack.build import build_pack
warnings.simplefilter("ignore")
ws, cache, out = Path(sys.argv[1]), sys.argv[3], Path(sys.argv[4])
processes = int(sys.argv[2]) or None
started = time.perf_counter()
result = build_pack(pack=ws / "content" / "packs" / "all.yaml", content=ws / "content",
                    workspace=ws, processes=processes, output=out,
                    cache_dir=Path(cache) if cache != "-" else None)
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "pages": result.pages, "bytes": out.stat().st_size,
                  "reused": result.reused,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "worker_peak_mb":
                      resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""
WATCH_CHILD = """
import json, resource, sys, time, warnings
from pathlib import Path
from studypack.build import build_pack
from bench_pack import edit_answer
from studypack.cli.watch import settle_between_builds
warnings.simplefilter("ignore")
ws, cache, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
def build():
    return build_pack(pack=ws / "content" / "packs" / "all.yaml", content=ws / "content",
                      workspace=ws, output=out, cache_dir=cache)
build()
rows = []
for index in map(int, sys.argv[4].split(",")):
    settle_between_builds()  # as the watcher does once a build is reported
    edit_answer(ws, index)
    started = time.perf_counter()
    result = build()
    seconds = time.perf_counter() - started
    rows.append({"seconds": seconds, "pages": result.pages, "bytes": out.stat().st_size,
                 "reused": result.reused,
                 "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})
print(json.dumps(rows))
"""
"""What ``pack --watch`` does after a save: the same process builds again."""
WATCH_EDITS = 8
"""Answers edited, one save after another, by each watching process."""


def run(ws: Path, processes: int | None, cache: Path | None, out: Path) -> dict:
    """One build in a fresh process; ``processes`` None is the command's default."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CHILD, str(ws), str(processes or 0),
                           str(cache) if cache else "-", str(out)],
                          check=True, capture_output=True, text=True)
    return {**json.loads(done.stdout), "wall": time.perf_counter() - started}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def edit_answer(ws: Path, index: int) -> None:
    answer = ws / "content" / "all" / f"a{index:04d}.yaml"
    text = answer.read_text(encoding="utf-8")
    answer.write_text(text.replace("conclusion: |\n", "conclusion: |\n  A sentence added in "
                                   f"review {index}.\n  ", 1), encoding="utf-8")


def median_row(runs: list[dict]) -> dict:
    return {"seconds": statistics.median(r["seconds"] for r in runs),
            "wall": statistics.median(r.get("wall", r["seconds"]) for r in runs),
            "pages": runs[0]["pages"], "bytes": runs[0]["bytes"],
            "peak_mb": max(r["peak_mb"] for r in runs),
            "worker_peak_mb": max(r.get("worker_peak_mb", 0) for r in runs)}


def _print_table(table: dict[str, dict], answers: int, repeats: int) -> None:
    """Print one row per run kind: medians of time, pages per second, memory, size."""
    print(f"{answers} answers, {table['cold-1']['pages']} pages, {os.cpu_count()} cores, "
          f"median of {repeats}")
    print(f"{'run':>7} {'seconds':>8} {'wall s':>7} {'pages/s':>8} {'peak MB':>8} "
          f"{'workers MB':>10} {'bytes/page':>10}")
    for name in ("cold-1", "cold-2", "warm", "edit", "watch", "bare"):
        r = table[name]
        print(f"{name:>7} {r['seconds']:>8.2f} {r['wall']:>7.2f} "
              f"{r['pages'] / r['seconds']:>8.0f} {r['peak_mb']:>8.0f} "
              f"{r['worker_peak_mb']:>10.0f} {r['bytes'] / r['pages']:>10.0f}")
    print("seconds: the build call; wall s: the whole process, with Python starting and "
          "importing (the bare pass: layout only)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=400)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp)
        make_content(ws / "content" / "all", args.answers)
        pack = ws / "content" / "packs" / "all.yaml"
        pack.parent.mkdir(parents=True)
        pack.write_text("title: Benchmark pack\nselect: {years: 2015-2025}\n"
                        "group_by: topic\nrevision_grid: true\n")
        cache = ws / "cache"
        rows: dict[str, list[dict]] = {k: [] for k in ("cold-1", "cold-2", "warm", "edit",
                                                         "watch")}
        same_processes = same_edit = same_watch = True
        for repeat in range(args.repeats):
            one = run(ws, 1, None, ws / "one.pdf")
            two = run(ws, None, None, ws / "two.pdf")
            same_processes &= digest(ws / "one.pdf") == digest(ws / "two.pdf")
            rows["cold-1"].append(one)
            rows["cold-2"].append(two)
            shutil.rmtree(cache, ignore_errors=True)
            run(ws, None, cache, ws / "cached.pdf")
            rows["warm"].append(run(ws, None, cache, ws / "cached.pdf"))
            edit_answer(ws, (7 + 37 * repeat) % args.answers)
            rows["edit"].append(run(ws, None, cache, ws / "cached.pdf"))
            run(ws, 1, None, ws / "check.pdf")
            same_edit &= digest(ws / "cached.pdf") == digest(ws / "check.pdf")
            # Several saves in a row, spread over the pack: how long a rebuild
            # takes depends on the size of the edited answer's chunk.
            edits = [(200 + 37 * repeat + k * args.answers // WATCH_EDITS) % args.answers
                     for k in range(WATCH_EDITS)]
            done = subprocess.run([sys.executable, "-c", WATCH_CHILD, str(ws), str(cache),
                                   str(ws / "cached.pdf"), ",".join(map(str, edits))],
                                  check=True, capture_output=True, text=True,
                                  cwd=Path(__file__).parent)
            rows["watch"] += json.loads(done.stdout)
            run(ws, None, None, ws / "check.pdf")
            same_watch &= digest(ws / "cached.pdf") == digest(ws / "check.pdf")
        bare_runs = []
        for _ in range(args.repeats):
            done = subprocess.run([sys.executable, "-c", BARE_CHILD, str(ws / "content" / "all")],
                                  check=True, capture_output=True, text=True)
            bare_runs.append(json.loads(done.stdout))
        table = {name: median_row(runs) for name, runs in rows.items()}
        table["bare"] = median_row(bare_runs)
    _print_table(table, args.answers, args.repeats)
    cold1, cold2 = table["cold-1"]["seconds"], table["cold-2"]["seconds"]
    edit = table["edit"]["seconds"]
    wall = {name: table[name]["wall"] for name in ("cold-1", "cold-2", "edit")}
    bare_rate = table["bare"]["pages"] / table["bare"]["seconds"]
    pack_rate = table["cold-2"]["pages"] / cold2
    print(f"two cores vs one: {cold1 / cold2:.2f}x (target at 400 answers: 1.6x); "
          f"identical: {same_processes}")
    print(f"one-answer edit: {edit / cold2:.1%} of a cold two-core build, "
          f"{edit / cold1:.1%} of a cold one-core build (target at 400 answers: 15%); "
          f"identical to a cold build: {same_edit}")
    print(f"  as whole processes: {wall['edit'] / wall['cold-2']:.1%} of cold two-core, "
          f"{wall['edit'] / wall['cold-1']:.1%} of cold one-core")
    watch = table["watch"]["seconds"]
    spread = sorted(r["seconds"] for r in rows["watch"])
    print(f"  rebuilt by a watching process (pack --watch): {watch / cold2:.1%} of a cold "
          f"two-core build ({spread[0] / cold2:.1%}-{spread[-1] / cold2:.1%} over "
          f"{len(spread)} saves), {watch / cold1:.1%} of one-core, "
          f"{watch / wall['cold-2']:.1%} and {watch / wall['cold-1']:.1%} of them as whole "
          f"processes; identical to a cold build: {same_watch}")
    print(f"pages/s against a bare ReportLab pass: {pack_rate / bare_rate:.2f}x "
          "(bench_engines.py compares with Typst and a hand-written ReportLab script)")


if __name__ == "__main__":
    main()
