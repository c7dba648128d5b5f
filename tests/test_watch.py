"""pack --watch: rebuilds after edits, reports bad edits and keeps the last good PDF."""

from __future__ import annotations

import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import fontpkg
import pytest
from pypdf import PdfReader

from studypack.plan.inputs import pack_inputs

from .conftest import CONTENT

PACK = """\
title: Watched pack
select:
  topics: [Foreign Policy]
output: out/watched.pdf
"""
CLI = "from studypack.cli import main; main()"


@pytest.fixture
def watched(tmp_path: Path) -> Path:
    shutil.copytree(CONTENT, tmp_path / "content", ignore=shutil.ignore_patterns("packs"))
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "watched.yaml").write_text(PACK, encoding="utf-8")
    return tmp_path


def _answer(ws: Path) -> Path:
    return next(p for p in sorted((ws / "content").rglob("*.yaml"))
                if "Foreign Policy" in p.read_text(encoding="utf-8"))


def test_the_watched_inputs_are_the_answers_pack_brand_and_includes(watched):
    (watched / "extra").mkdir()
    (watched / "packs" / "watched.yaml").write_text(
        PACK + "include:\n  - file: extra/map.pdf\n    title: Map\n", encoding="utf-8")
    inputs = pack_inputs(watched / "packs" / "watched.yaml", watched / "content", watched)
    ws = watched.resolve()
    reads = {
        _answer(ws): True,
        ws / "content" / "new" / "added.yaml": True,  # an answer yet to be written
        ws / "packs" / "watched.yaml": True,
        ws / "brand.yaml": True,
        ws / "extra" / "map.pdf": True,
        ws / "content" / "packs" / "other.yaml": False,  # another pack
        ws / "content" / ".a.yaml.swp": False,
        ws / "content" / "notes.txt": False,
        ws / "out" / "watched.pdf": False,  # what the build itself writes
        ws / "packs" / "other.yaml": False,
        ws / "fonts" / "MyFont-Regular.ttf": True,
        Path(fontpkg.path("Lato")).resolve(): False,  # installed, as the layout's fonts are
    }
    assert {path: inputs.reads(path) for path in reads} == reads


def test_folders_moved_into_or_out_of_the_content_count_as_changes(watched):
    inputs = pack_inputs(watched / "packs" / "watched.yaml", watched / "content", watched)
    content = watched.resolve() / "content"
    before = inputs.snapshot().folders
    assert content / "current-affairs" in before
    (content / "batch").mkdir()
    (content / "current-affairs").rename(watched / "moved-out")
    reads = {
        content / "batch": True,  # moved in whole: only the folder is reported
        content / "current-affairs": True,  # a folder seen before, moved out whole
        content / "sedXk29Qa": False,  # gone, but never a folder: sed's temporary file
        content / "4913": False,  # vim's probe
        content / ".hidden-batch": False,
        content / "packs" / "old": False,
        content / "notes.txt": False,
    }
    assert {path: inputs.reads(path, before) for path in reads} == reads
    # A newer reading of the inputs brings its content folder (studypack.yaml changed).
    other = pack_inputs(watched / "packs" / "watched.yaml", watched / "moved-out", watched)
    assert (inputs | other).content == (watched / "moved-out").resolve()


def test_what_a_broken_pack_brand_or_layout_names_is_still_watched(watched):
    ws = watched.resolve()
    (ws / "layouts" / "mine").mkdir(parents=True)
    (ws / "layouts" / "mine" / "layout.yaml").write_text("extends: classic\ncolumns: 7\n")
    (ws / "brand.yaml").write_text("centre: Test\nlogo: art/missing-logo.png\naccent: 12\n")
    (ws / "packs" / "watched.yaml").write_text(
        PACK + "layout: mine\ngroup_by: colour\ninclude:\n  - file: later/notes.pdf\n"
        "    title: Notes\n", encoding="utf-8")
    inputs = pack_inputs(ws / "packs" / "watched.yaml", ws / "content", ws)
    for path in (ws / "layouts" / "mine" / "layout.yaml", ws / "fonts" / "X-Regular.ttf",
                 ws / "art" / "missing-logo.png", ws / "later" / "notes.pdf"):
        assert inputs.reads(path), path


def _watch_in_thread(inputs, rebuild):
    from studypack.cli.watch import watch_pack

    stop = threading.Event()
    thread = threading.Thread(target=watch_pack, args=(inputs, rebuild),
                              kwargs={"stop": stop}, daemon=True)
    thread.start()
    return stop, thread


def _until(condition, poke: Path | None, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    next_poke = time.monotonic() + 2
    while not condition():
        assert time.monotonic() < deadline, "no rebuild came"
        if poke and time.monotonic() > next_poke:  # the watcher may not be listening yet
            poke.write_bytes(poke.read_bytes())
            next_poke = time.monotonic() + 2
        time.sleep(0.05)


def test_an_edit_during_a_rebuild_that_changes_the_watched_files_is_not_lost(watched):
    from studypack.plan.inputs import BuildInputs

    ws = watched.resolve()
    first, second = sorted((ws / "content").rglob("*.yaml"))[:2]
    notes = ws / "later" / "notes.pdf"
    files = {ws / "packs" / "watched.yaml"}
    calls: list[list[Path]] = []

    def inputs() -> BuildInputs:
        return BuildInputs(ws / "content", frozenset(), frozenset(files))

    def rebuild(changed: list[Path]) -> None:
        calls.append(changed)
        if len(calls) == 1:
            # The pack now includes a PDF in a folder that does not exist yet,
            # and an answer is saved while this build runs.
            files.add(notes)
            second.write_bytes(second.read_bytes())
            time.sleep(0.5)

    stop, thread = _watch_in_thread(inputs, rebuild)
    try:
        first.write_bytes(first.read_bytes())
        _until(lambda: len(calls) >= 1, poke=first)
        # No second save: the one made during the build must start the next.
        _until(lambda: any(second in c for c in calls), poke=None, timeout=10)
        # The included PDF's folder and file appear: the watchers follow them.
        done = len(calls)
        notes.parent.mkdir()
        notes.write_bytes(b"%PDF-1.4 stand-in")
        _until(lambda: any(notes in c for c in calls[done:]), poke=notes)
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()


class _Watch:
    """``studypack pack PACK --watch`` in a subprocess, its output read line by line."""

    def __init__(self, ws: Path, *args: str) -> None:
        args = args or ("pack", "packs/watched.yaml")
        self.process = subprocess.Popen(
            [sys.executable, "-c", CLI, *args, "--watch"], cwd=ws,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, start: str, *, poke: Path | None = None, timeout: float = 60) -> str:
        """The next line starting with ``start``; ``poke`` is re-saved while none comes.

        Re-saving covers an edit made before the watcher was listening.
        """
        deadline = time.monotonic() + timeout
        next_poke = time.monotonic() + 3
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if poke is not None and time.monotonic() > next_poke:
                    poke.write_text(poke.read_text(encoding="utf-8"), encoding="utf-8")
                    next_poke = time.monotonic() + 3
                continue
            self.seen.append(line)
            if line.startswith(start):
                return line
        raise AssertionError(f"no line starting {start!r}; output so far: {self.seen}")

    def stop(self, how: int = signal.SIGINT) -> tuple[int, str]:
        self.process.send_signal(how)
        status = self.process.wait(timeout=30)
        self.reader.join(timeout=10)
        assert self.process.stdout is not None
        self.process.stdout.close()
        rest = []
        while not self.lines.empty():
            rest.append(self.lines.get())
        return status, "\n".join(rest)


def test_watch_rebuilds_after_an_edit_reports_a_bad_one_and_keeps_the_last_good_pdf(watched):
    answer = _answer(watched)
    good = answer.read_text(encoding="utf-8")
    pdf = watched / "out" / "watched.pdf"
    watch = _Watch(watched)
    try:
        assert watch.wait_for("Wrote").startswith("Wrote out/watched.pdf")
        watch.wait_for("Watching")
        edited = good.replace("conclusion: |\n", "conclusion: |\n  Zanzibar edit seen.\n  ", 1)
        assert edited != good
        answer.write_text(edited, encoding="utf-8")
        changed = watch.wait_for("Changed", poke=answer)
        assert changed == f"Changed {answer.relative_to(watched)}"
        assert "parts reused" in watch.wait_for("Wrote")
        text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
        assert "Zanzibar edit seen." in text
        rebuilt = pdf.read_bytes()

        # A broken edit: reported with file:line, and the last good PDF stays.
        answer.write_text(edited.replace("year:", "year: [", 1), encoding="utf-8")
        error = watch.wait_for("error", poke=answer)
        assert str(answer.relative_to(watched)) in error and ":" in error
        assert pdf.read_bytes() == rebuilt

        answer.write_text(good, encoding="utf-8")
        watch.wait_for("Wrote", poke=answer)
        text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
        assert "Zanzibar edit seen." not in text
    finally:
        status, rest = watch.stop()
    assert status == 0 and rest.endswith("studypack: stopped watching")
    assert "Traceback" not in "\n".join(watch.seen) + rest
    # The watching process's PDF is what a fresh process writes from the same files.
    fresh = subprocess.run([sys.executable, "-c", CLI, "pack", "packs/watched.yaml",
                            "--no-cache", "-o", "out/fresh.pdf"], check=False, cwd=watched,
                           capture_output=True, text=True, timeout=120)
    assert fresh.returncode == 0, fresh.stderr
    assert (watched / "out" / "fresh.pdf").read_bytes() == pdf.read_bytes()


def test_watch_needs_one_pack(watched):
    done = subprocess.run([sys.executable, "-c", CLI, "pack", "--all", "--folder", "packs",
                           "--watch"], check=False, cwd=watched, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2
    assert "--watch follows one pack; name its PACK.yaml" in done.stderr


def test_sigterm_between_builds_stops_watching_with_its_own_status(watched):
    watch = _Watch(watched)
    try:
        watch.wait_for("Watching")
        time.sleep(0.3)
    finally:
        status, rest = watch.stop(signal.SIGTERM)
    assert status == 143 and rest == "studypack: stopped watching"


def test_build_watch_follows_studypack_yaml_and_the_answers(watched):
    (watched / "studypack.yaml").write_text("title: First Title\noutput: out/booklet.pdf\n",
                                            encoding="utf-8")
    settings = watched / "studypack.yaml"
    watch = _Watch(watched, "build")
    try:
        assert watch.wait_for("Wrote").startswith("Wrote out/booklet.pdf")
        watch.wait_for("Watching")
        settings.write_text("title: Second Title\noutput: out/booklet.pdf\n",
                            encoding="utf-8")
        assert watch.wait_for("Changed", poke=settings) == "Changed studypack.yaml"
        watch.wait_for("Wrote")
        cover = PdfReader(watched / "out" / "booklet.pdf").pages[0].extract_text()
        assert "Second Title" in cover and "First Title" not in cover
    finally:
        status, rest = watch.stop()
    assert status == 0 and rest.endswith("studypack: stopped watching"), (watch.seen, rest)


def test_a_file_that_comes_and_goes_within_a_moment_starts_no_build(watched):
    ws = watched.resolve()
    answer = _answer(ws)
    calls: list[list[Path]] = []
    inputs = pack_inputs(ws / "packs" / "watched.yaml", ws / "content", ws)
    stop, thread = _watch_in_thread(lambda: inputs, calls.append)
    try:
        time.sleep(0.5)
        for name in ("4913", "sedAbC123", ".a.yaml.swp", "a.yaml~"):  # editors' and sed's
            probe = answer.parent / name
            probe.write_text("x")
            probe.unlink()
        time.sleep(1.5)
        assert calls == []
        answer.write_bytes(answer.read_bytes())
        _until(lambda: bool(calls), poke=answer)
        assert calls[0] == [answer]
    finally:
        stop.set()
        thread.join(timeout=10)


def test_a_save_made_during_the_first_build_starts_the_next(watched):
    from studypack.cli.watch import watch_pack

    ws = watched.resolve()
    answer = _answer(ws)
    inputs = pack_inputs(ws / "packs" / "watched.yaml", ws / "content", ws)
    calls: list[list[Path]] = []

    def first() -> None:
        time.sleep(0.2)
        answer.write_text(answer.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        time.sleep(0.2)

    stop = threading.Event()
    thread = threading.Thread(target=watch_pack, args=(lambda: inputs, calls.append),
                              kwargs={"first": first, "stop": stop}, daemon=True)
    thread.start()
    try:
        _until(lambda: bool(calls), poke=None, timeout=10)
        assert calls[0] == [answer]
    finally:
        stop.set()
        thread.join(timeout=10)
