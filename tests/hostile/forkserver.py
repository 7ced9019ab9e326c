"""Start `loopbaan` in a pseudo-terminal without a new interpreter each time: a fork server.

A fresh `python -m loopbaan_tui.cli` spends ~0.5 CPU-s importing Textual and the app before it draws
anything, in every pty test (~20 starts a run, 2 in some tests). One server per test process imports
what the app imports before its first frame (`PRELOAD`), once, and forks a copy of itself for each
start. The copy becomes what `python -m loopbaan_tui.cli ARGS` (or `python SCRIPT ARGS`) would be: its
own session with the pty as controlling terminal and as stdin/stdout/stderr, the test's environment
and working folder, `sys.argv` and `sys.path[0]` as Python sets them, the module run as `__main__`
by runpy, and the normal interpreter exit (atexit, threads joined, streams flushed). What it does
not redo is reading the same files into the same modules. The app's own lazy imports (the import
ahead of the first open, later screens) are still made by the app: only PRELOAD is preloaded.

Textual reads its TEXTUAL_* variables when imported, so a start whose TEXTUAL_* differ from the
server's gets a fresh interpreter (`forks`), and so does every start when LOOPBAAN_TEST_FRESH=1.

The server forks a watcher per start, which forks the app, says its pid and, when it ends, its exit
code (negative: the signal that ended it), as subprocess.Popen.returncode does. POSIX only.
"""

from __future__ import annotations

import array
import atexit
import contextlib
import fcntl
import json
import os
import select
import socket
import subprocess
import sys
import termios
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRELOAD = (
    "loopbaan_tui.cli",
    "loopbaan_tui.cli_parser",
    "loopbaan_tui.ui.launch",
    "loopbaan_tui.starting_pack",
    "loopbaan_tui.domain.content.loader",
    "loopbaan_tui.ui.app",
    "loopbaan_tui.ui.screens.start",
    "textual.drivers.linux_driver",
)
"""What `loopbaan` imports before its first frame (loopbaan_tui/ui/launch.py: the pack's loader, the app,
the start screen, Textual's terminal driver). Not what the app imports later, on its own (the import
ahead of the first open, app.import_ahead; later screens): that it still does itself."""
FRESH_ENV = "LOOPBAAN_TEST_FRESH"
"""Set to 1: every pty test starts a fresh interpreter, as before the fork server."""
_MESSAGE = 1 << 20


class Forked:
    """A started app, as much of subprocess.Popen as the pty tests use: pid, poll, wait, returncode."""

    def __init__(self, pid: int, reply: socket.socket) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self._reply = reply

    def _read(self, timeout: float | None) -> None:
        if self.returncode is not None:
            return
        ready, _, _ = select.select([self._reply], [], [], timeout)
        if ready:
            said = self._reply.recv(64)
            # b"": the watcher is gone without a word (it was killed): the app cannot be waited for
            self.returncode = int(said.split()[1]) if said.startswith(b"exit ") else -9
            self._reply.close()

    def poll(self) -> int | None:
        self._read(0)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        self._read(timeout)
        if self.returncode is None:
            raise subprocess.TimeoutExpired(f"loopbaan (pid {self.pid})", timeout or 0)
        return self.returncode


class _Client:
    """The test process's end of its server (started at the first fork)."""

    def __init__(self) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.env = {**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm-256color"}
        self.process = subprocess.Popen(
            [sys.executable, __file__, str(theirs.fileno())],
            pass_fds=[theirs.fileno()],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=self.env,
            cwd=ROOT,
        )
        theirs.close()
        self.socket = ours
        atexit.register(self.stop)

    def stop(self) -> None:
        """Let the server end once its apps have (it waits for them), and wait for it: so that its CPU
        time, and its apps', is counted in this process's children's, and nothing is left behind."""
        self.socket.close()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def start(self, command: Sequence[str], env: Mapping[str, str], cwd: Path, terminal: int) -> Forked:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        request = json.dumps({"command": list(command), "env": dict(env), "cwd": str(cwd)}).encode()
        socket.send_fds(self.socket, [request], [terminal, theirs.fileno()])
        theirs.close()
        ready, _, _ = select.select([ours], [], [], 10)
        said = ours.recv(64) if ready else b""
        assert said.startswith(b"pid "), f"the fork server did not start the app ({said!r})"
        return Forked(int(said.split()[1]), ours)


_client: _Client | None = None


def _textual(env: Mapping[str, str]) -> dict[str, str]:
    return {key: value for key, value in env.items() if key.startswith("TEXTUAL_")}


def forks(env: Mapping[str, str]) -> bool:
    """Whether a start with this environment can go through the fork server: POSIX, not switched off
    (FRESH_ENV), and the TEXTUAL_* variables the server imported Textual with (this process's)."""
    return sys.platform != "win32" and not os.environ.get(FRESH_ENV) and _textual(env) == _textual(os.environ)


def prestart() -> None:
    """Start the server now (it imports for ~0.5 s while other tests run), not at the first pty test."""
    global _client
    running = _client is not None and _client.process.poll() is None
    if sys.platform != "win32" and not os.environ.get(FRESH_ENV) and not running:
        _client = _Client()


def start(command: Sequence[str], env: Mapping[str, str], cwd: Path, terminal: int) -> Forked:
    """`command` ([python, -m, module, args...] or [python, script, args...]) in the terminal (the
    pty's slave end: it becomes the app's controlling terminal), as a fork of the server."""
    prestart()
    assert _client is not None
    return _client.start(command, env, cwd, terminal)


# --- the server --------------------------------------------------------------------------------------


def _become_app(request: dict[str, object], terminal: int) -> None:
    """In the forked app: the terminal, environment, folder and argv of the command; then run it."""
    import runpy

    os.setsid()
    fcntl.ioctl(terminal, termios.TIOCSCTTY, 0)
    for fd in (0, 1, 2):
        os.dup2(terminal, fd)
    os.close(terminal)
    env = request["env"]
    assert isinstance(env, dict)
    os.environ.clear()
    os.environ.update(env)
    cwd = str(request["cwd"])
    os.chdir(cwd)
    # The streams Python makes at a start, over the terminal now on 0, 1 and 2 (Textual writes to
    # sys.__stderr__ and reads sys.__stdin__): line-buffered text, as for a terminal.
    encoding = sys.stdout.encoding
    stdin = open(0, encoding=encoding, closefd=False)  # noqa: SIM115
    stdout = open(1, "w", encoding=encoding, closefd=False, buffering=1)  # noqa: SIM115
    stderr = open(2, "w", encoding=encoding, errors="backslashreplace", closefd=False, buffering=1)  # noqa: SIM115
    sys.stdin, sys.stdout, sys.stderr = stdin, stdout, stderr
    sys.__stdin__, sys.__stdout__, sys.__stderr__ = stdin, stdout, stderr  # type: ignore[misc]
    command = request["command"]
    assert isinstance(command, list)
    if command[1] == "-m":  # python -m MODULE ARGS
        sys.argv = [command[2], *command[3:]]
        sys.path[0] = cwd
        runpy.run_module(command[2], run_name="__main__", alter_sys=True)
    else:  # python SCRIPT ARGS
        sys.argv = command[1:]
        sys.path[0] = str(Path(command[1]).resolve().parent)
        runpy.run_path(command[1], run_name="__main__")


def _watch(request: dict[str, object], terminal: int, reply: socket.socket) -> None:
    """In the watcher: fork the app, say its pid, wait for it, say its exit code; never returns."""
    pid = os.fork()
    if pid == 0:
        reply.close()
        _become_app(request, terminal)
        sys.exit(0)  # the module ran to its end without sys.exit, as `python -m` exits then
    os.close(terminal)
    reply.send(b"pid %d" % pid)
    _, status = os.waitpid(pid, 0)
    with contextlib.suppress(OSError):
        reply.send(b"exit %d" % os.waitstatus_to_exitcode(status))
    os._exit(0)


def serve(server: socket.socket) -> None:
    """Answer each request with a forked app, until the test process closes its end."""
    sys.path[0] = str(ROOT)
    for module in PRELOAD:
        __import__(module)
    while True:
        fds = array.array("i")
        message, ancillary, _, _ = server.recvmsg(_MESSAGE, socket.CMSG_LEN(2 * fds.itemsize))
        if not message:  # the test process is done: wait for the watchers (each waits for its app)
            with contextlib.suppress(ChildProcessError):
                while True:
                    os.waitpid(-1, 0)
            return
        for level, kind, data in ancillary:
            if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                fds.frombytes(data[: len(data) - len(data) % fds.itemsize])
        terminal, reply_fd = fds
        if os.fork() == 0:
            server.close()
            _watch(json.loads(message), terminal, socket.socket(fileno=reply_fd))
        os.close(terminal)
        os.close(reply_fd)
        with contextlib.suppress(ChildProcessError):
            while os.waitpid(-1, os.WNOHANG)[0]:
                pass


if __name__ == "__main__":
    serve(socket.socket(fileno=int(sys.argv[1])))
