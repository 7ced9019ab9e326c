"""The pack an app starts with (the terminal app, plain mode, each served tab): `--content` or the built-in
pack of the language, loaded and checked, or the lines that say why it cannot be used."""

from __future__ import annotations

from pathlib import Path

from .domain.content.builtin import pack_folder
from .domain.content.loader import load_pack
from .domain.content.model import Pack
from .domain.words.messages import message


def starting_pack(content: str | None, lang: str) -> tuple[Path, Pack | None, list[str]]:
    """(its folder, the pack or None, what to print on stderr when there is none: each problem, then
    that the app cannot start)."""
    folder = Path(content) if content else pack_folder(lang)
    result = load_pack(folder)
    if result.pack is not None:
        return folder, result.pack, []
    said = [problem.render(lang) for problem in result.problems]
    return folder, None, [*said, message("cli_app_cannot_start", lang)]
