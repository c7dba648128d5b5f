"""Running studypack as a user would, on bad input, and checking it behaved.

Each abuse case runs the real command in a subprocess under limits on time
and memory, and checks what a user must be able to count on: a documented
non-zero exit code, a message naming the file (and line), no traceback, no
file outside ``out/`` changed, and nothing half-written left behind.
"""

from __future__ import annotations

import hashlib
import os
import resource
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import started_workspace

MEMORY_LIMIT = 1536 * 2**20
"""Address space a run may use (the interpreter, fonts, ReportLab and pikepdf need ~400 MB)."""
TIME_LIMIT = 60.0
"""Seconds a run may take; every case here takes a few seconds when handled."""


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def run(args: list[str], cwd: Path, *, timeout: float = TIME_LIMIT,
        env: dict[str, str] | None = None, file_size: int | None = None,
        before: Callable[[], None] | None = None) -> Run:
    """``studypack ARGS`` in ``cwd`` under the memory and time limits.

    ``file_size`` limits the bytes any file written may have, as a full disk
    would (a write past it fails with EFBIG; Python ignores SIGXFSZ).
    ``before`` runs in the child before studypack starts (e.g. to drop rights).
    """
    def _limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        if file_size is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))
        if before is not None:
            before()

    environment = {k: v for k, v in os.environ.items() if k != "STUDYPACK_DEBUG"}
    environment.update(env or {})
    environment["COLUMNS"] = "200"  # messages on one line each, for matching
    try:
        done = subprocess.run([sys.executable, "-m", "studypack.cli", *args], cwd=cwd,
                              capture_output=True, text=True, timeout=timeout,
                              preexec_fn=_limits, env=environment, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"studypack {' '.join(args)} took more than {timeout:.0f} s")
    return Run(done.returncode, done.stdout, done.stderr)


def snapshot(root: Path) -> dict[str, str]:
    """Digest of every file under ``root`` outside ``out/``, links as their target text."""
    seen: dict[str, str] = {}
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not (here == root and d == "out"))
        for name in files + [d for d in dirs if (here / d).is_symlink()]:
            path = here / name
            key = str(path.relative_to(root))
            if path.is_symlink():
                seen[key] = "link:" + str(path.readlink())
            elif path.is_file():
                seen[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return seen


def assert_refused(result: Run, *, code: int | tuple[int, ...], says: list[str]) -> None:
    """A clear refusal: the exit code, each expected phrase, and no traceback."""
    codes = (code,) if isinstance(code, int) else code
    assert result.code in codes, result.text
    assert "Traceback" not in result.text
    assert "internal error" not in result.text
    for phrase in says:
        assert phrase in result.text, result.text


def no_partial_files(root: Path) -> list[Path]:
    """``.part`` files left anywhere under ``root``."""
    return sorted(root.rglob("*.part"))


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh ``studypack init`` workspace, entered."""
    return started_workspace(tmp_path, monkeypatch)[0]
