"""`loopbaan serve`: the app in a browser, through textual-serve, for a class workshop.

Each browser tab that opens the page gets its own `loopbaan` process (textual-serve starts one per
web socket), run with the same --content, --data-dir and --lang as `serve` was given, so the same
data folder rules hold as in a terminal. There is no login: by default the server listens on this
computer only (127.0.0.1), and answers only requests that name this computer (against DNS
rebinding) and web sockets opened by its own page (against other sites driving the app). The page
is our own template (serve_page/): it loads nothing from outside, not even a font.
"""

from __future__ import annotations

import ipaddress
import os
import shlex
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .domain.trajects.locations import data_dir
from .domain.words.messages import message

LOCAL_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
PAGE = Path(__file__).parent / "serve_page"
"""Our page template (textual-serve's own loads a font from the internet)."""
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


@dataclass(frozen=True)
class ServeOptions:
    """What `loopbaan serve` was asked for."""

    content: str | None
    data_dir: str | None
    lang: str
    port: int = DEFAULT_PORT
    host: str | None = None
    """None: this computer only. A name or address given with --host: every network it reaches."""


def is_loopback(host: str) -> bool:
    """True when `host` (a name or an address) is this computer only."""
    name = host.strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def app_command(options: ServeOptions, python: str = sys.executable, *, windows: bool = os.name == "nt") -> str:
    """The shell command textual-serve runs for each browser tab: this loopbaan, same options, the data
    folder made absolute (so every tab uses the one folder, wherever the process starts)."""
    words = [
        python,
        "-m",
        "loopbaan_tui",
        "--lang",
        options.lang,
        "--data-dir",
        str(data_dir(options.data_dir).resolve()),
    ]
    if options.content:
        words += ["--content", str(Path(options.content).resolve())]
    return subprocess.list2cmdline(words) if windows else shlex.join(words)


def host_allowed(header_host: str, *, bound_to_loopback: bool) -> bool:
    """May a request with this Host header be answered? On a loopback server only when it names this
    computer: a web page elsewhere whose name was pointed at 127.0.0.1 (DNS rebinding) gets nothing."""
    if not bound_to_loopback:
        return True
    bracketed = header_host.startswith("[")  # [::1]:8000
    return is_loopback(header_host[1:].partition("]")[0] if bracketed else header_host.partition(":")[0])


def origin_allowed(origin: str | None, header_host: str) -> bool:
    """May a web socket be opened? Only by our own page (same host and port); a browser always sends
    the Origin of the page that opens it, so another site open in the same browser is refused."""
    if origin is None:
        return True  # not a browser (a browser always sends it)
    scheme, _, rest = origin.partition("://")
    return scheme in ("http", "https") and rest == header_host


def page_words(lang: str) -> dict[str, str]:
    """The page's own few words (shown before the app starts and after it ends)."""
    return {
        "start": message("serve_page_start", lang),
        "ended": message("serve_page_ended", lang),
        "restart": message("serve_page_restart", lang),
    }


def pack_problems(options: ServeOptions) -> list[str]:
    """What is wrong with the pack every tab would load (checked once, before anyone connects)."""
    from .starting_pack import starting_pack

    return starting_pack(options.content, options.lang)[2]


def serve(options: ServeOptions) -> int:
    """Serve until Ctrl+C; 0 then, 1 when the pack is wrong or the port cannot be opened."""
    problems = pack_problems(options)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    try:  # first see that the port is free, so that "loopbaan runs at ..." is never said in vain
        with socket.create_server((options.host or LOCAL_HOST, options.port)):
            pass
        from .serve_server import LoopbaanServer  # aiohttp is heavy: imported for `serve` only

        LoopbaanServer(options).serve()
    except OSError as error:
        reason = error.strerror or str(error)
        print(message("serve_cannot_listen", options.lang, port=options.port, reason=reason), file=sys.stderr)
        return 1
    return 0
