"""The course leader's commands: `loopbaan new-pack`, `loopbaan preview` and `loopbaan check NEW --against OLD`.

Exit codes as in cli.py: 0 success, 1 the user's input is wrong (with a message on stderr).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .commands import EXIT_INPUT, EXIT_OK, FORMAT_OF_SUFFIX, _guarded, _to_stdout
from .domain.content import builtin
from .domain.content.loader import load_pack
from .domain.content.model import Pack
from .domain.content.new_pack import NewPackError, write_new_pack
from .domain.content.pack_diff import compare_packs
from .domain.content.preview import render_preview
from .domain.content.problems import printable
from .domain.roadmap.export import write_error_code, write_error_message, write_new_file
from .domain.words.messages import message

_NEW_PACK_PROBLEM = {"not_empty": "cli_new_pack_not_empty", "not_folder": "cli_new_pack_not_folder"}
"""Why `new-pack` wrote nothing: the words for it by NewPackError code."""


def _say(lang: str, key: str, **values: object) -> str:
    """A command-line message; values are made printable, so no file name can steer the terminal."""
    return message(key, lang, **{name: printable(str(value)) for name, value in values.items()})


@_guarded
def new_pack(args: argparse.Namespace) -> int:
    """Write a pack to start from (the built-in one, a small skeleton, or a small pack extending the
    built-in one) into a new or empty folder."""
    lang = args.lang
    target = Path(args.path).expanduser()
    language = args.source or lang
    try:
        written = write_new_pack(target, language, minimal=args.minimal, extends=args.extends)
    except NewPackError as error:
        print(_say(lang, _NEW_PACK_PROBLEM[error.code], folder=target), file=sys.stderr)
        return EXIT_INPUT
    except OSError as error:
        print(write_error_message(error, error.filename or target, lang), file=sys.stderr)
        return EXIT_INPUT
    print(_say(lang, "cli_new_pack_written", folder=target.absolute(), count=len(written)))
    print(_say(lang, "cli_new_pack_next", folder=target))
    return EXIT_OK


def pack_folder_of(name: str) -> Path:
    """A pack named on the command line: a folder, or a built-in language ("nl", "en") when no such folder exists."""
    folder = Path(name).expanduser()
    return builtin.pack_folder(name) if name in builtin.LANGUAGES and not folder.exists() else folder


def loaded_pack(folder: Path, lang: str) -> Pack | None:
    """The pack in `folder`, or None after printing its problems (one line each) on stderr."""
    result = load_pack(folder)
    if result.pack is None:
        for problem in result.problems:
            print(problem.render(lang), file=sys.stderr)
        print(_say(lang, "cli_preview_pack_problems", folder=folder), file=sys.stderr)
    return result.pack


@_guarded
def preview(args: argparse.Namespace) -> int:
    """Write what one profile sees of a pack (md or html) to the screen or --out; never overwrite without --force."""
    lang = args.lang
    pack = loaded_pack(pack_folder_of(args.path), lang)
    if pack is None:
        return EXIT_INPUT
    if pack.profile(args.profile) is None:
        known = ", ".join(f"'{p.id}'" for p in pack.profiles)
        print(_say(lang, "cli_preview_profile_unknown", profile=args.profile, profiles=known), file=sys.stderr)
        return EXIT_INPUT
    out = Path(args.out).expanduser() if args.out and args.out != "-" else None
    fmt = args.format or (FORMAT_OF_SUFFIX.get(out.suffix.lower()) if out else None) or "md"
    text = render_preview(pack, args.profile, fmt)
    if out is None:
        return _to_stdout(text)
    try:
        write_new_file(out, text, overwrite=args.force)
    except OSError as error:
        print(write_error_message(error, out, lang), file=sys.stderr)
        if write_error_code(error) == "exists":
            print(_say(lang, "cli_exists_hint"), file=sys.stderr)
        return EXIT_INPUT
    print(_say(lang, "cli_preview_written", path=out.absolute()))
    return EXIT_OK


@_guarded
def check_against(args: argparse.Namespace) -> int:
    """`check NEW --against OLD`: NEW checked as `check` does, then the changes that touch answers given
    with OLD, one line each; 0 when there are none, 1 when there are (or when either pack has problems)."""
    from .cli import check
    from .terminal import Printer

    lang = args.lang
    new_folder, old_folder = Path(args.path).expanduser(), pack_folder_of(args.against)
    if check(new_folder, lang) != EXIT_OK:
        return EXIT_INPUT
    old = load_pack(old_folder).pack
    if old is None:
        check(old_folder, lang)
        print(_say(lang, "cli_against_old_problems", folder=old_folder), file=sys.stderr)
        return EXIT_INPUT
    new = load_pack(new_folder).pack
    assert new is not None  # it passed the check just now
    changes = compare_packs(new, old, new_shown=new_folder, old_shown=old_folder)
    out = Printer(sys.stdout)
    for change in changes:
        out.problem(change, lang)
    if not changes:
        out.line(_say(lang, "cli_against_none", old=old_folder), "green")
        return EXIT_OK
    found = "cli_against_found_one" if len(changes) == 1 else "cli_against_found"
    Printer(sys.stderr).line(_say(lang, found, count=len(changes), old=old_folder), "bold")
    return EXIT_INPUT
