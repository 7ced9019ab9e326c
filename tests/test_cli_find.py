"""`loopbaan export NAME`: which traject a name finds, and what is said when it finds none or several."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from test_commands import PACK_FOLDER, make, run

from loopbaan_tui.domain.content.loader import load_pack
from loopbaan_tui.domain.content.model import Pack
from loopbaan_tui.domain.trajects.lookup import close_names, matching, name_key
from loopbaan_tui.domain.trajects.storage import TrajectSummary


@pytest.fixture(scope="module")
def pack() -> Pack:
    result = load_pack(PACK_FOLDER)
    assert result.pack is not None
    return result.pack


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.mark.parametrize(
    "typed",
    [
        "mijn loopbaan 2025-2026",
        "Mijn Loopbaan 2025–2026",
        "MIJN LOOPBAAN 2025 2026",
        "  mijn   loopbaan 2025 — 2026 ",
        "Mijn loopbaan 2025−2026",
    ],
)
def test_case_accents_dashes_and_spaces_do_not_matter(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path, pack: Pack, typed: str
) -> None:
    make(data, pack, "Mijn loopbaan 2025–2026")
    make(data, pack, "Loopbaan 2025 2026", hours_ago=5)  # a different name: never found by the one above
    code, _, err = run(capsys, "export", typed, "--data-dir", str(data), "--out", str(tmp_path / "r.md"))
    assert (code, err) == (0, "")
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# Roadmap: Mijn loopbaan 2025–2026 — ")


def test_accents_do_not_matter(capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path, pack: Pack) -> None:
    make(data, pack, "Zoë")
    for typed, out_name in (("Zoe", "a.md"), ("zoë", "b.md"), ("ZOË", "c.md")):
        code, _, err = run(capsys, "export", typed, "--data-dir", str(data), "--out", str(tmp_path / out_name))
        assert (code, err) == (0, ""), typed
        assert (tmp_path / out_name).read_text(encoding="utf-8").startswith("# Roadmap: Zoë — ")


def test_two_trajecten_with_one_name_are_listed_not_picked(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path, pack: Pack
) -> None:
    old = make(data, pack, "Sanne", hours_ago=48)
    new = make(data, pack, "sanne", profile="ervaren", hours_ago=1)
    code, out, err = run(capsys, "export", "Sanne", "--data-dir", str(data), "--out", str(tmp_path / "r.md"))
    assert code == 1 and out == ""
    assert not (tmp_path / "r.md").exists(), "none is exported silently"
    assert "2 trajecten" in err and "'Sanne'" in err and "id" in err
    lines = err.splitlines()
    first = next(i for i, line in enumerate(lines) if new.id in line)
    second = next(i for i, line in enumerate(lines) if old.id in line)
    assert first < second, "newest first"
    assert "Ervaren leraar" in lines[first] and "Aanstaande leraar" in lines[second]
    assert f"loopbaan export {new.id}" in err
    code, _, err = run(capsys, "--lang", "en", "export", "SANNE", "--data-dir", str(data))
    assert code == 1 and "2 trajecten" in err and "choose one by its id" in err
    # an id always selects exactly one
    for traject in (old, new):
        target = tmp_path / f"{traject.id}.md"
        code, _, err = run(capsys, "export", traject.id, "--data-dir", str(data), "--out", str(target))
        assert (code, err) == (0, "") and target.is_file()


def test_close_names_are_suggested(capsys: pytest.CaptureFixture[str], data: Path, pack: Pack) -> None:
    make(data, pack, "Mijn loopbaan 2025–2026")
    make(data, pack, "Stage groep 5")
    code, out, err = run(capsys, "export", "Loopbaan 2025 2026", "--data-dir", str(data))
    assert code == 1 and out == ""
    assert "Er is geen traject 'Loopbaan 2025 2026'" in err
    assert "Bedoel je 'Mijn loopbaan 2025–2026'?" in err and "Stage" not in err
    code, _, err = run(capsys, "export", "stage groep 6", "--lang", "en", "--data-dir", str(data))
    assert code == 1 and "Did you mean 'Stage groep 5'?" in err
    code, _, err = run(capsys, "export", "iets heel anders", "--data-dir", str(data))
    assert code == 1 and "Bedoel je" not in err and "loopbaan list" in err


def summary(name: str, hours_ago: int = 0, problem: str | None = None) -> TrajectSummary:
    moment = datetime(2025, 11, 21, tzinfo=UTC) - timedelta(hours=hours_ago)
    return TrajectSummary(
        f"{name_key(name).replace(' ', '-') or 'x'}-abc{hours_ago:03d}",
        name,
        "student",
        "nl",
        moment,
        Path("x.toml"),
        problem,
    )


def test_matching_in_the_domain() -> None:
    trajecten = [summary("Zoë", 1), summary("zoe", 2), summary("Straße", 3), summary("Kapot", 4, problem="damaged")]
    assert [s.name for s in matching(trajecten, "ZOE")] == ["Zoë", "zoe"]
    assert [s.name for s in matching(trajecten, "strasse")] == ["Straße"]
    assert matching(trajecten, "Kapot") == [], "a damaged file's name is not trusted"
    assert matching(trajecten, trajecten[3].id) == [trajecten[3]], "its id still finds it"
    assert matching(trajecten, f"  {trajecten[1].id} ") == [trajecten[1]]
    assert matching(trajecten, "") == []
    assert close_names(trajecten, "Strase") == ["Straße"]
    assert name_key("Één–op‑één\u00a0 met  Loïs") == "een op een met lois"
