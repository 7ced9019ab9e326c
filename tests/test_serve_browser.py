"""`loopbaan serve` in a real browser: headless Chromium opens the page, the start screen appears,
and keys typed in the browser make a traject on disk. Nothing the page loads comes from elsewhere.

Chromium comes from Debian's package (`.ci/run` installs it); without it this test is skipped
locally, but never in CI.
"""

from __future__ import annotations

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
    """`loopbaan serve`, waited for until it says where it runs."""
    server = subprocess.Popen(
        [sys.executable, "-m", "loopbaan_tui", "serve", "--port", str(port), "--data-dir", str(data), "--lang", "nl"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    assert server.stdout is not None
    first = server.stdout.readline()
    assert f"http://localhost:{port}" in first, first + server.stdout.read()
    return server


def stop(server: subprocess.Popen[str]) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def trajecten(data: Path) -> list[Path]:
    return sorted(path for path in data.glob("*.toml") if not path.name.startswith(".")) if data.is_dir() else []


async def test_a_browser_tab_runs_the_app_and_its_keys_make_a_traject(tmp_path: Path) -> None:
    assert CHROMIUM is not None, "CI must have Chromium: .ci/run installs Debian's chromium"
    port, data = free_port(), tmp_path / "data"
    server = start_server(port, data)
    try:
        base = f"http://127.0.0.1:{port}"
        async with open_page(CHROMIUM, base + "/", tmp_path / "chromium") as page:
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
            outside = [url for url in page.requests if not url.startswith((base, f"ws://127.0.0.1:{port}"))]
            assert outside == [], outside
    finally:
        stop(server)
