"""studypack import https://…: pages served by a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from studypack.cli import app
from studypack.content.importing import web as fetching

PAGE = (Path(__file__).parent / "data" / "import" / "heavy-nav.html").read_bytes()
runner = CliRunner()


class _Site(BaseHTTPRequestHandler):
    """A small site: one answer page, a redirect loop, a file, a slow page, a big page."""

    def do_GET(self) -> None:
        routes = {
            "/answer": (200, "text/html; charset=utf-8", PAGE),
            "/moved": (301, "text/html", b""),
            "/loop": (302, "text/html", b""),
            "/notes.pdf": (200, "application/pdf", b"%PDF-1.4"),
            "/big": (200, "text/html", b"<p>" + b"x" * 300_000 + b"</p>"),
        }
        if self.path == "/slow":
            time.sleep(1.5)
        status, kind, body = routes.get(self.path, (404, "text/html", b"gone"))
        self.send_response(status)
        if self.path == "/moved":
            self.send_header("Location", "/answer")
        if self.path == "/loop":
            self.send_header("Location", "/loop")
        self.send_header("Content-Type", kind)
        if self.path != "/big":  # streamed: the limit must hold without a declared length
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_page_imports_from_its_address_and_records_it(site, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["import", f"{site}/moved"])
    assert result.exit_code == 0, result.output
    written = tmp_path / "content" / "current-affairs" / "css-2019-q1.yaml"
    data = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert data["source"] == f"{site}/moved"
    assert data["question"] == "What does climate change mean for Pakistan's security?"


def test_a_text_file_of_addresses_imports_each(site, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "links.txt").write_text(f"# to read\n{site}/answer\n{site}/missing\n",
                                        encoding="utf-8")
    result = runner.invoke(app, ["import", "links.txt"])
    assert result.exit_code == 1, result.output
    out = " ".join(result.output.split())
    assert f"{site}/missing: the server answered 404" in out
    assert (tmp_path / "content" / "current-affairs" / "css-2019-q1.yaml").is_file()


def test_every_network_failure_is_one_clear_line(site, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(fetching, "TIMEOUT", (2.0, 0.5))
    monkeypatch.setattr(fetching, "MAX_BYTES", 200_000)
    result = runner.invoke(app, ["import", f"{site}/loop", f"{site}/notes.pdf", f"{site}/slow",
                                 f"{site}/big", "http://127.0.0.1:9/closed"])
    assert result.exit_code == 1
    out = " ".join(result.output.split())
    assert f"{site}/loop: redirects more than 5 times" in out
    assert f"{site}/notes.pdf: is not a web page (the server sent application/pdf)" in out
    assert f"{site}/slow: did not answer within 0 s" not in out  # the limit is said in whole s
    assert f"{site}/slow: did not answer within" in out
    assert f"{site}/big: is larger than 0 MiB" not in out and f"{site}/big: is larger than" in out
    assert "http://127.0.0.1:9/closed: could not be reached (Connection refused)" in out
    assert "Traceback" not in out and not (tmp_path / "content").exists()
