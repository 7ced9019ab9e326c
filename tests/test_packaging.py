"""The wheel carries the built-in packs, and an installed copy finds them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import tomllib
import zipfile
from pathlib import Path

import pytest

from loopbaan_tui.domain.content.builtin import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from this checkout, offline, by the build backend itself (hatchling comes with the
    test extra; pip would build it the same way, with a second of its own start-up on top)."""
    dist = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "--target", "wheel", "--directory", str(dist)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    [built] = dist.glob("loopbaan-*.whl")
    return built


def _content_files() -> set[str]:
    """Every file of the built-in packs in the checkout, as it should appear in the wheel."""
    return {
        f"loopbaan_tui/content/{path.relative_to(ROOT / 'content').as_posix()}"
        for path in (ROOT / "content").rglob("*")
        if path.is_file() and not any(part.startswith(".") or part == "__pycache__" for part in path.parts)
    }


def test_wheel_holds_the_packs_and_nothing_else(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for language in LANGUAGES:
            pack = tomllib.loads(archive.read(f"loopbaan_tui/content/{language}/pack.toml").decode("utf-8-sig"))
            assert "pack" in pack
        entry_points = archive.read(next(n for n in names if n.endswith(".dist-info/entry_points.txt"))).decode()
    assert _content_files() <= names
    assert "loopbaan_tui/domain/content/loader.py" in names
    assert "loopbaan_tui/serve_page/app_index.html" in names  # `loopbaan serve`'s page
    assert {name.split("/")[0] for name in names} == {
        "loopbaan_tui",
        wheel.name.split("-")[0] + "-" + wheel.name.split("-")[1] + ".dist-info",
    }
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc") or "/.venv/" in n]
    assert "loopbaan = loopbaan_tui.cli:main" in entry_points


_FIND_PACKS = textwrap.dedent(
    """
    import json, tomllib
    import loopbaan_tui
    from loopbaan_tui.domain.content.builtin import content_root, pack_folder
    from loopbaan_tui.domain.content.loader import load_pack

    found = load_pack(pack_folder("nl"))
    print(json.dumps({
        "package": loopbaan_tui.__file__,
        "root": str(content_root()),
        "nl": str(pack_folder("nl")),
        "pack": tomllib.loads((pack_folder("nl") / "pack.toml").read_text(encoding="utf-8-sig"))["pack"]["id"],
        "codes": sorted({problem.code for problem in found.problems}),
    }))
    """
)


def test_installed_package_finds_the_packs(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _FIND_PACKS], capture_output=True, text=True, timeout=60, cwd=tmp_path, env=env
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert Path(found["package"]).is_relative_to(site)
    assert Path(found["root"]) == site / "loopbaan_tui" / "content"
    assert Path(found["nl"]).is_dir()
    assert found["pack"]
    # The pack is there; whether its content is right is the content tests' business.
    assert not {"folder_missing", "folder_not_dir", "folder_empty", "file_missing"} & set(found["codes"])
