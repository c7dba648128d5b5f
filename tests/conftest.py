"""Shared fixtures: the shipped sample booklet, built once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from studypack.build import BuildResult, build_booklet
from studypack.model import Brand

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


def started_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **settings: str
                      ) -> tuple[Path, dict[str, int]]:
    """``studypack init ws`` in ``tmp_path``, entered, with studypack.yaml fields set.

    Returns:
        The workspace, and the 1-based line of each field set in studypack.yaml.
    """
    from typer.testing import CliRunner

    from studypack.cli import app

    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(app, ["init", "ws"]).exit_code == 0
    ws = tmp_path / "ws"
    monkeypatch.chdir(ws)
    lines = (ws / "studypack.yaml").read_text(encoding="utf-8").splitlines()
    rows = {}
    for name, value in settings.items():
        row = next(i for i, line in enumerate(lines) if line.startswith(f"{name}:"))
        lines[row] = f"{name}: {value}"
        rows[name] = row + 1
    (ws / "studypack.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ws, rows


def copied_sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped content/, studypack.yaml and brand.yaml copied to ``tmp_path``, entered."""
    shutil.copytree(CONTENT, tmp_path / "content")
    for name in ("studypack.yaml", "brand.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="session", autouse=True)
def _machine_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Machine-wide caches (parsed hyphenation patterns) go to a folder of the session's own,
    for the tests and the commands they start, not to the user's ~/.cache.
    """
    import os

    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache-home"))


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    out = tmp_path_factory.mktemp("sample") / "booklet.pdf"
    return build_booklet(content=CONTENT, output=out, title="CSS Study Pack",
                         subtitle="Sample subtitle", edition="Test edition 2026",
                         brand=Brand(centre="Test Centre"), workspace=ROOT)


@pytest.fixture(scope="session")
def sample_reader(sample_build: BuildResult) -> PdfReader:
    return PdfReader(sample_build.path)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """An empty workspace with a content/ folder holding one valid answer."""
    (tmp_path / "content" / "x").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "data" / "valid.yaml", tmp_path / "content" / "x" / "a.yaml")
    return tmp_path


IMPORT_SCORE = pytest.StashKey[str]()
"""Set by tests/test_importers.py: the importer's field accuracy on our inputs."""


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, exitstatus: int,
                            config: pytest.Config) -> None:
    # Printed whatever the capture setting, so every run shows the measured accuracy.
    score = config.stash.get(IMPORT_SCORE, None)
    if score:
        terminalreporter.write_line(score)
