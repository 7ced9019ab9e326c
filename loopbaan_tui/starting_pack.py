"""The pack an app starts with (the terminal app, plain mode, each served tab): `--content` or the built-in
pack of the language, loaded and checked, or the lines that say why it cannot be used."""

from __future__ import annotations

from pathlib import Path

from .domain.content.builtin import pack_folder
from .domain.content.model import Pack
from .domain.content.pack_cache import builtin_pack


def starting_pack(content: str | None, lang: str) -> tuple[Path, Pack | None, list[str]]:
    """(its folder, the pack or None, what to print on stderr when there is none: each problem, then
    that the app cannot start). The built-in pack comes from the cache when it is fresh (pack_cache.py)."""
    if content:
        from .domain.content.loader import load_pack

        folder = Path(content)
        result = load_pack(folder)
        found: Pack | tuple[object, ...] = result.pack if result.pack is not None else result.problems
    else:
        folder = pack_folder(lang)
        found = builtin_pack(lang)
    if isinstance(found, Pack):
        return folder, found, []
    from .domain.content.problems import Problem
    from .domain.words.messages import message

    said = [problem.render(lang) for problem in found if isinstance(problem, Problem)]
    return folder, None, [*said, message("cli_app_cannot_start", lang)]
