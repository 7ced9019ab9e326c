"""How the hostile tests pick their slow part: `pytest -m slow`, or LOOPBAAN_SLOW=1 with any selection.

Import the fixture into a test module (`from hostile.slow import slow_only_when_asked`); tests
marked `@pytest.mark.slow` there are skipped unless asked for, so the default run stays quick.
"""

from __future__ import annotations

import os

import pytest

SLOW_ENV = "LOOPBAAN_SLOW"


def slow_requested(config: pytest.Config) -> bool:
    return bool(os.environ.get(SLOW_ENV)) or "slow" in (config.option.markexpr or "")


@pytest.fixture(autouse=True)
def slow_only_when_asked(request: pytest.FixtureRequest) -> None:
    """Skip a test marked slow unless `-m slow` or LOOPBAAN_SLOW=1 asked for the slow ones."""
    if request.node.get_closest_marker("slow") is not None and not slow_requested(request.config):
        pytest.skip(f"slow: run with -m slow or {SLOW_ENV}=1")
