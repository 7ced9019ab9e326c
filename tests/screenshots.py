"""Several snapshots from one run of the app: each screen a person reaches in turn, compared with its
SVG in __snapshots__/, without starting the app again for every screen.

`snap_compare` (pytest-textual-snapshot) runs the app once per snapshot; opening a traject of the
built-in pack with every step mounted is most of the CPU time of such a test. `take_screenshots` runs
the app the way `snap_compare` does (`App.run(headless=True)`, as textual._doc.take_svg_screenshot)
and takes one screenshot after each group of keys, with the same waits before each as that function
has before its one. `assert_screenshots` compares them with syrupy, the snapshot library under
`snap_compare`, one SVG file per screenshot (`<test>[<name>].svg`); `pytest --snapshot-update` writes
them, and a screen that differs is written beside the test's temporary folder for a look.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from contextlib import suppress
from pathlib import Path

from pytest_textual_snapshot import SVGImageExtension
from syrupy import SnapshotAssertion
from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

Shot = tuple[str, Sequence[str]]
"""A screenshot's name, and the keys pressed just before it (after those of the screenshots before)."""


async def workers_done(app: App[object]) -> None:
    """Wait for the app's workers (those running now, as Textual's `wait_for_complete`); one the app
    cancelled (the mount-ahead, when it is no longer needed) is done too, where `wait_for_complete`
    raises WorkerCancelled for it (seen on a busy machine)."""
    for worker in list(app.workers):
        with suppress(WorkerCancelled):
            await worker.wait()


def take_screenshots(
    app: App[object],
    shots: Sequence[Shot],
    size: tuple[int, int] = (80, 24),
    run_before: Callable[[Pilot[object]], Awaitable[None]] | None = None,
) -> dict[str, str]:
    """Run `app` once: `run_before`, then per shot its keys and a screenshot (name -> SVG)."""
    taken: dict[str, str] = {}

    async def auto_pilot(pilot: Pilot[object]) -> None:
        if run_before is not None:
            await run_before(pilot)
        for name, keys in shots:
            await pilot.pause()
            await pilot.press(*keys)
            await workers_done(pilot.app)  # e.g. the roadmap preview is made on a thread
            await pilot.pause()
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            await pilot.pause()
            await pilot.wait_for_scheduled_animations()
            taken[name] = pilot.app.export_screenshot(title=pilot.app.title, simplify=True)
        pilot.app.exit()

    app.run(headless=True, size=size, auto_pilot=auto_pilot)
    assert list(taken) == [name for name, _ in shots], f"the app ended after the screenshots {list(taken)}"
    return taken


def assert_screenshots(snapshot: SnapshotAssertion, taken: dict[str, str], folder: Path) -> None:
    """Every screenshot is its snapshot; each that is not is named, and written to `folder`."""
    svg = snapshot.use_extension(SVGImageExtension)
    differ = []
    for name, screen in taken.items():  # all compared, so that --snapshot-update writes all
        same = svg(name=name) == screen
        if not same:
            differ.append(name)
            (folder / f"{name}.svg").write_text(screen, encoding="utf-8")
    assert not differ, f"these screens differ from their snapshot: {differ}; what they show now is in {folder}"
