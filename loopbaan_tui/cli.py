"""The `loopbaan` command: the app, and `check`, `list` and `export` without a screen.

Exit codes: 0 success, 1 the user's input is wrong (with a message), 2 wrong usage.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from .domain.content.builtin import DEFAULT_LANGUAGE, LANGUAGES, language_or_default

if TYPE_CHECKING:
    import argparse

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def _lang_asked(argv: list[str]) -> str:
    """The language asked for anywhere in `argv` (`--lang en`, `--lang=en`, `--la en`), so that
    argparse's own words, even about a mistake, come in that language; the default for one loopbaan
    does not speak."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        name, equals, value = arg.partition("=")
        if len(name) >= 3 and "--lang".startswith(name):
            if not equals:
                value = argv[i + 1] if i + 1 < len(argv) else ""
            return language_or_default(value)
    return DEFAULT_LANGUAGE


@dataclass
class AppArgs:
    """What starting the app needs from the command line (argparse's Namespace has the same names)."""

    content: str | None = None
    data_dir: str | None = None
    lang: str = DEFAULT_LANGUAGE
    plain: bool = False
    watch: bool = False


_VALUED = {"--content": "content", "--data-dir": "data_dir", "--lang": "lang"}
_FLAGS = {"--plain": "plain", "--watch": "watch"}


def quick_args(argv: list[str]) -> AppArgs | None:
    """The arguments of a plain start of the app (no command; only --content, --data-dir, --lang, --plain,
    --watch, written in full), read without argparse, which with its help texts in the catalogue's words
    is a noticeable part of the start; None for anything else, which argparse reads (and explains)."""
    args, i = AppArgs(), 0
    while i < len(argv):
        name, equals, value = argv[i].partition("=")
        if name in _FLAGS and not equals:
            setattr(args, _FLAGS[name], True)
            i += 1
            continue
        if name not in _VALUED:
            return None
        if not equals:
            if i + 1 == len(argv):
                return None
            value = argv[i + 1]
        i += 1 if equals else 2
        if value.startswith("-") or (name == "--lang" and value not in LANGUAGES):
            return None
        setattr(args, _VALUED[name], value)
    return args


def build_parser(lang: str = DEFAULT_LANGUAGE) -> argparse.ArgumentParser:
    """The whole command line, its help in `lang` (cli_parser.py)."""
    from .cli_parser import build_parser as build

    return build(lang)


def run_serve(args: argparse.Namespace) -> int:
    from .serve import ServeOptions, serve

    return serve(ServeOptions(args.content, args.data_dir, args.lang, port=args.port, host=args.host))


COMMANDS: dict[str, tuple[str, str]] = {
    "check-against": (".pack_commands", "check_against"),
    "list": (".commands", "list_trajecten"),
    "export": (".commands", "export_roadmap"),
    "due": (".commands", "due"),
    "new-pack": (".pack_commands", "new_pack"),
    "preview": (".pack_commands", "preview"),
}
"""The commands run by a function of their own module (module, function), imported only when used."""


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if (quick := quick_args(argv)) is not None:
        try:
            return run_app(quick)
        except KeyboardInterrupt:
            return 130
    try:
        args = build_parser(_lang_asked(argv)).parse_args(argv)
    except SystemExit as done:  # --help, --version, or a mistake argparse has already explained
        return EXIT_OK if done.code is None else done.code if isinstance(done.code, int) else EXIT_USAGE
    try:
        if args.command == "check" and not getattr(args, "against", None):
            return check(Path(args.path), args.lang)
        if args.command == "serve":
            return run_serve(args)
        command = "check-against" if args.command == "check" else args.command
        if command in COMMANDS:
            module, function = COMMANDS[command]
            run: Callable[[argparse.Namespace], int] = getattr(import_module(module, __package__), function)
            return run(args)
        return run_app(args)
    except KeyboardInterrupt:
        return 130


def check(folder: Path, lang: str) -> int:
    """Print one line per problem; 0 when the pack is good, 1 when it is not."""
    from .domain.content.loader import load_pack
    from .domain.content.problems import Problem, printable
    from .domain.words.messages import message
    from .terminal import Printer

    for stream in (sys.stdout, sys.stderr):
        # A console that cannot show a letter gets a "?", never a crash.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    out, err = Printer(sys.stdout), Printer(sys.stderr)
    try:
        result = load_pack(folder)
    except Exception as error:  # a bug of ours must still not end in a traceback
        out.problem(Problem(str(folder), "internal_error", {"error": f"{type(error).__name__}: {error}"}), lang)
        return EXIT_INPUT
    if result.pack is None:
        for problem in result.problems:
            out.problem(problem, lang)
        count = len(result.problems)
        found = "cli_check_found_one" if count == 1 else "cli_check_found"
        err.line(message(found, lang, count=count), "bold")
        return EXIT_INPUT
    pack = result.pack
    prompts = sum(len(s.prompts) for s in pack.sections)
    counts = {"profiles": len(pack.profiles), "prompts": prompts}
    out.line(message("cli_check_ok", lang, name=printable(pack.info.name), **counts), "green")
    return EXIT_OK


def run_app(args: argparse.Namespace | AppArgs) -> int:
    if args.plain or os.environ.get("LOOPBAAN_PLAIN", "").strip():  # plain.PLAIN_ENV: only then import plain mode
        from .plain import plain_asked, run_plain

        if args.plain or plain_asked():
            return run_plain(args.content, args.data_dir, args.lang)
    from .ui.launch import launch

    return launch(args.content, args.data_dir, args.lang, watch=getattr(args, "watch", False))


if __name__ == "__main__":
    sys.exit(main())
