"""Screenshots of the demo site for the README: run `.venv/bin/python scripts/screenshots.py`.

Builds the demo as of a fixed date, serves it on localhost and photographs a notice on a
desktop and an older version on a phone, with Debian's Chromium.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import threading
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
AS_OF = "2026-11-22"
SHOTS = {
    "notice-desktop.png": ("notice-of-privacy-practices/", {"width": 1280, "height": 800}),
    "archived-version-phone.png": (
        "notice-of-privacy-practices/2024-07-01/",
        {"width": 390, "height": 844},
    ),
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def main() -> None:
    site = ROOT / ".cache" / "screenshot-site"
    notices = ROOT / ".venv" / "bin" / "notices"
    subprocess.run([notices, "build", "-q", "--as-of", AS_OF, "-d", site], check=True, cwd=ROOT)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        for name, (path, viewport) in SHOTS.items():
            page = browser.new_page(viewport=viewport)  # type: ignore[arg-type]
            page.goto(base + path, wait_until="networkidle")
            page.screenshot(path=str(OUT / name))
            print(OUT / name)
        browser.close()
    server.shutdown()
    server.server_close()


if __name__ == "__main__":
    main()
