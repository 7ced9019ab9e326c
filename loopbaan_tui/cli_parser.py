"""The `loopbaan` command line's parser: argparse, speaking the language asked for (cli.py uses it for
everything but the plain start of the app, which it reads itself)."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from typing import Any, NoReturn

from . import __version__
from .domain.content.builtin import DEFAULT_LANGUAGE, LANGUAGES
from .domain.words.messages import message, phrase

EXIT_USAGE = 2

ARGPARSE_PHRASES = {
    "argparse_usage": "usage: ",
    "argparse_error": "%(prog)s: error: %(message)s\n",
    "argparse_positionals": "positional arguments",
    "argparse_options": "options",
    "argparse_help": "show this help message and exit",
    "argparse_argument": "argument %(argument_name)s: %(message)s",
    "argparse_required": "the following arguments are required: %s",
    "argparse_one_of": "one of the arguments %s is required",
    "argparse_unrecognized": "unrecognized arguments: %s",
    "argparse_invalid_choice": "invalid choice: %(value)r (choose from %(choices)s)",
    "argparse_invalid_value": "invalid %(type)s value: %(value)r",
    "argparse_unknown_parser": "unknown parser %(parser_name)r (choices: %(choices)s)",
    "argparse_expected_one": "expected one argument",
    "argparse_expected_at_most_one": "expected at most one argument",
    "argparse_expected_at_least_one": "expected at least one argument",
    "argparse_expected_n": "expected %s argument",
    "argparse_expected_n_plural": "expected %s arguments",
    "argparse_ambiguous": "ambiguous option: %(option)s could match %(matches)s",
    "argparse_not_allowed": "not allowed with argument %s",
    "argparse_ignored": "ignored explicit argument %r",
    "argparse_unexpected": "unexpected option string: %s",
}
"""argparse's own English phrases (Python 3.11 and later), by the catalogue key that translates them."""


def argparse_phrases(lang: str) -> dict[str, str]:
    """argparse's English phrases mapped to `lang`, for its gettext lookups (argparse formats them with %,
    so the catalogue writes a percent sign as %%)."""
    return {english: phrase(key, lang) for key, english in ARGPARSE_PHRASES.items()}


@contextlib.contextmanager
def _argparse_words(lang: str) -> Iterator[None]:
    """argparse's own phrases ("usage: ", "the following arguments are required: %s", ...) in `lang`.

    argparse looks every phrase up through gettext (its module-level `_` and `ngettext`) at the moment
    it builds a parser, formats help or reports a mistake; for that moment the lookups use our catalogue.
    A phrase a newer Python adds and the catalogue lacks stays English.
    """
    words = argparse_phrases(lang)
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def gettext(text: str) -> str:
        return words.get(text, text) if text else text

    def ngettext(singular: str, plural: str, count: int) -> str:
        return gettext(singular if count == 1 else plural)

    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks one language throughout, and says where to read more after a mistake."""

    def __init__(self, *args: Any, lang: str = DEFAULT_LANGUAGE, **kwargs: Any) -> None:
        self.lang = lang
        with _argparse_words(lang):
            super().__init__(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with _argparse_words(self.lang):
            return super().parse_known_args(*args, **kwargs)

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        with _argparse_words(self.lang):
            return super().parse_args(*args, **kwargs)

    def format_usage(self) -> str:
        with _argparse_words(self.lang):
            return super().format_usage()

    def format_help(self) -> str:
        with _argparse_words(self.lang):
            return super().format_help()

    def error(self, problem: str) -> NoReturn:
        self.print_usage(sys.stderr)
        words = {"prog": self.prog, "message": problem}
        with _argparse_words(self.lang):
            text = argparse._("%(prog)s: error: %(message)s\n") % words  # type: ignore[attr-defined]
        self.exit(EXIT_USAGE, text + message("cli_more_help", self.lang, prog=self.prog) + "\n")


def _common(parser: argparse.ArgumentParser, lang: str, *, suppress: bool) -> None:
    """Options that work before and after the command name."""
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS if suppress else DEFAULT_LANGUAGE,
        help=message("cli_help_lang", lang),
    )
    parser.add_argument(
        "--data-dir",
        metavar=message("cli_metavar_folder", lang),
        default=default,
        help=message("cli_help_data_dir", lang),
    )


def _content(parser: argparse.ArgumentParser, lang: str, *, suppress: bool) -> None:
    """--content, before the command name or after `list` and `export`."""
    parser.add_argument(
        "--content",
        metavar=message("cli_metavar_folder", lang),
        default=argparse.SUPPRESS if suppress else None,
        help=message("cli_help_content", lang),
    )


def build_parser(lang: str = DEFAULT_LANGUAGE) -> argparse.ArgumentParser:
    """The whole command line, its help in `lang`."""
    parser = Parser(
        prog="loopbaan",
        description=message("cli_help_description", lang),
        epilog=message("cli_help_epilog", lang),
        lang=lang,
    )
    parser.add_argument(
        "--version", action="version", version=f"loopbaan {__version__}", help=message("cli_help_version", lang)
    )
    _content(parser, lang, suppress=False)
    _common(parser, lang, suppress=False)
    parser.add_argument("--plain", action="store_true", help=message("cli_help_plain", lang))
    parser.add_argument("--watch", action="store_true", help=message("cli_help_watch", lang))
    commands = parser.add_subparsers(dest="command", metavar=message("cli_metavar_command", lang))

    check = commands.add_parser(
        "check",
        help=message("cli_help_check", lang),
        lang=lang,
        description=message("cli_help_check_description", lang),
    )
    check.add_argument("path", metavar=message("cli_metavar_folder", lang), help=message("cli_help_check_path", lang))
    check.add_argument(
        "--against", metavar=message("cli_metavar_folder", lang), help=message("cli_help_check_against", lang)
    )
    _common(check, lang, suppress=True)

    listing = commands.add_parser(
        "list", help=message("cli_help_list", lang), lang=lang, description=message("cli_help_list_description", lang)
    )
    _content(listing, lang, suppress=True)
    _common(listing, lang, suppress=True)

    export = commands.add_parser(
        "export",
        help=message("cli_help_export", lang),
        lang=lang,
        description=message("cli_help_export_description", lang),
    )
    export.add_argument("traject", metavar="TRAJECT", help=message("cli_help_traject", lang))
    export.add_argument("--out", metavar=message("cli_metavar_file", lang), help=message("cli_help_out", lang))
    export.add_argument("--format", choices=("md", "html"), help=message("cli_help_format", lang))
    export.add_argument("--include-empty", action="store_true", help=message("cli_help_include_empty", lang))
    export.add_argument("--include-private", action="store_true", help=message("cli_help_include_private", lang))
    export.add_argument("--include-older", action="store_true", help=message("cli_help_include_older", lang))
    export.add_argument("--force", action="store_true", help=message("cli_help_force", lang))
    _content(export, lang, suppress=True)
    _common(export, lang, suppress=True)
    _due_parser(commands, lang)
    _serve_parser(commands, lang)
    _new_pack_parser(commands, lang)
    _preview_parser(commands, lang)
    return parser


def _due_parser(commands: Any, lang: str) -> None:
    """`loopbaan due [--ics FILE] [--force]`: what is due, and the dates as a calendar file."""
    due = commands.add_parser(
        "due", help=message("cli_help_due", lang), lang=lang, description=message("cli_help_due_description", lang)
    )
    due.add_argument("--ics", metavar=message("cli_metavar_file", lang), help=message("cli_help_ics", lang))
    due.add_argument("--force", action="store_true", help=message("cli_help_force", lang))
    _common(due, lang, suppress=True)


def _serve_parser(commands: argparse._SubParsersAction[Parser], lang: str) -> None:
    """`loopbaan serve [--port N] [--host H]`: the app in a browser (serve.py)."""
    from .serve import DEFAULT_PORT

    serve = commands.add_parser(
        "serve",
        help=message("cli_help_serve", lang),
        lang=lang,
        description=message("cli_help_serve_description", lang),
    )
    serve.add_argument("--port", type=port, default=DEFAULT_PORT, metavar="N", help=message("cli_help_port", lang))
    serve.add_argument("--host", metavar="HOST", help=message("cli_help_host", lang))
    _content(serve, lang, suppress=True)
    _common(serve, lang, suppress=True)


def port(text: str) -> int:
    """A port number (1-65535), for argparse."""
    port = int(text)  # a ValueError is argparse's "invalid port value"
    if not 0 < port < 65536:
        raise ValueError(text)
    return port


def _new_pack_parser(commands: Any, lang: str) -> None:
    """`loopbaan new-pack MAP [--from nl|en] [--minimal | --extends]`."""
    new_pack = commands.add_parser(
        "new-pack",
        help=message("cli_help_new_pack", lang),
        lang=lang,
        description=message("cli_help_new_pack_description", lang),
    )
    new_pack.add_argument(
        "path", metavar=message("cli_metavar_folder", lang), help=message("cli_help_new_pack_path", lang)
    )
    new_pack.add_argument("--from", dest="source", choices=LANGUAGES, help=message("cli_help_new_pack_from", lang))
    kind = new_pack.add_mutually_exclusive_group()
    kind.add_argument("--minimal", action="store_true", help=message("cli_help_new_pack_minimal", lang))
    kind.add_argument("--extends", action="store_true", help=message("cli_help_new_pack_extends", lang))
    _common(new_pack, lang, suppress=True)


def _preview_parser(commands: Any, lang: str) -> None:
    """`loopbaan preview MAP --profile ID [--format md|html] [--out FILE] [--force]`."""
    preview = commands.add_parser(
        "preview",
        help=message("cli_help_preview", lang),
        lang=lang,
        description=message("cli_help_preview_description", lang),
    )
    preview.add_argument(
        "path", metavar=message("cli_metavar_folder", lang), help=message("cli_help_preview_path", lang)
    )
    preview.add_argument("--profile", required=True, metavar="ID", help=message("cli_help_preview_profile", lang))
    preview.add_argument("--format", choices=("md", "html"), help=message("cli_help_format", lang))
    preview.add_argument("--out", metavar=message("cli_metavar_file", lang), help=message("cli_help_preview_out", lang))
    preview.add_argument("--force", action="store_true", help=message("cli_help_force", lang))
    _common(preview, lang, suppress=True)
