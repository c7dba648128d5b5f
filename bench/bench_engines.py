"""Benchmark: studypack against a bare ReportLab pass and Typst, on the same words, in one run.

For each corpus size (``corpus.py``: 920 words an answer, seeded), one temporary
workspace holds the answers as content YAML, as ``corpus.json`` and as Typst
source. Each engine then lays them out as a fresh process, timed from outside
(wall clock, the median of ``--repeats``), cold (no cache), with the peak
memory of its largest process (``ru_maxrss`` from ``wait4``, which covers the
worker processes it has waited for) and its CPU time. studypack's bytecode is
written first, as an installed copy has it:

  bare       bench/bare_reportlab.py: one Platypus pass, what a user would write
             by hand (reads JSON, not YAML); the yardstick, ratio 1.00;
  typst      typst.compile() of the same booklet (``pip install -e '.[bench]'``);
  build      studypack build: cover, contents, summaries, key-points tables,
             folios (with --jobs 1 and 2 once build has the option);
  pack -jN   studypack pack of every answer as one section, --jobs 1 and 2.

The table gives pages, seconds (wall and CPU), answers and pages per second,
both rates as a ratio to the bare pass, peak memory, the words pypdf reads back
from each PDF (a check that every engine printed the same text) and bytes per
page. Then each target of issue 16 is marked PASS or FAIL: a warm rebuild after
a one-answer edit (with the cache), ``studypack handout`` cold and ``studypack
--help`` are timed at 400 answers (or the first size given). Nothing here is
asserted: the test suite has no timed tests.

Run: python bench/bench_engines.py [--sizes 400 1600] [--repeats 3]
     [--engines bare typst build pack] [--quick] [--keep DIR]
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import corpus
import typst_source
from pypdf import PdfReader

HERE = Path(__file__).resolve().parent
ENGINES = ("bare", "typst", "build", "pack")
TARGET_SIZE = 400
"""The corpus size the ratio, memory, rebuild and handout targets are set at."""
TYPST_CHILD = ("import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2], "
               "font_paths=[sys.argv[3]], ignore_system_fonts=True)")


@dataclass(frozen=True)
class Engine:
    """One row of the table: a command run in the workspace, and the PDF it writes."""

    name: str
    command: tuple[str, ...]
    output: str
    studypack: bool = False


@dataclass(frozen=True)
class Figures:
    """One engine's result at one size: medians over the repeats, peaks over them."""

    engine: Engine
    answers: int
    pages: int
    seconds: float
    cpu_seconds: float
    peak_mb: float
    bytes: int
    words: int | None


def studypack_exe() -> str:
    """The ``studypack`` command of the Python running this script."""
    beside = Path(sys.executable).with_name("studypack")
    found = str(beside) if beside.exists() else shutil.which("studypack")
    if not found:
        raise SystemExit("no studypack command: run pip install -e . first")
    return found


def compile_studypack() -> None:
    """Write studypack's bytecode before anything is timed, as ``pip install`` does.

    With PYTHONDONTWRITEBYTECODE set (as on this project's shared machine) an
    editable install never gets its ``.pyc`` files, and every fresh process
    would compile studypack's source again; a user's installed copy does not.
    """
    spec = importlib.util.find_spec("studypack")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        compileall.compile_dir(folder, quiet=1)


def help_lists(command: str, option: str) -> bool:
    """Whether ``studypack <command> --help`` lists ``option`` (e.g. build --jobs)."""
    env = {**os.environ, "COLUMNS": "300", "NO_COLOR": "1", "TERM": "dumb"}
    shown = subprocess.run([studypack_exe(), command, "--help"], capture_output=True,
                           text=True, env=env, check=True).stdout
    return option in shown.split()


def timed(command: tuple[str, ...], cwd: Path) -> tuple[float, float, float]:
    """Run ``command`` in ``cwd``: wall seconds, CPU seconds, peak MB of its largest process.

    CPU seconds (user + system, workers included) are less disturbed than wall
    seconds by other work on a shared machine.

    Raises:
        SystemExit: The command failed; its output is shown.
    """
    log = cwd / "out" / "bench.log"
    log.parent.mkdir(exist_ok=True)
    with log.open("w") as sink:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, stdout=sink, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{log.read_text()}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # Linux: kB


def engines(chosen: list[str], build_jobs: bool, build_cache: bool) -> list[Engine]:
    """The rows to time, in table order, for the engines chosen."""
    sp, py = studypack_exe(), sys.executable
    rows = []
    if "bare" in chosen:
        rows.append(Engine("bare", (py, str(HERE / "bare_reportlab.py"), "corpus.json",
                                    "out/bare.pdf"), "out/bare.pdf"))
    if "typst" in chosen and importlib.util.find_spec("typst"):
        rows.append(Engine("typst", (py, "-c", TYPST_CHILD, "booklet.typ", "out/typst.pdf",
                                     typst_source.font_folder()), "out/typst.pdf"))
    if "build" in chosen:
        cold = ("--no-cache",) if build_cache else ()
        for jobs in (1, 2) if build_jobs else (None,):
            name = f"build -j{jobs}" if jobs else "build"
            out = f"out/{name.replace(' ', '')}.pdf"
            flags = ("--jobs", str(jobs)) if jobs else ()
            rows.append(Engine(name, (sp, "build", "-o", out, *flags, *cold), out, True))
    if "pack" in chosen:
        for jobs in (1, 2):
            out = f"out/pack-j{jobs}.pdf"
            rows.append(Engine(f"pack -j{jobs}", (sp, "pack", "content/packs/all.yaml",
                                                  "--no-cache", "--jobs", str(jobs), "-o", out),
                               out, True))
    return rows


def words_in(pdf: Path) -> int:
    """Words (runs between spaces) pypdf extracts from every page."""
    return sum(len(page.extract_text().split()) for page in PdfReader(pdf).pages)


def measure(ws: Path, rows: list[Engine], answers: int, repeats: int) -> list[Figures]:
    """Time every row ``repeats`` times, rows taking turns so noise falls on each alike."""
    runs: dict[str, list[tuple[float, float, float]]] = {row.name: [] for row in rows}
    for _ in range(repeats):
        for row in rows:
            runs[row.name].append(timed(row.command, ws))
    figures = []
    for row in rows:
        pdf = ws / row.output
        figures.append(Figures(row, answers, len(PdfReader(pdf).pages),
                               statistics.median(s for s, _, _ in runs[row.name]),
                               statistics.median(cpu for _, cpu, _ in runs[row.name]),
                               max(mb for _, _, mb in runs[row.name]), pdf.stat().st_size,
                               words_in(pdf)))
    return figures


def make_workspace(root: Path, size: int) -> tuple[Path, list[dict]]:
    """A workspace of ``size`` answers, with the Typst source beside its corpus.json."""
    ws = root / f"n{size}"
    answers = corpus.make_corpus(size)
    corpus.write_workspace(ws, answers)
    (ws / "booklet.typ").write_text(typst_source.typst_source(answers), encoding="utf-8")
    return ws, answers


def warm_rebuild(ws: Path, answers: list[dict], command: tuple[str, ...],
                 repeats: int) -> float:
    """Median seconds of a cached rebuild after one answer's body gained a sentence.

    Each repeat fills a fresh cache with a build, edits a different answer
    (chosen by the repeat's number), and times the build after the edit. The
    answers are put back as they were at the end.
    """
    cache, times, touched = ws / "out" / ".cache", [], []
    for review in range(repeats):
        shutil.rmtree(cache, ignore_errors=True)
        timed(command, ws)
        answer = answers[(7 + 37 * review) % len(answers)]
        touched.append(answer)
        path = corpus.answer_path(ws, answer)
        path.write_text(corpus.answer_yaml(corpus.edited(answer, review)), encoding="utf-8")
        times.append(timed(command, ws)[0])
    for answer in touched:
        corpus.answer_path(ws, answer).write_text(corpus.answer_yaml(answer), encoding="utf-8")
    return statistics.median(times)


WATCH_CHILD = """
import json, sys, time, warnings
from pathlib import Path
import corpus
from studypack.build import BuildRequest, run_build
from studypack.cli.watch import settle_between_builds
warnings.simplefilter("ignore")
ws, answers = Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
request = BuildRequest(workspace=ws, content=ws / "content", output=ws / "out" / "watch.pdf",
                       cache_dir=ws / "out" / ".cache")
run_build(request)
seconds = []
for review, answer in enumerate(answers):
    settle_between_builds()  # as the watcher does once a build is reported
    path = corpus.answer_path(ws, answer)
    path.write_text(corpus.answer_yaml(corpus.edited(answer, review)), encoding="utf-8")
    started = time.perf_counter()
    run_build(request)
    seconds.append(time.perf_counter() - started)
    path.write_text(corpus.answer_yaml(answer), encoding="utf-8")
print(json.dumps(seconds))
"""
"""What ``build --watch`` does after a save: the process that built the booklet builds again."""


def watching_rebuild(ws: Path, answers: list[dict], repeats: int) -> float:
    """Median seconds of a rebuild after a one-answer edit in a process that built before.

    One process builds the booklet (filling the cache), then edits one answer
    after another, building after each, as ``studypack build --watch`` does.
    """
    edited = [answers[(7 + 37 * review) % len(answers)] for review in range(max(repeats, 5))]
    (ws / "out" / "edited.json").write_text(json.dumps(edited), encoding="utf-8")
    shutil.rmtree(ws / "out" / ".cache", ignore_errors=True)
    done = subprocess.run([sys.executable, "-c", WATCH_CHILD, str(ws), "out/edited.json"],
                          cwd=ws, capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONPATH": str(HERE)})
    if done.returncode:
        raise SystemExit(f"the watching build failed:\n{done.stderr}")
    return statistics.median(json.loads(done.stdout.splitlines()[-1]))


def median_run(ws: Path, command: tuple[str, ...], repeats: int) -> float:
    return statistics.median(timed(command, ws)[0] for _ in range(repeats))


def print_table(figures: list[Figures], repeats: int) -> None:
    """One block per corpus size: the engines' figures and their ratios to the bare pass."""
    bare = {f.answers: f for f in figures if f.engine.name == "bare"}
    header = (f"{'engine':<11} {'pages':>6} {'median s':>9} {'cpu s':>6} {'answers/s':>10} "
              f"{'pages/s':>8} "
              f"{'ans/s ×bare':>12} {'pages/s ×bare':>14} {'peak MB':>8} {'words':>8} "
              f"{'bytes/page':>10}")
    for size in sorted({f.answers for f in figures}):
        print(f"\n{size} answers ({size * corpus.WORDS_PER_ANSWER:,} words), "
              f"{os.cpu_count()} cores, median of {repeats} fresh processes, cold")
        print(header)
        for f in (f for f in figures if f.answers == size):
            ref = bare.get(size)
            ratios = ((f"{f.answers / f.seconds / (ref.answers / ref.seconds):>12.2f} "
                       f"{f.pages / f.seconds / (ref.pages / ref.seconds):>14.2f}") if ref
                      else f"{'–':>12} {'–':>14}")
            print(f"{f.engine.name:<11} {f.pages:>6} {f.seconds:>9.2f} {f.cpu_seconds:>6.2f} "
                  f"{f.answers / f.seconds:>10.1f} {f.pages / f.seconds:>8.1f} {ratios} "
                  f"{f.peak_mb:>8.0f} {f.words or 0:>8,} {f.bytes / f.pages:>10,.0f}")


Target = tuple[bool | None, str]
"""A target's verdict (None: not measured, or for comparison only) and its line."""


def verdict(ok: bool | None) -> str:
    return {True: "PASS", False: "FAIL", None: "----"}[ok]


def speed_targets(figures: list[Figures], size: int) -> list[Target]:
    """The answers-per-second targets of ``studypack build`` against the bare pass."""
    at = {f.engine.name: f for f in figures if f.answers == size}
    bare = at.get("bare")
    lines: list[Target] = []
    for name, processes, floor in (("build -j2", 2, 1.3), ("build -j1", 1, 1.0)):
        goal = f"target with {processes} process(es): ≥ {floor}×"
        row = at.get(name) or at.get("build")
        if not (row and bare):
            lines.append((None, f"build: not measured (needs the bare and build rows; {goal})"))
            continue
        ratio = bare.seconds / row.seconds
        note = " (build has no --jobs: one process)" if row.engine.name == "build" else ""
        lines.append((ratio >= floor, (f"{row.engine.name}{note}: {ratio:.2f}× bare "
                                       f"answers/s at N={size} ({goal})")))
    for name in ("pack -j2", "pack -j1"):
        if name in at and bare:
            ratio = bare.seconds / at[name].seconds
            lines.append((None, f"{name}, for comparison: {ratio:.2f}× bare answers/s"))
    return lines


def memory_targets(figures: list[Figures]) -> list[Target]:
    """Peak memory of studypack's largest process, per size (target < 150 MB)."""
    lines: list[Target] = []
    for size in sorted({f.answers for f in figures}):
        ours = [f for f in figures if f.answers == size and f.engine.studypack]
        if ours:
            top = max(ours, key=lambda f: f.peak_mb)
            lines.append((top.peak_mb < 150, (f"peak memory per process at N={size}: "
                          f"{top.peak_mb:.0f} MB ({top.engine.name}; target < 150 MB)")))
    return lines


def scaling_target(figures: list[Figures]) -> Target:
    """Whether 1,600 answers take at most twice four times what 400 take (build)."""
    builds = {f.answers: f for f in figures if f.engine.name in ("build", "build -j2")}
    if TARGET_SIZE not in builds or TARGET_SIZE * 4 not in builds:
        return None, "1,600 answers ≤ 2 × (4 × time at 400): not measured (--sizes 400 1600)"
    small, large = builds[TARGET_SIZE].seconds, builds[TARGET_SIZE * 4].seconds
    return (large <= 8 * small, (f"{builds[TARGET_SIZE].engine.name} at 1,600 answers: "
            f"{large:.2f} s = {large / small:.2f} × the 400-answer {small:.2f} s (target ≤ 8×)"))


def rebuild_targets(ws: Path, answers: list[dict], figures: list[Figures], repeats: int,
                    build_cache: bool) -> list[Target]:
    """A one-answer edit rebuilt with the cache ≤ 10 % of the cold time (build, pack -j2)."""
    at = {f.engine.name: f for f in figures if f.answers == len(answers)}
    lines: list[Target] = []
    build = at.get("build -j2") or at.get("build")
    if build and not build_cache:
        lines.append((False, ("build after a one-answer edit: build keeps no cache yet, so a "
                              f"rebuild is a cold build ({build.seconds:.2f} s, 100%; "
                              "target ≤ 10%)")))
    for cold in (build if build_cache else None, at.get("pack -j2")):
        if cold:
            warm = warm_rebuild(ws, answers, tuple(arg for arg in cold.engine.command
                                                   if arg != "--no-cache"), repeats)
            lines.append((warm <= 0.1 * cold.seconds, (
                f"{cold.engine.name} after a one-answer edit, cached: {warm:.2f} s = "
                f"{warm / cold.seconds:.1%} of cold (target ≤ 10%)")))
    if build and build_cache:
        watching = watching_rebuild(ws, answers, repeats)
        lines.append((watching <= 0.1 * build.seconds, (
            f"{build.engine.name} after a one-answer edit, in a running build --watch: "
            f"{watching:.2f} s = {watching / build.seconds:.1%} of cold (target ≤ 10%)")))
    return lines


def command_targets(ws: Path, answers: list[dict], repeats: int) -> list[Target]:
    """``studypack handout <id>`` cold < 0.5 s and ``studypack --help`` < 0.2 s.

    Beside the handout, the bare ReportLab script lays out the same answer
    alone (Python starting, ReportLab imported, the fonts read, its pages
    written): the outside reference for a one-answer PDF on this machine.
    """
    sp = studypack_exe()
    one = answers[7 % len(answers)]
    (ws / "one.json").write_text(json.dumps([one]), encoding="utf-8")
    bare_one = (sys.executable, str(HERE / "bare_reportlab.py"), "one.json", "out/one.pdf")
    # Alternated, so a busy moment of this shared machine falls on both.
    handouts, bares = [], []
    for _ in range(max(repeats, 5)):
        handouts.append(timed((sp, "handout", one["id"], "--no-cache", "-o",
                               "out/handout.pdf"), ws)[0])
        bares.append(timed(bare_one, ws)[0])
    handout, bare = statistics.median(handouts), statistics.median(bares)
    helped = median_run(ws, (sp, "--help"), max(repeats, 5))
    return [(handout < 0.5, (f"studypack handout <id>, cold, in a workspace of "
                             f"{len(answers)} answers: {handout:.2f} s (target < 0.5 s); "
                             f"the bare script on the same answer alone: {bare:.2f} s, "
                             f"so the handout takes {handout / bare:.2f}×")),
            (helped < 0.2, f"studypack --help: {helped:.2f} s (target < 0.2 s)")]


def keep_outputs(ws: Path, rows: list[Engine], folder: Path, size: int) -> None:
    """Copy each engine's PDF to ``folder`` (e.g. to look at its pages)."""
    folder.mkdir(parents=True, exist_ok=True)
    for row in rows:
        shutil.copyfile(ws / row.output, folder / f"n{size}-{Path(row.output).name}")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[TARGET_SIZE],
                        help="answers per corpus (1600 as well for the scaling target)")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each engine (median)")
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES))
    parser.add_argument("--quick", action="store_true", help="a smoke run: 40 answers, once")
    parser.add_argument("--keep", type=Path, help="copy every engine's PDF into this folder")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.repeats = [40], 1
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    compile_studypack()
    build_jobs, build_cache = help_lists("build", "--jobs"), help_lists("build", "--cache")
    if "typst" in args.engines and not importlib.util.find_spec("typst"):
        print("typst is not installed (pip install -e '.[bench]'): its row is left out")
    figures: list[Figures] = []
    targets: list[Target] = []
    target_size = TARGET_SIZE if TARGET_SIZE in args.sizes else args.sizes[0]
    with tempfile.TemporaryDirectory(prefix="studypack-bench-") as tmp:
        for size in args.sizes:
            ws, answers = make_workspace(Path(tmp), size)
            rows = engines(args.engines, build_jobs, build_cache)
            figures += measure(ws, rows, size, args.repeats)
            if args.keep:
                keep_outputs(ws, rows, args.keep, size)
            if size == target_size:
                targets += speed_targets(figures, size)
                targets += rebuild_targets(ws, answers, figures, args.repeats, build_cache)
                targets += command_targets(ws, answers, args.repeats)
            shutil.rmtree(ws)
    print_table(figures, args.repeats)
    print(f"\nTargets of issue 16 (set at N={TARGET_SIZE}; measured at N={target_size}):")
    for ok, line in [*targets, *memory_targets(figures), scaling_target(figures)]:
        print(f"  {verdict(ok)}  {line}")


if __name__ == "__main__":
    main()
