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
        if self.path == "/trickle":  # a byte at a time, each well within the wait
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(30):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass  # studypack hung up, as it should
            return
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


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hung up (as studypack does on a slow page) is no news


@pytest.fixture
def site() -> Iterator[str]:
    server = _Server(("127.0.0.1", 0), _Site)
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
    monkeypatch.setattr(fetching, "TOTAL_SECONDS", 1.0)
    result = runner.invoke(app, ["import", f"{site}/loop", f"{site}/notes.pdf", f"{site}/slow",
                                 f"{site}/big", "http://127.0.0.1:9/closed",
                                 f"{site}/trickle"])
    assert result.exit_code == 1
    out = " ".join(result.output.split())
    assert f"{site}/loop: redirects more than 5 times" in out
    assert f"{site}/notes.pdf: is not a web page (the server sent application/pdf)" in out
    assert f"{site}/slow: did not answer within 0 s" not in out  # the limit is said in whole s
    assert f"{site}/slow: did not answer within" in out
    assert f"{site}/big: is larger than 0 MiB" not in out and f"{site}/big: is larger than" in out
    assert "http://127.0.0.1:9/closed: could not be reached (Connection refused)" in out
    assert f"{site}/trickle: took more than 1 s to send the page" in out
    assert "Traceback" not in out and not (tmp_path / "content").exists()


class _Odd(BaseHTTPRequestHandler):
    """A page the usual site does not send: UTF-16 text, named so by its header."""

    def do_GET(self) -> None:
        body = ("CSS Pakistan Affairs 2021\n\nQ.5 Discuss the causes of the water crisis in "
                "Pakistan’s plains. (20)\n\n" + PAGE_TEXT).encode("utf-16-le")
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-16le")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


PAGE_TEXT = ("The country stores too little of its river water.\n\n1. Storage: Dams hold "
             "thirty days of flow, far below what is needed.\n\n2. Waste: Canals lose much "
             "of their water before it reaches the fields.\n\nIn conclusion, storage and "
             "thrift must go together.\n")


def test_a_page_sent_in_a_named_character_set_and_an_address_with_a_password(
        tmp_path, monkeypatch):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Odd)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.chdir(tmp_path)
        url = f"http://alice:s3cret@127.0.0.1:{server.server_address[1]}/notes"
        result = runner.invoke(app, ["import", url])
        assert result.exit_code == 0, result.output
        text = (tmp_path / "content" / "pakistan-affairs" / "css-2021-q5.yaml").read_text(
            encoding="utf-8")
        assert "Pakistan’s plains" in text
        assert "s3cret" not in text and "s3cret" not in result.output
        assert f"source: http://127.0.0.1:{server.server_address[1]}/notes" in text
    finally:
        server.shutdown()
        server.server_close()


def test_a_page_sent_a_byte_at_a_time_is_stopped_at_the_time_limit(
        monkeypatch: pytest.MonkeyPatch) -> None:
    web = fetching

    class Drip(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(60):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.5)
            except OSError:
                pass

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Drip)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setattr(web, "TOTAL_SECONDS", 2.0)
    started = time.monotonic()
    try:
        with pytest.raises(web.FetchError, match="took more than 2 s"):
            web.fetch(f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        server.shutdown()
        server.server_close()
    assert time.monotonic() - started < 6
