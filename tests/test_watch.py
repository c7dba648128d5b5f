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

import pytest
from pypdf import PdfReader

from studypack.watch import pack_inputs

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
    }
    assert {path: inputs.reads(path) for path in reads} == reads


class _Watch:
    """``studypack pack PACK --watch`` in a subprocess, its output read line by line."""

    def __init__(self, ws: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", CLI, "pack", "packs/watched.yaml", "--watch"], cwd=ws,
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

    def stop(self) -> tuple[int, str]:
        self.process.send_signal(signal.SIGINT)
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
