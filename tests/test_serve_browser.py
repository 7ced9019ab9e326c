"""`loopbaan serve` in a real browser: headless Chromium opens the page, the start screen appears,
keys typed in the browser make a traject on disk, and the roadmap arrives as a download. Nothing the
page loads comes from elsewhere.

Chromium comes from Debian's package (`.ci/run` installs it); without it this test is skipped
locally, but never in CI.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from browser import find_chromium, open_page

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"), reason="no Chromium here (apt-get install chromium); CI has it"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(port: int, data: Path) -> subprocess.Popen[str]:
    """`loopbaan serve`, started (`wait_ready` waits until it says where it runs)."""
    return subprocess.Popen(
        [sys.executable, "-m", "loopbaan_tui", "serve", "--port", str(port), "--data-dir", str(data), "--lang", "nl"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def wait_ready(server: subprocess.Popen[str], port: int) -> None:
    assert server.stdout is not None
    first = server.stdout.readline()
    assert f"http://localhost:{port}" in first, first + server.stdout.read()


def stop(server: subprocess.Popen[str]) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def trajecten(data: Path) -> list[Path]:
    return sorted(path for path in data.glob("*.toml") if not path.name.startswith(".")) if data.is_dir() else []


def downloaded(folder: Path) -> list[Path]:
    """The downloads that have finished (Chromium writes into a .crdownload first)."""
    files = sorted(folder.iterdir()) if folder.is_dir() else []
    return [] if any(path.suffix == ".crdownload" for path in files) else files


async def test_a_browser_tab_runs_the_app_its_keys_make_a_traject_and_the_roadmap_downloads(tmp_path: Path) -> None:
    assert CHROMIUM is not None, "CI must have Chromium: .ci/run installs Debian's chromium"
    port, data, downloads = free_port(), tmp_path / "data", tmp_path / "downloads"
    server = start_server(port, data)
    try:
        base = f"http://127.0.0.1:{port}"
        # Chromium starts while the server does (each takes a second or two); the page is opened once
        # the server says it is ready.
        async with open_page(CHROMIUM, "about:blank", tmp_path / "chromium") as page:
            await asyncio.to_thread(wait_ready, server, port)
            await page.call("Page.navigate", url=base + "/")
            await page.call("Browser.setDownloadBehavior", behavior="allow", downloadPath=str(downloads))
            await page.wait_for(lambda: page.shows("Nieuw traject"), "the start screen")
            assert page.shows("Denk rustig na over je loopbaan")
            await page.call("Runtime.evaluate", expression="document.querySelector('.xterm-helper-textarea').focus()")
            await page.type("n")
            await page.wait_for(lambda: page.shows("Een nieuw traject"), "the new-traject dialog")
            # The name, Enter (on to who you are), Enter (the first profile), past the pack and the
            # route to "Beginnen", Enter.
            await page.type("Workshop", "enter", "enter", "tab", "tab", "tab", "enter")
            await page.wait_for(lambda: bool(trajecten(data)), "the traject's file")
            files = trajecten(data)
            assert len(files) == 1
            assert 'name = "Workshop"' in files[0].read_text(encoding="utf-8")
            await page.wait_for(lambda: page.shows("Enter begint een nieuwe regel"), "the first field, focused")
            await page.type("Ik leg goed uit", "ctrl+r")
            await page.wait_for(lambda: page.shows("Downloaden"), "the roadmap screen, in a browser")
            await page.type("ctrl+s")
            await page.wait_for(lambda: downloaded(downloads), "the roadmap's download")
            [roadmap] = downloaded(downloads)
            assert roadmap.name.startswith("roadmap-workshop-") and roadmap.suffix == ".md"
            assert "# Roadmap: Workshop" in roadmap.read_text(encoding="utf-8")
            assert "Ik leg goed uit" in roadmap.read_text(encoding="utf-8")
            outside = [url for url in page.requests if not url.startswith((base, f"ws://127.0.0.1:{port}"))]
            assert outside == [], outside
    finally:
        stop(server)
