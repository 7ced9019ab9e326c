"""The `loopbaan` command: the app, and `check`, `list` and `export` without a screen.

Exit codes: 0 success, 1 the user's input is wrong (with a message), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2

_DESCRIPTION = (
    "loopbaan: denk na over je loopbaan als leraar, in vijf vragen.\n"
    "loopbaan: reflect on your career as a teacher, in five questions."
)


def _common(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """Options that work before and after the command name."""
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--lang", choices=("nl", "en"), default=argparse.SUPPRESS if suppress else "nl",
                        help="taal / language (nl, en)")
    parser.add_argument("--data-dir", metavar="PATH", default=default,
                        help="map voor je trajecten / folder for your trajecten (or $LOOPBAAN_DATA_DIR)")


def _content(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """--content, before the command name or after `list` and `export`."""
    parser.add_argument("--content", metavar="PATH", default=argparse.SUPPRESS if suppress else None,
                        help="een eigen inhoudspakket / a content pack folder")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="loopbaan", description=_DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"loopbaan {__version__}")
    _content(parser, suppress=False)
    _common(parser, suppress=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="controleer een inhoudspakket / check a content pack",
                                description="Controleer een inhoudspakket zonder de app te starten. "
                                "Check a content pack without starting the app.")
    check.add_argument("path", metavar="PATH", help="de map van het pakket / the pack's folder")
    _common(check, suppress=True)

    listing = commands.add_parser("list", help="toon je trajecten / list your trajecten")
    _content(listing, suppress=True)
    _common(listing, suppress=True)

    export = commands.add_parser("export", help="schrijf de roadmap / write the roadmap")
    export.add_argument("traject", metavar="TRAJECT", help="naam of id van het traject / the traject's name or id")
    export.add_argument("--out", metavar="FILE", help="het bestand / the file to write")
    export.add_argument("--format", choices=("md", "html"), help="md (standaard) of html")
    export.add_argument("--include-empty", action="store_true",
                        help="lege vragen als open vragen tonen / show empty questions")
    export.add_argument("--include-private", action="store_true", help="ook privé-antwoorden / include private answers")
    export.add_argument("--force", action="store_true",
                        help="een bestaand bestand vervangen / replace an existing file")
    _content(export, suppress=True)
    _common(export, suppress=True)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "check":
            return check(Path(args.path), args.lang)
        if args.command == "list":
            from .commands import list_trajecten

            return list_trajecten(args)
        if args.command == "export":
            from .commands import export_roadmap

            return export_roadmap(args)
        return run_app(args)
    except KeyboardInterrupt:
        return 130


def check(folder: Path, lang: str) -> int:
    """Print one line per problem; 0 when the pack is good, 1 when it is not."""
    from .domain.loader import load_pack
    from .domain.problems import Problem, printable

    for stream in (sys.stdout, sys.stderr):
        # A console that cannot show a letter gets a "?", never a crash.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    try:
        result = load_pack(folder)
    except Exception as error:  # a bug of ours must still not end in a traceback
        problem = Problem(str(folder), "internal_error", {"error": f"{type(error).__name__}: {error}"})
        print(problem.render(lang))
        return EXIT_INPUT
    if result.pack is None:
        for problem in result.problems:
            print(problem.render(lang))
        count = len(result.problems)
        if lang == "en":
            summary = f"{count} {'problem' if count == 1 else 'problems'} found."
        else:
            summary = f"{count} {'probleem' if count == 1 else 'problemen'} gevonden."
        print(summary, file=sys.stderr)
        return EXIT_INPUT
    pack = result.pack
    name = printable(pack.info.name)
    prompts = sum(len(s.prompts) for s in pack.sections)
    if lang == "en":
        print(f"OK: {name} ({len(pack.profiles)} profiles, {prompts} prompts).")
    else:
        print(f"In orde: {name} ({len(pack.profiles)} profielen, {prompts} vragen).")
    return EXIT_OK


def run_app(args: argparse.Namespace) -> int:
    from .ui.launch import launch

    return launch(args.content, args.data_dir, args.lang)


if __name__ == "__main__":
    sys.exit(main())
