"""The resolve stage: every setting decided once, with the layer it came from."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from studypack.cli import app
from studypack.plan.resolve import BuildRequest, resolve_build

from .conftest import started_workspace


def _with_duplex(ws: Path) -> int:
    """Add ``duplex: true`` to studypack.yaml; its line."""
    settings = ws / "studypack.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text + "duplex: true\n", encoding="utf-8")
    return len(text.splitlines()) + 1


def _origins(request: BuildRequest) -> dict[str, tuple[str, str]]:
    plan = resolve_build(request)
    return {o.name: (o.value, o.source) for o in plan.origins}


def test_each_setting_names_the_layer_that_set_it(tmp_path, monkeypatch):
    ws, rows = started_workspace(tmp_path, monkeypatch, title="Autumn Pack")
    rows["duplex"] = _with_duplex(ws)
    found = _origins(BuildRequest(workspace=ws, content=ws / "content", edition="Week 3",
                                  cache_dir=ws / "out" / ".cache"))
    assert found["title"] == ("Autumn Pack", f"studypack.yaml:{rows['title']}")
    assert found["edition"] == ("Week 3", "--edition")
    assert found["duplex"] == ("yes", f"studypack.yaml:{rows['duplex']}")
    assert found["layout"][0] == "my-centre"
    assert found["layout"][1].startswith("studypack.yaml:")
    assert found["strict"] == ("no", "default")


def test_a_flag_beats_studypack_yaml_and_the_layout_gives_what_neither_says(tmp_path,
                                                                          monkeypatch):
    ws, _ = started_workspace(tmp_path, monkeypatch)
    _with_duplex(ws)
    flagged = _origins(BuildRequest(workspace=ws, content=ws / "content", duplex=False))
    assert flagged["duplex"] == ("no", "--no-duplex")
    other = tmp_path / "other"
    other.mkdir()
    ws2, _ = started_workspace(other, monkeypatch)
    plain = _origins(BuildRequest(workspace=ws2, content=ws2 / "content"))
    assert plain["duplex"] == ("no", "layout my-centre")


def test_a_pack_file_setting_is_named_with_its_line(tmp_path, monkeypatch):
    ws, _ = started_workspace(tmp_path, monkeypatch)
    packs = ws / "packs"
    packs.mkdir()
    (packs / "p.yaml").write_text("title: Week pack\nduplex: true\noutput: out/week.pdf\n"
                                  "select:\n  years: 2015-2020\nrevision_grid: true\n",
                                  encoding="utf-8")
    found = _origins(BuildRequest(workspace=ws, content=ws / "content",
                                  pack=packs / "p.yaml"))
    assert found["title"] == ("Week pack", "packs/p.yaml:1")
    assert found["duplex"] == ("yes", "packs/p.yaml:2")
    assert found["output"] == ("out/week.pdf", "packs/p.yaml:3")
    assert found["select.years"] == ("2015-2020", "packs/p.yaml:5")
    assert found["select.topics"] == ("none", "default: any")
    assert found["revision_grid"] == ("yes", "packs/p.yaml:6")


def test_explain_builds_nothing_and_lists_the_parts_kept_after_a_build(tmp_path, monkeypatch):
    ws, _ = started_workspace(tmp_path, monkeypatch)
    runner = CliRunner()
    before = runner.invoke(app, ["build", "--explain", "--title", "Flagged"])
    assert before.exit_code == 0, before.output
    assert not (ws / "out" / "booklet.pdf").exists()
    assert "--title" in before.output
    lines = before.output.splitlines()
    parts = next(line for line in lines if line.startswith("Parts to lay out:"))
    assert ", 0 of them kept in out/.cache" in parts
    assert runner.invoke(app, ["build", "--title", "Flagged"]).exit_code == 0
    after = runner.invoke(app, ["build", "--explain", "--title", "Flagged"])
    total = int(parts.split(":")[1].split(",")[0])
    assert f"{total} of them kept" in after.output
    assert Path(ws / "out" / "booklet.pdf").is_file()


def test_a_flag_that_overrides_a_broken_field_keeps_the_rest_of_studypack_yaml(
        tmp_path, monkeypatch):
    ws, rows = started_workspace(tmp_path, monkeypatch, title="Winter Pack")
    settings = ws / "studypack.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "duplex: sometimes\n",
                        encoding="utf-8")
    request = BuildRequest(workspace=ws, content=ws / "content", duplex=True)
    found = _origins(request)
    assert found["title"] == ("Winter Pack", f"studypack.yaml:{rows['title']}")
    assert found["duplex"] == ("yes", "--duplex")
    plan = resolve_build(request)
    assert plan.pack.booklet.title == "Winter Pack"
