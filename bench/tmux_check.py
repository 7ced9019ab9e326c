"""The same figures once more in a real terminal multiplexer (tmux), to confirm the pty harness.

    .venv/bin/python bench/tmux_check.py            # about a minute; needs tmux
    .venv/bin/python bench/tmux_check.py --pairs 3

tmux draws the app into its own screen; this script polls that screen (`tmux capture-pane -p`)
every POLL seconds and times when it first shows what is waited for:

- first paint: `tmux new-session -d -x 80 -y 24 CMD` until the pane shows the start screen's list
  (loopbaan) or the stock app's text (`stock.py screens`: a Static in a stock app, the nearest
  to the empty app that shows a word). Alternating, paired median ratio.
- step switch: in an open traject (steps mounted), `tmux send-keys C-n` until the next step's
  pane changes and then stays the same for QUIET seconds (settled); the yardstick
  is Ctrl+N in the stock two-screen app.
- key echo: `send-keys` of a letter at the end of a long answer until the pane shows it, against
  the bare TextArea (stock.py textarea).

Polling costs a process per poll, so the times are coarser (±POLL) than the pty harness's and the
machine is busier; ratios are what to compare. See bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import echo
import seen
import workload
from rows import Row, ms, table, verdict
from seen import LIST_SHOWN, STOCK, Pairs, ratio_cell

POLL = 0.005
QUIET = 0.25
COLS, ROWS = 80, 24


class Pane:
    """One tmux session of COLS x ROWS running a command (its own server socket, not the user's)."""

    made = 0

    def __init__(self, command: Sequence[str], socket: str) -> None:
        self.socket = socket
        Pane.made += 1
        self.name = f"bench{Pane.made}"
        env = " ".join(f"{k}={v}" for k, v in (("TERM", "xterm-256color"), ("COLORTERM", "truecolor")))
        line = " ".join(_quote(part) for part in command)
        self.started = time.perf_counter()
        self._tmux("new-session", "-d", "-s", self.name, "-x", str(COLS), "-y", str(ROWS), f"env {env} {line}")

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False)
        return done.stdout

    def text(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.name)

    def send(self, *keys: str) -> float:
        at = time.perf_counter()
        self._tmux("send-keys", "-t", self.name, *keys)
        return at

    def wait(self, test: Callable[[str], bool], timeout: float = 30.0) -> float:
        """Poll until `test(pane text)`; the time it first held."""
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            now = time.perf_counter()
            if test(self.text()):
                return now
            time.sleep(POLL)
        raise RuntimeError(f"tmux pane never showed what was waited for:\n{self.text()}")

    def settle(self) -> float:
        """Poll until the pane stays the same for QUIET seconds; when it last changed."""
        last, changed = self.text(), time.perf_counter()
        while time.perf_counter() - changed < QUIET:
            time.sleep(POLL)
            now, text = time.perf_counter(), self.text()
            if text != last:
                last, changed = text, now
        return changed

    def kill(self) -> None:
        self._tmux("kill-session", "-t", self.name)


def _quote(part: str) -> str:
    return "'" + part.replace("'", "'\\''") + "'"


def first_paint(pairs: int, data: Path, socket: str) -> Row:
    result = Pairs()
    commands = ([*seen.LOOPBAAN, "--data-dir", str(data)], [sys.executable, str(STOCK), "screens"])
    for n in range(pairs + 1):
        times = []
        for command, marker in zip(commands, (LIST_SHOWN, "screen a"), strict=True):
            pane = Pane(command, socket)
            try:
                times.append(pane.wait(lambda text, m=marker: m in text) - pane.started)
            finally:
                pane.kill()
        if n:  # the first pair warms the caches
            result.add(times[0], times[1], 0)
    paired = result.paired()
    return Row(
        "tmux: first paint, start screen 80x24, against a stock app's first screen",
        ms(paired.app),
        ms(paired.yard),
        ratio_cell(result),
        "<= 1.25x",
        verdict(paired.ratio, 1.25),
    )


def step_switch(rounds: int, data: Path, headings: Sequence[str], socket: str) -> Row:
    result = Pairs()
    app = Pane([*seen.LOOPBAAN, "--data-dir", str(data)], socket)
    yard = Pane([sys.executable, str(STOCK), "screens"], socket)
    try:
        app.wait(lambda text: LIST_SHOWN in text)
        app.settle()
        app.send("Enter")
        app.wait(lambda text: seen.STEP_ONE in text)
        time.sleep(5)  # the other steps mount in the background
        yard.wait(lambda text: "screen a" in text)
        for n in range(rounds):
            if n % len(headings) == 0 and n:
                app.send("F5")
                app.settle()
            before = app.text()
            at = app.send("C-n")
            # the step's heading may never be drawn: a step is drawn at once scrolled to its first
            # field, and a long intro puts the heading above it; so: the pane changed, then settled
            app.wait(lambda text, b=before: text != b)
            mine = app.settle() - at
            at = yard.send("C-n")
            yard.wait(lambda text, s="ba"[n % 2]: f"screen {s}" in text)
            result.add(mine, yard.settle() - at, 0)
    finally:
        app.kill()
        yard.kill()
    paired = result.paired()
    return Row(
        "tmux: step switch (Ctrl+N), key to settled, against two empty screens",
        ms(paired.app),
        ms(paired.yard),
        ratio_cell(result, diff=True),
        "<= +16 ms",
        verdict(paired.diff, 0.016),
    )


def key_echo(keys: int, work: Path, socket: str) -> Row:
    pack = workload.builtin_pack()
    data, text_file = echo._case(work, pack, 1000)
    width, height = echo.editor_size(data)
    app = Pane([*seen.LOOPBAAN, "--data-dir", str(data)], socket)
    yard = Pane([sys.executable, str(STOCK), "textarea", str(text_file), str(width), str(height)], socket)
    result = Pairs()
    typed = ""
    try:
        app.wait(lambda text: LIST_SHOWN in text)
        app.settle()
        app.send("Enter")
        app.wait(lambda text: seen.STEP_ONE in text)
        time.sleep(5)
        yard.wait(lambda text: len(text.strip()) > 0)
        for n in range(keys):
            char = "abcdefghij"[n % 10]
            typed = (typed + char)[-4:]
            times = []
            for pane in (app, yard):
                at = pane.send("-l", char)
                times.append(pane.wait(lambda text, t=typed: t in text.replace("\n", "")) - at)
                time.sleep(0.05)
            result.add(times[0], times[1], 0)
    finally:
        app.kill()
        yard.kill()
    paired = result.paired()
    return Row(
        "tmux: key echo, 1,000 words, against a bare TextArea",
        ms(paired.app),
        ms(paired.yard),
        ratio_cell(result),
        "<= 1.1x",
        verdict(paired.ratio, 1.1),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="confirm the pty figures in tmux (see bench/README.md)")
    parser.add_argument("--pairs", type=int, default=8)
    args = parser.parse_args(argv)
    if shutil.which("tmux") is None:
        parser.error("tmux is not installed")
    started = time.perf_counter()
    socket = f"loopbaan-bench-{os.getpid()}"
    with tempfile.TemporaryDirectory(prefix="loopbaan-tmux-") as temp:
        work = Path(temp)
        pack = workload.builtin_pack()
        data = workload.data_folder(work / "data", pack)
        one = workload.data_folder(work / "one", pack, trajecten=1)
        headings = [section.question for section in pack.sections[1:5]]
        try:
            rows = [
                first_paint(args.pairs, data, socket),
                step_switch(args.pairs, one, headings, socket),
                key_echo(args.pairs * 2, work, socket),
            ]
        finally:
            subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True, check=False)
    print(table(rows))
    print(f"\n{len(rows)} rows in {time.perf_counter() - started:.0f} s; tmux polled every {POLL * 1000:.0f} ms")
    print(f"measured: {seen.measured_package()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
