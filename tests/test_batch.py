"""Per-student batches: a roster and a pack → one copy per student, read back with pypdf;
made in this process, on local processes and on a Dask LocalCluster started here.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from studypack.batch import build_batch
from studypack.batch.manifest import read_manifest
from studypack.batch.runners import DaskRunner
from studypack.cli import app
from studypack.engine.cache import RenderCache
from studypack.errors import ContentError, WorkspaceError

from .conftest import copied_sample

PACK = "content/packs/foreign-policy.yaml"
ROSTER = """name,roll,batch,topics,exclude
Ayesha Khan,17,Evening batch 3,,
Bilal Ahmed,18,Evening batch 3,,
Sana Malik,19,Morning batch 1,Economy,
Usman Tariq,20,Morning batch 1,,css-2015-pakistan-affairs-q6
Hira Baig,21,Evening batch 3,,
"""


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    workspace = copied_sample(tmp_path, monkeypatch)
    (workspace / "roster.csv").write_text(ROSTER, encoding="utf-8")
    return workspace


def batch(ws: Path, **given: object) -> object:
    options: dict[str, object] = {"roster": ws / "roster.csv", "pack": ws / PACK,
                                  "content": ws / "content", "workspace": ws,
                                  "output": ws / "copies", "cache_dir": ws / "out" / ".cache",
                                  **given}
    return build_batch(**options)  # type: ignore[arg-type]


def text_of(pdf: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(pdf).pages]


def manifest_rows(folder: Path) -> list[dict[str, str]]:
    with (folder / "manifest.csv").open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_roster_s_bad_rows_are_all_reported_with_their_lines(ws: Path) -> None:
    (ws / "roster.csv").write_text(
        "Name,Roll No.,Class,Topics,Colour\n"
        "Ayesha Khan,17,EB3,,red\n"
        ",18,EB3,,\n"
        "Bilal Ahmed,,EB3,,\n"
        "Sana Malik,17,EB3,Econmy,\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        batch(ws)
    said = [str(d) for d in caught.value.diagnostics]
    assert any("roster.csv:1:5" in s and "'Colour'" not in s and "is not a roster column" in s
               for s in said), said
    assert any("roster.csv:3:1" in s and "no name" in s for s in said), said
    assert any("roster.csv:4:2" in s and "Bilal Ahmed has no roll number" in s
               for s in said), said
    assert any("roster.csv:5" in s and "'17' is given twice (line 2 too)" in s
               for s in said), said
    assert not (ws / "copies").exists()
    # Its rows fixed, the topic no answer has is named, with a guess.
    (ws / "roster.csv").write_text("name,roll,topics\nSana Malik,17,Econmy\n",
                                   encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        batch(ws)
    (only,) = [str(d) for d in caught.value.diagnostics]
    assert "roster.csv:2" in only and "no answer has the topic 'Econmy'" in only
    assert "did you mean 'Economy'" in only
    # Through the command: the same messages, exit code 1, no traceback.
    done = CliRunner().invoke(app, ["batch", "roster.csv", PACK, "-o", "copies"])
    assert done.exit_code == 1 and "Econmy" in done.output and "Traceback" not in done.output


def test_five_students_each_named_on_the_cover_and_every_page(ws: Path) -> None:
    result = batch(ws, processes=1)
    assert (result.built, result.reused, result.failed) == (5, 0, ())  # type: ignore[attr-defined]
    rows = manifest_rows(ws / "copies")
    assert [r["roll"] for r in rows] == ["17", "18", "19", "20", "21"]
    pages = {}
    for row in rows:
        pdf = ws / "copies" / row["file"]
        assert row["sha256"] == sha256(pdf) and int(row["bytes"]) == pdf.stat().st_size
        texts = text_of(pdf)
        assert int(row["pages"]) == len(texts)
        assert f"Prepared for {row['name']} · {row['batch']} · Roll {row['roll']}" in texts[0]
        mark = f"{row['name']} · Roll {row['roll']}"
        assert all(mark in t for t in texts[1:]), row
        others = [r["name"] for r in rows if r is not row]
        assert not any(name in t for t in texts for name in others)
        pages[row["roll"]] = len(texts)
    # One selection, one length; an extra topic adds pages, an exclusion takes some away.
    assert pages["17"] == pages["18"] == pages["21"]
    assert pages["19"] > pages["17"] > pages["20"]
    assert "Economy" in "".join(text_of(ws / "copies" / "19-sana-malik.pdf")[:3])
    # The outline and page labels are the pack's, in every copy.
    reader = PdfReader(ws / "copies" / "17-ayesha-khan.pdf")
    assert len(reader.outline) >= 3 and reader.page_labels[:2] == ["i", "ii"]


def test_a_failed_copy_leaves_the_others_and_a_second_run_builds_only_it(ws: Path) -> None:
    blocker = ws / "copies" / "19-sana-malik.pdf"
    blocker.parent.mkdir()
    blocker.write_bytes(b"a teacher's own file, not ours")
    result = batch(ws, processes=1)
    assert result.built == 4 and len(result.failed) == 1  # type: ignore[attr-defined]
    student, problem = result.failed[0]  # type: ignore[attr-defined]
    assert student.roll == "19" and "not written by studypack" in problem
    assert blocker.read_bytes() == b"a teacher's own file, not ours"
    made = {p.name: p.stat().st_mtime_ns for p in (ws / "copies").glob("*.pdf")}
    blocker.unlink()
    again = batch(ws, processes=1)
    assert (again.built, again.reused, again.failed) == (1, 4, ())  # type: ignore[attr-defined]
    for name, mtime in made.items():
        if name != blocker.name:
            assert (ws / "copies" / name).stat().st_mtime_ns == mtime, name
    # A copy changed since (here: swapped for another's) is made again; so is every
    # copy when the pack changes.
    swapped = ws / "copies" / "17-ayesha-khan.pdf"
    swapped.write_bytes((ws / "copies" / "18-bilal-ahmed.pdf").read_bytes())
    assert batch(ws, processes=1).built == 1  # type: ignore[attr-defined]
    assert "Ayesha Khan" in text_of(swapped)[1]
    pack = ws / PACK
    pack.write_text(pack.read_text(encoding="utf-8").replace("title: Foreign Policy",
                                                            "title: Foreign Policy II"),
                    encoding="utf-8")
    assert batch(ws, processes=1).built == 5  # type: ignore[attr-defined]
    assert not list((ws / "copies").glob("*.part"))
    assert not list((ws / "out" / ".cache" / "batch").rglob("*.pdf"))


def test_copies_are_the_same_bytes_here_on_local_processes_and_on_a_dask_cluster(
        ws: Path) -> None:
    made = {}
    for name, given in (("inline", {"processes": 1}), ("local", {"processes": 2}),
                        ("dask", {"cluster": "local:2"})):
        result = batch(ws, output=ws / name, **given)
        assert result.built == 5 and not result.failed, result  # type: ignore[attr-defined]
        made[name] = {p.name: sha256(p) for p in sorted((ws / name).glob("*.pdf"))}
    assert "Dask" in result.runner  # type: ignore[attr-defined]
    assert len(made["inline"]) == 5
    assert made["inline"] == made["local"] == made["dask"]


def test_a_cluster_that_cannot_see_the_workspace_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError) as caught:
        DaskRunner("local:2", tmp_path / "elsewhere", "classic")
    message = str(caught.value)
    assert message.count("cannot see the workspace") == 2 and "shared folder" in message
    with pytest.raises(WorkspaceError, match="local:N"):
        DaskRunner("local:lots", tmp_path, "classic")


def test_the_pack_s_lines_are_checked_with_its_line(ws: Path) -> None:
    pack = ws / PACK
    pack.write_text(pack.read_text(encoding="utf-8") + "batch:\n  mark: '{{ student.nme }}'\n",
                    encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        batch(ws)
    said = str(caught.value.diagnostics[0])
    lines = pack.read_text(encoding="utf-8").splitlines()
    assert f"foreign-policy.yaml:{len(lines)}" in said and "batch.mark" in said
    assert "student.name, student.roll and student.batch" in said


def _write_same_entry(folder: str, rounds: int) -> None:
    cache = RenderCache(Path(folder))
    for n in range(rounds):
        cache.put_blobs("shared-entry", (b"A" * 50_000, b"B" * 70_000), ())
        found = cache.get_blobs("shared-entry")
        assert found is None or found[0] == (b"A" * 50_000, b"B" * 70_000), n


def test_the_cache_stays_whole_when_processes_write_one_entry_at_once(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    writers = [ctx.Process(target=_write_same_entry, args=(str(tmp_path), 40))
               for _ in range(4)]
    for w in writers:
        w.start()
    for w in writers:
        w.join(120)
        assert w.exitcode == 0
    assert RenderCache(tmp_path).get_blobs("shared-entry") is not None
    assert not list(tmp_path.glob("*.part"))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_leaves_no_half_written_copy(ws: Path, jobs: str) -> None:
    rows = "".join(f"Student {n},{n}\n" for n in range(100, 700))
    (ws / "roster.csv").write_text("name,roll\n" + rows, encoding="utf-8")
    run = subprocess.Popen([sys.executable, "-m", "studypack.cli", "batch", "roster.csv", PACK,
                            "-o", "copies", "-j", jobs], cwd=ws, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list((ws / "copies").glob("*.pdf"))) < 3:
        time.sleep(0.05)
    os.killpg(run.pid, signal.SIGINT)
    _, said = run.communicate(timeout=60)
    made = sorted((ws / "copies").glob("*.pdf"))
    assert 3 <= len(made) < 600
    left = [p for p in (ws / "copies").rglob("*") if p.suffix not in (".pdf", ".csv")]
    assert not left, (left, said.decode())
    # Nor the pack without a name, which every copy was made from.
    assert not list((ws / "out" / ".cache" / "batch").rglob("*.pdf")), said.decode()
    # Each copy is whole, and those on record are as recorded (copies a worker
    # finished as Ctrl-C came are not noted yet: the next run makes them again).
    listed = {r["file"]: r for r in read_manifest(ws / "copies" / "manifest.csv").values()}
    for pdf in made:
        assert len(PdfReader(pdf).pages) > 10
        assert pdf.name not in listed or listed[pdf.name]["sha256"] == sha256(pdf)
    assert listed and set(listed) <= {p.name for p in made}
    # Run again: the copies made are kept, the rest made, the record whole.
    done = CliRunner().invoke(app, ["batch", "roster.csv", PACK, "-o", "copies", "-j", "1"])
    assert done.exit_code == 0, done.output
    assert f"{600 - len(listed)} built, {len(listed)} up to date" in " ".join(
        done.output.split())
    assert len(manifest_rows(ws / "copies")) == 600
    assert sorted(p.name for p in (ws / "copies").iterdir() if p.suffix != ".pdf") == [
        "manifest.csv"]


def test_an_excel_roster_reads_as_its_csv_does(ws: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Student name", "Roll No.", "Class"])
    sheet.append(["Ayesha Khan", 17, "Evening batch 3"])  # a roll typed as a number
    sheet.append([None, None, None])  # a blank row is passed over
    sheet.append(["Bilal Ahmed", "EB3/018", None])
    book.save(ws / "roster.xlsx")
    result = batch(ws, roster=ws / "roster.xlsx", processes=1)
    assert result.built == 2  # type: ignore[attr-defined]
    rows = manifest_rows(ws / "copies")
    assert [(r["roll"], r["file"]) for r in rows] == [
        ("17", "17-ayesha-khan.pdf"), ("EB3/018", "eb3-018-bilal-ahmed.pdf")]
    assert "Prepared for Bilal Ahmed · Roll EB3/018" in text_of(
        ws / "copies" / "eb3-018-bilal-ahmed.pdf")[0]


def test_a_pack_words_its_own_lines_and_can_leave_the_cover_bare(ws: Path) -> None:
    pack = ws / PACK
    pack.write_text(pack.read_text(encoding="utf-8") + "batch:\n  cover: ''\n  mark: "
                    "'{{ student.name }} ({{ student.batch or \"no batch\" }}) - not for "
                    "copying'\n", encoding="utf-8")
    (ws / "roster.csv").write_text("name,roll\nZainab Qureshi,7\n", encoding="utf-8")
    batch(ws, processes=1)
    texts = text_of(ws / "copies" / "7-zainab-qureshi.pdf")
    assert "Zainab" not in texts[0] and "Prepared for" not in texts[0]
    assert all("Zainab Qureshi (no batch) - not for copying" in t for t in texts[1:])


def test_roster_quirks_of_real_spreadsheets(ws: Path) -> None:
    # European Excel separates by ";"; a name with accents and a pasted NUL.
    (ws / "roster.csv").write_text("Name;Roll\nZo\u00eb \u00c5ngstr\u00f6m;4\n"
                                   "Bilal\x00 Ahmed;5\n", encoding="utf-8")
    batch(ws, processes=1)
    assert sorted(p.name for p in (ws / "copies").glob("*.pdf")) == [
        "4-zoe-angstrom.pdf", "5-bilal-ahmed.pdf"]
    assert "Bilal Ahmed · Roll 5" in text_of(ws / "copies" / "5-bilal-ahmed.pdf")[2]
    # Rolls that differ only where a file name cannot show it, and a roll Excel made a date.
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["name", "roll"], ["A One", "EB3/017"], ["B Two", "EB3-017"],
                ["C Three", datetime.date(2024, 1, 17)]):
        sheet.append(row)
    book.save(ws / "roster.xlsx")
    with pytest.raises(ContentError) as caught:
        batch(ws, roster=ws / "roster.xlsx")
    said = [str(d) for d in caught.value.diagnostics]
    assert any("roster.xlsx:3" in s and "give the same file name" in s for s in said), said
    assert any("roster.xlsx:4" in s and "is a date (2024-01-17)" in s for s in said), said


def test_the_copies_folder_is_the_batch_s_own(ws: Path) -> None:
    mine = ws / "copies" / ".shared"
    mine.mkdir(parents=True)
    (mine / "keep.txt").write_text("a teacher's notes", encoding="utf-8")
    batch(ws, processes=1, cache_dir=None)
    assert (mine / "keep.txt").read_text(encoding="utf-8") == "a teacher's notes"
    # Another pack's copies may not join them.
    with pytest.raises(WorkspaceError, match="holds the copies of content/packs/foreign-policy"):
        batch(ws, pack=ws / "content" / "packs" / "recent-papers.yaml")
    # A manifest that is not ours is not replaced.
    other = ws / "other"
    other.mkdir()
    (other / "manifest.csv").write_text("student,fee\nAyesha,paid\n", encoding="utf-8")
    with pytest.raises(WorkspaceError, match="not written by studypack batch"):
        batch(ws, output=other)
    assert (other / "manifest.csv").read_text(encoding="utf-8").startswith("student,fee")
    # A folder that cannot be one is refused before any work.
    (ws / "afile").write_text("x", encoding="utf-8")
    with pytest.raises(WorkspaceError, match="is a file"):
        batch(ws, output=ws / "afile" / "sub")


def test_a_student_whose_changes_break_the_pack_is_named_before_anything_is_built(
        ws: Path) -> None:
    pack = ws / PACK
    text = pack.read_text(encoding="utf-8")
    assert "sections:" in text  # the pack names its sections
    (ws / "roster.csv").write_text("name,roll,exclude\nAyesha Khan,17,\n"
                                   "Usman Tariq,20,Foreign Policy\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        batch(ws)
    (only,) = [str(d) for d in caught.value.diagnostics]
    assert "roster.csv:3" in only and "Usman Tariq's changes" in only
    assert not (ws / "copies").exists()


def test_one_run_lists_the_roster_s_problems_of_every_kind(ws: Path) -> None:
    (ws / "roster.csv").write_text("name,roll,topics,exclude,shoe size\n"
                                   "Ayesha Khan,17,Econmy,,\n"
                                   ",18,,,\n"
                                   "Usman Tariq,20,,Foreign Policy,\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        batch(ws)
    said = " | ".join(str(d) for d in caught.value.diagnostics)
    for expected in ("roster.csv:1:5", "roster.csv:2", "did you mean 'Economy'",
                     "roster.csv:3:1", "roster.csv:4", "Usman Tariq's changes"):
        assert expected in said, said
