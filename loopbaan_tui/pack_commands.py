"""The course leader's commands: `loopbaan new-pack` and `loopbaan preview`.

Exit codes as in cli.py: 0 success, 1 the user's input is wrong (with a message on stderr).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .commands import EXIT_INPUT, EXIT_OK, _guarded
from .domain.content.new_pack import NewPackError, write_new_pack
from .domain.content.problems import printable
from .domain.roadmap.export import write_error_message
from .domain.words.messages import message

_NEW_PACK_PROBLEM = {"not_empty": "cli_new_pack_not_empty", "not_folder": "cli_new_pack_not_folder"}
"""Why `new-pack` wrote nothing: the words for it by NewPackError code."""


def _say(lang: str, key: str, **values: object) -> str:
    """A command-line message; values are made printable, so no file name can steer the terminal."""
    return message(key, lang, **{name: printable(str(value)) for name, value in values.items()})


@_guarded
def new_pack(args: argparse.Namespace) -> int:
    """Write a pack to start from (the built-in one, or a small skeleton) into a new or empty folder."""
    lang = args.lang
    target = Path(args.path).expanduser()
    language = args.source or lang
    try:
        written = write_new_pack(target, language, minimal=args.minimal)
    except NewPackError as error:
        print(_say(lang, _NEW_PACK_PROBLEM[error.code], folder=target), file=sys.stderr)
        return EXIT_INPUT
    except OSError as error:
        print(write_error_message(error, error.filename or target, lang), file=sys.stderr)
        return EXIT_INPUT
    print(_say(lang, "cli_new_pack_written", folder=target.absolute(), count=len(written)))
    print(_say(lang, "cli_new_pack_next", folder=target))
    return EXIT_OK
