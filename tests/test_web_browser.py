"""The workbench in a real browser: Debian's chromium, driven by Playwright, against a
real ``studypack serve`` on 127.0.0.1 (``.ci/run`` installs chromium).
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright
from pypdf import PdfReader

from .conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Chromium as this machine kind runs it: no sandbox as root, no calls home
# (the network is closed; without these it retries many connections at start).
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    ws = tmp_path_factory.mktemp("browser-ws")
    shutil.copytree(ROOT / "content", ws / "content")
    for name in ("studypack.yaml", "brand.yaml"):
        shutil.copy(ROOT / name, ws / name)
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "studypack.cli", "serve", "--port",
                                str(port)], cwd=ws, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    address = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            time.sleep(0.2)
    yield address, ws
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    # Ctrl-C is how the workbench is stopped: a success, one line, no traceback.
    assert process.returncode == 0, err
    assert "the workbench has stopped" in err and "Traceback" not in err


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), ("Debian's chromium is needed: apt-get install chromium "
                                     "(.ci/run installs it)")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_filter_search_pick_preview_build_download(server: tuple[str, Path], page: Page,
                                                   tmp_path: Path) -> None:
    address, _ = server
    page.goto(address)
    expect(page.locator("#result-count")).to_have_text("14 answers")
    page.select_option("select[name=paper]", "Current Affairs")
    page.get_by_role("button", name="Show").click()
    expect(page.locator("#result-count")).to_have_text("4 answers")
    page.fill("input[name=q]", "climate")
    page.keyboard.press("Enter")
    expect(page.locator("table.bank mark").first).to_have_text("climate", ignore_case=True)
    page.get_by_role("link", name="clear").click()
    # Pick three: a click on the row ticks its box (the page's script), a box ticks itself.
    rows = page.locator("table.bank tbody tr")
    rows.nth(0).locator("td.topics").click()
    rows.nth(1).get_by_role("checkbox").check()
    rows.nth(2).get_by_role("checkbox").check()
    page.get_by_role("button", name="Add ticked to basket").click()
    expect(page.locator("#basket-link .count")).to_have_text("3")
    page.get_by_role("link", name="Basket").click()
    page.fill("input[name=title]", "Browser Pack")
    page.fill("input[name=edition]", "Evening batch 3")
    page.get_by_role("button", name="Preview").click()
    expect(page.locator(".previews img")).to_have_count(3, timeout=120_000)
    for image in page.locator(".previews img").all():
        assert image.evaluate("i => i.naturalWidth") > 600
    with page.expect_download() as caught:
        page.locator("#download").click()
    pdf = tmp_path / "browser-pack.pdf"
    caught.value.save_as(pdf)
    assert caught.value.suggested_filename == "browser-pack.pdf"
    reader = PdfReader(pdf)
    cover = reader.pages[0].extract_text()
    assert "Browser Pack" in cover and "Evening batch 3" in cover
    assert len(reader.outline) >= 3


def test_build_shows_progress_then_download(server: tuple[str, Path], page: Page,
                                            tmp_path: Path) -> None:
    address, _ = server
    page.goto(address)
    page.get_by_role("button", name="Add all 14 matching").click()
    page.goto(f"{address}/basket")
    page.fill("input[name=title]", "Whole Bank")
    page.get_by_role("button", name="Build PDF").click()
    expect(page.locator("#download")).to_be_visible(timeout=180_000)
    with page.expect_download() as caught:
        page.locator("#download").click()
    caught.value.save_as(tmp_path / "whole.pdf")
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "whole.pdf").pages[:4])
    assert "Whole Bank" in text


def test_import_a_pasted_answer_and_find_it_in_the_bank(server: tuple[str, Path],
                                                        page: Page) -> None:
    address, ws = server
    page.goto(address)
    page.get_by_role("link", name="Import").click()
    page.fill("textarea[name=text]", (ROOT / "tests" / "data" / "web" / "pasted-answer.txt")
              .read_text(encoding="utf-8"))
    page.fill("input[name=exam]", "PMS")
    page.get_by_role("button", name="Read it").click()
    expect(page.get_by_role("heading", name="Review the import")).to_be_visible(timeout=60_000)
    # The review says what the page did not give, beside the field.
    expect(page.locator(".field.missing #f-paper")).to_be_visible()
    expect(page.locator("#f-points-3-heading")).to_have_value(
        "Canal colonies and the new rural order")
    page.fill("#f-paper", "Pakistan Affairs")
    page.fill("#f-year", "2023")
    page.get_by_role("button", name="Save into the bank").click()
    expect(page.locator(".saved")).to_contain_text("pms-2023-q3.yaml")
    assert (ws / "content" / "pakistan-affairs" / "pms-2023-q3.yaml").is_file()
    page.goto(f"{address}/?q=Lyallpur")
    expect(page.locator("#result-count")).to_have_text("1 answer for “Lyallpur”")
    expect(page.locator("table.bank td.question a")).to_contain_text(
        "How did British rule change the economy")


def test_edit_an_answer_and_see_it_in_its_handout(server: tuple[str, Path], page: Page,
                                                  tmp_path: Path) -> None:
    address, ws = server
    page.goto(f"{address}/q/css-2016-pakistan-affairs-q5")
    page.get_by_role("link", name="Edit").click()
    heading = page.locator("#f-points-1-heading")
    heading.fill("Checks on the president, and rights added")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".saved")).to_be_visible()
    expect(page.locator("table.key-points")).to_contain_text(
        "Checks on the president, and rights added")
    page.get_by_role("button", name="Make handout PDF").click()
    expect(page.locator("#download")).to_be_visible(timeout=120_000)
    with page.expect_download() as caught:
        page.locator("#download").click()
    caught.value.save_as(tmp_path / "handout.pdf")
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "handout.pdf").pages)
    assert "Checks on the president, and rights added" in text
    source = next((ws / "content").rglob("2016-q5.yaml")).read_text(encoding="utf-8")
    assert "heading: Checks on the president, and rights added" in source


def test_flashcards_as_a_folded_booklet_from_the_basket(server: tuple[str, Path], page: Page,
                                                       tmp_path: Path) -> None:
    address, _ = server
    page.goto(address)
    page.locator("table.bank tbody tr").nth(0).get_by_role("checkbox").check()
    page.get_by_role("button", name="Add ticked to basket").click()
    page.goto(f"{address}/basket")
    page.fill("input[name=title]", "Cards")
    page.get_by_label("Print as").select_option("flashcards")
    page.get_by_label("Sheets").select_option("booklet")
    page.get_by_role("button", name="Preview").click()
    # Fronts, then backs: the preview is the first two pages.
    expect(page.locator(".previews figcaption")).to_have_text(["page 1", "page 2"],
                                                              timeout=120_000)
    with page.expect_download() as caught:
        page.locator("#download-sheets").click()
    assert caught.value.suggested_filename == "cards-flashcards-booklet.pdf"
    caught.value.save_as(tmp_path / "sheets.pdf")
    assert len(PdfReader(tmp_path / "sheets.pdf").pages) == 2
