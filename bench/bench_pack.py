"""Benchmark: a large pack laid out in one process and in two.

Generates the same synthetic answers as ``bench_build.py`` (seeded), writes a
pack over all of them grouped by topic, and times ``build_pack`` with one and
with two worker processes. Prints pages, seconds, the speed-up and whether
the two PDFs are byte-identical (they must be).

Run: python bench/bench_pack.py [--answers 400]
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
import time
import warnings
from pathlib import Path

from bench_build import make_content

from studypack.build import build_pack


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=400)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp)
        make_content(ws / "content" / "all", args.answers)
        pack = ws / "content" / "packs" / "all.yaml"
        pack.parent.mkdir(parents=True)
        pack.write_text("title: Benchmark pack\nselect: {years: 2015-2025}\n"
                        "group_by: topic\nrevision_grid: true\n")
        timings, digests = {}, {}
        for processes in (1, 2):
            started = time.perf_counter()
            result = build_pack(pack=pack, content=ws / "content", workspace=ws,
                                processes=processes, output=ws / f"p{processes}.pdf")
            timings[processes] = time.perf_counter() - started
            digests[processes] = hashlib.sha256(result.path.read_bytes()).hexdigest()
            print(f"{processes} process(es): {result.pages} pages in {timings[processes]:.2f} s "
                  f"({result.pages / timings[processes]:.0f} pages/s)")
        print(f"speed-up with two processes: {timings[1] / timings[2]:.2f}x; "
              f"identical output: {digests[1] == digests[2]}")


if __name__ == "__main__":
    main()
