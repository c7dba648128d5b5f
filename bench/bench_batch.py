"""Benchmark: a pack for every student (``studypack batch``), on one machine and on Dask.

The corpus is the engines' benchmark corpus (``corpus.py``: 400 answers of 920
words, A4, IBM Plex Serif 11/14), so the outside reference lays out the same
words. Every row runs in a fresh process, from a cold cache, in one run of
this script:

  shared-1   N students, one shared 400-answer pack, --jobs 1
  shared-2   the same on 2 local processes (the default on this machine)
  dask-2     the same on a Dask LocalCluster of 2 single-threaded workers
  varied-2   N students, each with their own selection (the pack's topic plus
             two random topics, less one random answer), 2 local processes

and two outside references for one student's copy:

  bare ReportLab   the same 400 answers laid out by a bare Platypus script
                   (bench/bare_reportlab.py): what each copy costs a pipeline
                   that lays the pack out again for every student;
  bare pikepdf     the shared PDF with a one-line name stamp drawn by ReportLab
                   laid over every page by pikepdf's own Page.add_overlay, saved:
                   the straightforward way to stamp a finished PDF.

For each row: total seconds, students a minute, the first copy's time (it pays
the layout) and each later copy's (the rest divided by N - 1), the peak memory
of this process and of its workers, and whether the copies are byte-identical
to shared-1's. Then the per-copy cost as a ratio of the references', and a
projection for 50,000 students on W workers.

Run: python bench/bench_batch.py [--students 300] [--answers 400]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import SECOND_TOPICS, make_corpus, write_workspace

CHILD = """
import json, resource, sys, time, warnings
from pathlib import Path
from studypack.batch import build_batch
warnings.simplefilter("ignore")
ws, roster, pack, out, jobs, cluster = sys.argv[1:7]
ws = Path(ws)
marks = []
started = time.perf_counter()
result = build_batch(roster=Path(roster), pack=Path(pack), content=ws / "content",
                     workspace=ws, output=Path(out), processes=int(jobs),
                     cluster=cluster or None, cache_dir=ws / "out" / ".cache",
                     on_copy=lambda s: marks.append(time.perf_counter() - started))
print(json.dumps({"seconds": time.perf_counter() - started, "first": marks[0],
                  "built": result.built, "failed": len(result.failed),
                  "groups": result.groups, "parts": result.parts,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "workers_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""

PIKEPDF_CHILD = """
import io, json, sys, time
from pathlib import Path
import pikepdf
from reportlab.pdfgen.canvas import Canvas
shared, out = Path(sys.argv[1]), Path(sys.argv[2])
started = time.perf_counter()
buffer = io.BytesIO()
canvas = Canvas(buffer, pagesize=(595.28, 841.89), invariant=1)
canvas.setFont("Helvetica", 8)
canvas.drawString(57, 25, "Student 0 · Roll 1000")
canvas.showPage()
canvas.save()
with pikepdf.open(shared) as pdf, pikepdf.open(io.BytesIO(buffer.getvalue())) as stamp:
    form = pdf.copy_foreign(stamp.pages[0].as_form_xobject())
    for page in pdf.pages:
        page.add_overlay(form)
    pdf.save(out)
print(json.dumps({"seconds": time.perf_counter() - started}))
"""


def write_roster(path: Path, students: int, *, varied: bool, answers: int,
                 seed: int = 20) -> None:
    """A roster of ``students``; ``varied`` gives each their own selection."""
    rng = random.Random(seed)
    others = [t for t in SECOND_TOPICS if t != "Economy"]
    lines = ["name,roll,batch,topics,exclude"]
    for n in range(students):
        topics = exclude = ""
        if varied:
            topics = "; ".join(rng.sample(others, 2))
            exclude = f"bench-{rng.randrange(answers):04d}"
        lines.append(f"Student {n},{1000 + n},Batch {n % 5 + 1},{topics},{exclude}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run(ws: Path, roster: Path, pack: Path, out: Path, *, jobs: int, cluster: str = "") -> dict:
    """One batch in a fresh process, from an empty cache and folder."""
    subprocess.run(["rm", "-rf", str(ws / "out"), str(out)], check=True)
    done = subprocess.run([sys.executable, "-c", CHILD, str(ws), str(roster), str(pack),
                           str(out), str(jobs), cluster], check=False,
                          capture_output=True, text=True, cwd=ws)
    if done.returncode:
        raise SystemExit(f"{roster.name} on {jobs} processes {cluster} failed:\n"
                         f"{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.glob("*.pdf"))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--answers", type=int, default=400)
    args = parser.parse_args()
    n = args.students
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp)
        write_workspace(ws, make_corpus(args.answers))
        pack = ws / "content" / "packs" / "all.yaml"
        topic_pack = ws / "content" / "packs" / "economy.yaml"
        topic_pack.write_text("title: Economy pack\nselect: {topics: [Economy]}\n"
                              "group_by: topic\nlayout: bench\n", encoding="utf-8")
        same, varied = ws / "same.csv", ws / "varied.csv"
        write_roster(same, n, varied=False, answers=args.answers)
        write_roster(varied, n, varied=True, answers=args.answers)
        rows = {
            "shared-1": run(ws, same, pack, ws / "copies-1", jobs=1),
            "shared-2": run(ws, same, pack, ws / "copies-2", jobs=2),
            "dask-2": run(ws, same, pack, ws / "copies-dask", jobs=2, cluster="local:2"),
            "varied-2": run(ws, varied, topic_pack, ws / "copies-varied", jobs=2),
        }
        first = digests(ws / "copies-1")
        identical = first == digests(ws / "copies-2") == digests(ws / "copies-dask")
        one = ws / "copies-1" / next(iter(first))
        size = one.stat().st_size
        pages = int(subprocess.run(["pdfinfo", str(one)], capture_output=True, text=True,
                                   check=True).stdout.split("Pages:")[1].split()[0])
        started = time.perf_counter()
        subprocess.run([sys.executable, str(Path(__file__).parent / "bare_reportlab.py"),
                        str(ws / "corpus.json"), str(ws / "bare.pdf")], check=True,
                       capture_output=True)
        bare_reportlab = time.perf_counter() - started
        stamped = subprocess.run([sys.executable, "-c", PIKEPDF_CHILD, str(one),
                                  str(ws / "stamped.pdf")], check=True, capture_output=True,
                                 text=True)
        bare_pikepdf = json.loads(stamped.stdout)["seconds"]
    print(f"{n} students; shared pack: {args.answers} answers, {pages} pages; "
          f"{os.cpu_count()} cores")
    print(f"{'row':>9} {'total s':>8} {'per min':>8} {'avg s':>6} {'first s':>8} "
          f"{'later s':>8} {'packs':>6} {'parts reused':>13} {'peak MB':>8} {'workers MB':>11}")
    for name, r in rows.items():
        later = (r["seconds"] - r["first"]) / max(1, n - 1)
        reused = (f"{r['parts'][0]}/{r['parts'][1]}" if r["parts"] else "-")
        print(f"{name:>9} {r['seconds']:>8.1f} {60 * n / r['seconds']:>8.0f} "
              f"{r['seconds'] / n:>6.3f} {r['first']:>8.2f} {later:>8.3f} {r['groups']:>6} "
              f"{reused:>13} {r['peak_mb']:>8.0f} {r['workers_mb']:>11.0f}")
        assert r["built"] == n and not r["failed"], r
    print("avg s: total / students; first s: until the first copy is written (it waits for "
          "the layout); later s: each later copy (the rest / (students - 1))")
    print(f"copies byte-identical on 1 process, 2 processes and Dask: {identical}")
    each = {k: (r["seconds"] - r["first"]) / max(1, n - 1) for k, r in rows.items()}
    print(f"one copy, outside references: bare ReportLab lays the pack out in "
          f"{bare_reportlab:.2f} s (process included); bare pikepdf stamps it in "
          f"{bare_pikepdf:.2f} s")
    print(f"ratios: a later copy on 1 process costs {each['shared-1'] / bare_reportlab:.3f} of "
          f"a bare ReportLab layout of the pack and {each['shared-1'] / bare_pikepdf:.2f} of a "
          f"bare pikepdf stamp; later copies on 2 processes come "
          f"{each['shared-1'] / each['shared-2']:.2f}× as fast as on 1; the whole batch on "
          f"Dask (2 workers) takes {rows['dask-2']['seconds'] / rows['shared-2']['seconds']:.2f}"
          f"× the time of 2 local processes")
    per_worker = each["shared-1"]
    for workers in (8, 32, 128):
        minutes = 50_000 * per_worker / workers / 60
        writes = workers / per_worker * size / 1e6
        print(f"projection: 50,000 students of one pack on {workers} single-threaded workers: "
              f"{minutes:.0f} min of copying after one layout "
              f"({rows['shared-1']['first']:.0f} s), if the shared storage takes "
              f"{writes:,.0f} MB/s of writes ({size / 1e6:.1f} MB a copy)")

if __name__ == "__main__":
    main()
