"""Take the README's pictures of the workbench, in a real browser.

Starts ``studypack serve`` on a copy of the sample workspace and drives
Debian's chromium with Playwright: docs/images/workbench-bank.png (the bank,
searched and filtered), docs/images/workbench-basket.png (the basket and its
settings), docs/images/workbench-preview.png (a pack's preview pages) and
docs/images/workbench-import.png (a pasted answer's review form).

Run from the repository: python tools/workbench_pictures.py
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> None:
    """Serve a copy of the sample workspace and photograph four of its screens."""
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp) / "al-noor-academy"
        shutil.copytree(ROOT / "content", ws / "content")
        for name in ("studypack.yaml", "brand.yaml"):
            shutil.copy(ROOT / name, ws / name)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "studypack.cli", "serve", "--port",
                                   str(port)], cwd=ws)
        address = f"http://127.0.0.1:{port}"
        try:
            time.sleep(2.5)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=shutil.which("chromium")
                                            or "/usr/bin/chromium", args=ARGS)
                page = browser.new_page(viewport={"width": 1240, "height": 760})
                page.goto(f"{address}/?q=pakistan+relations&from=2018")
                page.locator("table.bank tbody tr").nth(0).get_by_role("checkbox").check()
                page.locator("table.bank tbody tr").nth(2).get_by_role("checkbox").check()
                page.screenshot(path=IMAGES / "workbench-bank.png")
                page.get_by_role("button", name="Add ticked to basket").click()
                page.goto(f"{address}/?topic=Water+and+Climate")
                page.get_by_role("button", name="Add all 2 matching").click()
                page.goto(f"{address}/basket")
                page.fill("input[name=title]", "Pakistan and the World")
                page.fill("input[name=edition]", "Evening batch 3 · December 2026")
                page.screenshot(path=IMAGES / "workbench-basket.png", full_page=True)
                page.get_by_role("button", name="Preview").click()
                page.wait_for_selector(".previews img", timeout=120_000)
                page.set_viewport_size({"width": 1240, "height": 640})
                page.screenshot(path=IMAGES / "workbench-preview.png")
                page.set_viewport_size({"width": 1240, "height": 900})
                page.goto(f"{address}/import")
                page.fill("textarea[name=text]", (ROOT / "tests" / "data" / "web" /
                                                  "pasted-answer.txt").read_text("utf-8"))
                page.fill("input[name=exam]", "PMS")
                page.get_by_role("button", name="Read it").click()
                page.wait_for_selector("#f-paper", timeout=60_000)
                page.fill("#f-year", "2022")
                page.screenshot(path=IMAGES / "workbench-import.png")
                browser.close()
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=30)
    print(f"Wrote four pictures to {IMAGES.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
