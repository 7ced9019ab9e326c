"""The order the reflection mounts its other steps in, ahead of the user: the nearest first."""

from __future__ import annotations

from loopbaan_tui.ui.screens.paging import mount_order


def test_the_next_step_is_mounted_first_then_outwards() -> None:
    steps = ["kan", "wil", "waar", "hoe", "wie", "roadmap"]
    assert mount_order(steps, 0) == steps
    assert mount_order(steps, 3) == ["hoe", "wie", "waar", "roadmap", "wil", "kan"]  # Ctrl+N's step, then Ctrl+B's
    assert mount_order(steps, 5) == list(reversed(steps))
    assert mount_order([], 0) == []
