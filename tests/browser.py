"""A headless Chromium driven over the DevTools protocol, with aiohttp (which textual-serve brings):
enough to open a page, type keys, and read what a page's web sockets receive.

The served app draws on a canvas, so there is no text in the page to read; what the terminal is
sent (Textual's output, escape sequences and all) arrives over the page's web socket, and the
protocol reports every frame (Network.webSocketFrameReceived).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import aiohttp

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
ESCAPE = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")
KEYS = {
    "enter": ("Enter", "Enter", 13, "\r", 0),
    "tab": ("Tab", "Tab", 9, "", 0),
    "ctrl+r": ("r", "KeyR", 82, "", 2),
    "ctrl+s": ("s", "KeyS", 83, "", 2),
}
"""Special keys: DOM key, DOM code, Windows key code, the text they type, modifiers (2: Ctrl)."""


def find_chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def screen_text(raw: bytes) -> str:
    """What a terminal was sent, without its escape sequences."""
    return ESCAPE.sub("", raw.decode("utf-8", errors="replace"))


class Page:
    """One tab, attached over a flat DevTools session."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse, session: str) -> None:
        self._socket = socket
        self._session = session
        self._ids = iter(range(1, 1_000_000))
        self._replies: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.received = bytearray()
        """Everything the page's web sockets received."""
        self.requests: list[str] = []
        """Every address the page asked for (documents, scripts, fonts, sockets)."""
        self.changed = asyncio.Event()

    async def call(self, method: str, **params: object) -> dict[str, Any]:
        number = next(self._ids)
        reply: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._replies[number] = reply
        await self._socket.send_json({"id": number, "method": method, "params": params, "sessionId": self._session})
        return await asyncio.wait_for(reply, 30)

    def handle(self, note: dict[str, Any]) -> None:
        if "id" in note and note["id"] in self._replies:
            self._replies.pop(note["id"]).set_result(note.get("result", {}))
            return
        method, params = note.get("method"), note.get("params", {})
        if method == "Network.webSocketFrameReceived":
            frame = params["response"]
            data = frame["payloadData"]
            self.received += base64.b64decode(data) if frame.get("opcode") == 2 else data.encode()
            self.changed.set()
        elif method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])
        elif method == "Network.webSocketCreated":
            self.requests.append(params["url"])

    async def wait_for(self, check: Callable[[], bool], what: str, limit: float = 30) -> None:
        """Until `check()` holds (looked at after every frame received, and every tenth of a second)."""
        deadline = time.monotonic() + limit
        while not check():
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"waited {limit} s for {what}; the screen showed:\n{screen_text(self.received)[-2000:]}"
                )
            self.changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.changed.wait(), 0.1)

    def shows(self, text: str) -> bool:
        return text in screen_text(self.received)

    async def type(self, *keys: str) -> None:
        """Type text and special keys (names in KEYS) as a person would, a key at a time."""
        for key in keys:
            if key in KEYS:
                strokes = [KEYS[key]]
            else:
                strokes = [(char, f"Key{char.upper()}", ord(char.upper()), char, 0) for char in key]
            for name, code, number, text, modifiers in strokes:
                common = {"key": name, "code": code, "windowsVirtualKeyCode": number, "modifiers": modifiers}
                await self.call("Input.dispatchKeyEvent", type="keyDown", text=text, **common)
                await self.call("Input.dispatchKeyEvent", type="keyUp", **common)


@contextlib.asynccontextmanager
async def open_page(chromium: str, url: str, profile: Path) -> AsyncIterator[Page]:
    """Start headless Chromium, open `url` in a tab, and stop it all afterwards."""
    browser = subprocess.Popen(
        [
            chromium,
            "--headless",
            "--no-sandbox",  # as root (CI) Chromium refuses to start otherwise
            "--disable-gpu",
            "--disable-dev-shm-usage",  # containers often have a tiny /dev/shm
            "--no-first-run",
            "--remote-debugging-port=0",
            f"--user-data-dir={profile}",
            "--window-size=1200,800",
            "about:blank",
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        address = await asyncio.wait_for(asyncio.to_thread(_devtools_address, browser), 30)
        async with aiohttp.ClientSession() as client, client.ws_connect(address, max_msg_size=0) as socket:
            page = await _attach(socket)
            reader = asyncio.create_task(_read(socket, page))
            try:
                await page.call("Network.enable")
                await page.call("Page.navigate", url=url)
                yield page
            finally:
                reader.cancel()
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(browser.pid, signal.SIGTERM)
        try:
            browser.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(browser.pid, signal.SIGKILL)
            browser.wait()


def _devtools_address(browser: subprocess.Popen[bytes]) -> str:
    stream = browser.stderr
    assert stream is not None
    for line in stream:
        text = line.decode(errors="replace")
        if text.startswith("DevTools listening on "):
            # Keep reading Chromium's chatter so that it never blocks on a full pipe.
            threading.Thread(target=lambda: [None for _ in stream], daemon=True).start()
            return text.removeprefix("DevTools listening on ").strip()
    raise AssertionError(f"Chromium stopped before it listened (exit {browser.wait()})")


async def _attach(socket: aiohttp.ClientWebSocketResponse) -> Page:
    await socket.send_json({"id": 1, "method": "Target.getTargets"})
    targets = await _reply(socket, 1)
    target = next(t["targetId"] for t in targets["targetInfos"] if t["type"] == "page")
    await socket.send_json(
        {"id": 2, "method": "Target.attachToTarget", "params": {"targetId": target, "flatten": True}}
    )
    attached = await _reply(socket, 2)
    return Page(socket, attached["sessionId"])


async def _reply(socket: aiohttp.ClientWebSocketResponse, number: int) -> dict[str, Any]:
    async for message in socket:
        note = json.loads(message.data)
        if note.get("id") == number:
            result: dict[str, Any] = note["result"]
            return result
    raise AssertionError("Chromium closed the DevTools connection")


async def _read(socket: aiohttp.ClientWebSocketResponse, page: Page) -> None:
    async for message in socket:
        if message.type == aiohttp.WSMsgType.TEXT:
            page.handle(json.loads(message.data))
