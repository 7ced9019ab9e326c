"""The roadmap with the paths that fit the answers best (on request): golden files, and private stays private."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from apps import pack_of
from golden_files import assert_golden

from loopbaan_tui.domain.content.examples import load_example
from loopbaan_tui.domain.roadmap import export
from loopbaan_tui.domain.roadmap.roadmap import build_markdown

TODAY = date(2026, 3, 6)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_roadmap_names_the_best_fitting_paths_with_reasons_when_asked(language: str) -> None:
    pack, traject = pack_of(language), load_example(language, "ervaren")
    plain = build_markdown(pack, traject, today=TODAY)
    with_fit = build_markdown(pack, traject, today=TODAY, include_fit=True)
    assert pack.text("doc_fit") not in plain
    assert_golden(f"fit-{language}-ervaren.md", with_fit)
    paths, fit, ahead = (with_fit.index(pack.text(k)) for k in ("doc_paths", "doc_fit", "doc_ahead"))
    assert paths < fit < ahead  # right after the chosen paths with the user's own reasons
    section = with_fit[fit : with_fit.index("\n## ", fit + 1)]
    assert section.count("\n- **") == 3
    html = export.render(pack, traject, "html", today=TODAY, include_fit=True)
    assert pack.text("doc_fit") in html


def test_a_private_answer_gives_no_reason_in_the_roadmap() -> None:
    pack, traject = pack_of("nl"), load_example("nl", "ervaren")
    private = replace(traject, private={"wil-motieven", "kan-rollen", "wil-behouden", "wil-balans"})
    assert pack.text("doc_fit") not in build_markdown(pack, private, today=TODAY, include_fit=True)
    shown = build_markdown(pack, private, today=TODAY, include_fit=True, include_private=True)
    assert pack.text("doc_fit") in shown
