"""No network, proven: any socket use raises, and the audit hook records it even from C code.

Import the fixture into a test module (`from hostile.network import no_network_fixture`), then
ask for `no_network`: the list of what was tried (empty, or the test fails).
"""

from __future__ import annotations

import socket
import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest

_NETWORK_EVENTS = {
    "socket.connect",
    "socket.bind",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
    "socket.sendto",
    "socket.sendmsg",
    "urllib.Request",
    "http.client.connect",
    "ftplib.connect",
    "smtplib.connect",
    "webbrowser.open",
}
_watching = threading.Event()
_seen: list[str] = []


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not _watching.is_set():
        return
    internet = event == "socket.__new__" and len(args) > 1 and args[1] in (socket.AF_INET, socket.AF_INET6)
    if event in _NETWORK_EVENTS or internet:
        _seen.append(f"{event}{args!r}"[:200])


sys.addaudithook(_audit)  # hooks cannot be removed: this one does nothing unless a test watches


@pytest.fixture(name="no_network")
def no_network_fixture(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Any network use fails loudly (socket functions raise) and is recorded (audit events, C code too)."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("loopbaan tried to use the network")

    real_init = socket.socket.__init__

    def guarded_init(self: socket.socket, family: int = -1, *args: Any, **kwargs: Any) -> None:
        if family in (socket.AF_INET, socket.AF_INET6):
            refuse()
        real_init(self, family, *args, **kwargs)

    for name in (
        "create_connection",
        "getaddrinfo",
        "gethostbyname",
        "gethostbyname_ex",
        "gethostbyaddr",
        "create_server",
    ):
        monkeypatch.setattr(socket, name, refuse)
    monkeypatch.setattr(socket.socket, "__init__", guarded_init)
    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    _seen.clear()
    _watching.set()
    try:
        yield _seen
    finally:
        _watching.clear()
