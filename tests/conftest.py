"""Shared fixtures: every test runs with its own data folder, never the developer's home."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile.slow import deselect_slow


@pytest.fixture(autouse=True)
def private_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the data folder and the platform's user folders at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("LOOPBAAN_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("HOME", str(home))
    for name, sub in (
        ("XDG_DATA_HOME", "share"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
        ("APPDATA", "appdata"),
        ("LOCALAPPDATA", "localappdata"),
    ):
        monkeypatch.setenv(name, str(home / sub))
    return home


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Slow tests run only when asked for (`-m slow`, LOOPBAAN_SLOW=1): otherwise they are deselected."""
    deselect_slow(config, items)


from loopbaan_tui.domain.trajects.storage import Store  # noqa: E402 - appended: fixtures are added at the end


@pytest.fixture
def data_store(private_folders: Path) -> Store:
    """The Store the app would use here ($LOOPBAAN_DATA_DIR), with recovery copies kept out of /tmp."""
    return Store(private_folders / "data", recovery_folders=[private_folders / "cache" / "loopbaan" / "recovery"])
