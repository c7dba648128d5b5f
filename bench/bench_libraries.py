"""Benchmark: two home-made parts of studypack against the libraries that could replace them.

Issue 16 keeps a home-made part only with a measured reason. This script measures,
in one run, on this machine:

  YAML    ``content.yamlpos.load_located`` (PyYAML's C loader, a (line, col) for
          every field path, duplicate keys listed, anchors refused) against plain
          PyYAML with the C loader and no positions (the floor), and ruamel.yaml's
          round-trip loader with every position read from ``.lc`` (the candidate
          doing the same job). On the repository's ``content/`` answers and on
          a generated corpus (``corpus.py``'s seeded answers). Then what each
          does with duplicate keys, an alias bomb, YAML 1.1 words and a bad date,
          and whether their positions agree.
  cache   ``engine.cache.RenderCache`` (a .pdf and a .json per entry) against
          ``diskcache.Cache`` (SQLite, LRU, 512 MB, the PDF and its page facts
          set as one value): store, fetch in a fresh process ("cold": the OS file
          cache stays warm, it is a shared machine) and again in the same one
          ("warm"), disk use; a writer killed with SIGKILL, entries damaged on
          disk, two processes filling one cache at once, a folder copied to
          another path and two computers' folders merged into one.
  records ``content.cache.ContentCache`` (one JSON file checked by pydantic)
          against diskcache holding each record's JSON: reading 400 records back.

Prints medians of several runs and ratios; no assertions. A library that is not
installed is said so and its rows are skipped (``pip install ruamel.yaml diskcache``;
they are bench-only, not studypack dependencies).

Run: python bench/bench_libraries.py [--answers 400] [--entries 400] [--repeats 7]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

import yaml

from studypack.content.yamlpos import dotted, load_located
from studypack.digests import digest
from studypack.engine.cache import LIMIT_BYTES, RenderCache, _from_json, _to_json
from studypack.render import RenderedBooklet

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

try:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
except ImportError:
    YAML = None
try:
    import diskcache
except ImportError:
    diskcache = None

FLOOR_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def median_seconds(run: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def table(head: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    for row in [head, *rows]:
        print("  " + "  ".join(str(c).rjust(w) if i else str(c).ljust(w)
                               for i, (c, w) in enumerate(zip(row, widths, strict=True))))
    print()


# ---------------------------------------------------------------------------- YAML


class Budget(Exception):
    """A walk stopped after visiting its allowance of paths."""


def ruamel_located(loader: Any, text: str, budget: int = 0) -> tuple[Any, dict, dict]:
    """Load with ruamel's round-trip loader, then read every field path's ``.lc`` (1-based)."""
    data = loader.load(text)
    positions: dict[tuple, tuple[int, int]] = {}
    keys: dict[tuple, tuple[int, int]] = {}
    if isinstance(data, (CommentedMap, CommentedSeq)):
        positions[()] = (data.lc.line + 1, data.lc.col + 1)
    stack: list[tuple[Any, tuple]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        if budget and len(positions) > budget:
            raise Budget
        if isinstance(node, CommentedMap):
            for key in node:
                here = (*path, str(key))
                line, col = node.lc.key(key)
                keys[here] = (line + 1, col + 1)
                line, col = node.lc.value(key)
                positions[here] = (line + 1, col + 1)
                stack.append((node[key], here))
        elif isinstance(node, CommentedSeq):
            for index, item in enumerate(node):
                line, col = node.lc.item(index)
                positions[(*path, index)] = (line + 1, col + 1)
                stack.append((item, (*path, index)))
    return data, positions, keys


def generated_corpus(folder: Path, count: int) -> list[Path]:
    """The engines benchmark's seeded answers (``corpus.py``), as content YAML files."""
    sys.path.insert(0, str(HERE))
    import corpus

    folder.mkdir(parents=True, exist_ok=True)
    for index, answer in enumerate(corpus.make_corpus(count)):
        (folder / f"a{index:04d}.yaml").write_text(corpus.answer_yaml(answer), encoding="utf-8")
    return sorted(folder.glob("*.yaml"))


def bench_yaml(corpora: dict[str, list[Path]], repeats: int) -> None:
    print("== YAML: reading answer files with positions\n")
    rt = YAML(typ="rt") if YAML else None
    safe_pure = YAML(typ="safe", pure=True) if YAML else None
    rows = []
    for name, files in corpora.items():
        texts = [f.read_text(encoding="utf-8") for f in files]
        size = sum(len(t.encode()) for t in texts)
        runs: dict[str, Callable[[], object]] = {
            "PyYAML C loader, no positions (floor)":
                lambda texts=texts: [yaml.load(t, Loader=FLOOR_LOADER) for t in texts],
            "yamlpos.load_located (ours)": lambda texts=texts: [load_located(t) for t in texts],
        }
        if rt is not None:
            runs["ruamel.yaml safe (pure), no positions"] = \
                lambda texts=texts: [safe_pure.load(t) for t in texts]
            runs["ruamel.yaml round-trip + .lc for every field"] = \
                lambda texts=texts: [ruamel_located(rt, t) for t in texts]
        timed = {label: median_seconds(run, repeats) for label, run in runs.items()}
        floor, ours = timed["PyYAML C loader, no positions (floor)"], \
            timed["yamlpos.load_located (ours)"]
        for label, seconds in timed.items():
            rows.append([f"{name} ({len(files)} files, {size / 1024:.0f} KB)", label,
                         f"{seconds * 1000:.1f}", f"{seconds / len(files) * 1e6:.0f}",
                         f"{seconds / floor:.2f}", f"{seconds / ours:.2f}"])
    table(["corpus", "reader", "ms (median)", "µs/file", "× floor", "× ours"], rows)
    if rt is None:
        print("  ruamel.yaml is not installed (pip install ruamel.yaml): "
              "its rows and checks are skipped\n")
        return
    agreement(corpora, rt)
    behaviours(rt)


def agreement(corpora: dict[str, list[Path]], rt: Any) -> None:
    same_data = paths = same_values = same_keys = list_items = 0
    files = 0
    for fs in corpora.values():
        for f in fs:
            text = f.read_text(encoding="utf-8")
            ours = load_located(text)
            data, positions, keys = ruamel_located(rt, text)
            files += 1
            same_data += data == ours.data
            for path, where in ours.positions.items():
                paths += 1
                same_values += positions.get(path) == where
                list_items += bool(path) and isinstance(path[-1], int) \
                    and positions.get(path) == where
            same_keys += all(keys.get(p) == w for p, w in ours.key_positions.items())
    print(f"  agreement over {files} files: same data {same_data}/{files}; value positions "
          f"{same_values}/{paths} paths equal (of them {list_items} list items, e.g. "
          f"points[2].heading's point); key positions equal in {same_keys}/{files} files\n")


BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n"
    for i in range(8))
"""Nine lines, 9**9 (387 million) strings once expanded."""

DUPLICATES = ("id: q1\nexam: CSS\nid: q2\npoints:\n  - heading: One\n    body: x\n"
              "    heading: Two\n")

YAML11 = "duplex: yes\nstrict: off\nmarks: 012\ncentre: no\n"

BAD_DATE = "id: q1\nyear: 2024-02-30\n"


def attempt(run: Callable[[], object]) -> tuple[object, float]:
    started = time.perf_counter()
    try:
        result: object = run()
    except Exception as exc:  # what a reader raises is what is being shown
        result = exc
    return result, time.perf_counter() - started


def describe(result: object, *, yaml_error: bool = True) -> str:
    if isinstance(result, BaseException):
        mark = getattr(result, "problem_mark", None)
        where = (f" at line {mark.line + 1} col {mark.column + 1}" if mark else
                 " (no position)" if yaml_error else "")
        return f"raises {type(result).__name__}{where}"
    return f"returns {result!r}"[:100]


def behaviours(rt: Any) -> None:
    print("== YAML: behaviours studypack relies on\n")
    rt_dups = YAML(typ="rt")
    rt_dups.allow_duplicate_keys = True
    rt11 = YAML(typ="rt")
    rt11.version = (1, 1)
    cases = {
        "duplicate keys (id twice, points[1].heading twice)": [
            describe(attempt(lambda: yaml.load(DUPLICATES, Loader=FLOOR_LOADER))[0])
            + " (keeps the last, silently)",
            "lists " + ", ".join(dotted(p) for p in load_located(DUPLICATES).duplicates)
            + " with their lines; the rest of the file is still checked",
            describe(attempt(lambda: rt.load(DUPLICATES))[0]) + " (the first only)",
            "allow_duplicate_keys: "
            + describe(attempt(lambda: rt_dups.load(DUPLICATES))[0])
            + " (keeps the first, silently)"],
        "YAML 1.1 words (duplex: yes, strict: off, marks: 012, centre: no)": [
            describe(attempt(lambda: yaml.load(YAML11, Loader=FLOOR_LOADER))[0]),
            describe(attempt(lambda: load_located(YAML11).data)[0]),
            describe(attempt(lambda: dict(rt.load(YAML11)))[0]) + " (YAML 1.2 rules)",
            "version (1, 1): " + describe(attempt(lambda: dict(rt11.load(YAML11)))[0])],
        "a date that is no date (year: 2024-02-30)": [
            describe(attempt(lambda: yaml.load(BAD_DATE, Loader=FLOOR_LOADER))[0]),
            describe(attempt(lambda: load_located(BAD_DATE).data)[0])
            + " (the schema then says it is not a year, at its line)",
            describe(attempt(lambda: rt.load(BAD_DATE))[0])],
    }
    for case, results in cases.items():
        print(f"  {case}:")
        for who, result in zip(["PyYAML C (floor)", "yamlpos (ours)", "ruamel round-trip",
                                "ruamel"], results, strict=False):
            print(f"    {who + ':':<19}{result}")
    print()

    # The alias bomb: loading shares one node, walking it (positions, pydantic) expands it.
    budget = 1_000_000
    floor, floor_s = attempt(lambda: yaml.load(BOMB, Loader=FLOOR_LOADER))
    ours, ours_s = attempt(lambda: load_located(BOMB))
    loaded, rt_s = attempt(lambda: rt.load(BOMB))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    walk, walk_s = attempt(lambda: ruamel_located(rt, BOMB, budget=budget))
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss) * 1024 / budget
    total = sum(9 ** k for k in range(1, 10)) + 9
    print(f"  alias bomb ({len(BOMB.splitlines())} lines, {len(BOMB)} bytes, 9**9 strings "
          "expanded):")
    print(f"    PyYAML C (floor): loads in {floor_s * 1000:.2f} ms "
          f"({'shared nodes' if isinstance(floor, dict) else describe(floor)}); "
          "anything that walks it expands it")
    print(f"    yamlpos (ours):   {describe(ours)} in {ours_s * 1000:.2f} ms")
    print(f"    ruamel round-trip: loads in {rt_s * 1000:.2f} ms "
          f"({'accepted' if not isinstance(loaded, BaseException) else describe(loaded)}); "
          f"reading positions stopped after {budget:,} paths in {walk_s:.2f} s "
          f"({'budget hit' if isinstance(walk, Budget) else describe(walk)}) of about "
          f"{total:,}, so about {walk_s * total / budget / 60:.0f} min and "
          f"{grown * total / 2**30:.0f} GB of memory (peak grew {grown:.0f} bytes a path)")
    single = "intro: &i The same text\nconclusion: *i\n"
    print("    one plain anchor and alias: ours "
          + describe(attempt(lambda: load_located(single))[0])
          + "; ruamel " + describe(attempt(lambda: dict(rt.load(single)))[0]) + "\n")


# --------------------------------------------------------------------------- cache


def entry(index: int) -> tuple[str, RenderedBooklet]:
    """A laid-out part as the cache sees one, as in a real ``out/.cache``.

    A 60–150 KB PDF (compressed streams, so random bytes) and page facts whose JSON
    is 1–3 KB.
    """
    rng = random.Random(index)
    key = hashlib.sha256(f"part {index}".encode()).hexdigest()
    pdf = b"%PDF-1.7\n" + rng.randbytes(rng.randint(60_000, 150_000)) + b"\n%%EOF\n"
    questions = [f"css-{2015 + rng.randint(0, 10)}-paper-{index}-q{q}" for q in range(2)]
    anchors: dict[str, int] = {}
    tops: dict[str, float] = {}
    outline = []
    for q, qid in enumerate(questions):
        for suffix in ("", "-summary", "-key-points", "-answer"):
            name = f"q-{qid}{suffix}"
            anchors[name] = 1 + 4 * q
            tops[name] = rng.uniform(300, 790)
            outline.append((2 if suffix else 1, f"Q{q + 1} · " + "words " * 12, name))
    pages = 4 * len(questions) + rng.randint(0, 2)
    rendered = RenderedBooklet(
        pdf=pdf, pages=pages, front_pages=0, anchors=anchors, anchor_tops=tops,
        outline=tuple(outline), links=(), blank_pages=frozenset(),
        page_questions={p: questions[min((p - 1) // 4, 1)] for p in range(1, pages + 1)})
    return key, rendered


class Ours:
    name = "RenderCache (ours)"

    def __init__(self, folder: Path) -> None:
        self.cache = RenderCache(folder)

    def put(self, key: str, rendered: RenderedBooklet) -> None:
        self.cache.put(key, rendered, ())

    def get(self, key: str) -> RenderedBooklet | None:
        found = self.cache.get(key)
        return found[0] if found else None

    def close(self) -> None:
        pass


class Disk:
    name = "diskcache.Cache"

    def __init__(self, folder: Path) -> None:
        self.cache = diskcache.Cache(str(folder), size_limit=LIMIT_BYTES,
                                     eviction_policy="least-recently-used")

    def put(self, key: str, rendered: RenderedBooklet) -> None:
        self.cache.set(key, (rendered.pdf, {"rendered": _to_json(rendered), "notes": []}))

    def get(self, key: str) -> RenderedBooklet | None:
        found = self.cache.get(key)
        return _from_json(found[0], found[1]["rendered"]) if found else None

    def close(self) -> None:
        self.cache.close()


KINDS: dict[str, Any] = {"ours": Ours, "disk": Disk}


def expected_digest(indices: list[int]) -> str:
    return digest(*(entry(i)[1].pdf for i in indices))


CHILD_FETCH = "fetch"
CHILD_KILL = "kill"
CHILD_SHARE = "share"


def child(mode: str, kind: str, folder: str, count: int, *, reverse: bool) -> None:
    """Run in a fresh process by ``spawn``: imports done before any timing."""
    indices = list(range(count))
    if mode == CHILD_FETCH:  # cold: opening the cache and the first fetch of each part
        keys = [entry(i)[0] for i in indices]
        out = {}
        started = time.perf_counter()
        cache = KINDS[kind](Path(folder))
        for label in ("cold", "warm"):
            got = [cache.get(k) for k in keys]
            out[label] = time.perf_counter() - started
            started = time.perf_counter()
        out["hits"] = sum(g is not None for g in got)
        out["digest"] = digest(*(g.pdf for g in got if g is not None))
        cache.close()
        print(json.dumps(out))
        return
    cache = KINDS[kind](Path(folder))
    if mode == CHILD_KILL:
        made = [entry(i) for i in indices]
        print("ready", flush=True)
        while True:  # until killed
            for key, rendered in made:
                cache.put(key, rendered)
    elif mode == CHILD_SHARE:
        # A build: take each part from the cache, lay out (here: make) and store a miss.
        order = indices[::-1] if reverse else indices
        errors = wrong = stored = 0
        started = time.perf_counter()
        for i in order:
            key, rendered = entry(i)
            try:
                got = cache.get(key)
                if got is None:
                    cache.put(key, rendered)
                    stored += 1
                elif got.pdf != rendered.pdf:
                    wrong += 1
            except Exception:  # counted: a build would have to survive it
                errors += 1
        cache.close()
        print(json.dumps({"seconds": time.perf_counter() - started, "errors": errors,
                          "wrong": wrong, "stored": stored}))


def spawn(mode: str, kind: str, folder: Path, count: int, *, reverse: bool = False,
          ) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, __file__, "--child", mode, kind, str(folder),
                             str(count), *(["--reverse"] if reverse else [])],
                            stdout=subprocess.PIPE, text=True)


def fill(kind: str, folder: Path, indices: list[int]) -> float:
    made = [entry(i) for i in indices]
    cache = KINDS[kind](folder)
    started = time.perf_counter()
    for key, rendered in made:
        cache.put(key, rendered)
    seconds = time.perf_counter() - started
    cache.close()
    return seconds


def disk_use(folder: Path) -> tuple[int, int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return (len(files), sum(p.stat().st_size for p in files),
            sum(p.stat().st_blocks * 512 for p in files))


def fetch(kind: str, folder: Path, count: int) -> dict[str, Any]:
    run = spawn(CHILD_FETCH, kind, folder, count)
    out, _ = run.communicate()
    return json.loads(out)


def bench_cache(tmp: Path, count: int, repeats: int) -> None:
    print(f"== Render cache: {count} laid-out parts\n")
    kinds = ["ours"] + (["disk"] if diskcache else [])
    if diskcache is None:
        print("  diskcache is not installed (pip install diskcache): its rows are skipped\n")
    indices = list(range(count))
    payload = sum(len(entry(i)[1].pdf) + len(json.dumps(_to_json(entry(i)[1])))
                  for i in indices)
    want = expected_digest(indices)
    pdfs = [entry(i)[1].pdf for i in indices]
    sha_s = median_seconds(lambda: [digest(p) for p in pdfs], repeats)
    rows = []
    for kind in kinds:
        puts, colds, warms, hits = [], [], [], []
        folder = tmp / f"{kind}-0"
        for run in range(3):
            folder = tmp / f"{kind}-{run}"
            puts.append(fill(kind, folder, indices))
        for _ in range(3):
            got = fetch(kind, folder, count)
            colds.append(got["cold"])
            warms.append(got["warm"])
            hits.append(got["hits"] == count and got["digest"] == want)
        files, size, allocated = disk_use(folder)
        rows.append([KINDS[kind].name, f"{statistics.median(puts) * 1000:.0f}",
                     f"{statistics.median(colds) * 1000:.0f}",
                     f"{statistics.median(warms) * 1000:.0f}",
                     "yes" if all(hits) else "NO", str(files),
                     f"{size / 2**20:.1f}", f"{allocated / 2**20:.1f}"])
    table(["store", "put all, ms", "fetch cold, ms", "fetch warm, ms", "all back intact",
           "files", "MB", "MB on disk"], rows)
    print(f"  payload {payload / 2**20:.1f} MB; sha256 of the {count} PDFs (our check on "
          f"every fetch, included above): {sha_s * 1000:.0f} ms")
    if len(rows) == 2:
        ratios = [float(rows[1][i]) / max(float(rows[0][i]), 1e-9) for i in (1, 2, 3)]
        print(f"  diskcache / ours: put {ratios[0]:.2f}, cold fetch {ratios[1]:.2f}, "
              f"warm fetch {ratios[2]:.2f}")
    # Where our put's time goes: output.write_atomically looks for stale .part files
    # (a glob of the folder) on every write. Measured once without it, in this run only.
    with mock.patch("studypack.output._remove_stale_parts", lambda _target: None):
        unscanned = statistics.median(fill("ours", tmp / f"ours-unscanned-{run}", indices)
                                      for run in range(3))
    print(f"  our put all without output's per-write scan for stale .part files (patched "
          f"here only): {unscanned * 1000:.0f} ms")
    ours = RenderCache(tmp / "ours-0")
    trim_s = median_seconds(ours.trim, repeats)
    print(f"  our trim with nothing to remove (a scan of {count} entries): "
          f"{trim_s * 1000:.1f} ms per build; diskcache evicts inside set\n")
    for kind in kinds:
        robustness(kind, tmp, count)


def killed(kind: str, tmp: Path, count: int, rounds: int = 12) -> str:
    folder = tmp / f"{kind}-killed"
    rng = random.Random(1)
    for _ in range(rounds):
        run = spawn(CHILD_KILL, kind, folder, count)
        assert run.stdout is not None
        run.stdout.readline()  # ready: imports and entries made
        time.sleep(rng.uniform(0.05, 0.4))
        run.send_signal(signal.SIGKILL)
        run.wait()
    got = fetch(kind, folder, count)
    check = ""
    if kind == "disk":
        with diskcache.Cache(str(folder)) as cache:
            problems = cache.check(fix=False)
        first = str(problems[0].message).split(":")[0] if problems else ""
        check = f"; check() finds {len(problems)} problem(s)" + (
            f" (such as: {first}), which check(fix=True) removes" if first else "")
    else:
        leftovers = [p for p in folder.iterdir()
                     if p.suffix == ".part" or (p.suffix == ".pdf"
                                                and not p.with_suffix(".json").exists())]
        check = f"; {len(leftovers)} leftover file(s), removed by trim after an hour"
    intact = got["digest"] == expected_digest(
        [i for i in range(count) if KINDS[kind](folder).get(entry(i)[0]) is not None])
    return (f"{rounds} writers killed (SIGKILL) part-way through storing {count} parts: "
            f"{got['hits']}/{count} read back (those stored before a kill), "
            f"{'all intact' if intact else 'SOME DAMAGED'}, no error{check}")


def damaged(kind: str, tmp: Path) -> list[str]:
    """Half or damaged entries placed by hand: what a fetch gives."""
    out = []
    key, rendered = entry(0)
    if kind == "ours":
        folder = tmp / "ours-half"
        folder.mkdir()
        (folder / f"{key}.pdf").write_bytes(rendered.pdf)  # killed before the .json
        cache = RenderCache(folder)
        out.append(f"PDF written, .json not (killed between): has={cache.has(key)}, "
                   f"get={'miss' if cache.get(key) is None else 'HIT'}")
        cache.put(key, rendered, ())
        pdf = folder / f"{key}.pdf"
        pdf.write_bytes(rendered.pdf[: len(rendered.pdf) // 2])
        out.append(f"PDF cut in half under its .json: get="
                   f"{'miss (digest differs)' if cache.get(key) is None else 'HIT, damaged'}")
        flipped = bytearray(rendered.pdf)
        flipped[5000] ^= 1
        pdf.write_bytes(bytes(flipped))
        out.append(f"one bit of the PDF flipped: get="
                   f"{'miss (digest differs)' if cache.get(key) is None else 'HIT, damaged'}")
        (folder / f"{key}.json").write_text("{not json", encoding="utf-8")
        out.append(f".json damaged: get={'miss' if cache.get(key) is None else 'HIT'}")
        out.append("reading an entry runs no code from the folder (JSON and bytes)")
        return out
    folder = tmp / "disk-half"
    cache = diskcache.Cache(str(folder))
    cache.set(key, (rendered.pdf, {"rendered": _to_json(rendered), "notes": []}))
    stored = max((p for p in folder.rglob("*.val")), key=lambda p: p.stat().st_size)
    whole = stored.read_bytes()
    flipped = bytearray(whole)
    flipped[5000] ^= 1
    stored.write_bytes(bytes(flipped))
    got, _ = attempt(lambda: cache.get(key))
    state = (describe(got, yaml_error=False) if isinstance(got, BaseException) else
             "miss" if got is None else
             "HIT, damaged bytes returned" if got[0] != rendered.pdf else "HIT, intact")
    out.append(f"one bit of the stored value flipped: get={state}")
    stored.write_bytes(whole[: len(whole) // 2])
    got, _ = attempt(lambda: cache.get(key))
    out.append("value file cut in half: get=" + (
        describe(got, yaml_error=False) if isinstance(got, BaseException) else
        "miss" if got is None else "HIT"))
    stored.unlink()
    got, _ = attempt(lambda: cache.get(key))
    out.append("value file missing (row kept): get=" + (
        describe(got, yaml_error=False) if isinstance(got, BaseException) else
        "miss" if got is None else "HIT"))
    cache.set("planted", _Planted())
    global _RAN  # noqa: PLW0603 - the flag the planted value sets
    _RAN = False
    cache.get("planted")
    out.append(f"a value planted by another computer runs code when read (pickle): "
               f"{'yes' if _RAN else 'no'}")
    cache.close()
    return out


_RAN = False


def _mark_ran() -> None:
    global _RAN  # noqa: PLW0603 - set when the planted pickle is loaded
    _RAN = True


class _Planted:
    def __reduce__(self) -> tuple[Callable[[], None], tuple[()]]:
        return (_mark_ran, ())


def together(kind: str, tmp: Path, count: int) -> str:
    folder = tmp / f"{kind}-together"
    # The second build goes through the parts in the opposite order.
    runs = [spawn(CHILD_SHARE, kind, folder, count),
            spawn(CHILD_SHARE, kind, folder, count, reverse=True)]
    results = [json.loads(r.communicate()[0]) for r in runs]
    got = fetch(kind, folder, count)
    intact = got["digest"] == expected_digest(list(range(count)))
    return (f"two builds at once, each reading {count} parts and storing its misses: "
            f"{sum(r['errors'] for r in results)} errors, "
            f"{sum(r['wrong'] for r in results)} wrong parts, "
            f"{sum(r['stored'] for r in results)} stores, slowest "
            f"{max(r['seconds'] for r in results):.2f} s; afterwards "
            f"{got['hits']}/{count} read back, {'intact' if intact else 'SOME DAMAGED'}")


def shared(kind: str, tmp: Path, count: int) -> list[str]:
    out = []
    source = tmp / f"{kind}-0"
    copy = tmp / "elsewhere" / f"{kind}-copy"
    shutil.copytree(source, copy)
    got = fetch(kind, copy, count)
    out.append(f"folder copied to another path: {got['hits']}/{count} hits")
    if kind == "disk":  # copied while the writer still has it open (WAL not yet merged)
        live = tmp / "disk-live"
        cache = diskcache.Cache(str(live))
        for i in range(count // 4):
            cache.set(*((entry(i)[0], (entry(i)[1].pdf, {"rendered": _to_json(entry(i)[1]),
                                                           "notes": []}))))
        shutil.copytree(live, tmp / "elsewhere" / "disk-live")
        got = fetch(kind, tmp / "elsewhere" / "disk-live", count // 4)
        wal = [p.name for p in live.iterdir() if p.name.endswith("-wal")]
        out.append(f"copied while a build still had it open ({', '.join(wal) or 'no WAL'}"
                   f" beside cache.db): {got['hits']}/{count // 4} hits")
        cache.close()
    # Two office computers: each built half the parts, then one folder is copied onto
    # the other (a file sync, a USB stick, cp -r).
    half = count // 2
    first, second = tmp / f"{kind}-pc1", tmp / f"{kind}-pc2"
    fill(kind, first, list(range(half)))
    fill(kind, second, list(range(half, count)))
    shutil.copytree(second, first, dirs_exist_ok=True)
    got = fetch(kind, first, count)
    out.append(f"two computers' folders merged (pc2 copied onto pc1): {got['hits']}/{count} "
               f"hits (pc1 built 0–{half - 1}, pc2 {half}–{count - 1})")
    return out


def robustness(kind: str, tmp: Path, count: int) -> None:
    print(f"  {KINDS[kind].name}:")
    for line in [killed(kind, tmp, count), *damaged(kind, tmp), together(kind, tmp, count),
                 *shared(kind, tmp, count)]:
        print(f"    - {line}")
    print()


# ------------------------------------------------------------------- content records


def bench_records(files: list[Path], tmp: Path, repeats: int) -> None:
    from pydantic import TypeAdapter

    from studypack.content import cache as content_cache
    from studypack.content import load_file

    print(f"== Content records: {len(files)} validated answers kept between builds\n")
    read_s = median_seconds(lambda: [load_file(f) for f in files], max(repeats // 2, 3))
    parse_s = median_seconds(lambda: [load_located(f.read_text(encoding="utf-8"))
                                      for f in files], repeats)
    store = content_cache.ContentCache.open(tmp / "records")
    keys = []
    for f in files:
        key = store.key(str(f), f.read_text(encoding="utf-8"))
        record, where, _ = load_file(f)
        store.put(key, (record, where))
        keys.append(key)
    store.save()

    def ours() -> None:
        content_cache._KEPT.clear()  # a fresh process: the file is read and checked
        opened = content_cache.ContentCache.open(tmp / "records")
        assert all(opened.get(k) for k in keys)
    rows = [["read and validate every file (no records)", f"{read_s * 1000:.0f}"],
            ["  of which yamlpos.load_located", f"{parse_s * 1000:.0f}"],
            ["ContentCache (ours): open content.json + get all",
             f"{median_seconds(ours, repeats) * 1000:.0f}"]]
    if diskcache is not None:
        adapter = TypeAdapter(content_cache.Record)
        with diskcache.Cache(str(tmp / "records-dc")) as dc:
            for key in keys:
                dc.set(key, adapter.dump_json(store.used[key]))

        def disk() -> None:
            with diskcache.Cache(str(tmp / "records-dc")) as dc:
                assert all(adapter.validate_json(dc.get(k)) for k in keys)
        rows.append(["diskcache: open + get and check each record's JSON",
                     f"{median_seconds(disk, repeats) * 1000:.0f}"])
    table(["records", "ms (median)"], rows)


# ---------------------------------------------------------------------------- main


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        mode, kind, folder, count = sys.argv[2:6]
        child(mode, kind, folder, int(count), reverse="--reverse" in sys.argv)
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=400)
    parser.add_argument("--entries", type=int, default=400)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    ruamel = __import__("ruamel.yaml").yaml.__version__ if YAML else "missing"
    print(f"Python {sys.version.split()[0]}, PyYAML {yaml.__version__} "
          f"({'C loader' if FLOOR_LOADER is not yaml.SafeLoader else 'pure Python'}), "
          f"ruamel.yaml {ruamel}, "
          f"diskcache {diskcache.__version__ if diskcache else 'missing'}, "
          f"{os.cpu_count()} cores\n")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        generated = generated_corpus(tmp / "answers", args.answers)
        corpora = {"repo content/": sorted((REPO / "content").rglob("*.yaml")),
                   "generated": generated}
        bench_yaml(corpora, args.repeats)
        bench_cache(tmp / "cache", args.entries, args.repeats)
        bench_records(generated, tmp, args.repeats)



if __name__ == "__main__":
    main()
