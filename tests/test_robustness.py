"""Inputs that once broke studypack (found by trying to break it); each stays fixed."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from studypack.build import build_booklet
from studypack.cli import app
from studypack.content import load_content
from studypack.content.derive import derive_gist, derive_summary, plain_text

runner = CliRunner()
LONG_URL = ("https://www.example.org/news/1783456/pakistan-and-imf-reach-staff-level-agreement"
            "-on-the-first-review-of-the-extended-fund-facility-programme-2024")


def _edit(workspace: Path, old: str, new: str) -> Path:
    answer = workspace / "content" / "x" / "a.yaml"
    text = answer.read_text()
    assert old in text
    answer.write_text(text.replace(old, new))
    return answer


def _right_edges(reader: PdfReader) -> float:
    xs: list[float] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            xs.append(tm[4] * cm[0] + cm[4])
    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return max(xs)


def test_long_url_in_summary_gist_and_subpoint_stays_on_the_page(workspace):
    _edit(workspace, "summary: A test that cannot fail proves nothing.",
          f'summary: "See {LONG_URL} for the figures."')
    _edit(workspace, "gist: PDFs are read back with pypdf.", f'gist: "{LONG_URL}"')
    out = workspace / "out" / "u.pdf"
    build_booklet(content=workspace / "content", output=out, workspace=workspace)
    reader = PdfReader(out)
    assert _right_edges(reader) < float(reader.pages[0].mediabox.width) - 40
    text = "".join(reader.pages[2].extract_text().split())
    assert LONG_URL in text  # wrapped, not cut: every character is still there


def test_a_very_long_summary_splits_across_pages_instead_of_failing(workspace):
    _edit(workspace, "summary: A test that cannot fail proves nothing.",
          "summary: " + "A long summary sentence that keeps going. " * 180)
    out = workspace / "out" / "tall.pdf"
    result = build_booklet(content=workspace / "content", output=out, workspace=workspace)
    assert result.pages >= 5


def test_strict_writes_nothing_when_a_glyph_is_missing(workspace):
    _edit(workspace, "summary: A test that cannot fail proves nothing.",
          "summary: Done ⌘ today.")
    monkey_out = workspace / "out" / "booklet.pdf"
    with pytest.warns(UserWarning, match="U\\+2318"):
        build_booklet(content=workspace / "content", output=monkey_out, workspace=workspace)
    monkey_out.unlink()
    from studypack.errors import StrictError
    with pytest.raises(StrictError, match="U\\+2318"):
        build_booklet(content=workspace / "content", output=monkey_out, workspace=workspace,
                      strict=True)
    assert not monkey_out.exists()


def test_brackets_in_paths_and_values_are_printed_literally(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    bad = tmp_path / "content" / "[draft]" / "a.yaml"
    bad.parent.mkdir(parents=True)
    bad.write_text('id: "[/x] bad"\n')
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 1
    assert "content/[draft]/a.yaml:1:5 id: '[/x] bad' is not a valid id" in result.output


def test_layout_syntax_error_and_bad_colour_are_reported_with_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["init", "ws"]).exit_code == 0
    monkeypatch.chdir(tmp_path / "ws")
    layout = tmp_path / "ws" / "layouts" / "my-centre" / "layout.yaml"
    layout.write_text('extends: classic\ncolours:\n  accent: "#7a2e2e\n')
    result = runner.invoke(app, ["build"])
    assert result.exit_code == 1
    assert ("error layouts/my-centre/layout.yaml:3:11 YAML syntax error: the quoted text "
            "opened here is not closed") in result.output
    layout.write_text('extends: classic\ncolours:\n  accent: darkbleu\n')
    result = runner.invoke(app, ["build"])
    assert result.exit_code == 1
    assert "layout.yaml:3:11 colours.accent: 'darkbleu' is not a colour" in result.output
    assert "did you mean 'darkblue'?" in result.output
    layout.write_text('extends: classic\ncolours:\n  accent: teal\n')
    assert runner.invoke(app, ["build"]).exit_code == 0


def test_import_that_would_be_invalid_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "page.txt"
    page.write_text("CSS Pakistan Affairs\n\nQ.8 Discuss something important here. 1901\n\n"
                    "Intro text.\n\n1. Heading: body text.\n\nIn short, done.\n")
    result = runner.invoke(app, ["import", str(page)])
    assert result.exit_code == 1 and "year: 1901 is out of range" in result.output
    assert not (tmp_path / "content").exists()


def test_derived_text_respects_abbreviations_and_does_not_repeat_itself():
    assert derive_gist("Gen. Musharraf seized power in 1999. Then more.", "h") == (
        "Gen. Musharraf seized power in 1999.")
    assert derive_gist("On 23 March 1940, A. K. Fazlul Huq moved it. Next.", "h") == (
        "On 23 March 1940, A. K. Fazlul Huq moved it.")
    same = "The withdrawal brought old mistrust to the surface."
    # A repeat is said once, and the conclusion's opener ("Overall,") is left out.
    assert derive_summary(same + " More.", "Overall, the withdrawal brought old mistrust to "
                          "the surface. More.") == same
    assert derive_summary("Cash still rules the bazaar. More.",
                          "In conclusion, digital payments will win. More.") == (
        "Cash still rules the bazaar. Digital payments will win.")


def test_markup_lookalikes_stay_text_everywhere(workspace):
    assert plain_text("If A<B and C>D then &amp; x") == "If A<B and C>D then &amp; x"
    _edit(workspace, "question: Explain why tests should be able to fail.",
          'question: "If inflation A<B and C>D, what then?"')
    _edit(workspace, "Tests describe what the code must do.",
          "- alpha\n\n    - beta\n  - delta\n\n  1947. Independence came at midnight.")
    out = workspace / "out" / "m.pdf"
    build_booklet(content=workspace / "content", output=out, workspace=workspace)
    reader = PdfReader(out)
    assert "If inflation A<B and C>D, what then?" in reader.pages[1].extract_text()
    answer = reader.pages[2].extract_text()
    for word in ("alpha", "beta", "delta", "1947. Independence came at midnight."):
        assert word in answer


def test_topic_spellings_are_grouped_and_warned_about(workspace):
    second = workspace / "content" / "x" / "b.yaml"
    second.write_text((workspace / "content" / "x" / "a.yaml").read_text()
                      .replace("id: test-2020-q1", "id: test-2020-q2")
                      .replace("number: 1", "number: 2")
                      .replace("topics: [Testing]", "topics: [testing]"))
    with pytest.warns(UserWarning, match="topic 'testing' is spelled 'Testing'"):
        load_content(workspace / "content")


def test_parts_left_by_a_killed_build_are_removed_by_the_next_write(tmp_path):
    import os
    import time

    from studypack.output import write_atomically

    target = tmp_path / "pack.pdf"
    stale = tmp_path / ".pack.pdf.abc123.part"
    fresh = tmp_path / ".pack.pdf.def456.part"  # another build writing right now
    stale.write_bytes(b"%PDF-1.4 half")
    fresh.write_bytes(b"%PDF-1.4 half")
    hours_ago = time.time() - 2 * 3600
    os.utime(stale, (hours_ago, hours_ago))
    write_atomically(target, b"%PDF-1.4 whole")
    assert target.read_bytes() == b"%PDF-1.4 whole"
    assert not stale.exists() and fresh.exists()


STOPPED = """
import multiprocessing, os, signal, sys, time
from pathlib import Path
from studypack.cli.commands import stop_cleanly_on_signals
from studypack.output import PendingFile
from studypack.engine.parallel import WorkerPool
stop_cleanly_on_signals()
pending = PendingFile(Path(sys.argv[1]))
pending.file.write(b"%PDF-1.4 half")
pool = WorkerPool(1)
worker = multiprocessing.active_children()[0].pid
print(worker, flush=True)
os.kill(os.getpid(), getattr(signal, sys.argv[2]))
time.sleep(30)
"""


@pytest.mark.parametrize("signal_name, status, word", [("SIGTERM", 143, "stopped"),
                                                       ("SIGINT", 130, "interrupted")])
def test_a_stopped_build_leaves_no_partial_file_no_worker_and_no_traceback(
        tmp_path, signal_name, status, word):
    import subprocess
    import sys
    import time

    target = tmp_path / "out" / "pack.pdf"
    done = subprocess.run([sys.executable, "-c", STOPPED, str(target), signal_name],
                          check=False, capture_output=True, text=True, timeout=60)
    assert done.returncode == status
    assert done.stderr.strip() == (f"studypack: {word} before the end; no half-written "
                                   "file is left")
    assert not (tmp_path / "out").exists()  # no .part, nor the folder made for it
    worker = int(done.stdout.split()[0])
    for _ in range(50):
        if not Path(f"/proc/{worker}").exists():
            break
        time.sleep(0.1)
    assert not Path(f"/proc/{worker}").exists()


def test_a_file_stopped_inside_its_own_write_is_still_removed(tmp_path):
    # Ctrl-C inside a write of the file's buffer leaves that buffer in use: closing it
    # then fails with "reentrant call", and the half-written file must go all the same.
    from studypack.output import PendingFile

    class Interrupted:  # the buffered file as a signal leaves it, mid-write
        def __init__(self, real):
            self.real, self.closed = real, False

        def write(self, data):
            return self.real.write(data)

        def flush(self):
            raise RuntimeError("reentrant call inside <_io.BufferedWriter name=3>")

        def close(self):
            self.real.close()
            self.closed = True

    pending = PendingFile(tmp_path / "out" / "pack.pdf")
    pending.file.write(b"%PDF-1.4 half")
    pending.guard.raw = Interrupted(pending.guard.raw)
    pending.discard()
    assert not (tmp_path / "out").exists()  # no .part, nor the folder made for it


def test_a_paper_spelled_once_another_way_and_shared_initials_are_warned_about(
        workspace, monkeypatch):
    monkeypatch.chdir(workspace)
    first = workspace / "content" / "x" / "a.yaml"
    text = first.read_text()
    for n, paper in ((2, "Test Paper"), (3, "Test Papr"), (4, "Tax Policy")):
        (workspace / "content" / "x" / f"{n}.yaml").write_text(
            text.replace("id: test-2020-q1", f"id: test-2020-q{n}")
                .replace("number: 1", f"number: {n}").replace("paper: Test Paper",
                                                              f"paper: {paper}"))
    with pytest.warns(UserWarning) as caught:
        load_content(Path("content"))
    said = [str(w.message) for w in caught]
    assert ("content/x/3.yaml:3:1 paper: 'Test Papr' is used by no other answer; did you "
            "mean 'Test Paper' (2 answers)?") in " ".join(said)
    assert any("papers 'Tax Policy' and 'Test Paper' are both 'TP' in the contents" in s
               for s in said)
    assert not any("Test Papr' and" in s or "and 'Test Papr'" in s for s in said)


def test_a_precis_length_question_is_cut_in_the_contents_not_the_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from studypack.build import build_pack

    from .conftest import copied_sample

    ws = copied_sample(tmp_path, monkeypatch)
    answer = ws / "content" / "pakistan-affairs" / "2015-q6.yaml"
    words = " ".join(f"clause{n} of the long question" for n in range(130))  # 650 words
    text = answer.read_text(encoding="utf-8")
    start = text.index("\nquestion:")
    end = text.index("\n", start + 1)
    answer.write_text(text[:start] + f"\nquestion: {words}" + text[end:], encoding="utf-8")
    result = build_pack(pack=ws / "content" / "packs" / "foreign-policy.yaml",
                        content=ws / "content", workspace=ws, output=ws / "fp.pdf")
    front = PdfReader(result.path).pages[1].extract_text()
    assert "clause0 of the long question" in front and "…" in front
    assert "clause40" not in front  # six lines of it, not the page
    body = "".join(p.extract_text() for p in PdfReader(result.path).pages[2:])
    assert "clause129 of the long question" in body.replace("\n", " ")
