"""The package keeps its layers: import-linter's contracts in pyproject.toml hold.

The contracts (``[tool.importlinter]``) list the pipeline's layers, lowest last,
and forbid import cycles between sibling modules. A failure prints
import-linter's report, which names each offending import with file and line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    """Run ``lint-imports`` on the ``studypack`` package found in ``project``."""
    script = Path(sysconfig.get_path("scripts")) / "lint-imports"
    # PYTHONPATH first, so a copied package is analysed rather than the installed one.
    env = {**os.environ, "PYTHONPATH": str(project)}
    return subprocess.run([str(script), "--no-cache", "--config", str(project / "pyproject.toml")],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300,
                          check=False)


def test_no_upward_import_and_no_cycle() -> None:
    result = lint_imports(ROOT)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "Contracts: 2 kept, 0 broken." in report


def test_an_upward_import_is_named(tmp_path: Path) -> None:
    # The check must be able to fail: a copy of the package in which the content
    # layer imports the renderer breaks the layers contract, and the report says where.
    shutil.copytree(ROOT / "studypack", tmp_path / "studypack",
                    ignore=shutil.ignore_patterns("__pycache__", "layouts", "starter"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    derive = tmp_path / "studypack" / "content" / "derive.py"
    derive.write_text(derive.read_text(encoding="utf-8") + "\nfrom ..render import inline\n",
                      encoding="utf-8")
    result = lint_imports(tmp_path)
    report = result.stdout + result.stderr
    assert result.returncode == 1, report
    assert "Pipeline layers: a lower layer never imports a higher one BROKEN" in report
    assert "studypack.content.derive -> studypack.render.inline (l." in report, report
