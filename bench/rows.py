"""The table every benchmark prints: rows of app, yardstick, paired ratio, target, verdict."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.metadata import version
from statistics import median


@dataclass
class Row:
    """One line of the table."""

    figure: str
    app: str
    yardstick: str
    ratio: str
    target: str
    verdict: str


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.1f} s"


def mib(kib: float) -> str:
    return f"{kib / 1024:.1f} MiB"


@dataclass(frozen=True)
class Paired:
    """Medians of app and yardstick, and the medians of the per-pair ratios and differences."""

    app: float
    yard: float
    ratio: float
    diff: float

    @classmethod
    def of(cls, app: list[float], yard: list[float]) -> Paired:
        """Pairs where either side is missing (NaN: not seen) are left out."""
        kept = [(a, y) for a, y in zip(app, yard, strict=True) if a == a and y == y]
        if not kept:
            return cls(float("nan"), float("nan"), float("nan"), float("nan"))
        app, yard = [a for a, _ in kept], [y for _, y in kept]
        ratios = [a / y for a, y in zip(app, yard, strict=True)]
        diffs = [a - y for a, y in zip(app, yard, strict=True)]
        return cls(median(app), median(yard), median(ratios), median(diffs))


def alternate(app: Callable[[], float], yard: Callable[[], float], n: int) -> Paired:
    """Run app, yardstick, app, yardstick ... n pairs; each callable returns its own measurement."""
    apps, yards = [], []
    for _ in range(n):
        apps.append(app())
        yards.append(yard())
    return Paired.of(apps, yards)


def verdict(value: float, limit: float) -> str:
    return "ok" if value <= limit else "MISSED"


def table(rows: Iterable[Row]) -> str:
    header = Row("figure", "loopbaan", "yardstick", "ratio", "target", "verdict")
    lines = [header, *rows]
    names = ("figure", "app", "yardstick", "ratio", "target")
    widths = [max(len(getattr(r, f)) for r in lines) for f in names]

    def line(row: Row) -> str:
        cells = (getattr(row, f).ljust(w) for f, w in zip(names, widths, strict=True))
        return "| " + " | ".join(cells) + f" | {row.verdict} |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|---|"
    return "\n".join([line(header), rule, *(line(r) for r in lines[1:])])


def run_line(rows: int, started: float, quick: bool) -> str:
    """The line under a table: how many rows in how long, and what machine and versions measured them."""
    return (
        f"{rows} rows in {time.perf_counter() - started:.0f} s; python {sys.version.split()[0]}, "
        f"textual {version('textual')}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; "
        f"{'--quick: sizes too small to mean anything' if quick else 'full run'}"
    )
